// float: a boxed double (see float.hpp).
//
// Free list: a dead exact float goes onto its type's free list (at most
// kFloatFreeListMax of them) instead of back to malloc; the next make_float()
// reuses it, resetting only the reference count because kind, flags and
// type are unchanged. The link to the next free float is stored in the
// dead object's `value` field.
//
// Arithmetic follows CPython's floatobject.c: ints are converted exactly or
// rejected with OverflowError, // and % take the sign of the divisor with
// CPython's sign rules for zeros (float_divmod), ** handles the special
// values itself before calling pow() and turns negative bases with
// fractional exponents into complex numbers. Comparisons with ints are
// exact, even beyond 2**53.
#include "runtime/float.hpp"

#include <cerrno>
#include <cfloat>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "runtime/abstract.hpp"
#include "runtime/bytes.hpp"
#include "runtime/complex.hpp"
#include "runtime/errors.hpp"
#include "runtime/format_spec.hpp"
#include "runtime/heap.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "runtime/unicode.hpp"

namespace gilt {

namespace {

constexpr uint64_t kHashModulus = (uint64_t(1) << 61) - 1;
constexpr int kHashBits = 61;
constexpr int64_t kHashInf = 314159;

}  // namespace

// --- allocation ---

Value make_float(ThreadState& ts, double v) {
    TypeObject* t = ts.types().float_;
    auto* f = static_cast<FloatObject*>(t->freelist);
    if (f) {
        std::memcpy(&t->freelist, &f->value, sizeof(void*));
        --t->freelist_len;
        f->hdr.refcnt = 1;
    } else {
        f = alloc<FloatObject>(t);
        if (!f) return raise_memory_error(ts);
    }
    f->value = v;
    return val(f);
}

void float_clear_freelist(TypeObject* t) noexcept {
    while (t->freelist) {
        auto* f = static_cast<FloatObject*>(t->freelist);
        std::memcpy(&t->freelist, &f->value, sizeof(void*));
        free_object(&f->hdr);
    }
    t->freelist_len = 0;
}

void float_dealloc(Object* o) {
    TypeObject* t = o->type;
    if (t == t->interp->types.float_ && t->freelist_len < kFloatFreeListMax) {
        std::memcpy(&reinterpret_cast<FloatObject*>(o)->value, &t->freelist, sizeof(void*));
        t->freelist = o;
        ++t->freelist_len;
        return;
    }
    free_object(o);
}

// --- repr and hash ---

std::string float_repr(double v) {
    return double_to_string(v, 'r', 0, kDtsfAddDot0);
}

namespace {

// CPython's _Py_HashPointer, for NaNs (each NaN object hashes by identity).
int64_t pointer_hash(const void* p) noexcept {
    uint64_t y = reinterpret_cast<uintptr_t>(p);
    y = (y >> 4) | (y << 60);
    auto h = static_cast<int64_t>(y);
    return h == -1 ? -2 : h;
}

}  // namespace

int64_t float_hash(double v) noexcept {
    if (!std::isfinite(v)) return std::isinf(v) ? (v > 0 ? kHashInf : -kHashInf) : 0;
    int e;
    double m = std::frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    // Process 28 bits at a time, reducing modulo 2**61 - 1 as we go.
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & kHashModulus) | x >> (kHashBits - 28);
        m *= 268435456.0;
        e -= 28;
        auto y = static_cast<uint64_t>(m);
        m -= static_cast<double>(y);
        x += y;
        if (x >= kHashModulus) x -= kHashModulus;
    }
    e = e >= 0 ? e % kHashBits : kHashBits - 1 - ((-1 - e) % kHashBits);
    x = ((x << e) & kHashModulus) | x >> (kHashBits - e);
    x = x * static_cast<uint64_t>(static_cast<int64_t>(sign));
    auto h = static_cast<int64_t>(x);
    return h == -1 ? -2 : h;
}

int64_t float_hash_in(Value owner, double v) noexcept {
    return std::isnan(v) ? pointer_hash(owner.as_object()) : float_hash(v);
}

// --- parsing ---

