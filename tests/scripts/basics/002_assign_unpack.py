a = b = c = 7
print(a, b, c)
x, y = 1, 2
print(x, y)
x, y = y, x
print(x, y)
(p, q), r = (10, 20), 30
print(p, q, r)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
head, *mid, tail = range(6)
print(head, mid, tail)
[m, n] = "xy"
print(m, n)
a, (b, *c), d = 1, (2, 3, 4, 5), 6
print(a, b, c, d)
for i, (k, v) in enumerate([("a", 1), ("b", 2)]):
    print(i, k, v)
t = 1,
print(t, len(t))
lst = [0, 0, 0]
lst[0], lst[2] = "L", "R"
print(lst)
class O: pass
o = O()
o.u, o.v = 5, 6
print(o.u, o.v)
