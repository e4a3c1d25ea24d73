# x[a:b] on every kind of sequence and bound: the fast path for str, list
# and tuple must agree with the slice-object path everything else takes.
s = "hello, world"
u = "héllo wörld ✓"
lst = list(range(10))
tup = tuple(lst)

bounds = [None, 0, 1, 3, -1, -3, 5, 11, 12, 100, -100, True, False, 2**70, -(2**70)]
for seq in (s, u, lst, tup, b"bytes!", bytearray(b"abc"), range(2, 20, 3)):
    out = []
    for a in bounds:
        for b in bounds:
            out.append(seq[a:b])
    print(type(seq).__name__, len(out), out[:4], out[-4:], sum(len(x) for x in out))


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v

print(s[Idx(1):Idx(4)], lst[Idx(-3):], tup[:Idx(2)])


class Seq:
    def __getitem__(self, key):
        return ("got", type(key).__name__, key.start, key.stop, key.step)

print(Seq()[1:2], Seq()[:], Seq()["a":None])


class MyStr(str):
    pass

class MyList(list):
    def __getitem__(self, key):
        return ("MyList", super().__getitem__(key))

m = MyStr("subclass")
print(m[1:4], type(m[1:4]).__name__, type(m[:]).__name__)
print(MyList([1, 2, 3])[1:])

whole = s[:]
print(whole is s, lst[:] is lst, tup[:] is tup, lst[:] == lst)

five = 5
for bad in (lambda: s["a":], lambda: lst[1.5:2], lambda: tup[:[]], lambda: {}[1:2], lambda: five[1:2]):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)

# Evaluation order: object, then start, then stop.
order = []
def note(tag, v):
    order.append(tag)
    return v
print(note("obj", lst)[note("start", 2):note("stop", 4)], order)
