// Text formatting: format(s, spec) for str, str.format / str.format_map,
// and printf-style `fmt % args`.
//
// str.format follows CPython's Objects/stringlib/unicode_format.h: a markup
// iterator splits the template into literal text and replacement fields
// `{name.attr[key]!conv:spec}`; the spec may itself hold fields, expanded
// first (two levels at most: "Max string recursion exceeded"); automatic
// ({}) and manual ({0}) numbering cannot be mixed. Each field is rendered
// with obj_format, so user __format__ methods take part.
//
// `%` follows PyUnicode_Format (and _PyBytes_FormatEx for bytes % args,
// the same loop in "bytes mode"): the arguments are one value, a tuple, or
// a mapping (anything with __getitem__ that is not a tuple, str or bytes)
// for %(key)s; integers and floats are rendered here with the C-printf
// semantics % has (which differ from format-spec semantics), floats through
// double_to_string so digits match CPython's repr machinery.
#include <cctype>
#include <climits>
#include <cstring>
#include <string>

#include "runtime/abstract.hpp"
#include "runtime/bytes.hpp"
#include "runtime/dict.hpp"
#include "runtime/dict_text.hpp"
#include "runtime/errors.hpp"
#include "runtime/float.hpp"
#include "runtime/format_spec.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "runtime/unicode.hpp"

