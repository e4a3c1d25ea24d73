# Claim: for CPU-bound Python, threads do not help (one GIL), while processes
# and interpreters do: each process, and each interpreter, has a GIL of its
# own. Interpreters (CPython 3.14's concurrent.interpreters, PEP 734) run in
# one process, so they start in milliseconds where a process pool pays for
# starting processes.
#
#     gilt samples/teaching/05_threads_processes_interpreters.py
#     gilt -X giltimeline samples/teaching/05_threads_processes_interpreters.py
from concurrent.futures import (InterpreterPoolExecutor, ProcessPoolExecutor,
                                ThreadPoolExecutor)
import time

import gil

CHUNKS = 4
N = 3_000_000


def chunk(i):
    total = 0
    for k in range(N):
        total += (k * k + i) % 7
    return total


def waiting_share():
    # The share of their time the pool's worker threads spent waiting for
    # this interpreter's GIL, rather than running Python code here or blocked
    # with it released (gilt's gil module; the same numbers as -X gilstats).
    rows = [r for r in gil.stats() if r["name"].startswith("worker")]
    waiting = sum(r["waiting"] for r in rows)
    total = waiting + sum(r["running"] + r["blocked"] for r in rows)
    return waiting / total if total else 0.0


def on_pool(executor):
    gil.reset()
    start = time.perf_counter()
    named = {} if executor is ProcessPoolExecutor else {"thread_name_prefix": "worker"}
    with executor(max_workers=2, **named) as pool:
        result = sum(pool.map(chunk, range(CHUNKS)))
    return result, time.perf_counter() - start, waiting_share()


if __name__ == "__main__":
    start = time.perf_counter()
    expected = sum(map(chunk, range(CHUNKS)))
    sequential = time.perf_counter() - start
    print(f"{CHUNKS} chunks one after the other:  {sequential:.2f} s")
    busy = {}
    for name, executor in (("threads", ThreadPoolExecutor),
                           ("processes", ProcessPoolExecutor),
                           ("interpreters", InterpreterPoolExecutor)):
        result, wall, waited = on_pool(executor)
        assert result == expected, (name, result, expected)
        busy[name] = waited
        # A process pool computes in its children, whose GILs are not this one.
        note = "" if name == "processes" else f", workers waited for the GIL {waited:.0%}"
        print(f"2 {name + ':':14} {wall:.2f} s, speed-up {sequential / wall:.2f}x{note}")
    # Wall times depend on how busy the machine is; whether the workers wait
    # for each other does not: two threads share one GIL, so each waits about
    # half the time, while each interpreter computes under a GIL of its own
    # and the worker threads here only wait for its answer, GIL released.
    if busy["interpreters"] < 0.1 and busy["threads"] > 0.3:
        print("claim holds: interpreters run in parallel, threads take turns")
    else:
        print("claim fails: the interpreters did not run in parallel")
