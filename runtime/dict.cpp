// dict: CPython's compact, insertion-ordered hash table (see dict.hpp).
//
// Two arrays in one block: `index`, a power-of-two table of int64 slots
// probed with CPython's perturbation scheme, whose live slots hold the
// position of an entry in `entries`, the dense array of (hash, key, value)
// in insertion order. Deleting a key leaves a hole in `entries` (null key)
// and a dummy in `index`; a resize compacts both.
//
// Invariants:
//  - every non-empty index slot names an entry number < entries_len, and
//    entries_len <= entries_cap <= 2/3 of the index size, so probing always
//    reaches an empty slot;
//  - `used == 0` is checked before touching the tables, which may be null;
//  - `version` changes on every mutation (the eval loop's global caches and
//    iterators' "changed size" checks rely on it).
// Key comparison can run Python code (__eq__) that mutates the dict: the
// lookup then restarts, as CPython's lookdict does.
//
// The views and iterators live in dict_views.cpp.
#include "runtime/dict.hpp"
#include "runtime/heap_meter.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <cstring>
#include <string>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/dict_text.hpp"
#include "runtime/errors.hpp"
#include "runtime/heap.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/slots.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"

namespace gilt {

namespace {

Value dict_keys(ThreadState& ts, Args args);
Value dict_values(ThreadState& ts, Args args);
Value dict_items(ThreadState& ts, Args args);
Value dict_get_method(ThreadState& ts, Args args);
Value dict_setdefault(ThreadState& ts, Args args);
Value dict_pop(ThreadState& ts, Args args);
Value dict_popitem(ThreadState& ts, Args args);
Value dict_update_method(ThreadState& ts, Args args);
Value dict_clear_method(ThreadState& ts, Args args);
Value dict_copy_method(ThreadState& ts, Args args);
Value dict_fromkeys(ThreadState& ts, Args args);
Value dict_reversed(ThreadState& ts, Args args);
Value dict_sizeof(ThreadState& ts, Args args);

constexpr MethodDef kDictMethods[] = {
    {"keys", dict_keys},
    {"values", dict_values},
    {"items", dict_items},
    {"get", dict_get_method},
    {"setdefault", dict_setdefault},
    {"pop", dict_pop},
    {"popitem", dict_popitem},
    {"update", dict_update_method},
    {"clear", dict_clear_method},
    {"copy", dict_copy_method},
    {"fromkeys", dict_fromkeys, kMethodClass},
    {"__reversed__", dict_reversed},
    {"__sizeof__", dict_sizeof},
};

constexpr int64_t kIxEmpty = -1;
constexpr int64_t kIxDummy = -2;
constexpr int64_t kIxError = -3;
constexpr uint64_t kMinSize = 8;
constexpr unsigned kPerturbShift = 5;

constexpr uint64_t usable_fraction(uint64_t size) {
    return (size << 1) / 3;
}

// The smallest table whose usable part holds `n` entries.
uint64_t size_for(uint64_t n) {
    uint64_t size = kMinSize;
    while (usable_fraction(size) < n) size <<= 1;
    return size;
}

// The table size a full dict grows to: CPython's GROWTH_RATE (used * 3).
uint64_t growth_size(uint64_t used) {
    uint64_t size = kMinSize;
    while (size < used * 3) size <<= 1;
    return size;
}

// Hash with the two commonest key types inline.
bool key_hash(ThreadState& ts, Value key, int64_t* out) {
    if (is_exact_str(ts, key)) {
        int64_t h = str_obj(key)->hash;
        *out = h != -1 ? h : str_hash(key);
        return true;
    }
    return obj_hash(ts, key, out);
}

// Stores entry number `ix` in the first empty index slot of `hash`'s probe
// sequence (the table holds no dummies, or they do not matter).
void index_insert_clean(DictObject* d, int64_t hash, int64_t ix) {
    d->key_bloom |= dict_bloom_bits(hash);
    uint64_t mask = d->index_mask, perturb = static_cast<uint64_t>(hash);
    uint64_t i = static_cast<uint64_t>(hash) & mask;
    while (d->index[i] != kIxEmpty) {
        perturb >>= kPerturbShift;
        i = (i * 5 + perturb + 1) & mask;
    }
    d->index[i] = ix;
}

// The interpreter whose table free list a dict's blocks go through; null
// for the bootstrap dicts made before the dict type (they use malloc only).
Interpreter* table_owner(const DictObject* d) {
    return d->hdr.type ? d->hdr.type->interp : nullptr;
}

constexpr std::size_t table_bytes(uint64_t size) {
    return size * sizeof(int64_t) + usable_fraction(size) * sizeof(DictEntry);
}

// Tables of the smallest size come from the interpreter's free list when it
// has one: small dicts (instance __dict__s, keyword arguments) are made and
// dropped by the million, and a list pop beats malloc and free. Every block
// is malloc'd, so either way of freeing fits either way of allocating.
void* alloc_table(Interpreter* interp, uint64_t size) {
    if (size == kMinSize && interp) {
        if (void* b = interp->dict_tables.pop()) return b;
    }
    return heap_malloc(interp, table_bytes(size));
}

void free_table(Interpreter* interp, void* block, uint64_t size) {
    if (block && size == kMinSize && interp && interp->dict_tables.push(block)) return;
    heap_free(interp, block);
}

// Reallocates the tables for an index of `size` slots, compacting the live
// entries in order. false + MemoryError.
bool dict_resize(ThreadState* ts, DictObject* d, uint64_t size) {
    uint64_t cap = usable_fraction(size);
    if (size > (uint64_t(1) << 56)) {
        if (ts) raise_memory_error(*ts);
        return false;
    }
    Interpreter* owner = table_owner(d);
    void* block = alloc_table(owner, size);
    if (!block) {
        if (ts) raise_memory_error(*ts);
        return false;
    }
    int64_t* old_index = d->index;
    DictEntry* old_entries = d->entries;
    uint64_t old_len = d->entries_len;
    uint64_t old_size = d->index_mask + 1;
    d->index = static_cast<int64_t*>(block);
    d->entries = reinterpret_cast<DictEntry*>(d->index + size);
    d->index_mask = size - 1;
    d->entries_cap = cap;
    if (size == kMinSize) {
        std::memset(d->index, 0xff, kMinSize * sizeof(int64_t));  // a constant size: inline stores
    } else {
        std::memset(d->index, 0xff, size * sizeof(int64_t));  // all kIxEmpty
    }
    d->key_bloom = 0;  // rebuilt from the keys that are left
    uint64_t n = 0;
    for (uint64_t i = 0; i < old_len; ++i) {
        if (old_entries[i].key.is_null()) continue;
        d->entries[n] = old_entries[i];
        index_insert_clean(d, old_entries[i].hash, static_cast<int64_t>(n));
        ++n;
    }
    d->entries_len = n;
    free_table(owner, old_index, old_size);
    return true;
}

constexpr int64_t kIxNotStr = -4;

// dict_lookup for an exact str key while every entry it meets with the same
// hash is an exact str too (CPython's unicodekeys lookup): equality is then
// length and bytes, with no call out and no type dispatch. kIxNotStr when an
// entry of another type has the same hash: the general lookup decides.
int64_t lookup_str(const DictObject* d, const TypeObject* str_type, Value key, int64_t hash,
                   uint64_t* slot) {
    const int64_t* index = d->index;
    const StrObject* k = str_obj(key);
    uint64_t mask = d->index_mask, perturb = static_cast<uint64_t>(hash);
    for (uint64_t i = static_cast<uint64_t>(hash) & mask;;
         i = (i * 5 + (perturb >>= kPerturbShift) + 1) & mask) {
        int64_t ix = index[i];
        *slot = i;
        if (ix == kIxEmpty) return kIxEmpty;
        if (ix < 0) continue;
        const DictEntry* e = &d->entries[ix];
        if (e->key == key) return ix;
        if (e->hash != hash) continue;
        if (!e->key.is_object() || e->key.as_object()->type != str_type) return kIxNotStr;
        const StrObject* ek = str_obj(e->key);
        if (ek->byte_len == k->byte_len && std::memcmp(ek->data, k->data, k->byte_len) == 0)
            return ix;
    }
}

// dict_lookup for any key: equality may call __eq__.
[[gnu::noinline]] int64_t lookup_any(ThreadState& ts, DictObject* d, Value key, int64_t hash,
                                     uint64_t* slot) {
restart:
    if (d->used == 0) return kIxEmpty;
    int64_t* index = d->index;
    uint64_t mask = d->index_mask, perturb = static_cast<uint64_t>(hash);
    for (uint64_t i = static_cast<uint64_t>(hash) & mask;;
         i = (i * 5 + (perturb >>= kPerturbShift) + 1) & mask) {
        int64_t ix = index[i];
        *slot = i;
        if (ix == kIxEmpty) return kIxEmpty;
        if (ix < 0) continue;
        DictEntry* e = &d->entries[ix];
        if (e->key == key) return ix;
        if (e->hash != hash || (e->key.is_small_int() && key.is_small_int())) continue;
        if (is_exact_str(ts, e->key) && is_exact_str(ts, key)) {
            if (str_eq(e->key, key)) return ix;
            continue;
        }
        Ref startkey = Ref::borrow(e->key);
        int cmp = rich_compare_bool(ts, *startkey, key, CompareOp::Eq);
        if (cmp < 0) return kIxError;
        if (d->index != index || d->entries[ix].key != *startkey)
            goto restart;  // mutated by __eq__
        if (cmp > 0) return ix;
    }
}

// CPython's _Py_dict_lookup. Returns the entry number of `key`, kIxEmpty
// when absent or kIxError. *slot receives the index position where the key
// was found or where the probe ended (an empty slot: where to insert).
inline int64_t dict_lookup(ThreadState& ts, DictObject* d, Value key, int64_t hash,
                           uint64_t* slot) {
    if (d->used == 0) return kIxEmpty;
    if (is_exact_str(ts, key)) {
        int64_t ix = lookup_str(d, ts.types().str, key, hash, slot);
        if (ix != kIxNotStr) return ix;
    }
    return lookup_any(ts, d, key, hash, slot);
}

// Inserts or replaces (borrowed key and value).
bool dict_insert(ThreadState& ts, DictObject* d, Value key, int64_t hash, Value value) {
    uint64_t slot = 0;
    int64_t ix = dict_lookup(ts, d, key, hash, &slot);
    if (ix == kIxError) return false;
    if (ix >= 0) {
        DictEntry* e = &d->entries[ix];
        Value old = e->value;
        e->value = new_ref(value);
        dict_maintain_tracking(d, key, value);
        dict_bump_version(d);
        decref(old);
        return true;
    }
    if (d->entries_len >= d->entries_cap || d->index == nullptr) {
        if (!dict_resize(&ts, d, growth_size(d->used))) return false;
        index_insert_clean(d, hash, static_cast<int64_t>(d->entries_len));
    } else if (d->used == 0) {
        index_insert_clean(d, hash,
                           static_cast<int64_t>(d->entries_len));  // lookup skipped the probe
    } else {
        d->index[slot] = static_cast<int64_t>(d->entries_len);
        d->key_bloom |= dict_bloom_bits(hash);
    }
    d->entries[d->entries_len++] = DictEntry{hash, new_ref(key), new_ref(value)};
    ++d->used;
    dict_maintain_tracking(d, key, value);
    dict_bump_version(d);
    return true;
}

// Appends an entry known to be absent, without looking (copy, fromkeys of
// distinct keys). The table must have room.
void dict_insert_clean(DictObject* d, Value key, int64_t hash, Value value) {
    index_insert_clean(d, hash, static_cast<int64_t>(d->entries_len));
    d->entries[d->entries_len++] = DictEntry{hash, new_ref(key), new_ref(value)};
    ++d->used;
    dict_maintain_tracking(d, key, value);
    dict_bump_version(d);
}

// Removes entry `ix` found at index position `slot`; decrefs last.
void dict_remove_entry(DictObject* d, int64_t ix, uint64_t slot) {
    DictEntry* e = &d->entries[ix];
    Value k = e->key, v = e->value;
    d->index[slot] = kIxDummy;
    e->key = Value();
    e->value = Value();
    --d->used;
    dict_bump_version(d);
    decref(k);
    decref(v);
}

int dict_del_known_hash(ThreadState& ts, DictObject* d, Value key, int64_t hash) {
    uint64_t slot;
    int64_t ix = dict_lookup(ts, d, key, hash, &slot);
    if (ix == kIxError) return -1;
    if (ix < 0) return 0;
    dict_remove_entry(d, ix, slot);
    return 1;
}

// Releases every entry and the tables of `size` index slots (the dict must
// already look empty to anyone else: see dict_clear).
void free_entries(Interpreter* owner, int64_t* block, uint64_t size, DictEntry* entries,
                  uint64_t len) {
    for (uint64_t i = 0; i < len; ++i) {
        decref(entries[i].key);
        decref(entries[i].value);
    }
    free_table(owner, block, size);
}

void dict_init_empty(DictObject* d) {
    d->used = 0;
    d->entries = nullptr;
    d->entries_len = 0;
    d->entries_cap = 0;
    d->index = nullptr;
    d->index_mask = 0;
    d->key_bloom = 0;
}

// --- merging (dict.update, dict(...), |) ---

// CPython's dict_merge for a dict source whose __iter__ is dict's own.
bool merge_from_dict(ThreadState& ts, Value a, Value b) {
    DictObject* da = dict_obj(a);
    DictObject* db = dict_obj(b);
    if (a == b || db->used == 0) return true;
    if (da->entries_cap - da->entries_len < db->used) {
        if (!dict_resize(&ts, da, size_for(da->used + db->used))) return false;
    }
    uint64_t n = db->entries_len;
    for (uint64_t i = 0; i < n; ++i) {
        DictEntry e = db->entries[i];
        if (e.key.is_null()) continue;
        Ref key = Ref::borrow(e.key), value = Ref::borrow(e.value);
        if (!dict_insert(ts, da, *key, e.hash, *value)) return false;
        if (db->entries_len != n) {
            raise(ts, ts.exc_types().RuntimeError, "dict mutated during update");
            return false;
        }
    }
    return true;
}

// A mapping with keys(): self[k] = other[k] for k in other.keys().
bool merge_from_mapping(ThreadState& ts, Value self, Value other) {
    Ref keys(call_method(ts, other, ts.names().keys, {}));
    if (!keys) return false;
    Ref it(obj_iter(ts, *keys));
    if (!it) return false;
    for (;;) {
        Ref key(iter_next(ts, *it));
        if (!key) return !ts.has_exception();
        Ref value(obj_getitem(ts, other, *key));
        if (!value || !dict_set(ts, self, *key, *value)) return false;
    }
}

// An iterable of (key, value) pairs (CPython's PyDict_MergeFromSeq2).
bool merge_from_pairs(ThreadState& ts, Value self, Value seq) {
    Ref it(obj_iter(ts, seq));
    if (!it) return false;
    for (uint64_t i = 0;; ++i) {
        Ref item(iter_next(ts, *it));
        if (!item) return !ts.has_exception();
        Ref pair(seq_fast(ts, *item, ""));
        if (!pair) {
            if (exception_matches(ts, ts.exc_types().TypeError)) {
                clear_exception(ts);
                raise_fmt(ts, ts.exc_types().TypeError,
                          "cannot convert dictionary update sequence element #{} to a sequence", i);
            }
            return false;
        }
        uint64_t n;
        const Value* kv = seq_items(*pair, &n);
        if (n != 2) {
            raise_fmt(ts, ts.exc_types().ValueError,
                      "dictionary update sequence element #{} has length {}; 2 is required", i, n);
            return false;
        }
        if (!dict_set(ts, self, kv[0], kv[1])) return false;
    }
}

Value dict_iter(ThreadState& ts, Value self);

bool merge(ThreadState& ts, Value self, Value other) {
    if (is_dict(ts, other) && type_of(ts, other)->iter == dict_iter)
        return merge_from_dict(ts, self, other);
    return merge_from_mapping(ts, self, other);
}

// dict_update_arg: a dict, anything with keys(), or an iterable of pairs.
bool update_arg(ThreadState& ts, Value self, Value other) {
    if (is_exact_dict(ts, other)) return merge_from_dict(ts, self, other);
    Ref keys(obj_getattr_opt(ts, other, ts.names().keys));
    if (keys) return merge(ts, self, other);
    if (ts.has_exception()) return false;
    return merge_from_pairs(ts, self, other);
}

// The keyword arguments of dict(**kw) / d.update(**kw).
bool update_kwargs(ThreadState& ts, Value self, Args args) {
    uint32_t nkw = args.kw_count();
    for (uint32_t i = 0; i < nkw; ++i) {
        if (!dict_set(ts, self, tuple_item(val(args.kwnames), i), args.v[args.n + i])) return false;
    }
    return true;
}

// --- slots ---

void dict_dealloc(Object* o) {
    auto* d = reinterpret_cast<DictObject*>(o);
    free_entries(table_owner(d), d->index, d->index_mask + 1, d->entries, d->entries_len);
    free_object(o);
}

void dict_traverse(Object* o, VisitFn visit, void* ctx) {
    auto* d = reinterpret_cast<DictObject*>(o);
    for (uint64_t i = 0; i < d->entries_len; ++i) {
        if (d->entries[i].key.is_null()) continue;
        visit(d->entries[i].key, ctx);
        visit(d->entries[i].value, ctx);
    }
}

void dict_gc_clear(Object* o) {
    dict_clear(val(o));
}

int64_t dict_len(ThreadState&, Value self) {
    return static_cast<int64_t>(dict_obj(self)->used);
}

int dict_bool(ThreadState&, Value self) {
    return dict_obj(self)->used != 0;
}

Value dict_iter(ThreadState& ts, Value self) {
    return dict_iter_new(ts, self, DictViewKind::Keys, false);
}

Value dict_subscript(ThreadState& ts, Value self, Value key) {
    bool error = false;
    Value v = dict_get(ts, self, key, &error);
    if (!v.is_null()) return new_ref(v);
    if (error) return Value();
    if (!is_exact_dict(ts, self)) {
        Value missing = lookup_special(ts, self, ts.names().__missing__);
        if (!missing.is_null())
            return call_bound_special(ts, missing, self, Args{&key, 1, nullptr});
    }
    return raise_key_error(ts, key);
}

int dict_ass_subscript(ThreadState& ts, Value self, Value key, Value value) {
    if (!value.is_null()) return dict_set(ts, self, key, value) ? 0 : -1;
    int r = dict_del(ts, self, key);
    if (r == 0) raise_key_error(ts, key);
    return r > 0 ? 0 : -1;
}

int dict_contains_slot(ThreadState& ts, Value self, Value key) {
    return dict_contains(ts, self, key);
}

Value dict_repr(ThreadState& ts, Value self) {
    ReprGuard guard(self);
    if (guard.recursive()) return make_str(ts, "{...}");
    DictObject* d = dict_obj(self);
    if (d->used == 0) return make_str(ts, "{}");
    std::string out = "{";
    uint64_t pos = 0;
    Value k, v;
    bool first = true;
    while (dict_next(self, &pos, &k, &v)) {
        Ref key = Ref::borrow(k), value = Ref::borrow(v);  // repr may mutate the dict
        if (!first) out += ", ";
        first = false;
        Ref rk(obj_repr(ts, *key));
        if (!rk) return Value();
        out += str_view(*rk);
        out += ": ";
        Ref rv(obj_repr(ts, *value));
        if (!rv) return Value();
        out += str_view(*rv);
    }
    out += '}';
    return make_str(ts, out);
}

// CPython's dict_equal: same size, and every key of a maps to an equal
// value in b.
int dict_equal(ThreadState& ts, Value a, Value b) {
    DictObject* da = dict_obj(a);
    if (da->used != dict_obj(b)->used) return 0;
    for (uint64_t i = 0; i < da->entries_len; ++i) {
        DictEntry e = da->entries[i];
        if (e.key.is_null()) continue;
        Ref key = Ref::borrow(e.key), aval = Ref::borrow(e.value);
        bool error = false;
        Value bv = dict_get_known_hash(ts, b, *key, e.hash, &error);
        if (bv.is_null()) return error ? -1 : 0;
        Ref bval = Ref::borrow(bv);
        int cmp = rich_compare_bool(ts, *aval, *bval, CompareOp::Eq);
        if (cmp <= 0) return cmp;
    }
    return 1;
}

Value dict_richcompare(ThreadState& ts, Value a, Value b, CompareOp op) {
    if (!is_dict(ts, a) || !is_dict(ts, b) || (op != CompareOp::Eq && op != CompareOp::Ne)) {
        return Value::not_implemented();
    }
    int eq = dict_equal(ts, a, b);
    if (eq < 0) return Value();
    return Value::boolean((eq == 1) == (op == CompareOp::Eq));
}

Value dict_or(ThreadState& ts, Value a, Value b) {
    if (!is_dict(ts, a) || !is_dict(ts, b)) return Value::not_implemented();
    Ref r(dict_copy(ts, a));
    if (!r || !update_arg(ts, *r, b)) return Value();
    return r.release();
}

Value dict_ior(ThreadState& ts, Value self, Value other) {
    if (!update_arg(ts, self, other)) return Value();
    return new_ref(self);
}

Value dict_new_slot(ThreadState& ts, TypeObject* type, Args) {
    auto* d = alloc_gc<DictObject>(type, type->basicsize);
    if (!d) return raise_memory_error(ts);
    if (type == ts.types().dict) gc_untrack(&d->hdr);  // see dict_maintain_tracking
    return val(d);
}

int dict_init(ThreadState& ts, Value self, Args args) {
    if (!check_nargs(ts, Args{args.v, args.n, nullptr}, "dict", 0, 1)) return -1;
    if (args.n == 1 && !update_arg(ts, self, args[0])) return -1;
    return update_kwargs(ts, self, args) ? 0 : -1;
}

// --- methods ---

Value dict_keys(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "dict.keys", "dict.keys", 0, 0)) return Value();
    return dict_view_new(ts, args[0], DictViewKind::Keys);
}

