// datetime.datetime: a date and a time of day, naive or aware.
//
// Arithmetic and comparison work on one integer, the microseconds since
// 0001-01-01 00:00 (under 2**59, so an int64 holds it). Two datetimes with
// the same tzinfo object compare and subtract by their fields alone; with
// different tzinfos each is moved to UTC by its utcoffset() first, as
// CPython does. Local time (naive timestamps, astimezone() without an
// argument) comes from the C library's localtime_r/mktime.
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
#include "stdlib/local_zone.hpp"
#include "stdlib/time_module.hpp"

namespace gilt {

namespace {

constexpr int64_t kUs = 1000000;
constexpr int64_t kUsPerDay = 86400 * kUs;
// 1970-01-01 as an ordinal.
constexpr int64_t kEpochOrdinal = 719163;

int64_t dt_to_us(const DateTimeObject* p) {
    int64_t ord = ymd_to_ord(p->year, p->month, p->day);
    return ord * kUsPerDay + ((p->hour * 60 + p->minute) * 60 + p->second) * kUs + p->us;
}

struct Fields {
    int y, m, d, h, mi, s, us;
};

bool fields_from_us(ThreadState& ts, int64_t total, Fields* f) {
    int64_t ord = total >= 0 ? total / kUsPerDay : -1;
    if (ord < 1 || ord > kMaxOrdinal) {
        raise(ts, ts.exc_types().OverflowError, "date value out of range");
        return false;
    }
    int64_t rest = total - ord * kUsPerDay;
    ord_to_ymd(ord, &f->y, &f->m, &f->d);
    f->us = static_cast<int>(rest % kUs);
    rest /= kUs;
    f->s = static_cast<int>(rest % 60);
    f->mi = static_cast<int>(rest / 60 % 60);
    f->h = static_cast<int>(rest / 3600);
    return true;
}

Value dt_from_us(ThreadState& ts, int64_t total, Value tz, TypeObject* type, int fold = 0) {
    Fields f;
    if (!fields_from_us(ts, total, &f)) return Value();
    return make_datetime(ts, f.y, f.m, f.d, f.h, f.mi, f.s, f.us, tz, fold, type);
}

TypeObject* cls_arg(Value cls) {
    return reinterpret_cast<TypeObject*>(cls.as_object());
}

Value dt_now(ThreadState& ts, Args args);
Value dt_utcnow(ThreadState& ts, Args args);
Value dt_today(ThreadState& ts, Args args);
Value dt_fromtimestamp(ThreadState& ts, Args args);
Value dt_utcfromtimestamp(ThreadState& ts, Args args);
Value dt_combine(ThreadState& ts, Args args);
Value dt_fromisoformat(ThreadState& ts, Args args);
Value dt_strptime(ThreadState& ts, Args args);
Value dt_date(ThreadState& ts, Args args);
Value dt_time(ThreadState& ts, Args args);
Value dt_timetz(ThreadState& ts, Args args);
Value dt_replace(ThreadState& ts, Args args);
Value dt_astimezone(ThreadState& ts, Args args);
Value dt_utcoffset(ThreadState& ts, Args args);
Value dt_dst(ThreadState& ts, Args args);
Value dt_tzname(ThreadState& ts, Args args);
Value dt_timetuple(ThreadState& ts, Args args);
Value dt_utctimetuple(ThreadState& ts, Args args);
Value dt_timestamp(ThreadState& ts, Args args);
Value dt_isoformat(ThreadState& ts, Args args);
Value dt_ctime(ThreadState& ts, Args args);
Value dt_strftime_method(ThreadState& ts, Args args);
Value dt_reduce(ThreadState& ts, Args args);
Value dt_reduce_ex(ThreadState& ts, Args args);

constexpr MethodDef kDateTimeMethods[] = {
    {"now", dt_now, kMethodClass},
    {"utcnow", dt_utcnow, kMethodClass},
    {"today", dt_today, kMethodClass},
    {"fromtimestamp", dt_fromtimestamp, kMethodClass},
    {"utcfromtimestamp", dt_utcfromtimestamp, kMethodClass},
    {"combine", dt_combine, kMethodClass},
    {"fromisoformat", dt_fromisoformat, kMethodClass},
    {"strptime", dt_strptime, kMethodClass},
    {"date", dt_date},
    {"time", dt_time},
    {"timetz", dt_timetz},
    {"replace", dt_replace},
    {"astimezone", dt_astimezone},
    {"utcoffset", dt_utcoffset},
    {"dst", dt_dst},
    {"tzname", dt_tzname},
    {"timetuple", dt_timetuple},
    {"utctimetuple", dt_utctimetuple},
    {"timestamp", dt_timestamp},
    {"isoformat", dt_isoformat},
    {"ctime", dt_ctime},
    {"strftime", dt_strftime_method},
    {"__reduce__", dt_reduce},
    {"__reduce_ex__", dt_reduce_ex},
};

Value dt_get_hour(ThreadState&, Value self) {
    return Value::small_int(dt_obj(self)->hour);
}
Value dt_get_minute(ThreadState&, Value self) {
    return Value::small_int(dt_obj(self)->minute);
}
Value dt_get_second(ThreadState&, Value self) {
    return Value::small_int(dt_obj(self)->second);
}
Value dt_get_us(ThreadState&, Value self) {
    return Value::small_int(dt_obj(self)->us);
}
Value dt_get_tzinfo(ThreadState&, Value self) {
    return new_ref(dt_obj(self)->tzinfo);
}
Value dt_get_fold(ThreadState&, Value self) {
    return Value::small_int(dt_obj(self)->fold);
}

constexpr GetSetDef kDateTimeGetSets[] = {
    {"hour", dt_get_hour},      {"minute", dt_get_minute}, {"second", dt_get_second},
    {"microsecond", dt_get_us}, {"tzinfo", dt_get_tzinfo}, {"fold", dt_get_fold},
};

Object* alloc_dt(ThreadState& ts, TypeObject* type, const Fields& f, Value tz, int fold) {
    Object* o = alloc_instance(ts, type);
    if (!o) return nullptr;
    auto* p = reinterpret_cast<DateTimeObject*>(o);
    p->year = f.y;
    p->month = static_cast<uint8_t>(f.m);
    p->day = static_cast<uint8_t>(f.d);
    p->hour = static_cast<uint8_t>(f.h);
    p->minute = static_cast<uint8_t>(f.mi);
    p->second = static_cast<uint8_t>(f.s);
    p->us = f.us;
    p->fold = static_cast<uint8_t>(fold);
    p->tzinfo = new_ref(tz);
    return o;
}

// Pickle state: year (2 bytes), month (fold in its high bit), day, hour,
// minute, second, 3 bytes of microseconds.
Value dt_from_state(ThreadState& ts, TypeObject* type, Value state, Value tz) {
    auto b = reinterpret_cast<const uint8_t*>(bytes_view(state).data());
    Fields f{
        b[0] * 256 + b[1], b[2] & 0x7f, b[3], b[4], b[5], b[6], (b[7] << 16) | (b[8] << 8) | b[9]};
    if (!check_date_fields(ts, f.y, f.m, f.d) || !check_time_fields(ts, f.h, f.mi, f.s, f.us, 0) ||
        !check_tzinfo_arg(ts, tz))
        return Value();
    Object* o = alloc_dt(ts, type, f, tz, b[2] >> 7);
    return o ? Value::object(o) : Value();
}

Value dt_new(ThreadState& ts, TypeObject* type, Args args) {
    if (args.n >= 1 && args.n <= 2 && !args.kwnames && is_bytes(args[0]) &&
        bytes_view(args[0]).size() == 10 &&
        (static_cast<uint8_t>(bytes_view(args[0])[2]) & 0x7f) <= 12)
        return dt_from_state(ts, type, args[0], args.n == 2 ? args[1] : Value::none());
    Value yv, mv, dv, hv, miv, sv, uv, tz, fv;
    if (!parse_args(ts, args, "datetime",
                    {"year", "month", "day", "|", "hour", "minute", "second", "microsecond",
                     "tzinfo", "$fold"},
                    {&yv, &mv, &dv, &hv, &miv, &sv, &uv, &tz, &fv}))
        return Value();
    int64_t y, m, d, h = 0, mi = 0, s = 0, us = 0, fold = 0;
    if (!obj_index(ts, yv, &y) || !obj_index(ts, mv, &m) || !obj_index(ts, dv, &d) ||
        (!hv.is_null() && !obj_index(ts, hv, &h)) || (!miv.is_null() && !obj_index(ts, miv, &mi)) ||
        (!sv.is_null() && !obj_index(ts, sv, &s)) || (!uv.is_null() && !obj_index(ts, uv, &us)) ||
        (!fv.is_null() && !obj_index(ts, fv, &fold)))
        return Value();
    if (tz.is_null()) tz = Value::none();
    if (!check_date_fields(ts, y, m, d) || !check_time_fields(ts, h, mi, s, us, fold) ||
        !check_tzinfo_arg(ts, tz))
        return Value();
    Fields f{static_cast<int>(y),  static_cast<int>(m), static_cast<int>(d), static_cast<int>(h),
             static_cast<int>(mi), static_cast<int>(s), static_cast<int>(us)};
    Object* o = alloc_dt(ts, type, f, tz, static_cast<int>(fold));
    return o ? Value::object(o) : Value();
}

void dt_dealloc(Object* o) {
    clear_ref(reinterpret_cast<DateTimeObject*>(o)->tzinfo);
    free_object(o);
}

// --- timestamps ---

// A timestamp split into whole seconds and microseconds, the fraction
// rounded half to even (CPython's _PyTime_ROUND_HALF_EVEN).
bool split_timestamp(ThreadState& ts, Value t, int64_t* secs, int* us) {
    if (is_float(t)) {
        double v = float_value(t);
        if (std::isnan(v))
            return raise(ts, ts.exc_types().ValueError, "Invalid value NaN (not a number)"), false;
        double whole = std::floor(v);
        if (!(whole > -1e18 && whole < 1e18)) {
            raise(ts, ts.exc_types().OverflowError, "timestamp out of range for platform time_t");
            return false;
        }
        double frac = std::nearbyint((v - whole) * 1e6);
        *secs = static_cast<int64_t>(whole);
        *us = static_cast<int>(frac);
        if (*us >= 1000000) {
            *us -= 1000000;
            ++*secs;
        }
        return true;
    }
    *us = 0;
    return obj_index(ts, t, secs);
}

// The local (or UTC) broken-down time of `secs`, ValueError beyond the years.
bool broken_down(ThreadState& ts, int64_t secs, bool utc, std::tm* tm) {
    auto t = static_cast<std::time_t>(secs);
    bool ok = utc ? gmtime_r(&t, tm) != nullptr : localtime_r(&t, tm) != nullptr;
    if (!ok) {
        raise(ts, ts.exc_types().ValueError, "year is out of range");
        return false;
    }
    int64_t year = int64_t(tm->tm_year) + 1900;
    if (year < kMinYear || year > kMaxYear) {
        raise_fmt(ts, ts.exc_types().ValueError, "year {} is out of range", year);
        return false;
    }
    return true;
}

Value dt_from_epoch(ThreadState& ts, TypeObject* type, int64_t secs, int us, Value tz) {
    std::tm tm{};
    if (!broken_down(ts, secs, !tz.is_none(), &tm)) return Value();
    Ref dt(make_datetime(ts, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
                         std::min(tm.tm_sec, 59), us, tz, 0, type));
    if (!dt || tz.is_none()) return dt.release();
    Ref name(make_str(ts, "fromutc"));
    return call_method(ts, tz, *name, {*dt});
}

Value dt_fromtimestamp(ThreadState& ts, Args args) {
    Value t, tz;
    if (!parse_args(ts, args.drop_first(), "fromtimestamp", {"timestamp", "|", "tz"}, {&t, &tz}))
        return Value();
    if (tz.is_null()) tz = Value::none();
    if (!check_tzinfo_arg(ts, tz)) return Value();
    int64_t secs;
    int us;
    if (!split_timestamp(ts, t, &secs, &us)) return Value();
    return dt_from_epoch(ts, cls_arg(args[0]), secs, us, tz);
}

Value dt_utcfromtimestamp(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "utcfromtimestamp", "utcfromtimestamp", 1, 1)) return Value();
    int64_t secs;
    int us;
    if (!split_timestamp(ts, args[1], &secs, &us)) return Value();
    std::tm tm{};
    if (!broken_down(ts, secs, true, &tm)) return Value();
    return make_datetime(ts, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
                         std::min(tm.tm_sec, 59), us, Value::none(), 0, cls_arg(args[0]));
}

