// The builtins that run code or look at the running frame: exec, eval,
// compile, globals, locals, __import__, and exit/quit.
#include <cctype>
#include <string>

#include "interp/compiler/compile.hpp"
#include "interp/compiler/future.hpp"
#include "interp/vm/frame.hpp"
#include "interp/vm/import.hpp"
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
#include "stdlib/builtins.hpp"

namespace gilt {

namespace {

Value builtin_exec(ThreadState& ts, Args args);
Value builtin_eval(ThreadState& ts, Args args);
Value builtin_compile(ThreadState& ts, Args args);
Value builtin_globals(ThreadState& ts, Args args);
Value builtin_locals(ThreadState& ts, Args args);
Value builtin_import(ThreadState& ts, Args args);
Value builtin_exit(ThreadState& ts, Args args);

constexpr MethodDef kExecFunctions[] = {
    {"exec", builtin_exec},       {"eval", builtin_eval},     {"compile", builtin_compile},
    {"globals", builtin_globals}, {"locals", builtin_locals}, {"__import__", builtin_import},
    {"exit", builtin_exit},       {"quit", builtin_exit},
};

// The text of a str / bytes / bytearray source; false (no exception) for
// other types.
bool source_text(ThreadState& ts, Value src, std::string* out) {
    if (is_str(ts, src))
        *out = str_view(src);
    else if (src.is_object() && src.as_object()->kind == ObjKind::Bytes)
        *out = bytes_view(src);
    else if (src.is_object() && src.as_object()->kind == ObjKind::ByteArray)
        *out = bytearray_view(src);
    else
        return false;
    return true;
}

// PEP 263: the encoding a coding declaration on `line` names, or "" (the
// line must hold only a comment; CPython's get_coding_spec).
std::string coding_spec(std::string_view line) {
    std::size_t i = line.find_first_not_of(" \t\f");
    if (i == std::string_view::npos || line[i] != '#') return "";
    for (std::size_t at = line.find("coding", i); at != std::string_view::npos;
         at = line.find("coding", at + 1)) {
        std::size_t t = at + 6;
        if (t >= line.size() || (line[t] != ':' && line[t] != '=')) continue;
        ++t;
        while (t < line.size() && (line[t] == ' ' || line[t] == '\t')) ++t;
        std::size_t begin = t;
        while (t < line.size() && (std::isalnum(static_cast<unsigned char>(line[t])) ||
                                   line[t] == '-' || line[t] == '_' || line[t] == '.'))
            ++t;
        if (t > begin) return std::string(line.substr(begin, t - begin));
    }
    return "";
}

// True for a line that keeps the search for a declaration going (blank or
// only a comment).
bool comment_or_blank(std::string_view line) {
    std::size_t i = line.find_first_not_of(" \t\f\r");
    return i == std::string_view::npos || line[i] == '#';
}

bool is_utf8_name(std::string_view name) {
    std::string n;
    for (char c : name) n += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return n == "utf-8" || n == "utf8" || n.rfind("utf-8-", 0) == 0 || n == "utf_8";
}

// The source of compile/exec/eval given as bytes, made UTF-8 text as
// CPython's tokenizer makes it: a UTF-8 BOM is dropped, a coding
// declaration on one of the first two lines (each ended by a newline)
// decodes the rest. What goes wrong is a SyntaxError on line 0.
bool decode_source_bytes(ThreadState& ts, std::string* text, const std::string& filename) {
    auto fail = [&](const std::string& msg) {
        Ref exc(make_syntax_error(ts, ts.exc_types().SyntaxError, msg, filename, 0, 0, "", 0, 0));
        if (exc) raise_instance(ts, exc.release());
        return false;
    };
    bool bom = text->rfind("\xEF\xBB\xBF", 0) == 0;
    if (bom) text->erase(0, 3);
    std::string_view v = *text;
    std::size_t nl1 = v.find('\n');
    std::string encoding;
    if (nl1 != std::string_view::npos) {
        encoding = coding_spec(v.substr(0, nl1));
        std::size_t nl2 = v.find('\n', nl1 + 1);
        if (encoding.empty() && comment_or_blank(v.substr(0, nl1)) && nl2 != std::string_view::npos)
            encoding = coding_spec(v.substr(nl1 + 1, nl2 - nl1 - 1));
    }
    if (encoding.empty() || is_utf8_name(encoding)) return true;
    if (bom) return fail(fmt::format("encoding problem: {} with BOM", encoding));
    Ref decoded(str_decode(ts, v, encoding, "strict"));
    if (!decoded) {
        Ref exc(fetch_exception(ts));
        Ref msg(obj_str(ts, *exc));
        return msg && fail(std::string(str_view(*msg)));
    }
    *text = str_view(*decoded);
    return true;
}

bool is_code(Value v) {
    return v.is_object() && v.as_object()->kind == ObjKind::Code;
}

// The future features of the code calling exec/eval/compile, which the
// source they compile inherits (as CPython's PyEval_MergeCompilerFlags).
uint32_t caller_future_flags(ThreadState& ts) {
    return ts.frame ? ts.frame->code->flags & kFutureAnnotations : 0;
}

// Compiles a source argument of exec/eval, or returns a code object as is.
Value code_for(ThreadState& ts, Value src, const char* fname, CompileMode mode) {
    if (is_code(src)) return new_ref(src);
    std::string text;
    if (!source_text(ts, src, &text)) {
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "{}() arg 1 must be a string, bytes or code object", fname);
    }
    if (!is_str(ts, src) && !decode_source_bytes(ts, &text, "<string>")) return Value();
    if (text.find('\0') != std::string::npos) {
        return raise(ts, ts.exc_types().SyntaxError,
                     "source code string cannot contain null bytes");
    }
    if (mode == CompileMode::Eval) {
        std::size_t start = text.find_first_not_of(" \t");
        text.erase(0, start == std::string::npos ? text.size() : start);
    }
    return compile_source(ts, text, "<string>", mode, nullptr, caller_future_flags(ts));
}

bool is_mapping(ThreadState& ts, Value v) {
    return type_of(ts, v)->getitem != nullptr;
}

// Resolves exec/eval's globals and locals (new references in *g and *l):
// the caller's namespaces by default, __builtins__ added to a fresh globals
// dict as CPython does.
bool resolve_namespaces(ThreadState& ts, const char* fname, Value globals, Value locals, Ref* g,
                        Ref* l) {
    bool no_globals = globals.is_null() || globals.is_none();
    bool no_locals = locals.is_null() || locals.is_none();
    if (!no_globals && !is_dict(ts, globals)) {
        if (std::string_view(fname) == "exec") {
            raise_fmt(ts, ts.exc_types().TypeError, "exec() globals must be a dict, not {}",
                      type_name(ts, globals));
        } else {
            raise(ts, ts.exc_types().TypeError,
                  is_mapping(ts, globals)
                      ? "globals must be a real dict; try eval(expr, {}, mapping)"
                      : "globals must be a dict");
        }
        return false;
    }
    if (!no_locals && !is_mapping(ts, locals)) {
        if (std::string_view(fname) == "exec") {
            raise_fmt(ts, ts.exc_types().TypeError, "locals must be a mapping or None, not {}",
                      type_name(ts, locals));
        } else {
            raise(ts, ts.exc_types().TypeError, "locals must be a mapping");
        }
        return false;
    }
    if (no_globals) {
        *g = Ref(current_globals(ts));
        if (!*g) return false;
        *l = no_locals ? Ref(current_locals(ts)) : Ref::borrow(locals);
        if (!*l) return false;
    } else {
        *g = Ref::borrow(globals);
        *l = Ref::borrow(no_locals ? globals : locals);
    }
    if (dict_get_str(**g, ts.names().__builtins__).is_null()) {
        if (!dict_set(ts, **g, ts.names().__builtins__, ts.interp().builtins)) return false;
    }
    return true;
}

Value run(ThreadState& ts, Args args, const char* fname, CompileMode mode) {
    Value src, globals, locals;
    if (!parse_args(ts, args, fname, {"/source", "|", "/globals", "/locals"},
                    {&src, &globals, &locals})) {
        return Value();
    }
    Ref g, l;
    if (!resolve_namespaces(ts, fname, globals, locals, &g, &l)) return Value();
    Ref code(code_for(ts, src, fname, mode));
    if (!code) return Value();
    Ref result(exec_code(ts, *code, *g, *l));
    if (!result) return Value();
    return mode == CompileMode::Eval ? result.release() : Value::none();
}

Value builtin_exec(ThreadState& ts, Args args) {
    return run(ts, args, "exec", CompileMode::Exec);
}
Value builtin_eval(ThreadState& ts, Args args) {
    return run(ts, args, "eval", CompileMode::Eval);
}

Value builtin_compile(ThreadState& ts, Args args) {
    Value src, filename, mode, flags, dont_inherit, optimize;
    if (!parse_args(ts, args, "compile",
                    {"source", "filename", "mode", "|", "flags", "dont_inherit", "optimize"},
                    {&src, &filename, &mode, &flags, &dont_inherit, &optimize})) {
        return Value();
    }
    if (!is_str(ts, mode)) {
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "compile() argument 'mode' must be str, not {}", type_name(ts, mode));
    }
    std::string_view m = str_view(mode);
    CompileMode cm;
    if (m == "exec")
        cm = CompileMode::Exec;
    else if (m == "eval")
        cm = CompileMode::Eval;
    else if (m == "single")
        cm = CompileMode::Single;
    else
        return raise(ts, ts.exc_types().ValueError,
                     "compile() mode must be 'exec', 'eval' or 'single'");
    std::string name;
    if (!source_text(ts, filename, &name)) {
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "expected str, bytes or os.PathLike object, not {}",
                         type_name(ts, filename));
    }
    if (is_code(src)) return new_ref(src);
    std::string text;
    if (!source_text(ts, src, &text)) {
        return raise(ts, ts.exc_types().TypeError,
                     "compile() arg 1 must be a string, bytes or AST object");
    }
    if (text.find('\0') != std::string::npos) {
        return raise(ts, ts.exc_types().SyntaxError,
                     "source code string cannot contain null bytes");
    }
    uint32_t future = 0;
    if (!flags.is_null()) {
        int64_t f = 0;
        if (!obj_index(ts, flags, &f)) return Value();
        future = static_cast<uint32_t>(f) & kFutureAnnotations;
    }
    int dont = dont_inherit.is_null() ? 0 : obj_truthy(ts, dont_inherit);
    if (dont < 0) return Value();
    if (!dont) future |= caller_future_flags(ts);
    if (!is_str(ts, src) && !decode_source_bytes(ts, &text, name)) return Value();
    register_source(ts, name, text);
    return compile_source(ts, text, name, cm, nullptr, future);
}

