// The methods of Decimal.
#include <array>
#include <cmath>
#include <memory>
#include <new>
#include <string>
#include <utility>
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

// --- methods ---

Value method_context(ThreadState& ts, Value given, dec::Context* c) {
    Value ctx = current_context(ts, given);
    if (ctx.is_null()) return Value();
    if (!read_context(ts, ctx, c)) {
        decref(ctx);
        return Value();
    }
    return ctx;
}

Value decimal_quantize(ThreadState& ts, Args args) {
    Value exp, rounding, context;
    if (!parse_args(ts, args.drop_first(), "quantize", {"exp", "|", "rounding", "context"},
                    {&exp, &rounding, &context}))
        return Value();
    OpContext oc;
    if (!op_context(ts, context, &oc, args[0])) return Value();
    dec::Number storage;
    int r = 1;
    const dec::Number* e = operand_ref(ts, exp, &storage, &r);
    if (!e) {
        if (r == 0)
            raise_fmt(ts, ts.exc_types().TypeError,
                      "conversion from {} to Decimal is not supported", type_name(ts, exp));
        return Value();
    }
    dec::Rounding mode = oc.c.rounding;
    if (!rounding.is_null() && !rounding.is_none() && !rounding_from(ts, rounding, &mode))
        return Value();
    dec::Number out;
    uint32_t flags = dec::quantize(num_of(args[0]), *e, mode, oc.c, &out);
    return deliver(ts, oc, flags, std::move(out));
}

Value to_integral(ThreadState& ts, Args args, const char* name, int exact) {
    Value rounding, context;
    if (!parse_args(ts, args.drop_first(), name, {"|", "rounding", "context"},
                    {&rounding, &context}))
        return Value();
    dec::Context c;
    Ref ctx(method_context(ts, context, &c));
    if (!ctx) return Value();
    dec::Rounding mode = c.rounding;
    if (!rounding.is_null() && !rounding.is_none() && !rounding_from(ts, rounding, &mode))
        return Value();
    dec::Number x = num_of(args[0]);
    uint32_t flags = 0;
    if (x.kind == dec::Kind::SNaN) {
        x.kind = dec::Kind::NaN;
        flags = dec::kInvalid;
    } else if (x.finite() && x.exp < 0) {
        flags = dec::rescale(x, 0, mode);
        if (!exact) flags = 0;
    }
    return deliver(ts, *ctx, flags, std::move(x));
}

Value decimal_sqrt(ThreadState& ts, Args args) {
    Value context;
    if (!parse_args(ts, args.drop_first(), "sqrt", {"|", "context"}, {&context})) return Value();
    dec::Context c;
    Ref ctx(method_context(ts, context, &c));
    if (!ctx) return Value();
    dec::Number out;
    uint32_t flags = dec::square_root(num_of(args[0]), c, &out);
    return deliver(ts, *ctx, flags, std::move(out));
}

Value decimal_normalize(ThreadState& ts, Args args) {
    Value context;
    if (!parse_args(ts, args.drop_first(), "normalize", {"|", "context"}, {&context}))
        return Value();
    dec::Context c;
    Ref ctx(method_context(ts, context, &c));
    if (!ctx) return Value();
    dec::Number out;
    uint32_t flags = dec::plus(num_of(args[0]), c, &out);
    if (out.zero()) {
        out.exp = 0;
    } else {
        dec::strip_zeros(out, c.emax);
    }
    return deliver(ts, *ctx, flags, std::move(out));
}

Value decimal_as_tuple(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "as_tuple", "as_tuple", 0, 0)) return Value();
    const dec::Number& n = num_of(args[0]);
    std::string digits = n.kind == dec::Kind::Inf ? "0" : n.digits();
    Ref items(tuple_new(ts, digits.size()));
    if (!items) return Value();
    for (std::size_t i = 0; i < digits.size(); ++i)
        tuple_obj(*items)->items[i] = Value::small_int(digits[i] - '0');
    Ref exp;
    if (n.kind == dec::Kind::Inf)
        exp = Ref(make_str(ts, "F"));
    else if (n.kind == dec::Kind::NaN)
        exp = Ref(make_str(ts, "n"));
    else if (n.kind == dec::Kind::SNaN)
        exp = Ref(make_str(ts, "N"));
    else
        exp = Ref(make_int(ts, n.exp));
    if (!exp) return Value();
    return call_n(ts, state(ts.interp()).tuple_type,
                  {Value::small_int(n.neg ? 1 : 0), *items, *exp});
}

