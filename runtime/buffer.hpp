// The buffer protocol: how an object lends its raw memory to another.
//
// A type that holds a block of memory (bytes, bytearray, array.array,
// memoryview; later mmap) sets `TypeObject::buffer` to a BufferProcs. A
// consumer (memoryview, struct.unpack_from, bytes(x), file.write, ...) asks
// for a Buffer with get_buffer, reads or writes through it, and gives it
// back with release_buffer (or lets a BufferRef do so). This is CPython's
// PEP 3118 protocol cut down to what gilt needs: one contiguous block,
// described as items of one struct-module format, plus the shape and
// strides a memoryview needs for its own exports (casts to several
// dimensions, step slices).
//
// The contract, for the exporter:
//  - `get` fills every field of the Buffer, or returns false with an
//    exception pending (BufferError "Object is not writable." when
//    kBufWritable is asked of read-only memory). The memory must stay where
//    it is, at that size, until the matching `release`: an exporter that can
//    move or resize its memory (bytearray, array) counts its exports and
//    refuses to resize while the count is not zero, raising BufferError
//    "Existing exports of data: object cannot be re-sized".
//  - `release` (may be null for immutable exporters) undoes `get`'s count.
//  - `format` points at static storage (or storage that lives as long as
//    the exporter); `shape` and `strides` may be null, meaning one
//    contiguous dimension of len / itemsize items.
//
// For the consumer: get_buffer takes a reference to the exporter (kept in
// Buffer::obj) and release_buffer drops it, so the memory outlives the
// consumer's use even when the last other reference goes.
//
// Exposing a new type (e.g. mmap): write a `get` that fills the Buffer from
// the object (use buffer_fill_simple for one contiguous run of bytes), a
// `release` if the object counts exports, put both in a static constexpr
// BufferProcs and point the type's `buffer` slot at it when the type is
// defined. Subclasses inherit the slot.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/object.hpp"

namespace gilt {

class ThreadState;

// What a consumer asks for (CPython's PyBUF_* flags, reduced).
enum BufferFlags : uint32_t {
    kBufSimple = 0,          // read access to one C-contiguous block
    kBufWritable = 1u << 0,  // the consumer will write
    kBufStrided = 1u << 1,   // the consumer follows shape/strides (memoryview)
};

// One export of an object's memory. Fields are valid between get_buffer and
// release_buffer.
struct Buffer {
    Value obj;            // the exporter (owned reference); null when not held
    char* buf = nullptr;  // first byte of the first item
    int64_t len = 0;      // bytes covered by the items (product(shape) * itemsize)
    int64_t itemsize = 1;
    const char* format = "B";  // struct-module syntax, native ('@') by default
    bool readonly = true;
    int ndim = 1;
    const int64_t* shape = nullptr;    // ndim entries; null: {len / itemsize}
    const int64_t* strides = nullptr;  // ndim entries, in bytes; null: C-contiguous
    void* internal = nullptr;          // the exporter's own bookkeeping
};

struct BufferProcs {
    bool (*get)(ThreadState& ts, Value self, Buffer* view, uint32_t flags);
    void (*release)(Value self, Buffer* view);  // may be null
};

// Does the object export a buffer?
bool has_buffer(ThreadState& ts, Value obj);
// Fills `view` from obj's exporter. False + TypeError "a bytes-like object
// is required, not 'T'" (the message CPython's PyObject_GetBuffer gives)
// when obj has none, or the exporter's error. A consumer that asks without
// kBufStrided gets one C-contiguous block or a BufferError.
[[nodiscard]] bool get_buffer(ThreadState& ts, Value obj, Buffer* view, uint32_t flags);
// Gives an export back and clears `view`; harmless on an empty view.
void release_buffer(Buffer* view) noexcept;

// For exporters: fills `view` as one contiguous run of bytes ('B' items),
// taking a reference to `obj`. False + BufferError "Object is not
// writable." when the consumer asked for kBufWritable and `readonly`.
[[nodiscard]] bool buffer_fill_simple(ThreadState& ts, Buffer* view, Value obj, char* buf,
                                      int64_t len, bool readonly, uint32_t flags);

// Shape, strides and contiguity of a filled view.
int64_t buffer_shape(const Buffer& view, int dim) noexcept;
int64_t buffer_stride(const Buffer& view, int dim) noexcept;
bool buffer_is_c_contiguous(const Buffer& view) noexcept;
// The bytes of the view in C order (a copy; gathers a strided view).
std::string buffer_to_bytes(const Buffer& view);

// RAII owner of one export.
class BufferRef {
public:
    BufferRef() = default;
    BufferRef(const BufferRef&) = delete;
    BufferRef& operator=(const BufferRef&) = delete;
    ~BufferRef() { release_buffer(&m_view); }

    [[nodiscard]] bool get(ThreadState& ts, Value obj, uint32_t flags = kBufSimple) {
        return get_buffer(ts, obj, &m_view, flags);
    }
    const Buffer& view() const noexcept { return m_view; }
    Buffer& view() noexcept { return m_view; }
    std::string_view bytes() const noexcept {
        return {m_view.buf, static_cast<size_t>(m_view.len)};
    }

private:
    Buffer m_view;
};

}  // namespace gilt
