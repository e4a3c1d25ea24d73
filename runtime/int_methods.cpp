// The int type object: its method table, slots, int() construction and the
// methods of int (arithmetic itself is in int.cpp).
//
// Every slot accepts bools and int-subclass instances (IntObjects of
// another type) as well as tagged small ints; the results are always plain
// ints, except where CPython keeps the subclass (none of these do).
#include <algorithm>
#include <cmath>
#include <cstring>
#include <utility>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/bytes.hpp"
#include "runtime/errors.hpp"
#include "runtime/float.hpp"
#include "runtime/format_spec.hpp"
#include "runtime/heap.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/range.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"

namespace gilt {

namespace {

Value int_conjugate(ThreadState& ts, Args args);
Value int_bit_length(ThreadState& ts, Args args);
Value int_bit_count(ThreadState& ts, Args args);
Value int_to_bytes(ThreadState& ts, Args args);
Value int_from_bytes(ThreadState& ts, Args args);
Value int_as_integer_ratio(ThreadState& ts, Args args);
Value int_round(ThreadState& ts, Args args);
Value int_trunc(ThreadState& ts, Args args);
Value int_floor(ThreadState& ts, Args args);
Value int_ceil(ThreadState& ts, Args args);
Value int_format(ThreadState& ts, Args args);
Value int_getnewargs(ThreadState& ts, Args args);
Value int_sizeof(ThreadState& ts, Args args);
Value int_divmod_method(ThreadState& ts, Args args);
Value int_rdivmod_method(ThreadState& ts, Args args);

constexpr MethodDef kIntMethods[] = {
    {"conjugate", int_conjugate},
    {"bit_length", int_bit_length},
    {"bit_count", int_bit_count},
    {"to_bytes", int_to_bytes},
    {"from_bytes", int_from_bytes, kMethodClass},
    {"as_integer_ratio", int_as_integer_ratio},
    {"__round__", int_round},
    {"__trunc__", int_trunc},
    {"__floor__", int_floor},
    {"__ceil__", int_ceil},
    {"__format__", int_format},
    {"__getnewargs__", int_getnewargs},
    {"__sizeof__", int_sizeof},
    // divmod() has no slot: these are plain methods.
    {"__divmod__", int_divmod_method},
    {"__rdivmod__", int_rdivmod_method},
};

Value int_get_self(ThreadState& ts, Value self) {
    return int_exact(ts, self);
}
Value int_get_zero(ThreadState&, Value) {
    return Value::small_int(0);
}
Value int_get_one(ThreadState&, Value) {
    return Value::small_int(1);
}

constexpr GetSetDef kIntGetSets[] = {
    {"real", int_get_self},
    {"imag", int_get_zero},
    {"numerator", int_get_self},
    {"denominator", int_get_one},
};

// --- slots ---

}  // namespace

void int_clear_freelist(TypeObject* t) noexcept {
    while (t->freelist) {
        auto* io = static_cast<IntObject*>(t->freelist);
        std::memcpy(&t->freelist, io + 1, sizeof(void*));
        free_object(&io->hdr);
    }
    t->freelist_len = 0;
}

namespace {

// The bytes of limbs GMP holds for `io` (not of the inline form).
std::size_t int_gmp_limb_bytes(const IntObject* io) noexcept {
    return static_cast<std::size_t>(std::abs(io->value->_mp_alloc)) * sizeof(mp_limb_t);
}

void int_dealloc(Object* o) {
    auto* io = reinterpret_cast<IntObject*>(o);
    if (int_limbs_inline(io)) {
        TypeObject* t = o->type;
        if (t == t->interp->types.int_ && t->freelist_len < kIntFreeListMax) {
            std::memcpy(io + 1, &t->freelist, sizeof(void*));
            t->freelist = io;
            ++t->freelist_len;
            return;
        }
    } else {
        // The limbs were charged to the heap meter when the object was made
        // (alloc_big, int_subtype_new); _mp_alloc has not changed since.
        heap_discharge(o->type->interp, int_gmp_limb_bytes(io));
        mpz_clear(io->value);
    }
    free_object(o);
}

Value int_repr_slot(ThreadState& ts, Value self) {
    return int_repr(ts, self);
}

bool int_hash_slot(ThreadState&, Value self, int64_t* out) {
    *out = int_hash(self);
    return true;
}

Value int_richcompare(ThreadState& ts, Value a, Value b, CompareOp op) {
    return int_compare(ts, a, b, op);
}

int int_bool(ThreadState&, Value self) {
    return int_sign(self) != 0;
}

template <BinOp Op>
Value int_nb(ThreadState& ts, Value a, Value b) {
    if constexpr (Op == BinOp::Add) {
        if (a.is_small_int() && b.is_small_int())
            return make_int(ts, a.as_small_int() + b.as_small_int());
    } else if constexpr (Op == BinOp::Sub) {
        if (a.is_small_int() && b.is_small_int())
            return make_int(ts, a.as_small_int() - b.as_small_int());
    }
    return int_binary(ts, Op, a, b);
}

Value int_neg_slot(ThreadState& ts, Value v) {
    return int_neg(ts, v);
}
Value int_abs_slot(ThreadState& ts, Value v) {
    return int_abs(ts, v);
}
Value int_invert_slot(ThreadState& ts, Value v) {
    return int_invert(ts, v);
}
Value int_exact_slot(ThreadState& ts, Value v) {
    return int_exact(ts, v);
}

Value int_float_slot(ThreadState& ts, Value v) {
    bool overflow = false;
    double d = int_to_double(ts, v, &overflow);
    if (overflow)
        return raise(ts, ts.exc_types().OverflowError, "int too large to convert to float");
    return make_float(ts, d);
}

// --- int() ---

// A plain int value boxed as an instance of the int subclass `type`.
Value int_subtype_new(ThreadState& ts, TypeObject* type, Value v) {
    Object* o = (type->flags & kTypeHasGc) ? alloc_gc_object(type, type->basicsize)
                                           : alloc_object(type, type->basicsize);
    if (!o) return raise_memory_error(ts);
    auto* io = reinterpret_cast<IntObject*>(o);
    mpz_init(io->value);
    int_to_mpz(v, io->value);
    if (!heap_charge(type->interp, int_gmp_limb_bytes(io))) {
        mpz_clear(io->value);
        mpz_init(io->value);  // nothing to discharge
        decref(val(o));
        return raise_memory_error(ts);
    }
    return val(o);
}

Value check_int_result(ThreadState& ts, Value r, const char* dunder) {
    if (r.is_null() || r.is_small_int()) return r;
    Ref owned(r);
    if (!is_int(r))
        return raise_fmt(ts, ts.exc_types().TypeError, "{} returned non-int (type {})", dunder,
                         type_name(ts, r));
    return int_exact(ts, r);
}

Value int_from_trunc(ThreadState& ts, Value x, Value trunc) {
    Ref r(call_bound_special(ts, trunc, x, Args{}));
    if (!r) return Value();
    if (is_int(*r)) return int_exact(ts, *r);
    UnarySlot index = type_of(ts, *r)->nb_index;
    if (!index)
        return raise_fmt(ts, ts.exc_types().TypeError, "__trunc__ returned non-Integral (type {})",
                         type_name(ts, *r));
    return check_int_result(ts, index(ts, *r), "__index__");
}

Value int_from_text_object(ThreadState& ts, Value x, int base) {
    if (is_str(ts, x)) return int_from_string(ts, str_view(x), base);
    std::string_view data;
    if (x.is_object() && x.as_object()->kind == ObjKind::Bytes)
        data = bytes_view(x);
    else if (x.is_object() && x.as_object()->kind == ObjKind::ByteArray)
        data = bytearray_view(x);
    else
        return Value::not_implemented();
    return int_from_bytes_literal(ts, data, base);
}

// Reads int()'s arguments: x positional-only, base positional or keyword.
bool parse_int_new_args(ThreadState& ts, Args args, Value* x, Value* base) {
    uint32_t nkw = args.kw_count();
    if (args.n > 2) {
        raise_fmt(ts, ts.exc_types().TypeError, "int() takes at most 2 arguments ({} given)",
                  args.n + nkw);
        return false;
    }
    *x = args.n >= 1 ? args[0] : Value();
    *base = args.n >= 2 ? args[1] : Value();
    for (uint32_t i = 0; i < nkw; ++i) {
        Value name = args.kwnames->items[i];
        if (str_view(name) != "base" || args.n >= 2) {
            if (str_view(name) == "base")
                raise(ts, ts.exc_types().TypeError,
                      "argument for int() given by name ('base') and position (2)");
            else
                raise_fmt(ts, ts.exc_types().TypeError,
                          "'{}' is an invalid keyword argument for int()", str_view(name));
            return false;
        }
        *base = args.v[args.n + i];
    }
    return true;
}

Value int_with_base(ThreadState& ts, Value x, Value base_obj) {
    int64_t base;
    if (!obj_index(ts, base_obj, &base)) {
        // CPython clamps a huge base, which the range check then refuses.
        if (!exception_matches(ts, ts.exc_types().OverflowError)) return Value();
        clear_exception(ts);
        base = -1;
    }
    if ((base != 0 && base < 2) || base > 36)
        return raise(ts, ts.exc_types().ValueError, "int() base must be >= 2 and <= 36, or 0");
    Value r = int_from_text_object(ts, x, static_cast<int>(base));
    if (!r.is_null() && r.is_not_implemented())
        return raise(ts, ts.exc_types().TypeError,
                     "int() can't convert non-string with explicit base");
    return r;
}

Value int_new(ThreadState& ts, TypeObject* type, Args args) {
    Value x, base;
    if (!parse_int_new_args(ts, args, &x, &base)) return Value();
    Ref r;
    if (x.is_null()) {
        if (!base.is_null())
            return raise(ts, ts.exc_types().TypeError, "int() missing string argument");
        r = Ref(Value::small_int(0));
    } else if (base.is_null()) {
        r = Ref(int_from_object(ts, x));
    } else {
        r = Ref(int_with_base(ts, x, base));
    }
    if (!r || type == ts.types().int_) return r.release();
    return int_subtype_new(ts, type, *r);
}

// --- methods ---

// For the methods that take no argument but self.
bool no_args(ThreadState& ts, Args args, const char* name) {
    return check_nargs(ts, args.drop_first(), name, 0, 0);
}

Value int_conjugate(ThreadState& ts, Args args) {
    return no_args(ts, args, "int.conjugate") ? int_exact(ts, args[0]) : Value();
}

Value int_trunc(ThreadState& ts, Args args) {
    return no_args(ts, args, "int.__trunc__") ? int_exact(ts, args[0]) : Value();
}

Value int_floor(ThreadState& ts, Args args) {
    return no_args(ts, args, "int.__floor__") ? int_exact(ts, args[0]) : Value();
}

Value int_ceil(ThreadState& ts, Args args) {
    return no_args(ts, args, "int.__ceil__") ? int_exact(ts, args[0]) : Value();
}

uint64_t bit_length_of(Value v) {
    int64_t x;
    if (int_to_int64(v, &x)) {
        uint64_t m = x < 0 ? -static_cast<uint64_t>(x) : static_cast<uint64_t>(x);
        return m ? 64 - __builtin_clzll(m) : 0;
    }
    mpz_t z;
    mpz_init(z);
    int_to_mpz(v, z);
    uint64_t n = mpz_sizeinbase(z, 2);
    mpz_clear(z);
    return n;
}

Value int_bit_length(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "int.bit_length", 0, 0)) return Value();
    return make_int_u64(ts, bit_length_of(args[0]));
}

