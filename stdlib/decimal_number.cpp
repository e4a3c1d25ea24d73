// Decimal arithmetic on machine words, and on GMP integers for
// coefficients too long for one (see decimal_number.hpp for the model).
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

// v / d and v % d for a divisor of one machine word: two hardware
// divisions where the generic 128-bit one (__udivmodti4) takes many more
// cycles. The second cannot overflow, since the high part's remainder is
// below d.
Word divmod_word(Word v, uint64_t d, uint64_t* rem) {
    auto hi = static_cast<uint64_t>(v >> 64), lo = static_cast<uint64_t>(v);
#if defined(__x86_64__)
    uint64_t q_hi = hi / d, r_hi = hi % d, q_lo, r;
    __asm__("divq %[d]" : "=a"(q_lo), "=d"(r) : [d] "r"(d), "a"(lo), "d"(r_hi));
    *rem = r;
    return static_cast<Word>(q_hi) << 64 | q_lo;
#else
    if (hi == 0) {
        *rem = lo % d;
        return lo / d;
    }
    *rem = static_cast<uint64_t>(v % d);
    return v / d;
#endif
}

}  // namespace

// 19-digit chunks cut off with word divisions, each written with 64-bit
// to_chars, into one buffer.
std::string word_digits(Word v) {
    constexpr uint64_t kTen19 = 10000000000000000000ull;
    uint64_t chunks[3];
    int n = 0;
    while (v >= kTen19) v = divmod_word(v, kTen19, &chunks[n++]);
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

std::string Number::digits() const {
    if (!is_word()) return big;
    if (word == 0 && nan()) return std::string();
    return word_digits(word);
}

void Number::set_digits(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size() && text[i] == '0') ++i;
    text.remove_prefix(i);
    if (text.size() > kWordDigits) {
        big.assign(text);
        return;
    }
    Word v = 0;
    for (char c : text) v = v * 10 + static_cast<unsigned>(c - '0');
    set_word(v);
}

