// Instances of user classes, and where their attributes live.
//
// A class whose nearest builtin base is `object` lays its instances out as
//
//     Object header | Value dict | __slots__ members... | inline values...
//                   ^16          ^24                    ^type->basicsize
//
// - `dict` is the instance `__dict__` once one exists (null before, and
//   always null for a class whose `__slots__` leave '__dict__' out:
//   dict_offset is 0 then).
// - Each `__slots__` name is one Value at a fixed offset, reached through a
//   member descriptor in the class (runtime/member_descriptor.cpp).
// - Compact instances (CPython 3.11's "inline values" with shared keys):
//   a class with a `__dict__` keeps, in `TypeObject::shared_keys`, the
//   attribute names its instances have stored, in first-seen order, at most
//   kSharedKeysMax of them. An instance holds the value of name number i in
//   inline value i, or null when it has no such attribute. Names are only
//   appended, so a name's index never changes and an attribute cache can
//   remember it (docs/vm.md).
//
// The per-instance bookkeeping sits in `Object::aux`: the low byte is how
// many inline values the instance was allocated with (its capacity, fixed at
// allocation: the class's `inline_cap` then); the high byte is one past the
// highest index that may hold a value ("top", an upper bound).
//
// Insertion order. A dict remembers the order attributes were set in; inline
// values are ordered by key index. So an instance stores a new attribute
// inline only if its index is at or past `top` (it comes last either way);
// anything else (a name the instance already deleted and sets again out of
// order, a name past its capacity, a 31st name, a key that is not an exact
// str) turns the instance into a dict instance first: the values move into a
// real dict, in order, and from then on the dict is the only store (the
// inline values stay null). Asking for `__dict__` (vars(), obj.__dict__,
// pickling, copy) does the same. So "dict is not null" means "dict mode".
#pragma once

#include <vector>

#include "runtime/object.hpp"

namespace gilt {

class ThreadState;

struct InstanceObject {
    Object hdr;
    Value dict;  // owned dict, created lazily on first attribute store; may be null
};

// CPython's SHARED_KEYS_MAX_SIZE: a class whose instances use more names than
// this gives the extra ones a dict.
inline constexpr uint32_t kSharedKeysMax = 30;

struct SharedKeys {
    std::vector<Value> names;  // owned strs, index = inline value number
};

// A str, bytes or tuple subclass's instances vary in size, so their `__dict__` cannot sit at
// one offset: it follows the characters, at the next 8-byte boundary
// (CPython puts it at a negative tp_dictoffset for the same reason). A type
// whose dict_offset is this value finds the slot through
// var_instance_dict_slot.
inline constexpr uint32_t kDictAfterItems = 0xFFFFFFFFu;

// The address of an object's `__dict__` slot, or nullptr if its type has none.
// For a compact instance the slot may be null while attributes live inline:
// code that wants the dict itself calls instance_materialize_dict first.
inline Value* instance_dict_slot(Object* o) noexcept;
// The slot of an instance whose type has dict_offset == kDictAfterItems.
Value* var_instance_dict_slot(Object* o) noexcept;

inline uint32_t inline_capacity(const Object* o) noexcept {
    return o->aux & 0xffu;
}
inline uint32_t inline_top(const Object* o) noexcept {
    return o->aux >> 8;
}
inline void set_inline_top(Object* o, uint32_t top) noexcept {
    o->aux = static_cast<uint16_t>((o->aux & 0xffu) | (top << 8));
}
// The instance's inline values (inline_capacity(o) of them).
inline Value* inline_values(Object* o) noexcept;

// The index of `name` (a str) in t's shared keys, or -1.
int shared_keys_find(const TypeObject* t, Value name) noexcept;

// A new instance of a compact class: its block, sized for the class's
// current inline capacity. Null on memory exhaustion (nothing raised).
Object* alloc_compact_instance(TypeObject* t) noexcept;

// The attribute `name` held inline (borrowed), or null when the instance is
// in dict mode or has no such inline value. Requires kTypeInlineValues.
Value inline_get(Object* o, Value name) noexcept;
// Stores (value) or deletes (value null) `name` inline when the instance is
// not in dict mode. Returns 1 when done, 0 when the attribute cannot live
// inline (the caller materialises the dict and stores there) or, for a
// delete, when the instance has no such inline value, -1 on error.
int inline_set(ThreadState& ts, Object* o, Value name, Value value);
// Moves a compact instance's inline values into a new `__dict__` (dict
// mode); a no-op for other objects and for instances already in dict mode.
// False with MemoryError pending.
bool instance_materialize_dict(ThreadState& ts, Object* o);
// Appends the inline (name, value) pairs of a compact instance, in order,
// for dir() and the like. Borrowed references.
void inline_items(Object* o, std::vector<std::pair<Value, Value>>& out);
// Frees a class's shared keys (type dealloc).
void shared_keys_free(TypeObject* t) noexcept;

}  // namespace gilt

#include "runtime/type.hpp"

namespace gilt {
inline Value* instance_dict_slot(Object* o) noexcept {
    uint32_t off = o->type->dict_offset;
    if (off == kDictAfterItems) return var_instance_dict_slot(o);
    return off ? reinterpret_cast<Value*>(reinterpret_cast<char*>(o) + off) : nullptr;
}
inline Value* inline_values(Object* o) noexcept {
    return reinterpret_cast<Value*>(reinterpret_cast<char*>(o) + o->type->basicsize);
}
}  // namespace gilt
