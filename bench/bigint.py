# Exact big-integer arithmetic: factorials, powers, sums of squares.
def factorial(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r

f = factorial(1200)
print(len(str(f)), f % 1_000_000_007, f.bit_length())
p = 3 ** 20000
print(p.bit_length(), p % 998244353)
print(sum(i * i for i in range(10**7)))
a, b = 0, 1
for _ in range(20000):
    a, b = b, a + b
print(a.bit_length(), a % 10**12)
