#!/usr/bin/env python3
"""Regenerates the parser test expectations from python3 (3.11).

valid.txt and errors.txt hold source snippets separated by lines that read
exactly "# ---". A snippet may start with "# mode: eval" or "# mode: single"
to be parsed in that compile() mode instead of "exec".

Writes valid.expected (the ast.dump of each snippet) and errors.expected (the
exception type, message, line and offset of each snippet). Both are
length-prefixed records that the C++ test reads back:
    mode <exec|eval|single>
    source <byte count>
    <source bytes>
    expect <byte count>
    <expected bytes>
Run it from anywhere after editing the snippet files.
"""
import ast
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# Snippets that cannot be written comfortably in a text file.
EXTRA_ERRORS = [
    "x = 1\x01\n",
    "if x:\n\tif y:\n        pass\n",
    "(" * 201 + ")" * 201 + "\n",
    "if x:\n" + "".join(" " * i + "if x:\n" for i in range(1, 101)) + " " * 101 + "pass\n",
]


def snippets(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        text = f.read()
    for chunk in text.split("# ---\n"):
        mode = "exec"
        for m in ("eval", "single"):
            if chunk.startswith(f"# mode: {m}\n"):
                mode = m
                chunk = chunk[len(f"# mode: {m}\n"):]
        yield mode, chunk


def record(out, mode, source, expected):
    src = source.encode("utf-8")
    exp = expected.encode("utf-8")
    out.write(b"mode %s\nsource %d\n" % (mode.encode(), len(src)))
    out.write(src + b"\n")
    out.write(b"expect %d\n" % len(exp))
    out.write(exp + b"\n")


def main():
    if sys.version_info[:2] != (3, 11):
        print("warning: expectations are meant to come from Python 3.11", file=sys.stderr)
    ok = True
    with open(os.path.join(HERE, "valid.expected"), "wb") as out:
        n = 0
        for mode, src in snippets("valid.txt"):
            try:
                tree = ast.parse(src, mode=mode)
                compile(src, "<case>", mode)
            except SyntaxError as e:
                print(f"valid.txt: snippet does not compile: {src!r}: {e}", file=sys.stderr)
                ok = False
                continue
            record(out, mode, src, ast.dump(tree))
            n += 1
        print(f"valid.expected: {n} cases")
    with open(os.path.join(HERE, "errors.expected"), "wb") as out:
        n = 0
        cases = list(snippets("errors.txt")) + [("exec", s) for s in EXTRA_ERRORS]
        for mode, src in cases:
            try:
                compile(src, "<case>", mode)
            except SyntaxError as e:
                expected = f"{type(e).__name__}|{e.msg}|{e.lineno}|{e.offset}"
                record(out, mode, src, expected)
                n += 1
                continue
            print(f"errors.txt: snippet compiles: {src!r}", file=sys.stderr)
            ok = False
        print(f"errors.expected: {n} cases")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
