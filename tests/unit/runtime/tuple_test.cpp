// Tests for tuple (runtime/tuple.cpp): rows checked against python3 by
// eval_tables.py (hashes included: tuplehash must match CPython 3.11 bit
// for bit), plus singletons, identity-preserving operations, the iterator
// and reference counts through the C++ API.
#include <gtest/gtest.h>

#include <vector>

#include "runtime/abstract.hpp"
#include "runtime/errors.hpp"
#include "runtime/free_blocks.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/range.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "tests/unit/runtime/container_test_helpers.hpp"

namespace gilt {
namespace {

using testing::Case;

class TupleTest : public testing::ContainerTest {};

constexpr Case kTupleCases[] = {
    {R"~((1, 2, 3)[1])~", R"~(2)~"},
    {R"~((1, 2, 3)[-1])~", R"~(3)~"},
    {R"~((1,)[-2])~", R"~(IndexError: tuple index out of range)~"},
    {R"~(()[0])~", R"~(IndexError: tuple index out of range)~"},
    {R"~((1,)['a'])~", R"~(TypeError: tuple indices must be integers or slices, not str)~"},
    {R"~((1,)[2 ** 100])~", R"~(IndexError: cannot fit 'int' into an index-sized integer)~"},
    {R"~((0, 1, 2, 3)[1:3])~", R"~((1, 2))~"},
    {R"~((0, 1, 2, 3)[::-1])~", R"~((3, 2, 1, 0))~"},
    {R"~((0, 1, 2, 3)[::2])~", R"~((0, 2))~"},
    {R"~((0, 1, 2, 3)[5:])~", R"~(())~"},
    {R"~((1,) + (2,))~", R"~((1, 2))~"},
    {R"~((1,) + [2])~", R"~(TypeError: can only concatenate tuple (not "list") to tuple)~"},
    {R"~([2] + (1,))~", R"~(TypeError: can only concatenate list (not "tuple") to list)~"},
    {R"~((1, 2) * 2)~", R"~((1, 2, 1, 2))~"},
    {R"~(2 * (1,))~", R"~((1, 1))~"},
    {R"~((1,) * -1)~", R"~(())~"},
    {R"~(() * 5)~", R"~(())~"},
    {R"~((1,) * 2.0)~", R"~(TypeError: can't multiply sequence by non-int of type 'float')~"},
    {R"~((1, 2) < (1, 3))~", R"~(True)~"},
    {R"~((1, 2) < (1, 2, 3))~", R"~(True)~"},
    {R"~((1, 'a') < (2, 1))~", R"~(True)~"},
    {R"~((1, 'a') < (1, 2))~",
     R"~(TypeError: '<' not supported between instances of 'str' and 'int')~"},
    {R"~((1, 2) == (1, 2))~", R"~(True)~"},
    {R"~((1, 2) >= (1, 2))~", R"~(True)~"},
    {R"~((1,) == [1])~", R"~(False)~"},
    {R"~(() == ())~", R"~(True)~"},
    {R"~((1, 2) != (1, 2.0))~", R"~(False)~"},
    {R"~(2 in (1, 2))~", R"~(True)~"},
    {R"~(3 not in (1, 2))~", R"~(True)~"},
    {R"~(len((1, 2)))~", R"~(2)~"},
    {R"~((1,))~", R"~((1,))~"},
    {R"~(())~", R"~(())~"},
    {R"~((1, 'a', (2,), [], None))~", R"~((1, 'a', (2,), [], None))~"},
    {R"~(hash(()))~", R"~(5740354900026072187)~"},
    {R"~(hash((1, 2, 3)))~", R"~(529344067295497451)~"},
    {R"~(hash((1,)))~", R"~(-6644214454873602895)~"},
    {R"~(hash(((1, 2), (3, 4))))~", R"~(-1467267874458550984)~"},
    {R"~(hash((-1,)))~", R"~(8078679518589016365)~"},
    {R"~(hash((-2,)))~", R"~(8078679518589016365)~"},
    {R"~(hash((2 ** 70, 1.5, True, False)))~", R"~(1302041866479507146)~"},
    {R"~(hash(([],)))~", R"~(TypeError: unhashable type: 'list')~"},
    {R"~((1, 2, 3, 2).index(2))~", R"~(1)~"},
    {R"~((1, 2, 3, 2).index(2, 2))~", R"~(3)~"},
    {R"~((1, 2, 3, 2).index(2, -1))~", R"~(3)~"},
    {R"~((1, 2, 3).index(3, 0, 2))~", R"~(ValueError: tuple.index(x): x not in tuple)~"},
    {R"~((1,).index(5))~", R"~(ValueError: tuple.index(x): x not in tuple)~"},
    {R"~(().index())~", R"~(TypeError: index expected at least 1 argument, got 0)~"},
    {R"~((1, 2, 1).count(1))~", R"~(2)~"},
    {R"~(().count())~", R"~(TypeError: tuple.count() takes exactly one argument (0 given))~"},
    {R"~(tuple([1, 2]))~", R"~((1, 2))~"},
    {R"~(tuple('ab'))~", R"~(('a', 'b'))~"},
    {R"~(tuple())~", R"~(())~"},
    {R"~(tuple({'a': 1}))~", R"~(('a',))~"},
    {R"~(tuple(range(3)))~", R"~((0, 1, 2))~"},
    {R"~(tuple(1, 2))~", R"~(TypeError: tuple expected at most 1 argument, got 2)~"},
    {R"~(tuple(5))~", R"~(TypeError: 'int' object is not iterable)~"},
};

TEST_F(TupleTest, Expressions) {
    check(kTupleCases);
}

TEST_F(TupleTest, EmptyTupleIsTheInterpreterSingleton) {
    Ref a(tuple_new(ts, 0));
    Ref b(tuple_pack(ts, {}));
    Ref l(list_new(ts));
    Ref c(tuple_from_iterable(ts, *l));
    EXPECT_EQ(*a, interp.empty_tuple);
    EXPECT_EQ(*b, interp.empty_tuple);
    EXPECT_EQ(*c, interp.empty_tuple);
    Ref d(call(type(ts.types().tuple), {}));
    EXPECT_EQ(*d, interp.empty_tuple);
}

TEST_F(TupleTest, FreedSmallTuplesAreReusedByTheNextOfTheirSize) {
    // A tuple of n items (1..kTupleBlockSizes) leaves its block in the list for
    // n; the next tuple of n items takes it, tracked, with null items.
    FreeBlocks& threes = interp.tuple_blocks[2];
    Value a = tuple_pack(ts, {Value::small_int(1), Value::small_int(2), Value::small_int(3)});
    Object* block = a.as_object();
    uint32_t kept = threes.size();
    decref(a);
    ASSERT_EQ(threes.size(), kept + 1);
    Ref pair(tuple_new(ts, 2));  // another size: not this block
    EXPECT_NE((*pair).as_object(), block);
    Ref b(tuple_new(ts, 3));
    EXPECT_EQ((*b).as_object(), block);
    EXPECT_EQ(threes.size(), kept);
    EXPECT_EQ((*b).as_object()->refcnt, 1u);
    EXPECT_EQ((*b).as_object()->flags, kObjGcTracked);
    for (uint64_t i = 0; i < 3; ++i) EXPECT_TRUE(tuple_obj(*b)->items[i].is_null());
    // A burst of frees keeps a bounded number; bigger tuples are not kept.
    {
        std::vector<Ref> many;
        for (int i = 0; i < 2000; ++i) many.emplace_back(tuple_new(ts, 3));
    }
    EXPECT_EQ(threes.size(), threes.capacity());
    Ref big(tuple_new(ts, Interpreter::kTupleBlockSizes + 1));
    EXPECT_TRUE((*big).as_object()->flags & kObjGcTracked);
}

TEST_F(TupleTest, OperationsReturnTheSameExactTuple) {
    Ref t(tuple({Value::small_int(1), Value::small_int(2)}));
    Ref same(call(type(ts.types().tuple), {*t}));
    EXPECT_EQ(*same, *t);
    Ref whole(tuple_slice(ts, *t, 0, 2));
    EXPECT_EQ(*whole, *t);
    Ref all(make_slice(ts, Value::none(), Value::none(), Value::none()));
    Ref sliced(obj_getitem(ts, *t, *all));
    EXPECT_EQ(*sliced, *t);
    Ref once(binary_op(ts, BinOp::Mul, *t, Value::small_int(1)));
    EXPECT_EQ(*once, *t);
    Ref plus_empty(binary_op(ts, BinOp::Add, *t, interp.empty_tuple));
    EXPECT_EQ(*plus_empty, *t);
}

TEST_F(TupleTest, HashOfBuiltinHelper) {
    Ref t(tuple({Value::small_int(1), Value::small_int(2), Value::small_int(3)}));
    int64_t h = 0;
    ASSERT_TRUE(tuple_hash(ts, *t, &h));
    EXPECT_EQ(h, 529344067295497451);
    Ref l(list_new(ts));
    Ref bad(tuple({*l}));
    EXPECT_FALSE(tuple_hash(ts, *bad, &h));
    EXPECT_EQ(error(), "TypeError: unhashable type: 'list'");
}

TEST_F(TupleTest, ReprGuardsAgainstCycles) {
    Ref l(list_new(ts));
    Ref t(tuple({*l}));
    ASSERT_TRUE(list_append(ts, *l, *t));
    EXPECT_EQ(repr(t), "([(...)],)");
    Ref cleared(method(*l, "clear", {}));
}

TEST_F(TupleTest, IteratorAndLengthHint) {
    Ref t(tuple({Value::small_int(7), Value::small_int(8)}));
    Ref it(obj_iter(ts, *t));
    EXPECT_EQ(type_name(ts, *it), "tuple_iterator");
    Ref hint(method(*it, "__length_hint__", {}));
    EXPECT_EQ(*hint, Value::small_int(2));
    Ref a(iter_next(ts, *it)), b(iter_next(ts, *it)), c(iter_next(ts, *it));
    EXPECT_EQ(*a, Value::small_int(7));
    EXPECT_EQ(*b, Value::small_int(8));
    EXPECT_TRUE(c.is_null());
    EXPECT_FALSE(ts.has_exception());
    Ref hint0(method(*it, "__length_hint__", {}));
    EXPECT_EQ(*hint0, Value::small_int(0));
}

TEST_F(TupleTest, ReferenceCounts) {
    Ref s(str("x"));
    uint32_t base = s.get().as_object()->refcnt;
    {
        Ref t(tuple({*s, *s}));
        EXPECT_EQ(s.get().as_object()->refcnt, base + 2);
        Ref twice(binary_op(ts, BinOp::Mul, *t, Value::small_int(3)));
        Ref cat(binary_op(ts, BinOp::Add, *t, *t));
        Ref l(list_from_iterable(ts, *t));
        EXPECT_EQ(s.get().as_object()->refcnt, base + 2 + 6 + 4 + 2);
        Ref count(method(*t, "count", {*s}));
        EXPECT_EQ(*count, Value::small_int(2));
    }
    EXPECT_EQ(s.get().as_object()->refcnt, base);
}

}  // namespace
}  // namespace gilt
