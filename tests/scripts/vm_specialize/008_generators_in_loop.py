# `for` over a generator runs the generator's frame in the same eval loop:
# yields, returns, exceptions, yield from, break and resume, close, and
# recursion must behave as when the generator is resumed from outside.
import sys
import traceback


def numbers(n):
    for i in range(n):
        yield i


def squares(src):
    for v in src:
        yield v * v


def evens(src):
    for v in src:
        if v % 2 == 0:
            yield v


print(sum(1 for _ in numbers(5)), [x for x in evens(squares(numbers(10)))])


def fails_at(n):
    for i in range(n):
        yield i
    raise ValueError("gen failed after %d" % n)


def consume(gen):
    out = []
    for x in gen:
        out.append(x)
    return out


try:
    consume(fails_at(3))
except ValueError as e:
    print("ValueError:", e)
    print([(entry.name, entry.line) for entry in traceback.extract_tb(e.__traceback__)])


def leaks_stop():
    yield 1
    raise StopIteration("inner")


try:
    consume(leaks_stop())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__), e.__suppress_context__)


def returns_value():
    yield "a"
    return "ignored by for"


print(consume(returns_value()))


def sub():
    yield 1
    yield 2
    return "sub result"


def delegating():
    r = yield from sub()
    yield r
    yield from [3, 4]


print(consume(delegating()))


# break leaves the generator suspended; it resumes where it stopped, from a
# for loop or from next().
def logged(n):
    try:
        for i in range(n):
            yield i
    finally:
        print("logged finally")


g = logged(6)
for x in g:
    if x == 2:
        break
print("after break", next(g))
for x in g:
    print("resumed", x)
    if x == 4:
        break
g.close()
print("closed", list(g))


# A generator that handles the exceptions of its own body.
def guarded():
    for v in [1, 0, 2]:
        try:
            yield 10 // v
        except ZeroDivisionError:
            yield "div by zero"


print(consume(guarded()))


# A generator touching itself while it runs.
def selfish():
    yield 1
    try:
        next(me)
    except ValueError as e:
        yield "ValueError: %s" % e
    yield me.gi_running


me = selfish()
print(consume(me))


# The frame of a generator that finished is released before the loop ends.
class Noisy:
    def __del__(self):
        print("Noisy released")


def holds_noisy():
    keep = Noisy()
    yield 1
    yield 2


for x in holds_noisy():
    print("item", x)
print("loop over")


# Recursive generators (a tree walk) and the recursion limit through them.
def walk(tree):
    if isinstance(tree, list):
        for sub_tree in tree:
            yield from walk(sub_tree)
    else:
        yield tree


def walk_for(tree):
    if isinstance(tree, list):
        for sub_tree in tree:
            for leaf in walk_for(sub_tree):
                yield leaf
    else:
        yield tree


tree = [1, [2, [3, [4, [5]]], 6], [[7]]]
print(list(walk(tree)), consume(walk_for(tree)))


def deep(n):
    if n:
        for x in deep(n - 1):
            yield x
    else:
        yield "bottom"


print(consume(deep(50)))
old = sys.getrecursionlimit()
sys.setrecursionlimit(100)
try:
    consume(deep(500))
except RecursionError:
    print("RecursionError")
sys.setrecursionlimit(old)
print(consume(deep(20)))


# Generator expressions and a generator that is exhausted before the loop.
gen = (i * 2 for i in range(4))
print(consume(gen), consume(gen))

# An exception thrown into a suspended generator that a for loop resumes.
def receiver():
    while True:
        try:
            yield "ok"
        except KeyError:
            yield "caught KeyError"


r = receiver()
next(r)
print(r.throw(KeyError), [x for _, x in zip(range(2), r)])
