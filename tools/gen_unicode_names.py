#!/usr/bin/env python3
"""Generates the Unicode character name table (interp/frontend/unicode_names.cpp).

The build runs this (interp/CMakeLists.txt) and writes the result into the
build tree; it is not checked in. The names come from the python3 that
defines the reference behaviour (CPython 3.11: Unicode 14.0), so \\N{...},
unicodedata.lookup() and unicodedata.name() agree with it name for name.

What is listed, and what is left to code:
  * Hangul syllables and CJK unified ideographs are named by algorithm
    (interp/frontend/unicode_names.cpp composes and parses them); only the ranges of
    the CJK ideographs are recorded here.
  * Groups of names of the form PREFIX-XXXX, where XXXX is the character's
    own code point in hex (CJK COMPATIBILITY IDEOGRAPH-F900, NUSHU
    CHARACTER-1B170, ...), become ranges too.
  * Every other name, the name aliases (\\N{LINE FEED}, \\N{BOM}) and the
    named sequences (unicodedata.lookup only) are entries of a phrasebook.

unicodedata has no function that lists aliases or named sequences. CPython
stores them at private-use code points (aliases from U+F0000, named
sequences from U+F0200) that only its name C API, the capsule
unicodedata._ucnhash_CAPI (what CPython's own \\N{...} decoder uses), will
name; we read them through ctypes.

Layout (all constant data; nothing is built when an interpreter starts):
  kWordChars, kWordOffsets
      the distinct words of all names, most frequent first. A name is
      split at spaces, and at hyphens between two letters or digits; such
      a hyphen is the word "-" (kHyphenWord), written without spaces.
  kPhrases, kPhraseBlocks
      one entry per name: a length byte, then one code per word: a byte
      below kSingleByteWords is that word; a byte b above it and the next
      byte n make word kSingleByteWords + (b - kSingleByteWords) * 256 + n.
      kPhraseBlocks holds the offset of every kPhraseBlockSize-th entry.
      Entries [0, kListedCount) are character names in code point order,
      then kAliasCount aliases, then kNamedSequenceCount named sequences.
  kNameRuns       runs of consecutive code points with listed names:
                  {first code point, first entry}.
  kNameOrder      every entry, sorted by name (binary search by name).
  kAliasCodePoints, kNamedSequenceStarts, kNamedSequenceChars
                  what the alias and named sequence entries stand for.
  kCjkUnifiedRanges, kHexNamePrefixes, kHexNamedRanges
                  the ranges named by algorithm.

Usage: python3 tools/gen_unicode_names.py OUTPUT.inc
"""
import collections
import ctypes
import os
import re
import sys
import unicodedata

N = 0x110000
SINGLE_BYTE_WORDS = 192
PHRASE_BLOCK = 16
CJK_UNIFIED = 'CJK UNIFIED IDEOGRAPH-'
HANGUL = 'HANGUL SYLLABLE '
# A hyphen between two letters or digits is a word of its own.
INNER_HYPHEN = re.compile(r'(?<=[^ -])-(?=[^ -])')


def private_use_names():
    """(aliases, named sequences) as lists of (name, text), in CPython's order."""
    getptr = ctypes.pythonapi.PyCapsule_GetPointer
    getptr.restype = ctypes.c_void_p
    getptr.argtypes = [ctypes.py_object, ctypes.c_char_p]
    api = getptr(unicodedata._ucnhash_CAPI, b'unicodedata._ucnhash_CAPI')
    # struct _PyUnicode_Name_CAPI { getname; getcode; }
    getname_t = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_uint32, ctypes.c_char_p,
                                 ctypes.c_int, ctypes.c_int)
    getname = getname_t((ctypes.c_void_p * 2).from_address(api)[0])
    buf = ctypes.create_string_buffer(256)
    aliases, sequences = [], []
    for c in range(0xF0000, 0xF1000):
        if getname(c, buf, len(buf), 1):
            name = buf.value.decode('ascii')
            text = unicodedata.lookup(name)
            (aliases if len(text) == 1 else sequences).append((name, text))
    assert aliases and sequences, 'CPython name C API changed'
    return aliases, sequences


def split_words(name):
    words = []
    for w in name.split(' '):
        parts = INNER_HYPHEN.split(w)
        for i, p in enumerate(parts):
            if i:
                words.append('-')
            words.append(p)
    assert '' not in words and ' '.join(words).replace(' - ', '-') == name, name
    return words


def ranges_of(codes):
    out = []
    for c in sorted(codes):
        if out and out[-1][1] == c - 1:
            out[-1][1] = c
        else:
            out.append([c, c])
    return [tuple(r) for r in out]


def collect():
    named = [(c, unicodedata.name(chr(c), None)) for c in range(N)]
    named = [(c, n) for c, n in named if n]
    cjk = [c for c, n in named if n.startswith(CJK_UNIFIED)]
    for c in cjk:
        assert unicodedata.name(chr(c)) == CJK_UNIFIED + '%X' % c
    rest = [(c, n) for c, n in named if not n.startswith(CJK_UNIFIED)
            and not (n.startswith(HANGUL) and 0xAC00 <= c <= 0xD7A3)]
    # PREFIX-XXXX groups large enough to be worth a range.
    groups = collections.defaultdict(list)
    for c, n in rest:
        suffix = '-%04X' % c
        if n.endswith(suffix):
            groups[n[:-len(suffix)] + '-'].append(c)
    prefixes = sorted(p for p, cs in groups.items() if len(cs) >= 64)
    hexed = {c for p in prefixes for c in groups[p]}
    listed = [(c, n) for c, n in rest if c not in hexed]
    for c, n in listed:
        assert not any(n.startswith(p) for p in prefixes), n
    hex_ranges = sorted((a, b, i) for i, p in enumerate(prefixes) for a, b in ranges_of(groups[p]))
    return listed, ranges_of(cjk), prefixes, hex_ranges


