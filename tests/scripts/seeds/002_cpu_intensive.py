def cpu_intensive(n):
    """Compute sum of squares (CPU heavy)"""
    total = 0
    for i in range(n):
        total += i * i
    return total

if __name__ == "__main__":
    N = 1_000_000
    result = cpu_intensive(N)
    print(f"Single process: {result}")
    chunk = N // 4
    results = list(map(cpu_intensive, [chunk] * 4))
    print(results, sum(results))
