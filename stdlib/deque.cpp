// collections.deque: a ring buffer of owned Values.
//
// Item i lives at buf[(head + i) & (cap - 1)]; cap is a power of two and
// grows by doubling. `state` counts the mutations that move items (every
// append, pop, insert, rotate, ...; not item assignment), as CPython's
// deque->state does: an iterator remembers it and raises "deque mutated
// during iteration" when it changed. A bounded deque (maxlen >= 0) drops
// items from the opposite end when full.
#include "stdlib/deque.hpp"

#include <algorithm>
#include <string>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/heap.hpp"
#include "runtime/instance.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/iterators.hpp"
#include "runtime/list.hpp"
#include "runtime/module_state.hpp"
#include "runtime/range.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"

namespace gilt {

namespace {

Value deque_append(ThreadState& ts, Args args);
Value deque_appendleft(ThreadState& ts, Args args);
Value deque_pop(ThreadState& ts, Args args);
Value deque_popleft(ThreadState& ts, Args args);
Value deque_extend(ThreadState& ts, Args args);
Value deque_extendleft(ThreadState& ts, Args args);
Value deque_rotate(ThreadState& ts, Args args);
Value deque_clear_method(ThreadState& ts, Args args);
Value deque_count(ThreadState& ts, Args args);
Value deque_index(ThreadState& ts, Args args);
Value deque_remove(ThreadState& ts, Args args);
Value deque_reverse(ThreadState& ts, Args args);
Value deque_insert(ThreadState& ts, Args args);
Value deque_copy(ThreadState& ts, Args args);
Value deque_reduce(ThreadState& ts, Args args);
Value deque_reversed(ThreadState& ts, Args args);

constexpr MethodDef kDequeMethods[] = {
    {"append", deque_append},     {"appendleft", deque_appendleft},
    {"pop", deque_pop},           {"popleft", deque_popleft},
    {"extend", deque_extend},     {"extendleft", deque_extendleft},
    {"rotate", deque_rotate},     {"clear", deque_clear_method},
    {"count", deque_count},       {"index", deque_index},
    {"remove", deque_remove},     {"reverse", deque_reverse},
    {"insert", deque_insert},     {"copy", deque_copy},
    {"__copy__", deque_copy},     {"__reversed__", deque_reversed},
    {"__reduce__", deque_reduce},
};

Value deque_get_maxlen(ThreadState& ts, Value self) {
    int64_t m = deque_obj(self)->maxlen;
    return m < 0 ? Value::none() : make_int(ts, m);
}

constexpr GetSetDef kDequeGetSets[] = {
    {"maxlen", deque_get_maxlen},
};

// --- the ring buffer ---

Value& slot(DequeObject* d, uint64_t i) {
    return d->buf[(d->head + i) & (d->cap - 1)];
}

bool grow(ThreadState& ts, DequeObject* d) {
    uint64_t cap = d->cap ? d->cap * 2 : 8;
    auto* nb = static_cast<Value*>(std::calloc(cap, sizeof(Value)));
    if (!nb) {
        raise_memory_error(ts);
        return false;
    }
    for (uint64_t i = 0; i < d->size; ++i) nb[i] = slot(d, i);
    std::free(d->buf);
    d->buf = nb;
    d->cap = cap;
    d->head = 0;
    return true;
}

// Takes the item at the left end (a reference the caller owns).
Value take_left(DequeObject* d) {
    Value v = slot(d, 0);
    slot(d, 0) = Value();
    d->head = (d->head + 1) & (d->cap - 1);
    --d->size;
    ++d->state;
    return v;
}

Value take_right(DequeObject* d) {
    Value v = slot(d, d->size - 1);
    slot(d, d->size - 1) = Value();
    --d->size;
    ++d->state;
    return v;
}

// Appends a new reference (consumed) at one end, trimming the other end of a
// full bounded deque.
bool push(ThreadState& ts, DequeObject* d, Value item, bool left) {
    if (d->maxlen == 0) {
        decref(item);
        return true;
    }
    if (d->size == d->cap && !grow(ts, d)) {
        decref(item);
        return false;
    }
    if (left) {
        d->head = (d->head - 1) & (d->cap - 1);
        d->buf[d->head] = item;
    } else {
        slot(d, d->size) = item;
    }
    ++d->size;
    ++d->state;
    if (d->maxlen >= 0 && static_cast<int64_t>(d->size) > d->maxlen)
        decref(left ? take_right(d) : take_left(d));
    return true;
}

void deque_clear_items(DequeObject* d) {
    while (d->size > 0) decref(take_right(d));
    ++d->state;
}

// Removes item i (0 <= i < size), shifting the shorter side.
Value take_at(DequeObject* d, uint64_t i) {
    Value v = slot(d, i);
    for (uint64_t k = i; k + 1 < d->size; ++k) slot(d, k) = slot(d, k + 1);
    slot(d, d->size - 1) = Value();
    --d->size;
    ++d->state;
    return v;
}

bool extend_from(ThreadState& ts, DequeObject* d, Value iterable, bool left) {
    Ref src(val(d) == iterable ? list_from_iterable(ts, iterable) : obj_iter(ts, iterable));
    if (!src) return false;
    if (val(d) == iterable) src = Ref(obj_iter(ts, *src));
    if (!src) return false;
    for (;;) {
        Value item = iter_next(ts, *src);
        if (item.is_null()) return !ts.has_exception();
        if (!push(ts, d, item, left)) return false;
    }
}

// --- methods ---

DequeObject* self_deque(Args args) {
    return deque_obj(args[0]);
}

Value deque_append(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "append", 1, 1)) return Value();
    if (!push(ts, self_deque(args), new_ref(args[1]), false)) return Value();
    return Value::none();
}

