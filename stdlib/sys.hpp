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

// sys.getswitchinterval() / sys.setswitchinterval(): the GIL's switch
// interval in seconds (default 0.005), per interpreter.
double sys_switch_interval(Interpreter& interp);
void sys_set_switch_interval(Interpreter& interp, double seconds);

// The value sys.excepthook is called with for an uncaught exception: calls
// sys.excepthook(type, value, tb), falling back to the default printer when
// the hook is missing or fails. Never raises.
void sys_call_excepthook(ThreadState& ts, Value exc);

}  // namespace gilt
