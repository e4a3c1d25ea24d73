// Decimal arithmetic on digit strings and GMP integers (see
// decimal_number.hpp for the model).
#include "stdlib/decimal_number.hpp"

#include <gmp.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstring>
#include <string>

namespace gilt::dec {

namespace {

// --- machine-word coefficients ---
//
// Most decimals in real programs have a few dozen digits at most. Any
// coefficient of up to 38 digits fits an unsigned __int128, and so does the
// sum, product or scaled quotient of two such when their digit counts say
// so; the operations below take that path first and fall back to GMP only
// for longer coefficients. Both paths compute the exact result before
// rounding, so they agree digit for digit.
using U128 = unsigned __int128;
constexpr std::size_t kWordDigits = 38;  // 10**38 - 1 < 2**128

constexpr auto kPow10 = [] {
    std::array<U128, kWordDigits + 1> table{};
    U128 p = 1;
    for (auto& entry : table) {
        entry = p;
        p *= 10;
    }
    return table;
}();

U128 pow10_word(std::size_t n) {
    return kPow10[n];
}

std::size_t word_length(U128 v) {
    std::size_t n = 1;
    while (n <= kWordDigits && v >= kPow10[n]) ++n;
    return n;
}

bool to_word(const std::string& digits, U128* out) {
    if (digits.size() > kWordDigits) return false;
    U128 v = 0;
    for (char c : digits) v = v * 10 + static_cast<unsigned>(c - '0');
    *out = v;
    return true;
}

// The decimal digits of v (at least one): 19-digit chunks cut off with
// 128-bit divisions, each written with 64-bit to_chars, into one buffer.
std::string word_digits(U128 v) {
    constexpr uint64_t kTen19 = 10000000000000000000ull;
    uint64_t chunks[3];
    int n = 0;
    while (v >= kTen19) {
        chunks[n++] = static_cast<uint64_t>(v % kTen19);
        v /= kTen19;
    }
    char buf[64];
    char* p = std::to_chars(buf, buf + 20, static_cast<uint64_t>(v)).ptr;
    while (n > 0) {
        char chunk[20];
        char* end = std::to_chars(chunk, chunk + sizeof chunk, chunks[--n]).ptr;
        auto len = static_cast<std::size_t>(end - chunk);
        std::memset(p, '0', 19 - len);
        std::memcpy(p + 19 - len, chunk, len);
        p += 19;
    }
    return std::string(buf, p);
}

// An owned mpz_t.
struct Big {
    mpz_t v;
    Big() { mpz_init(v); }
    explicit Big(const std::string& digits) {
        if (digits.size() <= 19) {
            uint64_t w = 0;
            for (char c : digits) w = w * 10 + static_cast<unsigned>(c - '0');
            mpz_init_set_ui(v, w);
        } else {
            mpz_init_set_str(v, digits.c_str(), 10);
        }
    }
    ~Big() { mpz_clear(v); }
    Big(const Big&) = delete;
    Big& operator=(const Big&) = delete;
    std::string str() const {
        std::string s(mpz_sizeinbase(v, 10) + 2, '\0');
        mpz_get_str(s.data(), 10, v);
        s.resize(std::char_traits<char>::length(s.c_str()));
        return s;
    }
};

void times_pow10(mpz_t z, int64_t n) {
    if (n <= 0) return;
    if (n <= 19) {
        mpz_mul_ui(z, z, static_cast<unsigned long>(pow10_word(static_cast<std::size_t>(n))));
        return;
    }
    mpz_t p;
    mpz_init(p);
    mpz_ui_pow_ui(p, 10, static_cast<unsigned long>(n));
    mpz_mul(z, z, p);
    mpz_clear(p);
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string strip_leading_zeros(std::string s) {
    std::size_t i = 0;
    while (i + 1 < s.size() && s[i] == '0') ++i;
    return s.substr(i);
}

void set_from_mpz(Number& x, mpz_t v) {
    x.neg = mpz_sgn(v) < 0;
    mpz_abs(v, v);
    if (mpz_fits_ulong_p(v)) {
        x.digits = word_digits(mpz_get_ui(v));
        return;
    }
    Big tmp;
    mpz_set(tmp.v, v);
    x.digits = tmp.str();
}

// Does rounding away the digits from `keep` on increase the kept part?
bool rounds_up(const std::string& digits, std::size_t keep, Rounding mode, bool neg, bool sticky,
               bool* inexact) {
    char first = keep < digits.size() ? digits[keep] : '0';
    bool rest = sticky;
    for (std::size_t i = keep + 1; i < digits.size() && !rest; ++i) rest = digits[i] != '0';
    *inexact = first != '0' || rest;
    char last = keep == 0 ? '0' : digits[keep - 1];
    switch (mode) {
        case Rounding::Down:
            return false;
        case Rounding::Up:
            return *inexact;
        case Rounding::Ceiling:
            return *inexact && !neg;
        case Rounding::Floor:
            return *inexact && neg;
        case Rounding::HalfUp:
            return first >= '5';
        case Rounding::HalfDown:
            return first > '5' || (first == '5' && rest);
        case Rounding::HalfEven:
            return first > '5' || (first == '5' && (rest || (last - '0') % 2 == 1));
        case Rounding::Up05:
            return *inexact && (last == '0' || last == '5');
    }
    return false;
}

// Keeps the first `keep` digits of x's coefficient, rounding; adjusts exp.
uint32_t round_to(Number& x, std::size_t keep, Rounding mode, bool sticky = false) {
    if (keep >= x.digits.size() && !sticky) return 0;
    std::size_t dropped = x.digits.size() - std::min(keep, x.digits.size());
    bool inexact;
    bool up = rounds_up(x.digits, keep, mode, x.neg, sticky, &inexact);
    std::string kept = keep == 0 ? "0" : x.digits.substr(0, keep);
    if (up) {
        int i = static_cast<int>(kept.size()) - 1;
        while (i >= 0 && kept[i] == '9') kept[i--] = '0';
        if (i < 0)
            kept.insert(kept.begin(), '1');
        else
            ++kept[i];
    }
    x.digits = strip_leading_zeros(kept);
    x.exp += static_cast<int64_t>(dropped);
    uint32_t flags = kRounded;
    if (inexact) flags |= kInexact;
    return flags;
}

uint32_t overflow(Number& x, const Context& ctx) {
    bool to_inf = true;
    switch (ctx.rounding) {
        case Rounding::Down:
        case Rounding::Up05:
            to_inf = false;
            break;
        case Rounding::Ceiling:
            to_inf = !x.neg;
            break;
        case Rounding::Floor:
            to_inf = x.neg;
            break;
        default:
            break;
    }
    if (to_inf) {
        x.kind = Kind::Inf;
        x.digits = "0";
        x.exp = 0;
    } else {
        x.digits.assign(static_cast<std::size_t>(ctx.prec), '9');
        x.exp = ctx.emax - ctx.prec + 1;
    }
    return kOverflow | kInexact | kRounded;
}

Number special(Kind kind, bool neg) {
    Number x;
    x.kind = kind;
    x.neg = neg;
    x.digits = kind == Kind::Inf ? "0" : "";
    return x;
}

// The NaN an operation on NaN operands returns (an sNaN operand makes it
// quiet and signals InvalidOperation), or false when neither is a NaN.
bool nan_operand(const Number& a, const Number* b, Number* out, uint32_t* flags) {
    const Number* pick = nullptr;
    if (a.kind == Kind::SNaN)
        pick = &a;
    else if (b && b->kind == Kind::SNaN)
        pick = b;
    else if (a.kind == Kind::NaN)
        pick = &a;
    else if (b && b->kind == Kind::NaN)
        pick = b;
    if (!pick) return false;
    *out = *pick;
    *flags = pick->kind == Kind::SNaN ? static_cast<uint32_t>(kInvalid) : 0u;
    out->kind = Kind::NaN;
    return true;
}

// Rounds the coefficient v (at exponent *exp) to ctx.prec digits in word
// arithmetic, when that is all finish() would do: the result is neither
// subnormal nor (before the carry) beyond Emax, so finish() sees at most prec
// digits and only checks the limits. `sticky` says the true value is a
// little above v (a division's non-zero remainder below its last digit).
// Returns the flags, or leaves v alone and returns 0 when the case is not
// this simple one.
uint32_t round_word(U128* v, int64_t* exp, bool neg, const Context& ctx, bool sticky) {
    std::size_t len = word_length(*v);
    if (static_cast<int64_t>(len) <= ctx.prec) return 0;
    int64_t adjusted = *exp + static_cast<int64_t>(len) - 1;
    if (adjusted < ctx.emin || adjusted > ctx.emax) return 0;
    std::size_t drop = len - static_cast<std::size_t>(ctx.prec);
    U128 p = kPow10[drop];
    U128 q = *v / p, r = *v % p, half = p / 2;
    bool nonzero = sticky || r != 0;
    bool above = sticky ? r >= half : r > half;
    bool at = !sticky && r == half;
    bool up = false;
    switch (ctx.rounding) {
        case Rounding::Down:
            break;
        case Rounding::Up:
            up = nonzero;
            break;
        case Rounding::Ceiling:
            up = nonzero && !neg;
            break;
        case Rounding::Floor:
            up = nonzero && neg;
            break;
        case Rounding::HalfUp:
            up = above || at;
            break;
        case Rounding::HalfDown:
            up = above;
            break;
        case Rounding::HalfEven:
            up = above || (at && (q & 1) != 0);
            break;
        case Rounding::Up05:
            up = nonzero && (q % 10 == 0 || q % 10 == 5);
            break;
    }
    if (up) ++q;
    *exp += static_cast<int64_t>(drop);
    if (q == kPow10[static_cast<std::size_t>(ctx.prec)]) {  // 99..9 rounded up
        q /= 10;
        ++*exp;
    }
    *v = q;
    return kRounded | (nonzero ? kInexact : 0u);
}

// Stores a word result in r (whose exp and neg are set), rounded to the
// context when round_word can; returns its flags.
uint32_t set_word(Number& r, U128 v, const Context& ctx, bool sticky = false) {
    uint32_t flags = round_word(&v, &r.exp, r.neg, ctx, sticky);
    r.digits = word_digits(v);
    return flags;
}

// a + b (signs included) at exponent e, when both scaled coefficients fit
// a word; false to take the GMP path. Sets r's digits and sign.
bool add_words(const Number& a, const Number& b, bool b_neg, int64_t e, const Context& ctx,
               Number* r, uint32_t* flags) {
    if (a.exp - e > static_cast<int64_t>(kWordDigits) ||
        b.exp - e > static_cast<int64_t>(kWordDigits))
        return false;
    auto sa = static_cast<std::size_t>(a.exp - e), sb = static_cast<std::size_t>(b.exp - e);
    U128 x, y;
    if (a.digits.size() + sa > kWordDigits || b.digits.size() + sb > kWordDigits ||
        !to_word(a.digits, &x) || !to_word(b.digits, &y))
        return false;
    x *= pow10_word(sa);
    y *= pow10_word(sb);
    U128 sum;
    if (a.neg == b_neg) {  // 2 * (10**38 - 1) still fits
        sum = x + y;
        r->neg = a.neg;
    } else if (x >= y) {
        sum = x - y;
        r->neg = a.neg;
    } else {
        sum = y - x;
        r->neg = b_neg;
    }
    *flags = sum == 0 ? 0 : set_word(*r, sum, ctx);
    if (sum == 0) r->digits = "0";
    return true;
}

// The rounding of a number below Emin (judged before rounding, as the
// specification does): one rounding, straight to the exponent Etiny, so a
// digit is never rounded twice. Fewer than prec digits remain, so a carry
// cannot overflow the precision.
uint32_t finish_subnormal(Number& x, int64_t etiny, Rounding mode) {
    uint32_t flags = kSubnormal;
    if (x.exp >= etiny) return flags;
    int64_t keep = static_cast<int64_t>(x.digits.size()) - (etiny - x.exp);
    if (keep < 0) {  // all of it below half a unit of Etiny: one zero digit says so
        x.digits.insert(x.digits.begin(), '0');
        keep = 0;
    }
    uint32_t r = round_to(x, static_cast<std::size_t>(keep), mode);
    x.exp = etiny;
    flags |= r;
    if (r & kInexact) flags |= kUnderflow;
    if (x.zero()) flags |= kClamped;
    return flags;
}

}  // namespace

Number nan_result() {
    return special(Kind::NaN, false);
}

Number from_int_text(std::string_view text) {
    Number x;
    x.neg = !text.empty() && text[0] == '-';
    if (x.neg) text.remove_prefix(1);
    x.digits = strip_leading_zeros(std::string(text));
    return x;
}

bool parse(std::string_view text, Number* out) {
    auto is_space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    Number x;
    if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
        x.neg = text[0] == '-';
        text.remove_prefix(1);
    }
    // Only a word (inf, nan, snan) needs the lower-case copy.
    bool word_like = !text.empty() && std::isalpha(static_cast<unsigned char>(text[0]));
    std::string word = word_like ? lower(text) : std::string();
    if (word_like && (word == "inf" || word == "infinity")) {
        *out = special(Kind::Inf, x.neg);
        return true;
    }
    for (auto [prefix, kind] : {std::pair{"snan", Kind::SNaN}, std::pair{"nan", Kind::NaN}}) {
        if (!word_like) break;
        std::string_view p(prefix);
        if (word.compare(0, p.size(), p) == 0) {
            std::string payload = word.substr(p.size());
            if (!std::all_of(payload.begin(), payload.end(), ::isdigit)) return false;
            *out = special(kind, x.neg);
            out->digits = payload.empty() ? "" : strip_leading_zeros(payload);
            if (out->digits == "0") out->digits = "";
            return true;
        }
    }
    std::string digits;
    int64_t frac_digits = 0;
    bool seen_point = false, any = false;
    std::size_t i = 0;
    char prev = 0;
    for (; i < text.size(); ++i) {
        char c = text[i];
        if (std::isdigit(static_cast<unsigned char>(c))) {
            digits += c;
            any = true;
            if (seen_point) ++frac_digits;
        } else if (c == '_' && std::isdigit(static_cast<unsigned char>(prev)) &&
                   i + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 1]))) {
        } else if (c == '.' && !seen_point) {
            seen_point = true;
        } else {
            break;
        }
        prev = c;
    }
    if (!any) return false;
    int64_t exp = 0;
    if (i < text.size()) {
        if (text[i] != 'e' && text[i] != 'E') return false;
        ++i;
        bool eneg = false;
        if (i < text.size() && (text[i] == '+' || text[i] == '-')) eneg = text[i++] == '-';
        if (i == text.size()) return false;
        for (; i < text.size(); ++i) {
            if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
            if (exp < 1000000000000000LL) exp = exp * 10 + (text[i] - '0');
        }
        if (eneg) exp = -exp;
    }
    x.digits = strip_leading_zeros(digits);
    x.exp = exp - frac_digits;
    *out = x;
    return true;
}

