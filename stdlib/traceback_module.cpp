// _traceback: the interpreter's own exception formatter
// (runtime/exception_print.cpp) for stdlib/lib/traceback.py, so that
// traceback.print_exc() and an uncaught exception print the same text.
#include <climits>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/code.hpp"
#include "runtime/errors.hpp"
#include "runtime/exception.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/module.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "runtime/type.hpp"
#include "stdlib/modules.hpp"

namespace gilt {

namespace {

bool check_exception(ThreadState& ts, Value exc) {
    if (is_exception_instance(ts, exc)) return true;
    raise_fmt(ts, ts.exc_types().TypeError, "Exception expected for value, {} found",
              type_name(ts, exc));
    return false;
}

// format_exception(exc, limit, chain) -> str. limit: None (every entry) or
// an int, >= 0 for the first entries and < 0 for the last ones.
Value tb_format_exception(ThreadState& ts, Args args) {
    Value exc, limit_arg, chain_arg;
    if (!parse_args(ts, args, "format_exception", {"exc", "limit", "chain"},
                    {&exc, &limit_arg, &chain_arg})) {
        return Value();
    }
    if (!check_exception(ts, exc)) return Value();
    long limit = LONG_MAX;
    if (!limit_arg.is_none()) {
        int64_t n;
        if (!obj_index(ts, limit_arg, &n)) return Value();
        limit = n < -LONG_MAX ? -LONG_MAX : static_cast<long>(n);
    }
    int chain = obj_truthy(ts, chain_arg);
    if (chain < 0) return Value();
    return make_str(ts, format_exception(ts, exc, limit, chain != 0));
}

// extract(tb) -> [(filename, lineno, name), ...], outermost first. Stands in
// for walking tb_frame, which gilt does not expose.
Value tb_extract(ThreadState& ts, Args args) {
    Value tb;
    if (!parse_args(ts, args, "extract", {"tb"}, {&tb})) return Value();
    Ref out(list_new(ts));
    if (!out) return Value();
    for (; !tb.is_none() && !tb.is_null(); tb = tb_obj(tb)->next) {
        if (type_of(ts, tb) != ts.types().traceback) {
            return raise_fmt(ts, ts.exc_types().TypeError, "expected a traceback, not {}",
                             type_name(ts, tb));
        }
        const TracebackObject* e = tb_obj(tb);
        Ref file(make_str(ts, e->code.is_null() ? "???" : code_filename(e->code)));
        Ref line(file ? make_int(ts, e->lineno) : Value());
        Ref name(line ? make_str(ts, e->code.is_null() ? "???" : code_name(e->code)) : Value());
        Ref entry(name ? tuple_pack(ts, {*file, *line, *name}) : Value());
        if (!entry || !list_append(ts, *out, *entry)) return Value();
    }
    return out.release();
}

constexpr MethodDef kTracebackFunctions[] = {
    {"extract", tb_extract},
    {"format_exception", tb_format_exception},
};

}  // namespace

Value init_traceback_module(ThreadState& ts) {
    Ref m(module_new(ts, "_traceback"));
    if (!m || !module_add_functions(ts, *m, kTracebackFunctions)) return Value();
    return m.release();
}

}  // namespace gilt
