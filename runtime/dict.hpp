// dict: insertion-ordered hash table (CPython's compact layout: a dense
// array of entries in insertion order plus a sparse index table probed with
// CPython's perturbation scheme).
//
// Keys are compared by identity first, then by a str fast path, then by
// __eq__, which can run arbitrary code that mutates the dict: lookups
// re-validate after calling out, as CPython's lookdict does.
//
// An all-zero DictObject is a valid empty dict (no tables allocated yet):
// every lookup checks `used` first, and the first insertion allocates.
// `index` and `entries` share one malloc'd block (index first).
#pragma once

#include <cstdint>

#include "runtime/gc.hpp"
#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"

namespace gilt {

struct DictEntry {
    int64_t hash;
    Value key;  // null: deleted entry (a hole in insertion order)
    Value value;
};

struct DictObject {
    Object hdr;
    uint64_t used;         // live entries
    uint64_t version;      // bumped on every mutation (global caches, iteration guard)
    DictEntry* entries;    // dense, insertion order
    uint64_t entries_len;  // entries used including holes
    uint64_t entries_cap;  // entries usable before the next resize (<= 2/3 of the index size;
                           // popitem lowers it with entries_len, as CPython keeps dk_usable)
    int64_t* index;        // sparse: -1 empty, -2 dummy, else entry number; null when empty
    uint64_t index_mask;   // index size - 1 (power of two)
    uint64_t key_bloom;    // dict_bloom_bits(hash) of every key added since the last resize or
                           // clear (deleted keys may stay): see dict_bloom_lacks
};

// Two bits per hash, from its high bits (the index uses the low ones). A
// method call checks that the instance dict does not shadow the method's
// name; with a handful of attributes the bits answer that in one test.
// Two bits rather than one: with 2 keys a name passes by mistake about 1 time
// in 250 instead of 1 in 32 (method_calls had one such name in its loop).
inline uint64_t dict_bloom_bits(int64_t hash) noexcept {
    uint64_t mixed = static_cast<uint64_t>(hash) * 0x9E3779B97F4A7C15ull;
    return (uint64_t(1) << (mixed >> 58)) | (uint64_t(1) << ((mixed >> 52) & 63));
}
// True when no key with this hash can be in the dict.
inline bool dict_bloom_lacks(uint64_t bloom, int64_t hash) noexcept {
    uint64_t bits = dict_bloom_bits(hash);
    return (bloom & bits) != bits;
}

// CPython's MAINTAIN_TRACKING: a plain dict is born untracked (dict_new) and
// stays so while every key and value is atomic (an int, a str, an untracked
// tuple...), since it cannot be part of a cycle; the first key or value that
// could be tracks it. Every store into an entry calls this. Dicts made at
// start-up before the dict type existed have no GcHead and are skipped.
inline void dict_maintain_tracking(DictObject* d, Value key, Value value) noexcept {
    if (!(d->hdr.flags & kObjGcTracked)) return;
    GcHead* h = gc_head(&d->hdr);
    if (h->next == h && (gc_may_be_tracked(value) || gc_may_be_tracked(key))) gc_track(&d->hdr);
}

// Gives the dict a version no other dict state of this interpreter has had.
void dict_bump_version(DictObject* d) noexcept;

inline DictObject* dict_obj(Value v) noexcept {
    return reinterpret_cast<DictObject*>(v.as_object());
}
inline uint64_t dict_size(Value v) noexcept {
    return dict_obj(v)->used;
}
inline bool is_exact_dict(ThreadState& ts, Value v) noexcept {
    return v.is_object() && v.as_object()->type == ts.types().dict;
}
bool is_dict(ThreadState& ts, Value v) noexcept;

Value dict_new(ThreadState& ts);
// A new dict with room for `n` entries before its first resize (CPython's
// _PyDict_NewPresized): an instance's __dict__ made by its first attribute
// store gets the smallest table at once.
Value dict_new_presized(ThreadState& ts, uint64_t n);
// Appends (key, value) when the key is surely absent and the table has
// room: `hash` (the key's) leads to an empty first probe slot, which a key
// in the table would have filled. For the attribute stores of __init__,
// whose names come new, in order. false (nothing done) when it does not fit.
inline bool dict_try_append_new(DictObject* d, Value key, int64_t hash, Value value) noexcept {
    if (d->entries_len >= d->entries_cap) return false;  // also: no table yet
    int64_t* slot = &d->index[static_cast<uint64_t>(hash) & d->index_mask];
    if (*slot != -1) return false;  // -1: an empty slot
    *slot = static_cast<int64_t>(d->entries_len);
    d->key_bloom |= dict_bloom_bits(hash);
    d->entries[d->entries_len++] = DictEntry{hash, new_ref(key), new_ref(value)};
    ++d->used;
    dict_maintain_tracking(d, key, value);
    dict_bump_version(d);
    return true;
}
DictObject* dict_new_raw(Interpreter& interp);  // for start-up code; nullptr on OOM
// Lookup: BORROWED value or null. With null, `*error` tells whether an
// exception is pending (unhashable key, failing __eq__) or the key is absent.
Value dict_get(ThreadState& ts, Value dict, Value key, bool* error);
// Fast lookup by an interned str key (pointer equality then str_eq; never
// calls Python code, never fails). BORROWED or null.
Value dict_get_str(Value dict, Value key) noexcept;
Value dict_get_cstr(ThreadState& ts, Value dict, const char* key);  // borrowed or null
// Like dict_get_str, also reporting the entry's position (for the eval
// loop's attribute caches: instances of one class usually store their
// attributes in the same order, so the position repeats).
Value dict_get_str_at(Value dict, Value key, uint64_t* entry) noexcept;
// Inserts or replaces; borrowed key and value. false with exception.
[[nodiscard]] bool dict_set(ThreadState& ts, Value dict, Value key, Value value);
[[nodiscard]] bool dict_set_cstr(ThreadState& ts, Value dict, const char* key, Value value);
// 1 deleted, 0 absent (no exception), -1 error.
[[nodiscard]] int dict_del(ThreadState& ts, Value dict, Value key);
// Iteration over live entries: start with pos = 0; returns false at the end.
// key/value are borrowed.
bool dict_next(Value dict, uint64_t* pos, Value* key, Value* value) noexcept;
Value dict_copy(ThreadState& ts, Value dict);
[[nodiscard]] bool dict_update(ThreadState& ts, Value dict,
                               Value other);  // mapping or iterable of pairs
void dict_clear(Value dict) noexcept;
Value dict_keys_list(ThreadState& ts, Value dict);

// --- shared with set.cpp and dict_views.cpp ---

// Lookup and insertion with a hash already known (CPython's *_KnownHash).
Value dict_get_known_hash(ThreadState& ts, Value dict, Value key, int64_t hash, bool* error);
[[nodiscard]] bool dict_set_known_hash(ThreadState& ts, Value dict, Value key, int64_t hash,
                                       Value value);
// dict_next that also yields the stored hash.
bool dict_next_hash(Value dict, uint64_t* pos, Value* key, Value* value, int64_t* hash) noexcept;
// 1 / 0 / -1: `key in dict`.
[[nodiscard]] int dict_contains(ThreadState& ts, Value dict, Value key);

enum class DictViewKind : uint8_t { Keys, Values, Items };
// dict.keys() / values() / items() (runtime/dict_views.cpp).
Value dict_view_new(ThreadState& ts, Value dict, DictViewKind kind);
// An iterator over keys, values or items; `reverse` for reversed(d).
Value dict_iter_new(ThreadState& ts, Value dict, DictViewKind kind, bool reverse);

void define_dict_type(Interpreter& interp, TypeObject* t);
// Frees the interpreter's spare dict tables and keeps later ones from being
// spared (interpreter tear-down, once the static types are gone).
void dict_tables_close(Interpreter& interp) noexcept;
void define_dict_view_types(Interpreter& interp);  // dict_keys/values/items and their iterators

}  // namespace gilt
