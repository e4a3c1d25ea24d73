// gilt.hpp: the embedding API of gilt, the one header a host application
// includes.
//
//     #include <gilt/gilt.hpp>
//
//     gilt::Host host;                                  // one interpreter
//     host.def("scale", [](gilt::CallContext&, std::span<const gilt::Handle> args) {
//         return args[0].host().object(args[0].as_double() * 2);
//     });
//     host.exec("def area(r):\n    return 3.14159 * scale(r) ** 2\n");
//     double a = host.call("area", 1.5).as_double();
//
// Link with the CMake target gilt::gilt (`find_package(gilt)`).
//
// Two headers this one includes at its end add the typed layer: gilt/bind.hpp
// (host functions with C++ signatures, `host.def("area", [](double w, double
// h) { return w * h; })`, and gilt::Module) and gilt/class.hpp (host
// classes, gilt::class_<T>). docs/embedding.md is the guide.
//
// The shape of the API
// --------------------
// A `Host` owns one interpreter: its heap, modules, threads and (soon) its
// GIL. A host holds Python values through `Handle`s, each owning one
// reference. The names avoid the runtime's: inside the library,
// `gilt::Interpreter` is the runtime's interpreter (this header only
// forward-declares it; in-tree code such as the `gilt` command reaches it
// through Host::interpreter()) and `gilt::Object` is the header every heap
// object starts with. So a host never sees the runtime's headers, and the
// runtime never sees this one, yet both live in namespace gilt. "The
// interpreter" below means the Host's interpreter.
//
// Ownership, in one place
// -----------------------
//  - A Host owns its interpreter; destroying the Host finalizes and frees it.
//  - A Handle owns one reference to a Python value. Copying a Handle adds
//    a reference; destroying it drops one. A Handle must be destroyed
//    before its Host: a Host destroyed with live Handles aborts the process
//    with a message naming the count (a host bug, like freeing a Wren VM
//    with handles still alive).
//  - Strings, vectors and maps returned by conversions are copies the caller
//    owns. ScriptError owns plain strings only, so it may outlive the Host.
//  - Arguments passed by const reference are only read during the call.
//
// Threads
// -------
// Any OS thread may call into a Host and use its Handles. Each API call
// takes the interpreter's GIL on entry and drops it on return, so calls
// from several host threads are serialised by the GIL exactly as Python
// threads are (a long-running call lets the others in at its check points,
// every switch interval), and the script's own threads run while the host
// does other work (HoldGil keeps the GIL across several calls). A thread
// other than the one that created the Host is attached for the length of
// its outermost call: it gets a thread state of its own (its own C++ stack
// bound for RecursionError, its own exception state), which is freed when
// the call returns, as CPython's PyGILState_Ensure/Release do. Inside a
// host function, the calling Python thread's state is used. A Handle may be
// destroyed on any thread. The Host itself must be destroyed on one thread
// while no other thread is calling into it. Several Hosts in one process are
// independent, each with its own GIL: each may run on its own thread at the
// same time (gilt::HostPool runs a request per interpreter).
//
// Errors
// ------
//  - A Python exception that escapes a call into the interpreter (exec,
//    eval, call, a conversion, attribute access, ...) is thrown to the host
//    as `gilt::ScriptError`, carrying the exception's type name, its message
//    and the full traceback text as the `gilt` command would print it.
//  - A C++ exception thrown by a host function never unwinds through the
//    interpreter: it is caught at the boundary and raised in the script as a
//    Python exception. ScriptError becomes the exception it describes (the
//    very same exception object if it came from this Host); the standard
//    exceptions map as pybind11 maps them: std::invalid_argument,
//    std::domain_error, std::length_error, std::range_error -> ValueError,
//    std::out_of_range -> IndexError, std::overflow_error -> OverflowError,
//    std::bad_alloc -> MemoryError, any other std::exception ->
//    RuntimeError(what()), anything else -> RuntimeError("unknown C++
//    exception").
//  - Misusing the API (an operation on an empty Handle) throws
//    std::logic_error.
//  - A script can never make the process die: SystemExit is an exception
//    like the others here (ScriptError::exit_code() tells the status); only
//    the run_* functions, which act as the `gilt` command, turn it into a
//    status.
#pragma once

#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace gilt {

