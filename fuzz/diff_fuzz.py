#!/usr/bin/env python3
"""The differential fuzzer: small generated programs run by gilt and by
python3, and their outcomes compared.

Each batch is one script holding a few dozen cases. A case is source text
(an expression for eval, or statements for exec that leave `result`) built
from templates: operators over values of every builtin type, calls of the
builtins and of every public method with odd arguments (negative, huge and
index-sized numbers, wrong types), subscripts and slices, deep nesting (in
the source and in data), eval/exec with odd globals, locals and
__builtins__, compile() of bytes sources, formatting, unpacking, match,
classes and generators, and some of these again in a worker thread. The script runs every case in a fresh namespace and
prints one line per case: its id, then "ok" and the repr of the result
(sets sorted, addresses blanked), or "exc" and the exception's type.

Verdicts:
  crash (a signal, a sanitizer report) or hang (timeout) in gilt: FAILURE,
      unless python3 hangs on the same case too; the case is saved as a
      reproducer script under --out;
  a different exception type, or a different result: a difference, keyed
      by template and outcome ("method str.center gilt=ok python=TypeError").
      Keys listed in fuzz/diff_known.txt are expected; a NEW key fails the
      run (pass --update-known to add them after review).

The generator is seeded (--seed): the same seed and --batches give the same
programs. GILT_FUZZ_SECONDS=<s> runs batches until that much time has passed.
"""

import argparse
import os
import random
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fuzzlib  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
KNOWN_FILE = os.path.join(HERE, "diff_known.txt")

VALUES = [
    "0", "1", "-1", "7", "2**63", "-2**63-1", "2**64", "10**30", "-(10**30)", "2**31",
    "-2**31", "sys.maxsize", "-sys.maxsize-1", "0.0", "-0.0", "1.5", "1e308", "-1e-308",
    "float('inf')", "float('-inf')", "float('nan')", "1j", "complex(1, -2)", "True", "False",
    "None", "''", "'abc'", "'\\xe9\\u20ac\\U0001f600'", "'\\ud800'", "' 12 '", "'0x1f'",
    "'1_000'", "'a,b,,c'", "'a' * 40", "'{0}{x}'", "'%s%d'", "b''", "b'\\xff\\x00'", "b'abc'",
    "bytearray(b'xy')", "[]", "[1, 2, 3]", "[[]]", "['b', 'a']", "()", "(1, 'a')", "{}",
    "{'a': 1}", "{1: 2, 3: 4}", "{1, 2}", "set()", "frozenset([1])", "range(5)",
    "range(-3, 100, 7)", "slice(1, None, -1)", "int", "str", "object", "type", "len",
    "lambda *a, **k: a", "object()", "iter([1, 2])", "Ellipsis", "NotImplemented",
    "ValueError('x')", "sys.maxsize + 1", "{}.keys()", "{'a': 1}.items()",
    "memoryview(b'abcd')", "{'a': 1}.values()", "(x for x in [1])", "reversed([1, 2])",
    "enumerate('ab')", "zip([1], 'a')", "map(abs, [-1])", "property(len)", "super",
    "classmethod(len)", "staticmethod(len)", "KeyError('k', 2)", "OSError(2, 'no')",
    "StopIteration(5)", "b'\\x00' * 3", "'\\t\\n'", "'%(a)s {b!r:>{c}}'", "1.0e-5",
    "complex('nan')", "bytearray(3)", "[[1, 2], [3]]", "{'b': [1], 'a': (2,)}",
]
# Sizes that reach an allocation: each must give the result, MemoryError or
# OverflowError as in CPython, never a crash or a machine-filling success.
HUGE = ["2**31", "2**32", "2**40", "2**62", "2**63 - 1", "2**63", "2**64", "-1", "-2**63",
        "sys.maxsize", "sys.maxsize // 2", "sys.maxsize // 8 + 1", "10**20", "0", "3"]
