// Instances of user classes that derive only from object (and exceptions'
// and builtin subclasses' instance dicts): the header plus a __dict__.
#pragma once

#include "runtime/object.hpp"

namespace gilt {

struct InstanceObject {
    Object hdr;
    Value dict;  // owned dict, created lazily on first attribute store; may be null
};

// The address of an object's `__dict__` slot, or nullptr if its type has none.
inline Value* instance_dict_slot(Object* o) noexcept;

}  // namespace gilt

#include "runtime/type.hpp"

namespace gilt {
inline Value* instance_dict_slot(Object* o) noexcept {
    uint32_t off = o->type->dict_offset;
    return off ? reinterpret_cast<Value*>(reinterpret_cast<char*>(o) + off) : nullptr;
}
}  // namespace gilt