void now_parts(int64_t* secs, int* us) {
    struct timespec spec;
    clock_gettime(CLOCK_REALTIME, &spec);
    *secs = spec.tv_sec;
    *us = static_cast<int>(spec.tv_nsec / 1000);
}

Value dt_now(ThreadState& ts, Args args) {
    Value tz;
    if (!parse_args(ts, args.drop_first(), "now", {"|", "tz"}, {&tz})) return Value();
    if (tz.is_null()) tz = Value::none();
    if (!check_tzinfo_arg(ts, tz)) return Value();
    int64_t secs;
    int us;
    now_parts(&secs, &us);
    return dt_from_epoch(ts, cls_arg(args[0]), secs, us, tz);
}

Value dt_today(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "today", "today", 0, 0)) return Value();
    int64_t secs;
    int us;
    now_parts(&secs, &us);
    return dt_from_epoch(ts, cls_arg(args[0]), secs, us, Value::none());
}

Value dt_utcnow(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "utcnow", "utcnow", 0, 0)) return Value();
    int64_t secs;
    int us;
    now_parts(&secs, &us);
    std::tm tm{};
    if (!broken_down(ts, secs, true, &tm)) return Value();
    return make_datetime(ts, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
                         std::min(tm.tm_sec, 59), us, Value::none(), 0, cls_arg(args[0]));
}

