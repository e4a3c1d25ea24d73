// Handle: references to Python values held by the host, the object
// protocol on them, and the conversions between C++ and Python values.
#include <utility>

#include "interp/host/api_internal.hpp"
#include "runtime/abstract.hpp"
#include "runtime/dict.hpp"
#include "runtime/float.hpp"
#include "runtime/int.hpp"
#include "runtime/list.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"

namespace gilt {

using namespace api;

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

}  // namespace gilt
