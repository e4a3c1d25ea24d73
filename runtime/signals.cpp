// Signals (see signals.hpp).
#include "runtime/signals.hpp"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <memory>

#include "runtime/abstract.hpp"
#include "runtime/errors.hpp"
#include "runtime/eval_breaker.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/module_state.hpp"

namespace gilt {

namespace {

// Process-wide by nature: a signal handler cannot carry context.
//
// The handler may run on any thread, so the pending bits and the eval-breaker
// bit are published to the main thread in an order: the signal's bit, then
// g_any_pending, then the eval-breaker bit with release.
// run_pending_signals() clears the eval-breaker bit with acquire before it
// takes g_any_pending, and g_any_pending (acquire) before the signal's bits,
// so having seen a bit it also sees what was written before it. With all of
// them relaxed, the main thread could clear the breaker bit, not yet see the
// flag, and the signal would wait unnoticed until the next blocking call
// polled for it.
std::atomic<bool> g_pending[kSignalCount];
std::atomic<bool> g_any_pending{false};
std::atomic<Interpreter*> g_signal_interp{nullptr};
std::atomic<int> g_wakeup_fd{-1};
// Which signals this file's handler is installed for, so that giving up
// ownership can put them back. Written only by the owner's main thread.
bool g_caught[kSignalCount];

extern "C" void on_signal(int signum) {
    int saved_errno = errno;
    if (signum > 0 && signum < kSignalCount)
        g_pending[signum].store(true, std::memory_order_relaxed);
    g_any_pending.store(true, std::memory_order_release);
    int fd = g_wakeup_fd.load(std::memory_order_relaxed);
    if (fd >= 0) {
        unsigned char byte = static_cast<unsigned char>(signum);
        ssize_t ignored = ::write(fd, &byte, 1);
        static_cast<void>(ignored);
    }
    if (Interpreter* interp = g_signal_interp.load(std::memory_order_acquire))
        interp->eval_breaker.fetch_or(kEvalBreakerSignals, std::memory_order_release);
    errno = saved_errno;
}

// The handler table lives in the interpreter (its entries are objects).
// It goes with the interpreter's module state, while the interpreter still
// exists: then the interpreter also gives up the signals if it owns them,
// so the C handler never reaches a destroyed interpreter.
struct HandlerTable {
    ~HandlerTable() {
        if (interp) uninstall_signal_handlers(*interp);
        for (Value& h : handlers) {
            if (!h.is_null()) decref(h);
        }
    }
    Interpreter* interp = nullptr;  // the owner, set when the table is made
    Value handlers[kSignalCount];
};

constexpr const char* kHandlerTableKey = "signal.handlers";

// The handler's second argument: the running frame, as sys._getframe()
// shows it (frames are not objects in gilt), or None outside any frame.
Value current_frame(ThreadState& ts) {
    if (ts.frame == nullptr) return Value::none();
    Ref getframe(obj_getattr_cstr(ts, ts.interp().sys, "_getframe"));
    if (!getframe) return Value();
    return call0(ts, *getframe);
}

// Runs the Python handler of one signal that arrived.
bool run_handler(ThreadState& ts, int signum) {
    Value h = signal_handler_table(ts.interp())[signum];
    if (h.is_null()) {
        if (signum != SIGINT) return true;
        raise_object(ts, val(ts.exc_types().KeyboardInterrupt));
        return false;
    }
    if (is_int(h) || h.is_none()) return true;  // SIG_DFL/SIG_IGN set while it was pending
    Ref keep = Ref::borrow(h);                  // the handler may replace itself
    Ref frame(current_frame(ts));
    if (!frame) return false;
    Ref result(call_n(ts, *keep, {Value::small_int(signum), *frame}));
    return static_cast<bool>(result);
}

}  // namespace

void install_sigint_handler(Interpreter& interp) {
    g_signal_interp.store(&interp, std::memory_order_release);
    static_cast<void>(set_signal_action(SIGINT, SignalAction::Catch));
}

void uninstall_signal_handlers(Interpreter& interp) {
    Interpreter* expected = &interp;
    if (!g_signal_interp.compare_exchange_strong(expected, nullptr)) return;
    for (int s = 1; s < kSignalCount; ++s) {
        if (g_caught[s]) static_cast<void>(set_signal_action(s, SignalAction::Default));
    }
    g_wakeup_fd.store(-1);
    // Nobody would handle them any more, and a pending flag left set would
    // keep the lock waits of another interpreter's main thread waking up.
    forget_pending_signals();
}

bool signal_pending() noexcept {
    return g_any_pending.load(std::memory_order_relaxed);
}

bool run_pending_signals(ThreadState& ts) {
    Interpreter& interp = ts.interp();
    if (&ts != &interp.main_thread() || g_signal_interp.load() != &interp) return true;
    // Acquire pairs with the handler's release (see g_pending).
    interp.eval_breaker.fetch_and(~kEvalBreakerSignals, std::memory_order_acquire);
    if (!g_any_pending.exchange(false, std::memory_order_acquire)) return true;
    for (int s = 1; s < kSignalCount; ++s) {
        if (!g_pending[s].exchange(false, std::memory_order_relaxed)) continue;
        if (run_handler(ts, s)) continue;
        // The rest wait for the next check point, as in CPython.
        for (int r = s + 1; r < kSignalCount; ++r) {
            if (g_pending[r].load(std::memory_order_relaxed)) {
                g_any_pending.store(true, std::memory_order_relaxed);
                interp.eval_breaker.fetch_or(kEvalBreakerSignals, std::memory_order_release);
                break;
            }
        }
        return false;
    }
    return true;
}

bool claim_signals(Interpreter& interp) {
    Interpreter* expected = nullptr;
    if (!g_signal_interp.compare_exchange_strong(expected, &interp) && expected != &interp)
        return false;
    signal_handler_table(interp);  // whose end gives the signals up again
    return true;
}

Value* signal_handler_table(Interpreter& interp) {
    return module_state<HandlerTable>(interp, kHandlerTableKey,
                                      [&](HandlerTable& table) { table.interp = &interp; })
        .handlers;
}

bool set_signal_action(int signum, SignalAction action) noexcept {
    struct sigaction sa {};
    sa.sa_handler = action == SignalAction::Catch    ? on_signal
                    : action == SignalAction::Ignore ? SIG_IGN
                                                     : SIG_DFL;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;  // no SA_RESTART: blocking calls return EINTR
    if (::sigaction(signum, &sa, nullptr) < 0) return false;
    if (signum > 0 && signum < kSignalCount) g_caught[signum] = action == SignalAction::Catch;
    return true;
}

SignalAction current_signal_action(int signum) noexcept {
    struct sigaction sa {};
    if (::sigaction(signum, nullptr, &sa) < 0) return SignalAction::Default;
    if (sa.sa_handler == SIG_IGN) return SignalAction::Ignore;
    if (sa.sa_handler == SIG_DFL) return SignalAction::Default;
    return SignalAction::Catch;
}

int exchange_signal_wakeup_fd(int fd) noexcept {
    return g_wakeup_fd.exchange(fd);
}

void forget_pending_signals() noexcept {
    for (auto& p : g_pending) p.store(false, std::memory_order_relaxed);
    g_any_pending.store(false, std::memory_order_relaxed);
}

}  // namespace gilt
