// datetime.date, and the calendar arithmetic every type of the module uses.
//
// An ordinal counts days from 0001-01-01 (ordinal 1) in the proleptic
// Gregorian calendar. ord_to_ymd splits an ordinal into 400-, 100-, 4- and
// 1-year cycles (146097, 36524, 1461 and 365 days), the method the datetime
// docs describe.
#include <cmath>
#include <ctime>
#include <string>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/bytes.hpp"
#include "runtime/errors.hpp"
#include "runtime/float.hpp"
#include "runtime/heap.hpp"
#include "runtime/int.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "stdlib/datetime.hpp"
#include "stdlib/structseq.hpp"
#include "stdlib/time_module.hpp"

namespace gilt {

namespace {

constexpr int kDaysBeforeMonth[] = {0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
constexpr int kDaysInMonth[] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

}  // namespace

bool is_leap(int64_t y) noexcept {
    return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

int days_in_month(int64_t y, int m) noexcept {
    return m == 2 && is_leap(y) ? 29 : kDaysInMonth[m];
}

int64_t days_before_year(int64_t y) noexcept {
    int64_t p = y - 1;
    return p * 365 + p / 4 - p / 100 + p / 400;
}

int days_before_month(int64_t y, int m) noexcept {
    return kDaysBeforeMonth[m] + (m > 2 && is_leap(y) ? 1 : 0);
}

int64_t ymd_to_ord(int64_t y, int m, int d) noexcept {
    return days_before_year(y) + days_before_month(y, m) + d;
}

void ord_to_ymd(int64_t ord, int* y, int* m, int* d) noexcept {
    int64_t n = ord - 1;
    int64_t n400 = n / 146097;
    n %= 146097;
    int64_t n100 = n / 36524;
    n %= 36524;
    int64_t n4 = n / 1461;
    n %= 1461;
    int64_t n1 = n / 365;
    n %= 365;
    int64_t year = n400 * 400 + n100 * 100 + n4 * 4 + n1 + 1;
    if (n1 == 4 || n100 == 4) {  // the last day of a leap cycle
        *y = static_cast<int>(year - 1);
        *m = 12;
        *d = 31;
        return;
    }
    *y = static_cast<int>(year);
    int month = 1;
    while (month < 12 && days_before_month(year, month + 1) <= n) ++month;
    *m = month;
    *d = static_cast<int>(n - days_before_month(year, month) + 1);
}

int weekday_of(int64_t y, int m, int d) noexcept {
    return static_cast<int>((ymd_to_ord(y, m, d) + 6) % 7);
}

int64_t iso_week1_monday(int64_t year) noexcept {
    int64_t first = days_before_year(year) + 1;
    int64_t wd = (first + 6) % 7;
    int64_t monday = first - wd;
    if (wd > 3) monday += 7;
    return monday;
}

bool check_date_fields(ThreadState& ts, int64_t y, int64_t m, int64_t d) {
    if (y < kMinYear || y > kMaxYear) {
        raise_fmt(ts, ts.exc_types().ValueError, "year {} is out of range", y);
        return false;
    }
    if (m < 1 || m > 12) {
        raise(ts, ts.exc_types().ValueError, "month must be in 1..12");
        return false;
    }
    if (d < 1 || d > days_in_month(y, static_cast<int>(m))) {
        raise(ts, ts.exc_types().ValueError, "day is out of range for month");
        return false;
    }
    return true;
}

Value make_date(ThreadState& ts, int y, int m, int d, TypeObject* type) {
    DateTimeTypes& types = dt_types(ts);
    if (type && type != types.date) {
        return call_type(ts, type, {Value::small_int(y), Value::small_int(m), Value::small_int(d)});
    }
    Object* o = alloc_instance(ts, types.date);
    if (!o) return Value();
    auto* p = reinterpret_cast<DateObject*>(o);
    p->year = y;
    p->month = static_cast<uint8_t>(m);
    p->day = static_cast<uint8_t>(d);
    return Value::object(o);
}

namespace {

Value date_today(ThreadState& ts, Args args);
Value date_fromtimestamp(ThreadState& ts, Args args);
Value date_fromordinal(ThreadState& ts, Args args);
Value date_fromisoformat(ThreadState& ts, Args args);
Value date_fromisocalendar(ThreadState& ts, Args args);
Value date_ctime(ThreadState& ts, Args args);
Value date_strftime(ThreadState& ts, Args args);
Value date_isoformat(ThreadState& ts, Args args);
Value date_timetuple(ThreadState& ts, Args args);
Value date_toordinal(ThreadState& ts, Args args);
Value date_replace(ThreadState& ts, Args args);
Value date_weekday(ThreadState& ts, Args args);
Value date_isoweekday(ThreadState& ts, Args args);
Value date_isocalendar(ThreadState& ts, Args args);
Value date_reduce(ThreadState& ts, Args args);

constexpr MethodDef kDateMethods[] = {
    {"today", date_today, kMethodClass},
    {"fromtimestamp", date_fromtimestamp, kMethodClass},
    {"fromordinal", date_fromordinal, kMethodClass},
    {"fromisoformat", date_fromisoformat, kMethodClass},
    {"fromisocalendar", date_fromisocalendar, kMethodClass},
    {"ctime", date_ctime},
    {"strftime", date_strftime},
    {"__format__", dt_format_method},
    {"isoformat", date_isoformat},
    {"timetuple", date_timetuple},
    {"toordinal", date_toordinal},
    {"replace", date_replace},
    {"weekday", date_weekday},
    {"isoweekday", date_isoweekday},
    {"isocalendar", date_isocalendar},
    {"__reduce__", date_reduce},
};

Value date_get_year(ThreadState&, Value self) {
    return Value::small_int(date_obj(self)->year);
}
Value date_get_month(ThreadState&, Value self) {
    return Value::small_int(date_obj(self)->month);
}
Value date_get_day(ThreadState&, Value self) {
    return Value::small_int(date_obj(self)->day);
}

constexpr GetSetDef kDateGetSets[] = {
    {"year", date_get_year},
    {"month", date_get_month},
    {"day", date_get_day},
};

TypeObject* arg_type(Value cls) {
    return reinterpret_cast<TypeObject*>(cls.as_object());
}

// A date of `type` from an ordinal, OverflowError outside 1..9999.
Value date_from_ordinal(ThreadState& ts, int64_t ord, TypeObject* type) {
    if (ord < 1 || ord > kMaxOrdinal)
        return raise(ts, ts.exc_types().OverflowError, "date value out of range");
    int y, m, d;
    ord_to_ymd(ord, &y, &m, &d);
    return make_date(ts, y, m, d, type);
}

// Pickle state: 4 bytes, year high and low, month, day.
bool date_from_state(ThreadState& ts, Value state, int* y, int* m, int* d) {
    std::string_view b = bytes_view(state);
    *y = static_cast<uint8_t>(b[0]) * 256 + static_cast<uint8_t>(b[1]);
    *m = static_cast<uint8_t>(b[2]);
    *d = static_cast<uint8_t>(b[3]);
    if (*m < 1 || *m > 12) {
        raise(ts, ts.exc_types().ValueError,
              "Failed to encode latin1 string when unpickling a date object. pickle.load(data, "
              "encoding='latin1') is assumed.");
        return false;
    }
    return check_date_fields(ts, *y, *m, *d);
}

Value date_new(ThreadState& ts, TypeObject* type, Args args) {
    if (args.n == 1 && !args.kwnames && is_bytes(args[0]) && bytes_view(args[0]).size() == 4 &&
        (static_cast<uint8_t>(bytes_view(args[0])[2]) & 0x7f) <= 12) {
        int y, m, d;
        if (!date_from_state(ts, args[0], &y, &m, &d)) return Value();
        Object* o = alloc_instance(ts, type);
        if (!o) return Value();
        auto* p = reinterpret_cast<DateObject*>(o);
        p->year = y;
        p->month = static_cast<uint8_t>(m);
        p->day = static_cast<uint8_t>(d);
        return Value::object(o);
    }
    Value yv, mv, dv;
    if (!parse_args(ts, args, "date", {"year", "month", "day"}, {&yv, &mv, &dv})) return Value();
    int64_t y, m, d;
    if (!obj_index(ts, yv, &y) || !obj_index(ts, mv, &m) || !obj_index(ts, dv, &d)) return Value();
    if (!check_date_fields(ts, y, m, d)) return Value();
    Object* o = alloc_instance(ts, type);
    if (!o) return Value();
    auto* p = reinterpret_cast<DateObject*>(o);
    p->year = static_cast<int32_t>(y);
    p->month = static_cast<uint8_t>(m);
    p->day = static_cast<uint8_t>(d);
    return Value::object(o);
}

Value date_today(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "today", "today", 0, 0)) return Value();
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    return make_date(ts, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, arg_type(args[0]));
}

Value date_fromtimestamp(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "fromtimestamp", "fromtimestamp", 1, 1)) return Value();
    double secs;
    if (is_float(args[1])) {
        secs = float_value(args[1]);
        if (std::isnan(secs))
            return raise(ts, ts.exc_types().ValueError, "Invalid value NaN (not a number)");
    } else {
        int64_t n;
        if (!obj_index(ts, args[1], &n)) return Value();
        secs = static_cast<double>(n);
    }
    secs = std::floor(secs);
    if (!(secs > -1e18 && secs < 1e18)) {
        return raise(ts, ts.exc_types().OverflowError,
                     "timestamp out of range for platform time_t");
    }
    auto t = static_cast<std::time_t>(secs);
    std::tm tm{};
    if (!localtime_r(&t, &tm) || tm.tm_year + 1900 < kMinYear || tm.tm_year + 1900 > kMaxYear) {
        return raise(ts, ts.exc_types().ValueError, "year is out of range");
    }
    return make_date(ts, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, arg_type(args[0]));
}

