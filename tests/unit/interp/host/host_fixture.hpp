// The fixture the embedding tests share: a Host whose stdout and stderr are
// captured into `out` and `err` (the sinks are set on the Options given, so
// a test may ask for more, such as interactive mode), and error_of(source),
// the ScriptError a script raises.
#pragma once

#include <gilt/gilt.hpp>

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <utility>

namespace gilt::testing {

class CapturedHostTest : public ::testing::Test {
protected:
    explicit CapturedHostTest(Options options = Options()) : host(capture(std::move(options))) {}

    std::string out, err;  // declared before `host`: its sinks write here
    Host host;

    // The ScriptError `source` raises (fails the test if it raises nothing).
    ScriptError error_of(std::string_view source, std::string_view filename = "<string>") {
        try {
            host.exec(source, filename);
        } catch (const ScriptError& e) {
            return e;
        }
        ADD_FAILURE() << "no exception from: " << source;
        return ScriptError("None", "");
    }

private:
    Options capture(Options o) {
        o.stdout_sink = [this](std::string_view s) { out += s; };
        o.stderr_sink = [this](std::string_view s) { err += s; };
        return o;
    }
};

}  // namespace gilt::testing
