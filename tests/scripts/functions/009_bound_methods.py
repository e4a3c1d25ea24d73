class Counter:
    def __init__(self):
        self.n = 0
    def inc(self, by=1):
        self.n += by
        return self.n
c = Counter()
m = c.inc
print(m(), m(5), c.n)
print(m.__self__ is c, m.__func__ is Counter.inc)
print(Counter.inc(c, 10))
fs = [c.inc for _ in range(3)]
print([f() for f in fs])
print(c.inc == c.inc)
lst = []
push = lst.append
for i in range(3):
    push(i)
print(lst)
up = "abc".upper
print(up())
print(list(map(str.upper, ["a", "b"])))
