// bytes (immutable, inline storage) and bytearray (mutable, growable).
#pragma once

#include <cstdint>
#include <string_view>

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"

namespace gilt {

struct BytesObject {
  Object hdr;
  int64_t hash;  // -1 until computed
  uint64_t size;
  char data[1];  // size bytes + NUL
};

struct ByteArrayObject {
  Object hdr;
  char* data;
  uint64_t size;
  uint64_t capacity;
};

inline std::string_view bytes_view(Value v) noexcept {
  auto* b = reinterpret_cast<BytesObject*>(v.as_object());
  return {b->data, b->size};
}
inline std::string_view bytearray_view(Value v) noexcept {
  auto* b = reinterpret_cast<ByteArrayObject*>(v.as_object());
  return {b->data, b->size};
}
Value make_bytes(ThreadState& ts, std::string_view data);
Value make_bytearray(ThreadState& ts, std::string_view data);
// b'...' repr as CPython.
std::string bytes_repr(std::string_view data, bool bytearray = false);
// The bytes of a bytes-like (bytes, bytearray); false + TypeError otherwise.
[[nodiscard]] bool bytes_like_view(ThreadState& ts, Value v, std::string_view* out);

void define_bytes_type(Interpreter& interp, TypeObject* t);
void define_bytearray_type(Interpreter& interp, TypeObject* t);
void define_bytes_iterator_type(Interpreter& interp, TypeObject* t);

}  // namespace gilt