// Seconds since the epoch of a naive datetime read as local time.
bool local_to_epoch(ThreadState& ts, const DateTimeObject* p, int64_t* out) {
    std::tm tm{};
    tm.tm_year = p->year - 1900;
    tm.tm_mon = p->month - 1;
    tm.tm_mday = p->day;
    tm.tm_hour = p->hour;
    tm.tm_min = p->minute;
    tm.tm_sec = p->second;
    tm.tm_isdst = -1;
    tm.tm_wday = -1;
    std::time_t t = local_mktime(&tm);
    if (t == static_cast<std::time_t>(-1) && tm.tm_wday == -1) {
        raise(ts, ts.exc_types().OverflowError, "timestamp out of range for platform time_t");
        return false;
    }
    *out = t;
    return true;
}

Value dt_timestamp(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "timestamp", "timestamp", 0, 0)) return Value();
    DateTimeObject* p = dt_obj(args[0]);
    int64_t off;
    bool aware;
    if (!offset_us(ts, p->tzinfo, args[0], &off, &aware)) return Value();
    if (aware) {
        int64_t us = dt_to_us(p) - off - kEpochOrdinal * kUsPerDay;
        return make_float(ts, static_cast<double>(us) / 1e6);
    }
    int64_t secs;
    if (!local_to_epoch(ts, p, &secs)) return Value();
    return make_float(ts, static_cast<double>(secs) + p->us / 1e6);
}

