// From the parse tree to the VM's program (the instruction set is in
// regex.hpp), plus the character-class and case helpers both sides share.
//
// Repeats of one character become a single RepeatOne, which the VM runs as
// a counting loop with one backtrack entry (CPython's REPEAT_ONE). Other
// repeats are unrolled: the required copies, then a Split per optional copy,
// or a loop guarded by Mark/Check so that an iteration matching nothing ends
// the loop instead of spinning (as in CPython, that last empty iteration
// still counts: `(a|)*` on "aa" leaves group 1 empty).
#include <algorithm>
#include <string>
#include <unordered_map>

#include "runtime/unicode.hpp"
#include "stdlib/regex.hpp"
#include "stdlib/regex_parse.hpp"

namespace gilt::regex {

uint32_t fold_lower(uint32_t c, bool ascii) {
    if (c < 128 || ascii) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    return uc_to_lower(c);
}

uint32_t fold_upper(uint32_t c, bool ascii) {
    if (c < 128 || ascii) return (c >= 'a' && c <= 'z') ? c - 32 : c;
    return uc_to_upper(c);
}

namespace {

// Characters that no simple case mapping joins but whose full case folding
// is the same string of several characters (the two Greek iota with dialytika
// and tonos, the two "st" ligatures): CPython's case fixes make them match
// each other. Maps each to the smallest of its group; built once per process.
uint32_t multi_fold_alias(uint32_t c) {
    static const std::unordered_map<uint32_t, uint32_t> aliases = [] {
        std::unordered_map<std::u32string, std::vector<uint32_t>> by_fold;
        for (uint32_t x = 128; x < 0x1F000; ++x) {
            uint32_t out[3];
            int n = uc_fold_full(x, out);
            if (n > 1 && uc_to_lower(x) == x && uc_to_upper(x) == x)
                by_fold[std::u32string(out, out + n)].push_back(x);
        }
        std::unordered_map<uint32_t, uint32_t> map;
        for (const auto& [fold, chars] : by_fold) {
            if (chars.size() < 2) continue;
            for (uint32_t x : chars) map[x] = chars[0];
        }
        return map;
    }();
    auto it = aliases.find(c);
    return it == aliases.end() ? c : it->second;
}

}  // namespace

uint32_t fold_key(uint32_t c, bool ascii) {
    if (c < 128 || ascii) return (c >= 'a' && c <= 'z') ? c - 32 : c;
    // The dotted capital I lowers to 'i' in the simple mapping CPython's
    // matcher uses; uc_to_lower keeps it (its full lowering is two characters).
    if (c == 0x130) return 'I';
    uint32_t key = uc_to_upper(uc_to_lower(c));
    if (key == c) key = multi_fold_alias(c);
    return key;
}

// Every code point of each case class with more than one member, found by
// one scan of the cased planes the first time a case-insensitive class
// needs it. Immutable once built (a function-local static: built once per
// process, thread-safe), so it is not interpreter state.
const std::vector<uint32_t>* case_class(uint32_t key) {
    static const std::unordered_map<uint32_t, std::vector<uint32_t>> classes = [] {
        std::unordered_map<uint32_t, std::vector<uint32_t>> all;
        for (uint32_t c = 128; c < 0x1F000; ++c) {
            uint32_t k = fold_key(c, false);
            if (k != c || uc_to_lower(c) != c) all[k].push_back(c);
        }
        for (auto& [k, members] : all) {
            if (k < 0x1F000 && std::find(members.begin(), members.end(), k) == members.end())
                members.push_back(k);
            if (k < 128) members.push_back(k + 32);  // the ASCII lower case (a key is upper)
        }
        return all;
    }();
    auto it = classes.find(key);
    return it == classes.end() ? nullptr : &it->second;
}

bool is_word(uint32_t c, bool ascii) {
    if (c < 128 || ascii)
        return c < 128 && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                           (c >= '0' && c <= '9') || c == '_');
    return uc_isalnum(c);
}

namespace {

bool category_has(uint8_t cats, uint32_t c, bool ascii) {
    bool digit = ascii ? (c >= '0' && c <= '9') : uc_isdecimal(c);
    bool space = ascii ? (c == ' ' || (c >= 9 && c <= 13)) : uc_isspace(c);
    bool word = is_word(c, ascii);
    return ((cats & CharSet::Digit) && digit) || ((cats & CharSet::NotDigit) && !digit) ||
           ((cats & CharSet::Space) && space) || ((cats & CharSet::NotSpace) && !space) ||
           ((cats & CharSet::Word) && word) || ((cats & CharSet::NotWord) && !word);
}

bool in_ranges(const CharSet& set, uint32_t c) {
    for (const auto& [lo, hi] : set.ranges)
        if (c >= lo && c <= hi) return true;
    return false;
}

}  // namespace

