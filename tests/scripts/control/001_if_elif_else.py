def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"
for n in (-5, 0, 3, 99):
    print(n, classify(n))
for v in (0, 1, "", "a", [], [0], None, 0.0, {}, {1: 2}):
    if v:
        print(repr(v), "truthy")
    else:
        print(repr(v), "falsy")
x = 7
if x > 5:
    if x % 2:
        print("big odd")
    else:
        print("big even")
