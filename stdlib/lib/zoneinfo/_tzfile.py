"""Reading TZif files (RFC 8536) and the POSIX TZ rule in their footer.

A zone is a sorted list of UTC transition times, the local time type that
starts at each one, the type in force before the first, and an optional
rule (a POSIX TZ string such as "EST5EDT,M3.2.0,M11.1.0") for the times
after the last transition. A local time type is (utcoffset, dst, abbr),
offsets in seconds.
"""

import struct

_HEADER = struct.Struct(">4sc15x6l")


class TimeType:
    __slots__ = ("utoff", "dstoff", "abbr", "isdst")

    def __init__(self, utoff, isdst, abbr, dstoff=0):
        self.utoff = utoff
        self.isdst = isdst
        self.abbr = abbr
        self.dstoff = dstoff


def _read_block(data, pos, time_size):
    """One data block; returns (counts, transitions, indices, types, pos)."""
    magic, version, isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt = \
        _HEADER.unpack_from(data, pos)
    if magic != b"TZif":
        raise ValueError("Invalid TZif file: magic not found")
    pos += _HEADER.size
    fmt = "q" if time_size == 8 else "l"
    times = list(struct.unpack_from(">%d%s" % (timecnt, fmt), data, pos))
    pos += timecnt * time_size
    indices = list(data[pos:pos + timecnt])
    pos += timecnt
    raw_types = []
    for _ in range(typecnt):
        raw_types.append(struct.unpack_from(">lBB", data, pos))
        pos += 6
    chars = data[pos:pos + charcnt]
    pos += charcnt
    pos += leapcnt * (time_size + 4) + isstdcnt + isutcnt
    types = []
    for utoff, isdst, idx in raw_types:
        end = chars.find(b"\0", idx)
        types.append(TimeType(utoff, bool(isdst),
                              chars[idx:end].decode("ascii", "replace")))
    return version, times, indices, types, pos


def _fill_dst_offsets(times, indices, types):
    """TZif stores no DST amount: take it from the neighbouring standard
    time, as zoneinfo does (an hour when there is none)."""
    seen = {}
    for n, idx in enumerate(indices):
        t = types[idx]
        if not t.isdst or idx in seen:
            continue
        for near in (n - 1, n + 1):
            if 0 <= near < len(indices):
                other = types[indices[near]]
                if not other.isdst and other.utoff != t.utoff:
                    seen[idx] = t.utoff - other.utoff
                    break
    for i, t in enumerate(types):
        if t.isdst:
            t.dstoff = seen.get(i, 3600)


def load(data):
    """(transitions, types_after, type_before, rule) of a TZif file's bytes."""
    version, times, indices, types, pos = _read_block(data, 0, 4)
    footer = b""
    if version >= b"2":
        _, times, indices, types, pos = _read_block(data, pos, 8)
        end = data.find(b"\n", pos + 1)
        footer = data[pos + 1:end] if end > pos else b""
    _fill_dst_offsets(times, indices, types)
    if not types:
        raise ValueError("Invalid TZif file: no local time types")
    before = next((t for t in types if not t.isdst), types[0])
    after = [types[i] for i in indices]
    rule = parse_posix(footer.decode("ascii")) if footer else None
    return times, after, before, rule


# --- POSIX TZ strings ---

def _take_name(s, i):
    if s[i] == "<":
        end = s.index(">", i)
        return s[i + 1:end], end + 1
    j = i
    while j < len(s) and s[j].isalpha():
        j += 1
    return s[i:j], j


def _take_hms(s, i):
    """[+-]hh[:mm[:ss]] as seconds."""
    sign = 1
    if i < len(s) and s[i] in "+-":
        sign = -1 if s[i] == "-" else 1
        i += 1
    parts = []
    while True:
        j = i
        while j < len(s) and s[j].isdigit():
            j += 1
        parts.append(int(s[i:j]))
        i = j
        if i < len(s) and s[i] == ":" and len(parts) < 3:
            i += 1
            continue
        break
    parts += [0] * (3 - len(parts))
    return sign * (parts[0] * 3600 + parts[1] * 60 + parts[2]), i


