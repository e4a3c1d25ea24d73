// The eval loop's inline fast paths: calls that need no frame, stores to
// locals, small-int and float arithmetic and comparisons. Only
// interp/vm/eval.cpp includes this; the functions are forced inline into
// eval_frame(), and the ones that fail hand over to the generic protocol.
#pragma once

#include <cmath>
#include <cstdint>

#include "runtime/abstract.hpp"
#include "runtime/descriptors.hpp"
#include "runtime/dict.hpp"
#include "runtime/float.hpp"
#include "runtime/function.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/native_function.hpp"
#include "runtime/str.hpp"
#include "runtime/type.hpp"

namespace gilt::eval_fast {

// Calls that need no frame: builtin methods found by LOAD_METHOD (their
// receiver's type is known to fit), builtin functions, str(x), which
// scripts call in loops, and super(type, obj) (type.__call__'s checks
// done here: two positional arguments, a type first). Everything else goes through obj_call.
inline Value eval_call_fast(ThreadState& ts, Value callable, Value* args, uint32_t nargs,
                            bool from_load_method) {
    if (callable.is_object()) {
        Object* o = callable.as_object();
        if (o->kind == ObjKind::NativeFunction) {
            auto* nf = reinterpret_cast<NativeFunctionObject*>(o);
            bool plain = nf->fn && (nf->self.is_null() || (nf->flags & kNativeModuleSelf)) &&
                         !(nf->flags & (kMethodClass | kMethodStatic));
            if (plain && (from_load_method || !nf->owner))
                return nf->fn(ts, Args{args, nargs, nullptr});
        } else if (o == &ts.types().str->hdr && nargs == 1) {
            return obj_str(ts, args[0]);
        } else if (o == &ts.types().super->hdr && nargs == 2 && args[0].is_object() &&
                   args[0].as_object()->kind == ObjKind::Type && !args[1].is_none()) {
            // super(__class__, self), what a zero-argument super() compiles to.
            return make_super(ts, reinterpret_cast<TypeObject*>(args[0].as_object()), args[1]);
        }
    }
    return obj_call(ts, callable, Args{args, nargs, nullptr});
}

// decref for the value a store replaces. Float temporaries die there most
// often (x = a * b, v[0] -= d in a loop): they go straight back to the
// float free list, not through the type's dealloc.
[[gnu::always_inline]] inline void release_replaced(ThreadState& ts, Value old) {
    if (!old.is_object()) return;
    Object* o = old.as_object();
    if (--o->refcnt != 0) return;
    if (o->type == ts.types().float_)
        release_exact_float(o->type, o);
    else
        dealloc_object(o);
}

// Stores `v` (a reference we own) into a fast local and drops the old value.
[[gnu::always_inline]] inline void store_local(ThreadState& ts, Value& slot, Value v) {
    Value old = slot;
    slot = v;
    release_replaced(ts, old);
}

__attribute__((always_inline)) inline Value small_int_binop(BinOp op, int64_t a, int64_t b,
                                                            bool* ok) {
    int64_t r;
    *ok = true;
    switch (op) {
        case BinOp::Add:
            if (!__builtin_add_overflow(a, b, &r) && Value::fits_small(r))
                return Value::small_int(r);
            break;
        case BinOp::Sub:
            if (!__builtin_sub_overflow(a, b, &r) && Value::fits_small(r))
                return Value::small_int(r);
            break;
        case BinOp::Mul:
            if (!__builtin_mul_overflow(a, b, &r) && Value::fits_small(r))
                return Value::small_int(r);
            break;
        case BinOp::And:
            return Value::small_int(a & b);
        case BinOp::Or:
            return Value::small_int(a | b);
        case BinOp::Xor:
            return Value::small_int(a ^ b);
        case BinOp::FloorDiv:
            if (b > 0) {
                int64_t q = a / b;
                if ((a % b != 0) && (a < 0)) --q;
                return Value::small_int(q);
            }
            break;
        case BinOp::Mod:
            if (b > 0) {
                int64_t m = a % b;
                if (m < 0) m += b;
                return Value::small_int(m);
            }
            break;
        default:
            break;
    }
    *ok = false;
    return Value();
}

// Both operands exact floats, or one an exact float and the other a small
// int: the cases float arithmetic in loops meets.
inline bool float_operands(ThreadState& ts, Value a, Value b, double* x, double* y) {
    const TypeObject* ft = ts.types().float_;
    bool fa = a.is_object() && a.as_object()->type == ft;
    bool fb = b.is_object() && b.as_object()->type == ft;
    if (fa && fb) {
        *x = float_value(a);
        *y = float_value(b);
        return true;
    }
    if (fa && b.is_small_int()) {
        *x = float_value(a);
        *y = static_cast<double>(b.as_small_int());
        return true;
    }
    if (fb && a.is_small_int()) {
        *x = static_cast<double>(a.as_small_int());
        *y = float_value(b);
        return true;
    }
    return false;
}

// + - * / ** on doubles where Python's result is the plain IEEE one; false
// for anything needing the slow path (other operators, division by zero,
// powers that could be complex or overflow).
[[gnu::always_inline]] inline bool float_fast_binop(BinOp op, double x, double y, double* out) {
    switch (op) {
        case BinOp::Add:
            *out = x + y;
            return true;
        case BinOp::Sub:
            *out = x - y;
            return true;
        case BinOp::Mul:
            *out = x * y;
            return true;
        case BinOp::TrueDiv:
            if (y == 0.0) return false;
            *out = x / y;
            return true;
        case BinOp::Pow:
            if (!(x > 0.0) || !std::isfinite(x) || !std::isfinite(y)) return false;
            *out = std::pow(x, y);
            return std::isfinite(*out);
        default:
            return false;
    }
}

// Stores a float result, reusing an operand the stack holds the only
// reference to (a temporary of the same expression) instead of allocating.
inline Value float_result(ThreadState& ts, Value a, Value b, double r) {
    const TypeObject* ft = ts.types().float_;
    if (a.is_object() && a.as_object()->refcnt == 1 && a.as_object()->type == ft) {
        reinterpret_cast<FloatObject*>(a.as_object())->value = r;
        decref(b);
        return a;
    }
    if (b.is_object() && b.as_object()->refcnt == 1 && b.as_object()->type == ft) {
        reinterpret_cast<FloatObject*>(b.as_object())->value = r;
        decref(a);
        return b;
    }
    Value v = make_float(ts, r);
    if (v.is_null()) return v;
    decref(a);
    decref(b);
    return v;
}

// BINARY_OP and INPLACE_OP: small ints, floats and str concatenation inline
// (their in-place forms are the same operations, the values being
// immutable), anything else through the object protocol. Consumes a and b.
// An instance dict rarely holds a method's name; the dict's key bloom
// usually settles that without the full lookup.
inline bool dict_surely_lacks_str(Value dict, Value name) noexcept {
    DictObject* d = dict_obj(dict);
    if (d->used == 0) return true;
    int64_t h = str_obj(name)->hash;
    return h != -1 && dict_bloom_lacks(d->key_bloom, h);
}

// Two exact floats and + - * / or **: the commonest float shapes (nbody-like code)
// done with no calls. The result reuses an operand only the stack holds, and
// an operand whose count drops to zero goes straight to the free list.
// False (nothing done) when the shape does not fit; otherwise a and b are
// consumed and *out is the result (null with MemoryError pending).
__attribute__((always_inline)) inline bool float_pair_arithmetic(ThreadState& ts, BinOp op, Value a,
                                                                 Value b, Value* out) {
    TypeObject* ft = ts.types().float_;
    Object* ao = a.as_object();
    Object* bo = b.as_object();
    if (ao->type != ft || bo->type != ft) return false;
    double r;
    if (!float_fast_binop(op, reinterpret_cast<FloatObject*>(ao)->value,
                          reinterpret_cast<FloatObject*>(bo)->value, &r))
        return false;
    if (ao->refcnt == 1) {
        reinterpret_cast<FloatObject*>(ao)->value = r;
        if (--bo->refcnt == 0) release_exact_float(ft, bo);
        *out = a;
        return true;
    }
    if (bo->refcnt == 1) {
        reinterpret_cast<FloatObject*>(bo)->value = r;
        --ao->refcnt;  // was > 1
        *out = b;
        return true;
    }
    *out = make_float_inline(ts, r);
    --ao->refcnt;  // both were > 1
    --bo->refcnt;
    return true;
}

// A small int or an instance of exactly int (not bool, not a subclass).
[[gnu::always_inline]] inline bool is_exact_int_operand(ThreadState& ts, Value v) noexcept {
    return v.is_small_int() || (v.is_object_nonnull() && v.as_object()->type == ts.types().int_);
}

__attribute__((always_inline)) inline Value arithmetic(ThreadState& ts, BinOp op, Value a, Value b,
                                                       bool inplace) {
    if (a.is_small_int() && b.is_small_int()) {
        bool ok;
        Value r = small_int_binop(op, a.as_small_int(), b.as_small_int(), &ok);
        if (ok) return r;
    } else {
        Value fr;  // operands on the stack are never null
        if (a.is_object_nonnull() && b.is_object_nonnull() &&
            float_pair_arithmetic(ts, op, a, b, &fr))
            return fr;
        double x, y;
        if (float_operands(ts, a, b, &x, &y) && float_fast_binop(op, x, y, &x)) {
            Value r = float_result(ts, a, b, x);
            if (r.is_null()) {
                decref(a);
                decref(b);
            }
            return r;
        }
        if (op == BinOp::Add && is_exact_str(ts, a) && is_exact_str(ts, b)) {
            Value r = str_concat(ts, a, b);
            decref(a);
            decref(b);
            return r;
        }
        // Ints past the small range (an accumulator beyond 2**62): straight
        // to int arithmetic, whose 128-bit path needs no GMP, without the
        // slot lookup and NotImplemented protocol of binary_op.
        if (is_exact_int_operand(ts, a) && is_exact_int_operand(ts, b) && op != BinOp::MatMul) {
            Value r = int_binary(ts, op, a, b);
            decref(a);
            decref(b);
            return r;
        }
    }
    Value r = inplace ? inplace_op(ts, op, a, b) : binary_op(ts, op, a, b);
    decref(a);
    decref(b);
    return r;
}

// + - * / of two numbers the caller holds (borrowed): two small ints
// (+ - * that do not overflow) or two exact floats (/ by nonzero). *r is the
// new result, or null with MemoryError pending. False (nothing done) for any
// other operands, including null (an unbound local).
[[gnu::always_inline]] inline bool number_arithmetic(ThreadState& ts, BinOp op, Value a, Value b,
                                                     Value* r) {
    if (a.is_small_int() && b.is_small_int()) {
        if (op == BinOp::TrueDiv) return false;
        bool ok;
        *r = small_int_binop(op, a.as_small_int(), b.as_small_int(), &ok);
        return ok;
    }
    TypeObject* ft = ts.types().float_;
    if (!a.is_object() || !b.is_object() || a.as_object()->type != ft || b.as_object()->type != ft)
        return false;
    double v;
    if (!float_fast_binop(op, float_value(a), float_value(b), &v)) return false;
    *r = make_float_inline(ts, v);
    return true;
}

// COMPARE_OP on two small ints or two floats (NaN compares false but !=).
template <class T>
inline int compare_numbers(CompareOp op, T a, T b) {
    switch (op) {
        case CompareOp::Lt:
            return a < b;
        case CompareOp::Le:
            return a <= b;
        case CompareOp::Eq:
            return a == b;
        case CompareOp::Ne:
            return a != b;
        case CompareOp::Gt:
            return a > b;
        case CompareOp::Ge:
            return a >= b;
    }
    return 0;
}

// COMPARE_OP's fast path: two small ints or two exact floats, compared into
// *r with the operands' references released. False (nothing done) for any
// other operands.
[[gnu::always_inline]] inline bool compare_numbers_fast(ThreadState& ts, CompareOp op, Value a,
                                                        Value b, int* r) {
    if (a.is_small_int() && b.is_small_int()) {
        *r = compare_numbers<int64_t>(op, a.as_small_int(), b.as_small_int());
        return true;
    }
    if (is_exact_float(ts, a) && is_exact_float(ts, b)) {
        *r = compare_numbers<double>(op, float_value(a), float_value(b));
        decref(a);
        decref(b);
        return true;
    }
    return false;
}

}  // namespace gilt::eval_fast