SIZED = ["'x' * {n}", "[0] * {n}", "b'x' * {n}", "(0,) * {n}", "bytearray(b'x') * {n}",
         "bytes({n})", "bytearray({n})", "'a'.center({n})", "'a'.ljust({n}, '-')",
         "b'a'.rjust({n})", "'1'.zfill({n})", "'\\t'.expandtabs({n})", "(1).to_bytes({n}, 'big')",
         "format(1, '{n}d')", "'{{:{n}}}'.format(2)", "'%{n}d' % 3", "f'{{1:>{n}}}'",
         "' '.join(['ab'] * ({n} if {n} < 1000 else 1000))", "[1, 2] * {n}",
         "range({n})[-1]", "list(range({n}))[:2]", "'ab'.replace('a', 'x' * ({n} % 1000))",
         "bytes.fromhex('00' * ({n} % 100))", "int('1' * ({n} % 5000))",
         "str(10 ** ({n} % 5000))[:5]", "'abc'.split(maxsplit={n})", "bytearray(2).zfill({n})",
         "b'%*d' % ({n}, 1)", "[].__mul__({n})", "'a'.__rmul__({n})", "memoryview(b'ab') * 1",
         "__import__('array').array('b', [1]) * {n}", "__import__('struct').pack('{n}x')",
         "__import__('struct').calcsize('{n}s')", "__import__('json').dumps([1], indent={n})",
         "__import__('datetime').date(2000, 1, 1).strftime('%' * ({n} % 64))",
         "__import__('decimal').Decimal(10) ** {n}", "(2).__pow__({n}, 7)", "1 << {n}",
         "divmod(10**({n} % 400), 7)"]
SIZES = ["-1", "0", "1", "2", "-2**63", "2**63 - 1", "2**63", "2**31", "10**100",
         "sys.maxsize", "-sys.maxsize", "1 << 40", "0.5", "True", "'3'", "None"]
SMALL = ["0", "1", "2", "-1", "3", "0.5", "-2", "True", "1j"]
SHIFTS = ["0", "1", "63", "64", "-1", "1000", "2**63"]
BINOPS = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@", "==", "!=", "<",
          "<=", ">", ">=", "in", "not in", "is"]
BUILTINS = ["abs", "all", "any", "ascii", "bin", "bool", "bytearray", "bytes", "callable",
            "chr", "complex", "dict", "divmod", "enumerate", "filter", "float", "format",
            "frozenset", "getattr", "hasattr", "hash", "hex", "int", "isinstance", "issubclass",
            "iter", "len", "list", "map", "max", "min", "next", "oct", "ord", "pow", "range",
            "repr", "reversed", "round", "set", "slice", "sorted", "str", "sum", "tuple", "type",
            "zip", "vars", "setattr", "delattr", "divmod", "super", "property",
            "staticmethod", "classmethod", "dir", "iter", "aiter", "anext", "breakpoint_never"]
FORMAT_SPECS = ["", ">10", "^-09.3f", "x", ",", "_b", "2000000000000d", ".2147483648f", "%",
                "c", "n", "s", "z.1f", "#o", "=+#020_X", ".0e", "<<", "{}", "\\x00>5",
                "9999999999999999999", ".-1"]
NEST_KINDS = ["(", "[", "{", "-", "not ", "~", "lambda: ", "+", "f'{"]
BYTES_SOURCES = [
    "b'\\xef\\xbb\\xbfx = 1'", "b'# -*- coding: latin-1 -*-\\nx = \"\\xe9\"'",
    "b'# coding: bogus\\nx = 1'", "b'x = \"\\xff\"'", "b'\\x00'", "b'x = 1\\x00'",
    "b'# coding: utf-8\\n\\xff'", "b'\\xef\\xbb\\xbf# coding: latin-1\\n1'", "b'1 +'",
    "b'\\n' * 100 + b'1'", "b'if 1:\\n\\tx\\n        y'", "b'\\xfe\\xff'", "bytearray(b'1+1')",
    "b'lambda: (yield)'", "b'\\\\'",
]
COMPILE_MODES = ["'exec'", "'eval'", "'single'", "'bogus'", "b'exec'"]
ODD_GLOBALS = ["{}", "{'__builtins__': None}", "{'__builtins__': {}}", "{'__builtins__': 1}",
               "{'__builtins__': {'len': 5}}", "{'__builtins__': __import__('builtins')}", "[]",
               "None", "{'x': 1}", "type('D', (dict,), {})()",
               "type('D', (dict,), {'__missing__': lambda s, k: 7})()"]
