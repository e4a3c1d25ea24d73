// Decimal's arithmetic slots (+ - * / // % ** and the unary ones, int()
// and float()) and its comparisons and hash, which agree with int, float
// and Fraction.
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

// --- arithmetic slots ---

using BinaryOp = uint32_t (*)(const dec::Number&, const dec::Number&, const dec::Context&,
                              dec::Number*);

// An operand without a copy when it is a Decimal: `storage` holds the
// converted int. Null with *status 0 for NotImplemented, -1 on error.
const dec::Number* operand_ref(ThreadState& ts, Value v, dec::Number* storage, int* status) {
    if (is_decimal(ts, v)) return &num_of(v);
    *status = operand(ts, v, storage);
    return *status > 0 ? storage : nullptr;
}

Value binary(ThreadState& ts, Value a, Value b, BinaryOp op) {
    dec::Number xs, ys;
    int ra = 1, rb = 1;
    const dec::Number* x = operand_ref(ts, a, &xs, &ra);
    const dec::Number* y = x ? operand_ref(ts, b, &ys, &rb) : nullptr;
    if (ra < 0 || rb < 0) return Value();
    if (!x || !y) return Value::not_implemented();
    OpContext oc;
    if (!op_context(ts, Value(), &oc, x == &xs ? b : a)) return Value();
    dec::Number r;
    uint32_t flags = op(*x, *y, oc.c, &r);
    return deliver(ts, oc, flags, std::move(r));
}

uint32_t op_add(const dec::Number& a, const dec::Number& b, const dec::Context& c, dec::Number* r) {
    return dec::add(a, b, false, c, r);
}
uint32_t op_sub(const dec::Number& a, const dec::Number& b, const dec::Context& c, dec::Number* r) {
    return dec::add(a, b, true, c, r);
}
uint32_t op_floordiv(const dec::Number& a, const dec::Number& b, const dec::Context& c,
                     dec::Number* r) {
    return dec::divide_int(a, b, c, r, nullptr);
}
uint32_t op_mod(const dec::Number& a, const dec::Number& b, const dec::Context& c, dec::Number* r) {
    dec::Number q;
    uint32_t flags = dec::divide_int(a, b, c, &q, r);
    if ((flags & dec::kDivByZero) && !a.zero()) {
        *r = dec::nan_result();
        return dec::kInvalid;
    }
    return flags;
}

Value decimal_add(ThreadState& ts, Value a, Value b) {
    return binary(ts, a, b, op_add);
}
Value decimal_sub(ThreadState& ts, Value a, Value b) {
    return binary(ts, a, b, op_sub);
}
Value decimal_mul(ThreadState& ts, Value a, Value b) {
    return binary(ts, a, b, dec::multiply);
}
Value decimal_truediv(ThreadState& ts, Value a, Value b) {
    return binary(ts, a, b, dec::divide);
}
Value decimal_floordiv(ThreadState& ts, Value a, Value b) {
    return binary(ts, a, b, op_floordiv);
}
Value decimal_mod(ThreadState& ts, Value a, Value b) {
    return binary(ts, a, b, op_mod);
}

// x ** y: by repeated squaring at extra precision when y is an integer
// (in value: 2.0 counts), else exp(y * ln x).
uint32_t op_pow(const dec::Number& a, const dec::Number& b_in, const dec::Context& c,
                dec::Number* r) {
    dec::Number b = b_in;
    dec::strip_zeros(b, 0);
    bool integral = b.finite() && (b.exp >= 0 || b.zero()) && b.adjusted() < 18;
    if (!integral || !a.finite()) return dec::power_fractional(a, b_in, c, r);
    auto n = static_cast<int64_t>(b.word);  // fewer than 19 digits: a word
    for (int64_t k = 0; k < b.exp && n != 0; ++k) n *= 10;
    if (b.neg) n = -n;
    if (n == 0) {
        if (a.zero()) {
            *r = dec::nan_result();
            return dec::kInvalid;
        }
        *r = dec::from_int_text("1");
        return 0;
    }
    if (a.zero()) {
        *r = dec::Number();
        if (n < 0)
            dec::parse(a.neg && (n % 2) ? "-Infinity" : "Infinity", r);
        else
            r->neg = a.neg && (n % 2);
        return 0;
    }
    dec::Context wide = c;
    wide.prec = c.prec + 10;
    wide.rounding = dec::Rounding::HalfEven;
    wide.emax = INT64_MAX / 4;
    wide.emin = -(INT64_MAX / 4);
    dec::Number result = dec::from_int_text("1");
    dec::Number base = a;
    uint32_t flags = 0;
    for (int64_t k = n < 0 ? -n : n; k > 0; k >>= 1) {
        if (k & 1) flags |= dec::multiply(result, base, wide, &result);
        if (k > 1) flags |= dec::multiply(base, base, wide, &base);
    }
    if (n < 0) flags |= dec::divide(dec::from_int_text("1"), result, wide, &result);
    *r = result;
    uint32_t fin = dec::finish(*r, c);
    return fin | (flags & dec::kInexact ? dec::kInexact | dec::kRounded : 0);
}