bool CharSet::contains_slow(uint32_t c) const {
    bool in = in_ranges(*this, c) || (categories && category_has(categories, c, ascii));
    if (!in && icase) {
        uint32_t lo = fold_lower(c, ascii), up = fold_upper(c, ascii);
        in = (lo != c && in_ranges(*this, lo)) || (up != c && in_ranges(*this, up));
        if (!in && !ascii) {
            // The rest of c's case class: the Kelvin sign is a k, the dotless
            // and dotted i are i's (CPython's case fixes).
            if (const std::vector<uint32_t>* members = case_class(fold_key(c, false))) {
                for (uint32_t m : *members) {
                    if (in_ranges(*this, m)) {
                        in = true;
                        break;
                    }
                }
            }
        }
    }
    return in != negate;
}

void CharSet::finish() {
    for (uint32_t c = 0; c < 256; ++c)
        if (contains_slow(c)) low[c >> 6] |= uint64_t(1) << (c & 63);
}

namespace {

constexpr size_t kMaxProgram = 4'000'000;  // instructions; unrolled repeats stop here

bool ascii_semantics(uint32_t flags, bool is_bytes) {
    return is_bytes || (flags & (kFlagAscii | kFlagLocale));
}

class Compiler {
public:
    Compiler(std::vector<Node>& nodes, const std::vector<int>& group_nodes, Program& prog,
             CompileError& err)
        : m_nodes(nodes), m_group_nodes(group_nodes), m_prog(prog), m_err(err) {}

    bool emit_node(int id);

private:
    int emit(Inst in) {
        m_prog.code.push_back(in);
        return int(m_prog.code.size()) - 1;
    }
    int here() const { return int(m_prog.code.size()); }
    bool emit_char(const Node& n);
    bool emit_repeat(const Node& n);
    bool emit_loop(int body, bool lazy);
    bool captures_in(int from, int to) const;
    bool emit_alt(const Node& n);
    bool emit_sub(Op op, const Node& n, uint8_t flag, int32_t width);
    bool too_big() {
        if (m_prog.code.size() <= kMaxProgram) return false;
        m_err.message = "regular expression is too large";
        m_err.overflow = true;
        return true;
    }

