# The pickle protocol drives copies: __reduce_ex__, __reduce__,
# __getstate__/__setstate__, __getnewargs__, and copy.Error.
import copy


class State:
    def __init__(self):
        self.a = 1
        self.secret = "x"

    def __getstate__(self):
        st = dict(self.__dict__)
        del st["secret"]
        return st

    def __setstate__(self, st):
        print("setstate", sorted(st.items()))
        self.__dict__.update(st)
        self.secret = "restored"


s = copy.copy(State())
print(s.a, s.secret)
s = copy.deepcopy(State())
print(s.a, s.secret)


class OnlySet:
    def __setstate__(self, st):
        print("called with", st)


copy.copy(OnlySet())  # no attributes: the state is None, __setstate__ not called
o = OnlySet()
o.k = 3
copy.copy(o)


class Reducer:
    def __init__(self, n):
        self.n = n

    def __reduce__(self):
        return (Reducer, (self.n * 10,))


print(copy.copy(Reducer(1)).n, copy.deepcopy(Reducer(2)).n)


class ReducerEx:
    def __reduce_ex__(self, proto):
        print("protocol", proto)
        return (list, ([1, 2],), None, iter([3]))


print(copy.copy(ReducerEx()), copy.deepcopy(ReducerEx()))


class DictItems:
    def __reduce__(self):
        return (dict, (), None, None, iter([("k", [1])]))


print(copy.deepcopy(DictItems()))


class Global:
    def __reduce__(self):
        return "Global"


g = Global()
print(copy.copy(g) is g, copy.deepcopy(g) is g)


class SlotState:
    def __reduce__(self):
        return (SlotState, (), ({"a": 1}, {"b": 2}))


ss = copy.copy(SlotState())
print(ss.a, ss.b)


class NewArgs:
    def __new__(cls, value):
        print("__new__", value)
        self = object.__new__(cls)
        self.value = value
        return self

    def __getnewargs__(self):
        return (self.value,)


na = copy.deepcopy(NewArgs([7]))
print(na.value)


class NewArgsEx:
    def __new__(cls, *args, **kwargs):
        print("__new__", args, sorted(kwargs.items()))
        return object.__new__(cls)

    def __getnewargs_ex__(self):
        return (1,), {"k": 2}


copy.copy(NewArgsEx())


class Unpicklable:
    def __reduce_ex__(self, proto):
        raise copy.Error("refused")


for fn in (copy.copy, copy.deepcopy):
    try:
        fn(Unpicklable())
    except copy.Error as e:
        print(fn.__name__, "Error:", e)


class Shared:
    pass


x = Shared()
box = [x, x, {"again": x}]
cb = copy.deepcopy(box)
print(cb[0] is cb[1], cb[2]["again"] is cb[0], cb[0] is x)
