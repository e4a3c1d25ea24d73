// Init functions of the native modules in stdlib/ (each returns the new
// module, or null with an exception pending). Registered by registry.cpp.
#pragma once

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"

namespace gilt {

Value init_time_module(ThreadState& ts);          // time.cpp
Value init_datetime_module(ThreadState& ts);      // datetime_*.cpp
Value init_decimal_module(ThreadState& ts);       // decimal_*.cpp: _decimal
Value init_posix_module(ThreadState& ts);         // os.cpp (os.py builds `os` on it)
Value init_gc_module(ThreadState& ts);            // gc_module.cpp
Value init_gil_module(ThreadState& ts);           // gil_module.cpp: gilt's GIL statistics
Value init_interpreters_module(ThreadState& ts);  // interpreters_*.cpp: _interpreters
Value init_random_module(ThreadState& ts);        // random.cpp: _random
Value init_itertools_module(ThreadState& ts);     // itertools.cpp
Value init_collections_module(ThreadState& ts);   // collections.cpp: _collections
Value init_contextvars_module(ThreadState& ts);   // contextvars.cpp: _contextvars
Value init_functools_module(ThreadState& ts);     // functools.cpp: _functools
Value init_json_module(ThreadState& ts);          // json.cpp: _json
Value init_weakref_module(ThreadState& ts);       // weakref_module.cpp: _weakref
Value init_socket_module(ThreadState& ts);        // socket*.cpp: _socket
Value init_select_module(ThreadState& ts);        // select.cpp
Value init_unicodedata_module(ThreadState& ts);   // unicodedata.cpp
Value init_traceback_module(ThreadState& ts);     // traceback_module.cpp: _traceback
Value init_errno_module(ThreadState& ts);         // errno_module.cpp
Value init_signal_module(ThreadState& ts);        // signal_module.cpp: _signal
Value init_subprocess_module(ThreadState& ts);    // subprocess_module.cpp: _subprocess
Value init_pickle_module(ThreadState& ts);        // pickle_module.cpp: _pickle
Value init_codecs_module(ThreadState& ts);        // codecs_module.cpp: _codecs
Value init_mp_module(ThreadState& ts);            // mp_module.cpp: _multiprocessing
Value init_posixshmem_module(ThreadState& ts);    // posixshmem.cpp: _posixshmem
Value init_hashlib_module(ThreadState& ts);       // hashlib.cpp: _hashlib (OpenSSL)
Value init_blake2_module(ThreadState& ts);        // blake2.cpp: _blake2
Value init_zlib_module(ThreadState& ts);          // zlib_module.cpp
Value init_mmap_module(ThreadState& ts);          // mmap_module.cpp
Value init_binascii_module(ThreadState& ts);      // binascii.cpp
Value init_csv_module(ThreadState& ts);           // csv_module.cpp: _csv, for csv.py
Value init_resource_module(ThreadState& ts);      // resource.cpp
Value init_struct_module(ThreadState& ts);        // struct_module.cpp
Value init_array_module(ThreadState& ts);         // array_module.cpp
Value init_regex_module(ThreadState& ts);         // regex_module.cpp: _regex, for re.py
Value init_ssl_module(ThreadState& ts);           // ssl_*.cpp: _ssl (OpenSSL libssl), for ssl.py
Value init_expat_module(ThreadState& ts);         // expat_module.cpp: _expat, for xml.etree
Value init_sqlite3_module(ThreadState& ts);       // sqlite3_*.cpp: _sqlite3, for sqlite3/
Value init_asyncio_module(ThreadState& ts);       // asyncio_*.cpp: _asyncio
Value init_gilt_module(ThreadState& ts);          // gilt_module.cpp: sandbox limits

}  // namespace gilt
