// The cost of one suspension of an async host function: a body that calls
// cx.sleep(0) N times, each a round trip fiber -> coroutine -> event loop ->
// fiber. Prints ns per round trip; the figure quoted in gilt.hpp comes from
//     build/release/gilt_bench_hostawait 200000
#include <gilt/gilt.hpp>

#include <boost/context/fiber.hpp>
#include <boost/context/pooled_fixedsize_stack.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace ctx = boost::context;

// The bare switch pair (out and back) on a pooled stack, as the host uses it.
double raw_switch_ns(long n) {
    ctx::pooled_fixedsize_stack pool(256 * 1024, 16);
    ctx::fiber f(std::allocator_arg, pool, [n](ctx::fiber&& back) {
        for (long i = 0; i < n; ++i) back = std::move(back).resume();
        return std::move(back);
    });
    auto start = std::chrono::steady_clock::now();
    for (long i = 0; i <= n && f; ++i) f = std::move(f).resume();
    auto stop = std::chrono::steady_clock::now();
    return std::chrono::duration<double, std::nano>(stop - start).count() / n;
}

int main(int argc, char** argv) {
    long n = argc > 1 ? std::atol(argv[1]) : 100000;
    gilt::Host host;
    host.def_async("spin", [](gilt::AsyncContext& cx, std::span<const gilt::Handle> args) {
        long count = static_cast<long>(args[0].as_int());
        for (long i = 0; i < count; ++i) cx.sleep(0);
        return gilt::Handle();
    });
    // The same loop written as a script coroutine: the loop's own share.
    host.exec(
        "import asyncio\n"
        "async def spin_script(n):\n"
        "    for _ in range(n):\n"
        "        await asyncio.sleep(0)\n");
    auto time_ns = [&](const char* source) {
        auto start = std::chrono::steady_clock::now();
        host.exec(source);
        auto stop = std::chrono::steady_clock::now();
        return std::chrono::duration<double, std::nano>(stop - start).count() / n;
    };
    host.set_global("N", n);
    double hosted = time_ns("asyncio.run(spin(N))\n");
    double script = time_ns("asyncio.run(spin_script(N))\n");
    std::printf("bare fiber switch out and back: %.1f ns\n", raw_switch_ns(n));
    std::printf("host sleep(0) round trip: %.0f ns\n", hosted);
    std::printf("script sleep(0) round trip: %.0f ns\n", script);
    std::printf("fiber switches and driver: %.0f ns\n", hosted - script);
    return 0;
}