class Interpreter;  // runtime/interpreter.hpp: opaque to hosts
class Host;
class Handle;
class CallContext;
class AsyncContext;

namespace detail {
struct AsyncCall;
struct HostState;
struct Access;
}  // namespace detail

// ---------------------------------------------------------------------------
// ScriptError: a Python exception, seen from C++.
// ---------------------------------------------------------------------------
class ScriptError : public std::runtime_error {
public:
    // For host functions: `throw gilt::ScriptError("KeyError", "no such key")`
    // raises KeyError("no such key") in the script. `type_name` names a
    // builtin exception type; any other name raises RuntimeError with
    // "type_name: message". traceback() is empty for such errors.
    ScriptError(std::string type_name, std::string message);

    // The exception's type name ("ValueError", or a user class's __name__).
    const std::string& type_name() const noexcept { return m_type_name; }
    // str(exception): the message without the type ("" when there is none).
    const std::string& message() const noexcept { return m_message; }
    // The complete text CPython would print for the uncaught exception:
    // "Traceback (most recent call last):", one entry per frame with file,
    // line and source line, chained exceptions, and the final
    // "Type: message" line. Ends with a newline.
    const std::string& traceback() const noexcept { return m_traceback; }
    // For SystemExit, the status the `gilt` command would exit with
    // (None -> 0, an int -> that int, anything else -> 1); otherwise empty.
    std::optional<int> exit_code() const noexcept { return m_exit_code; }

private:
    friend struct detail::Access;
    ScriptError(std::string type_name, std::string message, std::string traceback,
                std::optional<int> exit_code, const void* origin, std::uint64_t serial,
                std::shared_ptr<const void> alive);

    std::string m_type_name;
    std::string m_message;
    std::string m_traceback;
    std::optional<int> m_exit_code;
    // Which Host raised it, and which of its exceptions: lets a ScriptError
    // that travels back into a script through a host function re-raise the
    // original exception object (traceback and attributes intact).
    const void* m_origin = nullptr;
    std::uint64_t m_serial = 0;
    // Shared by the copies of one thrown ScriptError; the Host watches it
    // and lets go of the exception object (and its traceback, which may be
    // large) at its next call once the last copy is gone.
    std::shared_ptr<const void> m_alive;
};

// ---------------------------------------------------------------------------
// SandboxOptions: limits and capabilities for untrusted scripts
// (docs/embedding_sandbox.md). Off by default.
// ---------------------------------------------------------------------------
struct SandboxOptions {
    // Makes the Host a sandbox: the capabilities below are removed, the
    // import allow-list applies, budget and time_limit count. Without it,
    // only memory_limit applies (a plain Host may cap its heap too).
    bool enabled = false;
    // Check points the scripts may pass: each loop iteration (backward
    // jump) and each call of a Python function counts one. When spent, the
    // script gets gilt.BudgetExceeded (a RuntimeError subclass; see
    // Host::set_budget_exception) at every check point until the host
    // calls add_budget(). -1: no budget. Costs nothing when -1.
    std::int64_t budget = -1;
    // Called when the budget is spent, on the script's thread with the GIL
    // held (it must not call into the Host): returns the check points to
    // add, or 0 to raise. Luau's interrupt callback, for budgets.
    std::function<std::int64_t()> on_budget_spent;
    // Wall-time limit of each outermost call into the Host (exec, eval,
    // call, run_*, or a HoldGil scope), in seconds; 0: none. When it passes
    // the script gets gilt.TimeLimitExceeded (a BudgetExceeded subclass) at
    // its next check point, or within 50 ms in a blocking call (sleep, lock
    // and queue waits, sockets, select).
    double time_limit = 0;
    // Cap on the interpreter's heap, in bytes (0: none); applies with or
    // without `enabled`. An allocation past it raises MemoryError in the
    // script; the host and other Hosts are unaffected. Counts objects and
    // the buffers of lists, dicts, str and bytearray (not big-integer
    // digits or frame stacks).
    std::size_t memory_limit = 0;
    // Top-level modules scripts may import (and their submodules). Empty:
    // the safe default set, pure computation only (abc base64 bisect
    // calendar collections contextlib copy dataclasses datetime decimal
    // difflib enum fractions functools gilt hashlib heapq hmac itertools
    // json keyword math numbers operator pprint random re statistics string
    // struct textwrap time types typing unicodedata uuid zlib).
    std::vector<std::string> allowed_modules;
    // Lets scripts start threads (threading.Thread.start). Off: PermissionError.
    bool allow_threads = false;
};

