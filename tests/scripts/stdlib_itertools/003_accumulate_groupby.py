from itertools import accumulate, groupby
import operator
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3, 4], operator.mul)), list(accumulate([3, 1, 5, 2], max)))
print(list(accumulate([1, 2, 3], initial=100)), list(accumulate([])))
for key, grp in groupby("aaabbcaa"):
    print(key, list(grp))
data = [("fruit", "apple"), ("fruit", "pear"), ("veg", "kale"), ("fruit", "fig")]
for k, g in groupby(data, key=lambda t: t[0]):
    print(k, [name for _, name in g])
print([(k, len(list(g))) for k, g in groupby(sorted("mississippi"))])
