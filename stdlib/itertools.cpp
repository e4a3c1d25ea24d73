// itertools: the iterator building blocks, following CPython's
// Modules/itertoolsmodule.c algorithm by algorithm (so the order of calls
// into user code, and therefore any side effects, is the same).
//
// Every iterator shares one layout, ItObject (stdlib/itertools.hpp); the
// combinatoric iterators live in itertools_combinatorics.cpp.
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/errors.hpp"
#include "runtime/float.hpp"
#include "runtime/heap.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/iterators.hpp"
#include "runtime/list.hpp"
#include "runtime/module.hpp"
#include "runtime/module_state.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "stdlib/itertools.hpp"
#include "stdlib/modules.hpp"

namespace gilt {

namespace itertools_impl {

namespace {

struct ItTypes {
    TypeObject* t[kKindCount] = {};
};
ItTypes& it_types(Interpreter& interp);
TypeObject* type_for(ThreadState& ts, ItKind k) {
    return it_types(ts.interp()).t[k];
}

void it_clear(Object* o) {
    auto* it = reinterpret_cast<ItObject*>(o);
    for (Value& v : it->v) clear_ref(v);
}

void it_dealloc(Object* o) {
    it_clear(o);
    std::free(reinterpret_cast<ItObject*>(o)->idx);
    free_object(o);
}

void it_traverse(Object* o, VisitFn visit, void* ctx) {
    for (Value v : reinterpret_cast<ItObject*>(o)->v)
        if (!v.is_null()) visit(v, ctx);
}

}  // namespace

ItObject* it_alloc(ThreadState& ts, TypeObject* type) {
    auto* it = alloc_gc<ItObject>(type, type->basicsize);
    if (!it) raise_memory_error(ts);
    return it;
}

bool it_alloc_indices(ThreadState& ts, ItObject* it, int64_t n) {
    it->idx = static_cast<int64_t*>(
        std::calloc(static_cast<std::size_t>(std::max<int64_t>(n, 1)), sizeof(int64_t)));
    it->idx_len = n;
    if (!it->idx) raise_memory_error(ts);
    return it->idx != nullptr;
}

// Creates an iterator of `type` with the given owned Values (consumed).
Value it_make(ThreadState& ts, TypeObject* type, std::initializer_list<Value> values) {
    ItObject* it = it_alloc(ts, type);
    int i = 0;
    for (Value v : values) {
        if (it)
            it->v[i++] = v;
        else
            decref(v);
    }
    return it ? val(it) : Value();
}

Value it_make(ThreadState& ts, ItKind k, std::initializer_list<Value> values) {
    return it_make(ts, type_for(ts, k), values);
}

namespace {

// --- count(start=0, step=1): v0 current value, v1 step ---

Value count_new(ThreadState& ts, TypeObject* type, Args args) {
    Value start, step;
    if (!parse_args(ts, args, "count", {"|", "start", "step"}, {&start, &step})) return Value();
    if (start.is_null()) start = Value::small_int(0);
    if (step.is_null()) step = Value::small_int(1);
    for (Value v : {start, step}) {
        TypeObject* t = type_of(ts, v);
        if (!is_int(v) && !is_float(v) && !t->nb[static_cast<int>(BinOp::Add)]) {
            return raise(ts, ts.exc_types().TypeError, "a number is required");
        }
    }
    ItObject* it = it_alloc(ts, type);
    if (!it) return Value();
    it->v[0] = new_ref(start);
    it->v[1] = new_ref(step);
    return val(it);
}

Value count_next(ThreadState& ts, Value self) {
    ItObject* it = it_obj(self);
    Value cur = it->v[0];
    int64_t next;
    if (cur.is_small_int() && it->v[1].is_small_int() &&
        !__builtin_add_overflow(cur.as_small_int(), it->v[1].as_small_int(), &next) &&
        Value::fits_small(next)) {
        it->v[0] = Value::small_int(next);
        return cur;
    }
    Value sum = binary_op(ts, BinOp::Add, cur, it->v[1]);
    if (sum.is_null()) return sum;
    it->v[0] = sum;
    return cur;  // the reference the slot held
}

Value count_repr(ThreadState& ts, Value self) {
    ItObject* it = it_obj(self);
    Ref cur(obj_repr(ts, it->v[0]));
    if (!cur) return Value();
    Value step = it->v[1];
    if (step.is_small_int() && step.as_small_int() == 1)
        return make_str(ts, fmt::format("count({})", str_view(*cur)));
    Ref s(obj_repr(ts, step));
    if (!s) return Value();
    return make_str(ts, fmt::format("count({}, {})", str_view(*cur), str_view(*s)));
}

// --- cycle(iterable): v0 source iterator (null once exhausted), v1 saved
// items; n0 replay index, n1 replaying ---

Value cycle_new(ThreadState& ts, TypeObject* type, Args args) {
    if (!no_kwargs(ts, args, "cycle") || !check_nargs(ts, args, "cycle", 1, 1)) return Value();
    Ref src(obj_iter(ts, args[0]));
    Ref saved(src ? list_new(ts) : Value());
    if (!saved) return Value();
    return it_make(ts, type, {src.release(), saved.release()});
}

Value cycle_next(ThreadState& ts, Value self) {
    ItObject* it = it_obj(self);
    if (!it->n[1]) {
        Value item = iter_next(ts, it->v[0]);
        if (!item.is_null()) {
            if (!list_append(ts, it->v[1], item)) {
                decref(item);
                return Value();
            }
            return item;
        }
        if (ts.has_exception()) return Value();
        clear_ref(it->v[0]);
        it->n[1] = 1;
    }
    uint64_t n = list_size(it->v[1]);
    if (n == 0) return Value();
    Value item = list_item(it->v[1], static_cast<uint64_t>(it->n[0]) % n);
    it->n[0] = static_cast<int64_t>((static_cast<uint64_t>(it->n[0]) + 1) % n);
    return new_ref(item);
}

// --- repeat(object, times=None): v0 object; n0 remaining (-1: forever) ---

Value repeat_new(ThreadState& ts, TypeObject* type, Args args) {
    Value obj, times;
    if (!parse_args(ts, args, "repeat", {"object", "|", "times"}, {&obj, &times})) return Value();
    int64_t n = -1;
    if (!times.is_null()) {
        if (!int_as_int64(ts, times, &n)) return Value();
        if (n < 0) n = 0;
    }
    ItObject* it = it_alloc(ts, type);
    if (!it) return Value();
    it->v[0] = new_ref(obj);
    it->n[0] = n;
    return val(it);
}

Value repeat_next(ThreadState&, Value self) {
    ItObject* it = it_obj(self);
    if (it->n[0] == 0) return Value();
    if (it->n[0] > 0) --it->n[0];
    return new_ref(it->v[0]);
}

Value repeat_repr(ThreadState& ts, Value self) {
    ItObject* it = it_obj(self);
    Ref r(obj_repr(ts, it->v[0]));
    if (!r) return Value();
    if (it->n[0] < 0) return make_str(ts, fmt::format("repeat({})", str_view(*r)));
    return make_str(ts, fmt::format("repeat({}, {})", str_view(*r), it->n[0]));
}

// --- accumulate(iterable, func=None, *, initial=None): v0 iterator,
// v1 func or null, v2 running total (null before the first item), v3 initial ---

Value accumulate_new(ThreadState& ts, TypeObject* type, Args args) {
    Value iterable, func, initial;
    if (!parse_args(ts, args, "accumulate", {"iterable", "|", "func", "$initial"},
                    {&iterable, &func, &initial})) {
        return Value();
    }
    Ref src(obj_iter(ts, iterable));
    if (!src) return Value();
    Value f = func.is_null() || func.is_none() ? Value() : new_ref(func);
    Value init = initial.is_null() || initial.is_none() ? Value() : new_ref(initial);
    return it_make(ts, type, {src.release(), f, Value(), init});
}

Value accumulate_next(ThreadState& ts, Value self) {
    ItObject* it = it_obj(self);
    if (!it->v[3].is_null()) {
        it->v[2] = it->v[3];
        it->v[3] = Value();
        return new_ref(it->v[2]);
    }
    Ref item(iter_next(ts, it->v[0]));
    if (!item) return Value();
    if (it->v[2].is_null()) {
        it->v[2] = new_ref(*item);
        return item.release();
    }
    Value total = it->v[1].is_null() ? binary_op(ts, BinOp::Add, it->v[2], *item)
                                     : call2(ts, it->v[1], it->v[2], *item);
    if (total.is_null()) return total;
    set_ref(it->v[2], total);
    return new_ref(total);
}

// --- chain(*iterables), chain.from_iterable(it): v0 iterator over the
// iterables, v1 the current one ---

Value chain_new(ThreadState& ts, TypeObject* type, Args args) {
    if (!no_kwargs(ts, args, "chain")) return Value();
    Ref tuple(tuple_from_array(ts, args.v, args.n));
    Ref source(tuple ? obj_iter(ts, *tuple) : Value());
    if (!source) return Value();
    return it_make(ts, type, {source.release(), Value()});
}

Value chain_from_iterable(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "from_iterable", 1, 1)) return Value();
    Ref source(obj_iter(ts, args[1]));
    if (!source) return Value();
    return it_make(ts, reinterpret_cast<TypeObject*>(args[0].as_object()),
                   {source.release(), Value()});
}

Value chain_next(ThreadState& ts, Value self) {
    ItObject* it = it_obj(self);
    while (!it->v[0].is_null()) {
        if (it->v[1].is_null()) {
            Ref iterable(iter_next(ts, it->v[0]));
            if (!iterable) {
                if (ts.has_exception()) return Value();
                clear_ref(it->v[0]);
                return Value();
            }
            it->v[1] = obj_iter(ts, *iterable);
            if (it->v[1].is_null()) return Value();
        }
        Value item = iter_next(ts, it->v[1]);
        if (!item.is_null() || ts.has_exception()) return item;
        clear_ref(it->v[1]);
    }
    return Value();
}

// --- compress(data, selectors): v0 data iterator, v1 selector iterator ---

Value compress_new(ThreadState& ts, TypeObject* type, Args args) {
    Value data, selectors;
    if (!parse_args(ts, args, "compress", {"data", "selectors"}, {&data, &selectors}))
        return Value();
    Ref d(obj_iter(ts, data));
    Ref s(d ? obj_iter(ts, selectors) : Value());
    if (!s) return Value();
    return it_make(ts, type, {d.release(), s.release()});
}

Value compress_next(ThreadState& ts, Value self) {
    ItObject* it = it_obj(self);
    for (;;) {
        Ref item(iter_next(ts, it->v[0]));
        if (!item) return Value();
        Ref sel(iter_next(ts, it->v[1]));
        if (!sel) return Value();
        int t = obj_truthy(ts, *sel);
        if (t < 0) return Value();
        if (t) return item.release();
    }
}

// --- dropwhile / takewhile / filterfalse(pred, iterable): v0 predicate,
// v1 iterator; n0 "done" (dropping finished / taking stopped) ---

Value pred_iter_new(ThreadState& ts, TypeObject* type, const char* name, Args args) {
    if (!no_kwargs(ts, args, name) || !check_nargs(ts, args, name, 2, 2)) return Value();
    Ref src(obj_iter(ts, args[1]));
    if (!src) return Value();
    return it_make(ts, type, {new_ref(args[0]), src.release()});
}

Value dropwhile_new(ThreadState& ts, TypeObject* type, Args args) {
    return pred_iter_new(ts, type, "dropwhile", args);
}
Value takewhile_new(ThreadState& ts, TypeObject* type, Args args) {
    return pred_iter_new(ts, type, "takewhile", args);
}
Value filterfalse_new(ThreadState& ts, TypeObject* type, Args args) {
    return pred_iter_new(ts, type, "filterfalse", args);
}

// 1 / 0 / -1: the predicate's truth for item (None: the item's own truth).
int pred_truth(ThreadState& ts, Value pred, Value item) {
    if (pred.is_none()) return obj_truthy(ts, item);
    Ref r(call1(ts, pred, item));
    return r ? obj_truthy(ts, *r) : -1;
}

Value dropwhile_next(ThreadState& ts, Value self) {
    ItObject* it = it_obj(self);
    for (;;) {
        Ref item(iter_next(ts, it->v[1]));
        if (!item) return Value();
        if (it->n[0]) return item.release();
        int t = pred_truth(ts, it->v[0], *item);
        if (t < 0) return Value();
        if (!t) {
            it->n[0] = 1;
            return item.release();
        }
    }
}

Value takewhile_next(ThreadState& ts, Value self) {
    ItObject* it = it_obj(self);
    if (it->n[0]) return Value();
    Ref item(iter_next(ts, it->v[1]));
    if (!item) return Value();
    int t = pred_truth(ts, it->v[0], *item);
    if (t < 0) return Value();
    if (t) return item.release();
    it->n[0] = 1;
    return Value();
}

Value filterfalse_next(ThreadState& ts, Value self) {
    ItObject* it = it_obj(self);
    for (;;) {
        Ref item(iter_next(ts, it->v[1]));
        if (!item) return Value();
        int t = pred_truth(ts, it->v[0], *item);
        if (t < 0) return Value();
        if (!t) return item.release();
    }
}

// --- groupby(iterable, key=None): v0 iterator, v1 key function or null,
// v2 target key, v3 current key, v4 current value; n0 the current grouper's
// address (its identity: an older grouper stops yielding).
// _grouper: v0 the parent groupby, v1 its target key. ---

Value groupby_new(ThreadState& ts, TypeObject* type, Args args) {
    Value iterable, key;
    if (!parse_args(ts, args, "groupby", {"iterable", "|", "key"}, {&iterable, &key}))
        return Value();
    Ref src(obj_iter(ts, iterable));
    if (!src) return Value();
    return it_make(ts, type,
                   {src.release(), key.is_null() || key.is_none() ? Value() : new_ref(key)});
}

// Advances to the next value; false at the end (StopIteration: no
// exception) or on error.
bool groupby_step(ThreadState& ts, ItObject* g) {
    Value value = iter_next(ts, g->v[0]);
    if (value.is_null()) return false;
    Value key = g->v[1].is_null() ? new_ref(value) : call1(ts, g->v[1], value);
    if (key.is_null()) {
        decref(value);
        return false;
    }
    set_ref(g->v[4], value);
    set_ref(g->v[3], key);
    return true;
}

Value groupby_next(ThreadState& ts, Value self) {
    ItObject* g = it_obj(self);
    g->n[0] = 0;
    for (;;) {
        if (g->v[3].is_null()) {
            // pass: step below
        } else if (g->v[2].is_null()) {
            break;
        } else {
            int eq = rich_compare_bool(ts, g->v[2], g->v[3], CompareOp::Eq);
            if (eq < 0) return Value();
            if (eq == 0) break;
        }
        if (!groupby_step(ts, g)) return Value();
    }
    set_ref(g->v[2], new_ref(g->v[3]));
    Value grouper = it_make(ts, kGrouper, {new_ref(self), new_ref(g->v[2])});
    if (grouper.is_null()) return grouper;
    g->n[0] = static_cast<int64_t>(grouper.bits());
    Value pair = tuple_pack(ts, {g->v[3], grouper});
    decref(grouper);
    return pair;
}

Value grouper_next(ThreadState& ts, Value self) {
    ItObject* gr = it_obj(self);
    ItObject* g = it_obj(gr->v[0]);
    if (g->n[0] != static_cast<int64_t>(self.bits())) return Value();
    if (g->v[4].is_null() && !groupby_step(ts, g)) return Value();
    int eq = rich_compare_bool(ts, gr->v[1], g->v[3], CompareOp::Eq);
    if (eq <= 0) return Value();
    Value r = g->v[4];
    g->v[4] = Value();
    clear_ref(g->v[3]);
    return r;
}

// --- islice(iterable, stop) / islice(iterable, start, stop[, step]):
// v0 iterator (null when done); n0 next index to yield, n1 stop (-1: none),
// n2 step, n3 items consumed ---

// `huge_msg` (when given) words the error for a value past sys.maxsize.
bool islice_index(ThreadState& ts, Value v, int64_t* out, const char* msg,
                  const char* huge_msg = nullptr) {
    if (v.is_none()) return true;
    if (!is_int(v) && !type_of(ts, v)->nb_index) {
        raise(ts, ts.exc_types().ValueError, msg);
        return false;
    }
    if (!obj_index(ts, v, out)) {
        if (!exception_matches(ts, ts.exc_types().OverflowError)) return false;
        clear_exception(ts);
        raise(ts, ts.exc_types().ValueError, huge_msg ? huge_msg : msg);
        return false;
    }
    if (*out < 0) {
        raise(ts, ts.exc_types().ValueError, msg);
        return false;
    }
    return true;
}

Value islice_new(ThreadState& ts, TypeObject* type, Args args) {
    if (!no_kwargs(ts, args, "islice") || !check_nargs(ts, args, "islice", 2, 4)) return Value();
    int64_t start = 0, stop = -1, step = 1;
    const char* kIdx = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    const char* kStop =
        "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    if (args.n == 2) {
        if (!islice_index(ts, args[1], &stop, kStop)) {
            return Value();
        }
    } else {
        if (!islice_index(ts, args[1], &start, kIdx) ||
            !islice_index(ts, args[2], &stop, kIdx, kStop))
            return Value();
        if (args.n == 4 && !args[3].is_none()) {
            if (!obj_index(ts, args[3], &step) || step < 1) {
                clear_exception(ts);
                return raise(ts, ts.exc_types().ValueError,
                             "Step for islice() must be a positive integer or None.");
            }
        }
    }
    Ref src(obj_iter(ts, args[0]));
    if (!src) return Value();
    Value r = it_make(ts, type, {src.release()});
    if (r.is_null()) return r;
    ItObject* it = it_obj(r);
    it->n[0] = start;
    it->n[1] = stop;
    it->n[2] = step;
    return r;
}