Value dict_values(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "dict.values", "dict.values", 0, 0)) return Value();
    return dict_view_new(ts, args[0], DictViewKind::Values);
}

Value dict_items(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "dict.items", "dict.items", 0, 0)) return Value();
    return dict_view_new(ts, args[0], DictViewKind::Items);
}

Value dict_get_method(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "dict.get", "get", 1, 2)) return Value();
    bool error = false;
    Value v = dict_get(ts, args[0], args[1], &error);
    if (!v.is_null()) return new_ref(v);
    if (error) return Value();
    return args.n > 2 ? new_ref(args[2]) : Value::none();
}

Value dict_setdefault(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "dict.setdefault", "setdefault", 1, 2)) return Value();
    int64_t hash;
    if (!key_hash(ts, args[1], &hash)) return Value();
    bool error = false;
    Value v = dict_get_known_hash(ts, args[0], args[1], hash, &error);
    if (!v.is_null()) return new_ref(v);
    if (error) return Value();
    Value dflt = args.n > 2 ? args[2] : Value::none();
    if (!dict_set_known_hash(ts, args[0], args[1], hash, dflt)) return Value();
    return new_ref(dflt);
}

Value dict_pop(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "dict.pop", "pop", 1, 2)) return Value();
    DictObject* d = dict_obj(args[0]);
    int64_t hash;
    if (!key_hash(ts, args[1], &hash)) return Value();
    uint64_t slot;
    int64_t ix = dict_lookup(ts, d, args[1], hash, &slot);
    if (ix == kIxError) return Value();
    if (ix < 0) return args.n > 2 ? new_ref(args[2]) : raise_key_error(ts, args[1]);
    Value result = new_ref(d->entries[ix].value);
    dict_remove_entry(d, ix, slot);
    return result;
}

