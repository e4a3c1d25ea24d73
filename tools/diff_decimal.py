#!/usr/bin/env python3
"""Differential check of gilt's decimal against python3's (libmpdec).

python3 draws the cases (operands, operation, context) from a seed and
writes them to a file, one JSON list a line; then gilt and python3 each run
this same file in --run mode over those cases and print one line per case:
the result's repr (or the exception's type) and the context flags raised.
Any line that differs is a finding. The operands lean on the places where
gilt changes representation or rounds: coefficients of 37 to 40 digits
(gilt keeps up to 38 in a machine word and longer ones as digit strings),
runs of nines that carry, half-way digits, negative zero, exponents at
Emin, Etiny and Emax, clamping, NaN payloads, and contexts whose precision
sits on either side of that boundary.

    tools/diff_decimal.py                        # 24,000 cases, seed 1
    tools/diff_decimal.py --cases 5000 --seed 7 --gilt build/debug/gilt
"""

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

ROUNDINGS = ["ROUND_DOWN", "ROUND_HALF_UP", "ROUND_HALF_EVEN", "ROUND_CEILING",
             "ROUND_FLOOR", "ROUND_UP", "ROUND_HALF_DOWN", "ROUND_05UP"]
PRECS = [1, 2, 3, 5, 9, 18, 19, 20, 27, 28, 36, 37, 38, 39, 40, 41, 50, 76, 77]
BINARY = ["add", "sub", "mul", "truediv", "floordiv", "mod", "divmod", "compare",
          "compare_total", "lt", "eq", "quantize", "max", "min", "remainder_near",
          "copy_sign", "scaleb", "pow_int", "fma", "next_toward"]
UNARY = ["str", "repr", "eng", "tuple", "hash", "int", "float", "plus", "minus", "abs",
         "sqrt", "normalize", "to_integral", "next_plus", "next_minus", "logb",
         "create", "exp", "ln", "log10", "round2"]


def coefficient(rng):
    n = rng.choice([1, 2, 3, 5, 9, 18, 19, 20, 27, 28, 29, 36, 37, 38, 38, 39, 39, 40, 41,
                    57, 76, 77, 78, rng.randrange(1, 80)])
    shape = rng.randrange(8)
    if shape == 0:
        return "9" * n                                  # carries on rounding up
    if shape == 1:
        return "1" + "0" * (n - 1)                      # a power of ten
    if shape == 2:
        return str(rng.randrange(1, 10)) + "0" * (n - 2) + "5" if n > 1 else "5"  # half-way
    if shape == 3:
        return "0"
    digits = str(rng.randrange(10 ** (n - 1), 10 ** n))
    if shape == 4 and n > 2:                            # a 5 then zeros, below a digit
        cut = rng.randrange(1, n)
        digits = digits[:cut] + "5" + "0" * (n - cut - 1)
    return digits


def operand(rng, ctx):
    kind = rng.randrange(20)
    sign = rng.choice(["", "-"])
    if kind == 0:
        return sign + rng.choice(["Inf", "NaN", "sNaN", "NaN" + coefficient(rng)[:40],
                                  "sNaN" + str(rng.randrange(1, 10 ** 40))])
    c = coefficient(rng)
    prec, emin, emax = ctx[0], ctx[2], ctx[3]
    where = rng.randrange(6)
    if where == 0:      # near Emax
        exp = emax - len(c) + 1 + rng.randrange(-3, 3)
    elif where == 1:    # near Emin and Etiny
        exp = rng.choice([emin, emin - prec + 1, emin - len(c)]) + rng.randrange(-3, 3)
    else:
        exp = rng.randrange(-45, 45)
    return f"{sign}{c}E{exp}"


def context(rng):
    prec = rng.choice(PRECS)
    emax = rng.choice([999999, 999999, 99, 40, 9 + prec])
    emin = rng.choice([-emax, -emax, -99, -9])
    return [prec, rng.choice(ROUNDINGS), emin, emax, rng.randrange(2) if rng.randrange(4) == 0 else 0,
            rng.randrange(10) == 0]


def make_cases(seed, count):
    rng = random.Random(seed)
    cases = []
    for _ in range(count):
        ctx = context(rng)
        if rng.randrange(3) == 0:
            op = rng.choice(UNARY)
            args = [operand(rng, ctx)]
        else:
            op = rng.choice(BINARY)
            args = [operand(rng, ctx), operand(rng, ctx)]
            if op == "fma":
                args.append(operand(rng, ctx))
            if op == "pow_int":
                args[1] = str(rng.randrange(-12, 13))
            if op == "scaleb":
                args[1] = str(rng.randrange(-60, 60))
        if op in ("exp", "ln", "log10") and ctx[0] > 40:
            ctx[0] = 40     # keep the slow transcendental cases cheap in both
        cases.append([op, args, ctx])
    return cases


