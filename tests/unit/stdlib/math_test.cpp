// Tests for the math module (stdlib/math.cpp): a table of calls with their
// results or exact error messages, generated with CPython 3.11.
#include "stdlib/math.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/abstract.hpp"
#include "runtime/errors.hpp"
#include "runtime/float.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/module.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"

namespace gilt {
namespace {

struct MathCase {
    const char* function;
    // Arguments encoded as "i:<decimal>", "f:<hex float>|inf|-inf|nan",
    // "b:True", "n:" (None), "s:<text>", "t:<items>" / "l:<items>" (a tuple
    // or list of ';'-separated encoded numbers).
    std::vector<const char*> args;
    // repr(math.function(*args)) or "Type: message".
    const char* expected;
};

const MathCase kMathCases[] = {
    {"sqrt", {"f:0x1.0000000000000p+1"}, "1.4142135623730951"},
    {"sqrt", {"i:-1"}, "ValueError: math domain error"},
    {"sqrt", {"i:4"}, "2.0"},
    {"sqrt", {"f:inf"}, "inf"},
    {"sqrt", {"s:a"}, "TypeError: must be real number, not str"},
    {"exp", {"i:1"}, "2.718281828459045"},
    {"exp", {"i:1000"}, "OverflowError: math range error"},
    {"exp", {"i:-1000"}, "0.0"},
    {"exp2", {"i:10"}, "1024.0"},
    {"expm1", {"f:0x1.b7cdfd9d7bdbbp-34"}, "1.00000000005e-10"},
    {"log", {"i:0"}, "ValueError: math domain error"},
    {"log", {"i:-1"}, "ValueError: math domain error"},
    {"log", {"i:10", "i:1"}, "ZeroDivisionError: float division by zero"},
    {"log", {"i:8", "i:2"}, "3.0"},
    {"log",
     {"i:"
      "10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
      "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
      "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
      "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
      "000000000000000000000000000000000"},
     "921.0340371976182"},
    {"log",
     {"i:"
      "11481306952742545242328332011776819840223177020886952004776427368257662613923703138566594863"
      "16506269918445964638987462773447118960863055331425931356166653185391299891453122800006887791"
      "48240044871428926990063486244781615463646388363947317026040466353970904996558162398808944629"
      "60562331164953616422197033268134416890898445850560237948480791405890093477650042900271670662"
      "58305220081322362812917612678833172065989953964181270217798584040421598531832515408894339020"
      "91920554957783589672039160081957216630582755380425583726015528348786419432054508915275783882"
      "625175435528800822842770817965453762184851149029376",
      "i:2"},
     "2000.0000000000002"},
    {"log",
     {"i:-"
      "10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
      "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
      "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
      "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
      "000000000000000000000000000000000"},
     "ValueError: math domain error"},
    {"log", {"i:100", "i:10"}, "2.0"},
    {"log2", {"i:1024"}, "10.0"},
    {"log2",
     {"i:"
      "12302319221611171769315588132767525146407138957368337157661180291600588006146729487753600678"
      "38593459582429649254051804908512884180898236823585082482065348331234959350355845017413023320"
      "11136066692262472823975688041643447831569367501341309075720869037679329665881066294182449348"
      "84517265053037129160053467479086237026734809193539368131057366204023527447769038404778836511"
      "00322409301983488363802930540482487909763484098253940728685132044408863734754271212592471778"
      "64394948668851172105156197043278074745482377680846418069710308386181218434856552274019579668"
      "26222055118455120805520103100502558015893496459280011337454742207150136834139075427790637598"
      "33876101354235184245096670042160720629411581502371248008430447184842098610320580417992206662"
      "24732872212208851364368390767036020916265367064113093699700217050067550137472399876600582757"
      "9300723253474890612250135171889174899079911291512399773872178519018229989376"},
     "3000.0"},
    {"log10", {"i:1000"}, "3.0"},
    {"log10", {"f:0x0.0p+0"}, "ValueError: math domain error"},
    {"log1p", {"i:-1"}, "ValueError: math domain error"},
    {"log1p", {"f:0x1.79ca10c924223p-67"}, "1e-20"},
    {"sin", {"i:1"}, "0.8414709848078965"},
    {"cos", {"i:1"}, "0.5403023058681398"},
    {"tan", {"i:1"}, "1.5574077246549023"},
    {"sin", {"f:inf"}, "ValueError: math domain error"},
    {"asin", {"i:2"}, "ValueError: math domain error"},
    {"acos", {"f:0x1.0000000000000p-1"}, "1.0471975511965979"},
    {"atan", {"f:inf"}, "1.5707963267948966"},
    {"sinh", {"i:1000"}, "OverflowError: math range error"},
    {"cosh", {"i:1"}, "1.5430806348152437"},
    {"tanh", {"i:100"}, "1.0"},
    {"asinh", {"i:1"}, "0.881373587019543"},
    {"acosh", {"i:0"}, "ValueError: math domain error"},
    {"atanh", {"i:1"}, "ValueError: math domain error"},
    {"atanh", {"f:0x1.0000000000000p-1"}, "0.5493061443340548"},
    {"cbrt", {"i:27"}, "3.0000000000000004"},
    {"erf", {"f:0x1.0000000000000p-1"}, "0.5204998778130465"},
    {"erfc", {"f:0x1.0000000000000p-1"}, "0.4795001221869535"},
    {"gamma", {"i:5"}, "24.0"},
    {"gamma", {"i:0"}, "ValueError: math domain error"},
    {"gamma", {"i:-1"}, "ValueError: math domain error"},
    {"gamma", {"i:200"}, "OverflowError: math range error"},
    {"lgamma", {"i:0"}, "ValueError: math domain error"},
    {"fabs", {"i:-3"}, "3.0"},
    {"atan2", {"i:1", "i:0"}, "1.5707963267948966"},
    {"atan2", {"f:-0x0.0p+0", "i:-1"}, "-3.141592653589793"},
    {"copysign", {"i:1", "f:-0x0.0p+0"}, "-1.0"},
    {"fmod", {"f:0x1.0000000000000p+0", "i:0"}, "ValueError: math domain error"},
    {"fmod", {"i:-7", "i:3"}, "-1.0"},
    {"fmod", {"i:5", "f:inf"}, "5.0"},
    {"fmod", {"f:inf", "i:1"}, "ValueError: math domain error"},
    {"remainder", {"i:7", "i:2"}, "-1.0"},
    {"remainder", {"f:inf", "i:2"}, "ValueError: math domain error"},
    {"pow", {"i:2", "i:10"}, "1024.0"},
    {"pow", {"i:0", "i:-1"}, "ValueError: math domain error"},
    {"pow", {"i:-8", "f:0x1.0000000000000p-1"}, "ValueError: math domain error"},
    {"pow", {"i:10", "i:400"}, "OverflowError: math range error"},
    {"pow", {"f:nan", "i:0"}, "1.0"},
    {"pow", {"i:1", "f:nan"}, "1.0"},
    {"pow", {"f:-inf", "i:3"}, "-inf"},
    {"pow", {"f:0x1.0000000000000p-1", "f:-inf"}, "inf"},
    {"hypot", {"i:3", "i:4"}, "5.0"},
    {"hypot", {}, "0.0"},
    {"hypot", {"f:0x1.7e43c8800759cp+996", "f:0x1.7e43c8800759cp+996"}, "1.4142135623730952e+300"},
    {"hypot", {"f:inf", "f:nan"}, "inf"},
    {"hypot", {"f:nan", "i:1"}, "nan"},
    {"hypot", {"i:1", "i:2", "i:3"}, "3.7416573867739413"},
    {"hypot", {"f:0x0.0000000000001p-1022", "f:0x0.0000000000001p-1022"}, "5e-324"},
    {"degrees", {"f:0x1.921fb54442d18p+1"}, "180.0"},
    {"radians", {"i:180"}, "3.141592653589793"},
    {"floor", {"f:-0x1.8000000000000p+0"}, "-2"},
    {"floor", {"i:7"}, "7"},
    {"floor", {"f:inf"}, "OverflowError: cannot convert float infinity to integer"},
    {"floor", {"f:nan"}, "ValueError: cannot convert float NaN to integer"},
    {"floor", {"s:a"}, "TypeError: must be real number, not str"},
    {"floor", {"b:True"}, "1"},
    {"floor",
     {"f:0x1.7e43c8800759cp+996"},
     "100000000000000005250476025520442024870446858110815915491585411551180245798890819578637137508"
     "044786404370444383288387817694252323536043057564479218478670698284838720092657580373783023379"
     "478809005936895323497079994508111903896764088007465274278014249457925878882005684283811566947"
     "2196386865459400540160"},
    {"ceil", {"f:-0x1.8000000000000p+0"}, "-1"},
    {"ceil", {"i:1180591620717411303424"}, "1180591620717411303424"},
    {"trunc", {"f:-0x1.8000000000000p+0"}, "-1"},
    {"trunc", {"s:a"}, "TypeError: type str doesn't define __trunc__ method"},
    {"trunc", {"i:5"}, "5"},
    {"modf", {"f:-0x1.a000000000000p+1"}, "(-0.25, -3.0)"},
    {"modf", {"f:inf"}, "(0.0, inf)"},
    {"frexp", {"f:0x1.0000000000000p+3"}, "(0.5, 4)"},
    {"frexp", {"f:0x0.0p+0"}, "(0.0, 0)"},
    {"frexp", {"f:-inf"}, "(-inf, 0)"},
    {"ldexp", {"f:0x1.0000000000000p+0", "i:2000"}, "OverflowError: math range error"},
    {"ldexp", {"f:0x1.0000000000000p+0", "i:-2000"}, "0.0"},
    {"ldexp", {"i:3", "i:4"}, "48.0"},
    {"ldexp",
     {"f:0x1.0000000000000p+0", "f:0x1.8000000000000p+0"},
     "TypeError: Expected an int as second argument to ldexp."},
    {"ldexp",
     {"f:0x1.0000000000000p+0", "i:1000000000000000000000000000000"},
     "OverflowError: math range error"},
    {"isfinite", {"f:inf"}, "False"},
    {"isinf", {"f:-inf"}, "True"},
    {"isnan", {"f:nan"}, "True"},
    {"isnan",
     {"i:"
      "10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
      "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
      "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
      "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
      "000000000000000000000000000000000"},
     "OverflowError: int too large to convert to float"},
    {"isclose", {"f:0x1.0000000000000p+0", "f:0x1.000000006df38p+0"}, "True"},
    {"isclose", {"f:0x1.0000000000000p+0", "f:0x1.004189374bc6ap+0"}, "False"},
    {"isclose", {"f:inf", "f:inf"}, "True"},
    {"isclose", {"f:0x0.0p+0", "f:0x1.b7cdfd9d7bdbbp-34"}, "False"},
    {"nextafter", {"f:0x1.0000000000000p+0", "f:0x1.0000000000000p+1"}, "1.0000000000000002"},
    {"ulp", {"f:0x1.0000000000000p+0"}, "2.220446049250313e-16"},
    {"ulp", {"f:0x1.fffffffffffffp+1023"}, "1.99584030953472e+292"},
    {"ulp", {"f:0x0.0p+0"}, "5e-324"},
    {"gcd", {}, "0"},
    {"gcd", {"i:12", "i:18"}, "6"},
    {"gcd", {"i:-12", "i:18", "i:27"}, "3"},
    {"gcd",
     {"f:0x1.8000000000000p+0"},
     "TypeError: 'float' object cannot be interpreted as an integer"},
    {"gcd",
     {"i:1267650600228229401496703205376", "i:3626777458843887524118528"},
     "1208925819614629174706176"},
    {"lcm", {}, "1"},
    {"lcm", {"i:4", "i:6"}, "12"},
    {"lcm", {"i:0", "i:5"}, "0"},
    {"lcm", {"i:-4", "i:6"}, "12"},
    {"isqrt", {"i:10"}, "3"},
    {"isqrt", {"i:-1"}, "ValueError: isqrt() argument must be nonnegative"},
    {"isqrt", {"i:10000000000000000000000000000000000000000"}, "100000000000000000000"},
    {"isqrt",
     {"f:0x1.0000000000000p+0"},
     "TypeError: 'float' object cannot be interpreted as an integer"},
    {"factorial", {"i:0"}, "1"},
    {"factorial", {"i:20"}, "2432902008176640000"},
    {"factorial", {"i:25"}, "15511210043330985984000000"},
    {"factorial", {"i:-1"}, "ValueError: factorial() not defined for negative values"},
    {"factorial",
     {"f:0x1.8000000000000p+0"},
     "TypeError: 'float' object cannot be interpreted as an integer"},
    {"factorial",
     {"i:100000000000000000000"},
     "OverflowError: factorial() argument should not exceed 9223372036854775807"},
    {"comb", {"i:5", "i:2"}, "10"},
    {"comb", {"i:5", "i:6"}, "0"},
    {"comb", {"i:-1", "i:2"}, "ValueError: n must be a non-negative integer"},
    {"comb", {"i:5", "i:-1"}, "ValueError: k must be a non-negative integer"},
    {"comb", {"i:100", "i:50"}, "100891344545564193334812497256"},
    {"comb", {"i:100000000000000000000", "i:2"}, "4999999999999999999950000000000000000000"},
    {"perm", {"i:5", "i:2"}, "20"},
    {"perm", {"i:5"}, "120"},
    {"perm", {"i:5", "n:"}, "120"},
    {"perm", {"i:3", "i:-1"}, "ValueError: k must be a non-negative integer"},
    {"perm", {"i:5", "i:6"}, "0"},
    {"perm", {"i:-5"}, "ValueError: factorial() not defined for negative values"},
    {"fsum",
     {"l:f:0x1.999999999999ap-4;f:0x1.999999999999ap-4;f:0x1.999999999999ap-4;f:0x1.999999999999ap-"
      "4;f:0x1.999999999999ap-4;f:0x1.999999999999ap-4;f:0x1.999999999999ap-4;f:0x1.999999999999ap-"
      "4;f:0x1.999999999999ap-4;f:0x1.999999999999ap-4"},
     "1.0"},
    {"fsum",
     {"l:f:0x1.1ccf385ebc8a0p+1023;f:0x1.1ccf385ebc8a0p+1023"},
     "OverflowError: intermediate overflow in fsum"},
    {"fsum",
     {"l:f:0x1.249ad2594c37dp+332;f:0x1.0000000000000p+0;f:-0x1.249ad2594c37dp+332;f:0x1."
      "bff2ee48e0530p-333;f:0x1.11b0ec57e649ap+166;f:-0x1.0000000000000p+0;f:-0x1.11b0ec57e649ap+"
      "166"},
     "1e-100"},
    {"fsum", {"l:f:inf;f:0x1.0000000000000p+0"}, "inf"},
    {"fsum", {"l:f:inf;f:-inf"}, "ValueError: -inf + inf in fsum"},
    {"fsum", {"l:"}, "0.0"},
    {"fsum", {"l:f:0x1.cd2b297d889bcp-54;i:1;f:0x1.1c37937e08000p+53"}, "1.0000000000000002e+16"},
    {"prod", {"l:i:1;i:2;i:3;i:4"}, "24"},
    {"prod", {"l:"}, "1"},
    {"prod", {"l:f:0x1.4000000000000p+1;i:2"}, "5.0"},
    {"dist", {"t:i:1;i:2", "t:i:4;i:6"}, "5.0"},
    {"dist",
     {"l:i:1", "l:i:1;i:2"},
     "ValueError: both points must have the same number of dimensions"},
    {"dist",
     {"t:f:0x0.0p+0;f:0x0.0p+0;f:0x0.0p+0",
      "t:f:0x1.0000000000000p+0;f:0x1.0000000000000p+1;f:0x1.0000000000000p+1"},
     "3.0"},
};

class MathTest : public ::testing::Test {
protected:
    Interpreter interp;
    ThreadState& ts = interp.main_thread();
    Ref math{init_math_module(ts)};

