// The object protocol (see abstract.hpp): generic operations with fast
// paths for exact builtin types, falling back to type slots.
#include "runtime/abstract.hpp"

#include "interp/vm/call.hpp"  // layering exception: the fast path of call_method
#include "runtime/descriptors.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/float.hpp"
#include "runtime/function.hpp"
#include "runtime/instance.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/iterators.hpp"
#include "runtime/list.hpp"
#include "runtime/native_function.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "runtime/union_type.hpp"

namespace gilt {

// --- string conversion, hashing, truth ---

Value obj_repr(ThreadState& ts, Value v) {
    TypeObject* t = type_of(ts, v);
    if (!enter_native_call(ts, " while getting the repr of an object")) return Value();
    Value r = t->repr(ts, v);
    leave_native_call(ts);
    if (!r.is_null() && !is_str(ts, r)) {
        Value bad = r;
        raise_fmt(ts, ts.exc_types().TypeError, "__repr__ returned non-string (type {})",
                  type_name(ts, bad));
        decref(bad);
        return Value();
    }
    return r;
}

Value obj_str(ThreadState& ts, Value v) {
    if (is_exact_str(ts, v)) return new_ref(v);
    if (v.is_small_int()) return int_repr(ts, v);  // str(i) in loops: no slot call
    TypeObject* t = type_of(ts, v);
    if (!enter_native_call(ts)) return Value();
    Value r = t->str ? t->str(ts, v) : t->repr(ts, v);
    leave_native_call(ts);
    if (!r.is_null() && !is_str(ts, r)) {
        Value bad = r;
        raise_fmt(ts, ts.exc_types().TypeError, "__str__ returned non-string (type {})",
                  type_name(ts, bad));
        decref(bad);
        return Value();
    }
    return r;
}

Value obj_ascii(ThreadState& ts, Value v) {
    Ref r(obj_repr(ts, v));
    if (!r) return Value();
    if (str_is_ascii(*r)) return r.release();
    std::string out;
    std::string_view s = str_view(*r);
    for (std::size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            out += static_cast<char>(c);
            ++i;
            continue;
        }
        int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        uint32_t cp = c & (0xFF >> (len + 1));
        for (int k = 1; k < len && i + k < s.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        i += len;
        if (cp <= 0xFF)
            out += fmt::format("\\x{:02x}", cp);
        else if (cp <= 0xFFFF)
            out += fmt::format("\\u{:04x}", cp);
        else
            out += fmt::format("\\U{:08x}", cp);
    }
    return make_str(ts, out);
}

Value obj_format(ThreadState& ts, Value v, Value spec) {
    if (str_len(spec) == 0) {
        // CPython's fast path: format(x, "") of an exact str or int is str(x).
        if (is_exact_str(ts, v)) return new_ref(v);
        if (v.is_small_int() || type_of(ts, v) == ts.types().int_) return obj_str(ts, v);
    }
    Value f = lookup_special(ts, v, ts.names().__format__);
    if (f.is_null())
        return raise_fmt(ts, ts.exc_types().TypeError, "Type {} doesn't define __format__",
                         type_name(ts, v));
    Ref r(call_bound_special(ts, f, v, Args{&spec, 1, nullptr}));
    if (r && !is_str(ts, *r)) {
        return raise_fmt(ts, ts.exc_types().TypeError, "__format__ must return a str, not {}",
                         type_name(ts, *r));
    }
    return r.release();
}

bool obj_hash(ThreadState& ts, Value v, int64_t* out) {
    if (v.is_small_int()) {
        *out = int_hash(v);
        return true;
    }
    TypeObject* t = type_of(ts, v);
    if (t == ts.types().str) {
        *out = str_hash(v);
        return true;
    }
    if (!t->hash) {
        raise_unhashable(ts, v);
        return false;
    }
    // Hashing nested tuples (or frozensets, or __hash__ methods) recurses
    // on the C++ stack. CPython does not count it against the recursion
    // limit, so neither does this; but a thread's smaller stack must end in
    // RecursionError, not a crash (a 200,000-deep tuple hashed in a thread).
    char probe;
    if (ts.stack_limit && &probe < ts.stack_limit) {
        raise_recursion_error(ts, " while hashing an object");
        return false;
    }
    return t->hash(ts, v, out);
}

int obj_truthy(ThreadState& ts, Value v) {
    if (v.is_bool()) return v.is_true();
    if (v.is_none()) return 0;
    if (v.is_small_int()) return v.as_small_int() != 0;
    TypeObject* t = type_of(ts, v);
    if (t->bool_) return t->bool_(ts, v);
    if (t->len) {
        int64_t n = t->len(ts, v);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

// --- attributes ---

Value obj_getattr(ThreadState& ts, Value obj, Value name) {
    TypeObject* t = type_of(ts, obj);
    if (!t->getattr) return raise_attribute_error(ts, obj, name);
    Value r = t->getattr(ts, obj, name);
    if (r.is_null()) set_attribute_error_context(ts, obj, name);
    return r;
}

Value obj_getattr_cstr(ThreadState& ts, Value obj, const char* name) {
    Ref n(ts.interp().intern(name));
    if (!n) return Value();  // MemoryError pending: even the heap reserve is gone
    return obj_getattr(ts, obj, *n);
}

Value obj_getattr_opt(ThreadState& ts, Value obj, Value name) {
    Value r = obj_getattr(ts, obj, name);
    if (r.is_null() && exception_matches(ts, ts.exc_types().AttributeError)) clear_exception(ts);
    return r;
}

int obj_setattr(ThreadState& ts, Value obj, Value name, Value value) {
    TypeObject* t = type_of(ts, obj);
    if (!t->setattr) {
        raise_fmt(ts, ts.exc_types().AttributeError, "'{}' object has no attribute '{}'",
                  type_name(ts, obj), str_view(name));
        return -1;
    }
    return t->setattr(ts, obj, name, value);
}

int obj_delattr(ThreadState& ts, Value obj, Value name) {
    return obj_setattr(ts, obj, name, Value());
}

bool binds_as_method(Value f) noexcept {
    if (!f.is_object()) return false;
    ObjKind k = f.as_object()->kind;
    if (k == ObjKind::Function) return true;
    if (k != ObjKind::NativeFunction) return false;
    auto* nf = reinterpret_cast<NativeFunctionObject*>(f.as_object());
    return !(nf->flags & (kMethodClass | kMethodStatic)) && nf->self.is_null() &&
           nf->owner != nullptr;
}

Value obj_get_method(ThreadState& ts, Value obj, Value name, bool* needs_self) {
    *needs_self = false;
    TypeObject* t = type_of(ts, obj);
    if (t->getattr != generic_getattr) return obj_getattr(ts, obj, name);
    Value descr = type_lookup(t, name);
    if (binds_as_method(descr)) {
        Value* d = obj.is_object() ? instance_dict_slot(obj.as_object()) : nullptr;
        Value shadow = (d && !d->is_null()) ? dict_get_str(*d, name) : Value();
        if (d && d->is_null() && (t->flags & kTypeInlineValues))
            shadow = inline_get(obj.as_object(), name);
        if (!shadow.is_null()) return new_ref(shadow);
        *needs_self = true;
        return new_ref(descr);
    }
    return generic_getattr(ts, obj, name);
}

// --- items, containment, length ---

Value obj_getitem(ThreadState& ts, Value obj, Value key) {
    TypeObject* t = type_of(ts, obj);
    if (t->getitem) return t->getitem(ts, obj, key);
    if (obj.is_object() && obj.as_object()->kind == ObjKind::Type) {
        Value cg = type_lookup(reinterpret_cast<TypeObject*>(obj.as_object()),
                               ts.names().__class_getitem__);
        if (!cg.is_null()) {
            Ref bound(type_of(ts, cg)->descr_get ? type_of(ts, cg)->descr_get(ts, cg, Value(), obj)
                                                 : new_ref(cg));
            if (!bound) return Value();
            return call1(ts, *bound, key);
        }
        return raise_fmt(ts, ts.exc_types().TypeError, "type '{}' is not subscriptable",
                         str_view(reinterpret_cast<TypeObject*>(obj.as_object())->qualname));
    }
    return raise_fmt(ts, ts.exc_types().TypeError, "'{}' object is not subscriptable",
                     type_name(ts, obj));
}

int obj_setitem(ThreadState& ts, Value obj, Value key, Value value) {
    TypeObject* t = type_of(ts, obj);
    if (!t->setitem) {
        raise_fmt(ts, ts.exc_types().TypeError, "'{}' object does not support item assignment",
                  type_name(ts, obj));
        return -1;
    }
    return t->setitem(ts, obj, key, value);
}

int obj_delitem(ThreadState& ts, Value obj, Value key) {
    TypeObject* t = type_of(ts, obj);
    if (!t->setitem) {
        raise_fmt(ts, ts.exc_types().TypeError, "'{}' object does not support item deletion",
                  type_name(ts, obj));
        return -1;
    }
    return t->setitem(ts, obj, key, Value());
}

int iter_contains(ThreadState& ts, Value container, Value item) {
    Ref it(obj_iter(ts, container));
    if (!it) return -1;
    for (;;) {
        Ref x(iter_next(ts, *it));
        if (!x) return ts.has_exception() ? -1 : 0;
        int eq = obj_eq(ts, *x, item);
        if (eq != 0) return eq;
    }
}

int obj_contains(ThreadState& ts, Value container, Value item) {
    TypeObject* t = type_of(ts, container);
    if (t->contains) return t->contains(ts, container, item);
    if (!t->iter && !t->getitem) {
        raise_fmt(ts, ts.exc_types().TypeError, "argument of type '{}' is not iterable",
                  type_name(ts, container));
        return -1;
    }
    return iter_contains(ts, container, item);
}

int64_t obj_len(ThreadState& ts, Value v) {
    TypeObject* t = type_of(ts, v);
    if (!t->len) {
        raise_fmt(ts, ts.exc_types().TypeError, "object of type '{}' has no len()",
                  type_name(ts, v));
        return -1;
    }
    return t->len(ts, v);
}

bool obj_length_hint(ThreadState& ts, Value v, int64_t dflt, int64_t* out) {
    *out = dflt;
    TypeObject* t = type_of(ts, v);
    if (t->len) {
        int64_t n = t->len(ts, v);
        if (n >= 0) {
            *out = n;
            return true;
        }
        if (!exception_matches(ts, ts.exc_types().TypeError)) return false;
        clear_exception(ts);
    }
    Value hint = lookup_special(ts, v, ts.names().__length_hint__);
    if (hint.is_null()) return true;
    Ref result(call_bound_special(ts, hint, v, Args{}));
    if (!result) {
        if (!exception_matches(ts, ts.exc_types().TypeError)) return false;
        clear_exception(ts);
        return true;
    }
    if (result.get().is_not_implemented()) return true;
    if (!is_int(*result)) {
        raise_fmt(ts, ts.exc_types().TypeError, "__length_hint__ must be an integer, not {}",
                  type_name(ts, *result));
        return false;
    }
    int64_t n;
    if (!int_to_int64(*result, &n)) {
        if (int_sign(*result) > 0) {
            raise(ts, ts.exc_types().OverflowError, "Python int too large to convert to C ssize_t");
            return false;
        }
        n = -1;
    }
    if (n < 0) {
        raise(ts, ts.exc_types().ValueError, "__length_hint__() should return >= 0");
        return false;
    }
    *out = n;
    return true;
}

// --- calls ---

// Native recursion counts against the recursion limit together with the
// Python frames, as CPython 3.11's Py_EnterRecursiveCall shares one budget
// with the eval loop: the repr of a list nested 10,000 deep raises
// RecursionError at depth ~1000 as there, instead of walking a shared
// structure like x = [x, x] for ever. The C stack check stays the backstop.
bool enter_native_call(ThreadState& ts, std::string_view where) {
    char probe;
    if (++ts.native_depth + ts.py_depth > ts.interp().recursion_limit ||
        (ts.stack_limit && &probe < ts.stack_limit)) {
        --ts.native_depth;
        raise_recursion_error(ts, where);
        return false;
    }
    return true;
}

Value obj_call(ThreadState& ts, Value callable, Args args) {
    TypeObject* t = type_of(ts, callable);
    if (!t->call) return raise_not_callable(ts, callable);
    if (!enter_native_call(ts, " while calling a Python object")) return Value();
    Value r = t->call(ts, callable, args);
    leave_native_call(ts);
    return r;
}

Value call0(ThreadState& ts, Value callable) {
    return obj_call(ts, callable, Args{});
}
Value call1(ThreadState& ts, Value callable, Value a) {
    return obj_call(ts, callable, Args{&a, 1, nullptr});
}
Value call2(ThreadState& ts, Value callable, Value a, Value b) {
    Value argv[2] = {a, b};
    return obj_call(ts, callable, Args{argv, 2, nullptr});
}
Value call_n(ThreadState& ts, Value callable, std::initializer_list<Value> args) {
    return obj_call(ts, callable, Args{args.begin(), static_cast<uint32_t>(args.size()), nullptr});
}

Value call_method(ThreadState& ts, Value obj, Value name, std::initializer_list<Value> args) {
    bool needs_self;
    Ref f(obj_get_method(ts, obj, name, &needs_self));
    if (!f) return Value();
    if (!needs_self)
        return obj_call(ts, *f, Args{args.begin(), static_cast<uint32_t>(args.size()), nullptr});
    return call_bound_special(ts, *f, obj,
                              Args{args.begin(), static_cast<uint32_t>(args.size()), nullptr});
}

Value lookup_special(ThreadState& ts, Value obj, Value name) {
    return type_lookup(type_of(ts, obj), name);
}

Value call_prepending(ThreadState& ts, Value f, Value self, Args args) {
    uint32_t total = args.n + args.kw_count();
    Value small[8];
    std::unique_ptr<Value[]> big;
    Value* argv = small;
    if (total + 1 > 8) {
        big.reset(new Value[total + 1]);
        argv = big.get();
    }
    argv[0] = self;
    for (uint32_t i = 0; i < total; ++i) argv[i + 1] = args.v[i];
    return obj_call(ts, f, Args{argv, args.n + 1, args.kwnames});
}

// Calls `f` (found on type(self)) with self prepended, binding descriptors
// the way attribute access would but without allocating a bound method for
// plain functions.
Value call_bound_special(ThreadState& ts, Value f, Value self, Args args) {
    if (binds_as_method(f)) {
        if (f.as_object()->kind == ObjKind::Function) return function_call_self(ts, f, self, args);
        return call_prepending(ts, f, self, args);
    }
    TypeObject* ft = type_of(ts, f);
    Ref bound(ft->descr_get ? ft->descr_get(ts, f, self, val(type_of(ts, self))) : new_ref(f));
    if (!bound) return Value();
    return obj_call(ts, *bound, args);
}

Value call_special(ThreadState& ts, Value obj, Value name, std::initializer_list<Value> args) {
    Value f = lookup_special(ts, obj, name);
    if (f.is_null()) return raise_attribute_error(ts, obj, name);
    return call_bound_special(ts, f, obj,
                              Args{args.begin(), static_cast<uint32_t>(args.size()), nullptr});
}

// --- iteration ---

Value obj_iter(ThreadState& ts, Value v) {
    TypeObject* t = type_of(ts, v);
    if (t->iter) {
        Value it = t->iter(ts, v);
        if (it.is_null()) return it;
        if (!type_of(ts, it)->iternext) {
            Value bad = it;
            raise_fmt(ts, ts.exc_types().TypeError, "iter() returned non-iterator of type '{}'",
                      type_name(ts, bad));
            decref(bad);
            return Value();
        }
        return it;
    }
    if (t->getitem && !(v.is_object() && v.as_object()->kind == ObjKind::Dict))
        return make_seq_iterator(ts, v);
    return raise_not_iterable(ts, v);
}

Value iter_next(ThreadState& ts, Value it) {
    TypeObject* t = type_of(ts, it);
    if (!t->iternext) {
        return raise_fmt(ts, ts.exc_types().TypeError, "'{}' object is not an iterator",
                         type_name(ts, it));
    }
    return t->iternext(ts, it);
}

// --- operators ---

std::string_view binop_symbol(BinOp op) {
    static constexpr std::string_view kSym[] = {"+",           "-",  "*",  "@", "/", "//", "%",
                                                "** or pow()", "<<", ">>", "&", "|", "^"};
    return kSym[static_cast<int>(op)];
}
std::string_view inplace_symbol(BinOp op) {
    static constexpr std::string_view kSym[] = {
        "+=", "-=", "*=", "@=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^="};
    return kSym[static_cast<int>(op)];
}
std::string_view compare_symbol(CompareOp op) {
    static constexpr std::string_view kSym[] = {"<", "<=", "==", "!=", ">", ">="};
    return kSym[static_cast<int>(op)];
}

namespace {

// CPython's binary_op1: the right operand's slot goes first when its type
// is a proper subclass of the left's.
Value binary_op1(ThreadState& ts, BinOp op, Value a, Value b) {
    TypeObject* ta = type_of(ts, a);
    TypeObject* tb = type_of(ts, b);
    int i = static_cast<int>(op);
    BinarySlot slotv = ta->nb[i];
    BinarySlot slotw = tb != ta ? tb->nb[i] : nullptr;
    if (slotw == slotv) slotw = nullptr;
    if (slotv) {
        if (slotw && type_is_subtype(tb, ta)) {
            Value x = slotw(ts, a, b);
            if (x.is_null() || !x.is_not_implemented()) return x;
            slotw = nullptr;
        }
        Value x = slotv(ts, a, b);
        if (x.is_null() || !x.is_not_implemented()) return x;
    }
    if (slotw) return slotw(ts, a, b);
    return Value::not_implemented();
}

Value binop_type_error(ThreadState& ts, BinOp op, Value a, Value b, bool inplace) {
    if (op == BinOp::Add && is_str(ts, a) && !is_str(ts, b)) {
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "can only concatenate str (not \"{}\") to str", type_name(ts, b));
    }
    if (op == BinOp::Add && a.is_object() && a.as_object()->kind == ObjKind::List && !inplace) {
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "can only concatenate list (not \"{}\") to list", type_name(ts, b));
    }
    if (op == BinOp::Add && a.is_object() && a.as_object()->kind == ObjKind::Tuple) {
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "can only concatenate tuple (not \"{}\") to tuple", type_name(ts, b));
    }
    return raise_type_error_unsupported(ts, inplace ? inplace_symbol(op) : binop_symbol(op), a, b);
}

}  // namespace

