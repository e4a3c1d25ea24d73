// The embedding API (include/gilt/gilt.hpp): the one boundary between host
// C++ and the interpreter.
//
// Two conventions meet here. Inside, failure is a null Value with the
// exception pending on the ThreadState and nothing ever throws; outside, a
// failure is a thrown gilt::ScriptError. Every public function converts at
// its exit (throw_pending), and the trampoline that runs host functions
// converts the other way at its exit (catch everything, raise in Python),
// so no C++ exception ever unwinds through the eval loop.
//
// Every public entry is also where the GIL is taken (an Entry guard: CPython's
// PyGILState_Ensure, Lua's lua_lock in lapi.c). The Host's thread holds the
// GIL only inside API calls, so the script's own threads run while the host
// does other work; inside a host function the calling Python thread already
// holds it and Entry does nothing. Which ThreadState an entry uses: the one
// of the Python thread running a host function on this OS thread
// (t_current, set by the trampoline), otherwise the Host's main thread.
#include <gilt/gilt.hpp>

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <new>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/common_interface_defs.h>
#define GILT_ASAN_FIBERS 1
#endif
#include <boost/context/fiber.hpp>
#include <boost/context/pooled_fixedsize_stack.hpp>

#include "interp/compiler/compile.hpp"
#include "interp/host/host_sandbox.hpp"
#include "interp/host/host_threads.hpp"
#include "interp/host/repl.hpp"
#include "interp/vm/import.hpp"
#include "runtime/abstract.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/exception.hpp"
#include "runtime/float.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/module.hpp"
#include "runtime/native_function.hpp"
#include "runtime/sandbox.hpp"
#include "runtime/str.hpp"
#include "runtime/thread_start.hpp"
#include "runtime/tuple.hpp"
#include "stdlib/io.hpp"

namespace gilt {
namespace detail {

// A registered host function; `name` is what the native function object
// points at, so entries never move (they are held by unique_ptr).
struct FunctionEntry {
    std::string name;
    Function fn;
};

// One running call of an async host function: its fiber, and the mailbox
// the fiber and the driving coroutine (stdlib/lib/_hostasync.py) exchange
// through at each switch. Touched only with the GIL held, on the thread
// that resumes the coroutine. Defined with the async section below.
struct AsyncCall;

// What the async host functions of one Host share: the stack pool, the
// running calls by token, and the driver module's `run`.
struct AsyncState {
    explicit AsyncState(const Options& options)
        : pool(options.fiber_stack_size, options.fiber_pool_chunk),
          stack_size(options.fiber_stack_size) {}
    ~AsyncState();  // after AsyncCall's definition
    boost::context::pooled_fixedsize_stack pool;
    std::size_t stack_size;
    std::map<std::int64_t, std::unique_ptr<AsyncCall>> calls;
    std::int64_t next_token = 1;
    Handle run;  // _hostasync.run; empty until the first def_async
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
    Value last_error;
    std::uint64_t last_error_serial = 0;
    std::string program_name;
    bool inspect = false;  // Options::interactive: -i, a REPL follows the program
    bool keyboard_interrupt = false;
    bool finalized = false;
    int finalize_status = 0;
    // Daemon threads still ran Python code at finalize(): the interpreter
    // must not be destroyed under them.
    bool daemon_threads = false;
    std::unique_ptr<AsyncState> async;

