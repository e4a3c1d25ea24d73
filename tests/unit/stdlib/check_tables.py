#!/usr/bin/env python3
"""Re-checks the {R"~(program)~", R"~(expected)~"} rows of the stdlib unit
tests against python3 (CPython 3.11 is the reference): each program runs in
a fresh interpreter and must print exactly the expected text, followed by
"Type: message" if it raises. Rows whose program contains "# gilt-only"
are skipped (behaviour documented as different).

usage: check_tables.py [tests/unit/stdlib/*_test.cpp ...]
"""
import glob
import os
import re
import subprocess
import sys
import tempfile

ROW = re.compile(r'\{R"~\((.*?)\)~",\s*R"~\((.*?)\)~"\}', re.S)

WRAPPER = '''
import sys, traceback
__src = open(sys.argv[1]).read()
sys.argv = ["test.py", "arg1"]
try:
    exec(compile(__src, "<test>", "exec"), {"__name__": "__main__"})
except BaseException as e:
    sys.stdout.flush()
    print(traceback.format_exception_only(type(e), e)[-1], end="")
'''


def run(program):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "prog.py")
        with open(path, "w") as f:
            f.write(program)
        wrapper = os.path.join(d, "wrap.py")
        with open(wrapper, "w") as f:
            f.write(WRAPPER)
        r = subprocess.run([sys.executable, wrapper, path, "arg1"], capture_output=True, text=True, cwd=d)
        return r.stdout


def main(files):
    failures = 0
    for name in files:
        text = open(name).read()
        for program, expected in ROW.findall(text):
            if "# gilt-only" in program:
                continue
            got = run(program)
            if got != expected:
                failures += 1
                print(f"{name}: mismatch for program:\n{program}\n--- expected (table)\n{expected}--- python3\n{got}")
    print("ok" if not failures else f"{failures} mismatches")
    return 1 if failures else 0


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    sys.exit(main(sys.argv[1:] or sorted(glob.glob(os.path.join(here, "*_test.cpp")))))
