counter = 0

def increment() -> None:
    global counter
    for _ in range(100_000):
        counter += 1  # NOT atomic in threads; fine in one thread

for _ in range(4):
    increment()
print(counter)  # 400000

def countdown(n):
    while n > 0:
        n -= 1
    return n

print(countdown(1_000_000))

def count(n):
    for _ in range(n): pass

count(1_000_000)
print("counted")
