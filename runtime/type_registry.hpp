// Start-up of the builtin types, the exception hierarchy, builtins and sys:
// the steps Interpreter's constructor runs in order (runtime/interpreter.cpp).
#pragma once

namespace gilt {

class Interpreter;

void allocate_builtin_types(Interpreter& interp);
void define_builtin_types(Interpreter& interp);
void ready_builtin_types(Interpreter& interp);
void init_exception_types(Interpreter& interp);
// Implemented in stdlib/ (the builtins module and sys).
void init_builtins_and_sys(Interpreter& interp);
// Clears module dicts at shutdown (breaking module <-> function cycles).
void finalize_modules(Interpreter& interp);

}  // namespace gilt
