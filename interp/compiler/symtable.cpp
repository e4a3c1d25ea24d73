// The scope pass (see symtable.hpp for the rules).
#include "interp/compiler/symtable.hpp"

#include <algorithm>
#include <utility>

namespace gilt {

NameScope Scope::lookup(const std::string& n) const {
    if (globals.count(n)) return NameScope::GlobalExplicit;
    if (cells.count(n)) return NameScope::Cell;
    if (frees.count(n)) return NameScope::Free;
    if (kind == ScopeKind::Module) return NameScope::GlobalImplicit;
    if (kind == ScopeKind::Class)
        return bound.count(n) ? NameScope::ClassLocal : NameScope::GlobalImplicit;
    if (bound.count(n)) return NameScope::Local;
    return NameScope::GlobalImplicit;
}

Scope* SymbolTable::scope_of(const void* node) const {
    auto it = m_by_node.find(node);
    return it == m_by_node.end() ? nullptr : it->second;
}

// Pass 1 collects bindings and uses per scope; pass 2 (analyze) resolves.
class SymtableBuilder {
public:
    SymtableBuilder(SymbolTable& t, std::optional<SyntaxErrorInfo>* err, bool future_annotations)
        : m_table(t), m_error(err), m_future_annotations(future_annotations) {}

    bool run(const ast::Module& m) {
        m_table.m_root = std::make_unique<Scope>();
        m_table.m_root->kind = ScopeKind::Module;
        m_table.m_root->name = "<module>";
        m_cur = m_table.m_root.get();
        if (m.expression) visit_expr(m.expression);
        for (auto* s : m.body) visit_stmt(s);
        if (m_failed) return false;
        analyze(m_table.m_root.get(), {});
        return !m_failed;
    }

private:
    void fail(const ast::Node* n, const std::string& msg) {
        if (m_failed) return;
        m_failed = true;
        SyntaxErrorInfo e;
        e.msg = msg;
        e.line = n ? n->line : 0;
        e.col = n ? n->col + 1 : 0;
        e.end_line = n ? n->end_line : 0;
        e.end_col = n ? n->end_col + 1 : 0;
        *m_error = e;
    }

    Scope* push(ScopeKind kind, const std::string& name, const void* node) {
        auto s = std::make_unique<Scope>();
        s->kind = kind;
        s->name = name;
        s->parent = m_cur;
        Scope* raw = s.get();
        m_cur->children.push_back(std::move(s));
        m_table.m_by_node[node] = raw;
        m_cur = raw;
        return raw;
    }
    void pop() { m_cur = m_cur->parent; }

    void bind(const std::string& n, const ast::Node* where) {
        if (m_cur->kind != ScopeKind::Module && m_cur->kind != ScopeKind::Class &&
            !m_cur->bound.count(n) && !m_cur->globals.count(n) && !m_cur->nonlocals.count(n)) {
            m_cur->local_order.push_back(n);
        }
        (void)where;
        m_cur->bound.insert(n);
    }
    void use(const std::string& n) {
        m_cur->used.insert(n);
        if (n == "super" || n == "__class__") m_cur->uses_class_cell = true;
    }

    void visit_args(const ast::Arguments* a) {
        auto param = [&](const ast::Arg* x) {
            if (std::find(m_cur->params.begin(), m_cur->params.end(), x->arg) !=
                m_cur->params.end()) {
                fail(x, "duplicate argument '" + x->arg + "' in function definition");
            }
            m_cur->params.push_back(x->arg);
            m_cur->bound.insert(x->arg);
        };
        // CPython's co_varnames order: positional, keyword-only, *args, **kwargs.
        for (auto* x : a->posonlyargs) param(x);
        for (auto* x : a->args) param(x);
        for (auto* x : a->kwonlyargs) param(x);
        if (a->vararg) param(a->vararg);
        if (a->kwarg) param(a->kwarg);
    }

