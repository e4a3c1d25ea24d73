// bytes (immutable, inline storage) and bytearray (mutable, growable).
//
// Both hold raw bytes followed by a NUL (handy for C APIs). The methods
// they share (find, split, upper, decode, hex, ...) are written once in
// bytes_methods.cpp against a byte view and return a result of the same
// type as self (bytes_same_kind), as CPython's bytes_methods.c does.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"
#include "runtime/type.hpp"

namespace gilt {

// The largest bytes or bytearray: a larger size is a MemoryError before
// anything (a std::string, which would throw) is asked for the memory.
inline constexpr uint64_t kMaxBytesSize = uint64_t(1) << 48;

struct BytesObject {
    Object hdr;
    int64_t hash;  // -1 until computed
    uint64_t size;
    char data[1];  // size bytes + NUL
};

// Where a bytes subclass instance keeps its `__dict__`: after the data and
// its NUL, 8-byte aligned (see runtime/instance.hpp).
inline constexpr uint64_t bytes_dict_offset(uint64_t size) noexcept {
    return (offsetof(BytesObject, data) + size + 1 + 7) & ~uint64_t(7);
}

struct ByteArrayObject {
    Object hdr;
    char* data;
    uint64_t size;
    uint64_t capacity;
    // Buffers exported and not yet released (runtime/buffer.hpp): while
    // it is not zero the size may not change, since a consumer holds a
    // pointer into `data`.
    uint64_t exports;
};

inline std::string_view bytes_view(Value v) noexcept {
    auto* b = reinterpret_cast<BytesObject*>(v.as_object());
    return {b->data, b->size};
}
inline std::string_view bytearray_view(Value v) noexcept {
    auto* b = reinterpret_cast<ByteArrayObject*>(v.as_object());
    return {b->data, b->size};
}
inline bool is_bytes(Value v) noexcept {
    return v.is_object() && v.as_object()->kind == ObjKind::Bytes;
}
inline bool is_bytearray(Value v) noexcept {
    return v.is_object() && v.as_object()->kind == ObjKind::ByteArray;
}
// The bytes of a bytes or bytearray (subclasses included); no type check.
inline std::string_view byteslike_data(Value v) noexcept {
    return v.as_object()->kind == ObjKind::Bytes ? bytes_view(v) : bytearray_view(v);
}

Value make_bytes(ThreadState& ts, std::string_view data);
Value make_bytearray(ThreadState& ts, std::string_view data);
// An exact bytes of `size` zero bytes for the caller to fill (the caller
// owns the only reference). Null + MemoryError on failure.
BytesObject* bytes_alloc(ThreadState& ts, uint64_t size);
// A bytes if `like` is a bytes, a bytearray if it is a bytearray.
Value bytes_same_kind(ThreadState& ts, Value like, std::string_view data);
// Resizes a bytearray's contents (new bytes are zero). false + MemoryError,
// or BufferError when the size changes while a buffer is exported.
[[nodiscard]] bool bytearray_resize(ThreadState& ts, Value ba, uint64_t size);
int64_t bytes_hash(Value b) noexcept;
// The bytes bytes(source, encoding, errors) would hold (also bytearray()'s
// initialiser). `fname` is "bytes" or "bytearray" for messages; encoding
// and errors may be null.
[[nodiscard]] bool bytes_from_source(ThreadState& ts, Value source, Value encoding, Value errors,
                                     const char* fname, std::string* out);
// An int-like as a byte; false with ValueError "byte must be in range(0,
// 256)" or TypeError ("'str' object cannot be interpreted as an integer").
[[nodiscard]] bool byte_arg(ThreadState& ts, Value v, uint8_t* out);
// b'...' repr as CPython.
std::string bytes_repr(std::string_view data, bool bytearray = false);
// The bytes of a bytes-like (bytes, bytearray); false + TypeError otherwise.
[[nodiscard]] bool bytes_like_view(ThreadState& ts, Value v, std::string_view* out);

// fmt % args for a bytes or bytearray fmt (str_format.cpp); the result has
// fmt's type.
Value bytes_percent_format(ThreadState& ts, Value fmt, Value args);

// Slots shared by bytes and bytearray (bytes.cpp).
Value bytes_richcompare(ThreadState& ts, Value a, Value b, CompareOp op);
int bytes_contains(ThreadState& ts, Value self, Value item);
Value bytes_iter(ThreadState& ts, Value self);

// The methods bytes and bytearray share (bytes_methods.cpp); args[0] is self.
// clang-format off
#define GILT_BYTES_SHARED_METHODS(X)                                                              \
    X(capitalize) X(center) X(count) X(decode) X(endswith) X(expandtabs) X(find) X(hex) X(index)  \
    X(isalnum) X(isalpha) X(isascii) X(isdigit) X(islower) X(isspace) X(istitle) X(isupper)       \
    X(join) X(ljust) X(lower) X(lstrip) X(partition) X(removeprefix) X(removesuffix) X(replace)   \
    X(rfind) X(rindex) X(rjust) X(rpartition) X(rsplit) X(rstrip) X(split) X(splitlines)          \
    X(startswith) X(strip) X(swapcase) X(title) X(translate) X(upper) X(zfill)
// clang-format on
#define GILT_DECLARE_BYTES_METHOD(name) Value bytes_##name(ThreadState& ts, Args args);
GILT_BYTES_SHARED_METHODS(GILT_DECLARE_BYTES_METHOD)
#undef GILT_DECLARE_BYTES_METHOD
// bytes.fromhex / bytearray.fromhex (classmethod: args[0] is the class) and
// bytes.maketrans / bytearray.maketrans (static).
Value bytes_fromhex(ThreadState& ts, Args args);
Value bytes_maketrans(ThreadState& ts, Args args);

void define_bytes_type(Interpreter& interp, TypeObject* t);
void define_bytearray_type(Interpreter& interp, TypeObject* t);
void define_bytes_iterator_type(Interpreter& interp, TypeObject* t);

}  // namespace gilt
