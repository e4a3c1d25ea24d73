# Forking while another thread runs: the child has one thread and a
# working GIL; threading forgets the other thread.
import os
import sys
import threading

stop = threading.Event()
started = threading.Event()


def spin():
    started.set()
    while not stop.is_set():
        sum(range(100))


t = threading.Thread(target=spin, name="spinner")
t.start()
started.wait()
r, w = os.pipe()
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    names = sorted(th.name for th in threading.enumerate())
    # Threads and locks work in the child.
    out = []
    helper = threading.Thread(target=lambda: out.append(sum(range(10))))
    helper.start()
    helper.join()
    lock = threading.Lock()
    with lock:
        pass
    os.write(w, repr((names, threading.active_count(), out, t.is_alive())).encode())
    os._exit(0)
os.close(w)
print(os.read(r, 1000).decode())
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
stop.set()
t.join()
print(t.is_alive(), threading.active_count())

# A child that returns normally (no os._exit) runs its exit steps, which
# must not wait for the parent's threads.
stop.clear()
started.clear()
t = threading.Thread(target=spin)
t.start()
started.wait()
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    sys.exit(4)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
stop.set()
t.join()

# Forking from a thread other than the main one: the child runs on that
# thread alone (and leaves with os._exit, as CPython's documentation asks).
res = []


def fork_here():
    r, w = os.pipe()
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        helper = threading.Thread(target=lambda: None)
        helper.start()
        helper.join()
        os.write(w, b"%d %s" % (len(threading.enumerate()), threading.current_thread().name.encode()))
        os._exit(3)
    os.close(w)
    res.append(os.read(r, 100).decode())
    os.close(r)
    res.append(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))


t = threading.Thread(target=fork_here, name="forker")
t.start()
t.join()
print(res)
