// int: tagged small ints and GMP bigints (see int.hpp for the invariant).
//
// Every operation first tries the small fast path: both operands tagged,
// result computed in int64 (add/sub of two 63-bit values cannot overflow
// int64; mul uses __builtin_mul_overflow), then make_int() boxes the
// result only if it left the small range. Otherwise operands are viewed as
// mpz without copying (MpzView: a read-only mpz over one stack limb for
// small values) and the result is normalised by make_int_mpz().
//
// An IntObject of an int *subclass* may hold a small value (class I(int):
// I(5) must be a heap object); IntArg treats such values as small, so the
// fast paths still apply to them.
//
// GMP aborts the process when a number outgrows its size field, so results
// that would exceed kMaxBits raise MemoryError first (CPython raises
// MemoryError for such sizes too, from its allocator).
//
// Under a heap cap (runtime/heap_meter.hpp) an int's GMP limbs are charged
// to the meter when the object takes them (alloc_big), and powers, products
// and shifts whose result would not fit are refused before GMP starts.
// Big powers run in steps that the sandbox's limits and host interrupts
// can stop (pow_stepwise).
//
// This file: representation, conversions, parsing, arithmetic, hashing and
// comparison. The type object, slots and methods are in int_methods.cpp.
#include "runtime/int.hpp"

#include <algorithm>
#include <cfloat>
#include <charconv>
#include <cmath>
#include <cstring>
#include <memory>

#include "runtime/bytes.hpp"
#include "runtime/errors.hpp"
#include "runtime/float.hpp"
#include "runtime/heap.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/interrupts.hpp"
#include "runtime/module_state.hpp"
#include "runtime/sandbox.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "runtime/unicode.hpp"

