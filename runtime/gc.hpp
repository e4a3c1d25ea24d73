// The cycle collector's state (one per interpreter) and entry points.
//
// Reference counting frees everything except cycles. Every container object
// is on `tracked`, a doubly linked list threaded through the GcHead in front
// of it; a collection runs CPython's trial deletion over that list:
//   1. gc_refs = refcnt for every tracked object;
//   2. for every tracked object, traverse its children and decrement the
//      gc_refs of each tracked child: what remains counts references from
//      outside the tracked set (stacks, C++ locals, untracked objects);
//   3. everything reachable from an object with gc_refs > 0 is alive;
//   4. the rest is garbage held only by cycles: clear it (the type's clear
//      slot drops its references), which lets refcounting free it.
// A collection runs automatically (at the eval loop's next check point, see
// gc_schedule) when allocations minus deallocations of
// tracked objects pass `threshold` (CPython's generation-0 threshold idea,
// without generations) and the growth is at least a quarter of what
// survived the last collection (CPython's rule for full collections, which
// keeps the cost of collecting a large heap amortised O(1) per
// allocation), and on gc.collect().
//
// Unreachable objects whose class defines __del__ are finalized first
// (once per object: kObjDelCalled), then the collector re-checks which of
// them the finalizers resurrected and clears only the rest (PEP 442).
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "runtime/heap.hpp"
#include "runtime/interpreter.hpp"

namespace gilt {

struct Interpreter::GcState {
    GcHead tracked{&tracked, &tracked, 0};  // sentinel of the circular list
    int64_t allocations = 0;                // tracked allocations since last collection
    int64_t threshold = 10000;
    bool enabled = true;
    bool collecting = false;
    bool scheduled = false;  // kEvalBreakerGc is set: a collection is due at a check point
    // The trashcan (heap.cpp, dealloc_object): how many deallocations of
    // tracked objects are nested on the C stack, and the objects whose
    // deallocation was put off because that nesting was too deep (a stack
    // threaded through their GcHead's next; they are off `tracked`).
    int trash_depth = 0;
    GcHead* trash = nullptr;
    int64_t collections = 0;
    int64_t collected = 0;
    int64_t long_lived = 0;  // tracked objects that survived the last collection

    // Every type object type_alloc_builtin made (builtin, exception and native
    // module types), in creation order: the interpreter's tear-down frees them
    // last, once nothing that could use them is left.
    std::vector<TypeObject*> static_types;
    // Weak references (runtime/weakref.cpp): referent -> the weakref objects
    // pointing at it (borrowed: a weakref removes itself when it dies).
    // Objects with an entry carry kObjHasWeakrefs, which free_object checks.
    std::unordered_map<Object*, std::vector<Object*>> weakrefs;
};

// Object flag: the object's __del__ already ran (set by the collector's
// finalization step and by instance deallocation, so it runs once).
inline constexpr uint8_t kObjDelCalled = 1u << 3;
// Object flag: weak references to the object exist (see GcState::weakrefs).
inline constexpr uint8_t kObjHasWeakrefs = 1u << 4;
// Type flag: a heap type whose MRO defines __del__, so instance deallocation
// must call it (set by class_fill_slots, which type_modified re-runs).
inline constexpr uint32_t kTypeHasFinalizer = 1u << 7;

// Runs a full collection; returns the number of unreachable objects found.
int64_t gc_collect(ThreadState& ts);
// Called by the allocator when the threshold is reached: asks the eval loop
// to collect at its next check point (kEvalBreakerGc), where every object is
// complete. Collecting inside the allocator would traverse the object being
// built (a set with no table yet) before its constructor finished.
void gc_schedule(Interpreter& interp);
// Called at a check point that found kEvalBreakerGc: clears it and collects
// if the allocations still call for it.
void gc_maybe_collect(ThreadState& ts);

}  // namespace gilt