// ---------------------------------------------------------------------------
// Options: how a Host's interpreter starts. Every field has a usable default.
// ---------------------------------------------------------------------------
struct Options {
    // A sandboxed Host's options: sandbox.enabled, a 5 second time limit
    // per call and a 256 MiB heap; no budget (set sandbox.budget to count).
    static Options sandboxed() {
        Options o;
        o.sandbox.enabled = true;
        o.sandbox.time_limit = 5.0;
        o.sandbox.memory_limit = std::size_t(256) << 20;
        return o;
    }
    // Limits and capabilities for untrusted scripts; off by default.
    SandboxOptions sandbox;
    // sys.argv. Empty (the default) gives [''] as CPython does for an
    // embedded interpreter.
    std::vector<std::string> argv;
    // -X options, each "name" (sys._xoptions[name] = True) or "name=value"
    // (sys._xoptions[name] = 'value').
    std::vector<std::string> xoptions;
    // Directories put at the front of sys.path, in this order. "" means the
    // current directory. Modules are also found in the interpreter's
    // embedded standard library and in native modules, whatever the path.
    std::vector<std::string> path;
    // Where the script's sys.stdout / sys.stderr text goes. Empty (the
    // default): file descriptors 1 and 2. A sink receives UTF-8 text in
    // pieces as the script flushes them; it is called on the thread that
    // runs the script while that thread holds the GIL, so it must not call
    // back into the Host.
    std::function<void(std::string_view)> stdout_sink;
    std::function<void(std::string_view)> stderr_sink;
    // The name messages of the run_* functions start with ("gilt: can't
    // open file ...").
    std::string program_name = "gilt";
    // Async host functions (Host::def_async): the size in bytes of each
    // fiber stack, and how many stacks the pool allocates at a time. See
    // "Async host functions" below for what fits in a stack.
    std::size_t fiber_stack_size = 256 * 1024;
    std::size_t fiber_pool_chunk = 16;
    // A REPL follows the program (`gilt -i`, or no program): the run_*
    // functions then report SystemExit like any other exception instead of
    // returning its status, as CPython's inspect mode does.
    bool interactive = false;
};

// ---------------------------------------------------------------------------
// Handle: one reference to a Python value.
// ---------------------------------------------------------------------------
class Handle {
public:
    // An empty handle: holds no value. A host function may return it to
    // mean None; any other use throws std::logic_error.
    Handle() noexcept = default;
    Handle(const Handle& other) noexcept;
    Handle(Handle&& other) noexcept;
    Handle& operator=(const Handle& other) noexcept;
    Handle& operator=(Handle&& other) noexcept;
    ~Handle();

    bool is_empty() const noexcept { return m_host == nullptr; }
    // The Host this value belongs to. std::logic_error if empty.
    Host& host() const;

    bool is_none() const;
    // `a is b` (identity, not equality).
    bool is(const Handle& other) const;
    // type(v).__name__: "int", "str", "MyClass".
    std::string type_name() const;
    std::string repr() const;  // repr(v)
    std::string str() const;   // str(v)

    // --- conversions to C++: each throws ScriptError (TypeError,
    // OverflowError, ...) when the value does not convert ---
    // int(v) by __index__ (ints, bools, objects with __index__), checked
    // to fit int64_t (OverflowError otherwise).
    std::int64_t as_int() const;
    // float(v) for ints, floats and objects with __float__ / __index__.
    double as_double() const;
    // bool(v): Python truthiness (never throws for builtin types).
    bool as_bool() const;
    // The UTF-8 text of a str (TypeError for anything else; use str() to
    // format any value).
    std::string as_string() const;
    // list(v) for any iterable: its items as new handles.
    std::vector<Handle> as_list() const;
    // A dict (or any object with items()) whose keys are all str.
    std::map<std::string, Handle> as_dict() const;
    // The conversion named by T: any integral type (range-checked),
    // floating type, bool, std::string, Handle, std::vector<U>,
    // std::map<std::string, U>, std::optional<U> (None -> nullopt).
    template <class T>
    T as() const;

