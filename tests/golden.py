#!/usr/bin/env python3
"""Golden script tests: run tests/scripts/<area>/NNN_name.py and compare.

Every script has its expected results beside it, produced by CPython:

    NNN_name.out    stdout (always present)
    NNN_name.err    stderr (only when non-empty)
    NNN_name.code   exit status (only when non-zero)

Both CPython and gilt run with the script's directory as cwd, as
`<interp> NNN_name.py`, stdin from /dev/null, and the environment variables
PYTHONHASHSEED=0, PYTHONIOENCODING=utf-8, PYTHONDONTWRITEBYTECODE=1. Before
comparing or storing, output is normalised:

  * the absolute path of the script's directory becomes `<dir>`, so no
    machine path is checked in;
  * in stderr, the `^^^^`/`~~~~` marker lines CPython 3.11 prints under the
    source line of a traceback frame are dropped (gilt need not draw them),
    also behind the `| ` margin of an exception group's members.
    SyntaxError carets (under a `File "...", line N` header without `, in`)
    are kept.

Commands:
    regen [paths...]                    write expectations with python3
    check --gilt PATH [--area A] [paths...]
                                        run gilt and compare
    cpython [paths...]                  fail if python3 no longer produces the
                                        checked-in expectations

Paths may be scripts or directories; the default is every script.
tests/scripts/xfail.txt lists scripts expected to fail under gilt.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import difflib
import os
import re
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent / "scripts"
XFAIL_FILE = ROOT / "xfail.txt"
SCRIPT_RE = re.compile(r"^[0-9]{3}_.*\.py$")
TIMEOUT_S = 60
# Exit status meaning "skipped" to ctest (SKIP_RETURN_CODE in tests/CMakeLists.txt).
EXIT_SKIPPED = 77
EXPECTED_PYTHON = (3, 11)
MAX_DIFF_LINES = 200

CARET_RE = re.compile(r"^[ \t]*(?:\| )?[ \t]*[\^~][ \t\^~]*$")
# AddressSanitizer's note when it refuses a huge allocation (the asan preset
# lets malloc return null, which gilt turns into MemoryError): a property of
# the sanitizer build, not output of the script.
ASAN_ALLOC_RE = re.compile(r"^==\d+==WARNING: (Address|Thread)Sanitizer failed to allocate 0x[0-9a-f]+ bytes$")
FRAME_RE = re.compile(r'^\s*(?:\| )?\s*File ".*", line \d+, in ')


@dataclass
class Result:
    stdout: str
    stderr: str
    code: str  # "0", "1", ..., "signal 11", "timeout"


@dataclass
class Expected:
    stdout: str | None
    stderr: str
    code: str


# --- discovery ----------------------------------------------------------------


def is_script(path: Path) -> bool:
    return path.is_file() and SCRIPT_RE.match(path.name) is not None and path.parent.parent == ROOT


def all_scripts() -> list[Path]:
    return sorted(p for p in ROOT.glob("*/*.py") if is_script(p))


def select_scripts(paths: list[str], area: str | None) -> list[Path]:
    if not paths:
        scripts = all_scripts()
    else:
        scripts = []
        for raw in paths:
            p = Path(raw).resolve()
            if p.is_dir():
                scripts.extend(s for s in all_scripts() if p == s.parent or p in s.parents)
            elif is_script(p):
                scripts.append(p)
            else:
                sys.exit(f"golden: not a golden script or directory: {raw}")
    if area is not None:
        scripts = [s for s in scripts if s.parent.name == area]
        if not scripts:
            sys.exit(f"golden: no scripts in area '{area}'")
    return sorted(set(scripts))


def rel(script: Path) -> str:
    return script.relative_to(ROOT).as_posix()


def read_xfail() -> set[str]:
    if not XFAIL_FILE.exists():
        return set()
    names = set()
    for line in XFAIL_FILE.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            names.add(line)
    return names


# --- running ------------------------------------------------------------------


def child_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8", PYTHONDONTWRITEBYTECODE="1")
    return env


def normalise_stderr(text: str) -> str:
    lines = text.splitlines(keepends=True)
    kept = []
    for i, line in enumerate(lines):
        if CARET_RE.match(line.rstrip("\n")) and i >= 2 and FRAME_RE.match(lines[i - 2]):
            continue
        if ASAN_ALLOC_RE.match(line.rstrip("\n")):
            continue
        kept.append(line)
    return "".join(kept)


def normalise_paths(text: str, directory: Path) -> str:
    for d in sorted({str(directory), os.path.realpath(directory)}, key=len, reverse=True):
        text = text.replace(d, "<dir>")
    return text


def run(interp: list[str], script: Path) -> Result:
    proc = subprocess.Popen(
        [*interp, script.name],
        cwd=script.parent,
        env=child_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, killed whole on timeout
    )
    try:
        out, err = proc.communicate(timeout=TIMEOUT_S)
        code = str(proc.returncode) if proc.returncode >= 0 else f"signal {-proc.returncode}"
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        code = "timeout"
    else:
        # Children the script left behind must not outlive the test.
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    decode = lambda b: b.decode("utf-8", errors="backslashreplace")
    stdout = normalise_paths(decode(out), script.parent)
    stderr = normalise_stderr(normalise_paths(decode(err), script.parent))
    return Result(stdout, stderr, code)


def load_expected(script: Path) -> Expected:
    def read(suffix: str) -> str | None:
        p = script.with_suffix(suffix)
        return p.read_text(encoding="utf-8") if p.exists() else None

    code = read(".code")
    return Expected(read(".out"), read(".err") or "", code.strip() if code else "0")


def write_expected(script: Path, result: Result) -> None:
    def put(suffix: str, text: str | None) -> None:
        p = script.with_suffix(suffix)
        if text:
            with open(p, "w", encoding="utf-8", newline="") as f:
                f.write(text)
        elif p.exists():
            p.unlink()

    with open(script.with_suffix(".out"), "w", encoding="utf-8", newline="") as f:
        f.write(result.stdout)
    put(".err", result.stderr)
    put(".code", result.code + "\n" if result.code != "0" else None)


def diff(expected: Expected, actual: Result, name: str) -> str:
    """Unified diffs of every stream that differs, or "" if all agree."""
    parts = []
    pairs = [
        ("stdout", expected.stdout or "", actual.stdout),
        ("stderr", expected.stderr, actual.stderr),
        ("exit status", expected.code + "\n", actual.code + "\n"),
    ]
    for what, exp, act in pairs:
        if exp == act:
            continue
        lines = list(
            difflib.unified_diff(
                exp.splitlines(keepends=True),
                act.splitlines(keepends=True),
                fromfile=f"{name} {what} (expected)",
                tofile=f"{name} {what} (actual)",
            )
        )
        if len(lines) > MAX_DIFF_LINES:
            lines = lines[:MAX_DIFF_LINES] + [f"... ({len(lines) - MAX_DIFF_LINES} more diff lines)\n"]
        parts.append("".join(l if l.endswith("\n") else l + "\n\\ No newline at end of file\n" for l in lines))
    return "".join(parts)


def parallel(fn, items, jobs):
    """Yield fn(item) results in the order of items, computed on `jobs` threads."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(fn, items)


