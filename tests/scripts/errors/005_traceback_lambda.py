items = [3, 2, 0, 1]
scale = lambda v: 12 / v
print(list(map(scale, items)))