    // --- the object protocol; all throw ScriptError on Python errors ---
    Handle attr(std::string_view name) const;  // getattr(v, name)
    bool has_attr(std::string_view name) const;
    void set_attr(std::string_view name, const Handle& value) const;
    template <class T>
    requires(!std::is_same_v<std::remove_cvref_t<T>, Handle>) void set_attr(std::string_view name,
                                                                            T&& value) const;
    Handle operator[](const Handle& key) const;  // v[key]
    Handle operator[](std::string_view key) const;
    template <std::integral I>
    Handle operator[](I index) const {
        return item_int(static_cast<std::int64_t>(index));
    }
    void set_item(const Handle& key, const Handle& value) const;
    std::int64_t len() const;  // len(v)
    // v(*args); each argument is converted as Host::object() does.
    Handle call(std::span<const Handle> args) const;
    template <class... A>
    Handle operator()(A&&... args) const;

    // In-tree code only: the raw tagged word (a borrowed runtime Value).
    std::uint64_t raw_value() const noexcept { return m_bits; }

private:
    friend struct detail::Access;
    Handle(detail::HostState* host, std::uint64_t owned_bits) noexcept
        : m_host(host), m_bits(owned_bits) {}
    Handle item_int(std::int64_t index) const;

    detail::HostState* m_host = nullptr;
    std::uint64_t m_bits = 0;
};

// ---------------------------------------------------------------------------
// Host functions.
// ---------------------------------------------------------------------------

// What a host function receives besides its arguments.
class CallContext {
public:
    Host& host() const noexcept { return *m_host; }
    // The Python-visible name the function was registered under.
    std::string_view function_name() const noexcept { return m_name; }

private:
    friend struct detail::Access;
    CallContext(Host* host, std::string_view name) noexcept : m_host(host), m_name(name) {}
    Host* m_host;
    std::string_view m_name;
};

// A host function. `args` are the positional arguments (borrowed handles,
// valid during the call; copy a Handle to keep it). Keyword arguments are
// refused with TypeError("name() takes no keyword arguments"). The result
// is returned to the script; an empty Handle means None. Exceptions: see
// "Errors" above.
using Function = std::function<Handle(CallContext& ctx, std::span<const Handle> args)>;

// Lets other Python threads run while a host function blocks (I/O, a lock,
// a long computation that touches no Python value):
//
//     [](gilt::CallContext& ctx, std::span<const gilt::Handle> args) {
//         std::string path = args[0].as_string();   // convert first
//         std::string data;
//         {
//             gilt::ReleaseGil unlocked(ctx);          // GIL released here...
//             data = slow_read(path);                  // ...no Handle use allowed
//         }                                            // ...taken back here
//         return ctx.host().object(data);
//     }
//
// While a ReleaseGil lives, the function must not create, copy, destroy or
// use any Handle, nor call the Host. It is the runtime's GilRelease, seen
// from the host.
class ReleaseGil {
public:
    explicit ReleaseGil(CallContext& ctx);
    ~ReleaseGil();
    ReleaseGil(const ReleaseGil&) = delete;
    ReleaseGil& operator=(const ReleaseGil&) = delete;

private:
    alignas(std::max_align_t) unsigned char m_storage[64];  // the runtime's GilRelease
};

// Keeps the GIL for the calling thread across several API calls, which
// otherwise take and drop it one by one: for a burst of conversions, or for
// in-tree code calling runtime functions on Host::interpreter() directly
// (which requires the GIL). Nests freely; a no-op inside a host function.
class HoldGil {
public:
    explicit HoldGil(Host& host);
    ~HoldGil();
    HoldGil(const HoldGil&) = delete;
    HoldGil& operator=(const HoldGil&) = delete;

private:
    detail::HostState* m_state;
    void* m_attached = nullptr;  // the thread state of an attached host thread
    bool m_took = false;
};

