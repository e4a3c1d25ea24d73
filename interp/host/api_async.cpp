// Async host functions (Host::def_async): C++ bodies that await, on
// Boost.Context fibers. How a call runs is told below.
#include <array>
#include <exception>
#include <map>
#include <memory>
#include <utility>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/common_interface_defs.h>
#define GILT_ASAN_FIBERS 1
#endif
#include <boost/context/fiber.hpp>
#include <boost/context/pooled_fixedsize_stack.hpp>

#include "interp/host/api_internal.hpp"
#include "interp/vm/eval_helpers.hpp"
#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/generator.hpp"
#include "runtime/heap.hpp"
#include "runtime/native_function.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"

namespace gilt {

using namespace api;

// --- async host functions ------------------------------------------------------------
//
// A call of an async host function returns a native coroutine object
// (HostCoroutine) bound to an AsyncCall, which owns the fiber the body runs
// on. Each send() into the coroutine switches into the fiber with the
// outcome of the body's last await; the body runs until it asks for its next
// await (AsyncContext::await, sleep, wait_readable/writable) or returns, and
// switches back. The coroutine then drives what was asked for itself, as
// `yield from` would: it gets the awaitable's iterator and passes the
// loop's send/throw through to it until it finishes, and that outcome goes
// into the fiber at the next switch. sleep(0) is a bare yield to the loop
// (what asyncio.sleep(0) does), so a round trip makes no object at all.
// So everything Python-visible (the Task, cancellation, gather) is plain
// asyncio, and the fiber is only a way for C++ to keep its stack across
// awaits. Boost.Context's fiber is the one-shot continuation that makes the
// switch; a fiber destroyed while suspended (the coroutine closed or freed)
// is unwound by Boost's forced_unwind, which runs the destructors on its
// stack.
//
// The C++ stack check: ThreadState::stack_limit describes the thread's own
// stack, so while a fiber runs it is pointed into the fiber's stack (a quarter
// of the stack left as margin), and put back when the fiber switches out.

namespace detail {

enum AsyncRequest : std::int64_t {
    kDone = 0,
    kAwait = 1,
    kSleep = 2,
    kReadable = 3,
    kWritable = 4
};

struct AsyncCall {
    AsyncCall(HostState& hs, std::shared_ptr<AsyncFunction> fn, std::string_view name,
              std::span<const Handle> args)
        : hs(hs), fn(std::move(fn)), name(name), args(args.begin(), args.end()) {}

    // Unwinds a fiber still suspended (with the GIL held, since its stack
    // holds Handles).
    ~AsyncCall() {
        if (fiber) on_fiber_stack([&] { switch_in([&] { fiber = {}; }); });
    }

    // Runs `switch_in` (which resumes or destroys the fiber) with the stack
    // check aimed at the fiber's stack.
    template <class F>
    void on_fiber_stack(F&& switch_in) {
        ThreadState& ts = current_ts(hs);
        const char* saved = ts.stack_limit;
        ts.stack_limit = stack_low == nullptr ? nullptr : stack_low + hs.async->stack_size / 4;
        switch_in();
        ts.stack_limit = saved;
    }

    void start() {
        boost::context::pooled_fixedsize_stack pool = hs.async->pool;
        StackRecorder recorder{pool, &stack_low};
        fiber = boost::context::fiber(std::allocator_arg, recorder,
                                      [this](boost::context::fiber&& back) {
                                          asan_arrived(nullptr, &caller_bottom, &caller_size);
                                          caller = std::move(back);
                                          try {
                                              body();
                                          } catch (const boost::context::detail::forced_unwind&) {
                                              asan_enter(nullptr, caller_bottom, caller_size);
                                              throw;
                                          }
                                          asan_enter(nullptr, caller_bottom, caller_size);
                                          return std::move(caller);
                                      });
    }

    void body() {
        AsyncContext cx(hs.host, name, this);
        try {
            result = (*fn)(cx, std::span<const Handle>(args));
        } catch (const boost::context::detail::forced_unwind&) {
            throw;  // the fiber is being destroyed: let Boost unwind it
        } catch (...) {
            error = std::current_exception();
        }
        done = true;
    }

