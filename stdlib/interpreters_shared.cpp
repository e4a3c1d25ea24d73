// Shareable copies, cross-interpreter queues and sub-interpreter workers;
// the design is told at the top of interpreters_shared.hpp.
//
// Locking: a SubInterpreter's or SharedQueue's mutex and the group's mutex
// are leaf locks held for short moments, never while waiting for a GIL and
// never two at once (the group lock is dropped before a SubInterpreter is
// used). A thread waiting for another interpreter has released its own GIL
// first, so every GIL can be taken by its own threads meanwhile.
#include "stdlib/interpreters_shared.hpp"

#include <gmp.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>

#include "interp/vm/import.hpp"
#include "runtime/abstract.hpp"
#include "runtime/bytes.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/exception.hpp"
#include "runtime/float.hpp"
#include "runtime/int.hpp"
#include "runtime/list.hpp"
#include "runtime/module.hpp"
#include "runtime/str.hpp"
#include "runtime/thread_start.hpp"
#include "runtime/tuple.hpp"
#include "runtime/type.hpp"
#include "stdlib/io.hpp"

namespace gilt {

namespace {

constexpr const char* kQueueModule = "concurrent.interpreters._queues";
constexpr const char* kHelperModule = "concurrent.interpreters._crossinterp";

// _interpreters.NotShareableError of this interpreter, or ValueError when
// the module is not loaded (it always is when its functions run).
TypeObject* not_shareable_error(ThreadState& ts) {
    Value m = dict_get_cstr(ts, ts.interp().modules, "_interpreters");
    Value cls = m.is_null() ? Value() : dict_get_cstr(ts, module_dict(m), "NotShareableError");
    if (cls.is_null() || !is_exception_type(ts, cls)) return ts.exc_types().ValueError;
    return as<TypeObject>(cls);
}

// The Queue class, if its module was imported here (a queue object can
// only exist then).
Value queue_class(ThreadState& ts) {
    Value m = dict_get_cstr(ts, ts.interp().modules, kQueueModule);
    return m.is_null() ? Value() : dict_get_cstr(ts, module_dict(m), "Queue");
}

bool is_queue(ThreadState& ts, Value v) {
    Value cls = queue_class(ts);
    return !cls.is_null() && v.is_object() && val(type_of(ts, v)) == cls;
}

std::string int_hex(Value v) {
    mpz_t z;
    mpz_init(z);
    int_to_mpz(v, z);
    char* digits = mpz_get_str(nullptr, 16, z);
    std::string text(digits);
    void (*free_fn)(void*, std::size_t);
    mp_get_memory_functions(nullptr, nullptr, &free_fn);
    free_fn(digits, text.size() + 1);
    mpz_clear(z);
    return text;
}

[[nodiscard]] bool shared_tuple(ThreadState& ts, Value v, SharedValue* out) {
    out->kind = SharedValue::Kind::Tuple;
    out->items.resize(tuple_size(v));
    for (uint64_t i = 0; i < tuple_size(v); ++i)
        if (!to_shared(ts, tuple_item(v, i), &out->items[i])) return false;
    return true;
}

Value queue_from_id(ThreadState& ts, std::int64_t id) {
    Ref module(import_by_name(ts, kQueueModule));
    Ref cls(module ? obj_getattr_cstr(ts, *module, "Queue") : Value());
    Ref number(cls ? make_int(ts, id) : Value());
    return number ? call1(ts, *cls, *number) : Value();
}

Value tuple_from_shared(ThreadState& ts, const SharedValue& sv) {
    Ref t(tuple_new(ts, sv.items.size()));
    if (!t) return Value();
    auto* items = tuple_obj(*t)->items;
    for (std::size_t i = 0; i < sv.items.size(); ++i) {
        items[i] = from_shared(ts, sv.items[i]);
        if (items[i].is_null()) {
            for (std::size_t j = i; j < sv.items.size(); ++j) items[j] = Value::none();
            return Value();
        }
    }
    return t.release();
}

}  // namespace

bool is_shareable(ThreadState& ts, Value v) {
    if (v.is_none() || v.is_bool() || v.is_small_int()) return true;
    TypeObject* t = type_of(ts, v);
    const BuiltinTypes& types = ts.types();
    if (t == types.int_ || t == types.float_ || t == types.str || t == types.bytes) return true;
    if (t == types.tuple) {
        for (uint64_t i = 0; i < tuple_size(v); ++i)
            if (!is_shareable(ts, tuple_item(v, i))) return false;
        return true;
    }
    return is_queue(ts, v);
}

bool to_shared(ThreadState& ts, Value v, SharedValue* out) {
    using Kind = SharedValue::Kind;
    if (v.is_none()) {
        out->kind = Kind::None;
        return true;
    }
    if (v.is_bool()) {
        out->kind = v.is_true() ? Kind::True : Kind::False;
        return true;
    }
    if (v.is_small_int()) {
        out->kind = Kind::Int;
        out->integer = v.as_small_int();
        return true;
    }
    TypeObject* t = type_of(ts, v);
    const BuiltinTypes& types = ts.types();
    if (t == types.int_) {
        out->kind = int_to_int64(v, &out->integer) ? Kind::Int : Kind::BigInt;
        if (out->kind == Kind::BigInt) out->text = int_hex(v);
        return true;
    }
    if (t == types.float_) {
        out->kind = Kind::Float;
        out->number = float_value(v);
        return true;
    }
    if (t == types.str || t == types.bytes) {
        out->kind = t == types.str ? Kind::Str : Kind::Bytes;
        out->text = t == types.str ? std::string(str_view(v)) : std::string(bytes_view(v));
        return true;
    }
    if (t == types.tuple) return shared_tuple(ts, v, out);
    if (is_queue(ts, v)) {
        Ref id(obj_getattr_cstr(ts, v, "_id"));
        out->kind = Kind::Queue;
        return id && int_as_int64(ts, *id, &out->integer);
    }
    raise_fmt(ts, not_shareable_error(ts), "{} does not support cross-interpreter data",
              type_name(ts, v));
    return false;
}

Value from_shared(ThreadState& ts, const SharedValue& sv) {
    using Kind = SharedValue::Kind;
    switch (sv.kind) {
        case Kind::None:
            return Value::none();
        case Kind::False:
            return Value::false_();
        case Kind::True:
            return Value::true_();
        case Kind::Int:
            return make_int(ts, sv.integer);
        case Kind::BigInt:
            return int_from_string(ts, sv.text, 16);
        case Kind::Float:
            return make_float(ts, sv.number);
        case Kind::Str:
            return make_str(ts, sv.text);
        case Kind::Bytes:
            return make_bytes(ts, sv.text);
        case Kind::Tuple:
            return tuple_from_shared(ts, sv);
        case Kind::Queue:
            return queue_from_id(ts, sv.integer);
    }
    return Value::none();
}

// --- SharedQueue ---------------------------------------------------------------

namespace {

// Waits on `cond` until `ready()`, for `timeout` seconds (< 0: forever).
template <class Ready>
bool wait_until(std::unique_lock<std::mutex>& lock, std::condition_variable& cond, double timeout,
                Ready ready) {
    if (ready()) return true;
    if (timeout == 0) return false;
    if (timeout < 0) {
        cond.wait(lock, ready);
        return true;
    }
    auto span = std::chrono::duration<double>(timeout);
    return cond.wait_for(lock, std::chrono::duration_cast<std::chrono::nanoseconds>(span), ready);
}

}  // namespace

SharedQueue::Status SharedQueue::put(ThreadState& ts, SharedValue item, double timeout) {
    GilRelease released(ts);
    std::unique_lock<std::mutex> lock(m_mutex);
    if (!wait_until(lock, m_not_full, timeout, [this] { return !full_locked(); }))
        return Status::Full;
    m_items.push_back(std::move(item));
    m_not_empty.notify_one();
    return Status::Ok;
}

SharedQueue::Status SharedQueue::get(ThreadState& ts, SharedValue* out, double timeout) {
    GilRelease released(ts);
    std::unique_lock<std::mutex> lock(m_mutex);
    if (!wait_until(lock, m_not_empty, timeout, [this] { return !m_items.empty(); }))
        return Status::Empty;
    *out = std::move(m_items.front());
    m_items.pop_front();
    m_not_full.notify_one();
    return Status::Ok;
}

std::size_t SharedQueue::size() {
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_items.size();
}

// --- SubInterpreter ---------------------------------------------------------------

SubInterpreter::SubInterpreter(std::int64_t id, std::shared_ptr<InterpreterGroup> group,
                               InterpreterConfig config)
    : m_id(id), m_group(std::move(group)), m_config(std::move(config)) {}

SubInterpreter::~SubInterpreter() {
    // close() joined the worker. A SubInterpreter still running when its
    // group goes away is never destroyed (its worker keeps the group, and
    // the group keeps it), so this is only a safety net.
    if (m_worker.joinable()) m_worker.detach();
}

bool SubInterpreter::start(ThreadState& caller) {
    bool failed = false;
    {
        GilRelease released(caller);
        m_worker = std::thread([this] { worker_main(); });
        std::unique_lock<std::mutex> lock(m_mutex);
        m_cond.wait(lock, [this] { return m_state != State::Starting; });
        failed = m_start_failed;
    }
    if (!failed) return true;
    m_worker.join();
    raise(caller, caller.exc_types().RuntimeError, "interpreter creation failed");
    return false;
}

namespace {

// sys.path of the creator, copied so that the new interpreter imports what
// its creator can (modules beside the main script included).
std::vector<std::string> sys_path_of(ThreadState& ts) {
    std::vector<std::string> out;
    Value sys = ts.interp().sys;
    Ref path(sys ? obj_getattr_cstr(ts, sys, "path") : Value());
    if (path && is_list(ts, *path)) {
        for (std::size_t i = 0; i < list_size(*path); ++i) {
            Value item = list_item(*path, i);
            if (is_str(ts, item)) out.emplace_back(str_view(item));
        }
    }
    clear_exception(ts);
    return out;
}

// -X options a sub-interpreter inherits: not the instruments that report at
// the host's exit (a sub-interpreter's own exit reports nothing).
InterpreterConfig config_like(ThreadState& ts) {
    const Interpreter& parent = ts.interp();
    InterpreterConfig config;
    config.argv = parent.config().argv;
    for (const auto& [name, value] : parent.config().xoptions) {
        if (name == "gilstats" || name == "giltrace" || name == "giltimeline" || name == "sched")
            continue;
        config.xoptions.emplace_back(name, value);
    }
    config.path = sys_path_of(ts);
    config.stdout_sink = parent.stdout_sink;
    config.stderr_sink = parent.stderr_sink;
    return config;
}

// module.function() if the module was imported (threading._shutdown,
// atexit._run_exitfuncs); errors are printed and ignored, as at exit.
void call_if_loaded(ThreadState& ts, const char* module, const char* function) {
    Value m = dict_get_cstr(ts, ts.interp().modules, module);
    Ref fn(m ? obj_getattr_cstr(ts, m, function) : Value());
    Ref result(fn ? call0(ts, *fn) : Value());
    if (fn && !result) {
        Ref exc(fetch_exception(ts));
        if (exc) print_exception(ts, *exc);
    }
    clear_exception(ts);
}

// The reply for an exception the helper could not turn into a value
// itself: ("err", name, qualname, module, message, formatted, None).
SharedValue error_reply(ThreadState& ts) {
    Ref exc(fetch_exception(ts));
    SharedValue reply;
    reply.kind = SharedValue::Kind::Tuple;
    std::string name = exc ? std::string(type_name(ts, *exc)) : "SystemError";
    Ref text(exc ? obj_str(ts, *exc) : Value());
    std::string message = text ? std::string(str_view(*text)) : std::string();
    clear_exception(ts);
    for (const std::string& s : {std::string("err"), name, name, std::string("builtins"), message,
                                 name + ": " + message}) {
        SharedValue item;
        item.kind = SharedValue::Kind::Str;
        item.text = s;
        reply.items.push_back(std::move(item));
    }
    reply.items.emplace_back();  // no pickled exception
    return reply;
}

}  // namespace

void SubInterpreter::worker_main() {
    std::unique_ptr<Interpreter> interp = std::make_unique<Interpreter>(std::move(m_config));
    ThreadState& ts = interp->main_thread();  // holds the new GIL from construction on
    auto link = std::make_shared<InterpreterLink>();
    link->group = m_group;
    link->id = m_id;
    interp->module_state["_interpreters"] = link;
    bool failed = Ref(main_module(ts)).get().is_null();
    clear_exception(ts);
    if (!failed) interp->gil.drop(ts.gil_thread);
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_state = failed ? State::Closed : State::Idle;
        m_start_failed = failed;
    }
    m_cond.notify_all();
    if (failed) return;  // the Interpreter is destroyed with its GIL held, as it expects
    serve(ts);
    interp->gil.take(ts.gil_thread);
    finalize(std::move(interp));
}

