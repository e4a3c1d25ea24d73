// Tests for range, slice (runtime/range.cpp, runtime/slice.cpp) and the
// iterator types of runtime/iterators.cpp (enumerate, zip, map, filter,
// reversed, iter(seq), iter(f, sentinel)).
//
// Range rows are checked against python3 by eval_tables.py; they include
// ranges around 2**62, where small ints end and the iterator must leave its
// int64 fast path. Slices and iterators are driven through the C++ API.
#include <gtest/gtest.h>

#include <string>

#include "runtime/abstract.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/iterators.hpp"
#include "runtime/list.hpp"
#include "runtime/native_function.hpp"
#include "runtime/range.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "tests/unit/runtime/container_test_helpers.hpp"

namespace gilt {
namespace {

using testing::Case;

class RangeTest : public testing::ContainerTest {
protected:
    Ref slice(Value start, Value stop, Value step) {
        return Ref(make_slice(ts, start, stop, step));
    }
    std::string listed(const Ref& iterable) { return repr(Ref(list_from_iterable(ts, *iterable))); }
};

constexpr Case kRangeCases[] = {
    {R"~(range(10))~", R"~(range(0, 10))~"},
    {R"~(range(0, 10, 2))~", R"~(range(0, 10, 2))~"},
    {R"~(range(True))~", R"~(range(0, 1))~"},
    {R"~(range(0))~", R"~(range(0, 0))~"},
    {R"~(range(3)[::-1])~", R"~(range(2, -1, -1))~"},
    {R"~(range(10)[2:8:3])~", R"~(range(2, 8, 3))~"},
    {R"~(range(10)[-3:])~", R"~(range(7, 10))~"},
    {R"~(range(0, 20, 3)[100:])~", R"~(range(21, 21, 3))~"},
    {R"~(range(2 ** 70)[::2 ** 69])~",
     R"~(range(0, 1180591620717411303424, 590295810358705651712))~"},
    {R"~(list(range(0, 10, 3)))~", R"~([0, 3, 6, 9])~"},
    {R"~(list(range(10, 0, -3)))~", R"~([10, 7, 4, 1])~"},
    {R"~(list(range(5, 5)))~", R"~([])~"},
    {R"~(list(range(2 ** 62 - 2, 2 ** 62 + 2)))~",
     R"~([4611686018427387902, 4611686018427387903, 4611686018427387904, 4611686018427387905])~"},
    {R"~(list(range(-2 ** 62 + 1, -2 ** 62 - 2, -1)))~",
     R"~([-4611686018427387903, -4611686018427387904, -4611686018427387905])~"},
    {R"~(list(range(0, 2 ** 63, 2 ** 61)))~",
     R"~([0, 2305843009213693952, 4611686018427387904, 6917529027641081856])~"},
    {R"~(list(range(5).__reversed__()))~", R"~([4, 3, 2, 1, 0])~"},
    {R"~(list(range(0, 10, 4).__reversed__()))~", R"~([8, 4, 0])~"},
    {R"~(list(range(0).__reversed__()))~", R"~([])~"},
    {R"~(list(range(2 ** 62 + 3, 2 ** 62 - 1, -1).__reversed__()))~",
     R"~([4611686018427387904, 4611686018427387905, 4611686018427387906, 4611686018427387907])~"},
    {R"~(len(range(0, 10, 3)))~", R"~(4)~"},
    {R"~(len(range(10, 0)))~", R"~(0)~"},
    {R"~(len(range(2 ** 64)))~",
     R"~(OverflowError: Python int too large to convert to C ssize_t)~"},
    {R"~(range(2 ** 64)[2 ** 63])~", R"~(9223372036854775808)~"},
    {R"~(range(2 ** 64)[-1])~", R"~(18446744073709551615)~"},
    {R"~(range(5)[-1])~", R"~(4)~"},
    {R"~(range(5)[10])~", R"~(IndexError: range object index out of range)~"},
    {R"~(range(5)[-6])~", R"~(IndexError: range object index out of range)~"},
    {R"~(range(5)['a'])~", R"~(TypeError: range indices must be integers or slices, not str)~"},
    {R"~(range())~", R"~(TypeError: range expected at least 1 argument, got 0)~"},
    {R"~(range(1, 2, 3, 4))~", R"~(TypeError: range expected at most 3 arguments, got 4)~"},
    {R"~(range(x=1))~", R"~(TypeError: range() takes no keyword arguments)~"},
    {R"~(range(1.5))~", R"~(TypeError: 'float' object cannot be interpreted as an integer)~"},
    {R"~(range(1, 2, 0))~", R"~(ValueError: range() arg 3 must not be zero)~"},
    {R"~(3 in range(0, 10, 3))~", R"~(True)~"},
    {R"~(4 in range(0, 10, 3))~", R"~(False)~"},
    {R"~(10 in range(10))~", R"~(False)~"},
    {R"~(-3 in range(0, -10, -3))~", R"~(True)~"},
    {R"~(0 in range(0, -10, -3))~", R"~(True)~"},
    {R"~(-10 in range(0, -10, -3))~", R"~(False)~"},
    {R"~(3.0 in range(5))~", R"~(True)~"},
    {R"~('a' in range(5))~", R"~(False)~"},
    {R"~(True in range(2))~", R"~(True)~"},
    {R"~(2 ** 70 in range(2 ** 71))~", R"~(True)~"},
    {R"~(2 ** 70 + 1 in range(0, 2 ** 71, 2))~", R"~(False)~"},
    {R"~(range(5).index(3))~", R"~(3)~"},
    {R"~(range(0, 10, 2).index(4))~", R"~(2)~"},
    {R"~(range(5).index(7))~", R"~(ValueError: 7 is not in range)~"},
    {R"~(range(5).index('a'))~", R"~(ValueError: sequence.index(x): x not in sequence)~"},
    {R"~(range(5).index(2.0))~", R"~(2)~"},
    {R"~(range(0, 10, 2).count(4))~", R"~(1)~"},
    {R"~(range(0, 10, 2).count(3))~", R"~(0)~"},
    {R"~(range(5).count(2.0))~", R"~(1)~"},
    {R"~(range(0) == range(2, 1))~", R"~(True)~"},
    {R"~(range(0, 3, 2) == range(0, 4, 2))~", R"~(True)~"},
    {R"~(range(1, 2, 5) == range(1, 3, 7))~", R"~(True)~"},
    {R"~(range(3) != range(4))~", R"~(True)~"},
    {R"~(range(3) == [0, 1, 2])~", R"~(False)~"},
    {R"~(range(3) < range(4))~",
     R"~(TypeError: '<' not supported between instances of 'range' and 'range')~"},
    {R"~(hash(range(3)))~", R"~(-8338477496398685190)~"},
    {R"~(hash(range(2 ** 70)))~", R"~(7320047211865846142)~"},
    {R"~(hash(range(1, 2, 5)) == hash(range(1, 3, 7)))~", R"~(True)~"},
    {R"~(range(1, 10, 2).start)~", R"~(1)~"},
    {R"~(range(1, 10, 2).stop)~", R"~(10)~"},
    {R"~(range(1, 10, 2).step)~", R"~(2)~"},
    {R"~(range(4).step)~", R"~(1)~"},
};

TEST_F(RangeTest, Expressions) {
    check(kRangeCases);
}

TEST_F(RangeTest, SmallIteratorFastPath) {
    Ref r(make_range(ts, 3, 10, 3));
    Ref it(obj_iter(ts, *r));
    EXPECT_EQ(type_name(ts, *it), "range_iterator");
    auto* ri = as<RangeIterObject>(*it);
    Value v;
    ASSERT_TRUE(range_iter_next_fast(ri, &v));
    EXPECT_EQ(v, Value::small_int(3));
    Ref hint(method(*it, "__length_hint__", {}));
    EXPECT_EQ(*hint, Value::small_int(2));
    ASSERT_TRUE(range_iter_next_fast(ri, &v));
    ASSERT_TRUE(range_iter_next_fast(ri, &v));
    EXPECT_EQ(v, Value::small_int(9));
    EXPECT_FALSE(range_iter_next_fast(ri, &v));
    EXPECT_TRUE(Ref(iter_next(ts, *it)).is_null());
    EXPECT_FALSE(ts.has_exception());
}

TEST_F(RangeTest, SliceObjects) {
    Ref s(slice(Value::small_int(1), Value::small_int(2), Value::none()));
    EXPECT_EQ(repr(s), "slice(1, 2, None)");
    Value slice_t = type(ts.types().slice);
    EXPECT_EQ(repr(call(slice_t, {Value::small_int(5)})), "slice(None, 5, None)");
    Ref a(str("a"));
    EXPECT_EQ(repr(call(slice_t, {*a, Value::none(), Value::small_int(-1)})),
              "slice('a', None, -1)");
    EXPECT_EQ(repr(call(slice_t, {})), "TypeError: slice expected at least 1 argument, got 0");
    EXPECT_EQ(repr(call(slice_t, {*a, *a, *a, *a})),
              "TypeError: slice expected at most 3 arguments, got 4");
    EXPECT_EQ(repr(call_kw(slice_t, {}, {"x"}, {*a})),
              "TypeError: slice() takes no keyword arguments");
    EXPECT_EQ(repr(obj_getattr_cstr(ts, *s, "start")), "1");
    EXPECT_EQ(repr(obj_getattr_cstr(ts, *s, "step")), "None");

    auto indices = [&](const Ref& sl, int64_t n) {
        return repr(method(*sl, "indices", {Value::small_int(n)}));
    };
    EXPECT_EQ(indices(s, 10), "(1, 2, 1)");
    Ref rev(slice(Value::none(), Value::none(), Value::small_int(-1)));
    EXPECT_EQ(indices(rev, 5), "(4, -1, -1)");
    Ref wide(slice(Value::small_int(-100), Value::small_int(100), Value::small_int(3)));
    EXPECT_EQ(indices(wide, 10), "(0, 10, 3)");
    EXPECT_EQ(indices(s, -1), "ValueError: length should not be negative");
    Ref zero(slice(Value::none(), Value::none(), Value::small_int(0)));
    EXPECT_EQ(indices(zero, 5), "ValueError: slice step cannot be zero");
    Ref bad(slice(*a, Value::none(), Value::none()));
    EXPECT_EQ(indices(bad, 5),
              "TypeError: slice indices must be integers or None or have an __index__ method");

    int64_t start, stop, step, count;
    ASSERT_TRUE(slice_indices(ts, *rev, 5, &start, &stop, &step, &count));
    EXPECT_EQ(start, 4);
    EXPECT_EQ(stop, -1);
    EXPECT_EQ(count, 5);

    Ref s2(slice(Value::small_int(1), Value::small_int(2), Value::none()));
    EXPECT_EQ(repr(rich_compare(ts, *s, *s2, CompareOp::Eq)), "True");
    Ref s3(slice(Value::small_int(1), Value::small_int(3), Value::none()));
    EXPECT_EQ(repr(rich_compare(ts, *s, *s3, CompareOp::Lt)), "True");
    int64_t h;
    EXPECT_FALSE(obj_hash(ts, *s, &h));
    EXPECT_EQ(error(), "TypeError: unhashable type: 'slice'");
}

TEST_F(RangeTest, Enumerate) {
    Value enumerate_t = type(ts.types().enumerate);
    Ref abc(str("abc"));
    EXPECT_EQ(listed(call(enumerate_t, {*abc})), "[(0, 'a'), (1, 'b'), (2, 'c')]");
    EXPECT_EQ(listed(call(enumerate_t, {*abc, Value::small_int(-1)})),
              "[(-1, 'a'), (0, 'b'), (1, 'c')]");
    Ref big_start(make_int(ts, INT64_MAX - 1));
    EXPECT_EQ(
        listed(call(enumerate_t, {*abc, *big_start})),
        "[(9223372036854775806, 'a'), (9223372036854775807, 'b'), (9223372036854775808, 'c')]");
    Ref near_small(make_int(ts, Value::kSmallMax));
    EXPECT_EQ(
        listed(call(enumerate_t, {*abc, *near_small})),
        "[(4611686018427387903, 'a'), (4611686018427387904, 'b'), (4611686018427387905, 'c')]");
    EXPECT_EQ(listed(call_kw(enumerate_t, {*abc}, {"start"}, {Value::small_int(5)})),
              "[(5, 'a'), (6, 'b'), (7, 'c')]");
    EXPECT_EQ(repr(call(enumerate_t, {Value::small_int(5)})),
              "TypeError: 'int' object is not iterable");
    EXPECT_EQ(repr(call(enumerate_t, {})),
              "TypeError: enumerate() missing required argument 'iterable'");
    EXPECT_EQ(repr(call_kw(enumerate_t, {}, {"x"}, {*abc})),
              "TypeError: 'x' is an invalid keyword argument for enumerate()");
    EXPECT_EQ(repr(call_kw(enumerate_t, {}, {"start"}, {*abc})),
              "TypeError: 'start' is an invalid keyword argument for enumerate()");
    EXPECT_EQ(listed(call_kw(enumerate_t, {}, {"iterable", "start"}, {*abc, Value::small_int(5)})),
              "[(5, 'a'), (6, 'b'), (7, 'c')]");
    EXPECT_EQ(repr(call(enumerate_t, {*abc, Value::small_int(1), Value::small_int(2)})),
              "TypeError: enumerate() takes at most 2 arguments (3 given)");
    EXPECT_EQ(repr(call(enumerate_t, {*abc, *abc})),
              "TypeError: 'str' object cannot be interpreted as an integer");
}

TEST_F(RangeTest, ZipIncludingStrict) {
    Value zip_t = type(ts.types().zip);
    Ref a(ints({1, 2, 3})), b(ints({4, 5})), c(ints({6, 7, 8}));
    EXPECT_EQ(listed(call(zip_t, {*a, *b})), "[(1, 4), (2, 5)]");
    EXPECT_EQ(listed(call(zip_t, {})), "[]");
    EXPECT_EQ(listed(call(zip_t, {*a})), "[(1,), (2,), (3,)]");
    EXPECT_EQ(listed(call_kw(zip_t, {*a, *c}, {"strict"}, {Value::true_()})),
              "[(1, 6), (2, 7), (3, 8)]");
    EXPECT_EQ(listed(call_kw(zip_t, {*b, *a}, {"strict"}, {Value::true_()})),
              "ValueError: zip() argument 2 is longer than argument 1");
    EXPECT_EQ(listed(call_kw(zip_t, {*a, *b}, {"strict"}, {Value::true_()})),
              "ValueError: zip() argument 2 is shorter than argument 1");
    EXPECT_EQ(listed(call_kw(zip_t, {*a, *c, *b}, {"strict"}, {Value::true_()})),
              "ValueError: zip() argument 3 is shorter than arguments 1-2");
    EXPECT_EQ(listed(call_kw(zip_t, {*b, *b, *a}, {"strict"}, {Value::true_()})),
              "ValueError: zip() argument 3 is longer than arguments 1-2");
    EXPECT_EQ(repr(call_kw(zip_t, {}, {"x"}, {Value::true_()})),
              "TypeError: 'x' is an invalid keyword argument for zip()");
    EXPECT_EQ(repr(call(zip_t, {*a, Value::small_int(1)})),
              "TypeError: 'int' object is not iterable");
}

Value add_two(ThreadState& ts, Args args) {
    return binary_op(ts, BinOp::Add, args[0], args[1]);
}
Value is_odd(ThreadState&, Args args) {
    return Value::boolean(args[0].as_small_int() % 2 != 0);
}

TEST_F(RangeTest, MapAndFilter) {
    Value map_t = type(ts.types().map), filter_t = type(ts.types().filter);
    Ref add(make_native_function(ts, "add", add_two));
    Ref a(ints({1, 2, 3})), b(ints({10, 20}));
    EXPECT_EQ(listed(call(map_t, {*add, *a, *b})), "[11, 22]");
    EXPECT_EQ(repr(call(map_t, {*add})), "TypeError: map() must have at least two arguments.");
    EXPECT_EQ(listed(call(map_t, {*add, *a, *a})), "[2, 4, 6]");
    Ref odd(make_native_function(ts, "odd", is_odd));
    Ref r(make_range(ts, 0, 7, 1));
    EXPECT_EQ(listed(call(filter_t, {*odd, *r})), "[1, 3, 5]");
    Ref mixed(ints({0, 1, 0, 2}));
    EXPECT_EQ(listed(call(filter_t, {Value::none(), *mixed})), "[1, 2]");
    EXPECT_EQ(repr(call(filter_t, {Value::none()})),
              "TypeError: filter expected 2 arguments, got 1");
    EXPECT_EQ(repr(call(filter_t, {Value::none(), Value::small_int(3)})),
              "TypeError: 'int' object is not iterable");
}

TEST_F(RangeTest, Reversed) {
    Value reversed_t = type(ts.types().reversed);
    Ref l(ints({1, 2, 3}));
    Ref rl(call(reversed_t, {*l}));
    EXPECT_EQ(type_name(ts, *rl), "list_reverseiterator");
    EXPECT_EQ(listed(rl), "[3, 2, 1]");
    Ref t(tuple({Value::small_int(1), Value::small_int(2)}));
    Ref rt(call(reversed_t, {*t}));
    EXPECT_EQ(type_name(ts, *rt), "reversed");
    Ref hint(method(*rt, "__length_hint__", {}));
    EXPECT_EQ(*hint, Value::small_int(2));
    EXPECT_EQ(listed(rt), "[2, 1]");
    Ref abc(str("abc"));
    EXPECT_EQ(listed(call(reversed_t, {*abc})), "['c', 'b', 'a']");
    EXPECT_EQ(listed(call(reversed_t, {Ref(make_range(ts, 0, 3, 1)).get()})), "[2, 1, 0]");
    Ref d(dict_new(ts));
    ASSERT_TRUE(dict_set(ts, *d, Value::small_int(1), Value::none()));
    ASSERT_TRUE(dict_set(ts, *d, Value::small_int(2), Value::none()));
    EXPECT_EQ(listed(call(reversed_t, {*d})), "[2, 1]");
    EXPECT_EQ(repr(call(reversed_t, {Value::small_int(5)})),
              "TypeError: 'int' object is not reversible");
    EXPECT_EQ(repr(call(reversed_t, {})), "TypeError: reversed expected 1 argument, got 0");
}

Value countdown_state;
Value countdown(ThreadState& ts, Args) {
    Value next = binary_op(ts, BinOp::Sub, countdown_state, Value::small_int(1));
    countdown_state = next;
    return next;
}

TEST_F(RangeTest, SequenceAndCallableIterators) {
    // A str through the old __getitem__ protocol, stopping at IndexError.
    Ref abc(str("ab"));
    Ref it(make_seq_iterator(ts, *abc));
    EXPECT_EQ(type_name(ts, *it), "iterator");
    Ref it_again(obj_iter(ts, *it));
    EXPECT_EQ(*it_again, *it);
    EXPECT_EQ(listed(it), "['a', 'b']");
    EXPECT_TRUE(Ref(iter_next(ts, *it)).is_null());
    EXPECT_FALSE(ts.has_exception());

    countdown_state = Value::small_int(5);
    Ref fn(make_native_function(ts, "countdown", countdown));
    Ref ci(make_callable_iterator(ts, *fn, Value::small_int(1)));
    EXPECT_EQ(type_name(ts, *ci), "callable_iterator");
    EXPECT_EQ(listed(ci), "[4, 3, 2]");
    EXPECT_TRUE(Ref(iter_next(ts, *ci)).is_null());
}

}  // namespace
}  // namespace gilt
