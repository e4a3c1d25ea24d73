// The local time zone as the C library keeps it, read safely.
//
// tzname, timezone and daylight are process-wide variables that tzset()
// rewrites, and glibc's mktime() calls tzset() itself. Several interpreters
// may run in one process, each on its own GIL, so two of them could read
// tzname while the other rewrites it. Every call here takes one process-wide
// mutex; nothing in gilt calls tzset() or mktime() or reads those variables
// any other way. localtime_r() does not rewrite them and needs no lock.
#pragma once

#include <ctime>
#include <string>

namespace gilt {

struct LocalZone {
    std::string std_name;  // tzname[0]
    std::string dst_name;  // tzname[1]
    long utc_offset = 0;   // seconds west of UTC, as C's timezone
    bool has_dst = false;  // C's daylight
};

// Re-reads TZ (tzset) and returns the zone it names.
LocalZone local_zone();

// mktime(), under the same lock, because it may rewrite tzname.
std::time_t local_mktime(std::tm* tm);

}  // namespace gilt