// --- the other constructors ---

Value dt_combine(ThreadState& ts, Args args) {
    Value d, t, tz;
    if (!parse_args(ts, args.drop_first(), "combine", {"date", "time", "|", "tzinfo"},
                    {&d, &t, &tz}))
        return Value();
    if (!is_date(ts, d)) {
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "combine() argument 1 must be datetime.date, not {}", type_name(ts, d));
    }
    if (!is_time(ts, t)) {
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "combine() argument 2 must be datetime.time, not {}", type_name(ts, t));
    }
    TimeObject* tp = time_obj(t);
    if (tz.is_null()) tz = tp->tzinfo;
    if (!check_tzinfo_arg(ts, tz)) return Value();
    DateObject* dp = date_obj(d);
    return make_datetime(ts, dp->year, dp->month, dp->day, tp->hour, tp->minute, tp->second, tp->us,
                         tz, tp->fold, cls_arg(args[0]));
}

Value tz_from_offset(ThreadState& ts, bool has_tz, int64_t us) {
    if (!has_tz) return Value::none();
    Ref off(make_delta_us(ts, us));
    if (!off) return Value();
    return make_timezone(ts, *off, Value());
}

Value dt_fromisoformat(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "fromisoformat", "fromisoformat", 1, 1)) return Value();
    if (!is_str(ts, args[1]))
        return raise(ts, ts.exc_types().TypeError, "fromisoformat: argument must be str");
    ParsedIso p;
    if (!parse_iso_datetime(str_view(args[1]), &p)) {
        Ref r(obj_repr(ts, args[1]));
        if (!r) return Value();
        return raise_fmt(ts, ts.exc_types().ValueError, "Invalid isoformat string: {}",
                         str_view(*r));
    }
    if (!check_date_fields(ts, p.y, p.m, p.d) || !check_time_fields(ts, p.h, p.mi, p.s, p.us, 0))
        return Value();
    Ref tz(tz_from_offset(ts, p.has_tz, p.tz_us));
    if (!tz) return Value();
    return make_datetime(ts, p.y, p.m, p.d, p.h, p.mi, p.s, p.us, *tz, 0, cls_arg(args[0]));
}

