// Tests for the cycle collector (runtime/gc.hpp): cycles of lists, dicts
// and instances are found and freed, reachable cycles are kept, __del__
// runs once, and an object its finalizer resurrects is not cleared; and
// the per-type free list of gc blocks (runtime/heap.cpp).
#include "runtime/gc.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "runtime/dict.hpp"
#include "runtime/heap.hpp"
#include "runtime/list.hpp"
#include "runtime/native_function.hpp"
#include "runtime_test_util.hpp"

namespace gilt {
namespace {

// State shared with the __del__ hook below (one test at a time).
int g_del_calls = 0;
Value g_resurrect_into;  // a list, or null

Value counting_del(ThreadState& ts, Args args) {
    ++g_del_calls;
    if (!g_resurrect_into.is_null() && !list_append(ts, g_resurrect_into, args[0])) return Value();
    return Value::none();
}

class GcTest : public testing::RuntimeTest {
protected:
    void SetUp() override {
        g_del_calls = 0;
        g_resurrect_into = Value();
        gc_collect(ts);  // start from a heap without garbage
    }
    int64_t tracked() {
        int64_t n = 0;
        for (const GcGeneration& g : interp.gc->generations) n += gc_list_count(g.head);
        return n;
    }
};

TEST_F(GcTest, ListContainingItself) {
    int64_t before = tracked();
    Value l = list_new(ts);
    ASSERT_TRUE(list_append(ts, l, l));
    EXPECT_EQ(tracked(), before + 1);
    decref(l);  // only the cycle holds it now
    EXPECT_EQ(gc_collect(ts), 1);
    EXPECT_EQ(tracked(), before);
}

TEST_F(GcTest, FreedBlocksOfBasicSizeAreReusedZeroedAndBounded) {
    TypeObject* dict_type = interp.types.dict;
    gc_freelist_clear(dict_type);
    Value a = dict_new(ts);
    ASSERT_TRUE(dict_set_cstr(ts, a, "k", Value::small_int(1)));
    Object* first = a.as_object();
    decref(a);
    EXPECT_EQ(dict_type->gc_freelist_len, 1u);
    Value b = dict_new(ts);  // the same block, with no trace of the old dict
    EXPECT_EQ(b.as_object(), first);
    EXPECT_EQ(dict_type->gc_freelist_len, 0u);
    EXPECT_EQ(dict_size(b), 0u);
    EXPECT_EQ(dict_obj(b)->index, nullptr);
    EXPECT_EQ(b.as_object()->refcnt, 1u);
    EXPECT_TRUE(b.as_object()->flags & kObjGcTracked);
    decref(b);
    // A burst of frees keeps only a bounded number of blocks.
    std::vector<Value> many;
    for (int i = 0; i < 500; ++i) many.push_back(dict_new(ts));
    for (Value v : many) decref(v);
    EXPECT_GT(dict_type->gc_freelist_len, 0u);
    EXPECT_LE(dict_type->gc_freelist_len, 64u);
    gc_freelist_clear(dict_type);
    EXPECT_EQ(dict_type->gc_freelist_len, 0u);
    EXPECT_EQ(dict_type->gc_freelist, nullptr);
}

TEST_F(GcTest, DictsReferencingEachOther) {
    int64_t before = tracked();
    Value a = dict_new(ts);
    Value b = dict_new(ts);
    ASSERT_TRUE(dict_set_cstr(ts, a, "b", b));
    ASSERT_TRUE(dict_set_cstr(ts, b, "a", a));
    decref(a);
    decref(b);
    EXPECT_EQ(gc_collect(ts), 2);
    EXPECT_EQ(tracked(), before);
}

TEST_F(GcTest, InstanceWhoseDictReferencesIt) {
    Value cls = make_class("Node", {});
    int64_t before = tracked();
    Value obj = obj_call(ts, cls, Args{});
    ASSERT_FALSE(obj.is_null());
    ASSERT_EQ(obj_setattr(ts, obj, s("me"), obj), 0);
    decref(obj);
    EXPECT_EQ(gc_collect(ts), 1);  // the instance: its attribute is inline, no __dict__
    EXPECT_LE(tracked(), before);  // the collection may also untrack tuples
    // Once a script asks for __dict__, the cycle goes through a real dict.
    obj = obj_call(ts, cls, Args{});
    ASSERT_FALSE(obj.is_null());
    ASSERT_EQ(obj_setattr(ts, obj, s("me"), obj), 0);
    Ref d(obj_getattr_cstr(ts, obj, "__dict__"));
    ASSERT_TRUE(d);
    d.reset();
    decref(obj);
    EXPECT_EQ(gc_collect(ts), 2);  // the instance and its __dict__
    EXPECT_LE(tracked(), before);
}

TEST_F(GcTest, ClassAndItsInstanceInOneCycle) {
    // class A: pass; A.me = A() -- the class, its dict, the instance (and
    // the MRO and bases tuples) are all garbage together.
    Value cls = make_class("A", {});
    Ref keep_cls = Ref::borrow(cls);
    Value obj = obj_call(ts, cls, Args{});
    ASSERT_EQ(obj_setattr(ts, cls, s("me"), obj), 0);
    ASSERT_EQ(obj_setattr(ts, obj, s("peer"), obj), 0);
    decref(obj);
    Ref held = Ref::borrow(cls);
    // Drop every reference the test holds: the class is kept alive only by
    // the cycle through its instance.
    keep_cls.reset();
    held.reset();
    release_kept();
    EXPECT_GE(gc_collect(ts), 3);
}

TEST_F(GcTest, ReachableCyclesSurvive) {
    Value l = keep(list_new(ts));
    ASSERT_TRUE(list_append(ts, l, l));
    Value inner = dict_new(ts);
    ASSERT_TRUE(dict_set_cstr(ts, inner, "owner", l));
    ASSERT_TRUE(list_append_steal(ts, l, inner));
    EXPECT_EQ(gc_collect(ts), 0);
    EXPECT_EQ(repr(l), "[[...], {'owner': [...]}]");
}

TEST_F(GcTest, PendingExceptionIsKept) {
    Value l = list_new(ts);
    ASSERT_TRUE(list_append(ts, l, l));
    decref(l);
    raise(ts, E.ValueError, "kept");
    EXPECT_EQ(gc_collect(ts), 1);
    EXPECT_EQ(error(), "ValueError: kept");
}

TEST_F(GcTest, FinalizerRunsOnceAndCanResurrect) {
    static constexpr MethodDef kDel{"__del__", counting_del};
    Value del = keep(make_native_method(interp, ts.types().object, kDel));
    Value cls = make_class("R", {}, {{"__del__", del}});
    Value store = keep(list_new(ts));
    g_resurrect_into = store;
    Value obj = obj_call(ts, cls, Args{});
    ASSERT_EQ(obj_setattr(ts, obj, s("me"), obj), 0);
    decref(obj);
    // __del__ stores the object in `store`: nothing may be cleared.
    EXPECT_EQ(gc_collect(ts), 0);
    EXPECT_EQ(g_del_calls, 1);
    ASSERT_EQ(list_size(store), 1u);
    Value back = list_item(store, 0);
    Ref me(obj_getattr_cstr(ts, back, "me"));
    EXPECT_EQ(*me, back);
    me.reset();
    // Unreachable again: collected this time, without a second __del__.
    g_resurrect_into = Value();
    call(attr(store, "clear"), {});
    EXPECT_EQ(gc_collect(ts), 1);  // the instance (its attribute is inline)
    EXPECT_EQ(g_del_calls, 1);
}

TEST_F(GcTest, FinalizerErrorsAreReportedNotRaised) {
    Value cls = make_class("Bad", {}, {{"__del__", i(5)}});  // calling 5 fails
    Value obj = obj_call(ts, cls, Args{});
    ASSERT_EQ(obj_setattr(ts, obj, s("me"), obj), 0);
    decref(obj);
    EXPECT_EQ(gc_collect(ts), 1);  // the instance (its attribute is inline)
    EXPECT_FALSE(ts.has_exception());
}

TEST_F(GcTest, StatisticsAndThreshold) {
    GcGeneration* gens = interp.gc->generations;
    int64_t full = gens[2].collections;
    gc_collect(ts);
    EXPECT_EQ(gens[2].collections, full + 1);
    EXPECT_EQ(gens[0].count, 0);
    EXPECT_EQ(gens[1].count, 0);
    // Past threshold 0, the allocator only asks for a collection at the
    // next check point, which collects generation 0 alone.
    int64_t young = gens[0].collections;
    gens[0].count = gens[0].threshold + 1;
    gc_schedule(interp);
    EXPECT_TRUE(interp.gc->scheduled);
    EXPECT_EQ(gens[0].collections, young);
    gc_maybe_collect(ts);
    EXPECT_FALSE(interp.gc->scheduled);
    EXPECT_EQ(gens[0].collections, young + 1);
    EXPECT_EQ(gens[1].count, 1);
    EXPECT_EQ(gens[2].collections, full + 1);
}

TEST_F(GcTest, YoungCollectionKeepsWhatAnOldObjectHolds) {
    Value old = keep(list_new(ts));
    gc_collect(ts);  // `old` is in generation 2 now
    Value young = list_new(ts);
    ASSERT_TRUE(list_append(ts, young, young));
    ASSERT_TRUE(list_append_steal(ts, old, young));
    EXPECT_EQ(gc_collect(ts, 0), 0);  // held from outside generation 0: promoted to 1
    EXPECT_EQ(gc_collect(ts, 1), 0);  // and to 2
    ASSERT_TRUE(list_append(ts, old, Value::small_int(1)));
    call(attr(old, "clear"), {});
    EXPECT_EQ(gc_collect(ts, 0), 0);  // promoted to generation 2: not collected here
    EXPECT_EQ(gc_collect(ts, 1), 0);
    EXPECT_EQ(gc_collect(ts, 2), 1);
}

TEST_F(GcTest, DictsAreTrackedWhenAContainerGoesIn) {
    Value d = keep(dict_new(ts));
    EXPECT_FALSE(gc_is_tracked(d.as_object()));
    ASSERT_TRUE(dict_set_cstr(ts, d, "n", Value::small_int(1)));
    EXPECT_FALSE(gc_is_tracked(d.as_object()));
    Ref l(list_new(ts));
    ASSERT_TRUE(dict_set_cstr(ts, d, "l", *l));
    EXPECT_TRUE(gc_is_tracked(d.as_object()));
}

}  // namespace
}  // namespace gilt
