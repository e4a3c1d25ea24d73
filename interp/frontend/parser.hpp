// The parser's public face: source text in, an AST (ast.hpp) or a
// SyntaxErrorInfo out.
//
// None of these functions throws or crashes on any input: malformed, deeply
// nested or truncated source produces a SyntaxErrorInfo. The returned Module
// owns every node; the source text may be discarded after the call (the tree
// copies the identifiers and literals it needs).
#pragma once

#include <memory>
#include <optional>
#include <string_view>

#include "interp/frontend/ast.hpp"
#include "interp/frontend/syntax_error.hpp"

namespace gilt {

struct ParseResult {
    std::unique_ptr<ast::Module> module;  // set exactly when error is empty
    std::optional<SyntaxErrorInfo> error;

    bool ok() const { return !error.has_value(); }
};

// A file or an exec() string: CPython's `compile(source, filename, "exec")`.
ParseResult parse_module(std::string_view source, std::string_view filename);

// One expression, for eval(): CPython's "eval" mode. Leading spaces and tabs
// are ignored, as eval() strips them.
ParseResult parse_expression(std::string_view source, std::string_view filename);

// One REPL entry: CPython's "single" mode. Top-level expression statements
// have ExprStmt::echo set so the compiler emits code that prints their value.
// On an incomplete entry (`if x:` with no body yet) error->incomplete is true.
ParseResult parse_interactive(std::string_view source, std::string_view filename);

// The general form of the three above.
ParseResult parse(std::string_view source, std::string_view filename, ast::ParseMode mode);

}  // namespace gilt
