# golden-python: 3.14
# concurrent.futures.InterpreterPoolExecutor is new in CPython 3.14, so
# python3 3.11 cannot produce this expectation: the .out follows CPython
# 3.14's documented behaviour and was checked by hand, line by line.
# A thread pool whose workers each own an interpreter: map, submit, an
# exception from a job, the initializer (run in each worker's interpreter).
from concurrent.futures import InterpreterPoolExecutor, ThreadPoolExecutor, wait

import helper_jobs


def collatz_steps(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def divide(a, b):
    return a / b


def interp_id(_):
    from concurrent import interpreters
    return interpreters.get_current().id != 0


if __name__ == "__main__":
    # The broken initializer below is logged with its traceback; the test
    # checks what Future.result() raises instead.
    import logging
    logging.getLogger("concurrent.futures").disabled = True
    print(issubclass(InterpreterPoolExecutor, ThreadPoolExecutor))
    with InterpreterPoolExecutor(max_workers=2) as pool:
        print(list(pool.map(collatz_steps, [1, 6, 27, 97])))
        print(all(pool.map(interp_id, range(4))))
        futures = [pool.submit(divide, 10, d) for d in (2, 4, 0)]
        wait(futures)
        print([f.result() for f in futures[:2]])
        try:
            futures[2].result()
        except ZeroDivisionError as e:
            print(type(e).__name__, e)
        print(pool.submit(helper_jobs.label, 5).result())
    with InterpreterPoolExecutor(max_workers=2, initializer=helper_jobs.setup,
                                 initargs=("ready",)) as pool:
        print(sorted(set(pool.map(helper_jobs.read_setup, range(6)))))
    with InterpreterPoolExecutor(max_workers=1, initializer=helper_jobs.broken_setup) as pool:
        future = pool.submit(collatz_steps, 3)
        try:
            future.result()
        except Exception as e:
            print(type(e).__name__)
