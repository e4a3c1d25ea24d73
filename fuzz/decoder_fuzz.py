#!/usr/bin/env python3
"""The byte fuzzer of gilt's decoders of untrusted data.

Seeds are valid inputs made here with python3 (UTF-8 and Latin-1 text,
JSON documents, number literals, pickles of every protocol, Python
sources), mutated byte-wise (bit flips, interesting bytes, insertions,
deletions, duplicated and spliced chunks, truncation). Each batch is one
script that feeds every input to the decoders of its kind:

  codec   bytes.decode / str(b, ...) / bytearray.decode with utf-8, ascii
          and latin-1 under strict, ignore, replace, backslashreplace,
          surrogateescape and surrogatepass; a surrogateescape round trip
  json    json.loads of the bytes and of the text
  number  int() (bases 0, 10, 16, 36), float(), complex() of the text,
          int() and float() of the bytes
  pickle  pickle.loads and Unpickler(...).load() with a find_class that
          admits only harmless builtins
  source  compile() of the bytes, in exec and eval modes (whether it compiles;
          coding-declaration errors word for word)

A crash (signal, sanitizer report) or hang (timeout) in gilt fails the run
and leaves a reproducer under --out. Outcomes are also compared with
python3's: the decoded text or value for codecs and numbers, the result's
type otherwise, and the exception's type and message (the type alone for
pickles, whose messages name CPython's C internals, and for sources, see
verdict()). Any difference fails the run too, and all of them are saved
together as one script (differences_seed<N>.py) that runs under both.

--seed and --batches fix the inputs; GILT_FUZZ_SECONDS=<s> runs for that
long instead.
"""

import argparse
import ast
import json
import os
import pickle
import random
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fuzzlib  # noqa: E402


# Inputs whose difference from python3 is a known gap, with the reason; they
# are reported but do not fail the run.
KNOWN_DIFFERENCES = {
    b"\xef\xbb\xbeprint(1)": "gilt's lexer takes an unassigned code point (U+FEFE) as an "
                             "identifier character; CPython rejects it as non-printable",
}


def seeds():
    text = ["héllo wörld", "€uro \U0001f600 smile", "plain ascii", "\u0663\u0664 digits",
            "tab\tnew\nline\r\n", "", "\x00\x7f\x80\xff"]
    codec = [t.encode("utf-8") for t in text] + [t.encode("latin-1", "replace") for t in text]
    codec += [b"\xed\xa0\x80\xed\xb0\x80", b"\xf4\x90\x80\x80", b"\xc0\xaf", b"\xe0\x80\xaf",
              bytes(range(256))]
    objs = [None, True, 0, -1, 2**70, 1.5, -0.0, 1e308, "s\u00e9\U0001f600", "", [], [1, [2]],
            {"a": {"b": [1, 2.5, None]}}, {"": ""}, list(range(30))]
    docs = [json.dumps(o).encode() for o in objs]
    docs += [b'{"a": 1, "a": 2}', b'[1, 2,]', b'"\\ud800"', b'"\\ud83d\\ude00"', b'NaN',
             b'-Infinity', b'[' * 50 + b']' * 50, b'1e400', b'"\\u00"', b'\xef\xbb\xbf[1]',
             json.dumps("x").encode("utf-16"), b"123456789" * 600, b"[" * 100000]
    numbers = [b"0", b"-12", b"0x1f", b"0b101", b"0o17", b"1_000", b"1e308", b"1e-400",
               b"inf", b"-nan", b"Infinity", b" 12 ", b"1+2j", b"(1-2j)", b"-1.5e-3j",
               "\u0661\u0662".encode(), b"1__0", b"1e", b".5", b"5.", b"9" * 5000,
               b"0x" + b"f" * 40, b"1" * 4301, b"+", b"\x00", b"j", b"1.e5"]
    pickles = []
    for proto in range(6):
        for o in objs + [(1, 2), {1, 2}, frozenset(["a"]), b"\x00\xff", bytearray(b"ab"),
                         complex(1, 2), range(3), slice(1, 2)]:
            pickles.append(pickle.dumps(o, proto))
    sources = [b"x = 1\n", b"def f(a, *b, c=1, **d):\n    return (yield a)\n",
               b"# coding: latin-1\ns = '\xe9'\n", b"\xef\xbb\xbfprint(1)\n",
               b"class C:\n    def m(self): return [i for i in range(3) if i]\n",
               b"f'{x!r:>{w}}'\n", b"lambda: (yield)\n", b"async def f():\n    await x\n"]
    return {"codec": codec, "json": docs, "number": numbers, "pickle": pickles,
            "source": sources}


INTERESTING = [0, 0x7F, 0x80, 0xBF, 0xC0, 0xC2, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF8, 0xFF,
               ord("\\"), ord('"'), ord("["), ord("{"), ord("."), ord("e"), ord("-"), ord("_"),
               ord("("), ord("j"), ord("\n")]


