# golden-python: 3.14
# concurrent.interpreters (PEP 734) is new in CPython 3.14, so python3 3.11
# cannot produce this expectation: the .out follows CPython 3.14's documented
# behaviour and was checked by hand, line by line.
# Two interpreters on two threads at once (each with its own GIL): CPU work
# in both, then a ping-pong between them through queues that only works if
# both run at the same time. The results are deterministic; the timing is
# the business of bench/interpreters_pool.py.
import threading

from concurrent import interpreters


def crunch(n):
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def ping(inbox, outbox, rounds):
    for i in range(rounds):
        outbox.put(("ping", i))
        assert inbox.get(timeout=30) == ("pong", i)
    return rounds


def pong(inbox, outbox, rounds):
    seen = 0
    for i in range(rounds):
        kind, n = inbox.get(timeout=30)
        seen += kind == "ping" and n == i
        outbox.put(("pong", n))
    return seen


if __name__ == "__main__":
    a, b = interpreters.create(), interpreters.create()
    results = {}

    def run(name, interp, fn, *args):
        results[name] = interp.call(fn, *args)

    threads = [threading.Thread(target=run, args=("a", a, crunch, 200_000)),
               threading.Thread(target=run, args=("b", b, crunch, 300_000))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(results["a"] == crunch(200_000), results["b"] == crunch(300_000))

    to_b, to_a = interpreters.create_queue(), interpreters.create_queue()
    results.clear()
    threads = [threading.Thread(target=run, args=("ping", a, ping, to_a, to_b, 50)),
               threading.Thread(target=run, args=("pong", b, pong, to_b, to_a, 50))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(sorted(results.items()))

    # A busy interpreter refuses a second caller.
    gate = interpreters.create_queue()
    a.prepare_main(gate=gate)
    t = a.call_in_thread(gate.get)
    while not a.is_running():
        pass
    try:
        a.exec("x = 1")
    except interpreters.InterpreterError as e:
        print(type(e).__name__)
    try:
        a.close()
    except interpreters.InterpreterError as e:
        print(type(e).__name__, e)
    gate.put(None)
    t.join()
    print(a.is_running())
    a.close()
    b.close()
    print(interpreters.list_all())
