for v in [0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 1.005, 3.14159, 123.456]:
    print(v, round(v), round(v, 1), round(v, 2), round(v, 0))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(5, 1))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(7, 2)).__name__)
print(round(1e300, 2), round(0.0001234, 5), round(-0.0), round(2 ** 70 + 0.0) == 2 ** 70)
