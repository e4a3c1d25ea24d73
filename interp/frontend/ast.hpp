// The abstract syntax tree produced by the parser and consumed by the compiler.
//
// Shape: node names and field names mirror CPython 3.11's `ast` module, so the
// Python documentation of `ast` describes this tree too. Three differences:
//   * the expression statement is `ExprStmt` (CPython's `Expr`), because `Expr`
//     is the base of all expressions here;
//   * `arguments`, `arg`, `keyword`, `alias`, `withitem`, `comprehension` and
//     `excepthandler` are spelled `Arguments`, `Arg`, `Keyword`, `Alias`,
//     `WithItem`, `Comprehension`, `ExceptHandler`;
//   * a literal is a `Constant` holding a `ConstantKind` tag and plain C++ data,
//     because the front end knows nothing about runtime values.
//
// Ownership: every node is allocated by the `Arena` inside the `Module` that
// the parser returns (see parser.hpp). Child pointers and the vectors of
// children are plain non-owning pointers into that arena; they stay valid
// exactly as long as the `Module` lives. Nothing is ever freed individually.
// An optional child (CPython's `expr?`) is a null pointer; an optional
// identifier is an empty `std::optional<std::string>`.
//
// Walking: every expression derives from `Expr` and every statement from
// `Stmt`; each carries a `kind` tag. Switch on it and downcast with `as<T>()`,
// which asserts that the tag matches:
//
//     switch (e->kind) {
//     case ExprKind::BinOp: {
//         const auto* b = e->as<BinOp>();
//         visit(b->left); visit(b->right);
//         break;
//     }
//     ...
//     }
//
// Positions: every node records where it starts and ends in the source, as
// CPython does: `line`/`end_line` are 1-based, `col`/`end_col` are 0-based
// byte offsets into the UTF-8 line (CPython's col_offset/end_col_offset).
#pragma once

#include <cassert>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace gilt::ast {

struct Node {
    int line = 0;
    int col = 0;
    int end_line = 0;
    int end_col = 0;

    virtual ~Node() = default;
};

// ---------------------------------------------------------------------------
// Operators and contexts (CPython: expr_context, boolop, operator, unaryop, cmpop)

enum class ExprContext : std::uint8_t { Load, Store, Del };

enum class BoolOperator : std::uint8_t { And, Or };

enum class Operator : std::uint8_t {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    FloorDiv
};

enum class UnaryOperator : std::uint8_t { Invert, Not, UAdd, USub };

enum class CmpOperator : std::uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

// CPython's names for the enumerators above ("Add", "NotIn", ...), as ast.dump prints them.
const char* operator_name(Operator op);
const char* bool_operator_name(BoolOperator op);
const char* unary_operator_name(UnaryOperator op);
const char* cmp_operator_name(CmpOperator op);
const char* context_name(ExprContext ctx);

// ---------------------------------------------------------------------------
// Expressions

enum class ExprKind : std::uint8_t {
    BoolOp,
    NamedExpr,
    BinOp,
    UnaryOp,
    Lambda,
    IfExp,
    Dict,
    Set,
    ListComp,
    SetComp,
    DictComp,
    GeneratorExp,
    Await,
    Yield,
    YieldFrom,
    Compare,
    Call,
    FormattedValue,
    JoinedStr,
    Constant,
    Attribute,
    Subscript,
    Starred,
    Name,
    List,
    Tuple,
    Slice
};

struct Expr : Node {
    const ExprKind kind;

    explicit Expr(ExprKind k) : kind(k) {}

    template <class T>
    T* as() {
        assert(kind == T::kKind);
        return static_cast<T*>(this);
    }
    template <class T>
    const T* as() const {
        assert(kind == T::kKind);
        return static_cast<const T*>(this);
    }
};

// Base for one concrete expression kind: fixes the tag so `as<T>()` can check it.
template <ExprKind K>
struct ExprOf : Expr {
    static constexpr ExprKind kKind = K;
    ExprOf() : Expr(K) {}
};

struct Stmt;
struct Arguments;
struct Keyword;
struct Comprehension;

// `a and b and c` is one BoolOp with three values.
struct BoolOp : ExprOf<ExprKind::BoolOp> {
    BoolOperator op = BoolOperator::And;
    std::vector<Expr*> values;
};