    ~HostState() {
        if (!interp) return;
        ThreadState& main = interp->main_thread();
        if (!interp->gil.is_held_by(main.gil_thread)) interp->gil.take(main.gil_thread);
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
                             std::optional<int> code, const void* origin, std::uint64_t serial) {
        return ScriptError(std::move(type), std::move(message), std::move(traceback), code, origin,
                           serial);
    }
    static const void* origin(const ScriptError& e) noexcept { return e.m_origin; }
    static std::uint64_t serial(const ScriptError& e) noexcept { return e.m_serial; }
};

}  // namespace detail

using detail::Access;
using detail::FunctionEntry;
using detail::HostState;

// --- ScriptError -------------------------------------------------------------------

namespace {

std::string what_text(const std::string& type, const std::string& message,
                      const std::string& traceback) {
    if (!traceback.empty()) return traceback;
    return message.empty() ? type : type + ": " + message;
}

}  // namespace

ScriptError::ScriptError(std::string type_name, std::string message)
    : ScriptError(std::move(type_name), std::move(message), {}, std::nullopt, nullptr, 0) {}

ScriptError::ScriptError(std::string type_name, std::string message, std::string traceback,
                         std::optional<int> exit_code, const void* origin, std::uint64_t serial)
    : std::runtime_error(what_text(type_name, message, traceback)),
      m_type_name(std::move(type_name)),
      m_message(std::move(message)),
      m_traceback(std::move(traceback)),
      m_exit_code(exit_code),
      m_origin(origin),
      m_serial(serial) {}

// --- the boundary ------------------------------------------------------------------

namespace {

// The ThreadState of the Python thread running a host function on this OS
// thread, if any (saved and restored around each host function call).
thread_local ThreadState* t_current = nullptr;

ThreadState& current_ts(HostState& hs) {
    ThreadState* ts = t_current;
    if (ts != nullptr && &ts->interp() == hs.interp.get()) return *ts;
    if (ThreadState* attached = attached_thread_state(*hs.interp)) return *attached;
    return *hs.ts;
}

// A host thread other than the Host's own, outside any host function, is
// attached for its outermost call (interp/host/host_threads.hpp). Returns
// what host_thread_leave() must be given.
ThreadState* enter_thread(HostState& hs) {
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

std::string type_name_of(ThreadState& ts, Value v) {
    return std::string(type_name(ts, v));
}

// Turns the pending exception into a thrown ScriptError, keeping the
// exception object for a possible re-raise.
[[noreturn]] void throw_pending(HostState& hs) {
    ThreadState& ts = current_ts(hs);
    Ref exc(fetch_exception(ts));
    if (!exc) throw ScriptError("SystemError", "error return without exception set");
    std::string type = type_name_of(ts, *exc);
    Ref text(obj_str(ts, *exc));
    clear_exception(ts);
    std::string message = text ? std::string(str_view(*text)) : "<exception str() failed>";
    std::string traceback = format_exception(ts, *exc);
    std::optional<int> code;
    if (is_instance_of(ts, *exc, ts.exc_types().SystemExit)) code = system_exit_status(ts, *exc);
    set_ref(hs.last_error, exc.release());
    ++hs.last_error_serial;
    throw Access::error(std::move(type), std::move(message), std::move(traceback), code, &hs,
                        hs.last_error_serial);
}

// Returns `v` (a new reference) as a Handle, or throws the pending error.
Handle own_or_throw(HostState& hs, Value v) {
    if (v.is_null()) throw_pending(hs);
    return Access::own(&hs, v);
}

void check_ok(HostState& hs, bool ok) {
    if (!ok) throw_pending(hs);
}

// The Value of an argument handle, which must belong to this Host.
Value value_in(HostState& hs, const Handle& o) {
    if (o.is_empty()) throw std::logic_error("gilt: empty Handle used as a value");
    if (Access::state(o) != &hs) throw std::logic_error("gilt: Handle belongs to another Host");
    return Access::value(o);
}

HostState& state_checked(const Handle& o) {
    HostState* hs = Access::state(o);
    if (hs == nullptr) throw std::logic_error("gilt: operation on an empty Handle");
    return *hs;
}

Value make_str_checked(HostState& hs, std::string_view text) {
    ThreadState& ts = current_ts(hs);
    if (!utf8_valid(text))
        return raise(ts, ts.exc_types().ValueError, "host string is not valid UTF-8");
    return make_str(ts, text);
}

// An interned attribute or global name.
Value name_value(HostState& hs, std::string_view name) {
    if (!utf8_valid(name)) {
        ThreadState& ts = current_ts(hs);
        return raise(ts, ts.exc_types().ValueError, "host string is not valid UTF-8");
    }
    return hs.interp->intern(name);
}

// --- host functions: C++ exceptions -> Python exceptions ---

HostState* host_state_of(ThreadState& ts) {
    auto& states = ts.interp().module_state;
    auto it = states.find("gilt.host");
    return it == states.end() ? nullptr : static_cast<HostState*>(it->second.get());
}

// Raises the exception a ScriptError describes: the original object when it
// came from this Host and is the latest one, else a new one by type name.
Value raise_script_error(HostState& hs, const ScriptError& e) {
    ThreadState& ts = current_ts(hs);
    if (Access::origin(e) == &hs && Access::serial(e) == hs.last_error_serial && hs.last_error) {
        Value exc = hs.last_error;
        hs.last_error = Value();
        restore_exception(ts, exc);
        return Value();
    }
    Value type = dict_get_cstr(ts, ts.interp().builtins, e.type_name().c_str());
    clear_exception(ts);
    if (type && is_exception_type(ts, type)) {
        return raise(ts, reinterpret_cast<TypeObject*>(type.as_object()), e.message());
    }
    std::string text = e.message().empty() ? e.type_name() : e.type_name() + ": " + e.message();
    return raise(ts, ts.exc_types().RuntimeError, text);
}

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

// The native function behind every host function: args[0] is the bound
// self, a small int indexing HostState::functions.
Value host_function_trampoline(ThreadState& ts, Args args) {
    CurrentThread current(ts);
    HostState* hs = host_state_of(ts);
    if (hs == nullptr || args.n == 0 || !args[0].is_small_int()) {
        return raise(ts, ts.exc_types().SystemError, "host function called without its host");
    }
    FunctionEntry& entry = *hs->functions[static_cast<std::size_t>(args[0].as_small_int())];
    if (args.kwnames != nullptr && args.kw_count() > 0) {
        return raise_fmt(ts, ts.exc_types().TypeError, "{}() takes no keyword arguments",
                         entry.name);
    }
    return catch_into_python(*hs, [&]() -> Value {
        std::vector<Handle> argv;
        argv.reserve(args.n - 1);
        for (uint32_t i = 1; i < args.n; ++i) argv.push_back(Access::borrow(hs, args[i]));
        CallContext ctx = Access::context(hs->host, entry.name);
        Handle result = entry.fn(ctx, std::span<const Handle>(argv));
        if (result.is_empty()) return Value::none();
        return new_ref(value_in(*hs, result));
    });
}

// A builtin function object for a new host function entry.
Value make_host_function(HostState& hs, std::string_view name, Function fn, Value module_name) {
    ThreadState& ts = current_ts(hs);
    auto entry = std::make_unique<FunctionEntry>(FunctionEntry{std::string(name), std::move(fn)});
    int64_t index = static_cast<int64_t>(hs.functions.size());
    hs.functions.push_back(std::move(entry));
    Ref func(make_native_function(ts, hs.functions.back()->name.c_str(), host_function_trampoline,
                                  module_name));
    if (!func) return Value();
    return native_bind(ts, *func, Value::small_int(index));
}

// --- start-up: what Options put in sys ---

Value str_list(ThreadState& ts, const std::vector<std::string>& items) {
    Ref list(list_new(ts, items.size()));
    if (!list) return Value();
    for (const std::string& s : items) {
        Ref str(make_str(ts, s));
        if (!str || !list_append(ts, *list, *str)) return Value();
    }
    return list.release();
}

Value xoptions_dict(ThreadState& ts, const std::vector<std::string>& xoptions) {
    Ref dict(dict_new(ts));
    if (!dict) return Value();
    for (const std::string& x : xoptions) {
        std::size_t eq = x.find('=');
        Ref key(make_str(ts, std::string_view(x).substr(0, eq)));
        Ref value(eq == std::string::npos ? Value::true_()
                                          : make_str(ts, std::string_view(x).substr(eq + 1)));
        if (!key || !value || !dict_set(ts, *dict, *key, *value)) return Value();
    }
    return dict.release();
}

// sys.path must start with options.path; the sys module may already have
// done it from the InterpreterConfig (then nothing changes).
[[nodiscard]] bool prepend_sys_path(ThreadState& ts, Value sys,
                                    const std::vector<std::string>& dirs) {
    if (dirs.empty()) return true;
    Ref path(obj_getattr_opt(ts, sys, ts.names().path));
    if (!path || !is_list(ts, *path)) {
        if (ts.has_exception()) return false;
        Ref fresh(str_list(ts, dirs));
        return fresh && obj_setattr(ts, sys, ts.names().path, *fresh) >= 0;
    }
    bool present = list_size(*path) >= dirs.size();
    for (std::size_t i = 0; present && i < dirs.size(); ++i) {
        Value item = list_item(*path, i);
        present = is_str(ts, item) && str_view(item) == dirs[i];
    }
    if (present) return true;
    Ref head(str_list(ts, dirs));
    if (!head || !list_extend(ts, *head, *path)) return false;
    return obj_setattr(ts, sys, ts.names().path, *head) >= 0;
}

[[nodiscard]] bool apply_sys_options(ThreadState& ts, const Options& options) {
    Value sys = ts.interp().sys;
    if (!sys) return true;
    std::vector<std::string> argv =
        options.argv.empty() ? std::vector<std::string>{""} : options.argv;
    Ref argv_list(str_list(ts, argv));
    if (!argv_list || obj_setattr(ts, sys, ts.names().argv, *argv_list) < 0) return false;
    Ref xopts(xoptions_dict(ts, options.xoptions));
    Ref xname(ts.interp().intern("_xoptions"));
    if (!xopts || !xname || obj_setattr(ts, sys, *xname, *xopts) < 0) return false;
    return prepend_sys_path(ts, sys, options.path);
}

InterpreterConfig make_config(const Options& options) {
    InterpreterConfig config;
    config.argv = options.argv.empty() ? std::vector<std::string>{""} : options.argv;
    for (const std::string& x : options.xoptions) {
        std::size_t eq = x.find('=');
        config.xoptions.emplace_back(x.substr(0, eq),
                                     eq == std::string::npos ? "" : x.substr(eq + 1));
    }
    config.path = options.path;
    config.stdout_sink = options.stdout_sink;
    config.stderr_sink = options.stderr_sink;
    config.interactive = options.interactive;
    config.memory_limit = options.sandbox.memory_limit;
    return config;
}

}  // namespace

// --- Host --------------------------------------------------------------------------

namespace {
void release_async_calls(HostState& hs);
}  // namespace

Host::Host(Options options) : m_state(std::make_unique<HostState>()) {
    HostState& hs = *m_state;
    hs.async = std::make_unique<detail::AsyncState>(options);
    hs.host = this;
    hs.program_name = options.program_name;
    hs.inspect = options.interactive;
    hs.interp = std::make_unique<Interpreter>(make_config(options));
    hs.ts = &hs.interp->main_thread();
    // The trampoline finds its Host through the interpreter; the state is
    // owned here, not by the map (hence the no-op deleter).
    hs.interp->module_state["gilt.host"] = std::shared_ptr<void>(&hs, [](void*) {});
    ThreadState& ts = *hs.ts;  // holds the GIL from the interpreter's construction on
    ts.host_entered = true;
    check_ok(hs, apply_sys_options(ts, options));
    if (options.sandbox.enabled) check_ok(hs, install_sandbox(ts, options.sandbox));
    Ref main(main_module(ts));
    if (!main) throw_pending(hs);
    hs.main_dict = new_ref(module_dict(*main));
    hs.interp->gil.drop(ts.gil_thread);  // from now on, held inside API calls only
}

Host::~Host() {
    finalize();
    release_async_calls(*m_state);
    if (m_state->live_objects != 0) {
        std::fprintf(stderr, "gilt: Host destroyed while %zu of its Handles are alive\n",
                     m_state->live_objects);
        std::abort();
    }
}

Interpreter& Host::interpreter() noexcept {
    return *m_state->interp;
}

bool Host::unhandled_keyboard_interrupt() const noexcept {
    return m_state->keyboard_interrupt;
}

bool Host::daemon_threads_running() const noexcept {
    return m_state->daemon_threads;
}

void Host::exec(std::string_view source, std::string_view filename) {
    HostState& hs = *m_state;
    Entry entry(hs);
    ThreadState& ts = entry.ts;
    std::string name(filename);
    if (!name.starts_with('<')) register_source(ts, name, std::string(source));
    Ref code(compile_source(ts, source, name, CompileMode::Exec));
    if (!code) throw_pending(hs);
    Ref result(exec_code(ts, *code, hs.main_dict));
    if (!result) throw_pending(hs);
}

Handle Host::eval(std::string_view expression) {
    HostState& hs = *m_state;
    Entry entry(hs);
    ThreadState& ts = entry.ts;
    Ref code(compile_source(ts, expression, "<string>", CompileMode::Eval));
    if (!code) throw_pending(hs);
    return own_or_throw(hs, exec_code(ts, *code, hs.main_dict));
}

Handle Host::call(std::string_view function_name, std::span<const Handle> args) {
    HostState& hs = *m_state;
    Entry entry(hs);
    ThreadState& ts = entry.ts;
    Ref name(name_value(hs, function_name));
    if (!name) throw_pending(hs);
    Value fn = dict_get_str(hs.main_dict, *name);
    if (!fn) fn = dict_get_str(hs.interp->builtins, *name);
    if (!fn) {
        raise_fmt(ts, ts.exc_types().NameError, "name '{}' is not defined", function_name);
        throw_pending(hs);
    }
    return Access::borrow(&hs, fn).call(args);
}

Handle Host::import(std::string_view module_name) {
    HostState& hs = *m_state;
    Entry entry(hs);
    return own_or_throw(hs, import_by_name(entry.ts, module_name));
}

bool Host::has_global(std::string_view name) const {
    HostState& hs = *m_state;
    Entry entry(hs);
    Ref key(name_value(hs, name));
    if (!key) throw_pending(hs);
    return !dict_get_str(hs.main_dict, *key).is_null();
}

Handle Host::get_global(std::string_view name) const {
    HostState& hs = *m_state;
    Entry entry(hs);
    ThreadState& ts = entry.ts;
    Ref key(name_value(hs, name));
    if (!key) throw_pending(hs);
    Value v = dict_get_str(hs.main_dict, *key);
    if (!v) {
        raise_fmt(ts, ts.exc_types().NameError, "name '{}' is not defined", name);
        throw_pending(hs);
    }
    return Access::borrow(&hs, v);
}

void Host::set_global(std::string_view name, const Handle& value) {
    HostState& hs = *m_state;
    Entry entry(hs);
    ThreadState& ts = entry.ts;
    Value v = value_in(hs, value);
    Ref key(name_value(hs, name));
    check_ok(hs, key && dict_set(ts, hs.main_dict, *key, v));
}

Handle Host::none() {
    return Access::own(m_state.get(), Value::none());
}
Handle Host::tuple(std::span<const Handle> items) {
    return detail::make_tuple(m_state.get(), items);
}
Handle Host::list(std::span<const Handle> items) {
    return detail::make_list(m_state.get(), items);
}
Handle Host::dict() {
    return detail::make_dict(m_state.get(), {});
}

void Host::def(std::string_view name, Function fn) {
    HostState& hs = *m_state;
    Entry entry(hs);
    ThreadState& ts = entry.ts;
    Ref module_name(make_str(ts, "__main__"));
    Ref key(name_value(hs, name));
    Ref func(module_name && key ? make_host_function(hs, name, std::move(fn), *module_name)
                                : Value());
    check_ok(hs, func && dict_set(ts, hs.main_dict, *key, *func));
}

Handle Host::def_module(std::string_view name, const ModuleFunctions& functions) {
    HostState& hs = *m_state;
    Entry entry(hs);
    ThreadState& ts = entry.ts;
    Ref module(module_new(ts, name));
    Ref module_name(make_str_checked(hs, name));
    Ref key(module_name ? make_str(ts, name) : Value());
    if (!module || !key) throw_pending(hs);
    for (const auto& [fname, fn] : functions) {
        Ref attr(name_value(hs, fname));
        Ref func(attr ? make_host_function(hs, fname, fn, *module_name) : Value());
        check_ok(hs, func && dict_set(ts, module_dict(*module), *attr, *func));
    }
    check_ok(hs, dict_set(ts, hs.interp->modules, *key, *module));
    return Access::own(&hs, module.release());
}

// --- Host: the `gilt` command's behaviour ----------------------------------------

namespace {

int uncaught_status(HostState& hs) {
    UncaughtResult r = handle_uncaught_exception(current_ts(hs), hs.inspect);
    hs.keyboard_interrupt = r.keyboard_interrupt;
    return r.status;
}

int run_status(HostState& hs, Value result) {
    if (result.is_null()) return uncaught_status(hs);
    decref(result);
    return 0;
}

}  // namespace

int Host::run_file(const std::string& path) {
    HostState& hs = *m_state;
    Entry entry(hs);
    ThreadState& ts = entry.ts;
    hs.keyboard_interrupt = false;
    std::string abs = absolute_path(path);
    std::string source;
    if (int err = read_source_file(abs, &source)) {
        write_stderr_raw(ts, fmt::format("{}: can't open file {}: [Errno {}] {}\n", hs.program_name,
                                         str_repr(abs), err, std::strerror(err)));
        return 2;
    }
    return run_status(hs, run_main_source(ts, source, abs, abs));
}

int Host::run_source(std::string_view source, const std::string& filename) {
    HostState& hs = *m_state;
    Entry entry(hs);
    ThreadState& ts = entry.ts;
    hs.keyboard_interrupt = false;
    // `-c` leaves __file__ unset; a program from stdin gets "<stdin>".
    std::string file_attr = filename == "<string>" ? std::string() : filename;
    return run_status(hs, run_main_source(ts, source, filename, file_attr));
}

int Host::run_module(std::string_view name) {
    HostState& hs = *m_state;
    Entry entry(hs);
    ThreadState& ts = entry.ts;
    hs.keyboard_interrupt = false;
    MainModuleSpec spec;
    if (!find_main_module(ts, name, &spec)) {
        if (!exception_matches(ts, ts.exc_types().ImportError)) return uncaught_status(hs);
        Ref exc(fetch_exception(ts));
        Ref text(obj_str(ts, *exc));
        clear_exception(ts);
        write_stderr(ts, fmt::format("{}: {}\n", hs.program_name,
                                     text ? str_view(*text) : std::string_view()));
        return 1;
    }
    if (Value sys = hs.interp->sys; sys && spec.on_disk) {
        Ref argv(obj_getattr_opt(ts, sys, ts.names().argv));
        Ref file(make_str(ts, spec.filename));
        if (argv && file && is_list(ts, *argv) && list_size(*argv) > 0) {
            check_ok(hs, obj_setitem(ts, *argv, Value::small_int(0), *file) >= 0);
        }
        clear_exception(ts);
    }
    std::string file_attr = spec.on_disk ? spec.filename : std::string();
    return run_status(hs, run_main_source(ts, spec.source, spec.filename, file_attr, spec.package));
}

int Host::run_repl(bool show_banner) {
    HostState& hs = *m_state;
    Entry entry(hs);
    ThreadState& ts = entry.ts;
    hs.keyboard_interrupt = false;
    ReplIo io = terminal_repl_io(hs.interp->stderr_sink);
    return gilt::run_repl(ts, io, show_banner);
}

namespace {

// Calls module.function() if the module was imported and has it (threading's
// _shutdown, atexit's _run_exitfuncs); errors are printed and ignored.
void call_if_loaded(ThreadState& ts, const char* module, const char* function) {
    Ref key(make_str(ts, module));
    bool error = false;
    Value m = key ? dict_get(ts, ts.interp().modules, *key, &error) : Value();
    Ref fn(m ? obj_getattr_cstr(ts, m, function) : Value());
    Ref result(fn ? call0(ts, *fn) : Value());
    if (fn && !result) {
        Ref exc(fetch_exception(ts));
        print_exception(ts, *exc);
    }
    clear_exception(ts);
}

// The GIL instruments' reports go to the process's stderr (or the host's
// sink), not through sys.stderr, which the script may have replaced.
void write_process_stderr(Interpreter& interp, const std::string& text) {
    if (interp.stderr_sink) {
        interp.stderr_sink(text);
        return;
    }
    std::fwrite(text.data(), 1, text.size(), stderr);
    std::fflush(stderr);
}

}  // namespace

int Host::finalize() {
    HostState& hs = *m_state;
    if (hs.finalized) return hs.finalize_status;
    Entry entry(hs);
    ThreadState& ts = entry.ts;
    hs.finalized = true;
    // CPython's Py_FinalizeEx order: wait for threads, then atexit, then flush.
    call_if_loaded(ts, "threading", "_shutdown");
    call_if_loaded(ts, "atexit", "_run_exitfuncs");
    hs.daemon_threads = !wait_for_thread_exits(ts);
    hs.finalize_status = flush_std_files(ts) ? 0 : 120;
    flush_std_streams(ts);  // also the original streams, when the script replaced them
    hs.interp->gil_instruments.finish(*hs.interp, write_process_stderr);
    return hs.finalize_status;
}

// --- ReleaseGil ----------------------------------------------------------------------

ReleaseGil::ReleaseGil(CallContext& ctx) {
    static_assert(sizeof(GilRelease) <= sizeof(m_storage) &&
                  alignof(GilRelease) <= alignof(std::max_align_t));
    ThreadState& ts = current_ts(Access::state(ctx.host()));
    new (m_storage) GilRelease(ts.interp().gil, ts.gil_thread);
}

ReleaseGil::~ReleaseGil() {
    std::launder(reinterpret_cast<GilRelease*>(m_storage))->~GilRelease();
}

HoldGil::HoldGil(Host& host) : m_state(&Access::state(host)) {
    m_attached = enter_thread(*m_state);
    ThreadState& ts = current_ts(*m_state);
    if (!ts.interp().gil.is_held_by(ts.gil_thread)) {
        ts.interp().gil.take(ts.gil_thread);
        m_took = true;
    }
}

HoldGil::~HoldGil() {
    ThreadState& ts = current_ts(*m_state);
    if (m_took) ts.interp().gil.drop(ts.gil_thread);
    host_thread_leave(*m_state->interp, static_cast<ThreadState*>(m_attached));
}

// --- Handle ----------------------------------------------------------------------------

Handle::Handle(const Handle& other) noexcept : m_host(other.m_host), m_bits(other.m_bits) {
    if (m_host) {
        Entry entry(*m_host);
        incref(Value::from_bits(m_bits));
        ++m_host->live_objects;
    }
}

Handle::Handle(Handle&& other) noexcept : m_host(other.m_host), m_bits(other.m_bits) {
    other.m_host = nullptr;
    other.m_bits = 0;
}

Handle& Handle::operator=(const Handle& other) noexcept {
    Handle copy(other);
    std::swap(m_host, copy.m_host);
    std::swap(m_bits, copy.m_bits);
    return *this;
}

Handle& Handle::operator=(Handle&& other) noexcept {
    Handle moved(std::move(other));
    std::swap(m_host, moved.m_host);
    std::swap(m_bits, moved.m_bits);
    return *this;
}

Handle::~Handle() {
    if (m_host) {
        Entry entry(*m_host);
        --m_host->live_objects;
        decref(Value::from_bits(m_bits));
    }
}

Host& Handle::host() const {
    return *state_checked(*this).host;
}

bool Handle::is_none() const {
    state_checked(*this);
    return Value::from_bits(m_bits).is_none();
}

bool Handle::is(const Handle& other) const {
    return m_bits == other.m_bits && m_host == other.m_host;
}

std::string Handle::type_name() const {
    HostState& hs = state_checked(*this);
    Entry entry(hs);
    return type_name_of(entry.ts, Value::from_bits(m_bits));
}

std::string Handle::repr() const {
    HostState& hs = state_checked(*this);
    Entry entry(hs);
    Ref s(obj_repr(entry.ts, Value::from_bits(m_bits)));
    if (!s) throw_pending(hs);
    return std::string(str_view(*s));
}

std::string Handle::str() const {
    HostState& hs = state_checked(*this);
    Entry entry(hs);
    Ref s(obj_str(entry.ts, Value::from_bits(m_bits)));
    if (!s) throw_pending(hs);
    return std::string(str_view(*s));
}

std::int64_t Handle::as_int() const {
    HostState& hs = state_checked(*this);
    int64_t out = 0;
    Entry entry(hs);
    check_ok(hs, obj_index(entry.ts, Value::from_bits(m_bits), &out));
    return out;
}

double Handle::as_double() const {
    HostState& hs = state_checked(*this);
    double out = 0;
    Entry entry(hs);
    check_ok(hs, obj_as_double(entry.ts, Value::from_bits(m_bits), &out));
    return out;
}

bool Handle::as_bool() const {
    HostState& hs = state_checked(*this);
    Entry entry(hs);
    int truth = obj_truthy(entry.ts, Value::from_bits(m_bits));
    check_ok(hs, truth >= 0);
    return truth == 1;
}

std::string Handle::as_string() const {
    HostState& hs = state_checked(*this);
    Entry entry(hs);
    ThreadState& ts = entry.ts;
    Value v = Value::from_bits(m_bits);
    if (!is_str(ts, v)) {
        raise_fmt(ts, ts.exc_types().TypeError, "expected str, got {}", gilt::type_name(ts, v));
        throw_pending(hs);
    }
    return std::string(str_view(v));
}

std::vector<Handle> Handle::as_list() const {
    HostState& hs = state_checked(*this);
    Entry entry(hs);
    ThreadState& ts = entry.ts;
    Ref iter(obj_iter(ts, Value::from_bits(m_bits)));
    if (!iter) throw_pending(hs);
    std::vector<Handle> items;
    while (Value item = iter_next(ts, *iter)) items.push_back(Access::own(&hs, item));
    if (ts.has_exception()) throw_pending(hs);
    return items;
}

std::map<std::string, Handle> Handle::as_dict() const {
    HostState& hs = state_checked(*this);
    Entry entry(hs);
    ThreadState& ts = entry.ts;
    Value v = Value::from_bits(m_bits);
    Ref items(is_dict(ts, v) ? new_ref(v) : call_method(ts, v, ts.names().items, {}));
    if (!items) throw_pending(hs);
    std::map<std::string, Handle> out;
    auto add = [&](Value key, Value value) {
        if (!is_str(ts, key)) {
            raise_fmt(ts, ts.exc_types().TypeError, "dict keys must be str, not {}",
                      gilt::type_name(ts, key));
            throw_pending(hs);
        }
        out.insert_or_assign(std::string(str_view(key)), Access::borrow(&hs, value));
    };
    if (is_dict(ts, *items)) {
        uint64_t pos = 0;
        Value key, value;
        while (dict_next(*items, &pos, &key, &value)) add(key, value);
        return out;
    }
    for (const Handle& pair : Access::own(&hs, items.release()).as_list()) {
        std::vector<Handle> kv = pair.as_list();
        if (kv.size() != 2) throw ScriptError("ValueError", "items() must yield pairs");
        add(Access::value(kv[0]), Access::value(kv[1]));
    }
    return out;
}

Handle Handle::attr(std::string_view name) const {
    HostState& hs = state_checked(*this);
    Entry entry(hs);
    ThreadState& ts = entry.ts;
    Ref key(name_value(hs, name));
    if (!key) throw_pending(hs);
    return own_or_throw(hs, obj_getattr(ts, Value::from_bits(m_bits), *key));
}

bool Handle::has_attr(std::string_view name) const {
    HostState& hs = state_checked(*this);
    Entry entry(hs);
    ThreadState& ts = entry.ts;
    Ref key(name_value(hs, name));
    if (!key) throw_pending(hs);
    Ref v(obj_getattr_opt(ts, Value::from_bits(m_bits), *key));
    if (!v && ts.has_exception()) throw_pending(hs);
    return !v.is_null();
}

void Handle::set_attr(std::string_view name, const Handle& value) const {
    HostState& hs = state_checked(*this);
    Entry entry(hs);
    ThreadState& ts = entry.ts;
    Value v = value_in(hs, value);
    Ref key(name_value(hs, name));
    check_ok(hs, key && obj_setattr(ts, Value::from_bits(m_bits), *key, v) >= 0);
}

Handle Handle::operator[](const Handle& key) const {
    HostState& hs = state_checked(*this);
    Entry entry(hs);
    return own_or_throw(hs, obj_getitem(entry.ts, Value::from_bits(m_bits), value_in(hs, key)));
}

Handle Handle::operator[](std::string_view key) const {
    HostState& hs = state_checked(*this);
    Ref k(make_str_checked(hs, key));
    if (!k) throw_pending(hs);
    Entry entry(hs);
    return own_or_throw(hs, obj_getitem(entry.ts, Value::from_bits(m_bits), *k));
}

Handle Handle::item_int(std::int64_t index) const {
    HostState& hs = state_checked(*this);
    Entry entry(hs);
    ThreadState& ts = entry.ts;
    Ref k(make_int(ts, index));
    if (!k) throw_pending(hs);
    return own_or_throw(hs, obj_getitem(ts, Value::from_bits(m_bits), *k));
}

void Handle::set_item(const Handle& key, const Handle& value) const {
    HostState& hs = state_checked(*this);
    Entry entry(hs);
    ThreadState& ts = entry.ts;
    check_ok(
        hs, obj_setitem(ts, Value::from_bits(m_bits), value_in(hs, key), value_in(hs, value)) >= 0);
}

std::int64_t Handle::len() const {
    HostState& hs = state_checked(*this);
    Entry entry(hs);
    int64_t n = obj_len(entry.ts, Value::from_bits(m_bits));
    check_ok(hs, n >= 0);
    return n;
}

Handle Handle::call(std::span<const Handle> args) const {
    HostState& hs = state_checked(*this);
    Entry entry(hs);
    ThreadState& ts = entry.ts;
    std::vector<Value> values;
    values.reserve(args.size());
    for (const Handle& a : args) values.push_back(value_in(hs, a));
    Args call_args{values.data(), static_cast<uint32_t>(values.size()), nullptr};
    return own_or_throw(hs, obj_call(ts, Value::from_bits(m_bits), call_args));
}

// --- conversions C++ -> Handle -----------------------------------------------------

namespace detail {

HostState* state_of(const Handle& o) {
    return &state_checked(o);
}

Handle make_int(HostState* hs, std::int64_t v) {
    Entry entry(*hs);
    return own_or_throw(*hs, gilt::make_int(entry.ts, v));
}
Handle make_uint(HostState* hs, std::uint64_t v) {
    Entry entry(*hs);
    return own_or_throw(*hs, gilt::make_int_u64(entry.ts, v));
}
Handle make_float(HostState* hs, double v) {
    Entry entry(*hs);
    return own_or_throw(*hs, gilt::make_float(entry.ts, v));
}
Handle make_bool(HostState* hs, bool v) {
    return Access::own(hs, Value::boolean(v));
}
Handle make_none(HostState* hs) {
    return Access::own(hs, Value::none());
}
Handle make_str(HostState* hs, std::string_view v) {
    return own_or_throw(*hs, make_str_checked(*hs, v));
}

Handle make_list(HostState* hs, std::span<const Handle> items) {
    Entry entry(*hs);
    ThreadState& ts = entry.ts;
    Ref list(list_new(ts, items.size()));
    if (!list) throw_pending(*hs);
    for (const Handle& item : items) check_ok(*hs, list_append(ts, *list, value_in(*hs, item)));
    return Access::own(hs, list.release());
}

Handle make_tuple(HostState* hs, std::span<const Handle> items) {
    Entry entry(*hs);
    ThreadState& ts = entry.ts;
    std::vector<Value> values;
    values.reserve(items.size());
    for (const Handle& item : items) values.push_back(value_in(*hs, item));
    return own_or_throw(*hs, tuple_from_array(ts, values.data(), values.size()));
}

Handle make_dict(HostState* hs, const std::map<std::string, Handle>& items) {
    Entry entry(*hs);
    ThreadState& ts = entry.ts;
    Ref dict(dict_new(ts));
    if (!dict) throw_pending(*hs);
    for (const auto& [k, v] : items) {
        Ref key(make_str_checked(*hs, k));
        check_ok(*hs, key && dict_set(ts, *dict, *key, value_in(*hs, v)));
    }
    return Access::own(hs, dict.release());
}

void throw_overflow(const char* type) {
    throw ScriptError("OverflowError", std::string("Python int too large to convert to C ") + type);
}

}  // namespace detail

// --- async host functions ------------------------------------------------------------
//
// A call of an async host function returns the coroutine _hostasync.run(token).
// Each time it wants the host code to go on, it calls the native _step(token,
// sent, thrown): _step switches into the call's fiber, which runs the body
// until the body asks for an await (or returns), stores the request in its
// AsyncCall and switches back; _step returns (request, payload) to the
// coroutine, which awaits it on the loop and comes back with the outcome.
// So everything Python-visible (the Task, cancellation, gather) is plain
// asyncio, and the fiber is only a way for C++ to keep its stack across
// awaits. Boost.Context's fiber is the one-shot continuation that makes the
// switch; a fiber destroyed while suspended is unwound by Boost's
// forced_unwind, which runs the destructors on its stack.
//
// The C++ stack check: ThreadState::stack_limit describes the thread's own
// stack, so while a fiber runs it is pointed into the fiber's stack (a quarter
// of the stack left as margin), and put back when the fiber switches out.

namespace detail {

enum AsyncRequest : std::int64_t {
    kDone = 0,
    kAwait = 1,
    kSleep = 2,
    kReadable = 3,
    kWritable = 4
};

struct AsyncCall {
    AsyncCall(HostState& hs, std::shared_ptr<AsyncFunction> fn, std::string_view name,
              std::span<const Handle> args)
        : hs(hs), fn(std::move(fn)), name(name), args(args.begin(), args.end()) {}

