// tuple: immutable, `size` items stored inline after the header (one
// allocation). The empty tuple is a per-interpreter singleton: tuple_new(0)
// returns Interpreter::empty_tuple once start-up has created it.
//
// A tuple under construction (from tuple_new) holds null items until its
// creator fills them; traverse and dealloc skip nulls so that a collection
// or an error midway is harmless.
//
// The hash is CPython 3.11's xxHash-based tuplehash, bit for bit, so that
// hash((1, 2)) and the iteration order of sets of tuples match CPython.
#include <fmt/format.h>

#include <cstddef>
#include <string>
#include <vector>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/compare_ordered.hpp"
#include "runtime/errors.hpp"
#include "runtime/heap.hpp"
#include "runtime/instance.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/iterators.hpp"
#include "runtime/list.hpp"
#include "runtime/range.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"

namespace gilt {

namespace {

Value tuple_index(ThreadState& ts, Args args);
Value tuple_count(ThreadState& ts, Args args);
Value tupleiter_length_hint(ThreadState& ts, Args args);

constexpr MethodDef kTupleMethods[] = {
    {"index", tuple_index},
    {"count", tuple_count},
};

constexpr MethodDef kTupleIterMethods[] = {
    {"__length_hint__", tupleiter_length_hint},
};

constexpr std::size_t tuple_alloc_size(uint64_t n) {
    return offsetof(TupleObject, items) + n * sizeof(Value);
}

// A tuple of `type` (tuple or a subclass) with n null items.
Value tuple_alloc(ThreadState& ts, TypeObject* type, uint64_t n) {
    if (n > (uint64_t(1) << 58)) return raise_memory_error(ts);
    Interpreter& interp = ts.interp();
    auto* t = type == interp.types.tuple && n - 1 < Interpreter::kTupleBlockSizes
                  ? reinterpret_cast<TupleObject*>(
                        alloc_gc_object_from(interp.tuple_blocks[n - 1], type, tuple_alloc_size(n)))
                  : alloc_gc<TupleObject>(type, type->dict_offset == kDictAfterItems
                                                    ? tuple_alloc_size(n) + sizeof(Value)
                                                    : tuple_alloc_size(n));
    if (!t) return raise_memory_error(ts);
    t->size = n;
    return val(t);
}

// --- slots ---

void tuple_dealloc(Object* o) {
    auto* t = reinterpret_cast<TupleObject*>(o);
    for (uint64_t i = t->size; i > 0; --i) decref(t->items[i - 1]);
    Interpreter& interp = *o->type->interp;
    if (o->type == interp.types.tuple && t->size - 1 < Interpreter::kTupleBlockSizes) {
        free_gc_object_to(interp.tuple_blocks[t->size - 1], o);
    } else {
        free_object(o);
    }
}

void tuple_traverse(Object* o, VisitFn visit, void* ctx) {
    auto* t = reinterpret_cast<TupleObject*>(o);
    for (uint64_t i = 0; i < t->size; ++i) {
        if (!t->items[i].is_null()) visit(t->items[i], ctx);
    }
}

// Only the cycle collector calls this: the tuple is garbage, so nothing
// will read the cleared (null) items.
void tuple_gc_clear(Object* o) {
    auto* t = reinterpret_cast<TupleObject*>(o);
    for (uint64_t i = 0; i < t->size; ++i) clear_ref(t->items[i]);
}

int64_t tuple_len(ThreadState&, Value self) {
    return static_cast<int64_t>(tuple_size(self));
}

int tuple_bool(ThreadState&, Value self) {
    return tuple_size(self) != 0;
}

Value tuple_repr(ThreadState& ts, Value self) {
    uint64_t n = tuple_size(self);
    if (n == 0) return make_str(ts, "()");
    ReprGuard guard(self);
    if (guard.recursive()) return make_str(ts, "(...)");
    std::string out = "(";
    for (uint64_t i = 0; i < n; ++i) {
        if (i > 0) out += ", ";
        Value v = tuple_item(self, i);
        if (v.is_small_int()) {
            fmt::format_to(std::back_inserter(out), "{}", v.as_small_int());
            continue;
        }
        Ref r(obj_repr(ts, v));
        if (!r) return Value();
        out += str_view(*r);
    }
    out += n == 1 ? ",)" : ")";
    return make_str(ts, out);
}

// CPython 3.11's tuplehash (xxHash's round and constants, 64-bit lanes).
constexpr uint64_t kXXPrime1 = 11400714785074694791ULL;
constexpr uint64_t kXXPrime2 = 14029467366897019727ULL;
constexpr uint64_t kXXPrime5 = 2870177450012600261ULL;
constexpr uint64_t xx_rotate(uint64_t x) {
    return (x << 31) | (x >> 33);
}

bool tuple_hash_slot(ThreadState& ts, Value self, int64_t* out) {
    return tuple_hash(ts, self, out);
}

Value tuple_subscript(ThreadState& ts, Value self, Value key) {
    int64_t i;
    if (key.is_small_int()) {
        i = key.as_small_int();
    } else if (is_slice(key)) {
        int64_t start, stop, step;
        if (!slice_unpack(ts, key, &start, &stop, &step)) return Value();
        int64_t n =
            slice_adjust_indices(static_cast<int64_t>(tuple_size(self)), &start, &stop, step);
        if (n <= 0) return tuple_new(ts, 0);
        if (step == 1)
            return tuple_slice(ts, self, static_cast<uint64_t>(start), static_cast<uint64_t>(stop));
        Value r = tuple_new(ts, static_cast<uint64_t>(n));
        if (r.is_null()) return r;
        for (int64_t k = 0, cur = start; k < n; ++k, cur += step)
            tuple_obj(r)->items[k] = new_ref(tuple_item(self, cur));
        return r;
    } else {
        int ok = seq_index_arg(ts, key, &i);
        if (ok < 0) return Value();
        if (ok == 0) {
            return raise_fmt(ts, ts.exc_types().TypeError,
                             "tuple indices must be integers or slices, not {}",
                             type_name(ts, key));
        }
    }
    if (!normalize_index(&i, static_cast<int64_t>(tuple_size(self)))) {
        return raise(ts, ts.exc_types().IndexError, "tuple index out of range");
    }
    return new_ref(tuple_item(self, static_cast<uint64_t>(i)));
}

// item == value with the cheap cases inline.
int item_eq(ThreadState& ts, Value item, Value value) {
    if (item == value) return 1;
    if (item.is_small_int() && value.is_small_int()) return 0;
    return rich_compare_bool(ts, item, value, CompareOp::Eq);
}

int tuple_contains(ThreadState& ts, Value self, Value value) {
    for (uint64_t i = 0; i < tuple_size(self); ++i) {
        int cmp = item_eq(ts, tuple_item(self, i), value);
        if (cmp != 0) return cmp;
    }
    return 0;
}

// Lexicographic: the first pair that differs under == decides, compared
// again with `op` (CPython's tuplerichcompare).
Value tuple_richcompare(ThreadState& ts, Value a, Value b, CompareOp op) {
    if (!is_tuple(ts, a) || !is_tuple(ts, b)) return Value::not_implemented();
    uint64_t na = tuple_size(a), nb = tuple_size(b);
    uint64_t i = 0;
    for (; i < na && i < nb; ++i) {
        int k = item_eq(ts, tuple_item(a, i), tuple_item(b, i));
        if (k < 0) return Value();
        if (k == 0) break;
    }
    if (i >= na || i >= nb) return compare_ordered<uint64_t>(na, nb, op);
    if (op == CompareOp::Eq) return Value::false_();
    if (op == CompareOp::Ne) return Value::true_();
    return rich_compare(ts, tuple_item(a, i), tuple_item(b, i), op);
}

Value tuple_add(ThreadState& ts, Value a, Value b) {
    if (!is_tuple(ts, a) || !is_tuple(ts, b)) return Value::not_implemented();
    uint64_t na = tuple_size(a), nb = tuple_size(b);
    if (nb == 0 && is_exact_tuple(ts, a)) return new_ref(a);
    if (na == 0 && is_exact_tuple(ts, b)) return new_ref(b);
    Value r = tuple_new(ts, na + nb);
    if (r.is_null()) return r;
    TupleObject* t = tuple_obj(r);
    for (uint64_t i = 0; i < na; ++i) t->items[i] = new_ref(tuple_item(a, i));
    for (uint64_t i = 0; i < nb; ++i) t->items[na + i] = new_ref(tuple_item(b, i));
    return r;
}

Value tuple_repeat(ThreadState& ts, Value self, int64_t count) {
    uint64_t size = tuple_size(self);
    if (count == 1 && is_exact_tuple(ts, self)) return new_ref(self);
    if (count <= 0 || size == 0) return tuple_new(ts, 0);
    if (size > (uint64_t(1) << 58) / static_cast<uint64_t>(count)) return raise_memory_error(ts);
    uint64_t total = size * static_cast<uint64_t>(count);
    Value r = tuple_new(ts, total);
    if (r.is_null()) return r;
    TupleObject* t = tuple_obj(r);
    for (uint64_t i = 0; i < total; ++i) t->items[i] = new_ref(tuple_item(self, i % size));
    return r;
}

Value tuple_mul(ThreadState& ts, Value a, Value b) {
    bool reflected = !is_tuple(ts, a);
    int64_t count;
    int r = seq_repeat_count(ts, reflected ? a : b, reflected, &count);
    if (r <= 0) return r == 0 ? Value::not_implemented() : Value();
    return tuple_repeat(ts, reflected ? b : a, count);
}

Value tuple_iter(ThreadState& ts, Value self) {
    auto* it = alloc_gc<TupleIterObject>(ts.types().tuple_iterator);
    if (!it) return raise_memory_error(ts);
    it->seq = new_ref(self);
    return val(it);
}

// tuple(iterable=(), /), also for subclasses (the items are copied into an
// instance of the subclass).
Value tuple_new_slot(ThreadState& ts, TypeObject* type, Args args) {
    if (!no_kwargs(ts, args, "tuple") || !check_nargs(ts, args, "tuple", 0, 1)) return Value();
    Ref items(args.n == 0 ? tuple_new(ts, 0) : tuple_from_iterable(ts, args[0]));
    if (!items || type == ts.types().tuple) return items.release();
    uint64_t n = tuple_size(*items);
    Value r = tuple_alloc(ts, type, n);
    if (r.is_null()) return r;
    for (uint64_t i = 0; i < n; ++i) tuple_obj(r)->items[i] = new_ref(tuple_item(*items, i));
    return r;
}

// --- methods ---

Value tuple_index(ThreadState& ts, Args args) {
    if (!no_kwargs(ts, args, "tuple.index") || !check_nargs(ts, args.drop_first(), "index", 1, 3))
        return Value();
    Value self = args[0];
    int64_t size = static_cast<int64_t>(tuple_size(self));
    int64_t start = 0, stop = INT64_MAX;
    const char* msg = "slice indices must be integers or have an __index__ method";
    if (args.n > 2 && !slice_index_clamped(ts, args[2], &start, msg)) return Value();
    if (args.n > 3 && !slice_index_clamped(ts, args[3], &stop, msg)) return Value();
    if (start < 0 && (start += size) < 0) start = 0;
    if (stop < 0 && (stop += size) < 0) stop = 0;
    for (int64_t i = start; i < stop && i < size; ++i) {
        int cmp = item_eq(ts, tuple_item(self, static_cast<uint64_t>(i)), args[1]);
        if (cmp < 0) return Value();
        if (cmp > 0) return Value::small_int(i);
    }
    return raise(ts, ts.exc_types().ValueError, "tuple.index(x): x not in tuple");
}

Value tuple_count(ThreadState& ts, Args args) {
    if (!no_kwargs(ts, args, "tuple.count") ||
        !check_nargs(ts, args.drop_first(), "tuple.count", 1, 1)) {
        return Value();
    }
    int64_t count = 0;
    for (uint64_t i = 0; i < tuple_size(args[0]); ++i) {
        int cmp = item_eq(ts, tuple_item(args[0], i), args[1]);
        if (cmp < 0) return Value();
        count += cmp;
    }
    return Value::small_int(count);
}

// --- tuple_iterator ---

void tupleiter_dealloc(Object* o) {
    clear_ref(reinterpret_cast<TupleIterObject*>(o)->seq);
    free_object(o);
}

void tupleiter_traverse(Object* o, VisitFn visit, void* ctx) {
    Value seq = reinterpret_cast<TupleIterObject*>(o)->seq;
    if (!seq.is_null()) visit(seq, ctx);
}

void tupleiter_clear(Object* o) {
    clear_ref(reinterpret_cast<TupleIterObject*>(o)->seq);
}

Value tupleiter_next(ThreadState&, Value self) {
    auto* it = as<TupleIterObject>(self);
    if (it->seq.is_null()) return Value();
    if (it->index < tuple_size(it->seq)) return new_ref(tuple_item(it->seq, it->index++));
    clear_ref(it->seq);
    return Value();
}

Value tupleiter_length_hint(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "__length_hint__", 0, 0)) return Value();
    auto* it = as<TupleIterObject>(args[0]);
    if (it->seq.is_null()) return Value::small_int(0);
    return Value::small_int(static_cast<int64_t>(tuple_size(it->seq) - it->index));
}

}  // namespace