Value date_fromordinal(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "fromordinal", "fromordinal", 1, 1)) return Value();
    int64_t n;
    if (!obj_index(ts, args[1], &n)) return Value();
    if (n < 1) return raise(ts, ts.exc_types().ValueError, "ordinal must be >= 1");
    if (n > kMaxOrdinal) {
        int y, m, d;
        ord_to_ymd(n, &y, &m, &d);
        return raise_fmt(ts, ts.exc_types().ValueError, "year {} is out of range", y);
    }
    return date_from_ordinal(ts, n, arg_type(args[0]));
}

Value date_fromisoformat(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "fromisoformat", "fromisoformat", 1, 1)) return Value();
    if (!is_str(ts, args[1]))
        return raise(ts, ts.exc_types().TypeError, "fromisoformat: argument must be str");
    ParsedIso p;
    if (!parse_iso_date(str_view(args[1]), &p)) {
        Ref r(obj_repr(ts, args[1]));
        if (!r) return Value();
        return raise_fmt(ts, ts.exc_types().ValueError, "Invalid isoformat string: {}",
                         str_view(*r));
    }
    if (!check_date_fields(ts, p.y, p.m, p.d)) return Value();
    return make_date(ts, p.y, p.m, p.d, arg_type(args[0]));
}

Value date_fromisocalendar(ThreadState& ts, Args args) {
    Value yv, wv, dv;
    if (!parse_args(ts, args.drop_first(), "fromisocalendar", {"year", "week", "day"},
                    {&yv, &wv, &dv}))
        return Value();
    int64_t y, w, d;
    if (!obj_index(ts, yv, &y) || !obj_index(ts, wv, &w) || !obj_index(ts, dv, &d)) return Value();
    if (y < kMinYear || y > kMaxYear)
        return raise_fmt(ts, ts.exc_types().ValueError, "Year is out of range: {}", y);
    int64_t last_week = 52;
    if (w == 53) {
        // A year has 53 ISO weeks when it starts on a Thursday, or on a
        // Wednesday in a leap year.
        int64_t first_wd = (days_before_year(y) + 1 + 6) % 7;
        if (first_wd == 3 || (first_wd == 2 && is_leap(y))) last_week = 53;
    }
    if (w < 1 || w > last_week)
        return raise_fmt(ts, ts.exc_types().ValueError, "Invalid week: {}", w);
    if (d < 1 || d > 7)
        return raise_fmt(ts, ts.exc_types().ValueError, "Invalid day: {} (range is [1, 7])", d);
    int64_t ord = iso_week1_monday(y) + (w - 1) * 7 + (d - 1);
    return date_from_ordinal(ts, ord, arg_type(args[0]));
}