namespace gilt {

namespace {

constexpr uint64_t kHashModulus = (uint64_t(1) << 61) - 1;
// Largest result, in bits, we let GMP build (its size field overflows at
// 2**31 limbs, where it aborts).
constexpr uint64_t kMaxBits = uint64_t(1) << 36;
// Powers with results past this many bits (512 KiB) are computed in
// interruptible steps (pow_stepwise).
constexpr uint64_t kStepwiseBits = uint64_t(1) << 22;
constexpr const char* kMaxStrDigitsKey = "int.max_str_digits";

IntObject* int_obj(Value v) noexcept {
    return reinterpret_cast<IntObject*>(v.as_object());
}
bool is_int_object(Value v) noexcept {
    return v.is_object() && v.as_object()->kind == ObjKind::Int;
}

// Owned mpz with RAII.
struct Mpz {
    mpz_t v;
    Mpz() { mpz_init(v); }
    ~Mpz() { mpz_clear(v); }
    Mpz(const Mpz&) = delete;
    Mpz& operator=(const Mpz&) = delete;
};

// An int operand: small (in the tagged range) or a borrowed mpz.
struct IntArg {
    bool big = false;
    int64_t small = 0;
    mpz_srcptr z = nullptr;
};

// Fills `out` when v is an int; false otherwise.
bool int_arg(Value v, IntArg* out) noexcept {
    if (v.is_small_int()) {
        out->small = v.as_small_int();
        return true;
    }
    if (v.is_bool()) {
        out->small = v.is_true();
        return true;
    }
    if (!is_int_object(v)) return false;
    mpz_srcptr z = int_obj(v)->value;
    // Only an int subclass instance holds a small value (see int.hpp).
    if (z->_mp_size >= -1 && z->_mp_size <= 1) {
        uint64_t m = z->_mp_size ? z->_mp_d[0] : 0;
        if (m <= static_cast<uint64_t>(Value::kSmallMax)) {
            out->small = z->_mp_size < 0 ? -static_cast<int64_t>(m) : static_cast<int64_t>(m);
            return true;
        }
    }
    out->big = true;
    out->z = z;
    return true;
}

// A read-only mpz for any IntArg, without allocating.
class MpzView {
public:
    explicit MpzView(const IntArg& a) {
        if (a.big) {
            m_ptr = a.z;
            return;
        }
        m_limb = a.small < 0 ? -static_cast<uint64_t>(a.small) : static_cast<uint64_t>(a.small);
        m_ptr = mpz_roinit_n(m_tmp, &m_limb, a.small < 0 ? -1 : a.small > 0 ? 1 : 0);
    }
    MpzView(const MpzView&) = delete;
    MpzView& operator=(const MpzView&) = delete;
    mpz_srcptr get() const noexcept { return m_ptr; }
    operator mpz_srcptr() const noexcept { return m_ptr; }
    // GMP's mpz_sgn and mpz_odd_p are macros that dereference with ->.
    mpz_srcptr operator->() const noexcept { return m_ptr; }

private:
    mp_limb_t m_limb = 0;
    mpz_t m_tmp;
    mpz_srcptr m_ptr;
};

// |z| as a read-only view.
mpz_srcptr abs_view(mpz_t tmp, mpz_srcptr z) {
    return mpz_roinit_n(tmp, mpz_limbs_read(z), static_cast<mp_size_t>(mpz_size(z)));
}

// GMP allocates the limbs itself, so they are charged to the heap meter
// here, when an object takes them over (int_dealloc gives them back).
Value alloc_big(ThreadState& ts, mpz_t v) {
    std::size_t limbs = static_cast<std::size_t>(std::abs(v->_mp_alloc)) * sizeof(mp_limb_t);
    IntObject* o = nullptr;
    if (heap_charge(&ts.interp(), limbs)) {
        o = alloc<IntObject>(ts.types().int_);
        if (!o) heap_discharge(&ts.interp(), limbs);
    }
    if (!o) {
        mpz_clear(v);
        mpz_init(v);
        return raise_memory_error(ts);
    }
    *o->value = *v;  // moves the limbs: the object owns them now
    mpz_init(v);
    return val(o);
}

// --- the inline form: ints up to 128 bits without GMP ---
//
// An exact int whose magnitude fits two limbs is allocated with the limbs
// right after the IntObject, and its mpz points at them (_mp_alloc = 2).
// GMP only ever reads an IntObject's mpz (ints are immutable), so it never
// grows or frees those limbs; int_dealloc skips mpz_clear for them
// (int_limbs_inline). A result of up to 128 bits then costs one allocation
// and no GMP call at all: the common case of an accumulator just past 2**63,
// where going through GMP cost a temporary mpz, its limb block and the
// object. Freed exact ints of this form wait on the int type's free list
// (kIntFreeListMax, as floats do) for the next result. Operands are read back as __int128
// (arg_i128) when their magnitude is below 2**127, and every operation on them checks overflow,
// falling back to GMP when the exact result does not fit.

using Int128 = __int128;
using Uint128 = unsigned __int128;

Value make_int_i128(ThreadState& ts, Int128 v) {
    if (v >= Value::kSmallMin && v <= Value::kSmallMax)
        return Value::small_int(static_cast<int64_t>(v));
    TypeObject* t = ts.types().int_;
    auto* o = static_cast<IntObject*>(t->freelist);
    if (o) {
        std::memcpy(&t->freelist, o + 1, sizeof(void*));
        --t->freelist_len;
        o->hdr.refcnt = 1;
    } else {
        constexpr std::size_t kSize = sizeof(IntObject) + 2 * sizeof(mp_limb_t);
        o = reinterpret_cast<IntObject*>(alloc_object_uninit(t, kSize));
        if (!o) return raise_memory_error(ts);
    }
    Uint128 m = v < 0 ? -static_cast<Uint128>(v) : static_cast<Uint128>(v);
    auto* d = reinterpret_cast<mp_limb_t*>(o + 1);
    d[0] = static_cast<mp_limb_t>(m);
    d[1] = static_cast<mp_limb_t>(m >> 64);
    int n = d[1] ? 2 : 1;
    o->value->_mp_alloc = 2;
    o->value->_mp_size = v < 0 ? -n : n;
    o->value->_mp_d = d;
    return val(o);
}

// The value of `a` as __int128 when its magnitude is below 2**127.
bool arg_i128(const IntArg& a, Int128* out) noexcept {
    if (!a.big) {
        *out = a.small;
        return true;
    }
    int size = a.z->_mp_size;
    int n = size < 0 ? -size : size;
    if (n > 2) return false;
    Uint128 m = a.z->_mp_d[0];
    if (n == 2) m |= static_cast<Uint128>(a.z->_mp_d[1]) << 64;
    if (m >> 127) return false;
    *out = size < 0 ? -static_cast<Int128>(m) : static_cast<Int128>(m);
    return true;
}

// x op y in 128 bits. false when this form cannot give the answer (the
// result overflows, or a zero divisor or negative shift count whose error
// the general path raises); otherwise *out is the result (null: MemoryError).
bool i128_binary(ThreadState& ts, BinOp op, Int128 x, Int128 y, Value* out) {
    Int128 r;
    switch (op) {
        case BinOp::Add:
            if (__builtin_add_overflow(x, y, &r)) return false;
            break;
        case BinOp::Sub:
            if (__builtin_sub_overflow(x, y, &r)) return false;
            break;
        case BinOp::Mul:
            if (__builtin_mul_overflow(x, y, &r)) return false;
            break;
        case BinOp::FloorDiv:
            if (y == 0) return false;
            r = x / y;
            if (x % y != 0 && ((x < 0) != (y < 0))) --r;  // round toward -inf
            break;
        case BinOp::Mod:
            if (y == 0) return false;
            r = x % y;
            if (r != 0 && ((r < 0) != (y < 0))) r += y;  // the divisor's sign
            break;
        case BinOp::LShift:
            if (y < 0 || y >= 127) return false;
            r = static_cast<Int128>(static_cast<Uint128>(x) << y);
            if ((r >> y) != x) return false;  // bits (or the sign) shifted out
            break;
        case BinOp::RShift:
            if (y < 0) return false;
            r = y >= 127 ? (x < 0 ? -1 : 0) : (x >> y);  // arithmetic: floors
            break;
        case BinOp::And:
            r = x & y;
            break;
        case BinOp::Or:
            r = x | y;
            break;
        case BinOp::Xor:
            r = x ^ y;
            break;
        default:
            return false;
    }
    *out = make_int_i128(ts, r);
    return true;
}

Value raise_too_big(ThreadState& ts) {
    return raise_memory_error(ts);
}

uint64_t bits_of(const IntArg& a) {
    if (a.big) return mpz_sizeinbase(a.z, 2);
    uint64_t m = a.small < 0 ? -static_cast<uint64_t>(a.small) : static_cast<uint64_t>(a.small);
    return m ? 64 - __builtin_clzll(m) : 0;
}

}  // namespace

// --- construction ---

Value make_int(ThreadState& ts, int64_t v) {
    if (Value::fits_small(v)) return Value::small_int(v);
    return make_int_i128(ts, v);
}

Value make_int_u64(ThreadState& ts, uint64_t v) {
    if (v <= static_cast<uint64_t>(Value::kSmallMax))
        return Value::small_int(static_cast<int64_t>(v));
    return make_int_i128(ts, v);
}

Value make_int_mpz(ThreadState& ts, mpz_t v) {
    if (mpz_fits_slong_p(v)) {
        long x = mpz_get_si(v);
        if (Value::fits_small(x)) {
            mpz_clear(v);
            mpz_init(v);
            return Value::small_int(x);
        }
    }
    return alloc_big(ts, v);
}

Value int_exact(ThreadState& ts, Value v) {
    if (v.is_small_int()) return v;
    if (v.is_bool()) return Value::small_int(v.is_true());
    if (v.as_object()->type == ts.types().int_) return new_ref(v);
    Mpz z;
    mpz_set(z.v, int_obj(v)->value);
    return make_int_mpz(ts, z.v);
}

Value int_from_double(ThreadState& ts, double d) {
    if (std::isnan(d))
        return raise(ts, ts.exc_types().ValueError, "cannot convert float NaN to integer");
    if (std::isinf(d))
        return raise(ts, ts.exc_types().OverflowError, "cannot convert float infinity to integer");
    if (std::fabs(d) < 4611686018427387904.0) return Value::small_int(static_cast<int64_t>(d));
    Mpz z;
    mpz_set_d(z.v, d);  // exact: a double this large is integral
    return make_int_mpz(ts, z.v);
}

// --- inspection ---

bool is_int(Value v) noexcept {
    return v.is_small_int() || v.is_bool() || is_int_object(v);
}

bool int_to_int64(Value v, int64_t* out) noexcept {
    IntArg a;
    if (!int_arg(v, &a)) return false;
    if (!a.big) {
        *out = a.small;
        return true;
    }
    if (!mpz_fits_slong_p(a.z)) return false;
    *out = mpz_get_si(a.z);
    return true;
}

bool int_to_uint64(Value v, uint64_t* out) noexcept {
    IntArg a;
    if (!int_arg(v, &a)) return false;
    if (!a.big) {
        if (a.small < 0) return false;
        *out = static_cast<uint64_t>(a.small);
        return true;
    }
    if (mpz_sgn(a.z) < 0 || mpz_sizeinbase(a.z, 2) > 64) return false;
    *out = 0;
    mpz_export(out, nullptr, -1, sizeof(uint64_t), 0, 0, a.z);
    return true;
}

bool int_as_int64(ThreadState& ts, Value v, int64_t* out) {
    if (int_to_int64(v, out)) return true;
    raise(ts, ts.exc_types().OverflowError, "Python int too large to convert to C ssize_t");
    return false;
}

void int_to_mpz(Value v, mpz_t out) {
    IntArg a;
    if (!int_arg(v, &a)) {
        mpz_set_ui(out, 0);
        return;
    }
    if (a.big)
        mpz_set(out, a.z);
    else
        mpz_set_si(out, a.small);
}

int int_sign(Value v) noexcept {
    IntArg a;
    if (!int_arg(v, &a)) return 0;
    if (a.big) return mpz_sgn(a.z);
    return (a.small > 0) - (a.small < 0);
}

namespace {

// Correctly rounded (half to even) conversion, as CPython's PyLong_AsDouble:
// keep 55 bits with a sticky bit for everything below, let the hardware
// round those to 53, then scale.
double big_to_double(mpz_srcptr z, bool* overflow) {
    size_t bits = mpz_sizeinbase(z, 2);
    if (bits <= 53) return mpz_get_d(z);
    if (bits > 1024) {
        *overflow = true;
        return 0.0;
    }
    size_t shift = bits - 55;
    Mpz q;
    mpz_tdiv_q_2exp(q.v, z, shift);
    uint64_t x = mpz_getlimbn(q.v, 0);
    if (mpz_scan1(z, 0) < shift) x |= 1;
    double d = std::ldexp(static_cast<double>(x), static_cast<int>(shift));
    if (std::isinf(d)) {
        *overflow = true;
        return 0.0;
    }
    return mpz_sgn(z) < 0 ? -d : d;
}

}  // namespace

double int_to_double(ThreadState&, Value v, bool* overflow) {
    IntArg a;
    if (!int_arg(v, &a)) return 0.0;
    if (!a.big) return static_cast<double>(a.small);
    return big_to_double(a.z, overflow);
}

// --- hashing ---

int64_t int_hash(Value v) noexcept {
    IntArg a;
    if (!int_arg(v, &a)) return 0;
    uint64_t r;
    bool negative;
    if (a.big) {
        r = mpz_tdiv_ui(a.z, kHashModulus);
        negative = mpz_sgn(a.z) < 0;
    } else {
        negative = a.small < 0;
        r = negative ? -static_cast<uint64_t>(a.small) : static_cast<uint64_t>(a.small);
        // |small| <= 2**62, which can exceed 2 * modulus (2**62 - 2): fold
        // the bits above 61 back in (2**61 == 1 mod 2**61 - 1), then r is at
        // most modulus + 2 and one subtraction finishes the reduction.
        r = (r & kHashModulus) + (r >> 61);
        if (r >= kHashModulus) r -= kHashModulus;
    }
    int64_t h = negative ? -static_cast<int64_t>(r) : static_cast<int64_t>(r);
    return h == -1 ? -2 : h;
}

// --- text ---

std::string int_to_base(Value v, int base) {
    IntArg a;
    if (!int_arg(v, &a)) return "0";
    if (!a.big) {
        char buf[72];
        auto r = std::to_chars(buf, buf + sizeof buf, a.small, base);
        return std::string(buf, r.ptr);
    }
    std::string out(mpz_sizeinbase(a.z, base) + 2, '\0');
    mpz_get_str(out.data(), base, a.z);
    out.resize(std::strlen(out.c_str()));
    return out;
}

std::string int_to_decimal(Value v) {
    return int_to_base(v, 10);
}

int int_max_str_digits(ThreadState& ts) {
    int* n = find_module_state<int>(ts.interp(), kMaxStrDigitsKey);
    return n ? *n : kIntDefaultMaxStrDigits;
}

void set_int_max_str_digits(ThreadState& ts, int n) {
    module_state<int>(ts.interp(), kMaxStrDigitsKey) = n;
}

namespace {

Value raise_str_limit(ThreadState& ts, int limit) {
    return raise_fmt(ts, ts.exc_types().ValueError,
                     "Exceeds the limit ({} digits) for integer string conversion; use "
                     "sys.set_int_max_str_digits() to increase the limit",
                     limit);
}

}  // namespace

bool int_to_decimal_checked(ThreadState& ts, Value v, std::string* out) {
    IntArg a;
    if (int_arg(v, &a) && a.big && mpz_sizeinbase(a.z, 10) > size_t{kIntMaxStrDigitsThreshold}) {
        int limit = int_max_str_digits(ts);
        // sizeinbase may exceed the true count by one: reject early only
        // when surely too long, so huge values are not converted first.
        if (limit > 0 && mpz_sizeinbase(a.z, 10) - 1 > static_cast<size_t>(limit)) {
            raise_str_limit(ts, limit);
            return false;
        }
        *out = int_to_decimal(v);
        size_t digits = out->size() - (mpz_sgn(a.z) < 0 ? 1 : 0);
        if (limit > 0 && digits > static_cast<size_t>(limit)) {
            raise_str_limit(ts, limit);
            return false;
        }
        return true;
    }
    *out = int_to_decimal(v);
    return true;
}

Value int_repr(ThreadState& ts, Value v) {
    if (v.is_small_int()) {
        char buf[24];
        auto r = std::to_chars(buf, buf + sizeof buf, v.as_small_int());
        size_t n = static_cast<size_t>(r.ptr - buf);
        return make_str_known(ts, std::string_view(buf, n), n, true);
    }
    std::string s;
    if (!int_to_decimal_checked(ts, v, &s)) return Value();
    return make_str_known(ts, s, s.size(), true);
}

// --- parsing: int(str, base) as CPython's _PyLong_FromString ---

namespace {

int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

bool is_ascii_space(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

// CPython's _PyUnicode_TransformDecimalAndSpaceToASCII: Unicode white space
// becomes ' ', decimal digits of any script their ASCII digit, and other
// non-ASCII characters a byte that no base accepts.
std::string ascii_digits_and_spaces(std::string_view text) {
    std::string out;
    out.reserve(text.size());
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
            out.push_back('\x7f');
    }
    return out;
}

// The syntax of an int literal after optional white space and sign:
// prefix for the base, digits with single underscores between them.
struct ParsedDigits {
    // The digits without underscores: a view of the text itself when it has
    // none (a huge literal is refused by the digit limit before anything is
    // copied), else of `storage`.
    std::string_view digits;
    std::string storage;
    bool negative = false;
    bool only_zero_allowed = false;  // base 0 with a leading 0 (old octal)
    int base = 10;
};

size_t skip_prefix(std::string_view s, size_t i, int base) {
    if (i + 1 < s.size() && s[i] == '0') {
        char c = static_cast<char>(s[i + 1] | 0x20);
        if ((base == 16 && c == 'x') || (base == 8 && c == 'o') || (base == 2 && c == 'b')) {
            i += 2;
            if (i < s.size() && s[i] == '_') ++i;  // one underscore allowed after the prefix
        }
    }
    return i;
}

int detect_base(std::string_view s, size_t i, bool* only_zero) {
    if (i >= s.size() || s[i] != '0') return 10;
    char c = i + 1 < s.size() ? static_cast<char>(s[i + 1] | 0x20) : 0;
    if (c == 'x') return 16;
    if (c == 'o') return 8;
    if (c == 'b') return 2;
    *only_zero = true;
    return 10;
}

bool parse_literal(std::string_view s, int base, ParsedDigits* out) {
    size_t i = 0;
    while (i < s.size() && is_ascii_space(s[i])) ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) out->negative = s[i++] == '-';
    if (base == 0) base = detect_base(s, i, &out->only_zero_allowed);
    out->base = base;
    i = skip_prefix(s, i, base);
    if (i < s.size() && s[i] == '_') return false;
    char prev = 0;
    size_t start = i;
    bool underscores = false;
    for (; i < s.size(); ++i) {
        char c = s[i];
        if (c == '_') {
            if (prev == '_') return false;
            underscores = true;
        } else if (digit_value(c) >= base) {
            break;
        }
        prev = c;
    }
    out->digits = s.substr(start, i - start);
    if (underscores) {
        for (char c : out->digits)
            if (c != '_') out->storage += c;
        out->digits = out->storage;
    }
    if (prev == '_' || out->digits.empty()) return false;
    while (i < s.size() && is_ascii_space(s[i])) ++i;
    if (i != s.size()) return false;
    if (out->only_zero_allowed) return out->digits.find_first_not_of('0') == std::string::npos;
    return true;
}

Value raise_invalid_literal(ThreadState& ts, std::string_view text, int base, bool is_bytes) {
    std::string r;
    if (is_bytes) {
        r = bytes_repr(text.substr(0, 200));
    } else {
        // Only the first 200 characters of the repr are shown: a prefix of
        // the text is enough, and a huge text is not copied whole.
        std::string_view head = text.substr(0, 4 * 200);
        uint64_t chars = utf8_count(head);
        head = head.substr(0, utf8_offset(head, chars, std::min<uint64_t>(chars, 200)));
        r = str_repr(head);
        if (utf8_count(r) > 200) r.resize(utf8_offset(r, utf8_count(r), 200));
    }
    return raise_fmt(ts, ts.exc_types().ValueError, "invalid literal for int() with base {}: {}",
                     base, r);
}

Value digits_to_int(ThreadState& ts, const ParsedDigits& p) {
    if (p.digits.size() <= 18 && p.base == 10) {
        int64_t x = 0;
        for (char c : p.digits) x = x * 10 + (c - '0');
        return make_int(ts, p.negative ? -x : x);
    }
    bool power_of_two = (p.base & (p.base - 1)) == 0;
    if (!power_of_two && p.digits.size() > kIntMaxStrDigitsThreshold) {
        int limit = int_max_str_digits(ts);
        if (limit > 0 && p.digits.size() > static_cast<size_t>(limit))
            return raise_fmt(
                ts, ts.exc_types().ValueError,
                "Exceeds the limit ({} digits) for integer string conversion: value has "
                "{} digits; use sys.set_int_max_str_digits() to increase the limit",
                limit, p.digits.size());
    }
    Mpz z;
    mpz_set_str(z.v, std::string(p.digits).c_str(), p.base);
    if (p.negative) mpz_neg(z.v, z.v);
    return make_int_mpz(ts, z.v);
}

Value parse_int_text(ThreadState& ts, std::string_view text, int base, bool is_bytes) {
    std::string transformed;
    std::string_view s = text;
    if (!is_bytes && !ascii_only(text)) {
        transformed = ascii_digits_and_spaces(text);
        s = transformed;
    }
    ParsedDigits p;
    if (!parse_literal(s, base, &p)) return raise_invalid_literal(ts, text, base, is_bytes);
    return digits_to_int(ts, p);
}

}  // namespace

