# Decoding bytes with surrogateescape and surrogatepass, and round trips.
DATA = [b"\xff", b"a\x80\xffb", b"\xed\xa0\x80", b"\xed\xb2\x80x", b"\xe2\x82",
        b"\xf0\x9f\x98", b"\xed\xa0", b"\xed\xbf\xbf\xed\xa0\x80", b"\xc3\xa9\xff\xc3"]
for data in DATA:
    for codec in ["utf-8", "ascii", "latin-1"]:
        for errors in ["strict", "surrogateescape", "surrogatepass", "replace", "ignore",
                       "backslashreplace"]:
            try:
                result = ascii(data.decode(codec, errors))
            except UnicodeDecodeError as e:
                result = f"{type(e).__name__}: {e} [{e.start}:{e.end}]"
            print(data, codec, errors, result)

# PEP 383: every byte string survives a surrogateescape round trip.
blob = bytes(range(256)) + b"\xed\xa0\x80\xf4\x90\x80\x80"
for codec in ["utf-8", "ascii"]:
    text = blob.decode(codec, "surrogateescape")
    print(codec, len(text), text.encode(codec, "surrogateescape") == blob)
text = b"\xed\xa0\x80\xed\xb0\x80".decode("utf-8", "surrogatepass")
print(ascii(text), len(text), text.encode("utf-8", "surrogatepass"))
print(ascii(str(b"\xfe", "utf-8", "surrogateescape")))
print(ascii(bytearray(b"\x81z").decode("ascii", "surrogateescape")))
