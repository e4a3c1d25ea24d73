// Parser tests. The bulk are data-driven: parser_cases/valid.txt and
// errors.txt hold snippets whose expected ast.dump() output and SyntaxError
// (type, message, line, offset) were produced by python3 3.11 with
// parser_cases/regen.py, so CPython is the oracle. Hand-written tests below
// cover what a dump cannot show: positions, literal values, REPL flags.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "interp/frontend/parser.hpp"

#ifndef GILT_PARSER_CASES_DIR
#define GILT_PARSER_CASES_DIR "tests/unit/interp/frontend/parser_cases"
#endif

namespace gilt {
namespace {

struct Case {
    std::string mode;
    std::string source;
    std::string expected;
};

// Reads the length-prefixed records written by regen.py.
std::vector<Case> load_cases(const std::string& name) {
    std::ifstream in(std::string(GILT_PARSER_CASES_DIR) + "/" + name, std::ios::binary);
    std::vector<Case> cases;
    std::string word;
    while (in >> word) {
        Case c;
        std::size_t n = 0;
        in >> c.mode >> word >> n;
        in.get();
        c.source.resize(n);
        in.read(c.source.data(), static_cast<std::streamsize>(n));
        in.get();
        in >> word >> n;
        in.get();
        c.expected.resize(n);
        in.read(c.expected.data(), static_cast<std::streamsize>(n));
        in.get();
        cases.push_back(std::move(c));
    }
    return cases;
}

ast::ParseMode mode_of(const std::string& mode) {
    if (mode == "eval") return ast::ParseMode::Expression;
    if (mode == "single") return ast::ParseMode::Interactive;
    return ast::ParseMode::Module;
}

std::string case_name(const testing::TestParamInfo<Case>& info) {
    return "case" + std::to_string(info.index);
}

class ValidCase : public testing::TestWithParam<Case> {};

TEST_P(ValidCase, DumpMatchesCPython) {
    const Case& c = GetParam();
    ParseResult r = parse(c.source, "<case>", mode_of(c.mode));
    ASSERT_TRUE(r.ok()) << "source:\n"
                        << c.source << "\nerror: " << r.error->msg << " at " << r.error->line << ":"
                        << r.error->col;
    EXPECT_EQ(ast::ast_dump(*r.module), c.expected) << "source:\n" << c.source;
}

INSTANTIATE_TEST_SUITE_P(Parser, ValidCase, testing::ValuesIn(load_cases("valid.expected")),
                         case_name);

class ErrorCase : public testing::TestWithParam<Case> {};

TEST_P(ErrorCase, ErrorMatchesCPython) {
    const Case& c = GetParam();
    ParseResult r = parse(c.source, "<case>", mode_of(c.mode));
    ASSERT_FALSE(r.ok()) << "source:\n" << c.source << "\nparsed as: " << ast::ast_dump(*r.module);
    std::string got = r.error->kind + "|" + r.error->msg + "|" + std::to_string(r.error->line) +
                      "|" + std::to_string(r.error->col);
    EXPECT_EQ(got, c.expected) << "source:\n" << c.source;
}

INSTANTIATE_TEST_SUITE_P(Parser, ErrorCase, testing::ValuesIn(load_cases("errors.expected")),
                         case_name);

TEST(ParserCases, DataFilesLoaded) {
    EXPECT_GE(load_cases("valid.expected").size(), 150u);
    EXPECT_GE(load_cases("errors.expected").size(), 40u);
}

// ---------------------------------------------------------------------------

const ast::Expr* only_expr(const ParseResult& r) {
    EXPECT_TRUE(r.ok());
    EXPECT_EQ(r.module->body.size(), 1u);
    return r.module->body[0]->as<ast::ExprStmt>()->value;
}

TEST(Parser, PositionsFollowCPython) {
    ParseResult r = parse_module("x = foo(a, b)\nif y:\n    z.w += 1\n", "t.py");
    ASSERT_TRUE(r.ok());
    const auto* assign = r.module->body[0]->as<ast::Assign>();
    EXPECT_EQ(assign->line, 1);
    EXPECT_EQ(assign->col, 0);
    EXPECT_EQ(assign->end_col, 13);
    const auto* call = assign->value->as<ast::Call>();
    EXPECT_EQ(call->col, 4);
    EXPECT_EQ(call->end_col, 13);
    EXPECT_EQ(call->args[1]->col, 11);
    const auto* if_ = r.module->body[1]->as<ast::If>();
    EXPECT_EQ(if_->line, 2);
    EXPECT_EQ(if_->end_line, 3);
    const auto* aug = if_->body[0]->as<ast::AugAssign>();
    EXPECT_EQ(aug->line, 3);
    EXPECT_EQ(aug->col, 4);
    EXPECT_EQ(aug->target->end_col, 7);
}

TEST(Parser, ColumnsAreUtf8ByteOffsets) {
    ParseResult r = parse_module("'é' + x\n", "t.py");
    const auto* b = only_expr(r)->as<ast::BinOp>();
    EXPECT_EQ(b->right->col, 7);  // 'é' is 4 bytes, then " + "
}

TEST(Parser, ErrorOffsetsCountCharacters) {
    ParseResult r = parse_module("'é' = 1\n", "t.py");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error->col, 1);
    r = parse_module("é = 1 $\n", "t.py");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error->col, 7);
    EXPECT_EQ(r.error->text, "é = 1 $\n");
}

