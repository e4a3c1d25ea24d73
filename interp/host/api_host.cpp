// A Host: starting its interpreter from Options, running code in __main__,
// __main__'s globals, and what the `gilt` command does (run_file,
// run_source, run_module, run_repl, finalize).
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "interp/compiler/compile.hpp"
#include "interp/host/api_internal.hpp"
#include "interp/host/host_sandbox.hpp"
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
#include "runtime/str.hpp"
#include "runtime/thread_start.hpp"
#include "runtime/tuple.hpp"
#include "stdlib/io.hpp"

namespace gilt {

using namespace api;

namespace {

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

// The global `name` of __main__ (borrowed), or with `builtins_too` the
// builtin of that name; throws NameError as ScriptError, worded as the
// script's own lookup words it, when there is neither.
Value lookup_global(HostState& hs, ThreadState& ts, std::string_view name, bool builtins_too) {
    Ref key(name_value(hs, name));
    if (!key) throw_pending(hs);
    Value v = dict_get_str(hs.main_dict, *key);
    if (!v && builtins_too) v = dict_get_str(hs.interp->builtins, *key);
    if (!v) {
        raise_fmt(ts, ts.exc_types().NameError, "name '{}' is not defined", name);
        throw_pending(hs);
    }
    return v;
}

}  // namespace

// --- Host --------------------------------------------------------------------------

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
    release_bindings(*m_state);
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
    return Access::borrow(&hs, lookup_global(hs, entry.ts, function_name, true)).call(args);
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
    return Access::borrow(&hs, lookup_global(hs, entry.ts, name, false));
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

}  // namespace gilt
