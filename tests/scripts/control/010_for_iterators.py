# for loops over the iterators the eval loop steps inline (range, list) and
# the ones it does not, with the list changed during the loop, iterators
# shared and resumed, and the loop variable a local, a global, a cell or a
# target list.
def local_loops():
    out = []
    items = [1, 2, 3]
    for x in items:
        out.append(x)
        if x == 2:
            items.append(99)     # seen: the list grew before the end
    for x in items:
        if x == 1:
            items.pop()          # the last item is never reached
        out.append(x)
    it = iter([10, 20, 30])
    for a in it:
        out.append(a)
        break
    for a in it:                 # resumes where the first loop stopped
        out.append(a)
    done = iter([1])
    for a in done:
        pass
    done_list = [5]
    for a in done:               # exhausted: stays exhausted
        out.append("never")
    for i in range(3):
        pass
    out.append(i)
    for i in range(10, 0, -3):
        out.append(i)
    for i in range(2**62, 2**62 + 2):
        out.append(i - 2**62)
    for i in range(-(2**63), -(2**63) + 2):
        out.append(i)
    for ch in "ab":
        out.append(ch)
    for k in {"k": 1}:
        out.append(k)
    for n in (m * m for m in range(3)):
        out.append(n)
    for x in []:
        out.append("never")
    else:
        out.append("else")
    return out

print(local_loops())

for g in range(2):
    pass
print(g)

def closure():
    fs = []
    for c in range(3):
        fs.append(lambda: c)
    return [f() for f in fs]
print(closure())

def targets():
    out = []
    for a, (b, c) in [(1, (2, 3)), (4, (5, 6))]:
        out.append(a + b + c)
    d = {}
    for d["key"] in range(3):
        pass
    return out, d
print(targets())


class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n

class Broken:
    def __iter__(self):
        return self
    def __next__(self):
        raise ValueError("broken iterator")

print([v for v in Countdown(3)], list(Countdown(2)))
def loop_broken():
    for v in Broken():
        pass
try:
    loop_broken()
except ValueError as e:
    print("ValueError", e, e.__traceback__.tb_next.tb_lineno)

def unbound_after_empty():
    for z in []:
        pass
    return z
try:
    unbound_after_empty()
except UnboundLocalError as e:
    print("UnboundLocalError", e)

total = 0
for i in range(1000):
    for j in range(i % 7):
        total += j
print(total)
