// types.UnionType: what `int | None` evaluates to (PEP 604).
#pragma once

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"

namespace gilt {

bool is_union(ThreadState& ts, Value v) noexcept;
// The members of a union (a tuple, borrowed).
Value union_args(Value u) noexcept;
// isinstance(obj, union) / issubclass(cls, union): 1, 0, or -1 with an
// exception (a parameterized generic member is refused, as in CPython).
int union_isinstance(ThreadState& ts, Value obj, Value u);
int union_issubclass(ThreadState& ts, Value cls, Value u);
// The type variables among `args` (a tuple) and their own __parameters__,
// in first-seen order: CPython's _Py_make_parameters. A new tuple.
Value make_type_parameters(ThreadState& ts, Value args);
// `alias[items]` for a generic alias or union whose members are `args`:
// each type variable replaced by its item, members that have parameters of
// their own subscripted in turn (CPython's _Py_subs_parameters). A new
// tuple of the substituted members, or null with CPython's TypeError.
Value substitute_type_parameters(ThreadState& ts, Value self, Value args, Value items);

}  // namespace gilt
