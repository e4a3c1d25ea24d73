// The internals shared by the files of the _decimal module (the Decimal
// type over decimal_number.cpp's arithmetic):
//
//   decimal_module.cpp    the type, the module state, _install and the module
//   decimal_context.cpp   the current context, its settings and the signals
//   decimal_convert.cpp   construction and conversions (int, float, str, tuple)
//   decimal_slots.cpp     arithmetic, comparison and hashing slots
//   decimal_methods.cpp   the methods, table-driven where they share a shape
//
// The context (precision, rounding, flags and traps) lives in Python
// (stdlib/lib/decimal.py), which hands this module its hooks through
// _install(); each operation reads the context's settings once (OpContext)
// and reports the conditions it met as dec::Flag bits.
#pragma once

#include <span>

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"
#include "runtime/type.hpp"
#include "stdlib/decimal_number.hpp"

namespace gilt::decimal_impl {

struct DecimalState;

// The number lives in the object (constructed in place by wrap,
// destroyed by decimal_dealloc): one allocation per Decimal. Each one
// points at its interpreter's module state, so that an operation on
// Decimals finds the state without a lookup by name (as CPython finds a
// module's state from a type).
struct DecimalObject {
    Object hdr;
    dec::Number num;
    int64_t hash;  // -1 until computed
    DecimalState* st;
};

inline DecimalObject* dobj(Value v) {
    return reinterpret_cast<DecimalObject*>(v.as_object());
}

inline const dec::Number& num_of(Value v) {
    return dobj(v)->num;
}

// The Python half's callables, borrowed from the _decimal module's dict
// (which keeps them alive; see decimal_install).
struct DecimalState {
    TypeObject* type = nullptr;
    Value getcontext;
    Value signal;
    Value format;
    Value tuple_type;   // makes a DecimalTuple(sign, digits, exponent)
    Value var;          // decimal.py's context variable (the current context)
    Value conditions;   // the signal classes, in the order of dec::Flag's bits
    Value module_dict;  // _decimal's __dict__, owner of the values above
    Value params_name;  // the interned "_params"
    // The last context settings read: a context's _params tuple is replaced
    // whenever one of its fields is assigned, so the tuple's identity says
    // whether the parsed copy is still good. The module dict keeps the
    // tuple alive (as _cached_params) so its address cannot be reused.
    Value cached_params;
    dec::Context cached;
    // The instance dict of the context whose _params is cached_params, at
    // the version it had then: while it is unchanged, the lookup of
    // _params is skipped. (Dict versions come from one counter per
    // interpreter, so another dict at the same address cannot match.)
    const DictObject* params_dict = nullptr;
    uint64_t params_dict_version = 0;
    // The signals that need no work in the cached context: recorded in its
    // flags already and not trapped, as of the versions of the two dicts
    // (every change to a dict bumps its version). Inexact and Rounded, on
    // most operations, then cost two comparisons.
    uint32_t quiet_signals = 0;
    uint64_t quiet_flags_version = 0;
    uint64_t quiet_traps_version = 0;
};

// What decimal.py keeps current in Context._params, in one attribute read:
// (prec, rounding index, Emin, Emax, clamp, flags, traps).
constexpr uint64_t kParamsSize = 7;
constexpr uint64_t kParamFlags = 5;
constexpr uint64_t kParamTraps = 6;

// What one operation reads of its context, once: the context, its _params
// and the settings parsed from them.
struct OpContext {
    DecimalState* st;
    Ref ctx;
    Ref params;
    dec::Context c;
};

// --- defined across the files above ---

TypeObject* decimal_type(ThreadState& ts);
bool is_decimal(ThreadState& ts, Value v);
Value wrap(ThreadState& ts, dec::Number n, TypeObject* type = nullptr);
Value wrap_in(ThreadState& ts, DecimalState& st, dec::Number n, TypeObject* type = nullptr);
Value current_context(ThreadState& ts, DecimalState& st, Value given);
Value current_context(ThreadState& ts, Value given);
bool rounding_from(ThreadState& ts, Value name, dec::Rounding* out);
bool read_context(ThreadState& ts, Value ctx, dec::Context* out);
Value signal_params(ThreadState& ts, DecimalState& st, Value ctx, Value params, uint32_t flags,
                    Value result);
Value signal_flags(ThreadState& ts, Value ctx, uint32_t flags, Value result);
Value deliver(ThreadState& ts, Value ctx, uint32_t flags, dec::Number n);
// `decimal`, when not null, is a Decimal whose state the operation uses.
bool op_context(ThreadState& ts, Value given, OpContext* out, Value decimal = Value());
Value deliver(ThreadState& ts, const OpContext& oc, uint32_t flags, dec::Number n);
bool from_int(ThreadState& ts, Value v, dec::Number* out);
bool from_double(ThreadState& ts, double d, dec::Number* out);
int operand(ThreadState& ts, Value v, dec::Number* out);
Value decimal_new(ThreadState& ts, TypeObject* type, Args args);
void decimal_dealloc(Object* o);
Value decimal_str(ThreadState& ts, Value self);
Value decimal_repr(ThreadState& ts, Value self);
const dec::Number* operand_ref(ThreadState& ts, Value v, dec::Number* storage, int* status);
Value decimal_add(ThreadState& ts, Value a, Value b);
Value decimal_sub(ThreadState& ts, Value a, Value b);
Value decimal_mul(ThreadState& ts, Value a, Value b);
Value decimal_truediv(ThreadState& ts, Value a, Value b);
Value decimal_floordiv(ThreadState& ts, Value a, Value b);
Value decimal_mod(ThreadState& ts, Value a, Value b);
Value decimal_pow(ThreadState& ts, Value a, Value b);
Value unary(ThreadState& ts, Value self, int which);
Value decimal_pos(ThreadState& ts, Value self);
Value decimal_neg(ThreadState& ts, Value self);
Value decimal_abs(ThreadState& ts, Value self);
int decimal_bool(ThreadState&, Value self);
Value integer_part(ThreadState& ts, const dec::Number& n, dec::Rounding mode);
Value decimal_int(ThreadState& ts, Value self);
Value decimal_float(ThreadState& ts, Value self);
int compare_with(ThreadState& ts, Value a, Value b, bool* handled, bool* float_op);
Value decimal_richcompare(ThreadState& ts, Value a, Value b, CompareOp op);
bool decimal_hash(ThreadState& ts, Value self, int64_t* out);
DecimalState& state(Interpreter& interp);

// The methods of Decimal (decimal_methods.cpp).
std::span<const MethodDef> decimal_methods();

}  // namespace gilt::decimal_impl
