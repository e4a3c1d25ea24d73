# f(*args) passes a tuple as it is; errors name the callable as CPython does.
def f(*a, **k): return a, k
class A:
    def m(self, *a): return a
t = (1, 2)
print(f(*t), f(*[3]), f(*t, **{'x': 1}), A().m(*t), f(*"ab"), f(*range(2)))
for src in ['f(*1)', 'f(1, *2)', 'print(*1)', 'f(**1)', 'f(*None)', 'A().m(*3)', 'f(*t, **3)', 'len(**{"a": 1})']:
    try: eval(src)
    except TypeError as e: print(src, '->', e)
def g(a, b=2, c=3): return a, b, c
print(g(1), g(1, 5), g(*t), g(1, 2, 3))  # defaults fill the frame on the fast path
# obj.m(*args) of every length around the argument buffer, Python and native.
a = A()
for n in range(0, 11):
    print(n, a.m(*range(n)) == tuple(range(n)), len(a.m(*range(n), **{})))
acc = []
acc.append(*[7])
print(acc, "-".join(*[["x", "y"]]), A.m(*(a, 1, 2)))
