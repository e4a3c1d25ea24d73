"""Heap queue (priority queue) operations on plain lists.

A heap here is a list where heap[k] <= heap[2*k+1] and heap[k] <= heap[2*k+2]
for every k that has those children, so heap[0] is the smallest item. Items
are compared with `<` only. Also provided: merge (lazily merge sorted
inputs) and nsmallest/nlargest.

The list layouts this module produces are CPython 3.11's exactly (the same
child is chosen on ties), since programs can see them.
"""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


def _require_list(heap, who):
    # Outlined so the hot functions pay one isinstance test. The wording is
    # CPython's argument parser's, which calls None "None", not "NoneType".
    kind = 'None' if heap is None else type(heap).__name__
    raise TypeError(f"{who} must be list, not {kind}")


# ---- Moving one item: the two sifts everything else is built from ---------

def _move_up(heap, pos, top):
    """Move heap[pos] toward the root while it is smaller than its parent,
    never above index top."""
    item = heap[pos]
    while pos > top:
        up = (pos - 1) >> 1
        parent = heap[up]
        if not item < parent:
            break
        heap[pos] = parent
        pos = up
    heap[pos] = item


def _move_down(heap, pos):
    """Restore the heap below pos after heap[pos] was overwritten.

    The hole is first walked down to a leaf along the smaller children,
    without comparing the moved item, and the item then climbs back. An item
    taken from the end of the heap usually belongs near the bottom, so this
    needs fewer comparisons than stopping on the way down (Floyd's method,
    which CPython uses; it also fixes the layout we must reproduce)."""
    size = len(heap)
    item = heap[pos]
    start = pos
    child = 2 * pos + 1
    while child < size:
        # Take the right child unless the left one is strictly smaller.
        if child + 1 < size and not heap[child] < heap[child + 1]:
            child += 1
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _move_up(heap, pos, start)


# The max-heap mirrors, for merge(reverse=True) and nsmallest; every
# comparison is flipped.

def _move_up_max(heap, pos, top):
    item = heap[pos]
    while pos > top:
        up = (pos - 1) >> 1
        parent = heap[up]
        if not parent < item:
            break
        heap[pos] = parent
        pos = up
    heap[pos] = item


def _move_down_max(heap, pos):
    size = len(heap)
    item = heap[pos]
    start = pos
    child = 2 * pos + 1
    while child < size:
        if child + 1 < size and not heap[child + 1] < heap[child]:
            child += 1
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _move_up_max(heap, pos, start)


# ---- Public heap operations ----------------------------------------------

def heappush(heap, item, /):
    """Push item onto heap, maintaining the heap invariant."""
    if not isinstance(heap, list):
        _require_list(heap, 'heappush() argument 1')
    heap.append(item)
    _move_up(heap, len(heap) - 1, 0)


def heappop(heap, /):
    """Pop the smallest item off the heap, maintaining the heap invariant."""
    if not isinstance(heap, list):
        _require_list(heap, 'heappop() argument')
    if not heap:
        raise IndexError('index out of range')
    last = heap.pop()
    if not heap:
        return last
    smallest = heap[0]
    heap[0] = last
    _move_down(heap, 0)
    return smallest


def heapreplace(heap, item, /):
    """Pop and return the current smallest value, and add the new item.

    Unlike heappushpop, the returned value may be larger than item."""
    if not isinstance(heap, list):
        _require_list(heap, 'heapreplace() argument 1')
    if not heap:
        raise IndexError('index out of range')
    smallest = heap[0]
    heap[0] = item
    _move_down(heap, 0)
    return smallest


def heappushpop(heap, item, /):
    """Push item on the heap, then pop and return the smallest item.

    Faster than heappush() followed by heappop(): when item is no larger
    than the root it comes straight back and the heap is untouched."""
    if not isinstance(heap, list):
        _require_list(heap, 'heappushpop() argument 1')
    if not heap or not heap[0] < item:
        return item
    smallest = heap[0]
    heap[0] = item
    _move_down(heap, 0)
    return smallest


