# A Pickler and an Unpickler keep their memo between dump/load calls.
import io, pickle
shared = ["shared"]
for proto in (0, 2, 4):
    f = io.BytesIO()
    p = pickle.Pickler(f, proto)
    p.dump(shared)
    p.dump([shared, shared])
    second = f.getvalue()
    print(proto, second)
    f.seek(0)
    u = pickle.Unpickler(f)
    a = u.load()
    b = u.load()
    print(proto, a, b, b[0] is a, b[1] is a)
    p.clear_memo()
    p.dump(shared)
    f.seek(0)
    print(proto, len(pickle.Unpickler(f).load()))
