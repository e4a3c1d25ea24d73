# An integer too large for an index-sized C integer is OverflowError where
# CPython converts a size or count (bytes(n), bytearray(n), to_bytes), and
# IndexError only for a subscript; some callers clamp it and then refuse it
# with their own ValueError (int()'s base, islice's bounds).
import collections
import itertools

B = 10**20


def show(src):
    try:
        print(src, "->", repr(eval(src))[:60])
    except Exception as e:
        print(src, "->", type(e).__name__, e)


for src in [
    "bytes(B)", "bytearray(B)", "bytes(-B)", "bytearray(-1)", "[1][B]", "[1][-B]", "(1,)[B]",
    "'a'[B]", "b'a'[B]", "bytearray(b'a')[B]", "range(3)[B]", "memoryview(b'ab')[B]",
    "(1).to_bytes(B, 'big')", "int('1', B)", "int('1', -B)", "itertools.islice([], B)",
    "itertools.islice([], 0, B)", "itertools.islice([], B, 1)", "collections.deque([1]).rotate(B)",
    "'ab'.center(B)", "[0] * B", "b'a' * B", "'a' * -B",
]:
    show(src)
