// _multiprocessing.SemLock: the lock every process-shared primitive of
// multiprocessing (Lock, RLock, Semaphore, Condition, Event, Barrier, the
// locks of Value/Array and Queue) is built on. Behaviour follows CPython's
// Modules/_multiprocessing/semaphore.c.
//
// The state shared between processes is a POSIX named semaphore (sem_open):
// its value is the number of free "slots" (1 for a free Lock). Everything
// else lives in this process only:
//   - `count`: how many times the owner acquired it and has not released;
//     for a RECURSIVE_MUTEX this is the recursion depth, for a SEMAPHORE it
//     only answers _count() and _is_mine();
//   - `last_tid` / `last_pid`: who acquired it last. "Mine" means count > 0
//     and the last acquirer is this thread of this process. CPython keeps the
//     thread id only and relies on multiprocessing calling _after_fork() in
//     the child; the pid makes a forked child, whose main thread may have
//     the parent's thread id, never believe it holds its parent's lock.
// These fields are touched only with the GIL held.
//
// Waiting (acquire): one sem_trywait with the GIL held, which is all an
// uncontended acquire costs; then, if the caller may block, sem_wait or
// sem_timedwait with the GIL released, through wait_released (wait_fd.hpp):
// the main thread waits in slices so that Ctrl-C raises KeyboardInterrupt
// from a blocked acquire, and EINTR on any thread runs the signal handlers
// and retries with the time that is left (PEP 475).
//
// Names: the multiprocessing package picks "/mp-xxxxxxxx" names and usually
// passes unlink=True, so the name disappears from /dev/shm at once and the
// semaphore lives as long as some process has it open (a forked child
// inherits the mapping). A spawned child needs the name: the package then
// keeps it linked and re-opens it with _rebuild().
#include <fcntl.h>
#include <pthread.h>
#include <semaphore.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <climits>
#include <ctime>
#include <mutex>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/errors.hpp"
#include "runtime/float.hpp"
#include "runtime/heap.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/signals.hpp"
#include "runtime/str.hpp"
#include "stdlib/mp_native.hpp"
#include "stdlib/native_type.hpp"
#include "stdlib/wait_fd.hpp"

