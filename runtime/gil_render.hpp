// The GIL instruments' outputs, drawn from plain data: the -X gilstats table,
// the spans a thread's GIL events make, the ASCII and SVG timelines and the
// Chrome trace-event JSON (runtime/gil_instruments.cpp records the data and
// calls these at exit). Pure functions of their arguments, so that tests can
// draw a made-up run.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "runtime/gil.hpp"
#include "runtime/gil_instruments.hpp"

namespace gilt {

// One event of a thread's trace, as the trace hook recorded it.
struct TraceEvent {
    GilEvent event;
    GilClock::time_point when;
};

enum class SpanState : std::uint8_t { Running, Waiting, Blocked };

// A period a thread spent in one state. A thread's spans never overlap.
struct Span {
    SpanState state;
    GilClock::time_point begin, end;
    bool forced = false;  // a running span that ended because another thread asked
};

// What the timelines and the trace show: per thread (same index in each
// vector) its name, its spans and the moments it asked for a drop.
struct Timeline {
    GilClock::time_point begin, end;
    std::vector<std::string> names;
    std::vector<std::vector<Span>> spans;
    std::vector<std::vector<GilClock::time_point>> requests;
};

// The -X gilstats table, with a total row and the contended share.
std::string stats_table(const GilReport& report);
// A thread's events as spans (see the top of gil_render.cpp); a span still
// open at the end is closed at `end`.
std::vector<Span> spans_of(const std::vector<TraceEvent>& events, GilClock::time_point end);
// For each of `columns` equal parts of [begin, end): the SpanState the
// thread spent most of it in, as an int, or -1 for none.
std::vector<int> columns_of(const std::vector<Span>& spans, GilClock::time_point begin,
                            GilClock::time_point end, int columns);
// The terminal timeline (60 columns of '#', '.', '~') and the SVG picture.
std::string ascii_timeline(const Timeline& tl);
std::string svg_timeline(const Timeline& tl);
// Chrome trace-event JSON: one track per thread (`idents` gives each
// thread's ident, in the same order), "X" spans and "i" drop requests.
std::string chrome_trace(const Timeline& tl, const std::vector<std::uint64_t>& idents);

}  // namespace gilt
