"""What the two Python-driven fuzzers share: running an interpreter on a
script under limits, and telling a crash or a hang from an ordinary exit.

A run is a crash when the process died of a signal, or when a sanitizer
reported (AddressSanitizer, UndefinedBehaviorSanitizer or LeakSanitizer
text on stderr), or when gilt stopped with its "Fatal" message; it is a
hang when it did not finish within the timeout. Both interpreters run
under the same address-space limit, so "huge" sizes give MemoryError
instead of filling the machine's memory.
"""

import os
import resource
import subprocess
import sys
from dataclasses import dataclass

MEMORY_LIMIT = 1 << 30  # bytes of address space per run (not under ASan, which
# instead refuses single allocations above the same size: see child_env)

SANITIZER_MARKS = ("ERROR: AddressSanitizer", "runtime error:", "ERROR: LeakSanitizer",
                   "Fatal Python error", "gilt: fatal")


OOM_MARKS = ("AddressSanitizer: allocator is out of memory",
             "AddressSanitizer: requested allocation size", "AddressSanitizer: out of memory")


@dataclass
class Run:
    status: str  # "ok", "crash", "hang" or "oom" (see run_script)
    returncode: int
    stdout: str
    stderr: str


def _limit_memory(limit):
    def apply():
        if limit:
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    return apply


def child_env():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8")
    # Leaks are not what these fuzzers look for; huge allocations return
    # null (MemoryError) instead of filling the machine.
    opts = env.get("ASAN_OPTIONS", "allocator_may_return_null=1:detect_stack_use_after_return=0")
    for extra in ("detect_leaks=0", "max_allocation_size_mb=1024", "allocator_may_return_null=1"):
        if extra.split("=")[0] not in opts:
            opts += ":" + extra
    env["ASAN_OPTIONS"] = opts
    env.setdefault("UBSAN_OPTIONS", "print_stacktrace=1")
    return env


def is_sanitized(interp):
    """True when the binary links a sanitizer runtime (then no RLIMIT_AS:
    ASan reserves terabytes of shadow memory)."""
    try:
        with open(interp, "rb") as f:
            data = f.read()
        return b"__asan_init" in data or b"AddressSanitizer" in data
    except OSError:
        return False


def run_script(interp, path, timeout, memory_limit=MEMORY_LIMIT):
    if os.sep in interp:
        interp = os.path.abspath(interp)
    try:
        proc = subprocess.run([interp, path], capture_output=True, timeout=timeout,
                              stdin=subprocess.DEVNULL, env=child_env(),
                              preexec_fn=_limit_memory(memory_limit),
                              cwd=os.path.dirname(os.path.abspath(path)))
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode("utf-8", "replace")
        return Run("hang", -1, out, (e.stderr or b"").decode("utf-8", "replace"))
    out = proc.stdout.decode("utf-8", "replace")
    err = proc.stderr.decode("utf-8", "replace")
    crashed = proc.returncode < 0 or any(m in err for m in SANITIZER_MARKS)
    if crashed and any(m in err for m in OOM_MARKS):
        # ASan refusing an allocation above max_allocation_size_mb that the
        # size check let through (it probes with mmap, which ASan does not
        # cap): an artefact of the cap, not a bug; release runs check the
        # same sizes under a real RLIMIT_AS.
        return Run("oom", proc.returncode, out, err)
    return Run("crash" if crashed else "ok", proc.returncode, out, err)


def report(message):
    print(message, flush=True)


def fail_summary(failures, name):
    if failures:
        report(f"{name}: {len(failures)} failure(s); reproducers:")
        for f in failures:
            report(f"  {f}")
        sys.exit(1)
