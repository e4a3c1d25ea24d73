from concurrent.futures import ProcessPoolExecutor
import os
import time

def heavy_computation(n):
    """Simulate CPU-intensive work."""
    total = 0
    for i in range(n):
        total += i ** 2
    return total

# SEED_TASK_SIZE (samples/seeds/check sets it) shortens each task.
numbers = [int(os.environ.get("SEED_TASK_SIZE", 10_000_000))] * 8  # 8 heavy tasks

# ── ProcessPoolExecutor ────────────────────────
start = time.time()
with ProcessPoolExecutor(max_workers=4) as executor:
    results = list(executor.map(heavy_computation, numbers))
print(f"ProcessPool: {time.time() - start:.1f}s")

# Compare with sequential:
start = time.time()
results = [heavy_computation(n) for n in numbers]
print(f"Sequential: {time.time() - start:.1f}s")
# ProcessPool is ~3-4x faster on a 4-core machine
