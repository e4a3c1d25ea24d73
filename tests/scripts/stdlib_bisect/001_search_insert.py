# bisect_left/right and insort_left/right, with and without bounds and keys.
import bisect

a = [1, 2, 2, 2, 3, 5, 8]
for x in (0, 1, 2, 4, 5, 9):
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x))
print(bisect.bisect_left(a, 2, 2), bisect.bisect_right(a, 2, 0, 2), bisect.bisect_left(a, 9, 1, 4))
print(bisect.bisect_right(a, 2, lo=4), bisect.bisect_left(a, 2, hi=3), bisect.bisect(a, 5, 3, None))
print(bisect.bisect_left(a, 2, 10), bisect.bisect_right([], 1), bisect.bisect_left(a, 3, 5, 2))
print(bisect.bisect_left(a, 8, 0, -1), bisect.bisect_right(a, 0, True), bisect.bisect_left('abcde', 'c'))
print(bisect.bisect_right(a, 2, 0, -5), bisect.bisect_left(range(0, 100, 3), 50))

names = []
for word in ['pear', 'fig', 'apple', 'kiwi', 'banana', 'date']:
    bisect.insort(names, word)
print(names)
nums = [1, 1.0, 2]
bisect.insort_left(nums, 1.0)
bisect.insort_right(nums, True)
print(nums, [type(n).__name__ for n in nums])
part = [5, 1, 2, 3, 0]
bisect.insort(part, 2, 1, 4)
print(part)

# key applies to the items, not to x, for the bisect functions;
# insort applies it to x too.
records = [('ann', 20), ('bob', 25), ('cy', 25), ('dee', 31)]
age = lambda r: r[1]
print(bisect.bisect_left(records, 25, key=age), bisect.bisect_right(records, 25, key=age))
print(bisect.bisect(records, 26, key=age), bisect.bisect_left(records, 40, 1, 3, key=age))
bisect.insort(records, ('eve', 25), key=age)
bisect.insort_left(records, ('fay', 25), key=age)
bisect.insort_right(records, ('gus', 10), key=age)
print(records)

# Grades: the classic table lookup.
def grade(score, breakpoints=[60, 70, 80, 90], grades='FDCBA'):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])

# Only < is used, with x on the right for bisect_left and on the left for bisect_right.
calls = []
class Probe:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        calls.append((self.v, other.v))
        return self.v < other.v
items = [Probe(v) for v in range(8)]
print(bisect.bisect_left(items, Probe(5)), calls)
calls.clear()
print(bisect.bisect_right(items, Probe(5)), calls)

# The probe order is fixed, so an unsorted list gives a definite answer.
print(bisect.bisect_left([5, 1, 4, 2, 3], 3), bisect.bisect_right([9, 8, 7, 1, 2], 5))
print(bisect.bisect is bisect.bisect_right, bisect.insort is bisect.insort_right)


class SortedList(list):
    inserted = 0

    def insert(self, i, x):
        SortedList.inserted += 1
        list.insert(self, i, x)


s = SortedList([1, 3])
bisect.insort(s, 2)
print(s, SortedList.inserted)
