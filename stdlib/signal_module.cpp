// The _signal module, the native half of signal (stdlib/lib/signal.py):
// Python-level signal handlers, alarms and interval timers, signal masks.
//
// The machinery (the C handler that only records a signal, the pending bits,
// running the Python handlers on the main thread at a check point) is in
// runtime/signals.cpp; this file is the module's functions on top of it.
// As in CPython, only the main thread of the interpreter that owns the
// signals may set handlers. Signal numbers and SIG_DFL (0) / SIG_IGN (1)
// are plain ints here; signal.py wraps the functions so that scripts see
// the Signals, Handlers and Sigmasks enums, as in CPython.
#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <memory>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/float.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/locks.hpp"
#include "runtime/module.hpp"
#include "runtime/module_state.hpp"
#include "runtime/set.hpp"
#include "runtime/signals.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "stdlib/modules.hpp"

namespace gilt {

namespace {

constexpr int64_t kSigDfl = 0;
constexpr int64_t kSigIgn = 1;

// Module state: the ItimerError class and default_int_handler, which the
// functions below need without a reference to the module.
struct SignalModuleState {
    Value itimer_error;
    Value default_int_handler;
    ~SignalModuleState() {
        if (!itimer_error.is_null()) decref(itimer_error);
        if (!default_int_handler.is_null()) decref(default_int_handler);
    }
};

SignalModuleState& signal_state(Interpreter& interp) {
    return module_state<SignalModuleState>(interp, "signal");
}

bool signum_arg(ThreadState& ts, Value v, int* out) {
    int64_t n;
    if (!obj_index(ts, v, &n)) return false;
    if (n < 1 || n >= kSignalCount) {
        raise(ts, ts.exc_types().ValueError, "signal number out of range");
        return false;
    }
    *out = static_cast<int>(n);
    return true;
}

bool main_thread_check(ThreadState& ts, const char* what) {
    if (&ts == &ts.interp().main_thread() && claim_signals(ts.interp())) return true;
    raise_fmt(ts, ts.exc_types().ValueError, "{} only works in main thread of the main interpreter",
              what);
    return false;
}

// What getsignal() reports for a signal no Python code has set a handler for.
Value os_level_handler(int signum) {
    switch (current_signal_action(signum)) {
        case SignalAction::Default:
            return Value::small_int(kSigDfl);
        case SignalAction::Ignore:
            return Value::small_int(kSigIgn);
        case SignalAction::Catch:
            break;
    }
    return Value::none();
}

Value current_handler(ThreadState& ts, int signum) {
    Value h = signal_handler_table(ts.interp())[signum];
    return h.is_null() ? os_level_handler(signum) : new_ref(h);
}

Value signal_getsignal(ThreadState& ts, Args args) {
    int signum;
    if (!check_nargs(ts, args, "getsignal", 1, 1) || !signum_arg(ts, args[0], &signum))
        return Value();
    return current_handler(ts, signum);
}

Value signal_signal(ThreadState& ts, Args args) {
    int signum;
    if (!check_nargs(ts, args, "signal", 2, 2) || !main_thread_check(ts, "signal") ||
        !signum_arg(ts, args[0], &signum)) {
        return Value();
    }
    Value handler = args[1];
    SignalAction action = SignalAction::Catch;
    if (is_int(handler)) {
        int64_t n;
        if (!obj_index(ts, handler, &n)) return Value();
        if (n == kSigDfl) action = SignalAction::Default;
        if (n == kSigIgn) action = SignalAction::Ignore;
    }
    if (action == SignalAction::Catch && type_of(ts, handler)->call == nullptr) {
        return raise(ts, ts.exc_types().TypeError,
                     "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
    }
    Ref old(current_handler(ts, signum));
    if (!set_signal_action(signum, action)) return raise_os_error(ts, errno);
    Value& slot = signal_handler_table(ts.interp())[signum];
    Value previous = slot;
    slot = new_ref(handler);
    if (!previous.is_null()) decref(previous);
    // A handler that was pending runs now (CPython checks after setting too).
    if (!run_pending_signals(ts)) return Value();
    return old.release();
}

Value signal_default_int_handler(ThreadState& ts, Args) {
    return raise_object(ts, val(ts.exc_types().KeyboardInterrupt));
}

Value signal_raise_signal(ThreadState& ts, Args args) {
    int signum;
    if (!check_nargs(ts, args, "raise_signal", 1, 1) || !signum_arg(ts, args[0], &signum))
        return Value();
    if (::raise(signum) != 0) return raise_os_error(ts, errno);
    if (!run_pending_signals(ts)) return Value();
    return Value::none();
}

Value signal_strsignal(ThreadState& ts, Args args) {
    int signum;
    if (!check_nargs(ts, args, "strsignal", 1, 1) || !signum_arg(ts, args[0], &signum))
        return Value();
    const char* text = ::strsignal(signum);
    if (text == nullptr || std::strncmp(text, "Unknown signal", 14) == 0) return Value::none();
    return make_str(ts, text);
}

// A set of signal numbers from a sigset_t.
Value set_from_sigset(ThreadState& ts, const sigset_t& set) {
    Ref result(set_new(ts));
    if (!result) return Value();
    for (int s = 1; s < kSignalCount; ++s) {
        if (sigismember(&set, s) == 1 && !set_add(ts, *result, Value::small_int(s))) return Value();
    }
    return result.release();
}

Value signal_valid_signals(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "valid_signals", 0, 0)) return Value();
    sigset_t all;
    sigfillset(&all);
    return set_from_sigset(ts, all);
}

// An iterable of signal numbers as a sigset_t.
bool sigset_arg(ThreadState& ts, Value iterable, sigset_t* out) {
    sigemptyset(out);
    Ref it(obj_iter(ts, iterable));
    if (!it) return false;
    for (;;) {
        Ref item(iter_next(ts, *it));
        if (!item) return !ts.has_exception();
        int signum;
        if (!signum_arg(ts, *item, &signum)) return false;
        sigaddset(out, signum);
    }
}

Value signal_pthread_sigmask(ThreadState& ts, Args args) {
    int64_t how;
    if (!check_nargs(ts, args, "pthread_sigmask", 2, 2) || !obj_index(ts, args[0], &how))
        return Value();
    sigset_t set, old;
    if (!sigset_arg(ts, args[1], &set)) return Value();
    int err = pthread_sigmask(static_cast<int>(how), &set, &old);
    if (err != 0) return raise_os_error(ts, err);
    Ref result(set_from_sigset(ts, old));
    // Unblocking may make a blocked signal arrive now.
    if (!result || !run_pending_signals(ts)) return Value();
    return result.release();
}

Value signal_sigpending(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "sigpending", 0, 0)) return Value();
    sigset_t set;
    if (::sigpending(&set) < 0) return raise_os_error(ts, errno);
    return set_from_sigset(ts, set);
}

