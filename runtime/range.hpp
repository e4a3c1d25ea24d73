// range and slice objects, and the index arithmetic shared by every sequence.
//
// A range keeps start/stop/step/length as int Values so that huge ranges
// work; the common case (all four small ints) takes int64 fast paths.
// Its iterator has two modes: the small mode (`hdr.aux == 0`) counts with
// int64 fields the eval loop may step directly; the big mode (`aux != 0`,
// CPython's longrange_iterator) steps int Values.
#pragma once

#include <cstdint>

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"

namespace gilt {

struct RangeObject {
    Object hdr;
    Value start, stop, step, length;  // ints (small or big)
};

struct SliceObject {
    Object hdr;
    Value start, stop, step;  // any objects, None when omitted
};

// range_iterator. Small mode: yields next, next+step, ... while it has not
// passed `stop` (next < stop for step > 0, next > stop for step < 0); every
// value is a small int and `next + step` cannot overflow because start, stop
// and step of a small-mode range all fit in the small-int range.
// Big mode (hdr.aux == kRangeIterBig): big_next/big_step/big_len are owned
// int Values and the int64 fields are unused.
struct RangeIterObject {
    Object hdr;
    int64_t next, stop, step;
    Value big_next, big_step, big_len;
};
inline constexpr uint16_t kRangeIterBig = 1;

// The eval loop's fast path for `for i in range(...)`: true with *out set
// to the next small int; false means "call the iternext slot" (exhausted, or
// big mode).
inline bool range_iter_next_fast(RangeIterObject* it, Value* out) noexcept {
    if (it->hdr.aux != 0) return false;
    int64_t n = it->next;
    if (it->step > 0 ? n >= it->stop : n <= it->stop) return false;
    it->next = n + it->step;
    *out = Value::small_int(n);
    return true;
}

inline bool is_slice(Value v) noexcept {
    return v.is_object() && v.as_object()->kind == ObjKind::Slice;
}

Value make_range(ThreadState& ts, int64_t start, int64_t stop, int64_t step);
Value make_slice(ThreadState& ts, Value start, Value stop, Value step);  // borrowed
// Resolves a slice against a sequence length (CPython's PySlice_GetIndicesEx):
// clamps start/stop, returns the number of items. false on error.
[[nodiscard]] bool slice_indices(ThreadState& ts, Value slice, int64_t length, int64_t* start,
                                 int64_t* stop, int64_t* step, int64_t* count);
// The two halves of slice_indices (CPython's PySlice_Unpack and
// PySlice_AdjustIndices), for callers that must read the slice before
// looking at a length that its __index__ calls could change.
[[nodiscard]] bool slice_unpack(ThreadState& ts, Value slice, int64_t* start, int64_t* stop,
                                int64_t* step);
int64_t slice_adjust_indices(int64_t length, int64_t* start, int64_t* stop, int64_t step) noexcept;
// The same resolution on int Values, exact for any length (CPython's
// _PySlice_GetLongIndices, behind slice.indices() and range slicing).
// `length` >= 0; results are new references. false with an exception pending.
[[nodiscard]] bool slice_long_indices(ThreadState& ts, Value slice, Value length, Ref* start,
                                      Ref* stop, Ref* step);
// Normalises a possibly negative index; returns false (no exception) when out of range.
inline bool normalize_index(int64_t* i, int64_t length) noexcept {
    if (*i < 0) *i += length;
    return *i >= 0 && *i < length;
}
// A subscript operand as an index. 1: *out set; 0: `key` is not an integer
// and has no __index__ (nothing raised: the caller raises its own "list
// indices must be integers or slices, not str"); -1: error pending (IndexError
// "cannot fit 'int' into an index-sized integer", or a failing __index__).
[[nodiscard]] int seq_index_arg(ThreadState& ts, Value key, int64_t* out);
// A slice bound or an index()-style start/stop (CPython's _PyEval_SliceIndex):
// ints and __index__ objects, clamped to the int64 range instead of failing.
// false with TypeError "slice indices must be integers or None or have an
// __index__ method" (or `msg` when given).
[[nodiscard]] bool slice_index_clamped(ThreadState& ts, Value v, int64_t* out,
                                       const char* msg = nullptr);

// An argument converted like CPython's Py_ssize_t converter (list.insert's
// index, range.__getitem__ on huge ranges...): ints and __index__ objects;
// OverflowError "Python int too large to convert to C ssize_t" when it does
// not fit, TypeError "'str' object cannot be interpreted as an integer".
[[nodiscard]] bool index_as_ssize(ThreadState& ts, Value v, int64_t* out);
// The count of `seq * count` / `count * seq` (CPython's sequence_repeat).
// 1: *out set; 0: return NotImplemented (`count` is an instance of a user
// class that may implement the reflected operation; only when !reflected);
// -1: error pending (TypeError "can't multiply sequence by non-int of type
// 'float'", OverflowError "cannot fit 'int' into an index-sized integer").
[[nodiscard]] int seq_repeat_count(ThreadState& ts, Value count, bool reflected, int64_t* out);

void define_range_type(Interpreter& interp, TypeObject* t);
void define_range_iterator_type(Interpreter& interp, TypeObject* t);
void define_slice_type(Interpreter& interp, TypeObject* t);

}  // namespace gilt