Value int_bit_count(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "int.bit_count", 0, 0)) return Value();
    int64_t x;
    if (int_to_int64(args[0], &x))
        return Value::small_int(
            __builtin_popcountll(x < 0 ? -static_cast<uint64_t>(x) : static_cast<uint64_t>(x)));
    mpz_t z;
    mpz_init(z);
    int_to_mpz(args[0], z);
    mpz_abs(z, z);
    uint64_t n = mpz_popcount(z);
    mpz_clear(z);
    return make_int_u64(ts, n);
}

// byteorder argument of to_bytes/from_bytes: 1 little, 0 big, -1 error.
int parse_byteorder(ThreadState& ts, Value v, const char* fname) {
    if (v.is_null()) return 0;
    if (!is_str(ts, v)) {
        raise_fmt(ts, ts.exc_types().TypeError, "{}() argument 'byteorder' must be str, not {}",
                  fname, type_name(ts, v));
        return -1;
    }
    if (str_view(v) == "little") return 1;
    if (str_view(v) == "big") return 0;
    raise(ts, ts.exc_types().ValueError, "byteorder must be either 'little' or 'big'");
    return -1;
}

// The two's complement bytes of v in `length` bytes (big-endian), or an
// OverflowError.
bool int_bytes(ThreadState& ts, Value v, int64_t length, bool is_signed, std::string* out) {
    // CPython allocates the result first: a length no bytes can have is a
    // MemoryError (and `length * 8` below cannot wrap).
    if (static_cast<uint64_t>(length) > kMaxBytesSize) {
        raise_memory_error(ts);
        return false;
    }
    int sign = int_sign(v);
    if (sign < 0 && !is_signed) {
        raise(ts, ts.exc_types().OverflowError, "can't convert negative int to unsigned");
        return false;
    }
    mpz_t z;
    mpz_init(z);
    int_to_mpz(v, z);
    if (sign < 0) mpz_com(z, z);  // -v-1: its bit length bounds the magnitude
    uint64_t bits = mpz_sgn(z) == 0 ? 0 : mpz_sizeinbase(z, 2);
    uint64_t room = static_cast<uint64_t>(length) * 8;
    if (is_signed ? (length == 0 ? (bits > 0 || sign < 0) : bits >= room) : bits > room) {
        mpz_clear(z);
        raise(ts, ts.exc_types().OverflowError, "int too big to convert");
        return false;
    }
    out->assign(static_cast<size_t>(length), sign < 0 ? '\xff' : '\0');
    size_t count = 0;
    std::string mag((bits + 7) / 8, '\0');
    if (!mag.empty()) mpz_export(mag.data(), &count, 1, 1, 1, 0, z);
    for (size_t i = 0; i < count; ++i)
        (*out)[out->size() - count + i] = sign < 0 ? static_cast<char>(~mag[i]) : mag[i];
    mpz_clear(z);
    return true;
}