Value decimal_as_integer_ratio(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "as_integer_ratio", "as_integer_ratio", 0, 0)) return Value();
    const dec::Number& n = num_of(args[0]);
    if (n.nan()) return raise(ts, ts.exc_types().ValueError, "cannot convert NaN to integer ratio");
    if (n.kind == dec::Kind::Inf)
        return raise(ts, ts.exc_types().OverflowError, "cannot convert Infinity to integer ratio");
    std::string num = (n.neg ? "-" : "") + n.digits();
    std::string den = "1";
    if (n.exp > 0)
        num += std::string(static_cast<std::size_t>(n.exp), '0');
    else
        den += std::string(static_cast<std::size_t>(-n.exp), '0');
    Ref a(int_from_string(ts, num, 10));
    Ref b(a ? int_from_string(ts, den, 10) : Value());
    if (!b) return Value();
    // Reduce by the common factors of 2 and 5 (den is a power of ten).
    Ref two(make_int(ts, 2)), five(make_int(ts, 5));
    for (Value f : {*two, *five}) {
        for (;;) {
            Ref r1(int_binary(ts, BinOp::Mod, *a, f));
            Ref r2(int_binary(ts, BinOp::Mod, *b, f));
            if (!r1 || !r2) return Value();
            if (!(int_sign(*r1) == 0 && int_sign(*r2) == 0) || int_sign(*b) == 0) break;
            a = Ref(int_binary(ts, BinOp::FloorDiv, *a, f));
            b = Ref(int_binary(ts, BinOp::FloorDiv, *b, f));
            if (!a || !b) return Value();
        }
    }
    return tuple_pack(ts, {*a, *b});
}

Value decimal_adjusted(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "adjusted", "adjusted", 0, 0)) return Value();
    const dec::Number& n = num_of(args[0]);
    return make_int(ts, n.finite() ? n.adjusted() : 0);
}

// is_nan() and the other tests of one number, by index into kTests.
using Test = bool (*)(const dec::Number&);
constexpr Test kTests[] = {
    [](const dec::Number& n) { return n.nan(); },
    [](const dec::Number& n) { return n.kind == dec::Kind::SNaN; },
    [](const dec::Number& n) { return n.kind == dec::Kind::NaN; },
    [](const dec::Number& n) { return n.kind == dec::Kind::Inf; },
    [](const dec::Number& n) { return n.finite(); },
    [](const dec::Number& n) { return n.zero(); },
    [](const dec::Number& n) { return n.neg; },
};

Value predicate(ThreadState& ts, Args args, const char* name, int test) {
    if (!method_args(ts, args, name, name, 0, 0)) return Value();
    return Value::boolean(kTests[test](num_of(args[0])));
}

Value copy_with_sign(ThreadState& ts, Args args, const char* name, int mode) {
    if (!method_args(ts, args, name, name, mode == 2 ? 1 : 0, mode == 2 ? 1 : 0)) return Value();
    dec::Number n = num_of(args[0]);
    if (mode == 0) n.neg = false;
    if (mode == 1) n.neg = !n.neg;
    if (mode == 2) {
        dec::Number other;
        int r = operand(ts, args[1], &other);
        if (r <= 0) {
            if (r == 0)
                raise_fmt(ts, ts.exc_types().TypeError,
                          "conversion from {} to Decimal is not supported", type_name(ts, args[1]));
            return Value();
        }
        n.neg = other.neg;
    }
    return wrap(ts, std::move(n));
}

Value decimal_to_eng_string(ThreadState& ts, Args args) {
    Value context;
    if (!parse_args(ts, args.drop_first(), "to_eng_string", {"|", "context"}, {&context}))
        return Value();
    return make_str(ts, dec::to_eng_string(num_of(args[0])));
}

Value decimal_round(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "__round__", "__round__", 0, 1)) return Value();
    const dec::Number& n = num_of(args[0]);
    if (args.n == 1 || args[1].is_none()) {
        dec::Context c;
        Ref ctx(method_context(ts, Value(), &c));
        if (!ctx) return Value();
        return integer_part(ts, n, dec::Rounding::HalfEven);
    }
    int64_t digits;
    if (!obj_index(ts, args[1], &digits)) return Value();
    dec::Context c;
    Ref ctx(method_context(ts, Value(), &c));
    if (!ctx) return Value();
    dec::Number e;
    e.exp = -digits;
    e.set_word(1);
    dec::Number out;
    uint32_t flags = dec::quantize(n, e, c.rounding, c, &out);
    return deliver(ts, *ctx, flags, std::move(out));
}

Value decimal_floor(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "__floor__", "__floor__", 0, 0)) return Value();
    return integer_part(ts, num_of(args[0]), dec::Rounding::Floor);
}
Value decimal_ceil(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "__ceil__", "__ceil__", 0, 0)) return Value();
    return integer_part(ts, num_of(args[0]), dec::Rounding::Ceiling);
}
Value decimal_trunc(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "__trunc__", "__trunc__", 0, 0)) return Value();
    return integer_part(ts, num_of(args[0]), dec::Rounding::Down);
}