    // Unwinds a fiber still suspended (with the GIL held, since its stack
    // holds Handles).
    ~AsyncCall() {
        if (fiber) on_fiber_stack([&] { switch_in([&] { fiber = {}; }); });
    }

    // Runs `switch_in` (which resumes or destroys the fiber) with the stack
    // check aimed at the fiber's stack.
    template <class F>
    void on_fiber_stack(F&& switch_in) {
        ThreadState& ts = current_ts(hs);
        const char* saved = ts.stack_limit;
        ts.stack_limit = stack_low == nullptr ? nullptr : stack_low + hs.async->stack_size / 4;
        switch_in();
        ts.stack_limit = saved;
    }

    void start() {
        boost::context::pooled_fixedsize_stack pool = hs.async->pool;
        StackRecorder recorder{pool, &stack_low};
        fiber = boost::context::fiber(std::allocator_arg, recorder,
                                      [this](boost::context::fiber&& back) {
                                          asan_arrived(nullptr, &caller_bottom, &caller_size);
                                          caller = std::move(back);
                                          try {
                                              body();
                                          } catch (const boost::context::detail::forced_unwind&) {
                                              asan_enter(nullptr, caller_bottom, caller_size);
                                              throw;
                                          }
                                          asan_enter(nullptr, caller_bottom, caller_size);
                                          return std::move(caller);
                                      });
    }