Value builtin_globals(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "globals", 0, 0)) return Value();
    return current_globals(ts);
}

Value builtin_locals(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "locals", 0, 0)) return Value();
    return current_locals(ts);
}

Value builtin_import(ThreadState& ts, Args args) {
    Value name, globals, locals, fromlist, level;
    if (!parse_args(ts, args, "__import__", {"name", "|", "globals", "locals", "fromlist", "level"},
                    {&name, &globals, &locals, &fromlist, &level})) {
        return Value();
    }
    if (!is_str(ts, name)) {
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "__import__() argument 1 must be str, not {}", type_name(ts, name));
    }
    int64_t lvl = 0;
    if (!level.is_null() && !int_as_int64(ts, level, &lvl)) return Value();
    if (lvl < 0) return raise(ts, ts.exc_types().ValueError, "level must be >= 0");
    if (lvl == 0 && str_len(name) == 0)
        return raise(ts, ts.exc_types().ValueError, "Empty module name");
    Value g = globals.is_null() ? Value::none() : globals;
    Value f = fromlist.is_null() ? ts.interp().empty_tuple : fromlist;
    return import_module(ts, name, g, f, static_cast<int>(lvl));
}

// exit(code=None) / quit(code=None): the site module's Quitter, minus the
// closing of sys.stdin.
Value builtin_exit(ThreadState& ts, Args args) {
    Value code;
    if (!parse_args(ts, args, "exit", {"|", "code"}, {&code})) return Value();
    Ref exc_args(code.is_null() || code.is_none() ? new_ref(ts.interp().empty_tuple)
                                                  : tuple_pack(ts, {code}));
    if (!exc_args) return Value();
    Value exc = exception_new(ts, ts.exc_types().SystemExit, *exc_args);
    if (exc.is_null()) return exc;
    return raise_instance(ts, exc);
}

}  // namespace

bool add_builtin_exec_functions(ThreadState& ts, Value module) {
    return module_add_functions(ts, module, kExecFunctions);
}

}  // namespace gilt
