// The float type object: method table, slots, float() and the methods of
// float (arithmetic, parsing and hashing are in float.cpp).
#include <cerrno>
#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <utility>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/errors.hpp"
#include "runtime/float.hpp"
#include "runtime/format_spec.hpp"
#include "runtime/heap.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"

namespace gilt {

namespace {

Value float_is_integer(ThreadState& ts, Args args);
Value float_as_integer_ratio(ThreadState& ts, Args args);
Value float_hex(ThreadState& ts, Args args);
Value float_fromhex(ThreadState& ts, Args args);
Value float_conjugate(ThreadState& ts, Args args);
Value float_round_method(ThreadState& ts, Args args);
Value float_trunc(ThreadState& ts, Args args);
Value float_floor(ThreadState& ts, Args args);
Value float_ceil(ThreadState& ts, Args args);
Value float_format(ThreadState& ts, Args args);
Value float_getnewargs(ThreadState& ts, Args args);
Value float_divmod_method(ThreadState& ts, Args args);
Value float_rdivmod_method(ThreadState& ts, Args args);
Value float_getformat(ThreadState& ts, Args args);

constexpr MethodDef kFloatMethods[] = {
    {"is_integer", float_is_integer},
    {"as_integer_ratio", float_as_integer_ratio},
    {"hex", float_hex},
    {"fromhex", float_fromhex, kMethodClass},
    {"conjugate", float_conjugate},
    {"__round__", float_round_method},
    {"__trunc__", float_trunc},
    {"__floor__", float_floor},
    {"__ceil__", float_ceil},
    {"__format__", float_format},
    {"__getnewargs__", float_getnewargs},
    {"__getformat__", float_getformat, kMethodClass},
    // divmod() has no slot: these are plain methods.
    {"__divmod__", float_divmod_method},
    {"__rdivmod__", float_rdivmod_method},
};

Value float_get_real(ThreadState& ts, Value self) {
    return make_float(ts, float_value(self));
}
Value float_get_imag(ThreadState& ts, Value) {
    return make_float(ts, 0.0);
}

constexpr GetSetDef kFloatGetSets[] = {
    {"real", float_get_real},
    {"imag", float_get_imag},
};

// --- slots ---

Value float_repr_slot(ThreadState& ts, Value self) {
    std::string s = float_repr(float_value(self));
    return make_str_known(ts, s, s.size(), true);
}

bool float_hash_slot(ThreadState&, Value self, int64_t* out) {
    *out = float_hash_in(self, float_value(self));
    return true;
}

Value float_richcompare(ThreadState& ts, Value a, Value b, CompareOp op) {
    return float_compare(ts, a, b, op);
}

int float_bool(ThreadState&, Value self) {
    return float_value(self) != 0.0;
}

template <BinOp Op>
Value float_nb(ThreadState& ts, Value a, Value b) {
    if (is_exact_float(ts, a) && is_exact_float(ts, b)) {
        if constexpr (Op == BinOp::Add) return make_float(ts, float_value(a) + float_value(b));
        if constexpr (Op == BinOp::Sub) return make_float(ts, float_value(a) - float_value(b));
        if constexpr (Op == BinOp::Mul) return make_float(ts, float_value(a) * float_value(b));
    }
    return float_binary(ts, Op, a, b);
}

Value float_neg(ThreadState& ts, Value v) {
    return make_float(ts, -float_value(v));
}
Value float_pos(ThreadState& ts, Value v) {
    return is_exact_float(ts, v) ? new_ref(v) : make_float(ts, float_value(v));
}
Value float_abs(ThreadState& ts, Value v) {
    return make_float(ts, std::fabs(float_value(v)));
}
Value float_int(ThreadState& ts, Value v) {
    return int_from_double(ts, float_value(v));
}

Value float_subtype_new(ThreadState& ts, TypeObject* type, double x) {
    Object* o = (type->flags & kTypeHasGc) ? alloc_gc_object(type, type->basicsize)
                                           : alloc_object(type, type->basicsize);
    if (!o) return raise_memory_error(ts);
    reinterpret_cast<FloatObject*>(o)->value = x;
    return val(o);
}

Value float_new(ThreadState& ts, TypeObject* type, Args args) {
    if (args.kw_count() != 0)
        return raise(ts, ts.exc_types().TypeError, "float() takes no keyword arguments");
    if (args.n > 1)
        return raise_fmt(ts, ts.exc_types().TypeError, "float expected at most 1 argument, got {}",
                         args.n);
    Ref r(args.n == 0 ? make_float(ts, 0.0) : float_from_object(ts, args[0]));
    if (!r || type == ts.types().float_) return r.release();
    return float_subtype_new(ts, type, float_value(*r));
}

// --- methods ---

// For the methods that take no argument but self.
bool no_args(ThreadState& ts, Args args, const char* name) {
    return check_nargs(ts, args.drop_first(), name, 0, 0);
}

Value float_is_integer(ThreadState& ts, Args args) {
    if (!no_args(ts, args, "float.is_integer")) return Value();
    double x = float_value(args[0]);
    return Value::boolean(std::isfinite(x) && std::floor(x) == x);
}

Value float_as_integer_ratio(ThreadState& ts, Args args) {
    if (!no_args(ts, args, "float.as_integer_ratio")) return Value();
    double x = float_value(args[0]);
    if (std::isinf(x))
        return raise(ts, ts.exc_types().OverflowError, "cannot convert Infinity to integer ratio");
    if (std::isnan(x))
        return raise(ts, ts.exc_types().ValueError, "cannot convert NaN to integer ratio");
    int exponent;
    double part = std::frexp(x, &exponent);
    for (int i = 0; i < 300 && part != std::floor(part); ++i) {
        part *= 2.0;
        --exponent;
    }
    mpz_t num, den;
    mpz_init_set_d(num, part);
    mpz_init_set_ui(den, 1);
    if (exponent > 0)
        mpz_mul_2exp(num, num, static_cast<mp_bitcnt_t>(exponent));
    else
        mpz_mul_2exp(den, den, static_cast<mp_bitcnt_t>(-exponent));
    Ref n(make_int_mpz(ts, num)), d(make_int_mpz(ts, den));
    mpz_clear(num);
    mpz_clear(den);
    if (!n || !d) return Value();
    return tuple_pack(ts, {*n, *d});
}

// float.hex(): "0x1.8000000000000p+1", 13 hex digits after the point.
Value float_hex(ThreadState& ts, Args args) {
    if (!no_args(ts, args, "float.hex")) return Value();
    double x = float_value(args[0]);
    if (!std::isfinite(x)) return float_repr_slot(ts, args[0]);
    if (x == 0.0) return make_str(ts, std::signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
    int e;
    double m = std::frexp(std::fabs(x), &e);
    int shift = 1 - std::max(DBL_MIN_EXP - e, 0);
    m = std::ldexp(m, shift);
    e -= shift;
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out = x < 0 ? "-0x" : "0x";
    out.push_back(kHex[static_cast<int>(m)]);
    m -= static_cast<int>(m);
    out.push_back('.');
    for (int i = 0; i < (DBL_MANT_DIG - 1) / 4; ++i) {
        m *= 16.0;
        out.push_back(kHex[static_cast<int>(m)]);
        m -= static_cast<int>(m);
    }
    out += fmt::format("p{}{}", e < 0 ? '-' : '+', e < 0 ? -e : e);
    return make_str(ts, out);
}

bool is_hex_digit(char c) {
    return std::isxdigit(static_cast<unsigned char>(c)) != 0;
}

// The hex literal grammar of float.fromhex, rewritten for strtod (which
// needs the "0x" that fromhex lets one omit). False when malformed.
bool fromhex_literal(std::string_view s, std::string* out) {
    size_t i = 0;
    std::string sign;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) sign = s[i++];
    if (i + 1 < s.size() && s[i] == '0' && (s[i + 1] | 0x20) == 'x') i += 2;
    size_t digits = 0, start = i;
    while (i < s.size() && is_hex_digit(s[i])) ++i, ++digits;
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && is_hex_digit(s[i])) ++i, ++digits;
    }
    if (digits == 0) return false;
    std::string_view mantissa = s.substr(start, i - start);
    std::string exp;
    if (i < s.size() && (s[i] | 0x20) == 'p') {
        size_t j = i + 1;
        if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
        if (j >= s.size() || !std::isdigit(static_cast<unsigned char>(s[j]))) return false;
        while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
        exp = s.substr(i, j - i);
        i = j;
    }
    if (i != s.size()) return false;
    *out = sign + "0x" + std::string(mantissa) + (exp.empty() ? "p0" : exp);
    return true;
}