namespace {

bool is_ascii_space(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

bool match_word(std::string_view s, size_t pos, std::string_view word) {
    if (s.size() - pos < word.size()) return false;
    for (size_t i = 0; i < word.size(); ++i)
        if ((s[pos + i] | 0x20) != word[i]) return false;
    return true;
}

// "inf", "infinity", "nan" after an optional sign (CPython's
// _Py_parse_inf_or_nan). Returns bytes consumed.
size_t parse_inf_or_nan(std::string_view s, size_t pos, bool negative, double* out) {
    if (match_word(s, pos, "inf")) {
        *out = negative ? -HUGE_VAL : HUGE_VAL;
        return match_word(s, pos, "infinity") ? 8 : 3;
    }
    if (match_word(s, pos, "nan")) {
        *out = negative ? -NAN : NAN;
        return 3;
    }
    return 0;
}

// Length of digits[.digits][e[sign]digits] at s[pos] (0 if no mantissa digit).
size_t decimal_literal_length(std::string_view s, size_t pos) {
    size_t i = pos, digits = 0;
    while (i < s.size() && is_digit(s[i])) ++i, ++digits;
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && is_digit(s[i])) ++i, ++digits;
    }
    if (digits == 0) return 0;
    if (i < s.size() && (s[i] | 0x20) == 'e') {
        size_t j = i + 1;
        if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
        if (j < s.size() && is_digit(s[j])) {
            while (j < s.size() && is_digit(s[j])) ++j;
            i = j;
        }
    }
    return i - pos;
}

// For a literal from_chars found out of range: +-inf when its magnitude is
// above 1, +-0.0 otherwise.
double out_of_range_value(std::string_view lit, bool negative) {
    size_t i = 0, int_digits = 0, frac_zeros = 0;
    while (i < lit.size() && lit[i] == '0') ++i;
    while (i < lit.size() && is_digit(lit[i])) ++i, ++int_digits;
    if (i < lit.size() && lit[i] == '.') {
        ++i;
        if (int_digits == 0)
            while (i < lit.size() && lit[i] == '0') ++i, ++frac_zeros;
        while (i < lit.size() && is_digit(lit[i])) ++i;
    }
    long exp = 0;
    if (i < lit.size() && (lit[i] | 0x20) == 'e') {
        size_t j = i + 1 + (lit[i + 1] == '+');
        std::from_chars(lit.data() + j, lit.data() + lit.size(), exp);
    }
    long magnitude = (int_digits > 0 ? long(int_digits) : -long(frac_zeros)) + exp;
    double r = magnitude > 0 ? HUGE_VAL : 0.0;
    return negative ? -r : r;
}

}  // namespace

size_t float_parse_prefix(std::string_view s, double* out) {
    size_t pos = 0;
    bool negative = false;
    if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) negative = s[pos++] == '-';
    if (size_t n = parse_inf_or_nan(s, pos, negative, out)) return pos + n;
    size_t n = decimal_literal_length(s, pos);
    if (n == 0) return 0;
    std::string_view lit = s.substr(pos, n);
    double v = 0.0;
    auto res = std::from_chars(lit.data(), lit.data() + lit.size(), v, std::chars_format::general);
    if (res.ec == std::errc::result_out_of_range) {
        *out = out_of_range_value(lit, negative);
    } else {
        *out = negative ? -v : v;
    }
    return pos + n;
}

namespace {

// CPython's _Py_string_to_number_with_underscores: an underscore must sit
// between two digits; returns false when one does not.
bool remove_underscores(std::string_view s, std::string* out) {
    out->clear();
    char prev = 0;
    for (char c : s) {
        if (c == '_') {
            if (!is_digit(prev)) return false;
        } else {
            if (prev == '_' && !is_digit(c)) return false;
            out->push_back(c);
        }
        prev = c;
    }
    return prev != '_';
}

// White space stripped, underscores removed, then the whole rest must be
// one float literal.
bool parse_float_text(std::string_view s, double* out) {
    std::string cleaned;
    if (s.find('_') != std::string_view::npos) {
        if (!remove_underscores(s, &cleaned)) return false;
        s = cleaned;
    }
    while (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_ascii_space(s.back())) s.remove_suffix(1);
    return !s.empty() && float_parse_prefix(s, out) == s.size();
}

}  // namespace