def python_version(python: str) -> tuple[int, int] | None:
    try:
        out = subprocess.run(
            [python, "-c", "import sys; print(*sys.version_info[:2])"],
            capture_output=True, text=True, check=True, timeout=30,
        ).stdout
        major, minor = out.split()
        return int(major), int(minor)
    except (OSError, subprocess.SubprocessError, ValueError):
        return None


# --- commands -----------------------------------------------------------------


def cmd_regen(args) -> int:
    version = python_version(args.python)
    if version != EXPECTED_PYTHON:
        print(f"golden: warning: expectations come from Python {EXPECTED_PYTHON[0]}.{EXPECTED_PYTHON[1]}, "
              f"{args.python} is {version}", file=sys.stderr)
    scripts = select_scripts(args.paths, args.area)
    for script in [s for s in scripts if newer_than(s, version)]:
        print(f"SKIP  {rel(script)}: its expectations follow CPython "
              f"{'.'.join(map(str, script_python(script)))} and were written by hand")
    scripts = [s for s in scripts if not newer_than(s, version)]
    for script, result in zip(scripts, parallel(lambda s: run([args.python], s), scripts, args.jobs)):
        if result.code == "timeout" or result.code.startswith("signal"):
            print(f"ERROR {rel(script)}: {result.code}; expectations not written")
            continue
        write_expected(script, result)
        suffix = f" (exit {result.code})" if result.code != "0" else ""
        print(f"wrote {rel(script)}{suffix}")
    return 0