Value deque_appendleft(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "appendleft", 1, 1)) return Value();
    if (!push(ts, self_deque(args), new_ref(args[1]), true)) return Value();
    return Value::none();
}

Value deque_pop(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "pop", 0, 0)) return Value();
    DequeObject* d = self_deque(args);
    if (d->size == 0) return raise(ts, ts.exc_types().IndexError, "pop from an empty deque");
    return take_right(d);
}

Value deque_popleft(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "popleft", 0, 0)) return Value();
    DequeObject* d = self_deque(args);
    if (d->size == 0) return raise(ts, ts.exc_types().IndexError, "pop from an empty deque");
    return take_left(d);
}

Value deque_extend(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "extend", 1, 1)) return Value();
    if (!extend_from(ts, self_deque(args), args[1], false)) return Value();
    return Value::none();
}

Value deque_extendleft(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "extendleft", 1, 1)) return Value();
    if (!extend_from(ts, self_deque(args), args[1], true)) return Value();
    return Value::none();
}

Value deque_rotate(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "rotate", 0, 1)) return Value();
    int64_t n = 1;
    if (args.n > 1 && !index_as_ssize(ts, args[1], &n)) return Value();
    DequeObject* d = self_deque(args);
    if (d->size <= 1) return Value::none();
    int64_t len = static_cast<int64_t>(d->size);
    n %= len;
    if (n < 0) n += len;
    // Right by n: the last n items move to the front, one slot at a time.
    for (int64_t i = 0; i < n; ++i) {
        Value v = slot(d, d->size - 1);
        slot(d, d->size - 1) = Value();
        d->head = (d->head - 1) & (d->cap - 1);
        d->buf[d->head] = v;
    }
    ++d->state;
    return Value::none();
}

Value deque_clear_method(ThreadState&, Args args) {
    deque_clear_items(self_deque(args));
    return Value::none();
}

Value deque_count(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "count", 1, 1)) return Value();
    DequeObject* d = self_deque(args);
    uint64_t state = d->state;
    int64_t count = 0;
    for (uint64_t i = 0; i < d->size; ++i) {
        Ref item = Ref::borrow(slot(d, i));
        int eq = obj_eq(ts, *item, args[1]);
        if (eq < 0) return Value();
        if (d->state != state)
            return raise(ts, ts.exc_types().RuntimeError, "deque mutated during iteration");
        count += eq;
    }
    return make_int(ts, count);
}