ODD_LOCALS = ["None", "{}", "{'x': 2}", "[]", "1", "type('M', (), {'__getitem__': lambda s, k: 9})()",
              "{'__builtins__': None}"]
EVAL_SOURCES = ["'x'", "'len([1])'", "'__import__(\"sys\").maxsize > 0'", "'x + 1'",
                "'[x for _ in (1,)]'", "'(lambda: x)()'", "'print'", "'globals() is None'",
                "'1'", "b'1 + 1'", "''", "'\\x00'", "'yield 1'", "'await x'"]
EXEC_SOURCES = ["'y = x'", "'def f(): return x\\ny = f()'", "'import sys'", "'class C: y = x'",
                "'del x'", "'global x; x = 3'", "'nonlocal x'", "'return 1'", "b'z = 1'",
                "'raise KeyError(1)'", "'x: int = 1'"]

ATTR_NAMES = ["'__class__'", "'real'", "'__dict__'", "'start'", "'x'", "1", "'__len__'",
              "'__mro__'", "'__name__'", "'__qualname__'", "'__module__'", "'__doc__'"]


class Case:
    def __init__(self, key, mode, src):
        self.key, self.mode, self.src = key, mode, src


class Generator:
    def __init__(self, rng):
        self.rng = rng
        self.methods = {}

    def value(self):
        return self.rng.choice(VALUES)

    def arg(self):
        return self.rng.choice(SIZES if self.rng.random() < 0.4 else VALUES)

    def args(self, low=0, high=3):
        return ", ".join(self.arg() for _ in range(self.rng.randint(low, high)))

    def public_methods(self, value_src):
        if value_src not in self.methods:
            try:
                v = eval(value_src, {"sys": sys})
                names = sorted(n for n in dir(type(v)) if not n.startswith("_"))
                names += ["__getitem__", "__format__", "__mul__", "__contains__", "__reduce_ex__",
                          "__setitem__", "__len__", "__iter__", "__hash__", "__init__"]
            except Exception:
                names = []
            self.methods[value_src] = names
        return self.methods[value_src]

    def type_name(self, value_src):
        try:
            return type(eval(value_src, {"sys": sys})).__name__
        except Exception:
            return "?"

    # --- templates: each returns a Case ---

    def binop(self):
        op = self.rng.choice(BINOPS)
        left = self.value()
        right = self.rng.choice(SMALL if op == "**" else SHIFTS if op in ("<<", ">>") else VALUES)
        key = f"binop {self.type_name(left)} {op} {self.type_name(right)}"
        return Case(key, "eval", f"({left}) {op} ({right})")

    def unary(self):
        op = self.rng.choice(["-", "+", "~", "not "])
        v = self.value()
        return Case(f"unary {op.strip()}{self.type_name(v)}", "eval", f"{op}({v})")

    def builtin_call(self):
        name = self.rng.choice(BUILTINS)
        if name == "breakpoint_never":
            name = "print"
        args = self.args(0, 3)
        return Case(f"builtin {name}", "eval", f"{name}({args})")

    def method_call(self):
        v = self.value()
        names = self.public_methods(v)
        if not names:
            return self.binop()
        m = self.rng.choice(names)
        return Case(f"method {self.type_name(v)}.{m}", "eval", f"({v}).{m}({self.args(0, 3)})")

    def subscript(self):
        # A range too long to walk (sum() or `in` over it hangs CPython as
        # well) appears only where it is indexed, never iterated.
        v = self.value() if self.rng.random() < 0.9 else "range(-3, 10**20, 7)"
        forms = [f"({v})[{self.arg()}]", f"({v})[{self.arg()}:{self.arg()}]",
                 f"({v})[::{self.arg()}]", f"({v})[{self.arg()}, {self.arg()}]"]
        return Case(f"subscript {self.type_name(v)}", "eval", self.rng.choice(forms))

    def store_subscript(self):
        v = self.rng.choice(["[1, 2, 3]", "bytearray(b'abc')", "{}", "{'a': 1}", "'abc'", "()",
                             "list(range(10))"])
        target = self.rng.choice([f"x[{self.arg()}]", f"x[{self.arg()}:{self.arg()}]",
                                  f"x[::{self.arg()}]"])
        stmt = self.rng.choice([f"{target} = {self.value()}", f"del {target}",
                                f"{target} += {self.value()}"])
        return Case(f"store {v} {stmt.split()[0][:2]}", "exec", f"x = {v}\n{stmt}\nresult = x")

    def deep_source(self):
        kind = self.rng.choice(NEST_KINDS)
        n = self.rng.choice([10, 150, 199, 201, 1000, 5000, 100000])
        closing = {"(": ")", "[": "]", "{": "}", "f'{": "}'"}.get(kind, "")
        src = kind * n + "1" + closing * n
        return Case(f"deep-source {kind.strip()} {n}", "eval", f"eval({src!r})")

    def deep_data(self):
        n = self.rng.choice([100, 10000, 200000])
        build = self.rng.choice(["[x]", "(x,)", "{'k': x}", "{1: x}.values()", "[x, x]",
                                 "(lambda y: lambda: y)(x)", "ValueError(x)"])
        use = self.rng.choice(["repr(x)[:20]", "str(x)[:20]", "x == x", "hash(x)", "len(str(x))",
                               "__import__('copy').deepcopy(x) is x", "__import__('json').dumps(x)[:10]",
                               "len(__import__('pickle').dumps(x))", "x < x", "0",
                               "sorted([x, x])[0] is x", "x in [x]"])
        if build == "[x, x]" and use == "hash(x)":
            use = "x == x"  # hashing a shared structure is exponential in CPython too
        src = f"x = 1\nfor _ in range({n}):\n    x = {build}\nresult = {use}\ndel x"
        return Case(f"deep-data {build} {use.split('(')[0]}", "exec", src)

    def eval_globals(self):
        fn = self.rng.choice(["eval", "exec"])
        src = self.rng.choice(EVAL_SOURCES if fn == "eval" else EXEC_SOURCES)
        g = self.rng.choice(ODD_GLOBALS)
        if self.rng.random() < 0.5:
            call = f"{fn}({src}, {g}, {self.rng.choice(ODD_LOCALS)})"
        else:
            call = f"{fn}({src}, {g})"
        return Case(f"{fn} globals", "eval", call)

    def compile_bytes(self):
        src = self.rng.choice(BYTES_SOURCES)
        mode = self.rng.choice(COMPILE_MODES)
        extra = self.rng.choice(["", ", 0", ", 0x2000000", ", -1", ", 0, True", ", 0, 0, 2",
                                 ", 0, 0, 99"])
        use = self.rng.choice(["", ".co_name", ".co_consts[:3]"])
        return Case(f"compile {mode}", "eval", f"compile({src}, '<s>', {mode}{extra}){use}")

    def fstring(self):
        v = self.value()
        spec = self.rng.choice(FORMAT_SPECS)
        conv = self.rng.choice(["", "!r", "!s", "!a"])
        return Case(f"format {self.type_name(v)}", "eval", f"f'{{({v}){conv}:{spec}}}'")

    def percent(self):
        fmt = self.rng.choice(["'%s'", "'%d'", "'%5.2f'", "'%x %o'", "'%(a)s'", "'%c'", "'%*d'",
                               "'%.*f'", "b'%s'", "b'%d %b'", "'%'", "'%z'", "'%r %a'"])
        return Case(f"percent {fmt}", "eval", f"{fmt} % ({self.args(0, 3)},)")

    def unpack(self):
        v = self.value()
        form = self.rng.choice(["a, *b = V\nresult = (a, b)", "a, b = V\nresult = a",
                                "result = [*V]", "result = {**V}", "result = (*V, *V)",
                                "def f(*a, **k): return a, k\nresult = f(*V, **W)",
                                "result = dict(V)", "result = [x for x in V]",
                                "result = {x: 1 for x in V}"])
        return Case(f"unpack {form.split(chr(10))[0][:14]} {self.type_name(v)}", "exec",
                    form.replace("V", v).replace("W", self.value()))

    def statements(self):
        v, w = self.value(), self.value()
        forms = [
            ("with", f"with {v}:\n    pass"),
            ("raise", f"raise {v}"),
            ("raise-from", f"raise ValueError from {v}"),
            ("class-base", f"class C({v}): pass\nresult = C.__mro__"),
            ("class-kw", f"class C(metaclass={v}): pass\nresult = C"),
            ("except", f"try:\n    raise {v}\nexcept {w} as e:\n    result = type(e)"),
            ("yield-from", f"def g():\n    yield from {v}\nresult = list(g())"),
            ("for", f"result = []\nfor x in {v}:\n    result.append(x)\n    if len(result) > 5: break"),
            ("match", f"match {v}:\n    case [a, *b]: result = b\n    case {{'a': x}}: result = x\n"
                      f"    case int(x): result = x\n    case str() | bytes(): result = 's'\n"
                      f"    case _: result = 'other'"),
            ("augassign", f"x = {v}\nx {self.rng.choice(['+=', '*=', '|=', '-=', '//=', '@='])} {w}\n"
                          f"result = x"),
            ("assert", f"assert {v}, {w}"),
            ("del-name", "del undefined_name"),
            ("isinstance-tuple", f"result = isinstance({v}, ({w}, int))"),
            ("chain", f"result = {v} < {w} < {self.value()}"),
            ("sorted-mixed", f"result = sorted([{v}, {w}, {self.value()}])"),
            ("gen-close", f"def g():\n    try:\n        yield 1\n    finally:\n        yield {v}\n"
                          f"it = g()\nnext(it)\nit.close()"),
            ("getattr", f"result = getattr({v}, {self.rng.choice(ATTR_NAMES)})"),
        ]
        name, src = self.rng.choice(forms)
        return Case(f"stmt {name}", "exec", src)

    def in_thread(self):
        # The same work in a worker thread, whose C stack is smaller than
        # the main thread's: deep data and deep sources must still end in
        # an exception, never a crash.
        inner = self.rng.choice([self.deep_data, self.deep_source, self.statements,
                                 self.method_call, self.sized, self.nested_data])()
        if inner.mode == "eval":
            run = f"box.append(eval({inner.src!r}, g))"
        else:
            run = f"exec({inner.src!r}, g)\n        box.append(g.get('result'))"
        src = ("import threading\nbox = []\ndef work():\n    g = {'sys': sys}\n    try:\n"
               f"        {run}\n    except BaseException as e:\n"
               "        box.append(type(e).__name__ + ' raised')\n"
               "t = threading.Thread(target=work)\nt.start()\nt.join()\nresult = box[0]")
        return Case(f"thread {inner.key}", "exec", src)

    def sized(self):
        form = self.rng.choice(SIZED)
        n = self.rng.choice(HUGE)
        return Case(f"sized {form.replace('{n}', 'N').replace(' ', '')[:28]} {n}", "eval",
                    form.replace("{n}", n)
                    .replace("{{", "{").replace("}}", "}"))

    def nested_data(self):
        n = self.rng.choice([50, 1000, 100000])
        form = self.rng.choice([
            f"__import__('json').loads('[' * {n} + ']' * {n})",
            f"__import__('json').loads('{{\"a\":' * {n} + '1' + '}}' * {n})",
            f"__import__('pickle').loads(b'(' * {n} + b'l' * {n} + b'.')",
            f"eval('(' * {n} + ')' * {n})",
            f"__import__('copy').deepcopy(eval('[' * {n} + ']' * {n}))",
            f"repr(eval('[' * {n} + ']' * {n}))[:5]",
            f"__import__('re').compile('(' * {n} + ')' * {n})",
            f"__import__('ast').literal_eval('[' * {n} + ']' * {n})",
            f"len(str(__import__('functools').reduce(lambda a, b: [a], range({n}), 0)))",
        ])
        return Case(f"nested {form.split('(')[0][:30]} {n}", "eval", form)

    def case(self):
        templates = [(self.binop, 5), (self.unary, 1), (self.builtin_call, 6),
                     (self.method_call, 10), (self.subscript, 3), (self.store_subscript, 2),
                     (self.deep_source, 1), (self.deep_data, 1), (self.eval_globals, 2),
                     (self.compile_bytes, 2), (self.fstring, 2), (self.percent, 1),
                     (self.unpack, 2), (self.statements, 4), (self.in_thread, 2),
                     (self.sized, 4), (self.nested_data, 1)]
        funcs, weights = zip(*templates)
        return self.rng.choices(funcs, weights)[0]()


