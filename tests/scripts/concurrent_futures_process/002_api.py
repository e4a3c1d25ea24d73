# ProcessPoolExecutor: submit, map (chunksize, timeout), wait, as_completed, shutdown.
import os
import time
from concurrent.futures import (ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION,
                                ProcessPoolExecutor, TimeoutError, as_completed, wait)
import multiprocessing as mp


class AppError(Exception):
    pass


def square(x):
    return x * x


def fail(x):
    raise AppError(f"bad {x}")


def pid(_):
    return os.getpid()


_value = []


def init(v):
    _value.append(v)


def get_init(_):
    return _value


def nap(seconds):
    time.sleep(seconds)
    return seconds


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as ex:
        f = ex.submit(square, 12)
        print(f.result(timeout=30), f.done(), f.exception(), f.cancelled(), f.running())
        print(list(ex.map(square, range(8))))
        print(list(ex.map(square, range(10), chunksize=3)))
        print(list(ex.map(pow, [2, 3], [5, 2])))
        bad = ex.submit(fail, 1)
        try:
            bad.result()
        except AppError as e:
            print("AppError:", e, type(e.__cause__).__name__, "AppError: bad 1" in str(e.__cause__))
        print(type(bad.exception()).__name__)
        futures = [ex.submit(square, i) for i in range(5)]
        print(sorted(f.result() for f in as_completed(futures, timeout=30)))
        done, not_done = wait(futures, return_when=ALL_COMPLETED)
        print(len(done), len(not_done))
        done, _ = wait([ex.submit(fail, 2), ex.submit(square, 3)], return_when=FIRST_EXCEPTION)
        print(len(done) >= 1)
        done, _ = wait([ex.submit(square, 4)], return_when=FIRST_COMPLETED)
        print([f.result() for f in done])
        import threading
        calls = []
        called = threading.Event()
        f = ex.submit(square, 5)
        f.add_done_callback(lambda fut: (calls.append(fut.result()), called.set()))
        called.wait(30)
        print(calls)
        it = ex.map(nap, [2], timeout=0.05)
        try:
            next(it)
        except TimeoutError:
            print("map timeout")
        try:
            list(ex.map(fail, [1, 2]))
        except AppError as e:
            print("map AppError:", e)
    try:
        ex.submit(square, 1)
    except RuntimeError as e:
        print("RuntimeError:", e)

    with ProcessPoolExecutor(2, initializer=init, initargs=("set",)) as ex:
        print(list(ex.map(get_init, range(3))))

    ctx = mp.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=ctx, max_tasks_per_child=1) as ex:
        pids = [ex.submit(pid, i).result() for i in range(3)]
        print("distinct workers:", len(set(pids)))

    ex = ProcessPoolExecutor(1)
    first = ex.submit(nap, 0.5)
    rest = [ex.submit(square, i) for i in range(6)]
    ex.shutdown(wait=True, cancel_futures=True)
    print(first.result(), any(f.cancelled() for f in rest),
          all(f.done() for f in rest))
    with ProcessPoolExecutor(2) as ex:
        futs = [ex.submit(square, i) for i in range(20)]
    print(sum(f.result() for f in futs))
