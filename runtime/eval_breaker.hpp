// The eval breaker: one word the eval loop polls at every check point.
//
// The loop must notice several asynchronous events (another thread wants the
// GIL, a signal arrived, an exception was thrown into this thread) without
// paying for each of them on every backward jump and function entry. So every
// source owns one bit of a single std::atomic<uint32_t>, owned by the
// interpreter, and the loop does one relaxed load:
//
//     if (breaker.load(std::memory_order_relaxed) != 0) eval_handle_breaker(ts);
//
// CPython keeps the conditions in separate variables and recomputes one
// `eval_breaker` flag from all of them (COMPUTE_EVAL_BREAKER in
// Python/ceval_gil.c), which can transiently lose a condition. With one bit per
// source, a source sets its bit with fetch_or and clears it with fetch_and,
// never touching the others' bits, and nothing is recomputed.
//
// The slow path (eval_handle_breaker in interp/vm/eval_helpers.cpp) re-checks
// each condition at its source (e.g. Gil::drop_requested()); a bit is a hint
// that something may be pending, not the authoritative state. The bits may therefore be read and
// written with relaxed ordering, with one exception: a consumer that clears a bit before
// re-checking a condition kept in another variable must clear it with acquire,
// and the source must set it with release after writing the condition, or the
// consumer could clear the bit without seeing the condition and lose it until
// the next time the bit is set (the signal bit, runtime/signals.cpp). The GIL
// bit needs none of this: only the Gil clears it, under its mutex.
#pragma once

#include <cstdint>

namespace gilt {

// Another thread has waited a whole switch interval for the GIL: the holder
// should call Gil::yield(). Set and cleared only by the Gil (runtime/gil.hpp).
inline constexpr std::uint32_t kEvalBreakerGilDrop = 1u << 0;
// A signal handler ran; the main thread should run the Python-level handlers.
inline constexpr std::uint32_t kEvalBreakerSignals = 1u << 1;
// An asynchronous exception is pending for some thread.
inline constexpr std::uint32_t kEvalBreakerAsyncExc = 1u << 2;
// Tracked allocations passed the collector's threshold: collect at the next
// check point (runtime/gc.hpp). Never from inside the allocator, whose caller
// has not finished building the new object yet. Set and cleared under the GIL.
inline constexpr std::uint32_t kEvalBreakerGc = 1u << 3;
// The host asked the script to stop (runtime/interrupts.hpp). Set by any
// thread; cleared by the thread that takes the interrupt.
inline constexpr std::uint32_t kEvalBreakerInterrupt = 1u << 4;
// A sandbox budget or deadline is active: every check point counts
// (runtime/sandbox.hpp). Set and cleared by the Sandbox.
inline constexpr std::uint32_t kEvalBreakerSandbox = 1u << 5;

}  // namespace gilt
