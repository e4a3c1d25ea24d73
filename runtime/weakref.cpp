// weakref.ref objects (see weakref.hpp for where an object's weak
// references live).
//
// Invariants: a WeakrefObject with a non-null referent is listed in the
// table entry of that referent, and only then; the entry exists exactly
// while the referent has kObjHasWeakrefs. A weakref's callback runs when
// its referent is freed, with the weakref as argument, if the weakref is
// still alive then (CPython's handle_callback); errors are reported as
// unraisable. Weak references to the same object without callbacks are
// shared, as in CPython (`ref(o) is ref(o)`).
#include "runtime/weakref.hpp"
#include "runtime/module_state.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "runtime/abstract.hpp"
#include "runtime/errors.hpp"
#include "runtime/exception.hpp"
#include "runtime/gc.hpp"
#include "runtime/heap.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/str.hpp"
#include "runtime/type.hpp"

namespace gilt {

namespace {

WeakrefObject* wr_obj(Value v) noexcept {
    return reinterpret_cast<WeakrefObject*>(v.as_object());
}

std::unordered_map<Object*, std::vector<Object*>>& table(Interpreter& interp) {
    return interp.gc->weakrefs;
}

// Which objects CPython lets one weakly reference: those whose type has a
// weakref list. Builtin values (int, str, tuple, list, dict, exceptions,
// plain object()) do not; user classes do, unless their layout is
// variable-size (subclasses of int, str, tuple, bytes).
bool weakrefable(Value v) noexcept {
    if (!v.is_object()) return false;
    Object* o = v.as_object();
    if (o->type->flags & kTypeNoWeakref) return false;
    if (o->type->flags & kTypeHeap) {
        switch (o->kind) {
            case ObjKind::Int:
            case ObjKind::Str:
            case ObjKind::Tuple:
            case ObjKind::Bytes:
                return false;
            default:
                return true;
        }
    }
    switch (o->kind) {
        case ObjKind::Native:
        case ObjKind::Set:
        case ObjKind::FrozenSet:
        case ObjKind::Type:
        case ObjKind::Function:
        case ObjKind::NativeFunction:
        case ObjKind::BoundMethod:
        case ObjKind::Code:
        case ObjKind::Module:
        case ObjKind::Generator:
        case ObjKind::Coroutine:
        case ObjKind::AsyncGenerator:
            return true;
        default:
            return false;
    }
}

// Removes `wr` from its referent's entry (the weakref is dying).
void unlink(WeakrefObject* wr) noexcept {
    Object* o = wr->referent;
    if (!o) return;
    wr->referent = nullptr;
    auto& t = table(*wr->hdr.type->interp);
    auto it = t.find(o);
    if (it == t.end()) return;
    auto& refs = it->second;
    refs.erase(std::remove(refs.begin(), refs.end(), &wr->hdr), refs.end());
    if (refs.empty()) {
        t.erase(it);
        o->flags &= static_cast<uint8_t>(~kObjHasWeakrefs);
    }
}

void weakref_dealloc(Object* o) {
    auto* wr = reinterpret_cast<WeakrefObject*>(o);
    unlink(wr);
    clear_ref(wr->callback);
    free_object(o);
}

void weakref_traverse(Object* o, VisitFn visit, void* ctx) {
    Value cb = reinterpret_cast<WeakrefObject*>(o)->callback;
    if (!cb.is_null()) visit(cb, ctx);
}

void weakref_clear(Object* o) {
    clear_ref(reinterpret_cast<WeakrefObject*>(o)->callback);
}

Value weakref_new_slot(ThreadState& ts, TypeObject* type, Args args) {
    uint32_t n = args.n - args.kw_count();
    if (n < 1 || n > 2) {
        if (n < 1)
            return raise_fmt(ts, ts.exc_types().TypeError,
                             "__new__ expected at least 1 argument, got {}", n);
        if (type == weakref_type(ts.interp()))
            return raise_fmt(ts, ts.exc_types().TypeError,
                             "__new__ expected at most 2 arguments, got {}", n);
    }
    Value obj = args[0];
    Value cb = n >= 2 && !args[1].is_none() ? args[1] : Value();
    if (!weakrefable(obj))
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "cannot create weak reference to '{}' object", type_name(ts, obj));
    auto& refs = table(ts.interp())[obj.as_object()];
    if (cb.is_null() && type == weakref_type(ts.interp())) {
        for (Object* r : refs) {
            auto* w = reinterpret_cast<WeakrefObject*>(r);
            if (r->type == type && w->callback.is_null()) return new_ref(val(r));
        }
    }
    auto* wr = alloc_gc<WeakrefObject>(type);
    if (!wr) {
        if (refs.empty()) table(ts.interp()).erase(obj.as_object());
        return raise_memory_error(ts);
    }
    wr->referent = obj.as_object();
    wr->callback = new_ref(cb);
    wr->hash = -1;
    refs.push_back(&wr->hdr);
    obj.as_object()->flags |= kObjHasWeakrefs;
    return val(wr);
}

// Subclasses (WeakValueDictionary's KeyedRef) pass extra arguments to
// __init__; the base accepts and ignores them, as CPython's does.
int weakref_init(ThreadState&, Value, Args) {
    return 0;
}

Value weakref_call(ThreadState& ts, Value self, Args args) {
    if (args.n != 0)
        return raise_fmt(ts, ts.exc_types().TypeError, "weakref() takes no arguments ({} given)",
                         args.n);
    Value r = weakref_get(self);
    return r.is_null() ? Value::none() : new_ref(r);
}

bool weakref_hash(ThreadState& ts, Value self, int64_t* out) {
    WeakrefObject* wr = wr_obj(self);
    if (wr->hash != -1) {
        *out = wr->hash;
        return true;
    }
    if (!wr->referent) {
        raise(ts, ts.exc_types().TypeError, "weak object has gone away");
        return false;
    }
    Ref keep = Ref::borrow(val(wr->referent));
    if (!obj_hash(ts, *keep, out)) return false;
    wr->hash = *out;
    return true;
}

bool is_weakref(Value v) noexcept {
    return v.is_object() &&
           type_is_subtype(v.as_object()->type, weakref_type(*v.as_object()->type->interp));
}

// Live references compare their referents; a dead one equals only itself.
Value weakref_richcompare(ThreadState& ts, Value a, Value b, CompareOp op) {
    if ((op != CompareOp::Eq && op != CompareOp::Ne) || !is_weakref(a) || !is_weakref(b))
        return Value::not_implemented();
    Value ra = weakref_get(a), rb = weakref_get(b);
    if (ra.is_null() || rb.is_null()) return Value::boolean((a == b) == (op == CompareOp::Eq));
    Ref ka = Ref::borrow(ra), kb = Ref::borrow(rb);
    return rich_compare(ts, ra, rb, op);
}

Value weakref_repr(ThreadState& ts, Value self) {
    const void* addr = self.as_object();
    Value r = weakref_get(self);
    if (r.is_null()) return make_str(ts, fmt::format("<weakref at {}; dead>", addr));
    return make_str(ts, fmt::format("<weakref at {}; to '{}' at {}>", addr, type_name(ts, r),
                                    static_cast<const void*>(r.as_object())));
}

Value weakref_get_callback(ThreadState&, Value self) {
    Value cb = wr_obj(self)->callback;
    return cb.is_null() ? Value::none() : new_ref(cb);
}

constexpr GetSetDef kWeakrefGetSets[] = {
    {"__callback__", weakref_get_callback},
};

TypeObject* new_weakref_type(Interpreter& interp) {
    TypeObject* t =
        type_alloc_builtin(interp, "ReferenceType", ObjKind::Native, sizeof(WeakrefObject),
                           interp.types.object, kTypeBaseType | kTypeHasGc);
    t->hdr.type = interp.types.type;
    t->dealloc = weakref_dealloc;
    t->traverse = weakref_traverse;
    t->clear = weakref_clear;
    t->new_ = weakref_new_slot;
    t->init = weakref_init;
    t->call = weakref_call;
    t->hash = weakref_hash;
    t->richcompare = weakref_richcompare;
    t->repr = weakref_repr;
    type_add_getsets(interp, t, kWeakrefGetSets);
    Ref mod(interp.intern("weakref"));
    type_set_attr_cstr(interp, t, "__module__", *mod);
    type_ready(interp, t);
    return t;
}

void run_callback(ThreadState& ts, Object* wr_o) {
    auto* wr = reinterpret_cast<WeakrefObject*>(wr_o);
    Ref cb = Ref::borrow(wr->callback);
    Value arg = val(wr_o);
    Ref r(obj_call(ts, *cb, Args{&arg, 1}));
    if (!r) write_unraisable(ts, *cb);
}

}  // namespace