    // ASan must be told of every stack switch (Boost's fcontext does not),
    // or it reports false overflows after a fiber has thrown.
    void asan_enter(void** fake, const void* bottom, std::size_t size) {
#ifdef GILT_ASAN_FIBERS
        __sanitizer_start_switch_fiber(fake, bottom, size);
#else
        static_cast<void>(fake), static_cast<void>(bottom), static_cast<void>(size);
#endif
    }
    void asan_arrived(void* fake, const void** bottom, std::size_t* size) {
#ifdef GILT_ASAN_FIBERS
        __sanitizer_finish_switch_fiber(fake, bottom, size);
#else
        static_cast<void>(fake), static_cast<void>(bottom), static_cast<void>(size);
#endif
    }
    // Caller side: switches into the fiber (resume or unwind).
    template <class F>
    void switch_in(F&& go) {
        void* fake = nullptr;
        asan_enter(&fake, stack_low, hs.async->stack_size);
        go();
        asan_arrived(fake, nullptr, nullptr);
    }

    // Fiber side: hands `what` to the coroutine, waits for the outcome.
    Handle suspend(AsyncRequest request, Handle what) {
        if (!running) throw std::logic_error("gilt: AsyncContext used outside its call");
        this->request = request;
        payload = std::move(what);
        running = false;
        void* fake = nullptr;
        asan_enter(&fake, caller_bottom, caller_size);
        try {
            caller = std::move(caller).resume();
        } catch (const boost::context::detail::forced_unwind&) {
            asan_arrived(fake, &caller_bottom, &caller_size);  // being destroyed
            throw;
        }
        asan_arrived(fake, &caller_bottom, &caller_size);
        running = true;
        if (!thrown.is_empty()) {
            ThreadState& ts = current_ts(hs);
            restore_exception(ts, new_ref(Access::value(thrown)));
            thrown = Handle();
            sent = Handle();
            throw_pending(hs);
        }
        return std::exchange(sent, Handle());
    }

    // Allocates from the pool and remembers the low end of the stack.
    struct StackRecorder {
        boost::context::pooled_fixedsize_stack pool;
        const char** low;
        boost::context::stack_context allocate() {
            boost::context::stack_context sc = pool.allocate();
            *low = static_cast<const char*>(sc.sp) - sc.size;
            return sc;
        }
        void deallocate(boost::context::stack_context& sc) noexcept { pool.deallocate(sc); }
    };

