# time.strptime fills tm_gmtoff from %z and tm_zone from %Z (None otherwise);
# datetime.strptime makes the matching tzinfo.
import time, datetime
for s, f in [("2024-03-05 10:11:12 +0130", "%Y-%m-%d %H:%M:%S %z"), ("2024-03-05 -0500", "%Y-%m-%d %z"),
             ("2024-03-05 Z", "%Y-%m-%d %z"), ("2024-03-05 +01:30:15", "%Y-%m-%d %z"), ("2024-03-05 UTC", "%Y-%m-%d %Z")]:
    t = time.strptime(s, f)
    print(tuple(t), t.tm_zone, t.tm_gmtoff)
    d = datetime.datetime.strptime(s, f)
    print(repr(d), d.tzinfo, d.utcoffset())
try: time.strptime("2024 +25", "%Y %z")
except ValueError as e: print(e)
try: datetime.datetime.strptime("2024 +0a00", "%Y %z")
except ValueError as e: print(e)
for s, f in [("-01:30:15.5", "%z"), ("+0000 UTC", "%z %Z"), ("12", "%H")]:
    t = time.strptime(s, f)
    print(t.tm_zone, t.tm_gmtoff, t.tm_isdst)
for s in ("+01:30:15.123456", "-0130", "Z", "z"):
    try:
        print(s, time.strptime(s, "%z").tm_gmtoff, datetime.datetime.strptime(s, "%z").tzinfo)
    except ValueError as e:
        print("ValueError", e)