Value dt_strptime(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "strptime", "strptime", 2, 2)) return Value();
    for (int i = 1; i <= 2; ++i) {
        if (!is_str(ts, args[i])) {
            return raise_fmt(ts, ts.exc_types().TypeError,
                             "strptime() argument {} must be str, not {}", i,
                             type_name(ts, args[i]));
        }
    }
    ParsedTime p;
    if (!strptime_parse(ts, str_view(args[1]), str_view(args[2]), &p)) return Value();
    Ref tz(tz_from_offset(ts, p.has_tz, p.tz_us));
    if (!tz) return Value();
    if (p.has_tz && p.tzname_set) {
        Ref off(make_delta_us(ts, p.tz_us));
        Ref name(off ? make_str(ts, p.tzname) : Value());
        if (!name) return Value();
        tz = Ref(call_n(ts, val(dt_types(ts).timezone), {*off, *name}));
        if (!tz) return Value();
    }
    return make_datetime(ts, p.year, p.month, p.day, p.hour, p.minute, p.second, p.us, *tz, 0,
                         cls_arg(args[0]));
}

// --- conversions ---

Value dt_date(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "date", "date", 0, 0)) return Value();
    DateTimeObject* p = dt_obj(args[0]);
    return make_date(ts, p->year, p->month, p->day);
}

Value dt_time(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "time", "time", 0, 0)) return Value();
    DateTimeObject* p = dt_obj(args[0]);
    return make_time(ts, p->hour, p->minute, p->second, p->us, Value::none(), p->fold);
}

Value dt_timetz(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "timetz", "timetz", 0, 0)) return Value();
    DateTimeObject* p = dt_obj(args[0]);
    return make_time(ts, p->hour, p->minute, p->second, p->us, p->tzinfo, p->fold);
}

Value dt_replace(ThreadState& ts, Args args) {
    Value yv, mv, dv, hv, miv, sv, uv, tz, fv;
    if (!parse_args(ts, args.drop_first(), "replace",
                    {"|", "year", "month", "day", "hour", "minute", "second", "microsecond",
                     "tzinfo", "$fold"},
                    {&yv, &mv, &dv, &hv, &miv, &sv, &uv, &tz, &fv}))
        return Value();
    DateTimeObject* p = dt_obj(args[0]);
    int64_t y = p->year, m = p->month, d = p->day, h = p->hour, mi = p->minute, s = p->second,
            us = p->us, fold = p->fold;
    if ((!yv.is_null() && !obj_index(ts, yv, &y)) || (!mv.is_null() && !obj_index(ts, mv, &m)) ||
        (!dv.is_null() && !obj_index(ts, dv, &d)) || (!hv.is_null() && !obj_index(ts, hv, &h)) ||
        (!miv.is_null() && !obj_index(ts, miv, &mi)) || (!sv.is_null() && !obj_index(ts, sv, &s)) ||
        (!uv.is_null() && !obj_index(ts, uv, &us)) || (!fv.is_null() && !obj_index(ts, fv, &fold)))
        return Value();
    if (tz.is_null()) tz = p->tzinfo;
    if (!check_date_fields(ts, y, m, d) || !check_time_fields(ts, h, mi, s, us, fold) ||
        !check_tzinfo_arg(ts, tz))
        return Value();
    return make_datetime(ts, static_cast<int>(y), static_cast<int>(m), static_cast<int>(d),
                         static_cast<int>(h), static_cast<int>(mi), static_cast<int>(s),
                         static_cast<int>(us), tz, static_cast<int>(fold), type_of(ts, args[0]));
}

// The local zone at `secs` as a fixed-offset timezone named by the C library.
Value local_timezone(ThreadState& ts, int64_t secs) {
    auto t = static_cast<std::time_t>(secs);
    std::tm tm{};
    if (!localtime_r(&t, &tm)) return raise_os_error(ts, errno);
    Ref off(make_delta(ts, 0, tm.tm_gmtoff, 0));
    Ref name(off ? make_str(ts, tm.tm_zone ? tm.tm_zone : "") : Value());
    if (!name) return Value();
    return call_n(ts, val(dt_types(ts).timezone), {*off, *name});
}

Value dt_astimezone(ThreadState& ts, Args args) {
    Value tz;
    if (!parse_args(ts, args.drop_first(), "astimezone", {"|", "tz"}, {&tz})) return Value();
    if (tz.is_null()) tz = Value::none();
    if (!check_tzinfo_arg(ts, tz)) return Value();
    Value self = args[0];
    DateTimeObject* p = dt_obj(self);
    if (p->tzinfo == tz && !tz.is_none()) return new_ref(self);
    int64_t off;
    bool aware;
    if (!offset_us(ts, p->tzinfo, self, &off, &aware)) return Value();
    int64_t utc_us;
    if (aware) {
        utc_us = dt_to_us(p) - off;
    } else {
        int64_t secs;
        if (!local_to_epoch(ts, p, &secs)) return Value();
        utc_us = (secs + kEpochOrdinal * 86400) * kUs + p->us;
    }
    Ref target;
    if (tz.is_none()) {
        target = Ref(local_timezone(ts, utc_us / kUs - kEpochOrdinal * 86400));
        if (!target) return Value();
    } else {
        target = Ref::borrow(tz);
    }
    Ref utc(dt_from_us(ts, utc_us, *target, type_of(ts, self)));
    if (!utc) return Value();
    Ref name(make_str(ts, "fromutc"));
    return call_method(ts, *target, *name, {*utc});
}