// sigwait(sigset): waits, without the GIL, for one of the signals (which
// the caller has blocked) and returns its number; no handler runs for it.
Value signal_sigwait(ThreadState& ts, Args args) {
    sigset_t set;
    if (!check_nargs(ts, args, "sigwait", 1, 1) || !sigset_arg(ts, args[0], &set)) return Value();
    int signum = 0, err;
    {
        GilRelease released(ts);
        err = ::sigwait(&set, &signum);
    }
    if (err != 0) return raise_os_error(ts, err);
    return make_int(ts, signum);
}

Value signal_pthread_kill(ThreadState& ts, Args args) {
    int64_t ident, signum;  // signal 0 only checks that the thread exists
    if (!check_nargs(ts, args, "pthread_kill", 2, 2) || !obj_index(ts, args[0], &ident) ||
        !obj_index(ts, args[1], &signum)) {
        return Value();
    }
    if (signum < 0 || signum >= kSignalCount)
        return raise(ts, ts.exc_types().ValueError, "signal number out of range");
    int err = pthread_kill(static_cast<pthread_t>(ident), static_cast<int>(signum));
    if (err != 0) return raise_os_error(ts, err);
    if (!run_pending_signals(ts)) return Value();
    return Value::none();
}

Value signal_siginterrupt(ThreadState& ts, Args args) {
    int signum;
    if (!check_nargs(ts, args, "siginterrupt", 2, 2) || !signum_arg(ts, args[0], &signum))
        return Value();
    int flag = obj_truthy(ts, args[1]);
    if (flag < 0) return Value();
    struct sigaction sa {};
    if (::sigaction(signum, nullptr, &sa) < 0) return raise_os_error(ts, errno);
    if (flag)
        sa.sa_flags &= ~SA_RESTART;
    else
        sa.sa_flags |= SA_RESTART;
    if (::sigaction(signum, &sa, nullptr) < 0) return raise_os_error(ts, errno);
    return Value::none();
}

