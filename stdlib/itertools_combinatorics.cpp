// itertools: the combinatoric iterators (product, permutations,
// combinations, combinations_with_replacement), CPython's algorithms with
// index arrays (see itertools.hpp for the shared layout).
#include <algorithm>
#include <utility>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/errors.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "stdlib/itertools.hpp"

namespace gilt::itertools_impl {

// --- product(*iterables, repeat=1): v0 tuple of pools (tuples), v1 the
// last result (null before the first); idx the position in each pool;
// n0 stopped ---

Value product_new(ThreadState& ts, TypeObject* type, Args args) {
    int64_t repeat = 1;
    for (uint32_t i = 0; i < args.kw_count(); ++i) {
        if (str_view(args.kwnames->items[i]) != "repeat") {
            return raise(ts, ts.exc_types().TypeError,
                         "product() got an unexpected keyword argument");
        }
        if (!int_as_int64(ts, args.v[args.n + i], &repeat)) return Value();
    }
    if (repeat < 0)
        return raise(ts, ts.exc_types().ValueError, "repeat argument cannot be negative");
    uint64_t npools = args.n * static_cast<uint64_t>(repeat);
    Ref pools(tuple_new(ts, npools));
    if (!pools) return Value();
    for (uint32_t i = 0; i < args.n; ++i) {
        Value pool = tuple_from_iterable(ts, args[i]);
        if (pool.is_null()) return Value();
        for (int64_t r = 0; r < repeat; ++r)
            tuple_obj(*pools)->items[r * args.n + i] = new_ref(pool);
        decref(pool);
    }
    Value r = it_make(ts, type, {pools.release()});
    if (r.is_null() || !it_alloc_indices(ts, it_obj(r), static_cast<int64_t>(npools))) {
        decref(r);
        return Value();
    }
    return r;
}

// A tuple of pool[indices[i]] for each pool.
Value tuple_at_indices(ThreadState& ts, Value pools_or_pool, const int64_t* idx, int64_t n,
                       bool single_pool) {
    Value t = tuple_new(ts, static_cast<uint64_t>(n));
    if (t.is_null()) return t;
    for (int64_t i = 0; i < n; ++i) {
        Value pool =
            single_pool ? pools_or_pool : tuple_item(pools_or_pool, static_cast<uint64_t>(i));
        tuple_obj(t)->items[i] = new_ref(tuple_item(pool, static_cast<uint64_t>(idx[i])));
    }
    return t;
}

Value product_next(ThreadState& ts, Value self) {
    ItObject* it = it_obj(self);
    if (it->n[0]) return Value();
    Value pools = it->v[0];
    int64_t n = static_cast<int64_t>(tuple_size(pools));
    if (it->v[1].is_null()) {
        for (int64_t i = 0; i < n; ++i) {
            if (tuple_size(tuple_item(pools, static_cast<uint64_t>(i))) == 0) {
                it->n[0] = 1;
                return Value();
            }
        }
    } else {
        int64_t i = n - 1;
        for (; i >= 0; --i) {
            Value pool = tuple_item(pools, static_cast<uint64_t>(i));
            if (++it->idx[i] < static_cast<int64_t>(tuple_size(pool))) break;
            it->idx[i] = 0;
        }
        if (i < 0) {
            it->n[0] = 1;
            return Value();
        }
    }
    Value t = tuple_at_indices(ts, pools, it->idx, n, false);
    if (t.is_null()) return t;
    set_ref(it->v[1], new_ref(t));
    return t;
}

// --- permutations(iterable, r=None): v0 the pool tuple, v1 marker that the
// first result was produced; idx = indices (n) followed by cycles (r);
// n0 r, n1 stopped ---

Value permutations_new(ThreadState& ts, TypeObject* type, Args args) {
    Value iterable, rv;
    if (!parse_args(ts, args, "permutations", {"iterable", "|", "r"}, {&iterable, &rv}))
        return Value();
    Ref pool(tuple_from_iterable(ts, iterable));
    if (!pool) return Value();
    int64_t n = static_cast<int64_t>(tuple_size(*pool)), r = n;
    if (!rv.is_null() && !rv.is_none()) {
        if (!int_as_int64(ts, rv, &r)) return Value();
        if (r < 0) return raise(ts, ts.exc_types().ValueError, "r must be non-negative");
    }
    Value res = it_make(ts, type, {pool.release()});
    if (res.is_null() || !it_alloc_indices(ts, it_obj(res), n + r)) {
        decref(res);
        return Value();
    }
    ItObject* it = it_obj(res);
    for (int64_t i = 0; i < n; ++i) it->idx[i] = i;
    for (int64_t i = 0; i < r; ++i) it->idx[n + i] = n - i;
    it->n[0] = r;
    it->n[1] = r > n;
    return res;
}

Value permutations_next(ThreadState& ts, Value self) {
    ItObject* it = it_obj(self);
    if (it->n[1]) return Value();
    int64_t n = static_cast<int64_t>(tuple_size(it->v[0])), r = it->n[0];
    int64_t* indices = it->idx;
    int64_t* cycles = it->idx + n;
    if (!it->v[1].is_null()) {
        if (n == 0) {
            it->n[1] = 1;
            return Value();
        }
        int64_t i = r - 1;
        for (; i >= 0; --i) {
            if (--cycles[i] == 0) {
                int64_t first = indices[i];
                for (int64_t j = i; j < n - 1; ++j) indices[j] = indices[j + 1];
                indices[n - 1] = first;
                cycles[i] = n - i;
            } else {
                int64_t j = cycles[i];
                std::swap(indices[i], indices[n - j]);
                break;
            }
        }
        if (i < 0) {
            it->n[1] = 1;
            return Value();
        }
    }
    it->v[1] = it->v[1].is_null() ? Value::true_() : it->v[1];
    return tuple_at_indices(ts, it->v[0], indices, r, true);
}

// --- combinations / combinations_with_replacement(iterable, r): v0 pool,
// v1 first-result marker; idx = indices (r); n0 r, n1 stopped ---

Value combinations_common_new(ThreadState& ts, TypeObject* type, Args args, ItKind k,
                              const char* name) {
    Value iterable, rv;
    if (!parse_args(ts, args, name, {"iterable", "r"}, {&iterable, &rv})) return Value();
    Ref pool(tuple_from_iterable(ts, iterable));
    if (!pool) return Value();
    int64_t r;
    if (!int_as_int64(ts, rv, &r)) return Value();
    if (r < 0) return raise(ts, ts.exc_types().ValueError, "r must be non-negative");
    int64_t n = static_cast<int64_t>(tuple_size(*pool));
    Value res = it_make(ts, type, {pool.release()});
    if (res.is_null() || !it_alloc_indices(ts, it_obj(res), r)) {
        decref(res);
        return Value();
    }
    ItObject* it = it_obj(res);
    for (int64_t i = 0; i < r; ++i) it->idx[i] = k == kCombinations ? i : 0;
    it->n[0] = r;
    it->n[1] = k == kCombinations ? r > n : (n == 0 && r > 0);
    return res;
}

Value combinations_new(ThreadState& ts, TypeObject* type, Args args) {
    return combinations_common_new(ts, type, args, kCombinations, "combinations");
}
Value combinations_wr_new(ThreadState& ts, TypeObject* type, Args args) {
    return combinations_common_new(ts, type, args, kCombinationsWR,
                                   "combinations_with_replacement");
}

Value combinations_next(ThreadState& ts, Value self) {
    ItObject* it = it_obj(self);
    if (it->n[1]) return Value();
    int64_t n = static_cast<int64_t>(tuple_size(it->v[0])), r = it->n[0];
    int64_t* indices = it->idx;
    if (!it->v[1].is_null()) {
        int64_t i = r - 1;
        while (i >= 0 && indices[i] == i + n - r) --i;
        if (i < 0) {
            it->n[1] = 1;
            return Value();
        }
        ++indices[i];
        for (int64_t j = i + 1; j < r; ++j) indices[j] = indices[j - 1] + 1;
    }
    it->v[1] = Value::true_();
    return tuple_at_indices(ts, it->v[0], indices, r, true);
}

Value combinations_wr_next(ThreadState& ts, Value self) {
    ItObject* it = it_obj(self);
    if (it->n[1]) return Value();
    int64_t n = static_cast<int64_t>(tuple_size(it->v[0])), r = it->n[0];
    int64_t* indices = it->idx;
    if (!it->v[1].is_null()) {
        int64_t i = r - 1;
        while (i >= 0 && indices[i] == n - 1) --i;
        if (i < 0) {
            it->n[1] = 1;
            return Value();
        }
        int64_t v = indices[i] + 1;
        for (int64_t j = i; j < r; ++j) indices[j] = v;
    }
    it->v[1] = Value::true_();
    return tuple_at_indices(ts, it->v[0], indices, r, true);
}

}  // namespace gilt::itertools_impl
