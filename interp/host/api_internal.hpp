// The embedding API's inside, shared by its files: the state behind a Host,
// and the boundary every public function crosses.
//
// Two conventions meet here. Inside, failure is a null Value with the
// exception pending on the ThreadState and nothing ever throws; outside, a
// failure is a thrown gilt::ScriptError. Every public function converts at
// its exit (throw_pending), and the trampolines that run host functions
// convert the other way at their exit (catch_into_python: catch everything,
// raise in Python), so no C++ exception ever unwinds through the eval loop.
//
// Every public entry is also where the GIL is taken (an Entry guard: CPython's
// PyGILState_Ensure, Lua's lua_lock in lapi.c). The Host's thread holds the
// GIL only inside API calls, so the script's own threads run while the host
// does other work; inside a host function the calling Python thread already
// holds it and Entry does nothing. Which ThreadState an entry uses: the one
// of the Python thread running a host function on this OS thread
// (t_current, set by the trampoline), otherwise the Host's main thread.
//
// The files: api_boundary.cpp (ScriptError, the conversions of errors, the
// GIL guards), api_host.cpp (starting a Host, running code, globals, the
// `gilt` command's run_* functions), api_values.cpp (Handle and the
// conversions both ways), api_functions.cpp (host functions and modules),
// api_bind.cpp (typed bindings and host classes), api_async.cpp (async host
// functions on fibers).
#pragma once

#include <gilt/gilt.hpp>

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <typeindex>
#include <unordered_map>
#include <vector>

#include <boost/context/pooled_fixedsize_stack.hpp>

#include "interp/host/host_threads.hpp"
#include "runtime/errors.hpp"
#include "runtime/exception.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/sandbox.hpp"
#include "runtime/thread_state.hpp"

namespace gilt {
namespace detail {

// A registered host function; `name` is what the native function object
// points at, so entries never move (they are held by unique_ptr).
struct FunctionEntry {
    std::string name;
    Function fn;
};

// One running call of an async host function: its fiber, and the mailbox
// the fiber and the coroutine driving it (HostCoroutine, in api_async.cpp)
// exchange through at each switch. Touched only with the GIL held, on the
// thread that resumes the coroutine. Defined in api_async.cpp.
struct AsyncCall;

// What the async host functions of one Host share: the stack pool, the
// running calls by token, the coroutine type their calls return, and the
// two awaitables the driver makes for sleep() and for descriptor waits.
struct AsyncState {
    explicit AsyncState(const Options& options);  // in api_async.cpp, like the destructor
    ~AsyncState();                                // in api_async.cpp, after AsyncCall's definition
    boost::context::pooled_fixedsize_stack pool;
    std::size_t stack_size;
    std::map<std::int64_t, std::unique_ptr<AsyncCall>> calls;
    std::int64_t next_token = 1;
    TypeObject* coro_type = nullptr;  // null until the first def_async
    Handle sleep;                     // asyncio.sleep
    Handle fd_ready;                  // _hostasync.fd_ready(fd, for_writing)
};

// A typed host function (gilt/bind.hpp) as its trampoline finds it: the
// function and its argument spec for parse_args_span.
struct TypedEntry {
    HostState* hs;  // its Host: the trampoline reaches it from here
    TypedFunction fn;
    std::vector<std::string_view> spec;  // views into fn.params, "|" before defaults
    bool named = false;                  // keywords allowed (gilt::arg given)
    std::uint32_t required = 0;          // parameters without a default
};

struct HostState {
    Host* host = nullptr;
    std::unique_ptr<Interpreter> interp;
    ThreadState* ts = nullptr;
    Value main_dict;  // owned: __main__'s namespace
    std::vector<std::unique_ptr<FunctionEntry>> functions;
    std::size_t live_objects = 0;  // Handles of this Host alive right now
    // The exception behind the latest ScriptError thrown (owned), so that it
    // can be re-raised as itself if the host lets it travel back into a script.
    // Dropped at the next entry once `last_error_alive` has expired (no
    // copy of that ScriptError exists any more): a deep recursion's
    // traceback must not keep a capped heap full after the host has
    // handled the error.
    Value last_error;
    std::uint64_t last_error_serial = 0;
    std::weak_ptr<const void> last_error_alive;
    std::string program_name;
    bool inspect = false;  // Options::interactive: -i, a REPL follows the program
    bool keyboard_interrupt = false;
    bool finalized = false;
    int finalize_status = 0;
    // Daemon threads still ran Python code at finalize(): the interpreter
    // must not be destroyed under them.
    bool daemon_threads = false;
    std::unique_ptr<AsyncState> async;
    // Typed host functions, indexed like `functions` (api_bind.cpp).
    std::vector<std::unique_ptr<TypedEntry>> typed;
    // Host classes: the class object bound for each C++ type (owned).
    std::unordered_map<std::type_index, Value> classes;

