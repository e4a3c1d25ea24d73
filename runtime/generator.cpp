// Generators, coroutines and async generators (see generator.hpp).
//
// Delegation: a frame suspended inside a `yield from` / `await` loop has the
// receiver on top of its stack and its next instruction jumps back to the
// SEND. throw() and close() check for that shape and forward to the
// receiver first, as CPython's gen_throw does with gi_yieldfrom.
#include "runtime/generator.hpp"

#include <unistd.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <unordered_set>

#include "interp/compiler/opcodes.hpp"
#include "interp/vm/eval.hpp"
#include "interp/vm/frame.hpp"
#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/exception.hpp"
#include "runtime/function.hpp"
#include "runtime/gc.hpp"
#include "runtime/heap.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/iterators.hpp"
#include "runtime/module_state.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"

namespace gilt {

namespace {

GeneratorObject* gen_obj(Value v) {
    return reinterpret_cast<GeneratorObject*>(v.as_object());
}

bool is_coroutine(ThreadState& ts, Value g) {
    return g.as_object()->type == ts.types().coroutine;
}

void free_frame(GeneratorObject* g) {
    if (!g->frame) return;
    frame_clear(g->frame);
    std::free(g->frame);
    g->frame = nullptr;
}

// The receiver of a `yield from`/`await` the frame is suspended in, or null.
Value delegate_of(GeneratorObject* g) {
    Frame* f = g->frame;
    if (!f || g->state != GenState::Suspended) return Value();
    const uint32_t* code = f->code->code.data();
    uint32_t w = *f->ip;
    if (op_of(w) != Op::JUMP_BACKWARD || op_of(code[arg_of(w)]) != Op::SEND) return Value();
    return f->sp[-1];
}

SendResult finish(ThreadState& ts, GeneratorObject* g, Value r, Value* out) {
    if (g->state == GenState::Suspended && !r.is_null()) {
        *out = r;
        return SendResult::Yielded;
    }
    g->state = GenState::Completed;
    free_frame(g);
    if (!r.is_null()) {
        *out = r;
        return SendResult::Returned;
    }
    if (exception_matches(ts, ts.exc_types().StopIteration) ||
        (g->hdr.type == ts.types().async_generator &&
         exception_matches(ts, ts.exc_types().StopAsyncIteration))) {
        Ref cause(fetch_exception(ts));
        const char* what = g->hdr.type == ts.types().coroutine         ? "coroutine"
                           : g->hdr.type == ts.types().async_generator ? "async generator"
                                                                       : "generator";
        bool async_stop = is_instance_of(ts, *cause, ts.exc_types().StopAsyncIteration);
        raise_fmt(ts, ts.exc_types().RuntimeError, "{} raised {}", what,
                  async_stop ? "StopAsyncIteration" : "StopIteration");
        ExceptionObject* e = exc_obj(ts.exc);
        set_ref(e->cause, cause.release());
        e->suppress_context = true;
    }
    return SendResult::Error;
}

SendResult resume(ThreadState& ts, GeneratorObject* g, bool throwing, Value* out) {
    if (!enter_native_call(ts)) return SendResult::Error;
    g->state = GenState::Running;
    Value r = eval_frame(ts, g->frame, throwing);
    leave_native_call(ts);
    return finish(ts, g, r, out);
}

bool check_runnable(ThreadState& ts, GeneratorObject* g) {
    if (g->state == GenState::Running) {
        raise_fmt(ts, ts.exc_types().ValueError, "{} already executing",
                  g->hdr.type == ts.types().coroutine ? "coroutine" : "generator");
        return false;
    }
    return true;
}

}  // namespace

bool gen_finish_in_loop(ThreadState& ts, GeneratorObject* g, bool raised) {
    g->state = GenState::Completed;
    Value out;
    if (finish(ts, g, raised ? Value() : Value::none(), &out) == SendResult::Error) return false;
    return true;
}

bool is_generator_like(Value v) noexcept {
    if (!v.is_object()) return false;
    ObjKind k = v.as_object()->kind;
    return k == ObjKind::Generator || k == ObjKind::Coroutine || k == ObjKind::AsyncGenerator;
}

Value make_generator(ThreadState& ts, Value func, Frame* frame) {
    CodeObject* co = code_obj(func_obj(func)->code);
    TypeObject* t = (co->flags & kCodeCoroutine)        ? ts.types().coroutine
                    : (co->flags & kCodeAsyncGenerator) ? ts.types().async_generator
                                                        : ts.types().generator;
    auto* g = alloc_gc<GeneratorObject>(t);
    if (!g) {
        frame_clear(frame);
        std::free(frame);
        return raise_memory_error(ts);
    }
    g->frame = frame;
    frame->gen = g;
    g->name = new_ref(func_obj(func)->name);
    g->qualname = new_ref(func_obj(func)->qualname);
    g->code = new_ref(func_obj(func)->code);
    g->state = GenState::Created;
    return val(g);
}

SendResult gen_send(ThreadState& ts, Value gen, Value value, Value* out) {
    GeneratorObject* g = gen_obj(gen);
    if (!check_runnable(ts, g)) return SendResult::Error;
    if (g->state == GenState::Completed) {
        if (is_coroutine(ts, gen)) {
            raise(ts, ts.exc_types().RuntimeError, "cannot reuse already awaited coroutine");
        } else if (g->hdr.type == ts.types().async_generator) {
            raise(ts, ts.exc_types().StopAsyncIteration, "");
        } else {
            raise_object(ts, val(ts.exc_types().StopIteration));
        }
        return SendResult::Error;
    }
    if (g->state == GenState::Created) {
        if (!value.is_none()) {
            raise_fmt(ts, ts.exc_types().TypeError,
                      "can't send non-None value to a just-started {}",
                      is_coroutine(ts, gen) ? "coroutine" : "generator");
            return SendResult::Error;
        }
    } else {
        *g->frame->sp++ = new_ref(value);
    }
    return resume(ts, g, false, out);
}

SendResult gen_throw(ThreadState& ts, Value gen, Value exc, Value* out) {
    GeneratorObject* g = gen_obj(gen);
    Ref e(exc);
    if (!check_runnable(ts, g)) return SendResult::Error;
    if (g->state != GenState::Suspended) {
        g->state = GenState::Completed;
        free_frame(g);
        restore_exception(ts, e.release());
        return SendResult::Error;
    }
    Value recv = delegate_of(g);
    if (!recv.is_null()) {
        SendResult r;
        Value inner;
        g->state = GenState::Running;
        if (is_instance_of(ts, *e, ts.exc_types().GeneratorExit)) {
            bool ok = is_generator_like(recv) ? gen_close(ts, recv) : true;
            g->state = GenState::Suspended;
            if (!ok) return resume(ts, g, true, out);
            restore_exception(ts, e.release());
            return resume(ts, g, true, out);
        }
        if (is_generator_like(recv)) {
            r = gen_throw(ts, recv, new_ref(*e), &inner);
        } else {
            Ref meth(obj_getattr_opt(ts, recv, ts.names().throw_));
            if (!meth) {
                g->state = GenState::Suspended;
                if (ts.has_exception()) return resume(ts, g, true, out);
                restore_exception(ts, e.release());
                return resume(ts, g, true, out);
            }
            Value res = call1(ts, *meth, *e);
            r = res.is_null() ? SendResult::Error : SendResult::Yielded;
            inner = res;
            if (res.is_null() && exception_matches(ts, ts.exc_types().StopIteration)) {
                Ref stop(fetch_exception(ts));
                Value args = exc_obj(*stop)->args;
                inner = tuple_size(args) ? new_ref(tuple_item(args, 0)) : Value::none();
                r = SendResult::Returned;
            }
        }
        g->state = GenState::Suspended;
        if (r == SendResult::Yielded) {
            *out = inner;
            return SendResult::Yielded;
        }
        if (r == SendResult::Returned) {
            // The delegation finished: continue after the SEND with its result.
            Frame* f = g->frame;
            const uint32_t* code = f->code->code.data();
            uint32_t send = code[arg_of(*f->ip)];
            decref(*--f->sp);
            *f->sp++ = inner;
            f->ip = code + arg_of(send);
            return resume(ts, g, false, out);
        }
        return resume(ts, g, true, out);
    }
    restore_exception(ts, e.release());
    return resume(ts, g, true, out);
}

bool gen_close(ThreadState& ts, Value gen) {
    GeneratorObject* g = gen_obj(gen);
    if (g->state == GenState::Created || g->state == GenState::Completed) {
        g->state = GenState::Completed;
        free_frame(g);
        return true;
    }
    if (!check_runnable(ts, g)) return false;
    Value exc = exception_new(ts, ts.exc_types().GeneratorExit, ts.interp().empty_tuple);
    if (exc.is_null()) return false;
    Value out;
    SendResult r = gen_throw(ts, gen, exc, &out);
    if (r == SendResult::Yielded) {
        decref(out);
        raise_fmt(ts, ts.exc_types().RuntimeError, "{} ignored GeneratorExit",
                  is_coroutine(ts, gen)                       ? "coroutine"
                  : g->hdr.type == ts.types().async_generator ? "async generator"
                                                              : "generator");
        return false;
    }
    if (r == SendResult::Returned) {
        decref(out);
        return true;
    }
    if (exception_matches(ts, ts.exc_types().GeneratorExit) ||
        exception_matches(ts, ts.exc_types().StopIteration)) {
        clear_exception(ts);
        return true;
    }
    return false;
}

namespace {

Value gen_iternext(ThreadState& ts, Value self) {
    Value out;
    SendResult r = gen_send(ts, self, Value::none(), &out);
    if (r == SendResult::Yielded) return out;
    if (r == SendResult::Returned) {
        if (out.is_none()) return Value();
        raise_stop_iteration(ts, out);
        decref(out);
        return Value();
    }
    if (exception_matches(ts, ts.exc_types().StopIteration) &&
        gen_obj(self)->state == GenState::Completed && gen_obj(self)->frame == nullptr &&
        self.as_object()->type == ts.types().generator) {
        // Exhausted generator: plain exhaustion, no exception for FOR_ITER.
        clear_exception(ts);
    }
    return Value();
}

Value send_result(ThreadState& ts, SendResult r, Value out, bool async_gen) {
    if (r == SendResult::Yielded) return out;
    if (r == SendResult::Returned) {
        if (async_gen) {
            decref(out);
            return raise(ts, ts.exc_types().StopAsyncIteration, "");
        }
        Value e = raise_stop_iteration(ts, out);
        decref(out);
        return e;
    }
    return Value();
}

Value gen_send_method(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "send", 2, 2)) return Value();
    Value out;
    SendResult r = gen_send(ts, args[0], args[1], &out);
    return send_result(ts, r, out, false);
}

