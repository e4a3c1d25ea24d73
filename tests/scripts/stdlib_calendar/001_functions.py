import calendar

print(calendar.isleap(2000), calendar.isleap(1900), calendar.isleap(2024), calendar.isleap(2023))
print(calendar.leapdays(1900, 2024), calendar.leapdays(2024, 1900), calendar.leapdays(0, 400))
print(calendar.weekday(2024, 2, 29), calendar.weekday(1, 1, 1), calendar.weekday(10000, 1, 1))
for y, m in [(2024, 2), (2023, 2), (1900, 2), (2000, 12), (9999, 12)]:
    print(y, m, calendar.monthrange(y, m))
print(calendar.monthcalendar(2024, 2))
print(calendar.monthcalendar(2021, 2))
print(calendar.timegm((2024, 1, 1, 0, 0, 0)), calendar.timegm((1970, 1, 1, 0, 0, 1, 0, 0, 0)))
print(calendar.timegm((1969, 12, 31, 23, 59, 59)))
print(list(calendar.day_name), list(calendar.day_abbr))
print(list(calendar.month_name), list(calendar.month_abbr))
print(len(calendar.day_name), len(calendar.month_name), calendar.month_name[-1], calendar.day_abbr[1:3])
print(calendar.MONDAY, calendar.SUNDAY, calendar.firstweekday())
try:
    calendar.monthrange(2024, 13)
except calendar.IllegalMonthError as e:
    print(type(e).__name__, e, isinstance(e, ValueError), e.month)
try:
    calendar.setfirstweekday(7)
except ValueError as e:
    print(type(e).__name__, e)
print(calendar.error is ValueError)
print(calendar.weekheader(2))
print(calendar.weekheader(3))
print(repr(calendar.weekheader(9)))
print(repr(calendar.weekheader(1)))
print(calendar.January, calendar.February, type(calendar.c).__name__, calendar.EPOCH)