// divmod(self, other), or divmod(other, self) when `reflected`.
Value divmod_pair(ThreadState& ts, Args args, const char* name, bool reflected) {
    if (!method_args(ts, args, name, name, 1, 1)) return Value();
    dec::Number self = num_of(args[0]), other;
    int r = operand(ts, args[1], &other);
    if (r < 0) return Value();
    if (r == 0) return Value::not_implemented();
    dec::Context c;
    Ref ctx(method_context(ts, Value(), &c));
    if (!ctx) return Value();
    dec::Number q, m;
    uint32_t flags = reflected ? dec::divide_int(other, self, c, &q, &m)
                               : dec::divide_int(self, other, c, &q, &m);
    Ref qv(deliver(ts, *ctx, flags, std::move(q)));
    Ref mv(qv ? wrap(ts, std::move(m)) : Value());
    if (!mv) return Value();
    return tuple_pack(ts, {*qv, *mv});
}

Value decimal_divmod(ThreadState& ts, Args args) {
    return divmod_pair(ts, args, "__divmod__", false);
}

Value decimal_rdivmod(ThreadState& ts, Args args) {
    return divmod_pair(ts, args, "__rdivmod__", true);
}

Value decimal_reduce(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "__reduce__", "__reduce__", 0, 0)) return Value();
    Ref text(decimal_str(ts, args[0]));
    Ref inner(text ? tuple_pack(ts, {*text}) : Value());
    if (!inner) return Value();
    return tuple_pack(ts, {val(type_of(ts, args[0])), *inner});
}

Value decimal_copy(ThreadState& ts, Args args) {
    if (type_of(ts, args[0]) == decimal_type(ts)) return new_ref(args[0]);
    return wrap(ts, num_of(args[0]), type_of(ts, args[0]));
}

Value decimal_format(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "__format__", "__format__", 1, 1)) return Value();
    return call_n(ts, state(ts.interp()).format, {args[0], args[1]});
}

Value decimal_compare_total_like(ThreadState& ts, Args args) {
    Value other, context;
    if (!parse_args(ts, args.drop_first(), "compare", {"other", "|", "context"},
                    {&other, &context}))
        return Value();
    bool handled, float_op;
    int c = compare_with(ts, args[0], other, &handled, &float_op);
    if (c == -3) return Value();
    if (!handled) {
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "conversion from {} to Decimal is not supported", type_name(ts, other));
    }
    if (c == -2) {  // the NaN operand, quieted (its payload kept); an sNaN signals
        dec::Number y, r;
        OpContext oc;
        if (!op_context(ts, context, &oc)) return Value();
        if (is_float(other) ? !from_double(ts, float_value(other), &y) : operand(ts, other, &y) < 0)
            return Value();
        uint32_t flags = dec::add(num_of(args[0]), y, false, oc.c, &r);
        return deliver(ts, oc, flags, std::move(r));
    }
    return wrap(ts, dec::from_int_text(c < 0 ? "-1" : c > 0 ? "1" : "0"));
}

Value decimal_from_float(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "from_float", "from_float", 1, 1)) return Value();
    dec::Number n;
    if (is_float(args[1])) {
        if (!from_double(ts, float_value(args[1]), &n)) return Value();
    } else if (is_int(args[1])) {
        if (!from_int(ts, args[1], &n)) return Value();
    } else {
        return raise(ts, ts.exc_types().TypeError, "argument must be int or float");
    }
    TypeObject* cls = reinterpret_cast<TypeObject*>(args[0].as_object());
    if (cls == decimal_type(ts)) return wrap(ts, std::move(n));
    Ref d(wrap(ts, std::move(n)));
    return d ? call1(ts, args[0], *d) : Value();
}

// The other operand of a two-operand method: a Decimal or an int, else
// CPython's TypeError.
bool strict_operand(ThreadState& ts, Value other, dec::Number* out) {
    int r = operand(ts, other, out);
    if (r == 0)
        raise_fmt(ts, ts.exc_types().TypeError, "conversion from {} to Decimal is not supported",
                  type_name(ts, other));
    return r > 0;
}

