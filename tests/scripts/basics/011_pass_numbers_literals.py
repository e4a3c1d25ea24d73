def nothing():
    pass
class Empty:
    pass
print(nothing(), type(Empty()).__name__)
print(0x1F, 0o17, 0b101, 1_000_000, 0x_ff)
print(1e3, 1.5e-3, .5, 5., 1_0.5)
print(-0x10, +7, - -3)
print(type(10).__name__, type(1.0).__name__, type("").__name__, type(b"").__name__)
print(...)
print(Ellipsis is ...)
if True: pass
for _ in range(2): pass
while False: pass
print("ok")
