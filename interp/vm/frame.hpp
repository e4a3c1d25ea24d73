// Frames: the activation record of one running code object.
//
// A frame is a header followed by its "localsplus" (locals, then cells,
// then free variables) and its value stack, all in one block. Ordinary calls
// carve that block from the ThreadState's FrameStack (a pointer bump, popped
// on return), so a Python call allocates nothing; generator and coroutine
// frames live in a block owned by the generator object, because they outlive
// the call that created them.
//
// Frames form a chain through `previous` (the caller). `ip` and `sp` are
// only saved when the frame stops running (a call, a yield, an exception
// leaving it); the eval loop keeps them in registers meanwhile.
#pragma once

#include <cstdint>

#include "runtime/code.hpp"
#include "runtime/object.hpp"

namespace gilt {

struct GeneratorObject;

struct Frame {
    // Only `func` is owned: code, globals and builtins are kept alive by the
    // function (or, for module and class-body code run without one, by the
    // caller for the whole run), so a call costs one reference count, not five.
    CodeObject* code;        // borrowed
    Value func;              // the FunctionObject (owned), or null for module/exec code
    Value globals;           // borrowed
    Value builtins;          // borrowed
    Value locals;            // borrowed dict for module/class bodies (LOAD_NAME), else null
    Frame* previous;         // the caller, or null
    const uint32_t* ip;      // next instruction (valid when not running)
    Value* sp;               // top of the value stack (valid when not running)
    GeneratorObject* gen;    // owner when the frame belongs to a generator (borrowed)
    uint32_t entry : 1;      // returning from it returns from this eval_frame() call
    uint32_t on_heap : 1;    // lives in a generator's block, not on the FrameStack
    uint32_t init_call : 1;  // a class call's __init__, pushed by CALL: its result must be
                             // None, and the call's value is the instance below it
    uint32_t lasti_line;     // unused padding kept for alignment

    Value* localsplus() noexcept { return reinterpret_cast<Value*>(this + 1); }
    Value* stack_base() noexcept { return localsplus() + code->nlocalsplus(); }
    // Current line (for tracebacks), from the saved ip.
    int line() const noexcept;
};

static_assert(sizeof(Frame) % sizeof(Value) == 0);
inline constexpr std::size_t kFrameHeaderWords = sizeof(Frame) / sizeof(Value);

// Size in Values of a frame for `code` (header + localsplus + stack).
inline std::size_t frame_words(const CodeObject* code) noexcept {
    return kFrameHeaderWords + static_cast<std::size_t>(code->nlocalsplus() + code->stacksize);
}

// Fills the header of a frame about to run `code`; the local slots are the
// caller's to set. Only `func` gains a reference (see Frame).
inline void init_frame_header(Frame* f, CodeObject* code, Value globals, Value builtins,
                              Value locals, Value func) noexcept {
    f->code = code;
    f->func = new_ref(func);
    f->globals = globals;
    f->builtins = builtins;
    f->locals = locals;
    f->previous = nullptr;
    f->gen = nullptr;
    f->entry = 0;
    f->on_heap = 0;
    f->init_call = 0;
    f->lasti_line = 0;
    f->ip = code->code.data();
    f->sp = f->stack_base();
}

// Releases everything a frame owns (locals, cells, stack up to `sp`, the
// function). The block itself is freed by its owner. Inline: every return
// runs it.
inline void frame_clear(Frame* f) noexcept {
    CodeObject* co = f->code;
    if (!co) return;
    Value* lp = f->localsplus();
    Value* base = lp + co->nlocalsplus();
    Value* sp = f->sp;
    f->sp = base;
    f->code = nullptr;
    for (Value* p = base; p < sp; ++p) decref(*p);
    for (Value* p = lp; p < base; ++p) decref(*p);
    Value func = f->func;
    f->func = Value();
    decref(func);
}

// The globals / locals of the innermost running frame (builtins.globals()).
Value current_globals(ThreadState& ts);
Value current_locals(ThreadState& ts);

}  // namespace gilt
