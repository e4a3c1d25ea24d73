// member_descriptor: how a class reaches one of its `__slots__` (a Value at a
// fixed offset in its instances, runtime/instance.hpp), CPython's
// PyMemberDescr for T_OBJECT_EX members.
#pragma once

#include <cstdint>

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"
#include "runtime/type.hpp"

namespace gilt {

struct MemberDescrObject {
    Object hdr;
    TypeObject* owner;  // owned: the class whose instances hold the slot
    Value name;         // owned str
    Value doc;          // owned, or null (None)
    uint32_t offset;    // byte offset of the Value in an instance
};

// A member descriptor for slot `name` of `owner` at `offset`; `doc` may be
// null. New reference, or null with MemoryError pending.
Value make_member_descr(ThreadState& ts, TypeObject* owner, Value name, uint32_t offset, Value doc);

void define_member_descriptor_type(Interpreter& interp, TypeObject* t);

}  // namespace gilt
