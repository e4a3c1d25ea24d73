x = 5
print(1 < x < 10, 1 < x > 10, 1 < 2 < 3 < 4, 3 > 2 > 1 > 2)
print(1 == 1.0 == True, 1 != 2 != 1)
print(0 <= x <= 5 < 6)
calls = []
def v(n):
    calls.append(n)
    return n
print(v(1) < v(0) < v(2))
print(calls)
calls.clear()
print(v(1) < v(2) < v(3))
print(calls)
print("a" < "b" < "c", [1, 2] < [1, 3], (1, 2) < (1, 2, 0))
print(not 1 < 2, not (1 > 2))
print(1 < 2 and 2 < 3, 1 < 2 or 1 / 0)
print(0 or "" or [] or "last", 1 and 2 and 3, 0 and 1 / 0)
