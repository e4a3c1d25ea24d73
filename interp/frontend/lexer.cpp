// The lexer; see lexer.hpp for the model. Error messages and positions are
// those of CPython 3.11's Parser/tokenizer.c.
#include "interp/frontend/lexer.hpp"

#include <fmt/format.h>
#include <array>

namespace gilt {

namespace {

// CPython's MAXLEVEL: brackets deeper than this are refused by the tokenizer,
// which also bounds the parser's recursion through parenthesised expressions.
constexpr std::size_t kMaxBracketDepth = 200;
// CPython's MAXINDENT.
constexpr std::size_t kMaxIndentDepth = 100;
constexpr int kTabSize = 8;

struct Keyword {
    std::string_view text;
    TokenKind kind;
};

constexpr std::array<Keyword, 35> kKeywords{{
    {"False", TokenKind::KwFalse},
    {"None", TokenKind::KwNone},
    {"True", TokenKind::KwTrue},
    {"and", TokenKind::KwAnd},
    {"as", TokenKind::KwAs},
    {"assert", TokenKind::KwAssert},
    {"async", TokenKind::KwAsync},
    {"await", TokenKind::KwAwait},
    {"break", TokenKind::KwBreak},
    {"class", TokenKind::KwClass},
    {"continue", TokenKind::KwContinue},
    {"def", TokenKind::KwDef},
    {"del", TokenKind::KwDel},
    {"elif", TokenKind::KwElif},
    {"else", TokenKind::KwElse},
    {"except", TokenKind::KwExcept},
    {"finally", TokenKind::KwFinally},
    {"for", TokenKind::KwFor},
    {"from", TokenKind::KwFrom},
    {"global", TokenKind::KwGlobal},
    {"if", TokenKind::KwIf},
    {"import", TokenKind::KwImport},
    {"in", TokenKind::KwIn},
    {"is", TokenKind::KwIs},
    {"lambda", TokenKind::KwLambda},
    {"nonlocal", TokenKind::KwNonlocal},
    {"not", TokenKind::KwNot},
    {"or", TokenKind::KwOr},
    {"pass", TokenKind::KwPass},
    {"raise", TokenKind::KwRaise},
    {"return", TokenKind::KwReturn},
    {"try", TokenKind::KwTry},
    {"while", TokenKind::KwWhile},
    {"with", TokenKind::KwWith},
    {"yield", TokenKind::KwYield},
}};

struct Operator {
    std::string_view text;
    TokenKind kind;
};

// Longest first, so the first match is the longest token.
constexpr std::array<Operator, 47> kOperators{{
    {"**=", TokenKind::DoubleStarEqual},
    {"//=", TokenKind::DoubleSlashEqual},
    {">>=", TokenKind::RightShiftEqual},
    {"<<=", TokenKind::LeftShiftEqual},
    {"...", TokenKind::Ellipsis},
    {"!=", TokenKind::NotEqual},
    {"%=", TokenKind::PercentEqual},
    {"&=", TokenKind::AmperEqual},
    {"**", TokenKind::DoubleStar},
    {"*=", TokenKind::StarEqual},
    {"+=", TokenKind::PlusEqual},
    {"-=", TokenKind::MinEqual},
    {"->", TokenKind::RArrow},
    {"//", TokenKind::DoubleSlash},
    {"/=", TokenKind::SlashEqual},
    {":=", TokenKind::ColonEqual},
    {"<<", TokenKind::LeftShift},
    {"<=", TokenKind::LessEqual},
    {"==", TokenKind::EqEqual},
    {">=", TokenKind::GreaterEqual},
    {">>", TokenKind::RightShift},
    {"@=", TokenKind::AtEqual},
    {"^=", TokenKind::CircumflexEqual},
    {"|=", TokenKind::VBarEqual},
    {"(", TokenKind::LPar},
    {")", TokenKind::RPar},
    {"[", TokenKind::LSqb},
    {"]", TokenKind::RSqb},
    {"{", TokenKind::LBrace},
    {"}", TokenKind::RBrace},
    {":", TokenKind::Colon},
    {",", TokenKind::Comma},
    {";", TokenKind::Semi},
    {"+", TokenKind::Plus},
    {"-", TokenKind::Minus},
    {"*", TokenKind::Star},
    {"/", TokenKind::Slash},
    {"|", TokenKind::VBar},
    {"&", TokenKind::Amper},
    {"<", TokenKind::Less},
    {">", TokenKind::Greater},
    {"=", TokenKind::Equal},
    {".", TokenKind::Dot},
    {"%", TokenKind::Percent},
    {"~", TokenKind::Tilde},
    {"^", TokenKind::Circumflex},
    {"@", TokenKind::At},
}};

bool is_ascii_ident_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_ascii_ident_char(char c) {
    return is_ascii_ident_start(c) || is_digit(c);
}

// Non-ASCII code points that cannot be part of an identifier. CPython asks
// the Unicode database (XID_Start/XID_Continue); without one we refuse the
// punctuation, symbol and emoji blocks, which are what people actually paste
// by accident (currency signs, typographic quotes, arrows, math operators).
bool is_non_identifier_code_point(char32_t cp) {
    if (cp < 0xC0) return cp != 0xAA && cp != 0xB5 && cp != 0xBA;
    if (cp == 0xD7 || cp == 0xF7) return true;
    if (cp >= 0x2000 && cp <= 0x206F) return true;  // general punctuation
    if (cp >= 0x20A0 && cp <= 0x20CF) return true;  // currency
    if (cp >= 0x2190 && cp <= 0x2BFF) return true;  // arrows, math, boxes, symbols
    if (cp >= 0x3000 && cp <= 0x3004) return true;  // CJK punctuation
    if (cp >= 0x3008 && cp <= 0x3020) return true;
    if (cp >= 0xFE10 && cp <= 0xFE6F) return true;    // presentation punctuation
    if (cp >= 0xFF01 && cp <= 0xFF0F) return true;    // fullwidth punctuation
    if (cp >= 0xFFF0 && cp <= 0xFFFF) return true;    // specials
    if (cp >= 0x1F000 && cp <= 0x1FAFF) return true;  // emoji and pictographs
    return false;
}

bool is_string_prefix(std::string_view p) {
    if (p.size() > 2) return false;
    bool r = false, b = false, u = false, f = false;
    for (char c : p) {
        switch (c) {
            case 'r':
            case 'R':
                if (r) return false;
                r = true;
                break;
            case 'b':
            case 'B':
                if (b) return false;
                b = true;
                break;
            case 'u':
            case 'U':
                if (u) return false;
                u = true;
                break;
            case 'f':
            case 'F':
                if (f) return false;
                f = true;
                break;
            default:
                return false;
        }
    }
    if (u) return p.size() == 1;
    return !(b && f);
}

}  // namespace

std::size_t decode_utf8(std::string_view s, std::size_t pos, char32_t& cp) {
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    unsigned char c = byte(pos);
    std::size_t len;
    if (c < 0x80) {
        cp = c;
        return 1;
    } else if ((c & 0xE0) == 0xC0) {
        len = 2;
        cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3;
        cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (pos + len > s.size()) return 0;
    for (std::size_t i = 1; i < len; ++i) {
        if ((byte(pos + i) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (byte(pos + i) & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are invalid UTF-8.
    static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

std::string utf8_error_message(std::string_view s, std::size_t pos, std::size_t origin) {
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    unsigned char c = byte(pos);
    // The lead byte gives the length and the range of the second byte
    // (which excludes overlong forms, surrogates and values past U+10FFFF).
    std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    unsigned char lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
    unsigned char hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
    const char* reason = nullptr;
    std::size_t end = pos + 1;
    if (c < 0xC2 || c > 0xF4) {
        reason = "invalid start byte";
    } else {
        for (std::size_t i = 1; i < len && !reason; ++i, ++end) {
            if (pos + i >= s.size())
                reason = "unexpected end of data";
            else if (byte(pos + i) < (i == 1 ? lo : 0x80) || byte(pos + i) > (i == 1 ? hi : 0xBF))
                reason = "invalid continuation byte";
        }
        --end;
    }
    if (end - pos == 1)
        return fmt::format(
            "(unicode error) 'utf-8' codec can't decode byte 0x{:02x} in position {}: {}", c,
            pos - origin, reason);
    return fmt::format("(unicode error) 'utf-8' codec can't decode bytes in position {}-{}: {}",
                       pos - origin, end - 1 - origin, reason);
}

std::size_t first_bad_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp;
        std::size_t len = decode_utf8(s, i, cp);
        if (len == 0) return i;
        i += len;
    }
    return std::string_view::npos;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string_view token_kind_name(TokenKind kind) {
    switch (kind) {
        case TokenKind::EndMarker:
            return "ENDMARKER";
        case TokenKind::Newline:
            return "NEWLINE";
        case TokenKind::Indent:
            return "INDENT";
        case TokenKind::Dedent:
            return "DEDENT";
        case TokenKind::Name:
            return "NAME";
        case TokenKind::Number:
            return "NUMBER";
        case TokenKind::String:
            return "STRING";
        default:
            break;
    }
    for (const auto& o : kOperators)
        if (o.kind == kind) return o.text;
    for (const auto& k : kKeywords)
        if (k.kind == kind) return k.text;
    return "?";
}

SyntaxErrorInfo make_syntax_error(std::string_view source, std::string kind, std::string msg,
                                  int line, int col, int end_line, int end_col) {
    SyntaxErrorInfo info;
    info.kind = std::move(kind);
    info.msg = std::move(msg);
    info.line = line;
    info.end_line = end_line;
    // Find the start of the line.
    std::size_t start = 0;
    for (int l = 1; l < line && start < source.size(); ++l) {
        std::size_t nl = source.find('\n', start);
        start = nl == std::string_view::npos ? source.size() : nl + 1;
    }
    std::size_t stop = source.find('\n', start);
    stop = stop == std::string_view::npos ? source.size() : stop + 1;
    info.text = std::string(source.substr(start, stop - start));
    // CPython reports character offsets: count UTF-8 lead bytes.
    auto chars = [&](int bytes) {
        int n = 0;
        for (int i = 0; i < bytes && start + i < source.size(); ++i)
            if ((static_cast<unsigned char>(source[start + i]) & 0xC0) != 0x80) ++n;
        if (bytes > 0 && start + bytes > source.size())
            n += static_cast<int>(start + bytes - source.size());
        return n;
    };
    info.col = col < 0 ? col : chars(col) + 1;
    info.end_col = end_col;
    if (end_line == line && end_col > 0) info.end_col = chars(end_col) + 1;
    return info;
}

Lexer::Lexer(std::string_view source) : m_source(source), m_end(source.size()) {
    // A UTF-8 byte order mark is allowed and ignored, as in CPython.
    if (m_source.substr(0, 3) == "\xEF\xBB\xBF") {
        m_pos = 3;
        m_line_start = 3;
    }
}

Lexer::Lexer(std::string_view source, std::size_t begin, std::size_t end, int line, int line_start)
    : m_source(source),
      m_pos(begin),
      m_end(end),
      m_line_start(static_cast<std::size_t>(line_start)),
      m_line(line),
      m_fstring_expr(true),
      m_at_line_start(false) {}

void Lexer::fail(std::string msg, int line, int col, int end_line, int end_col, bool incomplete,
                 const char* kind) const {
    SyntaxErrorException e{
        make_syntax_error(m_source, kind, std::move(msg), line, col, end_line, end_col)};
    e.info.incomplete = incomplete;
    throw e;
}

Token Lexer::make(TokenKind kind, std::size_t start, int line, int col) {
    Token t;
    t.kind = kind;
    t.text = m_source.substr(start, m_pos - start);
    t.line = line;
    t.col = col;
    t.end_line = m_line;
    t.end_col = this->col();
    m_line_has_token = true;
    return t;
}

bool Lexer::emit_pending_dedent(Token& out) {
    if (m_pending_dedents == 0) return false;
    --m_pending_dedents;
    out = Token{TokenKind::Dedent, {}, m_line, col(), m_line, col()};
    return true;
}

// Measures the indentation of a new logical line and queues INDENT/DEDENT.
// Returns true (with `out` set) when it produced a token. Blank and
// comment-only lines are skipped whole, as CPython's tokenizer does.
bool Lexer::handle_line_start(Token& out) {
    for (;;) {
        int column = 0, alt_column = 0;
        std::size_t p = m_pos;
        for (; p < m_end; ++p) {
            char c = m_source[p];
            if (c == ' ') {
                ++column;
                ++alt_column;
            } else if (c == '\t') {
                column = (column / kTabSize + 1) * kTabSize;
                ++alt_column;
            } else if (c == '\f') {
                column = alt_column = 0;
            } else {
                break;
            }
        }
        m_pos = p;
        char c = peek();
        if (c == '#' || c == '\n' || c == '\r' || (c == '\\' && m_pos + 1 >= m_end)) {
            // Blank line: skip it, newline included.
            while (!at_end() && peek() != '\n' && peek() != '\r') ++m_pos;
            if (at_end()) return false;
            if (peek() == '\r' && peek(1) == '\n') ++m_pos;
            ++m_pos;
            new_line();
            continue;
        }
        m_at_line_start = false;
        if (at_end()) return false;
        int top = m_indents.back();
        if (column == top) {
            if (alt_column != m_alt_indents.back())
                fail("inconsistent use of tabs and spaces in indentation", m_line, 0, m_line, -1,
                     false, "TabError");
        } else if (column > top) {
            if (m_indents.size() >= kMaxIndentDepth)
                fail("too many levels of indentation", m_line, 0, m_line, -1, false,
                     "IndentationError");
            if (alt_column <= m_alt_indents.back())
                fail("inconsistent use of tabs and spaces in indentation", m_line, 0, m_line, -1,
                     false, "TabError");
            m_indents.push_back(column);
            m_alt_indents.push_back(alt_column);
            out = Token{TokenKind::Indent, {}, m_line, 0, m_line, col()};
            return true;
        } else {
            while (m_indents.size() > 1 && column < m_indents.back()) {
                m_indents.pop_back();
                m_alt_indents.pop_back();
                ++m_pending_dedents;
            }
            if (column != m_indents.back())
                fail("unindent does not match any outer indentation level", m_line, col() + 1,
                     m_line, -1, false, "IndentationError");
            if (alt_column != m_alt_indents.back())
                fail("inconsistent use of tabs and spaces in indentation", m_line, 0, m_line, -1,
                     false, "TabError");
            return emit_pending_dedent(out);
        }
        return false;
    }
}

Token Lexer::end_of_input() {
    if (!m_brackets.empty()) {
        const Bracket& b = m_brackets.back();
        fail(fmt::format("'{}' was never closed", b.ch), b.line, b.col, b.line, 0, true);
    }
    if (m_fstring_expr) return Token{TokenKind::EndMarker, {}, m_line, col(), m_line, col()};
    if (m_line_has_token) {
        m_line_has_token = false;
        return Token{TokenKind::Newline, {}, m_line, col(), m_line, col() + 1};
    }
    if (m_indents.size() > 1) {
        m_indents.pop_back();
        m_alt_indents.pop_back();
        return Token{TokenKind::Dedent, {}, m_line, col(), m_line, col()};
    }
    m_done = true;
    return Token{TokenKind::EndMarker, {}, m_line, col(), m_line, col()};
}

Token Lexer::next() {
    Token out;
    if (emit_pending_dedent(out)) return out;
    if (m_at_line_start && m_brackets.empty() && !m_fstring_expr && !m_done) {
        if (handle_line_start(out)) return out;
    }
    for (;;) {
        while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\f')) ++m_pos;
        if (at_end()) return end_of_input();
        char c = peek();
        if (c == '#') {
            while (!at_end() && peek() != '\n' && peek() != '\r') ++m_pos;
            continue;
        }
        if (c == '\n' || c == '\r') {
            std::size_t start = m_pos;
            int line = m_line, column = col();
            m_pos += (c == '\r' && peek(1) == '\n') ? 2 : 1;
            bool significant = m_brackets.empty() && !m_fstring_expr;
            if (significant) {
                Token t{
                    TokenKind::Newline, m_source.substr(start, m_pos - start), line, column, line,
                    column + 1};
                new_line();
                m_at_line_start = true;
                m_line_has_token = false;
                return t;
            }
            new_line();
            continue;
        }
        if (c == '\\') {
            int line = m_line, column = col();
            if (m_pos + 1 >= m_end)
                fail("unexpected EOF while parsing", line, column + 1, line, -1, true);
            char n = peek(1);
            if (n != '\n' && n != '\r')
                fail("unexpected character after line continuation character", line, column + 1,
                     line, 0);
            m_pos += (n == '\r' && peek(2) == '\n') ? 3 : 2;
            new_line();
            if (at_end()) fail("unexpected EOF while parsing", line, column + 1, line, -1, true);
            continue;
        }
        if (is_ascii_ident_start(c) || static_cast<unsigned char>(c) >= 0x80)
            return name_or_string();
        if (is_digit(c) || (c == '.' && is_digit(peek(1)))) return number();
        if (c == '"' || c == '\'') return string(m_pos, m_pos);
        return op();
    }
}

void Lexer::check_identifier_char(std::size_t start, std::size_t pos, std::size_t len,
                                  char32_t cp) const {
    int column = static_cast<int>(pos - m_line_start);
    // CPython decodes the name on its own, so the position counts from it.
    if (len == 0)
        fail(utf8_error_message(m_source.substr(0, m_end), pos, start), m_line, column, m_line,
             column);
    if (is_non_identifier_code_point(cp))
        fail(fmt::format("invalid character '{}' (U+{:04X})", m_source.substr(pos, len),
                         static_cast<std::uint32_t>(cp)),
             m_line, column, m_line, column);
}

// NAME, a keyword, or a prefixed string literal such as rb'...'.
Token Lexer::name_or_string() {
    std::size_t start = m_pos;
    int column = col();
    while (!at_end()) {
        char c = peek();
        if (is_ascii_ident_char(c)) {
            ++m_pos;
        } else if (static_cast<unsigned char>(c) >= 0x80) {
            char32_t cp = 0;
            std::size_t len = decode_utf8(m_source.substr(0, m_end), m_pos, cp);
            check_identifier_char(start, m_pos, len, cp);
            m_pos += len;
        } else {
            break;
        }
    }
    std::string_view word = m_source.substr(start, m_pos - start);
    if ((peek() == '"' || peek() == '\'') && is_string_prefix(word)) return string(start, m_pos);
    for (const auto& k : kKeywords)
        if (k.text == word) return make(k.kind, start, m_line, column);
    return make(TokenKind::Name, start, m_line, column);
}

// A string literal whose prefix starts at `start` and quote at `quote_pos`.
Token Lexer::string(std::size_t start, std::size_t quote_pos) {
    int line = m_line, column = static_cast<int>(start - m_line_start);
    char quote = m_source[quote_pos];
    m_pos = quote_pos + 1;
    bool triple = peek() == quote && peek(1) == quote;
    if (triple) m_pos += 2;
    for (;;) {
        if (at_end()) {
            // The line where the scan stopped: the last line that has text.
            int detected = m_line;
            if (m_pos > 0 && m_source[m_pos - 1] == '\n' && detected > line) --detected;
            if (triple)
                fail(fmt::format("unterminated triple-quoted string literal (detected at line {})",
                                 detected),
                     line, column, line, column, true);
            fail(fmt::format("unterminated string literal (detected at line {})", detected), line,
                 column, line, column);
        }
        char c = peek();
        if (c == '\\') {
            char n = peek(1);
            if (m_pos + 1 >= m_end) {
                ++m_pos;
                continue;
            }
            m_pos += (n == '\r' && peek(2) == '\n') ? 3 : 2;
            if (n == '\n' || n == '\r') new_line();
            continue;
        }
        if (c == '\n' || c == '\r') {
            if (!triple)
                fail(fmt::format("unterminated string literal (detected at line {})", m_line), line,
                     column, line, column);
            m_pos += (c == '\r' && peek(1) == '\n') ? 2 : 1;
            new_line();
            continue;
        }
        ++m_pos;
        if (c == quote) {
            if (!triple) break;
            if (peek() == quote && peek(1) == quote) {
                m_pos += 2;
                break;
            }
        }
    }
    Token t;
    t.kind = TokenKind::String;
    t.text = m_source.substr(start, m_pos - start);
    t.line = line;
    t.col = column;
    t.end_line = m_line;
    t.end_col = col();
    m_line_has_token = true;
    return t;
}

// digits ('_'? digit)*, starting at a digit.
void Lexer::skip_decimal_digits() {
    for (;;) {
        while (is_digit(peek())) ++m_pos;
        if (peek() != '_') return;
        ++m_pos;
        if (!is_digit(peek())) {
            fail("invalid decimal literal", m_line, col() - 1, m_line, col());
        }
    }
}

// CPython's verify_end_of_number: `1if x else y` is allowed (for the keywords
// CPython allows) but a letter glued to a number is an error.
void Lexer::verify_end_of_number(std::size_t start, const char* kind) {
    char c = peek();
    if (!is_ascii_ident_char(c) && static_cast<unsigned char>(c) < 0x80) return;
    static constexpr std::string_view kAllowed[] = {"and", "else", "for", "if",
                                                    "in",  "is",   "not", "or"};
    std::string_view rest = m_source.substr(m_pos, m_end - m_pos);
    for (auto kw : kAllowed)
        if (rest.substr(0, kw.size()) == kw) return;
    int column = static_cast<int>(start - m_line_start);
    fail(fmt::format("invalid {} literal", kind), m_line, column, m_line, column);
}

Token Lexer::number() {
    std::size_t start = m_pos;
    int column = col();
    auto radix = [&](auto is_radix_digit, const char* name) {
        m_pos += 2;
        bool any = false;
        for (;;) {
            if (peek() == '_') ++m_pos;
            if (!is_radix_digit(peek())) break;
            while (is_radix_digit(peek())) ++m_pos;
            any = true;
        }
        if (!any || m_source[m_pos - 1] == '_') {
            if (is_digit(peek()))
                fail(fmt::format("invalid digit '{}' in {} literal", peek(), name), m_line, col(),
                     m_line, col());
            fail(fmt::format("invalid {} literal", name), m_line, column + 1, m_line, column + 1);
        }
        if (is_digit(peek()))
            fail(fmt::format("invalid digit '{}' in {} literal", peek(), name), m_line, col(),
                 m_line, col());
        verify_end_of_number(start, name);
        return make(TokenKind::Number, start, m_line, column);
    };
    if (peek() == '0') {
        char x = peek(1);
        if (x == 'x' || x == 'X')
            return radix(
                [](char c) {
                    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
                },
                "hexadecimal");
        if (x == 'o' || x == 'O')
            return radix([](char c) { return c >= '0' && c <= '7'; }, "octal");
        if (x == 'b' || x == 'B')
            return radix([](char c) { return c == '0' || c == '1'; }, "binary");
    }
    bool is_float = false;
    if (peek() != '.') {
        skip_decimal_digits();
    }
    if (peek() == '.') {
        is_float = true;
        ++m_pos;
        if (is_digit(peek())) skip_decimal_digits();
    }
    if (peek() == 'e' || peek() == 'E') {
        std::size_t e = m_pos;
        ++m_pos;
        if (peek() == '+' || peek() == '-') ++m_pos;
        if (!is_digit(peek())) {
            m_pos = e;
            fail("invalid decimal literal", m_line, column, m_line, column);
        }
        skip_decimal_digits();
        is_float = true;
    }
    if (peek() == 'j' || peek() == 'J') {
        ++m_pos;
        verify_end_of_number(start, "imaginary");
        return make(TokenKind::Number, start, m_line, column);
    }
    if (!is_float) {
        // "0", "00", "0_0" are fine; any other leading zero is an old octal.
        std::string_view digits = m_source.substr(start, m_pos - start);
        if (digits.size() > 1 && digits[0] == '0' &&
            digits.find_first_not_of("0_") != std::string_view::npos)
            fail(
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for "
                "octal integers",
                m_line, column, m_line, column + 1);
    }
    verify_end_of_number(start, "decimal");
    return make(TokenKind::Number, start, m_line, column);
}

Token Lexer::op() {
    std::size_t start = m_pos;
    int column = col();
    std::string_view rest = m_source.substr(m_pos, std::min<std::size_t>(3, m_end - m_pos));
    for (const auto& o : kOperators) {
        if (rest.empty() || o.text[0] != rest[0] || rest.substr(0, o.text.size()) != o.text)
            continue;
        m_pos += o.text.size();
        char c = o.text[0];
        if (c == '(' || c == '[' || c == '{') {
            if (m_brackets.size() >= kMaxBracketDepth)
                fail("too many nested parentheses", m_line, column, m_line, column + 1);
            m_brackets.push_back({c, m_line, column});
        } else if (c == ')' || c == ']' || c == '}') {
            if (m_brackets.empty())
                fail(fmt::format("unmatched '{}'", c), m_line, column, m_line, column + 1);
            Bracket open = m_brackets.back();
            char expected = open.ch == '(' ? ')' : open.ch == '[' ? ']' : '}';
            if (c != expected) {
                if (open.line != m_line)
                    fail(fmt::format("closing parenthesis '{}' does not match opening parenthesis "
                                     "'{}' on line {}",
                                     c, open.ch, open.line),
                         m_line, column, m_line, column + 1);
                fail(fmt::format("closing parenthesis '{}' does not match opening parenthesis '{}'",
                                 c, open.ch),
                     m_line, column, m_line, column + 1);
            }
            m_brackets.pop_back();
        }
        return make(o.kind, start, m_line, column);
    }
    unsigned char c = static_cast<unsigned char>(peek());
    if (c < 0x20 || c == 0x7F) {
        if (c == 0) fail("source code cannot contain null bytes", m_line, column, m_line, column);
        fail(fmt::format("invalid non-printable character U+{:04X}", c), m_line, column, m_line,
             column);
    }
    // '$', '?', '`' and a lone '!': CPython's tokenizer returns an error token
    // and the parser reports plain "invalid syntax" at it.
    fail("invalid syntax", m_line, column, m_line, column + 1);
}

TokenizeResult tokenize(std::string_view source) {
    TokenizeResult result;
    try {
        Lexer lexer(source);
        for (;;) {
            result.tokens.push_back(lexer.next());
            if (result.tokens.back().kind == TokenKind::EndMarker) break;
        }
    } catch (SyntaxErrorException& e) {
        result.error = std::move(e.info);
    }
    return result;
}

}  // namespace gilt
