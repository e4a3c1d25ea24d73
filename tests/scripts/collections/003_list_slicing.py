a = list(range(10))
print(a[2:7], a[:3], a[7:], a[::3], a[::-1], a[8:2:-2], a[-3:], a[:-7], a[5:5], a[20:])
b = a[:]
b[2:5] = ["x", "y"]
print(b)
b[1:1] = [100, 200]
print(b)
b[::2] = list("ABCDEF")
print(b)
try:
    b[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
del b[::3]
print(b)
del b[1:3]
print(b)
b[:] = [7]
print(b)
c = list(range(6))
c[-2:] = []
print(c)
c[len(c):] = [9, 9]
print(c)
print(a[slice(1, 8, 2)], slice(1, 8, 2), slice(5).stop)
s = slice(None, None, -1)
print(s.start, s.stop, s.step, "abc"[s], (1, 2, 3)[s])
print(slice(1, 10, 3).indices(5), slice(-3, None).indices(10))
