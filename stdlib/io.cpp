// The io module, the standard streams and their flushing at exit.
#include "stdlib/io.hpp"

#include <unistd.h>

#include <cstdlib>

#include "interp/vm/import.hpp"
#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/module.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "stdlib/file.hpp"

namespace gilt {

namespace {

// io.UnsupportedOperation derives from OSError and ValueError, as in CPython.
Value make_unsupported_operation(ThreadState& ts) {
    Ref name(make_str(ts, "UnsupportedOperation"));
    Ref ns(dict_new(ts));
    Ref mod(make_str(ts, "io"));
    if (!name || !ns || !mod || !dict_set(ts, *ns, ts.names().__module__, *mod)) return Value();
    const ExceptionTypes& e = ts.exc_types();
    Ref bases(tuple_pack(ts, {val(e.OSError), val(e.ValueError)}));
    if (!bases) return Value();
    Value cls = type_new_class(ts, ts.types().type, *name, *bases, *ns);
    if (!cls.is_null()) return cls;
    // A runtime that cannot yet combine two exception bases gets the OSError half.
    clear_exception(ts);
    Ref single(tuple_pack(ts, {val(e.OSError)}));
    if (!single) return Value();
    return type_new_class(ts, ts.types().type, *name, *single, *ns);
}

// io.IOBase, RawIOBase, BufferedIOBase and TextIOBase are written in Python
// (stdlib/lib/_iobase.py, with abc under them). Few programs name them, and
// every process imports io, so they are loaded on first use (PEP 562: the
// module's __getattr__), then stored in io's namespace like any attribute.
constexpr const char* kPythonBases[] = {"IOBase", "RawIOBase", "BufferedIOBase", "TextIOBase"};

Value io_getattr(ThreadState& ts, Args args) {
    if (args.n != 1 || !is_str(ts, args[0]))
        return raise(ts, ts.exc_types().TypeError, "__getattr__ expects one str");
    std::string_view name = str_view(args[0]);
    bool known = false;
    for (const char* base : kPythonBases) known = known || name == base;
    if (!known) {
        return raise_fmt(ts, ts.exc_types().AttributeError, "module 'io' has no attribute '{}'",
                         name);
    }
    Ref bases(import_by_name(ts, "_iobase"));
    if (!bases) return Value();
    Value modules = ts.interp().modules;
    for (const char* mod_name : {"io", "_io"}) {
        Value mod = modules.is_null() ? Value() : dict_get_cstr(ts, modules, mod_name);
        if (mod.is_null() || type_of(ts, mod) != ts.types().module) continue;
        for (const char* base : kPythonBases) {
            Ref cls(obj_getattr_cstr(ts, *bases, base));
            if (!cls || !module_add_value(ts, mod, base, *cls)) return Value();
        }
    }
    return obj_getattr(ts, *bases, args[0]);
}

constexpr MethodDef kIoFunctions[] = {
    {"__getattr__", io_getattr},
};

}  // namespace

void init_io_types(Interpreter& interp) {
    IoTypes& types = io_types(interp);
    if (types.text) return;
    define_file_types(interp, types);
    define_memory_io_types(interp, types);
    ThreadState& ts = interp.main_thread();
    types.unsupported_operation = make_unsupported_operation(ts);
    if (types.unsupported_operation.is_null()) clear_exception(ts);
}

Value make_std_stream(ThreadState& ts, int fd) {
    static const char* const kNames[] = {"<stdin>", "<stdout>", "<stderr>"};
    Ref name(make_str(ts, kNames[fd]));
    Ref mode(make_str(ts, fd == 0 ? "r" : "w"));
    if (!name || !mode) return Value();
    Value s = file_from_fd(ts, fd, *name, *mode, false, fd == 0, fd != 0);
    if (s.is_null()) return s;
    FileObject* f = file_obj(s);
    f->closefd = false;
    set_ref(f->encoding, ts.interp().intern("utf-8"));
    if (fd == 2) set_ref(f->errors, ts.interp().intern("backslashreplace"));
    f->sink = fd == 1 ? FileSink::Stdout : fd == 2 ? FileSink::Stderr : FileSink::Fd;
    f->line_buffering = fd == 1 && ::isatty(1) == 1;
    // PYTHONUNBUFFERED makes stdout write through, as in CPython (-u).
    const char* unbuffered = std::getenv("PYTHONUNBUFFERED");
    f->write_through = fd == 2 || (fd == 1 && unbuffered && *unbuffered);
    return s;
}

void flush_std_streams(ThreadState& ts) {
    Value sys = ts.interp().sys;
    if (sys.is_null()) return;
    Value d = module_dict(sys);
    const char* const names[] = {"stdout", "stderr", "__stdout__", "__stderr__"};
    for (const char* n : names) {
        Value stream = dict_get_cstr(ts, d, n);
        if (stream.is_null() || stream.is_none()) continue;
        if (is_file_object(stream)) {
            if (!file_obj(stream)->closed && !file_flush(ts, file_obj(stream))) clear_exception(ts);
            continue;
        }
        Ref keep = Ref::borrow(stream);
        Ref r(call_method(ts, *keep, ts.names().flush, {}));
        if (!r) clear_exception(ts);
    }
}

Value init_io_module(ThreadState& ts) {
    Interpreter& interp = ts.interp();
    init_io_types(interp);
    IoTypes& types = io_types(interp);
    Ref m(module_new(ts, "io"));
    if (!m) return Value();
    Value open = dict_get_cstr(ts, interp.builtins, "open");
    struct Entry {
        const char* name;
        Value value;
    };
    const Entry entries[] = {
        {"open", open},
        {"TextIOWrapper", val(types.text)},
        {"BufferedReader", val(types.buffered_reader)},
        {"BufferedWriter", val(types.buffered_writer)},
        {"BufferedRandom", val(types.buffered_random)},
        {"StringIO", val(types.string_io)},
        {"BytesIO", val(types.bytes_io)},
        {"UnsupportedOperation", types.unsupported_operation},
        {"SEEK_SET", Value::small_int(0)},
        {"SEEK_CUR", Value::small_int(1)},
        {"SEEK_END", Value::small_int(2)},
        {"DEFAULT_BUFFER_SIZE", Value::small_int(8192)},
    };
    for (const Entry& e : entries) {
        if (e.value.is_null()) continue;
        if (!module_add_value(ts, *m, e.name, e.value)) return Value();
    }
    if (!module_add_functions(ts, *m, kIoFunctions)) return Value();
    return m.release();
}

}  // namespace gilt
