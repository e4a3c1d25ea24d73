// The parser's literals: numbers, string and bytes escapes, implicit
// concatenation and f-strings (parsed into JoinedStr/FormattedValue).
#include "interp/frontend/parser_impl.hpp"
#include "interp/frontend/unicode_names.hpp"

namespace gilt::parser_detail {

// ===========================================================================
// Literals

// Converts the digits of an unsigned integer in `base` to decimal text.
std::string to_decimal(std::string_view digits, int base) {
    // Little-endian limbs of 10^9.
    std::vector<std::uint32_t> limbs{0};
    for (char ch : digits) {
        int d = ch <= '9' ? ch - '0' : (ch | 0x20) - 'a' + 10;
        std::uint64_t carry = static_cast<std::uint64_t>(d);
        for (auto& limb : limbs) {
            std::uint64_t v =
                static_cast<std::uint64_t>(limb) * static_cast<std::uint64_t>(base) + carry;
            limb = static_cast<std::uint32_t>(v % 1000000000u);
            carry = v / 1000000000u;
        }
        if (carry) limbs.push_back(static_cast<std::uint32_t>(carry));
    }
    std::string out = std::to_string(limbs.back());
    for (std::size_t i = limbs.size() - 1; i-- > 0;) out += fmt::format("{:09}", limbs[i]);
    return out;
}

Expr* Parser::number(const Token& t) {
    auto* c = make<Constant>(t);
    std::string text;
    text.reserve(t.text.size());
    for (char ch : t.text)
        if (ch != '_') text += ch;
    char last = text.back();
    if (last == 'j' || last == 'J') {
        c->value_kind = ConstantKind::Imaginary;
        c->float_value = std::strtod(text.c_str(), nullptr);
        return c;
    }
    int base = 10;
    std::string_view digits = text;
    if (text.size() > 1 && text[0] == '0' && std::isalpha(static_cast<unsigned char>(text[1]))) {
        char p = static_cast<char>(text[1] | 0x20);
        base = p == 'x' ? 16 : p == 'o' ? 8 : 2;
        digits.remove_prefix(2);
    } else if (text.find_first_of(".eE") != std::string::npos) {
        c->value_kind = ConstantKind::Float;
        c->float_value = std::strtod(text.c_str(), nullptr);
        return c;
    }
    std::uint64_t value = 0;
    bool overflow = false;
    for (char ch : digits) {
        std::uint64_t d = static_cast<std::uint64_t>(ch <= '9' ? ch - '0' : (ch | 0x20) - 'a' + 10);
        if (value >
            (static_cast<std::uint64_t>(INT64_MAX) - d) / static_cast<std::uint64_t>(base)) {
            overflow = true;
            break;
        }
        value = value * static_cast<std::uint64_t>(base) + d;
    }
    if (overflow) {
        c->value_kind = ConstantKind::BigInt;
        c->str_value = to_decimal(digits, base);
    } else {
        c->value_kind = ConstantKind::Int;
        c->int_value = static_cast<std::int64_t>(value);
    }
    return c;
}

namespace {

// Where byte `pos` of a str literal's body lies in the text CPython's
// unicodeescape codec reports positions in: the parser first rewrites each
// non-ASCII character as a ten-byte \\UXXXXXXXX escape, and a backslash
// before one as \\u005c (decode_unicode_with_escapes in Parser/string_parser.c).
std::size_t escape_position(std::string_view body, std::size_t pos) {
    std::size_t n = 0;
    auto one_char = [&](std::size_t& k) {
        if (static_cast<unsigned char>(body[k]) < 0x80) {
            ++k;
            ++n;
            return;
        }
        char32_t cp;
        std::size_t len = decode_utf8(body, k, cp);
        k += len ? len : 1;
        n += 10;
    };
    for (std::size_t k = 0; k < pos && k < body.size();) {
        if (body[k] == '\\') {
            ++k;
            ++n;
            if (k >= body.size() || static_cast<unsigned char>(body[k]) >= 0x80) n += 5;
            if (k < body.size()) one_char(k);
            continue;
        }
        one_char(k);
    }
    return n + (pos > body.size() ? pos - body.size() : 0);
}

}  // namespace

// A \N{name} escape at body[start] (the backslash) of a str literal; appends
// the character and returns the index past the escape. As CPython's
// unicodeescape codec: names and aliases of characters, not named sequences.
std::size_t Parser::decode_named_escape(std::string_view body, std::size_t start, const Token& t,
                                        std::string& out) {
    const char* message = "malformed \\N character escape";
    std::size_t pos = start + 2;  // where the codec stopped: the error's end
    if (pos < body.size() && body[pos] == '{') {
        std::size_t close = body.find('}', pos + 1);
        pos = close == std::string_view::npos ? body.size() : close;
        if (close != std::string_view::npos && close > start + 3) {
            char32_t cp;
            if (unicode_names::code_point_for_name(body.substr(start + 3, close - start - 3),
                                                   &cp)) {
                append_utf8(out, cp);
                return close + 1;
            }
            message = "unknown Unicode character name";
            pos = close + 1;
        }
    }
    fail_string(t,
                fmt::format("(unicode error) 'unicodeescape' codec can't decode bytes in position "
                            "{}-{}: {}",
                            escape_position(body, start), escape_position(body, pos) - 1, message));
}

// Decodes the escapes of a non-f string body (or an f-string literal piece).
void Parser::decode_string_body(std::string_view body, bool raw, bool bytes, const Token& t,
                                std::string& out) {
    if (bytes) {
        for (unsigned char ch : body)
            if (ch >= 0x80)
                fail_range("bytes can only contain ASCII literal characters", t.line, t.col,
                           t.end_line, t.end_col);
    }
    // A bytes source (compile(b'...')) reaches the parser undecoded; CPython
    // decodes each literal and reports the position inside it.
    if (!bytes) {
        std::size_t bad = first_bad_utf8(body);
        if (bad != std::string_view::npos) fail_string(t, utf8_error_message(body, bad, 0));
    }
    if (raw) {
        out.append(body);
        return;
    }
    auto hex = [](char ch) -> int {
        if (ch >= '0' && ch <= '9') return ch - '0';
        if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
        if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
        return -1;
    };
    const char* codec =
        bytes ? "(value error)" : "(unicode error) 'unicodeescape' codec can't decode bytes";
    for (std::size_t i = 0; i < body.size();) {
        char ch = body[i];
        if (ch != '\\' || i + 1 >= body.size()) {
            out += ch;
            ++i;
            continue;
        }
        char e = body[i + 1];
        std::size_t start = i;
        i += 2;
        switch (e) {
            case '\n':
                break;
            case '\r':
                if (i < body.size() && body[i] == '\n') ++i;
                break;
            case '\\':
                out += '\\';
                break;
            case '\'':
                out += '\'';
                break;
            case '"':
                out += '"';
                break;
            case 'a':
                out += '\a';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'v':
                out += '\v';
                break;
            case '0':
            case '1':
            case '2':
            case '3':
            case '4':
            case '5':
            case '6':
            case '7': {
                unsigned value = static_cast<unsigned>(e - '0');
                for (int n = 0; n < 2 && i < body.size() && body[i] >= '0' && body[i] <= '7';
                     ++n, ++i)
                    value = value * 8 + static_cast<unsigned>(body[i] - '0');
                if (bytes) {
                    out += static_cast<char>(value & 0xFF);
                } else {
                    append_utf8(out, value);
                }
                break;
            }
            case 'x':
            case 'u':
            case 'U': {
                if (bytes && e != 'x') {
                    out += '\\';
                    out += e;
                    break;
                }
                int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                char32_t value = 0;
                for (int k = 0; k < n; ++k) {
                    int h = i + static_cast<std::size_t>(k) < body.size()
                                ? hex(body[i + static_cast<std::size_t>(k)])
                                : -1;
                    if (h < 0) {
                        if (bytes)
                            fail_string(
                                t, fmt::format("(value error) invalid \\x escape at position {}",
                                               start));
                        const char* form = e == 'x'   ? "\\xXX"
                                           : e == 'u' ? "\\uXXXX"
                                                      : "\\UXXXXXXXX";
                        fail_string(
                            t,
                            fmt::format("{} in position {}-{}: truncated {} escape", codec,
                                        escape_position(body, start),
                                        escape_position(body, i + static_cast<std::size_t>(k)) - 1,
                                        form));
                    }
                    value = value * 16 + static_cast<char32_t>(h);
                }
                i += static_cast<std::size_t>(n);
                if (bytes) {
                    out += static_cast<char>(value);
                } else {
                    if (value > 0x10FFFF)
                        fail_string(
                            t, fmt::format("{} in position {}-{}: illegal Unicode character", codec,
                                           escape_position(body, start),
                                           escape_position(body, i) - 1));
                    append_utf8(out, value);
                }
                break;
            }
            case 'N':
                if (bytes) {
                    out += "\\N";  // not an escape in bytes
                    break;
                }
                i = decode_named_escape(body, start, t, out);
                break;
            default:
                // Unknown escapes stay as written (CPython warns, we do not).
                out += '\\';
                out += e;
                break;
        }
    }
}

void Parser::flush_literal(std::string& literal, std::vector<Expr*>& values, const Token& t) {
    if (literal.empty()) return;
    auto* c = make<Constant>(t);
    c->end_line = t.end_line;
    c->end_col = t.end_col;
    c->value_kind = ConstantKind::Str;
    c->str_value = std::move(literal);
    literal.clear();
    values.push_back(c);
}

void Parser::fstring_fail(const Token& t, std::string msg) {
    fail_string(t, std::move(msg));
}

// fstring: the body of one f-string at nesting `level` (0 for the string,
// 1 for a format spec, 2 for a spec inside a spec), as CPython 3.11's
// fstring_find_literal_and_expr loop. Stops at the end of the body, or at an
// unmatched '}' inside a format spec (level > 0).
void Parser::fstring(const Token& t, std::string_view body, std::size_t body_offset, bool raw,
                     std::string& literal, std::vector<Expr*>& values, int level,
                     std::size_t& pos) {
    std::size_t piece = pos;
    auto flush_piece = [&](std::size_t end) {
        if (end > piece)
            decode_string_body(body.substr(piece, end - piece), raw, false, t, literal);
    };
    while (pos < body.size()) {
        char ch = body[pos];
        if (!raw && ch == '\\' && pos + 1 < body.size()) {
            // As CPython's fstring_find_literal: the braces of \N{...} are not a
            // replacement field (the decoder reports a malformed one later), and
            // a brace after a backslash is still a brace.
            char next = body[pos + 1];
            pos += next == '{' || next == '}' ? 1 : 2;
            if (next == 'N' && pos < body.size() && body[pos++] == '{') {
                while (pos < body.size() && body[pos++] != '}') {
                }
            }
            continue;
        }
        if (ch == '{' || ch == '}') {
            if (level == 0 && pos + 1 < body.size() && body[pos + 1] == ch) {
                flush_piece(pos + 1);
                pos += 2;
                piece = pos;
                continue;
            }
            if (ch == '}') {
                if (level == 0) fstring_fail(t, "f-string: single '}' is not allowed");
                break;
            }
            flush_piece(pos);
            if (level >= kMaxFStringNesting)
                fstring_fail(t, "f-string: expressions nested too deeply");
            ++pos;
            fstring_field(t, body, body_offset, raw, literal, values, level, pos);
            piece = pos;
            continue;
        }
        ++pos;
    }
    flush_piece(pos);
}

// One replacement field, `pos` just past its '{': CPython's fstring_find_expr.
void Parser::fstring_field(const Token& t, std::string_view body, std::size_t body_offset, bool raw,
                           std::string& literal, std::vector<Expr*>& values, int level,
                           std::size_t& pos) {
    std::size_t expr_start = pos;
    char quote = 0;
    int string_type = 0;  // 1 or 3 quote characters
    std::vector<char> parens;
    for (; pos < body.size(); ++pos) {
        char ch = body[pos];
        if (ch == '\\') fstring_fail(t, "f-string expression part cannot include a backslash");
        if (quote) {
            if (ch == quote) {
                if (string_type == 3) {
                    if (pos + 2 < body.size() && body[pos + 1] == ch && body[pos + 2] == ch) {
                        pos += 2;
                        quote = 0;
                    }
                } else {
                    quote = 0;
                }
            }
            continue;
        }
        if (ch == '\'' || ch == '"') {
            if (pos + 2 < body.size() && body[pos + 1] == ch && body[pos + 2] == ch) {
                string_type = 3;
                pos += 2;
            } else {
                string_type = 1;
            }
            quote = ch;
        } else if (ch == '[' || ch == '{' || ch == '(') {
            if (parens.size() >= 200) fstring_fail(t, "f-string: too many nested parenthesis");
            parens.push_back(ch);
        } else if (ch == '#') {
            fstring_fail(t, "f-string expression part cannot include '#'");
        } else if (parens.empty() &&
                   (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
            if (pos + 1 < body.size()) {
                char next = body[pos + 1];
                if ((ch == '!' || ch == '=' || ch == '<' || ch == '>') && next == '=') {
                    ++pos;
                    continue;
                }
            }
            if (ch == '>' || ch == '<') continue;
            break;
        } else if (ch == ']' || ch == '}' || ch == ')') {
            if (parens.empty()) fstring_fail(t, fmt::format("f-string: unmatched '{}'", ch));
            char open = parens.back();
            parens.pop_back();
            if (!((open == '(' && ch == ')') || (open == '[' && ch == ']') ||
                  (open == '{' && ch == '}')))
                fstring_fail(
                    t, fmt::format("f-string: closing parenthesis '{}' does not match opening "
                                   "parenthesis '{}'",
                                   ch, open));
        }
    }
    if (quote) fstring_fail(t, "f-string: unterminated string");
    if (!parens.empty()) fstring_fail(t, fmt::format("f-string: unmatched '{}'", parens.back()));
    if (pos >= body.size()) fstring_fail(t, "f-string: expecting '}'");
    std::size_t expr_end = pos;
    std::string_view expr_text = body.substr(expr_start, expr_end - expr_start);
    if (expr_text.find_first_not_of(" \t\n\r\f\v") == std::string_view::npos)
        fstring_fail(t, "f-string: empty expression not allowed");

    // Parse the expression with a lexer over the same source bytes, so its
    // nodes carry their true positions.
    std::size_t abs_begin = body_offset + expr_start;
    int line = t.line;
    std::size_t line_start = body_offset;
    while (line_start > 0 && m_source[line_start - 1] != '\n') --line_start;
    for (std::size_t i = static_cast<std::size_t>(t.text.data() - m_source.data()); i < abs_begin;
         ++i)
        if (m_source[i] == '\n') ++line;
    line_start = abs_begin;
    while (line_start > 0 && m_source[line_start - 1] != '\n') --line_start;
    Parser sub(*this, abs_begin, body_offset + expr_end, line, static_cast<int>(line_start));
    sub.set_fstring_level(m_fstring_level + 1);
    Expr* value = nullptr;
    try {
        value = sub.parse_fstring_expression();
    } catch (SyntaxErrorException& e) {
        // CPython 3.11 compiles the field as "(" + expression + ")" and reports
        // columns within that text; do the same so messages line up.
        int shift = static_cast<int>(abs_begin - line_start) - 1;
        if (e.info.line == line) {
            e.info.col = std::max(1, e.info.col - shift);
            if (e.info.end_line == line && e.info.end_col > 0)
                e.info.end_col = std::max(1, e.info.end_col - shift);
        }
        throw;
    }

    auto* fv = make<FormattedValue>(t);
    fv->value = value;
    bool self_documenting = false;
    if (body[pos] == '=') {
        ++pos;
        while (pos < body.size() && std::isspace(static_cast<unsigned char>(body[pos]))) ++pos;
        literal.append(body.substr(expr_start, pos - expr_start));
        self_documenting = true;
    }
    if (pos < body.size() && body[pos] == '!') {
        ++pos;
        if (pos >= body.size()) fstring_fail(t, "f-string: expecting '}'");
        char conv = body[pos];
        ++pos;
        if (conv != 's' && conv != 'r' && conv != 'a')
            fstring_fail(t, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
        fv->conversion = conv;
    }
    if (pos >= body.size()) fstring_fail(t, "f-string: expecting '}'");
    if (body[pos] == ':') {
        ++pos;
        if (pos >= body.size()) fstring_fail(t, "f-string: expecting '}'");
        auto* spec = make<JoinedStr>(t);
        std::string spec_literal;
        fstring(t, body, body_offset, raw, spec_literal, spec->values, level + 1, pos);
        flush_literal(spec_literal, spec->values, t);
        fv->format_spec = spec;
    }
    if (pos >= body.size() || body[pos] != '}') fstring_fail(t, "f-string: expecting '}'");
    ++pos;
    if (self_documenting && !fv->format_spec && fv->conversion == FormattedValue::kNoConversion)
        fv->conversion = 'r';
    flush_literal(literal, values, t);
    values.push_back(fv);
}

// fstring_input: star_expressions (the expression of one replacement field)
Expr* Parser::parse_fstring_expression() {
    Expr* e = star_expressions();
    if (!at(TokenKind::EndMarker)) invalid_syntax();
    return e;
}

// strings: STRING+  (adjacent literals concatenate; str and f-strings mix,
// bytes only with bytes)
Expr* Parser::strings() {
    Token first = tok();
    std::string literal;
    std::vector<Expr*> values;
    bool any_fstring = false, any_bytes = false, any_str = false, u_prefix = false;
    bool is_first = true;
    while (at(TokenKind::String)) {
        Token t = take();
        std::size_t q = t.text.find_first_of("'\"");
        std::string_view prefix = t.text.substr(0, q);
        bool raw = false, bytes = false, f = false;
        for (char ch : prefix) {
            char l = static_cast<char>(ch | 0x20);
            raw |= l == 'r';
            bytes |= l == 'b';
            f |= l == 'f';
            if (ch == 'u' && is_first)
                u_prefix = true;  // CPython records kind='u' for lowercase only
        }
        is_first = false;
        (bytes ? any_bytes : any_str) = true;
        if (any_bytes && any_str)
            fail_range("cannot mix bytes and nonbytes literals", t.end_line, t.end_col, t.end_line,
                       t.end_col);
        std::size_t quote_len =
            t.text.size() - q >= 6 && t.text[q + 1] == t.text[q] && t.text[q + 2] == t.text[q] ? 3
                                                                                               : 1;
        std::string_view body = t.text.substr(q + quote_len, t.text.size() - q - 2 * quote_len);
        if (!f) {
            decode_string_body(body, raw, bytes, t, literal);
            continue;
        }
        any_fstring = true;
        if (m_fstring_level > 8) fail_token(t, "f-string: expressions nested too deeply");
        std::size_t body_offset = static_cast<std::size_t>(body.data() - m_source.data());
        std::size_t pos = 0;
        fstring(t, body, body_offset, raw, literal, values, 0, pos);
    }
    if (!any_fstring) {
        auto* c = make<Constant>(first);
        c->value_kind = any_bytes ? ConstantKind::Bytes : ConstantKind::Str;
        c->str_value = std::move(literal);
        c->u_prefix = u_prefix;
        return c;
    }
    flush_literal(literal, values, prev());
    auto* j = make<JoinedStr>(first);
    j->values = std::move(values);
    return j;
}

}  // namespace gilt::parser_detail