Value dt_utcoffset(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "utcoffset", "utcoffset", 0, 0)) return Value();
    Value out;
    if (!call_utcoffset(ts, dt_obj(args[0])->tzinfo, args[0], &out)) return Value();
    return out;
}

Value dt_dst(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "dst", "dst", 0, 0)) return Value();
    Value out;
    if (!call_dst(ts, dt_obj(args[0])->tzinfo, args[0], &out)) return Value();
    return out;
}

Value dt_tzname(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "tzname", "tzname", 0, 0)) return Value();
    return call_tzname(ts, dt_obj(args[0])->tzinfo, args[0]);
}

std::tm fields_tm(int y, int m, int d, int h, int mi, int s, int isdst) {
    std::tm tm{};
    tm.tm_year = y - 1900;
    tm.tm_mon = m - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = s;
    tm.tm_wday = (weekday_of(y, m, d) + 1) % 7;
    tm.tm_yday = days_before_month(y, m) + d - 1;
    tm.tm_isdst = isdst;
    return tm;
}

Value dt_timetuple(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "timetuple", "timetuple", 0, 0)) return Value();
    DateTimeObject* p = dt_obj(args[0]);
    Value dst;
    if (!call_dst(ts, p->tzinfo, args[0], &dst)) return Value();
    int isdst = dst.is_none() ? -1 : (delta_total_us(dst) != 0 ? 1 : 0);
    decref(dst);
    return struct_time_from_tm(
        ts, fields_tm(p->year, p->month, p->day, p->hour, p->minute, p->second, isdst));
}

Value dt_utctimetuple(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "utctimetuple", "utctimetuple", 0, 0)) return Value();
    DateTimeObject* p = dt_obj(args[0]);
    int64_t off;
    bool aware;
    if (!offset_us(ts, p->tzinfo, args[0], &off, &aware)) return Value();
    Fields f;
    if (!fields_from_us(ts, dt_to_us(p) - off, &f)) return Value();
    return struct_time_from_tm(ts, fields_tm(f.y, f.m, f.d, f.h, f.mi, f.s, 0));
}

Value dt_isoformat(ThreadState& ts, Args args) {
    Value sep, spec;
    if (!parse_args(ts, args.drop_first(), "isoformat", {"|", "sep", "timespec"}, {&sep, &spec}))
        return Value();
    std::string sep_text = "T";
    if (!sep.is_null()) {
        if (!is_str(ts, sep) || str_len(sep) != 1) {
            return raise_fmt(ts, ts.exc_types().TypeError,
                             "isoformat() argument 1 must be a unicode character, not {}",
                             type_name(ts, sep));
        }
        sep_text = str_view(sep);
    }
    if (!spec.is_null() && !is_str(ts, spec)) {
        return raise_fmt(ts, ts.exc_types().TypeError, "isoformat() argument 2 must be str, not {}",
                         type_name(ts, spec));
    }
    DateTimeObject* p = dt_obj(args[0]);
    bool ok;
    std::string time_text = format_time_part(p->hour, p->minute, p->second, p->us,
                                             spec.is_null() ? "auto" : str_view(spec), &ok);
    if (!ok) return raise(ts, ts.exc_types().ValueError, "Unknown timespec value");
    std::string out =
        fmt::format("{:04d}-{:02d}-{:02d}{}{}", p->year, p->month, p->day, sep_text, time_text);
    int64_t off;
    bool aware;
    if (!offset_us(ts, p->tzinfo, args[0], &off, &aware)) return Value();
    if (aware) out += format_offset(off, ":");
    return make_str(ts, out);
}

Value dt_str(ThreadState& ts, Value self) {
    Ref sep(make_str(ts, " "));
    if (!sep) return Value();
    Value argv[] = {self, *sep};
    return dt_isoformat(ts, Args{argv, 2, nullptr});
}

Value dt_ctime(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "ctime", "ctime", 0, 0)) return Value();
    DateTimeObject* p = dt_obj(args[0]);
    return make_str(ts, date_ctime_text(p->year, p->month, p->day, p->hour, p->minute, p->second));
}

