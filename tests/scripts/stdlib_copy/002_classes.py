# Copies of instances: __dict__, __slots__, __copy__/__deepcopy__, methods.
import copy


class Plain:
    def __init__(self, x):
        self.x = x
        self.items = [x]

    def show(self):
        return "Plain(%r, %r)" % (self.x, self.items)


p = Plain(5)
c = copy.copy(p)
d = copy.deepcopy(p)
print(c.show(), c is p, c.items is p.items)
print(d.show(), d.items is p.items, type(d).__name__)

empty = Plain.__new__(Plain)
print(vars(copy.copy(empty)))


class Counted:
    inits = 0

    def __init__(self):
        Counted.inits += 1
        self.v = 1


orig = Counted()
copy.copy(orig)
copy.deepcopy(orig)
print("__init__ calls:", Counted.inits)


class Own:
    def __init__(self, tag):
        self.tag = tag

    def __copy__(self):
        return Own(self.tag + "-copy")

    def __deepcopy__(self, memo):
        print("memo is a dict:", isinstance(memo, dict))
        return Own(self.tag + "-deep")


print(copy.copy(Own("a")).tag, copy.deepcopy(Own("b")).tag)
print([o.tag for o in copy.deepcopy([Own("c")])])


class Slotted:
    __slots__ = ("a", "b")


s = Slotted()
s.a = [1]
cs = copy.copy(s)
ds = copy.deepcopy(s)
print(cs.a, cs.a is s.a, hasattr(cs, "b"), ds.a, ds.a is s.a)


class Base:
    __slots__ = ("x",)


class Derived(Base):
    __slots__ = ("y",)


dv = Derived()
dv.x, dv.y = 1, 2
cd = copy.copy(dv)
print(cd.x, cd.y)


class Meth:
    def __init__(self):
        self.data = [1]

    def get(self):
        return self.data


m = Meth()
bound = m.get
bc = copy.copy(bound)
bd = copy.deepcopy(bound)
print(bc is bound, bc == bound, bc() is m.data)
print(bd == bound, bd() == m.data, bd() is m.data)

# Classes themselves are never copied.
print(copy.copy(Plain) is Plain, copy.deepcopy(Plain) is Plain)


class Meta(type):
    pass


K = Meta("K", (), {})
print(copy.copy(K) is K, copy.deepcopy(K) is K)

# Subclasses of builtins keep their type, items and attributes.


class MyList(list):
    pass


class MyDict(dict):
    pass


ml = MyList([[1], 2])
ml.note = "n"
mc = copy.copy(ml)
md = copy.deepcopy(ml)
print(type(mc).__name__, mc, mc.note, mc[0] is ml[0])
print(type(md).__name__, md, md.note, md[0] is ml[0])
mdict = MyDict(a=[1])
print(type(copy.deepcopy(mdict)).__name__, copy.deepcopy(mdict), copy.deepcopy(mdict)["a"] is mdict["a"])


class MyTuple(tuple):
    pass


mt = MyTuple([1, [2]])
print(type(copy.copy(mt)).__name__, copy.copy(mt), copy.deepcopy(mt)[1] is mt[1])


class MySet(set):
    pass


print(type(copy.deepcopy(MySet([1]))).__name__, copy.copy(MySet([2])))


# Exceptions keep their args and attributes.
class AppError(ValueError):
    pass


err = AppError("msg", 2)
err.note = [1]
for fn in (copy.copy, copy.deepcopy):
    ce = fn(err)
    print(type(ce).__name__, ce.args, ce.note, ce.note is err.note)
print(repr(copy.copy(KeyError("k"))))