Value decimal_pow(ThreadState& ts, Value a, Value b) {
    return binary(ts, a, b, op_pow);
}

Value unary(ThreadState& ts, Value self, int which) {
    OpContext oc;
    if (!op_context(ts, Value(), &oc)) return Value();
    dec::Number x = num_of(self);
    if (which == 1 && !x.nan()) x.neg = !x.neg;
    if (which == 2 && !x.nan()) x.neg = false;
    dec::Number r;
    uint32_t flags = dec::plus(x, oc.c, &r);
    return deliver(ts, oc, flags, std::move(r));
}

Value decimal_pos(ThreadState& ts, Value self) {
    return unary(ts, self, 0);
}
Value decimal_neg(ThreadState& ts, Value self) {
    return unary(ts, self, 1);
}
Value decimal_abs(ThreadState& ts, Value self) {
    return unary(ts, self, 2);
}

int decimal_bool(ThreadState&, Value self) {
    const dec::Number& n = num_of(self);
    return !n.zero();
}

// The integer part (toward zero) of a finite Decimal, as a Python int.
Value integer_part(ThreadState& ts, const dec::Number& n, dec::Rounding mode) {
    if (n.nan()) return raise(ts, ts.exc_types().ValueError, "cannot convert NaN to integer");
    if (n.kind == dec::Kind::Inf)
        return raise(ts, ts.exc_types().OverflowError, "cannot convert Infinity to integer");
    dec::Number x = n;
    dec::rescale(x, 0, mode);
    std::string text = (x.neg && !x.zero() ? "-" : "") + x.digits();
    return int_from_string(ts, text, 10);
}

Value decimal_int(ThreadState& ts, Value self) {
    return integer_part(ts, num_of(self), dec::Rounding::Down);
}

Value decimal_float(ThreadState& ts, Value self) {
    const dec::Number& n = num_of(self);
    if (n.kind == dec::Kind::SNaN)
        return raise(ts, ts.exc_types().ValueError, "cannot convert signaling NaN to float");
    std::string text = n.nan() ? (n.neg ? "-nan" : "nan") : dec::to_sci_string(n);
    return float_from_string(ts, text);
}

// --- comparison and hashing ---

// numerator and denominator of a numbers.Rational that is not an int (a
// Fraction); false (no exception) for anything else.
bool rational_parts(ThreadState& ts, Value v, dec::Number* num, dec::Number* den) {
    if (is_int(v) || is_float(v) || is_str(ts, v)) return false;
    Ref n(obj_getattr_opt(ts, v, *Ref(make_str(ts, "numerator"))));
    if (!n || !is_int(*n)) return false;
    Ref d(obj_getattr_opt(ts, v, *Ref(make_str(ts, "denominator"))));
    if (!d || !is_int(*d)) return false;
    return from_int(ts, *n, num) && from_int(ts, *d, den);
}

// -2: unordered (a NaN), otherwise -1/0/1; *ok false when not comparable.
int compare_with(ThreadState& ts, Value a, Value b, bool* handled, bool* float_op) {
    dec::Number x = num_of(a), y, scale;
    *handled = true;
    *float_op = false;
    if (is_decimal(ts, b)) {
        y = num_of(b);
    } else if (is_int(b)) {
        if (!from_int(ts, b, &y)) return -3;
    } else if (is_float(b)) {
        if (!from_double(ts, float_value(b), &y)) return -3;
        *float_op = true;
    } else if (rational_parts(ts, b, &y, &scale)) {
        // A Fraction n/d: compare x * d with n, both exact.
        if (!x.nan() && x.finite()) {
            dec::Context exact;
            exact.prec = static_cast<int64_t>(x.ndigits() + scale.ndigits()) + 2;
            exact.emax = INT64_MAX / 4;
            exact.emin = -(INT64_MAX / 4);
            dec::multiply(x, scale, exact, &x);
        }
    } else {
        if (ts.has_exception()) return -3;
        *handled = false;
        return 0;
    }
    if (x.nan() || y.nan()) return -2;
    return dec::compare(x, y);
}

