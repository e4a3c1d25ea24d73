// Un-parsing expressions for PEP 563 annotations (see unparse.hpp).
//
// Each expression is written at a precedence level: the level of the
// context it appears in. A node whose own level is lower than its
// context's is wrapped in parentheses. Left-associative binary operators
// write their right operand one level up, `**` its left operand, so
// `x - (y - z)` and `(2 ** 3) ** 4` keep the parentheses they need.
#include "interp/compiler/unparse.hpp"

#include <cmath>

#include "runtime/bytes.hpp"
#include "runtime/complex.hpp"
#include "runtime/float.hpp"
#include "runtime/str.hpp"

namespace gilt {

namespace {

// From loosest to tightest binding.
enum Level : int {
    kTuple,
    kTest,  // conditional expressions, lambdas
    kOr,
    kAnd,
    kNot,
    kCmp,
    kBitOr,  // also the level of `*x` operands
    kBitXor,
    kBitAnd,
    kShift,
    kArith,
    kTerm,
    kFactor,  // unary + - ~
    kPower,
    kAwait,
    kAtom
};

struct OpInfo {
    const char* text;
    Level level;
};

OpInfo binop_info(ast::Operator op) {
    using O = ast::Operator;
    switch (op) {
        case O::Add:
            return {" + ", kArith};
        case O::Sub:
            return {" - ", kArith};
        case O::Mult:
            return {" * ", kTerm};
        case O::MatMult:
            return {" @ ", kTerm};
        case O::Div:
            return {" / ", kTerm};
        case O::Mod:
            return {" % ", kTerm};
        case O::FloorDiv:
            return {" // ", kTerm};
        case O::Pow:
            return {" ** ", kPower};
        case O::LShift:
            return {" << ", kShift};
        case O::RShift:
            return {" >> ", kShift};
        case O::BitOr:
            return {" | ", kBitOr};
        case O::BitXor:
            return {" ^ ", kBitXor};
        case O::BitAnd:
            return {" & ", kBitAnd};
    }
    return {" ? ", kAtom};
}

const char* cmpop_text(ast::CmpOperator op) {
    using C = ast::CmpOperator;
    switch (op) {
        case C::Eq:
            return " == ";
        case C::NotEq:
            return " != ";
        case C::Lt:
            return " < ";
        case C::LtE:
            return " <= ";
        case C::Gt:
            return " > ";
        case C::GtE:
            return " >= ";
        case C::Is:
            return " is ";
        case C::IsNot:
            return " is not ";
        case C::In:
            return " in ";
        case C::NotIn:
            return " not in ";
    }
    return " ? ";
}

class Unparser {
public:
    std::string out;

