// Tokens, as the lexer hands them to the parser.
//
// A token does not own its text: `text` is a view into the source buffer,
// which must outlive the tokens (the parser keeps it alive for the whole
// parse). String literals arrive whole, prefix and quotes included; the parser
// decodes escapes and splits f-strings, as CPython 3.11 does.
#pragma once

#include <cstdint>
#include <string_view>

namespace gilt {

enum class TokenKind : std::uint8_t {
    EndMarker,
    Newline,
    Indent,
    Dedent,
    Name,
    Number,
    String,

    // Operators and delimiters.
    LPar,
    RPar,
    LSqb,
    RSqb,
    LBrace,
    RBrace,
    Colon,
    Comma,
    Semi,
    Plus,
    Minus,
    Star,
    Slash,
    VBar,
    Amper,
    Less,
    Greater,
    Equal,
    Dot,
    Percent,
    EqEqual,
    NotEqual,
    LessEqual,
    GreaterEqual,
    Tilde,
    Circumflex,
    LeftShift,
    RightShift,
    DoubleStar,
    PlusEqual,
    MinEqual,
    StarEqual,
    SlashEqual,
    PercentEqual,
    AmperEqual,
    VBarEqual,
    CircumflexEqual,
    LeftShiftEqual,
    RightShiftEqual,
    DoubleStarEqual,
    DoubleSlash,
    DoubleSlashEqual,
    At,
    AtEqual,
    RArrow,
    Ellipsis,
    ColonEqual,

    // Hard keywords. Soft keywords (match, case, _) are plain names.
    KwFalse,
    KwNone,
    KwTrue,
    KwAnd,
    KwAs,
    KwAssert,
    KwAsync,
    KwAwait,
    KwBreak,
    KwClass,
    KwContinue,
    KwDef,
    KwDel,
    KwElif,
    KwElse,
    KwExcept,
    KwFinally,
    KwFor,
    KwFrom,
    KwGlobal,
    KwIf,
    KwImport,
    KwIn,
    KwIs,
    KwLambda,
    KwNonlocal,
    KwNot,
    KwOr,
    KwPass,
    KwRaise,
    KwReturn,
    KwTry,
    KwWhile,
    KwWith,
    KwYield,
};

struct Token {
    TokenKind kind = TokenKind::EndMarker;
    std::string_view text;  // empty for Newline at end of input, Indent, Dedent, EndMarker
    int line = 1;           // 1-based
    int col = 0;            // 0-based byte offset in the line
    int end_line = 1;
    int end_col = 0;
};

// A printable spelling for error messages: "'('", "NEWLINE", ...
std::string_view token_kind_name(TokenKind kind);

}  // namespace gilt
