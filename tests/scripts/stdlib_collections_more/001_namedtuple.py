# namedtuple: field name handling, defaults, errors and generated methods.
from collections import namedtuple

P = namedtuple("P", "x, y")
print(P._fields, P.__doc__, P.__new__.__doc__, P.__module__, P.__slots__)
print(P.__match_args__, P._field_defaults, P.x.__doc__, P.y.__doc__)
print(P._make.__doc__, "|", P._replace.__doc__, "|", P._asdict.__doc__)
print(P.__repr__.__qualname__, P._make.__qualname__, P.__new__.__qualname__)
p = P(1, y=[2])
print(p, repr(p), p._asdict(), p.__getnewargs__(), type(p.__getnewargs__()).__name__)
print(p._replace(y=3), P._make(iter([4, 5])), P._make((6, 7)).x)

One = namedtuple("One", ["only"])
print(One(1), One.__doc__, One.__new__.__doc__)
Empty = namedtuple("Empty", [])
print(Empty(), Empty._fields, len(Empty()))

D = namedtuple("D", "a b c", defaults=[2, 3])
print(D(1), D(1, 5), D._field_defaults, D.__new__.__defaults__)
D2 = namedtuple("D2", "a b", defaults=iter([9, 8]))
print(D2(), D2._field_defaults)
D3 = namedtuple("D3", "a", defaults=())
print(D3._field_defaults, D3.__new__.__defaults__)

R = namedtuple("R", ["ok", "def", "_x", "ok", "2bad", "fine"], rename=True)
print(R._fields)

M = namedtuple("M", "a b", module="somewhere")
print(M.__module__)

for args, kwargs in [
    (("1bad", "a b"), {}),
    (("Good", "a class"), {}),
    (("class", "a b"), {}),
    (("Good", "a _b"), {}),
    (("Good", "a b a"), {}),
    (("Good", "a b-c"), {}),
    (("Good", "a b"), {"defaults": [1, 2, 3]}),
]:
    try:
        namedtuple(*args, **kwargs)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

for bad in ([1], [1, 2, 3]):
    try:
        P._make(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    p._replace(z=1, w=2)
except ValueError as e:
    print("ValueError", e)
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError")
try:
    p.other = 1
except AttributeError as e:
    print("AttributeError", e)
try:
    P(1, 2, 3)
except TypeError as e:
    print("TypeError")

# Names are converted to str; a subclass keeps the behaviour.
N = namedtuple(u"N", ("a", "b"))


class Sub(N):
    __slots__ = ()

    def total(self):
        return self.a + self.b


s = Sub(2, 3)
print(s, s.total(), s._replace(a=10), type(s._replace(a=10)).__name__)
print(s == (2, 3), hash(s) == hash((2, 3)), isinstance(s, tuple))
match P(1, 2):
    case P(a, b):
        print("matched", a, b)

# Arity errors come from the generated __new__ and name it.
for call in (lambda: P(1), lambda: P(1, 2, 3), lambda: P(1, 2, z=3)):
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
