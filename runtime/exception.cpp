// BaseException and the builtin exception hierarchy (the GILT_EXCEPTION_TYPES
// table), plus traceback objects.
//
// Layout (see exception.hpp): ExceptionObject, then for a few types extra
// owned Value fields. The number of extra fields is derived from the
// basicsize of the object's nearest builtin type, so one dealloc/traverse/
// clear serves every exception type, user subclasses included (they reuse
// their builtin base's layout: dict_offset is already set).
//
// Construction follows CPython: __new__ stores the positional arguments as
// `args` (and accepts keywords, ignoring them); __init__ stores them again
// and rejects keywords ("ValueError() takes no keyword arguments"), except
// for the types that take some (ImportError's name/path, AttributeError's
// name/obj, NameError's name). OSError does its work in __new__ (picking the
// errno subclass: OSError(2, 'x') is a FileNotFoundError) unless a subclass
// overrides __init__ without __new__, as CPython's oserror_use_init.
// The type-specific parts are in exception_kinds.cpp.
#include "runtime/exception.hpp"

#include <cstddef>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/code.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/exception_group.hpp"
#include "runtime/exception_kinds.hpp"
#include "runtime/heap.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "runtime/type_registry.hpp"

namespace gilt {

namespace {

Value exc_with_traceback(ThreadState& ts, Args args);
Value exc_add_note(ThreadState& ts, Args args);
Value exc_reduce(ThreadState& ts, Args args);
Value exc_setstate(ThreadState& ts, Args args);
Value exc_get_args(ThreadState& ts, Value self);
int exc_set_args(ThreadState& ts, Value self, Value value);
Value exc_get_traceback(ThreadState& ts, Value self);
int exc_set_traceback(ThreadState& ts, Value self, Value value);
Value exc_get_context(ThreadState& ts, Value self);
int exc_set_context(ThreadState& ts, Value self, Value value);
Value exc_get_cause(ThreadState& ts, Value self);
int exc_set_cause(ThreadState& ts, Value self, Value value);
Value exc_get_suppress_context(ThreadState& ts, Value self);
int exc_set_suppress_context(ThreadState& ts, Value self, Value value);
Value exc_get_dict(ThreadState& ts, Value self);
int exc_set_dict(ThreadState& ts, Value self, Value value);
Value tb_get_next(ThreadState& ts, Value self);
int tb_set_next(ThreadState& ts, Value self, Value value);
Value tb_get_lineno(ThreadState& ts, Value self);
Value tb_get_lasti(ThreadState& ts, Value self);
Value tb_get_frame(ThreadState& ts, Value self);

constexpr MethodDef kBaseExceptionMethods[] = {
    {"with_traceback", exc_with_traceback},
    {"add_note", exc_add_note},
    {"__reduce__", exc_reduce},
    {"__setstate__", exc_setstate},
};

constexpr GetSetDef kBaseExceptionGetSets[] = {
    {"args", exc_get_args, exc_set_args},
    {"__traceback__", exc_get_traceback, exc_set_traceback},
    {"__context__", exc_get_context, exc_set_context},
    {"__cause__", exc_get_cause, exc_set_cause},
    {"__suppress_context__", exc_get_suppress_context, exc_set_suppress_context},
    {"__dict__", exc_get_dict, exc_set_dict},
};

constexpr GetSetDef kTracebackGetSets[] = {
    {"tb_next", tb_get_next, tb_set_next},
    {"tb_lineno", tb_get_lineno},
    {"tb_lasti", tb_get_lasti},
    {"tb_frame", tb_get_frame},
};

// CPython's docstrings, shown by help() and __doc__.
struct ExceptionDoc {
    const char* name;
    const char* doc;
};
constexpr ExceptionDoc kExceptionDocs[] = {
#include "runtime/exception_docs.inc"
};

// --- layout ---

// The builtin type whose layout `o` has.
const TypeObject* solid_type(const Object* o) {
    const TypeObject* t = o->type;
    while (t->flags & kTypeHeap) t = t->base;
    return t;
}

std::size_t extra_count(const Object* o) {
    return (solid_type(o)->basicsize - sizeof(ExceptionObject)) / sizeof(Value);
}

Value* extras(Object* o) {
    return reinterpret_cast<Value*>(reinterpret_cast<char*>(o) + sizeof(ExceptionObject));
}

void exc_clear(Object* o) {
    auto* e = reinterpret_cast<ExceptionObject*>(o);
    clear_ref(e->dict);
    clear_ref(e->args);
    clear_ref(e->traceback);
    clear_ref(e->cause);
    clear_ref(e->context);
    Value* x = extras(o);
    for (std::size_t i = 0, n = extra_count(o); i < n; ++i) clear_ref(x[i]);
}

void exc_dealloc(Object* o) {
    exc_clear(o);
    free_object(o);
}

void exc_traverse(Object* o, VisitFn visit, void* ctx) {
    auto* e = reinterpret_cast<ExceptionObject*>(o);
    for (Value v : {e->dict, e->args, e->traceback, e->cause, e->context})
        if (!v.is_null()) visit(v, ctx);
    Value* x = extras(o);
    for (std::size_t i = 0, n = extra_count(o); i < n; ++i)
        if (!x[i].is_null()) visit(x[i], ctx);
}

// --- construction ---

// The short type name CPython's repr uses (_PyType_Name).
std::string_view short_type_name(TypeObject* t) {
    std::string_view n = t->name_cstr;
    std::size_t dot = n.rfind('.');
    return dot == std::string_view::npos ? n : n.substr(dot + 1);
}

// --- slots ---

Value exc_repr(ThreadState& ts, Value self) {
    Value args = exc_obj(self)->args;
    std::string_view name = short_type_name(type_of_object(self));
    if (!args.is_null() && tuple_size(args) == 1) {
        Ref r(obj_repr(ts, tuple_item(args, 0)));
        if (!r) return Value();
        return make_str(ts, fmt::format("{}({})", name, str_view(*r)));
    }
    Ref r(args.is_null() ? make_str(ts, "()") : obj_repr(ts, args));
    if (!r) return Value();
    return make_str(ts, fmt::format("{}{}", name, str_view(*r)));
}

// --- methods ---

Value exc_with_traceback(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "BaseException.with_traceback", 1, 1)) return Value();
    if (exc_set_traceback(ts, args[0], args[1]) < 0) return Value();
    return new_ref(args[0]);
}