std::string to_sci_string(const Number& x, bool capitals) {
    std::string sign = x.neg ? "-" : "";
    if (x.kind == Kind::Inf) return sign + "Infinity";
    if (x.kind == Kind::NaN) return sign + "NaN" + x.digits;
    if (x.kind == Kind::SNaN) return sign + "sNaN" + x.digits;
    const std::string& c = x.digits;
    int64_t n = static_cast<int64_t>(c.size());
    int64_t adjusted = x.exp + n - 1;
    if (x.exp <= 0 && adjusted >= -6) {
        if (x.exp == 0) return sign + c;
        int64_t point = n + x.exp;  // digits before the point
        if (point > 0) return sign + c.substr(0, point) + "." + c.substr(point);
        return sign + "0." + std::string(static_cast<std::size_t>(-point), '0') + c;
    }
    std::string out = sign + c.substr(0, 1);
    if (n > 1) out += "." + c.substr(1);
    out += capitals ? 'E' : 'e';
    if (adjusted >= 0) out += '+';
    out += std::to_string(adjusted);
    return out;
}

std::string to_eng_string(const Number& x, bool capitals) {
    if (!x.finite() || x.exp > 0 || x.adjusted() < -6) {
        if (!x.finite()) return to_sci_string(x, capitals);
        // Exponent a multiple of three, 1 to 3 digits before the point.
        int64_t adj = x.adjusted();
        int64_t shift = ((adj % 3) + 3) % 3;
        int64_t eng_exp = adj - shift;
        std::string c = x.digits;
        std::string sign = x.neg ? "-" : "";
        if (x.zero()) {
            // 0E+1 is 0.00E+3: raise the exponent to a multiple of three.
            int64_t r = ((x.exp % 3) + 3) % 3;
            int64_t ee = x.exp + (r ? 3 - r : 0);
            std::string out = sign + (r == 1 ? "0.00" : r == 2 ? "0.0" : "0");
            if (ee != 0) {
                out += capitals ? 'E' : 'e';
                if (ee > 0) out += '+';
                out += std::to_string(ee);
            }
            return out;
        }
        std::size_t before = static_cast<std::size_t>(shift + 1);
        while (c.size() < before) c += '0';
        std::string out = sign + c.substr(0, before);
        if (c.size() > before) out += "." + c.substr(before);
        if (eng_exp != 0) {
            out += capitals ? 'E' : 'e';
            if (eng_exp > 0) out += '+';
            out += std::to_string(eng_exp);
        }
        return out;
    }
    return to_sci_string(x, capitals);
}

