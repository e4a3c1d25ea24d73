// Host threads calling into a Host: which ThreadState an API call runs on.
//
// A ThreadState belongs to the OS thread that made it (its C++ stack bounds,
// its identity in the GIL). So an API call made on a thread other than the
// Host's own cannot borrow the Host's main ThreadState. Such a thread is
// attached for the length of its outermost API call (or HoldGil scope): a
// ThreadState is made for it, it takes the GIL, and when the outermost call
// returns the thread state is cleared and freed and the GIL dropped. This
// is CPython's PyGILState_Ensure / PyGILState_Release, which likewise make
// and delete a thread state when no other exists for the calling thread.
//
// Nested calls on an attached thread (a Handle destroyed inside a call, a
// HoldGil around several calls) share the attachment: a thread-local list
// keeps one entry per interpreter with its nesting depth. Each entry is only
// touched by its own thread. A host thread that is running a host function
// for a script (the trampoline's thread state) and the Host's own thread
// never attach.
#pragma once

#include "runtime/thread_state.hpp"

namespace gilt {

// The calling thread's attached ThreadState for `interp`, or null.
ThreadState* attached_thread_state(Interpreter& interp) noexcept;

// Enters an API call on a thread that is neither the Host's own (`owner`
// is its ThreadState) nor running a host function: attaches the thread (the
// GIL taken) or deepens an attachment. Returns the ThreadState to use, or
// null when no attachment is needed (the caller uses `owner` or the
// trampoline's).
ThreadState* host_thread_enter(Interpreter& interp, const ThreadState& owner);
// Leaves what host_thread_enter entered (`ts` is what it returned): at the
// outermost level, clears the thread state, drops the GIL and frees it.
void host_thread_leave(Interpreter& interp, ThreadState* ts) noexcept;

}  // namespace gilt
