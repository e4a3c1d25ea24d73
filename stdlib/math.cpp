// The math module, following CPython's Modules/mathmodule.c.
//
// Most functions are "math_1": convert the argument to a double, call libm,
// then classify the result the way CPython does, because libm's errno
// reporting varies: a NaN from a non-NaN argument is a domain error
// (ValueError "math domain error"); an infinity from a finite argument is
// an overflow (OverflowError "math range error") for functions that can
// overflow and a domain error (a pole, like log(0)) for the others.
//
// The integer functions (gcd, lcm, factorial, comb, perm, isqrt) work on
// GMP integers; fsum is Shewchuk's exact summation as CPython's; hypot and
// dist use CPython 3.11's accurate vector_norm.
#include "stdlib/math.hpp"

#include <gmp.h>

#include <cerrno>
#include <cfloat>
#include <climits>
#include <cmath>
#include <numbers>
#include <vector>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/errors.hpp"
#include "runtime/float.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/module.hpp"
#include "runtime/tuple.hpp"

namespace gilt {

namespace {

Value math_sqrt(ThreadState& ts, Args args);
Value math_exp(ThreadState& ts, Args args);
Value math_exp2(ThreadState& ts, Args args);
Value math_expm1(ThreadState& ts, Args args);
Value math_log(ThreadState& ts, Args args);
Value math_log2(ThreadState& ts, Args args);
Value math_log10(ThreadState& ts, Args args);
Value math_log1p(ThreadState& ts, Args args);
Value math_sin(ThreadState& ts, Args args);
Value math_cos(ThreadState& ts, Args args);
Value math_tan(ThreadState& ts, Args args);
Value math_asin(ThreadState& ts, Args args);
Value math_acos(ThreadState& ts, Args args);
Value math_atan(ThreadState& ts, Args args);
Value math_sinh(ThreadState& ts, Args args);
Value math_cosh(ThreadState& ts, Args args);
Value math_tanh(ThreadState& ts, Args args);
Value math_asinh(ThreadState& ts, Args args);
Value math_acosh(ThreadState& ts, Args args);
Value math_atanh(ThreadState& ts, Args args);
Value math_cbrt(ThreadState& ts, Args args);
Value math_erf(ThreadState& ts, Args args);
Value math_erfc(ThreadState& ts, Args args);
Value math_gamma(ThreadState& ts, Args args);
Value math_lgamma(ThreadState& ts, Args args);
Value math_fabs(ThreadState& ts, Args args);
Value math_atan2(ThreadState& ts, Args args);
Value math_copysign(ThreadState& ts, Args args);
Value math_fmod(ThreadState& ts, Args args);
Value math_remainder(ThreadState& ts, Args args);
Value math_pow(ThreadState& ts, Args args);
Value math_hypot(ThreadState& ts, Args args);
Value math_dist(ThreadState& ts, Args args);
Value math_degrees(ThreadState& ts, Args args);
Value math_radians(ThreadState& ts, Args args);
Value math_floor(ThreadState& ts, Args args);
Value math_ceil(ThreadState& ts, Args args);
Value math_trunc(ThreadState& ts, Args args);
Value math_modf(ThreadState& ts, Args args);
Value math_frexp(ThreadState& ts, Args args);
Value math_ldexp(ThreadState& ts, Args args);
Value math_isfinite(ThreadState& ts, Args args);
Value math_isinf(ThreadState& ts, Args args);
Value math_isnan(ThreadState& ts, Args args);
Value math_isclose(ThreadState& ts, Args args);
Value math_nextafter(ThreadState& ts, Args args);
Value math_ulp(ThreadState& ts, Args args);
Value math_fsum(ThreadState& ts, Args args);
Value math_prod(ThreadState& ts, Args args);
Value math_gcd(ThreadState& ts, Args args);
Value math_lcm(ThreadState& ts, Args args);
Value math_isqrt(ThreadState& ts, Args args);
Value math_factorial(ThreadState& ts, Args args);
Value math_comb(ThreadState& ts, Args args);
Value math_perm(ThreadState& ts, Args args);

constexpr MethodDef kMathFunctions[] = {
    {"sqrt", math_sqrt},
    {"exp", math_exp},
    {"exp2", math_exp2},
    {"expm1", math_expm1},
    {"log", math_log},
    {"log2", math_log2},
    {"log10", math_log10},
    {"log1p", math_log1p},
    {"sin", math_sin},
    {"cos", math_cos},
    {"tan", math_tan},
    {"asin", math_asin},
    {"acos", math_acos},
    {"atan", math_atan},
    {"sinh", math_sinh},
    {"cosh", math_cosh},
    {"tanh", math_tanh},
    {"asinh", math_asinh},
    {"acosh", math_acosh},
    {"atanh", math_atanh},
    {"cbrt", math_cbrt},
    {"erf", math_erf},
    {"erfc", math_erfc},
    {"gamma", math_gamma},
    {"lgamma", math_lgamma},
    {"fabs", math_fabs},
    {"atan2", math_atan2},
    {"copysign", math_copysign},
    {"fmod", math_fmod},
    {"remainder", math_remainder},
    {"pow", math_pow},
    {"hypot", math_hypot},
    {"dist", math_dist},
    {"degrees", math_degrees},
    {"radians", math_radians},
    {"floor", math_floor},
    {"ceil", math_ceil},
    {"trunc", math_trunc},
    {"modf", math_modf},
    {"frexp", math_frexp},
    {"ldexp", math_ldexp},
    {"isfinite", math_isfinite},
    {"isinf", math_isinf},
    {"isnan", math_isnan},
    {"isclose", math_isclose},
    {"nextafter", math_nextafter},
    {"ulp", math_ulp},
    {"fsum", math_fsum},
    {"prod", math_prod},
    {"gcd", math_gcd},
    {"lcm", math_lcm},
    {"isqrt", math_isqrt},
    {"factorial", math_factorial},
    {"comb", math_comb},
    {"perm", math_perm},
};

// --- errors and conversions ---

Value domain_error(ThreadState& ts) {
    return raise(ts, ts.exc_types().ValueError, "math domain error");
}
Value range_error(ThreadState& ts) {
    return raise(ts, ts.exc_types().OverflowError, "math range error");
}

// CPython's is_error(): ERANGE below 1.5 in magnitude is an underflow,
// which is not an error. Returns the exception (null) or a non-null marker.
bool raise_for_errno(ThreadState& ts, double r) {
    if (errno == EDOM) {
        domain_error(ts);
        return true;
    }
    if (errno == ERANGE && std::fabs(r) >= 1.5) {
        range_error(ts);
        return true;
    }
    return false;
}

// PyFloat_AsDouble with a fast path for the common types.
bool as_double(ThreadState& ts, Value v, double* out) {
    if (is_float(v)) {
        *out = float_value(v);
        return true;
    }
    if (v.is_small_int()) {
        *out = static_cast<double>(v.as_small_int());
        return true;
    }
    return obj_as_double(ts, v, out);
}

bool one_double(ThreadState& ts, Args args, const char* name, double* x) {
    return check_nargs(ts, args, name, 1, 1) && as_double(ts, args[0], x);
}

bool two_doubles(ThreadState& ts, Args args, const char* name, double* x, double* y) {
    return check_nargs(ts, args, name, 2, 2) && as_double(ts, args[0], x) &&
           as_double(ts, args[1], y);
}

// An int (through __index__) as a new reference; TypeError for floats etc.
Value index_value(ThreadState& ts, Value v) {
    if (is_int(v)) return int_exact(ts, v);
    UnarySlot index = type_of(ts, v)->nb_index;
    if (!index)
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "'{}' object cannot be interpreted as an integer", type_name(ts, v));
    Ref r(index(ts, v));
    if (!r) return Value();
    if (!is_int(*r))
        return raise_fmt(ts, ts.exc_types().TypeError, "__index__ returned non-int (type {})",
                         type_name(ts, *r));
    return int_exact(ts, *r);
}

// RAII mpz holding the value of an int.
struct MathMpz {
    mpz_t v;
    MathMpz() { mpz_init(v); }
    ~MathMpz() { mpz_clear(v); }
    MathMpz(const MathMpz&) = delete;
    MathMpz& operator=(const MathMpz&) = delete;
};

bool index_mpz(ThreadState& ts, Value v, mpz_t out) {
    Ref i(index_value(ts, v));
    if (!i) return false;
    int_to_mpz(*i, out);
    return true;
}

// --- math_1: one double in, one double out ---

Value math_1(ThreadState& ts, Args args, const char* name, double (*f)(double), bool can_overflow) {
    double x;
    if (!one_double(ts, args, name, &x)) return Value();
    errno = 0;
    double r = f(x);
    if (std::isnan(r) && !std::isnan(x)) return domain_error(ts);
    if (std::isinf(r) && std::isfinite(x)) return can_overflow ? range_error(ts) : domain_error(ts);
    if (std::isfinite(r) && errno && raise_for_errno(ts, r)) return Value();
    return make_float(ts, r);
}

double m_log(double x) {
    if (std::isfinite(x)) {
        if (x > 0.0) return std::log(x);
        return x == 0.0 ? -HUGE_VAL : NAN;
    }
    if (std::isnan(x) || x > 0.0) return x;
    return NAN;
}

double m_log2(double x) {
    if (!std::isfinite(x)) return std::isnan(x) || x > 0.0 ? x : NAN;
    if (x > 0.0) return std::log2(x);
    return x == 0.0 ? -HUGE_VAL : NAN;
}

double m_log10(double x) {
    if (!std::isfinite(x)) return std::isnan(x) || x > 0.0 ? x : NAN;
    if (x > 0.0) return std::log10(x);
    return x == 0.0 ? -HUGE_VAL : NAN;
}

double m_log1p(double x) {
    return x == -1.0 ? -HUGE_VAL : std::log1p(x);
}

Value math_sqrt(ThreadState& ts, Args a) {
    return math_1(
        ts, a, "sqrt", [](double x) { return std::sqrt(x); }, false);
}
Value math_exp(ThreadState& ts, Args a) {
    return math_1(
        ts, a, "exp", [](double x) { return std::exp(x); }, true);
}
Value math_exp2(ThreadState& ts, Args a) {
    return math_1(
        ts, a, "exp2", [](double x) { return std::exp2(x); }, true);
}
Value math_expm1(ThreadState& ts, Args a) {
    return math_1(
        ts, a, "expm1", [](double x) { return std::expm1(x); }, true);
}
Value math_log1p(ThreadState& ts, Args a) {
    return math_1(ts, a, "log1p", m_log1p, false);
}
Value math_sin(ThreadState& ts, Args a) {
    return math_1(
        ts, a, "sin", [](double x) { return std::sin(x); }, false);
}
Value math_cos(ThreadState& ts, Args a) {
    return math_1(
        ts, a, "cos", [](double x) { return std::cos(x); }, false);
}
Value math_tan(ThreadState& ts, Args a) {
    return math_1(
        ts, a, "tan", [](double x) { return std::tan(x); }, false);
}
Value math_asin(ThreadState& ts, Args a) {
    return math_1(
        ts, a, "asin", [](double x) { return std::asin(x); }, false);
}
Value math_acos(ThreadState& ts, Args a) {
    return math_1(
        ts, a, "acos", [](double x) { return std::acos(x); }, false);
}
Value math_atan(ThreadState& ts, Args a) {
    return math_1(
        ts, a, "atan", [](double x) { return std::atan(x); }, false);
}
Value math_sinh(ThreadState& ts, Args a) {
    return math_1(
        ts, a, "sinh", [](double x) { return std::sinh(x); }, true);
}
Value math_cosh(ThreadState& ts, Args a) {
    return math_1(
        ts, a, "cosh", [](double x) { return std::cosh(x); }, true);
}
Value math_tanh(ThreadState& ts, Args a) {
    return math_1(
        ts, a, "tanh", [](double x) { return std::tanh(x); }, false);
}
Value math_asinh(ThreadState& ts, Args a) {
    return math_1(
        ts, a, "asinh", [](double x) { return std::asinh(x); }, false);
}
Value math_acosh(ThreadState& ts, Args a) {
    return math_1(
        ts, a, "acosh", [](double x) { return std::acosh(x); }, false);
}
Value math_atanh(ThreadState& ts, Args a) {
    return math_1(
        ts, a, "atanh", [](double x) { return std::atanh(x); }, false);
}
Value math_cbrt(ThreadState& ts, Args a) {
    return math_1(
        ts, a, "cbrt", [](double x) { return std::cbrt(x); }, false);
}
Value math_erf(ThreadState& ts, Args a) {
    return math_1(
        ts, a, "erf", [](double x) { return std::erf(x); }, false);
}
Value math_erfc(ThreadState& ts, Args a) {
    return math_1(
        ts, a, "erfc", [](double x) { return std::erfc(x); }, false);
}
Value math_fabs(ThreadState& ts, Args a) {
    return math_1(
        ts, a, "fabs", [](double x) { return std::fabs(x); }, false);
}

bool is_nonpositive_integer(double x) {
    return x <= 0.0 && x == std::floor(x);
}

// TODO: CPython computes gamma and lgamma with its own Lanczos
// approximation; libm's results can differ from it in the last digit.
Value math_gamma(ThreadState& ts, Args a) {
    // A pole (0, -1, ...) is a domain error in CPython, not an overflow.
    auto f = [](double x) {
        return std::isfinite(x) && is_nonpositive_integer(x) ? NAN : std::tgamma(x);
    };
    return math_1(ts, a, "gamma", f, true);
}

Value math_lgamma(ThreadState& ts, Args a) {
    auto f = [](double x) {
        return std::isfinite(x) && is_nonpositive_integer(x) ? NAN : std::lgamma(x);
    };
    return math_1(ts, a, "lgamma", f, true);
}

// --- logarithms: ints of any size are accepted (CPython's loghelper) ---

// func(x) for an int too large for a double: func(m) + func(2) * e.
Value log_of_big_int(ThreadState& ts, Value x, double (*func)(double)) {
    MathMpz z;
    int_to_mpz(x, z.v);
    long e;
    double m = mpz_get_d_2exp(&e, z.v);
    return make_float(ts, func(m) + func(2.0) * static_cast<double>(e));
}

Value log_helper(ThreadState& ts, Value x, const char* name, double (*func)(double)) {
    if (is_int(x) && !x.is_small_int()) {
        if (int_sign(x) <= 0) return domain_error(ts);
        bool overflow = false;
        double d = int_to_double(ts, x, &overflow);
        if (overflow) return log_of_big_int(ts, x, func);
        Value arg = Value();
        Ref f(make_float(ts, d));
        if (!f) return Value();
        arg = *f;
        return math_1(ts, Args{&arg, 1, nullptr}, name, func, false);
    }
    return math_1(ts, Args{&x, 1, nullptr}, name, func, false);
}

Value math_log(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "log", 1, 2)) return Value();
    Ref num(log_helper(ts, args[0], "log", m_log));
    if (!num || args.n == 1) return num.release();
    Ref den(log_helper(ts, args[1], "log", m_log));
    if (!den) return Value();
    return binary_op(ts, BinOp::TrueDiv, *num, *den);
}