def mutate(rng, data, pool):
    b = bytearray(data)
    for _ in range(rng.randint(1, 5)):
        op = rng.randrange(9)
        pos = rng.randrange(len(b) + 1)
        if op == 0 and b:
            b[rng.randrange(len(b))] ^= 1 << rng.randrange(8)
        elif op == 1 and b:
            b[rng.randrange(len(b))] = rng.choice(INTERESTING)
        elif op == 2:
            b[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 4)))
        elif op == 3 and b:
            del b[pos:pos + rng.randint(1, 8)]
        elif op == 4 and b:
            chunk = b[pos:pos + rng.randint(1, 16)]
            b[pos:pos] = chunk * rng.randint(1, 50)
        elif op == 5:
            other = rng.choice(pool)
            start = rng.randrange(len(other) + 1)
            b[pos:pos] = other[start:start + rng.randint(1, 32)]
        elif op == 6:
            del b[pos:]
        elif op == 7 and b:
            b[rng.randrange(len(b))] = rng.randrange(256)
        else:
            b[pos:pos] = bytes([rng.choice(INTERESTING)])
    return bytes(b[:200000])


RUNNER = r'''import json, pickle, io, sys

CODECS = ["utf-8", "ascii", "latin-1"]
HANDLERS = ["strict", "ignore", "replace", "backslashreplace", "surrogateescape", "surrogatepass"]
SAFE = {("builtins", n) for n in ("list", "dict", "set", "frozenset", "tuple", "complex",
        "slice", "range", "bytearray", "int", "float", "str", "bytes", "object")}
SAFE |= {("__builtin__", n) for n in ("list", "set", "frozenset", "complex", "slice", "xrange",
         "bytearray", "object")}
SAFE |= {("copy_reg", "_reconstructor"), ("copyreg", "_reconstructor"), ("_codecs", "encode")}

class SafeUnpickler(pickle.Unpickler):
    def find_class(self, module, name):
        if (module, name) in SAFE:
            return super().find_class(module, name)
        raise pickle.UnpicklingError("forbidden %s.%s" % (module, name))

def outcome(f, *args, detail=False, message=True):
    try:
        r = f(*args)
    except Exception as e:
        if not message:
            return "E:" + type(e).__name__
        return "E:%s: %s" % (type(e).__name__, str(e)[:160])
    if detail:
        return ascii(r)[:80]
    return type(r).__name__

def codec(data):
    out = []
    for c in CODECS:
        for h in HANDLERS:
            out.append(outcome(data.decode, c, h, detail=True))
        out.append(outcome(lambda: str(data, c, "replace"), detail=True))
        out.append(outcome(lambda: bytearray(data).decode(c, "backslashreplace"), detail=True))
    text = data.decode("utf-8", "surrogateescape")
    out.append(outcome(lambda: text.encode("utf-8", "surrogateescape") == data, detail=True))
    out.append(outcome(lambda: len(text.encode("utf-8", "surrogatepass")), detail=True))
    return out

def number(data):
    text = data.decode("utf-8", "replace")
    out = [outcome(int, text, b, detail=True) for b in (0, 10, 16, 36)]
    for f in (float, complex):
        out.append(outcome(f, text, detail=True))
    out.append(outcome(int, data, detail=True))
    out.append(outcome(float, data, detail=True))
    return out

def jsonk(data):
    return [outcome(json.loads, data), outcome(json.loads, data.decode("latin-1"))]

def pick(data):
    return [outcome(lambda: SafeUnpickler(io.BytesIO(data)).load(), message=False),
            outcome(lambda: pickle.loads(data, fix_imports=False) if data.find(b"c") < 0 and data.find(b"\x93") < 0 else None, message=False)]

def verdict(data, mode):
    # Whether the source compiles, not the parser's wording: gilt's parser
    # is not CPython's and names other syntax errors ("invalid syntax" for
    # "unmatched ')'"), and CPython reports undecodable bytes as
    # UnicodeDecodeError or SyntaxError depending on the token its parser
    # stops at. A coding declaration's errors are compared word for word.
    try:
        compile(data, "<fuzz>", mode)
        return "code"
    except (SyntaxError, UnicodeDecodeError) as e:
        text = str(e)
        if "encoding" in text and "codec can't" not in text:
            return "E:SyntaxError: " + text[:160]
        return "E:SyntaxError"
    except Exception as e:
        return "E:" + type(e).__name__

def source(data):
    return [verdict(data, "exec"), verdict(data, "eval")]

KINDS = {"codec": codec, "number": number, "json": jsonk, "pickle": pick, "source": source}
for case_id, kind, data in CASES:
    print("@@%d %s" % (case_id, ascii(KINDS[kind](data))), flush=True)
'''


