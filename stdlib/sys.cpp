// The sys module: interpreter configuration and state visible to scripts.
//
// Most attributes are plain values computed once at start-up. The mutable
// per-interpreter settings (recursion limit, the GIL's switch interval, int
// max str digits) live on the Interpreter, and the functions here read and
// write them there, so the runtime never has to look at the module's dict.
#include "stdlib/sys.hpp"

#include <unistd.h>

#include <algorithm>
#include <cfloat>
#include <climits>
#include <memory>
#include <string>

#include "interp/vm/frame.hpp"
#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/exception.hpp"
#include "runtime/float.hpp"
#include "runtime/function.hpp"
#include "runtime/heap.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/module.hpp"
#include "runtime/module_state.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "stdlib/io.hpp"
#include "stdlib/namespace.hpp"
#include "stdlib/structseq.hpp"

#ifndef GILT_VERSION
#define GILT_VERSION "0.1.0"
#endif

namespace gilt {

namespace {

Value sys_exit(ThreadState& ts, Args args);
Value sys_getrecursionlimit(ThreadState& ts, Args args);
Value sys_setrecursionlimit(ThreadState& ts, Args args);
Value sys_getswitchinterval(ThreadState& ts, Args args);
Value sys_setswitchinterval(ThreadState& ts, Args args);
Value sys_exc_info(ThreadState& ts, Args args);
Value sys_exception(ThreadState& ts, Args args);
Value sys_excepthook(ThreadState& ts, Args args);
Value sys_displayhook(ThreadState& ts, Args args);
Value sys_getdefaultencoding(ThreadState& ts, Args args);
Value sys_getfilesystemencodeerrors(ThreadState& ts, Args args);
Value sys_getsizeof(ThreadState& ts, Args args);
Value sys_getrefcount(ThreadState& ts, Args args);
Value sys_intern(ThreadState& ts, Args args);
Value sys_get_int_max_str_digits(ThreadState& ts, Args args);
Value sys_set_int_max_str_digits(ThreadState& ts, Args args);
Value sys_is_finalizing(ThreadState& ts, Args args);
Value sys_gettrace(ThreadState& ts, Args args);
Value sys_getframe(ThreadState& ts, Args args);
Value sys_set_asyncgen_hooks(ThreadState& ts, Args args);
Value sys_get_asyncgen_hooks(ThreadState& ts, Args args);

constexpr MethodDef kSysFunctions[] = {
    {"exit", sys_exit},
    {"getrecursionlimit", sys_getrecursionlimit},
    {"setrecursionlimit", sys_setrecursionlimit},
    {"getswitchinterval", sys_getswitchinterval},
    {"setswitchinterval", sys_setswitchinterval},
    {"exc_info", sys_exc_info},
    {"exception", sys_exception},
    {"excepthook", sys_excepthook},
    {"displayhook", sys_displayhook},
    {"getdefaultencoding", sys_getdefaultencoding},
    {"getfilesystemencoding", sys_getdefaultencoding},
    {"getfilesystemencodeerrors", sys_getfilesystemencodeerrors},
    {"getsizeof", sys_getsizeof},
    {"getrefcount", sys_getrefcount},
    {"intern", sys_intern},
    {"get_int_max_str_digits", sys_get_int_max_str_digits},
    {"set_int_max_str_digits", sys_set_int_max_str_digits},
    {"is_finalizing", sys_is_finalizing},
    {"gettrace", sys_gettrace},
    {"getprofile", sys_gettrace},
    {"_getframe", sys_getframe},
    {"set_asyncgen_hooks", sys_set_asyncgen_hooks},
    {"get_asyncgen_hooks", sys_get_asyncgen_hooks},
};

// sys.set_asyncgen_hooks(firstiter=, finalizer=): per thread (runtime/
// generator.cpp calls them); an argument left out keeps the current hook,
// None removes it. Both are checked before either is set.
Value sys_set_asyncgen_hooks(ThreadState& ts, Args args) {
    Value firstiter, finalizer;
    if (!parse_args(ts, args, "set_asyncgen_hooks", {"|", "firstiter", "finalizer"},
                    {&firstiter, &finalizer}))
        return Value();
    for (auto [v, what] : {std::pair{finalizer, "finalizer"}, std::pair{firstiter, "firstiter"}}) {
        if (!v.is_null() && !v.is_none() && !type_of(ts, v)->call) {
            return raise_fmt(ts, ts.exc_types().TypeError, "callable {} expected, got {}", what,
                             type_name(ts, v));
        }
    }
    if (!finalizer.is_null())
        set_ref(ts.asyncgen_finalizer, finalizer.is_none() ? Value() : new_ref(finalizer));
    if (!firstiter.is_null())
        set_ref(ts.asyncgen_firstiter, firstiter.is_none() ? Value() : new_ref(firstiter));
    return Value::none();
}

Value sys_get_asyncgen_hooks(ThreadState& ts, Args args) {
    static constexpr const char* kFields[] = {"firstiter", "finalizer"};
    if (!check_nargs(ts, args, "get_asyncgen_hooks", 0, 0)) return Value();
    Interpreter& interp = ts.interp();
    TypeObject* t = module_state<TypeObject*>(interp, "sys.asyncgen_hooks", [&](TypeObject*& t) {
        t = make_structseq_type(interp, "builtins", "asyncgen_hooks", kFields);
    });
    Value items[] = {ts.asyncgen_firstiter.is_null() ? Value::none() : ts.asyncgen_firstiter,
                     ts.asyncgen_finalizer.is_null() ? Value::none() : ts.asyncgen_finalizer};
    return structseq_new(ts, t, items);
}

Value sys_exit(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "exit", 0, 1) || !no_kwargs(ts, args, "exit")) return Value();
    Value code = args.n ? args[0] : Value::none();
    Ref exc_args;
    if (code.is_none())
        exc_args = Ref::borrow(ts.interp().empty_tuple);
    else if (is_tuple(ts, code))
        exc_args = Ref::borrow(code);
    else
        exc_args = Ref(tuple_pack(ts, {code}));
    if (!exc_args) return Value();
    Value exc = exception_new(ts, ts.exc_types().SystemExit, *exc_args);
    if (exc.is_null()) return exc;
    return raise_instance(ts, exc);
}

