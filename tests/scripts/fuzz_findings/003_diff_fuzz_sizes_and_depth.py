# diff_fuzz (30 minutes, seed 7) found three crashes:
# - bytearray(2).zfill(2**40) and bytes.expandtabs with a huge tab size built
#   the padding without the checked size: std::bad_alloc ended the process;
# - json.dumps(obj, indent=huge) made the indentation string the same way;
# - hash() of a tuple nested 200,000 deep, in a worker thread, overflowed the
#   thread's C stack (hashing recursed without a stack check); it is now
#   RecursionError, but CPython itself dies of SIGSEGV there, so no golden
#   expectation can be generated for it.
# Each is now MemoryError / OverflowError as in CPython, never a crash.
import json
import sys


def attempt(f):
    try:
        r = f()
        return "ok " + repr(r)[:40]
    except Exception as e:
        return f"{type(e).__name__}: {e}"


CASES = [
    lambda: bytearray(2).zfill(2**40),
    lambda: bytearray(b"x").zfill(sys.maxsize),
    lambda: b"x".zfill(sys.maxsize),
    lambda: b"x".zfill(sys.maxsize - 40),
    lambda: b"x".zfill(2**62),
    lambda: b"\t".expandtabs(2**40),
    lambda: bytearray(b"a\tb").expandtabs(sys.maxsize),
    lambda: json.dumps([1], indent=sys.maxsize),
    lambda: json.dumps({"a": [1]}, indent=2**40),
    lambda: json.dumps([], indent=2**40),
    lambda: json.dumps([1], indent=-5),
    lambda: json.dumps([1, [2]], indent=2),
]
for case in CASES:
    print(attempt(case))

