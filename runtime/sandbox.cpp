// The sandbox (see sandbox.hpp): limits, capabilities, the import gate.
#include "runtime/sandbox.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <memory>

#include "runtime/abstract.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/eval_breaker.hpp"
#include "runtime/list.hpp"
#include "runtime/module_state.hpp"
#include "runtime/native_function.hpp"
#include "runtime/str.hpp"
#include "runtime/type.hpp"

namespace gilt {

namespace {

std::int64_t now_ns() noexcept {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// How often (in check points) a running script reads the clock for the
// deadline: often enough that a tight loop notices within microseconds,
// rarely enough that the clock costs nothing next to the loop.
constexpr std::uint32_t kClockEvery = 64;

}  // namespace

const std::vector<std::string>& sandbox_default_modules() {
    static const std::vector<std::string> kModules = {
        "abc",       "base64",      "bisect",   "calendar",   "collections", "contextlib",
        "copy",      "dataclasses", "datetime", "decimal",    "difflib",     "enum",
        "fractions", "functools",   "gilt",     "hashlib",    "heapq",       "hmac",
        "itertools", "json",        "keyword",  "math",       "numbers",     "operator",
        "pprint",    "random",      "re",       "statistics", "string",      "struct",
        "textwrap",  "time",        "types",    "typing",     "unicodedata", "uuid",
        "zlib",
    };
    return kModules;
}

// --- limits ----------------------------------------------------------------

Sandbox::Sandbox(Interpreter& interp, SandboxConfig config)
    : m_interp(interp), m_config(std::move(config)) {
    if (m_config.allowed_modules.empty()) m_config.allowed_modules = sandbox_default_modules();
    m_budget.store(std::max<std::int64_t>(m_config.budget, 0));
    update_breaker();
}

std::int64_t Sandbox::budget_left() const noexcept {
    if (!has_budget()) return -1;
    return std::max<std::int64_t>(m_budget.load(std::memory_order_relaxed), 0);
}

void Sandbox::add_budget(std::int64_t n) noexcept {
    if (!has_budget() || n <= 0) return;
    // A spent budget may have gone below zero by the ticks that raised.
    std::int64_t cur = m_budget.load(std::memory_order_relaxed);
    while (!m_budget.compare_exchange_weak(cur, std::max<std::int64_t>(cur, 0) + n)) {
    }
}

bool Sandbox::arm_deadline() noexcept {
    if (m_config.time_limit <= 0) return false;
    std::int64_t expected = 0;
    auto limit = static_cast<std::int64_t>(m_config.time_limit * 1e9);
    if (!m_deadline_ns.compare_exchange_strong(expected, now_ns() + limit)) return false;
    update_breaker();
    return true;
}

void Sandbox::disarm_deadline() noexcept {
    m_deadline_ns.store(0);
    update_breaker();
}

bool Sandbox::deadline_passed() const noexcept {
    std::int64_t d = m_deadline_ns.load(std::memory_order_relaxed);
    return d != 0 && now_ns() >= d;
}

// The bit stays set while something counts, so no check point is missed.
void Sandbox::update_breaker() noexcept {
    if (has_budget() || m_deadline_ns.load() != 0) {
        m_interp.eval_breaker.fetch_or(kEvalBreakerSandbox, std::memory_order_relaxed);
    } else {
        m_interp.eval_breaker.fetch_and(~kEvalBreakerSandbox, std::memory_order_relaxed);
    }
}

namespace {

// The two exception classes, and the host's choice for the budget; owned
// by the interpreter through its module state.
struct LimitErrors {
    Value budget;
    Value time;
    Value budget_override;
    ~LimitErrors() {
        clear_ref(budget);
        clear_ref(time);
        clear_ref(budget_override);
    }
};

constexpr const char* kLimitErrorsKey = "gilt.limits";

LimitErrors* limit_errors(ThreadState& ts) {
    LimitErrors& errors = module_state<LimitErrors>(ts.interp(), kLimitErrorsKey);
    if (errors.budget.is_null()) {
        errors.budget =
            make_exception_class(ts, "gilt", "BudgetExceeded", val(ts.exc_types().RuntimeError));
        if (errors.budget.is_null()) return nullptr;
    }
    if (errors.time.is_null()) {
        errors.time = make_exception_class(ts, "gilt", "TimeLimitExceeded", errors.budget);
        if (errors.time.is_null()) return nullptr;
    }
    return &errors;
}

bool raise_budget_spent(ThreadState& ts) {
    LimitErrors* errors = limit_errors(ts);
    if (errors == nullptr) return false;
    Value type = errors->budget_override ? errors->budget_override : errors->budget;
    raise(ts, reinterpret_cast<TypeObject*>(type.as_object()), "script budget exhausted");
    return false;
}

bool raise_time_limit(ThreadState& ts, double seconds) {
    if (sandbox_time_error(ts).is_null()) return false;
    raise_fmt(ts, reinterpret_cast<TypeObject*>(limit_errors(ts)->time.as_object()),
              "script time limit of {} s exceeded", seconds);
    return false;
}

}  // namespace

Value sandbox_budget_error(ThreadState& ts) {
    LimitErrors* errors = limit_errors(ts);
    return errors ? errors->budget : Value();
}

Value sandbox_time_error(ThreadState& ts) {
    LimitErrors* errors = limit_errors(ts);
    return errors ? errors->time : Value();
}

void sandbox_set_budget_error(ThreadState& ts, Value type) {
    if (LimitErrors* errors = limit_errors(ts)) {
        set_ref(errors->budget_override, type.is_null() ? Value() : new_ref(type));
    }
}

bool sandbox_check_point(ThreadState& ts) {
    Sandbox* sb = ts.interp().sandbox.get();
    if (sb == nullptr) return true;
    if (sb->has_budget() && sb->m_budget.fetch_sub(1, std::memory_order_relaxed) <= 0) {
        std::int64_t more = sb->m_config.refill ? sb->m_config.refill() : 0;
        if (more <= 0) return raise_budget_spent(ts);
        sb->add_budget(more);
    }
    if (++sb->m_ticks % kClockEvery == 0 && sb->deadline_passed()) {
        // Once passed, every check point reads the clock and raises until
        // the call ends: a script that catches the exception is stopped
        // again at its next iteration.
        sb->m_ticks = kClockEvery - 1;
        return raise_time_limit(ts, sb->m_config.time_limit);
    }
    return true;
}

bool sandbox_check_deadline(ThreadState& ts) {
    Sandbox* sb = ts.interp().sandbox.get();
    if (sb == nullptr || !sb->deadline_passed()) return true;
    return raise_time_limit(ts, sb->config().time_limit);
}

// --- capabilities ----------------------------------------------------------

namespace {

bool raise_not_allowed(ThreadState& ts, std::string_view what) {
    raise_fmt(ts, ts.exc_types().PermissionError, "{}() is not allowed in a sandboxed interpreter",
              what);
    return false;
}

}  // namespace

bool sandbox_permits(ThreadState& ts, std::string_view what) {
    if (!is_sandboxed(ts)) return true;
    if (what == "_thread.start_new_thread" && ts.interp().sandbox->config().allow_threads)
        return true;
    return raise_not_allowed(ts, what);
}

namespace {

// Native modules that reach outside the interpreter: files by descriptor,
// sockets, processes, signals, shared memory, resource limits, databases.
constexpr std::array<std::string_view, 13> kOutsideModules = {
    "_asyncio", "_multiprocessing", "_posixshmem", "_signal", "_socket",  "_sqlite3",
    "_ssl",     "_subprocess",      "gil",         "mmap",    "resource", "select",
    "_expat",
};

// A half-safe module: either only `names` are kept (keep_only) or only
// `names` are refused.
struct Restriction {
    std::string_view module;
    bool keep_only;
    std::vector<std::string_view> names;
};

const std::vector<Restriction>& restrictions() {
    static const std::vector<Restriction> kRestrictions = {
        {"posix",
         true,
         {"getpid", "cpu_count", "strerror", "urandom", "fspath", "WIFEXITED", "WIFSIGNALED",
          "WIFSTOPPED", "WIFCONTINUED", "WCOREDUMP", "WEXITSTATUS", "WTERMSIG", "WSTOPSIG",
          "waitstatus_to_exitcode"}},
        {"builtins", false, {"open", "input", "breakpoint"}},
        {"io", false, {"open", "open_code"}},
        {"_io", false, {"open", "open_code"}},
        {"_thread", false, {"start_new_thread", "start_new"}},
        {"gc", false, {"get_objects", "get_referrers", "get_referents"}},
    };
    return kRestrictions;
}

// The replacement of a refused function: self is its qualified name.
Value refused_function(ThreadState& ts, Args args) {
    std::string_view what = args.n > 0 && is_str(ts, args[0]) ? str_view(args[0]) : "this";
    raise_not_allowed(ts, what);
    return Value();
}

bool is_native_callable(Value v) {
    return v.is_object() && v.as_object()->kind == ObjKind::NativeFunction;
}

[[nodiscard]] bool replace_with_refuser(ThreadState& ts, Value dict, Value key,
                                        std::string_view module) {
    std::string qualified = module == "builtins" ? std::string(str_view(key))
                                                 : std::string(module == "posix" ? "os" : module) +
                                                       "." + std::string(str_view(key));
    Ref name(make_str(ts, qualified));
    Ref fn(name ? make_native_function(ts, "refused", refused_function) : Value());
    Ref bound(fn ? native_bind(ts, *fn, *name) : Value());
    return bound && dict_set(ts, dict, key, *bound);
}

}  // namespace

bool sandbox_native_allowed(ThreadState& ts, std::string_view name) {
    if (!is_sandboxed(ts)) return true;
    if (std::find(kOutsideModules.begin(), kOutsideModules.end(), name) == kOutsideModules.end())
        return true;
    raise_fmt(ts, ts.exc_types().ModuleNotFoundError,
              "import of {} is not allowed in a sandboxed interpreter", name);
    return false;
}

bool sandbox_restrict_module(ThreadState& ts, std::string_view name, Value dict) {
    if (!is_sandboxed(ts)) return true;
    for (const Restriction& r : restrictions()) {
        if (r.module != name) continue;
        if (name == "_thread" && ts.interp().sandbox->config().allow_threads) continue;
        Ref keys(dict_keys_list(ts, dict));
        if (!keys) return false;
        for (uint64_t i = 0; i < list_size(*keys); ++i) {
            Value key = list_item(*keys, i);
            if (!is_str(ts, key)) continue;
            bool listed = std::find(r.names.begin(), r.names.end(), str_view(key)) != r.names.end();
            if (listed == r.keep_only) continue;
            Value v = dict_get_str(dict, key);
            if (r.keep_only && !is_native_callable(v)) continue;
            if (!replace_with_refuser(ts, dict, key, name)) return false;
        }
    }
    // The host's environment is not the script's business.
    if (name == "posix") {
        Ref empty(dict_new(ts));
        return empty && dict_set_cstr(ts, dict, "environ", *empty);
    }
    return true;
}

bool sandbox_import_allowed(ThreadState& ts, std::string_view name, bool trusted) {
    Sandbox* sb = ts.interp().sandbox.get();
    if (sb == nullptr || trusted) return true;
    std::string_view top = name.substr(0, name.find('.'));
    const auto& allowed = sb->config().allowed_modules;
    if (std::find(allowed.begin(), allowed.end(), top) != allowed.end()) return true;
    raise_fmt(ts, ts.exc_types().ModuleNotFoundError,
              "import of {} is not allowed in a sandboxed interpreter", name);
    return false;
}

bool sandbox_install(ThreadState& ts, SandboxConfig config) {
    Interpreter& interp = ts.interp();
    interp.sandbox = std::make_unique<Sandbox>(interp, std::move(config));
    if (!sandbox_restrict_module(ts, "builtins", interp.builtins)) return false;
    if (!interp.sys) return true;
    for (const char* name : {"stdin", "__stdin__"}) {
        Ref key(interp.intern(name));
        if (!key || obj_setattr(ts, interp.sys, *key, Value::none()) < 0) return false;
    }
    return true;
}

}  // namespace gilt