Value exc_add_note(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "BaseException.add_note", 1, 1)) return Value();
    Value self = args[0];
    Value note = args[1];
    if (!is_str(ts, note)) {
        return raise_fmt(ts, ts.exc_types().TypeError, "note must be a str, not '{}'",
                         type_name(ts, note));
    }
    Ref name(ts.interp().intern("__notes__"));
    if (!name) return Value();
    Ref notes(obj_getattr(ts, self, *name));
    if (!notes) {
        if (!exception_matches(ts, ts.exc_types().AttributeError)) return Value();
        clear_exception(ts);
        notes = Ref(list_new(ts));
        if (!notes || obj_setattr(ts, self, *name, *notes) < 0) return Value();
    }
    if (!is_list(ts, *notes))
        return raise(ts, ts.exc_types().TypeError, "Cannot add note: __notes__ is not a list");
    if (!list_append(ts, *notes, note)) return Value();
    return Value::none();
}

Value exc_reduce(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "BaseException.__reduce__", 0, 0)) return Value();
    ExceptionObject* e = exc_obj(args[0]);
    Value type = val(type_of_object(args[0]));
    Value a = e->args.is_null() ? ts.interp().empty_tuple : e->args;
    Ref os_args;
    if (type_is_subtype(type_of_object(args[0]), ts.exc_types().OSError) && tuple_size(a) == 2) {
        // OSError's filenames are not in args; CPython's OSError.__reduce__
        // puts them back: (errno, strerror, filename[, None, filename2]).
        auto* os = reinterpret_cast<OSErrorObject*>(e);
        if (!os->filename.is_null() && !os->filename2.is_null())
            os_args.reset(tuple_pack(ts, {tuple_item(a, 0), tuple_item(a, 1), os->filename,
                                          Value::none(), os->filename2}));
        else if (!os->filename.is_null())
            os_args.reset(tuple_pack(ts, {tuple_item(a, 0), tuple_item(a, 1), os->filename}));
        if (os_args)
            a = *os_args;
        else if (ts.has_exception())
            return Value();
    }
    if (!e->dict.is_null() && dict_size(e->dict) > 0) return tuple_pack(ts, {type, a, e->dict});
    return tuple_pack(ts, {type, a});
}

Value exc_setstate(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "BaseException.__setstate__", 1, 1)) return Value();
    Value state = args[1];
    if (state.is_none()) return Value::none();
    if (!is_dict(ts, state))
        return raise(ts, ts.exc_types().TypeError, "state is not a dictionary");
    Ref items(dict_copy(ts, state));  // setattr may run code that mutates `state`
    if (!items) return Value();
    uint64_t pos = 0;
    Value k, v;
    while (dict_next(*items, &pos, &k, &v))
        if (obj_setattr(ts, args[0], k, v) < 0) return Value();
    return Value::none();
}

