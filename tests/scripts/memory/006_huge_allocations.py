# Sizes asked for by a script that no allocator can give raise MemoryError at
# once, as in CPython, instead of aborting the process (std::bad_alloc) or
# filling memory.
def show(label, f):
    try:
        r = f()
        print(label, "-> no error", type(r).__name__)
    except MemoryError as e:
        print(label, "MemoryError", e)
    except Exception as e:
        print(label, type(e).__name__, e)
N = 2**40
show("str*", lambda: "x" * N)
show("list*", lambda: [0] * N)
show("bytes*", lambda: b"x" * N)
show("tuple*", lambda: (0,) * N)
show("bytearray(n)", lambda: bytearray(N))
show("bytearray*", lambda: bytearray(b"x") * N)
show("center", lambda: "a".center(N))
show("ljust", lambda: "a".ljust(N))
show("rjust", lambda: "a".rjust(N))
show("zfill", lambda: "a".zfill(N))
show("bytes center", lambda: b"a".center(N))
show("bytes ljust", lambda: b"a".ljust(N))
show("format width", lambda: format(1, "2000000000000d"))
show("format str width", lambda: format("a", "2000000000000"))
show("fstring width", lambda: f"{1:2000000000000}")
show("percent width", lambda: "%2000000000000d" % 1)
show("to_bytes", lambda: (1).to_bytes(N, "big"))
show("expandtabs", lambda: "a\tb".expandtabs(N))
show("list imul", lambda: [0].__imul__(N))
show("str join", lambda: "".join(["x" * 2**20] * 2**20))
show("bytes(n)", lambda: bytes(N))
show("list*len2", lambda: [0, 1] * 2**62)
show("str replace growth", lambda: ("a" * 2**20).replace("a", "x" * 2**20))
