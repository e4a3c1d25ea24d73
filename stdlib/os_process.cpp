// Process calls of the posix module (see os_process.hpp).
//
// os.fork() forks while holding the GIL, so no other thread is in the middle
// of running Python code in the child's copy of memory. The child then makes
// the GIL and the thread registry anew (reinit_threads_after_fork) before it
// runs any Python code, including the after_in_child hooks. The hooks of
// os.register_at_fork are objects, so they live in the interpreter, never in
// a static; as in CPython, `before` hooks run newest first and the `after`
// hooks in the order they were registered, and an exception in one is
// reported as unraisable and does not stop the others.
#include "stdlib/os_process.hpp"

#include <fcntl.h>
#include <sched.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/bytes.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/exception.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/module.hpp"
#include "runtime/module_state.hpp"
#include "runtime/sandbox.hpp"
#include "runtime/set.hpp"
#include "runtime/signals.hpp"
#include "runtime/str.hpp"
#include "runtime/thread_start.hpp"
#include "runtime/tuple.hpp"

namespace gilt {

namespace {

// --- fork and its hooks ---

struct ForkHooks {
    std::vector<Value> before, after_in_parent, after_in_child;  // owned
    ~ForkHooks() {
        for (auto* list : {&before, &after_in_parent, &after_in_child}) {
            for (Value v : *list) decref(v);
        }
    }
};

ForkHooks& fork_hooks(Interpreter& interp) {
    return module_state<ForkHooks>(interp, "posix.fork_hooks");
}

// Runs a copy of `hooks` (a hook may register more), newest first if asked.
void run_fork_hooks(ThreadState& ts, const std::vector<Value>& hooks, bool newest_first) {
    std::vector<Ref> copy;
    for (Value h : hooks) copy.push_back(Ref::borrow(h));
    if (newest_first) std::reverse(copy.begin(), copy.end());
    for (Ref& hook : copy) {
        Ref result(call0(ts, *hook));
        if (!result) write_unraisable(ts, *hook);
    }
}

// threading registers its own after_in_child hook, as CPython's does.
Value os_register_at_fork(ThreadState& ts, Args args) {
    Value before, child, parent;
    if (!parse_args(ts, args, "register_at_fork",
                    {"$before", "$after_in_child", "$after_in_parent"},
                    {&before, &child, &parent})) {
        return Value();
    }
    auto given = [](Value v) { return !v.is_null(); };
    if (!given(before) && !given(child) && !given(parent))
        return raise(ts, ts.exc_types().TypeError, "At least one argument is required.");
    const std::pair<const char*, Value> named[] = {
        {"before", before}, {"after_in_child", child}, {"after_in_parent", parent}};
    for (const auto& [name, f] : named) {
        if (given(f) && type_of(ts, f)->call == nullptr) {
            return raise_fmt(ts, ts.exc_types().TypeError, "'{}' must be callable, not {}", name,
                             type_name(ts, f));
        }
    }
    ForkHooks& hooks = fork_hooks(ts.interp());
    if (given(before)) hooks.before.push_back(new_ref(before));
    if (given(child)) hooks.after_in_child.push_back(new_ref(child));
    if (given(parent)) hooks.after_in_parent.push_back(new_ref(parent));
    return Value::none();
}

Value os_fork(ThreadState& ts, Args args) {
    if (!sandbox_permits(ts, "os.fork")) return Value();
    if (!check_nargs(ts, args, "fork", 0, 0)) return Value();
    ForkHooks& hooks = fork_hooks(ts.interp());
    run_fork_hooks(ts, hooks.before, true);
    std::fflush(nullptr);
    pid_t pid = ::fork();  // with the GIL held: see the top of this file
    int err = errno;
    if (pid == 0) {
        reinit_threads_after_fork(ts);
        run_fork_hooks(ts, hooks.after_in_child, false);
    } else {
        run_fork_hooks(ts, hooks.after_in_parent, false);
    }
    if (pid < 0) return raise_os_error(ts, err);
    return make_int(ts, pid);
}

// --- waiting for children ---

bool int_arg(ThreadState& ts, Value v, int* out) {
    int64_t n;
    if (!obj_index(ts, v, &n)) return false;
    *out = static_cast<int>(n);
    return true;
}

// waitpid(2) without the GIL; EINTR runs the signal handlers and retries
// (PEP 475). Returns the pid (0 with WNOHANG and no change), or -1 with an
// exception pending.
pid_t wait_released(ThreadState& ts, pid_t pid, int* status, int options) {
    for (;;) {
        pid_t r;
        int err;
        {
            GilRelease released(ts);
            r = ::waitpid(pid, status, options);
            err = errno;
        }
        if (r >= 0) return r;
        if (err != EINTR) {
            raise_os_error(ts, err);
            return -1;
        }
        if (!run_pending_signals(ts)) return -1;
    }
}

Value os_waitpid(ThreadState& ts, Args args) {
    int pid, options;
    if (!check_nargs(ts, args, "waitpid", 2, 2) || !int_arg(ts, args[0], &pid) ||
        !int_arg(ts, args[1], &options)) {
        return Value();
    }
    int status = 0;
    pid_t r = wait_released(ts, pid, &status, options);
    if (r < 0) return Value();
    Ref p(make_int(ts, r));
    Ref s(make_int(ts, status));
    if (!p || !s) return Value();
    return tuple_pack(ts, {*p, *s});
}

Value os_wait(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "wait", 0, 0)) return Value();
    int status = 0;
    pid_t r = wait_released(ts, -1, &status, 0);
    if (r < 0) return Value();
    Ref p(make_int(ts, r));
    Ref s(make_int(ts, status));
    if (!p || !s) return Value();
    return tuple_pack(ts, {*p, *s});
}

