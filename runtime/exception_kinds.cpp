// The builtin exceptions that need more than BaseException: their extra
// fields (exposed as attributes, as CPython's members), their __init__
// and __str__. Each follows the same-named function in CPython 3.11's
// Objects/exceptions.c; the messages are CPython's.
#include <cerrno>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/bytes.hpp"
#include "runtime/errors.hpp"
#include "runtime/exception_group.hpp"
#include "runtime/exception_kinds.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"

namespace gilt {

namespace {

// A member attribute over an owned Value field: reads None when unset,
// stores anything, deletion unsets.
template <class T, Value T::*Field>
Value member_get(ThreadState&, Value self) {
    Value v = reinterpret_cast<T*>(self.as_object())->*Field;
    return v.is_null() ? Value::none() : new_ref(v);
}
template <class T, Value T::*Field>
int member_set(ThreadState&, Value self, Value value) {
    set_ref(reinterpret_cast<T*>(self.as_object())->*Field, new_ref(value));
    return 0;
}
template <class T, Value T::*Field>
constexpr GetSetDef member(const char* name) {
    return GetSetDef{name, member_get<T, Field>, member_set<T, Field>};
}

template <class T>
T* as_kind(Value v) noexcept {
    return reinterpret_cast<T*>(v.as_object());
}

// The keyword arguments of a call, as a call with no positional ones.
Args keywords_only(Args a) {
    return Args{a.v + a.n, 0, a.kwnames};
}

// BaseException.__init__ without its keyword check (for the kinds that
// take keywords of their own).
bool base_init_positional(ThreadState& ts, Value self, Args args) {
    return exception_store_args(ts, self, Args{args.v, args.n, nullptr});
}

Value first_arg_or_none(Value args) {
    return (!args.is_null() && tuple_size(args) > 0) ? tuple_item(args, 0) : Value::none();
}

// ===================== StopIteration, SystemExit, KeyError =====================

constexpr GetSetDef kStopIterationGetSets[] = {
    member<StopIterationObject, &StopIterationObject::value>("value"),
};

int stop_iteration_init(ThreadState& ts, Value self, Args args) {
    if (exception_base_init(ts, self, args) < 0) return -1;
    set_ref(as_kind<StopIterationObject>(self)->value,
            new_ref(args.n > 0 ? args[0] : Value::none()));
    return 0;
}

void setup_stop_iteration(Interpreter& interp, TypeObject* t) {
    t->init = stop_iteration_init;
    type_add_getsets(interp, t, kStopIterationGetSets);
}

constexpr GetSetDef kSystemExitGetSets[] = {
    member<SystemExitObject, &SystemExitObject::code>("code"),
};

// code: None for no argument, the argument, or the args tuple for several.
int system_exit_init(ThreadState& ts, Value self, Args args) {
    if (exception_base_init(ts, self, args) < 0) return -1;
    if (args.n == 0) return 0;
    Value code = args.n == 1 ? args[0] : exc_obj(self)->args;
    set_ref(as_kind<SystemExitObject>(self)->code, new_ref(code));
    return 0;
}

void setup_system_exit(Interpreter& interp, TypeObject* t) {
    t->init = system_exit_init;
    type_add_getsets(interp, t, kSystemExitGetSets);
}

// KeyError('k') shows the key's repr: str(KeyError('')) is "''".
Value key_error_str(ThreadState& ts, Value self) {
    Value args = exc_obj(self)->args;
    if (!args.is_null() && tuple_size(args) == 1) return obj_repr(ts, tuple_item(args, 0));
    return exception_base_str(ts, self);
}

void setup_key_error(Interpreter&, TypeObject* t) {
    t->str = key_error_str;
}

// ===================== ImportError, AttributeError, NameError =====================

constexpr GetSetDef kImportErrorGetSets[] = {
    member<ImportErrorObject, &ImportErrorObject::msg>("msg"),
    member<ImportErrorObject, &ImportErrorObject::name>("name"),
    member<ImportErrorObject, &ImportErrorObject::path>("path"),
};

int import_error_init(ThreadState& ts, Value self, Args args) {
    if (!base_init_positional(ts, self, args)) return -1;
    Value name, path;
    if (!parse_args(ts, keywords_only(args), "ImportError", {"|", "$name", "$path"},
                    {&name, &path}))
        return -1;
    ImportErrorObject* e = as_kind<ImportErrorObject>(self);
    set_ref(e->name, new_ref(name));
    set_ref(e->path, new_ref(path));
    set_ref(e->msg, new_ref(args.n == 1 ? args[0] : Value()));
    return 0;
}

Value import_error_str(ThreadState& ts, Value self) {
    Value msg = as_kind<ImportErrorObject>(self)->msg;
    if (!msg.is_null() && is_exact_str(ts, msg)) return new_ref(msg);
    return exception_base_str(ts, self);
}

void setup_import_error(Interpreter& interp, TypeObject* t) {
    t->init = import_error_init;
    t->str = import_error_str;
    type_add_getsets(interp, t, kImportErrorGetSets);
}

constexpr GetSetDef kAttributeErrorGetSets[] = {
    member<AttributeErrorObject, &AttributeErrorObject::name>("name"),
    member<AttributeErrorObject, &AttributeErrorObject::obj>("obj"),
};

int attribute_error_init(ThreadState& ts, Value self, Args args) {
    if (!base_init_positional(ts, self, args)) return -1;
    Value name, obj;
    if (!parse_args(ts, keywords_only(args), "AttributeError", {"|", "$name", "$obj"},
                    {&name, &obj}))
        return -1;
    AttributeErrorObject* e = as_kind<AttributeErrorObject>(self);
    set_ref(e->name, new_ref(name));
    set_ref(e->obj, new_ref(obj));
    return 0;
}

void setup_attribute_error(Interpreter& interp, TypeObject* t) {
    t->init = attribute_error_init;
    type_add_getsets(interp, t, kAttributeErrorGetSets);
}

constexpr GetSetDef kNameErrorGetSets[] = {
    member<NameErrorObject, &NameErrorObject::name>("name"),
};

int name_error_init(ThreadState& ts, Value self, Args args) {
    if (!base_init_positional(ts, self, args)) return -1;
    Value name;
    if (!parse_args(ts, keywords_only(args), "NameError", {"|", "$name"}, {&name})) return -1;
    set_ref(as_kind<NameErrorObject>(self)->name, new_ref(name));
    return 0;
}

void setup_name_error(Interpreter& interp, TypeObject* t) {
    t->init = name_error_init;
    type_add_getsets(interp, t, kNameErrorGetSets);
}

// ===================== OSError =====================

// OSError(errno, ...) with one of these errnos makes the subclass instead
// (CPython's errnomap).
struct ErrnoClass {
    int err;
    TypeObject* ExceptionTypes::*type;
};
constexpr ErrnoClass kErrnoClasses[] = {
    {EAGAIN, &ExceptionTypes::BlockingIOError},
    {EALREADY, &ExceptionTypes::BlockingIOError},
    {EINPROGRESS, &ExceptionTypes::BlockingIOError},
    {EWOULDBLOCK, &ExceptionTypes::BlockingIOError},
    {EPIPE, &ExceptionTypes::BrokenPipeError},
    {ESHUTDOWN, &ExceptionTypes::BrokenPipeError},
    {ECHILD, &ExceptionTypes::ChildProcessError},
    {ECONNABORTED, &ExceptionTypes::ConnectionAbortedError},
    {ECONNREFUSED, &ExceptionTypes::ConnectionRefusedError},
    {ECONNRESET, &ExceptionTypes::ConnectionResetError},
    {EEXIST, &ExceptionTypes::FileExistsError},
    {ENOENT, &ExceptionTypes::FileNotFoundError},
    {EISDIR, &ExceptionTypes::IsADirectoryError},
    {ENOTDIR, &ExceptionTypes::NotADirectoryError},
    {EINTR, &ExceptionTypes::InterruptedError},
    {EACCES, &ExceptionTypes::PermissionError},
    {EPERM, &ExceptionTypes::PermissionError},
    {ESRCH, &ExceptionTypes::ProcessLookupError},
    {ETIMEDOUT, &ExceptionTypes::TimeoutError},
};

TypeObject* errno_subclass(ThreadState& ts, Value myerrno) {
    int64_t e;
    if (!int_to_int64(myerrno, &e)) return nullptr;
    for (const ErrnoClass& c : kErrnoClasses)
        if (c.err == e) return ts.exc_types().*c.type;
    return nullptr;
}

Value oserror_new(ThreadState& ts, TypeObject* type, Args args);
int oserror_init(ThreadState& ts, Value self, Args args);

// A subclass that overrides __init__ (and not __new__) parses its
// arguments in __init__; everyone else does it in __new__.
bool oserror_use_init(TypeObject* type) {
    return type->init != oserror_init && type->new_ == oserror_new;
}

struct OSErrorArgs {
    Value myerrno, strerror, filename, filename2;  // borrowed, null if absent
};

// oserror_parse_args: only 2 to 5 arguments mean (errno, strerror,
// filename, winerror, filename2).
OSErrorArgs oserror_parse(Args args) {
    OSErrorArgs p;
    if (args.n < 2 || args.n > 5) return p;
    p.myerrno = args[0];
    p.strerror = args[1];
    if (args.n >= 3) p.filename = args[2];
    if (args.n == 5) p.filename2 = args[4];
    return p;
}

// oserror_init: fills the fields; args keep only (errno, strerror) when a
// filename was given.
bool oserror_fill(ThreadState& ts, Value self, Args args, const OSErrorArgs& p) {
    OSErrorObject* e = as_kind<OSErrorObject>(self);
    Args kept = args;
    if (!p.filename.is_null() && !p.filename.is_none()) {
        if (type_of_object(self) == ts.exc_types().BlockingIOError && is_int(p.filename)) {
            int64_t written;
            if (!obj_index(ts, p.filename, &written)) return false;
            Ref w(make_int(ts, written));
            if (!w) return false;
            set_ref(e->written, w.release());
        } else {
            set_ref(e->filename, new_ref(p.filename));
            if (!p.filename2.is_null() && !p.filename2.is_none())
                set_ref(e->filename2, new_ref(p.filename2));
            if (args.n >= 2 && args.n <= 5) kept.n = 2;
        }
    }
    set_ref(e->myerrno, new_ref(p.myerrno));
    set_ref(e->strerror, new_ref(p.strerror));
    return exception_store_args(ts, self, Args{kept.v, kept.n, nullptr});
}

Value oserror_new(ThreadState& ts, TypeObject* type, Args args) {
    bool parse_here = !oserror_use_init(type);
    OSErrorArgs p;
    if (parse_here) {
        if (!no_kwargs(ts, args, type->name_cstr)) return Value();
        p = oserror_parse(args);
        if (!p.myerrno.is_null() && is_int(p.myerrno) && type == ts.exc_types().OSError) {
            if (TypeObject* sub = errno_subclass(ts, p.myerrno)) type = sub;
        }
    }
    ExceptionObject* e = exception_alloc(type, ts.interp().empty_tuple);
    if (!e) return raise_memory_error(ts);
    Ref self(val(e));
    if (parse_here && !oserror_fill(ts, *self, args, p)) return Value();
    return self.release();
}

int oserror_init(ThreadState& ts, Value self, Args args) {
    TypeObject* type = type_of_object(self);
    if (!oserror_use_init(type)) return 0;  // __new__ did everything
    if (!no_kwargs(ts, args, type->name_cstr)) return -1;
    return oserror_fill(ts, self, args, oserror_parse(args)) ? 0 : -1;
}

// str() of a field for the message: None when unset.
Value str_or_none(ThreadState& ts, Value v) {
    return v.is_null() ? make_str(ts, "None") : obj_str(ts, v);
}

Value oserror_str(ThreadState& ts, Value self) {
    OSErrorObject* e = as_kind<OSErrorObject>(self);
    if (!e->filename.is_null()) {
        Ref no(str_or_none(ts, e->myerrno));
        Ref msg(str_or_none(ts, e->strerror));
        Ref f(obj_repr(ts, e->filename));
        if (!no || !msg || !f) return Value();
        if (e->filename2.is_null()) {
            return make_str(
                ts, fmt::format("[Errno {}] {}: {}", str_view(*no), str_view(*msg), str_view(*f)));
        }
        Ref f2(obj_repr(ts, e->filename2));
        if (!f2) return Value();
        return make_str(ts, fmt::format("[Errno {}] {}: {} -> {}", str_view(*no), str_view(*msg),
                                        str_view(*f), str_view(*f2)));
    }
    if (!e->myerrno.is_null() && !e->strerror.is_null()) {
        Ref no(obj_str(ts, e->myerrno));
        Ref msg(obj_str(ts, e->strerror));
        if (!no || !msg) return Value();
        return make_str(ts, fmt::format("[Errno {}] {}", str_view(*no), str_view(*msg)));
    }
    return exception_base_str(ts, self);
}

Value oserror_get_written(ThreadState& ts, Value self) {
    Value w = as_kind<OSErrorObject>(self)->written;
    if (w.is_null()) return raise(ts, ts.exc_types().AttributeError, "characters_written");
    return new_ref(w);
}

int oserror_set_written(ThreadState& ts, Value self, Value value) {
    OSErrorObject* e = as_kind<OSErrorObject>(self);
    if (value.is_null()) {
        if (e->written.is_null()) {
            raise(ts, ts.exc_types().AttributeError, "characters_written");
            return -1;
        }
        clear_ref(e->written);
        return 0;
    }
    int64_t n;
    if (!obj_index(ts, value, &n)) return -1;
    Value w = make_int(ts, n);
    if (w.is_null()) return -1;
    set_ref(e->written, w);
    return 0;
}

constexpr GetSetDef kOSErrorGetSets[] = {
    member<OSErrorObject, &OSErrorObject::myerrno>("errno"),
    member<OSErrorObject, &OSErrorObject::strerror>("strerror"),
    member<OSErrorObject, &OSErrorObject::filename>("filename"),
    member<OSErrorObject, &OSErrorObject::filename2>("filename2"),
    {"characters_written", oserror_get_written, oserror_set_written},
};

void setup_oserror(Interpreter& interp, TypeObject* t) {
    t->new_ = oserror_new;
    t->init = oserror_init;
    t->str = oserror_str;
    type_add_getsets(interp, t, kOSErrorGetSets);
}

// ===================== SyntaxError =====================

constexpr GetSetDef kSyntaxErrorGetSets[] = {
    member<SyntaxErrorObject, &SyntaxErrorObject::msg>("msg"),
    member<SyntaxErrorObject, &SyntaxErrorObject::filename>("filename"),
    member<SyntaxErrorObject, &SyntaxErrorObject::lineno>("lineno"),
    member<SyntaxErrorObject, &SyntaxErrorObject::offset>("offset"),
    member<SyntaxErrorObject, &SyntaxErrorObject::text>("text"),
    member<SyntaxErrorObject, &SyntaxErrorObject::end_lineno>("end_lineno"),
    member<SyntaxErrorObject, &SyntaxErrorObject::end_offset>("end_offset"),
    member<SyntaxErrorObject, &SyntaxErrorObject::print_file_and_line>("print_file_and_line"),
};

// SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset]))
int syntax_error_init(ThreadState& ts, Value self, Args args) {
    if (exception_base_init(ts, self, args) < 0) return -1;
    SyntaxErrorObject* e = as_kind<SyntaxErrorObject>(self);
    if (args.n >= 1) set_ref(e->msg, new_ref(args[0]));
    if (args.n != 2) return 0;
    Ref info(tuple_from_iterable(ts, args[1]));
    if (!info) return -1;
    uint64_t n = tuple_size(*info);
    if (n < 4 || n > 6) {
        raise_fmt(ts, ts.exc_types().TypeError, "function takes at {} {} arguments ({} given)",
                  n < 4 ? "least" : "most", n < 4 ? 4 : 6, n);
        return -1;
    }
    Value* fields[] = {&e->filename, &e->lineno,     &e->offset,
                       &e->text,     &e->end_lineno, &e->end_offset};
    for (uint64_t i = 0; i < 6; ++i)
        set_ref(*fields[i], i < n ? new_ref(tuple_item(*info, i)) : Value());
    if (n == 5) {
        raise(ts, ts.exc_types().TypeError,
              "end_offset must be provided when end_lineno is provided");
        return -1;
    }
    return 0;
}

// "msg (file.py, line 3)": the file's base name, and the line only when it
// is an exact int.
Value syntax_error_str(ThreadState& ts, Value self) {
    SyntaxErrorObject* e = as_kind<SyntaxErrorObject>(self);
    Ref msg(obj_str(ts, e->msg.is_null() ? Value::none() : e->msg));
    if (!msg) return Value();
    std::string_view file;
    bool have_file = !e->filename.is_null() && is_str(ts, e->filename);
    if (have_file) {
        file = str_view(e->filename);
        std::size_t slash = file.rfind('/');
        if (slash != std::string_view::npos) file = file.substr(slash + 1);
    }
    Value ln = e->lineno;
    bool have_line = !ln.is_null() && (ln.is_small_int() ||
                                       (ln.is_object() && ln.as_object()->type == ts.types().int_));
    if (!have_file && !have_line) return msg.release();
    std::string line = have_line ? int_to_decimal(ln) : std::string();
    if (have_file && have_line)
        return make_str(ts, fmt::format("{} ({}, line {})", str_view(*msg), file, line));
    if (have_file) return make_str(ts, fmt::format("{} ({})", str_view(*msg), file));
    return make_str(ts, fmt::format("{} (line {})", str_view(*msg), line));
}

void setup_syntax_error(Interpreter& interp, TypeObject* t) {
    t->init = syntax_error_init;
    t->str = syntax_error_str;
    type_add_getsets(interp, t, kSyntaxErrorGetSets);
}

// ===================== UnicodeEncodeError / DecodeError / TranslateError =====================

Value unicode_get_index(ThreadState&, Value v) {
    return v.is_null() ? Value::small_int(0) : new_ref(v);
}
template <Value UnicodeErrorObject::*Field>
Value unicode_index_get(ThreadState& ts, Value self) {
    return unicode_get_index(ts, as_kind<UnicodeErrorObject>(self)->*Field);
}
template <Value UnicodeErrorObject::*Field>
int unicode_index_set(ThreadState& ts, Value self, Value value) {
    if (value.is_null()) {
        raise(ts, ts.exc_types().TypeError, "can't delete numeric/char attribute");
        return -1;
    }
    int64_t n;
    if (!obj_index(ts, value, &n)) return -1;
    Value v = make_int(ts, n);
    if (v.is_null()) return -1;
    set_ref(as_kind<UnicodeErrorObject>(self)->*Field, v);
    return 0;
}

constexpr GetSetDef kUnicodeErrorGetSets[] = {
    member<UnicodeErrorObject, &UnicodeErrorObject::encoding>("encoding"),
    member<UnicodeErrorObject, &UnicodeErrorObject::object>("object"),
    {"start", unicode_index_get<&UnicodeErrorObject::start>,
     unicode_index_set<&UnicodeErrorObject::start>},
    {"end", unicode_index_get<&UnicodeErrorObject::end>,
     unicode_index_set<&UnicodeErrorObject::end>},
    member<UnicodeErrorObject, &UnicodeErrorObject::reason>("reason"),
};

// The "UOnnU"-style argument checks of the three constructors.
bool expect_str_arg(ThreadState& ts, Value v, int pos) {
    if (is_str(ts, v)) return true;
    raise_fmt(ts, ts.exc_types().TypeError, "argument {} must be str, not {}", pos,
              type_name(ts, v));
    return false;
}

bool expect_index_arg(ThreadState& ts, Value v, Value* out) {
    int64_t n;
    if (!obj_index(ts, v, &n)) return false;
    *out = make_int(ts, n);
    return !out->is_null();
}

bool expect_nargs(ThreadState& ts, Args args, uint32_t n) {
    if (args.n == n) return true;
    raise_fmt(ts, ts.exc_types().TypeError, "function takes exactly {} arguments ({} given)", n,
              args.n);
    return false;
}

// Stores (encoding, object, start, end, reason); encoding may be null.
bool unicode_store(ThreadState& ts, Value self, Value encoding, Value object, Value start,
                   Value end, Value reason) {
    Value s, e;
    if (!expect_index_arg(ts, start, &s)) return false;
    if (!expect_index_arg(ts, end, &e)) {
        decref(s);
        return false;
    }
    UnicodeErrorObject* u = as_kind<UnicodeErrorObject>(self);
    set_ref(u->encoding, new_ref(encoding));
    set_ref(u->object, new_ref(object));
    set_ref(u->start, s);
    set_ref(u->end, e);
    set_ref(u->reason, new_ref(reason));
    return true;
}

int unicode_encode_init(ThreadState& ts, Value self, Args args) {
    if (exception_base_init(ts, self, args) < 0 || !expect_nargs(ts, args, 5)) return -1;
    if (!expect_str_arg(ts, args[0], 1) || !expect_str_arg(ts, args[1], 2) ||
        !expect_str_arg(ts, args[4], 5))
        return -1;
    return unicode_store(ts, self, args[0], args[1], args[2], args[3], args[4]) ? 0 : -1;
}

int unicode_decode_init(ThreadState& ts, Value self, Args args) {
    if (exception_base_init(ts, self, args) < 0 || !expect_nargs(ts, args, 5)) return -1;
    if (!expect_str_arg(ts, args[0], 1)) return -1;
    std::string_view data;
    if (!bytes_like_view(ts, args[1], &data)) return -1;
    if (!expect_str_arg(ts, args[4], 5)) return -1;
    Ref object(is_bytes(args[1]) ? new_ref(args[1]) : make_bytes(ts, data));
    if (!object) return -1;
    return unicode_store(ts, self, args[0], *object, args[2], args[3], args[4]) ? 0 : -1;
}

int unicode_translate_init(ThreadState& ts, Value self, Args args) {
    if (exception_base_init(ts, self, args) < 0 || !expect_nargs(ts, args, 4)) return -1;
    if (!expect_str_arg(ts, args[0], 1) || !expect_str_arg(ts, args[3], 4)) return -1;
    return unicode_store(ts, self, Value(), args[0], args[1], args[2], args[3]) ? 0 : -1;
}

int64_t index_value(Value v) {
    int64_t n = 0;
    if (!v.is_null()) int_to_int64(v, &n);
    return n;
}

// The code point at character index i of a str (0 <= i < len).
uint32_t codepoint_at(Value s, uint64_t i) {
    std::string_view bytes = str_view(s);
    auto p = reinterpret_cast<const unsigned char*>(bytes.data() + str_byte_offset(s, i));
    if (p[0] < 0x80) return p[0];
    int len = p[0] >= 0xF0 ? 4 : p[0] >= 0xE0 ? 3 : 2;
    uint32_t cp = p[0] & (0xFF >> (len + 1));
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (p[k] & 0x3F);
    return cp;
}

std::string escaped_codepoint(uint32_t cp) {
    if (cp <= 0xFF) return fmt::format("\\x{:02x}", cp);
    if (cp <= 0xFFFF) return fmt::format("\\u{:04x}", cp);
    return fmt::format("\\U{:08x}", cp);
}

// str(encoding) and str(reason): they may have been replaced since.
bool unicode_strs(ThreadState& ts, UnicodeErrorObject* u, Ref* encoding, Ref* reason) {
    *reason = Ref(obj_str(ts, u->reason.is_null() ? Value::none() : u->reason));
    if (!*reason) return false;
    if (encoding) {
        *encoding = Ref(obj_str(ts, u->encoding.is_null() ? Value::none() : u->encoding));
        if (!*encoding) return false;
    }
    return true;
}

Value unicode_encode_str(ThreadState& ts, Value self) {
    UnicodeErrorObject* u = as_kind<UnicodeErrorObject>(self);
    if (u->object.is_null()) return new_ref(ts.interp().empty_str);
    Ref enc, reason;
    if (!unicode_strs(ts, u, &enc, &reason)) return Value();
    int64_t start = index_value(u->start), end = index_value(u->end);
    if (is_str(ts, u->object) && start >= 0 && static_cast<uint64_t>(start) < str_len(u->object) &&
        end == start + 1) {
        return make_str(
            ts, fmt::format("'{}' codec can't encode character '{}' in position {}: {}",
                            str_view(*enc), escaped_codepoint(codepoint_at(u->object, start)),
                            start, str_view(*reason)));
    }
    return make_str(ts, fmt::format("'{}' codec can't encode characters in position {}-{}: {}",
                                    str_view(*enc), start, end - 1, str_view(*reason)));
}

Value unicode_decode_str(ThreadState& ts, Value self) {
    UnicodeErrorObject* u = as_kind<UnicodeErrorObject>(self);
    if (u->object.is_null()) return new_ref(ts.interp().empty_str);
    Ref enc, reason;
    if (!unicode_strs(ts, u, &enc, &reason)) return Value();
    int64_t start = index_value(u->start), end = index_value(u->end);
    if (is_bytes(u->object) && start >= 0 &&
        static_cast<uint64_t>(start) < bytes_view(u->object).size() && end == start + 1) {
        unsigned byte = static_cast<unsigned char>(bytes_view(u->object)[start]);
        return make_str(ts, fmt::format("'{}' codec can't decode byte 0x{:02x} in position {}: {}",
                                        str_view(*enc), byte, start, str_view(*reason)));
    }
    return make_str(ts, fmt::format("'{}' codec can't decode bytes in position {}-{}: {}",
                                    str_view(*enc), start, end - 1, str_view(*reason)));
}

Value unicode_translate_str(ThreadState& ts, Value self) {
    UnicodeErrorObject* u = as_kind<UnicodeErrorObject>(self);
    if (u->object.is_null()) return new_ref(ts.interp().empty_str);
    Ref reason;
    if (!unicode_strs(ts, u, nullptr, &reason)) return Value();
    int64_t start = index_value(u->start), end = index_value(u->end);
    if (is_str(ts, u->object) && start >= 0 && static_cast<uint64_t>(start) < str_len(u->object) &&
        end == start + 1) {
        return make_str(ts, fmt::format("can't translate character '{}' in position {}: {}",
                                        escaped_codepoint(codepoint_at(u->object, start)), start,
                                        str_view(*reason)));
    }
    return make_str(ts, fmt::format("can't translate characters in position {}-{}: {}", start,
                                    end - 1, str_view(*reason)));
}

void setup_unicode_encode(Interpreter& interp, TypeObject* t) {
    t->init = unicode_encode_init;
    t->str = unicode_encode_str;
    type_add_getsets(interp, t, kUnicodeErrorGetSets);
}
void setup_unicode_decode(Interpreter& interp, TypeObject* t) {
    t->init = unicode_decode_init;
    t->str = unicode_decode_str;
    type_add_getsets(interp, t, kUnicodeErrorGetSets);
}
void setup_unicode_translate(Interpreter& interp, TypeObject* t) {
    t->init = unicode_translate_init;
    t->str = unicode_translate_str;
    type_add_getsets(interp, t, kUnicodeErrorGetSets);
}

constexpr ExceptionKind kKinds[] = {
    {"BaseExceptionGroup", sizeof(BaseExceptionGroupObject), setup_base_exception_group},
    {"StopIteration", sizeof(StopIterationObject), setup_stop_iteration},
    {"SystemExit", sizeof(SystemExitObject), setup_system_exit},
    {"KeyError", 0, setup_key_error},
    {"ImportError", sizeof(ImportErrorObject), setup_import_error},
    {"AttributeError", sizeof(AttributeErrorObject), setup_attribute_error},
    {"NameError", sizeof(NameErrorObject), setup_name_error},
    {"OSError", sizeof(OSErrorObject), setup_oserror},
    {"SyntaxError", sizeof(SyntaxErrorObject), setup_syntax_error},
    {"UnicodeEncodeError", sizeof(UnicodeErrorObject), setup_unicode_encode},
    {"UnicodeDecodeError", sizeof(UnicodeErrorObject), setup_unicode_decode},
    {"UnicodeTranslateError", sizeof(UnicodeErrorObject), setup_unicode_translate},
};

}  // namespace

const ExceptionKind* find_exception_kind(std::string_view name) {
    for (const ExceptionKind& k : kKinds)
        if (name == k.name) return &k;
    return nullptr;
}

Value stop_iteration_value(ThreadState& ts, Value exc) noexcept {
    if (!type_is_subtype(type_of_object(exc), ts.exc_types().StopIteration)) return Value::none();
    Value v = as_kind<StopIterationObject>(exc)->value;
    return v.is_null() ? first_arg_or_none(exc_obj(exc)->args) : v;
}

int system_exit_status(ThreadState& ts, Value exc, std::string* message) {
    Value code = Value::none();
    if (type_is_subtype(type_of_object(exc), ts.exc_types().SystemExit)) {
        Value c = as_kind<SystemExitObject>(exc)->code;
        if (!c.is_null()) code = c;
    }
    if (code.is_none()) return 0;
    if (is_int(code)) {
        int64_t n;
        if (code.is_bool()) return code.is_true() ? 1 : 0;
        if (int_to_int64(code, &n)) return static_cast<int>(n);
        return -1;
    }
    Ref text(obj_str(ts, code));
    if (text) {
        *message = std::string(str_view(*text));
    } else {
        clear_exception(ts);
    }
    return 1;
}

}  // namespace gilt
