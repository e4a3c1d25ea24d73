// host_pool.hpp: a pool of Hosts for a server-style host, each request run
// on an interpreter of its own, in parallel.
//
//     #include <gilt/host_pool.hpp>
//
//     gilt::HostPool pool(4, [] { return gilt::Options::sandboxed(); },
//                         [](gilt::Host& h) { h.exec(plugin_source); });
//     std::future<std::int64_t> r = pool.submit([](gilt::Host& h) {
//         return h.call("handle", 42).as_int();
//     });
//     r.get();
//
// Why a pool: one Host has one GIL, so requests on one Host take turns, as
// Python threads do. Hosts are independent (each its own GIL, heap, modules),
// so N Hosts on N worker threads run N requests at once, as N processes
// would, without processes (DESIGN.md "parallel interpreters"). The pool
// keeps its Hosts between requests: start-up and `setup` are paid once per
// worker, not per request.
//
// Ownership and threads. Each worker thread creates its Host, runs `setup`
// on it, then runs jobs on it, and destroys it when the pool is destroyed;
// a Host never leaves its worker thread. A job receives the worker's Host
// and may keep nothing of it (no Handle) beyond its return: the result must
// be a C++ value. State a job leaves in the Host (globals) is seen by later
// jobs on the same worker, which is which one is not specified; a job that
// needs a clean slate resets what it uses.
//
// Errors. A job's exception (a ScriptError, or anything else it throws) is
// stored in its future and rethrown by get(); the worker goes on. A Host
// whose `setup` throws makes the constructor throw that exception (after
// stopping the other workers).
//
// Destruction waits for the queued jobs to finish, then joins the workers.
// Not copyable or movable.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include <gilt/gilt.hpp>

namespace gilt {

class HostPool {
public:
    // `size` workers (at least 1). `make_options` gives each Host's Options
    // (default: Options{}); `setup` prepares each Host once (define host
    // functions, exec the plugin); both run on the worker's thread.
    explicit HostPool(std::size_t size, std::function<Options()> make_options = {},
                      std::function<void(Host&)> setup = {}) {
        if (size == 0) size = 1;
        std::vector<std::future<void>> started;
        for (std::size_t i = 0; i < size; ++i) {
            auto ready = std::make_shared<std::promise<void>>();
            started.push_back(ready->get_future());
            m_workers.emplace_back(
                [this, make_options, setup, ready] { run_worker(make_options, setup, *ready); });
        }
        std::exception_ptr failure;
        for (auto& f : started) {
            try {
                f.get();
            } catch (...) {
                if (!failure) failure = std::current_exception();
            }
        }
        if (failure) {
            stop();
            std::rethrow_exception(failure);
        }
    }

    ~HostPool() { stop(); }
    HostPool(const HostPool&) = delete;
    HostPool& operator=(const HostPool&) = delete;

    std::size_t size() const noexcept { return m_workers.size(); }

    // Queues `job(Host&)` for the next free worker; its result (or
    // exception) arrives through the future.
    template <class F>
    auto submit(F&& job) -> std::future<std::invoke_result_t<F&, Host&>> {
        using R = std::invoke_result_t<F&, Host&>;
        auto task = std::make_shared<std::packaged_task<R(Host&)>>(std::forward<F>(job));
        std::future<R> result = task->get_future();
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_jobs.emplace_back([task](Host& host) { (*task)(host); });
        }
        m_wake.notify_one();
        return result;
    }

private:
    void run_worker(const std::function<Options()>& make_options,
                    const std::function<void(Host&)>& setup, std::promise<void>& ready) {
        std::unique_ptr<Host> host;
        try {
            host = std::make_unique<Host>(make_options ? make_options() : Options{});
            if (setup) setup(*host);
            ready.set_value();
        } catch (...) {
            ready.set_exception(std::current_exception());
            return;
        }
        for (;;) {
            std::function<void(Host&)> job;
            {
                std::unique_lock<std::mutex> lock(m_mutex);
                m_wake.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
                if (m_jobs.empty()) break;  // stopping, and nothing left to do
                job = std::move(m_jobs.front());
                m_jobs.pop_front();
            }
            job(*host);  // packaged_task: exceptions go to the future
        }
    }

    void stop() {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_all();
        for (std::thread& t : m_workers) {
            if (t.joinable()) t.join();
        }
    }

    std::mutex m_mutex;                             // guards m_jobs and m_stopping
    std::condition_variable m_wake;                 // a job arrived, or stopping
    std::deque<std::function<void(Host&)>> m_jobs;  // guarded by m_mutex
    bool m_stopping = false;                        // guarded by m_mutex
    std::vector<std::thread> m_workers;             // touched by the owner only
};

}  // namespace gilt
