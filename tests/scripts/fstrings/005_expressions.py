items = [3, 1, 2]
print(f"{sorted(items)} {sum(items)} {max(items) - min(items)}")
print(f"{'yes' if items else 'no'} {[i * 2 for i in items]}")
print(f"{ {'a': 1}['a'] } {items[-1]!r}")
class P:
    def __init__(self): self.x = 5
    def __format__(self, spec): return f"P<{spec}>"
    def __str__(self): return "P-str"
p = P()
print(f"{p} {p:abc} {p!s} {p.x:03}")
def f(): return "called"
print(f"{f()} {f.__name__} {len(f'{f()}')}")
nested = f"outer {f'inner {1 + 1}'} end"
print(nested)
print(f"{3}{4}", f"{'a'}{'b'!r}", f"{1,2}")
