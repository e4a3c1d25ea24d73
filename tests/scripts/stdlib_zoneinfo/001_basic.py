import pickle
from datetime import datetime, timedelta, timezone
import zoneinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

ny = ZoneInfo("America/New_York")
print(repr(ny), str(ny), ny.key, ny is ZoneInfo("America/New_York"))
print(ZoneInfo.no_cache("America/New_York") is ny)
for bad in ["Nope/Zone", "/etc/passwd", "../x"]:
    try:
        ZoneInfo(bad)
    except ZoneInfoNotFoundError as e:
        print("ZoneInfoNotFoundError", e, isinstance(e, KeyError))
    except ValueError as e:
        print("ValueError", e)
print(ny.utcoffset(None), ny.dst(None), ny.tzname(None))
for args in [(2021, 1, 15, 12), (2021, 7, 15, 12), (1950, 7, 1), (2050, 7, 1), (2050, 12, 1), (1800, 1, 1)]:
    dt = datetime(*args, tzinfo=ny)
    print(dt, dt.utcoffset(), dt.dst(), dt.tzname())
print(datetime(2021, 6, 1, tzinfo=timezone.utc).astimezone(ny))
print(pickle.loads(pickle.dumps(ny)) is ny)
print("America/New_York" in zoneinfo.available_timezones(), "UTC" in zoneinfo.available_timezones())
print(zoneinfo.TZPATH)
