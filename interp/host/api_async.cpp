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
#include "runtime/abstract.hpp"
#include "runtime/native_function.hpp"

namespace gilt {

using namespace api;

// --- async host functions ------------------------------------------------------------
//
// A call of an async host function returns the coroutine _hostasync.run(token).
// Each time it wants the host code to go on, it calls the native _step(token,
// sent, thrown): _step switches into the call's fiber, which runs the body
// until the body asks for an await (or returns), stores the request in its
// AsyncCall and switches back; _step returns (request, payload) to the
// coroutine, which awaits it on the loop and comes back with the outcome.
// So everything Python-visible (the Task, cancellation, gather) is plain
// asyncio, and the fiber is only a way for C++ to keep its stack across
// awaits. Boost.Context's fiber is the one-shot continuation that makes the
// switch; a fiber destroyed while suspended is unwound by Boost's
// forced_unwind, which runs the destructors on its stack.
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

AsyncCall* find_call(HostState& hs, Value token) {
    if (!token.is_small_int()) return nullptr;
    auto it = hs.async->calls.find(token.as_small_int());
    return it == hs.async->calls.end() ? nullptr : it->second.get();
}

// Switches into the call's fiber with the coroutine's outcome; returns what
// the body asks for next as (request, payload), or rethrows its exception.
Handle step_call(HostState& hs, AsyncCall& call, Value sent, Value thrown) {
    if (!thrown.is_none())
        call.thrown = Access::borrow(&hs, thrown);
    else
        call.sent = Access::borrow(&hs, sent);
    if (!call.fiber && !call.done) call.start();
    call.running = true;
    call.on_fiber_stack(
        [&] { call.switch_in([&] { call.fiber = std::move(call.fiber).resume(); }); });
    call.running = false;
    if (!call.done) {
        Handle payload = std::exchange(call.payload, Handle());
        std::array<Handle, 2> items{hs.host->object(static_cast<std::int64_t>(call.request)),
                                    payload};
        return hs.host->tuple(items);
    }
    return Handle();  // done: the caller takes the result
}

Value async_step(ThreadState& ts, Args args) {
    CurrentThread current(ts);
    HostState* hs = host_state_of(ts);
    if (hs == nullptr || args.n != 3) {
        return raise(ts, ts.exc_types().SystemError, "bad call of an async host step");
    }
    AsyncCall* call = find_call(*hs, args[0]);
    if (call == nullptr) {
        return raise(ts, ts.exc_types().RuntimeError, "cannot reuse already awaited coroutine");
    }
    std::int64_t token = args[0].as_small_int();
    return catch_into_python(*hs, [&]() -> Value {
        Handle next = step_call(*hs, *call, args[1], args[2]);
        if (!next.is_empty()) return new_ref(Access::value(next));
        // Finished: the call leaves the table; its result or error goes out.
        std::unique_ptr<AsyncCall> finished = std::move(hs->async->calls[token]);
        hs->async->calls.erase(token);
        if (finished->error) std::rethrow_exception(finished->error);
        std::array<Handle, 2> items{
            hs->host->object(0), finished->result.is_empty() ? hs->host->none() : finished->result};
        Handle out = hs->host->tuple(items);
        return new_ref(Access::value(out));
    });
}

Value async_close(ThreadState& ts, Args args) {
    CurrentThread current(ts);
    HostState* hs = host_state_of(ts);
    if (hs == nullptr || args.n != 1 || !args[0].is_small_int()) return Value::none();
    auto it = hs->async->calls.find(args[0].as_small_int());
    if (it == hs->async->calls.end() || it->second->running) return Value::none();
    std::unique_ptr<AsyncCall> call = std::move(it->second);
    hs->async->calls.erase(it);
    call.reset();  // unwinds the fiber if it is suspended
    return Value::none();
}

// Imports the driver module once and gives it its native half.
void ensure_async_driver(HostState& hs) {
    if (!hs.async->run.is_empty()) return;
    ThreadState& ts = current_ts(hs);
    Handle module = hs.host->import("_hostasync");
    Ref step(make_native_function(ts, "_step", async_step));
    Ref close(make_native_function(ts, "_close", async_close));
    if (!step || !close) throw_pending(hs);
    module.set_attr("step", Access::borrow(&hs, *step));
    module.set_attr("close", Access::borrow(&hs, *close));
    hs.async->run = module.attr("run");
}

// The host function behind an async one: makes the call and its coroutine.
Function async_starter(HostState& hs, std::string_view name, AsyncFunction fn) {
    auto shared = std::make_shared<AsyncFunction>(std::move(fn));
    return [&hs, shared, name = std::string(name)](CallContext&, std::span<const Handle> args) {
        std::int64_t token = hs.async->next_token++;
        hs.async->calls[token] = std::make_unique<AsyncCall>(hs, shared, name, args);
        return hs.async->run(token);
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
    hs.async->run = Handle();
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