// --- attributes ---

Value exc_get_args(ThreadState& ts, Value self) {
    Value a = exc_obj(self)->args;
    return new_ref(a.is_null() ? ts.interp().empty_tuple : a);
}

int exc_set_args(ThreadState& ts, Value self, Value value) {
    if (value.is_null()) {
        raise(ts, ts.exc_types().TypeError, "args may not be deleted");
        return -1;
    }
    Value t = tuple_from_iterable(ts, value);
    if (t.is_null()) return -1;
    set_ref(exc_obj(self)->args, t);
    return 0;
}

bool is_traceback(ThreadState& ts, Value v) {
    return v.is_object() && v.as_object()->type == ts.types().traceback;
}

Value exc_get_traceback(ThreadState&, Value self) {
    Value tb = exc_obj(self)->traceback;
    return tb.is_null() ? Value::none() : new_ref(tb);
}

int exc_set_traceback(ThreadState& ts, Value self, Value value) {
    if (value.is_null()) {
        raise(ts, ts.exc_types().TypeError, "__traceback__ may not be deleted");
        return -1;
    }
    if (!value.is_none() && !is_traceback(ts, value)) {
        raise(ts, ts.exc_types().TypeError, "__traceback__ must be a traceback or None");
        return -1;
    }
    exception_set_traceback(self, value);
    return 0;
}

// __context__ and __cause__ share their checks; `what` names the field.
bool check_chain_value(ThreadState& ts, Value value, const char* what, const char* field) {
    if (value.is_null()) {
        raise_fmt(ts, ts.exc_types().TypeError, "{} may not be deleted", field);
        return false;
    }
    if (!value.is_none() && !is_exception_instance(ts, value)) {
        raise_fmt(ts, ts.exc_types().TypeError,
                  "exception {} must be None or derive from BaseException", what);
        return false;
    }
    return true;
}

Value exc_get_context(ThreadState&, Value self) {
    Value c = exc_obj(self)->context;
    return c.is_null() ? Value::none() : new_ref(c);
}

int exc_set_context(ThreadState& ts, Value self, Value value) {
    if (!check_chain_value(ts, value, "context", "__context__")) return -1;
    exception_set_context(self, value);
    return 0;
}

Value exc_get_cause(ThreadState&, Value self) {
    Value c = exc_obj(self)->cause;
    return c.is_null() ? Value::none() : new_ref(c);
}

int exc_set_cause(ThreadState& ts, Value self, Value value) {
    if (!check_chain_value(ts, value, "cause", "__cause__")) return -1;
    exception_set_cause(self, value);
    return 0;
}

Value exc_get_suppress_context(ThreadState&, Value self) {
    return Value::boolean(exc_obj(self)->suppress_context);
}

int exc_set_suppress_context(ThreadState& ts, Value self, Value value) {
    if (value.is_null()) {
        raise(ts, ts.exc_types().TypeError, "can't delete numeric/char attribute");
        return -1;
    }
    if (!value.is_bool()) {
        raise(ts, ts.exc_types().TypeError, "attribute value type must be bool");
        return -1;
    }
    exc_obj(self)->suppress_context = value.is_true();
    return 0;
}

Value exc_get_dict(ThreadState& ts, Value self) {
    ExceptionObject* e = exc_obj(self);
    if (e->dict.is_null()) {
        e->dict = dict_new(ts);
        if (e->dict.is_null()) return Value();
    }
    return new_ref(e->dict);
}

int exc_set_dict(ThreadState& ts, Value self, Value value) {
    if (value.is_null()) {
        raise(ts, ts.exc_types().TypeError, "__dict__ may not be deleted");
        return -1;
    }
    if (!is_dict(ts, value)) {
        raise(ts, ts.exc_types().TypeError, "__dict__ must be a dictionary");
        return -1;
    }
    set_ref(exc_obj(self)->dict, new_ref(value));
    return 0;
}

// --- traceback objects ---

void tb_dealloc(Object* o) {
    auto* tb = reinterpret_cast<TracebackObject*>(o);
    clear_ref(tb->next);
    clear_ref(tb->code);
    clear_ref(tb->globals);
    free_object(o);
}

