// The table of native modules. A module written in Python under
// stdlib/lib/ that needs native help imports a private native module here
// (random.py imports _random, collections.py imports _collections).
#include "stdlib/registry.hpp"

#include "runtime/interpreter.hpp"
#include "stdlib/io.hpp"
#include "stdlib/math.hpp"
#include "stdlib/modules.hpp"
#include "stdlib/thread_module.hpp"

namespace gilt {

void register_native_modules(Interpreter& interp) {
  auto& m = interp.native_modules;
  m["math"] = init_math_module;
  m["io"] = init_io_module;
  m["_io"] = init_io_module;
  m["time"] = init_time_module;
  m["posix"] = init_posix_module;
  m["gc"] = init_gc_module;
  m["_random"] = init_random_module;
  m["itertools"] = init_itertools_module;
  m["_collections"] = init_collections_module;
  m["_functools"] = init_functools_module;
  m["_json"] = init_json_module;
  m["_thread"] = init_thread_module;
  m["_weakref"] = init_weakref_module;
  m["_socket"] = init_socket_module;
  m["select"] = init_select_module;
  m["unicodedata"] = init_unicodedata_module;
  m["_traceback"] = init_traceback_module;
  m["errno"] = init_errno_module;
}

}  // namespace gilt
