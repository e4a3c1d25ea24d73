# alarm() and setitimer() fire a handler; pause() waits for it.
import signal
import time

fired = []


def on_alarm(signum, frame):
    fired.append(signum == signal.SIGALRM)


signal.signal(signal.SIGALRM, on_alarm)
print(signal.alarm(0))
signal.alarm(1)
print(signal.alarm(5) in (0, 1))  # the remaining seconds of the first alarm
print(signal.alarm(0) in (4, 5))

signal.setitimer(signal.ITIMER_REAL, 0.05)
signal.pause()
print(fired)

# An interval timer fires repeatedly, also during time.sleep.
signal.setitimer(signal.ITIMER_REAL, 0.02, 0.02)
delay, interval = signal.getitimer(signal.ITIMER_REAL)
print(0 < delay <= 0.02, round(interval, 3))
deadline = time.monotonic() + 5
while len(fired) < 4 and time.monotonic() < deadline:
    time.sleep(0.01)
old = signal.setitimer(signal.ITIMER_REAL, 0)
print(len(fired) >= 4, round(old[1], 3))
print(signal.getitimer(signal.ITIMER_REAL))

# ITIMER_VIRTUAL counts CPU time: a busy loop fires SIGVTALRM.
ticks = []
signal.signal(signal.SIGVTALRM, lambda s, f: ticks.append(s))
signal.setitimer(signal.ITIMER_VIRTUAL, 0.01)
deadline = time.monotonic() + 10
while not ticks and time.monotonic() < deadline:
    sum(range(1000))
print(ticks == [signal.SIGVTALRM])
signal.setitimer(signal.ITIMER_PROF, 0)
print(signal.getitimer(signal.ITIMER_PROF))
