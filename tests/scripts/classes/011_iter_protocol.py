class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1
print(list(Countdown(5)))
for x in Countdown(3):
    print("tick", x)
class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 1
r = Range2(4)
print(list(r), list(r), sum(r), max(r))
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))
a, b, c = Countdown(3)
print(a, b, c)
print(sorted(Countdown(4)), dict(zip("ab", Countdown(2))))