// Index position holding entry number `ix` (CPython's lookdict_index).
uint64_t index_slot_of(DictObject* d, int64_t hash, int64_t ix) {
    uint64_t mask = d->index_mask, perturb = static_cast<uint64_t>(hash);
    uint64_t i = static_cast<uint64_t>(hash) & mask;
    while (d->index[i] != ix) {
        perturb >>= kPerturbShift;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

// Removes and returns the last (key, value) pair.
Value dict_popitem(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "dict.popitem", "dict.popitem", 0, 0)) return Value();
    DictObject* d = dict_obj(args[0]);
    if (d->used == 0) {
        Ref msg(make_str(ts, "popitem(): dictionary is empty"));
        return msg ? raise_key_error(ts, *msg) : Value();
    }
    Value result = tuple_new(ts, 2);  // allocate first: nothing can fail after the removal
    if (result.is_null()) return result;
    int64_t i = static_cast<int64_t>(d->entries_len) - 1;
    while (d->entries[i].key.is_null()) --i;
    DictEntry& e = d->entries[i];
    d->index[index_slot_of(d, e.hash, i)] = kIxDummy;
    tuple_obj(result)->items[0] = e.key;  // the dict's references move to the tuple
    tuple_obj(result)->items[1] = e.value;
    e.key = Value();
    e.value = Value();
    // Trim the trailing holes, keeping the number of insertions left before a
    // resize (the dummy still occupies an index slot).
    d->entries_cap -= d->entries_len - static_cast<uint64_t>(i);
    d->entries_len = static_cast<uint64_t>(i);
    --d->used;
    dict_bump_version(d);
    return result;
}

