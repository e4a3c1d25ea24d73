print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("777", 8), int("0o777", 0))
print(int("1010", 2), int("0b1010", 0), int("z", 36), int("  12  "), int("+5"), int("-0"))
print(int("1_000"), int(3.7), int(-3.7), int(True), int("10", base=3))
for bad in ["abc", "", "1.5", "0x10", "1 2"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("g", 16)
except ValueError as e:
    print("ValueError:", e)
try:
    int(None)
except TypeError as e:
    print("TypeError:", e)
print(float("1.5"), float("  -2e3 "), float("inf"), float("-Infinity"), float("nan") != float("nan"))
try:
    float("abc")
except ValueError as e:
    print("ValueError:", e)