    ~HostState() {
        if (!interp) return;
        ThreadState& main = interp->main_thread();
        if (!interp->gil.is_held_by(main.gil_thread)) interp->gil.take(main.gil_thread);
        for (auto& [t, cls] : classes) clear_ref(cls);
        clear_ref(last_error);
        clear_ref(main_dict);
        interp->module_state.erase("gilt.host");
        if (daemon_threads) {
            // Deliberately leaked, GIL held: the daemon threads wait for the
            // GIL forever instead of running on a freed interpreter (CPython's
            // daemon threads likewise never run again after finalization).
            static_cast<void>(interp.release());
            return;
        }
        interp.reset();
    }
};

struct Access {
    // Wraps a new reference (consumed).
    static Handle own(HostState* hs, Value v) noexcept {
        ++hs->live_objects;
        return Handle(hs, v.bits());
    }
    static Handle borrow(HostState* hs, Value v) noexcept { return own(hs, new_ref(v)); }
    static Value value(const Handle& o) noexcept { return Value::from_bits(o.m_bits); }
    static HostState* state(const Handle& o) noexcept { return o.m_host; }
    static HostState& state(Host& h) noexcept { return *h.m_state; }
    static CallContext context(Host* host, std::string_view name) noexcept {
        return CallContext(host, name);
    }
    static ScriptError error(std::string type, std::string message, std::string traceback,
                             std::optional<int> code, const void* origin, std::uint64_t serial,
                             std::shared_ptr<const void> alive) {
        return ScriptError(std::move(type), std::move(message), std::move(traceback), code, origin,
                           serial, std::move(alive));
    }
    static const void* origin(const ScriptError& e) noexcept { return e.m_origin; }
    static std::uint64_t serial(const ScriptError& e) noexcept { return e.m_serial; }
};

}  // namespace detail

using detail::Access;
using detail::FunctionEntry;
using detail::HostState;
namespace api {

// The ThreadState of the Python thread running a host function on this OS
// thread, if any (saved and restored around each host function call).
extern thread_local ThreadState* t_current;

inline ThreadState& current_ts(HostState& hs) {
    ThreadState* ts = t_current;
    if (ts != nullptr && &ts->interp() == hs.interp.get()) return *ts;
    if (ThreadState* attached = attached_thread_state(*hs.interp)) return *attached;
    return *hs.ts;
}

// A host thread other than the Host's own, outside any host function, is
// attached for its outermost call (interp/host/host_threads.hpp). Returns
// what host_thread_leave() must be given.
inline ThreadState* enter_thread(HostState& hs) {
    ThreadState* ts = t_current;
    if (ts != nullptr && &ts->interp() == hs.interp.get()) return nullptr;
    return host_thread_enter(*hs.interp, *hs.ts);
}

// Every public entry holds one (see the top of the file): attaches a host
// thread if needed, takes the GIL unless this thread holds it already, arms
// a sandbox's time limit if none is armed, and undoes all that at exit.
class Entry {
public:
    explicit Entry(HostState& hs)
        : m_interp(*hs.interp), m_attached(enter_thread(hs)), ts(current_ts(hs)) {
        Gil& gil = ts.interp().gil;
        if (!gil.is_held_by(ts.gil_thread)) {
            gil.take(ts.gil_thread);
            m_took = true;
        }
        if (Sandbox* sb = m_interp.sandbox.get()) m_armed = sb->arm_deadline();
        if (!hs.last_error.is_null() && hs.last_error_alive.expired()) clear_ref(hs.last_error);
    }
    ~Entry() {
        if (m_armed) m_interp.sandbox->disarm_deadline();
        if (m_took) ts.interp().gil.drop(ts.gil_thread);
        host_thread_leave(m_interp, m_attached);
    }
    Entry(const Entry&) = delete;
    Entry& operator=(const Entry&) = delete;

private:
    Interpreter& m_interp;
    ThreadState* m_attached;

public:
    ThreadState& ts;

private:
    bool m_took = false;
    bool m_armed = false;
};

// Makes `ts` the current thread state of this OS thread for a host call.
class CurrentThread {
public:
    explicit CurrentThread(ThreadState& ts) : m_saved(t_current) { t_current = &ts; }
    ~CurrentThread() { t_current = m_saved; }
    CurrentThread(const CurrentThread&) = delete;
    CurrentThread& operator=(const CurrentThread&) = delete;

private:
    ThreadState* m_saved;
};

std::string type_name_of(ThreadState& ts, Value v);
// Turns the pending exception into a thrown ScriptError, keeping the
// exception object for a possible re-raise.
[[noreturn]] void throw_pending(HostState& hs);
// Returns `v` (a new reference) as a Handle, or throws the pending error.
Handle own_or_throw(HostState& hs, Value v);
void check_ok(HostState& hs, bool ok);
// The Value of an argument handle, which must belong to this Host.
Value value_in(HostState& hs, const Handle& o);
HostState& state_checked(const Handle& o);
// A str from host text, ValueError unless it is valid UTF-8.
Value make_str_checked(HostState& hs, std::string_view text);
// An interned attribute or global name.
Value name_value(HostState& hs, std::string_view name);

// The Host an interpreter belongs to (null for one the CLI made without
// a Host, which never happens today).
HostState* host_state_of(ThreadState& ts);
// Raises the exception a ScriptError describes: the original object when it
// came from this Host and is the latest one, else a new one by type name.
Value raise_script_error(HostState& hs, const ScriptError& e);

// Runs `body` (which may throw) and maps what it throws, as gilt.hpp lists.
template <class F>
Value catch_into_python(HostState& hs, F&& body) {
    ThreadState& ts = current_ts(hs);
    const ExceptionTypes& exc = ts.exc_types();
    try {
        return body();
    } catch (const ScriptError& e) {
        return raise_script_error(hs, e);
    } catch (const std::invalid_argument& e) {
        return raise(ts, exc.ValueError, e.what());
    } catch (const std::domain_error& e) {
        return raise(ts, exc.ValueError, e.what());
    } catch (const std::length_error& e) {
        return raise(ts, exc.ValueError, e.what());
    } catch (const std::out_of_range& e) {
        return raise(ts, exc.IndexError, e.what());
    } catch (const std::range_error& e) {
        return raise(ts, exc.ValueError, e.what());
    } catch (const std::overflow_error& e) {
        return raise(ts, exc.OverflowError, e.what());
    } catch (const std::bad_alloc&) {
        return raise_memory_error(ts);
    } catch (const std::exception& e) {
        return raise(ts, exc.RuntimeError, e.what());
    } catch (...) {
        return raise(ts, exc.RuntimeError, "unknown C++ exception");
    }
}

// A builtin function object for a new host function entry (api_functions.cpp).
Value make_host_function(HostState& hs, std::string_view name, Function fn, Value module_name);
// Drops the Handles typed functions keep (their defaults), before the
// Host's Handles are counted at its destruction (api_bind.cpp).
void release_bindings(HostState& hs);
// Unwinds the async calls still suspended (api_async.cpp), before the
// Host's Handles are counted at its destruction.
void release_async_calls(HostState& hs);

}  // namespace api
}  // namespace gilt
