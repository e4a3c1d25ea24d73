// Tests for the regex engine (stdlib/regex_*.cpp) below the re module: the
// compile errors and positions, the spans the VM reports, and that long
// subjects backtrack on the heap rather than the C++ stack.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "stdlib/regex.hpp"

namespace gilt::regex {
namespace {

std::vector<uint32_t> cps(const std::string& ascii) {
    return std::vector<uint32_t>(ascii.begin(), ascii.end());
}

Program compiled(const std::string& pattern, uint32_t flags = 0) {
    Program prog;
    CompileError err;
    EXPECT_TRUE(compile(cps(pattern), false, flags, prog, err)) << pattern << ": " << err.message;
    return prog;
}

CompileError error_of(const std::string& pattern) {
    Program prog;
    CompileError err;
    EXPECT_FALSE(compile(cps(pattern), false, 0, prog, err)) << pattern;
    return err;
}

// The span of the first match as "start,end", or "none".
std::string span(const Program& prog, const std::string& subject, Mode mode = Mode::Search) {
    MatchResult r;
    auto* s = reinterpret_cast<const uint8_t*>(subject.data());
    if (!run(prog, s, int64_t(subject.size()), 0, mode, false, r)) return "none";
    return std::to_string(r.slots[0]) + "," + std::to_string(r.slots[1]);
}

TEST(RegexTest, ErrorsCarryCPythonMessagesAndPositions) {
    EXPECT_EQ(error_of("a(b").message, "missing ), unterminated subpattern");
    EXPECT_EQ(error_of("a(b").pos, 1);
    EXPECT_EQ(error_of("ab)").message, "unbalanced parenthesis");
    EXPECT_EQ(error_of("ab)").pos, 2);
    EXPECT_EQ(error_of("x**").message, "multiple repeat");
    EXPECT_EQ(error_of("x**").pos, 2);
    EXPECT_EQ(error_of("[ab").message, "unterminated character set");
    EXPECT_EQ(error_of("a\\q").message, "bad escape \\q");
    EXPECT_EQ(error_of("a\\q").pos, 1);
    EXPECT_EQ(error_of("(?<=a*)b").pos, -1);
    EXPECT_TRUE(error_of("a{99999999999}").overflow);
}

TEST(RegexTest, FlagsAreFixedLikeCPython) {
    EXPECT_EQ(compiled("a").flags, kFlagUnicode);
    EXPECT_EQ(compiled("(?i)a").flags, kFlagUnicode | kFlagIgnoreCase);
    Program prog;
    CompileError err;
    EXPECT_FALSE(compile(cps("a"), false, kFlagLocale, prog, err));
    EXPECT_TRUE(err.value_error);
}

TEST(RegexTest, SpansOfSearchMatchAndFullmatch) {
    EXPECT_EQ(span(compiled("b+"), "abbbc"), "1,4");
    EXPECT_EQ(span(compiled("b+"), "abbbc", Mode::Match), "none");
    EXPECT_EQ(span(compiled("a|ab"), "ab", Mode::FullMatch), "0,2");
    EXPECT_EQ(span(compiled("a.*?c"), "abcbc"), "0,3");
    EXPECT_EQ(span(compiled("(?<=a)b"), "bab"), "2,3");
    EXPECT_EQ(span(compiled("(?>a+)b"), "aab"), "0,3");
    EXPECT_EQ(span(compiled("(?>a+)a"), "aaa"), "none");
    EXPECT_EQ(span(compiled("(a)\\1"), "xaa"), "1,3");
    EXPECT_EQ(span(compiled("$"), "ab\n"), "2,2");
}

TEST(RegexTest, LongSubjectsDoNotDeepenTheStack) {
    std::string subject;
    for (int i = 0; i < 2000000; ++i) subject += "ab";
    EXPECT_EQ(span(compiled("(?:ab)*$"), subject), "0," + std::to_string(subject.size()));
    EXPECT_EQ(span(compiled("(a|b)*c"), subject.substr(0, 2000)), "none");
}

TEST(RegexTest, EmptyLoopIterationEndsTheLoop) {
    Program prog = compiled("(a|)*");
    MatchResult r;
    auto* s = reinterpret_cast<const uint8_t*>("aa");
    ASSERT_TRUE(run(prog, s, 2, 0, Mode::Match, false, r));
    EXPECT_EQ(r.slots[1], 2);
    EXPECT_EQ(r.slots[2], 2);  // group 1: the final empty iteration, as CPython
    EXPECT_EQ(r.slots[3], 2);
}

TEST(RegexTest, MustAdvanceRefusesOnlyAnEmptyMatchAtTheStart) {
    Program prog = compiled("x*");
    MatchResult r;
    auto* s = reinterpret_cast<const uint8_t*>("ab");
    ASSERT_TRUE(run(prog, s, 2, 0, Mode::Search, true, r));
    EXPECT_EQ(r.slots[0], 1);
    EXPECT_EQ(r.slots[1], 1);
}

}  // namespace
}  // namespace gilt::regex
