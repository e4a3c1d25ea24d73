print(abs(-3), abs(2.5), round(2.567, 2), round(7.5), divmod(9, 4), pow(2, 5), pow(2, 5, 3))
print(int("12"), int(12.9), float("3.5"), float(2), str(12), repr("s"), bool([]), bool([0]))
print(chr(65), ord("a"), ord("€"), hex(255), bin(10), oct(64), hex(-1), bin(0))
print(format(1234.5678, ".2f"), format(255, "x"), format("s", ">4"), format(0.5, "%"))
print(int("0b11", 2), int("11", 0) if False else 11)
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
print(hash(42) == 42, hash((1, 2)) == hash((1, 2)), hash(-1) == hash(-2))
