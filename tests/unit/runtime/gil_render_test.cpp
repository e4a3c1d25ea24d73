// Tests for the GIL instruments' outputs (runtime/gil_render.hpp) and the
// parsing of their -X options (runtime/gil_instruments.hpp): each is fed a
// made-up run, so the expected text is exact.
#include "runtime/gil_render.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "runtime/gil_instruments.hpp"

namespace gilt {
namespace {

using namespace std::chrono_literals;

const GilClock::time_point kT0{};

GilClock::time_point at(std::chrono::microseconds us) {
    return kT0 + us;
}

std::size_t count_of(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t i = text.find(what); i != std::string::npos; i = text.find(what, i + 1)) ++n;
    return n;
}

// --- the statistics table ---------------------------------------------------------

GilThreadReport row(const char* name, int held_ms, int waited_ms, int blocked_ms, int takes,
                    int requests, int honoured, int forced) {
    GilThreadReport r;
    r.name = name;
    r.stats.held = std::chrono::milliseconds(held_ms);
    r.stats.waited = std::chrono::milliseconds(waited_ms);
    r.stats.blocked = std::chrono::milliseconds(blocked_ms);
    r.stats.acquisitions = takes;
    r.stats.drop_requests = requests;
    r.stats.requests_honoured = honoured;
    r.stats.forced_switches = forced;
    return r;
}

TEST(GilRenderTest, StatsTableAddsUpTheRowsIntoTheTotal) {
    GilReport report;
    report.threads = {row("MainThread", 100, 0, 400, 3, 0, 0, 0),
                      row("cpu-0", 250, 150, 0, 30, 12, 11, 14),
                      row("cpu-1", 150, 250, 0, 29, 14, 13, 12)};
    report.wall = 1s;
    report.contended = 250ms;
    report.switches = 58;
    const std::string table = stats_table(report);
    EXPECT_NE(table.find("gilt: GIL statistics: wall time 1.000 s, 58 switches\n"),
              std::string::npos);
    EXPECT_NE(
        table.find("cpu-0             0.250    0.150    0.000      30      12       11      14\n"),
        std::string::npos)
        << table;
    EXPECT_NE(
        table.find("total             0.500    0.400    0.400      62      26       24      26\n"),
        std::string::npos)
        << table;
    EXPECT_NE(table.find("during 25.0% of the wall time"), std::string::npos) << table;
}

TEST(GilRenderTest, StatsTableShortensLongNamesAndSurvivesAnEmptyRun) {
    GilReport report;
    report.threads = {row("a-very-long-thread-name", 1, 0, 0, 1, 0, 0, 0)};
    const std::string table = stats_table(report);
    EXPECT_NE(table.find("a-very-long-t~ "), std::string::npos) << table;
    EXPECT_NE(table.find("during 0.0% of the wall time"), std::string::npos) << table;
}

// --- spans --------------------------------------------------------------------------

TEST(GilRenderTest, SpansFollowWaitTakeDropAndBlock) {
    std::vector<TraceEvent> events = {
        {GilEvent::Wait, at(0us)},         {GilEvent::Take, at(10us)},
        {GilEvent::DropRequest, at(12us)},  // an instant, not a span
        {GilEvent::Drop, at(20us)},        {GilEvent::ForcedSwitch, at(20us)},
        {GilEvent::Wait, at(25us)},        {GilEvent::Take, at(30us)},
        {GilEvent::Drop, at(40us)},        {GilEvent::Block, at(40us)},
        {GilEvent::Take, at(70us)},
    };
    std::vector<Span> spans = spans_of(events, at(100us));
    ASSERT_EQ(spans.size(), 6u);
    const SpanState expected[] = {SpanState::Waiting, SpanState::Running, SpanState::Waiting,
                                  SpanState::Running, SpanState::Blocked, SpanState::Running};
    for (std::size_t i = 0; i < 6; ++i) EXPECT_EQ(spans[i].state, expected[i]) << i;
    EXPECT_TRUE(spans[1].forced);
    EXPECT_FALSE(spans[3].forced);
    // A forced drop starts nothing: the thread waits again only from 25 us.
    EXPECT_EQ(spans[1].end, at(20us));
    EXPECT_EQ(spans[2].begin, at(25us));
    // Blocked until the take at 70 us, then running until the end of the run.
    EXPECT_EQ(spans[4].end, at(70us));
    EXPECT_EQ(spans[5].begin, at(70us));
    EXPECT_EQ(spans[5].end, at(100us));
    for (std::size_t i = 1; i < spans.size(); ++i)
        EXPECT_LE(spans[i - 1].end, spans[i].begin) << "spans overlap at " << i;
}

TEST(GilRenderTest, ColumnsTakeTheStateThatFillsMostOfEachColumn) {
    std::vector<Span> spans = {{SpanState::Running, at(0us), at(30us)},
                               {SpanState::Waiting, at(30us), at(45us)},
                               {SpanState::Blocked, at(60us), at(100us)}};
    // Five columns of 20 us: running, running/waiting (10 vs 10: the first
    // wins), waiting, blocked, blocked.
    std::vector<int> cols = columns_of(spans, at(0us), at(100us), 5);
    EXPECT_EQ(cols, (std::vector<int>{0, 0, 1, 2, 2}));
    // Nothing in a column: -1; an empty run: all -1.
    EXPECT_EQ(columns_of({}, at(0us), at(100us), 2), (std::vector<int>{-1, -1}));
    EXPECT_EQ(columns_of(spans, at(0us), at(0us), 3), (std::vector<int>{-1, -1, -1}));
}

// --- timelines and the trace ----------------------------------------------------

Timeline two_threads() {
    Timeline tl;
    tl.begin = at(0us);
    tl.end = at(600us);
    tl.names = {"MainThread", "worker \"<1>\""};
    tl.spans = {
        {{SpanState::Running, at(0us), at(300us)}, {SpanState::Blocked, at(300us), at(600us)}},
        {{SpanState::Waiting, at(0us), at(300us), false},
         {SpanState::Running, at(300us), at(600us), true}}};
    tl.requests = {{}, {at(150us)}};
    return tl;
}

TEST(GilRenderTest, AsciiTimelineFitsEightyColumns) {
    const std::string text = ascii_timeline(two_threads());
    EXPECT_NE(text.find("MainThread     |" + std::string(30, '#') + std::string(30, '~') + "|\n"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("worker \"<1>\"   |" + std::string(30, '.') + std::string(30, '#') + "|\n"),
              std::string::npos)
        << text;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        EXPECT_LE(end - start, 80u) << text.substr(start, end - start);
        start = end + 1;
    }
    EXPECT_NE(text.find("0.001 s\n"), std::string::npos) << text;  // 600 us, rounded
}

TEST(GilRenderTest, SvgTimelineEscapesNamesAndMarksRequests) {
    const std::string svg = svg_timeline(two_threads());
    EXPECT_EQ(svg.rfind("<svg ", 0), 0u);
    EXPECT_NE(svg.find("</svg>\n"), std::string::npos);
    EXPECT_NE(svg.find("worker &quot;&lt;1&gt;&quot;"), std::string::npos);
    EXPECT_EQ(svg.find("worker \"<1>\""), std::string::npos);
    // One run of each state per row, plus the legend's three boxes.
    EXPECT_EQ(count_of(svg, "<title>running</title>"), 2u);
    EXPECT_EQ(count_of(svg, "<title>waiting</title>"), 1u);
    EXPECT_EQ(count_of(svg, "<title>blocked</title>"), 1u);
    EXPECT_EQ(count_of(svg, "stroke=\"#d02020\"/>"), 2u);  // the request and the legend's
}

TEST(GilRenderTest, ChromeTraceHasOneTrackPerThreadAndItsSpans) {
    const std::string json = chrome_trace(two_threads(), {11, 22});
    EXPECT_EQ(json.rfind("{\"displayTimeUnit\": \"ms\", \"traceEvents\": [\n", 0), 0u);
    EXPECT_EQ(json.substr(json.size() - 4), "\n]}\n");
    EXPECT_EQ(count_of(json, "\"name\": \"thread_name\""), 2u);
    EXPECT_NE(json.find("\"args\": {\"name\": \"worker \\\"<1>\\\"\"}"), std::string::npos) << json;
    EXPECT_EQ(count_of(json, "\"ph\": \"X\""), 4u);
    EXPECT_NE(json.find("\"tid\": 1, \"cat\": \"gil\", \"name\": \"running\", \"ts\": 0.000, "
                        "\"dur\": 300.000, \"args\": {\"ident\": 11}}"),
              std::string::npos)
        << json;
    EXPECT_NE(json.find("\"name\": \"running\", \"ts\": 300.000, \"dur\": 300.000, "
                        "\"args\": {\"ident\": 22, \"forced_switch\": true}}"),
              std::string::npos)
        << json;
    EXPECT_NE(
        json.find("\"tid\": 2, \"cat\": \"gil\", \"name\": \"drop_request\", \"ts\": 150.000}"),
        std::string::npos)
        << json;
    EXPECT_EQ(count_of(json, "{"), count_of(json, "}"));
}

// --- the policy and the other options -------------------------------------------

GilOptions parsed(std::vector<std::pair<std::string, std::string>> xoptions, std::string* error) {
    GilOptions options;
    *error = parse_gil_options(xoptions, &options);
    return options;
}

TEST(GilOptionsTest, PolicyChoice) {
    std::string error;
    EXPECT_EQ(parsed({}, &error).policy, GilPolicy::CPython);
    EXPECT_EQ(parsed({{"gilpolicy", "cpython"}}, &error).policy, GilPolicy::CPython);
    EXPECT_EQ(parsed({{"gilpolicy", "fifo"}}, &error).policy, GilPolicy::Fifo);
    EXPECT_EQ(parsed({{"gilpolicy", "io-priority"}}, &error).policy, GilPolicy::IoPriority);
    EXPECT_EQ(error, "");
    parsed({{"gilpolicy", "lifo"}}, &error);
    EXPECT_NE(error.find("gilpolicy"), std::string::npos) << error;
}

TEST(GilOptionsTest, InstrumentsAndSwitching) {
    std::string error;
    GilOptions o = parsed({{"gilstats", ""}, {"giltrace", "t.json"}, {"dev", ""}}, &error);
    EXPECT_EQ(error, "");
    EXPECT_TRUE(o.stats);
    EXPECT_EQ(o.trace_file, "t.json");
    EXPECT_TRUE(o.traced());
    EXPECT_FALSE(o.every_instruction());
    o = parsed({{"giltimeline", "run.svg"}, {"sched", "42"}}, &error);
    EXPECT_EQ(error, "");
    EXPECT_TRUE(o.timeline);
    EXPECT_EQ(o.timeline_file, "run.svg");
    EXPECT_TRUE(o.scheduled);
    EXPECT_EQ(o.sched_seed, 42u);
    EXPECT_TRUE(o.every_instruction());
    o = parsed({{"switch", "instruction"}}, &error);
    EXPECT_TRUE(o.switch_every_instruction);
    parsed({{"sched", "-1"}}, &error);
    EXPECT_NE(error, "");
}

}  // namespace
}  // namespace gilt