// max/min: the larger (smaller) operand rounded to the context; a quiet
// NaN loses to a number.
Value extremum(ThreadState& ts, Args args, const char* name, int want_max) {
    Value other, context;
    if (!parse_args(ts, args.drop_first(), name, {"other", "|", "context"}, {&other, &context}))
        return Value();
    dec::Context c;
    Ref ctx(method_context(ts, context, &c));
    if (!ctx) return Value();
    dec::Number x = num_of(args[0]), y;
    if (!strict_operand(ts, other, &y)) return Value();
    uint32_t flags = 0;
    dec::Number pick;
    if (x.kind == dec::Kind::SNaN || y.kind == dec::Kind::SNaN) {
        pick = x.kind == dec::Kind::SNaN ? x : y;
        pick.kind = dec::Kind::NaN;
        flags = dec::kInvalid;
    } else if (x.nan() || y.nan()) {
        pick = x.nan() && y.nan() ? x : x.nan() ? y : x;
    } else {
        int cmp = dec::compare(x, y);
        if (cmp == 0) {  // equal values: the sign, then the exponent decides
            cmp = x.neg != y.neg ? (x.neg ? -1 : 1)
                                 : (x.exp == y.exp ? 0 : ((x.exp < y.exp) != x.neg ? -1 : 1));
        }
        pick = (cmp >= 0) == want_max ? x : y;
    }
    dec::Number out;
    flags |= pick.nan() ? 0 : dec::plus(pick, c, &out);
    if (pick.nan()) out = pick;
    return deliver(ts, *ctx, flags, std::move(out));
}

Value decimal_scaleb(ThreadState& ts, Args args) {
    Value other, context;
    if (!parse_args(ts, args.drop_first(), "scaleb", {"other", "|", "context"}, {&other, &context}))
        return Value();
    dec::Context c;
    Ref ctx(method_context(ts, context, &c));
    if (!ctx) return Value();
    dec::Number x = num_of(args[0]), y;
    if (!strict_operand(ts, other, &y)) return Value();
    if (!y.finite() || y.exp != 0 || y.ndigits() > 18) {
        return deliver(ts, *ctx, dec::kInvalid, dec::nan_result());
    }
    int64_t k = static_cast<int64_t>(y.word) * (y.neg ? -1 : 1);
    if (x.finite()) x.exp += k;
    dec::Number out;
    uint32_t flags = dec::plus(x, c, &out);
    return deliver(ts, *ctx, flags, std::move(out));
}

Value decimal_fma(ThreadState& ts, Args args) {
    Value other, third, context;
    if (!parse_args(ts, args.drop_first(), "fma", {"other", "third", "|", "context"},
                    {&other, &third, &context}))
        return Value();
    dec::Context c;
    Ref ctx(method_context(ts, context, &c));
    if (!ctx) return Value();
    dec::Number x = num_of(args[0]), y, z;
    int r1 = operand(ts, other, &y);
    int r2 = r1 > 0 ? operand(ts, third, &z) : 0;
    if (r1 <= 0 || r2 <= 0) {
        if (!ts.has_exception())
            raise_fmt(ts, ts.exc_types().TypeError,
                      "conversion from {} to Decimal is not supported",
                      type_name(ts, r1 <= 0 ? other : third));
        return Value();
    }
    dec::Context exact = c;
    exact.prec = static_cast<int64_t>(x.ndigits() + y.ndigits()) + 2;
    exact.emax = INT64_MAX / 4;
    exact.emin = -(INT64_MAX / 4);
    dec::Number product, out;
    uint32_t flags = dec::multiply(x, y, exact, &product) & dec::kInvalid;
    flags |= dec::add(product, z, false, c, &out);
    return deliver(ts, *ctx, flags, std::move(out));
}

using UnaryFn = uint32_t (*)(const dec::Number&, const dec::Context&, dec::Number*);

// exp(), ln() and log10(), by index into kUnaryFns.
constexpr UnaryFn kUnaryFns[] = {dec::exponential, dec::natural_log, dec::log10};

Value unary_method(ThreadState& ts, Args args, const char* name, int which) {
    UnaryFn fn = kUnaryFns[which];
    Value context;
    if (!parse_args(ts, args.drop_first(), name, {"|", "context"}, {&context})) return Value();
    dec::Context c;
    Ref ctx(method_context(ts, context, &c));
    if (!ctx) return Value();
    dec::Number out;
    uint32_t flags = fn(num_of(args[0]), c, &out);
    return deliver(ts, *ctx, flags, std::move(out));
}

Value decimal_self(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "canonical", 1, 1)) return Value();
    return new_ref(args[0]);
}

Value decimal_radix(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "radix", "radix", 0, 0)) return Value();
    return wrap(ts, dec::from_int_text("10"));
}

Value decimal_is_canonical(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "is_canonical", "is_canonical", 0, 0)) return Value();
    return Value::true_();
}

