// Unicode character names (see unicode_names.hpp). The table of names is
// generated into the build tree by tools/gen_unicode_names.py; this file
// decodes it and adds the names Unicode defines by algorithm (Hangul
// syllables, CJK unified ideographs), following CPython 3.11's
// Modules/unicodedata.c (_getucname, _getcode).
#include "interp/frontend/unicode_names.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>

namespace gilt::unicode_names {

namespace {

struct NameRun {
    char32_t first_cp;
    uint32_t first_entry;
};
struct CodeRange {
    char32_t first, last;
};
struct HexNamedRange {
    char32_t first, last;
    uint32_t prefix;  // index into kHexNamePrefixes
};

#include "unicode_names_table.inc"

constexpr std::string_view kHangulPrefix = "HANGUL SYLLABLE ";
constexpr std::string_view kCjkUnifiedPrefix = "CJK UNIFIED IDEOGRAPH-";
constexpr std::size_t kEntryCount = std::size(kNameOrder);
static_assert(kEntryCount == kListedCount + kAliasCount + kNamedSequenceCount);

using NameBuffer = std::array<char, kLongestName>;

// --- Hangul syllables: L + V + T jamo short names (Unicode 3.12, "Hangul
// Syllable Name Generation"); the columns are CPython's hangul_syllables.
constexpr char32_t kHangulBase = 0xAC00;
constexpr std::string_view kJamoL[] = {"G",  "GG", "N", "D",  "DD", "R", "M", "B", "BB", "S",
                                       "SS", "",   "J", "JJ", "C",  "K", "T", "P", "H"};
constexpr std::string_view kJamoV[] = {"A",   "AE", "YA", "YAE", "EO", "E",  "YEO",
                                       "YE",  "O",  "WA", "WAE", "OE", "YO", "U",
                                       "WEO", "WE", "WI", "YU",  "EU", "YI", "I"};
constexpr std::string_view kJamoT[] = {"",   "G",  "GG", "GS", "N",  "NJ", "NH", "D", "L",  "LG",
                                       "LM", "LB", "LS", "LT", "LP", "LH", "M",  "B", "BS", "S",
                                       "SS", "NG", "J",  "C",  "K",  "T",  "P",  "H"};
constexpr std::size_t kJamoVT = std::size(kJamoV) * std::size(kJamoT);
constexpr char32_t kHangulCount = std::size(kJamoL) * kJamoVT;

// The longest jamo of `column` that `s` starts with (the first of equal
// length wins); CPython's find_syllable. Returns its index, or -1.
template <std::size_t N>
int match_jamo(const std::string_view (&column)[N], std::string_view& s) {
    int best = -1;
    for (std::size_t i = 0; i < N; ++i) {
        if (s.starts_with(column[i]) && (best < 0 || column[i].size() > column[best].size()))
            best = static_cast<int>(i);
    }
    if (best >= 0) s.remove_prefix(column[best].size());
    return best;
}

bool hangul_code_point(std::string_view jamo, char32_t* cp) {
    int l = match_jamo(kJamoL, jamo);
    int v = match_jamo(kJamoV, jamo);
    int t = match_jamo(kJamoT, jamo);
    if (l < 0 || v < 0 || t < 0 || !jamo.empty()) return false;
    *cp = kHangulBase + static_cast<char32_t>(l) * kJamoVT +
          static_cast<char32_t>(v) * std::size(kJamoT) + static_cast<char32_t>(t);
    return true;
}

// Hex digits of a name suffix: 4 or 5 of 0-9A-F, capitals only.
bool parse_hex_suffix(std::string_view digits, char32_t* cp) {
    if (digits.size() != 4 && digits.size() != 5) return false;
    char32_t v = 0;
    for (char c : digits) {
        if (c >= '0' && c <= '9') {
            v = v * 16 + static_cast<char32_t>(c - '0');
        } else if (c >= 'A' && c <= 'F') {
            v = v * 16 + static_cast<char32_t>(c - 'A' + 10);
        } else {
            return false;
        }
    }
    *cp = v;
    return true;
}

void append_hex(std::string& out, char32_t cp) {
    constexpr char kDigits[] = "0123456789ABCDEF";
    int digits = cp > 0xFFFF ? 5 : 4;
    for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) out += kDigits[(cp >> shift) & 0xF];
}

template <typename Range>
const Range* find_range(const Range* begin, const Range* end, char32_t cp) {
    auto it =
        std::upper_bound(begin, end, cp, [](char32_t c, const Range& r) { return c < r.first; });
    if (it == begin || cp > (it - 1)->last) return nullptr;
    return it - 1;
}

bool in_cjk_unified(char32_t cp) {
    return find_range(std::begin(kCjkUnifiedRanges), std::end(kCjkUnifiedRanges), cp) != nullptr;
}

// --- The phrasebook.

std::string_view word(unsigned w) {
    return std::string_view(kWordChars + kWordOffsets[w], kWordOffsets[w + 1] - kWordOffsets[w]);
}

// Decodes entry `e` into `buf`; returns the name's length.
std::size_t entry_name(std::size_t e, NameBuffer& buf) {
    const uint8_t* p = kPhrases + kPhraseBlocks[e / kPhraseBlockSize];
    for (std::size_t k = e % kPhraseBlockSize; k > 0; --k) p += 1 + *p;
    const uint8_t* end = p + 1 + *p;
    std::size_t n = 0;
    bool glued = true;  // no space before the first word, nor around a hyphen
    for (++p; p < end;) {
        unsigned w = *p++;
        if (w >= kSingleByteWords) w = kSingleByteWords + ((w - kSingleByteWords) << 8 | *p++);
        if (w == kHyphenWord) {
            buf[n++] = '-';
            glued = true;
            continue;
        }
        if (!glued) buf[n++] = ' ';
        glued = false;
        std::string_view text = word(w);
        std::copy(text.begin(), text.end(), buf.data() + n);
        n += text.size();
    }
    return n;
}

// The entry named `upper` (already in capitals), or -1.
std::ptrdiff_t find_entry(std::string_view upper) {
    NameBuffer buf;
    std::size_t lo = 0, hi = kEntryCount;
    while (lo < hi) {
        std::size_t mid = lo + (hi - lo) / 2;
        std::size_t e = kNameOrder[mid];
        int c = std::string_view(buf.data(), entry_name(e, buf)).compare(upper);
        if (c == 0) return static_cast<std::ptrdiff_t>(e);
        if (c < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return -1;
}

char32_t listed_code_point(std::size_t e) {
    auto it = std::upper_bound(std::begin(kNameRuns), std::end(kNameRuns), e,
                               [](std::size_t x, const NameRun& r) { return x < r.first_entry; });
    --it;
    return it->first_cp + static_cast<char32_t>(e - it->first_entry);
}

// The entry that names `cp`, or -1.
std::ptrdiff_t listed_entry(char32_t cp) {
    auto it = std::upper_bound(std::begin(kNameRuns), std::end(kNameRuns), cp,
                               [](char32_t c, const NameRun& r) { return c < r.first_cp; });
    if (it == std::begin(kNameRuns)) return -1;
    std::size_t run_end = it == std::end(kNameRuns) ? kListedCount : it->first_entry;
    --it;
    std::size_t e = it->first_entry + (cp - it->first_cp);
    return e < run_end ? static_cast<std::ptrdiff_t>(e) : -1;
}

// `name` in ASCII capitals, as CPython compares names (Py_TOUPPER); false if
// it is longer than any name.
bool to_upper(std::string_view name, NameBuffer& buf) {
    if (name.size() > buf.size()) return false;
    std::transform(name.begin(), name.end(), buf.begin(),
                   [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; });
    return true;
}

// Names PREFIX-XXXX kept as ranges: the suffix must be the code point written
// as name_of() writes it, so "nushu character-1b170" matches but
// "NUSHU CHARACTER-01B170" does not.
bool hex_named_code_point(std::string_view upper, std::size_t prefix, char32_t* cp) {
    std::string_view digits = upper.substr(kHexNamePrefixes[prefix].size());
    if (!parse_hex_suffix(digits, cp) || (digits.size() == 5 && digits[0] == '0')) return false;
    const HexNamedRange* r =
        find_range(std::begin(kHexNamedRanges), std::end(kHexNamedRanges), *cp);
    return r && r->prefix == prefix;
}

}  // namespace

std::string_view version() {
    return kUnidataVersion;
}

bool code_point_for_name(std::string_view name, char32_t* cp) {
    // CPython matches these two prefixes case-sensitively, and does not look
    // further when the rest does not parse.
    if (name.starts_with(kHangulPrefix))
        return hangul_code_point(name.substr(kHangulPrefix.size()), cp);
    if (name.starts_with(kCjkUnifiedPrefix))
        return parse_hex_suffix(name.substr(kCjkUnifiedPrefix.size()), cp) && in_cjk_unified(*cp);
    NameBuffer buf;
    if (!to_upper(name, buf)) return false;
    std::string_view upper(buf.data(), name.size());
    for (std::size_t i = 0; i < std::size(kHexNamePrefixes); ++i) {
        if (upper.starts_with(kHexNamePrefixes[i])) return hex_named_code_point(upper, i, cp);
    }
    std::ptrdiff_t e = find_entry(upper);
    if (e < 0) return false;
    std::size_t entry = static_cast<std::size_t>(e);
    if (entry < kListedCount) {
        *cp = listed_code_point(entry);
        return true;
    }
    if (entry < kListedCount + kAliasCount) {
        *cp = kAliasCodePoints[entry - kListedCount];
        return true;
    }
    return false;
}

std::u32string_view named_sequence(std::string_view name) {
    NameBuffer buf;
    if (!to_upper(name, buf)) return {};
    std::ptrdiff_t e = find_entry(std::string_view(buf.data(), name.size()));
    std::size_t first = kListedCount + kAliasCount;
    if (e < 0 || static_cast<std::size_t>(e) < first) return {};
    std::size_t k = static_cast<std::size_t>(e) - first;
    return std::u32string_view(kNamedSequenceChars + kNamedSequenceStarts[k],
                               kNamedSequenceStarts[k + 1] - kNamedSequenceStarts[k]);
}

bool name_of(char32_t cp, std::string& out) {
    out.clear();
    if (cp >= kHangulBase && cp < kHangulBase + kHangulCount) {
        std::size_t s = cp - kHangulBase;
        out.append(kHangulPrefix);
        out.append(kJamoL[s / kJamoVT]);
        out.append(kJamoV[s % kJamoVT / std::size(kJamoT)]);
        out.append(kJamoT[s % std::size(kJamoT)]);
        return true;
    }
    if (in_cjk_unified(cp)) {
        out.append(kCjkUnifiedPrefix);
        append_hex(out, cp);
        return true;
    }
    if (const HexNamedRange* r =
            find_range(std::begin(kHexNamedRanges), std::end(kHexNamedRanges), cp)) {
        out.append(kHexNamePrefixes[r->prefix]);
        append_hex(out, cp);
        return true;
    }
    std::ptrdiff_t e = listed_entry(cp);
    if (e < 0) return false;
    NameBuffer buf;
    out.assign(buf.data(), entry_name(static_cast<std::size_t>(e), buf));
    return true;
}

}  // namespace gilt::unicode_names
