// The sandbox: an interpreter that runs untrusted scripts for its host.
//
// A host sets it up per interpreter (gilt::Options::sandbox, which fills a
// SandboxConfig); an interpreter without one pays nothing for it. It has
// three parts, each enforced where the thing it limits happens:
//
//  - Limits. A budget of check points (the eval loop's backward jumps and
//    calls, where it already polls the eval breaker), a wall-time limit per
//    host call, and a cap on the heap (runtime/heap_meter.hpp). While a
//    budget or a deadline is active the kEvalBreakerSandbox bit stays set,
//    so every check point takes the slow path into sandbox_check_point();
//    without them the bit is never set and the loop runs as before. A spent
//    budget or a passed deadline raises gilt.BudgetExceeded /
//    gilt.TimeLimitExceeded (RuntimeError subclasses; the host may choose
//    another type for the budget) at every check point until the host tops
//    the budget up or the call ends: a script that catches the exception
//    and carries on is stopped again at its next loop iteration or call.
//    Luau's interrupt callback and Lua's count hook are the models.
//
//  - Capabilities, removed at their source. Native modules that reach the
//    world outside the interpreter (_socket, _ssl, _subprocess, select,
//    mmap, _multiprocessing, _posixshmem, resource, _sqlite3, _signal,
//    _asyncio) refuse to load in a sandboxed interpreter, whoever imports
//    them. Modules that are half safe (posix, io, _thread, gc, builtins)
//    load, but their unsafe functions are replaced, as the module object is
//    made, by one that raises PermissionError; the most dangerous native
//    functions (open, fork, exec, kill, _exit, thread start) also check
//    sandbox_permits() themselves. So no path to a file, a process or a
//    socket exists in the interpreter at all, however a script walks the
//    object graph (__subclasses__, frames, __globals__, sys.modules).
//
//  - The import gate. A script may import only the modules the host allowed
//    (and their submodules). Stdlib code compiled into the binary may still
//    import what it needs by `import` statements (its code objects carry
//    kCodeStdlib, which scripts cannot forge: the flag is set only by the
//    loader of embedded modules), so `json` can import `re` without the
//    host listing it. Dynamic imports (__import__, importlib, pickle's
//    find_class) are always checked against the allow-list, whoever calls.
//
// Threads: the budget and the deadline are read and written with atomics
// (the host tops up and arms from its own threads); the rest is set before
// the interpreter runs and never changes.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/interpreter.hpp"
#include "runtime/thread_state.hpp"

namespace gilt {

struct SandboxConfig {
    // Check points the scripts may pass (< 0: no budget).
    std::int64_t budget = -1;
    // Called (with the GIL held, on the script's thread) when the budget is
    // spent; returns how many check points to add (0: raise).
    std::function<std::int64_t()> refill;
    // Wall-time limit of one host call, in seconds (0: none).
    double time_limit = 0;
    // Top-level module names the scripts may import.
    std::vector<std::string> allowed_modules;
    // Allow _thread.start_new_thread (threading.Thread.start).
    bool allow_threads = false;
};

// Makes the interpreter of `ts` (just started, nothing run yet) a sandboxed
// one: installs the Sandbox, restricts builtins, sets sys.stdin to None (the
// host's standard input is not the script's). false with an exception
// pending.
[[nodiscard]] bool sandbox_install(ThreadState& ts, SandboxConfig config);

// The module names a sandbox allows when the host names none: pure
// computation, no I/O.
const std::vector<std::string>& sandbox_default_modules();

class Sandbox {
public:
    Sandbox(Interpreter& interp, SandboxConfig config);
    Sandbox(const Sandbox&) = delete;
    Sandbox& operator=(const Sandbox&) = delete;

    const SandboxConfig& config() const noexcept { return m_config; }

    // --- the budget ---
    bool has_budget() const noexcept { return m_config.budget >= 0; }
    std::int64_t budget_left() const noexcept;
    void add_budget(std::int64_t n) noexcept;
    // --- the deadline of the current host call ---
    // Arms it (now + time_limit) unless one is armed; true if it armed it.
    bool arm_deadline() noexcept;
    void disarm_deadline() noexcept;
    bool deadline_passed() const noexcept;

private:
    friend bool sandbox_check_point(ThreadState& ts);
    void update_breaker() noexcept;

    Interpreter& m_interp;
    SandboxConfig m_config;
    std::atomic<std::int64_t> m_budget{0};
    std::atomic<std::int64_t> m_deadline_ns{0};  // steady clock; 0: none armed
    std::uint32_t m_ticks = 0;                   // under the GIL: when to read the clock
};

inline bool is_sandboxed(const ThreadState& ts) noexcept {
    return ts.interp().sandbox != nullptr;
}

// The slow path of a check point with kEvalBreakerSandbox set: counts one
// tick of the budget, reads the clock now and then. false with
// BudgetExceeded / TimeLimitExceeded pending.
[[nodiscard]] bool sandbox_check_point(ThreadState& ts);
// For blocking calls: false with TimeLimitExceeded pending when the
// deadline has passed (true otherwise, and always outside a sandbox).
[[nodiscard]] bool sandbox_check_deadline(ThreadState& ts);

// Capability `what` (a function name as the script sees it, "open",
// "os.fork"): true outside a sandbox; inside, false with PermissionError
// "<what> is not allowed in a sandboxed interpreter" pending.
[[nodiscard]] bool sandbox_permits(ThreadState& ts, std::string_view what);

// May a native module of this name be made in this interpreter? false with
// ImportError pending when sandboxed and the module reaches outside.
[[nodiscard]] bool sandbox_native_allowed(ThreadState& ts, std::string_view name);
// Replaces the unsafe functions of a half-safe module just made (posix, io,
// _io, _thread, gc, builtins' dict) by refusing ones. No-op outside a
// sandbox. false with an exception pending.
[[nodiscard]] bool sandbox_restrict_module(ThreadState& ts, std::string_view name, Value dict);
// The import gate: may the running code import `name` (an absolute dotted
// name)? `trusted` is true for an import statement in stdlib code (the
// caller, interp/vm/import.cpp, knows frames; the runtime does not). false
// with ModuleNotFoundError pending.
[[nodiscard]] bool sandbox_import_allowed(ThreadState& ts, std::string_view name, bool trusted);

// gilt.BudgetExceeded and gilt.TimeLimitExceeded (borrowed; made on first
// use, owned by the interpreter). Null with an exception pending on failure.
Value sandbox_budget_error(ThreadState& ts);
Value sandbox_time_error(ThreadState& ts);
// The type the spent budget raises instead of BudgetExceeded (an exception
// class; null restores the default).
void sandbox_set_budget_error(ThreadState& ts, Value type);

}  // namespace gilt