def heapify(heap, /):
    """Transform list into a heap, in-place, in O(len(heap)) time."""
    if not isinstance(heap, list):
        _require_list(heap, 'heapify() argument')
    # Leaves are heaps already; fix each parent, deepest first.
    for pos in range(len(heap) // 2 - 1, -1, -1):
        _move_down(heap, pos)


def _heapify_max(heap, /):
    """Maxheap variant of heapify."""
    if not isinstance(heap, list):
        _require_list(heap, '_heapify_max() argument')
    for pos in range(len(heap) // 2 - 1, -1, -1):
        _move_down_max(heap, pos)


def _heappop_max(heap, /):
    """Maxheap variant of heappop."""
    if not isinstance(heap, list):
        _require_list(heap, '_heappop_max() argument')
    if not heap:
        raise IndexError('index out of range')
    last = heap.pop()
    if not heap:
        return last
    largest = heap[0]
    heap[0] = last
    _move_down_max(heap, 0)
    return largest


def _heapreplace_max(heap, item, /):
    """Maxheap variant of heapreplace."""
    if not isinstance(heap, list):
        _require_list(heap, '_heapreplace_max() argument 1')
    if not heap:
        raise IndexError('index out of range')
    largest = heap[0]
    heap[0] = item
    _move_down_max(heap, 0)
    return largest


# ---- merge ---------------------------------------------------------------

def merge(*iterables, key=None, reverse=False):
    """Merge sorted inputs into one sorted iterator, lazily.

    Like sorted(itertools.chain(*iterables), key=key, reverse=reverse), but
    each input must already be sorted that way and only one item per input
    is held at a time. Equal items come out in input order."""
    # Each live input is a heap entry [sort key, input number, item,
    # iterator]. The input number is unique, so comparisons never reach the
    # item; it also breaks ties in favour of the earlier input (negated for
    # the max-heap used when reverse).
    if reverse:
        build, replace, drop, sign = _heapify_max, _heapreplace_max, _heappop_max, -1
    else:
        build, replace, drop, sign = heapify, heapreplace, heappop, 1
    entries = []
    for number, iterable in enumerate(iterables):
        source = iter(iterable)
        for first in source:  # its first item, if it has one
            rank = first if key is None else key(first)
            entries.append([rank, number * sign, first, source])
            break
    build(entries)
    while len(entries) > 1:
        entry = entries[0]
        yield entry[2]
        # Advance the input just used; drop it from the heap when it ends.
        for item in entry[3]:
            entry[0] = item if key is None else key(item)
            entry[2] = item
            replace(entries, entry)
            break
        else:
            drop(entries)
    if entries:
        # One input left: no more comparisons are needed.
        last = entries[0]
        yield last[2]
        yield from last[3]


# ---- nsmallest / nlargest ------------------------------------------------

def _rank_of_pair(pair):
    return pair[0]


def _cut(pool, n, largest):
    """Sort the candidate pool (stably), keep the best n; return the new bar."""
    pool.sort(key=_rank_of_pair, reverse=largest)
    del pool[n:]
    return pool[-1][0]


# nsmallest and nlargest keep a pool of candidates, each (key, item). Once
# n are known, the n-th best is the bar, and a later item joins only if it
# sorts strictly before it: on a tie the earlier item wins. When the pool
# reaches 2n it is cut back to n, raising the bar. That is one comparison
# per item plus an occasional sort of 2n entries. The four scanning loops
# are spelled out because this is the per-item cost.

def _scan_smallest(source, key, pool, n):
    bar = _cut(pool, n, False)
    limit = 2 * n
    if key is None:
        for item in source:
            if item < bar:
                pool.append((item, item))
                if len(pool) >= limit:
                    bar = _cut(pool, n, False)
    else:
        for item in source:
            rank = key(item)
            if rank < bar:
                pool.append((rank, item))
                if len(pool) >= limit:
                    bar = _cut(pool, n, False)


def _scan_largest(source, key, pool, n):
    bar = _cut(pool, n, True)
    limit = 2 * n
    if key is None:
        for item in source:
            if bar < item:
                pool.append((item, item))
                if len(pool) >= limit:
                    bar = _cut(pool, n, True)
    else:
        for item in source:
            rank = key(item)
            if bar < rank:
                pool.append((rank, item))
                if len(pool) >= limit:
                    bar = _cut(pool, n, True)


def _select(n, iterable, key, largest):
    """The first n items of sorted(iterable, key=key, reverse=largest), n >= 1."""
    source = iter(iterable)
    pool = []
    for item in source:
        pool.append((item if key is None else key(item), item))
        if len(pool) == n:
            scan = _scan_largest if largest else _scan_smallest
            scan(source, key, pool, n)
            break
    pool.sort(key=_rank_of_pair, reverse=largest)
    return [item for rank, item in pool[:n]]


def _pick(n, iterable, key, largest):
    # The shortcuts CPython documents and takes, with their exact results:
    # n == 1 is min() or max(), and n >= len(iterable) is a plain sort.
    if n == 1:
        missing = object()
        pick = max if largest else min
        best = pick(iter(iterable), default=missing, key=key)
        return [] if best is missing else [best]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        size = None
    if size is not None and n >= size:
        return sorted(iterable, key=key, reverse=largest)[:n]
    if n <= 0:
        iter(iterable)
        return []
    return _select(n, iterable, key, largest)


def nsmallest(n, iterable, key=None):
    """Find the n smallest elements in a dataset.

    Equivalent to:  sorted(iterable, key=key)[:n]
    """
    return _pick(n, iterable, key, False)


def nlargest(n, iterable, key=None):
    """Find the n largest elements in a dataset.

    Equivalent to:  sorted(iterable, key=key, reverse=True)[:n]
    """
    return _pick(n, iterable, key, True)
