# The list layouts after each heap operation match CPython's exactly.
import heapq

state = 12345


def rand(limit):
    # A tiny LCG, so the sequence does not depend on the random module.
    global state
    state = (state * 1103515245 + 12345) % 2147483648
    return state % limit


heap = []
for _ in range(40):
    heapq.heappush(heap, rand(20))
print(heap)
print([heapq.heappop(heap) for _ in range(10)])
print(heap)
print(heapq.heapreplace(heap, 7), heapq.heappushpop(heap, 0), heapq.heappushpop(heap, 15))
print(heap)
print(heapq.heappushpop([], 3), heapq.heappushpop([1], 1), heapq.heappop([4]))

data = [rand(1000) for _ in range(200)]
copy = list(data)
heapq.heapify(copy)
print(copy[:30])
print(all(copy[k] <= copy[c] for k in range(len(copy)) for c in (2 * k + 1, 2 * k + 2) if c < len(copy)))
drained = [heapq.heappop(copy) for _ in range(len(copy))]
print(drained == sorted(data), copy)

for size in range(0, 8):
    h = [rand(5) for _ in range(size)]
    heapq.heapify(h)
    print(size, h)

# Ties: the layout shows which child moved up.
pairs = [(v % 3, i) for i, v in enumerate(range(20))]
h = []
for p in pairs:
    heapq.heappush(h, (p[0], 0))
print(h)
heapq.heappop(h)
print(h)

# Tuples (priority, sequence, task) as in the documentation.
tasks = []
for seq, (prio, name) in enumerate([(3, 'write'), (1, 'plan'), (2, 'test'), (1, 'design')]):
    heapq.heappush(tasks, (prio, seq, name))
print([heapq.heappop(tasks)[2] for _ in range(4)])

# The max-heap helpers CPython keeps private.
m = [rand(50) for _ in range(15)]
heapq._heapify_max(m)
print(m, heapq._heappop_max(m), heapq._heapreplace_max(m, 10), m)

# Only < is used.
class Item:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return f'Item({self.v})'
h = []
for v in [5, 3, 8, 1, 9, 2]:
    heapq.heappush(h, Item(v))
print(h, heapq.heappop(h), heapq.heappushpop(h, Item(0)), heapq.heapreplace(h, Item(4)), h)


class MyList(list):
    pass


ml = MyList([3, 1, 2])
heapq.heapify(ml)
heapq.heappush(ml, 0)
print(type(ml).__name__, ml, heapq.heappop(ml))
