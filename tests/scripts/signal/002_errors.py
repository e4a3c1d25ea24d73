# Argument errors, worded as CPython's.
import signal
import threading


def show(f, *args):
    try:
        f(*args)
    except Exception as e:
        print(type(e).__name__, e)


show(signal.signal, 99, signal.SIG_DFL)
show(signal.signal, 0, signal.SIG_DFL)
show(signal.signal, signal.SIGUSR1, 5)
show(signal.signal, signal.SIGUSR1, "handler")
show(signal.signal, signal.SIGKILL, signal.SIG_IGN)
show(signal.signal, signal.SIGSTOP, signal.SIG_IGN)
show(signal.getsignal, signal.NSIG)
show(signal.strsignal, 0)
show(signal.set_wakeup_fd, 0)
show(signal.setitimer, 99, 1.0)
print(issubclass(signal.ItimerError, OSError))

# Only the main thread may set handlers.
result = []


def worker():
    try:
        signal.signal(signal.SIGUSR1, lambda *a: None)
    except ValueError as e:
        result.append(str(e))


t = threading.Thread(target=worker)
t.start()
t.join()
print(result)
