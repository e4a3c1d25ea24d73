// int: small ints are tagged Values (runtime/value.hpp); anything larger is
// an IntObject holding a GMP integer, whose limbs sit inside the object up to
// 128 bits. Every operation normalises: a result
// that fits the small range is returned tagged, so an IntObject never holds
// a small value and `is_small_int()` is a complete fast-path test.
// bool is a subclass of int whose two values are the immediates True/False.
#pragma once

#include <gmp.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"

namespace gilt {

struct IntObject {
    Object hdr;
    mpz_t value;  // read-only once the object is made
};

// Ints of up to 128 bits keep their two limbs right after the IntObject
// (the inline form, see int.cpp): their mpz must not be cleared.
inline bool int_limbs_inline(IntObject* o) noexcept {
    return o->value->_mp_d == reinterpret_cast<mp_limb_t*>(o + 1);
}
// Exact ints of the inline form kept for reuse per interpreter (on the int
// type's free list, linked through their first limb).
constexpr uint32_t kIntFreeListMax = 100;
// Releases them (interpreter tear-down).
void int_clear_freelist(TypeObject* int_type) noexcept;

// Any int64 as a Value (small or big). Never fails except out of memory.
Value make_int(ThreadState& ts, int64_t v);
Value make_int_u64(ThreadState& ts, uint64_t v);
// Takes the mpz's value and normalises. The mpz is left re-initialised to 0
// without storage (GMP >= 6.2 mpz_init does not allocate), so the caller may
// mpz_clear it or not: either is correct.
Value make_int_mpz(ThreadState& ts, mpz_t v);
// int(text, base) parsing as CPython (underscores, sign, prefixes with base 0).
// Returns null with ValueError "invalid literal for int() with base 10: 'x'".
Value int_from_string(ThreadState& ts, std::string_view text, int base);
// Same for bytes input: the error shows b'...'.
Value int_from_bytes_literal(ThreadState& ts, std::string_view text, int base);
// Decimal digits of any int value (small, big or bool as 0/1). No limit.
std::string int_to_decimal(Value v);
std::string int_to_base(Value v, int base);  // no prefix, '-' for negatives
// str(int): decimal digits subject to the int max str digits limit
// (ValueError "Exceeds the limit (4300 digits) for integer string
// conversion; ..."). Returns false with the exception pending.
[[nodiscard]] bool int_to_decimal_checked(ThreadState& ts, Value v, std::string* out);
// Python-visible repr/str of an int value as a new str.
Value int_repr(ThreadState& ts, Value v);

// sys.get_int_max_str_digits() / sys.set_int_max_str_digits(n): 0 means no
// limit; CPython's default is 4300 and its minimum non-zero value 640
// (sys validates the argument). Per interpreter.
inline constexpr int kIntDefaultMaxStrDigits = 4300;
inline constexpr int kIntMaxStrDigitsThreshold = 640;
int int_max_str_digits(ThreadState& ts);
void set_int_max_str_digits(ThreadState& ts, int n);

// True for small ints, bigints, bools and int subclasses.
bool is_int(Value v) noexcept;
// Exact value when it fits int64; false (and no exception) otherwise.
bool int_to_int64(Value v, int64_t* out) noexcept;
// Exact value when it is in [0, 2**64); false (and no exception) otherwise.
bool int_to_uint64(Value v, uint64_t* out) noexcept;
// Same but raises OverflowError "Python int too large to convert to C ssize_t".
[[nodiscard]] bool int_as_int64(ThreadState& ts, Value v, int64_t* out);
double int_to_double(ThreadState& ts, Value v, bool* overflow);
// Sets `out` (initialised by caller) to the value.
void int_to_mpz(Value v, mpz_t out);
int int_sign(Value v) noexcept;
// CPython's hash for ints: value mod (2**61 - 1), -1 mapped to -2.
int64_t int_hash(Value v) noexcept;

// Arithmetic on int values with Python semantics; results normalised.
// Returns NotImplemented when an operand is not an int (the nb slots).
Value int_binary(ThreadState& ts, BinOp op, Value a, Value b);
// pow(base, exp, mod) for ints (the pow builtin's 3-argument form): a
// negative exponent takes the modular inverse; the result has mod's sign.
// TypeError "pow() 3rd argument not allowed unless all arguments are
// integers" when an argument is not an int.
Value int_pow_mod(ThreadState& ts, Value base, Value exp, Value mod);
// divmod(a, b) for ints: a (q, r) tuple, or NotImplemented.
Value int_divmod(ThreadState& ts, Value a, Value b);
// -x, abs(x), ~x for int values.
Value int_neg(ThreadState& ts, Value v);
Value int_abs(ThreadState& ts, Value v);
Value int_invert(ThreadState& ts, Value v);
// The exact int value of an int subclass instance or bool as a plain int
// (int(True) == 1); exact ints are returned as they are (new reference).
Value int_exact(ThreadState& ts, Value v);
// int(x) for any object (PyNumber_Long): __int__, __index__, __trunc__,
// str, bytes; TypeError otherwise.
Value int_from_object(ThreadState& ts, Value x);
// int(float): truncation; ValueError for NaN, OverflowError for infinities.
Value int_from_double(ThreadState& ts, double d);
Value int_compare(ThreadState& ts, Value a, Value b, CompareOp op);
int int_cmp(Value a, Value b) noexcept;  // -1/0/1
// -1/0/1: the exact comparison of an int value with a double that is not
// NaN (infinities allowed), as CPython's float_richcompare.
int int_cmp_double(Value i, double d) noexcept;

void define_int_type(Interpreter& interp, TypeObject* t);
void define_bool_type(Interpreter& interp, TypeObject* t);

}  // namespace gilt
