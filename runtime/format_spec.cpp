// The format-spec mini-language and number rendering (see format_spec.hpp).
//
// A formatted number is assembled from the parts CPython's fill_number()
// writes, left to right:
//
//   <lpadding> <sign> <prefix> <spadding> <grouped digits> <decimal> <remainder> <rpadding>
//
// Only one of the three paddings is non-empty. With fill '0' and '='
// alignment the zero padding goes *into* the digit run so that thousands
// separators appear in it too (format(1234, '010,') == '00,001,234'); that is
// the `min_width` argument of group_digits, CPython's
// _PyUnicode_InsertThousandsGrouping.
#include "runtime/format_spec.hpp"

#include <algorithm>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstring>

#include "runtime/errors.hpp"
#include "runtime/float.hpp"
#include "runtime/int.hpp"
#include "runtime/str.hpp"
#include "runtime/unicode.hpp"

namespace gilt {

namespace {

bool is_alignment_token(uint32_t c) {
    return c == '<' || c == '>' || c == '=' || c == '^';
}
bool is_sign_element(char c) {
    return c == ' ' || c == '+' || c == '-';
}

// CPython's get_integer: reads a run of decimal digits at *pos. Returns the
// number of digits read, or -1 with ValueError on overflow.
int64_t read_integer(ThreadState& ts, std::string_view s, size_t* pos, int64_t* result) {
    int64_t acc = 0, n = 0;
    size_t p = *pos;
    for (; p < s.size() && s[p] >= '0' && s[p] <= '9'; ++p, ++n) {
        int digit = s[p] - '0';
        if (acc > (INT64_MAX - digit) / 10) {
            raise(ts, ts.exc_types().ValueError, "Too many decimal digits in format string");
            return -1;
        }
        acc = acc * 10 + digit;
    }
    *pos = p;
    *result = acc;
    return n;
}

// Decodes the code point at byte `pos` of a (valid UTF-8) spec.
uint32_t cp_at(std::string_view s, size_t pos, int* len) {
    uint32_t cp;
    *len = utf8_decode(s.data() + pos, &cp);
    return cp;
}

Value raise_invalid_separator(ThreadState& ts, char sep, uint32_t type) {
    if (type > 32 && type < 128)
        return raise_fmt(ts, ts.exc_types().ValueError, "Cannot specify '{}' with '{}'.", sep,
                         static_cast<char>(type));
    return raise_fmt(ts, ts.exc_types().ValueError, "Cannot specify '{}' with '\\x{:x}'.", sep,
                     type);
}

// The checks CPython makes on the separator once the type is known.
bool check_separator(ThreadState& ts, FormatSpec* out) {
    if (!out->thousands_sep) return true;
    switch (out->type) {
        case 'd':
        case 'e':
        case 'f':
        case 'g':
        case 'E':
        case 'G':
        case '%':
        case 'F':
        case 0:
            return true;
        case 'b':
        case 'o':
        case 'x':
        case 'X':
            if (out->thousands_sep == '_') {
                out->group_size = 4;  // PEP 515: every four digits in bin/oct/hex
                return true;
            }
            break;
        default:
            break;
    }
    raise_invalid_separator(ts, out->thousands_sep, out->type);
    return false;
}

// [[fill]align]: the fill may be any code point, the rest is ASCII.
void parse_fill_align(std::string_view spec, size_t* pos, FormatSpec* out) {
    if (spec.empty()) return;
    int first_len;
    uint32_t first = cp_at(spec, 0, &first_len);
    if (static_cast<size_t>(first_len) < spec.size() &&
        is_alignment_token(static_cast<unsigned char>(spec[first_len]))) {
        out->fill = first;
        out->align = spec[first_len];
        out->fill_specified = out->align_specified = true;
        *pos = first_len + 1;
    } else if (is_alignment_token(first)) {
        out->align = static_cast<char>(first);
        out->align_specified = true;
        *pos = 1;
    }
}

bool parse_grouping(ThreadState& ts, std::string_view spec, size_t* pos, FormatSpec* out) {
    size_t p = *pos;
    if (p < spec.size() && spec[p] == ',') {
        out->thousands_sep = ',';
        ++p;
    }
    if (p < spec.size() && spec[p] == '_') {
        if (out->thousands_sep) {
            raise(ts, ts.exc_types().ValueError, "Cannot specify both ',' and '_'.");
            return false;
        }
        out->thousands_sep = '_';
        ++p;
    }
    if (p < spec.size() && spec[p] == ',' && out->thousands_sep == '_') {
        raise(ts, ts.exc_types().ValueError, "Cannot specify both ',' and '_'.");
        return false;
    }
    *pos = p;
    return true;
}

}  // namespace

bool parse_format_spec(ThreadState& ts, std::string_view spec, FormatSpec* out,
                       uint32_t default_type, char default_align, std::string_view type_name) {
    *out = FormatSpec{};
    out->align = default_align;
    out->type = default_type;
    size_t pos = 0;
    parse_fill_align(spec, &pos, out);
    if (pos < spec.size() && is_sign_element(spec[pos])) out->sign = spec[pos++];
    if (pos < spec.size() && spec[pos] == 'z') {
        out->no_neg_0 = true;
        ++pos;
    }
    if (pos < spec.size() && spec[pos] == '#') {
        out->alternate = true;
        ++pos;
    }
    if (!out->fill_specified && pos < spec.size() && spec[pos] == '0') {
        // Backwards compatibility: a leading 0 means zero padding.
        out->fill = '0';
        if (!out->align_specified && default_align == '>') out->align = '=';
        ++pos;
    }
    int64_t n = read_integer(ts, spec, &pos, &out->width);
    if (n < 0) return false;
    if (n == 0) out->width = -1;
    // Padding is built in a std::string, which must never be asked for more
    // than can exist (it would throw): such a width is a MemoryError.
    if (out->width > 0 && !check_alloc_size(ts, static_cast<uint64_t>(out->width))) return false;
    if (!parse_grouping(ts, spec, &pos, out)) return false;
    if (pos < spec.size() && spec[pos] == '.') {
        ++pos;
        n = read_integer(ts, spec, &pos, &out->precision);
        if (n < 0) return false;
        if (n == 0) {
            raise(ts, ts.exc_types().ValueError, "Format specifier missing precision");
            return false;
        }
    }
    if (pos < spec.size()) {
        int len;
        uint32_t type = cp_at(spec, pos, &len);
        if (pos + len != spec.size()) {
            raise_fmt(ts, ts.exc_types().ValueError,
                      "Invalid format specifier '{}' for object of type '{}'", spec, type_name);
            return false;
        }
        out->type = type;
    }
    return check_separator(ts, out);
}

Value raise_unknown_format_code(ThreadState& ts, uint32_t type, std::string_view type_name) {
    if (type > 32 && type < 128)
        return raise_fmt(ts, ts.exc_types().ValueError,
                         "Unknown format code '{}' for object of type '{}'",
                         static_cast<char>(type), type_name);
    return raise_fmt(ts, ts.exc_types().ValueError,
                     "Unknown format code '\\x{:x}' for object of type '{}'", type, type_name);
}

namespace {

void append_fill(std::string& out, uint32_t fill, int64_t n) {
    if (n <= 0) return;
    if (fill < 0x80) {
        out.append(static_cast<size_t>(n), static_cast<char>(fill));
        return;
    }
    char buf[4];
    int len = utf8_encode(fill, buf);
    for (int64_t i = 0; i < n; ++i) out.append(buf, len);
}

}  // namespace

std::string apply_alignment(const FormatSpec& spec, std::string_view body, char default_align) {
    int64_t len = static_cast<int64_t>(utf8_count(body));
    int64_t pad = spec.width - len;
    if (pad <= 0) return std::string(body);
    char align = spec.align ? spec.align : default_align;
    int64_t left = align == '<' ? 0 : align == '^' ? pad / 2 : pad;
    std::string out;
    out.reserve(body.size() + static_cast<size_t>(pad));
    append_fill(out, spec.fill, left);
    out.append(body);
    append_fill(out, spec.fill, pad - left);
    return out;
}

// --- number assembly (calc_number_widths + fill_number) ---

namespace {

// A number split the way fill_number() writes it. `digits` is the run that
// gets grouped; `remainder` follows the decimal point (or is the whole
// tail: exponent, "inf", the character of 'c').
struct NumberParts {
    bool negative = false;
    std::string_view prefix;
    std::string_view digits;
    bool has_decimal = false;
    std::string_view remainder;
};

// CPython's _PyUnicode_InsertThousandsGrouping with the group size of our
// two pseudo-locales (group 0: no separators). Zero-pads the digit run to
// `min_width`, separators included. Built right to left, then reversed.
std::string group_digits(std::string_view digits, int64_t min_width, int group, char sep) {
    std::string out;
    int64_t remaining = static_cast<int64_t>(digits.size());
    size_t pos = digits.size();
    bool use_sep = false;
    auto emit = [&](int64_t l) {
        int64_t n_zeros = std::max<int64_t>(0, l - remaining);
        int64_t n_chars = std::max<int64_t>(0, std::min(remaining, l));
        if (use_sep) out.push_back(sep);
        for (int64_t i = 0; i < n_chars; ++i) out.push_back(digits[--pos]);
        out.append(static_cast<size_t>(n_zeros), '0');
        remaining -= n_chars;
    };
    if (group > 0) {
        for (;;) {
            int64_t l = std::min<int64_t>(group, std::max<int64_t>({remaining, min_width, 1}));
            emit(l);
            use_sep = true;
            min_width -= l;
            if (remaining <= 0 && min_width <= 0) break;
            min_width -= 1;  // the separator
        }
    } else {
        emit(std::max<int64_t>({remaining, min_width, 1}));
    }
    std::reverse(out.begin(), out.end());
    return out;
}

std::string render_number(const FormatSpec& spec, const NumberParts& p) {
    char sign = 0;
    if (spec.sign == '+')
        sign = p.negative ? '-' : '+';
    else if (spec.sign == ' ')
        sign = p.negative ? '-' : ' ';
    else if (p.negative)
        sign = '-';
    int64_t n_remainder = static_cast<int64_t>(utf8_count(p.remainder));
    int64_t n_other = (sign ? 1 : 0) + static_cast<int64_t>(p.prefix.size()) +
                      (p.has_decimal ? 1 : 0) + n_remainder;
    int64_t min_width = (spec.fill == '0' && spec.align == '=') ? spec.width - n_other : 0;
    int group = spec.thousands_sep ? spec.group_size : 0;
    std::string grouped;
    if (!p.digits.empty()) grouped = group_digits(p.digits, min_width, group, spec.thousands_sep);
    int64_t pad = spec.width - (n_other + static_cast<int64_t>(grouped.size()));
    int64_t lpad = 0, spad = 0, rpad = 0;
    if (pad > 0) {
        switch (spec.align) {
            case '<':
                rpad = pad;
                break;
            case '^':
                lpad = pad / 2;
                rpad = pad - lpad;
                break;
            case '=':
                spad = pad;
                break;
            default:
                lpad = pad;
                break;
        }
    }
    std::string out;
    append_fill(out, spec.fill, lpad);
    if (sign) out.push_back(sign);
    out.append(p.prefix);
    append_fill(out, spec.fill, spad);
    out.append(grouped);
    if (p.has_decimal) out.push_back('.');
    out.append(p.remainder);
    append_fill(out, spec.fill, rpad);
    return out;
}

Value make_result(ThreadState& ts, const std::string& s) {
    return make_str(ts, s);
}

}  // namespace

// --- dtoa on top of std::to_chars ---

namespace {

// Splits to_chars' scientific output "d.ddde+XX" into digits and decpt.
void split_scientific(const char* first, const char* last, DtoaResult* out) {
    out->digits.clear();
    const char* e = std::find(first, last, 'e');
    for (const char* p = first; p < e; ++p)
        if (*p != '.') out->digits.push_back(*p);
    int exp = 0;
    std::from_chars(e + 1 + (e[1] == '+'), last, exp);
    out->decpt = exp + 1;
}

void strip_trailing_zeros(std::string& digits) {
    size_t end = digits.find_last_not_of('0');
    digits.resize(end == std::string::npos ? 0 : end + 1);
}

// Splits to_chars' fixed output "123.456" into digits (no leading zeros)
// and decpt.
void split_fixed(std::string_view text, DtoaResult* out) {
    size_t dot = text.find('.');
    std::string_view int_part = text.substr(0, dot);
    std::string_view frac =
        dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
    out->digits.assign(int_part);
    out->digits.append(frac);
    size_t lead = out->digits.find_first_not_of('0');
    if (lead == std::string::npos) lead = out->digits.size();
    out->digits.erase(0, lead);
    out->decpt = static_cast<int>(int_part.size()) - static_cast<int>(lead);
}

// Rounds the decimal string 0.DIGITS * 10**decpt half-to-even so that no
// digit is left below 10**-ndigits (mode 3 with ndigits < 0).
void round_digits_at(DtoaResult* r, int ndigits) {
    int keep = r->decpt + ndigits;
    std::string& d = r->digits;
    if (keep < 0 || keep > static_cast<int>(d.size())) {
        if (keep < 0) d.clear();
        return;
    }
    std::string_view rest = std::string_view(d).substr(keep);
    bool up = false;
    if (!rest.empty() && rest[0] >= '5') {
        bool exact_half =
            rest[0] == '5' && rest.find_first_not_of('0', 1) == std::string_view::npos;
        up = !exact_half || (keep > 0 && ((d[keep - 1] - '0') & 1));
    }
    d.resize(keep);
    if (up) {
        int i = keep - 1;
        while (i >= 0 && d[i] == '9') d[i--] = '0';
        if (i >= 0) {
            ++d[i];
        } else {
            d.insert(d.begin(), '1');
            ++r->decpt;
        }
    }
}

void dtoa_fixed(double a, int ndigits, DtoaResult* out) {
    if (ndigits >= 0) {
        std::string buf(static_cast<size_t>(ndigits) + 320, '\0');
        auto res = std::to_chars(buf.data(), buf.data() + buf.size(), a, std::chars_format::fixed,
                                 ndigits);
        split_fixed(std::string_view(buf.data(), res.ptr - buf.data()), out);
    } else if (a < 1.0) {
        out->digits.clear();  // below 10**-ndigits / 2: rounds to zero
    } else {
        // A double >= 1 has at most 52 fractional binary digits, so 60
        // decimals are its exact expansion: round that, not a rounded copy.
        char buf[400];
        auto res = std::to_chars(buf, buf + sizeof buf, a, std::chars_format::fixed, 60);
        split_fixed(std::string_view(buf, res.ptr - buf), out);
        round_digits_at(out, ndigits);
    }
    strip_trailing_zeros(out->digits);
    if (out->digits.empty()) out->decpt = -ndigits;
}

}  // namespace

void dtoa(double v, int mode, int ndigits, DtoaResult* out) {
    out->negative = std::signbit(v);
    double a = std::fabs(v);
    if (a == 0.0) {
        out->digits = "0";
        out->decpt = 1;
        return;
    }
    if (mode == 3) {
        dtoa_fixed(a, ndigits, out);
        return;
    }
    if (mode == 0) {
        char buf[64];
        auto res = std::to_chars(buf, buf + sizeof buf, a, std::chars_format::scientific);
        split_scientific(buf, res.ptr, out);
    } else {
        std::string buf(static_cast<size_t>(ndigits) + 32, '\0');
        auto res = std::to_chars(buf.data(), buf.data() + buf.size(), a,
                                 std::chars_format::scientific, ndigits - 1);
        split_scientific(buf.data(), res.ptr, out);
    }
    strip_trailing_zeros(out->digits);
}

// --- PyOS_double_to_string / format_float_short ---

namespace {

struct FloatStyle {
    char code;  // 'e', 'f', 'g' or 'r' (lower case)
    bool upper;
    int mode;
    int precision;
};

FloatStyle float_style(char format_code, int precision) {
    FloatStyle s{static_cast<char>(format_code | 0x20), format_code >= 'A' && format_code <= 'Z', 0,
                 precision};
    switch (s.code) {
        case 'e':
            s.mode = 2;
            s.precision = precision + 1;
            break;
        case 'f':
            s.mode = 3;
            break;
        case 'g':
            s.mode = 2;
            s.precision = precision == 0 ? 1 : precision;
            break;
        default:
            s.code = 'r';
            s.mode = 0;
            s.precision = 0;
            break;
    }
    return s;
}

void append_special(std::string& out, double v, bool upper, bool negative, int flags) {
    bool nan = std::isnan(v);
    if (negative && !nan)
        out.push_back('-');  // a NaN never shows its sign
    else if (flags & kDtsfSign)
        out.push_back('+');
    out.append(nan ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
}

}  // namespace

std::string double_to_string(double v, char format_code, int precision, int flags) {
    FloatStyle style = float_style(format_code, precision);
    std::string out;
    if (!std::isfinite(v)) {
        append_special(out, v, style.upper, std::signbit(v), flags);
        return out;
    }
    DtoaResult d;
    dtoa(v, style.mode, style.precision, &d);
    bool add_dot_0 = flags & kDtsfAddDot0, alt = flags & kDtsfAlt;
    if ((flags & kDtsfNoNeg0) && d.negative && (d.digits.empty() || d.digits == "0"))
        d.negative = false;
    int64_t digits_len = static_cast<int64_t>(d.digits.size());
    int64_t decpt = d.decpt, vend = digits_len;
    bool use_exp = false;
    switch (style.code) {
        case 'e':
            use_exp = true;
            vend = style.precision;
            break;
        case 'f':
            vend = decpt + style.precision;
            break;
        case 'g':
            use_exp = decpt <= -4 || decpt > (add_dot_0 ? style.precision - 1 : style.precision);
            if (alt) vend = style.precision;
            break;
        default:
            use_exp = decpt <= -4 || decpt > 16;
            break;
    }
    int64_t exp = 0;
    if (use_exp) {
        exp = decpt - 1;
        decpt = 1;
    }
    int64_t vstart = decpt <= 0 ? decpt - 1 : 0;
    vend = std::max(vend, (!use_exp && add_dot_0) ? decpt + 1 : decpt);
    out.reserve(static_cast<size_t>(vend - vstart) + 10);
    if (d.negative)
        out.push_back('-');
    else if (flags & kDtsfSign)
        out.push_back('+');
    // Zeros on the left, the digits with the decimal point, zeros on the right.
    if (decpt <= 0) {
        out.append(static_cast<size_t>(decpt - vstart), '0');
        out.push_back('.');
        out.append(static_cast<size_t>(-decpt), '0');
    } else {
        out.append(static_cast<size_t>(-vstart), '0');
    }
    if (decpt > 0 && decpt <= digits_len) {
        out.append(d.digits, 0, static_cast<size_t>(decpt));
        out.push_back('.');
        out.append(d.digits, static_cast<size_t>(decpt));
    } else {
        out.append(d.digits);
    }
    if (digits_len < decpt) {
        out.append(static_cast<size_t>(decpt - digits_len), '0');
        out.push_back('.');
        out.append(static_cast<size_t>(vend - decpt), '0');
    } else {
        out.append(static_cast<size_t>(vend - digits_len), '0');
    }
    if (out.back() == '.' && !alt) out.pop_back();
    if (use_exp) {
        out.push_back(style.upper ? 'E' : 'e');
        out.push_back(exp < 0 ? '-' : '+');
        int64_t ae = exp < 0 ? -exp : exp;
        if (ae < 10) out.push_back('0');
        out.append(std::to_string(ae));
    }
    return out;
}

// --- float __format__ (format_float_internal) ---

bool format_double(ThreadState& ts, double x, const FormatSpec& spec, std::string* out) {
    if (spec.precision > INT_MAX) {
        raise(ts, ts.exc_types().ValueError, "precision too big");
        return false;
    }
    int precision = static_cast<int>(spec.precision), default_precision = 6;
    char type = static_cast<char>(spec.type);
    int flags = (spec.alternate ? kDtsfAlt : 0) | (spec.no_neg_0 ? kDtsfNoNeg0 : 0);
    if (type == 0) {
        flags |= kDtsfAddDot0;
        type = 'r';
        default_precision = 0;
    }
    if (type == 'n') type = 'g';
    bool add_pct = type == '%';
    if (add_pct) {
        type = 'f';
        x *= 100;
    }
    if (precision < 0)
        precision = default_precision;
    else if (type == 'r')
        type = 'g';
    std::string buf = double_to_string(x, type, precision, flags);
    if (add_pct) buf.push_back('%');
    if (spec.sign != '+' && spec.sign != ' ' && spec.width == -1 && !spec.thousands_sep) {
        *out = std::move(buf);
        return true;
    }
    NumberParts p;
    std::string_view body(buf);
    if (!body.empty() && body[0] == '-') {
        p.negative = true;
        body.remove_prefix(1);
    }
    size_t n_digits = 0;
    while (n_digits < body.size() && body[n_digits] >= '0' && body[n_digits] <= '9') ++n_digits;
    p.digits = body.substr(0, n_digits);
    p.has_decimal = n_digits < body.size() && body[n_digits] == '.';
    p.remainder = body.substr(n_digits + (p.has_decimal ? 1 : 0));
    *out = render_number(spec, p);
    return true;
}

Value float_format_spec(ThreadState& ts, double x, std::string_view spec,
                        std::string_view type_name) {
    FormatSpec fs;
    if (!parse_format_spec(ts, spec, &fs, 0, '>', type_name)) return Value();
    switch (fs.type) {
        case 0:
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G':
        case 'n':
        case '%':
            break;
        default:
            return raise_unknown_format_code(ts, fs.type, type_name);
    }
    std::string out;
    if (!format_double(ts, x, fs, &out)) return Value();
    return make_result(ts, out);
}

// --- complex __format__ (format_complex_internal) ---

namespace {

// One part of a complex number, formatted without padding.
std::string complex_part(double x, char type, int precision, int flags, const FormatSpec& spec,
                         char sign) {
    std::string buf = double_to_string(x, type, precision, flags);
    FormatSpec plain = spec;
    plain.fill = ' ';
    plain.align = '<';
    plain.width = -1;
    plain.sign = sign;
    NumberParts p;
    std::string_view body(buf);
    if (!body.empty() && body[0] == '-') {
        p.negative = true;
        body.remove_prefix(1);
    }
    size_t n_digits = 0;
    while (n_digits < body.size() && body[n_digits] >= '0' && body[n_digits] <= '9') ++n_digits;
    p.digits = body.substr(0, n_digits);
    p.has_decimal = n_digits < body.size() && body[n_digits] == '.';
    p.remainder = body.substr(n_digits + (p.has_decimal ? 1 : 0));
    return render_number(plain, p);
}

bool check_complex_spec(ThreadState& ts, const FormatSpec& fs, std::string_view type_name) {
    if (fs.fill == '0') {
        raise(ts, ts.exc_types().ValueError,
              "Zero padding is not allowed in complex format specifier");
        return false;
    }
    if (fs.align == '=') {
        raise(ts, ts.exc_types().ValueError,
              "'=' alignment flag is not allowed in complex format specifier");
        return false;
    }
    if (fs.precision > INT_MAX) {
        raise(ts, ts.exc_types().ValueError, "precision too big");
        return false;
    }
    switch (fs.type) {
        case 0:
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G':
        case 'n':
            return true;
        default:
            raise_unknown_format_code(ts, fs.type, type_name);
            return false;
    }
}

}  // namespace

Value complex_format_spec(ThreadState& ts, double re, double im, std::string_view spec,
                          std::string_view type_name) {
    FormatSpec fs;
    if (!parse_format_spec(ts, spec, &fs, 0, '>', type_name) ||
        !check_complex_spec(ts, fs, type_name))
        return Value();
    int precision = static_cast<int>(fs.precision), default_precision = 6;
    int flags = (fs.alternate ? kDtsfAlt : 0) | (fs.no_neg_0 ? kDtsfNoNeg0 : 0);
    char type = static_cast<char>(fs.type);
    bool skip_re = false, parens = false;
    if (type == 0) {
        // Like str(z): no real part when it is +0, parentheses otherwise.
        type = 'r';
        default_precision = 0;
        skip_re = re == 0.0 && !std::signbit(re);
        parens = !skip_re;
    }
    if (type == 'n') type = 'g';
    if (precision < 0)
        precision = default_precision;
    else if (type == 'r')
        type = 'g';
    std::string body = parens ? "(" : "";
    if (!skip_re) body += complex_part(re, type, precision, flags, fs, fs.sign);
    body += complex_part(im, type, precision, flags, fs, skip_re ? fs.sign : '+');
    body += parens ? "j)" : "j";
    return make_result(ts, apply_alignment(fs, body, '>'));
}

// --- int __format__ (format_long_internal) ---

namespace {

bool format_int_char(ThreadState& ts, Value v, const FormatSpec& spec, std::string* out) {
    if (spec.sign) {
        raise(ts, ts.exc_types().ValueError, "Sign not allowed with integer format specifier 'c'");
        return false;
    }
    if (spec.alternate) {
        raise(ts, ts.exc_types().ValueError,
              "Alternate form (#) not allowed with integer format specifier 'c'");
        return false;
    }
    int64_t x;
    if (!int_to_int64(v, &x)) {
        raise(ts, ts.exc_types().OverflowError, "Python int too large to convert to C long");
        return false;
    }
    if (x < 0 || x > 0x10ffff) {
        raise(ts, ts.exc_types().OverflowError, "%c arg not in range(0x110000)");
        return false;
    }
    std::string ch;
    utf8_append(ch, static_cast<uint32_t>(x));
    NumberParts p;
    p.remainder = ch;
    *out = render_number(spec, p);
    return true;
}

bool format_int_digits(ThreadState& ts, Value v, const FormatSpec& spec, std::string* out) {
    int base = 10;
    const char* prefix = "";
    switch (spec.type) {
        case 'b':
            base = 2;
            prefix = "0b";
            break;
        case 'o':
            base = 8;
            prefix = "0o";
            break;
        case 'x':
            base = 16;
            prefix = "0x";
            break;
        case 'X':
            base = 16;
            prefix = "0X";
            break;
        default:
            break;
    }
    std::string digits;
    if (base == 10) {
        if (!int_to_decimal_checked(ts, v, &digits)) return false;
    } else {
        digits = int_to_base(v, base);
    }
    NumberParts p;
    if (!digits.empty() && digits[0] == '-') {
        p.negative = true;
        digits.erase(0, 1);
    }
    if (spec.type == 'X')
        for (char& c : digits) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (spec.alternate) p.prefix = prefix;
    p.digits = digits;
    *out = render_number(spec, p);
    return true;
}

}  // namespace

Value int_format_spec(ThreadState& ts, Value v, std::string_view spec) {
    std::string_view tname = type_name(ts, v);
    FormatSpec fs;
    if (!parse_format_spec(ts, spec, &fs, 'd', '>', tname)) return Value();
    std::string out;
    switch (fs.type) {
        case 'b':
        case 'c':
        case 'd':
        case 'o':
        case 'x':
        case 'X':
        case 'n':
            if (fs.precision != -1)
                return raise(ts, ts.exc_types().ValueError,
                             "Precision not allowed in integer format specifier");
            if (fs.no_neg_0)
                return raise(ts, ts.exc_types().ValueError,
                             "Negative zero coercion (z) not allowed in integer format specifier");
            if (!(fs.type == 'c' ? format_int_char(ts, v, fs, &out)
                                 : format_int_digits(ts, v, fs, &out)))
                return Value();
            break;
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G':
        case '%': {
            bool overflow = false;
            double x = int_to_double(ts, v, &overflow);
            if (overflow)
                return raise(ts, ts.exc_types().OverflowError, "int too large to convert to float");
            if (!format_double(ts, x, fs, &out)) return Value();
            break;
        }
        default:
            return raise_unknown_format_code(ts, fs.type, tname);
    }
    return make_result(ts, out);
}

}  // namespace gilt
