#!/usr/bin/env python3
"""Ctrl-C (SIGINT to the process group) while a multiprocessing Pool works:
the program exits with KeyboardInterrupt's status, within a minute, and
leaves no worker behind.

Not a golden script: CPython itself sometimes hangs here (a worker
interrupted while it holds the task pipe's read lock), so its output cannot
be the expectation.

    python3 tests/check_ctrl_c_pool.py --gilt build/release/gilt [--runs N]
"""
import argparse
import os
import signal
import subprocess
import sys
import time

PROGRAM = r'''
import multiprocessing as mp, sys, time

def slow(x):
    time.sleep(30)
    return x

if __name__ == "__main__":
    with mp.Pool(2) as pool:
        result = pool.map_async(slow, range(4))
        print("working", flush=True)
        result.get()
'''


def session_members(sid):
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if os.getsid(int(entry)) == sid:
                    found.append(int(entry))
            except OSError:
                pass
    return found


def run_once(interpreter):
    """A list of problems (empty when all went well)."""
    child = subprocess.Popen([interpreter, "-c", PROGRAM], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, start_new_session=True)
    problems = []
    if child.stdout.readline().decode().strip() != "working":
        problems.append("the program did not start its pool")
    os.killpg(child.pid, signal.SIGINT)
    try:
        _, err = child.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        _, err = child.communicate()
        problems.append("the program hung after Ctrl-C")
    if child.returncode not in (1, -signal.SIGINT):
        problems.append(f"exit status {child.returncode}")
    if b"KeyboardInterrupt" not in err:
        problems.append("no KeyboardInterrupt on stderr")
    # Workers see the SIGINT too; give them a moment to finish dying.
    deadline = time.monotonic() + 10
    while session_members(child.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = session_members(child.pid)
    if left:
        problems.append(f"processes left behind: {left}")
        for pid in left:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gilt", required=True)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    failed = 0
    for run in range(args.runs):
        problems = run_once(args.gilt)
        for problem in problems:
            print(f"run {run + 1}: {problem}")
        failed += bool(problems)
    print(f"check_ctrl_c_pool: {args.runs - failed} of {args.runs} runs clean")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