Value islice_next(ThreadState& ts, Value self) {
    ItObject* it = it_obj(self);
    if (it->v[0].is_null()) return Value();
    while (it->n[3] < it->n[0]) {
        Value skipped = iter_next(ts, it->v[0]);
        if (skipped.is_null()) {
            if (!ts.has_exception()) clear_ref(it->v[0]);
            return Value();
        }
        decref(skipped);
        ++it->n[3];
    }
    int64_t stop = it->n[1];
    if (stop != -1 && it->n[3] >= stop) {
        clear_ref(it->v[0]);
        return Value();
    }
    Value item = iter_next(ts, it->v[0]);
    if (item.is_null()) {
        if (!ts.has_exception()) clear_ref(it->v[0]);
        return Value();
    }
    ++it->n[3];
    int64_t old = it->n[0];
    it->n[0] += it->n[2];
    if (it->n[0] < old || (stop != -1 && it->n[0] > stop)) it->n[0] = stop;
    return item;
}

// --- starmap(func, iterable): v0 func, v1 iterator ---

Value starmap_new(ThreadState& ts, TypeObject* type, Args args) {
    if (!no_kwargs(ts, args, "starmap") || !check_nargs(ts, args, "starmap", 2, 2)) return Value();
    Ref src(obj_iter(ts, args[1]));
    if (!src) return Value();
    return it_make(ts, type, {new_ref(args[0]), src.release()});
}