Value binary_op(ThreadState& ts, BinOp op, Value a, Value b) {
    Value r = binary_op1(ts, op, a, b);
    if (!r.is_null() && r.is_not_implemented()) return binop_type_error(ts, op, a, b, false);
    return r;
}

Value inplace_op(ThreadState& ts, BinOp op, Value a, Value b) {
    BinarySlot s = type_of(ts, a)->nb_inplace[static_cast<int>(op)];
    if (s) {
        Value r = s(ts, a, b);
        if (r.is_null() || !r.is_not_implemented()) return r;
    }
    Value r = binary_op1(ts, op, a, b);
    if (!r.is_null() && r.is_not_implemented()) return binop_type_error(ts, op, a, b, true);
    return r;
}

Value unary_op(ThreadState& ts, UnaryOp op, Value v) {
    if (op == UnaryOp::Not) {
        int t = obj_truthy(ts, v);
        return t < 0 ? Value() : Value::boolean(!t);
    }
    TypeObject* t = type_of(ts, v);
    UnarySlot s = op == UnaryOp::Neg ? t->nb_neg : op == UnaryOp::Pos ? t->nb_pos : t->nb_invert;
    if (!s) {
        static constexpr std::string_view kName[] = {"unary -", "unary +", "unary ~"};
        return raise_fmt(ts, ts.exc_types().TypeError, "bad operand type for {}: '{}'",
                         kName[static_cast<int>(op)], type_name(ts, v));
    }
    return s(ts, v);
}