def script_for(cases, first_id):
    rows = ",\n".join(f"    ({first_id + i}, {k!r}, {d!r})" for i, (k, d) in enumerate(cases))
    return f"CASES = [\n{rows},\n]\n" + RUNNER


def parse(stdout):
    results = {}
    for line in stdout.splitlines():
        if line.startswith("@@"):
            head, _, rest = line[2:].partition(" ")
            if head.isdigit():
                try:
                    results[int(head)] = ast.literal_eval(rest)
                except (ValueError, SyntaxError):
                    results[int(head)] = [rest]
    return results


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gilt", required=True)
    ap.add_argument("--python", default="python3")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--batches", type=int, default=10)
    ap.add_argument("--cases", type=int, default=60)
    ap.add_argument("--seconds", type=float, default=float(os.environ.get("GILT_FUZZ_SECONDS") or 0))
    ap.add_argument("--timeout", type=float, default=40,
                    help="seconds per batch for gilt (half of it for python3)")
    ap.add_argument("--out", default="decoder_fuzz_out")
    ap.add_argument("--show", type=int, default=10, help="differences to print")
    args = ap.parse_args()

    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(args.seed)
    pools = seeds()
    kinds = sorted(pools)
    gilt_limit = 0 if fuzzlib.is_sanitized(args.gilt) else fuzzlib.MEMORY_LIMIT
    failures, differences = [], []
    start = time.monotonic()
    batch = n_cases = 0
    while True:
        if args.seconds:
            if time.monotonic() - start >= args.seconds:
                break
        elif batch >= args.batches:
            break
        first_id = batch * args.cases
        cases = []
        for _ in range(args.cases):
            kind = rng.choice(kinds)
            pool = pools[kind]
            data = rng.choice(pool)
            if rng.random() < 0.9:
                data = mutate(rng, data, pool)
            cases.append((kind, data))
        batch += 1
        n_cases += len(cases)
        path = os.path.join(args.out, "batch.py")
        with open(path, "w", encoding="utf-8") as f:
            f.write(script_for(cases, first_id))
        py = fuzzlib.run_script(args.python, path, args.timeout / 2)
        gi = fuzzlib.run_script(args.gilt, path, args.timeout, gilt_limit)
        py_res, gi_res = parse(py.stdout), parse(gi.stdout)
        if gi.status in ("crash", "hang") or (gi.status == "ok" and gi.returncode != 0):
            bad = next((i for i in range(first_id, first_id + len(cases)) if i not in gi_res), None)
            if bad is not None and py.status == "hang" and bad not in py_res:
                fuzzlib.report(f"batch {batch}: case {bad} hangs in both; skipped")
            elif gi.status == "ok" and gi.returncode == py.returncode:
                pass
            else:
                one = [cases[bad - first_id]] if bad is not None else cases
                name = os.path.join(args.out, f"{gi.status}_seed{args.seed}_case{bad}.py")
                with open(name, "w", encoding="utf-8") as f:
                    f.write(script_for(one, bad if bad is not None else first_id))
                failures.append(f"{gi.status}: {name}")
                fuzzlib.report(f"FAILURE {gi.status} (exit {gi.returncode}) at case {bad}, "
                               f"kind {one[0][0]}")
                fuzzlib.report(gi.stderr[-3000:])
        for i, (kind, data) in enumerate(cases):
            cid = first_id + i
            if cid in gi_res and cid in py_res and gi_res[cid] != py_res[cid]:
                if data in KNOWN_DIFFERENCES:
                    fuzzlib.report(f"known difference {data!r}: {KNOWN_DIFFERENCES[data]}")
                    continue
                differences.append((kind, data, gi_res[cid], py_res[cid]))
    elapsed = time.monotonic() - start
    fuzzlib.report(f"decoder_fuzz: {batch} batches, {n_cases} inputs in {elapsed:.0f} s "
                   f"(seed {args.seed}); {len(failures)} crash/hang; {len(differences)} inputs "
                   f"decoded differently from python3")
    for kind, data, g, p in differences[:args.show]:
        where = [(j, a, b) for j, (a, b) in enumerate(zip(g, p)) if a != b][:3]
        fuzzlib.report(f"  {kind} {data[:80]!r}:\n" + "\n".join(
            f"    #{j} gilt={a}\n       python={b}" for j, a, b in where))
    if differences:
        name = os.path.join(args.out, f"differences_seed{args.seed}.py")
        with open(name, "w", encoding="utf-8") as f:
            f.write(script_for([(k, d) for k, d, _, _ in differences], 0))
        failures.append(f"{len(differences)} difference(s) from python3: {name}")
    fuzzlib.fail_summary(failures, "decoder_fuzz")


if __name__ == "__main__":
    main()
