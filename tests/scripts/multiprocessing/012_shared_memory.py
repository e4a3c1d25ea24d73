# multiprocessing.shared_memory: blocks by name, shared with another process.
import multiprocessing as mp
from multiprocessing import shared_memory as sm


def writer(name):
    block = sm.SharedMemory(name)
    block.buf[:5] = b"hello"
    block.close()


def list_writer(name):
    sl = sm.ShareableList(name=name)
    sl[0] = sl[0] + 100
    sl[2] = "from child"
    sl.shm.close()


if __name__ == "__main__":
    block = sm.SharedMemory(create=True, size=16)
    print(block.size, len(block.buf), type(block.buf).__name__, bytes(block.buf[:5]))
    p = mp.Process(target=writer, args=(block.name,))
    p.start()
    p.join()
    print(bytes(block.buf[:5]), repr(block).startswith("SharedMemory('"))
    other = sm.SharedMemory(block.name)
    print(bytes(other.buf[:5]), other.size)
    other.close()
    block.close()
    block.unlink()
    try:
        sm.SharedMemory(block.name)
    except FileNotFoundError as e:
        print("FileNotFoundError", e.errno)
    for kw in [dict(create=True, size=-1), dict(create=True, size=0), dict()]:
        try:
            sm.SharedMemory(**kw)
        except ValueError as e:
            print("ValueError:", e)

    sl = sm.ShareableList([1, 2.5, "a string....", b"by", None, True])
    print(len(sl), list(sl), sl[0], sl[-1], sl.count(1), sl.index(2.5))
    p = mp.Process(target=list_writer, args=(sl.shm.name,))
    p.start()
    p.join()
    print(list(sl))
    sl[0] = -5
    sl[3] = b"xy"
    print(sl[0], sl[3])
    try:
        sl[2] = "a much longer string than fits"
    except ValueError as e:
        print("ValueError:", e)
    for pos in (6,):
        try:
            sl[pos]
        except IndexError as e:
            print("IndexError:", e)
    try:
        sl[10] = 1
    except IndexError as e:
        print("IndexError:", e)
    try:
        sl.index("missing")
    except ValueError as e:
        print("ValueError:", e)
    again = sm.ShareableList(name=sl.shm.name)
    print(list(again) == list(sl))
    again.shm.close()
    sl.shm.close()
    sl.shm.unlink()
    empty = sm.ShareableList(range(3))
    print(list(empty))
    empty.shm.close()
    empty.shm.unlink()
