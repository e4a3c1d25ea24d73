// The match statement (PEP 634): recognising the soft keyword, and the
// pattern grammar.
//
// `match` and `case` are soft keywords: plain names everywhere except at
// the start of a statement that has the shape of a match statement. CPython's
// PEG parser tries the match rule and backtracks; here the line is looked at
// once, before anything is consumed (is_match_stmt), so `match = 3`,
// `match(x)` and `match[x]: int` stay the ordinary statements they are.
//
// Patterns are not expressions: `1 | 2` is an or-pattern, not a bitwise or,
// and a bare name binds instead of loading. So they have their own small
// recursive-descent grammar below, with CPython 3.11's rule names.
#include "interp/frontend/parser_impl.hpp"

namespace gilt::parser_detail {

namespace {

bool is_name(const Token& t, std::string_view text) {
    return t.kind == TokenKind::Name && t.text == text;
}

}  // namespace

// 'match' subject ':' NEWLINE INDENT: the first ':' outside brackets ends the
// logical line, and no '=' at depth 0 comes before it.
bool Parser::is_match_stmt() {
    if (!is_name(tok(), "match")) return false;
    switch (tok(1).kind) {
        case TokenKind::Newline:
        case TokenKind::Equal:
        case TokenKind::Colon:
        case TokenKind::Dot:
        case TokenKind::Comma:
        case TokenKind::RPar:
        case TokenKind::RSqb:
        case TokenKind::RBrace:
        case TokenKind::EndMarker:
            return false;
        default:
            break;
    }
    int depth = 0;
    for (std::size_t i = 1;; ++i) {
        const Token& t = tok(i);
        switch (t.kind) {
            case TokenKind::LPar:
            case TokenKind::LSqb:
            case TokenKind::LBrace:
                ++depth;
                break;
            case TokenKind::RPar:
            case TokenKind::RSqb:
            case TokenKind::RBrace:
                --depth;
                break;
            case TokenKind::Newline:
            case TokenKind::EndMarker: {
                // `match x` with no colon cannot be anything else: let
                // match_stmt report the missing ':', as CPython does.
                TokenKind next = tok(1).kind;
                return next == TokenKind::Name || next == TokenKind::Number ||
                       next == TokenKind::String;
            }
            case TokenKind::Equal:
                if (depth == 0) return false;
                break;
            case TokenKind::Colon:
                if (depth == 0) return tok(i + 1).kind == TokenKind::Newline;
                break;
            default:
                break;
        }
    }
}

// match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT
Stmt* Parser::match_stmt() {
    Token k = take();
    auto* s = make<Match>(k);
    s->subject = star_expressions();
    expect_colon();
    expect(TokenKind::Newline);
    expect_indent("'match' statement", k.line);
    do {
        if (!is_name(tok(), "case")) invalid_syntax();
        s->cases.push_back(case_block());
    } while (!accept(TokenKind::Dedent));
    finish(s);
    return s;
}

// case_block: "case" patterns guard? ':' block
MatchCase* Parser::case_block() {
    Token k = take();
    auto* c = make<MatchCase>(k);
    c->pattern = patterns();
    if (accept(TokenKind::KwIf)) c->guard = named_expression();
    expect_colon();
    c->body = block("'case' statement", k.line);
    finish(c);
    return c;
}

// patterns: open_sequence_pattern | pattern
Pattern* Parser::patterns() {
    Token start = tok();
    Pattern* first = maybe_star_pattern();
    if (!at(TokenKind::Comma)) {
        if (first->kind == PatternKind::MatchStar) invalid_syntax();
        return first;
    }
    auto* seq = make<MatchSequence>(start);
    seq->patterns.push_back(first);
    while (accept(TokenKind::Comma)) {
        if (at(TokenKind::Colon) || at(TokenKind::KwIf)) break;
        seq->patterns.push_back(maybe_star_pattern());
    }
    finish(seq);
    return seq;
}

// maybe_star_pattern: star_pattern | pattern
Pattern* Parser::maybe_star_pattern() {
    if (!at(TokenKind::Star)) return pattern();
    Token star = take();
    auto* p = make<MatchStar>(star);
    Token name = expect(TokenKind::Name);
    if (name.text != "_") p->name = std::string(name.text);
    finish(p);
    return p;
}

// pattern: or_pattern ['as' pattern_capture_target]
Pattern* Parser::pattern() {
    DepthGuard guard(*this);
    Token start = tok();
    Pattern* p = or_pattern();
    if (!at(TokenKind::KwAs)) return p;
    take();
    Token name = tok();
    if (name.kind != TokenKind::Name) invalid_syntax();
    take();
    if (name.text == "_") fail_token(name, "cannot use '_' as a target");
    auto* as = make<MatchAs>(start);
    as->pattern = p;
    as->name = std::string(name.text);
    return as;
}

// or_pattern: '|'.closed_pattern+
Pattern* Parser::or_pattern() {
    Token start = tok();
    Pattern* first = closed_pattern();
    if (!at(TokenKind::VBar)) return first;
    auto* p = make<MatchOr>(start);
    p->patterns.push_back(first);
    while (accept(TokenKind::VBar)) p->patterns.push_back(closed_pattern());
    finish(p);
    return p;
}

// closed_pattern: literal | capture | wildcard | value | group | sequence
//     | mapping | class
Pattern* Parser::closed_pattern() {
    const Token t = tok();
    switch (t.kind) {
        case TokenKind::KwNone:
        case TokenKind::KwTrue:
        case TokenKind::KwFalse: {
            auto* p = make<MatchSingleton>(t);
            p->value = atom()->as<Constant>();
            finish(p);
            return p;
        }
        case TokenKind::Number:
        case TokenKind::Minus:
        case TokenKind::String: {
            auto* p = make<MatchValue>(t);
            p->value = literal_pattern_value();
            finish(p);
            return p;
        }
        case TokenKind::LPar:
            return group_or_sequence_pattern(TokenKind::RPar);
        case TokenKind::LSqb:
            return group_or_sequence_pattern(TokenKind::RSqb);
        case TokenKind::LBrace:
            return mapping_pattern();
        case TokenKind::Name: {
            if (t.text == "_" && tok(1).kind != TokenKind::Dot && tok(1).kind != TokenKind::LPar) {
                take();
                return make<MatchAs>(t);  // the wildcard
            }
            if (tok(1).kind != TokenKind::Dot && tok(1).kind != TokenKind::LPar) {
                take();
                auto* p = make<MatchAs>(t);
                p->name = std::string(t.text);
                return p;
            }
            Expr* value = name_or_attr();
            if (at(TokenKind::LPar)) return class_pattern(value, t);
            auto* p = make<MatchValue>(t);
            p->value = value;
            finish(p);
            return p;
        }
        default:
            invalid_syntax();
    }
}

// signed_number ['+'|'-' imaginary] | strings: the literals a pattern may hold.
Expr* Parser::literal_pattern_value() {
    Token start = tok();
    if (at(TokenKind::String)) {
        Expr* s = strings();
        if (s->kind != ExprKind::Constant)
            fail_at(s, "patterns may only match literals and attribute lookups");
        return s;
    }
    Expr* value;
    if (at(TokenKind::Minus)) {
        take();
        auto* u = make<UnaryOp>(start);
        u->op = UnaryOperator::USub;
        u->operand = number(expect(TokenKind::Number));
        finish(u);
        value = u;
    } else {
        value = number(expect(TokenKind::Number));
    }
    if ((at(TokenKind::Plus) || at(TokenKind::Minus)) && tok(1).kind == TokenKind::Number) {
        auto* b = make<BinOp>(start);
        b->op = take().kind == TokenKind::Plus ? Operator::Add : Operator::Sub;
        b->left = value;
        b->right = number(take());
        if (b->right->as<Constant>()->value_kind != ConstantKind::Imaginary) {
            fail_at(b->right, "imaginary number required in complex literal");
        }
        finish(b);
        value = b;
    }
    return value;
}

// name_or_attr: NAME ('.' NAME)*
Expr* Parser::name_or_attr() {
    Token start = tok();
    auto* n = make<Name>(start);
    n->id = std::string(expect(TokenKind::Name).text);
    Expr* value = n;
    LoopDepth depth(*this);
    while (accept(TokenKind::Dot)) {
        depth.step();
        auto* a = make<Attribute>(start);
        a->value = value;
        a->attr = std::string(expect(TokenKind::Name).text);
        finish(a);
        value = a;
    }
    return value;
}

// group_pattern: '(' pattern ')'
// sequence_pattern: '[' maybe_sequence_pattern? ']' | '(' open_sequence_pattern? ')'
Pattern* Parser::group_or_sequence_pattern(TokenKind close) {
    Token open = take();
    BracketGuard brackets(*this);
    auto* seq = make<MatchSequence>(open);
    bool comma = false;
    while (!at(close)) {
        seq->patterns.push_back(maybe_star_pattern());
        if (!accept(TokenKind::Comma)) break;
        comma = true;
    }
    expect(close);
    finish(seq);
    if (close == TokenKind::RPar && !comma && seq->patterns.size() == 1) {
        Pattern* inner = seq->patterns[0];
        if (inner->kind == PatternKind::MatchStar)
            fail_at(inner, "can't use starred expression here");
        return inner;  // a group, not a sequence
    }
    return seq;
}

// mapping_pattern: '{' [items_pattern [',' double_star_pattern] | double_star_pattern] [','] '}'
Pattern* Parser::mapping_pattern() {
    Token open = take();
    BracketGuard brackets(*this);
    auto* m = make<MatchMapping>(open);
    while (!at(TokenKind::RBrace)) {
        if (accept(TokenKind::DoubleStar)) {
            Token name = expect(TokenKind::Name);
            if (name.text == "_") fail_token(name, "invalid syntax");
            m->rest = std::string(name.text);
            accept(TokenKind::Comma);
            break;
        }
        const Token& k = tok();
        Expr* key;
        if (k.kind == TokenKind::KwNone || k.kind == TokenKind::KwTrue ||
            k.kind == TokenKind::KwFalse) {
            key = atom();
        } else if (k.kind == TokenKind::Name) {
            key = name_or_attr();
            if (key->kind == ExprKind::Name) invalid_syntax();  // a capture cannot be a key
        } else {
            key = literal_pattern_value();
        }
        m->keys.push_back(key);
        expect_colon();
        m->patterns.push_back(pattern());
        if (!accept(TokenKind::Comma)) break;
    }
    expect(TokenKind::RBrace);
    finish(m);
    return m;
}

// class_pattern: name_or_attr '(' [positional_patterns] [keyword_patterns] [','] ')'
Pattern* Parser::class_pattern(Expr* cls, const Token& start) {
    take();  // '('
    BracketGuard brackets(*this);
    auto* c = make<MatchClass>(start);
    c->cls = cls;
    while (!at(TokenKind::RPar)) {
        if (at(TokenKind::Name) && tok(1).kind == TokenKind::Equal) {
            c->kwd_attrs.emplace_back(take().text);
            take();
            c->kwd_patterns.push_back(pattern());
        } else {
            Pattern* p = pattern();
            if (!c->kwd_patterns.empty()) fail_at(p, "positional patterns follow keyword patterns");
            c->patterns.push_back(p);
        }
        if (!accept(TokenKind::Comma)) break;
    }
    expect(TokenKind::RPar);
    finish(c);
    return c;
}

}  // namespace gilt::parser_detail
