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
#include "runtime/member_descriptor.hpp"
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
    for (; t->flags & kTypeHeap; t = t->base)
        if (t->own_slots) return t;  // its __slots__ extend the layout
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

// The Values a heap class adds to its builtin base's layout, which its
// instances' dealloc, traverse and clear handle: for a class over `object`,
// everything after the header (the __dict__ slot, the __slots__ members, the
// inline values); for one over another builtin, the __dict__ slot and members
// it appended (a dict inside the builtin's own layout, as exceptions have,
// is the builtin's to handle).
std::pair<Value*, Value*> added_values(Object* o, TypeObject* solid) {
    auto* base = reinterpret_cast<char*>(o);
    if (o->kind == ObjKind::Instance) {
        auto* begin = reinterpret_cast<Value*>(base + offsetof(InstanceObject, dict));
        return {begin, inline_values(o) + inline_capacity(o)};
    }
    if (o->type->dict_offset == kDictAfterItems) {
        Value* d = var_instance_dict_slot(o);
        return {d, d + 1};
    }
    uint32_t start = (std::max<uint32_t>(solid->basicsize, sizeof(Object)) + 7u) & ~7u;
    if (start >= o->type->basicsize) return {nullptr, nullptr};
    return {reinterpret_cast<Value*>(base + start),
            reinterpret_cast<Value*>(base + o->type->basicsize)};
}

void clear_added_values(Object* o, TypeObject* solid) {
    auto [begin, end] = added_values(o, solid);
    for (Value* v = begin; v < end; ++v) clear_ref(*v);
    if (o->kind == ObjKind::Instance) set_inline_top(o, 0);
}

void subtype_dealloc(Object* o) {
    if ((o->type->flags & kTypeHasFinalizer) && !(o->flags & kObjDelCalled) && call_finalizer(o))
        return;
    TypeObject* solid = solid_base(o->type);
    clear_added_values(o, solid);
    solid->dealloc(o);
}

void subtype_traverse(Object* o, VisitFn visit, void* ctx) {
    TypeObject* solid = solid_base(o->type);
    auto [begin, end] = added_values(o, solid);
    for (Value* v = begin; v < end; ++v)
        if (!v->is_null()) visit(*v, ctx);
    visit(val(o->type), ctx);
    // object's own traverse would visit the __dict__ slot a second time.
    if (solid->traverse && o->kind != ObjKind::Instance) solid->traverse(o, visit, ctx);
}