    void body() {
        AsyncContext cx(hs.host, name, this);
        try {
            result = (*fn)(cx, std::span<const Handle>(args));
        } catch (const boost::context::detail::forced_unwind&) {
            throw;  // the fiber is being destroyed: let Boost unwind it
        } catch (...) {
            error = std::current_exception();
        }
        done = true;
    }

    // ASan must be told of every stack switch (Boost's fcontext does not),
    // or it reports false overflows after a fiber has thrown.
    void asan_enter(void** fake, const void* bottom, std::size_t size) {
#ifdef GILT_ASAN_FIBERS
        __sanitizer_start_switch_fiber(fake, bottom, size);
#else
        static_cast<void>(fake), static_cast<void>(bottom), static_cast<void>(size);
#endif
    }
    void asan_arrived(void* fake, const void** bottom, std::size_t* size) {
#ifdef GILT_ASAN_FIBERS
        __sanitizer_finish_switch_fiber(fake, bottom, size);
#else
        static_cast<void>(fake), static_cast<void>(bottom), static_cast<void>(size);
#endif
    }
    // Caller side: switches into the fiber (resume or unwind).
    template <class F>
    void switch_in(F&& go) {
        void* fake = nullptr;
        asan_enter(&fake, stack_low, hs.async->stack_size);
        go();
        asan_arrived(fake, nullptr, nullptr);
    }

