// The table of native modules (see registry.hpp).
#include "stdlib/registry.hpp"

#include "stdlib/io.hpp"
#include "stdlib/math.hpp"
#include "stdlib/modules.hpp"
#include "stdlib/thread_module.hpp"

namespace gilt {

namespace {

constexpr NativeModule kNativeModules[] = {
    {"_asyncio", init_asyncio_module},            // asyncio_*.cpp
    {"_blake2", init_blake2_module},              // blake2.cpp
    {"_codecs", init_codecs_module},              // codecs_module.cpp
    {"_collections", init_collections_module},    // collections.cpp
    {"_contextvars", init_contextvars_module},    // contextvars.cpp
    {"_csv", init_csv_module},                    // csv_module.cpp
    {"_decimal", init_decimal_module},            // decimal_*.cpp; decimal.py adds the context
    {"_expat", init_expat_module},                // expat_module.cpp, for xml.etree
    {"_functools", init_functools_module},        // functools.cpp
    {"_hashlib", init_hashlib_module},            // hashlib.cpp
    {"_interpreters", init_interpreters_module},  // interpreters_*.cpp
    {"_io", init_io_module},                      // io.cpp, the same module as io
    {"_json", init_json_module},                  // json.cpp
    {"_multiprocessing", init_mp_module},         // mp_*.cpp
    {"_pickle", init_pickle_module},              // pickle_module.cpp
    {"_posixshmem", init_posixshmem_module},      // posixshmem.cpp
    {"_random", init_random_module},              // random.cpp
    {"_regex", init_regex_module},                // regex_*.cpp, for re.py
    {"_signal", init_signal_module},              // signal_module.cpp; signal.py adds the enums
    {"_socket", init_socket_module},              // socket*.cpp
    {"_sqlite3", init_sqlite3_module},            // sqlite3_*.cpp, for sqlite3/
    {"_ssl", init_ssl_module},                    // ssl_*.cpp, for ssl.py
    {"_subprocess", init_subprocess_module},      // subprocess_module.cpp
    {"_thread", init_thread_module},              // thread_module.cpp
    {"_traceback", init_traceback_module},        // traceback_module.cpp
    {"_weakref", init_weakref_module},            // weakref_module.cpp
    {"array", init_array_module},                 // array_module.cpp
    {"binascii", init_binascii_module},           // binascii.cpp
    {"datetime", init_datetime_module},           // datetime_*.cpp
    {"errno", init_errno_module},                 // errno_module.cpp
    {"gc", init_gc_module},                       // gc_module.cpp
    {"gil", init_gil_module},                     // gil_module.cpp (gilt only)
    {"gilt", init_gilt_module},                   // gilt_module.cpp (gilt only)
    {"io", init_io_module},                       // io.cpp
    {"itertools", init_itertools_module},         // itertools*.cpp
    {"math", init_math_module},                   // math.cpp
    {"mmap", init_mmap_module},                   // mmap_module.cpp
    {"posix", init_posix_module},                 // os.cpp; os.py builds `os` on it
    {"resource", init_resource_module},           // resource.cpp
    {"select", init_select_module},               // select.cpp
    {"struct", init_struct_module},               // struct_module.cpp
    {"time", init_time_module},                   // time.cpp
    {"unicodedata", init_unicodedata_module},     // unicodedata.cpp
    {"zlib", init_zlib_module},                   // zlib_module.cpp
};

}  // namespace

std::span<const NativeModule> native_module_table() {
    return kNativeModules;
}

void register_native_modules(Interpreter& interp) {
    for (const NativeModule& m : kNativeModules) interp.native_modules.emplace(m.name, m.init);
}

}  // namespace gilt
