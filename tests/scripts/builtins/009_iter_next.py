it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "default"))
try:
    next(it)
except StopIteration:
    print("StopIteration")
calls = [0]
def counter():
    calls[0] += 1
    return calls[0]
print(list(iter(counter, 4)))
stack = [3, 2, 1, 0, 5]
print(list(iter(stack.pop, 0)))
print(iter(it) is it, type(iter("ab")).__name__ == "str_ascii_iterator" or type(iter("ab")).__name__ == "str_iterator")
d = iter({"a": 1, "b": 2})
print(next(d), next(d))
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
try:
    next([1])
except TypeError as e:
    print("TypeError:", e)
