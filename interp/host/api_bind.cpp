// Typed host functions and host classes (gilt/bind.hpp, gilt/class.hpp):
// the library's half. The templates in the headers read a C++ signature and
// compile one converter per function; everything that touches the runtime
// lives here, out of line: the trampoline that parses a call's arguments
// (arg_parse, so the errors are CPython's), the per-type conversions, and
// the classes.
//
// A call of a typed function goes: the builtin function object, bound to
// the address of its TypedEntry (as a small int), calls typed_trampoline
// with (entry, args...). The trampoline lays the arguments out one per
// parameter (positional, keywords, defaults), then runs the converter
// inside catch_into_python, so any C++ exception, a conversion's
// ScriptError included, becomes the script's exception.
//
// Host classes. Every class derives from one native base per interpreter,
// `gilt.HostObject`, whose instance layout is a HostInstance: the object
// header, a std::shared_ptr<void> that owns (or shares) the C++ object, and
// the object's address. The class itself is a heap type made as a class
// statement would make it, with `__slots__ = ()`, so dunder methods set on
// it later fill its slots (operators) through the ordinary type_modified
// path, and scripts may subclass it. Methods are typed functions wrapped in
// a small descriptor, HostMethod, that binds them to the instance as
// Python functions bind (a builtin function does not bind).
#include <cxxabi.h>

#include <cstdlib>
#include <new>
#include <typeindex>

#include "interp/host/api_internal.hpp"
#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/descriptors.hpp"
#include "runtime/dict.hpp"
#include "runtime/float.hpp"
#include "runtime/heap.hpp"
#include "runtime/int.hpp"
#include "runtime/list.hpp"
#include "runtime/module.hpp"
#include "runtime/native_function.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "stdlib/native_type.hpp"

