# The abstract methods of each ABC, and what instantiating one says.
import collections.abc as cabc

for name in cabc.__all__:
    print(name, sorted(getattr(cabc, name).__abstractmethods__))

for abc in (cabc.Sized, cabc.Mapping, cabc.MutableSequence, cabc.Set):
    try:
        abc()
    except TypeError as exc:
        print("TypeError", exc)


class HalfMap(cabc.Mapping):
    def __getitem__(self, key):
        return key


try:
    HalfMap()
except TypeError as exc:
    print("TypeError", exc)


# super() on an abstract method gives its neutral default.
class S(cabc.Sized, cabc.Hashable, cabc.Container, cabc.Callable):
    def __len__(self):
        return super().__len__()

    def __hash__(self):
        return super().__hash__()

    def __contains__(self, x):
        return super().__contains__(x)

    def __call__(self):
        return super().__call__()


s = S()
print(len(s), hash(s), 5 in s, s())


class It(cabc.Reversible):
    def __iter__(self):
        return super().__iter__()

    def __reversed__(self):
        return super().__reversed__()


print(list(It()), list(reversed(It())))


class Nx(cabc.Iterator):
    def __next__(self):
        return super().__next__()


n = Nx()
print(iter(n) is n, list(n))


class BadMap(cabc.MutableMapping):
    def __getitem__(self, k):
        return super().__getitem__(k)

    def __setitem__(self, k, v):
        return super().__setitem__(k, v)

    def __delitem__(self, k):
        return super().__delitem__(k)

    def __iter__(self):
        return iter(())

    def __len__(self):
        return 0


b = BadMap()
for action in (lambda: b[1], lambda: b.__setitem__(1, 2), lambda: b.__delitem__(1)):
    try:
        action()
    except KeyError as exc:
        print("KeyError", repr(exc))
print(b.get(1, "dflt"), 1 in b)