Value sys_getrecursionlimit(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "getrecursionlimit", 0, 0)) return Value();
    return make_int(ts, ts.interp().recursion_limit);
}

Value sys_setrecursionlimit(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "setrecursionlimit", 1, 1)) return Value();
    if (!is_int(args[0])) {
        if (args[0].is_object() && type_of(ts, args[0]) == ts.types().float_) {
            return raise(ts, ts.exc_types().TypeError,
                         "'float' object cannot be interpreted as an integer");
        }
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "'{}' object cannot be interpreted as an integer", type_name(ts, args[0]));
    }
    int64_t n;
    if (!int_to_int64(args[0], &n) || n > INT_MAX) {
        return raise(ts, ts.exc_types().OverflowError, "Python int too large to convert to C int");
    }
    if (n < 1)
        return raise(ts, ts.exc_types().ValueError,
                     "recursion limit must be greater or equal than 1");
    if (n <= ts.py_depth) {
        return raise_fmt(
            ts, ts.exc_types().RecursionError,
            "cannot set the recursion limit to {} at the recursion depth {}: the limit is too low",
            n, ts.py_depth);
    }
    ts.interp().recursion_limit = static_cast<int>(n);
    return Value::none();
}

Value sys_getswitchinterval(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "getswitchinterval", 0, 0)) return Value();
    return make_float(ts, ts.interp().gil.switch_interval());
}

Value sys_setswitchinterval(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "setswitchinterval", 1, 1)) return Value();
    double d;
    if (!obj_as_double(ts, args[0], &d)) return Value();
    if (!ts.interp().gil.set_switch_interval(d)) {
        return raise(ts, ts.exc_types().ValueError, "switch interval must be strictly positive");
    }
    return Value::none();
}

