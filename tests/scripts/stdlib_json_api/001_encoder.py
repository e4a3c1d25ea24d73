import io
import json


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return {"x": o.x, "y": o.y}
        return super().default(o)


class Compact(json.JSONEncoder):
    item_separator = ","
    key_separator = "="


print(json.dumps([Point(1, 2)], cls=PointEncoder), json.dumps(Point(3, 4), default=vars))
print(PointEncoder(sort_keys=True, indent=1).encode({"b": Point(0, 1), "a": None}))
print(Compact().encode({"a": [1, 2]}), Compact(indent=0).encode({"a": [1]}))
print(json.dumps({"a": [1]}, cls=Compact), json.dumps({"a": [1]}, cls=Compact, separators=(";", ":")))
e = json.JSONEncoder(indent="\t", separators=(",", ":"))
print(e.item_separator, e.key_separator, e.indent, repr(e.encode({"k": [1, {}], "e": []})))
e = json.JSONEncoder(indent=2)
print(repr(e.item_separator), repr(e.key_separator), e.sort_keys, e.skipkeys, e.ensure_ascii, e.allow_nan, e.check_circular)
print("".join(json.JSONEncoder().iterencode({"i": [1, 2]})), "".join(json.JSONEncoder().iterencode("x")))
print(json.dumps({"a": 1, "b": [True, None]}, indent=0), json.dumps([[], {}], indent=3))
print(json.dumps("\u2028 \x00 \x1f é \U0001F600"), json.dumps("é\U0001F600", ensure_ascii=False))
print(json.dumps({"z": 1, 3: 2, "a": 3}, skipkeys=True), json.dumps({(1,): 1, "k": 2}, skipkeys=True))
print(json.dumps(1.0), json.dumps(-0.0), json.dumps(1e-7), json.dumps(123456789.123), json.dumps(float("-inf")))
print(json.dumps([1, 2], check_circular=False), json.dumps({"x": 1.5}, allow_nan=False))
buf = io.StringIO()
json.dump({"k": [1, "v"]}, buf, indent=1, sort_keys=True)
print(repr(buf.getvalue()))


def attempt(fn):
    try:
        print(fn())
    except (TypeError, ValueError) as exc:
        print(type(exc).__name__, exc)


attempt(lambda: json.dumps(Point(1, 2), cls=PointEncoder, indent=None, skipkeys=False, bogus=1))
attempt(lambda: json.dumps([1, object()], cls=PointEncoder))
attempt(lambda: json.dumps(float("nan"), allow_nan=False))
attempt(lambda: json.dumps({"a": float("inf")}, allow_nan=False))
attempt(lambda: json.dumps({b"k": 1}))
attempt(lambda: json.dumps(b"bytes"))
