# Bytes patterns over bytes and bytearray: ASCII classes, case folding, results as bytes.
import re

print(re.findall(rb"\w+", b"ab\xe9cd ef"), re.findall(rb"(?i)\xe9", b"\xc9\xe9"))
print(re.search(rb"\d+", b"abc 123"), re.match(b"(a)(b)?", b"ac").groups())
print(re.sub(rb"(\w+)", rb"<\1>", b"hi there"), re.split(rb"\s+", b"a b  c"))
print(re.search(b"b+", bytearray(b"abbbc")), re.findall(b"b", bytearray(b"abcb")))
print(re.compile(b"x", re.I), re.compile(b"[\x80-\xff]+").search(b"ab\x80\xffcd").span())
print(re.escape(b"a.b*c"), re.escape("a.b*c\u00e9"), re.escape("-_ \t"))
print(re.sub(b"a", lambda m: b"[" + m.group() + b"]", b"banana"))
try:
    re.sub(b"a", "x", b"a")
except TypeError as e:
    print("TypeError", e)
