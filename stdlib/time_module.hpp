// What the time module shares with other native modules (datetime's
// timetuple, strptime).
#pragma once

#include <ctime>
#include <string>
#include <string_view>

#include "runtime/interpreter.hpp"
#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"
#include "runtime/type.hpp"

namespace gilt {

// time.struct_time, made once per interpreter.
TypeObject* struct_time_type(Interpreter& interp);
// A struct_time from a C tm (tm_wday Sunday 0 and tm_yday from 0, as C has
// them; the struct_time counts from Monday 0 and day 1).
Value struct_time_from_tm(ThreadState& ts, const std::tm& tm);
// Same, with tm_zone and tm_gmtoff given (borrowed; None when unknown): what
// time.strptime knows of the zone is what %Z and %z matched, not tm's fields.
Value struct_time_from_tm(ThreadState& ts, const std::tm& tm, Value zone, Value gmtoff);

// strftime(3) of `format` (no NUL in it) into `*out`, with the buffer
// sized as CPython's time.strftime sizes it; every buffer is checked, so a
// huge result is MemoryError (false, pending) rather than an abort.
// datetime's strftime ends here too, as CPython's goes through time.strftime.
[[nodiscard]] bool strftime_text(ThreadState& ts, std::string_view format, const std::tm& tm,
                                 std::string* out);

// Adds strptime, the clock_* calls, CLOCK_* ids, get_clock_info, tzset and
// thread_time_ns to the module (time_extras.cpp).
[[nodiscard]] bool add_time_extras(ThreadState& ts, Value module);

// Sets tzname, timezone, altzone and daylight on the module from the zone TZ
// names now (at import, and again by time.tzset()).
[[nodiscard]] bool add_zone_info(ThreadState& ts, Value module);

}  // namespace gilt
