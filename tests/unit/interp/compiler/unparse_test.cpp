// The PEP 563 un-parser: each expression of unparse_cases.inc is parsed
// and re-printed, and must read exactly as the string CPython 3.11 stores
// for the same annotation under `from __future__ import annotations`.
#include "interp/compiler/unparse.hpp"

#include <gtest/gtest.h>

#include <string>

#include "interp/frontend/parser.hpp"

namespace gilt {
namespace {

struct UnparseCase {
    const char* source;
    const char* expected;
};

constexpr UnparseCase kCases[] = {
#include "unparse_cases.inc"
};

TEST(UnparseTest, MatchesCPythonAnnotationStrings) {
    for (const UnparseCase& c : kCases) {
        ParseResult parsed =
            parse(std::string("(") + c.source + ")", "<case>", ast::ParseMode::Expression);
        ASSERT_TRUE(parsed.ok()) << c.source;
        EXPECT_EQ(unparse_annotation(parsed.module->expression), c.expected) << c.source;
    }
}

}  // namespace
}  // namespace gilt