bool status_arg(ThreadState& ts, Args args, const char* fname, int* status) {
    Value v;
    return parse_args(ts, args, fname, {"status"}, {&v}) && int_arg(ts, v, status);
}

#define GILT_WAIT_MACRO(name, expr, make)                          \
    Value os_##name(ThreadState& ts, Args args) {                  \
        int status;                                                \
        if (!status_arg(ts, args, #name, &status)) return Value(); \
        return make(expr(status));                                 \
    }
#define GILT_AS_BOOL(x) Value::boolean((x) != 0)
#define GILT_AS_INT(x) make_int(ts, (x))
GILT_WAIT_MACRO(WIFEXITED, WIFEXITED, GILT_AS_BOOL)
GILT_WAIT_MACRO(WIFSIGNALED, WIFSIGNALED, GILT_AS_BOOL)
GILT_WAIT_MACRO(WIFSTOPPED, WIFSTOPPED, GILT_AS_BOOL)
GILT_WAIT_MACRO(WIFCONTINUED, WIFCONTINUED, GILT_AS_BOOL)
GILT_WAIT_MACRO(WCOREDUMP, WCOREDUMP, GILT_AS_BOOL)
GILT_WAIT_MACRO(WEXITSTATUS, WEXITSTATUS, GILT_AS_INT)
GILT_WAIT_MACRO(WTERMSIG, WTERMSIG, GILT_AS_INT)
GILT_WAIT_MACRO(WSTOPSIG, WSTOPSIG, GILT_AS_INT)
#undef GILT_WAIT_MACRO
#undef GILT_AS_BOOL
#undef GILT_AS_INT

Value os_waitstatus_to_exitcode(ThreadState& ts, Args args) {
    int status;
    if (!status_arg(ts, args, "waitstatus_to_exitcode", &status)) return Value();
    if (WIFEXITED(status)) return make_int(ts, WEXITSTATUS(status));
    if (WIFSIGNALED(status)) return make_int(ts, -WTERMSIG(status));
    if (WIFSTOPPED(status)) {
        return raise_fmt(ts, ts.exc_types().ValueError, "process stopped by delivery of signal {}",
                         WSTOPSIG(status));
    }
    return raise_fmt(ts, ts.exc_types().ValueError, "invalid wait status: {}", status);
}

// --- exec ---

bool exec_argv(ThreadState& ts, Value argv, const char* fname, std::vector<std::string>* out) {
    if (!is_list(ts, argv) && !is_tuple(ts, argv)) {
        raise_fmt(ts, ts.exc_types().TypeError, "{}() arg 2 must be a tuple or list", fname);
        return false;
    }
    if (!os_string_list(ts, argv, out)) return false;
    if (out->empty()) {
        raise_fmt(ts, ts.exc_types().ValueError, "{}() arg 2 must not be empty", fname);
        return false;
    }
    if (out->front().empty()) {
        raise_fmt(ts, ts.exc_types().ValueError, "{}() arg 2 first element cannot be empty", fname);
        return false;
    }
    return true;
}

bool exec_env(ThreadState& ts, Value env, std::vector<std::string>* out) {
    Ref name(make_str(ts, "items"));
    Ref items(name ? call_method(ts, env, *name, {}) : Value());
    Ref it(items ? obj_iter(ts, *items) : Value());
    if (!it) return false;
    while (Ref pair{iter_next(ts, *it)}) {
        std::string k, v;
        Ref key(obj_getitem(ts, *pair, Value::small_int(0)));
        Ref value(key ? obj_getitem(ts, *pair, Value::small_int(1)) : Value());
        if (!value || !os_string_arg(ts, *key, &k) || !os_string_arg(ts, *value, &v)) return false;
        if (k.empty() || k.find('=') != std::string::npos) {
            raise(ts, ts.exc_types().ValueError, "illegal environment variable name");
            return false;
        }
        out->push_back(k + "=" + v);
    }
    return !ts.has_exception();
}

Value exec_common(ThreadState& ts, Value path, Value argv, Value env, const char* fname) {
    std::string p;
    std::vector<std::string> a, e;
    if (!os_string_arg(ts, path, &p) || !exec_argv(ts, argv, fname, &a)) return Value();
    if (!env.is_null() && !exec_env(ts, env, &e)) return Value();
    std::vector<char*> av = c_string_array(a);
    std::fflush(nullptr);
    if (env.is_null()) {
        ::execv(p.c_str(), av.data());
    } else {
        std::vector<char*> ev = c_string_array(e);
        ::execve(p.c_str(), av.data(), ev.data());
    }
    return raise_os_error(ts, errno);
}

Value os_execv(ThreadState& ts, Args args) {
    if (!sandbox_permits(ts, "os.execv")) return Value();
    if (!check_nargs(ts, args, "execv", 2, 2)) return Value();
    return exec_common(ts, args[0], args[1], Value(), "execv");
}

Value os_execve(ThreadState& ts, Args args) {
    if (!sandbox_permits(ts, "os.execve")) return Value();
    Value path, argv, env;
    if (!parse_args(ts, args, "execve", {"path", "argv", "env"}, {&path, &argv, &env}))
        return Value();
    return exec_common(ts, path, argv, env, "execve");
}

// --- process groups, sessions, affinity, descriptors ---

Value int_or_error(ThreadState& ts, long r) {
    if (r < 0) return raise_os_error(ts, errno);
    return make_int(ts, r);
}

Value none_or_error(ThreadState& ts, int r) {
    if (r < 0) return raise_os_error(ts, errno);
    return Value::none();
}

Value os_killpg(ThreadState& ts, Args args) {
    if (!sandbox_permits(ts, "os.killpg")) return Value();
    int pgid, sig;
    if (!check_nargs(ts, args, "killpg", 2, 2) || !int_arg(ts, args[0], &pgid) ||
        !int_arg(ts, args[1], &sig)) {
        return Value();
    }
    return none_or_error(ts, ::killpg(pgid, sig));
}

Value os_getpgid(ThreadState& ts, Args args) {
    int pid;
    if (!check_nargs(ts, args, "getpgid", 1, 1) || !int_arg(ts, args[0], &pid)) return Value();
    return int_or_error(ts, ::getpgid(pid));
}

Value os_getsid(ThreadState& ts, Args args) {
    int pid;
    if (!check_nargs(ts, args, "getsid", 1, 1) || !int_arg(ts, args[0], &pid)) return Value();
    return int_or_error(ts, ::getsid(pid));
}

Value os_setpgid(ThreadState& ts, Args args) {
    int pid, pgrp;
    if (!check_nargs(ts, args, "setpgid", 2, 2) || !int_arg(ts, args[0], &pid) ||
        !int_arg(ts, args[1], &pgrp)) {
        return Value();
    }
    return none_or_error(ts, ::setpgid(pid, pgrp));
}

Value os_getpgrp(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "getpgrp", 0, 0)) return Value();
    return make_int(ts, ::getpgrp());
}

