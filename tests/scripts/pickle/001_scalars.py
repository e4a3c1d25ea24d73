# Round trips of the builtin scalar and container types in every protocol.
import pickle

print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL)
values = [None, True, False, 0, 1, -1, 255, 256, 65535, 65536, -2**31, 2**31 - 1,
          2**31, 2**63, -2**63 - 1, 2**200, -2**200, 0.0, -0.0, 1.5, 1e300, float("inf"),
          "", "abc", "h\u00e9\u20ac\U0001f600", "line\nbreak\\slash\r\x00\x1a",
          b"", b"abc", bytes(range(256)), bytearray(b"xy"), bytearray(),
          (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), [], [1, "a", None], {}, {"k": [1, 2]},
          set(), {1, 2, 3}, frozenset(), frozenset(["a"]), 1 + 2j, -0.5j,
          range(2, 10, 3), slice(1, None, 2), Ellipsis, NotImplemented, type(None)]
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    same = 0
    for v in values:
        back = pickle.loads(pickle.dumps(v, proto))
        if type(back) is not type(v) or (back != v and v == v):
            print("MISMATCH", proto, repr(v), repr(back))
        else:
            same += 1
    print(proto, same, len(values))

nan = pickle.loads(pickle.dumps(float("nan")))
print(nan != nan)
big = list(range(2500))
print(pickle.loads(pickle.dumps(big, 2)) == big, pickle.loads(pickle.dumps(big)) == big)
d = {i: str(i) for i in range(2100)}
print(pickle.loads(pickle.dumps(d, 1)) == d, pickle.loads(pickle.dumps(d, 5)) == d)
s = set(range(1500))
print(pickle.loads(pickle.dumps(s, 4)) == s, pickle.loads(pickle.dumps(frozenset(s), 4)) == s)
long_text = "x" * 70000
print(pickle.loads(pickle.dumps(long_text)) == long_text, len(pickle.dumps(long_text)))
print(pickle.loads(pickle.dumps(b"y" * 70000, 4)) == b"y" * 70000)
print(pickle.loads(pickle.dumps([long_text, "tail"], 4))[1])
