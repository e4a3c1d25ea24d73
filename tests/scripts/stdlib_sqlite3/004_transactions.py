import os
import sqlite3
import tempfile

path = os.path.join(tempfile.mkdtemp(), "tx.db")
a = sqlite3.connect(path)
print(repr(a.isolation_level), a.in_transaction)
a.execute("create table t(x)")
print("after create", a.in_transaction)
a.execute("insert into t values (1)")
print("after insert", a.in_transaction)
b = sqlite3.connect(path, timeout=0.1)
print("b sees", b.execute("select count(*) from t").fetchone())
a.commit()
print("after commit", a.in_transaction, b.execute("select count(*) from t").fetchone())
a.execute("insert into t values (2)")
a.rollback()
print("after rollback", a.execute("select x from t").fetchall())

with a:
    a.execute("insert into t values (3)")
print("with commit", b.execute("select x from t order by x").fetchall())
try:
    with a:
        a.execute("insert into t values (4)")
        raise ValueError("boom")
except ValueError as e:
    print("with raised", e)
print("with rollback", b.execute("select x from t order by x").fetchall())

a.execute("insert into t values (5)")
try:
    b.execute("insert into t values (6)")
except sqlite3.OperationalError as e:
    print("locked:", e)
a.commit()
b.close()

auto = sqlite3.connect(path, isolation_level=None)
auto.execute("insert into t values (7)")
print("autocommit", auto.in_transaction, a.execute("select count(*) from t").fetchone())
auto.execute("begin")
auto.execute("insert into t values (8)")
print("explicit", auto.in_transaction)
auto.rollback()
print("total_changes", auto.total_changes, a.total_changes)
a.executescript("""
    create table s(y);
    insert into s values (1);
    insert into s values (2);
""")
print(a.execute("select sum(y) from s").fetchone(), a.in_transaction)
print(list(a.iterdump()))
a.close()
auto.close()
os.remove(path)
