# List append, indexing, sorting and comprehensions.
data = []
for i in range(500_000):
    data.append((i * 7919) % 100_003)
print(len(data), data[12345], data[-1])
squares = [x * x for x in data if x % 3]
print(len(squares), squares[100])
data.sort()
print(data[0], data[len(data) // 2], data[-1])
pairs = sorted(((x % 100, x) for x in data[:200_000]), key=lambda p: (p[0], -p[1]))
print(pairs[0], pairs[-1])
total = 0
for _ in range(4):
    for i in range(0, len(data), 3):
        total += data[i] - data[i // 2]
print(total)
print(sum(data[::2]) - sum(data[1::2]))
