// Module objects: a name and a __dict__ that is the module's globals.
#pragma once

#include <span>

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"
#include "runtime/type.hpp"

namespace gilt {

struct ModuleObject {
    Object hdr;
    Value dict;  // owned dict: the module's globals
    Value name;  // str
    // True while the import system runs this module's body (CPython's
    // __spec__._initializing): another thread importing the module then
    // waits on its import lock, and attribute and `from` errors say
    // "partially initialized module". Read and written under the GIL.
    bool initializing;
};

inline Value module_dict(Value m) noexcept {
    return reinterpret_cast<ModuleObject*>(m.as_object())->dict;
}
// The module whose body is being run by an import right now (an exact
// module object with `initializing` set); one type compare and one load.
inline bool module_is_initializing(ThreadState& ts, Value v) noexcept {
    return v.is_object() && v.as_object()->type == ts.types().module &&
           reinterpret_cast<ModuleObject*>(v.as_object())->initializing;
}
// New module with __name__ set (and __doc__ = None, __package__, __spec__).
Value module_new(ThreadState& ts, std::string_view name);
// Adds native functions to a module's dict (module-level functions receive
// no self: args are exactly the call's arguments).
[[nodiscard]] bool module_add_functions(ThreadState& ts, Value module,
                                        std::span<const MethodDef> defs);
// module.name = value (value borrowed).
[[nodiscard]] bool module_add_value(ThreadState& ts, Value module, const char* name, Value value);
// Same, consuming the reference to value (for `module_add_steal(ts, m, "pi", make_float(..))`).
[[nodiscard]] bool module_add_steal(ThreadState& ts, Value module, const char* name, Value value);

void define_module_type(Interpreter& interp, TypeObject* t);

}  // namespace gilt