    // Fiber side: hands `what` to the coroutine, waits for the outcome.
    Handle suspend(AsyncRequest request, Handle what) {
        if (!running) throw std::logic_error("gilt: AsyncContext used outside its call");
        this->request = request;
        payload = std::move(what);
        running = false;
        void* fake = nullptr;
        asan_enter(&fake, caller_bottom, caller_size);
        try {
            caller = std::move(caller).resume();
        } catch (const boost::context::detail::forced_unwind&) {
            asan_arrived(fake, &caller_bottom, &caller_size);  // being destroyed
            throw;
        }
        asan_arrived(fake, &caller_bottom, &caller_size);
        running = true;
        if (!thrown.is_empty()) {
            ThreadState& ts = current_ts(hs);
            restore_exception(ts, new_ref(Access::value(thrown)));
            thrown = Handle();
            sent = Handle();
            throw_pending(hs);
        }
        return std::exchange(sent, Handle());
    }

    // Allocates from the pool and remembers the low end of the stack.
    struct StackRecorder {
        boost::context::pooled_fixedsize_stack pool;
        const char** low;
        boost::context::stack_context allocate() {
            boost::context::stack_context sc = pool.allocate();
            *low = static_cast<const char*>(sc.sp) - sc.size;
            return sc;
        }
        void deallocate(boost::context::stack_context& sc) noexcept { pool.deallocate(sc); }
    };

