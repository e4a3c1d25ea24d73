// set and frozenset: CPython's setobject.c table, step for step.
//
// The table is open addressing over (key, hash) entries. A probe looks at
// kLinearProbes + 1 neighbouring entries (cheap: same cache lines) before
// jumping with CPython's perturbation recurrence; deleted entries become
// dummies (key kDummy, hash -1) that lookups skip and insertions reuse.
// The table grows when fill * 5 >= mask * 3, to used * 4 (used * 2 past
// 50000), with a minimum of kSetMinSize entries stored inline after the
// SetObject (CPython's smalltable). Matching all of this, and the order in
// which merges, copies and the set algebra insert keys, is what makes
// print({3, 1, 2}) and every other iteration order agree with CPython.
//
// Key comparison may run Python code (__eq__) that mutates the set: probes
// restart when the table or the entry changed underneath, as in CPython.
// The empty-slot test is `hash == 0 && key == null`, also CPython's.
//
// The set algebra (union, intersection, ...) and the methods are in
// set_methods.cpp; this file has the table and the object protocol.
#include "runtime/set.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>

#include "runtime/abstract.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/heap.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/iterators.hpp"
#include "runtime/list.hpp"
#include "runtime/slots.hpp"
#include "runtime/str.hpp"

namespace gilt {

namespace {

constexpr uint64_t kLinearProbes = 9;
constexpr unsigned kPerturbShift = 5;

bool is_set_kind(Value v) {
    return v.is_object() && v.as_object()->kind == ObjKind::Set;
}

// a == b for keys of equal hash without calling Python code: 1 / 0, or -2
// when only rich comparison can tell.
int cheap_eq(ThreadState& ts, Value a, Value b) {
    if (a == b) return 1;
    if (a.is_small_int() && b.is_small_int()) return 0;
    if (is_exact_str(ts, a) && is_exact_str(ts, b)) return str_eq(a, b);
    return -2;
}

// CPython's set_insert_clean: into a table known to hold no equal key and
// no dummies.
void insert_clean(SetEntry* table, uint64_t mask, Value key, int64_t hash) {
    uint64_t perturb = static_cast<uint64_t>(hash);
    uint64_t i = static_cast<uint64_t>(hash) & mask;
    SetEntry* entry;
    for (;;) {
        entry = &table[i];
        if (entry->key.is_null()) goto found;
        if (i + kLinearProbes <= mask) {
            for (uint64_t j = 0; j < kLinearProbes; ++j) {
                ++entry;
                if (entry->key.is_null()) goto found;
            }
        }
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
found:
    entry->key = key;
    entry->hash = hash;
}

}  // namespace

SetEntry* set_small_table(SetObject* so) noexcept {
    return reinterpret_cast<SetEntry*>(so + 1);
}

// CPython's set_lookkey: the entry holding `key`, or the empty entry that
// ended the search; nullptr with an exception pending.
SetEntry* set_lookkey(ThreadState& ts, SetObject* so, Value key, int64_t hash) {
restart:
    SetEntry* table = so->table;
    uint64_t mask = so->mask, perturb = static_cast<uint64_t>(hash);
    uint64_t i = static_cast<uint64_t>(hash) & mask;
    for (;;) {
        SetEntry* entry = &table[i];
        uint64_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
        do {
            if (entry->hash == 0 && entry->key.is_null()) return entry;
            if (entry->hash == hash) {
                Value startkey = entry->key;
                int cmp = cheap_eq(ts, startkey, key);
                if (cmp == -2) {
                    Ref hold = Ref::borrow(startkey);
                    cmp = rich_compare_bool(ts, startkey, key, CompareOp::Eq);
                    if (cmp < 0) return nullptr;
                    if (table != so->table || entry->key != startkey) goto restart;
                }
                if (cmp > 0) return entry;
            }
            ++entry;
        } while (probes-- > 0);
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

// CPython's set_table_resize: a table with room for more than `minused`
// entries; drops the dummies.
bool set_table_resize(ThreadState& ts, SetObject* so, uint64_t minused) {
    uint64_t newsize = kSetMinSize;
    while (newsize <= minused) newsize <<= 1;
    SetEntry* oldtable = so->table;
    uint64_t oldmask = so->mask;
    bool old_is_small = oldtable == set_small_table(so);
    SetEntry small_copy[kSetMinSize];
    SetEntry* newtable;
    if (newsize == kSetMinSize) {
        newtable = set_small_table(so);
        if (newtable == oldtable) {
            if (so->fill == so->used) return true;  // nothing to rebuild
            std::memcpy(small_copy, oldtable, sizeof(small_copy));
            oldtable = small_copy;
        }
    } else {
        if (newsize > (uint64_t(1) << 56)) {
            raise_memory_error(ts);
            return false;
        }
        newtable = static_cast<SetEntry*>(std::malloc(newsize * sizeof(SetEntry)));
        if (!newtable) {
            raise_memory_error(ts);
            return false;
        }
    }
    std::fill_n(newtable, newsize, SetEntry{});
    so->mask = newsize - 1;
    so->table = newtable;
    so->fill = so->used;
    for (uint64_t i = 0; i <= oldmask; ++i) {
        Value k = oldtable[i].key;
        if (!k.is_null() && k != kSetDummy) insert_clean(newtable, so->mask, k, oldtable[i].hash);
    }
    if (!old_is_small) std::free(oldtable);
    return true;
}

// CPython's set_add_entry (borrowed key; the set takes a reference).
bool set_add_entry(ThreadState& ts, SetObject* so, Value key, int64_t hash) {
    Ref hold = Ref::borrow(key);  // an __eq__ must not free the key before it is stored
restart:
    uint64_t mask = so->mask, perturb = static_cast<uint64_t>(hash);
    uint64_t i = static_cast<uint64_t>(hash) & mask;
    SetEntry* freeslot = nullptr;
    SetEntry* entry;
    for (;;) {
        entry = &so->table[i];
        uint64_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
        do {
            if (entry->hash == 0 && entry->key.is_null()) goto found_unused_or_dummy;
            if (entry->hash == hash) {
                Value startkey = entry->key;
                int cmp = cheap_eq(ts, startkey, key);
                if (cmp == -2) {
                    SetEntry* table = so->table;
                    Ref hold_start = Ref::borrow(startkey);
                    cmp = rich_compare_bool(ts, startkey, key, CompareOp::Eq);
                    if (cmp > 0) return true;
                    if (cmp < 0) return false;
                    if (table != so->table || entry->key != startkey) goto restart;
                    mask = so->mask;
                }
                if (cmp > 0) return true;  // already present
            } else if (entry->hash == -1 && freeslot == nullptr) {
                freeslot = entry;  // a dummy
            }
            ++entry;
        } while (probes-- > 0);
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused_or_dummy:
    if (freeslot) {
        ++so->used;
        freeslot->key = hold.release();
        freeslot->hash = hash;
        return true;
    }
    ++so->fill;
    ++so->used;
    entry->key = hold.release();
    entry->hash = hash;
    if (so->fill * 5 < mask * 3) return true;
    return set_table_resize(ts, so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

bool set_hash_key(ThreadState& ts, Value key, int64_t* hash) {
    if (is_exact_str(ts, key)) {
        int64_t h = str_obj(key)->hash;
        *hash = h != -1 ? h : str_hash(key);
        return true;
    }
    return obj_hash(ts, key, hash);
}

bool set_add_key(ThreadState& ts, SetObject* so, Value key) {
    int64_t hash;
    return set_hash_key(ts, key, &hash) && set_add_entry(ts, so, key, hash);
}

int set_contains_entry(ThreadState& ts, SetObject* so, Value key, int64_t hash) {
    SetEntry* e = set_lookkey(ts, so, key, hash);
    if (!e) return -1;
    return !e->key.is_null();
}

int set_contains_key(ThreadState& ts, SetObject* so, Value key) {
    int64_t hash;
    if (!set_hash_key(ts, key, &hash)) return -1;
    return set_contains_entry(ts, so, key, hash);
}

int set_discard_entry(ThreadState& ts, SetObject* so, Value key, int64_t hash) {
    SetEntry* e = set_lookkey(ts, so, key, hash);
    if (!e) return -1;
    if (e->key.is_null()) return 0;
    Value old = e->key;
    e->key = kSetDummy;
    e->hash = -1;
    --so->used;
    decref(old);
    return 1;
}

int set_discard_key(ThreadState& ts, SetObject* so, Value key) {
    int64_t hash;
    if (!set_hash_key(ts, key, &hash)) return -1;
    return set_discard_entry(ts, so, key, hash);
}

// The next live entry at or after *pos.
bool set_next_entry(SetObject* so, uint64_t* pos, SetEntry** out) {
    for (uint64_t i = *pos; i <= so->mask; ++i) {
        SetEntry* e = &so->table[i];
        if (!e->key.is_null() && e->key != kSetDummy) {
            *pos = i + 1;
            *out = e;
            return true;
        }
    }
    *pos = so->mask + 1;
    return false;
}

// Back to an empty small table, then drop the keys (a __del__ run by a
// decref sees an empty set, never a half-cleared one).
void set_clear_internal(SetObject* so) {
    SetEntry* table = so->table;
    uint64_t used = so->used;
    bool malloced = table != set_small_table(so);
    SetEntry small_copy[kSetMinSize];
    if (!malloced) {
        if (so->fill == 0) return;
        std::memcpy(small_copy, table, sizeof(small_copy));
        table = small_copy;
    }
    std::fill_n(set_small_table(so), kSetMinSize, SetEntry{});
    so->fill = 0;
    so->used = 0;
    so->mask = kSetMinSize - 1;
    so->table = set_small_table(so);
    so->hash = -1;
    for (SetEntry* e = table; used > 0; ++e) {
        if (!e->key.is_null() && e->key != kSetDummy) {
            --used;
            decref(e->key);
        }
    }
    if (malloced) std::free(table);
}

// CPython's set_merge: adds every key of another set.
bool set_merge(ThreadState& ts, SetObject* so, SetObject* other) {
    if (other == so || other->used == 0) return true;
    if ((so->fill + other->used) * 5 >= so->mask * 3) {
        if (!set_table_resize(ts, so, (so->used + other->used) * 2)) return false;
    }
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        for (uint64_t i = 0; i <= other->mask; ++i) {  // same layout: copy slot by slot
            Value k = other->table[i].key;
            if (k.is_null()) continue;
            so->table[i].key = new_ref(k);
            so->table[i].hash = other->table[i].hash;
        }
        so->fill = other->fill;
        so->used = other->used;
        return true;
    }
    if (so->fill == 0) {
        so->fill = other->used;
        so->used = other->used;
        for (uint64_t i = 0; i <= other->mask; ++i) {
            Value k = other->table[i].key;
            if (!k.is_null() && k != kSetDummy)
                insert_clean(so->table, so->mask, new_ref(k), other->table[i].hash);
        }
        return true;
    }
    for (uint64_t i = 0; i <= other->mask; ++i) {
        SetEntry e = other->table[i];
        if (!e.key.is_null() && e.key != kSetDummy && !set_add_entry(ts, so, e.key, e.hash))
            return false;
    }
    return true;
}

// CPython's set_update_internal: a set, an exact dict (keys with their
// stored hashes) or any iterable.
bool set_update_internal(ThreadState& ts, SetObject* so, Value other) {
    if (is_anyset(ts, other)) return set_merge(ts, so, set_obj(other));
    if (is_exact_dict(ts, other)) {
        uint64_t n = dict_size(other);
        if ((so->fill + n) * 5 >= so->mask * 3 && !set_table_resize(ts, so, (so->used + n) * 2))
            return false;
        uint64_t pos = 0;
        Value key;
        int64_t hash;
        while (dict_next_hash(other, &pos, &key, nullptr, &hash)) {
            if (!set_add_entry(ts, so, key, hash)) return false;
        }
        return true;
    }
    Ref it(obj_iter(ts, other));
    if (!it) return false;
    UnarySlot next = type_of(ts, *it)->iternext;
    for (;;) {
        Ref key(next(ts, *it));
        if (!key) return !ts.has_exception();
        if (!set_add_key(ts, so, *key)) return false;
    }
}

Value make_new_set(ThreadState& ts, TypeObject* type, Value iterable) {
    auto* so = alloc_gc<SetObject>(type, kSetBasicSize);
    if (!so) return raise_memory_error(ts);
    so->mask = kSetMinSize - 1;
    so->table = set_small_table(so);
    so->hash = -1;
    Ref r(val(so));
    if (!iterable.is_null() && !set_update_internal(ts, so, iterable)) return Value();
    return r.release();
}

Value make_new_set_basetype(ThreadState& ts, TypeObject* type, Value iterable) {
    TypeObject* base =
        type_is_subtype(type, ts.types().set) ? ts.types().set : ts.types().frozenset;
    return make_new_set(ts, base, iterable);
}

// CPython's set_swap_bodies: exchanges the contents of two sets (the inline
// small tables are copied, not pointed at across objects).
void set_swap_bodies(ThreadState& ts, SetObject* a, SetObject* b) {
    std::swap(a->fill, b->fill);
    std::swap(a->used, b->used);
    std::swap(a->mask, b->mask);
    bool a_small = a->table == set_small_table(a), b_small = b->table == set_small_table(b);
    SetEntry* ta = a->table;
    a->table = b_small ? set_small_table(a) : b->table;
    b->table = a_small ? set_small_table(b) : ta;
    if (a_small || b_small) {
        SetEntry tmp[kSetMinSize];
        std::memcpy(tmp, set_small_table(a), sizeof(tmp));
        std::memcpy(set_small_table(a), set_small_table(b), sizeof(tmp));
        std::memcpy(set_small_table(b), tmp, sizeof(tmp));
    }
    TypeObject* fs = ts.types().frozenset;
    if (type_is_subtype(a->hdr.type, fs) && type_is_subtype(b->hdr.type, fs)) {
        std::swap(a->hash, b->hash);
    } else {
        a->hash = -1;
        b->hash = -1;
    }
}

namespace {

// --- the object protocol ---

void set_dealloc(Object* o) {
    auto* so = reinterpret_cast<SetObject*>(o);
    for (uint64_t i = 0; i <= so->mask; ++i) {
        Value k = so->table[i].key;
        if (k != kSetDummy) decref(k);
    }
    if (so->table != set_small_table(so)) std::free(so->table);
    free_object(o);
}

void set_traverse(Object* o, VisitFn visit, void* ctx) {
    auto* so = reinterpret_cast<SetObject*>(o);
    for (uint64_t i = 0; i <= so->mask; ++i) {
        Value k = so->table[i].key;
        if (!k.is_null() && k != kSetDummy) visit(k, ctx);
    }
}

void set_gc_clear(Object* o) {
    set_clear_internal(reinterpret_cast<SetObject*>(o));
}

int64_t set_len(ThreadState&, Value self) {
    return static_cast<int64_t>(set_obj(self)->used);
}

int set_bool(ThreadState&, Value self) {
    return set_obj(self)->used != 0;
}

Value set_repr(ThreadState& ts, Value self) {
    std::string_view name = type_name(ts, self);
    ReprGuard guard(self);
    if (guard.recursive()) return make_str(ts, fmt::format("{}(...)", name));
    if (set_obj(self)->used == 0) return make_str(ts, fmt::format("{}()", name));
    Ref keys(list_from_iterable(ts, self));
    if (!keys) return Value();
    Ref listrepr(obj_repr(ts, *keys));
    if (!listrepr) return Value();
    std::string_view inner = str_view(*listrepr);
    inner = inner.substr(1, inner.size() - 2);
    if (self.as_object()->type == ts.types().set) return make_str(ts, fmt::format("{{{}}}", inner));
    return make_str(ts, fmt::format("{}({{{}}})", name, inner));
}

// `key in s`; an unhashable set key is looked up as a frozenset.
int set_contains_slot(ThreadState& ts, Value self, Value key) {
    int rv = set_contains_key(ts, set_obj(self), key);
    if (rv >= 0 || !is_set_kind(key) || !exception_matches(ts, ts.exc_types().TypeError)) return rv;
    clear_exception(ts);
    Ref tmp(make_new_set(ts, ts.types().frozenset, key));
    if (!tmp) return -1;
    return set_contains_key(ts, set_obj(self), *tmp);
}

uint64_t shuffle_bits(uint64_t h) {
    return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL;
}

// CPython's frozenset_hash: order-independent, from every entry's hash
// field (empty entries hash 0, dummies -1: their effect is cancelled).
bool frozenset_hash(ThreadState&, Value self, int64_t* out) {
    SetObject* so = set_obj(self);
    if (so->hash != -1) {
        *out = so->hash;
        return true;
    }
    uint64_t hash = 0;
    for (uint64_t i = 0; i <= so->mask; ++i)
        hash ^= shuffle_bits(static_cast<uint64_t>(so->table[i].hash));
    if ((so->mask + 1 - so->fill) & 1) hash ^= shuffle_bits(0);
    if ((so->fill - so->used) & 1) hash ^= shuffle_bits(static_cast<uint64_t>(-1));
    hash ^= (so->used + 1) * 1927868237ULL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923ULL;
    if (hash == static_cast<uint64_t>(-1)) hash = 590923713ULL;
    so->hash = static_cast<int64_t>(hash);
    *out = so->hash;
    return true;
}

// --- set_iterator ---

struct SetIterObject {
    Object hdr;
    Value set;      // owned; null once exhausted
    uint64_t used;  // the set's size at creation; kSticky after a change
    uint64_t pos;
    uint64_t len;
};

constexpr uint64_t kSticky = UINT64_MAX;

Value set_iter(ThreadState& ts, Value self) {
    auto* it = alloc_gc<SetIterObject>(ts.types().set_iterator);
    if (!it) return raise_memory_error(ts);
    it->set = new_ref(self);
    it->used = set_obj(self)->used;
    it->len = it->used;
    return val(it);
}

void setiter_dealloc(Object* o) {
    clear_ref(reinterpret_cast<SetIterObject*>(o)->set);
    free_object(o);
}

void setiter_traverse(Object* o, VisitFn visit, void* ctx) {
    Value s = reinterpret_cast<SetIterObject*>(o)->set;
    if (!s.is_null()) visit(s, ctx);
}

void setiter_clear(Object* o) {
    clear_ref(reinterpret_cast<SetIterObject*>(o)->set);
}

Value setiter_next(ThreadState& ts, Value self) {
    auto* it = as<SetIterObject>(self);
    if (it->set.is_null()) return Value();
    SetObject* so = set_obj(it->set);
    if (it->used != so->used) {
        it->used = kSticky;
        return raise(ts, ts.exc_types().RuntimeError, "Set changed size during iteration");
    }
    SetEntry* e;
    if (!set_next_entry(so, &it->pos, &e)) {
        clear_ref(it->set);
        return Value();
    }
    --it->len;
    return new_ref(e->key);
}

Value setiter_length_hint(ThreadState&, Args args) {
    auto* it = as<SetIterObject>(args[0]);
    bool live = !it->set.is_null() && it->used == set_obj(it->set)->used;
    return Value::small_int(live ? static_cast<int64_t>(it->len) : 0);
}

constexpr MethodDef kSetIterMethods[] = {
    {"__length_hint__", setiter_length_hint},
};

}  // namespace

void set_define_common(TypeObject* t, ObjKind kind) {
    t->instance_kind = kind;
    t->basicsize = kSetBasicSize;
    t->flags = kTypeBaseType | kTypeHasGc;
    t->dealloc = set_dealloc;
    t->traverse = set_traverse;
    t->clear = set_gc_clear;
    t->repr = set_repr;
    t->iter = set_iter;
    t->len = set_len;
    t->contains = set_contains_slot;
    t->bool_ = set_bool;
}

bool frozenset_hash_slot(ThreadState& ts, Value self, int64_t* out) {
    return frozenset_hash(ts, self, out);
}

// --- public functions ---

bool is_anyset(ThreadState&, Value v) noexcept {
    if (!v.is_object()) return false;
    ObjKind k = v.as_object()->kind;
    return k == ObjKind::Set || k == ObjKind::FrozenSet;
}

Value set_new(ThreadState& ts, Value iterable) {
    return make_new_set(ts, ts.types().set, iterable);
}

Value frozenset_new(ThreadState& ts, Value iterable) {
    if (!iterable.is_null() && iterable.is_object() &&
        iterable.as_object()->type == ts.types().frozenset) {
        return new_ref(iterable);
    }
    return make_new_set(ts, ts.types().frozenset, iterable);
}

Value frozenset_for_set_display(ThreadState& ts, Value items) {
    Ref first(make_new_set(ts, ts.types().frozenset, items));
    if (!first) return Value();
    Ref order(list_from_iterable(ts, *first));
    if (!order) return Value();
    return make_new_set(ts, ts.types().frozenset, *order);
}

bool set_add(ThreadState& ts, Value set, Value key) {
    return set_add_key(ts, set_obj(set), key);
}

int set_contains(ThreadState& ts, Value set, Value key) {
    return set_contains_key(ts, set_obj(set), key);
}

int set_discard(ThreadState& ts, Value set, Value key) {
    return set_discard_key(ts, set_obj(set), key);
}

bool set_next(Value set, uint64_t* pos, Value* key) noexcept {
    SetEntry* e;
    if (!set_next_entry(set_obj(set), pos, &e)) return false;
    *key = e->key;
    return true;
}

bool set_update(ThreadState& ts, Value set, Value iterable) {
    return set_update_internal(ts, set_obj(set), iterable);
}

void define_set_iterator_type(Interpreter& interp, TypeObject* t) {
    t->instance_kind = ObjKind::Native;
    t->basicsize = sizeof(SetIterObject);
    t->flags = kTypeHasGc;
    t->dealloc = setiter_dealloc;
    t->traverse = setiter_traverse;
    t->clear = setiter_clear;
    t->iter = iter_self;
    t->iternext = setiter_next;
    type_add_methods(interp, t, kSetIterMethods);
}

}  // namespace gilt
