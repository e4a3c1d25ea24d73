import threading

# ── FIXED: Using a Lock ───────────────────────
counter = 0
lock = threading.Lock()

def safe_increment():
    global counter
    for _ in range(100_000):
        with lock:  # Only one thread can be inside this block at a time
            counter += 1

threads = [threading.Thread(target=safe_increment) for _ in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()

print(f"Expected: 500,000")
print(f"Actual:   {counter}")  # Exactly 500,000 ✅

# ── BEST: Use thread-safe data structures ──────
from queue import Queue
from collections import Counter

# Queue is thread-safe by default — no locks needed
task_queue = Queue()
for i in range(1000):
    task_queue.put(i)

results = []
results_lock = threading.Lock()

def worker():
    while not task_queue.empty():
        try:
            item = task_queue.get_nowait()
            result = item ** 2  # Process the item
            with results_lock:
                results.append(result)
        except:
            break

threads = [threading.Thread(target=worker) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"Processed {len(results)} items")  # 1000 ✅
