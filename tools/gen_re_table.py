#!/usr/bin/env python3
"""Writes tests/scripts/stdlib_re/re_table.json: the re conformance table.

Runs every case (pattern x flags x subject x operation) under the python3
running this script, CPython 3.11, and stores the described result beside
the case; tests/scripts/stdlib_re/090_conformance.py runs the same cases
under gilt and reports every disagreement. Rerun after changing the cases:

    python3 tools/gen_re_table.py
"""

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
AREA = os.path.join(HERE, "..", "tests", "scripts", "stdlib_re")
sys.path.insert(0, AREA)

import re_cases  # noqa: E402

I, M, S, X, A = 2, 8, 16, 64, 256

SUBJECTS = [
    "", "abc", "aabbcc", "abcabcab", "xyz", "a\nb\nc\n", "ab ab", "Hello World 42",
    "foo@bar.com, x_y@q.org", "  spaced  out\t", "aaa bbb", "12-34-5678", "ÀbÇ dé",
]

# Patterns run against every subject with search, findall, finditer, sub and split.
GENERAL = [
    "a", "abc", "b", "a.c", ".", "..", ".*", ".+", ".*?", "a.*c", "a.*?c", "a*", "a+", "a?",
    "a*?", "a+?", "a??", "a{2}", "a{2,}", "a{,2}", "a{1,2}", "a{1,2}?", "a{0}", "x*",
    "^", "$", "^a", "c$", "^.*$", r"\A", r"\Z", r"\Aa", r"b\Z", r"\b", r"\B", r"\b\w",
    r"\w+", r"\W+", r"\d+", r"\D+", r"\s+", r"\S+", r"\w*", r"\s*", r"\d*",
    "[abc]", "[abc]+", "[^abc]+", "[a-c]+", "[^a-z]", "[a-z0-9_]+", r"[\d\s]+", r"[^\w\s]",
    "[]a]", "[^]a]+", r"[a\-z]+", "[-a]", "[a-]", r"[\w.-]+@[\w.-]+", r"[\b]", "[.]",
    "(a)", "(a)(b)", "(a)(b)?", "(a|b)*", "(a|b)+", "((a)|b)+", "(?:ab)+", "(ab)*", "(a*)*",
    "(a*)+", "(a|)*", "(?:(a)|b)*", "(a)|(b)", "(a)|b", "((a)b)", "(?P<x>a)(?P<y>b)?",
    "(?P<x>[ab])(?P=x)", r"(a)\1", r"(\w)\1", r"(\w+) \1", "a|b|c", "ab|a", "a|ab", "ab|cd",
    "|a", "a|", "(?:a|b)c", "a(?=b)", "a(?!b)", "(?<=a)b", "(?<!a)b", "(?<=ab|cd)c",
    r"(?<=\d)-", "(?=(a))a", "(?!a)", r"(?<=\w)(?=\W)", "(a)?(?(1)b|c)", "(?>a+)b", "(?>a|ab)c",
    "a*+", "a++b", "(ab)*+", "a?+", "(a+)+b", "(?i)a", "(?i)[A-C]+", "(?i)h", "(?m)^a",
    "(?m)b$", "(?m)$", "(?s).+", "(?s)a.b", "(?x) a b c  # comment", "(?x)[ ]", "(?i:A)b",
    "(?-i:a)b", "(?i)(?-i:a)B", r"(?a)\w+", r"(?a)\d", r"\x61", r"\u0061", r"\141", r"\0",
    r"\n", r"\t", r"\.", r"\\", "[\u00c0-\u00ff]+", "[À-ÿ]", "é", "(?i)é", "(?i)ç",
    r"\w+@\w+\.\w+", r"(\d+)-(\d+)", r"(\d\d)-(\d\d)-(\d+)", r"(?P<year>\d+)", "o", "l+",
    r"(\s)(\S)", "W", "[A-Z][a-z]+", r"\b[A-Z]", r"^\s+|\s+$", r"(?<![a-z])\d",
]

# Flags run against the same subjects with search and findall.
FLAGGED = [
    ("a", I), ("ABC", I), ("[a-c]+", I), ("^b", M), ("c$", M), ("$", M), ("^", M), (".+", S),
    (r"\w+", A), (r"\b\w", A), (r"\s+", A), ("é+", I), ("a b", X), ("a#x\nb", X),
    (r"[\w]+", A | I), ("^.", M | S), ("À", I),
]

# Unicode subjects for the Unicode classes.
UNICODE = [
    (r"\w+", "héllo wörld ñ"), (r"\d+", "٣4५"), (r"\s+", "a\u2003b\u00a0c"), (r"\W+", "a¡b"),
    ("(?i)é", "É"), ("(?i)straße", "STRASSE"), ("(?i)k", "\u212a"), ("(?i)s", "\u017f"),
    (r"\b\w", "été là"), ("[à-ü]+", "voilà où"), (".", "😀x"), ("😀+", "a😀😀b"),
    (r"(?a)\w+", "héllo"), (r"(?a)\s", "\u2003 "), ("(?i)[é]", "É"), ("(?i)[à-ÿ]+", "ÀÉÎ"),
]

