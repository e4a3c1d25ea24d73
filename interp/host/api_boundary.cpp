// The boundary of the embedding API: ScriptError, turning exceptions into
// ScriptErrors and back, and the GIL guards hosts use (ReleaseGil,
// HoldGil). The conventions are told at the top of api_internal.hpp.
#include <new>

#include "interp/host/api_internal.hpp"
#include "interp/host/repl.hpp"
#include "runtime/abstract.hpp"
#include "runtime/dict.hpp"
#include "runtime/gil.hpp"
#include "runtime/str.hpp"

namespace gilt {

using namespace api;

// --- ScriptError -------------------------------------------------------------------

namespace {

std::string what_text(const std::string& type, const std::string& message,
                      const std::string& traceback) {
    if (!traceback.empty()) return traceback;
    return message.empty() ? type : type + ": " + message;
}

}  // namespace

ScriptError::ScriptError(std::string type_name, std::string message)
    : ScriptError(std::move(type_name), std::move(message), {}, std::nullopt, nullptr, 0, {}) {}

ScriptError::ScriptError(std::string type_name, std::string message, std::string traceback,
                         std::optional<int> exit_code, const void* origin, std::uint64_t serial,
                         std::shared_ptr<const void> alive)
    : std::runtime_error(what_text(type_name, message, traceback)),
      m_type_name(std::move(type_name)),
      m_message(std::move(message)),
      m_traceback(std::move(traceback)),
      m_exit_code(exit_code),
      m_origin(origin),
      m_serial(serial),
      m_alive(std::move(alive)) {}

// --- the boundary ------------------------------------------------------------------

namespace api {

thread_local ThreadState* t_current = nullptr;

std::string type_name_of(ThreadState& ts, Value v) {
    return std::string(type_name(ts, v));
}

[[noreturn]] void throw_pending(HostState& hs) {
    ThreadState& ts = current_ts(hs);
    Ref exc(fetch_exception(ts));
    if (!exc) throw ScriptError("SystemError", "error return without exception set");
    std::string type = type_name_of(ts, *exc);
    Ref text;
    {
        HeapReserve reserve(ts.interp().heap_meter);  // a MemoryError at the cap still reads
        text = Ref(obj_str(ts, *exc));
    }
    clear_exception(ts);
    std::string message = text ? std::string(str_view(*text)) : "<exception str() failed>";
    std::string traceback = format_exception(ts, *exc);
    std::optional<int> code;
    if (is_instance_of(ts, *exc, ts.exc_types().SystemExit)) code = system_exit_status(ts, *exc);
    set_ref(hs.last_error, exc.release());
    ++hs.last_error_serial;
    auto alive = std::make_shared<int>(0);
    hs.last_error_alive = alive;
    throw Access::error(std::move(type), std::move(message), std::move(traceback), code, &hs,
                        hs.last_error_serial, std::move(alive));
}

Handle own_or_throw(HostState& hs, Value v) {
    if (v.is_null()) throw_pending(hs);
    return Access::own(&hs, v);
}

void check_ok(HostState& hs, bool ok) {
    if (!ok) throw_pending(hs);
}

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

}  // namespace api

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

}  // namespace gilt
