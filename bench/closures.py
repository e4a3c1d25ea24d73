# Closures and nonlocal counters, higher-order calls.
def make_counter():
    count = 0
    def inc(by):
        nonlocal count
        count += by
        return count
    return inc

def compose(f, g):
    return lambda x: f(g(x))

inc = make_counter()
add1 = lambda x: x + 1
dbl = lambda x: x * 2
h = compose(add1, dbl)
total = 0
for i in range(3_000_000):
    total += h(i) + inc(1)
print(total, inc(0))
