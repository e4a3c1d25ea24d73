// list: a growable array of owned Values.
//
// items[0, size) are owned references; `capacity` slots are allocated,
// over-allocated by CPython's list_resize rule so that append is amortised
// O(1) and a shrinking list gives memory back.
//
// Anything that can run Python code (__eq__, __repr__, __index__, iteration,
// or a decref that runs a __del__) may mutate the list, so loops re-read
// `size` and `items` after every such call, and removed items are decref'd
// only once the list is consistent again, as in CPython's listobject.c.
// list.sort lives in list_sort.cpp.
#include "runtime/list.hpp"
#include "runtime/heap_meter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/compare_ordered.hpp"
#include "runtime/errors.hpp"
#include "runtime/heap.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/iterators.hpp"
#include "runtime/range.hpp"
#include "runtime/slots.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"

namespace gilt {

namespace {

Value list_append(ThreadState& ts, Args args);
Value list_extend(ThreadState& ts, Args args);
Value list_insert(ThreadState& ts, Args args);
Value list_pop(ThreadState& ts, Args args);
Value list_remove(ThreadState& ts, Args args);
Value list_index(ThreadState& ts, Args args);
Value list_count(ThreadState& ts, Args args);
Value list_clear(ThreadState& ts, Args args);
Value list_copy(ThreadState& ts, Args args);
Value list_reverse(ThreadState& ts, Args args);
Value list_reversed(ThreadState& ts, Args args);
Value list_sizeof(ThreadState& ts, Args args);
Value listiter_length_hint(ThreadState& ts, Args args);
Value listreviter_length_hint(ThreadState& ts, Args args);

constexpr MethodDef kListMethods[] = {
    {"append", list_append},     {"extend", list_extend}, {"insert", list_insert},
    {"pop", list_pop},           {"remove", list_remove}, {"index", list_index},
    {"count", list_count},       {"clear", list_clear},   {"copy", list_copy},
    {"reverse", list_reverse},   {"sort", list_sort},     {"__reversed__", list_reversed},
    {"__sizeof__", list_sizeof},
};

constexpr MethodDef kListIterMethods[] = {
    {"__length_hint__", listiter_length_hint},
};

constexpr MethodDef kListRevIterMethods[] = {
    {"__length_hint__", listreviter_length_hint},
};

// --- storage ---

// Reallocates the item array to `cap` slots (0 frees it); the size is the
// caller's business.
bool set_capacity(ThreadState& ts, ListObject* l, uint64_t cap) {
    if (cap > kMaxListItems) {
        raise_memory_error(ts);
        return false;
    }
    Interpreter* owner = l->hdr.type->interp;
    if (cap == 0) {
        heap_free(owner, l->items);
        l->items = nullptr;
    } else {
        auto* items = alloc_size_possible(cap * sizeof(Value))
                          ? static_cast<Value*>(heap_realloc(owner, l->items, cap * sizeof(Value)))
                          : nullptr;
        if (!items) {
            raise_memory_error(ts);
            return false;
        }
        l->items = items;
    }
    l->capacity = cap;
    return true;
}

// CPython's list_resize: grows by ~1/8 plus a little, and gives memory back
// when the list falls under half its capacity. New slots are uninitialised.
bool list_resize(ThreadState& ts, ListObject* l, uint64_t newsize) {
    uint64_t cap = l->capacity;
    if (cap >= newsize && newsize >= (cap >> 1)) {
        l->size = newsize;
        return true;
    }
    uint64_t newcap = (newsize + (newsize >> 3) + 6) & ~uint64_t(3);
    if (newsize > l->size && newsize - l->size > newcap - newsize)
        newcap = (newsize + 3) & ~uint64_t(3);
    if (newsize == 0) newcap = 0;
    if (!set_capacity(ts, l, newcap)) return false;
    l->size = newsize;
    return true;
}

// Capacity for at least `cap` items; the size is unchanged.
bool list_reserve(ThreadState& ts, ListObject* l, uint64_t cap) {
    return cap <= l->capacity || set_capacity(ts, l, cap);
}

// Empties the list, then drops the old items (a __del__ they run sees an
// empty list, never a half-cleared one).
void list_clear_items(ListObject* l) noexcept {
    Value* items = l->items;
    uint64_t n = l->size;
    l->items = nullptr;
    l->size = 0;
    l->capacity = 0;
    while (n > 0) decref(items[--n]);
    heap_free(l->hdr.type->interp, items);
}

// CPython's list_ass_slice: replaces self[ilow:ihigh] (clamped) with the
// items of `v` (any iterable), or deletes them when v is null.
bool list_ass_slice(ThreadState& ts, Value self, int64_t ilow, int64_t ihigh, Value v) {
    Ref seq;
    const Value* vitems = nullptr;
    uint64_t n = 0;
    if (!v.is_null()) {
        if (v == self) {
            seq = Ref(list_slice(ts, v, 0, list_size(v)));  // a[i:j] = a: copy first
        } else {
            seq = Ref(seq_fast(ts, v, "can only assign an iterable"));
        }
        if (!seq) return false;
        vitems = seq_items(*seq, &n);
    }
    ListObject* l = list_obj(self);
    int64_t size = static_cast<int64_t>(l->size);
    ilow = ilow < 0 ? 0 : (ilow > size ? size : ilow);
    ihigh = ihigh < ilow ? ilow : (ihigh > size ? size : ihigh);
    uint64_t norig = static_cast<uint64_t>(ihigh - ilow);
    if (size - static_cast<int64_t>(norig) + static_cast<int64_t>(n) == 0) {
        list_clear_items(l);
        return true;
    }
    std::vector<Value> recycle(l->items + ilow, l->items + ihigh);
    uint64_t tail = static_cast<uint64_t>(size - ihigh);
    if (n < norig) {
        std::memmove(l->items + ilow + n, l->items + ihigh, tail * sizeof(Value));
        uint64_t newsize = static_cast<uint64_t>(size) - (norig - n);
        if (!list_resize(ts, l, newsize)) {  // only a shrink: cannot fail, but stay safe
            std::memmove(l->items + ihigh, l->items + ilow + n, tail * sizeof(Value));
            std::memcpy(l->items + ilow, recycle.data(), norig * sizeof(Value));
            return false;
        }
    } else if (n > norig) {
        if (!list_resize(ts, l, static_cast<uint64_t>(size) + (n - norig))) return false;
        std::memmove(l->items + ilow + n, l->items + ihigh, tail * sizeof(Value));
    }
    for (uint64_t k = 0; k < n; ++k) l->items[ilow + k] = new_ref(vitems[k]);
    for (uint64_t k = norig; k > 0; --k) decref(recycle[k - 1]);
    return true;
}

Value raise_index_error(ThreadState& ts, const char* msg) {
    return raise(ts, ts.exc_types().IndexError, msg);
}

// The index of a subscript; false with an exception pending.
bool list_key_index(ThreadState& ts, Value key, int64_t* out) {
    if (key.is_small_int()) {
        *out = key.as_small_int();
        return true;
    }
    int r = seq_index_arg(ts, key, out);
    if (r == 0) {
        raise_fmt(ts, ts.exc_types().TypeError, "list indices must be integers or slices, not {}",
                  type_name(ts, key));
    }
    return r > 0;
}

// --- the type's slots ---

void list_dealloc(Object* o) {
    auto* l = reinterpret_cast<ListObject*>(o);
    list_clear_items(l);
    free_object(o);
}

void list_traverse(Object* o, VisitFn visit, void* ctx) {
    auto* l = reinterpret_cast<ListObject*>(o);
    for (uint64_t i = 0; i < l->size; ++i) visit(l->items[i], ctx);
}

void list_gc_clear(Object* o) {
    list_clear_items(reinterpret_cast<ListObject*>(o));
}

int64_t list_len(ThreadState&, Value self) {
    return static_cast<int64_t>(list_size(self));
}

int list_bool(ThreadState&, Value self) {
    return list_size(self) != 0;
}

Value list_subscript_slice(ThreadState& ts, Value self, Value slice) {
    int64_t start, stop, step;
    if (!slice_unpack(ts, slice, &start, &stop, &step)) return Value();
    ListObject* l = list_obj(self);
    int64_t n = slice_adjust_indices(static_cast<int64_t>(l->size), &start, &stop, step);
    if (n <= 0) return list_new(ts);
    if (step == 1)
        return list_slice(ts, self, static_cast<uint64_t>(start), static_cast<uint64_t>(stop));
    Value r = list_new(ts, static_cast<uint64_t>(n));
    if (r.is_null()) return r;
    ListObject* out = list_obj(r);
    for (int64_t i = 0, cur = start; i < n; ++i, cur += step)
        out->items[i] = new_ref(l->items[cur]);
    out->size = static_cast<uint64_t>(n);
    return r;
}

Value list_subscript(ThreadState& ts, Value self, Value key) {
    ListObject* l = list_obj(self);
    if (key.is_small_int()) {  // the common case, first
        int64_t i = key.as_small_int();
        if (i < 0) i += static_cast<int64_t>(l->size);
        if (i >= 0 && static_cast<uint64_t>(i) < l->size) return new_ref(l->items[i]);
        return raise_index_error(ts, "list index out of range");
    }
    if (is_slice(key)) return list_subscript_slice(ts, self, key);
    int64_t i;
    if (!list_key_index(ts, key, &i)) return Value();
    if (i < 0) i += static_cast<int64_t>(l->size);
    if (i < 0 || static_cast<uint64_t>(i) >= l->size)
        return raise_index_error(ts, "list index out of range");
    return new_ref(l->items[i]);
}

int list_ass_item(ThreadState& ts, Value self, int64_t i, Value value) {
    ListObject* l = list_obj(self);
    if (i < 0) i += static_cast<int64_t>(l->size);
    if (i < 0 || static_cast<uint64_t>(i) >= l->size) {
        raise_index_error(ts, "list assignment index out of range");
        return -1;
    }
    if (value.is_null()) return list_ass_slice(ts, self, i, i + 1, Value()) ? 0 : -1;
    set_ref(l->items[i], new_ref(value));
    return 0;
}

// del self[start:stop:step] for an extended slice of n > 0 items.
void list_del_extended(ListObject* l, int64_t start, int64_t step, int64_t n) {
    if (step < 0) {  // walk the same items upwards
        start = start + step * (n - 1);
        step = -step;
    }
    std::vector<Value> garbage;
    garbage.reserve(static_cast<std::size_t>(n));
    uint64_t size = l->size, dst = static_cast<uint64_t>(start);
    for (uint64_t src = dst; src < size; ++src) {
        bool hit = garbage.size() < static_cast<std::size_t>(n) &&
                   (src - static_cast<uint64_t>(start)) % static_cast<uint64_t>(step) == 0;
        if (hit) {
            garbage.push_back(l->items[src]);
        } else {
            l->items[dst++] = l->items[src];
        }
    }
    l->size = dst;
    for (Value v : garbage) decref(v);
}

// self[start:stop:step] = value for step != 1 (indices as unpacked, not
// yet adjusted: converting `value` may run code that resizes the list).
int list_ass_extended(ThreadState& ts, Value self, int64_t start, int64_t stop, int64_t step,
                      Value value) {
    Ref seq(value == self ? list_slice(ts, value, 0, list_size(value))
                          : seq_fast(ts, value, "must assign iterable to extended slice"));
    if (!seq) return -1;
    ListObject* l = list_obj(self);
    int64_t n = slice_adjust_indices(static_cast<int64_t>(l->size), &start, &stop, step);
    uint64_t m;
    const Value* items = seq_items(*seq, &m);
    if (static_cast<int64_t>(m) != n) {
        raise_fmt(ts, ts.exc_types().ValueError,
                  "attempt to assign sequence of size {} to extended slice of size {}", m, n);
        return -1;
    }
    std::vector<Value> garbage(static_cast<std::size_t>(n));
    for (int64_t i = 0, cur = start; i < n; ++i, cur += step) {
        garbage[i] = l->items[cur];
        l->items[cur] = new_ref(items[i]);
    }
    for (Value v : garbage) decref(v);
    return 0;
}

int list_ass_subscript_slice(ThreadState& ts, Value self, Value slice, Value value) {
    int64_t start, stop, step;
    if (!slice_unpack(ts, slice, &start, &stop, &step)) return -1;
    if (step != 1 && !value.is_null()) return list_ass_extended(ts, self, start, stop, step, value);
    ListObject* l = list_obj(self);
    int64_t n = slice_adjust_indices(static_cast<int64_t>(l->size), &start, &stop, step);
    if (step == 1) return list_ass_slice(ts, self, start, stop, value) ? 0 : -1;
    if (n > 0) list_del_extended(l, start, step, n);
    return 0;
}

int list_ass_subscript(ThreadState& ts, Value self, Value key, Value value) {
    if (is_slice(key)) return list_ass_subscript_slice(ts, self, key, value);
    int64_t i;
    if (!list_key_index(ts, key, &i)) return -1;
    return list_ass_item(ts, self, i, value);
}

// item == value, with the cheap cases inline (identity, two small ints).
int item_eq(ThreadState& ts, Value item, Value value) {
    if (item == value) return 1;
    if (item.is_small_int() && value.is_small_int()) return 0;
    Ref hold = Ref::borrow(item);  // __eq__ may drop the list's reference
    return rich_compare_bool(ts, item, value, CompareOp::Eq);
}

int list_contains(ThreadState& ts, Value self, Value value) {
    ListObject* l = list_obj(self);
    for (uint64_t i = 0; i < l->size; ++i) {
        int cmp = item_eq(ts, l->items[i], value);
        if (cmp != 0) return cmp;
    }
    return 0;
}

Value list_richcompare(ThreadState& ts, Value a, Value b, CompareOp op) {
    if (!is_list(ts, a) || !is_list(ts, b)) return Value::not_implemented();
    ListObject* v = list_obj(a);
    ListObject* w = list_obj(b);
    if (v->size != w->size && (op == CompareOp::Eq || op == CompareOp::Ne)) {
        return Value::boolean(op == CompareOp::Ne);
    }
    uint64_t i = 0;
    for (; i < v->size && i < w->size; ++i) {
        int k = item_eq(ts, v->items[i], w->items[i]);
        if (k < 0) return Value();
        if (k == 0) break;
    }
    if (i >= v->size || i >= w->size) return compare_ordered<uint64_t>(v->size, w->size, op);
    if (op == CompareOp::Eq) return Value::false_();
    if (op == CompareOp::Ne) return Value::true_();
    Ref x = Ref::borrow(v->items[i]);
    Ref y = Ref::borrow(w->items[i]);
    return rich_compare(ts, *x, *y, op);
}

// Appends repr(v) to out; small ints skip the str object.
bool append_repr(ThreadState& ts, std::string& out, Value v) {
    if (v.is_small_int()) {
        fmt::format_to(std::back_inserter(out), "{}", v.as_small_int());
        return true;
    }
    Ref hold = Ref::borrow(v);
    Ref r(obj_repr(ts, v));
    if (!r) return false;
    out += str_view(*r);
    return true;
}

Value list_repr(ThreadState& ts, Value self) {
    ListObject* l = list_obj(self);
    if (l->size == 0) return make_str(ts, "[]");
    ReprGuard guard(self);
    if (guard.recursive()) return make_str(ts, "[...]");
    std::string out = "[";
    for (uint64_t i = 0; i < l->size; ++i) {
        if (i > 0) out += ", ";
        if (!append_repr(ts, out, l->items[i])) return Value();
    }
    out += ']';
    return make_str(ts, out);
}

Value list_repeat(ThreadState& ts, Value self, int64_t count) {
    uint64_t size = list_size(self);
    if (count <= 0 || size == 0) return list_new(ts);
    if (size > kMaxListItems / static_cast<uint64_t>(count)) return raise_memory_error(ts);
    uint64_t total = size * static_cast<uint64_t>(count);
    Value r = list_new(ts, total);
    if (r.is_null()) return r;
    ListObject* out = list_obj(r);
    const Value* src = list_obj(self)->items;
    for (uint64_t i = 0; i < total; ++i) out->items[i] = new_ref(src[i % size]);
    out->size = total;
    return r;
}

Value list_add(ThreadState& ts, Value a, Value b) {
    if (!is_list(ts, a) || !is_list(ts, b)) return Value::not_implemented();
    uint64_t na = list_size(a), nb = list_size(b);
    Value r = list_new(ts, na + nb);
    if (r.is_null()) return r;
    ListObject* out = list_obj(r);
    for (uint64_t i = 0; i < na; ++i) out->items[i] = new_ref(list_item(a, i));
    for (uint64_t i = 0; i < nb; ++i) out->items[na + i] = new_ref(list_item(b, i));
    out->size = na + nb;
    return r;
}

Value list_mul(ThreadState& ts, Value a, Value b) {
    bool reflected = !is_list(ts, a);
    Value seq = reflected ? b : a;
    int64_t count;
    int r = seq_repeat_count(ts, reflected ? a : b, reflected, &count);
    if (r <= 0) return r == 0 ? Value::not_implemented() : Value();
    return list_repeat(ts, seq, count);
}

Value list_inplace_add(ThreadState& ts, Value self, Value other) {
    if (!list_extend(ts, self, other)) return Value();
    return new_ref(self);
}

Value list_inplace_mul(ThreadState& ts, Value self, Value other) {
    int64_t count;
    int r = seq_repeat_count(ts, other, false, &count);
    if (r <= 0) return r == 0 ? Value::not_implemented() : Value();
    ListObject* l = list_obj(self);
    uint64_t size = l->size;
    if (count <= 0 || size == 0) {
        list_clear_items(l);
        return new_ref(self);
    }
    if (size > kMaxListItems / static_cast<uint64_t>(count)) return raise_memory_error(ts);
    if (!list_resize(ts, l, size * static_cast<uint64_t>(count))) return Value();
    for (uint64_t i = size; i < l->size; ++i) l->items[i] = new_ref(l->items[i - size]);
    return new_ref(self);
}

Value list_iter(ThreadState& ts, Value self) {
    auto* it = alloc_gc<ListIterObject>(ts.types().list_iterator);
    if (!it) return raise_memory_error(ts);
    it->seq = new_ref(self);
    it->index = 0;
    return val(it);
}

Value list_new_slot(ThreadState& ts, TypeObject* type, Args) {
    auto* l = alloc_gc<ListObject>(type, type->basicsize);
    if (!l) return raise_memory_error(ts);
    return val(l);
}

// list(iterable=(), /): __init__ refills an existing list.
int list_init(ThreadState& ts, Value self, Args args) {
    if (!no_kwargs(ts, args, "list") || !check_nargs(ts, args, "list", 0, 1)) return -1;
    ListObject* l = list_obj(self);
    if (l->size != 0) list_clear_items(l);
    if (args.n == 0) return 0;
    return gilt::list_extend(ts, self, args[0]) ? 0 : -1;
}

// --- methods ---

Value list_append(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "list.append", "list.append", 1, 1)) return Value();
    if (!gilt::list_append(ts, args[0], args[1])) return Value();
    return Value::none();
}