Value float_fromhex_value(ThreadState& ts, std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    double special;
    if (!s.empty() && float_parse_prefix(s, &special) == s.size() && !std::isfinite(special))
        return make_float(ts, special);
    std::string lit;
    if (!fromhex_literal(s, &lit))
        return raise(ts, ts.exc_types().ValueError, "invalid hexadecimal floating-point string");
    errno = 0;
    double v = std::strtod(lit.c_str(), nullptr);
    if (errno == ERANGE && std::isinf(v))
        return raise(ts, ts.exc_types().OverflowError,
                     "hexadecimal value too large to represent as a float");
    return make_float(ts, v);
}

Value float_fromhex(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "float.fromhex", 1, 1)) return Value();
    if (!is_str(ts, args[1]))
        return raise_fmt(ts, ts.exc_types().TypeError, "fromhex() argument must be str, not {}",
                         type_name(ts, args[1]));
    Ref r(float_fromhex_value(ts, str_view(args[1])));
    if (!r || args[0] == val(ts.types().float_)) return r.release();
    return call1(ts, args[0], *r);
}

Value float_conjugate(ThreadState& ts, Args args) {
    return no_args(ts, args, "float.conjugate") ? make_float(ts, float_value(args[0])) : Value();
}

Value float_round_method(ThreadState& ts, Args args) {
    Value ndigits;
    if (!parse_args(ts, args.drop_first(), "__round__", {"|", "/ndigits"}, {&ndigits}))
        return Value();
    return float_round(ts, float_value(args[0]), ndigits);
}