    HostState& hs;
    std::shared_ptr<AsyncFunction> fn;
    std::string name;
    std::vector<Handle> args;
    boost::context::fiber fiber;   // the body's side, while it is suspended
    boost::context::fiber caller;  // the _step side, while the body runs
    const char* stack_low = nullptr;
    const void* caller_bottom = nullptr;  // the resuming thread's stack, for ASan
    std::size_t caller_size = 0;
    bool running = false;
    bool done = false;
    AsyncRequest request = kDone;
    Handle payload;  // what the body asked to await
    Handle sent;     // the outcome of that await, or
    Handle thrown;   // the exception it raised
    Handle result;
    std::exception_ptr error;
};

AsyncState::~AsyncState() = default;

}  // namespace detail

Handle AsyncContext::await(const Handle& awaitable) {
    return m_call->suspend(detail::kAwait, awaitable);
}
void AsyncContext::sleep(double seconds) {
    m_call->suspend(detail::kSleep, m_host->object(seconds));
}
void AsyncContext::wait_readable(int fd) {
    m_call->suspend(detail::kReadable, m_host->object(fd));
}
void AsyncContext::wait_writable(int fd) {
    m_call->suspend(detail::kWritable, m_host->object(fd));
}

namespace {

using detail::AsyncCall;

AsyncCall* find_call(HostState& hs, Value token) {
    if (!token.is_small_int()) return nullptr;
    auto it = hs.async->calls.find(token.as_small_int());
    return it == hs.async->calls.end() ? nullptr : it->second.get();
}

// Switches into the call's fiber with the coroutine's outcome; returns what
// the body asks for next as (request, payload), or rethrows its exception.
Handle step_call(HostState& hs, AsyncCall& call, Value sent, Value thrown) {
    if (!thrown.is_none())
        call.thrown = Access::borrow(&hs, thrown);
    else
        call.sent = Access::borrow(&hs, sent);
    if (!call.fiber && !call.done) call.start();
    call.running = true;
    call.on_fiber_stack(
        [&] { call.switch_in([&] { call.fiber = std::move(call.fiber).resume(); }); });
    call.running = false;
    if (!call.done) {
        Handle payload = std::exchange(call.payload, Handle());
        std::array<Handle, 2> items{hs.host->object(static_cast<std::int64_t>(call.request)),
                                    payload};
        return hs.host->tuple(items);
    }
    return Handle();  // done: the caller takes the result
}

Value async_step(ThreadState& ts, Args args) {
    CurrentThread current(ts);
    HostState* hs = host_state_of(ts);
    if (hs == nullptr || args.n != 3) {
        return raise(ts, ts.exc_types().SystemError, "bad call of an async host step");
    }
    AsyncCall* call = find_call(*hs, args[0]);
    if (call == nullptr) {
        return raise(ts, ts.exc_types().RuntimeError, "cannot reuse already awaited coroutine");
    }
    std::int64_t token = args[0].as_small_int();
    return catch_into_python(*hs, [&]() -> Value {
        Handle next = step_call(*hs, *call, args[1], args[2]);
        if (!next.is_empty()) return new_ref(Access::value(next));
        // Finished: the call leaves the table; its result or error goes out.
        std::unique_ptr<AsyncCall> finished = std::move(hs->async->calls[token]);
        hs->async->calls.erase(token);
        if (finished->error) std::rethrow_exception(finished->error);
        std::array<Handle, 2> items{
            hs->host->object(0), finished->result.is_empty() ? hs->host->none() : finished->result};
        Handle out = hs->host->tuple(items);
        return new_ref(Access::value(out));
    });
}

Value async_close(ThreadState& ts, Args args) {
    CurrentThread current(ts);
    HostState* hs = host_state_of(ts);
    if (hs == nullptr || args.n != 1 || !args[0].is_small_int()) return Value::none();
    auto it = hs->async->calls.find(args[0].as_small_int());
    if (it == hs->async->calls.end() || it->second->running) return Value::none();
    std::unique_ptr<AsyncCall> call = std::move(it->second);
    hs->async->calls.erase(it);
    call.reset();  // unwinds the fiber if it is suspended
    return Value::none();
}

// Imports the driver module once and gives it its native half.
void ensure_async_driver(HostState& hs) {
    if (!hs.async->run.is_empty()) return;
    ThreadState& ts = current_ts(hs);
    Handle module = hs.host->import("_hostasync");
    Ref step(make_native_function(ts, "_step", async_step));
    Ref close(make_native_function(ts, "_close", async_close));
    if (!step || !close) throw_pending(hs);
    module.set_attr("step", Access::borrow(&hs, *step));
    module.set_attr("close", Access::borrow(&hs, *close));
    hs.async->run = module.attr("run");
}

// The host function behind an async one: makes the call and its coroutine.
Function async_starter(HostState& hs, std::string_view name, AsyncFunction fn) {
    auto shared = std::make_shared<AsyncFunction>(std::move(fn));
    return [&hs, shared, name = std::string(name)](CallContext&, std::span<const Handle> args) {
        std::int64_t token = hs.async->next_token++;
        hs.async->calls[token] = std::make_unique<AsyncCall>(hs, shared, name, args);
        return hs.async->run(token);
    };
}

void release_async_calls(HostState& hs) {
    if (!hs.async) return;
    Entry entry(hs);
    // Unwinding one fiber may free coroutines that close others: take them
    // out of the table one at a time.
    while (!hs.async->calls.empty()) {
        std::unique_ptr<AsyncCall> call = std::move(hs.async->calls.begin()->second);
        hs.async->calls.erase(hs.async->calls.begin());
        call.reset();
    }
    hs.async->run = Handle();
}

}  // namespace

void Host::def_async(std::string_view name, AsyncFunction fn) {
    HostState& hs = *m_state;
    Entry entry(hs);
    ensure_async_driver(hs);
    def(name, async_starter(hs, name, std::move(fn)));
}

void Host::def_async(const Handle& module, std::string_view name, AsyncFunction fn) {
    HostState& hs = *m_state;
    Entry entry(hs);
    ensure_async_driver(hs);
    ThreadState& ts = entry.ts;
    Ref module_name(obj_getattr_cstr(ts, value_in(hs, module), "__name__"));
    if (!module_name) throw_pending(hs);
    Ref func(make_host_function(hs, name, async_starter(hs, name, std::move(fn)), *module_name));
    if (!func) throw_pending(hs);
    module.set_attr(name, Access::borrow(&hs, *func));
}

}  // namespace gilt
