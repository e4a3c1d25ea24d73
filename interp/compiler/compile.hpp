// Compiling and running source text: the entry points the CLI, the REPL,
// the import system, exec()/eval()/compile() and the embedding API share.
#pragma once

#include <cstdint>
#include <string_view>

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"

namespace gilt {

enum class CompileMode { Exec, Eval, Single };

// Parses and compiles `source`. Returns a code object (new reference), or
// null with SyntaxError (or IndentationError/TabError) pending, carrying
// CPython's attributes. With `incomplete` non-null, it is set when the
// failure means more input could complete the source (the REPL).
// `future_flags` (CPython's CO_FUTURE_* bits, future.hpp) turn on future
// features as if the source began with their future statements.
Value compile_source(ThreadState& ts, std::string_view source, std::string_view filename,
                     CompileMode mode, bool* incomplete = nullptr, uint32_t future_flags = 0);

// Runs a module-level code object with the given globals (and locals: the
// same dict unless given). Returns the result (None for exec mode) or null.
Value exec_code(ThreadState& ts, Value code, Value globals, Value locals = Value());

}  // namespace gilt
