import time

t = time.gmtime(1234567890)
print(t)
print(t.tm_year, t.tm_yday, t.tm_wday, t[0:3], len(t))
print(time.strftime("%Y-%m-%d %H:%M:%S %a %A %b %B %j %p %%", t))
print(time.asctime(t))
print(time.asctime((2020, 2, 29, 1, 2, 3, 5, 60, 0)))
print(time.mktime(time.localtime(1000000)) == 1000000.0)
print(time.localtime(0).tm_year in (1969, 1970))
print(time.gmtime(0))
print(type(time.timezone), type(time.altzone), type(time.daylight), len(time.tzname))
for bad in [(2020,), "x", (1, 2, 3, 4, 5, 6, 7, 8, "x")]:
    try:
        time.asctime(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    time.strftime(5)
except TypeError as e:
    print("TypeError", e)
