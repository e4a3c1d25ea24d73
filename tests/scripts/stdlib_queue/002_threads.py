# queue between threads: blocking get/put wake-ups, join/task_done, many
# producers and consumers on every queue class.
import queue
import threading
import time

q = queue.Queue(maxsize=1)
q.put("first")
log = []


def late_put():
    q.put("second")  # blocks until the main thread takes "first"
    log.append("put done")


t = threading.Thread(target=late_put)
t.start()
time.sleep(0.02)
log.append(q.get())
t.join()
log.append(q.get(timeout=5))
print(log)

work = queue.Queue()
done = []


def worker():
    while True:
        item = work.get()
        if item is None:
            work.task_done()
            return
        time.sleep(0.001)
        done.append(item * 2)
        work.task_done()


ws = [threading.Thread(target=worker) for _ in range(3)]
for w in ws:
    w.start()
for i in range(30):
    work.put(i)
work.join()
print("joined:", sorted(done) == [i * 2 for i in range(30)], work.unfinished_tasks)
for w in ws:
    work.put(None)
for w in ws:
    w.join()

STOP = 10 ** 9
for make in (lambda: queue.Queue(5), queue.SimpleQueue, lambda: queue.LifoQueue(3),
             lambda: queue.PriorityQueue(4)):
    q = make()
    got = []
    lock = threading.Lock()

    def consume():
        mine = []
        while True:
            item = q.get()
            if item == STOP:
                break
            mine.append(item)
        with lock:
            got.extend(mine)

    def produce(base):
        for i in range(500):
            q.put(base + i)

    cs = [threading.Thread(target=consume) for _ in range(3)]
    ps = [threading.Thread(target=produce, args=(k * 1000,)) for k in range(3)]
    for th in cs + ps:
        th.start()
    for th in ps:
        th.join()
    while not q.empty():  # then the stop markers are all that is left
        time.sleep(0.001)
    for _ in cs:
        q.put(STOP)
    for th in cs:
        th.join()
    print(type(q).__name__, len(got), sorted(got) == sorted(k * 1000 + i for k in range(3) for i in range(500)))

# A timed get that gives up must not swallow a later wake-up.
sq = queue.SimpleQueue()
outcomes = []


def timed():
    try:
        outcomes.append(sq.get(timeout=0.01))
    except queue.Empty:
        outcomes.append("empty")


def patient():
    outcomes.append(sq.get(timeout=5))


a = threading.Thread(target=timed)
b = threading.Thread(target=patient)
a.start()
b.start()
a.join()
sq.put("late")
b.join()
print(outcomes)