def encode(names):
    counts = collections.Counter(w for n in names for w in split_words(n))
    words = [w for w, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    assert len(words) <= SINGLE_BYTE_WORDS + (256 - SINGLE_BYTE_WORDS) * 256
    index = {w: i for i, w in enumerate(words)}
    phrases, blocks = bytearray(), []
    for k, n in enumerate(names):
        if k % PHRASE_BLOCK == 0:
            blocks.append(len(phrases))
        codes = bytearray()
        for w in split_words(n):
            i = index[w]
            if i < SINGLE_BYTE_WORDS:
                codes.append(i)
            else:
                i -= SINGLE_BYTE_WORDS
                codes += bytes((SINGLE_BYTE_WORDS + (i >> 8), i & 0xFF))
        assert len(codes) < 256
        phrases.append(len(codes))
        phrases += codes
    return words, phrases, blocks


def c_array(ctype, name, values, fmt='%d', per_line=12):
    lines = [f'constexpr {ctype} {name}[] = {{']
    for i in range(0, len(values), per_line):
        lines.append('    ' + ', '.join(fmt % v for v in values[i:i + per_line]) + ',')
    lines.append('};')
    return lines


def c_string(name, text, per_line=96):
    lines = [f'constexpr char {name}[] =']
    for i in range(0, len(text), per_line):
        lines.append('    "' + text[i:i + per_line] + '"')
    lines[-1] += ';'
    return lines


def generate():
    if unicodedata.unidata_version != '14.0.0':
        print(f'gen_unicode_names.py: warning: python3 has Unicode {unicodedata.unidata_version}; '
              'gilt follows CPython 3.11 (Unicode 14.0.0)', file=sys.stderr)
    listed, cjk_ranges, prefixes, hex_ranges = collect()
    aliases, sequences = private_use_names()
    entries = [n for _, n in listed] + [n for n, _ in aliases] + [n for n, _ in sequences]
    assert len(entries) < 1 << 16 and len(set(entries)) == len(entries)
    words, phrases, blocks = encode(entries)
    runs = []
    for k, (c, _) in enumerate(listed):
        if not runs or c != listed[k - 1][0] + 1:
            runs.append((c, k))
    order = sorted(range(len(entries)), key=lambda k: entries[k])
    offsets, pos = [], 0
    for w in words:
        offsets.append(pos)
        pos += len(w)
    offsets.append(pos)
    seq_starts, seq_chars = [], []
    for _, text in sequences:
        seq_starts.append(len(seq_chars))
        seq_chars += [ord(ch) for ch in text]
    seq_starts.append(len(seq_chars))
    max_len = max(len(n) for n in entries + [CJK_UNIFIED + '2A6DF', HANGUL + 'GGWAELH'])
    offset_type = 'uint16_t' if pos < 1 << 16 else 'uint32_t'

    out = [
        '// Generated by tools/gen_unicode_names.py from python3\'s unicodedata',
        f'// (Unicode {unicodedata.unidata_version}). Do not edit; included only by '
        'interp/frontend/unicode_names.cpp.',
        '',
        f'constexpr char kUnidataVersion[] = "{unicodedata.unidata_version}";',
        f'constexpr std::size_t kListedCount = {len(listed)};',
        f'constexpr std::size_t kAliasCount = {len(aliases)};',
        f'constexpr std::size_t kNamedSequenceCount = {len(sequences)};',
        f'constexpr std::size_t kLongestName = {max_len};',
        f'constexpr unsigned kSingleByteWords = {SINGLE_BYTE_WORDS};',
        f'constexpr unsigned kHyphenWord = {words.index("-")};',
        f'constexpr std::size_t kPhraseBlockSize = {PHRASE_BLOCK};',
        '',
    ]
    out += c_string('kWordChars', ''.join(words))
    out += c_array(offset_type, 'kWordOffsets', offsets)
    out += c_array('uint8_t', 'kPhrases', phrases, per_line=24)
    out += c_array('uint32_t', 'kPhraseBlocks', blocks)
    out += c_array('NameRun', 'kNameRuns', runs, '{0x%X, %d}', per_line=6)
    out += c_array('uint16_t', 'kNameOrder', order)
    out += c_array('char32_t', 'kAliasCodePoints', [ord(t) for _, t in aliases], '0x%X')
    out += c_array('uint16_t', 'kNamedSequenceStarts', seq_starts)
    out += c_array('char32_t', 'kNamedSequenceChars', seq_chars, '0x%X')
    out += c_array('CodeRange', 'kCjkUnifiedRanges', cjk_ranges, '{0x%X, 0x%X}', per_line=4)
    out += ['constexpr std::string_view kHexNamePrefixes[] = {']
    out += [f'    "{p}",' for p in prefixes] + ['};']
    out += c_array('HexNamedRange', 'kHexNamedRanges', hex_ranges, '{0x%X, 0x%X, %d}', per_line=4)
    return '\n'.join(out) + '\n'


def main():
    if len(sys.argv) != 2:
        sys.exit('usage: gen_unicode_names.py OUTPUT')
    target = sys.argv[1]
    text = generate()
    # Written beside the target and renamed, so an interrupted build never
    # leaves half a table behind.
    tmp = target + '.tmp'
    with open(tmp, 'w', encoding='ascii') as f:
        f.write(text)
    os.replace(tmp, target)


if __name__ == '__main__':
    main()
