// Signals: the process-wide C handler and the Python-level handlers.
//
// A signal may arrive on any thread at any moment, when no Python object may
// be touched. So the C handler (on_signal in signals.cpp) only records: it
// sets the signal's pending bit and the "some signal is pending" flag, writes
// the signal number to the wakeup fd if one is set (signal.set_wakeup_fd),
// and raises the eval-breaker bit of the interpreter that owns the signals.
// That interpreter's main thread notices the bit at its next check point
// (or a blocking call notices EINTR or polls signal_pending()) and calls
// run_pending_signals(), which runs the Python handlers in signal-number
// order. This is CPython's design (Modules/signalmodule.c: the "tripped"
// flags, trip_signal, _PyErr_CheckSignalsTstate).
//
// Process-wide state, one of the few statics DESIGN.md allows: the pending
// bits, the owning interpreter, the wakeup fd. Only one interpreter at a time
// owns the signals (the CLI's, or the first that calls signal.signal); the
// others get ValueError from signal.signal, as CPython's subinterpreters do.
// The Python handlers themselves are objects, so they live in the owning
// interpreter (signal_handler_table), never in a static.
//
// A handler that raises makes the interrupted operation raise: the blocking
// calls (sleep, lock waits, read, write, waitpid, ...) retry after EINTR
// only when run_pending_signals() returns true (PEP 475).
#pragma once

#include <csignal>

#include "runtime/thread_state.hpp"

namespace gilt {

// Signal numbers are 1 .. kSignalCount-1 (signal.NSIG).
inline constexpr int kSignalCount = NSIG;

// Makes `interp` the owner of the signals and catches SIGINT for it
// (without SA_RESTART, so blocking system calls return EINTR). With no
// Python handler set, a SIGINT raises KeyboardInterrupt (default_int_handler).
void install_sigint_handler(Interpreter& interp);
// Gives up ownership (if `interp` has it) and puts every signal caught for it
// back to SIG_DFL.
void uninstall_signal_handlers(Interpreter& interp);
// True when a signal arrived and its handler has not run yet.
bool signal_pending() noexcept;
// On the owning interpreter's main thread: runs the handlers of the pending
// signals; returns false with an exception pending when one raised (the
// signals not handled yet stay pending). Other threads: returns true.
[[nodiscard]] bool run_pending_signals(ThreadState& ts);

// --- for the signal module (stdlib/signal_module.cpp) ---

// True when `interp` owns the signals, or owned by nobody it now does. An
// interpreter gives them up when it is destroyed.
[[nodiscard]] bool claim_signals(Interpreter& interp);
// The Python-level handlers of `interp`: kSignalCount slots, each owned or
// null (never set from Python). What signal.getsignal() returns.
Value* signal_handler_table(Interpreter& interp);

enum class SignalAction { Default, Ignore, Catch };
// The OS-level disposition of `signum`: Catch installs the recording
// handler. Returns false with errno set.
[[nodiscard]] bool set_signal_action(int signum, SignalAction action) noexcept;
// What the OS does with `signum` now.
SignalAction current_signal_action(int signum) noexcept;
// signal.set_wakeup_fd: -1 turns it off. Returns the previous fd.
int exchange_signal_wakeup_fd(int fd) noexcept;

// In the child after fork(): signals that arrived in the parent are the
// parent's to handle.
void forget_pending_signals() noexcept;

}  // namespace gilt
