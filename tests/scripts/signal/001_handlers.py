# signal(), getsignal() and the constants.
import signal

print(signal.SIG_DFL == 0, signal.SIG_IGN == 1, signal.NSIG)
print(signal.SIGINT, signal.SIGTERM, signal.SIGUSR1, signal.SIGALRM, signal.SIGCHLD)
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(signal.getsignal(signal.SIGUSR1) == signal.SIG_DFL)
print(signal.getsignal(signal.SIGPIPE) == signal.SIG_IGN)

seen = []


def handler(signum, frame):
    seen.append(signum)


old = signal.signal(signal.SIGUSR1, handler)
print(old == signal.SIG_DFL, signal.getsignal(signal.SIGUSR1) is handler)
signal.raise_signal(signal.SIGUSR1)
print(seen)
signal.raise_signal(signal.SIGUSR1)
print(seen)

print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) is handler)
signal.raise_signal(signal.SIGUSR1)
print(seen, signal.getsignal(signal.SIGUSR1) == signal.SIG_IGN)
print(signal.signal(signal.SIGUSR1, signal.SIG_DFL) == signal.SIG_IGN)

# The handler runs in the main thread at the next check point: os.kill
# of our own pid delivers the signal while bytecode runs.
import os
signal.signal(signal.SIGUSR2, handler)
os.kill(os.getpid(), signal.SIGUSR2)
for i in range(1000):
    pass
print(seen)
signal.signal(signal.SIGUSR2, signal.SIG_DFL)

# The handler's frame is the one that was running.
frames = []


def where(signum, frame):
    frames.append((frame.f_code.co_name, frame.f_lineno > 0))


def running():
    signal.raise_signal(signal.SIGUSR1)


signal.signal(signal.SIGUSR1, where)
running()
print(frames)
signal.signal(signal.SIGUSR1, signal.SIG_DFL)