Value dt_strftime_method(ThreadState& ts, Args args) {
    Value fmt;
    if (!parse_args(ts, args.drop_first(), "strftime", {"format"}, {&fmt})) return Value();
    if (!is_str(ts, fmt)) {
        return raise_fmt(ts, ts.exc_types().TypeError, "strftime() argument 1 must be str, not {}",
                         type_name(ts, fmt));
    }
    DateTimeObject* p = dt_obj(args[0]);
    std::tm tm = fields_tm(p->year, p->month, p->day, p->hour, p->minute, p->second, -1);
    return dt_strftime(ts, fmt, tm, p->us, p->tzinfo, args[0]);
}

Value reduce_with_proto(ThreadState& ts, Value self, int64_t proto) {
    DateTimeObject* p = dt_obj(self);
    uint8_t month = p->month | (proto > 3 && p->fold ? 0x80 : 0);
    char state[10] = {static_cast<char>(p->year >> 8),
                      static_cast<char>(p->year & 0xff),
                      static_cast<char>(month),
                      static_cast<char>(p->day),
                      static_cast<char>(p->hour),
                      static_cast<char>(p->minute),
                      static_cast<char>(p->second),
                      static_cast<char>((p->us >> 16) & 0xff),
                      static_cast<char>((p->us >> 8) & 0xff),
                      static_cast<char>(p->us & 0xff)};
    Ref b(make_bytes(ts, std::string_view(state, 10)));
    if (!b) return Value();
    Ref inner(p->tzinfo.is_none() ? tuple_pack(ts, {*b}) : tuple_pack(ts, {*b, p->tzinfo}));
    if (!inner) return Value();
    return tuple_pack(ts, {val(type_of(ts, self)), *inner});
}

Value dt_reduce(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "__reduce__", "__reduce__", 0, 0)) return Value();
    return reduce_with_proto(ts, args[0], 2);
}

Value dt_reduce_ex(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "__reduce_ex__", "__reduce_ex__", 1, 1)) return Value();
    int64_t proto;
    if (!obj_index(ts, args[1], &proto)) return Value();
    return reduce_with_proto(ts, args[0], proto);
}

Value dt_repr(ThreadState& ts, Value self) {
    DateTimeObject* p = dt_obj(self);
    std::string out = fmt::format("{}({}, {}, {}, {}, {}", repr_type_name(ts, self), p->year,
                                  p->month, p->day, p->hour, p->minute);
    if (p->second || p->us) out += fmt::format(", {}", p->second);
    if (p->us) out += fmt::format(", {}", p->us);
    if (p->fold) out += ", fold=1";
    if (!p->tzinfo.is_none()) {
        Ref r(obj_repr(ts, p->tzinfo));
        if (!r) return Value();
        out += fmt::format(", tzinfo={}", str_view(*r));
    }
    out += ')';
    return make_str(ts, out);
}

// The UTC-adjusted microseconds of two datetimes for comparison or
// subtraction; *mixed when one is naive and the other aware.
bool comparable_us(ThreadState& ts, Value a, Value b, int64_t* x, int64_t* y, bool* mixed) {
    DateTimeObject* p = dt_obj(a);
    DateTimeObject* q = dt_obj(b);
    *x = dt_to_us(p);
    *y = dt_to_us(q);
    *mixed = false;
    if (p->tzinfo == q->tzinfo) return true;
    int64_t ox, oy;
    bool ax, ay;
    if (!offset_us(ts, p->tzinfo, a, &ox, &ax) || !offset_us(ts, q->tzinfo, b, &oy, &ay))
        return false;
    *mixed = ax != ay;
    *x -= ox;
    *y -= oy;
    return true;
}

Value dt_richcompare(ThreadState& ts, Value a, Value b, CompareOp op) {
    if (!is_datetime(ts, a)) return Value::not_implemented();
    if (!is_datetime(ts, b)) {
        if (!is_date(ts, b)) return Value::not_implemented();
        if (op == CompareOp::Eq || op == CompareOp::Ne) return Value::boolean(op == CompareOp::Ne);
        return raise_fmt(ts, ts.exc_types().TypeError, "can't compare {} to {}", type_name(ts, a),
                         type_name(ts, b));
    }
    int64_t x, y;
    bool mixed;
    if (!comparable_us(ts, a, b, &x, &y, &mixed)) return Value();
    if (mixed) {
        if (op == CompareOp::Eq || op == CompareOp::Ne) return Value::boolean(op == CompareOp::Ne);
        return raise(ts, ts.exc_types().TypeError,
                     "can't compare offset-naive and offset-aware datetimes");
    }
    return compare_values(x, y, op);
}

