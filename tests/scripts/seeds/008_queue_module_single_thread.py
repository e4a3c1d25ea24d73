from queue import Queue, Empty, LifoQueue, PriorityQueue

task_queue = Queue()
for i in range(1000):
    task_queue.put(i)
results = []
while not task_queue.empty():
    try:
        item = task_queue.get_nowait()
        results.append(item ** 2)
    except Empty:
        break
print(f"Processed {len(results)} items")  # 1000
print(task_queue.qsize(), task_queue.empty())
try:
    task_queue.get_nowait()
except Empty:
    print("Empty raised")
lq = LifoQueue()
for i in range(3):
    lq.put(i)
print([lq.get() for _ in range(3)])
pq = PriorityQueue()
for p in [5, 1, 3]:
    pq.put((p, f"task{p}"))
print([pq.get() for _ in range(3)])
