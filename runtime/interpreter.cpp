// Interpreter start-up and tear-down.
//
// Start-up order matters because the type system describes itself:
//   1. allocate every builtin type object (blank), so types can refer to
//      each other (bool's base is int, every type's type is `type`);
//   2. run each type's define_* function to fill its layout, slots and
//      native methods that need no interned names;
//   3. intern the common names, then type_ready() every type in base-first
//      order (MRO, slot inheritance, dunder wrappers in the type dicts);
//   4. build the exception hierarchy, the builtins module and sys.
#include "runtime/interpreter.hpp"

#include <cstring>

#include "runtime/errors.hpp"
#include "runtime/gc.hpp"
#include "runtime/heap.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "runtime/type_registry.hpp"

namespace gilt {

Interpreter::Interpreter(InterpreterConfig config) : m_config(std::move(config)) {
  stdout_sink = m_config.stdout_sink;
  stderr_sink = m_config.stderr_sink;
  gc = std::make_unique<GcState>();
  allocate_builtin_types(*this);
  // The main thread state exists before the types are defined: defining a
  // type adds methods to its dict, which needs a thread to report errors to.
  m_main = std::make_unique<ThreadState>(*this);
  gil.take(m_main->gil_thread);
  init_types();
  init_strings();
  ready_builtin_types(*this);
  init_exception_types(*this);
  init_builtins();
}

void Interpreter::init_types() {
  define_builtin_types(*this);
  fix_bootstrap_kinds(*this, m_interned);
}

void Interpreter::init_strings() {
#define GILT_INTERN_NAME(n) names.n = intern(#n);
  GILT_COMMON_STRINGS(GILT_INTERN_NAME)
#undef GILT_INTERN_NAME
  set_ref(names.throw_, intern("throw"));  // `throw` is a C++ keyword
  empty_str = intern("");
  for (int c = 0; c < 128; ++c) {
    char ch = static_cast<char>(c);
    one_char_strs[c] = intern(std::string_view(&ch, 1));
  }
  ThreadState& ts = *m_main;
  empty_tuple = tuple_new(ts, 0);
}

void Interpreter::init_builtins() { init_builtins_and_sys(*this); }

Value Interpreter::intern(std::string_view s) {
  auto it = m_interned.find(s);
  if (it != m_interned.end()) return new_ref(val(it->second));
  Value str = make_str(*this, s);
  if (str.is_null()) return str;
  StrObject* so = str_obj(str);
  so->hdr.flags |= kObjInterned;
  incref(str);  // the table's reference: interned strings live as long as the interpreter
  m_interned.emplace(std::string_view(so->data, so->byte_len), so);
  return str;
}

Value Interpreter::intern_steal(Value str) {
  if (str.as_object()->flags & kObjInterned) return str;
  Value canonical = intern(str_view(str));
  decref(str);
  return canonical;
}

Interpreter::~Interpreter() {
  // Tear-down runs the collector once so cyclic garbage (module dicts point
  // at functions whose globals are those dicts) is released in an orderly
  // way; whatever is left (types, interned strings) is released with the
  // process or host, as in CPython's finalisation without a full teardown.
  ThreadState& ts = *m_main;
  clear_exception(ts);
  clear_ref(ts.exc_info);
  finalize_modules(*this);
  gc_collect(ts);
  gil.drop(m_main->gil_thread);
}

}  // namespace gilt

namespace gilt {

// Drops the interpreter's roots (sys.modules, builtins, sys) so that the
// collector run by the destructor can free module globals, functions and
// classes, which all sit in reference cycles through their module dicts.
void finalize_modules(Interpreter& interp) {
  clear_ref(interp.modules);
  clear_ref(interp.sys);
  clear_ref(interp.builtins);
}

}  // namespace gilt
