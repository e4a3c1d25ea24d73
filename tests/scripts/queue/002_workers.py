import queue
import threading

tasks = queue.Queue()
results = queue.Queue()


def worker():
    while True:
        item = tasks.get()
        if item is None:
            tasks.task_done()
            break
        results.put(item * item)
        tasks.task_done()


workers = [threading.Thread(target=worker) for _ in range(4)]
for w in workers:
    w.start()
for i in range(100):
    tasks.put(i)
tasks.join()
for _ in workers:
    tasks.put(None)
for w in workers:
    w.join()
out = []
while not results.empty():
    out.append(results.get())
print(len(out), sum(out), sorted(out)[:5])

# Bounded queue: producers block until consumers make room.
bounded = queue.Queue(maxsize=3)
got = []


def producer():
    for i in range(20):
        bounded.put(i)
    bounded.put(None)


def consumer():
    while True:
        item = bounded.get()
        if item is None:
            break
        got.append(item)


p = threading.Thread(target=producer)
c = threading.Thread(target=consumer)
p.start()
c.start()
p.join()
c.join()
print(got == list(range(20)))
