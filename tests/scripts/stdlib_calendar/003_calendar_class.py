import calendar
import datetime

c = calendar.Calendar()
print(list(c.iterweekdays()), list(calendar.Calendar(3).iterweekdays()))
print(list(c.itermonthdays(2024, 2)))
print(list(c.itermonthdays2(2024, 3))[:8])
print(list(c.itermonthdays3(2024, 12))[-5:])
print(list(c.itermonthdays4(2024, 1))[:3])
print(list(c.itermonthdates(2025, 1))[:3])
print(c.monthdatescalendar(2024, 2)[0])
print(c.monthdays2calendar(2024, 2)[-1])
print(len(c.yeardatescalendar(2024)), len(c.yeardatescalendar(2024, 4)), len(c.yeardayscalendar(2024, 5)))
print(c.yeardayscalendar(2024, 2)[0][1][0])
print(c.yeardays2calendar(2024)[3][2][-1])
c.firstweekday = 6
print(c.firstweekday, c.getfirstweekday(), c.monthdayscalendar(2024, 2)[0])
c.setfirstweekday(8)
print(c.firstweekday)
h = calendar.HTMLCalendar()
print(h.formatmonth(2024, 2))
print(h.formatmonth(2024, 3, withyear=False))
print(h.formatyear(2024, 4)[:600])
print(h.formatday(0, 3), h.formatweekday(6), h.formatweekheader())

class MyHTML(calendar.HTMLCalendar):
    cssclasses = ["a"] * 7

print(MyHTML(6).formatweek([(1, 0), (0, 1)]))
lt = calendar.LocaleTextCalendar(0, "C")
print(lt.formatmonth(2024, 1))
