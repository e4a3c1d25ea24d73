# pprint/pformat of nested containers at several widths, indents and depths;
# compact mode, sort_dicts, long strings and bytes, recursion, saferepr,
# isreadable/isrecursive, and the collections types.
import collections
import io
import pprint
import types
from dataclasses import dataclass, field

data = {
    "name": "gilt", "numbers": list(range(30)), "nested": {"b": [1, 2, {"x": (1, 2, 3)}], "a": None},
    "tuple1": (1,), "empty": [], "set": {3, 1, 2}, "fs": frozenset({"b", "a"}), "float": 1.5,
    ("tuple", "key"): "value", 10: "int key",
}
try:
    pprint.pprint(data)
except TypeError as exc:
    print("TypeError", exc)
data.pop(("tuple", "key"))
data.pop(10)
pprint.pprint(data)
pprint.pprint(data, width=40, indent=4)
pprint.pprint(data, depth=1)
pprint.pprint(data, depth=2, width=30)
pprint.pprint(data["numbers"], compact=True, width=30)
pprint.pprint(data, sort_dicts=False, width=60)
pprint.pp({"z": 1, "a": 2, "m": list(range(25))})
print(pprint.pformat([[1, 2, 3]] * 5, width=20))
print(pprint.pformat(list(range(12)), width=10, compact=True, indent=3))

text = "The quick brown fox jumps over the lazy dog. " * 4
pprint.pprint(text)
pprint.pprint([text, "short"], width=50)
pprint.pprint({"key": "line one\nline two is a bit longer than the first\nthird"}, width=30)
pprint.pprint(bytes(range(40)), width=30)
pprint.pprint(bytearray(b"abcdefghijklmnopqrstuvwxyz" * 2), width=40)
pprint.pprint([b"\x00" * 30], width=25)

loop = [1, 2]
loop.append(loop)
print(pprint.pformat(loop).startswith("[1, 2, <Recursion on list with id="))
d = {"self": None}
d["self"] = d
print(pprint.saferepr(d).startswith("{'self': <Recursion on dict with id="))
print(pprint.isrecursive(loop), pprint.isreadable(loop), pprint.isreadable([1, "a", (2.5, None)]))
print(pprint.isreadable(object()), pprint.saferepr([1, {"b": 2, "a": 1}]))

pprint.pprint(collections.OrderedDict((str(i), i * 1000) for i in range(8)), width=40)
pprint.pprint(collections.defaultdict(list, {"a": list(range(15)), "b": [1]}), width=40)
pprint.pprint(collections.Counter("abracadabra" * 3), width=30)
pprint.pprint(collections.deque(range(20), maxlen=25), width=30)
pprint.pprint(collections.deque(range(20)), width=30)
pprint.pprint(collections.ChainMap({"a": list(range(10))}, {"b": 2}), width=30)
pprint.pprint(types.SimpleNamespace(alpha=list(range(12)), beta="text"), width=30)


@dataclass
class Point:
    x: int
    y: int
    tags: list = field(default_factory=list)


pprint.pprint(Point(1, 2, ["a" * 20, "b" * 20, "c" * 20]), width=40)
pprint.pprint([Point(1, 2)], width=20)

out = io.StringIO()
printer = pprint.PrettyPrinter(indent=2, width=20, stream=out)
printer.pprint({"a": [1, 2, 3, 4, 5, 6, 7], "b": "x"})
print(out.getvalue(), end="")
print(printer.pformat((1, 2)), printer.isrecursive(loop), printer.isreadable("x"))
print(pprint.pformat(1234567890, underscore_numbers=True), pprint.pformat({"n": 10 ** 8}, underscore_numbers=True))
for kwargs in ({"indent": -1}, {"depth": 0}, {"width": 0}):
    try:
        pprint.PrettyPrinter(**kwargs)
    except ValueError as exc:
        print("ValueError", exc)


class Custom:
    def __repr__(self):
        return "Custom(" + "x" * 90 + ")"


pprint.pprint([Custom()])
pprint.pprint({"k": {3}, "j": frozenset()})