Value dict_update_method(ThreadState& ts, Args args) {
    if (!check_nargs(ts, Args{args.v + 1, args.n - 1, nullptr}, "update", 0, 1)) return Value();
    if (args.n > 1 && !update_arg(ts, args[0], args[1])) return Value();
    if (!update_kwargs(ts, args[0], args)) return Value();
    return Value::none();
}

Value dict_clear_method(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "dict.clear", "dict.clear", 0, 0)) return Value();
    dict_clear(args[0]);
    return Value::none();
}

Value dict_copy_method(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "dict.copy", "dict.copy", 0, 0)) return Value();
    return dict_copy(ts, args[0]);
}

// dict.fromkeys(iterable, value=None), a classmethod: args[0] is the class.
Value dict_fromkeys(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "dict.fromkeys", "fromkeys", 1, 2)) return Value();
    Value value = args.n > 2 ? args[2] : Value::none();
    Ref d(call0(ts, args[0]));
    if (!d) return Value();
    Ref it(obj_iter(ts, args[1]));
    if (!it) return Value();
    bool exact = is_exact_dict(ts, *d);
    for (;;) {
        Ref key(iter_next(ts, *it));
        if (!key) return ts.has_exception() ? Value() : d.release();
        bool ok = exact ? dict_set(ts, *d, *key, value) : obj_setitem(ts, *d, *key, value) == 0;
        if (!ok) return Value();
    }
}

