# Process: names, exit codes, is_alive, daemon, subclassing, parent/current.
import multiprocessing as mp
import os
import signal
import sys


def report(conn):
    me = mp.current_process()
    parent = mp.parent_process()
    conn.send((me.name, me.daemon, parent.name, parent.pid == os.getppid(),
               mp.current_process().pid == os.getpid()))
    conn.close()


def exit_with(code):
    sys.exit(code)


def hard_exit(code):
    os._exit(code)


def fail():
    raise RuntimeError("child failed")


def wait_forever(event):
    event.wait()


class Squarer(mp.Process):
    def __init__(self, n, conn):
        super().__init__(name=f"squarer-{n}")
        self.n = n
        self.conn = conn

    def run(self):
        self.conn.send(self.n * self.n)


if __name__ == "__main__":
    print(mp.current_process().name, mp.parent_process())
    a, b = mp.Pipe()
    p = mp.Process(target=report, args=(b,))
    print(p.name, p.exitcode, p.is_alive(), p.daemon, p.pid)
    p.start()
    print(a.recv())
    p.join()
    print(p.exitcode, p.is_alive())
    print(mp.active_children())

    d = mp.Process(target=report, args=(b,), daemon=True, name="worker-d")
    d.start()
    print(a.recv())
    d.join()

    for target, args in [(exit_with, (3,)), (exit_with, (None,)), (exit_with, ("text",)),
                         (hard_exit, (5,)), (fail, ())]:
        q = mp.Process(target=target, args=args)
        # The child's traceback (fail) goes to stderr; keep it out of the
        # comparison, which is of exit codes.
        saved = os.dup(2)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        try:
            q.start()
            q.join()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            os.close(devnull)
        print(target.__name__, args, "->", q.exitcode)

    ev = mp.Event()
    w = mp.Process(target=wait_forever, args=(ev,))
    w.start()
    w.join(timeout=0.05)
    print("still alive after join(timeout):", w.is_alive(), w.exitcode)
    w.terminate()
    w.join()
    print("terminated:", w.exitcode == -signal.SIGTERM, w.exitcode)

    w = mp.Process(target=wait_forever, args=(ev,))
    w.start()
    w.kill()
    w.join()
    print("killed:", w.exitcode)

    s = Squarer(12, b)
    s.start()
    print(s.name, a.recv())
    s.join()
    print(s.exitcode)
    s.close()
    try:
        s.is_alive()
    except ValueError as e:
        print("ValueError:", e)
