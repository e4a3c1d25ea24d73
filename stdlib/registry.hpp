// The native modules importable by name (the import system looks them up in
// Interpreter::native_modules before the embedded stdlib/lib/*.py sources).
#pragma once

namespace gilt {

class Interpreter;

// Fills interp.native_modules: module name -> init function. Called once at
// start-up by init_builtins_and_sys.
void register_native_modules(Interpreter& interp);

}  // namespace gilt
