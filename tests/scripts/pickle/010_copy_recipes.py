# copy.copy and copy.deepcopy rebuild objects from __reduce_ex__(4) recipes.
import collections
import copy
import functools
import mod_classes as m


class MySet(set):
    pass


class Tagged(list):
    pass


class Failure(Exception):
    pass


err = Failure("a", 1)
err.extra = [1]
tagged = Tagged([1, [2]])
tagged.tag = "t"
values = [MySet([1, 2]), err, bytearray(b"ab"), collections.deque([1, [2]], 3),
          collections.defaultdict(list, a=[1]), m.Slotted(1, [2]), m.MyInt(5),
          m.KwOnly(1, b=[2]), tagged, collections.OrderedDict(a=[1]), m.Stateful(2),
          m.MyDict(a=[1]), 1 + 2j, range(3)]
for v in values:
    for f in (copy.copy, copy.deepcopy):
        c = f(v)
        state = vars(c) if hasattr(c, "__dict__") and not isinstance(c, (m.Slotted, int)) else None
        print(f.__name__, type(c).__name__, repr(c)[:50], state, c is v)
p = functools.partial(max, 1, key=abs)
q = copy.deepcopy(p)
print(q.func is max, q.args, q.keywords, q(-5, 3))
print(copy.copy(m.Point(1, [2])).y, copy.deepcopy([m.WithNewArgs(3)]))