namespace {

CompareOp swapped(CompareOp op) {
    switch (op) {
        case CompareOp::Lt:
            return CompareOp::Gt;
        case CompareOp::Le:
            return CompareOp::Ge;
        case CompareOp::Gt:
            return CompareOp::Lt;
        case CompareOp::Ge:
            return CompareOp::Le;
        default:
            return op;
    }
}

}  // namespace

Value rich_compare(ThreadState& ts, Value a, Value b, CompareOp op) {
    TypeObject* ta = type_of(ts, a);
    TypeObject* tb = type_of(ts, b);
    if (!enter_native_call(ts)) return Value();
    bool checked_reverse = false;
    Value r = Value::not_implemented();
    if (ta != tb && type_is_subtype(tb, ta) && tb->richcompare) {
        checked_reverse = true;
        r = tb->richcompare(ts, b, a, swapped(op));
    }
    if (!r.is_null() && r.is_not_implemented() && ta->richcompare)
        r = ta->richcompare(ts, a, b, op);
    if (!r.is_null() && r.is_not_implemented() && !checked_reverse && tb->richcompare) {
        r = tb->richcompare(ts, b, a, swapped(op));
    }
    leave_native_call(ts);
    if (r.is_null() || !r.is_not_implemented()) return r;
    if (op == CompareOp::Eq) return Value::boolean(a == b);
    if (op == CompareOp::Ne) return Value::boolean(a != b);
    return raise_fmt(ts, ts.exc_types().TypeError,
                     "'{}' not supported between instances of '{}' and '{}'", compare_symbol(op),
                     type_name(ts, a), type_name(ts, b));
}

