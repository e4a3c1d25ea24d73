import threading
import multiprocessing
import time

def is_prime(n):
    if n < 2: return False
    for i in range(2, int(n**0.5) + 1):
        if n % i == 0: return False
    return True

def count_primes(start, end):
    count = 0
    for num in range(start, end):
        if is_prime(num):
            count += 1
    return count

def run_threads():
    threads = []
    results = [0]*4
    def worker(idx, start, end):
        results[idx] = count_primes(start, end)
    chunk = 250000 # 0 to 1,000,000
    for i in range(4):
        t = threading.Thread(target=worker, args=(i, i*chunk, (i+1)*chunk))
        t.start()
        threads.append(t)
    for t in threads:
        t.join()
    return sum(results)

def run_processes():
    with multiprocessing.Pool(4) as pool:
        chunk = 250000
        results = pool.starmap(count_primes, [(i*chunk, (i+1)*chunk) for i in range(4)])
    return sum(results)

if __name__ == "__main__":
    # Single thread
    start = time.time()
    total = count_primes(0, 1_000_000)
    print(f"Single thread: {time.time()-start:.2f}s, total primes {total}")
    # Threads
    start = time.time()
    total = run_threads()
    print(f"Threading (4 threads): {time.time()-start:.2f}s, total primes {total}")
    # Processes
    start = time.time()
    total = run_processes()
    print(f"Multiprocessing (4 processes): {time.time()-start:.2f}s, total primes {total}")
