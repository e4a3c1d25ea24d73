// The time module: clocks, sleep, and struct_time conversions.
//
// time.sleep() is the one blocking call here; it lives in sleep_blocking(),
// the one place where this module releases the GIL.
#include <cerrno>
#include <chrono>
#include <cmath>
#include <ctime>
#include <memory>
#include <string>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/errors.hpp"
#include "runtime/float.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/interrupts.hpp"
#include "runtime/locks.hpp"
#include "runtime/module.hpp"
#include "runtime/module_state.hpp"
#include "runtime/signals.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "stdlib/local_zone.hpp"
#include "stdlib/modules.hpp"
#include "stdlib/structseq.hpp"
#include "stdlib/time_module.hpp"

namespace gilt {

// --- struct_time ---

TypeObject* struct_time_type(Interpreter& interp) {
    static constexpr const char* kFields[] = {"tm_year", "tm_mon",  "tm_mday", "tm_hour", "tm_min",
                                              "tm_sec",  "tm_wday", "tm_yday", "tm_isdst"};
    return module_state<TypeObject*>(interp, "time.struct_time", [&](TypeObject*& t) {
        static constexpr const char* kExtra[] = {"tm_zone", "tm_gmtoff"};
        t = make_structseq_type(interp, "time", "struct_time", kFields, kExtra);
    });
}

Value struct_time_from_tm(ThreadState& ts, const std::tm& tm) {
    // A tm that did not come from the C library (strptime's) has no zone:
    // both extra fields are None then, as in CPython.
    Ref zone(tm.tm_zone ? make_str(ts, tm.tm_zone) : Value::none());
    if (!zone) return Value();
    return struct_time_from_tm(ts, tm, *zone,
                               tm.tm_zone ? Value::small_int(tm.tm_gmtoff) : Value::none());
}

Value struct_time_from_tm(ThreadState& ts, const std::tm& tm, Value zone, Value gmtoff) {
    Value items[9] = {Value::small_int(tm.tm_year + 1900),
                      Value::small_int(tm.tm_mon + 1),
                      Value::small_int(tm.tm_mday),
                      Value::small_int(tm.tm_hour),
                      Value::small_int(tm.tm_min),
                      Value::small_int(tm.tm_sec),
                      Value::small_int((tm.tm_wday + 6) % 7),
                      Value::small_int(tm.tm_yday + 1),
                      Value::small_int(tm.tm_isdst)};
    Value extras[2] = {zone, gmtoff};
    return structseq_new(ts, struct_time_type(ts.interp()), items, extras);
}

namespace {

Value time_time(ThreadState& ts, Args args);
Value time_time_ns(ThreadState& ts, Args args);
Value time_perf_counter(ThreadState& ts, Args args);
Value time_perf_counter_ns(ThreadState& ts, Args args);
Value time_process_time(ThreadState& ts, Args args);
Value time_process_time_ns(ThreadState& ts, Args args);
Value time_thread_time(ThreadState& ts, Args args);
Value time_sleep(ThreadState& ts, Args args);
Value time_localtime(ThreadState& ts, Args args);
Value time_gmtime(ThreadState& ts, Args args);
Value time_mktime(ThreadState& ts, Args args);
Value time_strftime(ThreadState& ts, Args args);
Value time_asctime(ThreadState& ts, Args args);
Value time_ctime(ThreadState& ts, Args args);

constexpr MethodDef kTimeFunctions[] = {
    {"time", time_time},
    {"time_ns", time_time_ns},
    {"perf_counter", time_perf_counter},
    {"perf_counter_ns", time_perf_counter_ns},
    {"monotonic", time_perf_counter},
    {"monotonic_ns", time_perf_counter_ns},
    {"process_time", time_process_time},
    {"process_time_ns", time_process_time_ns},
    {"thread_time", time_thread_time},
    {"sleep", time_sleep},
    {"localtime", time_localtime},
    {"gmtime", time_gmtime},
    {"mktime", time_mktime},
    {"strftime", time_strftime},
    {"asctime", time_asctime},
    {"ctime", time_ctime},
};

int64_t clock_ns(clockid_t clock) {
    timespec t;
    clock_gettime(clock, &t);
    return static_cast<int64_t>(t.tv_sec) * 1000000000 + t.tv_nsec;
}

double clock_seconds(clockid_t clock) {
    timespec t;
    clock_gettime(clock, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

Value time_time(ThreadState& ts, Args) {
    return make_float(ts, clock_seconds(CLOCK_REALTIME));
}
Value time_time_ns(ThreadState& ts, Args) {
    return make_int(ts, clock_ns(CLOCK_REALTIME));
}
Value time_perf_counter(ThreadState& ts, Args) {
    return make_float(ts, clock_seconds(CLOCK_MONOTONIC));
}
Value time_perf_counter_ns(ThreadState& ts, Args) {
    return make_int(ts, clock_ns(CLOCK_MONOTONIC));
}
Value time_process_time(ThreadState& ts, Args) {
    return make_float(ts, clock_seconds(CLOCK_PROCESS_CPUTIME_ID));
}
Value time_process_time_ns(ThreadState& ts, Args) {
    return make_int(ts, clock_ns(CLOCK_PROCESS_CPUTIME_ID));
}
Value time_thread_time(ThreadState& ts, Args) {
    return make_float(ts, clock_seconds(CLOCK_THREAD_CPUTIME_ID));
}

// The blocking part of sleep(), with the GIL released: one nanosleep of at
// most kSignalPollInterval (a SIGINT may be delivered to another thread, so
// the main thread cannot rely on EINTR and looks at interrupt_pending() between
// slices, as the lock waits do). Returns false when a signal is pending.
bool sleep_blocking(ThreadState& ts, std::chrono::steady_clock::time_point deadline) {
    GilRelease released(ts);
    auto left = deadline - std::chrono::steady_clock::now();
    if (left > kSignalPollInterval) left = kSignalPollInterval;
    if (left.count() > 0) {
        auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(left).count();
        timespec req{static_cast<time_t>(ns / 1000000000), static_cast<long>(ns % 1000000000)};
        nanosleep(&req, nullptr);
    }
    return !interrupt_pending(ts);
}

// Sleeps `seconds`; a signal runs the Python-level handlers, so Ctrl-C
// raises KeyboardInterrupt out of time.sleep as in CPython.
bool sleep_for(ThreadState& ts, double seconds) {
    auto deadline = std::chrono::steady_clock::now() +
                    std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                        std::chrono::duration<double>(seconds));
    for (;;) {
        if (!sleep_blocking(ts, deadline) && !run_pending_interrupts(ts)) return false;
        if (std::chrono::steady_clock::now() >= deadline) return true;
    }
}

// A number of seconds: int or float (anything with __index__ or __float__
// that CPython's _PyTime_FromObject accepts); TypeError otherwise.
bool seconds_arg(ThreadState& ts, Value v, double* out) {
    if (is_int(v) || is_float(v)) return obj_as_double(ts, v, out);
    TypeObject* t = type_of(ts, v);
    if (t->nb_float) return obj_as_double(ts, v, out);
    int64_t i;
    if (!obj_index(ts, v, &i)) return false;
    *out = static_cast<double>(i);
    return true;
}

Value time_sleep(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "sleep", 1, 1)) return Value();
    double secs;
    if (!time_arg_seconds(ts, args[0], 1e9, &secs)) return Value();
    if (secs < 0) return raise(ts, ts.exc_types().ValueError, "sleep length must be non-negative");
    if (!sleep_for(ts, secs)) return Value();
    return Value::none();
}

// The optional `secs` argument of localtime/gmtime/ctime: now when absent or None.
bool time_t_arg(ThreadState& ts, Args args, const char* fname, time_t* out) {
    if (!check_nargs(ts, args, fname, 0, 1)) return false;
    if (args.n == 0 || args[0].is_none()) {
        *out = ::time(nullptr);
        return true;
    }
    double secs;
    if (!seconds_arg(ts, args[0], &secs)) return false;
    if (std::isnan(secs)) {
        raise(ts, ts.exc_types().ValueError, "Invalid value NaN (not a number)");
        return false;
    }
    secs = std::floor(secs);
    // A double outside time_t's range has no time_t value (casting it is undefined).
    if (!(secs >= -9223372036854775808.0 && secs < 9223372036854775808.0)) {
        raise(ts, ts.exc_types().OverflowError, "timestamp out of range for platform time_t");
        return false;
    }
    *out = static_cast<time_t>(secs);
    return true;
}

Value time_localtime(ThreadState& ts, Args args) {
    time_t t;
    if (!time_t_arg(ts, args, "localtime", &t)) return Value();
    std::tm tm{};
    if (!localtime_r(&t, &tm)) return raise_os_error(ts, errno);
    return struct_time_from_tm(ts, tm);
}

Value time_gmtime(ThreadState& ts, Args args) {
    time_t t;
    if (!time_t_arg(ts, args, "gmtime", &t)) return Value();
    std::tm tm{};
    if (!gmtime_r(&t, &tm)) return raise_os_error(ts, errno);
    return struct_time_from_tm(ts, tm);
}

// A struct_time or 9-tuple back to a C tm.
bool tm_from_tuple(ThreadState& ts, Value v, const char* fname, std::tm* tm) {
    if (!is_tuple(ts, v)) {
        raise(ts, ts.exc_types().TypeError, "Tuple or struct_time argument required");
        return false;
    }
    if (tuple_size(v) != 9) {
        raise_fmt(ts, ts.exc_types().TypeError, "{}(): illegal time tuple argument", fname);
        return false;
    }
    int64_t f[9];
    for (int i = 0; i < 9; ++i) {
        if (!obj_index(ts, tuple_item(v, i), &f[i])) return false;
    }
    *tm = std::tm{};
    tm->tm_year = static_cast<int>(f[0] - 1900);
    tm->tm_mon = static_cast<int>(f[1] - 1);
    tm->tm_mday = static_cast<int>(f[2]);
    tm->tm_hour = static_cast<int>(f[3]);
    tm->tm_min = static_cast<int>(f[4]);
    tm->tm_sec = static_cast<int>(f[5]);
    tm->tm_wday = static_cast<int>((f[6] + 1) % 7);
    tm->tm_yday = static_cast<int>(f[7] - 1);
    tm->tm_isdst = static_cast<int>(f[8]);
    return true;
}

// The optional struct_time argument of strftime/asctime: localtime() when absent.
bool tm_arg(ThreadState& ts, Value v, const char* fname, std::tm* tm) {
    if (v.is_null()) {
        time_t now = ::time(nullptr);
        localtime_r(&now, tm);
        return true;
    }
    return tm_from_tuple(ts, v, fname, tm);
}

Value time_mktime(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "mktime", 1, 1)) return Value();
    std::tm tm;
    if (!tm_from_tuple(ts, args[0], "mktime", &tm)) return Value();
    tm.tm_wday = -1;
    time_t t = local_mktime(&tm);
    if (t == static_cast<time_t>(-1) && tm.tm_wday == -1) {
        return raise(ts, ts.exc_types().OverflowError, "mktime argument out of range");
    }
    return make_float(ts, static_cast<double>(t));
}

