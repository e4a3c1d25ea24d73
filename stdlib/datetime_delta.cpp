// datetime.timedelta: a signed duration kept as (days, seconds, us) with
// 0 <= seconds < 86400 and 0 <= us < 10**6, so only `days` carries the sign.
//
// Arithmetic works on the total count of microseconds in a 128-bit integer
// (the largest delta is under 2**67 us); products and quotients with floats
// go through GMP so that rounding is exact, round-half-even, as CPython's
// (which multiplies by float.as_integer_ratio()).
#include <gmp.h>

#include <cmath>
#include <string>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/errors.hpp"
#include "runtime/float.hpp"
#include "runtime/heap.hpp"
#include "runtime/int.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "stdlib/datetime.hpp"

namespace gilt {

namespace {

constexpr int64_t kUsPerSecond = 1000000;
constexpr int64_t kUsPerDay = 86400 * kUsPerSecond;

Value delta_total_seconds(ThreadState& ts, Args args);
Value delta_reduce(ThreadState& ts, Args args);

constexpr MethodDef kDeltaMethods[] = {
    {"total_seconds", delta_total_seconds},
    {"__reduce__", delta_reduce},
};

Value delta_get_days(ThreadState& ts, Value self) {
    return make_int(ts, delta_obj(self)->days);
}
Value delta_get_seconds(ThreadState&, Value self) {
    return Value::small_int(delta_obj(self)->seconds);
}
Value delta_get_us(ThreadState&, Value self) {
    return Value::small_int(delta_obj(self)->us);
}

constexpr GetSetDef kDeltaGetSets[] = {
    {"days", delta_get_days},
    {"seconds", delta_get_seconds},
    {"microseconds", delta_get_us},
};

// --- 128-bit and GMP helpers ---

void mpz_set_i128(mpz_t z, __int128 v) {
    bool neg = v < 0;
    unsigned __int128 u = neg ? -static_cast<unsigned __int128>(v) : v;
    mpz_set_ui(z, static_cast<unsigned long>(u >> 64));
    mpz_mul_2exp(z, z, 64);
    mpz_add_ui(z, z, static_cast<unsigned long>(u & ~uint64_t(0)));
    if (neg) mpz_neg(z, z);
}

// num / den rounded half to even (den != 0); false when it does not fit.
bool mpz_div_round_even(mpz_t num, mpz_t den, __int128* out) {
    mpz_t q, r, twice;
    mpz_inits(q, r, twice, nullptr);
    if (mpz_sgn(den) < 0) {
        mpz_neg(num, num);
        mpz_neg(den, den);
    }
    mpz_fdiv_qr(q, r, num, den);
    mpz_mul_2exp(twice, r, 1);
    int c = mpz_cmp(twice, den);
    if (c > 0 || (c == 0 && mpz_odd_p(q))) mpz_add_ui(q, q, 1);
    bool fits = mpz_sizeinbase(q, 2) < 100;
    if (fits) {
        mpz_t hi;
        mpz_init(hi);
        bool neg = mpz_sgn(q) < 0;
        mpz_abs(q, q);
        mpz_fdiv_q_2exp(hi, q, 64);
        unsigned __int128 u = static_cast<unsigned __int128>(mpz_get_ui(hi)) << 64;
        mpz_fdiv_r_2exp(hi, q, 64);
        u |= mpz_get_ui(hi);
        *out = neg ? -static_cast<__int128>(u) : static_cast<__int128>(u);
        mpz_clear(hi);
    }
    mpz_clears(q, r, twice, nullptr);
    return fits;
}

// us * x (mul) or us / x (div), x a finite float, exactly rounded.
bool scale_by_float(ThreadState& ts, __int128 us, double x, bool divide, __int128* out) {
    if (!std::isfinite(x)) {
        raise(ts, ts.exc_types().ValueError, "cannot convert float NaN to integer");
        return false;
    }
    if (divide && x == 0.0) {
        raise_zero_division(ts, "integer division or modulo by zero");
        return false;
    }
    int exp;
    double mant = std::frexp(x, &exp);
    auto m = static_cast<int64_t>(std::ldexp(mant, 53));
    exp -= 53;
    mpz_t num, den;
    mpz_inits(num, den, nullptr);
    mpz_set_i128(num, us);
    if (divide) {
        mpz_set_si(den, m);
        if (exp < 0)
            mpz_mul_2exp(num, num, -exp);
        else
            mpz_mul_2exp(den, den, exp);
    } else {
        mpz_mul_si(num, num, m);
        mpz_set_ui(den, 1);
        if (exp < 0)
            mpz_mul_2exp(den, den, -exp);
        else
            mpz_mul_2exp(num, num, exp);
    }
    bool fits = mpz_div_round_even(num, den, out);
    mpz_clears(num, den, nullptr);
    if (!fits) raise(ts, ts.exc_types().OverflowError, "Python int too large to convert to C int");
    return fits;
}

__int128 floor_div(__int128 a, __int128 b) {
    __int128 q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

__int128 round_even_div(__int128 a, __int128 b) {
    __int128 q = floor_div(a, b);
    __int128 r = a - q * b;  // same sign as b
    __int128 twice = 2 * r;
    if (b < 0) {
        twice = -twice;
        b = -b;
    }
    if (twice > b || (twice == b && (q & 1))) ++q;
    return q;
}

// --- the constructor ---

// Adds `v * factor` microseconds to *total (exact for ints; floats leave their
// fraction in *frac).
bool add_component(ThreadState& ts, Value v, int64_t factor, const char* what, __int128* total,
                   double* frac) {
    if (v.is_null()) return true;
    if (is_int(v)) {
        int64_t n;
        if (!int_to_int64(v, &n) || n > (int64_t(1) << 40) || n < -(int64_t(1) << 40)) {
            raise(ts, ts.exc_types().OverflowError, "Python int too large to convert to C int");
            return false;
        }
        *total += static_cast<__int128>(n) * factor;
        return true;
    }
    if (is_float(v)) {
        double prod = float_value(v) * static_cast<double>(factor);
        if (!std::isfinite(prod) || std::fabs(prod) > 1e21) {
            raise(ts, ts.exc_types().OverflowError, "Python int too large to convert to C int");
            return false;
        }
        double whole;
        *frac += std::modf(prod, &whole);
        *total += static_cast<__int128>(whole);
        return true;
    }
    raise_fmt(ts, ts.exc_types().TypeError, "unsupported type for timedelta {} component: {}", what,
              type_name(ts, v));
    return false;
}

Value delta_new(ThreadState& ts, TypeObject* type, Args args) {
    Value days, seconds, us, ms, minutes, hours, weeks;
    if (!parse_args(
            ts, args, "timedelta",
            {"|", "days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"},
            {&days, &seconds, &us, &ms, &minutes, &hours, &weeks}))
        return Value();
    __int128 total = 0;
    double frac = 0;
    if (!add_component(ts, days, kUsPerDay, "days", &total, &frac) ||
        !add_component(ts, seconds, kUsPerSecond, "seconds", &total, &frac) ||
        !add_component(ts, us, 1, "microseconds", &total, &frac) ||
        !add_component(ts, ms, 1000, "milliseconds", &total, &frac) ||
        !add_component(ts, minutes, 60 * kUsPerSecond, "minutes", &total, &frac) ||
        !add_component(ts, hours, 3600 * kUsPerSecond, "hours", &total, &frac) ||
        !add_component(ts, weeks, 7 * kUsPerDay, "weeks", &total, &frac))
        return Value();
    double whole;
    double rest = std::modf(frac, &whole);
    total += static_cast<__int128>(whole);
    // Half to even on the whole count, not on the fraction alone.
    if (std::fabs(rest) == 0.5) {
        if (total % 2 != 0) total += rest > 0 ? 1 : -1;
    } else {
        total += static_cast<__int128>(std::nearbyint(rest));
    }
    return make_delta_us(ts, total, type);
}

// --- slots ---

Value delta_repr(ThreadState& ts, Value self) {
    DeltaObject* d = delta_obj(self);
    std::string out(repr_type_name(ts, self));
    out += '(';
    const char* sep = "";
    if (d->days) {
        out += fmt::format("days={}", d->days);
        sep = ", ";
    }
    if (d->seconds) {
        out += fmt::format("{}seconds={}", sep, d->seconds);
        sep = ", ";
    }
    if (d->us) out += fmt::format("{}microseconds={}", sep, d->us);
    if (!d->days && !d->seconds && !d->us) out += '0';
    out += ')';
    return make_str(ts, out);
}

Value delta_str(ThreadState& ts, Value self) {
    DeltaObject* d = delta_obj(self);
    std::string out;
    if (d->days)
        out = fmt::format("{} day{}, ", d->days, (d->days == 1 || d->days == -1) ? "" : "s");
    out +=
        fmt::format("{}:{:02d}:{:02d}", d->seconds / 3600, d->seconds / 60 % 60, d->seconds % 60);
    if (d->us) out += fmt::format(".{:06d}", d->us);
    return make_str(ts, out);
}

bool delta_hash(ThreadState&, Value self, int64_t* out) {
    DeltaObject* d = delta_obj(self);
    if (d->hashcode == -1) {
        uint64_t h = static_cast<uint64_t>(d->days) * 1000003u;
        h = (h ^ static_cast<uint64_t>(d->seconds)) * 1000003u;
        h ^= static_cast<uint64_t>(d->us);
        auto hh = static_cast<int64_t>(h >> 1);
        d->hashcode = hh == -1 ? -2 : hh;
    }
    *out = d->hashcode;
    return true;
}

Value delta_richcompare(ThreadState& ts, Value a, Value b, CompareOp op) {
    if (!is_delta(ts, a) || !is_delta(ts, b)) return Value::not_implemented();
    __int128 x = delta_total_us(a), y = delta_total_us(b);
    return compare_values(x < y ? -1 : x > y, 0, op);
}

Value delta_add(ThreadState& ts, Value a, Value b) {
    if (!is_delta(ts, a) || !is_delta(ts, b)) return Value::not_implemented();
    return make_delta_us(ts, delta_total_us(a) + delta_total_us(b));
}

Value delta_sub(ThreadState& ts, Value a, Value b) {
    if (!is_delta(ts, a) || !is_delta(ts, b)) return Value::not_implemented();
    return make_delta_us(ts, delta_total_us(a) - delta_total_us(b));
}

bool int_operand(ThreadState& ts, Value v, int64_t* out) {
    if (!int_to_int64(v, out)) {
        raise(ts, ts.exc_types().OverflowError, "Python int too large to convert to C int");
        return false;
    }
    return true;
}

Value delta_mul(ThreadState& ts, Value a, Value b) {
    Value d = is_delta(ts, a) ? a : b;
    Value k = d == a ? b : a;
    if (!is_delta(ts, d)) return Value::not_implemented();
    __int128 us = delta_total_us(d), out;
    if (is_int(k)) {
        int64_t n;
        if (!int_operand(ts, k, &n)) return Value();
        if (__builtin_mul_overflow(us, static_cast<__int128>(n), &out)) {
            return raise(ts, ts.exc_types().OverflowError,
                         "Python int too large to convert to C int");
        }
        return make_delta_us(ts, out);
    }
    if (!is_float(k)) return Value::not_implemented();
    if (!scale_by_float(ts, us, float_value(k), false, &out)) return Value();
    return make_delta_us(ts, out);
}

Value delta_truediv(ThreadState& ts, Value a, Value b) {
    if (!is_delta(ts, a)) return Value::not_implemented();
    __int128 us = delta_total_us(a), out;
    if (is_delta(ts, b)) {
        __int128 den = delta_total_us(b);
        if (den == 0) return raise_zero_division(ts, "division by zero");
        return make_float(ts, static_cast<double>(us) / static_cast<double>(den));
    }
    if (is_int(b)) {
        int64_t n;
        if (!int_operand(ts, b, &n)) return Value();
        if (n == 0) return raise_zero_division(ts, "integer division or modulo by zero");
        return make_delta_us(ts, round_even_div(us, n));
    }
    if (!is_float(b)) return Value::not_implemented();
    if (!scale_by_float(ts, us, float_value(b), true, &out)) return Value();
    return make_delta_us(ts, out);
}

Value delta_floordiv(ThreadState& ts, Value a, Value b) {
    if (!is_delta(ts, a)) return Value::not_implemented();
    __int128 us = delta_total_us(a);
    if (is_delta(ts, b)) {
        __int128 den = delta_total_us(b);
        if (den == 0) return raise_zero_division(ts, "integer division or modulo by zero");
        __int128 q = floor_div(us, den);
        return make_int(ts, static_cast<int64_t>(q));
    }
    if (!is_int(b)) return Value::not_implemented();
    int64_t n;
    if (!int_operand(ts, b, &n)) return Value();
    if (n == 0) return raise_zero_division(ts, "integer division or modulo by zero");
    return make_delta_us(ts, floor_div(us, n));
}

Value delta_mod(ThreadState& ts, Value a, Value b) {
    if (!is_delta(ts, a) || !is_delta(ts, b)) return Value::not_implemented();
    __int128 x = delta_total_us(a), y = delta_total_us(b);
    if (y == 0) return raise_zero_division(ts, "integer modulo by zero");
    return make_delta_us(ts, x - floor_div(x, y) * y);
}

Value delta_divmod(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "__divmod__", "__divmod__", 1, 1)) return Value();
    if (!is_delta(ts, args[1])) return Value::not_implemented();
    __int128 x = delta_total_us(args[0]), y = delta_total_us(args[1]);
    if (y == 0) return raise_zero_division(ts, "integer division or modulo by zero");
    __int128 q = floor_div(x, y);
    Ref qv(make_int(ts, static_cast<int64_t>(q)));
    Ref rv(qv ? make_delta_us(ts, x - q * y) : Value());
    if (!rv) return Value();
    return tuple_pack(ts, {*qv, *rv});
}

Value delta_neg(ThreadState& ts, Value self) {
    return make_delta_us(ts, -delta_total_us(self));
}

Value delta_pos(ThreadState& ts, Value self) {
    DeltaObject* d = delta_obj(self);
    return make_delta(ts, d->days, d->seconds, d->us);
}

Value delta_abs(ThreadState& ts, Value self) {
    return delta_obj(self)->days < 0 ? delta_neg(ts, self) : delta_pos(ts, self);
}

int delta_bool(ThreadState&, Value self) {
    DeltaObject* d = delta_obj(self);
    return d->days != 0 || d->seconds != 0 || d->us != 0;
}

Value delta_total_seconds(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "total_seconds", "total_seconds", 0, 0)) return Value();
    return make_float(ts, static_cast<double>(delta_total_us(args[0])) / 1e6);
}

