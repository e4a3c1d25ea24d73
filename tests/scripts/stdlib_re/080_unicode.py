# Non-ASCII subjects: indexes count code points, Unicode classes and case folding.
import re

s = "naïve café, ÉCOLE 😀 x٣"
print(re.findall(r"\w+", s), [m.span() for m in re.finditer(r"\w+", s)])
print(re.search("é", s).span(), re.search("(?i)école", s).group(), re.search("😀", s).span())
print(re.sub(r"[^\x00-\x7f]", "?", s), re.split(r"\s+", s))
print(re.findall(r"\d", s), re.findall(r"(?a)\d", s), re.findall(r"\s", "a\u3000b\u2029"))
print(re.match(r"(\w+)\W+(\w+)", s).groups(), re.match(r"(\w+)\W+(\w+)", s).span(2))
print(re.search(r"\bcafé\b", s), re.fullmatch("(?i)straße", "STRASSE"), re.match("(?i)ſ", "S"))
print(re.search(r"\N", "x") if False else "skip", re.search(r"\u00e9", s).start(), re.search(r"\U0001F600", s).start())
t = "ab" * 1000 + "é"
print(len(re.findall("ab", t)), re.search("é", t).start())
