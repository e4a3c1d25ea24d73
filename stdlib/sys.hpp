// The sys module.
#pragma once

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"

namespace gilt {

class Interpreter;

// Builds the sys module (argv, path, modules, the standard streams, version
// information, ...) from the interpreter's configuration. Called once at
// start-up by init_builtins_and_sys, after the builtins module and the io
// types exist. Returns a new reference or null with an exception pending.
Value make_sys_module(ThreadState& ts);

}  // namespace gilt
