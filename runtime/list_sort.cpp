// list.sort: a stable merge sort, CPython's observable rules included.
//
// The algorithm is a merge sort over natural runs (see Sorter), without
// timsort's galloping: sorted and reverse-sorted input cost n - 1
// comparisons, random input about n log2 n.
//
// What CPython guarantees and we keep:
//  - only `<` is used (rich_compare_bool(Lt)), and a failing comparison
//    stops the sort with the exception propagating; the list then holds
//    every original item exactly once, in some order;
//  - key functions are called exactly once per item, before any comparison;
//  - reverse=True keeps equal items in their original order (the items are
//    reversed, sorted stably, and reversed back);
//  - while sorting, the list appears empty; if Python code run by a key or
//    __lt__ mutates it, the sort raises ValueError "list modified during
//    sort" and whatever the code put in the list is discarded.
// When every key is a small int, an exact float or an exact str, or a
// tuple starting with one of those, the comparison skips the generic
// protocol (CPython's unsafe_*_compare).
#include <algorithm>
#include <cstdlib>
#include <vector>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/errors.hpp"
#include "runtime/float.hpp"
#include "runtime/heap_meter.hpp"
#include "runtime/list.hpp"
#include "runtime/range.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"

namespace gilt {

namespace {

constexpr uint64_t kRun = 32;

// How keys compare. The Tuple* kinds are non-empty exact tuples whose first
// items are all of the named kind: sorting dict items or (count, word)
// pairs then compares first items directly and only ties go through the
// generic protocol (CPython's unsafe_tuple_compare).
enum class KeyKind : uint8_t { SmallInt, Float, Str, TupleSmallInt, TupleFloat, TupleStr, Generic };

// The scalar kind every value in values[0..n) (read through `at`) has, or Generic.
template <class At>
KeyKind scalar_kind(ThreadState& ts, uint64_t n, At at) {
    bool ints = true, floats = true, strs = true;
    for (uint64_t i = 0; i < n; ++i) {
        Value k = at(i);
        ints = ints && k.is_small_int();
        floats = floats && is_exact_float(ts, k);
        strs = strs && is_exact_str(ts, k);
        if (!ints && !floats && !strs) return KeyKind::Generic;
    }
    return ints ? KeyKind::SmallInt : floats ? KeyKind::Float : KeyKind::Str;
}

KeyKind classify_keys(ThreadState& ts, const Value* keys, uint64_t n) {
    if (n == 0) return KeyKind::Generic;
    KeyKind k = scalar_kind(ts, n, [&](uint64_t i) { return keys[i]; });
    if (k != KeyKind::Generic) return k;
    for (uint64_t i = 0; i < n; ++i) {
        if (!is_exact_tuple(ts, keys[i]) || tuple_size(keys[i]) == 0) return KeyKind::Generic;
    }
    switch (scalar_kind(ts, n, [&](uint64_t i) { return tuple_item(keys[i], 0); })) {
        case KeyKind::SmallInt:
            return KeyKind::TupleSmallInt;
        case KeyKind::Float:
            return KeyKind::TupleFloat;
        case KeyKind::Str:
            return KeyKind::TupleStr;
        default:
            return KeyKind::Generic;
    }
}

// 1 when a < b, 0 when not, -1 on error; specialised per key kind.
template <KeyKind K>
int key_less(ThreadState& ts, Value a, Value b);

// a == b for two scalars of kind K (identity first, as rich_compare_bool).
template <KeyKind K>
bool key_equal(Value a, Value b) {
    if (a == b) return true;
    if constexpr (K == KeyKind::SmallInt) {
        return false;  // equal small ints have equal bits
    } else if constexpr (K == KeyKind::Float) {
        return float_value(a) == float_value(b);
    } else {
        return str_view(a) == str_view(b);
    }
}

// Tuple order: the first items by kind K, then the first differing item
// found with ==, compared with <; a prefix sorts first.
template <KeyKind K>
int tuple_less(ThreadState& ts, Value a, Value b) {
    TupleObject* ta = tuple_obj(a);
    TupleObject* tb = tuple_obj(b);
    if (!key_equal<K>(ta->items[0], tb->items[0]))
        return key_less<K>(ts, ta->items[0], tb->items[0]);
    uint64_t n = std::min(ta->size, tb->size), i = 1;
    for (; i < n; ++i) {
        int eq = rich_compare_bool(ts, ta->items[i], tb->items[i], CompareOp::Eq);
        if (eq < 0) return -1;
        if (!eq) break;
    }
    if (i >= n) return ta->size < tb->size;
    return rich_compare_bool(ts, ta->items[i], tb->items[i], CompareOp::Lt);
}

template <KeyKind K>
int key_less(ThreadState& ts, Value a, Value b) {
    if constexpr (K == KeyKind::SmallInt) {
        return a.as_small_int() < b.as_small_int();
    } else if constexpr (K == KeyKind::Float) {
        return float_value(a) < float_value(b);
    } else if constexpr (K == KeyKind::Str) {
        return str_view(a) < str_view(b);  // UTF-8 byte order = code point order
    } else if constexpr (K == KeyKind::TupleSmallInt) {
        return tuple_less<KeyKind::SmallInt>(ts, a, b);
    } else if constexpr (K == KeyKind::TupleFloat) {
        return tuple_less<KeyKind::Float>(ts, a, b);
    } else if constexpr (K == KeyKind::TupleStr) {
        return tuple_less<KeyKind::Str>(ts, a, b);
    } else {
        return rich_compare_bool(ts, a, b, CompareOp::Lt);
    }
}

// The sort state: keys[] and, when a key function was given, the values
// that travel with them (vals == nullptr otherwise).
//
// Like timsort, it first splits the input into natural runs (ascending, or
// strictly descending and then reversed, which keeps equal items in order),
// extends short runs to kRun items by binary insertion, then merges
// neighbouring runs pass after pass. Sorted and reverse-sorted input thus
// cost n - 1 comparisons.
template <KeyKind K>
class Sorter {
public:
    Sorter(ThreadState& ts, Value* keys, Value* vals, uint64_t n)
        : m_ts(ts), m_keys(keys), m_vals(vals), m_n(n) {}

