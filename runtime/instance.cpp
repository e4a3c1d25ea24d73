// Compact instances: inline values found through the class's shared keys
// (the layout and its rules are described in instance.hpp).
#include "runtime/instance.hpp"

#include <algorithm>
#include <cstring>

#include "runtime/dict.hpp"
#include "runtime/gc.hpp"
#include "runtime/heap.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/str.hpp"
#include "runtime/type.hpp"

namespace gilt {

namespace {

// How many inline values a new instance gets once its class knows `n`
// names: all of them, rounded up to an even count so that one attribute set
// later (a lazily cached value) still fits. Before any name is known the
// first instances get kFirstInlineCap, enough for most __init__ methods to
// teach the class its names without a dict.
constexpr uint32_t kFirstInlineCap = 4;
uint32_t inline_cap_for(std::size_t n) noexcept {
    if (n == 0) return kFirstInlineCap;
    return static_cast<uint32_t>(std::min<std::size_t>((n + 1) & ~std::size_t(1), kSharedKeysMax));
}

// Appends `name` to t's shared keys; returns its index, or -1 when the class
// already has kSharedKeysMax names.
int shared_keys_add(TypeObject* t, Value name) {
    if (!t->shared_keys) t->shared_keys = new SharedKeys();
    std::vector<Value>& names = t->shared_keys->names;
    if (names.size() >= kSharedKeysMax) return -1;
    names.push_back(new_ref(name));
    uint32_t cap = inline_cap_for(names.size());
    if (cap != t->inline_cap) {
        // Blocks on the free list have the old size.
        gc_freelist_clear(t);
        t->inline_cap = cap;
    }
    return static_cast<int>(names.size() - 1);
}

bool is_exact_str_key(Object* o, Value name) noexcept {
    return name.is_object() && name.as_object()->type == o->type->interp->types.str;
}

}  // namespace

int shared_keys_find(const TypeObject* t, Value name) noexcept {
    if (!t->shared_keys) return -1;
    const std::vector<Value>& names = t->shared_keys->names;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == name) return static_cast<int>(i);
    for (std::size_t i = 0; i < names.size(); ++i)
        if (str_eq(names[i], name)) return static_cast<int>(i);
    return -1;
}

Object* alloc_compact_instance(TypeObject* t) noexcept {
    if (t->inline_cap == 0) {
        gc_freelist_clear(t);  // blocks without inline values
        t->inline_cap = inline_cap_for(0);
    }
    uint32_t cap = t->inline_cap;
    Object* o = alloc_gc_object(t, t->basicsize + cap * sizeof(Value));
    if (o) o->aux = static_cast<uint16_t>(cap);
    return o;
}

Value inline_get(Object* o, Value name) noexcept {
    if (!instance_dict_slot(o)->is_null()) return Value();
    int i = shared_keys_find(o->type, name);
    if (i < 0 || static_cast<uint32_t>(i) >= inline_capacity(o)) return Value();
    return inline_values(o)[i];
}

int inline_set(ThreadState&, Object* o, Value name, Value value) {
    if (!instance_dict_slot(o)->is_null() || !is_exact_str_key(o, name)) return 0;
    TypeObject* t = o->type;
    Value* vals = inline_values(o);
    uint32_t cap = inline_capacity(o);
    uint32_t top = inline_top(o);
    int i = shared_keys_find(t, name);
    if (value.is_null()) {
        if (i < 0 || static_cast<uint32_t>(i) >= cap || vals[i].is_null()) return 0;
        Value old = vals[i];
        vals[i] = Value();
        while (top > 0 && vals[top - 1].is_null()) --top;
        set_inline_top(o, top);
        decref(old);
        return 1;
    }
    if (i < 0) {
        // A name the class has not seen: it learns it even when this
        // instance has no room, so that later instances do.
        if (cap == 0) return 0;
        i = shared_keys_add(t, name);
        if (i < 0) return 0;
    }
    auto at = static_cast<uint32_t>(i);
    if (at >= cap) return 0;
    if (!vals[at].is_null()) {
        set_ref(vals[at], new_ref(value));
        return 1;
    }
    if (at < top) return 0;  // would not come last in insertion order
    vals[at] = new_ref(value);
    set_inline_top(o, at + 1);
    return 1;
}

bool instance_materialize_dict(ThreadState& ts, Object* o) {
    if (!(o->type->flags & kTypeInlineValues)) return true;
    Value* slot = instance_dict_slot(o);
    uint32_t top = std::min(inline_top(o), inline_capacity(o));
    if (!slot->is_null() || top == 0) return true;
    Value* vals = inline_values(o);
    uint32_t count = 0;
    for (uint32_t i = 0; i < top; ++i) count += vals[i].is_null() ? 0 : 1;
    // Sized for every value at once, and filled by appending: the shared
    // names are distinct exact strs, so none can already be in the dict
    // (logging reads a fresh record's __dict__ for every line it formats).
    Ref d(dict_new_presized(ts, count));
    if (!d) return false;
    const std::vector<Value>& names = o->type->shared_keys->names;
    for (uint32_t i = 0; i < top; ++i) {
        if (vals[i].is_null()) continue;
        if (dict_try_append_new(dict_obj(*d), names[i], str_hash(names[i]), vals[i])) continue;
        if (!dict_set(ts, *d, names[i], vals[i])) return false;
    }
    for (uint32_t i = 0; i < top; ++i) clear_ref(vals[i]);
    set_inline_top(o, 0);
    *slot = d.release();
    return true;
}

void inline_items(Object* o, std::vector<std::pair<Value, Value>>& out) {
    if (!(o->type->flags & kTypeInlineValues) || !instance_dict_slot(o)->is_null()) return;
    uint32_t top = std::min(inline_top(o), inline_capacity(o));
    Value* vals = inline_values(o);
    for (uint32_t i = 0; i < top; ++i)
        if (!vals[i].is_null()) out.emplace_back(o->type->shared_keys->names[i], vals[i]);
}

void shared_keys_free(TypeObject* t) noexcept {
    SharedKeys* keys = t->shared_keys;
    if (!keys) return;
    t->shared_keys = nullptr;
    for (Value v : keys->names) decref(v);
    delete keys;
}

}  // namespace gilt
