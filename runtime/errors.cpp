// Raising and inspecting exceptions (see errors.hpp), and the shared
// phrasings of CPython's most common error messages.
//
// Implicit chaining follows CPython's _PyErr_SetObject: every raise records
// the exception currently being handled (ts.exc_info) as the new
// exception's __context__. Before linking, the handled exception's own
// __context__ chain is searched for the new exception and cut there, so
// re-raising an exception from inside its own handler never builds a cycle
// (Floyd's tortoise and hare stops the walk on a pre-existing cycle).
#include "runtime/errors.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>

#include "runtime/abstract.hpp"
#include "runtime/dict.hpp"
#include "runtime/exception.hpp"
#include "runtime/heap.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/module.hpp"
#include "runtime/module_state.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"

namespace gilt {

namespace {

// Cuts `exc` out of the __context__ chain that starts at `handled`.
void break_context_cycle(Value handled, Value exc) {
    Value o = handled;
    Value slow = handled;
    bool advance_slow = false;
    for (;;) {
        Value ctx = exc_obj(o)->context;
        if (ctx.is_null()) return;
        if (ctx == exc) {
            clear_ref(exc_obj(o)->context);
            return;
        }
        o = ctx;
        if (o == slow) return;  // a pre-existing cycle: every entry was checked
        if (advance_slow) slow = exc_obj(slow)->context;
        advance_slow = !advance_slow;
    }
}

[[noreturn]] void fatal_no_exception_types(std::string_view msg) {
    std::fprintf(stderr, "gilt: fatal: exception raised before the exception types exist: %.*s\n",
                 static_cast<int>(msg.size()), msg.data());
    std::abort();
}

// Raises `type(arg)`.
Value raise_with_arg(ThreadState& ts, TypeObject* type, Value arg) {
    Ref args(tuple_pack(ts, {arg}));
    if (!args) return Value();
    Value exc = exception_new(ts, type, *args);
    if (exc.is_null()) return Value();
    return raise_instance(ts, exc);
}

// A MemoryError allocated at start-up, raised when even an exception
// object cannot be allocated. Owned through Interpreter::module_state.
struct PreallocatedMemoryError {
    Value exc;
    ~PreallocatedMemoryError() { decref(exc); }
};
constexpr const char* kMemoryErrorKey = "gilt.errors.memory_error";

Value preallocated_memory_error(ThreadState& ts) {
    auto* state = find_module_state<PreallocatedMemoryError>(ts.interp(), kMemoryErrorKey);
    if (!state) return Value();
    Value exc = state->exc;
    ExceptionObject* e = exc_obj(exc);
    // It may have been raised before: start from a clean slate.
    clear_ref(e->traceback);
    clear_ref(e->cause);
    clear_ref(e->context);
    e->suppress_context = false;
    return new_ref(exc);
}

// The module's __name__ if it is a str (data() is null otherwise).
std::string_view module_name_for_error(ThreadState& ts, Value module) {
    Value d = module_dict(module);
    if (d.is_null()) return {};
    Value n = dict_get_str(d, ts.names().__name__);
    if (n.is_null() || !is_str(ts, n)) return {};
    return str_view(n);
}

}  // namespace

void preallocate_memory_error(Interpreter& interp) {
    ExceptionObject* e = exception_alloc(interp.exc_types.MemoryError, interp.empty_tuple);
    if (!e) {
        std::fputs("gilt: out of memory at start-up\n", stderr);
        std::abort();
    }
    module_state<PreallocatedMemoryError>(interp, kMemoryErrorKey).exc = val(e);
}

// --- raising ---

Value raise_instance(ThreadState& ts, Value exc) {
    Value handled = ts.exc_info;
    if (!handled.is_null() && handled != exc && is_exception_instance(ts, handled) &&
        is_exception_instance(ts, exc)) {
        break_context_cycle(handled, exc);
        set_ref(exc_obj(exc)->context, new_ref(handled));
    }
    set_ref(ts.exc, exc);
    return Value();
}

Value raise(ThreadState& ts, TypeObject* type, std::string_view msg) {
    if (!type) fatal_no_exception_types(msg);
    Ref s(make_str(ts, msg));
    if (!s) return Value();
    return raise_with_arg(ts, type, *s);
}

Value raise_object(ThreadState& ts, Value v) {
    if (is_exception_type(ts, v)) {
        Ref inst(call0(ts, v));
        if (!inst) return Value();
        if (!is_exception_instance(ts, *inst)) {
            Ref r(obj_repr(ts, v));
            if (!r) return Value();
            Ref tr(obj_repr(ts, val(type_of(ts, *inst))));
            if (!tr) return Value();
            return raise_fmt(ts, ts.exc_types().TypeError,
                             "calling {} should have returned an instance of BaseException, not {}",
                             str_view(*r), str_view(*tr));
        }
        return raise_instance(ts, inst.release());
    }
    if (is_exception_instance(ts, v)) return raise_instance(ts, new_ref(v));
    return raise(ts, ts.exc_types().TypeError, "exceptions must derive from BaseException");
}

Value raise_key_error(ThreadState& ts, Value key) {
    return raise_with_arg(ts, ts.exc_types().KeyError, key);
}

Value raise_stop_iteration(ThreadState& ts, Value value) {
    // `return` / `return None` in a generator raises a bare StopIteration().
    if (value.is_null() || value.is_none()) {
        Value exc = exception_new(ts, ts.exc_types().StopIteration, ts.interp().empty_tuple);
        return exc.is_null() ? Value() : raise_instance(ts, exc);
    }
    return raise_with_arg(ts, ts.exc_types().StopIteration, value);
}

bool check_alloc_size(ThreadState& ts, uint64_t bytes) {
    if (bytes <= uint64_t(PTRDIFF_MAX) && alloc_size_possible(static_cast<std::size_t>(bytes)))
        return true;
    raise_memory_error(ts);
    return false;
}

bool reserve_more(ThreadState& ts, std::string& out, uint64_t extra) {
    uint64_t need = uint64_t(out.size()) + extra;
    if (need <= out.capacity()) return true;
    // Grow geometrically, as the string itself would, but settle for the
    // exact size when twice the capacity is more than the allocator gives.
    uint64_t want = std::max<uint64_t>(need, uint64_t(out.capacity()) * 2);
    if (want != need && !alloc_size_possible(want)) want = need;
    if (need > out.max_size() || !check_alloc_size(ts, want)) {
        if (!ts.has_exception()) raise_memory_error(ts);
        return false;
    }
    // operator new is the allocator's, which maps a huge block with room
    // for its alignment and aborts the process when that fails (mimalloc's
    // C++ new has no handler to call): ask it first through its nothrow
    // form, which answers null instead.
    void* probe = ::operator new(static_cast<std::size_t>(want) + 1, std::nothrow);
    if (probe == nullptr) {
        raise_memory_error(ts);
        return false;
    }
    ::operator delete(probe);
    try {
        out.reserve(static_cast<std::size_t>(want));
    } catch (const std::bad_alloc&) {
        raise_memory_error(ts);
        return false;
    }
    return true;
}

bool append_checked(ThreadState& ts, std::string& out, std::string_view piece) {
    if (!reserve_more(ts, out, piece.size())) return false;
    out.append(piece);
    return true;
}

Value raise_memory_error(ThreadState& ts) {
    TypeObject* t = ts.exc_types().MemoryError;
    if (!t) fatal_no_exception_types("MemoryError");
    // No __new__/__init__: they would allocate more, and fail the same way.
    // At a heap cap the reserve pays for it (runtime/heap_meter.hpp): a
    // fresh instance each time, so no traceback outlives its raise in the
    // shared preallocated one.
    ExceptionObject* e;
    {
        HeapReserve reserve(ts.interp().heap_meter);
        e = exception_alloc(t, ts.interp().empty_tuple);
    }
    Value exc = e ? val(e) : preallocated_memory_error(ts);
    if (exc.is_null()) {
        std::fputs("gilt: fatal: out of memory\n", stderr);
        std::abort();
    }
    return raise_instance(ts, exc);
}

Value raise_recursion_error(ThreadState& ts, std::string_view where) {
    return raise_fmt(ts, ts.exc_types().RecursionError, "maximum recursion depth exceeded{}",
                     where);
}

Value raise_frame_push_error(ThreadState& ts) {
    if (ts.py_depth <= ts.interp().recursion_limit && ts.frames.out_of_memory())
        return raise_memory_error(ts);
    return raise_recursion_error(ts);
}

Value make_exception_class(ThreadState& ts, std::string_view module, std::string_view name,
                           Value base) {
    Ref n(make_str(ts, name));
    Ref bases(tuple_pack(ts, {base}));
    Ref ns(dict_new(ts));
    Ref mod(make_str(ts, module));
    if (!n || !bases || !ns || !mod || !dict_set_cstr(ts, *ns, "__module__", *mod)) return Value();
    return call_n(ts, val(ts.types().type), {*n, *bases, *ns});
}

Value raise_os_error(ThreadState& ts, int err, Value filename) {
    char buf[256];
    // GNU strerror_r returns the message (possibly not in buf).
    const char* text = err != 0 ? strerror_r(err, buf, sizeof buf) : "Error";
    Ref code(make_int(ts, err));
    Ref msg(make_str(ts, text));
    if (!code || !msg) return Value();
    // A path-like object is reported by the path it stands for, as CPython.
    Ref path;
    if (!filename.is_null() && filename.is_object() && !is_str(ts, filename)) {
        Ref fspath_name(ts.interp().intern("__fspath__"));
        Value f = lookup_special(ts, filename, *fspath_name);
        if (!f.is_null()) {
            path = Ref(call_bound_special(ts, f, filename, Args{}));
            if (!path) return Value();
            filename = *path;
        }
    }
    Ref args(filename.is_null() ? tuple_pack(ts, {*code, *msg})
                                : tuple_pack(ts, {*code, *msg, filename}));
    if (!args) return Value();
    // OSError(errno, strerror[, filename]) picks the subclass from errno.
    Value exc = exception_new(ts, ts.exc_types().OSError, *args);
    if (exc.is_null()) return Value();
    return raise_instance(ts, exc);
}

Value raise_name_error(ThreadState& ts, Value name) {
    raise_fmt(ts, ts.exc_types().NameError, "name '{}' is not defined", str_view(name));
    Value exc = ts.exc;
    if (!exc.is_null() && type_is_subtype(type_of_object(exc), ts.exc_types().NameError)) {
        set_ref(reinterpret_cast<NameErrorObject*>(exc.as_object())->name, new_ref(name));
    }
    return Value();
}

// --- inspecting ---

bool exception_matches(ThreadState& ts, TypeObject* type) {
    return !ts.exc.is_null() && type_is_subtype(type_of_object(ts.exc), type);
}

int exception_matches_spec(ThreadState& ts, Value exc, Value spec) {
    constexpr const char* kCannotCatch =
        "catching classes that do not inherit from BaseException is not allowed";
    TypeObject* et = type_of(ts, exc);
    if (is_tuple(ts, spec)) {
        uint64_t n = tuple_size(spec);
        for (uint64_t i = 0; i < n; ++i) {
            if (!is_exception_type(ts, tuple_item(spec, i))) {
                raise(ts, ts.exc_types().TypeError, kCannotCatch);
                return -1;
            }
        }
        for (uint64_t i = 0; i < n; ++i)
            if (type_is_subtype(et, reinterpret_cast<TypeObject*>(tuple_item(spec, i).as_object())))
                return 1;
        return 0;
    }
    if (!is_exception_type(ts, spec)) {
        raise(ts, ts.exc_types().TypeError, kCannotCatch);
        return -1;
    }
    return type_is_subtype(et, reinterpret_cast<TypeObject*>(spec.as_object())) ? 1 : 0;
}

Value fetch_exception(ThreadState& ts) {
    return std::exchange(ts.exc, Value());
}

void restore_exception(ThreadState& ts, Value exc) {
    set_ref(ts.exc, exc);
}

void clear_exception(ThreadState& ts) {
    clear_ref(ts.exc);
}

// --- shared phrasings ---

std::string_view type_name(ThreadState& ts, Value v) {
    return type_of(ts, v)->name_cstr;
}

Value raise_type_error_unsupported(ThreadState& ts, std::string_view op, Value a, Value b) {
    return raise_fmt(ts, ts.exc_types().TypeError,
                     "unsupported operand type(s) for {}: '{}' and '{}'", op, type_name(ts, a),
                     type_name(ts, b));
}

Value raise_attribute_error(ThreadState& ts, Value obj, Value name) {
    std::string_view n = str_view(name);
    TypeObject* AttributeError = ts.exc_types().AttributeError;
    if (obj.is_object() && obj.as_object()->kind == ObjKind::Type) {
        raise_fmt(ts, AttributeError, "type object '{}' has no attribute '{}'",
                  reinterpret_cast<TypeObject*>(obj.as_object())->name_cstr, n);
    } else if (obj.is_object() && obj.as_object()->kind == ObjKind::Module) {
        std::string_view m = module_name_for_error(ts, obj);
        if (m.data() == nullptr) {
            raise_fmt(ts, AttributeError, "module has no attribute '{}'", n);
        } else {
            raise_fmt(ts, AttributeError, "module '{}' has no attribute '{}'", m, n);
        }
    } else {
        raise_fmt(ts, AttributeError, "'{}' object has no attribute '{}'", type_name(ts, obj), n);
    }
    set_attribute_error_context(ts, obj, name);
    return Value();
}

void set_attribute_error_context(ThreadState& ts, Value obj, Value name) {
    Value exc = ts.exc;
    if (exc.is_null() || !type_is_subtype(type_of_object(exc), ts.exc_types().AttributeError))
        return;
    auto* ae = reinterpret_cast<AttributeErrorObject*>(exc.as_object());
    if (!ae->name.is_null() || !ae->obj.is_null()) return;  // already augmented
    ae->name = new_ref(name);
    ae->obj = new_ref(obj);
}

Value raise_not_callable(ThreadState& ts, Value obj) {
    return raise_fmt(ts, ts.exc_types().TypeError, "'{}' object is not callable",
                     type_name(ts, obj));
}

Value raise_not_iterable(ThreadState& ts, Value obj) {
    return raise_fmt(ts, ts.exc_types().TypeError, "'{}' object is not iterable",
                     type_name(ts, obj));
}

Value raise_unhashable(ThreadState& ts, Value obj) {
    return raise_fmt(ts, ts.exc_types().TypeError, "unhashable type: '{}'", type_name(ts, obj));
}

Value raise_zero_division(ThreadState& ts, std::string_view msg) {
    return raise(ts, ts.exc_types().ZeroDivisionError, msg);
}

}  // namespace gilt
