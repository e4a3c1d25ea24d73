// The import system: `import`, `from ... import`, `__import__`, and running
// a file or a module as `__main__`.
//
// It follows CPython's importlib._bootstrap (_gcd_import, _find_and_load,
// _handle_fromlist, _calc___package__, _resolve_name) without the spec and
// loader objects: finding a module is one function with a fixed order,
//
//   sys.modules  ->  native modules (Interpreter::native_modules)
//                ->  the embedded stdlib (stdlib/lib/**.py compiled in, looked
//                    up by the full dotted name, packages included)
//                ->  each directory of sys.path (or of the parent package's
//                    __path__): NAME/__init__.py (a package), then NAME.py,
//                    then a bare directory NAME (a namespace package).
//
// Invariants kept as CPython keeps them:
//  - a module is in sys.modules before its body runs, so circular imports
//    see the partially initialised module; if the body fails it is removed;
//  - parents are imported before children, and a child is bound as an
//    attribute of its parent once loaded;
//  - `import a.b.c` evaluates to the top-level package `a`; with a non-empty
//    fromlist the leaf module itself;
//  - one import lock per module name (CPython's _ModuleLock) is held while
//    a module is found and its body runs, so a second thread importing the
//    same module waits for the complete module; threads importing each
//    other's modules get the partially initialised one instead of
//    deadlocking (import.cpp explains the locks).
#pragma once

#include <string>
#include <string_view>

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"

namespace gilt {

// The IMPORT_NAME instruction and builtins.__import__(name, globals, locals,
// fromlist, level). `name` must be a str; `globals` (a dict, or null/None)
// supplies __package__ / __name__ for relative imports (level > 0);
// `fromlist` is a tuple or list of str, or null/None. Returns a new
// reference to the top-level package, or to the named module when fromlist
// is non-empty; null with ImportError / ModuleNotFoundError (or whatever the
// module body raised) pending.
// `statement` is true for the IMPORT_NAME instruction: a sandbox lets the
// import statements of stdlib code through its gate (runtime/sandbox.hpp).
Value import_module(ThreadState& ts, Value name, Value globals, Value fromlist, int level,
                    bool statement = false);

// importlib.import_module(name) for an absolute dotted name: the leaf
// module (a new reference), or null with an exception pending.
Value import_by_name(ThreadState& ts, std::string_view name);

// The IMPORT_FROM instruction: getattr(module, name), falling back to
// sys.modules["<module>.<name>"] (a submodule imported but not bound), else
// ImportError "cannot import name 'x' from 'm' (path)" with CPython's
// variants for unknown locations and partially initialised modules.
Value import_from(ThreadState& ts, Value module, Value name);

// `from module import *` into `locals_dict` (a dict or any mapping): the
// names in module.__all__ if it exists, else every name of the module's
// __dict__ not starting with '_'. false with an exception pending.
[[nodiscard]] bool import_star(ThreadState& ts, Value module, Value locals_dict);

// --- __main__ ---------------------------------------------------------------

// sys.modules['__main__'], created on first use (name "__main__",
// __builtins__ set, no __file__). New reference, or null on failure.
Value main_module(ThreadState& ts);

// Compiles and runs `source` in __main__'s namespace as the program, with
// `filename` in tracebacks. `file_attr` sets __main__.__file__ when non-empty
// (scripts); `package` sets __package__ (None when empty, as for scripts).
// Returns the module-level result (a new reference), or null with the
// script's exception pending.
Value run_main_source(ThreadState& ts, std::string_view source, const std::string& filename,
                      const std::string& file_attr = {}, const std::string& package = {});

// Reads `path` and runs it as __main__ with __file__ = path. On a read
// failure raises OSError (FileNotFoundError, ...) with the path.
Value run_main_file(ThreadState& ts, const std::string& path);

// Where `-m NAME` finds its code, after importing NAME's parent packages
// (as runpy does). A package resolves to its NAME.__main__ submodule.
struct MainModuleSpec {
    std::string name;      // the module that runs (pkg.__main__ for a package)
    std::string package;   // its __package__
    std::string filename;  // path of the source, or "<frozen NAME>" for embedded ones
    std::string source;    // the source text
    bool on_disk = false;  // filename is a real file (becomes __file__ and sys.argv[0])
};
// Fills `out`. On failure returns false with an exception pending:
// ModuleNotFoundError "No module named 'x'", ImportError "No code object
// available for x" (a native module), or whatever importing a parent raised.
[[nodiscard]] bool find_main_module(ThreadState& ts, std::string_view name, MainModuleSpec* out);

// --- files ------------------------------------------------------------------

// Reads a whole file with POSIX open/read (retrying EINTR). Returns 0, or
// the errno of the failing call. This is the one place the import system
// blocks on the file system: the GIL will be released around it.
int read_source_file(const std::string& path, std::string* out);

// `path` made absolute against the current directory without resolving
// symlinks or "..", as CPython does for a script's __file__.
std::string absolute_path(const std::string& path);

}  // namespace gilt
