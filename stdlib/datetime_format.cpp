// Text in and out of the datetime types: UTC offsets, isoformat() and its
// parser (fromisoformat accepts most of ISO 8601 since 3.11), strftime, and
// the strptime parser shared by datetime.strptime and time.strptime.
//
// strftime expands %f, %z and %Z here (they need the object, not a C tm)
// and leaves the rest to the C library, as CPython's wrap_strftime does.
// strptime is a small matcher over the format, directive by directive, in
// the C locale; it accepts what CPython's _strptime regexes accept for the
// common directives, greedy within each field.
#include <cctype>
#include <cstring>
#include <ctime>
#include <string>

#include "runtime/abstract.hpp"
#include "runtime/errors.hpp"
#include "runtime/str.hpp"
#include "runtime/unicode.hpp"
#include "stdlib/datetime.hpp"
#include "stdlib/local_zone.hpp"
#include "stdlib/time_module.hpp"

namespace gilt {

std::string format_offset(int64_t us, std::string_view sep) {
    char sign = '+';
    if (us < 0) {
        sign = '-';
        us = -us;
    }
    int64_t secs = us / 1000000;
    int64_t frac = us % 1000000;
    std::string out = fmt::format("{}{:02d}{}{:02d}", sign, secs / 3600, sep, secs / 60 % 60);
    if (secs % 60 || frac) out += fmt::format("{}{:02d}", sep, secs % 60);
    if (frac) out += fmt::format(".{:06d}", frac);
    return out;
}

std::string format_time_part(int h, int mi, int s, int us, std::string_view timespec, bool* ok) {
    *ok = true;
    if (timespec == "auto") timespec = us ? "microseconds" : "seconds";
    if (timespec == "hours") return fmt::format("{:02d}", h);
    if (timespec == "minutes") return fmt::format("{:02d}:{:02d}", h, mi);
    if (timespec == "seconds") return fmt::format("{:02d}:{:02d}:{:02d}", h, mi, s);
    if (timespec == "milliseconds")
        return fmt::format("{:02d}:{:02d}:{:02d}.{:03d}", h, mi, s, us / 1000);
    if (timespec == "microseconds") return fmt::format("{:02d}:{:02d}:{:02d}.{:06d}", h, mi, s, us);
    *ok = false;
    return {};
}

// --- strftime ---

namespace {

// The format as CPython's wrap_strftime reads it: as UTF-8 (a lone
// surrogate is the codec's error), up to its first NUL.
bool strftime_format(ThreadState& ts, Value fmt, std::string_view* f) {
    *f = str_view(fmt);
    if (utf8_has_surrogate(*f)) {
        Ref encoded(str_encode(ts, fmt, "utf-8", "strict"));
        if (!encoded) return false;
    }
    *f = f->substr(0, f->find('\0'));
    return true;
}

}  // namespace

Value dt_strftime(ThreadState& ts, Value fmt, const std::tm& tm, int us, Value tz, Value tzarg) {
    std::string_view f;
    if (!strftime_format(ts, fmt, &f)) return Value();
    std::string out;
    for (std::size_t i = 0; i < f.size(); ++i) {
        char c = f[i];
        if (c != '%' || i + 1 == f.size()) {
            if (!append_checked(ts, out, std::string_view(&c, 1))) return Value();
            continue;
        }
        char d = f[++i];
        std::string piece;
        if (d == 'f') {
            piece = fmt::format("{:06d}", us);
        } else if (d == 'z') {
            int64_t off;
            bool aware;
            if (!offset_us(ts, tz, tzarg, &off, &aware)) return Value();
            if (aware) piece = format_offset(off, "");
        } else if (d == 'Z') {
            Ref name(call_tzname(ts, tz, tzarg));
            if (!name) return Value();
            if (!(*name).is_none()) {
                for (char ch : str_view(*name)) {
                    std::string_view one = ch == '%' ? "%%" : std::string_view(&ch, 1);
                    if (!append_checked(ts, out, one)) return Value();
                }
            }
        } else {
            piece = {'%', d};
        }
        if (!append_checked(ts, out, piece)) return Value();
    }
    std::string text;
    if (!strftime_text(ts, out, tm, &text)) return Value();
    return make_str(ts, text);
}

Value dt_format_method(ThreadState& ts, Args args) {
    if (args.n != 2 || args.kwnames) {
        return raise_fmt(ts, ts.exc_types().TypeError, "__format__ expected 1 argument, got {}",
                         args.n ? args.n - 1 : 0);
    }
    if (!is_str(ts, args[1])) {
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "__format__() argument 1 must be str, not {}", type_name(ts, args[1]));
    }
    if (str_len(args[1]) == 0) return obj_str(ts, args[0]);
    Ref name(make_str(ts, "strftime"));
    if (!name) return Value();
    return call_method(ts, args[0], *name, {args[1]});
}

