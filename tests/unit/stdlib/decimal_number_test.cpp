// Tests for the decimal arithmetic core (stdlib/decimal_number.cpp):
// parsing and printing by the specification's to-sci-string rules, and
// rounding in each mode. Results are those of CPython's decimal module.
#include <gtest/gtest.h>

#include "stdlib/decimal_number.hpp"

namespace gilt::dec {
namespace {

Number num(const char* text) {
    Number n;
    EXPECT_TRUE(parse(text, &n)) << text;
    return n;
}

TEST(DecimalNumber, ParseAndPrint) {
    const char* const kSame[] = {"0",       "-0",       "1.30",      "1E+5", "0.000001", "1E-7",
                                 "123.456", "Infinity", "-Infinity", "NaN",  "sNaN12",   "1.2E+10"};
    for (const char* text : kSame) EXPECT_EQ(to_sci_string(num(text)), text);
    EXPECT_EQ(to_sci_string(num(" 1_000.5 ")), "1000.5");
    EXPECT_EQ(to_sci_string(num("inf")), "Infinity");
    EXPECT_EQ(to_sci_string(num(".5")), "0.5");
    EXPECT_EQ(to_eng_string(num("1.23E+7")), "12.3E+6");
    Number bad;
    EXPECT_FALSE(parse("1e", &bad));
    EXPECT_FALSE(parse("abc", &bad));
    EXPECT_FALSE(parse("1__0", &bad));
}

std::string divided(const char* a, const char* b, int64_t prec, Rounding mode, uint32_t* flags) {
    Context ctx;
    ctx.prec = prec;
    ctx.rounding = mode;
    Number out;
    *flags = divide(num(a), num(b), ctx, &out);
    return to_sci_string(out);
}

TEST(DecimalNumber, DivisionRoundsInEachMode) {
    uint32_t flags;
    EXPECT_EQ(divided("1", "3", 28, Rounding::HalfEven, &flags), "0.3333333333333333333333333333");
    EXPECT_EQ(flags, kInexact | kRounded);
    EXPECT_EQ(divided("2", "3", 3, Rounding::Down, &flags), "0.666");
    EXPECT_EQ(divided("2", "3", 3, Rounding::HalfUp, &flags), "0.667");
    EXPECT_EQ(divided("-2", "3", 3, Rounding::Ceiling, &flags), "-0.666");
    EXPECT_EQ(divided("-2", "3", 3, Rounding::Floor, &flags), "-0.667");
    EXPECT_EQ(divided("1", "8", 2, Rounding::HalfEven, &flags), "0.12");
    EXPECT_EQ(divided("3", "8", 2, Rounding::HalfEven, &flags), "0.38");
    EXPECT_EQ(divided("1", "8", 2, Rounding::HalfDown, &flags), "0.12");
    EXPECT_EQ(divided("1", "4", 28, Rounding::HalfEven, &flags), "0.25");
    EXPECT_EQ(flags, 0u);
    EXPECT_EQ(divided("100", "4", 28, Rounding::HalfEven, &flags), "25");
    EXPECT_EQ(divided("1", "0", 28, Rounding::HalfEven, &flags), "Infinity");
    EXPECT_EQ(flags, kDivByZero);
}

TEST(DecimalNumber, AdditionKeepsTheSmallerExponent) {
    Context ctx;
    Number out;
    EXPECT_EQ(add(num("1.30"), num("1.20"), false, ctx, &out), 0u);
    EXPECT_EQ(to_sci_string(out), "2.50");
    add(num("1E+2"), num("0"), false, ctx, &out);
    EXPECT_EQ(to_sci_string(out), "100");
    add(num("-0"), num("-0"), false, ctx, &out);
    EXPECT_EQ(to_sci_string(out), "-0");
    add(num("1"), num("-1"), false, ctx, &out);
    EXPECT_EQ(to_sci_string(out), "0");
}

TEST(DecimalNumber, QuantizeAndCompare) {
    Context ctx;
    Number out;
    quantize(num("1.2345"), num("0.01"), Rounding::HalfEven, ctx, &out);
    EXPECT_EQ(to_sci_string(out), "1.23");
    quantize(num("2.5"), num("1"), Rounding::HalfEven, ctx, &out);
    EXPECT_EQ(to_sci_string(out), "2");
    quantize(num("2.5"), num("1"), Rounding::Up05, ctx, &out);
    EXPECT_EQ(to_sci_string(out), "2");  // away from zero only onto a final 0 or 5
    quantize(num("5.5"), num("1"), Rounding::Up05, ctx, &out);
    EXPECT_EQ(to_sci_string(out), "6");
    EXPECT_EQ(compare(num("1.0"), num("1")), 0);
    EXPECT_EQ(compare(num("-Infinity"), num("-1E+999")), -1);
    EXPECT_EQ(compare(num("0.5"), num("-0")), 1);
}

}  // namespace
}  // namespace gilt::dec
