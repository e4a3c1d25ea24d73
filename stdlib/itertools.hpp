// The shared layout of the itertools iterators (itertools.cpp) and the
// combinatoric ones (itertools_combinatorics.cpp). Internal to stdlib/.
//
// Every iterator is an ItObject: six owned Values, six integers and an
// optional index array, whose meaning each type documents next to its
// `next` function. That keeps deallocation, traversal and clearing in one
// place for all the types.
#pragma once

#include <cstdint>
#include <initializer_list>

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"
#include "runtime/type.hpp"

namespace gilt::itertools_impl {

struct ItObject {
    Object hdr;
    Value v[6];
    int64_t n[6];
    int64_t* idx;  // malloc'd (combinatorics), or null
    int64_t idx_len;
};

inline ItObject* it_obj(Value v) {
    return reinterpret_cast<ItObject*>(v.as_object());
}

enum ItKind {
    kCount,
    kCycle,
    kRepeat,
    kAccumulate,
    kChain,
    kCompress,
    kDropWhile,
    kTakeWhile,
    kFilterFalse,
    kGroupBy,
    kGrouper,
    kISlice,
    kStarMap,
    kTee,
    kZipLongest,
    kProduct,
    kPermutations,
    kCombinations,
    kCombinationsWR,
    kPairwise,
    kKindCount,
};

// Allocates an iterator of `type` (null + MemoryError on failure).
ItObject* it_alloc(ThreadState& ts, TypeObject* type);
// Gives `it` an index array of n zeroed entries. false + MemoryError.
[[nodiscard]] bool it_alloc_indices(ThreadState& ts, ItObject* it, int64_t n);
// An iterator of `type` (or of kind k) holding the given owned Values
// (consumed, also on failure) in v[0], v[1], ...
Value it_make(ThreadState& ts, TypeObject* type, std::initializer_list<Value> values);
Value it_make(ThreadState& ts, ItKind k, std::initializer_list<Value> values);

// itertools_combinatorics.cpp
Value product_new(ThreadState& ts, TypeObject* type, Args args);
Value product_next(ThreadState& ts, Value self);
Value permutations_new(ThreadState& ts, TypeObject* type, Args args);
Value permutations_next(ThreadState& ts, Value self);
Value combinations_new(ThreadState& ts, TypeObject* type, Args args);
Value combinations_next(ThreadState& ts, Value self);
Value combinations_wr_new(ThreadState& ts, TypeObject* type, Args args);
Value combinations_wr_next(ThreadState& ts, Value self);

}  // namespace gilt::itertools_impl
