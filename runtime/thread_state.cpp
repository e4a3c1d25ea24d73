// Per-thread state: the frame stack's chunks and the C++ stack limit.
//
// FrameStack hands out Values for frames in LIFO order from chunks of
// kChunkValues. A push that does not fit in the current chunk starts a new
// one (push_slow); the chunk remembers where the previous chunk's top was,
// so popping the first frame of a chunk returns to it. One emptied chunk is
// kept as a spare: a call loop that straddles a chunk edge would otherwise
// malloc and free a chunk on every call. The total is capped (kMaxValues)
// so runaway recursion that somehow escapes the recursion limit ends with a
// RecursionError from the caller instead of exhausting memory. Chunks are
// counted by the interpreter's heap meter, so under a heap cap deep
// recursion (after sys.setrecursionlimit(10**6)) ends in MemoryError there.
//
// stack_limit: native code that recurses (repr of a deeply nested list,
// comparisons, calls from C++ back into Python) checks the address of a
// local against it (enter_native_call in abstract.cpp). It is the lowest
// address of this thread's stack plus a safety margin large enough for the
// deepest native path between two checks, sanitizer builds included.
#include "runtime/thread_state.hpp"

#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cassert>
#include <cstdlib>
#include <mutex>

#include "runtime/errors.hpp"
#include "runtime/heap_meter.hpp"
#include "runtime/interpreter.hpp"

namespace gilt {

namespace {

constexpr std::size_t kChunkValues = 64 * 1024;       // 512 KiB per chunk
constexpr std::size_t kMaxValues = 64 * 1024 * 1024;  // 512 MiB of frames in all
constexpr std::size_t kStackMargin = 256 * 1024;

// Lowest usable address of the calling thread's stack, or nullptr when the
// bounds are unknown (the check is then skipped; native_depth still limits).
const char* compute_stack_limit() noexcept {
    pthread_attr_t attr;
    if (pthread_getattr_np(pthread_self(), &attr) != 0) return nullptr;
    void* addr = nullptr;
    std::size_t size = 0;
    int rc = pthread_attr_getstack(&attr, &addr, &size);
    pthread_attr_destroy(&attr);
    if (rc != 0 || addr == nullptr || size <= 2 * kStackMargin) return nullptr;
    return static_cast<const char*>(addr) + kStackMargin;
}

uint64_t current_ident() noexcept {
    return static_cast<uint64_t>(pthread_self());
}

}  // namespace

// --- FrameStack ---

struct FrameStack::Chunk {
    Chunk* prev;      // the chunk holding older frames, or null
    Value* prev_top;  // `m_top` in `prev` when this chunk was started
    std::size_t capacity;

    Value* data() noexcept { return reinterpret_cast<Value*>(this + 1); }
    Value* limit() noexcept { return data() + capacity; }
};

FrameStack::~FrameStack() {
    while (m_chunk) {
        Chunk* prev = m_chunk->prev;
        heap_free(m_interp, m_chunk);
        m_chunk = prev;
    }
    heap_free(m_interp, m_spare);
}

Value* FrameStack::push_slow(std::size_t n) noexcept {
    Chunk* c = nullptr;
    if (m_spare && m_spare->capacity >= n) {
        c = std::exchange(m_spare, nullptr);
    } else {
        if (m_spare) {
            m_reserved -= m_spare->capacity;
            heap_free(m_interp, std::exchange(m_spare, nullptr));
        }
        std::size_t cap = std::max(kChunkValues, n);
        m_out_of_memory = false;
        if (m_reserved + cap > kMaxValues) return nullptr;
        c = static_cast<Chunk*>(heap_malloc(m_interp, sizeof(Chunk) + cap * sizeof(Value)));
        if (!c) {
            m_out_of_memory = true;
            return nullptr;
        }
        c->capacity = cap;
        m_reserved += cap;
    }
    c->prev = m_chunk;
    c->prev_top = m_top;
    m_chunk = c;
    m_base = c->data();
    m_top = m_base + n;
    m_limit = c->limit();
    return m_base;
}

void FrameStack::pop_slow(Value* base) noexcept {
    Chunk* c = m_chunk;
    assert(c && base == c->data() && base <= m_top);
    if (!c->prev) {
        m_top = base;
        return;
    }
    // The popped frame was the first in its chunk: resume in the previous one.
    m_chunk = c->prev;
    m_base = m_chunk->data();
    m_top = c->prev_top;
    m_limit = m_chunk->limit();
    if (!m_spare) {
        m_spare = c;
    } else {
        m_reserved -= c->capacity;
        heap_free(m_interp, c);
    }
}

// --- ThreadState ---

ThreadState::ThreadState(Interpreter& interp, std::string name)
    : frames(interp),
      gil_thread(current_ident(), std::move(name)),
      m_interp(&interp),
      m_types(&interp.types),
      m_exc_types(&interp.exc_types),
      m_names(&interp.names) {
    stack_limit = compute_stack_limit();
    ident = current_ident();
    native_id = static_cast<uint64_t>(::syscall(SYS_gettid));
    std::lock_guard<std::mutex> lock(interp.threads_mutex);
    interp.threads.push_back(this);
}

ThreadState::~ThreadState() {
    clear_ref(exc);
    clear_ref(exc_info);
    clear_ref(async_exc);
    clear_ref(thread_local_dicts);
    clear_ref(context);
    clear_ref(asyncgen_firstiter);
    clear_ref(asyncgen_finalizer);
    std::lock_guard<std::mutex> lock(m_interp->threads_mutex);
    auto& v = m_interp->threads;
    v.erase(std::remove(v.begin(), v.end(), this), v.end());
}

ThreadState* ThreadState::current(Interpreter& interp) noexcept {
    uint64_t me = current_ident();
    std::lock_guard<std::mutex> lock(interp.threads_mutex);
    for (ThreadState* ts : interp.threads)
        if (ts->ident == me) return ts;
    return nullptr;
}

GilRelease::GilRelease(ThreadState& ts) : GilRelease(ts.interp().gil, ts.gil_thread) {}

}  // namespace gilt
