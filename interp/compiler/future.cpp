// Future statements (see future.hpp).
#include "interp/compiler/future.hpp"

#include <string_view>

#include "runtime/exception.hpp"

namespace gilt {

namespace {

// The feature names of Python 3.11's __future__ module; only `annotations`
// still changes the compilation.
constexpr std::string_view kKnownFeatures[] = {
    "nested_scopes",  "generators",       "division",       "absolute_import", "with_statement",
    "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop",  "annotations",
};

bool is_known(std::string_view name) {
    for (auto f : kKnownFeatures)
        if (f == name) return true;
    return false;
}

// CPython reports these at the statement's start, without an end offset.
void set_error(std::optional<SyntaxErrorInfo>* error, const ast::Stmt* s, std::string msg,
               int col) {
    SyntaxErrorInfo e;
    e.msg = std::move(msg);
    e.line = s->line;
    e.col = col;
    e.end_line = s->line;
    e.end_col = kSyntaxErrorNoEnd;
    *error = e;
}

bool is_future_import(const ast::Stmt* s) {
    if (s->kind != ast::StmtKind::ImportFrom) return false;
    auto* i = s->as<ast::ImportFrom>();
    return i->level == 0 && i->module && *i->module == "__future__";
}

bool is_docstring(const ast::Stmt* s) {
    if (s->kind != ast::StmtKind::Expr) return false;
    const ast::Expr* e = s->as<ast::ExprStmt>()->value;
    return e->kind == ast::ExprKind::Constant &&
           e->as<ast::Constant>()->value_kind == ast::ConstantKind::Str;
}

}  // namespace

bool parse_future_features(const ast::Module& module, FutureFeatures* out,
                           std::optional<SyntaxErrorInfo>* error) {
    if (module.mode == ast::ParseMode::Expression) return true;
    const auto& body = module.body;
    std::size_t i = !body.empty() && is_docstring(body[0]) ? 1 : 0;
    // Once another statement has been seen, a future statement is misplaced.
    // The code generator reports those on later lines; one that shares the
    // line of the statement before it (`import os; from __future__ ...`)
    // can only be told apart here.
    bool done = false;
    int prev_line = 0;
    for (; i < body.size(); ++i) {
        const ast::Stmt* s = body[i];
        if (done && s->line > prev_line) break;
        prev_line = s->line;
        if (!is_future_import(s)) {
            done = true;
            continue;
        }
        if (done) {
            // CPython gives the 0-based column here, unlike its other offsets.
            set_error(error, s, "from __future__ imports must occur at the beginning of the file",
                      s->col);
            return false;
        }
        for (const ast::Alias* a : s->as<ast::ImportFrom>()->names) {
            if (a->name == "braces") {
                set_error(error, s, "not a chance", s->col + 1);
                return false;
            }
            if (!is_known(a->name)) {
                set_error(error, s, "future feature " + a->name + " is not defined", s->col + 1);
                return false;
            }
            if (a->name == "annotations") out->flags |= kFutureAnnotations;
        }
        out->last_line = s->line;
    }
    return true;
}

}  // namespace gilt