Value dict_reversed(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "dict.__reversed__", "dict.__reversed__", 0, 0)) return Value();
    return dict_iter_new(ts, args[0], DictViewKind::Keys, true);
}

Value dict_sizeof(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "dict.__sizeof__", "dict.__sizeof__", 0, 0)) return Value();
    DictObject* d = dict_obj(args[0]);
    uint64_t tables =
        d->index ? (d->index_mask + 1) * sizeof(int64_t) + d->entries_cap * sizeof(DictEntry) : 0;
    return Value::small_int(static_cast<int64_t>(sizeof(DictObject) + tables));
}

}  // namespace

// --- public functions ---

bool is_dict(ThreadState&, Value v) noexcept {
    return v.is_object() && v.as_object()->kind == ObjKind::Dict;
}

Value dict_new(ThreadState& ts) {
    auto* d = alloc_gc<DictObject>(ts.types().dict);
    if (!d) return raise_memory_error(ts);
    gc_untrack(&d->hdr);  // until a container goes in: see dict_maintain_tracking
    return val(d);
}

Value dict_new_presized(ThreadState& ts, uint64_t n) {
    Ref r(dict_new(ts));
    if (!r || n == 0) return r.release();
    return dict_resize(&ts, dict_obj(*r), size_for(n)) ? r.release() : Value();
}