    void visit_defaults(const ast::Arguments* a) {
        for (auto* d : a->defaults) visit_expr(d);
        for (auto* d : a->kw_defaults)
            if (d) visit_expr(d);
    }

    void visit_body(const std::vector<ast::Stmt*>& body) {
        for (auto* s : body) visit_stmt(s);
    }

    // Without PEP 563 an annotation is evaluated where it stands (the scope
    // enclosing a def, or a module or class body). Under it, the annotation
    // is only un-parsed: its names must not touch the enclosing scope, so it
    // is visited in a scope of its own that the compiler never sees (CPython's
    // annotation block), which also refuses yield, await and `:=`.
    void visit_annotation(const ast::Expr* e) {
        if (!e) return;
        if (!m_future_annotations) {
            visit_expr(e);
            return;
        }
        auto block = std::make_unique<Scope>();
        block->kind = ScopeKind::Function;
        block->name = "_annotation";
        block->parent = m_cur;
        Scope* saved = std::exchange(m_cur, block.get());
        Scope* saved_block = std::exchange(m_annotation_block, block.get());
        visit_expr(e);
        m_annotation_block = saved_block;
        m_cur = saved;
        m_detached.push_back(std::move(block));
    }

    void visit_arg_annotations(const ast::FunctionDefBase* f) {
        const ast::Arguments* a = f->args;
        for (auto* x : a->posonlyargs) visit_annotation(x->annotation);
        for (auto* x : a->args) visit_annotation(x->annotation);
        if (a->vararg) visit_annotation(a->vararg->annotation);
        for (auto* x : a->kwonlyargs) visit_annotation(x->annotation);
        if (a->kwarg) visit_annotation(a->kwarg->annotation);
        visit_annotation(f->returns);
    }

    // Expressions PEP 563 refuses directly inside an annotation.
    bool refused_in_annotation(const ast::Expr* e) {
        const char* what = nullptr;
        switch (e->kind) {
            case ast::ExprKind::Yield:
            case ast::ExprKind::YieldFrom:
                what = "yield expression";
                break;
            case ast::ExprKind::Await:
                what = "await expression";
                break;
            case ast::ExprKind::NamedExpr:
                what = "named expression";
                break;
            default:
                return false;
        }
        fail(e, std::string("'") + what + "' can not be used within an annotation");
        return true;
    }

    void visit_function(const ast::FunctionDefBase* f) {
        for (auto* d : f->decorator_list) visit_expr(d);
        visit_defaults(f->args);
        visit_arg_annotations(f);
        bind(f->name, f);
        Scope* s = push(ScopeKind::Function, f->name, f);
        s->is_coroutine = f->kind == ast::StmtKind::AsyncFunctionDef;
        visit_args(f->args);
        visit_body(f->body);
        pop();
    }

