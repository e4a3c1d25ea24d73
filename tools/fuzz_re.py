#!/usr/bin/env python3
"""Differential fuzzing of re: random patterns run under python3 and gilt.

Generates patterns from a small grammar (groups, alternation, lookarounds,
atomic groups, backreferences, conditionals, scoped flags, every quantifier),
runs each over a few subjects as str and as bytes, with several flags and
replacement templates, under both interpreters, and prints the lines where
they disagree. The conformance table (tools/gen_re_table.py) pins what this
found; run this after changing the engine:

    python3 tools/fuzz_re.py --gilt build/release/gilt --seed 1 --count 3000
"""

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

ATOMS = [
    "a", "b", "c", ".", r"\d", r"\w", r"\s", r"\W", r"\S", "[ab]", "[^a]", "[a-c]", r"\b", r"\B",
    "^", "$", r"\A", r"\Z", "x", "é", "É", "ü", " ", r"\.", "[.-]", r"\1", "(?P=g1)", "(?(1)a|b)",
    "(?(g2)c)", r"[^\W\d]", "[é-ü]", "a{0,3}", "(?x: a b )", "[^]]", r"[\s\d]", r"(?a:\w)",
]
QUANTIFIERS = ["*", "+", "?", "{1,2}", "*?", "+?", "{2}", "*+", "++", "??", "{,2}"]
SUBJECTS = [
    "", "abc", "aabbcc", "a b c", "xx.abc-", "Aé b\n1c", "ccbbaa", "abab\nabab", "1a2b3c",
    "ÉéüÜ aé", "ab1 Üé\n_x", "aaaa", "abcabc ",
]

RUNNER = r'''
import json, re, sys
cases = json.load(open(sys.argv[1], encoding="utf-8"))
templates = [r"\1", r"\g<0>", r"[\g<g1>]", r"\2\1", r"\n\\", r"x\g<g2>y", r"\0", r"\100"]
flagsets = [0, re.I, re.A, re.I | re.A, re.M | re.S]
for i, (p, s) in enumerate(cases):
    fl = flagsets[i % len(flagsets)]
    t = templates[i % len(templates)]
    for pat, subj, tt in ((p, s, t), (p.encode("utf-8"), s.encode("utf-8"), t.encode())):
        try:
            c = re.compile(pat, fl)
            m = c.search(subj)
            r = [m and (m.span(), m.groups(), m.lastindex), c.findall(subj), c.split(subj, 2),
                 [x.span() for x in c.finditer(subj)]]
            try:
                r.append(c.subn(tt, subj, 3))
            except (re.error, IndexError) as e:
                r.append((type(e).__name__, str(e)))
            m = c.fullmatch(subj) or c.match(subj)
            r.append(m and (m.span(), m.groups(), m.groupdict(), m.lastgroup))
            print(repr(pat), repr(r))
        except re.error as e:
            print(repr(pat), "error", e)
        except Exception as e:
            print(repr(pat), type(e).__name__, e)
'''


def pattern(rnd, depth=0):
    out = []
    for _ in range(rnd.randint(1, 4)):
        r = rnd.random()
        if r < 0.55 or depth > 2:
            atom = rnd.choice(ATOMS)
        elif r < 0.7:
            atom = "(" + pattern(rnd, depth + 1) + ")"
        elif r < 0.78:
            atom = "(?:" + pattern(rnd, depth + 1) + "|" + pattern(rnd, depth + 1) + ")"
        elif r < 0.83:
            atom = "(?P<g%d>%s)" % (rnd.randint(0, 3), pattern(rnd, depth + 1))
        elif r < 0.87:
            opener = rnd.choice(["(?=", "(?!", "(?<=", "(?<!", "(?>"])
            atom = opener + pattern(rnd, depth + 1) + ")"
        elif r < 0.9:
            atom = "(" + pattern(rnd, depth + 1) + ")|" + pattern(rnd, depth + 1)
        else:
            atom = "(?i:" + pattern(rnd, depth + 1) + ")"
        if rnd.random() < 0.45:
            atom += rnd.choice(QUANTIFIERS)
        out.append(atom)
    text = "".join(out)
    for flag in ("(?i)", "(?m)", "(?s)"):
        if depth == 0 and rnd.random() < 0.1:
            text = flag + text
    return text


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gilt", default="build/release/gilt")
    ap.add_argument("--python", default="python3")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=2000)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    cases = [[pattern(rnd), rnd.choice(SUBJECTS)] for _ in range(args.count)]
    with tempfile.TemporaryDirectory() as tmp:
        case_file = os.path.join(tmp, "cases.json")
        runner = os.path.join(tmp, "runner.py")
        with open(case_file, "w", encoding="utf-8") as f:
            json.dump(cases, f)
        with open(runner, "w", encoding="utf-8") as f:
            f.write(RUNNER)
        outputs = [subprocess.run([exe, runner, case_file], capture_output=True, text=True).stdout
                   for exe in (args.python, args.gilt)]
    expected, got = (o.splitlines() for o in outputs)
    bad = [(e, g) for e, g in zip(expected, got) if e != g]
    if len(expected) != len(got):
        bad.append(("%d lines" % len(expected), "%d lines" % len(got)))
    for e, g in bad[:20]:
        print("python3:", e)
        print("gilt:   ", g)
    print("%d cases, %d disagreements" % (len(expected), len(bad)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
