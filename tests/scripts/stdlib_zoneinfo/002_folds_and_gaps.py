from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

def walk(key, start, hours):
    z = ZoneInfo(key)
    u = start.replace(tzinfo=timezone.utc)
    for h in range(hours):
        local = (u + timedelta(minutes=30 * h)).astimezone(z)
        back = local.astimezone(timezone.utc)
        print(key, local, local.fold, local.tzname(), back == u + timedelta(minutes=30 * h))

walk("America/New_York", datetime(2021, 11, 7, 4), 8)
walk("America/New_York", datetime(2021, 3, 14, 5), 6)
walk("Europe/Berlin", datetime(2022, 10, 30, 0), 6)
walk("Europe/Berlin", datetime(2040, 3, 25, 0), 6)
walk("America/New_York", datetime(2045, 11, 5, 4), 6)
walk("Australia/Sydney", datetime(2030, 4, 6, 15), 6)
walk("Asia/Kolkata", datetime(2021, 1, 1), 2)
ny = ZoneInfo("America/New_York")
for fold in (0, 1):
    amb = datetime(2021, 11, 7, 1, 30, fold=fold, tzinfo=ny)
    gap = datetime(2021, 3, 14, 2, 30, fold=fold, tzinfo=ny)
    print(amb.utcoffset(), amb.tzname(), gap.utcoffset(), gap.tzname())
    amb = datetime(2051, 11, 5, 1, 30, fold=fold, tzinfo=ny)
    gap = datetime(2051, 3, 12, 2, 30, fold=fold, tzinfo=ny)
    print(amb.utcoffset(), amb.tzname(), gap.utcoffset(), gap.tzname())
utc = ZoneInfo("UTC")
print(datetime(2020, 1, 1, tzinfo=utc).utcoffset(), datetime(2020, 1, 1, tzinfo=utc).tzname())
a = datetime(2021, 6, 1, 12, tzinfo=ny)
b = datetime(2021, 6, 1, 18, tzinfo=ZoneInfo("Europe/Berlin"))
print(a == b, b - a, a.timestamp())