// throw(value) or the deprecated throw(type[, value[, tb]]).
Value make_thrown(ThreadState& ts, Args args) {
    Value typ = args[1];
    if (is_exception_instance(ts, typ)) return new_ref(typ);
    if (is_exception_type(ts, typ)) {
        Value v = args.n > 2 ? args[2] : Value::none();
        if (is_exception_instance(ts, v)) return new_ref(v);
        if (v.is_none()) return call0(ts, typ);
        return call1(ts, typ, v);
    }
    return raise(ts, ts.exc_types().TypeError,
                 "exceptions must be classes or instances deriving from BaseException, not " +
                     std::string(type_name(ts, typ)));
}

Value gen_throw_method(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "throw", 2, 4)) return Value();
    Value exc = make_thrown(ts, args);
    if (exc.is_null()) return exc;
    Value out;
    SendResult r = gen_throw(ts, args[0], exc, &out);
    return send_result(ts, r, out, false);
}

Value gen_close_method(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "close", 1, 1)) return Value();
    return gen_close(ts, args[0]) ? Value::none() : Value();
}

// What a generator-like object must do before it is freed (CPython's
// _PyGen_Finalize, the tp_finalize of generators, coroutines and async
// generators): an async generator with a finalizer hook is handed to it
// (asyncio schedules its aclose()); a coroutine that never ran warns
// "coroutine ... was never awaited"; any other suspended one is closed, so
// its `finally` blocks and `with` exits run.
enum class GenFinalizer { Nothing, CallHook, WarnUnawaited, Close };

