// The table that ties slots to dunder names (CPython's slotdefs).
//
// One entry per dunder. It is used in both directions:
//  - builtin types: type_ready() adds, for every slot a type fills itself,
//    a wrapper under the dunder name (`list.__len__`), whose call invokes
//    that type's slot;
//  - user classes: class_fill_slots() looks every dunder up along the MRO.
//    Found as a builtin's wrapper, the class inherits the builtin slot
//    itself (so `class L(list)` indexes at list speed); found as anything
//    else, it installs the generic slot_* function that looks the dunder up
//    and calls it.
#pragma once

#include "runtime/native_function.hpp"
#include "runtime/type.hpp"

namespace gilt {

void add_slot_wrappers(Interpreter& interp, TypeObject* t);
void class_fill_slots(ThreadState& ts, TypeObject* t);
// Copies the slots `t` leaves null from its base.
void inherit_slots(TypeObject* t, const TypeObject* base);

// object.__getattribute__ exposed as a wrapper, and whether a found
// __getattribute__ is that builtin one (then the generic algorithm applies).
Value getattribute_wrapper(ThreadState& ts, TypeObject* owner, Args args);
bool is_builtin_getattribute(ThreadState& ts, Value f);
// Whether instances of `t` are initialised by a Python-level __init__ (the
// generic slot that looks __init__ up and calls it).
bool init_is_python(const TypeObject* t) noexcept;
// The TypeError for an __init__ that returned `r`, not None.
void raise_init_returned(ThreadState& ts, Value r);
// The hash slot of classes that set __hash__ = None: raises "unhashable type".
bool hash_not_implemented(ThreadState& ts, Value self, int64_t* out);

}  // namespace gilt