Value int_to_bytes(ThreadState& ts, Args args) {
    Value length_obj, order, is_signed;
    if (!parse_args(ts, args.drop_first(), "to_bytes", {"|", "length", "byteorder", "$signed"},
                    {&length_obj, &order, &is_signed}))
        return Value();
    int64_t length = 1;
    if (!length_obj.is_null() && !index_as_ssize(ts, length_obj, &length)) return Value();
    if (length < 0)
        return raise(ts, ts.exc_types().ValueError, "length argument must be non-negative");
    int little = parse_byteorder(ts, order, "to_bytes");
    int sgn = is_signed.is_null() ? 0 : obj_truthy(ts, is_signed);
    if (little < 0 || sgn < 0) return Value();
    if (!check_alloc_size(ts, static_cast<uint64_t>(length))) return Value();
    std::string bytes;
    if (!int_bytes(ts, args[0], length, sgn != 0, &bytes)) return Value();
    if (little) std::reverse(bytes.begin(), bytes.end());
    return make_bytes(ts, bytes);
}

Value int_from_byte_string(ThreadState& ts, std::string_view data, bool little, bool is_signed) {
    mpz_t z;
    mpz_init(z);
    if (!data.empty()) mpz_import(z, data.size(), little ? -1 : 1, 1, 1, 0, data.data());
    unsigned char top =
        data.empty() ? 0 : static_cast<unsigned char>(little ? data.back() : data.front());
    if (is_signed && (top & 0x80)) {
        mpz_t m;
        mpz_init(m);
        mpz_setbit(m, data.size() * 8);
        mpz_sub(z, z, m);
        mpz_clear(m);
    }
    Value r = make_int_mpz(ts, z);
    mpz_clear(z);
    return r;
}

