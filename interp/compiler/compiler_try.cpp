// The compiler's exception handling and unwinding: raise, try/finally,
// try/except and try/except*, and the unwinding that return, break and
// continue do through the enclosing with/try/loop blocks (see compiler.hpp).
#include <cassert>

#include "interp/compiler/compiler.hpp"

#include "runtime/errors.hpp"
#include "runtime/exception.hpp"
#include "runtime/str.hpp"

namespace gilt {
void Compiler::raise_stmt(const ast::Raise* r) {
    uint32_t n = 0;
    if (r->exc) {
        expr(r->exc);
        n = 1;
        if (r->cause) {
            expr(r->cause);
            n = 2;
        }
    }
    emit(Op::RAISE_VARARGS, n);
}

void Compiler::try_stmt(const ast::Try* t) {
    if (!t->finalbody.empty())
        try_finally(t);
    else
        try_except(t);
}

void Compiler::finally_body(const std::vector<ast::Stmt*>& body) {
    stmts(body);
}

void Compiler::try_finally(const ast::Try* t) {
    Label body = new_label(), body_end = new_label(), handler = new_label(), cleanup = new_label(),
          end = new_label();
    int depth = stack_depth();
    bind(body);
    int h = add_handler(body, body_end, handler, depth);
    u().fblocks.push_back({BlockKind::TryFinally, body, end, &t->finalbody, nullptr, h});
    if (t->handlers.empty())
        stmts(t->body);
    else
        try_except(t);
    u().fblocks.pop_back();
    bind(body_end);
    if (!u().unreachable) {
        finally_body(t->finalbody);
        if (!u().unreachable) emit_jump(Op::JUMP, end);
    }
    bind(handler);
    emit(Op::PUSH_EXC_INFO);  // [prev, exc]
    Label f_start = new_label(), f_end = new_label();
    bind(f_start);
    int fh = add_handler(f_start, f_end, cleanup, depth + 1);
    u().fblocks.push_back({BlockKind::FinallyEnd, f_start, end, nullptr, nullptr, fh});
    finally_body(t->finalbody);
    u().fblocks.pop_back();
    emit(Op::RERAISE);
    bind(f_end);
    bind(cleanup);  // [prev, exc, exc2]? the table cut the stack to depth+1: [prev, exc2]
    emit(Op::SWAP, 2);
    emit(Op::POP_EXCEPT);
    emit(Op::RERAISE);
    bind(end);
}

// `try: body except ...: ... else: ...`, both kinds (t->is_star picks the
// clauses): the body under a handler, the else block, then the handler
// entered with [prev, exc] above the statement's depth and protected by a
// cleanup that restores `prev` if a clause raises. CPython's
// compiler_try_except and compiler_try_star_except share this frame too.
void Compiler::try_except(const ast::Try* t) {
    Label body = new_label(), body_end = new_label(), handler = new_label(), cleanup = new_label(),
          end = new_label();
    int depth = stack_depth();
    bind(body);
    int bh = add_handler(body, body_end, handler, depth);
    u().fblocks.push_back({BlockKind::TryExcept, body, end, nullptr, nullptr, bh});
    stmts(t->body);
    u().fblocks.pop_back();
    bind(body_end);
    if (!u().unreachable) {
        stmts(t->orelse);
        if (!u().unreachable) emit_jump(Op::JUMP, end);
    }
    bind(handler);
    emit(Op::PUSH_EXC_INFO);  // [prev, exc]
    HandlerFrame hf{new_label(), new_label(), end, depth, 0};
    bind(hf.start);
    hf.cleanup_handler = add_handler(hf.start, hf.stop, cleanup, depth + 1);
    if (!(t->is_star ? except_star_clauses(t, hf) : except_clauses(t, hf))) return;
    bind(hf.stop);
    bind(cleanup);  // [prev, exc2]: the table cut the stack to depth + 1
    set_depth(depth + 2);
    emit(Op::SWAP, 2);
    emit(Op::POP_EXCEPT);
    emit(Op::RERAISE);
    bind(end);
}

// The plain `except T as name:` clauses, tried in order on [prev, exc]; an
// unmatched exception is re-raised. False after a syntax error.
bool Compiler::except_clauses(const ast::Try* t, const HandlerFrame& hf) {
    for (std::size_t i = 0; i < t->handlers.size(); ++i) {
        const ast::ExceptHandler* h = t->handlers[i];
        set_line(h);
        if (!h->type && i + 1 < t->handlers.size()) {
            fail(h, "default 'except:' must be last");
            return false;
        }
        Label next = new_label();
        if (h->type) {
            expr(h->type);
            emit(Op::CHECK_EXC_MATCH);
            emit_jump(Op::POP_JUMP_IF_FALSE, next);
        }
        store_handler_name(h);
        u().fblocks.push_back({BlockKind::HandlerCleanup, hf.start, hf.end, nullptr,
                               h->name ? &*h->name : nullptr, hf.cleanup_handler});
        stmts(h->body);
        u().fblocks.pop_back();
        if (!u().unreachable) {
            emit(Op::POP_EXCEPT);
            clear_handler_name(h->name ? &*h->name : nullptr);
            emit_jump(Op::JUMP, hf.end);
        }
        bind(next);
        if (!h->type) break;
        set_depth(hf.depth + 2);
    }
    if (t->handlers.back()->type) emit(Op::RERAISE);
    return true;
}

// The `except* T1 as e: h1 except* T2: h2` clauses (PEP 654, as CPython
// 3.11's compiler_try_star_except). The handler keeps three values above
// the previous exc_info: the exception the body raised (`orig`), a list of
// what the clauses raise, and what no clause has matched yet:
//
//   [prev, orig, raised, rest]  each clause: rest, T -> CHECK_EG_MATCH ->
//                               rest', match; a match runs the body, and an
//                               exception escaping it is appended to
//                               `raised` instead of propagating
//   [prev, orig, raised]        rest appended last; PREP_RERAISE_STAR
//   [prev, exc or None]         builds the one exception to re-raise
bool Compiler::except_star_clauses(const ast::Try* t, const HandlerFrame& hf) {
    Label nothing = new_label();
    emit(Op::COPY, 1);
    emit(Op::BUILD_LIST, 0);
    emit(Op::SWAP, 2);  // [prev, orig, raised, rest]
    u().fblocks.push_back(
        {BlockKind::ExceptStar, hf.start, hf.end, nullptr, nullptr, hf.cleanup_handler});
    for (const ast::ExceptHandler* h : t->handlers) except_star_clause(h, hf.depth);
    u().fblocks.pop_back();
    emit(Op::LIST_APPEND, 1);
    emit(Op::PREP_RERAISE_STAR);  // [prev, exc or None]
    emit(Op::COPY, 1);
    emit_jump(Op::POP_JUMP_IF_NONE, nothing);
    emit(Op::RERAISE);
    bind(nothing);
    set_depth(hf.depth + 2);
    emit(Op::POP_TOP);
    emit(Op::POP_EXCEPT);
    emit_jump(Op::JUMP, hf.end);
    return true;
}

// `as name` binds the matched exception; without a name it is dropped.
void Compiler::store_handler_name(const ast::ExceptHandler* h) {
    if (h->name)
        store_name(*h->name);
    else
        emit(Op::POP_TOP);
}

// Leaving a clause unbinds its `as name` (`name = None; del name`), as
// CPython does so the exception's traceback does not keep the frame alive.
void Compiler::clear_handler_name(const std::string* name) {
    if (!name) return;
    emit(Op::LOAD_CONST, const_none());
    store_name(*name);
    delete_name(*name);
}

// One `except* T as name:` clause, entered with [prev, orig, raised, rest]
// (`depth` is the try statement's) and left the same way.
void Compiler::except_star_clause(const ast::ExceptHandler* h, int depth) {
    Label no_match = new_label(), next = new_label(), b_start = new_label(), b_end = new_label(),
          escaped = new_label();
    set_line(h);
    expr(h->type);
    emit(Op::CHECK_EG_MATCH);  // [.., rest', match]
    emit(Op::COPY, 1);
    emit_jump(Op::POP_JUMP_IF_NONE, no_match);
    store_handler_name(h);
    bind(b_start);
    add_handler(b_start, b_end, escaped, depth + 4);
    stmts(h->body);
    bind(b_end);
    const std::string* name = h->name ? &*h->name : nullptr;
    if (!u().unreachable) {
        clear_handler_name(name);
        emit_jump(Op::JUMP, next);
    }
    bind(escaped);  // [.., rest', exc]: what the clause raised joins `raised`
    set_depth(depth + 5);
    clear_handler_name(name);
    emit(Op::LIST_APPEND, 2);
    emit_jump(Op::JUMP, next);
    bind(no_match);
    set_depth(depth + 5);
    emit(Op::POP_TOP);
    bind(next);
}

// CPython refuses to leave an except* clause early: the clauses' results
// must all reach PREP_RERAISE_STAR.
bool Compiler::leaves_except_star(const ast::Node* where, bool to_loop) {
    for (auto it = u().fblocks.rbegin(); it != u().fblocks.rend(); ++it) {
        if (to_loop && (it->kind == BlockKind::WhileLoop || it->kind == BlockKind::ForLoop))
            return false;
        if (it->kind == BlockKind::ExceptStar) {
            fail(where, "'break', 'continue' and 'return' cannot appear in an except* block");
            return true;
        }
    }
    return false;
}

void Compiler::unwind_one(const FBlock& b, bool preserve_tos) {
    switch (b.kind) {
        case BlockKind::WhileLoop:
        case BlockKind::TryExcept:
        case BlockKind::ExceptStar:
            break;
        case BlockKind::ForLoop:
            if (preserve_tos) emit(Op::SWAP, 2);
            emit(Op::POP_TOP);
            break;
        case BlockKind::TryFinally:
            // The finally body runs inline, outside its own block (already popped).
            finally_body(*b.finalbody);
            break;
        case BlockKind::FinallyEnd:
            // Leaving a finally that runs because of an exception: drop it.
            if (preserve_tos) emit(Op::SWAP, 2);
            emit(Op::POP_TOP);  // exc
            if (preserve_tos) emit(Op::SWAP, 2);
            emit(Op::POP_EXCEPT);
            break;
        case BlockKind::With:
        case BlockKind::AsyncWith:
            if (preserve_tos) {  // [exit, self, value] -> [value, exit, self]
                emit(Op::SWAP, 3);
                emit(Op::SWAP, 2);
            }
            emit_with_exit_none(b.kind == BlockKind::AsyncWith);
            break;
        case BlockKind::HandlerCleanup:
            if (preserve_tos) emit(Op::SWAP, 2);
            emit(Op::POP_EXCEPT);
            clear_handler_name(b.handler_name);
            break;
    }
}

bool Compiler::unwind_blocks(bool to_loop, bool preserve_tos, FBlock* loop_out) {
    auto& blocks = u().fblocks;
    std::vector<FBlock> saved = blocks;
    bool found = false;
    // Every handler of a block being left stops protecting from here on.
    for (auto it = blocks.rbegin(); it != blocks.rend(); ++it) {
        if (to_loop && (it->kind == BlockKind::WhileLoop || it->kind == BlockKind::ForLoop)) break;
        if (it->handler >= 0) {
            cut_handler(it->handler);
            m_cut.push_back(it->handler);
        }
    }
    while (!blocks.empty()) {
        FBlock b = blocks.back();
        if (to_loop && (b.kind == BlockKind::WhileLoop || b.kind == BlockKind::ForLoop)) {
            *loop_out = b;
            found = true;
            break;
        }
        blocks.pop_back();
        unwind_one(b, preserve_tos);
    }
    int depth = stack_depth();
    blocks = saved;
    set_depth(depth);
    return found;
}

void Compiler::break_continue(const ast::Stmt* s, bool is_break) {
    FBlock loop{};
    int depth = stack_depth();
    std::size_t mark = m_cut.size();
    if (leaves_except_star(s, true)) return;
    if (!unwind_blocks(true, false, &loop)) {
        fail(s, is_break ? "'break' outside loop" : "'continue' not properly in loop");
        return;
    }
    if (is_break) {
        if (loop.kind == BlockKind::ForLoop) emit(Op::POP_TOP);
        emit_jump(Op::JUMP, loop.exit);
    } else {
        emit_jump(Op::JUMP_BACKWARD, loop.start);
    }
    reopen_cut_handlers(mark);
    set_depth(depth);
    u().unreachable = true;
}

}  // namespace gilt
