# pickle.dumps / pickle.loads of a mixed structure: dicts of lists of ints,
# strs and floats, and small objects of a user class. Prints a checksum of
# the pickled bytes and of what came back.
import pickle


class Item:
    def __init__(self, n):
        self.n = n
        self.name = "item%d" % n
        self.weight = n * 0.25


def make(n):
    return {
        "ints": list(range(n)),
        "strs": ["s%d" % i for i in range(n)],
        "floats": [i * 1.5 for i in range(n)],
        "items": [Item(i) for i in range(n // 10)],
        "nested": {"k%d" % i: [i, (i, "v%d" % i)] for i in range(n // 10)},
    }


data = make(2000)
total = 0
for proto in (2, 4, 5):
    for _ in range(40):
        blob = pickle.dumps(data, proto)
        back = pickle.loads(blob)
    total += len(blob) + len(back["ints"]) + sum(back["ints"]) + len(back["items"])
    total += int(back["floats"][-1]) + back["items"][-1].n
print(total, len(pickle.dumps(data)))
