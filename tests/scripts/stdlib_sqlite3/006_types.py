import sqlite3

c = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES)
c.execute("create table v(i integer, f real, s text, b blob, n)")
c.execute("insert into v values (?, ?, ?, ?, ?)", (-7, 2.5, "héllo", b"\x00\x01", None))
c.execute("insert into v values (?, ?, ?, ?, ?)", (True, 1e300, "", bytearray(b"ab"), 3))
for row in c.execute("select i, f, s, b, n, typeof(n) from v"):
    print(row, [type(x).__name__ for x in row])


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


sqlite3.register_adapter(Point, lambda p: f"{p.x};{p.y}")
sqlite3.register_converter("point", lambda b: Point(*map(float, b.split(b";"))))
c.execute("create table pts(p point)")
c.execute("insert into pts values (?)", (Point(1, 2),))
print(c.execute("select p from pts").fetchone())
print(c.execute('select p as "p [point]" from pts').fetchone())
cur = c.execute('select p as "p [point]" from pts')
print(cur.description[0][0])
plain = sqlite3.connect(":memory:")
plain.execute("create table pts(p point)")
plain.execute("insert into pts values (?)", (Point(3, 4),))
print(plain.execute("select p from pts").fetchone())
print(sqlite3.complete_statement("select 1;"), sqlite3.complete_statement("select 1"))