GenFinalizer finalizer_for(Object* o) {
    auto* g = reinterpret_cast<GeneratorObject*>(o);
    if (!g->ag_finalizer.is_null() && g->state != GenState::Completed)
        return GenFinalizer::CallHook;
    if (g->state == GenState::Created && o->type == o->type->interp->types.coroutine)
        return GenFinalizer::WarnUnawaited;
    return g->state == GenState::Suspended ? GenFinalizer::Close : GenFinalizer::Nothing;
}

// "RuntimeWarning: coroutine 'f' was never awaited", through
// warnings._warn_unawaited_coroutine as in CPython
// (_PyErr_WarnUnawaitedCoroutine), so filters apply and the line shown is
// the one running when the coroutine died; the coroutine is the warning's
// `source`. It is marked finished first, so it warns only once. Once the
// modules are gone (interpreter tear-down) the warning cannot go through
// `warnings`; it is written as CPython writes it then, once per message
// ("default" action at the stand-in location sys:1).
void warn_at_teardown(Interpreter& interp, GeneratorObject* g) {
    std::string text = "sys:1: RuntimeWarning: coroutine '" +
                       std::string(g->qualname.is_null() ? "?" : str_view(g->qualname)) +
                       "' was never awaited\n";
    using Seen = std::unordered_set<std::string>;
    if (!module_state<Seen>(interp, "coroutine.teardown_warnings").insert(text).second) return;
    if (interp.stderr_sink) {
        interp.stderr_sink(text);
        return;
    }
    std::size_t done = 0;
    while (done < text.size()) {
        ssize_t n = ::write(2, text.data() + done, text.size() - done);
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
    }
}