Value signal_set_wakeup_fd(ThreadState& ts, Args args) {
    Value fd_arg, warn;
    if (!parse_args(ts, args, "set_wakeup_fd", {"fd", "|", "$warn_on_full_buffer"},
                    {&fd_arg, &warn}))
        return Value();
    int64_t fd;
    if (!obj_index(ts, fd_arg, &fd)) return Value();
    if (!main_thread_check(ts, "set_wakeup_fd")) return Value();
    if (fd != -1) {
        struct stat st;
        if (::fstat(static_cast<int>(fd), &st) < 0) return raise_os_error(ts, errno);
        int flags = ::fcntl(static_cast<int>(fd), F_GETFL);
        if (flags < 0) return raise_os_error(ts, errno);
        if (!(flags & O_NONBLOCK)) {
            return raise_fmt(ts, ts.exc_types().ValueError,
                             "the fd {} must be in non-blocking mode", fd);
        }
    }
    return make_int(ts, exchange_signal_wakeup_fd(static_cast<int>(fd)));
}

Value signal_alarm(ThreadState& ts, Args args) {
    int64_t seconds;
    if (!check_nargs(ts, args, "alarm", 1, 1) || !obj_index(ts, args[0], &seconds)) return Value();
    return make_int(ts, ::alarm(static_cast<unsigned>(seconds)));
}

// pause(): sleeps until a signal arrives and its handler ran. The wait is
// cut into slices that look at signal_pending(), because the signal may be
// delivered to another thread, which pause(2) would not notice.
Value signal_pause(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "pause", 0, 0)) return Value();
    while (!signal_pending()) {
        GilRelease released(ts);
        auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(kSignalPollInterval).count();
        timespec req{0, static_cast<long>(ns)};
        nanosleep(&req, nullptr);
    }
    if (!run_pending_signals(ts)) return Value();
    return Value::none();
}

double timeval_seconds(const timeval& tv) {
    return static_cast<double>(tv.tv_sec) + static_cast<double>(tv.tv_usec) * 1e-6;
}

timeval seconds_timeval(double s) {
    timeval tv;
    tv.tv_sec = static_cast<time_t>(s);
    tv.tv_usec = static_cast<suseconds_t>(std::llround((s - static_cast<double>(tv.tv_sec)) * 1e6));
    if (tv.tv_usec >= 1000000) {
        tv.tv_sec += 1;
        tv.tv_usec -= 1000000;
    }
    // CPython rounds a positive delay below a microsecond up, so it is not 0 (disarm).
    if (s > 0 && tv.tv_sec == 0 && tv.tv_usec == 0) tv.tv_usec = 1;
    return tv;
}

Value itimer_tuple(ThreadState& ts, const itimerval& v) {
    Ref delay(make_float(ts, timeval_seconds(v.it_value)));
    Ref interval(make_float(ts, timeval_seconds(v.it_interval)));
    if (!delay || !interval) return Value();
    return tuple_pack(ts, {*delay, *interval});
}

Value raise_itimer_error(ThreadState& ts, int err) {
    Ref code(make_int(ts, err));
    Ref msg(make_str(ts, std::strerror(err)));
    if (!code || !msg) return Value();
    Ref exc(call_n(ts, signal_state(ts.interp()).itimer_error, {*code, *msg}));
    if (!exc) return Value();
    return raise_instance(ts, exc.release());
}

Value signal_setitimer(ThreadState& ts, Args args) {
    int64_t which;
    double seconds, interval = 0.0;
    if (!check_nargs(ts, args, "setitimer", 2, 3) || !obj_index(ts, args[0], &which) ||
        !obj_as_double(ts, args[1], &seconds) ||
        (args.n == 3 && !obj_as_double(ts, args[2], &interval))) {
        return Value();
    }
    itimerval next{seconds_timeval(interval), seconds_timeval(seconds)}, old{};
    if (::setitimer(static_cast<__itimer_which>(which), &next, &old) < 0)
        return raise_itimer_error(ts, errno);
    return itimer_tuple(ts, old);
}

Value signal_getitimer(ThreadState& ts, Args args) {
    int64_t which;
    if (!check_nargs(ts, args, "getitimer", 1, 1) || !obj_index(ts, args[0], &which))
        return Value();
    itimerval now{};
    if (::getitimer(static_cast<__itimer_which>(which), &now) < 0)
        return raise_itimer_error(ts, errno);
    return itimer_tuple(ts, now);
}

