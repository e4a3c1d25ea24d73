"""CPython calling a C function through its C API, for bench/hostcall_bench.cpp.

Compiles bench/hostcall_ext.c against this python3's headers into a scratch
directory, then times `add(i, 1)` in a loop (ns per call, the empty loop
subtracted; the loops run in functions, so `i` and the callee are
locals), beside the builtin `abs(i)` as a stand-in that needs no compiler.

    python3 bench/hostcall_cpython.py [N]
"""
import os
import subprocess
import sys
import sysconfig
import tempfile
import time

N = int(sys.argv[1]) if len(sys.argv) > 1 else 2_000_000
HERE = os.path.dirname(os.path.abspath(__file__))


def build_extension(folder):
    suffix = sysconfig.get_config_var("EXT_SUFFIX")
    target = os.path.join(folder, "hostcall_ext" + suffix)
    subprocess.run(["cc", "-O2", "-shared", "-fPIC", "-I", sysconfig.get_paths()["include"],
                    os.path.join(HERE, "hostcall_ext.c"), "-o", target], check=True)
    sys.path.insert(0, folder)
    import hostcall_ext
    return hostcall_ext.add


def loop(f, n):
    for i in range(n):
        f(i, 1)


def empty(f, n):
    for i in range(n):
        pass


def loop1(f, n):
    for i in range(n):
        f(i)


def best_ns(runner, f, runs=7):
    best = None
    for _ in range(runs):
        start = time.perf_counter()
        runner(f, N)
        took = time.perf_counter() - start
        best = took if best is None else min(best, took)
    return best * 1e9 / N


def main():
    if len(sys.argv) > 2:  # one loop, once, for bench/hostcall_instructions
        sys.path.insert(0, sys.argv[3])
        import hostcall_ext
        runner, f = {"c": (loop, hostcall_ext.add), "abs": (loop1, abs),
                     "empty": (empty, None)}[sys.argv[2]]
        runner(f, N)
        return
    with tempfile.TemporaryDirectory() as folder:
        add = build_extension(folder)
        base = best_ns(empty, None)
        c_call = best_ns(loop, add)
        builtin = best_ns(loop1, abs)
    print(f"python {sys.version.split()[0]}, N={N}")
    print(f"empty loop:               {base:6.1f} ns per iteration")
    print(f"C extension add(i, 1):    {c_call - base:6.1f} ns per call")
    print(f"builtin abs(i):           {builtin - base:6.1f} ns per call")


main()