// Non-ASCII white space becomes ' ' and decimal digits of any script their
// ASCII digit, as CPython's _PyUnicode_TransformDecimalAndSpaceToASCII.
std::string numeric_text_to_ascii(std::string_view text) {
    std::string out;
    for (size_t i = 0; i < text.size();) {
        uint32_t cp;
        i += utf8_decode(text.data() + i, &cp);
        int d = cp < 0x80 ? -1 : uc_decimal_value(cp);
        if (cp < 0x80)
            out.push_back(static_cast<char>(cp));
        else if (uc_isspace(cp))
            out.push_back(' ');
        else if (d >= 0)
            out.push_back(static_cast<char>('0' + d));
        else
            return out.push_back('?'), out;  // CPython stops at the first such character
    }
    return out;
}

Value float_from_string(ThreadState& ts, std::string_view text) {
    std::string ascii;
    std::string_view s = text;
    if (!ascii_only(text)) {
        ascii = numeric_text_to_ascii(text);
        s = ascii;
    }
    double v;
    if (!parse_float_text(s, &v))
        return raise_fmt(ts, ts.exc_types().ValueError, "could not convert string to float: {}",
                         str_repr(text));
    return make_float(ts, v);
}

Value float_from_bytes_literal(ThreadState& ts, std::string_view text) {
    double v;
    if (!parse_float_text(text, &v))
        return raise_fmt(ts, ts.exc_types().ValueError, "could not convert string to float: {}",
                         bytes_repr(text));
    return make_float(ts, v);
}

// --- conversion of other objects ---

int float_operand(ThreadState& ts, Value v, double* out) {
    if (is_float(v)) {
        *out = float_value(v);
        return 1;
    }
    if (v.is_small_int()) {
        *out = static_cast<double>(v.as_small_int());
        return 1;
    }
    if (!is_int(v)) return 0;
    bool overflow = false;
    *out = int_to_double(ts, v, &overflow);
    if (!overflow) return 1;
    raise(ts, ts.exc_types().OverflowError, "int too large to convert to float");
    return -1;
}

namespace {

Value float_from_float_result(ThreadState& ts, Value x, Value r) {
    if (r.is_null()) return r;
    Ref owned(r);
    if (is_exact_float(ts, r)) return owned.release();
    if (!is_float(r))
        return raise_fmt(ts, ts.exc_types().TypeError, "{}.__float__ returned non-float (type {})",
                         type_name(ts, x), type_name(ts, r));
    return make_float(ts, float_value(r));
}

Value float_from_index(ThreadState& ts, Value r) {
    if (r.is_null()) return r;
    Ref owned(r);
    double d;
    if (float_operand(ts, r, &d) < 0) return Value();
    return make_float(ts, d);
}

}  // namespace

Value float_from_object(ThreadState& ts, Value x) {
    if (is_exact_float(ts, x)) return new_ref(x);
    TypeObject* t = type_of(ts, x);
    if (t->nb_float) return float_from_float_result(ts, x, t->nb_float(ts, x));
    if (t->nb_index) return float_from_index(ts, t->nb_index(ts, x));
    if (is_str(ts, x)) return float_from_string(ts, str_view(x));
    if (x.is_object() && x.as_object()->kind == ObjKind::Bytes)
        return float_from_bytes_literal(ts, bytes_view(x));
    if (x.is_object() && x.as_object()->kind == ObjKind::ByteArray)
        return float_from_bytes_literal(ts, bytearray_view(x));
    return raise_fmt(ts, ts.exc_types().TypeError,
                     "float() argument must be a string or a real number, not '{}'",
                     type_name(ts, x));
}

// --- arithmetic ---

