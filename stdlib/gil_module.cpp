// gil: gilt's own module for looking at the GIL from a script (not in CPython).
//
//     gil.stats()    -> one dict per thread: name, ident, alive, running,
//                       waiting, blocked (seconds), acquisitions, drop_requests,
//                       requests_honoured, forced_switches
//     gil.summary()  -> dict: wall, contended (seconds in which some thread
//                       waited), switches, and the running/waiting/blocked sums
//     gil.reset()    -> count everything from zero from now on
//     gil.options()  -> dict of the GIL -X options in force
//
// The numbers are the ones -X gilstats prints at exit
// (runtime/gil_instruments.hpp); they are kept whether or not they are shown.
#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/float.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/module.hpp"
#include "runtime/str.hpp"
#include "stdlib/modules.hpp"

namespace gilt {

namespace {

Value gil_stats(ThreadState& ts, Args args);
Value gil_summary(ThreadState& ts, Args args);
Value gil_reset(ThreadState& ts, Args args);
Value gil_options(ThreadState& ts, Args args);

constexpr MethodDef kGilFunctions[] = {
    {"stats", gil_stats},
    {"summary", gil_summary},
    {"reset", gil_reset},
    {"options", gil_options},
};

double seconds(std::chrono::nanoseconds ns) {
    return std::chrono::duration<double>(ns).count();
}

// dict[key] = value, taking the reference `value`.
[[nodiscard]] bool set_steal(ThreadState& ts, Value dict, const char* key, Value value) {
    Ref owned(value);
    return owned && dict_set_cstr(ts, dict, key, *owned);
}

Value thread_row(ThreadState& ts, const GilThreadReport& row) {
    Ref d(dict_new(ts));
    const GilStats& s = row.stats;
    if (!d || !set_steal(ts, *d, "name", make_str(ts, row.name)) ||
        !set_steal(ts, *d, "ident", make_int_u64(ts, row.ident)) ||
        !dict_set_cstr(ts, *d, "alive", row.alive ? Value::true_() : Value::false_()) ||
        !set_steal(ts, *d, "running", make_float(ts, seconds(s.held))) ||
        !set_steal(ts, *d, "waiting", make_float(ts, seconds(s.waited))) ||
        !set_steal(ts, *d, "blocked", make_float(ts, seconds(s.blocked))) ||
        !set_steal(ts, *d, "acquisitions", make_int_u64(ts, s.acquisitions)) ||
        !set_steal(ts, *d, "drop_requests", make_int_u64(ts, s.drop_requests)) ||
        !set_steal(ts, *d, "requests_honoured", make_int_u64(ts, s.requests_honoured)) ||
        !set_steal(ts, *d, "forced_switches", make_int_u64(ts, s.forced_switches))) {
        return Value();
    }
    return d.release();
}

Value gil_stats(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "stats", 0, 0)) return Value();
    GilReport report = ts.interp().gil_instruments.report(ts.interp());
    Ref list(list_new(ts, 0));
    if (!list) return Value();
    for (const GilThreadReport& row : report.threads) {
        Ref d(thread_row(ts, row));
        if (!d || !list_append(ts, *list, *d)) return Value();
    }
    return list.release();
}

Value gil_summary(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "summary", 0, 0)) return Value();
    GilReport report = ts.interp().gil_instruments.report(ts.interp());
    std::chrono::nanoseconds held{0}, waited{0}, blocked{0};
    for (const GilThreadReport& row : report.threads) {
        held += row.stats.held;
        waited += row.stats.waited;
        blocked += row.stats.blocked;
    }
    Ref d(dict_new(ts));
    if (!d || !set_steal(ts, *d, "wall", make_float(ts, seconds(report.wall))) ||
        !set_steal(ts, *d, "contended", make_float(ts, seconds(report.contended))) ||
        !set_steal(ts, *d, "switches", make_int_u64(ts, report.switches)) ||
        !set_steal(ts, *d, "running", make_float(ts, seconds(held))) ||
        !set_steal(ts, *d, "waiting", make_float(ts, seconds(waited))) ||
        !set_steal(ts, *d, "blocked", make_float(ts, seconds(blocked)))) {
        return Value();
    }
    return d.release();
}

Value gil_reset(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "reset", 0, 0)) return Value();
    ts.interp().gil_instruments.reset(ts.interp());
    return Value::none();
}

const char* policy_name(GilPolicy policy) {
    switch (policy) {
        case GilPolicy::CPython:
            return "cpython";
        case GilPolicy::Fifo:
            return "fifo";
        case GilPolicy::IoPriority:
            return "io-priority";
    }
    return "?";
}

Value gil_options(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "options", 0, 0)) return Value();
    const GilOptions& o = ts.interp().gil_instruments.options();
    Ref d(dict_new(ts));
    Value none = Value::none();
    if (!d || !dict_set_cstr(ts, *d, "stats", o.stats ? Value::true_() : Value::false_()) ||
        !set_steal(ts, *d, "trace",
                   o.trace_file.empty() ? new_ref(none) : make_str(ts, o.trace_file)) ||
        !dict_set_cstr(ts, *d, "timeline", o.timeline ? Value::true_() : Value::false_()) ||
        !set_steal(ts, *d, "switch",
                   make_str(ts, o.switch_every_instruction ? "instruction" : "interval")) ||
        !set_steal(ts, *d, "sched", o.scheduled ? make_int_u64(ts, o.sched_seed) : new_ref(none)) ||
        !set_steal(ts, *d, "policy", make_str(ts, policy_name(o.policy)))) {
        return Value();
    }
    return d.release();
}

}  // namespace

Value init_gil_module(ThreadState& ts) {
    Ref m(module_new(ts, "gil"));
    if (!m || !module_add_functions(ts, *m, kGilFunctions)) return Value();
    return m.release();
}

}  // namespace gilt
