# copyreg, dispatch_table, reducer_override, persistent ids, extension codes
# and the recipes object.__reduce_ex__ gives.
import copyreg
import io
import pickle
import mod_classes as m


class Vec:
    def __init__(self, *xs):
        self.xs = xs

    def __repr__(self):
        return "Vec%r" % (self.xs,)


def reduce_vec(v):
    return (Vec, v.xs)


copyreg.pickle(Vec, reduce_vec)
print(pickle.loads(pickle.dumps(Vec(1, 2))))
del copyreg.dispatch_table[Vec]

buf = io.BytesIO()
p = pickle.Pickler(buf, 2)
p.dispatch_table = {m.Point: lambda pt: (m.Point, (pt.y, pt.x))}
p.dump(m.Point(1, 2))
back = pickle.loads(buf.getvalue())
print(back.x, back.y)


class Overriding(pickle.Pickler):
    def reducer_override(self, obj):
        if isinstance(obj, int) and not isinstance(obj, bool) and obj > 1000:
            return (int, (str(obj - 1000),))
        return NotImplemented


buf = io.BytesIO()
Overriding(buf).dump([5, 5000])
print(pickle.loads(buf.getvalue()))

store = {"one": "ONE", "two": [2]}


class PidPickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, str) and obj.startswith("@"):
            return obj[1:]
        return None


class PidUnpickler(pickle.Unpickler):
    def persistent_load(self, pid):
        return store[pid]


for proto in (0, 2, 4):
    buf = io.BytesIO()
    PidPickler(buf, proto).dump(["@one", "plain", "@two"])
    buf.seek(0)
    print(proto, PidUnpickler(buf).load())

try:
    buf.seek(0)
    pickle.Unpickler(buf).load()
except pickle.UnpicklingError as e:
    print("UnpicklingError", e)

copyreg.add_extension("mod_classes", "Point", 240)
data = pickle.dumps(m.Point, 2)
print(data, pickle.loads(data) is m.Point)
copyreg.remove_extension("mod_classes", "Point", 240)
copyreg.add_extension("mod_classes", "helper", 0x1234)
print(pickle.dumps(m.helper, 2), pickle.loads(pickle.dumps(m.helper, 4)) is m.helper)
copyreg.remove_extension("mod_classes", "helper", 0x1234)
try:
    copyreg.add_extension("x", "y", 0)
except ValueError as e:
    print("ValueError", e)

pt = m.Point(3, 4)
r = pt.__reduce_ex__(2)
print(r[0] is copyreg.__newobj__, r[1] == (m.Point,), r[2], r[3:], len(r))
r = pt.__reduce_ex__(1)
print(r[0] is copyreg._reconstructor, r[1], r[2])
r = m.KwOnly(1, b=2).__reduce_ex__(4)
print(r[0] is copyreg.__newobj_ex__, r[1])
r = m.MyList([1]).__reduce_ex__(2)
print(r[1], r[2], list(r[3]), r[4])
r = m.MyDict(a=1).__reduce_ex__(3)
print(r[1], r[2], r[3], list(r[4]))
print(m.Slotted(1, 2).__reduce_ex__(2)[2])
print(pt.__getstate__(), object().__reduce_ex__(2)[1:], object().__reduce__()[1])
print(copyreg._slotnames(m.Slotted), m.Slotted.__slotnames__)
obj = copyreg.__newobj__(m.Point)
print(type(obj).__name__, copyreg._reconstructor(m.MyList, list, [1, 2]))
