from itertools import zip_longest, starmap, takewhile, dropwhile, filterfalse, compress, pairwise, tee
print(list(zip_longest("abc", [1])), list(zip_longest("ab", "xyz", fillvalue="-")))
print(list(starmap(pow, [(2, 3), (3, 2)])), list(starmap(lambda a, b: a + b, zip("ab", "cd"))))
print(list(takewhile(lambda x: x < 5, [1, 3, 6, 2])), list(dropwhile(lambda x: x < 5, [1, 3, 6, 2])))
print(list(filterfalse(lambda x: x % 2, range(8))), list(compress("abcdef", [1, 0, 1, 0, 1, 1])))
print(list(pairwise([1, 2, 3, 4])))
a, b = tee(iter([1, 2, 3]))
print(list(a), list(b))