    // false with the comparison's exception pending.
    bool sort() {
        std::vector<uint64_t> bounds;  // start of every run, then m_n
        for (uint64_t lo = 0; lo < m_n;) {
            uint64_t hi;
            if (!count_run(lo, &hi)) return false;
            uint64_t want = std::min(lo + kRun, m_n);
            if (hi < want) {
                if (!insertion_sort(lo, hi, want)) return false;
                hi = want;
            }
            bounds.push_back(lo);
            lo = hi;
        }
        bounds.push_back(m_n);
        while (bounds.size() > 2) {
            std::vector<uint64_t> merged;
            uint64_t runs = bounds.size() - 1;
            for (uint64_t i = 0; i < runs; i += 2) {
                merged.push_back(bounds[i]);
                if (i + 1 < runs && !merge(bounds[i], bounds[i + 1], bounds[i + 2])) return false;
            }
            merged.push_back(m_n);
            bounds.swap(merged);
        }
        return true;
    }

private:
    int less(Value a, Value b) { return key_less<K>(m_ts, a, b); }

    // The natural run starting at lo: [lo, *hi) ascending afterwards.
    bool count_run(uint64_t lo, uint64_t* hi) {
        uint64_t i = lo + 1;
        if (i >= m_n) {
            *hi = m_n;
            return true;
        }
        int c = less(m_keys[i], m_keys[lo]);
        if (c < 0) return false;
        bool descending = c != 0;
        for (; i + 1 < m_n; ++i) {
            c = less(m_keys[i + 1], m_keys[i]);
            if (c < 0) return false;
            if ((c != 0) != descending) break;
        }
        *hi = i + 1;
        if (descending) {
            std::reverse(m_keys + lo, m_keys + *hi);
            if (m_vals) std::reverse(m_vals + lo, m_vals + *hi);
        }
        return true;
    }

    // [lo, start) is sorted: binary-inserts [start, hi) into it; each item
    // goes after its equals.
    bool insertion_sort(uint64_t lo, uint64_t start, uint64_t hi) {
        for (uint64_t i = start; i < hi; ++i) {
            Value pivot = m_keys[i];
            uint64_t l = lo, r = i;
            while (l < r) {
                uint64_t mid = l + (r - l) / 2;
                int c = less(pivot, m_keys[mid]);
                if (c < 0) return false;
                if (c) {
                    r = mid;
                } else {
                    l = mid + 1;
                }
            }
            std::move_backward(m_keys + l, m_keys + i, m_keys + i + 1);
            m_keys[l] = pivot;
            if (m_vals) {
                Value v = m_vals[i];
                std::move_backward(m_vals + l, m_vals + i, m_vals + i + 1);
                m_vals[l] = v;
            }
        }
        return true;
    }

