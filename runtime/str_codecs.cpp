// The text codecs behind bytes.decode(), str.encode() and str(b, encoding):
// UTF-8, ASCII, Latin-1, UTF-16 and UTF-32 (with CPython's aliases for each;
// "utf-16" and "utf-32" read a byte order mark and write one, little-endian,
// as CPython does on the machines gilt runs on), and the error
// handlers strict, ignore, replace, backslashreplace, surrogateescape (PEP
// 383: undecodable bytes become U+DC80..U+DCFF and back), surrogatepass
// (UTF-8 only: lone surrogates travel as their 3-byte forms) and, encoding
// only, xmlcharrefreplace. Error messages and the reported byte / character
// ranges are CPython's, e.g. "'utf-8' codec can't decode byte 0xff in
// position 0: invalid start byte". Other codecs raise LookupError
// "unknown encoding: x".
//
// A str keeps a lone surrogate as its 3-byte generalized UTF-8 form (ED A0..BF
// xx), so encoding to UTF-8 is a copy unless the text holds one; then the
// run of surrogates goes to the error handler as CPython's encoder sends it.
#include <cctype>
#include <string>
#include <vector>

#include "runtime/abstract.hpp"
#include "runtime/bytes.hpp"
#include "runtime/errors.hpp"
#include "runtime/str.hpp"
#include "runtime/unicode.hpp"

