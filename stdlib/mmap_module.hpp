// The mmap module's object, visible to the rest of stdlib so that the
// buffer protocol (memoryview, bytes(m)) can expose a mapping's memory:
// `data` and `size` are the mapped bytes; `data` is null once closed.
#pragma once

#include <cstddef>
#include <cstdint>

#include "runtime/object.hpp"

namespace gilt {

struct MmapObject {
    Object hdr;
    char* data;      // the mapping, null once closed
    size_t size;     // bytes mapped: len(m)
    size_t pos;      // the file position of read/write/seek, <= size
    int64_t offset;  // where the mapping starts in the file
    int fd;          // our own duplicate of the file's descriptor; -1: anonymous
    int access;      // ACCESS_DEFAULT / READ / WRITE / COPY
    int flags;       // as passed to mmap(2), for resize
    int prot;
    uint64_t exports;  // live buffer exports: close and resize refuse while > 0
};

inline MmapObject* mmap_obj(Value v) noexcept {
    return reinterpret_cast<MmapObject*>(v.as_object());
}

}  // namespace gilt
