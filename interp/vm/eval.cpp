// The eval loop.
//
// One function, eval_frame(), runs bytecode. Its shape follows CPython
// 3.11's _PyEval_EvalFrameDefault and Lua's luaV_execute:
//
//  * Dispatch is computed goto where the compiler supports it (GCC/Clang
//    "labels as values"), a switch otherwise; both come from the one opcode
//    table (interp/compiler/opcodes.hpp). Cases stay short: fast paths for the exact
//    builtin types inline, everything else through runtime/abstract.hpp.
//  * Python-to-Python calls do not recurse in C++: CALL pushes the callee's
//    frame (carved from the thread's FrameStack) and continues the loop;
//    RETURN_VALUE pops back to the caller. Only calls that go through native
//    code (a builtin calling back into Python, a generator resumed) re-enter
//    eval_frame(), and those are bounded by enter_native_call().
//  * Errors: every step that can fail jumps to `error` (marked GOTO_ERROR),
//    which adds a traceback entry for this frame and looks the instruction
//    up in the code's exception table. A handler resumes with the stack cut
//    to its recorded depth and the exception pushed; otherwise the frame is
//    popped and the exception continues in the caller.
//  * Check points (CPython 3.11's): backward jumps and function entry poll
//    the interpreter's eval breaker word, which is where the GIL is handed
//    over and pending signals are turned into exceptions.
//  * The loop is compiled twice (a template parameter). The second copy,
//    used only under -X switch=instruction or -X sched=SEED, also lets the
//    GIL change hands between any two instructions (eval_instruction_check),
//    which makes textbook races such as an unlocked `counter += 1` visible;
//    the usual copy pays nothing for it.
//
// The instruction bodies are in eval_ops_data.inc (stack, locals, names,
// attributes), eval_ops_values.inc (operators, subscripts, containers) and
// eval_ops_flow.inc (jumps, calls, returns, exceptions), included inside
// eval_frame(); this file holds the frame set-up, dispatch and unwinding.
//
// Register discipline: `ip` and `sp` live in locals while a frame runs and
// are written back to the Frame only when it stops (call, yield, error).
// The rule every case follows: SAVE_FRAME_STATE() (ip and sp into the
// Frame) before anything that can run Python code or raise: a call, an
// attribute lookup that may reach __getattr__ or a property, a comparison,
// a refcount drop that may run __del__, a GIL check point. That code may
// walk the frame stack (tracebacks, sys._getframe, the cycle collector
// visiting the stack), and a stale sp there means values counted twice or
// not at all, a stale ip a wrong line number.
#include "interp/vm/eval.hpp"

#include <cmath>
#include <cstring>

#include "interp/compiler/opcodes.hpp"
#include "interp/vm/eval_fast_paths.hpp"
#include "interp/vm/eval_helpers.hpp"
#include "interp/vm/frame_push.hpp"
#include "interp/vm/import.hpp"
#include "runtime/abstract.hpp"
#include "runtime/descriptors.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/exception.hpp"
#include "runtime/exception_group.hpp"
#include "runtime/float.hpp"
#include "runtime/generator.hpp"
#include "runtime/instance.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/native_function.hpp"
#include "runtime/range.hpp"
#include "runtime/set.hpp"
#include "runtime/slots.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "runtime/type.hpp"

#if defined(__GNUC__)
#define GILT_COMPUTED_GOTO 1
#else
#define GILT_COMPUTED_GOTO 0
#endif