uint32_t finish(Number& x, const Context& ctx) {
    if (!x.finite()) return 0;
    int64_t etiny = ctx.emin - ctx.prec + 1;
    if (x.zero()) {
        uint32_t flags = 0;
        if (x.exp < etiny) {
            x.exp = etiny;
            flags |= kClamped;
        }
        int64_t etop = ctx.emax - ctx.prec + 1;
        if (x.exp > ctx.emax || (ctx.clamp && x.exp > etop)) {
            x.exp = ctx.clamp ? etop : ctx.emax;
            flags |= kClamped;
        }
        return flags;
    }
    if (x.adjusted() < ctx.emin) return finish_subnormal(x, etiny, ctx.rounding);
    uint32_t flags = 0;
    if (static_cast<int64_t>(x.digits.size()) > ctx.prec)
        flags |= round_to(x, static_cast<std::size_t>(ctx.prec), ctx.rounding);
    if (static_cast<int64_t>(x.digits.size()) > ctx.prec) {  // a carry made prec+1 digits
        x.digits.pop_back();
        ++x.exp;
    }
    if (x.adjusted() > ctx.emax) return flags | overflow(x, ctx);
    int64_t etop = ctx.emax - ctx.prec + 1;
    if (ctx.clamp && x.exp > etop) {  // IEEE clamping: fold the exponent down with zeros
        x.digits.append(static_cast<std::size_t>(x.exp - etop), '0');
        x.exp = etop;
        flags |= kClamped;
    }
    return flags;
}

