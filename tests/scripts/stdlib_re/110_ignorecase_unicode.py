# IGNORECASE on str: characters match by case class, including CPython's
# case fixes (the Kelvin sign is a k, dotless and dotted i are i's, the long
# s is an s, Greek letters with two lower forms), in literals and classes.
import re

for lit in "iksKµıİſßσςθϑΐﬅ":
    p = re.compile("(?i)" + re.escape(lit))
    q = re.compile("(?i)[x" + lit + "]")
    print(hex(ord(lit)), [hex(c) for c in range(0x2200) if p.match(chr(c))],
          [hex(c) for c in range(0x2200) if q.match(chr(c))])
r = re.compile(r"(?i)[a-z]+")
print([hex(c) for c in range(0x10000) if r.match(chr(c)) and c > 127])
print(re.findall("(?i)straße", "STRASSE Straße STRAẞE"), re.findall("(?ia)k", "kK\u212a"))
print(re.match(r"(?i)(s)\1", "s\u017f"), re.match(r"(?i)(s)\1", "sS").span())