Value os_setsid(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "setsid", 0, 0)) return Value();
    return none_or_error(ts, ::setsid() < 0 ? -1 : 0);
}

Value os_sched_getaffinity(ThreadState& ts, Args args) {
    int pid;
    if (!check_nargs(ts, args, "sched_getaffinity", 1, 1) || !int_arg(ts, args[0], &pid))
        return Value();
    cpu_set_t set;
    CPU_ZERO(&set);
    if (::sched_getaffinity(pid, sizeof set, &set) < 0) return raise_os_error(ts, errno);
    Ref result(set_new(ts));
    if (!result) return Value();
    for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
        if (CPU_ISSET(cpu, &set) && !set_add(ts, *result, Value::small_int(cpu))) return Value();
    }
    return result.release();
}

Value os_get_inheritable(ThreadState& ts, Args args) {
    int fd;
    if (!check_nargs(ts, args, "get_inheritable", 1, 1) || !int_arg(ts, args[0], &fd))
        return Value();
    int flags = ::fcntl(fd, F_GETFD);
    if (flags < 0) return raise_os_error(ts, errno);
    return Value::boolean(!(flags & FD_CLOEXEC));
}

Value os_set_inheritable(ThreadState& ts, Args args) {
    int fd;
    if (!check_nargs(ts, args, "set_inheritable", 2, 2) || !int_arg(ts, args[0], &fd))
        return Value();
    int inheritable = obj_truthy(ts, args[1]);
    if (inheritable < 0) return Value();
    int flags = ::fcntl(fd, F_GETFD);
    if (flags < 0) return raise_os_error(ts, errno);
    int want = inheritable ? (flags & ~FD_CLOEXEC) : (flags | FD_CLOEXEC);
    return none_or_error(ts, want == flags ? 0 : ::fcntl(fd, F_SETFD, want));
}

