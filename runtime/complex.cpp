// complex (see complex.hpp). Arithmetic follows CPython's complexobject.c:
// division is _Py_c_quot (scaling by the larger component of the divisor),
// ** uses repeated squaring for integral exponents up to 100 and the polar
// form otherwise, and errors map errno the way _Py_ADJUST_ERANGE2 does.
#include "runtime/complex.hpp"

#include <cerrno>
#include <cmath>

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
#include "runtime/unicode.hpp"

namespace gilt {

namespace {

struct Cx {
    double re = 0.0, im = 0.0;
};

Value complex_conjugate(ThreadState& ts, Args args);
Value complex_format(ThreadState& ts, Args args);
Value complex_getnewargs(ThreadState& ts, Args args);

constexpr MethodDef kComplexMethods[] = {
    {"conjugate", complex_conjugate},
    {"__format__", complex_format},
    {"__getnewargs__", complex_getnewargs},
};

Value complex_get_real(ThreadState& ts, Value self) {
    return make_float(ts, complex_obj(self)->real);
}
Value complex_get_imag(ThreadState& ts, Value self) {
    return make_float(ts, complex_obj(self)->imag);
}

constexpr GetSetDef kComplexGetSets[] = {
    {"real", complex_get_real},
    {"imag", complex_get_imag},
};

Cx cx_of(Value v) {
    return Cx{complex_obj(v)->real, complex_obj(v)->imag};
}

Value make_cx(ThreadState& ts, Cx c) {
    return make_complex(ts, c.re, c.im);
}

}  // namespace

Value make_complex(ThreadState& ts, double real, double imag) {
    auto* c = alloc<ComplexObject>(ts.types().complex);
    if (!c) return raise_memory_error(ts);
    c->real = real;
    c->imag = imag;
    return val(c);
}

std::string complex_repr(double real, double imag) {
    if (real == 0.0 && !std::signbit(real)) return double_to_string(imag, 'r', 0, 0) + "j";
    return "(" + double_to_string(real, 'r', 0, 0) + double_to_string(imag, 'r', 0, kDtsfSign) +
           "j)";
}

// --- arithmetic (CPython's _Py_c_* functions) ---

namespace {

Cx c_prod(Cx a, Cx b) {
    return {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re};
}

// Sets errno = EDOM on division by zero.
Cx c_quot(Cx a, Cx b) {
    double abs_bre = std::fabs(b.re), abs_bim = std::fabs(b.im);
    if (abs_bre >= abs_bim) {
        if (abs_bre == 0.0) {
            errno = EDOM;
            return {0.0, 0.0};
        }
        double ratio = b.im / b.re, denom = b.re + b.im * ratio;
        return {(a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom};
    }
    if (abs_bim >= abs_bre) {
        double ratio = b.re / b.im, denom = b.re * ratio + b.im;
        return {(a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom};
    }
    return {NAN, NAN};  // a NaN in the divisor
}

Cx c_pow(Cx a, Cx b) {
    if (b.re == 0.0 && b.im == 0.0) return {1.0, 0.0};
    if (a.re == 0.0 && a.im == 0.0) {
        if (b.im != 0.0 || b.re < 0.0) errno = EDOM;
        return {0.0, 0.0};
    }
    double vabs = std::hypot(a.re, a.im), len = std::pow(vabs, b.re);
    double at = std::atan2(a.im, a.re), phase = at * b.re;
    if (b.im != 0.0) {
        len /= std::exp(at * b.im);
        phase += b.im * std::log(vabs);
    }
    return {len * std::cos(phase), len * std::sin(phase)};
}

Cx c_powu(Cx x, long n) {
    Cx r{1.0, 0.0}, p = x;
    for (long mask = 1; mask > 0 && n >= mask; mask <<= 1) {
        if (n & mask) r = c_prod(r, p);
        p = c_prod(p, p);
    }
    return r;
}

Cx c_powi(Cx x, long n) {
    return n > 0 ? c_powu(x, n) : c_quot({1.0, 0.0}, c_powu(x, -n));
}

// 1 with *out set for complex, float and int operands; 0 for other types;
// -1 with OverflowError for a huge int.
int cx_operand(ThreadState& ts, Value v, Cx* out) {
    if (is_complex(v)) {
        *out = cx_of(v);
        return 1;
    }
    out->im = 0.0;
    return float_operand(ts, v, &out->re);
}

Value complex_arith(ThreadState& ts, BinOp op, Cx a, Cx b) {
    switch (op) {
        case BinOp::Add:
            return make_complex(ts, a.re + b.re, a.im + b.im);
        case BinOp::Sub:
            return make_complex(ts, a.re - b.re, a.im - b.im);
        case BinOp::Mul:
            return make_cx(ts, c_prod(a, b));
        case BinOp::TrueDiv: {
            errno = 0;
            Cx q = c_quot(a, b);
            if (errno == EDOM) return raise_zero_division(ts, "complex division by zero");
            return make_cx(ts, q);
        }
        case BinOp::Pow:
            return complex_pow(ts, a.re, a.im, b.re, b.im);
        default:
            return Value::not_implemented();
    }
}

template <BinOp Op>
Value complex_nb(ThreadState& ts, Value a, Value b) {
    Cx x, y;
    int ra = cx_operand(ts, a, &x);
    if (ra <= 0) return ra < 0 ? Value() : Value::not_implemented();
    int rb = cx_operand(ts, b, &y);
    if (rb <= 0) return rb < 0 ? Value() : Value::not_implemented();
    return complex_arith(ts, Op, x, y);
}

}  // namespace

Value complex_pow(ThreadState& ts, double ar, double ai, double br, double bi) {
    Cx a{ar, ai}, b{br, bi}, p;
    errno = 0;
    if (b.im == 0.0 && b.re == std::floor(b.re) && std::fabs(b.re) <= 100.0)
        p = c_powi(a, static_cast<long>(b.re));
    else
        p = c_pow(a, b);
    if (std::isinf(p.re) || std::isinf(p.im)) {
        if (errno == 0) errno = ERANGE;
    } else if (errno == ERANGE) {
        errno = 0;
    }
    if (errno == EDOM) return raise_zero_division(ts, "0.0 to a negative or complex power");
    if (errno == ERANGE) return raise(ts, ts.exc_types().OverflowError, "complex exponentiation");
    return make_cx(ts, p);
}

// --- slots ---

namespace {

void complex_dealloc(Object* o) {
    free_object(o);
}

Value complex_repr_slot(ThreadState& ts, Value self) {
    std::string s = complex_repr(complex_obj(self)->real, complex_obj(self)->imag);
    return make_str_known(ts, s, s.size(), true);
}

bool complex_hash(ThreadState&, Value self, int64_t* out) {
    uint64_t re = static_cast<uint64_t>(float_hash_in(self, complex_obj(self)->real));
    uint64_t im = static_cast<uint64_t>(float_hash_in(self, complex_obj(self)->imag));
    auto h = static_cast<int64_t>(re + 1000003u * im);
    *out = h == -1 ? -2 : h;
    return true;
}

Value complex_richcompare(ThreadState&, Value a, Value b, CompareOp op) {
    if ((op != CompareOp::Eq && op != CompareOp::Ne) || !is_complex(a))
        return Value::not_implemented();
    Cx x = cx_of(a);
    bool equal;
    if (is_int(b)) {
        if (x.im != 0.0) {
            equal = false;
        } else {
            equal = !std::isnan(x.re) && int_cmp_double(b, x.re) == 0;
        }
    } else if (is_float(b)) {
        equal = x.re == float_value(b) && x.im == 0.0;
    } else if (is_complex(b)) {
        equal = x.re == complex_obj(b)->real && x.im == complex_obj(b)->imag;
    } else {
        return Value::not_implemented();
    }
    return Value::boolean(equal == (op == CompareOp::Eq));
}

int complex_bool(ThreadState&, Value self) {
    return complex_obj(self)->real != 0.0 || complex_obj(self)->imag != 0.0;
}

Value complex_neg(ThreadState& ts, Value v) {
    return make_complex(ts, -complex_obj(v)->real, -complex_obj(v)->imag);
}

Value complex_pos(ThreadState& ts, Value v) {
    if (v.as_object()->type == ts.types().complex) return new_ref(v);
    return make_complex(ts, complex_obj(v)->real, complex_obj(v)->imag);
}

Value complex_abs(ThreadState& ts, Value v) {
    double re = complex_obj(v)->real, im = complex_obj(v)->imag;
    if (std::isinf(re) || std::isinf(im)) return make_float(ts, HUGE_VAL);
    if (std::isnan(re) || std::isnan(im)) return make_float(ts, NAN);
    double r = std::hypot(re, im);
    if (std::isinf(r)) return raise(ts, ts.exc_types().OverflowError, "absolute value too large");
    return make_float(ts, r);
}

// --- complex() ---

bool is_space(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

// CPython's complex_from_string_inner: "<float>", "<float>j",
// "<float><signed-float>j", "<float><sign>j", "<sign>j", "j", optionally in
// parentheses, with white space around.
bool parse_complex_text(std::string_view s, Cx* out) {
    size_t i = 0;
    auto skip_space = [&] {
        while (i < s.size() && is_space(s[i])) ++i;
    };
    auto at = [&](size_t k) { return k < s.size() ? s[k] : '\0'; };
    skip_space();
    bool bracket = at(i) == '(';
    if (bracket) {
        ++i;
        skip_space();
    }
    double z;
    size_t n = float_parse_prefix(s.substr(i), &z);
    if (n > 0) {
        i += n;
        if (at(i) == '+' || at(i) == '-') {
            out->re = z;
            double y;
            size_t m = float_parse_prefix(s.substr(i), &y);
            if (m == 0) {  // "<float><sign>j"
                y = at(i) == '+' ? 1.0 : -1.0;
                m = 1;
            }
            i += m;
            out->im = y;
            if ((at(i) | 0x20) != 'j') return false;
            ++i;
        } else if ((at(i) | 0x20) == 'j') {
            ++i;
            out->im = z;
        } else {
            out->re = z;
        }
    } else {
        out->im = 1.0;
        if (at(i) == '+' || at(i) == '-') out->im = at(i++) == '+' ? 1.0 : -1.0;
        if ((at(i) | 0x20) != 'j') return false;
        ++i;
    }
    skip_space();
    if (bracket) {
        if (at(i) != ')') return false;
        ++i;
        skip_space();
    }
    return i == s.size();
}

bool remove_underscores(std::string_view s, std::string* out) {
    char prev = 0;
    for (char c : s) {
        bool digit = c >= '0' && c <= '9';
        if (c == '_') {
            if (!(prev >= '0' && prev <= '9')) return false;
        } else {
            if (prev == '_' && !digit) return false;
            out->push_back(c);
        }
        prev = c;
    }
    return prev != '_';
}

Value complex_from_text(ThreadState& ts, TypeObject* type, std::string_view text);

// A complex number from one numeric argument of complex(): the value and
// whether it was complex, or false with TypeError.
bool number_as_cx(ThreadState& ts, Value v, Cx* out, bool* was_complex, bool first) {
    *was_complex = false;
    if (is_complex(v)) {
        *out = cx_of(v);
        *was_complex = true;
        return true;
    }
    Value f = type_lookup_cstr(ts, type_of(ts, v), "__complex__");
    if (!f.is_null()) {
        Ref r(call_bound_special(ts, f, v, Args{}));
        if (!r) return false;
        if (!is_complex(*r)) {
            raise_fmt(ts, ts.exc_types().TypeError, "__complex__ returned non-complex (type {})",
                      type_name(ts, *r));
            return false;
        }
        *out = cx_of(*r);
        *was_complex = true;
        return true;
    }
    TypeObject* t = type_of(ts, v);
    if (!is_float(v) && !is_int(v) && !t->nb_float && !t->nb_index) {
        raise_fmt(ts, ts.exc_types().TypeError, "complex() {} must be {}a number, not '{}'",
                  first ? "first argument" : "second argument", first ? "a string or " : "",
                  type_name(ts, v));
        return false;
    }
    out->im = 0.0;
    return obj_as_double(ts, v, &out->re);
}

Value complex_from_args(ThreadState& ts, TypeObject* type, Value r, Value i) {
    if (!r.is_null() && is_str(ts, r)) {
        if (!i.is_null())
            return raise(ts, ts.exc_types().TypeError,
                         "complex() can't take second arg if first is a string");
        return complex_from_text(ts, type, str_view(r));
    }
    if (!i.is_null() && is_str(ts, i))
        return raise(ts, ts.exc_types().TypeError, "complex() second arg can't be a string");
    Cx cr, ci;
    bool cr_complex = false, ci_complex = false;
    if (!r.is_null() && !number_as_cx(ts, r, &cr, &cr_complex, true)) return Value();
    if (!i.is_null() && !number_as_cx(ts, i, &ci, &ci_complex, false)) return Value();
    if (r.is_null() && i.is_null() && type == ts.types().complex) return make_complex(ts, 0.0, 0.0);
    // real + imag * 1j, component-wise as CPython (keeps signed zeros).
    double re = cr.re - (ci_complex ? ci.im : 0.0);
    double im = ci.re + (cr_complex ? cr.im : 0.0);
    if (i.is_null()) im = cr.im;
    Ref result(make_complex(ts, re, im));
    if (!result || type == ts.types().complex) return result.release();
    Object* o = (type->flags & kTypeHasGc) ? alloc_gc_object(type, type->basicsize)
                                           : alloc_object(type, type->basicsize);
    if (!o) return raise_memory_error(ts);
    reinterpret_cast<ComplexObject*>(o)->real = re;
    reinterpret_cast<ComplexObject*>(o)->imag = im;
    return val(o);
}

// As CPython: digits and spaces of any script read as ASCII; misplaced
// underscores name the text, any other malformation does not.
Value complex_from_text(ThreadState& ts, TypeObject* type, std::string_view text) {
    std::string ascii, cleaned;
    std::string_view s = text;
    if (!ascii_only(s)) {
        ascii = numeric_text_to_ascii(s);
        s = ascii;
    }
    if (s.find('_') != std::string_view::npos) {
        if (!remove_underscores(s, &cleaned))
            return raise_fmt(ts, ts.exc_types().ValueError,
                             "could not convert string to complex: {}", str_repr(text));
        s = cleaned;
    }
    Cx c;
    if (!parse_complex_text(s, &c))
        return raise(ts, ts.exc_types().ValueError, "complex() arg is a malformed string");
    Ref re(make_float(ts, c.re)), im(make_float(ts, c.im));
    if (!re || !im) return Value();
    return complex_from_args(ts, type, *re, *im);
}

Value complex_new(ThreadState& ts, TypeObject* type, Args args) {
    Value r, i;
    uint32_t nkw = args.kw_count();
    if (args.n > 2)
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "complex() takes at most 2 arguments ({} given)", args.n + nkw);
    if (nkw == 0) {
        r = args.n > 0 ? args[0] : Value();
        i = args.n > 1 ? args[1] : Value();
    } else if (!parse_args(ts, args, "complex", {"|", "real", "imag"}, {&r, &i})) {
        return Value();
    }
    return complex_from_args(ts, type, r, i);
}

// --- methods ---

Value complex_conjugate(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "complex.conjugate", 0, 0)) return Value();
    return make_complex(ts, complex_obj(args[0])->real, -complex_obj(args[0])->imag);
}

Value complex_format(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "complex.__format__", 1, 1)) return Value();
    if (!is_str(ts, args[1]))
        return raise_fmt(ts, ts.exc_types().TypeError, "__format__() argument must be str, not {}",
                         type_name(ts, args[1]));
    if (str_obj(args[1])->byte_len == 0) return obj_str(ts, args[0]);
    return complex_format_spec(ts, complex_obj(args[0])->real, complex_obj(args[0])->imag,
                               str_view(args[1]), type_name(ts, args[0]));
}

