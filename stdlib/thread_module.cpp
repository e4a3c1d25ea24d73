// _thread: the primitives threading.py is built on.
//
// Threads come from runtime/thread_start.cpp, locks from runtime/locks.cpp;
// this file is the Python-facing table. threading.local, excepthook and the
// Thread class itself are written in Python (stdlib/lib/threading.py).
#include "stdlib/thread_module.hpp"

#include <signal.h>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/float.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/locks.hpp"
#include "runtime/module.hpp"
#include "runtime/sandbox.hpp"
#include "runtime/str.hpp"
#include "runtime/thread_start.hpp"
#include "runtime/tuple.hpp"

namespace gilt {

namespace {

Value thread_start_new_thread(ThreadState& ts, Args args);
Value thread_allocate_lock(ThreadState& ts, Args args);
Value thread_get_ident(ThreadState& ts, Args args);
Value thread_get_native_id(ThreadState& ts, Args args);
Value thread_count(ThreadState& ts, Args args);
Value thread_stack_size_fn(ThreadState& ts, Args args);
Value thread_set_sentinel(ThreadState& ts, Args args);
Value thread_interrupt_main(ThreadState& ts, Args args);
Value thread_exit(ThreadState& ts, Args args);
Value thread_daemon_threads_allowed(ThreadState& ts, Args args);
Value thread_set_name(ThreadState& ts, Args args);

constexpr MethodDef kThreadFunctions[] = {
    {"start_new_thread", thread_start_new_thread},
    {"start_new", thread_start_new_thread},
    {"allocate_lock", thread_allocate_lock},
    {"allocate", thread_allocate_lock},
    {"get_ident", thread_get_ident},
    {"get_native_id", thread_get_native_id},
    {"_count", thread_count},
    {"stack_size", thread_stack_size_fn},
    {"_set_sentinel", thread_set_sentinel},
    {"interrupt_main", thread_interrupt_main},
    {"exit", thread_exit},
    {"exit_thread", thread_exit},
    {"daemon_threads_allowed", thread_daemon_threads_allowed},
    {"set_name", thread_set_name},
};

Value thread_start_new_thread(ThreadState& ts, Args args) {
    if (!sandbox_permits(ts, "_thread.start_new_thread")) return Value();
    if (!no_kwargs(ts, args, "start_new_thread") ||
        !check_nargs(ts, args, "start_new_thread", 2, 3)) {
        return Value();
    }
    if (type_of(ts, args[0])->call == nullptr) {
        return raise(ts, ts.exc_types().TypeError, "first arg must be callable");
    }
    if (!is_tuple(ts, args[1]))
        return raise(ts, ts.exc_types().TypeError, "2nd arg must be a tuple");
    Value kwargs = args.n == 3 ? args[2] : Value();
    if (!kwargs.is_null() && !is_dict(ts, kwargs)) {
        return raise(ts, ts.exc_types().TypeError, "optional 3rd arg must be a dictionary");
    }
    uint64_t ident;
    if (!start_python_thread(ts, args[0], args[1], kwargs, &ident)) return Value();
    return make_int_u64(ts, ident);
}

Value thread_allocate_lock(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "allocate_lock", 0, 0)) return Value();
    return make_lock(ts);
}

Value thread_get_ident(ThreadState& ts, Args) {
    return make_int_u64(ts, ts.ident);
}
Value thread_get_native_id(ThreadState& ts, Args) {
    return make_int_u64(ts, ts.native_id);
}
Value thread_count(ThreadState& ts, Args) {
    return make_int_u64(ts, running_thread_count(ts.interp()));
}

// stack_size([size]): returns the previous setting; 0 means the default.
Value thread_stack_size_fn(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "stack_size", 0, 1)) return Value();
    std::size_t old = thread_stack_size(ts.interp());
    if (args.n == 1) {
        int64_t size;
        if (!obj_index(ts, args[0], &size)) return Value();
        if (size < 0)
            return raise(ts, ts.exc_types().ValueError, "size must be 0 or a positive value");
        if (size != 0 && size < 32768)
            return raise(ts, ts.exc_types().ValueError, "size not valid: 32768 bytes");
        set_thread_stack_size(ts.interp(), static_cast<std::size_t>(size));
    }
    return make_int_u64(ts, old);
}

Value thread_set_sentinel(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "_set_sentinel", 0, 0)) return Value();
    return thread_sentinel(ts);
}

// Simulates SIGINT arriving (when Python handles SIGINT; otherwise, as in
// CPython, nothing happens).
Value thread_interrupt_main(ThreadState& ts, Args args) {
    Value signum;
    if (!parse_args(ts, args, "interrupt_main", {"|", "signum"}, {&signum})) return Value();
    int64_t sig = SIGINT;
    if (!signum.is_null() && !obj_index(ts, signum, &sig)) return Value();
    if (sig != SIGINT) return raise(ts, ts.exc_types().ValueError, "signal number out of range");
    struct sigaction current {};
    if (sigaction(SIGINT, nullptr, &current) == 0 && current.sa_handler != SIG_DFL &&
        current.sa_handler != SIG_IGN) {
        ::raise(SIGINT);
    }
    return Value::none();
}

Value thread_exit(ThreadState& ts, Args) {
    return raise_object(ts, val(ts.exc_types().SystemExit));
}
Value thread_daemon_threads_allowed(ThreadState&, Args) {
    return Value::true_();
}

// set_name(name): CPython 3.14 names the OS thread; gilt names the thread for
// the GIL statistics and traces (threading calls it as a thread starts).
Value thread_set_name(ThreadState& ts, Args args) {
    Value name;
    if (!parse_args(ts, args, "set_name", {"name"}, {&name})) return Value();
    if (!is_str(ts, name)) {
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "set_name() argument 'name' must be str, not {}", type_name(ts, name));
    }
    ts.interp().gil.set_thread_name(ts.gil_thread, std::string(str_view(name)));
    return Value::none();
}

}  // namespace

Value init_thread_module(ThreadState& ts) {
    Interpreter& interp = ts.interp();
    LockTypes& locks = lock_types(interp);
    Ref m(module_new(ts, "_thread"));
    if (!m || !module_add_functions(ts, *m, kThreadFunctions)) return Value();
    if (!module_add_value(ts, *m, "LockType", val(locks.lock)) ||
        !module_add_value(ts, *m, "lock", val(locks.lock)) ||
        !module_add_value(ts, *m, "RLock", val(locks.rlock)) ||
        !module_add_value(ts, *m, "error", val(ts.exc_types().RuntimeError)) ||
        !module_add_steal(ts, *m, "TIMEOUT_MAX", make_float(ts, kLockTimeoutMax))) {
        return Value();
    }
    return m.release();
}

}  // namespace gilt
