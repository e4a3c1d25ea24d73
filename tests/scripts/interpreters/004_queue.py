# golden-python: 3.14
# concurrent.interpreters (PEP 734) is new in CPython 3.14, so python3 3.11
# cannot produce this expectation: the .out follows CPython 3.14's documented
# behaviour and was checked by hand, line by line.
# Queues between interpreters: shareable objects, FIFO order, bounds,
# timeouts, QueueEmpty/QueueFull, and a Queue sent through a Queue.
import queue

from concurrent import interpreters

print([interpreters.is_shareable(x) for x in
       (None, True, 7, -2 ** 40, 1.5, "s", b"b", (1, ("x", None)))])
print([interpreters.is_shareable(x) for x in
       ([1], {"a": 1}, {1}, (1, [2]), object(), bytearray(b"x"))])

q = interpreters.create_queue()
print(q.qsize(), q.empty(), q.full(), q.maxsize)
for item in (None, False, -5, 2 ** 60, 0.25, "é", b"\x00\x01", (1, ("two", 3.0))):
    q.put(item)
print(q.qsize())
print([q.get() for _ in range(8)])
print(q.empty())

try:
    q.get_nowait()
except interpreters.QueueEmpty as e:
    print(type(e).__name__, isinstance(e, queue.Empty))
try:
    q.get(timeout=0.01)
except queue.Empty:
    print("Empty after timeout")

small = interpreters.create_queue(maxsize=2)
small.put(1)
small.put_nowait(2)
print(small.full(), small.maxsize)
try:
    small.put_nowait(3)
except interpreters.QueueFull as e:
    print(type(e).__name__, isinstance(e, queue.Full))
try:
    small.put(3, timeout=0.01)
except queue.Full:
    print("Full after timeout")
print(small.get(), small.get(), small.empty())

# A list is not shareable; the queue carries a copy of it.
original = [1, 2]
q.put(original)
copy = q.get()
print(copy == original, copy is original)

# Queue objects with the same id are the same object; a queue can be sent.
print(interpreters.Queue(q.id) is q)
q.put(small)
print(q.get() is small)

# Two interpreters talk through queues passed with prepare_main.
interp = interpreters.create()
requests, replies = interpreters.create_queue(), interpreters.create_queue()
interp.prepare_main(requests=requests, replies=replies)
for n in (3, 4, 5):
    requests.put(n)
requests.put(None)
interp.exec("""
while (n := requests.get()) is not None:
    replies.put((n, n * n))
replies.put('done')
""")
got = []
while (reply := replies.get()) != "done":
    got.append(reply)
print(got)
interp.close()
