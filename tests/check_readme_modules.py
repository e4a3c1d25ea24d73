#!/usr/bin/env python3
"""Every module README.md's Status section claims is importable under gilt.

The Status section names modules in backticks (`re`, `concurrent.futures`,
`xml.etree.ElementTree`). A backticked word counts as a module claim when
python3 can import it (the standard library), or when it is one of gilt's
own modules listed in GILT_OWN below; other backticked words (`async def`,
`memoryview`, `-X dev`) are not modules. All claimed modules are then
imported by one gilt process; any that fails is reported with its error.

    tests/check_readme_modules.py --gilt build/release/gilt
"""

import argparse
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# Modules gilt has that CPython's standard library does not.
GILT_OWN = {"gil", "requests", "aiohttp", "httpbin"}
NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")


def claimed_modules(readme):
    text = readme.read_text()
    start = text.index("## Status")
    end = text.index("\n## ", start + 1)
    names = []
    for word in re.findall(r"`([^`]+)`", text[start:end]):
        if not NAME.match(word) or word in names:
            continue
        if word in GILT_OWN:
            names.append(word)
            continue
        try:
            found = importlib.util.find_spec(word) is not None
        except (ImportError, ValueError):
            found = False
        if found:
            names.append(word)
    return names


PROBE = """
import importlib, sys
failed = []
for name in sys.argv[1:]:
    try:
        importlib.import_module(name)
    except BaseException as e:
        failed.append("%s: %s: %s" % (name, type(e).__name__, e))
for line in failed:
    print(line)
print("imported", len(sys.argv) - 1 - len(failed), "of", len(sys.argv) - 1)
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--gilt", required=True)
    args = parser.parse_args()
    names = claimed_modules(REPO / "README.md")
    if len(names) < 50:
        print(f"only {len(names)} modules found in README's Status: is the section there?")
        return 1
    run = subprocess.run([args.gilt, "-c", PROBE, *names], capture_output=True, text=True,
                         timeout=600, stdin=subprocess.DEVNULL)
    print(run.stdout, end="")
    if run.returncode != 0:
        print(run.stderr, end="")
        return 1
    return 0 if run.stdout.startswith("imported") else 1  # a failure is listed first


if __name__ == "__main__":
    sys.exit(main())