    HostState& hs;
    std::shared_ptr<AsyncFunction> fn;
    std::string name;
    std::vector<Handle> args;
    boost::context::fiber fiber;   // the body's side, while it is suspended
    boost::context::fiber caller;  // the _step side, while the body runs
    const char* stack_low = nullptr;
    const void* caller_bottom = nullptr;  // the resuming thread's stack, for ASan
    std::size_t caller_size = 0;
    bool running = false;
    bool done = false;
    AsyncRequest request = kDone;
    Handle payload;  // what the body asked to await
    Handle sent;     // the outcome of that await, or
    Handle thrown;   // the exception it raised
    Handle result;
    std::exception_ptr error;
};

AsyncState::AsyncState(const Options& options)
    : pool(options.fiber_stack_size, options.fiber_pool_chunk),
      stack_size(options.fiber_stack_size) {}
AsyncState::~AsyncState() = default;

}  // namespace detail

Handle AsyncContext::await(const Handle& awaitable) {
    return m_call->suspend(detail::kAwait, awaitable);
}
void AsyncContext::sleep(double seconds) {
    m_call->suspend(detail::kSleep, m_host->object(seconds));
}
void AsyncContext::wait_readable(int fd) {
    m_call->suspend(detail::kReadable, m_host->object(fd));
}
void AsyncContext::wait_writable(int fd) {
    m_call->suspend(detail::kWritable, m_host->object(fd));
}

namespace {

using detail::AsyncCall;

AsyncCall* find_call(HostState& hs, std::int64_t token) {
    auto it = hs.async->calls.find(token);
    return it == hs.async->calls.end() ? nullptr : it->second.get();
}

// Switches into the call's fiber with the outcome of its last await (a
// value, or an exception when `thrown` is not null); back here when the body
// asks for its next await (call.request, call.payload) or is done.
void switch_into(HostState& hs, AsyncCall& call, Value sent, Value thrown) {
    if (!thrown.is_null())
        call.thrown = Access::borrow(&hs, thrown);
    else
        call.sent = Access::borrow(&hs, sent);
    if (!call.fiber && !call.done) call.start();
    call.running = true;
    call.on_fiber_stack(
        [&] { call.switch_in([&] { call.fiber = std::move(call.fiber).resume(); }); });
    call.running = false;
}

// The coroutine an async host function's call returns.
struct HostCoroutine {
    Object hdr;
    std::int64_t token;  // its AsyncCall in hs.async->calls; 0 once finished or closed
    Value delegate;      // the iterator of what the body awaits, being driven (owned), or null
    Value name;          // the host function's name (owned)
};

HostCoroutine* host_coro(Value v) {
    return reinterpret_cast<HostCoroutine*>(v.as_object());
}

// throw() into the awaitable being driven, as `yield from` does.
SendResult throw_into(ThreadState& ts, Value it, Value exc, Value* out) {
    if (is_generator_like(it)) return gen_throw(ts, it, new_ref(exc), out);
    Ref meth(obj_getattr_opt(ts, it, ts.names().throw_));
    if (!meth) {
        if (!ts.has_exception()) restore_exception(ts, new_ref(exc));
        return SendResult::Error;
    }
    *out = call1(ts, *meth, exc);
    if (!out->is_null()) return SendResult::Yielded;
    if (!exception_matches(ts, ts.exc_types().StopIteration)) return SendResult::Error;
    Ref stop(fetch_exception(ts));
    Value args = exc_obj(*stop)->args;
    *out = tuple_size(args) ? new_ref(tuple_item(args, 0)) : Value::none();
    return SendResult::Returned;
}

// The iterator that carries out the body's request (new reference), or null:
// with an exception pending (it goes into the body), or with *bare set for
// sleep(0), which is one bare yield to the loop.
Value request_iter(ThreadState& ts, HostState& hs, AsyncCall& call, bool* bare) {
    Handle payload = std::exchange(call.payload, Handle());
    Value p = Access::value(payload);
    Ref awaitable;
    if (call.request == detail::kAwait) {
        awaitable = Ref::borrow(p);
    } else if (call.request == detail::kSleep) {
        double delay;
        if (!obj_as_double(ts, p, &delay)) return Value();
        if (delay <= 0) {
            *bare = true;
            return Value();
        }
        awaitable = Ref(call1(ts, Access::value(hs.async->sleep), p));
    } else {
        Value writing = Value::boolean(call.request == detail::kWritable);
        awaitable = Ref(call_n(ts, Access::value(hs.async->fd_ready), {p, writing}));
    }
    return awaitable ? eval_get_awaitable(ts, *awaitable) : Value();
}

// The body returned or threw: the call leaves the table, and its result
// ends the coroutine (StopIteration) or its exception propagates.
Value finish_call(ThreadState& ts, HostState& hs, HostCoroutine* c) {
    std::unique_ptr<AsyncCall> finished = std::move(hs.async->calls[c->token]);
    hs.async->calls.erase(c->token);
    c->token = 0;
    if (finished->error) {
        std::exception_ptr error = finished->error;
        return catch_into_python(hs, [&]() -> Value { std::rethrow_exception(error); });
    }
    Value result = finished->result.is_empty() ? Value::none() : Access::value(finished->result);
    return raise_stop_iteration(ts, result);
}

// One send (or throw, when `thrown` is not null) into the coroutine: a new
// reference to what it yields to the loop, or null with StopIteration (it
// finished) or another exception pending.
Value host_coro_step(ThreadState& ts, Value self, Value sent, Value thrown) {
    CurrentThread current(ts);
    HostState* hs = host_state_of(ts);
    HostCoroutine* c = host_coro(self);
    Ref keep = Ref::borrow(self);
    Ref value = Ref::borrow(sent.is_null() ? Value::none() : sent);
    Ref exc = Ref::borrow(thrown);
    for (;;) {
        if (!c->delegate.is_null()) {
            Value out;
            SendResult r = exc ? throw_into(ts, c->delegate, *exc, &out)
                               : eval_send(ts, c->delegate, *value, &out);
            if (r == SendResult::Yielded) return out;
            clear_ref(c->delegate);
            value = r == SendResult::Returned ? Ref(out) : Ref::borrow(Value::none());
            exc = r == SendResult::Returned ? Ref() : Ref(fetch_exception(ts));
        }
        AsyncCall* call = hs == nullptr || c->token == 0 ? nullptr : find_call(*hs, c->token);
        if (call == nullptr) {
            if (exc) return restore_exception(ts, exc.release()), Value();
            return raise(ts, ts.exc_types().RuntimeError, "cannot reuse already awaited coroutine");
        }
        if (call->running)
            return raise(ts, ts.exc_types().ValueError, "coroutine already executing");
        Value ok = catch_into_python(*hs, [&]() -> Value {
            switch_into(*hs, *call, *value, *exc);
            return Value::none();
        });
        if (ok.is_null()) return ok;
        if (call->done) return finish_call(ts, *hs, c);
        bool bare = false;
        c->delegate = request_iter(ts, *hs, *call, &bare);
        value = Ref::borrow(Value::none());
        exc = Ref();
        if (bare) return Value::none();
        if (c->delegate.is_null()) exc = Ref(fetch_exception(ts));  // goes into the body
    }
}

Value host_coro_next(ThreadState& ts, Value self) {
    return host_coro_step(ts, self, Value::none(), Value());
}

Value host_coro_send(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "send", 1, 1)) return Value();
    return host_coro_step(ts, args[0], args[1], Value());
}

