#!/usr/bin/env python3
"""Facts about gilt's GIL instruments: -X gilstats, the `gil` module,
-X giltrace, -X giltimeline, -X switch=instruction, -X sched, -X gilpolicy.

Not golden scripts: these outputs are gilt's own and CPython has nothing to
compare them with. Each check runs a small program and asserts facts that
hold however loaded the machine is (both threads ran, the sleeper was
blocked, spans of one thread do not overlap), never exact timings.

    python3 tests/check_gil_instruments.py --gilt build/release/gilt [-k NAME]
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

# Two CPU-bound threads that are sure to overlap (a barrier), each computing
# for 0.3 s of wall time, and a thread that sleeps 0.2 s.
CPU_AND_SLEEP = r'''
import threading, time
barrier = threading.Barrier(3)
def cpu():
    barrier.wait()
    end = time.monotonic() + 0.3
    n = 0
    while time.monotonic() < end:
        for i in range(1000):
            n += i
def sleeper():
    barrier.wait()
    time.sleep(0.2)
threads = [threading.Thread(target=cpu, name="cpu-a"),
           threading.Thread(target=cpu, name="cpu-b"),
           threading.Thread(target=sleeper, name="sleeper")]
for t in threads:
    t.start()
for t in threads:
    t.join()
'''

STATS_IN_SCRIPT = CPU_AND_SLEEP + r'''
import gil, json
print(json.dumps({"stats": gil.stats(), "summary": gil.summary(), "options": gil.options()}))
gil.reset()
after = {row["name"]: row for row in gil.stats()}
print(json.dumps(after))
'''

# The lost update: no lock around `counter += 1`. A short switch interval so
# that the threads take turns many times even on a fast machine.
RACE = r"""
import sys, threading
sys.setswitchinterval(0.0002)
counter = 0
N = 2_000_000
start = threading.Barrier(2)
def work():
    global counter
    start.wait()
    for _ in range(N):
        counter += 1
