# array exports its memory: memoryview, struct and bytes read it in place,
# and the array cannot be resized while a view is alive.
import array
import struct


def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ":", e)


m = memoryview(array.array("h", [1, 2, 3]))
print(m.format, m.itemsize, m.tolist(), m.nbytes, m.shape, m.readonly)
print(memoryview(array.array("u", "ab")).format, memoryview(array.array("d", [0.5])).tolist())
arr = array.array("i", [1, 2])
mv = memoryview(arr)
t(arr.append, 3)
t(arr.extend, [3])
t(arr.pop)
t(arr.__delitem__, 0)
t(arr.__iadd__, array.array("i", [3]))
mv[0] = 10
print(arr)
mv.release()
arr.append(3)
print(arr)
print(bytes(array.array("B", [65, 66])), bytearray(array.array("b", [67])), b"-".join([array.array("B", [68])]))
data = array.array("i", [0, 0])
struct.pack_into("<i", data, 4, 77)
print(data, struct.unpack_from("<i", array.array("i", [5, 6]), 4))
print(memoryview(array.array("i", [1, 2])) == array.array("i", [1, 2]))
print(memoryview(array.array("i", [1, 2])) == array.array("l", [1, 2]))
print(memoryview(array.array("f", [1.5, 2])) == array.array("d", [1.5, 2]))
view = memoryview(array.array("q", [1, 2, 3]))[::2]
print(view.tolist(), view.tobytes() == array.array("q", [1, 3]).tobytes())
