// SIGINT handling (see signals.hpp).
#include "runtime/signals.hpp"

#include <csignal>

#include <atomic>

#include "runtime/errors.hpp"
#include "runtime/eval_breaker.hpp"
#include "runtime/interpreter.hpp"

namespace gilt {

namespace {

// Process-wide by nature: a signal handler cannot carry context.
//
// The handler may run on any thread, so the pending flag and the eval-breaker
// bit are published to the main thread in an order: the flag first, then the
// bit with release. run_pending_signals() clears the bit with acquire before
// it takes the flag, so having seen the bit it also sees the flag. With both
// relaxed, the main thread could clear the bit, not yet see the flag, and the
// signal would wait unnoticed until the next blocking call polled for it.
std::atomic<bool> g_sigint_pending{false};
std::atomic<Interpreter*> g_signal_interp{nullptr};

extern "C" void on_sigint(int) {
    g_sigint_pending.store(true, std::memory_order_relaxed);
    if (Interpreter* interp = g_signal_interp.load(std::memory_order_acquire))
        interp->eval_breaker.fetch_or(kEvalBreakerSignals, std::memory_order_release);
}

}  // namespace

void install_sigint_handler(Interpreter& interp) {
    g_signal_interp.store(&interp, std::memory_order_release);
    struct sigaction sa {};
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;  // no SA_RESTART: blocking calls return EINTR
    sigaction(SIGINT, &sa, nullptr);
}

void uninstall_sigint_handler(Interpreter& interp) {
    Interpreter* expected = &interp;
    if (g_signal_interp.compare_exchange_strong(expected, nullptr)) std::signal(SIGINT, SIG_DFL);
}

bool signal_pending() noexcept {
    return g_sigint_pending.load(std::memory_order_relaxed);
}

bool run_pending_signals(ThreadState& ts) {
    Interpreter& interp = ts.interp();
    if (&ts != &interp.main_thread()) return true;
    // Acquire pairs with the handler's release (see g_sigint_pending).
    interp.eval_breaker.fetch_and(~kEvalBreakerSignals, std::memory_order_acquire);
    if (!g_sigint_pending.exchange(false, std::memory_order_relaxed)) return true;
    raise(ts, ts.exc_types().KeyboardInterrupt, "");
    return false;
}

}  // namespace gilt
