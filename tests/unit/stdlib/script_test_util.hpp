// A fixture for the stdlib tests: a real Interpreter whose stdout and
// stderr are captured, and run(source), which compiles and runs a small
// program in a fresh __main__-like namespace and returns what it printed,
// followed by "Type: message" when it raised.
//
// The expected outputs in the tests are CPython 3.11's: each table can be
// re-checked with tests/unit/stdlib/check_tables.py.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>

#include "interp/compiler/compile.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/exception.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/str.hpp"
#include "stdlib/io.hpp"

namespace gilt::testing {

struct ScriptCase {
    const char* source;
    const char* expected;  // stdout, then "Type: message\n" if it raised
};

// Runs the test inside a fresh temporary directory (scripts create files).
class TempDir {
public:
    TempDir() {
        char tmpl[] = "/tmp/gilt_stdlib_XXXXXX";
        m_dir = ::mkdtemp(tmpl) ? tmpl : "";
        m_old = std::filesystem::current_path();
        if (!m_dir.empty()) std::filesystem::current_path(m_dir);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::current_path(m_old, ec);
        if (!m_dir.empty()) std::filesystem::remove_all(m_dir, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

private:
    std::string m_dir;
    std::filesystem::path m_old;
};

// Runs `source` as __main__ in `globals` (a dict) on `ts`; appends what the
// program printed to `out` (which the interpreter's stdout sink must fill),
// then "Type: message" if it raised.
inline void run_source_in(ThreadState& ts, Value globals, std::string_view source,
                          std::string& out) {
    Ref name(make_str(ts, "__main__"));
    if (!name || !dict_set_cstr(ts, globals, "__name__", *name) ||
        !dict_set_cstr(ts, globals, "__builtins__", ts.interp().builtins)) {
        out += "setup failed";
        return;
    }
    Ref code(compile_source(ts, source, "<test>", CompileMode::Exec));
    Ref result(code ? exec_code(ts, *code, globals) : Value());
    flush_std_streams(ts);
    if (!result) {
        Ref exc(fetch_exception(ts));
        out += format_exception_only(ts, *exc);
        if (out.empty() || out.back() != '\n') out += '\n';
    }
}

class ScriptTest : public ::testing::Test {
protected:
    std::string out, err;
    Interpreter interp{config()};
    ThreadState& ts = interp.main_thread();
    Ref m_globals;  // shared by run() calls; released before the interpreter

    InterpreterConfig config() {
        InterpreterConfig c;
        c.argv = {"test.py", "arg1"};
        c.stdout_sink = [this](std::string_view s) { out += s; };
        c.stderr_sink = [this](std::string_view s) { err += s; };
        return c;
    }

    void TearDown() override { EXPECT_FALSE(ts.has_exception()); }

    // Runs `source` as __main__. Consecutive runs in one test share their
    // globals, like lines typed into one REPL session.
    std::string run(std::string_view source) {
        out.clear();
        err.clear();
        if (!m_globals) m_globals = Ref(dict_new(ts));
        if (!m_globals) return "setup failed";
        run_source_in(ts, *m_globals, source, out);
        return out;
    }

    void check(std::span<const ScriptCase> cases) {
        for (const ScriptCase& c : cases)
            EXPECT_EQ(run(c.source), c.expected) << "program:\n" << c.source;
    }
};

}  // namespace gilt::testing
