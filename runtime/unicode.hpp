// UTF-8 coding and the Unicode character database, as str needs them.
//
// Text is stored as UTF-8 (runtime/str.hpp), so every helper here works on
// bytes plus code points. The character properties (isalpha, isupper,
// upper(), casefold(), repr's "printable" test, identifier characters) come
// from tables generated out of CPython 3.11's own unicodedata (Unicode 14.0)
// by tools/gen_unicode_tables.py, so str methods agree with CPython on every
// code point, not just ASCII. Limits: no normalisation (NFKC) for
// identifiers, and the simple/full case mappings are locale-independent
// (CPython's are too).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace gilt {

inline constexpr uint32_t kMaxCodePoint = 0x10FFFF;

// --- UTF-8 ---

// Length of the sequence introduced by a lead byte of VALID UTF-8.
inline int utf8_seq_len(unsigned char lead) noexcept {
    if (lead < 0x80) return 1;
    if (lead < 0xE0) return 2;
    if (lead < 0xF0) return 3;
    return 4;
}
inline bool utf8_is_cont(unsigned char b) noexcept {
    return (b & 0xC0) == 0x80;
}
// Decodes the code point at p (valid UTF-8); returns its byte length.
inline int utf8_decode(const char* p, uint32_t* cp) noexcept {
    auto b = reinterpret_cast<const unsigned char*>(p);
    if (b[0] < 0x80) {
        *cp = b[0];
        return 1;
    }
    if (b[0] < 0xE0) {
        *cp = (uint32_t(b[0] & 0x1F) << 6) | (b[1] & 0x3F);
        return 2;
    }
    if (b[0] < 0xF0) {
        *cp = (uint32_t(b[0] & 0x0F) << 12) | (uint32_t(b[1] & 0x3F) << 6) | (b[2] & 0x3F);
        return 3;
    }
    *cp = (uint32_t(b[0] & 0x07) << 18) | (uint32_t(b[1] & 0x3F) << 12) |
          (uint32_t(b[2] & 0x3F) << 6) | (b[3] & 0x3F);
    return 4;
}
// Decodes the code point ending just before `end` (valid UTF-8); returns
// its byte length.
int utf8_decode_back(const char* begin, const char* end, uint32_t* cp) noexcept;
// Writes cp (<= 0x10FFFF) as UTF-8 into out; returns the byte count (1-4).
int utf8_encode(uint32_t cp, char* out) noexcept;
inline int utf8_cp_len(uint32_t cp) noexcept {
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}
void utf8_append(std::string& out, uint32_t cp);
// Number of code points in valid UTF-8 (counts non-continuation bytes).
uint64_t utf8_count(std::string_view s) noexcept;
// True when every byte is < 0x80.
bool ascii_only(std::string_view s) noexcept;
// Byte offset of code point number `index` (0 <= index <= count) in valid
// UTF-8 that holds `count` code points; walks from the nearer end.
uint64_t utf8_offset(std::string_view s, uint64_t count, uint64_t index) noexcept;

// A decoding error in the form UnicodeDecodeError reports it: the bad bytes
// are [start, end) and `reason` is CPython's wording ("invalid start byte",
// "invalid continuation byte", "unexpected end of data").
struct Utf8Error {
    uint64_t start = 0;
    uint64_t end = 0;
    const char* reason = nullptr;
};
// Finds the first invalid sequence at or after byte `from` (CPython's
// strict decoder: no surrogates, no overlongs, at most U+10FFFF). Returns
// false when the rest is valid.
bool utf8_find_error(std::string_view s, uint64_t from, Utf8Error* err) noexcept;
bool utf8_valid(std::string_view s) noexcept;
// True when str text (valid UTF-8 extended to U+D800..U+DFFF, as str stores
// lone surrogates) holds a surrogate, which no codec encodes strictly.
bool utf8_has_surrogate(std::string_view s) noexcept;

// --- character properties (CPython's Py_UNICODE_IS* ) ---

uint32_t uc_props(uint32_t cp) noexcept;  // internal bit set, see unicode.cpp
bool uc_isalpha(uint32_t cp) noexcept;
bool uc_isdecimal(uint32_t cp) noexcept;
bool uc_isdigit(uint32_t cp) noexcept;
bool uc_isnumeric(uint32_t cp) noexcept;
bool uc_isalnum(uint32_t cp) noexcept;
bool uc_isspace(uint32_t cp) noexcept;
// uc_isspace for an ASCII byte, without the table: \t \n \v \f \r,
// the separators 0x1C-0x1F and the space.
constexpr bool ascii_isspace(unsigned char c) noexcept {
    constexpr uint64_t kMask = (0x1Full << 9) | (0xFull << 28) | (1ull << 32);
    return c <= 32 && ((kMask >> c) & 1);
}
bool uc_isupper(uint32_t cp) noexcept;
bool uc_islower(uint32_t cp) noexcept;
bool uc_istitle(uint32_t cp) noexcept;
bool uc_iscased(uint32_t cp) noexcept;
bool uc_is_case_ignorable(uint32_t cp) noexcept;
bool uc_isprintable(uint32_t cp) noexcept;
bool uc_is_xid_start(uint32_t cp) noexcept;  // '_' included, as identifiers allow
bool uc_is_xid_continue(uint32_t cp) noexcept;
// Value of a decimal digit (any script's 0-9), or -1.
int uc_decimal_value(uint32_t cp) noexcept;
// Line boundaries of str.splitlines (\n \r \v \f \x1c-\x1e \x85 \u2028 \u2029).
bool uc_is_linebreak(uint32_t cp) noexcept;

// --- case mapping ---

// Simple (one code point) mappings.
uint32_t uc_to_upper(uint32_t cp) noexcept;
uint32_t uc_to_lower(uint32_t cp) noexcept;
uint32_t uc_to_title(uint32_t cp) noexcept;
// Full mappings as used by str.upper() etc.: 'ß'.upper() == 'SS'. Writes at
// most 3 code points to out; returns how many.
int uc_upper_full(uint32_t cp, uint32_t out[3]) noexcept;
int uc_lower_full(uint32_t cp, uint32_t out[3]) noexcept;
int uc_title_full(uint32_t cp, uint32_t out[3]) noexcept;
int uc_fold_full(uint32_t cp, uint32_t out[3]) noexcept;

}  // namespace gilt
