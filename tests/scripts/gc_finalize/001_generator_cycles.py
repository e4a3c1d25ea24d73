# A suspended generator that only a reference cycle keeps alive is closed by
# the collector (PEP 442: finalized before the cycle is cleared), so its
# `finally` blocks and `with` exits run during gc.collect(), with every
# object of the cycle still intact.
import gc

gc.collect()
gc.disable()  # only explicit collections below
log = []


class Node:
    def __init__(self, name):
        self.name = name
        self.me = self


def walker(node):
    try:
        log.append("start " + node.name)
        yield 1
        yield 2
    finally:
        # The node is part of the same cycle: it must still be whole here.
        log.append("finally " + node.name + " " + str(node.me is node))


# generator <-> node
n = Node("a")
n.gen = walker(n)
next(n.gen)
del n
print("before collect", log)
print("collected something:", gc.collect() > 0)
print(log)
log.clear()

# A generator that refers to itself through its own frame.
def selfish():
    me = yield
    try:
        yield "suspended"
    finally:
        log.append("selfish finally, holds a " + type(me).__name__)


g = selfish()
next(g)
print(g.send(g))
del g
print(log)
gc.collect()
print(log)
log.clear()


# `with` exits run too.
class Res:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        log.append("enter " + self.name)
        return self

    def __exit__(self, *exc):
        log.append("exit " + self.name + " " + exc[0].__name__)
        return False


def using(holder):
    with Res("r1"):
        with Res("r2"):
            yield holder


class Holder:
    pass


h = Holder()
h.gen = using(h)
next(h.gen)
del h
gc.collect()
print(log)
log.clear()

# Not started and already finished generators have nothing to run.
h = Holder()
h.gen = walker(Node("never"))
h.me = h
k = Holder()
k.gen = walker(Node("done"))
list(k.gen)
k.me = k
del h, k
gc.collect()
print(log)
log.clear()

# A generator whose finally yields again: closing it fails with
# RuntimeError, reported as unraisable, and the cycle is still freed.
import io
import sys
import weakref


def stubborn(holder):
    try:
        yield 1
    finally:
        log.append("stubborn finally")
        yield 2


h = Holder()
h.gen = stubborn(h)
next(h.gen)
alive = weakref.ref(h)
del h
old, sys.stderr = sys.stderr, io.StringIO()
gc.collect()
err, sys.stderr = sys.stderr.getvalue(), old
print(log, alive())
print("RuntimeError: generator ignored GeneratorExit" in err)
print(gc.garbage)
gc.enable()