    void visit_stmt(const ast::Stmt* st) {
        using K = ast::StmtKind;
        switch (st->kind) {
            case K::FunctionDef:
            case K::AsyncFunctionDef:
                visit_function(static_cast<const ast::FunctionDefBase*>(st));
                break;
            case K::ClassDef: {
                auto* c = st->as<ast::ClassDef>();
                for (auto* d : c->decorator_list) visit_expr(d);
                for (auto* b : c->bases) visit_expr(b);
                for (auto* k : c->keywords) visit_expr(k->value);
                bind(c->name, c);
                push(ScopeKind::Class, c->name, c);
                visit_body(c->body);
                pop();
                break;
            }
            case K::Return:
                if (auto* v = st->as<ast::Return>()->value) visit_expr(v);
                break;
            case K::Delete:
                for (auto* t : st->as<ast::Delete>()->targets) visit_expr(t);
                break;
            case K::Assign: {
                auto* a = st->as<ast::Assign>();
                visit_expr(a->value);
                for (auto* t : a->targets) visit_expr(t);
                break;
            }
            case K::AugAssign: {
                auto* a = st->as<ast::AugAssign>();
                visit_expr(a->value);
                if (a->target->kind == ast::ExprKind::Name) use(a->target->as<ast::Name>()->id);
                visit_expr(a->target);
                break;
            }
            case K::AnnAssign: {
                auto* a = st->as<ast::AnnAssign>();
                if (a->target->kind == ast::ExprKind::Name) {
                    const std::string& n = a->target->as<ast::Name>()->id;
                    if (m_cur->globals.count(n) || m_cur->nonlocals.count(n)) {
                        fail(a, "annotated name '" + n + "' can't be " +
                                    (m_cur->globals.count(n) ? "global" : "nonlocal"));
                    }
                }
                // Module and class bodies evaluate the annotation (compiler's
                // ann_assign), so its lambdas and comprehensions need scopes.
                if (m_future_annotations || m_cur->kind == ScopeKind::Module ||
                    m_cur->kind == ScopeKind::Class)
                    visit_annotation(a->annotation);
                if (a->value) visit_expr(a->value);
                if (a->value || a->target->kind != ast::ExprKind::Name)
                    visit_expr(a->target);
                else if (m_cur->kind != ScopeKind::Module && m_cur->kind != ScopeKind::Class)
                    bind(a->target->as<ast::Name>()->id, a);  // `x: int` makes x local
                break;
            }
            case K::For:
            case K::AsyncFor: {
                auto* f = static_cast<const ast::ForBase*>(st);
                visit_expr(f->iter);
                visit_expr(f->target);
                visit_body(f->body);
                visit_body(f->orelse);
                break;
            }
            case K::While: {
                auto* w = st->as<ast::While>();
                visit_expr(w->test);
                visit_body(w->body);
                visit_body(w->orelse);
                break;
            }
            case K::If: {
                auto* i = st->as<ast::If>();
                visit_expr(i->test);
                visit_body(i->body);
                visit_body(i->orelse);
                break;
            }
            case K::With:
            case K::AsyncWith: {
                auto* w = static_cast<const ast::WithBase*>(st);
                for (auto* it : w->items) {
                    visit_expr(it->context_expr);
                    if (it->optional_vars) visit_expr(it->optional_vars);
                }
                visit_body(w->body);
                break;
            }
            case K::Raise: {
                auto* r = st->as<ast::Raise>();
                if (r->exc) visit_expr(r->exc);
                if (r->cause) visit_expr(r->cause);
                break;
            }
            case K::Try: {
                auto* t = st->as<ast::Try>();
                visit_body(t->body);
                for (auto* h : t->handlers) {
                    if (h->type) visit_expr(h->type);
                    if (h->name) bind(*h->name, h);
                    visit_body(h->body);
                }
                visit_body(t->orelse);
                visit_body(t->finalbody);
                break;
            }
            case K::Assert: {
                auto* a = st->as<ast::Assert>();
                visit_expr(a->test);
                if (a->msg) visit_expr(a->msg);
                break;
            }
            case K::Import:
                for (auto* a : st->as<ast::Import>()->names) {
                    std::string n = a->asname ? *a->asname : a->name.substr(0, a->name.find('.'));
                    bind(n, a);
                }
                break;
            case K::ImportFrom:
                for (auto* a : st->as<ast::ImportFrom>()->names) {
                    if (a->name == "*") {
                        if (m_cur->kind != ScopeKind::Module)
                            fail(st, "import * only allowed at module level");
                        continue;
                    }
                    bind(a->asname ? *a->asname : a->name, a);
                }
                break;
            case K::Global:
                for (auto& n : st->as<ast::Global>()->names) {
                    if (std::find(m_cur->params.begin(), m_cur->params.end(), n) !=
                        m_cur->params.end()) {
                        fail(st, "name '" + n + "' is parameter and global");
                    } else if (m_cur->nonlocals.count(n)) {
                        fail(m_directive_at[{m_cur, n}], "name '" + n + "' is nonlocal and global");
                    } else if (m_cur->bound.count(n) || m_cur->used.count(n)) {
                        fail(st,
                             "name '" + n + "' is " +
                                 (m_cur->bound.count(n) ? "assigned to before" : "used prior to") +
                                 " global declaration");
                    }
                    m_cur->globals.insert(n);
                    m_directive_at.emplace(std::make_pair(m_cur, n), st);
                }
                break;
            case K::Nonlocal:
                for (auto& n : st->as<ast::Nonlocal>()->names) {
                    if (m_cur->kind == ScopeKind::Module) {
                        fail(st, "nonlocal declaration not allowed at module level");
                    } else if (std::find(m_cur->params.begin(), m_cur->params.end(), n) !=
                               m_cur->params.end()) {
                        fail(st, "name '" + n + "' is parameter and nonlocal");
                    } else if (m_cur->globals.count(n)) {
                        fail(m_directive_at[{m_cur, n}], "name '" + n + "' is nonlocal and global");
                    } else if (m_cur->bound.count(n) || m_cur->used.count(n)) {
                        fail(st,
                             "name '" + n + "' is " +
                                 (m_cur->bound.count(n) ? "assigned to before" : "used prior to") +
                                 " nonlocal declaration");
                    }
                    m_cur->nonlocals.insert(n);
                    m_directive_at.emplace(std::make_pair(m_cur, n), st);
                }
                break;
            case K::Expr:
                visit_expr(st->as<ast::ExprStmt>()->value);
                break;
            case K::Pass:
            case K::Break:
            case K::Continue:
                break;
            case K::Match: {
                auto* m = st->as<ast::Match>();
                visit_expr(m->subject);
                for (auto* c : m->cases) {
                    visit_pattern(c->pattern);
                    if (c->guard) visit_expr(c->guard);
                    visit_body(c->body);
                }
                break;
            }
        }
    }

