// The format-spec mini-language (`format(x, spec)`, f-string `{x:spec}`) and
// the number rendering it drives, shared by int, float, complex and str.
//
//   [[fill]align][sign][z][#][0][width][grouping][.precision][type]
//
// Parsing follows CPython's parse_internal_render_format_spec
// (Python/formatter_unicode.c) step by step, including its error messages;
// rendering follows its calc_number_widths/fill_number, so that padding,
// '=' alignment, zero padding through thousands separators ("00,001,234")
// and sign handling agree with CPython character for character. The float
// digit generation reproduces PyOS_double_to_string (Python/pystrtod.c) on
// top of std::to_chars, which is exact and rounds half to even like
// David Gay's dtoa that CPython uses.
//
// We assume the C locale: the 'n' type formats like 'd' / 'g'.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"

namespace gilt {

// The largest field width a format spec or %-format may ask for: with a
// 4-byte fill it stays within the largest str (2**48 bytes). A wider field
// could never be allocated and raises MemoryError, as in CPython.
inline constexpr int64_t kMaxFormatWidth = int64_t(1) << 46;

struct FormatSpec {
    uint32_t fill = ' ';     // fill code point
    char align = '\0';       // '<', '>', '^', '=' (the default_align when not given)
    char sign = '\0';        // '+', '-', ' ', or 0 when not given
    bool no_neg_0 = false;   // 'z'
    bool alternate = false;  // '#'
    bool fill_specified = false;
    bool align_specified = false;
    char thousands_sep = '\0';  // ',' or '_' or 0
    uint8_t group_size = 3;     // digits per group: 3, or 4 for '_' with b/o/x/X
    int64_t width = -1;         // -1: not given
    int64_t precision = -1;     // -1: not given
    uint32_t type = 0;          // presentation type code point (default_type when not given)
};

// Parses `spec`. The defaults are str's (type 's', left-aligned), so str's
// __format__ calls it with three arguments; numbers pass their own defaults
// ('d' and '>' for int, 0 and '>' for float). `type_name` names the object's
// type in "Invalid format specifier '...' for object of type 'x'".
// Returns false with ValueError pending on a malformed spec.
[[nodiscard]] bool parse_format_spec(ThreadState& ts, std::string_view spec, FormatSpec* out,
                                     uint32_t default_type = 's', char default_align = '<',
                                     std::string_view type_name = "str");

// Pads `body` (UTF-8; its width counted in code points) to spec.width with
// spec.fill according to spec.align ('<', '>', '^'; '=' pads like '>').
// `default_align` is used when spec.align is 0.
std::string apply_alignment(const FormatSpec& spec, std::string_view body, char default_align);

// ValueError "Unknown format code 'x' for object of type 'int'" (with the
// \x.. spelling for non-printable codes, as CPython).
Value raise_unknown_format_code(ThreadState& ts, uint32_t type, std::string_view type_name);

// --- float to text (PyOS_double_to_string) ---

enum DoubleToStringFlags : int {
    kDtsfSign = 1,     // always add a sign ('+' for non-negative)
    kDtsfAddDot0 = 2,  // integral values in positional form get ".0"
    kDtsfAlt = 4,      // '#': keep the trailing point / zeros
    kDtsfNoNeg0 = 8,   // 'z': a result that rounds to zero has no '-'
};

// `format_code` is one of 'e' 'E' 'f' 'F' 'g' 'G' 'r' (repr: shortest
// round-trip digits; precision must be 0). Infinities and NaNs are "inf" and
// "nan" ("INF"/"NAN" for the upper-case codes); a NaN never gets a '-'.
std::string double_to_string(double v, char format_code, int precision, int flags);

// The decimal digits of a double as David Gay's _Py_dg_dtoa returns them:
// `digits` has no leading or trailing zeros (except "0" for zero) and the
// value is 0.DIGITS * 10**decpt. Modes: 0 shortest round-trip, 2 `ndigits`
// significant digits (ndigits >= 1), 3 `ndigits` digits after the decimal
// point (any sign; "" when the value rounds to zero, with decpt = -ndigits).
// Only for finite values.
struct DtoaResult {
    std::string digits;
    int decpt = 0;
    bool negative = false;
};
void dtoa(double v, int mode, int ndigits, DtoaResult* out);

// --- __format__ for numbers ---

// format(v, spec) for an int value (bool included); spec non-empty.
// Types e/f/g/%/... convert to float as CPython does.
Value int_format_spec(ThreadState& ts, Value v, std::string_view spec);
// format(x, spec) for a float value; spec non-empty. `type_name` for errors.
Value float_format_spec(ThreadState& ts, double x, std::string_view spec,
                        std::string_view type_name = "float");
// format(z, spec) for a complex value; spec non-empty.
Value complex_format_spec(ThreadState& ts, double re, double im, std::string_view spec,
                          std::string_view type_name = "complex");
// Renders a double with an already parsed spec (used by int for 'e'/'f'/...).
[[nodiscard]] bool format_double(ThreadState& ts, double x, const FormatSpec& spec,
                                 std::string* out);

}  // namespace gilt