bool is_tuple(ThreadState&, Value v) noexcept {
    return v.is_object() && v.as_object()->kind == ObjKind::Tuple;
}

Value tuple_new(ThreadState& ts, uint64_t n) {
    if (n == 0 && !ts.interp().empty_tuple.is_null()) return new_ref(ts.interp().empty_tuple);
    return tuple_alloc(ts, ts.types().tuple, n);
}

Value tuple_pack(ThreadState& ts, std::initializer_list<Value> items) {
    return tuple_from_array(ts, items.begin(), items.size());
}

Value tuple_from_array(ThreadState& ts, const Value* items, uint64_t n) {
    Value r = tuple_new(ts, n);
    if (r.is_null()) return r;
    TupleObject* t = tuple_obj(r);
    for (uint64_t i = 0; i < n; ++i) t->items[i] = new_ref(items[i]);
    return r;
}

Value tuple_slice(ThreadState& ts, Value t, uint64_t lo, uint64_t hi) {
    if (lo == 0 && hi == tuple_size(t) && is_exact_tuple(ts, t)) return new_ref(t);
    return tuple_from_array(ts, tuple_obj(t)->items + lo, hi - lo);
}

Value tuple_from_iterable(ThreadState& ts, Value iterable) {
    if (is_exact_tuple(ts, iterable)) return new_ref(iterable);
    if (is_exact_list(ts, iterable))
        return tuple_from_array(ts, list_obj(iterable)->items, list_size(iterable));
    Ref l(list_from_iterable(ts, iterable));
    if (!l) return Value();
    return tuple_from_array(ts, list_obj(*l)->items, list_size(*l));
}

