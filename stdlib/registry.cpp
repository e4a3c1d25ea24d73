// The table of native modules (see registry.hpp).
#include "stdlib/registry.hpp"

#include "stdlib/io.hpp"
#include "stdlib/math.hpp"
#include "stdlib/modules.hpp"
#include "stdlib/thread_module.hpp"

namespace gilt {

namespace {

constexpr NativeModule kNativeModules[] = {
    {"_codecs", init_codecs_module},            // codecs_module.cpp
    {"_collections", init_collections_module},  // collections.cpp
    {"_functools", init_functools_module},      // functools.cpp
    {"_io", init_io_module},                    // io.cpp, the same module as io
    {"_json", init_json_module},                // json.cpp
    {"_pickle", init_pickle_module},            // pickle_module.cpp
    {"_random", init_random_module},            // random.cpp
    {"_regex", init_regex_module},              // regex_*.cpp, for re.py
    {"_socket", init_socket_module},            // socket*.cpp
    {"_subprocess", init_subprocess_module},    // subprocess_module.cpp
    {"_thread", init_thread_module},            // thread_module.cpp
    {"_traceback", init_traceback_module},      // traceback_module.cpp
    {"_weakref", init_weakref_module},          // weakref_module.cpp
    {"errno", init_errno_module},               // errno_module.cpp
    {"gc", init_gc_module},                     // gc_module.cpp
    {"io", init_io_module},                     // io.cpp
    {"itertools", init_itertools_module},       // itertools*.cpp
    {"math", init_math_module},                 // math.cpp
    {"posix", init_posix_module},               // os.cpp; os.py builds `os` on it
    {"select", init_select_module},             // select.cpp
    {"signal", init_signal_module},             // signal_module.cpp
    {"time", init_time_module},                 // time.cpp
    {"unicodedata", init_unicodedata_module},   // unicodedata.cpp
};

}  // namespace

std::span<const NativeModule> native_module_table() {
    return kNativeModules;
}

void register_native_modules(Interpreter& interp) {
    for (const NativeModule& m : kNativeModules) interp.native_modules.emplace(m.name, m.init);
}

}  // namespace gilt
