# + - * // % divmod around the small/128-bit/GMP boundaries, both signs:
# every result is checked against the same value rebuilt from its decimal
# text, and printed.
edges = []
for e in (61, 62, 63, 64, 65, 96, 126, 127, 128, 129, 200):
    for d in (-1, 0, 1):
        edges.append(2 ** e + d)
edges += [0, 1, 3, 7, 10**18, 10**19, 10**38, 10**39]
values = sorted(set(edges + [-v for v in edges]))

def check(label, r):
    assert int(str(r)) == r
    print(label, r)

for a in values[::3]:
    for b in values[1::4]:
        check("%d + %d =" % (a, b), a + b)
        check("%d - %d =" % (a, b), a - b)
        check("%d * %d =" % (a, b), a * b)
        if b:
            q, r = divmod(a, b)
            assert q == a // b and r == a % b and q * b + r == a
            print("%d divmod %d =" % (a, b), q, r)
