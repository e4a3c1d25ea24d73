# ProcessPoolExecutor: argument checks, a failing initializer, a worker that dies.
from concurrent.futures import ProcessPoolExecutor
import multiprocessing as mp, os
def init_fail():
    raise ValueError("init")
def f(x): return x
if __name__ == "__main__":
    for kw in [dict(max_workers=0), dict(initializer=1), dict(max_tasks_per_child=0), dict(max_tasks_per_child="a"), dict(max_tasks_per_child=2, mp_context=mp.get_context("fork"))]:
        try: ProcessPoolExecutor(**kw)
        except Exception as e: print(type(e).__name__, e)
    ex = ProcessPoolExecutor(1, initializer=init_fail)
    # The worker prints the initializer's traceback to stderr, with paths
    # that differ between interpreters; keep it out of the comparison.
    saved = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    fut = ex.submit(f, 1)
    fut.exception()
    os.dup2(saved, 2)
    try: fut.result()
    except Exception as e: print(type(e).__name__, e, repr(e.__cause__))
    try: ex.submit(f, 1)
    except Exception as e: print(type(e).__name__, e)
    ex.shutdown()
    ex = ProcessPoolExecutor(1)
    fut = ex.submit(os._exit, 3)
    try: fut.result()
    except Exception as e: print(type(e).__name__, e, repr(e.__cause__))
    try: ex.submit(f, 1)
    except Exception as e: print(type(e).__name__, e)
    ex.shutdown()
    try: ex.submit(f, 1)
    except Exception as e: print(type(e).__name__, e)
    with ProcessPoolExecutor(2) as ex:
        print(list(ex.map(f, range(5), chunksize=2)))
        try: ex.map(f, [1], chunksize=0)
        except Exception as e: print(type(e).__name__, e)
        fut = ex.submit(lambda: 1)
        try: fut.result()
        except Exception as e: print(type(e).__name__, str(e).split(" at ")[0], str(e).split(":")[-1])
