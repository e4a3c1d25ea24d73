// Python's regular expression syntax: the parser and its errors.
//
// The parser reads the pattern as code points and builds a tree of Nodes in
// one pool. It follows CPython's re parser in what it accepts and in every
// error it reports: the same message, pointing at the same index (an escape
// error points at its backslash, an unclosed group at its '(', a bad
// quantifier at the quantifier). Flags scoped by (?i:...) are resolved here
// and stored in each node, so the compiler (regex_compile.cpp) never tracks
// flags itself.
#include "stdlib/regex_parse.hpp"

#include <unordered_set>

#include "interp/frontend/unicode_names.hpp"
#include "runtime/unicode.hpp"

namespace gilt::regex {

namespace {

bool is_digit(uint32_t c) {
    return c >= '0' && c <= '9';
}
bool is_octal(uint32_t c) {
    return c >= '0' && c <= '7';
}
int hex_value(uint32_t c) {
    if (is_digit(c)) return int(c - '0');
    if (c >= 'a' && c <= 'f') return int(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') return int(c - 'A' + 10);
    return -1;
}
bool is_ascii_letter(uint32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_verbose_space(uint32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

uint32_t inline_flag(uint32_t c) {
    switch (c) {
        case 'i':
            return kFlagIgnoreCase;
        case 'L':
            return kFlagLocale;
        case 'm':
            return kFlagMultiline;
        case 's':
            return kFlagDotAll;
        case 'x':
            return kFlagVerbose;
        case 'a':
            return kFlagAscii;
        case 'u':
            return kFlagUnicode;
        default:
            return 0;
    }
}

constexpr uint32_t kTypeFlags = kFlagAscii | kFlagLocale | kFlagUnicode;

}  // namespace

std::string Parser::text(size_t from, size_t to) const {
    std::string out;
    for (size_t k = from; k < to && k < m_p.size(); ++k) {
        uint32_t c = m_p[k];
        if (m_is_bytes && c >= 128) {
            char buf[16];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else {
            utf8_append(out, c);
        }
    }
    return out;
}

// Python's repr() of a name taken from the pattern (group names are quoted
// with it in messages).
std::string Parser::quoted(const std::string& s) const {
    bool has_single = s.find('\'') != std::string::npos;
    bool has_double = s.find('"') != std::string::npos;
    char q = has_single && !has_double ? '"' : '\'';
    std::string out(1, q);
    for (char ch : s) {
        if (ch == q || ch == '\\') out += '\\';
        out += ch;
    }
    out += q;
    return out;
}

int Parser::fail_item(std::string msg, int64_t pos) {
    fail(std::move(msg), pos);
    return -1;
}

bool Parser::fail(std::string msg, int64_t pos) {
    if (!m_failed) {
        m_failed = true;
        m_err.message = std::move(msg);
        m_err.pos = pos;
    }
    return false;
}

int Parser::add(Node n) {
    m_nodes.push_back(std::move(n));
    return int(m_nodes.size()) - 1;
}

int Parser::parse_pattern(uint32_t flags) {
    m_flags = flags;
    int root = parse_alternation(0, m_flags & kFlagVerbose, m_flags);
    if (root < 0) return -1;
    if (m_i < m_p.size()) {
        fail("unbalanced parenthesis", int64_t(m_i));  // the only way out is a ')'
        return -1;
    }
    for (const auto& [group, pos] : m_forward_refs) {
        if (group > m_groups) {
            fail("invalid group reference " + std::to_string(group), pos);
            return -1;
        }
    }
    return root;
}

// alternation: sequence ('|' sequence)*
int Parser::parse_alternation(int nested, bool verbose, uint32_t flags) {
    Node alt;
    alt.kind = Node::Alt;
    for (;;) {
        if (nested == 0) flags = m_flags;  // global flags read so far
        int seq = parse_sequence(nested, verbose, flags, nested == 0 && alt.kids.empty());
        if (seq < 0) return -1;
        alt.kids.push_back(seq);
        if (m_i >= m_p.size() || m_p[m_i] != '|') break;
        ++m_i;
        if (nested == 0) verbose = m_flags & kFlagVerbose;
    }
    if (alt.kids.size() == 1) return alt.kids[0];
    int set = alternatives_as_set(alt);
    return set >= 0 ? set : add(std::move(alt));
}

// a|b|[cd] is the class [abcd] (as CPython compiles it): one test instead of
// a choice point per alternative. Returns the new node, or -1 when some
// alternative is not a single character with the same flags.
int Parser::alternatives_as_set(const Node& alt) {
    CharSet merged;
    uint32_t flags = m_nodes[alt.kids[0]].flags;
    for (int k : alt.kids) {
        const Node& n = m_nodes[k];
        if (n.flags != flags) return -1;
        if (n.kind == Node::Lit) {
            // A class folds case by its members' lower and upper case; a
            // literal also matches what folds to it (the long s to 's').
            if ((flags & kFlagIgnoreCase) && n.c >= 128) return -1;
            merged.ranges.emplace_back(n.c, n.c);
        } else if (n.kind == Node::Set && !n.set.negate) {
            merged.ranges.insert(merged.ranges.end(), n.set.ranges.begin(), n.set.ranges.end());
            merged.categories |= n.set.categories;
        } else {
            return -1;
        }
    }
    merged.icase = flags & kFlagIgnoreCase;
    merged.ascii = (flags & (kFlagAscii | kFlagLocale)) || m_is_bytes;
    Node n;
    n.kind = Node::Set;
    n.flags = flags;
    n.set = std::move(merged);
    return add(std::move(n));
}

// sequence: (atom quantifier?)*, up to '|', ')' or the end.
int Parser::parse_sequence(int nested, bool verbose, uint32_t flags, bool first) {
    Node seq;
    seq.kind = Node::Cat;
    while (m_i < m_p.size()) {
        uint32_t c = m_p[m_i];
        if (c == '|' || c == ')') break;
        if (verbose && is_verbose_space(c)) {
            ++m_i;
            continue;
        }
        if (verbose && c == '#') {
            while (m_i < m_p.size() && m_p[m_i] != '\n') {
                m_i += m_p[m_i] == '\\' ? 2 : 1;  // the tokenizer reads "\x" as one token
            }
            if (m_i > m_p.size())
                return fail_item("bad escape (end of pattern)", int64_t(m_p.size()) - 1);
            continue;
        }
        if (c == '*' || c == '+' || c == '?' || c == '{') {
            if (!parse_quantifier(seq, flags)) return -1;
            continue;
        }
        int item = parse_atom(nested, verbose, flags, first && seq.kids.empty());
        if (item == kNoItem) {  // global flags (they apply from here on), or a comment
            if (nested == 0) {
                flags = m_flags;
                verbose = m_flags & kFlagVerbose;
            }
            continue;
        }
        if (item < 0) return -1;
        seq.kids.push_back(item);
    }
    if (seq.kids.size() == 1) {
        // Keep a lone item wrapped only when the quantifier check needs to
        // see through it; a one-item sequence is that item.
        return seq.kids[0];
    }
    return add(std::move(seq));
}

// quantifier: ('*' | '+' | '?' | '{' m? (',' n?)? '}') ('?' | '+')?
bool Parser::parse_quantifier(Node& seq, uint32_t flags) {
    size_t start = m_i;
    uint32_t c = m_p[m_i++];
    uint32_t min = 0, max = kMaxRepeat;
    if (c == '+') {
        min = 1;
    } else if (c == '?') {
        max = 1;
    } else if (c == '{') {
        size_t here = m_i;
        size_t lo_start = m_i;
        while (m_i < m_p.size() && is_digit(m_p[m_i])) ++m_i;
        size_t lo_end = m_i;
        size_t hi_start = m_i, hi_end = m_i;
        bool comma = m_i < m_p.size() && m_p[m_i] == ',';
        if (comma) {
            ++m_i;
            hi_start = m_i;
            while (m_i < m_p.size() && is_digit(m_p[m_i])) ++m_i;
            hi_end = m_i;
        } else {
            hi_start = lo_start;
            hi_end = lo_end;
        }
        if (m_i >= m_p.size() || m_p[m_i] != '}' || (!comma && lo_end == lo_start)) {
            m_i = here;  // not a quantifier: a literal '{'
            Node lit;
            lit.kind = Node::Lit;
            lit.c = '{';
            lit.flags = flags;
            seq.kids.push_back(add(std::move(lit)));
            return true;
        }
        ++m_i;
        auto number = [&](size_t a, size_t b, uint32_t* out) {
            uint64_t v = 0;
            for (size_t k = a; k < b; ++k) {
                v = v * 10 + (m_p[k] - '0');
                if (v >= kMaxRepeat) return false;
            }
            *out = uint32_t(v);
            return true;
        };
        if (lo_end > lo_start && !number(lo_start, lo_end, &min)) {
            m_err.overflow = true;
            return fail("the repetition number is too large", -1);
        }
        if (hi_end > hi_start) {
            if (!number(hi_start, hi_end, &max)) {
                m_err.overflow = true;
                return fail("the repetition number is too large", -1);
            }
            if (max < min) return fail("min repeat greater than max repeat", int64_t(here));
        }
    }
    if (seq.kids.empty() || m_nodes[seq.kids.back()].kind == Node::At)
        return fail("nothing to repeat", int64_t(start));
    if (m_nodes[seq.kids.back()].kind == Node::Repeat)
        return fail("multiple repeat", int64_t(start));
    Node rep;
    rep.kind = Node::Repeat;
    rep.min = min;
    rep.max = max;
    rep.mode = kGreedy;
    if (m_i < m_p.size() && m_p[m_i] == '?') {
        rep.mode = kLazy;
        ++m_i;
    } else if (m_i < m_p.size() && m_p[m_i] == '+') {
        rep.mode = kPossessive;
        ++m_i;
    }
    rep.kids.push_back(seq.kids.back());
    seq.kids.back() = add(std::move(rep));
    return true;
}

int Parser::literal(uint32_t c, uint32_t flags) {
    Node n;
    n.kind = Node::Lit;
    n.c = c;
    n.flags = flags;
    return add(std::move(n));
}

int Parser::parse_atom(int nested, bool verbose, uint32_t flags, bool first) {
    uint32_t c = m_p[m_i];
    if (c == '\\') return parse_escape(flags);
    if (c == '[') return parse_class(flags);
    ++m_i;
    Node n;
    n.flags = flags;
    switch (c) {
        case '.':
            n.kind = Node::Any;
            return add(std::move(n));
        case '^':
            n.kind = Node::At;
            n.at = (flags & kFlagMultiline) ? AtKind::BeginningLine : AtKind::Beginning;
            return add(std::move(n));
        case '$':
            n.kind = Node::At;
            n.at = (flags & kFlagMultiline) ? AtKind::EndLine : AtKind::EndDollar;
            return add(std::move(n));
        case '(':
            return parse_group(nested, verbose, flags, first);
        default:
            return literal(c, flags);
    }
}

// Reads a group name up to `terminator`, as CPython's tokenizer does.
bool Parser::read_name(uint32_t terminator, const char* what, std::string& name,
                       size_t& name_start) {
    name_start = m_i;
    while (m_i < m_p.size() && m_p[m_i] != terminator) ++m_i;
    if (m_i >= m_p.size()) {
        if (m_i == name_start) return fail(std::string("missing ") + what, int64_t(m_i));
        return fail(std::string("missing ") + char(terminator) + ", unterminated name",
                    int64_t(name_start));
    }
    if (m_i == name_start) return fail(std::string("missing ") + what, int64_t(m_i));
    name = text(name_start, m_i);
    ++m_i;
    return true;
}

bool Parser::check_group_name(const std::string& name, size_t name_start) {
    bool ok = name_start < m_i - 1 && uc_is_xid_start(m_p[name_start]) && m_p[name_start] != 0;
    for (size_t k = name_start + 1; ok && k < m_i - 1; ++k) ok = uc_is_xid_continue(m_p[k]);
    if (ok && is_digit(m_p[name_start])) ok = false;
    if (!ok) return fail("bad character in group name " + quoted(name), int64_t(name_start));
    return true;
}

// Inside a look-behind, a reference to a group of that same look-behind
// cannot be given a width; CPython refuses it.
bool Parser::check_lookbehind_ref(int group) {
    if (m_lookbehind_groups >= 0 && group > m_lookbehind_groups)
        return fail("cannot refer to group defined in the same lookbehind subpattern",
                    int64_t(m_i));
    return true;
}

int Parser::group_ref(int group, uint32_t flags) {
    Node n;
    n.kind = Node::Backref;
    n.group = group;
    n.flags = flags;
    return add(std::move(n));
}

// group: '(' ('?' extension)? alternation ')'
int Parser::parse_group(int nested, bool verbose, uint32_t flags, bool first) {
    size_t open = m_i - 1;
    if (nested > kMaxNesting) {
        // CPython's parser recurses in Python and runs into the recursion limit.
        m_err.recursion = true;
        return fail_item("maximum recursion depth exceeded", -1);
    }
    if (m_i >= m_p.size() || m_p[m_i] != '?')
        return capture_group(open, "", nested, verbose, flags);
    ++m_i;
    if (m_i >= m_p.size()) return fail_item("unexpected end of pattern", int64_t(m_i));
    uint32_t c = m_p[m_i++];
    switch (c) {
        case 'P':
            return parse_named(open, nested, verbose, flags);
        case ':':
            return group_body(open, Node::Group, -1, nested, verbose, flags);
        case '>':
            return group_body(open, Node::Atomic, -1, nested, verbose, flags);
        case '#':
            return skip_comment(open);
        case '=':
        case '!':
        case '<':
            return parse_lookaround(c, open, nested, verbose, flags);
        case '(':
            return parse_conditional(open, nested, verbose, flags);
        default:
            break;
    }
    if (!inline_flag(c) && c != '-')
        return fail_item("unknown extension ?" + text(m_i - 1, m_i), int64_t(m_i - 2));
    uint32_t scoped = flags;
    int r = parse_inline_flags(c, open, first, scoped);
    if (r != 1) return r == 0 ? kNoItem : -1;
    return group_body(open, Node::Group, -1, nested, scoped & kFlagVerbose, scoped);
}

// '(?P<name>' alternation ')' or '(?P=name)'
int Parser::parse_named(size_t open, int nested, bool verbose, uint32_t flags) {
    if (m_i >= m_p.size()) return fail_item("unexpected end of pattern", int64_t(m_i));
    uint32_t d = m_p[m_i++];
    if (d != '<' && d != '=')
        return fail_item("unknown extension ?P" + text(m_i - 1, m_i), int64_t(m_i - 3));
    std::string name;
    size_t name_start;
    if (!read_name(d == '<' ? '>' : ')', "group name", name, name_start) ||
        !check_group_name(name, name_start))
        return -1;
    if (d == '<') return capture_group(open, name, nested, verbose, flags);
    auto it = m_names.find(name);
    if (it == m_names.end())
        return fail_item("unknown group name " + quoted(name), int64_t(name_start));
    if (m_open.count(it->second))
        return fail_item("cannot refer to an open group", int64_t(name_start));
    if (!check_lookbehind_ref(it->second)) return -1;
    return group_ref(it->second, flags);
}

// '(?#' comment ')': nothing to match.
int Parser::skip_comment(size_t open) {
    while (m_i < m_p.size() && m_p[m_i] != ')') m_i += m_p[m_i] == '\\' ? 2 : 1;
    if (m_i >= m_p.size()) return fail_item("missing ), unterminated comment", int64_t(open));
    ++m_i;
    return kNoItem;
}

// '(?=' '(?!' '(?<=' '(?<!' alternation ')'
int Parser::parse_lookaround(uint32_t c, size_t open, int nested, bool verbose, uint32_t flags) {
    uint8_t look = c == '!' ? kLookNegative : 0;
    if (c == '<') {
        if (m_i >= m_p.size()) return fail_item("unexpected end of pattern", int64_t(m_i));
        uint32_t d = m_p[m_i++];
        if (d != '=' && d != '!')
            return fail_item("unknown extension ?<" + text(m_i - 1, m_i), int64_t(m_i - 3));
        look = kLookBehind | (d == '!' ? kLookNegative : 0);
    }
    int outer_lookbehind = m_lookbehind_groups;
    if ((look & kLookBehind) && outer_lookbehind < 0) m_lookbehind_groups = m_groups;
    int id = group_body(open, Node::Look, -1, nested, verbose, flags);
    m_lookbehind_groups = outer_lookbehind;
    if (id >= 0) m_nodes[size_t(id)].look = look;
    return id;
}

// A capturing group: numbered when its '(' is read, named if `name` is set.
int Parser::capture_group(size_t open, const std::string& name, int nested, bool verbose,
                          uint32_t flags) {
    int capture = ++m_groups;
    if (!name.empty()) {
        auto it = m_names.find(name);
        if (it != m_names.end()) {
            return fail_item("redefinition of group name " + quoted(name) + " as group " +
                                 std::to_string(capture) + "; was group " +
                                 std::to_string(it->second),
                             int64_t(m_i - 1 - utf8_count(name)));
        }
        m_names.emplace(name, capture);
        m_name_order.emplace_back(name, capture);
    }
    m_open.insert(capture);
    int id = group_body(open, Node::Group, capture, nested, verbose, flags);
    if (id < 0) return -1;
    m_open.erase(capture);
    if (m_group_nodes.size() <= size_t(capture)) m_group_nodes.resize(size_t(capture) + 1, -1);
    m_group_nodes[size_t(capture)] = id;
    return id;
}

// The alternation of a group and its ')'; the node wraps it.
int Parser::group_body(size_t open, Node::Kind kind, int capture, int nested, bool verbose,
                       uint32_t flags) {
    int body = parse_alternation(nested + 1, verbose, flags);
    if (body < 0) return -1;
    if (m_i >= m_p.size() || m_p[m_i] != ')')
        return fail_item("missing ), unterminated subpattern", int64_t(open));
    ++m_i;
    Node n;
    n.kind = kind;
    n.group = capture;
    n.kids.push_back(body);
    return add(std::move(n));
}

// conditional: '(?(' name-or-number ')' sequence ('|' sequence)? ')'
int Parser::parse_conditional(size_t open, int nested, bool verbose, uint32_t flags) {
    std::string name;
    size_t name_start;
    if (!read_name(')', "group name", name, name_start)) return -1;
    int group = -1;
    bool identifier = uc_is_xid_start(m_p[name_start]) && !is_digit(m_p[name_start]);
    for (size_t k = name_start + 1; identifier && k < m_i - 1; ++k)
        identifier = uc_is_xid_continue(m_p[k]);
    if (identifier) {
        auto it = m_names.find(name);
        if (it == m_names.end())
            return fail_item("unknown group name " + quoted(name), int64_t(name_start));
        group = it->second;
    } else {
        bool digits = true;
        for (size_t k = name_start; k < m_i - 1; ++k) digits &= is_digit(m_p[k]);
        if (!digits || name.size() > 9)
            return fail_item("bad character in group name " + quoted(name), int64_t(name_start));
        group = std::stoi(name);
        if (group == 0) return fail_item("bad group number", int64_t(name_start));
        m_forward_refs.emplace_back(group, int64_t(name_start));
    }
    if (m_lookbehind_groups >= 0 && (group > m_groups || m_open.count(group)))
        return fail_item("cannot refer to an open group", int64_t(m_i));
    if (!check_lookbehind_ref(group)) return -1;
    Node n;
    n.kind = Node::Cond;
    n.group = group;
    int yes = parse_sequence(nested + 1, verbose, flags, false);
    if (yes < 0) return -1;
    n.kids.push_back(yes);
    if (m_i < m_p.size() && m_p[m_i] == '|') {
        ++m_i;
        int no = parse_sequence(nested + 1, verbose, flags, false);
        if (no < 0) return -1;
        n.kids.push_back(no);
        if (m_i < m_p.size() && m_p[m_i] == '|')
            return fail_item("conditional backref with more than two branches", int64_t(m_i));
    }
    if (m_i >= m_p.size() || m_p[m_i] != ')')
        return fail_item("missing ), unterminated subpattern", int64_t(open));
    ++m_i;
    return add(std::move(n));
}

// flags: '(?' [aiLmsux]* ('-' [imsx]+)? (':' | ')'). Returns 0 for global
// flags (applied to m_flags), 1 for scoped ones (in `scoped`), -1 on error.
int Parser::parse_inline_flags(uint32_t c, size_t open, bool first, uint32_t& scoped) {
    uint32_t on = 0, off = 0;
    auto at_end = [&] { return m_i >= m_p.size(); };
    if (c != '-') {
        for (;;) {
            uint32_t f = inline_flag(c);
            if (!m_is_bytes && c == 'L')
                return fail_item("bad inline flags: cannot use 'L' flag with a str pattern",
                                 int64_t(m_i));
            if (m_is_bytes && c == 'u')
                return fail_item("bad inline flags: cannot use 'u' flag with a bytes pattern",
                                 int64_t(m_i));
            on |= f;
            if ((f & kTypeFlags) && (on & kTypeFlags) != f)
                return fail_item("bad inline flags: flags 'a', 'u' and 'L' are incompatible",
                                 int64_t(m_i));
            if (at_end()) return fail_item("missing -, : or )", int64_t(m_i));
            c = m_p[m_i++];
            if (c == ')' || c == '-' || c == ':') break;
            if (!inline_flag(c)) {
                bool alpha = uc_isalpha(c);
                return fail_item(alpha ? "unknown flag" : "missing -, : or )", int64_t(m_i - 1));
            }
        }
    }
    if (c == ')') {
        if (!first)
            return fail_item("global flags not at the start of the expression", int64_t(open));
        m_flags |= on;
        return 0;
    }
    if (c == '-') {
        if (at_end()) return fail_item("missing flag", int64_t(m_i));
        c = m_p[m_i++];
        if (!inline_flag(c))
            return fail_item(uc_isalpha(c) ? "unknown flag" : "missing flag", int64_t(m_i - 1));
        for (;;) {
            uint32_t f = inline_flag(c);
            if (f & kTypeFlags)
                return fail_item("bad inline flags: cannot turn off flags 'a', 'u' and 'L'",
                                 int64_t(m_i));
            off |= f;
            if (at_end()) return fail_item("missing :", int64_t(m_i));
            c = m_p[m_i++];
            if (c == ':') break;
            if (!inline_flag(c))
                return fail_item(uc_isalpha(c) ? "unknown flag" : "missing :", int64_t(m_i - 1));
        }
    }
    if (on & off) return fail_item("bad inline flags: flag turned on and off", int64_t(m_i - 1));
    scoped = (scoped | on) & ~off;
    if (on & kTypeFlags) scoped = (scoped & ~kTypeFlags) | (on & kTypeFlags);
    return 1;
}

// Reads exactly `count` hex digits after the escape letter at m_i - 1.
bool Parser::hex_escape(size_t start, int count, uint32_t& out) {
    uint32_t v = 0;
    int got = 0;
    while (got < count && m_i < m_p.size() && hex_value(m_p[m_i]) >= 0) {
        v = v * 16 + uint32_t(hex_value(m_p[m_i++]));
        ++got;
    }
    if (got != count) return fail("incomplete escape " + text(start, m_i), int64_t(start));
    out = v;
    return true;
}

// The escapes shared by classes and the pattern body. Returns 1 with `out`
// set for a literal, 0 when the caller must handle the letter, -1 on error.
int Parser::common_escape(size_t start, uint32_t c, uint32_t& out) {
    switch (c) {
        case 'a':
            out = 7;
            return 1;
        case 'f':
            out = 12;
            return 1;
        case 'n':
            out = 10;
            return 1;
        case 'r':
            out = 13;
            return 1;
        case 't':
            out = 9;
            return 1;
        case 'v':
            out = 11;
            return 1;
        case '\\':
            out = '\\';
            return 1;
        case 'x':
            return hex_escape(start, 2, out) ? 1 : -1;
        case 'u':
        case 'U':
            if (m_is_bytes) return 0;
            if (!hex_escape(start, c == 'u' ? 4 : 8, out)) return -1;
            if (out > 0x10FFFF) return fail_item("bad escape " + text(start, m_i), int64_t(start));
            return 1;
        case 'N': {
            if (m_is_bytes) return 0;
            if (m_i >= m_p.size() || m_p[m_i] != '{') return fail_item("missing {", int64_t(m_i));
            ++m_i;
            std::string name;
            size_t name_start;
            if (!read_name('}', "character name", name, name_start)) return -1;
            std::string upper;
            for (char ch : name) upper += (ch >= 'a' && ch <= 'z') ? char(ch - 32) : ch;
            char32_t cp;
            if (!unicode_names::code_point_for_name(upper, &cp))
                return fail_item("undefined character name " + quoted(name), int64_t(start));
            out = uint32_t(cp);
            return 1;
        }
        default:
            return 0;
    }
}

int Parser::category_set(uint32_t c, uint32_t flags) {
    CharSet set;
    set.categories = c == 'd'   ? CharSet::Digit
                     : c == 'D' ? CharSet::NotDigit
                     : c == 's' ? CharSet::Space
                     : c == 'S' ? CharSet::NotSpace
                     : c == 'w' ? CharSet::Word
                                : CharSet::NotWord;
    set.ascii = (flags & kFlagAscii) || m_is_bytes || (flags & kFlagLocale);
    set.icase = false;
    Node n;
    n.kind = Node::Set;
    n.set = std::move(set);
    n.flags = flags;
    return add(std::move(n));
}

// escape: '\' followed by one of: anchors, categories, group references,
// octal and the common escapes; other ASCII letters are errors.
int Parser::parse_escape(uint32_t flags) {
    size_t start = m_i++;
    if (m_i >= m_p.size()) return fail_item("bad escape (end of pattern)", int64_t(start));
    uint32_t c = m_p[m_i++];
    uint32_t lit;
    int r = common_escape(start, c, lit);
    if (r < 0) return -1;
    if (r == 1) return literal(lit, flags);
    Node n;
    n.kind = Node::At;
    n.flags = flags;
    switch (c) {
        case 'A':
            n.at = AtKind::Beginning;
            return add(std::move(n));
        case 'Z':
            n.at = AtKind::EndString;
            return add(std::move(n));
        case 'b':
            n.at = AtKind::Boundary;
            return add(std::move(n));
        case 'B':
            n.at = AtKind::NonBoundary;
            return add(std::move(n));
        case 'd':
        case 'D':
        case 's':
        case 'S':
        case 'w':
        case 'W':
            return category_set(c, flags);
        default:
            break;
    }
    if (c == '0') {
        uint32_t v = 0;
        for (int k = 0; k < 2 && m_i < m_p.size() && is_octal(m_p[m_i]); ++k)
            v = v * 8 + (m_p[m_i++] - '0');
        return literal(v, flags);
    }
    if (is_digit(c)) {
        if (m_i < m_p.size() && is_digit(m_p[m_i])) {
            uint32_t d = m_p[m_i++];
            if (is_octal(c) && is_octal(d) && m_i < m_p.size() && is_octal(m_p[m_i])) {
                uint32_t v = (c - '0') * 64 + (d - '0') * 8 + (m_p[m_i++] - '0');
                if (v > 0377)
                    return fail_item(
                        "octal escape value " + text(start, m_i) + " outside of range 0-0o377",
                        int64_t(start));
                return literal(v, flags);
            }
        }
        int group = std::stoi(text(start + 1, m_i));
        if (group <= m_groups) {
            if (m_open.count(group))
                return fail_item("cannot refer to an open group", int64_t(start));
            if (!check_lookbehind_ref(group)) return -1;
            return group_ref(group, flags);
        }
        return fail_item("invalid group reference " + std::to_string(group), int64_t(start + 1));
    }
    if (is_ascii_letter(c)) return fail_item("bad escape " + text(start, m_i), int64_t(start));
    return literal(c, flags);
}

// One class item after '\': a literal code point (returns 1), a category
// merged into `set` (returns 2), or an error (-1).
int Parser::class_escape(size_t start, CharSet& set, uint32_t& out) {
    if (m_i >= m_p.size()) return fail_item("bad escape (end of pattern)", int64_t(start));
    uint32_t c = m_p[m_i++];
    int r = common_escape(start, c, out);
    if (r != 0) return r;
    switch (c) {
        case 'b':
            out = 8;
            return 1;
        case 'd':
            set.categories |= CharSet::Digit;
            return 2;
        case 'D':
            set.categories |= CharSet::NotDigit;
            return 2;
        case 's':
            set.categories |= CharSet::Space;
            return 2;
        case 'S':
            set.categories |= CharSet::NotSpace;
            return 2;
        case 'w':
            set.categories |= CharSet::Word;
            return 2;
        case 'W':
            set.categories |= CharSet::NotWord;
            return 2;
        default:
            break;
    }
    if (is_octal(c)) {
        uint32_t v = c - '0';
        for (int k = 0; k < 2 && m_i < m_p.size() && is_octal(m_p[m_i]); ++k)
            v = v * 8 + (m_p[m_i++] - '0');
        if (v > 0377)
            return fail_item("octal escape value " + text(start, m_i) + " outside of range 0-0o377",
                             int64_t(start));
        out = v;
        return 1;
    }
    if (is_digit(c) || is_ascii_letter(c))
        return fail_item("bad escape " + text(start, m_i), int64_t(start));
    out = c;
    return 1;
}

// class: '[' '^'? ']'? (item | item '-' item)* ']'
int Parser::parse_class(uint32_t flags) {
    size_t open = m_i++;
    CharSet set;
    set.icase = flags & kFlagIgnoreCase;
    set.ascii = (flags & kFlagAscii) || m_is_bytes || (flags & kFlagLocale);
    if (m_i < m_p.size() && m_p[m_i] == '^') {
        set.negate = true;
        ++m_i;
    }
    size_t items_start = m_i;
    for (;;) {
        if (m_i >= m_p.size()) return fail_item("unterminated character set", int64_t(open));
        size_t this_start = m_i;
        uint32_t lo;
        int kind = 1;
        if (m_p[m_i] == ']' && m_i != items_start) {
            ++m_i;
            break;
        }
        if (m_p[m_i] == '\\') {
            ++m_i;
            kind = class_escape(this_start, set, lo);
            if (kind < 0) return -1;
        } else {
            lo = m_p[m_i++];
        }
        if (m_i < m_p.size() && m_p[m_i] == '-') {
            ++m_i;
            if (m_i >= m_p.size()) return fail_item("unterminated character set", int64_t(open));
            if (m_p[m_i] == ']') {
                if (kind == 1) set.ranges.emplace_back(lo, lo);
                set.ranges.emplace_back('-', '-');
                ++m_i;
                break;
            }
            size_t that_start = m_i;
            uint32_t hi;
            int kind2 = 1;
            CharSet scratch;
            if (m_p[m_i] == '\\') {
                ++m_i;
                kind2 = class_escape(that_start, scratch, hi);
                if (kind2 < 0) return -1;
            } else {
                hi = m_p[m_i++];
            }
            if (kind != 1 || kind2 != 1 || hi < lo)
                return fail_item("bad character range " + text(this_start, that_start - 1) + "-" +
                                     text(that_start, m_i),
                                 int64_t(this_start));
            set.ranges.emplace_back(lo, hi);
            continue;
        }
        if (kind == 1) set.ranges.emplace_back(lo, lo);
    }
    Node n;
    n.kind = Node::Set;
    n.flags = flags;
    n.set = std::move(set);
    return add(std::move(n));
}

}  // namespace gilt::regex
