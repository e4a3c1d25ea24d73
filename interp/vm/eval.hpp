// The eval loop's entry points (interp/vm/eval.cpp) and the frame set-up that
// calls share (interp/vm/call.cpp).
#pragma once

#include "interp/vm/frame.hpp"
#include "runtime/function.hpp"
#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"
#include "runtime/tuple.hpp"

namespace gilt {

// Runs `frame` until it returns (or yields, for a generator frame). The frame
// must be initialised (init_frame) and is linked below ts.frame. Returns the
// result (new reference) or null with an exception pending. With
// `throwing`, the pending exception is raised at the frame's current
// instruction first (generator.throw()).
Value eval_frame(ThreadState& ts, Frame* frame, bool throwing);

// Fills a frame block for calling `func`: code, globals, arguments (borrowed
// values, bound with CPython's rules and messages), cells and free
// variables. Returns false with an exception pending; the frame is then
// already cleared.
[[nodiscard]] bool init_frame(ThreadState& ts, Frame* f, Value func, const Value* args,
                              uint32_t nargs, TupleObject* kwnames);
// A frame for module-level or class-body code running with `locals`.
void init_code_frame(Frame* f, CodeObject* code, Value globals, Value builtins, Value locals,
                     Value func);

// Runs a class body (the function made from a ClassDef) with `ns` as its
// namespace. Returns what the body returns (the __class__ cell or None).
Value run_class_body(ThreadState& ts, Value func, Value ns);

}  // namespace gilt
