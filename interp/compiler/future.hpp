// Future statements: `from __future__ import feature` (CPython's future.c).
//
// A future statement changes how the rest of the module compiles, so it must
// come first: only the docstring and other future statements may precede it.
// This pass runs before the symbol table, reads the leading future
// statements of a module and returns the features they turn on. The only
// feature that changes anything in 3.11 is `annotations` (PEP 563); the
// others are accepted because they are mandatory by now. Misplaced future
// statements further down are caught by the code generator, which knows
// which statements this pass accepted (their line, kept in `last_line`).
#pragma once

#include <cstdint>
#include <optional>

#include "interp/frontend/ast.hpp"
#include "interp/frontend/syntax_error.hpp"

namespace gilt {

// CPython's CO_FUTURE_ANNOTATIONS: in code flags and compile()'s `flags`.
constexpr uint32_t kFutureAnnotations = 0x1000000;

struct FutureFeatures {
    uint32_t flags = 0;  // kFuture* bits
    int last_line = 0;   // line of the last accepted future statement, 0 if none
};

// Reads the module's leading future statements into `out`. Returns false
// with `error` set for "not a chance", an unknown feature, or a future
// statement after another statement on the same line.
bool parse_future_features(const ast::Module& module, FutureFeatures* out,
                           std::optional<SyntaxErrorInfo>* error);

}  // namespace gilt
