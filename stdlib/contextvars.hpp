// The C++ side of _contextvars (stdlib/contextvars.cpp) for native code that
// runs Python callbacks in a context of its own: the event loop runs each
// step of a Task, and each call_soon callback, inside the Context it was
// given (asyncio's Handle._run does `self._context.run(...)`).
#pragma once

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"
#include "runtime/type.hpp"

namespace gilt {

// True for a contextvars.Context.
bool is_context(ThreadState& ts, Value v);
// contextvars.copy_context(): a new Context sharing the calling thread's
// variables (copied on the first write of either). New reference, or null
// with an exception pending.
Value context_copy_current(ThreadState& ts);
// ctx.run(callable, *args): enters `ctx` (a Context) for the call and
// leaves it again, whatever the call does. RuntimeError if `ctx` is already
// entered. The result is a new reference, or null with an exception pending.
Value context_run(ThreadState& ts, Value ctx, Value callable, Args args);
// The two halves of run(), for native code that resumes a coroutine in a
// context (a Task's step): enter makes `ctx` current (false with
// RuntimeError pending if it is already entered); exit restores the context
// enter replaced. Every successful enter is paired with one exit.
[[nodiscard]] bool context_enter(ThreadState& ts, Value ctx);
void context_exit(ThreadState& ts, Value ctx);
// var.get() without a call, for native modules that read a variable on
// every operation (decimal's current context): the value of `var` (a
// ContextVar) in the calling thread's current context, borrowed, or null
// with no exception when it has none there (its default is not consulted).
Value context_var_lookup(ThreadState& ts, Value var);

}  // namespace gilt