def cmd_check(args) -> int:
    gilt = args.gilt
    if os.sep in gilt:
        gilt = str(Path(gilt).resolve())
        if not os.access(gilt, os.X_OK):
            print(f"golden: interpreter not found or not executable: {args.gilt}", file=sys.stderr)
            return 2
    xfail = read_xfail()
    scripts = select_scripts(args.paths, args.area)
    passed = failed = skipped = 0
    if under_sanitizer():
        for script in [s for s in scripts if sanitizer_reason(s)]:
            print(f"SKIP  {rel(script)}: not under a sanitizer ({sanitizer_reason(script)})")
            skipped += 1
        scripts = [s for s in scripts if not sanitizer_reason(s)]
    for script, result in zip(scripts, parallel(lambda s: run([gilt], s), scripts, args.jobs)):
        name = rel(script)
        expected = load_expected(script)
        if expected.stdout is None:
            print(f"FAIL  {name}: no expected output; run: python3 tests/golden.py regen {name}")
            failed += 1
            continue
        d = diff(expected, result, name)
        if name in xfail:
            skipped += 1
            if d:
                print(f"XFAIL {name}")
            else:
                print(f"XPASS {name}: passes now; remove it from tests/scripts/xfail.txt")
        elif d:
            failed += 1
            print(f"FAIL  {name}")
            print(d, end="")
        else:
            passed += 1
            if args.verbose:
                print(f"ok    {name}")
    print(f"{passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed else 0


NEEDS_PREFIX = "# golden-needs:"


def script_needs(script: Path) -> set[str]:
    """Third-party modules a script's python3 run imports, named on a
    `# golden-needs: mod1 mod2` line: a script that checks gilt's own
    compatible module (requests) against the real package under python3."""
    needs: set[str] = set()
    for line in script.read_text(encoding="utf-8").splitlines()[:20]:
        if line.startswith(NEEDS_PREFIX):
            needs.update(line[len(NEEDS_PREFIX):].split())
    return needs


NO_SANITIZER_PREFIX = "# golden-no-sanitizer:"


def sanitizer_reason(script: Path) -> str:
    """Why a script cannot run under ASan/TSan, from a `# golden-no-sanitizer:
    reason` line (an address-space limit, which the sanitizers' shadow memory
    exceeds on its own); empty if it can."""
    for line in script.read_text(encoding="utf-8").splitlines()[:20]:
        if line.startswith(NO_SANITIZER_PREFIX):
            return line[len(NO_SANITIZER_PREFIX):].strip()
    return ""


def under_sanitizer() -> bool:
    """The sanitizer presets (CMakePresets.json) set these for their tests."""
    return "ASAN_OPTIONS" in os.environ or "TSAN_OPTIONS" in os.environ


PYTHON_PREFIX = "# golden-python:"


def script_python(script: Path) -> tuple[int, int] | None:
    """The CPython version a script's expectations follow, from a
    `# golden-python: 3.14` line: the script tests a module that CPython 3.11
    lacks (concurrent.interpreters), so its expected output was written by
    hand from that version's documented behaviour instead of by `regen`."""
    for line in script.read_text(encoding="utf-8").splitlines()[:20]:
        if line.startswith(PYTHON_PREFIX):
            major, minor = line[len(PYTHON_PREFIX):].split()[0].split(".")[:2]
            return int(major), int(minor)
    return None


def newer_than(script: Path, version: tuple[int, int] | None) -> bool:
    wanted = script_python(script)
    return wanted is not None and (version is None or wanted > version)


def python_missing_modules(python: str, scripts: list[Path]) -> set[str]:
    wanted = sorted(set().union(*(script_needs(s) for s in scripts))) if scripts else []
    missing = set()
    for mod in wanted:
        probe = subprocess.run([python, "-c", f"import {mod}"], capture_output=True)
        if probe.returncode != 0:
            missing.add(mod)
    return missing


def cmd_cpython(args) -> int:
    version = python_version(args.python)
    if version != EXPECTED_PYTHON:
        print(f"golden: {args.python} is {version}, the expectations come from "
              f"{EXPECTED_PYTHON[0]}.{EXPECTED_PYTHON[1]}: skipped")
        return EXIT_SKIPPED
    scripts = select_scripts(args.paths, args.area)
    missing = python_missing_modules(args.python, scripts)
    skipped = [s for s in scripts if missing & script_needs(s)]
    for script in skipped:
        print(f"SKIP  {rel(script)}: python3 lacks {', '.join(sorted(missing & script_needs(script)))}")
    newer = [s for s in scripts if s not in skipped and newer_than(s, version)]
    for script in newer:
        print(f"SKIP  {rel(script)}: its expectations follow CPython "
              f"{'.'.join(map(str, script_python(script)))}'s documented behaviour "
              f"(checked by hand); python3 is {version[0]}.{version[1]}")
    skipped += newer
    scripts = [s for s in scripts if s not in skipped]
    passed = failed = 0
    for script, result in zip(scripts, parallel(lambda s: run([args.python], s), scripts, args.jobs)):
        name = rel(script)
        expected = load_expected(script)
        if expected.stdout is None:
            print(f"FAIL  {name}: no expected output; run: python3 tests/golden.py regen {name}")
            failed += 1
            continue
        d = diff(expected, result, name)
        if d:
            failed += 1
            print(f"DRIFT {name}: python3 output differs from the checked-in expectation")
            print(d, end="")
        else:
            passed += 1
    print(f"{passed} passed, {failed} failed, {len(skipped)} skipped")
    return 1 if failed else 0


def main() -> int:
    parser = argparse.ArgumentParser(
        description="Golden script tests: compare gilt with CPython's recorded output.",
        epilog="Scripts live in tests/scripts/<area>/NNN_name.py.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p):
        p.add_argument("paths", nargs="*", help="scripts or directories (default: all)")
        p.add_argument("--area", help="only scripts in tests/scripts/AREA")
        p.add_argument("-j", "--jobs", type=int, default=2, help="parallel runs (default 2)")

    p = sub.add_parser("regen", help="run python3 and (re)write the expected files")
    common(p)
    p.add_argument("--python", default="python3", help="reference interpreter (default python3)")
    p.set_defaults(fn=cmd_regen)

    p = sub.add_parser("check", help="run gilt and compare with the expected files")
    common(p)
    p.add_argument("--gilt", required=True, help="the interpreter under test")
    p.add_argument("-v", "--verbose", action="store_true", help="also list passing scripts")
    p.set_defaults(fn=cmd_check)

    p = sub.add_parser("cpython", help="fail if python3's output drifted from the expected files")
    common(p)
    p.add_argument("--python", default="python3", help="reference interpreter (default python3)")
    p.set_defaults(fn=cmd_cpython)

    args = parser.parse_args()
    return args.fn(args)


if __name__ == "__main__":
    sys.exit(main())
