// tuple: immutable, items inline after the header. The empty tuple is a
// per-interpreter singleton (Interpreter::empty_tuple).
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"

namespace gilt {

struct TupleObject {
    Object hdr;
    uint64_t size;
    Value items[1];  // size items, owned
};

// Where a tuple subclass instance keeps its `__dict__`: after the items (see
// runtime/instance.hpp).
inline constexpr uint64_t tuple_dict_offset(uint64_t size) noexcept {
    return offsetof(TupleObject, items) + size * sizeof(Value);
}

// tuple_iterator: `seq` is owned and dropped once exhausted.
struct TupleIterObject {
    Object hdr;
    Value seq;       // the tuple, or null when exhausted
    uint64_t index;  // next index
};

inline TupleObject* tuple_obj(Value v) noexcept {
    return reinterpret_cast<TupleObject*>(v.as_object());
}
inline uint64_t tuple_size(Value v) noexcept {
    return tuple_obj(v)->size;
}
inline Value tuple_item(Value v, uint64_t i) noexcept {
    return tuple_obj(v)->items[i];
}  // borrowed
inline bool is_exact_tuple(ThreadState& ts, Value v) noexcept {
    return v.is_object() && v.as_object()->type == ts.types().tuple;
}
bool is_tuple(ThreadState& ts, Value v) noexcept;

// A tuple of `n` null items for the caller to fill (items are owned: store
// new references). Null + MemoryError on failure.
Value tuple_new(ThreadState& ts, uint64_t n);
// Tuple of the given values (borrowed; the tuple takes new references).
Value tuple_pack(ThreadState& ts, std::initializer_list<Value> items);
Value tuple_from_array(ThreadState& ts, const Value* items, uint64_t n);
// tuple(iterable); returns the argument itself (new ref) if an exact tuple.
Value tuple_from_iterable(ThreadState& ts, Value iterable);
[[nodiscard]] bool tuple_hash(ThreadState& ts, Value t, int64_t* out);
// t[lo:hi] for 0 <= lo <= hi <= size (an exact tuple; t itself when whole and exact).
Value tuple_slice(ThreadState& ts, Value t, uint64_t lo, uint64_t hi);

void define_tuple_type(Interpreter& interp, TypeObject* t);
void define_tuple_iterator_type(Interpreter& interp, TypeObject* t);

}  // namespace gilt
