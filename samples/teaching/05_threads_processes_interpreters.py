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

CHUNKS = 4
N = 3_000_000


def chunk(i):
    total = 0
    for k in range(N):
        total += (k * k + i) % 7
    return total


def timed(run):
    start, cpu_start = time.perf_counter(), time.process_time()
    result = run()
    wall = time.perf_counter() - start
    return result, wall, (time.process_time() - cpu_start) / wall


def on_pool(executor):
    def run():
        with executor(max_workers=2) as pool:
            return sum(pool.map(chunk, range(CHUNKS)))
    return run


if __name__ == "__main__":
    expected, sequential, _ = timed(lambda: sum(map(chunk, range(CHUNKS))))
    print(f"{CHUNKS} chunks one after the other:  {sequential:.2f} s")
    busy = {}
    for name, executor in (("threads", ThreadPoolExecutor),
                           ("processes", ProcessPoolExecutor),
                           ("interpreters", InterpreterPoolExecutor)):
        result, wall, cores = timed(on_pool(executor))
        assert result == expected, (name, result, expected)
        busy[name] = cores
        # A process pool's CPU time is spent in its children, which
        # process_time() does not count: no cores-busy figure for it.
        note = "" if name == "processes" else f", cores busy {cores:.2f}"
        print(f"2 {name + ':':14} {wall:.2f} s, speed-up {sequential / wall:.2f}x{note}")
    # Wall times wander on a busy machine; the CPU time kept busy per second
    # is the telling number: the interpreters keep two cores busy where the
    # threads keep one.
    if busy["interpreters"] > 1.3 * busy["threads"]:
        print("claim holds: interpreters run in parallel, threads take turns")
    else:
        print("claim fails: interpreters did not keep more cores busy than threads")
