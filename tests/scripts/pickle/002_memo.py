# Shared and recursive references come back shared and recursive.
import pickle

for proto in range(6):
    inner = [1, 2]
    outer = [inner, inner, (inner,)]
    back = pickle.loads(pickle.dumps(outer, proto))
    print(proto, back, back[0] is back[1], back[2][0] is back[0])

    selfish = [1]
    selfish.append(selfish)
    back = pickle.loads(pickle.dumps(selfish, proto))
    print(proto, back[1] is back, repr(back))

    d = {"name": "d"}
    d["me"] = d
    back = pickle.loads(pickle.dumps(d, proto))
    print(proto, back["me"] is back)

    lst = []
    t = (lst, lst)
    lst.append(t)
    back = pickle.loads(pickle.dumps(t, proto))
    print(proto, back[0] is back[1], back[0][0] is back)

    shared = "a fairly long shared string"
    back = pickle.loads(pickle.dumps([shared, shared], proto))
    print(proto, back[0] is back[1])

    fs = frozenset([1, 2])
    back = pickle.loads(pickle.dumps((fs, fs, {fs}), proto))
    print(proto, back[0] is back[1])
