// Descriptor waits with the GIL released (see wait_fd.hpp).
#include "stdlib/wait_fd.hpp"

#include <cerrno>
#include <cmath>

#include "runtime/errors.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/interrupts.hpp"
#include "runtime/locks.hpp"
#include "runtime/signals.hpp"

namespace gilt {

using Clock = std::chrono::steady_clock;

WaitDeadline::WaitDeadline(double timeout_s) : m_forever(timeout_s < 0 || std::isnan(timeout_s)) {
    if (!m_forever) {
        m_deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                        std::chrono::duration<double>(timeout_s));
    }
}

int WaitDeadline::remaining_ms() const noexcept {
    if (m_forever) return -1;
    auto left = m_deadline - Clock::now();
    if (left.count() <= 0) return 0;
    auto us = std::chrono::duration_cast<std::chrono::microseconds>(left).count();
    int64_t ms = (us + 999) / 1000;
    return ms > INT32_MAX ? INT32_MAX : static_cast<int>(ms);
}

int wait_released(ThreadState& ts, const WaitDeadline& deadline,
                  const std::function<int(int ms)>& wait) {
    bool on_main = polls_interrupts(ts);
    const int slice = static_cast<int>(kSignalPollInterval.count());
    for (;;) {
        int left = deadline.remaining_ms();
        int ms = left;
        // The main thread wakes up between slices to look for Ctrl-C.
        if (on_main && (ms < 0 || ms > slice)) ms = slice;
        int r, err;
        {
            GilRelease released(ts);
            r = wait(ms);
            err = errno;
        }
        if (r > 0) return r;
        if (r < 0 && err != EINTR) {
            raise_os_error(ts, err);
            return -1;
        }
        if ((r < 0 || on_main) && interrupt_pending(ts) && !run_pending_interrupts(ts)) return -1;
        if (r == 0 && ms == left) return 0;
    }
}

int wait_fd(ThreadState& ts, int fd, short events, const WaitDeadline& deadline) {
    return wait_released(ts, deadline, [fd, events](int ms) {
        pollfd p{fd, events, 0};
        return ::poll(&p, 1, ms);
    });
}

}  // namespace gilt