    // Captures bind names; values, keys and class names are loads.
    void visit_pattern(const ast::Pattern* p) {
        using K = ast::PatternKind;
        switch (p->kind) {
            case K::MatchValue:
                visit_expr(p->as<ast::MatchValue>()->value);
                break;
            case K::MatchSingleton:
                break;
            case K::MatchSequence:
                for (auto* q : p->as<ast::MatchSequence>()->patterns) visit_pattern(q);
                break;
            case K::MatchMapping: {
                auto* m = p->as<ast::MatchMapping>();
                for (auto* k : m->keys) visit_expr(k);
                for (auto* q : m->patterns) visit_pattern(q);
                if (m->rest) bind(*m->rest, p);
                break;
            }
            case K::MatchClass: {
                auto* c = p->as<ast::MatchClass>();
                visit_expr(c->cls);
                for (auto* q : c->patterns) visit_pattern(q);
                for (auto* q : c->kwd_patterns) visit_pattern(q);
                break;
            }
            case K::MatchStar:
                if (auto& n = p->as<ast::MatchStar>()->name) bind(*n, p);
                break;
            case K::MatchAs: {
                auto* a = p->as<ast::MatchAs>();
                if (a->pattern) visit_pattern(a->pattern);
                if (a->name) bind(*a->name, p);
                break;
            }
            case K::MatchOr:
                for (auto* q : p->as<ast::MatchOr>()->patterns) visit_pattern(q);
                break;
        }
    }

    // A comprehension's iterable, where CPython forbids a walrus.
    void visit_comp_iter(const ast::Expr* iter) {
        bool saved = m_in_comp_iter;
        m_in_comp_iter = true;
        visit_expr(iter);
        m_in_comp_iter = saved;
    }

    static void target_names(const ast::Expr* t, std::set<std::string>& out) {
        if (t->kind == ast::ExprKind::Name) {
            out.insert(t->as<ast::Name>()->id);
        } else if (t->kind == ast::ExprKind::Tuple) {
            for (auto* x : t->as<ast::Tuple>()->elts) target_names(x, out);
        } else if (t->kind == ast::ExprKind::List) {
            for (auto* x : t->as<ast::List>()->elts) target_names(x, out);
        } else if (t->kind == ast::ExprKind::Starred) {
            target_names(t->as<ast::Starred>()->value, out);
        }
    }