Value list_extend(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "list.extend", "list.extend", 1, 1)) return Value();
    if (!gilt::list_extend(ts, args[0], args[1])) return Value();
    return Value::none();
}

Value list_insert(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "list.insert", "insert", 2, 2)) return Value();
    int64_t where;
    if (!index_as_ssize(ts, args[1], &where)) return Value();
    ListObject* l = list_obj(args[0]);
    int64_t n = static_cast<int64_t>(l->size);
    if (where < 0) where = where + n < 0 ? 0 : where + n;
    if (where > n) where = n;
    if (!list_resize(ts, l, static_cast<uint64_t>(n + 1))) return Value();
    std::memmove(l->items + where + 1, l->items + where,
                 static_cast<std::size_t>(n - where) * sizeof(Value));
    l->items[where] = new_ref(args[2]);
    return Value::none();
}

Value list_pop(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "list.pop", "pop", 0, 1)) return Value();
    int64_t i = -1;
    if (args.n > 1 && !index_as_ssize(ts, args[1], &i)) return Value();
    ListObject* l = list_obj(args[0]);
    if (l->size == 0) return raise_index_error(ts, "pop from empty list");
    if (!normalize_index(&i, static_cast<int64_t>(l->size)))
        return raise_index_error(ts, "pop index out of range");
    Value v = l->items[i];
    if (static_cast<uint64_t>(i) == l->size - 1) {
        if (!list_resize(ts, l, l->size - 1)) return Value();
        return v;  // the list's reference passes to the caller
    }
    incref(v);
    if (!list_ass_slice(ts, args[0], i, i + 1, Value())) {
        decref(v);
        return Value();
    }
    return v;
}