namespace {

void mpz_set_word(mpz_t z, Word w) {
    auto hi = static_cast<uint64_t>(w >> 64), lo = static_cast<uint64_t>(w);
    if (hi == 0) {
        mpz_set_ui(z, lo);
        return;
    }
    mpz_set_ui(z, hi);
    mpz_mul_2exp(z, z, 64);
    mpz_add_ui(z, z, lo);
}

// An owned mpz_t.
struct Big {
    mpz_t v;
    Big() { mpz_init(v); }
    explicit Big(const Number& x) {
        mpz_init(v);
        if (x.is_word())
            mpz_set_word(v, x.word);
        else
            mpz_set_str(v, x.big.c_str(), 10);
    }
    ~Big() { mpz_clear(v); }
    Big(const Big&) = delete;
    Big& operator=(const Big&) = delete;
};

void times_pow10(mpz_t z, int64_t n) {
    if (n <= 0) return;
    if (n <= 19) {
        mpz_mul_ui(z, z, static_cast<unsigned long>(kPow10[static_cast<std::size_t>(n)]));
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

// Sets x's coefficient and sign from v (whose sign it clears).
void set_from_mpz(Number& x, mpz_t v) {
    x.neg = mpz_sgn(v) < 0;
    mpz_abs(v, v);
    static_assert(sizeof(mp_limb_t) == 8, "two limbs make a Word");
    if (mpz_sizeinbase(v, 2) <= 128) {
        Word w = static_cast<Word>(mpz_getlimbn(v, 1)) << 64 | mpz_getlimbn(v, 0);
        if (w < kPow10[kWordDigits]) {
            x.set_word(w);
            return;
        }
    }
    std::string s(mpz_sizeinbase(v, 10) + 2, '\0');
    mpz_get_str(s.data(), 10, v);
    s.resize(std::char_traits<char>::length(s.c_str()));
    x.set_digits(s);
}

// Multiplies x's coefficient by 10**k (k >= 0).
void append_zeros(Number& x, int64_t k) {
    if (k <= 0 || x.zero()) return;
    if (x.is_word() && x.ndigits() + static_cast<std::size_t>(k) <= kWordDigits) {
        x.word *= kPow10[static_cast<std::size_t>(k)];
        return;
    }
    std::string d = x.digits();
    d.append(static_cast<std::size_t>(k), '0');
    x.set_digits(d);
}

// Appends one digit to x's coefficient (10 * c + digit).
void append_digit(Number& x, unsigned digit) {
    if (x.is_word() && x.ndigits() < kWordDigits) {
        x.word = x.word * 10 + digit;
        return;
    }
    std::string d = x.digits();
    d += static_cast<char>('0' + digit);
    x.set_digits(d);
}

// Whether a kept part q goes up by one, given what was dropped below it:
// anything at all (`nonzero`), more than half a unit (`above`), exactly
// half (`at`).
bool rounds_up(Rounding mode, bool neg, unsigned last_digit, bool nonzero, bool above, bool at) {
    switch (mode) {
        case Rounding::Down:
            return false;
        case Rounding::Up:
            return nonzero;
        case Rounding::Ceiling:
            return nonzero && !neg;
        case Rounding::Floor:
            return nonzero && neg;
        case Rounding::HalfUp:
            return above || at;
        case Rounding::HalfDown:
            return above;
        case Rounding::HalfEven:
            return above || (at && last_digit % 2 == 1);
        case Rounding::Up05:
            return nonzero && (last_digit == 0 || last_digit == 5);
    }
    return false;
}

// Drops the last `drop` digits of a word coefficient, rounding. `sticky`
// says the true value is a little above the coefficient (a division's
// non-zero remainder below its last digit).
uint32_t round_word(Number& x, int64_t drop, Rounding mode, bool sticky) {
    Word v = x.word, q = 0;
    bool nonzero = v != 0 || sticky, above = false, at = false;
    if (drop == 0) {
        q = v;
        nonzero = sticky;
    } else if (drop <= static_cast<int64_t>(kWordDigits)) {
        Word p = kPow10[static_cast<std::size_t>(drop)], r;
        if (drop <= 19) {
            uint64_t r64;
            q = divmod_word(v, static_cast<uint64_t>(p), &r64);
            r = r64;
        } else {
            q = v / p;
            r = v % p;
        }
        Word half = p / 2;
        nonzero = sticky || r != 0;
        above = sticky ? r >= half : r > half;
        at = !sticky && r == half;
    }  // else every digit goes, and they are below half a unit of the kept part
    if (rounds_up(mode, x.neg, static_cast<unsigned>(q % 10), nonzero, above, at)) ++q;
    x.word = q;
    x.exp += drop;
    return kRounded | (nonzero ? kInexact : 0u);
}

// The same on a digit string.
uint32_t round_string(Number& x, int64_t drop, Rounding mode, bool sticky) {
    std::string d = x.big;
    int64_t keep_signed = static_cast<int64_t>(d.size()) - drop;
    if (keep_signed < 0) {  // all of it below half a unit: one zero digit says so
        d.insert(d.begin(), '0');
        keep_signed = 0;
    }
    auto keep = static_cast<std::size_t>(keep_signed);
    char first = keep < d.size() ? d[keep] : '0';
    bool rest = sticky;
    for (std::size_t i = keep + 1; i < d.size() && !rest; ++i) rest = d[i] != '0';
    bool nonzero = first != '0' || rest;
    bool above = first > '5' || (first == '5' && rest);
    bool at = first == '5' && !rest;
    unsigned last = keep == 0 ? 0 : static_cast<unsigned>(d[keep - 1] - '0');
    std::string kept = keep == 0 ? "0" : d.substr(0, keep);
    if (rounds_up(mode, x.neg, last, nonzero, above, at)) {
        int i = static_cast<int>(kept.size()) - 1;
        while (i >= 0 && kept[i] == '9') kept[i--] = '0';
        if (i < 0)
            kept.insert(kept.begin(), '1');
        else
            ++kept[i];
    }
    x.set_digits(kept);
    x.exp += drop;
    return kRounded | (nonzero ? kInexact : 0u);
}

// Drops the last `drop` digits of x's coefficient (all of them, and
// more, when drop exceeds their number), rounding; adjusts exp.
uint32_t round_drop(Number& x, int64_t drop, Rounding mode, bool sticky = false) {
    if (drop <= 0 && !sticky) return 0;
    if (drop < 0) drop = 0;
    return x.is_word() ? round_word(x, drop, mode, sticky) : round_string(x, drop, mode, sticky);
}

// Divides a coefficient that ends in a zero by ten.
void drop_last_zero(Number& x) {
    if (x.is_word()) {
        x.word /= 10;
    } else {
        std::string d = x.big;
        d.pop_back();
        x.set_digits(d);
    }
    ++x.exp;
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
        x.set_word(0);
        x.exp = 0;
    } else {
        if (ctx.prec <= static_cast<int64_t>(kWordDigits))
            x.set_word(kPow10[static_cast<std::size_t>(ctx.prec)] - 1);
        else
            x.set_digits(std::string(static_cast<std::size_t>(ctx.prec), '9'));
        x.exp = ctx.emax - ctx.prec + 1;
    }
    return kOverflow | kInexact | kRounded;
}

Number special(Kind kind, bool neg) {
    Number x;
    x.kind = kind;
    x.neg = neg;
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

// a + b (signs included) at exponent e, when both scaled coefficients fit
// words; false to take the GMP path. Sets r's coefficient and sign.
bool add_words(const Number& a, const Number& b, bool b_neg, int64_t e, Number* r) {
    if (!a.is_word() || !b.is_word()) return false;
    Word x = a.word, y = b.word;
    for (auto [v, n] : {std::pair{&x, &a}, std::pair{&y, &b}}) {
        int64_t shift = n->exp - e;
        if (shift == 0 || *v == 0) continue;
        if (shift > static_cast<int64_t>(kWordDigits) ||
            n->ndigits() + static_cast<std::size_t>(shift) > kWordDigits)
            return false;
        *v *= kPow10[static_cast<std::size_t>(shift)];
    }
    Word sum;
    if (a.neg == b_neg) {  // 2 * (10**38 - 1) still fits, but not in the word form
        sum = x + y;
        r->neg = a.neg;
        if (sum >= kPow10[kWordDigits]) return false;
    } else if (x >= y) {
        sum = x - y;
        r->neg = a.neg;
    } else {
        sum = y - x;
        r->neg = b_neg;
    }
    r->set_word(sum);
    return true;
}

// The rounding of a number below Emin (judged before rounding, as the
// specification does): one rounding, straight to the exponent Etiny, so a
// digit is never rounded twice. Fewer than prec digits remain, so a carry
// cannot overflow the precision.
uint32_t finish_subnormal(Number& x, int64_t etiny, Rounding mode) {
    uint32_t flags = kSubnormal;
    if (x.exp >= etiny) return flags;
    uint32_t r = round_drop(x, etiny - x.exp, mode);
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
    x.set_digits(text);
    return x;
}

bool parse(std::string_view text, Number* out) {
    auto is_space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
    auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
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
            out->set_digits(payload);
            return true;
        }
    }
    // The digits go straight into a word while they fit (leading zeros
    // skipped), into a string only past that.
    std::string digits;
    Word w = 0;
    std::size_t significant = 0;
    int64_t frac_digits = 0;
    bool seen_point = false, any = false;
    std::size_t i = 0;
    char prev = 0;
    for (; i < text.size(); ++i) {
        char c = text[i];
        if (is_digit(c)) {
            any = true;
            if (seen_point) ++frac_digits;
            if (significant > 0 || c != '0') {
                if (++significant <= kWordDigits)
                    w = w * 10 + static_cast<unsigned>(c - '0');
                else
                    digits += c;
            }
        } else if (c == '_' && is_digit(prev) && i + 1 < text.size() && is_digit(text[i + 1])) {
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
            if (!is_digit(text[i])) return false;
            if (exp < 1000000000000000LL) exp = exp * 10 + (text[i] - '0');
        }
        if (eneg) exp = -exp;
    }
    if (significant > kWordDigits)
        x.set_digits(word_digits(w) + digits);
    else
        x.set_word(w);
    x.exp = exp - frac_digits;
    *out = std::move(x);
    return true;
}

std::string to_sci_string(const Number& x, bool capitals) {
    std::string sign = x.neg ? "-" : "";
    if (x.kind == Kind::Inf) return sign + "Infinity";
    if (x.kind == Kind::NaN) return sign + "NaN" + x.digits();
    if (x.kind == Kind::SNaN) return sign + "sNaN" + x.digits();
    const std::string c = x.digits();
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
        std::string c = x.digits();
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
    auto n = static_cast<int64_t>(x.ndigits());
    if (x.exp + n - 1 < ctx.emin) return finish_subnormal(x, etiny, ctx.rounding);
    uint32_t flags = 0;
    if (n > ctx.prec) {
        flags |= round_drop(x, n - ctx.prec, ctx.rounding);
        // A carry made prec+1 digits: 10**prec, a one and zeros.
        if (static_cast<int64_t>(x.ndigits()) > ctx.prec) drop_last_zero(x);
    }
    if (x.adjusted() > ctx.emax) return flags | overflow(x, ctx);
    int64_t etop = ctx.emax - ctx.prec + 1;
    if (ctx.clamp && x.exp > etop) {  // IEEE clamping: fold the exponent down with zeros
        append_zeros(x, x.exp - etop);
        x.exp = etop;
        flags |= kClamped;
    }
    return flags;
}

uint32_t rescale(Number& x, int64_t exp, Rounding mode) {
    if (!x.finite() || x.exp == exp) return 0;
    if (x.exp > exp || x.zero()) {  // a zero takes any exponent without rounding
        append_zeros(x, x.exp - exp);
        x.exp = exp;
        return 0;
    }
    uint32_t flags = round_drop(x, exp - x.exp, mode);
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
    if (!add_words(a, b, b_neg, e, &r)) {
        Big x(a), y(b);
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
    Word product;
    if (a.is_word() && b.is_word() && !__builtin_mul_overflow(a.word, b.word, &product) &&
        product < kPow10[kWordDigits]) {
        r.set_word(product);
    } else {
        Big x(a), y(b);
        mpz_mul(x.v, x.v, y.v);
        set_from_mpz(r, x.v);
    }
    r.neg = neg;
    flags |= finish(r, ctx);
    *out = std::move(r);
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
    auto na = static_cast<int64_t>(a.ndigits());
    int64_t shift = ctx.prec + static_cast<int64_t>(b.ndigits()) - na + 1;
    if (shift < 0) shift = 0;
    bool exact;
    r.exp = ideal - shift;
    if (a.is_word() && b.is_word() && na + shift <= static_cast<int64_t>(kWordDigits)) {
        Word x = a.word * kPow10[static_cast<std::size_t>(shift)];
        if (b.word >> 64 == 0) {
            uint64_t rem;
            r.set_word(divmod_word(x, static_cast<uint64_t>(b.word), &rem));
            exact = rem == 0;
        } else {
            r.set_word(x / b.word);
            exact = x % b.word == 0;
        }
    } else {
        Big x(a), y(b), q, rem;
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
        append_digit(r, 1);
        --r.exp;
    }
    flags |= finish(r, ctx);
    if (!exact) flags |= kInexact | kRounded;
    *out = std::move(r);
    return flags;
}

uint32_t divide_int(const Number& a, const Number& b, const Context& ctx, Number* quotient,
                    Number* remainder) {
    uint32_t flags = 0;
    if (nan_operand(a, &b, quotient, &flags)) {
        if (remainder) *remainder = *quotient;
        return flags;
    }
    Number unused;
    bool want_remainder = remainder != nullptr;
    if (!want_remainder) remainder = &unused;
    bool neg = a.neg != b.neg;
    if (a.kind == Kind::Inf) {
        *quotient = *remainder = nan_result();
        return kInvalid;
    }
    if (b.kind == Kind::Inf) {
        *quotient = Number();
        quotient->neg = neg;
        *remainder = a;
        return want_remainder ? flags | finish(*remainder, ctx) : flags;
    }
    if (b.zero()) {
        *quotient = *remainder = nan_result();
        if (a.zero()) return kInvalid | kDivisionUndefined;
        *quotient = special(Kind::Inf, neg);
        return kDivByZero | kInvalid;
    }
    int64_t e = std::min(a.exp, b.exp);
    Big x(a), y(b), q, r;
    times_pow10(x.v, a.exp - e);
    times_pow10(y.v, b.exp - e);
    mpz_tdiv_qr(q.v, r.v, x.v, y.v);
    Number qn;
    set_from_mpz(qn, q.v);
    qn.neg = neg;
    if (static_cast<int64_t>(qn.ndigits()) > ctx.prec) {
        *quotient = *remainder = nan_result();
        return kInvalid | kDivisionImpossible;
    }
    Number rn;
    set_from_mpz(rn, r.v);
    rn.exp = e;
    rn.neg = a.neg;
    if (want_remainder) flags |= finish(rn, ctx);
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
    Big c(a);
    int64_t e = a.exp;
    int64_t want = 2 * (ctx.prec + 1) - static_cast<int64_t>(a.ndigits());
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
        append_digit(r, 1);
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
    // Out of range before rescaling, or more than prec digits after it
    // (checked first: padding a coefficient with zeros could take any
    // amount of memory).
    bool pads_too_far = !a.zero() && a.exp > exp_of.exp &&
                        a.exp - exp_of.exp > ctx.prec - static_cast<int64_t>(a.ndigits());
    if (exp_of.exp > ctx.emax || exp_of.exp < ctx.emin - ctx.prec + 1 || pads_too_far) {
        *out = nan_result();
        return kInvalid;
    }
    Number r = a;
    flags |= rescale(r, exp_of.exp, mode);
    if (static_cast<int64_t>(r.ndigits()) > ctx.prec || (!r.zero() && r.adjusted() > ctx.emax)) {
        *out = nan_result();
        return kInvalid;
    }
    *out = std::move(r);
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
    std::size_t na = a.ndigits(), nb = b.ndigits();
    int64_t adj_a = a.exp + static_cast<int64_t>(na) - 1;
    int64_t adj_b = b.exp + static_cast<int64_t>(nb) - 1;
    if (adj_a != adj_b) return adj_a < adj_b ? -sign : sign;
    // Same magnitude order: compare the coefficients aligned at the left.
    if (a.is_word() && b.is_word()) {
        Word x = a.word, y = b.word;
        if (na < nb) x *= kPow10[nb - na];
        if (nb < na) y *= kPow10[na - nb];
        return x == y ? 0 : x < y ? -sign : sign;
    }
    std::string da = a.digits(), db = b.digits();
    std::size_t n = std::max(da.size(), db.size());
    for (std::size_t i = 0; i < n; ++i) {
        char x = i < da.size() ? da[i] : '0';
        char y = i < db.size() ? db[i] : '0';
        if (x != y) return x < y ? -sign : sign;
    }
    return 0;
}

void strip_zeros(Number& x, int64_t max_exp) {
    if (!x.finite() || x.zero()) return;
    if (x.is_word()) {
        while (x.exp < max_exp && x.word % 10 == 0) {
            x.word /= 10;
            ++x.exp;
        }
        return;
    }
    std::string d = x.big;
    while (x.exp < max_exp && d.size() > 1 && d.back() == '0') {
        d.pop_back();
        ++x.exp;
    }
    x.set_digits(d);
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
    int64_t n = static_cast<int64_t>(x.ndigits());
    int64_t k = x.exp + n;
    Big m(x);
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
    if (static_cast<int64_t>(x.ndigits()) < prec + 6) return true;
    std::string tail = x.digits().substr(static_cast<std::size_t>(prec));
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
    if (a.is_word() && a.word == 1 && a.exp == 0) {
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
        a.digits().find_first_not_of('0', 1) == std::string::npos && a.digits()[0] == '1') {
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
        Big x(a);
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
        Big l, y(b);
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
