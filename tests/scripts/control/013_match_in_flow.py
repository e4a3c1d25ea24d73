# match inside generators and loops (continue, break, return in a case), in a class
# body, nested, with an __eq__ that raises, a guard that raises, namedtuple,
# dict subclass, and True / 1 / 1.0 against literal patterns.
def gen(items):
    for it in items:
        match it:
            case int(n) if n < 0:
                continue
            case int(n):
                yield n * 10
            case "stop":
                break
            case [a, [b, *c]]:
                match c:
                    case []:
                        yield ("nested-empty", a, b)
                    case [d, *_]:
                        yield ("nested", a, b, d)
            case {"ret": v}:
                return
            case _:
                yield "other"
print(list(gen([1, -2, 3, [1, [2]], [1, [2, 3, 4]], 2.5, "stop", 9])))
print(list(gen([{"ret": 1}, 5])))
class C:
    x = 3
    match x:
        case 3:
            y = "three"
        case _:
            y = "?"
print(C.y)
class Eq:
    def __eq__(self, other):
        raise RuntimeError("eq failed")
try:
    match Eq():
        case 1:
            pass
except RuntimeError as e:
    print("RuntimeError", e)
def f(v):
    try:
        match v:
            case [x, y, *rest] if (1 / x):
                return x, y, rest
    except ZeroDivisionError:
        return "zde"
    return "nomatch"
print(f([1, 2, 3]), f([0, 1]), f([1]), f("ab"))
import collections
Pt = collections.namedtuple("Pt", "x y")
match Pt(1, 2):
    case Pt(x, y):
        print("namedtuple", x, y)
match Pt(3, 4):
    case (a, b):
        print("as tuple", a, b)
match {"a": 1}:
    case {"a": 1, **rest}:
        print("rest", rest)
class M(dict):
    pass
match M(k=1):
    case {"k": v}:
        print("dict subclass", v)
for v in [True, 1, 1.0, 0, False]:
    match v:
        case True:
            print(repr(v), "is True")
        case 1:
            print(repr(v), "== 1")
        case _:
            print(repr(v), "other")
