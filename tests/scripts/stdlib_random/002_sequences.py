import random

random.seed(7)
print(random.choice("abcdef"), random.choice(range(100)), random.choice((1, 2, 3)))
data = list(range(25))
random.shuffle(data)
print(data)
empty = []
random.shuffle(empty)
one = ["x"]
random.shuffle(one)
print(empty, one)
print(random.sample(range(20), 20))
print(random.sample(range(10 ** 6), 8))
print(random.sample(range(200), 60)[:10])
print(random.sample("abcdefgh", 3), random.sample(("p", "q"), 0))
print(random.sample(["red", "blue"], 5, counts=[4, 2]))
print(random.sample(range(3), k=3, counts=[1, 0, 2]))
print(random.choices("abc", k=6))
print(random.choices(range(5), [5, 0, 0, 1, 2], k=6))
print(random.choices(range(4), cum_weights=[1, 1, 3, 10], k=6))
print(random.choices([0.5, 1.5], weights=[0.25, 0.75], k=4), random.choices("z"))
print(random.choices("ab", k=0))
