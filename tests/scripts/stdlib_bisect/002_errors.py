# Bad bounds and bad sequences raise what CPython's native bisect raises.
import bisect


def attempt(label, f, *args, **kwargs):
    try:
        print(label, repr(f(*args, **kwargs)))
    except Exception as e:
        print(label, type(e).__name__, e)


a = [1, 2, 3]
for f in (bisect.bisect_left, bisect.bisect_right, bisect.insort_left, bisect.insort_right):
    attempt(f.__name__ + ' lo<0', f, a, 2, -1)
    attempt(f.__name__ + ' lo<0 hi', f, a, 2, -3, 2)
attempt('hi float', bisect.bisect, a, 2, 0, 1.5)
attempt('hi str', bisect.bisect_left, a, 2, 0, 'x')
attempt('lo float', bisect.bisect, a, 2, 0.5)
attempt('lo str', bisect.bisect_right, a, 2, 'x')
attempt('no len', bisect.bisect, 5, 1)
attempt('hi past end', bisect.bisect, [1, 2], 1, 0, 5)
attempt('hi past end left', bisect.bisect_left, [1, 2], 3, 0, 5)
attempt('tuple insort', bisect.insort, (1, 2), 1)
attempt('mixed types', bisect.bisect, [1, 2, 3], 'a')
attempt('mixed types left', bisect.bisect_left, [1, 2, 3], 'a')
attempt('key error', bisect.bisect, [1, 2], 1, key=len)
print(a)
