// range and range_iterator.
//
// A range holds start, stop, step and its length as int Values (CPython's
// rangeobject keeps PyLongs too), so range(10**30) works. Nearly every
// range in practice has four small ints; each operation checks that once
// (range_is_small) and then does plain int64 arithmetic, which cannot
// overflow because small ints are below 2**62 in magnitude. The other path
// does the same arithmetic on int Values through int_binary.
//
// The iterator's small mode is described in range.hpp; the eval loop may
// step it inline (range_iter_next_fast).
#include <cstdint>
#include <string>
#include <utility>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/errors.hpp"
#include "runtime/heap.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/iterators.hpp"
#include "runtime/range.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"

namespace gilt {

namespace {

Value range_count(ThreadState& ts, Args args);
Value range_index(ThreadState& ts, Args args);
Value range_reversed(ThreadState& ts, Args args);
Value range_get_start(ThreadState& ts, Value self);
Value range_get_stop(ThreadState& ts, Value self);
Value range_get_step(ThreadState& ts, Value self);
Value rangeiter_length_hint(ThreadState& ts, Args args);

constexpr MethodDef kRangeMethods[] = {
    {"count", range_count},
    {"index", range_index},
    {"__reversed__", range_reversed},
};

constexpr GetSetDef kRangeGetSets[] = {
    {"start", range_get_start},
    {"stop", range_get_stop},
    {"step", range_get_step},
};

constexpr MethodDef kRangeIterMethods[] = {
    {"__length_hint__", rangeiter_length_hint},
};

RangeObject* range_obj(Value v) {
    return as<RangeObject>(v);
}

bool range_is_small(const RangeObject* r) {
    return r->start.is_small_int() && r->stop.is_small_int() && r->step.is_small_int() &&
           r->length.is_small_int();
}

// --- int Value arithmetic (operands are ints; results new references) ---

Value iadd(ThreadState& ts, Value a, Value b) {
    return int_binary(ts, BinOp::Add, a, b);
}
Value isub(ThreadState& ts, Value a, Value b) {
    return int_binary(ts, BinOp::Sub, a, b);
}
Value imul(ThreadState& ts, Value a, Value b) {
    return int_binary(ts, BinOp::Mul, a, b);
}
Value ifloordiv(ThreadState& ts, Value a, Value b) {
    return int_binary(ts, BinOp::FloorDiv, a, b);
}

// len(range(start, stop, step)) (CPython's compute_range_length).
Value compute_length(ThreadState& ts, Value start, Value stop, Value step) {
    if (start.is_small_int() && stop.is_small_int() && step.is_small_int()) {
        int64_t lo = start.as_small_int(), hi = stop.as_small_int(), st = step.as_small_int();
        if (st < 0) {
            std::swap(lo, hi);
            st = -st;
        }
        return Value::small_int(lo >= hi ? 0 : (hi - lo - 1) / st + 1);
    }
    Ref lo = Ref::borrow(start), hi = Ref::borrow(stop), st = Ref::borrow(step);
    if (int_sign(step) < 0) {
        std::swap(lo, hi);
        st = Ref(isub(ts, Value::small_int(0), step));
        if (!st) return Value();
    }
    if (int_cmp(*lo, *hi) >= 0) return Value::small_int(0);
    Ref diff(isub(ts, *hi, *lo));
    if (!diff) return Value();
    diff = Ref(isub(ts, *diff, Value::small_int(1)));
    if (!diff) return Value();
    Ref q(ifloordiv(ts, *diff, *st));
    if (!q) return Value();
    return iadd(ts, *q, Value::small_int(1));
}

// Consumes the references to the four values.
Value range_from_values(ThreadState& ts, Value start, Value stop, Value step, Value length) {
    auto* r = alloc<RangeObject>(ts.types().range);
    if (!r) {
        for (Value v : {start, stop, step, length}) decref(v);
        return raise_memory_error(ts);
    }
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->length = length;
    return val(r);
}

// Builds range(start, stop, step) from borrowed ints; step != 0.
Value range_make(ThreadState& ts, Value start, Value stop, Value step) {
    Value length = compute_length(ts, start, stop, step);
    if (length.is_null()) return length;
    return range_from_values(ts, new_ref(start), new_ref(stop), new_ref(step), length);
}

// r.start + i * r.step (CPython's compute_item; no bounds check).
Value compute_item(ThreadState& ts, const RangeObject* r, Value i) {
    if (range_is_small(r) && i.is_small_int()) {
        __int128 v = static_cast<__int128>(r->start.as_small_int()) +
                     static_cast<__int128>(i.as_small_int()) * r->step.as_small_int();
        if (v >= INT64_MIN && v <= INT64_MAX) return make_int(ts, static_cast<int64_t>(v));
    }
    Ref prod(imul(ts, i, r->step));
    if (!prod) return Value();
    return iadd(ts, r->start, *prod);
}

// A range() argument as an exact int (CPython's PyNumber_Index).
Value range_arg(ThreadState& ts, Value v) {
    if (v.is_small_int()) return v;
    if (v.is_bool()) return Value::small_int(v.is_true());
    int64_t small;
    if (is_int(v)) {
        if (int_to_int64(v, &small)) return make_int(ts, small);
        return iadd(ts, v, Value::small_int(0));
    }
    UnarySlot s = type_of(ts, v)->nb_index;
    if (!s) {
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "'{}' object cannot be interpreted as an integer", type_name(ts, v));
    }
    Ref r(s(ts, v));
    if (!r) return Value();
    if (!is_int(*r)) {
        return raise_fmt(ts, ts.exc_types().TypeError, "__index__ returned non-int (type {})",
                         type_name(ts, *r));
    }
    return range_arg(ts, *r);
}

// --- the range type ---

void range_dealloc(Object* o) {
    auto* r = reinterpret_cast<RangeObject*>(o);
    for (Value* v : {&r->start, &r->stop, &r->step, &r->length}) clear_ref(*v);
    free_object(o);
}

Value range_new(ThreadState& ts, TypeObject*, Args args) {
    if (!no_kwargs(ts, args, "range") || !check_nargs(ts, args, "range", 1, 3)) return Value();
    Ref a[3];
    for (uint32_t i = 0; i < args.n; ++i) {
        a[i] = Ref(range_arg(ts, args[i]));
        if (!a[i]) return Value();
    }
    if (args.n == 1) return range_make(ts, Value::small_int(0), *a[0], Value::small_int(1));
    if (args.n == 2) return range_make(ts, *a[0], *a[1], Value::small_int(1));
    if (int_sign(*a[2]) == 0)
        return raise(ts, ts.exc_types().ValueError, "range() arg 3 must not be zero");
    return range_make(ts, *a[0], *a[1], *a[2]);
}

bool append_int(ThreadState& ts, std::string& out, Value v) {
    Ref r(obj_repr(ts, v));
    if (!r) return false;
    out += str_view(*r);
    return true;
}

Value range_repr(ThreadState& ts, Value self) {
    RangeObject* r = range_obj(self);
    std::string out = "range(";
    if (!append_int(ts, out, r->start)) return Value();
    out += ", ";
    if (!append_int(ts, out, r->stop)) return Value();
    if (r->step != Value::small_int(1)) {
        out += ", ";
        if (!append_int(ts, out, r->step)) return Value();
    }
    out += ')';
    return make_str(ts, out);
}

int64_t range_len(ThreadState& ts, Value self) {
    Value n = range_obj(self)->length;
    if (n.is_small_int()) return n.as_small_int();
    int64_t out;
    return int_as_int64(ts, n, &out) ? out : -1;
}

int range_bool(ThreadState&, Value self) {
    return int_sign(range_obj(self)->length) != 0;
}

// r[i] for an int i, negative counting from the end.
Value range_item(ThreadState& ts, const RangeObject* r, Value i) {
    Ref idx = Ref::borrow(i);
    if (int_sign(i) < 0) {
        idx = Ref(iadd(ts, i, r->length));
        if (!idx) return Value();
    }
    if (int_sign(*idx) < 0 || int_cmp(*idx, r->length) >= 0) {
        return raise(ts, ts.exc_types().IndexError, "range object index out of range");
    }
    return compute_item(ts, r, *idx);
}

Value range_slice(ThreadState& ts, const RangeObject* r, Value slice) {
    Ref start, stop, step;
    if (!slice_long_indices(ts, slice, r->length, &start, &stop, &step)) return Value();
    Ref substart(compute_item(ts, r, *start));
    if (!substart) return Value();
    Ref substop(compute_item(ts, r, *stop));
    if (!substop) return Value();
    Ref substep(imul(ts, *step, r->step));
    if (!substep) return Value();
    return range_make(ts, *substart, *substop, *substep);
}

Value range_subscript(ThreadState& ts, Value self, Value key) {
    RangeObject* r = range_obj(self);
    if (key.is_small_int() && range_is_small(r)) {
        int64_t i = key.as_small_int();
        if (!normalize_index(&i, r->length.as_small_int())) {
            return raise(ts, ts.exc_types().IndexError, "range object index out of range");
        }
        return Value::small_int(r->start.as_small_int() + i * r->step.as_small_int());
    }
    if (is_slice(key)) return range_slice(ts, r, key);
    if (!key.is_bool() && !is_int(key) && !type_of(ts, key)->nb_index) {
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "range indices must be integers or slices, not {}", type_name(ts, key));
    }
    Ref i(range_arg(ts, key));
    if (!i) return Value();
    return range_item(ts, r, *i);
}

