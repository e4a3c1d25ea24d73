import datetime as d, pickle, copy
T=d.time; DT=d.datetime; td=d.timedelta; utc=d.timezone.utc; D=d.date
class MyDate(D):
    def hello(self): return "hi %d" % self.year
class MyDT(DT):
    extra = 5
class MyTD(td): pass
m = MyDate(2020, 5, 6)
print(repr(m), type(m).__name__, m.hello(), isinstance(m, D))
print(type(m + td(1)).__name__, repr(m + td(1)))
print(type(MyDate.today()).__name__, type(MyDate.fromordinal(5)).__name__, repr(MyDate.fromisoformat("2020-01-02")))
x = MyDT(2020, 1, 2, 3, tzinfo=utc)
print(repr(x), type(x + td(1)).__name__, type(MyDT.now()).__name__, type(x.astimezone(utc)).__name__)
print(repr(x.replace(year=2021)), type(x.replace(year=2021)).__name__)
print(repr(MyTD(1)), type(MyTD(1) + td(1)).__name__)
class Fixed(d.tzinfo):
    def __init__(self, h, name): self.h = h; self.name = name
    def utcoffset(self, dt): return td(hours=self.h)
    def dst(self, dt): return td(0)
    def tzname(self, dt): return self.name
    def __repr__(self): return "Fixed(%r)" % self.h
f = Fixed(-5, "EST")
e = DT(2020, 3, 1, 12, tzinfo=f)
print(e, e.utcoffset(), e.tzname(), e.dst(), e.astimezone(utc), utc.fromutc(DT(2020,1,1,tzinfo=utc)))
print(DT(2020,3,1,17,tzinfo=utc).astimezone(f), e.strftime("%H:%M %z %Z"), e.timetuple().tm_isdst)
print(e == DT(2020,3,1,17,tzinfo=utc), hash(e) == hash(DT(2020,3,1,17,tzinfo=utc)))
print(f.fromutc(DT(2020,1,1,tzinfo=f)))
for proto in range(0, 6):
    for obj in [D(2020,1,2), DT(2020,1,2,3,4,5,6), DT(2020,1,2,tzinfo=utc), T(1,2,3,4), T(5, tzinfo=d.timezone(td(hours=2), "X")), td(1,2,3), utc, d.timezone(td(hours=-3)), DT(2020,1,2,fold=1), m]:
        y = pickle.loads(pickle.dumps(obj, proto))
        assert y == obj and type(y) is type(obj), (proto, obj, y)
print(pickle.dumps(DT(2020,1,2,3,4,5,6), 2))
print(pickle.dumps(D(2020,1,2), 3))
print(pickle.dumps(td(1,2,3), 4))
s = {D(2020,1,1), D(2020,1,1), DT(2020,1,1)}
print(len(s))
print(sorted([DT(2020,1,3), DT(2019,5,5), DT(2020,1,1)]))
print(f"{D(2020,1,1):%Y/%m} {DT(2020,1,1,5):%H}h {T(3,4):%M}")
print(format(DT(2020,1,1)), format(td(1)) if hasattr(td,'__format__') else '')
print(DT.fromtimestamp(86400*365.25*30, utc), DT.utcfromtimestamp(1e9+0.5))
print(round((DT(2020,1,1, tzinfo=utc) - DT(1970,1,1, tzinfo=utc)).total_seconds()))
print(DT.strptime("Tue, 03 Mar 2020 10:11:12 +0000", "%a, %d %b %Y %H:%M:%S %z"))
print(DT.strptime("  2020-3-4", " %Y-%m-%d"))
print(DT.strptime("2020-03-04T05:06:07.000008Z", "%Y-%m-%dT%H:%M:%S.%f%z"))
print(isinstance(utc, d.tzinfo), issubclass(d.timezone, d.tzinfo), issubclass(DT, D))
try:
    class Z(d.timezone): pass
except TypeError as ex: print("TypeError", ex)
