// The gc module: the switches, thresholds, counters and object lists of the
// generational cycle collector (runtime/gc.hpp, explained in runtime/gc.cpp).
#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/gc.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/module.hpp"
#include "runtime/module_state.hpp"
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
Value gc_is_finalized(ThreadState& ts, Args args);
Value gc_get_stats(ThreadState& ts, Args args);
Value gc_get_objects(ThreadState& ts, Args args);
Value gc_get_referents(ThreadState& ts, Args args);
Value gc_freeze(ThreadState& ts, Args args);
Value gc_unfreeze(ThreadState& ts, Args args);
Value gc_get_freeze_count(ThreadState& ts, Args args);
Value gc_get_debug(ThreadState& ts, Args args);
Value gc_set_debug(ThreadState& ts, Args args);

constexpr MethodDef kGcFunctions[] = {
    {"collect", gc_collect_fn},
    {"enable", gc_enable},
    {"disable", gc_disable},
    {"isenabled", gc_isenabled},
    {"get_count", gc_get_count},
    {"get_threshold", gc_get_threshold},
    {"set_threshold", gc_set_threshold},
    {"is_tracked", gc_is_tracked},
    {"is_finalized", gc_is_finalized},
    {"get_stats", gc_get_stats},
    {"get_objects", gc_get_objects},
    {"get_referents", gc_get_referents},
    {"freeze", gc_freeze},
    {"unfreeze", gc_unfreeze},
    {"get_freeze_count", gc_get_freeze_count},
    {"get_debug", gc_get_debug},
    {"set_debug", gc_set_debug},
};

Interpreter::GcState& state(ThreadState& ts) {
    return *ts.interp().gc;
}

Value gc_collect_fn(ThreadState& ts, Args args) {
    Value generation;
    if (!parse_args(ts, args, "collect", {"|", "generation"}, {&generation})) return Value();
    int64_t g = kGcGenerations - 1;
    if (!generation.is_null() && !obj_index(ts, generation, &g)) return Value();
    if (g < 0 || g >= kGcGenerations)
        return raise(ts, ts.exc_types().ValueError, "invalid generation");
    return make_int(ts, gc_collect(ts, static_cast<int>(g)));
}

Value gc_enable(ThreadState& ts, Args) {
    state(ts).enabled = true;
    return Value::none();
}

Value gc_disable(ThreadState& ts, Args) {
    state(ts).enabled = false;
    return Value::none();
}

Value gc_isenabled(ThreadState& ts, Args) {
    return Value::boolean(state(ts).enabled);
}

// A tuple of one int per generation, taken from `field`.
Value per_generation(ThreadState& ts, int64_t GcGeneration::*field) {
    int64_t values[kGcGenerations];  // read before the tuple counts as an allocation
    for (int g = 0; g < kGcGenerations; ++g) values[g] = state(ts).generations[g].*field;
    Ref t(tuple_new(ts, kGcGenerations));
    if (!t) return Value();
    for (int g = 0; g < kGcGenerations; ++g) {
        Value n = make_int(ts, values[g]);
        if (n.is_null()) return Value();
        tuple_obj(*t)->items[g] = n;
    }
    return t.release();
}

Value gc_get_count(ThreadState& ts, Args) {
    return per_generation(ts, &GcGeneration::count);
}

Value gc_get_threshold(ThreadState& ts, Args) {
    return per_generation(ts, &GcGeneration::threshold);
}

Value gc_set_threshold(ThreadState& ts, Args args) {
    if (args.kw_count() != 0) {
        return raise(ts, ts.exc_types().TypeError, "set_threshold() takes no keyword arguments");
    }
    if (args.n < 1 || args.n > 3) {
        return raise_fmt(ts, ts.exc_types().TypeError, "set_threshold() takes at {} ({} given)",
                         args.n < 1 ? "least 1 argument" : "most 3 arguments", args.n);
    }
    int64_t t[kGcGenerations];
    for (uint32_t i = 0; i < args.n; ++i) {
        if (!obj_index(ts, args[i], &t[i])) return Value();
    }
    for (uint32_t i = 0; i < args.n; ++i) state(ts).generations[i].threshold = t[i];
    return Value::none();
}

Value gc_is_tracked(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "is_tracked", 1, 1)) return Value();
    return Value::boolean(args[0].is_object() && gc_is_tracked(args[0].as_object()));
}

Value gc_is_finalized(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "is_finalized", 1, 1)) return Value();
    Value v = args[0];
    return Value::boolean(v.is_object() && (v.as_object()->flags & kObjGcTracked) &&
                          (v.as_object()->flags & kObjDelCalled));
}

Value stats_dict(ThreadState& ts, const GcGeneration& g) {
    Ref d(dict_new(ts));
    Ref collections(make_int(ts, g.collections));
    Ref collected(make_int(ts, g.collected));
    Ref uncollectable(make_int(ts, g.uncollectable));
    if (!d || !collections || !collected || !uncollectable ||
        !dict_set_cstr(ts, *d, "collections", *collections) ||
        !dict_set_cstr(ts, *d, "collected", *collected) ||
        !dict_set_cstr(ts, *d, "uncollectable", *uncollectable)) {
        return Value();
    }
    return d.release();
}

