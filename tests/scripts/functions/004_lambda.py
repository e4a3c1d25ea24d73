sq = lambda x: x * x
print(sq(7), (lambda: "no args")(), (lambda a, b=2: a * b)(5))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
pairs = [(1, "b"), (2, "a"), (0, "c")]
print(sorted(pairs, key=lambda p: p[1]))
print(list(map(lambda x, y: x + y, [1, 2], [10, 20])))
adders = [lambda x, n=n: x + n for n in range(3)]
print([a(10) for a in adders])
print(sq.__name__)
compose = lambda f, g: lambda x: f(g(x))
print(compose(sq, lambda x: x + 1)(3))
print((lambda *a, **k: (a, sorted(k)))(1, 2, z=1))
