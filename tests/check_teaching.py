#!/usr/bin/env python3
"""The lessons in samples/teaching/ show what they claim under gilt.

Each lesson prints its measurements; this checks the facts they must show,
with bounds wide enough for a loaded machine (the CPU-bound threads are not
faster, the sleeping threads overlap, the unlocked counter loses updates
under -X switch=instruction and -X sched while the locked one is exact, the
same seed replays the same result, two interpreters keep more cores busy
than two threads).

    python3 tests/check_teaching.py --gilt build/release/gilt
"""
import argparse
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LESSONS = os.path.join(HERE, "..", "samples", "teaching")
FAILURES = []


def check(condition, message):
    if not condition:
        FAILURES.append(message)
        print("FAIL:", message)


def lesson(gilt, name, *options):
    r = subprocess.run([gilt, *options, os.path.join(LESSONS, name)], capture_output=True,
                       text=True, timeout=300, stdin=subprocess.DEVNULL)
    check(r.returncode == 0, f"{name} {options}: exit {r.returncode}: {r.stderr}")
    return r


def lost_counts(stdout):
    return [int(x) for x in re.findall(r"lost (-?\d+)", stdout)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--gilt", required=True)
    gilt = parser.parse_args().gilt

    r = lesson(gilt, "01_cpu_threads.py")
    check("claim holds" in r.stdout, f"01: {r.stdout}")

    r = lesson(gilt, "02_io_threads.py")
    check("claim holds" in r.stdout, f"02: {r.stdout}")

    r = lesson(gilt, "03_lost_update.py")
    check(lost_counts(r.stdout) == [0, 0], f"03 default switching: {r.stdout}")
    r = lesson(gilt, "03_lost_update.py", "-X", "switch=instruction")
    unsafe, safe = lost_counts(r.stdout)
    check(unsafe > 0 and safe == 0, f"03 switch=instruction: {r.stdout}")
    first = lesson(gilt, "03_lost_update.py", "-X", "sched=42").stdout
    again = lesson(gilt, "03_lost_update.py", "-X", "sched=42").stdout
    check(first == again, f"03 sched=42 not replayed: {first!r} {again!r}")
    check(lost_counts(first)[0] > 0 and lost_counts(first)[1] == 0, f"03 sched=42: {first}")

    for options in ((), ("-X", "gilpolicy=io-priority")):
        r = lesson(gilt, "04_convoy.py", *options)
        check(re.search(r"slow-down: [\d.]+x", r.stdout), f"04 {options}: {r.stdout}")

    r = lesson(gilt, "05_threads_processes_interpreters.py")
    check("claim holds" in r.stdout, f"05: {r.stdout}")

    print(f"{len(FAILURES)} failures")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
