# One producer thread puts into an unbounded queue.Queue, the main thread
# gets: the consumer usually finds the queue empty and waits on not_empty,
# so each hand-off is a Condition wait/notify across the GIL.
import queue
import threading

ITEMS = 200_000
q = queue.Queue()


def producer():
    for i in range(ITEMS):
        q.put(i)
    q.put(None)


t = threading.Thread(target=producer)
t.start()
total = 0
while True:
    item = q.get()
    if item is None:
        break
    total += item
t.join()
print(total)
