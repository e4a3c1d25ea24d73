import itertools as it
print(list(it.islice(it.count(), 5)), list(it.islice(it.count(10, 3), 4)), list(it.islice(it.count(1.5, 0.5), 3)))
print(list(it.islice("abcdefg", 2, 6, 2)), list(it.islice(range(100), 3)), list(it.islice(range(10), 8, None)))
print(list(it.chain([1, 2], "ab", (3,))), list(it.chain.from_iterable([[1], [2, 3], []])))
print(list(it.islice(it.cycle("xyz"), 7)), list(it.repeat("r", 3)), list(zip(range(3), it.repeat(0))))