// ---------------------------------------------------------------------------
// Async host functions: C++ that awaits, in direct style.
// ---------------------------------------------------------------------------
//
//     host.def_async("fetch", [](gilt::AsyncContext& cx, std::span<const gilt::Handle> args) {
//         int fd = open_connection(args[0].as_string());
//         cx.wait_readable(fd);                      // the loop runs other tasks meanwhile
//         std::string body = read_all(fd);
//         gilt::Handle parsed = cx.await(args[1](body));   // a script coroutine
//         cx.sleep(0.1);                             // asyncio.sleep(0.1)
//         return parsed;
//     });
//
//     # script
//     body = await fetch("example.org", parse)
//     results = await asyncio.gather(fetch(a, parse), fetch(b, parse))
//
// Calling an async host function from a script returns a coroutine object
// (as calling an `async def` does): await it, pass it to create_task,
// gather, wait_for or asyncio.timeout. It needs a running asyncio loop.
//
// How it runs. The body runs on its own stack, a Boost.Context fiber, the
// first time the coroutine (a native object) is resumed. Each cx.await /
// cx.sleep / cx.wait_* switches back to the coroutine, which drives the
// thing asked for on the event loop itself (as `yield from` would), then
// switches into the fiber again with the outcome. The body's return value
// is the coroutine's result.
//
// Errors. An exception raised by what the body awaited is thrown at the
// await point as gilt::ScriptError (re-raised as that same exception object
// if it escapes the body). A C++ exception escaping the body becomes the
// script's exception exactly as for host functions ("Errors" above).
//
// Cancellation (Task.cancel, wait_for's timeout, asyncio.timeout, a failing
// TaskGroup) arrives as a ScriptError whose type_name() is
// "CancelledError", thrown from the current await point. The body may
// catch it to clean up, and should rethrow it (the script then sees
// CancelledError); a body that returns instead has swallowed the
// cancellation, as a coroutine that catches CancelledError does.
//
// Teardown. A fiber that will never be resumed (its coroutine was closed or
// freed, or the Host is destroyed while it waits) is unwound: an internal
// exception, not derived from std::exception, is thrown from its await point
// so destructors on its stack run (Handles are released, RAII cleanup
// happens). A `catch (...)` in the body must therefore rethrow.
//
// The GIL. The body runs with the GIL held, like any host function, and a
// switch never releases it: the fiber and the loop share one thread. A
// ReleaseGil must never be alive across cx.await/sleep/wait_* (the loop
// would resume without the GIL). Release the GIL only around blocking work
// that completes between two await points.
//
// Stacks. Each running call takes one stack of Options::fiber_stack_size
// bytes (default 256 KiB) from a pool owned by the Host (no state is shared
// between Hosts). The pool allocates Options::fiber_pool_chunk stacks (16
// by default) at a time and reuses a stack as soon as its call finishes; it
// gives memory back only when the Host is destroyed. Stacks have no guard
// page: deep recursion in the body is caught by the interpreter's stack
// check (RecursionError once less than a quarter of the stack is left) only
// while Python code runs; plain C++ recursion must stay well within the size.
//
// Cost. Measured on the release preset (a loaded 2-core machine) with
//     build/release/gilt_bench_hostawait 200000
// one suspension round trip of a body doing cx.sleep(0) costs 2.6-4.2 us,
// against 3.7-5.4 us for `await asyncio.sleep(0)` in a script coroutine in
// the same runs (before the driver was native: about 7 us): the fiber
// switch replaces a coroutine frame's resume, and sleep(0) makes no object.
// The bare fiber switch out and back on a pooled stack is about 11-100 ns.
// The bench is bench/hostawait_bench.cpp.
class AsyncContext {
public:
    Host& host() const noexcept { return *m_host; }
    std::string_view function_name() const noexcept { return m_name; }

    // Awaits a script awaitable (a coroutine, Task, Future, anything with
    // __await__) and returns its result. Throws ScriptError with the
    // exception it raised, or with CancelledError when this call is
    // cancelled meanwhile.
    Handle await(const Handle& awaitable);
    // asyncio.sleep(seconds) (0 yields to the loop once).
    void sleep(double seconds);
    // Waits until the file descriptor is readable / writable, through the
    // running loop's add_reader / add_writer.
    void wait_readable(int fd);
    void wait_writable(int fd);

private:
    friend struct detail::Access;
    friend struct detail::AsyncCall;
    AsyncContext(Host* host, std::string_view name, detail::AsyncCall* call) noexcept
        : m_host(host), m_name(name), m_call(call) {}
    Host* m_host;
    std::string_view m_name;
    detail::AsyncCall* m_call;
};

