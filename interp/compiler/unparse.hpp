// Turning an expression tree back into source text, for PEP 563.
//
// Under `from __future__ import annotations` the compiler stores every
// annotation as a string instead of evaluating it. The string is not the
// text the user typed but the expression re-printed from its tree, exactly
// as CPython 3.11's compiler prints it (Python/ast_unparse.c): one space
// around binary operators, parentheses only where precedence needs them,
// constants by their repr (`0x10` becomes `16`), `1 .real` for an attribute
// of an int literal. `tests/scripts/future_annotations` pins the details.
#pragma once

#include <string>

#include "interp/frontend/ast.hpp"

namespace gilt {

// The source text of `e` as a PEP 563 annotation string.
std::string unparse_annotation(const ast::Expr* e);

}  // namespace gilt
