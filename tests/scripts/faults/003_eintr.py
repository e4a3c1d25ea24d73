# EINTR (PEP 475): a signal handler that runs while a call blocks does not
# end the call; the call goes on (with its timeout counted from the start),
# unless the handler raises, and then the call raises that exception. The
# alarms come from signal.setitimer; what the blocked call waits for is made
# to happen by the handler itself, so nothing depends on timing.
import select
import signal
import socket
import threading
import time

ran = []


def arm(action=None, delay=0.05):
    def handler(signum, frame):
        ran.append(signum)
        if action:
            action()
    ran.clear()
    signal.signal(signal.SIGALRM, handler)
    signal.setitimer(signal.ITIMER_REAL, delay)


class Interrupted(Exception):
    pass


def interrupt():
    raise Interrupted("from the handler")


def report(name, call):
    try:
        result = call()
    except Interrupted as e:
        result = f"raised {type(e).__name__}: {e}"
    signal.setitimer(signal.ITIMER_REAL, 0)
    print(f"{name}: {result}; handler ran {len(ran)} time(s)")


# time.sleep: the whole duration passes although the handler ran.
arm()
start = time.monotonic()
report("sleep", lambda: time.sleep(0.3) or time.monotonic() - start >= 0.29)
arm(interrupt)
report("sleep, handler raises", lambda: time.sleep(5))

# Lock.acquire with a timeout: the timeout is not restarted by the signal.
lock = threading.Lock()
lock.acquire()
arm()
start = time.monotonic()
report("Lock.acquire(timeout)", lambda: (lock.acquire(timeout=0.3),
                                         time.monotonic() - start >= 0.29))
arm(lock.release)
report("Lock.acquire, released by the handler", lambda: lock.acquire())
arm(interrupt)
report("Lock.acquire, handler raises", lambda: lock.acquire())
lock.release()

# Event.wait: the handler sets the event.
event = threading.Event()
arm(event.set)
report("Event.wait", lambda: event.wait(10))
event.clear()
arm()
report("Event.wait(timeout)", lambda: event.wait(0.2))

# Thread.join: the thread waits for an event the handler sets.
gate = threading.Event()
worker = threading.Thread(target=gate.wait)
worker.start()
arm(gate.set)
report("Thread.join", lambda: (worker.join(), worker.is_alive()))
gate.clear()
worker = threading.Thread(target=gate.wait)
worker.start()
arm(interrupt)
report("Thread.join, handler raises", lambda: worker.join())
gate.set()
worker.join()
arm(interrupt)
report("Event.wait, handler raises", lambda: threading.Event().wait(10))
condition = threading.Condition()
with condition:
    arm()
    report("Condition.wait(timeout)", lambda: condition.wait(0.2))
import queue
q = queue.Queue()
arm(lambda: q.put("item"))
report("Queue.get", lambda: q.get(timeout=10))

# os.read on a pipe: the handler writes to it.
import os
r, w = os.pipe()
arm(lambda: os.write(w, b"data"))
report("os.read", lambda: os.read(r, 10))
arm(interrupt)
report("os.read, handler raises", lambda: os.read(r, 10))
os.close(r)
os.close(w)

# select.select and socket.recv on a socket pair: the handler writes.
a, b = socket.socketpair()
arm(lambda: b.send(b"ping"))
report("select", lambda: [s is a for s in select.select([a], [], [], 10)[0]])
report("recv after select", lambda: a.recv(10))
arm(interrupt)
report("select, handler raises", lambda: select.select([a], [], [], 10))
arm()
report("select(timeout)", lambda: select.select([a], [], [], 0.2) == ([], [], []))
arm(lambda: b.send(b"pong"))
report("recv", lambda: a.recv(10))
arm(interrupt)
report("recv, handler raises", lambda: a.recv(10))
a.settimeout(0.2)
arm()


def timed_recv():
    try:
        return a.recv(10)
    except socket.timeout as e:
        return f"{type(e).__name__}: {e}"


report("recv with a timeout", timed_recv)
a.close()
b.close()


# socket.accept: the handler connects.
server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen()
clients = []


def connect():
    c = socket.socket()
    c.connect(server.getsockname())
    clients.append(c)


arm(connect)
report("accept", lambda: type(server.accept()[0]).__name__)
arm(interrupt)
report("accept, handler raises", lambda: server.accept())
for c in clients:
    c.close()
server.close()
signal.signal(signal.SIGALRM, signal.SIG_DFL)
