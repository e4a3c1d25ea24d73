// _json: the JSON encoder and decoder behind stdlib/lib/json.py.
//
// The encoder reproduces json.encoder's output byte for byte (float repr,
// \uXXXX escapes with surrogate pairs under ensure_ascii, the indent layout
// of _make_iterencode, key coercion, "Circular reference detected"). The
// decoder follows CPython's C scanner (Modules/_json.c): the same grammar,
// the same error messages at the same positions. It works on the str's
// UTF-8 bytes and converts a byte offset to a character index only when it
// reports an error; errors are raised as the JSONDecodeError class json.py
// passes in, which computes the line and column.
#include <cmath>
#include <string>
#include <vector>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/float.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/module.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "runtime/unicode.hpp"
#include "stdlib/modules.hpp"

namespace gilt {

namespace {

Value json_encode(ThreadState& ts, Args args);
Value json_decode(ThreadState& ts, Args args);

constexpr MethodDef kJsonFunctions[] = {
    {"encode", json_encode},
    {"decode", json_decode},
};

// --- encoding ---

void append_u_escape(std::string& out, uint32_t cp) {
    out += fmt::format("\\u{:04x}", cp);
}

uint32_t next_codepoint(std::string_view s, std::size_t* i) {
    auto c = static_cast<unsigned char>(s[*i]);
    if (c < 0x80) {
        ++*i;
        return c;
    }
    int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    uint32_t cp = c & (0xFF >> (len + 1));
    for (int k = 1; k < len && *i + k < s.size(); ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(s[*i + k]) & 0x3F);
    *i += len;
    return cp;
}

void encode_string(std::string& out, std::string_view s, bool ensure_ascii) {
    out += '"';
    for (std::size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        switch (c) {
            case '"':
                out += "\\\"";
                ++i;
                continue;
            case '\\':
                out += "\\\\";
                ++i;
                continue;
            case '\n':
                out += "\\n";
                ++i;
                continue;
            case '\r':
                out += "\\r";
                ++i;
                continue;
            case '\t':
                out += "\\t";
                ++i;
                continue;
            case '\b':
                out += "\\b";
                ++i;
                continue;
            case '\f':
                out += "\\f";
                ++i;
                continue;
            default:
                break;
        }
        if (c < 0x20 || (ensure_ascii && c == 0x7f)) {
            append_u_escape(out, c);
            ++i;
        } else if (c < 0x80 || !ensure_ascii) {
            out += static_cast<char>(c);
            ++i;
        } else {
            uint32_t cp = next_codepoint(s, &i);
            if (cp >= 0x10000) {
                cp -= 0x10000;
                append_u_escape(out, 0xD800 | (cp >> 10));
                append_u_escape(out, 0xDC00 | (cp & 0x3FF));
            } else {
                append_u_escape(out, cp);
            }
        }
    }
    out += '"';
}

struct Encoder {
    Encoder(ThreadState& t, Value d) : ts(t), dflt(d) {}
    ThreadState& ts;
    Value dflt;  // the default= callable, or null
    bool sort_keys = false, ensure_ascii = true, allow_nan = true, skipkeys = false,
         check_circular = true;
    bool has_indent = false;
    std::string indent, item_sep, key_sep;
    std::vector<Object*> markers;  // containers being encoded (circular check)
    std::string out;