uint32_t rescale(Number& x, int64_t exp, Rounding mode) {
    if (!x.finite() || x.exp == exp) return 0;
    if (x.exp > exp || x.zero()) {  // a zero takes any exponent without rounding
        if (!x.zero()) x.digits.append(static_cast<std::size_t>(x.exp - exp), '0');
        x.exp = exp;
        return 0;
    }
    int64_t keep = static_cast<int64_t>(x.digits.size()) - (exp - x.exp);
    uint32_t flags;
    if (keep >= 0) {
        flags = round_to(x, static_cast<std::size_t>(keep), mode);
    } else {
        std::string padded = std::string(static_cast<std::size_t>(-keep), '0') + x.digits;
        x.digits = padded;
        flags = round_to(x, 0, mode);
    }
    x.exp = exp;
    return flags;
}

uint32_t add(const Number& a, const Number& b, bool subtract, const Context& ctx, Number* out) {
    uint32_t flags = 0;
    if (nan_operand(a, &b, out, &flags)) return flags;
    bool b_neg = b.neg != subtract;
    if (a.kind == Kind::Inf || b.kind == Kind::Inf) {
        if (a.kind == Kind::Inf && b.kind == Kind::Inf && a.neg != b_neg) {
            *out = nan_result();
            return kInvalid;
        }
        *out = special(Kind::Inf, a.kind == Kind::Inf ? a.neg : b_neg);
        return 0;
    }
    int64_t e = std::min(a.exp, b.exp);
    Number r;
    r.exp = e;
    if (!add_words(a, b, b_neg, e, ctx, &r, &flags)) {
        Big x(a.digits), y(b.digits);
        times_pow10(x.v, a.exp - e);
        times_pow10(y.v, b.exp - e);
        if (a.neg) mpz_neg(x.v, x.v);
        if (b_neg) mpz_neg(y.v, y.v);
        mpz_add(x.v, x.v, y.v);
        set_from_mpz(r, x.v);
    }
    if (r.zero()) r.neg = (a.neg && b_neg) || (a.neg != b_neg && ctx.rounding == Rounding::Floor);
    flags |= finish(r, ctx);
    *out = std::move(r);
    return flags;
}

uint32_t multiply(const Number& a, const Number& b, const Context& ctx, Number* out) {
    uint32_t flags = 0;
    if (nan_operand(a, &b, out, &flags)) return flags;
    bool neg = a.neg != b.neg;
    if (a.kind == Kind::Inf || b.kind == Kind::Inf) {
        if (a.zero() || b.zero()) {
            *out = nan_result();
            return kInvalid;
        }
        *out = special(Kind::Inf, neg);
        return 0;
    }
    Number r;
    r.exp = a.exp + b.exp;
    r.neg = neg;
    U128 xw, yw;
    if (a.digits.size() + b.digits.size() <= kWordDigits && to_word(a.digits, &xw) &&
        to_word(b.digits, &yw)) {
        flags |= set_word(r, xw * yw, ctx);
    } else {
        Big x(a.digits), y(b.digits);
        mpz_mul(x.v, x.v, y.v);
        set_from_mpz(r, x.v);
        r.neg = neg;
    }
    flags |= finish(r, ctx);
    *out = r;
    return flags;
}

