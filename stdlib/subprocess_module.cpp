// _subprocess: the fork-and-exec under subprocess.Popen (stdlib/lib/subprocess.py).
//
// THE PROBLEM
//
// Between fork() and exec() the child is a copy of a process that may have
// had other threads. Those threads are gone, but whatever they held is still
// held in the copy: the allocator's locks, stdio's locks, the GIL's mutex.
// So the child side may only make async-signal-safe system calls: no
// allocation, no locks, no Python objects. Everything it needs (the argv
// and envp arrays, the candidate paths of the program, the descriptors) is
// therefore prepared by the parent before fork(), as plain C arrays.
//
// REPORTING A FAILED EXEC
//
// If the child cannot set itself up or exec, the parent must raise
// (FileNotFoundError for a missing program, with CPython's message). The
// child reports through a pipe whose write end is close-on-exec: a
// successful exec closes it and the parent reads end-of-file; a failure
// writes {stage, errno} and _exits. The parent reads with the GIL released.
// spawn() returns (pid, stage, errno): stage is None after a successful
// exec, else "exec", "chdir", "preexec" or "setup", and then the child has
// already been reaped. subprocess.py turns a failure into the exception.
//
// preexec_fn is the exception to the rule, as in CPython: it is Python code,
// so the child makes its GIL and thread registry anew first (the fork
// happened with the GIL held, so the child's copy of the interpreter is
// consistent), and runs it. It is unsafe with threads in the parent for the
// reasons above, which CPython's documentation warns about too.
//
// The order of the child's steps follows CPython's _posixsubprocess:
// descriptors 0-2, working directory, signal dispositions, session,
// preexec_fn, closing descriptors, exec.
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <string>
#include <vector>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/bytes.hpp"
#include "runtime/errors.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/module.hpp"
#include "runtime/signals.hpp"
#include "runtime/str.hpp"
#include "runtime/thread_start.hpp"
#include "runtime/tuple.hpp"
#include "stdlib/modules.hpp"
#include "stdlib/os_process.hpp"

extern char** environ;

