# Containers changed by the code pickling runs: an error for dicts, as CPython.
import pickle
class Evil:
    def __init__(self, d): self.d = d
    def __reduce__(self):
        self.d.clear()
        return (int, (1,))
for p in (0, 2, 4):
    d = {"a": 1}
    d["b"] = Evil(d)
    d["c"] = 3
    try:
        print(pickle.dumps(d, p))
    except RuntimeError as e:
        print("RuntimeError", e)
    l = [1]
    class Grow:
        def __reduce__(self):
            l.extend(range(3))
            return (int, (2,))
    l.append(Grow())
    print(len(pickle.loads(pickle.dumps(l, p))))
