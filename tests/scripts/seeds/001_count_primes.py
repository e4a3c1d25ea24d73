# The single-threaded part of the prime-counting benchmark.
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

if __name__ == "__main__":
    total = count_primes(0, 100_000)
    print(f"total primes {total}")
    chunk = 25000
    parts = [count_primes(i * chunk, (i + 1) * chunk) for i in range(4)]
    print(parts, sum(parts) == total)