bool tuple_hash(ThreadState& ts, Value t, int64_t* out) {
    uint64_t n = tuple_size(t);
    uint64_t acc = kXXPrime5;
    for (uint64_t i = 0; i < n; ++i) {
        int64_t lane;
        if (!obj_hash(ts, tuple_item(t, i), &lane)) return false;
        acc += static_cast<uint64_t>(lane) * kXXPrime2;
        acc = xx_rotate(acc);
        acc *= kXXPrime1;
    }
    acc += n ^ (kXXPrime5 ^ 3527539UL);  // keeps hash(()) at its historical value
    *out = acc == static_cast<uint64_t>(-1) ? 1546275796 : static_cast<int64_t>(acc);
    return true;
}

void define_tuple_type(Interpreter& interp, TypeObject* t) {
    t->instance_kind = ObjKind::Tuple;
    t->basicsize = offsetof(TupleObject, items);
    t->flags = kTypeBaseType | kTypeHasGc;
    t->dealloc = tuple_dealloc;
    t->traverse = tuple_traverse;
    t->clear = tuple_gc_clear;
    t->repr = tuple_repr;
    t->hash = tuple_hash_slot;
    t->richcompare = tuple_richcompare;
    t->iter = tuple_iter;
    t->len = tuple_len;
    t->getitem = tuple_subscript;
    t->contains = tuple_contains;
    t->bool_ = tuple_bool;
    t->nb[static_cast<int>(BinOp::Add)] = tuple_add;
    t->nb[static_cast<int>(BinOp::Mul)] = tuple_mul;
    t->new_ = tuple_new_slot;
    type_add_methods(interp, t, kTupleMethods);
}

void define_tuple_iterator_type(Interpreter& interp, TypeObject* t) {
    t->instance_kind = ObjKind::Native;
    t->basicsize = sizeof(TupleIterObject);
    t->flags = kTypeHasGc;
    t->dealloc = tupleiter_dealloc;
    t->traverse = tupleiter_traverse;
    t->clear = tupleiter_clear;
    t->iter = iter_self;
    t->iternext = tupleiter_next;
    type_add_methods(interp, t, kTupleIterMethods);
}

}  // namespace gilt