Value exc_traceback(Value exc) {
    Value tb = exc_obj(exc)->traceback;
    return tb.is_null() ? Value::none() : tb;
}

Value sys_exc_info(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "exc_info", 0, 0)) return Value();
    Value e = ts.exc_info;
    if (e.is_null() || e.is_none())
        return tuple_pack(ts, {Value::none(), Value::none(), Value::none()});
    return tuple_pack(ts, {val(type_of(ts, e)), e, exc_traceback(e)});
}

Value sys_exception(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "exception", 0, 0)) return Value();
    return ts.exc_info.is_null() ? Value::none() : new_ref(ts.exc_info);
}

// Writes text to sys.stderr; errors are swallowed (used while reporting
// another error).
void write_stderr(ThreadState& ts, std::string_view text) {
    Value sys = ts.interp().sys;
    Value err = sys.is_null() ? Value() : dict_get_str(module_dict(sys), ts.names().stderr);
    if (err.is_null() || err.is_none()) return;
    Ref stream = Ref::borrow(err);
    Ref s(make_str(ts, text));
    Ref r(s ? call_method(ts, *stream, ts.names().write, {*s}) : Value());
    if (!r) clear_exception(ts);
}

Value sys_excepthook(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "excepthook", 3, 3)) return Value();
    Value value = args[1];
    if (is_exception_instance(ts, value)) {
        print_exception(ts, value);
    } else {
        write_stderr(
            ts,
            fmt::format("TypeError: print_exception(): Exception expected for value, {} found\n",
                        type_name(ts, value)));
    }
    return Value::none();
}

Value sys_displayhook(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "displayhook", 1, 1)) return Value();
    Value v = args[0];
    if (v.is_none()) return Value::none();
    Value underscore_key = ts.interp().one_char_strs['_'];
    if (!dict_set(ts, ts.interp().builtins, underscore_key, Value::none())) return Value();
    Value out = dict_get_str(module_dict(ts.interp().sys), ts.names().stdout);
    if (out.is_null() || out.is_none())
        return raise(ts, ts.exc_types().RuntimeError, "lost sys.stdout");
    Ref stream = Ref::borrow(out);
    Ref text(obj_repr(ts, v));
    if (!text) return Value();
    Ref r1(call_method(ts, *stream, ts.names().write, {*text}));
    if (!r1) return Value();
    Ref r2(call_method(ts, *stream, ts.names().write, {ts.interp().one_char_strs['\n']}));
    if (!r2) return Value();
    if (!dict_set(ts, ts.interp().builtins, underscore_key, v)) return Value();
    return Value::none();
}

Value sys_getdefaultencoding(ThreadState& ts, Args) {
    return make_str(ts, "utf-8");
}
Value sys_getfilesystemencodeerrors(ThreadState& ts, Args) {
    return make_str(ts, "surrogateescape");
}

Value sys_getsizeof(ThreadState& ts, Args args) {
    Value obj, dflt;
    if (!parse_args(ts, args, "getsizeof", {"object", "|", "default"}, {&obj, &dflt}))
        return Value();
    Ref size(call_special(ts, obj, ts.names().__sizeof__, {}));
    if (!size) {
        if (dflt.is_null() || !exception_matches(ts, ts.exc_types().TypeError)) return Value();
        clear_exception(ts);
        return new_ref(dflt);
    }
    int64_t n;
    if (!int_as_int64(ts, *size, &n)) return Value();
    if (n < 0) return raise(ts, ts.exc_types().ValueError, "__sizeof__() should return >= 0");
    if (obj.is_object() && (obj.as_object()->flags & kObjGcTracked)) n += 16;
    return make_int(ts, n);
}

Value sys_getrefcount(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "getrefcount", 1, 1)) return Value();
    Value v = args[0];
    return make_int(ts,
                    v.is_object() ? static_cast<int64_t>(v.as_object()->refcnt) + 1 : 1000000000);
}

