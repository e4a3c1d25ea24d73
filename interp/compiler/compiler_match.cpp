// Compiling the match statement (PEP 634), in the manner of CPython 3.11's
// compiler_match: the subject stays on the stack, each case tries its
// pattern on a copy, and the tests are the MATCH_* instructions
// (interp/vm/eval_match.cpp).
//
// A pattern compiles to code that finds the value to match on top of the
// stack and, on success, consumes it. On failure it jumps to fail_pop[n],
// where n is how many items it has left above the case's base; the chain of
// labels emitted after the case pops them one by one (fail_pop[n] falls into
// fail_pop[n-1]) and ends where the next case begins.
//
// Unlike CPython 3.11, which keeps captured values on the stack and binds
// them only once the whole pattern matched, a capture here is stored at
// once. PEP 634 allows both: after a failed match the names a pattern would
// have bound are unspecified.
#include <algorithm>
#include <set>

#include "interp/compiler/compiler.hpp"
#include "interp/compiler/opcodes.hpp"
#include "runtime/type.hpp"

namespace gilt {

struct Compiler::PatternContext {
    std::vector<Label> fail_pop;
    int base = 0;   // stack items below the ones fail_pop counts
    int depth = 0;  // items above the case's base now, the matched value included
    bool allow_irrefutable = false;
    std::vector<std::string> stores;  // names bound so far, for the "multiple assignments" check
};

namespace {

bool is_wildcard(const ast::Pattern* p) {
    if (p->kind == ast::PatternKind::MatchStar) return !p->as<ast::MatchStar>()->name;
    return p->kind == ast::PatternKind::MatchAs && !p->as<ast::MatchAs>()->pattern &&
           !p->as<ast::MatchAs>()->name;
}

// A literal key's identity for the duplicate check, and CPython's repr of it.
bool literal_key(const ast::Expr* e, std::string* id, std::string* repr) {
    if (e->kind != ast::ExprKind::Constant) return false;
    const auto* c = e->as<ast::Constant>();
    switch (c->value_kind) {
        case ast::ConstantKind::Str:
            *id = "s" + c->str_value;
            *repr = "'" + c->str_value + "'";
            return true;
        case ast::ConstantKind::Int:
            *id = "i" + std::to_string(c->int_value);
            *repr = std::to_string(c->int_value);
            return true;
        case ast::ConstantKind::None:
            *id = *repr = "None";
            return true;
        case ast::ConstantKind::True:
            *id = *repr = "True";
            return true;
        case ast::ConstantKind::False:
            *id = *repr = "False";
            return true;
        default:
            return false;
    }
}

}  // namespace

// Jumps (with `op`, which pops one item) to the label that pops what is left.
void Compiler::jump_to_fail_pop(PatternContext& pc, Op op) {
    int left = pc.depth - 1 - pc.base;
    while (static_cast<int>(pc.fail_pop.size()) <= left) pc.fail_pop.push_back(new_label());
    emit_jump(op, pc.fail_pop[left]);
    --pc.depth;
}

void Compiler::emit_fail_pop(PatternContext& pc) {
    for (std::size_t i = pc.fail_pop.size(); i-- > 0;) {
        bind(pc.fail_pop[i]);
        if (i > 0) emit(Op::POP_TOP);
    }
    pc.fail_pop.clear();
}

void Compiler::pattern_store(const ast::Node* where, const std::optional<std::string>& name,
                             PatternContext& pc) {
    if (!name) {
        emit(Op::POP_TOP);
    } else {
        if (std::find(pc.stores.begin(), pc.stores.end(), *name) != pc.stores.end()) {
            fail(where, "multiple assignments to name '" + *name + "' in pattern");
        }
        pc.stores.push_back(*name);
        store_name(*name);
    }
    --pc.depth;
}

void Compiler::match_stmt(const ast::Match* m) {
    expr(m->subject);
    Label end = new_label();
    for (std::size_t i = 0; i < m->cases.size(); ++i) {
        const ast::MatchCase* c = m->cases[i];
        bool last = i + 1 == m->cases.size();
        set_line(c->pattern);
        if (!last) emit(Op::COPY, 1);
        PatternContext pc;
        pc.depth = 1;
        pc.allow_irrefutable = c->guard != nullptr || last;
        pattern(c->pattern, pc);
        if (c->guard) {
            if (pc.fail_pop.empty()) pc.fail_pop.push_back(new_label());
            jump_if(c->guard, false, pc.fail_pop[0]);
        }
        if (!last) emit(Op::POP_TOP);  // the subject
        stmts(c->body);
        if (!u().unreachable) emit_jump(Op::JUMP, end);
        emit_fail_pop(pc);
    }
    bind(end);
}

void Compiler::pattern(const ast::Pattern* p, PatternContext& pc) {
    using K = ast::PatternKind;
    set_line(p);
    switch (p->kind) {
        case K::MatchValue:
            expr(p->as<ast::MatchValue>()->value);
            emit(Op::COMPARE_OP, static_cast<uint32_t>(CompareOp::Eq));
            jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
            break;
        case K::MatchSingleton:
            expr(p->as<ast::MatchSingleton>()->value);
            emit(Op::IS_OP, 0);
            jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
            break;
        case K::MatchSequence:
            sequence_pattern(p->as<ast::MatchSequence>(), pc);
            break;
        case K::MatchMapping:
            mapping_pattern(p->as<ast::MatchMapping>(), pc);
            break;
        case K::MatchClass:
            class_pattern(p->as<ast::MatchClass>(), pc);
            break;
        case K::MatchStar:
            fail(p, "can't use starred expression here");
            break;
        case K::MatchAs: {
            const auto* a = p->as<ast::MatchAs>();
            if (!a->pattern) {
                if (!pc.allow_irrefutable) {
                    fail(p, a->name ? "name capture '" + *a->name +
                                          "' makes remaining patterns unreachable"
                                    : std::string("wildcard makes remaining patterns unreachable"));
                }
                pattern_store(p, a->name, pc);
                break;
            }
            emit(Op::COPY, 1);
            ++pc.depth;
            pattern(a->pattern, pc);
            pattern_store(p, a->name, pc);
            break;
        }
        case K::MatchOr:
            or_pattern(p->as<ast::MatchOr>(), pc);
            break;
    }
}

// Sub-patterns of sequences, mappings and classes may be irrefutable.
void Compiler::subpattern(const ast::Pattern* p, PatternContext& pc) {
    bool saved = pc.allow_irrefutable;
    pc.allow_irrefutable = true;
    pattern(p, pc);
    pc.allow_irrefutable = saved;
}

void Compiler::sequence_pattern(const ast::MatchSequence* s, PatternContext& pc) {
    const auto& ps = s->patterns;
    std::size_t star = ps.size();
    for (std::size_t i = 0; i < ps.size(); ++i) {
        if (ps[i]->kind != ast::PatternKind::MatchStar) continue;
        if (star != ps.size()) {
            fail(s, "multiple starred names in sequence pattern");
            return;
        }
        star = i;
    }
    const bool has_star = star != ps.size();
    emit(Op::MATCH_SEQUENCE);
    ++pc.depth;
    jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
    emit(Op::GET_LEN);
    emit(Op::LOAD_CONST, const_int(static_cast<int64_t>(has_star ? ps.size() - 1 : ps.size())));
    emit(Op::COMPARE_OP, static_cast<uint32_t>(has_star ? CompareOp::Ge : CompareOp::Eq));
    ++pc.depth;
    jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
    if (std::all_of(ps.begin(), ps.end(), is_wildcard)) {
        emit(Op::POP_TOP);
        --pc.depth;
        return;
    }
    if (has_star) {
        emit(Op::UNPACK_EX, static_cast<uint32_t>(star | ((ps.size() - star - 1) << 8)));
    } else {
        emit(Op::UNPACK_SEQUENCE, static_cast<uint32_t>(ps.size()));
    }
    pc.depth += static_cast<int>(ps.size()) - 1;
    for (const ast::Pattern* sub : ps) {
        if (sub->kind == ast::PatternKind::MatchStar) {
            pattern_store(sub, sub->as<ast::MatchStar>()->name, pc);
        } else {
            subpattern(sub, pc);
        }
    }
}

void Compiler::mapping_pattern(const ast::MatchMapping* m, PatternContext& pc) {
    emit(Op::MATCH_MAPPING);
    ++pc.depth;
    jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
    const std::size_t n = m->keys.size();
    if (n == 0 && !m->rest) {
        emit(Op::POP_TOP);
        --pc.depth;
        return;
    }
    if (n > 0) {
        emit(Op::GET_LEN);
        emit(Op::LOAD_CONST, const_int(static_cast<int64_t>(n)));
        emit(Op::COMPARE_OP, static_cast<uint32_t>(CompareOp::Ge));
        ++pc.depth;
        jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
    }
    std::set<std::string> seen;
    for (const ast::Expr* key : m->keys) {
        std::string id, repr;
        if (literal_key(key, &id, &repr) && !seen.insert(id).second) {
            fail(m, "mapping pattern checks duplicate key (" + repr + ")");
        }
        expr(key);
    }
    emit(Op::BUILD_TUPLE, static_cast<uint32_t>(n));
    emit(Op::MATCH_KEYS);
    pc.depth += 2;  // the keys and the values (or None)
    emit(Op::COPY, 1);
    emit(Op::LOAD_CONST, const_none());
    emit(Op::IS_OP, 1);
    ++pc.depth;
    jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
    emit(Op::UNPACK_SEQUENCE, static_cast<uint32_t>(n));
    pc.depth += static_cast<int>(n) - 1;
    for (const ast::Pattern* sub : m->patterns) subpattern(sub, pc);
    // Left: the subject and the keys.
    if (m->rest) {
        emit(Op::COPY_DICT_WITHOUT_KEYS);
        pattern_store(m, m->rest, pc);
    } else {
        emit(Op::POP_TOP);
        --pc.depth;
    }
    emit(Op::POP_TOP);
    --pc.depth;
}

void Compiler::class_pattern(const ast::MatchClass* c, PatternContext& pc) {
    for (std::size_t i = 0; i < c->kwd_attrs.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            if (c->kwd_attrs[i] == c->kwd_attrs[j]) {
                fail(c->kwd_patterns[i],
                     "attribute name repeated in class pattern: " + c->kwd_attrs[i]);
            }
        }
    }
    expr(c->cls);
    for (const std::string& attr : c->kwd_attrs) load_const_str(attr);
    emit(Op::BUILD_TUPLE, static_cast<uint32_t>(c->kwd_attrs.size()));
    emit(Op::MATCH_CLASS, static_cast<uint32_t>(c->patterns.size()));
    // The subject is replaced by a tuple of the attributes, or None.
    emit(Op::COPY, 1);
    emit(Op::LOAD_CONST, const_none());
    emit(Op::IS_OP, 1);
    ++pc.depth;
    jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
    const std::size_t n = c->patterns.size() + c->kwd_patterns.size();
    emit(Op::UNPACK_SEQUENCE, static_cast<uint32_t>(n));
    pc.depth += static_cast<int>(n) - 1;
    for (const ast::Pattern* sub : c->patterns) subpattern(sub, pc);
    for (const ast::Pattern* sub : c->kwd_patterns) subpattern(sub, pc);
}

