// AST helpers and ast_dump(), which prints a tree exactly as CPython 3.11's
// `ast.dump(node)` does with its defaults. The parser tests compare our dump
// with python3's, so every rule here copies one of ast.dump's: optional
// fields (`expr?`, `identifier?`) are left out when absent, lists are always
// printed, and literals are printed with Python's repr().
#include "interp/frontend/ast.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <string_view>

#include "interp/frontend/lexer.hpp"

namespace gilt::ast {

const char* operator_name(Operator op) {
    static constexpr const char* kNames[] = {"Add",    "Sub",    "Mult",    "MatMult", "Div",
                                             "Mod",    "Pow",    "LShift",  "RShift",  "BitOr",
                                             "BitXor", "BitAnd", "FloorDiv"};
    return kNames[static_cast<int>(op)];
}

const char* bool_operator_name(BoolOperator op) {
    return op == BoolOperator::And ? "And" : "Or";
}

const char* unary_operator_name(UnaryOperator op) {
    static constexpr const char* kNames[] = {"Invert", "Not", "UAdd", "USub"};
    return kNames[static_cast<int>(op)];
}

const char* cmp_operator_name(CmpOperator op) {
    static constexpr const char* kNames[] = {"Eq",  "NotEq", "Lt",    "LtE", "Gt",
                                             "GtE", "Is",    "IsNot", "In",  "NotIn"};
    return kNames[static_cast<int>(op)];
}

const char* context_name(ExprContext ctx) {
    static constexpr const char* kNames[] = {"Load", "Store", "Del"};
    return kNames[static_cast<int>(ctx)];
}

namespace {

// Python's str.isprintable() for the characters we can judge without the
// Unicode database: controls and a few format characters are escaped.
bool is_printable(char32_t cp) {
    if (cp < 0x20 || cp == 0x7F) return false;
    if (cp >= 0x80 && cp <= 0xA0) return false;
    if (cp == 0xAD) return false;
    if ((cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
        (cp >= 0x205F && cp <= 0x206F))
        return false;
    if (cp == 0x3000 || cp == 0xFEFF) return false;
    if (cp >= 0xD800 && cp <= 0xDFFF) return false;
    if (cp >= 0xE000 && cp <= 0xF8FF) return false;  // private use
    if (cp == 0xFFFE || cp == 0xFFFF) return false;
    return true;
}

// repr() of a str or bytes value: single quotes unless the text has a single
// quote and no double quote.
std::string repr_text(std::string_view s, bool bytes) {
    bool has_single = s.find('\'') != std::string_view::npos;
    bool has_double = s.find('"') != std::string_view::npos;
    char quote = (has_single && !has_double) ? '"' : '\'';
    std::string out;
    if (bytes) out += 'b';
    out += quote;
    char buf[16];
    for (std::size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == static_cast<unsigned char>(quote) || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
            ++i;
            continue;
        }
        if (c == '\n') {
            out += "\\n";
            ++i;
            continue;
        }
        if (c == '\r') {
            out += "\\r";
            ++i;
            continue;
        }
        if (c == '\t') {
            out += "\\t";
            ++i;
            continue;
        }
        if (c < 0x80 || bytes) {
            if (c < 0x20 || c >= 0x7F) {
                std::snprintf(buf, sizeof buf, "\\x%02x", c);
                out += buf;
            } else {
                out += static_cast<char>(c);
            }
            ++i;
            continue;
        }
        char32_t cp = 0;
        std::size_t len = gilt::decode_utf8(s, i, cp);
        if (len == 0) {  // cannot happen for parser output; keep the dump total anyway
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
            ++i;
            continue;
        }
        if (is_printable(cp)) {
            out.append(s.substr(i, len));
        } else if (cp <= 0xFF) {
            std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(cp));
            out += buf;
        } else if (cp <= 0xFFFF) {
            std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
            out += buf;
        } else {
            std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(cp));
            out += buf;
        }
        i += len;
    }
    out += quote;
    return out;
}