Value os_pipe2(ThreadState& ts, Args args) {
    int flags;
    if (!check_nargs(ts, args, "pipe2", 1, 1) || !int_arg(ts, args[0], &flags)) return Value();
    int fds[2];
    if (::pipe2(fds, flags) < 0) return raise_os_error(ts, errno);
    return tuple_pack(ts, {Value::small_int(fds[0]), Value::small_int(fds[1])});
}

constexpr MethodDef kProcessFunctions[] = {
    {"fork", os_fork},
    {"register_at_fork", os_register_at_fork},
    {"waitpid", os_waitpid},
    {"wait", os_wait},
    {"WIFEXITED", os_WIFEXITED},
    {"WIFSIGNALED", os_WIFSIGNALED},
    {"WIFSTOPPED", os_WIFSTOPPED},
    {"WIFCONTINUED", os_WIFCONTINUED},
    {"WCOREDUMP", os_WCOREDUMP},
    {"WEXITSTATUS", os_WEXITSTATUS},
    {"WTERMSIG", os_WTERMSIG},
    {"WSTOPSIG", os_WSTOPSIG},
    {"waitstatus_to_exitcode", os_waitstatus_to_exitcode},
    {"execv", os_execv},
    {"execve", os_execve},
    {"killpg", os_killpg},
    {"getpgid", os_getpgid},
    {"getsid", os_getsid},
    {"setpgid", os_setpgid},
    {"getpgrp", os_getpgrp},
    {"setsid", os_setsid},
    {"sched_getaffinity", os_sched_getaffinity},
    {"get_inheritable", os_get_inheritable},
    {"set_inheritable", os_set_inheritable},
    {"pipe2", os_pipe2},
};

}  // namespace

bool os_string_arg(ThreadState& ts, Value v, std::string* out) {
    if (is_str(ts, v))
        *out = str_view(v);
    else if (v.is_object() && v.as_object()->kind == ObjKind::Bytes)
        *out = bytes_view(v);
    else {
        raise_fmt(ts, ts.exc_types().TypeError, "expected str, bytes or os.PathLike object, not {}",
                  type_name(ts, v));
        return false;
    }
    if (out->find('\0') != std::string::npos) {
        raise(ts, ts.exc_types().ValueError, "embedded null byte");
        return false;
    }
    return true;
}

bool os_string_list(ThreadState& ts, Value iterable, std::vector<std::string>* out) {
    Ref it(obj_iter(ts, iterable));
    if (!it) return false;
    while (Ref item{iter_next(ts, *it)}) {
        out->emplace_back();
        if (!os_string_arg(ts, *item, &out->back())) return false;
    }
    return !ts.has_exception();
}

std::vector<char*> c_string_array(std::vector<std::string>& strings) {
    std::vector<char*> out;
    for (std::string& s : strings) out.push_back(s.data());
    out.push_back(nullptr);
    return out;
}

bool os_add_process_functions(ThreadState& ts, Value m) {
    if (!module_add_functions(ts, m, kProcessFunctions)) return false;
    struct Const {
        const char* name;
        int value;
    };
    static constexpr Const kConsts[] = {
        {"WNOHANG", WNOHANG},
        {"WUNTRACED", WUNTRACED},
        {"WCONTINUED", WCONTINUED},
    };
    for (const Const& c : kConsts) {
        if (!module_add_value(ts, m, c.name, Value::small_int(c.value))) return false;
    }
    return true;
}

}  // namespace gilt