ERRORS = [
    "a(b", "a)b", ")", "(", "*a", "+", "?", "a**", "a*?+", "a++?", "[a-", "[a", "[", "[]",
    r"\q", "a\\", r"\x1", r"\x", r"\u12", r"\U1234567", r"\U00110000", r"[\q]", r"\8",
    r"[\8]", r"\400", r"[\400]", "(?P<1>x)", "(?P<>x)", "(?P<a", "(?P<a-b>x)", "(?P=zz)",
    "(?P=)", "(?P<a>x)(?P<a>y)", "(?Px)", "(?<x)", "(?", "(?z)", "(?i", "(?i-", "(?-",
    "(?i-i:a)", "x(?i)", "a(?i)b", "(?i)a(?m)b", "a{2,1}", "a{99999999999}", "(?<=a+)b",
    "(?<=a|bc)d", "(?<!a*)b", r"(a)\2", r"\1", r"(a\1)", "(?P<n>(?P=n))", "(?(1)a|b)",
    "(?(x)a|b)", "(?(0)a)", "(?(1a)a)", "(?(1)a|b|c)", "(a)(?(1)a|b|c)", "[z-a]",
    r"[\d-z]", r"[a-\d]", "(?#comment", "(?#c)a", "[^", "a{1,2", "x{,}", "x{}", "(?x)a \\",
    "(?L)a", "(?u)a", "(?au)a", "(?-a:x)", "(?a-u:x)", "(?i-:x)", "(?i-1:x)", "(?i1)",
    "(?im-s:a)", "a\n(b", "ab\ncd)", "(?>a", "(?=a", "(?<=a", "(?:a", "(?P<a>a",
    r"\N{nope}", r"\N", r"\N{", r"\N{x", r"\N{}", r"[\N{nope}]", "(?P<a>x)|(?P=b)",
    r"(?<=(a)\1)b", "(?<=(?P<x>a)(?P=x))b", "(?<=a(?(1)b|c))", "(a)(?<=(?(2)b|c))", "(?<=(a|bc))",
    "(?<=a{1,2})", "(?<!(ab)*)",
]

# Patterns as scripts write them, each over a subject made for it.
REALWORLD = [
    (r"(\d{4})-(\d{2})-(\d{2})", "on 2024-01-31 and 1999-12-01."),
    (r"[-+]?\d*\.?\d+(?:[eE][-+]?\d+)?", "x=3.14, y=-2e10, z=.5 +7"),
    (r"[A-Za-z_][A-Za-z0-9_]*", "def foo_bar(x1, _y): return 2x"),
    (r'"(?:[^"\\]|\\.)*"', 'say "hi \\"there\\"" and "x"'),
    (r"<(/?)(\w+)([^>]*)>", "<p class='a'>text</p><br/>"),
    (r"^(\S+) (\S+) \[([^\]]+)\] \"(\w+) ([^\"]*)\" (\d{3})", '1.2.3.4 - [10/Oct/2000] "GET /a b" 200 x'),
    (r"(?P<key>\w+)\s*=\s*(?P<value>[^;]+);?", "a = 1; bb=two ;c= 3"),
    (r"https?://[^\s/$.?#].[^\s]*", "see http://x.org/a?b=1 and https://y.com."),
    (r"\b(\w+)\s+\1\b", "this is is a test test."),
    (r"(?<=\$)\d+(?:\.\d\d)?", "cost $12.50 or $7, not 9"),
    (r"^\s*#.*$", "x\n  # comment\ny # not\n#top"),
    (r"(?m)^(\w+):\s*(.*)$", "Host: a\nAccept: */*\n\nbody: no"),
    (r"[aeiou]{2,}", "queueing aardvarks"),
    (r"(?x) (\d+) \s* ([a-z]+)  # amount and unit", "12 kg, 3  m"),
    (r"(?i)\bthe\b", "The theme of THE day"),
    (r"(\w+)(?:,\s*(\w+))*", "a, b,c"),
    (r"(a|bc)+?d", "abcbcad"),
    (r"^(?:(\d+)|(\w+))$", "abc"),
    (r"(?s)/\*.*?\*/", "a /* x\ny */ b /* z */"),
    (r"\N{LATIN SMALL LETTER E WITH ACUTE}|\N{DIGIT ONE}", "é1e"),
    (r"(?P<a>.)(?P<b>.)?(?(b)x|y)", "abxcy"),
    (r"(\()?\d+(?(1)\))", "(12) 34 (56"),
    (r"\w+(?=,)", "a, bb, ccc"),
    (r"(?<!\\)\$\w+", "$a \\$b $c"),
    (r"([^,]*),?", "a,,b"),
    (r"(.)(?!\1)", "aabccd"),
    (r"\d+(?:\.\d+)*", "v1.2.3 and 4"),
    (r"(a)(?<=\1)b", "aab ab"),
    (r"(ab)x(?<=\1x)", "abx"),
    (r"(?m)(?i:(?<!($\B)*?)*?a)\s+", "a  b"),
    (r"(?<=(?!x)a{2})b", "aab xab"),
    (r"(?<=a(?(1)b|c))d", "acd abd"),
]