Value int_from_string(ThreadState& ts, std::string_view text, int base) {
    return parse_int_text(ts, text, base, false);
}

Value int_from_bytes_literal(ThreadState& ts, std::string_view text, int base) {
    return parse_int_text(ts, text, base, true);
}

// --- comparison ---

int int_cmp(Value a, Value b) noexcept {
    IntArg x, y;
    if (!int_arg(a, &x) || !int_arg(b, &y)) return 0;
    if (!x.big && !y.big) return (x.small > y.small) - (x.small < y.small);
    MpzView xa(x), ya(y);
    int c = mpz_cmp(xa, ya);
    return (c > 0) - (c < 0);
}

int int_cmp_double(Value i, double d) noexcept {
    IntArg a;
    if (!int_arg(i, &a)) return 0;
    constexpr double kLimit = 9007199254740992.0;  // 2**53: below it the conversion is exact
    if (!a.big && a.small >= -int64_t(kLimit) && a.small <= int64_t(kLimit)) {
        double x = static_cast<double>(a.small);
        return (x > d) - (x < d);
    }
    MpzView z(a);
    int c = mpz_cmp_d(z, d);  // exact, and defined for infinities
    return (c > 0) - (c < 0);
}

namespace {

bool compare_result(int c, CompareOp op) {
    switch (op) {
        case CompareOp::Lt:
            return c < 0;
        case CompareOp::Le:
            return c <= 0;
        case CompareOp::Eq:
            return c == 0;
        case CompareOp::Ne:
            return c != 0;
        case CompareOp::Gt:
            return c > 0;
        case CompareOp::Ge:
            return c >= 0;
    }
    return false;
}

}  // namespace

