// slice objects, and the index arithmetic every sequence shares.
//
// A slice stores its three operands as given (any objects, None when
// omitted); they are interpreted only against a length, in two steps that
// mirror CPython: slice_unpack (PySlice_Unpack: read the operands as
// clamped int64s, may call __index__) then slice_adjust_indices
// (PySlice_AdjustIndices: clamp to a length; pure arithmetic). Sequences call
// the first, then look at their current length, because __index__ can
// mutate them. slice.indices() and range slicing use slice_long_indices,
// which works on int Values so that huge ranges slice exactly.
#include <cstdint>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/errors.hpp"
#include "runtime/heap.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/range.hpp"
#include "runtime/slots.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"

namespace gilt {

namespace {

Value slice_indices_method(ThreadState& ts, Args args);
Value slice_get_start(ThreadState& ts, Value self);
Value slice_get_stop(ThreadState& ts, Value self);
Value slice_get_step(ThreadState& ts, Value self);

constexpr MethodDef kSliceMethods[] = {
    {"indices", slice_indices_method},
};

constexpr GetSetDef kSliceGetSets[] = {
    {"start", slice_get_start},
    {"stop", slice_get_stop},
    {"step", slice_get_step},
};

constexpr const char* kSliceIndexMsg =
    "slice indices must be integers or None or have an __index__ method";

SliceObject* slice_obj(Value v) {
    return as<SliceObject>(v);
}

// The int a value's __index__ gives (a new reference), or null: with an
// exception pending if __index__ failed, without one if there is none.
Value index_value(ThreadState& ts, Value v) {
    if (v.is_bool()) return Value::small_int(v.is_true());
    if (is_int(v)) return new_ref(v);
    UnarySlot s = type_of(ts, v)->nb_index;
    if (!s) return Value();
    Value r = s(ts, v);
    if (r.is_null() || is_int(r)) return r;
    raise_fmt(ts, ts.exc_types().TypeError, "__index__ returned non-int (type {})",
              type_name(ts, r));
    decref(r);
    return Value();
}

// An int Value as int64, clamped to [INT64_MIN, INT64_MAX].
int64_t clamp_int(Value v) {
    int64_t out;
    if (int_to_int64(v, &out)) return out;
    return int_sign(v) < 0 ? INT64_MIN : INT64_MAX;
}

// --- slice_long_indices: CPython's _PySlice_GetLongIndices on int Values ---

// The operand as an int (new ref), or null + TypeError.
Value slice_operand(ThreadState& ts, Value v) {
    Value r = index_value(ts, v);
    if (r.is_null() && !ts.has_exception()) raise(ts, ts.exc_types().TypeError, kSliceIndexMsg);
    return r;
}

Value int_add(ThreadState& ts, Value a, Value b) {
    return int_binary(ts, BinOp::Add, a, b);
}

// Clamps an explicit start/stop to [lower, upper] after adding length to a
// negative value.
Value clamp_bound(ThreadState& ts, Value v, Value length, Value lower, Value upper) {
    Ref x(slice_operand(ts, v));
    if (!x) return Value();
    if (int_sign(*x) < 0) {
        x = Ref(int_add(ts, *x, length));
        if (!x) return Value();
        if (int_cmp(*x, lower) < 0) return new_ref(lower);
    } else if (int_cmp(*x, upper) > 0) {
        return new_ref(upper);
    }
    return x.release();
}

}  // namespace

// Resolves `slice` against an int `length` (>= 0) with int Values; the
// results are new references. false with an exception pending.
bool slice_long_indices(ThreadState& ts, Value slice, Value length, Ref* start, Ref* stop,
                        Ref* step) {
    SliceObject* s = slice_obj(slice);
    if (s->step.is_none()) {
        *step = Ref(Value::small_int(1));
    } else {
        *step = Ref(slice_operand(ts, s->step));
        if (!*step) return false;
        if (int_sign(step->get()) == 0) {
            raise(ts, ts.exc_types().ValueError, "slice step cannot be zero");
            return false;
        }
    }
    bool negative = int_sign(step->get()) < 0;
    Ref lower(Value::small_int(negative ? -1 : 0));
    Ref upper(negative ? int_add(ts, length, Value::small_int(-1)) : new_ref(length));
    if (!upper) return false;
    *start = s->start.is_none() ? Ref::borrow(negative ? *upper : *lower)
                                : Ref(clamp_bound(ts, s->start, length, *lower, *upper));
    if (!*start) return false;
    *stop = s->stop.is_none() ? Ref::borrow(negative ? *lower : *upper)
                              : Ref(clamp_bound(ts, s->stop, length, *lower, *upper));
    return static_cast<bool>(*stop);
}

namespace {

// --- the slice type ---

void slice_dealloc(Object* o) {
    auto* s = reinterpret_cast<SliceObject*>(o);
    clear_ref(s->start);
    clear_ref(s->stop);
    clear_ref(s->step);
    free_object(o);
}

void slice_traverse(Object* o, VisitFn visit, void* ctx) {
    auto* s = reinterpret_cast<SliceObject*>(o);
    for (Value v : {s->start, s->stop, s->step}) {
        if (!v.is_null()) visit(v, ctx);
    }
}

void slice_clear(Object* o) {
    auto* s = reinterpret_cast<SliceObject*>(o);
    clear_ref(s->start);
    clear_ref(s->stop);
    clear_ref(s->step);
}

Value slice_new(ThreadState& ts, TypeObject*, Args args) {
    if (!no_kwargs(ts, args, "slice") || !check_nargs(ts, args, "slice", 1, 3)) return Value();
    if (args.n == 1) return make_slice(ts, Value::none(), args[0], Value::none());
    return make_slice(ts, args[0], args[1], args.n == 3 ? args[2] : Value::none());
}

Value slice_repr(ThreadState& ts, Value self) {
    SliceObject* s = slice_obj(self);
    std::string out = "slice(";
    Value parts[3] = {s->start, s->stop, s->step};
    for (int i = 0; i < 3; ++i) {
        Ref r(obj_repr(ts, parts[i]));
        if (!r) return Value();
        if (i > 0) out += ", ";
        out += str_view(*r);
    }
    out += ')';
    return make_str(ts, out);
}

Value slice_as_tuple(ThreadState& ts, Value v) {
    SliceObject* s = slice_obj(v);
    return tuple_pack(ts, {s->start, s->stop, s->step});
}

// Slices compare as (start, stop, step) tuples (CPython's slice_richcompare).
Value slice_richcompare(ThreadState& ts, Value a, Value b, CompareOp op) {
    if (!is_slice(a) || !is_slice(b)) return Value::not_implemented();
    if (a == b)
        return Value::boolean(op == CompareOp::Eq || op == CompareOp::Le || op == CompareOp::Ge);
    Ref ta(slice_as_tuple(ts, a));
    if (!ta) return Value();
    Ref tb(slice_as_tuple(ts, b));
    if (!tb) return Value();
    return rich_compare(ts, *ta, *tb, op);
}

Value slice_get_start(ThreadState&, Value self) {
    return new_ref(slice_obj(self)->start);
}
Value slice_get_stop(ThreadState&, Value self) {
    return new_ref(slice_obj(self)->stop);
}
Value slice_get_step(ThreadState&, Value self) {
    return new_ref(slice_obj(self)->step);
}

// slice.indices(length) -> (start, stop, step)
Value slice_indices_method(ThreadState& ts, Args args) {
    if (!no_kwargs(ts, args, "slice.indices") ||
        !check_nargs(ts, args.drop_first(), "slice.indices", 1, 1)) {
        return Value();
    }
    Ref length(index_value(ts, args[1]));
    if (!length) {
        if (!ts.has_exception()) {
            raise_fmt(ts, ts.exc_types().TypeError,
                      "'{}' object cannot be interpreted as an integer", type_name(ts, args[1]));
        }
        return Value();
    }
    if (int_sign(*length) < 0)
        return raise(ts, ts.exc_types().ValueError, "length should not be negative");
    Ref start, stop, step;
    if (!slice_long_indices(ts, args[0], *length, &start, &stop, &step)) return Value();
    return tuple_pack(ts, {*start, *stop, *step});
}

}  // namespace

// --- shared index arithmetic ---

int seq_index_arg(ThreadState& ts, Value key, int64_t* out) {
    if (key.is_small_int()) {
        *out = key.as_small_int();
        return 1;
    }
    Ref idx(index_value(ts, key));
    if (!idx) return ts.has_exception() ? -1 : 0;
    if (!int_to_int64(*idx, out)) {
        raise_fmt(ts, ts.exc_types().IndexError, "cannot fit '{}' into an index-sized integer",
                  type_name(ts, key));
        return -1;
    }
    return 1;
}

bool slice_index_clamped(ThreadState& ts, Value v, int64_t* out, const char* msg) {
    if (v.is_small_int()) {
        *out = v.as_small_int();
        return true;
    }
    Ref idx(index_value(ts, v));
    if (!idx) {
        if (!ts.has_exception()) raise(ts, ts.exc_types().TypeError, msg ? msg : kSliceIndexMsg);
        return false;
    }
    *out = clamp_int(*idx);
    return true;
}

bool index_as_ssize(ThreadState& ts, Value v, int64_t* out) {
    if (v.is_small_int()) {
        *out = v.as_small_int();
        return true;
    }
    Ref idx(index_value(ts, v));
    if (!idx) {
        if (!ts.has_exception()) {
            raise_fmt(ts, ts.exc_types().TypeError,
                      "'{}' object cannot be interpreted as an integer", type_name(ts, v));
        }
        return false;
    }
    return int_as_int64(ts, *idx, out);
}

int seq_repeat_count(ThreadState& ts, Value count, bool reflected, int64_t* out) {
    if (count.is_small_int()) {
        *out = count.as_small_int();
        return 1;
    }
    TypeObject* t = type_of(ts, count);
    if (count.is_bool() || is_int(count) || t->nb_index) {
        Ref idx(index_value(ts, count));
        if (!idx) return -1;
        if (!int_to_int64(*idx, out)) {
            raise_fmt(ts, ts.exc_types().OverflowError,
                      "cannot fit '{}' into an index-sized integer", type_name(ts, count));
            return -1;
        }
        return 1;
    }
    if (!reflected && (t->flags & kTypeHeap) && t->nb[static_cast<int>(BinOp::Mul)]) return 0;
    raise_fmt(ts, ts.exc_types().TypeError, "can't multiply sequence by non-int of type '{}'",
              type_name(ts, count));
    return -1;
}

bool slice_unpack(ThreadState& ts, Value slice, int64_t* start, int64_t* stop, int64_t* step) {
    SliceObject* s = slice_obj(slice);
    if (s->step.is_none()) {
        *step = 1;
    } else {
        if (!slice_index_clamped(ts, s->step, step)) return false;
        if (*step == 0) {
            raise(ts, ts.exc_types().ValueError, "slice step cannot be zero");
            return false;
        }
        if (*step < -INT64_MAX) *step = -INT64_MAX;  // so that -step never overflows
    }
    if (s->start.is_none()) {
        *start = *step < 0 ? INT64_MAX : 0;
    } else if (!slice_index_clamped(ts, s->start, start)) {
        return false;
    }
    if (s->stop.is_none()) {
        *stop = *step < 0 ? INT64_MIN : INT64_MAX;
    } else if (!slice_index_clamped(ts, s->stop, stop)) {
        return false;
    }
    return true;
}

int64_t slice_adjust_indices(int64_t length, int64_t* start, int64_t* stop, int64_t step) noexcept {
    auto adjust = [&](int64_t* x) {
        if (*x < 0) {
            *x += length;
            if (*x < 0) *x = step < 0 ? -1 : 0;
        } else if (*x >= length) {
            *x = step < 0 ? length - 1 : length;
        }
    };
    adjust(start);
    adjust(stop);
    if (step < 0) return *stop < *start ? (*start - *stop - 1) / (-step) + 1 : 0;
    return *start < *stop ? (*stop - *start - 1) / step + 1 : 0;
}

bool slice_indices(ThreadState& ts, Value slice, int64_t length, int64_t* start, int64_t* stop,
                   int64_t* step, int64_t* count) {
    if (!slice_unpack(ts, slice, start, stop, step)) return false;
    *count = slice_adjust_indices(length, start, stop, *step);
    return true;
}

Value make_slice(ThreadState& ts, Value start, Value stop, Value step) {
    auto* s = alloc_gc<SliceObject>(ts.types().slice);
    if (!s) return raise_memory_error(ts);
    s->start = new_ref(start);
    s->stop = new_ref(stop);
    s->step = new_ref(step);
    return val(s);
}

void define_slice_type(Interpreter& interp, TypeObject* t) {
    t->instance_kind = ObjKind::Slice;
    t->basicsize = sizeof(SliceObject);
    t->flags = kTypeHasGc;
    t->dealloc = slice_dealloc;
    t->traverse = slice_traverse;
    t->clear = slice_clear;
    t->repr = slice_repr;
    t->hash = hash_not_implemented;
    t->richcompare = slice_richcompare;
    t->new_ = slice_new;
    type_add_methods(interp, t, kSliceMethods);
    type_add_getsets(interp, t, kSliceGetSets);
}

}  // namespace gilt
