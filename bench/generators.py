# Generator pipelines.
def numbers(n):
    for i in range(n):
        yield i

def squares(src):
    for v in src:
        yield v * v

def evens(src):
    for v in src:
        if v % 2 == 0:
            yield v

def chunks(src, size):
    buf = []
    for v in src:
        buf.append(v)
        if len(buf) == size:
            yield buf
            buf = []
    if buf:
        yield buf

total = 0
for chunk in chunks(evens(squares(numbers(5_000_000))), 64):
    total += sum(chunk)
print(total)
print(sum(x for x in range(3_000_000) if x % 3 == 0))
