nums = [5, 2, 9, 1, 5, 6]
print(sorted(nums), sorted(nums, reverse=True), nums)
nums.sort(); print(nums)
nums.sort(reverse=True); print(nums)
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
recs = [("bob", 25), ("alice", 30), ("carl", 25), ("dana", 30), ("eve", 22)]
print(sorted(recs, key=lambda r: r[1]))
print(sorted(recs, key=lambda r: r[1], reverse=True))
print(sorted(recs, key=lambda r: (-r[1], r[0])))
s = sorted(sorted(recs, key=lambda r: r[0]), key=lambda r: r[1])
print(s)
print(sorted([3.5, 1, 2.25, -1]), sorted("hello"), sorted((3, 1, 2)))
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
data = list(range(20, 0, -1))
data.sort(key=lambda x: x % 3)
print(data)
print(sorted([[2, 1], [1, 2], [1, 1]]), sorted([]), sorted({3: 1, 1: 2}))
