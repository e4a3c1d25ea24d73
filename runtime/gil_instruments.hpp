// The GIL made visible: the teaching instruments of one interpreter.
//
// What the -X options ask for, and what the `gil` module reads:
//
//     -X gilstats              at exit, a table of each thread's GIL numbers on stderr
//     -X giltrace=FILE         at exit, every take/drop/request/block as Chrome
//                              trace-event JSON (opens in Perfetto, chrome://tracing)
//     -X giltimeline           at exit, an ASCII timeline of who held the GIL on stderr
//     -X giltimeline=FILE.svg  the same timeline drawn as an SVG picture
//
// The numbers themselves are kept by the Gil at all times (GilStats, Gil::Totals:
// a few additions in take() and drop(), which already read the clock); this
// file only remembers the numbers of threads that have ended, and shows them.
// The trace and the timeline need every event, so only when one of them is
// asked for is a trace hook installed; it appends each event to its thread's
// buffer in memory (under the Gil's mutex, where the hook runs), and the file
// is written at exit. Without these options nothing here runs on the GIL's path.
//
// Who may touch what: `m_finished` is guarded by m_mutex (a thread adds its
// row as its ThreadState goes away, without the GIL); the trace buffers by the
// Gil's mutex until the hook is removed at exit. The rest is written once,
// before any thread but the main one exists.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "runtime/gil.hpp"

namespace gilt {

class Interpreter;

// The GIL-related -X options, parsed.
struct GilOptions {
    bool stats = false;                     // -X gilstats
    std::string trace_file;                 // -X giltrace=FILE
    bool timeline = false;                  // -X giltimeline[=FILE]
    std::string timeline_file;              // empty: the ASCII timeline on stderr
    bool switch_every_instruction = false;  // -X switch=instruction
    bool scheduled = false;                 // -X sched=SEED
    std::uint64_t sched_seed = 0;
    GilPolicy policy = GilPolicy::CPython;  // -X gilpolicy=...

    bool traced() const noexcept { return !trace_file.empty() || timeline; }
    // Does the eval loop offer the GIL between every two instructions?
    bool every_instruction() const noexcept { return switch_every_instruction || scheduled; }
};

// Parses the GIL options among `xoptions` (others are ignored). Returns an
// empty string, or a message for a bad value ("-X gilpolicy: ...").
std::string parse_gil_options(const std::vector<std::pair<std::string, std::string>>& xoptions,
                              GilOptions* options);

// One thread's row of the statistics.
struct GilThreadReport {
    std::string name;
    std::uint64_t ident = 0;
    bool alive = false;
    GilStats stats;
};

struct GilReport {
    std::vector<GilThreadReport> threads;   // live threads first, in start order, then ended ones
    std::chrono::nanoseconds wall{0};       // since start-up or the last reset
    std::chrono::nanoseconds contended{0};  // time in which some thread was waiting
    std::uint64_t switches = 0;
};

class GilInstruments {
public:
    GilInstruments();
    ~GilInstruments();
    GilInstruments(const GilInstruments&) = delete;
    GilInstruments& operator=(const GilInstruments&) = delete;

    // At interpreter start-up, before the first take(): installs the trace
    // hook if a trace or timeline was asked for.
    void start(Gil& gil, GilOptions options);
    const GilOptions& options() const noexcept { return m_options; }

    // A thread is about to end: keep its row. Call with the GIL held by it, as
    // it leaves Interpreter::threads; its last moments of holding the GIL
    // after this are not counted.
    void thread_finished(const GilThread& thread);

    // The numbers of every thread. Call with the GIL held.
    GilReport report(Interpreter& interp);
    // Start counting from zero (gil.reset()). Call with the GIL held.
    void reset(Interpreter& interp);

    // At exit, with the GIL held: the table, trace and timeline asked for.
    // `write_err` writes to the process's stderr.
    void finish(Interpreter& interp, void (*write_err)(Interpreter&, const std::string&));

    struct Track;  // one thread's trace events (gil_instruments.cpp)

private:
    static void trace_hook(void* user, GilEvent event, const GilThread& thread,
                           GilClock::time_point when);

    GilOptions m_options;
    Gil* m_gil = nullptr;
    GilClock::time_point m_started = GilClock::now();

    std::mutex m_mutex;
    std::vector<GilThreadReport> m_finished;  // guarded by m_mutex

    // Guarded by the Gil's mutex while the hook is installed.
    std::vector<std::unique_ptr<Track>> m_tracks;
    bool m_finished_tracing = false;
};

}  // namespace gilt