Value sys_intern(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "intern", 1, 1)) return Value();
    Value s = args[0];
    if (!is_str(ts, s)) {
        return raise_fmt(ts, ts.exc_types().TypeError, "intern() argument must be str, not {}",
                         type_name(ts, s));
    }
    if (!is_exact_str(ts, s))
        return raise_fmt(ts, ts.exc_types().TypeError, "can't intern {}", type_name(ts, s));
    return ts.interp().intern_steal(new_ref(s));
}

Value sys_get_int_max_str_digits(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "get_int_max_str_digits", 0, 0)) return Value();
    return make_int(ts, int_max_str_digits(ts));
}

Value sys_set_int_max_str_digits(ThreadState& ts, Args args) {
    Value v;
    if (!parse_args(ts, args, "set_int_max_str_digits", {"maxdigits"}, {&v})) return Value();
    int64_t n;
    if (!obj_index(ts, v, &n)) return Value();
    if (n != 0 && n < kIntMaxStrDigitsThreshold) {
        return raise_fmt(ts, ts.exc_types().ValueError, "maxdigits must be 0 or larger than {}",
                         kIntMaxStrDigitsThreshold);
    }
    if (n > INT_MAX)
        return raise(ts, ts.exc_types().OverflowError, "Python int too large to convert to C int");
    set_int_max_str_digits(ts, static_cast<int>(n));
    return Value::none();
}

// --- _getframe ---

// The locals of a frame, taken now: the namespace itself for module and
// class bodies; for functions the bound (name, value) pairs of the fast
// locals and cells, flat in a tuple. The dict f_locals shows is built from
// that tuple on first access (locals_dict below): most callers (logging's
// findCaller, once per record, walks f_back and reads f_code) never ask, and
// a tuple of references costs a fraction of a dict's hashing and inserts.
Value frame_locals_pairs(ThreadState& ts, Frame* f) {
    if (!f->locals.is_null()) return new_ref(f->locals);
    if (!(f->code->flags & kCodeOptimized)) return new_ref(f->globals);
    CodeObject* co = f->code;
    Value* lp = f->localsplus();
    auto value_at = [&](std::size_t i) -> Value {
        if (i < static_cast<std::size_t>(co->nlocals)) return lp[i];
        Value cell = lp[i];
        return cell.is_null() ? Value() : cell_get(cell);
    };
    std::size_t total = static_cast<std::size_t>(co->nlocals) + co->cellvars.size();
    std::size_t bound = 0;
    for (std::size_t i = 0; i < total; ++i) bound += value_at(i).is_null() ? 0 : 1;
    Ref pairs(tuple_new(ts, 2 * bound));
    if (!pairs) return Value();
    Value* out = tuple_obj(*pairs)->items;
    for (std::size_t i = 0; i < total; ++i) {
        Value v = value_at(i);
        if (v.is_null()) continue;
        Value name = i < static_cast<std::size_t>(co->nlocals) ? co->varnames[i]
                                                               : co->cellvars[i - co->nlocals];
        *out++ = new_ref(name);
        *out++ = new_ref(v);
    }
    return pairs.release();
}

// The f_locals dict of pairs taken by frame_locals_pairs (a new reference).
Value locals_dict(ThreadState& ts, Value pairs) {
    Ref d(dict_new_presized(ts, tuple_size(pairs) / 2));
    if (!d) return Value();
    for (uint64_t i = 0; i + 1 < tuple_size(pairs); i += 2)
        if (!dict_set(ts, *d, tuple_item(pairs, i), tuple_item(pairs, i + 1))) return Value();
    return d.release();
}

// Frames are not Python objects in gilt: sys._getframe() returns a snapshot
// with the attributes scripts read (f_globals, f_builtins, f_locals, f_code,
// f_lineno, f_back), taken when called. The snapshot is a small object of
// the type `frame` with those six fields, so a caller such as logging's
// findCaller (once per record) pays for a few allocations per frame, not
// for a dict of attributes. Deep chains are cut at kMaxFrames.
// A frame being torn down (frame_clear has started: its code is gone) is
// skipped: a decref there can run Python code (a never-awaited coroutine's
// warning) that asks for the stack.
Frame* live_frame(Frame* f) {
    while (f && !f->code) f = f->previous;
    return f;
}

