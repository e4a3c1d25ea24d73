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
#include "interp/frontend/parser.hpp"

#include "interp/frontend/parser_impl.hpp"

namespace gilt {

using namespace ast;

namespace parser_detail {

// ===========================================================================
// Errors

const Token& Parser::error_token() {
    // At the end of input CPython points at the last real token's end.
    const Token& t = tok();
    // (Inside an f-string the end stands for CPython's closing wrapper parenthesis.)
    if ((t.kind == TokenKind::EndMarker || t.kind == TokenKind::Dedent) && m_pos > 0 &&
        !m_in_fstring)
        return prev();
    return t;
}

void Parser::fail_range(std::string msg, int line, int col, int end_line, int end_col,
                        const char* kind) {
    if (m_in_fstring && msg.rfind("f-string: ", 0) != 0) msg = "f-string: " + msg;
    SyntaxErrorException e{
        make_syntax_error(m_source, kind, std::move(msg), line, col, end_line, end_col)};
    throw e;
}

void Parser::fail_token(const Token& t, std::string msg) {
    fail_range(std::move(msg), t.line, t.col, t.end_line, t.end_col);
}

void Parser::defer(const Node* n, std::string msg) {
    if (m_deferred) return;
    m_deferred = make_syntax_error(m_source, "SyntaxError", std::move(msg), n->line, n->col,
                                   n->end_line, n->end_col);
}

void Parser::defer_token(const Token& t, std::string msg) {
    if (m_deferred) return;
    m_deferred = make_syntax_error(m_source, "SyntaxError", std::move(msg), t.line, t.col,
                                   t.end_line, t.end_col);
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
        fail_range("unexpected indent", t.line, std::max(0, t.end_col - 1), t.line, -1,
                   "IndentationError");
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
        case TokenKind::KwPass:
            return make<Pass>(take());
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
        case TokenKind::KwReturn:
            return return_stmt();
        case TokenKind::KwRaise:
            return raise_stmt();
        case TokenKind::KwDel:
            return del_stmt();
        case TokenKind::KwAssert:
            return assert_stmt();
        case TokenKind::KwGlobal:
            return global_stmt(false);
        case TokenKind::KwNonlocal:
            return global_stmt(true);
        case TokenKind::KwImport:
            return import_name();
        case TokenKind::KwFrom:
            return import_from();
        default:
            return assignment_or_expression();
    }
}

// compound_stmt: function_def | if_stmt | class_def | with_stmt | for_stmt
//     | try_stmt | while_stmt | match_stmt
Stmt* Parser::compound_stmt() {
    const Token& t = tok();
    switch (t.kind) {
        case TokenKind::KwDef:
            return function_def({}, t);
        case TokenKind::At:
            return decorated();
        case TokenKind::KwClass:
            return class_def({}, t);
        case TokenKind::KwIf:
            return if_stmt(false);
        case TokenKind::KwWhile:
            return while_stmt();
        case TokenKind::KwFor:
            return for_stmt(nullptr);
        case TokenKind::KwWith:
            return with_stmt(nullptr);
        case TokenKind::KwTry:
            return try_stmt();
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
        case TokenKind::Name:
            return is_match_stmt() ? match_stmt() : nullptr;
        default:
            return nullptr;
    }
}

// The INDENT that opens a block. At the end of the input the error says the
// input is incomplete, so that the REPL asks for more lines.
void Parser::expect_indent(const char* what, int header_line) {
    if (accept(TokenKind::Indent)) return;
    const Token& t = tok();
    std::string msg =
        fmt::format("expected an indented block after {} on line {}", what, header_line);
    std::size_t ahead = 0;
    while (tok(ahead).kind == TokenKind::Dedent) ++ahead;  // the end of a nested block
    if (tok(ahead).kind == TokenKind::EndMarker) {
        const Token& p = prev();
        SyntaxErrorException e{
            make_syntax_error(m_source, "IndentationError", msg, p.line, p.col, p.line, -1)};
        e.info.incomplete = true;
        throw e;
    }
    fail_range(msg, t.line, t.col, t.end_line, t.end_col, "IndentationError");
}

// block: NEWLINE INDENT statements DEDENT | simple_stmts
std::vector<Stmt*> Parser::block(const char* what, int header_line) {
    std::vector<Stmt*> body;
    if (!accept(TokenKind::Newline)) {
        simple_stmts(body);
        return body;
    }
    expect_indent(what, header_line);
    body = statements_until(TokenKind::Dedent);
    take();
    return body;
}

// assignment:
//     | NAME ':' expression ['=' annotated_rhs]
//     | ('(' single_target ')' | single_subscript_attribute_target) ':' expression ['='
//     annotated_rhs] | (star_targets '=')+ (yield_expr | star_expressions) !'=' | single_target
//     augassign ~ (yield_expr | star_expressions)
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
        if (a->value->kind == ExprKind::Starred)
            defer(a->value, "can't use starred expression here");
        for (std::size_t i = 0; i < items.size(); ++i) {
            Expr* target = items[i];
            if (const Expr* bad = invalid_target(target, TargetUse::Assign)) {
                if (i == 0 && start.kind == TokenKind::KwYield)
                    fail_at(target, "assignment to yield expression not possible");
                // CPython's invalid_named_expression fires for a lone first
                // target whose right side is a plain operand.
                Expr* rhs = items.size() > i + 1 ? items[i + 1] : a->value;
                bool here = i == 0 && items.size() == 1 && bad == target &&
                            is_bitwise_or_level(target) && !is_keyword_constant(target) &&
                            target->kind != ExprKind::Tuple && target->kind != ExprKind::List &&
                            target->kind != ExprKind::GeneratorExp && is_bitwise_or_level(rhs) &&
                            rhs->kind != ExprKind::Tuple;
                if (here)
                    fail_at(bad,
                            fmt::format(
                                "cannot assign to {} here. Maybe you meant '==' instead of '='?",
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
        a->annotation = annotation_expr();
        if (accept(TokenKind::Equal))
            a->value = at(TokenKind::KwYield) ? yield_expr() : star_expressions();
        finish(a);
        return a;
    }
    static constexpr std::pair<TokenKind, Operator> kAugOps[] = {
        {TokenKind::PlusEqual, Operator::Add},
        {TokenKind::MinEqual, Operator::Sub},
        {TokenKind::StarEqual, Operator::Mult},
        {TokenKind::AtEqual, Operator::MatMult},
        {TokenKind::SlashEqual, Operator::Div},
        {TokenKind::PercentEqual, Operator::Mod},
        {TokenKind::AmperEqual, Operator::BitAnd},
        {TokenKind::VBarEqual, Operator::BitOr},
        {TokenKind::CircumflexEqual, Operator::BitXor},
        {TokenKind::LeftShiftEqual, Operator::LShift},
        {TokenKind::RightShiftEqual, Operator::RShift},
        {TokenKind::DoubleStarEqual, Operator::Pow},
        {TokenKind::DoubleSlashEqual, Operator::FloorDiv},
    };
    for (const auto& [kind, op] : kAugOps) {
        if (t.kind != kind) continue;
        if (first->kind != ExprKind::Name && first->kind != ExprKind::Attribute &&
            first->kind != ExprKind::Subscript)
            fail_at(first, fmt::format("'{}' is an illegal expression for augmented assignment",
                                       expr_name(first)));
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
        if (!m_scope.in_function && !m_scope.in_class)
            defer(n, "nonlocal declaration not allowed at module level");
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
    if (imp->level == 0 && imp->module && *imp->module == "__future__")
        for (const Alias* a : imp->names)
            if (a->name == "annotations") m_future_annotations = true;
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
    if (accept(TokenKind::RArrow)) f->returns = annotation_expr();
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
    ForBase* s = async_tok ? static_cast<ForBase*>(make<AsyncFor>(start))
                           : static_cast<ForBase*>(make<For>(start));
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
    // The parenthesised form is chosen when the matching ')' is followed by
    // ':' and the parentheses hold at least one item: `with ():` is the
    // expression form over an empty tuple.
    bool parenthesised = false;
    if (at(TokenKind::LPar)) {
        int depth = 0;
        for (std::size_t i = 0;; ++i) {
            TokenKind kind = tok(i).kind;
            if (kind == TokenKind::LPar || kind == TokenKind::LSqb || kind == TokenKind::LBrace)
                ++depth;
            if (kind == TokenKind::RPar || kind == TokenKind::RSqb || kind == TokenKind::RBrace)
                --depth;
            if (kind == TokenKind::EndMarker || kind == TokenKind::Newline) break;
            if (depth == 0) {
                parenthesised = i > 1 && tok(i + 1).kind == TokenKind::Colon;
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
        if (!at(TokenKind::Comma) && !at(TokenKind::RPar) && !at(TokenKind::Colon))
            invalid_syntax();
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
    while (at(TokenKind::KwExcept)) {
        Token k = tok();
        bool star = false;
        s->handlers.push_back(except_block(&star));
        if (s->handlers.size() == 1) {
            s->is_star = star;
        } else if (star != s->is_star) {
            int width = star ? 7 : 6;  // `except*` or `except`
            fail_range("cannot have both 'except' and 'except*' on the same 'try'", k.line, k.col,
                       k.line, k.col + width);
        }
    }
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
// except_star_block:
//     | 'except' '*' expression ['as' NAME] ':' block
// *star tells which of the two it was.
ExceptHandler* Parser::except_block(bool* star) {
    Token k = take();
    auto* h = make<ExceptHandler>(k);
    *star = accept(TokenKind::Star);
    if (*star && at(TokenKind::Colon)) fail_token(tok(), "expected one or more exception types");
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
            case ParseMode::Module:
                parser.parse_file(*module);
                break;
            case ParseMode::Expression:
                parser.parse_eval(*module);
                break;
            case ParseMode::Interactive:
                parser.parse_single(*module);
                break;
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

}  // namespace parser_detail

ParseResult parse(std::string_view source, std::string_view /*filename*/, ast::ParseMode mode) {
    return parser_detail::run(source, mode);
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