// Start-up code calls this before the dict type is defined: the first
// builtin types get their __dict__ before `dict` itself exists. Those
// dicts are allocated untracked (builtin type dicts live as long as the
// interpreter) with no type, which define_dict_type fills in; the kind is
// set here because the dict type's instance_kind is not defined yet either.
DictObject* dict_new_raw(Interpreter& interp) {
    DictObject* d;
    if (interp.types.dict) {
        d = alloc_gc<DictObject>(interp.types.dict, sizeof(DictObject));
    } else {
        d = static_cast<DictObject*>(alloc_raw_zeroed(sizeof(DictObject)));
        if (d) d->hdr.refcnt = 1;
    }
    if (d) d->hdr.kind = ObjKind::Dict;
    return d;
}

Value dict_get_known_hash(ThreadState& ts, Value dict, Value key, int64_t hash, bool* error) {
    DictObject* d = dict_obj(dict);
    uint64_t slot;
    int64_t ix = dict_lookup(ts, d, key, hash, &slot);
    *error = ix == kIxError;
    return ix >= 0 ? d->entries[ix].value : Value();
}

Value dict_get(ThreadState& ts, Value dict, Value key, bool* error) {
    int64_t hash;
    if (!key_hash(ts, key, &hash)) {
        *error = true;
        return Value();
    }
    return dict_get_known_hash(ts, dict, key, hash, error);
}

