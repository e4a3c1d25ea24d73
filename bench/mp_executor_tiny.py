# ProcessPoolExecutor.map over 10,000 tiny tasks, with chunksize 1 and 100.
from concurrent.futures import ProcessPoolExecutor


def tiny(x):
    return x * 2


if __name__ == "__main__":
    with ProcessPoolExecutor(2) as ex:
        a = sum(ex.map(tiny, range(10_000)))
        b = sum(ex.map(tiny, range(10_000), chunksize=100))
    print(a, b)
