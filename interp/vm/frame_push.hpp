// Pushing and popping the frames of Python-to-Python calls.
//
// This is the hot half of every call (the other half is the eval loop's
// dispatch), so it lives in a header and is forced inline into the eval
// loop's CALL and RETURN_VALUE and into function_call(): a call from
// Python to Python then costs no C++ function call of its own. Calls of any
// other shape (keywords, *args, cells, ...) bind through init_frame() in
// interp/vm/call.cpp.
#pragma once

#include <cstdint>

#include "interp/vm/frame.hpp"
#include "runtime/descriptors.hpp"
#include "runtime/errors.hpp"
#include "runtime/function.hpp"
#include "runtime/generator.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/slots.hpp"
#include "runtime/thread_state.hpp"
#include "runtime/tuple.hpp"
#include "runtime/type.hpp"

namespace gilt {

// A function whose call runs its body (not one that makes a generator or
// coroutine object): CALL may push its frame and go on in the same loop.
inline bool is_plain_function(Value v) {
    return v.is_object() && v.as_object()->kind == ObjKind::Function &&
           !(code_obj(func_obj(v)->code)->flags &
             (kCodeGenerator | kCodeCoroutine | kCodeAsyncGenerator));
}

// Clears a frame pushed by push_simple_frame() or push_call_frame() and
// gives its block back to the thread's frame stack.
[[gnu::always_inline]] inline void pop_frame(ThreadState& ts, Frame* f) noexcept {
    frame_clear(f);
    ts.frames.pop(reinterpret_cast<Value*>(f));
    --ts.py_depth;
}

// Makes the frame's cells (an argument's value moved into its cell) and
// copies in the function's free variables (interp/vm/call.cpp). False with
// MemoryError pending; the caller clears the frame.
bool frame_init_cells(ThreadState& ts, Frame* f, FunctionObject* fn, CodeObject* co);

// The common call: positional arguments only (the ones left out have
// defaults) to a function whose code has kCodeSimpleArgs (cells and free
// variables allowed).
[[gnu::always_inline]] inline bool simple_call_shape(FunctionObject* fn, CodeObject* co,
                                                     uint32_t nargs) noexcept {
    auto argcount = static_cast<uint32_t>(co->argcount);
    if (!(co->flags & kCodeSimpleArgs) || nargs > argcount) return false;
    if (nargs == argcount) return true;
    uint32_t ndefaults =
        fn->defaults.is_null() ? 0 : static_cast<uint32_t>(tuple_size(fn->defaults));
    return nargs + ndefaults >= argcount;
}

// Pushes the frame of a simple_call_shape call, taking the arguments'
// references (`own_args`) or new ones; `self`, when not null, is a borrowed
// first argument before `args` (nargs counts it). Null with RecursionError
// pending.
[[gnu::always_inline]] inline Frame* push_simple_frame(ThreadState& ts, Value func, Value self,
                                                       const Value* args, uint32_t nargs,
                                                       bool own_args) {
    FunctionObject* fn = func_obj(func);
    CodeObject* co = code_obj(fn->code);
    Value* block = nullptr;
    if (++ts.py_depth > ts.interp().recursion_limit || !(block = ts.frames.push(frame_words(co))))
        [[unlikely]] {
        raise_frame_push_error(ts);
        --ts.py_depth;
        return nullptr;
    }
    auto* f = reinterpret_cast<Frame*>(block);
    init_frame_header(f, co, fn->globals, fn->builtins, Value(), func);
    Value* lp = f->localsplus();
    auto argcount = static_cast<uint32_t>(co->argcount);
    // Only the locals past the parameters need clearing: the rest is set below.
    for (Value *p = lp + argcount, *end = lp + co->nlocalsplus(); p < end; ++p) *p = Value();
    Value* dst = lp;
    if (!self.is_null()) *dst++ = new_ref(self);
    uint32_t given = self.is_null() ? nargs : nargs - 1;
    if (own_args) {
        for (uint32_t i = 0; i < given; ++i) dst[i] = args[i];
    } else {
        for (uint32_t i = 0; i < given; ++i) dst[i] = new_ref(args[i]);
    }
    if (nargs < argcount) [[unlikely]] {
        auto first_default = argcount - static_cast<uint32_t>(tuple_size(fn->defaults));
        for (uint32_t i = nargs; i < argcount; ++i)
            lp[i] = new_ref(tuple_item(fn->defaults, i - first_default));
    }
    if (co->nlocalsplus() != co->nlocals && !frame_init_cells(ts, f, fn, co)) [[unlikely]] {
        // MemoryError: the arguments taken from the caller's stack go back to it.
        if (own_args)
            for (uint32_t i = 0; i < given; ++i) dst[i] = Value();
        pop_frame(ts, f);
        return nullptr;
    }
    return f;
}

// Pushes the frame of a call of any shape (keywords, *args, **kwargs,
// cells, free variables), binding the arguments with CPython's rules and
// errors (interp/vm/call.cpp). Takes new references to the arguments. Null
// with an exception pending.
Frame* push_call_frame(ThreadState& ts, Value func, const Value* args, uint32_t nargs,
                       TupleObject* kwnames);

// CALL's layout is [callable, self or NULL, args...]. A bound method called
// with NULL in the self slot is unpacked in place into [function, self] so
// that the call below is a plain function call with self as its first
// argument (CPython 3.11's CALL does the same). Returns the callable now in
// base[0].
[[gnu::always_inline]] inline Value unpack_bound_method(Value* base) noexcept {
    Value callable = base[0];
    if (!base[1].is_null() || !callable.is_object() ||
        callable.as_object()->kind != ObjKind::BoundMethod) {
        return callable;
    }
    auto* m = reinterpret_cast<MethodObject*>(callable.as_object());
    base[0] = new_ref(m->func);
    base[1] = new_ref(m->self);
    decref(callable);
    return base[0];
}

// CALL's class-instantiation fast path: a class whose instances come from
// object.__new__ and whose __init__ is a plain Python function. Does what
// type.__call__ would, except that __init__'s frame is pushed for the eval
// loop to run instead of a nested eval loop (its return, marked init_call,
// checks for None and keeps the instance). `args` sits just above CALL's
// NULL self slot (args[-1]), which a call of the general shape (an
// __init__ with cells, as any that uses super(), defaults past the simple
// form) borrows for the instance while its arguments are bound.
// Returns the __init__ frame, which took the arguments' references, with
// the new instance in *obj. Returns null with *obj null when the fast path
// does not apply (nothing was done), or null with *failed set and an
// exception pending (the arguments are still the caller's).
[[gnu::always_inline]] inline Frame* push_init_frame(ThreadState& ts, Value cls, Value* args,
                                                     uint32_t nargs, Value* obj, bool* failed) {
    const BuiltinTypes& types = ts.types();
    *obj = Value();
    if (!cls.is_object() || cls.as_object()->kind != ObjKind::Type ||
        cls.as_object()->type->call != types.type->call) {
        return nullptr;
    }
    auto* t = reinterpret_cast<TypeObject*>(cls.as_object());
    if (t->new_ != types.object->new_ || !init_is_python(t)) return nullptr;
    Value init = type_lookup(t, ts.names().__init__);
    if (!is_plain_function(init)) return nullptr;
    bool simple = simple_call_shape(func_obj(init), code_obj(func_obj(init)->code), nargs + 1);
    Value instance = t->new_(ts, t, Args{args, nargs, nullptr});
    Frame* callee = nullptr;
    if (instance.is_null()) {
    } else if (simple) {
        callee = push_simple_frame(ts, init, instance, args, nargs + 1, true);
    } else {
        args[-1] = instance;
        callee = push_call_frame(ts, init, args - 1, nargs + 1, nullptr);
        args[-1] = Value();
        if (callee) {
            // Bound with references of its own: the stack's go.
            for (uint32_t i = 0; i < nargs; ++i) clear_ref(args[i]);
        }
    }
    if (!callee) {
        decref(instance);
        *failed = true;
        return nullptr;
    }
    callee->init_call = 1;
    *obj = instance;
    return callee;
}

// FOR_ITER over a generator runs its frame in the same eval loop when the
// generator is plain (not a coroutine or async generator; the caller checks
// the exact type), is neither running nor finished, and the recursion limit
// allows one more frame, which this counts.
[[gnu::always_inline]] inline bool gen_resumable_in_loop(ThreadState& ts,
                                                         GeneratorObject* g) noexcept {
    if (g->state != GenState::Created && g->state != GenState::Suspended) return false;
    if (++ts.py_depth > ts.interp().recursion_limit) {
        --ts.py_depth;
        return false;  // the generic resume raises RecursionError
    }
    return true;
}

// Leaves a generator frame run in line (yield, return or exception) for its
// caller, which becomes the thread's running frame. Returns the caller.
[[gnu::always_inline]] inline Frame* leave_generator_frame(ThreadState& ts, Frame* gf) noexcept {
    Frame* caller = gf->previous;
    gf->previous = nullptr;
    --ts.py_depth;
    ts.frame = caller;
    return caller;
}

}  // namespace gilt
