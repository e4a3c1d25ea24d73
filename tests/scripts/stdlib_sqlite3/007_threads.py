import sqlite3
import threading

c = sqlite3.connect(":memory:")
c.execute("create table t(x)")
errors = []


def use_from_other_thread():
    try:
        c.execute("select 1")
    except sqlite3.ProgrammingError as e:
        errors.append(str(e).split(".")[0])


t = threading.Thread(target=use_from_other_thread)
t.start()
t.join()
print(errors)

shared = sqlite3.connect(":memory:", check_same_thread=False)
shared.execute("create table t(x)")
lock = threading.Lock()


def writer(base):
    for i in range(50):
        with lock:
            shared.execute("insert into t values (?)", (base + i,))


threads = [threading.Thread(target=writer, args=(k * 100,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
shared.commit()
print(shared.execute("select count(*), sum(x) from t").fetchone())


def worker(results, n):
    conn = sqlite3.connect(":memory:")
    conn.execute("create table w(v)")
    conn.executemany("insert into w values (?)", [(i,) for i in range(n)])
    results[n] = conn.execute("select sum(v) from w").fetchone()[0]
    conn.close()


results = {}
threads = [threading.Thread(target=worker, args=(results, n)) for n in (10, 100, 1000)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()))
