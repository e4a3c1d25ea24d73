from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor

def io_task(url: str) -> int:
    # Simulated network fetch (I/O-bound) -> use threads
    return len(url)

def cpu_task(n: int) -> int:
    # Heavy computation (CPU-bound) -> use processes
    return sum(i * i for i in range(n))

with ThreadPoolExecutor(max_workers=4) as pool:
    print(list(pool.map(io_task, ["a", "bb", "ccc"])))

if __name__ == "__main__":
    with ProcessPoolExecutor() as pool:
        print(list(pool.map(cpu_task, [10_000, 20_000])))