Value math_log2(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "log2", 1, 1)) return Value();
    return log_helper(ts, args[0], "log2", m_log2);
}

Value math_log10(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "log10", 1, 1)) return Value();
    return log_helper(ts, args[0], "log10", m_log10);
}

// --- two-argument functions ---

Value math_atan2(ThreadState& ts, Args args) {
    double y, x;
    if (!two_doubles(ts, args, "atan2", &y, &x)) return Value();
    return make_float(ts, std::atan2(y, x));
}

Value math_copysign(ThreadState& ts, Args args) {
    double x, y;
    if (!two_doubles(ts, args, "copysign", &x, &y)) return Value();
    return make_float(ts, std::copysign(x, y));
}

Value math_fmod(ThreadState& ts, Args args) {
    double x, y;
    if (!two_doubles(ts, args, "fmod", &x, &y)) return Value();
    if (std::isinf(y) && std::isfinite(x)) return make_float(ts, x);
    double r = std::fmod(x, y);
    if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return domain_error(ts);
    return make_float(ts, r);
}

Value math_remainder(ThreadState& ts, Args args) {
    double x, y;
    if (!two_doubles(ts, args, "remainder", &x, &y)) return Value();
    if (std::isnan(x)) return make_float(ts, x);
    if (std::isnan(y)) return make_float(ts, y);
    if (std::isinf(x) || y == 0.0) return domain_error(ts);
    if (std::isinf(y)) return make_float(ts, x);
    return make_float(ts, std::remainder(x, y));
}