namespace gilt {

namespace {

enum Stage : int { kStageExec = 1, kStageChdir, kStagePreexec, kStageSetup };

struct ChildReport {
    int stage;
    int err;
};

// Everything the child needs, made before fork().
struct SpawnPlan {
    std::vector<std::string> argv_store, env_store, exe_store;
    std::vector<char*> argv, envp;  // null-terminated
    std::vector<const char*> executables;
    std::string cwd;
    bool has_cwd = false, has_env = false;
    int fds[3] = {-1, -1, -1};  // become 0, 1, 2 (-1: inherited)
    bool close_fds = true, new_session = false, restore_signals = true;
    std::vector<int> pass_fds;
    std::vector<int> keep_fds;  // pass_fds and the report pipe, sorted
    Value preexec_fn;           // borrowed, or null
};

bool int_list(ThreadState& ts, Value seq, std::vector<int>* out) {
    Ref it(obj_iter(ts, seq));
    if (!it) return false;
    while (Ref item{iter_next(ts, *it)}) {
        int64_t n;
        if (!obj_index(ts, *item, &n)) return false;
        out->push_back(static_cast<int>(n));
    }
    return !ts.has_exception();
}

// --- the child side: async-signal-safe only ---

[[noreturn]] void child_fail(int report_fd, int stage, int err) {
    ChildReport r{stage, err};
    ssize_t ignored = ::write(report_fd, &r, sizeof r);
    static_cast<void>(ignored);
    ::_exit(255);
}

// Moves the three descriptors to 0, 1, 2. One that already sits at a low
// number another must take is first copied out of the way.
bool child_setup_fds(int fds[3]) {
    for (int i = 0; i < 3; ++i) {
        if (fds[i] >= 0 && fds[i] < 3 && fds[i] != i) {
            int moved = ::fcntl(fds[i], F_DUPFD_CLOEXEC, 3);
            if (moved < 0) return false;
            for (int j = i + 1; j < 3; ++j) {
                if (fds[j] == fds[i]) fds[j] = moved;
            }
            fds[i] = moved;
        }
    }
    for (int i = 0; i < 3; ++i) {
        if (fds[i] < 0) continue;
        if (fds[i] == i) {
            int flags = ::fcntl(i, F_GETFD);
            if (flags < 0 || ::fcntl(i, F_SETFD, flags & ~FD_CLOEXEC) < 0) return false;
        } else if (::dup2(fds[i], i) < 0) {
            return false;
        }
    }
    return true;
}

void close_range_from(unsigned first, unsigned last) {
    if (first > last) return;
#ifdef SYS_close_range
    if (::syscall(SYS_close_range, first, last, 0) == 0) return;
#endif
    rlimit lim{};
    unsigned top = ::getrlimit(RLIMIT_NOFILE, &lim) == 0 && lim.rlim_cur != RLIM_INFINITY
                       ? static_cast<unsigned>(lim.rlim_cur)
                       : 65536u;
    for (unsigned fd = first; fd <= last && fd < top; ++fd) ::close(static_cast<int>(fd));
}

// Closes every descriptor from 3 up except plan.keep_fds: the passed ones
// (made inheritable) and the report pipe (close-on-exec, needed until exec).
void child_close_fds(const SpawnPlan& plan) {
    unsigned next = 3;
    for (int fd : plan.keep_fds) {
        if (fd < static_cast<int>(next)) continue;
        close_range_from(next, static_cast<unsigned>(fd) - 1);
        next = static_cast<unsigned>(fd) + 1;
    }
    close_range_from(next, ~0u);
}

void child_exec(const SpawnPlan& plan, int report_fd) {
    char* const* envp = plan.has_env ? plan.envp.data() : environ;
    int saved = ENOENT;
    bool saved_set = false;
    for (const char* exe : plan.executables) {
        ::execve(exe, plan.argv.data(), envp);
        if (!saved_set && errno != ENOENT && errno != ENOTDIR) {
            saved = errno;
            saved_set = true;
        }
        if (!saved_set) saved = errno;
    }
    child_fail(report_fd, kStageExec, saved);
}

[[noreturn]] void run_child(ThreadState& ts, SpawnPlan& plan, int report_fd) {
    // The signal mask is the forking thread's, inherited as in CPython.
    if (!child_setup_fds(plan.fds)) child_fail(report_fd, kStageSetup, errno);
    if (plan.has_cwd && ::chdir(plan.cwd.c_str()) < 0) child_fail(report_fd, kStageChdir, errno);
    if (plan.restore_signals) {
        ::signal(SIGPIPE, SIG_DFL);
        ::signal(SIGXFSZ, SIG_DFL);
    }
    if (plan.new_session && ::setsid() < 0) child_fail(report_fd, kStageSetup, errno);
    if (!plan.preexec_fn.is_null()) {
        reinit_threads_after_fork(ts);
        Ref r(call0(ts, plan.preexec_fn));
        if (!r) child_fail(report_fd, kStagePreexec, 0);
    }
    for (int fd : plan.pass_fds) {
        int flags = ::fcntl(fd, F_GETFD);
        if (flags >= 0) ::fcntl(fd, F_SETFD, flags & ~FD_CLOEXEC);
    }
    if (plan.close_fds) child_close_fds(plan);
    child_exec(plan, report_fd);
    ::_exit(255);
}

// --- the parent side ---

// Reads the child's report with the GIL released. Returns the bytes read
// (0: the exec succeeded), or -1 with an exception pending.
ssize_t read_report(ThreadState& ts, int fd, ChildReport* report) {
    std::size_t got = 0;
    char* p = reinterpret_cast<char*>(report);
    while (got < sizeof *report) {
        ssize_t n;
        int err;
        {
            GilRelease released(ts);
            n = ::read(fd, p + got, sizeof *report - got);
            err = errno;
        }
        if (n == 0) break;
        if (n < 0) {
            if (err == EINTR) continue;  // handlers run once the child is known
            raise_os_error(ts, err);
            return -1;
        }
        got += static_cast<std::size_t>(n);
    }
    return static_cast<ssize_t>(got);
}

void reap(ThreadState& ts, pid_t pid) {
    GilRelease released(ts);
    int status;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
}

const char* stage_name(int stage) {
    switch (stage) {
        case kStageExec:
            return "exec";
        case kStageChdir:
            return "chdir";
        case kStagePreexec:
            return "preexec";
        default:
            return "setup";
    }
}

bool build_plan(ThreadState& ts, Args args, SpawnPlan* plan) {
    Value argv, exes, cwd, env, fds, close_fds, pass_fds, session, restore, preexec;
    if (!parse_args(ts, args, "spawn",
                    {"argv", "executables", "cwd", "env", "fds", "close_fds", "pass_fds",
                     "start_new_session", "restore_signals", "preexec_fn"},
                    {&argv, &exes, &cwd, &env, &fds, &close_fds, &pass_fds, &session, &restore,
                     &preexec})) {
        return false;
    }
    std::vector<int> three;
    if (!os_string_list(ts, argv, &plan->argv_store) ||
        !os_string_list(ts, exes, &plan->exe_store) || !int_list(ts, fds, &three) ||
        !int_list(ts, pass_fds, &plan->pass_fds)) {
        return false;
    }
    if (three.size() != 3) {
        raise(ts, ts.exc_types().ValueError, "fds must hold three descriptors");
        return false;
    }
    std::copy(three.begin(), three.end(), plan->fds);
    plan->has_cwd = !cwd.is_none();
    if (plan->has_cwd && !os_string_arg(ts, cwd, &plan->cwd)) return false;
    plan->has_env = !env.is_none();
    if (plan->has_env && !os_string_list(ts, env, &plan->env_store)) return false;
    int c = obj_truthy(ts, close_fds), s = obj_truthy(ts, session), r = obj_truthy(ts, restore);
    if (c < 0 || s < 0 || r < 0) return false;
    plan->close_fds = c;
    plan->new_session = s;
    plan->restore_signals = r;
    plan->preexec_fn = preexec.is_none() ? Value() : preexec;
    plan->argv = c_string_array(plan->argv_store);
    plan->envp = c_string_array(plan->env_store);
    for (const std::string& e : plan->exe_store) plan->executables.push_back(e.c_str());
    return true;
}

Value subprocess_spawn(ThreadState& ts, Args args) {
    SpawnPlan plan;
    if (!build_plan(ts, args, &plan)) return Value();
    int report[2];
    if (::pipe2(report, O_CLOEXEC) < 0) return raise_os_error(ts, errno);
    plan.keep_fds = plan.pass_fds;
    plan.keep_fds.push_back(report[1]);
    std::sort(plan.keep_fds.begin(), plan.keep_fds.end());
    std::fflush(nullptr);
    pid_t pid = ::fork();  // with the GIL held (see preexec_fn above)
    if (pid == 0) run_child(ts, plan, report[1]);
    int fork_err = errno;
    ::close(report[1]);
    if (pid < 0) {
        ::close(report[0]);
        return raise_os_error(ts, fork_err);
    }
    ChildReport r{};
    ssize_t got = read_report(ts, report[0], &r);
    ::close(report[0]);
    if (got < 0) return Value();
    Ref pid_value(make_int(ts, pid));
    if (!pid_value) return Value();
    if (got == 0) return tuple_pack(ts, {*pid_value, Value::none(), Value::small_int(0)});
    reap(ts, pid);
    Ref stage(make_str(ts, stage_name(got == sizeof r ? r.stage : kStageSetup)));
    Ref err(make_int(ts, got == sizeof r ? r.err : 0));
    if (!stage || !err) return Value();
    return tuple_pack(ts, {*pid_value, *stage, *err});
}

constexpr MethodDef kSubprocessFunctions[] = {
    {"spawn", subprocess_spawn},
};

}  // namespace

Value init_subprocess_module(ThreadState& ts) {
    Ref m(module_new(ts, "_subprocess"));
    if (!m || !module_add_functions(ts, *m, kSubprocessFunctions)) return Value();
    return m.release();
}

}  // namespace gilt