void SubInterpreter::serve(ThreadState& ts) {
    for (;;) {
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_cond.wait(lock,
                        [this] { return m_state == State::Running || m_state == State::Closing; });
            if (m_state == State::Closing) return;
        }
        ts.interp().gil.take(ts.gil_thread);
        run_request(ts);
        ts.interp().gil.drop(ts.gil_thread);
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_replied = true;
            m_state = State::Idle;
        }
        m_cond.notify_all();
    }
}

void SubInterpreter::run_request(ThreadState& ts) {
    Ref module(import_by_name(ts, kHelperModule));
    Ref fn(module ? obj_getattr_cstr(ts, *module, m_function.c_str()) : Value());
    Ref arg(fn ? from_shared(ts, m_arg) : Value());
    Ref result(arg ? call1(ts, *fn, *arg) : Value());
    SharedValue reply;
    if (!result || !to_shared(ts, *result, &reply)) reply = error_reply(ts);
    m_arg = SharedValue();
    m_reply = std::move(reply);
    // Output written here appears before what the caller prints next.
    flush_std_streams(ts);
    clear_exception(ts);
}

// CPython's Py_EndInterpreter order: wait for the interpreter's threads,
// run its atexit handlers, flush, destroy. Interpreters whose daemon threads
// still run Python code are left alive (as the host's own would be).
void SubInterpreter::finalize(std::unique_ptr<Interpreter> interp) {
    ThreadState& ts = interp->main_thread();
    call_if_loaded(ts, "threading", "_shutdown");
    call_if_loaded(ts, "atexit", "_run_exitfuncs");
    bool alone = wait_for_thread_exits(ts);
    flush_std_streams(ts);
    if (!alone) {
        interp->gil.drop(ts.gil_thread);
        static_cast<void>(interp.release());
        return;
    }
    interp.reset();
}

