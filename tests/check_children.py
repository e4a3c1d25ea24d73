#!/usr/bin/env python3
"""Checks that no golden script leaves a process behind.

Runs every script of the given areas under gilt, from a process that has
made itself a child subreaper (Linux prctl PR_SET_CHILD_SUBREAPER): a
grandchild orphaned by a script (a forked child, a subprocess never waited
for) is then re-parented to this process instead of init, so it can be
found. After each script, any process whose parent is this one is a
leftover: it is reported, killed and reaped, and the check fails.

    python3 tests/check_children.py --gilt build/release/gilt signal subprocess
"""

import argparse
import ctypes
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

PR_SET_CHILD_SUBREAPER = 36
SCRIPTS = Path(__file__).resolve().parent / "scripts"


def children_of(pid):
    """(pid, command) of every process whose parent is `pid`."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # "pid (comm) state ppid ...": comm may hold spaces and parentheses.
        comm_end = stat.rfind(")")
        fields = stat[comm_end + 2:].split()
        if int(fields[1]) == pid:
            found.append((int(entry.name), stat[stat.find("(") + 1:comm_end]))
    return found


def leftovers(grace):
    """Children still there once `grace` seconds have passed (a child in
    its last steps is given that long); zombies are reaped on the way."""
    deadline = time.monotonic() + grace
    while True:
        try:
            while os.waitpid(-1, os.WNOHANG)[0] > 0:
                pass
        except ChildProcessError:
            pass
        left = children_of(os.getpid())
        if not left or time.monotonic() >= deadline:
            return left
        time.sleep(0.05)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--gilt", required=True)
    parser.add_argument("areas", nargs="+")
    opts = parser.parse_args()
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        print("check_children: prctl failed; skipped")
        return 77
    gilt = str(Path(opts.gilt).resolve())
    failures = 0
    for area in opts.areas:
        for script in sorted((SCRIPTS / area).glob("[0-9][0-9][0-9]_*.py")):
            subprocess.run([gilt, script.name], cwd=script.parent, stdin=subprocess.DEVNULL,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
            for pid, comm in leftovers(2.0):
                failures += 1
                print(f"{area}/{script.name} left process {pid} ({comm}) behind")
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            leftovers(2.0)
    print(f"check_children: {failures} leftover process(es)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