threads = [threading.Thread(target=work) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(2 * N - counter)
"""

LOCKED = RACE.replace("        counter += 1", "        with lock:\n            counter += 1").replace(
    "counter = 0", "counter = 0\nlock = threading.Lock()").replace("2_000_000", "50_000")

# Under the scheduler every few dozen instructions are a switch point:
# a shorter run shows plenty of lost updates.
SCHED_RACE = RACE.replace("2_000_000", "30_000")

# Threads that hand work over through a queue, an Event and a Condition, and
# print the order in which things happened: under -X sched the same seed must
# give the same order.
HANDOFF = r"""
import queue, threading
q = queue.Queue()
go = threading.Event()
cond = threading.Condition()
log = []
turns = [0]
def producer(name):
    go.wait()
    for i in range(20):
        q.put((name, i))
        log.append(f"put {name}{i}")
def consumer():
    for _ in range(40):
        name, i = q.get()
        log.append(f"got {name}{i}")
    with cond:
        turns[0] += 1
        cond.notify_all()
def counter():
    with cond:
        cond.wait_for(lambda: turns[0] == 1)
        log.append("counted")
threads = [threading.Thread(target=producer, args=(n,)) for n in "ab"]
threads += [threading.Thread(target=consumer), threading.Thread(target=counter)]
for t in threads:
    t.start()
go.set()
for t in threads:
    t.join()
import zlib
print(len(log), zlib.crc32(" ".join(log).encode()))
print(" ".join(log[:12]))
"""

FAILURES = []


def check(condition, message):
    if not condition:
        FAILURES.append(message)
        print("FAIL:", message)


def run(gilt, options, program, timeout=120):
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(program)
        path = f.name
    try:
        r = subprocess.run([gilt, *options, path], capture_output=True, text=True,
                           timeout=timeout, stdin=subprocess.DEVNULL)
    finally:
        os.unlink(path)
    return r


def stats_rows(stderr):
    """The table of -X gilstats as {name: [numbers...]}."""
    rows = {}
    lines = stderr.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("gilt: GIL statistics"))
    for line in lines[start + 3:]:
        if line.startswith("some thread"):
            break
        parts = line.split()
        rows[parts[0]] = [float(x) for x in parts[1:]]
    wall = float(re.search(r"wall time ([0-9.]+) s", lines[start]).group(1))
    share = float(re.search(r"during ([0-9.]+)%", stderr).group(1))
    return rows, wall, share


def test_gilstats(gilt):
    r = run(gilt, ["-X", "gilstats"], CPU_AND_SLEEP)
    check(r.returncode == 0, f"gilstats: exit {r.returncode}: {r.stderr}")
    rows, wall, share = stats_rows(r.stderr)
    for name in ("MainThread", "cpu-a", "cpu-b", "sleeper", "total"):
        check(name in rows, f"gilstats: no row for {name}: {r.stderr}")
    running, waiting, blocked, acquired, made, honoured, forced = range(7)
    for name in ("cpu-a", "cpu-b"):
        check(rows[name][running] > 0.01, f"gilstats: {name} never ran: {rows[name]}")
    check(rows["cpu-a"][forced] + rows["cpu-b"][forced] > 0,
          f"gilstats: two CPU threads made no forced switch: {r.stderr}")
    check(rows["cpu-a"][made] + rows["cpu-b"][made] + rows["sleeper"][made] > 0,
          "gilstats: no drop request was made")
    # time.sleep wakes now and then to check for signals, and waits for the
    # GIL each time: the 0.2 s are partly waiting.
    check(rows["sleeper"][blocked] >= 0.1 and rows["sleeper"][blocked] + rows["sleeper"][waiting]
          >= 0.19, f"gilstats: sleeper not blocked: {rows['sleeper']}")
    check(rows["sleeper"][running] < 0.1, f"gilstats: sleeper ran: {rows['sleeper']}")
    total_running = rows["total"][running]
    check(0.2 < total_running <= wall * 1.05,
          f"gilstats: running {total_running} s in {wall} s of wall time")
    check(0 < share <= 100, f"gilstats: waiting share {share}")
    for line in r.stderr.splitlines():
        check(len(line) <= 80, f"gilstats: line longer than 80 columns: {line!r}")


def test_gil_module(gilt):
    r = run(gilt, [], STATS_IN_SCRIPT)
    check(r.returncode == 0, f"gil module: exit {r.returncode}: {r.stderr}")
    lines = r.stdout.splitlines()
    data = json.loads(lines[0])
    by_name = {row["name"]: row for row in data["stats"]}
    check(set(by_name) >= {"MainThread", "cpu-a", "cpu-b", "sleeper"}, f"gil.stats(): {by_name}")
    check(by_name["MainThread"]["alive"] and not by_name["cpu-a"]["alive"],
          "gil.stats(): alive flags")
    check(by_name["cpu-a"]["running"] > 0.01 and by_name["cpu-b"]["running"] > 0.01,
          "gil.stats(): a CPU thread did not run")
    check(by_name["sleeper"]["blocked"] >= 0.1, "gil.stats(): sleeper not blocked")
    summary = data["summary"]
    check(summary["running"] <= summary["wall"] * 1.05, f"gil.summary(): {summary}")
    check(summary["switches"] > 0 and summary["contended"] > 0, f"gil.summary(): {summary}")
    check(data["options"]["policy"] == "cpython" and data["options"]["switch"] == "interval",
          f"gil.options(): {data['options']}")
    after = json.loads(lines[1])
    check(list(after) == ["MainThread"], f"gil.reset() kept ended threads: {after}")
    check(after["MainThread"]["acquisitions"] == 0 and after["MainThread"]["running"] < 0.05,
          f"gil.reset(): {after}")


def spans_by_thread(trace):
    names, spans, instants = {}, {}, {}
    for e in trace["traceEvents"]:
        if e["ph"] == "M" and e["name"] == "thread_name":
            names[e["tid"]] = e["args"]["name"]
        elif e["ph"] == "X":
            spans.setdefault(e["tid"], []).append(e)
        elif e["ph"] == "i":
            instants.setdefault(e["tid"], []).append(e)
    return names, spans, instants


def test_giltrace(gilt):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "trace.json")
        r = run(gilt, ["-X", f"giltrace={path}"], CPU_AND_SLEEP)
        check(r.returncode == 0 and r.stderr == "", f"giltrace: exit {r.returncode}: {r.stderr}")
        with open(path) as f:
            trace = json.load(f)
    names, spans, instants = spans_by_thread(trace)
    by_name = {names[tid]: tid for tid in names}
    check(set(by_name) >= {"MainThread", "cpu-a", "cpu-b", "sleeper"}, f"giltrace: {names}")
    for tid, items in spans.items():
        items.sort(key=lambda e: e["ts"])
        for a, b in zip(items, items[1:]):
            check(a["ts"] + a["dur"] <= b["ts"] + 0.002,
                  f"giltrace: spans overlap on {names.get(tid)}: {a} {b}")
        for e in items:
            check(e["dur"] >= 0 and e["name"] in ("running", "waiting", "blocked"),
                  f"giltrace: bad span {e}")
    for name in ("cpu-a", "cpu-b"):
        ran = sum(e["dur"] for e in spans[by_name[name]] if e["name"] == "running")
        check(ran > 10_000, f"giltrace: {name} ran only {ran} us")
    blocked = [e for e in spans[by_name["sleeper"]] if e["name"] == "blocked"]
    check(sum(e["dur"] for e in blocked) >= 100_000, f"giltrace: sleeper's blocked spans {blocked}")
    requests = sum(len(v) for v in instants.values())
    check(requests > 0, "giltrace: no drop_request instant")
    forced = [e for v in spans.values() for e in v if e["args"].get("forced_switch")]
    check(forced, "giltrace: no running span ended by a forced switch")


def test_giltimeline(gilt):
    r = run(gilt, ["-X", "giltimeline"], CPU_AND_SLEEP)
    check(r.returncode == 0, f"giltimeline: exit {r.returncode}: {r.stderr}")
    lines = r.stderr.splitlines()
    check(all(len(line) <= 80 and line.isascii() for line in lines),
          f"giltimeline: not 80 columns of ASCII: {r.stderr}")
    rows = {line.split("|")[0].strip(): line.split("|")[1] for line in lines if line.count("|") == 2}
    check(set(rows) >= {"MainThread", "cpu-a", "cpu-b", "sleeper"}, f"giltimeline: {r.stderr}")
    check("#" in rows["cpu-a"] and "#" in rows["cpu-b"], f"giltimeline: CPU rows {r.stderr}")
    check("~" in rows["sleeper"], f"giltimeline: sleeper row {rows['sleeper']!r}")
    check(any(line.startswith("legend:") for line in lines), "giltimeline: no legend")
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "timeline.svg")
        r = run(gilt, ["-X", f"giltimeline={path}"], CPU_AND_SLEEP)
        check(r.returncode == 0 and r.stderr == "", f"giltimeline=svg: {r.stderr}")
        root = ET.parse(path).getroot()
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    check({"MainThread", "cpu-a", "cpu-b", "sleeper"} <= set(texts), f"svg: labels {texts}")
    titles = {t.text for t in root.iter("{http://www.w3.org/2000/svg}title")}
    check(titles >= {"running", "blocked"}, f"svg: states drawn {titles}")


def lost(gilt, options, program=RACE):
    r = run(gilt, options, program)
    check(r.returncode == 0, f"{options}: exit {r.returncode}: {r.stderr}")
    return int(r.stdout.split()[0]) if r.returncode == 0 else None


def test_switch_instruction(gilt):
    # Without the option gilt switches where CPython 3.11 does (backward
    # jumps, calls), never inside `counter += 1`: nothing is lost.
    check(lost(gilt, []) == 0, "default switching lost an update")
    counts = [lost(gilt, ["-X", "switch=instruction"]) for _ in range(2)]
    check(any(c and c > 0 for c in counts), f"switch=instruction lost nothing: {counts}")
    check(lost(gilt, ["-X", "switch=instruction"], LOCKED) == 0, "the locked counter lost updates")


def test_sched(gilt):
    runs = [lost(gilt, ["-X", "sched=7"], SCHED_RACE) for _ in range(3)]
    check(len(set(runs)) == 1, f"sched=7 gave different lost-update counts: {runs}")
    check(runs[0] is not None and runs[0] > 0, f"sched=7 lost nothing: {runs}")
    seeds = {seed: lost(gilt, ["-X", f"sched={seed}"], SCHED_RACE) for seed in (1, 2, 3, 4)}
    check(len(set(seeds.values())) > 1, f"different seeds, same lost updates: {seeds}")
    check(lost(gilt, ["-X", "sched=7"], LOCKED) == 0, "sched: the locked counter lost updates")
    outputs = []
    for _ in range(3):
        r = run(gilt, ["-X", "sched=11"], HANDOFF)
        check(r.returncode == 0, f"sched handoff: exit {r.returncode}: {r.stderr}")
        outputs.append(r.stdout)
    check(len(set(outputs)) == 1, f"sched=11: queue/Event/Condition order differs: {outputs}")
    check(outputs[0].startswith("81 "), f"sched handoff: {outputs[0]}")
    others = {run(gilt, ["-X", f"sched={seed}"], HANDOFF).stdout for seed in (12, 13, 14)}
    check(len(others | {outputs[0]}) > 1, "sched: every seed gave the same interleaving")


def test_policies(gilt):
    for policy in ("cpython", "fifo", "io-priority"):
        check(lost(gilt, ["-X", f"gilpolicy={policy}"], LOCKED) == 0, f"{policy}: lock broken")
        r = run(gilt, ["-X", f"gilpolicy={policy}"], CPU_AND_SLEEP +
                "import gil\nprint(gil.options()['policy'])\n")
        check(r.returncode == 0 and r.stdout.strip() == policy, f"{policy}: {r.stdout} {r.stderr}")


def test_bad_options(gilt):
    for option in ("gilpolicy=fast", "sched=x", "switch=sometimes", "giltrace"):
        r = run(gilt, ["-X", option], "print('ran')\n")
        check(r.returncode == 2 and "ran" not in r.stdout and "-X" in r.stderr,
              f"-X {option}: exit {r.returncode}, {r.stderr!r}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--gilt", required=True)
    parser.add_argument("-k", default="")
    args = parser.parse_args()
    tests = [(name, fn) for name, fn in globals().items()
             if name.startswith("test_") and args.k in name]
    for name, fn in tests:
        print(name, flush=True)
        try:
            fn(args.gilt)
        except Exception as e:  # a crash of the checker is a failure too
            check(False, f"{name}: {type(e).__name__}: {e}")
    print(f"{len(tests)} checks, {len(FAILURES)} failures")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