Value list_remove(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "list.remove", "list.remove", 1, 1)) return Value();
    ListObject* l = list_obj(args[0]);
    for (uint64_t i = 0; i < l->size; ++i) {
        int cmp = item_eq(ts, l->items[i], args[1]);
        if (cmp < 0) return Value();
        if (cmp > 0) {
            int64_t at = static_cast<int64_t>(i);
            return list_ass_slice(ts, args[0], at, at + 1, Value()) ? Value::none() : Value();
        }
    }
    return raise(ts, ts.exc_types().ValueError, "list.remove(x): x not in list");
}

// Resolves index()'s optional start/stop against `size` (CPython's
// list.index and tuple.index: negative values count from the end).
bool index_bounds(ThreadState& ts, Args args, int64_t size, int64_t* start, int64_t* stop) {
    const char* msg = "slice indices must be integers or have an __index__ method";
    *start = 0;
    *stop = INT64_MAX;
    if (args.n > 2 && !slice_index_clamped(ts, args[2], start, msg)) return false;
    if (args.n > 3 && !slice_index_clamped(ts, args[3], stop, msg)) return false;
    if (*start < 0 && (*start += size) < 0) *start = 0;
    if (*stop < 0 && (*stop += size) < 0) *stop = 0;
    return true;
}

Value list_index(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "list.index", "index", 1, 3)) return Value();
    ListObject* l = list_obj(args[0]);
    int64_t start, stop;
    if (!index_bounds(ts, args, static_cast<int64_t>(l->size), &start, &stop)) return Value();
    for (int64_t i = start; i < stop && static_cast<uint64_t>(i) < l->size; ++i) {
        int cmp = item_eq(ts, l->items[i], args[1]);
        if (cmp < 0) return Value();
        if (cmp > 0) return Value::small_int(i);
    }
    Ref r(obj_repr(ts, args[1]));
    if (!r) return Value();
    return raise_fmt(ts, ts.exc_types().ValueError, "{} is not in list", str_view(*r));
}

