# fnmatch, fnmatchcase, filter and translate on the corner cases of the
# pattern syntax: sets, ranges, negation, unclosed brackets, many stars.
from fnmatch import fnmatch, fnmatchcase, filter, translate
cases = [("a.py", "*.py"), ("a.pyc", "*.py"), ("abc", "a?c"), ("ac", "a?c"), ("a/b", "a*b"),
         ("b", "[abc]"), ("d", "[abc]"), ("d", "[!abc]"), ("]", "[]]"), ("x", "[]x]"), ("[", "["),
         ("[a", "[a"), ("-", "[a-]"), ("m", "[a-z]"), ("M", "[a-z]"), ("b", "[z-a]"), ("!", "[!]"),
         ("", "*"), ("", ""), ("x", ""), ("aaa", "a*a*a"), ("aa", "a*a*a"), ("abcabd", "*ab?"),
         ("A.PY", "*.py"), ("xyz", "***"), ("a.b.c", "*.*"), ("ab", "a[!b]"), ("a\\", "a\\"),
         ("mississippi", "*sip*"), ("mississippi", "m*ss*ss*pi"), ("é", "?"), ("ab", "[a][b]")]
for name, pat in cases:
    print(repr(name), repr(pat), fnmatch(name, pat), fnmatchcase(name, pat))
print(filter(["a.py", "b.txt", "c.py", ".py"], "*.py"))
print(fnmatch(b"a.py", b"*.py"))
for p in ["*.py", "a*b*c", "?x[abc]", "[!a-c]*", "a.b", "[", "[]", "[!]", "**", "x*", "*x", "[^x]", "a+b(c)", "[a&b]"]:
    print(repr(p), translate(p))