namespace {

// The entry holding str `key` (interned or not), or -1. Never calls out:
// a str key equals only a str entry, compared by pointer, then bytes.
int64_t find_str(const DictObject* d, Value key) noexcept {
    if (d->used == 0) return -1;
    int64_t hash = str_obj(key)->hash;
    if (hash == -1) hash = str_hash(key);
    if (dict_bloom_lacks(d->key_bloom, hash)) return -1;
    uint64_t mask = d->index_mask, perturb = static_cast<uint64_t>(hash);
    for (uint64_t i = static_cast<uint64_t>(hash) & mask;;
         i = (i * 5 + (perturb >>= kPerturbShift) + 1) & mask) {
        int64_t ix = d->index[i];
        if (ix == kIxEmpty) return -1;
        if (ix < 0) continue;
        const DictEntry& e = d->entries[ix];
        if (e.key == key || (e.hash == hash && e.key.is_object() &&
                             e.key.as_object()->kind == ObjKind::Str && str_eq(e.key, key))) {
            return ix;
        }
    }
}

}  // namespace

Value dict_get_str(Value dict, Value key) noexcept {
    const DictObject* d = dict_obj(dict);
    int64_t ix = find_str(d, key);
    return ix < 0 ? Value() : d->entries[ix].value;
}

Value dict_get_str_at(Value dict, Value key, uint64_t* entry) noexcept {
    const DictObject* d = dict_obj(dict);
    int64_t ix = find_str(d, key);
    if (ix < 0) return Value();
    *entry = static_cast<uint64_t>(ix);
    return d->entries[ix].value;
}

Value dict_get_str_text(Value dict, std::string_view key) noexcept {
    const DictObject* d = dict_obj(dict);
    if (d->used == 0) return Value();
    int64_t hash = hash_bytes(key);
    if (dict_bloom_lacks(d->key_bloom, hash)) return Value();
    uint64_t mask = d->index_mask, perturb = static_cast<uint64_t>(hash);
    for (uint64_t i = static_cast<uint64_t>(hash) & mask;;
         i = (i * 5 + (perturb >>= kPerturbShift) + 1) & mask) {
        int64_t ix = d->index[i];
        if (ix == kIxEmpty) return Value();
        if (ix < 0) continue;
        const DictEntry& e = d->entries[ix];
        if (e.hash == hash && e.key.is_object() && e.key.as_object()->kind == ObjKind::Str &&
            str_view(e.key) == key) {
            return e.value;
        }
    }
}

Value dict_get_cstr(ThreadState& ts, Value dict, const char* key) {
    Ref k(ts.interp().intern(key));
    if (!k) return Value();
    return dict_get_str(dict, *k);
}

bool dict_set_known_hash(ThreadState& ts, Value dict, Value key, int64_t hash, Value value) {
    return dict_insert(ts, dict_obj(dict), key, hash, value);
}

bool dict_set(ThreadState& ts, Value dict, Value key, Value value) {
    int64_t hash;
    if (!key_hash(ts, key, &hash)) return false;
    return dict_insert(ts, dict_obj(dict), key, hash, value);
}