Value list_count(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "list.count", "list.count", 1, 1)) return Value();
    ListObject* l = list_obj(args[0]);
    int64_t count = 0;
    for (uint64_t i = 0; i < l->size; ++i) {
        int cmp = item_eq(ts, l->items[i], args[1]);
        if (cmp < 0) return Value();
        count += cmp;
    }
    return Value::small_int(count);
}

Value list_clear(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "list.clear", "list.clear", 0, 0)) return Value();
    list_clear_items(list_obj(args[0]));
    return Value::none();
}

Value list_copy(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "list.copy", "list.copy", 0, 0)) return Value();
    return list_slice(ts, args[0], 0, list_size(args[0]));
}

Value list_reverse(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "list.reverse", "list.reverse", 0, 0)) return Value();
    ListObject* l = list_obj(args[0]);
    if (l->size > 1) std::reverse(l->items, l->items + l->size);
    return Value::none();
}

Value list_reversed(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "list.__reversed__", "list.__reversed__", 0, 0)) return Value();
    auto* it = alloc_gc<ListIterObject>(ts.types().list_reverseiterator);
    if (!it) return raise_memory_error(ts);
    it->seq = new_ref(args[0]);
    it->index = static_cast<int64_t>(list_size(args[0])) - 1;
    return val(it);
}

