// Parallel interpreters: a server-style host answers requests on a pool of
// Hosts (gilt::HostPool), each request on an interpreter of its own, so
// CPU-bound requests run in parallel, one per core, as processes would.
//
//     embed_worker_pool                 12 requests on 4 Hosts, results checked
//     embed_worker_pool --bench N [W]   N CPU-bound jobs of W steps on N Hosts;
//                                       prints the wall time (bench/host_pool_scaling.sh
//                                       compares it with N gilt processes)
#include <gilt/gilt.hpp>
#include <gilt/host_pool.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <future>
#include <string>
#include <vector>

namespace {

// The request handler every worker loads once.
constexpr const char* kHandler = R"PY(
def count_primes(lo, hi):
    found = 0
    for n in range(max(lo, 2), hi):
        d = 2
        while d * d <= n:
            if n % d == 0:
                break
            d += 1
        else:
            found += 1
    return found

def spin(steps):
    x = 0
    for i in range(steps):
        x = (x * 31 + i) % 1000003
    return x
)PY";

void setup(gilt::Host& host) {
    host.exec(kHandler, "handler.py");
}

int serve() {
    gilt::HostPool pool(4, {}, setup);
    std::vector<std::future<std::int64_t>> replies;
    for (int r = 0; r < 12; ++r) {
        replies.push_back(pool.submit([r](gilt::Host& host) {
            return host.call("count_primes", r * 1000, (r + 1) * 1000).as_int();
        }));
    }
    std::int64_t total = 0;
    for (int r = 0; r < 12; ++r) {
        std::int64_t n = replies[r].get();
        std::printf("request %2d: %lld primes in [%d, %d)\n", r, static_cast<long long>(n),
                    r * 1000, (r + 1) * 1000);
        total += n;
    }
    std::printf("total: %lld primes below 12000 on %zu interpreters\n",
                static_cast<long long>(total), pool.size());
    return total == 1438 ? 0 : 1;
}

int bench(int n, long steps) {
    gilt::HostPool pool(static_cast<std::size_t>(n), {}, setup);  // start-up not timed
    auto start = std::chrono::steady_clock::now();
    std::vector<std::future<std::int64_t>> jobs;
    for (int i = 0; i < n; ++i) {
        jobs.push_back(
            pool.submit([steps](gilt::Host& host) { return host.call("spin", steps).as_int(); }));
    }
    for (auto& j : jobs) j.get();
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%d hosts x %ld steps: %.3f s\n", n, steps, s);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc > 2 && std::strcmp(argv[1], "--bench") == 0) {
        return bench(std::atoi(argv[2]), argc > 3 ? std::atol(argv[3]) : 5000000);
    }
    return serve();
}
