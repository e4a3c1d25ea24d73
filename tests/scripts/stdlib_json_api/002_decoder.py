import io
import json

doc = '{"n": 1, "f": 2.50, "c": [NaN, Infinity, -Infinity], "o": {"b": 1, "a": 2}}'
print(json.loads(doc, parse_float=str, parse_int=lambda s: int(s) * 10))
print(json.loads(doc, parse_constant=lambda name: "<" + name + ">"))
print(json.loads(doc, object_hook=lambda d: sorted(d)))
print(json.loads(doc, object_pairs_hook=lambda pairs: pairs))
print(json.loads(doc, object_hook=lambda d: "hook", object_pairs_hook=lambda p: "pairs wins"))
d = json.JSONDecoder()
print(d.parse_float is float, d.parse_int is int, d.parse_constant("NaN"), d.strict, d.object_hook, d.object_pairs_hook)
print(d.decode("  [1, 2]\n"), d.raw_decode('{"a": 1} trailing'), d.raw_decode('xx[3]', 2))
print(json.JSONDecoder(strict=False).decode('"tab\there"'), json.loads('"a\nb"', strict=False))
print(json.loads(b'{"bytes": 1}'), json.loads(bytearray(b'[1]')), json.loads('"\u00e9"'.encode("utf-8")))
print(json.loads(b'\xef\xbb\xbf[7]'))
print([json.detect_encoding(b) for b in [b"", b"1", b"\x001", b"1\x00", b"{}", b"\x00\x00\x00[", b"[\x00\x00\x00",
                                         b"\x00[\x00]", b"[\x00]\x00", b"\xff\xfe[\x00", b"\xef\xbb\xbf[]"]])
print(json.load(io.StringIO('{"from": "file"}')), json.load(io.BytesIO(b"[true]")))


class Upper(json.JSONDecoder):
    def decode(self, s, _w=None):
        return str(super().decode(s)).upper()


print(json.loads('{"k": "v"}', cls=Upper), json.loads("[1.5]", cls=Upper, parse_float=lambda s: "f" + s))


def attempt(fn):
    try:
        print(fn())
    except json.JSONDecodeError as exc:
        print("JSONDecodeError", exc.msg, exc.pos, exc.lineno, exc.colno, "|", exc)
    except (TypeError, ValueError) as exc:
        print(type(exc).__name__, exc)


attempt(lambda: json.loads('\ufeff[1]'))
attempt(lambda: json.loads('[1,\n 2,\n x]'))
attempt(lambda: json.loads('"tab\there"'))
attempt(lambda: json.loads("[1] [2]"))
attempt(lambda: json.loads(None))
attempt(lambda: json.loads([]))
attempt(lambda: json.JSONDecoder().raw_decode(" [1]"))
attempt(lambda: json.loads("{}", bogus=True))
err = json.JSONDecodeError("Boom", "ab\ncd\nef", 7)
print(err.msg, err.doc == "ab\ncd\nef", err.pos, err.lineno, err.colno, err.args, str(err))
print(err.__reduce__()[1], isinstance(err, ValueError))
print(sorted(json.__all__), json.__version__)