// repr() of a float: the shortest round-tripping digits, in positional form
// for exponents in [-4, 16) and scientific form otherwise, as Python's
// float_repr_style 'short' does. `force_point` adds ".0" to integral values
// (float repr does, the imaginary part of a complex repr does not).
std::string repr_float(double v, bool force_point) {
    if (std::isnan(v)) return "nan";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
    std::string sci(buf, res.ptr);
    std::string sign;
    if (sci[0] == '-') {
        sign = "-";
        sci.erase(0, 1);
    }
    std::size_t e = sci.find('e');
    std::string digits = sci.substr(0, e);
    int exponent = std::stoi(sci.substr(e + 1));
    if (digits.size() > 1) digits.erase(1, 1);  // drop the '.'
    int n = static_cast<int>(digits.size());
    std::string out;
    if (exponent >= -4 && exponent < 16) {
        if (exponent < 0) {
            out = "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
        } else if (exponent + 1 >= n) {
            out = digits + std::string(static_cast<std::size_t>(exponent + 1 - n), '0');
            if (force_point) out += ".0";
        } else {
            out = digits.substr(0, static_cast<std::size_t>(exponent + 1)) + "." +
                  digits.substr(static_cast<std::size_t>(exponent + 1));
        }
    } else {
        out = digits.substr(0, 1);
        if (n > 1) out += "." + digits.substr(1);
        char ebuf[16];
        std::snprintf(ebuf, sizeof ebuf, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
        out += ebuf;
    }
    return sign + out;
}

std::string repr_constant(const Constant& c) {
    switch (c.value_kind) {
        case ConstantKind::None:
            return "None";
        case ConstantKind::True:
            return "True";
        case ConstantKind::False:
            return "False";
        case ConstantKind::Ellipsis:
            return "Ellipsis";
        case ConstantKind::Int:
            return std::to_string(c.int_value);
        case ConstantKind::BigInt:
            return c.str_value;
        case ConstantKind::Float:
            return repr_float(c.float_value, true);
        case ConstantKind::Imaginary:
            return repr_float(c.float_value, false) + "j";
        case ConstantKind::Str:
            return repr_text(c.str_value, false);
        case ConstantKind::Bytes:
            return repr_text(c.str_value, true);
    }
    return "?";
}

// One node is printed as `Name(field=value, ...)`; Fields collects the
// "field=value" parts and skips absent optional ones.
class Dumper {
public:
    std::string out;

    void expr(const Expr* e);
    void stmt(const Stmt* s);

private:
    class Fields {
    public:
        Fields(Dumper& d, const char* name) : m_d(d) {
            m_d.out += name;
            m_d.out += '(';
        }
        ~Fields() { m_d.out += ')'; }

        Fields& expr(const char* name, const Expr* e) {
            begin(name);
            m_d.expr(e);
            return *this;
        }
        Fields& opt_expr(const char* name, const Expr* e) {
            if (e) expr(name, e);
            return *this;
        }
        Fields& exprs(const char* name, const std::vector<Expr*>& es) {
            begin(name);
            m_d.list(es, [&](const Expr* e) { m_d.expr(e); });
            return *this;
        }
        Fields& stmts(const char* name, const std::vector<Stmt*>& ss) {
            begin(name);
            m_d.list(ss, [&](const Stmt* s) { m_d.stmt(s); });
            return *this;
        }
        template <class T, class F>
        Fields& nodes(const char* name, const std::vector<T*>& v, F f) {
            begin(name);
            m_d.list(v, f);
            return *this;
        }
        Fields& raw(const char* name, std::string_view text) {
            begin(name);
            m_d.out += text;
            return *this;
        }
        Fields& ident(const char* name, const std::string& id) {
            return raw(name, repr_text(id, false));
        }
        Fields& opt_ident(const char* name, const std::optional<std::string>& id) {
            if (id) ident(name, *id);
            return *this;
        }
        Fields& ctx(ExprContext c) {
            begin("ctx");
            m_d.out += context_name(c);
            m_d.out += "()";
            return *this;
        }
        template <class F>
        Fields& node(const char* name, F f) {
            begin(name);
            f();
            return *this;
        }

    private:
        void begin(const char* name) {
            if (!m_first) m_d.out += ", ";
            m_first = false;
            m_d.out += name;
            m_d.out += '=';
        }
        Dumper& m_d;
        bool m_first = true;
    };

    template <class T, class F>
    void list(const std::vector<T*>& v, F f) {
        out += '[';
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (i) out += ", ";
            if (v[i]) {
                f(v[i]);
            } else {
                out += "None";
            }
        }
        out += ']';
    }

    void op(const char* name) {
        out += name;
        out += "()";
    }
    void arguments(const Arguments* a);
    void arg(const Arg* a);
    void keyword(const Keyword* k);
    void comprehension(const Comprehension* c);
    void alias(const Alias* a);
    void withitem(const WithItem* w);
    void handler(const ExceptHandler* h);
    void pattern(const Pattern* p);
    void match_case(const MatchCase* c);
    void generators(Fields& f, const std::vector<Comprehension*>& gens) {
        f.nodes("generators", gens, [&](const Comprehension* c) { comprehension(c); });
    }
};

