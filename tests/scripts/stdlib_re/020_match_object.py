# Match objects: group(s), names, spans, lastindex/lastgroup, expand, repr.
import copy
import re

m = re.match(r"(?P<first>\w+) (?P<last>\w+)(?P<tail>!)?( x)?", "Isaac Newton, physicist")
print(m)
print(m.group(), m.group(0), m.group(1), m.group("last"), m.group(1, "last", 0))
print(m[0], m[1], m["first"], m.groups(), m.groups("-"))
print(m.groupdict(), m.groupdict(0))
print(m.start(), m.end(), m.span(), m.start(2), m.end("last"), m.span("tail"), m.start(3))
print(m.lastindex, m.lastgroup, m.regs, m.re.pattern, m.string, m.pos, m.endpos)
print(m.expand(r"\2, \g<first> \g<0>!"), m.expand(r"[\g<tail>]"))
for bad in (5, -1, "nope", 1.5, None):
    try:
        m.group(bad)
    except IndexError as e:
        print(type(bad).__name__, "IndexError", e)
try:
    m.start(9)
except IndexError as e:
    print("start", e)
print(copy.copy(m) is m, copy.deepcopy(m) is m, bool(m))
print(re.match("(a)(b)", "ab").lastindex, re.match("((a)b)", "ab").lastindex)
print(re.match("(a)|b", "b").lastindex, re.match("(?P<n>a)|(?P<m>b)", "b").lastgroup)
print(re.match("(a)(?:b)", "ab").lastgroup, re.match("(x)?y", "y").groups())
print(repr(re.search("b+", "abbbc")), repr(re.match(b"ab", b"abc")))
print(re.match("(a*)*", "aab").groups(), re.match("(a|)*", "aa").span(), re.match("(?:(a)|b)*", "ab").groups())
print([(m.pos, m.endpos) for m in re.compile("a").finditer("aaaa", 1, 3)])
sc = re.compile("a").scanner("aaa")
print(sc.search().pos, sc.search().span(), sc.match(), sc.search())
print(re.match("(a)(b)?", "a").regs, type(m).__name__, type(m).__module__)
print(m.groups(default="?"), m.groupdict(default="?"), m.start(1), m.span("first"))
for call in (lambda: m.start(group=1), lambda: m.span(1, 2)):
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