// math.pow: IEEE special values handled directly (CPython's math_pow).
double pow_specials(double x, double y) {
    if (std::isnan(x)) return y == 0.0 ? 1.0 : x;
    if (std::isnan(y)) return x == 1.0 ? 1.0 : y;
    if (std::isinf(x)) {
        bool odd_y = std::isfinite(y) && std::fmod(std::fabs(y), 2.0) == 1.0;
        if (y > 0.0) return odd_y ? x : std::fabs(x);
        if (y == 0.0) return 1.0;
        return odd_y ? std::copysign(0.0, x) : 0.0;
    }
    if (std::fabs(x) == 1.0) return 1.0;
    if (y > 0.0 && std::fabs(x) > 1.0) return y;
    if (y < 0.0 && std::fabs(x) < 1.0) return -y;
    return 0.0;
}

Value math_pow(ThreadState& ts, Args args) {
    double x, y;
    if (!two_doubles(ts, args, "pow", &x, &y)) return Value();
    if (!std::isfinite(x) || !std::isfinite(y)) return make_float(ts, pow_specials(x, y));
    double r = std::pow(x, y);
    if (std::isnan(r)) return domain_error(ts);
    if (std::isinf(r)) return x == 0.0 ? domain_error(ts) : range_error(ts);
    return make_float(ts, r);
}