void Dumper::arg(const Arg* a) {
    Fields(*this, "arg").ident("arg", a->arg).opt_expr("annotation", a->annotation);
}

void Dumper::arguments(const Arguments* a) {
    auto args = [&](const Arg* x) { arg(x); };
    Fields f(*this, "arguments");
    f.nodes("posonlyargs", a->posonlyargs, args).nodes("args", a->args, args);
    if (a->vararg) f.node("vararg", [&] { arg(a->vararg); });
    f.nodes("kwonlyargs", a->kwonlyargs, args).exprs("kw_defaults", a->kw_defaults);
    if (a->kwarg) f.node("kwarg", [&] { arg(a->kwarg); });
    f.exprs("defaults", a->defaults);
}

void Dumper::keyword(const Keyword* k) {
    Fields(*this, "keyword").opt_ident("arg", k->arg).expr("value", k->value);
}

void Dumper::comprehension(const Comprehension* c) {
    Fields(*this, "comprehension")
        .expr("target", c->target)
        .expr("iter", c->iter)
        .exprs("ifs", c->ifs)
        .raw("is_async", c->is_async ? "1" : "0");
}

void Dumper::alias(const Alias* a) {
    Fields(*this, "alias").ident("name", a->name).opt_ident("asname", a->asname);
}

void Dumper::withitem(const WithItem* w) {
    Fields(*this, "withitem")
        .expr("context_expr", w->context_expr)
        .opt_expr("optional_vars", w->optional_vars);
}

void Dumper::pattern(const Pattern* p) {
    auto patterns = [&](const Pattern* x) { pattern(x); };
    switch (p->kind) {
        case PatternKind::MatchValue:
            Fields(*this, "MatchValue").expr("value", p->as<MatchValue>()->value);
            break;
        case PatternKind::MatchSingleton:
            Fields(*this, "MatchSingleton")
                .raw("value", repr_constant(*p->as<MatchSingleton>()->value));
            break;
        case PatternKind::MatchSequence:
            Fields(*this, "MatchSequence")
                .nodes("patterns", p->as<MatchSequence>()->patterns, patterns);
            break;
        case PatternKind::MatchMapping: {
            auto* n = p->as<MatchMapping>();
            Fields(*this, "MatchMapping")
                .exprs("keys", n->keys)
                .nodes("patterns", n->patterns, patterns)
                .opt_ident("rest", n->rest);
            break;
        }
        case PatternKind::MatchClass: {
            auto* n = p->as<MatchClass>();
            Fields f(*this, "MatchClass");
            f.expr("cls", n->cls).nodes("patterns", n->patterns, patterns);
            f.node("kwd_attrs", [&] {
                out += '[';
                for (std::size_t i = 0; i < n->kwd_attrs.size(); ++i)
                    out += (i ? ", " : "") + repr_text(n->kwd_attrs[i], false);
                out += ']';
            });
            f.nodes("kwd_patterns", n->kwd_patterns, patterns);
            break;
        }
        case PatternKind::MatchStar:
            Fields(*this, "MatchStar").opt_ident("name", p->as<MatchStar>()->name);
            break;
        case PatternKind::MatchAs: {
            auto* n = p->as<MatchAs>();
            Fields f(*this, "MatchAs");
            if (n->pattern) f.node("pattern", [&] { pattern(n->pattern); });
            f.opt_ident("name", n->name);
            break;
        }
        case PatternKind::MatchOr:
            Fields(*this, "MatchOr").nodes("patterns", p->as<MatchOr>()->patterns, patterns);
            break;
    }
}

