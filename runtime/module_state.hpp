// Typed access to Interpreter::module_state: the per-interpreter state of
// native modules and of runtime parts that must not be static (several
// interpreters may share a process), each under its own key ("module" or
// "module.Thing"), made on first use and destroyed with the interpreter
// (its tear-down clears the map after the modules are gone).
//
//   DateTimeTypes& t = module_state<DateTimeTypes>(interp, "datetime.types",
//                                                  [&](DateTimeTypes& t) { make_all_types(interp,
//                                                  t); });
//   TypeObject*& stat = module_state<TypeObject*>(interp, "os.stat_result");
//
// One key holds one type T for the interpreter's whole life; nothing checks
// that two places agree on T, so a key is used in one file only.
#pragma once

#include <memory>
#include <string>
#include <utility>

#include "runtime/interpreter.hpp"

namespace gilt {

// The T under `key`, made (value-initialised) the first time it is asked
// for; `init` then runs once on it, right after it is stored, so what
// `init` calls may already find it (types that refer to each other do).
template <class T, class Init>
T& module_state(Interpreter& interp, const std::string& key, Init&& init) {
    std::shared_ptr<void>& slot = interp.module_state[key];
    if (slot) return *static_cast<T*>(slot.get());
    auto made = std::make_shared<T>();
    T& state = *made;
    slot = std::move(made);
    std::forward<Init>(init)(state);
    return state;
}

template <class T>
T& module_state(Interpreter& interp, const std::string& key) {
    return module_state<T>(interp, key, [](T&) {});
}

// The T under `key`, or null when nothing was stored there yet.
template <class T>
T* find_module_state(Interpreter& interp, const std::string& key) {
    auto it = interp.module_state.find(key);
    return it == interp.module_state.end() ? nullptr : static_cast<T*>(it->second.get());
}

}  // namespace gilt