Value starmap_next(ThreadState& ts, Value self) {
    ItObject* it = it_obj(self);
    Ref item(iter_next(ts, it->v[1]));
    if (!item) return Value();
    Ref t(tuple_from_iterable(ts, *item));
    if (!t) return Value();
    return obj_call(ts, it->v[0],
                    Args{tuple_obj(*t)->items, static_cast<uint32_t>(tuple_size(*t)), nullptr});
}

// --- tee(iterable, n=2): each iterator has v0 = the shared [source, buffer]
// list and n0 = its position in the buffer (kept whole: no trimming) ---

Value tee_next(ThreadState& ts, Value self) {
    ItObject* it = it_obj(self);
    Value shared = it->v[0];
    Value buffer = list_item(shared, 1);
    uint64_t pos = static_cast<uint64_t>(it->n[0]);
    if (pos < list_size(buffer)) {
        ++it->n[0];
        return new_ref(list_item(buffer, pos));
    }
    Value item = iter_next(ts, list_item(shared, 0));
    if (item.is_null()) return item;
    if (!list_append(ts, buffer, item)) {
        decref(item);
        return Value();
    }
    ++it->n[0];
    return item;
}

Value itertools_tee(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "tee", 1, 2)) return Value();
    int64_t n = 2;
    if (args.n == 2 && !int_as_int64(ts, args[1], &n)) return Value();
    if (n < 0) return raise(ts, ts.exc_types().ValueError, "n must be >= 0");
    Ref src(obj_iter(ts, args[0]));
    Ref buffer(src ? list_new(ts) : Value());
    Ref shared(buffer ? list_new(ts) : Value());
    if (!shared || !list_append(ts, *shared, *src) || !list_append(ts, *shared, *buffer))
        return Value();
    Ref result(tuple_new(ts, static_cast<uint64_t>(n)));
    if (!result) return Value();
    for (int64_t i = 0; i < n; ++i) {
        Value t = it_make(ts, kTee, {new_ref(*shared)});
        if (t.is_null()) return Value();
        tuple_obj(*result)->items[i] = t;
    }
    return result.release();
}