void Dumper::match_case(const MatchCase* c) {
    Fields(*this, "match_case")
        .node("pattern", [&] { pattern(c->pattern); })
        .opt_expr("guard", c->guard)
        .stmts("body", c->body);
}

void Dumper::handler(const ExceptHandler* h) {
    Fields(*this, "ExceptHandler")
        .opt_expr("type", h->type)
        .opt_ident("name", h->name)
        .stmts("body", h->body);
}

void Dumper::expr(const Expr* e) {
    switch (e->kind) {
        case ExprKind::BoolOp: {
            auto* n = e->as<BoolOp>();
            Fields(*this, "BoolOp")
                .node("op", [&] { op(bool_operator_name(n->op)); })
                .exprs("values", n->values);
            break;
        }
        case ExprKind::NamedExpr: {
            auto* n = e->as<NamedExpr>();
            Fields(*this, "NamedExpr").expr("target", n->target).expr("value", n->value);
            break;
        }
        case ExprKind::BinOp: {
            auto* n = e->as<BinOp>();
            Fields(*this, "BinOp")
                .expr("left", n->left)
                .node("op", [&] { op(operator_name(n->op)); })
                .expr("right", n->right);
            break;
        }
        case ExprKind::UnaryOp: {
            auto* n = e->as<UnaryOp>();
            Fields(*this, "UnaryOp")
                .node("op", [&] { op(unary_operator_name(n->op)); })
                .expr("operand", n->operand);
            break;
        }
        case ExprKind::Lambda: {
            auto* n = e->as<Lambda>();
            Fields(*this, "Lambda").node("args", [&] { arguments(n->args); }).expr("body", n->body);
            break;
        }
        case ExprKind::IfExp: {
            auto* n = e->as<IfExp>();
            Fields(*this, "IfExp")
                .expr("test", n->test)
                .expr("body", n->body)
                .expr("orelse", n->orelse);
            break;
        }
        case ExprKind::Dict: {
            auto* n = e->as<Dict>();
            Fields(*this, "Dict").exprs("keys", n->keys).exprs("values", n->values);
            break;
        }
        case ExprKind::Set:
            Fields(*this, "Set").exprs("elts", e->as<Set>()->elts);
            break;
        case ExprKind::ListComp: {
            auto* n = e->as<ListComp>();
            Fields f(*this, "ListComp");
            generators(f.expr("elt", n->elt), n->generators);
            break;
        }
        case ExprKind::SetComp: {
            auto* n = e->as<SetComp>();
            Fields f(*this, "SetComp");
            generators(f.expr("elt", n->elt), n->generators);
            break;
        }
        case ExprKind::GeneratorExp: {
            auto* n = e->as<GeneratorExp>();
            Fields f(*this, "GeneratorExp");
            generators(f.expr("elt", n->elt), n->generators);
            break;
        }
        case ExprKind::DictComp: {
            auto* n = e->as<DictComp>();
            Fields f(*this, "DictComp");
            generators(f.expr("key", n->key).expr("value", n->value), n->generators);
            break;
        }
        case ExprKind::Await:
            Fields(*this, "Await").expr("value", e->as<Await>()->value);
            break;
        case ExprKind::Yield:
            Fields(*this, "Yield").opt_expr("value", e->as<Yield>()->value);
            break;
        case ExprKind::YieldFrom:
            Fields(*this, "YieldFrom").expr("value", e->as<YieldFrom>()->value);
            break;
        case ExprKind::Compare: {
            auto* n = e->as<Compare>();
            Fields(*this, "Compare")
                .expr("left", n->left)
                .node("ops",
                      [&] {
                          out += '[';
                          for (std::size_t i = 0; i < n->ops.size(); ++i) {
                              if (i) out += ", ";
                              op(cmp_operator_name(n->ops[i]));
                          }
                          out += ']';
                      })
                .exprs("comparators", n->comparators);
            break;
        }
        case ExprKind::Call: {
            auto* n = e->as<Call>();
            Fields(*this, "Call")
                .expr("func", n->func)
                .exprs("args", n->args)
                .nodes("keywords", n->keywords, [&](const Keyword* k) { keyword(k); });
            break;
        }
        case ExprKind::FormattedValue: {
            auto* n = e->as<FormattedValue>();
            Fields(*this, "FormattedValue")
                .expr("value", n->value)
                .raw("conversion", std::to_string(n->conversion))
                .opt_expr("format_spec", n->format_spec);
            break;
        }
        case ExprKind::JoinedStr:
            Fields(*this, "JoinedStr").exprs("values", e->as<JoinedStr>()->values);
            break;
        case ExprKind::Constant: {
            auto* n = e->as<Constant>();
            Fields f(*this, "Constant");
            f.raw("value", repr_constant(*n));
            if (n->u_prefix) f.raw("kind", "'u'");
            break;
        }
        case ExprKind::Attribute: {
            auto* n = e->as<Attribute>();
            Fields(*this, "Attribute").expr("value", n->value).ident("attr", n->attr).ctx(n->ctx);
            break;
        }
        case ExprKind::Subscript: {
            auto* n = e->as<Subscript>();
            Fields(*this, "Subscript").expr("value", n->value).expr("slice", n->slice).ctx(n->ctx);
            break;
        }
        case ExprKind::Starred: {
            auto* n = e->as<Starred>();
            Fields(*this, "Starred").expr("value", n->value).ctx(n->ctx);
            break;
        }
        case ExprKind::Name: {
            auto* n = e->as<Name>();
            Fields(*this, "Name").ident("id", n->id).ctx(n->ctx);
            break;
        }
        case ExprKind::List: {
            auto* n = e->as<List>();
            Fields(*this, "List").exprs("elts", n->elts).ctx(n->ctx);
            break;
        }
        case ExprKind::Tuple: {
            auto* n = e->as<Tuple>();
            Fields(*this, "Tuple").exprs("elts", n->elts).ctx(n->ctx);
            break;
        }
        case ExprKind::Slice: {
            auto* n = e->as<Slice>();
            Fields(*this, "Slice")
                .opt_expr("lower", n->lower)
                .opt_expr("upper", n->upper)
                .opt_expr("step", n->step);
            break;
        }
    }
}

