// The GIL's teaching instruments drawn: statistics table, Chrome trace, timelines.
//
// Every output is built from the same two sources. The statistics come from
// GilStats (kept by the Gil) and Gil::totals(). The trace and the timelines
// come from each thread's list of GIL events, turned into spans of three
// states by spans_of():
//
//     Wait ........ Take ======== Drop [Block ~~~~~~~~ Wait/Take]
//     waiting       running              blocked (GIL released for I/O)
//
// A Drop without Block (a forced switch, the thread's end) starts no span: the
// thread is not after the GIL then. A DropRequest is an instant on the track
// of the thread that asked. The spans of one thread never overlap, since one
// thread's events come one after the other.
//
// The timelines cut the run into equal columns and draw in each the state a
// thread spent most of that column in (blank if none): 60 characters for the
// terminal, one per pixel for the SVG, where runs of one state become one
// rectangle. Both are a summary: a switch shorter than a column is averaged
// away, which the trace keeps.
#include "runtime/gil_render.hpp"

#include <algorithm>
#include <array>
#include <cinttypes>
#include <cstdio>
#include <fstream>

namespace gilt {

namespace {

using std::chrono::nanoseconds;

double seconds(nanoseconds ns) {
    return std::chrono::duration<double>(ns).count();
}

std::string format(const char* fmt, auto... args) {
    char buffer[256];
    std::snprintf(buffer, sizeof buffer, fmt, args...);
    return buffer;
}

}  // namespace

std::string stats_table(const GilReport& report) {
    std::string out = format("gilt: GIL statistics: wall time %.3f s, %" PRIu64 " switches\n",
                             seconds(report.wall), report.switches);
    out += "thread          running  waiting  blocked   takes  drop requests  forced\n";
    out += "                    (s)      (s)      (s)            made honoured switches\n";
    GilStats total;
    for (const GilThreadReport& row : report.threads) {
        const GilStats& s = row.stats;
        std::string name = row.name.size() > 14 ? row.name.substr(0, 13) + "~" : row.name;
        out +=
            format("%-14s %8.3f %8.3f %8.3f %7" PRIu64 " %7" PRIu64 " %8" PRIu64 " %7" PRIu64 "\n",
                   name.c_str(), seconds(s.held), seconds(s.waited), seconds(s.blocked),
                   s.acquisitions, s.drop_requests, s.requests_honoured, s.forced_switches);
        total.held += s.held;
        total.waited += s.waited;
        total.blocked += s.blocked;
        total.acquisitions += s.acquisitions;
        total.drop_requests += s.drop_requests;
        total.requests_honoured += s.requests_honoured;
        total.forced_switches += s.forced_switches;
    }
    out += format("%-14s %8.3f %8.3f %8.3f %7" PRIu64 " %7" PRIu64 " %8" PRIu64 " %7" PRIu64 "\n",
                  "total", seconds(total.held), seconds(total.waited), seconds(total.blocked),
                  total.acquisitions, total.drop_requests, total.requests_honoured,
                  total.forced_switches);
    const double wall = seconds(report.wall);
    out += format("some thread was waiting for the GIL during %.1f%% of the wall time\n",
                  wall > 0 ? 100.0 * seconds(report.contended) / wall : 0.0);
    return out;
}

// --- spans: the events of one thread as running / waiting / blocked periods ----------

namespace {

const char* span_name(SpanState state) {
    switch (state) {
        case SpanState::Running:
            return "running";
        case SpanState::Waiting:
            return "waiting";
        case SpanState::Blocked:
            return "blocked";
    }
    return "?";
}

}  // namespace

std::vector<Span> spans_of(const std::vector<TraceEvent>& events, GilClock::time_point end) {
    std::vector<Span> spans;
    bool open = false;
    auto close = [&](GilClock::time_point when) {
        if (open) spans.back().end = when;
        open = false;
    };
    auto begin = [&](SpanState state, GilClock::time_point when) {
        close(when);
        spans.push_back({state, when, when});
        open = true;
    };
    for (const TraceEvent& e : events) {
        switch (e.event) {
            case GilEvent::Wait:
                begin(SpanState::Waiting, e.when);
                break;
            case GilEvent::Take:
                begin(SpanState::Running, e.when);
                break;
            case GilEvent::Drop:
                close(e.when);
                break;
            case GilEvent::ForcedSwitch:
                if (!spans.empty()) spans.back().forced = true;
                break;
            case GilEvent::Block:
                begin(SpanState::Blocked, e.when);
                break;
            case GilEvent::DropRequest:
            case GilEvent::Rename:
                break;
        }
    }
    close(end);
    return spans;
}

// For each of `columns` equal parts of [begin, end): the state the thread
// spent most of it in, or -1.
std::vector<int> columns_of(const std::vector<Span>& spans, GilClock::time_point begin,
                            GilClock::time_point end, int columns) {
    std::vector<int> out(columns, -1);
    const double total = double((end - begin).count());
    if (total <= 0) return out;
    std::vector<std::array<double, 3>> time_in(columns, {0, 0, 0});
    for (const Span& span : spans) {
        double a = double((span.begin - begin).count()) / total * columns;
        double b = double((span.end - begin).count()) / total * columns;
        a = std::clamp(a, 0.0, double(columns));
        b = std::clamp(b, 0.0, double(columns));
        for (int c = int(a); c < columns && c < b; ++c) {
            double overlap = std::min(b, c + 1.0) - std::max(a, double(c));
            if (overlap > 0) time_in[c][int(span.state)] += overlap;
        }
    }
    for (int c = 0; c < columns; ++c) {
        const auto& t = time_in[c];
        int best = int(std::max_element(t.begin(), t.end()) - t.begin());
        if (t[best] > 0.02) out[c] = best;
    }
    return out;
}

namespace {
constexpr char kStateChars[] = {'#', '.', '~'};
}  // namespace

std::string ascii_timeline(const Timeline& tl) {
    constexpr int kColumns = 60;
    constexpr int kNameWidth = 14;
    std::string out = "gilt: GIL timeline (one row per thread, time runs to the right)\n";
    const double total = seconds(tl.end - tl.begin);
    for (std::size_t i = 0; i < tl.names.size(); ++i) {
        std::string name = tl.names[i].substr(0, kNameWidth);
        out += format("%-*s |", kNameWidth, name.c_str());
        for (int state : columns_of(tl.spans[i], tl.begin, tl.end, kColumns))
            out += state < 0 ? ' ' : kStateChars[state];
        out += "|\n";
    }
    std::string axis = format("%.3f s", total);
    out += format("%-*s  0 s%*s\n", kNameWidth, "", kColumns - 3, axis.c_str());
    out +=
        "legend: # running (holds the GIL)  . waiting for the GIL\n"
        "        ~ blocked in I/O or a wait, GIL released  (blank) not using the GIL\n";
    return out;
}

namespace {

std::string xml_escape(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '&':
                out += "&amp;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

}  // namespace

std::string svg_timeline(const Timeline& tl) {
    constexpr int kPlotWidth = 800, kLeft = 130, kRow = 26, kTop = 40;
    const char* const colours[] = {"#2e9e44", "#f0a030", "#4a7fd0"};
    const int rows = int(tl.names.size());
    const int height = kTop + rows * kRow + 70;
    const double total = seconds(tl.end - tl.begin);
    std::string out = format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        "font-family=\"monospace\" font-size=\"12\">\n",
        kLeft + kPlotWidth + 20, height);
    out += format("<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n");
    out += format("<text x=\"10\" y=\"20\" font-size=\"14\">GIL timeline: %.3f s</text>\n", total);
    for (int i = 0; i < rows; ++i) {
        const int y = kTop + i * kRow;
        out += format("<text x=\"10\" y=\"%d\">", y + 16) + xml_escape(tl.names[i]) + "</text>\n";
        out += format("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#f4f4f4\"/>\n",
                      kLeft, y + 2, kPlotWidth, kRow - 6);
        std::vector<int> cols = columns_of(tl.spans[i], tl.begin, tl.end, kPlotWidth);
        for (int c = 0; c < kPlotWidth;) {
            int d = c;
            while (d < kPlotWidth && cols[d] == cols[c]) ++d;
            if (cols[c] >= 0)
                out += format(
                    "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%s"
                    "</title></rect>\n",
                    kLeft + c, y + 2, d - c, kRow - 6, colours[cols[c]],
                    span_name(SpanState(cols[c])));
            c = d;
        }
        for (GilClock::time_point when : tl.requests[i]) {
            double x = kLeft + seconds(when - tl.begin) / std::max(total, 1e-9) * kPlotWidth;
            out +=
                format("<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#d02020\"/>\n",
                       x, y, x, y + 4);
        }
    }
    const int axis_y = kTop + rows * kRow + 4;
    for (int t = 0; t <= 4; ++t) {
        out += format("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%.3f s</text>\n",
                      kLeft + t * kPlotWidth / 4, axis_y + 12, total * t / 4);
    }
    const char* labels[] = {"running (holds the GIL)", "waiting for the GIL",
                            "blocked, GIL released"};
    for (int s = 0; s < 3; ++s) {
        out += format(
            "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
            "<text x=\"%d\" y=\"%d\">%s</text>\n",
            kLeft + s * 230, axis_y + 30, colours[s], kLeft + s * 230 + 18, axis_y + 41, labels[s]);
    }
    out += format(
        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#d02020\"/>"
        "<text x=\"%d\" y=\"%d\">drop request</text>\n",
        kLeft + 690, axis_y + 30, kLeft + 690, axis_y + 42, kLeft + 700, axis_y + 41);
    out += "</svg>\n";
    return out;
}

// --- Chrome trace-event JSON -------------------------------------------------------

namespace {

std::string json_string(const std::string& text) {
    std::string out = "\"";
    for (unsigned char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += char(c);
        } else if (c < 0x20) {
            out += format("\\u%04x", c);
        } else {
            out += char(c);
        }
    }
    return out + "\"";
}

}  // namespace