void warn_unawaited(Interpreter& interp, ThreadState* ts, Object* o) {
    auto* g = reinterpret_cast<GeneratorObject*>(o);
    g->state = GenState::Completed;
    free_frame(g);
    if (!ts || interp.sys.is_null()) return;
    Value saved = fetch_exception(*ts);
    {
        Value coro = Value::object(o);
        Value modules = interp.modules;
        Value warnings = modules.is_null() ? Value() : dict_get_cstr(*ts, modules, "warnings");
        Ref importer = Ref::borrow(dict_get_cstr(*ts, interp.builtins, "__import__"));
        Ref name(make_str(*ts, "warnings"));
        Ref module(!warnings.is_null() ? new_ref(warnings)
                   : importer && name  ? call1(*ts, *importer, *name)
                                       : Value());
        Ref hook(interp.intern("_warn_unawaited_coroutine"));
        Ref r(module && hook ? call_method(*ts, *module, *hook, {coro}) : Value());
        if (!module) {
            clear_exception(*ts);
            warn_at_teardown(interp, g);
        } else if (!r) {
            write_unraisable(*ts, coro);
        }
    }
    restore_exception(*ts, saved);
}

// Can Python code run now? Not on a thread without a ThreadState, nor once
// the interpreter's tear-down has dropped sys and the modules.
ThreadState* thread_for_finalizer(Interpreter& interp) {
    ThreadState* ts = ThreadState::current(interp);
    return ts && !interp.sys.is_null() && !interp.modules.is_null() ? ts : nullptr;
}

// Runs `what` for `o`, which is alive (its caller holds a reference).
// Errors are reported as unraisable; the pending exception is set aside.
void run_gen_finalizer(Interpreter& interp, ThreadState* ts, Object* o, GenFinalizer what) {
    if (what == GenFinalizer::WarnUnawaited) {
        warn_unawaited(interp, ts, o);
        return;
    }
    Value saved = fetch_exception(*ts);
    Value self = Value::object(o);
    bool ok;
    if (what == GenFinalizer::CallHook) {
        Ref hook(std::exchange(reinterpret_cast<GeneratorObject*>(o)->ag_finalizer, Value()));
        ok = !Ref(call1(*ts, *hook, self)).is_null();
    } else {
        ok = gen_close(*ts, self);
    }
    if (!ok) write_unraisable(*ts, self);
    restore_exception(*ts, saved);
}

// The finalizer as deallocation runs it (CPython's
// PyObject_CallFinalizerFromDealloc): once per object (kObjDelCalled, PEP
// 442; the collector may have run it already), with the object alive again
// (refcnt 1) meanwhile. True when something kept it: then it must not be
// freed. A generator the collector found in a cycle was finalized before
// anything of the cycle was cleared (gc_finalize_generator); one that dies
// while the collector clears garbage is not part of it, so everything its
// frame refers to is intact.
bool finalize_on_death(Object* o) {
    if (o->flags & (kObjDelCalled | kObjFinalized)) return false;
    GenFinalizer what = finalizer_for(o);
    if (what == GenFinalizer::Nothing) return false;
    Interpreter& interp = *o->type->interp;
    ThreadState* ts = thread_for_finalizer(interp);
    if (!ts && what != GenFinalizer::WarnUnawaited) return false;
    o->flags |= kObjDelCalled;
    o->refcnt = 1;
    run_gen_finalizer(interp, ts ? ts : ThreadState::current(interp), o, what);
    return --o->refcnt != 0;
}

}  // namespace