// The position of x in [start, stop), or -1 (no exception) when absent.
int64_t find(ThreadState& ts, DequeObject* d, Value x, int64_t start, int64_t stop) {
    uint64_t state = d->state;
    for (int64_t i = start; i < stop && i < static_cast<int64_t>(d->size); ++i) {
        Ref item = Ref::borrow(slot(d, static_cast<uint64_t>(i)));
        int eq = obj_eq(ts, *item, x);
        if (eq < 0) return -2;
        if (d->state != state) {
            raise(ts, ts.exc_types().RuntimeError, "deque mutated during iteration");
            return -2;
        }
        if (eq) return i;
    }
    return -1;
}

Value raise_not_in_deque(ThreadState& ts, Value x) {
    Ref r(obj_repr(ts, x));
    if (!r) return Value();
    return raise_fmt(ts, ts.exc_types().ValueError, "{} is not in deque", str_view(*r));
}

Value deque_index(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "index", 1, 3)) return Value();
    DequeObject* d = self_deque(args);
    int64_t len = static_cast<int64_t>(d->size), start = 0, stop = len;
    if (args.n > 2 && !slice_index_clamped(ts, args[2], &start)) return Value();
    if (args.n > 3 && !slice_index_clamped(ts, args[3], &stop)) return Value();
    if (start < 0) start = std::max<int64_t>(0, start + len);
    if (stop < 0) stop = std::max<int64_t>(0, stop + len);
    int64_t i = find(ts, d, args[1], start, stop);
    if (i == -2) return Value();
    if (i < 0) return raise_not_in_deque(ts, args[1]);
    return make_int(ts, i);
}

Value deque_remove(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "remove", 1, 1)) return Value();
    DequeObject* d = self_deque(args);
    int64_t i = find(ts, d, args[1], 0, static_cast<int64_t>(d->size));
    if (i == -2) return Value();
    if (i < 0) return raise_not_in_deque(ts, args[1]);
    decref(take_at(d, static_cast<uint64_t>(i)));
    return Value::none();
}

Value deque_reverse(ThreadState&, Args args) {
    DequeObject* d = self_deque(args);
    for (uint64_t i = 0, j = d->size; i + 1 < j; ++i, --j) std::swap(slot(d, i), slot(d, j - 1));
    ++d->state;
    return Value::none();
}

Value deque_insert(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "insert", 2, 2)) return Value();
    DequeObject* d = self_deque(args);
    int64_t i;
    if (!index_as_ssize(ts, args[1], &i)) return Value();
    if (d->maxlen >= 0 && static_cast<int64_t>(d->size) >= d->maxlen) {
        return raise(ts, ts.exc_types().IndexError, "deque already at its maximum size");
    }
    int64_t len = static_cast<int64_t>(d->size);
    if (i < 0) i = std::max<int64_t>(0, i + len);
    if (i >= len) {
        if (!push(ts, d, new_ref(args[2]), false)) return Value();
        return Value::none();
    }
    if (!push(ts, d, new_ref(args[2]), true)) return Value();
    for (int64_t k = 0; k < i; ++k)
        std::swap(slot(d, static_cast<uint64_t>(k)), slot(d, static_cast<uint64_t>(k + 1)));
    return Value::none();
}

// The pickle recipe: (type, () or ((), maxlen), __dict__ or None, iter(d)).
Value deque_reduce(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "__reduce__", 0, 0)) return Value();
    Value self = args[0];
    int64_t maxlen = deque_obj(self)->maxlen;
    Ref limit(maxlen < 0 ? Value() : make_int(ts, maxlen));
    Ref ctor_args(maxlen < 0
                      ? new_ref(ts.interp().empty_tuple)
                      : (limit ? tuple_pack(ts, {ts.interp().empty_tuple, *limit}) : Value()));
    Value* d = instance_dict_slot(self.as_object());
    Value state = d && !d->is_null() && dict_size(*d) ? *d : Value::none();
    Ref it(obj_iter(ts, self));
    if (!ctor_args || !it) return Value();
    return tuple_pack(ts, {val(type_of(ts, self)), *ctor_args, state, *it});
}