// throw(exc) or throw(type[, value[, tb]]).
Value host_coro_throw(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "throw", 1, 3)) return Value();
    Value what = args[1];
    Ref exc;
    if (is_exception_instance(ts, what)) {
        exc = Ref::borrow(what);
    } else if (is_exception_type(ts, what)) {
        exc = Ref(args.n > 2 && !args[2].is_none() ? call1(ts, what, args[2]) : call0(ts, what));
        if (!exc) return Value();
    } else {
        return raise(ts, ts.exc_types().TypeError,
                     "exceptions must be classes or instances deriving from BaseException, not " +
                         std::string(type_name(ts, what)));
    }
    return host_coro_step(ts, args[0], Value::none(), *exc);
}

// Unwinds the call's fiber if it is suspended (its destructors run), and
// forgets the call.
void drop_call(ThreadState& ts, HostCoroutine* c) {
    if (c->token == 0) return;
    CurrentThread current(ts);
    HostState* hs = host_state_of(ts);
    if (hs == nullptr || !hs->async) return;
    auto it = hs->async->calls.find(c->token);
    if (it == hs->async->calls.end() || it->second->running) return;
    c->token = 0;
    std::unique_ptr<AsyncCall> call = std::move(it->second);
    hs->async->calls.erase(it);
    call.reset();
}

// close(): closes what the body awaits, then unwinds the body.
Value host_coro_close(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "close", 0, 0)) return Value();
    HostCoroutine* c = host_coro(args[0]);
    if (!c->delegate.is_null()) {
        Ref d(std::exchange(c->delegate, Value()));
        if (is_generator_like(*d)) {
            if (!gen_close(ts, *d)) return Value();
        } else {
            Ref close_name(ts.interp().intern("close"));
            Ref meth(obj_getattr_opt(ts, *d, *close_name));
            if (meth && Ref(call0(ts, *meth)).is_null()) return Value();
            if (ts.has_exception()) return Value();
        }
    }
    drop_call(ts, c);
    return Value::none();
}

constexpr MethodDef kHostCoroMethods[] = {
    {"send", host_coro_send},
    {"throw", host_coro_throw},
    {"close", host_coro_close},
};

Value host_coro_name(ThreadState&, Value self) {
    return new_ref(host_coro(self)->name);
}

constexpr GetSetDef kHostCoroGetSets[] = {
    {"__name__", host_coro_name},
    {"__qualname__", host_coro_name},
};

Value host_coro_self(ThreadState&, Value self) {
    return new_ref(self);
}

void host_coro_dealloc(Object* o) {
    auto* c = reinterpret_cast<HostCoroutine*>(o);
    if (c->token != 0) {
        ThreadState* ts = ThreadState::current(*o->type->interp);
        if (ts != nullptr) {
            o->refcnt = 1;  // alive while its fiber unwinds
            Value saved = fetch_exception(*ts);
            drop_call(*ts, c);
            restore_exception(*ts, saved);
            if (--o->refcnt != 0) return;
        }
    }
    clear_ref(c->delegate);
    clear_ref(c->name);
    free_object(o);
}

