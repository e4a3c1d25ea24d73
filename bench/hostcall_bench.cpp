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

int main(int argc, char** argv) {
    long n = argc > 1 ? std::atol(argv[1]) : 2000000;
    gilt::Host host;
    host.def("add", [](std::int64_t a, std::int64_t b) { return a + b; });
    host.def("add_raw", [](gilt::CallContext& ctx, std::span<const gilt::Handle> args) {
        return ctx.host().object(args[0].as_int() + args[1].as_int());
    });
    host.set_global("N", n);
    auto best_ns = [&](const char* body) {
        std::string source = std::string("for i in range(N):\n    ") + body + "\n";
        double best = 1e300;
        for (int run = 0; run < 5; ++run) {
            auto start = std::chrono::steady_clock::now();
            host.exec(source);
            auto stop = std::chrono::steady_clock::now();
            best = std::min(best, std::chrono::duration<double, std::nano>(stop - start).count());
        }
        return best / n;
    };
    double empty = best_ns("pass");
    double typed = best_ns("add(i, 1)");
    double raw = best_ns("add_raw(i, 1)");
    double builtin = best_ns("abs(i)");
    std::printf("gilt, N=%ld\n", n);
    std::printf("empty loop:               %6.1f ns per iteration\n", empty);
    std::printf("typed add(i, 1):          %6.1f ns per call\n", typed - empty);
    std::printf("raw Function add_raw:     %6.1f ns per call\n", raw - empty);
    std::printf("builtin abs(i):           %6.1f ns per call\n", builtin - empty);
    return 0;
}
