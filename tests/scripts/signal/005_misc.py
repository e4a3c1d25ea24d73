# strsignal, valid_signals, pthread_sigmask, pthread_kill, set_wakeup_fd,
# siginterrupt.
import os
import signal
import threading

print(signal.strsignal(signal.SIGINT), signal.strsignal(signal.SIGTERM))
print(signal.strsignal(signal.SIGKILL), signal.strsignal(signal.SIGHUP))
valid = signal.valid_signals()
print(len(valid), signal.SIGKILL in valid, 32 in valid, max(valid) == signal.NSIG - 1)

got = []
signal.signal(signal.SIGUSR1, lambda s, f: got.append(s))
old = signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1])
print(sorted(int(s) for s in old))
os.kill(os.getpid(), signal.SIGUSR1)
for i in range(100):
    pass
print("while blocked:", got)
mask = signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR1])
print(sorted(int(s) for s in mask))
for i in range(100):
    pass
print("after unblock:", got)

signal.pthread_kill(threading.get_ident(), signal.SIGUSR1)
print("pthread_kill:", got)
signal.pthread_kill(threading.get_ident(), 0)  # only checks the thread

r, w = os.pipe()
os.set_blocking(w, False)
print(signal.set_wakeup_fd(w))
signal.raise_signal(signal.SIGUSR1)
print(os.read(r, 10) == bytes([signal.SIGUSR1]))
print(signal.set_wakeup_fd(-1) == w)
signal.siginterrupt(signal.SIGUSR1, False)
signal.siginterrupt(signal.SIGUSR1, True)
print(got)

# sigpending and sigwait with the signal blocked: no handler runs.
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR2])
signal.signal(signal.SIGUSR2, lambda s, f: got.append("handler"))
print(signal.sigpending())
signal.pthread_kill(threading.get_ident(), signal.SIGUSR2)
print(sorted(int(s) for s in signal.sigpending()) == [signal.SIGUSR2])
print(signal.sigwait([signal.SIGUSR2]) == signal.SIGUSR2, signal.sigpending())
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR2])
print(got)
