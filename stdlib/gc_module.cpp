// The gc module: the cycle collector's switches and counters
// (runtime/gc.hpp). gilt's collector has one generation; the generation
// arguments are accepted and checked as CPython's, and the thresholds of
// the two older generations are remembered only to be reported back.
#include <memory>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/gc.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/module.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "stdlib/modules.hpp"

namespace gilt {

namespace {

Value gc_collect_fn(ThreadState& ts, Args args);
Value gc_enable(ThreadState& ts, Args args);
Value gc_disable(ThreadState& ts, Args args);
Value gc_isenabled(ThreadState& ts, Args args);
Value gc_get_count(ThreadState& ts, Args args);
Value gc_get_threshold(ThreadState& ts, Args args);
Value gc_set_threshold(ThreadState& ts, Args args);
Value gc_is_tracked(ThreadState& ts, Args args);
Value gc_get_stats(ThreadState& ts, Args args);

constexpr MethodDef kGcFunctions[] = {
    {"collect", gc_collect_fn},
    {"enable", gc_enable},
    {"disable", gc_disable},
    {"isenabled", gc_isenabled},
    {"get_count", gc_get_count},
    {"get_threshold", gc_get_threshold},
    {"set_threshold", gc_set_threshold},
    {"is_tracked", gc_is_tracked},
    {"get_stats", gc_get_stats},
};

struct OlderThresholds {
    int64_t t1 = 10, t2 = 10;
};

OlderThresholds& older(Interpreter& interp) {
    auto it = interp.module_state.find("gc");
    if (it == interp.module_state.end()) {
        auto state = std::shared_ptr<void>(
            new OlderThresholds, [](void* p) { delete static_cast<OlderThresholds*>(p); });
        it = interp.module_state.emplace("gc", std::move(state)).first;
    }
    return *static_cast<OlderThresholds*>(it->second.get());
}

Value gc_collect_fn(ThreadState& ts, Args args) {
    Value generation;
    if (!parse_args(ts, args, "collect", {"|", "generation"}, {&generation})) return Value();
    if (!generation.is_null()) {
        int64_t g;
        if (!obj_index(ts, generation, &g)) return Value();
        if (g < 0 || g > 2) return raise(ts, ts.exc_types().ValueError, "invalid generation");
    }
    return make_int(ts, gc_collect(ts));
}

Value gc_enable(ThreadState& ts, Args) {
    ts.interp().gc->enabled = true;
    return Value::none();
}

Value gc_disable(ThreadState& ts, Args) {
    ts.interp().gc->enabled = false;
    return Value::none();
}

Value gc_isenabled(ThreadState& ts, Args) {
    return Value::boolean(ts.interp().gc->enabled);
}

Value gc_get_count(ThreadState& ts, Args) {
    Ref n(make_int(ts, ts.interp().gc->allocations));
    if (!n) return Value();
    return tuple_pack(ts, {*n, Value::small_int(0), Value::small_int(0)});
}

Value gc_get_threshold(ThreadState& ts, Args) {
    Ref t0(make_int(ts, ts.interp().gc->threshold));
    Ref t1(make_int(ts, older(ts.interp()).t1));
    Ref t2(make_int(ts, older(ts.interp()).t2));
    if (!t0 || !t1 || !t2) return Value();
    return tuple_pack(ts, {*t0, *t1, *t2});
}

Value gc_set_threshold(ThreadState& ts, Args args) {
    if (args.n < 1) {
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "set_threshold() takes at least 1 argument ({} given)", args.n);
    }
    if (!check_nargs(ts, args, "set_threshold", 1, 3)) return Value();
    int64_t t[3] = {0, older(ts.interp()).t1, older(ts.interp()).t2};
    for (uint32_t i = 0; i < args.n; ++i) {
        if (!obj_index(ts, args[i], &t[i])) return Value();
    }
    // A threshold of 0 disables automatic collection in CPython; here it
    // becomes "never reached".
    ts.interp().gc->threshold = t[0] > 0 ? t[0] : INT64_MAX;
    older(ts.interp()).t1 = t[1];
    older(ts.interp()).t2 = t[2];
    return Value::none();
}

Value gc_is_tracked(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "is_tracked", 1, 1)) return Value();
    Value v = args[0];
    return Value::boolean(v.is_object() && (v.as_object()->flags & kObjGcTracked));
}

// One entry (gilt has one generation) in CPython's format.
Value gc_get_stats(ThreadState& ts, Args) {
    Interpreter::GcState& gc = *ts.interp().gc;
    Ref d(dict_new(ts));
    Ref collections(make_int(ts, gc.collections));
    Ref collected(make_int(ts, gc.collected));
    if (!d || !collections || !collected || !dict_set_cstr(ts, *d, "collections", *collections) ||
        !dict_set_cstr(ts, *d, "collected", *collected) ||
        !dict_set_cstr(ts, *d, "uncollectable", Value::small_int(0))) {
        return Value();
    }
    Ref list(list_new(ts));
    if (!list || !list_append(ts, *list, *d)) return Value();
    return list.release();
}

}  // namespace

Value init_gc_module(ThreadState& ts) {
    Ref m(module_new(ts, "gc"));
    if (!m || !module_add_functions(ts, *m, kGcFunctions)) return Value();
    if (!module_add_steal(ts, *m, "garbage", list_new(ts)) ||
        !module_add_steal(ts, *m, "callbacks", list_new(ts))) {
        return Value();
    }
    return m.release();
}

}  // namespace gilt
