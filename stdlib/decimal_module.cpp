// _decimal: the Decimal type over decimal_number.cpp's arithmetic.
//
// The context (precision, rounding, flags and traps) lives in Python
// (stdlib/lib/decimal.py). decimal.py hands this module three callables
// through _install(): getcontext(), signal(context, flags, result) which
// records the flags an operation raised and raises the trapped ones (or
// returns the result), and format(decimal, spec) for __format__. A
// Decimal holds its number in C++; every operation reads the current
// context, computes, and calls signal() only when a condition occurred.
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
#include "stdlib/decimal_number.hpp"
#include "stdlib/modules.hpp"
#include "stdlib/native_type.hpp"

namespace gilt {

namespace {

struct DecimalObject {
    Object hdr;
    dec::Number* num;  // owned
    int64_t hash;      // -1 until computed
};

DecimalObject* dobj(Value v) {
    return reinterpret_cast<DecimalObject*>(v.as_object());
}
const dec::Number& num_of(Value v) {
    return *dobj(v)->num;
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
    // The signals that need no work in the cached context: recorded in its
    // flags already and not trapped, as of the versions of the two dicts
    // (every change to a dict bumps its version). Inexact and Rounded, on
    // most operations, then cost two comparisons.
    uint32_t quiet_signals = 0;
    uint64_t quiet_flags_version = 0;
    uint64_t quiet_traps_version = 0;
};

DecimalState& state(Interpreter& interp);

TypeObject* decimal_type(ThreadState& ts) {
    return state(ts.interp()).type;
}

void decimal_dealloc(Object* o);

bool is_decimal(ThreadState& ts, Value v) {
    if (!v.is_object()) return false;
    TypeObject* t = type_of_object(v);
    // Only Decimal itself has this dealloc: no state lookup for the common case.
    if (t->dealloc == decimal_dealloc) return true;
    return type_is_subtype(t, decimal_type(ts));
}

Value wrap(ThreadState& ts, dec::Number n, TypeObject* type = nullptr) {
    if (!type) type = decimal_type(ts);
    Object* o = alloc_object(type, type->basicsize);
    if (!o) return raise_memory_error(ts);
    auto* d = reinterpret_cast<DecimalObject*>(o);
    d->num = new (std::nothrow) dec::Number(std::move(n));
    d->hash = -1;
    if (!d->num) {
        free_object(o);
        return raise_memory_error(ts);
    }
    return Value::object(o);
}

// --- the context ---

// The context an operation uses: `given`, or the current one. The fast
// path reads the context variable directly; only a thread or task without
// a context yet goes through decimal.getcontext(), which makes one.
Value current_context(ThreadState& ts, DecimalState& st, Value given) {
    if (!given.is_null() && !given.is_none()) return new_ref(given);
    if (st.getcontext.is_null())
        return raise(ts, ts.exc_types().RuntimeError, "decimal context is not installed");
    Value ctx = context_var_lookup(ts, st.var);
    if (!ctx.is_null()) return new_ref(ctx);
    return call0(ts, st.getcontext);
}

Value current_context(ThreadState& ts, Value given) {
    return current_context(ts, state(ts.interp()), given);
}

bool rounding_from(ThreadState& ts, Value name, dec::Rounding* out) {
    static constexpr std::pair<const char*, dec::Rounding> kModes[] = {
        {"ROUND_DOWN", dec::Rounding::Down},          {"ROUND_HALF_UP", dec::Rounding::HalfUp},
        {"ROUND_HALF_EVEN", dec::Rounding::HalfEven}, {"ROUND_CEILING", dec::Rounding::Ceiling},
        {"ROUND_FLOOR", dec::Rounding::Floor},        {"ROUND_UP", dec::Rounding::Up},
        {"ROUND_HALF_DOWN", dec::Rounding::HalfDown}, {"ROUND_05UP", dec::Rounding::Up05},
    };
    if (is_str(ts, name)) {
        for (auto& [text, mode] : kModes) {
            if (str_view(name) == text) {
                *out = mode;
                return true;
            }
        }
    }
    raise(ts, ts.exc_types().TypeError,
          "valid values for rounding are:\n  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, "
          "ROUND_DOWN,\n   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n   ROUND_05UP]");
    return false;
}

// What decimal.py keeps current in Context._params, in one attribute read:
// (prec, rounding index, Emin, Emax, clamp, flags, traps).
constexpr uint64_t kParamsSize = 7;
constexpr uint64_t kParamFlags = 5;
constexpr uint64_t kParamTraps = 6;

// ctx._params; read straight from the instance dict when it is there (a
// Context defines no descriptor of that name).
Value context_params(ThreadState& ts, DecimalState& st, Value ctx) {
    if (st.params_name.is_null()) {
        Ref name(ts.interp().intern("_params"));
        if (!dict_set_cstr(ts, st.module_dict, "_params_name", *name)) return Value();
        st.params_name = *name;
    }
    Value params;
    Value* slot = ctx.is_object() ? instance_dict_slot(ctx.as_object()) : nullptr;
    if (slot && !slot->is_null()) params = dict_get_str(*slot, st.params_name);
    if (!params.is_null())
        incref(params);
    else
        params = obj_getattr(ts, ctx, st.params_name);
    if (params.is_null()) return params;
    if (!is_tuple(ts, params) || tuple_size(params) != kParamsSize ||
        !is_dict(ts, tuple_item(params, kParamFlags)) ||
        !is_dict(ts, tuple_item(params, kParamTraps))) {
        decref(params);
        return raise(ts, ts.exc_types().TypeError, "invalid decimal context");
    }
    return params;
}

// A context's settings from its _params tuple (the parse is cached per
// tuple).
bool read_params(ThreadState& ts, DecimalState& st, Value params, dec::Context* out) {
    if (st.cached_params == params) {
        *out = st.cached;
        return true;
    }
    int64_t fields[5];
    for (int i = 0; i < 5; ++i) {
        if (!obj_index(ts, tuple_item(params, i), &fields[i])) return false;
    }
    out->prec = fields[0];
    out->rounding = static_cast<dec::Rounding>(fields[1] & 7);
    out->emin = fields[2];
    out->emax = fields[3];
    out->clamp = fields[4] != 0;
    if (!dict_set_cstr(ts, st.module_dict, "_cached_params", params)) return false;
    st.cached_params = params;
    st.cached = *out;
    st.quiet_signals = 0;
    return true;
}

bool read_context(ThreadState& ts, Value ctx, dec::Context* out) {
    DecimalState& st = state(ts.interp());
    Ref params(context_params(ts, st, ctx));
    return params && read_params(ts, st, *params, out);
}

uint64_t dict_version(Value d) {
    return reinterpret_cast<DictObject*>(d.as_object())->version;
}

// Records `flags` in the context's flags dict (an item of `params`, the
// context's _params), or raises through decimal._signal when one of them is
// trapped. Returns a new reference to `result`.
Value signal_params(ThreadState& ts, DecimalState& st, Value ctx, Value params, uint32_t flags,
                    Value result) {
    Value traps = tuple_item(params, kParamTraps);
    Value recorded = tuple_item(params, kParamFlags);
    uint32_t signals = 0;
    for (int bit = 0; bit < 12; ++bit) {
        // Conversion syntax and the division conditions signal InvalidOperation.
        if (flags >> bit & 1) signals |= 1u << (bit >= 9 ? 1 : bit);
    }
    bool cached = params == st.cached_params && st.quiet_signals != 0 &&
                  dict_version(recorded) == st.quiet_flags_version &&
                  dict_version(traps) == st.quiet_traps_version;
    if (cached && (signals & ~st.quiet_signals) == 0) return new_ref(result);
    for (int sig = 0; sig < 9; ++sig) {
        if (!(signals >> sig & 1)) continue;
        bool error = false;
        Value on = dict_get(ts, traps, tuple_item(st.conditions, sig), &error);
        if (error) return Value();
        if (!on.is_null() && on.is_true())
            return call_n(ts, st.signal,
                          {ctx, Value::small_int(static_cast<int64_t>(flags)), result});
    }
    for (int sig = 0; sig < 9; ++sig) {
        if ((signals >> sig & 1) &&
            !dict_set(ts, recorded, tuple_item(st.conditions, sig), Value::true_()))
            return Value();
    }
    if (params == st.cached_params) {
        st.quiet_signals = cached ? st.quiet_signals | signals : signals;
        st.quiet_flags_version = dict_version(recorded);
        st.quiet_traps_version = dict_version(traps);
    }
    return new_ref(result);
}

Value signal_flags(ThreadState& ts, Value ctx, uint32_t flags, Value result) {
    DecimalState& st = state(ts.interp());
    Ref params(context_params(ts, st, ctx));
    return params ? signal_params(ts, st, ctx, *params, flags, result) : Value();
}

// The result of an operation, after its conditions are recorded in the
// context's flags. Untrapped conditions (Inexact and Rounded, most often)
// are recorded here; a trapped one goes to decimal._signal, which raises.
Value deliver(ThreadState& ts, Value ctx, uint32_t flags, dec::Number n) {
    Ref result(wrap(ts, std::move(n)));
    if (!result || flags == 0) return result.release();
    return signal_flags(ts, ctx, flags, *result);
}

// What one operation reads of its context, once: the context, its _params
// and the settings parsed from them.
struct OpContext {
    DecimalState* st;
    Ref ctx;
    Ref params;
    dec::Context c;
};

bool op_context(ThreadState& ts, Value given, OpContext* out) {
    DecimalState& st = state(ts.interp());
    out->st = &st;
    out->ctx = Ref(current_context(ts, st, given));
    if (!out->ctx) return false;
    out->params = Ref(context_params(ts, st, *out->ctx));
    return out->params && read_params(ts, st, *out->params, &out->c);
}

Value deliver(ThreadState& ts, const OpContext& oc, uint32_t flags, dec::Number n) {
    Ref result(wrap(ts, std::move(n), oc.st->type));
    if (!result || flags == 0) return result.release();
    return signal_params(ts, *oc.st, *oc.ctx, *oc.params, flags, *result);
}

// --- conversions ---

bool from_int(ThreadState& ts, Value v, dec::Number* out) {
    if (v.is_small_int()) {
        int64_t i = v.as_small_int();
        *out = dec::Number();
        out->neg = i < 0;
        out->digits =
            std::to_string(i < 0 ? 0 - static_cast<uint64_t>(i) : static_cast<uint64_t>(i));
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
        n.digits = n.kind == dec::Kind::Inf ? "0" : text;
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
    } else if (is_decimal(ts, value)) {
        n = num_of(value);
    } else if (is_int(value)) {
        if (!from_int(ts, value, &n)) return Value();
    } else if (is_str(ts, value)) {
        if (!dec::parse(str_view(value), &n)) {
            n = dec::nan_result();
            flags = dec::kInvalid | dec::kConversionSyntax;
        }
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
    delete reinterpret_cast<DecimalObject*>(o)->num;
    free_object(o);
}

Value decimal_str(ThreadState& ts, Value self) {
    return make_str(ts, dec::to_sci_string(num_of(self)));
}

Value decimal_repr(ThreadState& ts, Value self) {
    return make_str(ts, "Decimal('" + dec::to_sci_string(num_of(self)) + "')");
}

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
    if (!op_context(ts, Value(), &oc)) return Value();
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
    dec::Number rem;
    return dec::divide_int(a, b, c, r, &rem);
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
    int64_t n = b.zero() ? 0 : std::stoll(b.digits);
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
    std::string text = (x.neg && !x.zero() ? "-" : "") + x.digits;
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
            exact.prec = static_cast<int64_t>(x.digits.size() + scale.digits.size()) + 2;
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
    const dec::Number& n = *d->num;
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
        for (char ch : n.digits) c = (mulmod(c, 10) + static_cast<uint64_t>(ch - '0')) % kP;
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
    if (!op_context(ts, context, &oc)) return Value();
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

Value to_integral(ThreadState& ts, Args args, const char* name, bool exact) {
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

Value decimal_to_integral_value(ThreadState& ts, Args args) {
    return to_integral(ts, args, "to_integral_value", false);
}
Value decimal_to_integral_exact(ThreadState& ts, Args args) {
    return to_integral(ts, args, "to_integral_exact", true);
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
    std::string digits = n.kind == dec::Kind::Inf ? "0" : n.digits;
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
    std::string num = (n.neg ? "-" : "") + n.digits;
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

Value predicate(ThreadState& ts, Args args, const char* name, bool (*test)(const dec::Number&)) {
    if (!method_args(ts, args, name, name, 0, 0)) return Value();
    return Value::boolean(test(num_of(args[0])));
}

Value decimal_is_nan(ThreadState& ts, Args args) {
    return predicate(ts, args, "is_nan", [](const dec::Number& n) { return n.nan(); });
}
Value decimal_is_snan(ThreadState& ts, Args args) {
    return predicate(ts, args, "is_snan",
                     [](const dec::Number& n) { return n.kind == dec::Kind::SNaN; });
}
Value decimal_is_qnan(ThreadState& ts, Args args) {
    return predicate(ts, args, "is_qnan",
                     [](const dec::Number& n) { return n.kind == dec::Kind::NaN; });
}
Value decimal_is_infinite(ThreadState& ts, Args args) {
    return predicate(ts, args, "is_infinite",
                     [](const dec::Number& n) { return n.kind == dec::Kind::Inf; });
}
Value decimal_is_finite(ThreadState& ts, Args args) {
    return predicate(ts, args, "is_finite", [](const dec::Number& n) { return n.finite(); });
}
Value decimal_is_zero(ThreadState& ts, Args args) {
    return predicate(ts, args, "is_zero", [](const dec::Number& n) { return n.zero(); });
}
Value decimal_is_signed(ThreadState& ts, Args args) {
    return predicate(ts, args, "is_signed", [](const dec::Number& n) { return n.neg; });
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

Value decimal_copy_abs(ThreadState& ts, Args args) {
    return copy_with_sign(ts, args, "copy_abs", 0);
}
Value decimal_copy_negate(ThreadState& ts, Args args) {
    return copy_with_sign(ts, args, "copy_negate", 1);
}
Value decimal_copy_sign(ThreadState& ts, Args args) {
    return copy_with_sign(ts, args, "copy_sign", 2);
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
    e.digits = "1";
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

Value decimal_divmod(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "__divmod__", "__divmod__", 1, 1)) return Value();
    dec::Number x = num_of(args[0]), y;
    int r = operand(ts, args[1], &y);
    if (r < 0) return Value();
    if (r == 0) return Value::not_implemented();
    dec::Context c;
    Ref ctx(method_context(ts, Value(), &c));
    if (!ctx) return Value();
    dec::Number q, m;
    uint32_t flags = dec::divide_int(x, y, c, &q, &m);
    Ref qv(deliver(ts, *ctx, flags, std::move(q)));
    Ref mv(qv ? wrap(ts, std::move(m)) : Value());
    if (!mv) return Value();
    return tuple_pack(ts, {*qv, *mv});
}

Value decimal_rdivmod(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "__rdivmod__", "__rdivmod__", 1, 1)) return Value();
    dec::Number x, y = num_of(args[0]);
    int r = operand(ts, args[1], &x);
    if (r < 0) return Value();
    if (r == 0) return Value::not_implemented();
    dec::Context c;
    Ref ctx(method_context(ts, Value(), &c));
    if (!ctx) return Value();
    dec::Number q, m;
    uint32_t flags = dec::divide_int(x, y, c, &q, &m);
    Ref qv(deliver(ts, *ctx, flags, std::move(q)));
    Ref mv(qv ? wrap(ts, std::move(m)) : Value());
    if (!mv) return Value();
    return tuple_pack(ts, {*qv, *mv});
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
    if (!method_args(ts, args, "compare", "compare", 1, 1)) return Value();
    bool handled, float_op;
    int c = compare_with(ts, args[0], args[1], &handled, &float_op);
    if (c == -3) return Value();
    if (!handled) {
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "conversion from {} to Decimal is not supported", type_name(ts, args[1]));
    }
    if (c == -2) {  // the NaN operand, quieted (its payload kept); an sNaN signals
        dec::Number y, r;
        OpContext oc;
        if (!op_context(ts, Value(), &oc)) return Value();
        if (is_float(args[1]) ? !from_double(ts, float_value(args[1]), &y)
                              : operand(ts, args[1], &y) < 0)
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

// max/min: the larger (smaller) operand rounded to the context; a quiet
// NaN loses to a number.
Value extremum(ThreadState& ts, Args args, const char* name, bool want_max) {
    Value other, context;
    if (!parse_args(ts, args.drop_first(), name, {"other", "|", "context"}, {&other, &context}))
        return Value();
    dec::Context c;
    Ref ctx(method_context(ts, context, &c));
    if (!ctx) return Value();
    dec::Number x = num_of(args[0]), y;
    int r = operand(ts, other, &y);
    if (r <= 0) {
        if (r == 0)
            raise_fmt(ts, ts.exc_types().TypeError,
                      "conversion from {} to Decimal is not supported", type_name(ts, other));
        return Value();
    }
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

Value decimal_max(ThreadState& ts, Args args) {
    return extremum(ts, args, "max", true);
}
Value decimal_min(ThreadState& ts, Args args) {
    return extremum(ts, args, "min", false);
}

Value decimal_scaleb(ThreadState& ts, Args args) {
    Value other, context;
    if (!parse_args(ts, args.drop_first(), "scaleb", {"other", "|", "context"}, {&other, &context}))
        return Value();
    dec::Context c;
    Ref ctx(method_context(ts, context, &c));
    if (!ctx) return Value();
    dec::Number x = num_of(args[0]), y;
    int r = operand(ts, other, &y);
    if (r <= 0) {
        if (r == 0)
            raise_fmt(ts, ts.exc_types().TypeError,
                      "conversion from {} to Decimal is not supported", type_name(ts, other));
        return Value();
    }
    if (!y.finite() || y.exp != 0 || y.digits.size() > 18) {
        return deliver(ts, *ctx, dec::kInvalid, dec::nan_result());
    }
    int64_t k = std::stoll(y.digits) * (y.neg ? -1 : 1);
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
    exact.prec = static_cast<int64_t>(x.digits.size() + y.digits.size()) + 2;
    exact.emax = INT64_MAX / 4;
    exact.emin = -(INT64_MAX / 4);
    dec::Number product, out;
    uint32_t flags = dec::multiply(x, y, exact, &product) & dec::kInvalid;
    flags |= dec::add(product, z, false, c, &out);
    return deliver(ts, *ctx, flags, std::move(out));
}

using UnaryFn = uint32_t (*)(const dec::Number&, const dec::Context&, dec::Number*);

Value unary_method(ThreadState& ts, Args args, const char* name, UnaryFn fn) {
    Value context;
    if (!parse_args(ts, args.drop_first(), name, {"|", "context"}, {&context})) return Value();
    dec::Context c;
    Ref ctx(method_context(ts, context, &c));
    if (!ctx) return Value();
    dec::Number out;
    uint32_t flags = fn(num_of(args[0]), c, &out);
    return deliver(ts, *ctx, flags, std::move(out));
}

Value decimal_exp(ThreadState& ts, Args args) {
    return unary_method(ts, args, "exp", dec::exponential);
}
Value decimal_ln(ThreadState& ts, Args args) {
    return unary_method(ts, args, "ln", dec::natural_log);
}
Value decimal_log10(ThreadState& ts, Args args) {
    return unary_method(ts, args, "log10", dec::log10);
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
Value normal_or_subnormal(ThreadState& ts, Args args, const char* name, bool normal) {
    Value context;
    if (!parse_args(ts, args.drop_first(), name, {"|", "context"}, {&context})) return Value();
    dec::Context c;
    Ref ctx(method_context(ts, context, &c));
    if (!ctx) return Value();
    const dec::Number& n = num_of(args[0]);
    if (!n.finite() || n.zero()) return Value::false_();
    return Value::boolean((n.adjusted() >= c.emin) == normal);
}

Value decimal_is_normal(ThreadState& ts, Args args) {
    return normal_or_subnormal(ts, args, "is_normal", true);
}
Value decimal_is_subnormal(ThreadState& ts, Args args) {
    return normal_or_subnormal(ts, args, "is_subnormal", false);
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
    int r = operand(ts, other, &y);
    if (r <= 0) {
        if (r == 0)
            raise_fmt(ts, ts.exc_types().TypeError,
                      "conversion from {} to Decimal is not supported", type_name(ts, other));
        return Value();
    }
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
        std::string pa = a.digits.empty() ? "0" : a.digits, pb = b.digits.empty() ? "0" : b.digits;
        if (pa.size() != pb.size()) return pa.size() < pb.size() ? -sign : sign;
        return pa == pb ? 0 : (pa < pb ? -sign : sign);
    }
    int c = dec::compare(a, b);
    if (c != 0) return c;
    if (ra == 1 || a.exp == b.exp) return 0;
    return a.exp < b.exp ? -sign : sign;
}

Value total_order_method(ThreadState& ts, Args args, const char* name, bool magnitude) {
    Value other, context;
    if (!parse_args(ts, args.drop_first(), name, {"other", "|", "context"}, {&other, &context}))
        return Value();
    dec::Number x = num_of(args[0]), y;
    int r = operand(ts, other, &y);
    if (r <= 0) {
        if (r == 0)
            raise_fmt(ts, ts.exc_types().TypeError,
                      "conversion from {} to Decimal is not supported", type_name(ts, other));
        return Value();
    }
    if (magnitude) x.neg = y.neg = false;
    int c = total_compare(x, y);
    return wrap(ts, dec::from_int_text(c < 0 ? "-1" : c > 0 ? "1" : "0"));
}

Value decimal_compare_total(ThreadState& ts, Args args) {
    return total_order_method(ts, args, "compare_total", false);
}
Value decimal_compare_total_mag(ThreadState& ts, Args args) {
    return total_order_method(ts, args, "compare_total_mag", true);
}

Value magnitude_pick(ThreadState& ts, Args args, const char* name, bool want_max) {
    Value other, context;
    if (!parse_args(ts, args.drop_first(), name, {"other", "|", "context"}, {&other, &context}))
        return Value();
    dec::Number y;
    int r = operand(ts, other, &y);
    if (r <= 0) {
        if (r == 0)
            raise_fmt(ts, ts.exc_types().TypeError,
                      "conversion from {} to Decimal is not supported", type_name(ts, other));
        return Value();
    }
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

Value decimal_max_mag(ThreadState& ts, Args args) {
    return magnitude_pick(ts, args, "max_mag", true);
}
Value decimal_min_mag(ThreadState& ts, Args args) {
    return magnitude_pick(ts, args, "min_mag", false);
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
            out.digits.assign(static_cast<std::size_t>(c.prec), '9');
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

Value decimal_next_plus(ThreadState& ts, Args args) {
    return next_method(ts, args, "next_plus", 1);
}
Value decimal_next_minus(ThreadState& ts, Args args) {
    return next_method(ts, args, "next_minus", -1);
}
Value decimal_next_toward(ThreadState& ts, Args args) {
    return next_method(ts, args, "next_toward", 0);
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
    exact.prec = static_cast<int64_t>(std::max(r.digits.size(), y.digits.size())) + 30;
    dec::add(twice, twice, false, exact, &twice);
    int cmp = dec::compare(twice, ay);
    bool odd = !q.digits.empty() && (q.digits.back() - '0') % 2 == 1;
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
    if (!n.finite() || n.exp != 0 || n.neg ||
        n.digits.find_first_not_of("01") != std::string::npos ||
        static_cast<int64_t>(n.digits.size()) > c.prec)
        return false;
    *out = std::string(static_cast<std::size_t>(c.prec) - n.digits.size(), '0') + n.digits;
    return true;
}

Value logical_result(ThreadState& ts, const std::string& digits) {
    std::size_t first = digits.find('1');
    return wrap(ts, dec::from_int_text(first == std::string::npos ? "0" : digits.substr(first)));
}

Value logical_method(ThreadState& ts, Args args, const char* name, char op) {
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

Value decimal_logical_and(ThreadState& ts, Args args) {
    return logical_method(ts, args, "logical_and", '&');
}
Value decimal_logical_or(ThreadState& ts, Args args) {
    return logical_method(ts, args, "logical_or", '|');
}
Value decimal_logical_xor(ThreadState& ts, Args args) {
    return logical_method(ts, args, "logical_xor", '^');
}
Value decimal_logical_invert(ThreadState& ts, Args args) {
    return logical_method(ts, args, "logical_invert", '~');
}

// rotate (wrap around within prec digits) and shift (zeros in, digits
// beyond prec dropped); positive amounts move digits left.
Value digit_move(ThreadState& ts, Args args, const char* name, bool rotate) {
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
    if (!amount.finite() || amount.exp != 0 || amount.digits.size() > 18)
        return deliver(ts, *ctx, dec::kInvalid, dec::nan_result());
    int64_t k = std::stoll(amount.digits) * (amount.neg ? -1 : 1);
    if (k > c.prec || k < -c.prec) return deliver(ts, *ctx, dec::kInvalid, dec::nan_result());
    if (x.kind == dec::Kind::Inf) return wrap(ts, std::move(x));
    auto p = static_cast<std::size_t>(c.prec);
    std::string d = x.digits.size() > p ? x.digits.substr(x.digits.size() - p) : x.digits;
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
    x.digits = first == std::string::npos ? "0" : d.substr(first);
    return wrap(ts, std::move(x));
}

Value decimal_rotate(ThreadState& ts, Args args) {
    return digit_move(ts, args, "rotate", true);
}
Value decimal_shift(ThreadState& ts, Args args) {
    return digit_move(ts, args, "shift", false);
}

constexpr MethodDef kDecimalMethods[] = {
    {"next_plus", decimal_next_plus},
    {"next_minus", decimal_next_minus},
    {"next_toward", decimal_next_toward},
    {"remainder_near", decimal_remainder_near},
    {"compare_signal", decimal_compare_signal},
    {"logical_and", decimal_logical_and},
    {"logical_or", decimal_logical_or},
    {"logical_xor", decimal_logical_xor},
    {"logical_invert", decimal_logical_invert},
    {"rotate", decimal_rotate},
    {"shift", decimal_shift},
    {"canonical", decimal_self},
    {"conjugate", decimal_self},
    {"radix", decimal_radix},
    {"is_canonical", decimal_is_canonical},
    {"is_normal", decimal_is_normal},
    {"is_subnormal", decimal_is_subnormal},
    {"number_class", decimal_number_class},
    {"logb", decimal_logb},
    {"same_quantum", decimal_same_quantum},
    {"compare_total", decimal_compare_total},
    {"compare_total_mag", decimal_compare_total_mag},
    {"max_mag", decimal_max_mag},
    {"min_mag", decimal_min_mag},
    {"exp", decimal_exp},
    {"ln", decimal_ln},
    {"log10", decimal_log10},
    {"from_float", decimal_from_float, kMethodClass},
    {"max", decimal_max},
    {"min", decimal_min},
    {"scaleb", decimal_scaleb},
    {"fma", decimal_fma},
    {"quantize", decimal_quantize},
    {"to_integral_value", decimal_to_integral_value},
    {"to_integral", decimal_to_integral_value},
    {"to_integral_exact", decimal_to_integral_exact},
    {"sqrt", decimal_sqrt},
    {"normalize", decimal_normalize},
    {"as_tuple", decimal_as_tuple},
    {"as_integer_ratio", decimal_as_integer_ratio},
    {"adjusted", decimal_adjusted},
    {"is_nan", decimal_is_nan},
    {"is_snan", decimal_is_snan},
    {"is_qnan", decimal_is_qnan},
    {"is_infinite", decimal_is_infinite},
    {"is_finite", decimal_is_finite},
    {"is_zero", decimal_is_zero},
    {"is_signed", decimal_is_signed},
    {"copy_abs", decimal_copy_abs},
    {"copy_negate", decimal_copy_negate},
    {"copy_sign", decimal_copy_sign},
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

Value decimal_get_real(ThreadState&, Value self) {
    return new_ref(self);
}
Value decimal_get_imag(ThreadState& ts, Value) {
    return wrap(ts, dec::Number());
}

constexpr GetSetDef kDecimalGetSets[] = {
    {"real", decimal_get_real},
    {"imag", decimal_get_imag},
};

void fill_decimal_type(Interpreter& interp, TypeObject* t) {
    t->name = interp.intern("Decimal");  // messages say "decimal.Decimal" (tp_name)
    t->new_ = decimal_new;
    t->dealloc = decimal_dealloc;
    t->repr = decimal_repr;
    t->str = decimal_str;
    t->hash = decimal_hash;
    t->richcompare = decimal_richcompare;
    t->nb[static_cast<int>(BinOp::Add)] = decimal_add;
    t->nb[static_cast<int>(BinOp::Sub)] = decimal_sub;
    t->nb[static_cast<int>(BinOp::Mul)] = decimal_mul;
    t->nb[static_cast<int>(BinOp::TrueDiv)] = decimal_truediv;
    t->nb[static_cast<int>(BinOp::FloorDiv)] = decimal_floordiv;
    t->nb[static_cast<int>(BinOp::Mod)] = decimal_mod;
    t->nb[static_cast<int>(BinOp::Pow)] = decimal_pow;
    t->nb_neg = decimal_neg;
    t->nb_pos = decimal_pos;
    t->nb_abs = decimal_abs;
    t->nb_int = decimal_int;
    t->nb_float = decimal_float;
    t->bool_ = decimal_bool;
    type_add_methods(interp, t, kDecimalMethods);
    type_add_getsets(interp, t, kDecimalGetSets);
}

constexpr NativeTypeSpec kDecimalSpec = {
    "_decimal.Decimal",    "decimal",     "decimal.Decimal",
    sizeof(DecimalObject), kTypeBaseType, fill_decimal_type,
};

DecimalState& state(Interpreter& interp) {
    auto it = interp.module_state.find("_decimal.state");
    if (it == interp.module_state.end()) {
        auto st = std::make_shared<DecimalState>();
        it = interp.module_state.emplace("_decimal.state", st).first;
        st->type = native_type_once(interp, kDecimalSpec);
    }
    return *static_cast<DecimalState*>(it->second.get());
}

// _install(getcontext, signal, format, make_tuple, var, conditions):
// the Python half's hooks. The _decimal module's dict owns them (so they
// are released with the module at tear-down); the state borrows them.
Value decimal_install(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "_install", 6, 6)) return Value();
    if (!is_tuple(ts, args[5]) || tuple_size(args[5]) != 12)
        return raise(ts, ts.exc_types().TypeError, "_install: conditions must be a 12-tuple");
    DecimalState& st = state(ts.interp());
    if (st.module_dict.is_null())
        return raise(ts, ts.exc_types().RuntimeError, "_decimal is not initialised");
    static constexpr const char* kNames[] = {"_getcontext", "_signal", "_format",
                                             "_tuple_type", "_var",    "_conditions"};
    Value* slots[] = {&st.getcontext, &st.signal, &st.format,
                      &st.tuple_type, &st.var,    &st.conditions};
    for (int i = 0; i < 6; ++i) {
        if (!dict_set_cstr(ts, st.module_dict, kNames[i], args[i])) return Value();
        *slots[i] = args[i];
    }
    return Value::none();
}

constexpr MethodDef kDecimalFunctions[] = {
    {"_install", decimal_install},
};

}  // namespace

Value init_decimal_module(ThreadState& ts) {
    Ref m(module_new(ts, "_decimal"));
    if (!m || !module_add_functions(ts, *m, kDecimalFunctions)) return Value();
    state(ts.interp()).module_dict = module_dict(*m);
    if (!module_add_value(ts, *m, "Decimal", val(state(ts.interp()).type))) return Value();
    return m.release();
}

}  // namespace gilt