namespace {

double micros(GilClock::time_point when, GilClock::time_point origin) {
    return std::chrono::duration<double, std::micro>(when - origin).count();
}

}  // namespace

std::string chrome_trace(const Timeline& tl, const std::vector<std::uint64_t>& idents) {
    std::string out = "{\"displayTimeUnit\": \"ms\", \"traceEvents\": [\n";
    out +=
        "{\"ph\": \"M\", \"pid\": 1, \"tid\": 0, \"name\": \"process_name\", "
        "\"args\": {\"name\": \"gilt GIL\"}}";
    for (std::size_t i = 0; i < tl.names.size(); ++i) {
        const int tid = int(i) + 1;
        out += format(
                   ",\n{\"ph\": \"M\", \"pid\": 1, \"tid\": %d, \"name\": \"thread_name\", "
                   "\"args\": {\"name\": ",
                   tid) +
               json_string(tl.names[i]) + "}}";
        out += format(
            ",\n{\"ph\": \"M\", \"pid\": 1, \"tid\": %d, \"name\": \"thread_sort_index\", "
            "\"args\": {\"sort_index\": %d}}",
            tid, tid);
        for (const Span& span : tl.spans[i]) {
            out += format(
                ",\n{\"ph\": \"X\", \"pid\": 1, \"tid\": %d, \"cat\": \"gil\", "
                "\"name\": \"%s\", \"ts\": %.3f, \"dur\": %.3f, "
                "\"args\": {\"ident\": %" PRIu64 "%s}}",
                tid, span_name(span.state), micros(span.begin, tl.begin),
                micros(span.end, tl.begin) - micros(span.begin, tl.begin), idents[i],
                span.forced ? ", \"forced_switch\": true" : "");
        }
        for (GilClock::time_point when : tl.requests[i]) {
            out += format(
                ",\n{\"ph\": \"i\", \"s\": \"t\", \"pid\": 1, \"tid\": %d, "
                "\"cat\": \"gil\", \"name\": \"drop_request\", \"ts\": %.3f}",
                tid, micros(when, tl.begin));
        }
    }
    out += "\n]}\n";
    return out;
}

}  // namespace gilt