void tb_traverse(Object* o, VisitFn visit, void* ctx) {
    auto* tb = reinterpret_cast<TracebackObject*>(o);
    for (Value v : {tb->next, tb->code, tb->globals})
        if (!v.is_null()) visit(v, ctx);
}

void tb_clear(Object* o) {
    auto* tb = reinterpret_cast<TracebackObject*>(o);
    clear_ref(tb->next);
    clear_ref(tb->code);
    clear_ref(tb->globals);
}

Value tb_get_next(ThreadState&, Value self) {
    Value n = tb_obj(self)->next;
    return n.is_null() ? Value::none() : new_ref(n);
}

int tb_set_next(ThreadState& ts, Value self, Value value) {
    if (value.is_null()) {
        raise(ts, ts.exc_types().TypeError, "can't delete tb_next attribute");
        return -1;
    }
    if (value.is_none()) {
        clear_ref(tb_obj(self)->next);
        return 0;
    }
    if (!is_traceback(ts, value)) {
        raise_fmt(ts, ts.exc_types().TypeError, "expected traceback object or None, got '{}'",
                  type_name(ts, value));
        return -1;
    }
    for (Value c = value; !c.is_null(); c = tb_obj(c)->next) {
        if (c == self) {
            raise(ts, ts.exc_types().ValueError, "traceback loop detected");
            return -1;
        }
    }
    set_ref(tb_obj(self)->next, new_ref(value));
    return 0;
}

Value tb_get_lineno(ThreadState&, Value self) {
    return Value::small_int(tb_obj(self)->lineno);
}
Value tb_get_lasti(ThreadState&, Value) {
    return Value::small_int(-1);
}
// Frames are not exposed (a traceback entry copies what printing needs).
Value tb_get_frame(ThreadState&, Value) {
    return Value::none();
}

// --- the hierarchy ---

TypeObject* new_exception_type(Interpreter& interp, const char* name, TypeObject* base) {
    const ExceptionKind* kind = find_exception_kind(name);
    uint32_t size =
        (kind && kind->size)
            ? kind->size
            : (base->flags & kTypeIsException ? base->basicsize : sizeof(ExceptionObject));
    TypeObject* t = type_alloc_builtin(interp, name, ObjKind::Exception, size, base,
                                       kTypeBaseType | kTypeHasGc | kTypeIsException);
    t->hdr.type = interp.types.type;
    if (!(base->flags & kTypeIsException)) {
        // BaseException: everything the others inherit.
        t->dict_offset = offsetof(ExceptionObject, dict);
        t->dealloc = exc_dealloc;
        t->traverse = exc_traverse;
        t->clear = exc_clear;
        t->new_ = exception_base_new;
        t->init = exception_base_init;
        t->repr = exc_repr;
        t->str = exception_base_str;
        type_add_methods(interp, t, kBaseExceptionMethods);
        type_add_getsets(interp, t, kBaseExceptionGetSets);
    }
    if (kind && kind->setup) kind->setup(interp, t);
    for (const ExceptionDoc& d : kExceptionDocs) {
        if (std::string_view(d.name) != name) continue;
        Ref doc(make_str(interp, d.doc));
        type_set_attr_cstr(interp, t, "__doc__", *doc);
    }
    type_ready(interp, t);
    return t;
}

}  // namespace

// --- BaseException's slots, shared with exception_kinds.cpp ---

ExceptionObject* exception_alloc(TypeObject* type, Value args) noexcept {
    auto* e = reinterpret_cast<ExceptionObject*>(alloc_gc_object(type, type->basicsize));
    if (!e) return nullptr;
    e->hdr.kind = ObjKind::Exception;
    e->args = new_ref(args);
    return e;
}

Value exception_base_new(ThreadState& ts, TypeObject* type, Args args) {
    Ref a(args.n ? tuple_from_array(ts, args.v, args.n) : new_ref(ts.interp().empty_tuple));
    if (!a) return Value();
    ExceptionObject* e = exception_alloc(type, *a);
    if (!e) return raise_memory_error(ts);
    return val(e);
}

bool exception_store_args(ThreadState& ts, Value self, Args args) {
    Value a = args.n ? tuple_from_array(ts, args.v, args.n) : new_ref(ts.interp().empty_tuple);
    if (a.is_null()) return false;
    set_ref(exc_obj(self)->args, a);
    return true;
}

int exception_base_init(ThreadState& ts, Value self, Args args) {
    if (!no_kwargs(ts, args, type_of_object(self)->name_cstr)) return -1;
    return exception_store_args(ts, self, args) ? 0 : -1;
}

