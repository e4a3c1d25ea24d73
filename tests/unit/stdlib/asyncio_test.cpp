// Tests for the native asyncio core (stdlib/asyncio_*.cpp): how Task steps
// other coroutine-like objects, the errors a step reports, the Future's
// await protocol, and that each interpreter keeps its own asyncio state.
// Rows: program, CPython 3.11's output (check_tables.py re-checks them).
#include <gtest/gtest.h>

#include "tests/unit/stdlib/script_test_util.hpp"

namespace gilt {
namespace {

using testing::ScriptCase;
using testing::ScriptTest;

constexpr ScriptCase kAsyncioCases[] = {
    // A Task drives any Coroutine through send() and StopIteration.
    {R"~(import asyncio, collections.abc
class Manual(collections.abc.Coroutine):
    def __init__(self): self.n = 0
    def send(self, value):
        self.n += 1
        if self.n < 3: return None
        raise StopIteration(self.n)
    def throw(self, *a): raise a[0]
    def close(self): pass
    def __await__(self): return self
async def main():
    print(await asyncio.create_task(Manual()))
asyncio.run(main())
)~",
     "3\n"},
    // Yielding something that is not a future is an error thrown back in.
    {R"~(import asyncio
class Bad:
    def __await__(self):
        yield 5
async def bad():
    await Bad()
async def main():
    try:
        await asyncio.create_task(bad())
    except RuntimeError as e:
        print(e)
asyncio.run(main())
)~",
     "Task got bad yield: 5\n"},
    // The future is its own await iterator; a task cannot wait on itself.
    {R"~(import asyncio
async def main():
    fut = asyncio.get_running_loop().create_future()
    it = fut.__await__()
    print(next(it) is fut, fut._asyncio_future_blocking)
    fut.set_result(7)
    try:
        next(it)
    except StopIteration as e:
        print("StopIteration", e.value)
    async def me():
        await task
    task = asyncio.create_task(me())
    try:
        await task
    except RuntimeError as e:
        print(str(e).split(":")[0])
asyncio.run(main())
)~",
     "True True\nStopIteration 7\nTask cannot await on itself\n"},
    // sleep() is a coroutine to asyncio, and can only be awaited once.
    {R"~(import asyncio
async def main():
    s = asyncio.sleep(0.001, "r")
    print(asyncio.iscoroutine(s), await s)
    t = asyncio.create_task(asyncio.sleep(0, "as a task"))
    print(await t)
asyncio.run(main())
)~",
     "True r\nas a task\n"},
};

using AsyncioTest = ScriptTest;

TEST_F(AsyncioTest, Core) {
    check(kAsyncioCases);
}

// Tasks, loops and their counters belong to one interpreter.
TEST_F(AsyncioTest, StateIsPerInterpreter) {
    const char* program =
        "import asyncio\n"
        "async def main():\n"
        "    return asyncio.current_task().get_name()\n"
        "print(asyncio.run(main()))\n";
    EXPECT_EQ(run(program), "Task-1\n");
    EXPECT_EQ(run(program), "Task-4\n");  // run() also made two shutdown tasks
    std::string other_out;
    InterpreterConfig c;
    c.stdout_sink = [&other_out](std::string_view s) { other_out += s; };
    Interpreter other(c);
    Ref globals(dict_new(other.main_thread()));
    ASSERT_TRUE(globals);
    testing::run_source_in(other.main_thread(), *globals, program, other_out);
    EXPECT_EQ(other_out, "Task-1\n");
}

}  // namespace
}  // namespace gilt