// Membership of an exact int (CPython's range_contains_long): in bounds and
// on the stride. 1 / 0 / -1.
int range_contains_int(ThreadState& ts, const RangeObject* r, Value ob) {
    if (range_is_small(r) && ob.is_small_int()) {
        int64_t x = ob.as_small_int(), start = r->start.as_small_int();
        int64_t stop = r->stop.as_small_int(), step = r->step.as_small_int();
        bool inside = step > 0 ? (start <= x && x < stop) : (stop < x && x <= start);
        return inside && (x - start) % step == 0;
    }
    bool positive = int_sign(r->step) > 0;
    bool inside = positive ? (int_cmp(r->start, ob) <= 0 && int_cmp(ob, r->stop) < 0)
                           : (int_cmp(ob, r->start) <= 0 && int_cmp(r->stop, ob) < 0);
    if (!inside) return 0;
    Ref diff(isub(ts, ob, r->start));
    if (!diff) return -1;
    Ref rem(int_binary(ts, BinOp::Mod, *diff, r->step));
    if (!rem) return -1;
    return int_sign(*rem) == 0;
}

// Only exact ints (and bools) take the arithmetic path: 3.0 in range(5)
// must compare by iteration, as in CPython.
bool is_exact_int_like(ThreadState& ts, Value v) {
    return v.is_small_int() || v.is_bool() ||
           (v.is_object() && v.as_object()->type == ts.types().int_);
}