Value list_sizeof(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "list.__sizeof__", "list.__sizeof__", 0, 0)) return Value();
    return Value::small_int(
        static_cast<int64_t>(sizeof(ListObject) + list_obj(args[0])->capacity * sizeof(Value)));
}

// --- iterators ---

void listiter_dealloc(Object* o) {
    clear_ref(reinterpret_cast<ListIterObject*>(o)->seq);
    free_object(o);
}

void listiter_traverse(Object* o, VisitFn visit, void* ctx) {
    Value seq = reinterpret_cast<ListIterObject*>(o)->seq;
    if (!seq.is_null()) visit(seq, ctx);
}

void listiter_clear(Object* o) {
    clear_ref(reinterpret_cast<ListIterObject*>(o)->seq);
}

Value listiter_next(ThreadState&, Value self) {
    auto* it = as<ListIterObject>(self);
    Value v;
    if (listiter_next_fast(it, &v)) return v;
    clear_ref(it->seq);
    return Value();
}

Value listreviter_next(ThreadState&, Value self) {
    auto* it = as<ListIterObject>(self);
    if (it->seq.is_null()) return Value();
    ListObject* l = list_obj(it->seq);
    if (it->index >= 0 && static_cast<uint64_t>(it->index) < l->size)
        return new_ref(l->items[it->index--]);
    it->index = -1;
    clear_ref(it->seq);
    return Value();
}