// --- zip_longest(*iterables, fillvalue=None): v0 list of iterators (None
// once exhausted), v1 fill value; n0 iterators still active ---

Value zip_longest_new(ThreadState& ts, TypeObject* type, Args args) {
    Value fill = Value::none();
    for (uint32_t i = 0; i < args.kw_count(); ++i) {
        if (str_view(args.kwnames->items[i]) != "fillvalue") {
            return raise(ts, ts.exc_types().TypeError,
                         "zip_longest() got an unexpected keyword argument");
        }
        fill = args.v[args.n + i];
    }
    Ref iters(list_new(ts, args.n));
    if (!iters) return Value();
    for (uint32_t i = 0; i < args.n; ++i) {
        Value it = obj_iter(ts, args[i]);
        if (it.is_null() || !list_append_steal(ts, *iters, it)) return Value();
    }
    Value r = it_make(ts, type, {iters.release(), new_ref(fill)});
    if (!r.is_null()) it_obj(r)->n[0] = args.n;
    return r;
}

Value zip_longest_next(ThreadState& ts, Value self) {
    ItObject* it = it_obj(self);
    uint64_t n = list_size(it->v[0]);
    if (n == 0 || it->n[0] == 0) return Value();
    Ref result(tuple_new(ts, n));
    if (!result) return Value();
    for (uint64_t i = 0; i < n; ++i) {
        Value src = list_item(it->v[0], i);
        Value item;
        if (src.is_none()) {
            item = new_ref(it->v[1]);
        } else {
            item = iter_next(ts, src);
            if (item.is_null()) {
                if (ts.has_exception()) return Value();
                if (--it->n[0] == 0) return Value();
                set_ref(list_obj(it->v[0])->items[i], Value::none());
                item = new_ref(it->v[1]);
            }
        }
        tuple_obj(*result)->items[i] = item;
    }
    return result.release();
}

