// memoryview: a view of another object's memory through the buffer protocol
// (runtime/buffer.hpp). The layout and the invariants are told at the top of
// memoryview.cpp.
#pragma once

#include <cstdint>

#include "runtime/buffer.hpp"
#include "runtime/object.hpp"
#include "runtime/type.hpp"

namespace gilt {

class ThreadState;
class Interpreter;

// memoryview(obj): new reference, or null with TypeError "memoryview: a
// bytes-like object is required, not 'int'".
Value memoryview_from_object(ThreadState& ts, Value obj);
bool is_memoryview(Value v) noexcept;

// The native item codes of the struct module's '@' mode that memoryview
// reads and writes ('c', 'b', 'B', '?', 'h', 'H', 'i', 'I', 'l', 'L', 'q',
// 'Q', 'n', 'N', 'f', 'd', 'P'): the size of one item, or 0 for any other
// code.
int64_t native_item_size(char code) noexcept;

void define_memoryview_type(Interpreter& interp, TypeObject* t);

}  // namespace gilt
