// dict views (dict_keys, dict_values, dict_items) and the dict iterators.
//
// A view is a live window on its dict: it holds only the dict. Keys and
// items views are set-like (comparisons with sets and views, & | - ^ giving
// sets, isdisjoint), following CPython's dictobject.c.
//
// An iterator remembers the dict's size when created: if the size changes
// it raises "dictionary changed size during iteration" (and keeps raising);
// if the size is the same but more entries turn up than there were,
// "dictionary keys changed during iteration". Reverse iterators (from
// reversed(d) / reversed(view)) use the same types with hdr.aux set, where
// CPython has separate dict_reverse*iterator types.
#include <string>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/heap.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/iterators.hpp"
#include "runtime/list.hpp"
#include "runtime/set.hpp"
#include "runtime/slots.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"

namespace gilt {

namespace {

Value dictview_isdisjoint(ThreadState& ts, Args args);
Value dictview_reversed(ThreadState& ts, Args args);
Value dictiter_length_hint(ThreadState& ts, Args args);

constexpr MethodDef kSetLikeViewMethods[] = {
    {"isdisjoint", dictview_isdisjoint},
    {"__reversed__", dictview_reversed},
};

constexpr MethodDef kValuesViewMethods[] = {
    {"__reversed__", dictview_reversed},
};

constexpr MethodDef kDictIterMethods[] = {
    {"__length_hint__", dictiter_length_hint},
};

struct DictViewObject {
    Object hdr;
    Value dict;  // owned
};

constexpr uint16_t kReverse = 1;

struct DictIterObject {
    Object hdr;     // aux: kReverse
    Value dict;     // owned; null once exhausted
    uint64_t used;  // the dict's size at creation; kSticky after a size change
    int64_t pos;    // next entry to look at (reverse: counts down)
    uint64_t len;   // entries left to yield
    Value result;   // items: the last (key, value) tuple, reused when nobody else holds it
};

constexpr uint64_t kSticky = UINT64_MAX;

DictViewObject* view_obj(Value v) {
    return as<DictViewObject>(v);
}

DictViewKind view_kind(ThreadState& ts, Value v) {
    TypeObject* t = v.as_object()->type;
    if (t == ts.types().dict_keys || t == ts.types().dict_keyiterator) return DictViewKind::Keys;
    if (t == ts.types().dict_values || t == ts.types().dict_valueiterator)
        return DictViewKind::Values;
    return DictViewKind::Items;
}

bool is_view(ThreadState&, Value v, TypeObject* t) {
    return v.is_object() && v.as_object()->type == t;
}

// keys or items view (CPython's PyDictViewSet_Check).
bool is_set_like_view(ThreadState& ts, Value v) {
    return is_view(ts, v, ts.types().dict_keys) || is_view(ts, v, ts.types().dict_items);
}

// --- views ---

void view_dealloc(Object* o) {
    clear_ref(reinterpret_cast<DictViewObject*>(o)->dict);
    free_object(o);
}

void view_traverse(Object* o, VisitFn visit, void* ctx) {
    Value d = reinterpret_cast<DictViewObject*>(o)->dict;
    if (!d.is_null()) visit(d, ctx);
}

void view_clear(Object* o) {
    clear_ref(reinterpret_cast<DictViewObject*>(o)->dict);
}

int64_t view_len(ThreadState&, Value self) {
    return static_cast<int64_t>(dict_size(view_obj(self)->dict));
}

Value view_iter(ThreadState& ts, Value self) {
    return dict_iter_new(ts, view_obj(self)->dict, view_kind(ts, self), false);
}

Value view_repr(ThreadState& ts, Value self) {
    ReprGuard guard(self);
    if (guard.recursive()) return make_str(ts, "...");
    Ref items(list_from_iterable(ts, self));
    if (!items) return Value();
    Ref r(obj_repr(ts, *items));
    if (!r) return Value();
    std::string out(type_name(ts, self));
    out += '(';
    out += str_view(*r);
    out += ')';
    return make_str(ts, out);
}

int keys_contains(ThreadState& ts, Value self, Value key) {
    return dict_contains(ts, view_obj(self)->dict, key);
}

// (key, value) in d.items()
int items_contains(ThreadState& ts, Value self, Value obj) {
    if (!is_tuple(ts, obj) || tuple_size(obj) != 2) return 0;
    bool error = false;
    Value found = dict_get(ts, view_obj(self)->dict, tuple_item(obj, 0), &error);
    if (found.is_null()) return error ? -1 : 0;
    Ref hold = Ref::borrow(found);
    return rich_compare_bool(ts, found, tuple_item(obj, 1), CompareOp::Eq);
}

// Every item of `self` is in `other`. 1 / 0 / -1.
int all_contained_in(ThreadState& ts, Value self, Value other) {
    Ref it(obj_iter(ts, self));
    if (!it) return -1;
    for (;;) {
        Ref x(iter_next(ts, *it));
        if (!x) return ts.has_exception() ? -1 : 1;
        int r = obj_contains(ts, other, *x);
        if (r <= 0) return r;
    }
}

Value view_richcompare(ThreadState& ts, Value a, Value b, CompareOp op) {
    if (!is_anyset(ts, b) && !is_set_like_view(ts, b)) return Value::not_implemented();
    int64_t na = obj_len(ts, a);
    if (na < 0) return Value();
    int64_t nb = obj_len(ts, b);
    if (nb < 0) return Value();
    int ok = 0;
    switch (op) {
        case CompareOp::Eq:
        case CompareOp::Ne:
            if (na == nb) ok = all_contained_in(ts, a, b);
            if (op == CompareOp::Ne && ok >= 0) ok = !ok;
            break;
        case CompareOp::Lt:
            ok = na < nb ? all_contained_in(ts, a, b) : 0;
            break;
        case CompareOp::Le:
            ok = na <= nb ? all_contained_in(ts, a, b) : 0;
            break;
        case CompareOp::Gt:
            ok = na > nb ? all_contained_in(ts, b, a) : 0;
            break;
        case CompareOp::Ge:
            ok = na >= nb ? all_contained_in(ts, b, a) : 0;
            break;
    }
    if (ok < 0) return Value();
    return Value::boolean(ok != 0);
}

// set(v), reading a keys view of an exact dict straight from the dict.
Value view_to_set(ThreadState& ts, Value v) {
    if (is_view(ts, v, ts.types().dict_keys) && is_exact_dict(ts, view_obj(v)->dict)) {
        return set_new(ts, view_obj(v)->dict);
    }
    return set_new(ts, v);
}

// CPython's _PyDictView_Intersect.
Value view_and(ThreadState& ts, Value a, Value b) {
    Value self = a, other = b;
    if (!is_set_like_view(ts, self)) std::swap(self, other);  // reflected: `x & view`
    int64_t len_self = view_len(ts, self);
    if (other.is_object() && other.as_object()->type == ts.types().set) {
        if (len_self <= static_cast<int64_t>(set_size(other)))
            return set_intersection(ts, other, self);
    }
    if (is_set_like_view(ts, other) && view_len(ts, other) > len_self) std::swap(self, other);
    bool keys = is_view(ts, self, ts.types().dict_keys);
    Ref result(set_new(ts));
    if (!result) return Value();
    Ref it(obj_iter(ts, other));
    if (!it) return Value();
    for (;;) {
        Ref x(iter_next(ts, *it));
        if (!x) return ts.has_exception() ? Value() : result.release();
        int r = keys ? keys_contains(ts, self, *x) : items_contains(ts, self, *x);
        if (r < 0 || (r > 0 && !set_add(ts, *result, *x))) return Value();
    }
}

Value view_or(ThreadState& ts, Value a, Value b) {
    Ref result(view_to_set(ts, a));
    if (!result || !set_update(ts, *result, b)) return Value();
    return result.release();
}

Value view_sub(ThreadState& ts, Value a, Value b) {
    Ref result(view_to_set(ts, a));
    if (!result || !set_difference_update(ts, *result, b)) return Value();
    return result.release();
}

Value view_xor(ThreadState& ts, Value a, Value b) {
    Ref result(view_to_set(ts, a));
    if (!result || !set_symmetric_difference_update(ts, *result, b)) return Value();
    return result.release();
}

Value dictview_isdisjoint(ThreadState& ts, Args args) {
    if (!no_kwargs(ts, args, "isdisjoint") ||
        !check_nargs(ts, args.drop_first(), "isdisjoint", 1, 1)) {
        return Value();
    }
    Value self = args[0], other = args[1];
    if (self == other) return Value::boolean(view_len(ts, self) == 0);
    if (is_anyset(ts, other) || is_set_like_view(ts, other)) {
        int64_t len_other = obj_len(ts, other);
        if (len_other < 0) return Value();
        if (len_other > view_len(ts, self)) std::swap(self, other);  // iterate the smaller
    }
    Ref it(obj_iter(ts, other));
    if (!it) return Value();
    for (;;) {
        Ref x(iter_next(ts, *it));
        if (!x) return ts.has_exception() ? Value() : Value::true_();
        int r = obj_contains(ts, self, *x);
        if (r != 0) return r < 0 ? Value() : Value::false_();
    }
}

Value dictview_reversed(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "__reversed__", 0, 0)) return Value();
    return dict_iter_new(ts, view_obj(args[0])->dict, view_kind(ts, args[0]), true);
}

