// The rest of the time module beside time.cpp's clocks and conversions:
// strptime (over datetime's parser, datetime_format.cpp), the POSIX clock
// calls with their CLOCK_* ids, get_clock_info, tzset and thread_time_ns.
#include <ctime>
#include <string>

#include "interp/vm/import.hpp"
#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/float.hpp"
#include "runtime/int.hpp"
#include "runtime/module.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "stdlib/datetime.hpp"
#include "stdlib/local_zone.hpp"
#include "stdlib/namespace.hpp"
#include "stdlib/time_module.hpp"

namespace gilt {

namespace {

Value time_strptime(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "strptime", 1, 2)) return Value();
    for (uint32_t i = 0; i < args.n; ++i) {
        if (!is_str(ts, args[i])) {
            // _strptime's wording: a 0-based index and the type's repr.
            return raise_fmt(ts, ts.exc_types().TypeError,
                             "strptime() argument {} must be str, not <class '{}'>", i,
                             type_name(ts, args[i]));
        }
    }
    std::string_view format = args.n == 2 ? str_view(args[1]) : "%a %b %d %H:%M:%S %Y";
    ParsedTime p;
    if (!strptime_parse(ts, str_view(args[0]), format, &p)) return Value();
    std::tm tm{};
    tm.tm_year = p.year - 1900;
    tm.tm_mon = p.month - 1;
    tm.tm_mday = p.day;
    tm.tm_hour = p.hour;
    tm.tm_min = p.minute;
    tm.tm_sec = p.second;
    tm.tm_wday = (weekday_of(p.year, p.month, p.day) + 1) % 7;
    tm.tm_yday = days_before_month(p.year, p.month) + p.day - 1;
    tm.tm_isdst = -1;
    if (p.tzname_set) {
        LocalZone zone = local_zone();
        std::string lower;
        for (char c : p.tzname) lower += static_cast<char>(std::tolower(c));
        std::string dst_name = zone.dst_name;
        for (char& c : dst_name) c = static_cast<char>(std::tolower(c));
        tm.tm_isdst = zone.has_dst && lower == dst_name ? 1 : 0;
    }
    // tm_zone is the name %Z matched, tm_gmtoff the seconds of %z's offset
    // (its fraction dropped, toward zero), each None when not parsed.
    Ref zone(p.tzname_set ? make_str(ts, p.tzname) : Value::none());
    Ref gmtoff(p.has_tz ? make_int(ts, p.tz_us / 1000000) : Value::none());
    if (!zone || !gmtoff) return Value();
    return struct_time_from_tm(ts, tm, *zone, *gmtoff);
}

bool clock_id_arg(ThreadState& ts, Args args, const char* name, clockid_t* out) {
    if (!check_nargs(ts, args, name, 1, 1)) return false;
    int64_t id;
    if (!obj_index(ts, args[0], &id)) return false;
    *out = static_cast<clockid_t>(id);
    return true;
}

Value time_clock_gettime(ThreadState& ts, Args args) {
    clockid_t id;
    if (!clock_id_arg(ts, args, "clock_gettime", &id)) return Value();
    timespec t;
    if (clock_gettime(id, &t) != 0) return raise_os_error(ts, errno);
    return make_float(ts, static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9);
}

Value time_clock_gettime_ns(ThreadState& ts, Args args) {
    clockid_t id;
    if (!clock_id_arg(ts, args, "clock_gettime_ns", &id)) return Value();
    timespec t;
    if (clock_gettime(id, &t) != 0) return raise_os_error(ts, errno);
    return make_int(ts, static_cast<int64_t>(t.tv_sec) * 1000000000 + t.tv_nsec);
}

Value time_clock_getres(ThreadState& ts, Args args) {
    clockid_t id;
    if (!clock_id_arg(ts, args, "clock_getres", &id)) return Value();
    timespec t;
    if (clock_getres(id, &t) != 0) return raise_os_error(ts, errno);
    return make_float(ts, static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9);
}

Value time_thread_time_ns(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "thread_time_ns", 0, 0)) return Value();
    timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return make_int(ts, static_cast<int64_t>(t.tv_sec) * 1000000000 + t.tv_nsec);
}

Value time_tzset(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "tzset", 0, 0)) return Value();
    Ref time_module(import_by_name(ts, "time"));
    if (!time_module || !add_zone_info(ts, *time_module)) return Value();
    return Value::none();
}

struct ClockInfo {
    const char* name;
    const char* implementation;
    clockid_t id;
    bool monotonic, adjustable;
};

constexpr ClockInfo kClocks[] = {
    {"time", "clock_gettime(CLOCK_REALTIME)", CLOCK_REALTIME, false, true},
    {"monotonic", "clock_gettime(CLOCK_MONOTONIC)", CLOCK_MONOTONIC, true, false},
    {"perf_counter", "clock_gettime(CLOCK_MONOTONIC)", CLOCK_MONOTONIC, true, false},
    {"process_time", "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", CLOCK_PROCESS_CPUTIME_ID, true,
     false},
    {"thread_time", "clock_gettime(CLOCK_THREAD_CPUTIME_ID)", CLOCK_THREAD_CPUTIME_ID, true, false},
};

Value time_get_clock_info(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "get_clock_info", 1, 1)) return Value();
    if (!is_str(ts, args[0])) {
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "get_clock_info() argument 1 must be str, not {}", type_name(ts, args[0]));
    }
    for (const ClockInfo& c : kClocks) {
        if (str_view(args[0]) != c.name) continue;
        timespec res;
        clock_getres(c.id, &res);
        Ref d(dict_new(ts));
        Ref impl(make_str(ts, c.implementation));
        Ref resolution(make_float(
            ts, static_cast<double>(res.tv_sec) + static_cast<double>(res.tv_nsec) * 1e-9));
        if (!d || !impl || !resolution) return Value();
        if (!dict_set_cstr(ts, *d, "implementation", *impl) ||
            !dict_set_cstr(ts, *d, "monotonic", Value::boolean(c.monotonic)) ||
            !dict_set_cstr(ts, *d, "adjustable", Value::boolean(c.adjustable)) ||
            !dict_set_cstr(ts, *d, "resolution", *resolution))
            return Value();
        return make_namespace(ts, *d);
    }
    return raise(ts, ts.exc_types().ValueError, "unknown clock");
}

constexpr MethodDef kTimeExtraFunctions[] = {
    {"strptime", time_strptime},
    {"clock_gettime", time_clock_gettime},
    {"clock_gettime_ns", time_clock_gettime_ns},
    {"clock_getres", time_clock_getres},
    {"thread_time_ns", time_thread_time_ns},
    {"tzset", time_tzset},
    {"get_clock_info", time_get_clock_info},
};

struct ClockConstant {
    const char* name;
    clockid_t id;
};

constexpr ClockConstant kClockIds[] = {
    {"CLOCK_REALTIME", CLOCK_REALTIME},
    {"CLOCK_MONOTONIC", CLOCK_MONOTONIC},
    {"CLOCK_MONOTONIC_RAW", CLOCK_MONOTONIC_RAW},
    {"CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID},
    {"CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID},
    {"CLOCK_BOOTTIME", CLOCK_BOOTTIME},
    {"CLOCK_TAI", CLOCK_TAI},
};

}  // namespace

bool add_time_extras(ThreadState& ts, Value module) {
    if (!module_add_functions(ts, module, kTimeExtraFunctions)) return false;
    for (const ClockConstant& c : kClockIds) {
        if (!module_add_value(ts, module, c.name, Value::small_int(c.id))) return false;
    }
    return true;
}

}  // namespace gilt
