// The parser's internals, shared by its parts: parser.cpp (entry points,
// errors, statements), parser_expr.cpp (expressions and targets) and
// parser_literals.cpp (numbers, strings, f-strings). See parser.cpp for how
// the parser works. Nothing outside those files includes this.
#pragma once

#include <fmt/format.h>
#include <algorithm>
#include <cstdlib>
#include <deque>
#include <optional>

#include "interp/frontend/ast.hpp"
#include "interp/frontend/lexer.hpp"
#include "interp/frontend/parser.hpp"

namespace gilt::parser_detail {

using namespace ast;

// Nesting beyond this many recursive rule levels is refused; CPython's parser
// stops at a similar point (its MAXSTACK) with a MemoryError.
constexpr int kMaxDepth = 1000;
// f-strings nest format specs at most two levels deep: f'{x:{y}}'.
constexpr int kMaxFStringNesting = 2;

inline const char* expr_name(const Expr* e) {
    switch (e->kind) {
        case ExprKind::Attribute:
            return "attribute";
        case ExprKind::Subscript:
            return "subscript";
        case ExprKind::Starred:
            return "starred";
        case ExprKind::Name:
            return "name";
        case ExprKind::List:
            return "list";
        case ExprKind::Tuple:
            return "tuple";
        case ExprKind::Lambda:
            return "lambda";
        case ExprKind::Call:
            return "function call";
        case ExprKind::BoolOp:
        case ExprKind::BinOp:
        case ExprKind::UnaryOp:
            return "expression";
        case ExprKind::GeneratorExp:
            return "generator expression";
        case ExprKind::Yield:
        case ExprKind::YieldFrom:
            return "yield expression";
        case ExprKind::Await:
            return "await expression";
        case ExprKind::ListComp:
            return "list comprehension";
        case ExprKind::SetComp:
            return "set comprehension";
        case ExprKind::DictComp:
            return "dict comprehension";
        case ExprKind::Dict:
            return "dict literal";
        case ExprKind::Set:
            return "set display";
        case ExprKind::JoinedStr:
        case ExprKind::FormattedValue:
            return "f-string expression";
        case ExprKind::Constant:
            switch (e->as<Constant>()->value_kind) {
                case ConstantKind::None:
                    return "None";
                case ConstantKind::True:
                    return "True";
                case ConstantKind::False:
                    return "False";
                case ConstantKind::Ellipsis:
                    return "ellipsis";
                default:
                    return "literal";
            }
        case ExprKind::Compare:
            return "comparison";
        case ExprKind::IfExp:
            return "conditional expression";
        case ExprKind::NamedExpr:
            return "named expression";
        case ExprKind::Slice:
            return "slice";
    }
    return "expression";
}

// True for the expression kinds CPython's `bitwise_or` rule can produce:
// those are the ones its "cannot assign to X here" message is given for.
inline bool is_bitwise_or_level(const Expr* e) {
    switch (e->kind) {
        case ExprKind::BoolOp:
        case ExprKind::Compare:
        case ExprKind::IfExp:
        case ExprKind::Lambda:
        case ExprKind::NamedExpr:
        case ExprKind::Starred:
            return false;
        case ExprKind::UnaryOp:
            return e->as<UnaryOp>()->op != UnaryOperator::Not;
        default:
            return true;
    }
}

inline bool is_keyword_constant(const Expr* e) {
    if (e->kind != ExprKind::Constant) return false;
    auto k = e->as<Constant>()->value_kind;
    return k == ConstantKind::None || k == ConstantKind::True || k == ConstantKind::False;
}

// What a target is being validated for; it picks the message wording.
enum class TargetUse { Assign, Delete, For, With, Comprehension };

// Keeps the statement context the post-parse checks need.
struct Scope {
    bool in_function = false;
    bool in_async_function = false;
    bool in_class = false;
    int loop_depth = 0;
};

class Parser {
public:
    Parser(std::string_view source, Module& module)
        : m_source(source), m_lexer(source), m_arena(module.arena) {}

    // A parser for the expression inside an f-string replacement field.
    Parser(const Parser& outer, std::size_t begin, std::size_t end, int line, int line_start)
        : m_source(outer.m_source),
          m_lexer(outer.m_source, begin, end, line, line_start),
          m_arena(outer.m_arena),
          m_depth(outer.m_depth),
          m_fstring_level(outer.m_fstring_level),
          m_scope(outer.m_scope),
          m_in_fstring(true) {
        m_bracket_level = 1;  // the field is parsed as if inside parentheses
    }

    void parse_file(Module& module);
    void parse_eval(Module& module);
    void parse_single(Module& module);
    Expr* parse_fstring_expression();

