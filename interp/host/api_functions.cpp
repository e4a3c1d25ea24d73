// Host functions and modules: the native function behind every host
// function (the trampoline), Host::def and Host::def_module.
#include <memory>
#include <vector>

#include "interp/host/api_internal.hpp"
#include "runtime/dict.hpp"
#include "runtime/module.hpp"
#include "runtime/native_function.hpp"
#include "runtime/str.hpp"

namespace gilt {

using namespace api;

namespace {

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

}  // namespace

Value api::make_host_function(HostState& hs, std::string_view name, Function fn,
                              Value module_name) {
    ThreadState& ts = current_ts(hs);
    auto entry = std::make_unique<FunctionEntry>(FunctionEntry{std::string(name), std::move(fn)});
    int64_t index = static_cast<int64_t>(hs.functions.size());
    hs.functions.push_back(std::move(entry));
    Ref func(make_native_function(ts, hs.functions.back()->name.c_str(), host_function_trampoline,
                                  module_name));
    if (!func) return Value();
    return native_bind(ts, *func, Value::small_int(index));
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

}  // namespace gilt