uint32_t divide(const Number& a, const Number& b, const Context& ctx, Number* out) {
    uint32_t flags = 0;
    if (nan_operand(a, &b, out, &flags)) return flags;
    bool neg = a.neg != b.neg;
    if (a.kind == Kind::Inf) {
        if (b.kind == Kind::Inf) {
            *out = nan_result();
            return kInvalid;
        }
        *out = special(Kind::Inf, neg);
        return 0;
    }
    if (b.kind == Kind::Inf) {  // finite / inf: a zero at the smallest exponent
        Number r;
        r.neg = neg;
        r.exp = ctx.emin - ctx.prec + 1;
        *out = r;
        return kClamped;
    }
    if (b.zero()) {
        if (a.zero()) {
            *out = nan_result();
            return kInvalid | kDivisionUndefined;
        }
        *out = special(Kind::Inf, neg);
        return kDivByZero;
    }
    int64_t ideal = a.exp - b.exp;
    Number r;
    r.neg = neg;
    if (a.zero()) {
        r.exp = ideal;
        flags |= finish(r, ctx);
        *out = r;
        return flags;
    }
    // Scale the dividend so the quotient has at least prec + 1 digits.
    int64_t shift = ctx.prec + static_cast<int64_t>(b.digits.size()) -
                    static_cast<int64_t>(a.digits.size()) + 1;
    if (shift < 0) shift = 0;
    bool exact;
    U128 xw, yw;
    r.exp = ideal - shift;
    if (a.digits.size() + static_cast<std::size_t>(shift) <= kWordDigits &&
        to_word(a.digits, &xw) && to_word(b.digits, &yw)) {
        xw *= pow10_word(static_cast<std::size_t>(shift));
        U128 q = xw / yw;
        exact = xw % yw == 0;
        if (!exact) {
            uint32_t rounded = round_word(&q, &r.exp, neg, ctx, true);
            if (rounded != 0) {  // rounded in words: finish() only checks the limits
                r.digits = word_digits(q);
                r.neg = neg;
                flags |= finish(r, ctx) | rounded;
                *out = std::move(r);
                return flags;
            }
        }
        r.digits = word_digits(q);
    } else {
        Big x(a.digits), y(b.digits), q, rem;
        times_pow10(x.v, shift);
        mpz_tdiv_qr(q.v, rem.v, x.v, y.v);
        set_from_mpz(r, q.v);
        exact = mpz_sgn(rem.v) == 0;
    }
    r.neg = neg;
    if (exact) {
        strip_zeros(r, ideal);
    } else {
        // The discarded remainder is below one unit of the last digit:
        // a sticky digit keeps the rounding correct.
        r.digits += '1';
        --r.exp;
    }
    flags |= finish(r, ctx);
    if (!exact) flags |= kInexact | kRounded;
    *out = r;
    return flags;
}

uint32_t divide_int(const Number& a, const Number& b, const Context& ctx, Number* quotient,
                    Number* remainder) {
    uint32_t flags = 0;
    if (nan_operand(a, &b, quotient, &flags)) {
        *remainder = *quotient;
        return flags;
    }
    bool neg = a.neg != b.neg;
    if (a.kind == Kind::Inf) {
        *quotient = *remainder = nan_result();
        return kInvalid;
    }
    if (b.kind == Kind::Inf) {
        *quotient = Number();
        quotient->neg = neg;
        *remainder = a;
        return flags | finish(*remainder, ctx);
    }
    if (b.zero()) {
        *quotient = *remainder = nan_result();
        if (a.zero()) return kInvalid | kDivisionUndefined;
        *quotient = special(Kind::Inf, neg);
        return kDivByZero | kInvalid;
    }
    int64_t e = std::min(a.exp, b.exp);
    Big x(a.digits), y(b.digits), q, r;
    times_pow10(x.v, a.exp - e);
    times_pow10(y.v, b.exp - e);
    mpz_tdiv_qr(q.v, r.v, x.v, y.v);
    Number qn;
    set_from_mpz(qn, q.v);
    qn.neg = neg;
    if (static_cast<int64_t>(qn.digits.size()) > ctx.prec) {
        *quotient = *remainder = nan_result();
        return kInvalid | kDivisionImpossible;
    }
    Number rn;
    set_from_mpz(rn, r.v);
    rn.exp = e;
    rn.neg = a.neg;
    flags |= finish(rn, ctx);
    *quotient = qn;
    *remainder = rn;
    return flags;
}