// `target := value`; target is always a Name in Store context.
struct NamedExpr : ExprOf<ExprKind::NamedExpr> {
    Expr* target = nullptr;
    Expr* value = nullptr;
};

struct BinOp : ExprOf<ExprKind::BinOp> {
    Expr* left = nullptr;
    Operator op = Operator::Add;
    Expr* right = nullptr;
};

struct UnaryOp : ExprOf<ExprKind::UnaryOp> {
    UnaryOperator op = UnaryOperator::Not;
    Expr* operand = nullptr;
};

struct Lambda : ExprOf<ExprKind::Lambda> {
    Arguments* args = nullptr;
    Expr* body = nullptr;
};

// `body if test else orelse`
struct IfExp : ExprOf<ExprKind::IfExp> {
    Expr* test = nullptr;
    Expr* body = nullptr;
    Expr* orelse = nullptr;
};

// keys[i] is null for a `**mapping` entry; values[i] is then the mapping.
struct Dict : ExprOf<ExprKind::Dict> {
    std::vector<Expr*> keys;
    std::vector<Expr*> values;
};

struct Set : ExprOf<ExprKind::Set> {
    std::vector<Expr*> elts;
};

struct ListComp : ExprOf<ExprKind::ListComp> {
    Expr* elt = nullptr;
    std::vector<Comprehension*> generators;
};

struct SetComp : ExprOf<ExprKind::SetComp> {
    Expr* elt = nullptr;
    std::vector<Comprehension*> generators;
};

struct DictComp : ExprOf<ExprKind::DictComp> {
    Expr* key = nullptr;
    Expr* value = nullptr;
    std::vector<Comprehension*> generators;
};

struct GeneratorExp : ExprOf<ExprKind::GeneratorExp> {
    Expr* elt = nullptr;
    std::vector<Comprehension*> generators;
};

struct Await : ExprOf<ExprKind::Await> {
    Expr* value = nullptr;
};

// value is null for a bare `yield`.
struct Yield : ExprOf<ExprKind::Yield> {
    Expr* value = nullptr;
};

struct YieldFrom : ExprOf<ExprKind::YieldFrom> {
    Expr* value = nullptr;
};

// `a < b <= c`: left=a, ops=[Lt, LtE], comparators=[b, c].
struct Compare : ExprOf<ExprKind::Compare> {
    Expr* left = nullptr;
    std::vector<CmpOperator> ops;
    std::vector<Expr*> comparators;
};

// `*x` arguments appear in args as Starred; `**m` appears in keywords with a
// null `arg`.
struct Call : ExprOf<ExprKind::Call> {
    Expr* func = nullptr;
    std::vector<Expr*> args;
    std::vector<Keyword*> keywords;
};

// One `{value!conversion:format_spec}` field of an f-string.
struct FormattedValue : ExprOf<ExprKind::FormattedValue> {
    static constexpr int kNoConversion = -1;
    Expr* value = nullptr;
    int conversion = kNoConversion;  // -1, 's', 'r' or 'a' (the character code)
    Expr* format_spec = nullptr;     // a JoinedStr, or null
};

// An f-string: values are Constant str pieces and FormattedValue fields.
struct JoinedStr : ExprOf<ExprKind::JoinedStr> {
    std::vector<Expr*> values;
};

enum class ConstantKind : std::uint8_t {
    None,
    True,
    False,
    Ellipsis,
    Int,        // fits in int64_t: int_value
    BigInt,     // does not fit: str_value holds the decimal digits (with '-' never: literals are
                // unsigned)
    Float,      // float_value
    Imaginary,  // `2.5j`: float_value is the imaginary part
    Str,        // str_value, UTF-8
    Bytes       // str_value, raw bytes
};

struct Constant : ExprOf<ExprKind::Constant> {
    ConstantKind value_kind = ConstantKind::None;
    std::int64_t int_value = 0;
    double float_value = 0.0;
    std::string str_value;
    bool u_prefix = false;  // written u'...': CPython records kind='u'
};

struct Attribute : ExprOf<ExprKind::Attribute> {
    Expr* value = nullptr;
    std::string attr;
    ExprContext ctx = ExprContext::Load;
};

// `value[slice]`; `a[1:2, 3]` has a Tuple of a Slice and a Constant as slice.
struct Subscript : ExprOf<ExprKind::Subscript> {
    Expr* value = nullptr;
    Expr* slice = nullptr;
    ExprContext ctx = ExprContext::Load;
};

