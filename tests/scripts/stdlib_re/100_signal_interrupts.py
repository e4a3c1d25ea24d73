# A match that backtracks for ages is interrupted by a signal whose handler
# raises, as CPython's matcher is (Ctrl-C reaches a runaway pattern).
import re
import signal


class Timeout(Exception):
    pass


def on_alarm(signum, frame):
    raise Timeout("regex took too long")


signal.signal(signal.SIGALRM, on_alarm)
signal.setitimer(signal.ITIMER_REAL, 0.2)
try:
    re.match(r"(a+)+b", "a" * 60)
    print("finished?")
except Timeout as e:
    print("interrupted:", e)
finally:
    signal.setitimer(signal.ITIMER_REAL, 0)
print(re.match(r"(a+)+b", "aaab").span())