// An async host function: like Function, but it may suspend through `cx`.
using AsyncFunction = std::function<Handle(AsyncContext& cx, std::span<const Handle> args)>;

// A module of host functions: name -> function.
using ModuleFunctions = std::vector<std::pair<std::string, Function>>;

namespace detail {
// C++ -> Handle conversions (defined in the library; see Host::object).
Handle make_int(HostState* host, std::int64_t v);
Handle make_uint(HostState* host, std::uint64_t v);
Handle make_float(HostState* host, double v);
Handle make_bool(HostState* host, bool v);
Handle make_str(HostState* host, std::string_view v);
Handle make_none(HostState* host);
Handle make_list(HostState* host, std::span<const Handle> items);
Handle make_tuple(HostState* host, std::span<const Handle> items);
Handle make_dict(HostState* host, const std::map<std::string, Handle>& items);
[[noreturn]] void throw_overflow(const char* type);

template <class T>
struct IsVector : std::false_type {};
template <class T, class A>
struct IsVector<std::vector<T, A>> : std::true_type {};
template <class T>
struct IsStringMap : std::false_type {};
template <class T, class C, class A>
struct IsStringMap<std::map<std::string, T, C, A>> : std::true_type {};
template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {};
template <class T>
inline constexpr bool kAlwaysFalse = false;
// The conversions of typed host functions (gilt/bind.hpp), which to_handle
// falls back on for the types it does not handle itself.
template <class T, class = void>
struct Caster;

template <class T>
Handle to_handle(HostState* host, const T& v) {
    using U = std::remove_cvref_t<T>;
    if constexpr (std::is_same_v<U, Handle>) {
        return v;
    } else if constexpr (std::is_same_v<U, std::nullptr_t> || std::is_same_v<U, std::nullopt_t>) {
        return make_none(host);
    } else if constexpr (std::is_same_v<U, bool>) {
        return make_bool(host, v);
    } else if constexpr (std::is_integral_v<U> && std::is_signed_v<U>) {
        return make_int(host, static_cast<std::int64_t>(v));
    } else if constexpr (std::is_integral_v<U>) {
        return make_uint(host, static_cast<std::uint64_t>(v));
    } else if constexpr (std::is_floating_point_v<U>) {
        return make_float(host, static_cast<double>(v));
    } else if constexpr (std::is_convertible_v<const U&, std::string_view>) {
        return make_str(host, std::string_view(v));
    } else if constexpr (IsOptional<U>::value) {
        return v ? to_handle(host, *v) : make_none(host);
    } else if constexpr (IsVector<U>::value) {
        std::vector<Handle> items;
        items.reserve(v.size());
        for (const auto& x : v) items.push_back(to_handle(host, x));
        return make_list(host, items);
    } else if constexpr (IsStringMap<U>::value) {
        std::map<std::string, Handle> items;
        for (const auto& [k, x] : v) items.emplace(k, to_handle(host, x));
        return make_dict(host, items);
    } else {
        return Caster<U>::to(host, v);  // tuples, other maps, enums, host classes (bind.hpp)
    }
}

HostState* state_of(const Handle& o);
HostState* state_of(Host& host);
}  // namespace detail

// ---------------------------------------------------------------------------
// Host: owns one interpreter.
// ---------------------------------------------------------------------------
class Host {
public:
    // Starts an interpreter: builtins, sys (argv, path, _xoptions from
    // `options`) and an empty __main__ module whose namespace exec(), eval()
    // and the globals functions use. Throws ScriptError if start-up fails.
    explicit Host(Options options = {});
    // Finalizes (see finalize()) unless already done, then frees the
    // interpreter. Aborts if Handles of this Host are still alive.
    ~Host();
    Host(const Host&) = delete;
    Host& operator=(const Host&) = delete;

    // --- running code; all throw ScriptError when the code raises ---
    // Runs `source` (statements) in __main__. `filename` appears in
    // tracebacks; a name not starting with '<' also shows the source lines
    // from `source` itself.
    void exec(std::string_view source, std::string_view filename = "<string>");
    // Evaluates one expression in __main__ and returns its value.
    Handle eval(std::string_view expression);
    // Calls the global `function_name` of __main__ (or a builtin of that
    // name); NameError if neither exists.
    Handle call(std::string_view function_name, std::span<const Handle> args);
    template <class... A>
    Handle call(std::string_view function_name, A&&... args) {
        std::array<Handle, sizeof...(A)> argv{object(std::forward<A>(args))...};
        return call(function_name, std::span<const Handle>(argv));
    }
    // `import name` (dotted names allowed); returns the named module itself.
    Handle import(std::string_view module_name);