// Each alternative but the last tries a copy, with fail labels of its own
// that pop back to the original and go on to the next alternative.
void Compiler::or_pattern(const ast::MatchOr* o, PatternContext& pc) {
    Label end = new_label();
    const std::vector<std::string> stores_before = pc.stores;
    std::vector<std::string> first_binds;
    const bool allow_irrefutable = pc.allow_irrefutable;
    const int depth = pc.depth;
    for (std::size_t i = 0; i < o->patterns.size(); ++i) {
        const ast::Pattern* alt = o->patterns[i];
        const bool last = i + 1 == o->patterns.size();
        pc.stores = stores_before;
        pc.allow_irrefutable = last && allow_irrefutable;
        if (last) {
            pattern(alt, pc);
        } else {
            PatternContext inner;
            inner.base = depth;
            inner.depth = depth + 1;
            inner.stores = pc.stores;
            emit(Op::COPY, 1);
            pattern(alt, inner);
            pc.stores = inner.stores;
            emit(Op::POP_TOP);  // the original: this alternative matched
            emit_jump(Op::JUMP, end);
            emit_fail_pop(inner);
        }
        std::vector<std::string> binds(
            pc.stores.begin() + static_cast<std::ptrdiff_t>(stores_before.size()), pc.stores.end());
        std::sort(binds.begin(), binds.end());
        if (i == 0) {
            first_binds = binds;
        } else if (binds != first_binds) {
            fail(alt, "alternative patterns bind different names");
        }
    }
    pc.allow_irrefutable = allow_irrefutable;
    bind(end);
}

}  // namespace gilt
