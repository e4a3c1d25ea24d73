// Unicode name table tests: lookups by name and by code point, including the
// algorithmic names, aliases and named sequences, matched as CPython 3.11's
// unicodedata matches them. (tests/scripts/strings/015_unicode_names_all.py
// checks every name against CPython.)
#include <gtest/gtest.h>

#include <string>

#include "interp/frontend/unicode_names.hpp"

namespace gilt::unicode_names {
namespace {

// The code point named `name`, or -1.
long code(std::string_view name) {
    char32_t cp = 0;
    return code_point_for_name(name, &cp) ? static_cast<long>(cp) : -1;
}

std::string name(char32_t cp) {
    std::string out = "stale";
    return name_of(cp, out) ? out : "<none>";
}

TEST(UnicodeNames, VersionIsCPython311s) {
    EXPECT_EQ(version(), "14.0.0");
}

TEST(UnicodeNames, ListedNamesBothWays) {
    EXPECT_EQ(code("LATIN SMALL LETTER A"), 0x61);
    EXPECT_EQ(code("SPACE"), 0x20);
    EXPECT_EQ(code("EM DASH"), 0x2014);
    EXPECT_EQ(code("GRINNING FACE"), 0x1F600);
    EXPECT_EQ(code("HANGUL JUNGSEONG O-E"), 0x1180);
    EXPECT_EQ(code("TIBETAN MARK TSA -PHRU"), 0x0F39);
    EXPECT_EQ(code("TIBETAN MARK BKA- SHOG GI MGO RGYAN"), 0x0FD0);
    EXPECT_EQ(name(0x61), "LATIN SMALL LETTER A");
    EXPECT_EQ(name(0x1180), "HANGUL JUNGSEONG O-E");
    EXPECT_EQ(name(0x0F39), "TIBETAN MARK TSA -PHRU");
    EXPECT_EQ(name(0xE01EF), "VARIATION SELECTOR-256");
    EXPECT_EQ(name(0x1F600), "GRINNING FACE");
}

TEST(UnicodeNames, NamesMatchInAnyAsciiCase) {
    EXPECT_EQ(code("latin small letter a"), 0x61);
    EXPECT_EQ(code("Em Dash"), 0x2014);
    EXPECT_EQ(code("EM  DASH"), -1);
    EXPECT_EQ(code(" EM DASH"), -1);
    EXPECT_EQ(code("EM DASH "), -1);
    EXPECT_EQ(code("EM-DASH"), -1);
    EXPECT_EQ(code(""), -1);
    EXPECT_EQ(code(std::string(300, 'A')), -1);
    EXPECT_EQ(code(std::string_view("SPACE\0", 6)), -1);
}

TEST(UnicodeNames, AliasesNameCharactersButAreNeverReturned) {
    EXPECT_EQ(code("LINE FEED"), 0x0A);
    EXPECT_EQ(code("lf"), 0x0A);
    EXPECT_EQ(code("NULL"), 0x00);
    EXPECT_EQ(code("BOM"), 0xFEFF);
    EXPECT_EQ(code("LATIN CAPITAL LETTER GHA"), 0x01A2);  // a correction
    EXPECT_EQ(code("VS256"), 0xE01EF);
    EXPECT_EQ(name(0x0A), "<none>");
    EXPECT_EQ(name(0xFEFF), "ZERO WIDTH NO-BREAK SPACE");
    EXPECT_EQ(name(0x01A2), "LATIN CAPITAL LETTER OI");
}

TEST(UnicodeNames, NamedSequencesAreNotCharacters) {
    EXPECT_EQ(code("KEYCAP ASTERISK"), -1);
    EXPECT_EQ(named_sequence("KEYCAP ASTERISK"), std::u32string_view(U"*\uFE0F\u20E3"));
    EXPECT_EQ(named_sequence("latin capital letter a with macron and grave"),
              std::u32string_view(U"\u0100\u0300"));
    EXPECT_TRUE(named_sequence("EM DASH").empty());
    EXPECT_TRUE(named_sequence("LF").empty());
    EXPECT_TRUE(named_sequence("NO SUCH SEQUENCE").empty());
}

TEST(UnicodeNames, HangulSyllablesByAlgorithm) {
    EXPECT_EQ(code("HANGUL SYLLABLE GA"), 0xAC00);
    EXPECT_EQ(code("HANGUL SYLLABLE GAG"), 0xAC01);
    EXPECT_EQ(code("HANGUL SYLLABLE GAGG"), 0xAC02);  // the longest final jamo wins
    EXPECT_EQ(code("HANGUL SYLLABLE A"), 0xC544);     // empty initial jamo
    EXPECT_EQ(code("HANGUL SYLLABLE HIH"), 0xD7A3);
    EXPECT_EQ(code("hangul syllable gag"), -1);  // capitals only, as CPython
    EXPECT_EQ(code("HANGUL SYLLABLE gag"), -1);
    EXPECT_EQ(code("HANGUL SYLLABLE "), -1);
    EXPECT_EQ(code("HANGUL SYLLABLE GAGX"), -1);
    EXPECT_EQ(name(0xAC00), "HANGUL SYLLABLE GA");
    EXPECT_EQ(name(0xC544), "HANGUL SYLLABLE A");
    EXPECT_EQ(name(0xD7A3), "HANGUL SYLLABLE HIH");
    EXPECT_EQ(name(0xD7A4), "<none>");
}

TEST(UnicodeNames, CjkUnifiedIdeographsByAlgorithm) {
    EXPECT_EQ(code("CJK UNIFIED IDEOGRAPH-4E00"), 0x4E00);
    EXPECT_EQ(code("CJK UNIFIED IDEOGRAPH-04E00"), 0x4E00);  // CPython takes 4 or 5 digits
    EXPECT_EQ(code("CJK UNIFIED IDEOGRAPH-3134A"), 0x3134A);
    EXPECT_EQ(code("CJK UNIFIED IDEOGRAPH-4e00"), -1);
    EXPECT_EQ(code("cjk unified ideograph-4E00"), -1);
    EXPECT_EQ(code("CJK UNIFIED IDEOGRAPH-0041"), -1);
    EXPECT_EQ(code("CJK UNIFIED IDEOGRAPH-2A6E0"), -1);  // between extensions B and C
    EXPECT_EQ(name(0x4E00), "CJK UNIFIED IDEOGRAPH-4E00");
    EXPECT_EQ(name(0x2A6DF), "CJK UNIFIED IDEOGRAPH-2A6DF");
    EXPECT_EQ(name(0x2A6E0), "<none>");
}

TEST(UnicodeNames, HexSuffixedRanges) {
    EXPECT_EQ(code("CJK COMPATIBILITY IDEOGRAPH-F900"), 0xF900);
    EXPECT_EQ(code("cjk compatibility ideograph-f900"), 0xF900);
    EXPECT_EQ(code("CJK COMPATIBILITY IDEOGRAPH-0F900"), -1);
    EXPECT_EQ(code("CJK COMPATIBILITY IDEOGRAPH-FA6E"), -1);  // a gap in the range
    EXPECT_EQ(code("NUSHU CHARACTER-1B170"), 0x1B170);
    EXPECT_EQ(code("NUSHU CHARACTER-F900"), -1);  // another prefix's range
    EXPECT_EQ(name(0xF900), "CJK COMPATIBILITY IDEOGRAPH-F900");
    EXPECT_EQ(name(0x2FA1D), "CJK COMPATIBILITY IDEOGRAPH-2FA1D");
    EXPECT_EQ(name(0x18CD5), "KHITAN SMALL SCRIPT CHARACTER-18CD5");
    EXPECT_EQ(name(0xFA6E), "<none>");
}

TEST(UnicodeNames, UnnamedCodePoints) {
    for (char32_t cp :
         {0x0u, 0x1Fu, 0x80u, 0xD800u, 0xE000u, 0xF0000u, 0x17000u, 0x10FFFFu, 0x110000u}) {
        EXPECT_EQ(name(cp), "<none>") << std::hex << static_cast<unsigned>(cp);
    }
}

TEST(UnicodeNames, EveryListedNameRoundTrips) {
    int named = 0;
    std::string n;
    for (char32_t cp = 0; cp < 0x110000; ++cp) {
        if (!name_of(cp, n)) continue;
        ++named;
        char32_t back = 0;
        ASSERT_TRUE(code_point_for_name(n, &back)) << n;
        ASSERT_EQ(back, cp) << n;
    }
    EXPECT_EQ(named, 138552);  // len([c for c in range(0x110000) if unicodedata.name(chr(c), 0)])
}

}  // namespace
}  // namespace gilt::unicode_names
