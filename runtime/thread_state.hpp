// Per-OS-thread interpreter state.
//
// Every OS thread that runs Python code in an interpreter has exactly one
// ThreadState for it. It carries what CPython keeps in PyThreadState: the
// pending exception (the "error indicator" behind the null-Value convention),
// the exception currently being handled (for bare `raise` and implicit
// __context__), the chain of running frames, the memory frames are carved
// from, and the recursion counters that turn runaway recursion into
// RecursionError before the C++ stack overflows.
//
// Everything here is touched only by its own thread, while it holds the GIL
// (other threads may read it under the GIL, e.g. threading.enumerate()).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "runtime/builtin_types.hpp"
#include "runtime/common_strings.hpp"
#include "runtime/gil.hpp"
#include "runtime/object.hpp"

namespace gilt {

class Interpreter;
struct Frame;

// A bump allocator of Values for frames (locals, cells, evaluation stack).
// Frames are pushed and popped in LIFO order, so a call costs a pointer bump
// instead of a malloc (CPython 3.11's "data stack").
class FrameStack {
public:
    // Chunks are counted by `interp`'s heap meter (runtime/heap_meter.hpp).
    explicit FrameStack(Interpreter& interp) noexcept : m_interp(&interp) {}
    ~FrameStack();
    FrameStack(const FrameStack&) = delete;
    FrameStack& operator=(const FrameStack&) = delete;

    // Returns room for `n` Values, or nullptr when the stack is exhausted
    // (the caller raises MemoryError if out_of_memory(), else RecursionError).
    Value* push(std::size_t n) noexcept {
        if (static_cast<std::size_t>(m_limit - m_top) < n) return push_slow(n);
        Value* p = m_top;
        m_top += n;
        return p;
    }
    // Frees everything from `base` (a block push() returned) up.
    void pop(Value* base) noexcept {
        if (base != m_base) {
            m_top = base;
            return;
        }
        pop_slow(base);
    }

    // The last failed push was refused by the allocator or the heap cap,
    // not by the frame stack's own bound.
    bool out_of_memory() const noexcept { return m_out_of_memory; }

private:
    Value* push_slow(std::size_t n) noexcept;
    void pop_slow(Value* base) noexcept;
    struct Chunk;
    Chunk* m_chunk =
        nullptr;  // the chunk `m_top` points into (its `prev` chain holds older frames)
    Chunk* m_spare =
        nullptr;  // one emptied chunk kept so a call loop at a chunk edge does not malloc
    Value* m_top = nullptr;
    Value* m_limit = nullptr;
    Value* m_base = nullptr;     // m_chunk's first Value: popping to it may leave the chunk
    std::size_t m_reserved = 0;  // Values in all live chunks (capped: see thread_state.cpp)
    Interpreter* m_interp;
    bool m_out_of_memory = false;
};

class ThreadState {
public:
    // Must be constructed on the OS thread it describes (it records that
    // thread's identity and stack bounds).
    explicit ThreadState(Interpreter& interp, std::string name = "MainThread");
    ~ThreadState();
    ThreadState(const ThreadState&) = delete;
    ThreadState& operator=(const ThreadState&) = delete;

    // The ThreadState the calling OS thread created for `interp` (a
    // ThreadState belongs to the thread that constructed it), or nullptr. Used
    // where no ThreadState is passed in: the allocator's automatic collection.
    static ThreadState* current(Interpreter& interp) noexcept;

    Interpreter& interp() const noexcept { return *m_interp; }
    const BuiltinTypes& types() const noexcept { return *m_types; }
    const ExceptionTypes& exc_types() const noexcept { return *m_exc_types; }
    const CommonStrings& names() const noexcept { return *m_names; }

    // --- the error indicator ---
    bool has_exception() const noexcept { return !exc.is_null(); }

    // The raised exception (an exception instance), or null. Owned.
    Value exc;
    // The exception being handled by the innermost `except` block, or null. Owned.
    Value exc_info;
    // The innermost running frame (borrowed; frames live on `frames`).
    Frame* frame = nullptr;
    FrameStack frames;
    // Python-level call depth, checked against the interpreter's recursion limit.
    int py_depth = 0;
    // Native (C++) nesting depth: native code that calls back into Python
    // (sorted(key=...), __eq__ from a dict lookup, ...) uses C++ stack, which
    // is bounded separately from py_depth.
    int native_depth = 0;
    // Lowest address the C++ stack may grow to before RecursionError.
    const char* stack_limit = nullptr;

    // This thread's side of the GIL protocol and its statistics.
    GilThread gil_thread;
    // An exception to raise in this thread at its next check point
    // (PyThreadState_SetAsyncExc), or null. Guarded by the GIL.
    Value async_exc;

    uint64_t ident = 0;        // threading.get_ident()
    uint64_t native_id = 0;    // threading.get_native_id()
    Value thread_local_dicts;  // threading.local storage: dict keyed by local object id
    // The contextvars.Context this thread runs in (owned), or null until a
    // context variable is first used: each thread starts in a new empty
    // context, as in CPython. Context.run swaps it, which is why it lives
    // here: a task switches contexts on every step (stdlib/contextvars.cpp).
    Value context;
    // sys.set_asyncgen_hooks(firstiter, finalizer) of this thread (owned, or
    // null): an async generator calls firstiter on its first iteration and
    // keeps finalizer for when it dies unfinished (an event loop installs both).
    Value asyncgen_firstiter;
    Value asyncgen_finalizer;
    // This thread entered the interpreter through the embedding API (the
    // Host's own thread, or a host thread calling in), so a host interrupt
    // is raised in it (runtime/interrupts.hpp). Set before it runs code.
    bool host_entered = false;

private:
    Interpreter* m_interp;
    const BuiltinTypes* m_types;
    const ExceptionTypes* m_exc_types;
    const CommonStrings* m_names;
};

}  // namespace gilt
