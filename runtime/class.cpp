// User classes: what a `class` statement (or type(name, bases, dict))
// builds.
//
// Layout: a class inherits the instance layout of its "solid base", the
// nearest builtin type in its bases (object -> InstanceObject; list ->
// ListObject; an exception -> ExceptionObject). If that layout has no
// __dict__ slot, one Value is appended after it. Variable-size layouts (str,
// bytes, tuple) cannot take one at a fixed offset: their subclasses' instances
// keep it after their items (var_instance_dict_slot). Slots come from class_fill_slots
// (runtime/slots.cpp); deallocation goes through subtype_dealloc, which
// releases the appended __dict__ and then defers to the solid base.
#include <algorithm>
#include <cstddef>
#include <vector>

#include "runtime/abstract.hpp"
#include "runtime/bytes.hpp"
#include "runtime/descriptors.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/exception.hpp"
#include "runtime/function.hpp"
#include "runtime/gc.hpp"
#include "runtime/heap.hpp"
#include "runtime/instance.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/slots.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "runtime/type.hpp"

namespace gilt {

// --- subclass registry ---

std::vector<TypeObject*> type_subclasses(const TypeObject* t) {
    return t->links ? t->links->subclasses : std::vector<TypeObject*>{};
}

namespace {

SubclassLinks& links_of(TypeObject* t) {
    if (!t->links) t->links = new SubclassLinks();
    return *t->links;
}

void erase_ptr(std::vector<TypeObject*>& v, TypeObject* t) {
    v.erase(std::remove(v.begin(), v.end(), t), v.end());
}

}  // namespace

void register_subclass(TypeObject* base, TypeObject* sub) {
    links_of(base).subclasses.push_back(sub);
    links_of(sub).bases.push_back(base);
}

void forget_subclass(TypeObject* t) {
    if (!t->links) return;
    for (TypeObject* b : t->links->bases)
        if (b->links) erase_ptr(b->links->subclasses, t);
    for (TypeObject* s : t->links->subclasses)
        if (s->links) erase_ptr(s->links->bases, t);
    delete t->links;
    t->links = nullptr;
}

Value* var_instance_dict_slot(Object* o) noexcept {
    uint64_t offset = 0;
    switch (o->kind) {
        case ObjKind::Str:
            offset = str_dict_offset(reinterpret_cast<StrObject*>(o)->byte_len);
            break;
        case ObjKind::Bytes:
            offset = bytes_dict_offset(reinterpret_cast<BytesObject*>(o)->size);
            break;
        case ObjKind::Tuple:
            offset = tuple_dict_offset(reinterpret_cast<TupleObject*>(o)->size);
            break;
        default:
            return nullptr;
    }
    return reinterpret_cast<Value*>(reinterpret_cast<char*>(o) + offset);
}

namespace {

// The nearest builtin type: its slots free and traverse instances of `t`.
TypeObject* solid_base(TypeObject* t) {
    while (t->flags & kTypeHeap) t = t->base;
    return t;
}

// The type that fixes the instance layout (CPython's solid_base): builtin
// types that add no fields share their base's layout, so (OSError,
// ValueError) combine while (list, dict) conflict.
TypeObject* layout_base(TypeObject* t) {
    t = solid_base(t);
    while (t->base && t->basicsize == t->base->basicsize &&
           t->instance_kind == t->base->instance_kind)
        t = t->base;
    return t;
}

// CPython's slot_tp_finalize as subtype_dealloc calls it (PEP 442): runs
// __del__ once, with the object temporarily alive again (refcnt 1) and the
// thread's pending exception set aside. Returns true if __del__ resurrected
// the object (stored a reference somewhere): it must not be freed then. A
// thread without a ThreadState (a host thread, or a thread whose state is
// already gone) cannot run Python code: the finalizer is skipped.
bool call_finalizer(Object* o) {
    Interpreter& interp = *o->type->interp;
    ThreadState* ts = ThreadState::current(interp);
    if (!ts) return false;
    Value del = type_lookup(o->type, interp.names.__del__);
    if (del.is_null()) return false;
    o->flags |= kObjDelCalled;
    o->refcnt = 1;
    {
        Ref keep = Ref::borrow(del);
        Value saved = fetch_exception(*ts);
        Ref r(call_bound_special(*ts, del, Value::object(o), Args{}));
        if (!r) write_unraisable(*ts, del);
        restore_exception(*ts, saved);
    }
    return --o->refcnt != 0;
}

void subtype_dealloc(Object* o) {
    if ((o->type->flags & kTypeHasFinalizer) && !(o->flags & kObjDelCalled) && call_finalizer(o))
        return;
    TypeObject* solid = solid_base(o->type);
    Value* d = instance_dict_slot(o);
    if (d && !(solid->dict_offset == o->type->dict_offset && solid->dict_offset != 0))
        clear_ref(*d);
    solid->dealloc(o);
}

void subtype_traverse(Object* o, VisitFn visit, void* ctx) {
    TypeObject* solid = solid_base(o->type);
    Value* d = instance_dict_slot(o);
    if (d && !(solid->dict_offset == o->type->dict_offset && solid->dict_offset != 0) &&
        !d->is_null())
        visit(*d, ctx);
    visit(val(o->type), ctx);
    if (solid->traverse) solid->traverse(o, visit, ctx);
}

void subtype_clear(Object* o) {
    TypeObject* solid = solid_base(o->type);
    Value* d = instance_dict_slot(o);
    if (d && !(solid->dict_offset == o->type->dict_offset && solid->dict_offset != 0))
        clear_ref(*d);
    if (solid->clear) solid->clear(o);
}

// C3 linearisation (the MRO algorithm of Python 2.3+).
Value compute_mro(ThreadState& ts, TypeObject* t, Value bases) {
    std::vector<std::vector<TypeObject*>> seqs;
    TupleObject* b = tuple_obj(bases);
    for (uint64_t i = 0; i < b->size; ++i) {
        auto* base = reinterpret_cast<TypeObject*>(b->items[i].as_object());
        TupleObject* m = tuple_obj(base->mro);
        std::vector<TypeObject*> s;
        for (uint64_t j = 0; j < m->size; ++j)
            s.push_back(reinterpret_cast<TypeObject*>(m->items[j].as_object()));
        seqs.push_back(std::move(s));
    }
    std::vector<TypeObject*> direct;
    for (uint64_t i = 0; i < b->size; ++i)
        direct.push_back(reinterpret_cast<TypeObject*>(b->items[i].as_object()));
    seqs.push_back(direct);
    std::vector<TypeObject*> out{t};
    for (;;) {
        bool any = false;
        for (auto& s : seqs) any |= !s.empty();
        if (!any) break;
        TypeObject* cand = nullptr;
        for (auto& s : seqs) {
            if (s.empty()) continue;
            TypeObject* head = s.front();
            bool in_tail = false;
            for (auto& o : seqs)
                if (o.size() > 1 && std::find(o.begin() + 1, o.end(), head) != o.end())
                    in_tail = true;
            if (!in_tail) {
                cand = head;
                break;
            }
        }
        if (!cand) {
            std::string names;
            std::vector<TypeObject*> listed;
            for (auto& s : seqs) {
                if (s.empty() || std::find(listed.begin(), listed.end(), s.front()) != listed.end())
                    continue;
                listed.push_back(s.front());
                if (!names.empty()) names += ", ";
                names += str_view(s.front()->name);
            }
            return raise_fmt(
                ts, ts.exc_types().TypeError,
                "Cannot create a consistent method resolution\norder (MRO) for bases {}", names);
        }
        out.push_back(cand);
        for (auto& s : seqs)
            if (!s.empty() && s.front() == cand) s.erase(s.begin());
    }
    Value mro = tuple_new(ts, out.size());
    if (mro.is_null()) return mro;
    for (std::size_t i = 0; i < out.size(); ++i) tuple_obj(mro)->items[i] = new_ref(val(out[i]));
    return mro;
}

// Picks the base whose layout the class extends; errors on two different
// builtin layouts ("multiple bases have instance lay-out conflict").
TypeObject* best_base(ThreadState& ts, Value bases) {
    TupleObject* b = tuple_obj(bases);
    TypeObject* best = nullptr;
    TypeObject* best_solid = nullptr;
    for (uint64_t i = 0; i < b->size; ++i) {
        auto* base = reinterpret_cast<TypeObject*>(b->items[i].as_object());
        TypeObject* s = layout_base(base);
        if (!best) {
            best = base;
            best_solid = s;
        } else if (type_is_subtype(s, best_solid)) {
            best = base;
            best_solid = s;
        } else if (!type_is_subtype(best_solid, s)) {
            raise(ts, ts.exc_types().TypeError, "multiple bases have instance lay-out conflict");
            return nullptr;
        }
    }
    return best;
}

bool check_bases(ThreadState& ts, Value bases) {
    TupleObject* b = tuple_obj(bases);
    for (uint64_t i = 0; i < b->size; ++i) {
        Value base = b->items[i];
        if (!base.is_object() || base.as_object()->kind != ObjKind::Type) {
            raise(ts, ts.exc_types().TypeError, "bases must be types");
            return false;
        }
        auto* bt = reinterpret_cast<TypeObject*>(base.as_object());
        if (!(bt->flags & kTypeBaseType)) {
            raise_fmt(ts, ts.exc_types().TypeError, "type '{}' is not an acceptable base type",
                      bt->name_cstr);  // tp_name: "datetime.timezone" for a dotted builtin
            return false;
        }
        for (uint64_t j = 0; j < i; ++j) {
            if (b->items[j] == base) {
                raise_fmt(ts, ts.exc_types().TypeError, "duplicate base class {}",
                          str_view(bt->name));
                return false;
            }
        }
    }
    return true;
}

// Whether a class body's __slots__ (if any) leaves out '__dict__'. gilt
// ignores __slots__ otherwise; it only decides here whether the instances of
// a str, bytes or tuple subclass get a __dict__ (a namedtuple's do not).
bool slots_refuse_dict(ThreadState& ts, Value dict) {
    Value slots = dict_get_cstr(ts, dict, "__slots__");
    if (slots.is_null()) {
        clear_exception(ts);  // absent, or no memory to intern the name: no __slots__ seen
        return false;
    }
    if (is_str(ts, slots)) return str_view(slots) != "__dict__";
    if (!slots.is_object() || slots.as_object()->kind != ObjKind::Tuple) return false;
    TupleObject* names = tuple_obj(slots);
    for (uint64_t i = 0; i < names->size; ++i) {
        if (is_str(ts, names->items[i]) && str_view(names->items[i]) == "__dict__") return false;
    }
    return true;
}

void set_layout(TypeObject* t, TypeObject* base, bool refuse_dict) {
    TypeObject* solid = solid_base(base);
    t->instance_kind =
        solid->instance_kind == ObjKind::Native && solid == solid->interp->types.object
            ? ObjKind::Instance
            : solid->instance_kind;
    if (base->dict_offset) {
        t->basicsize = base->basicsize;
        t->dict_offset = base->dict_offset;
        return;
    }
    bool var_sized = solid->instance_kind == ObjKind::Tuple ||
                     solid->instance_kind == ObjKind::Str || solid->instance_kind == ObjKind::Bytes;
    if (var_sized) {
        t->basicsize = base->basicsize;
        t->dict_offset = refuse_dict ? 0 : kDictAfterItems;
        return;
    }
    uint32_t size = std::max<uint32_t>(base->basicsize, sizeof(Object));
    size = (size + 7u) & ~7u;
    t->dict_offset = size;
    t->basicsize = size + sizeof(Value);
}

// __new__ becomes a staticmethod, __init_subclass__ and __class_getitem__
// classmethods, as type_new does in CPython.
bool wrap_implicit_methods(ThreadState& ts, Value dict) {
    Value names[] = {ts.names().__new__, ts.names().__init_subclass__,
                     ts.names().__class_getitem__};
    for (int i = 0; i < 3; ++i) {
        Value f = dict_get_str(dict, names[i]);
        if (f.is_null() || !f.is_object() || f.as_object()->kind != ObjKind::Function) continue;
        Ref wrapped(i == 0 ? make_staticmethod(ts, f) : make_classmethod(ts, f));
        if (!wrapped || !dict_set(ts, dict, names[i], *wrapped)) return false;
    }
    if (!dict_get_str(dict, ts.names().__eq__).is_null() &&
        dict_get_str(dict, ts.names().__hash__).is_null()) {
        if (!dict_set(ts, dict, ts.names().__hash__, Value::none())) return false;
    }
    return true;
}

bool call_set_name(ThreadState& ts, Value cls, Value dict) {
    uint64_t pos = 0;
    Value k, v;
    std::vector<std::pair<Ref, Ref>> items;
    while (dict_next(dict, &pos, &k, &v)) items.emplace_back(Ref::borrow(k), Ref::borrow(v));
    for (auto& [key, value] : items) {
        Value f = lookup_special(ts, *value, ts.names().__set_name__);
        if (f.is_null()) continue;
        Value argv[2] = {cls, *key};
        Ref r(call_bound_special(ts, f, *value, Args{argv, 2, nullptr}));
        if (!r) return false;
    }
    return true;
}

bool call_init_subclass(ThreadState& ts, TypeObject* t) {
    Ref sup(make_super(ts, t, val(t)));
    if (!sup) return false;
    Ref f(obj_getattr(ts, *sup, ts.names().__init_subclass__));
    if (!f) return false;
    Ref r(call0(ts, *f));
    return !r.is_null();
}

}  // namespace

Value type_new_class(ThreadState& ts, TypeObject* metatype, Value name, Value bases_in, Value ns) {
    Ref bases(tuple_size(bases_in) == 0 ? tuple_pack(ts, {val(ts.types().object)})
                                        : new_ref(bases_in));
    if (!bases || !check_bases(ts, *bases)) return Value();
    TypeObject* base = best_base(ts, *bases);
    if (!base) return Value();
    Ref dict(dict_copy(ts, ns));
    if (!dict || !wrap_implicit_methods(ts, *dict)) return Value();

    auto* t = reinterpret_cast<TypeObject*>(
        alloc_gc_object(metatype, std::max<uint32_t>(metatype->basicsize, sizeof(TypeObject))));
    if (!t) return raise_memory_error(ts);
    Ref cls(val(t));
    t->hdr.kind = ObjKind::Type;
    t->interp = &ts.interp();
    t->name = new_ref(name);
    t->name_cstr = str_obj(name)->data;
    Value qual = dict_get_str(*dict, ts.names().__qualname__);
    t->qualname = new_ref(qual.is_null() ? name : qual);
    if (!qual.is_null() && dict_del(ts, *dict, ts.names().__qualname__) < 0) return Value();
    t->flags = kTypeHeap | kTypeBaseType | kTypeHasGc |
               (base->flags & (kTypeIsException | kTypeIntSubclass | kTypeStrSubclass));
    t->base = new_ref(base);
    t->bases = bases.release();
    t->dict = dict_obj(dict.release());
    t->version = ts.interp().next_type_version++;
    set_layout(t, base, slots_refuse_dict(ts, val(t->dict)));
    t->mro = compute_mro(ts, t, t->bases);
    if (t->mro.is_null()) return Value();
    inherit_slots(t, base);
    t->dealloc = subtype_dealloc;
    t->traverse = subtype_traverse;
    t->clear = subtype_clear;
    class_fill_slots(ts, t);
    TupleObject* b = tuple_obj(t->bases);
    for (uint64_t i = 0; i < b->size; ++i)
        register_subclass(reinterpret_cast<TypeObject*>(b->items[i].as_object()), t);

    Value cell = dict_get_str(val(t->dict), ts.names().__classcell__);
    if (!cell.is_null()) {
        cell_set(cell, val(t));
        if (dict_del(ts, val(t->dict), ts.names().__classcell__) < 0) return Value();
    }
    if (!call_set_name(ts, *cls, val(t->dict))) return Value();
    if (!call_init_subclass(ts, t)) return Value();
    return cls.release();
}

}  // namespace gilt
