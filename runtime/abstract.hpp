// The object protocol: what the VM and every builtin use to operate on
// values of any type.
//
// Each function has a fast path for the exact builtin types the VM meets
// most (small ints, floats, str, list, tuple, dict) and otherwise dispatches
// through the type's slots (runtime/type.hpp), which for user classes call
// the dunder methods. Conventions as everywhere: arguments borrowed, Value
// results new references, null / -1 means an exception is pending.
#pragma once

#include <initializer_list>
#include <string_view>

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"
#include "runtime/type.hpp"

namespace gilt {

Value obj_repr(ThreadState& ts, Value v);
Value obj_str(ThreadState& ts, Value v);
Value obj_ascii(ThreadState& ts, Value v);
// format(v, spec): calls __format__.
Value obj_format(ThreadState& ts, Value v, Value spec);
[[nodiscard]] bool obj_hash(ThreadState& ts, Value v, int64_t* out);
// 1 true, 0 false, -1 error.
[[nodiscard]] int obj_truthy(ThreadState& ts, Value v);

// Attribute access. `name` is a str (interned for speed).
Value obj_getattr(ThreadState& ts, Value obj, Value name);
Value obj_getattr_cstr(ThreadState& ts, Value obj, const char* name);
// Like getattr but returns null WITHOUT an exception when the attribute is
// missing (AttributeError swallowed); other errors stay pending.
Value obj_getattr_opt(ThreadState& ts, Value obj, Value name);
[[nodiscard]] int obj_setattr(ThreadState& ts, Value obj, Value name, Value value);
[[nodiscard]] int obj_delattr(ThreadState& ts, Value obj, Value name);
// object.__getattribute__ / object.__setattr__: the generic algorithm
// (data descriptors, instance dict, non-data descriptors, class attributes).
Value generic_getattr(ThreadState& ts, Value obj, Value name);
[[nodiscard]] int generic_setattr(ThreadState& ts, Value obj, Value name, Value value);
// Is `f`, found on a type, a plain function or a native instance method?
// Then calling it with the instance prepended is what binding it would do,
// and callers skip the bound method (LOAD_METHOD, with, special methods).
bool binds_as_method(Value f) noexcept;
// Looks up a method for calling without creating a bound method: on success
// returns the function and sets *self_out to obj (an unbound function that
// needs self) or to null (the result is already bound or plain).
Value obj_get_method(ThreadState& ts, Value obj, Value name, bool* needs_self);

Value obj_getitem(ThreadState& ts, Value obj, Value key);
[[nodiscard]] int obj_setitem(ThreadState& ts, Value obj, Value key, Value value);
[[nodiscard]] int obj_delitem(ThreadState& ts, Value obj, Value key);
// 1 / 0 / -1.
[[nodiscard]] int obj_contains(ThreadState& ts, Value container, Value item);
// len(); -1 on error.
int64_t obj_len(ThreadState& ts, Value v);
// operator.length_hint (CPython's PyObject_LengthHint): len(v) if it has
// one, else type(v).__length_hint__(), else `dflt`. A TypeError from either
// counts as "no hint"; other errors and a bad hint (not an int, negative)
// raise. For sizing a container before filling it from an iterable.
[[nodiscard]] bool obj_length_hint(ThreadState& ts, Value v, int64_t dflt, int64_t* out);

// Calls. args borrowed.
Value obj_call(ThreadState& ts, Value callable, Args args);
Value call0(ThreadState& ts, Value callable);
Value call1(ThreadState& ts, Value callable, Value a);
Value call2(ThreadState& ts, Value callable, Value a, Value b);
Value call_n(ThreadState& ts, Value callable, std::initializer_list<Value> args);
// obj.name(*args)
Value call_method(ThreadState& ts, Value obj, Value name, std::initializer_list<Value> args);
// Calls the special method `name` looked up on type(obj) (not the instance),
// as the language does for dunders. Returns null with AttributeError if missing.
Value call_special(ThreadState& ts, Value obj, Value name, std::initializer_list<Value> args);
// obj_call(f, self, *args): the arguments copied behind self.
Value call_prepending(ThreadState& ts, Value f, Value self, Args args);
// Calls `f`, found on type(self), with self prepended (binding as attribute
// access would, without allocating a bound method for plain functions).
Value call_bound_special(ThreadState& ts, Value f, Value self, Args args);
// `item in container` by iteration (no __contains__). 1 / 0 / -1.
[[nodiscard]] int iter_contains(ThreadState& ts, Value container, Value item);
// Special-method lookup on the type (borrowed), null if absent, no exception.
Value lookup_special(ThreadState& ts, Value obj, Value name);

// Iteration. iter_next returns null with NO exception pending when exhausted.
Value obj_iter(ThreadState& ts, Value v);
Value iter_next(ThreadState& ts, Value iterator);

// Operators.
Value binary_op(ThreadState& ts, BinOp op, Value a, Value b);
Value inplace_op(ThreadState& ts, BinOp op, Value a, Value b);
Value unary_op(ThreadState& ts, UnaryOp op, Value v);
Value rich_compare(ThreadState& ts, Value a, Value b, CompareOp op);
// Comparison reduced to a truth value (identity implies equality for Eq/Ne,
// as in CPython's PyObject_RichCompareBool). 1 / 0 / -1.
[[nodiscard]] int rich_compare_bool(ThreadState& ts, Value a, Value b, CompareOp op);
inline int obj_eq(ThreadState& ts, Value a, Value b) {
    return rich_compare_bool(ts, a, b, CompareOp::Eq);
}
std::string_view binop_symbol(BinOp op);        // "+", "//", ...
std::string_view inplace_symbol(BinOp op);      // "+=", ...
std::string_view compare_symbol(CompareOp op);  // "<", "==", ...

// isinstance / issubclass with tuples, and the __instancecheck__ /
// __subclasscheck__ of a metaclass written in Python.
[[nodiscard]] int obj_isinstance(ThreadState& ts, Value obj, Value cls);
[[nodiscard]] int obj_issubclass(ThreadState& ts, Value derived, Value cls);
// issubclass(derived, cls) for a class `cls` as type.__subclasscheck__ answers
// it: the MRO, no hooks.
[[nodiscard]] int obj_issubclass_plain(ThreadState& ts, Value derived, Value cls);
bool is_instance_of(ThreadState& ts, Value obj, TypeObject* t);  // no errors

// Integer conversion for indices (__index__), CPython's
// PyNumber_AsSsize_t(v, OverflowError): false with TypeError "'str' object
// cannot be interpreted as an integer", or OverflowError "cannot fit 'int'
// into an index-sized integer" (a subscript's IndexError is seq_index_arg's).
[[nodiscard]] bool obj_index(ThreadState& ts, Value v, int64_t* out);
// operator.index(v) (PyNumber_Index): an exact int, new reference; null with
// TypeError "'T' object cannot be interpreted as an integer".
Value obj_index_value(ThreadState& ts, Value v);
// Any number to a C++ double (float(), math functions). false on error.
[[nodiscard]] bool obj_as_double(ThreadState& ts, Value v, double* out);

// Guards native recursion (calls from C++ back into Python). Returns false
// with RecursionError pending when too deep; `where` ends its message as
// CPython's Py_EnterRecursiveCall argument does (" while calling a Python
// object").
[[nodiscard]] bool enter_native_call(ThreadState& ts, std::string_view where = {});
inline void leave_native_call(ThreadState& ts) {
    --ts.native_depth;
}

}  // namespace gilt