Value complex_getnewargs(ThreadState& ts, Args args) {
    Ref re(make_float(ts, complex_obj(args[0])->real)),
        im(make_float(ts, complex_obj(args[0])->imag));
    if (!re || !im) return Value();
    return tuple_pack(ts, {*re, *im});
}

}  // namespace

void define_complex_type(Interpreter& interp, TypeObject* t) {
    t->instance_kind = ObjKind::Complex;
    t->basicsize = sizeof(ComplexObject);
    t->flags |= kTypeBaseType;
    t->dealloc = complex_dealloc;
    t->repr = complex_repr_slot;
    t->hash = complex_hash;
    t->richcompare = complex_richcompare;
    t->new_ = complex_new;
    t->bool_ = complex_bool;
    t->nb[static_cast<int>(BinOp::Add)] = complex_nb<BinOp::Add>;
    t->nb[static_cast<int>(BinOp::Sub)] = complex_nb<BinOp::Sub>;
    t->nb[static_cast<int>(BinOp::Mul)] = complex_nb<BinOp::Mul>;
    t->nb[static_cast<int>(BinOp::TrueDiv)] = complex_nb<BinOp::TrueDiv>;
    t->nb[static_cast<int>(BinOp::Pow)] = complex_nb<BinOp::Pow>;
    t->nb_neg = complex_neg;
    t->nb_pos = complex_pos;
    t->nb_abs = complex_abs;
    type_add_methods(interp, t, kComplexMethods);
    type_add_getsets(interp, t, kComplexGetSets);
}

}  // namespace gilt