// --- hypot and dist: CPython 3.11's vector_norm ---

struct DoubleLength {
    double hi, lo;
};

DoubleLength dl_fast_sum(double a, double b) {
    double x = a + b;
    return {x, (a - x) + b};
}

DoubleLength dl_mul(double x, double y) {
    double z = x * y;
    return {z, std::fma(x, y, -z)};
}

// sqrt(sum(x*x for x in vec)) to within about one ulp; `max` is the largest
// magnitude in vec.
double vector_norm(std::vector<double>& vec, double max, bool found_nan) {
    if (std::isinf(max)) return max;
    if (found_nan) return NAN;
    if (max == 0.0 || vec.size() <= 1) return max;
    int max_e;
    std::frexp(max, &max_e);
    if (max_e < -1023) {  // ldexp(1.0, -max_e) would overflow: rescale subnormals
        for (double& x : vec) x /= DBL_MIN;
        return DBL_MIN * vector_norm(vec, max / DBL_MIN, found_nan);
    }
    double scale = std::ldexp(1.0, -max_e), csum = 1.0, frac1 = 0.0, frac2 = 0.0;
    for (double x : vec) {
        x *= scale;
        DoubleLength pr = dl_mul(x, x);
        DoubleLength sm = dl_fast_sum(csum, pr.hi);
        csum = sm.hi;
        frac1 += pr.lo;
        frac2 += sm.lo;
    }
    double h = std::sqrt(csum - 1.0 + (frac1 + frac2));
    DoubleLength pr = dl_mul(-h, h);
    DoubleLength sm = dl_fast_sum(csum, pr.hi);
    csum = sm.hi;
    frac1 += pr.lo;
    frac2 += sm.lo;
    double x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    return h / scale;
}