namespace gilt {

namespace {

Value semlock_acquire(ThreadState& ts, Args args);
Value semlock_release(ThreadState& ts, Args args);
Value semlock_enter(ThreadState& ts, Args args);
Value semlock_exit(ThreadState& ts, Args args);
Value semlock_count(ThreadState& ts, Args args);
Value semlock_is_mine(ThreadState& ts, Args args);
Value semlock_get_value(ThreadState& ts, Args args);
Value semlock_is_zero(ThreadState& ts, Args args);
Value semlock_after_fork(ThreadState& ts, Args args);
Value semlock_rebuild(ThreadState& ts, Args args);

constexpr MethodDef kSemLockMethods[] = {
    {"acquire", semlock_acquire},        {"release", semlock_release},
    {"__enter__", semlock_enter},        {"__exit__", semlock_exit},
    {"_count", semlock_count},           {"_is_mine", semlock_is_mine},
    {"_get_value", semlock_get_value},   {"_is_zero", semlock_is_zero},
    {"_after_fork", semlock_after_fork}, {"_rebuild", semlock_rebuild, kMethodClass},
};

Value semlock_handle_get(ThreadState& ts, Value self);
Value semlock_kind_get(ThreadState& ts, Value self);
Value semlock_maxvalue_get(ThreadState& ts, Value self);
Value semlock_name_get(ThreadState& ts, Value self);

constexpr GetSetDef kSemLockGetSets[] = {
    {"handle", semlock_handle_get},
    {"kind", semlock_kind_get},
    {"maxvalue", semlock_maxvalue_get},
    {"name", semlock_name_get},
};

// The two kinds multiprocessing/synchronize.py asks for.
constexpr int kRecursiveMutex = 0;
constexpr int kSemaphore = 1;

struct SemLockObject {
    Object hdr;
    sem_t* handle;     // null only while the object is being built
    bool owns_handle;  // false when rebuilt from a bare handle: someone else closes it
    int kind;
    int maxvalue;
    int count;          // acquisitions by the owner not released yet
    uint64_t last_tid;  // ThreadState::ident of the last acquirer
    pid_t last_pid;     // and its process
    Value name;         // str, or None once unlinked (owned)
};

SemLockObject* semlock_obj(Value v) {
    return reinterpret_cast<SemLockObject*>(v.as_object());
}

// This process's id without a system call per acquire (getpid() was half
// the cost of `with lock:`). Process-wide, one of the statics DESIGN.md
// allows: a fork handler, registered once, refreshes it in every child that
// fork() makes; a child of vfork or posix_spawn execs before it could look.
std::atomic<pid_t> g_cached_pid{0};

void refresh_cached_pid() noexcept {
    g_cached_pid.store(::getpid(), std::memory_order_relaxed);
}

pid_t current_pid() noexcept {
    pid_t pid = g_cached_pid.load(std::memory_order_relaxed);
    if (pid != 0) [[likely]]
        return pid;
    static std::once_flag registered;
    std::call_once(registered, [] { ::pthread_atfork(nullptr, nullptr, refresh_cached_pid); });
    refresh_cached_pid();
    return g_cached_pid.load(std::memory_order_relaxed);
}

bool is_mine(ThreadState& ts, const SemLockObject* s) {
    return s->count > 0 && s->last_tid == ts.ident && s->last_pid == current_pid();
}

// A new SemLock of `type` around an open handle; closes the handle (if it
// owns it) when it fails. `name` is borrowed.
Value semlock_wrap(ThreadState& ts, TypeObject* type, sem_t* handle, bool owns, int kind,
                   int maxvalue, Value name) {
    Object* o = (type->flags & kTypeHasGc) ? alloc_gc_object(type, type->basicsize)
                                           : alloc_object(type, type->basicsize);
    if (!o) {
        if (owns) ::sem_close(handle);
        return raise_memory_error(ts);
    }
    SemLockObject* s = reinterpret_cast<SemLockObject*>(o);
    s->handle = handle;
    s->owns_handle = owns;
    s->kind = kind;
    s->maxvalue = maxvalue;
    s->count = 0;
    s->last_tid = 0;
    s->last_pid = 0;
    s->name = new_ref(name);
    return Value::object(o);
}

void semlock_dealloc(Object* o) {
    SemLockObject* s = reinterpret_cast<SemLockObject*>(o);
    if (s->handle && s->owns_handle) ::sem_close(s->handle);
    clear_ref(s->name);
    free_object(o);
}

bool name_arg(ThreadState& ts, Value v) {
    if (is_str(ts, v)) return true;
    raise_fmt(ts, ts.exc_types().TypeError, "SemLock() argument 'name' must be str, not {}",
              v.is_none() ? "None" : type_name(ts, v));
    return false;
}

// SemLock(kind, value, maxvalue, name, unlink)
Value semlock_new(ThreadState& ts, TypeObject* type, Args args) {
    Value kindv, valuev, maxv, namev, unlinkv;
    if (!parse_args(ts, args, "SemLock", {"kind", "value", "maxvalue", "name", "unlink"},
                    {&kindv, &valuev, &maxv, &namev, &unlinkv}))
        return Value();
    int kind, value, maxvalue, unlink;
    if (!c_int_arg(ts, kindv, &kind) || !c_int_arg(ts, valuev, &value) ||
        !c_int_arg(ts, maxv, &maxvalue) || !name_arg(ts, namev) || !c_int_arg(ts, unlinkv, &unlink))
        return Value();
    if (kind != kRecursiveMutex && kind != kSemaphore)
        return raise(ts, ts.exc_types().ValueError, "unrecognized kind");
    std::string name(str_view(namev));
    // O_EXCL: two locks must never share a semaphore by accident of name.
    sem_t* handle = ::sem_open(name.c_str(), O_CREAT | O_EXCL, 0600, static_cast<unsigned>(value));
    if (handle == SEM_FAILED) return raise_os_error(ts, errno);
    if (unlink && ::sem_unlink(name.c_str()) < 0) {
        int err = errno;
        ::sem_close(handle);
        return raise_os_error(ts, err);
    }
    return semlock_wrap(ts, type, handle, true, kind, maxvalue, unlink ? Value::none() : namev);
}

// _rebuild(handle, kind, maxvalue, name): the same semaphore in another
// process. With a name it is opened again (a spawned child); without one the
// handle is this process's own pointer, inherited through fork, and the new
// object leaves closing it to the object it came from.
Value semlock_rebuild(ThreadState& ts, Args args) {
    TypeObject* type = reinterpret_cast<TypeObject*>(args[0].as_object());
    if (args.kwnames || args.n != 5)
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "_rebuild() takes exactly 4 arguments ({} given)", args.n - 1);
    Value handlev = args[1], namev = args[4];
    if (!is_int(handlev))
        return raise_fmt(ts, ts.exc_types().TypeError, "_rebuild() argument 1 must be int, not {}",
                         type_name(ts, handlev));
    if (!namev.is_none() && !is_str(ts, namev))
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "_rebuild() argument 4 must be str or None, not {}", type_name(ts, namev));
    int64_t handle_bits;
    int kind, maxvalue;
    if (!obj_index(ts, handlev, &handle_bits) || !c_int_arg(ts, args[2], &kind) ||
        !c_int_arg(ts, args[3], &maxvalue))
        return Value();
    if (namev.is_none()) {
        sem_t* handle = reinterpret_cast<sem_t*>(static_cast<uintptr_t>(handle_bits));
        return semlock_wrap(ts, type, handle, false, kind, maxvalue, namev);
    }
    std::string name(str_view(namev));
    sem_t* handle = ::sem_open(name.c_str(), 0);
    if (handle == SEM_FAILED) return raise_os_error(ts, errno);
    return semlock_wrap(ts, type, handle, true, kind, maxvalue, namev);
}

