# queue: the API of every queue class, its error cases and timeouts.
import queue
import time


def attempt(label, func):
    try:
        result = func()
    except BaseException as e:
        print(label, "->", type(e).__name__, repr(e), e.__context__)
    else:
        print(label, "=", result)


for cls in (queue.Queue, queue.LifoQueue, queue.PriorityQueue):
    q = cls()
    for item in (3, 1, 2):
        q.put(item)
    print(cls.__name__, q.qsize(), q.empty(), q.full(), [q.get() for _ in range(3)],
          q.empty(), q.unfinished_tasks)

b = queue.Queue(2)
b.put_nowait("a")
b.put("b", timeout=0.01)
print(b.full(), b.qsize(), b.maxsize)
attempt("put_nowait full", lambda: b.put_nowait("c"))
attempt("put nonblocking full", lambda: b.put("c", False))
attempt("put nonblocking negative timeout", lambda: b.put("c", False, -1))
start = time.monotonic()
attempt("put timeout", lambda: b.put("c", timeout=0.03))
print(time.monotonic() - start >= 0.02)
attempt("put timeout 0", lambda: b.put("c", timeout=0))
attempt("put negative timeout", lambda: b.put("c", timeout=-1))
print(b.get(), b.get_nowait())
attempt("put negative timeout with room", lambda: b.put("c", timeout=-1))
attempt("get_nowait empty", b.get_nowait)
attempt("get nonblocking", lambda: b.get(False))
attempt("get timeout", lambda: b.get(timeout=0.01))
attempt("get timeout 0", lambda: b.get(timeout=0))
b.put("x")
attempt("get negative timeout with item", lambda: b.get(timeout=-0.5))
attempt("get nonblocking negative", lambda: b.get(False, -1))

u = queue.Queue(maxsize=-3)
attempt("unbounded put negative timeout", lambda: u.put(1, timeout=-1))
print(u.full(), u.qsize())

t = queue.Queue()
attempt("task_done too many", t.task_done)
t.put(1)
t.put(2)
print(t.unfinished_tasks)
t.get()
t.task_done()
t.get()
t.task_done()
print(t.unfinished_tasks, t.join())

p = queue.PriorityQueue()
for entry in [(2, "b"), (1, "a"), (3, "c"), (0, "z")]:
    p.put(entry)
print([p.get()[1] for _ in range(4)])
lq = queue.LifoQueue(maxsize=1)
lq.put(None)
attempt("lifo full", lambda: lq.put(1, block=False))
print(lq.get(), type(lq.queue).__name__, type(queue.Queue().queue).__name__)

s = queue.SimpleQueue()
print(s.empty(), s.qsize())
s.put(1)
s.put(None, block=False, timeout=-5)
s.put_nowait(3)
print(s.empty(), s.qsize(), s.get(), s.get(False), s.get_nowait(), s.empty())
attempt("simple get_nowait", s.get_nowait)
attempt("simple get timeout", lambda: s.get(timeout=0.01))
attempt("simple get negative", lambda: s.get(timeout=-1))
attempt("simple get nonblocking negative", lambda: s.get(False, -1))
attempt("simple get timeout 0", lambda: s.get(True, 0))
print(issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))
print(queue.Empty.__doc__, queue.Full.__doc__, sep="\n")
print(sorted(queue.__all__))


class Tracked(queue.Queue):
    # Storage hooks can be overridden, and are called with the mutex held.
    def _put(self, item):
        print("  _put", item, self.mutex.locked())
        super()._put(item)


tq = Tracked()
tq.put("hook")
print(tq.get())
