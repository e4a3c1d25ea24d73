// _pickle: the native half of stdlib/lib/pickle.py. pickle.py holds the
// classes users subclass (Pickler, Unpickler) and passes their overridable
// hooks in here; the work of pickling and unpickling is in pickle_dump.cpp
// and pickle_load.cpp. The exception classes live here so that C++ can
// raise them; their __module__ is `_pickle`, as in CPython.
#include <string>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/bytes.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/exception.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/module.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "runtime/type.hpp"
#include "stdlib/modules.hpp"
#include "stdlib/pickle.hpp"
#include "stdlib/pickle_format.hpp"

namespace gilt {

namespace {

Value pickle_dumps(ThreadState& ts, Args args);
Value pickle_loads(ThreadState& ts, Args args);
Value pickle_load_file(ThreadState& ts, Args args);
Value pickle_find_class_fn(ThreadState& ts, Args args);
Value pickle_builtin_base(ThreadState& ts, Args args);

constexpr MethodDef kPickleFunctions[] = {
    {"dumps", pickle_dumps},
    {"loads", pickle_loads},
    {"load", pickle_load_file},
    {"find_class", pickle_find_class_fn},
    {"_builtin_base", pickle_builtin_base},
};

Value optional(Value v) {
    return v.is_null() || v.is_none() ? Value() : v;
}

bool truth(ThreadState& ts, Value v, bool dflt, bool* out) {
    if (v.is_null()) {
        *out = dflt;
        return true;
    }
    int t = obj_truthy(ts, v);
    *out = t > 0;
    return t >= 0;
}

// dumps(obj, protocol=None, fix_imports=True, persistent_id=None,
//       reducer_override=None, dispatch_table=None, buffer_callback=None,
//       memo=None)
Value pickle_dumps(ThreadState& ts, Args args) {
    Value obj, protocol, fix, pid, override_, table, buffer_cb, memo;
    if (!parse_args(ts, args, "dumps",
                    {"obj", "|", "protocol", "fix_imports", "persistent_id", "reducer_override",
                     "dispatch_table", "buffer_callback", "memo"},
                    {&obj, &protocol, &fix, &pid, &override_, &table, &buffer_cb, &memo}))
        return Value();
    PickleDumpOptions o;
    if (!optional(protocol).is_null()) {
        int64_t p;
        if (!int_as_int64(ts, protocol, &p)) return Value();
        if (p < 0) p = pickle::kHighestProtocol;
        if (p > pickle::kHighestProtocol)
            return raise_fmt(ts, ts.exc_types().ValueError, "pickle protocol must be <= {}",
                             pickle::kHighestProtocol);
        o.protocol = static_cast<int>(p);
    }
    if (!truth(ts, fix, true, &o.fix_imports)) return Value();
    o.persistent_id = optional(pid);
    o.reducer_override = optional(override_);
    o.dispatch_table = optional(table);
    o.buffer_callback = optional(buffer_cb);
    o.memo = optional(memo);
    if (!o.buffer_callback.is_null() && o.protocol < 5)
        return raise(ts, ts.exc_types().ValueError, "buffer_callback needs protocol >= 5");
    std::string out;
    if (!pickle_dump(ts, obj, o, &out)) return Value();
    return make_bytes(ts, out);
}

bool load_options(ThreadState& ts, Value fix, Value encoding, Value errors, Value find_class,
                  Value persistent_load, Value buffers, PickleLoadOptions* o, Ref* buffer_iter) {
    if (!truth(ts, fix, true, &o->fix_imports)) return false;
    if (!optional(encoding).is_null()) {
        if (!is_str(ts, encoding)) {
            raise(ts, ts.exc_types().TypeError, "encoding must be a str");
            return false;
        }
        o->encoding = str_view(encoding);
    }
    if (!optional(errors).is_null()) {
        if (!is_str(ts, errors)) {
            raise(ts, ts.exc_types().TypeError, "errors must be a str");
            return false;
        }
        o->errors = str_view(errors);
    }
    o->find_class = optional(find_class);
    o->persistent_load = optional(persistent_load);
    if (!optional(buffers).is_null()) {
        buffer_iter->reset(obj_iter(ts, buffers));
        if (!*buffer_iter) return false;
        o->buffers = **buffer_iter;
    }
    return true;
}

// loads(data, fix_imports=True, encoding='ASCII', errors='strict',
//       find_class=None, persistent_load=None, buffers=None)
Value pickle_loads(ThreadState& ts, Args args) {
    Value data, fix, encoding, errors, find_class, pload, buffers;
    if (!parse_args(ts, args, "loads",
                    {"data", "|", "fix_imports", "encoding", "errors", "find_class",
                     "persistent_load", "buffers"},
                    {&data, &fix, &encoding, &errors, &find_class, &pload, &buffers}))
        return Value();
    if (is_str(ts, data))
        return raise(ts, ts.exc_types().TypeError, "a bytes-like object is required, not 'str'");
    std::string_view view;
    if (!bytes_like_view(ts, data, &view)) return Value();
    PickleLoadOptions o;
    Ref buffer_iter;
    if (!load_options(ts, fix, encoding, errors, find_class, pload, buffers, &o, &buffer_iter))
        return Value();
    Ref keep = Ref::borrow(data);
    // A bytearray may be resized by code the unpickler calls: work on a copy.
    std::string copy;
    if (is_bytearray(data)) {
        copy.assign(view);
        view = copy;
    }
    return pickle_load(ts, view, Value(), o);
}

// load(file, ..., owner=None, memo=None): as loads, reading file.read / file.readline;
// owner.proto is kept equal to the protocol read so far.
Value pickle_load_file(ThreadState& ts, Args args) {
    Value file, fix, encoding, errors, find_class, pload, buffers, owner, memo;
    if (!parse_args(
            ts, args, "load",
            {"file", "|", "fix_imports", "encoding", "errors", "find_class", "persistent_load",
             "buffers", "owner", "memo"},
            {&file, &fix, &encoding, &errors, &find_class, &pload, &buffers, &owner, &memo}))
        return Value();
    PickleLoadOptions o;
    Ref buffer_iter;
    if (!load_options(ts, fix, encoding, errors, find_class, pload, buffers, &o, &buffer_iter))
        return Value();
    o.owner = optional(owner);
    o.memo = optional(memo);
    Ref keep = Ref::borrow(file);
    return pickle_load(ts, {}, file, o);
}

// find_class(module, name, proto=4, fix_imports=True)
Value pickle_find_class_fn(ThreadState& ts, Args args) {
    Value module, name, proto, fix;
    if (!parse_args(ts, args, "find_class", {"module", "name", "|", "proto", "fix_imports"},
                    {&module, &name, &proto, &fix}))
        return Value();
    int64_t p = pickle::kDefaultProtocol;
    if (!optional(proto).is_null() && !int_as_int64(ts, proto, &p)) return Value();
    bool fix_imports;
    if (!truth(ts, fix, true, &fix_imports)) return Value();
    return pickle_find_class(ts, module, name, static_cast<int>(p), fix_imports);
}

// _builtin_base(cls): the first class of cls's MRO not made by a class
// statement (copyreg._reduce_ex's "base").
Value pickle_builtin_base(ThreadState& ts, Args args) {
    if (args.n != 1 || type_of(ts, args[0]) != ts.types().type) {
        if (args.n != 1 || !type_is_subtype(type_of(ts, args[0]), ts.types().type))
            return raise(ts, ts.exc_types().TypeError, "_builtin_base() needs a class");
    }
    auto* t = as<TypeObject>(args[0]);
    while (t && (t->flags & kTypeHeap)) t = t->base;
    return new_ref(val(t ? t : ts.types().object));
}

TypeObject* error_class(ThreadState& ts, const char* name) {
    Value m = dict_get_cstr(ts, ts.interp().modules, "_pickle");
    Value cls = m.is_null() ? Value() : dict_get_cstr(ts, module_dict(m), name);
    if (cls.is_null() || !is_exception_type(ts, cls)) return ts.exc_types().Exception;
    return as<TypeObject>(cls);
}

}  // namespace

TypeObject* pickling_error(ThreadState& ts) {
    return error_class(ts, "PicklingError");
}
TypeObject* unpickling_error(ThreadState& ts) {
    return error_class(ts, "UnpicklingError");
}

Value init_pickle_module(ThreadState& ts) {
    Ref m(module_new(ts, "_pickle"));
    if (!m || !module_add_functions(ts, *m, kPickleFunctions)) return Value();
    Ref base(make_exception_class(ts, "_pickle", "PickleError", val(ts.exc_types().Exception)));
    if (!base) return Value();
    Ref pickling(make_exception_class(ts, "_pickle", "PicklingError", *base));
    Ref unpickling(make_exception_class(ts, "_pickle", "UnpicklingError", *base));
    if (!pickling || !unpickling || !module_add_value(ts, *m, "PickleError", *base) ||
        !module_add_value(ts, *m, "PicklingError", *pickling) ||
        !module_add_value(ts, *m, "UnpicklingError", *unpickling) ||
        !module_add_steal(ts, *m, "HIGHEST_PROTOCOL", Value::small_int(pickle::kHighestProtocol)) ||
        !module_add_steal(ts, *m, "DEFAULT_PROTOCOL", Value::small_int(pickle::kDefaultProtocol)))
        return Value();
    return m.release();
}

}  // namespace gilt