BYTES = [
    (b"a+", b"caaab"), (rb"\w+", b"ab\xe9cd"), (rb"[\x80-\xff]+", b"ab\xe9\xe0cd"),
    (rb"(?i)\xe9", b"\xc9"), (rb"\d+", b"12 34"), (rb"(a)(b)", b"xabx"), (b"^", b"ab"),
    (rb"\s", b"a b\tc"), (rb"(?i)AB", b"xaBx"),
]

TEMPLATES = [
    r"[\g<0>]", r"\1", r"\g<1>", r"<\g<x>>", r"\g<2>\g<1>", r"\n", r"\\", r"\.", r"\0",
    r"\101", r"\g<0>\g<0>", "", "plain", r"\q", r"\g", r"\g<", r"\g<a", r"\g<1a>", r"\g<zz>",
    r"\3", r"\x41", "\\", r"\g<-1>", r"\400", r"\08", r"\1\1",
]


def cases():
    out = []
    for pattern in GENERAL:
        for subject in SUBJECTS:
            for op in ("search", "findall", "finditer", "split"):
                out.append([pattern, 0, subject, op, None])
            out.append([pattern, 0, subject, "sub", r"<\g<0>>"])
    for pattern, flags in FLAGGED:
        for subject in SUBJECTS:
            for op in ("search", "findall"):
                out.append([pattern, flags, subject, op, None])
    for pattern, subject in UNICODE:
        for op in ("search", "findall", "match", "fullmatch"):
            out.append([pattern, 0, subject, op, None])
    for pattern in ERRORS:
        out.append([pattern, 0, "", "compile", None])
        out.append(["b:" + pattern, 0, "", "compile", None])
    for pattern, subject in BYTES:
        for op in ("search", "findall", "split", "fullmatch"):
            out.append([["b", pattern.decode("latin-1")], 0, ["b", subject.decode("latin-1")], op, None])
        out.append([["b", pattern.decode("latin-1")], 0, ["b", subject.decode("latin-1")], "sub",
                    ["b", r"<\g<0>>"]])
    for pattern, subject in REALWORLD:
        for op in ("search", "findall", "finditer", "split", "match", "fullmatch"):
            out.append([pattern, 0, subject, op, None])
        out.append([pattern, 0, subject, "sub", r"[\g<0>]"])
        out.append([pattern, 0, subject, "compile", None])
    for pattern in (r"\d+", "o", "^.", r"\b\w", "$", "(?m)^", "", "l+"):
        for pos, endpos in ((0, 100), (2, 100), (3, 8), (-3, 5), (8, 3), (11, 11), (4, 4)):
            out.append([pattern, 0, "hello world 42\nsecond", "window", [pos, endpos]])
    for template in TEMPLATES:
        for pattern in ("(a)(?P<x>b)", "(a)", "a"):
            out.append([pattern, 0, "xabxab", "sub", template])
    for pattern in ("a|ab", "ab|a", "a*", "(a)(b)?", ".*", "x?"):
        for subject in ("", "a", "ab", "abab", "ba"):
            out.append([pattern, 0, subject, "match", None])
            out.append([pattern, 0, subject, "fullmatch", None])
            out.append([pattern, 0, subject, "split1", None])
    for pattern in ("(?P<a>x)(?P<b>y)(z)", "(?i)(?x) a", "(?s)", "(?a)x", "(?m)(?s)"):
        out.append([pattern, 0, "", "compile", None])
    fixed = []
    for case in out:
        if isinstance(case[0], str) and case[0].startswith("b:"):
            case[0] = ["b", case[0][2:]]
        fixed.append(case)
    return fixed


def main():
    table = []
    for case in cases():
        table.append({"case": case, "expected": re_cases.run_case(case)})
    path = os.path.join(AREA, "re_table.json")
    with open(path, "w", encoding="utf-8") as f:
        # One case a line, so a change to the table reads as a short diff.
        f.write("[\n" + ",\n".join(json.dumps(entry, ensure_ascii=True) for entry in table) + "\n]\n")
    print("wrote %d cases to %s" % (len(table), os.path.relpath(path)))


if __name__ == "__main__":
    main()