Value math_hypot(ThreadState& ts, Args args) {
    if (!no_kwargs(ts, args, "hypot")) return Value();
    std::vector<double> vec(args.n);
    double max = 0.0;
    bool found_nan = false;
    for (uint32_t i = 0; i < args.n; ++i) {
        double x;
        if (!as_double(ts, args[i], &x)) return Value();
        x = std::fabs(x);
        vec[i] = x;
        found_nan |= std::isnan(x);
        if (x > max) max = x;
    }
    return make_float(ts, vector_norm(vec, max, found_nan));
}

Value math_dist(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "dist", 2, 2)) return Value();
    Ref p(tuple_from_iterable(ts, args[0]));
    if (!p) return Value();
    Ref q(tuple_from_iterable(ts, args[1]));
    if (!q) return Value();
    uint64_t n = tuple_size(*p);
    if (tuple_size(*q) != n)
        return raise(ts, ts.exc_types().ValueError,
                     "both points must have the same number of dimensions");
    std::vector<double> vec(n);
    double max = 0.0;
    bool found_nan = false;
    for (uint64_t i = 0; i < n; ++i) {
        double px, qx;
        if (!as_double(ts, tuple_item(*p, i), &px) || !as_double(ts, tuple_item(*q, i), &qx))
            return Value();
        double x = std::fabs(px - qx);
        vec[i] = x;
        found_nan |= std::isnan(x);
        if (x > max) max = x;
    }
    return make_float(ts, vector_norm(vec, max, found_nan));
}

Value math_degrees(ThreadState& ts, Args args) {
    double x;
    if (!one_double(ts, args, "degrees", &x)) return Value();
    return make_float(ts, x * (180.0 / std::numbers::pi));
}

Value math_radians(ThreadState& ts, Args args) {
    double x;
    if (!one_double(ts, args, "radians", &x)) return Value();
    return make_float(ts, x * (std::numbers::pi / 180.0));
}

// --- rounding to integers ---

