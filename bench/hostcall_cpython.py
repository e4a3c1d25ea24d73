"""CPython calling a C function through its C API, for bench/hostcall_bench.cpp.

Compiles bench/hostcall_ext.c against this python3's headers into a scratch
directory, then times `add(i, 1)` in a loop (ns per call, the empty loop
subtracted), beside the builtin `abs(i)` as a stand-in that needs no compiler.

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


def best_ns(code, env, runs=5):
    best = None
    for _ in range(runs):
        start = time.perf_counter()
        exec(code, env)
        took = time.perf_counter() - start
        best = took if best is None else min(best, took)
    return best * 1e9 / N


def main():
    with tempfile.TemporaryDirectory() as folder:
        add = build_extension(folder)
        env = {"add": add, "abs": abs, "N": N}
        empty = best_ns("for i in range(N):\n    pass\n", env)
        c_call = best_ns("for i in range(N):\n    add(i, 1)\n", env)
        builtin = best_ns("for i in range(N):\n    abs(i)\n", env)
    print(f"python {sys.version.split()[0]}, N={N}")
    print(f"empty loop:               {empty:6.1f} ns per iteration")
    print(f"C extension add(i, 1):    {c_call - empty:6.1f} ns per call")
    print(f"builtin abs(i):           {builtin - empty:6.1f} ns per call")


main()