def _take_date(s, i):
    """A rule date: ('M', month, week, weekday), ('J', day) or ('N', day),
    with the time of day in seconds (02:00 by default)."""
    if s[i] == "M":
        j = s.find("/", i)
        body = s[i + 1:j if j >= 0 else len(s)].split(",")[0]
        month, week, wday = (int(x) for x in body.split("."))
        date = ("M", month, week, wday)
        i += 1 + len(body)
    else:
        kind = "N"
        if s[i] == "J":
            kind = "J"
            i += 1
        j = i
        while j < len(s) and s[j].isdigit():
            j += 1
        date = (kind, int(s[i:j]))
        i = j
    when = 7200
    if i < len(s) and s[i] == "/":
        when, i = _take_hms(s, i + 1)
    return date, when, i


class Rule:
    """A POSIX TZ rule: standard time, and optionally DST between two dates
    each year."""

    def __init__(self, std, dst, start, end):
        self.std = std
        self.dst = dst
        self.start = start
        self.end = end

    def _transition(self, year, spec):
        """Seconds since the epoch, in local wall time, of a rule date."""
        import datetime
        (date, when) = spec
        if date[0] == "M":
            _, month, week, wday = date
            first = datetime.date(year, month, 1)
            # wday counts from Sunday (0); date.weekday() from Monday.
            shift = (wday - (first.weekday() + 1)) % 7
            day = 1 + shift + (week - 1) * 7
            if week == 5:
                while day > 28:
                    try:
                        datetime.date(year, month, day)
                        break
                    except ValueError:
                        day -= 7
            ordinal = datetime.date(year, month, day).toordinal()
        elif date[0] == "J":
            ordinal = datetime.date(year, 1, 1).toordinal() + date[1] - 1
            if date[1] >= 60 and _leap(year):
                ordinal += 1
        else:
            ordinal = datetime.date(year, 1, 1).toordinal() + date[1]
        return (ordinal - _EPOCH_ORD) * 86400 + when

    def transitions(self, year):
        """(dst start, dst end) of `year` in UTC seconds."""
        start = self._transition(year, self.start) - self.std.utoff
        end = self._transition(year, self.end) - self.dst.utoff
        return start, end

    def find_utc(self, ts):
        """(type, fold) in force at UTC second ts."""
        if self.dst is None:
            return self.std, 0
        year = _year_of(ts + self.std.utoff)
        start, end = self.transitions(year)
        if start < end:
            isdst = start <= ts < end
        else:
            isdst = not (end <= ts < start)
        t = self.dst if isdst else self.std
        gap = self.dst.utoff - self.std.utoff
        fold = 0
        if not isdst and end <= ts < end + gap:
            fold = 1
        elif isdst and gap < 0 and start <= ts < start - gap:
            fold = 1
        return t, fold

    def find_local(self, wall, fold):
        """The type in force at wall-clock second `wall` (local seconds)."""
        if self.dst is None:
            return self.std
        year = _year_of(wall)
        s_off, d_off = self.std.utoff, self.dst.utoff
        big, small = max(s_off, d_off), min(s_off, d_off)
        start, end = self.transitions(year)
        shift = small if fold else big
        start_wall = start + shift
        end_wall = end + shift
        if start_wall < end_wall:
            isdst = start_wall <= wall < end_wall
        else:
            isdst = not (end_wall <= wall < start_wall)
        return self.dst if isdst else self.std


_EPOCH_ORD = 719163


def _leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _year_of(seconds):
    import datetime
    return datetime.date.fromordinal(_EPOCH_ORD + seconds // 86400).year


def parse_posix(s):
    """A Rule from a POSIX TZ string, or None for an empty one."""
    if not s:
        return None
    name, i = _take_name(s, 0)
    off, i = _take_hms(s, i)
    std = TimeType(-off, False, name)
    if i >= len(s):
        return Rule(std, None, None, None)
    dname, i = _take_name(s, i)
    doff = std.utoff + 3600
    if i < len(s) and s[i] != ",":
        raw, i = _take_hms(s, i)
        doff = -raw
    dst = TimeType(doff, True, dname, doff - std.utoff)
    start = end = None
    if i < len(s) and s[i] == ",":
        d1, w1, i = _take_date(s, i + 1)
        d2, w2, i = _take_date(s, i + 1)
        start, end = (d1, w1), (d2, w2)
    if start is None:
        start, end = (("M", 3, 2, 0), 7200), (("M", 11, 1, 0), 7200)
    return Rule(std, dst, start, end)