SubInterpreter::RunStatus SubInterpreter::run(ThreadState& caller, const std::string& function,
                                              SharedValue arg, SharedValue* reply) {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_state == State::Running) return RunStatus::Busy;
        if (m_state != State::Idle) return RunStatus::Closed;
        m_state = State::Running;
        m_function = function;
        m_arg = std::move(arg);
        m_replied = false;
    }
    m_cond.notify_all();
    GilRelease released(caller);
    std::unique_lock<std::mutex> lock(m_mutex);
    m_cond.wait(lock, [this] { return m_replied; });
    *reply = std::move(m_reply);
    m_replied = false;
    return RunStatus::Ok;
}

bool SubInterpreter::is_running() {
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_state == State::Running;
}

bool SubInterpreter::close(ThreadState* caller) {
    std::thread worker;  // taken out under the mutex: two closers join it once
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_state == State::Running) return false;
        if (m_state == State::Idle) m_state = State::Closing;
        worker = std::move(m_worker);
    }
    m_cond.notify_all();
    if (!worker.joinable()) return true;
    if (caller != nullptr) {
        GilRelease released(*caller);
        worker.join();
    } else {
        worker.join();
    }
    std::lock_guard<std::mutex> lock(m_mutex);
    m_state = State::Closed;
    return true;
}

