a = [3, 1, 2]
a.append(4); print(a)
a.extend([5, 6]); print(a)
a.extend("ab"); print(a)
a.insert(0, "first"); a.insert(100, "last"); a.insert(-1, "before-last"); print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove("a"); print(a)
print(a.index(2), a.count(1), [1, 1, 2, 1].count(1), [1, 2, 3, 2].index(2, 2))
b = a.copy(); b.append("copy"); print(a, b)
a.reverse(); print(a)
a.clear(); print(a, len(a))
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1].remove(5)
except ValueError as e:
    print("ValueError:", e)
try:
    [1].index(5)
except ValueError as e:
    print("ValueError:", e)
print([1, 2] + [3], [0] * 3, [[]] * 2, list(range(3)), list("abc"), list())
print([1, 2] == [1, 2], [1, 2] < [1, 3], [2] > [1, 9], [] < [0])