Value time_strftime(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "strftime", 1, 2)) return Value();
    if (!is_str(ts, args[0])) {
        return raise_fmt(ts, ts.exc_types().TypeError, "strftime() argument 1 must be str, not {}",
                         type_name(ts, args[0]));
    }
    std::tm tm;
    if (!tm_arg(ts, args.n == 2 ? args[1] : Value(), "strftime", &tm)) return Value();
    std::string_view format = str_view(args[0]);
    if (format.find('\0') != std::string_view::npos)
        return raise(ts, ts.exc_types().ValueError, "embedded null character");
    std::string out;
    if (!strftime_text(ts, format, tm, &out)) return Value();
    return make_str(ts, out);
}

std::string asctime_text(const std::tm& tm) {
    static const char* const kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return fmt::format("{} {}{:3d} {:02d}:{:02d}:{:02d} {}", kDays[((tm.tm_wday % 7) + 7) % 7],
                       kMonths[((tm.tm_mon % 12) + 12) % 12], tm.tm_mday, tm.tm_hour, tm.tm_min,
                       tm.tm_sec, tm.tm_year + 1900);
}

Value time_asctime(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "asctime", 0, 1)) return Value();
    std::tm tm;
    if (!tm_arg(ts, args.n ? args[0] : Value(), "asctime", &tm)) return Value();
    return make_str(ts, asctime_text(tm));
}

