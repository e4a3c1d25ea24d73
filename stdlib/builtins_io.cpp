// print(), input() and open().
//
// print() writes straight into the buffer of a native text file (the usual
// sys.stdout) and calls `file.write` only for other objects, so printing in a
// loop costs no Python-level method calls.
#include <string>
#include <vector>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/module.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "runtime/unicode.hpp"
#include "stdlib/builtins.hpp"
#include "stdlib/file.hpp"

namespace gilt {

namespace {

Value builtin_print(ThreadState& ts, Args args);
Value builtin_input(ThreadState& ts, Args args);
Value builtin_open(ThreadState& ts, Args args) {
    return file_open(ts, args);
}

constexpr MethodDef kIoFunctions[] = {
    {"print", builtin_print},
    {"input", builtin_input},
    {"open", builtin_open},
};

// sys.<name>, borrowed; null (with RuntimeError) when it was deleted.
Value sys_stream(ThreadState& ts, Value name, const char* lost_message) {
    Value sys = ts.interp().sys;
    Value s = sys.is_null() ? Value() : dict_get_str(module_dict(sys), name);
    if (s.is_null()) raise(ts, ts.exc_types().RuntimeError, lost_message);
    return s;
}

bool check_sep(ThreadState& ts, Value v, const char* what) {
    if (v.is_null() || v.is_none() || is_str(ts, v)) return true;
    raise_fmt(ts, ts.exc_types().TypeError, "{} must be None or a string, not {}", what,
              type_name(ts, v));
    return false;
}

// A line holding lone surrogates is written piece by piece (each argument,
// separator and end), as CPython's separate write() calls would: each piece
// is encoded under the file's error handler, and the pieces before one that
// fails are written.
Value print_pieces(ThreadState& ts, FileObject* f, std::string_view line,
                   const std::vector<size_t>& starts) {
    for (size_t i = 0; i < starts.size(); ++i) {
        size_t stop = i + 1 < starts.size() ? starts[i + 1] : line.size();
        Ref piece(make_str(ts, line.substr(starts[i], stop - starts[i])));
        if (!piece || !file_write_str(ts, f, *piece)) return Value();
    }
    return Value::none();
}

// The fast path: the whole line is built, then handed to the buffer at once.
// Text converted before a failing str() is still written, as CPython's
// piecewise writes would have done.
Value print_native(ThreadState& ts, FileObject* f, Args args, std::string_view sep,
                   std::string_view end) {
    std::string line;
    std::vector<size_t> starts;  // where each piece begins in line
    for (uint32_t i = 0; i < args.n; ++i) {
        if (i) {
            starts.push_back(line.size());
            line += sep;
        }
        starts.push_back(line.size());
        Value a = args[i];
        if (is_exact_str(ts, a)) {
            line += str_view(a);
            continue;
        }
        Ref s(obj_str(ts, a));
        if (!s) {
            Ref pending(fetch_exception(ts));
            if (!line.empty() && !file_write_text(ts, f, line)) return Value();
            restore_exception(ts, pending.release());
            return Value();
        }
        line += str_view(*s);
    }
    starts.push_back(line.size());
    line += end;
    if (utf8_has_surrogate(line)) return print_pieces(ts, f, line, starts);
    if (!file_write_text(ts, f, line)) return Value();
    return Value::none();
}

Value print_generic(ThreadState& ts, Value file, Args args, Value sep, Value end) {
    Value write = ts.names().write;
    for (uint32_t i = 0; i < args.n; ++i) {
        if (i) {
            Ref r(call_method(ts, file, write, {sep}));
            if (!r) return Value();
        }
        Ref s(obj_str(ts, args[i]));
        if (!s) return Value();
        Ref r(call_method(ts, file, write, {*s}));
        if (!r) return Value();
    }
    Ref r(call_method(ts, file, write, {end}));
    if (!r) return Value();
    return Value::none();
}

Value builtin_print(ThreadState& ts, Args args) {
    Value sep, end, file, flush;
    if (!take_keywords(ts, args, "print", {"sep", "end", "file", "flush"},
                       {&sep, &end, &file, &flush})) {
        return Value();
    }
    if (!check_sep(ts, sep, "sep") || !check_sep(ts, end, "end")) return Value();
    if (file.is_null() || file.is_none()) {
        file = sys_stream(ts, ts.names().stdout, "lost sys.stdout");
        if (file.is_null()) return Value();
        if (file.is_none()) return Value::none();
    }
    Ref keep = Ref::borrow(file);
    Interpreter& interp = ts.interp();
    Value sep_v = sep.is_null() || sep.is_none() ? interp.one_char_strs[' '] : sep;
    Value end_v = end.is_null() || end.is_none() ? interp.one_char_strs['\n'] : end;
    Args pos{args.v, args.n, nullptr};
    bool native = is_file_object(file) && !file_obj(file)->binary &&
                  file_obj(file)->enc == FileEncoding::Utf8;
    Ref r(native ? print_native(ts, file_obj(file), pos, str_view(sep_v), str_view(end_v))
                 : print_generic(ts, file, pos, sep_v, end_v));
    if (!r) return Value();
    if (!flush.is_null()) {
        int t = obj_truthy(ts, flush);
        if (t < 0) return Value();
        if (t) {
            Ref f(call_method(ts, file, ts.names().flush, {}));
            if (!f) return Value();
        }
    }
    return Value::none();
}

Value builtin_input(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "input", 0, 1) || !no_kwargs(ts, args, "input")) return Value();
    Value in = sys_stream(ts, ts.names().stdin, "input(): lost sys.stdin");
    if (in.is_null()) return Value();
    Value out = sys_stream(ts, ts.names().stdout, "input(): lost sys.stdout");
    if (out.is_null()) return Value();
    Ref stdin_ref = Ref::borrow(in), stdout_ref = Ref::borrow(out);
    Value err = dict_get_str(module_dict(ts.interp().sys), ts.names().stderr);
    if (!err.is_null() && !err.is_none()) {
        Ref keep = Ref::borrow(err);
        Ref r(call_method(ts, err, ts.names().flush, {}));
        if (!r) clear_exception(ts);
    }
    if (args.n == 1 && !out.is_none()) {
        Ref prompt(obj_str(ts, args[0]));
        if (!prompt) return Value();
        Ref w(call_method(ts, out, ts.names().write, {*prompt}));
        if (!w) return Value();
    }
    if (!out.is_none()) {
        Ref f(call_method(ts, out, ts.names().flush, {}));
        if (!f) clear_exception(ts);
    }
    if (in.is_none()) return raise(ts, ts.exc_types().RuntimeError, "input(): lost sys.stdin");
    Ref line(call_method(ts, in, ts.names().readline, {}));
    if (!line) return Value();
    if (!is_str(ts, *line))
        return raise(ts, ts.exc_types().TypeError, "object.readline() returned non-string");
    std::string_view s = str_view(*line);
    if (s.empty()) return raise(ts, ts.exc_types().EOFError, "EOF when reading a line");
    if (s.back() == '\n') return make_str(ts, s.substr(0, s.size() - 1));
    return line.release();
}

}  // namespace

bool take_keywords(ThreadState& ts, Args args, std::string_view fname,
                   std::initializer_list<std::string_view> names,
                   std::initializer_list<Value*> out) {
    for (Value* o : out) *o = Value();
    uint32_t nk = args.kw_count();
    for (uint32_t i = 0; i < nk; ++i) {
        std::string_view key = str_view(args.kwnames->items[i]);
        std::size_t j = 0;
        for (std::string_view n : names) {
            if (n == key) break;
            ++j;
        }
        if (j == names.size()) {
            raise_fmt(ts, ts.exc_types().TypeError, "'{}' is an invalid keyword argument for {}()",
                      key, fname);
            return false;
        }
        *out.begin()[j] = args.v[args.n + i];
    }
    return true;
}

bool add_builtin_io_functions(ThreadState& ts, Value module) {
    return module_add_functions(ts, module, kIoFunctions);
}

}  // namespace gilt