    std::vector<Node>& m_nodes;
    const std::vector<int>& m_group_nodes;
    Program& m_prog;
    CompileError& m_err;
};

bool is_single_char(const Node& n) {
    return n.kind == Node::Lit || n.kind == Node::Any || n.kind == Node::Set;
}

bool Compiler::emit_char(const Node& n) {
    bool ascii = ascii_semantics(n.flags, m_prog.is_bytes);
    Inst in;
    if (n.kind == Node::Any) {
        in.op = (n.flags & kFlagDotAll) ? Op::AnyAll : Op::Any;
    } else if (n.kind == Node::Set) {
        CharSet set = n.set;
        set.finish();
        m_prog.sets.push_back(std::move(set));
        in.op = Op::Set;
        in.x = int32_t(m_prog.sets.size()) - 1;
    } else {
        in.op = Op::Char;
        in.c = n.c;
        if (n.flags & kFlagIgnoreCase) {
            in.c2 = fold_key(n.c, ascii);
            if (in.c2 != n.c || fold_lower(n.c, ascii) != n.c || !ascii) in.op = Op::CharI;
            in.flag = ascii ? 1 : 0;
        }
    }
    emit(in);
    return true;
}

// The least and greatest width of a subpattern (CPython's getwidth, greatest
// capped at kMaxRepeat); a look-behind needs the two to be equal.
struct Width {
    uint64_t lo = 0, hi = 0;
};

uint64_t capped(uint64_t w) {
    return w > kMaxRepeat ? kMaxRepeat : w;
}

Width width_of(const std::vector<Node>& nodes, const std::vector<int>& groups, int id) {
    const Node& n = nodes[id];
    Width w;
    switch (n.kind) {
        case Node::Lit:
        case Node::Any:
        case Node::Set:
            return {1, 1};
        case Node::At:
        case Node::Look:
            return w;
        case Node::Cat:
            for (int k : n.kids) {
                Width x = width_of(nodes, groups, k);
                w.lo = capped(w.lo + x.lo);
                w.hi = capped(w.hi + x.hi);
            }
            return w;
        case Node::Alt:
            for (size_t i = 0; i < n.kids.size(); ++i) {
                Width x = width_of(nodes, groups, n.kids[i]);
                w.lo = i == 0 ? x.lo : std::min(w.lo, x.lo);
                w.hi = std::max(w.hi, x.hi);
            }
            return w;
        case Node::Group:
        case Node::Atomic:
            return width_of(nodes, groups, n.kids[0]);
        case Node::Repeat: {
            Width x = width_of(nodes, groups, n.kids[0]);
            return {capped(x.lo * n.min), x.hi == 0 ? 0 : capped(x.hi * uint64_t(n.max))};
        }
        case Node::Cond: {
            w = width_of(nodes, groups, n.kids[0]);
            if (n.kids.size() < 2) return {0, w.hi};
            Width no = width_of(nodes, groups, n.kids[1]);
            return {std::min(w.lo, no.lo), std::max(w.hi, no.hi)};
        }
        case Node::Backref:
            if (size_t(n.group) < groups.size() && groups[size_t(n.group)] >= 0)
                return width_of(nodes, groups, groups[size_t(n.group)]);
            return {0, kMaxRepeat};
    }
    return w;
}

// Whether code[from, to) sets a capture: only then must a sub-program's
// run be undoable (regex_match.cpp keeps a copy of the slots around it).
bool Compiler::captures_in(int from, int to) const {
    for (int pc = from; pc < to; ++pc)
        if (m_prog.code[size_t(pc)].op == Op::Save) return true;
    return false;
}

bool Compiler::emit_sub(Op op, const Node& n, uint8_t flag, int32_t width) {
    Inst in;
    in.op = op;
    in.flag = flag;
    in.x = width;
    int at = emit(in);
    if (!emit_node(n.kids[0])) return false;
    emit(Inst{Op::Succeed});
    m_prog.code[at].y = here();
    m_prog.code[at].c = captures_in(at + 1, here()) ? 1 : 0;
    return true;
}

bool Compiler::emit_alt(const Node& n) {
    std::vector<int> jumps;
    for (size_t i = 0; i < n.kids.size(); ++i) {
        int split = -1;
        if (i + 1 < n.kids.size()) {
            Inst s{Op::Split};
            split = emit(s);
            m_prog.code[split].x = here();
        }
        if (!emit_node(n.kids[i])) return false;
        if (split >= 0) {
            jumps.push_back(emit(Inst{Op::Jmp}));
            m_prog.code[split].y = here();
        }
    }
    for (int j : jumps) m_prog.code[j].x = here();
    return true;
}

// body* (greedy: LoopGreedy, one frame per iteration) or body*? (lazy: a
// Split preferring to leave, and Mark); Check ends the loop on an empty
// iteration.
bool Compiler::emit_loop(int body, bool lazy) {
    int reg = m_prog.registers++;
    Inst head{lazy ? Op::Split : Op::LoopGreedy};
    head.x = reg;
    int loop = emit(head);
    if (lazy) {
        Inst mark{Op::Mark};
        mark.x = reg;
        emit(mark);
    }
    if (!emit_node(body)) return false;
    Inst check{Op::Check};
    check.x = reg;
    int chk = emit(check);
    Inst back{Op::Jmp};
    back.x = loop;
    emit(back);
    int end = here();
    m_prog.code[chk].y = end;
    if (lazy) {
        m_prog.code[loop].x = end;       // first try leaving
        m_prog.code[loop].y = loop + 1;  // then one more iteration
    } else {
        m_prog.code[loop].y = end;
    }
    return true;
}

bool Compiler::emit_repeat(const Node& n) {
    const Node& body = m_nodes[n.kids[0]];
    if (is_single_char(body)) {
        Inst in{Op::RepeatOne};
        in.min = n.min;
        in.max = n.max;
        in.flag = n.mode;
        emit(in);
        return emit_char(body);
    }
    if (n.mode == kPossessive) {
        Node greedy = n;
        greedy.mode = kGreedy;
        int at = emit(Inst{Op::Atomic});
        if (!emit_repeat(greedy)) return false;
        emit(Inst{Op::Succeed});
        m_prog.code[at].y = here();
        m_prog.code[at].c = captures_in(at + 1, here()) ? 1 : 0;
        return true;
    }
    bool lazy = n.mode == kLazy;
    for (uint32_t i = 0; i < n.min; ++i) {
        if (!emit_node(n.kids[0]) || too_big()) return false;
    }
    if (n.max == kMaxRepeat) return emit_loop(n.kids[0], lazy);
    std::vector<int> splits;
    for (uint32_t i = n.min; i < n.max; ++i) {
        splits.push_back(emit(Inst{Op::Split}));
        if (!emit_node(n.kids[0]) || too_big()) return false;
    }
    int end = here();
    for (size_t k = 0; k < splits.size(); ++k) {
        int body_at = splits[k] + 1;
        m_prog.code[splits[k]].x = lazy ? end : body_at;
        m_prog.code[splits[k]].y = lazy ? body_at : end;
    }
    return true;
}

bool Compiler::emit_node(int id) {
    const Node& n = m_nodes[id];
    switch (n.kind) {
        case Node::Lit:
        case Node::Any:
        case Node::Set:
            return emit_char(n);
        case Node::Cat:
            for (int k : n.kids)
                if (!emit_node(k)) return false;
            return true;
        case Node::Alt:
            return emit_alt(n);
        case Node::Group: {
            if (n.group < 0) return emit_node(n.kids[0]);
            Inst open{Op::Save};
            open.x = 2 * n.group;
            emit(open);
            if (!emit_node(n.kids[0])) return false;
            Inst close{Op::Save};
            close.x = 2 * n.group + 1;
            emit(close);
            return true;
        }
        case Node::Repeat:
            return emit_repeat(n);
        case Node::At: {
            Inst in{Op::At};
            in.x = int32_t(n.at);
            in.flag = ascii_semantics(n.flags, m_prog.is_bytes) ? 1 : 0;
            emit(in);
            return true;
        }
        case Node::Backref: {
            Inst in{Op::Backref};
            in.x = n.group;
            in.flag = (n.flags & kFlagIgnoreCase) ? 1 : 0;
            in.flag |= ascii_semantics(n.flags, m_prog.is_bytes) ? 2 : 0;
            emit(in);
            return true;
        }
        case Node::Look: {
            Width width;
            if (n.look & kLookBehind) {
                width = width_of(m_nodes, m_group_nodes, n.kids[0]);
                if (width.lo != width.hi) {
                    m_err.message = "look-behind requires fixed-width pattern";
                    m_err.pos = -1;
                    return false;
                }
            }
            return emit_sub(Op::Look, n, n.look, int32_t(width.lo));
        }
        case Node::Atomic:
            return emit_sub(Op::Atomic, n, 0, 0);
        case Node::Cond: {
            Inst in{Op::GroupExists};
            in.x = n.group;
            int at = emit(in);
            if (!emit_node(n.kids[0])) return false;
            int jump = emit(Inst{Op::Jmp});
            m_prog.code[at].y = here();
            if (n.kids.size() > 1 && !emit_node(n.kids[1])) return false;
            m_prog.code[jump].x = here();
            return true;
        }
    }
    return false;
}

// The literal text every match must start with, when the pattern begins
// with case-sensitive literals; lets search skip ahead with a fast find.
void find_prefix(const std::vector<Node>& nodes, int root, Program& prog) {
    const Node* n = &nodes[root];
    while (n->kind == Node::Group && n->group < 0) n = &nodes[n->kids[0]];
    std::vector<int> items;
    if (n->kind == Node::Cat) {
        items = n->kids;
    } else {
        items.push_back(int(n - nodes.data()));
    }
    if (!items.empty()) {
        const Node& first = nodes[items[0]];
        if (first.kind == Node::At && first.at == AtKind::Beginning) prog.anchored = true;
    }
    for (int k : items) {
        const Node& item = nodes[k];
        if (item.kind != Node::Lit || (item.flags & kFlagIgnoreCase)) break;
        prog.prefix.push_back(item.c);
    }
    for (uint32_t c : prog.prefix) {
        if (c > 255) {
            prog.prefix_bytes.clear();
            break;
        }
        prog.prefix_bytes += char(c);
    }
}

// What can start a match of a node: a set of characters below 256, whether
// wider ones can, and whether the node can match empty (then what follows
// it can start the match too).
struct First {
    uint64_t low[4] = {0, 0, 0, 0};
    bool wide = false;
    bool nullable = false;
    bool unknown = false;  // lookarounds, backreferences: give up