// --- ISO 8601 parsing ---

namespace {

bool digits(std::string_view s, std::size_t pos, std::size_t n, int* out) {
    if (pos + n > s.size()) return false;
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

bool week_date(int year, int week, int day, ParsedIso* out) {
    if (week < 1 || week > 53 || day < 1 || day > 7) return false;
    if (week == 53 && iso_week1_monday(year) + 52 * 7 >= iso_week1_monday(year + 1)) return false;
    int64_t ord = iso_week1_monday(year) + (week - 1) * 7 + (day - 1);
    if (ord < 1 || ord > kMaxOrdinal) return false;
    ord_to_ymd(ord, &out->y, &out->m, &out->d);
    return true;
}

// The length of the date at the start of a datetime string, or 0.
std::size_t iso_date_length(std::string_view s) {
    if (s.size() < 7) return 0;
    if (s[4] == '-') {
        if (s[5] != 'W') return 10;
        return s.size() > 8 && s[8] == '-' ? 10 : 8;
    }
    if (s[4] == 'W') return s.size() > 7 && std::isdigit(static_cast<unsigned char>(s[7])) ? 8 : 7;
    return 8;
}

// HH[:MM[:SS[.f+]]] or HH[MM[SS[.f+]]]; consumes all of s.
bool parse_clock(std::string_view s, int* h, int* mi, int* sec, int* us) {
    *mi = *sec = *us = 0;
    if (!digits(s, 0, 2, h)) return false;
    bool extended = s.size() > 2 && s[2] == ':';
    std::size_t pos = 2;
    int* parts[] = {mi, sec};
    for (int* part : parts) {
        if (pos == s.size()) return true;
        if (extended) {
            if (s[pos] != ':') return false;
            ++pos;
        }
        if (!digits(s, pos, 2, part)) return false;
        pos += 2;
    }
    if (pos == s.size()) return true;
    if (s[pos] != '.' && s[pos] != ',') return false;
    ++pos;
    std::size_t n = 0;
    int value = 0;
    while (pos + n < s.size() && std::isdigit(static_cast<unsigned char>(s[pos + n]))) {
        if (n < 6) value = value * 10 + (s[pos + n] - '0');
        ++n;
    }
    if (n == 0 || pos + n != s.size()) return false;
    for (std::size_t k = n; k < 6; ++k) value *= 10;
    *us = value;
    return true;
}

}  // namespace

bool parse_iso_date(std::string_view s, ParsedIso* out) {
    int w, wd = 1;
    if (s.size() == 10 && s[4] == '-' && s[7] == '-' && s[5] != 'W') {
        return digits(s, 0, 4, &out->y) && digits(s, 5, 2, &out->m) && digits(s, 8, 2, &out->d);
    }
    if (s.size() == 8 && s[4] != 'W' && s[4] != '-')
        return digits(s, 0, 4, &out->y) && digits(s, 4, 2, &out->m) && digits(s, 6, 2, &out->d);
    if (s.size() >= 8 && s[4] == '-' && s[5] == 'W') {
        if (!digits(s, 0, 4, &out->y) || !digits(s, 6, 2, &w)) return false;
        if (s.size() == 10 && (s[8] != '-' || !digits(s, 9, 1, &wd))) return false;
        if (s.size() != 8 && s.size() != 10) return false;
        return week_date(out->y, w, wd, out);
    }
    if ((s.size() == 7 || s.size() == 8) && s[4] == 'W') {
        if (!digits(s, 0, 4, &out->y) || !digits(s, 5, 2, &w)) return false;
        if (s.size() == 8 && !digits(s, 7, 1, &wd)) return false;
        return week_date(out->y, w, wd, out);
    }
    return false;
}

bool parse_iso_time(std::string_view s, ParsedIso* out) {
    std::size_t tz = s.find_first_of("+-Z");
    std::string_view clock = s.substr(0, tz);
    if (!parse_clock(clock, &out->h, &out->mi, &out->s, &out->us)) return false;
    if (tz == std::string_view::npos) return true;
    out->has_tz = true;
    if (s[tz] == 'Z') {
        out->tz_us = 0;
        return tz + 1 == s.size();
    }
    int h, mi, sec, us;
    if (!parse_clock(s.substr(tz + 1), &h, &mi, &sec, &us)) return false;
    int64_t off = ((h * 60 + mi) * 60 + sec) * int64_t(1000000) + us;
    out->tz_us = s[tz] == '-' ? -off : off;
    return true;
}

bool parse_iso_datetime(std::string_view s, ParsedIso* out) {
    std::size_t n = iso_date_length(s);
    if (n == 0 || n > s.size()) return false;
    if (!parse_iso_date(s.substr(0, n), out)) return false;
    if (n == s.size()) return true;
    if (n + 1 >= s.size()) return false;
    return parse_iso_time(s.substr(n + 1), out);
}

// --- strptime ---

namespace {

constexpr const char* kDayNames[] = {"monday", "tuesday",  "wednesday", "thursday",
                                     "friday", "saturday", "sunday"};
constexpr const char* kMonthNames[] = {"january",   "february", "march",    "april",
                                       "may",       "june",     "july",     "august",
                                       "september", "october",  "november", "december"};

struct Matcher {
    std::string_view data;
    std::size_t pos = 0;