struct FrameSnapshot {
    Object hdr;
    Value fields[6];  // owned, in the order of kFrameFields
};
constexpr const char* kFrameFields[] = {"f_globals", "f_builtins", "f_locals",
                                        "f_code",    "f_lineno",   "f_back"};

FrameSnapshot* snapshot_obj(Object* o) {
    return reinterpret_cast<FrameSnapshot*>(o);
}
void snapshot_traverse(Object* o, VisitFn visit, void* arg) {
    for (Value v : snapshot_obj(o)->fields)
        if (!v.is_null()) visit(v, arg);
}
void snapshot_clear(Object* o) {
    for (Value& v : snapshot_obj(o)->fields) clear_ref(v);
}
void snapshot_dealloc(Object* o) {
    snapshot_clear(o);
    free_object(o);
}
template <int I>
Value snapshot_get(ThreadState&, Value self) {
    return new_ref(snapshot_obj(self.as_object())->fields[I]);
}
// f_locals: a function frame's pairs become its dict on first access, and
// that dict is what every later access returns.
template <>
Value snapshot_get<2>(ThreadState& ts, Value self) {
    Value& slot = snapshot_obj(self.as_object())->fields[2];
    if (is_exact_tuple(ts, slot)) {
        Value d = locals_dict(ts, slot);
        if (d.is_null()) return Value();
        set_ref(slot, d);
    }
    return new_ref(slot);
}
constexpr GetSetDef kFrameGetSets[] = {
    {kFrameFields[0], snapshot_get<0>}, {kFrameFields[1], snapshot_get<1>},
    {kFrameFields[2], snapshot_get<2>}, {kFrameFields[3], snapshot_get<3>},
    {kFrameFields[4], snapshot_get<4>}, {kFrameFields[5], snapshot_get<5>},
};

Value snapshot_repr(ThreadState& ts, Value self) {
    const FrameSnapshot* snap = snapshot_obj(self.as_object());
    auto* co = reinterpret_cast<CodeObject*>(snap->fields[3].as_object());
    int64_t line = snap->fields[4].is_small_int() ? snap->fields[4].as_small_int() : 0;
    return make_str(ts, fmt::format("<frame at {}, file '{}', line {}, code {}>",
                                    static_cast<const void*>(snap), code_filename(snap->fields[3]),
                                    line, str_view(co->name)));
}

TypeObject* frame_type(Interpreter& interp) {
    return module_state<TypeObject*>(interp, "sys.frame", [&](TypeObject*& t) {
        t = type_alloc_builtin(interp, "frame", ObjKind::Native, sizeof(FrameSnapshot),
                               interp.types.object, kTypeHasGc);
        t->hdr.type = interp.types.type;
        t->dealloc = snapshot_dealloc;
        t->traverse = snapshot_traverse;
        t->clear = snapshot_clear;
        t->repr = snapshot_repr;
        type_add_getsets(interp, t, kFrameGetSets);
        type_ready(interp, t);
    });
}

Value frame_snapshot(ThreadState& ts, Frame* f, int budget) {
    f = live_frame(f);
    if (!f || budget == 0) return Value::none();
    // A budget of 1 never looks at `previous` (a suspended generator's
    // frame has no live caller).
    Ref back(budget > 1 ? frame_snapshot(ts, f->previous, budget - 1) : Value::none());
    Ref locals(back ? frame_locals_pairs(ts, f) : Value());
    Ref lineno(locals ? make_int(ts, f->line()) : Value());
    if (!lineno) return Value();
    auto* snap = alloc_gc<FrameSnapshot>(frame_type(ts.interp()));
    if (!snap) return raise_memory_error(ts);
    Value fields[6] = {new_ref(f->globals),   new_ref(f->builtins), locals.release(),
                       new_ref(val(f->code)), lineno.release(),     back.release()};
    std::copy(std::begin(fields), std::end(fields), snap->fields);
    return val(snap);
}