    void visit_comprehension(const ast::Expr* node, const std::vector<ast::Comprehension*>& gens,
                             const ast::Expr* elt, const ast::Expr* value, const char* label) {
        const bool is_gen = label[0] == 'g';
        visit_comp_iter(gens[0]->iter);
        bool saved_iter = std::exchange(m_in_comp_iter, false);
        Scope* s = push(ScopeKind::Comprehension, "<comp>", node);
        m_comp_label[s] = label;
        s->params.push_back(".0");
        s->bound.insert(".0");
        s->is_generator = is_gen;
        for (std::size_t i = 0; i < gens.size(); ++i) {
            if (i > 0) visit_comp_iter(gens[i]->iter);
            if (gens[i]->is_async) s->is_coroutine = true;
            target_names(gens[i]->target, m_iter_vars[s]);
            visit_expr(gens[i]->target);
            for (auto* c : gens[i]->ifs) visit_expr(c);
        }
        if (elt) visit_expr(elt);
        if (value) visit_expr(value);
        pop();
        m_in_comp_iter = saved_iter;
        // CPython: an async comprehension (other than a generator expression)
        // only inside an async function or another comprehension.
        if (s->is_coroutine && !is_gen && m_cur->kind != ScopeKind::Comprehension &&
            !(m_cur->kind == ScopeKind::Function && m_cur->is_coroutine)) {
            fail(node, "asynchronous comprehension outside of an asynchronous function");
        }
    }

    // The checks CPython's symtable makes on `target := value` inside
    // comprehensions.
    void check_named_expr(const ast::NamedExpr* n, const std::string& id) {
        if (m_in_comp_iter) {
            fail(n, "assignment expression cannot be used in a comprehension iterable expression");
            return;
        }
        for (Scope* c = m_cur; c->kind == ScopeKind::Comprehension; c = c->parent) {
            if (m_iter_vars[c].count(id)) {
                fail(n, "assignment expression cannot rebind comprehension iteration variable '" +
                            id + "'");
                return;
            }
            if (c->parent->kind == ScopeKind::Class) {
                fail(n,
                     "assignment expression within a comprehension cannot be used in a class body");
                return;
            }
        }
    }

