b = b"hello"
print(b, len(b), b[0], b[-1], b[1:3], b[::-1], list(b[:2]))
print(b.upper(), b.replace(b"l", b"L"), b.split(b"l"), b.find(b"ll"), b.count(b"l"))
print(b + b" world", b * 2, b"x" in b"xyz", 104 in b, b.startswith(b"he"))
print(bytes(3), bytes([65, 66]), bytes("é", "utf-8"), bytes(range(3)), bytes(b"copy"))
print(b.decode(), b.hex(), bytes.fromhex("de ad"), b"a,b".split(b","), b" x ".strip())
print(b"abc" < b"abd", b"abc" == b"abc", hash(b"ab") == hash(b"ab"), type(b[0]).__name__)
print(repr(b"\x00\x01\n\t'\""), b"\\", b"".join([b"a", b"b"]))
try:
    b[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    bytes([256])
except ValueError as e:
    print("ValueError:", e)
print(b"%d-%s" % (5, b"x"), b"abc".isalpha(), b"123".isdigit(), b"AbC".lower())