bool gc_finalize_generator(ThreadState& ts, Object* o) {
    if (o->flags & kObjDelCalled) return false;
    o->flags |= kObjDelCalled;
    GenFinalizer what = finalizer_for(o);
    Interpreter& interp = ts.interp();
    if (what == GenFinalizer::Nothing || !thread_for_finalizer(interp)) return false;
    run_gen_finalizer(interp, &ts, o, what);
    return true;
}

namespace {

void gen_dealloc(Object* o) {
    if (finalize_on_death(o)) return;
    auto* g = reinterpret_cast<GeneratorObject*>(o);
    free_frame(g);
    clear_ref(g->name);
    clear_ref(g->qualname);
    clear_ref(g->code);
    clear_ref(g->ag_finalizer);
    free_object(o);
}

void gen_traverse(Object* o, VisitFn visit, void* ctx) {
    auto* g = reinterpret_cast<GeneratorObject*>(o);
    if (g->frame && g->frame->code) {
        Frame* f = g->frame;
        Value* lp = f->localsplus();
        for (int i = 0; i < f->code->nlocalsplus(); ++i)
            if (!lp[i].is_null()) visit(lp[i], ctx);
        for (Value* p = f->stack_base(); p < f->sp; ++p)
            if (!p->is_null()) visit(*p, ctx);
        if (!f->func.is_null()) visit(f->func, ctx);
    }
    if (!g->ag_finalizer.is_null()) visit(g->ag_finalizer, ctx);
}

void gen_clear(Object* o) {
    free_frame(reinterpret_cast<GeneratorObject*>(o));
    clear_ref(reinterpret_cast<GeneratorObject*>(o)->ag_finalizer);
}

Value gen_repr(ThreadState& ts, Value self) {
    const char* kind = self.as_object()->type == ts.types().coroutine         ? "coroutine"
                       : self.as_object()->type == ts.types().async_generator ? "async_generator"
                                                                              : "generator";
    return make_str(ts, fmt::format("<{} object {} at {}>", kind, str_view(gen_obj(self)->qualname),
                                    static_cast<const void*>(self.as_object())));
}

Value gen_get_name(ThreadState&, Value self) {
    return new_ref(gen_obj(self)->name);
}
Value gen_get_qualname(ThreadState&, Value self) {
    return new_ref(gen_obj(self)->qualname);
}
Value gen_get_running(ThreadState& ts, Value self) {
    GeneratorObject* g = gen_obj(self);
    if (g->hdr.type == ts.types().async_generator) return Value::boolean(g->ag_running_async);
    return Value::boolean(g->state == GenState::Running);
}
Value gen_get_code(ThreadState&, Value self) {
    return new_ref(gen_obj(self)->code);
}
// gi_frame / cr_frame / ag_frame: a snapshot of the frame, made by the sys
// module's _getframe machinery (registered in module_state, since the
// runtime does not include stdlib); a running generator's shows its
// callers as f_back, a suspended one's none. None once it finished.
Value gen_get_frame(ThreadState& ts, Value self) {
    GeneratorObject* g = gen_obj(self);
    using FrameSnapshotFn = Value (*)(ThreadState&, Frame*, int);
    FrameSnapshotFn* snapshot =
        find_module_state<FrameSnapshotFn>(ts.interp(), "sys.frame_snapshot");
    if (!g->frame || g->state == GenState::Completed || !snapshot) return Value::none();
    return (*snapshot)(ts, g->frame, g->state == GenState::Running ? 64 : 1);
}
Value gen_get_suspended(ThreadState&, Value self) {
    return Value::boolean(gen_obj(self)->state == GenState::Suspended);
}

constexpr MethodDef kGenMethods[] = {
    {"send", gen_send_method},
    {"throw", gen_throw_method},
    {"close", gen_close_method},
};

// gi_yieldfrom / cr_await / ag_await: what a suspended `yield from` or
// `await` delegates to, else None.
Value gen_get_delegate(ThreadState&, Value self) {
    Value d = delegate_of(gen_obj(self));
    return new_ref(d.is_null() ? Value::none() : d);
}

constexpr GetSetDef kGenGetSets[] = {
    {"gi_yieldfrom", gen_get_delegate},  {"cr_await", gen_get_delegate},
    {"ag_await", gen_get_delegate},      {"__name__", gen_get_name},
    {"__qualname__", gen_get_qualname},  {"gi_running", gen_get_running},
    {"gi_code", gen_get_code},           {"gi_frame", gen_get_frame},
    {"gi_suspended", gen_get_suspended}, {"cr_running", gen_get_running},
    {"cr_code", gen_get_code},           {"cr_frame", gen_get_frame},
    {"ag_running", gen_get_running},     {"ag_code", gen_get_code},
    {"ag_frame", gen_get_frame},
};

// --- coroutine.__await__: an iterator over the coroutine ---

struct CoroWrapper {
    Object hdr;
    Value coro;
};

Value coro_await(ThreadState& ts, Value self) {
    auto* w = alloc_gc<CoroWrapper>(ts.types().coroutine_wrapper);
    if (!w) return raise_memory_error(ts);
    w->coro = new_ref(self);
    return val(w);
}

Value coro_wrapper_next(ThreadState& ts, Value self) {
    Value coro = reinterpret_cast<CoroWrapper*>(self.as_object())->coro;
    Value out;
    return send_result(ts, gen_send(ts, coro, Value::none(), &out), out, false);
}

Value coro_wrapper_send(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "send", 2, 2)) return Value();
    Value coro = reinterpret_cast<CoroWrapper*>(args[0].as_object())->coro;
    Value out;
    return send_result(ts, gen_send(ts, coro, args[1], &out), out, false);
}