std::string ctime_text(int y, int m, int d, int h, int mi, int s) {
    static const char* const kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char* const kMonths[] = {"",    "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return fmt::format("{} {} {:2d} {:02d}:{:02d}:{:02d} {:04d}", kDays[weekday_of(y, m, d)],
                       kMonths[m], d, h, mi, s, y);
}

Value date_ctime(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "ctime", "ctime", 0, 0)) return Value();
    DateObject* p = date_obj(args[0]);
    return make_str(ts, ctime_text(p->year, p->month, p->day, 0, 0, 0));
}

std::tm date_tm(const DateObject* p) {
    std::tm tm{};
    tm.tm_year = p->year - 1900;
    tm.tm_mon = p->month - 1;
    tm.tm_mday = p->day;
    tm.tm_wday = (weekday_of(p->year, p->month, p->day) + 1) % 7;
    tm.tm_yday = days_before_month(p->year, p->month) + p->day - 1;
    tm.tm_isdst = -1;
    return tm;
}

Value date_strftime(ThreadState& ts, Args args) {
    Value fmt;
    if (!parse_args(ts, args.drop_first(), "strftime", {"format"}, {&fmt})) return Value();
    if (!is_str(ts, fmt)) {
        return raise_fmt(ts, ts.exc_types().TypeError, "strftime() argument 1 must be str, not {}",
                         type_name(ts, fmt));
    }
    return dt_strftime(ts, fmt, date_tm(date_obj(args[0])), 0, Value::none(), Value::none());
}

