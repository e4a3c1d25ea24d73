// The asynchronous-iteration builtins: aiter() and anext().
//
// aiter(x) is x.__aiter__(); anext(it) is it.__anext__(). anext(it, default)
// must turn the end of the iteration into `default`, but __anext__ returns
// an awaitable that only ends the iteration when it is run, so anext wraps it
// in an anext_awaitable (CPython's type of the same name): awaiting that
// runs the inner awaitable step by step, passing send/throw/close through,
// and a StopAsyncIteration coming out of it becomes StopIteration(default),
// which is how an awaitable returns a value.
#include "interp/vm/eval_helpers.hpp"
#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/errors.hpp"
#include "runtime/generator.hpp"
#include "runtime/heap.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/module.hpp"
#include "runtime/module_state.hpp"
#include "runtime/native_function.hpp"
#include "runtime/type.hpp"
#include "stdlib/builtins.hpp"

namespace gilt {

namespace {

struct AnextAwaitable {
    Object hdr;
    Value wrapped;        // what __anext__ returned (owned)
    Value default_value;  // owned
    Value iter;           // wrapped's iterator, once asked for (owned)
};

AnextAwaitable* anext_obj(Value v) {
    return reinterpret_cast<AnextAwaitable*>(v.as_object());
}

// The inner iterator (borrowed), made on first use.
Value inner_iter(ThreadState& ts, AnextAwaitable* a) {
    if (a->iter.is_null()) a->iter = eval_get_awaitable(ts, a->wrapped);
    return a->iter;
}

// The inner awaitable finished or failed: its StopAsyncIteration means the
// iteration is over, so the await returns the default.
Value finished(ThreadState& ts, AnextAwaitable* a) {
    if (!exception_matches(ts, ts.exc_types().StopAsyncIteration)) return Value();
    clear_exception(ts);
    return raise_stop_iteration(ts, a->default_value);
}

Value anext_send_value(ThreadState& ts, Value self, Value sent) {
    AnextAwaitable* a = anext_obj(self);
    Ref it = Ref::borrow(inner_iter(ts, a));
    if (!it) return Value();
    Value out;
    switch (eval_send(ts, *it, sent, &out)) {
        case SendResult::Yielded:
            return out;
        case SendResult::Returned: {
            Ref r(out);
            return raise_stop_iteration(ts, *r);
        }
        case SendResult::Error:
            break;
    }
    return finished(ts, a);
}

Value anext_next(ThreadState& ts, Value self) {
    return anext_send_value(ts, self, Value::none());
}

Value anext_send(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "send", 1, 1)) return Value();
    return anext_send_value(ts, args[0], args[1]);
}

// throw() and close() go to the inner iterator's methods of the same name.
Value forward(ThreadState& ts, Args args, const char* name) {
    AnextAwaitable* a = anext_obj(args[0]);
    Ref it = Ref::borrow(inner_iter(ts, a));
    if (!it) return Value();
    Ref meth(obj_getattr_cstr(ts, *it, name));
    if (!meth) return Value();
    Value r = obj_call(ts, *meth, args.drop_first());
    if (!r.is_null()) return r;
    return finished(ts, a);
}

Value anext_throw(ThreadState& ts, Args args) {
    return forward(ts, args, "throw");
}

Value anext_close(ThreadState& ts, Args args) {
    return forward(ts, args, "close");
}

constexpr MethodDef kAnextMethods[] = {
    {"send", anext_send},
    {"throw", anext_throw},
    {"close", anext_close},
};

void anext_dealloc(Object* o) {
    auto* a = reinterpret_cast<AnextAwaitable*>(o);
    clear_ref(a->wrapped);
    clear_ref(a->default_value);
    clear_ref(a->iter);
    free_object(o);
}

void anext_traverse(Object* o, VisitFn visit, void* ctx) {
    auto* a = reinterpret_cast<AnextAwaitable*>(o);
    for (Value v : {a->wrapped, a->default_value, a->iter})
        if (!v.is_null()) visit(v, ctx);
}

void anext_clear(Object* o) {
    auto* a = reinterpret_cast<AnextAwaitable*>(o);
    clear_ref(a->wrapped);
    clear_ref(a->default_value);
    clear_ref(a->iter);
}

Value self_ref(ThreadState&, Value self) {
    return new_ref(self);
}

// The type, made once per interpreter.
TypeObject* anext_awaitable_type(Interpreter& interp) {
    return module_state<TypeObject*>(interp, "builtins.anext_awaitable", [&](TypeObject*& t) {
        t = type_alloc_builtin(interp, "anext_awaitable", ObjKind::Native, sizeof(AnextAwaitable),
                               interp.types.object, kTypeHasGc);
        t->hdr.type = interp.types.type;
        t->dealloc = anext_dealloc;
        t->traverse = anext_traverse;
        t->clear = anext_clear;
        t->iter = self_ref;
        t->iternext = anext_next;
        t->await_ = self_ref;
        type_add_methods(interp, t, kAnextMethods);
        type_ready(interp, t);
    });
}

Value builtin_aiter(ThreadState& ts, Args args) {
    if (!no_kwargs(ts, args, "aiter") || !check_nargs(ts, args, "aiter", 1, 1)) return Value();
    TypeObject* t = type_of(ts, args[0]);
    if (!t->aiter) {
        return raise_fmt(ts, ts.exc_types().TypeError, "'{}' object is not an async iterable",
                         type_name(ts, args[0]));
    }
    Value r = t->aiter(ts, args[0]);
    if (r.is_null()) return r;
    if (!type_of(ts, r)->anext) {
        Ref drop(r);
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "aiter() returned not an async iterator of type '{}'", type_name(ts, r));
    }
    return r;
}

Value builtin_anext(ThreadState& ts, Args args) {
    if (!no_kwargs(ts, args, "anext") || !check_nargs(ts, args, "anext", 1, 2)) return Value();
    TypeObject* t = type_of(ts, args[0]);
    if (!t->anext) {
        return raise_fmt(ts, ts.exc_types().TypeError, "'{}' object is not an async iterator",
                         type_name(ts, args[0]));
    }
    Value awaitable = t->anext(ts, args[0]);
    if (awaitable.is_null() || args.n == 1) return awaitable;
    auto* a = alloc_gc<AnextAwaitable>(anext_awaitable_type(ts.interp()));
    if (!a) {
        decref(awaitable);
        return raise_memory_error(ts);
    }
    a->wrapped = awaitable;
    a->default_value = new_ref(args[1]);
    return val(a);
}

constexpr MethodDef kAsyncFunctions[] = {
    {"aiter", builtin_aiter},
    {"anext", builtin_anext},
};

}  // namespace

bool add_builtin_async_functions(ThreadState& ts, Value module) {
    return module_add_functions(ts, module, kAsyncFunctions);
}

}  // namespace gilt