struct Starred : ExprOf<ExprKind::Starred> {
    Expr* value = nullptr;
    ExprContext ctx = ExprContext::Load;
};

struct Name : ExprOf<ExprKind::Name> {
    std::string id;
    ExprContext ctx = ExprContext::Load;
};

struct List : ExprOf<ExprKind::List> {
    std::vector<Expr*> elts;
    ExprContext ctx = ExprContext::Load;
};

struct Tuple : ExprOf<ExprKind::Tuple> {
    std::vector<Expr*> elts;
    ExprContext ctx = ExprContext::Load;
};

// `lower:upper:step`, each part optional; only ever appears as a subscript
// (or inside a subscript's Tuple).
struct Slice : ExprOf<ExprKind::Slice> {
    Expr* lower = nullptr;
    Expr* upper = nullptr;
    Expr* step = nullptr;
};

// ---------------------------------------------------------------------------
// Helper nodes (CPython: arguments, arg, keyword, alias, withitem,
// comprehension, excepthandler)

struct Arg : Node {
    std::string arg;
    Expr* annotation = nullptr;
};

// Parameters of a def or lambda. `defaults` belong to the last
// len(defaults) entries of posonlyargs+args; kw_defaults is parallel to
// kwonlyargs with null where a keyword-only parameter has no default.
struct Arguments : Node {
    std::vector<Arg*> posonlyargs;
    std::vector<Arg*> args;
    Arg* vararg = nullptr;
    std::vector<Arg*> kwonlyargs;
    std::vector<Expr*> kw_defaults;
    Arg* kwarg = nullptr;
    std::vector<Expr*> defaults;
};

// `arg=value` in a call or class header; arg is empty for `**value`.
struct Keyword : Node {
    std::optional<std::string> arg;
    Expr* value = nullptr;
};

// `name as asname` in an import; name may be dotted ("a.b.c") or "*".
struct Alias : Node {
    std::string name;
    std::optional<std::string> asname;
};

struct WithItem : Node {
    Expr* context_expr = nullptr;
    Expr* optional_vars = nullptr;  // the `as` target, or null
};

// `[async] for target in iter if ifs[0] if ifs[1]`
struct Comprehension : Node {
    Expr* target = nullptr;
    Expr* iter = nullptr;
    std::vector<Expr*> ifs;
    bool is_async = false;
};

// `except type as name: body`; type is null for a bare `except:`.
struct ExceptHandler : Node {
    Expr* type = nullptr;
    std::optional<std::string> name;
    std::vector<Stmt*> body;
};

// ---------------------------------------------------------------------------
// Statements

enum class StmtKind : std::uint8_t {
    FunctionDef,
    AsyncFunctionDef,
    ClassDef,
    Return,
    Delete,
    Assign,
    AugAssign,
    AnnAssign,
    For,
    AsyncFor,
    While,
    If,
    With,
    AsyncWith,
    Raise,
    Try,
    Assert,
    Import,
    ImportFrom,
    Global,
    Nonlocal,
    Expr,
    Pass,
    Break,
    Continue,
    Match
};

struct Stmt : Node {
    const StmtKind kind;

    explicit Stmt(StmtKind k) : kind(k) {}

    template <class T>
    T* as() {
        assert(kind == T::kKind);
        return static_cast<T*>(this);
    }
    template <class T>
    const T* as() const {
        assert(kind == T::kKind);
        return static_cast<const T*>(this);
    }
};

template <StmtKind K>
struct StmtOf : Stmt {
    static constexpr StmtKind kKind = K;
    StmtOf() : Stmt(K) {}
};

// Shared by FunctionDef and AsyncFunctionDef so the compiler can treat both
// through one type after checking the kind.
struct FunctionDefBase : Stmt {
    std::string name;
    Arguments* args = nullptr;
    std::vector<Stmt*> body;
    std::vector<Expr*> decorator_list;
    Expr* returns = nullptr;  // the `-> annotation`, or null

    using Stmt::Stmt;
};

struct FunctionDef : FunctionDefBase {
    static constexpr StmtKind kKind = StmtKind::FunctionDef;
    FunctionDef() : FunctionDefBase(kKind) {}
};

