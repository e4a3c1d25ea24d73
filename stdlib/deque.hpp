// collections.deque (the layout; see deque.cpp for the invariants).
#pragma once

#include <cstdint>

#include "runtime/object.hpp"
#include "runtime/type.hpp"

namespace gilt {

class Interpreter;

struct DequeObject {
    Object hdr;
    Value* buf;     // ring buffer of cap slots (malloc'd), items owned
    uint64_t cap;   // power of two, or 0 before the first item
    uint64_t head;  // slot of item 0
    uint64_t size;
    int64_t maxlen;  // -1: unbounded
    uint64_t state;  // mutation counter checked by iterators
};

inline DequeObject* deque_obj(Value v) noexcept {
    return reinterpret_cast<DequeObject*>(v.as_object());
}

struct DequeTypes {
    TypeObject* deque = nullptr;
    TypeObject* iterator = nullptr;
    TypeObject* reverse_iterator = nullptr;
};
// The types, created on first use (once per interpreter).
DequeTypes& deque_types(Interpreter& interp);

}  // namespace gilt
