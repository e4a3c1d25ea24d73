import multiprocessing

# ── Method 1: Shared Value ─────────────────────
counter = multiprocessing.Value('i', 0)  # 'i' = integer
lock = multiprocessing.Lock()

def increment_shared(counter, lock):
    for _ in range(100_000):
        with lock:
            counter.value += 1

processes = [
    multiprocessing.Process(target=increment_shared, args=(counter, lock))
    for _ in range(4)
]
for p in processes:
    p.start()
for p in processes:
    p.join()
print(f"Shared counter: {counter.value}")  # 400,000 ✅

# ── Method 2: Queue (producer-consumer) ────────
def producer(queue):
    for i in range(100):
        queue.put(f"item-{i}")
    queue.put(None)  # Poison pill = "stop"

def consumer(queue, results):
    while True:
        item = queue.get()
        if item is None:
            break
        results.append(item.upper())

queue = multiprocessing.Queue()
manager = multiprocessing.Manager()
results = manager.list()  # Shared list across processes

p1 = multiprocessing.Process(target=producer, args=(queue,))
p2 = multiprocessing.Process(target=consumer, args=(queue, results))
p1.start()
p2.start()
p1.join()
p2.join()
print(f"Processed: {len(results)} items")  # 100

# ── Method 3: Pool.map (simplest for batch work) ──
with multiprocessing.Pool(4) as pool:
    results = pool.map(str.upper, ["hello", "world", "python"])
print(results)  # ['HELLO', 'WORLD', 'PYTHON']