def run_cases(path):
    import decimal
    from decimal import Decimal, Context

    def apply(op, d, c):
        a = d[0]
        b = d[1] if len(d) > 1 else None
        binary = {
            "add": lambda: c.add(a, b), "sub": lambda: c.subtract(a, b),
            "mul": lambda: c.multiply(a, b), "truediv": lambda: c.divide(a, b),
            "floordiv": lambda: c.divide_int(a, b), "mod": lambda: c.remainder(a, b),
            "divmod": lambda: c.divmod(a, b), "compare": lambda: c.compare(a, b),
            "compare_total": lambda: a.compare_total(b), "lt": lambda: a < b,
            "eq": lambda: a == b, "quantize": lambda: c.quantize(a, b),
            "max": lambda: c.max(a, b), "min": lambda: c.min(a, b),
            "remainder_near": lambda: c.remainder_near(a, b),
            "copy_sign": lambda: a.copy_sign(b), "scaleb": lambda: c.scaleb(a, b),
            "pow_int": lambda: c.power(a, b), "fma": lambda: c.fma(a, b, d[2] if len(d) > 2 else b),
            "next_toward": lambda: c.next_toward(a, b),
        }
        unary = {
            "str": lambda: str(a), "repr": lambda: repr(a), "eng": lambda: a.to_eng_string(),
            "tuple": lambda: tuple(a.as_tuple()), "hash": lambda: "by id" if a.is_qnan() else hash(a), "int": lambda: int(a) if not a.is_finite() or a.adjusted() < 300 else "huge",
            # (libmpdec turns a million-digit Decimal into an int in quadratic time)
            "float": lambda: repr(float(a)), "plus": lambda: c.plus(a), "minus": lambda: c.minus(a),
            "abs": lambda: c.abs(a), "sqrt": lambda: c.sqrt(a), "normalize": lambda: c.normalize(a),
            "to_integral": lambda: c.to_integral_value(a), "next_plus": lambda: c.next_plus(a),
            "next_minus": lambda: c.next_minus(a), "logb": lambda: c.logb(a),
            "create": lambda: c.create_decimal(str(a)), "exp": lambda: c.exp(a),
            "ln": lambda: c.ln(a), "log10": lambda: c.log10(a), "round2": lambda: round(a, 2),
        }
        return (binary.get(op) or unary[op])()

    with open(path) as f:
        for n, line in enumerate(f):
            op, args, (prec, rounding, emin, emax, clamp, trapping) = json.loads(line)
            c = Context(prec=prec, rounding=getattr(decimal, rounding), Emin=emin, Emax=emax,
                        clamp=clamp, traps=[] if not trapping else None)
            c.clear_flags()
            try:
                operands = [Decimal(s) for s in args]
                result = repr(apply(op, operands, c))
            except Exception as e:
                result = type(e).__name__
            flags = sorted(s.__name__ for s, v in c.flags.items() if v)
            print(n, result, " ".join(flags))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gilt", default=os.path.join(os.path.dirname(__file__), "..",
                                                       "build/release/gilt"))
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--cases", type=int, default=24000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--run", metavar="FILE", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        run_cases(args.run)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "cases.jsonl")
        with open(path, "w") as f:
            for case in make_cases(args.seed, args.cases):
                f.write(json.dumps(case) + "\n")
        outputs = []
        for exe in (args.gilt, args.python):
            p = subprocess.run([exe, os.path.abspath(__file__), "--run", path],
                               capture_output=True, text=True, timeout=1800)
            if p.returncode != 0:
                print(f"{exe} failed ({p.returncode}):\n{p.stderr[-2000:]}")
                return 1
            outputs.append(p.stdout.splitlines())
        with open(path) as f:
            cases = f.read().splitlines()
    gilt_lines, py_lines = outputs
    diffs = [i for i in range(max(len(gilt_lines), len(py_lines)))
             if i >= len(gilt_lines) or i >= len(py_lines) or gilt_lines[i] != py_lines[i]]
    for i in diffs[:20]:
        print("case   ", cases[i] if i < len(cases) else "?")
        print("gilt   ", gilt_lines[i] if i < len(gilt_lines) else "(missing)")
        print("python3", py_lines[i] if i < len(py_lines) else "(missing)")
    print(f"{args.cases} cases (seed {args.seed}): {len(diffs)} differences")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
