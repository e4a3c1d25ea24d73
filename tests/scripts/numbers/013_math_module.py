import math
print(math.sqrt(16), math.sqrt(2), math.floor(3.7), math.ceil(3.2), math.floor(-3.7), math.ceil(-3.2))
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.isnan(math.nan))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(2 ** 100, 6 ** 50), math.lcm(4, 6))
print(math.factorial(0), math.factorial(20), math.factorial(30))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1.0, 1.1), math.isclose(1.0, 1.05, rel_tol=0.1))
print(math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024), math.log1p(0))
print(math.exp(0), math.exp(1), round(math.exp(2), 10))
print(math.sin(0), math.cos(0), round(math.sin(math.pi / 2), 12), round(math.cos(math.pi), 12))
print(math.tan(0), math.atan2(1, 1), math.degrees(math.pi), math.radians(180))
print(math.hypot(3, 4), math.hypot(1, 1, 1) if True else 0)
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod(range(1, 11)))
print(math.comb(5, 2), math.comb(50, 25), math.perm(5, 2), math.isqrt(99), math.isqrt(10 ** 30))
print(math.fabs(-2), math.copysign(1, -0.0), math.fmod(7, 3), math.trunc(3.9), math.pow(2, 10))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.factorial(-1)
except ValueError as e:
    print("ValueError:", e)
