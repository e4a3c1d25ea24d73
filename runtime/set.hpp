// set and frozenset: open addressing with CPython's probing (linear probes
// then perturbation) and resize policy, so that iteration order, and thus
// printed sets of small ints, match CPython's.
#pragma once

#include <cstdint>

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"

namespace gilt {

struct SetEntry {
    Value key;     // null: empty; a dummy marker for deleted
    int64_t hash;  // 0 when empty, -1 when deleted (frozenset's hash reads it)
};

struct SetObject {
    Object hdr;
    uint64_t fill;  // active + dummy
    uint64_t used;  // active
    uint64_t mask;
    SetEntry* table;
    int64_t hash;  // frozenset: -1 until computed
    uint64_t finger;
    // Followed in memory by kSetMinSize inline entries (the "small table"
    // that `table` points to while mask + 1 == kSetMinSize): see set.cpp.
};
inline constexpr uint64_t kSetMinSize = 8;

inline SetObject* set_obj(Value v) noexcept {
    return reinterpret_cast<SetObject*>(v.as_object());
}
bool is_anyset(ThreadState& ts, Value v) noexcept;

Value set_new(ThreadState& ts, Value iterable = Value());  // set(iterable)
Value frozenset_new(ThreadState& ts, Value iterable = Value());
// For the compiler: the constant behind a set display of three or more
// constants. CPython 3.11 compiles {-1, -2, 7} to BUILD_SET 0; LOAD_CONST
// <frozenset>; SET_UPDATE, and its constant-merging pass rebuilds that
// frozenset from its own iteration order, so the display prints
// {-2, -1, 7} where set([-1, -2, 7]) prints {7, -1, -2}. This returns the
// rebuilt frozenset for `items` (any iterable, in source order).
Value frozenset_for_set_display(ThreadState& ts, Value items);
[[nodiscard]] bool set_add(ThreadState& ts, Value set, Value key);
[[nodiscard]] int set_contains(ThreadState& ts, Value set, Value key);  // 1/0/-1
[[nodiscard]] int set_discard(ThreadState& ts, Value set, Value key);   // 1/0/-1
bool set_next(Value set, uint64_t* pos, Value* key) noexcept;
inline uint64_t set_size(Value v) noexcept {
    return set_obj(v)->used;
}

// The in-place operations, for C++ callers (dict views' set operators).
[[nodiscard]] bool set_update(ThreadState& ts, Value set, Value iterable);
[[nodiscard]] bool set_difference_update(ThreadState& ts, Value set, Value other);
[[nodiscard]] bool set_symmetric_difference_update(ThreadState& ts, Value set, Value other);
// set & other for any iterable `other`: a new set (frozenset if `set` is one).
Value set_intersection(ThreadState& ts, Value set, Value other);

// --- internal: shared by set.cpp (the table, the object protocol) and
// set_methods.cpp (the set algebra and the methods) ---

// The key of a deleted entry: an immediate no Python value uses, so that
// incref/decref of it are no-ops.
inline constexpr Value kSetDummy = Value::from_bits((uint64_t(0xff) << 3) | 2u);
inline constexpr uint32_t kSetBasicSize = sizeof(SetObject) + kSetMinSize * sizeof(SetEntry);

SetEntry* set_small_table(SetObject* so) noexcept;
// CPython's set_lookkey: the entry holding `key` or the empty entry where
// the probe ended; nullptr with an exception pending.
SetEntry* set_lookkey(ThreadState& ts, SetObject* so, Value key, int64_t hash);
[[nodiscard]] bool set_table_resize(ThreadState& ts, SetObject* so, uint64_t minused);
[[nodiscard]] bool set_hash_key(ThreadState& ts, Value key, int64_t* hash);
[[nodiscard]] bool set_add_entry(ThreadState& ts, SetObject* so, Value key, int64_t hash);
[[nodiscard]] bool set_add_key(ThreadState& ts, SetObject* so, Value key);
// 1 / 0 / -1.
[[nodiscard]] int set_contains_entry(ThreadState& ts, SetObject* so, Value key, int64_t hash);
[[nodiscard]] int set_contains_key(ThreadState& ts, SetObject* so, Value key);
[[nodiscard]] int set_discard_entry(ThreadState& ts, SetObject* so, Value key, int64_t hash);
[[nodiscard]] int set_discard_key(ThreadState& ts, SetObject* so, Value key);
bool set_next_entry(SetObject* so, uint64_t* pos, SetEntry** out);
void set_clear_internal(SetObject* so);
[[nodiscard]] bool set_merge(ThreadState& ts, SetObject* so, SetObject* other);
[[nodiscard]] bool set_update_internal(ThreadState& ts, SetObject* so, Value other);
// A new instance of `type` (set, frozenset or a subclass) filled from
// `iterable` (null: empty).
Value make_new_set(ThreadState& ts, TypeObject* type, Value iterable);
// Same with set or frozenset, whichever `type` derives from.
Value make_new_set_basetype(ThreadState& ts, TypeObject* type, Value iterable);
void set_swap_bodies(ThreadState& ts, SetObject* a, SetObject* b);
void set_define_common(TypeObject* t, ObjKind kind);
bool frozenset_hash_slot(ThreadState& ts, Value self, int64_t* out);

void define_set_type(Interpreter& interp, TypeObject* t);
void define_frozenset_type(Interpreter& interp, TypeObject* t);
void define_set_iterator_type(Interpreter& interp, TypeObject* t);

}  // namespace gilt