    bool encode(Value v, int level);
    bool encode_float(double d, std::string& dst);
    bool encode_list(Value v, int level);
    bool encode_dict(Value v, int level);
    bool key_string(Value key, std::string* kstr, bool* skip);
    bool enter(Value v);
    void leave(Value v) {
        if (check_circular && !markers.empty()) markers.pop_back();
        (void)v;
    }
    // false with MemoryError pending when the indentation would not fit
    // (an indent of sys.maxsize spaces).
    [[nodiscard]] bool newline(int level) {
        uint64_t grow = 1 + static_cast<uint64_t>(level) * indent.size();
        if (!check_alloc_size(ts, out.size() + grow)) return false;
        out += '\n';
        for (int i = 0; i < level; ++i) out += indent;
        return true;
    }
};

bool Encoder::enter(Value v) {
    if (!check_circular) return true;
    for (Object* o : markers) {
        if (o == v.as_object()) {
            raise(ts, ts.exc_types().ValueError, "Circular reference detected");
            return false;
        }
    }
    markers.push_back(v.as_object());
    return true;
}

bool Encoder::encode_float(double d, std::string& dst) {
    if (std::isfinite(d)) {
        dst += float_repr(d);
        return true;
    }
    if (!allow_nan) {
        raise(ts, ts.exc_types().ValueError, "Out of range float values are not JSON compliant");
        return false;
    }
    dst += std::isnan(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
    return true;
}

bool Encoder::key_string(Value key, std::string* kstr, bool* skip) {
    *skip = false;
    if (is_str(ts, key))
        *kstr = str_view(key);
    else if (is_float(key))
        return encode_float(float_value(key), *kstr);
    else if (key.is_true())
        *kstr = "true";
    else if (key.is_false())
        *kstr = "false";
    else if (key.is_none())
        *kstr = "null";
    else if (is_int(key))
        return int_to_decimal_checked(ts, key, kstr);
    else if (skipkeys)
        *skip = true;
    else {
        raise_fmt(ts, ts.exc_types().TypeError,
                  "keys must be str, int, float, bool or None, not {}", type_name(ts, key));
        return false;
    }
    return true;
}

bool Encoder::encode_list(Value v, int level) {
    uint64_t n;
    Ref keep = Ref::borrow(v);
    if (seq_items(v, &n), n == 0) {
        out += "[]";
        return true;
    }
    if (!enter(v)) return false;
    out += '[';
    if (has_indent && !newline(level + 1)) return false;
    for (uint64_t i = 0;; ++i) {
        const Value* items = seq_items(v, &n);
        if (i >= n) break;
        if (i) {
            out += item_sep;
            if (has_indent && !newline(level + 1)) return false;
        }
        Ref item = Ref::borrow(items[i]);
        if (!encode(*item, level + 1)) return false;
    }
    if (has_indent && !newline(level)) return false;
    out += ']';
    leave(v);
    return true;
}

bool Encoder::encode_dict(Value v, int level) {
    Ref keep = Ref::borrow(v);
    if (dict_size(v) == 0) {
        out += "{}";
        return true;
    }
    if (!enter(v)) return false;
    Ref items(list_new(ts, dict_size(v)));
    if (!items) return false;
    uint64_t pos = 0;
    Value k, val_;
    while (dict_next(v, &pos, &k, &val_)) {
        Value pair = tuple_pack(ts, {k, val_});
        if (pair.is_null() || !list_append_steal(ts, *items, pair)) return false;
    }
    if (sort_keys && !list_sort(ts, *items, Value(), false)) return false;
    out += '{';
    bool first = true;
    for (uint64_t i = 0; i < list_size(*items); ++i) {
        Value pair = list_item(*items, i);
        std::string kstr;
        bool skip;
        if (!key_string(tuple_item(pair, 0), &kstr, &skip)) return false;
        if (skip) continue;
        if (first && has_indent && !newline(level + 1)) return false;
        if (!first) {
            out += item_sep;
            if (has_indent && !newline(level + 1)) return false;
        }
        first = false;
        encode_string(out, kstr, ensure_ascii);
        out += key_sep;
        if (!encode(tuple_item(pair, 1), level + 1)) return false;
    }
    if (has_indent && !first && !newline(level)) return false;
    out += '}';
    leave(v);
    return true;
}

bool Encoder::encode(Value v, int level) {
    if (v.is_none())
        out += "null";
    else if (v.is_true())
        out += "true";
    else if (v.is_false())
        out += "false";
    else if (is_str(ts, v))
        encode_string(out, str_view(v), ensure_ascii);
    else if (is_int(v)) {
        std::string digits;
        if (!int_to_decimal_checked(ts, v, &digits)) return false;
        out += digits;
    } else if (is_float(v)) {
        return encode_float(float_value(v), out);
    } else if (is_list(ts, v) || is_tuple(ts, v)) {
        if (!enter_native_call(ts, " while encoding a JSON object")) return false;
        bool ok = encode_list(v, level);
        leave_native_call(ts);
        return ok;
    } else if (is_dict(ts, v)) {
        if (!enter_native_call(ts, " while encoding a JSON object")) return false;
        bool ok = encode_dict(v, level);
        leave_native_call(ts);
        return ok;
    } else {
        if (dflt.is_null()) {
            raise_fmt(ts, ts.exc_types().TypeError, "Object of type {} is not JSON serializable",
                      type_name(ts, v));
            return false;
        }
        if (!enter(v)) return false;
        Ref r(call1(ts, dflt, v));
        if (!r || !enter_native_call(ts, " while encoding a JSON object")) return false;
        bool ok = encode(*r, level);
        leave_native_call(ts);
        if (!ok) return false;
        leave(v);
    }
    return true;
}

bool optional_truth(ThreadState& ts, Value v, bool dflt, bool* out) {
    if (v.is_null()) {
        *out = dflt;
        return true;
    }
    int t = obj_truthy(ts, v);
    if (t < 0) return false;
    *out = t;
    return true;
}

// encode(obj, indent, item_separator, key_separator, sort_keys, ensure_ascii,
//        allow_nan, skipkeys, default, check_circular) -> str
Value json_encode(ThreadState& ts, Args args) {
    Value obj, indent, item_sep, key_sep, sort_keys, ensure_ascii, allow_nan, skipkeys, dflt,
        check_circular;
    if (!parse_args(ts, args, "encode",
                    {"obj", "|", "indent", "item_separator", "key_separator", "sort_keys",
                     "ensure_ascii", "allow_nan", "skipkeys", "default", "check_circular"},
                    {&obj, &indent, &item_sep, &key_sep, &sort_keys, &ensure_ascii, &allow_nan,
                     &skipkeys, &dflt, &check_circular})) {
        return Value();
    }
    Encoder e{ts, dflt.is_null() || dflt.is_none() ? Value() : dflt};
    if (!optional_truth(ts, sort_keys, false, &e.sort_keys) ||
        !optional_truth(ts, ensure_ascii, true, &e.ensure_ascii) ||
        !optional_truth(ts, allow_nan, true, &e.allow_nan) ||
        !optional_truth(ts, skipkeys, false, &e.skipkeys) ||
        !optional_truth(ts, check_circular, true, &e.check_circular)) {
        return Value();
    }
    if (!indent.is_null() && !indent.is_none()) {
        e.has_indent = true;
        if (is_str(ts, indent)) {
            e.indent = str_view(indent);
        } else {
            int64_t n;
            if (!int_as_int64(ts, indent, &n)) return Value();
            if (n > 0 && !check_alloc_size(ts, static_cast<uint64_t>(n))) return Value();
            e.indent.assign(static_cast<std::size_t>(std::max<int64_t>(n, 0)), ' ');
        }
    }
    e.item_sep = !item_sep.is_null() && is_str(ts, item_sep) ? str_view(item_sep)
                                                             : (e.has_indent ? "," : ", ");
    e.key_sep = !key_sep.is_null() && is_str(ts, key_sep) ? str_view(key_sep) : ": ";
    if (!e.encode(obj, 0)) return Value();
    return make_str(ts, e.out);
}

// --- decoding ---

struct Decoder {
    ThreadState& ts;
    Value doc;  // the str being decoded (borrowed)
    std::string_view s;
    Value error_cls, object_hook, pairs_hook, parse_float, parse_int, parse_constant;
    bool strict = true;
    // Set by a failed parse that CPython reports as StopIteration(idx): the
    // caller turns it into "Expecting value" at that index.
    bool stop = false;
    std::size_t stop_at = 0;

    bool error(const char* msg, std::size_t byte_pos);
    Value expecting_value(std::size_t pos) {
        stop = true;
        stop_at = pos;
        return Value();
    }
    void skip_ws(std::size_t* i) const {
        while (*i < s.size() && (s[*i] == ' ' || s[*i] == '\t' || s[*i] == '\n' || s[*i] == '\r'))
            ++*i;
    }
    Value scan_once(std::size_t idx, std::size_t* end);
    Value parse_string(std::size_t begin, std::size_t* end);
    Value parse_object(std::size_t idx, std::size_t* end);
    Value parse_array(std::size_t idx, std::size_t* end);
    Value parse_number(std::size_t idx, std::size_t* end);
    Value constant(const char* text, std::size_t idx, std::size_t* end);
    std::size_t char_index(std::size_t byte_pos) const {
        std::size_t n = 0;
        for (std::size_t i = 0; i < byte_pos && i < s.size(); ++i)
            n += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
        return n;
    }
};

bool Decoder::error(const char* msg, std::size_t byte_pos) {
    Ref m(make_str(ts, msg));
    Ref pos(make_int_u64(ts, char_index(byte_pos)));
    if (!m || !pos) return false;
    Ref exc(call_n(ts, error_cls, {*m, doc, *pos}));
    if (exc) raise_instance(ts, exc.release());
    return false;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Four hex digits at s[i..i+4); -1 if invalid.
int32_t hex4(std::string_view s, std::size_t i) {
    int32_t v = 0;
    for (std::size_t k = 0; k < 4; ++k) {
        int h = hex_value(s[i + k]);
        if (h < 0) return -1;
        v = (v << 4) | h;
    }
    return v;
}

// A string whose opening quote is at s[begin - 1]; *end is set past the
// closing quote (CPython's scanstring_unicode).
Value Decoder::parse_string(std::size_t begin, std::size_t* end) {
    std::string out;
    std::size_t i = begin;
    std::size_t quote = begin - 1;
    for (;;) {
        std::size_t j = i;
        while (j < s.size() && s[j] != '"' && s[j] != '\\' &&
               !(strict && static_cast<unsigned char>(s[j]) < 0x20))
            ++j;
        if (j >= s.size()) return error("Unterminated string starting at", quote), Value();
        out.append(s.substr(i, j - i));
        if (s[j] == '"') {
            *end = j + 1;
            return make_str(ts, out);
        }
        if (s[j] != '\\') return error("Invalid control character at", j), Value();
        std::size_t next = j + 1;
        if (next >= s.size()) return error("Unterminated string starting at", quote), Value();
        char c = s[next];
        if (c != 'u') {
            const char* map = "\"\"\\\\//b\bf\fn\nr\rt\t";
            const char* hit = nullptr;
            for (const char* p = map; *p; p += 2)
                if (*p == c) hit = p;
            if (!hit) return error("Invalid \\escape", j), Value();
            out += hit[1];
            i = next + 1;
            continue;
        }
        std::size_t digits = next + 1;
        if (digits + 4 >= s.size()) return error("Invalid \\uXXXX escape", next), Value();
        int32_t cp = hex4(s, digits);
        if (cp < 0) return error("Invalid \\uXXXX escape", next), Value();
        i = digits + 4;
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 < s.size() && s[i] == '\\' && s[i + 1] == 'u') {
            int32_t low = hex4(s, i + 2);
            if (low < 0) return error("Invalid \\uXXXX escape", i + 1), Value();
            if (low >= 0xDC00 && low <= 0xDFFF) {
                cp = 0x10000 + (((cp - 0xD800) << 10) | (low - 0xDC00));
                i += 6;
            }
        }
        utf8_append(out, static_cast<uint32_t>(cp));
    }
}

Value Decoder::parse_object(std::size_t idx, std::size_t* end) {
    Ref pairs(list_new(ts));
    Ref dict(pairs_hook.is_null() ? dict_new(ts) : Value::none());
    if (!pairs || !dict) return Value();
    skip_ws(&idx);
    if (idx >= s.size() || s[idx] != '}') {
        for (;;) {
            if (idx >= s.size() || s[idx] != '"') {
                return error("Expecting property name enclosed in double quotes", idx), Value();
            }
            Ref key(parse_string(idx + 1, &idx));
            if (!key) return Value();
            key = Ref(ts.interp().intern_steal(key.release()));
            skip_ws(&idx);
            if (idx >= s.size() || s[idx] != ':')
                return error("Expecting ':' delimiter", idx), Value();
            ++idx;
            skip_ws(&idx);
            Ref value(scan_once(idx, &idx));
            if (!value) return Value();
            if (pairs_hook.is_null()) {
                if (!dict_set(ts, *dict, *key, *value)) return Value();
            } else {
                Value pair = tuple_pack(ts, {*key, *value});
                if (pair.is_null() || !list_append_steal(ts, *pairs, pair)) return Value();
            }
            skip_ws(&idx);
            if (idx < s.size() && s[idx] == '}') break;
            if (idx >= s.size() || s[idx] != ',')
                return error("Expecting ',' delimiter", idx), Value();
            ++idx;
            skip_ws(&idx);
        }
    }
    *end = idx + 1;
    if (!pairs_hook.is_null()) return call1(ts, pairs_hook, *pairs);
    if (!object_hook.is_null()) return call1(ts, object_hook, *dict);
    return dict.release();
}

Value Decoder::parse_array(std::size_t idx, std::size_t* end) {
    Ref list(list_new(ts));
    if (!list) return Value();
    skip_ws(&idx);
    if (idx < s.size() && s[idx] != ']') {
        for (;;) {
            Ref value(scan_once(idx, &idx));
            if (!value || !list_append(ts, *list, *value)) return Value();
            skip_ws(&idx);
            if (idx < s.size() && s[idx] == ']') break;
            if (idx >= s.size() || s[idx] != ',')
                return error("Expecting ',' delimiter", idx), Value();
            ++idx;
            skip_ws(&idx);
        }
    }
    if (idx >= s.size() || s[idx] != ']') return expecting_value(idx);
    *end = idx + 1;
    return list.release();
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

Value Decoder::parse_number(std::size_t start, std::size_t* end) {
    std::size_t i = start;
    if (i < s.size() && s[i] == '-') ++i;
    if (i < s.size() && s[i] >= '1' && s[i] <= '9') {
        while (i < s.size() && is_digit(s[i])) ++i;
    } else if (i < s.size() && s[i] == '0') {
        ++i;
    } else {
        return expecting_value(start);
    }
    bool is_float_num = false;
    if (i + 1 < s.size() && s[i] == '.' && is_digit(s[i + 1])) {
        is_float_num = true;
        i += 2;
        while (i < s.size() && is_digit(s[i])) ++i;
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        std::size_t e_start = i++;
        if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
        std::size_t digits = i;
        while (i < s.size() && is_digit(s[i])) ++i;
        if (i > digits)
            is_float_num = true;
        else
            i = e_start;
    }
    *end = i;
    std::string_view text = s.substr(start, i - start);
    Value hook = is_float_num ? parse_float : parse_int;
    if (!hook.is_null()) {
        Ref t(make_str(ts, text));
        return t ? call1(ts, hook, *t) : Value();
    }
    return is_float_num ? float_from_string(ts, text) : int_from_string(ts, text, 10);
}

Value Decoder::constant(const char* text, std::size_t idx, std::size_t* end) {
    std::string_view t(text);
    if (s.substr(idx, t.size()) != t) return expecting_value(idx);
    *end = idx + t.size();
    double d = t == "NaN" ? NAN : t == "Infinity" ? INFINITY : -INFINITY;
    if (parse_constant.is_null()) return make_float(ts, d);
    Ref name(make_str(ts, t));
    return name ? call1(ts, parse_constant, *name) : Value();
}

Value Decoder::scan_once(std::size_t idx, std::size_t* end) {
    if (idx >= s.size()) return expecting_value(idx);
    const char* where = s[idx] == '['   ? " while decoding a JSON array from a unicode string"
                        : s[idx] == '{' ? " while decoding a JSON object from a unicode string"
                                        : "";
    if (!enter_native_call(ts, where)) return Value();
    Value r;
    switch (s[idx]) {
        case '"':
            r = parse_string(idx + 1, end);
            break;
        case '{':
            r = parse_object(idx + 1, end);
            break;
        case '[':
            r = parse_array(idx + 1, end);
            break;
        case 'n':
            if (s.substr(idx, 4) == "null") {
                *end = idx + 4;
                r = Value::none();
            } else {
                r = expecting_value(idx);
            }
            break;
        case 't':
            if (s.substr(idx, 4) == "true") {
                *end = idx + 4;
                r = Value::true_();
            } else {
                r = expecting_value(idx);
            }
            break;
        case 'f':
            if (s.substr(idx, 5) == "false") {
                *end = idx + 5;
                r = Value::false_();
            } else {
                r = expecting_value(idx);
            }
            break;
        case 'N':
            r = constant("NaN", idx, end);
            break;
        case 'I':
            r = constant("Infinity", idx, end);
            break;
        case '-':
            r = s.substr(idx, 9) == "-Infinity" ? constant("-Infinity", idx, end)
                                                : parse_number(idx, end);
            break;
        default:
            r = parse_number(idx, end);
            break;
    }
    leave_native_call(ts);
    return r;
}

Value optional(Value v) {
    return v.is_null() || v.is_none() ? Value() : v;
}

// decode(s, error_cls, object_hook, object_pairs_hook, parse_float,
//        parse_int, parse_constant, strict, idx) -> value
// With idx None: the whole document (surrounding white space allowed,
// "Extra data" after it). With an int idx: JSONDecoder.raw_decode, returning
// (value, end index) and accepting trailing data.
Value json_decode(ThreadState& ts, Args args) {
    Value doc, error_cls, object_hook, pairs_hook, parse_float, parse_int, parse_constant, strict,
        idx;
    if (!parse_args(ts, args, "decode",
                    {"s", "error_cls", "|", "object_hook", "object_pairs_hook", "parse_float",
                     "parse_int", "parse_constant", "strict", "idx"},
                    {&doc, &error_cls, &object_hook, &pairs_hook, &parse_float, &parse_int,
                     &parse_constant, &strict, &idx})) {
        return Value();
    }
    if (!is_str(ts, doc))
        return raise(ts, ts.exc_types().TypeError, "first argument must be a string");
    Decoder d{ts,
              doc,
              str_view(doc),
              error_cls,
              optional(object_hook),
              optional(pairs_hook),
              optional(parse_float),
              optional(parse_int),
              optional(parse_constant)};
    if (!optional_truth(ts, strict, true, &d.strict)) return Value();
    bool raw = !idx.is_null() && !idx.is_none();
    std::size_t start = 0;
    if (raw) {
        int64_t ci;
        if (!int_as_int64(ts, idx, &ci)) return Value();
        if (ci < 0) return raise(ts, ts.exc_types().ValueError, "idx cannot be negative");
        start = str_byte_offset(doc, std::min<uint64_t>(static_cast<uint64_t>(ci), str_len(doc)));
    } else {
        d.skip_ws(&start);
    }
    std::size_t end = start;
    Ref value(d.scan_once(start, &end));
    if (!value) {
        if (d.stop && !ts.has_exception()) d.error("Expecting value", d.stop_at);
        return Value();
    }
    if (raw) {
        Ref end_index(make_int_u64(ts, d.char_index(end)));
        if (!end_index) return Value();
        return tuple_pack(ts, {*value, *end_index});
    }
    d.skip_ws(&end);
    if (end != d.s.size()) return d.error("Extra data", end), Value();
    return value.release();
}

}  // namespace

Value init_json_module(ThreadState& ts) {
    Ref m(module_new(ts, "_json"));
    if (!m || !module_add_functions(ts, *m, kJsonFunctions)) return Value();
    return m.release();
}

}  // namespace gilt