Value date_isoformat(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "isoformat", "isoformat", 0, 0)) return Value();
    DateObject* p = date_obj(args[0]);
    return make_str(ts, fmt::format("{:04d}-{:02d}-{:02d}", p->year, p->month, p->day));
}

Value date_timetuple(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "timetuple", "timetuple", 0, 0)) return Value();
    DateObject* p = date_obj(args[0]);
    std::tm tm = date_tm(p);
    return struct_time_from_tm(ts, tm);
}

Value date_toordinal(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "toordinal", "toordinal", 0, 0)) return Value();
    DateObject* p = date_obj(args[0]);
    return make_int(ts, ymd_to_ord(p->year, p->month, p->day));
}

Value date_replace(ThreadState& ts, Args args) {
    Value yv, mv, dv;
    if (!parse_args(ts, args.drop_first(), "replace", {"|", "year", "month", "day"},
                    {&yv, &mv, &dv}))
        return Value();
    DateObject* p = date_obj(args[0]);
    int64_t y = p->year, m = p->month, d = p->day;
    if ((!yv.is_null() && !obj_index(ts, yv, &y)) || (!mv.is_null() && !obj_index(ts, mv, &m)) ||
        (!dv.is_null() && !obj_index(ts, dv, &d)))
        return Value();
    if (!check_date_fields(ts, y, m, d)) return Value();
    return make_date(ts, static_cast<int>(y), static_cast<int>(m), static_cast<int>(d),
                     type_of(ts, args[0]));
}

Value date_weekday(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "weekday", "weekday", 0, 0)) return Value();
    DateObject* p = date_obj(args[0]);
    return Value::small_int(weekday_of(p->year, p->month, p->day));
}

Value date_isoweekday(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "isoweekday", "isoweekday", 0, 0)) return Value();
    DateObject* p = date_obj(args[0]);
    return Value::small_int(weekday_of(p->year, p->month, p->day) + 1);
}

Value date_isocalendar(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "isocalendar", "isocalendar", 0, 0)) return Value();
    DateObject* p = date_obj(args[0]);
    int64_t ord = ymd_to_ord(p->year, p->month, p->day);
    int64_t year = p->year;
    int64_t monday = iso_week1_monday(year);
    if (ord < monday) {
        --year;
        monday = iso_week1_monday(year);
    } else if (ord >= iso_week1_monday(year + 1)) {
        ++year;
        monday = iso_week1_monday(year);
    }
    int64_t week = (ord - monday) / 7 + 1;
    Value items[3] = {Value::small_int(year), Value::small_int(week),
                      Value::small_int((ord + 6) % 7 + 1)};
    return structseq_new(ts, dt_types(ts).isocal, items);
}

Value date_reduce(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "__reduce__", "__reduce__", 0, 0)) return Value();
    DateObject* p = date_obj(args[0]);
    char state[4] = {static_cast<char>(p->year >> 8), static_cast<char>(p->year & 0xff),
                     static_cast<char>(p->month), static_cast<char>(p->day)};
    Ref b(make_bytes(ts, std::string_view(state, 4)));
    Ref inner(b ? tuple_pack(ts, {*b}) : Value());
    if (!inner) return Value();
    return tuple_pack(ts, {val(type_of(ts, args[0])), *inner});
}

