// Struct sequences: tuples whose items also have attribute names
// (sys.version_info, sys.float_info, time.struct_time, os.stat_result), as
// CPython's PyStructSequence.
//
// A struct sequence type is a tuple subclass created by a native module. Its
// instances are plain TupleObjects (so indexing, slicing, comparison and
// unpacking are tuple's), and the type adds a getattr slot mapping each field
// name to its index, plus CPython's repr `sys.version_info(major=3, ...)`.
// The field names live in the type's dict as the tuple `_fields`.
#pragma once

#include <initializer_list>
#include <span>

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"
#include "runtime/type.hpp"

namespace gilt {

// Creates and readies a struct sequence type named `name` in module `module`
// (the repr shows "module.name(...)"). The type is owned by the interpreter
// for its whole life.
TypeObject* make_structseq_type(Interpreter& interp, const char* module, const char* name,
                                std::span<const char* const> fields);
// Same, with `extra` fields after the sequence ones that are attributes
// only, not items (struct_time's tm_zone and tm_gmtoff; CPython's
// n_sequence_fields < n_fields). They live in the instance's __dict__ and
// read as None on an instance made without them.
TypeObject* make_structseq_type(Interpreter& interp, const char* module, const char* name,
                                std::span<const char* const> fields,
                                std::span<const char* const> extra);
// An instance of such a type: `items` for the sequence fields and `extras`
// (borrowed) for the extra ones, in the order they were declared.
Value structseq_new(ThreadState& ts, TypeObject* type, std::span<const Value> items,
                    std::span<const Value> extras);
// A new instance with the given items (borrowed; there must be one per field).
Value structseq_new(ThreadState& ts, TypeObject* type, std::span<const Value> items);
// Same, consuming the references to the items (for building from fresh values;
// a null item means the caller's allocation failed: everything is released
// and null returned).
Value structseq_new_steal(ThreadState& ts, TypeObject* type, std::initializer_list<Value> items);

}  // namespace gilt
