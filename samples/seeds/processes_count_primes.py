from concurrent.futures import ThreadPoolExecutor
import multiprocessing
import time
import math

# ── CPU-heavy function ─────────────────────────
def is_prime(n):
    """Check if a number is prime (CPU-intensive for large numbers)."""
    if n < 2:
        return False
    for i in range(2, int(math.sqrt(n)) + 1):
        if n % i == 0:
            return False
    return True

def count_primes(start, end):
    """Count primes in a range."""
    count = sum(1 for n in range(start, end) if is_prime(n))
    return count

RANGE_END = 500_000

# ── Sequential ─────────────────────────────────
start = time.time()
result = count_primes(0, RANGE_END)
print(f"Sequential: {result} primes in {time.time() - start:.1f}s")
# Output: 41538 primes in ~3.5s

# ── Threaded (NO improvement for CPU work!) ────
start = time.time()
with ThreadPoolExecutor(max_workers=4) as executor:
    chunk_size = RANGE_END // 4
    futures = [
        executor.submit(count_primes, i * chunk_size, (i + 1) * chunk_size)
        for i in range(4)
    ]
    result = sum(f.result() for f in futures)
print(f"Threaded (4 threads): {result} primes in {time.time() - start:.1f}s")
# Output: 41538 primes in ~3.8s (SLOWER! GIL prevents parallelism)

# ── Multiprocessing (REAL speedup!) ────────────
start = time.time()
with multiprocessing.Pool(processes=4) as pool:
    chunk_size = RANGE_END // 4
    chunks = [(i * chunk_size, (i + 1) * chunk_size) for i in range(4)]
    results = pool.starmap(count_primes, chunks)
    result = sum(results)
print(f"Multiprocessing (4 processes): {result} primes in {time.time() - start:.1f}s")
# Output: 41538 primes in ~1.0s (3.5x speedup on 4 cores!)
