s = "Grüße €"
b = s.encode("utf-8")
print(b, len(b), type(b).__name__)
print(b.decode("utf-8") == s)
print(s.encode("ascii", "replace"), s.encode("ascii", "ignore"), s.encode("latin-1", "replace"))
try:
    s.encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e.reason, e.start, e.end)
try:
    b"\xff\xfe".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e.reason)
print(b"\xff".decode("utf-8", "replace"), b"abc\xff".decode("utf-8", "ignore"))
print(str(b"x", "ascii"), "é".encode("latin-1"), b"\xe9".decode("latin-1"))
print(bytes([104, 105]).decode(), "hi".encode().hex(), bytes.fromhex("6869"))
