for n in range(-2, 3):
    print(n, "pos" if n > 0 else "zero" if n == 0 else "neg")
x = None
print(x if x is not None else "default")
vals = [a if a % 2 else -a for a in range(6)]
print(vals)
f = (lambda v: "even" if v % 2 == 0 else "odd")
print(f(3), f(4))
print((1 if True else 1 / 0), (1 / 0 if False else 2))