void Dumper::stmt(const Stmt* s) {
    switch (s->kind) {
        case StmtKind::FunctionDef:
        case StmtKind::AsyncFunctionDef: {
            auto* n = static_cast<const FunctionDefBase*>(s);
            Fields(*this, s->kind == StmtKind::FunctionDef ? "FunctionDef" : "AsyncFunctionDef")
                .ident("name", n->name)
                .node("args", [&] { arguments(n->args); })
                .stmts("body", n->body)
                .exprs("decorator_list", n->decorator_list)
                .opt_expr("returns", n->returns);
            break;
        }
        case StmtKind::ClassDef: {
            auto* n = s->as<ClassDef>();
            Fields(*this, "ClassDef")
                .ident("name", n->name)
                .exprs("bases", n->bases)
                .nodes("keywords", n->keywords, [&](const Keyword* k) { keyword(k); })
                .stmts("body", n->body)
                .exprs("decorator_list", n->decorator_list);
            break;
        }
        case StmtKind::Return:
            Fields(*this, "Return").opt_expr("value", s->as<Return>()->value);
            break;
        case StmtKind::Delete:
            Fields(*this, "Delete").exprs("targets", s->as<Delete>()->targets);
            break;
        case StmtKind::Assign: {
            auto* n = s->as<Assign>();
            Fields(*this, "Assign").exprs("targets", n->targets).expr("value", n->value);
            break;
        }
        case StmtKind::AugAssign: {
            auto* n = s->as<AugAssign>();
            Fields(*this, "AugAssign")
                .expr("target", n->target)
                .node("op", [&] { op(operator_name(n->op)); })
                .expr("value", n->value);
            break;
        }
        case StmtKind::AnnAssign: {
            auto* n = s->as<AnnAssign>();
            Fields(*this, "AnnAssign")
                .expr("target", n->target)
                .expr("annotation", n->annotation)
                .opt_expr("value", n->value)
                .raw("simple", n->simple ? "1" : "0");
            break;
        }
        case StmtKind::For:
        case StmtKind::AsyncFor: {
            auto* n = static_cast<const ForBase*>(s);
            Fields(*this, s->kind == StmtKind::For ? "For" : "AsyncFor")
                .expr("target", n->target)
                .expr("iter", n->iter)
                .stmts("body", n->body)
                .stmts("orelse", n->orelse);
            break;
        }
        case StmtKind::While: {
            auto* n = s->as<While>();
            Fields(*this, "While")
                .expr("test", n->test)
                .stmts("body", n->body)
                .stmts("orelse", n->orelse);
            break;
        }
        case StmtKind::Match: {
            auto* n = s->as<Match>();
            Fields(*this, "Match")
                .expr("subject", n->subject)
                .nodes("cases", n->cases, [&](const MatchCase* c) { match_case(c); });
            break;
        }
        case StmtKind::If: {
            auto* n = s->as<If>();
            Fields(*this, "If")
                .expr("test", n->test)
                .stmts("body", n->body)
                .stmts("orelse", n->orelse);
            break;
        }
        case StmtKind::With:
        case StmtKind::AsyncWith: {
            auto* n = static_cast<const WithBase*>(s);
            Fields(*this, s->kind == StmtKind::With ? "With" : "AsyncWith")
                .nodes("items", n->items, [&](const WithItem* w) { withitem(w); })
                .stmts("body", n->body);
            break;
        }
        case StmtKind::Raise: {
            auto* n = s->as<Raise>();
            Fields(*this, "Raise").opt_expr("exc", n->exc).opt_expr("cause", n->cause);
            break;
        }
        case StmtKind::Try: {
            auto* n = s->as<Try>();
            Fields(*this, n->is_star ? "TryStar" : "Try")
                .stmts("body", n->body)
                .nodes("handlers", n->handlers, [&](const ExceptHandler* h) { handler(h); })
                .stmts("orelse", n->orelse)
                .stmts("finalbody", n->finalbody);
            break;
        }
        case StmtKind::Assert: {
            auto* n = s->as<Assert>();
            Fields(*this, "Assert").expr("test", n->test).opt_expr("msg", n->msg);
            break;
        }
        case StmtKind::Import:
            Fields(*this, "Import").nodes("names", s->as<Import>()->names, [&](const Alias* a) {
                alias(a);
            });
            break;
        case StmtKind::ImportFrom: {
            auto* n = s->as<ImportFrom>();
            Fields(*this, "ImportFrom")
                .opt_ident("module", n->module)
                .nodes("names", n->names, [&](const Alias* a) { alias(a); })
                .raw("level", std::to_string(n->level));
            break;
        }
        case StmtKind::Global:
        case StmtKind::Nonlocal: {
            const auto& names =
                s->kind == StmtKind::Global ? s->as<Global>()->names : s->as<Nonlocal>()->names;
            Fields(*this, s->kind == StmtKind::Global ? "Global" : "Nonlocal").node("names", [&] {
                out += '[';
                for (std::size_t i = 0; i < names.size(); ++i) {
                    if (i) out += ", ";
                    out += repr_text(names[i], false);
                }
                out += ']';
            });
            break;
        }
        case StmtKind::Expr:
            Fields(*this, "Expr").expr("value", s->as<ExprStmt>()->value);
            break;
        case StmtKind::Pass:
            out += "Pass()";
            break;
        case StmtKind::Break:
            out += "Break()";
            break;
        case StmtKind::Continue:
            out += "Continue()";
            break;
    }
}

}  // namespace

std::string ast_dump(const Module& module) {
    Dumper d;
    switch (module.mode) {
        case ParseMode::Module:
            d.out += "Module(body=[";
            break;
        case ParseMode::Interactive:
            d.out += "Interactive(body=[";
            break;
        case ParseMode::Expression:
            d.out += "Expression(body=";
            if (module.expression) d.expr(module.expression);
            d.out += ')';
            return d.out;
    }
    for (std::size_t i = 0; i < module.body.size(); ++i) {
        if (i) d.out += ", ";
        d.stmt(module.body[i]);
    }
    d.out += module.mode == ParseMode::Module ? "], type_ignores=[])" : "])";
    return d.out;
}

std::string ast_dump(const Expr* expr) {
    Dumper d;
    d.expr(expr);
    return d.out;
}

std::string ast_dump(const Stmt* stmt) {
    Dumper d;
    d.stmt(stmt);
    return d.out;
}

}  // namespace gilt::ast