    void visit_expr(const ast::Expr* e) {
        using K = ast::ExprKind;
        if (m_cur == m_annotation_block && refused_in_annotation(e)) return;
        switch (e->kind) {
            case K::BoolOp:
                for (auto* v : e->as<ast::BoolOp>()->values) visit_expr(v);
                break;
            case K::NamedExpr: {
                auto* n = e->as<ast::NamedExpr>();
                visit_expr(n->value);
                // The target binds in the nearest enclosing non-comprehension scope;
                // the comprehensions in between see it as global (module level) or
                // as a free variable (function level).
                Scope* saved = m_cur;
                const std::string& id = n->target->as<ast::Name>()->id;
                check_named_expr(n, id);
                Scope* owner = m_cur;
                while (owner->kind == ScopeKind::Comprehension) owner = owner->parent;
                while (m_cur->kind == ScopeKind::Comprehension) {
                    if (owner->kind == ScopeKind::Module)
                        m_cur->globals.insert(id);
                    else
                        m_cur->nonlocals.insert(id);
                    m_cur = m_cur->parent;
                }
                bind(id, n);
                m_cur = saved;
                break;
            }
            case K::BinOp:
                visit_expr(e->as<ast::BinOp>()->left);
                visit_expr(e->as<ast::BinOp>()->right);
                break;
            case K::UnaryOp:
                visit_expr(e->as<ast::UnaryOp>()->operand);
                break;
            case K::Lambda: {
                auto* l = e->as<ast::Lambda>();
                visit_defaults(l->args);
                push(ScopeKind::Function, "<lambda>", l);
                bool saved_iter = std::exchange(m_in_comp_iter, false);
                visit_args(l->args);
                visit_expr(l->body);
                m_in_comp_iter = saved_iter;
                pop();
                break;
            }
            case K::IfExp:
                visit_expr(e->as<ast::IfExp>()->test);
                visit_expr(e->as<ast::IfExp>()->body);
                visit_expr(e->as<ast::IfExp>()->orelse);
                break;
            case K::Dict: {
                auto* d = e->as<ast::Dict>();
                for (std::size_t i = 0; i < d->keys.size(); ++i) {
                    if (d->keys[i]) visit_expr(d->keys[i]);
                    visit_expr(d->values[i]);
                }
                break;
            }
            case K::Set:
                for (auto* x : e->as<ast::Set>()->elts) visit_expr(x);
                break;
            case K::ListComp:
                visit_comprehension(e, e->as<ast::ListComp>()->generators,
                                    e->as<ast::ListComp>()->elt, nullptr, "list comprehension");
                break;
            case K::SetComp:
                visit_comprehension(e, e->as<ast::SetComp>()->generators,
                                    e->as<ast::SetComp>()->elt, nullptr, "set comprehension");
                break;
            case K::DictComp:
                visit_comprehension(e, e->as<ast::DictComp>()->generators,
                                    e->as<ast::DictComp>()->key, e->as<ast::DictComp>()->value,
                                    "dict comprehension");
                break;
            case K::GeneratorExp:
                visit_comprehension(e, e->as<ast::GeneratorExp>()->generators,
                                    e->as<ast::GeneratorExp>()->elt, nullptr,
                                    "generator expression");
                break;
            case K::Await:
                m_cur->is_coroutine =
                    m_cur->is_coroutine || m_cur->kind == ScopeKind::Comprehension;
                visit_expr(e->as<ast::Await>()->value);
                break;
            case K::Yield:
                check_yield(e);
                m_cur->is_generator = true;
                if (auto* v = e->as<ast::Yield>()->value) visit_expr(v);
                break;
            case K::YieldFrom:
                check_yield(e);
                m_cur->is_generator = true;
                visit_expr(e->as<ast::YieldFrom>()->value);
                break;
            case K::Compare:
                visit_expr(e->as<ast::Compare>()->left);
                for (auto* c : e->as<ast::Compare>()->comparators) visit_expr(c);
                break;
            case K::Call: {
                auto* c = e->as<ast::Call>();
                visit_expr(c->func);
                for (auto* a : c->args) visit_expr(a);
                std::set<std::string> seen;
                for (auto* k : c->keywords) {
                    if (k->arg && !seen.insert(*k->arg).second)
                        fail(k, "keyword argument repeated: " + *k->arg);
                    visit_expr(k->value);
                }
                break;
            }
            case K::FormattedValue:
                visit_expr(e->as<ast::FormattedValue>()->value);
                if (auto* s = e->as<ast::FormattedValue>()->format_spec) visit_expr(s);
                break;
            case K::JoinedStr:
                for (auto* v : e->as<ast::JoinedStr>()->values) visit_expr(v);
                break;
            case K::Constant:
                break;
            case K::Attribute:
                visit_expr(e->as<ast::Attribute>()->value);
                break;
            case K::Subscript:
                visit_expr(e->as<ast::Subscript>()->value);
                visit_expr(e->as<ast::Subscript>()->slice);
                break;
            case K::Starred:
                visit_expr(e->as<ast::Starred>()->value);
                break;
            case K::Name: {
                auto* n = e->as<ast::Name>();
                if (n->ctx == ast::ExprContext::Load)
                    use(n->id);
                else
                    bind(n->id, n);
                break;
            }
            case K::List:
                for (auto* x : e->as<ast::List>()->elts) visit_expr(x);
                break;
            case K::Tuple:
                for (auto* x : e->as<ast::Tuple>()->elts) visit_expr(x);
                break;
            case K::Slice: {
                auto* s = e->as<ast::Slice>();
                if (s->lower) visit_expr(s->lower);
                if (s->upper) visit_expr(s->upper);
                if (s->step) visit_expr(s->step);
                break;
            }
        }
    }

