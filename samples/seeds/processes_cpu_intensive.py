import multiprocessing
import time

def cpu_intensive(n):
    """Compute sum of squares (CPU heavy)"""
    total = 0
    for i in range(n):
        total += i * i
    return total

if __name__ == "__main__":
    N = 10_000_000
    start = time.time()
    # Single process
    result = cpu_intensive(N)
    print(f"Single process: {time.time() - start:.2f}s")
    # Parallel with 4 processes
    start = time.time()
    with multiprocessing.Pool(processes=4) as pool:
        # Split work: each process handles 1/4 of the range
        chunk = N // 4
        results = pool.map(cpu_intensive, [chunk] * 4)
        total = sum(results)
    print(f"Multiprocessing (4 processes): {time.time() - start:.2f}s")