    // Merges the sorted runs [lo, mid) and [mid, hi). The left run is copied
    // out; on error the rest of it is copied back, so no item is lost.
    bool merge(uint64_t lo, uint64_t mid, uint64_t hi) {
        int c = less(m_keys[mid], m_keys[mid - 1]);
        if (c <= 0) return c == 0;  // already in order
        uint64_t nl = mid - lo;
        if (m_tmp_keys.size() < nl) {
            m_tmp_keys.resize(nl);
            if (m_vals) m_tmp_vals.resize(nl);
        }
        std::copy(m_keys + lo, m_keys + mid, m_tmp_keys.begin());
        if (m_vals) std::copy(m_vals + lo, m_vals + mid, m_tmp_vals.begin());
        uint64_t i = 0, j = mid, k = lo;
        bool ok = true;
        while (i < nl && j < hi) {
            c = less(m_keys[j], m_tmp_keys[i]);
            if (c < 0) {
                ok = false;
                break;
            }
            if (c) {
                m_keys[k] = m_keys[j];
                if (m_vals) m_vals[k] = m_vals[j];
                ++j;
            } else {
                m_keys[k] = m_tmp_keys[i];
                if (m_vals) m_vals[k] = m_tmp_vals[i];
                ++i;
            }
            ++k;
        }
        std::copy(m_tmp_keys.begin() + i, m_tmp_keys.begin() + nl, m_keys + k);
        if (m_vals) std::copy(m_tmp_vals.begin() + i, m_tmp_vals.begin() + nl, m_vals + k);
        return ok;
    }

    ThreadState& m_ts;
    Value* m_keys;
    Value* m_vals;
    uint64_t m_n;
    std::vector<Value> m_tmp_keys;
    std::vector<Value> m_tmp_vals;
};

bool run_sorter(ThreadState& ts, Value* keys, Value* vals, uint64_t n) {
    switch (classify_keys(ts, keys, n)) {
        case KeyKind::SmallInt:
            return Sorter<KeyKind::SmallInt>(ts, keys, vals, n).sort();
        case KeyKind::Float:
            return Sorter<KeyKind::Float>(ts, keys, vals, n).sort();
        case KeyKind::Str:
            return Sorter<KeyKind::Str>(ts, keys, vals, n).sort();
        case KeyKind::TupleSmallInt:
            return Sorter<KeyKind::TupleSmallInt>(ts, keys, vals, n).sort();
        case KeyKind::TupleFloat:
            return Sorter<KeyKind::TupleFloat>(ts, keys, vals, n).sort();
        case KeyKind::TupleStr:
            return Sorter<KeyKind::TupleStr>(ts, keys, vals, n).sort();
        case KeyKind::Generic:
            break;
    }
    return Sorter<KeyKind::Generic>(ts, keys, vals, n).sort();
}

// Calls key(item) for every item; false (keys computed so far released)
// on error.
bool compute_keys(ThreadState& ts, Value key, const Value* items, uint64_t n,
                  std::vector<Value>& keys) {
    keys.reserve(n);
    for (uint64_t i = 0; i < n; ++i) {
        Value k = call1(ts, key, items[i]);
        if (k.is_null()) {
            for (Value done : keys) decref(done);
            keys.clear();
            return false;
        }
        keys.push_back(k);
    }
    return true;
}

// Sorts the detached items; false with an exception pending.
bool sort_items(ThreadState& ts, Value* items, uint64_t n, Value key, bool reverse) {
    std::vector<Value> keys;
    if (!key.is_null() && !compute_keys(ts, key, items, n, keys)) return false;
    Value* k = keys.empty() ? items : keys.data();
    Value* v = keys.empty() ? nullptr : items;
    if (reverse) {
        std::reverse(items, items + n);
        if (v) std::reverse(k, k + n);
    }
    bool ok = run_sorter(ts, k, v, n);
    if (reverse) std::reverse(items, items + n);
    for (Value done : keys) decref(done);
    return ok;
}

}  // namespace

bool list_sort(ThreadState& ts, Value list, Value key, bool reverse) {
    ListObject* l = list_obj(list);
    Value* saved = l->items;
    uint64_t n = l->size, cap = l->capacity;
    l->items = nullptr;  // the list looks empty while its items are sorted
    l->size = 0;
    l->capacity = 0;
    bool ok = sort_items(ts, saved, n, key.is_none() ? Value() : key, reverse);
    Value* final_items = l->items;
    uint64_t final_size = l->size;
    bool modified = final_items != nullptr || final_size != 0;
    l->items = saved;
    l->size = n;
    l->capacity = cap;
    if (modified) {
        while (final_size > 0) decref(final_items[--final_size]);
        heap_free(l->hdr.type->interp, final_items);
        if (ok) raise(ts, ts.exc_types().ValueError, "list modified during sort");
        ok = false;
    }
    return ok;
}

// list.sort(*, key=None, reverse=False)
Value list_sort(ThreadState& ts, Args args) {
    if (args.n > 1)
        return raise(ts, ts.exc_types().TypeError, "sort() takes no positional arguments");
    Value key, reverse;
    if (!parse_args(ts, args.drop_first(), "sort", {"|", "$key", "$reverse"}, {&key, &reverse}))
        return Value();
    int64_t rev = 0;
    if (!reverse.is_null() && !index_as_ssize(ts, reverse, &rev)) return Value();
    if (!list_sort(ts, args[0], key, rev != 0)) return Value();
    return Value::none();
}

}  // namespace gilt
