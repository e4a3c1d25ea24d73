// list: a growable array of owned Values (over-allocating like CPython's
// list_resize so that append is amortised O(1)).
#pragma once

#include <cstdint>

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"

namespace gilt {

// The most items a list makes room for: 2**48 bytes of pointers, more than
// any machine's address space holds. A larger request is a MemoryError at
// once, without asking the allocator (which under ASan reports the request
// instead of failing it).
inline constexpr uint64_t kMaxListItems = (uint64_t(1) << 48) / sizeof(Value);

struct ListObject {
    Object hdr;
    Value* items;
    uint64_t size;
    uint64_t capacity;
};

// list_iterator (forward) and list_reverseiterator. `seq` is owned and
// dropped (set to null) once the iterator is exhausted, as in CPython, so
// an exhausted iterator stays exhausted even if the list grows. The eval
// loop may step a forward iterator directly: yield items[index++] while
// seq is non-null and index < size.
struct ListIterObject {
    Object hdr;
    Value seq;      // the list, or null when exhausted
    int64_t index;  // next index (reverse iterator: counts down to -1)
};

inline ListObject* list_obj(Value v) noexcept {
    return reinterpret_cast<ListObject*>(v.as_object());
}

// A list iterator's step while items remain: true with *out a new reference.
// False means "call the iternext slot" (it also drops the list at the end);
// the eval loop's FOR_ITER and the slot share this.
inline bool listiter_next_fast(ListIterObject* it, Value* out) noexcept {
    if (it->seq.is_null()) return false;
    ListObject* l = list_obj(it->seq);
    if (static_cast<uint64_t>(it->index) >= l->size) return false;
    *out = new_ref(l->items[it->index++]);
    return true;
}
inline uint64_t list_size(Value v) noexcept {
    return list_obj(v)->size;
}
inline Value list_item(Value v, uint64_t i) noexcept {
    return list_obj(v)->items[i];
}  // borrowed
inline bool is_exact_list(ThreadState& ts, Value v) noexcept {
    return v.is_object() && v.as_object()->type == ts.types().list;
}
bool is_list(ThreadState& ts, Value v) noexcept;

// Empty list with room for `capacity` items.
Value list_new(ThreadState& ts, uint64_t capacity = 0);
Value list_from_array(ThreadState& ts, const Value* items, uint64_t n);
// list(iterable)
Value list_from_iterable(ThreadState& ts, Value iterable);
// Appends a borrowed value (the list takes a new reference). false: MemoryError.
[[nodiscard]] bool list_append(ThreadState& ts, Value list, Value item);
// Appends, consuming the reference to `item`.
[[nodiscard]] bool list_append_steal(ThreadState& ts, Value list, Value item);
[[nodiscard]] bool list_extend(ThreadState& ts, Value list, Value iterable);
// Appends items[0..n), taking over the caller's references (the unpickler's
// APPENDS moves its stack into the list). false: MemoryError, and nothing
// was taken.
[[nodiscard]] bool list_extend_steal(ThreadState& ts, Value list, const Value* items, uint64_t n);
// Sorts in place with optional key (null) and reverse; stable (timsort or
// merge sort), raising if comparisons fail.
[[nodiscard]] bool list_sort(ThreadState& ts, Value list, Value key, bool reverse);
// The method list.sort(*, key=None, reverse=False) (runtime/list_sort.cpp).
Value list_sort(ThreadState& ts, Args args);
// list[lo:hi] for 0 <= lo <= hi <= size (a new exact list).
Value list_slice(ThreadState& ts, Value list, uint64_t lo, uint64_t hi);

// The items of a list or tuple (any subclass) without copying: BORROWED
// pointer and count, valid until the sequence is mutated.
const Value* seq_items(Value list_or_tuple, uint64_t* n) noexcept;
// CPython's PySequence_Fast: `v` itself (new ref) if it is a list or tuple,
// else list(v); a TypeError from iter() is replaced by TypeError(msg).
Value seq_fast(ThreadState& ts, Value v, const char* msg);

// Recursion guard for container reprs (CPython's Py_ReprEnter/Py_ReprLeave):
// a list that contains itself prints as [[...]]. The set of objects whose
// repr is in progress is per OS thread, like CPython's (kept in the thread
// state dict there).
class ReprGuard {
public:
    explicit ReprGuard(Value obj) noexcept;
    ~ReprGuard();
    ReprGuard(const ReprGuard&) = delete;
    ReprGuard& operator=(const ReprGuard&) = delete;
    // True when `obj` was already being repr'd further up this thread's stack:
    // print the "..." form instead.
    bool recursive() const noexcept { return m_recursive; }

private:
    Object* m_obj;
    bool m_recursive;
};

void define_list_type(Interpreter& interp, TypeObject* t);
void define_list_iterator_type(Interpreter& interp, TypeObject* t);
void define_list_reverseiterator_type(Interpreter& interp, TypeObject* t);

}  // namespace gilt
