# The CPU-bound job of bench/interpreters_pool: CHUNKS equal chunks run one
# after the other (seq) or on a pool of two workers: threads, processes or
# interpreters (each with its own GIL). Prints the result and the time.
#
#     gilt bench/lib/pool_job.py seq|threads|processes|interpreters
import sys
import time

CHUNKS = 4
N = 8_000_000  # about 2 s in all for gilt on one core, 9 s for python3 3.11


def chunk(i):
    total = 0
    for k in range(N):
        total += (k * k + i) % 7
    return total


def pool_class(mode):
    import concurrent.futures as cf
    return {"threads": cf.ThreadPoolExecutor, "processes": cf.ProcessPoolExecutor,
            "interpreters": getattr(cf, "InterpreterPoolExecutor", None)}[mode]


if __name__ == "__main__":
    mode = sys.argv[1]
    start = time.perf_counter()
    if mode == "seq":
        result = sum(map(chunk, range(CHUNKS)))
    else:
        with pool_class(mode)(max_workers=2) as pool:
            result = sum(pool.map(chunk, range(CHUNKS)))
    print(mode, result, f"{time.perf_counter() - start:.3f}")
