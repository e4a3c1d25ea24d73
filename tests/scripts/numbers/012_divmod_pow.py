print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(2 ** 100, 3 ** 40))
print(pow(2, 10), pow(2, -2), pow(2.0, 3), pow(-8, 1 / 3) if False else "skip")
print(pow(3, 200, 1000), pow(123456789, 987654321, 10 ** 9 + 7), pow(5, -1, 13))
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
print(abs(-3), abs(-3.5), abs(True), abs(-(2 ** 80)))
print(10 ** -2, 0.0 ** 0, 1 ** 1000, (-1) ** 1001, 2 ** 0.5 * 2 ** 0.5)