int range_contains(ThreadState& ts, Value self, Value ob) {
    if (is_exact_int_like(ts, ob)) {
        Value x = ob.is_bool() ? Value::small_int(ob.is_true()) : ob;
        return range_contains_int(ts, range_obj(self), x);
    }
    return iter_contains(ts, self, ob);
}

// CPython's range_equals: equal as sequences.
bool range_equals(const RangeObject* a, const RangeObject* b) {
    if (a == b) return true;
    if (int_cmp(a->length, b->length) != 0) return false;
    if (int_sign(a->length) == 0) return true;
    if (int_cmp(a->start, b->start) != 0) return false;
    if (int_cmp(a->length, Value::small_int(1)) == 0) return true;
    return int_cmp(a->step, b->step) == 0;
}

Value range_richcompare(ThreadState& ts, Value a, Value b, CompareOp op) {
    bool both = a.is_object() && b.is_object() && a.as_object()->type == ts.types().range &&
                b.as_object()->type == ts.types().range;
    if (!both || (op != CompareOp::Eq && op != CompareOp::Ne)) return Value::not_implemented();
    bool eq = range_equals(range_obj(a), range_obj(b));
    return Value::boolean(op == CompareOp::Eq ? eq : !eq);
}

// hash((len, start, step)) with None for what does not affect the sequence.
bool range_hash(ThreadState& ts, Value self, int64_t* out) {
    RangeObject* r = range_obj(self);
    Value start = Value::none(), step = Value::none();
    if (int_sign(r->length) != 0) {
        start = r->start;
        if (int_cmp(r->length, Value::small_int(1)) != 0) step = r->step;
    }
    Ref t(tuple_pack(ts, {r->length, start, step}));
    return t && tuple_hash(ts, *t, out);
}

