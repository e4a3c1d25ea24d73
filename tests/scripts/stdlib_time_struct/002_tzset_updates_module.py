# time.tzset() re-reads TZ into tzname/timezone/altzone/daylight, and mktime and
# strptime's %Z follow the new zone.
import os, time
print(time.tzname, time.timezone, time.altzone, time.daylight)
os.environ['TZ'] = 'America/New_York'
time.tzset()
print(time.tzname, time.timezone, time.altzone, time.daylight)
print(time.mktime((2024, 7, 1, 12, 0, 0, 0, 0, -1)))
print(time.strptime("2024 EDT", "%Y %Z").tm_isdst)
os.environ['TZ'] = 'UTC'
time.tzset()
print(time.tzname, time.timezone)
