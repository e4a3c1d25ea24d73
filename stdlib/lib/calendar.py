"""Calendars in the proleptic Gregorian calendar: month and year tables as
text or HTML, and the small date helpers (isleap, monthrange, timegm, ...).

Behaviour follows CPython 3.11's calendar module. Weeks are lists of seven
days starting on the calendar's first weekday (Monday, 0, by default); days
outside the month are 0 in the numeric tables. Text output is laid out in
columns of fixed width, as python3 prints it.
"""

import datetime as _dt
import sys

__all__ = [
    # the classes
    "Calendar", "TextCalendar", "HTMLCalendar",
    "LocaleTextCalendar", "LocaleHTMLCalendar",
    "IllegalMonthError", "IllegalWeekdayError",
    # the module-level functions
    "isleap", "leapdays", "weekday", "monthrange", "monthcalendar",
    "timegm", "firstweekday", "setfirstweekday", "weekheader",
    "month", "prmonth", "calendar", "prcal",
    # names and weekday numbers
    "day_name", "day_abbr", "month_name", "month_abbr",
    "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY",
    "SUNDAY",
]

error = ValueError

(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY,
 SUNDAY) = range(7)

January = 1
February = 2

EPOCH = 1970
_EPOCH_ORDINAL = _dt.date(EPOCH, 1, 1).toordinal()

# Days per month in a common year; index 0 is a placeholder so that
# January is 1.
mdays = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


class IllegalMonthError(ValueError):
    def __init__(self, month):
        self.month = month

    def __str__(self):
        return f"bad month number {self.month}; must be 1-12"


class IllegalWeekdayError(ValueError):
    def __init__(self, weekday):
        self.weekday = weekday

    def __str__(self):
        return (f"bad weekday number {self.weekday}; "
                "must be 0 (Monday) to 6 (Sunday)")


class _NameTable:
    """Names formatted by strftime on demand, so a change of locale shows.

    `count` entries; entry i is strftime(fmt) of the date make(i), or the
    empty string where make gives None (month 0).
    """

    def __init__(self, fmt, count, make):
        self._fmt = fmt
        self._count = count
        self._make = make

    def _name(self, i):
        day = self._make(i)
        return "" if day is None else day.strftime(self._fmt)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self._name(k) for k in range(self._count)[i]]
        if i < 0:
            i += self._count
        if not 0 <= i < self._count:
            raise IndexError("list index out of range")
        return self._name(i)

    def __len__(self):
        return self._count


class _localized_day(_NameTable):
    def __init__(self, fmt):
        # 2001-01-01 was a Monday.
        super().__init__(fmt, 7, lambda i: _dt.date(2001, 1, 1 + i))


class _localized_month(_NameTable):
    def __init__(self, fmt):
        super().__init__(fmt, 13,
                         lambda i: _dt.date(2001, i, 1) if i else None)


day_name = _localized_day("%A")
day_abbr = _localized_day("%a")
month_name = _localized_month("%B")
month_abbr = _localized_month("%b")


def isleap(year):
    """True for leap years in the Gregorian calendar."""
    if year % 4:
        return False
    return year % 100 != 0 or year % 400 == 0


def leapdays(y1, y2):
    """How many leap years there are in range(y1, y2)."""
    def before(y):
        y -= 1
        return y // 4 - y // 100 + y // 400
    return before(y2) - before(y1)


def weekday(year, month, day):
    """0 for Monday ... 6 for Sunday."""
    if not _dt.MINYEAR <= year <= _dt.MAXYEAR:
        # The weekdays repeat every 400 years.
        year = 2000 + year % 400
    return _dt.date(year, month, day).weekday()


def _check_month(month):
    if not 1 <= month <= 12:
        raise IllegalMonthError(month)


def _month_length(year, month):
    if month == 2 and isleap(year):
        return 29
    return mdays[month]


def monthrange(year, month):
    """(weekday of the 1st, number of days) for the month."""
    _check_month(month)
    return weekday(year, month, 1), _month_length(year, month)


def _previous_month(year, month):
    return (year - 1, 12) if month == 1 else (year, month - 1)


def _following_month(year, month):
    return (year + 1, 1) if month == 12 else (year, month + 1)


