// The heap meter: how many bytes one interpreter's heap holds, for a host
// that caps it (gilt::Options::sandbox.memory_limit).
//
// The problem: several interpreters share one process and one allocator
// (mimalloc replaces malloc), so the allocator cannot say which interpreter
// a block belongs to. The runtime can: every object knows its type, and
// every type its interpreter. So the places that allocate on behalf of an
// interpreter count: objects (runtime/heap.cpp), the buffers objects own
// and grow (list items, dict tables, str concatenation in place, bytearray
// data, io.BytesIO/StringIO buffers) through heap_malloc / heap_realloc /
// heap_free below, the frame stack's chunks (runtime/thread_state.cpp) and
// the limbs of big integers (runtime/int_gmp_memory.cpp: GMP allocates
// through functions that charge the interpreter whose GIL the thread holds).
// Not counted: native modules' private scratch (re's backtracking stack,
// pickle's output buffer), bounded by their input, which is counted.
//
// The count is the allocator's usable size of each block (malloc_usable_size),
// so growing and freeing match exactly whatever the allocator rounded to.
// An allocation that would take the count past the limit fails as if memory
// had run out: the caller raises MemoryError, which the script may catch;
// the memory of other interpreters and of the host is untouched.
//
// The reserve. At the cap, the error path itself must still work: making
// the MemoryError, interning the names its formatting looks up
// (`__notes__`), formatting the traceback for the host. Those run inside a
// HeapReserve scope, which lets allocations go up to `reserve` bytes past
// the limit. Scripts never run with the reserve open except inside such a
// formatting (an exception's __str__), so what they can take from it is
// bounded, and it comes back when the error is dropped. Interned names are
// immortal, so a script that interns many distinct names at the cap can use
// the reserve up; the error path then degrades (a traceback without source
// lines, a bare "MemoryError"), never past limit + reserve.
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
    std::int64_t reserve = 0;           // bytes past `limit` a HeapReserve scope may use
    std::atomic<int> reserve_open{0};   // HeapReserve scopes alive
};

// The reserve a cap of `limit` bytes gets: a sixteenth, between 256 KiB
// and 4 MiB.
std::int64_t heap_reserve_for(std::int64_t limit) noexcept;

// While one is alive, allocations of its interpreter may use the reserve
// (see the top of the file). For the error path only: keep the scope short.
class HeapReserve {
public:
    explicit HeapReserve(HeapMeter& meter) noexcept : m_meter(meter) {
        m_meter.reserve_open.fetch_add(1, std::memory_order_relaxed);
    }
    ~HeapReserve() { m_meter.reserve_open.fetch_sub(1, std::memory_order_relaxed); }
    HeapReserve(const HeapReserve&) = delete;
    HeapReserve& operator=(const HeapReserve&) = delete;

private:
    HeapMeter& m_meter;
};

// A buffer owned by an object of `interp` (null: uncounted). Same contract
// as malloc / realloc / free; null when the allocator or the meter refuses.
void* heap_malloc(Interpreter* interp, std::size_t size) noexcept;
void* heap_realloc(Interpreter* interp, void* block, std::size_t size) noexcept;
void heap_free(Interpreter* interp, void* block) noexcept;

// Memory another allocator hands out on behalf of `interp`'s objects (the
// limbs of a big integer, which GMP allocates): heap_charge counts `bytes`
// if the meter allows them (false, nothing counted, when over the cap;
// always true without a cap); heap_discharge gives them back.
[[nodiscard]] bool heap_charge(Interpreter* interp, std::size_t bytes) noexcept;
void heap_discharge(Interpreter* interp, std::size_t bytes) noexcept;
// Would `bytes` more fit under `interp`'s cap now (true without one)? For
// refusing a long computation before it starts.
bool heap_room_for(Interpreter* interp, std::size_t bytes) noexcept;

// For the object allocator (runtime/heap.cpp) and the frame stack: may
// `size` more bytes be taken, and record a block taken / given back.
bool heap_meter_allows(const HeapMeter& meter, std::size_t size) noexcept;
void heap_meter_add(HeapMeter& meter, void* block) noexcept;
void heap_meter_sub(HeapMeter& meter, void* block) noexcept;

}  // namespace gilt