    void add(uint32_t c) {
        if (c < 256)
            low[c >> 6] |= uint64_t(1) << (c & 63);
        else
            wide = true;
    }
    void merge(const First& o) {
        for (int i = 0; i < 4; ++i) low[i] |= o.low[i];
        wide |= o.wide;
        unknown |= o.unknown;
    }
};

First first_of(const std::vector<Node>& nodes, int id, bool is_bytes) {
    const Node& n = nodes[id];
    First f;
    switch (n.kind) {
        case Node::Lit: {
            f.add(n.c);
            if (n.flags & kFlagIgnoreCase) {
                // Every narrow character the VM's CharI test accepts; wide
                // ones may fold too (the Kelvin sign is a 'k').
                bool ascii = ascii_semantics(n.flags, is_bytes);
                uint32_t key = fold_key(n.c, ascii);
                for (uint32_t x = 0; x < 256; ++x) {
                    if (fold_key(x, ascii) == key) f.add(x);
                }
                f.wide = !ascii;
            }
            return f;
        }
        case Node::Any:
            f.unknown = true;
            return f;
        case Node::Set: {
            CharSet set = n.set;
            set.finish();
            for (int i = 0; i < 4; ++i) f.low[i] = set.low[i];
            f.wide = true;
            return f;
        }
        case Node::Cat: {
            f.nullable = true;
            for (int k : n.kids) {
                First x = first_of(nodes, k, is_bytes);
                f.merge(x);
                if (!x.nullable) {
                    f.nullable = false;
                    break;
                }
            }
            return f;
        }
        case Node::Alt:
            for (int k : n.kids) {
                First x = first_of(nodes, k, is_bytes);
                f.merge(x);
                f.nullable |= x.nullable;
            }
            return f;
        case Node::Group:
        case Node::Atomic:
            return first_of(nodes, n.kids[0], is_bytes);
        case Node::Repeat:
            f = first_of(nodes, n.kids[0], is_bytes);
            if (n.min == 0) f.nullable = true;
            return f;
        case Node::At:
            f.nullable = true;
            return f;
        default:
            f.unknown = true;
            return f;
    }
}

void find_first(const std::vector<Node>& nodes, int root, Program& prog) {
    First f = first_of(nodes, root, prog.is_bytes);
    if (f.unknown || f.nullable) return;
    prog.has_first = true;
    prog.nullable = false;
    prog.first_wide = f.wide;
    for (int i = 0; i < 4; ++i) prog.first[i] = f.low[i];
}

bool fix_flags(uint32_t& flags, bool is_bytes, CompileError& err) {
    err.value_error = true;
    if (!is_bytes) {
        if (flags & kFlagLocale) {
            err.message = "cannot use LOCALE flag with a str pattern";
            return false;
        }
        if (!(flags & kFlagAscii)) {
            flags |= kFlagUnicode;
        } else if (flags & kFlagUnicode) {
            err.message = "ASCII and UNICODE flags are incompatible";
            return false;
        }
    } else {
        if (flags & kFlagUnicode) {
            err.message = "cannot use UNICODE flag with a bytes pattern";
            return false;
        }
        if ((flags & kFlagLocale) && (flags & kFlagAscii)) {
            err.message = "ASCII and LOCALE flags are incompatible";
            return false;
        }
    }
    err.value_error = false;
    return true;
}

}  // namespace

bool compile(const std::vector<uint32_t>& pattern, bool is_bytes, uint32_t flags, Program& out,
             CompileError& err) {
    Parser parser(pattern, is_bytes, err);
    int root = parser.parse_pattern(flags);
    if (root < 0) return false;
    flags = parser.flags();
    if (!fix_flags(flags, is_bytes, err)) return false;
    out.flags = flags;
    out.is_bytes = is_bytes;
    out.groups = parser.groups();
    out.group_names = parser.group_names();
    Compiler compiler(parser.nodes(), parser.group_nodes(), out, err);
    if (!compiler.emit_node(root)) return false;
    out.code.push_back(Inst{Op::Match});
    find_prefix(parser.nodes(), root, out);
    find_first(parser.nodes(), root, out);
    return true;
}

}  // namespace gilt::regex
