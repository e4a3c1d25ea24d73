// The cost of calling a host function from a script: a loop of N calls of
// a typed binding `add(i, 1)` (two ints in, one out, converted and checked),
// the same through a raw Function (span of Handles), and the builtin abs(i),
// each with the empty loop subtracted. bench/hostcall_cpython.py measures
// CPython calling a C extension function the same way; docs/embedding.md
// quotes both:
//     build/release/gilt_bench_hostcall 2000000
//     python3 bench/hostcall_cpython.py 2000000
#include <gilt/gilt.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char** argv) {
    long n = argc > 1 ? std::atol(argv[1]) : 2000000;
    // `gilt_bench_hostcall N typed|raw|abs|empty` runs that loop once and
    // prints nothing: bench/hostcall_instructions counts its instructions.
    std::string only = argc > 2 ? argv[2] : "";
    gilt::Host host;
    host.def("add", [](std::int64_t a, std::int64_t b) { return a + b; });
    host.def("add_raw", [](gilt::CallContext& ctx, std::span<const gilt::Handle> args) {
        return ctx.host().object(args[0].as_int() + args[1].as_int());
    });
    host.set_global("N", n);
    // The loops run in functions, so `i` and the callee are locals, as in
    // bench/hostcall_cpython.py.
    host.exec(
        "def loop(f, n):\n    for i in range(n):\n        f(i, 1)\n"
        "def loop1(f, n):\n    for i in range(n):\n        f(i)\n"
        "def empty(f, n):\n    for i in range(n):\n        pass\n");
    auto best_ns = [&](const char* call) {
        double best = 1e300;
        for (int run = 0; run < 7; ++run) {
            auto start = std::chrono::steady_clock::now();
            host.exec(call);
            auto stop = std::chrono::steady_clock::now();
            best = std::min(best, std::chrono::duration<double, std::nano>(stop - start).count());
        }
        return best / n;
    };
    if (!only.empty()) {
        const char* call = only == "typed" ? "loop(add, N)"
                           : only == "raw" ? "loop(add_raw, N)"
                           : only == "abs" ? "loop1(abs, N)"
                                           : "empty(None, N)";
        host.exec(call);
        return 0;
    }
    double empty = best_ns("empty(None, N)");
    double typed = best_ns("loop(add, N)");
    double raw = best_ns("loop(add_raw, N)");
    double builtin = best_ns("loop1(abs, N)");
    std::printf("gilt, N=%ld\n", n);
    std::printf("empty loop:               %6.1f ns per iteration\n", empty);
    std::printf("typed add(i, 1):          %6.1f ns per call\n", typed - empty);
    std::printf("raw Function add_raw:     %6.1f ns per call\n", raw - empty);
    std::printf("builtin abs(i):           %6.1f ns per call\n", builtin - empty);
    return 0;
}