// Normal: finite, non-zero, adjusted exponent at least Emin.
Value normal_or_subnormal(ThreadState& ts, Args args, const char* name, int normal) {
    Value context;
    if (!parse_args(ts, args.drop_first(), name, {"|", "context"}, {&context})) return Value();
    dec::Context c;
    Ref ctx(method_context(ts, context, &c));
    if (!ctx) return Value();
    const dec::Number& n = num_of(args[0]);
    if (!n.finite() || n.zero()) return Value::false_();
    return Value::boolean((n.adjusted() >= c.emin) == normal);
}

Value decimal_number_class(ThreadState& ts, Args args) {
    Value context;
    if (!parse_args(ts, args.drop_first(), "number_class", {"|", "context"}, {&context}))
        return Value();
    dec::Context c;
    Ref ctx(method_context(ts, context, &c));
    if (!ctx) return Value();
    const dec::Number& n = num_of(args[0]);
    if (n.kind == dec::Kind::NaN) return make_str(ts, "NaN");
    if (n.kind == dec::Kind::SNaN) return make_str(ts, "sNaN");
    std::string sign = n.neg ? "-" : "+";
    if (n.kind == dec::Kind::Inf) return make_str(ts, sign + "Infinity");
    if (n.zero()) return make_str(ts, sign + "Zero");
    return make_str(ts, sign + (n.adjusted() >= c.emin ? "Normal" : "Subnormal"));
}

Value decimal_logb(ThreadState& ts, Args args) {
    Value context;
    if (!parse_args(ts, args.drop_first(), "logb", {"|", "context"}, {&context})) return Value();
    dec::Context c;
    Ref ctx(method_context(ts, context, &c));
    if (!ctx) return Value();
    dec::Number n = num_of(args[0]);
    if (n.nan()) {
        uint32_t flags = n.kind == dec::Kind::SNaN ? uint32_t(dec::kInvalid) : 0u;
        n.kind = dec::Kind::NaN;
        return deliver(ts, *ctx, flags, std::move(n));
    }
    if (n.kind == dec::Kind::Inf) {
        n.neg = false;
        return wrap(ts, std::move(n));
    }
    if (n.zero()) {
        dec::Number inf;
        dec::parse("-Infinity", &inf);
        return deliver(ts, *ctx, dec::kDivByZero, std::move(inf));
    }
    dec::Number out = dec::from_int_text(std::to_string(n.adjusted()));
    uint32_t flags = dec::finish(out, c);
    return deliver(ts, *ctx, flags, std::move(out));
}

Value decimal_same_quantum(ThreadState& ts, Args args) {
    Value other, context;
    if (!parse_args(ts, args.drop_first(), "same_quantum", {"other", "|", "context"},
                    {&other, &context}))
        return Value();
    dec::Number y;
    if (!strict_operand(ts, other, &y)) return Value();
    const dec::Number& x = num_of(args[0]);
    if (x.nan() || y.nan()) return Value::boolean(x.nan() && y.nan());
    if (!x.finite() || !y.finite()) return Value::boolean(x.kind == y.kind);
    return Value::boolean(x.exp == y.exp);
}

// The total order of the specification: -NaN < -sNaN < -Inf < ... < -0 <
// +0 < ... < Inf < sNaN < NaN, and equal values by exponent.
int total_rank(const dec::Number& n) {
    switch (n.kind) {
        case dec::Kind::NaN:
            return 3;
        case dec::Kind::SNaN:
            return 2;
        case dec::Kind::Inf:
            return 1;
        case dec::Kind::Finite:
            return 0;
    }
    return 0;
}

int total_compare(const dec::Number& a, const dec::Number& b) {
    if (a.neg != b.neg) return a.neg ? -1 : 1;
    int sign = a.neg ? -1 : 1;
    int ra = total_rank(a), rb = total_rank(b);
    if (ra != rb) return ra < rb ? -sign : sign;
    if (ra >= 2) {  // NaN payloads compare as integers
        std::string pa = a.digits(), pb = b.digits();
        if (pa.empty()) pa = "0";
        if (pb.empty()) pb = "0";
        if (pa.size() != pb.size()) return pa.size() < pb.size() ? -sign : sign;
        return pa == pb ? 0 : (pa < pb ? -sign : sign);
    }
    int c = dec::compare(a, b);
    if (c != 0) return c;
    if (ra == 1 || a.exp == b.exp) return 0;
    return a.exp < b.exp ? -sign : sign;
}

Value total_order_method(ThreadState& ts, Args args, const char* name, int magnitude) {
    Value other, context;
    if (!parse_args(ts, args.drop_first(), name, {"other", "|", "context"}, {&other, &context}))
        return Value();
    dec::Number x = num_of(args[0]), y;
    if (!strict_operand(ts, other, &y)) return Value();
    if (magnitude) x.neg = y.neg = false;
    int c = total_compare(x, y);
    return wrap(ts, dec::from_int_text(c < 0 ? "-1" : c > 0 ? "1" : "0"));
}

