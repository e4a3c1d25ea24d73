// The parser's expression rules (CPython 3.11 Grammar/python.gram, from
// star_expressions down to atom) and the checks on assignment targets.
#include <utility>

#include "interp/frontend/parser_impl.hpp"

namespace gilt::parser_detail {

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
        fail_at(e, fmt::format("cannot assign to {} here. Maybe you meant '==' instead of '='?",
                               expr_name(e)));
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
            fail_range("expected 'else' after 'if' expression", body->line, body->col,
                       e->test->end_line, e->test->end_col);
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
            fail_range(
                fmt::format("Missing parentheses in call to '{}'. Did you mean {}(...)?", id, id),
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
    fail_range("invalid syntax. Perhaps you forgot a comma?", a->line, a->col, b->end_line,
               b->end_col);
}

// disjunction: conjunction ('or' conjunction)+ | conjunction
Expr* Parser::disjunction() {
    return bool_chain(TokenKind::KwOr, BoolOperator::Or, &Parser::conjunction);
}

// conjunction: inversion ('and' inversion)+ | inversion
Expr* Parser::conjunction() {
    return bool_chain(TokenKind::KwAnd, BoolOperator::And, &Parser::inversion);
}

// operand (keyword operand)+ | operand: one BoolOp for the whole chain.
Expr* Parser::bool_chain(TokenKind keyword, BoolOperator op, Expr* (Parser::*operand)()) {
    Expr* first = (this->*operand)();
    if (!at(keyword)) return first;
    auto* b = make<BoolOp>(first);
    b->op = op;
    b->values.push_back(first);
    while (accept(keyword)) b->values.push_back((this->*operand)());
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
            case TokenKind::EqEqual:
                op = CmpOperator::Eq;
                break;
            case TokenKind::NotEqual:
                op = CmpOperator::NotEq;
                break;
            case TokenKind::Less:
                op = CmpOperator::Lt;
                break;
            case TokenKind::LessEqual:
                op = CmpOperator::LtE;
                break;
            case TokenKind::Greater:
                op = CmpOperator::Gt;
                break;
            case TokenKind::GreaterEqual:
                op = CmpOperator::GtE;
                break;
            case TokenKind::KwIn:
                op = CmpOperator::In;
                break;
            case TokenKind::KwIs:
                op = at(TokenKind::KwNot, 1) ? CmpOperator::IsNot : CmpOperator::Is;
                break;
            case TokenKind::KwNot:
                if (!at(TokenKind::KwIn, 1)) goto done;
                op = CmpOperator::NotIn;
                break;
            default:
                goto done;
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
Expr* Parser::bitwise_or() {
    return binary_level(0);
}

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
        case TokenKind::Plus:
            op = UnaryOperator::UAdd;
            break;
        case TokenKind::Minus:
            op = UnaryOperator::USub;
            break;
        case TokenKind::Tilde:
            op = UnaryOperator::Invert;
            break;
        default:
            return power();
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
    auto part_follows = [&] {
        return !at(TokenKind::Colon) && !at(TokenKind::Comma) && !at(TokenKind::RSqb);
    };
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
                fail_range("expression cannot contain assignment, perhaps you meant \"==\"?",
                           e->line, e->col, eq.end_line, eq.end_col);
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
            if (seen_double_star)
                fail_token(tok(), "positional argument follows keyword argument unpacking");
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
        case TokenKind::Number:
            return number(take());
        case TokenKind::String:
            return strings();
        case TokenKind::LPar:
            return paren_atom();
        case TokenKind::LSqb:
            return list_atom();
        case TokenKind::LBrace:
            return brace_atom();
        default:
            invalid_syntax();
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
        if (first->kind == ExprKind::Starred)
            fail_at(first, "iterable unpacking cannot be used in comprehension");
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
        if (first->kind == ExprKind::Starred)
            fail_at(first, "iterable unpacking cannot be used in comprehension");
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
        if (first->kind == ExprKind::Starred)
            fail_at(first, "cannot use a starred expression in a dictionary value");
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
        if (first->kind == ExprKind::Starred)
            fail_at(first, "iterable unpacking cannot be used in comprehension");
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

// annotation: expression (of a parameter, a return or an annotated assignment)
Expr* Parser::annotation_expr() {
    bool saved = std::exchange(m_in_annotation, true);
    Expr* e = expression();
    m_in_annotation = saved;
    return e;
}

// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
Expr* Parser::yield_expr() {
    Token k = take();
    // Under PEP 563 the symtable refuses a yield in an annotation instead.
    if (!m_scope.in_function && !(m_in_annotation && m_future_annotations))
        defer_token(k, "'yield' outside function");
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
    if (!lambda && accept(TokenKind::Colon)) a->annotation = annotation_expr();
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
                if (at(close, 1) || at(TokenKind::DoubleStar, 1))
                    fail_token(star, "named arguments must follow bare *");
            } else if (at(close)) {
                fail_token(star, "named arguments must follow bare *");
            } else {
                a->vararg = param(lambda);
                if (at(TokenKind::Equal))
                    fail_token(tok(), "var-positional argument cannot have default value");
            }
        } else if (t.kind == TokenKind::DoubleStar) {
            take();
            a->kwarg = param(lambda);
            if (at(TokenKind::Equal))
                fail_token(tok(), "var-keyword argument cannot have default value");
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
        case ExprKind::Attribute:
            e->as<Attribute>()->ctx = ctx;
            break;
        case ExprKind::Subscript:
            e->as<Subscript>()->ctx = ctx;
            break;
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
        default:
            break;
    }
}

}  // namespace gilt::parser_detail
