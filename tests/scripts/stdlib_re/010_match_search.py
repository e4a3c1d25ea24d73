# match, search and fullmatch, with pos and endpos; None when nothing matches.
import re

print(re.match(r"\d+", "123abc"))
print(re.match(r"\d+", "abc123"))
print(re.search(r"\d+", "abc123def"))
print(re.fullmatch(r"\d+", "123"), re.fullmatch(r"\d+", "123a"))
print(re.fullmatch("a|ab", "ab"), re.match("a|ab", "ab"))
p = re.compile(r"o")
print(p.search("hello world", 5), p.search("hello world", 5, 7), p.search("hello world", 8))
print(p.match("hello", 4), p.match("hello", 3), p.fullmatch("hello", 4))
print(re.compile("^h").search("ahah", 2), re.compile("(?m)^h").search("a\nh", 1))
print(re.compile(r"\bw").search("hello world", 6), re.compile("d$").search("abcd", 0, 4))
print(re.compile("c$").search("abcd", 0, 3), re.compile(r"c\Z").search("abcd", 0, 3))
m = p.search("hello world", -5, 100)
print(m.pos, m.endpos, m.span())
m = p.search("hello world", 2, 9)
print(m.pos, m.endpos, m.span(), m.re is p, m.string)
print(re.compile("x").search("abc", 5, 2), re.compile("").search("abc", 5))
for s in ["", "a", "aa\n", "a\nb\n"]:
    print(repr(s), [m.span() for m in re.finditer("$", s)], re.findall("(?m)^.*$", s))