Value int_compare(ThreadState&, Value a, Value b, CompareOp op) {
    if (!is_int(a) || !is_int(b)) return Value::not_implemented();
    return Value::boolean(compare_result(int_cmp(a, b), op));
}

// --- arithmetic ---

namespace {

Value zero_div_floor(ThreadState& ts) {
    return raise_zero_division(ts, "integer division or modulo by zero");
}
Value zero_div_mod(ThreadState& ts) {
    return raise_zero_division(ts, "integer modulo by zero");
}
Value negative_shift(ThreadState& ts) {
    return raise(ts, ts.exc_types().ValueError, "negative shift count");
}

int64_t floor_div64(int64_t x, int64_t y) {
    int64_t q = x / y;
    if ((x % y != 0) && ((x < 0) != (y < 0))) --q;
    return q;
}

int64_t floor_mod64(int64_t x, int64_t y) {
    int64_t r = x % y;
    if (r != 0 && ((r < 0) != (y < 0))) r += y;
    return r;
}

// long_true_divide: the quotient correctly rounded, computed from a
// 55-bit integer quotient plus a sticky bit (CPython's algorithm).
Value true_divide_big(ThreadState& ts, mpz_srcptr a, mpz_srcptr b) {
    if (mpz_sgn(b) == 0) return raise_zero_division(ts, "division by zero");
    bool negate = (mpz_sgn(a) < 0) != (mpz_sgn(b) < 0);
    if (mpz_sgn(a) == 0) return make_float(ts, negate ? -0.0 : 0.0);
    mpz_t ta, tb;
    mpz_srcptr aa = abs_view(ta, a), ab = abs_view(tb, b);
    int64_t diff =
        static_cast<int64_t>(mpz_sizeinbase(aa, 2)) - static_cast<int64_t>(mpz_sizeinbase(ab, 2));
    if (diff > DBL_MAX_EXP)
        return raise(ts, ts.exc_types().OverflowError,
                     "integer division result too large for a float");
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) return make_float(ts, negate ? -0.0 : 0.0);
    int64_t shift = std::max<int64_t>(diff, DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    Mpz q, r, t;
    if (shift >= 0) {
        mpz_mul_2exp(t.v, ab, static_cast<mp_bitcnt_t>(shift));
        mpz_tdiv_qr(q.v, r.v, aa, t.v);
    } else {
        mpz_mul_2exp(t.v, aa, static_cast<mp_bitcnt_t>(-shift));
        mpz_tdiv_qr(q.v, r.v, t.v, ab);
    }
    uint64_t x = mpz_getlimbn(q.v, 0);
    int64_t x_bits = x ? 64 - __builtin_clzll(x) : 0;
    int64_t extra_bits = std::max<int64_t>(x_bits, DBL_MIN_EXP - shift) - DBL_MANT_DIG;
    uint64_t mask = uint64_t(1) << (extra_bits - 1);
    uint64_t low = x | (mpz_sgn(r.v) != 0 ? 1 : 0);
    if ((low & mask) && (low & (3 * mask - 1))) x += mask;
    x &= ~(2 * mask - 1);
    double dx = static_cast<double>(x);
    if (shift + x_bits >= DBL_MAX_EXP &&
        (shift + x_bits > DBL_MAX_EXP || dx == std::ldexp(1.0, static_cast<int>(x_bits))))
        return raise(ts, ts.exc_types().OverflowError,
                     "integer division result too large for a float");
    double result = std::ldexp(dx, static_cast<int>(shift));
    return make_float(ts, negate ? -result : result);
}

constexpr int64_t kExactDoubleLimit = int64_t(1) << 53;

Value true_divide_small(ThreadState& ts, int64_t x, int64_t y) {
    if (y == 0) return raise_zero_division(ts, "division by zero");
    if (x >= -kExactDoubleLimit && x <= kExactDoubleLimit && y >= -kExactDoubleLimit &&
        y <= kExactDoubleLimit)
        return make_float(ts, static_cast<double>(x) / static_cast<double>(y));
    IntArg xa, ya;
    xa.small = x;
    ya.small = y;
    MpzView a(xa), b(ya);
    return true_divide_big(ts, a, b);
}

// Refuses (MemoryError) a result of `bits` bits that would not fit under
// the heap cap together with about as much again of GMP's scratch, before
// GMP spends time on it. Always true without a cap.
bool room_for_bits(ThreadState& ts, uint64_t bits) {
    if (heap_room_for(&ts.interp(), static_cast<std::size_t>(bits / 8 * 2 + 64))) return true;
    raise_memory_error(ts);
    return false;
}

// Between the steps of a long computation, what a check point of the eval
// loop would raise: a spent sandbox budget (each step counts one check
// point), a passed time limit, a host interrupt, a signal.
bool long_step_check(ThreadState& ts) {
    if (!sandbox_check_point(ts) || !sandbox_check_deadline(ts)) return false;
    if (polls_interrupts(ts) && interrupt_pending(ts)) return run_pending_interrupts(ts);
    return true;
}

// b ** exp (exp >= 2) by left-to-right binary powering, one squaring (and
// a multiplication by b) per step, with long_step_check() between steps:
// mpz_pow_ui cannot be interrupted, and 10 ** (10 ** 8) spends seconds in
// it. false with the exception pending.
bool pow_stepwise(ThreadState& ts, mpz_t r, mpz_srcptr b, uint64_t exp) {
    mpz_set(r, b);
    for (int bit = 62 - __builtin_clzll(exp); bit >= 0; --bit) {
        if (!long_step_check(ts)) return false;
        mpz_mul(r, r, r);
        if ((exp >> bit) & 1) mpz_mul(r, r, b);
    }
    return true;
}

Value pow_big(ThreadState& ts, const IntArg& base, uint64_t exp) {
    MpzView b(base);
    uint64_t bits = bits_of(base), total = 0;
    if (exp > 1 && bits > 1 && (__builtin_mul_overflow(bits - 1, exp, &total) || total > kMaxBits))
        return raise_too_big(ts);
    if (!room_for_bits(ts, total)) return Value();
    Mpz r;
    if (total > kStepwiseBits) {
        if (!pow_stepwise(ts, r.v, b, exp)) return Value();
    } else {
        mpz_pow_ui(r.v, b, exp);
    }
    return make_int_mpz(ts, r.v);
}

// x ** y for y >= 0 by repeated squaring in int64 while it fits.
Value pow_small(ThreadState& ts, int64_t x, int64_t y) {
    int64_t result = 1, base = x;
    uint64_t e = static_cast<uint64_t>(y);
    while (e) {
        if (e & 1) {
            if (__builtin_mul_overflow(result, base, &result)) break;
        }
        e >>= 1;
        if (!e) return make_int(ts, result);
        if (__builtin_mul_overflow(base, base, &base)) break;
    }
    if (!e) return make_int(ts, result);
    IntArg b;
    b.small = x;
    return pow_big(ts, b, static_cast<uint64_t>(y));
}

Value lshift_small(ThreadState& ts, int64_t x, int64_t y) {
    if (y < 0) return negative_shift(ts);
    if (x == 0) return Value::small_int(0);
    if (y < 64) {  // |x| < 2**62: the result fits in 126 bits
        return make_int_i128(ts, static_cast<Int128>(static_cast<Uint128>(x) << y));
    }
    if (static_cast<uint64_t>(y) > kMaxBits) return raise_too_big(ts);
    // GMP aborts the process when its allocation fails: check the size first.
    if (!check_alloc_size(ts, static_cast<uint64_t>(y) / 8 + 24)) return Value();
    if (!room_for_bits(ts, static_cast<uint64_t>(y))) return Value();
    IntArg a;
    a.small = x;
    MpzView v(a);
    Mpz r;
    mpz_mul_2exp(r.v, v, static_cast<mp_bitcnt_t>(y));
    return make_int_mpz(ts, r.v);
}

Value small_binary(ThreadState& ts, BinOp op, int64_t x, int64_t y) {
    switch (op) {
        case BinOp::Add:
            return make_int(ts, x + y);
        case BinOp::Sub:
            return make_int(ts, x - y);
        case BinOp::Mul: {
            int64_t r;
            if (!__builtin_mul_overflow(x, y, &r)) return make_int(ts, r);
            return make_int_i128(ts, static_cast<Int128>(x) * y);  // cannot overflow
        }
        case BinOp::TrueDiv:
            return true_divide_small(ts, x, y);
        case BinOp::FloorDiv:
            return y == 0 ? zero_div_floor(ts) : make_int(ts, floor_div64(x, y));
        case BinOp::Mod:
            return y == 0 ? zero_div_mod(ts) : make_int(ts, floor_mod64(x, y));
        case BinOp::Pow:
            return pow_small(ts, x, y);  // y >= 0: int_binary sent y < 0 to float
        case BinOp::LShift:
            return lshift_small(ts, x, y);
        case BinOp::RShift:
            if (y < 0) return negative_shift(ts);
            return Value::small_int(y >= 63 ? (x < 0 ? -1 : 0) : (x >> y));
        case BinOp::And:
            return Value::small_int(x & y);
        case BinOp::Or:
            return Value::small_int(x | y);
        case BinOp::Xor:
            return Value::small_int(x ^ y);
        case BinOp::MatMul:
            break;
    }
    return Value::not_implemented();
}

Value big_pow(ThreadState& ts, const IntArg& x, const IntArg& y) {
    if (y.big) {  // an exponent beyond 2**62: only trivial bases stay finite
        MpzView b(x);
        if (mpz_cmpabs_ui(b, 1) > 0) return raise_too_big(ts);
        if (mpz_sgn(b) >= 0) return make_int(ts, mpz_get_si(b));
        return Value::small_int(mpz_odd_p(y.z) ? -1 : 1);
    }
    if (!x.big) return pow_small(ts, x.small, y.small);
    return pow_big(ts, x, static_cast<uint64_t>(y.small));
}

// A left shift whose result gilt will not make. CPython names the error by
// its own sizes (30-bit digits, long_lshift and _PyLong_New): a result of more
// than its digit limit is an OverflowError, anything smaller fails in its
// allocator with MemoryError. Shift counts past PY_SSIZE_T_MAX / 4 digits are
// clipped to that first (divmod_shift), so they always overflow.
Value raise_shift_too_big(ThreadState& ts, const IntArg& x, const IntArg& y) {
    constexpr uint64_t kDigitBits = 30;
    constexpr uint64_t kClippedWordShift = uint64_t(INT64_MAX) / 4;
    constexpr uint64_t kMaxDigits = (uint64_t(INT64_MAX) - 24) / 4;  // MAX_LONG_DIGITS
    uint64_t word_shift, rem_shift;
    if (y.big) {
        Mpz q;
        rem_shift = mpz_fdiv_q_ui(q.v, y.z, kDigitBits);
        bool clipped = mpz_sizeinbase(q.v, 2) > 63 || mpz_get_ui(q.v) >= kClippedWordShift;
        word_shift = clipped ? kClippedWordShift : mpz_get_ui(q.v);
        if (clipped) rem_shift = 0;
    } else {
        word_shift = static_cast<uint64_t>(y.small) / kDigitBits;
        rem_shift = static_cast<uint64_t>(y.small) % kDigitBits;
    }
    uint64_t old_digits = (bits_of(x) + kDigitBits - 1) / kDigitBits;
    uint64_t new_digits = old_digits + word_shift + (rem_shift != 0 ? 1 : 0);
    if (new_digits > kMaxDigits)
        return raise(ts, ts.exc_types().OverflowError, "too many digits in integer");
    return raise_too_big(ts);
}

Value big_shift(ThreadState& ts, BinOp op, const IntArg& x, const IntArg& y) {
    if (y.big ? mpz_sgn(y.z) < 0 : y.small < 0) return negative_shift(ts);
    MpzView a(x);
    if (op == BinOp::RShift) {
        if (y.big) return Value::small_int(mpz_sgn(a) < 0 ? -1 : 0);
        Mpz r;
        mpz_fdiv_q_2exp(r.v, a, static_cast<mp_bitcnt_t>(y.small));
        return make_int_mpz(ts, r.v);
    }
    if (mpz_sgn(a) == 0) return Value::small_int(0);
    if (y.big || static_cast<uint64_t>(y.small) + bits_of(x) > kMaxBits)
        return raise_shift_too_big(ts, x, y);
    // GMP aborts the process when its allocation fails: check the size first.
    if (!check_alloc_size(ts, (static_cast<uint64_t>(y.small) + bits_of(x)) / 8 + 16))
        return Value();
    if (!room_for_bits(ts, static_cast<uint64_t>(y.small) + bits_of(x))) return Value();
    Mpz r;
    mpz_mul_2exp(r.v, a, static_cast<mp_bitcnt_t>(y.small));
    return make_int_mpz(ts, r.v);
}

bool is_zero(const IntArg& a) {
    return !a.big && a.small == 0;
}

Value big_binary(ThreadState& ts, BinOp op, const IntArg& x, const IntArg& y) {
    switch (op) {
        case BinOp::TrueDiv: {
            MpzView a(x), b(y);
            return true_divide_big(ts, a, b);
        }
        case BinOp::Pow:
            return big_pow(ts, x, y);
        case BinOp::LShift:
        case BinOp::RShift:
            return big_shift(ts, op, x, y);
        case BinOp::FloorDiv:
            if (is_zero(y)) return zero_div_floor(ts);
            break;
        case BinOp::Mod:
            if (is_zero(y)) return zero_div_mod(ts);
            break;
        case BinOp::Mul:
            if (bits_of(x) + bits_of(y) > kMaxBits) return raise_too_big(ts);
            if (!room_for_bits(ts, bits_of(x) + bits_of(y))) return Value();
            break;
        case BinOp::MatMul:
            return Value::not_implemented();
        default:
            break;
    }
    MpzView a(x), b(y);
    Mpz r;
    switch (op) {
        case BinOp::Add:
            mpz_add(r.v, a, b);
            break;
        case BinOp::Sub:
            mpz_sub(r.v, a, b);
            break;
        case BinOp::Mul:
            mpz_mul(r.v, a, b);
            break;
        case BinOp::FloorDiv:
            mpz_fdiv_q(r.v, a, b);
            break;
        case BinOp::Mod:
            mpz_fdiv_r(r.v, a, b);
            break;
        case BinOp::And:
            mpz_and(r.v, a, b);
            break;
        case BinOp::Or:
            mpz_ior(r.v, a, b);
            break;
        case BinOp::Xor:
            mpz_xor(r.v, a, b);
            break;
        default:
            break;
    }
    return make_int_mpz(ts, r.v);
}

bool negative(const IntArg& a) {
    return a.big ? mpz_sgn(a.z) < 0 : a.small < 0;
}

}  // namespace