int rich_compare_bool(ThreadState& ts, Value a, Value b, CompareOp op) {
    if (a == b) {
        if (op == CompareOp::Eq) return 1;
        if (op == CompareOp::Ne) return 0;
    }
    if (a.is_small_int() && b.is_small_int()) {
        int64_t x = a.as_small_int(), y = b.as_small_int();
        switch (op) {
            case CompareOp::Lt:
                return x < y;
            case CompareOp::Le:
                return x <= y;
            case CompareOp::Eq:
                return x == y;
            case CompareOp::Ne:
                return x != y;
            case CompareOp::Gt:
                return x > y;
            case CompareOp::Ge:
                return x >= y;
        }
    }
    if ((op == CompareOp::Eq || op == CompareOp::Ne) && is_exact_str(ts, a) &&
        is_exact_str(ts, b)) {
        return str_eq(a, b) == (op == CompareOp::Eq);
    }
    Ref r(rich_compare(ts, a, b, op));
    if (!r) return -1;
    if (r.get().is_bool()) return r.get().is_true();
    return obj_truthy(ts, *r);
}

// --- isinstance / issubclass ---

bool is_instance_of(ThreadState& ts, Value obj, TypeObject* t) {
    return type_is_subtype(type_of(ts, obj), t);
}

namespace {

bool is_type(Value v) {
    return v.is_object() && v.as_object()->kind == ObjKind::Type;
}

// isinstance() against a plain class: by type, and failing that by the
// object's __class__ when an instance of a user class reports another one
// (a proxy or a mock with a spec), as CPython's object_isinstance does.
int plain_isinstance(ThreadState& ts, Value obj, TypeObject* t) {
    TypeObject* actual = type_of(ts, obj);
    if (type_is_subtype(actual, t)) return 1;
    if (!(actual->flags & kTypeHeap)) return 0;
    Ref reported(obj_getattr_opt(ts, obj, ts.names().__class__));
    if (!reported) return ts.has_exception() ? -1 : 0;
    if (!is_type(*reported) || reported.get() == val(actual)) return 0;
    return type_is_subtype(reinterpret_cast<TypeObject*>(reported.get().as_object()), t);
}

}  // namespace