Value listiter_length_hint(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "__length_hint__", 0, 0)) return Value();
    auto* it = as<ListIterObject>(args[0]);
    if (it->seq.is_null()) return Value::small_int(0);
    int64_t left = static_cast<int64_t>(list_size(it->seq)) - it->index;
    return Value::small_int(left > 0 ? left : 0);
}

Value listreviter_length_hint(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "__length_hint__", 0, 0)) return Value();
    auto* it = as<ListIterObject>(args[0]);
    if (it->seq.is_null() || static_cast<uint64_t>(it->index + 1) > list_size(it->seq))
        return Value::small_int(0);
    return Value::small_int(it->index + 1);
}

void define_iterator_common(TypeObject* t) {
    t->instance_kind = ObjKind::Native;
    t->basicsize = sizeof(ListIterObject);
    t->flags = kTypeHasGc;
    t->dealloc = listiter_dealloc;
    t->traverse = listiter_traverse;
    t->clear = listiter_clear;
    t->iter = iter_self;
}

// A thread's objects whose repr is in progress (see ReprGuard).
thread_local std::vector<Object*> t_repr_stack;

}  // namespace

// --- ReprGuard ---

ReprGuard::ReprGuard(Value obj) noexcept : m_obj(obj.as_object()), m_recursive(false) {
    for (Object* o : t_repr_stack) {
        if (o == m_obj) {
            m_recursive = true;
            return;
        }
    }
    t_repr_stack.push_back(m_obj);
}

