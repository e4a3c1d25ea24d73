// set and frozenset: open addressing with CPython's probing (linear probes
// then perturbation) and resize policy, so that iteration order, and thus
// printed sets of small ints, match CPython's.
#pragma once

#include <cstdint>

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"

namespace gilt {

struct SetEntry {
  Value key;  // null: empty; a dummy marker for deleted
  int64_t hash;
};

struct SetObject {
  Object hdr;
  uint64_t fill;  // active + dummy
  uint64_t used;  // active
  uint64_t mask;
  SetEntry* table;
  int64_t hash;  // frozenset: -1 until computed
  uint64_t finger;
};

inline SetObject* set_obj(Value v) noexcept { return reinterpret_cast<SetObject*>(v.as_object()); }
bool is_anyset(ThreadState& ts, Value v) noexcept;

Value set_new(ThreadState& ts, Value iterable = Value());       // set(iterable)
Value frozenset_new(ThreadState& ts, Value iterable = Value());
[[nodiscard]] bool set_add(ThreadState& ts, Value set, Value key);
[[nodiscard]] int set_contains(ThreadState& ts, Value set, Value key);  // 1/0/-1
[[nodiscard]] int set_discard(ThreadState& ts, Value set, Value key);   // 1/0/-1
bool set_next(Value set, uint64_t* pos, Value* key) noexcept;

void define_set_type(Interpreter& interp, TypeObject* t);
void define_frozenset_type(Interpreter& interp, TypeObject* t);
void define_set_iterator_type(Interpreter& interp, TypeObject* t);

}  // namespace gilt
