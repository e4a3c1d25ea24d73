// SIGINT -> KeyboardInterrupt.
//
// Signal handlers are process-wide, so this is one of the few places with
// static state (documented in DESIGN.md): the handler records that SIGINT
// arrived and raises the eval breaker of the one interpreter that installed
// it (the CLI's); that interpreter's main thread raises KeyboardInterrupt at
// its next check point. Blocking waits on the main thread (sleep, lock
// acquire, join) poll signal_pending() so Ctrl-C interrupts them too.
#pragma once

#include "runtime/thread_state.hpp"

namespace gilt {

// Installs the SIGINT handler for `interp` (without SA_RESTART, so blocking
// system calls return EINTR).
void install_sigint_handler(Interpreter& interp);
void uninstall_sigint_handler(Interpreter& interp);
// True when SIGINT arrived and was not yet turned into an exception.
bool signal_pending() noexcept;
// On the interpreter's main thread: raises KeyboardInterrupt if SIGINT is
// pending (returns false with it pending). Other threads: returns true.
[[nodiscard]] bool run_pending_signals(ThreadState& ts);

}  // namespace gilt
