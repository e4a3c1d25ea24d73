# collections and functools types pickle as CPython's do, byte for byte.
import collections
import functools
import pickle

Pair = collections.namedtuple("Pair", "x y")
values = [collections.deque([1, 2], 5), collections.deque("ab"), collections.OrderedDict(a=1, b=2),
          collections.Counter("aab"), collections.defaultdict(list, a=[1]),
          collections.defaultdict(), functools.partial(max, 1, key=abs), Pair(1, 2)]
for proto in (0, 2, 4, 5):
    for v in values:
        data = pickle.dumps(v, proto)
        print(proto, data)
        back = pickle.loads(data)
        if isinstance(v, functools.partial):
            print(back.func is max, back.args, back.keywords, back(-5, 3))
        else:
            print(type(back).__name__, back == v, back)
