// The compiler: code units, emission, and statements (see compiler.hpp).
#include "interp/compiler/compiler.hpp"

#include <algorithm>
#include <cassert>
#include <cstring>

#include "interp/compiler/unparse.hpp"

#include "runtime/errors.hpp"
#include "runtime/exception.hpp"
#include "runtime/float.hpp"
#include "runtime/gc.hpp"
#include "runtime/heap.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"

namespace gilt {

namespace {
bool has_annotations(const std::vector<ast::Stmt*>& body);
}  // namespace

Compiler::Compiler(ThreadState& ts, std::string filename, uint32_t future_flags)
    : m_ts(ts), m_filename(std::move(filename)) {
    m_future.flags = future_flags;
}

Compiler::~Compiler() {
    for (auto& unit : m_units)
        if (unit->code) decref(&unit->code->hdr);
}

void Compiler::fail(const ast::Node* n, const std::string& msg) {
    if (m_error) return;
    SyntaxErrorInfo e;
    e.msg = msg;
    e.line = n ? n->line : 0;
    e.col = n ? n->col + 1 : 0;
    e.end_line = n ? n->end_line : 0;
    e.end_col = n ? n->end_col + 1 : 0;
    m_error = e;
}

// --- units ---

void Compiler::enter_unit(Scope* scope, const std::string& name, const std::string& qualname,
                          int firstline) {
    auto unit = std::make_unique<CodeUnit>();
    unit->scope = scope;
    unit->name = name;
    unit->qualname = qualname;
    unit->code = code_new(m_ts);
    unit->code->firstlineno = firstline;
    CodeObject* c = unit->code;
    bool fn = scope->kind == ScopeKind::Function || scope->kind == ScopeKind::Comprehension;
    if (fn) {
        for (auto& p : scope->params) {
            if (unit->varnames.count(p)) continue;
            unit->varnames[p] = static_cast<uint32_t>(c->varnames.size());
            c->varnames.push_back(m_ts.interp().intern(p));
        }
        for (auto& n : scope->local_order) {
            if (unit->varnames.count(n)) continue;
            unit->varnames[n] = static_cast<uint32_t>(c->varnames.size());
            c->varnames.push_back(m_ts.interp().intern(n));
        }
        c->flags |= kCodeOptimized;
    }
    c->flags |= m_future.flags;
    std::vector<std::string> cells(scope->cells.begin(), scope->cells.end());
    if (scope->kind == ScopeKind::Class && scope->needs_class_cell) cells.push_back("__class__");
    for (auto& n : cells) {
        unit->derefs[n] = static_cast<uint32_t>(c->cellvars.size());
        c->cellvars.push_back(m_ts.interp().intern(n));
        auto it = std::find(scope->params.begin(), scope->params.end(), n);
        c->cell2arg.push_back(
            fn && it != scope->params.end() ? static_cast<int>(it - scope->params.begin()) : -1);
    }
    for (auto& n : scope->frees) {
        unit->derefs[n] = static_cast<uint32_t>(c->cellvars.size() + c->freevars.size());
        c->freevars.push_back(m_ts.interp().intern(n));
    }
    c->nlocals = static_cast<int>(c->varnames.size());
    c->localsplus = c->nlocals + static_cast<int>(c->cellvars.size() + c->freevars.size());
    if (scope->is_generator && scope->is_coroutine)
        c->flags |= kCodeAsyncGenerator;
    else if (scope->is_generator)
        c->flags |= kCodeGenerator;
    else if (scope->is_coroutine && scope->kind != ScopeKind::Module)
        c->flags |= kCodeCoroutine;
    m_units.push_back(std::move(unit));
}

namespace {

// The common arithmetic operators get opcodes of their own, so each has its
// own handler in the eval loop rather than one branch on the operator that
// every arithmetic site shares. The argument still names the operator (the
// disassembler and the generic path read it).
Op specialized_arithmetic(Op op, uint32_t arg) {
    BinOp b = static_cast<BinOp>(arg);
    if (op == Op::BINARY_OP) {
        switch (b) {
            case BinOp::Add:
                return Op::BINARY_ADD;
            case BinOp::Sub:
                return Op::BINARY_SUB;
            case BinOp::Mul:
                return Op::BINARY_MUL;
            case BinOp::TrueDiv:
                return Op::BINARY_TRUEDIV;
            default:
                return op;
        }
    }
    if (op == Op::INPLACE_OP) {
        switch (b) {
            case BinOp::Add:
                return Op::INPLACE_ADD;
            case BinOp::Sub:
                return Op::INPLACE_SUB;
            case BinOp::Mul:
                return Op::INPLACE_MUL;
            default:
                return op;
        }
    }
    return op;
}

// LOAD_FAST, LOAD_FAST or LOAD_CONST, then + - * (or / of two locals, or
// += -=): the opcode that does all three for two numbers, or NOP.
Op local_arithmetic_triple(Op first, Op second, uint32_t third) {
    if (first != Op::LOAD_FAST || (second != Op::LOAD_FAST && second != Op::LOAD_CONST))
        return Op::NOP;
    BinOp b = static_cast<BinOp>(arg_of(third));
    if (op_of(third) == Op::INPLACE_OP) {
        // `total += x`, `count += 1`: on numbers the same as the binary form.
        bool local = second == Op::LOAD_FAST;
        if (b == BinOp::Add)
            return local ? Op::LOAD_FAST__LOAD_FAST__INPLACE_ADD
                         : Op::LOAD_FAST__LOAD_CONST__INPLACE_ADD;
        if (b == BinOp::Sub)
            return local ? Op::LOAD_FAST__LOAD_FAST__INPLACE_SUB
                         : Op::LOAD_FAST__LOAD_CONST__INPLACE_SUB;
        return Op::NOP;
    }
    if (op_of(third) != Op::BINARY_OP) return Op::NOP;
    if (second == Op::LOAD_FAST) {
        switch (b) {
            case BinOp::Add:
                return Op::LOAD_FAST__LOAD_FAST__BINARY_ADD;
            case BinOp::Sub:
                return Op::LOAD_FAST__LOAD_FAST__BINARY_SUB;
            case BinOp::Mul:
                return Op::LOAD_FAST__LOAD_FAST__BINARY_MUL;
            case BinOp::TrueDiv:
                return Op::LOAD_FAST__LOAD_FAST__BINARY_TRUEDIV;
            default:
                return Op::NOP;
        }
    }
    if (second == Op::LOAD_CONST) {
        switch (b) {
            case BinOp::Add:
                return Op::LOAD_FAST__LOAD_CONST__BINARY_ADD;
            case BinOp::Sub:
                return Op::LOAD_FAST__LOAD_CONST__BINARY_SUB;
            case BinOp::Mul:
                return Op::LOAD_FAST__LOAD_CONST__BINARY_MUL;
            default:
                return Op::NOP;
        }
    }
    return Op::NOP;
}

// Superinstructions, made the way CPython 3.11's quickening makes its own:
// only the first word's opcode changes, to one that also runs the
// instruction in the next word and skips it. Positions, jump targets and
// the line table stay as they were: a jump to the second word runs it
// alone, an error in it names its own line, and `x = ...` on one line and
// a load of `y` on the next still pair. Besides 3.11's local-variable
// pairs: `self.x` and `self.m(` (LOAD_FAST with LOAD_ATTR / LOAD_METHOD),
// `f(` of a global (LOAD_GLOBAL with PUSH_NULL), `for x in` (FOR_ITER with
// STORE_FAST) and `if a < b:` (COMPARE_OP with the jump), each of which
// falls back to running its two words one by one when the fast case
// does not hold. Triples run `a * b` and `n - 1` of locals and constants
// (local_arithmetic_triple), keeping both following words.
void specialize_instructions(std::vector<uint32_t>& code) {
    for (std::size_t i = 0; i < code.size();) {
        Op op = op_of(code[i]);
        uint32_t arg = arg_of(code[i]);
        std::size_t next = i + 1 + static_cast<std::size_t>(kOpCacheWords[static_cast<int>(op)]);
        Op special = specialized_arithmetic(op, arg);
        if (next < code.size()) {
            Op second = op_of(code[next]);
            Op triple = next + 1 < code.size() ? local_arithmetic_triple(op, second, code[next + 1])
                                               : Op::NOP;
            if (triple != Op::NOP)
                special = triple;
            else if (op == Op::LOAD_FAST && second == Op::LOAD_FAST)
                special = Op::LOAD_FAST__LOAD_FAST;
            else if (op == Op::STORE_FAST && second == Op::LOAD_FAST)
                special = Op::STORE_FAST__LOAD_FAST;
            else if (op == Op::STORE_FAST && second == Op::STORE_FAST)
                special = Op::STORE_FAST__STORE_FAST;
            else if (op == Op::LOAD_FAST && second == Op::LOAD_CONST)
                special = Op::LOAD_FAST__LOAD_CONST;
            else if (op == Op::FOR_ITER && second == Op::STORE_FAST)
                special = Op::FOR_ITER__STORE_FAST;
            else if (op == Op::LOAD_GLOBAL && second == Op::PUSH_NULL)
                special = Op::LOAD_GLOBAL__PUSH_NULL;
            else if (op == Op::LOAD_FAST && second == Op::LOAD_ATTR)
                special = Op::LOAD_FAST__LOAD_ATTR;
            else if (op == Op::LOAD_FAST && second == Op::LOAD_METHOD)
                special = Op::LOAD_FAST__LOAD_METHOD;
            else if (op == Op::COMPARE_OP && second == Op::POP_JUMP_IF_FALSE)
                special = Op::COMPARE_OP__POP_JUMP_IF_FALSE;
            else if (op == Op::COMPARE_OP && second == Op::POP_JUMP_IF_TRUE)
                special = Op::COMPARE_OP__POP_JUMP_IF_TRUE;
        }
        code[i] = encode(special, arg);
        i = next;
    }
}

}  // namespace

Value Compiler::leave_unit() {
    CodeUnit& unit = u();
    CodeObject* c = unit.code;
    unit.code = nullptr;
    for (auto& h : unit.handlers) {
        for (auto& [sl, el] : h.segs) {
            if (sl < 0) continue;
            int s = unit.labels[sl].pos, e = unit.labels[el].pos;
            if (s >= 0 && s < e)
                c->exception_table.push_back({static_cast<uint32_t>(s), static_cast<uint32_t>(e),
                                              static_cast<uint32_t>(unit.labels[h.target].pos),
                                              static_cast<uint32_t>(h.depth)});
        }
    }
    specialize_instructions(unit.instrs);
    c->code = std::move(unit.instrs);
    c->lines = std::move(unit.lines);
    c->caches.resize(unit.caches);
    c->stacksize = unit.max_depth + 4;
    if ((c->flags & kCodeOptimized) && c->kwonlyargcount == 0 &&
        !(c->flags & (kCodeVarargs | kCodeVarkeywords | kCodeGenerator | kCodeCoroutine |
                      kCodeAsyncGenerator))) {
        c->flags |= kCodeSimpleArgs;
    }
    c->name = m_ts.interp().intern(unit.name);
    c->qualname = make_str(m_ts, unit.qualname);
    c->filename = make_str(m_ts, m_filename);
    m_units.pop_back();
    return val(c);
}

// --- emission ---

int Compiler::stack_depth() const {
    return m_units.back()->depth;
}
void Compiler::set_depth(int d) {
    u().depth = d;
    u().max_depth = std::max(u().max_depth, d);
}

void Compiler::emit(Op op, uint32_t arg) {
    CodeUnit& unit = u();
    if (arg > kMaxArg) {
        fail(nullptr, "too many constants or names in one code object");
        arg = 0;
    }
    unit.instrs.push_back(encode(op, arg));
    if (uint32_t n = cache_entries(op)) {
        unit.instrs.push_back(unit.caches);
        unit.caches += n;
    }
    set_depth(unit.depth + stack_effect(op, arg, false));
    unit.unreachable = op == Op::RETURN_VALUE || op == Op::RERAISE || op == Op::JUMP ||
                       op == Op::JUMP_BACKWARD || op == Op::RAISE_VARARGS;
}

Compiler::Label Compiler::new_label() {
    u().labels.emplace_back();
    return static_cast<Label>(u().labels.size() - 1);
}

void Compiler::emit_jump(Op op, Label target) {
    assert(operand_of(op) == Operand::Jump &&
           "emit_jump of an opcode whose argument is no jump target");
    CodeUnit& unit = u();
    auto& l = unit.labels[target];
    int depth_after_jump = unit.depth + stack_effect(op, 0, true);
    if (l.depth < 0) l.depth = depth_after_jump;
    if (l.pos >= 0) {
        emit(op, static_cast<uint32_t>(l.pos));
    } else {
        l.patches.push_back(unit.instrs.size());
        emit(op, 0);
    }
}

void Compiler::bind(Label l) {
    CodeUnit& unit = u();
    auto& info = unit.labels[l];
    info.pos = static_cast<int>(unit.instrs.size());
    for (std::size_t p : info.patches)
        unit.instrs[p] = encode(op_of(unit.instrs[p]), static_cast<uint32_t>(info.pos));
    info.patches.clear();
    if (unit.unreachable && info.depth >= 0) set_depth(info.depth);
    unit.unreachable = false;
}

void Compiler::set_line(const ast::Node* n) {
    if (n) set_line_number(n->line);
}

void Compiler::set_line_number(int line) {
    if (line <= 0) return;
    CodeUnit& unit = u();
    if (unit.line == line) return;
    unit.line = line;
    uint32_t pos = static_cast<uint32_t>(unit.instrs.size());
    if (!unit.lines.empty() && unit.lines.back().start == pos)
        unit.lines.back().line = line;
    else
        unit.lines.push_back({pos, line});
}

uint32_t Compiler::add_const(Value v) {
    auto& consts = u().code->consts;
    gc_maybe_untrack_tuple(v);  // a constant tuple of atoms is never part of a cycle
    consts.push_back(v);
    return static_cast<uint32_t>(consts.size() - 1);
}

uint32_t Compiler::const_none() {
    if (u().none_index < 0) u().none_index = static_cast<int>(add_const(Value::none()));
    return static_cast<uint32_t>(u().none_index);
}

uint32_t Compiler::const_int(int64_t v) {
    auto it = u().const_ints.find(v);
    if (it != u().const_ints.end()) return it->second;
    uint32_t i = add_const(make_int(m_ts, v));
    u().const_ints[v] = i;
    return i;
}

uint32_t Compiler::const_str(const std::string& s) {
    auto it = u().const_strs.find(s);
    if (it != u().const_strs.end()) return it->second;
    // Identifier-like constants are interned, as CPython does.
    bool ident = s.size() < 40 && std::all_of(s.begin(), s.end(), [](char c) {
                     return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
                 });
    uint32_t i = add_const(ident ? m_ts.interp().intern(s) : make_str(m_ts, s));
    u().const_strs[s] = i;
    return i;
}

void Compiler::load_const_str(const std::string& s) {
    emit(Op::LOAD_CONST, const_str(s));
}

uint32_t Compiler::add_name(const std::string& s) {
    auto it = u().names.find(s);
    if (it != u().names.end()) return it->second;
    auto& names = u().code->names;
    names.push_back(m_ts.interp().intern(s));
    uint32_t i = static_cast<uint32_t>(names.size() - 1);
    u().names[s] = i;
    return i;
}

int Compiler::add_handler(Label start, Label end, Label target, int depth) {
    u().handlers.push_back({{{start, end}}, target, depth});
    auto& l = u().labels[target];
    l.depth = depth + 1;
    return static_cast<int>(u().handlers.size() - 1);
}

Compiler::Label Compiler::here() {
    Label l = new_label();
    u().labels[l].pos = static_cast<int>(u().instrs.size());
    return l;
}

void Compiler::cut_handler(int h) {
    auto& segs = u().handlers[h].segs;
    Label end = segs.back().second;
    segs.back().second = here();
    segs.push_back({-1, end});
}

void Compiler::reopen_handler(int h) {
    u().handlers[h].segs.back().first = here();
}

std::string Compiler::qualname_for(const std::string& name, bool) {
    // Walk outwards: functions add ".<locals>", classes their name.
    if (m_units.size() <= 1) return name;
    CodeUnit& parent = u();
    if (parent.scope->kind == ScopeKind::Module) return name;
    if (parent.scope->kind == ScopeKind::Class) return parent.qualname + "." + name;
    return parent.qualname + ".<locals>." + name;
}

// --- names ---

int Compiler::deref_index(const std::string& n) {
    auto it = u().derefs.find(n);
    return it == u().derefs.end() ? -1 : static_cast<int>(it->second);
}

void Compiler::load_name(const std::string& n) {
    Scope* s = u().scope;
    switch (s->lookup(n)) {
        case NameScope::Local:
            emit(Op::LOAD_FAST, u().varnames.at(n));
            return;
        case NameScope::Cell:
        case NameScope::Free:
            emit(s->kind == ScopeKind::Class ? Op::LOAD_CLASSDEREF : Op::LOAD_DEREF,
                 deref_index(n));
            return;
        case NameScope::GlobalExplicit:
            emit(Op::LOAD_GLOBAL, add_name(n));
            return;
        case NameScope::GlobalImplicit:
            if (s->kind == ScopeKind::Function || s->kind == ScopeKind::Comprehension)
                emit(Op::LOAD_GLOBAL, add_name(n));
            else
                emit(Op::LOAD_NAME, add_name(n));
            return;
        case NameScope::ClassLocal:
            emit(Op::LOAD_NAME, add_name(n));
            return;
    }
}

void Compiler::store_name(const std::string& n) {
    Scope* s = u().scope;
    switch (s->lookup(n)) {
        case NameScope::Local:
            emit(Op::STORE_FAST, u().varnames.at(n));
            return;
        case NameScope::Cell:
        case NameScope::Free:
            if (s->kind == ScopeKind::Class && !s->nonlocals.count(n)) {
                emit(Op::STORE_NAME, add_name(n));
                return;
            }
            emit(Op::STORE_DEREF, deref_index(n));
            return;
        case NameScope::GlobalExplicit:
            emit(Op::STORE_GLOBAL, add_name(n));
            return;
        case NameScope::GlobalImplicit:
        case NameScope::ClassLocal:
            if (s->kind == ScopeKind::Function || s->kind == ScopeKind::Comprehension)
                emit(Op::STORE_GLOBAL, add_name(n));
            else
                emit(Op::STORE_NAME, add_name(n));
            return;
    }
}

void Compiler::delete_name(const std::string& n) {
    Scope* s = u().scope;
    switch (s->lookup(n)) {
        case NameScope::Local:
            emit(Op::DELETE_FAST, u().varnames.at(n));
            return;
        case NameScope::Cell:
        case NameScope::Free:
            emit(Op::DELETE_DEREF, deref_index(n));
            return;
        case NameScope::GlobalExplicit:
            emit(Op::DELETE_GLOBAL, add_name(n));
            return;
        case NameScope::GlobalImplicit:
        case NameScope::ClassLocal:
            if (s->kind == ScopeKind::Function || s->kind == ScopeKind::Comprehension)
                emit(Op::DELETE_GLOBAL, add_name(n));
            else
                emit(Op::DELETE_NAME, add_name(n));
            return;
    }
}

// --- entry ---

Value Compiler::compile(const ast::Module& module) {
    if (!parse_future_features(module, &m_future, &m_error)) return Value();
    if (!m_symtable.build(module, &m_error, future_annotations())) {
        m_error->text = "";
        return Value();
    }
    enter_unit(m_symtable.root(), "<module>", "<module>", 1);
    if (module.mode == ast::ParseMode::Expression) {
        set_line(module.expression);
        expr(module.expression);
        emit(Op::RETURN_VALUE);
    } else {
        m_interactive = module.mode == ast::ParseMode::Interactive;
        // A leading string literal is the module's docstring.
        if (!m_interactive && !module.body.empty() && module.body[0]->kind == ast::StmtKind::Expr) {
            auto* e = module.body[0]->as<ast::ExprStmt>()->value;
            if (e->kind == ast::ExprKind::Constant &&
                e->as<ast::Constant>()->value_kind == ast::ConstantKind::Str) {
                set_line(e);
                expr(e);
                store_name("__doc__");
            }
        }
        if (has_annotations(module.body)) emit(Op::SETUP_ANNOTATIONS);
        stmts(module.body);
        emit(Op::LOAD_CONST, const_none());
        emit(Op::RETURN_VALUE);
    }
    if (m_error) return Value();
    return leave_unit();
}

// --- statements ---

void Compiler::stmts(const std::vector<ast::Stmt*>& body) {
    for (auto* s : body) {
        stmt(s);
        if (m_error) return;
    }
}

void Compiler::stmt(const ast::Stmt* s) {
    using K = ast::StmtKind;
    set_line(s);
    switch (s->kind) {
        case K::FunctionDef:
        case K::AsyncFunctionDef:
            function_def(static_cast<const ast::FunctionDefBase*>(s));
            break;
        case K::ClassDef:
            class_def(s->as<ast::ClassDef>());
            break;
        case K::Return:
            return_stmt(s->as<ast::Return>());
            break;
        case K::Delete:
            for (auto* t : s->as<ast::Delete>()->targets) delete_target(t);
            break;
        case K::Assign:
            assign(s->as<ast::Assign>());
            break;
        case K::AugAssign:
            aug_assign(s->as<ast::AugAssign>());
            break;
        case K::AnnAssign:
            ann_assign(s->as<ast::AnnAssign>());
            break;
        case K::For:
        case K::AsyncFor:
            for_stmt(static_cast<const ast::ForBase*>(s));
            break;
        case K::While:
            while_stmt(s->as<ast::While>());
            break;
        case K::If:
            if_stmt(s->as<ast::If>());
            break;
        case K::Match:
            match_stmt(s->as<ast::Match>());
            break;
        case K::With:
        case K::AsyncWith:
            with_stmt(static_cast<const ast::WithBase*>(s), 0);
            break;
        case K::Raise:
            raise_stmt(s->as<ast::Raise>());
            break;
        case K::Try:
            try_stmt(s->as<ast::Try>());
            break;
        case K::Assert:
            assert_stmt(s->as<ast::Assert>());
            break;
        case K::Import:
            import_stmt(s->as<ast::Import>());
            break;
        case K::ImportFrom:
            import_from(s->as<ast::ImportFrom>());
            break;
        case K::Global:
        case K::Nonlocal:
        case K::Pass:
            break;
        case K::Expr: {
            auto* e = s->as<ast::ExprStmt>();
            expr(e->value);
            if (m_interactive && u().scope->kind == ScopeKind::Module)
                emit(Op::PRINT_EXPR);
            else
                emit(Op::POP_TOP);
            break;
        }
        case K::Break:
            break_continue(s, true);
            break;
        case K::Continue:
            break_continue(s, false);
            break;
    }
}

void Compiler::function_def(const ast::FunctionDefBase* f) {
    for (auto* d : f->decorator_list) expr(d);
    make_function(f, f->name, f->args, &f->body, nullptr,
                  f->kind == ast::StmtKind::AsyncFunctionDef, f->line, f->returns);
    for (std::size_t i = 0; i < f->decorator_list.size(); ++i) {
        // Stack: [dec, NULL? ...]: decorators were pushed as plain values; call each.
        emit(Op::CALL, 1 | kCallNoSelfSlot);
    }
    store_name(f->name);
}

void Compiler::set_args(const ast::Arguments* a) {
    CodeObject* c = u().code;
    c->posonlyargcount = static_cast<int>(a->posonlyargs.size());
    c->argcount = static_cast<int>(a->posonlyargs.size() + a->args.size());
    c->kwonlyargcount = static_cast<int>(a->kwonlyargs.size());
    if (a->vararg) c->flags |= kCodeVarargs;
    if (a->kwarg) c->flags |= kCodeVarkeywords;
}

void Compiler::make_closure(Value code, uint32_t flags) {
    CodeObject* c = code_obj(code);
    if (!c->freevars.empty()) {
        for (Value fv : c->freevars) {
            std::string n(str_view(fv));
            int idx = deref_index(n);
            if (idx < 0) {
                fail(nullptr,
                     "internal error: free variable '" + n + "' not found in enclosing scope");
                return;
            }
            emit(Op::LOAD_CLOSURE, static_cast<uint32_t>(idx));
        }
        emit(Op::BUILD_TUPLE, static_cast<uint32_t>(c->freevars.size()));
        flags |= kMakeClosure;
    }
    emit(Op::LOAD_CONST, add_const(code));
    emit(Op::MAKE_FUNCTION, flags);
}

void Compiler::annotation(const ast::Expr* e) {
    if (future_annotations())
        load_const_str(unparse_annotation(e));
    else
        expr(e);
}

// Builds the __annotations__ dict of a def (evaluated now, or as strings
// under `from __future__ import annotations`). Returns false when there is none.
bool Compiler::annotations(const ast::Arguments* args, const ast::Expr* returns) {
    int n = 0;
    auto one = [&](const ast::Arg* a) {
        if (!a || !a->annotation) return;
        load_const_str(a->arg);
        annotation(a->annotation);
        ++n;
    };
    for (auto* a : args->posonlyargs) one(a);
    for (auto* a : args->args) one(a);
    one(args->vararg);
    for (auto* a : args->kwonlyargs) one(a);
    one(args->kwarg);
    if (returns) {
        load_const_str("return");
        annotation(returns);
        ++n;
    }
    if (n) emit(Op::BUILD_MAP, static_cast<uint32_t>(n));
    return n > 0;
}

void Compiler::make_function(const void* node, const std::string& name, const ast::Arguments* args,
                             const std::vector<ast::Stmt*>* body, const ast::Expr* lambda_body,
                             bool is_async, int line, const ast::Expr* returns) {
    uint32_t flags = 0;
    if (!args->defaults.empty()) {
        exprs(args->defaults);
        emit(Op::BUILD_TUPLE, static_cast<uint32_t>(args->defaults.size()));
        flags |= kMakeDefaults;
    }
    int nkw = 0;
    for (std::size_t i = 0; i < args->kwonlyargs.size(); ++i) {
        if (!args->kw_defaults[i]) continue;
        load_const_str(args->kwonlyargs[i]->arg);
        expr(args->kw_defaults[i]);
        ++nkw;
    }
    if (nkw) {
        emit(Op::BUILD_MAP, static_cast<uint32_t>(nkw));
        flags |= kMakeKwDefaults;
    }
    if (annotations(args, returns)) flags |= kMakeAnnotations;
    Scope* scope = m_symtable.scope_of(node);
    std::string qual = qualname_for(name, true);
    enter_unit(scope, name, qual, line);
    set_args(args);
    if (is_async && !(u().code->flags & (kCodeGenerator | kCodeAsyncGenerator)))
        u().code->flags |= kCodeCoroutine;
    if (is_async && (u().code->flags & kCodeGenerator)) {
        u().code->flags &= ~kCodeGenerator;
        u().code->flags |= kCodeAsyncGenerator;
    }
    if (body) {
        // The docstring is the function's first constant (CPython's convention).
        bool has_doc = !body->empty() && (*body)[0]->kind == ast::StmtKind::Expr &&
                       (*body)[0]->as<ast::ExprStmt>()->value->kind == ast::ExprKind::Constant &&
                       (*body)[0]->as<ast::ExprStmt>()->value->as<ast::Constant>()->value_kind ==
                           ast::ConstantKind::Str;
        if (has_doc)
            add_const(make_str(
                m_ts, (*body)[0]->as<ast::ExprStmt>()->value->as<ast::Constant>()->str_value));
        else
            const_none();
        stmts(*body);
        if (!u().unreachable) {
            emit(Op::LOAD_CONST, const_none());
            emit(Op::RETURN_VALUE);
        }
    } else {
        const_none();
        set_line(lambda_body);
        expr(lambda_body);
        emit(Op::RETURN_VALUE);
    }
    Value code = leave_unit();
    make_closure(code, flags);
}

void Compiler::class_def(const ast::ClassDef* c) {
    for (auto* d : c->decorator_list) expr(d);
    Scope* scope = m_symtable.scope_of(c);
    std::string qual = qualname_for(c->name, true);
    enter_unit(scope, c->name, qual, c->line);
    emit(Op::LOAD_NAME, add_name("__name__"));
    emit(Op::STORE_NAME, add_name("__module__"));
    load_const_str(qual);
    emit(Op::STORE_NAME, add_name("__qualname__"));
    if (!c->body.empty() && c->body[0]->kind == ast::StmtKind::Expr) {
        auto* e = c->body[0]->as<ast::ExprStmt>()->value;
        if (e->kind == ast::ExprKind::Constant &&
            e->as<ast::Constant>()->value_kind == ast::ConstantKind::Str) {
            expr(e);
            emit(Op::STORE_NAME, add_name("__doc__"));
        }
    }
    if (has_annotations(c->body)) emit(Op::SETUP_ANNOTATIONS);
    stmts(c->body);
    if (scope->needs_class_cell) {
        emit(Op::LOAD_CLOSURE, deref_index("__class__"));
        emit(Op::STORE_NAME, add_name("__classcell__"));
    }
    emit(Op::LOAD_CONST, const_none());
    emit(Op::RETURN_VALUE);
    Value code = leave_unit();
    make_closure(code, 0);
    load_const_str(c->name);
    // Bases (possibly starred) as a tuple, keywords as a dict.
    bool starred = std::any_of(c->bases.begin(), c->bases.end(),
                               [](auto* b) { return b->kind == ast::ExprKind::Starred; });
    if (starred) {
        starred_sequence(c->bases, Op::BUILD_LIST, Op::LIST_EXTEND, true);
    } else {
        exprs(c->bases);
        emit(Op::BUILD_TUPLE, static_cast<uint32_t>(c->bases.size()));
    }
    uint32_t has_kw = 0;
    if (!c->keywords.empty()) {
        has_kw = 1;
        emit(Op::BUILD_MAP, 0);
        for (auto* k : c->keywords) {
            if (k->arg) {
                load_const_str(*k->arg);
                expr(k->value);
                emit(Op::BUILD_MAP, 1);
                emit(Op::DICT_UPDATE, 1);
            } else {
                expr(k->value);
                emit(Op::DICT_MERGE, 1);
            }
        }
    }
    emit(Op::MAKE_CLASS, has_kw);
    for (std::size_t i = 0; i < c->decorator_list.size(); ++i) emit(Op::CALL, 1 | kCallNoSelfSlot);
    store_name(c->name);
}

void Compiler::return_stmt(const ast::Return* r) {
    Scope* s = u().scope;
    if (s->kind != ScopeKind::Function && s->kind != ScopeKind::Comprehension) {
        fail(r, "'return' outside function");
        return;
    }
    if (r->value && (u().code->flags & kCodeAsyncGenerator)) {
        fail(r, "'return' with value in async generator");
        return;
    }
    // CPython reports a constant's position, and otherwise the statement's.
    bool constant = r->value && r->value->kind == ast::ExprKind::Constant;
    if (leaves_except_star(constant ? static_cast<const ast::Node*>(r->value) : r, false)) return;
    if (r->value)
        expr(r->value);
    else
        emit(Op::LOAD_CONST, const_none());
    std::size_t mark = m_cut.size();
    unwind_blocks(false, true, nullptr);
    emit(Op::RETURN_VALUE);
    reopen_cut_handlers(mark);
}

void Compiler::reopen_cut_handlers(std::size_t mark) {
    for (std::size_t i = mark; i < m_cut.size(); ++i) reopen_handler(m_cut[i]);
    m_cut.resize(mark);
}

// `x: T = v`. At module and class level a simple name's annotation is
// evaluated (or, under PEP 563, un-parsed) and recorded in __annotations__,
// as CPython does; a complex target's annotation is evaluated and dropped,
// or under PEP 563 not even evaluated.
void Compiler::ann_assign(const ast::AnnAssign* a) {
    if (a->value) {
        expr(a->value);
        store_target(a->target);
    }
    ScopeKind k = u().scope->kind;
    if (k != ScopeKind::Module && k != ScopeKind::Class) return;
    if (a->simple && a->target->kind == ast::ExprKind::Name) {
        annotation(a->annotation);
        emit(Op::LOAD_NAME, add_name("__annotations__"));
        load_const_str(a->target->as<ast::Name>()->id);
        emit(Op::STORE_SUBSCR);
    } else if (!future_annotations()) {
        expr(a->annotation);
        emit(Op::POP_TOP);
    }
}

namespace {

// Whether a body (not counting nested scopes) has an annotated name.
bool has_annotations(const std::vector<ast::Stmt*>& body) {
    for (auto* s : body) {
        switch (s->kind) {
            case ast::StmtKind::AnnAssign:
                return true;
            case ast::StmtKind::If:
                if (has_annotations(s->as<ast::If>()->body) ||
                    has_annotations(s->as<ast::If>()->orelse))
                    return true;
                break;
            case ast::StmtKind::For:
            case ast::StmtKind::AsyncFor:
                if (has_annotations(static_cast<const ast::ForBase*>(s)->body)) return true;
                break;
            case ast::StmtKind::While:
                if (has_annotations(s->as<ast::While>()->body)) return true;
                break;
            case ast::StmtKind::Match:
                for (auto* c : s->as<ast::Match>()->cases)
                    if (has_annotations(c->body)) return true;
                break;
            case ast::StmtKind::With:
            case ast::StmtKind::AsyncWith:
                if (has_annotations(static_cast<const ast::WithBase*>(s)->body)) return true;
                break;
            case ast::StmtKind::Try: {
                auto* t = s->as<ast::Try>();
                if (has_annotations(t->body) || has_annotations(t->orelse) ||
                    has_annotations(t->finalbody))
                    return true;
                for (auto* h : t->handlers)
                    if (has_annotations(h->body)) return true;
                break;
            }
            default:
                break;
        }
    }
    return false;
}

}  // namespace

void Compiler::assign(const ast::Assign* a) {
    expr(a->value);
    for (std::size_t i = 0; i < a->targets.size(); ++i) {
        if (i + 1 < a->targets.size()) emit(Op::COPY, 1);
        store_target(a->targets[i]);
    }
}

namespace {

BinOp binop_of(ast::Operator op) {
    switch (op) {
        case ast::Operator::Add:
            return BinOp::Add;
        case ast::Operator::Sub:
            return BinOp::Sub;
        case ast::Operator::Mult:
            return BinOp::Mul;
        case ast::Operator::MatMult:
            return BinOp::MatMul;
        case ast::Operator::Div:
            return BinOp::TrueDiv;
        case ast::Operator::Mod:
            return BinOp::Mod;
        case ast::Operator::Pow:
            return BinOp::Pow;
        case ast::Operator::LShift:
            return BinOp::LShift;
        case ast::Operator::RShift:
            return BinOp::RShift;
        case ast::Operator::BitOr:
            return BinOp::Or;
        case ast::Operator::BitXor:
            return BinOp::Xor;
        case ast::Operator::BitAnd:
            return BinOp::And;
        case ast::Operator::FloorDiv:
            return BinOp::FloorDiv;
    }
    return BinOp::Add;
}

}  // namespace

uint32_t binop_arg(ast::Operator op) {
    return static_cast<uint32_t>(binop_of(op));
}

void Compiler::aug_assign(const ast::AugAssign* a) {
    const ast::Expr* t = a->target;
    uint32_t op = binop_arg(a->op);
    switch (t->kind) {
        case ast::ExprKind::Name:
            load_name(t->as<ast::Name>()->id);
            expr(a->value);
            emit(Op::INPLACE_OP, op);
            store_name(t->as<ast::Name>()->id);
            break;
        case ast::ExprKind::Attribute: {
            auto* at = t->as<ast::Attribute>();
            expr(at->value);
            emit(Op::COPY, 1);
            set_attr_line(at);
            emit(Op::LOAD_ATTR, add_name(at->attr));
            expr(a->value);
            emit(Op::INPLACE_OP, op);
            set_attr_line(at);
            emit(Op::STORE_ATTR_AUG, add_name(at->attr));  // [obj, result]
            break;
        }
        case ast::ExprKind::Subscript: {
            auto* s = t->as<ast::Subscript>();
            expr(s->value);
            expr(s->slice);
            emit(Op::DUP_TOP_TWO);
            emit(Op::BINARY_SUBSCR);
            expr(a->value);
            emit(Op::INPLACE_OP, op);
            emit(Op::STORE_SUBSCR_AUG);  // [obj, key, result]
            break;
        }
        default:
            fail(t, "'" + std::string("expression") +
                        "' is an illegal expression for augmented assignment");
    }
}

void Compiler::for_stmt(const ast::ForBase* f) {
    bool is_async = f->kind == ast::StmtKind::AsyncFor;
    Label start = new_label(), cleanup = new_label(), end = new_label();
    expr(f->iter);
    emit(is_async ? Op::GET_AITER : Op::GET_ITER);
    bind(start);
    if (is_async) {
        // async for: await anext(it); StopAsyncIteration ends the loop.
        Label body_start = new_label(), body_end = new_label(), handler = new_label();
        bind(body_start);
        add_handler(body_start, body_end, handler, stack_depth());
        emit(Op::GET_ANEXT);
        emit(Op::LOAD_CONST, const_none());
        yield_from(nullptr, true);
        bind(body_end);
        store_target(f->target);
        u().fblocks.push_back({BlockKind::ForLoop, start, end});
        stmts(f->body);
        u().fblocks.pop_back();
        emit_jump(Op::JUMP_BACKWARD, start);
        bind(handler);
        emit(Op::END_ASYNC_FOR);
        stmts(f->orelse);
        bind(end);
        (void)cleanup;
        return;
    }
    emit_jump(Op::FOR_ITER, cleanup);
    store_target(f->target);
    u().fblocks.push_back({BlockKind::ForLoop, start, end});
    stmts(f->body);
    u().fblocks.pop_back();
    emit_jump(Op::JUMP_BACKWARD, start);
    bind(cleanup);
    stmts(f->orelse);
    bind(end);
}

void Compiler::while_stmt(const ast::While* w) {
    Label start = new_label(), orelse = new_label(), end = new_label();
    bind(start);
    jump_if(w->test, false, orelse);
    u().fblocks.push_back({BlockKind::WhileLoop, start, end});
    stmts(w->body);
    u().fblocks.pop_back();
    emit_jump(Op::JUMP_BACKWARD, start);
    bind(orelse);
    stmts(w->orelse);
    bind(end);
}

void Compiler::if_stmt(const ast::If* i) {
    Label orelse = new_label(), end = new_label();
    jump_if(i->test, false, orelse);
    stmts(i->body);
    if (!i->orelse.empty()) {
        if (!u().unreachable) emit_jump(Op::JUMP, end);
        bind(orelse);
        stmts(i->orelse);
    } else {
        bind(orelse);
    }
    bind(end);
}

void Compiler::emit_with_exit_none(bool is_async) {
    // Stack: [..., exit, self or NULL] -> call exit(None, None, None) (and
    // await it for `async with`), then drop the result.
    emit(Op::LOAD_CONST, const_none());
    emit(Op::LOAD_CONST, const_none());
    emit(Op::LOAD_CONST, const_none());
    emit(Op::CALL, 3);
    if (is_async) {
        emit(Op::GET_AWAITABLE);
        emit(Op::LOAD_CONST, const_none());
        yield_from(nullptr, true);
    }
    emit(Op::POP_TOP);
}

void Compiler::with_stmt(const ast::WithBase* w, std::size_t item) {
    bool is_async = w->kind == ast::StmtKind::AsyncWith;
    const ast::WithItem* it = w->items[item];
    Label body = new_label(), body_end = new_label(), handler = new_label(), cleanup = new_label(),
          end = new_label(), suppress = new_label();
    set_line(it->context_expr);
    expr(it->context_expr);
    emit(is_async ? Op::BEFORE_ASYNC_WITH : Op::BEFORE_WITH);
    if (is_async) {
        emit(Op::GET_AWAITABLE);
        emit(Op::LOAD_CONST, const_none());
        yield_from(nullptr, true);
    }
    int depth = stack_depth() - 1;  // exit and its self stay below the body
    bind(body);
    int h = add_handler(body, body_end, handler, depth);
    if (it->optional_vars)
        store_target(it->optional_vars);
    else
        emit(Op::POP_TOP);
    u().fblocks.push_back(
        {is_async ? BlockKind::AsyncWith : BlockKind::With, body, end, nullptr, nullptr, h});
    if (item + 1 < w->items.size())
        with_stmt(w, item + 1);
    else
        stmts(w->body);
    u().fblocks.pop_back();
    bind(body_end);
    if (!u().unreachable) {
        emit_with_exit_none(is_async);
        emit_jump(Op::JUMP, end);
    }
    // Exceptional exit: [exit, self, exc] -> exit(type, exc, tb); a true result suppresses.
    bind(handler);
    emit(Op::PUSH_EXC_INFO);  // [exit, self, prev, exc]
    Label h_start = new_label(), h_end = new_label();
    bind(h_start);
    add_handler(h_start, h_end, cleanup, depth + 1);
    emit(Op::WITH_EXCEPT_START);  // [exit, self, prev, exc, res]
    if (is_async) {
        emit(Op::GET_AWAITABLE);
        emit(Op::LOAD_CONST, const_none());
        yield_from(nullptr, true);
    }
    emit_jump(Op::POP_JUMP_IF_TRUE, suppress);
    emit(Op::RERAISE);
    bind(suppress);
    emit(Op::POP_TOP);     // exc
    emit(Op::POP_EXCEPT);  // prev -> exc_info
    bind(h_end);
    emit(Op::POP_TOP);  // self
    emit(Op::POP_TOP);  // exit
    emit_jump(Op::JUMP, end);
    bind(cleanup);  // [exit, self, prev, exc2]
    emit(Op::SWAP, 2);
    emit(Op::POP_EXCEPT);
    emit(Op::RERAISE);
    bind(end);
}

void Compiler::assert_stmt(const ast::Assert* a) {
    Label end = new_label();
    jump_if(a->test, true, end);
    emit(Op::LOAD_ASSERTION_ERROR);
    if (a->msg) {
        expr(a->msg);
        emit(Op::CALL, 1 | kCallNoSelfSlot);
    }
    emit(Op::RAISE_VARARGS, 1);
    bind(end);
}

void Compiler::import_stmt(const ast::Import* i) {
    for (auto* a : i->names) {
        emit(Op::LOAD_CONST, const_int(0));
        emit(Op::LOAD_CONST, const_none());
        emit(Op::IMPORT_NAME, add_name(a->name));
        if (a->asname) {
            // `import a.b.c as d` binds the submodule: walk the attributes.
            std::size_t dot = a->name.find('.');
            while (dot != std::string::npos) {
                std::size_t next = a->name.find('.', dot + 1);
                std::string part = a->name.substr(
                    dot + 1, next == std::string::npos ? std::string::npos : next - dot - 1);
                emit(Op::IMPORT_FROM, add_name(part));
                emit(Op::SWAP, 2);
                emit(Op::POP_TOP);
                dot = next;
            }
            store_name(*a->asname);
        } else {
            store_name(a->name.substr(0, a->name.find('.')));
        }
    }
}

void Compiler::import_from(const ast::ImportFrom* i) {
    // The future statements the future pass accepted all lie on or before
    // its last line; any other one is misplaced.
    if (i->level == 0 && i->module && *i->module == "__future__" && i->line > m_future.last_line) {
        fail(i, "from __future__ imports must occur at the beginning of the file");
        return;
    }
    emit(Op::LOAD_CONST, const_int(i->level));
    Value names = tuple_new(m_ts, i->names.size());
    for (std::size_t k = 0; k < i->names.size(); ++k)
        tuple_obj(names)->items[k] = make_str(m_ts, i->names[k]->name);
    emit(Op::LOAD_CONST, add_const(names));
    emit(Op::IMPORT_NAME, add_name(i->module ? *i->module : ""));
    if (i->names.size() == 1 && i->names[0]->name == "*") {
        emit(Op::IMPORT_STAR);
        return;
    }
    for (auto* a : i->names) {
        emit(Op::IMPORT_FROM, add_name(a->name));
        store_name(a->asname ? *a->asname : a->name);
    }
    emit(Op::POP_TOP);
}

// --- stack effects ---

int stack_effect(Op op, uint32_t arg, bool jump) {
    switch (op) {
        case Op::BUILD_SLICE:
            return 1 - static_cast<int>(arg);
        case Op::BUILD_TUPLE:
        case Op::BUILD_LIST:
        case Op::BUILD_SET:
        case Op::BUILD_STRING:
            return 1 - static_cast<int>(arg);
        case Op::BUILD_MAP:
            return 1 - 2 * static_cast<int>(arg);
        case Op::FORMAT_VALUE:
            return (arg & kFormatHasSpec) ? -1 : 0;
        case Op::UNPACK_SEQUENCE:
            return static_cast<int>(arg) - 1;
        case Op::UNPACK_EX:
            return static_cast<int>((arg & 0xFF) + (arg >> 8));
        case Op::JUMP_IF_FALSE_OR_POP:
        case Op::JUMP_IF_TRUE_OR_POP:
            return jump ? 0 : -1;
        case Op::FOR_ITER:
            return jump ? -1 : 1;
        case Op::SEND:
            return jump ? -1 : 0;
        case Op::MAKE_FUNCTION:
            return -(((arg & kMakeDefaults) ? 1 : 0) + ((arg & kMakeKwDefaults) ? 1 : 0) +
                     ((arg & kMakeAnnotations) ? 1 : 0) + ((arg & kMakeClosure) ? 1 : 0));
        case Op::MAKE_CLASS:
            return -2 - static_cast<int>(arg);
        case Op::CALL:
            if (arg & kCallNoSelfSlot) return -static_cast<int>(arg & 0xFFFF);
            return -1 - static_cast<int>(arg & 0xFFFF);
        case Op::CALL_KW:
            return -2 - static_cast<int>(arg);
        case Op::CALL_EX:
            return (arg & 1) ? -3 : -2;
        case Op::RAISE_VARARGS:
            return -static_cast<int>(arg);
        default:
            return kOpEffects[static_cast<int>(op)];
    }
}

// --- entry point ---

Value compile_ast(ThreadState& ts, const ast::Module& module, std::string_view filename,
                  uint32_t future_flags) {
    Compiler c(ts, std::string(filename), future_flags);
    Value code = c.compile(module);
    return code;
}

}  // namespace gilt
