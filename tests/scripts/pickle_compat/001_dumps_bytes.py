# gilt's pickles must be CPython's byte for byte: every line prints dumps().
import pickle
import sys

sys.path.insert(0, "../pickle")  # the classes of the pickle area's tests
import mod_classes as m

values = [None, True, False, 0, 1, -1, 255, 256, 65535, 65536, -2**31, 2**31, 2**70, -2**70,
          -128, 127, 128, -129, 1.5, -0.0, 1e300, "", "abc", "h\u00e9\u20ac\U0001f600\n\\\r\x00",
          b"", b"ab\xff", bytearray(b"xy"), (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4),
          [], [1], [1, 2, 3], {}, {1: 2}, {"a": 1, "b": [2]}, set(), {1, 2}, frozenset(),
          frozenset([3]), 1 + 2j, len, str.upper, m.helper, m.Point, m.Outer.Inner,
          ValueError("x", 1), OSError("os"), range(3), slice(1, 2), type(None), NotImplemented,
          Ellipsis, int, m.Outer.method]
for proto in range(6):
    for v in values:
        print(proto, pickle.dumps(v, proto))
    pt = m.Point(1, [2, 3])
    print(proto, pickle.dumps(pt, proto))
    if proto >= 2:
        print(proto, pickle.dumps(m.Slotted(1, "s"), proto))
    print(proto, pickle.dumps(m.MyList([1, 2]), proto), pickle.dumps(m.MyInt(5), proto))
    print(proto, pickle.dumps(m.MyDict(a=1), proto), pickle.dumps(m.Stateful(2), proto))
    print(proto, pickle.dumps(m.WithNewArgs(3), proto), pickle.dumps(m.Reduced(4), proto))
    if proto >= 4:
        print(proto, pickle.dumps(m.KwOnly(1, b=2), proto))
    shared = [1]
    shared.append(shared)
    print(proto, pickle.dumps((shared, shared, "s", "s"), proto))
    print(proto, pickle.dumps(list(range(1001)), proto)[-20:])
    print(proto, pickle.dumps({i: i for i in range(1001)}, proto)[-20:])
big = pickle.dumps(["x" * 40000, "y" * 40000, b"z" * 70000, 1], 4)
print(len(big), big[:20], big[40000:40030], big[-30:])
