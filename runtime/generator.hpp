// Generators, coroutines and async generators: a heap-allocated frame plus
// its run state.
//
// Calling a function whose code is a generator (or `async def`) does not run
// it: the call binds the arguments into a frame block owned by a new
// GeneratorObject (so the frame survives the call) and returns that object.
// Each send() resumes the frame in the eval loop until it yields (the frame
// is suspended, `ip`/`sp` saved) or returns (the frame is cleared). A
// coroutine is the same object with another type; `yield from` and `await`
// delegate through the SEND instruction.
#pragma once

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"

namespace gilt {

struct Frame;

enum class GenState : uint8_t { Created, Suspended, Running, Completed };

struct GeneratorObject {
    Object hdr;
    Frame* frame;    // owned block (malloc'd); null once completed
    Value name;      // str
    Value qualname;  // str
    Value code;      // the CodeObject (owned; tracebacks and repr)
    GenState state;
    bool awaited;          // a coroutine already awaited by someone
    bool ag_value_yield;   // async generator: the last yield was a `yield v` (not an await passing
                           // through)
    bool ag_hooks_inited;  // async generator: the thread's asyncgen hooks were looked at
    // Async generator: an asend/athrow/aclose step is under way, from its
    // first send until the awaitable completes, suspended awaits included
    // (CPython's ag_running_async; what ag_running shows). A second one
    // started meanwhile is RuntimeError "... is already running".
    bool ag_running_async;
    // Async generator: the finalizer hook (sys.set_asyncgen_hooks) in force
    // when it was first iterated (owned), or null. Called with the generator
    // instead of closing it when it dies unfinished (asyncio schedules
    // aclose() on its loop).
    Value ag_finalizer;
};

enum class SendResult { Yielded, Returned, Error };

// Makes the generator/coroutine object for a frame block already bound to
// its arguments (the generator takes ownership of the block).
Value make_generator(ThreadState& ts, Value func, Frame* frame);
// Resumes with `value` (None to start). Sets *out to the yielded or returned
// value (a new reference). Error: exception pending (a StopIteration raised
// inside becomes RuntimeError, as PEP 479 says).
SendResult gen_send(ThreadState& ts, Value gen, Value value, Value* out);
// gen.throw(exc): raises `exc` (an exception instance, consumed) at the
// suspension point, forwarding into a delegated iterator first.
SendResult gen_throw(ThreadState& ts, Value gen, Value exc, Value* out);
// gen.close(). Returns false with an exception pending.
[[nodiscard]] bool gen_close(ThreadState& ts, Value gen);
bool is_generator_like(Value v) noexcept;  // generator, coroutine or async generator
// The collector's finalization step for a generator, coroutine or async
// generator found in a cycle (CPython's finalize_garbage calling
// _PyGen_Finalize): closes it (or warns that a coroutine was never
// awaited, or hands an async generator to its finalizer hook) before
// anything of the cycle is cleared, once per object (kObjDelCalled, which
// deallocation respects). `o` is kept alive by the collector. True if
// Python code ran.
bool gc_finalize_generator(ThreadState& ts, Object* o);

// The end of a generator whose frame the eval loop ran in line, under a
// caller's FOR_ITER (docs/vm.md, "Generators resumed in the loop"): marks it
// completed and frees its frame, as a send() that saw the frame end would.
// With an exception pending (the frame raised), a StopIteration becomes
// RuntimeError (PEP 479); returns false then.
bool gen_finish_in_loop(ThreadState& ts, GeneratorObject* g, bool raised);

void define_generator_type(Interpreter& interp, TypeObject* t);
void define_coroutine_type(Interpreter& interp, TypeObject* t);
void define_async_generator_type(Interpreter& interp, TypeObject* t);

}  // namespace gilt
