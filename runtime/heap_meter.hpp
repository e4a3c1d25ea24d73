// The heap meter: how many bytes one interpreter's heap holds, for a host
// that caps it (gilt::Options::sandbox.memory_limit).
//
// The problem: several interpreters share one process and one allocator
// (mimalloc replaces malloc), so the allocator cannot say which interpreter
// a block belongs to. The runtime can: every object knows its type, and
// every type its interpreter. So the places that allocate on behalf of an
// interpreter count: objects (runtime/heap.cpp) and the buffers objects own
// and grow (list items, dict tables, str concatenation in place, bytearray
// data) through heap_malloc / heap_realloc / heap_free below. What is not
// counted: frame stacks, GMP limbs of big integers, native modules' private
// C++ containers. Those are bounded otherwise (the frame stack has its own
// cap; a sandboxed interpreter cannot load the modules that hold large
// native buffers).
//
// The count is the allocator's usable size of each block (malloc_usable_size),
// so growing and freeing match exactly whatever the allocator rounded to.
// An allocation that would take the count past the limit fails as if memory
// had run out: the caller raises MemoryError, which the script may catch;
// the memory of other interpreters and of the host is untouched.
//
// Off (limit 0) it costs one predictable branch per allocation and free.
// The limit is fixed when the interpreter starts, before its first object,
// so every block is counted both ways. `used` is atomic because a few
// buffers are freed by threads that do not hold the GIL; relaxed order is
// enough, the count is a statistic and a bound, not a synchronisation.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

namespace gilt {

class Interpreter;

struct HeapMeter {
    std::atomic<std::int64_t> used{0};  // bytes held now
    std::atomic<std::int64_t> peak{0};  // the most `used` has been
    std::int64_t limit = 0;             // bytes; 0: not counted
};

// A buffer owned by an object of `interp` (null: uncounted). Same contract
// as malloc / realloc / free; null when the allocator or the meter refuses.
void* heap_malloc(Interpreter* interp, std::size_t size) noexcept;
void* heap_realloc(Interpreter* interp, void* block, std::size_t size) noexcept;
void heap_free(Interpreter* interp, void* block) noexcept;

// For the object allocator (runtime/heap.cpp): may `size` more bytes be
// taken, and record a block taken / given back.
bool heap_meter_allows(const HeapMeter& meter, std::size_t size) noexcept;
void heap_meter_add(HeapMeter& meter, void* block) noexcept;
void heap_meter_sub(HeapMeter& meter, void* block) noexcept;

}  // namespace gilt
