# Pool: map, starmap, imap, imap_unordered, apply(_async), callbacks, chunks.
import multiprocessing as mp
import os


def square(x):
    return x * x


def add(a, b):
    return a + b


def pid_of(_):
    return os.getpid()


_state = {}


def init(value):
    _state["value"] = value


def read_state(_):
    return _state.get("value")


if __name__ == "__main__":
    with mp.Pool(2) as pool:
        print(pool.map(square, range(10)))
        print(pool.map(square, range(10), chunksize=3))
        print(pool.map(square, []))
        print(pool.starmap(add, [(1, 2), (3, 4)]))
        print(list(pool.imap(square, range(6))))
        print(list(pool.imap(square, range(7), chunksize=3)))
        print(sorted(pool.imap_unordered(square, range(6))))
        print(sorted(pool.imap_unordered(square, range(6), chunksize=4)))
        print(pool.apply(add, (2, 3)), pool.apply(add, (), {"a": 1, "b": 2}))
        got = []
        r = pool.apply_async(square, (9,), callback=got.append)
        print(r.get(timeout=10), r.ready(), r.successful())
        r.wait()
        print(got)
        m = pool.map_async(square, range(4), callback=got.append)
        print(m.get(), got)
        s = pool.starmap_async(add, [(1, 1), (2, 2)])
        print(s.get())
        print(pool.map(str.upper, ["hello", "world", "python"]))
        print(pool.map(len, ["a", "bb"]), pool.map(abs, [-1, -2]))
        it = pool.imap(square, [1, 2])
        print(next(it), it.next(timeout=10))
        try:
            next(it)
        except StopIteration:
            print("StopIteration")
        print(repr(pool).split(" pool_size")[0])

    with mp.Pool(2, initializer=init, initargs=("ready",)) as pool:
        print(pool.map(read_state, range(4)))

    with mp.Pool(1, maxtasksperchild=1) as pool:
        pids = pool.map(pid_of, range(3), chunksize=1)
        print("distinct workers:", len(set(pids)))

    pool = mp.Pool(2)
    r = pool.map_async(square, range(5))
    pool.close()
    print(repr(pool).split(" pool_size")[0])
    try:
        pool.apply(square, (1,))
    except ValueError as e:
        print("ValueError:", e)
    pool.join()
    print(r.get())

    pool = mp.Pool(2)
    try:
        pool.join()
    except ValueError as e:
        print("ValueError:", e)
    pool.terminate()
    pool.join()
    print(repr(pool).split(" pool_size")[0])

    for bad in [dict(processes=0), dict(maxtasksperchild=0), dict(initializer=5)]:
        try:
            mp.Pool(**bad)
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)

    from multiprocessing.pool import ThreadPool
    with ThreadPool(3) as tp:
        print(tp.map(square, range(5)), tp.apply(add, (1, 2)))
        print(sorted(tp.imap_unordered(square, range(4))))
