# cached_property: computed once, stored in __dict__, and its errors.
from functools import cached_property

calls = []


class Data:
    def __init__(self, n):
        self.n = n

    @cached_property
    def total(self):
        """Sum up to n."""
        calls.append(self.n)
        return sum(range(self.n))


d = Data(5)
print(d.total, d.total, calls, d.__dict__)
d.total = 99
print(d.total)
del d.total
print(d.total, calls)
print(Data.total.__doc__, Data.total.attrname, type(Data.__dict__["total"]).__name__)
print(Data.total is Data.__dict__["total"])


loose = cached_property(lambda self: 1)
try:
    loose.__get__(Data(1), Data)
except TypeError as e:
    print("TypeError:", e)

prop = cached_property(lambda self: 1)
prop.__set_name__(Data, "prop")
prop.__set_name__(Data, "prop")
try:
    prop.__set_name__(Data, "other")
except TypeError as e:
    print("TypeError:", e)
