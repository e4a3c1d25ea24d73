// Decimal floating point numbers (the General Decimal Arithmetic
// specification that Python's decimal module implements): the value model
// and its operations, free of Python objects. decimal_module.cpp wraps them
// as the Decimal type; the context (precision, rounding, traps) is Python
// code in stdlib/lib/decimal.py.
//
// A finite number is (-1)**neg * coefficient * 10**exp with the coefficient
// kept as a string of decimal digits without leading zeros ("0" for zero).
// Arithmetic converts coefficients to GMP integers, computes exactly, then
// rounds to the context's precision: "as if computed exactly, then rounded",
// which is what the specification requires. Each operation reports the
// conditions it met as a set of flags (kInexact, kRounded, ...); the caller
// turns trapped ones into exceptions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gilt::dec {

enum class Kind : uint8_t { Finite, Inf, NaN, SNaN };

struct Number {
    bool neg = false;
    Kind kind = Kind::Finite;
    std::string digits = "0";  // the coefficient; a NaN's payload ("" for none)
    int64_t exp = 0;

    bool finite() const { return kind == Kind::Finite; }
    bool nan() const { return kind == Kind::NaN || kind == Kind::SNaN; }
    bool zero() const { return finite() && digits == "0"; }
    int64_t adjusted() const { return exp + static_cast<int64_t>(digits.size()) - 1; }
};

enum class Rounding : uint8_t { Down, HalfUp, HalfEven, Ceiling, Floor, Up, HalfDown, Up05 };

// Condition flags, one bit per signal (the order decimal.py lists them in).
enum Flag : uint32_t {
    kClamped = 1u << 0,
    kInvalid = 1u << 1,
    kDivByZero = 1u << 2,
    kInexact = 1u << 3,
    kRounded = 1u << 4,
    kSubnormal = 1u << 5,
    kOverflow = 1u << 6,
    kUnderflow = 1u << 7,
    kFloatOperation = 1u << 8,
    kConversionSyntax = 1u << 9,
    kDivisionImpossible = 1u << 10,
    kDivisionUndefined = 1u << 11,
};

struct Context {
    int64_t prec = 28;
    Rounding rounding = Rounding::HalfEven;
    int64_t emin = -999999;
    int64_t emax = 999999;
    bool clamp = false;
};

// Parsing and printing.
bool parse(std::string_view text, Number* out);  // false: conversion syntax
std::string to_sci_string(const Number& x, bool capitals = true);
std::string to_eng_string(const Number& x, bool capitals = true);
Number from_int_text(std::string_view decimal_digits);  // "-123" as an exact number
Number nan_result();                                    // the quiet NaN of an invalid operation

// Rounds x to the context's precision and exponent limits.
uint32_t finish(Number& x, const Context& ctx);
// Rounds the coefficient of x to end at exponent `exp` (quantize's step):
// returns the flags, sets *too_long when the result needs more than prec
// digits.
uint32_t rescale(Number& x, int64_t exp, Rounding mode);

// Operations; `out` receives the rounded result.
uint32_t add(const Number& a, const Number& b, bool subtract, const Context& ctx, Number* out);
uint32_t multiply(const Number& a, const Number& b, const Context& ctx, Number* out);
uint32_t divide(const Number& a, const Number& b, const Context& ctx, Number* out);
// Integer part of a / b (truncated) and the remainder with the sign of a.
uint32_t divide_int(const Number& a, const Number& b, const Context& ctx, Number* quotient,
                    Number* remainder);
uint32_t square_root(const Number& a, const Context& ctx, Number* out);
uint32_t quantize(const Number& a, const Number& exp_of, Rounding mode, const Context& ctx,
                  Number* out);
uint32_t plus(const Number& a, const Context& ctx, Number* out);  // +a, rounded
// exp, ln and log10, correctly rounded half-even (decimal_number.cpp's
// fixed-point section).
uint32_t exponential(const Number& a, const Context& ctx, Number* out);
uint32_t natural_log(const Number& a, const Context& ctx, Number* out);
uint32_t log10(const Number& a, const Context& ctx, Number* out);
// a ** b for a b that is not an integer: exp(b * ln a), rounded half-even.
uint32_t power_fractional(const Number& a, const Number& b, const Context& ctx, Number* out);

// -1, 0, 1 for finite or infinite numbers (no NaNs).
int compare(const Number& a, const Number& b);
// Removes trailing zeros of the coefficient (normalize's step).
void strip_zeros(Number& x, int64_t max_exp);

}  // namespace gilt::dec
