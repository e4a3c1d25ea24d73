def numbers(n):
    for i in range(n):
        yield i
def squares(src):
    for v in src:
        yield v * v
def only_odd(src):
    for v in src:
        if v % 2:
            yield v
def take(n, src):
    for i, v in enumerate(src):
        if i >= n:
            return
        yield v
pipe = take(5, only_odd(squares(numbers(100))))
print(list(pipe))
def lines():
    yield "alpha 1"
    yield "beta 2"
    yield "# comment"
    yield "gamma 3"
records = (l.split() for l in lines() if not l.startswith("#"))
parsed = ((name, int(num)) for name, num in records)
print(dict(parsed))
def running_total(src):
    total = 0
    for v in src:
        total += v
        yield total
print(list(running_total(range(1, 11))))
print(sum(v for v in squares(numbers(1000))))
