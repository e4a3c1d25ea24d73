class Key:
    def __init__(self, a, b):
        self.a, self.b = a, b
    def __eq__(self, o):
        return isinstance(o, Key) and (self.a, self.b) == (o.a, o.b)
    def __hash__(self):
        return hash((self.a, self.b))
    def __repr__(self):
        return f"Key({self.a},{self.b})"
d = {Key(1, 2): "x"}
print(d[Key(1, 2)], Key(1, 2) in d, Key(2, 1) in d)
s = {Key(1, 1), Key(1, 1), Key(2, 2)}
print(len(s))
print(hash(Key(3, 4)) == hash(Key(3, 4)))
class EqOnly:
    def __eq__(self, o):
        return True
try:
    {EqOnly()}
except TypeError as e:
    print("TypeError:", e)
print(EqOnly.__hash__ is None)
class Default: pass
x = Default()
print(hash(x) == hash(x), {x: 1}[x])
print(hash(1) == hash(1.0), hash((1, 2)) == hash((1, 2)))
