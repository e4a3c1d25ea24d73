// Instances of user classes that derive only from object (and exceptions'
// and builtin subclasses' instance dicts): the header plus a __dict__.
#pragma once

#include "runtime/object.hpp"

namespace gilt {

struct InstanceObject {
    Object hdr;
    Value dict;  // owned dict, created lazily on first attribute store; may be null
};

// A str, bytes or tuple subclass's instances vary in size, so their `__dict__` cannot sit at
// one offset: it follows the characters, at the next 8-byte boundary
// (CPython puts it at a negative tp_dictoffset for the same reason). A type
// whose dict_offset is this value finds the slot through
// var_instance_dict_slot.
inline constexpr uint32_t kDictAfterItems = 0xFFFFFFFFu;

// The address of an object's `__dict__` slot, or nullptr if its type has none.
inline Value* instance_dict_slot(Object* o) noexcept;
// The slot of an instance whose type has dict_offset == kDictAfterItems.
Value* var_instance_dict_slot(Object* o) noexcept;

}  // namespace gilt

#include "runtime/type.hpp"

namespace gilt {
inline Value* instance_dict_slot(Object* o) noexcept {
    uint32_t off = o->type->dict_offset;
    if (off == kDictAfterItems) return var_instance_dict_slot(o);
    return off ? reinterpret_cast<Value*>(reinterpret_cast<char*>(o) + off) : nullptr;
}
}  // namespace gilt
