import datetime as d
T = d.time; DT = d.datetime; td = d.timedelta; utc = d.timezone.utc; D = d.date
tz1 = d.timezone(td(hours=1))
a = DT(2020, 1, 1, 12); b = DT(2020, 1, 1, 12, tzinfo=utc)

def show(expr):
    try:
        print(expr, '->', repr(eval(expr)))
    except Exception as e:
        print(expr, '!!', type(e).__name__, e)

show('d.timezone(td(1))')
show('d.timezone(3)')
show('d.timezone(td(0),3)')
show('d.timezone(td(hours=1)).utcoffset(3)')
show('d.timezone.utc.fromutc(DT(2020,1,1))')
show('d.timezone.utc.fromutc(3)')
show('d.tzinfo().utcoffset(None)')
show('d.tzinfo().dst(None)')
show('d.tzinfo().tzname(None)')
show('d.tzinfo().fromutc(DT(2020,1,1))')
show('d.timezone(td(hours=5,minutes=30),"IST")')
show('d.timezone.min')
show('d.timezone.max')
show('str(d.timezone(td(seconds=5)))')
show('d.timezone(td(microseconds=5)).tzname(None)')
show('d.timezone(td(0),"")')
show('d.timezone(td(0)) is d.timezone.utc')
show('d.tzinfo().__reduce__()')
show('d.timezone(td(hours=1))==d.timezone(td(hours=1),"x")')
show('d.timezone(-td(hours=1))')
show('d.UTC is utc')
show('d.MINYEAR, d.MAXYEAR')
show('d.timezone.utc.__reduce__()')
show('repr(d.date), repr(d.datetime), d.datetime.__name__, d.datetime.__mro__')
