// The parse tree of a regular expression, and the parser that builds it
// (regex_parse.cpp). Only regex_compile.cpp uses it.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "stdlib/regex.hpp"

namespace gilt::regex {

struct Node {
    enum Kind : uint8_t { Lit, Any, Set, Cat, Alt, Group, Repeat, At, Backref, Look, Atomic, Cond };
    Kind kind = Cat;
    uint32_t c = 0;      // Lit
    uint32_t flags = 0;  // the flags in force where the node was written
    AtKind at = AtKind::Beginning;
    int group = -1;             // Group (-1: not capturing), Backref, Cond
    uint32_t min = 0, max = 0;  // Repeat
    uint8_t mode = kGreedy;     // Repeat
    uint8_t look = 0;           // Look: kLookNegative | kLookBehind
    CharSet set;                // Set
    std::vector<int> kids;      // Cat, Alt: items; Group, Repeat, Look, Atomic: one; Cond: yes, no?
};

class Parser {
public:
    Parser(const std::vector<uint32_t>& pattern, bool is_bytes, CompileError& err)
        : m_p(pattern), m_is_bytes(is_bytes), m_err(err) {}

    // The root node, or -1 with the error filled in. flags() then holds the
    // flags given plus the global inline ones.
    int parse_pattern(uint32_t flags);

    std::vector<Node>& nodes() { return m_nodes; }
    uint32_t flags() const { return m_flags; }
    int groups() const { return m_groups; }
    const std::vector<std::pair<std::string, int>>& group_names() const { return m_name_order; }
    // The Group node of each capturing group (index: group number).
    const std::vector<int>& group_nodes() const { return m_group_nodes; }

private:
    static constexpr int kNoItem = -2;       // parse_atom read something that adds no node
    static constexpr int kMaxNesting = 500;  // groups inside groups

    int parse_alternation(int nested, bool verbose, uint32_t flags);
    int alternatives_as_set(const Node& alt);
    int parse_sequence(int nested, bool verbose, uint32_t flags, bool first);
    bool parse_quantifier(Node& seq, uint32_t flags);
    int parse_atom(int nested, bool verbose, uint32_t flags, bool first);
    int parse_group(int nested, bool verbose, uint32_t flags, bool first);
    int parse_named(size_t open, int nested, bool verbose, uint32_t flags);
    int skip_comment(size_t open);
    int parse_lookaround(uint32_t c, size_t open, int nested, bool verbose, uint32_t flags);
    int capture_group(size_t open, const std::string& name, int nested, bool verbose,
                      uint32_t flags);
    int group_body(size_t open, Node::Kind kind, int capture, int nested, bool verbose,
                   uint32_t flags);
    int parse_conditional(size_t open, int nested, bool verbose, uint32_t flags);
    int parse_inline_flags(uint32_t c, size_t open, bool first, uint32_t& scoped);
    int parse_escape(uint32_t flags);
    int parse_class(uint32_t flags);
    int class_escape(size_t start, CharSet& set, uint32_t& out);
    int common_escape(size_t start, uint32_t c, uint32_t& out);
    bool hex_escape(size_t start, int count, uint32_t& out);
    int category_set(uint32_t c, uint32_t flags);
    int literal(uint32_t c, uint32_t flags);
    int group_ref(int group, uint32_t flags);
    bool check_lookbehind_ref(int group);
    bool read_name(uint32_t terminator, const char* what, std::string& name, size_t& name_start);
    bool check_group_name(const std::string& name, size_t name_start);

    int add(Node n);
    bool fail(std::string msg, int64_t pos);
    int fail_item(std::string msg, int64_t pos);     // fail() for functions returning a node: -1
    std::string text(size_t from, size_t to) const;  // pattern slice as UTF-8 (bytes escaped)
    std::string quoted(const std::string& s) const;

    const std::vector<uint32_t>& m_p;
    bool m_is_bytes;
    CompileError& m_err;
    bool m_failed = false;
    size_t m_i = 0;        // index of the next unread code point
    uint32_t m_flags = 0;  // global flags
    int m_groups = 0;
    std::unordered_map<std::string, int> m_names;
    std::vector<std::pair<std::string, int>> m_name_order;
    std::unordered_set<int> m_open;                       // groups whose ')' has not been read yet
    std::vector<std::pair<int, int64_t>> m_forward_refs;  // (?(3)...) before group 3 exists
    std::vector<Node> m_nodes;
    std::vector<int> m_group_nodes;
    int m_lookbehind_groups = -1;  // inside a look-behind: the groups defined before it
};

}  // namespace gilt::regex