    void check_yield(const ast::Expr* e) {
        if (m_cur->kind == ScopeKind::Comprehension)
            fail(e, std::string("'yield' inside ") + m_comp_label[m_cur]);
    }

    bool function_like(const Scope* s) const {
        return s->kind == ScopeKind::Function || s->kind == ScopeKind::Comprehension;
    }

    // Resolves `s` given the names bound by enclosing functions.
    void analyze(Scope* s, const std::set<std::string>& enclosing) {
        if (function_like(s)) {
            for (auto& n : s->nonlocals) {
                if (!enclosing.count(n)) {
                    auto at = m_directive_at.find({s, n});
                    fail(at == m_directive_at.end() ? nullptr : at->second,
                         "no binding for nonlocal '" + n + "' found");
                    return;
                }
                s->frees.insert(n);
            }
            for (auto& n : s->globals) s->bound.erase(n);
            for (auto& n : s->nonlocals) s->bound.erase(n);
            s->local_order.erase(
                std::remove_if(s->local_order.begin(), s->local_order.end(),
                               [&](const std::string& n) { return !s->bound.count(n); }),
                s->local_order.end());
        }
        std::set<std::string> inner = enclosing;
        if (function_like(s)) inner.insert(s->bound.begin(), s->bound.end());
        if (s->kind == ScopeKind::Class) inner.insert("__class__");
        std::set<std::string> child_free;
        for (auto& c : s->children) {
            analyze(c.get(), inner);
            child_free.insert(c->frees.begin(), c->frees.end());
            if (s->kind == ScopeKind::Class && c->uses_class_cell) s->needs_class_cell = true;
        }
        for (auto& n : child_free) {
            if (function_like(s) && s->bound.count(n)) {
                s->cells.insert(n);
            } else if (s->kind == ScopeKind::Class && n == "__class__") {
                s->needs_class_cell = true;
            } else if (enclosing.count(n) && !s->globals.count(n)) {
                s->frees.insert(n);
            }
        }
        if (function_like(s)) {
            for (auto& n : s->used) {
                if (!s->bound.count(n) && !s->globals.count(n) && enclosing.count(n))
                    s->frees.insert(n);
            }
            if (s->uses_class_cell && enclosing.count("__class__")) s->frees.insert("__class__");
        } else if (s->kind == ScopeKind::Class) {
            for (auto& n : s->used) {
                if (!s->globals.count(n) && enclosing.count(n) && n != "__class__")
                    s->frees.insert(n);
            }
        }
    }

    SymbolTable& m_table;
    std::optional<SyntaxErrorInfo>* m_error;
    Scope* m_cur = nullptr;
    bool m_failed = false;
    bool m_future_annotations = false;
    Scope* m_annotation_block = nullptr;             // the PEP 563 block being visited
    std::vector<std::unique_ptr<Scope>> m_detached;  // annotation blocks, never compiled
    // Where each scope first declared a name global or nonlocal (errors point there).
    std::map<std::pair<const Scope*, std::string>, const ast::Node*> m_directive_at;
    // What each comprehension scope is ("list comprehension", ...), and the
    // names its `for` targets bind, which a walrus inside may not rebind.
    std::map<const Scope*, const char*> m_comp_label;
    std::map<const Scope*, std::set<std::string>> m_iter_vars;
    // Visiting a comprehension's iterable (a walrus may not appear there);
    // saved and cleared when a nested function or comprehension starts.
    bool m_in_comp_iter = false;
};

bool SymbolTable::build(const ast::Module& module, std::optional<SyntaxErrorInfo>* error,
                        bool future_annotations) {
    SymtableBuilder b(*this, error, future_annotations);
    return b.run(module);
}

}  // namespace gilt