class Calendar:
    """Week and month tables; subclasses format them."""

    def __init__(self, firstweekday=0):
        self.firstweekday = firstweekday

    def getfirstweekday(self):
        # Stored as given; any int is accepted and read modulo 7.
        return self._first % 7

    def setfirstweekday(self, firstweekday):
        self._first = firstweekday

    firstweekday = property(getfirstweekday, setfirstweekday)

    def iterweekdays(self):
        """The seven weekday numbers in the order of a week."""
        start = self.firstweekday
        for k in range(7):
            yield (start + k) % 7

    def itermonthdays3(self, year, month):
        """(year, month, day) for every day of the weeks the month spans."""
        first, length = monthrange(year, month)
        lead = (first - self.firstweekday) % 7
        if lead:
            py, pm = _previous_month(year, month)
            plen = _month_length(py, pm)
            for d in range(plen - lead + 1, plen + 1):
                yield py, pm, d
        for d in range(1, length + 1):
            yield year, month, d
        trail = (self.firstweekday - (first + length)) % 7
        ny, nm = _following_month(year, month)
        for d in range(1, trail + 1):
            yield ny, nm, d

    def itermonthdays4(self, year, month):
        """(year, month, day, weekday) for the same days."""
        wd = self.firstweekday
        for y, m, d in self.itermonthdays3(year, month):
            yield y, m, d, wd
            wd = (wd + 1) % 7

    def itermonthdates(self, year, month):
        """datetime.date objects for the same days."""
        for y, m, d in self.itermonthdays3(year, month):
            yield _dt.date(y, m, d)

    def itermonthdays2(self, year, month):
        """(day, weekday) pairs; day 0 outside the month."""
        for y, m, d, wd in self.itermonthdays4(year, month):
            yield (d if m == month else 0), wd

    def itermonthdays(self, year, month):
        """Day numbers; 0 outside the month."""
        for d, _ in self.itermonthdays2(year, month):
            yield d

    @staticmethod
    def _weeks(days):
        days = list(days)
        return [days[k:k + 7] for k in range(0, len(days), 7)]

    def monthdatescalendar(self, year, month):
        return self._weeks(self.itermonthdates(year, month))

    def monthdays2calendar(self, year, month):
        return self._weeks(self.itermonthdays2(year, month))

    def monthdayscalendar(self, year, month):
        return self._weeks(self.itermonthdays(year, month))

    def _year_rows(self, table, year, width):
        months = [table(year, m) for m in range(1, 13)]
        return [months[k:k + width] for k in range(0, 12, width)]

    def yeardatescalendar(self, year, width=3):
        return self._year_rows(self.monthdatescalendar, year, width)

    def yeardays2calendar(self, year, width=3):
        return self._year_rows(self.monthdays2calendar, year, width)

    def yeardayscalendar(self, year, width=3):
        return self._year_rows(self.monthdayscalendar, year, width)


def formatstring(cols, colwidth=20, spacing=6):
    """The columns centred in `colwidth` and joined by `spacing` blanks."""
    return (" " * spacing).join(text.center(colwidth) for text in cols)


def format(cols, colwidth=20, spacing=6):
    print(formatstring(cols, colwidth, spacing))


class TextCalendar(Calendar):
    """Plain-text month and year tables."""

    def formatday(self, day, weekday, width):
        text = "" if day == 0 else "%2i" % day
        return text.center(width)

    def formatweek(self, theweek, width):
        return " ".join(self.formatday(d, wd, width) for d, wd in theweek)

    def formatweekday(self, day, width):
        names = day_name if width >= 9 else day_abbr
        return names[day][:width].center(width)

    def formatweekheader(self, width):
        return " ".join(self.formatweekday(wd, width)
                        for wd in self.iterweekdays())

    def formatmonthname(self, theyear, themonth, width, withyear=True):
        title = month_name[themonth]
        if withyear:
            title = f"{title} {theyear!r}"
        return title.center(width)

    def prweek(self, theweek, width):
        print(self.formatweek(theweek, width), end="")

    def formatmonth(self, theyear, themonth, w=0, l=0):
        w = max(2, w)
        gap = "\n" * max(1, l)
        lines = [self.formatmonthname(theyear, themonth, 7 * (w + 1) - 1),
                 self.formatweekheader(w)]
        lines += [self.formatweek(week, w)
                  for week in self.monthdays2calendar(theyear, themonth)]
        return "".join(line.rstrip() + gap for line in lines)

    def prmonth(self, theyear, themonth, w=0, l=0):
        print(self.formatmonth(theyear, themonth, w, l), end="")

    def formatyear(self, theyear, w=2, l=1, c=6, m=3):
        w = max(2, w)
        gap = "\n" * max(1, l)
        c = max(2, c)
        colwidth = (w + 1) * 7 - 1
        header = self.formatweekheader(w)

        def row(cols):
            return formatstring(cols, colwidth, c).rstrip() + gap

        out = [repr(theyear).center(colwidth * m + c * (m - 1)).rstrip(), gap]
        rows = self.yeardays2calendar(theyear, m)
        for index, months_row in enumerate(rows):
            months = range(1 + index * m, 1 + index * m + len(months_row))
            out.append(gap)
            out.append(row(self.formatmonthname(theyear, k, colwidth, False)
                           for k in months))
            out.append(row(header for _ in months))
            height = max(len(cal) for cal in months_row)
            for j in range(height):
                out.append(row(self.formatweek(cal[j], w) if j < len(cal)
                               else "" for cal in months_row))
        return "".join(out)

    def pryear(self, theyear, w=0, l=0, c=6, m=3):
        print(self.formatyear(theyear, w, l, c, m), end="")


