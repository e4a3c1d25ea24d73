def square(n):
    return n ** 2

def io_task(url: str) -> int:
    # Simulated network fetch (I/O-bound) -> use threads
    return len(url)

if __name__ == "__main__":
    results = list(map(square, range(10)))
    print(results)
    print(list(map(io_task, ["a", "bb", "ccc"])))
    print(list(map(str.upper, ["hello", "world", "python"])))
