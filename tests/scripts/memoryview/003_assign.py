# Item and slice assignment through writable views, and CPython's errors.
def show(label, f):
    try:
        f()
        print(label, "ok")
    except Exception as e:
        print(label, type(e).__name__, e)

ba = bytearray(b"abcdef")
m = memoryview(ba)
m[0] = ord("A")
m[-1] = 70
print(ba)
m[1:3] = b"BC"
print(ba)
m[::2] = b"xyz"
print(ba)
m[1:4] = m[0:3]  # overlapping
print(ba)
m[0:2] = bytearray(b"12")
m[2:4] = memoryview(b"34")
print(ba)

def setitem(k, v):
    def f():
        m[k] = v
    return f

show("too big", setitem(0, 256))
show("negative", setitem(0, -1))
show("str", setitem(0, "a"))
show("float", setitem(0, 1.5))
show("none", setitem(0, None))
show("short slice", setitem(slice(0, 2), b"x"))
show("long slice", setitem(slice(0, 2), b"xyz"))
show("int slice", setitem(slice(0, 2), 5))
show("index", setitem(10, 1))
show("key", setitem("a", 1))

def delete():
    del m[0]

show("del", delete)
ro = memoryview(b"abc")

def ro_set():
    ro[0] = 1

def ro_slice():
    ro[0:1] = b"x"

show("readonly", ro_set)
show("readonly slice", ro_slice)

# A value whose __index__ releases the view or resizes the object.
ba2 = bytearray(b"abcd")
v = memoryview(ba2)


class Releases:
    def __index__(self):
        v.release()
        return 65


class Clears:
    def __index__(self):
        ba2.clear()
        return 66


def store(view, value):
    def f():
        view[0] = value
    return f


show("release in __index__", store(v, Releases()))
print(ba2)
v = memoryview(ba2)
show("clear in __index__", store(v, Clears()))
print(ba2)