Value gc_get_stats(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "get_stats", 0, 0)) return Value();
    Ref list(list_new(ts));
    if (!list) return Value();
    for (const GcGeneration& g : state(ts).generations) {
        Value d = stats_dict(ts, g);
        if (d.is_null() || !list_append_steal(ts, *list, d)) return Value();
    }
    return list.release();
}

// Appends the objects of `head`'s list to `out` (except `out` itself).
bool append_objects(ThreadState& ts, Value out, const GcHead& head) {
    for (const GcHead* h = head.next; h != &head; h = h->next) {
        Value o = Value::object(gc_object(const_cast<GcHead*>(h)));
        if (o != out && !list_append(ts, out, o)) return false;
    }
    return true;
}

Value gc_get_objects(ThreadState& ts, Args args) {
    Value generation;
    if (!parse_args(ts, args, "get_objects", {"|", "generation"}, {&generation})) return Value();
    int64_t g = -1;
    if (!generation.is_null() && !generation.is_none() && !obj_index(ts, generation, &g))
        return Value();
    if (g >= kGcGenerations) {
        return raise_fmt(ts, ts.exc_types().ValueError,
                         "generation parameter must be less than the number of available "
                         "generations ({})",
                         kGcGenerations);
    }
    if (g < -1) {
        return raise(ts, ts.exc_types().ValueError, "generation parameter cannot be negative");
    }
    Ref out(list_new(ts));
    if (!out) return Value();
    for (int i = 0; i < kGcGenerations; ++i) {
        if ((g == -1 || g == i) && !append_objects(ts, *out, state(ts).generations[i].head))
            return Value();
    }
    return out.release();
}

struct ReferentsCtx {
    ThreadState* ts;
    Value out;
    bool ok;
};

void visit_referent(Value child, void* p) {
    auto* c = static_cast<ReferentsCtx*>(p);
    if (c->ok && child.is_object()) c->ok = list_append(*c->ts, c->out, child);
}

Value gc_get_referents(ThreadState& ts, Args args) {
    if (args.kw_count() != 0) {
        return raise(ts, ts.exc_types().TypeError, "get_referents() takes no keyword arguments");
    }
    Ref out(list_new(ts));
    if (!out) return Value();
    ReferentsCtx ctx{&ts, *out, true};
    for (uint32_t i = 0; i < args.n && ctx.ok; ++i) {
        Object* o = args[i].is_object() ? args[i].as_object() : nullptr;
        if (!o || !(o->flags & kObjGcTracked) || !o->type->traverse) continue;
        o->type->traverse(o, visit_referent, &ctx);
    }
    return ctx.ok ? out.release() : Value();
}

// gc.freeze(): everything tracked now moves to the permanent generation,
// which no collection looks at (for a server that forks after start-up, so
// the children do not dirty the pages of objects that live forever).
Value gc_freeze(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "freeze", 0, 0)) return Value();
    Interpreter::GcState& gc = state(ts);
    for (GcGeneration& g : gc.generations) gc_list_splice(g.head, gc.permanent);
    gc.generations[0].count = 0;
    return Value::none();
}

// gc.unfreeze(): the permanent generation goes back to the oldest one.
Value gc_unfreeze(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "unfreeze", 0, 0)) return Value();
    Interpreter::GcState& gc = state(ts);
    gc_list_splice(gc.permanent, gc.generations[kGcGenerations - 1].head);
    return Value::none();
}

Value gc_get_freeze_count(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "get_freeze_count", 0, 0)) return Value();
    return make_int(ts, gc_list_count(state(ts).permanent));
}

// Debug flags are accepted and reported back; gilt prints no debug output.
Value gc_get_debug(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "get_debug", 0, 0)) return Value();
    int64_t* flags = find_module_state<int64_t>(ts.interp(), "gc.debug");
    return make_int(ts, flags ? *flags : 0);
}

Value gc_set_debug(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "set_debug", 1, 1)) return Value();
    int64_t flags;
    if (!obj_index(ts, args[0], &flags)) return Value();
    module_state<int64_t>(ts.interp(), "gc.debug") = flags;
    return Value::none();
}

}  // namespace

Value init_gc_module(ThreadState& ts) {
    Ref m(module_new(ts, "gc"));
    if (!m || !module_add_functions(ts, *m, kGcFunctions)) return Value();
    Ref callbacks(list_new(ts));
    if (!callbacks || !module_add_steal(ts, *m, "garbage", list_new(ts)) ||
        !module_add_steal(ts, *m, "callbacks", new_ref(*callbacks))) {
        return Value();
    }
    // The collector calls what this list holds at the start and end of each
    // collection (the module and the collector share the one list).
    set_ref(state(ts).callbacks, callbacks.release());
    static constexpr std::pair<const char*, int> kDebugFlags[] = {
        {"DEBUG_STATS", 1},    {"DEBUG_COLLECTABLE", 2}, {"DEBUG_UNCOLLECTABLE", 4},
        {"DEBUG_SAVEALL", 32}, {"DEBUG_LEAK", 38},
    };
    for (const auto& [name, value] : kDebugFlags) {
        if (!module_add_steal(ts, *m, name, Value::small_int(value))) return Value();
    }
    return m.release();
}

}  // namespace gilt