// --- pairwise(iterable): v0 iterator (null when done), v1 previous item ---

Value pairwise_new(ThreadState& ts, TypeObject* type, Args args) {
    if (!no_kwargs(ts, args, "pairwise") || !check_nargs(ts, args, "pairwise", 1, 1))
        return Value();
    Ref src(obj_iter(ts, args[0]));
    if (!src) return Value();
    return it_make(ts, type, {src.release()});
}

Value pairwise_next(ThreadState& ts, Value self) {
    ItObject* it = it_obj(self);
    if (it->v[0].is_null()) return Value();
    if (it->v[1].is_null()) {
        it->v[1] = iter_next(ts, it->v[0]);
        if (it->v[1].is_null()) {
            if (!ts.has_exception()) clear_ref(it->v[0]);
            return Value();
        }
    }
    Value next = iter_next(ts, it->v[0]);
    if (next.is_null()) {
        if (!ts.has_exception()) {
            clear_ref(it->v[0]);
            clear_ref(it->v[1]);
        }
        return Value();
    }
    Value pair = tuple_pack(ts, {it->v[1], next});
    set_ref(it->v[1], next);
    return pair;
}

// --- the types ---

constexpr MethodDef kChainMethods[] = {
    {"from_iterable", chain_from_iterable, kMethodClass},
};

