// The pickle protocol as `object` implements it: object.__reduce_ex__,
// object.__reduce__ and object.__getstate__, and the recipes of the builtin
// types that CPython gives a __reduce__ of their own (set, frozenset,
// bytearray, complex, range, slice, exceptions). pickle, copy and copyreg
// all rebuild objects from these recipes.
#pragma once

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"

namespace gilt {

// object.__reduce_ex__(obj, proto) when type(obj) does not override
// __reduce__: the builtin type's recipe if it has one, else for protocol 2
// and up (copyreg.__newobj__ or __newobj_ex__, args, state, list items, dict
// items), and below 2 copyreg._reduce_ex(obj, proto). New reference, or
// null with an exception pending.
Value object_reduce_default(ThreadState& ts, Value obj, int proto);

// The recipe (callable, args[, state]) of an instance of a builtin type
// that has its own __reduce__ in CPython. Null with NO exception pending when
// obj is not such an instance.
Value builtin_type_reduce(ThreadState& ts, Value obj, int proto);

// object.__getstate__: the instance __dict__ (None when empty), or
// (dict-or-None, {slot: value}) when the class has __slots__. `required`:
// an object whose builtin base keeps data pickle cannot see raises
// "cannot pickle 'X' object".
Value object_getstate(ThreadState& ts, Value obj, bool required);

// The methods above as they appear on `object` (added by object_type.cpp).
Value object_reduce_ex_method(ThreadState& ts, Args args);
Value object_reduce_method(ThreadState& ts, Args args);
Value object_getstate_method(ThreadState& ts, Args args);

}  // namespace gilt
