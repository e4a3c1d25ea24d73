// Native functions and methods: builtin_function_or_method, and the slot
// wrappers wrapper_descriptor (`int.__add__`) and method-wrapper
// (`(1).__add__`), which share one layout and one set of slots.
//
// One object serves as CPython's builtin_function_or_method,
// method_descriptor and classmethod_descriptor: what it does when read
// from a class or an instance (descr_get) and whether a call prepends
// `self` follow from three fields:
//   owner == null            a function: never binds (`len`, module functions);
//   owner set, self == null  a method in a type's dict: binds on instance
//                            access; called unbound, args[0] is the receiver
//                            and is type-checked against owner;
//   self set                 bound: calls prepend self, unless
//                            kNativeModuleSelf says self is only the module
//                            shown by __self__.
// kMethodClass methods bind to the type instead of the instance.
#include "runtime/native_function.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "runtime/abstract.hpp"
#include "runtime/errors.hpp"
#include "runtime/heap.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"

namespace gilt {

namespace {

Value native_get_name(ThreadState& ts, Value self);
Value native_get_qualname(ThreadState& ts, Value self);
Value native_get_self(ThreadState& ts, Value self);
Value native_get_module(ThreadState& ts, Value self);
Value native_get_none(ThreadState& ts, Value self);
Value native_get_objclass(ThreadState& ts, Value self);

constexpr GetSetDef kNativeGetSets[] = {
    {"__name__", native_get_name},         {"__qualname__", native_get_qualname},
    {"__self__", native_get_self},         {"__module__", native_get_module},
    {"__doc__", native_get_none},          {"__text_signature__", native_get_none},
    {"__objclass__", native_get_objclass},
};

// Calls with more arguments than this copy them to the heap to prepend self.
constexpr uint32_t kSmallArgs = 8;

inline NativeFunctionObject* nf(Value v) noexcept {
    return reinterpret_cast<NativeFunctionObject*>(v.as_object());
}

// The kind is set here rather than taken from the type: methods of the
// types defined before builtin_function_or_method are created while its
// instance_kind is still unset.
NativeFunctionObject* alloc_native(TypeObject* type) {
    auto* f = alloc_gc<NativeFunctionObject>(type);
    if (f) f->hdr.kind = ObjKind::NativeFunction;
    return f;
}

[[noreturn]] void startup_oom() {
    std::fputs("gilt: out of memory creating builtin methods\n", stderr);
    std::abort();
}

bool passes_self(const NativeFunctionObject* f) noexcept {
    return !f->self.is_null() && !(f->flags & kNativeModuleSelf);
}

Value invoke(ThreadState& ts, NativeFunctionObject* f, Args args) {
    return f->fn ? f->fn(ts, args) : f->wrapper(ts, f->owner, args);
}

// The unbound-method receiver checks (CPython's descr_check and friends).
bool check_receiver(ThreadState& ts, NativeFunctionObject* f, Args args) {
    const char* owner = f->owner->name_cstr;
    TypeObject* TypeError = ts.exc_types().TypeError;
    // T.__new__(subtype, ...) receives a type; new_wrapper checks it.
    if (f->wrapper && std::string_view(f->name) == "__new__") return true;
    if (args.n == 0) {
        if (f->wrapper || (f->flags & kMethodClass)) {
            raise_fmt(ts, TypeError, "descriptor '{}' of '{}' object needs an argument", f->name,
                      owner);
        } else {
            raise_fmt(ts, TypeError, "unbound method {}.{}() needs an argument", owner, f->name);
        }
        return false;
    }
    Value self = args[0];
    if (f->flags & kMethodClass) {
        if (!self.is_object() || self.as_object()->kind != ObjKind::Type) {
            raise_fmt(ts, TypeError,
                      "descriptor '{}' for type '{}' needs a type, not a '{}' as arg 2", f->name,
                      owner, type_name(ts, self));
            return false;
        }
        if (!type_is_subtype(reinterpret_cast<TypeObject*>(self.as_object()), f->owner)) {
            raise_fmt(ts, TypeError, "descriptor '{}' requires a subtype of '{}' but received '{}'",
                      f->name, owner, reinterpret_cast<TypeObject*>(self.as_object())->name_cstr);
            return false;
        }
        return true;
    }
    TypeObject* st = type_of(ts, self);
    if (st == f->owner || type_is_subtype(st, f->owner)) return true;
    if (f->wrapper) {
        raise_fmt(ts, TypeError, "descriptor '{}' requires a '{}' object but received a '{}'",
                  f->name, owner, st->name_cstr);
    } else {
        raise_fmt(ts, TypeError, "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                  f->name, owner, st->name_cstr);
    }
    return false;
}

// Calls f with its bound self in front of args, on the stack when small.
Value call_with_self(ThreadState& ts, NativeFunctionObject* f, Args args) {
    uint32_t total = args.n + args.kw_count();
    Value small[kSmallArgs + 1];
    std::unique_ptr<Value[]> big;
    Value* argv = small;
    if (total > kSmallArgs) {
        big.reset(new Value[total + 1]);
        argv = big.get();
    }
    argv[0] = f->self;
    for (uint32_t i = 0; i < total; ++i) argv[i + 1] = args.v[i];
    return invoke(ts, f, Args{argv, args.n + 1, args.kwnames});
}

const void* address_of(Value v) {
    return reinterpret_cast<const void*>(v.bits());
}

// --- slots ---

void native_dealloc(Object* o) {
    auto* f = reinterpret_cast<NativeFunctionObject*>(o);
    clear_ref(f->self);
    clear_ref(f->module);
    free_object(o);
}

void native_traverse(Object* o, VisitFn visit, void* ctx) {
    auto* f = reinterpret_cast<NativeFunctionObject*>(o);
    if (!f->self.is_null()) visit(f->self, ctx);
    if (!f->module.is_null()) visit(f->module, ctx);
}

void native_clear(Object* o) {
    auto* f = reinterpret_cast<NativeFunctionObject*>(o);
    clear_ref(f->self);
    clear_ref(f->module);
}

Value native_repr(ThreadState& ts, Value self) {
    NativeFunctionObject* f = nf(self);
    if (f->wrapper) {
        if (f->self.is_null()) {
            return make_str(ts, fmt::format("<slot wrapper '{}' of '{}' objects>", f->name,
                                            f->owner->name_cstr));
        }
        return make_str(ts, fmt::format("<method-wrapper '{}' of {} object at {}>", f->name,
                                        type_name(ts, f->self), address_of(f->self)));
    }
    if (f->owner && !(f->flags & kMethodStatic)) {
        if (f->self.is_null()) {
            return make_str(
                ts, fmt::format("<method '{}' of '{}' objects>", f->name, f->owner->name_cstr));
        }
        return make_str(ts, fmt::format("<built-in method {} of {} object at {}>", f->name,
                                        type_name(ts, f->self), address_of(f->self)));
    }
    return make_str(ts, fmt::format("<built-in function {}>", f->name));
}

// CPython's meth_hash: the receiver's identity mixed with the function.
bool native_hash(ThreadState&, Value self, int64_t* out) {
    NativeFunctionObject* f = nf(self);
    auto fn_bits =
        f->fn ? reinterpret_cast<uintptr_t>(f->fn) : reinterpret_cast<uintptr_t>(f->wrapper);
    uint64_t x = f->self.bits();
    x = (x >> 4) | (x << 60);
    uint64_t y = (fn_bits >> 4) | (static_cast<uint64_t>(fn_bits) << 60);
    int64_t h = static_cast<int64_t>(x ^ y);
    *out = h == -1 ? -2 : h;
    return true;
}

Value native_richcompare(ThreadState& ts, Value a, Value b, CompareOp op) {
    if ((op != CompareOp::Eq && op != CompareOp::Ne) || !b.is_object() ||
        b.as_object()->kind != ObjKind::NativeFunction) {
        return Value::not_implemented();
    }
    (void)ts;
    NativeFunctionObject* x = nf(a);
    NativeFunctionObject* y = nf(b);
    bool eq = x->fn == y->fn && x->wrapper == y->wrapper && x->owner == y->owner &&
              x->self == y->self && std::strcmp(x->name, y->name) == 0;
    return Value::boolean(op == CompareOp::Eq ? eq : !eq);
}

Value native_descr_get(ThreadState& ts, Value descr, Value obj, Value type) {
    NativeFunctionObject* f = nf(descr);
    if (!f->self.is_null() || !f->owner || (f->flags & kMethodStatic)) return new_ref(descr);
    if (f->flags & kMethodClass) {
        Value cls = !type.is_null() ? type : val(type_of(ts, obj));
        return native_bind(ts, descr, cls);
    }
    if (obj.is_null()) return new_ref(descr);
    TypeObject* ot = type_of(ts, obj);
    if (ot != f->owner && !type_is_subtype(ot, f->owner)) {
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "descriptor '{}' for '{}' objects doesn't apply to a '{}' object", f->name,
                         f->owner->name_cstr, ot->name_cstr);
    }
    return native_bind(ts, descr, obj);
}

// --- attributes ---

Value native_get_name(ThreadState& ts, Value self) {
    return make_str(ts, nf(self)->name);
}

Value native_get_qualname(ThreadState& ts, Value self) {
    NativeFunctionObject* f = nf(self);
    if (!f->owner) return make_str(ts, f->name);
    return make_str(ts, fmt::format("{}.{}", f->owner->name_cstr, f->name));
}

Value native_get_self(ThreadState&, Value self) {
    NativeFunctionObject* f = nf(self);
    return f->self.is_null() ? Value::none() : new_ref(f->self);
}

Value native_get_module(ThreadState&, Value self) {
    NativeFunctionObject* f = nf(self);
    return f->module.is_null() ? Value::none() : new_ref(f->module);
}

Value native_get_none(ThreadState&, Value) {
    return Value::none();
}

Value native_get_objclass(ThreadState& ts, Value self) {
    NativeFunctionObject* f = nf(self);
    if (!f->owner) {
        return raise_fmt(ts, ts.exc_types().AttributeError,
                         "'{}' object has no attribute '__objclass__'", type_name(ts, self));
    }
    return new_ref(val(f->owner));
}

void fill_native_slots(Interpreter& interp, TypeObject* t) {
    t->instance_kind = ObjKind::NativeFunction;
    t->basicsize = sizeof(NativeFunctionObject);
    t->flags |= kTypeHasGc;
    t->dealloc = native_dealloc;
    t->traverse = native_traverse;
    t->clear = native_clear;
    t->repr = native_repr;
    t->hash = native_hash;
    t->richcompare = native_richcompare;
    t->call = native_call;
    t->descr_get = native_descr_get;
    t->getattr = generic_getattr;
    type_add_getsets(interp, t, kNativeGetSets);
}

}  // namespace

uint32_t Args::kw_count() const noexcept {
    return kwnames ? static_cast<uint32_t>(kwnames->size) : 0;
}

Value make_native_function(ThreadState& ts, const char* name, NativeFn fn, Value module) {
    NativeFunctionObject* f = alloc_native(ts.types().builtin_function);
    if (!f) return raise_memory_error(ts);
    f->name = name;
    f->fn = fn;
    f->module = new_ref(module);
    return val(f);
}

Value make_native_method(Interpreter& interp, TypeObject* owner, const MethodDef& def) {
    NativeFunctionObject* f = alloc_native(interp.types.builtin_function);
    if (!f) startup_oom();
    f->name = def.name;
    f->fn = def.fn;
    f->flags = def.flags;
    f->owner = owner;
    return val(f);
}

Value make_slot_wrapper(Interpreter& interp, TypeObject* owner, const char* name,
                        SlotWrapperFn fn) {
    NativeFunctionObject* f = alloc_native(interp.types.wrapper_descriptor);
    if (!f) startup_oom();
    f->name = name;
    f->wrapper = fn;
    f->owner = owner;
    return val(f);
}

Value native_bind(ThreadState& ts, Value func, Value self) {
    NativeFunctionObject* f = nf(func);
    NativeFunctionObject* b =
        alloc_native(f->wrapper ? ts.types().method_wrapper : ts.types().builtin_function);
    if (!b) return raise_memory_error(ts);
    b->name = f->name;
    b->fn = f->fn;
    b->wrapper = f->wrapper;
    b->flags = f->flags & ~kNativeModuleSelf;
    b->self = new_ref(self);
    b->owner = f->owner;
    b->module = new_ref(f->module);
    return val(b);
}

Value native_call(ThreadState& ts, Value func, Args args) {
    NativeFunctionObject* f = nf(func);
    if (passes_self(f)) return call_with_self(ts, f, args);
    if (f->owner && f->self.is_null() && !(f->flags & kMethodStatic) &&
        !check_receiver(ts, f, args))
        return Value();
    return invoke(ts, f, args);
}

void define_builtin_function_type(Interpreter& interp, TypeObject* t) {
    fill_native_slots(interp, t);
}
void define_wrapper_descriptor_type(Interpreter& interp, TypeObject* t) {
    fill_native_slots(interp, t);
}
void define_method_wrapper_type(Interpreter& interp, TypeObject* t) {
    fill_native_slots(interp, t);
}

}  // namespace gilt
