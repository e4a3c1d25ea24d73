# Nested loops of small-integer arithmetic: the eval loop's fast paths.
def work(n):
    total = 0
    for i in range(n):
        for j in range(100):
            total += (i * j) % 7 - (j >> 2) + (i & 3)
    return total

print(work(60_000))
