import random

random.seed(8)
print(random.randrange(6.0))
try:
    random.randrange(2.5)
except ValueError as exc:
    print("ValueError", exc)