Value deque_copy(ThreadState& ts, Args args) {
    DequeObject* d = self_deque(args);
    TypeObject* t = type_of(ts, args[0]);
    Ref maxlen(d->maxlen < 0 ? Value::none() : make_int(ts, d->maxlen));
    if (!maxlen) return Value();
    return call2(ts, val(t), args[0], *maxlen);
}

// --- iterators ---

struct DequeIterObject {
    Object hdr;
    Value deque;     // owned
    uint64_t index;  // items handed out so far
    uint64_t state;  // the deque's state when iteration began
};

Value deque_iter_next(ThreadState& ts, Value self) {
    auto* it = reinterpret_cast<DequeIterObject*>(self.as_object());
    DequeObject* d = deque_obj(it->deque);
    if (d->state != it->state) {
        it->index = d->size;  // stays exhausted
        return raise(ts, ts.exc_types().RuntimeError, "deque mutated during iteration");
    }
    if (it->index >= d->size) return Value();
    bool reverse = it->hdr.aux != 0;
    uint64_t i = reverse ? d->size - 1 - it->index : it->index;
    ++it->index;
    return new_ref(slot(d, i));
}

void deque_iter_dealloc(Object* o) {
    clear_ref(reinterpret_cast<DequeIterObject*>(o)->deque);
    free_object(o);
}

void deque_iter_traverse(Object* o, VisitFn visit, void* ctx) {
    Value d = reinterpret_cast<DequeIterObject*>(o)->deque;
    if (!d.is_null()) visit(d, ctx);
}

Value make_deque_iter(ThreadState& ts, Value deque, bool reverse) {
    DequeTypes& types = deque_types(ts.interp());
    auto* it = alloc_gc<DequeIterObject>(reverse ? types.reverse_iterator : types.iterator);
    if (!it) return raise_memory_error(ts);
    it->deque = new_ref(deque);
    it->state = deque_obj(deque)->state;
    it->hdr.aux = reverse ? 1 : 0;
    return val(it);
}

Value deque_iter(ThreadState& ts, Value self) {
    return make_deque_iter(ts, self, false);
}
Value deque_reversed(ThreadState& ts, Args args) {
    return make_deque_iter(ts, args[0], true);
}

// --- slots ---

void deque_dealloc(Object* o) {
    auto* d = reinterpret_cast<DequeObject*>(o);
    for (uint64_t i = 0; i < d->size; ++i) clear_ref(slot(d, i));
    std::free(d->buf);
    free_object(o);
}

void deque_traverse(Object* o, VisitFn visit, void* ctx) {
    auto* d = reinterpret_cast<DequeObject*>(o);
    for (uint64_t i = 0; i < d->size; ++i) visit(slot(d, i), ctx);
}

void deque_clear_slot(Object* o) {
    deque_clear_items(reinterpret_cast<DequeObject*>(o));
}

Value deque_new(ThreadState& ts, TypeObject* type, Args) {
    auto* d = alloc_gc<DequeObject>(type, type->basicsize);
    if (!d) return raise_memory_error(ts);
    d->maxlen = -1;
    return val(d);
}

int deque_init(ThreadState& ts, Value self, Args args) {
    Value iterable, maxlen;
    if (!parse_args(ts, args, "deque", {"|", "iterable", "maxlen"}, {&iterable, &maxlen}))
        return -1;
    DequeObject* d = deque_obj(self);
    int64_t m = -1;
    if (!maxlen.is_null() && !maxlen.is_none()) {
        if (!is_int(maxlen)) {
            raise(ts, ts.exc_types().TypeError, "an integer is required");
            return -1;
        }
        if (!int_as_int64(ts, maxlen, &m)) return -1;
        if (m < 0) {
            raise(ts, ts.exc_types().ValueError, "maxlen must be non-negative");
            return -1;
        }
    }
    d->maxlen = m;
    if (d->size > 0) deque_clear_items(d);
    if (!iterable.is_null() && !extend_from(ts, d, iterable, false)) return -1;
    return 0;
}