Value exception_base_str(ThreadState& ts, Value self) {
    Value args = exc_obj(self)->args;
    uint64_t n = args.is_null() ? 0 : tuple_size(args);
    if (n == 0) return new_ref(ts.interp().empty_str);
    if (n == 1) return obj_str(ts, tuple_item(args, 0));
    return obj_str(ts, args);
}

// --- public API ---

bool is_exception_instance(ThreadState&, Value v) noexcept {
    return v.is_object() && (v.as_object()->type->flags & kTypeIsException);
}

bool is_exception_type(ThreadState&, Value v) noexcept {
    return v.is_object() && v.as_object()->kind == ObjKind::Type &&
           (reinterpret_cast<TypeObject*>(v.as_object())->flags & kTypeIsException);
}

Value exception_new(ThreadState& ts, TypeObject* type, Value args) {
    Args a{tuple_obj(args)->items, static_cast<uint32_t>(tuple_size(args)), nullptr};
    if (!(type->flags & kTypeHeap) && type->new_) {
        Ref obj(type->new_(ts, type, a));
        if (!obj) return Value();
        TypeObject* ot = type_of(ts, *obj);
        if (type_is_subtype(ot, type) && ot->init && ot->init(ts, *obj, a) < 0) return Value();
        return obj.release();
    }
    Ref obj(obj_call(ts, val(type), a));
    if (!obj) return Value();
    if (!is_exception_instance(ts, *obj)) {
        Ref tr(obj_repr(ts, val(type)));
        Ref rr(obj_repr(ts, val(type_of(ts, *obj))));
        if (!tr || !rr) return Value();
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "calling {} should have returned an instance of BaseException, not {}",
                         str_view(*tr), str_view(*rr));
    }
    return obj.release();
}

bool exception_add_traceback(ThreadState& ts, Value exc, Value code, int lineno, Value globals) {
    // At a heap cap the entry may use the reserve (runtime/heap_meter.hpp):
    // a MemoryError raised there still says where it happened.
    HeapReserve reserve(ts.interp().heap_meter);
    auto* tb = alloc_gc<TracebackObject>(ts.types().traceback);
    if (!tb) return false;  // the exception being propagated stays the pending one
    ExceptionObject* e = exc_obj(exc);
    tb->next = std::exchange(e->traceback, Value());
    tb->code = new_ref(code);
    tb->globals = new_ref(globals);
    tb->lineno = lineno;
    e->traceback = val(tb);
    return true;
}

void exception_set_traceback(Value exc, Value tb) noexcept {
    set_ref(exc_obj(exc)->traceback, tb.is_none() ? Value() : new_ref(tb));
}

void exception_set_cause(Value exc, Value cause) noexcept {
    ExceptionObject* e = exc_obj(exc);
    set_ref(e->cause, cause.is_none() ? Value() : new_ref(cause));
    e->suppress_context = true;
}

void exception_set_context(Value exc, Value context) noexcept {
    set_ref(exc_obj(exc)->context, context.is_none() ? Value() : new_ref(context));
}

void init_exception_types(Interpreter& interp) {
    // `Object` stands for the root of BaseException's base in the table.
    struct Bases : ExceptionTypes {
        TypeObject* Object = nullptr;
    } b;
    b.Object = interp.types.object;
#define GILT_MAKE_EXCEPTION_TYPE(name, base) b.name = new_exception_type(interp, #name, b.base);
    GILT_EXCEPTION_TYPES(GILT_MAKE_EXCEPTION_TYPE)
#undef GILT_MAKE_EXCEPTION_TYPE
    finish_exception_group_type(interp, b.ExceptionGroup, b.Exception);
    interp.exc_types = static_cast<const ExceptionTypes&>(b);
    preallocate_memory_error(interp);
}

void define_traceback_type(Interpreter& interp, TypeObject* t) {
    t->instance_kind = ObjKind::Native;
    t->basicsize = sizeof(TracebackObject);
    t->flags |= kTypeHasGc;
    t->dealloc = tb_dealloc;
    t->traverse = tb_traverse;
    t->clear = tb_clear;
    type_add_getsets(interp, t, kTracebackGetSets);
}

// Frames are not exposed to Python yet; the type exists so that `frame`
// has a name (sys._getframe and tracebacks' tb_frame would return one).
void define_frame_type(Interpreter&, TypeObject* t) {
    t->instance_kind = ObjKind::Native;
    t->basicsize = sizeof(Object);
    t->dealloc = free_object;
}

}  // namespace gilt