Value int_binary(ThreadState& ts, BinOp op, Value a, Value b) {
    IntArg x, y;
    if (!int_arg(a, &x) || !int_arg(b, &y)) return Value::not_implemented();
    // int ** negative int is float arithmetic (2 ** -1 == 0.5).
    if (op == BinOp::Pow && negative(y)) return float_binary(ts, op, a, b);
    if (!x.big && !y.big) return small_binary(ts, op, x.small, y.small);
    Int128 p, q;
    Value r;
    if (arg_i128(x, &p) && arg_i128(y, &q) && i128_binary(ts, op, p, q, &r)) return r;
    return big_binary(ts, op, x, y);
}

Value int_divmod(ThreadState& ts, Value a, Value b) {
    IntArg x, y;
    if (!int_arg(a, &x) || !int_arg(b, &y)) return Value::not_implemented();
    if (is_zero(y)) return zero_div_floor(ts);
    Ref q, r;
    Int128 p, d;
    if (!x.big && !y.big) {
        q = Ref(make_int(ts, floor_div64(x.small, y.small)));
        r = Ref(make_int(ts, floor_mod64(x.small, y.small)));
    } else if (arg_i128(x, &p) && arg_i128(y, &d)) {
        Value vq, vr;
        static_cast<void>(i128_binary(ts, BinOp::FloorDiv, p, d, &vq));
        q = Ref(vq);
        if (q) static_cast<void>(i128_binary(ts, BinOp::Mod, p, d, &vr));
        r = Ref(q ? vr : Value());
    } else {
        MpzView va(x), vb(y);
        Mpz mq, mr;
        mpz_fdiv_qr(mq.v, mr.v, va, vb);
        q = Ref(make_int_mpz(ts, mq.v));
        r = Ref(make_int_mpz(ts, mr.v));
    }
    if (!q || !r) return Value();
    return tuple_pack(ts, {*q, *r});
}