    Ref decode(std::string_view text) {
        std::string_view body = text.substr(2);
        switch (text[0]) {
            case 'i':
                return Ref(int_from_string(ts, body, 10));
            case 'b':
                return Ref(Value::boolean(body == "True"));
            case 'n':
                return Ref(Value::none());
            case 's':
                return Ref(make_str(ts, body));
            case 'f': {
                double d = body == "inf"    ? INFINITY
                           : body == "-inf" ? -INFINITY
                           : body == "nan"  ? NAN
                                            : std::strtod(std::string(body).c_str(), nullptr);
                return Ref(make_float(ts, d));
            }
            default:
                return decode_sequence(text[0] == 't', body);
        }
    }
    Ref decode_sequence(bool tuple, std::string_view body) {
        Ref list(list_new(ts));
        while (!body.empty()) {
            size_t end = body.find(';');
            Ref item = decode(body.substr(0, end));
            EXPECT_TRUE(list_append(ts, *list, *item));
            body = end == std::string_view::npos ? std::string_view() : body.substr(end + 1);
        }
        return tuple ? Ref(tuple_from_iterable(ts, *list)) : list;
    }
    std::string show(Value result) {
        Ref owned(result);
        if (result.is_null()) {
            Ref exc(fetch_exception(ts));
            Ref msg(obj_str(ts, *exc));
            return std::string(type_name(ts, *exc)) + ": " + std::string(str_view(*msg));
        }
        Ref r(obj_repr(ts, result));
        return std::string(str_view(*r));
    }
};

TEST_F(MathTest, FunctionsMatchCPython) {
    ASSERT_FALSE(math.is_null());
    for (const MathCase& c : kMathCases) {
        Ref f(obj_getattr_cstr(ts, *math, c.function));
        ASSERT_FALSE(f.is_null()) << c.function;
        std::vector<Ref> owned;
        std::vector<Value> argv;
        for (const char* a : c.args) {
            owned.push_back(decode(a));
            argv.push_back(*owned.back());
        }
        Value r = obj_call(ts, *f, Args{argv.data(), static_cast<uint32_t>(argv.size()), nullptr});
        EXPECT_EQ(show(r), c.expected)
            << c.function << "(" << (c.args.empty() ? "" : c.args[0]) << ", ...)";
    }
}

TEST_F(MathTest, Constants) {
    ASSERT_FALSE(math.is_null());
    EXPECT_EQ(show(obj_getattr_cstr(ts, *math, "pi")), "3.141592653589793");
    EXPECT_EQ(show(obj_getattr_cstr(ts, *math, "e")), "2.718281828459045");
    EXPECT_EQ(show(obj_getattr_cstr(ts, *math, "tau")), "6.283185307179586");
    EXPECT_EQ(show(obj_getattr_cstr(ts, *math, "inf")), "inf");
    EXPECT_EQ(show(obj_getattr_cstr(ts, *math, "nan")), "nan");
}

TEST_F(MathTest, KeywordArguments) {
    Ref isclose(obj_getattr_cstr(ts, *math, "isclose"));
    Ref prod(obj_getattr_cstr(ts, *math, "prod"));
    Ref one(make_float(ts, 1.0)), near(make_float(ts, 1.05)), tol(make_float(ts, 0.1)),
        neg(make_float(ts, -1.0));
    Ref rel(tuple_pack(ts, {*Ref(interp.intern("rel_tol"))}));
    Ref start(tuple_pack(ts, {*Ref(interp.intern("start"))}));
    Value a[3] = {*one, *near, *tol};
    EXPECT_EQ(show(obj_call(ts, *isclose, Args{a, 2, tuple_obj(*rel)})), "True");
    Value b[3] = {*one, *near, *neg};
    EXPECT_EQ(show(obj_call(ts, *isclose, Args{b, 2, tuple_obj(*rel)})),
              "ValueError: tolerances must be non-negative");
    Ref items(tuple_pack(ts, {Value::small_int(2), Value::small_int(3)}));
    Value c[2] = {*items, Value::small_int(10)};
    EXPECT_EQ(show(obj_call(ts, *prod, Args{c, 1, tuple_obj(*start)})), "60");
}

}  // namespace
}  // namespace gilt