namespace gilt {

// --- format(s, spec) ---

Value str_format_spec(ThreadState& ts, Value s, std::string_view spec) {
    if (spec.empty()) {
        if (is_exact_str(ts, s)) return new_ref(s);
        return make_str_known(ts, str_view(s), str_len(s), str_len(s) == str_obj(s)->byte_len);
    }
    FormatSpec fs;
    if (!parse_format_spec(ts, spec, &fs, 's', '<', "str")) return Value();
    TypeObject* value_error = ts.exc_types().ValueError;
    if (fs.type != 's') return raise_unknown_format_code(ts, fs.type, "str");
    if (fs.sign == ' ')
        return raise(ts, value_error, "Space not allowed in string format specifier");
    if (fs.sign) return raise(ts, value_error, "Sign not allowed in string format specifier");
    if (fs.no_neg_0)
        return raise(ts, value_error,
                     "Negative zero coercion (z) not allowed in string format specifier");
    if (fs.alternate)
        return raise(ts, value_error, "Alternate form (#) not allowed in string format specifier");
    if (fs.align == '=')
        return raise(ts, value_error, "'=' alignment not allowed in string format specifier");
    std::string_view body = str_view(s);
    if (fs.precision >= 0 && static_cast<uint64_t>(fs.precision) < str_len(s))
        body = body.substr(0, str_byte_offset(s, static_cast<uint64_t>(fs.precision)));
    std::string out = apply_alignment(fs, body, '<');
    return make_str(ts, out);
}

// --- str.format ---

namespace {

// Where field names are looked up: the positional arguments, and either the
// call's keyword arguments or a mapping (format_map).
struct FormatArgs {
    const Value* pos = nullptr;
    uint32_t npos = 0;
    const Value* kwvalues = nullptr;  // parallel to kwnames
    Value kwnames;                    // tuple of str, or null
    Value mapping;                    // format_map's argument, or null
};

enum class AutoNumber { Unknown, Auto, Manual };

struct FormatState {
    const FormatArgs& args;
    AutoNumber numbering = AutoNumber::Unknown;
    int64_t next_auto = 0;
};

Value value_error(ThreadState& ts, std::string_view msg) {
    return raise(ts, ts.exc_types().ValueError, msg);
}

// CPython's get_integer: the value of an all-digit name, -1 if it is not
// one (empty, or any non-digit), -2 with ValueError on overflow.
int64_t field_integer(ThreadState& ts, std::string_view s) {
    if (s.empty()) return -1;
    int64_t acc = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return -1;
        if (acc > (INT64_MAX - (c - '0')) / 10) {
            value_error(ts, "Too many decimal digits in format string");
            return -2;
        }
        acc = acc * 10 + (c - '0');
    }
    return acc;
}

Value lookup_keyword(ThreadState& ts, const FormatArgs& fa, std::string_view name) {
    Ref key(make_str(ts, name));
    if (!key) return Value();
    if (!fa.mapping.is_null()) return obj_getitem(ts, fa.mapping, *key);
    if (!fa.kwnames.is_null()) {
        for (uint64_t i = 0; i < tuple_size(fa.kwnames); ++i)
            if (str_view(tuple_item(fa.kwnames, i)) == name) return new_ref(fa.kwvalues[i]);
    }
    return raise_key_error(ts, *key);
}

// The object named by the first part of a field name ("", "0", "name").
Value first_object(ThreadState& ts, FormatState& st, std::string_view first) {
    int64_t index = field_integer(ts, first);
    if (index == -2) return Value();
    if (first.empty()) {
        if (st.numbering == AutoNumber::Manual)
            return value_error(
                ts, "cannot switch from manual field specification to automatic field numbering");
        st.numbering = AutoNumber::Auto;
        index = st.next_auto++;
    } else if (index >= 0) {
        if (st.numbering == AutoNumber::Auto)
            return value_error(
                ts, "cannot switch from automatic field numbering to manual field specification");
        st.numbering = AutoNumber::Manual;
    } else {
        return lookup_keyword(ts, st.args, first);
    }
    if (index >= static_cast<int64_t>(st.args.npos)) {
        if (!st.args.mapping.is_null())
            return value_error(ts, "Format string contains positional fields");
        return raise_fmt(ts, ts.exc_types().IndexError,
                         "Replacement index {} out of range for positional args tuple", index);
    }
    return new_ref(st.args.pos[index]);
}

// Follows `.attr` and `[key]` accessors after the first part.
Value follow_accessors(ThreadState& ts, Ref obj, std::string_view rest) {
    size_t i = 0;
    while (i < rest.size() && obj) {
        char c = rest[i++];
        if (c == '.') {
            size_t j = i;
            while (j < rest.size() && rest[j] != '.' && rest[j] != '[') ++j;
            if (j == i) return value_error(ts, "Empty attribute in format string");
            Ref name(make_str(ts, rest.substr(i, j - i)));
            if (!name) return Value();
            obj = Ref(obj_getattr(ts, *obj, *name));
            i = j;
        } else if (c == '[') {
            size_t j = rest.find(']', i);
            if (j == std::string_view::npos) return value_error(ts, "Missing ']' in format string");
            std::string_view k = rest.substr(i, j - i);
            if (k.empty()) return value_error(ts, "Empty attribute in format string");
            int64_t n = field_integer(ts, k);
            if (n == -2) return Value();
            Ref key(n >= 0 ? Value::small_int(n) : make_str(ts, k));
            if (!key) return Value();
            obj = Ref(obj_getitem(ts, *obj, *key));
            i = j + 1;
            if (i < rest.size() && rest[i] != '.' && rest[i] != '[')
                return value_error(ts, "Only '.' or '[' may follow ']' in format field specifier");
        } else {
            return value_error(ts, "Only '.' or '[' may follow ']' in format field specifier");
        }
    }
    return obj.release();
}

Value get_field_object(ThreadState& ts, FormatState& st, std::string_view name) {
    size_t split = name.find_first_of(".[");
    std::string_view first = name.substr(0, split);
    Ref obj(first_object(ts, st, first));
    if (!obj || split == std::string_view::npos) return obj.release();
    return follow_accessors(ts, std::move(obj), name.substr(split));
}

Value convert_field(ThreadState& ts, Value obj, uint32_t conversion) {
    switch (conversion) {
        case 'r':
            return obj_repr(ts, obj);
        case 's':
            return obj_str(ts, obj);
        case 'a':
            return obj_ascii(ts, obj);
        default:
            break;
    }
    if (conversion > 32 && conversion < 127)
        return raise_fmt(ts, ts.exc_types().ValueError, "Unknown conversion specifier {}",
                         static_cast<char>(conversion));
    return raise_fmt(ts, ts.exc_types().ValueError, "Unknown conversion specifier \\x{:x}",
                     conversion);
}

// One replacement field, parsed (CPython's parse_field).
struct Field {
    std::string_view name;
    std::string_view spec;
    uint32_t conversion = 0;
    bool spec_needs_expanding = false;
};

// Parses the field that starts at fmt[*pos] (just after its '{').
bool parse_field(ThreadState& ts, std::string_view fmt, size_t* pos, Field* f) {
    size_t i = *pos, start = i;
    char c = 0;
    while (i < fmt.size()) {
        c = fmt[i++];
        if (c == '{') return value_error(ts, "unexpected '{' in field name"), false;
        if (c == '[') {
            while (i < fmt.size() && fmt[i] != ']') ++i;
            continue;
        }
        if (c == '}' || c == ':' || c == '!') break;
        c = 0;
    }
    if (c == 0) return value_error(ts, "expected '}' before end of string"), false;
    f->name = fmt.substr(start, i - 1 - start);
    if (c == '!') {
        if (i >= fmt.size())
            return value_error(ts, "end of string while looking for conversion specifier"), false;
        i += static_cast<size_t>(utf8_decode(fmt.data() + i, &f->conversion));
        if (i < fmt.size()) {
            c = fmt[i++];
            if (c == '}') return *pos = i, true;
            if (c != ':') return value_error(ts, "expected ':' after conversion specifier"), false;
        }
    }
    if (c == '}') return *pos = i, true;
    size_t spec_start = i;
    int depth = 1;
    while (i < fmt.size()) {
        c = fmt[i++];
        if (c == '{') {
            f->spec_needs_expanding = true;
            ++depth;
        } else if (c == '}' && --depth == 0) {
            f->spec = fmt.substr(spec_start, i - 1 - spec_start);
            *pos = i;
            return true;
        }
    }
    return value_error(ts, "unmatched '{' in format spec"), false;
}

bool build_string(ThreadState& ts, FormatState& st, std::string_view fmt, int depth,
                  std::string& out);

// Appends format(obj, spec), with fast paths for the common exact types.
bool render_field(ThreadState& ts, Value obj, std::string_view spec, std::string& out) {
    if (spec.empty() && is_exact_str(ts, obj)) {
        out.append(str_view(obj));
        return true;
    }
    if (spec.empty() && obj.is_small_int()) {
        out.append(std::to_string(obj.as_small_int()));
        return true;
    }
    Ref spec_str(make_str(ts, spec));
    if (!spec_str) return false;
    Ref r(obj_format(ts, obj, *spec_str));
    if (!r) return false;
    out.append(str_view(*r));
    return true;
}

bool output_field(ThreadState& ts, FormatState& st, const Field& f, int depth, std::string& out) {
    Ref obj(get_field_object(ts, st, f.name));
    if (!obj) return false;
    if (f.conversion) {
        obj = Ref(convert_field(ts, *obj, f.conversion));
        if (!obj) return false;
    }
    if (!f.spec_needs_expanding) return render_field(ts, *obj, f.spec, out);
    std::string spec;
    if (!build_string(ts, st, f.spec, depth - 1, spec)) return false;
    return render_field(ts, *obj, spec, out);
}

// CPython's MarkupIterator loop: literal text with {{ and }} unescaped,
// then one field, until the end of the template.
bool build_string(ThreadState& ts, FormatState& st, std::string_view fmt, int depth,
                  std::string& out) {
    if (depth <= 0) return value_error(ts, "Max string recursion exceeded"), false;
    size_t i = 0;
    while (i < fmt.size()) {
        size_t brace = fmt.find_first_of("{}", i);
        if (brace == std::string_view::npos) {
            out.append(fmt.substr(i));
            return true;
        }
        out.append(fmt.substr(i, brace - i));
        char c = fmt[brace];
        bool at_end = brace + 1 >= fmt.size();
        if (c == '}' && (at_end || fmt[brace + 1] != '}'))
            return value_error(ts, "Single '}' encountered in format string"), false;
        if (at_end) return value_error(ts, "Single '{' encountered in format string"), false;
        if (fmt[brace + 1] == c) {  // "{{" or "}}"
            out += c;
            i = brace + 2;
            continue;
        }
        Field f;
        i = brace + 1;
        if (!parse_field(ts, fmt, &i, &f) || !output_field(ts, st, f, depth, out)) return false;
    }
    return true;
}

Value format_with(ThreadState& ts, Value fmt, const FormatArgs& fa) {
    FormatState st{fa};
    std::string out;
    out.reserve(str_obj(fmt)->byte_len + 16);
    if (!build_string(ts, st, str_view(fmt), 2, out)) return Value();
    return make_str(ts, out);
}

}  // namespace

