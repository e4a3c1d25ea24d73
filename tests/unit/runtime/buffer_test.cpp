// Tests for the buffer protocol (runtime/buffer.cpp) and its exporters:
// what a consumer sees, the export count that locks a bytearray's size,
// and the view a memoryview lends.
#include <gtest/gtest.h>

#include <string>

#include "runtime/abstract.hpp"
#include "runtime/buffer.hpp"
#include "runtime/bytes.hpp"
#include "runtime/errors.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/memoryview.hpp"
#include "runtime/range.hpp"
#include "runtime/str.hpp"
#include "tests/unit/runtime/mini_eval.hpp"

namespace gilt {
namespace {

class BufferTest : public ::testing::Test {
protected:
    Interpreter interp;
    ThreadState& ts = interp.main_thread();
    testing::MiniEval eval{ts};

    std::string error() { return eval.describe_exception(); }
};

TEST_F(BufferTest, BytesIsReadOnly) {
    Ref b(make_bytes(ts, "abc"));
    BufferRef buf;
    ASSERT_TRUE(buf.get(ts, *b));
    EXPECT_EQ(buf.bytes(), "abc");
    EXPECT_TRUE(buf.view().readonly);
    EXPECT_STREQ(buf.view().format, "B");
    EXPECT_EQ(buf.view().itemsize, 1);
    EXPECT_EQ(buffer_shape(buf.view(), 0), 3);
    BufferRef writable;
    EXPECT_FALSE(writable.get(ts, *b, kBufWritable));
    EXPECT_EQ(error(), "BufferError: Object is not writable.");
}

TEST_F(BufferTest, NotAnExporter) {
    Ref s(make_str(ts, "abc"));
    BufferRef buf;
    EXPECT_FALSE(has_buffer(ts, *s));
    EXPECT_FALSE(buf.get(ts, *s));
    EXPECT_EQ(error(), "TypeError: a bytes-like object is required, not 'str'");
}

TEST_F(BufferTest, ByteArrayExportLocksSize) {
    Ref a(make_bytearray(ts, "xy"));
    {
        BufferRef buf;
        ASSERT_TRUE(buf.get(ts, *a, kBufWritable));
        EXPECT_FALSE(buf.view().readonly);
        buf.view().buf[0] = 'z';
        EXPECT_FALSE(bytearray_resize(ts, *a, 5));
        EXPECT_EQ(error(), "BufferError: Existing exports of data: object cannot be re-sized");
        EXPECT_TRUE(bytearray_resize(ts, *a, 2));  // same size: allowed
    }
    EXPECT_TRUE(bytearray_resize(ts, *a, 3));
    EXPECT_EQ(bytearray_view(*a), std::string_view("zy\0", 3));
}

TEST_F(BufferTest, MemoryViewLendsStridedView) {
    Ref b(make_bytes(ts, "abcdef"));
    Ref m(memoryview_from_object(ts, *b));
    ASSERT_TRUE(m);
    Ref step(make_slice(ts, Value::none(), Value::none(), Value::small_int(2)));
    Ref strided(obj_getitem(ts, *m, *step));
    ASSERT_TRUE(strided);
    BufferRef simple;
    EXPECT_FALSE(simple.get(ts, *strided));
    EXPECT_EQ(error(), "BufferError: memoryview: underlying buffer is not C-contiguous");
    BufferRef any;
    ASSERT_TRUE(any.get(ts, *strided, kBufStrided));
    EXPECT_FALSE(buffer_is_c_contiguous(any.view()));
    EXPECT_EQ(buffer_to_bytes(any.view()), "ace");
    // An exported view cannot be released until the export ends.
    Ref release(make_str(ts, "release"));
    EXPECT_TRUE(Ref(call_method(ts, *strided, *release, {})).is_null());
    EXPECT_EQ(error(), "BufferError: memoryview has 1 exported buffer");
    release_buffer(&any.view());
    EXPECT_FALSE(Ref(call_method(ts, *strided, *release, {})).is_null());
}

}  // namespace
}  // namespace gilt