// floor/ceil: exact floats directly, else the type's __floor__/__ceil__,
// else the value as a float.
Value floor_or_ceil(ThreadState& ts, Args args, const char* name, Value dunder,
                    double (*f)(double)) {
    if (!check_nargs(ts, args, name, 1, 1)) return Value();
    Value x = args[0];
    if (is_exact_float(ts, x)) return int_from_double(ts, f(float_value(x)));
    Value method = lookup_special(ts, x, dunder);
    if (!method.is_null()) return call_bound_special(ts, method, x, Args{});
    double d;
    if (!as_double(ts, x, &d)) return Value();
    return int_from_double(ts, f(d));
}

Value math_floor(ThreadState& ts, Args args) {
    return floor_or_ceil(ts, args, "floor", ts.names().__floor__,
                         [](double x) { return std::floor(x); });
}

Value math_ceil(ThreadState& ts, Args args) {
    return floor_or_ceil(ts, args, "ceil", ts.names().__ceil__,
                         [](double x) { return std::ceil(x); });
}

Value math_trunc(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "trunc", 1, 1)) return Value();
    Value x = args[0];
    if (is_exact_float(ts, x)) return int_from_double(ts, float_value(x));
    Value method = lookup_special(ts, x, ts.names().__trunc__);
    if (method.is_null())
        return raise_fmt(ts, ts.exc_types().TypeError, "type {} doesn't define __trunc__ method",
                         type_name(ts, x));
    return call_bound_special(ts, method, x, Args{});
}

Value pack_floats(ThreadState& ts, double a, double b) {
    Ref x(make_float(ts, a)), y(make_float(ts, b));
    if (!x || !y) return Value();
    return tuple_pack(ts, {*x, *y});
}

Value math_modf(ThreadState& ts, Args args) {
    double x;
    if (!one_double(ts, args, "modf", &x)) return Value();
    if (std::isinf(x)) return pack_floats(ts, std::copysign(0.0, x), x);
    if (std::isnan(x)) return pack_floats(ts, x, x);
    double int_part;
    double frac = std::modf(x, &int_part);
    return pack_floats(ts, frac, int_part);
}

Value math_frexp(ThreadState& ts, Args args) {
    double x;
    if (!one_double(ts, args, "frexp", &x)) return Value();
    int e = 0;
    double m = (std::isnan(x) || std::isinf(x) || x == 0.0) ? x : std::frexp(x, &e);
    Ref mv(make_float(ts, m));
    if (!mv) return Value();
    return tuple_pack(ts, {*mv, Value::small_int(e)});
}

Value math_ldexp(ThreadState& ts, Args args) {
    double x;
    if (!check_nargs(ts, args, "ldexp", 2, 2) || !as_double(ts, args[0], &x)) return Value();
    if (!is_int(args[1]))
        return raise(ts, ts.exc_types().TypeError, "Expected an int as second argument to ldexp.");
    int64_t exp;
    if (!int_to_int64(args[1], &exp)) exp = int_sign(args[1]) < 0 ? INT64_MIN : INT64_MAX;
    if (x == 0.0 || !std::isfinite(x)) return make_float(ts, x);
    if (exp > INT_MAX) return range_error(ts);
    if (exp < INT_MIN) return make_float(ts, std::copysign(0.0, x));
    double r = std::ldexp(x, static_cast<int>(exp));
    if (std::isinf(r)) return range_error(ts);
    return make_float(ts, r);
}

// --- classification and comparison ---

Value math_isfinite(ThreadState& ts, Args args) {
    double x;
    if (!one_double(ts, args, "isfinite", &x)) return Value();
    return Value::boolean(std::isfinite(x));
}

Value math_isinf(ThreadState& ts, Args args) {
    double x;
    if (!one_double(ts, args, "isinf", &x)) return Value();
    return Value::boolean(std::isinf(x));
}

Value math_isnan(ThreadState& ts, Args args) {
    double x;
    if (!one_double(ts, args, "isnan", &x)) return Value();
    return Value::boolean(std::isnan(x));
}

Value math_isclose(ThreadState& ts, Args args) {
    Value av, bv, rel_v, abs_v;
    if (!parse_args(ts, args, "isclose", {"a", "b", "|", "$rel_tol", "$abs_tol"},
                    {&av, &bv, &rel_v, &abs_v}))
        return Value();
    double a, b, rel_tol = 1e-09, abs_tol = 0.0;
    if (!as_double(ts, av, &a) || !as_double(ts, bv, &b)) return Value();
    if (!rel_v.is_null() && !as_double(ts, rel_v, &rel_tol)) return Value();
    if (!abs_v.is_null() && !as_double(ts, abs_v, &abs_tol)) return Value();
    if (rel_tol < 0.0 || abs_tol < 0.0)
        return raise(ts, ts.exc_types().ValueError, "tolerances must be non-negative");
    if (a == b) return Value::true_();
    if (std::isinf(a) || std::isinf(b)) return Value::false_();
    double diff = std::fabs(b - a);
    return Value::boolean(diff <= std::fabs(rel_tol * b) || diff <= std::fabs(rel_tol * a) ||
                          diff <= abs_tol);
}