// --- InterpreterGroup ----------------------------------------------------------------

std::int64_t InterpreterGroup::create(ThreadState& creator) {
    std::int64_t id;
    std::shared_ptr<InterpreterGroup> self = interpreter_link(creator).group;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        id = m_next_id++;
    }
    auto sub = std::make_shared<SubInterpreter>(id, self, config_like(creator));
    if (!sub->start(creator)) return -1;
    std::lock_guard<std::mutex> lock(m_mutex);
    m_interps.emplace(id, std::move(sub));
    return id;
}

std::shared_ptr<SubInterpreter> InterpreterGroup::find(std::int64_t id) {
    std::lock_guard<std::mutex> lock(m_mutex);
    auto it = m_interps.find(id);
    return it == m_interps.end() ? nullptr : it->second;
}

void InterpreterGroup::forget(std::int64_t id) {
    std::shared_ptr<SubInterpreter> gone;
    std::lock_guard<std::mutex> lock(m_mutex);
    auto it = m_interps.find(id);
    if (it == m_interps.end()) return;
    gone = std::move(it->second);
    m_interps.erase(it);
}

std::vector<std::int64_t> InterpreterGroup::ids() {
    std::lock_guard<std::mutex> lock(m_mutex);
    std::vector<std::int64_t> out;
    for (const auto& entry : m_interps) out.push_back(entry.first);
    return out;
}