// One wait of at most `ms` milliseconds (-1: no limit) for wait_released:
// 1 acquired, 0 timed out, -1 with errno set.
int sem_wait_ms(sem_t* sem, int ms) {
    if (ms < 0) return ::sem_wait(sem) == 0 ? 1 : -1;
    // sem_timedwait wants an absolute CLOCK_REALTIME time.
    timespec until;
    ::clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += ms / 1000;
    until.tv_nsec += static_cast<long>(ms % 1000) * 1000000L;
    if (until.tv_nsec >= 1000000000L) {
        until.tv_sec += 1;
        until.tv_nsec -= 1000000000L;
    }
    if (::sem_timedwait(sem, &until) == 0) return 1;
    return errno == ETIMEDOUT ? 0 : -1;
}

// sem_trywait, retried after EINTR (with the handlers run between tries).
// 1 acquired, 0 busy, -1 error pending.
int try_acquire(ThreadState& ts, sem_t* sem) {
    for (;;) {
        if (::sem_trywait(sem) == 0) return 1;
        if (errno == EAGAIN) return 0;
        if (errno != EINTR) {
            raise_os_error(ts, errno);
            return -1;
        }
        if (signal_pending() && !run_pending_signals(ts)) return -1;
    }
}

// acquire(block=True, timeout=None) -> bool. A timeout is only looked at
// when blocking; a negative one means "do not wait", as CPython.
Value semlock_acquire(ThreadState& ts, Args args) {
    SemLockObject* s = semlock_obj(args[0]);
    Value blockv, timeoutv;
    if (args.n > 1 || args.kwnames) {
        if (!parse_args(ts, args.drop_first(), "acquire", {"|", "block", "timeout"},
                        {&blockv, &timeoutv}))
            return Value();
    }
    int block = 1;
    if (!blockv.is_null() && (block = obj_truthy(ts, blockv)) < 0) return Value();
    double timeout = -1;  // forever
    if (block && !timeoutv.is_null() && !timeoutv.is_none()) {
        if (!obj_as_double(ts, timeoutv, &timeout)) return Value();
        if (timeout < 0) timeout = 0;
    }
    if (s->kind == kRecursiveMutex && is_mine(ts, s)) {
        ++s->count;
        return Value::true_();
    }
    int got = try_acquire(ts, s->handle);
    if (got < 0) return Value();
    if (got == 0 && block) {
        sem_t* sem = s->handle;  // alive: the caller holds a reference to self
        got = wait_released(ts, WaitDeadline(timeout),
                            [sem](int ms) { return sem_wait_ms(sem, ms); });
        if (got < 0) return Value();
    }
    if (got == 0) return Value::false_();
    ++s->count;
    s->last_tid = ts.ident;
    s->last_pid = current_pid();
    return Value::true_();
}

Value release_checked(ThreadState& ts, SemLockObject* s) {
    if (s->kind == kRecursiveMutex) {
        if (!is_mine(ts, s))
            return raise(ts, ts.exc_types().AssertionError,
                         "attempt to release recursive lock not owned by thread");
        if (s->count > 1) {
            --s->count;
            return Value::none();
        }
    } else {
        // Not a guarantee (another process may post at the same moment),
        // the same check CPython makes.
        int value;
        if (::sem_getvalue(s->handle, &value) < 0) return raise_os_error(ts, errno);
        if (value >= s->maxvalue)
            return raise(ts, ts.exc_types().ValueError,
                         "semaphore or lock released too many times");
    }
    if (::sem_post(s->handle) < 0) return raise_os_error(ts, errno);
    --s->count;
    return Value::none();
}