Value range_get_start(ThreadState&, Value self) {
    return new_ref(range_obj(self)->start);
}
Value range_get_stop(ThreadState&, Value self) {
    return new_ref(range_obj(self)->stop);
}
Value range_get_step(ThreadState&, Value self) {
    return new_ref(range_obj(self)->step);
}

Value range_count(ThreadState& ts, Args args) {
    if (!no_kwargs(ts, args, "range.count") ||
        !check_nargs(ts, args.drop_first(), "range.count", 1, 1)) {
        return Value();
    }
    if (is_exact_int_like(ts, args[1])) {
        int r = range_contains(ts, args[0], args[1]);
        return r < 0 ? Value() : Value::small_int(r);
    }
    Ref it(obj_iter(ts, args[0]));
    if (!it) return Value();
    int64_t count = 0;
    for (;;) {
        Ref x(iter_next(ts, *it));
        if (!x) return ts.has_exception() ? Value() : make_int(ts, count);
        int eq = obj_eq(ts, *x, args[1]);
        if (eq < 0) return Value();
        count += eq;
    }
}

// The position of `ob` by iteration, or -1 (nothing raised) / -2 (error).
int64_t range_search(ThreadState& ts, Value self, Value ob) {
    Ref it(obj_iter(ts, self));
    if (!it) return -2;
    for (int64_t i = 0;; ++i) {
        Ref x(iter_next(ts, *it));
        if (!x) return ts.has_exception() ? -2 : -1;
        int eq = obj_eq(ts, *x, ob);
        if (eq != 0) return eq < 0 ? -2 : i;
    }
}

Value range_index(ThreadState& ts, Args args) {
    if (!no_kwargs(ts, args, "range.index") ||
        !check_nargs(ts, args.drop_first(), "range.index", 1, 1)) {
        return Value();
    }
    RangeObject* r = range_obj(args[0]);
    Value ob = args[1];
    if (!is_exact_int_like(ts, ob)) {
        int64_t i = range_search(ts, args[0], ob);
        if (i >= 0) return make_int(ts, i);
        if (i == -1) raise(ts, ts.exc_types().ValueError, "sequence.index(x): x not in sequence");
        return Value();
    }
    Value x = ob.is_bool() ? Value::small_int(ob.is_true()) : ob;
    int in = range_contains_int(ts, r, x);
    if (in < 0) return Value();
    if (in == 0) {
        Ref rep(obj_repr(ts, ob));
        if (!rep) return Value();
        return raise_fmt(ts, ts.exc_types().ValueError, "{} is not in range", str_view(*rep));
    }
    Ref diff(isub(ts, x, r->start));
    if (!diff) return Value();
    return ifloordiv(ts, *diff, r->step);
}

// --- range_iterator ---

void rangeiter_dealloc(Object* o) {
    auto* it = reinterpret_cast<RangeIterObject*>(o);
    clear_ref(it->big_next);
    clear_ref(it->big_step);
    clear_ref(it->big_len);
    free_object(o);
}