Value sys_getframe(ThreadState& ts, Args args) {
    constexpr int kMaxFrames = 64;
    if (!check_nargs(ts, args, "_getframe", 0, 1)) return Value();
    int64_t depth = 0;
    if (args.n == 1 && !obj_index(ts, args[0], &depth)) return Value();
    Frame* f = live_frame(ts.frame);
    for (int64_t i = 0; i < depth && f; ++i) f = live_frame(f->previous);
    if (!f || depth < 0)
        return raise(ts, ts.exc_types().ValueError, "call stack is not deep enough");
    return frame_snapshot(ts, f, kMaxFrames);
}

Value sys_is_finalizing(ThreadState&, Args) {
    return Value::false_();
}
Value sys_gettrace(ThreadState&, Args) {
    return Value::none();
}

// --- attribute values ---

Value str_list(ThreadState& ts, const std::vector<std::string>& items) {
    Ref list(list_new(ts, items.size()));
    if (!list) return Value();
    for (const std::string& s : items) {
        Value item = make_str(ts, s);
        if (item.is_null() || !list_append_steal(ts, *list, item)) return Value();
    }
    return list.release();
}

std::string executable_path() {
    char buf[4096];
    ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
    return n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string();
}

Value make_version_info(ThreadState& ts, int major, int minor, int micro, const char* level,
                        int serial) {
    static constexpr const char* kFields[] = {"major", "minor", "micro", "releaselevel", "serial"};
    Interpreter& interp = ts.interp();
    TypeObject* t = module_state<TypeObject*>(interp, "sys.version_info", [&](TypeObject*& t) {
        t = make_structseq_type(interp, "sys", "version_info", kFields);
    });
    return structseq_new_steal(
        ts, t,
        {Value::small_int(major), Value::small_int(minor), Value::small_int(micro),
         make_str(ts, level), Value::small_int(serial)});
}

Value make_float_info(ThreadState& ts) {
    static constexpr const char* kFields[] = {"max",     "max_exp",    "max_10_exp", "min",
                                              "min_exp", "min_10_exp", "dig",        "mant_dig",
                                              "epsilon", "radix",      "rounds"};
    TypeObject* t = make_structseq_type(ts.interp(), "sys", "float_info", kFields);
    return structseq_new_steal(
        ts, t,
        {make_float(ts, DBL_MAX), Value::small_int(DBL_MAX_EXP), Value::small_int(DBL_MAX_10_EXP),
         make_float(ts, DBL_MIN), Value::small_int(DBL_MIN_EXP), Value::small_int(DBL_MIN_10_EXP),
         Value::small_int(DBL_DIG), Value::small_int(DBL_MANT_DIG), make_float(ts, DBL_EPSILON),
         Value::small_int(FLT_RADIX), Value::small_int(1)});
}

Value make_int_info(ThreadState& ts) {
    static constexpr const char* kFields[] = {
        "bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"};
    TypeObject* t = make_structseq_type(ts.interp(), "sys", "int_info", kFields);
    return structseq_new_steal(
        ts, t,
        {Value::small_int(30), Value::small_int(4), Value::small_int(kIntDefaultMaxStrDigits),
         Value::small_int(kIntMaxStrDigitsThreshold)});
}

Value make_hash_info(ThreadState& ts) {
    static constexpr const char* kFields[] = {
        "width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"};
    TypeObject* t = make_structseq_type(ts.interp(), "sys", "hash_info", kFields);
    return structseq_new_steal(
        ts, t,
        {Value::small_int(64), make_int(ts, (int64_t(1) << 61) - 1), Value::small_int(314159),
         Value::small_int(0), Value::small_int(1000003), make_str(ts, "siphash13"),
         Value::small_int(64), Value::small_int(128), Value::small_int(0)});
}