Value str_format_method(ThreadState& ts, Args args) {
    FormatArgs fa;
    fa.pos = args.v + 1;
    fa.npos = args.n - 1;
    if (args.kwnames) {
        fa.kwnames = val(args.kwnames);
        fa.kwvalues = args.v + args.n;
    }
    return format_with(ts, args[0], fa);
}

Value str_format_map(ThreadState& ts, Value fmt, Value mapping) {
    FormatArgs fa;
    fa.mapping = mapping;
    return format_with(ts, fmt, fa);
}

// --- printf-style formatting: fmt % args ---

namespace {

enum PctFlags : int { kLeft = 1, kSign = 2, kBlank = 4, kAlt = 8, kZero = 16 };

// One conversion: %[(key)][flags][width][.precision]type.
struct PctSpec {
    int flags = 0;
    int64_t width = -1;
    int64_t prec = -1;
    uint32_t type = 0;
};

// The argument source (CPython's unicode_formatter_t): a tuple consumed in
// order, or a single value (arglen -1) that can be consumed once.
struct PctArgs {
    Value args;  // borrowed, or owned by `owned` after a %(key) lookup
    Ref owned;
    int64_t arglen;
    int64_t argidx;
    Value dict;       // the mapping, or null
    bool bytes_mode;  // bytes % args: %(key) keys and %s operands are bytes

