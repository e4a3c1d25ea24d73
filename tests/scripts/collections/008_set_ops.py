a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, [9]), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print({1, 2} <= a, {1, 2} < a, a < a, a >= {1}, a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint({7, 8}))
s = set()
s.add(3); s.add(1); s.add(3)
print(s, len(s))
s.update([5, 6], {7})
print(s)
s.discard(100); s.remove(5)
print(s)
try:
    s.remove(100)
except KeyError as e:
    print("KeyError:", e)
print(sorted(s), s.pop() in {1, 3, 6, 7}, len(s))
c = a.copy(); c.clear(); print(c, a)
x = {1, 2, 3}; x |= {4}; x &= {2, 3, 4}; x -= {2}; x ^= {9}
print(x)
print(set("hello") == set("lohe"), sorted(set("mississippi")), {(1, 2), (1, 2)})
print({i % 3 for i in range(10)}, set(range(3)) == {0, 1, 2}, set() == set(), type({}).__name__)
a.intersection_update({1, 2, 9}); print(a)
a.difference_update({1}); print(a)
a.symmetric_difference_update({5}); print(a)