bool dt_hash(ThreadState& ts, Value self, int64_t* out) {
    DateTimeObject* p = dt_obj(self);
    int64_t off;
    bool aware;
    if (!offset_us(ts, p->tzinfo, self, &off, &aware)) return false;
    uint64_t h = static_cast<uint64_t>(dt_to_us(p) - off) * 0x9E3779B97F4A7C15ull;
    auto r = static_cast<int64_t>(h >> 2);
    *out = r == -1 ? -2 : r;
    return true;
}

Value dt_add(ThreadState& ts, Value a, Value b) {
    Value d = is_datetime(ts, a) ? a : b;
    Value td = d == a ? b : a;
    if (!is_datetime(ts, d) || !is_delta(ts, td)) return Value::not_implemented();
    __int128 total = static_cast<__int128>(dt_to_us(dt_obj(d))) + delta_total_us(td);
    if (total < 0 || total > (static_cast<__int128>(kMaxOrdinal + 1) * kUsPerDay))
        return raise(ts, ts.exc_types().OverflowError, "date value out of range");
    return dt_from_us(ts, static_cast<int64_t>(total), dt_obj(d)->tzinfo, type_of(ts, d));
}

Value dt_sub(ThreadState& ts, Value a, Value b) {
    if (!is_datetime(ts, a)) return Value::not_implemented();
    if (is_delta(ts, b)) {
        __int128 total = static_cast<__int128>(dt_to_us(dt_obj(a))) - delta_total_us(b);
        if (total < 0 || total > (static_cast<__int128>(kMaxOrdinal + 1) * kUsPerDay))
            return raise(ts, ts.exc_types().OverflowError, "date value out of range");
        return dt_from_us(ts, static_cast<int64_t>(total), dt_obj(a)->tzinfo, type_of(ts, a));
    }
    if (!is_datetime(ts, b)) return Value::not_implemented();
    int64_t x, y;
    bool mixed;
    if (!comparable_us(ts, a, b, &x, &y, &mixed)) return Value();
    if (mixed) {
        return raise(ts, ts.exc_types().TypeError,
                     "can't subtract offset-naive and offset-aware datetimes");
    }
    return make_delta_us(ts, static_cast<__int128>(x) - y);
}

}  // namespace

Value make_datetime(ThreadState& ts, int y, int m, int d, int h, int mi, int s, int us, Value tz,
                    int fold, TypeObject* type) {
    DateTimeTypes& types = dt_types(ts);
    if (type && type != types.datetime) {
        Value argv[] = {
            Value::small_int(y),  Value::small_int(m), Value::small_int(d),  Value::small_int(h),
            Value::small_int(mi), Value::small_int(s), Value::small_int(us), tz};
        return call_subclass(ts, type, argv, 8, fold);
    }
    Fields f{y, m, d, h, mi, s, us};
    Object* o = alloc_dt(ts, types.datetime, f, tz, fold);
    return o ? Value::object(o) : Value();
}

TypeObject* make_datetime_type(Interpreter& interp, TypeObject* date) {
    TypeObject* t =
        native_type(interp, "datetime.datetime", "datetime", sizeof(DateTimeObject), date);
    t->new_ = dt_new;
    t->dealloc = dt_dealloc;
    t->repr = dt_repr;
    t->str = dt_str;
    t->hash = dt_hash;
    t->richcompare = dt_richcompare;
    t->nb[static_cast<int>(BinOp::Add)] = dt_add;
    t->nb[static_cast<int>(BinOp::Sub)] = dt_sub;
    type_add_methods(interp, t, kDateTimeMethods);
    type_add_getsets(interp, t, kDateTimeGetSets);
    type_ready(interp, t);
    return t;
}

void add_datetime_constants(Interpreter& interp, DateTimeTypes& types) {
    ThreadState& ts = interp.main_thread();
    Ref mn(make_datetime(ts, 1, 1, 1, 0, 0, 0, 0, Value::none()));
    Ref mx(make_datetime(ts, 9999, 12, 31, 23, 59, 59, 999999, Value::none()));
    Ref res(make_delta(ts, 0, 0, 1));
    type_set_attr_cstr(interp, types.datetime, "min", *mn);
    type_set_attr_cstr(interp, types.datetime, "max", *mx);
    type_set_attr_cstr(interp, types.datetime, "resolution", *res);
}

}  // namespace gilt
