from collections import deque

def producer(queue):
    for i in range(100):
        queue.append(f"item-{i}")
    queue.append(None)  # Poison pill = "stop"

def consumer(queue, results):
    while True:
        item = queue.popleft()
        if item is None:
            break
        results.append(item.upper())

q = deque()
results = []
producer(q)
consumer(q, results)
print(f"Processed: {len(results)} items")
print(results[:3], results[-1])

task_queue = deque(range(1000))
out = []
while task_queue:
    item = task_queue.popleft()
    out.append(item ** 2)
print(f"Processed {len(out)} items", sum(out))