Value coro_wrapper_throw(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "throw", 2, 4)) return Value();
    Value exc = make_thrown(ts, args);
    if (exc.is_null()) return exc;
    Value coro = reinterpret_cast<CoroWrapper*>(args[0].as_object())->coro;
    Value out;
    return send_result(ts, gen_throw(ts, coro, exc, &out), out, false);
}

Value coro_wrapper_close(ThreadState& ts, Args args) {
    Value coro = reinterpret_cast<CoroWrapper*>(args[0].as_object())->coro;
    return gen_close(ts, coro) ? Value::none() : Value();
}

void coro_wrapper_dealloc(Object* o) {
    clear_ref(reinterpret_cast<CoroWrapper*>(o)->coro);
    free_object(o);
}

void coro_wrapper_traverse(Object* o, VisitFn visit, void* ctx) {
    visit(reinterpret_cast<CoroWrapper*>(o)->coro, ctx);
}

constexpr MethodDef kCoroWrapperMethods[] = {
    {"send", coro_wrapper_send},
    {"throw", coro_wrapper_throw},
    {"close", coro_wrapper_close},
};

// --- async generators: __anext__ returns an awaitable (async_generator_asend) ---

// The same object serves athrow() and aclose(): `value` is then the
// exception thrown in on the first step, and `closing` marks aclose(),
// which completes with None once the generator is gone (or with
// RuntimeError if it yields a value instead of finishing).
struct AsendObject {
    Object hdr;
    Value gen;
    Value value;  // sent on first step (athrow/aclose: thrown)
    bool started;
    bool done;
    bool throwing;
    bool closing;
};

Value make_asend(ThreadState& ts, Value gen, Value value) {
    auto* a = alloc_gc<AsendObject>(ts.types().async_gen_asend);
    if (!a) return raise_memory_error(ts);
    a->gen = new_ref(gen);
    a->value = new_ref(value);
    return val(a);
}

// One step of the awaitable: a plain `yield v` in the async generator
// completes the step with v (StopIteration(v)); yields that come from an
// `await` inside it pass through to the event loop.
// aclose()'s outcome once the generator stopped: GeneratorExit or
// StopAsyncIteration (or a return) mean it closed, which the await sees as
// None; anything else propagates.
Value aclose_finished(ThreadState& ts, SendResult r) {
    if (r == SendResult::Error && !exception_matches(ts, ts.exc_types().GeneratorExit) &&
        !exception_matches(ts, ts.exc_types().StopAsyncIteration))
        return Value();
    if (r == SendResult::Error) clear_exception(ts);
    return raise_stop_iteration(ts, Value::none());
}