int obj_isinstance(ThreadState& ts, Value obj, Value cls) {
    if (is_type(cls)) {
        auto* t = reinterpret_cast<TypeObject*>(cls.as_object());
        if (type_of(ts, obj) == t) return 1;
        if (t->hdr.type == ts.types().type || !(t->hdr.type->flags & kTypeHeap))
            return plain_isinstance(ts, obj, t);
        Value check = lookup_special(ts, cls, ts.names().__instancecheck__);
        if (check.is_null()) return plain_isinstance(ts, obj, t);
        Ref r(call_bound_special(ts, check, cls, Args{&obj, 1, nullptr}));
        return r ? obj_truthy(ts, *r) : -1;
    }
    if (is_tuple(ts, cls)) {
        for (uint64_t i = 0; i < tuple_size(cls); ++i) {
            int r = obj_isinstance(ts, obj, tuple_item(cls, i));
            if (r != 0) return r;
        }
        return 0;
    }
    if (is_union(ts, cls)) return union_isinstance(ts, obj, cls);
    // Any other object may answer for itself (typing's aliases do).
    Value check = lookup_special(ts, cls, ts.names().__instancecheck__);
    if (!check.is_null()) {
        Ref r(call_bound_special(ts, check, cls, Args{&obj, 1, nullptr}));
        return r ? obj_truthy(ts, *r) : -1;
    }
    raise(ts, ts.exc_types().TypeError,
          "isinstance() arg 2 must be a type, a tuple of types, or a union");
    return -1;
}

