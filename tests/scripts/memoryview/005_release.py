# release(), the context manager, and the export count that stops a
# bytearray from resizing while a view is alive.
def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

ba = bytearray(b"abc")
m = memoryview(ba)
show("append", lambda: ba.append(1))
show("extend", lambda: ba.extend(b"xy"))
show("clear", lambda: ba.clear())
show("pop", lambda: ba.pop())
show("iadd", lambda: ba.__iadd__(b"x"))
show("del slice", lambda: ba.__delitem__(slice(0, 1)))
show("same size slice", lambda: ba.__setitem__(slice(0, 1), b"Z") or ba)
show("item", lambda: ba.__setitem__(1, 89) or ba)
m.release()
ba.append(100)
print(ba)
show("after release", lambda: m[0])
show("len", lambda: len(m))
show("tobytes", lambda: m.tobytes())
show("obj", lambda: m.obj)
show("format", lambda: m.format)
show("enter", lambda: m.__enter__())
print(repr(m).startswith("<released memory at 0x"))
m.release()  # twice is fine
with memoryview(bytearray(b"hello")) as v:
    v[0] = ord("j")
    print(v.tobytes())
show("after with", lambda: v.tolist())
# slices share the export: the bytearray stays locked until all are gone
ba2 = bytearray(b"0123")
a = memoryview(ba2)
b = a[1:]
a.release()
show("locked by slice", lambda: ba2.append(1))
b.release()
show("unlocked", lambda: ba2.append(1) or ba2)
# a view that lends its memory cannot be released
ba3 = bytearray(b"xyz")
outer = memoryview(ba3)
inner_ok = memoryview(outer)
outer.release()
print(inner_ok.tobytes())
del inner_ok
ba3.append(1)
print(ba3)