    // --- __main__'s globals ---
    bool has_global(std::string_view name) const;
    Handle get_global(std::string_view name) const;  // NameError if missing
    void set_global(std::string_view name, const Handle& value);
    template <class T>
    requires(!std::is_same_v<std::remove_cvref_t<T>, Handle>) void set_global(std::string_view name,
                                                                              T&& value) {
        set_global(name, object(std::forward<T>(value)));
    }

    // --- values in ---
    // The Python value for a C++ value: integers -> int, floating -> float,
    // bool -> bool, anything convertible to std::string_view -> str (UTF-8),
    // nullptr / std::nullopt -> None, std::optional<T> -> T or None,
    // std::vector<T> -> list, std::map<std::string, T> -> dict, Handle ->
    // itself. char is an integer here, not a one-character str.
    template <class T>
    Handle object(T&& value) {
        return detail::to_handle(m_state.get(), value);
    }
    Handle none();
    Handle tuple(std::span<const Handle> items);
    Handle list(std::span<const Handle> items = {});
    Handle dict();

    // --- host functions and modules ---
    // Makes `fn` a builtin function `name` in __main__'s namespace (code run
    // by exec/eval/call and the main script see it). Replaces any previous
    // global of that name.
    void def(std::string_view name, Function fn);
    // The same for a typed function: any callable whose parameters and
    // result convert (gilt/bind.hpp), optionally followed by one gilt::arg
    // per parameter naming it (and giving a default):
    //     host.def("area", [](double w, double h) { return w * h; });
    template <class F, class... Extra>
    requires(!std::is_convertible_v<F&&, Function> ||
             sizeof...(Extra) > 0) void def(std::string_view name, F&& fn, const Extra&... extra);
    // Creates module `name` holding the given functions and registers it in
    // sys.modules, so scripts `import name`. Returns the module (set more
    // attributes on it with set_attr). A dotted name is not bound as an
    // attribute of its parent package.
    Handle def_module(std::string_view name, const ModuleFunctions& functions);
    // An async host function (see "Async host functions" above) as the
    // global `name` of __main__, or as attribute `name` of `module` (a
    // module returned by def_module or import).
    void def_async(std::string_view name, AsyncFunction fn);
    void def_async(const Handle& module, std::string_view name, AsyncFunction fn);

    // --- what the `gilt` command does; each returns the process exit
    // status CPython would use and never throws ScriptError. Uncaught
    // exceptions are printed through sys.excepthook; SystemExit gives its
    // status; KeyboardInterrupt gives 130 and sets
    // unhandled_keyboard_interrupt(). ---
    // Runs the file as __main__ (__file__ = its absolute path). A file that
    // cannot be read: "<program>: can't open file '<abs path>': [Errno N]
    // <reason>" on stderr, status 2.
    int run_file(const std::string& path);
    // Runs source text as __main__ (`-c`: filename "<string>"; a program
    // read from stdin: "<stdin>").
    int run_source(std::string_view source, const std::string& filename);
    // `-m name`: finds the module as import would (a package runs its
    // __main__ submodule) and runs it as __main__, with sys.argv[0] set to
    // its file. A module that cannot be found: "<program>: No module named
    // x" on stderr, status 1.
    int run_module(std::string_view name);
    // The interactive loop: readline editing and history (~/.gilt_history)
    // when stdin is a terminal, plain lines from stdin otherwise; prompts and
    // the banner go to stderr. Returns at end of input (0) or on SystemExit
    // (its status).
    int run_repl(bool show_banner = true);
    // True when the last run_* ended with an uncaught KeyboardInterrupt: the
    // `gilt` command then dies by SIGINT, as CPython does.
    bool unhandled_keyboard_interrupt() const noexcept;

    // Waits for the script's non-daemon threads, runs atexit functions and
    // flushes sys.stdout and sys.stderr. Returns 0, or 120 when flushing
    // failed (CPython's status for it). Idempotent; the destructor calls it.
    int finalize();
    // After finalize(): daemon threads of the script still run Python code.
    // The destructor then leaves the interpreter allocated (those threads
    // wait for its GIL forever; freeing it under them would crash), so a
    // host should end the process soon, as the `gilt` command does.
    bool daemon_threads_running() const noexcept;

