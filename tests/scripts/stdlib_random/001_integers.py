import random

random.seed(2024)
print([random.randrange(10) for _ in range(8)])
print([random.randrange(5, 15) for _ in range(8)])
print([random.randrange(0, 100, 7) for _ in range(6)])
print([random.randrange(50, 0, -3) for _ in range(6)])
print([random.randrange(-10, -1) for _ in range(6)])
print([random.randint(-3, 3) for _ in range(10)])
print(random.randint(10 ** 30, 10 ** 30 + 5), random.randrange(2 ** 80))
print(random.getrandbits(0), random.getrandbits(1), random.getrandbits(65))
print(random.randbytes(0), random.randbytes(7), len(random.randbytes(33)))
r = random.Random(99)
print(r.randrange(True, 10), r.randint(0, 0), r.randrange(3, 4))
