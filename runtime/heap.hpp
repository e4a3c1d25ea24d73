// Allocation of heap objects.
//
// Plain objects (str, float, bigint, ...) are one malloc'd block starting
// with the Object header. Containers that can take part in reference cycles
// get a GcHead in front of the header and are linked into their
// interpreter's list of tracked objects, which the cycle collector
// (runtime/gc.cpp) walks. Free lists hang off the TypeObject, so they are
// per interpreter too: floats have their own, and every gc type keeps a few
// freed blocks of its basic size (instances, dicts, lists, bound methods
// come and go by the million, and a pop from a list is cheaper than the
// allocator's malloc and free).
#pragma once

#include <cstddef>
#include <cstdint>

#include "runtime/free_blocks.hpp"
#include "runtime/object.hpp"
#include "runtime/type.hpp"

namespace gilt {

// Prefix of every gc-tracked object (CPython's PyGC_Head).
struct GcHead {
    GcHead* next;
    GcHead* prev;
    intptr_t gc_refs;  // scratch count used during a collection
};

inline GcHead* gc_head(Object* o) noexcept {
    return reinterpret_cast<GcHead*>(o) - 1;
}
inline Object* gc_object(GcHead* h) noexcept {
    return reinterpret_cast<Object*>(h + 1);
}

// Allocates `size` bytes (>= sizeof(Object)) for an instance of `type`, with
// refcnt 1, kind = type->instance_kind, and a new reference to `type` when it
// is a heap type. Returns nullptr when out of memory (caller raises
// MemoryError). Memory beyond the header is zeroed.
Object* alloc_object(TypeObject* type, std::size_t size) noexcept;
// The same without zeroing past the header, for objects whose constructor
// writes every byte (str payloads: zeroing them was a visible cost).
Object* alloc_object_uninit(TypeObject* type, std::size_t size) noexcept;
// Same, for a container: adds the GcHead and tracks the object.
Object* alloc_gc_object(TypeObject* type, std::size_t size) noexcept;
// Same, for an object of a builtin type whose blocks of this size are kept
// in `blocks` (a size with no room in the type's own free list, e.g. tuples
// of n items); free it with free_gc_object_to and the same list.
Object* alloc_gc_object_from(FreeBlocks& blocks, TypeObject* type, std::size_t size) noexcept;
// free_object for such an object: its block goes to `blocks` when the list
// has room and nothing else (weak references) needs the general path.
void free_gc_object_to(FreeBlocks& blocks, Object* o) noexcept;
// Closes `blocks` (tear-down), freeing what it kept.
void free_blocks_close(FreeBlocks& blocks) noexcept;
// Releases the memory of an object whose fields were already released;
// drops the reference to a heap type. Untracks gc objects.
void free_object(Object* o) noexcept;

// Frees the blocks kept in `type`'s gc_freelist (when the type dies, and for
// builtin types at interpreter tear-down).
void gc_freelist_clear(TypeObject* type) noexcept;

// Can `bytes` bytes be allocated at all? Sizes from 64 MiB up are asked of
// the kernel with an mmap that reserves swap (and unmapped at once): mimalloc
// maps huge blocks without reserving, so it would hand out a terabyte and
// the process would die filling it, where CPython's malloc gets ENOMEM from
// the overcommit rule or an address-space limit and raises MemoryError.
// Every allocation whose size a script chooses passes through here (the
// allocators below, and check_alloc_size in runtime/errors.hpp).
bool alloc_size_possible(std::size_t bytes) noexcept;

// Zeroed memory from the object allocator, for an object made before its
// type exists (start-up); released by free_object like any other.
void* alloc_raw_zeroed(std::size_t size) noexcept;

template <class T>
T* alloc(TypeObject* type, std::size_t size = sizeof(T)) noexcept {
    return reinterpret_cast<T*>(alloc_object(type, size));
}
template <class T>
T* alloc_gc(TypeObject* type, std::size_t size = sizeof(T)) noexcept {
    return reinterpret_cast<T*>(alloc_gc_object(type, size));
}

}  // namespace gilt
