# Process-shared Lock, RLock, Semaphore, BoundedSemaphore, Condition, Event, Barrier.
import multiprocessing as mp


def hold_and_signal(lock, started, release):
    with lock:
        started.set()
        release.wait()


def waiter(cond, state, out):
    with cond:
        cond.wait_for(lambda: state.value == 1)
        out.put("woke with state %d" % state.value)


def barrier_party(barrier, out):
    index = barrier.wait()
    out.put(index)


if __name__ == "__main__":
    lock = mp.Lock()
    print(lock)
    print(lock.acquire(), lock)
    print(lock.acquire(False), lock.acquire(timeout=0.01))
    lock.release()
    try:
        lock.release()
    except ValueError as e:
        print("ValueError:", e)
    with lock:
        print("in with:", lock.acquire(False))

    rlock = mp.RLock()
    print(rlock)
    rlock.acquire(); rlock.acquire()
    print(rlock)
    rlock.release(); rlock.release()
    try:
        rlock.release()
    except AssertionError as e:
        print("AssertionError:", e)

    sem = mp.Semaphore(2)
    print(sem, sem.get_value())
    print(sem.acquire(), sem.acquire(), sem.acquire(timeout=0.01))
    sem.release(); sem.release(); sem.release()
    print(sem.get_value())
    bsem = mp.BoundedSemaphore(1)
    print(bsem)
    try:
        bsem.release()
    except ValueError as e:
        print("ValueError:", e)

    # A lock held by another process.
    started, release = mp.Event(), mp.Event()
    p = mp.Process(target=hold_and_signal, args=(lock, started, release))
    p.start()
    started.wait()
    print("held elsewhere:", lock.acquire(timeout=0.05))
    release.set()
    p.join()
    print("free again:", lock.acquire(timeout=5))
    lock.release()

    cond = mp.Condition()
    state = mp.Value("i", 0)
    out = mp.Queue()
    procs = [mp.Process(target=waiter, args=(cond, state, out)) for _ in range(3)]
    for p in procs:
        p.start()
    with cond:
        state.value = 1
        cond.notify_all()
    print(sorted(out.get() for _ in procs))
    for p in procs:
        p.join()
    try:
        cond.wait()
    except (AssertionError, RuntimeError) as e:
        print(type(e).__name__, e)

    ev = mp.Event()
    print(ev.is_set(), ev.wait(0.01))
    ev.set()
    print(ev.is_set(), ev.wait())
    ev.clear()
    print(ev.is_set())

    barrier = mp.Barrier(3)
    print(barrier.parties, barrier.n_waiting, barrier.broken)
    procs = [mp.Process(target=barrier_party, args=(barrier, out)) for _ in range(3)]
    for p in procs:
        p.start()
    print(sorted(out.get() for _ in procs))
    for p in procs:
        p.join()
