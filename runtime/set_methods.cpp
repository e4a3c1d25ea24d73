// The set algebra and the methods of set and frozenset (the table itself is
// in set.cpp).
//
// Each operation follows its CPython function (named in the comments)
// including which operand is iterated and which is probed, and which one is
// copied first: that decides the order keys enter the result, hence the
// result's iteration order. For example a ^ b starts from a copy of b.
// Results of operators and methods are exact sets or frozensets (the base
// type of the left operand), never instances of a subclass.
#include <fmt/format.h>

#include <string>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/heap.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/set.hpp"
#include "runtime/slots.hpp"
#include "runtime/str.hpp"

namespace gilt {

namespace {

Value set_add_method(ThreadState& ts, Args args);
Value set_clear_method(ThreadState& ts, Args args);
Value set_copy_method(ThreadState& ts, Args args);
Value set_discard_method(ThreadState& ts, Args args);
Value set_difference_method(ThreadState& ts, Args args);
Value set_difference_update_method(ThreadState& ts, Args args);
Value set_intersection_method(ThreadState& ts, Args args);
Value set_intersection_update_method(ThreadState& ts, Args args);
Value set_isdisjoint_method(ThreadState& ts, Args args);
Value set_issubset_method(ThreadState& ts, Args args);
Value set_issuperset_method(ThreadState& ts, Args args);
Value set_pop_method(ThreadState& ts, Args args);
Value set_remove_method(ThreadState& ts, Args args);
Value set_symmetric_difference_method(ThreadState& ts, Args args);
Value set_symmetric_difference_update_method(ThreadState& ts, Args args);
Value set_union_method(ThreadState& ts, Args args);
Value set_update_method(ThreadState& ts, Args args);
Value set_sizeof(ThreadState& ts, Args args);

constexpr MethodDef kSetMethods[] = {
    {"add", set_add_method},
    {"clear", set_clear_method},
    {"copy", set_copy_method},
    {"discard", set_discard_method},
    {"difference", set_difference_method},
    {"difference_update", set_difference_update_method},
    {"intersection", set_intersection_method},
    {"intersection_update", set_intersection_update_method},
    {"isdisjoint", set_isdisjoint_method},
    {"issubset", set_issubset_method},
    {"issuperset", set_issuperset_method},
    {"pop", set_pop_method},
    {"remove", set_remove_method},
    {"symmetric_difference", set_symmetric_difference_method},
    {"symmetric_difference_update", set_symmetric_difference_update_method},
    {"union", set_union_method},
    {"update", set_update_method},
    {"__sizeof__", set_sizeof},
};

constexpr MethodDef kFrozenSetMethods[] = {
    {"copy", set_copy_method},
    {"difference", set_difference_method},
    {"intersection", set_intersection_method},
    {"isdisjoint", set_isdisjoint_method},
    {"issubset", set_issubset_method},
    {"issuperset", set_issuperset_method},
    {"symmetric_difference", set_symmetric_difference_method},
    {"union", set_union_method},
    {"__sizeof__", set_sizeof},
};

SetObject* so_of(Value v) {
    return set_obj(v);
}
TypeObject* type_of_set(Value v) {
    return v.as_object()->type;
}

Value set_copy(ThreadState& ts, Value so) {
    return make_new_set_basetype(ts, type_of_set(so), so);
}

// --- intersection ---

// CPython's set_intersection: iterates the smaller set (or `other` when it
// is not a set), probing the other.
Value intersection(ThreadState& ts, Value so, Value other) {
    if (so == other) return set_copy(ts, so);
    Ref result(make_new_set_basetype(ts, type_of_set(so), Value()));
    if (!result) return Value();
    SetObject* r = so_of(*result);
    if (is_anyset(ts, other)) {
        Value big = so, small = other;
        if (set_size(other) > set_size(so)) std::swap(big, small);
        uint64_t pos = 0;
        SetEntry* e;
        while (set_next_entry(so_of(small), &pos, &e)) {
            Ref key = Ref::borrow(e->key);
            int64_t hash = e->hash;
            int rv = set_contains_entry(ts, so_of(big), *key, hash);
            if (rv < 0 || (rv > 0 && !set_add_entry(ts, r, *key, hash))) return Value();
        }
        return result.release();
    }
    Ref it(obj_iter(ts, other));
    if (!it) return Value();
    for (;;) {
        Ref key(iter_next(ts, *it));
        if (!key) return ts.has_exception() ? Value() : result.release();
        int64_t hash;
        if (!set_hash_key(ts, *key, &hash)) return Value();
        int rv = set_contains_entry(ts, so_of(so), *key, hash);
        if (rv < 0 || (rv > 0 && !set_add_entry(ts, r, *key, hash))) return Value();
    }
}

// so & others[0] & others[1] ...
Value intersection_multi(ThreadState& ts, Value so, const Value* others, uint32_t n) {
    if (n == 0) return set_copy(ts, so);
    Ref result = Ref::borrow(so);
    for (uint32_t i = 0; i < n; ++i) {
        result = Ref(intersection(ts, *result, others[i]));
        if (!result) return Value();
    }
    return result.release();
}

// --- difference ---

// CPython's set_difference_update_internal.
bool difference_update(ThreadState& ts, Value so, Value other) {
    SetObject* s = so_of(so);
    if (so == other) {
        set_clear_internal(s);
        return true;
    }
    if (is_anyset(ts, other)) {
        // When other is much larger, discard only the common keys.
        Ref src =
            set_size(other) >> 3 > s->used ? Ref(intersection(ts, so, other)) : Ref::borrow(other);
        if (!src) return false;
        uint64_t pos = 0;
        SetEntry* e;
        while (set_next_entry(so_of(*src), &pos, &e)) {
            Ref key = Ref::borrow(e->key);
            if (set_discard_entry(ts, s, *key, e->hash) < 0) return false;
        }
    } else {
        Ref it(obj_iter(ts, other));
        if (!it) return false;
        for (;;) {
            Ref key(iter_next(ts, *it));
            if (!key) {
                if (ts.has_exception()) return false;
                break;
            }
            if (set_discard_key(ts, s, *key) < 0) return false;
        }
    }
    // More than a quarter dummies: rebuild.
    if (s->fill - s->used <= s->mask / 4) return true;
    return set_table_resize(ts, s, s->used > 50000 ? s->used * 2 : s->used * 4);
}

Value copy_and_difference(ThreadState& ts, Value so, Value other) {
    Ref result(set_copy(ts, so));
    if (!result || !difference_update(ts, *result, other)) return Value();
    return result.release();
}

// CPython's set_difference: iterates so, probing other, unless so is much
// larger (then copies so and removes other's keys).
Value difference(ThreadState& ts, Value so, Value other) {
    uint64_t other_size;
    if (is_anyset(ts, other)) {
        other_size = set_size(other);
    } else if (is_exact_dict(ts, other)) {
        other_size = dict_size(other);
    } else {
        return copy_and_difference(ts, so, other);
    }
    if ((set_size(so) >> 2) > other_size) return copy_and_difference(ts, so, other);
    Ref result(make_new_set_basetype(ts, type_of_set(so), Value()));
    if (!result) return Value();
    bool dict = !is_anyset(ts, other);
    uint64_t pos = 0;
    SetEntry* e;
    while (set_next_entry(so_of(so), &pos, &e)) {
        Ref key = Ref::borrow(e->key);
        int64_t hash = e->hash;
        int rv;
        if (dict) {
            bool error = false;
            rv =
                dict_get_known_hash(ts, other, *key, hash, &error).is_null() ? (error ? -1 : 0) : 1;
        } else {
            rv = set_contains_entry(ts, so_of(other), *key, hash);
        }
        if (rv < 0 || (rv == 0 && !set_add_entry(ts, so_of(*result), *key, hash))) return Value();
    }
    return result.release();
}

Value difference_multi(ThreadState& ts, Value so, const Value* others, uint32_t n) {
    if (n == 0) return set_copy(ts, so);
    Ref result(difference(ts, so, others[0]));
    if (!result) return Value();
    for (uint32_t i = 1; i < n; ++i) {
        if (!difference_update(ts, *result, others[i])) return Value();
    }
    return result.release();
}

// --- symmetric difference ---

// Toggles one key: removes it if present, else adds it.
bool toggle(ThreadState& ts, SetObject* so, Value k, int64_t hash) {
    Ref key = Ref::borrow(k);
    int rv = set_discard_entry(ts, so, *key, hash);
    if (rv < 0) return false;
    return rv == 1 || set_add_entry(ts, so, *key, hash);
}

// CPython's set_symmetric_difference_update.
bool symmetric_difference_update(ThreadState& ts, Value so, Value other) {
    SetObject* s = so_of(so);
    if (so == other) {
        set_clear_internal(s);
        return true;
    }
    if (is_exact_dict(ts, other)) {
        uint64_t pos = 0;
        Value key;
        int64_t hash;
        while (dict_next_hash(other, &pos, &key, nullptr, &hash)) {
            if (!toggle(ts, s, key, hash)) return false;
        }
        return true;
    }
    Ref otherset = is_anyset(ts, other) ? Ref::borrow(other)
                                        : Ref(make_new_set_basetype(ts, type_of_set(so), other));
    if (!otherset) return false;
    uint64_t pos = 0;
    SetEntry* e;
    while (set_next_entry(so_of(*otherset), &pos, &e)) {
        if (!toggle(ts, s, e->key, e->hash)) return false;
    }
    return true;
}

// Starts from a copy of `other` and toggles so's keys into it.
Value symmetric_difference(ThreadState& ts, Value so, Value other) {
    Ref result(make_new_set_basetype(ts, type_of_set(so), other));
    if (!result || !symmetric_difference_update(ts, *result, so)) return Value();
    return result.release();
}

// --- subset tests (1 / 0 / -1) ---

int issubset(ThreadState& ts, Value so, Value other) {
    if (!is_anyset(ts, other)) {
        Ref tmp(intersection(ts, so, other));
        if (!tmp) return -1;
        return set_size(*tmp) == set_size(so);
    }
    if (set_size(so) > set_size(other)) return 0;
    uint64_t pos = 0;
    SetEntry* e;
    while (set_next_entry(so_of(so), &pos, &e)) {
        Ref key = Ref::borrow(e->key);
        int rv = set_contains_entry(ts, so_of(other), *key, e->hash);
        if (rv <= 0) return rv;
    }
    return 1;
}

int issuperset(ThreadState& ts, Value so, Value other) {
    if (is_anyset(ts, other)) return issubset(ts, other, so);
    Ref it(obj_iter(ts, other));
    if (!it) return -1;
    for (;;) {
        Ref key(iter_next(ts, *it));
        if (!key) return ts.has_exception() ? -1 : 1;
        int rv = set_contains_key(ts, so_of(so), *key);
        if (rv <= 0) return rv;
    }
}

int isdisjoint(ThreadState& ts, Value so, Value other) {
    if (so == other) return set_size(so) == 0;
    if (is_anyset(ts, other)) {
        Value small = other, big = so;
        if (set_size(other) > set_size(so)) std::swap(small, big);
        uint64_t pos = 0;
        SetEntry* e;
        while (set_next_entry(so_of(small), &pos, &e)) {
            Ref key = Ref::borrow(e->key);
            int rv = set_contains_entry(ts, so_of(big), *key, e->hash);
            if (rv != 0) return rv < 0 ? -1 : 0;
        }
        return 1;
    }
    Ref it(obj_iter(ts, other));
    if (!it) return -1;
    for (;;) {
        Ref key(iter_next(ts, *it));
        if (!key) return ts.has_exception() ? -1 : 1;
        int rv = set_contains_key(ts, so_of(so), *key);
        if (rv != 0) return rv < 0 ? -1 : 0;
    }
}

Value bool_or_null(int r) {
    return r < 0 ? Value() : Value::boolean(r != 0);
}

// --- operators ---

Value set_or(ThreadState& ts, Value a, Value b) {
    if (!is_anyset(ts, a) || !is_anyset(ts, b)) return Value::not_implemented();
    Ref result(set_copy(ts, a));
    if (!result) return Value();
    if (a != b && !set_update_internal(ts, so_of(*result), b)) return Value();
    return result.release();
}

Value set_and(ThreadState& ts, Value a, Value b) {
    if (!is_anyset(ts, a) || !is_anyset(ts, b)) return Value::not_implemented();
    return intersection(ts, a, b);
}

Value set_sub(ThreadState& ts, Value a, Value b) {
    if (!is_anyset(ts, a) || !is_anyset(ts, b)) return Value::not_implemented();
    return difference(ts, a, b);
}

Value set_xor(ThreadState& ts, Value a, Value b) {
    if (!is_anyset(ts, a) || !is_anyset(ts, b)) return Value::not_implemented();
    return symmetric_difference(ts, a, b);
}

// Replaces so's contents with those of `tmp` (consumed), as CPython's
// set_intersection_update does.
bool replace_body(ThreadState& ts, Value so, Value tmp) {
    if (tmp.is_null()) return false;
    set_swap_bodies(ts, so_of(so), so_of(tmp));
    decref(tmp);
    return true;
}

Value set_ior(ThreadState& ts, Value self, Value other) {
    if (!is_anyset(ts, other)) return Value::not_implemented();
    if (!set_update_internal(ts, so_of(self), other)) return Value();
    return new_ref(self);
}

Value set_iand(ThreadState& ts, Value self, Value other) {
    if (!is_anyset(ts, other)) return Value::not_implemented();
    if (!replace_body(ts, self, intersection(ts, self, other))) return Value();
    return new_ref(self);
}

Value set_isub(ThreadState& ts, Value self, Value other) {
    if (!is_anyset(ts, other)) return Value::not_implemented();
    if (!difference_update(ts, self, other)) return Value();
    return new_ref(self);
}

Value set_ixor(ThreadState& ts, Value self, Value other) {
    if (!is_anyset(ts, other)) return Value::not_implemented();
    if (!symmetric_difference_update(ts, self, other)) return Value();
    return new_ref(self);
}

// CPython's set_richcompare: subset tests, with cached frozenset hashes as
// a shortcut for ==.
Value set_richcompare(ThreadState& ts, Value a, Value b, CompareOp op) {
    if (!is_anyset(ts, b)) return Value::not_implemented();
    uint64_t na = set_size(a), nb = set_size(b);
    switch (op) {
        case CompareOp::Eq:
        case CompareOp::Ne: {
            int eq;
            int64_t ha = so_of(a)->hash, hb = so_of(b)->hash;
            if (na != nb || (ha != -1 && hb != -1 && ha != hb)) {
                eq = 0;
            } else {
                eq = issubset(ts, a, b);
                if (eq < 0) return Value();
            }
            return Value::boolean((eq != 0) == (op == CompareOp::Eq));
        }
        case CompareOp::Le:
            return bool_or_null(issubset(ts, a, b));
        case CompareOp::Ge:
            return bool_or_null(issuperset(ts, a, b));
        case CompareOp::Lt:
            return na >= nb ? Value::false_() : bool_or_null(issubset(ts, a, b));
        case CompareOp::Gt:
            return na <= nb ? Value::false_() : bool_or_null(issuperset(ts, a, b));
    }
    return Value::not_implemented();
}

// --- construction ---

const char* set_type_cname(Value self) {
    return self.as_object()->kind == ObjKind::FrozenSet ? "frozenset" : "set";
}

Value set_new_slot(ThreadState& ts, TypeObject* type, Args args) {
    if (type == ts.types().set && !no_kwargs(ts, args, "set")) return Value();
    return make_new_set(ts, type, Value());
}

// set.__init__(self, iterable=(), /): empties the set, then fills it.
int set_init(ThreadState& ts, Value self, Args args) {
    if (!no_kwargs(ts, args, "set")) return -1;
    if (!check_nargs(ts, args, type_of_set(self)->name_cstr, 0, 1)) return -1;
    SetObject* so = so_of(self);
    if (so->fill != 0) set_clear_internal(so);
    so->hash = -1;
    if (args.n == 0) return 0;
    return set_update_internal(ts, so, args[0]) ? 0 : -1;
}

Value frozenset_new_slot(ThreadState& ts, TypeObject* type, Args args) {
    TypeObject* fs = ts.types().frozenset;
    if ((type == fs || type->init == fs->init) && !no_kwargs(ts, args, "frozenset")) return Value();
    if (!check_nargs(ts, Args{args.v, args.n, nullptr}, type->name_cstr, 0, 1)) return Value();
    Value iterable = args.n > 0 ? args[0] : Value();
    if (type != fs) return make_new_set(ts, type, iterable);
    return frozenset_new(ts, iterable);
}

// --- methods ---

// Checks a method's arguments after self, naming it "set.add" or
// "frozenset.union" as CPython does (the name is built only on error).
bool set_method_args(ThreadState& ts, Args args, const char* name, uint32_t min, uint32_t max) {
    uint32_t n = args.n - 1;
    if (args.kw_count() == 0 && n >= min && n <= max) return true;
    std::string qualname = fmt::format("{}.{}", set_type_cname(args[0]), name);
    return no_kwargs(ts, args, qualname) && check_nargs(ts, args.drop_first(), qualname, min, max);
}

constexpr uint32_t kAny = UINT32_MAX;

Value set_add_method(ThreadState& ts, Args args) {
    if (!set_method_args(ts, args, "add", 1, 1)) return Value();
    if (!set_add_key(ts, so_of(args[0]), args[1])) return Value();
    return Value::none();
}

Value set_clear_method(ThreadState& ts, Args args) {
    if (!set_method_args(ts, args, "clear", 0, 0)) return Value();
    set_clear_internal(so_of(args[0]));
    return Value::none();
}

Value set_copy_method(ThreadState& ts, Args args) {
    if (!set_method_args(ts, args, "copy", 0, 0)) return Value();
    Value self = args[0];
    if (type_of_set(self) == ts.types().frozenset) return new_ref(self);
    return set_copy(ts, self);
}

// discard/remove: an unhashable set key is looked up as a frozenset.
int discard_key_retry(ThreadState& ts, Value self, Value key) {
    int rv = set_discard_key(ts, so_of(self), key);
    bool is_set = key.is_object() && key.as_object()->kind == ObjKind::Set;
    if (rv >= 0 || !is_set || !exception_matches(ts, ts.exc_types().TypeError)) return rv;
    clear_exception(ts);
    Ref tmp(make_new_set(ts, ts.types().frozenset, key));
    if (!tmp) return -1;
    return set_discard_key(ts, so_of(self), *tmp);
}

Value set_discard_method(ThreadState& ts, Args args) {
    if (!set_method_args(ts, args, "discard", 1, 1)) return Value();
    return discard_key_retry(ts, args[0], args[1]) < 0 ? Value() : Value::none();
}

Value set_remove_method(ThreadState& ts, Args args) {
    if (!set_method_args(ts, args, "remove", 1, 1)) return Value();
    int rv = discard_key_retry(ts, args[0], args[1]);
    if (rv < 0) return Value();
    if (rv == 0) return raise_key_error(ts, args[1]);
    return Value::none();
}

// CPython's set_pop: scans from the finger left by the previous pop.
Value set_pop_method(ThreadState& ts, Args args) {
    if (!set_method_args(ts, args, "pop", 0, 0)) return Value();
    SetObject* so = so_of(args[0]);
    if (so->used == 0) {
        Ref msg(make_str(ts, "pop from an empty set"));
        return msg ? raise_key_error(ts, *msg) : Value();
    }
    SetEntry* entry = so->table + (so->finger & so->mask);
    SetEntry* limit = so->table + so->mask;
    while (entry->key.is_null() || entry->key == kSetDummy) {
        if (++entry > limit) entry = so->table;
    }
    Value key = entry->key;
    entry->key = kSetDummy;
    entry->hash = -1;
    --so->used;
    so->finger = static_cast<uint64_t>(entry - so->table) + 1;
    return key;  // the table's reference passes to the caller
}

Value set_union_method(ThreadState& ts, Args args) {
    if (!set_method_args(ts, args, "union", 0, kAny)) return Value();
    Value self = args[0];
    Ref result(set_copy(ts, self));
    if (!result) return Value();
    for (uint32_t i = 1; i < args.n; ++i) {
        if (args[i] != self && !set_update_internal(ts, so_of(*result), args[i])) return Value();
    }
    return result.release();
}

Value set_update_method(ThreadState& ts, Args args) {
    if (!set_method_args(ts, args, "update", 0, kAny)) return Value();
    for (uint32_t i = 1; i < args.n; ++i) {
        if (!set_update_internal(ts, so_of(args[0]), args[i])) return Value();
    }
    return Value::none();
}

Value set_intersection_method(ThreadState& ts, Args args) {
    if (!set_method_args(ts, args, "intersection", 0, kAny)) return Value();
    return intersection_multi(ts, args[0], args.v + 1, args.n - 1);
}

Value set_intersection_update_method(ThreadState& ts, Args args) {
    if (!set_method_args(ts, args, "intersection_update", 0, kAny)) return Value();
    Value tmp = intersection_multi(ts, args[0], args.v + 1, args.n - 1);
    if (!replace_body(ts, args[0], tmp)) return Value();
    return Value::none();
}

Value set_difference_method(ThreadState& ts, Args args) {
    if (!set_method_args(ts, args, "difference", 0, kAny)) return Value();
    return difference_multi(ts, args[0], args.v + 1, args.n - 1);
}

Value set_difference_update_method(ThreadState& ts, Args args) {
    if (!set_method_args(ts, args, "difference_update", 0, kAny)) return Value();
    for (uint32_t i = 1; i < args.n; ++i) {
        if (!difference_update(ts, args[0], args[i])) return Value();
    }
    return Value::none();
}

Value set_symmetric_difference_method(ThreadState& ts, Args args) {
    if (!set_method_args(ts, args, "symmetric_difference", 1, 1)) return Value();
    return symmetric_difference(ts, args[0], args[1]);
}

Value set_symmetric_difference_update_method(ThreadState& ts, Args args) {
    if (!set_method_args(ts, args, "symmetric_difference_update", 1, 1)) return Value();
    return symmetric_difference_update(ts, args[0], args[1]) ? Value::none() : Value();
}

Value set_isdisjoint_method(ThreadState& ts, Args args) {
    if (!set_method_args(ts, args, "isdisjoint", 1, 1)) return Value();
    return bool_or_null(isdisjoint(ts, args[0], args[1]));
}

Value set_issubset_method(ThreadState& ts, Args args) {
    if (!set_method_args(ts, args, "issubset", 1, 1)) return Value();
    return bool_or_null(issubset(ts, args[0], args[1]));
}

Value set_issuperset_method(ThreadState& ts, Args args) {
    if (!set_method_args(ts, args, "issuperset", 1, 1)) return Value();
    return bool_or_null(issuperset(ts, args[0], args[1]));
}

Value set_sizeof(ThreadState& ts, Args args) {
    if (!set_method_args(ts, args, "__sizeof__", 0, 0)) return Value();
    SetObject* so = so_of(args[0]);
    uint64_t size = kSetBasicSize;
    if (so->table != set_small_table(so)) size += (so->mask + 1) * sizeof(SetEntry);
    return Value::small_int(static_cast<int64_t>(size));
}

void set_operators(TypeObject* t) {
    t->richcompare = set_richcompare;
    t->nb[static_cast<int>(BinOp::Or)] = set_or;
    t->nb[static_cast<int>(BinOp::And)] = set_and;
    t->nb[static_cast<int>(BinOp::Sub)] = set_sub;
    t->nb[static_cast<int>(BinOp::Xor)] = set_xor;
}

}  // namespace

// --- public functions ---

Value set_intersection(ThreadState& ts, Value set, Value other) {
    return intersection(ts, set, other);
}

bool set_difference_update(ThreadState& ts, Value set, Value other) {
    return difference_update(ts, set, other);
}

bool set_symmetric_difference_update(ThreadState& ts, Value set, Value other) {
    return symmetric_difference_update(ts, set, other);
}

void define_set_type(Interpreter& interp, TypeObject* t) {
    set_define_common(t, ObjKind::Set);
    set_operators(t);
    t->hash = hash_not_implemented;
    t->nb_inplace[static_cast<int>(BinOp::Or)] = set_ior;
    t->nb_inplace[static_cast<int>(BinOp::And)] = set_iand;
    t->nb_inplace[static_cast<int>(BinOp::Sub)] = set_isub;
    t->nb_inplace[static_cast<int>(BinOp::Xor)] = set_ixor;
    t->new_ = set_new_slot;
    t->init = set_init;
    type_add_methods(interp, t, kSetMethods);
}

void define_frozenset_type(Interpreter& interp, TypeObject* t) {
    set_define_common(t, ObjKind::FrozenSet);
    set_operators(t);
    t->hash = frozenset_hash_slot;
    t->new_ = frozenset_new_slot;
    type_add_methods(interp, t, kFrozenSetMethods);
}

}  // namespace gilt