    // Up to `most` digits (at least `least`), keeping the value <= max.
    bool number(int least, int most, int max, int* out) {
        int value = 0, n = 0;
        while (n < most && pos + n < data.size() &&
               std::isdigit(static_cast<unsigned char>(data[pos + n]))) {
            int next = value * 10 + (data[pos + n] - '0');
            if (next > max && n >= least) break;
            value = next;
            ++n;
        }
        if (n < least || value > max) return false;
        pos += n;
        *out = value;
        return true;
    }

    bool prefix_ci(std::string_view word, std::size_t len) {
        if (pos + len > data.size()) return false;
        for (std::size_t i = 0; i < len; ++i) {
            if (std::tolower(static_cast<unsigned char>(data[pos + i])) != word[i]) return false;
        }
        pos += len;
        return true;
    }

    // A full or three-letter name from `names`; *out is its index.
    bool name(const char* const* names, int count, bool full, bool abbr, int* out) {
        for (int pass = 0; pass < 2; ++pass) {
            bool want_full = pass == 0;
            if ((want_full && !full) || (!want_full && !abbr)) continue;
            for (int i = 0; i < count; ++i) {
                std::string_view w = names[i];
                if (prefix_ci(w, want_full ? w.size() : 3)) {
                    *out = i;
                    return true;
                }
            }
        }
        return false;
    }

