// Start-up of the builtin types, the exception hierarchy, builtins and sys:
// the steps Interpreter's constructor runs in order (runtime/interpreter.cpp).
#pragma once

#include <string_view>
#include <unordered_map>

namespace gilt {

class Interpreter;
struct StrObject;

void allocate_builtin_types(Interpreter& interp);
void define_builtin_types(Interpreter& interp);
// Objects made while their own type was still undefined (method objects in
// type dicts, names interned early) got a generic kind; give them the kind
// their type has now.
void fix_bootstrap_kinds(Interpreter& interp,
                         const std::unordered_map<std::string_view, StrObject*>& interned);
void ready_builtin_types(Interpreter& interp);
void init_exception_types(Interpreter& interp);
// Implemented in stdlib/ (the builtins module and sys).
void init_builtins_and_sys(Interpreter& interp);
// Clears module dicts at shutdown (breaking module <-> function cycles).
void finalize_modules(Interpreter& interp);

}  // namespace gilt