uint32_t square_root(const Number& a, const Context& ctx, Number* out) {
    uint32_t flags = 0;
    if (nan_operand(a, nullptr, out, &flags)) return flags;
    if (a.zero()) {
        *out = a;
        out->exp = a.exp >= 0 ? a.exp / 2 : -((-a.exp + 1) / 2);
        return finish(*out, ctx);
    }
    if (a.neg) {
        *out = nan_result();
        return kInvalid;
    }
    if (a.kind == Kind::Inf) {
        *out = a;
        return 0;
    }
    // sqrt(c * 10**e): make e even and c long enough for prec + 1 digits.
    int64_t ideal = a.exp >= 0 ? a.exp / 2 : -((-a.exp + 1) / 2);
    Big c(a.digits);
    int64_t e = a.exp;
    int64_t want = 2 * (ctx.prec + 1) - static_cast<int64_t>(a.digits.size());
    int64_t shift = want > 0 ? want : 0;
    if ((e - shift) % 2 != 0) ++shift;
    times_pow10(c.v, shift);
    e -= shift;
    Big root, rem;
    mpz_sqrtrem(root.v, rem.v, c.v);
    Number r;
    set_from_mpz(r, root.v);
    r.exp = e / 2;
    bool exact = mpz_sgn(rem.v) == 0;
    if (exact) {
        strip_zeros(r, ideal);
    } else {
        r.digits += '1';
        --r.exp;
    }
    Context half = ctx;
    half.rounding = Rounding::HalfEven;
    flags |= finish(r, half);
    if (!exact) flags |= kInexact | kRounded;
    *out = r;
    return flags;
}

uint32_t quantize(const Number& a, const Number& exp_of, Rounding mode, const Context& ctx,
                  Number* out) {
    uint32_t flags = 0;
    if (nan_operand(a, &exp_of, out, &flags)) return flags;
    if (a.kind == Kind::Inf || exp_of.kind == Kind::Inf) {
        if (a.kind == Kind::Inf && exp_of.kind == Kind::Inf) {
            *out = a;
            return 0;
        }
        *out = nan_result();
        return kInvalid;
    }
    Number r = a;
    flags |= rescale(r, exp_of.exp, mode);
    if (static_cast<int64_t>(r.digits.size()) > ctx.prec || exp_of.exp > ctx.emax ||
        exp_of.exp < ctx.emin - ctx.prec + 1) {
        *out = nan_result();
        return kInvalid;
    }
    if (!r.zero() && r.adjusted() > ctx.emax) {
        *out = nan_result();
        return kInvalid;
    }
    *out = r;
    return flags;
}

uint32_t plus(const Number& a, const Context& ctx, Number* out) {
    uint32_t flags = 0;
    if (nan_operand(a, nullptr, out, &flags)) return flags;
    *out = a;
    if (out->zero() && ctx.rounding != Rounding::Floor) out->neg = false;
    return finish(*out, ctx);
}

int compare(const Number& a, const Number& b) {
    if (a.kind == Kind::Inf || b.kind == Kind::Inf) {
        int va = a.kind == Kind::Inf ? (a.neg ? -1 : 1) : 0;
        int vb = b.kind == Kind::Inf ? (b.neg ? -1 : 1) : 0;
        if (va != vb) return va < vb ? -1 : 1;
        if (va != 0) return 0;
        return a.kind == Kind::Inf ? va : -vb;
    }
    if (a.zero() && b.zero()) return 0;
    if (a.zero()) return b.neg ? 1 : -1;
    if (b.zero()) return a.neg ? -1 : 1;
    if (a.neg != b.neg) return a.neg ? -1 : 1;
    int sign = a.neg ? -1 : 1;
    if (a.adjusted() != b.adjusted()) return a.adjusted() < b.adjusted() ? -sign : sign;
    // Same magnitude order: compare the coefficients digit by digit.
    std::size_t n = std::max(a.digits.size(), b.digits.size());
    for (std::size_t i = 0; i < n; ++i) {
        char x = i < a.digits.size() ? a.digits[i] : '0';
        char y = i < b.digits.size() ? b.digits[i] : '0';
        if (x != y) return x < y ? -sign : sign;
    }
    return 0;
}

void strip_zeros(Number& x, int64_t max_exp) {
    if (!x.finite()) return;
    if (x.zero()) return;
    while (x.exp < max_exp && x.digits.size() > 1 && x.digits.back() == '0') {
        x.digits.pop_back();
        ++x.exp;
    }
}

}  // namespace gilt::dec

// --- exp, ln, log10 ---
//
// Computed in fixed point: an integer V standing for V / 10**W, with W a
// few digits more than the precision. ln uses the series of atanh after
// scaling the argument into [0.5, 1) by powers of two; exp splits off a
// power of ten (exp(x) = 10**q * exp(x - q*ln 10)) and sums the Taylor
// series of a small argument, then squares back. The result is rounded
// half-even (these functions ignore the context's rounding, as the
// specification says); when the working digits past the precision are too
// close to a rounding boundary the computation is repeated with more.