Value semlock_release(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "SemLock.release", "SemLock.release", 0, 0)) return Value();
    return release_checked(ts, semlock_obj(args[0]));
}

Value semlock_enter(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "__enter__", "__enter__", 0, 0)) return Value();
    return semlock_acquire(ts, Args{args.v, 1, nullptr});
}

// __exit__(*args): releases, whatever the exception.
Value semlock_exit(ThreadState& ts, Args args) {
    return release_checked(ts, semlock_obj(args[0]));
}

Value semlock_count(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "_count", "_count", 0, 0)) return Value();
    return make_int(ts, semlock_obj(args[0])->count);
}

Value semlock_is_mine(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "_is_mine", "_is_mine", 0, 0)) return Value();
    return Value::boolean(is_mine(ts, semlock_obj(args[0])));
}

bool sem_value(ThreadState& ts, SemLockObject* s, int* out) {
    if (::sem_getvalue(s->handle, out) == 0) return true;
    raise_os_error(ts, errno);
    return false;
}

Value semlock_get_value(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "_get_value", "_get_value", 0, 0)) return Value();
    int value;
    if (!sem_value(ts, semlock_obj(args[0]), &value)) return Value();
    // Linux reports 0, never minus the number of waiters.
    return make_int(ts, value < 0 ? 0 : value);
}

Value semlock_is_zero(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "_is_zero", "_is_zero", 0, 0)) return Value();
    int value;
    if (!sem_value(ts, semlock_obj(args[0]), &value)) return Value();
    return Value::boolean(value <= 0);
}

// In a forked child: the parent's acquisitions are not the child's.
Value semlock_after_fork(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "_after_fork", "_after_fork", 0, 0)) return Value();
    semlock_obj(args[0])->count = 0;
    return Value::none();
}

Value semlock_handle_get(ThreadState& ts, Value self) {
    return make_int_u64(ts, reinterpret_cast<uintptr_t>(semlock_obj(self)->handle));
}
Value semlock_kind_get(ThreadState& ts, Value self) {
    return make_int(ts, semlock_obj(self)->kind);
}
Value semlock_maxvalue_get(ThreadState& ts, Value self) {
    return make_int(ts, semlock_obj(self)->maxvalue);
}
Value semlock_name_get(ThreadState&, Value self) {
    return new_ref(semlock_obj(self)->name);
}

// sysconf's answer, SEM_VALUE_MAX of <limits.h> when it has none.
int64_t sem_value_max() {
    long v = ::sysconf(_SC_SEM_VALUE_MAX);
    return v > 0 ? v : INT_MAX;
}

void fill_semlock_type(Interpreter& in, TypeObject* t) {
    t->new_ = semlock_new;
    t->dealloc = semlock_dealloc;
    type_add_methods(in, t, kSemLockMethods);
    type_add_getsets(in, t, kSemLockGetSets);
    Ref max(Value::small_int(sem_value_max()));
    type_set_attr_cstr(in, t, "SEM_VALUE_MAX", *max);
}

}  // namespace

bool c_int_arg(ThreadState& ts, Value v, int* out) {
    int64_t n;
    if (is_int(v) && !int_to_int64(v, &n))
        n = INT64_MAX;  // too big either way
    else if (!obj_index(ts, v, &n))
        return false;
    if (n < INT_MIN || n > INT_MAX) {
        raise(ts, ts.exc_types().OverflowError, "Python int too large to convert to C int");
        return false;
    }
    *out = static_cast<int>(n);
    return true;
}

// sem_unlink(name): removes the name; the semaphore lives on while open.
Value mp_sem_unlink(ThreadState& ts, Args args) {
    Value namev;
    if (!parse_args(ts, args, "sem_unlink", {"/name"}, {&namev})) return Value();
    if (!is_str(ts, namev))
        return raise_fmt(ts, ts.exc_types().TypeError, "sem_unlink() argument must be str, not {}",
                         namev.is_none() ? "None" : type_name(ts, namev));
    std::string name(str_view(namev));
    if (::sem_unlink(name.c_str()) < 0) return raise_os_error(ts, errno);
    return Value::none();
}

TypeObject* semlock_type(Interpreter& interp) {
    static constexpr NativeTypeSpec kSpec{
        .key = "_multiprocessing.SemLock",
        .module = "_multiprocessing",
        .name = "SemLock",
        .basicsize = sizeof(SemLockObject),
        .flags = kTypeBaseType,
        .fill = fill_semlock_type,
    };
    return native_type_once(interp, kSpec);
}

}  // namespace gilt
