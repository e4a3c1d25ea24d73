# Barrier: arrival indexes, the action, reuse, timeouts, abort and reset.
import threading
import time

actions = []
b = threading.Barrier(3, action=lambda: actions.append("tripped"))
print(b.parties, b.n_waiting, b.broken, repr(b).endswith(": waiters=0/3>"))
indexes = []


def party():
    indexes.append(b.wait())


for round_ in range(2):
    ts = [threading.Thread(target=party) for _ in range(3)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
print(sorted(indexes), actions, b.n_waiting, b.broken)

# A timeout breaks the barrier for everyone.
tb = threading.Barrier(2, timeout=0.02)
try:
    tb.wait()
except threading.BrokenBarrierError as exc:
    print("timeout:", type(exc).__name__, repr(exc), tb.broken)
print(repr(tb).endswith(": broken>"))
try:
    tb.wait()
except threading.BrokenBarrierError:
    print("still broken")
tb.reset()
print("after reset:", tb.broken, tb.n_waiting)

# abort() and reset() release threads already waiting.
for how in ("abort", "reset"):
    ab = threading.Barrier(3)
    out = []

    def stuck():
        try:
            ab.wait()
            out.append("passed")
        except threading.BrokenBarrierError:
            out.append("broken")

    ts = [threading.Thread(target=stuck) for _ in range(2)]
    for t in ts:
        t.start()
    while ab.n_waiting < 2:
        time.sleep(0.005)
    getattr(ab, how)()
    for t in ts:
        t.join()
    print(how, out, ab.broken, ab.n_waiting)

# An action that raises breaks the barrier; the exception reaches the
# thread that ran it.
def bad_action():
    raise KeyError("action")


fb = threading.Barrier(2, action=bad_action)
outcome = []


def member():
    try:
        fb.wait()
        outcome.append("ok")
    except threading.BrokenBarrierError:
        outcome.append("broken")
    except KeyError as exc:
        outcome.append("KeyError " + str(exc))


ts = [threading.Thread(target=member) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(outcome), fb.broken)
print(threading.Barrier(1).wait(), threading.Barrier(1).wait(timeout=1))