RUNNER = r'''import sys
def show(v):
    try:
        if isinstance(v, (set, frozenset)):
            return type(v).__name__ + repr(sorted(map(repr, v)))
        if hasattr(type(v), "__next__") and not isinstance(v, BaseException):
            items = []
            for _ in range(20):
                items.append(next(v))
            return "iterator " + repr(items)
        return repr(v)[:300]
    except StopIteration:
        return "iterator " + repr(items)
    except BaseException as e:
        return "repr raised " + type(e).__name__
for case_id, mode, src in CASES:
    g = {"__name__": "case", "sys": sys}
    try:
        if mode == "eval":
            r = eval(src, g)
        else:
            exec(src, g)
            r = g.get("result")
        line = "ok " + show(r)
    except BaseException as e:
        try:
            message = str(e)
        except BaseException:
            message = "<str() raised>"
        line = "exc " + type(e).__name__ + " " + ascii(message[:200])
    g = r = None
    print("@@%d %s" % (case_id, line), flush=True)
'''

ADDRESS = re.compile(r" at 0x[0-9a-f]+")
# What may legitimately differ inside an exception message: object addresses,
# and the ids of objects CPython prints in a few messages.
MESSAGE_NOISE = [(re.compile(r"0x[0-9a-f]{6,}"), "0x"), (re.compile(r"\bid=\d+"), "id=")]
LINE = re.compile(r"^@@(\d+) (ok|exc) ?(.*)$")


