"""Bisection algorithms: find where a value belongs in a sorted sequence
(bisect_left, bisect_right) and insert it there (insort_left, insort_right),
in O(log n) comparisons. bisect and insort are the right-hand versions.

Items are compared with `<` only: item < x in the *_left functions,
x < item in the *_right ones, as CPython 3.11 does. The midpoints probed
are CPython's too, so even an unsorted list gives CPython's answers.
"""

from operator import index as _as_index


def _span(seq, lo, hi):
    """Validate explicit lo/hi bounds as CPython's argument parser does.

    hi may be None or -1, both meaning len(seq)."""
    lo = _as_index(lo)
    if hi is not None:
        if not hasattr(type(hi), '__index__'):
            raise TypeError(f"argument should be integer or None, not '{type(hi).__name__}'")
        hi = _as_index(hi)
    if lo < 0:
        raise ValueError('lo must be non-negative')
    if hi is None or hi == -1:
        hi = len(seq)
    return lo, hi


def bisect_left(a, x, lo=0, hi=None, *, key=None):
    """Return the first index i in a[lo:hi] with x <= a[i] (len when none).

    Inserting x there puts it before any equal items. With key, x is
    compared to key(a[i]); x itself must already be a key."""
    # Plain calls skip the bound checks: the common case stays one test.
    if lo == 0 and hi is None:
        hi = len(a)
    else:
        lo, hi = _span(a, lo, hi)
    if key is None:
        while lo < hi:
            probe = (lo + hi) >> 1
            if a[probe] < x:
                lo = probe + 1
            else:
                hi = probe
        return lo
    while lo < hi:
        probe = (lo + hi) >> 1
        if key(a[probe]) < x:
            lo = probe + 1
        else:
            hi = probe
    return lo


def bisect_right(a, x, lo=0, hi=None, *, key=None):
    """Return the first index i in a[lo:hi] with x < a[i] (len when none).

    Inserting x there puts it after any equal items. With key, x is
    compared to key(a[i]); x itself must already be a key."""
    if lo == 0 and hi is None:
        hi = len(a)
    else:
        lo, hi = _span(a, lo, hi)
    if key is None:
        while lo < hi:
            probe = (lo + hi) >> 1
            if x < a[probe]:
                hi = probe
            else:
                lo = probe + 1
        return lo
    while lo < hi:
        probe = (lo + hi) >> 1
        if x < key(a[probe]):
            hi = probe
        else:
            lo = probe + 1
    return lo


def insort_left(a, x, lo=0, hi=None, *, key=None):
    """Insert x into the sorted list a, before any items equal to it.

    With key, the position is found by key(x) against key(item)."""
    where = bisect_left(a, x if key is None else key(x), lo, hi, key=key)
    a.insert(where, x)


def insort_right(a, x, lo=0, hi=None, *, key=None):
    """Insert x into the sorted list a, after any items equal to it.

    With key, the position is found by key(x) against key(item)."""
    where = bisect_right(a, x if key is None else key(x), lo, hi, key=key)
    a.insert(where, x)


# The unqualified names are the right-hand versions.
bisect = bisect_right
insort = insort_right