TEST(Parser, IntegerLiterals) {
    std::vector<ParseResult> results;  // keeps every tree alive until the end of the test
    auto value = [&](const char* src) {
        results.push_back(parse_expression(src, "t"));
        EXPECT_TRUE(results.back().ok()) << src;
        return results.back().module->expression->as<ast::Constant>();
    };
    EXPECT_EQ(value("9223372036854775807")->value_kind, ast::ConstantKind::Int);
    EXPECT_EQ(value("9223372036854775807")->int_value, INT64_MAX);
    const auto* big = value("0x10000000000000000");
    EXPECT_EQ(big->value_kind, ast::ConstantKind::BigInt);
    EXPECT_EQ(big->str_value, "18446744073709551616");
    EXPECT_EQ(value("0b1_0")->int_value, 2);
    EXPECT_EQ(value("0o17")->int_value, 15);
    EXPECT_EQ(value("2.5j")->value_kind, ast::ConstantKind::Imaginary);
    EXPECT_DOUBLE_EQ(value("2.5j")->float_value, 2.5);
    EXPECT_EQ(value("1_0.5")->float_value, 10.5);
    EXPECT_EQ(value("b'\\xff'")->value_kind, ast::ConstantKind::Bytes);
    EXPECT_EQ(value("b'\\xff'")->str_value, std::string("\xff"));
    EXPECT_EQ(value("'\\u00e9'")->str_value, "\xc3\xa9");
}

TEST(Parser, ExpressionModeSkipsLeadingBlanks) {
    ParseResult r = parse_expression("   1 + 2\n", "t");
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(ast::ast_dump(*r.module),
              "Expression(body=BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2)))");
    EXPECT_FALSE(parse_expression("x = 1", "t").ok());
}

TEST(Parser, InteractiveMarksEchoedExpressions) {
    ParseResult r = parse_interactive("a; b = 1; c\n", "<stdin>");
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r.module->body.size(), 3u);
    EXPECT_TRUE(r.module->body[0]->as<ast::ExprStmt>()->echo);
    EXPECT_TRUE(r.module->body[2]->as<ast::ExprStmt>()->echo);
    r = parse_module("a\n", "t.py");
    EXPECT_FALSE(r.module->body[0]->as<ast::ExprStmt>()->echo);
}

TEST(Parser, IncompleteInputIsFlagged) {
    for (const char* src : {"if x:\n", "def f(a,\n", "x = [1,\n 2,\n", "s = '''abc\n",
                            "x = 1 + \\\n", "class C:\n", "for x in y:\n", "foo(\n"}) {
        ParseResult r = parse_interactive(src, "<stdin>");
        ASSERT_FALSE(r.ok()) << src;
        EXPECT_TRUE(r.error->incomplete) << src << " -> " << r.error->msg;
    }
    for (const char* src :
         {"x = )\n", "1abc\n", "if x:\n  pass\n else:\n", "'abc\n", "f() = 1\n", "x =\n"}) {
        ParseResult r = parse_interactive(src, "<stdin>");
        ASSERT_FALSE(r.ok()) << src;
        EXPECT_FALSE(r.error->incomplete) << src << " -> " << r.error->msg;
    }
}

TEST(Parser, DeepNestingIsAnErrorNotACrash) {
    std::string parens = std::string(10000, '(') + std::string(10000, ')');
    ParseResult r = parse_module(parens, "t.py");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error->msg, "too many nested parentheses");

    for (const char* unit : {"not ", "-", "~", "lambda:", "a if b else "}) {
        std::string src;
        for (int i = 0; i < 10000; ++i) src += unit;
        src += "x\n";
        r = parse_module(src, "t.py");
        ASSERT_FALSE(r.ok()) << unit;
        EXPECT_EQ(r.error->msg, "Parser stack overflowed - Python source too complex to parse")
            << unit;
    }
    std::string power = "x";
    for (int i = 0; i < 10000; ++i) power += "**x";
    EXPECT_FALSE(parse_module(power, "t.py").ok());

    // Moderate nesting is fine.
    std::string ok = std::string(150, '[') + std::string(150, ']');
    EXPECT_TRUE(parse_module(ok, "t.py").ok());
}

TEST(Parser, NodesOutliveTheSource) {
    ParseResult r;
    {
        std::string src = "name = 'value'\n";
        r = parse_module(src, "t.py");
    }
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(ast::ast_dump(*r.module),
              "Module(body=[Assign(targets=[Name(id='name', ctx=Store())], "
              "value=Constant(value='value'))], "
              "type_ignores=[])");
}

TEST(Parser, NamedEscapesDecodeToUtf8) {
    ParseResult r = parse_module("x = '\\N{BULLET}\\N{lf}'\n", "t.py");
    ASSERT_TRUE(r.ok()) << r.error->msg;
    EXPECT_EQ(ast::ast_dump(*r.module),
              "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
              "value=Constant(value='\xe2\x80\xa2\\n'))], "
              "type_ignores=[])");
}

TEST(Parser, EmptyAndBlankSources) {
    for (const char* src :
         {"", "\n", "   \n\n", "# only a comment", "\xEF\xBB\xBFx = 1\n", "x = 1\r\ny = 2\r\n"}) {
        ParseResult r = parse_module(src, "t.py");
        EXPECT_TRUE(r.ok()) << src << (r.ok() ? "" : r.error->msg);
    }
}

}  // namespace
}  // namespace gilt
