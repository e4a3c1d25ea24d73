// Tests for per-thread state (runtime/thread_state.hpp): the frame stack's
// chunks, its cap, and the C++ stack limit.
#include "runtime/thread_state.hpp"

#include <gtest/gtest.h>

#include <pthread.h>

#include <thread>
#include <vector>

#include "runtime/interpreter.hpp"

namespace gilt {
namespace {

TEST(FrameStackTest, PushesAcrossChunksAndPopsBack) {
    Interpreter interp;
    FrameStack fs(interp);
    std::vector<Value*> frames;
    // 200 frames of 1000 Values span several 64K-Value chunks.
    for (int k = 0; k < 200; ++k) {
        Value* p = fs.push(1000);
        ASSERT_NE(p, nullptr);
        for (int j = 0; j < 1000; ++j) p[j] = Value::small_int(k);
        frames.push_back(p);
    }
    for (int k = 199; k >= 0; --k) {
        EXPECT_EQ(frames[k][0], Value::small_int(k));
        EXPECT_EQ(frames[k][999], Value::small_int(k));
        fs.pop(frames[k]);
    }
    // Reuses the first chunk from its start.
    EXPECT_EQ(fs.push(10), frames[0]);
}

TEST(FrameStackTest, ChunkEdgeDoesNotMoveFrames) {
    Interpreter interp;
    FrameStack fs(interp);
    Value* base = fs.push(64 * 1024 - 10);
    ASSERT_NE(base, nullptr);
    for (int k = 0; k < 100; ++k) {  // a call loop straddling the chunk edge
        Value* p = fs.push(100);
        ASSERT_NE(p, nullptr);
        p[99] = Value::small_int(k);
        fs.pop(p);
    }
    Value* after = fs.push(5);
    EXPECT_EQ(after, base + 64 * 1024 - 10);
}

TEST(FrameStackTest, LargeFramesAndTheCap) {
    Interpreter interp;
    FrameStack fs(interp);
    Value* big = fs.push(200000);  // larger than a chunk
    ASSERT_NE(big, nullptr);
    big[199999] = Value::small_int(1);
    EXPECT_EQ(fs.push(65u * 1024 * 1024), nullptr);  // beyond the total cap
    EXPECT_FALSE(fs.out_of_memory());
    fs.pop(big);
}

// Chunks count against the interpreter's heap cap: pushing stops there,
// and says it was memory (the caller raises MemoryError, not RecursionError).
TEST(FrameStackTest, ChunksCountAgainstTheHeapCap) {
    InterpreterConfig config;
    config.memory_limit = std::size_t(16) << 20;
    Interpreter interp(config);
    auto used = interp.heap_meter.used.load();
    FrameStack fs(interp);
    std::vector<Value*> frames;
    while (Value* p = fs.push(1000)) frames.push_back(p);
    EXPECT_TRUE(fs.out_of_memory());
    EXPECT_GT(frames.size(), 100u);
    EXPECT_LT(frames.size(), 2200u);  // 16 MiB of 8000-byte frames, less what the heap holds
    for (auto it = frames.rbegin(); it != frames.rend(); ++it) fs.pop(*it);
    // Back to the first chunk and the one spare kept (each counted at the
    // allocator's usable size, which rounds a 512 KiB chunk up).
    EXPECT_LE(interp.heap_meter.used.load(), used + (std::int64_t(3) << 20));
}

TEST(ThreadStateTest, KnowsItsThreadAndStack) {
    Interpreter interp;
    ThreadState& ts = interp.main_thread();
    EXPECT_EQ(ThreadState::current(interp), &ts);
    EXPECT_EQ(ts.ident, static_cast<uint64_t>(pthread_self()));
    EXPECT_NE(ts.native_id, 0u);
    char probe;
    ASSERT_NE(ts.stack_limit, nullptr);
    EXPECT_LT(ts.stack_limit, &probe);
    EXPECT_GT(&probe - ts.stack_limit, 64 * 1024);
    ThreadState* other = &ts;
    std::thread([&] { other = ThreadState::current(interp); }).join();
    EXPECT_EQ(other, nullptr);  // no ThreadState was made for that thread
}

}  // namespace
}  // namespace gilt
