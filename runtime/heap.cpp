// Object allocation and release (see heap.hpp).
#include "runtime/heap.hpp"

#include <malloc.h>
#include <sys/mman.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#if GILT_USE_MIMALLOC
#include <mimalloc.h>
#endif

#include "runtime/gc.hpp"
#include "runtime/heap_meter.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/weakref.hpp"

namespace gilt {

bool alloc_size_possible(std::size_t bytes) noexcept {
    constexpr std::size_t kProbeFrom = std::size_t(64) << 20;
    if (bytes < kProbeFrom) return true;
    if (bytes > std::size_t(PTRDIFF_MAX)) return false;
    void* p = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return false;
    ::munmap(p, bytes);
    return true;
}

namespace {

#if GILT_USE_MIMALLOC
void* obj_calloc(std::size_t size) noexcept {
    return alloc_size_possible(size) ? mi_zalloc(size) : nullptr;
}
void* obj_malloc(std::size_t size) noexcept {
    return alloc_size_possible(size) ? mi_malloc(size) : nullptr;
}
void obj_free(void* p) noexcept {
    mi_free(p);
}
#else
void* obj_calloc(std::size_t size) noexcept {
    return std::calloc(1, size);
}
void* obj_malloc(std::size_t size) noexcept {
    return std::malloc(size);
}
void obj_free(void* p) noexcept {
    std::free(p);
}
#endif

// The meter of `type`'s interpreter when it counts (runtime/heap_meter.hpp).
[[gnu::always_inline]] inline HeapMeter* meter_of(const TypeObject* type) noexcept {
    Interpreter* interp = type->interp;
    return interp != nullptr && interp->heap_meter.limit != 0 ? &interp->heap_meter : nullptr;
}

[[gnu::noinline]] void* metered_alloc(HeapMeter& meter, std::size_t size, bool zeroed) noexcept {
    if (!heap_meter_allows(meter, size)) return nullptr;
    void* p = zeroed ? obj_calloc(size) : obj_malloc(size);
    if (p) heap_meter_add(meter, p);
    return p;
}

// The object allocator's entry points: counted when the interpreter's heap
// is capped.
void* type_calloc(const TypeObject* type, std::size_t size) noexcept {
    if (HeapMeter* meter = meter_of(type)) [[unlikely]]
        return metered_alloc(*meter, size, true);
    return obj_calloc(size);
}
void* type_malloc(const TypeObject* type, std::size_t size) noexcept {
    if (HeapMeter* meter = meter_of(type)) [[unlikely]]
        return metered_alloc(*meter, size, false);
    return obj_malloc(size);
}
void type_free(const TypeObject* type, void* p) noexcept {
    if (HeapMeter* meter = meter_of(type)) [[unlikely]]
        heap_meter_sub(*meter, p);
    obj_free(p);
}

void init_header(Object* o, TypeObject* type) noexcept {
    o->refcnt = 1;
    o->kind = type->instance_kind;
    o->flags = 0;
    o->aux = 0;
    o->type = type;
    if (type->flags & kTypeHeap) incref(&type->hdr);
}

}  // namespace

Object* alloc_object(TypeObject* type, std::size_t size) noexcept {
    if (size < type->basicsize) size = type->basicsize;
    auto* o = static_cast<Object*>(type_calloc(type, size));
    if (!o) return nullptr;
    init_header(o, type);
    return o;
}

Object* alloc_object_uninit(TypeObject* type, std::size_t size) noexcept {
    if (size < type->basicsize) size = type->basicsize;
    auto* o = static_cast<Object*>(type_malloc(type, size));
    if (!o) return nullptr;
    init_header(o, type);
    return o;
}

// How many freed blocks a gc type keeps (CPython keeps 80 dicts and 80
// lists). Bounded so a burst of frees does not pin memory for long.
constexpr uint32_t kGcFreeListMax = 64;

namespace {

// Makes the block `h` (of sizeof(GcHead) + size bytes, zeroed past the
// header) a tracked object of `type` at the end of the interpreter's gc list.
Object* link_gc_object(TypeObject* type, GcHead* h, uint8_t flags) noexcept {
    Object* o = gc_object(h);
    init_header(o, type);
    o->flags = flags;
    Interpreter::GcState& gc = *type->interp->gc;
    GcGeneration& young = gc.generations[0];
    GcHead* last = young.head.prev;
    h->prev = last;
    h->next = &young.head;
    last->next = h;
    young.head.prev = h;
    // Only scheduled: the caller has not filled the object in yet (a set's
    // table, a tuple's items), and a collection now would traverse it.
    if (++young.count > young.threshold && !gc.scheduled && gc.enabled && !gc.collecting)
        gc_schedule(*type->interp);
    return o;
}

// A block from a free list: zeroes what calloc would have and nothing
// after it sets (the scratch count and the body).
GcHead* reuse_gc_block(void* block, std::size_t size) noexcept {
    auto* h = static_cast<GcHead*>(block);
    h->gc_refs = 0;
    std::memset(static_cast<void*>(gc_object(h) + 1), 0, size - sizeof(Object));
    return h;
}

}  // namespace

Object* alloc_gc_object(TypeObject* type, std::size_t size) noexcept {
    if (size < type->basicsize) size = type->basicsize;
    // A compact instance's block also holds its class's inline values
    // (runtime/instance.hpp); inline_cap is 0 for every other type.
    const bool basic = size == type->basicsize + type->inline_cap * sizeof(Value);
    GcHead* h;
    if (basic && type->gc_freelist) {
        h = static_cast<GcHead*>(type->gc_freelist);
        type->gc_freelist = h->next;
        --type->gc_freelist_len;
        h = reuse_gc_block(h, size);
    } else {
        h = static_cast<GcHead*>(type_calloc(type, sizeof(GcHead) + size));
        if (!h) return nullptr;
    }
    return link_gc_object(type, h, basic ? kObjGcTracked | kObjBasicSize : kObjGcTracked);
}

Object* alloc_gc_object_from(FreeBlocks& blocks, TypeObject* type, std::size_t size) noexcept {
    void* block = blocks.pop();
    GcHead* h = block ? reuse_gc_block(block, size)
                      : static_cast<GcHead*>(type_calloc(type, sizeof(GcHead) + size));
    if (!h) return nullptr;
    return link_gc_object(type, h, kObjGcTracked);
}

namespace {

// Takes a gc object's block off its generation list (a no-op for an
// untracked one, whose GcHead points at itself) and counts the deallocation
// against generation 0, as CPython's PyObject_GC_Del does.
[[gnu::always_inline]] inline GcHead* gc_unlink(TypeObject* type, Object* o) noexcept {
    GcHead* h = gc_head(o);
    h->prev->next = h->next;
    h->next->prev = h->prev;
    GcGeneration& young = type->interp->gc->generations[0];
    if (young.count > 0) --young.count;
    return h;
}

[[gnu::always_inline]] inline void gc_freelist_push(TypeObject* type, GcHead* h) noexcept {
    h->next = static_cast<GcHead*>(type->gc_freelist);
    type->gc_freelist = h;
    ++type->gc_freelist_len;
}

[[gnu::noinline]] void free_object_general(Object* o) noexcept {
    TypeObject* type = o->type;
    // Weak references are cleared (and their callbacks run) once the memory is
    // gone: a callback may run the collector, which must not meet this object.
    Interpreter* weak_interp = (o->flags & kObjHasWeakrefs) ? type->interp : nullptr;
    bool heap_type = (type->flags & kTypeHeap) != 0;
    if (o->flags & kObjGcTracked) {
        GcHead* h = gc_unlink(type, o);
        // Not recycled when weak references are still to be cleared: they are
        // found by address, which a new object must not take over first.
        if ((o->flags & kObjBasicSize) && !weak_interp && type->gc_freelist_len < kGcFreeListMax) {
            gc_freelist_push(type, h);
        } else {
            type_free(type, h);
        }
    } else {
        type_free(type, o);
    }
    // Last: for a heap type this may be the final reference, and the type's
    // dealloc then frees its gc_freelist, block just pushed included.
    if (heap_type) decref(&type->hdr);
    if (weak_interp) weakref_clear_referent(*weak_interp, o);
}

}  // namespace

// The two commonest cases first, with nothing to save and restore around
// them: a str, int or float of a builtin type, untracked and never weakly
// referenced; and a tracked object of basic size whose block goes to its
// type's free list (instances, their dicts, lists, bound methods).
void free_object(Object* o) noexcept {
    TypeObject* type = o->type;
    const uint8_t shape = o->flags & (kObjGcTracked | kObjHasWeakrefs | kObjBasicSize);
    if (!(shape & (kObjGcTracked | kObjHasWeakrefs))) {
        if (!(type->flags & kTypeHeap)) {
            type_free(type, o);
            return;
        }
    } else if (shape == (kObjGcTracked | kObjBasicSize) && type->gc_freelist_len < kGcFreeListMax) {
        gc_freelist_push(type, gc_unlink(type, o));
        if (type->flags & kTypeHeap) decref(&type->hdr);  // last: may free the type and its list
        return;
    }
    free_object_general(o);
}

void free_gc_object_to(FreeBlocks& blocks, Object* o) noexcept {
    if (o->flags == kObjGcTracked && !(o->type->flags & kTypeHeap)) {
        GcHead* h = gc_unlink(o->type, o);
        if (blocks.push(h)) return;
        type_free(o->type, h);
        return;
    }
    free_object(o);
}

void free_blocks_close(FreeBlocks& blocks) noexcept {
    blocks.close([](void* block) noexcept { obj_free(block); });
}

void gc_freelist_clear(TypeObject* type) noexcept {
    while (type->gc_freelist) {
        auto* h = static_cast<GcHead*>(type->gc_freelist);
        type->gc_freelist = h->next;
        type_free(type, h);
    }
    type->gc_freelist_len = 0;
}

void* alloc_raw_zeroed(std::size_t size) noexcept {
    return obj_calloc(size);
}

// --- the heap meter (runtime/heap_meter.hpp) ---

std::int64_t heap_reserve_for(std::int64_t limit) noexcept {
    constexpr std::int64_t kMin = std::int64_t(256) << 10, kMax = std::int64_t(4) << 20;
    return limit <= 0 ? 0 : std::clamp(limit / 16, kMin, kMax);
}

bool heap_meter_allows(const HeapMeter& meter, std::size_t size) noexcept {
    std::int64_t after =
        meter.used.load(std::memory_order_relaxed) + static_cast<std::int64_t>(size);
    if (after <= meter.limit) [[likely]]
        return true;
    return meter.reserve_open.load(std::memory_order_relaxed) > 0 &&
           after <= meter.limit + meter.reserve;
}

void heap_meter_add(HeapMeter& meter, void* block) noexcept {
    auto n = static_cast<std::int64_t>(malloc_usable_size(block));
    std::int64_t now = meter.used.fetch_add(n, std::memory_order_relaxed) + n;
    if (now > meter.peak.load(std::memory_order_relaxed))
        meter.peak.store(now, std::memory_order_relaxed);
}

void heap_meter_sub(HeapMeter& meter, void* block) noexcept {
    if (block == nullptr) return;
    meter.used.fetch_sub(static_cast<std::int64_t>(malloc_usable_size(block)),
                         std::memory_order_relaxed);
}

namespace {
HeapMeter* meter_of(Interpreter* interp) noexcept {
    return interp != nullptr && interp->heap_meter.limit != 0 ? &interp->heap_meter : nullptr;
}
}  // namespace

void* heap_malloc(Interpreter* interp, std::size_t size) noexcept {
    HeapMeter* meter = meter_of(interp);
    if (meter == nullptr) return std::malloc(size);
    if (!heap_meter_allows(*meter, size)) return nullptr;
    void* p = std::malloc(size);
    if (p) heap_meter_add(*meter, p);
    return p;
}

void* heap_realloc(Interpreter* interp, void* block, std::size_t size) noexcept {
    HeapMeter* meter = meter_of(interp);
    if (meter == nullptr) return std::realloc(block, size);
    std::size_t old = block ? malloc_usable_size(block) : 0;
    if (size > old && !heap_meter_allows(*meter, size - old)) return nullptr;
    void* p = std::realloc(block, size);
    if (p == nullptr) return nullptr;
    meter->used.fetch_sub(static_cast<std::int64_t>(old), std::memory_order_relaxed);
    heap_meter_add(*meter, p);
    return p;
}

void heap_free(Interpreter* interp, void* block) noexcept {
    if (HeapMeter* meter = meter_of(interp)) heap_meter_sub(*meter, block);
    std::free(block);
}

bool heap_charge(Interpreter* interp, std::size_t bytes) noexcept {
    HeapMeter* meter = meter_of(interp);
    if (meter == nullptr) return true;
    if (!heap_meter_allows(*meter, bytes)) return false;
    auto n = static_cast<std::int64_t>(bytes);
    std::int64_t now = meter->used.fetch_add(n, std::memory_order_relaxed) + n;
    if (now > meter->peak.load(std::memory_order_relaxed))
        meter->peak.store(now, std::memory_order_relaxed);
    return true;
}

void heap_discharge(Interpreter* interp, std::size_t bytes) noexcept {
    if (HeapMeter* meter = meter_of(interp))
        meter->used.fetch_sub(static_cast<std::int64_t>(bytes), std::memory_order_relaxed);
}

bool heap_room_for(Interpreter* interp, std::size_t bytes) noexcept {
    HeapMeter* meter = meter_of(interp);
    return meter == nullptr || heap_meter_allows(*meter, bytes);
}

// The trashcan (CPython's Py_TRASHCAN_BEGIN/END, done once here instead of
// in every container's dealloc). Freeing a container drops its children,
// whose deallocation frees theirs, and so on: a chain of a million nested
// lists, a linked list of instances, a long __context__ chain would recurse
// a million C frames deep and overflow the stack. So deallocations of
// tracked objects (every object that can hold references is tracked) count
// their nesting; past kTrashDepthMax an object is not freed at once but put
// on the interpreter's trash stack, and the outermost deallocation frees
// what was put there when it ends, each from depth 1 again. Objects that
// cannot hold references skip all this, so a str or float costs nothing more.
//
// A deferred object has refcount 0 but still owns its children; it is taken
// off its generation list so a collection (a __del__ run by a nested
// deallocation can reach a check point) never sees it, and its children,
// whose references it still holds, stay alive until it is freed.
//
// The count is per interpreter, not per thread: if a __del__ run during a
// deallocation lets another thread take the GIL, that thread starts counting
// from the first one's depth. It then defers sooner than it needs to, and
// what it deferred is freed when the depth next returns to zero, on
// whichever thread that is; nothing is freed twice or lost.
namespace {

constexpr int kTrashDepthMax = 50;

[[gnu::noinline]] void trash_deposit(Interpreter::GcState& gc, Object* o) noexcept {
    GcHead* h = gc_head(o);
    h->prev->next = h->next;
    h->next->prev = h->prev;
    h->next = gc.trash;
    h->prev = nullptr;
    gc.trash = h;
}

// Frees the deferred objects; the depth stays at least 1 so the nested
// deallocations never drain recursively, and what they defer in turn is
// taken by this loop.
[[gnu::noinline]] void trash_drain(Interpreter::GcState& gc) noexcept {
    gc.trash_depth = 1;
    while (GcHead* h = gc.trash) {
        gc.trash = h->next;
        h->next = h->prev = h;  // untracked: free_object's unlink is a no-op
        Object* o = gc_object(h);
        o->type->dealloc(o);
    }
    gc.trash_depth = 0;
}

}  // namespace

void dealloc_object(Object* o) noexcept {
    if (!(o->flags & kObjGcTracked)) {
        o->type->dealloc(o);
        return;
    }
    Interpreter::GcState& gc = *o->type->interp->gc;
    if (gc.trash_depth >= kTrashDepthMax) {
        trash_deposit(gc, o);
        return;
    }
    ++gc.trash_depth;
    o->type->dealloc(o);
    if (--gc.trash_depth == 0 && gc.trash) trash_drain(gc);
}

}  // namespace gilt
