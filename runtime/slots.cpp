// Slot <-> dunder plumbing (see slots.hpp for the two directions).
#include "runtime/slots.hpp"

#include <array>
#include <cstddef>
#include <utility>
#include <vector>

#include "runtime/abstract.hpp"
#include "runtime/descriptors.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/gc.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/native_function.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"

namespace gilt {

namespace {

enum class Slot : uint8_t {
    Repr,
    Str,
    Hash,
    Call,
    Iter,
    Next,
    Len,
    GetItem,
    SetItem,
    DelItem,
    Contains,
    Bool,
    Init,
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
    Neg,
    Pos,
    Invert,
    Abs,
    Int,
    Float,
    Index,
    Get,
    Set,
    Delete,
    Await,
    AIter,
    ANext,
    SetAttr,
    DelAttr,
    GetAttr,
    Binary,   // nb[op]: __add__ and friends
    RBinary,  // nb[op] reflected: __radd__
    InPlace,  // nb_inplace[op]: __iadd__
};

struct SlotDef {
    Value CommonStrings::*name;
    Slot slot;
    BinOp op;  // for Binary / RBinary / InPlace
};

#define GILT_NB(add, radd, iadd, OP)                        \
    {&CommonStrings::add, Slot::Binary, BinOp::OP},         \
        {&CommonStrings::radd, Slot::RBinary, BinOp::OP}, { \
        &CommonStrings::iadd, Slot::InPlace, BinOp::OP      \
    }

const SlotDef kSlotDefs[] = {
    {&CommonStrings::__repr__, Slot::Repr, BinOp::Add},
    {&CommonStrings::__str__, Slot::Str, BinOp::Add},
    {&CommonStrings::__hash__, Slot::Hash, BinOp::Add},
    {&CommonStrings::__call__, Slot::Call, BinOp::Add},
    {&CommonStrings::__iter__, Slot::Iter, BinOp::Add},
    {&CommonStrings::__next__, Slot::Next, BinOp::Add},
    {&CommonStrings::__len__, Slot::Len, BinOp::Add},
    {&CommonStrings::__getitem__, Slot::GetItem, BinOp::Add},
    {&CommonStrings::__setitem__, Slot::SetItem, BinOp::Add},
    {&CommonStrings::__delitem__, Slot::DelItem, BinOp::Add},
    {&CommonStrings::__contains__, Slot::Contains, BinOp::Add},
    {&CommonStrings::__bool__, Slot::Bool, BinOp::Add},
    {&CommonStrings::__init__, Slot::Init, BinOp::Add},
    {&CommonStrings::__lt__, Slot::Lt, BinOp::Add},
    {&CommonStrings::__le__, Slot::Le, BinOp::Add},
    {&CommonStrings::__eq__, Slot::Eq, BinOp::Add},
    {&CommonStrings::__ne__, Slot::Ne, BinOp::Add},
    {&CommonStrings::__gt__, Slot::Gt, BinOp::Add},
    {&CommonStrings::__ge__, Slot::Ge, BinOp::Add},
    {&CommonStrings::__neg__, Slot::Neg, BinOp::Add},
    {&CommonStrings::__pos__, Slot::Pos, BinOp::Add},
    {&CommonStrings::__invert__, Slot::Invert, BinOp::Add},
    {&CommonStrings::__abs__, Slot::Abs, BinOp::Add},
    {&CommonStrings::__int__, Slot::Int, BinOp::Add},
    {&CommonStrings::__float__, Slot::Float, BinOp::Add},
    {&CommonStrings::__index__, Slot::Index, BinOp::Add},
    {&CommonStrings::__get__, Slot::Get, BinOp::Add},
    {&CommonStrings::__set__, Slot::Set, BinOp::Add},
    {&CommonStrings::__delete__, Slot::Delete, BinOp::Add},
    {&CommonStrings::__await__, Slot::Await, BinOp::Add},
    {&CommonStrings::__aiter__, Slot::AIter, BinOp::Add},
    {&CommonStrings::__anext__, Slot::ANext, BinOp::Add},
    {&CommonStrings::__setattr__, Slot::SetAttr, BinOp::Add},
    {&CommonStrings::__delattr__, Slot::DelAttr, BinOp::Add},
    {&CommonStrings::__getattr__, Slot::GetAttr, BinOp::Add},
    GILT_NB(__add__, __radd__, __iadd__, Add),
    GILT_NB(__sub__, __rsub__, __isub__, Sub),
    GILT_NB(__mul__, __rmul__, __imul__, Mul),
    GILT_NB(__matmul__, __rmatmul__, __imatmul__, MatMul),
    GILT_NB(__truediv__, __rtruediv__, __itruediv__, TrueDiv),
    GILT_NB(__floordiv__, __rfloordiv__, __ifloordiv__, FloorDiv),
    GILT_NB(__mod__, __rmod__, __imod__, Mod),
    GILT_NB(__pow__, __rpow__, __ipow__, Pow),
    GILT_NB(__lshift__, __rlshift__, __ilshift__, LShift),
    GILT_NB(__rshift__, __rrshift__, __irshift__, RShift),
    GILT_NB(__and__, __rand__, __iand__, And),
    GILT_NB(__or__, __ror__, __ior__, Or),
    GILT_NB(__xor__, __rxor__, __ixor__, Xor),
};
#undef GILT_NB

CompareOp compare_of(Slot s) {
    switch (s) {
        case Slot::Lt:
            return CompareOp::Lt;
        case Slot::Le:
            return CompareOp::Le;
        case Slot::Eq:
            return CompareOp::Eq;
        case Slot::Ne:
            return CompareOp::Ne;
        case Slot::Gt:
            return CompareOp::Gt;
        default:
            return CompareOp::Ge;
    }
}

// --- which slot pointer a SlotDef names ---

// Returns the address of the function pointer for `d` in `t`, type-erased.
void** slot_address(TypeObject* t, const SlotDef& d) {
    auto p = [](auto& field) { return reinterpret_cast<void**>(&field); };
    switch (d.slot) {
        case Slot::Repr:
            return p(t->repr);
        case Slot::Str:
            return p(t->str);
        case Slot::Hash:
            return p(t->hash);
        case Slot::Call:
            return p(t->call);
        case Slot::Iter:
            return p(t->iter);
        case Slot::Next:
            return p(t->iternext);
        case Slot::Len:
            return p(t->len);
        case Slot::GetItem:
            return p(t->getitem);
        case Slot::SetItem:
        case Slot::DelItem:
            return p(t->setitem);
        case Slot::Contains:
            return p(t->contains);
        case Slot::Bool:
            return p(t->bool_);
        case Slot::Init:
            return p(t->init);
        case Slot::Lt:
        case Slot::Le:
        case Slot::Eq:
        case Slot::Ne:
        case Slot::Gt:
        case Slot::Ge:
            return p(t->richcompare);
        case Slot::Neg:
            return p(t->nb_neg);
        case Slot::Pos:
            return p(t->nb_pos);
        case Slot::Invert:
            return p(t->nb_invert);
        case Slot::Abs:
            return p(t->nb_abs);
        case Slot::Int:
            return p(t->nb_int);
        case Slot::Float:
            return p(t->nb_float);
        case Slot::Index:
            return p(t->nb_index);
        case Slot::Get:
            return p(t->descr_get);
        case Slot::Set:
        case Slot::Delete:
            return p(t->descr_set);
        case Slot::Await:
            return p(t->await_);
        case Slot::AIter:
            return p(t->aiter);
        case Slot::ANext:
            return p(t->anext);
        case Slot::SetAttr:
        case Slot::DelAttr:
            return p(t->setattr);
        case Slot::GetAttr:
            return p(t->getattr);
        case Slot::Binary:
        case Slot::RBinary:
            return p(t->nb[static_cast<int>(d.op)]);
        case Slot::InPlace:
            return p(t->nb_inplace[static_cast<int>(d.op)]);
    }
    return nullptr;
}

// --- wrappers: calling a builtin's slot through its dunder ---

Value none_or_null(int status) {
    return status < 0 ? Value() : Value::none();
}

// The argument checks of CPython's wrappers, which word them two ways: the
// unary, binary and comparison ones count with check_num_args ("expected 1
// argument, got 0"); those that unpack several (setitem, setattr, __set__,
// __get__, pow, the in-place repeats) go through PyArg_UnpackTuple with an
// empty name, hence the leading space (" expected 2 arguments, got 1").
// `min` and `max` count the arguments after self.
bool wrapper_args(ThreadState& ts, Args a, uint32_t min, uint32_t max, bool unpacked,
                  const char* name) {
    if (a.kw_count() != 0) {
        raise_fmt(ts, ts.exc_types().TypeError, "wrapper {}() takes no keyword arguments", name);
        return false;
    }
    uint32_t got = a.n - 1;
    if (got >= min && got <= max) return true;
    uint32_t n = got < min ? min : max;
    const char* bound = min == max ? "" : got < min ? "at least " : "at most ";
    raise_fmt(ts, ts.exc_types().TypeError, "{}expected {}{} argument{}, got {}",
              unpacked ? " " : "", bound, n, n == 1 ? "" : "s", got);
    return false;
}

// x.__pow__(y, mod) and x.__rpow__(y, mod) (CPython's wrap_ternaryfunc):
// the builtin number types' three-argument power. int computes it (an
// operand that is not an int makes it NotImplemented), float refuses it,
// complex has no modulo.
Value ternary_pow(ThreadState& ts, TypeObject* t, Value base, Value exp, Value mod) {
    if (mod.is_none()) return t->nb[static_cast<int>(BinOp::Pow)](ts, base, exp);
    const BuiltinTypes& types = ts.types();
    if (type_is_subtype(t, types.int_)) {
        if (!is_int(base) || !is_int(exp) || !is_int(mod)) return Value::not_implemented();
        return int_pow_mod(ts, base, exp, mod);
    }
    if (type_is_subtype(t, types.complex))
        return raise(ts, ts.exc_types().ValueError, "complex modulo");
    return raise(ts, ts.exc_types().TypeError,
                 "pow() 3rd argument not allowed unless all arguments are integers");
}

// T.__getitem__ of list and dict is a plain one-argument method in CPython
// (it coexists with the slot), so its count error is worded as one.
bool getitem_args(ThreadState& ts, TypeObject* t, Args a) {
    if (a.kw_count() == 0 && a.n != 2 && (t == ts.types().list || t == ts.types().dict)) {
        raise_fmt(ts, ts.exc_types().TypeError,
                  "{}.__getitem__() takes exactly one argument ({} given)", t->name_cstr, a.n - 1);
        return false;
    }
    return wrapper_args(ts, a, 1, 1, false, "__getitem__");
}

Value call_wrapped(ThreadState& ts, TypeObject* t, const SlotDef& d, Args a) {
    const char* nm = str_cstr_unsafe(ts.names().*d.name);
    if (d.slot == Slot::Init || d.slot == Slot::Call) {
        Args rest = a.drop_first();
        if (d.slot == Slot::Call) return t->call(ts, a[0], rest);
        return none_or_null(t->init(ts, a[0], rest));
    }
    bool pow = (d.slot == Slot::Binary || d.slot == Slot::RBinary) && d.op == BinOp::Pow;
    uint32_t min = 0, max = 0;
    bool unpacked = false;
    switch (d.slot) {
        case Slot::GetItem:
            if (!getitem_args(ts, t, a)) return Value();
            min = max = 1;
            break;
        case Slot::DelItem:
        case Slot::Contains:
        case Slot::Lt:
        case Slot::Le:
        case Slot::Eq:
        case Slot::Ne:
        case Slot::Gt:
        case Slot::Ge:
        case Slot::Binary:
        case Slot::RBinary:
        case Slot::InPlace:
        case Slot::DelAttr:
        case Slot::GetAttr:
        case Slot::Delete:
            min = max = 1;
            break;
        case Slot::SetItem:
        case Slot::SetAttr:
        case Slot::Set:
            min = max = 2;
            unpacked = true;
            break;
        case Slot::Get:
            min = 1;
            max = 2;
            unpacked = true;
            break;
        default:
            break;
    }
    // pow takes an optional modulus; the builtins' in-place `*=` is a
    // sequence's repeat (wrap_indexargfunc), both unpacked.
    if (pow) max = 2;
    if (pow || (d.slot == Slot::InPlace && d.op == BinOp::Mul)) unpacked = true;
    if (!wrapper_args(ts, a, min, max, unpacked, nm)) return Value();
    if (pow && a.n == 3) {
        if (d.slot == Slot::Binary) return ternary_pow(ts, t, a[0], a[1], a[2]);
        return ternary_pow(ts, t, a[1], a[0], a[2]);
    }
    Value s = a[0];
    switch (d.slot) {
        case Slot::Repr:
            return t->repr(ts, s);
        case Slot::Str:
            return t->str(ts, s);
        case Slot::Hash: {
            int64_t h;
            if (!t->hash(ts, s, &h)) return Value();
            return make_int(ts, h);
        }
        case Slot::Iter:
            return t->iter(ts, s);
        case Slot::Next: {
            Value r = t->iternext(ts, s);
            if (r.is_null() && !ts.has_exception())
                return raise_object(ts, val(ts.exc_types().StopIteration));
            return r;
        }
        case Slot::Len: {
            int64_t n = t->len(ts, s);
            return n < 0 ? Value() : make_int(ts, n);
        }
        case Slot::GetItem:
            return t->getitem(ts, s, a[1]);
        case Slot::SetItem:
            return none_or_null(t->setitem(ts, s, a[1], a[2]));
        case Slot::DelItem:
            return none_or_null(t->setitem(ts, s, a[1], Value()));
        case Slot::Contains: {
            int r = t->contains(ts, s, a[1]);
            return r < 0 ? Value() : Value::boolean(r);
        }
        case Slot::Bool: {
            int r = t->bool_(ts, s);
            return r < 0 ? Value() : Value::boolean(r);
        }
        case Slot::Lt:
        case Slot::Le:
        case Slot::Eq:
        case Slot::Ne:
        case Slot::Gt:
        case Slot::Ge:
            return t->richcompare(ts, s, a[1], compare_of(d.slot));
        case Slot::Neg:
            return t->nb_neg(ts, s);
        case Slot::Pos:
            return t->nb_pos(ts, s);
        case Slot::Invert:
            return t->nb_invert(ts, s);
        case Slot::Abs:
            return t->nb_abs(ts, s);
        case Slot::Int:
            return t->nb_int(ts, s);
        case Slot::Float:
            return t->nb_float(ts, s);
        case Slot::Index:
            return t->nb_index(ts, s);
        case Slot::Get: {
            Value obj = a[1].is_none() ? Value() : a[1];
            Value owner = a.n == 3 && !a[2].is_none() ? a[2] : Value();
            if (obj.is_null() && owner.is_null())
                return raise(ts, ts.exc_types().TypeError, "__get__(None, None) is invalid");
            return t->descr_get(ts, s, obj, owner);
        }
        case Slot::Set:
            return none_or_null(t->descr_set(ts, s, a[1], a[2]));
        case Slot::Delete:
            return none_or_null(t->descr_set(ts, s, a[1], Value()));
        case Slot::Await:
            return t->await_(ts, s);
        case Slot::AIter:
            return t->aiter(ts, s);
        case Slot::ANext:
            return t->anext(ts, s);
        case Slot::SetAttr:
            return none_or_null(t->setattr(ts, s, a[1], a[2]));
        case Slot::DelAttr:
            return none_or_null(t->setattr(ts, s, a[1], Value()));
        case Slot::GetAttr:
            return t->getattr(ts, s, a[1]);
        case Slot::Binary:
            return t->nb[static_cast<int>(d.op)](ts, s, a[1]);
        case Slot::RBinary:
            return t->nb[static_cast<int>(d.op)](ts, a[1], s);
        case Slot::InPlace:
            return t->nb_inplace[static_cast<int>(d.op)](ts, s, a[1]);
        case Slot::Init:
        case Slot::Call:
            break;
    }
    return Value();
}

template <std::size_t I>
Value wrapper_fn(ThreadState& ts, TypeObject* owner, Args a) {
    return call_wrapped(ts, owner, kSlotDefs[I], a);
}

template <std::size_t... I>
constexpr auto make_wrapper_table(std::index_sequence<I...>) {
    return std::array<SlotWrapperFn, sizeof...(I)>{&wrapper_fn<I>...};
}
constexpr std::size_t kSlotCount = sizeof(kSlotDefs) / sizeof(kSlotDefs[0]);
const auto kWrappers = make_wrapper_table(std::make_index_sequence<kSlotCount>{});

// --- generic slots for user classes: look the dunder up and call it ---

Value call_dunder(ThreadState& ts, Value self, Value name, std::initializer_list<Value> args) {
    return call_special(ts, self, name, args);
}

Value slot_repr(ThreadState& ts, Value s) {
    return call_dunder(ts, s, ts.names().__repr__, {});
}
Value slot_str(ThreadState& ts, Value s) {
    return call_dunder(ts, s, ts.names().__str__, {});
}
Value slot_iter(ThreadState& ts, Value s) {
    return call_dunder(ts, s, ts.names().__iter__, {});
}
Value slot_call(ThreadState& ts, Value s, Args a) {
    Value f = lookup_special(ts, s, ts.names().__call__);
    if (f.is_null()) return raise_not_callable(ts, s);
    return call_bound_special(ts, f, s, a);
}
Value slot_iternext(ThreadState& ts, Value s) {
    Value r = call_dunder(ts, s, ts.names().__next__, {});
    if (r.is_null() && exception_matches(ts, ts.exc_types().StopIteration)) clear_exception(ts);
    return r;
}
bool slot_hash(ThreadState& ts, Value s, int64_t* out) {
    Value f = lookup_special(ts, s, ts.names().__hash__);
    if (f.is_null() || f.is_none()) {
        raise_unhashable(ts, s);
        return false;
    }
    Ref r(call_bound_special(ts, f, s, Args{}));
    if (!r) return false;
    if (!is_int(*r)) {
        raise(ts, ts.exc_types().TypeError, "__hash__ method should return an integer");
        return false;
    }
    int64_t h;
    if (!int_to_int64(*r, &h)) {
        Ref reduced(make_int(ts, int_hash(*r)));
        int_to_int64(*reduced, &h);
    }
    *out = (h == -1) ? -2 : h;
    return true;
}
int64_t slot_len(ThreadState& ts, Value s) {
    Ref r(call_dunder(ts, s, ts.names().__len__, {}));
    if (!r) return -1;
    if (!is_int(*r)) {
        raise_fmt(ts, ts.exc_types().TypeError, "'{}' object cannot be interpreted as an integer",
                  type_name(ts, *r));
        return -1;
    }
    int64_t n;
    if (!int_as_int64(ts, *r, &n)) return -1;
    if (n < 0) {
        raise(ts, ts.exc_types().ValueError, "__len__() should return >= 0");
        return -1;
    }
    return n;
}
Value slot_getitem(ThreadState& ts, Value s, Value k) {
    return call_dunder(ts, s, ts.names().__getitem__, {k});
}
int slot_setitem(ThreadState& ts, Value s, Value k, Value v) {
    Ref r(v.is_null() ? call_dunder(ts, s, ts.names().__delitem__, {k})
                      : call_dunder(ts, s, ts.names().__setitem__, {k, v}));
    return r ? 0 : -1;
}
int slot_contains(ThreadState& ts, Value s, Value item) {
    Value f = lookup_special(ts, s, ts.names().__contains__);
    if (f.is_null()) {
        // No __contains__ along the MRO: iterate (CPython's _PySequence_IterSearch).
        return iter_contains(ts, s, item);
    }
    Ref r(call_bound_special(ts, f, s, Args{&item, 1, nullptr}));
    if (!r) return -1;
    return obj_truthy(ts, *r);
}
int slot_bool(ThreadState& ts, Value s) {
    Value f = lookup_special(ts, s, ts.names().__bool__);
    if (f.is_null()) {
        TypeObject* t = type_of(ts, s);
        if (t->len) {
            int64_t n = t->len(ts, s);
            return n < 0 ? -1 : n > 0;
        }
        return 1;
    }
    Ref r(call_bound_special(ts, f, s, Args{}));
    if (!r) return -1;
    if (!r.get().is_bool()) {
        raise_fmt(ts, ts.exc_types().TypeError, "__bool__ should return bool, returned {}",
                  type_name(ts, *r));
        return -1;
    }
    return r.get().is_true();
}
int slot_init(ThreadState& ts, Value s, Args a) {
    Value f = lookup_special(ts, s, ts.names().__init__);
    if (f.is_null()) return 0;
    Ref r(call_bound_special(ts, f, s, a));
    if (!r) return -1;
    if (!r.get().is_none()) {
        raise_init_returned(ts, *r);
        return -1;
    }
    return 0;
}
Value slot_richcompare(ThreadState& ts, Value a, Value b, CompareOp op) {
    static constexpr Value CommonStrings::*kNames[] = {
        &CommonStrings::__lt__, &CommonStrings::__le__, &CommonStrings::__eq__,
        &CommonStrings::__ne__, &CommonStrings::__gt__, &CommonStrings::__ge__};
    Value f = lookup_special(ts, a, ts.names().*kNames[static_cast<int>(op)]);
    if (f.is_null()) return Value::not_implemented();
    return call_bound_special(ts, f, a, Args{&b, 1, nullptr});
}
Value slot_neg(ThreadState& ts, Value s) {
    return call_dunder(ts, s, ts.names().__neg__, {});
}
Value slot_pos(ThreadState& ts, Value s) {
    return call_dunder(ts, s, ts.names().__pos__, {});
}
Value slot_invert(ThreadState& ts, Value s) {
    return call_dunder(ts, s, ts.names().__invert__, {});
}
Value slot_abs(ThreadState& ts, Value s) {
    return call_dunder(ts, s, ts.names().__abs__, {});
}
Value slot_int(ThreadState& ts, Value s) {
    return call_dunder(ts, s, ts.names().__int__, {});
}
Value slot_float(ThreadState& ts, Value s) {
    return call_dunder(ts, s, ts.names().__float__, {});
}
Value slot_index(ThreadState& ts, Value s) {
    return call_dunder(ts, s, ts.names().__index__, {});
}
Value slot_await(ThreadState& ts, Value s) {
    return call_dunder(ts, s, ts.names().__await__, {});
}
Value slot_aiter(ThreadState& ts, Value s) {
    return call_dunder(ts, s, ts.names().__aiter__, {});
}
Value slot_anext(ThreadState& ts, Value s) {
    return call_dunder(ts, s, ts.names().__anext__, {});
}
Value slot_descr_get(ThreadState& ts, Value d, Value obj, Value type) {
    Value f = lookup_special(ts, d, ts.names().__get__);
    Value o = obj.is_null() ? Value::none() : obj;
    Value t = type.is_null() ? Value::none() : type;
    Value argv[2] = {o, t};
    return call_bound_special(ts, f, d, Args{argv, 2, nullptr});
}
int slot_descr_set(ThreadState& ts, Value d, Value obj, Value v) {
    Ref r(v.is_null() ? call_dunder(ts, d, ts.names().__delete__, {obj})
                      : call_dunder(ts, d, ts.names().__set__, {obj, v}));
    return r ? 0 : -1;
}
int slot_setattr(ThreadState& ts, Value s, Value name, Value v) {
    Ref r(v.is_null() ? call_dunder(ts, s, ts.names().__delattr__, {name})
                      : call_dunder(ts, s, ts.names().__setattr__, {name, v}));
    return r ? 0 : -1;
}
// __getattr__ is a fallback: the normal lookup runs first.
Value slot_getattr_hook(ThreadState& ts, Value s, Value name) {
    Value getattribute = lookup_special(ts, s, ts.names().__getattribute__);
    Value r;
    if (getattribute.is_null() || is_builtin_getattribute(ts, getattribute)) {
        r = generic_getattr(ts, s, name);
    } else {
        r = call_bound_special(ts, getattribute, s, Args{&name, 1, nullptr});
    }
    if (!r.is_null() || !exception_matches(ts, ts.exc_types().AttributeError)) return r;
    Value hook = lookup_special(ts, s, ts.names().__getattr__);
    if (hook.is_null()) return r;
    clear_exception(ts);
    return call_bound_special(ts, hook, s, Args{&name, 1, nullptr});
}

// Binary operators: CPython's SLOT1BINFULL. The same slot serves the left
// operand (__add__) and the right (__radd__): which one we are is told by
// whether type(a)'s slot is this very function.
template <int Op>
Value slot_nb(ThreadState& ts, Value a, Value b) {
    static const SlotDef* defs = nullptr;
    (void)defs;
    const CommonStrings& n = ts.names();
    static constexpr Value CommonStrings::*kOp[] = {
        &CommonStrings::__add__,    &CommonStrings::__sub__,     &CommonStrings::__mul__,
        &CommonStrings::__matmul__, &CommonStrings::__truediv__, &CommonStrings::__floordiv__,
        &CommonStrings::__mod__,    &CommonStrings::__pow__,     &CommonStrings::__lshift__,
        &CommonStrings::__rshift__, &CommonStrings::__and__,     &CommonStrings::__or__,
        &CommonStrings::__xor__};
    static constexpr Value CommonStrings::*kROp[] = {
        &CommonStrings::__radd__,    &CommonStrings::__rsub__,     &CommonStrings::__rmul__,
        &CommonStrings::__rmatmul__, &CommonStrings::__rtruediv__, &CommonStrings::__rfloordiv__,
        &CommonStrings::__rmod__,    &CommonStrings::__rpow__,     &CommonStrings::__rlshift__,
        &CommonStrings::__rrshift__, &CommonStrings::__rand__,     &CommonStrings::__ror__,
        &CommonStrings::__rxor__};
    TypeObject* ta = type_of(ts, a);
    TypeObject* tb = type_of(ts, b);
    BinarySlot self_fn = &slot_nb<Op>;
    bool do_other = ta != tb && tb->nb[Op] == self_fn;
    if (ta->nb[Op] == self_fn) {
        Value lf = lookup_special(ts, a, n.*kOp[Op]);
        if (do_other && type_is_subtype(tb, ta)) {
            Value rf = lookup_special(ts, b, n.*kROp[Op]);
            if (!rf.is_null() && rf != lookup_special(ts, a, n.*kROp[Op])) {
                Value r = call_bound_special(ts, rf, b, Args{&a, 1, nullptr});
                if (r.is_null() || !r.is_not_implemented()) return r;
                do_other = false;
            }
        }
        if (!lf.is_null()) {
            Value r = call_bound_special(ts, lf, a, Args{&b, 1, nullptr});
            if (r.is_null() || !r.is_not_implemented() || ta == tb) return r;
        }
    }
    if (do_other || (ta != tb && tb->nb[Op] == self_fn)) {
        Value rf = lookup_special(ts, b, n.*kROp[Op]);
        if (!rf.is_null()) return call_bound_special(ts, rf, b, Args{&a, 1, nullptr});
    }
    return Value::not_implemented();
}

template <int Op>
Value slot_nb_inplace(ThreadState& ts, Value a, Value b) {
    static constexpr Value CommonStrings::*kIOp[] = {
        &CommonStrings::__iadd__,    &CommonStrings::__isub__,     &CommonStrings::__imul__,
        &CommonStrings::__imatmul__, &CommonStrings::__itruediv__, &CommonStrings::__ifloordiv__,
        &CommonStrings::__imod__,    &CommonStrings::__ipow__,     &CommonStrings::__ilshift__,
        &CommonStrings::__irshift__, &CommonStrings::__iand__,     &CommonStrings::__ior__,
        &CommonStrings::__ixor__};
    Value f = lookup_special(ts, a, ts.names().*kIOp[Op]);
    if (f.is_null()) return Value::not_implemented();
    return call_bound_special(ts, f, a, Args{&b, 1, nullptr});
}

template <int... I>
constexpr std::array<BinarySlot, kBinOpCount> nb_table(std::integer_sequence<int, I...>) {
    return {&slot_nb<I>...};
}
template <int... I>
constexpr std::array<BinarySlot, kBinOpCount> nb_inplace_table(std::integer_sequence<int, I...>) {
    return {&slot_nb_inplace<I>...};
}
constexpr auto kNbSlots = nb_table(std::make_integer_sequence<int, kBinOpCount>{});
constexpr auto kNbInplaceSlots = nb_inplace_table(std::make_integer_sequence<int, kBinOpCount>{});

void* generic_slot(const SlotDef& d) {
    auto v = [](auto fn) { return reinterpret_cast<void*>(fn); };
    switch (d.slot) {
        case Slot::Repr:
            return v(&slot_repr);
        case Slot::Str:
            return v(&slot_str);
        case Slot::Hash:
            return v(&slot_hash);
        case Slot::Call:
            return v(&slot_call);
        case Slot::Iter:
            return v(&slot_iter);
        case Slot::Next:
            return v(&slot_iternext);
        case Slot::Len:
            return v(&slot_len);
        case Slot::GetItem:
            return v(&slot_getitem);
        case Slot::SetItem:
        case Slot::DelItem:
            return v(&slot_setitem);
        case Slot::Contains:
            return v(&slot_contains);
        case Slot::Bool:
            return v(&slot_bool);
        case Slot::Init:
            return v(&slot_init);
        case Slot::Lt:
        case Slot::Le:
        case Slot::Eq:
        case Slot::Ne:
        case Slot::Gt:
        case Slot::Ge:
            return v(&slot_richcompare);
        case Slot::Neg:
            return v(&slot_neg);
        case Slot::Pos:
            return v(&slot_pos);
        case Slot::Invert:
            return v(&slot_invert);
        case Slot::Abs:
            return v(&slot_abs);
        case Slot::Int:
            return v(&slot_int);
        case Slot::Float:
            return v(&slot_float);
        case Slot::Index:
            return v(&slot_index);
        case Slot::Get:
            return v(&slot_descr_get);
        case Slot::Set:
        case Slot::Delete:
            return v(&slot_descr_set);
        case Slot::Await:
            return v(&slot_await);
        case Slot::AIter:
            return v(&slot_aiter);
        case Slot::ANext:
            return v(&slot_anext);
        case Slot::SetAttr:
        case Slot::DelAttr:
            return v(&slot_setattr);
        case Slot::GetAttr:
            return v(&slot_getattr_hook);
        case Slot::Binary:
        case Slot::RBinary:
            return v(kNbSlots[static_cast<int>(d.op)]);
        case Slot::InPlace:
            return v(kNbInplaceSlots[static_cast<int>(d.op)]);
    }
    return nullptr;
}

// If `found` is a wrapper of slot `i`, the builtin slot it wraps; else null.
void* wrapped_builtin_slot(Value found, std::size_t i) {
    if (!found.is_object() || found.as_object()->kind != ObjKind::NativeFunction) return nullptr;
    auto* nf = reinterpret_cast<NativeFunctionObject*>(found.as_object());
    if (nf->wrapper != kWrappers[i]) return nullptr;
    return *slot_address(nf->owner, kSlotDefs[i]);
}

}  // namespace

// A user class's __new__ (a staticmethod in its dict): called with the class.
Value slot_new(ThreadState& ts, TypeObject* type, Args args) {
    Value f = type_lookup(type, ts.names().__new__);
    if (f.is_null()) return raise(ts, ts.exc_types().TypeError, "__new__ not found");
    Value fn = f;
    if (f.is_object() && f.as_object()->kind == ObjKind::StaticMethod)
        fn = reinterpret_cast<ClassMethodObject*>(f.as_object())->func;
    uint32_t total = args.n + args.kw_count();
    std::vector<Value> argv;
    argv.reserve(total + 1);
    argv.push_back(val(type));
    argv.insert(argv.end(), args.v, args.v + total);
    return obj_call(ts, fn, Args{argv.data(), args.n + 1, args.kwnames});
}

// `T.__new__(subtype, *args)` for a builtin T: T's new slot, checked as
// CPython's tp_new_wrapper does.
Value new_wrapper(ThreadState& ts, TypeObject* owner, Args args) {
    if (args.n < 1) {
        return raise_fmt(ts, ts.exc_types().TypeError, "{}.__new__(): not enough arguments",
                         owner->name_cstr);
    }
    Value sub = args[0];
    if (!sub.is_object() || sub.as_object()->kind != ObjKind::Type) {
        return raise_fmt(ts, ts.exc_types().TypeError, "{}.__new__(X): X is not a type object ({})",
                         owner->name_cstr, type_name(ts, sub));
    }
    auto* subtype = reinterpret_cast<TypeObject*>(sub.as_object());
    if (!type_is_subtype(subtype, owner)) {
        return raise_fmt(ts, ts.exc_types().TypeError, "{}.__new__({}): {} is not a subtype of {}",
                         owner->name_cstr, subtype->name_cstr, subtype->name_cstr,
                         owner->name_cstr);
    }
    return owner->new_(ts, subtype, args.drop_first());
}

bool is_builtin_getattribute(ThreadState& ts, Value f) {
    (void)ts;
    return f.is_object() && f.as_object()->kind == ObjKind::NativeFunction;
}

void add_slot_wrappers(Interpreter& interp, TypeObject* t) {
    for (std::size_t i = 0; i < kSlotCount; ++i) {
        const SlotDef& d = kSlotDefs[i];
        if (d.slot == Slot::GetAttr) continue;
        void* mine = *slot_address(t, d);
        if (!mine) continue;
        if (t->base && *slot_address(t->base, d) == mine)
            continue;  // inherited: the base exposes it
        if (d.slot == Slot::Hash && mine == reinterpret_cast<void*>(&hash_not_implemented)) {
            type_set_attr_cstr(interp, t, "__hash__", Value::none());
            continue;
        }
        Value name = interp.names.*d.name;
        if (!dict_get_str(val(t->dict), name).is_null()) continue;
        Value w = make_slot_wrapper(interp, t, str_cstr_unsafe(name), kWrappers[i]);
        type_set_attr_cstr(interp, t, str_cstr_unsafe(name), w);
        decref(w);
    }
    if (t->new_ && (!t->base || t->base->new_ != t->new_) &&
        dict_get_str(val(t->dict), interp.names.__new__).is_null()) {
        Value w = make_slot_wrapper(interp, t, "__new__", &new_wrapper);
        Value sm = make_staticmethod(interp.main_thread(), w);
        type_set_attr_cstr(interp, t, "__new__", sm);
        decref(sm);
        decref(w);
    }
    if (t->getattr == &generic_getattr && !t->base) {
        // object.__getattribute__
        Value w = make_slot_wrapper(interp, t, "__getattribute__", &getattribute_wrapper);
        type_set_attr_cstr(interp, t, "__getattribute__", w);
        decref(w);
    }
}

void inherit_slots(TypeObject* t, const TypeObject* base) {
    if (!base) return;
#define GILT_INHERIT(f)            \
    do {                           \
        if (!t->f) t->f = base->f; \
    } while (0)
    GILT_INHERIT(repr);
    GILT_INHERIT(str);
    GILT_INHERIT(hash);
    GILT_INHERIT(richcompare);
    GILT_INHERIT(call);
    GILT_INHERIT(getattr);
    GILT_INHERIT(setattr);
    GILT_INHERIT(descr_get);
    GILT_INHERIT(descr_set);
    GILT_INHERIT(new_);
    GILT_INHERIT(init);
    GILT_INHERIT(iter);
    GILT_INHERIT(iternext);
    GILT_INHERIT(len);
    GILT_INHERIT(getitem);
    GILT_INHERIT(setitem);
    GILT_INHERIT(contains);
    GILT_INHERIT(bool_);
    GILT_INHERIT(nb_neg);
    GILT_INHERIT(nb_pos);
    GILT_INHERIT(nb_invert);
    GILT_INHERIT(nb_abs);
    GILT_INHERIT(nb_int);
    GILT_INHERIT(nb_float);
    GILT_INHERIT(nb_index);
    GILT_INHERIT(await_);
    GILT_INHERIT(aiter);
    GILT_INHERIT(anext);
    GILT_INHERIT(buffer);
    GILT_INHERIT(dealloc);
    GILT_INHERIT(traverse);
    GILT_INHERIT(clear);
#undef GILT_INHERIT
    for (int i = 0; i < kBinOpCount; ++i) {
        if (!t->nb[i]) t->nb[i] = base->nb[i];
        if (!t->nb_inplace[i]) t->nb_inplace[i] = base->nb_inplace[i];
    }
}

void class_fill_slots(ThreadState& ts, TypeObject* t) {
    // Start from the base's slots, then let every dunder found decide.
    for (std::size_t i = 0; i < kSlotCount; ++i) {
        const SlotDef& d = kSlotDefs[i];
        Value found = type_lookup(t, ts.names().*d.name);
        void** addr = slot_address(t, d);
        if (found.is_null()) continue;
        if (d.slot == Slot::Hash && found.is_none()) {
            *addr = reinterpret_cast<void*>(&hash_not_implemented);
            continue;
        }
        void* builtin = wrapped_builtin_slot(found, i);
        void* generic = generic_slot(d);
        if (*addr == generic) continue;  // a sibling dunder (e.g. __radd__) already chose generic
        *addr = builtin ? builtin : generic;
    }
    Value nw = type_lookup(t, ts.names().__new__);
    if (!nw.is_null() && nw.is_object()) {
        Value fn = nw;
        if (fn.as_object()->kind == ObjKind::StaticMethod)
            fn = reinterpret_cast<ClassMethodObject*>(fn.as_object())->func;
        if (fn.is_object() && fn.as_object()->kind == ObjKind::Function) t->new_ = slot_new;
    }
    // __getattribute__ overridden in Python code, or __getattr__ anywhere: hook.
    Value ga = type_lookup(t, ts.names().__getattribute__);
    if (!ga.is_null() && !is_builtin_getattribute(ts, ga)) t->getattr = &slot_getattr_hook;
    // Instance deallocation calls __del__ (runtime/class.cpp); the flag spares
    // every other class an MRO lookup per freed instance.
    if (type_lookup(t, ts.names().__del__).is_null())
        t->flags &= ~kTypeHasFinalizer;
    else
        t->flags |= kTypeHasFinalizer;
}

bool init_is_python(const TypeObject* t) noexcept {
    return t->init == &slot_init;
}

void raise_init_returned(ThreadState& ts, Value r) {
    raise_fmt(ts, ts.exc_types().TypeError, "__init__() should return None, not '{}'",
              type_name(ts, r));
}

}  // namespace gilt