struct ItTypeDef {
    ItKind kind;
    const char* name;
    NewSlot new_;
    UnarySlot next;
    UnarySlot repr;
};

const ItTypeDef kItTypes[] = {
    {kCount, "count", count_new, count_next, count_repr},
    {kCycle, "cycle", cycle_new, cycle_next, nullptr},
    {kRepeat, "repeat", repeat_new, repeat_next, repeat_repr},
    {kAccumulate, "accumulate", accumulate_new, accumulate_next, nullptr},
    {kChain, "chain", chain_new, chain_next, nullptr},
    {kCompress, "compress", compress_new, compress_next, nullptr},
    {kDropWhile, "dropwhile", dropwhile_new, dropwhile_next, nullptr},
    {kTakeWhile, "takewhile", takewhile_new, takewhile_next, nullptr},
    {kFilterFalse, "filterfalse", filterfalse_new, filterfalse_next, nullptr},
    {kGroupBy, "groupby", groupby_new, groupby_next, nullptr},
    {kGrouper, "_grouper", nullptr, grouper_next, nullptr},
    {kISlice, "islice", islice_new, islice_next, nullptr},
    {kStarMap, "starmap", starmap_new, starmap_next, nullptr},
    {kTee, "_tee", nullptr, tee_next, nullptr},
    {kZipLongest, "zip_longest", zip_longest_new, zip_longest_next, nullptr},
    {kProduct, "product", product_new, product_next, nullptr},
    {kPermutations, "permutations", permutations_new, permutations_next, nullptr},
    {kCombinations, "combinations", combinations_new, combinations_next, nullptr},
    {kCombinationsWR, "combinations_with_replacement", combinations_wr_new, combinations_wr_next,
     nullptr},
    {kPairwise, "pairwise", pairwise_new, pairwise_next, nullptr},
};