Value magnitude_pick(ThreadState& ts, Args args, const char* name, int want_max) {
    Value other, context;
    if (!parse_args(ts, args.drop_first(), name, {"other", "|", "context"}, {&other, &context}))
        return Value();
    dec::Number y;
    if (!strict_operand(ts, other, &y)) return Value();
    const dec::Number& x = num_of(args[0]);
    if (x.nan() || y.nan()) return extremum(ts, args, name, want_max);
    dec::Number ax = x, ay = y;
    ax.neg = ay.neg = false;
    int c = dec::compare(ax, ay);
    if (c == 0) return extremum(ts, args, name, want_max);
    dec::Context cx;
    Ref ctx(method_context(ts, context, &cx));
    if (!ctx) return Value();
    dec::Number out;
    uint32_t flags = dec::plus((c > 0) == want_max ? x : y, cx, &out);
    return deliver(ts, *ctx, flags, std::move(out));
}

// Operand of a two-operand method (Decimal or int), TypeError otherwise.
bool method_operand(ThreadState& ts, Value other, dec::Number* out) {
    int r = operand(ts, other, out);
    if (r == 0)
        raise_fmt(ts, ts.exc_types().TypeError, "conversion from {} to Decimal is not supported",
                  type_name(ts, other));
    return r > 0;
}

// The finite number just above (up) or below x in the context.
dec::Number neighbour(const dec::Number& x, const dec::Context& c, bool up) {
    dec::Number out;
    if (x.kind == dec::Kind::Inf) {
        if (x.neg == up) {  // toward zero from an infinity: the largest finite
            out.set_digits(std::string(static_cast<std::size_t>(c.prec), '9'));
            out.exp = c.emax - c.prec + 1;
            out.neg = x.neg;
        } else {
            out = x;
        }
        return out;
    }
    dec::Number tiny = dec::from_int_text(up ? "1" : "-1");
    tiny.exp = std::min(x.exp, c.emin - c.prec + 1) - 2;
    dec::Context step = c;
    step.rounding = up ? dec::Rounding::Ceiling : dec::Rounding::Floor;
    dec::add(x, tiny, false, step, &out);
    return out;
}

Value next_method(ThreadState& ts, Args args, const char* name, int direction) {
    Value other, context;
    bool toward = direction == 0;
    if (toward ? !parse_args(ts, args.drop_first(), name, {"other", "|", "context"},
                             {&other, &context})
               : !parse_args(ts, args.drop_first(), name, {"|", "context"}, {&context}))
        return Value();
    dec::Context c;
    Ref ctx(method_context(ts, context, &c));
    if (!ctx) return Value();
    const dec::Number& x = num_of(args[0]);
    dec::Number y;
    if (toward && !method_operand(ts, other, &y)) return Value();
    if (x.nan() || (toward && y.nan())) {
        dec::Number n = x.nan() ? x : y;
        uint32_t flags = n.kind == dec::Kind::SNaN ? uint32_t(dec::kInvalid) : 0u;
        n.kind = dec::Kind::NaN;
        return deliver(ts, *ctx, flags, std::move(n));
    }
    if (toward) {
        int cmp = dec::compare(x, y);
        if (cmp == 0) {
            dec::Number same = x;
            same.neg = y.neg;
            return wrap(ts, std::move(same));
        }
        direction = cmp < 0 ? 1 : -1;
    }
    return wrap(ts, neighbour(x, c, direction > 0));
}

// x - y * n with n the integer nearest x / y (ties to even).
Value decimal_remainder_near(ThreadState& ts, Args args) {
    Value other, context;
    if (!parse_args(ts, args.drop_first(), "remainder_near", {"other", "|", "context"},
                    {&other, &context}))
        return Value();
    dec::Context c;
    Ref ctx(method_context(ts, context, &c));
    dec::Number y;
    if (!ctx || !method_operand(ts, other, &y)) return Value();
    const dec::Number& x = num_of(args[0]);
    dec::Number q, r;
    uint32_t flags = dec::divide_int(x, y, c, &q, &r);
    if (r.nan() || !r.finite() || !x.finite() || !y.finite())
        return deliver(ts, *ctx, flags, std::move(r));
    dec::Number twice = r, ay = y;
    twice.neg = ay.neg = false;
    dec::Context exact = c;
    exact.prec = static_cast<int64_t>(std::max(r.ndigits(), y.ndigits())) + 30;
    dec::add(twice, twice, false, exact, &twice);
    int cmp = dec::compare(twice, ay);
    std::string qd = q.digits();
    bool odd = !qd.empty() && (qd.back() - '0') % 2 == 1;
    if (cmp > 0 || (cmp == 0 && odd)) {
        // One more (or one fewer) y: toward the nearer multiple.
        dec::add(r, y, r.neg == y.neg, exact, &r);
    }
    flags |= dec::finish(r, c);
    return deliver(ts, *ctx, flags, std::move(r));
}

