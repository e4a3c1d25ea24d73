// The native modules importable by name: one table, kNativeModules in
// registry.cpp. The import system looks a name up in
// Interpreter::native_modules (filled from the table) before the embedded
// stdlib/lib/*.py sources, so a Python-written module that needs native help
// imports a private native module from here (random.py imports _random).
//
// A new native module is one row in the table; tests/unit/stdlib/
// registry_test.cpp imports every row and fails when a stdlib/*.cpp defines
// an init function that no row names.
#pragma once

#include <span>
#include <string_view>

#include "runtime/interpreter.hpp"

namespace gilt {

struct NativeModule {
    std::string_view name;  // the name scripts import
    NativeModuleInit init;  // builds the module; null with an exception on failure
};

// Every native module, sorted by name. Immutable: shared by all interpreters.
std::span<const NativeModule> native_module_table();

// Fills interp.native_modules from the table. Called once at start-up by
// init_builtins_and_sys.
void register_native_modules(Interpreter& interp);

}  // namespace gilt
