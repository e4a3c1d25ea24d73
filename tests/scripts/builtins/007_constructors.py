print(list(), tuple(), dict(), set(), frozenset(), str(), bytes(), int(), float(), bool())
print(list((1, 2)), tuple([1]), dict([(1, 2)]), set([1, 1]), frozenset("aa"), str(1.5), bytes(2))
print(list({"a": 1}), list({"a": 1}.items()), tuple("xy"), set("xx"))
print(type(5)("7"), type("")(1), type([])("ab"))
print(type(object()).__name__)
o = object()
try:
    o.x = 1
except AttributeError as e:
    print("AttributeError:", e)
print(str(b"ab"), str(b"ab", "utf-8"), repr(str(123)))
