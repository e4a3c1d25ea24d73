# Under `from __future__ import annotations` every annotation is kept as the
# source text CPython's compiler un-parses from the expression.
from __future__ import annotations


def show(f):
    for k, v in f.__annotations__.items():
        print(f"{k:>3}: {v!r}")


def f1(a: int, b: list[int], c: dict[str, list[int | None]], d: tuple[int, ...],
       e: tuple[()], f: "quoted", g: 'it\'s', h: b"raw", i: None, j: 1 + 2 * 3,
       k: (1 + 2) * 3, l: -x ** 2, m: (-x) ** 2, n: x ** -y, o: 2 ** 3 ** 4,
       p: (2 ** 3) ** 4, q: a.b.c, r: f(x)(y)[z], s: a if b else c,
       t: (a if b else c) if d else e, u: lambda: 0, v: lambda x, *y, z=1, **w: x,
       w: not a, x: a and b or c, y: a and (b or c), z: a < b <= c is not d in e):
    pass


def f2(a: x | y | z, b: (x | y) & z, c: x | (y & z), d: x << 1 >> 2,
       e: x - (y - z), f: (x - y) - z, g: x / y // z % w @ v, h: ~x, i: +x,
       j: not not x, k: [1, 2, 3], l: {1: 2, **m}, m: {1, 2}, n: {}, o: [],
       p: (1,), q: (1, 2), r: [x for x in y if x], s: {x: y for x, y in z},
       t: {x for x in y}, u: (x for x in y), v: f(*a, **k, key=1),
       w: x[1:2], x: x[::2], y: x[a:b, c], z: x[(a, b)]):
    pass


def f3(a: 1.5, b: 1e300 * 1e300, c: 1j, d: 0x10, e: 10**100, f: ..., g: True,
       h: x.y, i: x.y[z](w), j: (a, b), k: f"a{b!r:>{w}}c", l: "a" "b",
       m: [*a, *b], n: (*a,), o: await_ if 0 else 1, p: 1 .real, q: (1).real,
       r: 1.0.real, s: -1, t: -(-1), u: (a, b)[0], v: (lambda: 1)(),
       w: x if (y if z else w) else v, x: u"unicode", y: r"raw\n",
       z: 'a"b'):
    pass


def f4(*args: int, **kwargs: str) -> list[Tree] | None:
    pass


def f5(a, /, b: int = 3, *, c: "C" = None) -> "R":
    pass


for f in (f1, f2, f3, f4, f5):
    print(f.__name__)
    show(f)