// --- iterators ---

void dictiter_dealloc(Object* o) {
    auto* it = reinterpret_cast<DictIterObject*>(o);
    clear_ref(it->dict);
    clear_ref(it->result);
    free_object(o);
}

void dictiter_traverse(Object* o, VisitFn visit, void* ctx) {
    auto* it = reinterpret_cast<DictIterObject*>(o);
    if (!it->dict.is_null()) visit(it->dict, ctx);
    if (!it->result.is_null()) visit(it->result, ctx);
}

void dictiter_clear(Object* o) {
    auto* it = reinterpret_cast<DictIterObject*>(o);
    clear_ref(it->dict);
    clear_ref(it->result);
}

// The next live entry, or nullptr: exhausted (no exception) or RuntimeError.
const DictEntry* dictiter_advance(ThreadState& ts, DictIterObject* it) {
    if (it->dict.is_null()) return nullptr;
    DictObject* d = dict_obj(it->dict);
    if (it->used != d->used) {
        it->used = kSticky;
        raise(ts, ts.exc_types().RuntimeError, "dictionary changed size during iteration");
        return nullptr;
    }
    int64_t n = static_cast<int64_t>(d->entries_len);
    int64_t i = it->pos;
    if (it->hdr.aux & kReverse) {
        if (i >= n) i = n - 1;
        while (i >= 0 && d->entries[i].key.is_null()) --i;
    } else {
        while (i < n && d->entries[i].key.is_null()) ++i;
    }
    if (i < 0 || i >= n) {
        clear_ref(it->dict);
        return nullptr;
    }
    if (it->len == 0) {
        clear_ref(it->dict);
        raise(ts, ts.exc_types().RuntimeError, "dictionary keys changed during iteration");
        return nullptr;
    }
    it->pos = (it->hdr.aux & kReverse) ? i - 1 : i + 1;
    --it->len;
    return &d->entries[i];
}

