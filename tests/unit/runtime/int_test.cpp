// Tests for int and bool (runtime/int.hpp): the small/big boundary and
// normalisation, every binary operator against a table generated with
// CPython 3.11 (results and exact error messages), parsing, hashing, the
// int max str digits limit, pow with a modulus, and the methods.
#include "runtime/int.hpp"

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <string_view>

#include "runtime/abstract.hpp"
#include "runtime/bytes.hpp"
#include "runtime/errors.hpp"
#include "runtime/float.hpp"
#include "runtime/format_spec.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"

namespace gilt {
namespace {

class IntTest : public ::testing::Test {
protected:
    Interpreter interp;
    ThreadState& ts = interp.main_thread();

    // An int from decimal text (new reference held by the returned Ref).
    Ref num(std::string_view text) {
        Ref v(int_from_string(ts, text, 10));
        EXPECT_FALSE(v.is_null()) << text;
        return v;
    }
    // repr() of a result, or "Type: message" of the pending exception.
    std::string show(Value result) {
        Ref owned(result);
        if (result.is_null()) return pending_error();
        Ref r(obj_repr(ts, result));
        if (!r) return pending_error();
        return std::string(str_view(*r));
    }
    std::string pending_error() {
        Ref exc(fetch_exception(ts));
        if (!exc) return "<null without exception>";
        Ref s(obj_str(ts, *exc));
        return std::string(type_name(ts, *exc)) + ": " + std::string(s ? str_view(*s) : "?");
    }
    Value call_attr(Value obj, const char* name, std::initializer_list<Value> args) {
        Ref f(obj_getattr_cstr(ts, obj, name));
        if (!f) return Value();
        return call_n(ts, *f, args);
    }
    Ref str(std::string_view s) { return Ref(make_str(ts, s)); }
};

TEST_F(IntTest, SmallRangeBoundaries) {
    EXPECT_TRUE(make_int(ts, Value::kSmallMax).is_small_int());
    EXPECT_TRUE(make_int(ts, Value::kSmallMin).is_small_int());
    Ref above(make_int(ts, Value::kSmallMax + 1));
    Ref below(make_int(ts, Value::kSmallMin - 1));
    EXPECT_TRUE(above.get().is_object());
    EXPECT_TRUE(below.get().is_object());
    EXPECT_EQ(show(new_ref(*above)), "4611686018427387904");
    EXPECT_EQ(show(new_ref(*below)), "-4611686018427387905");
    EXPECT_EQ(show(make_int(ts, INT64_MAX)), "9223372036854775807");
    EXPECT_EQ(show(make_int(ts, INT64_MIN)), "-9223372036854775808");
    EXPECT_EQ(show(make_int_u64(ts, UINT64_MAX)), "18446744073709551615");
    EXPECT_TRUE(make_int_u64(ts, static_cast<uint64_t>(Value::kSmallMax)).is_small_int());
}

TEST_F(IntTest, ResultsAreNormalisedToSmall) {
    Ref big = num("4611686018427387904");
    Ref r(int_binary(ts, BinOp::Sub, *big, Value::small_int(1)));
    ASSERT_TRUE(r.get().is_small_int());
    EXPECT_EQ(r.get().as_small_int(), Value::kSmallMax);
    Ref huge = num("123456789012345678901234567890");
    Ref zero(int_binary(ts, BinOp::Sub, *huge, *huge));
    EXPECT_TRUE(zero.get().is_small_int());
    Ref back(int_binary(ts, BinOp::FloorDiv, *huge, *huge));
    EXPECT_EQ(back.get(), Value::small_int(1));
    // Parsing normalises too.
    EXPECT_TRUE(num("4611686018427387903").get().is_small_int());
    EXPECT_TRUE(num("-4611686018427387904").get().is_small_int());
    EXPECT_TRUE(num("000000000000000000000000000000000007").get().is_small_int());
    // The mpz handed to make_int_mpz is left valid and empty.
    mpz_t z;
    mpz_init_set_str(z, "99999999999999999999999", 10);
    Ref v(make_int_mpz(ts, z));
    EXPECT_EQ(mpz_sgn(z), 0);
    mpz_clear(z);
    EXPECT_EQ(show(v.release()), "99999999999999999999999");
}

struct BinCase {
    BinOp op;
    const char* a;
    const char* b;
    const char* expected;
};

// Generated with CPython 3.11: repr(a <op> b) or "Type: message".
const BinCase kBinCases[] = {
#include "int_binary_cases.inc"
};

TEST_F(IntTest, BinaryOperatorsMatchCPython) {
    for (const BinCase& c : kBinCases) {
        Ref a = num(c.a), b = num(c.b);
        EXPECT_EQ(show(binary_op(ts, c.op, *a, *b)), c.expected)
            << c.a << " " << binop_symbol(c.op) << " " << c.b;
    }
}

TEST_F(IntTest, BinaryOperatorsWithBools) {
    EXPECT_EQ(show(binary_op(ts, BinOp::Add, Value::true_(), Value::true_())), "2");
    EXPECT_EQ(show(binary_op(ts, BinOp::And, Value::true_(), Value::false_())), "False");
    EXPECT_EQ(show(binary_op(ts, BinOp::Or, Value::true_(), Value::small_int(1))), "1");
    EXPECT_EQ(show(binary_op(ts, BinOp::Xor, Value::true_(), Value::true_())), "False");
    EXPECT_EQ(show(binary_op(ts, BinOp::Sub, Value::small_int(5), Value::true_())), "4");
    EXPECT_EQ(show(unary_op(ts, UnaryOp::Neg, Value::true_())), "-1");
    EXPECT_EQ(show(unary_op(ts, UnaryOp::Invert, Value::true_())), "-2");
    EXPECT_EQ(show(binary_op(ts, BinOp::TrueDiv, Value::true_(), Value::small_int(4))), "0.25");
}

TEST_F(IntTest, UnaryOperators) {
    Ref big = num("-123456789012345678901234567890");
    EXPECT_EQ(show(unary_op(ts, UnaryOp::Neg, *big)), "123456789012345678901234567890");
    EXPECT_EQ(show(unary_op(ts, UnaryOp::Invert, *big)), "123456789012345678901234567889");
    EXPECT_EQ(show(unary_op(ts, UnaryOp::Pos, *big)), "-123456789012345678901234567890");
    EXPECT_EQ(show(int_abs(ts, *big)), "123456789012345678901234567890");
    // -kSmallMin leaves the small range.
    Value neg = unary_op(ts, UnaryOp::Neg, Value::small_int(Value::kSmallMin));
    EXPECT_TRUE(neg.is_object());
    EXPECT_EQ(show(neg), "4611686018427387904");
    EXPECT_EQ(show(unary_op(ts, UnaryOp::Invert, Value::small_int(0))), "-1");
    EXPECT_EQ(obj_truthy(ts, *big), 1);
    EXPECT_EQ(obj_truthy(ts, Value::small_int(0)), 0);
}

TEST_F(IntTest, UnsupportedOperandsReturnNotImplemented) {
    Ref s = str("a");
    EXPECT_TRUE(int_binary(ts, BinOp::Add, Value::small_int(1), *s).is_not_implemented());
    EXPECT_EQ(show(binary_op(ts, BinOp::Add, Value::small_int(1), *s)),
              "TypeError: unsupported operand type(s) for +: 'int' and 'str'");
    EXPECT_EQ(show(rich_compare(ts, Value::small_int(1), *s, CompareOp::Lt)),
              "TypeError: '<' not supported between instances of 'int' and 'str'");
}

TEST_F(IntTest, Comparisons) {
    Ref big = num("123456789012345678901234567890"), neg = num("-4611686018427387905");
    EXPECT_EQ(rich_compare_bool(ts, *big, Value::small_int(5), CompareOp::Gt), 1);
    EXPECT_EQ(rich_compare_bool(ts, *neg, Value::small_int(Value::kSmallMin), CompareOp::Lt), 1);
    EXPECT_EQ(rich_compare_bool(ts, Value::true_(), Value::small_int(1), CompareOp::Eq), 1);
    EXPECT_EQ(int_cmp(*big, *big), 0);
    Ref same = num("123456789012345678901234567890");
    EXPECT_EQ(rich_compare_bool(ts, *big, *same, CompareOp::Eq), 1);
    EXPECT_EQ(rich_compare_bool(ts, *big, *same, CompareOp::Ne), 0);
}

struct ParseCase {
    const char* text;
    int base;
    const char* expected;
};

// Generated with CPython 3.11: repr(int(text, base)) or the error.
const ParseCase kParseCases[] = {
    {"0", 10, "0"},
    {"-0", 10, "0"},
    {"  -1_000 ", 10, "-1000"},
    {"+17", 10, "17"},
    {"1__0", 10, "ValueError: invalid literal for int() with base 10: '1__0'"},
    {"_1", 10, "ValueError: invalid literal for int() with base 10: '_1'"},
    {"1_", 10, "ValueError: invalid literal for int() with base 10: '1_'"},
    {"", 10, "ValueError: invalid literal for int() with base 10: ''"},
    {" ", 10, "ValueError: invalid literal for int() with base 10: ' '"},
    {"abc", 10, "ValueError: invalid literal for int() with base 10: 'abc'"},
    {"  abc ", 10, "ValueError: invalid literal for int() with base 10: '  abc '"},
    {"0x10", 0, "16"},
    {"0X1f", 0, "31"},
    {"0o17", 0, "15"},
    {"0b101", 0, "5"},
    {"010", 0, "ValueError: invalid literal for int() with base 0: '010'"},
    {"00", 0, "0"},
    {"0_0", 0, "0"},
    {"0_7", 0, "ValueError: invalid literal for int() with base 0: '0_7'"},
    {"0xg", 0, "ValueError: invalid literal for int() with base 0: '0xg'"},
    {" 0b_1 ", 0, "1"},
    {"0x_1f", 16, "31"},
    {"0x", 16, "ValueError: invalid literal for int() with base 16: '0x'"},
    {"0x__1", 16, "ValueError: invalid literal for int() with base 16: '0x__1'"},
    {"z", 36, "35"},
    {"Z", 36, "35"},
    {"zz", 35, "ValueError: invalid literal for int() with base 35: 'zz'"},
    {"12", 3, "5"},
    {"4611686018427387904", 10, "4611686018427387904"},
    {"-4611686018427387905", 10, "-4611686018427387905"},
    {"4611686018427387903", 10, "4611686018427387903"},
    {"ffffffffffffffffffff", 16, "1208925819614629174706175"},
    {"123456789012345678901234567890", 10, "123456789012345678901234567890"},
    {"-123456789012345678901234567890", 10, "-123456789012345678901234567890"},
    {"١٢", 10, "12"},
    {" 12　", 10, "12"},
    {"12é", 10, "ValueError: invalid literal for int() with base 10: '12é'"},
    {"1 2", 10, "ValueError: invalid literal for int() with base 10: '1 2'"},
    {"+ 1", 10, "ValueError: invalid literal for int() with base 10: '+ 1'"},
    {"--1", 10, "ValueError: invalid literal for int() with base 10: '--1'"},
    {"111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111"
     "111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111"
     "111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111"
     "111111111111111111111x",
     10,
     "ValueError: invalid literal for int() with base 10: "
     "'11111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111"
     "111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111"
     "11111111111111"},
    {"9999999999999999999", 10, "9999999999999999999"},
    {"-999999999999999999", 10, "-999999999999999999"},
    {"1e5", 10, "ValueError: invalid literal for int() with base 10: '1e5'"},
    {"1.5", 10, "ValueError: invalid literal for int() with base 10: '1.5'"},
    {"\t\n42\r\n", 10, "42"},
    {"0o7", 8, "7"},
    {"0b2", 2, "ValueError: invalid literal for int() with base 2: '0b2'"},
};

TEST_F(IntTest, ParsingMatchesCPython) {
    for (const ParseCase& c : kParseCases)
        EXPECT_EQ(show(int_from_string(ts, c.text, c.base)), c.expected)
            << c.text << " base " << c.base;
}

TEST_F(IntTest, ParsingBytes) {
    EXPECT_EQ(show(int_from_bytes_literal(ts, " 12 ", 10)), "12");
    EXPECT_EQ(show(int_from_bytes_literal(ts, "\xff", 10)),
              "ValueError: invalid literal for int() with base 10: b'\\xff'");
}

struct HashCase {
    const char* value;
    int64_t hash;
};

// hash(int(value)) in CPython 3.11.
const HashCase kHashCases[] = {
    {"0", 0LL},
    {"1", 1LL},
    {"-1", -2LL},
    {"-2", -2LL},
    {"2305843009213693951", 0LL},
    {"2305843009213693950", 2305843009213693950LL},
    {"2305843009213693952", 1LL},
    {"-2305843009213693952", -2LL},
    {"4611686018427387903", 1LL},    // the largest small int: 2**62 - 1
    {"-4611686018427387904", -2LL},  // the smallest: -2**62
    {"-4611686018427387903", -2LL},
    {"4611686018427387904", 2LL},
    {"-4611686018427387905", -3LL},
    {"123456789012345678901234567890", 248789772095949448LL},
    {"-123456789012345678901234567890", -248789772095949448LL},
    {"1606938044258990275541962092341162602522202993782792835301381", 131077LL},
    {"-6917529027641081857", -4LL},
};

TEST_F(IntTest, HashMatchesCPython) {
    for (const HashCase& c : kHashCases) {
        Ref v = num(c.value);
        EXPECT_EQ(int_hash(*v), c.hash) << c.value;
        int64_t h = 0;
        ASSERT_TRUE(obj_hash(ts, *v, &h));
        EXPECT_EQ(h, c.hash) << c.value;
    }
    EXPECT_EQ(int_hash(Value::true_()), 1);
    EXPECT_EQ(int_hash(Value::false_()), 0);
}

struct PowModCase {
    const char* base;
    const char* exp;
    const char* mod;
    const char* expected;
};

// pow(base, exp, mod) in CPython 3.11.
const PowModCase kPowModCases[] = {
    {"2", "-1", "5", "3"},
    {"2", "-1", "4", "ValueError: base is not invertible for the given modulus"},
    {"2", "3", "0", "ValueError: pow() 3rd argument cannot be 0"},
    {"3", "4", "-5", "-4"},
    {"-3", "3", "7", "1"},
    {"2", "100", "1000000007", "976371285"},
    {"123456789012345678901234567890", "98765432109876543210", "1000000000000000000000007",
     "512139344591361872278912"},
    {"5", "0", "1", "0"},
    {"0", "-1", "1", "0"},
    {"7", "-2", "-13", "-9"},
    {"10", "3", "-1", "0"},
};

TEST_F(IntTest, PowWithModulus) {
    for (const PowModCase& c : kPowModCases) {
        Ref b = num(c.base), e = num(c.exp), m = num(c.mod);
        EXPECT_EQ(show(int_pow_mod(ts, *b, *e, *m)), c.expected)
            << c.base << " " << c.exp << " " << c.mod;
    }
    Ref f(make_float(ts, 2.0));
    EXPECT_EQ(show(int_pow_mod(ts, *f, Value::small_int(3), Value::small_int(5))),
              "TypeError: pow() 3rd argument not allowed unless all arguments are integers");
}

TEST_F(IntTest, StrConversionLimit) {
    Ref ten = num("10");
    Ref p4300(binary_op(ts, BinOp::Pow, *ten, Value::small_int(4300)));
    Ref p4299(binary_op(ts, BinOp::Pow, *ten, Value::small_int(4299)));
    Ref ok(binary_op(ts, BinOp::Sub, *p4300, Value::small_int(1)));  // 4300 nines
    std::string text = show(new_ref(*ok));
    EXPECT_EQ(text, std::string(4300, '9'));
    const char* to_str =
        "ValueError: Exceeds the limit (4300 digits) for integer string conversion; use "
        "sys.set_int_max_str_digits() to increase the limit";
    EXPECT_EQ(show(new_ref(*p4300)), to_str);
    Ref neg(unary_op(ts, UnaryOp::Neg, *ok));
    EXPECT_EQ(show(new_ref(*neg)).size(), 4301u);  // the sign does not count
    EXPECT_EQ(
        show(int_from_string(ts, std::string(4301, '9'), 10)),
        "ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 4301 "
        "digits; use sys.set_int_max_str_digits() to increase the limit");
    EXPECT_EQ(show(int_from_string(ts, std::string(4300, '9'), 10)), std::string(4300, '9'));
    // Power-of-two bases are not limited.
    EXPECT_EQ(show(int_from_string(ts, std::string(5000, 'f'), 16)), to_str);
    EXPECT_EQ(int_to_base(*p4300, 16).size(), 3572u);
    // The limit is per interpreter and can be lifted.
    set_int_max_str_digits(ts, 0);
    EXPECT_EQ(show(new_ref(*p4300)).size(), 4301u);
    set_int_max_str_digits(ts, 1000);
    EXPECT_EQ(int_max_str_digits(ts), 1000);
    EXPECT_EQ(show(new_ref(*p4299)),
              "ValueError: Exceeds the limit (1000 digits) for integer string conversion; use "
              "sys.set_int_max_str_digits() to increase the limit");
}

TEST_F(IntTest, ConversionToDouble) {
    bool overflow = false;
    Ref a = num("9007199254740993");  // 2**53 + 1: rounds to even
    EXPECT_EQ(int_to_double(ts, *a, &overflow), 9007199254740992.0);
    Ref b = num("9007199254740995");
    EXPECT_EQ(int_to_double(ts, *b, &overflow), 9007199254740996.0);
    Ref c =
        num("17976931348623157081452742373170435679807056752584499659891747680315726078002853876058"
            "95586327668781715404589535143824642343213268894641827684675467035375169860499105765512"
            "82076245490090389328944075868508455133942304583236903222948165808559332123348274797826"
            "204144723168738177180919299881250404026184124858368");
    EXPECT_EQ(int_to_double(ts, *c, &overflow), 1.7976931348623157e308);
    EXPECT_FALSE(overflow);
    Ref d(binary_op(ts, BinOp::LShift, Value::small_int(1), Value::small_int(1024)));
    int_to_double(ts, *d, &overflow);
    EXPECT_TRUE(overflow);
    EXPECT_EQ(show(call1(ts, val(ts.types().float_), *d)),
              "OverflowError: int too large to convert to float");
}

TEST_F(IntTest, Constructor) {
    Value int_type = val(ts.types().int_);
    Ref s = str("  -1_000 "), f(make_float(ts, -3.9)), nan(make_float(ts, NAN)),
        inf(make_float(ts, INFINITY));
    EXPECT_EQ(show(call0(ts, int_type)), "0");
    EXPECT_EQ(show(call1(ts, int_type, *s)), "-1000");
    EXPECT_EQ(show(call1(ts, int_type, *f)), "-3");
    EXPECT_EQ(show(call1(ts, int_type, *nan)), "ValueError: cannot convert float NaN to integer");
    EXPECT_EQ(show(call1(ts, int_type, *inf)),
              "OverflowError: cannot convert float infinity to integer");
    EXPECT_EQ(show(call1(ts, int_type, Value::true_())), "1");
    Ref big_f(make_float(ts, 1e30));
    EXPECT_EQ(show(call1(ts, int_type, *big_f)), "1000000000000000019884624838656");
    Ref hex = str("ff"), zero = str("0x10");
    EXPECT_EQ(show(call2(ts, int_type, *hex, Value::small_int(16))), "255");
    EXPECT_EQ(show(call2(ts, int_type, *zero, Value::small_int(0))), "16");
    EXPECT_EQ(show(call2(ts, int_type, *hex, Value::small_int(1))),
              "ValueError: int() base must be >= 2 and <= 36, or 0");
    EXPECT_EQ(show(call2(ts, int_type, Value::small_int(5), Value::small_int(10))),
              "TypeError: int() can't convert non-string with explicit base");
    Ref lst(call0(ts, val(ts.types().list)));
    EXPECT_EQ(show(call1(ts, int_type, *lst)),
              "TypeError: int() argument must be a string, a bytes-like object or a real number, "
              "not 'list'");
    Ref b(make_bytes(ts, "42"));
    EXPECT_EQ(show(call1(ts, int_type, *b)), "42");
    Value three[3] = {*hex, Value::small_int(16), Value::small_int(1)};
    EXPECT_EQ(show(obj_call(ts, int_type, Args{three, 3, nullptr})),
              "TypeError: int() takes at most 2 arguments (3 given)");
}

TEST_F(IntTest, Methods) {
    Ref big = num("-123456789012345678901234567890");
    EXPECT_EQ(show(call_attr(*big, "bit_length", {})), "97");
    EXPECT_EQ(show(call_attr(Value::small_int(-5), "bit_count", {})), "2");
    EXPECT_EQ(show(call_attr(Value::small_int(0), "bit_length", {})), "0");
    EXPECT_EQ(show(call_attr(Value::small_int(7), "as_integer_ratio", {})), "(7, 1)");
    EXPECT_EQ(show(call_attr(Value::small_int(7), "conjugate", {})), "7");
    EXPECT_EQ(show(call_attr(Value::true_(), "conjugate", {})), "1");
    EXPECT_EQ(show(call_attr(Value::small_int(1234), "__round__", {Value::small_int(-2)})), "1200");
    EXPECT_EQ(show(call_attr(Value::small_int(1250), "__round__", {Value::small_int(-2)})), "1200");
    EXPECT_EQ(show(call_attr(Value::small_int(1350), "__round__", {Value::small_int(-2)})), "1400");
    EXPECT_EQ(show(call_attr(Value::small_int(-250), "__round__", {Value::small_int(-2)})), "-200");
    EXPECT_EQ(show(call_attr(Value::small_int(-251), "__round__", {Value::small_int(-2)})), "-300");
    EXPECT_EQ(show(call_attr(Value::small_int(17), "__round__", {Value::small_int(3)})), "17");
    EXPECT_EQ(show(call_attr(*big, "__round__", {Value::small_int(-40)})), "0");
    EXPECT_EQ(show(call_attr(*big, "__round__", {Value::small_int(-29)})),
              "-100000000000000000000000000000");
    EXPECT_EQ(show(call_attr(Value::small_int(7), "__divmod__", {Value::small_int(-2)})),
              "(-4, -1)");
    EXPECT_EQ(show(call_attr(Value::small_int(7), "__rdivmod__", {Value::small_int(-20)})),
              "(-3, 1)");
    EXPECT_EQ(show(int_divmod(ts, *big, Value::small_int(7))),
              "(-17636684144620811271604938270, 0)");
    EXPECT_EQ(show(call_attr(Value::small_int(0), "__sizeof__", {})), "24");
    EXPECT_EQ(show(call_attr(*big, "__sizeof__", {})), "40");
}

TEST_F(IntTest, ToBytesAndFromBytes) {
    Ref little = str("little"), big_order = str("big"), bad = str("middle");
    EXPECT_EQ(show(call_attr(Value::small_int(255), "to_bytes", {})), "b'\\xff'");
    EXPECT_EQ(show(call_attr(Value::small_int(1024), "to_bytes", {Value::small_int(4), *little})),
              "b'\\x00\\x04\\x00\\x00'");
    EXPECT_EQ(show(call_attr(Value::small_int(256), "to_bytes", {Value::small_int(1), *big_order})),
              "OverflowError: int too big to convert");
    EXPECT_EQ(show(call_attr(Value::small_int(-1), "to_bytes", {Value::small_int(1), *big_order})),
              "OverflowError: can't convert negative int to unsigned");
    EXPECT_EQ(show(call_attr(Value::small_int(1), "to_bytes", {Value::small_int(1), *bad})),
              "ValueError: byteorder must be either 'little' or 'big'");
    // signed=True is keyword-only.
    Ref signed_kw(tuple_pack(ts, {*str("signed")}));
    Value args[3] = {Value::small_int(2), *big_order, Value::true_()};
    Ref to_bytes(obj_getattr_cstr(ts, Value::small_int(-129), "to_bytes"));
    EXPECT_EQ(show(obj_call(ts, *to_bytes, Args{args, 2, tuple_obj(*signed_kw)})), "b'\\xff\\x7f'");
    Ref to_bytes0(obj_getattr_cstr(ts, Value::small_int(0), "to_bytes"));
    Value args0[3] = {Value::small_int(0), *big_order, Value::true_()};
    EXPECT_EQ(show(obj_call(ts, *to_bytes0, Args{args0, 2, tuple_obj(*signed_kw)})), "b''");

    Ref data(make_bytes(ts, std::string_view("\xff\x00", 2)));
    Value int_type = val(ts.types().int_);
    EXPECT_EQ(show(call_attr(int_type, "from_bytes", {*data, *little})), "255");
    EXPECT_EQ(show(call_attr(int_type, "from_bytes", {*data, *big_order})), "65280");
    Ref from_bytes(obj_getattr_cstr(ts, int_type, "from_bytes"));
    Value fargs[3] = {*data, *big_order, Value::true_()};
    EXPECT_EQ(show(obj_call(ts, *from_bytes, Args{fargs, 2, tuple_obj(*signed_kw)})), "-256");
    Ref big = num("123456789012345678901234567890");
    Ref bytes(call_attr(*big, "to_bytes", {Value::small_int(16), *little}));
    EXPECT_EQ(show(call_attr(int_type, "from_bytes", {*bytes, *little})),
              "123456789012345678901234567890");
}

TEST_F(IntTest, Format) {
    Ref big = num("-123456789012345678901234567890");
    EXPECT_EQ(show(int_format_spec(ts, *big, ",")), "'-123,456,789,012,345,678,901,234,567,890'");
    EXPECT_EQ(show(call_attr(Value::small_int(255), "__format__", {*str("#x")})), "'0xff'");
    EXPECT_EQ(show(call_attr(Value::true_(), "__format__", {*str("")})), "'True'");
    EXPECT_EQ(show(call_attr(Value::true_(), "__format__", {*str("d")})), "'1'");
    EXPECT_EQ(show(call_attr(Value::small_int(1), "__format__", {*str("abc")})),
              "ValueError: Invalid format specifier 'abc' for object of type 'int'");
}

TEST_F(IntTest, BoolType) {
    EXPECT_EQ(show(Value::true_()), "True");
    EXPECT_EQ(show(Value::false_()), "False");
    Value bool_type = val(ts.types().bool_);
    Ref empty(call0(ts, val(ts.types().list)));
    EXPECT_EQ(show(call1(ts, bool_type, *empty)), "False");
    EXPECT_EQ(show(call1(ts, bool_type, Value::small_int(3))), "True");
    EXPECT_EQ(show(call0(ts, bool_type)), "False");
    EXPECT_EQ(show(call2(ts, bool_type, Value::small_int(1), Value::small_int(2))),
              "TypeError: bool expected at most 1 argument, got 2");
    EXPECT_TRUE(type_is_subtype(ts.types().bool_, ts.types().int_));
    EXPECT_FALSE(ts.types().bool_->flags & kTypeBaseType);
    EXPECT_TRUE(is_int(Value::true_()));
    int64_t h;
    ASSERT_TRUE(obj_hash(ts, Value::true_(), &h));
    EXPECT_EQ(h, 1);
}

}  // namespace
}  // namespace gilt
