// The description of a syntax error found by the lexer or parser.
//
// The front end never throws out of its public functions: a failed parse
// returns one of these, worded and positioned the way CPython 3.11 reports
// the same mistake, so that error messages and tests can be compared with
// python3 directly. The runtime turns it into a SyntaxError exception object.
#pragma once

#include <string>

namespace gilt {

struct SyntaxErrorInfo {
    std::string kind = "SyntaxError";  // "SyntaxError", "IndentationError" or "TabError"
    std::string msg;
    int line = 0;      // 1-based
    int col = 0;       // 1-based character (not byte) offset, as CPython's SyntaxError.offset
    int end_line = 0;  // as CPython's end_lineno
    int end_col = 0;   // as CPython's end_offset
    std::string text;  // the offending source line, with its newline as CPython keeps it
    // True when more input could still make the source valid: an unclosed
    // bracket, an unterminated triple-quoted string, a trailing backslash, or
    // a block header at the end of the input. The REPL asks for another line.
    bool incomplete = false;
};

}  // namespace gilt
