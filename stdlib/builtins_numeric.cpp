// The numeric builtins: abs, divmod, pow, round, sum, min, max, bin, oct,
// hex, chr, ord. sum() has CPython's int and float fast paths (an exact
// small-int accumulator, then a double one), so `sum(range(n))` and sums of
// floats never allocate per item and round exactly as CPython 3.11 does.
#include <cmath>
#include <string>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/bytes.hpp"
#include "runtime/errors.hpp"
#include "runtime/float.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/module.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "stdlib/builtins.hpp"

namespace gilt {

namespace {

Value builtin_abs(ThreadState& ts, Args args);
Value builtin_divmod(ThreadState& ts, Args args);
Value builtin_pow(ThreadState& ts, Args args);
Value builtin_round(ThreadState& ts, Args args);
Value builtin_sum(ThreadState& ts, Args args);
Value builtin_min(ThreadState& ts, Args args);
Value builtin_max(ThreadState& ts, Args args);
Value builtin_bin(ThreadState& ts, Args args);
Value builtin_oct(ThreadState& ts, Args args);
Value builtin_hex(ThreadState& ts, Args args);
Value builtin_chr(ThreadState& ts, Args args);
Value builtin_ord(ThreadState& ts, Args args);

constexpr MethodDef kNumericFunctions[] = {
    {"abs", builtin_abs},     {"divmod", builtin_divmod}, {"pow", builtin_pow},
    {"round", builtin_round}, {"sum", builtin_sum},       {"min", builtin_min},
    {"max", builtin_max},     {"bin", builtin_bin},       {"oct", builtin_oct},
    {"hex", builtin_hex},     {"chr", builtin_chr},       {"ord", builtin_ord},
};

bool one_arg(ThreadState& ts, Args args, const char* name) {
    if (args.kw_count() != 0) {
        raise_fmt(ts, ts.exc_types().TypeError, "{}() takes no keyword arguments", name);
        return false;
    }
    if (args.n != 1) {
        raise_fmt(ts, ts.exc_types().TypeError, "{}() takes exactly one argument ({} given)", name,
                  args.n);
        return false;
    }
    return true;
}

Value builtin_abs(ThreadState& ts, Args args) {
    if (!one_arg(ts, args, "abs")) return Value();
    Value v = args[0];
    if (v.is_small_int() && v.as_small_int() != Value::kSmallMin)
        return Value::small_int(std::abs(v.as_small_int()));
    TypeObject* t = type_of(ts, v);
    if (!t->nb_abs)
        return raise_fmt(ts, ts.exc_types().TypeError, "bad operand type for abs(): '{}'",
                         type_name(ts, v));
    return t->nb_abs(ts, v);
}

bool is_number(Value v) {
    return is_int(v) || is_float(v);
}

// a.__divmod__(b), then b.__rdivmod__(a).
Value special_divmod(ThreadState& ts, Value a, Value b) {
    Value f = lookup_special(ts, a, ts.names().__divmod__);
    if (!f.is_null()) {
        Ref r(call_bound_special(ts, f, a, Args{&b, 1, nullptr}));
        if (!r || !(*r).is_not_implemented()) return r.release();
    }
    if (type_of(ts, a) != type_of(ts, b)) {
        Value rf = lookup_special(ts, b, ts.names().__rdivmod__);
        if (!rf.is_null()) {
            Ref r(call_bound_special(ts, rf, b, Args{&a, 1, nullptr}));
            if (!r || !(*r).is_not_implemented()) return r.release();
        }
    }
    return raise_fmt(ts, ts.exc_types().TypeError,
                     "unsupported operand type(s) for divmod(): '{}' and '{}'", type_name(ts, a),
                     type_name(ts, b));
}

Value builtin_divmod(ThreadState& ts, Args args) {
    if (!no_kwargs(ts, args, "divmod") || !check_nargs(ts, args, "divmod", 2, 2)) return Value();
    Value a = args[0], b = args[1];
    TypeObject* ta = type_of(ts, a);
    TypeObject* tb = type_of(ts, b);
    bool builtin_a = ta == ts.types().int_ || ta == ts.types().bool_ || ta == ts.types().float_;
    bool builtin_b = tb == ts.types().int_ || tb == ts.types().bool_ || tb == ts.types().float_;
    if (builtin_a && builtin_b) {
        return is_int(a) && is_int(b) ? int_divmod(ts, a, b) : float_divmod(ts, a, b);
    }
    return special_divmod(ts, a, b);
}

Value builtin_pow(ThreadState& ts, Args args) {
    Value base, exp, mod;
    if (!parse_args(ts, args, "pow", {"base", "exp", "|", "mod"}, {&base, &exp, &mod}))
        return Value();
    if (mod.is_null() || mod.is_none()) return binary_op(ts, BinOp::Pow, base, exp);
    if (is_int(base) && is_int(exp) && is_int(mod)) return int_pow_mod(ts, base, exp, mod);
    if (is_number(base)) {
        return raise(ts, ts.exc_types().TypeError,
                     "pow() 3rd argument not allowed unless all arguments are integers");
    }
    Value f = lookup_special(ts, base, ts.names().__pow__);
    if (!f.is_null()) {
        Value pair[2] = {exp, mod};
        Ref r(call_bound_special(ts, f, base, Args{pair, 2, nullptr}));
        if (!r || !(*r).is_not_implemented()) return r.release();
    }
    return raise_fmt(ts, ts.exc_types().TypeError,
                     "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
                     type_name(ts, base), type_name(ts, exp), type_name(ts, mod));
}

Value builtin_round(ThreadState& ts, Args args) {
    Value number, ndigits;
    if (!parse_args(ts, args, "round", {"number", "|", "ndigits"}, {&number, &ndigits}))
        return Value();
    Value f = lookup_special(ts, number, ts.names().__round__);
    if (f.is_null()) {
        return raise_fmt(ts, ts.exc_types().TypeError, "type {} doesn't define __round__ method",
                         type_name(ts, number));
    }
    if (ndigits.is_null() || ndigits.is_none()) return call_bound_special(ts, f, number, Args{});
    return call_bound_special(ts, f, number, Args{&ndigits, 1, nullptr});
}

// --- sum ---

bool sum_rejects(ThreadState& ts, Value start) {
    if (is_str(ts, start)) {
        raise(ts, ts.exc_types().TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
        return true;
    }
    if (start.is_object() && start.as_object()->kind == ObjKind::Bytes) {
        raise(ts, ts.exc_types().TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
        return true;
    }
    if (start.is_object() && start.as_object()->kind == ObjKind::ByteArray) {
        raise(ts, ts.exc_types().TypeError,
              "sum() can't sum bytearray [use b''.join(seq) instead]");
        return true;
    }
    return false;
}

// An int, bool or small int item as an int64 (exact ints only, as CPython's
// fast path: subclasses may override __add__).
bool exact_small(ThreadState& ts, Value v, int64_t* out) {
    if (v.is_small_int()) {
        *out = v.as_small_int();
        return true;
    }
    if (v.is_bool()) {
        *out = v.is_true();
        return true;
    }
    return v.is_object() && v.as_object()->type == ts.types().int_ && int_to_int64(v, out);
}

// Sums the rest of `it` onto `result` (owned) with generic addition, using
// the double accumulator while result and items stay floats and ints.
bool is_exact_int(ThreadState& ts, Value v);

Value sum_generic(ThreadState& ts, Value it, Ref result, Value pending) {
    Ref item(pending);
    for (;;) {
        if (item.is_null()) {
            item = Ref(iter_next(ts, it));
            if (item.is_null()) return ts.has_exception() ? Value() : result.release();
        }
        if (is_exact_float(ts, *result)) {
            double acc = float_value(*result);
            int64_t iv;
            while (item) {
                if (is_exact_float(ts, *item))
                    acc += float_value(*item);
                else if (exact_small(ts, *item, &iv))
                    acc += static_cast<double>(iv);
                else
                    break;
                item = Ref(iter_next(ts, it));
            }
            result = Ref(make_float(ts, acc));
            if (!result) return Value();
            if (item.is_null()) return ts.has_exception() ? Value() : result.release();
        }
        if (is_exact_int(ts, *result) && is_exact_int(ts, *item)) {
            // Past the int64 range: add in one GMP accumulator, allocating no
            // intermediate int objects.
            mpz_t acc, tmp;
            mpz_init(acc);
            mpz_init(tmp);
            int_to_mpz(*result, acc);
            int64_t iv;
            while (item && is_exact_int(ts, *item)) {
                if (exact_small(ts, *item, &iv)) {
                    if (iv >= 0)
                        mpz_add_ui(acc, acc, static_cast<unsigned long>(iv));
                    else
                        mpz_sub_ui(acc, acc, static_cast<unsigned long>(-(iv + 1)) + 1ul);
                } else {
                    int_to_mpz(*item, tmp);
                    mpz_add(acc, acc, tmp);
                }
                item = Ref(iter_next(ts, it));
            }
            mpz_clear(tmp);
            result = Ref(make_int_mpz(ts, acc));
            mpz_clear(acc);
            if (!result) return Value();
            if (item.is_null()) return ts.has_exception() ? Value() : result.release();
            continue;
        }
        result = Ref(binary_op(ts, BinOp::Add, *result, *item));
        if (!result) return Value();
        item = Ref();
    }
}

bool is_exact_int(ThreadState& ts, Value v) {
    return v.is_small_int() || (v.is_object() && v.as_object()->type == ts.types().int_);
}

Value builtin_sum(ThreadState& ts, Args args) {
    Value iterable, start;
    if (!parse_args(ts, args, "sum", {"/iterable", "|", "start"}, {&iterable, &start}))
        return Value();
    if (!start.is_null() && sum_rejects(ts, start)) return Value();
    Ref it(obj_iter(ts, iterable));
    if (!it) return Value();
    int64_t acc;
    if (start.is_null())
        acc = 0;
    else if (!exact_small(ts, start, &acc))
        return sum_generic(ts, *it, Ref::borrow(start), Value());
    for (;;) {
        Value item = iter_next(ts, *it);
        if (item.is_null()) return ts.has_exception() ? Value() : make_int(ts, acc);
        int64_t v, s;
        if (exact_small(ts, item, &v) && !__builtin_add_overflow(acc, v, &s)) {
            acc = s;
            decref(item);
            continue;
        }
        Ref result(make_int(ts, acc));
        if (!result) {
            decref(item);
            return Value();
        }
        return sum_generic(ts, *it, std::move(result), item);
    }
}

// --- min / max ---

Value min_max(ThreadState& ts, Args args, const char* name, CompareOp op) {
    Value key, dflt;
    if (!take_keywords(ts, args, name, {"key", "default"}, {&key, &dflt})) return Value();
    if (args.n == 0)
        return raise_fmt(ts, ts.exc_types().TypeError, "{} expected at least 1 argument, got 0",
                         name);
    if (args.n > 1 && !dflt.is_null()) {
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "Cannot specify a default for {}() with multiple positional arguments",
                         name);
    }
    if (!key.is_null() && key.is_none()) key = Value();
    Ref it(args.n == 1 ? obj_iter(ts, args[0]) : Value());
    if (args.n == 1 && !it) return Value();
    Ref best, best_key;
    for (uint32_t i = 0;; ++i) {
        Ref item(args.n == 1 ? iter_next(ts, *it) : (i < args.n ? new_ref(args[i]) : Value()));
        if (!item) {
            if (ts.has_exception()) return Value();
            break;
        }
        Ref k(key.is_null() ? new_ref(*item) : call1(ts, key, *item));
        if (!k) return Value();
        if (best) {
            int c = rich_compare_bool(ts, *k, *best_key, op);
            if (c < 0) return Value();
            if (c == 0) continue;
        }
        best = std::move(item);
        best_key = std::move(k);
    }
    if (best) return best.release();
    if (!dflt.is_null()) return new_ref(dflt);
    return raise_fmt(ts, ts.exc_types().ValueError, "{}() arg is an empty sequence", name);
}

Value builtin_min(ThreadState& ts, Args args) {
    return min_max(ts, args, "min", CompareOp::Lt);
}
Value builtin_max(ThreadState& ts, Args args) {
    return min_max(ts, args, "max", CompareOp::Gt);
}

// --- bin / oct / hex / chr / ord ---

// The argument as an int (via __index__); a new reference.
Value index_value(ThreadState& ts, Value v) {
    if (is_int(v)) return new_ref(v);
    TypeObject* t = type_of(ts, v);
    if (!t->nb_index) {
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "'{}' object cannot be interpreted as an integer", type_name(ts, v));
    }
    Value r = t->nb_index(ts, v);
    if (!r.is_null() && !is_int(r)) {
        Ref bad(r);
        return raise_fmt(ts, ts.exc_types().TypeError, "__index__ returned non-int (type {})",
                         type_name(ts, r));
    }
    return r;
}

Value int_with_prefix(ThreadState& ts, Args args, const char* name, int base, const char* prefix) {
    if (!one_arg(ts, args, name)) return Value();
    Ref v(index_value(ts, args[0]));
    if (!v) return Value();
    Value iv = (*v).is_bool() ? Value::small_int((*v).is_true()) : *v;
    std::string digits = int_to_base(iv, base);
    if (!digits.empty() && digits[0] == '-')
        return make_str(ts, std::string("-") + prefix + digits.substr(1));
    return make_str(ts, prefix + digits);
}

Value builtin_bin(ThreadState& ts, Args args) {
    return int_with_prefix(ts, args, "bin", 2, "0b");
}
Value builtin_oct(ThreadState& ts, Args args) {
    return int_with_prefix(ts, args, "oct", 8, "0o");
}
Value builtin_hex(ThreadState& ts, Args args) {
    return int_with_prefix(ts, args, "hex", 16, "0x");
}

Value builtin_chr(ThreadState& ts, Args args) {
    if (!one_arg(ts, args, "chr")) return Value();
    Ref v(index_value(ts, args[0]));
    if (!v) return Value();
    int64_t cp;
    if (!int_to_int64((*v).is_bool() ? Value::small_int((*v).is_true()) : *v, &cp) ||
        cp > INT32_MAX || cp < INT32_MIN) {
        return raise(ts, ts.exc_types().OverflowError, "Python int too large to convert to C int");
    }
    if (cp < 0 || cp > 0x10FFFF)
        return raise(ts, ts.exc_types().ValueError, "chr() arg not in range(0x110000)");
    return str_from_codepoint(ts, static_cast<uint32_t>(cp));
}

uint32_t decode_one_codepoint(std::string_view s) {
    auto c = static_cast<unsigned char>(s[0]);
    if (c < 0x80) return c;
    int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    uint32_t cp = c & (0xFF >> (len + 1));
    for (int k = 1; k < len && k < static_cast<int>(s.size()); ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(s[k]) & 0x3F);
    return cp;
}

Value builtin_ord(ThreadState& ts, Args args) {
    if (!one_arg(ts, args, "ord")) return Value();
    Value c = args[0];
    if (is_str(ts, c)) {
        if (str_len(c) != 1) {
            return raise_fmt(ts, ts.exc_types().TypeError,
                             "ord() expected a character, but string of length {} found",
                             str_len(c));
        }
        return make_int(ts, decode_one_codepoint(str_view(c)));
    }
    if (c.is_object() &&
        (c.as_object()->kind == ObjKind::Bytes || c.as_object()->kind == ObjKind::ByteArray)) {
        std::string_view b =
            c.as_object()->kind == ObjKind::Bytes ? bytes_view(c) : bytearray_view(c);
        if (b.size() != 1) {
            return raise_fmt(ts, ts.exc_types().TypeError,
                             "ord() expected a character, but string of length {} found", b.size());
        }
        return Value::small_int(static_cast<unsigned char>(b[0]));
    }
    return raise_fmt(ts, ts.exc_types().TypeError,
                     "ord() expected string of length 1, but {} found", type_name(ts, c));
}

}  // namespace

bool add_builtin_numeric_functions(ThreadState& ts, Value module) {
    return module_add_functions(ts, module, kNumericFunctions);
}

}  // namespace gilt