    Value next(ThreadState& ts) {  // borrowed
        if (argidx < arglen) {
            int64_t i = argidx++;
            return arglen < 0 ? args : tuple_item(args, static_cast<uint64_t>(i));
        }
        raise(ts, ts.exc_types().TypeError, "not enough arguments for format string");
        return Value();
    }
};

bool pct_key(ThreadState& ts, std::string_view fmt, size_t* pos, PctArgs& pa) {
    if (pa.dict.is_null()) {
        raise(ts, ts.exc_types().TypeError, "format requires a mapping");
        return false;
    }
    size_t i = *pos, start = i;
    int depth = 1;
    while (i < fmt.size() && depth > 0) {
        if (fmt[i] == ')')
            --depth;
        else if (fmt[i] == '(')
            ++depth;
        ++i;
    }
    if (depth > 0) {
        value_error(ts, "incomplete format key");
        return false;
    }
    std::string_view k = fmt.substr(start, i - 1 - start);
    // An exact dict is searched by the key's text: no str is made for a
    // key that is there (logging formats every record this way).
    if (!pa.bytes_mode && is_exact_dict(ts, pa.dict)) {
        if (Value found = dict_get_str_text(pa.dict, k); !found.is_null()) {
            pa.owned = Ref(new_ref(found));
            pa.args = *pa.owned;
            pa.arglen = -1;
            pa.argidx = -2;
            *pos = i;
            return true;
        }
    }
    Ref key(pa.bytes_mode ? make_bytes(ts, k) : make_str(ts, k));
    if (!key) return false;
    pa.owned = Ref(obj_getitem(ts, pa.dict, *key));
    if (!pa.owned) return false;
    pa.args = *pa.owned;
    pa.arglen = -1;
    pa.argidx = -2;
    *pos = i;
    return true;
}

// A '*' width or precision taken from the arguments.
bool pct_star(ThreadState& ts, PctArgs& pa, int64_t* out) {
    Value v = pa.next(ts);
    if (v.is_null()) return false;
    if (!is_int(v)) {
        raise(ts, ts.exc_types().TypeError, "* wants int");
        return false;
    }
    return int_as_int64(ts, v, out);
}

bool pct_number(ThreadState& ts, std::string_view fmt, size_t* pos, int64_t* out,
                const char* what) {
    int64_t n = 0;
    while (*pos < fmt.size() && fmt[*pos] >= '0' && fmt[*pos] <= '9') {
        if (n > (INT64_MAX - 9) / 10) {
            raise_fmt(ts, ts.exc_types().ValueError, "{} too big", what);
            return false;
        }
        n = n * 10 + (fmt[(*pos)++] - '0');
    }
    *out = n;
    return true;
}

// Parses everything after '%' up to and including the type character.
bool pct_parse(ThreadState& ts, std::string_view fmt, size_t* pos, PctArgs& pa, PctSpec* sp) {
    size_t& i = *pos;
    if (i < fmt.size() && fmt[i] == '(') {
        ++i;
        if (!pct_key(ts, fmt, &i, pa)) return false;
    }
    for (; i < fmt.size(); ++i) {
        char c = fmt[i];
        int f = c == '-'   ? kLeft
                : c == '+' ? kSign
                : c == ' ' ? kBlank
                : c == '#' ? kAlt
                : c == '0' ? kZero
                           : 0;
        if (!f) break;
        sp->flags |= f;
    }
    if (i < fmt.size() && fmt[i] == '*') {
        ++i;
        if (!pct_star(ts, pa, &sp->width)) return false;
        if (sp->width < 0) {
            sp->flags |= kLeft;
            // -INT64_MIN overflows; either magnitude is refused below.
            sp->width = sp->width == INT64_MIN ? INT64_MAX : -sp->width;
        }
    } else if (!pct_number(ts, fmt, &i, &sp->width, "width")) {
        return false;
    }
    if (i < fmt.size() && fmt[i] == '.') {
        ++i;
        if (i < fmt.size() && fmt[i] == '*') {
            ++i;
            if (!pct_star(ts, pa, &sp->prec)) return false;
            if (sp->prec > INT_MAX) {  // CPython reads a '*' precision as a C int
                raise(ts, ts.exc_types().OverflowError, "Python int too large to convert to C int");
                return false;
            }
            if (sp->prec < 0) sp->prec = 0;
        } else if (!pct_number(ts, fmt, &i, &sp->prec, "precision")) {
            return false;
        } else if (sp->prec > INT_MAX) {
            value_error(ts, "precision too big");
            return false;
        }
    }
    // The padding is built in a std::string, which must never be asked for
    // more than can exist (it would throw): such a width is a MemoryError.
    if (sp->width > 0 && !check_alloc_size(ts, static_cast<uint64_t>(sp->width))) return false;
    if (i < fmt.size() && (fmt[i] == 'h' || fmt[i] == 'l' || fmt[i] == 'L'))
        ++i;  // ignored, as in C
    if (i >= fmt.size()) {
        value_error(ts, "incomplete format");
        return false;
    }
    i += static_cast<size_t>(utf8_decode(fmt.data() + i, &sp->type));
    return true;
}

// Pads a rendered number: sign and prefix stay in front of zero padding.
void pct_pad_number(std::string& out, const PctSpec& sp, std::string_view sign,
                    std::string_view prefix, std::string_view digits) {
    auto len = static_cast<int64_t>(sign.size() + prefix.size() + digits.size());
    int64_t pad = sp.width > len ? sp.width - len : 0;
    if (!(sp.flags & kLeft) && !(sp.flags & kZero)) out.append(static_cast<size_t>(pad), ' ');
    out.append(sign);
    out.append(prefix);
    if (!(sp.flags & kLeft) && (sp.flags & kZero)) out.append(static_cast<size_t>(pad), '0');
    out.append(digits);
    if (sp.flags & kLeft) out.append(static_cast<size_t>(pad), ' ');
}

std::string_view sign_for(bool negative, int flags) {
    if (negative) return "-";
    if (flags & kSign) return "+";
    if (flags & kBlank) return " ";
    return "";
}

// The int to render for %d (int(x)) or %x/%o (x.__index__()).
Value pct_int_arg(ThreadState& ts, Value v, const PctSpec& sp) {
    if (is_int(v)) return new_ref(v);
    TypeObject* t = type_of(ts, v);
    bool decimal = sp.type == 'd' || sp.type == 'i' || sp.type == 'u';
    // int(x) of an exact float, without the call ("%03d" % record.msecs).
    if (decimal && is_exact_float(ts, v)) return int_from_double(ts, float_value(v));
    if (decimal && (t->nb_int || t->nb_float || t->nb_index))
        return call1(ts, val(ts.types().int_), v);
    if (!decimal && t->nb_index) return t->nb_index(ts, v);
    return raise_fmt(ts, ts.exc_types().TypeError, "%{} format: {} is required, not {}",
                     static_cast<char>(sp.type), decimal ? "a real number" : "an integer",
                     type_name(ts, v));
}

bool pct_format_int(ThreadState& ts, Value v, const PctSpec& sp, std::string& out) {
    Ref n(pct_int_arg(ts, v, sp));
    if (!n) return false;
    int base = sp.type == 'o' ? 8 : (sp.type == 'x' || sp.type == 'X') ? 16 : 10;
    std::string digits = base == 10 ? int_to_decimal(*n) : int_to_base(*n, base);
    bool negative = !digits.empty() && digits[0] == '-';
    if (negative) digits.erase(0, 1);
    if (sp.type == 'X')
        for (char& c : digits) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (sp.prec > static_cast<int64_t>(digits.size()))
        digits.insert(0, static_cast<size_t>(sp.prec) - digits.size(), '0');
    std::string_view prefix;
    if (sp.flags & kAlt)
        prefix = sp.type == 'o' ? "0o" : sp.type == 'x' ? "0x" : sp.type == 'X' ? "0X" : "";
    pct_pad_number(out, sp, sign_for(negative, sp.flags), prefix, digits);
    return true;
}

bool pct_format_float(ThreadState& ts, Value v, const PctSpec& sp, std::string& out) {
    double x;
    TypeObject* t = type_of(ts, v);
    if (!is_exact_float(ts, v) && !is_int(v) && !t->nb_float && !t->nb_index) {
        raise_fmt(ts, ts.exc_types().TypeError, "must be real number, not {}", type_name(ts, v));
        return false;
    }
    if (!obj_as_double(ts, v, &x)) return false;
    int prec = sp.prec < 0 ? 6 : static_cast<int>(sp.prec > 1000000 ? 1000000 : sp.prec);
    std::string text =
        double_to_string(x, static_cast<char>(sp.type), prec, (sp.flags & kAlt) ? kDtsfAlt : 0);
    bool negative = !text.empty() && text[0] == '-';
    std::string_view digits(text);
    if (negative) digits.remove_prefix(1);
    pct_pad_number(out, sp, sign_for(negative, sp.flags), "", digits);
    return true;
}

// Pads text (already truncated; `len` characters) for %s %r %a %c.
void pct_pad_text(std::string& out, const PctSpec& sp, std::string_view text, int64_t len) {
    int64_t pad = sp.width > len ? sp.width - len : 0;
    if (!(sp.flags & kLeft)) out.append(static_cast<size_t>(pad), ' ');
    out.append(text);
    if (sp.flags & kLeft) out.append(static_cast<size_t>(pad), ' ');
}

bool pct_format_text(ThreadState& ts, Value v, const PctSpec& sp, std::string& out) {
    Ref s(sp.type == 's' ? obj_str(ts, v) : sp.type == 'r' ? obj_repr(ts, v) : obj_ascii(ts, v));
    if (!s) return false;
    std::string_view text = str_view(*s);
    uint64_t len = str_len(*s);
    if (sp.prec >= 0 && static_cast<uint64_t>(sp.prec) < len) {
        text = text.substr(0, str_byte_offset(*s, static_cast<uint64_t>(sp.prec)));
        len = static_cast<uint64_t>(sp.prec);
    }
    pct_pad_text(out, sp, text, static_cast<int64_t>(len));
    return true;
}

// bytes % args: %s / %b take bytes-like objects or __bytes__.
bool pct_format_bytes_text(ThreadState& ts, Value v, const PctSpec& sp, std::string& out) {
    Ref holder;
    std::string_view data;
    if (is_bytes(v) || is_bytearray(v)) {
        data = byteslike_data(v);
    } else if (Value m = type_lookup_cstr(ts, type_of(ts, v), "__bytes__"); !m.is_null()) {
        holder = Ref(call1(ts, m, v));
        if (!holder) return false;
        if (!is_bytes(*holder))
            return raise_fmt(ts, ts.exc_types().TypeError, "__bytes__ returned non-bytes (type {})",
                             type_name(ts, *holder)),
                   false;
        data = bytes_view(*holder);
    } else {
        raise_fmt(
            ts, ts.exc_types().TypeError,
            "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
            type_name(ts, v));
        return false;
    }
    if (sp.prec >= 0 && static_cast<uint64_t>(sp.prec) < data.size())
        data = data.substr(0, static_cast<size_t>(sp.prec));
    pct_pad_text(out, sp, data, static_cast<int64_t>(data.size()));
    return true;
}

bool pct_format_byte_char(ThreadState& ts, Value v, const PctSpec& sp, std::string& out) {
    char c;
    if ((is_bytes(v) || is_bytearray(v)) && byteslike_data(v).size() == 1) {
        c = byteslike_data(v)[0];
    } else if (is_int(v) || (!is_bytes(v) && !is_bytearray(v) && type_of(ts, v)->nb_index)) {
        int64_t n;
        if (!obj_index(ts, v, &n)) return false;
        if (n < 0 || n > 255)
            return raise(ts, ts.exc_types().OverflowError, "%c arg not in range(256)"), false;
        c = static_cast<char>(n);
    } else {
        return raise(ts, ts.exc_types().TypeError,
                     "%c requires an integer in range(256) or a single byte"),
               false;
    }
    pct_pad_text(out, sp, std::string_view(&c, 1), 1);
    return true;
}

bool pct_format_char(ThreadState& ts, Value v, const PctSpec& sp, std::string& out) {
    uint32_t cp;
    if (is_str(ts, v)) {
        if (str_len(v) != 1)
            return raise(ts, ts.exc_types().TypeError, "%c requires int or char"), false;
        utf8_decode(str_obj(v)->data, &cp);
    } else {
        int64_t n;
        if (!is_int(v) && !type_of(ts, v)->nb_index)
            return raise(ts, ts.exc_types().TypeError, "%c requires int or char"), false;
        if (!obj_index(ts, v, &n)) return false;
        if (n < 0 || n > kMaxCodePoint)
            return raise(ts, ts.exc_types().OverflowError, "%c arg not in range(0x110000)"), false;
        cp = static_cast<uint32_t>(n);
    }
    char buf[4];
    pct_pad_text(out, sp, std::string_view(buf, static_cast<size_t>(utf8_encode(cp, buf))), 1);
    return true;
}

// `end` is the position just past the type character in `fmt`, for the
// error about an unknown type (which CPython reports by character index).
bool pct_format_one(ThreadState& ts, Value v, const PctSpec& sp, std::string_view fmt, size_t end,
                    bool bytes_mode, std::string& out) {
    if (bytes_mode) {
        switch (sp.type) {
            case 's':
            case 'b':
                return pct_format_bytes_text(ts, v, sp, out);
            case 'r':
            case 'a':
                return pct_format_text(ts, v, PctSpec{sp.flags, sp.width, sp.prec, 'a'}, out);
            case 'c':
                return pct_format_byte_char(ts, v, sp, out);
            default:
                break;
        }
    }
    switch (sp.type) {
        case 's':
        case 'r':
        case 'a':
            return pct_format_text(ts, v, sp, out);
        case 'd':
        case 'i':
        case 'u':
        case 'o':
        case 'x':
        case 'X':
            return pct_format_int(ts, v, sp, out);
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G':
            return pct_format_float(ts, v, sp, out);
        case 'c':
            return pct_format_char(ts, v, sp, out);
        default:
            break;
    }
    size_t type_index = (bytes_mode ? end : utf8_count(fmt.substr(0, end))) - 1;
    if (sp.type > 32 && sp.type < 127)
        raise_fmt(ts, ts.exc_types().ValueError,
                  "unsupported format character '{}' (0x{:x}) at index {}",
                  static_cast<char>(sp.type), sp.type, type_index);
    else
        raise_fmt(ts, ts.exc_types().ValueError,
                  "unsupported format character '\\x{:x}' (0x{:x}) at index {}", sp.type, sp.type,
                  type_index);
    return false;
}

// The loop of PyUnicode_Format / _PyBytes_FormatEx over `fmt`.
bool percent_format(ThreadState& ts, std::string_view fmt, Value args, bool bytes_mode,
                    std::string& out) {
    PctArgs pa;
    pa.args = args;
    pa.bytes_mode = bytes_mode;
    bool tuple = is_tuple(ts, args);
    pa.arglen = tuple ? static_cast<int64_t>(tuple_size(args)) : -1;
    pa.argidx = tuple ? 0 : -2;
    // PyUnicode_Format treats bytes as a mapping; _PyBytes_FormatEx does not.
    bool text_like = is_str(ts, args) || (bytes_mode && (is_bytes(args) || is_bytearray(args)));
    if (!tuple && !text_like && type_of(ts, args)->getitem) pa.dict = args;
    out.reserve(fmt.size() + 16);
    size_t i = 0;
    while (i < fmt.size()) {
        size_t pct = fmt.find('%', i);
        if (pct == std::string_view::npos) {
            out.append(fmt.substr(i));
            break;
        }
        out.append(fmt.substr(i, pct - i));
        i = pct + 1;
        if (i < fmt.size() && fmt[i] == '%') {
            out += '%';
            ++i;
            continue;
        }
        PctSpec sp;
        if (!pct_parse(ts, fmt, &i, pa, &sp)) return false;
        Value v = pa.next(ts);
        if (v.is_null()) return false;
        if (!pct_format_one(ts, v, sp, fmt, i, bytes_mode, out)) return false;
    }
    if (pa.argidx < pa.arglen && pa.dict.is_null()) {
        raise(ts, ts.exc_types().TypeError,
              bytes_mode ? "not all arguments converted during bytes formatting"
                         : "not all arguments converted during string formatting");
        return false;
    }
    return true;
}

}  // namespace

Value str_percent_format(ThreadState& ts, Value fmt, Value args) {
    std::string out;
    if (!percent_format(ts, str_view(fmt), args, false, out)) return Value();
    return make_str(ts, out);
}

Value bytes_percent_format(ThreadState& ts, Value fmt, Value args) {
    std::string out;
    if (!percent_format(ts, byteslike_data(fmt), args, true, out)) return Value();
    return bytes_same_kind(ts, fmt, out);
}

}  // namespace gilt
