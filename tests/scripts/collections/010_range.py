r = range(10)
print(r, len(r), r[3], r[-1], list(r[2:8:2]), r[2:8:2], r[::-1])
print(list(range(5, 0, -1)), list(range(0, -10, -3)), list(range(3, 3)), len(range(10, 0, -2)))
print(range(0, 20, 3).index(9), range(0, 20, 3).count(9), 9 in range(0, 20, 3), 10 in range(0, 20, 3))
print(range(5) == range(0, 5, 1), range(0) == range(5, 5), sum(range(1, 101)), max(range(7)))
print(range(1, 10, 2).start, range(1, 10, 2).stop, range(1, 10, 2).step)
print(range(10 ** 20)[-1], 10 ** 19 in range(10 ** 20), len(range(0, 10 ** 9, 7)))
try:
    range(0, 10, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    range(5)[10]
except IndexError as e:
    print("IndexError:", e)
try:
    range(5).index(7)
except ValueError as e:
    print("ValueError:", e)
print(list(reversed(range(4))), list(enumerate(range(3, 6))))