Value int_from_bytes(ThreadState& ts, Args args) {
    Value cls = args[0], data_obj, order, is_signed;
    if (!parse_args(ts, args.drop_first(), "from_bytes", {"bytes", "|", "byteorder", "$signed"},
                    {&data_obj, &order, &is_signed}))
        return Value();
    int little = parse_byteorder(ts, order, "from_bytes");
    int sgn = is_signed.is_null() ? 0 : obj_truthy(ts, is_signed);
    if (little < 0 || sgn < 0) return Value();
    Ref data = Ref::borrow(data_obj);
    std::string_view view;
    if (is_int(data_obj)) {
        // CPython converts with PyObject_Bytes, which has no bytes(n) form.
        return raise_fmt(ts, ts.exc_types().TypeError, "cannot convert '{}' object to bytes",
                         type_name(ts, data_obj));
    }
    if (!(data_obj.is_object() && (data_obj.as_object()->kind == ObjKind::Bytes ||
                                   data_obj.as_object()->kind == ObjKind::ByteArray))) {
        data = Ref(call1(ts, val(ts.types().bytes), data_obj));
        if (!data) return Value();
    }
    if (!bytes_like_view(ts, *data, &view)) return Value();
    Ref r(int_from_byte_string(ts, view, little != 0, sgn != 0));
    if (!r || cls == val(ts.types().int_)) return r.release();
    return call1(ts, cls, *r);
}