Value math_nextafter(ThreadState& ts, Args args) {
    double x, y;
    if (!two_doubles(ts, args, "nextafter", &x, &y)) return Value();
    return make_float(ts, std::nextafter(x, y));
}

Value math_ulp(ThreadState& ts, Args args) {
    double x;
    if (!one_double(ts, args, "ulp", &x)) return Value();
    if (std::isnan(x)) return make_float(ts, x);
    x = std::fabs(x);
    if (std::isinf(x)) return make_float(ts, x);
    double x2 = std::nextafter(x, HUGE_VAL);
    if (std::isinf(x2))
        return make_float(ts, x - std::nextafter(x, -HUGE_VAL));  // x is the largest double
    return make_float(ts, x2 - x);
}

// --- fsum: Shewchuk's algorithm, as CPython's math_fsum ---

struct FsumState {
    std::vector<double> partials;
    double special_sum = 0.0, inf_sum = 0.0;
};

// Adds x to the partials exactly; false on intermediate overflow.
bool fsum_add(FsumState& s, double x) {
    double xsave = x;
    size_t i = 0;
    for (double y : s.partials) {
        if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
        double hi = x + y, lo = y - (hi - x);
        if (lo != 0.0) s.partials[i++] = lo;
        x = hi;
    }
    s.partials.resize(i);
    if (x == 0.0) return true;
    if (std::isfinite(x)) {
        s.partials.push_back(x);
        return true;
    }
    if (std::isfinite(xsave)) return false;
    if (std::isinf(xsave)) s.inf_sum += xsave;
    s.special_sum += xsave;
    s.partials.clear();
    return true;
}

double fsum_result(std::vector<double>& p) {
    size_t n = p.size();
    if (n == 0) return 0.0;
    double hi = p[--n], lo = 0.0;
    while (n > 0) {  // sum from the top, stopping when the sum becomes inexact
        double x = hi, y = p[--n];
        hi = x + y;
        lo = y - (hi - x);
        if (lo != 0.0) break;
    }
    // Half-even rounding across several partials.
    if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
        double y = lo * 2.0, x = hi + y;
        if (y == x - hi) hi = x;
    }
    return hi;
}

Value math_fsum(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "fsum", 1, 1)) return Value();
    Ref it(obj_iter(ts, args[0]));
    if (!it) return Value();
    FsumState s;
    for (;;) {
        Ref item(iter_next(ts, *it));
        if (!item) {
            if (ts.has_exception()) return Value();
            break;
        }
        double x;
        if (!as_double(ts, *item, &x)) return Value();
        if (!fsum_add(s, x))
            return raise(ts, ts.exc_types().OverflowError, "intermediate overflow in fsum");
    }
    if (s.special_sum != 0.0) {
        if (std::isnan(s.inf_sum))
            return raise(ts, ts.exc_types().ValueError, "-inf + inf in fsum");
        return make_float(ts, s.special_sum);
    }
    return make_float(ts, fsum_result(s.partials));
}

Value math_prod(ThreadState& ts, Args args) {
    Value iterable, start;
    if (!parse_args(ts, args, "prod", {"/iterable", "|", "$start"}, {&iterable, &start}))
        return Value();
    Ref it(obj_iter(ts, iterable));
    if (!it) return Value();
    Ref result = Ref::borrow(start.is_null() ? Value::small_int(1) : start);
    for (;;) {
        Ref item(iter_next(ts, *it));
        if (!item) {
            if (ts.has_exception()) return Value();
            return result.release();
        }
        result = Ref(binary_op(ts, BinOp::Mul, *result, *item));
        if (!result) return Value();
    }
}

// --- integer functions ---

Value math_gcd(ThreadState& ts, Args args) {
    if (!no_kwargs(ts, args, "gcd")) return Value();
    MathMpz acc, x;
    for (uint32_t i = 0; i < args.n; ++i) {
        if (!index_mpz(ts, args[i], x.v)) return Value();
        mpz_gcd(acc.v, acc.v, x.v);
    }
    return make_int_mpz(ts, acc.v);
}