class HTMLCalendar(Calendar):
    """Month and year tables as HTML."""

    # CSS class names a subclass may replace.
    cssclass_month = cssclass_month_head = "month"
    cssclass_year = cssclass_year_head = "year"
    cssclass_noday = "noday"
    cssclasses = "mon tue wed thu fri sat sun".split()
    cssclasses_weekday_head = cssclasses

    def formatday(self, day, weekday):
        if day == 0:
            return f'<td class="{self.cssclass_noday}">&nbsp;</td>'
        return f'<td class="{self.cssclasses[weekday]}">{day}</td>'

    def formatweek(self, theweek):
        cells = "".join(self.formatday(d, wd) for d, wd in theweek)
        return f"<tr>{cells}</tr>"

    def formatweekday(self, day):
        return (f'<th class="{self.cssclasses_weekday_head[day]}">'
                f"{day_abbr[day]}</th>")

    def formatweekheader(self):
        cells = "".join(self.formatweekday(wd) for wd in self.iterweekdays())
        return f"<tr>{cells}</tr>"

    def formatmonthname(self, theyear, themonth, withyear=True):
        title = month_name[themonth]
        if withyear:
            title = f"{title} {theyear}"
        return (f'<tr><th colspan="7" class="{self.cssclass_month_head}">'
                f"{title}</th></tr>")

    def formatmonth(self, theyear, themonth, withyear=True):
        parts = [('<table border="0" cellpadding="0" cellspacing="0" '
                  f'class="{self.cssclass_month}">'),
                 self.formatmonthname(theyear, themonth, withyear=withyear),
                 self.formatweekheader()]
        parts += [self.formatweek(week)
                  for week in self.monthdays2calendar(theyear, themonth)]
        parts.append("</table>")
        return "\n".join(parts) + "\n"

    def formatyear(self, theyear, width=3):
        width = max(width, 1)
        out = [('<table border="0" cellpadding="0" cellspacing="0" '
                f'class="{self.cssclass_year}">'), "\n",
               (f'<tr><th colspan="{width}" '
                f'class="{self.cssclass_year_head}">{theyear}</th></tr>')]
        for start in range(1, 13, width):
            out.append("<tr>")
            for m in range(start, min(start + width, 13)):
                out.append("<td>")
                out.append(self.formatmonth(theyear, m, withyear=False))
                out.append("</td>")
            out.append("</tr>")
        out.append("</table>")
        return "".join(out)

    def formatyearpage(self, theyear, width=3, css="calendar.css", encoding=None):
        """A whole XHTML page with the year's table, as bytes in `encoding`
        (the default encoding of sys.getdefaultencoding() when None)."""
        encoding = encoding or sys.getdefaultencoding()
        head = ['<?xml version="1.0" encoding="%s"?>' % encoding,
                '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
                '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">',
                "<html>", "<head>",
                '<meta http-equiv="Content-Type" content="text/html; charset=%s" />' % encoding]
        if css is not None:
            head.append('<link rel="stylesheet" type="text/css" href="%s" />' % css)
        head += ["<title>Calendar for %d</title>" % theyear, "</head>", "<body>"]
        page = "\n".join(head) + "\n" + self.formatyear(theyear, width) + "</body>\n</html>\n"
        return page.encode(encoding, "xmlcharrefreplace")


