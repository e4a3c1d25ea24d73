import sys
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print("RecursionError caught:", "maximum recursion depth exceeded" in str(e))
    print(isinstance(e, RuntimeError))
def count_depth(n):
    try:
        return count_depth(n + 1)
    except RecursionError:
        return n
depth = count_depth(0)
print(500 < depth <= sys.getrecursionlimit())
print("still works:", sum(range(10)))
class Loop:
    def __repr__(self):
        return repr(self)
try:
    repr(Loop())
except RecursionError:
    print("repr recursion caught")