Value date_repr(ThreadState& ts, Value self) {
    DateObject* p = date_obj(self);
    return make_str(
        ts, fmt::format("{}({}, {}, {})", repr_type_name(ts, self), p->year, p->month, p->day));
}

Value date_str(ThreadState& ts, Value self) {
    DateObject* p = date_obj(self);
    return make_str(ts, fmt::format("{:04d}-{:02d}-{:02d}", p->year, p->month, p->day));
}

bool date_hash(ThreadState&, Value self, int64_t* out) {
    DateObject* p = date_obj(self);
    int64_t h = ymd_to_ord(p->year, p->month, p->day) * 1000003 + 0x5bd1e995;
    *out = h == -1 ? -2 : h;
    return true;
}

Value date_richcompare(ThreadState& ts, Value a, Value b, CompareOp op) {
    if (!is_date(ts, b) || is_datetime(ts, a)) return Value::not_implemented();
    if (is_datetime(ts, b)) {  // datetime's comparison decides (see datetime_datetime.cpp)
        if (op == CompareOp::Eq || op == CompareOp::Ne) return Value::boolean(op == CompareOp::Ne);
        return raise_fmt(ts, ts.exc_types().TypeError, "can't compare {} to {}", type_name(ts, b),
                         type_name(ts, a));
    }
    DateObject* x = date_obj(a);
    DateObject* y = date_obj(b);
    int64_t ox = ymd_to_ord(x->year, x->month, x->day), oy = ymd_to_ord(y->year, y->month, y->day);
    return compare_values(ox, oy, op);
}

// date + timedelta and timedelta + date; only whole days count.
Value date_add(ThreadState& ts, Value a, Value b) {
    if (is_datetime(ts, a) || is_datetime(ts, b)) return Value::not_implemented();
    Value d = is_date(ts, a) ? a : b;
    Value td = d == a ? b : a;
    if (!is_date(ts, d) || !is_delta(ts, td)) return Value::not_implemented();
    DateObject* p = date_obj(d);
    return date_from_ordinal(ts, ymd_to_ord(p->year, p->month, p->day) + delta_obj(td)->days,
                             type_of(ts, d));
}

Value date_sub(ThreadState& ts, Value a, Value b) {
    if (!is_date(ts, a) || is_datetime(ts, a) || is_datetime(ts, b))
        return Value::not_implemented();
    DateObject* p = date_obj(a);
    int64_t ord = ymd_to_ord(p->year, p->month, p->day);
    if (is_delta(ts, b)) return date_from_ordinal(ts, ord - delta_obj(b)->days, type_of(ts, a));
    if (!is_date(ts, b)) return Value::not_implemented();
    DateObject* q = date_obj(b);
    return make_delta(ts, ord - ymd_to_ord(q->year, q->month, q->day), 0, 0);
}

void date_dealloc(Object* o) {
    free_object(o);
}

}  // namespace

std::string date_ctime_text(int y, int m, int d, int h, int mi, int s) {
    return ctime_text(y, m, d, h, mi, s);
}

TypeObject* make_date_type(Interpreter& interp) {
    TypeObject* t =
        native_type(interp, "datetime.date", "date", sizeof(DateObject), interp.types.object);
    t->new_ = date_new;
    t->dealloc = date_dealloc;
    t->repr = date_repr;
    t->str = date_str;
    t->hash = date_hash;
    t->richcompare = date_richcompare;
    t->nb[static_cast<int>(BinOp::Add)] = date_add;
    t->nb[static_cast<int>(BinOp::Sub)] = date_sub;
    type_add_methods(interp, t, kDateMethods);
    type_add_getsets(interp, t, kDateGetSets);
    type_ready(interp, t);
    return t;
}

void add_date_constants(Interpreter& interp, DateTimeTypes& types) {
    ThreadState& ts = interp.main_thread();
    Ref mn(make_date(ts, 1, 1, 1));
    Ref mx(make_date(ts, 9999, 12, 31));
    Ref res(make_delta(ts, 1, 0, 0));
    type_set_attr_cstr(interp, types.date, "min", *mn);
    type_set_attr_cstr(interp, types.date, "max", *mx);
    type_set_attr_cstr(interp, types.date, "resolution", *res);
}

}  // namespace gilt
