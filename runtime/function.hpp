// Python functions (the result of `def` and `lambda`) and closure cells.
#pragma once

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"
#include "runtime/type.hpp"

namespace gilt {

struct CellObject {
    Object hdr;
    Value ref;  // the variable's value, or null while unbound (owned)
};

struct FunctionObject {
    Object hdr;
    Value code;         // CodeObject (owned)
    Value globals;      // dict (owned)
    Value builtins;     // dict (owned)
    Value name;         // str
    Value qualname;     // str
    Value defaults;     // tuple or null
    Value kwdefaults;   // dict or null
    Value closure;      // tuple of cells or null
    Value doc;          // first string constant or None
    Value dict;         // __dict__ or null
    Value module;       // __module__ (value of globals['__name__'] at creation)
    Value annotations;  // null (annotations are not evaluated)
    Value old_codes;    // list of the code objects `__code__` replaced, or null: frames
                        // borrow their code from the function, so a frame still running
                        // (or a suspended generator) of an old code needs it kept
};

inline FunctionObject* func_obj(Value v) noexcept {
    return reinterpret_cast<FunctionObject*>(v.as_object());
}
Value make_function(ThreadState& ts, Value code, Value globals, Value qualname);
Value make_cell(ThreadState& ts, Value contents);  // contents borrowed, may be null
inline Value cell_get(Value cell) noexcept {
    return reinterpret_cast<CellObject*>(cell.as_object())->ref;
}
inline void cell_set(Value cell, Value v) noexcept {  // v borrowed
    set_ref(reinterpret_cast<CellObject*>(cell.as_object())->ref, new_ref(v));
}

// Calling a function runs the eval loop: function_call and
// function_call_self are declared in interp/vm/call.hpp.

void define_function_type(Interpreter& interp, TypeObject* t);
void define_cell_type(Interpreter& interp, TypeObject* t);

}  // namespace gilt
