# signal's and socket's constants are IntEnum members, as in CPython.
import pickle
import signal
import socket
from enum import IntEnum

print(repr(signal.SIGINT), str(signal.SIGINT), signal.SIGINT == 2, signal.SIGINT.name)
print(repr(signal.SIGIOT), repr(signal.SIGPOLL), repr(signal.SIG_DFL), repr(signal.SIG_IGN))
print(repr(signal.SIG_BLOCK), repr(signal.SIG_UNBLOCK), repr(signal.SIG_SETMASK))
print(signal.Signals, signal.Handlers, signal.Sigmasks, issubclass(signal.Signals, IntEnum))
print(signal.Signals(15), signal.Signals["SIGTERM"] is signal.SIGTERM, repr(signal.Signals(2)))
print(list(signal.Signals)[:5], signal.Signals.__module__)
print(repr(signal.getsignal(signal.SIGTERM)))
print(repr(signal.signal(signal.SIGUSR1, signal.SIG_IGN)), repr(signal.getsignal(signal.SIGUSR1)))


def handler(signum, frame):
    print("got", repr(signum) if isinstance(signum, IntEnum) else signum)


print(repr(signal.signal(signal.SIGUSR1, handler)))
signal.raise_signal(signal.SIGUSR1)
print(signal.getsignal(signal.SIGUSR1) is handler)
print(repr(signal.signal(signal.SIGUSR1, signal.SIG_DFL)) == repr(handler))
old = signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR2])
print(old, repr(signal.pthread_sigmask(signal.SIG_SETMASK, old)))
print(sorted(signal.valid_signals())[:3], signal.SIGUSR1 in signal.valid_signals())
print(pickle.loads(pickle.dumps(signal.SIGHUP)) is signal.SIGHUP, signal.strsignal(signal.SIGINT))
try:
    signal.Signals(1000)
except ValueError as exc:
    print("ValueError", exc)

print(repr(socket.AF_INET), str(socket.AF_INET), repr(socket.SOCK_STREAM), socket.AF_INET + 0)
print(socket.AddressFamily, socket.SocketKind, socket.AddressFamily(socket.AF_UNIX).name)
with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    print(repr(s.family), repr(s.type))
a, b = socket.socketpair()
print(repr(a.family), repr(a.type))
a.close()
b.close()
