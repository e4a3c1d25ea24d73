#include "stdlib/local_zone.hpp"

#include <mutex>

namespace gilt {

namespace {

// Process-wide on purpose: it guards the C library's process-wide zone
// variables, which every interpreter in the process shares.
std::mutex& zone_mutex() {
    static std::mutex m;
    return m;
}

}  // namespace

LocalZone local_zone() {
    std::lock_guard<std::mutex> hold(zone_mutex());
    tzset();
    LocalZone z;
    z.std_name = tzname[0];
    z.dst_name = tzname[1];
    z.utc_offset = timezone;
    z.has_dst = daylight != 0;
    return z;
}

std::time_t local_mktime(std::tm* tm) {
    std::lock_guard<std::mutex> hold(zone_mutex());
    return ::mktime(tm);
}

}  // namespace gilt
