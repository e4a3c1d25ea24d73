// Pushing and popping the frames of Python-to-Python calls.
//
// This is the hot half of every call (the other half is the eval loop's
// dispatch), so it lives in a header and is forced inline into the eval
// loop's CALL and RETURN_VALUE and into function_call(): a call from
// Python to Python then costs no C++ function call of its own. Calls of any
// other shape (keywords, *args, cells, ...) bind through init_frame() in
// interp/vm/call.cpp.
#pragma once

#include <cstdint>

#include "interp/vm/frame.hpp"
#include "runtime/errors.hpp"
#include "runtime/function.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/thread_state.hpp"
#include "runtime/tuple.hpp"

namespace gilt {

// The common call: positional arguments only (the ones left out have
// defaults) to a function whose code has kCodeSimpleArgs.
[[gnu::always_inline]] inline bool simple_call_shape(FunctionObject* fn, CodeObject* co, uint32_t nargs) noexcept {
  auto argcount = static_cast<uint32_t>(co->argcount);
  if (!(co->flags & kCodeSimpleArgs) || nargs > argcount) return false;
  if (nargs == argcount) return true;
  uint32_t ndefaults = fn->defaults.is_null() ? 0 : static_cast<uint32_t>(tuple_size(fn->defaults));
  return nargs + ndefaults >= argcount;
}

// Pushes the frame of a simple_call_shape call, taking the arguments'
// references (`own_args`) or new ones; `self`, when not null, is a borrowed
// first argument before `args` (nargs counts it). Null with RecursionError
// pending.
[[gnu::always_inline]] inline Frame* push_simple_frame(ThreadState& ts, Value func, Value self, const Value* args,
                                                       uint32_t nargs, bool own_args) {
  FunctionObject* fn = func_obj(func);
  CodeObject* co = code_obj(fn->code);
  Value* block = nullptr;
  if (++ts.py_depth > ts.interp().recursion_limit || !(block = ts.frames.push(frame_words(co)))) {
    --ts.py_depth;
    raise_recursion_error(ts);
    return nullptr;
  }
  auto* f = reinterpret_cast<Frame*>(block);
  init_frame_header(f, co, fn->globals, fn->builtins, Value(), func);
  Value* lp = f->localsplus();
  auto argcount = static_cast<uint32_t>(co->argcount);
  // Only the locals past the parameters need clearing: the rest is set below.
  for (Value *p = lp + argcount, *end = lp + co->nlocalsplus(); p < end; ++p) *p = Value();
  Value* dst = lp;
  if (!self.is_null()) *dst++ = new_ref(self);
  uint32_t given = self.is_null() ? nargs : nargs - 1;
  if (own_args) {
    for (uint32_t i = 0; i < given; ++i) dst[i] = args[i];
  } else {
    for (uint32_t i = 0; i < given; ++i) dst[i] = new_ref(args[i]);
  }
  if (nargs < argcount) [[unlikely]] {
    auto first_default = argcount - static_cast<uint32_t>(tuple_size(fn->defaults));
    for (uint32_t i = nargs; i < argcount; ++i) lp[i] = new_ref(tuple_item(fn->defaults, i - first_default));
  }
  return f;
}

// Clears a frame pushed by push_simple_frame() or push_call_frame() and
// gives its block back to the thread's frame stack.
[[gnu::always_inline]] inline void pop_frame(ThreadState& ts, Frame* f) noexcept {
  frame_clear(f);
  ts.frames.pop(reinterpret_cast<Value*>(f));
  --ts.py_depth;
}

}  // namespace gilt