struct AsyncFunctionDef : FunctionDefBase {
    static constexpr StmtKind kKind = StmtKind::AsyncFunctionDef;
    AsyncFunctionDef() : FunctionDefBase(kKind) {}
};

struct ClassDef : StmtOf<StmtKind::ClassDef> {
    std::string name;
    std::vector<Expr*> bases;
    std::vector<Keyword*> keywords;  // metaclass=... and friends
    std::vector<Stmt*> body;
    std::vector<Expr*> decorator_list;
};

struct Return : StmtOf<StmtKind::Return> {
    Expr* value = nullptr;
};

struct Delete : StmtOf<StmtKind::Delete> {
    std::vector<Expr*> targets;
};

// `a = b = value`: targets=[a, b].
struct Assign : StmtOf<StmtKind::Assign> {
    std::vector<Expr*> targets;
    Expr* value = nullptr;
};

struct AugAssign : StmtOf<StmtKind::AugAssign> {
    Expr* target = nullptr;
    Operator op = Operator::Add;
    Expr* value = nullptr;
};

// `target: annotation = value`; simple is true for a bare unparenthesised name.
struct AnnAssign : StmtOf<StmtKind::AnnAssign> {
    Expr* target = nullptr;
    Expr* annotation = nullptr;
    Expr* value = nullptr;
    bool simple = false;
};

// Shared by For and AsyncFor.
struct ForBase : Stmt {
    Expr* target = nullptr;
    Expr* iter = nullptr;
    std::vector<Stmt*> body;
    std::vector<Stmt*> orelse;

    using Stmt::Stmt;
};

struct For : ForBase {
    static constexpr StmtKind kKind = StmtKind::For;
    For() : ForBase(kKind) {}
};

struct AsyncFor : ForBase {
    static constexpr StmtKind kKind = StmtKind::AsyncFor;
    AsyncFor() : ForBase(kKind) {}
};

struct While : StmtOf<StmtKind::While> {
    Expr* test = nullptr;
    std::vector<Stmt*> body;
    std::vector<Stmt*> orelse;
};

// `elif` is an If nested alone in orelse, as in CPython.
struct If : StmtOf<StmtKind::If> {
    Expr* test = nullptr;
    std::vector<Stmt*> body;
    std::vector<Stmt*> orelse;
};

// Shared by With and AsyncWith.
struct WithBase : Stmt {
    std::vector<WithItem*> items;
    std::vector<Stmt*> body;

    using Stmt::Stmt;
};

struct With : WithBase {
    static constexpr StmtKind kKind = StmtKind::With;
    With() : WithBase(kKind) {}
};

struct AsyncWith : WithBase {
    static constexpr StmtKind kKind = StmtKind::AsyncWith;
    AsyncWith() : WithBase(kKind) {}
};

// `raise exc from cause`; both null for a bare `raise`.
struct Raise : StmtOf<StmtKind::Raise> {
    Expr* exc = nullptr;
    Expr* cause = nullptr;
};

// `try` with `except` clauses, or with `except*` ones (is_star, PEP 654:
// CPython's TryStar node); never both.
struct Try : StmtOf<StmtKind::Try> {
    bool is_star = false;
    std::vector<Stmt*> body;
    std::vector<ExceptHandler*> handlers;
    std::vector<Stmt*> orelse;
    std::vector<Stmt*> finalbody;
};

struct Assert : StmtOf<StmtKind::Assert> {
    Expr* test = nullptr;
    Expr* msg = nullptr;
};

struct Import : StmtOf<StmtKind::Import> {
    std::vector<Alias*> names;
};

// `from ..pkg.mod import a, b as c`: module="pkg.mod", level=2; module is
// empty for `from . import x`.
struct ImportFrom : StmtOf<StmtKind::ImportFrom> {
    std::optional<std::string> module;
    std::vector<Alias*> names;
    int level = 0;
};

struct Global : StmtOf<StmtKind::Global> {
    std::vector<std::string> names;
};

struct Nonlocal : StmtOf<StmtKind::Nonlocal> {
    std::vector<std::string> names;
};

// An expression evaluated for its effect (CPython's `Expr` statement).
// `echo` is set only on top-level expression statements parsed in
// ParseMode::Interactive: the REPL prints their value when it is not None.
struct ExprStmt : StmtOf<StmtKind::Expr> {
    Expr* value = nullptr;
    bool echo = false;
};

