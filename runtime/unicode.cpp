// UTF-8 helpers and character-database lookups (see unicode.hpp).
//
// The tables in unicode_tables.inc are sorted and binary-searched; code
// points below 256 (by far the most common outside ASCII-only text, which
// callers fast-path anyway) use a 256-entry copy built at compile time.
#include "runtime/unicode.hpp"

#include <algorithm>
#include <array>
#include <cstring>

namespace gilt {

namespace {

struct UcCaseRun {
    uint32_t first;
    uint32_t last;
    int32_t stride;  // 1 or 2: every stride-th code point from first maps
    int32_t delta;   // mapped = cp + delta
};

struct UcSpecialCase {
    uint32_t cp;
    const char* utf8;  // the full mapping (2-3 code points, or a casefold)
};

#include "runtime/unicode_tables.inc"

// Property bits of kUcIntervals (tools/gen_unicode_tables.py).
enum : uint32_t {
    kAlpha = 1u << 0,
    kSpace = 1u << 1,
    kPrintable = 1u << 2,
    kXidStart = 1u << 3,
    kXidCont = 1u << 4,
    kIgnorable = 1u << 5,
    kUpper = 1u << 6,
    kLower = 1u << 7,
    kTitle = 1u << 8,
    kNumShift = 9,  // 2 bits: 0 none, 1 numeric, 2 digit, 3 decimal
    kBitsMask = (1u << 11) - 1,
};

constexpr uint32_t props_slow(uint32_t cp) {
    const uint32_t key = (cp << 11) | kBitsMask;
    const uint32_t* it = std::upper_bound(std::begin(kUcIntervals), std::end(kUcIntervals), key);
    return *(it - 1) & kBitsMask;
}

constexpr std::array<uint16_t, 256> make_latin1_props() {
    std::array<uint16_t, 256> a{};
    for (uint32_t c = 0; c < 256; ++c) a[c] = static_cast<uint16_t>(props_slow(c));
    return a;
}
constexpr std::array<uint16_t, 256> kLatin1Props = make_latin1_props();

template <size_t N>
uint32_t apply_runs(const UcCaseRun (&runs)[N], uint32_t cp) noexcept {
    const UcCaseRun* it =
        std::upper_bound(std::begin(runs), std::end(runs), cp,
                         [](uint32_t c, const UcCaseRun& r) { return c < r.first; });
    if (it == std::begin(runs)) return cp;
    const UcCaseRun& r = *(it - 1);
    if (cp > r.last || (cp - r.first) % static_cast<uint32_t>(r.stride) != 0) return cp;
    return static_cast<uint32_t>(static_cast<int32_t>(cp) + r.delta);
}

template <size_t N>
const char* find_special(const UcSpecialCase (&table)[N], uint32_t cp) noexcept {
    const UcSpecialCase* it =
        std::lower_bound(std::begin(table), std::end(table), cp,
                         [](const UcSpecialCase& s, uint32_t c) { return s.cp < c; });
    return it != std::end(table) && it->cp == cp ? it->utf8 : nullptr;
}

int decode_special(const char* utf8, uint32_t out[3]) noexcept {
    int n = 0;
    for (const char* p = utf8; *p && n < 3; ++n) p += utf8_decode(p, &out[n]);
    return n;
}

int numeric_level(uint32_t cp) noexcept {
    return (uc_props(cp) >> kNumShift) & 3;
}

}  // namespace

// --- UTF-8 ---

int utf8_decode_back(const char* begin, const char* end, uint32_t* cp) noexcept {
    const char* p = end - 1;
    while (p > begin && utf8_is_cont(static_cast<unsigned char>(*p))) --p;
    utf8_decode(p, cp);
    return static_cast<int>(end - p);
}

int utf8_encode(uint32_t cp, char* out) noexcept {
    if (cp < 0x80) {
        out[0] = static_cast<char>(cp);
        return 1;
    }
    if (cp < 0x800) {
        out[0] = static_cast<char>(0xC0 | (cp >> 6));
        out[1] = static_cast<char>(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = static_cast<char>(0xE0 | (cp >> 12));
        out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out[2] = static_cast<char>(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = static_cast<char>(0xF0 | (cp >> 18));
    out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[3] = static_cast<char>(0x80 | (cp & 0x3F));
    return 4;
}

void utf8_append(std::string& out, uint32_t cp) {
    char buf[4];
    out.append(buf, static_cast<size_t>(utf8_encode(cp, buf)));
}

bool ascii_only(std::string_view s) noexcept {
    const char* p = s.data();
    size_t n = s.size();
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        std::memcpy(&w, p + i, 8);
        if (w & 0x8080808080808080ull) return false;
    }
    for (; i < n; ++i)
        if (static_cast<unsigned char>(p[i]) >= 0x80) return false;
    return true;
}

uint64_t utf8_count(std::string_view s) noexcept {
    // Count continuation bytes (10xxxxxx) eight at a time: a byte is one when
    // bit 7 is set and bit 6 is clear.
    const char* p = s.data();
    size_t n = s.size();
    uint64_t cont = 0;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        std::memcpy(&w, p + i, 8);
        uint64_t m = w & ~(w << 1) & 0x8080808080808080ull;
        cont += static_cast<uint64_t>(__builtin_popcountll(m));
    }
    for (; i < n; ++i) cont += utf8_is_cont(static_cast<unsigned char>(p[i]));
    return n - cont;
}

uint64_t utf8_offset(std::string_view s, uint64_t count, uint64_t index) noexcept {
    if (count == s.size()) return index;
    const char* p = s.data();
    if (index <= count / 2) {
        uint64_t off = 0;
        for (uint64_t i = 0; i < index; ++i)
            off += utf8_seq_len(static_cast<unsigned char>(p[off]));
        return off;
    }
    uint64_t off = s.size();
    for (uint64_t i = count; i > index; --i) {
        do --off;
        while (utf8_is_cont(static_cast<unsigned char>(p[off])));
    }
    return off;
}

bool utf8_find_error(std::string_view s, uint64_t from, Utf8Error* err) noexcept {
    auto b = reinterpret_cast<const unsigned char*>(s.data());
    const uint64_t n = s.size();
    uint64_t i = from;
    while (i < n) {
        unsigned char c = b[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int need;
        unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) {
            need = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            need = 2;
            if (c == 0xE0) lo = 0xA0;
            if (c == 0xED) hi = 0x9F;  // no surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3;
            if (c == 0xF0) lo = 0x90;
            if (c == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
        } else {
            *err = {i, i + 1, "invalid start byte"};
            return true;
        }
        for (int k = 1; k <= need; ++k) {
            if (i + k >= n) {
                *err = {i, n, "unexpected end of data"};
                return true;
            }
            unsigned char d = b[i + k];
            bool ok = k == 1 ? (d >= lo && d <= hi) : utf8_is_cont(d);
            if (!ok) {
                *err = {i, i + k, "invalid continuation byte"};
                return true;
            }
        }
        i += need + 1;
    }
    return false;
}

bool utf8_has_surrogate(std::string_view s) noexcept {
    // A surrogate is ED A0..BF xx in the generalized UTF-8 a str holds.
    for (size_t i = s.find('\xED'); i != std::string_view::npos; i = s.find('\xED', i + 1)) {
        if (i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0xA0) return true;
    }
    return false;
}

bool utf8_valid(std::string_view s) noexcept {
    if (ascii_only(s)) return true;
    Utf8Error err;
    return !utf8_find_error(s, 0, &err);
}

// --- properties ---

uint32_t uc_props(uint32_t cp) noexcept {
    if (cp < 256) return kLatin1Props[cp];
    if (cp > kMaxCodePoint) return 0;
    return props_slow(cp);
}

bool uc_isalpha(uint32_t cp) noexcept {
    return uc_props(cp) & kAlpha;
}
bool uc_isdecimal(uint32_t cp) noexcept {
    return numeric_level(cp) == 3;
}
bool uc_isdigit(uint32_t cp) noexcept {
    return numeric_level(cp) >= 2;
}
bool uc_isnumeric(uint32_t cp) noexcept {
    return numeric_level(cp) >= 1;
}
bool uc_isalnum(uint32_t cp) noexcept {
    uint32_t p = uc_props(cp);
    return (p & kAlpha) || ((p >> kNumShift) & 3) != 0;
}
bool uc_isspace(uint32_t cp) noexcept {
    return uc_props(cp) & kSpace;
}
bool uc_isupper(uint32_t cp) noexcept {
    return uc_props(cp) & kUpper;
}
bool uc_islower(uint32_t cp) noexcept {
    return uc_props(cp) & kLower;
}
bool uc_istitle(uint32_t cp) noexcept {
    return uc_props(cp) & kTitle;
}
bool uc_iscased(uint32_t cp) noexcept {
    return uc_props(cp) & (kUpper | kLower | kTitle);
}
bool uc_is_case_ignorable(uint32_t cp) noexcept {
    return uc_props(cp) & kIgnorable;
}
bool uc_isprintable(uint32_t cp) noexcept {
    return uc_props(cp) & kPrintable;
}
bool uc_is_xid_start(uint32_t cp) noexcept {
    return uc_props(cp) & kXidStart;
}
bool uc_is_xid_continue(uint32_t cp) noexcept {
    return uc_props(cp) & kXidCont;
}

int uc_decimal_value(uint32_t cp) noexcept {
    if (cp < 0x80) return cp >= '0' && cp <= '9' ? static_cast<int>(cp - '0') : -1;
    if (!uc_isdecimal(cp)) return -1;
    // Decimal digits come in runs of ten starting at a zero (checked by the
    // generator): find the start of this run and take the offset mod 10.
    const uint32_t key = (cp << 11) | kBitsMask;
    const uint32_t* it = std::upper_bound(std::begin(kUcIntervals), std::end(kUcIntervals), key);
    uint32_t start = *(it - 1) >> 11;
    return static_cast<int>((cp - start) % 10);
}

bool uc_is_linebreak(uint32_t cp) noexcept {
    switch (cp) {
        case '\n':
        case '\r':
        case 0x0B:
        case 0x0C:
        case 0x1C:
        case 0x1D:
        case 0x1E:
        case 0x85:
        case 0x2028:
        case 0x2029:
            return true;
        default:
            return false;
    }
}

// --- case mapping ---

uint32_t uc_to_upper(uint32_t cp) noexcept {
    if (cp < 0x80) return cp >= 'a' && cp <= 'z' ? cp - 32 : cp;
    return apply_runs(kUcUpperRuns, cp);
}

uint32_t uc_to_lower(uint32_t cp) noexcept {
    if (cp < 0x80) return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
    return apply_runs(kUcLowerRuns, cp);
}

uint32_t uc_to_title(uint32_t cp) noexcept {
    if (cp < 0x80) return cp >= 'a' && cp <= 'z' ? cp - 32 : cp;
    return apply_runs(kUcTitleRuns, cp);
}

int uc_upper_full(uint32_t cp, uint32_t out[3]) noexcept {
    if (cp >= 0x80)
        if (const char* s = find_special(kUcSpecialUpper, cp)) return decode_special(s, out);
    out[0] = uc_to_upper(cp);
    return 1;
}

int uc_lower_full(uint32_t cp, uint32_t out[3]) noexcept {
    if (cp >= 0x80)
        if (const char* s = find_special(kUcSpecialLower, cp)) return decode_special(s, out);
    out[0] = uc_to_lower(cp);
    return 1;
}

int uc_title_full(uint32_t cp, uint32_t out[3]) noexcept {
    if (cp >= 0x80)
        if (const char* s = find_special(kUcSpecialTitle, cp)) return decode_special(s, out);
    out[0] = uc_to_title(cp);
    return 1;
}

int uc_fold_full(uint32_t cp, uint32_t out[3]) noexcept {
    if (cp >= 0x80)
        if (const char* s = find_special(kUcSpecialFold, cp)) return decode_special(s, out);
    return uc_lower_full(cp, out);
}

}  // namespace gilt
