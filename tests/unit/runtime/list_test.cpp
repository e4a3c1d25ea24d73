// Tests for list (runtime/list.cpp, runtime/list_sort.cpp).
//
// Rows {Python expression, expected} run through MiniEval and are checked
// against python3 by eval_tables.py; mutation, sorting with key functions,
// recursion guards and reference counts are tested through the C++ API.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "runtime/abstract.hpp"
#include "runtime/errors.hpp"
#include "runtime/float.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/native_function.hpp"
#include "runtime/range.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "tests/unit/runtime/container_test_helpers.hpp"

namespace gilt {
namespace {

using testing::Case;

class ListTest : public testing::ContainerTest {};

constexpr Case kIndexingCases[] = {
    {R"~([1, 2, 3][1])~", R"~(2)~"},
    {R"~([1, 2, 3][-1])~", R"~(3)~"},
    {R"~([1, 2, 3][-3])~", R"~(1)~"},
    {R"~([1, 2, 3][3])~", R"~(IndexError: list index out of range)~"},
    {R"~([1, 2, 3][-4])~", R"~(IndexError: list index out of range)~"},
    {R"~([][0])~", R"~(IndexError: list index out of range)~"},
    {R"~([1, 2, 3]['a'])~", R"~(TypeError: list indices must be integers or slices, not str)~"},
    {R"~([1, 2, 3][1.5])~", R"~(TypeError: list indices must be integers or slices, not float)~"},
    {R"~([1, 2, 3][True])~", R"~(2)~"},
    {R"~([1][2 ** 100])~", R"~(IndexError: cannot fit 'int' into an index-sized integer)~"},
    {R"~([0, 1, 2, 3, 4][1:3])~", R"~([1, 2])~"},
    {R"~([0, 1, 2, 3, 4][::2])~", R"~([0, 2, 4])~"},
    {R"~([0, 1, 2, 3, 4][::-1])~", R"~([4, 3, 2, 1, 0])~"},
    {R"~([0, 1, 2, 3, 4][-2:])~", R"~([3, 4])~"},
    {R"~([0, 1, 2, 3, 4][4:1:-2])~", R"~([4, 2])~"},
    {R"~([0, 1, 2, 3, 4][10:])~", R"~([])~"},
    {R"~([0, 1, 2, 3, 4][3:1])~", R"~([])~"},
    {R"~([0, 1, 2, 3, 4][-100:100])~", R"~([0, 1, 2, 3, 4])~"},
    {R"~([0, 1, 2, 3, 4][:-100:-1])~", R"~([4, 3, 2, 1, 0])~"},
    {R"~([0, 1, 2, 3, 4][2 ** 100:])~", R"~([])~"},
    {R"~([0, 1, 2, 3, 4][::0])~", R"~(ValueError: slice step cannot be zero)~"},
    {R"~([0, 1, 2, 3, 4]['a':])~",
     R"~(TypeError: slice indices must be integers or None or have an __index__ method)~"},
};

constexpr Case kOperatorCases[] = {
    {R"~([1, 2] + [3])~", R"~([1, 2, 3])~"},
    {R"~([] + [])~", R"~([])~"},
    {R"~([1] + (2,))~", R"~(TypeError: can only concatenate list (not "tuple") to list)~"},
    {R"~([1] + 5)~", R"~(TypeError: can only concatenate list (not "int") to list)~"},
    {R"~(5 + [1])~", R"~(TypeError: unsupported operand type(s) for +: 'int' and 'list')~"},
    {R"~([1, 2] * 2)~", R"~([1, 2, 1, 2])~"},
    {R"~(3 * [0])~", R"~([0, 0, 0])~"},
    {R"~([1] * 0)~", R"~([])~"},
    {R"~([1] * -1)~", R"~([])~"},
    {R"~([1] * True)~", R"~([1])~"},
    {R"~([1] * 2.0)~", R"~(TypeError: can't multiply sequence by non-int of type 'float')~"},
    {R"~(2.0 * [1])~", R"~(TypeError: can't multiply sequence by non-int of type 'float')~"},
    {R"~([1] * 'a')~", R"~(TypeError: can't multiply sequence by non-int of type 'str')~"},
    {R"~([1] * [1])~", R"~(TypeError: can't multiply sequence by non-int of type 'list')~"},
    {R"~([1] * (2 ** 100))~", R"~(OverflowError: cannot fit 'int' into an index-sized integer)~"},
    {R"~([1] - [1])~", R"~(TypeError: unsupported operand type(s) for -: 'list' and 'list')~"},
    {R"~([1, 2] < [1, 3])~", R"~(True)~"},
    {R"~([1, 2] < [1, 2, 0])~", R"~(True)~"},
    {R"~([1, 2] <= [1, 2])~", R"~(True)~"},
    {R"~([2] > [1, 5])~", R"~(True)~"},
    {R"~([1, 2] == [1, 2])~", R"~(True)~"},
    {R"~([1, 2] == [1, 2.0])~", R"~(True)~"},
    {R"~([1, 2] != [1, 2, 3])~", R"~(True)~"},
    {R"~([1, [2, 3]] == [1, [2, 3]])~", R"~(True)~"},
    {R"~([1, 'a'] < [1, 2])~",
     R"~(TypeError: '<' not supported between instances of 'str' and 'int')~"},
    {R"~([1, 'a'] == [1, 2])~", R"~(False)~"},
    {R"~([] < ())~", R"~(TypeError: '<' not supported between instances of 'list' and 'tuple')~"},
    {R"~([1] == (1,))~", R"~(False)~"},
    {R"~(2 in [1, 2])~", R"~(True)~"},
    {R"~(2.0 in [1, 2])~", R"~(True)~"},
    {R"~(3 not in [1, 2])~", R"~(True)~"},
    {R"~('a' in [])~", R"~(False)~"},
    {R"~(len([1, 2, 3]))~", R"~(3)~"},
    {R"~(hash([]))~", R"~(TypeError: unhashable type: 'list')~"},
    {R"~([1, 'a', None, [2.5, (1,)], {'k': [True]}])~",
     R"~([1, 'a', None, [2.5, (1,)], {'k': [True]}])~"},
    {R"~([])~", R"~([])~"},
    {R"~(list('abc'))~", R"~(['a', 'b', 'c'])~"},
    {R"~(list((1, 2)))~", R"~([1, 2])~"},
    {R"~(list({'a': 1, 'b': 2}))~", R"~(['a', 'b'])~"},
    {R"~(list(range(3)))~", R"~([0, 1, 2])~"},
};

constexpr Case kMethodCases[] = {
    {R"~([1, 2, 3].pop())~", R"~(3)~"},
    {R"~([1, 2, 3].pop(0))~", R"~(1)~"},
    {R"~([1, 2, 3].pop(-2))~", R"~(2)~"},
    {R"~([].pop())~", R"~(IndexError: pop from empty list)~"},
    {R"~([1].pop(5))~", R"~(IndexError: pop index out of range)~"},
    {R"~([1].pop(-2))~", R"~(IndexError: pop index out of range)~"},
    {R"~([1].pop('a'))~", R"~(TypeError: 'str' object cannot be interpreted as an integer)~"},
    {R"~([1].pop(1, 2))~", R"~(TypeError: pop expected at most 1 argument, got 2)~"},
    {R"~([1].pop(x=1))~", R"~(TypeError: list.pop() takes no keyword arguments)~"},
    {R"~([1, 2, 3].index(2))~", R"~(1)~"},
    {R"~([1, 2, 3, 2].index(2, 2))~", R"~(3)~"},
    {R"~([1, 2, 3, 2].index(2, -1))~", R"~(3)~"},
    {R"~([1, 2, 3].index(3, 0, 2))~", R"~(ValueError: 3 is not in list)~"},
    {R"~([1, 2, 3].index(1, -2))~", R"~(ValueError: 1 is not in list)~"},
    {R"~([1, 2, 3].index(2, -100, 100))~", R"~(1)~"},
    {R"~([1, 2, 3].index(5))~", R"~(ValueError: 5 is not in list)~"},
    {R"~(['a'].index('b'))~", R"~(ValueError: 'b' is not in list)~"},
    {R"~([1].index(1, 'a'))~",
     R"~(TypeError: slice indices must be integers or have an __index__ method)~"},
    {R"~([].index())~", R"~(TypeError: index expected at least 1 argument, got 0)~"},
    {R"~([1, 2, 1].count(1))~", R"~(2)~"},
    {R"~([1, 1.0, True, 'a'].count(1))~", R"~(3)~"},
    {R"~([].count())~", R"~(TypeError: list.count() takes exactly one argument (0 given))~"},
    {R"~([].remove(3))~", R"~(ValueError: list.remove(x): x not in list)~"},
    {R"~([1, 2].remove(2))~", R"~(None)~"},
    {R"~([].append())~", R"~(TypeError: list.append() takes exactly one argument (0 given))~"},
    {R"~([].append(1, 2))~", R"~(TypeError: list.append() takes exactly one argument (2 given))~"},
    {R"~([].append(x=1))~", R"~(TypeError: list.append() takes no keyword arguments)~"},
    {R"~([].insert(1))~", R"~(TypeError: insert expected 2 arguments, got 1)~"},
    {R"~([].insert('a', 1))~", R"~(TypeError: 'str' object cannot be interpreted as an integer)~"},
    {R"~([].extend(5))~", R"~(TypeError: 'int' object is not iterable)~"},
    {R"~([1, 2].copy())~", R"~([1, 2])~"},
    {R"~([1, 2].clear())~", R"~(None)~"},
    {R"~([1, 2].reverse())~", R"~(None)~"},
    {R"~([3, 1, 2].sort())~", R"~(None)~"},
    {R"~([1, 'a'].sort())~",
     R"~(TypeError: '<' not supported between instances of 'str' and 'int')~"},
    {R"~([].sort(1))~", R"~(TypeError: sort() takes no positional arguments)~"},
    {R"~([].sort(reverse=None))~",
     R"~(TypeError: 'NoneType' object cannot be interpreted as an integer)~"},
    {R"~([].sort(reverse=1.5))~",
     R"~(TypeError: 'float' object cannot be interpreted as an integer)~"},
    {R"~([].sort(foo=1))~", R"~(TypeError: 'foo' is an invalid keyword argument for sort())~"},
    {R"~([1, 2, 3].__sizeof__() > 0)~", R"~(True)~"},
};

TEST_F(ListTest, Indexing) {
    check(kIndexingCases);
}
TEST_F(ListTest, Operators) {
    check(kOperatorCases);
}
TEST_F(ListTest, Methods) {
    check(kMethodCases);
}

TEST_F(ListTest, ConstructorArguments) {
    Value list_type = type(ts.types().list);
    Ref t(tuple({Value::small_int(1), Value::small_int(2)}));
    EXPECT_EQ(repr(call(list_type, {*t})), "[1, 2]");
    EXPECT_EQ(repr(call(list_type, {})), "[]");
    EXPECT_EQ(repr(call(list_type, {*t, *t})),
              "TypeError: list expected at most 1 argument, got 2");
    EXPECT_EQ(repr(call_kw(list_type, {}, {"x"}, {*t})),
              "TypeError: list() takes no keyword arguments");
    EXPECT_EQ(repr(call(list_type, {Value::small_int(3)})),
              "TypeError: 'int' object is not iterable");
}

TEST_F(ListTest, AppendGrowsLikeCPython) {
    // CPython's list_resize: capacities seen while appending one at a time.
    Ref l(list_new(ts));
    std::vector<uint64_t> caps;
    for (int i = 0; i < 41; ++i) {
        ASSERT_TRUE(list_append(ts, *l, Value::small_int(i)));
        uint64_t cap = list_obj(*l)->capacity;
        if (caps.empty() || caps.back() != cap) caps.push_back(cap);
    }
    EXPECT_EQ(caps, (std::vector<uint64_t>{4, 8, 16, 24, 32, 40, 52}));
    EXPECT_EQ(list_size(*l), 41u);
}

TEST_F(ListTest, SliceAssignment) {
    Ref a(ints_range(10));
    Ref x(str("x"));
    Value xv = *x;
    Ref one(list_from_array(ts, &xv, 1));
    Ref s(make_slice(ts, Value::small_int(2), Value::small_int(5), Value::none()));
    ASSERT_EQ(obj_setitem(ts, *a, *s, *one), 0);
    EXPECT_EQ(repr(a), "[0, 1, 'x', 5, 6, 7, 8, 9]");

    // Insertion with an empty slice, from any iterable.
    Ref r3(make_range(ts, 0, 3, 1));
    Ref at1(make_slice(ts, Value::small_int(1), Value::small_int(1), Value::none()));
    ASSERT_EQ(obj_setitem(ts, *a, *at1, *r3), 0);
    EXPECT_EQ(repr(a), "[0, 0, 1, 2, 1, 'x', 5, 6, 7, 8, 9]");

    // s[5:2] = [...] inserts at 5.
    Ref back(make_slice(ts, Value::small_int(5), Value::small_int(2), Value::none()));
    ASSERT_EQ(obj_setitem(ts, *a, *back, *one), 0);
    EXPECT_EQ(repr(a), "[0, 0, 1, 2, 1, 'x', 'x', 5, 6, 7, 8, 9]");

    // a[:] = a copies first.
    Ref all(make_slice(ts, Value::none(), Value::none(), Value::none()));
    ASSERT_EQ(obj_setitem(ts, *a, *all, *a), 0);
    EXPECT_EQ(list_size(*a), 12u);

    // Deleting slices.
    ASSERT_EQ(obj_delitem(ts, *a, *back), 0);  // empty: no-op
    Ref first3(make_slice(ts, Value::none(), Value::small_int(3), Value::none()));
    ASSERT_EQ(obj_delitem(ts, *a, *first3), 0);
    EXPECT_EQ(repr(a), "[2, 1, 'x', 'x', 5, 6, 7, 8, 9]");

    Ref bad(make_slice(ts, Value::none(), Value::none(), Value::none()));
    EXPECT_EQ(obj_setitem(ts, *a, *bad, Value::small_int(5)), -1);
    EXPECT_EQ(error(), "TypeError: can only assign an iterable");
}

TEST_F(ListTest, ExtendedSliceAssignmentAndDeletion) {
    Ref a(ints_range(10));
    Ref even(make_slice(ts, Value::none(), Value::none(), Value::small_int(2)));
    Ref three(ints({100, 101, 102}));
    EXPECT_EQ(obj_setitem(ts, *a, *even, *three), -1);
    EXPECT_EQ(error(),
              "ValueError: attempt to assign sequence of size 3 to extended slice of size 5");
    Ref five(ints({10, 12, 14, 16, 18}));
    ASSERT_EQ(obj_setitem(ts, *a, *even, *five), 0);
    EXPECT_EQ(repr(a), "[10, 1, 12, 3, 14, 5, 16, 7, 18, 9]");

    Ref rev(make_slice(ts, Value::none(), Value::none(), Value::small_int(-1)));
    ASSERT_EQ(obj_setitem(ts, *a, *rev, *a), 0);  // a[::-1] = a
    EXPECT_EQ(repr(a), "[9, 18, 7, 16, 5, 14, 3, 12, 1, 10]");

    Ref odd_back(make_slice(ts, Value::small_int(-1), Value::none(), Value::small_int(-2)));
    ASSERT_EQ(obj_delitem(ts, *a, *odd_back), 0);
    EXPECT_EQ(repr(a), "[9, 7, 5, 3, 1]");
    ASSERT_EQ(obj_delitem(ts, *a, *even), 0);
    EXPECT_EQ(repr(a), "[7, 3]");

    EXPECT_EQ(obj_setitem(ts, *a, *even, Value::small_int(1)), -1);
    EXPECT_EQ(error(), "TypeError: must assign iterable to extended slice");
}

TEST_F(ListTest, ItemAssignmentAndDeletion) {
    Ref a(ints({1, 2, 3}));
    ASSERT_EQ(obj_setitem(ts, *a, Value::small_int(-1), Value::small_int(30)), 0);
    ASSERT_EQ(obj_delitem(ts, *a, Value::small_int(0)), 0);
    EXPECT_EQ(repr(a), "[2, 30]");
    EXPECT_EQ(obj_setitem(ts, *a, Value::small_int(2), Value::none()), -1);
    EXPECT_EQ(error(), "IndexError: list assignment index out of range");
    EXPECT_EQ(obj_delitem(ts, *a, Value::small_int(-3)), -1);
    EXPECT_EQ(error(), "IndexError: list assignment index out of range");
    Ref k(str("k"));
    EXPECT_EQ(obj_setitem(ts, *a, *k, Value::none()), -1);
    EXPECT_EQ(error(), "TypeError: list indices must be integers or slices, not str");
}

TEST_F(ListTest, InPlaceOperators) {
    Ref a(ints({1}));
    Ref t(tuple({Value::small_int(2), Value::small_int(3)}));
    Ref r(inplace_op(ts, BinOp::Add, *a, *t));
    ASSERT_TRUE(r);
    EXPECT_EQ(*r, *a);
    EXPECT_EQ(repr(a), "[1, 2, 3]");
    Ref r2(inplace_op(ts, BinOp::Mul, *a, Value::small_int(2)));
    EXPECT_EQ(*r2, *a);
    EXPECT_EQ(repr(a), "[1, 2, 3, 1, 2, 3]");
    Ref r3(inplace_op(ts, BinOp::Add, *a, *a));  // l += l
    EXPECT_EQ(list_size(*a), 12u);
    Ref r4(inplace_op(ts, BinOp::Add, *a, Value::small_int(1)));
    EXPECT_EQ(repr(r4), "TypeError: 'int' object is not iterable");
    Ref r5(inplace_op(ts, BinOp::Mul, *a, Value::small_int(0)));
    EXPECT_EQ(repr(a), "[]");
}

TEST_F(ListTest, ReprGuardsAgainstSelfReference) {
    Ref a(ints({1}));
    ASSERT_TRUE(list_append(ts, *a, *a));
    EXPECT_EQ(repr(a), "[1, [...]]");
    Ref b(ints({2}));
    ASSERT_TRUE(list_append(ts, *b, *a));
    ASSERT_TRUE(list_append(ts, *a, *b));
    EXPECT_EQ(repr(b), "[2, [1, [...], [...]]]");
    // Break the cycles so the lists are freed by refcounting.
    Ref none(method(*a, "clear", {}));
    Ref none2(method(*b, "clear", {}));
    EXPECT_EQ(repr(a), "[]");
}

TEST_F(ListTest, IteratorsStayExhausted) {
    Ref a(ints({1, 2}));
    Ref it(obj_iter(ts, *a));
    Ref x(iter_next(ts, *it)), y(iter_next(ts, *it)), z(iter_next(ts, *it));
    EXPECT_EQ(*x, Value::small_int(1));
    EXPECT_EQ(*y, Value::small_int(2));
    EXPECT_TRUE(z.is_null());
    EXPECT_FALSE(ts.has_exception());
    ASSERT_TRUE(list_append(ts, *a, Value::small_int(3)));
    Ref again(iter_next(ts, *it));
    EXPECT_TRUE(again.is_null());

    Ref rev(method(*a, "__reversed__", {}));
    EXPECT_EQ(repr(Ref(list_from_iterable(ts, *rev))), "[3, 2, 1]");
    Ref hint(method(*rev, "__length_hint__", {}));
    EXPECT_EQ(*hint, Value::small_int(0));
    EXPECT_EQ(type_name(ts, *rev), "list_reverseiterator");
    EXPECT_EQ(type_name(ts, *it), "list_iterator");
}

TEST_F(ListTest, InsertClampsLikeCPython) {
    Ref a(ints({1, 2}));
    Ref r1(method(*a, "insert", {Value::small_int(-100), Value::small_int(0)}));
    Ref r2(method(*a, "insert", {Value::small_int(100), Value::small_int(9)}));
    Ref r3(method(*a, "insert", {Value::small_int(-1), Value::small_int(5)}));
    EXPECT_EQ(repr(a), "[0, 1, 2, 5, 9]");
}

// --- sort ---

Value first_item(ThreadState&, Args args) {
    return new_ref(tuple_item(args[0], 0));
}

Value failing_key(ThreadState& ts, Args args) {
    if (args[0] == Value::small_int(3)) return raise(ts, ts.exc_types().ValueError, "bad key");
    return new_ref(args[0]);
}

Value g_mutated_list;
Value appending_key(ThreadState& ts, Args args) {
    if (!list_append(ts, g_mutated_list, Value::small_int(0))) return Value();
    return new_ref(args[0]);
}

TEST_F(ListTest, SortIsStableWithKeyAndReverse) {
    Ref l(list_new(ts));
    const char* names[] = {"a", "b", "c", "d", "e", "f"};
    int64_t keys[] = {1, 0, 1, 0, 2, 1};
    for (int i = 0; i < 6; ++i) {
        Ref s(str(names[i]));
        Ref t(tuple({Value::small_int(keys[i]), *s}));
        ASSERT_TRUE(list_append(ts, *l, *t));
    }
    Ref key(make_native_function(ts, "first", first_item));
    ASSERT_TRUE(list_sort(ts, *l, *key, false));
    EXPECT_EQ(repr(l), "[(0, 'b'), (0, 'd'), (1, 'a'), (1, 'c'), (1, 'f'), (2, 'e')]");
    ASSERT_TRUE(list_sort(ts, *l, *key, true));
    EXPECT_EQ(repr(l), "[(2, 'e'), (1, 'a'), (1, 'c'), (1, 'f'), (0, 'b'), (0, 'd')]");
    ASSERT_TRUE(list_sort(ts, *l, Value(), false));  // whole tuples
    EXPECT_EQ(repr(l), "[(0, 'b'), (0, 'd'), (1, 'a'), (1, 'c'), (1, 'f'), (2, 'e')]");
}

TEST_F(ListTest, SortIsStableOnDescendingRuns) {
    // (key, position) pairs whose keys mostly descend, with ties: natural
    // descending runs are reversed only when strictly descending.
    Ref l(list_new(ts));
    std::vector<std::pair<int64_t, int64_t>> expect;
    for (int64_t i = 0; i < 300; ++i) {
        int64_t k = (300 - i) / 3 + (i % 7 == 0 ? 5 : 0);
        expect.emplace_back(k, i);
        Ref t(tuple({Value::small_int(k), Value::small_int(i)}));
        ASSERT_TRUE(list_append(ts, *l, *t));
    }
    std::stable_sort(expect.begin(), expect.end(),
                     [](auto& a, auto& b) { return a.first < b.first; });
    Ref key(make_native_function(ts, "first", first_item));
    ASSERT_TRUE(list_sort(ts, *l, *key, false));
    for (int64_t i = 0; i < 300; ++i) {
        ASSERT_EQ(tuple_item(list_item(*l, i), 1), Value::small_int(expect[i].second)) << i;
    }
    Ref desc(list_new(ts));
    for (int64_t i = 1000; i > 0; --i) ASSERT_TRUE(list_append(ts, *desc, Value::small_int(i)));
    ASSERT_TRUE(list_sort(ts, *desc, Value(), false));
    for (int64_t i = 0; i < 1000; ++i) ASSERT_EQ(list_item(*desc, i), Value::small_int(i + 1));
}

TEST_F(ListTest, SortMatchesStableSortOnManyKeys) {
    std::mt19937 rng(42);
    for (int n : {0, 1, 2, 31, 32, 33, 100, 1000, 5000}) {
        Ref l(list_new(ts));
        std::vector<int64_t> expect;
        for (int i = 0; i < n; ++i) {
            int64_t v = static_cast<int64_t>(rng() % 200) - 100;
            expect.push_back(v);
            ASSERT_TRUE(list_append(ts, *l, Value::small_int(v)));
        }
        std::stable_sort(expect.begin(), expect.end());
        ASSERT_TRUE(list_sort(ts, *l, Value(), false));
        for (int i = 0; i < n; ++i)
            ASSERT_EQ(list_item(*l, i), Value::small_int(expect[i])) << n << " at " << i;
    }
    // Floats, strs and a mix of ints and floats (the generic path).
    Ref f(list_new(ts));
    for (double d : {2.5, -1.0, 3.25, 0.0})
        ASSERT_TRUE(list_append_steal(ts, *f, make_float(ts, d)));
    ASSERT_TRUE(list_sort(ts, *f, Value(), false));
    EXPECT_EQ(repr(f), "[-1.0, 0.0, 2.5, 3.25]");
    Ref s(list_new(ts));
    for (const char* t : {"pear", "apple", "\xc3\xa9t\xc3\xa9", "Zoo", "app"})
        ASSERT_TRUE(list_append_steal(ts, *s, make_str(ts, t)));
    ASSERT_TRUE(list_sort(ts, *s, Value(), true));
    EXPECT_EQ(repr(s), "['été', 'pear', 'apple', 'app', 'Zoo']");
    Ref m(list_new(ts));
    ASSERT_TRUE(list_append(ts, *m, Value::small_int(3)));
    ASSERT_TRUE(list_append_steal(ts, *m, make_float(ts, 1.5)));
    ASSERT_TRUE(list_append(ts, *m, Value::small_int(-2)));
    ASSERT_TRUE(list_sort(ts, *m, Value(), false));
    EXPECT_EQ(repr(m), "[-2, 1.5, 3]");
}

TEST_F(ListTest, SortErrorsKeepEveryItem) {
    Ref l(ints({5, 4, 3, 2, 1}));
    Ref key(make_native_function(ts, "failing", failing_key));
    EXPECT_FALSE(list_sort(ts, *l, *key, false));
    EXPECT_EQ(error(), "ValueError: bad key");
    EXPECT_EQ(repr(l), "[5, 4, 3, 2, 1]");  // keys fail before any comparison

    Ref mixed(ints({3, 1, 2}));
    Ref s(str("x"));
    ASSERT_TRUE(list_append(ts, *mixed, *s));
    uint32_t before = s.get().as_object()->refcnt;
    EXPECT_FALSE(list_sort(ts, *mixed, Value(), false));
    EXPECT_EQ(error(), "TypeError: '<' not supported between instances of 'str' and 'int'");
    EXPECT_EQ(list_size(*mixed), 4u);
    EXPECT_EQ(s.get().as_object()->refcnt, before);
    int found = 0;
    for (uint64_t i = 0; i < 4; ++i) found += list_item(*mixed, i) == *s;
    EXPECT_EQ(found, 1);
}

TEST_F(ListTest, SortDetectsMutation) {
    Ref l(ints({3, 1, 2}));
    g_mutated_list = *l;
    Ref key(make_native_function(ts, "appending", appending_key));
    EXPECT_FALSE(list_sort(ts, *l, *key, false));
    EXPECT_EQ(error(), "ValueError: list modified during sort");
    EXPECT_EQ(list_size(*l), 3u);
    g_mutated_list = Value();
}

TEST_F(ListTest, ReferenceCounts) {
    Ref s(str("item"));
    uint32_t base = s.get().as_object()->refcnt;
    {
        Ref l(list_new(ts));
        ASSERT_TRUE(list_append(ts, *l, *s));
        ASSERT_TRUE(list_extend(ts, *l, *l));
        EXPECT_EQ(s.get().as_object()->refcnt, base + 2);
        Ref copy(method(*l, "copy", {}));
        Ref twice(binary_op(ts, BinOp::Mul, *l, Value::small_int(2)));
        EXPECT_EQ(s.get().as_object()->refcnt, base + 8);
        Ref popped(method(*l, "pop", {}));
        EXPECT_EQ(s.get().as_object()->refcnt, base + 8);
    }
    EXPECT_EQ(s.get().as_object()->refcnt, base);
    EXPECT_FALSE(ts.has_exception());
}

}  // namespace
}  // namespace gilt
