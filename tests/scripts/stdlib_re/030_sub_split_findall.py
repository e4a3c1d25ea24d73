# sub and subn (templates, callables, count), split (groups, maxsplit),
# findall and finditer, including the rules for empty matches.
import re

print(re.sub(r"(\w+)@(\w+)\.com", r"\2 at \1", "joe@example.com, ann@test.com"))
print(re.sub(r"(?P<a>\d)", r"<\g<a>\g<1>\g<0>>", "a1b22"))
print(re.sub("a", r"\n\t\\", "xax"), repr(re.sub("a", r"\0\101\08", "a")))
print(re.sub("a", lambda m: m.group().upper() * 2, "banana"))
print(re.sub("a", "o", "banana", 2), re.sub("a", "o", "banana", count=1))
print(re.subn("a", "o", "banana"), re.subn("x", "o", "banana"))
print(re.sub("x*", "-", "abxd"), re.sub("", "-", "abc"), re.sub("(?=b)", "^", "abab"))
print(re.sub(r"\s+", " ", "  many   spaces\there  "))
print(re.sub("(a)|b", r"[\1]", "ab"), re.sub("a", r"\.", "a"))
print(re.split(r"\W+", "Words, words, words."))
print(re.split(r"(\W+)", "Words, words, words."))
print(re.split(r"\W+", "Words, words, words.", 1), re.split(r"\W+", "Words, words, words.", maxsplit=2))
print(re.split("[a-f]+", "0a3B9", flags=re.IGNORECASE))
print(re.split(r"\b", "Words, words."), re.split(r"\W*", "...words..."))
print(re.split("(a)|(b)", "xaybz"), re.split("x", ""), re.split("", "abc"))
print(re.findall(r"\d+", "12 drummers, 11 pipers, 10 lords"))
print(re.findall(r"(\w+)=(\d+)", "a=1, b=22, c=x"), re.findall(r"(\w)(x)?", "ab"))
print(re.findall("", "ab"), re.findall("a*", "baaac"))
print([m.span() for m in re.finditer(r"\w+", "ab cd  ef")])
print([m.group() for m in re.finditer("a*", "baaac")])
it = re.finditer("b", "abcb")
print(next(it).span(), next(it).span(), list(it))
try:
    re.sub("a", r"\9", "a")
except re.error as e:
    print("error", e)
try:
    re.sub("(?P<x>a)", r"\g<y>", "a")
except IndexError as e:
    print("IndexError", e)
sc = re.compile(r"\d").scanner("a1b2")
print(sc.search().group(), sc.search().group(), sc.search())
print(re.split("a", "bab", -1), re.sub("a", "x", "aaa", -1), re.subn("a", "x", "aaa", count=-2))
print(re.sub("a", lambda m: "y", "aa", -1), re.split("a", "bab", maxsplit=True))
try:
    re.sub("a", "x", "aaa", 1.5)
except TypeError as e:
    print("TypeError", e)
print(re.sub("a", lambda m: None, "banana"), re.subn(b"a", lambda m: bytearray(b"o"), b"banana"))
for bad in (lambda m: 5, lambda m: b"x"):
    try:
        re.sub("a", bad, "banana")
    except TypeError as e:
        print("TypeError", e)
inner = re.compile(r"\w")
print(inner.sub(lambda m: inner.sub("*", "é" + m.group()) + "|", "héllo wörld"))
print(re.sub(r"(?P<w>\w+)", lambda m: m.group("w")[::-1] + str(m.start()), "ab cd", count=1))
it = re.finditer(r"\d", "a1b22")
print(type(it).__name__ != "list", [m.group() for m in it], list(it))
print(re.compile("x*").scanner("axb").pattern.pattern)
