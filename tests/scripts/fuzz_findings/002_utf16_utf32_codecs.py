# decoder_fuzz: json.loads of UTF-16/32 bytes raised LookupError (the codecs
# were missing). Decoding, encoding and the error handlers of UTF-16 and
# UTF-32, with CPython's error messages and ranges.
import json


def attempt(f):
    try:
        return ascii(f())
    except Exception as e:
        extra = (e.start, e.end) if isinstance(e, UnicodeError) else ""
        return f"{type(e).__name__}: {e} {extra}"


DATA = [b"", b"a", b"a\x00", b"a\x00b", b"\x00\xdc", b"\x00\xd8", b"\x00\xd8a", b"\x00\xd8a\x00",
        b"\x00\xd8\x00\xdc", b"\x00\xd8\x00\xd8\x00\xdc", b"\xff\xfea\x00", b"\xfe\xff\x00a",
        b"\xff\xfe\x00\xdc", b"\xfe\xff\xdc\x00", b"\xff\xfe\x00\x00a\x00\x00\x00",
        b"\x00\x00\xfe\xff\x00\x00\x00a", b"\x00\x00\x11\x00", b"\x00\xd8\x00\x00",
        b"a\x00\x00", b"\x80\xdc\x81\xdc"]
for enc in ["utf-16", "utf-16-le", "UTF-16BE", "utf_32", "utf-32-le", "utf-32-be", "u16"]:
    for data in DATA:
        print(enc, data, attempt(lambda: data.decode(enc)))
        for errors in ["replace", "ignore", "backslashreplace", "surrogatepass",
                       "surrogateescape"]:
            print("   ", errors, attempt(lambda: data.decode(enc, errors)))

for enc in ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"]:
    for text in ["", "abc", "a\U00010000z", "\xe9\u20ac", "ab\udc80\udc81c"]:
        print(enc, ascii(text), attempt(lambda: text.encode(enc)))
        for errors in ["replace", "ignore", "backslashreplace", "xmlcharrefreplace",
                       "surrogatepass"]:
            print("   ", errors, attempt(lambda: text.encode(enc, errors)))
    print("round trip", "a\U0001f600\xe9".encode(enc).decode(enc) == "a\U0001f600\xe9")

for doc in [["x", 1], {"k": "\u20ac"}, "\U0001f600"]:
    for enc in ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le",
                "utf-32-be"]:
        print(enc, attempt(lambda: json.loads(json.dumps(doc).encode(enc))))
for data in [b'\xff\xfe"\x00x\x00', b'\xff\xfe"\x00x\x00"\x00', b"[\x00,\xa0",
             b'\xff\xfe"\x00x\x00308"\x00', b'\xff\xfeY\x86}"\x00x\x00"']:
    print(data, attempt(lambda: json.loads(data)))
