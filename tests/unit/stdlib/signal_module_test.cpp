// Tests for the signal module's ownership rule: one interpreter at a time
// owns the process's signals; another interpreter's signal.signal() fails
// as a CPython subinterpreter's does, and a destroyed owner gives the
// signals up (so the C handler never reaches a freed interpreter).
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "tests/unit/stdlib/script_test_util.hpp"

namespace gilt {
namespace {

using testing::run_source_in;
using testing::ScriptTest;

constexpr const char* kSetHandler = R"~(import signal
seen = []
signal.signal(signal.SIGUSR1, lambda s, f: seen.append(s))
signal.raise_signal(signal.SIGUSR1)
print(seen)
)~";

// An interpreter beside the fixture's, on the same thread, with its own run().
struct OtherInterpreter {
    std::string out;
    std::unique_ptr<Interpreter> interp;

    OtherInterpreter() {
        InterpreterConfig c;
        c.stdout_sink = [this](std::string_view s) { out += s; };
        interp = std::make_unique<Interpreter>(c);
    }

    std::string run(std::string_view source) {
        ThreadState& ts = interp->main_thread();
        out.clear();
        Ref globals(dict_new(ts));
        if (globals) run_source_in(ts, *globals, source, out);
        return out;
    }
};

TEST_F(ScriptTest, SignalHandlersBelongToOneInterpreter) {
    {
        OtherInterpreter other;
        EXPECT_EQ(other.run(kSetHandler), "[10]\n");
        EXPECT_EQ(run(kSetHandler),
                  "ValueError: signal only works in main thread of the main interpreter\n");
    }
    // The owner is gone, and with it its claim on the signals.
    EXPECT_EQ(run(kSetHandler), "[10]\n");
    EXPECT_EQ(run("import signal\nprint(signal.getsignal(signal.SIGUSR1) is not None)\n"),
              "True\n");
}

}  // namespace
}  // namespace gilt
