#!/usr/bin/env python3
"""Checks that gilt's Python-written modules are written here.

gilt's behaviour follows CPython's, but its code is its own: no module under
stdlib/lib may follow the module of the same name in the python3 standard
library line for line. For each module under stdlib/lib (NAME.py is NAME,
PKG/__init__.py is PKG, PKG/SUB.py is PKG.SUB, at any depth) this finds
python3's module of that dotted name, compares the two as sequences of code
lines (stripped, with blank and comment lines dropped), and fails when they
share a run of RUN_LIMIT or more consecutive identical lines. It also prints the share of
gilt's lines that appear in CPython's file in the same order, the measure of
a translation that renamed things but kept the structure.

    python3 tools/check_provenance.py [DIR]     # default stdlib/lib
"""
from __future__ import annotations

import difflib
import importlib.util
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUN_LIMIT = 8


def code_lines(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8", errors="replace")
    stripped = (line.strip() for line in text.splitlines())
    return [line for line in stripped if line and not line.startswith("#")]


def cpython_file(module: str) -> Path | None:
    """python3's source of `module`, or None when it has none (C modules)."""
    lib = Path(sysconfig.get_paths()["stdlib"])
    rel = Path(*module.split("."))
    for candidate in (lib / rel.with_suffix(".py"), lib / rel / "__init__.py"):
        if candidate.is_file():
            return candidate
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        return None
    origin = spec.origin if spec else None
    return Path(origin) if origin and origin.endswith(".py") else None


def module_name(path: Path, base: Path) -> str:
    parts = list(path.relative_to(base).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def compare(ours: Path, theirs: Path) -> tuple[int, int, float]:
    """(code lines, longest identical run, share of lines in CPython's order)."""
    a, b = code_lines(ours), code_lines(theirs)
    blocks = difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    longest = max((blk.size for blk in blocks), default=0)
    in_order = sum(blk.size for blk in blocks) / len(a) if a else 0.0
    return len(a), longest, in_order


def main() -> int:
    base = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "stdlib" / "lib"
    failures = 0
    print(f"{'module':28} {'lines':>6} {'in order':>9} {'longest run':>12}")
    for path in sorted(base.rglob("*.py")):
        name = module_name(path, base)
        reference = cpython_file(name)
        if reference is None:
            continue
        lines, longest, in_order = compare(path, reference)
        flag = ""
        if longest >= RUN_LIMIT:
            failures += 1
            flag = f"  <- {longest} lines in a row as in CPython's {name}"
        print(f"{name:28} {lines:6d} {in_order:9.0%} {longest:12d}{flag}")
    print(f"check_provenance: {failures} module(s) with a run of {RUN_LIMIT}+ lines identical to CPython's")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
