from collections import deque
d = deque([1, 2, 3])
d.append(4); d.appendleft(0)
print(d, len(d), d[0], d[-1])
print(d.pop(), d.popleft(), d)
d.extend([7, 8]); d.extendleft([-1, -2])
print(d)
d.rotate(2); print(d)
d.rotate(-3); print(d)
print(d.count(7), d.index(7), 8 in d, list(reversed(d)))
d.remove(7); print(d)
b = deque(maxlen=3)
for i in range(6):
    b.append(i)
    print(list(b))
b.appendleft(100)
print(b, b.maxlen)
d.clear()
print(d, bool(d))
try:
    deque().pop()
except IndexError as e:
    print("IndexError:", e)
q = deque("abc")
q[1] = "B"
del q[0]
print(q, deque(range(5), maxlen=2), q.copy() == q)