Value dictiter_next_key(ThreadState& ts, Value self) {
    const DictEntry* e = dictiter_advance(ts, as<DictIterObject>(self));
    return e ? new_ref(e->key) : Value();
}

Value dictiter_next_value(ThreadState& ts, Value self) {
    const DictEntry* e = dictiter_advance(ts, as<DictIterObject>(self));
    return e ? new_ref(e->value) : Value();
}

// Reuses the previous result tuple when the caller has dropped it (the
// usual `for k, v in d.items()`), as CPython does.
Value dictiter_next_item(ThreadState& ts, Value self) {
    auto* it = as<DictIterObject>(self);
    const DictEntry* e = dictiter_advance(ts, it);
    if (!e) return Value();
    Value key = new_ref(e->key), value = new_ref(e->value);
    Value r = it->result;
    if (!r.is_null() && r.as_object()->refcnt == 1) {
        TupleObject* t = tuple_obj(r);
        Value old_key = t->items[0], old_value = t->items[1];
        t->items[0] = key;
        t->items[1] = value;
        decref(old_key);
        decref(old_value);
        return new_ref(r);
    }
    Value fresh = tuple_new(ts, 2);
    if (fresh.is_null()) {
        decref(key);
        decref(value);
        return fresh;
    }
    tuple_obj(fresh)->items[0] = key;
    tuple_obj(fresh)->items[1] = value;
    set_ref(it->result, new_ref(fresh));
    return fresh;
}

