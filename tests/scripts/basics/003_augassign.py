n = 10
n += 5; print(n)
n -= 3; print(n)
n *= 2; print(n)
n //= 5; print(n)
n %= 3; print(n)
n **= 5; print(n)
n <<= 2; print(n)
n >>= 1; print(n)
n |= 0b1000; print(n)
n &= 0b1100; print(n)
n ^= 0b0101; print(n)
f = 1.0
f /= 4; print(f)
s = "ab"
s += "cd"; s *= 2; print(s)
lst = [1]
alias = lst
lst += [2, 3]
print(lst, alias, lst is alias)
tup = (1,)
talias = tup
tup += (2,)
print(tup, talias, tup is talias)
class C:
    def __init__(self):
        self.count = 0
c = C()
for _ in range(4):
    c.count += 2
print(c.count)
d = {"a": 1}
d["a"] += 10
d.setdefault("b", 0)
d["b"] -= 1
print(d)
grid = [[0] * 3 for _ in range(2)]
grid[1][2] += 9
print(grid)
