# Running out of file descriptors: with RLIMIT_NOFILE lowered, every call
# that makes a descriptor raises OSError EMFILE, and nothing is leaked (the
# same calls work again once descriptors are closed).
import errno
import os
import resource
import select
import socket


def open_fds():
    return len(os.listdir("/proc/self/fd"))


soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
baseline = open_fds()
# A limit leaving six free descriptor numbers (inherited descriptors may
# sit anywhere, and a new descriptor takes the lowest free number).
used = {int(name) for name in os.listdir("/proc/self/fd")}
limit = free = 0
while free < 6:
    free += limit not in used
    limit += 1
resource.setrlimit(resource.RLIMIT_NOFILE, (limit, hard))

makers = {
    "open": lambda: open(os.devnull, "rb"),
    "open-text": lambda: open(os.devnull, "w"),
    "os.open": lambda: os.open(os.devnull, os.O_RDONLY),
    "os.pipe": lambda: os.pipe(),
    "os.dup": lambda: os.dup(0),
    "socket": lambda: socket.socket(socket.AF_INET, socket.SOCK_STREAM),
    "socketpair": lambda: socket.socketpair(),
    "epoll": lambda: select.epoll(),
}


def close(thing):
    if isinstance(thing, int):
        os.close(thing)
    elif isinstance(thing, tuple):
        for t in thing:
            close(t)
    else:
        thing.close()


for name, make in makers.items():
    held = []
    try:
        while len(held) < 100:
            held.append(make())
        print(name, "never ran out")
    except OSError as e:
        print(name, type(e).__name__, e.errno == errno.EMFILE, e.strerror, len(held) > 0)
    for thing in held:
        close(thing)
    print(name, "leaked", open_fds() - baseline)

resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
with open(os.devnull) as f:
    print("after restoring the limit:", f.read() == "")
print("leaked at the end", open_fds() - baseline)