Value make_flags(ThreadState& ts) {
    static constexpr const char* kFields[] = {"debug",
                                              "inspect",
                                              "interactive",
                                              "optimize",
                                              "dont_write_bytecode",
                                              "no_user_site",
                                              "no_site",
                                              "ignore_environment",
                                              "verbose",
                                              "bytes_warning",
                                              "quiet",
                                              "hash_randomization",
                                              "isolated",
                                              "dev_mode",
                                              "utf8_mode",
                                              "warn_default_encoding",
                                              "safe_path",
                                              "int_max_str_digits"};
    TypeObject* t = make_structseq_type(ts.interp(), "sys", "flags", kFields);
    Value z = Value::small_int(0);
    Value interactive = Value::small_int(ts.interp().config().interactive ? 1 : 0);
    return structseq_new_steal(
        ts, t,
        {z, z, interactive, z, Value::small_int(1), z, z, z, z, z, z, Value::small_int(1), z,
         Value::false_(), z, z, Value::false_(), Value::small_int(-1)});
}

Value make_xoptions(ThreadState& ts) {
    Ref d(dict_new(ts));
    if (!d) return Value();
    for (const auto& [name, value] : ts.interp().config().xoptions) {
        Ref k(make_str(ts, name));
        Ref v(value.empty() ? Value::true_() : make_str(ts, value));
        if (!k || !v || !dict_set(ts, *d, *k, *v)) return Value();
    }
    return d.release();
}

Value make_implementation(ThreadState& ts) {
    Ref attrs(dict_new(ts));
    Ref name(make_str(ts, "gilt"));
    Ref version(make_version_info(ts, 0, 1, 0, "alpha", 0));
    Ref hexversion(make_int(ts, 0x000100A0));
    Ref multiarch(make_str(ts, "x86_64-linux-gnu"));
    if (!attrs || !name || !version || !hexversion || !multiarch) return Value();
    if (!dict_set_cstr(ts, *attrs, "name", *name) ||
        !dict_set_cstr(ts, *attrs, "cache_tag", Value::none()) ||
        !dict_set_cstr(ts, *attrs, "version", *version) ||
        !dict_set_cstr(ts, *attrs, "hexversion", *hexversion) ||
        !dict_set_cstr(ts, *attrs, "_multiarch", *multiarch)) {
        return Value();
    }
    return make_namespace(ts, *attrs);
}

Value make_builtin_module_names(ThreadState& ts) {
    std::vector<std::string> names{"builtins", "sys"};
    for (const auto& [name, init] : ts.interp().native_modules) names.push_back(name);
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    Ref list(str_list(ts, names));
    if (!list) return Value();
    return tuple_from_iterable(ts, *list);
}

bool add_streams(ThreadState& ts, Value m) {
    const char* const names[] = {"stdin", "stdout", "stderr"};
    for (int fd = 0; fd < 3; ++fd) {
        Ref s(make_std_stream(ts, fd));
        if (!s || !module_add_value(ts, m, names[fd], *s)) return false;
        std::string dunder = fmt::format("__{}__", names[fd]);
        if (!module_add_value(ts, m, dunder.c_str(), *s)) return false;
    }
    return true;
}

bool add_steal(ThreadState& ts, Value m, const char* name, Value v) {
    return !v.is_null() && module_add_steal(ts, m, name, v);
}

bool add_config_values(ThreadState& ts, Value m) {
    const InterpreterConfig& cfg = ts.interp().config();
    std::vector<std::string> argv = cfg.argv.empty() ? std::vector<std::string>{""} : cfg.argv;
    return add_steal(ts, m, "argv", str_list(ts, argv)) &&
           add_steal(ts, m, "orig_argv", str_list(ts, argv)) &&
           add_steal(ts, m, "path", str_list(ts, cfg.path)) &&
           add_steal(ts, m, "_xoptions", make_xoptions(ts)) &&
           add_steal(ts, m, "executable", make_str(ts, executable_path())) &&
           add_steal(ts, m, "_base_executable", make_str(ts, executable_path())) &&
           add_steal(ts, m, "flags", make_flags(ts)) &&
           add_steal(ts, m, "warnoptions", list_new(ts)) &&
           add_steal(ts, m, "meta_path", list_new(ts)) &&
           add_steal(ts, m, "path_hooks", list_new(ts)) &&
           add_steal(ts, m, "path_importer_cache", dict_new(ts));
}