namespace gilt {

using namespace api;

namespace {

// --- argument errors ---------------------------------------------------------

// "area() argument 'w'", "area() argument 2", "... item 1", "... key".
std::string describe(const detail::Where& w) {
    using detail::Where;
    switch (w.kind) {
        case Where::kParam:
            if (w.param.empty()) return fmt::format("{}() argument {}", w.function, w.index + 1);
            return fmt::format("{}() argument '{}'", w.function, w.param);
        case Where::kSelf:
            return fmt::format("{}() receiver", w.function);
        case Where::kItem:
            return fmt::format("{} item {}", describe(*w.parent), w.index);
        case Where::kKey:
            return describe(*w.parent) + " key";
        case Where::kValue:
            return describe(*w.parent) + " value";
    }
    return "argument";
}

[[noreturn]] void throw_type_error(std::string message) {
    throw ScriptError("TypeError", std::move(message));
}

ThreadState& call_ts(HostState* hs) {
    return current_ts(*hs);
}

}  // namespace

namespace detail {

void throw_arg_type(HostState* hs, const Where& where, std::uint64_t bits,
                    std::string_view expected) {
    ThreadState& ts = call_ts(hs);
    Value v = Value::from_bits(bits);
    std::string_view actual = type_name(ts, v);
    if (where.kind == Where::kSelf) {
        throw_type_error(
            fmt::format("descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                        where.function, expected, actual));
    }
    throw_type_error(fmt::format("{} must be {}{}, not {}", describe(where), expected,
                                 where.or_none ? " or None" : "", actual));
}

void throw_arg_size(HostState*, const Where& where, std::size_t expected, std::size_t got) {
    throw_type_error(fmt::format("{} must be a tuple of {} item{}, not {}", describe(where),
                                 expected, expected == 1 ? "" : "s", got));
}

namespace {

[[noreturn]] void throw_overflow_text(std::string text) {
    throw ScriptError("OverflowError", std::move(text));
}

// An int, or an object with __index__ (CPython's integer converters take
// both); anything else is a TypeError naming the argument.
Value index_value(HostState* hs, Value v, const Where& where) {
    ThreadState& ts = call_ts(hs);
    if (is_int(v)) return new_ref(v);
    if (is_float(v) || !type_of(ts, v)->nb_index) throw_arg_type(hs, where, v.bits(), "int");
    Value r = obj_index_value(ts, v);
    if (r.is_null()) throw_pending(*hs);
    return r;
}

}  // namespace

std::int64_t arg_int(HostState* hs, std::uint64_t bits, const Where& where, std::int64_t lo,
                     std::int64_t hi, const char* ctype) {
    Value v = Value::from_bits(bits);
    std::int64_t out = 0;
    if (v.is_small_int()) {
        out = v.as_small_int();
    } else {
        Ref i(index_value(hs, v, where));
        if (!int_to_int64(*i, &out)) {
            throw_overflow_text(fmt::format("Python int too large to convert to C {}", ctype));
        }
    }
    if (out < lo || out > hi) {
        throw_overflow_text(fmt::format("Python int too large to convert to C {}", ctype));
    }
    return out;
}

std::uint64_t arg_uint(HostState* hs, std::uint64_t bits, const Where& where, std::uint64_t hi,
                       const char* ctype) {
    Value v = Value::from_bits(bits);
    Ref owned(v.is_small_int() ? Value() : index_value(hs, v, where));
    Value iv = v.is_small_int() ? v : *owned;
    if (int_sign(iv) < 0) throw_overflow_text("can't convert negative int to unsigned");
    std::uint64_t out = 0;
    if (!int_to_uint64(iv, &out) || out > hi) {
        throw_overflow_text(fmt::format("Python int too large to convert to C {}", ctype));
    }
    return out;
}

double arg_double(HostState* hs, std::uint64_t bits, const Where& where) {
    Value v = Value::from_bits(bits);
    if (is_float(v)) return float_value(v);
    if (v.is_small_int()) return static_cast<double>(v.as_small_int());
    ThreadState& ts = call_ts(hs);
    TypeObject* t = type_of(ts, v);
    if (!is_int(v) && !t->nb_float && !t->nb_index) throw_arg_type(hs, where, bits, "float");
    double out = 0;
    if (!obj_as_double(ts, v, &out)) throw_pending(*hs);
    return out;
}

bool arg_bool(HostState* hs, std::uint64_t bits, const Where&) {
    Value v = Value::from_bits(bits);
    if (v == Value::true_()) return true;
    if (v == Value::false_()) return false;
    int truth = obj_truthy(call_ts(hs), v);
    if (truth < 0) throw_pending(*hs);
    return truth == 1;
}

std::string_view arg_str(HostState* hs, std::uint64_t bits, const Where& where) {
    Value v = Value::from_bits(bits);
    if (!is_str(call_ts(hs), v)) throw_arg_type(hs, where, bits, "str");
    return str_view(v);
}

bool is_none_bits(std::uint64_t bits) noexcept {
    return Value::from_bits(bits).is_none();
}

std::vector<std::uint64_t> arg_items(HostState* hs, std::uint64_t bits, const Where& where,
                                     const char* expected) {
    ThreadState& ts = call_ts(hs);
    Value v = Value::from_bits(bits);
    std::vector<std::uint64_t> out;
    if (is_list(ts, v)) {
        out.reserve(list_size(v));
        for (std::uint64_t i = 0; i < list_size(v); ++i) out.push_back(list_item(v, i).bits());
    } else if (is_tuple(ts, v)) {
        out.reserve(tuple_size(v));
        for (std::uint64_t i = 0; i < tuple_size(v); ++i) out.push_back(tuple_item(v, i).bits());
    } else {
        throw_arg_type(hs, where, bits, expected);
    }
    return out;
}

std::vector<std::pair<std::uint64_t, std::uint64_t>> arg_dict(HostState* hs, std::uint64_t bits,
                                                              const Where& where) {
    Value v = Value::from_bits(bits);
    if (!is_dict(call_ts(hs), v)) throw_arg_type(hs, where, bits, "dict");
    std::vector<std::pair<std::uint64_t, std::uint64_t>> out;
    std::uint64_t pos = 0;
    Value key, value;
    while (dict_next(v, &pos, &key, &value)) out.emplace_back(key.bits(), value.bits());
    return out;
}

Handle arg_handle(HostState* hs, std::uint64_t bits) {
    return Access::borrow(hs, Value::from_bits(bits));
}

Handle make_dict_pairs(HostState* hs, std::span<const std::pair<Handle, Handle>> items) {
    Entry entry(*hs);
    ThreadState& ts = entry.ts;
    Ref dict(dict_new(ts));
    if (!dict) throw_pending(*hs);
    for (const auto& [k, v] : items)
        check_ok(*hs, dict_set(ts, *dict, value_in(*hs, k), value_in(*hs, v)));
    return Access::own(hs, dict.release());
}

HostState* state_of(Host& host) {
    return &Access::state(host);
}

}  // namespace detail

// --- typed functions: the trampoline ------------------------------------------

namespace {

using detail::TypedEntry;
using detail::TypedFunction;

// Fills `values` (one per parameter, self first for a method) from a call's
// arguments; false with TypeError pending when they do not fit.
bool lay_out_arguments(ThreadState& ts, const TypedEntry& e, Args args, Value* values) {
    const TypedFunction& fn = e.fn;
    std::string_view name = fn.error_name.empty() ? fn.name : fn.error_name;
    uint32_t count = static_cast<uint32_t>(fn.params.size());
    if (!e.named) {
        if (!check_nargs(ts, args, name, count, count)) return false;
        for (uint32_t i = 0; i < count; ++i) values[i] = args[i];
        return true;
    }
    Value* outs[32];
    for (uint32_t i = 0; i < count; ++i) {
        values[i] = Value();
        outs[i] = &values[i];
    }
    if (!parse_args_span(ts, args, name, e.spec, std::span<Value* const>(outs, count)))
        return false;
    for (uint32_t i = 0; i < count; ++i) {
        if (values[i].is_null()) values[i] = Access::value(fn.defaults[i]);
    }
    return true;
}

Value run_typed(HostState& hs, TypedEntry& e, Value self, Args args) {
    ThreadState& ts = current_ts(hs);
    const TypedFunction& fn = e.fn;
    std::size_t offset = fn.method ? 1 : 0;
    Value small[9];
    std::vector<Value> big;
    Value* values = small;
    if (fn.params.size() + offset > 9) {
        big.resize(fn.params.size() + offset);
        values = big.data();
    }
    if (fn.method) values[0] = self;
    if (args.kwnames == nullptr && args.n == fn.params.size()) {
        for (uint32_t i = 0; i < args.n; ++i) values[offset + i] = args[i];
    } else if (!lay_out_arguments(ts, e, args, values + offset)) {
        return Value();
    }
    static_assert(sizeof(Value) == sizeof(std::uint64_t));
    return catch_into_python(hs, [&]() -> Value {
        CallContext ctx = Access::context(hs.host, fn.name);
        Handle result = fn.invoke(ctx, fn, reinterpret_cast<const std::uint64_t*>(values));
        if (result.is_empty()) return Value::none();
        return new_ref(value_in(hs, result));
    });
}

// args[0]: the function's TypedEntry, its address as a small int (the
// bound self: entries never move and outlive the interpreter, and this
// spares a lookup of the Host per call); for a method, args[1] is self.
Value typed_trampoline(ThreadState& ts, Args args) {
    CurrentThread current(ts);
    if (args.n == 0 || !args[0].is_small_int()) {
        return raise(ts, ts.exc_types().SystemError, "host function called without its host");
    }
    TypedEntry& e = *reinterpret_cast<TypedEntry*>(args[0].as_small_int());
    HostState* hs = e.hs;
    Args rest = args.drop_first();
    if (!e.fn.method) return run_typed(*hs, e, Value(), rest);
    if (rest.n == 0) {
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "{}() missing 1 required positional argument: 'self'", e.fn.name);
    }
    Value self = rest[0];
    return run_typed(*hs, e, self, rest.drop_first());
}

}  // namespace

namespace detail {

Handle make_typed_function(HostState* hs, TypedFunction fn, std::string_view module_name) {
    Entry entry(*hs);
    ThreadState& ts = entry.ts;
    auto e = std::make_unique<TypedEntry>();
    e->hs = hs;
    e->fn = std::move(fn);
    e->named = !e->fn.params.empty() && !e->fn.params.front().empty();
    for (std::size_t i = 0; i < e->fn.params.size(); ++i) {
        bool required = e->fn.defaults[i].is_empty();
        if (!required && e->spec.size() == i) e->spec.push_back("|");
        e->spec.push_back(e->fn.params[i]);
        if (required) ++e->required;
    }
    auto address = reinterpret_cast<std::intptr_t>(e.get());
    if (!Value::fits_small(address)) throw std::bad_alloc();  // never on 48-bit address spaces
    hs->typed.push_back(std::move(e));
    Ref name_str(make_str_checked(*hs, module_name));
    if (!name_str) throw_pending(*hs);
    Ref func(
        make_native_function(ts, hs->typed.back()->fn.name.c_str(), typed_trampoline, *name_str));
    if (!func) throw_pending(*hs);
    return own_or_throw(*hs, native_bind(ts, *func, Value::small_int(address)));
}

void def_typed(HostState* hs, const Handle* target, TypedFunction fn) {
    std::string name = fn.name;
    if (target == nullptr) {
        Handle func = make_typed_function(hs, std::move(fn), "__main__");
        hs->host->set_global(name, func);
        return;
    }
    std::string module = target->attr("__name__").as_string();
    target->set_attr(name, make_typed_function(hs, std::move(fn), module));
}

}  // namespace detail

void api::release_bindings(HostState& hs) {
    Entry entry(hs);
    for (auto& e : hs.typed) e->fn.defaults.clear();
}

// --- Module -------------------------------------------------------------------

Module::Module(Host& host, std::string_view name) : Handle(host.def_module(name, {})) {}

// --- host classes ---------------------------------------------------------------

namespace {

struct HostInstance {
    Object hdr;
    std::shared_ptr<void> holder;  // owns or shares the C++ object
    void* object;                  // the T inside, null until __init__ ran
};

HostInstance* instance_of(Value v) {
    return reinterpret_cast<HostInstance*>(v.as_object());
}

Value alloc_instance(ThreadState& ts, TypeObject* type) {
    Object* o = (type->flags & kTypeHasGc) ? alloc_gc_object(type, type->basicsize)
                                           : alloc_object(type, type->basicsize);
    if (!o) return raise_memory_error(ts);
    auto* self = reinterpret_cast<HostInstance*>(o);
    new (&self->holder) std::shared_ptr<void>();
    self->object = nullptr;
    return Value::object(o);
}

// Scripts create instances of classes with a constructor: a host one
// (HostMethod) or a script subclass's own __init__.
Value host_object_new(ThreadState& ts, TypeObject* type, Args) {
    Value init = type_lookup(type, ts.names().__init__);
    if (init.is_null() || init.as_object()->kind == ObjKind::NativeFunction) {
        return raise_fmt(ts, ts.exc_types().TypeError, "cannot create '{}' instances",
                         type->name_cstr);
    }
    return alloc_instance(ts, type);
}

void host_object_dealloc(Object* o) {
    auto* self = reinterpret_cast<HostInstance*>(o);
    std::shared_ptr<void> holder = std::move(self->holder);
    self->holder.~shared_ptr();
    self->object = nullptr;
    holder.reset();  // T's destructor, when this instance owned the last share
    free_object(o);
}

void fill_host_object(Interpreter&, TypeObject* t) {
    t->new_ = host_object_new;
    t->dealloc = host_object_dealloc;
}

TypeObject* host_object_type(Interpreter& interp) {
    static constexpr NativeTypeSpec kSpec{
        .key = "gilt.HostObject",
        .module = "gilt",
        .name = "HostObject",
        .basicsize = sizeof(HostInstance),
        .flags = kTypeBaseType,
        .fill = fill_host_object,
    };
    return native_type_once(interp, kSpec);
}

// HostMethod: binds a typed function (a builtin function, which would not
// bind by itself) to the instance it is read from, as Python functions do.
struct HostMethodObject {
    Object hdr;
    Value func;  // owned: the typed function, bound to its index
};

Value host_method_get(ThreadState& ts, Value descr, Value obj, Value) {
    if (obj.is_null()) return new_ref(descr);
    return make_bound_method(ts, reinterpret_cast<HostMethodObject*>(descr.as_object())->func, obj);
}

Value host_method_call(ThreadState& ts, Value descr, Args args) {
    return obj_call(ts, reinterpret_cast<HostMethodObject*>(descr.as_object())->func, args);
}

void host_method_dealloc(Object* o) {
    clear_ref(reinterpret_cast<HostMethodObject*>(o)->func);
    free_object(o);
}

Value host_method_repr(ThreadState& ts, Value self) {
    Value func = reinterpret_cast<HostMethodObject*>(self.as_object())->func;
    auto* f = reinterpret_cast<NativeFunctionObject*>(func.as_object());
    return make_str(ts, fmt::format("<host method '{}'>", f->name));
}

void fill_host_method(Interpreter&, TypeObject* t) {
    t->descr_get = host_method_get;
    t->call = host_method_call;
    t->dealloc = host_method_dealloc;
    t->repr = host_method_repr;
}

TypeObject* host_method_type(Interpreter& interp) {
    static constexpr NativeTypeSpec kSpec{
        .key = "gilt.HostMethod",
        .module = "gilt",
        .name = "HostMethod",
        .basicsize = sizeof(HostMethodObject),
        .flags = 0,
        .fill = fill_host_method,
    };
    return native_type_once(interp, kSpec);
}

// The class bound for `t`, or TypeError.
TypeObject* class_for(HostState* hs, const std::type_info& t) {
    auto it = hs->classes.find(std::type_index(t));
    if (it == hs->classes.end()) {
        int status = 0;
        char* name = abi::__cxa_demangle(t.name(), nullptr, nullptr, &status);
        std::string text = status == 0 && name ? name : t.name();
        std::free(name);
        throw_type_error(
            fmt::format("C++ type '{}' is not bound to a Python class (gilt::class_)", text));
    }
    return reinterpret_cast<TypeObject*>(it->second.as_object());
}

Value type_value(HostState& hs, const Handle& type) {
    return value_in(hs, type);
}

}  // namespace

namespace detail {

void* arg_instance(HostState* hs, std::uint64_t bits, const Where& where, const std::type_info& t,
                   std::shared_ptr<void>* holder) {
    ThreadState& ts = call_ts(hs);
    TypeObject* cls = class_for(hs, t);
    Value v = Value::from_bits(bits);
    if (!is_instance_of(ts, v, cls)) throw_arg_type(hs, where, bits, cls->name_cstr);
    HostInstance* self = instance_of(v);
    if (self->object == nullptr) {
        throw_type_error(
            fmt::format("{} object is not initialized; did its __init__ call super().__init__()?",
                        type_name(ts, v)));
    }
    if (holder != nullptr) *holder = self->holder;
    return self->object;
}

Handle make_instance(HostState* hs, const std::type_info& t, std::shared_ptr<void> holder,
                     void* object) {
    Entry entry(*hs);
    TypeObject* cls = class_for(hs, t);
    Ref v(alloc_instance(entry.ts, cls));
    if (!v) throw_pending(*hs);
    instance_of(*v)->holder = std::move(holder);
    instance_of(*v)->object = object;
    return Access::own(hs, v.release());
}

void init_instance(HostState* hs, std::uint64_t self_bits, std::shared_ptr<void> holder,
                   void* object) {
    HostInstance* self = instance_of(Value::from_bits(self_bits));
    std::shared_ptr<void> old = std::exchange(self->holder, std::move(holder));
    self->object = object;
    static_cast<void>(hs);
}

Handle define_class(HostState* hs, const Handle* module, std::string_view name,
                    const std::type_info& t) {
    Entry entry(*hs);
    ThreadState& ts = entry.ts;
    if (hs->classes.count(std::type_index(t)) != 0)
        throw std::logic_error("gilt: class_<T>: this C++ type is already bound in this Host");
    std::string module_name = module ? module->attr("__name__").as_string() : "__main__";
    TypeObject* base = host_object_type(*hs->interp);
    Ref cls_name(make_str_checked(*hs, name));
    Ref mod_str(make_str_checked(*hs, module_name));
    Ref bases(tuple_pack(ts, {val(base)}));
    Ref ns(dict_new(ts));
    Ref no_slots(tuple_pack(ts, {}));
    if (!cls_name || !mod_str || !bases || !ns || !no_slots) throw_pending(*hs);
    check_ok(*hs, dict_set(ts, *ns, ts.names().__module__, *mod_str) &&
                      dict_set(ts, *ns, ts.names().__qualname__, *cls_name));
    Ref slots_key(hs->interp->intern("__slots__"));
    check_ok(*hs, slots_key && dict_set(ts, *ns, *slots_key, *no_slots));
    Handle cls = own_or_throw(*hs, type_new_class(ts, ts.types().type, *cls_name, *bases, *ns));
    hs->classes.emplace(std::type_index(t), new_ref(Access::value(cls)));
    if (module)
        module->set_attr(name, cls);
    else
        hs->host->set_global(name, cls);
    return cls;
}

void class_add_function(HostState* hs, const Handle& type, std::string_view attr, TypedFunction fn,
                        MemberKind kind) {
    std::string module = type.attr("__module__").as_string();
    Handle func = make_typed_function(hs, std::move(fn), module);
    Entry entry(*hs);
    ThreadState& ts = entry.ts;
    Value member;
    if (kind == MemberKind::Static) {
        member = make_staticmethod(ts, value_in(*hs, func));
    } else {
        auto* m = reinterpret_cast<HostMethodObject*>(
            alloc_object(host_method_type(*hs->interp), sizeof(HostMethodObject)));
        if (m) m->func = new_ref(value_in(*hs, func));
        member = m ? Value::object(&m->hdr) : raise_memory_error(ts);
    }
    Ref owned(member);
    Ref key(owned ? name_value(*hs, attr) : Value());
    check_ok(*hs, key && obj_setattr(ts, type_value(*hs, type), *key, *owned) >= 0);
}

void class_add_property(HostState* hs, const Handle& type, std::string_view attr,
                        TypedFunction getter, TypedFunction setter) {
    std::string module = type.attr("__module__").as_string();
    Handle get = make_typed_function(hs, std::move(getter), module);
    Handle set =
        setter.invoke ? make_typed_function(hs, std::move(setter), module) : hs->host->none();
    Entry entry(*hs);
    ThreadState& ts = entry.ts;
    Value property = dict_get_cstr(ts, hs->interp->builtins, "property");
    if (!property) throw_pending(*hs);
    Value argv[2] = {value_in(*hs, get), value_in(*hs, set)};
    Ref made(obj_call(ts, property, Args{argv, 2, nullptr}));
    Ref key(made ? name_value(*hs, attr) : Value());
    check_ok(*hs, key && obj_setattr(ts, type_value(*hs, type), *key, *made) >= 0);
    // As a class statement would: the property learns its name (for
    // "property 'x' of 'Point' object has no setter").
    Ref named(call_method(ts, *made, ts.names().__set_name__, {type_value(*hs, type), *key}));
    check_ok(*hs, !named.is_null());
}

}  // namespace detail

}  // namespace gilt
