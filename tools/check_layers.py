#!/usr/bin/env python3
"""Checks the include edges between gilt's layers.

Every source file under interp/, runtime/ and stdlib/ belongs to one layer,
named by its folder. A layer may include its own headers and those of the
layers it is allowed to use (LAYERS below, lowest first); the few edges that
break the rule are listed in EXCEPTIONS, each with the reason it exists.
Project headers are included by their path from the repository root
("runtime/list.hpp"), so the layer of every include is visible in the line.

    python3 tools/check_layers.py        # exit status 1 on a violation

A new include that breaks the rule fails the `layering` test; either move
the code to the layer it belongs to, or add the edge to EXCEPTIONS with its
reason. An exception that no longer occurs fails too, so the list stays true.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# layer: (folder, the layers it may include besides itself)
LAYERS = {
    "frontend": ("interp/frontend", set()),
    "runtime": ("runtime", set()),
    "compiler": ("interp/compiler", {"frontend", "runtime"}),
    "vm": ("interp/vm", {"compiler", "frontend", "runtime"}),
    "stdlib": ("stdlib", {"vm", "compiler", "frontend", "runtime"}),
    "host": ("interp/host", {"stdlib", "vm", "compiler", "frontend", "runtime"}),
}

# (including file, included header): why the edge goes the wrong way.
EXCEPTIONS = {
    ("runtime/generator.cpp", "interp/vm/eval.hpp"):
        "a generator owns a suspended frame and resumes it in the eval loop "
        "(CPython's genobject.c calls into ceval the same way)",
    ("runtime/generator.cpp", "interp/vm/frame.hpp"):
        "the generator object embeds the frame it suspends",
    ("runtime/generator.cpp", "interp/compiler/opcodes.hpp"):
        "gi_yieldfrom reads the instruction at the suspended frame's ip",
    ("runtime/function.cpp", "interp/vm/call.hpp"):
        "the function type's call slot is the VM's function_call",
    ("runtime/abstract.cpp", "interp/vm/call.hpp"):
        "call_method calls a Python function without a bound method "
        "through the VM's function_call_self",
}

INCLUDE_RE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')
SOURCE_SUFFIXES = {".cpp", ".hpp", ".inc", ".h"}


def layer_of(rel: str) -> str | None:
    # Longest folder first, so interp/vm wins over a shorter prefix.
    for name, (folder, _) in sorted(LAYERS.items(), key=lambda kv: -len(kv[1][0])):
        if rel.startswith(folder + "/"):
            return name
    return None


def sources():
    for name, (folder, _) in LAYERS.items():
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix in SOURCE_SUFFIXES and path.is_file():
                yield path.relative_to(ROOT).as_posix()


def check_file(rel: str, used: set, problems: list[str]) -> None:
    own = layer_of(rel)
    allowed = LAYERS[own][1] | {own}
    lines = (ROOT / rel).read_text(encoding="utf-8", errors="replace").splitlines()
    for lineno, line in enumerate(lines, 1):
        m = INCLUDE_RE.match(line)
        if not m:
            continue
        target = m.group(1)
        target_layer = layer_of(target)
        if target_layer is None:
            # Generated files and the public header have no layer folder.
            if "/" not in target and not target.endswith(".inc") and not target.startswith("gilt"):
                problems.append(f"{rel}:{lineno}: include \"{target}\" by its path from the root")
            continue
        if target_layer in allowed:
            continue
        if (rel, target) in EXCEPTIONS:
            used.add((rel, target))
            continue
        problems.append(f"{rel}:{lineno}: layer {own} may not include {target} (layer {target_layer})")


def main() -> int:
    problems: list[str] = []
    used: set = set()
    for rel in sources():
        check_file(rel, used, problems)
    for edge in sorted(set(EXCEPTIONS) - used):
        problems.append(f"stale exception in tools/check_layers.py: {edge[0]} -> {edge[1]}")
    for p in problems:
        print(p)
    print(f"check_layers: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