bool add_version_values(ThreadState& ts, Value m) {
    std::string version = fmt::format("3.11.7 (gilt {}) [GCC {}.{}.{}]", GILT_VERSION, __GNUC__,
                                      __GNUC_MINOR__, __GNUC_PATCHLEVEL__);
    return add_steal(ts, m, "version", make_str(ts, version)) &&
           add_steal(ts, m, "version_info", make_version_info(ts, 3, 11, 7, "final", 0)) &&
           add_steal(ts, m, "hexversion", make_int(ts, 0x030B07F0)) &&
           add_steal(ts, m, "api_version", make_int(ts, 1013)) &&
           add_steal(ts, m, "implementation", make_implementation(ts)) &&
           add_steal(ts, m, "copyright", make_str(ts, "Copyright (c) the gilt authors.")) &&
           add_steal(ts, m, "float_info", make_float_info(ts)) &&
           add_steal(ts, m, "int_info", make_int_info(ts)) &&
           add_steal(ts, m, "hash_info", make_hash_info(ts)) &&
           add_steal(ts, m, "builtin_module_names", make_builtin_module_names(ts));
}

bool add_platform_values(ThreadState& ts, Value m) {
    return add_steal(ts, m, "platform", make_str(ts, "linux")) &&
           add_steal(ts, m, "byteorder", make_str(ts, "little")) &&
           add_steal(ts, m, "maxsize", make_int(ts, INT64_MAX)) &&
           add_steal(ts, m, "maxunicode", make_int(ts, 0x10FFFF)) &&
           add_steal(ts, m, "float_repr_style", make_str(ts, "short")) &&
           add_steal(ts, m, "prefix", make_str(ts, "/usr/local")) &&
           add_steal(ts, m, "exec_prefix", make_str(ts, "/usr/local")) &&
           add_steal(ts, m, "base_prefix", make_str(ts, "/usr/local")) &&
           add_steal(ts, m, "base_exec_prefix", make_str(ts, "/usr/local")) &&
           add_steal(ts, m, "platlibdir", make_str(ts, "lib")) &&
           module_add_value(ts, m, "dont_write_bytecode", Value::true_());
}

// sys.__excepthook__ / __displayhook__ are the original functions.
bool add_hook_aliases(ThreadState& ts, Value m) {
    Value d = module_dict(m);
    Value hook = dict_get_cstr(ts, d, "excepthook");
    Value display = dict_get_cstr(ts, d, "displayhook");
    return module_add_value(ts, m, "__excepthook__", hook) &&
           module_add_value(ts, m, "__displayhook__", display);
}

}  // namespace

Value make_sys_module(ThreadState& ts) {
    Interpreter& interp = ts.interp();
    Ref m(module_new(ts, "sys"));
    if (!m) return Value();
    if (!module_add_functions(ts, *m, kSysFunctions)) return Value();
    // Generators show their frame (gi_frame, cr_frame) as _getframe shows
    // one; the runtime finds the snapshot maker here (runtime/generator.cpp).
    using FrameSnapshotFn = Value (*)(ThreadState&, Frame*, int);
    module_state<FrameSnapshotFn>(interp, "sys.frame_snapshot") = &frame_snapshot;
    if (interp.modules.is_null()) {
        interp.modules = dict_new(ts);
        if (interp.modules.is_null()) return Value();
    }
    if (!module_add_value(ts, *m, "modules", interp.modules) || !add_streams(ts, *m) ||
        !add_config_values(ts, *m) || !add_version_values(ts, *m) || !add_platform_values(ts, *m) ||
        !add_hook_aliases(ts, *m)) {
        return Value();
    }
    return m.release();
}

}  // namespace gilt
