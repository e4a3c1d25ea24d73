// Exception groups (PEP 654): BaseExceptionGroup and ExceptionGroup, and the
// two runtime steps of `except*`.
//
// A group is an exception that carries a message and a non-empty tuple of
// exceptions, which may be groups themselves (a tree whose leaves are plain
// exceptions). split() and subgroup() walk that tree and rebuild the parts
// that match (or do not) with derive(), copying the traceback, cause,
// context and notes of each group they rebuild, as CPython 3.11 does.
//
// `except* T` runs as CHECK_EG_MATCH (exception_group_match below: split
// the exception being handled into the part that matches T and the rest)
// once per clause, and PREP_RERAISE_STAR at the end (exception_group_
// prep_reraise: combine what the clauses raised with the unhandled rest
// into the one exception that leaves the try statement).
#pragma once

#include "runtime/exception.hpp"

namespace gilt {

struct BaseExceptionGroupObject {
    ExceptionObject base;
    Value msg;   // str (owned)
    Value excs;  // tuple of exception instances (owned)
};

bool is_exception_group(ThreadState& ts, Value v) noexcept;

// ExceptionGroup(msg, excs) or BaseExceptionGroup(...), as calling
// BaseExceptionGroup does (the class follows from the leaves). `excs` is
// a borrowed list or tuple.
Value exception_group_make(ThreadState& ts, std::string_view msg, Value excs);

// CHECK_EG_MATCH: splits `exc` by `spec` (a type or tuple of types, already
// checked). *match receives the matching part (None if nothing matches; a
// naked exception that matches is wrapped in ExceptionGroup("", [exc])),
// *rest what is left (None if nothing). False with an exception pending.
[[nodiscard]] bool exception_group_match(ThreadState& ts, Value exc, Value spec, Value* match,
                                         Value* rest);
// The check CHECK_EG_MATCH makes on the clause's type first: a TypeError
// for a non-exception type and for a group type. -1 with it pending.
int check_except_star_type(ThreadState& ts, Value spec);

// PREP_RERAISE_STAR: `orig` is the exception the try statement raised,
// `raised` a list of what the clauses raised (or re-raised), the unhandled
// rest last (None when everything was handled). Returns the exception to
// raise (a new reference), None when there is none, null with an error.
Value exception_group_prep_reraise(ThreadState& ts, Value orig, Value raised);

// Start-up: BaseExceptionGroup's slots and methods (exception_kinds.cpp's
// table calls it), and ExceptionGroup's second base, Exception.
void setup_base_exception_group(Interpreter& interp, TypeObject* t);
void finish_exception_group_type(Interpreter& interp, TypeObject* group, TypeObject* exception);

}  // namespace gilt
