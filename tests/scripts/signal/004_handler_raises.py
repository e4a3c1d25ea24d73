# A handler that raises makes the interrupted code raise; blocking calls
# interrupted by a signal whose handler returns go on (PEP 475).
import os
import signal
import time


class Timeout(Exception):
    pass


def on_alarm(signum, frame):
    raise Timeout("alarm went off")


signal.signal(signal.SIGALRM, on_alarm)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    time.sleep(10)
except Timeout as e:
    print("sleep interrupted:", e)

signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    while True:
        pass
except Timeout as e:
    print("loop interrupted:", e)

# A blocking read is interrupted and raises too.
r, w = os.pipe()
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    os.read(r, 1)
except Timeout as e:
    print("read interrupted:", e)

# A handler that returns: the sleep goes on for its whole time.
count = []
signal.signal(signal.SIGALRM, lambda s, f: count.append(s))
signal.setitimer(signal.ITIMER_REAL, 0.02)
start = time.monotonic()
time.sleep(0.2)
print("slept fully:", time.monotonic() - start >= 0.19, count)

# A read interrupted by a handler that returns is retried.
signal.setitimer(signal.ITIMER_REAL, 0.02)
pid = os.fork()
if pid == 0:
    time.sleep(0.2)
    os.write(w, b"x")
    os._exit(0)
print("read retried:", os.read(r, 1), len(count))
os.waitpid(pid, 0)
os.close(r)
os.close(w)

# KeyboardInterrupt from SIGINT, through default_int_handler.
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt as e:
    print("KeyboardInterrupt", repr(e.args))
try:
    signal.default_int_handler(signal.SIGINT, None)
except KeyboardInterrupt:
    print("default_int_handler raises KeyboardInterrupt")
