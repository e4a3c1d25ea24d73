from functools import cmp_to_key, total_ordering
def compare(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a > b) - (a < b)
words = ["pear", "fig", "apple", "kiwi", "date"]
print(sorted(words, key=cmp_to_key(compare)))
print(sorted(words, key=cmp_to_key(lambda a, b: (b > a) - (b < a))))
@total_ordering
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __eq__(self, o):
        return self.parts == o.parts
    def __lt__(self, o):
        return self.parts < o.parts
    def __repr__(self):
        return "V" + ".".join(map(str, self.parts))
vs = [Version("1.10"), Version("1.2"), Version("1.2.1"), Version("0.9")]
print(sorted(vs), max(vs))
print(Version("1.0") <= Version("1.0"), Version("2.0") > Version("1.9"), Version("1.0") >= Version("1.1"))
