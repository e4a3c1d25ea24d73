# Flags: values, reprs, combination, and their effect, given or inline.
import re

print(int(re.I), int(re.M), int(re.S), int(re.X), int(re.A), int(re.U), int(re.L))
print(re.I, re.I | re.M, repr(re.IGNORECASE | re.DOTALL | re.VERBOSE), re.NOFLAG)
print(re.I | 8, 8 | re.I, isinstance(re.I | re.M, int))
print(re.findall("a", "aAbA", re.I), re.findall("(?i)a", "aA"), re.findall("(?i:a)A", "aAAA"))
print(re.findall("^b", "b\nb\nb", re.M), re.findall("b$", "b\nb\nb", re.M), re.findall("b$", "b\nb\n"))
print(re.findall("a.b", "a\nb", re.S), re.findall("a.b", "a\nb"), re.findall("(?s:a.)b", "a\nb"))
print(re.findall(r"""\d +  # digits
                     [a-z]  # a letter""", "12b 3c", re.X))
print(re.findall(r"\w+", "héllo wörld", re.A), re.findall(r"\w+", "héllo wörld"))
print(re.compile("a").flags, re.compile(b"a").flags, re.compile("(?ims)a").flags, re.compile("a", re.A).flags)
print(re.compile("(?x) a # c").pattern, re.compile("(?x) a # c").flags)
print(re.search("(?-i:a)B", "aB", re.I), re.search("(?-i:a)B", "Ab", re.I))
print(re.search("[a-z]+", "ABC", re.I), re.search(r"\bfoo\b", "a foo.", re.A))
print(re.A | re.I | re.M, re.compile("x", re.A | re.S | re.I), re.X | re.U)
