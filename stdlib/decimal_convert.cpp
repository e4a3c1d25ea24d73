// Decimal's construction and conversions: from int, float (exactly),
// str and tuples; str() and repr().
#include <cmath>
#include <memory>
#include <new>
#include <string>
#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/float.hpp"
#include "runtime/heap.hpp"
#include "runtime/instance.hpp"
#include "runtime/int.hpp"
#include "runtime/list.hpp"
#include "runtime/module.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "stdlib/contextvars.hpp"
#include "stdlib/decimal_module_internal.hpp"
#include "stdlib/decimal_number.hpp"
#include "stdlib/modules.hpp"
#include "stdlib/native_type.hpp"

namespace gilt::decimal_impl {

// --- conversions ---

bool from_int(ThreadState& ts, Value v, dec::Number* out) {
    if (v.is_small_int()) {
        int64_t i = v.as_small_int();
        *out = dec::Number();
        out->neg = i < 0;
        out->set_word(i < 0 ? 0 - static_cast<uint64_t>(i) : static_cast<uint64_t>(i));
        return true;
    }
    std::string text;
    if (!int_to_decimal_checked(ts, v, &text)) return false;
    *out = dec::from_int_text(text);
    return true;
}

// The exact value of a float: n / 2**k is n * 5**k / 10**k.
bool from_double(ThreadState& ts, double d, dec::Number* out) {
    if (std::isnan(d)) {
        *out = dec::nan_result();
        out->neg = std::signbit(d);
        return true;
    }
    if (std::isinf(d)) {
        dec::parse(d > 0 ? "Infinity" : "-Infinity", out);
        return true;
    }
    int exp2;
    double mant = std::frexp(std::fabs(d), &exp2);
    auto m = static_cast<int64_t>(std::ldexp(mant, 53));
    exp2 -= 53;
    while (m != 0 && m % 2 == 0 && exp2 < 0) {
        m /= 2;
        ++exp2;
    }
    Ref mv(make_int(ts, m));
    Ref scaled;
    int64_t exp10 = 0;
    if (exp2 >= 0) {
        Ref p(int_binary(ts, BinOp::Pow, Value::small_int(2), Value::small_int(exp2)));
        scaled = Ref(p ? int_binary(ts, BinOp::Mul, *mv, *p) : Value());
    } else {
        Ref p(int_binary(ts, BinOp::Pow, Value::small_int(5), Value::small_int(-exp2)));
        scaled = Ref(p ? int_binary(ts, BinOp::Mul, *mv, *p) : Value());
        exp10 = exp2;
    }
    if (!scaled || !from_int(ts, *scaled, out)) return false;
    out->exp = exp10;
    out->neg = std::signbit(d);
    return true;
}

// An operand of arithmetic: Decimal or int; 0 for NotImplemented.
int operand(ThreadState& ts, Value v, dec::Number* out) {
    if (is_decimal(ts, v)) {
        *out = num_of(v);
        return 1;
    }
    if (is_int(v)) return from_int(ts, v, out) ? 1 : -1;
    return 0;
}

bool from_tuple(ThreadState& ts, Value t, dec::Number* out) {
    Ref items(tuple_from_iterable(ts, t));
    if (!items) return false;
    if (tuple_size(*items) != 3) {
        raise(ts, ts.exc_types().ValueError, "argument must be a sequence of length 3");
        return false;
    }
    int64_t sign;
    if (!obj_index(ts, tuple_item(*items, 0), &sign)) return false;
    if (sign != 0 && sign != 1) {
        raise(ts, ts.exc_types().ValueError, "sign must be an integer with the value 0 or 1");
        return false;
    }
    Value exp = tuple_item(*items, 2);
    dec::Number n;
    n.neg = sign == 1;
    Ref digits(tuple_from_iterable(ts, tuple_item(*items, 1)));
    if (!digits) return false;
    std::string text;
    for (uint64_t i = 0; i < tuple_size(*digits); ++i) {
        int64_t dgt;
        if (!obj_index(ts, tuple_item(*digits, i), &dgt)) return false;
        if (dgt < 0 || dgt > 9) {
            raise(ts, ts.exc_types().ValueError, "coefficient must be a tuple of digits");
            return false;
        }
        text += static_cast<char>('0' + dgt);
    }
    if (is_str(ts, exp)) {
        std::string_view e = str_view(exp);
        n.kind = e == "F" ? dec::Kind::Inf : e == "n" ? dec::Kind::NaN : dec::Kind::SNaN;
        n.set_digits(n.kind == dec::Kind::Inf ? "" : text);
    } else {
        if (!obj_index(ts, exp, &n.exp)) return false;
        n = dec::from_int_text(text.empty() ? "0" : text);
        n.neg = sign == 1;
        if (!obj_index(ts, exp, &n.exp)) return false;
    }
    *out = n;
    return true;
}

Value decimal_new(ThreadState& ts, TypeObject* type, Args args) {
    Value value, context;
    if (!parse_args(ts, args, "Decimal", {"|", "value", "context"}, {&value, &context}))
        return Value();
    dec::Number n;
    uint32_t flags = 0;
    if (value.is_null()) {
        n = dec::Number();
    } else if (is_str(ts, value)) {  // first: is_decimal(str) looks up the state
        if (!dec::parse(str_view(value), &n)) {
            n = dec::nan_result();
            flags = dec::kInvalid | dec::kConversionSyntax;
        }
    } else if (is_decimal(ts, value)) {
        n = num_of(value);
    } else if (is_int(value)) {
        if (!from_int(ts, value, &n)) return Value();
    } else if (is_float(value)) {
        if (!from_double(ts, float_value(value), &n)) return Value();
        flags = dec::kFloatOperation;
    } else if (is_tuple(ts, value) || is_instance_of(ts, value, ts.interp().types.list)) {
        if (!from_tuple(ts, value, &n)) return Value();
    } else {
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "conversion from {} to Decimal is not supported", type_name(ts, value));
    }
    Ref result(wrap(ts, std::move(n), type));
    if (!result || flags == 0) return result.release();
    Ref ctx(current_context(ts, context));
    if (!ctx) return Value();
    return signal_flags(ts, *ctx, flags, *result);
}

void decimal_dealloc(Object* o) {
    reinterpret_cast<DecimalObject*>(o)->num.~Number();
    free_object(o);
}

Value decimal_str(ThreadState& ts, Value self) {
    return make_str(ts, dec::to_sci_string(num_of(self)));
}

Value decimal_repr(ThreadState& ts, Value self) {
    return make_str(ts, "Decimal('" + dec::to_sci_string(num_of(self)) + "')");
}

}  // namespace gilt::decimal_impl
