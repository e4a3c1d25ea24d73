// float: a boxed double, allocated from a per-interpreter free list (kept on
// the float TypeObject) because arithmetic creates and drops them constantly.
#pragma once

#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"

namespace gilt {

struct FloatObject {
    Object hdr;
    double value;
};

Value make_float(ThreadState& ts, double v);

// The float type's dealloc slot: exact floats go back to the free list.
void float_dealloc(Object* o);
// Exact floats kept for reuse per interpreter.
constexpr uint32_t kFloatFreeListMax = 100;

// The free list's hot halves inline, for the eval loop's float arithmetic:
// a pop that falls back to make_float when the list is empty, and the
// release of an exact float whose count reached zero.
__attribute__((always_inline)) inline Value make_float_inline(ThreadState& ts, double v) {
    TypeObject* t = ts.types().float_;
    auto* f = static_cast<FloatObject*>(t->freelist);
    if (!f) return make_float(ts, v);
    std::memcpy(&t->freelist, &f->value, sizeof(void*));
    --t->freelist_len;
    f->hdr.refcnt = 1;
    f->value = v;
    return Value::object(&f->hdr);
}
[[gnu::always_inline]] inline void release_exact_float(TypeObject* float_type, Object* o) {
    if (float_type->freelist_len >= kFloatFreeListMax) {
        float_dealloc(o);
        return;
    }
    std::memcpy(&reinterpret_cast<FloatObject*>(o)->value, &float_type->freelist, sizeof(void*));
    float_type->freelist = o;
    ++float_type->freelist_len;
}
inline bool is_exact_float(ThreadState& ts, Value v) noexcept {
    return v.is_object() && v.as_object()->type == ts.types().float_;
}
inline double float_value(Value v) noexcept {
    return reinterpret_cast<FloatObject*>(v.as_object())->value;
}
// repr(float) exactly as CPython: shortest round-trip digits, 'e' notation
// when the exponent is < -4 or >= 16, "inf", "nan", "1.0".
std::string float_repr(double v);
// CPython's _Py_HashDouble for a value alone (a NaN gives 0).
int64_t float_hash(double v) noexcept;
// _Py_HashDouble(inst, v) as the hash slots use it: a NaN hashes by the
// identity of `owner`, the float or complex object holding it (3.10+).
int64_t float_hash_in(Value owner, double v) noexcept;
// float arithmetic with Python semantics (ZeroDivisionError, floor division
// and modulo signs, OverflowError for pow). Operands are floats or ints.
Value float_binary(ThreadState& ts, BinOp op, Value a, Value b);
Value float_compare(ThreadState& ts, Value a, Value b, CompareOp op);
// Non-ASCII white space becomes ' ', decimal digits of any script their
// ASCII digit; the first other non-ASCII character becomes '?' and ends the
// text (CPython's _PyUnicode_TransformDecimalAndSpaceToASCII): what float()
// and complex() parse.
std::string numeric_text_to_ascii(std::string_view text);

// float(str) parsing ("inf", "nan", underscores, whitespace); null + ValueError
// "could not convert string to float: 'x'".
Value float_from_string(ThreadState& ts, std::string_view text);
// Same for bytes input (the error shows b'...').
Value float_from_bytes_literal(ThreadState& ts, std::string_view text);
// Parses the longest prefix of `s` that is a float literal as CPython's
// PyOS_string_to_double does (sign, digits, '.', exponent, "inf",
// "infinity", "nan"; no white space, no underscores). Returns the bytes
// consumed, 0 if none; out-of-range values become +-inf or +-0.0.
size_t float_parse_prefix(std::string_view s, double* out);
// float(x) for any object (PyNumber_Float): __float__, __index__, str,
// bytes; TypeError otherwise. Returns an exact float.
Value float_from_object(ThreadState& ts, Value x);
// CONVERT_TO_DOUBLE of CPython's float operations: 1 with *out set for
// floats and ints, 0 for other types (the operation is NotImplemented), -1
// with OverflowError for an int too large for a double.
int float_operand(ThreadState& ts, Value v, double* out);
// divmod(a, b) with float semantics: a (q, r) tuple, or NotImplemented.
Value float_divmod(ThreadState& ts, Value a, Value b);
// round(x) and round(x, ndigits) (ndigits null or None: an int result).
Value float_round(ThreadState& ts, double x, Value ndigits);
// Releases the floats kept on the type's free list (interpreter tear-down).
void float_clear_freelist(TypeObject* float_type) noexcept;
// True for floats and float subclasses.
inline bool is_float(Value v) noexcept {
    return v.is_object() && v.as_object()->kind == ObjKind::Float;
}

void define_float_type(Interpreter& interp, TypeObject* t);

}  // namespace gilt