Value decimal_compare_signal(ThreadState& ts, Args args) {
    Value other, context;
    if (!parse_args(ts, args.drop_first(), "compare_signal", {"other", "|", "context"},
                    {&other, &context}))
        return Value();
    dec::Context c;
    Ref ctx(method_context(ts, context, &c));
    dec::Number y;
    if (!ctx || !method_operand(ts, other, &y)) return Value();
    const dec::Number& x = num_of(args[0]);
    if (x.nan() || y.nan()) return deliver(ts, *ctx, dec::kInvalid, dec::nan_result());
    int cmp = dec::compare(x, y);
    return wrap(ts, dec::from_int_text(cmp < 0 ? "-1" : cmp > 0 ? "1" : "0"));
}

// The coefficient of a logical operand (finite, exponent 0, non-negative,
// digits 0 and 1), padded with zeros to prec digits; false if it is not one.
bool logical_digits(const dec::Number& n, const dec::Context& c, std::string* out) {
    std::string d = n.digits();
    if (!n.finite() || n.exp != 0 || n.neg || d.find_first_not_of("01") != std::string::npos ||
        static_cast<int64_t>(d.size()) > c.prec)
        return false;
    *out = std::string(static_cast<std::size_t>(c.prec) - d.size(), '0') + d;
    return true;
}

Value logical_result(ThreadState& ts, const std::string& digits) {
    std::size_t first = digits.find('1');
    return wrap(ts, dec::from_int_text(first == std::string::npos ? "0" : digits.substr(first)));
}

Value logical_method(ThreadState& ts, Args args, const char* name, int op) {
    Value other, context;
    bool unary = op == '~';
    if (unary ? !parse_args(ts, args.drop_first(), name, {"|", "context"}, {&context})
              : !parse_args(ts, args.drop_first(), name, {"other", "|", "context"},
                            {&other, &context}))
        return Value();
    dec::Context c;
    Ref ctx(method_context(ts, context, &c));
    if (!ctx) return Value();
    std::string a, b;
    dec::Number y;
    if (!unary && !method_operand(ts, other, &y)) return Value();
    if (!logical_digits(num_of(args[0]), c, &a) || (!unary && !logical_digits(y, c, &b)))
        return deliver(ts, *ctx, dec::kInvalid, dec::nan_result());
    for (std::size_t i = 0; i < a.size(); ++i) {
        bool p = a[i] == '1', q = !unary && b[i] == '1';
        bool bit = op == '&' ? (p && q) : op == '|' ? (p || q) : op == '^' ? (p != q) : !p;
        a[i] = bit ? '1' : '0';
    }
    return logical_result(ts, a);
}

// rotate (wrap around within prec digits) and shift (zeros in, digits
// beyond prec dropped); positive amounts move digits left.
Value digit_move(ThreadState& ts, Args args, const char* name, int rotate) {
    Value other, context;
    if (!parse_args(ts, args.drop_first(), name, {"other", "|", "context"}, {&other, &context}))
        return Value();
    dec::Context c;
    Ref ctx(method_context(ts, context, &c));
    dec::Number amount;
    if (!ctx || !method_operand(ts, other, &amount)) return Value();
    dec::Number x = num_of(args[0]);
    if (x.nan()) {
        uint32_t flags = x.kind == dec::Kind::SNaN ? uint32_t(dec::kInvalid) : 0u;
        x.kind = dec::Kind::NaN;
        return deliver(ts, *ctx, flags, std::move(x));
    }
    if (!amount.finite() || amount.exp != 0 || amount.ndigits() > 18)
        return deliver(ts, *ctx, dec::kInvalid, dec::nan_result());
    int64_t k = static_cast<int64_t>(amount.word) * (amount.neg ? -1 : 1);
    if (k > c.prec || k < -c.prec) return deliver(ts, *ctx, dec::kInvalid, dec::nan_result());
    if (x.kind == dec::Kind::Inf) return wrap(ts, std::move(x));
    auto p = static_cast<std::size_t>(c.prec);
    std::string d = x.digits();
    if (d.size() > p) d = d.substr(d.size() - p);
    d = std::string(p - d.size(), '0') + d;
    if (rotate) {
        std::size_t s = static_cast<std::size_t>(((k % c.prec) + c.prec) % c.prec);
        std::rotate(d.begin(), d.begin() + static_cast<std::ptrdiff_t>(s), d.end());
    } else if (k >= 0) {
        d = d.substr(static_cast<std::size_t>(k)) + std::string(static_cast<std::size_t>(k), '0');
    } else {
        d = std::string(static_cast<std::size_t>(-k), '0') +
            d.substr(0, p - static_cast<std::size_t>(-k));
    }
    std::size_t first = d.find_first_not_of('0');
    x.set_digits(first == std::string::npos ? "" : d.substr(first));
    return wrap(ts, std::move(x));
}