bool dict_set_cstr(ThreadState& ts, Value dict, const char* key, Value value) {
    Ref k(ts.interp().intern(key));
    return k && dict_set(ts, dict, *k, value);
}

int dict_del(ThreadState& ts, Value dict, Value key) {
    int64_t hash;
    if (!key_hash(ts, key, &hash)) return -1;
    return dict_del_known_hash(ts, dict_obj(dict), key, hash);
}

int dict_contains(ThreadState& ts, Value dict, Value key) {
    bool error = false;
    Value v = dict_get(ts, dict, key, &error);
    return error ? -1 : !v.is_null();
}

bool dict_next_hash(Value dict, uint64_t* pos, Value* key, Value* value, int64_t* hash) noexcept {
    DictObject* d = dict_obj(dict);
    for (uint64_t i = *pos; i < d->entries_len; ++i) {
        const DictEntry& e = d->entries[i];
        if (e.key.is_null()) continue;
        *pos = i + 1;
        *key = e.key;
        if (value) *value = e.value;
        if (hash) *hash = e.hash;
        return true;
    }
    *pos = d->entries_len;
    return false;
}

bool dict_next(Value dict, uint64_t* pos, Value* key, Value* value) noexcept {
    return dict_next_hash(dict, pos, key, value, nullptr);
}

Value dict_copy(ThreadState& ts, Value dict) {
    Ref r(dict_new(ts));
    if (!r) return Value();
    DictObject* src = dict_obj(dict);
    if (src->used == 0) return r.release();
    DictObject* d = dict_obj(*r);
    if (!dict_resize(&ts, d, size_for(src->used))) return Value();
    for (uint64_t i = 0; i < src->entries_len; ++i) {
        const DictEntry& e = src->entries[i];
        if (!e.key.is_null()) dict_insert_clean(d, e.key, e.hash, e.value);
    }
    return r.release();
}

bool dict_update(ThreadState& ts, Value dict, Value other) {
    return update_arg(ts, dict, other);
}

void dict_clear(Value dict) noexcept {
    DictObject* d = dict_obj(dict);
    int64_t* block = d->index;
    uint64_t size = d->index_mask + 1;
    DictEntry* entries = d->entries;
    uint64_t len = d->entries_len;
    dict_init_empty(d);
    dict_bump_version(d);
    free_entries(table_owner(d), block, size, entries, len);
}

Value dict_keys_list(ThreadState& ts, Value dict) {
    DictObject* d = dict_obj(dict);
    Value r = list_new(ts, d->used);
    if (r.is_null()) return r;
    uint64_t pos = 0;
    Value k;
    while (dict_next(dict, &pos, &k, nullptr)) {
        ListObject* l = list_obj(r);
        l->items[l->size++] = new_ref(k);
    }
    return r;
}

// Gives the type dicts made before the dict type existed their type.
static void adopt_bootstrap_dicts(Interpreter& interp, TypeObject* dict_type) {
#define GILT_ADOPT(field, pyname)                                                              \
    if (interp.types.field && interp.types.field->dict && !interp.types.field->dict->hdr.type) \
        interp.types.field->dict->hdr.type = dict_type;
    GILT_BUILTIN_TYPES(GILT_ADOPT)
#undef GILT_ADOPT
}

void define_dict_type(Interpreter& interp, TypeObject* t) {
    adopt_bootstrap_dicts(interp, t);
    t->instance_kind = ObjKind::Dict;
    t->basicsize = sizeof(DictObject);
    t->flags = kTypeBaseType | kTypeHasGc;
    t->dealloc = dict_dealloc;
    t->traverse = dict_traverse;
    t->clear = dict_gc_clear;
    t->repr = dict_repr;
    t->hash = hash_not_implemented;
    t->richcompare = dict_richcompare;
    t->iter = dict_iter;
    t->len = dict_len;
    t->getitem = dict_subscript;
    t->setitem = dict_ass_subscript;
    t->contains = dict_contains_slot;
    t->bool_ = dict_bool;
    t->nb[static_cast<int>(BinOp::Or)] = dict_or;
    t->nb_inplace[static_cast<int>(BinOp::Or)] = dict_ior;
    t->new_ = dict_new_slot;
    t->init = dict_init;
    type_add_methods(interp, t, kDictMethods);
}

}  // namespace gilt

namespace gilt {

void dict_tables_close(Interpreter& interp) noexcept {
    interp.dict_tables.close([](void* block) noexcept { std::free(block); });
}

void dict_bump_version(DictObject* d) noexcept {
    // Type dicts made before the dict type existed have no type yet; they never
    // feed a global cache, so a private count is enough for them.
    if (!d->hdr.type) {
        d->version = (d->version + 1) | (uint64_t{1} << 63);
        return;
    }
    d->version = ++d->hdr.type->interp->next_dict_version;
}

}  // namespace gilt