class LocaleTextCalendar(TextCalendar):
    """TextCalendar; names follow the current locale (as strftime does)."""

    def __init__(self, firstweekday=0, locale=None):
        super().__init__(firstweekday)
        self.locale = locale


class LocaleHTMLCalendar(HTMLCalendar):
    """HTMLCalendar; names follow the current locale (as strftime does)."""

    def __init__(self, firstweekday=0, locale=None):
        super().__init__(firstweekday)
        self.locale = locale


def timegm(tuple):
    """Seconds since the epoch of a UTC time tuple (the inverse of gmtime)."""
    year, month, day, hour, minute, second = tuple[:6]
    days = _dt.date(year, month, 1).toordinal() - _EPOCH_ORDINAL + day - 1
    return ((days * 24 + hour) * 60 + minute) * 60 + second


# The calendar behind the module-level functions (CPython names it `c`).
c = _default = TextCalendar()


def firstweekday():
    return _default.getfirstweekday()


def setfirstweekday(firstweekday):
    if not MONDAY <= firstweekday <= SUNDAY:
        raise IllegalWeekdayError(firstweekday)
    _default.firstweekday = firstweekday


def monthcalendar(year, month):
    return _default.monthdayscalendar(year, month)


def prweek(theweek, width):
    _default.prweek(theweek, width)


def week(theweek, width):
    return _default.formatweek(theweek, width)


def weekheader(width):
    return _default.formatweekheader(width)


def prmonth(theyear, themonth, w=0, l=0):
    _default.prmonth(theyear, themonth, w, l)


def month(theyear, themonth, w=0, l=0):
    return _default.formatmonth(theyear, themonth, w, l)


def calendar(theyear, w=2, l=1, c=6, m=3):
    return _default.formatyear(theyear, w, l, c, m)


def prcal(theyear, w=0, l=0, c=6, m=3):
    _default.pryear(theyear, w, l, c, m)


def main(args=None):
    """The command line: `python -m calendar [options] [year] [month]`."""
    import argparse
    parser = argparse.ArgumentParser(prog="calendar.py")
    text_group = parser.add_argument_group("text only arguments")
    html_group = parser.add_argument_group("html only arguments")
    text_group.add_argument("-w", "--width", type=int, default=2,
                            help="width of date column (default 2)")
    text_group.add_argument("-l", "--lines", type=int, default=1,
                            help="number of lines for each week (default 1)")
    text_group.add_argument("-s", "--spacing", type=int, default=6,
                            help="spacing between months (default 6)")
    text_group.add_argument("-m", "--months", type=int, default=3,
                            help="months per row (default 3)")
    html_group.add_argument("-c", "--css", default="calendar.css",
                            help="CSS to use for page")
    parser.add_argument("-L", "--locale", default=None,
                        help="locale to use for month and weekday names")
    parser.add_argument("-e", "--encoding", default=None,
                        help="encoding to use for output")
    parser.add_argument("-t", "--type", default="text", choices=("text", "html"),
                        help="output type (text or html)")
    parser.add_argument("year", nargs="?", type=int, help="year number (1-9999)")
    parser.add_argument("month", nargs="?", type=int,
                        help="month number (1-12, text only)")
    options = parser.parse_args(args if args is None else args[1:])
    if options.locale and not options.encoding:
        parser.error("if --locale is specified --encoding is required")
    locale = (options.locale, options.encoding) if options.locale else None
    year = options.year if options.year is not None else _dt.date.today().year
    if options.type == "html":
        if options.month is not None:
            parser.error("incorrect number of arguments")
        cal = LocaleHTMLCalendar(locale=locale) if locale else HTMLCalendar()
        page = cal.formatyearpage(year, css=options.css,
                                  encoding=options.encoding or "utf-8")
        sys.stdout.buffer.write(page)
        return
    cal = LocaleTextCalendar(locale=locale) if locale else TextCalendar()
    if options.month is None:
        result = cal.formatyear(year, options.width, options.lines,
                                options.spacing, options.months)
    else:
        result = cal.formatmonth(year, options.month, options.width, options.lines)
    if options.encoding:
        sys.stdout.flush()
        sys.stdout.buffer.write(result.encode(options.encoding))
    else:
        sys.stdout.write(result)


if __name__ == "__main__":
    main(sys.argv)
