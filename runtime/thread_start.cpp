// OS threads that run Python code (see thread_start.hpp for the life cycle).
//
// ThreadBoot carries everything a new thread needs; the parent allocates it
// and the child owns it once running. `func`, `args` and `kwargs` are owned
// references created under the parent's GIL and dropped under the child's.
//
// ThreadRegistry counts the threads not yet completely finished. It is held
// by a shared_ptr in interp.module_state and by every ThreadBoot, so the
// child's very last step (the decrement) never touches freed memory even if
// the interpreter is gone by then.
#include "runtime/thread_start.hpp"

#include <pthread.h>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <new>
#include <vector>

#include "runtime/abstract.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/exception.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/locks.hpp"
#include "runtime/signals.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"

namespace gilt {

namespace {

struct ThreadRegistry {
    std::mutex mutex;
    std::condition_variable finished;  // signalled when `running` drops
    uint64_t running = 0;              // guarded by mutex
    std::size_t stack_size = 0;        // _thread.stack_size(); guarded by the GIL
};

// The "ready" handshake between parent and child. Shared: once the parent
// has released the GIL to wait, the child may run to completion and free its
// ThreadBoot before the parent wakes up.
struct ReadySignal {
    std::mutex mutex;
    std::condition_variable cond;
    bool ready = false;  // guarded by mutex
    uint64_t ident = 0;  // guarded by mutex
};

struct ThreadBoot {
    Interpreter* interp;
    std::shared_ptr<ThreadRegistry> registry;
    std::shared_ptr<ReadySignal> ready;
    Value func, args, kwargs;  // owned
    Value sentinel;            // owned lock from _thread._set_sentinel(), or null
};

// The boot record of the thread running this code, if start_python_thread
// created it (used by _set_sentinel).
thread_local ThreadBoot* t_boot = nullptr;

std::shared_ptr<ThreadRegistry> registry_of(Interpreter& interp) {
    auto it = interp.module_state.find("_thread.registry");
    if (it == interp.module_state.end()) {
        it = interp.module_state.emplace("_thread.registry", std::make_shared<ThreadRegistry>())
                 .first;
    }
    return std::static_pointer_cast<ThreadRegistry>(it->second);
}

// func(*args, **kwargs).
Value call_with_tuple_dict(ThreadState& ts, Value func, Value args, Value kwargs) {
    uint64_t npos = tuple_size(args);
    uint64_t nkw = kwargs.is_null() ? 0 : dict_size(kwargs);
    std::vector<Value> v(npos + nkw);
    for (uint64_t i = 0; i < npos; ++i) v[i] = tuple_item(args, i);
    if (nkw == 0) return obj_call(ts, func, Args{v.data(), static_cast<uint32_t>(npos), nullptr});
    Ref names(tuple_new(ts, nkw));
    if (!names) return Value();
    uint64_t pos = 0, k = 0;
    Value key, value;
    while (dict_next(kwargs, &pos, &key, &value) && k < nkw) {
        tuple_obj(*names)->items[k] = new_ref(key);
        v[npos + k] = value;
        ++k;
    }
    return obj_call(ts, func, Args{v.data(), static_cast<uint32_t>(npos), as<TupleObject>(*names)});
}

void write_stderr(ThreadState& ts, std::string_view text) {
    Ref err(obj_getattr_cstr(ts, ts.interp().sys, "stderr"));
    Ref s(err ? make_str(ts, text) : Value());
    Ref write(s ? obj_getattr_cstr(ts, *err, "write") : Value());
    Ref r(write ? call1(ts, *write, *s) : Value());
    if (!r) decref(fetch_exception(ts));
}

// An exception escaped the thread's function: CPython reports it through
// sys.unraisablehook ("Exception ignored in thread started by: ...");
// SystemExit ends the thread quietly.
void report_thread_exception(ThreadState& ts, Value func) {
    Ref exc(fetch_exception(ts));
    if (is_instance_of(ts, *exc, ts.exc_types().SystemExit)) return;
    Ref r(obj_repr(ts, func));
    std::string where = r ? std::string(str_view(*r)) : "<object repr() failed>";
    if (!r) decref(fetch_exception(ts));
    write_stderr(ts, "Exception ignored in thread started by: " + where + "\n");
    print_exception(ts, *exc);
}

// With the GIL: drop every reference the thread holds, then let joiners go.
void finish_with_gil(ThreadState& ts, ThreadBoot& boot) {
    clear_ref(boot.func);
    clear_ref(boot.args);
    clear_ref(boot.kwargs);
    clear_ref(ts.exc);
    clear_ref(ts.exc_info);
    clear_ref(ts.async_exc);
    clear_ref(ts.thread_local_dicts);
    clear_ref(ts.context);
    clear_ref(ts.asyncgen_firstiter);
    clear_ref(ts.asyncgen_finalizer);
    if (!boot.sentinel.is_null()) {
        raw_lock_release(lock_obj(boot.sentinel)->raw);
        clear_ref(boot.sentinel);
    }
    // Its GIL numbers stay visible (gil.stats(), -X gilstats) from the moment
    // it leaves `threads`, which is before a join() can return.
    boot.interp->gil_instruments.thread_finished(ts.gil_thread);
    std::lock_guard<std::mutex> guard(boot.interp->threads_mutex);
    auto& v = boot.interp->threads;
    v.erase(std::remove(v.begin(), v.end(), &ts), v.end());
}

void run_thread(ThreadBoot& boot) {
    Interpreter& interp = *boot.interp;
    auto ts = std::make_unique<ThreadState>(interp, "");
    {
        ReadySignal& ready = *boot.ready;
        std::lock_guard<std::mutex> guard(ready.mutex);
        ready.ident = ts->ident;
        ready.ready = true;
        ready.cond.notify_one();
    }
    boot.ready.reset();
    interp.gil.take(ts->gil_thread);
    Value result = call_with_tuple_dict(*ts, boot.func, boot.args, boot.kwargs);
    if (result.is_null()) report_thread_exception(*ts, boot.func);
    decref(result);
    finish_with_gil(*ts, boot);
    interp.gil.drop(ts->gil_thread);
    ts.reset();
}

void* thread_entry(void* arg) {
    std::unique_ptr<ThreadBoot> boot(static_cast<ThreadBoot*>(arg));
    t_boot = boot.get();
    run_thread(*boot);
    t_boot = nullptr;
    std::shared_ptr<ThreadRegistry> registry = boot->registry;
    boot.reset();
    std::lock_guard<std::mutex> guard(registry->mutex);
    --registry->running;
    registry->finished.notify_all();
    return nullptr;
}

bool spawn(ThreadBoot* boot, std::size_t stack_size) {
    pthread_attr_t attr;
    if (pthread_attr_init(&attr) != 0) return false;
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    if (stack_size != 0) pthread_attr_setstacksize(&attr, stack_size);
    pthread_t thread;
    bool ok = pthread_create(&thread, &attr, thread_entry, boot) == 0;
    pthread_attr_destroy(&attr);
    return ok;
}

}  // namespace

bool start_python_thread(ThreadState& ts, Value func, Value args, Value kwargs, uint64_t* ident) {
    Interpreter& interp = ts.interp();
    auto boot = std::make_unique<ThreadBoot>();
    boot->interp = &interp;
    boot->registry = registry_of(interp);
    boot->func = new_ref(func);
    boot->args = new_ref(args);
    boot->kwargs = kwargs.is_null() ? Value() : new_ref(kwargs);
    boot->ready = std::make_shared<ReadySignal>();
    std::shared_ptr<ReadySignal> ready = boot->ready;
    ThreadBoot* b = boot.get();
    ThreadRegistry& registry = *boot->registry;
    const std::uint64_t met_before = interp.gil.scheduled() ? interp.gil.sched_arrivals() : 0;
    {
        std::lock_guard<std::mutex> guard(registry.mutex);
        ++registry.running;
    }
    if (!spawn(b, registry.stack_size)) {
        {
            std::lock_guard<std::mutex> guard(registry.mutex);
            --registry.running;
        }
        clear_ref(boot->func);
        clear_ref(boot->args);
        clear_ref(boot->kwargs);
        raise(ts, ts.exc_types().RuntimeError, "can't start new thread");
        return false;
    }
    boot.release();  // the new thread owns it now
    if (interp.gil.scheduled()) {
        // -X sched: keep the GIL until the new thread is waiting for its first
        // turn, so that when it may run next is the scheduler's choice, not
        // the OS's (its start-up needs no GIL).
        {
            std::unique_lock<std::mutex> guard(ready->mutex);
            ready->cond.wait(guard, [&] { return ready->ready; });
            *ident = ready->ident;
        }
        interp.gil.sched_wait_for_arrivals(met_before + 1);
        return true;
    }
    // Wait (without the GIL) until the thread has registered its ThreadState.
    GilRelease allow(ts);
    std::unique_lock<std::mutex> guard(ready->mutex);
    ready->cond.wait(guard, [&] { return ready->ready; });
    *ident = ready->ident;
    return true;
}

Value thread_sentinel(ThreadState& ts) {
    Value lock = make_lock(ts);
    if (lock.is_null() || t_boot == nullptr) return lock;
    set_ref(t_boot->sentinel, new_ref(lock));  // the slot owns one reference, the caller another
    return lock;
}

uint64_t running_thread_count(Interpreter& interp) {
    std::shared_ptr<ThreadRegistry> registry = registry_of(interp);
    std::lock_guard<std::mutex> guard(registry->mutex);
    return registry->running;
}

bool wait_for_thread_exits(ThreadState& ts) {
    Interpreter& interp = ts.interp();
    std::shared_ptr<ThreadRegistry> registry = registry_of(interp);
    std::size_t others;
    {
        std::lock_guard<std::mutex> guard(interp.threads_mutex);
        others = interp.threads.size() - 1;
    }
    if (others != 0) return false;  // threads still running Python code
    // The rest have cleared their references; wait for their last steps.
    GilRelease allow(ts);
    std::unique_lock<std::mutex> guard(registry->mutex);
    registry->finished.wait(guard, [&] { return registry->running == 0; });
    return true;
}

void reinit_threads_after_fork(ThreadState& ts) {
    Interpreter& interp = ts.interp();
    interp.gil.reinit_after_fork(ts.gil_thread);
    // A vanished thread may have held these mutexes: make them anew in place
    // (the old ones are abandoned, not destroyed; see Gil::reinit_after_fork).
    new (&interp.threads_mutex) std::mutex;
    interp.threads.clear();
    interp.threads.push_back(&ts);
    if (&ts != &interp.main_thread()) interp.threads.push_back(&interp.main_thread());
    std::shared_ptr<ThreadRegistry> registry = registry_of(interp);
    new (&registry->mutex) std::mutex;
    new (&registry->finished) std::condition_variable;
    registry->running = t_boot != nullptr ? 1 : 0;
    forget_pending_signals();
}

void set_thread_stack_size(Interpreter& interp, std::size_t size) {
    registry_of(interp)->stack_size = size;
}
std::size_t thread_stack_size(Interpreter& interp) {
    return registry_of(interp)->stack_size;
}

}  // namespace gilt
