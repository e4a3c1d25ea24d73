# forkserver behaves like spawn for scripts; pickling rules for sync objects.
import multiprocessing as mp


def ident(x):
    return x, __name__


def send_lock(q, lock):
    q.put(type(lock).__name__)


if __name__ == "__main__":
    ctx = mp.get_context("forkserver")
    with ctx.Pool(1) as pool:
        print(pool.map(ident, [1, 2]))
    q = ctx.Queue()
    held = ctx.Lock()
    p = ctx.Process(target=send_lock, args=(q, held))
    p.start()
    print(q.get(timeout=60))
    p.join()
    lock = mp.get_context("spawn").Lock()
    import pickle
    try:
        pickle.dumps(lock)
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        pickle.dumps(mp.get_context("spawn").Queue())
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        pickle.dumps(mp.current_process().authkey)
    except TypeError as e:
        print("TypeError:", e)