    // In-tree code (the `gilt` command, tests): the runtime interpreter.
    // Calling runtime functions on it requires the GIL (HoldGil).
    Interpreter& interpreter() noexcept;

    // --- sandbox, interrupts (docs/embedding_sandbox.md) ---
    // Options::sandbox.enabled was set.
    bool sandboxed() const noexcept;
    // Adds `checks` to the budget (any thread, no GIL needed). A spent
    // budget starts again from 0. No-op without a budget.
    void add_budget(std::int64_t checks) noexcept;
    // Check points left (0 once spent), or -1 without a budget.
    std::int64_t budget_left() const noexcept;
    // The exception class a spent budget raises instead of
    // gilt.BudgetExceeded (an exception class of this Host; TypeError
    // otherwise); an empty Handle restores the default.
    void set_budget_exception(const Handle& exception_type);
    // Bytes the interpreter's heap holds now, and at most so far; 0 unless
    // Options::sandbox.memory_limit is set.
    std::size_t memory_used() const noexcept;
    std::size_t memory_peak() const noexcept;
    // Asks the running script to stop: KeyboardInterrupt is raised in the
    // thread running a call into this Host (not in threads the script
    // started) at its next check point, or within 50 ms if it is blocked in
    // time.sleep, a lock, queue or Event wait, a socket call or select.
    // Callable from any thread; never blocks. If no script runs, the next
    // call into the Host gets it at its first check point.
    void interrupt() noexcept;
    // The same, raising `exception_type` (an exception class of this Host;
    // TypeError otherwise). Takes the GIL briefly to keep a reference to
    // the type, so a thread stuck in one long native operation delays it;
    // interrupt() never waits.
    void interrupt(const Handle& exception_type);

private:
    friend struct detail::Access;
    std::unique_ptr<detail::HostState> m_state;
};

// --- Handle templates -------------------------------------------------------

template <class... A>
Handle Handle::operator()(A&&... args) const {
    std::array<Handle, sizeof...(A)> argv{detail::to_handle(detail::state_of(*this), args)...};
    return call(std::span<const Handle>(argv));
}

template <class T>
requires(!std::is_same_v<std::remove_cvref_t<T>, Handle>) void Handle::set_attr(
    std::string_view name, T&& value) const {
    set_attr(name, detail::to_handle(detail::state_of(*this), value));
}

template <class T>
T Handle::as() const {
    if constexpr (std::is_same_v<T, Handle>) {
        return *this;
    } else if constexpr (std::is_same_v<T, bool>) {
        return as_bool();
    } else if constexpr (std::is_integral_v<T>) {
        std::int64_t v = as_int();
        if constexpr (std::is_unsigned_v<T>) {
            if (v < 0 || static_cast<std::uint64_t>(v) > std::numeric_limits<T>::max()) {
                detail::throw_overflow("unsigned integer");
            }
        } else {
            if (v < std::numeric_limits<T>::min() || v > std::numeric_limits<T>::max()) {
                detail::throw_overflow("integer");
            }
        }
        return static_cast<T>(v);
    } else if constexpr (std::is_floating_point_v<T>) {
        return static_cast<T>(as_double());
    } else if constexpr (std::is_same_v<T, std::string>) {
        return as_string();
    } else if constexpr (detail::IsOptional<T>::value) {
        if (is_none()) return std::nullopt;
        return as<typename T::value_type>();
    } else if constexpr (detail::IsVector<T>::value) {
        T out;
        for (const Handle& item : as_list()) out.push_back(item.as<typename T::value_type>());
        return out;
    } else if constexpr (detail::IsStringMap<T>::value) {
        T out;
        for (auto& [k, v] : as_dict()) out.emplace(k, v.template as<typename T::mapped_type>());
        return out;
    } else {
        static_assert(detail::kAlwaysFalse<T>, "no conversion from gilt::Handle to this C++ type");
    }
}

}  // namespace gilt

#include <gilt/bind.hpp>   // typed host functions, gilt::Module
#include <gilt/class.hpp>  // host classes