namespace {

bool is_odd_integer(double x) {
    return std::fmod(std::fabs(x), 2.0) == 1.0;
}

Value raise_pow_overflow(ThreadState& ts) {
    // CPython raises OverflowError(errno, strerror): str() shows the tuple.
    Ref msg(make_str(ts, "Numerical result out of range"));
    if (!msg) return Value();
    Ref exc(call2(ts, val(ts.exc_types().OverflowError), Value::small_int(ERANGE), *msg));
    if (!exc) return Value();
    return raise_instance(ts, exc.release());
}

// float ** float for finite x > 0, x != 1 (CPython leaves these to libm).
Value pow_positive(ThreadState& ts, double x, double y, bool negate) {
    double r = std::pow(x, y);
    if (std::isinf(r)) return raise_pow_overflow(ts);
    return make_float(ts, negate ? -r : r);
}

// The cases of CPython's float_pow that it sorts out before calling pow().
Value float_pow(ThreadState& ts, double x, double y) {
    if (y == 0) return make_float(ts, 1.0);
    if (std::isnan(x)) return make_float(ts, x);
    if (std::isnan(y)) return make_float(ts, x == 1.0 ? 1.0 : y);
    if (std::isinf(y)) {
        double ax = std::fabs(x);
        if (ax == 1.0) return make_float(ts, 1.0);
        return make_float(ts, (y > 0.0) == (ax > 1.0) ? std::fabs(y) : 0.0);
    }
    if (std::isinf(x)) {
        bool odd = is_odd_integer(y);
        if (y > 0.0) return make_float(ts, odd ? x : std::fabs(x));
        return make_float(ts, odd ? std::copysign(0.0, x) : 0.0);
    }
    if (x == 0.0) {
        if (y < 0.0) return raise_zero_division(ts, "0.0 cannot be raised to a negative power");
        return make_float(ts, is_odd_integer(y) ? x : 0.0);
    }
    bool negate = false;
    if (x < 0.0) {
        // Negative numbers raised to fractional powers become complex.
        if (y != std::floor(y)) return complex_pow(ts, x, 0.0, y, 0.0);
        x = -x;
        negate = is_odd_integer(y);
    }
    if (x == 1.0) return make_float(ts, negate ? -1.0 : 1.0);
    return pow_positive(ts, x, y, negate);
}

// CPython's _float_div_mod.
void float_div_mod(double vx, double wx, double* floordiv, double* mod) {
    *mod = std::fmod(vx, wx);
    double div = (vx - *mod) / wx;
    if (*mod) {
        if ((wx < 0) != (*mod < 0)) {
            *mod += wx;
            div -= 1.0;
        }
    } else {
        *mod = std::copysign(0.0, wx);
    }
    if (div) {
        *floordiv = std::floor(div);
        if (div - *floordiv > 0.5) *floordiv += 1.0;
    } else {
        *floordiv = std::copysign(0.0, vx / wx);
    }
}

double float_mod(double vx, double wx) {
    double mod = std::fmod(vx, wx);
    if (mod) {
        if ((wx < 0) != (mod < 0)) mod += wx;
    } else {
        mod = std::copysign(0.0, wx);
    }
    return mod;
}

Value float_arith(ThreadState& ts, BinOp op, double x, double y) {
    switch (op) {
        case BinOp::Add:
            return make_float(ts, x + y);
        case BinOp::Sub:
            return make_float(ts, x - y);
        case BinOp::Mul:
            return make_float(ts, x * y);
        case BinOp::TrueDiv:
            if (y == 0.0) return raise_zero_division(ts, "float division by zero");
            return make_float(ts, x / y);
        case BinOp::FloorDiv: {
            if (y == 0.0) return raise_zero_division(ts, "float floor division by zero");
            double q, r;
            float_div_mod(x, y, &q, &r);
            return make_float(ts, q);
        }
        case BinOp::Mod:
            if (y == 0.0) return raise_zero_division(ts, "float modulo");
            return make_float(ts, float_mod(x, y));
        case BinOp::Pow:
            return float_pow(ts, x, y);
        default:
            return Value::not_implemented();
    }
}

}  // namespace

Value float_binary(ThreadState& ts, BinOp op, Value a, Value b) {
    double x, y;
    int ra = float_operand(ts, a, &x);
    if (ra <= 0) return ra < 0 ? Value() : Value::not_implemented();
    int rb = float_operand(ts, b, &y);
    if (rb <= 0) return rb < 0 ? Value() : Value::not_implemented();
    return float_arith(ts, op, x, y);
}

