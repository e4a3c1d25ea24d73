import sqlite3

c = sqlite3.connect(":memory:")
c.create_function("double", 1, lambda x: x * 2)
c.create_function("join3", 3, lambda a, b, d: f"{a}-{b}-{d}", deterministic=True)
c.create_function("nada", 0, lambda: None)
c.create_function("blob", 1, lambda n: bytes(range(n)))
print(c.execute("select double(21), double(1.5), double('ab')").fetchone())
print(c.execute("select join3(1, 'x', null), nada(), blob(3)").fetchone())
c.create_function("boom", 1, lambda x: 1 / x)
try:
    c.execute("select boom(0)").fetchall()
except sqlite3.OperationalError as e:
    print("OperationalError", e)
c.create_function("bad", 0, lambda: [1])
try:
    c.execute("select bad()").fetchall()
except sqlite3.Error as e:
    print(type(e).__name__)


class Total:
    def __init__(self):
        self.items = []

    def step(self, value):
        self.items.append(value)

    def finalize(self):
        return ",".join(str(i) for i in sorted(self.items))


class Broken:
    def step(self, value):
        raise RuntimeError("no")

    def finalize(self):
        return 0


c.create_aggregate("gather", 1, Total)
c.create_aggregate("broken", 1, Broken)
c.execute("create table n(g, v)")
c.executemany("insert into n values (?, ?)", [(1, 3), (1, 1), (2, 5), (2, 4), (2, 9)])
print(c.execute("select g, gather(v) from n group by g order by g").fetchall())
try:
    c.execute("select broken(v) from n").fetchall()
except sqlite3.OperationalError as e:
    print("OperationalError", e)
c.create_function("double", 1, lambda x: x * 3)
print(c.execute("select double(2)").fetchone())
c.execute("insert into n values (3, double(10))")
print(c.execute("select v from n where g = 3").fetchone())