ReprGuard::~ReprGuard() {
    if (m_recursive) return;
    // Normally the last entry; search backwards in case a repr failed oddly.
    for (std::size_t i = t_repr_stack.size(); i > 0; --i) {
        if (t_repr_stack[i - 1] == m_obj) {
            t_repr_stack.erase(t_repr_stack.begin() + static_cast<std::ptrdiff_t>(i - 1));
            return;
        }
    }
}

// --- public functions ---

bool is_list(ThreadState&, Value v) noexcept {
    return v.is_object() && v.as_object()->kind == ObjKind::List;
}

Value list_new(ThreadState& ts, uint64_t capacity) {
    auto* l = alloc_gc<ListObject>(ts.types().list);
    if (!l) return raise_memory_error(ts);
    if (capacity > 0) {
        l->items =
            capacity > kMaxListItems || !alloc_size_possible(capacity * sizeof(Value))
                ? nullptr
                : static_cast<Value*>(heap_malloc(l->hdr.type->interp, capacity * sizeof(Value)));
        if (!l->items) {
            free_object(&l->hdr);
            return raise_memory_error(ts);
        }
        l->capacity = capacity;
    }
    return val(l);
}

Value list_from_array(ThreadState& ts, const Value* items, uint64_t n) {
    Value r = list_new(ts, n);
    if (r.is_null()) return r;
    ListObject* l = list_obj(r);
    for (uint64_t i = 0; i < n; ++i) l->items[i] = new_ref(items[i]);
    l->size = n;
    return r;
}

Value list_slice(ThreadState& ts, Value list, uint64_t lo, uint64_t hi) {
    return list_from_array(ts, list_obj(list)->items + lo, hi - lo);
}

Value list_from_iterable(ThreadState& ts, Value iterable) {
    Ref r(list_new(ts));
    if (!r || !list_extend(ts, *r, iterable)) return Value();
    return r.release();
}

bool list_append(ThreadState& ts, Value list, Value item) {
    ListObject* l = list_obj(list);
    if (l->size < l->capacity) {
        l->items[l->size++] = new_ref(item);
        return true;
    }
    if (!list_resize(ts, l, l->size + 1)) return false;
    l->items[l->size - 1] = new_ref(item);
    return true;
}

