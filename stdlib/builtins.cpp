// The builtins module and the start-up step that creates it and sys.
//
// init_builtins_and_sys runs at the end of the Interpreter constructor, when
// every builtin type and exception type is ready: it fills the builtins
// module (types, exceptions, constants, functions from builtins_*.cpp),
// registers the native modules, creates the io types and the sys module, and
// seeds sys.modules with both. A failure here leaves no usable interpreter,
// so it stops the process with a message instead of raising.
#include <cstdio>
#include <cstdlib>

#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/exception.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/module.hpp"
#include "runtime/type_registry.hpp"
#include "stdlib/builtins.hpp"
#include "stdlib/io.hpp"
#include "stdlib/registry.hpp"
#include "stdlib/sys.hpp"

namespace gilt {

namespace {

[[noreturn]] void startup_failure(ThreadState& ts, const char* what) {
    std::string detail;
    if (ts.has_exception()) {
        Ref exc(fetch_exception(ts));
        detail = format_exception_only(ts, *exc);
    }
    std::fprintf(stderr, "gilt: fatal error during start-up: %s%s%s\n", what,
                 detail.empty() ? "" : ": ", detail.c_str());
    std::abort();
}

bool add_types(ThreadState& ts, Value m) {
    const BuiltinTypes& t = ts.types();
    struct Entry {
        const char* name;
        TypeObject* type;
    };
    const Entry entries[] = {
        {"object", t.object},
        {"type", t.type},
        {"int", t.int_},
        {"bool", t.bool_},
        {"float", t.float_},
        {"complex", t.complex},
        {"str", t.str},
        {"bytes", t.bytes},
        {"bytearray", t.bytearray},
        {"memoryview", t.memoryview},
        {"list", t.list},
        {"tuple", t.tuple},
        {"dict", t.dict},
        {"set", t.set},
        {"frozenset", t.frozenset},
        {"range", t.range},
        {"slice", t.slice},
        {"property", t.property},
        {"classmethod", t.classmethod},
        {"staticmethod", t.staticmethod},
        {"super", t.super},
        {"enumerate", t.enumerate},
        {"zip", t.zip},
        {"map", t.map},
        {"filter", t.filter},
        {"reversed", t.reversed},
    };
    for (const Entry& e : entries) {
        if (!module_add_value(ts, m, e.name, val(e.type))) return false;
    }
    return true;
}

bool add_exceptions(ThreadState& ts, Value m) {
    const ExceptionTypes& e = ts.exc_types();
#define GILT_ADD_EXC(name, base) \
    if (!module_add_value(ts, m, #name, val(e.name))) return false;
    GILT_EXCEPTION_TYPES(GILT_ADD_EXC)
#undef GILT_ADD_EXC
    return module_add_value(ts, m, "EnvironmentError", val(e.OSError)) &&
           module_add_value(ts, m, "IOError", val(e.OSError));
}

bool add_constants(ThreadState& ts, Value m) {
    return module_add_value(ts, m, "None", Value::none()) &&
           module_add_value(ts, m, "True", Value::true_()) &&
           module_add_value(ts, m, "False", Value::false_()) &&
           module_add_value(ts, m, "Ellipsis", Value::ellipsis()) &&
           module_add_value(ts, m, "NotImplemented", Value::not_implemented()) &&
           module_add_value(ts, m, "__debug__", Value::true_());
}

Value make_builtins_module(ThreadState& ts) {
    Ref m(module_new(ts, "builtins"));
    if (!m) return Value();
    if (!add_types(ts, *m) || !add_exceptions(ts, *m) || !add_constants(ts, *m) ||
        !add_builtin_io_functions(ts, *m) || !add_builtin_numeric_functions(ts, *m) ||
        !add_builtin_object_functions(ts, *m) || !add_builtin_exec_functions(ts, *m) ||
        !add_builtin_async_functions(ts, *m)) {
        return Value();
    }
    return m.release();
}

}  // namespace

void init_builtins_and_sys(Interpreter& interp) {
    ThreadState& ts = interp.main_thread();
    Ref builtins(make_builtins_module(ts));
    if (!builtins) startup_failure(ts, "cannot create the builtins module");
    interp.builtins = new_ref(module_dict(*builtins));
    interp.import_func = new_ref(dict_get_cstr(ts, interp.builtins, "__import__"));
    register_native_modules(interp);
    init_io_types(interp);
    Value sys = make_sys_module(ts);
    if (sys.is_null()) startup_failure(ts, "cannot create the sys module");
    interp.sys = sys;
    if (!dict_set_cstr(ts, interp.modules, "builtins", *builtins) ||
        !dict_set_cstr(ts, interp.modules, "sys", sys)) {
        startup_failure(ts, "cannot fill sys.modules");
    }
}

}  // namespace gilt
