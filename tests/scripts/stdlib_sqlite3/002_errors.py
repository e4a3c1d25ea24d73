import sqlite3

print([cls.__name__ for cls in sqlite3.IntegrityError.__mro__])
print(issubclass(sqlite3.InterfaceError, sqlite3.Error), issubclass(sqlite3.OperationalError, sqlite3.DatabaseError))
c = sqlite3.connect(":memory:")
print(c.OperationalError is sqlite3.OperationalError)
c.execute("create table t(id integer primary key, name text not null unique)")
c.execute("insert into t values (1, 'a')")


def attempt(label, f):
    try:
        result = f()
        print(label, "ok", result)
    except Exception as e:
        print(label, type(e).__name__, e)


attempt("no table", lambda: c.execute("select * from x"))
attempt("syntax", lambda: c.execute("selec 1"))
attempt("unique", lambda: c.execute("insert into t values (2, 'a')"))
attempt("pk", lambda: c.execute("insert into t values (1, 'b')"))
attempt("notnull", lambda: c.execute("insert into t values (3, null)"))
attempt("count", lambda: c.execute("select ?", (1, 2)))
attempt("type", lambda: c.execute("select ?", ([],)))
attempt("named", lambda: c.execute("select :a", {}))
attempt("two", lambda: c.execute("select 1; select 2"))
attempt("params", lambda: c.execute("select 1", 5))
attempt("sqltype", lambda: c.execute(5))
attempt("many", lambda: c.executemany("select ?", [(1,)]))
attempt("script", lambda: c.executescript(b"x"))
attempt("big", lambda: c.execute("select ?", (2**70,)))
attempt("iso", lambda: sqlite3.connect(":memory:", isolation_level="FOO"))
try:
    c.execute("insert into t values (1, 'z')")
except sqlite3.Error as e:
    print(e.sqlite_errorcode, e.sqlite_errorname)
try:
    c.execute("select * from nope")
except sqlite3.Error as e:
    print(e.sqlite_errorcode, e.sqlite_errorname)

cur = c.cursor()
cur.close()
attempt("closed cursor", lambda: cur.execute("select 1"))
c.close()
attempt("closed db", lambda: c.execute("select 1"))
attempt("closed cursor2", lambda: c.cursor())
c.close()
print("double close ok")