bool list_append_steal(ThreadState& ts, Value list, Value item) {
    bool ok = list_append(ts, list, item);
    decref(item);
    return ok;
}

bool list_extend_steal(ThreadState& ts, Value list, const Value* items, uint64_t n) {
    ListObject* l = list_obj(list);
    uint64_t m = l->size;
    if (n == 0) return true;
    if (!list_resize(ts, l, m + n)) return false;
    std::memcpy(l->items + m, items, n * sizeof(Value));
    return true;
}

bool list_extend(ThreadState& ts, Value list, Value iterable) {
    ListObject* l = list_obj(list);
    if (is_exact_list(ts, iterable) || is_exact_tuple(ts, iterable) || iterable == list) {
        uint64_t n;
        seq_items(iterable, &n);
        uint64_t m = l->size;
        if (n == 0) return true;
        if (!list_resize(ts, l, m + n)) return false;
        uint64_t ignored;
        const Value* src = seq_items(iterable, &ignored);  // re-read: list.extend(self) reallocated
        for (uint64_t i = 0; i < n; ++i) l->items[m + i] = new_ref(src[i]);
        return true;
    }
    Ref it(obj_iter(ts, iterable));
    if (!it) return false;
    // Room for the items up front, as CPython does: list(range(2**50)) is a
    // MemoryError at once, not after filling all of memory one item at a time.
    int64_t hint;
    if (!obj_length_hint(ts, iterable, 8, &hint)) return false;
    if (hint > 0 && !list_reserve(ts, l, l->size + static_cast<uint64_t>(hint))) return false;
    UnarySlot next = type_of(ts, *it)->iternext;
    for (;;) {
        Value item = next(ts, *it);
        if (item.is_null()) {
            if (ts.has_exception()) return false;
            return list_resize(ts, l, l->size);  // gives back most of an overestimate
        }
        if (!list_append_steal(ts, list, item)) return false;
    }
}

const Value* seq_items(Value seq, uint64_t* n) noexcept {
    if (seq.as_object()->kind == ObjKind::List) {
        *n = list_obj(seq)->size;
        return list_obj(seq)->items;
    }
    *n = tuple_obj(seq)->size;
    return tuple_obj(seq)->items;
}

Value seq_fast(ThreadState& ts, Value v, const char* msg) {
    if (is_exact_list(ts, v) || is_exact_tuple(ts, v)) return new_ref(v);
    Ref it(obj_iter(ts, v));
    if (!it) {
        if (exception_matches(ts, ts.exc_types().TypeError)) {
            clear_exception(ts);
            raise(ts, ts.exc_types().TypeError, msg);
        }
        return Value();
    }
    return list_from_iterable(ts, *it);
}

void define_list_type(Interpreter& interp, TypeObject* t) {
    t->instance_kind = ObjKind::List;
    t->basicsize = sizeof(ListObject);
    t->flags = kTypeBaseType | kTypeHasGc;
    t->dealloc = list_dealloc;
    t->traverse = list_traverse;
    t->clear = list_gc_clear;
    t->repr = list_repr;
    t->hash = hash_not_implemented;
    t->richcompare = list_richcompare;
    t->iter = list_iter;
    t->len = list_len;
    t->getitem = list_subscript;
    t->setitem = list_ass_subscript;
    t->contains = list_contains;
    t->bool_ = list_bool;
    t->nb[static_cast<int>(BinOp::Add)] = list_add;
    t->nb[static_cast<int>(BinOp::Mul)] = list_mul;
    t->nb_inplace[static_cast<int>(BinOp::Add)] = list_inplace_add;
    t->nb_inplace[static_cast<int>(BinOp::Mul)] = list_inplace_mul;
    t->new_ = list_new_slot;
    t->init = list_init;
    type_add_methods(interp, t, kListMethods);
}

void define_list_iterator_type(Interpreter& interp, TypeObject* t) {
    define_iterator_common(t);
    t->iternext = listiter_next;
    type_add_methods(interp, t, kListIterMethods);
}

void define_list_reverseiterator_type(Interpreter& interp, TypeObject* t) {
    define_iterator_common(t);
    t->iternext = listreviter_next;
    type_add_methods(interp, t, kListRevIterMethods);
}

}  // namespace gilt
