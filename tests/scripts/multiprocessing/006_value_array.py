# Value and Array in shared memory, with and without locks.
import multiprocessing as mp
from multiprocessing import sharedctypes


def add(counter, n):
    for _ in range(n):
        with counter.get_lock():
            counter.value += 1


def fill(arr, start):
    for i in range(len(arr)):
        arr[i] = start + i


if __name__ == "__main__":
    v = mp.Value("i", 5)
    print(v, v.value)
    v.value = 2**31 + 1
    print(v.value)
    for code, val in [("b", 200), ("B", -1), ("h", 70000), ("H", -2), ("I", -1),
                      ("q", 2**63), ("Q", -1), ("d", 1.5), ("f", 0.1), ("c", b"z"), ("u", "é")]:
        x = mp.Value(code, val) if code not in ("c", "u") else mp.Value(code, val)
        print(code, x.value)
    try:
        mp.Value("i", 1.5)
    except TypeError as e:
        print("TypeError:", e)
    try:
        mp.Value("x")
    except (TypeError, KeyError, ValueError) as e:
        print(type(e).__name__)

    counter = mp.Value("i", 0)
    procs = [mp.Process(target=add, args=(counter, 2500)) for _ in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print("counter:", counter.value)

    arr = mp.Array("d", 5)
    print(len(arr), arr[:], arr[1:3])
    p = mp.Process(target=fill, args=(arr, 10))
    p.start()
    p.join()
    print(arr[:], arr[-1], list(arr))
    arr[0] = 99
    print(arr[0])
    try:
        arr[10]
    except IndexError as e:
        print("IndexError:", e)

    ints = mp.Array("i", [1, 2, 3])
    print(ints[:], sum(ints), ints.get_lock() is not None)
    raw = mp.RawArray("i", 3)
    print(type(raw).__name__.endswith("Array_3"), raw[:])
    rv = mp.RawValue("d", 2.5)
    print(rv, rv.value)
    nolock = mp.Value("i", 7, lock=False)
    print(nolock)
    lk = mp.Lock()
    withlock = mp.Value("i", 1, lock=lk)
    print(withlock.get_lock() is lk)
    try:
        mp.Value("i", 1, lock="nope")
    except AttributeError as e:
        print("AttributeError:", e)

    s = mp.Array("c", b"hello")
    print(s.value, s.raw, len(s))
    s.value = b"hi"
    print(s.value, s.raw)
    s2 = mp.Array("c", 6)
    print(s2.raw)