// The first step of an awaitable while another one's step is still under
// way: CPython's RuntimeError (an aclose()/athrow() is used up by it). An
// asend.throw() as the first step goes on, as in CPython, and meets the
// generator's own "already executing" if it is on the stack. False with the
// error pending; true to go on.
bool refuse_second_step(ThreadState& ts, AsendObject* a, Value thrown) {
    if (!a->throwing && !thrown.is_null()) return true;
    if (a->throwing) a->done = true;
    const char* what = !a->throwing ? "anext" : a->closing ? "aclose" : "athrow";
    raise_fmt(ts, ts.exc_types().RuntimeError, "{}(): asynchronous generator is already running",
              what);
    return false;
}

Value asend_step(ThreadState& ts, AsendObject* a, Value sent, Value thrown) {
    if (a->done)
        return raise(ts, ts.exc_types().RuntimeError,
                     a->throwing ? "cannot reuse already awaited aclose()/athrow()"
                                 : "cannot reuse already awaited __anext__()/asend()");
    bool first = !a->started;
    GeneratorObject* g = gen_obj(a->gen);
    if (first && g->ag_running_async && !refuse_second_step(ts, a, thrown)) {
        if (!thrown.is_null()) decref(thrown);
        return Value();
    }
    Value send_value = a->started ? sent : a->value;
    a->started = true;
    if (first && a->throwing && thrown.is_null()) thrown = new_ref(a->value);
    Value out;
    g->ag_running_async = true;
    SendResult r = thrown.is_null() ? gen_send(ts, a->gen, send_value, &out)
                                    : gen_throw(ts, a->gen, thrown, &out);
    if (r != SendResult::Yielded || g->ag_value_yield) g->ag_running_async = false;
    if (a->closing && (r != SendResult::Yielded || g->ag_value_yield)) {
        a->done = true;
        if (r != SendResult::Yielded) {
            if (r == SendResult::Returned) decref(out);
            return aclose_finished(ts, r);
        }
        g->ag_value_yield = false;
        decref(out);
        return raise(ts, ts.exc_types().RuntimeError, "async generator ignored GeneratorExit");
    }
    if (r == SendResult::Yielded) {
        if (g->ag_value_yield) {
            g->ag_value_yield = false;
            a->done = true;
            Value e = raise_stop_iteration(ts, out);
            decref(out);
            return e;
        }
        return out;
    }
    a->done = true;
    if (r == SendResult::Returned) {
        decref(out);
        return raise(ts, ts.exc_types().StopAsyncIteration, "");
    }
    return Value();
}

Value asend_next(ThreadState& ts, Value self) {
    return asend_step(ts, reinterpret_cast<AsendObject*>(self.as_object()), Value::none(), Value());
}
Value asend_send(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "send", 2, 2)) return Value();
    return asend_step(ts, reinterpret_cast<AsendObject*>(args[0].as_object()), args[1], Value());
}
Value asend_throw(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "throw", 2, 4)) return Value();
    Value exc = make_thrown(ts, args);
    if (exc.is_null()) return exc;
    return asend_step(ts, reinterpret_cast<AsendObject*>(args[0].as_object()), Value::none(), exc);
}
Value asend_close(ThreadState&, Args args) {
    reinterpret_cast<AsendObject*>(args[0].as_object())->done = true;
    return Value::none();
}
void asend_dealloc(Object* o) {
    auto* a = reinterpret_cast<AsendObject*>(o);
    clear_ref(a->gen);
    clear_ref(a->value);
    free_object(o);
}
void asend_traverse(Object* o, VisitFn visit, void* ctx) {
    auto* a = reinterpret_cast<AsendObject*>(o);
    visit(a->gen, ctx);
    if (!a->value.is_null()) visit(a->value, ctx);
}

constexpr MethodDef kAsendMethods[] = {
    {"send", asend_send},
    {"throw", asend_throw},
    {"close", asend_close},
};

