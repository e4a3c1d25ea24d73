// The lexer: turns UTF-8 source into tokens on demand, CPython 3.11 style.
//
// It follows Parser/tokenizer.c: an indentation stack produces INDENT and
// DEDENT (a tab advances to the next multiple of 8 columns, and a second
// count with tabs as 1 column detects inconsistent mixing, as CPython's
// "altcol" does); inside brackets newlines and indentation are ignored; blank
// and comment-only lines produce nothing. Tokens are produced lazily, one per
// next() call, so an error late in the file is only reported if the parser
// gets that far (which is how CPython orders its errors).
//
// String literals are scanned but not decoded: the token holds the prefix,
// quotes and body, and the parser decodes escapes and splits f-strings
// (Python 3.11 tokenizes an f-string as one STRING token too).
//
// Errors are thrown as SyntaxErrorException; the parser catches them, and
// tokenize() catches them for callers that want a token list.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "interp/frontend/syntax_error.hpp"
#include "interp/frontend/token.hpp"

namespace gilt {

// Thrown inside the front end only; parse_* and tokenize() never let it escape.
struct SyntaxErrorException {
    SyntaxErrorInfo info;
};

// Builds a SyntaxErrorInfo from byte positions in `source` (line 1-based,
// columns 0-based bytes): converts columns to CPython's 1-based character
// offsets and copies the source line.
SyntaxErrorInfo make_syntax_error(std::string_view source, std::string kind, std::string msg,
                                  int line, int col, int end_line, int end_col);

class Lexer {
public:
    // Lexes all of `source`.
    explicit Lexer(std::string_view source);

    // Lexes the bytes [begin, end) of `source` as the expression of an
    // f-string replacement field: positions stay those of the whole source,
    // newlines are insignificant (as if inside parentheses), no INDENT/DEDENT.
    Lexer(std::string_view source, std::size_t begin, std::size_t end, int line, int line_start);

    Token next();

    // Depth of open brackets right now; the parser's REPL logic reads it.
    std::size_t bracket_depth() const { return m_brackets.size(); }

    std::string_view source() const { return m_source; }

    [[noreturn]] void fail(std::string msg, int line, int col, int end_line, int end_col,
                           bool incomplete = false, const char* kind = "SyntaxError") const;

private:
    struct Bracket {
        char ch;
        int line;
        int col;
    };

    bool at_end() const { return m_pos >= m_end; }
    char peek(std::size_t ahead = 0) const {
        return m_pos + ahead < m_end ? m_source[m_pos + ahead] : '\0';
    }
    int col() const { return static_cast<int>(m_pos - m_line_start); }
    void new_line() {
        ++m_line;
        m_line_start = m_pos;
    }

    bool handle_line_start(Token& out);
    bool emit_pending_dedent(Token& out);
    Token end_of_input();
    Token make(TokenKind kind, std::size_t start, int line, int col);
    Token name_or_string();
    Token string(std::size_t start, std::size_t quote_pos);
    Token number();
    Token op();
    void check_identifier_char(std::size_t start, std::size_t pos, std::size_t len,
                               char32_t cp) const;
    void skip_decimal_digits();
    void verify_end_of_number(std::size_t start, const char* kind);

    std::string_view m_source;
    std::size_t m_pos = 0;
    std::size_t m_end = 0;
    std::size_t m_line_start = 0;
    int m_line = 1;
    bool m_fstring_expr = false;
    bool m_at_line_start = true;
    bool m_line_has_token = false;  // a token was emitted since the last NEWLINE
    bool m_done = false;
    int m_pending_dedents = 0;
    std::vector<int> m_indents{0};
    std::vector<int> m_alt_indents{0};
    std::vector<Bracket> m_brackets;
};

// Every token of `source` up to and including EndMarker, or the first error.
struct TokenizeResult {
    std::vector<Token> tokens;
    std::optional<SyntaxErrorInfo> error;
};
TokenizeResult tokenize(std::string_view source);

// Decodes one UTF-8 sequence at `s[pos]`; returns its length (0 if invalid)
// and stores the code point.
std::size_t decode_utf8(std::string_view s, std::size_t pos, char32_t& cp);
// The offset of the first invalid UTF-8 sequence in `s`, or npos.
std::size_t first_bad_utf8(std::string_view s);
// The SyntaxError text for the invalid sequence at s[pos], as CPython words
// it: "(unicode error) 'utf-8' codec can't decode byte 0xff in position 0:
// invalid start byte", positions counted from `origin`.
std::string utf8_error_message(std::string_view s, std::size_t pos, std::size_t origin);
void append_utf8(std::string& out, char32_t cp);

}  // namespace gilt