// An iterator yielding `len` values from `first` by `step` (borrowed ints).
// Small mode needs every value yielded to be a small int and the bound one
// step past the last value to fit in int64.
Value rangeiter_make(ThreadState& ts, Value first, Value step, Value len) {
    auto* it = alloc<RangeIterObject>(ts.types().range_iterator);
    if (!it) return raise_memory_error(ts);
    if (first.is_small_int() && step.is_small_int() && len.is_small_int()) {
        __int128 end = static_cast<__int128>(first.as_small_int()) +
                       static_cast<__int128>(len.as_small_int()) * step.as_small_int();
        __int128 last = end - step.as_small_int();
        bool fits =
            len.as_small_int() == 0 || (last >= Value::kSmallMin && last <= Value::kSmallMax);
        if (fits && end >= INT64_MIN && end <= INT64_MAX) {
            it->next = first.as_small_int();
            it->step = step.as_small_int();
            it->stop = static_cast<int64_t>(end);
            return val(it);
        }
    }
    it->hdr.aux = kRangeIterBig;
    it->big_next = new_ref(first);
    it->big_step = new_ref(step);
    it->big_len = new_ref(len);
    return val(it);
}

Value range_iter(ThreadState& ts, Value self) {
    RangeObject* r = range_obj(self);
    return rangeiter_make(ts, r->start, r->step, r->length);
}

Value range_reversed(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "range.__reversed__", 0, 0)) return Value();
    RangeObject* r = range_obj(args[0]);
    Ref lenm1(isub(ts, r->length, Value::small_int(1)));
    if (!lenm1) return Value();
    Ref last(compute_item(ts, r, *lenm1));
    if (!last) return Value();
    Ref neg(isub(ts, Value::small_int(0), r->step));
    if (!neg) return Value();
    return rangeiter_make(ts, *last, *neg, r->length);
}

Value rangeiter_next_big(ThreadState& ts, RangeIterObject* it) {
    if (int_sign(it->big_len) <= 0) return Value();
    Value result = it->big_next;
    Value next = iadd(ts, result, it->big_step);
    if (next.is_null()) return next;
    Value len = isub(ts, it->big_len, Value::small_int(1));
    if (len.is_null()) {
        decref(next);
        return len;
    }
    it->big_next = next;  // the reference to `result` passes to the caller
    set_ref(it->big_len, len);
    return result;
}

Value rangeiter_next(ThreadState& ts, Value self) {
    auto* it = as<RangeIterObject>(self);
    Value out;
    if (range_iter_next_fast(it, &out)) return out;
    if (it->hdr.aux == 0) return Value();
    return rangeiter_next_big(ts, it);
}

Value rangeiter_length_hint(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "__length_hint__", 0, 0)) return Value();
    auto* it = as<RangeIterObject>(args[0]);
    if (it->hdr.aux != 0) return new_ref(it->big_len);
    int64_t step = it->step, left = 0;
    if (step > 0 && it->next < it->stop) left = (it->stop - it->next - 1) / step + 1;
    if (step < 0 && it->next > it->stop) left = (it->next - it->stop - 1) / -step + 1;
    return Value::small_int(left);
}

}  // namespace

Value make_range(ThreadState& ts, int64_t start, int64_t stop, int64_t step) {
    Ref a(make_int(ts, start));
    Ref b(make_int(ts, stop));
    Ref c(make_int(ts, step));
    if (!a || !b || !c) return Value();
    return range_make(ts, *a, *b, *c);
}

void define_range_type(Interpreter& interp, TypeObject* t) {
    t->instance_kind = ObjKind::Range;
    t->basicsize = sizeof(RangeObject);
    t->flags = 0;
    t->dealloc = range_dealloc;
    t->repr = range_repr;
    t->hash = range_hash;
    t->richcompare = range_richcompare;
    t->iter = range_iter;
    t->len = range_len;
    t->getitem = range_subscript;
    t->contains = range_contains;
    t->bool_ = range_bool;
    t->new_ = range_new;
    type_add_methods(interp, t, kRangeMethods);
    type_add_getsets(interp, t, kRangeGetSets);
}

void define_range_iterator_type(Interpreter& interp, TypeObject* t) {
    t->instance_kind = ObjKind::Native;
    t->basicsize = sizeof(RangeIterObject);
    t->flags = 0;
    t->dealloc = rangeiter_dealloc;
    t->iter = iter_self;
    t->iternext = rangeiter_next;
    type_add_methods(interp, t, kRangeIterMethods);
}

}  // namespace gilt
