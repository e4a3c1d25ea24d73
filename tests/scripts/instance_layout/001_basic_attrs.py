# Plain attribute reads, writes, deletes and their order, on many instances
# of one class (the inline-values path) and on odd instances.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


pts = [Point(i, i * 2) for i in range(50)]
print(sum(p.x for p in pts), sum(p.y for p in pts))
p = pts[3]
p.x = 100
print(p.x, p.y, vars(p))
p.z = "zed"
print(vars(p))
del p.y
print(vars(p), hasattr(p, "y"))
try:
    p.y
except AttributeError as e:
    print("AttributeError:", e)
try:
    del p.y
except AttributeError as e:
    print("AttributeError:", e)
p.y = 5
print(list(vars(p)))

# Set in another order than the class first saw.
q = Point.__new__(Point)
q.y = 1
q.x = 2
print(vars(q))
r = Point.__new__(Point)
print(vars(r))
r.w = 1
print(vars(r), vars(pts[0]))

# Many attributes (past any inline capacity).
class Many:
    pass


m = Many()
for i in range(40):
    setattr(m, f"a{i}", i)
print(len(vars(m)), m.a0, m.a39, list(vars(m))[:3], list(vars(m))[-2:])
for i in range(0, 40, 2):
    delattr(m, f"a{i}")
print(len(vars(m)), list(vars(m))[:3])
m2 = Many()
m2.b = 1
m2.a39 = 2
print(vars(m2))

# Deletion then re-adding keeps insertion order as a dict would.
class Three:
    def __init__(self):
        self.a = 1
        self.b = 2
        self.c = 3


t = Three()
del t.a
t.a = 10
print(vars(t))
t2 = Three()
del t2.c
t2.c = 30
print(vars(t2))
t3 = Three()
del t3.b
print(vars(t3), t3.a, t3.c)
print(vars(Three()))
