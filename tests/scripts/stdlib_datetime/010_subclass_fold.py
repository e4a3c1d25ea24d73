import datetime as d
class DT(d.datetime):
    def __new__(cls, *args, **kw):
        return super().__new__(cls, *args, **kw)
class T(d.time):
    pass
x = DT(2020, 1, 1, 1, fold=1)
print(repr(x), repr(x.replace(hour=2)), repr(x + d.timedelta(1)), x.fold)
print(repr(T(1, fold=1).replace(minute=5)), repr(DT(2020, 1, 1) + d.timedelta(1)))
class Plain(d.datetime):
    def __new__(cls, y, m, dd, h=0, mi=0, s=0, us=0, tz=None):
        return super().__new__(cls, y, m, dd, h, mi, s, us, tz)
print(repr(Plain(2020, 1, 1) + d.timedelta(hours=5)))
