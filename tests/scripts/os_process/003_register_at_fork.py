# register_at_fork: before hooks newest first, after hooks in order.
import os
import sys

events = []
r, w = os.pipe()


def hook(name):
    return lambda: events.append(name)


os.register_at_fork(before=hook("before1"), after_in_parent=hook("parent1"),
                    after_in_child=hook("child1"))
os.register_at_fork(before=hook("before2"), after_in_parent=hook("parent2"),
                    after_in_child=hook("child2"))
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.write(w, repr(events).encode())
    os._exit(0)
os.close(w)
print("child:", os.read(r, 1000).decode())
print("parent:", events)
os.waitpid(pid, 0)

for kwargs in ({}, {"before": 1}, {"after_in_child": "x"}, {"after_in_parent": None}):
    try:
        os.register_at_fork(**kwargs)
    except TypeError as e:
        print("TypeError", e)
try:
    os.register_at_fork(print)
except TypeError:
    print("positional: TypeError")