Value decimal_richcompare(ThreadState& ts, Value a, Value b, CompareOp op) {
    bool handled, float_op;
    int c = compare_with(ts, a, b, &handled, &float_op);
    if (c == -3) return Value();
    if (!handled) return Value::not_implemented();
    bool equality = op == CompareOp::Eq || op == CompareOp::Ne;
    if (c == -2) {
        bool signaling = num_of(a).kind == dec::Kind::SNaN ||
                         (is_decimal(ts, b) && num_of(b).kind == dec::Kind::SNaN);
        if (!equality || signaling) {
            Ref ctx(current_context(ts, Value()));
            if (!ctx) return Value();
            Ref r(signal_flags(ts, *ctx, dec::kInvalid, Value::none()));
            if (!r) return Value();
        }
        return Value::boolean(op == CompareOp::Ne);
    }
    if (float_op) {  // an ordering may trap; an equality only records the flag
        OpContext oc;
        if (!op_context(ts, Value(), &oc)) return Value();
        DecimalState& st = *oc.st;
        constexpr int kSig = 8;  // FloatOperation's bit
        if (equality) {
            if (!dict_set(ts, tuple_item(*oc.params, kParamFlags), tuple_item(st.conditions, kSig),
                          Value::true_()))
                return Value();
        } else {
            Ref r(signal_params(ts, st, *oc.ctx, *oc.params, dec::kFloatOperation, Value::none()));
            if (!r) return Value();
        }
    }
    bool r = false;
    switch (op) {
        case CompareOp::Lt:
            r = c < 0;
            break;
        case CompareOp::Le:
            r = c <= 0;
            break;
        case CompareOp::Eq:
            r = c == 0;
            break;
        case CompareOp::Ne:
            r = c != 0;
            break;
        case CompareOp::Gt:
            r = c > 0;
            break;
        case CompareOp::Ge:
            r = c >= 0;
            break;
    }
    return Value::boolean(r);
}

// Equal numbers hash equal across int, float, Fraction and Decimal: the
// value modulo the prime P = 2**61 - 1, with 10**-k as the inverse of 10**k.
bool decimal_hash(ThreadState& ts, Value self, int64_t* out) {
    DecimalObject* d = dobj(self);
    if (d->hash != -1) {
        *out = d->hash;
        return true;
    }
    const dec::Number& n = d->num;
    constexpr uint64_t kP = (uint64_t(1) << 61) - 1;
    int64_t h;
    if (n.kind == dec::Kind::SNaN) {
        raise(ts, ts.exc_types().TypeError, "Cannot hash a signaling NaN value");
        return false;
    }
    if (n.kind == dec::Kind::NaN) {
        h = static_cast<int64_t>(reinterpret_cast<uintptr_t>(self.as_object()) >> 4);
    } else if (n.kind == dec::Kind::Inf) {
        h = n.neg ? -314159 : 314159;
    } else {
        auto mulmod = [&](uint64_t a, uint64_t b) {
            return static_cast<uint64_t>(static_cast<unsigned __int128>(a) * b % kP);
        };
        auto powmod = [&](uint64_t base, uint64_t e) {
            uint64_t r = 1;
            for (; e; e >>= 1, base = mulmod(base, base))
                if (e & 1) r = mulmod(r, base);
            return r;
        };
        uint64_t c = 0;
        if (n.is_word())
            c = static_cast<uint64_t>(n.word % kP);
        else
            for (char ch : n.big) c = (mulmod(c, 10) + static_cast<uint64_t>(ch - '0')) % kP;
        uint64_t e = n.exp >= 0 ? powmod(10, static_cast<uint64_t>(n.exp))
                                : powmod(powmod(10, kP - 2), static_cast<uint64_t>(-n.exp));
        auto v = static_cast<int64_t>(mulmod(c, e));
        h = n.neg ? -v : v;
    }
    if (h == -1) h = -2;
    d->hash = h;
    *out = h;
    return true;
}

}  // namespace gilt::decimal_impl