    void expr(const ast::Expr* e, Level level);

private:
    void open(bool paren) {
        if (paren) out += '(';
    }
    void close(bool paren) {
        if (paren) out += ')';
    }
    void comma_list(const std::vector<ast::Expr*>& items, Level level);
    void constant(const ast::Constant* c);
    void binop(const ast::BinOp* b, Level level);
    void unaryop(const ast::UnaryOp* u, Level level);
    void compare(const ast::Compare* c, Level level);
    void lambda(const ast::Lambda* l, Level level);
    void arguments(const ast::Arguments* a);
    void call(const ast::Call* c);
    void subscript(const ast::Subscript* s);
    void slice(const ast::Slice* s);
    void tuple(const ast::Tuple* t, Level level);
    void dict(const ast::Dict* d);
    void comprehensions(const std::vector<ast::Comprehension*>& gens);
    void joined_str(const ast::JoinedStr* j);
    void fstring_body(const std::vector<ast::Expr*>& values, std::string& body);
};

void Unparser::comma_list(const std::vector<ast::Expr*>& items, Level level) {
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += ", ";
        expr(items[i], level);
    }
}

void Unparser::constant(const ast::Constant* c) {
    using K = ast::ConstantKind;
    switch (c->value_kind) {
        case K::None:
            out += "None";
            break;
        case K::True:
            out += "True";
            break;
        case K::False:
            out += "False";
            break;
        case K::Ellipsis:
            out += "...";
            break;
        case K::Int:
            out += std::to_string(c->int_value);
            break;
        case K::BigInt:
            out += c->str_value;
            break;
        case K::Float:
            // An infinite literal (1e999) is written so that it reads back as one.
            out += std::isinf(c->float_value) ? "1e309" : float_repr(c->float_value);
            break;
        case K::Imaginary:
            out += std::isinf(c->float_value) ? "1e309j" : complex_repr(0.0, c->float_value);
            break;
        case K::Str:
            if (c->u_prefix) out += 'u';
            out += str_repr(c->str_value);
            break;
        case K::Bytes:
            out += bytes_repr(c->str_value);
            break;
    }
}

void Unparser::binop(const ast::BinOp* b, Level level) {
    OpInfo info = binop_info(b->op);
    bool right_assoc = b->op == ast::Operator::Pow;
    bool paren = level > info.level;
    open(paren);
    expr(b->left, right_assoc ? Level(info.level + 1) : info.level);
    out += info.text;
    expr(b->right, right_assoc ? info.level : Level(info.level + 1));
    close(paren);
}

void Unparser::unaryop(const ast::UnaryOp* u, Level level) {
    using U = ast::UnaryOperator;
    Level own = u->op == U::Not ? kNot : kFactor;
    bool paren = level > own;
    open(paren);
    out += u->op == U::Not ? "not " : u->op == U::Invert ? "~" : u->op == U::USub ? "-" : "+";
    expr(u->operand, own);
    close(paren);
}

void Unparser::compare(const ast::Compare* c, Level level) {
    bool paren = level > kCmp;
    open(paren);
    expr(c->left, Level(kCmp + 1));
    for (std::size_t i = 0; i < c->ops.size(); ++i) {
        out += cmpop_text(c->ops[i]);
        expr(c->comparators[i], Level(kCmp + 1));
    }
    close(paren);
}

void Unparser::arguments(const ast::Arguments* a) {
    bool first = true;
    auto sep = [&] {
        if (!first) out += ", ";
        first = false;
    };
    std::size_t npos = a->posonlyargs.size() + a->args.size();
    std::size_t first_default = npos - a->defaults.size();
    for (std::size_t i = 0; i < npos; ++i) {
        const ast::Arg* arg =
            i < a->posonlyargs.size() ? a->posonlyargs[i] : a->args[i - a->posonlyargs.size()];
        sep();
        out += arg->arg;
        if (i >= first_default) {
            out += '=';
            expr(a->defaults[i - first_default], kTest);
        }
        if (i + 1 == a->posonlyargs.size()) out += ", /";
    }
    if (a->vararg || !a->kwonlyargs.empty()) {
        sep();
        out += '*';
        if (a->vararg) out += a->vararg->arg;
    }
    for (std::size_t i = 0; i < a->kwonlyargs.size(); ++i) {
        sep();
        out += a->kwonlyargs[i]->arg;
        if (a->kw_defaults[i]) {
            out += '=';
            expr(a->kw_defaults[i], kTest);
        }
    }
    if (a->kwarg) {
        sep();
        out += "**" + a->kwarg->arg;
    }
}

void Unparser::lambda(const ast::Lambda* l, Level level) {
    bool paren = level > kTest;
    open(paren);
    out += "lambda";
    std::size_t mark = out.size();
    out += ' ';
    arguments(l->args);
    if (out.size() == mark + 1) out.resize(mark);  // no parameters: `lambda: 0`
    out += ": ";
    expr(l->body, kTest);
    close(paren);
}

void Unparser::call(const ast::Call* c) {
    expr(c->func, kAtom);
    // A lone generator argument shares the call's parentheses: f(x for x in y).
    if (c->args.size() == 1 && c->keywords.empty() &&
        c->args[0]->kind == ast::ExprKind::GeneratorExp) {
        auto* g = c->args[0]->as<ast::GeneratorExp>();
        out += '(';
        expr(g->elt, kTest);
        comprehensions(g->generators);
        out += ')';
        return;
    }
    out += '(';
    bool first = true;
    for (auto* a : c->args) {
        if (!first) out += ", ";
        first = false;
        expr(a, kTest);
    }
    for (auto* k : c->keywords) {
        if (!first) out += ", ";
        first = false;
        if (k->arg) {
            out += *k->arg + "=";
            expr(k->value, kTest);
        } else {
            out += "**";
            expr(k->value, kBitOr);
        }
    }
    out += ')';
}

void Unparser::slice(const ast::Slice* s) {
    if (s->lower) expr(s->lower, kTest);
    out += ':';
    if (s->upper) expr(s->upper, kTest);
    if (s->step) {
        out += ':';
        expr(s->step, kTest);
    }
}

// `x[a, b]` writes its tuple without parentheses; `x[a,]` keeps the comma.
void Unparser::subscript(const ast::Subscript* s) {
    expr(s->value, kAtom);
    out += '[';
    const ast::Expr* index = s->slice;
    if (index->kind == ast::ExprKind::Tuple && !index->as<ast::Tuple>()->elts.empty()) {
        const auto& elts = index->as<ast::Tuple>()->elts;
        comma_list(elts, kTest);
        if (elts.size() == 1) out += ',';
    } else {
        expr(index, kTuple);
    }
    out += ']';
}

void Unparser::tuple(const ast::Tuple* t, Level level) {
    if (t->elts.empty()) {
        out += "()";
        return;
    }
    bool paren = level > kTuple;
    open(paren);
    comma_list(t->elts, kTest);
    if (t->elts.size() == 1) out += ',';
    close(paren);
}

void Unparser::dict(const ast::Dict* d) {
    out += '{';
    for (std::size_t i = 0; i < d->keys.size(); ++i) {
        if (i) out += ", ";
        if (d->keys[i]) {
            expr(d->keys[i], kTest);
            out += ": ";
            expr(d->values[i], kTest);
        } else {
            out += "**";
            expr(d->values[i], kBitOr);
        }
    }
    out += '}';
}

void Unparser::comprehensions(const std::vector<ast::Comprehension*>& gens) {
    for (auto* g : gens) {
        out += g->is_async ? " async for " : " for ";
        expr(g->target, kTuple);
        out += " in ";
        expr(g->iter, Level(kTest + 1));
        for (auto* cond : g->ifs) {
            out += " if ";
            expr(cond, Level(kTest + 1));
        }
    }
}

// The text between an f-string's quotes: literal braces doubled, each field
// re-printed with its conversion and (recursively) its format spec.
void Unparser::fstring_body(const std::vector<ast::Expr*>& values, std::string& body) {
    for (auto* v : values) {
        if (v->kind == ast::ExprKind::Constant) {
            for (char ch : v->as<ast::Constant>()->str_value) {
                body += ch;
                if (ch == '{' || ch == '}') body += ch;
            }
            continue;
        }
        if (v->kind != ast::ExprKind::FormattedValue) continue;
        auto* f = v->as<ast::FormattedValue>();
        Unparser inner;
        inner.expr(f->value, Level(kTest + 1));
        body += '{';
        if (!inner.out.empty() && inner.out[0] == '{') body += ' ';
        body += inner.out;
        if (f->conversion != ast::FormattedValue::kNoConversion) {
            body += '!';
            body += static_cast<char>(f->conversion);
        }
        if (f->format_spec) {
            body += ':';
            fstring_body(f->format_spec->as<ast::JoinedStr>()->values, body);
        }
        body += '}';
    }
}

void Unparser::joined_str(const ast::JoinedStr* j) {
    std::string body;
    fstring_body(j->values, body);
    out += 'f';
    out += str_repr(body);
}

void Unparser::expr(const ast::Expr* e, Level level) {
    using K = ast::ExprKind;
    switch (e->kind) {
        case K::BoolOp: {
            auto* b = e->as<ast::BoolOp>();
            Level own = b->op == ast::BoolOperator::And ? kAnd : kOr;
            bool paren = level > own;
            open(paren);
            for (std::size_t i = 0; i < b->values.size(); ++i) {
                if (i) out += own == kAnd ? " and " : " or ";
                expr(b->values[i], Level(own + 1));
            }
            close(paren);
            break;
        }
        case K::NamedExpr: {
            auto* n = e->as<ast::NamedExpr>();
            bool paren = level > kTuple;
            open(paren);
            expr(n->target, kAtom);
            out += " := ";
            expr(n->value, kAtom);
            close(paren);
            break;
        }
        case K::BinOp:
            binop(e->as<ast::BinOp>(), level);
            break;
        case K::UnaryOp:
            unaryop(e->as<ast::UnaryOp>(), level);
            break;
        case K::Lambda:
            lambda(e->as<ast::Lambda>(), level);
            break;
        case K::IfExp: {
            auto* i = e->as<ast::IfExp>();
            bool paren = level > kTest;
            open(paren);
            expr(i->body, Level(kTest + 1));
            out += " if ";
            expr(i->test, Level(kTest + 1));
            out += " else ";
            expr(i->orelse, kTest);
            close(paren);
            break;
        }
        case K::Dict:
            dict(e->as<ast::Dict>());
            break;
        case K::Set:
            out += '{';
            comma_list(e->as<ast::Set>()->elts, kTest);
            out += '}';
            break;
        case K::ListComp:
            out += '[';
            expr(e->as<ast::ListComp>()->elt, kTest);
            comprehensions(e->as<ast::ListComp>()->generators);
            out += ']';
            break;
        case K::SetComp:
            out += '{';
            expr(e->as<ast::SetComp>()->elt, kTest);
            comprehensions(e->as<ast::SetComp>()->generators);
            out += '}';
            break;
        case K::DictComp: {
            auto* d = e->as<ast::DictComp>();
            out += '{';
            expr(d->key, kTest);
            out += ": ";
            expr(d->value, kTest);
            comprehensions(d->generators);
            out += '}';
            break;
        }
        case K::GeneratorExp:
            out += '(';
            expr(e->as<ast::GeneratorExp>()->elt, kTest);
            comprehensions(e->as<ast::GeneratorExp>()->generators);
            out += ')';
            break;
        case K::Await: {
            bool paren = level > kAwait;
            open(paren);
            out += "await ";
            expr(e->as<ast::Await>()->value, kAtom);
            close(paren);
            break;
        }
        case K::Yield:
        case K::YieldFrom: {
            // Refused inside annotations before unparsing; kept total anyway.
            bool from = e->kind == K::YieldFrom;
            const ast::Expr* v = from ? e->as<ast::YieldFrom>()->value : e->as<ast::Yield>()->value;
            out += from ? "(yield from" : "(yield";
            if (v) {
                out += ' ';
                expr(v, kTest);
            }
            out += ')';
            break;
        }
        case K::Compare:
            compare(e->as<ast::Compare>(), level);
            break;
        case K::Call:
            call(e->as<ast::Call>());
            break;
        case K::FormattedValue: {
            std::vector<ast::Expr*> one{const_cast<ast::Expr*>(e)};
            std::string body;
            fstring_body(one, body);
            out += 'f' + str_repr(body);
            break;
        }
        case K::JoinedStr:
            joined_str(e->as<ast::JoinedStr>());
            break;
        case K::Constant:
            constant(e->as<ast::Constant>());
            break;
        case K::Attribute: {
            auto* a = e->as<ast::Attribute>();
            expr(a->value, kAtom);
            // `1.real` would lex as a float: CPython writes `1 .real`.
            if (a->value->kind == K::Constant) {
                auto vk = a->value->as<ast::Constant>()->value_kind;
                if (vk == ast::ConstantKind::Int || vk == ast::ConstantKind::BigInt) out += ' ';
            }
            out += '.' + a->attr;
            break;
        }
        case K::Subscript:
            subscript(e->as<ast::Subscript>());
            break;
        case K::Starred:
            out += '*';
            expr(e->as<ast::Starred>()->value, kBitOr);
            break;
        case K::Name:
            out += e->as<ast::Name>()->id;
            break;
        case K::List:
            out += '[';
            comma_list(e->as<ast::List>()->elts, kTest);
            out += ']';
            break;
        case K::Tuple:
            tuple(e->as<ast::Tuple>(), level);
            break;
        case K::Slice:
            slice(e->as<ast::Slice>());
            break;
    }
}

}  // namespace

std::string unparse_annotation(const ast::Expr* e) {
    Unparser u;
    u.expr(e, kTest);
    return u.out;
}

}  // namespace gilt
