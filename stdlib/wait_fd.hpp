// Waiting for descriptors without the GIL: the one blocking step shared by
// the socket module (a socket's timeout), select.select/poll/epoll and the
// selectors built on them.
//
// The wait runs with the GIL released. On the main thread it is cut into
// slices of kSignalPollInterval with a look at signal_pending() between them,
// because SIGINT may be delivered to any thread and the main thread cannot
// rely on its own system call failing with EINTR (the lock waits and
// time.sleep do the same). A pending signal runs the Python-level handlers
// (KeyboardInterrupt) and, if they return normally, the wait goes on with
// the time that is left, as PEP 475 asks.
#pragma once

#include <poll.h>

#include <chrono>
#include <functional>

#include "runtime/thread_state.hpp"

namespace gilt {

// A timeout in seconds (negative: none) turned into an absolute deadline.
class WaitDeadline {
public:
    explicit WaitDeadline(double timeout_s);
    bool forever() const noexcept { return m_forever; }
    // Milliseconds left (rounded up; 0 once passed; -1 without a deadline).
    int remaining_ms() const noexcept;

private:
    bool m_forever;
    std::chrono::steady_clock::time_point m_deadline;
};

// Calls `wait(ms)` with the GIL released until it returns a positive count
// (ready), 0 after the deadline passed, or fails. `wait` is a poll-like
// system call: it returns the number of ready descriptors, 0 on time-out,
// -1 with errno set. Returns that count; 0 on time-out; -1 with an exception
// pending (OSError from errno, or what a signal handler raised).
int wait_released(ThreadState& ts, const WaitDeadline& deadline,
                  const std::function<int(int ms)>& wait);

// One descriptor: waits for `events` (POLLIN / POLLOUT). Same returns.
int wait_fd(ThreadState& ts, int fd, short events, const WaitDeadline& deadline);

}  // namespace gilt
