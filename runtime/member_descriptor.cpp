// member_descriptor: `__slots__` members (see member_descriptor.hpp).
//
// Reading a slot that was never set (or was deleted) raises AttributeError
// "'C' object has no attribute 'x'"; deleting one raises AttributeError with
// the bare name, as CPython 3.11 does. The receiver must be an instance of
// the owner class ("descriptor 'x' for 'C' objects doesn't apply to a 'int'
// object").
#include "runtime/member_descriptor.hpp"

#include "runtime/abstract.hpp"
#include "runtime/errors.hpp"
#include "runtime/heap.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/str.hpp"

namespace gilt {

namespace {

MemberDescrObject* mdo(Value v) {
    return as<MemberDescrObject>(v);
}

Value* member_slot(MemberDescrObject* d, Value obj) {
    return reinterpret_cast<Value*>(reinterpret_cast<char*>(obj.as_object()) + d->offset);
}

bool member_check(ThreadState& ts, MemberDescrObject* d, Value obj) {
    TypeObject* ot = type_of(ts, obj);
    if (ot == d->owner || type_is_subtype(ot, d->owner)) return true;
    raise_fmt(ts, ts.exc_types().TypeError,
              "descriptor '{}' for '{}' objects doesn't apply to a '{}' object", str_view(d->name),
              d->owner->name_cstr, ot->name_cstr);
    return false;
}

Value member_get(ThreadState& ts, Value self, Value obj, Value) {
    MemberDescrObject* d = mdo(self);
    if (obj.is_null()) return new_ref(self);
    if (!member_check(ts, d, obj)) return Value();
    Value v = *member_slot(d, obj);
    if (v.is_null()) return raise_attribute_error(ts, obj, d->name);
    return new_ref(v);
}

int member_set(ThreadState& ts, Value self, Value obj, Value value) {
    MemberDescrObject* d = mdo(self);
    if (!member_check(ts, d, obj)) return -1;
    Value* slot = member_slot(d, obj);
    if (value.is_null() && slot->is_null()) {
        raise(ts, ts.exc_types().AttributeError, str_view(d->name));
        return -1;
    }
    set_ref(*slot, value.is_null() ? Value() : new_ref(value));
    return 0;
}

Value member_repr(ThreadState& ts, Value self) {
    MemberDescrObject* d = mdo(self);
    return make_str(
        ts, fmt::format("<member '{}' of '{}' objects>", str_view(d->name), d->owner->name_cstr));
}

void member_traverse(Object* o, VisitFn visit, void* ctx) {
    auto* d = reinterpret_cast<MemberDescrObject*>(o);
    if (d->owner) visit(val(d->owner), ctx);
    if (!d->doc.is_null()) visit(d->doc, ctx);
}

void member_clear(Object* o) {
    auto* d = reinterpret_cast<MemberDescrObject*>(o);
    if (TypeObject* t = d->owner) {
        d->owner = nullptr;
        decref(&t->hdr);
    }
    clear_ref(d->doc);
}

void member_dealloc(Object* o) {
    member_clear(o);
    clear_ref(reinterpret_cast<MemberDescrObject*>(o)->name);
    free_object(o);
}

Value member_get_name(ThreadState&, Value self) {
    return new_ref(mdo(self)->name);
}
Value member_get_qualname(ThreadState& ts, Value self) {
    MemberDescrObject* d = mdo(self);
    return make_str(ts, fmt::format("{}.{}", str_view(d->owner->qualname), str_view(d->name)));
}
Value member_get_objclass(ThreadState&, Value self) {
    return new_ref(val(mdo(self)->owner));
}
Value member_get_doc(ThreadState&, Value self) {
    Value doc = mdo(self)->doc;
    return doc.is_null() ? Value::none() : new_ref(doc);
}

constexpr GetSetDef kMemberGetSets[] = {
    {"__name__", member_get_name},
    {"__qualname__", member_get_qualname},
    {"__objclass__", member_get_objclass},
    {"__doc__", member_get_doc},
};

}  // namespace

Value make_member_descr(ThreadState& ts, TypeObject* owner, Value name, uint32_t offset,
                        Value doc) {
    auto* d = alloc_gc<MemberDescrObject>(ts.types().member_descriptor);
    if (!d) return raise_memory_error(ts);
    d->owner = new_ref(owner);
    d->name = new_ref(name);
    d->doc = doc.is_null() ? Value() : new_ref(doc);
    d->offset = offset;
    return val(d);
}

void define_member_descriptor_type(Interpreter& interp, TypeObject* t) {
    t->instance_kind = ObjKind::Native;
    t->basicsize = sizeof(MemberDescrObject);
    t->flags |= kTypeHasGc;
    t->dealloc = member_dealloc;
    t->traverse = member_traverse;
    t->clear = member_clear;
    t->repr = member_repr;
    t->descr_get = member_get;
    t->descr_set = member_set;
    type_add_getsets(interp, t, kMemberGetSets);
}

}  // namespace gilt
