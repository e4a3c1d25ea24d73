// The sandbox and interrupt members of gilt::Host (gilt.hpp; the mechanisms
// are runtime/sandbox.hpp, runtime/heap_meter.hpp, runtime/interrupts.hpp).
//
// These functions use only the public API (HoldGil for the GIL) and the
// runtime, so they need nothing of api.cpp's internals.
#include <gilt/gilt.hpp>

#include "interp/host/host_sandbox.hpp"
#include "runtime/errors.hpp"
#include "runtime/exception.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/interrupts.hpp"
#include "runtime/sandbox.hpp"

namespace gilt {

bool install_sandbox(ThreadState& ts, const SandboxOptions& options) {
    SandboxConfig config;
    config.budget = options.budget;
    config.refill = options.on_budget_spent;
    config.time_limit = options.time_limit;
    config.allowed_modules = options.allowed_modules;
    config.allow_threads = options.allow_threads;
    return sandbox_install(ts, std::move(config));
}

namespace {

Interpreter& interp_of(const Host& host) {
    return const_cast<Host&>(host).interpreter();
}

// The thread state of the calling thread, which holds the GIL (HoldGil).
ThreadState& holding_thread(Interpreter& interp) {
    ThreadState* ts = ThreadState::current(interp);
    return ts != nullptr ? *ts : interp.main_thread();
}

// The exception class a Handle names, checked; throws ScriptError
// (TypeError) otherwise. The caller holds the GIL.
Value exception_class(Host& host, const Handle& type, const char* what) {
    if (type.is_empty() || &type.host() != &host)
        throw std::logic_error("gilt: Handle belongs to another Host");
    ThreadState& ts = holding_thread(host.interpreter());
    Value v = Value::from_bits(type.raw_value());
    if (!is_exception_type(ts, v)) {
        throw ScriptError("TypeError", std::string(what) + " must be an exception class, not " +
                                           type.type_name());
    }
    return v;
}

}  // namespace

bool Host::sandboxed() const noexcept {
    return interp_of(*this).sandbox != nullptr;
}

void Host::add_budget(std::int64_t checks) noexcept {
    if (Sandbox* sb = interp_of(*this).sandbox.get()) sb->add_budget(checks);
}

std::int64_t Host::budget_left() const noexcept {
    Sandbox* sb = interp_of(*this).sandbox.get();
    return sb != nullptr ? sb->budget_left() : -1;
}

void Host::set_budget_exception(const Handle& exception_type) {
    HoldGil gil(*this);
    ThreadState& ts = holding_thread(interpreter());
    Value type = exception_type.is_empty()
                     ? Value()
                     : exception_class(*this, exception_type, "budget exception");
    sandbox_set_budget_error(ts, type);
}

std::size_t Host::memory_used() const noexcept {
    auto used = interp_of(*this).heap_meter.used.load(std::memory_order_relaxed);
    return used > 0 ? static_cast<std::size_t>(used) : 0;
}

std::size_t Host::memory_peak() const noexcept {
    auto peak = interp_of(*this).heap_meter.peak.load(std::memory_order_relaxed);
    return peak > 0 ? static_cast<std::size_t>(peak) : 0;
}

void Host::interrupt() noexcept {
    request_host_interrupt(interpreter(), 0);
}

void Host::interrupt(const Handle& exception_type) {
    Value type;
    {
        HoldGil gil(*this);
        type = exception_class(*this, exception_type, "interrupt exception");
        keep_interrupt_type(holding_thread(interpreter()), type);
    }
    request_host_interrupt(interpreter(), type.bits());
}

}  // namespace gilt
