// Unicode character names: the database behind "\N{...}" escapes and the
// unicodedata module's lookup() and name().
//
// It lives in the front end because the parser decodes \N{...} and the front
// end may not depend on the runtime; stdlib/unicodedata.cpp uses it from
// there. The table is generated at build time from python3's unicodedata by
// tools/gen_unicode_names.py (its top comment describes the layout); it is
// constant data, so nothing is built when an interpreter starts.
//
// Matching follows CPython 3.11's Modules/unicodedata.c (_getcode): names and
// aliases match ASCII case-insensitively ("\N{latin small letter a}"), but
// the algorithmic names do not: "HANGUL SYLLABLE GAG" and "CJK UNIFIED
// IDEOGRAPH-4E00" must be written in capitals, as CPython compares their
// prefixes, jamo and hex digits exactly.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gilt::unicode_names {

// The Unicode version of the table, e.g. "14.0.0" (unicodedata.unidata_version).
std::string_view version();

// The code point of the character called `name`, or of the character a name
// alias stands for. False if there is none; named sequences are not
// characters and are not found here (CPython's \N{...} refuses them too).
bool code_point_for_name(std::string_view name, char32_t* cp);

// The characters of the named sequence called `name` (unicodedata.lookup
// accepts these, e.g. "LATIN CAPITAL LETTER A WITH MACRON AND GRAVE");
// empty if there is none. Points into constant data.
std::u32string_view named_sequence(std::string_view name);

// Writes the name of `cp` to `out` (replacing its contents); false if `cp`
// has none. Aliases are never returned, as with CPython's unicodedata.name().
bool name_of(char32_t cp, std::string& out);

}  // namespace gilt::unicode_names
