# A store to a local followed by a load or another store, and a local load
# followed by a constant, run as one VM step in gilt; loops that jump to the
# second half, errors in either half and their line numbers stay CPython's.


def loop_head(n):
    i = 0
    total = 0
    while i < n:  # the loop jumps back to the load of i right after a store
        total += i
        i += 1
    return total, i


def unpack(pairs):
    out = []
    for a, b in pairs:  # two stores in a row
        out.append(b - a)
    return out


def store_then_unbound(flag):
    x = 1
    if flag:
        y = 2
    z = x
    return z + y


def store_then_deleted():
    a = 1
    b = 2
    del b
    c = a
    return b + c


def const_after_load(seq):
    first = seq[0]
    return first + 1, seq[-1], seq[1:]


def many_stores():
    a, b, c, d = 1, 2, 3, 4
    a, b = b, a
    return a, b, c, d


print(loop_head(5), loop_head(0))
print(unpack([(1, 5), (2, 9)]))
print(store_then_unbound(True))
try:
    store_then_unbound(False)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
try:
    store_then_deleted()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
print(const_after_load([3, 4, 5]), many_stores())


# A jump into the second half of a pair of loads runs that load alone.
def pick(a, b, c, d):
    return (a if c else b), d
print(pick(1, 2, True, 4), pick(1, 2, False, 4))
def first_unbound(flag):
    if flag:
        x = 1
    y = 2
    return x, y
try:
    first_unbound(False)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)


def lines():
    value = 10
    missing = None
    del missing
    result = value
    # the store above runs together with this load, which fails
    return missing


lines()

