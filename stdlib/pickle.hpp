// The native pickler and unpickler behind stdlib/lib/pickle.py (the `_pickle`
// module). The wire format is described in stdlib/pickle_format.hpp.
#pragma once

#include <string>
#include <string_view>

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"

namespace gilt {

// What a Pickler subclass may override; every Value borrowed, null if absent.
struct PickleDumpOptions {
    int protocol = 4;
    bool fix_imports = true;
    Value persistent_id;     // callable(obj) -> id or None
    Value reducer_override;  // callable(obj) -> reduce value or NotImplemented
    Value dispatch_table;    // mapping type -> reducer; null: copyreg.dispatch_table
    Value buffer_callback;   // protocol 5: callable(PickleBuffer) -> falsy for out-of-band
    Value memo;              // a Pickler's memo kept between dumps: {id(obj): (index, obj)}
};

// Pickles obj into *out. False with an exception pending.
[[nodiscard]] bool pickle_dump(ThreadState& ts, Value obj, const PickleDumpOptions& options,
                               std::string* out);

struct PickleLoadOptions {
    bool fix_imports = true;
    std::string encoding = "ASCII";  // for Python 2 str (STRING opcodes); "bytes" keeps bytes
    std::string errors = "strict";
    Value find_class;       // callable(module, name); null: the default lookup
    Value persistent_load;  // callable(pid); null: persistent ids are an error
    Value buffers;          // iterator of out-of-band buffers, or null
    Value owner;            // the Unpickler object: its `proto` follows PROTO; may be null
    Value memo;             // an Unpickler's memo kept between loads: {index: obj}
};

// Unpickles from `data` (whole input in memory) or, when `file` is not null,
// from file.read / file.readline, consuming exactly the pickle's bytes.
// New reference, or null with an exception pending.
Value pickle_load(ThreadState& ts, std::string_view data, Value file,
                  const PickleLoadOptions& options);

// Unpickler.find_class's default: import module, look the (dotted) name up,
// with the Python 2 name mapping for protocols below 3 if fix_imports.
Value pickle_find_class(ThreadState& ts, Value module, Value name, int proto, bool fix_imports);

// _pickle.PicklingError / UnpicklingError of this interpreter (borrowed).
TypeObject* pickling_error(ThreadState& ts);
TypeObject* unpickling_error(ThreadState& ts);

}  // namespace gilt
