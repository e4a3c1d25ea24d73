// The text codecs behind bytes.decode(), str.encode() and str(b, encoding):
// UTF-8, ASCII and Latin-1 (with CPython's aliases for each), and the error
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

enum class Codec { Utf8, Ascii, Latin1 };

const char* codec_name(Codec c) {
    switch (c) {
        case Codec::Utf8:
            return "utf-8";
        case Codec::Ascii:
            return "ascii";
        case Codec::Latin1:
            return "latin-1";
    }
    return "";
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
    // CPython normalises: lower case, spaces and hyphens to underscores.
    std::string n;
    for (char c : encoding)
        n += c == '-' || c == ' ' ? '_'
                                  : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    static constexpr std::string_view kUtf8[] = {"utf_8",   "utf8",      "u8",       "utf",
                                                 "cp65001", "utf8_ucs2", "utf8_ucs4"};
    static constexpr std::string_view kAscii[] = {
        "ascii",          "us_ascii",         "646",     "us",      "ansi_x3.4_1968",
        "ansi_x3_4_1968", "ansi_x3.4_1986",   "cp367",   "csascii", "ibm367",
        "iso646_us",      "iso_646.irv_1991", "iso_ir_6"};
    static constexpr std::string_view kLatin1[] = {
        "latin_1", "latin1", "latin",      "l1",          "iso_8859_1", "iso8859_1",
        "8859",    "cp819",  "iso_ir_100", "csisolatin1", "ibm819",     "iso_8859_1_1987"};
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

// Applies the error handler to the undecodable bytes [start, *end); the
// handler may consume more or fewer bytes than the error spans (*end moves).
bool handle_decode_error(ThreadState& ts, Codec c, std::string_view data, uint64_t start,
                         uint64_t* end, const char* reason, std::string_view errors,
                         std::string& out) {
    switch (lookup_handler(errors)) {
        case Handler::SurrogatePass:
            if (c == Codec::Utf8 && surrogate_at(data, start)) {
                out.append(data.substr(start, 3));
                *end = start + 3;
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
        case Handler::SurrogateEscape:
            for (uint64_t i = start; i < *end; ++i)
                utf8_append(out, 0xDC00 + static_cast<unsigned char>(data[i]));
            return true;
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
    }
    return false;
}

bool encode_error(ThreadState& ts, Codec c, Value s, uint64_t start, uint64_t end) {
    std::string reason =
        c == Codec::Utf8 ? std::string("surrogates not allowed")
                         : fmt::format("ordinal not in range({})", c == Codec::Ascii ? 128 : 256);
    return raise_codec_error(ts, ts.exc_types().UnicodeEncodeError, c, s, start, end, reason);
}

// A run of unencodable characters, code points [start, start + run.size())
// of the str, as CPython's encoders hand it to the error handler: a strict
// error reports the whole run; surrogateescape turns what it can back into
// bytes and reports the rest of the run from the first character it cannot.
bool encode_run(ThreadState& ts, Codec c, Value s, Handler h, uint64_t start,
                const std::vector<uint32_t>& run, std::string& out) {
    for (size_t k = 0; k < run.size(); ++k) {
        uint32_t cp = run[k];
        switch (h) {
            case Handler::Ignore:
                break;
            case Handler::Replace:
                out += '?';
                break;
            case Handler::BackslashReplace:
                append_hex_escape(out, cp);
                break;
            case Handler::XmlCharRefReplace:
                out += fmt::format("&#{};", cp);
                break;
            case Handler::SurrogateEscape:
                if (cp < 0xDC80 || cp > 0xDCFF)
                    return encode_error(ts, c, s, start + k, start + run.size());
                out += static_cast<char>(cp - 0xDC00);
                break;
            case Handler::SurrogatePass:
                if (c != Codec::Utf8) return encode_error(ts, c, s, start, start + run.size());
                utf8_append(out, cp);
                break;
            case Handler::Strict:
                return encode_error(ts, c, s, start, start + run.size());
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
    std::vector<uint32_t> run;
    uint64_t index = 0;  // code point index of byte offset i
    for (size_t i = 0; i < v.size();) {
        uint32_t cp;
        int len = utf8_decode(v.data() + i, &cp);
        if (encodable(c, cp)) {
            if (c == Codec::Utf8)
                out.append(v.substr(i, static_cast<size_t>(len)));
            else
                out += static_cast<char>(cp);
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
        if (!encode_run(ts, c, s, h, start, run, out)) return Value();
    }
    return make_bytes(ts, out);
}

}  // namespace

Value str_decode(ThreadState& ts, std::string_view data, std::string_view encoding,
                 std::string_view errors) {
    Codec c;
    if (!lookup_codec(ts, encoding, &c)) return Value();
    if (c == Codec::Utf8) return decode_utf8(ts, data, errors);
    return decode_bytewise(ts, c, data, errors);
}

Value str_encode(ThreadState& ts, Value s, std::string_view encoding, std::string_view errors) {
    Codec c;
    if (!lookup_codec(ts, encoding, &c)) return Value();
    if (str_obj(s)->byte_len == str_obj(s)->char_len ||
        (c == Codec::Utf8 && !utf8_has_surrogate(str_view(s))))
        return make_bytes(ts, str_view(s));
    return encode_slow(ts, c, s, errors);
}

}  // namespace gilt