void subtype_clear(Object* o) {
    TypeObject* solid = solid_base(o->type);
    clear_added_values(o, solid);
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

// What a class body's `__slots__` asks for (CPython's type_new_slots):
// member names, mangled and sorted, and whether '__dict__' and '__weakref__'
// were listed. `given` is false when the body has no __slots__.
struct SlotsSpec {
    bool given = false;
    bool want_dict = false;
    bool want_weakref = false;
    std::vector<Ref> members;
};

bool is_identifier(std::string_view s) {
    if (s.empty() || (s[0] >= '0' && s[0] <= '9')) return false;
    for (unsigned char c : s)
        if (!(c == '_' || c >= 0x80 || (c >= '0' && c <= '9') ||
              ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')))
            return false;
    return true;
}

// CPython mangles a private slot name (`__x` in class C is `_C__x`) as its
// compiler mangles `self.__x` in C's methods. gilt's compiler does not mangle
// private names yet, so neither does this: the slot keeps the name the
// methods use. TODO: mangle both once the compiler does.
Value slot_name(ThreadState& ts, Value name) {
    return ts.interp().intern(str_view(name));
}

// Whether instances of heap class `t` (or a builtin base) can already be
// weakly referenced, so that '__weakref__' in a subclass's slots is refused.
bool base_has_weakref(TypeObject* base) {
    if (base == base->interp->types.object) return false;
    if (base->flags & kTypeHeap) return !(base->flags & kTypeNoWeakref);
    return false;
}

bool var_sized_kind(ObjKind k) {
    return k == ObjKind::Tuple || k == ObjKind::Str || k == ObjKind::Bytes || k == ObjKind::Int;
}

bool slot_item(ThreadState& ts, Value item, TypeObject* base, SlotsSpec& spec) {
    if (!is_str(ts, item)) {
        raise_fmt(ts, ts.exc_types().TypeError, "__slots__ items must be strings, not '{}'",
                  type_name(ts, item));
        return false;
    }
    std::string_view s = str_view(item);
    if (!is_identifier(s)) {
        raise(ts, ts.exc_types().TypeError, "__slots__ must be identifiers");
        return false;
    }
    if (s == "__dict__") {
        if (base->dict_offset || spec.want_dict) {
            raise(ts, ts.exc_types().TypeError, "__dict__ slot disallowed: we already got one");
            return false;
        }
        spec.want_dict = true;
        return true;
    }
    if (s == "__weakref__") {
        if (base_has_weakref(base) || spec.want_weakref ||
            var_sized_kind(solid_base(base)->instance_kind)) {
            raise(ts, ts.exc_types().TypeError,
                  "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0");
            return false;
        }
        spec.want_weakref = true;
        return true;
    }
    Ref m(slot_name(ts, item));
    if (!m) return false;
    spec.members.push_back(std::move(m));
    return true;
}

bool parse_slots(ThreadState& ts, Value ns, TypeObject* base, SlotsSpec& spec) {
    Value slots = dict_get_cstr(ts, ns, "__slots__");
    if (slots.is_null()) {
        clear_exception(ts);  // absent, or no memory to intern the name: no __slots__ seen
        return true;
    }
    spec.given = true;
    Ref items(is_str(ts, slots) ? list_new(ts) : list_from_iterable(ts, slots));
    if (!items) return false;
    if (is_str(ts, slots) && !list_append(ts, *items, slots)) return false;
    if (list_size(*items) && var_sized_kind(solid_base(base)->instance_kind)) {
        raise_fmt(ts, ts.exc_types().TypeError,
                  "nonempty __slots__ not supported for subtype of '{}'", base->name_cstr);
        return false;
    }
    for (uint64_t i = 0; i < list_size(*items); ++i)
        if (!slot_item(ts, list_item(*items, i), base, spec)) return false;
    for (Ref& m : spec.members) {
        if (!dict_get_str(ns, *m).is_null()) {
            raise_fmt(ts, ts.exc_types().ValueError,
                      "'{}' in __slots__ conflicts with class variable", str_view(*m));
            return false;
        }
    }
    std::sort(spec.members.begin(), spec.members.end(),
              [](const Ref& a, const Ref& b) { return str_view(*a) < str_view(*b); });
    return true;
}

void set_layout(TypeObject* t, TypeObject* base, const SlotsSpec& slots) {
    TypeObject* solid = solid_base(base);
    bool instance = solid == solid->interp->types.object;
    t->instance_kind = instance ? ObjKind::Instance : solid->instance_kind;
    auto members = static_cast<uint32_t>(slots.members.size());
    t->own_slots = members;
    bool wants_dict = !slots.given || slots.want_dict;
    bool weakref = !slots.given || slots.want_weakref || base_has_weakref(base);
    if (!weakref) t->flags |= kTypeNoWeakref;
    if (var_sized_kind(solid->instance_kind) && solid->instance_kind != ObjKind::Int) {
        t->basicsize = base->basicsize;
        t->dict_offset = base->dict_offset ? base->dict_offset : (wants_dict ? kDictAfterItems : 0);
        return;
    }
    uint32_t size = std::max<uint32_t>(base->basicsize, sizeof(Object));
    size = (size + 7u) & ~7u;
    if (instance) {
        // The dict slot is InstanceObject::dict for every such class; the
        // members follow the base's, and the inline values follow them.
        t->dict_offset = (base->dict_offset || wants_dict) ? offsetof(InstanceObject, dict) : 0;
        if (t->dict_offset) t->flags |= kTypeInlineValues;
    } else if (base->dict_offset) {
        t->dict_offset = base->dict_offset;
    } else if (wants_dict) {
        t->dict_offset = size;
        size += sizeof(Value);
    } else {
        t->dict_offset = 0;
    }
    t->basicsize = size + members * static_cast<uint32_t>(sizeof(Value));
}

// Puts a member descriptor for each of the class's own slots in its dict.
bool add_members(ThreadState& ts, TypeObject* t, const SlotsSpec& slots) {
    uint32_t offset = t->basicsize - static_cast<uint32_t>(slots.members.size() * sizeof(Value));
    for (const Ref& m : slots.members) {
        Ref d(make_member_descr(ts, t, *m, offset, Value()));
        if (!d || !dict_set(ts, val(t->dict), *m, *d)) return false;
        offset += sizeof(Value);
    }
    return true;
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

namespace {

// The names of the __slots__ members class `t` itself adds, in layout order.
std::vector<std::string_view> own_member_names(TypeObject* t) {
    std::vector<std::pair<uint32_t, std::string_view>> found;
    uint64_t pos = 0;
    Value k, v;
    TypeObject* member_type = t->interp->types.member_descriptor;
    while (dict_next(val(t->dict), &pos, &k, &v)) {
        if (!v.is_object() || v.as_object()->type != member_type) continue;
        auto* m = as<MemberDescrObject>(v);
        if (m->owner == t) found.emplace_back(m->offset, str_view(m->name));
    }
    std::sort(found.begin(), found.end());
    std::vector<std::string_view> names;
    for (auto& f : found) names.push_back(f.second);
    return names;
}

// CPython's same_slots_added: two layouts that differ only in which class
// declared the same slots over the same base.
bool same_layout(TypeObject* a, TypeObject* b) {
    TypeObject* la = layout_base(a);
    TypeObject* lb = layout_base(b);
    if (la == lb) return true;
    if (!(la->flags & kTypeHeap) || !(lb->flags & kTypeHeap)) return false;
    return la->own_slots == lb->own_slots && same_layout(la->base, lb->base) &&
           own_member_names(la) == own_member_names(lb);
}

}  // namespace

bool type_layouts_compatible(TypeObject* a, TypeObject* b) {
    return same_layout(a, b) && a->basicsize == b->basicsize && a->dict_offset == b->dict_offset &&
           a->instance_kind == b->instance_kind &&
           (a->flags & kTypeNoWeakref) == (b->flags & kTypeNoWeakref);
}

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
    SlotsSpec slots;
    if (!parse_slots(ts, val(t->dict), base, slots)) return Value();
    set_layout(t, base, slots);
    if (!add_members(ts, t, slots)) return Value();
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