int64_t deque_len(ThreadState&, Value self) {
    return static_cast<int64_t>(deque_obj(self)->size);
}

// A subscript: an integer only (deques do not slice), normalised.
bool deque_position(ThreadState& ts, Value self, Value key, uint64_t* out) {
    int64_t i;
    int r = seq_index_arg(ts, key, &i);
    if (r < 0) return false;
    if (r == 0) {
        raise_fmt(ts, ts.exc_types().TypeError, "sequence index must be integer, not '{}'",
                  type_name(ts, key));
        return false;
    }
    if (!normalize_index(&i, static_cast<int64_t>(deque_obj(self)->size))) {
        raise(ts, ts.exc_types().IndexError, "deque index out of range");
        return false;
    }
    *out = static_cast<uint64_t>(i);
    return true;
}

Value deque_getitem(ThreadState& ts, Value self, Value key) {
    uint64_t i;
    if (!deque_position(ts, self, key, &i)) return Value();
    return new_ref(slot(deque_obj(self), i));
}

int deque_setitem(ThreadState& ts, Value self, Value key, Value value) {
    uint64_t i;
    if (!deque_position(ts, self, key, &i)) return -1;
    DequeObject* d = deque_obj(self);
    if (value.is_null())
        decref(take_at(d, i));
    else
        set_ref(slot(d, i), new_ref(value));
    return 0;
}

int deque_contains(ThreadState& ts, Value self, Value item) {
    DequeObject* d = deque_obj(self);
    int64_t i = find(ts, d, item, 0, static_cast<int64_t>(d->size));
    return i == -2 ? -1 : i >= 0;
}

Value deque_repr(ThreadState& ts, Value self) {
    DequeObject* d = deque_obj(self);
    std::string name(str_view(type_of(ts, self)->name));
    ReprGuard guard(self);
    if (guard.recursive()) return make_str(ts, "[...]");
    Ref items(list_new(ts, d->size));
    if (!items) return Value();
    for (uint64_t i = 0; i < d->size; ++i) {
        if (!list_append(ts, *items, slot(d, i))) return Value();
    }
    Ref r(obj_repr(ts, *items));
    if (!r) return Value();
    if (d->maxlen < 0) return make_str(ts, fmt::format("{}({})", name, str_view(*r)));
    return make_str(ts, fmt::format("{}({}, maxlen={})", name, str_view(*r), d->maxlen));
}

// CPython names the C type "collections.deque" in this message.
bool deque_hash(ThreadState& ts, Value self, int64_t*) {
    TypeObject* t = type_of(ts, self);
    if (t == deque_types(ts.interp()).deque)
        raise(ts, ts.exc_types().TypeError, "unhashable type: 'collections.deque'");
    else
        raise_unhashable(ts, self);
    return false;
}

bool is_deque(ThreadState& ts, Value v) {
    return type_is_subtype(type_of(ts, v), deque_types(ts.interp()).deque);
}

Value deque_richcompare(ThreadState& ts, Value a, Value b, CompareOp op) {
    if (!is_deque(ts, b)) return Value::not_implemented();
    Ref la(list_from_iterable(ts, a));
    Ref lb(la ? list_from_iterable(ts, b) : Value());
    if (!lb) return Value();
    return rich_compare(ts, *la, *lb, op);
}

Value deque_add(ThreadState& ts, Value a, Value b) {
    if (!is_deque(ts, a)) return Value::not_implemented();
    if (!is_deque(ts, b)) {
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "can only concatenate deque (not \"{}\") to deque", type_name(ts, b));
    }
    Value self_arg = a;
    Ref copy(deque_copy(ts, Args{&self_arg, 1, nullptr}));
    if (!copy || !extend_from(ts, deque_obj(*copy), b, false)) return Value();
    return copy.release();
}

