// Tests for float (runtime/float.hpp): repr, arithmetic with CPython's
// signs and error messages (tables generated with CPython 3.11), exact
// comparison with ints, hashing, round(), parsing, the free list and the
// methods.
#include "runtime/float.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <initializer_list>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/abstract.hpp"
#include "runtime/errors.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"

namespace gilt {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int kNoDigits = INT32_MIN;  // round(x) without ndigits

class FloatTest : public ::testing::Test {
protected:
    Interpreter interp;
    ThreadState& ts = interp.main_thread();

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
    // A number written as in the tables: "2**1024" (an int power), an int
    // literal, or a float literal ("inf", "nan", "2.5").
    Ref number(std::string_view text) {
        size_t pow = text.find("**");
        if (pow != std::string_view::npos) {
            bool neg = text[0] == '-';
            Ref base(int_from_string(ts, text.substr(neg, pow - neg), 10));
            Ref exp(int_from_string(ts, text.substr(pow + 2), 10));
            Ref r(binary_op(ts, BinOp::Pow, *base, *exp));
            return neg ? Ref(unary_op(ts, UnaryOp::Neg, *r)) : r;
        }
        if (text.find_first_of(".ein") == std::string_view::npos)
            return Ref(int_from_string(ts, text, 10));
        return Ref(float_from_string(ts, text));
    }
    Value call_attr(Value obj, const char* name, std::initializer_list<Value> args) {
        Ref f(obj_getattr_cstr(ts, obj, name));
        if (!f) return Value();
        return call_n(ts, *f, args);
    }
    Ref flt(double x) { return Ref(make_float(ts, x)); }
};

struct ReprCase {
    double value;
    const char* repr;
};

// repr(x) in CPython 3.11.
const ReprCase kReprCases[] = {
    {0x1.999999999999ap-4, "0.1"},
    {0x1.3333333333334p-2, "0.30000000000000004"},
    {0x1.1c37937e08000p+53, "1e+16"},
    {0x1.4f8b588e368f1p-17, "1e-05"},
    {0x1.b69b4ba630f35p+56, "1.2345678901234568e+17"},
    {-0x0.0p+0, "-0.0"},
    {0x0.0p+0, "0.0"},
    {kInf, "inf"},
    {-kInf, "-inf"},
    {kNaN, "nan"},
    {0x1.5555555555555p-2, "0.3333333333333333"},
    {0x1.0000000000000p+0, "1.0"},
    {0x1.c6bf526340000p+49, "1000000000000000.0"},
    {0x1.1c37937e07fffp+53, "9999999999999998.0"},
    {0x1.0f0cf064dd592p+73, "1e+22"},
    {0x1.1eb2d66005835p+997, "1.5e+300"},
    {0x0.0000000000001p-1022, "5e-324"},
    {0x1.0000000000000p-1022, "2.2250738585072014e-308"},
    {0x1.fffffffffffffp+1023, "1.7976931348623157e+308"},
    {0x1.a36e2eb1c432dp-14, "0.0001"},
    {0x1.9e0fcaf9380fcp-17, "1.234e-05"},
    {0x1.edd2f1a9fbe77p+6, "123.456"},
    {-0x1.4000000000000p+1, "-2.5"},
    {0x1.0000000000000p+53, "9007199254740992.0"},
    {0x1.a36e2eb1c432dp-14, "0.0001"},
    {0x1.56a95319d63e1p+63, "1.2345678901234567e+19"},
    {0x1.3333333333333p-2, "0.3"},
    {0x1.5555555555555p-1, "0.6666666666666666"},
    {0x1.9000000000000p+6, "100.0"},
    {0x1.249ad2594c37dp+332, "1e+100"},
    {0x1.1666666666666p+2, "4.35"},
    {0x1.2d68700000000p+20, "1234567.0"},
    {0x1.0000000000000p-1, "0.5"},
    {0x0.0000000000002p-1022, "1e-323"},
};

TEST_F(FloatTest, ReprMatchesCPython) {
    for (const ReprCase& c : kReprCases) {
        EXPECT_EQ(float_repr(c.value), c.repr);
        EXPECT_EQ(show(make_float(ts, c.value)), c.repr);
    }
}

struct OpCase {
    BinOp op;
    const char* a;
    const char* b;
    const char* expected;
};

// repr(a <op> b) or "Type: message" in CPython 3.11.
const OpCase kOpCases[] = {
    {BinOp::Add, "2.5", "2.5", "5.0"},
    {BinOp::Add, "2.5", "-2.5", "0.0"},
    {BinOp::Add, "2.5", "0.0", "2.5"},
    {BinOp::Add, "2.5", "-0.0", "2.5"},
    {BinOp::Add, "2.5", "3", "5.5"},
    {BinOp::Add, "2.5", "-3", "-0.5"},
    {BinOp::Add, "2.5", "1e308", "1e+308"},
    {BinOp::Add, "2.5", "-inf", "-inf"},
    {BinOp::Add, "2.5", "nan", "nan"},
    {BinOp::Add, "2.5", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::Add, "-2.5", "2.5", "0.0"},
    {BinOp::Add, "-2.5", "-2.5", "-5.0"},
    {BinOp::Add, "-2.5", "0.0", "-2.5"},
    {BinOp::Add, "-2.5", "-0.0", "-2.5"},
    {BinOp::Add, "-2.5", "3", "0.5"},
    {BinOp::Add, "-2.5", "-3", "-5.5"},
    {BinOp::Add, "-2.5", "1e308", "1e+308"},
    {BinOp::Add, "-2.5", "-inf", "-inf"},
    {BinOp::Add, "-2.5", "nan", "nan"},
    {BinOp::Add, "-2.5", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::Add, "0.0", "2.5", "2.5"},
    {BinOp::Add, "0.0", "-2.5", "-2.5"},
    {BinOp::Add, "0.0", "0.0", "0.0"},
    {BinOp::Add, "0.0", "-0.0", "0.0"},
    {BinOp::Add, "0.0", "3", "3.0"},
    {BinOp::Add, "0.0", "-3", "-3.0"},
    {BinOp::Add, "0.0", "1e308", "1e+308"},
    {BinOp::Add, "0.0", "-inf", "-inf"},
    {BinOp::Add, "0.0", "nan", "nan"},
    {BinOp::Add, "0.0", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::Add, "-0.0", "2.5", "2.5"},
    {BinOp::Add, "-0.0", "-2.5", "-2.5"},
    {BinOp::Add, "-0.0", "0.0", "0.0"},
    {BinOp::Add, "-0.0", "-0.0", "-0.0"},
    {BinOp::Add, "-0.0", "3", "3.0"},
    {BinOp::Add, "-0.0", "-3", "-3.0"},
    {BinOp::Add, "-0.0", "1e308", "1e+308"},
    {BinOp::Add, "-0.0", "-inf", "-inf"},
    {BinOp::Add, "-0.0", "nan", "nan"},
    {BinOp::Add, "-0.0", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::Add, "3", "2.5", "5.5"},
    {BinOp::Add, "3", "-2.5", "0.5"},
    {BinOp::Add, "3", "0.0", "3.0"},
    {BinOp::Add, "3", "-0.0", "3.0"},
    {BinOp::Add, "3", "1e308", "1e+308"},
    {BinOp::Add, "3", "-inf", "-inf"},
    {BinOp::Add, "3", "nan", "nan"},
    {BinOp::Add, "-3", "2.5", "-0.5"},
    {BinOp::Add, "-3", "-2.5", "-5.5"},
    {BinOp::Add, "-3", "0.0", "-3.0"},
    {BinOp::Add, "-3", "-0.0", "-3.0"},
    {BinOp::Add, "-3", "1e308", "1e+308"},
    {BinOp::Add, "-3", "-inf", "-inf"},
    {BinOp::Add, "-3", "nan", "nan"},
    {BinOp::Add, "1e308", "2.5", "1e+308"},
    {BinOp::Add, "1e308", "-2.5", "1e+308"},
    {BinOp::Add, "1e308", "0.0", "1e+308"},
    {BinOp::Add, "1e308", "-0.0", "1e+308"},
    {BinOp::Add, "1e308", "3", "1e+308"},
    {BinOp::Add, "1e308", "-3", "1e+308"},
    {BinOp::Add, "1e308", "1e308", "inf"},
    {BinOp::Add, "1e308", "-inf", "-inf"},
    {BinOp::Add, "1e308", "nan", "nan"},
    {BinOp::Add, "1e308", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::Add, "-inf", "2.5", "-inf"},
    {BinOp::Add, "-inf", "-2.5", "-inf"},
    {BinOp::Add, "-inf", "0.0", "-inf"},
    {BinOp::Add, "-inf", "-0.0", "-inf"},
    {BinOp::Add, "-inf", "3", "-inf"},
    {BinOp::Add, "-inf", "-3", "-inf"},
    {BinOp::Add, "-inf", "1e308", "-inf"},
    {BinOp::Add, "-inf", "-inf", "-inf"},
    {BinOp::Add, "-inf", "nan", "nan"},
    {BinOp::Add, "-inf", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::Add, "nan", "2.5", "nan"},
    {BinOp::Add, "nan", "-2.5", "nan"},
    {BinOp::Add, "nan", "0.0", "nan"},
    {BinOp::Add, "nan", "-0.0", "nan"},
    {BinOp::Add, "nan", "3", "nan"},
    {BinOp::Add, "nan", "-3", "nan"},
    {BinOp::Add, "nan", "1e308", "nan"},
    {BinOp::Add, "nan", "-inf", "nan"},
    {BinOp::Add, "nan", "nan", "nan"},
    {BinOp::Add, "nan", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::Add, "2**1024", "2.5", "OverflowError: int too large to convert to float"},
    {BinOp::Add, "2**1024", "-2.5", "OverflowError: int too large to convert to float"},
    {BinOp::Add, "2**1024", "0.0", "OverflowError: int too large to convert to float"},
    {BinOp::Add, "2**1024", "-0.0", "OverflowError: int too large to convert to float"},
    {BinOp::Add, "2**1024", "1e308", "OverflowError: int too large to convert to float"},
    {BinOp::Add, "2**1024", "-inf", "OverflowError: int too large to convert to float"},
    {BinOp::Add, "2**1024", "nan", "OverflowError: int too large to convert to float"},
    {BinOp::Sub, "2.5", "2.5", "0.0"},
    {BinOp::Sub, "2.5", "-2.5", "5.0"},
    {BinOp::Sub, "2.5", "0.0", "2.5"},
    {BinOp::Sub, "2.5", "-0.0", "2.5"},
    {BinOp::Sub, "2.5", "3", "-0.5"},
    {BinOp::Sub, "2.5", "-3", "5.5"},
    {BinOp::Sub, "2.5", "1e308", "-1e+308"},
    {BinOp::Sub, "2.5", "-inf", "inf"},
    {BinOp::Sub, "2.5", "nan", "nan"},
    {BinOp::Sub, "2.5", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::Sub, "-2.5", "2.5", "-5.0"},
    {BinOp::Sub, "-2.5", "-2.5", "0.0"},
    {BinOp::Sub, "-2.5", "0.0", "-2.5"},
    {BinOp::Sub, "-2.5", "-0.0", "-2.5"},
    {BinOp::Sub, "-2.5", "3", "-5.5"},
    {BinOp::Sub, "-2.5", "-3", "0.5"},
    {BinOp::Sub, "-2.5", "1e308", "-1e+308"},
    {BinOp::Sub, "-2.5", "-inf", "inf"},
    {BinOp::Sub, "-2.5", "nan", "nan"},
    {BinOp::Sub, "-2.5", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::Sub, "0.0", "2.5", "-2.5"},
    {BinOp::Sub, "0.0", "-2.5", "2.5"},
    {BinOp::Sub, "0.0", "0.0", "0.0"},
    {BinOp::Sub, "0.0", "-0.0", "0.0"},
    {BinOp::Sub, "0.0", "3", "-3.0"},
    {BinOp::Sub, "0.0", "-3", "3.0"},
    {BinOp::Sub, "0.0", "1e308", "-1e+308"},
    {BinOp::Sub, "0.0", "-inf", "inf"},
    {BinOp::Sub, "0.0", "nan", "nan"},
    {BinOp::Sub, "0.0", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::Sub, "-0.0", "2.5", "-2.5"},
    {BinOp::Sub, "-0.0", "-2.5", "2.5"},
    {BinOp::Sub, "-0.0", "0.0", "-0.0"},
    {BinOp::Sub, "-0.0", "-0.0", "0.0"},
    {BinOp::Sub, "-0.0", "3", "-3.0"},
    {BinOp::Sub, "-0.0", "-3", "3.0"},
    {BinOp::Sub, "-0.0", "1e308", "-1e+308"},
    {BinOp::Sub, "-0.0", "-inf", "inf"},
    {BinOp::Sub, "-0.0", "nan", "nan"},
    {BinOp::Sub, "-0.0", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::Sub, "3", "2.5", "0.5"},
    {BinOp::Sub, "3", "-2.5", "5.5"},
    {BinOp::Sub, "3", "0.0", "3.0"},
    {BinOp::Sub, "3", "-0.0", "3.0"},
    {BinOp::Sub, "3", "1e308", "-1e+308"},
    {BinOp::Sub, "3", "-inf", "inf"},
    {BinOp::Sub, "3", "nan", "nan"},
    {BinOp::Sub, "-3", "2.5", "-5.5"},
    {BinOp::Sub, "-3", "-2.5", "-0.5"},
    {BinOp::Sub, "-3", "0.0", "-3.0"},
    {BinOp::Sub, "-3", "-0.0", "-3.0"},
    {BinOp::Sub, "-3", "1e308", "-1e+308"},
    {BinOp::Sub, "-3", "-inf", "inf"},
    {BinOp::Sub, "-3", "nan", "nan"},
    {BinOp::Sub, "1e308", "2.5", "1e+308"},
    {BinOp::Sub, "1e308", "-2.5", "1e+308"},
    {BinOp::Sub, "1e308", "0.0", "1e+308"},
    {BinOp::Sub, "1e308", "-0.0", "1e+308"},
    {BinOp::Sub, "1e308", "3", "1e+308"},
    {BinOp::Sub, "1e308", "-3", "1e+308"},
    {BinOp::Sub, "1e308", "1e308", "0.0"},
    {BinOp::Sub, "1e308", "-inf", "inf"},
    {BinOp::Sub, "1e308", "nan", "nan"},
    {BinOp::Sub, "1e308", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::Sub, "-inf", "2.5", "-inf"},
    {BinOp::Sub, "-inf", "-2.5", "-inf"},
    {BinOp::Sub, "-inf", "0.0", "-inf"},
    {BinOp::Sub, "-inf", "-0.0", "-inf"},
    {BinOp::Sub, "-inf", "3", "-inf"},
    {BinOp::Sub, "-inf", "-3", "-inf"},
    {BinOp::Sub, "-inf", "1e308", "-inf"},
    {BinOp::Sub, "-inf", "-inf", "nan"},
    {BinOp::Sub, "-inf", "nan", "nan"},
    {BinOp::Sub, "-inf", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::Sub, "nan", "2.5", "nan"},
    {BinOp::Sub, "nan", "-2.5", "nan"},
    {BinOp::Sub, "nan", "0.0", "nan"},
    {BinOp::Sub, "nan", "-0.0", "nan"},
    {BinOp::Sub, "nan", "3", "nan"},
    {BinOp::Sub, "nan", "-3", "nan"},
    {BinOp::Sub, "nan", "1e308", "nan"},
    {BinOp::Sub, "nan", "-inf", "nan"},
    {BinOp::Sub, "nan", "nan", "nan"},
    {BinOp::Sub, "nan", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::Sub, "2**1024", "2.5", "OverflowError: int too large to convert to float"},
    {BinOp::Sub, "2**1024", "-2.5", "OverflowError: int too large to convert to float"},
    {BinOp::Sub, "2**1024", "0.0", "OverflowError: int too large to convert to float"},
    {BinOp::Sub, "2**1024", "-0.0", "OverflowError: int too large to convert to float"},
    {BinOp::Sub, "2**1024", "1e308", "OverflowError: int too large to convert to float"},
    {BinOp::Sub, "2**1024", "-inf", "OverflowError: int too large to convert to float"},
    {BinOp::Sub, "2**1024", "nan", "OverflowError: int too large to convert to float"},
    {BinOp::Mul, "2.5", "2.5", "6.25"},
    {BinOp::Mul, "2.5", "-2.5", "-6.25"},
    {BinOp::Mul, "2.5", "0.0", "0.0"},
    {BinOp::Mul, "2.5", "-0.0", "-0.0"},
    {BinOp::Mul, "2.5", "3", "7.5"},
    {BinOp::Mul, "2.5", "-3", "-7.5"},
    {BinOp::Mul, "2.5", "1e308", "inf"},
    {BinOp::Mul, "2.5", "-inf", "-inf"},
    {BinOp::Mul, "2.5", "nan", "nan"},
    {BinOp::Mul, "2.5", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::Mul, "-2.5", "2.5", "-6.25"},
    {BinOp::Mul, "-2.5", "-2.5", "6.25"},
    {BinOp::Mul, "-2.5", "0.0", "-0.0"},
    {BinOp::Mul, "-2.5", "-0.0", "0.0"},
    {BinOp::Mul, "-2.5", "3", "-7.5"},
    {BinOp::Mul, "-2.5", "-3", "7.5"},
    {BinOp::Mul, "-2.5", "1e308", "-inf"},
    {BinOp::Mul, "-2.5", "-inf", "inf"},
    {BinOp::Mul, "-2.5", "nan", "nan"},
    {BinOp::Mul, "-2.5", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::Mul, "0.0", "2.5", "0.0"},
    {BinOp::Mul, "0.0", "-2.5", "-0.0"},
    {BinOp::Mul, "0.0", "0.0", "0.0"},
    {BinOp::Mul, "0.0", "-0.0", "-0.0"},
    {BinOp::Mul, "0.0", "3", "0.0"},
    {BinOp::Mul, "0.0", "-3", "-0.0"},
    {BinOp::Mul, "0.0", "1e308", "0.0"},
    {BinOp::Mul, "0.0", "-inf", "nan"},
    {BinOp::Mul, "0.0", "nan", "nan"},
    {BinOp::Mul, "0.0", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::Mul, "-0.0", "2.5", "-0.0"},
    {BinOp::Mul, "-0.0", "-2.5", "0.0"},
    {BinOp::Mul, "-0.0", "0.0", "-0.0"},
    {BinOp::Mul, "-0.0", "-0.0", "0.0"},
    {BinOp::Mul, "-0.0", "3", "-0.0"},
    {BinOp::Mul, "-0.0", "-3", "0.0"},
    {BinOp::Mul, "-0.0", "1e308", "-0.0"},
    {BinOp::Mul, "-0.0", "-inf", "nan"},
    {BinOp::Mul, "-0.0", "nan", "nan"},
    {BinOp::Mul, "-0.0", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::Mul, "3", "2.5", "7.5"},
    {BinOp::Mul, "3", "-2.5", "-7.5"},
    {BinOp::Mul, "3", "0.0", "0.0"},
    {BinOp::Mul, "3", "-0.0", "-0.0"},
    {BinOp::Mul, "3", "1e308", "inf"},
    {BinOp::Mul, "3", "-inf", "-inf"},
    {BinOp::Mul, "3", "nan", "nan"},
    {BinOp::Mul, "-3", "2.5", "-7.5"},
    {BinOp::Mul, "-3", "-2.5", "7.5"},
    {BinOp::Mul, "-3", "0.0", "-0.0"},
    {BinOp::Mul, "-3", "-0.0", "0.0"},
    {BinOp::Mul, "-3", "1e308", "-inf"},
    {BinOp::Mul, "-3", "-inf", "inf"},
    {BinOp::Mul, "-3", "nan", "nan"},
    {BinOp::Mul, "1e308", "2.5", "inf"},
    {BinOp::Mul, "1e308", "-2.5", "-inf"},
    {BinOp::Mul, "1e308", "0.0", "0.0"},
    {BinOp::Mul, "1e308", "-0.0", "-0.0"},
    {BinOp::Mul, "1e308", "3", "inf"},
    {BinOp::Mul, "1e308", "-3", "-inf"},
    {BinOp::Mul, "1e308", "1e308", "inf"},
    {BinOp::Mul, "1e308", "-inf", "-inf"},
    {BinOp::Mul, "1e308", "nan", "nan"},
    {BinOp::Mul, "1e308", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::Mul, "-inf", "2.5", "-inf"},
    {BinOp::Mul, "-inf", "-2.5", "inf"},
    {BinOp::Mul, "-inf", "0.0", "nan"},
    {BinOp::Mul, "-inf", "-0.0", "nan"},
    {BinOp::Mul, "-inf", "3", "-inf"},
    {BinOp::Mul, "-inf", "-3", "inf"},
    {BinOp::Mul, "-inf", "1e308", "-inf"},
    {BinOp::Mul, "-inf", "-inf", "inf"},
    {BinOp::Mul, "-inf", "nan", "nan"},
    {BinOp::Mul, "-inf", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::Mul, "nan", "2.5", "nan"},
    {BinOp::Mul, "nan", "-2.5", "nan"},
    {BinOp::Mul, "nan", "0.0", "nan"},
    {BinOp::Mul, "nan", "-0.0", "nan"},
    {BinOp::Mul, "nan", "3", "nan"},
    {BinOp::Mul, "nan", "-3", "nan"},
    {BinOp::Mul, "nan", "1e308", "nan"},
    {BinOp::Mul, "nan", "-inf", "nan"},
    {BinOp::Mul, "nan", "nan", "nan"},
    {BinOp::Mul, "nan", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::Mul, "2**1024", "2.5", "OverflowError: int too large to convert to float"},
    {BinOp::Mul, "2**1024", "-2.5", "OverflowError: int too large to convert to float"},
    {BinOp::Mul, "2**1024", "0.0", "OverflowError: int too large to convert to float"},
    {BinOp::Mul, "2**1024", "-0.0", "OverflowError: int too large to convert to float"},
    {BinOp::Mul, "2**1024", "1e308", "OverflowError: int too large to convert to float"},
    {BinOp::Mul, "2**1024", "-inf", "OverflowError: int too large to convert to float"},
    {BinOp::Mul, "2**1024", "nan", "OverflowError: int too large to convert to float"},
    {BinOp::TrueDiv, "2.5", "2.5", "1.0"},
    {BinOp::TrueDiv, "2.5", "-2.5", "-1.0"},
    {BinOp::TrueDiv, "2.5", "0.0", "ZeroDivisionError: float division by zero"},
    {BinOp::TrueDiv, "2.5", "-0.0", "ZeroDivisionError: float division by zero"},
    {BinOp::TrueDiv, "2.5", "3", "0.8333333333333334"},
    {BinOp::TrueDiv, "2.5", "-3", "-0.8333333333333334"},
    {BinOp::TrueDiv, "2.5", "1e308", "2.5e-308"},
    {BinOp::TrueDiv, "2.5", "-inf", "-0.0"},
    {BinOp::TrueDiv, "2.5", "nan", "nan"},
    {BinOp::TrueDiv, "2.5", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::TrueDiv, "-2.5", "2.5", "-1.0"},
    {BinOp::TrueDiv, "-2.5", "-2.5", "1.0"},
    {BinOp::TrueDiv, "-2.5", "0.0", "ZeroDivisionError: float division by zero"},
    {BinOp::TrueDiv, "-2.5", "-0.0", "ZeroDivisionError: float division by zero"},
    {BinOp::TrueDiv, "-2.5", "3", "-0.8333333333333334"},
    {BinOp::TrueDiv, "-2.5", "-3", "0.8333333333333334"},
    {BinOp::TrueDiv, "-2.5", "1e308", "-2.5e-308"},
    {BinOp::TrueDiv, "-2.5", "-inf", "0.0"},
    {BinOp::TrueDiv, "-2.5", "nan", "nan"},
    {BinOp::TrueDiv, "-2.5", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::TrueDiv, "0.0", "2.5", "0.0"},
    {BinOp::TrueDiv, "0.0", "-2.5", "-0.0"},
    {BinOp::TrueDiv, "0.0", "0.0", "ZeroDivisionError: float division by zero"},
    {BinOp::TrueDiv, "0.0", "-0.0", "ZeroDivisionError: float division by zero"},
    {BinOp::TrueDiv, "0.0", "3", "0.0"},
    {BinOp::TrueDiv, "0.0", "-3", "-0.0"},
    {BinOp::TrueDiv, "0.0", "1e308", "0.0"},
    {BinOp::TrueDiv, "0.0", "-inf", "-0.0"},
    {BinOp::TrueDiv, "0.0", "nan", "nan"},
    {BinOp::TrueDiv, "0.0", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::TrueDiv, "-0.0", "2.5", "-0.0"},
    {BinOp::TrueDiv, "-0.0", "-2.5", "0.0"},
    {BinOp::TrueDiv, "-0.0", "0.0", "ZeroDivisionError: float division by zero"},
    {BinOp::TrueDiv, "-0.0", "-0.0", "ZeroDivisionError: float division by zero"},
    {BinOp::TrueDiv, "-0.0", "3", "-0.0"},
    {BinOp::TrueDiv, "-0.0", "-3", "0.0"},
    {BinOp::TrueDiv, "-0.0", "1e308", "-0.0"},
    {BinOp::TrueDiv, "-0.0", "-inf", "0.0"},
    {BinOp::TrueDiv, "-0.0", "nan", "nan"},
    {BinOp::TrueDiv, "-0.0", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::TrueDiv, "3", "2.5", "1.2"},
    {BinOp::TrueDiv, "3", "-2.5", "-1.2"},
    {BinOp::TrueDiv, "3", "0.0", "ZeroDivisionError: float division by zero"},
    {BinOp::TrueDiv, "3", "-0.0", "ZeroDivisionError: float division by zero"},
    {BinOp::TrueDiv, "3", "1e308", "2.9999999999999997e-308"},
    {BinOp::TrueDiv, "3", "-inf", "-0.0"},
    {BinOp::TrueDiv, "3", "nan", "nan"},
    {BinOp::TrueDiv, "-3", "2.5", "-1.2"},
    {BinOp::TrueDiv, "-3", "-2.5", "1.2"},
    {BinOp::TrueDiv, "-3", "0.0", "ZeroDivisionError: float division by zero"},
    {BinOp::TrueDiv, "-3", "-0.0", "ZeroDivisionError: float division by zero"},
    {BinOp::TrueDiv, "-3", "1e308", "-2.9999999999999997e-308"},
    {BinOp::TrueDiv, "-3", "-inf", "0.0"},
    {BinOp::TrueDiv, "-3", "nan", "nan"},
    {BinOp::TrueDiv, "1e308", "2.5", "4e+307"},
    {BinOp::TrueDiv, "1e308", "-2.5", "-4e+307"},
    {BinOp::TrueDiv, "1e308", "0.0", "ZeroDivisionError: float division by zero"},
    {BinOp::TrueDiv, "1e308", "-0.0", "ZeroDivisionError: float division by zero"},
    {BinOp::TrueDiv, "1e308", "3", "3.333333333333333e+307"},
    {BinOp::TrueDiv, "1e308", "-3", "-3.333333333333333e+307"},
    {BinOp::TrueDiv, "1e308", "1e308", "1.0"},
    {BinOp::TrueDiv, "1e308", "-inf", "-0.0"},
    {BinOp::TrueDiv, "1e308", "nan", "nan"},
    {BinOp::TrueDiv, "1e308", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::TrueDiv, "-inf", "2.5", "-inf"},
    {BinOp::TrueDiv, "-inf", "-2.5", "inf"},
    {BinOp::TrueDiv, "-inf", "0.0", "ZeroDivisionError: float division by zero"},
    {BinOp::TrueDiv, "-inf", "-0.0", "ZeroDivisionError: float division by zero"},
    {BinOp::TrueDiv, "-inf", "3", "-inf"},
    {BinOp::TrueDiv, "-inf", "-3", "inf"},
    {BinOp::TrueDiv, "-inf", "1e308", "-inf"},
    {BinOp::TrueDiv, "-inf", "-inf", "nan"},
    {BinOp::TrueDiv, "-inf", "nan", "nan"},
    {BinOp::TrueDiv, "-inf", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::TrueDiv, "nan", "2.5", "nan"},
    {BinOp::TrueDiv, "nan", "-2.5", "nan"},
    {BinOp::TrueDiv, "nan", "0.0", "ZeroDivisionError: float division by zero"},
    {BinOp::TrueDiv, "nan", "-0.0", "ZeroDivisionError: float division by zero"},
    {BinOp::TrueDiv, "nan", "3", "nan"},
    {BinOp::TrueDiv, "nan", "-3", "nan"},
    {BinOp::TrueDiv, "nan", "1e308", "nan"},
    {BinOp::TrueDiv, "nan", "-inf", "nan"},
    {BinOp::TrueDiv, "nan", "nan", "nan"},
    {BinOp::TrueDiv, "nan", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::TrueDiv, "2**1024", "2.5", "OverflowError: int too large to convert to float"},
    {BinOp::TrueDiv, "2**1024", "-2.5", "OverflowError: int too large to convert to float"},
    {BinOp::TrueDiv, "2**1024", "0.0", "OverflowError: int too large to convert to float"},
    {BinOp::TrueDiv, "2**1024", "-0.0", "OverflowError: int too large to convert to float"},
    {BinOp::TrueDiv, "2**1024", "1e308", "OverflowError: int too large to convert to float"},
    {BinOp::TrueDiv, "2**1024", "-inf", "OverflowError: int too large to convert to float"},
    {BinOp::TrueDiv, "2**1024", "nan", "OverflowError: int too large to convert to float"},
    {BinOp::FloorDiv, "2.5", "2.5", "1.0"},
    {BinOp::FloorDiv, "2.5", "-2.5", "-1.0"},
    {BinOp::FloorDiv, "2.5", "0.0", "ZeroDivisionError: float floor division by zero"},
    {BinOp::FloorDiv, "2.5", "-0.0", "ZeroDivisionError: float floor division by zero"},
    {BinOp::FloorDiv, "2.5", "3", "0.0"},
    {BinOp::FloorDiv, "2.5", "-3", "-1.0"},
    {BinOp::FloorDiv, "2.5", "1e308", "0.0"},
    {BinOp::FloorDiv, "2.5", "-inf", "-1.0"},
    {BinOp::FloorDiv, "2.5", "nan", "nan"},
    {BinOp::FloorDiv, "2.5", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::FloorDiv, "-2.5", "2.5", "-1.0"},
    {BinOp::FloorDiv, "-2.5", "-2.5", "1.0"},
    {BinOp::FloorDiv, "-2.5", "0.0", "ZeroDivisionError: float floor division by zero"},
    {BinOp::FloorDiv, "-2.5", "-0.0", "ZeroDivisionError: float floor division by zero"},
    {BinOp::FloorDiv, "-2.5", "3", "-1.0"},
    {BinOp::FloorDiv, "-2.5", "-3", "0.0"},
    {BinOp::FloorDiv, "-2.5", "1e308", "-1.0"},
    {BinOp::FloorDiv, "-2.5", "-inf", "0.0"},
    {BinOp::FloorDiv, "-2.5", "nan", "nan"},
    {BinOp::FloorDiv, "-2.5", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::FloorDiv, "0.0", "2.5", "0.0"},
    {BinOp::FloorDiv, "0.0", "-2.5", "-0.0"},
    {BinOp::FloorDiv, "0.0", "0.0", "ZeroDivisionError: float floor division by zero"},
    {BinOp::FloorDiv, "0.0", "-0.0", "ZeroDivisionError: float floor division by zero"},
    {BinOp::FloorDiv, "0.0", "3", "0.0"},
    {BinOp::FloorDiv, "0.0", "-3", "-0.0"},
    {BinOp::FloorDiv, "0.0", "1e308", "0.0"},
    {BinOp::FloorDiv, "0.0", "-inf", "-0.0"},
    {BinOp::FloorDiv, "0.0", "nan", "nan"},
    {BinOp::FloorDiv, "0.0", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::FloorDiv, "-0.0", "2.5", "-0.0"},
    {BinOp::FloorDiv, "-0.0", "-2.5", "0.0"},
    {BinOp::FloorDiv, "-0.0", "0.0", "ZeroDivisionError: float floor division by zero"},
    {BinOp::FloorDiv, "-0.0", "-0.0", "ZeroDivisionError: float floor division by zero"},
    {BinOp::FloorDiv, "-0.0", "3", "-0.0"},
    {BinOp::FloorDiv, "-0.0", "-3", "0.0"},
    {BinOp::FloorDiv, "-0.0", "1e308", "-0.0"},
    {BinOp::FloorDiv, "-0.0", "-inf", "0.0"},
    {BinOp::FloorDiv, "-0.0", "nan", "nan"},
    {BinOp::FloorDiv, "-0.0", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::FloorDiv, "3", "2.5", "1.0"},
    {BinOp::FloorDiv, "3", "-2.5", "-2.0"},
    {BinOp::FloorDiv, "3", "0.0", "ZeroDivisionError: float floor division by zero"},
    {BinOp::FloorDiv, "3", "-0.0", "ZeroDivisionError: float floor division by zero"},
    {BinOp::FloorDiv, "3", "1e308", "0.0"},
    {BinOp::FloorDiv, "3", "-inf", "-1.0"},
    {BinOp::FloorDiv, "3", "nan", "nan"},
    {BinOp::FloorDiv, "-3", "2.5", "-2.0"},
    {BinOp::FloorDiv, "-3", "-2.5", "1.0"},
    {BinOp::FloorDiv, "-3", "0.0", "ZeroDivisionError: float floor division by zero"},
    {BinOp::FloorDiv, "-3", "-0.0", "ZeroDivisionError: float floor division by zero"},
    {BinOp::FloorDiv, "-3", "1e308", "-1.0"},
    {BinOp::FloorDiv, "-3", "-inf", "0.0"},
    {BinOp::FloorDiv, "-3", "nan", "nan"},
    {BinOp::FloorDiv, "1e308", "2.5", "4e+307"},
    {BinOp::FloorDiv, "1e308", "-2.5", "-4e+307"},
    {BinOp::FloorDiv, "1e308", "0.0", "ZeroDivisionError: float floor division by zero"},
    {BinOp::FloorDiv, "1e308", "-0.0", "ZeroDivisionError: float floor division by zero"},
    {BinOp::FloorDiv, "1e308", "3", "3.333333333333333e+307"},
    {BinOp::FloorDiv, "1e308", "-3", "-3.333333333333333e+307"},
    {BinOp::FloorDiv, "1e308", "1e308", "1.0"},
    {BinOp::FloorDiv, "1e308", "-inf", "-1.0"},
    {BinOp::FloorDiv, "1e308", "nan", "nan"},
    {BinOp::FloorDiv, "1e308", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::FloorDiv, "-inf", "2.5", "nan"},
    {BinOp::FloorDiv, "-inf", "-2.5", "nan"},
    {BinOp::FloorDiv, "-inf", "0.0", "ZeroDivisionError: float floor division by zero"},
    {BinOp::FloorDiv, "-inf", "-0.0", "ZeroDivisionError: float floor division by zero"},
    {BinOp::FloorDiv, "-inf", "3", "nan"},
    {BinOp::FloorDiv, "-inf", "-3", "nan"},
    {BinOp::FloorDiv, "-inf", "1e308", "nan"},
    {BinOp::FloorDiv, "-inf", "-inf", "nan"},
    {BinOp::FloorDiv, "-inf", "nan", "nan"},
    {BinOp::FloorDiv, "-inf", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::FloorDiv, "nan", "2.5", "nan"},
    {BinOp::FloorDiv, "nan", "-2.5", "nan"},
    {BinOp::FloorDiv, "nan", "0.0", "ZeroDivisionError: float floor division by zero"},
    {BinOp::FloorDiv, "nan", "-0.0", "ZeroDivisionError: float floor division by zero"},
    {BinOp::FloorDiv, "nan", "3", "nan"},
    {BinOp::FloorDiv, "nan", "-3", "nan"},
    {BinOp::FloorDiv, "nan", "1e308", "nan"},
    {BinOp::FloorDiv, "nan", "-inf", "nan"},
    {BinOp::FloorDiv, "nan", "nan", "nan"},
    {BinOp::FloorDiv, "nan", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::FloorDiv, "2**1024", "2.5", "OverflowError: int too large to convert to float"},
    {BinOp::FloorDiv, "2**1024", "-2.5", "OverflowError: int too large to convert to float"},
    {BinOp::FloorDiv, "2**1024", "0.0", "OverflowError: int too large to convert to float"},
    {BinOp::FloorDiv, "2**1024", "-0.0", "OverflowError: int too large to convert to float"},
    {BinOp::FloorDiv, "2**1024", "1e308", "OverflowError: int too large to convert to float"},
    {BinOp::FloorDiv, "2**1024", "-inf", "OverflowError: int too large to convert to float"},
    {BinOp::FloorDiv, "2**1024", "nan", "OverflowError: int too large to convert to float"},
    {BinOp::Mod, "2.5", "2.5", "0.0"},
    {BinOp::Mod, "2.5", "-2.5", "-0.0"},
    {BinOp::Mod, "2.5", "0.0", "ZeroDivisionError: float modulo"},
    {BinOp::Mod, "2.5", "-0.0", "ZeroDivisionError: float modulo"},
    {BinOp::Mod, "2.5", "3", "2.5"},
    {BinOp::Mod, "2.5", "-3", "-0.5"},
    {BinOp::Mod, "2.5", "1e308", "2.5"},
    {BinOp::Mod, "2.5", "-inf", "-inf"},
    {BinOp::Mod, "2.5", "nan", "nan"},
    {BinOp::Mod, "2.5", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::Mod, "-2.5", "2.5", "0.0"},
    {BinOp::Mod, "-2.5", "-2.5", "-0.0"},
    {BinOp::Mod, "-2.5", "0.0", "ZeroDivisionError: float modulo"},
    {BinOp::Mod, "-2.5", "-0.0", "ZeroDivisionError: float modulo"},
    {BinOp::Mod, "-2.5", "3", "0.5"},
    {BinOp::Mod, "-2.5", "-3", "-2.5"},
    {BinOp::Mod, "-2.5", "1e308", "1e+308"},
    {BinOp::Mod, "-2.5", "-inf", "-2.5"},
    {BinOp::Mod, "-2.5", "nan", "nan"},
    {BinOp::Mod, "-2.5", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::Mod, "0.0", "2.5", "0.0"},
    {BinOp::Mod, "0.0", "-2.5", "-0.0"},
    {BinOp::Mod, "0.0", "0.0", "ZeroDivisionError: float modulo"},
    {BinOp::Mod, "0.0", "-0.0", "ZeroDivisionError: float modulo"},
    {BinOp::Mod, "0.0", "3", "0.0"},
    {BinOp::Mod, "0.0", "-3", "-0.0"},
    {BinOp::Mod, "0.0", "1e308", "0.0"},
    {BinOp::Mod, "0.0", "-inf", "-0.0"},
    {BinOp::Mod, "0.0", "nan", "nan"},
    {BinOp::Mod, "0.0", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::Mod, "-0.0", "2.5", "0.0"},
    {BinOp::Mod, "-0.0", "-2.5", "-0.0"},
    {BinOp::Mod, "-0.0", "0.0", "ZeroDivisionError: float modulo"},
    {BinOp::Mod, "-0.0", "-0.0", "ZeroDivisionError: float modulo"},
    {BinOp::Mod, "-0.0", "3", "0.0"},
    {BinOp::Mod, "-0.0", "-3", "-0.0"},
    {BinOp::Mod, "-0.0", "1e308", "0.0"},
    {BinOp::Mod, "-0.0", "-inf", "-0.0"},
    {BinOp::Mod, "-0.0", "nan", "nan"},
    {BinOp::Mod, "-0.0", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::Mod, "3", "2.5", "0.5"},
    {BinOp::Mod, "3", "-2.5", "-2.0"},
    {BinOp::Mod, "3", "0.0", "ZeroDivisionError: float modulo"},
    {BinOp::Mod, "3", "-0.0", "ZeroDivisionError: float modulo"},
    {BinOp::Mod, "3", "1e308", "3.0"},
    {BinOp::Mod, "3", "-inf", "-inf"},
    {BinOp::Mod, "3", "nan", "nan"},
    {BinOp::Mod, "-3", "2.5", "2.0"},
    {BinOp::Mod, "-3", "-2.5", "-0.5"},
    {BinOp::Mod, "-3", "0.0", "ZeroDivisionError: float modulo"},
    {BinOp::Mod, "-3", "-0.0", "ZeroDivisionError: float modulo"},
    {BinOp::Mod, "-3", "1e308", "1e+308"},
    {BinOp::Mod, "-3", "-inf", "-3.0"},
    {BinOp::Mod, "-3", "nan", "nan"},
    {BinOp::Mod, "1e308", "2.5", "1.0"},
    {BinOp::Mod, "1e308", "-2.5", "-1.5"},
    {BinOp::Mod, "1e308", "0.0", "ZeroDivisionError: float modulo"},
    {BinOp::Mod, "1e308", "-0.0", "ZeroDivisionError: float modulo"},
    {BinOp::Mod, "1e308", "3", "2.0"},
    {BinOp::Mod, "1e308", "-3", "-1.0"},
    {BinOp::Mod, "1e308", "1e308", "0.0"},
    {BinOp::Mod, "1e308", "-inf", "-inf"},
    {BinOp::Mod, "1e308", "nan", "nan"},
    {BinOp::Mod, "1e308", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::Mod, "-inf", "2.5", "nan"},
    {BinOp::Mod, "-inf", "-2.5", "nan"},
    {BinOp::Mod, "-inf", "0.0", "ZeroDivisionError: float modulo"},
    {BinOp::Mod, "-inf", "-0.0", "ZeroDivisionError: float modulo"},
    {BinOp::Mod, "-inf", "3", "nan"},
    {BinOp::Mod, "-inf", "-3", "nan"},
    {BinOp::Mod, "-inf", "1e308", "nan"},
    {BinOp::Mod, "-inf", "-inf", "nan"},
    {BinOp::Mod, "-inf", "nan", "nan"},
    {BinOp::Mod, "-inf", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::Mod, "nan", "2.5", "nan"},
    {BinOp::Mod, "nan", "-2.5", "nan"},
    {BinOp::Mod, "nan", "0.0", "ZeroDivisionError: float modulo"},
    {BinOp::Mod, "nan", "-0.0", "ZeroDivisionError: float modulo"},
    {BinOp::Mod, "nan", "3", "nan"},
    {BinOp::Mod, "nan", "-3", "nan"},
    {BinOp::Mod, "nan", "1e308", "nan"},
    {BinOp::Mod, "nan", "-inf", "nan"},
    {BinOp::Mod, "nan", "nan", "nan"},
    {BinOp::Mod, "nan", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::Mod, "2**1024", "2.5", "OverflowError: int too large to convert to float"},
    {BinOp::Mod, "2**1024", "-2.5", "OverflowError: int too large to convert to float"},
    {BinOp::Mod, "2**1024", "0.0", "OverflowError: int too large to convert to float"},
    {BinOp::Mod, "2**1024", "-0.0", "OverflowError: int too large to convert to float"},
    {BinOp::Mod, "2**1024", "1e308", "OverflowError: int too large to convert to float"},
    {BinOp::Mod, "2**1024", "-inf", "OverflowError: int too large to convert to float"},
    {BinOp::Mod, "2**1024", "nan", "OverflowError: int too large to convert to float"},
    {BinOp::Pow, "2.5", "2.5", "9.882117688026186"},
    {BinOp::Pow, "2.5", "-2.5", "0.10119288512538814"},
    {BinOp::Pow, "2.5", "0.0", "1.0"},
    {BinOp::Pow, "2.5", "-0.0", "1.0"},
    {BinOp::Pow, "2.5", "3", "15.625"},
    {BinOp::Pow, "2.5", "-3", "0.064"},
    {BinOp::Pow, "2.5", "1e308", "OverflowError: (34, 'Numerical result out of range')"},
    {BinOp::Pow, "2.5", "-inf", "0.0"},
    {BinOp::Pow, "2.5", "nan", "nan"},
    {BinOp::Pow, "2.5", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::Pow, "-2.5", "2.5", "(3.025525948859678e-15+9.882117688026186j)"},
    {BinOp::Pow, "-2.5", "-2.5", "(3.09813857163231e-17-0.10119288512538814j)"},
    {BinOp::Pow, "-2.5", "0.0", "1.0"},
    {BinOp::Pow, "-2.5", "-0.0", "1.0"},
    {BinOp::Pow, "-2.5", "3", "-15.625"},
    {BinOp::Pow, "-2.5", "-3", "-0.064"},
    {BinOp::Pow, "-2.5", "1e308", "OverflowError: (34, 'Numerical result out of range')"},
    {BinOp::Pow, "-2.5", "-inf", "0.0"},
    {BinOp::Pow, "-2.5", "nan", "nan"},
    {BinOp::Pow, "-2.5", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::Pow, "0.0", "2.5", "0.0"},
    {BinOp::Pow, "0.0", "-2.5", "ZeroDivisionError: 0.0 cannot be raised to a negative power"},
    {BinOp::Pow, "0.0", "0.0", "1.0"},
    {BinOp::Pow, "0.0", "-0.0", "1.0"},
    {BinOp::Pow, "0.0", "3", "0.0"},
    {BinOp::Pow, "0.0", "-3", "ZeroDivisionError: 0.0 cannot be raised to a negative power"},
    {BinOp::Pow, "0.0", "1e308", "0.0"},
    {BinOp::Pow, "0.0", "-inf", "inf"},
    {BinOp::Pow, "0.0", "nan", "nan"},
    {BinOp::Pow, "0.0", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::Pow, "-0.0", "2.5", "0.0"},
    {BinOp::Pow, "-0.0", "-2.5", "ZeroDivisionError: 0.0 cannot be raised to a negative power"},
    {BinOp::Pow, "-0.0", "0.0", "1.0"},
    {BinOp::Pow, "-0.0", "-0.0", "1.0"},
    {BinOp::Pow, "-0.0", "3", "-0.0"},
    {BinOp::Pow, "-0.0", "-3", "ZeroDivisionError: 0.0 cannot be raised to a negative power"},
    {BinOp::Pow, "-0.0", "1e308", "0.0"},
    {BinOp::Pow, "-0.0", "-inf", "inf"},
    {BinOp::Pow, "-0.0", "nan", "nan"},
    {BinOp::Pow, "-0.0", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::Pow, "3", "2.5", "15.588457268119896"},
    {BinOp::Pow, "3", "-2.5", "0.06415002990995841"},
    {BinOp::Pow, "3", "0.0", "1.0"},
    {BinOp::Pow, "3", "-0.0", "1.0"},
    {BinOp::Pow, "3", "1e308", "OverflowError: (34, 'Numerical result out of range')"},
    {BinOp::Pow, "3", "-inf", "0.0"},
    {BinOp::Pow, "3", "nan", "nan"},
    {BinOp::Pow, "-3", "2.5", "(4.772588574262081e-15+15.588457268119896j)"},
    {BinOp::Pow, "-3", "-2.5", "(1.9640282198609385e-17-0.06415002990995841j)"},
    {BinOp::Pow, "-3", "0.0", "1.0"},
    {BinOp::Pow, "-3", "-0.0", "1.0"},
    {BinOp::Pow, "-3", "1e308", "OverflowError: (34, 'Numerical result out of range')"},
    {BinOp::Pow, "-3", "-inf", "0.0"},
    {BinOp::Pow, "-3", "nan", "nan"},
    {BinOp::Pow, "1e308", "2.5", "OverflowError: (34, 'Numerical result out of range')"},
    {BinOp::Pow, "1e308", "-2.5", "0.0"},
    {BinOp::Pow, "1e308", "0.0", "1.0"},
    {BinOp::Pow, "1e308", "-0.0", "1.0"},
    {BinOp::Pow, "1e308", "3", "OverflowError: (34, 'Numerical result out of range')"},
    {BinOp::Pow, "1e308", "-3", "0.0"},
    {BinOp::Pow, "1e308", "1e308", "OverflowError: (34, 'Numerical result out of range')"},
    {BinOp::Pow, "1e308", "-inf", "0.0"},
    {BinOp::Pow, "1e308", "nan", "nan"},
    {BinOp::Pow, "1e308", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::Pow, "-inf", "2.5", "inf"},
    {BinOp::Pow, "-inf", "-2.5", "0.0"},
    {BinOp::Pow, "-inf", "0.0", "1.0"},
    {BinOp::Pow, "-inf", "-0.0", "1.0"},
    {BinOp::Pow, "-inf", "3", "-inf"},
    {BinOp::Pow, "-inf", "-3", "-0.0"},
    {BinOp::Pow, "-inf", "1e308", "inf"},
    {BinOp::Pow, "-inf", "-inf", "0.0"},
    {BinOp::Pow, "-inf", "nan", "nan"},
    {BinOp::Pow, "-inf", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::Pow, "nan", "2.5", "nan"},
    {BinOp::Pow, "nan", "-2.5", "nan"},
    {BinOp::Pow, "nan", "0.0", "1.0"},
    {BinOp::Pow, "nan", "-0.0", "1.0"},
    {BinOp::Pow, "nan", "3", "nan"},
    {BinOp::Pow, "nan", "-3", "nan"},
    {BinOp::Pow, "nan", "1e308", "nan"},
    {BinOp::Pow, "nan", "-inf", "nan"},
    {BinOp::Pow, "nan", "nan", "nan"},
    {BinOp::Pow, "nan", "2**1024", "OverflowError: int too large to convert to float"},
    {BinOp::Pow, "-8.0", "0.3333333333333333", "(1.0000000000000002+1.7320508075688772j)"},
    {BinOp::Pow, "-1.0", "0.5", "(6.123233995736766e-17+1j)"},
    {BinOp::Pow, "-2.0", "3.0", "-8.0"},
    {BinOp::Pow, "-2.0", "1e300", "OverflowError: (34, 'Numerical result out of range')"},
    {BinOp::Pow, "1.0", "nan", "1.0"},
    {BinOp::Pow, "nan", "0.0", "1.0"},
    {BinOp::Pow, "0.0", "-1.0", "ZeroDivisionError: 0.0 cannot be raised to a negative power"},
    {BinOp::Pow, "-0.0", "-3.0", "ZeroDivisionError: 0.0 cannot be raised to a negative power"},
    {BinOp::Pow, "10.0", "400.0", "OverflowError: (34, 'Numerical result out of range')"},
    {BinOp::Pow, "2.0", "-1075.0", "0.0"},
    {BinOp::Pow, "1e300", "2", "OverflowError: (34, 'Numerical result out of range')"},
    {BinOp::Pow, "-inf", "3.0", "-inf"},
    {BinOp::Pow, "-inf", "-3.0", "-0.0"},
    {BinOp::Pow, "0.5", "-inf", "inf"},
    {BinOp::FloorDiv, "-7.5", "2.0", "-4.0"},
    {BinOp::Mod, "-7.5", "2.0", "0.5"},
    {BinOp::Mod, "7.5", "-2.0", "-0.5"},
    {BinOp::Mod, "-0.0", "5.0", "0.0"},
    {BinOp::Mod, "0.0", "-5.0", "-0.0"},
    {BinOp::FloorDiv, "1.0", "0.1", "9.0"},
    {BinOp::Mod, "1.0", "0.1", "0.09999999999999995"},
    {BinOp::FloorDiv, "-1e-300", "1e300", "-1.0"},
    {BinOp::Mod, "1e-300", "-1e300", "-1e+300"},
    {BinOp::TrueDiv, "2**1100", "2.0", "OverflowError: int too large to convert to float"},
    {BinOp::Add, "10**400", "1.0", "OverflowError: int too large to convert to float"},
};

TEST_F(FloatTest, ArithmeticMatchesCPython) {
    for (const OpCase& c : kOpCases) {
        Ref a = number(c.a), b = number(c.b);
        ASSERT_FALSE(a.is_null() || b.is_null()) << c.a << " " << c.b;
        EXPECT_EQ(show(binary_op(ts, c.op, *a, *b)), c.expected)
            << c.a << " " << binop_symbol(c.op) << " " << c.b;
    }
}

TEST_F(FloatTest, UnsupportedOperands) {
    Ref x = flt(1.0), s(make_str(ts, "a"));
    EXPECT_EQ(show(binary_op(ts, BinOp::Add, *x, *s)),
              "TypeError: unsupported operand type(s) for +: 'float' and 'str'");
    EXPECT_EQ(show(binary_op(ts, BinOp::LShift, *x, Value::small_int(1))),
              "TypeError: unsupported operand type(s) for <<: 'float' and 'int'");
    EXPECT_TRUE(float_binary(ts, BinOp::Add, *x, *s).is_not_implemented());
}

struct DivmodCase {
    double a, b;
    const char* expected;
};

const DivmodCase kDivmodCases[] = {
    {0x1.e000000000000p+2, 0x1.0000000000000p+1, "(3.0, 1.5)"},
    {-0x1.e000000000000p+2, 0x1.0000000000000p+1, "(-4.0, 0.5)"},
    {0x1.e000000000000p+2, -0x1.0000000000000p+1, "(-4.0, -0.5)"},
    {-0x1.e000000000000p+2, -0x1.0000000000000p+1, "(3.0, -1.5)"},
    {0x0.0p+0, -0x1.8000000000000p+1, "(-0.0, -0.0)"},
    {-0x0.0p+0, 0x1.8000000000000p+1, "(-0.0, 0.0)"},
    {0x1.0000000000000p+0, 0x1.999999999999ap-4, "(9.0, 0.09999999999999995)"},
    {-0x1.56e1fc2f8f359p-997, 0x1.7e43c8800759cp+996, "(-1.0, 1e+300)"},
    {0x1.4000000000000p+2, kInf, "(0.0, 5.0)"},
    {-0x1.4000000000000p+2, kInf, "(-1.0, inf)"},
    {kInf, 0x1.0000000000000p+1, "(nan, nan)"},
};

TEST_F(FloatTest, DivmodSigns) {
    for (const DivmodCase& c : kDivmodCases) {
        Ref a = flt(c.a), b = flt(c.b);
        EXPECT_EQ(show(float_divmod(ts, *a, *b)), c.expected) << c.a << " " << c.b;
    }
    Ref one = flt(1.0);
    EXPECT_EQ(show(float_divmod(ts, *one, Value::small_int(0))),
              "ZeroDivisionError: float divmod()");
    EXPECT_EQ(show(call_attr(*one, "__rdivmod__", {Value::small_int(7)})), "(7.0, 0.0)");
}

struct HashCase {
    double value;
    int64_t hash;
};

const HashCase kHashCases[] = {
    {0x0.0p+0, 0LL},
    {-0x0.0p+0, 0LL},
    {0x1.0000000000000p+0, 1LL},
    {-0x1.0000000000000p+0, -2LL},
    {0x1.0000000000000p-1, 1152921504606846976LL},
    {0x1.8000000000000p+0, 1152921504606846977LL},
    {-0x1.4000000000000p+1, -1152921504606846978LL},
    {0x1.249ad2594c37dp+332, 1822893315824342674LL},
    {0x1.bff2ee48e0530p-333, 1735222877707689105LL},
    {kInf, 314159LL},
    {-kInf, -314159LL},
    {0x1.0000000000000p+61, 1LL},
    {0x1.0000000000000p+62, 2LL},
    {0x1.e240c9fbe76c9p+16, 1819310134279660096LL},
    {0x0.0000000000001p-1022, 16777216LL},
    {0x1.fffffffffffffp+1023, 2234066890152476671LL},
    {0x1.0000000000000p-1, 1152921504606846976LL},
};

TEST_F(FloatTest, HashMatchesCPython) {
    for (const HashCase& c : kHashCases) {
        EXPECT_EQ(float_hash(c.value), c.hash) << c.value;
        Ref f = flt(c.value);
        int64_t h;
        ASSERT_TRUE(obj_hash(ts, *f, &h));
        EXPECT_EQ(h, c.hash);
    }
    // Equal ints and floats hash alike.
    Ref big(int_from_string(ts, "1267650600228229401496703205376", 10));  // 2**100
    EXPECT_EQ(float_hash(std::ldexp(1.0, 100)), int_hash(*big));
    // NaNs hash by identity.
    Ref n1 = flt(kNaN), n2 = flt(kNaN);
    int64_t h1, h2;
    ASSERT_TRUE(obj_hash(ts, *n1, &h1));
    ASSERT_TRUE(obj_hash(ts, *n2, &h2));
    EXPECT_NE(h1, h2);
}

struct RoundCase {
    double value;
    int ndigits;
    const char* expected;
};

const RoundCase kRoundCases[] = {
    {0x1.4000000000000p+1, kNoDigits, "2"},
    {0x1.c000000000000p+1, kNoDigits, "4"},
    {-0x1.4000000000000p+1, kNoDigits, "-2"},
    {0x1.0000000000000p-1, kNoDigits, "0"},
    {-0x1.0000000000000p-1, kNoDigits, "0"},
    {0x1.7ffffffffffffp+0, kNoDigits, "1"},
    {0x1.5666666666666p+1, 2, "2.67"},
    {0x1.0147ae147ae14p+0, 2, "1.0"},
    {0x1.0000000000000p-3, 2, "0.12"},
    {0x1.8000000000000p-2, 2, "0.38"},
    {0x1.34a456d5cfaadp+10, -2, "1200.0"},
    {0x1.3880000000000p+10, -2, "1200.0"},
    {0x1.5180000000000p+10, -2, "1400.0"},
    {-0x1.3880000000000p+10, -2, "-1200.0"},
    {0x1.4000000000000p+2, -1, "0.0"},
    {0x1.e000000000000p+3, -1, "20.0"},
    {0x1.9000000000000p+4, -1, "20.0"},
    {0x1.0000000000000p-1, 0, "0.0"},
    {0x1.8000000000000p+0, 0, "2.0"},
    {-0x1.999999999999ap-2, 0, "-0.0"},
    {0x1.7e43c8800759cp+996, -300, "1e+300"},
    {0x1.e42d130773b76p+1023, -308, "OverflowError: rounded value too large to represent"},
    {0x1.edd2f1a9fbe77p+6, 400, "123.456"},
    {0x1.edd2f1a9fbe77p+6, -400, "0.0"},
    {-0x1.edd2f1a9fbe77p+6, -400, "-0.0"},
    {kInf, 2, "inf"},
    {kNaN, 2, "nan"},
    {kInf, kNoDigits, "OverflowError: cannot convert float infinity to integer"},
    {kNaN, kNoDigits, "ValueError: cannot convert float NaN to integer"},
    {0x1.0f0cf064dd592p+73, kNoDigits, "10000000000000000000000"},
    {0x1.999999999999ap-4, 1, "0.1"},
    {0x1.999999999999ap-5, 1, "0.1"},
    {0x1.3333333333333p-3, 1, "0.1"},
    {0x1.0000000000000p-2, 1, "0.2"},
    {0x1.a36e2eb1c432dp-16, 5, "3e-05"},
    {0x1.0f7bfe5db09ebp-33, 15, "1.23457e-10"},
    {0x1.d6f3458fe6b75p+29, -5, "987700000.0"},
    {0x1.3000000000000p+3, -1, "10.0"},
    {0x1.2000000000000p+2, -1, "0.0"},
};

TEST_F(FloatTest, RoundMatchesCPython) {
    for (const RoundCase& c : kRoundCases) {
        Value nd = c.ndigits == kNoDigits ? Value() : Value::small_int(c.ndigits);
        EXPECT_EQ(show(float_round(ts, c.value, nd)), c.expected) << c.value << " " << c.ndigits;
    }
    Ref x = flt(2.5);
    EXPECT_EQ(show(call_attr(*x, "__round__", {})), "2");
    EXPECT_EQ(show(call_attr(*x, "__round__", {Value::none()})), "2");
    EXPECT_EQ(show(call_attr(*x, "__round__", {Value::small_int(0)})), "2.0");
    Ref big(int_from_string(ts, "-100000000000000000000000000000", 10));
    EXPECT_EQ(show(call_attr(*x, "__round__", {*big})), "0.0");
}

struct ParseCase {
    const char* text;
    const char* expected;
};

// repr(float(text)) or the error in CPython 3.11.
const ParseCase kParseCases[] = {
    {"1.5", "1.5"},
    {"  -1.5e3  ", "-1500.0"},
    {"1_0.5", "10.5"},
    {"1__0", "ValueError: could not convert string to float: '1__0'"},
    {"_1", "ValueError: could not convert string to float: '_1'"},
    {"1_", "ValueError: could not convert string to float: '1_'"},
    {"1e400", "inf"},
    {"-1e400", "-inf"},
    {"1e-400", "0.0"},
    {"inf", "inf"},
    {"-iNF", "-inf"},
    {"infinity", "inf"},
    {"+Infinity", "inf"},
    {"nan", "nan"},
    {"-nan", "nan"},
    {"NaN", "nan"},
    {"infinit", "ValueError: could not convert string to float: 'infinit'"},
    {"0x10", "ValueError: could not convert string to float: '0x10'"},
    {"", "ValueError: could not convert string to float: ''"},
    {".5", "0.5"},
    {"5.", "5.0"},
    {".", "ValueError: could not convert string to float: '.'"},
    {" ", "ValueError: could not convert string to float: ' '"},
    {"1e", "ValueError: could not convert string to float: '1e'"},
    {"1e+", "ValueError: could not convert string to float: '1e+'"},
    {"1e5x", "ValueError: could not convert string to float: '1e5x'"},
    {"١.٥", "1.5"},
    {" 2.5 ", "2.5"},
    {"1_000.000_1", "1000.0001"},
    {"1.5e1_0", "15000000000.0"},
    {"1e-5", "1e-05"},
    {"0.000001", "1e-06"},
    {"00012.5", "12.5"},
    {"+.5e-3", "0.0005"},
    {"--1", "ValueError: could not convert string to float: '--1'"},
    {"1.2.3", "ValueError: could not convert string to float: '1.2.3'"},
    {"5e-324", "5e-324"},
    {"2.4703282292062328e-324", "5e-324"},
    {"2.4703282292062327e-324", "0.0"},
    {"1.7976931348623159e308", "inf"},
    {"nan(123)", "ValueError: could not convert string to float: 'nan(123)'"},
};

TEST_F(FloatTest, ParsingMatchesCPython) {
    for (const ParseCase& c : kParseCases)
        EXPECT_EQ(show(float_from_string(ts, c.text)), c.expected) << c.text;
    EXPECT_EQ(show(float_from_bytes_literal(ts, "x")),
              "ValueError: could not convert string to float: b'x'");
    double v = 0;
    EXPECT_EQ(float_parse_prefix("1.5e3xyz", &v), 5u);
    EXPECT_EQ(v, 1500.0);
    EXPECT_EQ(float_parse_prefix("-infj", &v), 4u);
    EXPECT_EQ(float_parse_prefix("+j", &v), 0u);
}

struct CompareCase {
    const char* int_value;
    double float_value;
    bool lt, eq, gt;
};

// int(text) <, ==, > float, exactly (CPython 3.11).
const CompareCase kCompareCases[] = {
    {"9007199254740993", 0x1.0000000000000p+53, false, false, true},
    {"9007199254740992", 0x1.0000000000000p+53, false, true, false},
    {"100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
     "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
     "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
     "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
     "00000000000000000000000000000",
     kInf, true, false, false},
    {"-10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
     "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
     "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
     "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
     "000000000000000000000000000000",
     -kInf, false, false, true},
    {"100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
     "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
     "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
     "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
     "00000000000000000000000000000",
     0x1.1ccf385ebc8a0p+1023, false, false, true},
    {"1", kNaN, false, false, false},
    {"-9223372036854775808", -0x1.0000000000000p+63, false, true, false},
    {"9223372036854775808", 0x1.0000000000000p+63, false, true, false},
    {"9223372036854775807", 0x1.0000000000000p+63, true, false, false},
    {"0", -0x0.0p+0, false, true, false},
    {"3", 0x1.7ffffffffffffp+1, false, false, true},
    {"123456789012345678901234567890", 0x1.8ee90ff6c373ep+96, false, false, true},
};

TEST_F(FloatTest, ComparisonWithIntsIsExact) {
    for (const CompareCase& c : kCompareCases) {
        Ref i(int_from_string(ts, c.int_value, 10));
        Ref f = flt(c.float_value);
        EXPECT_EQ(rich_compare_bool(ts, *i, *f, CompareOp::Lt), c.lt)
            << c.int_value << " " << c.float_value;
        EXPECT_EQ(rich_compare_bool(ts, *i, *f, CompareOp::Eq), c.eq)
            << c.int_value << " " << c.float_value;
        EXPECT_EQ(rich_compare_bool(ts, *i, *f, CompareOp::Gt), c.gt)
            << c.int_value << " " << c.float_value;
        EXPECT_EQ(rich_compare_bool(ts, *f, *i, CompareOp::Gt), c.lt)
            << c.int_value << " " << c.float_value;
        EXPECT_EQ(rich_compare_bool(ts, *f, *i, CompareOp::Ne), !c.eq)
            << c.int_value << " " << c.float_value;
    }
    Ref nan = flt(kNaN);
    EXPECT_EQ(rich_compare_bool(ts, *nan, *nan, CompareOp::Eq), 1);  // identity first, as CPython
    Ref nan2 = flt(kNaN);
    EXPECT_EQ(rich_compare_bool(ts, *nan, *nan2, CompareOp::Eq), 0);
    EXPECT_EQ(rich_compare_bool(ts, *nan, *nan2, CompareOp::Ne), 1);
}

TEST_F(FloatTest, Constructor) {
    Value float_type = val(ts.types().float_);
    Ref s(make_str(ts, " 1_0.5 ")), bad(make_str(ts, "abc"));
    EXPECT_EQ(show(call0(ts, float_type)), "0.0");
    EXPECT_EQ(show(call1(ts, float_type, *s)), "10.5");
    EXPECT_EQ(show(call1(ts, float_type, *bad)),
              "ValueError: could not convert string to float: 'abc'");
    EXPECT_EQ(show(call1(ts, float_type, Value::small_int(3))), "3.0");
    EXPECT_EQ(show(call1(ts, float_type, Value::true_())), "1.0");
    Ref lst(call0(ts, val(ts.types().list)));
    EXPECT_EQ(show(call1(ts, float_type, *lst)),
              "TypeError: float() argument must be a string or a real number, not 'list'");
    EXPECT_EQ(show(call2(ts, float_type, Value::small_int(1), Value::small_int(2))),
              "TypeError: float expected at most 1 argument, got 2");
}

TEST_F(FloatTest, Methods) {
    Ref x = flt(0.75), whole = flt(3.0), inf = flt(kInf), nan = flt(kNaN), neg = flt(-2.5);
    EXPECT_EQ(show(call_attr(*x, "as_integer_ratio", {})), "(3, 4)");
    EXPECT_EQ(show(call_attr(*neg, "as_integer_ratio", {})), "(-5, 2)");
    Ref tiny = flt(5e-324);
    EXPECT_EQ(show(call_attr(*tiny, "as_integer_ratio", {})).size(), 329u);
    EXPECT_EQ(show(call_attr(*inf, "as_integer_ratio", {})),
              "OverflowError: cannot convert Infinity to integer ratio");
    EXPECT_EQ(show(call_attr(*nan, "as_integer_ratio", {})),
              "ValueError: cannot convert NaN to integer ratio");
    EXPECT_EQ(show(call_attr(*whole, "is_integer", {})), "True");
    EXPECT_EQ(show(call_attr(*x, "is_integer", {})), "False");
    EXPECT_EQ(show(call_attr(*whole, "hex", {})), "'0x1.8000000000000p+1'");
    EXPECT_EQ(show(call_attr(*tiny, "hex", {})), "'0x0.0000000000001p-1022'");
    Ref mzero = flt(-0.0);
    EXPECT_EQ(show(call_attr(*mzero, "hex", {})), "'-0x0.0p+0'");
    Value float_type = val(ts.types().float_);
    Ref h1(make_str(ts, "0x1.8p1")), h2(make_str(ts, " -1p-2 ")), h3(make_str(ts, "0x1p2000")),
        h4(make_str(ts, "zz"));
    EXPECT_EQ(show(call_attr(float_type, "fromhex", {*h1})), "3.0");
    EXPECT_EQ(show(call_attr(float_type, "fromhex", {*h2})), "-0.25");
    EXPECT_EQ(show(call_attr(float_type, "fromhex", {*h3})),
              "OverflowError: hexadecimal value too large to represent as a float");
    EXPECT_EQ(show(call_attr(float_type, "fromhex", {*h4})),
              "ValueError: invalid hexadecimal floating-point string");
    EXPECT_EQ(show(call_attr(*neg, "__trunc__", {})), "-2");
    EXPECT_EQ(show(call_attr(*neg, "__floor__", {})), "-3");
    EXPECT_EQ(show(call_attr(*neg, "__ceil__", {})), "-2");
    EXPECT_EQ(show(call_attr(*inf, "__floor__", {})),
              "OverflowError: cannot convert float infinity to integer");
    EXPECT_EQ(show(call_attr(*neg, "conjugate", {})), "-2.5");
    EXPECT_EQ(show(obj_getattr_cstr(ts, *neg, "real")), "-2.5");
    EXPECT_EQ(show(obj_getattr_cstr(ts, *neg, "imag")), "0.0");
    EXPECT_EQ(show(unary_op(ts, UnaryOp::Neg, *neg)), "2.5");
    EXPECT_EQ(obj_truthy(ts, *mzero), 0);
}

TEST_F(FloatTest, FreeListIsBounded) {
    TypeObject* t = ts.types().float_;
    {
        std::vector<Ref> many;
        for (int i = 0; i < 300; ++i) many.push_back(flt(i * 0.5));
        EXPECT_EQ(show(new_ref(*many[7])), "3.5");
    }
    EXPECT_LE(t->freelist_len, 100u);
    EXPECT_GT(t->freelist_len, 0u);
    Ref reused = flt(42.0);  // comes off the free list with a fresh count
    EXPECT_EQ(reused.get().as_object()->refcnt, 1u);
    EXPECT_EQ(float_value(*reused), 42.0);
    float_clear_freelist(t);
    EXPECT_EQ(t->freelist_len, 0u);
}

}  // namespace
}  // namespace gilt
