import sqlite3

c = sqlite3.connect(":memory:")
c.row_factory = sqlite3.Row
c.execute("create table p(name text, age integer)")
c.executemany("insert into p values (?, ?)", [("ann", 31), ("bob", 27)])
rows = c.execute("select name, age from p order by age").fetchall()
for r in rows:
    print(type(r).__name__, r.keys(), r["name"], r["AGE"], r[0], r[-1], tuple(r), len(r))
print(rows[0] == c.execute("select name, age from p order by age").fetchone())
print(rows[0] == rows[1], rows[0] != rows[1])
print(list(rows[1]), rows[1][0:1])
try:
    rows[0]["missing"]
except IndexError as e:
    print("IndexError", e)
try:
    rows[0][5]
except IndexError as e:
    print("IndexError", e)

c.row_factory = lambda cursor, row: {d[0]: v for d, v in zip(cursor.description, row)}
print(c.execute("select name, age from p where age > 30").fetchall())
c.row_factory = None
c.text_factory = bytes
print(c.execute("select name from p order by name").fetchall())
c.text_factory = lambda b: b.decode().upper()
print(c.execute("select name, age, x'41' from p order by name").fetchall())
c.text_factory = str
cur = c.cursor()
cur.arraysize = 2
cur.execute("select age from p order by age")
print(cur.fetchmany(), cur.fetchmany(), cur.fetchmany(5))
cur.execute("select age from p order by age")
print([r for r in cur])
print(cur.fetchone())
