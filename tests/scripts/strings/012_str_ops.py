s = "abcdefghij"
print(s[2:5], s[:3], s[7:], s[-3:], s[::2], s[1::3], s[::-2], s[8:2:-2], s[100:], s[-100:2])
print(s * 2, 3 * "ab", "ab" + "cd", "x" * 0, "x" * -1 == "")
print(len(s), min(s), max(s), sorted("cab"), list("hi"), tuple("ab"))
print("abc" < "abd", "Z" < "a", "abc" == "abc", "a" != "b", "ab" < "abc")
print(str(42), str(3.5), str(None), str([1, "a"]), str((1,)), str(True))
print("abc".__len__(), "a".__add__("b"), "abc"[1:2] is not None)
s2 = "immutable"
try:
    s2[0] = "I"
except TypeError as e:
    print("TypeError:", e)
print(ord("A"), chr(97), "%c" % 98)
print("-" * 20)
print(hash("abc") == hash("ab" + "c"))
print(sum(1 for c in "hello world" if c in "aeiou"))
print("Hello"[::-1].lower(), "racecar" == "racecar"[::-1])