namespace gilt {

namespace {

enum class Codec { Utf8, Ascii, Latin1, Utf16, Utf16Le, Utf16Be, Utf32, Utf32Le, Utf32Be };

const char* codec_name(Codec c) {
    switch (c) {
        case Codec::Utf8:
            return "utf-8";
        case Codec::Ascii:
            return "ascii";
        case Codec::Latin1:
            return "latin-1";
        case Codec::Utf16:
            return "utf-16";
        case Codec::Utf16Le:
            return "utf-16-le";
        case Codec::Utf16Be:
            return "utf-16-be";
        case Codec::Utf32:
            return "utf-32";
        case Codec::Utf32Le:
            return "utf-32-le";
        case Codec::Utf32Be:
            return "utf-32-be";
    }
    return "";
}

// The UTF-16 and UTF-32 codecs write code units of 2 or 4 bytes.
unsigned unit_width(Codec c) {
    switch (c) {
        case Codec::Utf16:
        case Codec::Utf16Le:
        case Codec::Utf16Be:
            return 2;
        case Codec::Utf32:
        case Codec::Utf32Le:
        case Codec::Utf32Be:
            return 4;
        default:
            return 1;
    }
}

bool big_endian(Codec c) {
    return c == Codec::Utf16Be || c == Codec::Utf32Be;
}

bool unknown_encoding(ThreadState& ts, std::string_view encoding) {
    raise_fmt(ts, ts.exc_types().LookupError, "unknown encoding: {}", encoding);
    return false;
}

bool lookup_codec(ThreadState& ts, std::string_view encoding, Codec* out) {
    if (encoding == "utf-8" || encoding == "utf8") {
        *out = Codec::Utf8;
        return true;
    }
    // CPython normalises (encodings.normalize_encoding): lower case, each run
    // of characters other than letters, digits and '.' one underscore, none
    // at either end ("latin-" is "latin").
    std::string n;
    for (char c : encoding) {
        auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || c == '.')
            n += static_cast<char>(std::tolower(u));
        else if (!n.empty() && n.back() != '_')
            n += '_';
    }
    if (!n.empty() && n.back() == '_') n.pop_back();
    static constexpr std::string_view kUtf8[] = {"utf_8",   "utf8",      "u8",       "utf",
                                                 "cp65001", "utf8_ucs2", "utf8_ucs4"};
    static constexpr std::string_view kAscii[] = {
        "ascii",          "us_ascii",         "646",     "us",      "ansi_x3.4_1968",
        "ansi_x3_4_1968", "ansi_x3.4_1986",   "cp367",   "csascii", "ibm367",
        "iso646_us",      "iso_646.irv_1991", "iso_ir_6"};
    static constexpr std::string_view kLatin1[] = {
        "latin_1", "latin1", "latin",      "l1",          "iso_8859_1", "iso8859_1",
        "8859",    "cp819",  "iso_ir_100", "csisolatin1", "ibm819",     "iso_8859_1_1987"};
    static constexpr std::string_view kUtf16[] = {"utf_16", "utf16", "u16"};
    static constexpr std::string_view kUtf16Le[] = {"utf_16_le", "utf_16le",
                                                    "unicodelittleunmarked"};
    static constexpr std::string_view kUtf16Be[] = {"utf_16_be", "utf_16be", "unicodebigunmarked"};
    static constexpr std::string_view kUtf32[] = {"utf_32", "utf32", "u32"};
    static constexpr std::string_view kUtf32Le[] = {"utf_32_le", "utf_32le"};
    static constexpr std::string_view kUtf32Be[] = {"utf_32_be", "utf_32be"};
    auto in = [&n](const auto& names) {
        for (std::string_view a : names)
            if (n == a) return true;
        return false;
    };
    if (in(kUtf8))
        *out = Codec::Utf8;
    else if (in(kAscii))
        *out = Codec::Ascii;
    else if (in(kLatin1))
        *out = Codec::Latin1;
    else if (in(kUtf16))
        *out = Codec::Utf16;
    else if (in(kUtf16Le))
        *out = Codec::Utf16Le;
    else if (in(kUtf16Be))
        *out = Codec::Utf16Be;
    else if (in(kUtf32))
        *out = Codec::Utf32;
    else if (in(kUtf32Le))
        *out = Codec::Utf32Le;
    else if (in(kUtf32Be))
        *out = Codec::Utf32Be;
    else
        return unknown_encoding(ts, encoding);
    return true;
}

enum class Handler {
    Strict,
    Ignore,
    Replace,
    BackslashReplace,
    XmlCharRefReplace,
    SurrogateEscape,
    SurrogatePass,
    Unknown
};

Handler lookup_handler(std::string_view errors) {
    if (errors == "strict") return Handler::Strict;
    if (errors == "surrogateescape") return Handler::SurrogateEscape;
    if (errors == "surrogatepass") return Handler::SurrogatePass;
    if (errors == "ignore") return Handler::Ignore;
    if (errors == "replace") return Handler::Replace;
    if (errors == "backslashreplace") return Handler::BackslashReplace;
    if (errors == "xmlcharrefreplace") return Handler::XmlCharRefReplace;
    return Handler::Unknown;
}

bool unknown_handler(ThreadState& ts, std::string_view errors) {
    raise_fmt(ts, ts.exc_types().LookupError, "unknown error handler name '{}'", errors);
    return false;
}

void append_hex_escape(std::string& out, uint32_t cp) {
    if (cp < 0x100)
        out += fmt::format("\\x{:02x}", cp);
    else if (cp < 0x10000)
        out += fmt::format("\\u{:04x}", cp);
    else
        out += fmt::format("\\U{:08x}", cp);
}

// --- decoding ---

// Raises UnicodeDecodeError / UnicodeEncodeError built as CPython builds
// them, (encoding, object, start, end, reason): the exception's own __str__
// words the message, and except-clauses can read .start / .end.
bool raise_codec_error(ThreadState& ts, TypeObject* type, Codec c, Value object, uint64_t start,
                       uint64_t end, std::string_view reason) {
    Ref enc(make_str(ts, codec_name(c))), why(make_str(ts, reason));
    if (!enc || !why) return false;
    Value argv[] = {*enc, object, Value::small_int(static_cast<int64_t>(start)),
                    Value::small_int(static_cast<int64_t>(end)), *why};
    Ref exc(obj_call(ts, val(type), Args{argv, 5, nullptr}));
    if (exc) raise_instance(ts, exc.release());
    return false;
}

bool decode_error(ThreadState& ts, Codec c, uint64_t start, uint64_t end, std::string_view data,
                  const char* reason) {
    Ref object(make_bytes(ts, data));
    if (!object) return false;
    return raise_codec_error(ts, ts.exc_types().UnicodeDecodeError, c, *object, start, end, reason);
}

// The 3-byte form of a lone surrogate at data[i], which surrogatepass lets
// through the UTF-8 decoder.
bool surrogate_at(std::string_view data, uint64_t i) {
    if (i + 2 >= data.size() || static_cast<unsigned char>(data[i]) != 0xED) return false;
    auto b1 = static_cast<unsigned char>(data[i + 1]), b2 = static_cast<unsigned char>(data[i + 2]);
    return b1 >= 0xA0 && b1 <= 0xBF && utf8_is_cont(b2);
}

// The code unit of a UTF-16 or UTF-32 codec at data[i] (i + width <= size).
uint32_t read_unit(Codec c, std::string_view data, uint64_t i) {
    unsigned width = unit_width(c);
    uint32_t u = 0;
    for (unsigned k = 0; k < width; ++k) {
        auto b = static_cast<unsigned char>(data[i + (big_endian(c) ? k : width - 1 - k)]);
        u = (u << 8) | b;
    }
    return u;
}

bool is_surrogate_unit(uint32_t u) {
    return u >= 0xD800 && u <= 0xDFFF;
}

// surrogatepass lets a lone surrogate through: its 3-byte UTF-8 form, or
// one code unit of UTF-16 / UTF-32. Returns its length in bytes, or 0.
uint64_t passable_surrogate(Codec c, std::string_view data, uint64_t start) {
    if (c == Codec::Utf8) return surrogate_at(data, start) ? 3 : 0;
    unsigned width = unit_width(c);
    if (width == 1 || start + width > data.size()) return 0;
    return is_surrogate_unit(read_unit(c, data, start)) ? width : 0;
}

// Applies the error handler to the undecodable bytes [start, *end); the
// handler may consume more or fewer bytes than the error spans (*end moves).
bool handle_decode_error(ThreadState& ts, Codec c, std::string_view data, uint64_t start,
                         uint64_t* end, const char* reason, std::string_view errors,
                         std::string& out) {
    switch (lookup_handler(errors)) {
        case Handler::SurrogatePass:
            if (uint64_t n = passable_surrogate(c, data, start)) {
                if (c == Codec::Utf8)
                    out.append(data.substr(start, n));
                else
                    utf8_append(out, read_unit(c, data, start));
                *end = start + n;
                return true;
            }
            return decode_error(ts, c, start, *end, data, reason);
        case Handler::Strict:
        case Handler::XmlCharRefReplace:
            return decode_error(ts, c, start, *end, data, reason);
        case Handler::Ignore:
            return true;
        case Handler::Replace:
            utf8_append(out, 0xFFFD);
            return true;
        case Handler::BackslashReplace:
            for (uint64_t i = start; i < *end; ++i)
                append_hex_escape(out, static_cast<unsigned char>(data[i]));
            return true;
        case Handler::SurrogateEscape: {
            // Only bytes 0x80..0xFF have an escape (PEP 383): as CPython's
            // handler, escape the leading ones of the bad range (at most
            // four) and decode on after them; none is the original error.
            uint64_t i = start;
            while (i < *end && i < start + 4 && static_cast<unsigned char>(data[i]) >= 0x80)
                utf8_append(out, 0xDC00 + static_cast<unsigned char>(data[i++]));
            if (i == start) return decode_error(ts, c, start, *end, data, reason);
            *end = i;
            return true;
        }
        case Handler::Unknown:
            return unknown_handler(ts, errors);
    }
    return false;
}

Value decode_utf8(ThreadState& ts, std::string_view data, std::string_view errors) {
    Utf8Error e;
    if (!utf8_find_error(data, 0, &e)) return make_str(ts, data);
    std::string out;
    uint64_t i = 0;
    do {
        out.append(data.substr(i, e.start - i));
        i = e.end;
        if (!handle_decode_error(ts, Codec::Utf8, data, e.start, &i, e.reason, errors, out))
            return Value();
    } while (utf8_find_error(data, i, &e));
    out.append(data.substr(i));
    return make_str(ts, out);
}

Value decode_bytewise(ThreadState& ts, Codec c, std::string_view data, std::string_view errors) {
    if (ascii_only(data)) return make_str_known(ts, data, data.size(), true);
    std::string out;
    out.reserve(data.size() + data.size() / 2);
    for (uint64_t i = 0; i < data.size(); ++i) {
        auto b = static_cast<unsigned char>(data[i]);
        uint64_t end = i + 1;
        if (b < 0x80 || c == Codec::Latin1) {
            utf8_append(out, b);
        } else if (!handle_decode_error(ts, c, data, i, &end, "ordinal not in range(128)", errors,
                                        out)) {
            return Value();
        }
    }
    return make_str(ts, out);
}

// "utf-16" and "utf-32" read the byte order from a BOM, little-endian
// without one; errors name the codec of the order found ('utf-16-le').
Codec resolve_byte_order(Codec c, std::string_view data, uint64_t* start) {
    auto at = [&](size_t i) { return static_cast<unsigned char>(data[i]); };
    if (c == Codec::Utf16 && data.size() >= 2) {
        if (at(0) == 0xFF && at(1) == 0xFE) *start = 2;
        if (at(0) == 0xFE && at(1) == 0xFF) return *start = 2, Codec::Utf16Be;
    }
    if (c == Codec::Utf32 && data.size() >= 4) {
        if (at(0) == 0xFF && at(1) == 0xFE && at(2) == 0 && at(3) == 0) *start = 4;
        if (at(0) == 0 && at(1) == 0 && at(2) == 0xFE && at(3) == 0xFF)
            return *start = 4, Codec::Utf32Be;
    }
    if (c == Codec::Utf16) return Codec::Utf16Le;
    if (c == Codec::Utf32) return Codec::Utf32Le;
    return c;
}

// What is wrong with the code unit(s) at data[i], as CPython words it, and
// where the bad range ends; null when they decode to *cp (taking *end - i
// bytes).
const char* wide_unit_error(Codec c, std::string_view data, uint64_t i, uint32_t* cp,
                            uint64_t* end) {
    unsigned width = unit_width(c);
    uint64_t left = data.size() - i;
    if (left < width) return *end = data.size(), "truncated data";
    uint32_t u = read_unit(c, data, i);
    *end = i + width;
    *cp = u;
    if (width == 4) {
        if (u > 0x10FFFF) return "code point not in range(0x110000)";
        if (is_surrogate_unit(u)) return "code point in surrogate code point range(0xd800, 0xe000)";
        return nullptr;
    }
    if (!is_surrogate_unit(u)) return nullptr;
    if (u >= 0xDC00) return "illegal encoding";
    if (left < 4) return *end = data.size(), "unexpected end of data";
    uint32_t low = read_unit(c, data, i + 2);
    if (low < 0xDC00 || low > 0xDFFF) return "illegal UTF-16 surrogate";
    *cp = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
    *end = i + 4;
    return nullptr;
}

Value decode_wide(ThreadState& ts, Codec c, std::string_view data, std::string_view errors) {
    uint64_t i = 0;
    c = resolve_byte_order(c, data, &i);
    std::string out;
    out.reserve(data.size());
    while (i < data.size()) {
        uint32_t cp = 0;
        uint64_t end = i;
        const char* reason = wide_unit_error(c, data, i, &cp, &end);
        if (!reason) {
            utf8_append(out, cp);
            i = end;
            continue;
        }
        uint64_t start = i;
        i = end;
        if (!handle_decode_error(ts, c, data, start, &i, reason, errors, out)) return Value();
    }
    return make_str(ts, out);
}

// --- encoding ---

bool is_surrogate(uint32_t cp) {
    return cp >= 0xD800 && cp <= 0xDFFF;
}

// What the codec can encode without the error handler.
bool encodable(Codec c, uint32_t cp) {
    switch (c) {
        case Codec::Utf8:
            return !is_surrogate(cp);
        case Codec::Ascii:
            return cp < 128;
        case Codec::Latin1:
            return cp < 256;
        default:
            return !is_surrogate(cp);
    }
}

// Appends one code point in the codec's byte form (surrogates included:
// surrogatepass writes them as they are).
void append_encoded(Codec c, uint32_t cp, std::string& out) {
    unsigned width = unit_width(c);
    if (width == 1) {
        if (c == Codec::Utf8)
            utf8_append(out, cp);
        else
            out += static_cast<char>(cp);
        return;
    }
    auto put = [&](uint32_t unit) {
        for (unsigned k = 0; k < width; ++k) {
            unsigned shift = 8 * (big_endian(c) ? width - 1 - k : k);
            out += static_cast<char>((unit >> shift) & 0xFF);
        }
    };
    if (width == 2 && cp >= 0x10000) {
        put(0xD800 + ((cp - 0x10000) >> 10));
        put(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
        put(cp);
    }
}

void append_encoded_ascii(Codec c, std::string_view text, std::string& out) {
    for (char ch : text) append_encoded(c, static_cast<unsigned char>(ch), out);
}

bool encode_error(ThreadState& ts, Codec c, Value s, uint64_t start, uint64_t end) {
    // UTF-16 and UTF-32 report one character at a time, UTF-8 the run.
    if (unit_width(c) > 1) end = start + 1;
    std::string reason =
        c != Codec::Ascii && c != Codec::Latin1
            ? std::string("surrogates not allowed")
            : fmt::format("ordinal not in range({})", c == Codec::Ascii ? 128 : 256);
    return raise_codec_error(ts, ts.exc_types().UnicodeEncodeError, c, s, start, end, reason);
}

// A run of unencodable characters, code points [start, start + run.size())
// of the str, as CPython's encoders hand it to the error handler: a strict
// error reports the whole run; surrogateescape turns what it can back into
// bytes and reports the rest of the run from the first character it cannot.
bool encode_run(ThreadState& ts, Codec c, Codec named, Value s, Handler h, uint64_t start,
                const std::vector<uint32_t>& run, std::string& out) {
    for (size_t k = 0; k < run.size(); ++k) {
        uint32_t cp = run[k];
        switch (h) {
            case Handler::Ignore:
                break;
            case Handler::Replace:
                append_encoded(c, '?', out);
                break;
            case Handler::BackslashReplace: {
                std::string escape;
                append_hex_escape(escape, cp);
                append_encoded_ascii(c, escape, out);
                break;
            }
            case Handler::XmlCharRefReplace:
                append_encoded_ascii(c, fmt::format("&#{};", cp), out);
                break;
            case Handler::SurrogateEscape:
                if (cp < 0xDC80 || cp > 0xDCFF || unit_width(c) > 1)
                    return encode_error(ts, named, s, start + k, start + run.size());
                out += static_cast<char>(cp - 0xDC00);
                break;
            case Handler::SurrogatePass:
                if (c == Codec::Ascii || c == Codec::Latin1)
                    return encode_error(ts, named, s, start, start + run.size());
                append_encoded(c, cp, out);
                break;
            case Handler::Strict:
                return encode_error(ts, named, s, start, start + run.size());
            case Handler::Unknown:
                return false;
        }
    }
    return true;
}

// Encodes character by character; each run of characters the codec cannot
// encode goes to the error handler together.
Value encode_slow(ThreadState& ts, Codec c, Value s, std::string_view errors) {
    std::string_view v = str_view(s);
    Handler h = lookup_handler(errors);
    std::string out;
    out.reserve(v.size());
    Codec named = c;  // errors name the codec asked for ('utf-16')
    if (c == Codec::Utf16 || c == Codec::Utf32) {
        append_encoded(c, 0xFEFF, out);  // the BOM, then little-endian units
        c = c == Codec::Utf16 ? Codec::Utf16Le : Codec::Utf32Le;
    }
    std::vector<uint32_t> run;
    uint64_t index = 0;  // code point index of byte offset i
    for (size_t i = 0; i < v.size();) {
        uint32_t cp;
        int len = utf8_decode(v.data() + i, &cp);
        if (encodable(c, cp)) {
            if (c == Codec::Utf8)
                out.append(v.substr(i, static_cast<size_t>(len)));
            else
                append_encoded(c, cp, out);
            i += static_cast<size_t>(len);
            ++index;
            continue;
        }
        if (h == Handler::Unknown) return unknown_handler(ts, errors), Value();
        run.clear();
        uint64_t start = index;
        while (i < v.size()) {
            len = utf8_decode(v.data() + i, &cp);
            if (encodable(c, cp)) break;
            run.push_back(cp);
            i += static_cast<size_t>(len);
            ++index;
        }
        if (!encode_run(ts, c, named, s, h, start, run, out)) return Value();
    }
    return make_bytes(ts, out);
}

}  // namespace

Value str_decode(ThreadState& ts, std::string_view data, std::string_view encoding,
                 std::string_view errors) {
    Codec c;
    if (!lookup_codec(ts, encoding, &c)) return Value();
    if (c == Codec::Utf8) return decode_utf8(ts, data, errors);
    if (unit_width(c) > 1) return decode_wide(ts, c, data, errors);
    return decode_bytewise(ts, c, data, errors);
}

Value str_encode(ThreadState& ts, Value s, std::string_view encoding, std::string_view errors) {
    Codec c;
    if (!lookup_codec(ts, encoding, &c)) return Value();
    bool ascii = str_obj(s)->byte_len == str_obj(s)->char_len;
    if ((ascii && unit_width(c) == 1) || (c == Codec::Utf8 && !utf8_has_surrogate(str_view(s))))
        return make_bytes(ts, str_view(s));
    return encode_slow(ts, c, s, errors);
}

}  // namespace gilt
