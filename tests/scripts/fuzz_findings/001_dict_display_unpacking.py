# {**x} takes a mapping only (a dict, or anything with keys() and
# __getitem__), unlike dict.update, which also takes pairs (found by
# fuzz/diff_fuzz.py).
class Keys:
    def keys(self):
        return ["a", "b"]

    def __getitem__(self, key):
        return key.upper()


for value in [{"x": 1}, Keys(), [("k", "v")], "ab", (), 5, None, range(0), {}.items()]:
    try:
        print(type(value).__name__, {**value})
    except TypeError as e:
        print(type(value).__name__, "TypeError", e)
print({"z": 0, **{"a": 1}, "y": 2, **Keys()})
