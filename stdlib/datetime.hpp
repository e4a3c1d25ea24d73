// The datetime module (CPython's _datetime): layouts and the helpers the
// per-type files share.
//
// Calendar arithmetic is proleptic Gregorian over years 1..9999, counted in
// ordinals (day 1 is 0001-01-01), as the module documents. A datetime begins
// with a date's fields so that date's methods read it unchanged (datetime is
// a subclass of date). Objects are immutable; the tzinfo member is the only
// reference they own.
//
// Files: datetime_module.cpp (the module, tzinfo and timezone),
// datetime_delta.cpp, datetime_date.cpp, datetime_time.cpp,
// datetime_datetime.cpp, datetime_format.cpp (isoformat parsing, strftime,
// strptime).
#pragma once

#include <cstdint>
#include <ctime>
#include <string>
#include <string_view>

#include "runtime/compare_ordered.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"
#include "runtime/type.hpp"

namespace gilt {

inline constexpr int kMinYear = 1;
inline constexpr int kMaxYear = 9999;
inline constexpr int64_t kMaxDeltaDays = 999999999;
inline constexpr int64_t kMaxOrdinal = 3652059;  // 9999-12-31

struct DeltaObject {
    Object hdr;
    int64_t days;      // -999999999..999999999
    int32_t seconds;   // 0..86399
    int32_t us;        // 0..999999
    int64_t hashcode;  // -1 until computed
};

struct DateObject {
    Object hdr;
    int32_t year;
    uint8_t month, day;
};

struct DateTimeObject {
    Object hdr;
    int32_t year;  // the date part first: date's methods read a datetime
    uint8_t month, day;
    uint8_t hour, minute, second, fold;
    int32_t us;
    Value tzinfo;  // None or a tzinfo (owned)
};

struct TimeObject {
    Object hdr;
    uint8_t hour, minute, second, fold;
    int32_t us;
    Value tzinfo;
};

struct TimezoneObject {
    Object hdr;
    Value offset;  // a timedelta (owned)
    Value name;    // str or null (owned)
};

struct DateTimeTypes {
    TypeObject* delta = nullptr;
    TypeObject* date = nullptr;
    TypeObject* datetime = nullptr;
    TypeObject* time = nullptr;
    TypeObject* tzinfo = nullptr;
    TypeObject* timezone = nullptr;
    TypeObject* isocal = nullptr;
    Value utc;  // timezone.utc, owned by timezone's dict
};

// The types of this interpreter, made on first use.
DateTimeTypes& datetime_types(Interpreter& interp);
inline DateTimeTypes& dt_types(ThreadState& ts) {
    return datetime_types(ts.interp());
}

inline DeltaObject* delta_obj(Value v) noexcept {
    return reinterpret_cast<DeltaObject*>(v.as_object());
}
inline DateObject* date_obj(Value v) noexcept {
    return reinterpret_cast<DateObject*>(v.as_object());
}
inline DateTimeObject* dt_obj(Value v) noexcept {
    return reinterpret_cast<DateTimeObject*>(v.as_object());
}
inline TimeObject* time_obj(Value v) noexcept {
    return reinterpret_cast<TimeObject*>(v.as_object());
}

bool is_delta(ThreadState& ts, Value v);
bool is_date(ThreadState& ts, Value v);  // datetimes too
bool is_datetime(ThreadState& ts, Value v);
bool is_time(ThreadState& ts, Value v);
bool is_tzinfo(ThreadState& ts, Value v);

// --- calendar arithmetic (datetime_date.cpp) ---
bool is_leap(int64_t y) noexcept;
int days_in_month(int64_t y, int m) noexcept;
int64_t days_before_year(int64_t y) noexcept;
int days_before_month(int64_t y, int m) noexcept;
int64_t ymd_to_ord(int64_t y, int m, int d) noexcept;
void ord_to_ymd(int64_t ord, int* y, int* m, int* d) noexcept;
int weekday_of(int64_t y, int m, int d) noexcept;  // Monday 0
// The ordinal of the Monday starting ISO week 1 of `year`.
int64_t iso_week1_monday(int64_t year) noexcept;
// Range checks with CPython's messages.
[[nodiscard]] bool check_date_fields(ThreadState& ts, int64_t y, int64_t m, int64_t d);
[[nodiscard]] bool check_time_fields(ThreadState& ts, int64_t h, int64_t mi, int64_t s, int64_t us,
                                     int64_t fold);
[[nodiscard]] bool check_tzinfo_arg(ThreadState& ts, Value tz);

// --- constructors (new references, or null with an exception) ---
Value make_delta(ThreadState& ts, int64_t days, int64_t seconds, int64_t us,
                 TypeObject* type = nullptr);
// From a total count of microseconds; OverflowError beyond the range.
Value make_delta_us(ThreadState& ts, __int128 us, TypeObject* type = nullptr);
__int128 delta_total_us(Value delta) noexcept;
Value make_date(ThreadState& ts, int y, int m, int d, TypeObject* type = nullptr);
Value make_datetime(ThreadState& ts, int y, int m, int d, int h, int mi, int s, int us, Value tz,
                    int fold = 0, TypeObject* type = nullptr);
Value make_time(ThreadState& ts, int h, int mi, int s, int us, Value tz, int fold = 0,
                TypeObject* type = nullptr);
Value make_timezone(ThreadState& ts, Value offset, Value name);
// A constructor that honours subclasses: calls `type(args...)` unless type
// is the builtin one (then the fast constructor is used by the caller).
Value call_type(ThreadState& ts, TypeObject* type, std::initializer_list<Value> args);
// type(*argv[:n], fold=fold) for a time or datetime subclass (n <= 8).
Value call_subclass(ThreadState& ts, TypeObject* type, const Value* argv, uint32_t n, int fold);

// --- tzinfo calls ---
// tz.utcoffset(arg) / tz.dst(arg), checked to be None or a timedelta of less
// than a day. *out receives a new reference (None when tz is None).
[[nodiscard]] bool call_utcoffset(ThreadState& ts, Value tz, Value arg, Value* out);
[[nodiscard]] bool call_dst(ThreadState& ts, Value tz, Value arg, Value* out);
Value call_tzname(ThreadState& ts, Value tz, Value arg);

// The offset in microseconds of an aware datetime/time; *aware false when
// naive (utcoffset None).
[[nodiscard]] bool offset_us(ThreadState& ts, Value tz, Value arg, int64_t* us, bool* aware);

// --- formatting (datetime_format.cpp) ---
// "+HH:MM[:SS[.ffffff]]" with `sep` between the parts ("" for %z).
std::string format_offset(int64_t us, std::string_view sep);
std::string format_time_part(int h, int mi, int s, int us, std::string_view timespec, bool* ok);
// strftime of any of the three types: %z %Z %f are expanded here (from tz's
// utcoffset/tzname called with tzarg), the rest by the C library.
Value dt_strftime(ThreadState& ts, Value fmt, const std::tm& tm, int us, Value tz, Value tzarg);
Value dt_format_method(ThreadState& ts, Args args);  // __format__

struct ParsedIso {
    int y = 0, m = 0, d = 0;
    int h = 0, mi = 0, s = 0, us = 0;
    bool has_tz = false;
    int64_t tz_us = 0;
};
bool parse_iso_date(std::string_view s, ParsedIso* out);
bool parse_iso_time(std::string_view s, ParsedIso* out);
bool parse_iso_datetime(std::string_view s, ParsedIso* out);

// strptime: fills the fields; tz_us valid when has_tz. Raises ValueError with
// CPython's messages.
struct ParsedTime {
    int year = 1900, month = 1, day = 1, hour = 0, minute = 0, second = 0, us = 0;
    int weekday = -1, julian = -1;
    bool has_tz = false;
    int64_t tz_us = 0;
    std::string tzname;
    bool tzname_set = false;
};
[[nodiscard]] bool strptime_parse(ThreadState& ts, std::string_view data, std::string_view format,
                                  ParsedTime* out);

// "Wed Jan  1 00:00:00 2020" (date.ctime and datetime.ctime).
std::string date_ctime_text(int y, int m, int d, int h, int mi, int s);

// --- type construction, one per file ---
TypeObject* make_delta_type(Interpreter& interp);
TypeObject* make_date_type(Interpreter& interp);
TypeObject* make_datetime_type(Interpreter& interp, TypeObject* date);
TypeObject* make_time_type(Interpreter& interp);
// After all types exist: min/max/resolution class attributes.
void add_delta_constants(Interpreter& interp, DateTimeTypes& t);
void add_date_constants(Interpreter& interp, DateTimeTypes& t);
void add_time_constants(Interpreter& interp, DateTimeTypes& t);
void add_datetime_constants(Interpreter& interp, DateTimeTypes& t);

// The result of comparing x with y by `op`, as a bool Value (one place for
// the comparison slots of every type of the module).
inline Value compare_values(int64_t x, int64_t y, CompareOp op) noexcept {
    return compare_ordered(x, y, op);
}

// The name shown in repr: "datetime.date" for the builtin type, the class
// name for a subclass (CPython's tp_name).
std::string_view repr_type_name(ThreadState& ts, Value self);
// Allocates an instance of `type` (gc-tracked if the type says so).
Object* alloc_instance(ThreadState& ts, TypeObject* type);
TypeObject* native_type(Interpreter& interp, const char* dotted, const char* name,
                        uint32_t basicsize, TypeObject* base);

}  // namespace gilt
