// Tests for the REPL (interp/host/repl.hpp) driven by scripted input: prompts,
// multi-line blocks, expression echo, errors that do not end the loop,
// Ctrl-C at a prompt, SystemExit, end of input. Compare with
// `printf '...' | python3 -i`, whose prompts go to stderr like ours.
#include "interp/host/repl.hpp"

#include <gtest/gtest.h>

#include <deque>
#include <string>
#include <vector>

#include <gilt/gilt.hpp>

#include "runtime/interpreter.hpp"
#include "tests/unit/interp/host/host_fixture.hpp"

namespace gilt {
namespace {

class ReplTest : public testing::CapturedHostTest {
protected:
    ReplTest() : CapturedHostTest(interactive()) {}

    std::string terminal;
    HoldGil gil{host};  // runtime functions are called directly
    ThreadState& ts = host.interpreter().main_thread();

    static Options interactive() {
        Options o;
        o.interactive = true;
        return o;
    }

    // Runs the loop over `lines`; "^C" stands for Ctrl-C at that prompt.
    // The prompts and the loop's notices go to `terminal`.
    int run(std::vector<std::string> lines) {
        std::deque<std::string> input(lines.begin(), lines.end());
        ReplIo io;
        io.read_line = [this, &input](const std::string& prompt, std::string* line) {
            terminal += prompt;
            if (input.empty()) return ReplRead::Eof;
            *line = input.front();
            input.pop_front();
            return *line == "^C" ? ReplRead::Interrupt : ReplRead::Line;
        };
        io.write = [this](std::string_view s) { terminal += s; };
        return run_repl(ts, io, false);
    }
};

TEST_F(ReplTest, EchoesExpressionsButNotNone) {
    EXPECT_EQ(run({"1 + 1", "None", "'a'", "x = 5", "x"}), 0);
    EXPECT_EQ(out, "2\n'a'\n5\n");
    EXPECT_EQ(terminal, ">>> >>> >>> >>> >>> >>> \n");
}

TEST_F(ReplTest, MultiLineDefinitionEndsAtBlankLine) {
    EXPECT_EQ(run({"def f(x):", "    return x * 2", "", "f(21)"}), 0);
    EXPECT_EQ(out, "42\n");
    EXPECT_EQ(terminal, ">>> ... ... >>> >>> \n");
}

// A future statement typed once holds for the entries after it.
TEST_F(ReplTest, FutureAnnotationsLastForTheSession) {
    EXPECT_EQ(run({"from __future__ import annotations", "def f(x: Undefined): pass", "",
                   "f.__annotations__"}),
              0);
    EXPECT_EQ(out, "{'x': 'Undefined'}\n");
}

TEST_F(ReplTest, OneLineCompoundStatementWaitsForBlankLine) {
    EXPECT_EQ(run({"if 1: print(5)", ""}), 0);
    EXPECT_EQ(out, "5\n");
    EXPECT_EQ(terminal, ">>> ... >>> \n");
}

// CPython echoes every expression statement of the interactive statement
// that is not inside a def or class, however deep in blocks.
TEST_F(ReplTest, ExpressionsInsideBlocksEcho) {
    EXPECT_EQ(run({"for i in range(2):", "  i", "", "if 1:", "  7", ""}), 0);
    EXPECT_EQ(out, "0\n1\n7\n");
    EXPECT_EQ(terminal, ">>> ... ... >>> ... ... >>> \n");
}

TEST_F(ReplTest, OpenBracketSurvivesBlankLines) {
    EXPECT_EQ(run({"x = (1,", "", "2)", "x"}), 0);
    EXPECT_EQ(out, "(1, 2)\n");
    EXPECT_EQ(terminal, ">>> ... ... >>> >>> \n");
}

TEST_F(ReplTest, ExceptionPrintsTracebackAndLoopContinues) {
    EXPECT_EQ(run({"1/0", "print('after')"}), 0);
    EXPECT_EQ(out, "after\n");
    EXPECT_EQ(err,
              "Traceback (most recent call last):\n"
              "  File \"<stdin>\", line 1, in <module>\n"
              "ZeroDivisionError: division by zero\n");
}

TEST_F(ReplTest, SyntaxErrorIsReportedAtOnce) {
    EXPECT_EQ(run({"1 +", "5"}), 0);
    EXPECT_EQ(out, "5\n");
    EXPECT_NE(err.find("SyntaxError: invalid syntax"), std::string::npos) << err;
    EXPECT_EQ(terminal, ">>> >>> >>> \n");
}

TEST_F(ReplTest, MissingIndentedBlockIsAnError) {
    EXPECT_EQ(run({"def g():", "return 1", "7"}), 0);
    EXPECT_EQ(out, "7\n");
    EXPECT_NE(
        err.find(
            "IndentationError: expected an indented block after function definition on line 1"),
        std::string::npos)
        << err;
}

TEST_F(ReplTest, CtrlCDropsThePendingStatement) {
    EXPECT_EQ(run({"def f():", "^C", "3"}), 0);
    EXPECT_EQ(out, "3\n");
    EXPECT_EQ(terminal, ">>> ... \nKeyboardInterrupt\n>>> >>> \n");
}

TEST_F(ReplTest, SystemExitEndsTheLoopWithItsStatus) {
    EXPECT_EQ(run({"print(1)", "raise SystemExit(4)", "print(2)"}), 4);
    EXPECT_EQ(out, "1\n");
}

TEST_F(ReplTest, EndOfInputRunsThePendingBlock) {
    EXPECT_EQ(run({"for i in range(2):", "  print(i)"}), 0);
    EXPECT_EQ(out, "0\n1\n");
    EXPECT_EQ(terminal, ">>> ... ... \n>>> \n");
}

TEST_F(ReplTest, DefinitionsPersistInMain) {
    EXPECT_EQ(run({"class C:", "    v = 7", "", "c = C()"}), 0);
    EXPECT_EQ(host.eval("c.v").as_int(), 7);
}

TEST_F(ReplTest, UncaughtHandlingStatuses) {
    host.exec("import sys\n");
    auto status_of = [this](const char* code) {
        try {
            host.exec(code);
        } catch (const ScriptError& e) {
            return e.exit_code().value_or(-1);
        }
        return -2;
    };
    EXPECT_EQ(status_of("raise SystemExit"), 0);
    EXPECT_EQ(status_of("raise SystemExit(3)"), 3);
    EXPECT_EQ(status_of("sys.exit('bye')"), 1);
    EXPECT_EQ(status_of("raise ValueError"), -1);
}

}  // namespace
}  // namespace gilt