TypeObject* make_it_type(Interpreter& interp, const ItTypeDef& def) {
    TypeObject* t =
        type_alloc_builtin(interp, def.name, ObjKind::Native, sizeof(ItObject), interp.types.object,
                           kTypeHasGc | (def.new_ ? uint32_t(kTypeBaseType) : 0u));
    t->hdr.type = interp.types.type;
    t->new_ = def.new_;
    t->iter = iter_self;
    t->iternext = def.next;
    if (def.repr) t->repr = def.repr;
    t->dealloc = it_dealloc;
    t->traverse = it_traverse;
    t->clear = it_clear;
    if (def.kind == kChain) type_add_methods(interp, t, kChainMethods);
    Ref mod(interp.intern("itertools"));
    type_set_attr_cstr(interp, t, "__module__", *mod);
    type_ready(interp, t);
    return t;
}

ItTypes& it_types(Interpreter& interp) {
    return module_state<ItTypes>(interp, "itertools", [&](ItTypes& types) {
        for (const ItTypeDef& def : kItTypes) types.t[def.kind] = make_it_type(interp, def);
    });
}

constexpr MethodDef kItertoolsFunctions[] = {
    {"tee", itertools_tee},
};

}  // namespace

}  // namespace itertools_impl

using namespace itertools_impl;

Value init_itertools_module(ThreadState& ts) {
    ItTypes& types = it_types(ts.interp());
    Ref m(module_new(ts, "itertools"));
    if (!m || !module_add_functions(ts, *m, kItertoolsFunctions)) return Value();
    for (const ItTypeDef& def : kItTypes) {
        if (!module_add_value(ts, *m, def.name, val(types.t[def.kind]))) return Value();
    }
    return m.release();
}

}  // namespace gilt
