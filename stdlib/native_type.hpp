// Builtin types of native modules (SemLock, SharedArray, mmap, ...): made
// once per interpreter on first use and kept in its module_state, since
// nothing may be static (several interpreters share a process).
#pragma once

#include <cstdint>

#include "runtime/interpreter.hpp"
#include "runtime/type.hpp"

namespace gilt {

struct NativeTypeSpec {
    const char* key;     // module_state key, "module.Type"
    const char* module;  // __module__
    const char* name;
    uint32_t basicsize;
    uint32_t flags;  // kTypeBaseType when Python classes may derive from it
    // Sets the slots and adds methods and attributes; runs once, before
    // the type is readied.
    void (*fill)(Interpreter& interp, TypeObject* t);
};

// The interpreter's type for `spec`, made on the first call. Instances are
// not gc-tracked (they hold no references that could form a cycle).
TypeObject* native_type_once(Interpreter& interp, const NativeTypeSpec& spec);

}  // namespace gilt
