# Times and timeouts given by a script are converted as CPython does: NaN is
# a ValueError, a value beyond 64-bit nanoseconds an OverflowError, never a
# call that returns at once or waits forever (undefined float-to-int casts).
import time, _thread, threading, socket, select
def show(label, f):
    try:
        r = f()
        print(label, "->", r)
    except Exception as e:
        print(label, type(e).__name__, e)
for v in [1e10, 1e300, float("inf"), float("nan"), -float("inf"), 2**63, 2**100, 9223372037.0, -1e300, 10**10, -10**10, -9223372037.0]:
    show(f"sleep({v!r})", lambda: time.sleep(v))
lock = _thread.allocate_lock()
lock.acquire()
for v in [1e300, float("inf"), float("nan"), -float("inf"), 2**63, 9223372037.0, -2.0, 10**10, -10**10]:
    show(f"acquire({v!r})", lambda: lock.acquire(timeout=v))
    show(f"acquire(False, {v!r})", lambda: lock.acquire(False, v))
rl = _thread.RLock()
show("rlock acquire nan", lambda: rl.acquire(timeout=float("nan")))
show("rlock acquire inf", lambda: rl.acquire(timeout=float("inf")))
s = socket.socket()
for v in [1e10, 1e300, float("inf"), float("nan"), -1.0, 2**63, 2**100]:
    show(f"settimeout({v!r})", lambda: s.settimeout(v))
    show(f"gettimeout", lambda: s.gettimeout())
show("setdefaulttimeout nan", lambda: socket.setdefaulttimeout(float("nan")))
show("setdefaulttimeout inf", lambda: socket.setdefaulttimeout(float("inf")))
s.close()
r, w = socket.socketpair()
w.send(b"x")
for v in [1e300, float("inf"), float("nan"), -1.0, 2**63, 2**100]:
    show(f"select({v!r})", lambda: len(select.select([r], [], [], v)[0]))
p = select.poll(); p.register(r, select.POLLIN)
for v in [1e10, 1e300, float("inf"), float("nan"), -1.0, -5, 2**31, 2**63, 2**100, 2147483647, 2147483648]:
    show(f"poll({v!r})", lambda: len(p.poll(v)))
ep = select.epoll(); ep.register(r, select.EPOLLIN)
for v in [1e10, 1e300, float("inf"), float("nan"), -1.0, -5, 2**63, 2**100, 2147483.0, 2147484.0]:
    show(f"epoll({v!r})", lambda: len(ep.poll(v)))
t = threading.Thread(target=lambda: None); t.start()
for v in [1e10, 1e300, float("inf"), float("nan"), -1.0, 2**63]:
    show(f"join({v!r})", lambda: t.join(v))
ev = threading.Event(); ev.set()
for v in [1e300, float("inf"), float("nan"), 2**63]:
    show(f"event.wait({v!r})", lambda: ev.wait(v))
c = threading.Condition()
for v in [1e300, float("inf"), float("nan"), 2**63]:
    def w():
        with c:
            return c.wait_for(lambda: True, v)
    show(f"cond.wait_for({v!r})", w)
show("TIMEOUT_MAX", lambda: _thread.TIMEOUT_MAX)
for v in [1e300, float("inf"), float("nan"), -1e300, 2**70]:
    show(f"localtime({v!r})", lambda: time.localtime(v)[:3])
    show(f"gmtime({v!r})", lambda: time.gmtime(v)[:3])
    show(f"ctime({v!r})", lambda: time.ctime(v))
