# The match statement: every kind of pattern, guards, bindings, and the
# errors CPython raises at run time.
import collections
from dataclasses import dataclass


def classify(x):
    match x:
        case 0:
            return "zero"
        case None:
            return "none"
        case True:
            return "true"
        case -1 | -2:
            return "minus one or two"
        case 1.5:
            return "one and a half"
        case 2 + 3j:
            return "complex"
        case "hello" "!":
            return "greeting"
        case b"raw":
            return "bytes"
        case []:
            return "empty sequence"
        case [x]:
            return f"one item {x!r}"
        case [1, 2, *rest]:
            return f"starts 1, 2, rest {rest}"
        case [first, *_, last]:
            return f"first {first} last {last}"
        case {"action": "move", "to": (px, py)}:
            return f"move to {px},{py}"
        case {"action": action, **others} if others:
            return f"action {action} with {sorted(others)}"
        case {"action": action}:
            return f"plain action {action}"
        case {}:
            return "some other mapping"
        case str() as s if len(s) > 3:
            return f"long str {s}"
        case int(n) | float(n) if n > 100:
            return f"big number {n}"
        case int() | float():
            return "number"
        case _:
            return f"other {type(x).__name__}"


for value in [0, None, True, False, -1, -2, 1.5, 2 + 3j, "hello!", b"raw", [], (), [7], (8,),
              [1, 2], [1, 2, 3, 4], [5, 6, 7], range(3), "abcd", "ab", 500, 7, 250.5, {"action": "move", "to": (1, 2)},
              {"action": "jump", "height": 3}, {"action": "sit"}, {"x": 1}, {}, NotImplemented, {1, 2},
              collections.deque([9, 8]), collections.OrderedDict(action="go")]:
    print(repr(value)[:30], "->", classify(value))


@dataclass
class Point:
    x: int
    y: int


class Circle:
    __match_args__ = ("center", "radius")

    def __init__(self, center, radius):
        self.center = center
        self.radius = radius


def shape(s):
    match s:
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return f"on the y axis at {y}"
        case Point(x, 0):
            return f"on the x axis at {x}"
        case Circle(Point(x, y), r) if r > 10:
            return f"big circle at {x},{y}"
        case Circle(center=c, radius=r):
            return f"circle {c} r={r}"
        case Point():
            return "a point"
        case [Point(x=x1), Point(x=x2)] if x1 == x2:
            return "vertical pair"
        case (Point() | Circle()) as thing:
            return f"thing {type(thing).__name__}"
        case _:
            return "unknown"


for s in [Point(0, 0), Point(0, 5), Point(3, 0), Point(1, 1), Circle(Point(1, 2), 20), Circle(Point(1, 2), 2),
          [Point(4, 1), Point(4, 9)], [Point(1, 1), Point(2, 2)], "x"]:
    print(shape(s))


# Names bound by the pattern stay bound after the statement.
match (1, (2, 3)):
    case (a, (b, c)):
        pass
print(a, b, c)

# A soft keyword: match and case stay ordinary names elsewhere.
match = {"case": 1}
case = match["case"]
print(match, case)
print(match.get("case"), [match for match in range(2)])


def match(x):
    return x


print(match(5))


# Errors raised while matching.
class NotTuple:
    __match_args__ = ["a"]


class NoArgs:
    pass


class One:
    __match_args__ = ("a",)
    a = 1


class BadArgs:
    __match_args__ = (1,)


for subject, make in [(NotTuple(), lambda: NotTuple), (NoArgs(), lambda: NoArgs), (One(), lambda: One),
                      (BadArgs(), lambda: BadArgs), (5, lambda: 5)]:
    try:
        cls = make()
        match subject:
            case cls(x):
                print("matched", x)
    except TypeError as e:
        print("TypeError:", e)
try:
    match One():
        case One(x, y):
            pass
except TypeError as e:
    print("TypeError:", e)
try:
    match One():
        case One(x, a=2):
            pass
except TypeError as e:
    print("TypeError:", e)
try:
    match 5:
        case int(1, 2):
            pass
except TypeError as e:
    print("TypeError:", e)


class K:
    a = "a"
    b = "a"


try:
    match {"a": 1, "b": 2}:
        case {K.a: 1, K.b: 2}:
            pass
except ValueError as e:
    print("ValueError:", e)


# The subject is evaluated once; a guard sees the bindings.
def subject():
    print("subject evaluated")
    return [1, 2]


match subject():
    case [x, y] if x > y:
        print("descending")
    case [x, y] if print("guard sees", x, y) or True:
        print("ascending")


# Nested functions and closures capture pattern names.
def outer(v):
    match v:
        case {"k": [inner_value, *_]}:
            return lambda: inner_value
    return None


print(outer({"k": [42, 0]})())
print(outer({"k": []}))