namespace gilt::dec {

namespace {

struct Fixed {
    int64_t w;  // digits after the point
    mpz_t scale;
    explicit Fixed(int64_t digits) : w(digits) {
        mpz_init(scale);
        mpz_ui_pow_ui(scale, 10, static_cast<unsigned long>(digits));
    }
    ~Fixed() { mpz_clear(scale); }
    Fixed(const Fixed&) = delete;
    Fixed& operator=(const Fixed&) = delete;
};

// out = 2 * atanh(z / scale) * scale for |z| < scale.
void two_atanh(const Fixed& f, const mpz_t z, mpz_t out) {
    Big term, z2, part;
    mpz_set(term.v, z);
    mpz_mul(z2.v, z, z);
    mpz_tdiv_q(z2.v, z2.v, f.scale);
    mpz_set_ui(out, 0);
    for (unsigned long k = 1; mpz_sgn(term.v) != 0; k += 2) {
        mpz_tdiv_q_ui(part.v, term.v, k);
        mpz_add(out, out, part.v);
        mpz_mul(term.v, term.v, z2.v);
        mpz_tdiv_q(term.v, term.v, f.scale);
    }
    mpz_mul_2exp(out, out, 1);
}

// ln(a/b) for small positive integers, as 2 atanh((a-b)/(a+b)).
void ln_ratio(const Fixed& f, long a, long b, mpz_t out) {
    Big z;
    mpz_set_si(z.v, a - b);
    mpz_mul(z.v, z.v, f.scale);
    mpz_tdiv_q_ui(z.v, z.v, static_cast<unsigned long>(a + b));
    two_atanh(f, z.v, out);
}

void ln2(const Fixed& f, mpz_t out) {
    ln_ratio(f, 2, 1, out);
}

void ln10(const Fixed& f, mpz_t out) {
    Big two, quarter;
    ln_ratio(f, 2, 1, two.v);
    ln_ratio(f, 5, 4, quarter.v);
    mpz_mul_ui(out, two.v, 3);
    mpz_add(out, out, quarter.v);
}

// ln of a positive finite number, in fixed point.
void ln_fixed(const Fixed& f, const Number& x, mpz_t out) {
    // x = m * 10**k with m = coefficient / 10**n in [0.1, 1).
    int64_t n = static_cast<int64_t>(x.digits.size());
    int64_t k = x.exp + n;
    Big m(x.digits);
    if (f.w >= n)
        times_pow10(m.v, f.w - n);
    else {
        Big p;
        mpz_ui_pow_ui(p.v, 10, static_cast<unsigned long>(n - f.w));
        mpz_tdiv_q(m.v, m.v, p.v);
    }
    // Scale m into [0.5, 1) by 2**j.
    long j = 0;
    Big half;
    mpz_tdiv_q_2exp(half.v, f.scale, 1);
    while (mpz_cmp(m.v, half.v) < 0) {
        mpz_mul_2exp(m.v, m.v, 1);
        ++j;
    }
    Big z, den;
    mpz_sub(z.v, m.v, f.scale);
    mpz_mul(z.v, z.v, f.scale);
    mpz_add(den.v, m.v, f.scale);
    mpz_tdiv_q(z.v, z.v, den.v);
    two_atanh(f, z.v, out);
    Big t;
    ln2(f, t.v);
    mpz_mul_si(t.v, t.v, j);
    mpz_sub(out, out, t.v);
    ln10(f, t.v);
    mpz_mul_si(t.v, t.v, static_cast<long>(k));
    mpz_add(out, out, t.v);
}

// exp(r) for 0 <= r < 3 in fixed point.
void exp_small(const Fixed& f, const mpz_t r, mpz_t out) {
    constexpr int kHalvings = 10;
    Big x, term;
    mpz_tdiv_q_2exp(x.v, r, kHalvings);
    mpz_set(out, f.scale);
    mpz_set(term.v, f.scale);
    for (unsigned long k = 1; mpz_sgn(term.v) != 0; ++k) {
        mpz_mul(term.v, term.v, x.v);
        mpz_tdiv_q(term.v, term.v, f.scale);
        mpz_tdiv_q_ui(term.v, term.v, k);
        mpz_add(out, out, term.v);
    }
    for (int i = 0; i < kHalvings; ++i) {
        mpz_mul(out, out, out);
        mpz_tdiv_q(out, out, f.scale);
    }
}

// A fixed-point value as a Number (V * 10**(extra_exp - w)).
Number from_fixed(const Fixed& f, mpz_t v, int64_t extra_exp) {
    Number r;
    set_from_mpz(r, v);
    r.exp = extra_exp - f.w;
    return r;
}

// exp(x / 10**w) for a fixed-point x: 10**q * exp(r) with q = floor(x / ln 10).
Number exp_of_fixed(const Fixed& f, const mpz_t x) {
    Big ten, q, r, v;
    ln10(f, ten.v);
    mpz_fdiv_q(q.v, x, ten.v);
    mpz_mul(r.v, q.v, ten.v);
    mpz_sub(r.v, x, r.v);
    exp_small(f, r.v, v.v);
    return from_fixed(f, v.v, mpz_get_si(q.v));
}

// Are the digits past the precision too close to a half-way point (or to
// an exact result) to round on?
bool ambiguous(const Number& x, int64_t prec) {
    if (static_cast<int64_t>(x.digits.size()) < prec + 6) return true;
    std::string tail = x.digits.substr(static_cast<std::size_t>(prec));
    tail.resize(tail.size() - 3);  // the last digits carry the error
    bool zeros = tail.find_first_not_of('0', 1) == std::string::npos;
    bool nines = tail.find_first_not_of('9', 1) == std::string::npos;
    char head = tail.empty() ? '0' : tail[0];
    return (zeros && (head == '0' || head == '5')) || (nines && (head == '9' || head == '4'));
}

uint32_t round_half_even(Number& r, const Context& ctx) {
    Context even = ctx;
    even.rounding = Rounding::HalfEven;
    return finish(r, even) | kInexact | kRounded;
}

}  // namespace

uint32_t natural_log(const Number& a, const Context& ctx, Number* out) {
    uint32_t flags = 0;
    if (nan_operand(a, nullptr, out, &flags)) return flags;
    if (a.zero()) {
        *out = special(Kind::Inf, true);
        return 0;
    }
    if (a.neg) {
        *out = nan_result();
        return kInvalid;
    }
    if (a.kind == Kind::Inf) {
        *out = a;
        return 0;
    }
    if (a.digits == "1" && a.exp == 0) {
        *out = Number();
        return 0;
    }
    for (int64_t guard = 12;; guard *= 2) {
        // Enough digits for the integer part (ln 10**k is about 2.3 k).
        int64_t whole = static_cast<int64_t>(std::to_string(std::llabs(a.adjusted()) + 1).size());
        Fixed f(ctx.prec + guard + whole);
        Big v;
        ln_fixed(f, a, v.v);
        Number r = from_fixed(f, v.v, 0);
        if (!ambiguous(r, ctx.prec) || guard > 400) {
            *out = r;
            return round_half_even(*out, ctx);
        }
    }
}

uint32_t log10(const Number& a, const Context& ctx, Number* out) {
    uint32_t flags = 0;
    if (nan_operand(a, nullptr, out, &flags)) return flags;
    if (a.finite() && !a.zero() && !a.neg &&
        a.digits.find_first_not_of('0', 1) == std::string::npos && a.digits[0] == '1') {
        *out = from_int_text(std::to_string(a.adjusted()));  // a power of ten: exact
        return finish(*out, ctx);
    }
    if (!a.finite() || a.zero() || a.neg) return natural_log(a, ctx, out);
    for (int64_t guard = 12;; guard *= 2) {
        int64_t whole = static_cast<int64_t>(std::to_string(std::llabs(a.adjusted()) + 1).size());
        Fixed f(ctx.prec + guard + whole);
        Big v, ten;
        ln_fixed(f, a, v.v);
        ln10(f, ten.v);
        mpz_mul(v.v, v.v, f.scale);
        mpz_tdiv_q(v.v, v.v, ten.v);
        Number r = from_fixed(f, v.v, 0);
        if (!ambiguous(r, ctx.prec) || guard > 400) {
            *out = r;
            return round_half_even(*out, ctx);
        }
    }
}

uint32_t exponential(const Number& a, const Context& ctx, Number* out) {
    uint32_t flags = 0;
    if (nan_operand(a, nullptr, out, &flags)) return flags;
    if (a.kind == Kind::Inf) {
        *out = a.neg ? Number() : a;
        return 0;
    }
    if (a.zero()) {
        *out = from_int_text("1");
        return 0;
    }
    // Beyond about 2.4e18 in magnitude the result is surely out of range.
    if (a.adjusted() > 18) {
        Number r = from_int_text("1");
        r.exp = a.neg ? ctx.emin - ctx.prec - 10 : ctx.emax + 10;
        uint32_t flags = round_half_even(r, ctx);
        *out = r;
        return flags;
    }
    for (int64_t guard = 12;; guard *= 2) {
        int64_t whole = std::max<int64_t>(0, a.adjusted()) + 2;
        Fixed f(ctx.prec + guard + whole);
        Big x(a.digits);
        if (a.exp + f.w >= 0) {
            times_pow10(x.v, a.exp + f.w);
        } else {
            Big p;
            mpz_ui_pow_ui(p.v, 10, static_cast<unsigned long>(-(a.exp + f.w)));
            mpz_tdiv_q(x.v, x.v, p.v);
        }
        if (a.neg) mpz_neg(x.v, x.v);
        Number res = exp_of_fixed(f, x.v);
        if (!ambiguous(res, ctx.prec) || guard > 400) {
            *out = res;
            return round_half_even(*out, ctx);
        }
    }
}

uint32_t power_fractional(const Number& a, const Number& b, const Context& ctx, Number* out) {
    uint32_t flags = 0;
    if (nan_operand(a, &b, out, &flags)) return flags;
    if (a.neg && !a.zero()) {
        *out = nan_result();
        return kInvalid;
    }
    if (a.zero() || a.kind == Kind::Inf) {
        bool grows = (a.kind == Kind::Inf) != b.neg;
        *out = grows ? special(Kind::Inf, false) : Number();
        return 0;
    }
    if (b.kind == Kind::Inf) {
        int c = compare(a, from_int_text("1"));
        bool grows = c != 0 && ((c > 0) != b.neg);
        *out = c == 0 ? from_int_text("1") : grows ? special(Kind::Inf, false) : Number();
        return c == 0 ? kInexact | kRounded : 0;
    }
    for (int64_t guard = 12;; guard *= 2) {
        int64_t whole = std::max<int64_t>(0, b.adjusted()) +
                        static_cast<int64_t>(std::to_string(std::llabs(a.adjusted()) + 1).size()) +
                        4;
        Fixed f(ctx.prec + guard + whole);
        Big l, y(b.digits);
        ln_fixed(f, a, l.v);
        // t = y * ln(a), in fixed point.
        mpz_mul(l.v, l.v, y.v);
        if (b.exp >= 0) {
            times_pow10(l.v, b.exp);
        } else {
            Big p;
            mpz_ui_pow_ui(p.v, 10, static_cast<unsigned long>(-b.exp));
            mpz_tdiv_q(l.v, l.v, p.v);
        }
        if (b.neg) mpz_neg(l.v, l.v);
        if (mpz_sizeinbase(l.v, 10) > static_cast<std::size_t>(f.w + 19)) {  // surely out of range
            Number r = from_int_text("1");
            r.exp = mpz_sgn(l.v) < 0 ? ctx.emin - ctx.prec - 10 : ctx.emax + 10;
            uint32_t fl = round_half_even(r, ctx);
            *out = r;
            return fl;
        }
        Number res = exp_of_fixed(f, l.v);
        if (!ambiguous(res, ctx.prec) || guard > 400) {
            *out = res;
            return round_half_even(*out, ctx);
        }
    }
}

}  // namespace gilt::dec
