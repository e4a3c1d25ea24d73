# merge, nsmallest and nlargest, including keys, ties and iterators.
import heapq

print(list(heapq.merge([1, 3, 5, 7], [0, 2, 4, 8], [5, 10, 15, 20], [], [25])))
print(list(heapq.merge(['dog', 'horse'], ['cat', 'fish', 'kangaroo'], key=len)))
print(list(heapq.merge([9, 5, 1], [8, 4], [7, 6, 0], reverse=True)))
print(list(heapq.merge(['aaa', 'b'], ['cc', 'd', ''], key=len, reverse=True)))
print(list(heapq.merge()), list(heapq.merge([])), list(heapq.merge([1, 2])), list(heapq.merge([], [3])))
# Equal items come out in input order, in both directions.
print(list(heapq.merge([(1, 'a'), (2, 'a')], [(1, 'b'), (2, 'b')], key=lambda p: p[0])))
print(list(heapq.merge([(2, 'a'), (1, 'a')], [(2, 'b'), (1, 'b')], key=lambda p: p[0], reverse=True)))
print(list(heapq.merge(iter([1, 4]), (x * x for x in range(3)), range(2, 4))))

# merge is lazy: it reads one item per input up front, then one at a time.
log = []
def source(name, items):
    for item in items:
        log.append(name + str(item))
        yield item
m = heapq.merge(source('a', [1, 4]), source('b', [2, 3]))
print(next(m), log)
print(list(m), log)
print(type(heapq.merge([1])).__name__)

data = [5, 1, 8, 3, 9, 2, 7, 3, 1, 6, 4, 8]
for n in (-1, 0, 1, 2, 3, 5, 11, 12, 20):
    print(n, heapq.nsmallest(n, data), heapq.nlargest(n, data))
    print(n, heapq.nsmallest(n, iter(data)), heapq.nlargest(n, iter(data)))
    print(n, heapq.nsmallest(n, data, key=lambda v: v % 4), heapq.nlargest(n, iter(data), key=lambda v: v % 4))
print(heapq.nsmallest(3, []), heapq.nlargest(2, iter([])), heapq.nsmallest(1, iter([])), heapq.nlargest(1, []))

# Ties keep input order, as sorted() does.
words = ['pear', 'fig', 'plum', 'kiwi', 'date', 'apple', 'lime', 'yam']
print(heapq.nsmallest(4, words, key=len), heapq.nlargest(4, words, key=len))
print(heapq.nsmallest(3, iter(words), key=len), heapq.nlargest(3, iter(words), key=len))

state = 99
def rand(limit):
    global state
    state = (state * 1103515245 + 12345) % 2147483648
    return state % limit
big = [rand(500) for _ in range(2000)]
print(heapq.nsmallest(10, big) == sorted(big)[:10], heapq.nlargest(10, iter(big)) == sorted(big, reverse=True)[:10])
print(heapq.nsmallest(7, big, key=lambda v: -v) == sorted(big, key=lambda v: -v)[:7])
pairs = [(rand(5), i) for i in range(300)]
k = lambda p: p[0]
print(heapq.nsmallest(25, iter(pairs), key=k) == sorted(pairs, key=k)[:25])
print(heapq.nlargest(25, iter(pairs), key=k) == sorted(pairs, key=k, reverse=True)[:25])

# The key is called once per item.
calls = []
def counting(v):
    calls.append(v)
    return v
heapq.nsmallest(3, iter(range(30, 0, -1)), key=counting)
print(len(calls))
print(heapq.__all__)