Value deque_inplace_add(ThreadState& ts, Value a, Value b) {
    if (!is_deque(ts, a)) return Value::not_implemented();
    if (!extend_from(ts, deque_obj(a), b, false)) return Value();
    return new_ref(a);
}

// d * n into `target` (d itself for *=): repeats the current items.
bool repeat_into(ThreadState& ts, DequeObject* target, Value count) {
    int64_t n;
    if (!index_as_ssize(ts, count, &n)) return false;
    if (n <= 0) {
        deque_clear_items(target);
        return true;
    }
    Ref items(list_from_iterable(ts, val(target)));
    if (!items) return false;
    for (int64_t k = 1; k < n; ++k) {
        for (uint64_t i = 0; i < list_size(*items); ++i) {
            if (!push(ts, target, new_ref(list_item(*items, i)), false)) return false;
        }
    }
    return true;
}

Value deque_mul(ThreadState& ts, Value a, Value b) {
    Value d = is_deque(ts, a) ? a : b;
    Value count = d == a ? b : a;
    if (!is_deque(ts, d) || !is_int(count)) return Value::not_implemented();
    Ref copy(deque_copy(ts, Args{&d, 1, nullptr}));
    if (!copy || !repeat_into(ts, deque_obj(*copy), count)) return Value();
    return copy.release();
}

Value deque_inplace_mul(ThreadState& ts, Value a, Value b) {
    if (!is_deque(ts, a) || !is_int(b)) return Value::not_implemented();
    if (!repeat_into(ts, deque_obj(a), b)) return Value();
    return new_ref(a);
}

TypeObject* new_iter_type(Interpreter& interp, const char* name) {
    TypeObject* t = type_alloc_builtin(interp, name, ObjKind::Native, sizeof(DequeIterObject),
                                       interp.types.object, kTypeHasGc);
    t->hdr.type = interp.types.type;
    t->dealloc = deque_iter_dealloc;
    t->traverse = deque_iter_traverse;
    t->iter = iter_self;
    t->iternext = deque_iter_next;
    Ref mod(interp.intern("_collections"));
    type_set_attr_cstr(interp, t, "__module__", *mod);
    type_ready(interp, t);
    return t;
}

TypeObject* new_deque_type(Interpreter& interp) {
    TypeObject* t = type_alloc_builtin(interp, "deque", ObjKind::Native, sizeof(DequeObject),
                                       interp.types.object, kTypeBaseType | kTypeHasGc);
    t->hdr.type = interp.types.type;
    t->new_ = deque_new;
    t->init = deque_init;
    t->dealloc = deque_dealloc;
    t->traverse = deque_traverse;
    t->clear = deque_clear_slot;
    t->repr = deque_repr;
    t->hash = deque_hash;
    t->richcompare = deque_richcompare;
    t->iter = deque_iter;
    t->len = deque_len;
    t->getitem = deque_getitem;
    t->setitem = deque_setitem;
    t->contains = deque_contains;
    t->nb[static_cast<int>(BinOp::Add)] = deque_add;
    t->nb[static_cast<int>(BinOp::Mul)] = deque_mul;
    t->nb_inplace[static_cast<int>(BinOp::Add)] = deque_inplace_add;
    t->nb_inplace[static_cast<int>(BinOp::Mul)] = deque_inplace_mul;
    type_add_methods(interp, t, kDequeMethods);
    type_add_getsets(interp, t, kDequeGetSets);
    Ref mod(interp.intern("collections"));
    type_set_attr_cstr(interp, t, "__module__", *mod);
    type_ready(interp, t);
    return t;
}

}  // namespace

DequeTypes& deque_types(Interpreter& interp) {
    return module_state<DequeTypes>(interp, "_collections.deque", [&](DequeTypes& types) {
        types.deque = new_deque_type(interp);
        types.iterator = new_iter_type(interp, "_deque_iterator");
        types.reverse_iterator = new_iter_type(interp, "_deque_reverse_iterator");
    });
}

}  // namespace gilt