    const std::optional<SyntaxErrorInfo>& deferred_error() const { return m_deferred; }
    void set_fstring_level(int level) { m_fstring_level = level; }

private:
    // ---- tokens
    const Token& tok(std::size_t ahead = 0) {
        // The parser asks about the current token many times over (at() for
        // each alternative); the last answer is kept, since a deque's
        // references stay valid while it grows.
        if (ahead == 0 && m_cur_pos == m_pos) return *m_cur;
        while (m_tokens.size() <= m_pos + ahead) m_tokens.push_back(m_lexer.next());
        const Token& t = m_tokens[m_pos + ahead];
        if (ahead == 0) {
            m_cur = &t;
            m_cur_pos = m_pos;
        }
        return t;
    }
    bool at(TokenKind k, std::size_t ahead = 0) { return tok(ahead).kind == k; }
    Token take() {
        Token t = tok();
        ++m_pos;
        return t;
    }
    bool accept(TokenKind k) {
        if (!at(k)) return false;
        ++m_pos;
        return true;
    }
    const Token& prev() const { return m_tokens[m_pos - 1]; }
    Token expect(TokenKind k);
    void expect_colon();

    // ---- errors
    [[noreturn]] void fail_range(std::string msg, int line, int col, int end_line, int end_col,
                                 const char* kind = "SyntaxError");
    [[noreturn]] void fail_at(const Node* n, std::string msg) {
        fail_range(std::move(msg), n->line, n->col, n->end_line, n->end_col);
    }
    [[noreturn]] void fail_token(const Token& t, std::string msg);
    [[noreturn]] void invalid_syntax() { fail_token(error_token(), "invalid syntax"); }
    const Token& error_token();
    void defer(const Node* n, std::string msg);
    void defer_token(const Token& t, std::string msg);

    // ---- node construction
    template <class T>
    T* make(const Token& start) {
        T* n = m_arena.make<T>();
        n->line = start.line;
        n->col = start.col;
        finish(n);
        return n;
    }
    template <class T>
    T* make(const Node* start) {
        T* n = m_arena.make<T>();
        n->line = start->line;
        n->col = start->col;
        finish(n);
        return n;
    }
    // Ends a node at the last consumed token.
    void finish(Node* n) {
        // Layout tokens (NEWLINE, INDENT, DEDENT) do not extend a node.
        std::size_t i = m_pos;
        while (i > 0 && (m_tokens[i - 1].kind == TokenKind::Newline ||
                         m_tokens[i - 1].kind == TokenKind::Dedent ||
                         m_tokens[i - 1].kind == TokenKind::Indent))
            --i;
        if (i == 0) return;
        const Token& t = m_tokens[i - 1];
        n->end_line = t.end_line;
        n->end_col = t.end_col;
    }
    void copy_end(Node* n, const Node* from) {
        n->end_line = from->end_line;
        n->end_col = from->end_col;
    }

    // ---- statements
    std::vector<Stmt*> statements_until(TokenKind end);
    void statement(std::vector<Stmt*>& out);
    void simple_stmts(std::vector<Stmt*>& out);
    Stmt* simple_stmt();
    Stmt* compound_stmt();
    std::vector<Stmt*> block(const char* what, int header_line);
    void expect_indent(const char* what, int header_line);
    Stmt* assignment_or_expression();
    Stmt* return_stmt();
    Stmt* raise_stmt();
    Stmt* del_stmt();
    Stmt* assert_stmt();
    Stmt* global_stmt(bool nonlocal);
    Stmt* import_name();
    Stmt* import_from();
    std::string dotted_name();
    Stmt* function_def(std::vector<Expr*> decorators, const Token& start);
    Stmt* class_def(std::vector<Expr*> decorators, const Token& start);
    Stmt* decorated();
    Stmt* if_stmt(bool elif);
    Stmt* while_stmt();
    Stmt* for_stmt(const Token* async_tok);
    Stmt* with_stmt(const Token* async_tok);
    WithItem* with_item();
    Stmt* try_stmt();
    ExceptHandler* except_block(bool* star);

    // ---- the match statement (parser_match.cpp)
    bool is_match_stmt();
    Stmt* match_stmt();
    MatchCase* case_block();
    Pattern* patterns();
    Pattern* maybe_star_pattern();
    Pattern* pattern();
    Pattern* or_pattern();
    Pattern* closed_pattern();
    Expr* literal_pattern_value();
    Expr* name_or_attr();
    Pattern* group_or_sequence_pattern(TokenKind close);
    Pattern* mapping_pattern();
    Pattern* class_pattern(Expr* cls, const Token& start);