def script_for(cases, first_id):
    rows = ",\n".join(f"    ({first_id + i}, {c.mode!r}, {c.src!r})" for i, c in enumerate(cases))
    return f"CASES = [\n{rows},\n]\n" + RUNNER


def parse(stdout):
    results = {}
    for line in stdout.splitlines():
        m = LINE.match(line)
        if m:
            detail = ADDRESS.sub(" at 0x", m.group(3))
            if m.group(2) == "exc":
                for pattern, repl in MESSAGE_NOISE:
                    detail = pattern.sub(repl, detail)
            results[int(m.group(1))] = (m.group(2), detail)
    return results


def outcome_name(result):
    kind, detail = result
    return "ok" if kind == "ok" else detail.split(" ")[0]


def load_known(path):
    known = set()
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith("#"):
                    known.add(line)
    return known


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gilt", required=True)
    ap.add_argument("--python", default="python3")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--batches", type=int, default=20)
    ap.add_argument("--cases", type=int, default=40, help="cases per batch")
    ap.add_argument("--seconds", type=float, default=float(os.environ.get("GILT_FUZZ_SECONDS") or 0))
    ap.add_argument("--timeout", type=float, default=40,
                    help="seconds per batch for gilt (half of it for python3)")
    ap.add_argument("--out", default="diff_fuzz_out")
    ap.add_argument("--known", default=KNOWN_FILE)
    ap.add_argument("--update-known", action="store_true")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()

    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(args.seed)
    gen = Generator(rng)
    known = load_known(args.known)
    sanitized = fuzzlib.is_sanitized(args.gilt)
    gilt_limit = 0 if sanitized else fuzzlib.MEMORY_LIMIT
    failures, new_keys, seen_keys = [], {}, set()
    start = time.monotonic()
    n_cases = 0
    batch = 0
    while True:
        if args.seconds:
            if time.monotonic() - start >= args.seconds:
                break
        elif batch >= args.batches:
            break
        first_id = batch * args.cases
        cases = [gen.case() for _ in range(args.cases)]
        batch += 1
        path = os.path.join(args.out, "batch.py")
        with open(path, "w", encoding="utf-8") as f:
            f.write(script_for(cases, first_id))
        py = fuzzlib.run_script(args.python, path, args.timeout / 2)
        gi = fuzzlib.run_script(args.gilt, path, args.timeout, gilt_limit)
        py_res, gi_res = parse(py.stdout), parse(gi.stdout)
        n_cases += len(cases)
        if gi.status in ("crash", "hang"):
            bad = next((i for i in range(first_id, first_id + len(cases)) if i not in gi_res), None)
            if bad is not None and py.status == "hang" and bad not in py_res:
                fuzzlib.report(f"batch {batch}: case {bad} hangs in both; skipped")
            else:
                name = os.path.join(args.out, f"{gi.status}_seed{args.seed}_case{bad}.py")
                one = cases[bad - first_id] if bad is not None else None
                with open(name, "w", encoding="utf-8") as f:
                    f.write(script_for([one], bad) if one else script_for(cases, first_id))
                failures.append(f"{gi.status}: {name}")
                fuzzlib.report(f"FAILURE {gi.status} at case {bad}: {one.src if one else '?':.300}")
                fuzzlib.report(gi.stderr[-3000:])
        for i, c in enumerate(cases):
            cid = first_id + i
            if cid not in gi_res or cid not in py_res:
                continue
            g, p = gi_res[cid], py_res[cid]
            if g == p:
                continue
            gname, pname = outcome_name(g), outcome_name(p)
            if gname == pname:
                pname += "(other result)" if gname == "ok" else "(other message)"
            key = f"{c.key} gilt={gname} python={pname}"
            seen_keys.add(key)
            if args.verbose:
                fuzzlib.report(f"diff {key}\n    {c.src!r:.300}\n    gilt: {g!r:.200}\n"
                               f"    python: {p!r:.200}")
            if key not in known and key not in new_keys:
                new_keys[key] = (c.src, g, p)
    elapsed = time.monotonic() - start
    fuzzlib.report(f"diff_fuzz: {batch} batches, {n_cases} cases in {elapsed:.0f} s "
                   f"(seed {args.seed}); {len(failures)} crash/hang; {len(seen_keys)} kinds of "
                   f"difference, {len(new_keys)} new")
    for key, (src, g, p) in sorted(new_keys.items()):
        fuzzlib.report(f"NEW {key}\n    {src!r:.300}\n    gilt: {g!r:.200}\n    python: {p!r:.200}")
    if args.update_known and new_keys:
        with open(args.known, "a", encoding="utf-8") as f:
            for key in sorted(new_keys):
                f.write(key + "\n")
        fuzzlib.report(f"added {len(new_keys)} keys to {args.known}")
        new_keys = {}
    fuzzlib.fail_summary(failures, "diff_fuzz")
    if new_keys:
        sys.exit(1)


if __name__ == "__main__":
    main()
