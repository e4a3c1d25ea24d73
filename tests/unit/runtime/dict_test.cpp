// Tests for dict and its views (runtime/dict.cpp, runtime/dict_views.cpp):
// rows checked against python3 by eval_tables.py, then insertion order
// through deletions, growth, iteration guards, the interned-str fast path,
// __missing__, the views' set operators and reference counts via C++.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <string>
#include <vector>

#include "runtime/abstract.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/native_function.hpp"
#include "runtime/set.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "tests/unit/runtime/container_test_helpers.hpp"

namespace gilt {
namespace {

using testing::Case;

class DictTest : public testing::ContainerTest {
protected:
    // A dict of str keys to small ints, in the given order.
    Ref strdict(std::initializer_list<std::pair<const char*, int64_t>> items) {
        Ref d(dict_new(ts));
        for (auto [k, v] : items) {
            Ref key(str(k));
            EXPECT_TRUE(dict_set(ts, *d, *key, Value::small_int(v)));
        }
        return d;
    }
    bool del(Value d, const char* k) {
        Ref key(str(k));
        return dict_del(ts, d, *key) == 1;
    }
};

constexpr Case kDictCases[] = {
    {R"~({'a': 1})~", R"~({'a': 1})~"},
    {R"~({})~", R"~({})~"},
    {R"~({1: 'x', (1, 2): [3], None: {}})~", R"~({1: 'x', (1, 2): [3], None: {}})~"},
    {R"~({'a': 1, 'a': 2})~", R"~({'a': 2})~"},
    {R"~({1: 'int', 1.0: 'float', True: 'bool'})~", R"~({1: 'bool'})~"},
    {R"~({'a': 1}['a'])~", R"~(1)~"},
    {R"~({'a': 1}['b'])~", R"~(KeyError: 'b')~"},
    {R"~({}[(1, 2)])~", R"~(KeyError: (1, 2))~"},
    {R"~({}[[1]])~", R"~(TypeError: unhashable type: 'list')~"},
    {R"~({1: 2}[1.0])~", R"~(2)~"},
    {R"~({True: 1}[1])~", R"~(1)~"},
    {R"~({-1: 'a', -2: 'b'}[-1])~", R"~('a')~"},
    {R"~('a' in {'a': 1})~", R"~(True)~"},
    {R"~(1 in {'a': 1})~", R"~(False)~"},
    {R"~([] in {})~", R"~(TypeError: unhashable type: 'list')~"},
    {R"~({'a': 1} == {'a': 1})~", R"~(True)~"},
    {R"~({'a': 1, 'b': 2} == {'b': 2, 'a': 1})~", R"~(True)~"},
    {R"~({'a': 1} == {'a': 1.0})~", R"~(True)~"},
    {R"~({'a': 1} != {'a': 2})~", R"~(True)~"},
    {R"~({'a': 1} == {'b': 1})~", R"~(False)~"},
    {R"~({} == [])~", R"~(False)~"},
    {R"~({'a': 1} < {'a': 1})~",
     R"~(TypeError: '<' not supported between instances of 'dict' and 'dict')~"},
    {R"~({'a': 1} + {'b': 2})~",
     R"~(TypeError: unsupported operand type(s) for +: 'dict' and 'dict')~"},
    {R"~(len({1: 2, 3: 4}))~", R"~(2)~"},
    {R"~(hash({}))~", R"~(TypeError: unhashable type: 'dict')~"},
    {R"~({'a': 1}.get('a'))~", R"~(1)~"},
    {R"~({'a': 1}.get('b'))~", R"~(None)~"},
    {R"~({'a': 1}.get('b', 0))~", R"~(0)~"},
    {R"~({}.get())~", R"~(TypeError: get expected at least 1 argument, got 0)~"},
    {R"~({}.get(1, 2, 3))~", R"~(TypeError: get expected at most 2 arguments, got 3)~"},
    {R"~({}.get(1, x=1))~", R"~(TypeError: dict.get() takes no keyword arguments)~"},
    {R"~({}.get([]))~", R"~(TypeError: unhashable type: 'list')~"},
    {R"~({}.setdefault('a', 5))~", R"~(5)~"},
    {R"~({'a': 1}.setdefault('a', 5))~", R"~(1)~"},
    {R"~({}.setdefault('a'))~", R"~(None)~"},
    {R"~({}.setdefault())~", R"~(TypeError: setdefault expected at least 1 argument, got 0)~"},
    {R"~({'a': 1}.pop('a'))~", R"~(1)~"},
    {R"~({}.pop(1))~", R"~(KeyError: 1)~"},
    {R"~({}.pop(1, 'd'))~", R"~('d')~"},
    {R"~({}.pop())~", R"~(TypeError: pop expected at least 1 argument, got 0)~"},
    {R"~({}.pop(1, 2, 3))~", R"~(TypeError: pop expected at most 2 arguments, got 3)~"},
    {R"~({'a': 1, 'b': 2}.popitem())~", R"~(('b', 2))~"},
    {R"~({}.popitem())~", R"~(KeyError: 'popitem(): dictionary is empty')~"},
    {R"~({'a': 1}.keys())~", R"~(dict_keys(['a']))~"},
    {R"~({'a': 1}.values())~", R"~(dict_values([1]))~"},
    {R"~({'a': 1}.items())~", R"~(dict_items([('a', 1)]))~"},
    {R"~({}.items())~", R"~(dict_items([]))~"},
    {R"~({}.keys(1))~", R"~(TypeError: dict.keys() takes no arguments (1 given))~"},
    {R"~(len({'a': 1}.items()))~", R"~(1)~"},
    {R"~('a' in {'a': 1}.keys())~", R"~(True)~"},
    {R"~(('a', 1) in {'a': 1}.items())~", R"~(True)~"},
    {R"~(('a', 2) in {'a': 1}.items())~", R"~(False)~"},
    {R"~(('a',) in {'a': 1}.items())~", R"~(False)~"},
    {R"~(1 in {'a': 1}.values())~", R"~(True)~"},
    {R"~({'a': 1}.keys() == {'a': 2}.keys())~", R"~(True)~"},
    {R"~({'a': 1}.items() == {'a': 2}.items())~", R"~(False)~"},
    {R"~({'a': 1}.values() == {'a': 1}.values())~", R"~(False)~"},
    {R"~({'a': 1}.keys() == ['a'])~", R"~(False)~"},
    {R"~({'a': 1}.keys() <= {'a': 1, 'b': 2}.keys())~", R"~(True)~"},
    {R"~({'a': 1}.keys() > {'a': 1}.keys())~", R"~(False)~"},
    {R"~({'a': 1, 'b': 2}.keys() - ['a'])~", R"~({'b'})~"},
    {R"~(['a', 'c'] - {'a': 1}.keys())~", R"~({'c'})~"},
    {R"~({'a': 1}.items() - {'a': 1}.items())~", R"~(set())~"},
    {R"~({'a': 1}.keys() - 5)~", R"~(TypeError: 'int' object is not iterable)~"},
    {R"~({'a': 1}.keys() + [1])~",
     R"~(TypeError: unsupported operand type(s) for +: 'dict_keys' and 'list')~"},
    {R"~(hash({}.keys()))~", R"~(TypeError: unhashable type: 'dict_keys')~"},
    {R"~({'a': 1}.keys().isdisjoint(['b']))~", R"~(True)~"},
    {R"~({'a': 1}.items().isdisjoint([('a', 1)]))~", R"~(False)~"},
    {R"~(list({'a': 1, 'b': 2}.__reversed__()))~", R"~(['b', 'a'])~"},
    {R"~(list({'a': 1, 'b': 2}.items().__reversed__()))~", R"~([('b', 2), ('a', 1)])~"},
    {R"~(list({'a': 1, 'b': 2}.values().__reversed__()))~", R"~([2, 1])~"},
    {R"~({}.update({'a': 1}))~", R"~(None)~"},
    {R"~({}.update(1, 2))~", R"~(TypeError: update expected at most 1 argument, got 2)~"},
    {R"~({}.update([1]))~",
     R"~(TypeError: cannot convert dictionary update sequence element #0 to a sequence)~"},
    {R"~({}.update([(1, 2), (1, 2, 3)]))~",
     R"~(ValueError: dictionary update sequence element #1 has length 3; 2 is required)~"},
    {R"~({}.update(5))~", R"~(TypeError: 'int' object is not iterable)~"},
    {R"~({'a': 1, 'b': 2}.copy())~", R"~({'a': 1, 'b': 2})~"},
    {R"~({'a': 1}.clear())~", R"~(None)~"},
    {R"~(dict.fromkeys('ab'))~", R"~({'a': None, 'b': None})~"},
    {R"~(dict.fromkeys([1, 2, 1], 0))~", R"~({1: 0, 2: 0})~"},
    {R"~(dict.fromkeys())~", R"~(TypeError: fromkeys expected at least 1 argument, got 0)~"},
    {R"~(dict(a=1, b=2))~", R"~({'a': 1, 'b': 2})~"},
    {R"~(dict([('a', 1)], b=2))~", R"~({'a': 1, 'b': 2})~"},
    {R"~(dict({'a': 1}, a=3))~", R"~({'a': 3})~"},
    {R"~(dict(['ab', (1, 2)]))~", R"~({'a': 'b', 1: 2})~"},
    {R"~(dict({'x': 1}.items()))~", R"~({'x': 1})~"},
    {R"~(dict())~", R"~({})~"},
    {R"~(dict(1, 2))~", R"~(TypeError: dict expected at most 1 argument, got 2)~"},
    {R"~(dict(1))~", R"~(TypeError: 'int' object is not iterable)~"},
    {R"~(dict([1]))~",
     R"~(TypeError: cannot convert dictionary update sequence element #0 to a sequence)~"},
    {R"~(dict([(1, 2, 3)]))~",
     R"~(ValueError: dictionary update sequence element #0 has length 3; 2 is required)~"},
    {R"~(list({'b': 1, 'a': 2}))~", R"~(['b', 'a'])~"},
    {R"~(list({'b': 1, 'a': 2}.items()))~", R"~([('b', 1), ('a', 2)])~"},
};

TEST_F(DictTest, Expressions) {
    check(kDictCases);
}

TEST_F(DictTest, OrderSurvivesDeletesAndReinserts) {
    Ref d(strdict({{"a", 1}, {"b", 2}, {"c", 3}}));
    ASSERT_TRUE(del(*d, "b"));
    Ref b(str("b")), dd(str("d")), a(str("a"));
    ASSERT_TRUE(dict_set(ts, *d, *b, Value::small_int(20)));
    ASSERT_TRUE(dict_set(ts, *d, *dd, Value::small_int(4)));
    ASSERT_TRUE(dict_set(ts, *d, *a, Value::small_int(10)));  // replacing keeps the position
    EXPECT_EQ(repr(d), "{'a': 10, 'c': 3, 'b': 20, 'd': 4}");
    Ref items(method(*d, "popitem", {}));
    EXPECT_EQ(repr(items), "('d', 4)");
    ASSERT_TRUE(dict_set(ts, *d, *dd, Value::small_int(5)));
    EXPECT_EQ(repr(d), "{'a': 10, 'c': 3, 'b': 20, 'd': 5}");
    Ref copy(dict_copy(ts, *d));
    EXPECT_EQ(repr(copy), "{'a': 10, 'c': 3, 'b': 20, 'd': 5}");
    Ref keys(dict_keys_list(ts, *d));
    EXPECT_EQ(repr(keys), "['a', 'c', 'b', 'd']");
}

TEST_F(DictTest, ManyInsertsAndDeletesMatchAStdMap) {
    Ref d(dict_new(ts));
    std::map<int64_t, int64_t> expect;
    std::mt19937 rng(7);
    for (int step = 0; step < 20000; ++step) {
        int64_t k = static_cast<int64_t>(rng() % 500) - 250;
        if (rng() % 3 == 0) {
            int r = dict_del(ts, *d, Value::small_int(k));
            ASSERT_EQ(r, expect.erase(k) ? 1 : 0);
        } else {
            ASSERT_TRUE(dict_set(ts, *d, Value::small_int(k), Value::small_int(step)));
            expect[k] = step;
        }
    }
    ASSERT_EQ(dict_size(*d), expect.size());
    for (auto [k, v] : expect) {
        bool error = false;
        EXPECT_EQ(dict_get(ts, *d, Value::small_int(k), &error), Value::small_int(v));
    }
    uint64_t pos = 0, n = 0;
    Value k, v;
    while (dict_next(*d, &pos, &k, &v)) ++n;
    EXPECT_EQ(n, expect.size());
}

TEST_F(DictTest, PopitemAndInsertForeverStaysUsable) {
    Ref d(strdict({{"a", 1}, {"b", 2}, {"c", 3}}));
    Ref x(str("x"));
    for (int i = 0; i < 1000; ++i) {
        Ref item(method(*d, "popitem", {}));
        ASSERT_TRUE(item);
        ASSERT_TRUE(dict_set(ts, *d, *x, Value::small_int(i)));
    }
    EXPECT_EQ(repr(d), "{'a': 1, 'b': 2, 'x': 999}");
}

TEST_F(DictTest, CollidingHashesStayDistinct) {
    Ref d(dict_new(ts));
    ASSERT_TRUE(dict_set(ts, *d, Value::small_int(-1), Value::small_int(1)));
    ASSERT_TRUE(dict_set(ts, *d, Value::small_int(-2), Value::small_int(2)));
    EXPECT_EQ(repr(d), "{-1: 1, -2: 2}");
    EXPECT_EQ(dict_del(ts, *d, Value::small_int(-1)), 1);
    bool error = false;
    EXPECT_EQ(dict_get(ts, *d, Value::small_int(-2), &error), Value::small_int(2));
}

TEST_F(DictTest, IterationDetectsChanges) {
    Ref d(strdict({{"a", 1}, {"b", 2}}));
    Ref it(obj_iter(ts, *d));
    Ref first(iter_next(ts, *it));
    EXPECT_EQ(repr(first), "'a'");
    Ref c(str("c"));
    ASSERT_TRUE(dict_set(ts, *d, *c, Value::small_int(3)));
    EXPECT_TRUE(Ref(iter_next(ts, *it)).is_null());
    EXPECT_EQ(error(), "RuntimeError: dictionary changed size during iteration");
    EXPECT_TRUE(Ref(iter_next(ts, *it)).is_null());  // sticky
    EXPECT_EQ(error(), "RuntimeError: dictionary changed size during iteration");

    // Same size, different keys: caught when more keys turn up than expected.
    Ref d2(strdict({{"a", 1}}));
    Ref it2(obj_iter(ts, *d2));
    ASSERT_TRUE(del(*d2, "a"));
    Ref z(str("z"));
    ASSERT_TRUE(dict_set(ts, *d2, *z, Value::small_int(1)));
    Ref got(iter_next(ts, *it2));
    EXPECT_EQ(repr(got), "'z'");
    Ref d3(strdict({{"a", 1}, {"b", 2}}));
    Ref it3(obj_iter(ts, *d3));
    Ref got3(iter_next(ts, *it3));
    ASSERT_TRUE(del(*d3, "a"));
    ASSERT_TRUE(dict_set(ts, *d3, *z, Value::small_int(1)));
    Ref got4(iter_next(ts, *it3));
    EXPECT_EQ(repr(got4), "'b'");
    EXPECT_TRUE(Ref(iter_next(ts, *it3)).is_null());
    EXPECT_EQ(error(), "RuntimeError: dictionary keys changed during iteration");
}

TEST_F(DictTest, ItemIteratorReusesItsTuple) {
    Ref d(strdict({{"a", 1}, {"b", 2}}));
    Ref view(method(*d, "items", {}));
    Ref it(obj_iter(ts, *view));
    EXPECT_EQ(type_name(ts, *it), "dict_itemiterator");
    Value first_ptr;
    {
        Ref first(iter_next(ts, *it));
        first_ptr = *first;
        EXPECT_EQ(repr(first), "('a', 1)");
    }
    Ref second(iter_next(ts, *it));
    EXPECT_EQ(*second, first_ptr);
    EXPECT_EQ(repr(second), "('b', 2)");
    Ref held = second;
    Ref none(iter_next(ts, *it));
    EXPECT_TRUE(none.is_null());
    EXPECT_EQ(repr(held), "('b', 2)");
}

TEST_F(DictTest, InternedStrFastPath) {
    Ref d(dict_new(ts));
    for (int i = 0; i < 100; ++i) {
        Ref k(interp.intern("name" + std::to_string(i)));
        ASSERT_TRUE(dict_set(ts, *d, *k, Value::small_int(i)));
    }
    Ref k42(interp.intern("name42"));
    EXPECT_EQ(dict_get_str(*d, *k42), Value::small_int(42));
    Ref missing(interp.intern("nope"));
    EXPECT_TRUE(dict_get_str(*d, *missing).is_null());
    Ref plain(make_str(ts, "name7"));  // equal text, another object
    bool error = false;
    EXPECT_EQ(dict_get(ts, *d, *plain, &error), Value::small_int(7));
    EXPECT_EQ(dict_get_cstr(ts, *d, "name99"), Value::small_int(99));
    ASSERT_TRUE(dict_set_cstr(ts, *d, "extra", Value::none()));
    EXPECT_EQ(dict_get_cstr(ts, *d, "extra"), Value::none());
    Ref empty(dict_new(ts));
    EXPECT_TRUE(dict_get_str(*empty, *k42).is_null());
}

TEST_F(DictTest, VersionChangesOnEveryMutation) {
    Ref d(dict_new(ts));
    uint64_t v0 = dict_obj(*d)->version;
    Ref k(str("k"));
    ASSERT_TRUE(dict_set(ts, *d, *k, Value::small_int(1)));
    uint64_t v1 = dict_obj(*d)->version;
    ASSERT_TRUE(dict_set(ts, *d, *k, Value::small_int(2)));
    uint64_t v2 = dict_obj(*d)->version;
    ASSERT_EQ(dict_del(ts, *d, *k), 1);
    uint64_t v3 = dict_obj(*d)->version;
    dict_clear(*d);
    uint64_t v4 = dict_obj(*d)->version;
    EXPECT_NE(v0, v1);
    EXPECT_NE(v1, v2);
    EXPECT_NE(v2, v3);
    EXPECT_NE(v3, v4);
}

TEST_F(DictTest, KeyBloomHasEveryKeyAndIsRebuiltOnResize) {
    Ref d(dict_new(ts));
    std::vector<Ref> keys;
    for (int i = 0; i < 40; ++i) {
        keys.emplace_back(str("attr" + std::to_string(i)));
        ASSERT_TRUE(dict_set(ts, *d, *keys.back(), Value::small_int(i)));
        for (const Ref& k : keys) {
            // A key that is present always has its bit set, through every resize.
            ASSERT_FALSE(dict_bloom_lacks(dict_obj(*d)->key_bloom, str_hash(*k))) << i;
            ASSERT_FALSE(dict_get_str(*d, *k).is_null());
        }
    }
    // Deleted keys may leave their bits until the table is rebuilt, which
    // keeps exactly the bits of the keys left.
    for (int i = 0; i < 39; ++i) ASSERT_EQ(dict_del(ts, *d, *keys[i]), 1);
    std::vector<Ref> added;
    for (uint64_t len = dict_obj(*d)->entries_len; dict_obj(*d)->entries_len >= len;) {
        len = dict_obj(*d)->entries_len;
        added.emplace_back(str("new" + std::to_string(added.size())));
        ASSERT_TRUE(dict_set(ts, *d, *added.back(), Value::none()));
    }
    uint64_t live = dict_bloom_bits(str_hash(*keys[39]));
    for (const Ref& k : added) live |= dict_bloom_bits(str_hash(*k));
    EXPECT_EQ(dict_obj(*d)->key_bloom, live);
    for (int i = 0; i < 39; ++i) EXPECT_TRUE(dict_get_str(*d, *keys[i]).is_null());
    EXPECT_FALSE(dict_get_str(*d, *keys[39]).is_null());
    dict_clear(*d);
    EXPECT_EQ(dict_obj(*d)->key_bloom, 0u);
    // Bits come from the hash's high bits: int keys 0..63 do not share one.
    uint64_t bits = 0;
    for (int64_t h = 0; h < 64; ++h) bits |= dict_bloom_bits(h);
    EXPECT_GT(__builtin_popcountll(bits), 32);
    // Two bits per key: beside two attributes few absent names get past the
    // test (expected about 4 in 1000; one bit per key would pass about 31).
    Ref attrs(dict_new(ts));
    Ref x(str("x")), y(str("y"));
    ASSERT_TRUE(dict_set(ts, *attrs, *x, Value::none()));
    ASSERT_TRUE(dict_set(ts, *attrs, *y, Value::none()));
    int passed = 0;
    for (int i = 0; i < 1000; ++i) {
        Ref name(str("method" + std::to_string(i)));
        if (!dict_bloom_lacks(dict_obj(*attrs)->key_bloom, str_hash(*name))) ++passed;
    }
    EXPECT_LT(passed, 15);
}

TEST_F(DictTest, SmallestTablesAreReusedAndBounded) {
    // Dicts dropped with the smallest table give it to the next small dict.
    Ref key(interp.intern("a"));
    void* freed;
    {
        Ref d(dict_new_presized(ts, 5));
        DictObject* dd = dict_obj(*d);
        ASSERT_EQ(dd->index_mask + 1, 8u);
        EXPECT_EQ(dd->entries_cap, 5u);
        freed = dd->index;
    }
    uint32_t spare = interp.dict_tables.size();
    ASSERT_GE(spare, 1u);
    Ref d(dict_new(ts));
    ASSERT_TRUE(dict_set(ts, *d, *key, Value::small_int(1)));
    EXPECT_EQ(static_cast<void*>(dict_obj(*d)->index), freed);
    EXPECT_EQ(interp.dict_tables.size(), spare - 1);
    for (int64_t i = 0; i < 8; ++i)
        EXPECT_EQ(dict_obj(*d)->index[i] == -1, i != (str_hash(*key) & 7));
    // Many at once: the free list keeps a bounded number.
    {
        std::vector<Ref> many;
        for (int i = 0; i < 200; ++i) many.emplace_back(dict_new_presized(ts, 1));
    }
    EXPECT_EQ(interp.dict_tables.size(), interp.dict_tables.capacity());
    // Growing past the smallest size hands the small table back.
    for (int i = 0; i < 20; ++i) {
        Ref k(str("k" + std::to_string(i)));
        ASSERT_TRUE(dict_set(ts, *d, *k, Value::small_int(i)));
    }
    EXPECT_EQ(dict_size(*d), 21u);
    EXPECT_EQ(dict_get_str(*d, *key), Value::small_int(1));
}

TEST_F(DictTest, AppendNewTakesOnlySurelyAbsentKeysWithRoom) {
    Ref d(dict_new(ts));
    Ref a(interp.intern("alpha")), b(interp.intern("beta"));
    int64_t ha = str_hash(*a), hb = str_hash(*b);
    ASSERT_NE(ha, -1);
    EXPECT_FALSE(dict_try_append_new(dict_obj(*d), *a, ha, Value::small_int(1)));  // no table yet
    Ref p(dict_new_presized(ts, 5));
    DictObject* pd = dict_obj(*p);
    ASSERT_TRUE(dict_try_append_new(pd, *a, ha, Value::small_int(1)));
    uint64_t version = pd->version;
    // Present: its first probe slot is taken, so it is never appended twice.
    EXPECT_FALSE(dict_try_append_new(pd, *a, ha, Value::small_int(2)));
    EXPECT_EQ(pd->version, version);
    if ((ha & 7) != (hb & 7)) {
        ASSERT_TRUE(dict_try_append_new(pd, *b, hb, Value::small_int(2)));
        EXPECT_NE(pd->version, version);
    } else {
        ASSERT_TRUE(dict_set(ts, *p, *b, Value::small_int(2)));
    }
    EXPECT_EQ(dict_size(*p), 2u);
    EXPECT_EQ(dict_get_str(*p, *a), Value::small_int(1));
    EXPECT_EQ(dict_get_str(*p, *b), Value::small_int(2));
    EXPECT_EQ(repr(p), "{'alpha': 1, 'beta': 2}");
    // Full: no room left without a resize.
    for (int i = 0; i < 3; ++i) {
        Ref k(str("x" + std::to_string(i)));
        ASSERT_TRUE(dict_set(ts, *p, *k, Value::small_int(i)));
    }
    ASSERT_EQ(pd->entries_len, pd->entries_cap);
    Ref c(interp.intern("gamma"));
    EXPECT_FALSE(dict_try_append_new(pd, *c, str_hash(*c), Value::small_int(3)));
}

Value missing_doubles(ThreadState& ts, Args args) {
    return binary_op(ts, BinOp::Mul, args[1], Value::small_int(2));
}

TEST_F(DictTest, SubclassMissingHook) {
    Ref ns(dict_new(ts));
    // A method of dict (a plain builtin function in a class dict would not
    // bind, as in CPython).
    static constexpr MethodDef kMissing{"__missing__", missing_doubles};
    Ref fn(make_native_method(interp, ts.types().dict, kMissing));
    ASSERT_TRUE(dict_set_cstr(ts, *ns, "__missing__", *fn));
    Ref name(str("D"));
    Ref bases(tuple({type(ts.types().dict)}));
    Ref cls(type_new_class(ts, ts.types().type, *name, *bases, *ns));
    ASSERT_TRUE(cls) << error();
    Ref inst(call(*cls, {}));
    ASSERT_TRUE(inst) << error();
    Ref got(obj_getitem(ts, *inst, Value::small_int(21)));
    EXPECT_EQ(*got, Value::small_int(42));
    EXPECT_FALSE(dict_contains(ts, *inst, Value::small_int(21)));  // __missing__ does not insert
    Ref plain(dict_new(ts));
    EXPECT_TRUE(Ref(obj_getitem(ts, *plain, Value::small_int(21))).is_null());
    EXPECT_EQ(error(), "KeyError: 21");
    EXPECT_EQ(repr(inst), "{}");
}

TEST_F(DictTest, ReprGuardsAgainstSelfReference) {
    Ref d(dict_new(ts));
    Ref k(str("self"));
    ASSERT_TRUE(dict_set(ts, *d, *k, *d));
    EXPECT_EQ(repr(d), "{'self': {...}}");
    Ref keys(method(*d, "values", {}));
    EXPECT_EQ(repr(keys), "dict_values([{'self': {...}}])");
    dict_clear(*d);
}

TEST_F(DictTest, ViewSetOperators) {
    Ref d(strdict({{"a", 1}, {"b", 2}, {"c", 3}}));
    Ref keys(method(*d, "keys", {}));
    Ref ab(list_new(ts));
    Ref a(str("a")), b(str("b")), z(str("z"));
    ASSERT_TRUE(list_append(ts, *ab, *a));
    ASSERT_TRUE(list_append(ts, *ab, *z));
    Ref s(set_new(ts, *ab));
    EXPECT_EQ(repr(Ref(binary_op(ts, BinOp::And, *keys, *s))), "{'a'}");
    EXPECT_EQ(repr(Ref(binary_op(ts, BinOp::And, *s, *keys))), "{'a'}");
    EXPECT_EQ(repr(Ref(binary_op(ts, BinOp::And, *keys, *ab))), "{'a'}");
    Ref u(binary_op(ts, BinOp::Or, *keys, *ab));
    EXPECT_EQ(set_size(*u), 4u);
    Ref x(binary_op(ts, BinOp::Xor, *keys, *ab));
    EXPECT_EQ(set_size(*x), 3u);
    EXPECT_EQ(set_contains(ts, *x, *z), 1);
    EXPECT_EQ(set_contains(ts, *x, *a), 0);
    Ref items(method(*d, "items", {}));
    Ref pair(tuple({*b, Value::small_int(2)}));
    Ref pairs(list_new(ts));
    ASSERT_TRUE(list_append(ts, *pairs, *pair));
    EXPECT_EQ(repr(Ref(binary_op(ts, BinOp::And, *items, *pairs))), "{('b', 2)}");
    Ref eq(rich_compare(ts, *keys, *s, CompareOp::Eq));
    EXPECT_EQ(*eq, Value::false_());
}

TEST_F(DictTest, ReferenceCounts) {
    Ref k(str("key")), v(str("value"));
    uint32_t kb = k.get().as_object()->refcnt, vb = v.get().as_object()->refcnt;
    {
        Ref d(dict_new(ts));
        ASSERT_TRUE(dict_set(ts, *d, *k, *v));
        ASSERT_TRUE(dict_set(ts, *d, *k, *v));
        EXPECT_EQ(k.get().as_object()->refcnt, kb + 1);
        EXPECT_EQ(v.get().as_object()->refcnt, vb + 1);
        Ref copy(dict_copy(ts, *d));
        Ref items(list_from_iterable(ts, Ref(method(*d, "items", {})).get()));
        Ref popped(method(*copy, "pop", {*k}));
        EXPECT_EQ(*popped, *v);
        Ref merged(binary_op(ts, BinOp::Or, *d, *d));
        EXPECT_EQ(repr(merged), "{'key': 'value'}");
    }
    EXPECT_EQ(k.get().as_object()->refcnt, kb);
    EXPECT_EQ(v.get().as_object()->refcnt, vb);
    EXPECT_FALSE(ts.has_exception());
}

}  // namespace
}  // namespace gilt