struct Pass : StmtOf<StmtKind::Pass> {};
struct Break : StmtOf<StmtKind::Break> {};
struct Continue : StmtOf<StmtKind::Continue> {};

// ---------------------------------------------------------------------------
// Patterns of the match statement (CPython: pattern, match_case)

enum class PatternKind : std::uint8_t {
    MatchValue,
    MatchSingleton,
    MatchSequence,
    MatchMapping,
    MatchClass,
    MatchStar,
    MatchAs,
    MatchOr
};

struct Pattern : Node {
    const PatternKind kind;

    explicit Pattern(PatternKind k) : kind(k) {}

    template <class T>
    const T* as() const {
        assert(kind == T::kKind);
        return static_cast<const T*>(this);
    }
};

template <PatternKind K>
struct PatternOf : Pattern {
    static constexpr PatternKind kKind = K;
    PatternOf() : Pattern(K) {}
};

// A literal or a dotted name, compared with ==.
struct MatchValue : PatternOf<PatternKind::MatchValue> {
    Expr* value = nullptr;
};

// None, True or False, compared with `is`.
struct MatchSingleton : PatternOf<PatternKind::MatchSingleton> {
    Constant* value = nullptr;
};

// `[a, *rest, b]` or `(a, b)`; at most one of the patterns is a MatchStar.
struct MatchSequence : PatternOf<PatternKind::MatchSequence> {
    std::vector<Pattern*> patterns;
};

// `{"k": p, **rest}`
struct MatchMapping : PatternOf<PatternKind::MatchMapping> {
    std::vector<Expr*> keys;
    std::vector<Pattern*> patterns;
    std::optional<std::string> rest;
};

// `Cls(p, attr=q)`
struct MatchClass : PatternOf<PatternKind::MatchClass> {
    Expr* cls = nullptr;
    std::vector<Pattern*> patterns;
    std::vector<std::string> kwd_attrs;
    std::vector<Pattern*> kwd_patterns;
};

// `*name` inside a sequence pattern; no name for `*_`.
struct MatchStar : PatternOf<PatternKind::MatchStar> {
    std::optional<std::string> name;
};

// `p as name`, a capture `name` (no pattern) or the wildcard `_` (neither).
struct MatchAs : PatternOf<PatternKind::MatchAs> {
    Pattern* pattern = nullptr;
    std::optional<std::string> name;
};

// `p | q | ...`
struct MatchOr : PatternOf<PatternKind::MatchOr> {
    std::vector<Pattern*> patterns;
};

struct MatchCase : Node {
    Pattern* pattern = nullptr;
    Expr* guard = nullptr;
    std::vector<Stmt*> body;
};

struct Match : StmtOf<StmtKind::Match> {
    Expr* subject = nullptr;
    std::vector<MatchCase*> cases;
};

// ---------------------------------------------------------------------------
// The arena and the root

// Owns every node of one parse. Nodes are never freed before the arena.
class Arena {
public:
    template <class T>
    T* make() {
        auto node = std::make_unique<T>();
        T* raw = node.get();
        m_nodes.push_back(std::move(node));
        return raw;
    }

    std::size_t size() const { return m_nodes.size(); }

private:
    std::vector<std::unique_ptr<Node>> m_nodes;
};

// Which start rule the source was parsed with (CPython's compile() modes).
enum class ParseMode : std::uint8_t {
    Module,      // "exec": a file, a sequence of statements
    Expression,  // "eval": one expression
    Interactive  // "single": one REPL entry (a simple statement line or one compound statement)
};

// The result of a successful parse: the tree and the arena that owns it.
// For ParseMode::Expression the tree is `expression` and `body` is empty;
// otherwise the tree is `body` and `expression` is null.
struct Module {
    ParseMode mode = ParseMode::Module;
    std::vector<Stmt*> body;
    Expr* expression = nullptr;
    Arena arena;
};

// What CPython 3.11's `ast.dump(ast.parse(src, mode=...))` prints for the same
// source, byte for byte (no attributes, no indentation): the parser's test oracle.
std::string ast_dump(const Module& module);
std::string ast_dump(const Expr* expr);
std::string ast_dump(const Stmt* stmt);

}  // namespace gilt::ast
