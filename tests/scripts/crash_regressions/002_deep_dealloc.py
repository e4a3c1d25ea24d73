# Freeing a deeply nested structure must not recurse on the C stack (the
# trashcan): each chain below is freed in a thread (8 MB of stack) and used
# to crash the interpreter; the last one in the main thread.
import threading, sys


N = 200000

def nested_lists():
    x = []
    for i in range(N):
        x = [x]
    return x

def nested_dicts():
    x = {}
    for i in range(N):
        x = {"k": x}
    return x

def nested_tuples():
    x = ()
    for i in range(N):
        x = (x, i)
    return x

def nested_frozensets():
    x = frozenset()
    for i in range(N):
        x = frozenset([x])
    return x

class Node:
    def __init__(self, nxt):
        self.nxt = nxt

def instances():
    x = None
    for i in range(N):
        x = Node(x)
    return x

def instances_dict():
    x = None
    for i in range(N):
        n = Node(None)
        n.__dict__["nxt"] = x
        n.__dict__["extra"] = i
        x = n
    return x

def closures():
    f = None
    for i in range(N):
        def g(f=None, prev=f):
            return prev
        f = g
    return f

def cells():
    f = lambda: None
    for i in range(N):
        def make(prev):
            return lambda: prev
        f = make(f)
    return f

def bound_methods():
    x = None
    for i in range(N):
        n = Node(x)
        x = n.__init__
    return x

def generators():
    g = None
    for i in range(N):
        def gen(prev):
            yield prev
        g = gen(g)
    return g

def exc_context():
    e = None
    for i in range(N):
        try:
            raise ValueError(i)
        except ValueError as v:
            v.__context__ = e
            e = v
    return e

def exc_cause():
    e = None
    for i in range(N):
        n = KeyError(i)
        n.__cause__ = e
        e = n
    return e

def run(make):
    result = []
    def body():
        obj = make()
        del obj
        result.append(make.__name__)
    t = threading.Thread(target=body)
    t.start()
    t.join()
    print(result[0] if result else "failed", flush=True)

for make in [nested_lists, nested_dicts, nested_tuples, nested_frozensets, instances, instances_dict,
             closures, cells, bound_methods, generators, exc_context, exc_cause]:
    run(make)

# the main thread: a deeper chain
x = []
for i in range(5 * N):
    x = [x]
del x
print("main ok")
