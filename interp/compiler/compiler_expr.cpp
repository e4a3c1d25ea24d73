// The compiler: expressions, assignment targets and comprehensions.
#include <algorithm>

#include "interp/compiler/compiler.hpp"
#include "runtime/bytes.hpp"
#include "runtime/complex.hpp"
#include "runtime/float.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"

namespace gilt {

uint32_t binop_arg(ast::Operator op);

namespace {

CompareOp compare_of(ast::CmpOperator op) {
    switch (op) {
        case ast::CmpOperator::Lt:
            return CompareOp::Lt;
        case ast::CmpOperator::LtE:
            return CompareOp::Le;
        case ast::CmpOperator::Eq:
            return CompareOp::Eq;
        case ast::CmpOperator::NotEq:
            return CompareOp::Ne;
        case ast::CmpOperator::Gt:
            return CompareOp::Gt;
        default:
            return CompareOp::Ge;
    }
}

bool is_starred(const ast::Expr* e) {
    return e->kind == ast::ExprKind::Starred;
}

enum CompKind { kCompList = 0, kCompSet = 1, kCompDict = 2, kCompGen = 3 };

}  // namespace

void Compiler::exprs(const std::vector<ast::Expr*>& es) {
    for (auto* e : es) expr(e);
}

void Compiler::expr(const ast::Expr* e) {
    using K = ast::ExprKind;
    int saved_line = u().line;
    if (e->line != u().line) set_line(e);
    switch (e->kind) {
        case K::BoolOp:
            bool_op(e->as<ast::BoolOp>());
            break;
        case K::NamedExpr: {
            auto* n = e->as<ast::NamedExpr>();
            expr(n->value);
            emit(Op::COPY, 1);
            store_name(n->target->as<ast::Name>()->id);
            break;
        }
        case K::BinOp: {
            auto* b = e->as<ast::BinOp>();
            expr(b->left);
            expr(b->right);
            set_line(e);
            emit(Op::BINARY_OP, binop_arg(b->op));
            break;
        }
        case K::UnaryOp: {
            auto* un = e->as<ast::UnaryOp>();
            // -1 and -1.5 are constants, as CPython's AST optimiser makes them:
            // `x ** -1.5` in a loop should not negate on every iteration.
            if (un->op == ast::UnaryOperator::USub && un->operand->kind == K::Constant) {
                auto* c = un->operand->as<ast::Constant>();
                if (c->value_kind == ast::ConstantKind::Int) {
                    emit(Op::LOAD_CONST, const_int(-c->int_value));
                    break;
                }
                if (c->value_kind == ast::ConstantKind::Float) {
                    emit(Op::LOAD_CONST, add_const(make_float(m_ts, -c->float_value)));
                    break;
                }
            }
            expr(un->operand);
            switch (un->op) {
                case ast::UnaryOperator::Invert:
                    emit(Op::UNARY_INVERT);
                    break;
                case ast::UnaryOperator::Not:
                    emit(Op::UNARY_NOT);
                    break;
                case ast::UnaryOperator::UAdd:
                    emit(Op::UNARY_POSITIVE);
                    break;
                case ast::UnaryOperator::USub:
                    emit(Op::UNARY_NEGATIVE);
                    break;
            }
            break;
        }
        case K::Lambda:
            lambda(e->as<ast::Lambda>());
            break;
        case K::IfExp: {
            auto* i = e->as<ast::IfExp>();
            Label orelse = new_label(), end = new_label();
            jump_if(i->test, false, orelse);
            expr(i->body);
            emit_jump(Op::JUMP, end);
            bind(orelse);
            expr(i->orelse);
            bind(end);
            break;
        }
        case K::Dict:
            dict_display(e->as<ast::Dict>());
            break;
        case K::Set: {
            auto* s = e->as<ast::Set>();
            if (std::any_of(s->elts.begin(), s->elts.end(), is_starred)) {
                starred_sequence(s->elts, Op::BUILD_SET, Op::SET_UPDATE, false);
            } else {
                exprs(s->elts);
                emit(Op::BUILD_SET, static_cast<uint32_t>(s->elts.size()));
            }
            break;
        }
        case K::ListComp:
            comprehension(e, e->as<ast::ListComp>()->generators, e->as<ast::ListComp>()->elt,
                          nullptr, kCompList);
            break;
        case K::SetComp:
            comprehension(e, e->as<ast::SetComp>()->generators, e->as<ast::SetComp>()->elt, nullptr,
                          kCompSet);
            break;
        case K::DictComp:
            comprehension(e, e->as<ast::DictComp>()->generators, e->as<ast::DictComp>()->key,
                          e->as<ast::DictComp>()->value, kCompDict);
            break;
        case K::GeneratorExp:
            comprehension(e, e->as<ast::GeneratorExp>()->generators,
                          e->as<ast::GeneratorExp>()->elt, nullptr, kCompGen);
            break;
        case K::Await: {
            Scope* s = u().scope;
            if (s->kind != ScopeKind::Function && s->kind != ScopeKind::Comprehension) {
                fail(e, "'await' outside function");
                break;
            }
            if (!(u().code->flags & (kCodeCoroutine | kCodeAsyncGenerator))) {
                fail(e, "'await' outside async function");
                break;
            }
            expr(e->as<ast::Await>()->value);
            emit(Op::GET_AWAITABLE);
            emit(Op::LOAD_CONST, const_none());
            yield_from(nullptr, true);
            break;
        }
        case K::Yield: {
            Scope* s = u().scope;
            if (s->kind != ScopeKind::Function && s->kind != ScopeKind::Comprehension) {
                fail(e, "'yield' outside function");
                break;
            }
            yield_expr(e->as<ast::Yield>()->value);
            break;
        }
        case K::YieldFrom: {
            Scope* s = u().scope;
            if (s->kind != ScopeKind::Function && s->kind != ScopeKind::Comprehension) {
                fail(e, "'yield' outside function");
                break;
            }
            if (u().code->flags & kCodeAsyncGenerator) {
                fail(e, "'yield from' inside async function");
                break;
            }
            expr(e->as<ast::YieldFrom>()->value);
            emit(Op::GET_YIELD_FROM_ITER);
            emit(Op::LOAD_CONST, const_none());
            yield_from(nullptr, false);
            break;
        }
        case K::Compare:
            compare(e->as<ast::Compare>());
            break;
        case K::Call:
            call(e->as<ast::Call>());
            break;
        case K::FormattedValue:
            formatted_value(e->as<ast::FormattedValue>());
            break;
        case K::JoinedStr:
            fstring(e->as<ast::JoinedStr>());
            break;
        case K::Constant:
            constant(e->as<ast::Constant>());
            break;
        case K::Attribute: {
            auto* a = e->as<ast::Attribute>();
            expr(a->value);
            set_attr_line(e);
            emit(Op::LOAD_ATTR, add_name(a->attr));
            break;
        }
        case K::Subscript:
            subscript(e->as<ast::Subscript>());
            break;
        case K::Starred:
            fail(e, "can't use starred expression here");
            break;
        case K::Name:
            load_name(e->as<ast::Name>()->id);
            break;
        case K::List: {
            auto* l = e->as<ast::List>();
            if (std::any_of(l->elts.begin(), l->elts.end(), is_starred)) {
                starred_sequence(l->elts, Op::BUILD_LIST, Op::LIST_EXTEND, false);
            } else {
                exprs(l->elts);
                emit(Op::BUILD_LIST, static_cast<uint32_t>(l->elts.size()));
            }
            break;
        }
        case K::Tuple: {
            auto* t = e->as<ast::Tuple>();
            if (std::any_of(t->elts.begin(), t->elts.end(), is_starred)) {
                starred_sequence(t->elts, Op::BUILD_LIST, Op::LIST_EXTEND, true);
            } else {
                exprs(t->elts);
                emit(Op::BUILD_TUPLE, static_cast<uint32_t>(t->elts.size()));
            }
            break;
        }
        case K::Slice:
            slice(e->as<ast::Slice>());
            break;
    }
    (void)saved_line;
}

void Compiler::constant(const ast::Constant* c) {
    using CK = ast::ConstantKind;
    switch (c->value_kind) {
        case CK::None:
            emit(Op::LOAD_CONST, const_none());
            return;
        case CK::True:
            emit(Op::LOAD_CONST, add_const(Value::true_()));
            return;
        case CK::False:
            emit(Op::LOAD_CONST, add_const(Value::false_()));
            return;
        case CK::Ellipsis:
            emit(Op::LOAD_CONST, add_const(Value::ellipsis()));
            return;
        case CK::Int:
            emit(Op::LOAD_CONST, const_int(c->int_value));
            return;
        case CK::BigInt:
            emit(Op::LOAD_CONST, add_const(int_from_string(m_ts, c->str_value, 10)));
            return;
        case CK::Float:
            emit(Op::LOAD_CONST, add_const(make_float(m_ts, c->float_value)));
            return;
        case CK::Imaginary:
            emit(Op::LOAD_CONST, add_const(make_complex(m_ts, 0.0, c->float_value)));
            return;
        case CK::Str:
            emit(Op::LOAD_CONST, const_str(c->str_value));
            return;
        case CK::Bytes:
            emit(Op::LOAD_CONST, add_const(make_bytes(m_ts, c->str_value)));
            return;
    }
}

void Compiler::bool_op(const ast::BoolOp* b) {
    Label end = new_label();
    Op jump = b->op == ast::BoolOperator::And ? Op::JUMP_IF_FALSE_OR_POP : Op::JUMP_IF_TRUE_OR_POP;
    for (std::size_t i = 0; i < b->values.size(); ++i) {
        expr(b->values[i]);
        if (i + 1 < b->values.size()) emit_jump(jump, end);
    }
    bind(end);
}

void Compiler::jump_if(const ast::Expr* e, bool cond, Label target) {
    if (e->kind == ast::ExprKind::UnaryOp && e->as<ast::UnaryOp>()->op == ast::UnaryOperator::Not) {
        jump_if(e->as<ast::UnaryOp>()->operand, !cond, target);
        return;
    }
    if (e->kind == ast::ExprKind::BoolOp) {
        auto* b = e->as<ast::BoolOp>();
        bool is_and = b->op == ast::BoolOperator::And;
        if (is_and != cond) {
            // and/false or or/true: any operand deciding jumps to target.
            for (auto* v : b->values) jump_if(v, cond, target);
        } else {
            Label skip = new_label();
            for (std::size_t i = 0; i + 1 < b->values.size(); ++i)
                jump_if(b->values[i], !cond, skip);
            jump_if(b->values.back(), cond, target);
            bind(skip);
        }
        return;
    }
    expr(e);
    emit_jump(cond ? Op::POP_JUMP_IF_TRUE : Op::POP_JUMP_IF_FALSE, target);
}

void Compiler::compare(const ast::Compare* c) {
    auto emit_cmp = [&](ast::CmpOperator op) {
        switch (op) {
            case ast::CmpOperator::Is:
                emit(Op::IS_OP, 0);
                break;
            case ast::CmpOperator::IsNot:
                emit(Op::IS_OP, 1);
                break;
            case ast::CmpOperator::In:
                emit(Op::CONTAINS_OP, 0);
                break;
            case ast::CmpOperator::NotIn:
                emit(Op::CONTAINS_OP, 1);
                break;
            default:
                emit(Op::COMPARE_OP, static_cast<uint32_t>(compare_of(op)));
        }
    };
    expr(c->left);
    if (c->ops.size() == 1) {
        expr(c->comparators[0]);
        set_line(c);
        emit_cmp(c->ops[0]);
        return;
    }
    Label cleanup = new_label(), end = new_label();
    for (std::size_t i = 0; i + 1 < c->ops.size(); ++i) {
        expr(c->comparators[i]);
        emit(Op::SWAP, 2);
        emit(Op::COPY, 2);
        emit_cmp(c->ops[i]);
        emit_jump(Op::JUMP_IF_FALSE_OR_POP, cleanup);
    }
    expr(c->comparators.back());
    emit_cmp(c->ops.back());
    emit_jump(Op::JUMP, end);
    bind(cleanup);
    emit(Op::SWAP, 2);
    emit(Op::POP_TOP);
    bind(end);
}

bool Compiler::call_zero_arg_super(const ast::Call* c) {
    if (c->func->kind != ast::ExprKind::Name || c->func->as<ast::Name>()->id != "super")
        return false;
    if (!c->args.empty() || !c->keywords.empty()) return false;
    Scope* s = u().scope;
    if (s->kind != ScopeKind::Function || s->params.empty() || !s->frees.count("__class__"))
        return false;
    if (s->lookup("super") != NameScope::GlobalImplicit) return false;
    load_name("super");
    emit(Op::PUSH_NULL);
    emit(Op::LOAD_DEREF, deref_index("__class__"));
    load_name(s->params[0]);
    emit(Op::CALL, 2);
    return true;
}

void Compiler::call(const ast::Call* c) {
    if (call_zero_arg_super(c)) return;
    if (c->func->kind == ast::ExprKind::Attribute) {
        // A method call's CALL also takes the line the method name ends on.
        auto* a = c->func->as<ast::Attribute>();
        expr(a->value);
        set_attr_line(c->func);
        emit(Op::LOAD_METHOD, add_name(a->attr));
        call_args(c->args, c->keywords, c->func->end_line);
    } else {
        expr(c->func);
        emit(Op::PUSH_NULL);
        call_args(c->args, c->keywords, c->line);
    }
    set_line(c);
}

// Arguments for a call whose callable and self/NULL are on the stack.
void Compiler::call_args(const std::vector<ast::Expr*>& args, const std::vector<ast::Keyword*>& kws,
                         int call_line) {
    bool dynamic = std::any_of(args.begin(), args.end(), is_starred) ||
                   std::any_of(kws.begin(), kws.end(), [](auto* k) { return !k->arg; });
    if (!dynamic) {
        exprs(args);
        for (auto* k : kws) expr(k->value);
        set_line_number(call_line);
        if (kws.empty()) {
            emit(Op::CALL, static_cast<uint32_t>(args.size()));
        } else {
            Value names = tuple_new(m_ts, kws.size());
            for (std::size_t i = 0; i < kws.size(); ++i)
                tuple_obj(names)->items[i] = m_ts.interp().intern(*kws[i]->arg);
            emit(Op::LOAD_CONST, add_const(names));
            emit(Op::CALL_KW, static_cast<uint32_t>(args.size() + kws.size()));
        }
        return;
    }
    if (args.size() == 1 && is_starred(args[0])) {
        expr(args[0]->as<ast::Starred>()->value);  // f(*a): CALL_EX takes a tuple as it is
    } else if (std::any_of(args.begin(), args.end(), is_starred)) {
        starred_sequence(args, Op::BUILD_LIST, Op::LIST_EXTEND, true);
    } else {
        exprs(args);
        emit(Op::BUILD_TUPLE, static_cast<uint32_t>(args.size()));
    }
    uint32_t has_kw = 0;
    if (!kws.empty()) {
        has_kw = 1;
        emit(Op::BUILD_MAP, 0);
        for (auto* k : kws) {
            if (k->arg) {
                load_const_str(*k->arg);
                expr(k->value);
                emit(Op::BUILD_MAP, 1);
                emit(Op::DICT_MERGE, 1);
            } else {
                expr(k->value);
                emit(Op::DICT_MERGE, 1);
            }
        }
    }
    set_line_number(call_line);
    emit(Op::CALL_EX, has_kw);
}

void Compiler::starred_sequence(const std::vector<ast::Expr*>& elts, Op build, Op extend,
                                bool to_tuple) {
    std::size_t i = 0;
    while (i < elts.size() && !is_starred(elts[i])) expr(elts[i++]);
    emit(build, static_cast<uint32_t>(i));
    Op add = build == Op::BUILD_SET ? Op::SET_ADD : Op::LIST_APPEND;
    for (; i < elts.size(); ++i) {
        if (is_starred(elts[i])) {
            expr(elts[i]->as<ast::Starred>()->value);
            emit(extend, 1);
        } else {
            expr(elts[i]);
            emit(add, 1);
        }
    }
    if (to_tuple) emit(Op::LIST_TO_TUPLE);
}

void Compiler::dict_display(const ast::Dict* d) {
    bool has_unpack =
        std::any_of(d->keys.begin(), d->keys.end(), [](auto* k) { return k == nullptr; });
    if (!has_unpack) {
        for (std::size_t i = 0; i < d->keys.size(); ++i) {
            expr(d->keys[i]);
            expr(d->values[i]);
        }
        emit(Op::BUILD_MAP, static_cast<uint32_t>(d->keys.size()));
        return;
    }
    emit(Op::BUILD_MAP, 0);
    for (std::size_t i = 0; i < d->keys.size(); ++i) {
        if (d->keys[i]) {
            expr(d->keys[i]);
            expr(d->values[i]);
            emit(Op::MAP_ADD, 1);
        } else {
            expr(d->values[i]);
            emit(Op::DICT_UPDATE, 1);
        }
    }
}

void Compiler::fstring(const ast::JoinedStr* j) {
    for (auto* v : j->values) expr(v);
    if (j->values.size() != 1 || j->values[0]->kind != ast::ExprKind::Constant) {
        emit(Op::BUILD_STRING, static_cast<uint32_t>(j->values.size()));
    }
}

void Compiler::formatted_value(const ast::FormattedValue* f) {
    expr(f->value);
    uint32_t flags = kFormatNone;
    if (f->conversion == 's')
        flags = kFormatStr;
    else if (f->conversion == 'r')
        flags = kFormatRepr;
    else if (f->conversion == 'a')
        flags = kFormatAscii;
    if (f->format_spec) {
        expr(f->format_spec);
        flags |= kFormatHasSpec;
    }
    emit(Op::FORMAT_VALUE, flags);
}

void Compiler::lambda(const ast::Lambda* l) {
    make_function(l, "<lambda>", l->args, nullptr, l->body, false, l->line, nullptr);
}

void Compiler::comprehension(const ast::Expr* node, const std::vector<ast::Comprehension*>& gens,
                             const ast::Expr* elt, const ast::Expr* value, int kind) {
    static const char* kNames[] = {"<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>"};
    Scope* scope = m_symtable.scope_of(node);
    std::string qual = qualname_for(kNames[kind], true);
    enter_unit(scope, kNames[kind], qual, node->line);
    u().code->argcount = 1;
    bool is_async_gen = kind == kCompGen && scope->is_coroutine;
    if (kind == kCompGen) {
        u().code->flags &= ~(kCodeCoroutine | kCodeAsyncGenerator);
        u().code->flags |= is_async_gen ? kCodeAsyncGenerator : kCodeGenerator;
    }
    const_none();
    set_line(node);
    if (kind == kCompList)
        emit(Op::BUILD_LIST, 0);
    else if (kind == kCompSet)
        emit(Op::BUILD_SET, 0);
    else if (kind == kCompDict)
        emit(Op::BUILD_MAP, 0);
    comprehension_generator(gens, 0, elt, value, kind);
    if (kind == kCompGen) emit(Op::LOAD_CONST, const_none());
    emit(Op::RETURN_VALUE);
    Value code = leave_unit();
    bool awaitable = code_obj(code)->flags & kCodeCoroutine;
    make_closure(code, 0);
    expr(gens[0]->iter);
    emit(gens[0]->is_async ? Op::GET_AITER : Op::GET_ITER);
    emit(Op::CALL, 1 | kCallNoSelfSlot);
    if (awaitable) {
        emit(Op::GET_AWAITABLE);
        emit(Op::LOAD_CONST, const_none());
        yield_from(nullptr, true);
    }
}

void Compiler::comprehension_generator(const std::vector<ast::Comprehension*>& gens, std::size_t i,
                                       const ast::Expr* elt, const ast::Expr* value, int kind) {
    const ast::Comprehension* g = gens[i];
    Label start = new_label(), end = new_label(), cleanup = new_label();
    if (i == 0) {
        emit(Op::LOAD_FAST, 0);  // ".0": the iterator the caller passed
    } else {
        expr(g->iter);
        emit(g->is_async ? Op::GET_AITER : Op::GET_ITER);
    }
    bind(start);
    Label body_start = new_label(), body_end = new_label(), handler = new_label();
    if (g->is_async) {
        bind(body_start);
        add_handler(body_start, body_end, handler, stack_depth());
        emit(Op::GET_ANEXT);
        emit(Op::LOAD_CONST, const_none());
        yield_from(nullptr, true);
        bind(body_end);
    } else {
        emit_jump(Op::FOR_ITER, cleanup);
    }
    store_target(g->target);
    Label next = new_label();
    for (auto* cond : g->ifs) jump_if(cond, false, next);
    if (i + 1 < gens.size()) {
        comprehension_generator(gens, i + 1, elt, value, kind);
    } else {
        // Depth of the accumulator below the iterators: one per loop level.
        uint32_t depth = static_cast<uint32_t>(i + 2);
        switch (kind) {
            case kCompList:
                expr(elt);
                emit(Op::LIST_APPEND, depth);
                break;
            case kCompSet:
                expr(elt);
                emit(Op::SET_ADD, depth);
                break;
            case kCompDict:
                expr(elt);
                expr(value);
                emit(Op::MAP_ADD, depth);
                break;
            default:
                expr(elt);
                emit(Op::YIELD_VALUE, (u().code->flags & kCodeAsyncGenerator) ? 1 : 0);
                emit(Op::POP_TOP);
        }
    }
    bind(next);
    emit_jump(Op::JUMP_BACKWARD, start);
    if (g->is_async) {
        bind(handler);
        emit(Op::END_ASYNC_FOR);
    } else {
        bind(cleanup);
    }
    bind(end);
}

void Compiler::yield_expr(const ast::Expr* value) {
    if (value)
        expr(value);
    else
        emit(Op::LOAD_CONST, const_none());
    emit(Op::YIELD_VALUE, (u().code->flags & kCodeAsyncGenerator) ? 1 : 0);
}

// The delegation loop of `yield from` and `await`: [receiver, value] on the
// stack; SEND pushes what the receiver yields (then we yield it on) or,
// when it returns, leaves its result and exits the loop.
void Compiler::yield_from(const ast::Expr*, bool) {
    Label loop = new_label(), exit = new_label();
    bind(loop);
    emit_jump(Op::SEND, exit);
    emit(Op::YIELD_VALUE);
    emit_jump(Op::JUMP_BACKWARD, loop);
    bind(exit);
}

void Compiler::subscript(const ast::Subscript* s) {
    expr(s->value);
    if (s->slice->kind == ast::ExprKind::Slice && !s->slice->as<ast::Slice>()->step) {
        // x[a:b]: the bounds go on the stack, no slice object (CPython 3.12's BINARY_SLICE).
        auto* sl = s->slice->as<ast::Slice>();
        for (const ast::Expr* bound : {sl->lower, sl->upper}) {
            if (bound)
                expr(bound);
            else
                emit(Op::LOAD_CONST, const_none());
        }
        set_line(s);
        emit(Op::BINARY_SLICE);
        return;
    }
    expr(s->slice);
    set_line(s);
    emit(Op::BINARY_SUBSCR);
}

void Compiler::slice(const ast::Slice* s) {
    for (const ast::Expr* part : {s->lower, s->upper}) {
        if (part)
            expr(part);
        else
            emit(Op::LOAD_CONST, const_none());
    }
    if (s->step) {
        expr(s->step);
        emit(Op::BUILD_SLICE, 3);
    } else {
        emit(Op::BUILD_SLICE, 2);
    }
}

// --- targets ---

void Compiler::store_target(const ast::Expr* t) {
    switch (t->kind) {
        case ast::ExprKind::Name:
            store_name(t->as<ast::Name>()->id);
            break;
        case ast::ExprKind::Attribute: {
            auto* a = t->as<ast::Attribute>();
            expr(a->value);
            set_attr_line(t);
            emit(Op::STORE_ATTR, add_name(a->attr));
            break;
        }
        case ast::ExprKind::Subscript: {
            auto* s = t->as<ast::Subscript>();
            expr(s->value);
            expr(s->slice);
            set_line(t);
            emit(Op::STORE_SUBSCR);
            break;
        }
        case ast::ExprKind::Tuple:
            unpack(t->as<ast::Tuple>()->elts, t);
            break;
        case ast::ExprKind::List:
            unpack(t->as<ast::List>()->elts, t);
            break;
        case ast::ExprKind::Starred:
            store_target(t->as<ast::Starred>()->value);
            break;
        default:
            fail(t, "cannot assign to expression");
    }
}

void Compiler::unpack(const std::vector<ast::Expr*>& elts, const ast::Node* where) {
    auto star = std::find_if(elts.begin(), elts.end(), is_starred);
    if (star == elts.end()) {
        emit(Op::UNPACK_SEQUENCE, static_cast<uint32_t>(elts.size()));
    } else {
        if (std::count_if(elts.begin(), elts.end(), is_starred) > 1) {
            fail(where, "multiple starred expressions in assignment");
            return;
        }
        uint32_t before = static_cast<uint32_t>(star - elts.begin());
        uint32_t after = static_cast<uint32_t>(elts.end() - star - 1);
        emit(Op::UNPACK_EX, before | (after << 8));
    }
    for (auto* e : elts) store_target(e);
}

void Compiler::delete_target(const ast::Expr* t) {
    switch (t->kind) {
        case ast::ExprKind::Name:
            delete_name(t->as<ast::Name>()->id);
            break;
        case ast::ExprKind::Attribute:
            expr(t->as<ast::Attribute>()->value);
            set_attr_line(t);
            emit(Op::DELETE_ATTR, add_name(t->as<ast::Attribute>()->attr));
            break;
        case ast::ExprKind::Subscript:
            expr(t->as<ast::Subscript>()->value);
            expr(t->as<ast::Subscript>()->slice);
            emit(Op::DELETE_SUBSCR);
            break;
        case ast::ExprKind::Tuple:
            for (auto* e : t->as<ast::Tuple>()->elts) delete_target(e);
            break;
        case ast::ExprKind::List:
            for (auto* e : t->as<ast::List>()->elts) delete_target(e);
            break;
        default:
            fail(t, "cannot delete expression");
    }
}

}  // namespace gilt
