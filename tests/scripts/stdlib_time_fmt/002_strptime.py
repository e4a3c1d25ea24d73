import time

def show(*args):
    try:
        print(args, '->', time.strptime(*args))
    except (ValueError, TypeError) as e:
        print(args, '!!', type(e).__name__, e)

show("2020-03-04 05:06:07", "%Y-%m-%d %H:%M:%S")
show("Wed Jan  1 12:00:00 2020")
show("1 jan 99", "%d %b %y")
show("31 December 68", "%d %B %y")
show("2020 366", "%Y %j")
show("12 PM", "%I %p")
show("12 am", "%I %p")
show("2020", "%Y-%m")
show("2020-01x", "%Y-%m")
show("2021-02-29", "%Y-%m-%d")
show("x", "%Q")
show("x", "x%")
show("  5", "%d")
show("UTC 2020", "%Z %Y")
show("03/04/21", "%x")
show("10:11:12", "%X")
show(5, "%d")
t = time.strptime("2024-02-29 23:59:59", "%Y-%m-%d %H:%M:%S")
print(t.tm_wday, t.tm_yday, t.tm_isdst)
