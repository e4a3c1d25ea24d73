# What a pool's processes no longer import at start-up is still there when
# used: a duplex Pipe and a Listener/Client pair (socket), the exit-code
# name in repr() (signal), a task's error with its remote traceback
# (traceback).
import multiprocessing as mp
import os
import signal
import time
from multiprocessing.connection import Client, Listener


def fail(x):
    raise ValueError("bad %d" % x)


def wait_forever(conn):
    conn.send("ready")
    conn.recv()


def serve(address):
    with Listener(address, authkey=b"key") as listener:
        with listener.accept() as conn:
            conn.send(conn.recv() * 2)


if __name__ == "__main__":
    a, b = mp.Pipe()
    p = mp.Process(target=wait_forever, args=(b,))
    p.start()
    print(a.recv())
    p.terminate()
    p.join()
    print(p.exitcode, "exitcode=-SIGTERM" in repr(p))

    with mp.Pool(1) as pool:
        try:
            pool.apply(fail, (3,))
        except ValueError as e:
            print("ValueError", e)
            print(type(e.__cause__).__name__, "raise ValueError" in str(e.__cause__))

    import tempfile
    address = os.path.join(tempfile.mkdtemp(), "sock")
    server = mp.Process(target=serve, args=(address,))
    server.start()
    for _ in range(500):
        if os.path.exists(address):
            break
        time.sleep(0.01)
    with Client(address, authkey=b"key") as conn:
        conn.send(21)
        print(conn.recv())
    server.join()
    print(server.exitcode)