namespace {

Value pow_mod_inverse(ThreadState& ts, mpz_t base, mpz_srcptr mod) {
    if (!mpz_invert(base, base, mod))
        return raise(ts, ts.exc_types().ValueError, "base is not invertible for the given modulus");
    return Value::none();
}

}  // namespace

Value int_pow_mod(ThreadState& ts, Value base, Value exp, Value mod) {
    IntArg b, e, m;
    if (!int_arg(base, &b) || !int_arg(exp, &e) || !int_arg(mod, &m))
        return raise(ts, ts.exc_types().TypeError,
                     "pow() 3rd argument not allowed unless all arguments are integers");
    if (is_zero(m)) return raise(ts, ts.exc_types().ValueError, "pow() 3rd argument cannot be 0");
    MpzView vb(b), ve(e), vm(m);
    mpz_t tm;
    mpz_srcptr am = abs_view(tm, vm);
    if (mpz_cmp_ui(am, 1) == 0) return Value::small_int(0);  // checked before inverting, as CPython
    Mpz r, eabs;
    mpz_mod(r.v, vb, am);  // base reduced into [0, |mod|)
    mpz_abs(eabs.v, ve);
    if (mpz_sgn(ve) < 0 && pow_mod_inverse(ts, r.v, am).is_null()) return Value();
    mpz_powm(r.v, r.v, eabs.v, am);
    // The result takes the sign of the modulus, as Python's %.
    if (mpz_sgn(vm) < 0 && mpz_sgn(r.v) != 0) mpz_add(r.v, r.v, vm);
    return make_int_mpz(ts, r.v);
}

Value int_neg(ThreadState& ts, Value v) {
    IntArg a;
    if (!int_arg(v, &a)) return Value::not_implemented();
    Int128 p;
    if (arg_i128(a, &p)) return make_int_i128(ts, -p);
    Mpz r;
    mpz_neg(r.v, a.z);
    return make_int_mpz(ts, r.v);
}

Value int_abs(ThreadState& ts, Value v) {
    IntArg a;
    if (!int_arg(v, &a)) return Value::not_implemented();
    Int128 p;
    if (arg_i128(a, &p)) return make_int_i128(ts, p < 0 ? -p : p);
    Mpz r;
    mpz_abs(r.v, a.z);
    return make_int_mpz(ts, r.v);
}

Value int_invert(ThreadState& ts, Value v) {
    IntArg a;
    if (!int_arg(v, &a)) return Value::not_implemented();
    Int128 p;
    if (arg_i128(a, &p)) return make_int_i128(ts, ~p);
    Mpz r;
    mpz_com(r.v, a.z);
    return make_int_mpz(ts, r.v);
}

}  // namespace gilt
