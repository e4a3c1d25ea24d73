"""Date helpers from email.utils that HTTP uses (RFC 2822 dates)."""

import time

__all__ = ["formatdate", "parsedate", "parsedate_tz", "mktime_tz"]

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def formatdate(timeval=None, localtime=False, usegmt=False):
    """An RFC 2822 date such as 'Mon, 07 Dec 2026 12:36:02 GMT'.

    With usegmt the zone is written 'GMT' (HTTP's form), else '-0000'.
    """
    if timeval is None:
        timeval = time.time()
    if localtime:
        t = time.localtime(timeval)
        offset = -time.timezone if not t.tm_isdst else -time.altzone
        sign = "+" if offset >= 0 else "-"
        zone = "%s%02d%02d" % (sign, abs(offset) // 3600, abs(offset) // 60 % 60)
    else:
        t = time.gmtime(timeval)
        zone = "GMT" if usegmt else "-0000"
    return "%s, %02d %s %04d %02d:%02d:%02d %s" % (
        _DAYS[t.tm_wday], t.tm_mday, _MONTHS[t.tm_mon - 1], t.tm_year,
        t.tm_hour, t.tm_min, t.tm_sec, zone)


def parsedate_tz(data):
    """A 10-tuple (9 time fields and the zone offset in seconds), or None."""
    words = data.replace(",", " ").split()
    if words and words[0][:3] in _DAYS:
        words = words[1:]
    if len(words) < 4:
        return None
    try:
        day, month, year = int(words[0]), _MONTHS.index(words[1][:3].title()) + 1, int(words[2])
        hh, mm, *ss = (int(x) for x in words[3].split(":"))
    except ValueError:
        return None
    zone = words[4] if len(words) > 4 else "GMT"
    offset = 0
    if zone[:1] in "+-" and zone[1:].isdigit():
        offset = (int(zone[1:3]) * 3600 + int(zone[3:5]) * 60) * (-1 if zone[0] == "-" else 1)
    return (year, month, day, hh, mm, ss[0] if ss else 0, 0, 1, -1, offset)


def parsedate(data):
    parsed = parsedate_tz(data)
    return None if parsed is None else parsed[:9]


def _days_from_civil(year, month, day):
    """Days since 1970-01-01 of a proleptic Gregorian date."""
    year -= month <= 2
    era = year // 400
    yoe = year - era * 400
    doy = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def mktime_tz(data):
    """Seconds since the epoch from a parsedate_tz tuple (UTC when the
    zone is None, as in CPython)."""
    year, month, day, hh, mm, ss = data[:6]
    seconds = _days_from_civil(year, month, day) * 86400 + hh * 3600 + mm * 60 + ss
    return seconds - (data[9] or 0)