    // ---- expressions
    Expr* star_expressions();
    Expr* star_expression();
    Expr* star_named_expression();
    Expr* named_expression(bool check_equals = true);
    Expr* expression();
    Expr* disjunction();
    Expr* conjunction();
    Expr* bool_chain(TokenKind keyword, BoolOperator op, Expr* (Parser::*operand)());
    Expr* inversion();
    Expr* comparison();
    Expr* bitwise_or();
    Expr* binary_level(int level);
    Expr* factor();
    Expr* power();
    Expr* await_primary();
    Expr* primary();
    Expr* atom();
    Expr* paren_atom();
    Expr* list_atom();
    Expr* brace_atom();
    Expr* lambdef();
    Expr* yield_expr();
    Expr* annotation_expr();
    Expr* slices();
    Expr* slice();
    Call* call(Expr* func);
    Arguments* parameters(TokenKind close, bool lambda);
    Arg* param(bool lambda);
    // The compiler's "cannot assign to __debug__" for parameters, reported at the def.
    void check_debug_params(const Node* owner, const Arguments* a) {
        for (const auto* list : {&a->posonlyargs, &a->args, &a->kwonlyargs})
            for (const Arg* x : *list)
                if (x->arg == "__debug__") defer(owner, "cannot assign to __debug__");
        for (const Arg* x : {a->vararg, a->kwarg})
            if (x && x->arg == "__debug__") defer(owner, "cannot assign to __debug__");
    }
    std::vector<Comprehension*> for_if_clauses();
    Expr* star_targets();
    void check_comma_error(Expr* a);
    void check_named_equals(Expr* e);
    Expr* tuple_of(Expr* first, const Token& start, TokenKind close, bool star_named);
    bool starts_expression(const Token& t) const;

    // ---- targets
    void set_target(Expr* e, TargetUse use);
    const Expr* invalid_target(const Expr* e, TargetUse use);

    // ---- literals
    Expr* number(const Token& t);
    Expr* strings();
    void decode_string_body(std::string_view body, bool raw, bool bytes, const Token& t,
                            std::string& out);
    std::size_t decode_named_escape(std::string_view body, std::size_t start, const Token& t,
                                    std::string& out);
    void fstring(const Token& t, std::string_view body, std::size_t body_offset, bool raw,
                 std::string& literal, std::vector<Expr*>& values, int level, std::size_t& pos);
    void fstring_field(const Token& t, std::string_view body, std::size_t body_offset, bool raw,
                       std::string& literal, std::vector<Expr*>& values, int level,
                       std::size_t& pos);
    [[noreturn]] void fstring_fail(const Token& t, std::string msg);
    // Errors in a literal's contents point just past the literal, as CPython's do.
    [[noreturn]] void fail_string(const Token& t, std::string msg) {
        fail_range(std::move(msg), t.end_line, t.end_col, t.end_line, t.end_col);
    }
    void flush_literal(std::string& literal, std::vector<Expr*>& values, const Token& t);

    // Counts recursion; refuses input nested too deeply to parse safely.
    class DepthGuard {
    public:
        explicit DepthGuard(Parser& p) : m_p(p) {
            if (++m_p.m_depth > kMaxDepth) {
                const Token& t = m_p.tok();
                m_p.fail_range("Parser stack overflowed - Python source too complex to parse",
                               t.line, t.col, t.end_line, t.end_col);
            }
        }
        ~DepthGuard() { --m_p.m_depth; }
        DepthGuard(const DepthGuard&) = delete;
        DepthGuard& operator=(const DepthGuard&) = delete;

    private:
        Parser& m_p;
    };

    // For loops that build left-deep trees (a.b.c..., a+b+c...): each step
    // deepens the tree as much as a recursive call would, so it counts too,
    // which keeps every tree shallow enough for recursive walkers downstream.
    class LoopDepth {
    public:
        explicit LoopDepth(Parser& p) : m_p(p), m_saved(p.m_depth) {}
        ~LoopDepth() { m_p.m_depth = m_saved; }
        void step() {
            if (++m_p.m_depth > kMaxDepth) {
                const Token& t = m_p.tok();
                m_p.fail_range("Parser stack overflowed - Python source too complex to parse",
                               t.line, t.col, t.end_line, t.end_col);
            }
        }

    private:
        Parser& m_p;
        int m_saved;
    };

    // Counts brackets the parser is inside, for "Perhaps you forgot a comma?".
    class BracketGuard {
    public:
        explicit BracketGuard(Parser& p) : m_p(p) { ++m_p.m_bracket_level; }
        ~BracketGuard() { --m_p.m_bracket_level; }

    private:
        Parser& m_p;
    };

    std::string_view m_source;
    Lexer m_lexer;
    Arena& m_arena;
    std::deque<Token> m_tokens;  // a deque: references stay valid while lookahead grows it
    std::size_t m_pos = 0;
    const Token* m_cur = nullptr;  // tok(0) at m_cur_pos, see tok()
    std::size_t m_cur_pos = static_cast<std::size_t>(-1);
    int m_depth = 0;
    int m_bracket_level = 0;
    int m_fstring_level = 0;
    Scope m_scope;
    bool m_in_fstring = false;
    bool m_no_invalid = false;  // set while parsing the second half of a suspected missing comma
    std::optional<SyntaxErrorInfo> m_deferred;
    // A `from __future__ import annotations` has been parsed (PEP 563), and
    // whether an annotation is being parsed: together they move the check
    // of a yield in an annotation from here to the symtable.
    bool m_future_annotations = false;
    bool m_in_annotation = false;
};

}  // namespace gilt::parser_detail
