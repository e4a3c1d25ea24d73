# A tzinfo with daylight saving time written in Python: the default
# tzinfo.fromutc does the conversion from UTC, as the datetime docs describe.
from datetime import datetime, timedelta, tzinfo, timezone

ZERO = timedelta(0)
HOUR = timedelta(hours=1)


def first_sunday_on_or_after(dt):
    days_to_go = 6 - dt.weekday()
    if days_to_go:
        dt += timedelta(days_to_go)
    return dt


class USEastern(tzinfo):
    def utcoffset(self, dt):
        return timedelta(hours=-5) + self.dst(dt)

    def dst(self, dt):
        if dt is None or dt.tzinfo is None:
            return ZERO
        start = first_sunday_on_or_after(datetime(dt.year, 3, 8, 2))
        end = first_sunday_on_or_after(datetime(dt.year, 11, 1, 1))
        if start <= dt.replace(tzinfo=None) < end:
            return HOUR
        return ZERO

    def tzname(self, dt):
        return "EDT" if self.dst(dt) else "EST"

    def __repr__(self):
        return "USEastern()"


east = USEastern()
for month in (1, 3, 6, 11, 12):
    u = datetime(2021, month, 14, 12, tzinfo=timezone.utc)
    local = u.astimezone(east)
    print(local, local.tzname(), local.dst(), local.utcoffset())
    print(local.astimezone(timezone.utc) == u, local.timetuple().tm_isdst)
print(repr(datetime(2021, 7, 1, tzinfo=east)))
print(datetime(2021, 7, 1, tzinfo=east).isoformat())
print(datetime(2021, 7, 1, tzinfo=east) - datetime(2021, 1, 1, tzinfo=east))
print(datetime(2021, 7, 1, 12, tzinfo=east) == datetime(2021, 7, 1, 16, tzinfo=timezone.utc))


class Broken(tzinfo):
    def utcoffset(self, dt):
        return 5


try:
    datetime(2020, 1, 1, tzinfo=Broken()).isoformat()
except TypeError as e:
    print("TypeError", e)
try:
    datetime(2020, 1, 1, tzinfo=Broken()).dst()
except NotImplementedError as e:
    print("NotImplementedError", e)