Value int_as_integer_ratio(ThreadState& ts, Args args) {
    if (!no_args(ts, args, "int.as_integer_ratio")) return Value();
    Ref n(int_exact(ts, args[0]));
    if (!n) return Value();
    return tuple_pack(ts, {*n, Value::small_int(1)});
}

// round(x, -k): x rounded to a multiple of 10**k, ties to even.
Value int_round_negative(ThreadState& ts, Value self, uint64_t k) {
    // 10**k > 2 * |x| makes the answer 0 without computing the power.
    if (k > bit_length_of(self) / 3 + 1) return Value::small_int(0);
    mpz_t x, m, q, r;
    mpz_inits(x, m, q, r, nullptr);
    int_to_mpz(self, x);
    mpz_ui_pow_ui(m, 10, k);
    mpz_fdiv_qr(q, r, x, m);
    mpz_mul_2exp(r, r, 1);
    int c = mpz_cmp(r, m);
    if (c > 0 || (c == 0 && mpz_odd_p(q))) mpz_add_ui(q, q, 1);
    mpz_mul(q, q, m);
    Value result = make_int_mpz(ts, q);
    mpz_clears(x, m, q, r, nullptr);
    return result;
}

Value int_round(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "__round__", 0, 1)) return Value();
    if (args.n < 2 || args[1].is_none()) return int_exact(ts, args[0]);
    Value nd = args[1];
    if (!is_int(nd)) {
        UnarySlot index = type_of(ts, nd)->nb_index;
        if (!index)
            return raise_fmt(ts, ts.exc_types().TypeError,
                             "'{}' object cannot be interpreted as an integer", type_name(ts, nd));
        Ref idx(index(ts, nd));
        if (!idx) return Value();
        Value a[2] = {args[0], *idx};
        return int_round(ts, Args{a, 2, nullptr});
    }
    if (int_sign(nd) >= 0) return int_exact(ts, args[0]);
    int64_t k;
    if (!int_to_int64(nd, &k)) return Value::small_int(0);  // 10**huge: everything rounds to 0
    return int_round_negative(ts, args[0], static_cast<uint64_t>(-k));
}