constexpr MethodDef kDecimalMethods[] = {
    {"remainder_near", decimal_remainder_near},
    {"compare_signal", decimal_compare_signal},
    {"canonical", decimal_self},
    {"conjugate", decimal_self},
    {"radix", decimal_radix},
    {"is_canonical", decimal_is_canonical},
    {"number_class", decimal_number_class},
    {"logb", decimal_logb},
    {"same_quantum", decimal_same_quantum},
    {"from_float", decimal_from_float, kMethodClass},
    {"scaleb", decimal_scaleb},
    {"fma", decimal_fma},
    {"quantize", decimal_quantize},
    {"sqrt", decimal_sqrt},
    {"normalize", decimal_normalize},
    {"as_tuple", decimal_as_tuple},
    {"as_integer_ratio", decimal_as_integer_ratio},
    {"adjusted", decimal_adjusted},
    {"compare", decimal_compare_total_like},
    {"to_eng_string", decimal_to_eng_string},
    {"__round__", decimal_round},
    {"__floor__", decimal_floor},
    {"__ceil__", decimal_ceil},
    {"__trunc__", decimal_trunc},
    {"__divmod__", decimal_divmod},
    {"__rdivmod__", decimal_rdivmod},
    {"__reduce__", decimal_reduce},
    {"__copy__", decimal_copy},
    {"__deepcopy__", decimal_copy},
    {"__format__", decimal_format},
};

// The methods that are one shared helper applied to their name and a
// parameter (which test, which function, which direction...): one row each
// instead of a wrapper function each.
struct Variant {
    const char* name;
    Value (*helper)(ThreadState& ts, Args args, const char* name, int param);
    int param;
};
constexpr Variant kVariants[] = {
    {"to_integral_value", to_integral, false},
    {"to_integral_exact", to_integral, true},
    {"to_integral", to_integral, false},
    {"copy_abs", copy_with_sign, 0},
    {"copy_negate", copy_with_sign, 1},
    {"copy_sign", copy_with_sign, 2},
    {"max", extremum, true},
    {"min", extremum, false},
    {"exp", unary_method, 0},
    {"ln", unary_method, 1},
    {"log10", unary_method, 2},
    {"is_normal", normal_or_subnormal, true},
    {"is_subnormal", normal_or_subnormal, false},
    {"compare_total", total_order_method, false},
    {"compare_total_mag", total_order_method, true},
    {"max_mag", magnitude_pick, true},
    {"min_mag", magnitude_pick, false},
    {"next_plus", next_method, 1},
    {"next_minus", next_method, -1},
    {"next_toward", next_method, 0},
    {"logical_and", logical_method, '&'},
    {"logical_or", logical_method, '|'},
    {"logical_xor", logical_method, '^'},
    {"logical_invert", logical_method, '~'},
    {"rotate", digit_move, true},
    {"shift", digit_move, false},
    {"is_nan", predicate, 0},
    {"is_snan", predicate, 1},
    {"is_qnan", predicate, 2},
    {"is_infinite", predicate, 3},
    {"is_finite", predicate, 4},
    {"is_zero", predicate, 5},
    {"is_signed", predicate, 6},
};

template <std::size_t I>
Value variant_method(ThreadState& ts, Args args) {
    return kVariants[I].helper(ts, args, kVariants[I].name, kVariants[I].param);
}

template <std::size_t... I>
constexpr auto all_methods(std::index_sequence<I...>) {
    std::array<MethodDef, std::size(kDecimalMethods) + sizeof...(I)> out{};
    std::size_t n = 0;
    for (const MethodDef& def : kDecimalMethods) out[n++] = def;
    ((out[n++] = MethodDef{kVariants[I].name, variant_method<I>}), ...);
    return out;
}

constexpr auto kAllMethods = all_methods(std::make_index_sequence<std::size(kVariants)>());

std::span<const MethodDef> decimal_methods() {
    return kAllMethods;
}

}  // namespace gilt::decimal_impl
