# Calls of functions with cells and free variables take the same path as
# plain positional calls: arguments captured by inner functions, nonlocal
# counters, defaults beside cells, recursion through closures.


def make_counter(start, step=1):
    count = start

    def inc(by=None):
        nonlocal count
        count += step if by is None else by
        return count

    return inc


c = make_counter(10)
print([c() for _ in range(3)], c(5), make_counter(0, 2)(), make_counter(1)(1))


def captures_argument(a, b):
    def show():
        return (a, b)

    a = a * 10  # the cell made from the argument sees the rebinding
    return show()


print([captures_argument(i, -i) for i in range(3)])


def adders(n):
    return [lambda x, i=i: x + i for i in range(n)]


print([f(100) for f in adders(4)])


def fact_via_closure(n):
    def go(k):
        return 1 if k <= 1 else k * go(k - 1)

    return go(n)


print(fact_via_closure(20), fact_via_closure(1))


def compose(f, g):
    return lambda x: f(g(x))


h = compose(lambda x: x + 1, lambda x: x * 2)
print([h(i) for i in range(5)])


class Base:
    def total(self, a, b=2):
        return a + b


class Child(Base):
    def total(self, a, b=3):
        return super().total(a, b) * 10


print([Child().total(i) for i in range(3)], Child().total(1, 1))


def too_many(a):
    def inner():
        return a

    return inner()


for args in [(), (1, 2)]:
    try:
        too_many(*args)
    except TypeError as e:
        print("TypeError:", e)