Value float_divmod(ThreadState& ts, Value a, Value b) {
    double x, y;
    int ra = float_operand(ts, a, &x);
    if (ra <= 0) return ra < 0 ? Value() : Value::not_implemented();
    int rb = float_operand(ts, b, &y);
    if (rb <= 0) return rb < 0 ? Value() : Value::not_implemented();
    if (y == 0.0) return raise_zero_division(ts, "float divmod()");
    double q, r;
    float_div_mod(x, y, &q, &r);
    Ref qv(make_float(ts, q)), rv(make_float(ts, r));
    if (!qv || !rv) return Value();
    return tuple_pack(ts, {*qv, *rv});
}

// --- comparison ---

namespace {

bool compare_doubles(double x, double y, CompareOp op) {
    switch (op) {
        case CompareOp::Lt:
            return x < y;
        case CompareOp::Le:
            return x <= y;
        case CompareOp::Eq:
            return x == y;
        case CompareOp::Ne:
            return x != y;
        case CompareOp::Gt:
            return x > y;
        case CompareOp::Ge:
            return x >= y;
    }
    return false;
}

bool compare_sign(int c, CompareOp op) {
    return compare_doubles(static_cast<double>(c), 0.0, op);
}

CompareOp reflect(CompareOp op) {
    switch (op) {
        case CompareOp::Lt:
            return CompareOp::Gt;
        case CompareOp::Le:
            return CompareOp::Ge;
        case CompareOp::Gt:
            return CompareOp::Lt;
        case CompareOp::Ge:
            return CompareOp::Le;
        default:
            return op;
    }
}

// float `x` op int `i`, exactly.
bool compare_float_int(double x, Value i, CompareOp op) {
    if (std::isnan(x)) return op == CompareOp::Ne;
    return compare_sign(-int_cmp_double(i, x), op);
}

}  // namespace

Value float_compare(ThreadState&, Value a, Value b, CompareOp op) {
    if (is_float(a)) {
        if (is_float(b)) return Value::boolean(compare_doubles(float_value(a), float_value(b), op));
        if (is_int(b)) return Value::boolean(compare_float_int(float_value(a), b, op));
        return Value::not_implemented();
    }
    if (is_float(b) && is_int(a))
        return Value::boolean(compare_float_int(float_value(b), a, reflect(op)));
    return Value::not_implemented();
}

// --- round ---

namespace {

// CPython's double_round: round through the correctly rounded decimal
// string (dtoa mode 3), then read it back.
Value double_round(ThreadState& ts, double x, int ndigits) {
    DtoaResult d;
    dtoa(x, 3, ndigits, &d);
    std::string text = d.negative ? "-0" : "0";
    text += d.digits;
    text += 'e';
    text += std::to_string(static_cast<long>(d.decpt) - static_cast<long>(d.digits.size()));
    errno = 0;
    double rounded = std::strtod(text.c_str(), nullptr);
    if (errno == ERANGE && std::fabs(rounded) >= 1.0)
        return raise(ts, ts.exc_types().OverflowError, "rounded value too large to represent");
    return make_float(ts, rounded);
}

}  // namespace

Value float_round(ThreadState& ts, double x, Value ndigits) {
    if (ndigits.is_null() || ndigits.is_none()) {
        double rounded = std::round(x);
        if (std::fabs(x - rounded) == 0.5) rounded = 2.0 * std::round(x / 2.0);  // ties to even
        return int_from_double(ts, rounded);
    }
    int64_t nd;
    if (!obj_index(ts, ndigits, &nd)) {
        if (!exception_matches(ts, ts.exc_types().OverflowError)) return Value();
        clear_exception(ts);  // PyNumber_AsSsize_t(.., NULL) clips instead
        nd = int_sign(ndigits) < 0 ? INT64_MIN : INT64_MAX;
    }
    if (!std::isfinite(x)) return make_float(ts, x);
    constexpr int kMaxDigits = static_cast<int>((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103);
    constexpr int kMinDigits = -static_cast<int>((DBL_MAX_EXP + 1) * 0.30103);
    if (nd > kMaxDigits) return make_float(ts, x);
    if (nd < kMinDigits) return make_float(ts, 0.0 * x);
    return double_round(ts, x, static_cast<int>(nd));
}

}  // namespace gilt
