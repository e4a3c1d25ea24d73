# Worker threads are named ThreadPoolExecutor-N_M (N counts executors made
# without a prefix, M the workers of one executor), or PREFIX_M.
import threading
from concurrent.futures import ThreadPoolExecutor


def names_of(ex, workers):
    # Keeps `workers` tasks busy together, so that each runs on its own
    # thread, and returns the threads' names.
    barrier = threading.Barrier(workers)

    def task():
        barrier.wait(timeout=30)
        return threading.current_thread().name

    futures = [ex.submit(task) for _ in range(workers)]
    return sorted(f.result() for f in futures)


with ThreadPoolExecutor(max_workers=3) as ex:
    print(names_of(ex, 3))
with ThreadPoolExecutor(max_workers=2, thread_name_prefix="io") as ex:
    print(names_of(ex, 2))
with ThreadPoolExecutor(max_workers=1) as ex:
    print(names_of(ex, 1))
with ThreadPoolExecutor(max_workers=2, thread_name_prefix="") as ex:
    print(names_of(ex, 2))
    print(ex._thread_name_prefix)

# The workers are not daemon threads, and are gone after shutdown.
ex = ThreadPoolExecutor(max_workers=1)
print(ex.submit(lambda: threading.current_thread().daemon).result())
ex.shutdown()
print(sorted(t.name for t in threading.enumerate()))
