// Decimal floating point numbers (the General Decimal Arithmetic
// specification that Python's decimal module implements): the value model
// and its operations, free of Python objects. decimal_module.cpp wraps them
// as the Decimal type; the context (precision, rounding, traps) is Python
// code in stdlib/lib/decimal.py.
//
// A finite number is (-1)**neg * coefficient * 10**exp. The coefficient
// lives in one of two forms, chosen by its length alone so that each
// number has exactly one: up to 38 digits (10**38 - 1 < 2**128) it is an
// unsigned __int128, the form nearly all real programs use, and the
// operations work on it in machine words; beyond that it is a string of
// decimal digits without leading zeros, and the operations go through GMP
// integers. Either way they compute the exact result, then round to the
// context's precision: "as if computed exactly, then rounded", which is
// what the specification requires. Each operation reports the conditions it
// met as a set of flags (kInexact, kRounded, ...); the caller turns trapped
// ones into exceptions.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace gilt::dec {

enum class Kind : uint8_t { Finite, Inf, NaN, SNaN };

using Word = unsigned __int128;
constexpr std::size_t kWordDigits = 38;  // the longest coefficient kept in a Word

// kPow10[n] == 10**n for n <= kWordDigits.
inline constexpr auto kPow10 = [] {
    std::array<Word, kWordDigits + 1> table{};
    Word p = 1;
    for (auto& entry : table) {
        entry = p;
        p *= 10;
    }
    return table;
}();

// The number of decimal digits of v (1 for 0): floor(log10 v) guessed from
// the bit length (log10(2) ~ 1233 / 4096, never an overestimate by more
// than one for 128 bits), corrected by one comparison.
inline std::size_t word_length(Word v) {
    uint64_t hi = static_cast<uint64_t>(v >> 64), lo = static_cast<uint64_t>(v);
    int bits = hi ? 128 - __builtin_clzll(hi) : lo ? 64 - __builtin_clzll(lo) : 0;
    auto n = static_cast<std::size_t>((bits * 1233) >> 12);
    if (v < kPow10[n]) return n == 0 ? 1 : n;
    return n + 1;
}

struct Number {
    bool neg = false;
    Kind kind = Kind::Finite;
    int64_t exp = 0;
    // The coefficient (a NaN's payload, 0 for none): `word` while it has
    // at most kWordDigits digits, with `big` empty; else its digits in
    // `big` (more than kWordDigits of them, no leading zero), word unused.
    Word word = 0;
    std::string big;

    bool finite() const { return kind == Kind::Finite; }
    bool nan() const { return kind == Kind::NaN || kind == Kind::SNaN; }
    bool is_word() const { return big.empty(); }
    bool zero() const { return finite() && is_word() && word == 0; }
    std::size_t ndigits() const { return is_word() ? word_length(word) : big.size(); }
    int64_t adjusted() const { return exp + static_cast<int64_t>(ndigits()) - 1; }
    // The coefficient's digits ("0" for zero; "" for a NaN without payload).
    std::string digits() const;
    // Sets the coefficient from decimal digits (leading zeros allowed, ""
    // is zero), in whichever form its length calls for.
    void set_digits(std::string_view text);
    void set_word(Word w) {
        word = w;
        big.clear();
    }
};

// The decimal digits of v (at least one).
std::string word_digits(Word v);

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
// Integer part of a / b (truncated) and the remainder with the sign of a;
// a null `remainder` leaves out the remainder's rounding and its flags (as
// a // b does).
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
