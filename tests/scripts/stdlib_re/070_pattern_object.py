# Pattern objects: attributes, repr, equality and hashing, copy, the cache.
import copy
import re

p = re.compile(r"(?P<word>\w+) (\d+)", re.I)
print(p, p.pattern, p.flags, p.groups, p.groupindex)
print(repr(re.compile("a\nb")), repr(re.compile(b"x", re.I | re.M)), re.compile("x", re.A | re.S))
print(re.compile("a") == re.compile("a"), re.compile("a") == re.compile("a", re.I))
print(re.compile("a") == re.compile(b"a"), re.compile("a") != re.compile("b"))
print(hash(re.compile("xy")) == hash(re.compile("xy")))
print(copy.copy(p) is p, copy.deepcopy(p) is p)
print(re.compile(p) is p, re.compile("abc") is re.compile("abc"))
re.purge()
print(re.compile("abc").pattern)
print(p.findall("Ab 1, cd 22"), p.sub(r"\2 \g<word>", "ab 1"), p.split("x ab 12 y"))
print(isinstance(p, re.Pattern), isinstance(p.match("a 1"), re.Match), type(p).__name__)
print(p.match("Hi 5").group("word"), p.fullmatch("Hi 5x"), p.search("-- yo 7 --").span())
print(len(repr(re.compile("x" * 300))))
print(re.Pattern[str], re.Match[bytes])


def typed(p: re.Pattern[str], s: str) -> re.Match[str]:
    return p.match(s)


print(typed(re.compile("a"), "abc"))
import pickle
q = pickle.loads(pickle.dumps(re.compile("a+b", re.I)))
print(q, q.match("AAb"))
