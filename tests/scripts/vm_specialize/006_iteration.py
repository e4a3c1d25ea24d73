# A `for` site that meets ranges, lists, tuples, generators, user
# iterators and a list changed while it is walked.


def total(it):
    t = 0
    for x in it:
        t += x
    return t


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


def gen(n):
    yield from range(n)


for it in [range(10), [1, 2, 3], (4, 5), gen(5), Countdown(4), range(10, 0, -3), {7: 0, 8: 0},
           iter([9, 10]), range(2**62, 2**62 + 2)]:
    print(total(it))

lst = [1, 2, 3]
seen = []
for x in lst:
    seen.append(x)
    if x < 5:
        lst.append(x + 3)
print(seen, lst)


def bad_next():
    class It:
        def __iter__(self):
            return self

        def __next__(self):
            raise ValueError("from __next__")

    return total(It())


try:
    bad_next()
except ValueError as e:
    print("ValueError:", e)

try:
    total([1, "x"])
except TypeError as e:
    print("TypeError:", e)


def nested(n):
    out = []
    for i in range(n):
        for j in range(i):
            out.append(i * j)
    return sum(out), len(out)


print(nested(30))