int obj_issubclass(ThreadState& ts, Value derived, Value cls) {
    if (is_tuple(ts, cls)) {
        for (uint64_t i = 0; i < tuple_size(cls); ++i) {
            int r = obj_issubclass(ts, derived, tuple_item(cls, i));
            if (r != 0) return r;
        }
        return 0;
    }
    if (is_union(ts, cls)) return union_issubclass(ts, derived, cls);
    // A class whose metaclass is written in Python (an ABC, say) may answer
    // for itself, and so may any object that is not a class (typing's
    // aliases); type's own answer is obj_issubclass_plain.
    if (cls.is_object() && ((type_of(ts, cls)->flags & kTypeHeap) || !is_type(cls))) {
        Value check = lookup_special(ts, cls, ts.names().__subclasscheck__);
        if (!check.is_null()) {
            Ref r(call_bound_special(ts, check, cls, Args{&derived, 1, nullptr}));
            return r ? obj_truthy(ts, *r) : -1;
        }
    }
    return obj_issubclass_plain(ts, derived, cls);
}

int obj_issubclass_plain(ThreadState& ts, Value derived, Value cls) {
    if (!is_type(cls)) {
        raise(ts, ts.exc_types().TypeError,
              "issubclass() arg 2 must be a class, a tuple of classes, or a union");
        return -1;
    }
    if (!is_type(derived)) {
        raise(ts, ts.exc_types().TypeError, "issubclass() arg 1 must be a class");
        return -1;
    }
    return type_is_subtype(reinterpret_cast<TypeObject*>(derived.as_object()),
                           reinterpret_cast<TypeObject*>(cls.as_object()));
}