Value time_ctime(ThreadState& ts, Args args) {
    time_t t;
    if (!time_t_arg(ts, args, "ctime", &t)) return Value();
    std::tm tm{};
    if (!localtime_r(&t, &tm)) return raise_os_error(ts, errno);
    return make_str(ts, asctime_text(tm));
}

}  // namespace

bool add_zone_info(ThreadState& ts, Value m) {
    LocalZone zone = local_zone();
    Ref std_name(make_str(ts, zone.std_name));
    Ref dst_name(make_str(ts, zone.dst_name));
    if (!std_name || !dst_name) return false;
    Ref zone_names(tuple_pack(ts, {*std_name, *dst_name}));
    if (!zone_names) return false;
    return module_add_value(ts, m, "tzname", *zone_names) &&
           module_add_steal(ts, m, "timezone", make_int(ts, zone.utc_offset)) &&
           module_add_steal(
               ts, m, "altzone",
               make_int(ts, zone.has_dst ? zone.utc_offset - 3600 : zone.utc_offset)) &&
           module_add_steal(ts, m, "daylight", make_int(ts, zone.has_dst ? 1 : 0));
}

// CPython's sizes: a buffer of 1024 bytes, doubled while the text does not
// fit, until it reaches 256 bytes per byte of format, where the answer is
// '' (a '%1000000Y' gives '' there, not a million digits). strftime(3)
// returns 0 both for "too small" and for an empty text, so a marker byte
// after the format tells them apart; the buffer gets one byte more for it,
// which keeps the fit rule CPython's (text shorter than the buffer).
bool strftime_text(ThreadState& ts, std::string_view format, const std::tm& tm, std::string* out) {
    std::string marked;
    if (!append_checked(ts, marked, format) || !append_checked(ts, marked, "|")) return false;
    uint64_t give_up = 256 * uint64_t(format.size());
    std::string buffer;
    for (uint64_t size = 1024;; size *= 2) {
        buffer = std::string();  // the smaller one goes before the larger is asked for
        if (!reserve_more(ts, buffer, size + 1)) return false;
        buffer.resize(size + 1);
        std::size_t n = std::strftime(buffer.data(), buffer.size(), marked.c_str(), &tm);
        if (n > 0) {
            buffer.resize(n - 1);
            *out = std::move(buffer);
            return true;
        }
        if (size >= give_up) {
            out->clear();
            return true;
        }
    }
}

Value init_time_module(ThreadState& ts) {
    Ref m(module_new(ts, "time"));
    if (!m || !module_add_functions(ts, *m, kTimeFunctions)) return Value();
    if (!module_add_value(ts, *m, "struct_time", val(struct_time_type(ts.interp()))))
        return Value();
    if (!add_zone_info(ts, *m) || !add_time_extras(ts, *m)) return Value();
    return m.release();
}

}  // namespace gilt