// The first __anext__/asend/athrow/aclose looks at the thread's asyncgen
// hooks (CPython's async_gen_init_hooks): keeps the finalizer, calls
// firstiter(gen) (asyncio records the generator for shutdown_asyncgens).
bool agen_init_hooks(ThreadState& ts, Value self) {
    GeneratorObject* g = gen_obj(self);
    if (g->ag_hooks_inited) return true;
    g->ag_hooks_inited = true;
    if (!ts.asyncgen_finalizer.is_null()) set_ref(g->ag_finalizer, new_ref(ts.asyncgen_finalizer));
    if (ts.asyncgen_firstiter.is_null()) return true;
    Ref hook = Ref::borrow(ts.asyncgen_firstiter);
    return !Ref(call1(ts, *hook, self)).is_null();
}

Value agen_anext(ThreadState& ts, Value self) {
    if (!agen_init_hooks(ts, self)) return Value();
    return make_asend(ts, self, Value::none());
}
Value agen_asend(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "asend", 2, 2)) return Value();
    if (!agen_init_hooks(ts, args[0])) return Value();
    return make_asend(ts, args[0], args[1]);
}
// athrow(exc) and aclose(): awaitables that throw into the generator on
// their first step (aclose throws GeneratorExit and expects it to finish).
Value make_athrow(ThreadState& ts, Value gen, Value exc, bool closing) {
    Value a = make_asend(ts, gen, exc);
    decref(exc);
    if (a.is_null()) return a;
    auto* obj = reinterpret_cast<AsendObject*>(a.as_object());
    obj->throwing = true;
    obj->closing = closing;
    return a;
}

Value agen_aclose(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "aclose", 1, 1)) return Value();
    if (!agen_init_hooks(ts, args[0])) return Value();
    Value exc = call0(ts, val(ts.exc_types().GeneratorExit));
    if (exc.is_null()) return exc;
    return make_athrow(ts, args[0], exc, true);
}

Value agen_athrow(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "athrow", 2, 4)) return Value();
    if (!agen_init_hooks(ts, args[0])) return Value();
    Value exc = make_thrown(ts, args);
    if (exc.is_null()) return exc;
    return make_athrow(ts, args[0], exc, false);
}

constexpr MethodDef kAsyncGenMethods[] = {
    {"asend", agen_asend},
    {"athrow", agen_athrow},
    {"aclose", agen_aclose},
};

void define_gen_like(Interpreter& interp, TypeObject* t, ObjKind kind) {
    t->instance_kind = kind;
    t->basicsize = sizeof(GeneratorObject);
    t->flags |= kTypeHasGc;
    t->dealloc = gen_dealloc;
    t->traverse = gen_traverse;
    t->clear = gen_clear;
    t->repr = gen_repr;
    type_add_getsets(interp, t, kGenGetSets);
}

}  // namespace

void define_generator_type(Interpreter& interp, TypeObject* t) {
    define_gen_like(interp, t, ObjKind::Generator);
    t->iter = iter_self;
    t->iternext = gen_iternext;
    type_add_methods(interp, t, kGenMethods);
}

void define_coroutine_type(Interpreter& interp, TypeObject* t) {
    define_gen_like(interp, t, ObjKind::Coroutine);
    t->await_ = coro_await;
    type_add_methods(interp, t, kGenMethods);
}

void define_async_generator_type(Interpreter& interp, TypeObject* t) {
    define_gen_like(interp, t, ObjKind::AsyncGenerator);
    t->aiter = iter_self;
    t->anext = agen_anext;
    type_add_methods(interp, t, kAsyncGenMethods);
}

void define_coroutine_wrapper_type(Interpreter& interp, TypeObject* t) {
    t->basicsize = sizeof(CoroWrapper);
    t->flags |= kTypeHasGc;
    t->dealloc = coro_wrapper_dealloc;
    t->traverse = coro_wrapper_traverse;
    t->iter = iter_self;
    t->iternext = coro_wrapper_next;
    type_add_methods(interp, t, kCoroWrapperMethods);
}

void define_async_gen_asend_type(Interpreter& interp, TypeObject* t) {
    t->basicsize = sizeof(AsendObject);
    t->flags |= kTypeHasGc;
    t->dealloc = asend_dealloc;
    t->traverse = asend_traverse;
    t->iter = iter_self;
    t->iternext = asend_next;
    t->await_ = [](ThreadState&, Value self) { return new_ref(self); };
    type_add_methods(interp, t, kAsendMethods);
}

}  // namespace gilt
