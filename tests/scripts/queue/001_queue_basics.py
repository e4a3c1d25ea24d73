import queue

q = queue.Queue()
for i in range(3):
    q.put(i)
print(q.qsize(), q.empty(), q.full())
print([q.get() for _ in range(3)])
try:
    q.get_nowait()
except queue.Empty:
    print("Empty")
try:
    q.get(timeout=0.01)
except queue.Empty:
    print("Empty after timeout")

b = queue.Queue(maxsize=2)
b.put(1)
b.put_nowait(2)
print(b.full())
try:
    b.put_nowait(3)
except queue.Full:
    print("Full")
try:
    b.put(3, timeout=0.01)
except queue.Full:
    print("Full after timeout")
try:
    b.put(3, timeout=-1)
except ValueError as e:
    print("ValueError:", e)

lq = queue.LifoQueue()
for i in range(3):
    lq.put(i)
print([lq.get() for _ in range(3)])

pq = queue.PriorityQueue()
for item in [(3, "c"), (1, "a"), (2, "b")]:
    pq.put(item)
print([pq.get() for _ in range(3)])

sq = queue.SimpleQueue()
sq.put("x")
sq.put("y")
print(sq.qsize(), sq.get(), sq.get_nowait(), sq.empty())
try:
    sq.get(timeout=0.01)
except queue.Empty:
    print("SimpleQueue Empty")

t = queue.Queue()
t.put(1)
t.get()
t.task_done()
try:
    t.task_done()
except ValueError as e:
    print("ValueError:", e)
t.join()
print(issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))
