# Errors match CPython's native heapq.
import heapq


def attempt(label, f, *args, **kwargs):
    try:
        print(label, repr(f(*args, **kwargs)))
    except Exception as e:
        print(label, type(e).__name__, e)


attempt('push tuple', heapq.heappush, (), 1)
attempt('pop tuple', heapq.heappop, ())
attempt('pop empty', heapq.heappop, [])
attempt('replace empty', heapq.heapreplace, [], 1)
attempt('replace tuple', heapq.heapreplace, (1,), 1)
attempt('pushpop tuple', heapq.heappushpop, (), 1)
attempt('heapify tuple', heapq.heapify, (3, 1))
attempt('heapify none', heapq.heapify, None)
attempt('max heapify dict', heapq._heapify_max, {})
attempt('max pop empty', heapq._heappop_max, [])
attempt('max replace empty', heapq._heapreplace_max, [], 1)
h = [1, 2]
attempt('push mixed', heapq.heappush, h, 'a')
attempt('pushpop mixed', heapq.heappushpop, [1], 'a')
attempt('nsmallest bad', heapq.nsmallest, 2, 5)
attempt('nlargest bad', heapq.nlargest, 1, 5)
attempt('nsmallest no len', heapq.nsmallest, 0, 5)
attempt('merge bad', list, heapq.merge([1], 5))
attempt('merge key error', list, heapq.merge([1], [2], key=len))


def broken():
    yield 1
    raise ValueError('broken input')


attempt('merge broken', list, heapq.merge(broken(), [0, 5]))
