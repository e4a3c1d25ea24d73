// Starting OS threads that run Python code, and waiting for them at exit.
//
// The life of a thread started by start_python_thread():
//
//   parent (holds the GIL)            new OS thread
//   ----------------------            -------------
//   running += 1, pthread_create  ->  construct its ThreadState (records its
//   release GIL, wait for "ready"      ident and stack bounds, registers in
//                                      interp.threads), signal "ready"
//   take GIL back, return ident       take the GIL
//                                     call func(*args, **kwargs); print an
//                                     uncaught exception (SystemExit: quiet)
//                                     clear the ThreadState's references,
//                                     release its sentinel lock (Thread.join
//                                     waits on it), unregister it
//                                     drop the GIL, destroy the ThreadState
//                                     (its GilThread outlives the drop)
//                                     running -= 1, notify
//
// The parent waits for "ready" so that a thread is always in interp.threads
// from start_new_thread() until it has finished running Python code: at exit,
// "registered" threads are the ones still running Python (daemon threads
// after threading._shutdown()), and `running` minus those are threads in
// their last steps, which touch the interpreter (its Gil, its thread list)
// and must be waited for before the interpreter may be destroyed.
#pragma once

#include <cstdint>

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"

namespace gilt {

// Starts `func(*args, **kwargs)` on a new OS thread (kwargs may be null).
// Returns true and sets *ident, or false with RuntimeError("can't start new
// thread") pending. The arguments are borrowed.
[[nodiscard]] bool start_python_thread(ThreadState& ts, Value func, Value args, Value kwargs,
                                       uint64_t* ident);

// _thread._set_sentinel(): a new lock that is released when the calling
// thread has finished (after its references are cleared). On a thread not
// started by start_python_thread (the main thread) it is never released.
Value thread_sentinel(ThreadState& ts);

// The number of threads started by start_python_thread that have not
// finished yet (_thread._count()).
uint64_t running_thread_count(Interpreter& interp);

// At exit, on the main thread holding the GIL, after threading._shutdown():
// waits (without the GIL) for threads that finished running Python code to
// complete their last steps. Returns true when no other thread remains, so
// the interpreter may be destroyed; false when threads still run Python code
// (daemon threads): the caller must then leave the process without
// destroying the interpreter (flush the standard streams and _Exit).
[[nodiscard]] bool wait_for_thread_exits(ThreadState& ts);

// In the child after fork(), on the one thread that survived (it held the
// GIL across the fork): the GIL is made anew with this thread holding it,
// the other threads are forgotten (their ThreadStates are leaked: their
// memory may be in any state), the thread registry's mutexes are re-created
// and signals that arrived in the parent are dropped. A child forked from a
// thread other than the main one must leave with os._exit(), as under
// CPython, since the main thread it would return to does not exist there.
// (CPython: PyOS_AfterFork_Child.)
void reinit_threads_after_fork(ThreadState& ts);

// _thread.stack_size(): the stack size for new threads (0: the default).
void set_thread_stack_size(Interpreter& interp, std::size_t size);
std::size_t thread_stack_size(Interpreter& interp);

}  // namespace gilt
