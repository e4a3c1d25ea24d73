// Lexer tests: token kinds and texts for the layout rules (INDENT/DEDENT,
// NEWLINE, continuation lines, brackets), literals, and tokenizer errors
// worded and positioned as CPython 3.11's.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "interp/frontend/lexer.hpp"

namespace gilt {
namespace {

// "NAME:x OP:= NUMBER:1 NEWLINE ENDMARKER"-style rendering of a token stream.
std::string render(std::string_view src) {
    TokenizeResult r = tokenize(src);
    if (r.error) return "error: " + r.error->msg;
    std::string out;
    for (const Token& t : r.tokens) {
        if (!out.empty()) out += ' ';
        switch (t.kind) {
            case TokenKind::Name:
                out += "NAME:" + std::string(t.text);
                break;
            case TokenKind::Number:
                out += "NUMBER:" + std::string(t.text);
                break;
            case TokenKind::String:
                out += "STRING:" + std::string(t.text);
                break;
            default:
                out += std::string(token_kind_name(t.kind));
        }
    }
    return out;
}

TEST(Lexer, SimpleStatement) {
    EXPECT_EQ(render("x = 1\n"), "NAME:x = NUMBER:1 NEWLINE ENDMARKER");
    EXPECT_EQ(render("x = 1"), "NAME:x = NUMBER:1 NEWLINE ENDMARKER");
}

TEST(Lexer, IndentAndDedent) {
    EXPECT_EQ(render("if x:\n    y\nz\n"),
              "if NAME:x : NEWLINE INDENT NAME:y NEWLINE DEDENT NAME:z NEWLINE ENDMARKER");
    EXPECT_EQ(render("if a:\n  if b:\n    c\n"),
              "if NAME:a : NEWLINE INDENT if NAME:b : NEWLINE INDENT NAME:c NEWLINE DEDENT DEDENT "
              "ENDMARKER");
}

TEST(Lexer, TabsAdvanceToMultiplesOfEight) {
    EXPECT_EQ(render("if a:\n\tb\n        c\n"),
              "error: inconsistent use of tabs and spaces in indentation");
    EXPECT_EQ(render("if a:\n\tb\n\tc\n"),
              "if NAME:a : NEWLINE INDENT NAME:b NEWLINE NAME:c NEWLINE DEDENT ENDMARKER");
}

TEST(Lexer, BlankLinesAndCommentsProduceNothing) {
    EXPECT_EQ(render("\n\n# c\n  # indented comment\nx # tail\n\n"), "NAME:x NEWLINE ENDMARKER");
}

TEST(Lexer, ImplicitAndExplicitLineJoining) {
    EXPECT_EQ(render("f(a,\n  b)\n"), "NAME:f ( NAME:a , NAME:b ) NEWLINE ENDMARKER");
    EXPECT_EQ(render("x = 1 + \\\n    2\n"), "NAME:x = NUMBER:1 + NUMBER:2 NEWLINE ENDMARKER");
}

TEST(Lexer, OperatorsTakeTheLongestMatch) {
    EXPECT_EQ(render("a **= b // c -> d ... := != <<= >>"),
              "NAME:a **= NAME:b // NAME:c -> NAME:d ... := != <<= >> NEWLINE ENDMARKER");
}

TEST(Lexer, KeywordsAndSoftKeywords) {
    EXPECT_EQ(render("if not match"), "if not NAME:match NEWLINE ENDMARKER");
    EXPECT_EQ(render("async await"), "async await NEWLINE ENDMARKER");
}

TEST(Lexer, StringPrefixesAndQuotes) {
    EXPECT_EQ(
        render("rb'x' F\"y\" '''a\nb''' u'z' Rf'w'"),
        "STRING:rb'x' STRING:F\"y\" STRING:'''a\nb''' STRING:u'z' STRING:Rf'w' NEWLINE ENDMARKER");
    EXPECT_EQ(render("bu'x'"), "NAME:bu STRING:'x' NEWLINE ENDMARKER");
    EXPECT_EQ(render("'a\\\nb'"), "STRING:'a\\\nb' NEWLINE ENDMARKER");
}

TEST(Lexer, Numbers) {
    EXPECT_EQ(
        render("0 00 1_000 0x_fF 0o17 0b1 1.5 .5 1. 1e-3 1E+3 2j 1.5J 1if x else y"),
        "NUMBER:0 NUMBER:00 NUMBER:1_000 NUMBER:0x_fF NUMBER:0o17 NUMBER:0b1 NUMBER:1.5 NUMBER:.5 "
        "NUMBER:1. NUMBER:1e-3 NUMBER:1E+3 NUMBER:2j NUMBER:1.5J NUMBER:1 if NAME:x else NAME:y "
        "NEWLINE "
        "ENDMARKER");
}

TEST(Lexer, NonAsciiIdentifiers) {
    EXPECT_EQ(render("café = π"), "NAME:café = NAME:π NEWLINE ENDMARKER");
    EXPECT_EQ(render("a €"), "error: invalid character '€' (U+20AC)");
    EXPECT_EQ(render("a \xff"),
              "error: (unicode error) 'utf-8' codec can't decode byte 0xff in position 0: invalid "
              "start byte");
}

TEST(Lexer, Positions) {
    TokenizeResult r = tokenize("ab = 'é'\n  \n");
    ASSERT_FALSE(r.error);
    EXPECT_EQ(r.tokens[0].col, 0);
    EXPECT_EQ(r.tokens[0].end_col, 2);
    EXPECT_EQ(r.tokens[2].col, 5);
    EXPECT_EQ(r.tokens[2].end_col, 9);  // é is two bytes
    EXPECT_EQ(r.tokens[3].kind, TokenKind::Newline);
    EXPECT_EQ(r.tokens[3].line, 1);
}

struct ErrorExpectation {
    const char* source;
    const char* kind;
    const char* msg;
    int line;
    int col;
    bool incomplete;
};

TEST(Lexer, ErrorsMatchCPython) {
    const ErrorExpectation cases[] = {
        {"1abc", "SyntaxError", "invalid decimal literal", 1, 1, false},
        {"0x", "SyntaxError", "invalid hexadecimal literal", 1, 2, false},
        {"0o8", "SyntaxError", "invalid digit '8' in octal literal", 1, 3, false},
        {"012", "SyntaxError",
         "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal "
         "integers",
         1, 1, false},
        {"if x:\n  a\n b", "IndentationError",
         "unindent does not match any outer indentation level", 3, 3, false},
        {"\"abc", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 1, false},
        {"'''abc\n\n", "SyntaxError",
         "unterminated triple-quoted string literal (detected at line 2)", 1, 1, true},
        {"f(1,\nx = 3\n", "SyntaxError", "'(' was never closed", 1, 2, true},
        {"(]", "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '('", 1,
         2, false},
        {"[1,\n2)", "SyntaxError",
         "closing parenthesis ')' does not match opening parenthesis '[' on line 1", 2, 2, false},
        {")", "SyntaxError", "unmatched ')'", 1, 1, false},
        {"\x01", "SyntaxError", "invalid non-printable character U+0001", 1, 1, false},
        {"x\\ y", "SyntaxError", "unexpected character after line continuation character", 1, 3,
         false},
        {"x = 1 +\\", "SyntaxError", "unexpected EOF while parsing", 1, 9, true},
    };
    for (const auto& c : cases) {
        TokenizeResult r = tokenize(c.source);
        ASSERT_TRUE(r.error) << c.source;
        EXPECT_EQ(r.error->kind, c.kind) << c.source;
        EXPECT_EQ(r.error->msg, c.msg) << c.source;
        EXPECT_EQ(r.error->line, c.line) << c.source;
        EXPECT_EQ(r.error->col, c.col) << c.source;
        EXPECT_EQ(r.error->incomplete, c.incomplete) << c.source;
    }
}

TEST(Lexer, TooManyNestedParentheses) {
    TokenizeResult r = tokenize(std::string(300, '['));
    ASSERT_TRUE(r.error);
    EXPECT_EQ(r.error->msg, "too many nested parentheses");
    EXPECT_EQ(r.error->col, 201);
}

}  // namespace
}  // namespace gilt
