# queue.Queue producer/consumer: 200k items through a bounded queue between
# two threads (Condition waits and notifies on both sides).
import queue
import threading

ITEMS = 200_000
q = queue.Queue(maxsize=1000)
total = [0]


def producer():
    for i in range(ITEMS):
        q.put(i)
    q.put(None)


def consumer():
    s = 0
    while True:
        item = q.get()
        if item is None:
            break
        s += item
    total[0] = s


p = threading.Thread(target=producer)
c = threading.Thread(target=consumer)
p.start()
c.start()
p.join()
c.join()
print(total[0])