Value int_format(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "int.__format__", 1, 1)) return Value();
    if (!is_str(ts, args[1]))
        return raise_fmt(ts, ts.exc_types().TypeError, "__format__() argument must be str, not {}",
                         type_name(ts, args[1]));
    if (str_obj(args[1])->byte_len == 0) {
        if (args[0].is_small_int() || type_of(ts, args[0]) == ts.types().int_)
            return int_repr(ts, args[0]);
        return obj_str(ts, args[0]);
    }
    return int_format_spec(ts, args[0], str_view(args[1]));
}

Value int_getnewargs(ThreadState& ts, Args args) {
    if (!no_args(ts, args, "int.__getnewargs__")) return Value();
    Ref n(int_exact(ts, args[0]));
    if (!n) return Value();
    return tuple_pack(ts, {*n});
}

Value int_sizeof(ThreadState& ts, Args args) {
    if (!no_args(ts, args, "int.__sizeof__")) return Value();
    // CPython's layout: a 24-byte header plus one 4-byte digit per 30 bits.
    uint64_t digits = (bit_length_of(args[0]) + 29) / 30;
    return make_int_u64(ts, 24 + 4 * digits);
}

Value int_divmod_method(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "__divmod__", 1, 1)) return Value();
    return int_divmod(ts, args[0], args[1]);
}

Value int_rdivmod_method(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "__rdivmod__", 1, 1)) return Value();
    return int_divmod(ts, args[1], args[0]);
}

template <int... I>
void fill_nb_slots(TypeObject* t, std::integer_sequence<int, I...>) {
    ((t->nb[I] = &int_nb<static_cast<BinOp>(I)>), ...);
}

}  // namespace

// int(x) for any object, as CPython's PyNumber_Long.
Value int_from_object(ThreadState& ts, Value x) {
    if (x.is_small_int()) return x;
    TypeObject* t = type_of(ts, x);
    if (t == ts.types().int_) return new_ref(x);
    if (t->nb_int) return check_int_result(ts, t->nb_int(ts, x), "__int__");
    if (t->nb_index) return check_int_result(ts, t->nb_index(ts, x), "__index__");
    Value trunc = lookup_special(ts, x, ts.names().__trunc__);
    if (!trunc.is_null()) return int_from_trunc(ts, x, trunc);
    Value r = int_from_text_object(ts, x, 10);
    if (!r.is_null() && r.is_not_implemented())
        return raise_fmt(
            ts, ts.exc_types().TypeError,
            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            type_name(ts, x));
    return r;
}

void define_int_type(Interpreter& interp, TypeObject* t) {
    t->instance_kind = ObjKind::Int;
    t->basicsize = sizeof(IntObject);
    t->flags |= kTypeBaseType | kTypeIntSubclass;
    t->dealloc = int_dealloc;
    t->repr = int_repr_slot;
    t->hash = int_hash_slot;
    t->richcompare = int_richcompare;
    t->new_ = int_new;
    t->bool_ = int_bool;
    fill_nb_slots(t, std::make_integer_sequence<int, kBinOpCount>{});
    t->nb[static_cast<int>(BinOp::MatMul)] = nullptr;
    t->nb_neg = int_neg_slot;
    t->nb_pos = int_exact_slot;
    t->nb_invert = int_invert_slot;
    t->nb_abs = int_abs_slot;
    t->nb_int = int_exact_slot;
    t->nb_float = int_float_slot;
    t->nb_index = int_exact_slot;
    type_add_methods(interp, t, kIntMethods);
    type_add_getsets(interp, t, kIntGetSets);
}

}  // namespace gilt
