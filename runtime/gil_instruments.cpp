// The GIL's teaching instruments: what -X gilstats, giltrace and giltimeline
// record while the program runs, and what they write at exit.
//
// The statistics come from GilStats (kept by the Gil) and Gil::totals(); the
// trace and the timelines from each thread's list of GIL events, recorded by
// the trace hook below into one Track per thread. Turning those into text,
// JSON and pictures is runtime/gil_render.cpp's business.
#include "runtime/gil_instruments.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "runtime/gil_render.hpp"
#include "runtime/interpreter.hpp"

namespace gilt {

namespace {

std::string format(const char* fmt, auto... args) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, fmt, args...);
    return buffer;
}

bool parse_seed(const std::string& text, std::uint64_t* seed) {
    if (text.empty()) return false;
    char* end = nullptr;
    errno = 0;
    *seed = std::strtoull(text.c_str(), &end, 10);
    return errno == 0 && *end == '\0' && text[0] != '-';
}

}  // namespace

std::string parse_gil_options(const std::vector<std::pair<std::string, std::string>>& xoptions,
                              GilOptions* options) {
    for (const auto& [name, value] : xoptions) {
        if (name == "gilstats") {
            options->stats = true;
        } else if (name == "giltrace") {
            if (value.empty()) return "-X giltrace needs a file name: -X giltrace=FILE.json";
            options->trace_file = value;
        } else if (name == "giltimeline") {
            options->timeline = true;
            options->timeline_file = value;
        } else if (name == "switch") {
            if (value != "instruction" && value != "interval")
                return "-X switch: expected 'instruction' or 'interval', got '" + value + "'";
            options->switch_every_instruction = value == "instruction";
        } else if (name == "sched") {
            if (!parse_seed(value, &options->sched_seed))
                return "-X sched needs a seed, a non-negative integer: -X sched=42";
            options->scheduled = true;
        } else if (name == "gilpolicy") {
            if (value == "cpython") {
                options->policy = GilPolicy::CPython;
            } else if (value == "fifo") {
                options->policy = GilPolicy::Fifo;
            } else if (value == "io-priority") {
                options->policy = GilPolicy::IoPriority;
            } else {
                return "-X gilpolicy: expected cpython, fifo or io-priority, got '" + value + "'";
            }
        }
    }
    return {};
}

// --- recording --------------------------------------------------------------------

struct GilInstruments::Track {
    std::uint64_t ident = 0;
    std::string name;
    std::vector<TraceEvent> events;
};

GilInstruments::GilInstruments() = default;

GilInstruments::~GilInstruments() {
    if (m_gil != nullptr && !m_finished_tracing && m_options.traced()) {
        m_gil->set_trace_hook(nullptr);
    }
}

void GilInstruments::start(Gil& gil, GilOptions options) {
    m_gil = &gil;
    m_options = std::move(options);
    m_started = GilClock::now();
    gil.set_policy(m_options.policy);
    if (m_options.scheduled) gil.enable_scheduler(m_options.sched_seed);
    if (m_options.traced()) gil.set_trace_hook(&GilInstruments::trace_hook, this);
}

// Under the Gil's mutex. A thread's first event gives it a track.
void GilInstruments::trace_hook(void* user, GilEvent event, const GilThread& thread,
                                GilClock::time_point when) {
    auto* self = static_cast<GilInstruments*>(user);
    if (thread.trace_slot == GilThread::kNoTraceSlot) {
        thread.trace_slot = self->m_tracks.size();
        auto track = std::make_unique<Track>();
        track->ident = thread.id;
        self->m_tracks.push_back(std::move(track));
    }
    Track& track = *self->m_tracks[thread.trace_slot];
    if (event == GilEvent::Rename || track.name.empty()) track.name = thread.name;
    if (event != GilEvent::Rename) track.events.push_back({event, when});
}

void GilInstruments::thread_finished(const GilThread& thread) {
    GilThreadReport row{thread.name, thread.id, false, thread.stats};
    row.stats.held += GilClock::now() - row.stats.last_taken;
    std::lock_guard<std::mutex> lock(m_mutex);
    m_finished.push_back(std::move(row));
}

// --- statistics ---------------------------------------------------------------------

namespace {

std::string display_name(const std::string& name, std::uint64_t ident) {
    if (!name.empty()) return name;
    return format("thread %" PRIx64, ident & 0xffffff);
}

GilThreadReport live_row(Interpreter& interp, const ThreadState& ts, GilClock::time_point now) {
    GilThreadReport row{ts.gil_thread.name, ts.gil_thread.id, true, ts.gil_thread.stats};
    if (interp.gil.is_held_by(ts.gil_thread)) row.stats.held += now - row.stats.last_taken;
    return row;
}

}  // namespace

GilReport GilInstruments::report(Interpreter& interp) {
    GilReport report;
    const GilClock::time_point now = GilClock::now();
    {
        std::lock_guard<std::mutex> lock(interp.threads_mutex);
        for (const ThreadState* ts : interp.threads)
            report.threads.push_back(live_row(interp, *ts, now));
    }
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        report.threads.insert(report.threads.end(), m_finished.begin(), m_finished.end());
    }
    for (GilThreadReport& row : report.threads) row.name = display_name(row.name, row.ident);
    const Gil::Totals totals = interp.gil.totals();
    report.wall = now - std::max(m_started, totals.since);
    report.contended = totals.contended;
    report.switches = totals.switches;
    return report;
}

void GilInstruments::reset(Interpreter& interp) {
    const GilClock::time_point now = GilClock::now();
    {
        std::lock_guard<std::mutex> lock(interp.threads_mutex);
        for (ThreadState* ts : interp.threads) {
            GilStats& stats = ts->gil_thread.stats;
            stats = GilStats{};
            stats.last_taken = now;
        }
    }
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_finished.clear();
    }
    interp.gil.reset_totals();
    m_started = now;
}

namespace {

bool write_file(const std::string& path, const std::string& text) {
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file << text;
    return bool(file);
}

}  // namespace

void GilInstruments::finish(Interpreter& interp,
                            void (*write_err)(Interpreter&, const std::string&)) {
    if (m_options.stats) write_err(interp, stats_table(report(interp)));
    if (!m_options.traced() || m_finished_tracing) return;
    m_gil->set_trace_hook(nullptr);  // under the Gil's mutex: after it, the tracks are ours
    m_finished_tracing = true;
    Timeline tl;
    tl.begin = m_started;
    tl.end = GilClock::now();
    std::vector<std::uint64_t> idents;
    for (const auto& track : m_tracks) {
        tl.names.push_back(display_name(track->name, track->ident));
        idents.push_back(track->ident);
        tl.spans.push_back(spans_of(track->events, tl.end));
        std::vector<GilClock::time_point> requests;
        for (const TraceEvent& e : track->events)
            if (e.event == GilEvent::DropRequest) requests.push_back(e.when);
        tl.requests.push_back(std::move(requests));
    }
    if (!m_options.trace_file.empty() &&
        !write_file(m_options.trace_file, chrome_trace(tl, idents))) {
        write_err(interp, "gilt: cannot write the GIL trace to " + m_options.trace_file + "\n");
    }
    if (m_options.timeline && m_options.timeline_file.empty()) {
        write_err(interp, ascii_timeline(tl));
    } else if (m_options.timeline && !write_file(m_options.timeline_file, svg_timeline(tl))) {
        write_err(interp,
                  "gilt: cannot write the GIL timeline to " + m_options.timeline_file + "\n");
    }
}

}  // namespace gilt