void host_coro_traverse(Object* o, VisitFn visit, void* ctx) {
    auto* c = reinterpret_cast<HostCoroutine*>(o);
    if (!c->delegate.is_null()) visit(c->delegate, ctx);
}

void host_coro_clear(Object* o) {
    clear_ref(reinterpret_cast<HostCoroutine*>(o)->delegate);
}

TypeObject* make_host_coro_type(Interpreter& interp) {
    TypeObject* t = type_alloc_builtin(interp, "host_coroutine", ObjKind::Native,
                                       sizeof(HostCoroutine), interp.types.object, kTypeHasGc);
    t->hdr.type = interp.types.type;
    t->dealloc = host_coro_dealloc;
    t->traverse = host_coro_traverse;
    t->clear = host_coro_clear;
    t->iter = host_coro_self;
    t->iternext = host_coro_next;
    t->await_ = host_coro_self;
    type_add_methods(interp, t, kHostCoroMethods);
    type_add_getsets(interp, t, kHostCoroGetSets);
    Ref mod(interp.intern("gilt.host"));
    type_set_attr_cstr(interp, t, "__module__", *mod);
    type_ready(interp, t);
    return t;
}

// Makes the coroutine type once, and takes what it needs from _hostasync
// (which registers the type as a collections.abc.Coroutine).
void ensure_async_driver(HostState& hs) {
    if (hs.async->coro_type != nullptr) return;
    TypeObject* t = make_host_coro_type(*hs.interp);
    Handle module = hs.host->import("_hostasync");
    module.attr("register")(Access::borrow(&hs, val(t)));
    hs.async->sleep = module.attr("sleep");
    hs.async->fd_ready = module.attr("fd_ready");
    hs.async->coro_type = t;
}

// The host function behind an async one: makes the call and its coroutine.
Function async_starter(HostState& hs, std::string_view name, AsyncFunction fn) {
    auto shared = std::make_shared<AsyncFunction>(std::move(fn));
    return [&hs, shared, name = std::string(name)](CallContext&, std::span<const Handle> args) {
        ThreadState& ts = current_ts(hs);
        Ref label(make_str(ts, name));
        auto* c = label ? alloc_gc<HostCoroutine>(hs.async->coro_type) : nullptr;
        if (c == nullptr) {
            if (label) raise_memory_error(ts);
            throw_pending(hs);
        }
        c->name = label.release();
        std::int64_t token = hs.async->next_token++;
        hs.async->calls[token] = std::make_unique<AsyncCall>(hs, shared, name, args);
        c->token = token;
        return Access::own(&hs, val(c));
    };
}

}  // namespace

void api::release_async_calls(HostState& hs) {
    if (!hs.async) return;
    Entry entry(hs);
    // Unwinding one fiber may free coroutines that close others: take them
    // out of the table one at a time.
    while (!hs.async->calls.empty()) {
        std::unique_ptr<AsyncCall> call = std::move(hs.async->calls.begin()->second);
        hs.async->calls.erase(hs.async->calls.begin());
        call.reset();
    }
    hs.async->sleep = Handle();
    hs.async->fd_ready = Handle();
}

void Host::def_async(std::string_view name, AsyncFunction fn) {
    HostState& hs = *m_state;
    Entry entry(hs);
    ensure_async_driver(hs);
    def(name, async_starter(hs, name, std::move(fn)));
}

void Host::def_async(const Handle& module, std::string_view name, AsyncFunction fn) {
    HostState& hs = *m_state;
    Entry entry(hs);
    ensure_async_driver(hs);
    ThreadState& ts = entry.ts;
    Ref module_name(obj_getattr_cstr(ts, value_in(hs, module), "__name__"));
    if (!module_name) throw_pending(hs);
    Ref func(make_host_function(hs, name, async_starter(hs, name, std::move(fn)), *module_name));
    if (!func) throw_pending(hs);
    module.set_attr(name, Access::borrow(&hs, *func));
}

}  // namespace gilt
