// The recursive-descent parser: tokens to AST, following CPython 3.11's
// Grammar/python.gram rule by rule (each function names the rule it parses).
//
// CPython's PEG parser backtracks and, on failure, reparses with extra
// "invalid_" rules to find a good message. We parse in one forward pass with
// at most a few tokens of lookahead, and produce the same messages at the
// points where CPython's invalid_ rules would match: an expression is parsed
// first and checked afterwards when it turns out to be an assignment target,
// the way CPython's own first draft (the LL(1) parser) did.
//
// Errors unwind with SyntaxErrorException to the public entry points. Checks
// that CPython makes after parsing (in the compiler and symtable, such as
// "'return' outside function") are recorded as a deferred error and reported
// only if the whole source parses, which keeps CPython's ordering.
//
// Recursion is bounded: brackets nest at most 200 deep (the lexer refuses
// more, as CPython's tokenizer does) and every recursive expression rule
// counts depth, so no input can overflow the C++ stack.
#include "parser.hpp"

#include <algorithm>
#include <cstdlib>
#include <deque>
#include <fmt/format.h>

#include "lexer.hpp"
#include "unicode_names.hpp"

namespace gilt {

using namespace ast;

namespace {

// Nesting beyond this many recursive rule levels is refused; CPython's parser
// stops at a similar point (its MAXSTACK) with a MemoryError.
constexpr int kMaxDepth = 1000;
// f-strings nest format specs at most two levels deep: f'{x:{y}}'.
constexpr int kMaxFStringNesting = 2;

const char* expr_name(const Expr* e) {
    switch (e->kind) {
    case ExprKind::Attribute: return "attribute";
    case ExprKind::Subscript: return "subscript";
    case ExprKind::Starred: return "starred";
    case ExprKind::Name: return "name";
    case ExprKind::List: return "list";
    case ExprKind::Tuple: return "tuple";
    case ExprKind::Lambda: return "lambda";
    case ExprKind::Call: return "function call";
    case ExprKind::BoolOp:
    case ExprKind::BinOp:
    case ExprKind::UnaryOp: return "expression";
    case ExprKind::GeneratorExp: return "generator expression";
    case ExprKind::Yield:
    case ExprKind::YieldFrom: return "yield expression";
    case ExprKind::Await: return "await expression";
    case ExprKind::ListComp: return "list comprehension";
    case ExprKind::SetComp: return "set comprehension";
    case ExprKind::DictComp: return "dict comprehension";
    case ExprKind::Dict: return "dict literal";
    case ExprKind::Set: return "set display";
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue: return "f-string expression";
    case ExprKind::Constant:
        switch (e->as<Constant>()->value_kind) {
        case ConstantKind::None: return "None";
        case ConstantKind::True: return "True";
        case ConstantKind::False: return "False";
        case ConstantKind::Ellipsis: return "ellipsis";
        default: return "literal";
        }
    case ExprKind::Compare: return "comparison";
    case ExprKind::IfExp: return "conditional expression";
    case ExprKind::NamedExpr: return "named expression";
    case ExprKind::Slice: return "slice";
    }
    return "expression";
}

// True for the expression kinds CPython's `bitwise_or` rule can produce:
// those are the ones its "cannot assign to X here" message is given for.
bool is_bitwise_or_level(const Expr* e) {
    switch (e->kind) {
    case ExprKind::BoolOp:
    case ExprKind::Compare:
    case ExprKind::IfExp:
    case ExprKind::Lambda:
    case ExprKind::NamedExpr:
    case ExprKind::Starred:
        return false;
    case ExprKind::UnaryOp: return e->as<UnaryOp>()->op != UnaryOperator::Not;
    default: return true;
    }
}

bool is_keyword_constant(const Expr* e) {
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
        while (m_tokens.size() <= m_pos + ahead) m_tokens.push_back(m_lexer.next());
        return m_tokens[m_pos + ahead];
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
    template <class T> T* make(const Token& start) {
        T* n = m_arena.make<T>();
        n->line = start.line;
        n->col = start.col;
        finish(n);
        return n;
    }
    template <class T> T* make(const Node* start) {
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
        while (i > 0 && (m_tokens[i - 1].kind == TokenKind::Newline || m_tokens[i - 1].kind == TokenKind::Dedent ||
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
    ExceptHandler* except_block();

    // ---- expressions
    Expr* star_expressions();
    Expr* star_expression();
    Expr* star_named_expression();
    Expr* named_expression(bool check_equals = true);
    Expr* expression();
    Expr* disjunction();
    Expr* conjunction();
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
    void decode_string_body(std::string_view body, bool raw, bool bytes, const Token& t, std::string& out);
    std::size_t decode_named_escape(std::string_view body, std::size_t start, const Token& t,
                                    std::string& out);
    void fstring(const Token& t, std::string_view body, std::size_t body_offset, bool raw,
                 std::string& literal, std::vector<Expr*>& values, int level, std::size_t& pos);
    void fstring_field(const Token& t, std::string_view body, std::size_t body_offset, bool raw,
                       std::string& literal, std::vector<Expr*>& values, int level, std::size_t& pos);
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
                m_p.fail_range("Parser stack overflowed - Python source too complex to parse", t.line,
                               t.col, t.end_line, t.end_col);
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
                m_p.fail_range("Parser stack overflowed - Python source too complex to parse", t.line, t.col,
                               t.end_line, t.end_col);
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
    int m_depth = 0;
    int m_bracket_level = 0;
    int m_fstring_level = 0;
    Scope m_scope;
    bool m_in_fstring = false;
    bool m_no_invalid = false;  // set while parsing the second half of a suspected missing comma
    std::optional<SyntaxErrorInfo> m_deferred;
};

// ===========================================================================
// Errors

const Token& Parser::error_token() {
    // At the end of input CPython points at the last real token's end.
    const Token& t = tok();
    // (Inside an f-string the end stands for CPython's closing wrapper parenthesis.)
    if ((t.kind == TokenKind::EndMarker || t.kind == TokenKind::Dedent) && m_pos > 0 && !m_in_fstring) return prev();
    return t;
}

void Parser::fail_range(std::string msg, int line, int col, int end_line, int end_col, const char* kind) {
    if (m_in_fstring && msg.rfind("f-string: ", 0) != 0) msg = "f-string: " + msg;
    SyntaxErrorException e{make_syntax_error(m_source, kind, std::move(msg), line, col, end_line, end_col)};
    throw e;
}

void Parser::fail_token(const Token& t, std::string msg) {
    fail_range(std::move(msg), t.line, t.col, t.end_line, t.end_col);
}

void Parser::defer(const Node* n, std::string msg) {
    if (m_deferred) return;
    m_deferred = make_syntax_error(m_source, "SyntaxError", std::move(msg), n->line, n->col, n->end_line,
                                   n->end_col);
}

void Parser::defer_token(const Token& t, std::string msg) {
    if (m_deferred) return;
    m_deferred = make_syntax_error(m_source, "SyntaxError", std::move(msg), t.line, t.col, t.end_line,
                                   t.end_col);
}

Token Parser::expect(TokenKind k) {
    if (at(k)) return take();
    if (k == TokenKind::Colon) fail_token(error_token(), "expected ':'");
    invalid_syntax();
}

void Parser::expect_colon() {
    if (accept(TokenKind::Colon)) return;
    // CPython says "expected ':'" at the token after the header.
    const Token& t = tok();
    if (t.kind == TokenKind::Newline || t.kind == TokenKind::EndMarker) {
        const Token& p = prev();
        fail_range("expected ':'", p.end_line, p.end_col, p.end_line, p.end_col + 1);
    }
    invalid_syntax();
}

// ===========================================================================
// Statements

// file: [statements] ENDMARKER
void Parser::parse_file(Module& module) {
    module.body = statements_until(TokenKind::EndMarker);
}

// eval: expressions NEWLINE* ENDMARKER
void Parser::parse_eval(Module& module) {
    module.expression = star_expressions();
    while (accept(TokenKind::Newline)) {
    }
    if (!at(TokenKind::EndMarker)) invalid_syntax();
}

// interactive: statement_newline
// statement_newline: compound_stmt NEWLINE | simple_stmts | NEWLINE | ENDMARKER
void Parser::parse_single(Module& module) {
    if (at(TokenKind::EndMarker) || accept(TokenKind::Newline)) return;
    statement(module.body);
    while (accept(TokenKind::Newline)) {
    }
    if (at(TokenKind::Indent)) invalid_syntax();
    if (!at(TokenKind::EndMarker))
        fail_token(tok(), "multiple statements found while compiling a single statement");
    for (Stmt* s : module.body)
        if (s->kind == StmtKind::Expr) s->as<ExprStmt>()->echo = true;
}

// statements: statement+
std::vector<Stmt*> Parser::statements_until(TokenKind end) {
    std::vector<Stmt*> body;
    while (!at(end)) {
        if (at(TokenKind::EndMarker)) invalid_syntax();
        statement(body);
    }
    return body;
}

// statement: compound_stmt | simple_stmts
void Parser::statement(std::vector<Stmt*>& out) {
    const Token& t = tok();
    if (t.kind == TokenKind::Indent) {
        // CPython points just before the first character of the indented line.
        fail_range("unexpected indent", t.line, std::max(0, t.end_col - 1), t.line, -1, "IndentationError");
    }
    if (Stmt* s = compound_stmt()) {
        out.push_back(s);
        return;
    }
    simple_stmts(out);
}

// simple_stmts: simple_stmt !';' NEWLINE | ';'.simple_stmt+ [';'] NEWLINE
void Parser::simple_stmts(std::vector<Stmt*>& out) {
    for (;;) {
        out.push_back(simple_stmt());
        if (accept(TokenKind::Semi)) {
            if (at(TokenKind::Newline)) break;
            continue;
        }
        break;
    }
    if (!accept(TokenKind::Newline)) invalid_syntax();
}

// simple_stmt: assignment | star_expressions | return_stmt | import_stmt
//     | raise_stmt | 'pass' | del_stmt | yield_stmt | assert_stmt | 'break'
//     | 'continue' | global_stmt | nonlocal_stmt
Stmt* Parser::simple_stmt() {
    const Token& t = tok();
    switch (t.kind) {
    case TokenKind::KwPass: return make<Pass>(take());
    case TokenKind::KwBreak: {
        Token k = take();
        if (m_scope.loop_depth == 0) defer_token(k, "'break' outside loop");
        return make<Break>(k);
    }
    case TokenKind::KwContinue: {
        Token k = take();
        if (m_scope.loop_depth == 0) defer_token(k, "'continue' not properly in loop");
        return make<Continue>(k);
    }
    case TokenKind::KwReturn: return return_stmt();
    case TokenKind::KwRaise: return raise_stmt();
    case TokenKind::KwDel: return del_stmt();
    case TokenKind::KwAssert: return assert_stmt();
    case TokenKind::KwGlobal: return global_stmt(false);
    case TokenKind::KwNonlocal: return global_stmt(true);
    case TokenKind::KwImport: return import_name();
    case TokenKind::KwFrom: return import_from();
    default: return assignment_or_expression();
    }
}

// compound_stmt: function_def | if_stmt | class_def | with_stmt | for_stmt
//     | try_stmt | while_stmt
Stmt* Parser::compound_stmt() {
    const Token& t = tok();
    switch (t.kind) {
    case TokenKind::KwDef: return function_def({}, t);
    case TokenKind::At: return decorated();
    case TokenKind::KwClass: return class_def({}, t);
    case TokenKind::KwIf: return if_stmt(false);
    case TokenKind::KwWhile: return while_stmt();
    case TokenKind::KwFor: return for_stmt(nullptr);
    case TokenKind::KwWith: return with_stmt(nullptr);
    case TokenKind::KwTry: return try_stmt();
    case TokenKind::KwAsync: {
        TokenKind next = tok(1).kind;
        if (next == TokenKind::KwDef) return function_def({}, t);
        Token a = t;
        if (next == TokenKind::KwFor) {
            take();
            return for_stmt(&a);
        }
        if (next == TokenKind::KwWith) {
            take();
            return with_stmt(&a);
        }
        take();
        invalid_syntax();
    }
    default: return nullptr;
    }
}

// block: NEWLINE INDENT statements DEDENT | simple_stmts
std::vector<Stmt*> Parser::block(const char* what, int header_line) {
    std::vector<Stmt*> body;
    if (!accept(TokenKind::Newline)) {
        simple_stmts(body);
        return body;
    }
    if (!accept(TokenKind::Indent)) {
        const Token& t = tok();
        std::string msg = fmt::format("expected an indented block after {} on line {}", what, header_line);
        if (t.kind == TokenKind::EndMarker) {
            const Token& p = prev();
            SyntaxErrorException e{make_syntax_error(m_source, "IndentationError", msg, p.line, p.col,
                                                     p.line, -1)};
            e.info.incomplete = true;
            throw e;
        }
        fail_range(msg, t.line, t.col, t.end_line, t.end_col, "IndentationError");
    }
    body = statements_until(TokenKind::Dedent);
    take();
    return body;
}

// assignment:
//     | NAME ':' expression ['=' annotated_rhs]
//     | ('(' single_target ')' | single_subscript_attribute_target) ':' expression ['=' annotated_rhs]
//     | (star_targets '=')+ (yield_expr | star_expressions) !'='
//     | single_target augassign ~ (yield_expr | star_expressions)
// star_expressions (as an expression statement)
Stmt* Parser::assignment_or_expression() {
    Token start = tok();
    Expr* first = at(TokenKind::KwYield) ? yield_expr() : star_expressions();
    const Token& t = tok();
    if (t.kind == TokenKind::Equal) {
        auto* a = make<Assign>(start);
        std::vector<Expr*> items{first};
        while (accept(TokenKind::Equal)) {
            items.push_back(at(TokenKind::KwYield) ? yield_expr() : star_expressions());
        }
        a->value = items.back();
        items.pop_back();
        if (a->value->kind == ExprKind::Starred) defer(a->value, "can't use starred expression here");
        for (std::size_t i = 0; i < items.size(); ++i) {
            Expr* target = items[i];
            if (const Expr* bad = invalid_target(target, TargetUse::Assign)) {
                if (i == 0 && start.kind == TokenKind::KwYield)
                    fail_at(target, "assignment to yield expression not possible");
                // CPython's invalid_named_expression fires for a lone first
                // target whose right side is a plain operand.
                Expr* rhs = items.size() > i + 1 ? items[i + 1] : a->value;
                bool here = i == 0 && items.size() == 1 && bad == target && is_bitwise_or_level(target) &&
                            !is_keyword_constant(target) && target->kind != ExprKind::Tuple &&
                            target->kind != ExprKind::List && target->kind != ExprKind::GeneratorExp &&
                            is_bitwise_or_level(rhs) && rhs->kind != ExprKind::Tuple;
                if (here)
                    fail_at(bad, fmt::format("cannot assign to {} here. Maybe you meant '==' instead of '='?",
                                             expr_name(bad)));
                fail_at(bad, fmt::format("cannot assign to {}", expr_name(bad)));
            }
            set_target(target, TargetUse::Assign);
        }
        a->targets = std::move(items);
        finish(a);
        return a;
    }
    if (t.kind == TokenKind::Colon) {
        // Annotated assignment.
        if (first->kind == ExprKind::Tuple)
            fail_at(first, "only single target (not tuple) can be annotated");
        if (first->kind == ExprKind::List)
            fail_at(first, "only single target (not list) can be annotated");
        if (first->kind != ExprKind::Name && first->kind != ExprKind::Attribute &&
            first->kind != ExprKind::Subscript)
            fail_at(first, "illegal target for annotation");
        take();
        auto* a = make<AnnAssign>(start);
        set_target(first, TargetUse::Assign);
        a->target = first;
        a->simple = first->kind == ExprKind::Name && start.kind != TokenKind::LPar;
        a->annotation = expression();
        if (accept(TokenKind::Equal)) a->value = at(TokenKind::KwYield) ? yield_expr() : star_expressions();
        finish(a);
        return a;
    }
    static constexpr std::pair<TokenKind, Operator> kAugOps[] = {
        {TokenKind::PlusEqual, Operator::Add},          {TokenKind::MinEqual, Operator::Sub},
        {TokenKind::StarEqual, Operator::Mult},         {TokenKind::AtEqual, Operator::MatMult},
        {TokenKind::SlashEqual, Operator::Div},         {TokenKind::PercentEqual, Operator::Mod},
        {TokenKind::AmperEqual, Operator::BitAnd},      {TokenKind::VBarEqual, Operator::BitOr},
        {TokenKind::CircumflexEqual, Operator::BitXor}, {TokenKind::LeftShiftEqual, Operator::LShift},
        {TokenKind::RightShiftEqual, Operator::RShift}, {TokenKind::DoubleStarEqual, Operator::Pow},
        {TokenKind::DoubleSlashEqual, Operator::FloorDiv},
    };
    for (const auto& [kind, op] : kAugOps) {
        if (t.kind != kind) continue;
        if (first->kind != ExprKind::Name && first->kind != ExprKind::Attribute &&
            first->kind != ExprKind::Subscript)
            fail_at(first, fmt::format("'{}' is an illegal expression for augmented assignment", expr_name(first)));
        take();
        auto* a = make<AugAssign>(start);
        set_target(first, TargetUse::Assign);
        a->target = first;
        a->op = op;
        a->value = at(TokenKind::KwYield) ? yield_expr() : star_expressions();
        finish(a);
        return a;
    }
    if (first->kind == ExprKind::Starred) defer(first, "can't use starred expression here");
    auto* s = make<ExprStmt>(start);
    s->value = first;
    return s;
}

// return_stmt: 'return' [star_expressions]
Stmt* Parser::return_stmt() {
    Token k = take();
    auto* r = make<Return>(k);
    if (starts_expression(tok())) r->value = star_expressions();
    finish(r);
    if (!m_scope.in_function) defer(r, "'return' outside function");
    return r;
}

// raise_stmt: 'raise' expression ['from' expression] | 'raise'
Stmt* Parser::raise_stmt() {
    auto* r = make<Raise>(take());
    if (starts_expression(tok())) {
        r->exc = expression();
        if (accept(TokenKind::KwFrom)) r->cause = expression();
    }
    finish(r);
    return r;
}

// del_stmt: 'del' del_targets &(';' | NEWLINE)
Stmt* Parser::del_stmt() {
    auto* d = make<Delete>(take());
    // del_targets: ','.del_target+ [',']
    do {
        if (!d->targets.empty() && (at(TokenKind::Newline) || at(TokenKind::Semi))) break;
        d->targets.push_back(at(TokenKind::Star) ? star_expression() : bitwise_or());
    } while (accept(TokenKind::Comma));
    for (Expr* t : d->targets) {
        if (const Expr* bad = invalid_target(t, TargetUse::Delete))
            fail_at(bad, fmt::format("cannot delete {}", expr_name(bad)));
        set_target(t, TargetUse::Delete);
    }
    if (!at(TokenKind::Semi) && !at(TokenKind::Newline)) invalid_syntax();
    finish(d);
    return d;
}

// assert_stmt: 'assert' expression [',' expression]
Stmt* Parser::assert_stmt() {
    auto* a = make<Assert>(take());
    a->test = expression();
    if (accept(TokenKind::Comma)) a->msg = expression();
    finish(a);
    return a;
}

// global_stmt: 'global' ','.NAME+
// nonlocal_stmt: 'nonlocal' ','.NAME+
Stmt* Parser::global_stmt(bool nonlocal) {
    Token k = take();
    std::vector<std::string> names;
    do {
        names.emplace_back(expect(TokenKind::Name).text);
    } while (accept(TokenKind::Comma));
    if (nonlocal) {
        auto* n = make<Nonlocal>(k);
        n->names = std::move(names);
        if (!m_scope.in_function && !m_scope.in_class) defer(n, "nonlocal declaration not allowed at module level");
        return n;
    }
    auto* g = make<Global>(k);
    g->names = std::move(names);
    return g;
}

// dotted_name: dotted_name '.' NAME | NAME
std::string Parser::dotted_name() {
    std::string name(expect(TokenKind::Name).text);
    while (accept(TokenKind::Dot)) {
        name += '.';
        name += expect(TokenKind::Name).text;
    }
    return name;
}

// import_name: 'import' dotted_as_names
// dotted_as_name: dotted_name ['as' NAME]
Stmt* Parser::import_name() {
    auto* imp = make<Import>(take());
    do {
        Token start = tok();
        auto* a = make<Alias>(start);
        a->name = dotted_name();
        if (accept(TokenKind::KwAs)) a->asname = std::string(expect(TokenKind::Name).text);
        finish(a);
        imp->names.push_back(a);
    } while (accept(TokenKind::Comma));
    finish(imp);
    return imp;
}

// import_from:
//     | 'from' ('.' | '...')* dotted_name 'import' import_from_targets
//     | 'from' ('.' | '...')+ 'import' import_from_targets
// import_from_targets: '(' import_from_as_names [','] ')' | import_from_as_names !',' | '*'
Stmt* Parser::import_from() {
    auto* imp = make<ImportFrom>(take());
    for (;;) {
        if (accept(TokenKind::Dot)) {
            imp->level += 1;
        } else if (accept(TokenKind::Ellipsis)) {
            imp->level += 3;
        } else {
            break;
        }
    }
    if (!at(TokenKind::KwImport) || imp->level == 0) imp->module = dotted_name();
    expect(TokenKind::KwImport);
    if (at(TokenKind::Star)) {
        auto* a = make<Alias>(take());
        a->name = "*";
        imp->names.push_back(a);
    } else {
        bool paren = accept(TokenKind::LPar);
        do {
            if (paren && at(TokenKind::RPar)) break;
            if (!paren && !imp->names.empty() && at(TokenKind::Newline))
                fail_token(tok(), "trailing comma not allowed without surrounding parentheses");
            auto* a = make<Alias>(tok());
            a->name = std::string(expect(TokenKind::Name).text);
            if (accept(TokenKind::KwAs)) a->asname = std::string(expect(TokenKind::Name).text);
            finish(a);
            imp->names.push_back(a);
        } while (accept(TokenKind::Comma));
        if (paren) {
            if (imp->names.empty()) invalid_syntax();
            expect(TokenKind::RPar);
        }
    }
    finish(imp);
    return imp;
}

// decorators: ('@' f=named_expression NEWLINE)+
Stmt* Parser::decorated() {
    Token start = tok();
    std::vector<Expr*> decorators;
    while (accept(TokenKind::At)) {
        decorators.push_back(named_expression());
        if (!accept(TokenKind::Newline)) invalid_syntax();
    }
    if (at(TokenKind::KwDef) || (at(TokenKind::KwAsync) && at(TokenKind::KwDef, 1)))
        return function_def(std::move(decorators), start);
    if (at(TokenKind::KwClass)) return class_def(std::move(decorators), start);
    invalid_syntax();
}

// function_def_raw:
//     | ['async'] 'def' NAME '(' [params] ')' ['->' expression] ':' block
Stmt* Parser::function_def(std::vector<Expr*> decorators, const Token& start) {
    bool is_async = accept(TokenKind::KwAsync);
    Token def = expect(TokenKind::KwDef);
    FunctionDefBase* f = is_async ? static_cast<FunctionDefBase*>(make<AsyncFunctionDef>(start))
                                  : static_cast<FunctionDefBase*>(make<FunctionDef>(start));
    f->decorator_list = std::move(decorators);
    f->name = std::string(expect(TokenKind::Name).text);
    if (!at(TokenKind::LPar)) fail_token(error_token(), "expected '('");
    take();
    {
        BracketGuard bracket(*this);
        f->args = parameters(TokenKind::RPar, false);
    }
    check_debug_params(f, f->args);
    expect(TokenKind::RPar);
    if (accept(TokenKind::RArrow)) f->returns = expression();
    expect_colon();
    Scope saved = m_scope;
    m_scope = Scope{true, is_async, false, 0};
    f->body = block("function definition", def.line);
    m_scope = saved;
    finish(f);
    return f;
}

// class_def_raw: 'class' NAME ['(' [arguments] ')'] ':' block
Stmt* Parser::class_def(std::vector<Expr*> decorators, const Token& start) {
    Token cls = take();
    auto* c = make<ClassDef>(start);
    c->decorator_list = std::move(decorators);
    c->name = std::string(expect(TokenKind::Name).text);
    if (at(TokenKind::LPar)) {
        Call* args = call(nullptr);
        c->bases = std::move(args->args);
        c->keywords = std::move(args->keywords);
    }
    expect_colon();
    Scope saved = m_scope;
    m_scope = Scope{false, false, true, 0};
    c->body = block("class definition", cls.line);
    m_scope = saved;
    finish(c);
    return c;
}

// if_stmt: 'if' named_expression ':' block (elif_stmt | [else_block])
// elif_stmt: 'elif' named_expression ':' block (elif_stmt | [else_block])
// else_block: 'else' ':' block
Stmt* Parser::if_stmt(bool elif) {
    Token k = take();
    auto* s = make<If>(k);
    s->test = named_expression();
    expect_colon();
    s->body = block(elif ? "'elif' statement" : "'if' statement", k.line);
    if (at(TokenKind::KwElif)) {
        s->orelse.push_back(if_stmt(true));
    } else if (at(TokenKind::KwElse)) {
        Token e = take();
        expect_colon();
        s->orelse = block("'else' statement", e.line);
    }
    finish(s);
    return s;
}

// while_stmt: 'while' named_expression ':' block [else_block]
Stmt* Parser::while_stmt() {
    Token k = take();
    auto* s = make<While>(k);
    s->test = named_expression();
    expect_colon();
    ++m_scope.loop_depth;
    s->body = block("'while' statement", k.line);
    --m_scope.loop_depth;
    if (at(TokenKind::KwElse)) {
        Token e = take();
        expect_colon();
        s->orelse = block("'else' statement", e.line);
    }
    finish(s);
    return s;
}

// for_stmt: ['async'] 'for' star_targets 'in' ~ star_expressions ':' block [else_block]
Stmt* Parser::for_stmt(const Token* async_tok) {
    Token k = take();
    const Token& start = async_tok ? *async_tok : k;
    ForBase* s = async_tok ? static_cast<ForBase*>(make<AsyncFor>(start)) : static_cast<ForBase*>(make<For>(start));
    s->target = star_targets();
    if (const Expr* bad = invalid_target(s->target, TargetUse::For))
        fail_at(bad, fmt::format("cannot assign to {}", expr_name(bad)));
    set_target(s->target, TargetUse::For);
    expect(TokenKind::KwIn);
    s->iter = star_expressions();
    expect_colon();
    ++m_scope.loop_depth;
    s->body = block("'for' statement", k.line);
    --m_scope.loop_depth;
    if (at(TokenKind::KwElse)) {
        Token e = take();
        expect_colon();
        s->orelse = block("'else' statement", e.line);
    }
    finish(s);
    return s;
}

// with_stmt:
//     | ['async'] 'with' '(' ','.with_item+ ','? ')' ':' block
//     | ['async'] 'with' ','.with_item+ ':' block
Stmt* Parser::with_stmt(const Token* async_tok) {
    Token k = take();
    const Token& start = async_tok ? *async_tok : k;
    WithBase* s = async_tok ? static_cast<WithBase*>(make<AsyncWith>(start))
                            : static_cast<WithBase*>(make<With>(start));
    // The parenthesised form is chosen when the matching ')' is followed by ':'.
    bool parenthesised = false;
    if (at(TokenKind::LPar)) {
        int depth = 0;
        for (std::size_t i = 0;; ++i) {
            TokenKind kind = tok(i).kind;
            if (kind == TokenKind::LPar || kind == TokenKind::LSqb || kind == TokenKind::LBrace) ++depth;
            if (kind == TokenKind::RPar || kind == TokenKind::RSqb || kind == TokenKind::RBrace) --depth;
            if (kind == TokenKind::EndMarker || kind == TokenKind::Newline) break;
            if (depth == 0) {
                parenthesised = tok(i + 1).kind == TokenKind::Colon;
                break;
            }
        }
    }
    if (parenthesised) {
        take();
        BracketGuard bracket(*this);
        do {
            if (at(TokenKind::RPar)) break;
            s->items.push_back(with_item());
        } while (accept(TokenKind::Comma));
        expect(TokenKind::RPar);
    } else {
        do {
            s->items.push_back(with_item());
        } while (accept(TokenKind::Comma));
    }
    expect_colon();
    s->body = block("'with' statement", k.line);
    finish(s);
    return s;
}

// with_item: expression 'as' star_target &(',' | ')' | ':') | expression
WithItem* Parser::with_item() {
    auto* w = make<WithItem>(tok());
    w->context_expr = expression();
    if (accept(TokenKind::KwAs)) {
        // One star_target: a bare `as a, b` would swallow the next with_item.
        if (at(TokenKind::Star)) {
            auto* st = make<Starred>(take());
            st->value = bitwise_or();
            finish(st);
            w->optional_vars = st;
        } else {
            w->optional_vars = bitwise_or();
        }
        if (const Expr* bad = invalid_target(w->optional_vars, TargetUse::With))
            fail_at(bad, fmt::format("cannot assign to {}", expr_name(bad)));
        set_target(w->optional_vars, TargetUse::With);
        if (!at(TokenKind::Comma) && !at(TokenKind::RPar) && !at(TokenKind::Colon)) invalid_syntax();
    }
    finish(w);
    return w;
}

// try_stmt:
//     | 'try' ':' block finally_block
//     | 'try' ':' block except_block+ [else_block] [finally_block]
Stmt* Parser::try_stmt() {
    Token k = take();
    auto* s = make<Try>(k);
    expect_colon();
    s->body = block("'try' statement", k.line);
    while (at(TokenKind::KwExcept)) s->handlers.push_back(except_block());
    if (!s->handlers.empty() && at(TokenKind::KwElse)) {
        Token e = take();
        expect_colon();
        s->orelse = block("'else' statement", e.line);
    }
    if (at(TokenKind::KwFinally)) {
        Token f = take();
        expect_colon();
        s->finalbody = block("'finally' statement", f.line);
    }
    if (s->handlers.empty() && s->finalbody.empty())
        fail_token(error_token(), "expected 'except' or 'finally' block");
    finish(s);
    return s;
}

// except_block:
//     | 'except' expression ['as' NAME] ':' block
//     | 'except' ':' block
ExceptHandler* Parser::except_block() {
    Token k = take();
    auto* h = make<ExceptHandler>(k);
    if (at(TokenKind::Star)) fail_token(tok(), "except* is not supported");
    if (!at(TokenKind::Colon)) {
        Token start = tok();
        h->type = expression();
        if (at(TokenKind::Comma)) {
            // `except A, B:` is Python 2 syntax.
            Expr* t = tuple_of(h->type, start, TokenKind::Colon, false);
            if (at(TokenKind::Colon) || at(TokenKind::KwAs))
                fail_at(t, "multiple exception types must be parenthesized");
            invalid_syntax();
        }
        if (accept(TokenKind::KwAs)) h->name = std::string(expect(TokenKind::Name).text);
    }
    expect_colon();
    h->body = block("'except' statement", k.line);
    finish(h);
    return h;
}

// ===========================================================================
// Expressions

bool Parser::starts_expression(const Token& t) const {
    switch (t.kind) {
    case TokenKind::Name:
    case TokenKind::Number:
    case TokenKind::String:
    case TokenKind::LPar:
    case TokenKind::LSqb:
    case TokenKind::LBrace:
    case TokenKind::Minus:
    case TokenKind::Plus:
    case TokenKind::Tilde:
    case TokenKind::Star:
    case TokenKind::Ellipsis:
    case TokenKind::KwNone:
    case TokenKind::KwTrue:
    case TokenKind::KwFalse:
    case TokenKind::KwNot:
    case TokenKind::KwLambda:
    case TokenKind::KwAwait:
    case TokenKind::KwYield:
        return true;
    default:
        return false;
    }
}

// Collects `first, x, y` into a Tuple, stopping before `close`.
Expr* Parser::tuple_of(Expr* first, const Token& start, TokenKind close, bool star_named) {
    auto* t = make<Tuple>(start);
    t->elts.push_back(first);
    while (accept(TokenKind::Comma)) {
        if (at(close) || !starts_expression(tok()) || at(TokenKind::KwYield)) break;
        t->elts.push_back(star_named ? star_named_expression() : star_expression());
    }
    finish(t);
    return t;
}

// star_expressions:
//     | star_expression (',' star_expression)+ [',']
//     | star_expression ','
//     | star_expression
Expr* Parser::star_expressions() {
    Token start = tok();
    Expr* first = star_expression();
    if (!at(TokenKind::Comma)) return first;
    return tuple_of(first, start, TokenKind::EndMarker, false);
}

// star_expression: '*' bitwise_or | expression
Expr* Parser::star_expression() {
    if (at(TokenKind::Star)) {
        auto* s = make<Starred>(take());
        s->value = bitwise_or();
        finish(s);
        return s;
    }
    return expression();
}

// star_named_expression: '*' bitwise_or | named_expression
Expr* Parser::star_named_expression() {
    if (at(TokenKind::Star)) return star_expression();
    return named_expression();
}

// named_expression: NAME ':=' ~ expression | expression !':='
Expr* Parser::named_expression(bool check_equals) {
    DepthGuard guard(*this);
    if (at(TokenKind::Name) && at(TokenKind::ColonEqual, 1)) {
        Token name = take();
        take();
        auto* target = make<Name>(name);
        target->id = std::string(name.text);
        target->ctx = ExprContext::Store;
        auto* n = make<NamedExpr>(name);
        n->target = target;
        n->value = expression();
        finish(n);
        return n;
    }
    Expr* e = expression();
    if (at(TokenKind::ColonEqual))
        fail_at(e, fmt::format("cannot use assignment expressions with {}", expr_name(e)));
    if (check_equals && at(TokenKind::Equal)) check_named_equals(e);
    return e;
}

// invalid_named_expression: `if x = 1:` and friends, where '==' was meant.
void Parser::check_named_equals(Expr* e) {
    std::size_t saved = m_pos;
    take();
    if (!starts_expression(tok()) || at(TokenKind::Star) || at(TokenKind::KwYield)) {
        m_pos = saved;
        return;
    }
    Expr* rhs = bitwise_or();
    bool followed = at(TokenKind::Equal) || at(TokenKind::ColonEqual);
    m_pos = saved;
    if (followed) return;
    if (e->kind == ExprKind::Name)
        fail_range("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", e->line, e->col,
                   rhs->end_line, rhs->end_col);
    if (is_bitwise_or_level(e) && !is_keyword_constant(e) && e->kind != ExprKind::List &&
        e->kind != ExprKind::Tuple && e->kind != ExprKind::GeneratorExp)
        fail_at(e, fmt::format("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(e)));
}

// expression:
//     | disjunction 'if' disjunction 'else' expression
//     | disjunction
//     | lambdef
Expr* Parser::expression() {
    DepthGuard guard(*this);
    if (at(TokenKind::KwLambda)) return lambdef();
    Expr* body = disjunction();
    if (at(TokenKind::KwIf)) {
        take();
        auto* e = make<IfExp>(body);
        e->body = body;
        e->test = disjunction();
        if (!accept(TokenKind::KwElse)) {
            if (at(TokenKind::Colon)) invalid_syntax();
            fail_range("expected 'else' after 'if' expression", body->line, body->col, e->test->end_line,
                       e->test->end_col);
        }
        e->orelse = expression();
        finish(e);
        return e;
    }
    check_comma_error(body);
    return body;
}

// invalid_expression: two expressions side by side. Inside brackets CPython
// suggests the missing comma; `print x` gets the Python 2 hint.
void Parser::check_comma_error(Expr* a) {
    const Token& t = tok();
    switch (t.kind) {
    case TokenKind::Name:
    case TokenKind::Number:
    case TokenKind::String:
    case TokenKind::LBrace:
    case TokenKind::Tilde:
    case TokenKind::Ellipsis:
    case TokenKind::KwNone:
    case TokenKind::KwTrue:
    case TokenKind::KwFalse:
    case TokenKind::KwNot:
    case TokenKind::KwLambda:
    case TokenKind::KwAwait:
        break;
    default:
        return;
    }
    if (m_no_invalid) return;
    if (a->kind == ExprKind::Name && m_bracket_level == 0) {
        const std::string& id = a->as<Name>()->id;
        if (id == "print" || id == "exec") {
            m_no_invalid = true;
            Expr* b = star_expressions();
            fail_range(fmt::format("Missing parentheses in call to '{}'. Did you mean {}(...)?", id, id),
                       a->line, a->col, b->end_line, b->end_col);
        }
    }
    if (a->kind == ExprKind::Name && t.kind == TokenKind::String) invalid_syntax();
    if (a->kind == ExprKind::Name && t.kind == TokenKind::Name &&
        (t.text == "match" || t.text == "case" || t.text == "_"))
        invalid_syntax();
    if (m_bracket_level == 0) invalid_syntax();
    Token bad = t;
    Expr* b = nullptr;
    try {
        m_no_invalid = true;  // CPython's expression_without_invalid
        b = expression();
    } catch (SyntaxErrorException&) {
        fail_token(bad, "invalid syntax");
    }
    fail_range("invalid syntax. Perhaps you forgot a comma?", a->line, a->col, b->end_line, b->end_col);
}

// disjunction: conjunction ('or' conjunction)+ | conjunction
Expr* Parser::disjunction() {
    Expr* first = conjunction();
    if (!at(TokenKind::KwOr)) return first;
    auto* b = make<BoolOp>(first);
    b->op = BoolOperator::Or;
    b->values.push_back(first);
    while (accept(TokenKind::KwOr)) b->values.push_back(conjunction());
    finish(b);
    return b;
}

// conjunction: inversion ('and' inversion)+ | inversion
Expr* Parser::conjunction() {
    Expr* first = inversion();
    if (!at(TokenKind::KwAnd)) return first;
    auto* b = make<BoolOp>(first);
    b->op = BoolOperator::And;
    b->values.push_back(first);
    while (accept(TokenKind::KwAnd)) b->values.push_back(inversion());
    finish(b);
    return b;
}

// inversion: 'not' inversion | comparison
Expr* Parser::inversion() {
    DepthGuard guard(*this);
    if (!at(TokenKind::KwNot)) return comparison();
    auto* u = make<UnaryOp>(take());
    u->op = UnaryOperator::Not;
    u->operand = inversion();
    finish(u);
    return u;
}

// comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or
Expr* Parser::comparison() {
    Expr* left = bitwise_or();
    Compare* c = nullptr;
    for (;;) {
        CmpOperator op;
        switch (tok().kind) {
        case TokenKind::EqEqual: op = CmpOperator::Eq; break;
        case TokenKind::NotEqual: op = CmpOperator::NotEq; break;
        case TokenKind::Less: op = CmpOperator::Lt; break;
        case TokenKind::LessEqual: op = CmpOperator::LtE; break;
        case TokenKind::Greater: op = CmpOperator::Gt; break;
        case TokenKind::GreaterEqual: op = CmpOperator::GtE; break;
        case TokenKind::KwIn: op = CmpOperator::In; break;
        case TokenKind::KwIs:
            op = at(TokenKind::KwNot, 1) ? CmpOperator::IsNot : CmpOperator::Is;
            break;
        case TokenKind::KwNot:
            if (!at(TokenKind::KwIn, 1)) goto done;
            op = CmpOperator::NotIn;
            break;
        default: goto done;
        }
        take();
        if (op == CmpOperator::IsNot || op == CmpOperator::NotIn) take();
        if (!c) {
            c = make<Compare>(left);
            c->left = left;
        }
        c->ops.push_back(op);
        c->comparators.push_back(bitwise_or());
    }
done:
    if (!c) return left;
    finish(c);
    return c;
}

// bitwise_or: bitwise_or '|' bitwise_xor | bitwise_xor
// bitwise_xor: bitwise_xor '^' bitwise_and | bitwise_and
// bitwise_and: bitwise_and '&' shift_expr | shift_expr
// shift_expr: shift_expr ('<<' | '>>') sum | sum
// sum: sum ('+' | '-') term | term
// term: term ('*' | '/' | '//' | '%' | '@') factor | factor
Expr* Parser::bitwise_or() { return binary_level(0); }

Expr* Parser::binary_level(int level) {
    struct LevelOp {
        TokenKind token;
        Operator op;
    };
    static const std::vector<LevelOp> kLevels[] = {
        {{TokenKind::VBar, Operator::BitOr}},
        {{TokenKind::Circumflex, Operator::BitXor}},
        {{TokenKind::Amper, Operator::BitAnd}},
        {{TokenKind::LeftShift, Operator::LShift}, {TokenKind::RightShift, Operator::RShift}},
        {{TokenKind::Plus, Operator::Add}, {TokenKind::Minus, Operator::Sub}},
        {{TokenKind::Star, Operator::Mult},
         {TokenKind::Slash, Operator::Div},
         {TokenKind::DoubleSlash, Operator::FloorDiv},
         {TokenKind::Percent, Operator::Mod},
         {TokenKind::At, Operator::MatMult}},
    };
    constexpr int kLevelCount = 6;
    auto operand = [&] { return level + 1 < kLevelCount ? binary_level(level + 1) : factor(); };
    Expr* left = operand();
    LoopDepth depth(*this);
    for (;;) {
        const LevelOp* found = nullptr;
        for (const auto& lo : kLevels[level])
            if (at(lo.token)) found = &lo;
        if (!found) return left;
        depth.step();
        take();
        auto* b = make<BinOp>(left);
        b->left = left;
        b->op = found->op;
        b->right = operand();
        finish(b);
        left = b;
    }
}

// factor: '+' factor | '-' factor | '~' factor | power
Expr* Parser::factor() {
    DepthGuard guard(*this);
    UnaryOperator op;
    switch (tok().kind) {
    case TokenKind::Plus: op = UnaryOperator::UAdd; break;
    case TokenKind::Minus: op = UnaryOperator::USub; break;
    case TokenKind::Tilde: op = UnaryOperator::Invert; break;
    default: return power();
    }
    auto* u = make<UnaryOp>(take());
    u->op = op;
    u->operand = factor();
    finish(u);
    return u;
}

// power: await_primary '**' factor | await_primary
Expr* Parser::power() {
    Expr* base = await_primary();
    if (!accept(TokenKind::DoubleStar)) return base;
    auto* b = make<BinOp>(base);
    b->left = base;
    b->op = Operator::Pow;
    b->right = factor();
    finish(b);
    return b;
}

// await_primary: AWAIT primary | primary
Expr* Parser::await_primary() {
    if (!at(TokenKind::KwAwait)) return primary();
    DepthGuard guard(*this);
    auto* a = make<Await>(take());
    a->value = primary();
    finish(a);
    return a;
}

// primary:
//     | primary '.' NAME
//     | primary genexp
//     | primary '(' [arguments] ')'
//     | primary '[' slices ']'
//     | atom
Expr* Parser::primary() {
    Expr* e = atom();
    LoopDepth depth(*this);
    for (;;) {
        if (at(TokenKind::Dot) || at(TokenKind::LPar) || at(TokenKind::LSqb)) depth.step();
        if (accept(TokenKind::Dot)) {
            auto* a = make<Attribute>(e);
            a->value = e;
            a->attr = std::string(expect(TokenKind::Name).text);
            finish(a);
            e = a;
        } else if (at(TokenKind::LPar)) {
            e = call(e);
        } else if (at(TokenKind::LSqb)) {
            take();
            auto* s = make<Subscript>(e);
            s->value = e;
            {
                BracketGuard bracket(*this);
                s->slice = slices();
            }
            expect(TokenKind::RSqb);
            finish(s);
            e = s;
        } else {
            return e;
        }
    }
}

// slices: slice !',' | ','.(slice | starred_expression)+ [',']
Expr* Parser::slices() {
    Token start = tok();
    Expr* first = at(TokenKind::Star) ? star_expression() : slice();
    if (!at(TokenKind::Comma) && first->kind != ExprKind::Starred) return first;
    auto* t = make<Tuple>(start);
    t->elts.push_back(first);
    while (accept(TokenKind::Comma)) {
        if (at(TokenKind::RSqb)) break;
        t->elts.push_back(at(TokenKind::Star) ? star_expression() : slice());
    }
    finish(t);
    return t;
}

// slice: [expression] ':' [expression] [':' [expression]] | named_expression
Expr* Parser::slice() {
    Token start = tok();
    Expr* lower = nullptr;
    if (!at(TokenKind::Colon)) {
        lower = named_expression();
        if (!at(TokenKind::Colon)) return lower;
    }
    take();
    auto* s = make<Slice>(start);
    s->lower = lower;
    auto part_follows = [&] { return !at(TokenKind::Colon) && !at(TokenKind::Comma) && !at(TokenKind::RSqb); };
    if (part_follows()) s->upper = expression();
    if (accept(TokenKind::Colon) && part_follows()) s->step = expression();
    finish(s);
    return s;
}

// arguments: args [','] &')'
// args:
//     | ','.(starred_expression | (assignment_expression | expression !':=') !'=')+ [',' kwargs]
//     | kwargs
// kwargs: ','.kwarg_or_starred+ ',' ','.kwarg_or_double_starred+ | ...
// Also `primary genexp`: f(x for x in y).
// With a null func this parses a class header's `(bases, keywords)`.
Call* Parser::call(Expr* func) {
    Token open = take();
    auto* c = func ? make<Call>(func) : make<Call>(open);
    c->func = func;
    BracketGuard bracket(*this);
    bool seen_keyword = false, seen_double_star = false;
    while (!at(TokenKind::RPar)) {
        const Token& t = tok();
        if (t.kind == TokenKind::Star) {
            Token star = take();
            auto* s = make<Starred>(star);
            s->value = expression();
            finish(s);
            if (seen_double_star)
                fail_at(s, "iterable argument unpacking follows keyword argument unpacking");
            c->args.push_back(s);
        } else if (t.kind == TokenKind::DoubleStar) {
            auto* k = make<Keyword>(take());
            k->value = expression();
            finish(k);
            c->keywords.push_back(k);
            seen_double_star = true;
        } else if (t.kind == TokenKind::Name && at(TokenKind::Equal, 1)) {
            auto* k = make<Keyword>(t);
            k->arg = std::string(take().text);
            take();
            k->value = expression();
            finish(k);
            c->keywords.push_back(k);
            seen_keyword = true;
        } else {
            Expr* e = named_expression(false);
            if (at(TokenKind::Equal)) {
                if (is_keyword_constant(e))
                    fail_at(e, fmt::format("cannot assign to {}", expr_name(e)));
                const Token& eq = tok();
                fail_range("expression cannot contain assignment, perhaps you meant \"==\"?", e->line, e->col,
                           eq.end_line, eq.end_col);
            }
            if (at(TokenKind::KwFor) || at(TokenKind::KwAsync)) {
                auto* g = make<GeneratorExp>(e);
                g->elt = e;
                g->generators = for_if_clauses();
                finish(g);
                bool alone = c->args.empty() && c->keywords.empty() && at(TokenKind::RPar);
                if (!alone || !func) {
                    if (!alone) fail_at(g, "Generator expression must be parenthesized");
                }
                if (alone) {
                    // The genexp spans the parentheses, as in CPython.
                    g->line = open.line;
                    g->col = open.col;
                    const Token& close = tok();
                    g->end_line = close.end_line;
                    g->end_col = close.end_col;
                }
                e = g;
            }
            // CPython points just past the offending argument.
            if (seen_double_star) fail_token(tok(), "positional argument follows keyword argument unpacking");
            if (seen_keyword) fail_token(tok(), "positional argument follows keyword argument");
            c->args.push_back(e);
        }
        if (!accept(TokenKind::Comma)) break;
    }
    expect(TokenKind::RPar);
    finish(c);
    return c;
}

// atom:
//     | NAME | 'True' | 'False' | 'None' | strings | NUMBER
//     | (tuple | group | genexp) | (list | listcomp) | (dict | set | dictcomp | setcomp)
//     | '...'
Expr* Parser::atom() {
    const Token& t = tok();
    switch (t.kind) {
    case TokenKind::Name: {
        auto* n = make<Name>(take());
        n->id = std::string(prev().text);
        return n;
    }
    case TokenKind::KwTrue:
    case TokenKind::KwFalse:
    case TokenKind::KwNone:
    case TokenKind::Ellipsis: {
        auto* c = make<Constant>(take());
        c->value_kind = t.kind == TokenKind::KwTrue    ? ConstantKind::True
                        : t.kind == TokenKind::KwFalse ? ConstantKind::False
                        : t.kind == TokenKind::KwNone  ? ConstantKind::None
                                                       : ConstantKind::Ellipsis;
        return c;
    }
    case TokenKind::Number: return number(take());
    case TokenKind::String: return strings();
    case TokenKind::LPar: return paren_atom();
    case TokenKind::LSqb: return list_atom();
    case TokenKind::LBrace: return brace_atom();
    default: invalid_syntax();
    }
}

// tuple: '(' [star_named_expression ',' [star_named_expressions]] ')'
// group: '(' (yield_expr | named_expression) ')'
// genexp: '(' (assignment_expression | expression !':=') for_if_clauses ')'
Expr* Parser::paren_atom() {
    Token open = take();
    BracketGuard bracket(*this);
    if (accept(TokenKind::RPar)) return make<Tuple>(open);
    if (at(TokenKind::KwYield)) {
        Expr* y = yield_expr();
        expect(TokenKind::RPar);
        return y;
    }
    Expr* first = star_named_expression();
    if (at(TokenKind::KwFor) || at(TokenKind::KwAsync)) {
        if (first->kind == ExprKind::Starred) fail_at(first, "iterable unpacking cannot be used in comprehension");
        auto* g = make<GeneratorExp>(open);
        g->elt = first;
        g->generators = for_if_clauses();
        expect(TokenKind::RPar);
        finish(g);
        return g;
    }
    if (at(TokenKind::Comma)) {
        Expr* t = tuple_of(first, open, TokenKind::RPar, true);
        expect(TokenKind::RPar);
        t->line = open.line;
        t->col = open.col;
        finish(t);
        return t;
    }
    if (first->kind == ExprKind::Starred) fail_at(first, "cannot use starred expression here");
    expect(TokenKind::RPar);
    return first;
}

// list: '[' [star_named_expressions] ']'
// listcomp: '[' named_expression for_if_clauses ']'
Expr* Parser::list_atom() {
    Token open = take();
    BracketGuard bracket(*this);
    auto* l = make<List>(open);
    if (accept(TokenKind::RSqb)) return l;
    Expr* first = star_named_expression();
    if (at(TokenKind::KwFor) || at(TokenKind::KwAsync)) {
        if (first->kind == ExprKind::Starred) fail_at(first, "iterable unpacking cannot be used in comprehension");
        auto* c = make<ListComp>(open);
        c->elt = first;
        c->generators = for_if_clauses();
        expect(TokenKind::RSqb);
        finish(c);
        return c;
    }
    l->elts.push_back(first);
    while (accept(TokenKind::Comma)) {
        if (at(TokenKind::RSqb)) break;
        l->elts.push_back(star_named_expression());
    }
    expect(TokenKind::RSqb);
    finish(l);
    return l;
}

// dict: '{' [double_starred_kvpairs] '}'
// set: '{' star_named_expressions '}'
// dictcomp: '{' kvpair for_if_clauses '}'
// setcomp: '{' named_expression for_if_clauses '}'
Expr* Parser::brace_atom() {
    Token open = take();
    BracketGuard bracket(*this);
    if (accept(TokenKind::RBrace)) return make<Dict>(open);
    // double_starred_kvpair: '**' bitwise_or | kvpair
    auto parse_dict = [&](Expr* first_key, Expr* first_value) -> Expr* {
        auto* d = make<Dict>(open);
        d->keys.push_back(first_key);
        d->values.push_back(first_value);
        while (accept(TokenKind::Comma)) {
            if (at(TokenKind::RBrace)) break;
            if (accept(TokenKind::DoubleStar)) {
                d->keys.push_back(nullptr);
                d->values.push_back(bitwise_or());
                continue;
            }
            d->keys.push_back(expression());
            if (!at(TokenKind::Colon)) {
                if (at(TokenKind::Comma) || at(TokenKind::RBrace))
                    fail_at(d->keys.back(), "':' expected after dictionary key");
                invalid_syntax();
            }
            take();
            d->values.push_back(expression());
        }
        expect(TokenKind::RBrace);
        finish(d);
        return d;
    };
    if (at(TokenKind::DoubleStar)) {
        Token stars = take();
        Expr* value = bitwise_or();
        if (at(TokenKind::KwFor) || at(TokenKind::KwAsync))
            fail_token(stars, "dict unpacking cannot be used in dict comprehension");
        return parse_dict(nullptr, value);
    }
    Expr* first = star_named_expression();
    if (accept(TokenKind::Colon)) {
        if (first->kind == ExprKind::Starred) fail_at(first, "cannot use a starred expression in a dictionary value");
        Expr* value = expression();
        if (at(TokenKind::KwFor) || at(TokenKind::KwAsync)) {
            auto* c = make<DictComp>(open);
            c->key = first;
            c->value = value;
            c->generators = for_if_clauses();
            expect(TokenKind::RBrace);
            finish(c);
            return c;
        }
        return parse_dict(first, value);
    }
    if (at(TokenKind::KwFor) || at(TokenKind::KwAsync)) {
        if (first->kind == ExprKind::Starred) fail_at(first, "iterable unpacking cannot be used in comprehension");
        auto* c = make<SetComp>(open);
        c->elt = first;
        c->generators = for_if_clauses();
        expect(TokenKind::RBrace);
        finish(c);
        return c;
    }
    auto* s = make<Set>(open);
    s->elts.push_back(first);
    while (accept(TokenKind::Comma)) {
        if (at(TokenKind::RBrace)) break;
        s->elts.push_back(star_named_expression());
    }
    expect(TokenKind::RBrace);
    finish(s);
    return s;
}

// for_if_clauses: for_if_clause+
// for_if_clause: ['async'] 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
std::vector<Comprehension*> Parser::for_if_clauses() {
    std::vector<Comprehension*> out;
    while (at(TokenKind::KwFor) || (at(TokenKind::KwAsync) && at(TokenKind::KwFor, 1))) {
        auto* c = make<Comprehension>(tok());
        c->is_async = accept(TokenKind::KwAsync);
        take();
        c->target = star_targets();
        if (const Expr* bad = invalid_target(c->target, TargetUse::Comprehension))
            fail_at(bad, fmt::format("cannot assign to {}", expr_name(bad)));
        set_target(c->target, TargetUse::Comprehension);
        expect(TokenKind::KwIn);
        c->iter = disjunction();
        while (accept(TokenKind::KwIf)) c->ifs.push_back(disjunction());
        finish(c);
        out.push_back(c);
    }
    if (at(TokenKind::KwAsync)) invalid_syntax();
    return out;
}

// star_targets: star_target !',' | star_target (',' star_target)* [',']
// Parsed as operands (bitwise_or) so that `in` ends the target, then checked.
Expr* Parser::star_targets() {
    Token start = tok();
    auto one = [&]() -> Expr* {
        if (at(TokenKind::Star)) {
            auto* s = make<Starred>(take());
            s->value = bitwise_or();
            finish(s);
            return s;
        }
        return bitwise_or();
    };
    Expr* first = one();
    if (!at(TokenKind::Comma)) return first;
    auto* t = make<Tuple>(start);
    t->elts.push_back(first);
    while (accept(TokenKind::Comma)) {
        if (at(TokenKind::KwIn) || at(TokenKind::Equal) || !starts_expression(tok())) break;
        t->elts.push_back(one());
    }
    finish(t);
    return t;
}

// lambdef: 'lambda' [lambda_params] ':' expression
Expr* Parser::lambdef() {
    auto* l = make<Lambda>(take());
    l->args = parameters(TokenKind::Colon, true);
    check_debug_params(l, l->args);
    if (!accept(TokenKind::Colon)) invalid_syntax();
    Scope saved = m_scope;
    m_scope = Scope{true, false, false, 0};
    l->body = expression();
    m_scope = saved;
    finish(l);
    return l;
}

// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
Expr* Parser::yield_expr() {
    Token k = take();
    if (!m_scope.in_function) defer_token(k, "'yield' outside function");
    if (accept(TokenKind::KwFrom)) {
        auto* y = make<YieldFrom>(k);
        y->value = expression();
        finish(y);
        return y;
    }
    auto* y = make<Yield>(k);
    if (starts_expression(tok()) && !at(TokenKind::KwYield)) y->value = star_expressions();
    finish(y);
    return y;
}

// param: NAME annotation?      (annotation: ':' expression; never in a lambda)
Arg* Parser::param(bool lambda) {
    const Token& t = tok();
    if (t.kind != TokenKind::Name) invalid_syntax();
    auto* a = make<Arg>(take());
    a->arg = std::string(t.text);
    if (!lambda && accept(TokenKind::Colon)) a->annotation = expression();
    finish(a);
    return a;
}

// parameters:
//     | slash_no_default param_no_default* param_with_default* [star_etc]
//     | slash_with_default param_with_default* [star_etc]
//     | param_no_default+ param_with_default* [star_etc]
//     | param_with_default+ [star_etc]
//     | star_etc
// star_etc: '*' param_no_default param_maybe_default* [kwds]
//     | '*' ',' param_maybe_default+ [kwds] | kwds
// kwds: '**' param_no_default
// (lambda_parameters is the same without annotations.)
Arguments* Parser::parameters(TokenKind close, bool lambda) {
    auto* a = make<Arguments>(tok());
    bool seen_default = false, seen_star = false, seen_slash = false;
    std::vector<Arg*> positional;
    while (!at(close)) {
        const Token& t = tok();
        if (t.kind == TokenKind::Slash) {
            if (seen_slash) fail_token(t, "/ may appear only once");
            if (seen_star) fail_token(t, "/ must be ahead of *");
            if (positional.empty()) fail_token(t, "at least one argument must precede /");
            take();
            seen_slash = true;
            a->posonlyargs = std::move(positional);
            positional.clear();
        } else if (t.kind == TokenKind::Star) {
            if (seen_star) fail_token(t, "* argument may appear only once");
            Token star = take();
            seen_star = true;
            if (at(TokenKind::Comma)) {
                if (at(close, 1) || at(TokenKind::DoubleStar, 1)) fail_token(star, "named arguments must follow bare *");
            } else if (at(close)) {
                fail_token(star, "named arguments must follow bare *");
            } else {
                a->vararg = param(lambda);
                if (at(TokenKind::Equal)) fail_token(tok(), "var-positional argument cannot have default value");
            }
        } else if (t.kind == TokenKind::DoubleStar) {
            take();
            a->kwarg = param(lambda);
            if (at(TokenKind::Equal)) fail_token(tok(), "var-keyword argument cannot have default value");
            accept(TokenKind::Comma);
            if (!at(close)) fail_token(tok(), "arguments cannot follow var-keyword argument");
            break;
        } else {
            Arg* p = param(lambda);
            Expr* def = nullptr;
            if (accept(TokenKind::Equal)) def = expression();
            if (seen_star) {
                a->kwonlyargs.push_back(p);
                a->kw_defaults.push_back(def);
            } else {
                if (def) {
                    seen_default = true;
                    a->defaults.push_back(def);
                } else if (seen_default) {
                    fail_at(p, "non-default argument follows default argument");
                }
                positional.push_back(p);
            }
        }
        if (!accept(TokenKind::Comma)) break;
    }
    a->args = std::move(positional);
    finish(a);
    return a;
}

// ===========================================================================
// Targets

// The first sub-expression that cannot be a target, or null if `e` is valid.
const Expr* Parser::invalid_target(const Expr* e, TargetUse use) {
    switch (e->kind) {
    case ExprKind::Name:
    case ExprKind::Attribute:
    case ExprKind::Subscript:
        return nullptr;
    case ExprKind::Starred:
        if (use == TargetUse::Delete) return e;
        return invalid_target(e->as<Starred>()->value, use);
    case ExprKind::Tuple:
        for (const Expr* x : e->as<Tuple>()->elts)
            if (const Expr* bad = invalid_target(x, use)) return bad;
        return nullptr;
    case ExprKind::List:
        for (const Expr* x : e->as<List>()->elts)
            if (const Expr* bad = invalid_target(x, use)) return bad;
        return nullptr;
    default:
        return e;
    }
}

void Parser::set_target(Expr* e, TargetUse use) {
    ExprContext ctx = use == TargetUse::Delete ? ExprContext::Del : ExprContext::Store;
    switch (e->kind) {
    case ExprKind::Name:
        e->as<Name>()->ctx = ctx;
        if (e->as<Name>()->id == "__debug__") defer(e, "cannot assign to __debug__");
        break;
    case ExprKind::Attribute: e->as<Attribute>()->ctx = ctx; break;
    case ExprKind::Subscript: e->as<Subscript>()->ctx = ctx; break;
    case ExprKind::Starred:
        e->as<Starred>()->ctx = ctx;
        set_target(e->as<Starred>()->value, use);
        break;
    case ExprKind::Tuple:
        e->as<Tuple>()->ctx = ctx;
        for (Expr* x : e->as<Tuple>()->elts) set_target(x, use);
        break;
    case ExprKind::List:
        e->as<List>()->ctx = ctx;
        for (Expr* x : e->as<List>()->elts) set_target(x, use);
        break;
    default: break;
    }
}

// ===========================================================================
// Literals

// Converts the digits of an unsigned integer in `base` to decimal text.
std::string to_decimal(std::string_view digits, int base) {
    // Little-endian limbs of 10^9.
    std::vector<std::uint32_t> limbs{0};
    for (char ch : digits) {
        int d = ch <= '9' ? ch - '0' : (ch | 0x20) - 'a' + 10;
        std::uint64_t carry = static_cast<std::uint64_t>(d);
        for (auto& limb : limbs) {
            std::uint64_t v = static_cast<std::uint64_t>(limb) * static_cast<std::uint64_t>(base) + carry;
            limb = static_cast<std::uint32_t>(v % 1000000000u);
            carry = v / 1000000000u;
        }
        if (carry) limbs.push_back(static_cast<std::uint32_t>(carry));
    }
    std::string out = std::to_string(limbs.back());
    for (std::size_t i = limbs.size() - 1; i-- > 0;) out += fmt::format("{:09}", limbs[i]);
    return out;
}

Expr* Parser::number(const Token& t) {
    auto* c = make<Constant>(t);
    std::string text;
    text.reserve(t.text.size());
    for (char ch : t.text)
        if (ch != '_') text += ch;
    char last = text.back();
    if (last == 'j' || last == 'J') {
        c->value_kind = ConstantKind::Imaginary;
        c->float_value = std::strtod(text.c_str(), nullptr);
        return c;
    }
    int base = 10;
    std::string_view digits = text;
    if (text.size() > 1 && text[0] == '0' && std::isalpha(static_cast<unsigned char>(text[1]))) {
        char p = static_cast<char>(text[1] | 0x20);
        base = p == 'x' ? 16 : p == 'o' ? 8 : 2;
        digits.remove_prefix(2);
    } else if (text.find_first_of(".eE") != std::string::npos) {
        c->value_kind = ConstantKind::Float;
        c->float_value = std::strtod(text.c_str(), nullptr);
        return c;
    }
    std::uint64_t value = 0;
    bool overflow = false;
    for (char ch : digits) {
        std::uint64_t d = static_cast<std::uint64_t>(ch <= '9' ? ch - '0' : (ch | 0x20) - 'a' + 10);
        if (value > (static_cast<std::uint64_t>(INT64_MAX) - d) / static_cast<std::uint64_t>(base)) {
            overflow = true;
            break;
        }
        value = value * static_cast<std::uint64_t>(base) + d;
    }
    if (overflow) {
        c->value_kind = ConstantKind::BigInt;
        c->str_value = to_decimal(digits, base);
    } else {
        c->value_kind = ConstantKind::Int;
        c->int_value = static_cast<std::int64_t>(value);
    }
    return c;
}

namespace {

// Where byte `pos` of a str literal's body lies in the text CPython's
// unicodeescape codec reports positions in: the parser first rewrites each
// non-ASCII character as a ten-byte \\UXXXXXXXX escape, and a backslash
// before one as \\u005c (decode_unicode_with_escapes in Parser/string_parser.c).
std::size_t escape_position(std::string_view body, std::size_t pos) {
    std::size_t n = 0;
    auto one_char = [&](std::size_t& k) {
        if (static_cast<unsigned char>(body[k]) < 0x80) {
            ++k;
            ++n;
            return;
        }
        char32_t cp;
        std::size_t len = decode_utf8(body, k, cp);
        k += len ? len : 1;
        n += 10;
    };
    for (std::size_t k = 0; k < pos && k < body.size();) {
        if (body[k] == '\\') {
            ++k;
            ++n;
            if (k >= body.size() || static_cast<unsigned char>(body[k]) >= 0x80) n += 5;
            if (k < body.size()) one_char(k);
            continue;
        }
        one_char(k);
    }
    return n + (pos > body.size() ? pos - body.size() : 0);
}

}  // namespace

// A \N{name} escape at body[start] (the backslash) of a str literal; appends
// the character and returns the index past the escape. As CPython's
// unicodeescape codec: names and aliases of characters, not named sequences.
std::size_t Parser::decode_named_escape(std::string_view body, std::size_t start, const Token& t,
                                        std::string& out) {
    const char* message = "malformed \\N character escape";
    std::size_t pos = start + 2;  // where the codec stopped: the error's end
    if (pos < body.size() && body[pos] == '{') {
        std::size_t close = body.find('}', pos + 1);
        pos = close == std::string_view::npos ? body.size() : close;
        if (close != std::string_view::npos && close > start + 3) {
            char32_t cp;
            if (unicode_names::code_point_for_name(body.substr(start + 3, close - start - 3), &cp)) {
                append_utf8(out, cp);
                return close + 1;
            }
            message = "unknown Unicode character name";
            pos = close + 1;
        }
    }
    fail_string(t, fmt::format("(unicode error) 'unicodeescape' codec can't decode bytes in position "
                               "{}-{}: {}",
                               escape_position(body, start), escape_position(body, pos) - 1, message));
}

// Decodes the escapes of a non-f string body (or an f-string literal piece).
void Parser::decode_string_body(std::string_view body, bool raw, bool bytes, const Token& t, std::string& out) {
    if (bytes) {
        for (unsigned char ch : body)
            if (ch >= 0x80) fail_range("bytes can only contain ASCII literal characters", t.line, t.col, t.end_line, t.end_col);
    }
    if (raw) {
        out.append(body);
        return;
    }
    auto hex = [](char ch) -> int {
        if (ch >= '0' && ch <= '9') return ch - '0';
        if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
        if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
        return -1;
    };
    const char* codec = bytes ? "(value error)" : "(unicode error) 'unicodeescape' codec can't decode bytes";
    for (std::size_t i = 0; i < body.size();) {
        char ch = body[i];
        if (ch != '\\' || i + 1 >= body.size()) {
            out += ch;
            ++i;
            continue;
        }
        char e = body[i + 1];
        std::size_t start = i;
        i += 2;
        switch (e) {
        case '\n': break;
        case '\r':
            if (i < body.size() && body[i] == '\n') ++i;
            break;
        case '\\': out += '\\'; break;
        case '\'': out += '\''; break;
        case '"': out += '"'; break;
        case 'a': out += '\a'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'v': out += '\v'; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            unsigned value = static_cast<unsigned>(e - '0');
            for (int n = 0; n < 2 && i < body.size() && body[i] >= '0' && body[i] <= '7'; ++n, ++i)
                value = value * 8 + static_cast<unsigned>(body[i] - '0');
            if (bytes) {
                out += static_cast<char>(value & 0xFF);
            } else {
                append_utf8(out, value);
            }
            break;
        }
        case 'x':
        case 'u':
        case 'U': {
            if (bytes && e != 'x') {
                out += '\\';
                out += e;
                break;
            }
            int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
            char32_t value = 0;
            for (int k = 0; k < n; ++k) {
                int h = i + static_cast<std::size_t>(k) < body.size() ? hex(body[i + static_cast<std::size_t>(k)]) : -1;
                if (h < 0) {
                    if (bytes) fail_string(t, fmt::format("(value error) invalid \\x escape at position {}", start));
                    const char* form = e == 'x' ? "\\xXX" : e == 'u' ? "\\uXXXX" : "\\UXXXXXXXX";
                    fail_string(t, fmt::format("{} in position {}-{}: truncated {} escape", codec,
                                              escape_position(body, start),
                                              escape_position(body, i + static_cast<std::size_t>(k)) - 1,
                                              form));
                }
                value = value * 16 + static_cast<char32_t>(h);
            }
            i += static_cast<std::size_t>(n);
            if (bytes) {
                out += static_cast<char>(value);
            } else {
                if (value > 0x10FFFF)
                    fail_string(t, fmt::format("{} in position {}-{}: illegal Unicode character", codec,
                                              escape_position(body, start), escape_position(body, i) - 1));
                append_utf8(out, value);
            }
            break;
        }
        case 'N':
            if (bytes) {
                out += "\\N";  // not an escape in bytes
                break;
            }
            i = decode_named_escape(body, start, t, out);
            break;
        default:
            // Unknown escapes stay as written (CPython warns, we do not).
            out += '\\';
            out += e;
            break;
        }
    }
}

void Parser::flush_literal(std::string& literal, std::vector<Expr*>& values, const Token& t) {
    if (literal.empty()) return;
    auto* c = make<Constant>(t);
    c->end_line = t.end_line;
    c->end_col = t.end_col;
    c->value_kind = ConstantKind::Str;
    c->str_value = std::move(literal);
    literal.clear();
    values.push_back(c);
}

void Parser::fstring_fail(const Token& t, std::string msg) { fail_string(t, std::move(msg)); }

// fstring: the body of one f-string at nesting `level` (0 for the string,
// 1 for a format spec, 2 for a spec inside a spec), as CPython 3.11's
// fstring_find_literal_and_expr loop. Stops at the end of the body, or at an
// unmatched '}' inside a format spec (level > 0).
void Parser::fstring(const Token& t, std::string_view body, std::size_t body_offset, bool raw,
                     std::string& literal, std::vector<Expr*>& values, int level, std::size_t& pos) {
    std::size_t piece = pos;
    auto flush_piece = [&](std::size_t end) {
        if (end > piece) decode_string_body(body.substr(piece, end - piece), raw, false, t, literal);
    };
    while (pos < body.size()) {
        char ch = body[pos];
        if (!raw && ch == '\\' && pos + 1 < body.size()) {
            // As CPython's fstring_find_literal: the braces of \N{...} are not a
            // replacement field (the decoder reports a malformed one later), and
            // a brace after a backslash is still a brace.
            char next = body[pos + 1];
            pos += next == '{' || next == '}' ? 1 : 2;
            if (next == 'N' && pos < body.size() && body[pos++] == '{') {
                while (pos < body.size() && body[pos++] != '}') {
                }
            }
            continue;
        }
        if (ch == '{' || ch == '}') {
            if (level == 0 && pos + 1 < body.size() && body[pos + 1] == ch) {
                flush_piece(pos + 1);
                pos += 2;
                piece = pos;
                continue;
            }
            if (ch == '}') {
                if (level == 0) fstring_fail(t, "f-string: single '}' is not allowed");
                break;
            }
            flush_piece(pos);
            if (level >= kMaxFStringNesting) fstring_fail(t, "f-string: expressions nested too deeply");
            ++pos;
            fstring_field(t, body, body_offset, raw, literal, values, level, pos);
            piece = pos;
            continue;
        }
        ++pos;
    }
    flush_piece(pos);
}

// One replacement field, `pos` just past its '{': CPython's fstring_find_expr.
void Parser::fstring_field(const Token& t, std::string_view body, std::size_t body_offset, bool raw,
                           std::string& literal, std::vector<Expr*>& values, int level, std::size_t& pos) {
    std::size_t expr_start = pos;
    char quote = 0;
    int string_type = 0;  // 1 or 3 quote characters
    std::vector<char> parens;
    for (; pos < body.size(); ++pos) {
        char ch = body[pos];
        if (ch == '\\') fstring_fail(t, "f-string expression part cannot include a backslash");
        if (quote) {
            if (ch == quote) {
                if (string_type == 3) {
                    if (pos + 2 < body.size() && body[pos + 1] == ch && body[pos + 2] == ch) {
                        pos += 2;
                        quote = 0;
                    }
                } else {
                    quote = 0;
                }
            }
            continue;
        }
        if (ch == '\'' || ch == '"') {
            if (pos + 2 < body.size() && body[pos + 1] == ch && body[pos + 2] == ch) {
                string_type = 3;
                pos += 2;
            } else {
                string_type = 1;
            }
            quote = ch;
        } else if (ch == '[' || ch == '{' || ch == '(') {
            if (parens.size() >= 200) fstring_fail(t, "f-string: too many nested parenthesis");
            parens.push_back(ch);
        } else if (ch == '#') {
            fstring_fail(t, "f-string expression part cannot include '#'");
        } else if (parens.empty() && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
            if (pos + 1 < body.size()) {
                char next = body[pos + 1];
                if ((ch == '!' || ch == '=' || ch == '<' || ch == '>') && next == '=') {
                    ++pos;
                    continue;
                }
            }
            if (ch == '>' || ch == '<') continue;
            break;
        } else if (ch == ']' || ch == '}' || ch == ')') {
            if (parens.empty()) fstring_fail(t, fmt::format("f-string: unmatched '{}'", ch));
            char open = parens.back();
            parens.pop_back();
            if (!((open == '(' && ch == ')') || (open == '[' && ch == ']') || (open == '{' && ch == '}')))
                fstring_fail(t, fmt::format("f-string: closing parenthesis '{}' does not match opening "
                                            "parenthesis '{}'",
                                            ch, open));
        }
    }
    if (quote) fstring_fail(t, "f-string: unterminated string");
    if (!parens.empty()) fstring_fail(t, fmt::format("f-string: unmatched '{}'", parens.back()));
    if (pos >= body.size()) fstring_fail(t, "f-string: expecting '}'");
    std::size_t expr_end = pos;
    std::string_view expr_text = body.substr(expr_start, expr_end - expr_start);
    if (expr_text.find_first_not_of(" \t\n\r\f\v") == std::string_view::npos)
        fstring_fail(t, "f-string: empty expression not allowed");

    // Parse the expression with a lexer over the same source bytes, so its
    // nodes carry their true positions.
    std::size_t abs_begin = body_offset + expr_start;
    int line = t.line;
    std::size_t line_start = body_offset;
    while (line_start > 0 && m_source[line_start - 1] != '\n') --line_start;
    for (std::size_t i = static_cast<std::size_t>(t.text.data() - m_source.data()); i < abs_begin; ++i)
        if (m_source[i] == '\n') ++line;
    line_start = abs_begin;
    while (line_start > 0 && m_source[line_start - 1] != '\n') --line_start;
    Parser sub(*this, abs_begin, body_offset + expr_end, line, static_cast<int>(line_start));
    sub.set_fstring_level(m_fstring_level + 1);
    Expr* value = nullptr;
    try {
        value = sub.parse_fstring_expression();
    } catch (SyntaxErrorException& e) {
        // CPython 3.11 compiles the field as "(" + expression + ")" and reports
        // columns within that text; do the same so messages line up.
        int shift = static_cast<int>(abs_begin - line_start) - 1;
        if (e.info.line == line) {
            e.info.col = std::max(1, e.info.col - shift);
            if (e.info.end_line == line && e.info.end_col > 0) e.info.end_col = std::max(1, e.info.end_col - shift);
        }
        throw;
    }

    auto* fv = make<FormattedValue>(t);
    fv->value = value;
    bool self_documenting = false;
    if (body[pos] == '=') {
        ++pos;
        while (pos < body.size() && std::isspace(static_cast<unsigned char>(body[pos]))) ++pos;
        literal.append(body.substr(expr_start, pos - expr_start));
        self_documenting = true;
    }
    if (pos < body.size() && body[pos] == '!') {
        ++pos;
        if (pos >= body.size()) fstring_fail(t, "f-string: expecting '}'");
        char conv = body[pos];
        ++pos;
        if (conv != 's' && conv != 'r' && conv != 'a')
            fstring_fail(t, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
        fv->conversion = conv;
    }
    if (pos >= body.size()) fstring_fail(t, "f-string: expecting '}'");
    if (body[pos] == ':') {
        ++pos;
        if (pos >= body.size()) fstring_fail(t, "f-string: expecting '}'");
        auto* spec = make<JoinedStr>(t);
        std::string spec_literal;
        fstring(t, body, body_offset, raw, spec_literal, spec->values, level + 1, pos);
        flush_literal(spec_literal, spec->values, t);
        fv->format_spec = spec;
    }
    if (pos >= body.size() || body[pos] != '}') fstring_fail(t, "f-string: expecting '}'");
    ++pos;
    if (self_documenting && !fv->format_spec && fv->conversion == FormattedValue::kNoConversion)
        fv->conversion = 'r';
    flush_literal(literal, values, t);
    values.push_back(fv);
}

// fstring_input: star_expressions (the expression of one replacement field)
Expr* Parser::parse_fstring_expression() {
    Expr* e = star_expressions();
    if (!at(TokenKind::EndMarker)) invalid_syntax();
    return e;
}

// strings: STRING+  (adjacent literals concatenate; str and f-strings mix,
// bytes only with bytes)
Expr* Parser::strings() {
    Token first = tok();
    std::string literal;
    std::vector<Expr*> values;
    bool any_fstring = false, any_bytes = false, any_str = false, u_prefix = false;
    bool is_first = true;
    while (at(TokenKind::String)) {
        Token t = take();
        std::size_t q = t.text.find_first_of("'\"");
        std::string_view prefix = t.text.substr(0, q);
        bool raw = false, bytes = false, f = false;
        for (char ch : prefix) {
            char l = static_cast<char>(ch | 0x20);
            raw |= l == 'r';
            bytes |= l == 'b';
            f |= l == 'f';
            if (ch == 'u' && is_first) u_prefix = true;  // CPython records kind='u' for lowercase only
        }
        is_first = false;
        (bytes ? any_bytes : any_str) = true;
        if (any_bytes && any_str) fail_range("cannot mix bytes and nonbytes literals", t.end_line, t.end_col,
                                             t.end_line, t.end_col);
        std::size_t quote_len = t.text.size() - q >= 6 && t.text[q + 1] == t.text[q] && t.text[q + 2] == t.text[q] ? 3 : 1;
        std::string_view body = t.text.substr(q + quote_len, t.text.size() - q - 2 * quote_len);
        if (!f) {
            decode_string_body(body, raw, bytes, t, literal);
            continue;
        }
        any_fstring = true;
        if (m_fstring_level > 8) fail_token(t, "f-string: expressions nested too deeply");
        std::size_t body_offset = static_cast<std::size_t>(body.data() - m_source.data());
        std::size_t pos = 0;
        fstring(t, body, body_offset, raw, literal, values, 0, pos);
    }
    if (!any_fstring) {
        auto* c = make<Constant>(first);
        c->value_kind = any_bytes ? ConstantKind::Bytes : ConstantKind::Str;
        c->str_value = std::move(literal);
        c->u_prefix = u_prefix;
        return c;
    }
    flush_literal(literal, values, prev());
    auto* j = make<JoinedStr>(first);
    j->values = std::move(values);
    return j;
}

ParseResult run(std::string_view source, ast::ParseMode mode) {
    ParseResult result;
    auto module = std::make_unique<Module>();
    module->mode = mode;
    std::string stripped;
    if (mode == ParseMode::Expression) {
        // eval() ignores leading spaces and tabs.
        std::size_t n = source.find_first_not_of(" \t");
        source = n == std::string_view::npos ? std::string_view{} : source.substr(n);
    }
    try {
        Parser parser(source, *module);
        switch (mode) {
        case ParseMode::Module: parser.parse_file(*module); break;
        case ParseMode::Expression: parser.parse_eval(*module); break;
        case ParseMode::Interactive: parser.parse_single(*module); break;
        }
        if (parser.deferred_error()) {
            result.error = parser.deferred_error();
            return result;
        }
    } catch (SyntaxErrorException& e) {
        result.error = std::move(e.info);
        return result;
    } catch (const std::bad_alloc&) {
        SyntaxErrorInfo info;
        info.msg = "out of memory while parsing";
        result.error = std::move(info);
        return result;
    }
    result.module = std::move(module);
    return result;
}

}  // namespace

ParseResult parse(std::string_view source, std::string_view /*filename*/, ast::ParseMode mode) {
    return run(source, mode);
}

ParseResult parse_module(std::string_view source, std::string_view filename) {
    return parse(source, filename, ParseMode::Module);
}

ParseResult parse_expression(std::string_view source, std::string_view filename) {
    return parse(source, filename, ParseMode::Expression);
}

ParseResult parse_interactive(std::string_view source, std::string_view filename) {
    return parse(source, filename, ParseMode::Interactive);
}

}  // namespace gilt
