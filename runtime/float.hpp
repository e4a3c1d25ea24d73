// float: a boxed double, allocated from a per-interpreter free list (kept on
// the float TypeObject) because arithmetic creates and drops them constantly.
#pragma once

#include <string>

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"

namespace gilt {

struct FloatObject {
  Object hdr;
  double value;
};

Value make_float(ThreadState& ts, double v);
inline bool is_exact_float(ThreadState& ts, Value v) noexcept {
  return v.is_object() && v.as_object()->type == ts.types().float_;
}
inline double float_value(Value v) noexcept { return reinterpret_cast<FloatObject*>(v.as_object())->value; }
// repr(float) exactly as CPython: shortest round-trip digits, 'e' notation
// when the exponent is < -4 or >= 16, "inf", "nan", "1.0".
std::string float_repr(double v);
// CPython's _Py_HashDouble.
int64_t float_hash(double v) noexcept;
// float arithmetic with Python semantics (ZeroDivisionError, floor division
// and modulo signs, OverflowError for pow). Operands are floats or ints.
Value float_binary(ThreadState& ts, BinOp op, Value a, Value b);
Value float_compare(ThreadState& ts, Value a, Value b, CompareOp op);
// float(str) parsing ("inf", "nan", underscores, whitespace); null + ValueError
// "could not convert string to float: 'x'".
Value float_from_string(ThreadState& ts, std::string_view text);

void define_float_type(Interpreter& interp, TypeObject* t);

}  // namespace gilt
