# Mapping and MutableMapping mixins, and the three views.
from collections.abc import (Mapping, MutableMapping, KeysView, ItemsView,
                             ValuesView, MappingView, Set)


class Frozen(Mapping):
    def __init__(self, data):
        self._data = dict(data)

    def __getitem__(self, key):
        return self._data[key]

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)

    def __repr__(self):
        return "Frozen(%r)" % self._data


f = Frozen({"a": 1, "b": 2})
print(f.get("a"), f.get("z"), f.get("z", 0), "a" in f, "z" in f, len(f))
print(f.keys(), f.items(), f.values())
print(list(f.keys()), list(f.items()), list(f.values()))
print(f == {"a": 1, "b": 2}, f == Frozen({"a": 1}), f == [("a", 1)], f != {"b": 2})
print(f.__eq__(1), Frozen.__hash__, Frozen.__reversed__)
try:
    reversed(f)
except TypeError as exc:
    print("TypeError", exc)
k, i, v = f.keys(), f.items(), f.values()
print(isinstance(k, Set), isinstance(i, Set), isinstance(v, Set), isinstance(v, MappingView))
print("a" in k, ("a", 1) in i, ("a", 2) in i, ("z", 1) in i, 2 in v, 3 in v)
try:
    "ab_" in i
except ValueError as exc:
    print("ValueError", exc)
print(sorted(k & {"a", "x"}), sorted(k | ["c"]), k - ["a"], sorted(k ^ {"a", "q"}), type(k & k).__name__)
print(i & {("a", 1)}, len(k), len(i), len(v), k == {"a", "b"}, k <= {"a", "b", "c"})
nan = float("nan")
fn = Frozen({"n": nan})
print(("n", nan) in fn.items(), nan in fn.values())
print(repr(KeysView({1: 2})), repr(ValuesView([])), repr(ItemsView(f)))
print(list(KeysView({3: 4})), list(ItemsView({3: 4})), list(ValuesView({3: 4})))


class Store(MutableMapping):
    def __init__(self):
        self._data = {}

    def __getitem__(self, key):
        return self._data[key]

    def __setitem__(self, key, value):
        self._data[key] = value

    def __delitem__(self, key):
        del self._data[key]

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)

    def __repr__(self):
        return "Store(%r)" % self._data


class KeysOnly:
    def keys(self):
        return ["x", "y"]

    def __getitem__(self, key):
        return key * 2


s = Store()
s.update({"a": 1})
s.update(f)
s.update(KeysOnly())
s.update([("p", 0), ("q", 9)], q=10, r=11)
s.update(kw=5)
s.update()
print(s)
print(s.setdefault("a", 99), s.setdefault("new"), s.setdefault("n2", 3), s)
print(s.pop("a"), s.pop("a", "gone"), s.pop("a", None))
try:
    s.pop("a")
except KeyError as exc:
    print("KeyError", repr(exc))
print(s.popitem(), s.popitem(), len(s))
s.clear()
print(s, len(s))
try:
    s.popitem()
except KeyError as exc:
    print("KeyError", repr(exc), exc.__suppress_context__)
for bad in (5, [1], [(1, 2, 3)]):
    try:
        s.update(bad)
    except (TypeError, ValueError) as exc:
        print(type(exc).__name__, exc)
try:
    s.update({}, {})
except TypeError as exc:
    print("TypeError", exc)
s.update(other=1, self=2)
print(s)