Value delta_reduce(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "__reduce__", "__reduce__", 0, 0)) return Value();
    DeltaObject* d = delta_obj(args[0]);
    Ref days(make_int(ts, d->days));
    Ref state(days ? tuple_pack(ts, {*days, Value::small_int(d->seconds), Value::small_int(d->us)})
                   : Value());
    if (!state) return Value();
    return tuple_pack(ts, {val(type_of(ts, args[0])), *state});
}

void delta_dealloc(Object* o) {
    free_object(o);
}

}  // namespace

__int128 delta_total_us(Value delta) noexcept {
    DeltaObject* d = delta_obj(delta);
    return static_cast<__int128>(d->days) * kUsPerDay +
           static_cast<__int128>(d->seconds) * kUsPerSecond + d->us;
}

Value make_delta(ThreadState& ts, int64_t days, int64_t seconds, int64_t us, TypeObject* type) {
    return make_delta_us(ts,
                         static_cast<__int128>(days) * kUsPerDay +
                             static_cast<__int128>(seconds) * kUsPerSecond + us,
                         type);
}

Value make_delta_us(ThreadState& ts, __int128 us, TypeObject* type) {
    __int128 days = floor_div(us, kUsPerDay);
    int64_t rest = static_cast<int64_t>(us - days * kUsPerDay);
    if (days > INT32_MAX || days < INT32_MIN)
        return raise(ts, ts.exc_types().OverflowError, "Python int too large to convert to C int");
    if (days > kMaxDeltaDays || days < -kMaxDeltaDays) {
        return raise_fmt(ts, ts.exc_types().OverflowError,
                         "days={}; must have magnitude <= 999999999", static_cast<int64_t>(days));
    }
    Object* o = alloc_instance(ts, type ? type : dt_types(ts).delta);
    if (!o) return Value();
    auto* d = reinterpret_cast<DeltaObject*>(o);
    d->days = static_cast<int64_t>(days);
    d->seconds = static_cast<int32_t>(rest / kUsPerSecond);
    d->us = static_cast<int32_t>(rest % kUsPerSecond);
    d->hashcode = -1;
    return Value::object(o);
}