Value dictiter_length_hint(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "__length_hint__", 0, 0)) return Value();
    auto* it = as<DictIterObject>(args[0]);
    bool live = !it->dict.is_null() && it->used == dict_size(it->dict);
    return Value::small_int(live ? static_cast<int64_t>(it->len) : 0);
}

void define_view_type(Interpreter& interp, TypeObject* t, bool set_like) {
    t->instance_kind = ObjKind::Native;
    t->basicsize = sizeof(DictViewObject);
    t->flags = kTypeHasGc;
    t->dealloc = view_dealloc;
    t->traverse = view_traverse;
    t->clear = view_clear;
    t->repr = view_repr;
    t->len = view_len;
    t->iter = view_iter;
    if (set_like) {
        t->hash = hash_not_implemented;
        t->richcompare = view_richcompare;
        t->nb[static_cast<int>(BinOp::And)] = view_and;
        t->nb[static_cast<int>(BinOp::Or)] = view_or;
        t->nb[static_cast<int>(BinOp::Sub)] = view_sub;
        t->nb[static_cast<int>(BinOp::Xor)] = view_xor;
        type_add_methods(interp, t, kSetLikeViewMethods);
    } else {
        type_add_methods(interp, t, kValuesViewMethods);
    }
}

void define_iter_type(Interpreter& interp, TypeObject* t, UnarySlot next) {
    t->instance_kind = ObjKind::Native;
    t->basicsize = sizeof(DictIterObject);
    t->flags = kTypeHasGc;
    t->dealloc = dictiter_dealloc;
    t->traverse = dictiter_traverse;
    t->clear = dictiter_clear;
    t->iter = iter_self;
    t->iternext = next;
    type_add_methods(interp, t, kDictIterMethods);
}

}  // namespace

Value dict_view_new(ThreadState& ts, Value dict, DictViewKind kind) {
    const BuiltinTypes& types = ts.types();
    TypeObject* t = kind == DictViewKind::Keys     ? types.dict_keys
                    : kind == DictViewKind::Values ? types.dict_values
                                                   : types.dict_items;
    auto* v = alloc_gc<DictViewObject>(t);
    if (!v) return raise_memory_error(ts);
    v->dict = new_ref(dict);
    return val(v);
}

Value dict_iter_new(ThreadState& ts, Value dict, DictViewKind kind, bool reverse) {
    const BuiltinTypes& types = ts.types();
    TypeObject* t = kind == DictViewKind::Keys     ? types.dict_keyiterator
                    : kind == DictViewKind::Values ? types.dict_valueiterator
                                                   : types.dict_itemiterator;
    auto* it = alloc_gc<DictIterObject>(t);
    if (!it) return raise_memory_error(ts);
    DictObject* d = dict_obj(dict);
    it->dict = new_ref(dict);
    it->used = d->used;
    it->len = d->used;
    it->pos = reverse ? static_cast<int64_t>(d->entries_len) - 1 : 0;
    if (reverse) it->hdr.aux = kReverse;
    return val(it);
}

void define_dict_view_types(Interpreter& interp) {
    BuiltinTypes& t = interp.types;
    define_view_type(interp, t.dict_keys, true);
    define_view_type(interp, t.dict_values, false);
    define_view_type(interp, t.dict_items, true);
    t.dict_keys->contains = keys_contains;
    t.dict_items->contains = items_contains;
    define_iter_type(interp, t.dict_keyiterator, dictiter_next_key);
    define_iter_type(interp, t.dict_valueiterator, dictiter_next_value);
    define_iter_type(interp, t.dict_itemiterator, dictiter_next_item);
}

}  // namespace gilt
