// Host interrupts: a host thread asks the running script to stop.
//
// gilt::Host::interrupt() may be called from any thread, holding nothing,
// while the script runs Python code or waits in a blocking call. It must
// not touch objects (it does not hold the GIL), so it only records: the
// pending flag, the exception type to raise (or none: KeyboardInterrupt),
// and the kEvalBreakerInterrupt bit of the eval breaker. This is the path a
// SIGINT takes (runtime/signals.hpp), minus the signal:
//
//  - running bytecode, the script sees the bit at its next check point,
//    and eval_handle_breaker() raises the exception there;
//  - blocked (time.sleep, lock and queue waits, Event.wait, socket calls,
//    select), the thread wakes every kSignalPollInterval to look for a
//    pending signal; it now asks interrupt_pending(), which includes the
//    host's interrupt (and a sandbox deadline that has passed), and then
//    run_pending_interrupts() raises in it.
//
// Who receives it: a thread that entered the interpreter through the
// embedding API (the Host's own thread, or a host thread that called in:
// ThreadState::host_entered). Threads the script started with `threading`
// never see it, as they never see KeyboardInterrupt. The first such thread
// to reach a check point consumes it; a second interrupt() before that is
// the same interrupt.
//
// Ordering: the type is stored before the flag (release), and the receiver
// exchanges the flag (acquire) before it reads the type.
#pragma once

#include <atomic>
#include <cstdint>

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"

namespace gilt {

class Interpreter;

struct HostInterrupt {
    std::atomic<bool> pending{false};
    // The exception type to raise, as Value bits (borrowed: the host keeps
    // its own reference; see api_interrupt.cpp), or 0 for KeyboardInterrupt.
    std::atomic<std::uint64_t> type_bits{0};
};

// With the GIL: keeps a reference to `type` for as long as the interpreter
// lives, so that type_bits may name it after the host's Handle is gone.
void keep_interrupt_type(ThreadState& ts, Value type);

// Any thread, no GIL needed: asks the interpreter to raise `type` (0 bits:
// KeyboardInterrupt) in the host's thread at its next check point.
void request_host_interrupt(Interpreter& interp, std::uint64_t type_bits) noexcept;

// Does this thread poll for interrupts while it blocks (the main thread for
// signals, every host-entered thread for host interrupts)?
bool polls_interrupts(const ThreadState& ts) noexcept;
// Without the GIL: is there something for run_pending_interrupts() to do
// on this thread (a signal, a host interrupt, a passed sandbox deadline)?
bool interrupt_pending(const ThreadState& ts) noexcept;
// With the GIL: runs pending signal handlers and raises a pending host
// interrupt or time limit. false with the exception pending.
[[nodiscard]] bool run_pending_interrupts(ThreadState& ts);
// The eval breaker's part: raises the host interrupt if this thread takes
// it. false with the exception pending.
[[nodiscard]] bool take_host_interrupt(ThreadState& ts);

}  // namespace gilt