TypeObject* make_delta_type(Interpreter& interp) {
    TypeObject* t = native_type(interp, "datetime.timedelta", "timedelta", sizeof(DeltaObject),
                                interp.types.object);
    t->new_ = delta_new;
    t->dealloc = delta_dealloc;
    t->repr = delta_repr;
    t->str = delta_str;
    t->hash = delta_hash;
    t->richcompare = delta_richcompare;
    t->nb[static_cast<int>(BinOp::Add)] = delta_add;
    t->nb[static_cast<int>(BinOp::Sub)] = delta_sub;
    t->nb[static_cast<int>(BinOp::Mul)] = delta_mul;
    t->nb[static_cast<int>(BinOp::TrueDiv)] = delta_truediv;
    t->nb[static_cast<int>(BinOp::FloorDiv)] = delta_floordiv;
    t->nb[static_cast<int>(BinOp::Mod)] = delta_mod;
    t->nb_neg = delta_neg;
    t->nb_pos = delta_pos;
    t->nb_abs = delta_abs;
    t->bool_ = delta_bool;
    static constexpr MethodDef kDivmod[] = {{"__divmod__", delta_divmod}};
    type_add_methods(interp, t, kDeltaMethods);
    type_add_methods(interp, t, kDivmod);
    type_add_getsets(interp, t, kDeltaGetSets);
    type_ready(interp, t);
    return t;
}

void add_delta_constants(Interpreter& interp, DateTimeTypes& types) {
    ThreadState& ts = interp.main_thread();
    Ref mn(make_delta(ts, -kMaxDeltaDays, 0, 0));
    Ref mx(make_delta(ts, kMaxDeltaDays, 86399, 999999));
    Ref res(make_delta(ts, 0, 0, 1));
    type_set_attr_cstr(interp, types.delta, "min", *mn);
    type_set_attr_cstr(interp, types.delta, "max", *mx);
    type_set_attr_cstr(interp, types.delta, "resolution", *res);
}

}  // namespace gilt