void InterpreterGroup::close_all() {
    // Closing one may create or close others (its atexit handlers run), so
    // take them one at a time until none is left that can be closed.
    std::vector<std::int64_t> stuck;
    for (;;) {
        std::shared_ptr<SubInterpreter> next;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            for (const auto& [id, sub] : m_interps) {
                if (std::find(stuck.begin(), stuck.end(), id) == stuck.end()) {
                    next = sub;
                    break;
                }
            }
        }
        if (!next) return;
        if (next->close(nullptr)) {
            forget(next->id());
        } else {
            stuck.push_back(next->id());
        }
    }
}

std::int64_t InterpreterGroup::create_queue(std::int64_t maxsize) {
    std::lock_guard<std::mutex> lock(m_mutex);
    std::int64_t id = m_next_queue++;
    m_queues.emplace(id, std::make_shared<SharedQueue>(maxsize));
    return id;
}

std::shared_ptr<SharedQueue> InterpreterGroup::find_queue(std::int64_t id) {
    std::lock_guard<std::mutex> lock(m_mutex);
    auto it = m_queues.find(id);
    return it == m_queues.end() ? nullptr : it->second;
}

InterpreterLink::~InterpreterLink() {
    if (id == 0 && group) group->close_all();
}

InterpreterLink& interpreter_link(ThreadState& ts) {
    std::shared_ptr<void>& slot = ts.interp().module_state["_interpreters"];
    if (!slot) {
        auto link = std::make_shared<InterpreterLink>();
        link->group = std::make_shared<InterpreterGroup>();
        slot = link;
    }
    return *static_cast<InterpreterLink*>(slot.get());
}

}  // namespace gilt
