# find_class as the documented way to restrict what a pickle may name, and
# files holding several pickles.
import builtins
import io
import pickle

safe_builtins = {"range", "complex", "set", "frozenset", "slice"}


class RestrictedUnpickler(pickle.Unpickler):
    def find_class(self, module, name):
        if module == "builtins" and name in safe_builtins:
            return getattr(builtins, name)
        raise pickle.UnpicklingError("global '%s.%s' is forbidden" % (module, name))


def restricted_loads(data):
    return RestrictedUnpickler(io.BytesIO(data)).load()


print(restricted_loads(pickle.dumps([1, 2, range(15)])))
for proto in (0, 2, 4):
    try:
        restricted_loads(pickle.dumps(print, proto))
    except pickle.UnpicklingError as e:
        print(proto, e)
evil = b"cos\nsystem\n(S'echo hello world'\ntR."
try:
    restricted_loads(evil)
except pickle.UnpicklingError as e:
    print(e)


class Logging(pickle.Unpickler):
    seen = []

    def find_class(self, module, name):
        self.seen.append((module, name))
        return super().find_class(module, name)


print(Logging(io.BytesIO(pickle.dumps({1: {2, 3}}, 2))).load(), Logging.seen)

f = io.BytesIO()
for proto in range(6):
    pickle.dump(("item", proto, [proto] * 3), f, proto)
pickle.dump("last", f)
f.seek(0)
for _ in range(7):
    print(pickle.load(f))
try:
    pickle.load(f)
except EOFError as e:
    print("EOFError", e)

f = io.BytesIO()
p = pickle.Pickler(f, 4)
p.dump({"a": 1})
p.dump([1, 2])
f.seek(0)
u = pickle.Unpickler(f)
print(u.load(), u.load())
