inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, inf + 1, inf - inf, inf * 0, -inf < 0 < inf)
print(nan == nan, nan != nan, nan < 1, nan > 1, inf == inf)
import math
print(math.isinf(inf), math.isnan(nan), math.isfinite(1.0), math.isfinite(inf))
print(float("1e308") * 10, -float("1e308") * 10, 1e308 + 1e308)
for expr in ["1 / 0", "1.0 / 0", "1 // 0", "1 % 0", "1.0 % 0.0", "divmod(1, 0)", "0 ** -1"]:
    try:
        eval(expr)
    except ZeroDivisionError as e:
        print(expr, "->", "ZeroDivisionError:", e)
try:
    2.0 ** 10000
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(inf)
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(nan)
except ValueError as e:
    print("ValueError:", e)
print(max(1, inf), min(-inf, 0), sorted([3, -inf, inf, 0]))
