# Classes, functions and instances of user classes through the reduce protocol.
import pickle
import mod_classes as m

print(pickle.loads(pickle.dumps(m.Point)) is m.Point)
print(pickle.loads(pickle.dumps(m.Outer.Inner)) is m.Outer.Inner)
print(pickle.loads(pickle.dumps(m.Outer.Inner, 2)) is m.Outer.Inner)
print(pickle.loads(pickle.dumps(m.helper)) is m.helper)
print(pickle.loads(pickle.dumps(len)) is len)
print(pickle.loads(pickle.dumps(str.upper))("abc"))
print(pickle.loads(pickle.dumps([1, 2].count))(2))
print(pickle.loads(pickle.dumps(m.Outer.method))(None))
print(pickle.loads(pickle.dumps(int)) is int, pickle.loads(pickle.dumps(ValueError)) is ValueError)

for proto in range(6):
    p = pickle.loads(pickle.dumps(m.Point(1, 2), proto))
    print(proto, type(p).__name__, p.x, p.y)
    s = pickle.loads(pickle.dumps(m.Slotted(3, "four"), proto)) if proto >= 2 else None
    print(proto, s)
    print(proto, pickle.loads(pickle.dumps(m.Stateful(5), proto)))
    print(proto, pickle.loads(pickle.dumps(m.WithNewArgs(7), proto)))
    print(proto, pickle.loads(pickle.dumps(m.Reduced(8), proto)))
    print(proto, pickle.loads(pickle.dumps(m.ReducedEx(9), proto)))
    ml = m.MyList([1, 2]); ml.tag = "t"
    back = pickle.loads(pickle.dumps(ml, proto))
    print(proto, type(back).__name__, back, back.tag)
    md = m.MyDict(a=1)
    back = pickle.loads(pickle.dumps(md, proto))
    print(proto, type(back).__name__, back)
    mi = pickle.loads(pickle.dumps(m.MyInt(42), proto))
    print(proto, type(mi).__name__, mi + 1)
    ms = pickle.loads(pickle.dumps(m.MyStr("hey"), proto))
    print(proto, type(ms).__name__, ms.upper())
    mt = pickle.loads(pickle.dumps(m.MyTuple((1, 2)), proto))
    print(proto, type(mt).__name__, tuple(mt))
    mset = pickle.loads(pickle.dumps(m.MySet([1]), proto))
    print(proto, type(mset).__name__, sorted(mset))

for proto in (4, 5):
    print(proto, pickle.loads(pickle.dumps(m.KwOnly(1, b=2), proto)))

e = pickle.loads(pickle.dumps(ValueError("bad", 3)))
print(type(e).__name__, e.args)
k = KeyError("k")
k.note = "extra"
back = pickle.loads(pickle.dumps(k, 2))
print(type(back).__name__, back.args, back.note)
c = pickle.loads(pickle.dumps(m.CustomError("why", 5)))
print(type(c).__name__, c.args, c.code)