constexpr MethodDef kSignalFunctions[] = {
    {"signal", signal_signal},
    {"getsignal", signal_getsignal},
    {"default_int_handler", signal_default_int_handler},
    {"raise_signal", signal_raise_signal},
    {"strsignal", signal_strsignal},
    {"valid_signals", signal_valid_signals},
    {"pthread_sigmask", signal_pthread_sigmask},
    {"pthread_kill", signal_pthread_kill},
    {"sigpending", signal_sigpending},
    {"sigwait", signal_sigwait},
    {"siginterrupt", signal_siginterrupt},
    {"set_wakeup_fd", signal_set_wakeup_fd},
    {"alarm", signal_alarm},
    {"pause", signal_pause},
    {"setitimer", signal_setitimer},
    {"getitimer", signal_getitimer},
};

struct SignalName {
    const char* name;
    int value;
};

constexpr SignalName kSignalNames[] = {
    {"SIGHUP", SIGHUP},       {"SIGINT", SIGINT},   {"SIGQUIT", SIGQUIT},     {"SIGILL", SIGILL},
    {"SIGTRAP", SIGTRAP},     {"SIGABRT", SIGABRT}, {"SIGIOT", SIGIOT},       {"SIGBUS", SIGBUS},
    {"SIGFPE", SIGFPE},       {"SIGKILL", SIGKILL}, {"SIGUSR1", SIGUSR1},     {"SIGSEGV", SIGSEGV},
    {"SIGUSR2", SIGUSR2},     {"SIGPIPE", SIGPIPE}, {"SIGALRM", SIGALRM},     {"SIGTERM", SIGTERM},
    {"SIGSTKFLT", SIGSTKFLT}, {"SIGCHLD", SIGCHLD}, {"SIGCONT", SIGCONT},     {"SIGSTOP", SIGSTOP},
    {"SIGTSTP", SIGTSTP},     {"SIGTTIN", SIGTTIN}, {"SIGTTOU", SIGTTOU},     {"SIGURG", SIGURG},
    {"SIGXCPU", SIGXCPU},     {"SIGXFSZ", SIGXFSZ}, {"SIGVTALRM", SIGVTALRM}, {"SIGPROF", SIGPROF},
    {"SIGWINCH", SIGWINCH},   {"SIGIO", SIGIO},     {"SIGPOLL", SIGPOLL},     {"SIGPWR", SIGPWR},
    {"SIGSYS", SIGSYS},
};

bool add_constants(ThreadState& ts, Value m) {
    for (const SignalName& s : kSignalNames) {
        if (!module_add_value(ts, m, s.name, Value::small_int(s.value))) return false;
    }
    const SignalName kOthers[] = {
        {"SIG_DFL", static_cast<int>(kSigDfl)},
        {"SIG_IGN", static_cast<int>(kSigIgn)},
        {"NSIG", kSignalCount},
        {"SIGRTMIN", SIGRTMIN},
        {"SIGRTMAX", SIGRTMAX},
        {"SIG_BLOCK", SIG_BLOCK},
        {"SIG_UNBLOCK", SIG_UNBLOCK},
        {"SIG_SETMASK", SIG_SETMASK},
        {"ITIMER_REAL", ITIMER_REAL},
        {"ITIMER_VIRTUAL", ITIMER_VIRTUAL},
        {"ITIMER_PROF", ITIMER_PROF},
    };
    for (const SignalName& s : kOthers) {
        if (!module_add_value(ts, m, s.name, Value::small_int(s.value))) return false;
    }
    return true;
}

// The state module import finds: ItimerError, and SIGINT's handler shown as
// default_int_handler when it is the CLI's KeyboardInterrupt handler.
bool init_state(ThreadState& ts, Value m) {
    SignalModuleState& state = signal_state(ts.interp());
    if (state.itimer_error.is_null()) {
        state.itimer_error =
            make_exception_class(ts, "signal", "itimer_error", val(ts.exc_types().OSError));
        if (state.itimer_error.is_null()) return false;
    }
    Value dih = dict_get_cstr(ts, module_dict(m), "default_int_handler");
    if (state.default_int_handler.is_null()) state.default_int_handler = new_ref(dih);
    Value& slot = signal_handler_table(ts.interp())[SIGINT];
    if (slot.is_null() && current_signal_action(SIGINT) == SignalAction::Catch &&
        claim_signals(ts.interp())) {
        slot = new_ref(dih);
    }
    return module_add_value(ts, m, "ItimerError", state.itimer_error) &&
           module_add_value(ts, m, "itimer_error", state.itimer_error);
}

}  // namespace

Value init_signal_module(ThreadState& ts) {
    Ref m(module_new(ts, "_signal"));
    if (!m || !module_add_functions(ts, *m, kSignalFunctions) || !add_constants(ts, *m) ||
        !init_state(ts, *m)) {
        return Value();
    }
    return m.release();
}

}  // namespace gilt
