# \N{...} escapes in str literals and f-strings, and unicodedata's name
# functions, which share their name table.
import unicodedata

# Names match ASCII case-insensitively.
print(ascii("\N{LATIN SMALL LETTER A}\N{latin small letter a}\N{Greek Small Letter Alpha}"))
print(ascii("caf\N{LATIN SMALL LETTER E WITH ACUTE} \N{EM DASH} \N{SNOWMAN}"))
print(ascii("\N{GRINNING FACE}\N{NULL}\N{SPACE}\N{DIGIT ZERO}"))
# Names with hyphens, and with a hyphen beside a space.
print(ascii("\N{HANGUL JUNGSEONG O-E}\N{TIBETAN MARK TSA -PHRU}\N{tibetan mark bka- shog gi mgo rgyan}"))

# Aliases: control codes, abbreviations, corrections and figments.
print(ascii("\N{LINE FEED}\N{LF}\N{lf}\N{NEW LINE}\N{END OF LINE}\N{NUL}\N{ESCAPE}\N{DEL}"))
print(ascii("\N{BOM}\N{BYTE ORDER MARK}\N{NBSP}\N{ZWSP}\N{ZWJ}\N{SHY}\N{VS1}\N{VS256}"))
print(ascii("\N{LATIN CAPITAL LETTER GHA}\N{PADDING CHARACTER}\N{SINGLE SHIFT TWO}"))

# Names made by algorithm: capitals only, as CPython.
print(ascii("\N{HANGUL SYLLABLE GAG}\N{HANGUL SYLLABLE A}\N{HANGUL SYLLABLE GAGG}\N{HANGUL SYLLABLE HIH}"))
print(ascii("\N{CJK UNIFIED IDEOGRAPH-4E00}\N{CJK UNIFIED IDEOGRAPH-04E00}\N{CJK UNIFIED IDEOGRAPH-2A6D6}"))
# PREFIX-XXXX names listed in the database match in any case.
print(ascii("\N{CJK COMPATIBILITY IDEOGRAPH-F900}\N{cjk compatibility ideograph-f900}"))
print(ascii("\N{NUSHU CHARACTER-1B170}\N{KHITAN SMALL SCRIPT CHARACTER-18CD5}"))

# Raw strings and bytes leave \N alone.
print(r"\N{LF}", rb"\N{LF}", b"\N{LF}", b"\N", len(b"\N{LF}"))
print(ascii("\\N{LF}"))

# f-strings: the braces of \N{...} are not a replacement field.
x = 42
print(ascii(f"\N{EM DASH}{x}\N{EM DASH}"))
print(ascii(f"{{\N{LEFT CURLY BRACKET}}} {x:\N{EM DASH}^8} {x!r:\N{BULLET}>5}"))
print(ascii(f"\N{LF}{x}" f"{x}\N{lf}"))
print(ascii(rf"\N{{LF}}"))

# Errors, with the codec's position range (non-ASCII characters count as
# the \UXXXXXXXX escapes CPython rewrites them to first).
sources = [
    r'"\N{NO SUCH NAME}"',
    r'"ab\N{NOPE}"',
    '"\u00e9\\N{NOPE}"',
    '"\U0001F600\\N{X}"',
    '"\\N{\u00e9}"',
    r'"\N{EM DASH}\N{BAD}"',
    r'"\x41\N{BAD}"',
    r'"\N{BAD}\x4"',
    r'"""a\n\N{BAD}"""',
    r'"\N{KEYCAP ASTERISK}"',
    r'"\N{hangul syllable gag}"',
    r'"\N{HANGUL SYLLABLE}"',
    r'"\N{HANGUL SYLLABLE GAGX}"',
    r'"\N{cjk unified ideograph-4e00}"',
    r'"\N{CJK UNIFIED IDEOGRAPH-0041}"',
    r'"\N{CJK UNIFIED IDEOGRAPH-4e00}"',
    r'"\N{CJK COMPATIBILITY IDEOGRAPH-0F900}"',
    r'"\N{CJK COMPATIBILITY IDEOGRAPH-FA6E}"',
    r'"\N{TANGUT IDEOGRAPH-17000}"',
    r'"\N{ EM DASH}"',
    r'"\N{EM  DASH}"',
    r'"\N"',
    r'"\Nx"',
    r'"\N{"',
    r'"\N{}"',
    r'"\N{abc"',
    r'"x\N{}y"',
    r'f"\N{DASH}"',
    r'f"a{x}\N{BAD}"',
    r'f"{3:\N{X}^9}"',
    r'f"a\Nb"',
    r'f"\N"',
    r'f"\N}"',
    r'f"\N{x"',
    r'f"""x\N{LF}}"""',
    r'rf"\N{EM DASH}"',
    '"\u00e9\\x4"',
    '"\\\u00e9\\x4"',
    '"\\\\\u00e9\\x4"',
    '"\u00e9\\U00110000"',
    r'b"\N{LF}\x4"',
]
for src in sources:
    try:
        compile("s = " + src + "\n", "<test>", "exec")
        print("compiled", src)
    except SyntaxError as e:
        print(src, "->", e.msg, e.lineno, e.offset)

# unicodedata.lookup and unicodedata.name.
print(unicodedata.unidata_version)
for name in ["LATIN SMALL LETTER A", "latin small letter a", "LF", "bom", "HANGUL SYLLABLE GAG",
             "CJK UNIFIED IDEOGRAPH-9FFF", "KEYCAP ASTERISK",
             "latin capital letter a with macron and grave", b"EM DASH", b"snowman"]:
    print(ascii(unicodedata.lookup(name)))
for ch in ["a", "\n", "\u00e9", "\uac01", "\ud7a3", "\u4e00", "\U0002a6d6", "\uf900", "\U0001b170",
           "\U0001f600", "\ufeff", "\U000e01ef", "\U000f0000", "\U00017000", "\ue000"]:
    print(ascii(ch), unicodedata.name(ch, None))
print(unicodedata.name("\n", "<none>"), unicodedata.name("\n", 5))

def attempt(f, *args, **kwargs):
    try:
        print(ascii(f(*args, **kwargs)))
    except (KeyError, ValueError, TypeError) as e:
        print(type(e).__name__, e)

attempt(unicodedata.lookup, "nope")
attempt(unicodedata.lookup, "it's")
attempt(unicodedata.lookup, "hangul syllable GAG")
attempt(unicodedata.lookup, "CJK UNIFIED IDEOGRAPH-4e00")
attempt(unicodedata.lookup, "\u00e9")
attempt(unicodedata.lookup, "LF\x00")
attempt(unicodedata.lookup, "")
attempt(unicodedata.lookup, "L" * 256)
attempt(unicodedata.lookup, "L" * 257)
attempt(unicodedata.lookup, 1)
attempt(unicodedata.lookup, bytearray(b"LF"))
attempt(unicodedata.lookup)
attempt(unicodedata.lookup, "a", "b")
attempt(unicodedata.lookup, name="LF")
attempt(unicodedata.name, "\n")
attempt(unicodedata.name, "\U000f0000")
attempt(unicodedata.name, "ab")
attempt(unicodedata.name, "")
attempt(unicodedata.name, 65)
attempt(unicodedata.name)
attempt(unicodedata.name, "a", "b", "c")
attempt(unicodedata.name, chr="a")