Value float_trunc(ThreadState& ts, Args args) {
    return no_args(ts, args, "float.__trunc__") ? int_from_double(ts, float_value(args[0]))
                                                : Value();
}

Value float_floor(ThreadState& ts, Args args) {
    return no_args(ts, args, "float.__floor__")
               ? int_from_double(ts, std::floor(float_value(args[0])))
               : Value();
}

Value float_ceil(ThreadState& ts, Args args) {
    return no_args(ts, args, "float.__ceil__")
               ? int_from_double(ts, std::ceil(float_value(args[0])))
               : Value();
}

Value float_format(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "float.__format__", 1, 1)) return Value();
    if (!is_str(ts, args[1]))
        return raise_fmt(ts, ts.exc_types().TypeError, "__format__() argument must be str, not {}",
                         type_name(ts, args[1]));
    if (str_obj(args[1])->byte_len == 0) return obj_str(ts, args[0]);
    return float_format_spec(ts, float_value(args[0]), str_view(args[1]), type_name(ts, args[0]));
}

Value float_getnewargs(ThreadState& ts, Args args) {
    if (!no_args(ts, args, "float.__getnewargs__")) return Value();
    Ref f(make_float(ts, float_value(args[0])));
    if (!f) return Value();
    return tuple_pack(ts, {*f});
}

Value float_divmod_method(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "__divmod__", 1, 1)) return Value();
    return float_divmod(ts, args[0], args[1]);
}

Value float_rdivmod_method(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "__rdivmod__", 1, 1)) return Value();
    return float_divmod(ts, args[1], args[0]);
}

Value float_getformat(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "float.__getformat__", 1, 1)) return Value();
    if (!is_str(ts, args[1]))
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "__getformat__() argument must be str, not {}", type_name(ts, args[1]));
    std::string_view which = str_view(args[1]);
    if (which != "double" && which != "float")
        return raise(ts, ts.exc_types().ValueError,
                     "__getformat__() argument 1 must be 'double' or 'float'");
    return make_str(ts, "IEEE, little-endian");
}

template <int... I>
void fill_nb_slots(TypeObject* t, std::integer_sequence<int, I...>) {
    ((t->nb[I] = &float_nb<static_cast<BinOp>(I)>), ...);
}

}  // namespace

void define_float_type(Interpreter& interp, TypeObject* t) {
    t->instance_kind = ObjKind::Float;
    t->basicsize = sizeof(FloatObject);
    t->flags |= kTypeBaseType;
    t->dealloc = float_dealloc;
    t->repr = float_repr_slot;
    t->hash = float_hash_slot;
    t->richcompare = float_richcompare;
    t->new_ = float_new;
    t->bool_ = float_bool;
    fill_nb_slots(t, std::make_integer_sequence<int, kBinOpCount>{});
    for (BinOp op :
         {BinOp::MatMul, BinOp::LShift, BinOp::RShift, BinOp::And, BinOp::Or, BinOp::Xor})
        t->nb[static_cast<int>(op)] = nullptr;
    t->nb_neg = float_neg;
    t->nb_pos = float_pos;
    t->nb_abs = float_abs;
    t->nb_int = float_int;
    t->nb_float = float_pos;
    type_add_methods(interp, t, kFloatMethods);
    type_add_getsets(interp, t, kFloatGetSets);
}

}  // namespace gilt
