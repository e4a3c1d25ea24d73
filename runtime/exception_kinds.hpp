// Internal to the exception implementation (exception.cpp and
// exception_kinds.cpp): BaseException's slots, which the kinds build on,
// and the table of builtin exceptions that need more than BaseException's
// behaviour (extra fields, their own __init__ / __str__).
#pragma once

#include <cstdint>
#include <string_view>

#include "runtime/exception.hpp"
#include "runtime/type.hpp"

namespace gilt {

struct ExceptionKind {
    const char* name;
    uint32_t size;                                      // basicsize, or 0 to inherit the base's
    void (*setup)(Interpreter& interp, TypeObject* t);  // fills slots and getsets
};
// The entry for a builtin exception name, or nullptr.
const ExceptionKind* find_exception_kind(std::string_view name);

// BaseException.__new__ / __init__ / __str__.
Value exception_base_new(ThreadState& ts, TypeObject* type, Args args);
int exception_base_init(ThreadState& ts, Value self, Args args);
Value exception_base_str(ThreadState& ts, Value self);
// self.args = tuple(positional args). False with MemoryError.
bool exception_store_args(ThreadState& ts, Value self, Args args);

}  // namespace gilt
