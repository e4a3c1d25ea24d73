// The cycle collector's state (one per interpreter) and entry points; the
// design is explained at the top of runtime/gc.cpp.
//
// Every container object is allocated with a GcHead in front of it
// (kObjGcTracked: "has a GcHead"). While it is *tracked* its GcHead links it
// into one of three generation lists (or the permanent generation that
// gc.freeze() fills); an untracked container's GcHead points at itself, so
// unlinking it on deallocation is a no-op and costs no branch. Tuples are
// untracked by a collection that finds they hold nothing that can be
// tracked, dicts are born untracked and tracked when the first value that
// could take part in a cycle goes in (CPython's MAINTAIN_TRACKING).
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "runtime/heap.hpp"
#include "runtime/interpreter.hpp"

namespace gilt {

inline constexpr int kGcGenerations = 3;

// One generation (CPython's gc_generation): its list, when it is due, and
// its statistics for gc.get_stats().
struct GcGeneration {
    GcHead head{&head, &head, 0};  // sentinel of the circular list
    // Generation 0: tracked allocations minus deallocations since its last
    // collection. Older generations: collections of the next younger
    // generation since their own last collection.
    int64_t count = 0;
    int64_t threshold = 0;  // collect when count > threshold (0: never, for generation 0)
    int64_t collections = 0;
    int64_t collected = 0;
    int64_t uncollectable = 0;
};

struct Interpreter::GcState {
    GcState() {
        generations[0].threshold = 700;  // CPython's defaults
        generations[1].threshold = 10;
        generations[2].threshold = 10;
    }
    GcState(const GcState&) = delete;
    GcState& operator=(const GcState&) = delete;

    GcGeneration generations[kGcGenerations];
    GcHead permanent{&permanent, &permanent, 0};  // gc.freeze(): never collected
    // The full-collection rule (CPython's, from its issue 4074): generation 2
    // is collected only when the objects promoted into it since the last full
    // collection are at least a quarter of those that survived it, so the
    // cost of full collections stays amortised O(1) per allocation however
    // large the heap grows.
    int64_t long_lived_total = 0;    // size of generation 2 after the last full collection
    int64_t long_lived_pending = 0;  // promoted into generation 2 since then
    bool enabled = true;
    bool collecting = false;
    bool scheduled = false;  // kEvalBreakerGc is set: a collection is due at a check point
    // gc.callbacks (owned; null once the interpreter starts tearing down, when
    // collections run no Python callbacks).
    Value callbacks;
    // Scratch for the marking phase, kept to spare a malloc per collection.
    std::vector<Object*> mark_stack;
    // The trashcan (heap.cpp, dealloc_object): how many deallocations of
    // tracked objects are nested on the C stack, and the objects whose
    // deallocation was put off because that nesting was too deep (a stack
    // threaded through their GcHead's next; they are off every list).
    int trash_depth = 0;
    GcHead* trash = nullptr;

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
// Object flag, set only inside a collection: the object is in the
// generations being collected (references from it are internal).
inline constexpr uint8_t kObjGcCollecting = 1u << 6;
// Type flag: a heap type whose MRO defines __del__, so instance deallocation
// must call it (set by class_fill_slots, which type_modified re-runs).
inline constexpr uint32_t kTypeHasFinalizer = 1u << 7;

// Is the container on a generation list? (gc.is_tracked)
inline bool gc_is_tracked(const Object* o) noexcept {
    if (!(o->flags & kObjGcTracked)) return false;
    const GcHead* h = gc_head(const_cast<Object*>(o));
    return h->next != h;
}
// CPython's _PyObject_GC_MAY_BE_TRACKED: could `v` be part of a cycle now
// or later? Any container except a tuple that a collection untracked (a
// tuple never changes, so it stays untracked).
inline bool gc_may_be_tracked(Value v) noexcept {
    if (!v.is_object()) return false;
    const Object* o = v.as_object();
    if (!(o->flags & kObjGcTracked)) return false;
    return o->kind != ObjKind::Tuple || gc_is_tracked(o);
}
// Links an untracked container into generation 0 / takes a tracked one off
// its list. Only for objects allocated with a GcHead.
void gc_track(Object* o) noexcept;
void gc_untrack(Object* o) noexcept;

// Untracks `v` if it is a tuple (exact type) whose items can never be
// tracked (CPython's _PyTuple_MaybeUntrack); for constants, which live as
// long as their code and would otherwise wait for a collection to do it.
void gc_maybe_untrack_tuple(Value v) noexcept;

// Collects `generation` and every younger one (gc.collect(generation));
// returns the number of unreachable objects found. Runs gc.callbacks.
int64_t gc_collect(ThreadState& ts, int generation = kGcGenerations - 1);
// Called by the allocator when generation 0 passes its threshold: asks the
// eval loop to collect at its next check point (kEvalBreakerGc), where every
// object is complete. Collecting inside the allocator would traverse the
// object being built (a set with no table yet) before its constructor finished.
void gc_schedule(Interpreter& interp);
// Called at a check point that found kEvalBreakerGc: clears it and collects
// the oldest generation whose count passed its threshold (CPython's
// collect_generations).
void gc_maybe_collect(ThreadState& ts);
// How many objects are on `list` (a generation's or the permanent one).
int64_t gc_list_count(const GcHead& list) noexcept;
// Moves every object of `from` to the end of `to`, leaving `from` empty.
void gc_list_splice(GcHead& from, GcHead& to) noexcept;

}  // namespace gilt
