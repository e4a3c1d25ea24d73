// The eval loop.
//
// One function, eval_frame(), runs bytecode. Its shape follows CPython
// 3.11's _PyEval_EvalFrameDefault and Lua's luaV_execute:
//
//  * Dispatch is computed goto where the compiler supports it (GCC/Clang
//    "labels as values"), a switch otherwise; both come from the one opcode
//    table (interp/opcodes.hpp). Cases stay short: fast paths for the exact
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
//
// Register discipline: `ip` and `sp` live in locals while a frame runs and
// are written back to the Frame only when it stops (call, yield, error).
#include "interp/eval.hpp"

#include <cmath>
#include <cstring>

#include "interp/eval_fast_paths.hpp"
#include "interp/eval_helpers.hpp"
#include "interp/frame_push.hpp"
#include "interp/import.hpp"
#include "interp/opcodes.hpp"
#include "runtime/abstract.hpp"
#include "runtime/descriptors.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/exception.hpp"
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

Value eval_frame(ThreadState& ts, Frame* entry, bool throwing) {
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

#define LOAD_FRAME_STATE()        \
  do {                            \
    co = f->code;                 \
    code_base = co->code.data();  \
    ip = f->ip;                   \
    sp = f->sp;                   \
    lp = f->localsplus();         \
    consts = co->consts.data();   \
    names = co->names.data();     \
    caches = co->caches.data();   \
  } while (0)
#define SAVE_FRAME_STATE() \
  do {                     \
    f->ip = ip;            \
    f->sp = sp;            \
  } while (0)
// Makes `callee`, just pushed for a call from this frame, the running one
// (the caller's ip and sp are saved for the return). A call is a point
// where a pending signal or GIL drop request is handled.
#define ENTER_FRAME(callee)                                                                                  \
  do {                                                                                                       \
    f->ip = ip;                                                                                              \
    f->sp = sp;                                                                                              \
    (callee)->previous = f;                                                                                  \
    f = (callee);                                                                                            \
    ts.frame = f;                                                                                            \
    LOAD_FRAME_STATE();                                                                                      \
    if (interp.eval_breaker.load(std::memory_order_relaxed) && !eval_handle_breaker(ts)) GOTO_ERROR();       \
  } while (0)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define PEEK(n) (sp[-static_cast<std::ptrdiff_t>(n)])
#define SET_TOP(v) (sp[-1] = (v))
#define GOTO_ERROR() goto error
#define NEXT_CACHE() (void)(*ip++)

#if GILT_COMPUTED_GOTO
  static const void* const kLabels[] = {
#define GILT_OP_LABEL(name, effect, cache) &&op_##name,
      GILT_OPCODES(GILT_OP_LABEL)
#undef GILT_OP_LABEL
  };
#define TARGET(name) op_##name:
#define DISPATCH()               \
  do {                           \
    word = *ip++;                \
    oparg = arg_of(word);        \
    goto* kLabels[word & 0xFF];  \
  } while (0)
#else
#define TARGET(name) case Op::name:
#define DISPATCH() goto dispatch
#endif

  LOAD_FRAME_STATE();
  if (throwing) GOTO_ERROR();
  if (interp.eval_breaker.load(std::memory_order_relaxed) && !eval_handle_breaker(ts)) GOTO_ERROR();

#if GILT_COMPUTED_GOTO
  DISPATCH();
#else
dispatch:
  word = *ip++;
  oparg = arg_of(word);
  switch (op_of(word)) {
#endif

  TARGET(NOP) { DISPATCH(); }

  TARGET(POP_TOP) {
    decref(POP());
    DISPATCH();
  }

  TARGET(PUSH_NULL) {
    PUSH(Value());
    DISPATCH();
  }

  TARGET(COPY) {
    Value v = PEEK(oparg);
    PUSH(new_ref(v));
    DISPATCH();
  }

  TARGET(SWAP) {
    Value t = TOP();
    SET_TOP(PEEK(oparg));
    PEEK(oparg) = t;
    DISPATCH();
  }

  TARGET(LOAD_CONST) {
    PUSH(new_ref_nonnull(consts[oparg]));
    DISPATCH();
  }

  // Pushes local `i`, or raises UnboundLocalError (LOAD_FAST and its pairs).
#define PUSH_LOCAL(i)                \
  do {                               \
    Value v_ = lp[i];                \
    if (v_.is_null()) {              \
      SAVE_FRAME_STATE();            \
      eval_unbound_local(ts, f, i);  \
      GOTO_ERROR();                  \
    }                                \
    PUSH(new_ref_nonnull(v_));       \
  } while (0)

  TARGET(LOAD_FAST) {
  load_fast:
    PUSH_LOCAL(oparg);
    DISPATCH();
  }

  // The paired instructions below run their first half, then the
  // instruction in the next word, which they skip; so jumps to that word,
  // line numbers and errors in the second half are exactly as if unpaired.
  TARGET(LOAD_FAST__LOAD_FAST) {
    PUSH_LOCAL(oparg);
    oparg = arg_of(*ip++);
    goto load_fast;
  }

  TARGET(STORE_FAST__LOAD_FAST) {
    store_local(ts, lp[oparg], POP());
    oparg = arg_of(*ip++);
    goto load_fast;
  }

  TARGET(STORE_FAST__STORE_FAST) {
    store_local(ts, lp[oparg], POP());
    oparg = arg_of(*ip++);
    goto store_fast;
  }

  TARGET(LOAD_FAST__LOAD_CONST) {
    PUSH_LOCAL(oparg);
    PUSH(new_ref_nonnull(consts[arg_of(*ip++)]));
    DISPATCH();
  }

  TARGET(STORE_FAST) {
  store_fast:
    store_local(ts, lp[oparg], POP());
    DISPATCH();
  }

  TARGET(DELETE_FAST) {
    if (lp[oparg].is_null()) {
      SAVE_FRAME_STATE();
      eval_unbound_local(ts, f, oparg);
      GOTO_ERROR();
    }
    clear_ref(lp[oparg]);
    DISPATCH();
  }

  TARGET(LOAD_DEREF) {
    Value v = cell_get(lp[co->nlocals + oparg]);
    if (v.is_null()) {
      SAVE_FRAME_STATE();
      eval_unbound_deref(ts, f, oparg);
      GOTO_ERROR();
    }
    PUSH(new_ref(v));
    DISPATCH();
  }

  TARGET(LOAD_CLASSDEREF) {
    SAVE_FRAME_STATE();
    Value v = eval_load_classderef(ts, f, oparg);
    if (v.is_null()) GOTO_ERROR();
    PUSH(v);
    DISPATCH();
  }

  TARGET(STORE_DEREF) {
    Value v = POP();
    cell_set(lp[co->nlocals + oparg], v);
    decref(v);
    DISPATCH();
  }

  TARGET(DELETE_DEREF) {
    Value cell = lp[co->nlocals + oparg];
    if (cell_get(cell).is_null()) {
      SAVE_FRAME_STATE();
      eval_unbound_deref(ts, f, oparg);
      GOTO_ERROR();
    }
    clear_ref(reinterpret_cast<CellObject*>(cell.as_object())->ref);
    DISPATCH();
  }

  TARGET(LOAD_CLOSURE) {
    PUSH(new_ref(lp[co->nlocals + oparg]));
    DISPATCH();
  }

  TARGET(LOAD_GLOBAL) {
    InlineCache& c = caches[*ip++];
    DictObject* g = dict_obj(f->globals);
    DictObject* b = dict_obj(f->builtins);
    if (c.version == g->version && c.version2 == b->version && c.version != 0) {
      PUSH(new_ref(c.value));
      DISPATCH();
    }
    Value name = names[oparg];
    Value v = dict_get_str(f->globals, name);
    if (v.is_null()) v = dict_get_str(f->builtins, name);
    if (v.is_null()) {
      SAVE_FRAME_STATE();
      v = eval_load_global(ts, f, name);
      if (v.is_null()) GOTO_ERROR();
      PUSH(v);
      DISPATCH();
    }
    // Dict versions are unique per interpreter, so equal versions mean the
    // same two dicts unchanged since the value was found.
    c.version = g->version;
    c.version2 = b->version;
    c.value = v;
    PUSH(new_ref(v));
    DISPATCH();
  }

  TARGET(STORE_GLOBAL) {
    Value v = POP();
    SAVE_FRAME_STATE();
    bool ok = dict_set(ts, f->globals, names[oparg], v);
    decref(v);
    if (!ok) GOTO_ERROR();
    DISPATCH();
  }

  TARGET(DELETE_GLOBAL) {
    SAVE_FRAME_STATE();
    int r = dict_del(ts, f->globals, names[oparg]);
    if (r < 0) GOTO_ERROR();
    if (r == 0) {
      raise_name_error(ts, names[oparg]);
      GOTO_ERROR();
    }
    DISPATCH();
  }

  // Module and class bodies: the cache remembers where the name's entry
  // sits in the namespace dict, as for instance attributes, because module
  // level loops store names every iteration and would defeat a version check.
  TARGET(LOAD_NAME) {
    InlineCache& c = caches[*ip++];
    Value ns = f->locals;
    Value v;
    SAVE_FRAME_STATE();
    if (!ns.is_null() && ns.as_object()->type == types.dict) {
      DictObject* d = dict_obj(ns);
      uint64_t at = c.index;
      if (at < d->entries_len && d->entries[at].key == names[oparg]) {
        PUSH(new_ref(d->entries[at].value));
        DISPATCH();
      }
      v = dict_get_str_at(ns, names[oparg], &at);
      if (!v.is_null()) {
        c.index = static_cast<uint32_t>(at);
        v = new_ref(v);
      } else {
        v = eval_load_global(ts, f, names[oparg]);
      }
    } else {
      v = eval_load_name(ts, f, names[oparg]);
    }
    if (v.is_null()) GOTO_ERROR();
    PUSH(v);
    DISPATCH();
  }

  TARGET(STORE_NAME) {
    InlineCache& c = caches[*ip++];
    Value v = POP();
    Value ns = f->locals.is_null() ? f->globals : f->locals;
    SAVE_FRAME_STATE();
    if (ns.as_object()->type == types.dict) {
      DictObject* d = dict_obj(ns);
      uint64_t at = c.index;
      if (at < d->entries_len && d->entries[at].key == names[oparg]) {
        Value old = d->entries[at].value;
        d->entries[at].value = v;
        dict_bump_version(d);
        decref(old);
        DISPATCH();
      }
      bool ok = dict_set(ts, ns, names[oparg], v);
      decref(v);
      if (!ok) GOTO_ERROR();
      if (!dict_get_str_at(ns, names[oparg], &at).is_null()) c.index = static_cast<uint32_t>(at);
      DISPATCH();
    }
    bool ok = eval_store_name(ts, f, names[oparg], v);
    decref(v);
    if (!ok) GOTO_ERROR();
    DISPATCH();
  }

  TARGET(DELETE_NAME) {
    SAVE_FRAME_STATE();
    if (eval_delete_name(ts, f, names[oparg]) < 0) GOTO_ERROR();
    DISPATCH();
  }

  TARGET(LOAD_ATTR) {
    InlineCache& c = caches[*ip++];
    Value obj = TOP();
    if (obj.is_object()) {
      TypeObject* t = obj.as_object()->type;
      if (c.version == t->version && c.kind == kAttrInstanceDict) {
        // The class has no data descriptor of this name: the instance dict decides.
        Value* d = instance_dict_slot(obj.as_object());
        Value v;
        if (d && !d->is_null()) {
          // The entry position seen last time usually holds the name again.
          DictObject* dd = dict_obj(*d);
          uint64_t at = c.index;
          if (at < dd->entries_len && dd->entries[at].key == names[oparg]) {
            v = dd->entries[at].value;
          } else {
            v = dict_get_str_at(*d, names[oparg], &at);
            c.index = static_cast<uint32_t>(at);
          }
        }
        if (!v.is_null()) {
          SET_TOP(new_ref(v));
          decref(obj);
          DISPATCH();
        }
      }
    }
    SAVE_FRAME_STATE();
    Value r = eval_load_attr_slow(ts, obj, names[oparg], c);
    if (r.is_null()) GOTO_ERROR();
    SET_TOP(r);
    decref(obj);
    DISPATCH();
  }

  TARGET(LOAD_METHOD) {
    InlineCache& c = caches[*ip++];
    Value obj = TOP();
    if (obj.is_object()) {
      TypeObject* t = obj.as_object()->type;
      if (c.version == t->version && c.kind == kAttrMethod) {
        Value* d = instance_dict_slot(obj.as_object());
        if (!d || d->is_null() || dict_surely_lacks_str(*d, names[oparg]) || dict_get_str(*d, names[oparg]).is_null()) {
          SET_TOP(new_ref(c.value));
          PUSH(obj);
          DISPATCH();
        }
      }
    }
    SAVE_FRAME_STATE();
    bool needs_self;
    Value m = eval_load_method_slow(ts, obj, names[oparg], c, &needs_self);
    if (m.is_null()) GOTO_ERROR();
    SET_TOP(m);
    if (needs_self) {
      PUSH(obj);
    } else {
      decref(obj);
      PUSH(Value());
    }
    DISPATCH();
  }

  TARGET(STORE_ATTR) {
    InlineCache& c = caches[*ip++];
    Value obj = POP();
    Value v = POP();
    SAVE_FRAME_STATE();
    int r;
    Value* d = nullptr;
    if (obj.is_object() && c.kind == kAttrInstanceDict && c.version == obj.as_object()->type->version &&
        (d = instance_dict_slot(obj.as_object())) && (!d->is_null() || !(*d = dict_new(ts)).is_null())) {
      // No data descriptor of this name on the class: store in the dict
      // (made here for a new instance's first attribute), in place when the
      // cached entry position still holds the name.
      DictObject* dd = dict_obj(*d);
      uint64_t at = c.index;
      if (at < dd->entries_len && dd->entries[at].key == names[oparg]) {
        Value old = dd->entries[at].value;
        dd->entries[at].value = new_ref(v);
        dict_bump_version(dd);
        decref(old);
        r = 0;
      } else {
        r = dict_set(ts, *d, names[oparg], v) ? 0 : -1;
        if (r == 0) {
          // A new attribute was appended (the __init__ case); else look.
          uint64_t last = dd->entries_len - 1;
          if (dd->entries[last].key == names[oparg]) c.index = static_cast<uint32_t>(last);
          else if (!dict_get_str_at(*d, names[oparg], &at).is_null()) c.index = static_cast<uint32_t>(at);
        }
      }
    } else if (d && d->is_null()) {
      r = -1;  // dict_new failed: MemoryError pending
    } else {
      r = eval_store_attr_slow(ts, obj, names[oparg], v, c);
    }
    decref(obj);
    decref(v);
    if (r < 0) GOTO_ERROR();
    DISPATCH();
  }

  TARGET(DELETE_ATTR) {
    Value obj = POP();
    SAVE_FRAME_STATE();
    int r = obj_delattr(ts, obj, names[oparg]);
    decref(obj);
    if (r < 0) GOTO_ERROR();
    DISPATCH();
  }

  // BINARY_OP/INPLACE_OP with the operator in the argument, and the common
  // operators as opcodes of their own (the compiler's specialize pass): with
  // the operator a constant, arithmetic() folds to the one case, and the
  // branch on the operator that every arithmetic site shared (and the CPU
  // kept mispredicting) is gone.
#define ARITHMETIC_TARGET(name, op_expr, inplace)         \
  TARGET(name) {                                          \
    Value b = POP();                                      \
    SAVE_FRAME_STATE();                                   \
    Value r = arithmetic(ts, op_expr, TOP(), b, inplace); \
    if (r.is_null()) {                                    \
      --sp;                                               \
      GOTO_ERROR();                                       \
    }                                                     \
    SET_TOP(r);                                           \
    DISPATCH();                                           \
  }
  ARITHMETIC_TARGET(BINARY_OP, static_cast<BinOp>(oparg), false)
  ARITHMETIC_TARGET(INPLACE_OP, static_cast<BinOp>(oparg), true)
  ARITHMETIC_TARGET(BINARY_ADD, BinOp::Add, false)
  ARITHMETIC_TARGET(BINARY_SUB, BinOp::Sub, false)
  ARITHMETIC_TARGET(BINARY_MUL, BinOp::Mul, false)
  ARITHMETIC_TARGET(BINARY_TRUEDIV, BinOp::TrueDiv, false)
  ARITHMETIC_TARGET(INPLACE_ADD, BinOp::Add, true)
  ARITHMETIC_TARGET(INPLACE_SUB, BinOp::Sub, true)
  ARITHMETIC_TARGET(INPLACE_MUL, BinOp::Mul, true)
#undef ARITHMETIC_TARGET

  TARGET(COMPARE_OP) {
    Value b = POP();
    Value a = TOP();
    CompareOp op = static_cast<CompareOp>(oparg);
    if (a.is_small_int() && b.is_small_int()) {
      SET_TOP(Value::boolean(compare_small(op, a.as_small_int(), b.as_small_int())));
      DISPATCH();
    }
    if (is_exact_float(ts, a) && is_exact_float(ts, b)) {
      SET_TOP(Value::boolean(compare_double(op, float_value(a), float_value(b))));
      decref(a);
      decref(b);
      DISPATCH();
    }
    SAVE_FRAME_STATE();
    Value r = rich_compare(ts, a, b, op);
    decref(a);
    decref(b);
    if (r.is_null()) {
      --sp;
      GOTO_ERROR();
    }
    SET_TOP(r);
    DISPATCH();
  }

  TARGET(IS_OP) {
    Value b = POP();
    Value a = TOP();
    bool r = (a == b) != (oparg != 0);
    SET_TOP(Value::boolean(r));
    decref(a);
    decref(b);
    DISPATCH();
  }

  TARGET(CONTAINS_OP) {
    Value container = POP();
    Value item = TOP();
    SAVE_FRAME_STATE();
    int r = obj_contains(ts, container, item);
    decref(container);
    decref(item);
    if (r < 0) {
      --sp;
      GOTO_ERROR();
    }
    SET_TOP(Value::boolean((r != 0) != (oparg != 0)));
    DISPATCH();
  }

  TARGET(UNARY_NEGATIVE) {
    Value v = TOP();
    if (v.is_small_int() && v.as_small_int() != Value::kSmallMin) {
      SET_TOP(Value::small_int(-v.as_small_int()));
      DISPATCH();
    }
    SAVE_FRAME_STATE();
    Value r = unary_op(ts, UnaryOp::Neg, v);
    decref(v);
    if (r.is_null()) {
      --sp;
      GOTO_ERROR();
    }
    SET_TOP(r);
    DISPATCH();
  }

  TARGET(UNARY_POSITIVE) {
    Value v = TOP();
    SAVE_FRAME_STATE();
    Value r = unary_op(ts, UnaryOp::Pos, v);
    decref(v);
    if (r.is_null()) {
      --sp;
      GOTO_ERROR();
    }
    SET_TOP(r);
    DISPATCH();
  }

  TARGET(UNARY_INVERT) {
    Value v = TOP();
    SAVE_FRAME_STATE();
    Value r = unary_op(ts, UnaryOp::Invert, v);
    decref(v);
    if (r.is_null()) {
      --sp;
      GOTO_ERROR();
    }
    SET_TOP(r);
    DISPATCH();
  }

  TARGET(UNARY_NOT) {
    Value v = TOP();
    SAVE_FRAME_STATE();
    int t = obj_truthy(ts, v);
    decref(v);
    if (t < 0) {
      --sp;
      GOTO_ERROR();
    }
    SET_TOP(Value::boolean(!t));
    DISPATCH();
  }

  TARGET(BINARY_SUBSCR) {
    Value key = POP();
    Value obj = TOP();
    if (key.is_small_int() && obj.is_object()) {
      Object* o = obj.as_object();
      int64_t i = key.as_small_int();
      if (o->type == types.list) {
        auto* l = reinterpret_cast<ListObject*>(o);
        if (i < 0) i += static_cast<int64_t>(l->size);
        if (i >= 0 && static_cast<uint64_t>(i) < l->size) {
          SET_TOP(new_ref(l->items[i]));
          decref(obj);
          DISPATCH();
        }
      } else if (o->type == types.tuple) {
        auto* t = reinterpret_cast<TupleObject*>(o);
        if (i < 0) i += static_cast<int64_t>(t->size);
        if (i >= 0 && static_cast<uint64_t>(i) < t->size) {
          SET_TOP(new_ref(t->items[i]));
          decref(obj);
          DISPATCH();
        }
      }
    }
    if (obj.is_object() && obj.as_object()->type == types.dict) {
      SAVE_FRAME_STATE();
      bool err = false;
      Value v = dict_get(ts, obj, key, &err);
      if (!v.is_null()) {
        SET_TOP(new_ref(v));
        decref(obj);
        decref(key);
        DISPATCH();
      }
      if (!err) raise_key_error(ts, key);
      --sp;
      decref(obj);
      decref(key);
      GOTO_ERROR();
    }
    SAVE_FRAME_STATE();
    Value r = obj_getitem(ts, obj, key);
    decref(obj);
    decref(key);
    if (r.is_null()) {
      --sp;
      GOTO_ERROR();
    }
    SET_TOP(r);
    DISPATCH();
  }

  TARGET(STORE_SUBSCR) {
    Value key = POP();
    Value obj = POP();
    Value v = POP();
    if (key.is_small_int() && obj.is_object() && obj.as_object()->type == types.list) {
      auto* l = reinterpret_cast<ListObject*>(obj.as_object());
      int64_t i = key.as_small_int();
      if (i < 0) i += static_cast<int64_t>(l->size);
      if (i >= 0 && static_cast<uint64_t>(i) < l->size) {
        Value old = l->items[i];
        l->items[i] = v;
        decref(old);
        decref(obj);
        DISPATCH();
      }
    }
    SAVE_FRAME_STATE();
    int r = (obj.is_object() && obj.as_object()->type == types.dict) ? (dict_set(ts, obj, key, v) ? 0 : -1)
                                                                      : obj_setitem(ts, obj, key, v);
    decref(key);
    decref(obj);
    decref(v);
    if (r < 0) GOTO_ERROR();
    DISPATCH();
  }

  TARGET(DELETE_SUBSCR) {
    Value key = POP();
    Value obj = POP();
    SAVE_FRAME_STATE();
    int r = obj_delitem(ts, obj, key);
    decref(key);
    decref(obj);
    if (r < 0) GOTO_ERROR();
    DISPATCH();
  }

  TARGET(BUILD_SLICE) {
    Value step = oparg == 3 ? POP() : Value::none();
    Value stop = POP();
    Value start = TOP();
    Value s = make_slice(ts, start, stop, step);
    decref(start);
    decref(stop);
    decref(step);
    if (s.is_null()) {
      --sp;
      GOTO_ERROR();
    }
    SET_TOP(s);
    DISPATCH();
  }

  TARGET(BUILD_TUPLE) {
    Value t = tuple_new(ts, oparg);
    if (t.is_null()) GOTO_ERROR();
    sp -= oparg;
    if (oparg) std::memcpy(static_cast<void*>(tuple_obj(t)->items), sp, oparg * sizeof(Value));
    PUSH(t);
    DISPATCH();
  }

  TARGET(BUILD_LIST) {
    Value l = list_new(ts, oparg);
    if (l.is_null()) GOTO_ERROR();
    sp -= oparg;
    if (oparg) std::memcpy(static_cast<void*>(list_obj(l)->items), sp, oparg * sizeof(Value));
    list_obj(l)->size = oparg;
    PUSH(l);
    DISPATCH();
  }

  TARGET(BUILD_SET) {
    SAVE_FRAME_STATE();
    Value s = set_new(ts);
    if (s.is_null()) GOTO_ERROR();
    bool ok = true;
    for (uint32_t i = 0; i < oparg; ++i) ok = ok && set_add(ts, s, sp[-static_cast<int>(oparg) + static_cast<int>(i)]);
    for (uint32_t i = 0; i < oparg; ++i) decref(POP());
    if (!ok) {
      decref(s);
      GOTO_ERROR();
    }
    PUSH(s);
    DISPATCH();
  }

  TARGET(BUILD_MAP) {
    SAVE_FRAME_STATE();
    Value d = dict_new(ts);
    if (d.is_null()) GOTO_ERROR();
    bool ok = true;
    Value* base = sp - 2 * oparg;
    for (uint32_t i = 0; i < oparg && ok; ++i) ok = dict_set(ts, d, base[2 * i], base[2 * i + 1]);
    while (sp > base) decref(POP());
    if (!ok) {
      decref(d);
      GOTO_ERROR();
    }
    PUSH(d);
    DISPATCH();
  }

  TARGET(BUILD_STRING) {
    SAVE_FRAME_STATE();
    Value s = eval_build_string(ts, sp - oparg, oparg);
    for (uint32_t i = 0; i < oparg; ++i) decref(POP());
    if (s.is_null()) GOTO_ERROR();
    PUSH(s);
    DISPATCH();
  }

  TARGET(LIST_APPEND) {
    Value v = POP();
    if (!list_append_steal(ts, PEEK(oparg), v)) GOTO_ERROR();
    DISPATCH();
  }

  TARGET(SET_ADD) {
    Value v = POP();
    SAVE_FRAME_STATE();
    bool ok = set_add(ts, PEEK(oparg), v);
    decref(v);
    if (!ok) GOTO_ERROR();
    DISPATCH();
  }

  TARGET(MAP_ADD) {
    Value v = POP();
    Value k = POP();
    SAVE_FRAME_STATE();
    bool ok = dict_set(ts, PEEK(oparg), k, v);
    decref(k);
    decref(v);
    if (!ok) GOTO_ERROR();
    DISPATCH();
  }

  TARGET(LIST_EXTEND) {
    Value it = POP();
    SAVE_FRAME_STATE();
    bool ok = list_extend(ts, PEEK(oparg), it);
    if (!ok && exception_matches(ts, ts.exc_types().TypeError) && type_of(ts, it)->iter == nullptr &&
        type_of(ts, it)->getitem == nullptr) {
      clear_exception(ts);
      raise_fmt(ts, ts.exc_types().TypeError, "Value after * must be an iterable, not {}", type_name(ts, it));
    }
    decref(it);
    if (!ok) GOTO_ERROR();
    DISPATCH();
  }

  TARGET(SET_UPDATE) {
    Value it = POP();
    SAVE_FRAME_STATE();
    Ref iter(obj_iter(ts, it));
    decref(it);
    if (!iter) GOTO_ERROR();
    for (;;) {
      Ref x(iter_next(ts, *iter));
      if (!x) break;
      if (!set_add(ts, PEEK(oparg), *x)) break;
    }
    if (ts.has_exception()) GOTO_ERROR();
    DISPATCH();
  }

  TARGET(DICT_UPDATE) {
    Value other = POP();
    SAVE_FRAME_STATE();
    bool ok = dict_update(ts, PEEK(oparg), other);
    decref(other);
    if (!ok) GOTO_ERROR();
    DISPATCH();
  }

  TARGET(DICT_MERGE) {
    Value other = POP();
    SAVE_FRAME_STATE();
    int r = eval_dict_merge(ts, PEEK(oparg), other, PEEK(oparg + 3));  // below: posargs, self/NULL, callable
    decref(other);
    if (r < 0) GOTO_ERROR();
    DISPATCH();
  }

  TARGET(LIST_TO_TUPLE) {
    Value l = TOP();
    Value t = tuple_from_array(ts, list_obj(l)->items, list_obj(l)->size);
    if (t.is_null()) GOTO_ERROR();
    SET_TOP(t);
    decref(l);
    DISPATCH();
  }

  TARGET(FORMAT_VALUE) {
    Value spec = (oparg & kFormatHasSpec) ? POP() : Value();
    Value v = TOP();
    SAVE_FRAME_STATE();
    Value r = eval_format_value(ts, v, oparg, spec);
    decref(spec);
    decref(v);
    if (r.is_null()) {
      --sp;
      GOTO_ERROR();
    }
    SET_TOP(r);
    DISPATCH();
  }

  TARGET(UNPACK_SEQUENCE) {
    Value seq = POP();
    if (seq.is_object() && seq.as_object()->type == types.tuple && tuple_size(seq) == oparg) {
      for (uint32_t i = oparg; i > 0; --i) PUSH(new_ref_nonnull(tuple_item(seq, i - 1)));
      decref(seq);
      DISPATCH();
    }
    if (seq.is_object() && seq.as_object()->type == types.list && list_size(seq) == oparg) {
      for (uint32_t i = oparg; i > 0; --i) PUSH(new_ref_nonnull(list_item(seq, i - 1)));
      decref(seq);
      DISPATCH();
    }
    SAVE_FRAME_STATE();
    bool ok = eval_unpack(ts, seq, oparg, sp);
    decref(seq);
    if (!ok) GOTO_ERROR();
    sp += oparg;
    DISPATCH();
  }

  TARGET(UNPACK_EX) {
    Value seq = POP();
    SAVE_FRAME_STATE();
    uint32_t before = oparg & 0xFF, after = oparg >> 8;
    bool ok = eval_unpack_ex(ts, seq, before, after, sp);
    decref(seq);
    if (!ok) GOTO_ERROR();
    sp += before + after + 1;
    DISPATCH();
  }

  TARGET(JUMP) {
    ip = code_base + oparg;
    DISPATCH();
  }

  TARGET(JUMP_BACKWARD) {
    ip = code_base + oparg;
    if (interp.eval_breaker.load(std::memory_order_relaxed)) {
      SAVE_FRAME_STATE();
      if (!eval_handle_breaker(ts)) GOTO_ERROR();
    }
    DISPATCH();
  }

  TARGET(POP_JUMP_IF_FALSE) {
    Value v = POP();
    if (v.is_bool()) {
      if (v.is_false()) ip = code_base + oparg;
      DISPATCH();
    }
    SAVE_FRAME_STATE();
    int t = obj_truthy(ts, v);
    decref(v);
    if (t < 0) GOTO_ERROR();
    if (!t) ip = code_base + oparg;
    DISPATCH();
  }

  TARGET(POP_JUMP_IF_TRUE) {
    Value v = POP();
    if (v.is_bool()) {
      if (v.is_true()) ip = code_base + oparg;
      DISPATCH();
    }
    SAVE_FRAME_STATE();
    int t = obj_truthy(ts, v);
    decref(v);
    if (t < 0) GOTO_ERROR();
    if (t) ip = code_base + oparg;
    DISPATCH();
  }

  TARGET(POP_JUMP_IF_NONE) {
    Value v = POP();
    if (v.is_none()) ip = code_base + oparg;
    decref(v);
    DISPATCH();
  }

  TARGET(POP_JUMP_IF_NOT_NONE) {
    Value v = POP();
    if (!v.is_none()) ip = code_base + oparg;
    decref(v);
    DISPATCH();
  }

  TARGET(JUMP_IF_FALSE_OR_POP) {
    Value v = TOP();
    SAVE_FRAME_STATE();
    int t = obj_truthy(ts, v);
    if (t < 0) GOTO_ERROR();
    if (!t) {
      ip = code_base + oparg;
    } else {
      decref(POP());
    }
    DISPATCH();
  }

  TARGET(JUMP_IF_TRUE_OR_POP) {
    Value v = TOP();
    SAVE_FRAME_STATE();
    int t = obj_truthy(ts, v);
    if (t < 0) GOTO_ERROR();
    if (t) {
      ip = code_base + oparg;
    } else {
      decref(POP());
    }
    DISPATCH();
  }

  TARGET(GET_ITER) {
    Value v = TOP();
    SAVE_FRAME_STATE();
    Value it = obj_iter(ts, v);
    decref(v);
    if (it.is_null()) {
      --sp;
      GOTO_ERROR();
    }
    SET_TOP(it);
    DISPATCH();
  }

  TARGET(FOR_ITER) {
    Value it = TOP();
    TypeObject* t = it.as_object()->type;
    SAVE_FRAME_STATE();
    Value v = t->iternext(ts, it);
    if (!v.is_null()) {
      PUSH(v);
      DISPATCH();
    }
    if (ts.has_exception()) {
      if (!exception_matches(ts, ts.exc_types().StopIteration)) GOTO_ERROR();
      clear_exception(ts);
    }
    decref(POP());
    ip = code_base + oparg;
    DISPATCH();
  }

  TARGET(RETURN_CONST) {
    PUSH(new_ref(consts[oparg]));
    goto do_return;
  }

  TARGET(RETURN_VALUE) {
  do_return:
    Value r = POP();
    SAVE_FRAME_STATE();
    if (f->gen) reinterpret_cast<GeneratorObject*>(f->gen)->state = GenState::Completed;
    if (f->entry) {
      ts.frame = f->previous;
      return r;
    }
    Frame* caller = f->previous;
    bool init_call = f->init_call;
    pop_frame(ts, f);
    f = caller;
    ts.frame = f;
    LOAD_FRAME_STATE();
    if (init_call) {
      // The new instance is on the caller's stack already (see CALL).
      if (!r.is_none()) [[unlikely]] {
        raise_init_returned(ts, r);
        decref(r);
        GOTO_ERROR();
      }
      DISPATCH();
    }
    PUSH(r);
    DISPATCH();
  }

  TARGET(YIELD_VALUE) {
    Value v = POP();
    SAVE_FRAME_STATE();
    auto* g = reinterpret_cast<GeneratorObject*>(f->gen);
    g->state = GenState::Suspended;
    g->ag_value_yield = oparg == 1;
    ts.frame = f->previous;
    return v;
  }

  TARGET(GET_YIELD_FROM_ITER) {
    Value v = TOP();
    if (is_generator_like(v) && v.as_object()->type != types.async_generator) {
      if (v.as_object()->type == types.coroutine && !(co->flags & (kCodeCoroutine))) {
        raise(ts, ts.exc_types().TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
        GOTO_ERROR();
      }
      DISPATCH();
    }
    SAVE_FRAME_STATE();
    Value it = obj_iter(ts, v);
    decref(v);
    if (it.is_null()) {
      --sp;
      GOTO_ERROR();
    }
    SET_TOP(it);
    DISPATCH();
  }

  TARGET(SEND) {
    Value v = TOP();
    Value recv = SECOND();
    SAVE_FRAME_STATE();
    Value out;
    SendResult r = eval_send(ts, recv, v, &out);
    if (r == SendResult::Error) GOTO_ERROR();
    decref(v);
    if (r == SendResult::Yielded) {
      SET_TOP(out);
      DISPATCH();
    }
    --sp;
    decref(recv);
    SET_TOP(out);
    ip = code_base + oparg;
    DISPATCH();
  }

  TARGET(GET_AWAITABLE) {
    Value v = TOP();
    SAVE_FRAME_STATE();
    Value a = eval_get_awaitable(ts, v);
    decref(v);
    if (a.is_null()) {
      --sp;
      GOTO_ERROR();
    }
    SET_TOP(a);
    DISPATCH();
  }

  TARGET(GET_AITER) {
    Value v = TOP();
    SAVE_FRAME_STATE();
    Value a = eval_get_aiter(ts, v);
    decref(v);
    if (a.is_null()) {
      --sp;
      GOTO_ERROR();
    }
    SET_TOP(a);
    DISPATCH();
  }

  TARGET(GET_ANEXT) {
    SAVE_FRAME_STATE();
    Value a = eval_get_anext(ts, TOP());
    if (a.is_null()) GOTO_ERROR();
    PUSH(a);
    DISPATCH();
  }

  TARGET(END_ASYNC_FOR) {
    Value exc = POP();
    if (is_instance_of(ts, exc, ts.exc_types().StopAsyncIteration)) {
      decref(exc);
      decref(POP());
      DISPATCH();
    }
    restore_exception(ts, exc);
    goto exception_unwind;
  }

  TARGET(MAKE_FUNCTION) {
    SAVE_FRAME_STATE();
    Value fn = eval_make_function(ts, f, oparg, sp);
    int consumed = 1 + ((oparg & kMakeDefaults) ? 1 : 0) + ((oparg & kMakeKwDefaults) ? 1 : 0) +
                   ((oparg & kMakeAnnotations) ? 1 : 0) + ((oparg & kMakeClosure) ? 1 : 0);
    for (int i = 0; i < consumed; ++i) decref(POP());
    if (fn.is_null()) GOTO_ERROR();
    PUSH(fn);
    DISPATCH();
  }

  TARGET(MAKE_CLASS) {
    Value kw = oparg ? POP() : Value();
    Value bases = POP();
    Value name = POP();
    Value func = TOP();
    SAVE_FRAME_STATE();
    Value cls = eval_make_class(ts, func, name, bases, kw);
    decref(kw);
    decref(bases);
    decref(name);
    decref(func);
    if (cls.is_null()) {
      --sp;
      GOTO_ERROR();
    }
    SET_TOP(cls);
    DISPATCH();
  }

  TARGET(CALL) {
    uint32_t n = oparg & 0xFFFF;
    Value callable;
    Value* args;
    uint32_t nargs;
    Value* base;  // lowest stack slot the call consumes
    if (oparg & (1u << 16)) {
      // A decorator-style call: [callable, arg...] with no NULL slot.
      base = sp - n - 1;
      callable = base[0];
      args = base + 1;
      nargs = n;
    } else {
      base = sp - n - 2;
      callable = base[0];
      Value self = base[1];
      if (self.is_null() && callable.is_object() && callable.as_object()->kind == ObjKind::BoundMethod) {
        auto* m = reinterpret_cast<MethodObject*>(callable.as_object());
        base[0] = new_ref(m->func);
        base[1] = new_ref(m->self);
        decref(callable);
        callable = base[0];
        self = base[1];
      }
      args = self.is_null() ? base + 2 : base + 1;
      nargs = self.is_null() ? n : n + 1;
    }
    if (is_plain_function(callable)) {
      SAVE_FRAME_STATE();
      f->sp = base;  // what stays on the caller's stack while the callee runs
      Frame* callee;
      FunctionObject* fn = func_obj(callable);
      if (simple_call_shape(fn, code_obj(fn->code), nargs)) {
        callee = push_simple_frame(ts, callable, Value(), args, nargs, true);
        // The arguments moved into the callee; the callable and the NULL remain.
        if (!callee) {
          sp = base + (args - base) + nargs;
          for (Value* p = sp; p > base;) decref(*--p);
          sp = base;
          GOTO_ERROR();
        }
        decref(base[0]);
        sp = base;
        ENTER_FRAME(callee);
        DISPATCH();
      }
      callee = push_call_frame(ts, callable, args, nargs, nullptr);
      for (Value* p = sp; p > base;) decref(*--p);
      sp = base;
      if (!callee) GOTO_ERROR();
      ENTER_FRAME(callee);
      DISPATCH();
    }
    if (args == base + 2 && !(oparg & (1u << 16)) && callable.is_object() &&
        callable.as_object()->kind == ObjKind::Type && callable.as_object()->type->call == types.type->call) {
      // Instantiating a class whose instances come from object.__new__ and
      // whose __init__ is a plain Python function: what type.__call__ would
      // do, with __init__'s frame pushed here instead of run by a nested
      // eval loop. The instance takes the class's stack slot; __init__'s
      // return (init_call) checks for None and leaves it as the value.
      auto* t = reinterpret_cast<TypeObject*>(callable.as_object());
      Value init = t->new_ == types.object->new_ && init_is_python(t) ? type_lookup(t, ts.names().__init__) : Value();
      if (is_plain_function(init) && simple_call_shape(func_obj(init), code_obj(func_obj(init)->code), nargs + 1)) {
        SAVE_FRAME_STATE();
        Value obj = t->new_(ts, t, Args{args, nargs, nullptr});
        Frame* callee = obj.is_null() ? nullptr : push_simple_frame(ts, init, obj, args, nargs + 1, true);
        if (!callee) {
          decref(obj);
          for (Value* p = sp; p > base;) decref(*--p);
          sp = base;
          GOTO_ERROR();
        }
        // The arguments moved into the callee.
        decref(base[0]);
        base[0] = obj;
        sp = base + 1;
        callee->init_call = 1;
        ENTER_FRAME(callee);
        DISPATCH();
      }
    }
    SAVE_FRAME_STATE();
    Value r = eval_call_fast(ts, callable, args, nargs, args != base + 2 && !(oparg & (1u << 16)));
    for (Value* p = sp; p > base;) decref(*--p);
    sp = base;
    if (r.is_null()) GOTO_ERROR();
    PUSH(r);
    DISPATCH();
  }

  TARGET(CALL_KW) {
    Value kwnames = POP();
    uint32_t n = oparg;
    Value* base = sp - n - 2;
    Value callable = base[0];
    Value self = base[1];
    if (self.is_null() && callable.is_object() && callable.as_object()->kind == ObjKind::BoundMethod) {
      auto* m = reinterpret_cast<MethodObject*>(callable.as_object());
      base[0] = new_ref(m->func);
      base[1] = new_ref(m->self);
      decref(callable);
      callable = base[0];
      self = base[1];
    }
    Value* args = self.is_null() ? base + 2 : base + 1;
    uint32_t nkw = static_cast<uint32_t>(tuple_size(kwnames));
    uint32_t npos = (self.is_null() ? n : n + 1) - nkw;
    SAVE_FRAME_STATE();
    if (is_plain_function(callable)) {
      f->sp = base;
      Frame* callee = push_call_frame(ts, callable, args, npos, tuple_obj(kwnames));
      for (Value* p = sp; p > base;) decref(*--p);
      decref(kwnames);
      sp = base;
      if (!callee) GOTO_ERROR();
      ENTER_FRAME(callee);
      DISPATCH();
    }
    Value r = obj_call(ts, callable, Args{args, npos, tuple_obj(kwnames)});
    for (Value* p = sp; p > base;) decref(*--p);
    decref(kwnames);
    sp = base;
    if (r.is_null()) GOTO_ERROR();
    PUSH(r);
    DISPATCH();
  }

  TARGET(CALL_EX) {
    Value kwargs = (oparg & 1) ? POP() : Value();
    Value args = POP();
    Value self = POP();
    Value callable = TOP();
    SAVE_FRAME_STATE();
    Value r = eval_call_ex(ts, callable, self, args, kwargs);
    decref(kwargs);
    decref(args);
    decref(self);
    decref(callable);
    if (r.is_null()) {
      --sp;
      GOTO_ERROR();
    }
    SET_TOP(r);
    DISPATCH();
  }

  TARGET(IMPORT_NAME) {
    Value fromlist = POP();
    Value level = TOP();
    SAVE_FRAME_STATE();
    Value m = import_module(ts, names[oparg], f->globals, fromlist, static_cast<int>(level.as_small_int()));
    decref(fromlist);
    if (m.is_null()) {
      --sp;
      GOTO_ERROR();
    }
    SET_TOP(m);
    DISPATCH();
  }

  TARGET(IMPORT_FROM) {
    SAVE_FRAME_STATE();
    Value v = import_from(ts, TOP(), names[oparg]);
    if (v.is_null()) GOTO_ERROR();
    PUSH(v);
    DISPATCH();
  }

  TARGET(IMPORT_STAR) {
    Value m = POP();
    SAVE_FRAME_STATE();
    bool ok = import_star(ts, m, f->locals.is_null() ? f->globals : f->locals);
    decref(m);
    if (!ok) GOTO_ERROR();
    DISPATCH();
  }

  TARGET(RAISE_VARARGS) {
    Value cause = oparg == 2 ? POP() : Value();
    Value exc = oparg >= 1 ? POP() : Value();
    SAVE_FRAME_STATE();
    bool reraise = eval_raise(ts, exc, cause, oparg);
    if (reraise) goto exception_unwind;
    GOTO_ERROR();
  }

  TARGET(RERAISE) {
    Value exc = POP();
    restore_exception(ts, exc);
    SAVE_FRAME_STATE();
    goto exception_unwind;
  }

  TARGET(PUSH_EXC_INFO) {
    Value exc = TOP();
    Value prev = ts.exc_info.is_null() ? Value::none() : ts.exc_info;
    ts.exc_info = new_ref(exc);
    SET_TOP(prev);
    PUSH(exc);
    DISPATCH();
  }

  TARGET(POP_EXCEPT) {
    Value prev = POP();
    Value old = ts.exc_info;
    ts.exc_info = prev.is_none() ? Value() : prev;
    decref(old);
    DISPATCH();
  }

  TARGET(CHECK_EXC_MATCH) {
    Value spec = POP();
    SAVE_FRAME_STATE();
    int r = exception_matches_spec(ts, TOP(), spec);
    decref(spec);
    if (r < 0) GOTO_ERROR();
    PUSH(Value::boolean(r));
    DISPATCH();
  }

  TARGET(BEFORE_WITH) {
    Value mgr = TOP();
    SAVE_FRAME_STATE();
    Value exit;
    Value res = eval_before_with(ts, mgr, &exit, false);
    if (res.is_null()) GOTO_ERROR();
    SET_TOP(exit);
    decref(mgr);
    PUSH(res);
    DISPATCH();
  }

  TARGET(BEFORE_ASYNC_WITH) {
    Value mgr = TOP();
    SAVE_FRAME_STATE();
    Value exit;
    Value res = eval_before_with(ts, mgr, &exit, true);
    if (res.is_null()) GOTO_ERROR();
    SET_TOP(exit);
    decref(mgr);
    PUSH(res);
    DISPATCH();
  }

  TARGET(WITH_EXCEPT_START) {
    SAVE_FRAME_STATE();
    Value r = eval_with_except_start(ts, PEEK(3), TOP());
    if (r.is_null()) GOTO_ERROR();
    PUSH(r);
    DISPATCH();
  }

  TARGET(LOAD_ASSERTION_ERROR) {
    PUSH(new_ref(val(ts.exc_types().AssertionError)));
    DISPATCH();
  }

  TARGET(PRINT_EXPR) {
    Value v = POP();
    SAVE_FRAME_STATE();
    bool ok = eval_print_expr(ts, v);
    decref(v);
    if (!ok) GOTO_ERROR();
    DISPATCH();
  }

  TARGET(SETUP_ANNOTATIONS) {
    SAVE_FRAME_STATE();
    if (!eval_setup_annotations(ts, f)) GOTO_ERROR();
    DISPATCH();
  }

  TARGET(LOAD_LOCALS) {
    if (f->locals.is_null()) {
      raise(ts, ts.exc_types().SystemError, "no locals found");
      GOTO_ERROR();
    }
    PUSH(new_ref(f->locals));
    DISPATCH();
  }

#if !GILT_COMPUTED_GOTO
  }
#endif

error:
  // A new exception in this frame: record where it passed.
  SAVE_FRAME_STATE();
  if (!ts.has_exception()) raise(ts, ts.exc_types().SystemError, "error return without exception set");
  exception_add_traceback(ts, ts.exc, val(co), co->line_at(static_cast<uint32_t>(ip - code_base - 1)), f->globals);

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
  Frame* caller = f->previous;
  pop_frame(ts, f);
  f = caller;
  ts.frame = f;
  LOAD_FRAME_STATE();
  goto error;
}
}

}  // namespace gilt