    bool offset(int64_t* out) {
        if (pos < data.size() && data[pos] == 'Z') {  // upper case only, as CPython
            ++pos;
            *out = 0;
            return true;
        }
        if (pos >= data.size() || (data[pos] != '+' && data[pos] != '-')) return false;
        bool neg = data[pos++] == '-';
        int h, mi, s = 0, us = 0;
        if (!number(2, 2, 99, &h)) return false;
        if (pos < data.size() && data[pos] == ':') ++pos;
        if (!number(2, 2, 99, &mi)) return false;
        std::size_t save = pos;
        if (pos < data.size() && data[pos] == ':') ++pos;
        if (!number(2, 2, 99, &s)) {
            pos = save;
            s = 0;
        } else if (pos < data.size() && data[pos] == '.') {
            ++pos;
            // One to six digits, read as a fraction of a second (".5" is
            // 500000 microseconds), as CPython's %z accepts them.
            std::size_t start = pos;
            if (!number(1, 6, 999999, &us)) return false;
            for (std::size_t n = pos - start; n < 6; ++n) us *= 10;
        }
        int64_t v = ((h * 60 + mi) * 60 + s) * int64_t(1000000) + us;
        *out = neg ? -v : v;
        return true;
    }
};

struct Found {
    int year = -1, century_year = -1, month = -1, day = -1, hour = -1, hour12 = -1, ampm = -1;
    int minute = 0, second = 0, us = 0, weekday = -1, julian = -1;
};

// Matches one directive; false: the data does not match. *bad set for an
// unknown directive.
bool match_directive(Matcher& m, char d, Found& f, ParsedTime* out, bool* bad) {
    int v;
    switch (d) {
        case 'd':
            return m.number(1, 2, 31, &f.day) && f.day >= 1;
        case 'm':
            return m.number(1, 2, 12, &f.month) && f.month >= 1;
        case 'H':
            return m.number(1, 2, 23, &f.hour);
        case 'I':
            return m.number(1, 2, 12, &f.hour12) && f.hour12 >= 1;
        case 'M':
            return m.number(1, 2, 59, &f.minute);
        case 'S':
            return m.number(1, 2, 61, &f.second);
        case 'y':
            return m.number(2, 2, 99, &f.century_year);
        case 'Y':
            return m.number(4, 4, 9999, &f.year);
        case 'j':
            return m.number(1, 3, 366, &f.julian) && f.julian >= 1;
        case 'w':
            return m.number(1, 1, 6, &v) && (f.weekday = (v + 6) % 7, true);
        case 'u':
            return m.number(1, 1, 7, &v) && v >= 1 && (f.weekday = v - 1, true);
        case 'U':
        case 'W':
        case 'V':
            return m.number(1, 2, 53, &v);
        case 'G':
            return m.number(4, 4, 9999, &v);
        case 'f': {
            std::size_t start = m.pos;
            if (!m.number(1, 6, 999999, &v)) return false;
            for (std::size_t k = m.pos - start; k < 6; ++k) v *= 10;
            f.us = v;
            return true;
        }
        case 'a':
            return m.name(kDayNames, 7, false, true, &f.weekday);
        case 'A':
            return m.name(kDayNames, 7, true, true, &f.weekday);
        case 'b':
        case 'h':
            return m.name(kMonthNames, 12, false, true, &f.month) && (++f.month, true);
        case 'B':
            return m.name(kMonthNames, 12, true, true, &f.month) && (++f.month, true);
        case 'p':
            if (m.prefix_ci("am", 2)) return f.ampm = 0, true;
            if (m.prefix_ci("pm", 2)) return f.ampm = 1, true;
            return false;
        case 'z':
            return m.offset(&out->tz_us) && (out->has_tz = true);
        case 'Z': {
            LocalZone zone = local_zone();
            std::string names[] = {"utc", "gmt", zone.std_name, zone.dst_name};
            for (std::string& n : names) {
                for (char& c : n)
                    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                std::size_t start = m.pos;
                if (!n.empty() && m.prefix_ci(n, n.size())) {
                    out->tzname = std::string(m.data.substr(start, n.size()));
                    out->tzname_set = true;
                    return true;
                }
            }
            return false;
        }
        case '%':
            return m.pos < m.data.size() && m.data[m.pos++] == '%';
        default:
            *bad = true;
            return false;
    }
}

// %c, %x and %X in the C locale.
std::string expand_locale_directives(std::string_view format) {
    std::string out;
    for (std::size_t i = 0; i < format.size(); ++i) {
        if (format[i] == '%' && i + 1 < format.size()) {
            char d = format[i + 1];
            if (d == 'c')
                out += "%a %b %d %H:%M:%S %Y";
            else if (d == 'x')
                out += "%m/%d/%y";
            else if (d == 'X')
                out += "%H:%M:%S";
            else if (d == 'T')
                out += "%H:%M:%S";
            else if (d == 'D')
                out += "%m/%d/%y";
            else if (d == 'R')
                out += "%H:%M";
            else {
                out += format[i];
                out += d;
            }
            ++i;
        } else {
            out += format[i];
        }
    }
    return out;
}

bool no_match(ThreadState& ts, std::string_view data, std::string_view format) {
    raise_fmt(ts, ts.exc_types().ValueError, "time data {} does not match format {}",
              str_repr(data), str_repr(format));
    return false;
}

bool resolve(ThreadState& ts, const Found& f, ParsedTime* out) {
    out->year = f.year >= 0           ? f.year
                : f.century_year >= 0 ? (f.century_year < 69 ? 2000 : 1900) + f.century_year
                                      : 1900;
    if (f.hour12 >= 0) {
        out->hour = f.hour12 % 12 + (f.ampm == 1 ? 12 : 0);
    } else if (f.hour >= 0) {
        out->hour = f.hour;
    }
    out->minute = f.minute;
    out->second = f.second == 61 ? 59 : f.second;
    out->us = f.us;
    if (f.julian >= 1 && f.month < 0 && f.day < 0) {
        int64_t ord = days_before_year(out->year) + f.julian;
        ord_to_ymd(ord, &out->year, &out->month, &out->day);
    } else {
        out->month = f.month >= 0 ? f.month : 1;
        out->day = f.day >= 0 ? f.day : 1;
    }
    out->weekday = f.weekday;
    out->julian = f.julian;
    return check_date_fields(ts, out->year, out->month, out->day);
}

}  // namespace

bool strptime_parse(ThreadState& ts, std::string_view data, std::string_view format_in,
                    ParsedTime* out) {
    std::string format = expand_locale_directives(format_in);
    Matcher m{data};
    Found f;
    for (std::size_t i = 0; i < format.size(); ++i) {
        char c = format[i];
        if (c == '%') {
            if (i + 1 == format.size()) {
                raise_fmt(ts, ts.exc_types().ValueError, "stray % in format {}",
                          str_repr(format_in));
                return false;
            }
            char d = format[++i];
            bool bad = false;
            if (!match_directive(m, d, f, out, &bad)) {
                if (bad) {
                    raise_fmt(ts, ts.exc_types().ValueError, "'{}' is a bad directive in format {}",
                              d, str_repr(format_in));
                    return false;
                }
                return no_match(ts, data, format_in);
            }
        } else if (std::isspace(static_cast<unsigned char>(c))) {
            while (i + 1 < format.size() && std::isspace(static_cast<unsigned char>(format[i + 1])))
                ++i;
            std::size_t start = m.pos;
            while (m.pos < data.size() && std::isspace(static_cast<unsigned char>(data[m.pos])))
                ++m.pos;
            if (m.pos == start) return no_match(ts, data, format_in);
        } else {
            if (m.pos >= data.size() || std::tolower(static_cast<unsigned char>(data[m.pos])) !=
                                            std::tolower(static_cast<unsigned char>(c)))
                return no_match(ts, data, format_in);
            ++m.pos;
        }
    }
    if (m.pos != data.size()) {
        raise_fmt(ts, ts.exc_types().ValueError, "unconverted data remains: {}",
                  data.substr(m.pos));
        return false;
    }
    return resolve(ts, f, out);
}

}  // namespace gilt