// --- numeric conversion ---

bool obj_index(ThreadState& ts, Value v, int64_t* out) {
    if (v.is_small_int()) {
        *out = v.as_small_int();
        return true;
    }
    if (v.is_bool()) {
        *out = v.is_true();
        return true;
    }
    Ref idx;
    if (is_int(v)) {
        idx = Ref::borrow(v);
    } else {
        UnarySlot s = type_of(ts, v)->nb_index;
        if (!s) {
            raise_fmt(ts, ts.exc_types().TypeError,
                      "'{}' object cannot be interpreted as an integer", type_name(ts, v));
            return false;
        }
        idx = Ref(s(ts, v));
        if (!idx) return false;
    }
    if (!int_to_int64(*idx, out)) {
        raise_fmt(ts, ts.exc_types().OverflowError, "cannot fit '{}' into an index-sized integer",
                  type_name(ts, v));
        return false;
    }
    return true;
}

Value obj_index_value(ThreadState& ts, Value v) {
    if (v.is_small_int()) return v;
    if (is_int(v)) return int_exact(ts, v);
    UnarySlot s = type_of(ts, v)->nb_index;
    if (!s)
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "'{}' object cannot be interpreted as an integer", type_name(ts, v));
    Ref r(s(ts, v));
    if (!r || is_int(*r)) return r.release();
    return raise_fmt(ts, ts.exc_types().TypeError, "__index__ returned non-int (type {})",
                     type_name(ts, *r));
}

bool obj_as_double(ThreadState& ts, Value v, double* out) {
    if (v.is_small_int()) {
        *out = static_cast<double>(v.as_small_int());
        return true;
    }
    if (is_exact_float(ts, v)) {
        *out = float_value(v);
        return true;
    }
    if (is_int(v)) {
        bool overflow = false;
        *out = int_to_double(ts, v, &overflow);
        if (overflow) {
            raise(ts, ts.exc_types().OverflowError, "int too large to convert to float");
            return false;
        }
        return true;
    }
    if (v.is_object() && v.as_object()->kind == ObjKind::Float) {
        *out = float_value(v);
        return true;
    }
    TypeObject* t = type_of(ts, v);
    UnarySlot s = t->nb_float ? t->nb_float : t->nb_index;
    if (!s) {
        raise_fmt(ts, ts.exc_types().TypeError, "must be real number, not {}", type_name(ts, v));
        return false;
    }
    Ref r(s(ts, v));
    if (!r) return false;
    return obj_as_double(ts, *r, out);
}

}  // namespace gilt