namespace gilt {

using namespace eval_fast;

namespace {

template <bool kEveryInstruction>
Value eval_frame_impl(ThreadState& ts, Frame* entry, bool throwing) {
    Interpreter& interp = ts.interp();
    const BuiltinTypes& types = ts.types();
    Frame* f = entry;
    entry->entry = 1;
    entry->previous = ts.frame;
    ts.frame = entry;

    CodeObject* co;
    const uint32_t* ip;
    const uint32_t* code_base;
    Value* sp;
    Value* lp;
    const Value* consts;
    const Value* names;
    InlineCache* caches;
    uint32_t word;
    uint32_t oparg;

#define LOAD_FRAME_STATE()           \
    do {                             \
        co = f->code;                \
        code_base = co->code.data(); \
        ip = f->ip;                  \
        sp = f->sp;                  \
        lp = f->localsplus();        \
        consts = co->consts.data();  \
        names = co->names.data();    \
        caches = co->caches.data();  \
    } while (0)
#define SAVE_FRAME_STATE() \
    do {                   \
        f->ip = ip;        \
        f->sp = sp;        \
    } while (0)
// Makes `callee`, just pushed for a call from this frame, the running one
// (the caller's ip and sp are saved for the return). A call is a point
// where a pending signal or GIL drop request is handled.
#define ENTER_FRAME(callee)                                                                  \
    do {                                                                                     \
        f->ip = ip;                                                                          \
        f->sp = sp;                                                                          \
        (callee)->previous = f;                                                              \
        f = (callee);                                                                        \
        ts.frame = f;                                                                        \
        LOAD_FRAME_STATE();                                                                  \
        if (interp.eval_breaker.load(std::memory_order_relaxed) && !eval_handle_breaker(ts)) \
            GOTO_ERROR();                                                                    \
    } while (0)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define PEEK(n) (sp[-static_cast<std::ptrdiff_t>(n)])
#define SET_TOP(v) (sp[-1] = (v))
#define GOTO_ERROR() goto error
// Drops the references from the top of the stack down to `base` (exclusive)
// and leaves sp there: the end of every call, whatever its outcome.
#define DROP_STACK_TO(base)                               \
    do {                                                  \
        for (Value* p_ = sp; p_ > (base);) decref(*--p_); \
        sp = (base);                                      \
    } while (0)
#define NEXT_CACHE() (void)(*ip++)

// Between two instructions, in the every-instruction copy only: maybe hand
// the GIL over. Only the GIL: signals and asynchronous exceptions still wait
// for a check point, where the exception tables expect them.
#define INSTRUCTION_CHECK()                \
    do {                                   \
        if constexpr (kEveryInstruction) { \
            SAVE_FRAME_STATE();            \
            eval_instruction_check(ts);    \
        }                                  \
    } while (0)
#if GILT_COMPUTED_GOTO
    static const void* const kLabels[] = {
#define GILT_OP(name, effect, cache, operand) &&op_##name,
#include "interp/compiler/opcodes.inc"
#undef GILT_OP
    };
#define TARGET(name) op_##name:
#define DISPATCH()                  \
    do {                            \
        INSTRUCTION_CHECK();        \
        word = *ip++;               \
        oparg = arg_of(word);       \
        goto* kLabels[word & 0xFF]; \
    } while (0)
#else
#define TARGET(name) case Op::name:
#define DISPATCH() goto dispatch
#endif

    LOAD_FRAME_STATE();
    if (throwing) GOTO_ERROR();
    if (interp.eval_breaker.load(std::memory_order_relaxed) && !eval_handle_breaker(ts))
        GOTO_ERROR();

#if GILT_COMPUTED_GOTO
    DISPATCH();
#else
dispatch:
    INSTRUCTION_CHECK();
    word = *ip++;
    oparg = arg_of(word);
    switch (op_of(word)) {
#endif

#include "interp/vm/eval_ops_data.inc"
#include "interp/vm/eval_ops_flow.inc"
#include "interp/vm/eval_ops_values.inc"

#if !GILT_COMPUTED_GOTO
}
#endif

error :
    // A new exception in this frame: record where it passed.
    SAVE_FRAME_STATE();
if (!ts.has_exception())
    raise(ts, ts.exc_types().SystemError, "error return without exception set");
// At a frame's first instruction only the entry check point can have
// raised: CPython reports that at the def line (its RESUME).
exception_add_traceback(ts, ts.exc, val(co),
                        ip == code_base ? co->firstlineno
                                        : co->line_at(static_cast<uint32_t>(ip - code_base - 1)),
                        f->globals);

exception_unwind : {
    uint32_t pc = static_cast<uint32_t>(ip - code_base - 1);
    const ExceptionTableEntry* h = find_handler(co, pc);
    if (h) {
        Value* keep = f->stack_base() + h->depth;
        while (sp > keep) decref(POP());
        PUSH(ts.exc);
        ts.exc = Value();
        ip = code_base + h->target;
        DISPATCH();
    }
    // No handler here: the frame is done; the exception continues in the caller.
    f->sp = sp;
    if (f->gen) reinterpret_cast<GeneratorObject*>(f->gen)->state = GenState::Completed;
    if (f->entry) {
        ts.frame = f->previous;
        return Value();
    }
    if (f->gen) {
        // A generator run under the caller's FOR_ITER: the exception leaves
        // it there (a StopIteration as RuntimeError, PEP 479).
        GeneratorObject* g = f->gen;
        f = leave_generator_frame(ts, f);
        LOAD_FRAME_STATE();
        (void)gen_finish_in_loop(ts, g, true);
        goto error;
    }
    Frame* caller = f->previous;
    pop_frame(ts, f);
    f = caller;
    ts.frame = f;
    LOAD_FRAME_STATE();
    goto error;
}
}

}  // namespace

Value eval_frame(ThreadState& ts, Frame* entry, bool throwing) {
    if (ts.interp().gil_instruments.options().every_instruction()) [[unlikely]]
        return eval_frame_impl<true>(ts, entry, throwing);
    return eval_frame_impl<false>(ts, entry, throwing);
}

}  // namespace gilt