TypeObject* weakref_type(Interpreter& interp) {
    return module_state<TypeObject*>(interp, "_weakref.ref",
                                     [&](TypeObject*& t) { t = new_weakref_type(interp); });
}

Value weakref_new(ThreadState& ts, Value obj, Value callback) {
    Value args[2] = {obj, callback.is_null() ? Value::none() : callback};
    return weakref_new_slot(ts, weakref_type(ts.interp()), Args{args, 2});
}

Value weakref_get(Value wr) noexcept {
    Object* o = wr_obj(wr)->referent;
    return o ? val(o) : Value();
}

int64_t weakref_count(Interpreter& interp, Value obj) noexcept {
    if (!obj.is_object() || !(obj.as_object()->flags & kObjHasWeakrefs)) return 0;
    auto it = table(interp).find(obj.as_object());
    return it == table(interp).end() ? 0 : static_cast<int64_t>(it->second.size());
}

std::vector<Object*> take_weakrefs(Interpreter& interp, Object* referent) noexcept {
    auto it = table(interp).find(referent);
    if (it == table(interp).end()) return {};
    std::vector<Object*> refs = std::move(it->second);
    table(interp).erase(it);
    for (Object* r : refs) reinterpret_cast<WeakrefObject*>(r)->referent = nullptr;
    std::reverse(refs.begin(), refs.end());
    return refs;
}

bool weakref_calls_back(Object* wr) noexcept {
    return !reinterpret_cast<WeakrefObject*>(wr)->callback.is_null() && wr->refcnt > 0;
}

void run_weakref_callbacks(Interpreter& interp, const std::vector<Object*>& refs) noexcept {
    if (refs.empty()) return;
    ThreadState* ts = ThreadState::current(interp);
    Value saved = ts ? fetch_exception(*ts) : Value();
    for (Object* r : refs) {
        if (ts) run_callback(*ts, r);
        decref(r);
    }
    if (ts) restore_exception(*ts, saved);
}

void weakref_clear_referent(Interpreter& interp, Object* dead) noexcept {
    std::vector<Object*> pending;
    for (Object* r : take_weakrefs(interp, dead))
        if (weakref_calls_back(r)) pending.push_back(new_ref(r));
    run_weakref_callbacks(interp, pending);
}

}  // namespace gilt