Value math_lcm(ThreadState& ts, Args args) {
    if (!no_kwargs(ts, args, "lcm")) return Value();
    MathMpz acc, x;
    mpz_set_ui(acc.v, 1);
    for (uint32_t i = 0; i < args.n; ++i) {
        if (!index_mpz(ts, args[i], x.v)) return Value();
        mpz_lcm(acc.v, acc.v, x.v);
    }
    return make_int_mpz(ts, acc.v);
}

Value math_isqrt(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "isqrt", 1, 1)) return Value();
    MathMpz n;
    if (!index_mpz(ts, args[0], n.v)) return Value();
    if (mpz_sgn(n.v) < 0)
        return raise(ts, ts.exc_types().ValueError, "isqrt() argument must be nonnegative");
    mpz_sqrt(n.v, n.v);
    return make_int_mpz(ts, n.v);
}

Value factorial_of(ThreadState& ts, mpz_t n) {
    if (mpz_sgn(n) < 0)
        return raise(ts, ts.exc_types().ValueError, "factorial() not defined for negative values");
    if (!mpz_fits_slong_p(n))
        return raise_fmt(ts, ts.exc_types().OverflowError,
                         "factorial() argument should not exceed {}", LONG_MAX);
    mpz_fac_ui(n, mpz_get_ui(n));
    return make_int_mpz(ts, n);
}

Value math_factorial(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "factorial", 1, 1)) return Value();
    MathMpz n;
    if (!index_mpz(ts, args[0], n.v)) return Value();
    return factorial_of(ts, n.v);
}

// n and k for comb/perm: both non-negative ints.
bool comb_args(ThreadState& ts, Value nv, Value kv, mpz_t n, mpz_t k) {
    if (!index_mpz(ts, nv, n) || !index_mpz(ts, kv, k)) return false;
    if (mpz_sgn(n) < 0) {
        raise(ts, ts.exc_types().ValueError, "n must be a non-negative integer");
        return false;
    }
    if (mpz_sgn(k) < 0) {
        raise(ts, ts.exc_types().ValueError, "k must be a non-negative integer");
        return false;
    }
    return true;
}

Value math_comb(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "comb", 2, 2)) return Value();
    MathMpz n, k, nk;
    if (!comb_args(ts, args[0], args[1], n.v, k.v)) return Value();
    if (mpz_cmp(k.v, n.v) > 0) return Value::small_int(0);
    mpz_sub(nk.v, n.v, k.v);
    if (mpz_cmp(nk.v, k.v) < 0) mpz_swap(nk.v, k.v);  // k = min(k, n - k)
    if (!mpz_fits_slong_p(k.v))
        return raise_fmt(ts, ts.exc_types().OverflowError, "min(n - k, k) must not exceed {}",
                         LONG_MAX);
    mpz_bin_ui(n.v, n.v, mpz_get_ui(k.v));
    return make_int_mpz(ts, n.v);
}

Value math_perm(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "perm", 1, 2)) return Value();
    MathMpz n, k, f;
    if (args.n == 1 || args[1].is_none()) {
        if (!index_mpz(ts, args[0], n.v)) return Value();
        return factorial_of(ts, n.v);  // perm(n) is factorial(n), with its errors
    }
    if (!comb_args(ts, args[0], args[1], n.v, k.v)) return Value();
    if (mpz_cmp(k.v, n.v) > 0) return Value::small_int(0);
    if (!mpz_fits_slong_p(k.v))
        return raise_fmt(ts, ts.exc_types().OverflowError, "k must not exceed {}", LONG_MAX);
    unsigned long kk = mpz_get_ui(k.v);
    mpz_bin_ui(n.v, n.v, kk);  // perm(n, k) = comb(n, k) * k!
    mpz_fac_ui(f.v, kk);
    mpz_mul(n.v, n.v, f.v);
    return make_int_mpz(ts, n.v);
}

}  // namespace

Value init_math_module(ThreadState& ts) {
    Ref m(module_new(ts, "math"));
    if (!m || !module_add_functions(ts, *m, kMathFunctions)) return Value();
    const struct {
        const char* name;
        double value;
    } constants[] = {
        {"pi", std::numbers::pi}, {"e", std::numbers::e}, {"tau", 2 * std::numbers::pi},
        {"inf", HUGE_VAL},        {"nan", NAN},
    };
    for (const auto& c : constants)
        if (!module_add_steal(ts, *m, c.name, make_float(ts, c.value))) return Value();
    return m.release();
}

}  // namespace gilt
