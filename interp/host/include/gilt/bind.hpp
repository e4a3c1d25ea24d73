// bind.hpp: typed host functions, included by gilt.hpp.
//
//     host.def("area", [](double w, double h) { return w * h; });
//     host.def("scaled", [](double x, double scale) { return x * scale; },
//              gilt::arg("x"), gilt::arg("scale") = 2.0);
//     gilt::Module geo(host, "geometry");            // `import geometry`
//     geo.def("norm", [](std::vector<double> v) { ... });
//
// The C++ signature is read at compile time; each call checks the number of
// arguments and converts each one, raising TypeError in the script with
// CPython's wording for builtins when it does not fit, then converts the
// result back. Nothing to write by hand beyond the names of keyword
// parameters.
//
// Parameters and results
// ----------------------
// | C++                                  | Python argument accepted   | result      |
// | ------------------------------------ | -------------------------- | ----------- |
// | bool                                 | any object (its truth)     | bool        |
// | every integer type (char is one)     | int, or an object with     | int         |
// |                                      | __index__; OverflowError   |             |
// |                                      | outside the type's range   |             |
// | enums                                | as their underlying int    | int         |
// | float, double                        | float, int, __float__      | float       |
// | std::string, std::string_view        | str (UTF-8; a string_view  | str         |
// |                                      | is valid during the call)  |             |
// | std::optional<T>                     | None, or what T accepts    | T or None   |
// | std::vector<T>                       | list or tuple of T         | list        |
// | std::map / unordered_map<K, V>       | dict                       | dict        |
// | std::pair, std::tuple                | tuple or list of that size | tuple       |
// | gilt::Handle                         | anything (a new reference) | the value   |
// | a class bound with gilt::class_<T>   | its instances (T, T&,      | a new       |
// |                                      | const T&, T*,              | instance    |
// |                                      | std::shared_ptr<T>)        | (see below) |
// | void (result)                        |                            | None        |
//
// A `gilt::CallContext&` first parameter is not a Python argument: it gives
// the Host and the function's name, and lets the body release the GIL
// (ReleaseGil). A type that has no conversion stops the compilation with a
// static_assert naming it ("gilt: no conversion ...").
//
// Argument errors, as CPython's builtins word them:
//   area() takes exactly 2 positional arguments (1 given)   (named parameters)
//   area expected 2 arguments, got 1                        (unnamed ones)
//   area() missing required argument 'h' (pos 2)
//   'depth' is an invalid keyword argument for area()
//   area() argument 'w' must be float, not str               (unnamed: argument 1)
//   area() argument 'xs' item 2 must be int, not str         (inside containers)
//   Python int too large to convert to C int                 (OverflowError)
//
// Keyword arguments and defaults
// ------------------------------
// Without names, parameters are positional-only. Naming them (one
// gilt::arg per parameter, CallContext& not counted) lets scripts pass them
// by keyword; `gilt::arg("scale") = 1.0` gives a default, converted to a
// Python value once, when the function is defined. Parameters with defaults
// come last, as in Python (std::logic_error otherwise).
//
// Ownership and errors are as for Function (gilt.hpp): C++ exceptions become
// Python exceptions; a result is converted before the call returns, so
// returning a reference or a string_view to a temporary is the host's bug.
#pragma once

#include <gilt/gilt.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <typeinfo>
#include <unordered_map>
#include <utility>
#include <vector>

namespace gilt {

// A named parameter of a typed host function; `= value` gives a default.
class arg {
public:
    explicit arg(const char* name) : m_name(name) {}
    template <class T>
    struct WithDefault;
    template <class T>
    WithDefault<std::decay_t<T>> operator=(T&& value) const {
        return {m_name, std::forward<T>(value)};
    }
    const char* name() const noexcept { return m_name; }

private:
    const char* m_name;
};

template <class T>
struct arg::WithDefault {
    const char* name;
    T value;
};

namespace detail {

// Where a value being converted sits, for error messages; built on the
// stack as conversion descends into containers, formatted only on error.
struct Where {
    enum Kind : std::uint8_t { kParam, kSelf, kItem, kKey, kValue };
    Kind kind = kParam;
    bool or_none = false;           // inside std::optional: "int or None"
    const Where* parent = nullptr;  // Item, Key, Value
    std::string_view function;      // Param, Self
    std::string_view param;         // Param: its name, "" when unnamed
    std::size_t index = 0;          // Param: 0-based position; Item: index
};

// The library's half of argument conversion (api_bind.cpp). `bits` are a
// borrowed Python value of the running call; each throws ScriptError
// (TypeError, OverflowError) worded as the header above shows.
[[noreturn]] void throw_arg_type(HostState* hs, const Where& where, std::uint64_t bits,
                                 std::string_view expected);
// "... must be a tuple of 2 items, not 3".
[[noreturn]] void throw_arg_size(HostState* hs, const Where& where, std::size_t expected,
                                 std::size_t got);
std::int64_t arg_int(HostState* hs, std::uint64_t bits, const Where& where, std::int64_t lo,
                     std::int64_t hi, const char* ctype);
std::uint64_t arg_uint(HostState* hs, std::uint64_t bits, const Where& where, std::uint64_t hi,
                       const char* ctype);
double arg_double(HostState* hs, std::uint64_t bits, const Where& where);
bool arg_bool(HostState* hs, std::uint64_t bits, const Where& where);
std::string_view arg_str(HostState* hs, std::uint64_t bits, const Where& where);
bool is_none_bits(std::uint64_t bits) noexcept;
// The items of a list or tuple (borrowed); TypeError naming `expected`
// for anything else.
std::vector<std::uint64_t> arg_items(HostState* hs, std::uint64_t bits, const Where& where,
                                     const char* expected);
// The (key, value) pairs of a dict (borrowed).
std::vector<std::pair<std::uint64_t, std::uint64_t>> arg_dict(HostState* hs, std::uint64_t bits,
                                                              const Where& where);
Handle arg_handle(HostState* hs, std::uint64_t bits);
// A dict from converted pairs (keys of any hashable kind).
Handle make_dict_pairs(HostState* hs, std::span<const std::pair<Handle, Handle>> items);

// Host classes (class.hpp): the instance's C++ object, checked to be a T
// (or a subclass instance) that is initialised; the holder it lives in.
void* arg_instance(HostState* hs, std::uint64_t bits, const Where& where, const std::type_info& t,
                   std::shared_ptr<void>* holder);
// A new instance of the class bound for `t`, holding `holder`.
Handle make_instance(HostState* hs, const std::type_info& t, std::shared_ptr<void> holder,
                     void* object);
// Stores a constructed object in `self` (a running __init__'s receiver).
void init_instance(HostState* hs, std::uint64_t self_bits, std::shared_ptr<void> holder,
                   void* object);

// A typed function as the library keeps it: its Python-visible shape and
// the compiled converter that calls the C++ callable.
struct TypedFunction {
    std::string name;
    // The name errors give, when not `name` (a constructor: the class).
    std::string error_name;
    // One per Python parameter; "" means positional-only and unnamed.
    std::vector<std::string> params;
    // Per parameter: its default, or an empty Handle when required.
    std::vector<Handle> defaults;
    // The first value is the receiver of a method (self), checked by the
    // converter rather than counted among params.
    bool method = false;
    // Called with every value in place (self first for a method) and this
    // very shape (for error messages); returns the result (empty: None).
    std::function<Handle(CallContext& ctx, const TypedFunction& shape, const std::uint64_t* values)>
        invoke;
};

// The function object for `fn` (a builtin function whose __module__ is
// `module_name`).
Handle make_typed_function(HostState* hs, TypedFunction fn, std::string_view module_name);
// Binds it as `name` in __main__ (target empty) or in the module `target`.
void def_typed(HostState* hs, const Handle* target, TypedFunction fn);

// --- compile-time conversion: Caster<T>::from / to ---

template <class T>
struct IsPair : std::false_type {};
template <class A, class B>
struct IsPair<std::pair<A, B>> : std::true_type {};
template <class T>
struct IsTuple : std::false_type {};
template <class... A>
struct IsTuple<std::tuple<A...>> : std::true_type {};
template <class T>
struct IsAnyMap : std::false_type {};
template <class K, class V, class C, class A>
struct IsAnyMap<std::map<K, V, C, A>> : std::true_type {};
template <class K, class V, class H, class E, class A>
struct IsAnyMap<std::unordered_map<K, V, H, E, A>> : std::true_type {};
template <class T>
struct IsSharedPtr : std::false_type {};
template <class T>
struct IsSharedPtr<std::shared_ptr<T>> : std::true_type {};

template <class T>
struct IsStdTemplate : std::false_type {};
template <template <class...> class Tmpl, class... A>
struct IsStdTemplate<Tmpl<A...>> : std::true_type {};

// A type that gilt::class_<T> may bind: a class that is none of the
// standard types converted by value. Which ones are bound is known at run
// time only (a T never bound raises TypeError when converted).
template <class T>
inline constexpr bool kHostClass =
    std::is_class_v<T> && !std::is_same_v<T, std::string> && !std::is_same_v<T, std::string_view> &&
    !std::is_same_v<T, Handle> && !IsStdTemplate<T>::value;

template <class T, class>
struct Caster {
    static_assert(kAlwaysFalse<T>,
                  "gilt: no conversion between this C++ type and Python. Parameters and results "
                  "may be bool, integers, enums, floating types, std::string(_view), "
                  "std::optional, std::vector, std::map/unordered_map, std::pair/tuple, "
                  "gilt::Handle or a class bound with gilt::class_ (T, T&, const T&, T*, "
                  "std::shared_ptr<T>); see gilt/bind.hpp");
};

template <>
struct Caster<bool> {
    static bool from(HostState* hs, std::uint64_t bits, const Where& w) {
        return arg_bool(hs, bits, w);
    }
    static Handle to(HostState* hs, bool v) { return make_bool(hs, v); }
};

template <class T>
constexpr const char* c_int_name() {
    constexpr std::size_t n = sizeof(T);
    if constexpr (std::is_signed_v<T>) {
        return n == 1 ? "signed char" : n == 2 ? "short" : n == 4 ? "int" : "long";
    } else {
        return n == 1   ? "unsigned char"
               : n == 2 ? "unsigned short"
               : n == 4 ? "unsigned int"
                        : "unsigned long";
    }
}

template <class T>
struct Caster<T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>>> {
    static T from(HostState* hs, std::uint64_t bits, const Where& w) {
        if constexpr (std::is_signed_v<T>) {
            return static_cast<T>(arg_int(hs, bits, w, std::numeric_limits<T>::min(),
                                          std::numeric_limits<T>::max(), c_int_name<T>()));
        } else {
            return static_cast<T>(
                arg_uint(hs, bits, w, std::numeric_limits<T>::max(), c_int_name<T>()));
        }
    }
    static Handle to(HostState* hs, T v) {
        if constexpr (std::is_signed_v<T>) return make_int(hs, v);
        return make_uint(hs, v);
    }
};

template <class T>
struct Caster<T, std::enable_if_t<std::is_enum_v<T>>> {
    using U = std::underlying_type_t<T>;
    static T from(HostState* hs, std::uint64_t bits, const Where& w) {
        return static_cast<T>(Caster<U>::from(hs, bits, w));
    }
    static Handle to(HostState* hs, T v) { return Caster<U>::to(hs, static_cast<U>(v)); }
};

template <class T>
struct Caster<T, std::enable_if_t<std::is_floating_point_v<T>>> {
    static T from(HostState* hs, std::uint64_t bits, const Where& w) {
        return static_cast<T>(arg_double(hs, bits, w));
    }
    static Handle to(HostState* hs, T v) { return make_float(hs, static_cast<double>(v)); }
};

template <>
struct Caster<std::string> {
    static std::string from(HostState* hs, std::uint64_t bits, const Where& w) {
        return std::string(arg_str(hs, bits, w));
    }
    static Handle to(HostState* hs, const std::string& v) { return make_str(hs, v); }
};

template <>
struct Caster<std::string_view> {
    static std::string_view from(HostState* hs, std::uint64_t bits, const Where& w) {
        return arg_str(hs, bits, w);
    }
    static Handle to(HostState* hs, std::string_view v) { return make_str(hs, v); }
};

// Results only: C strings.
template <>
struct Caster<const char*> {
    static Handle to(HostState* hs, const char* v) {
        return v == nullptr ? make_none(hs) : make_str(hs, v);
    }
};
template <>
struct Caster<char*> : Caster<const char*> {};

template <>
struct Caster<Handle> {
    static Handle from(HostState* hs, std::uint64_t bits, const Where&) {
        return arg_handle(hs, bits);
    }
    static Handle to(HostState*, const Handle& v) { return v; }
};

template <>
struct Caster<std::nullptr_t> {
    static Handle to(HostState* hs, std::nullptr_t) { return make_none(hs); }
};

template <class T>
struct Caster<std::optional<T>> {
    static std::optional<T> from(HostState* hs, std::uint64_t bits, const Where& w) {
        if (is_none_bits(bits)) return std::nullopt;
        Where inner = w;
        inner.or_none = true;
        return Caster<T>::from(hs, bits, inner);
    }
    static Handle to(HostState* hs, const std::optional<T>& v) {
        return v ? Caster<T>::to(hs, *v) : make_none(hs);
    }
};

template <class T, class A>
struct Caster<std::vector<T, A>> {
    static std::vector<T, A> from(HostState* hs, std::uint64_t bits, const Where& w) {
        std::vector<std::uint64_t> items = arg_items(hs, bits, w, "list");
        std::vector<T, A> out;
        out.reserve(items.size());
        for (std::size_t i = 0; i < items.size(); ++i) {
            Where item{.kind = Where::kItem, .parent = &w, .index = i};
            out.push_back(Caster<T>::from(hs, items[i], item));
        }
        return out;
    }
    static Handle to(HostState* hs, const std::vector<T, A>& v) {
        std::vector<Handle> items;
        items.reserve(v.size());
        for (const auto& x : v) items.push_back(Caster<T>::to(hs, x));
        return make_list(hs, items);
    }
};

template <class M>
struct Caster<M, std::enable_if_t<IsAnyMap<M>::value>> {
    using K = typename M::key_type;
    using V = typename M::mapped_type;
    static M from(HostState* hs, std::uint64_t bits, const Where& w) {
        M out;
        for (const auto& [k, v] : arg_dict(hs, bits, w)) {
            Where key{.kind = Where::kKey, .parent = &w};
            Where value{.kind = Where::kValue, .parent = &w};
            K ck = Caster<K>::from(hs, k, key);
            out.insert_or_assign(std::move(ck), Caster<V>::from(hs, v, value));
        }
        return out;
    }
    static Handle to(HostState* hs, const M& m) {
        std::vector<std::pair<Handle, Handle>> items;
        items.reserve(m.size());
        for (const auto& [k, v] : m) items.emplace_back(Caster<K>::to(hs, k), Caster<V>::to(hs, v));
        return make_dict_pairs(hs, items);
    }
};

// std::pair and std::tuple: a tuple (or list) of exactly that many items.
template <class T>
struct Caster<T, std::enable_if_t<IsPair<T>::value || IsTuple<T>::value>> {
    static constexpr std::size_t kSize = std::tuple_size_v<T>;
    static T from(HostState* hs, std::uint64_t bits, const Where& w) {
        std::vector<std::uint64_t> items = arg_items(hs, bits, w, "tuple");
        if (items.size() != kSize) {
            throw_arg_size(hs, w, kSize, items.size());
        }
        return convert(hs, items, w, std::make_index_sequence<kSize>{});
    }
    template <std::size_t... I>
    static T convert(HostState* hs, const std::vector<std::uint64_t>& items, const Where& w,
                     std::index_sequence<I...>) {
        Where where[kSize > 0 ? kSize : 1];
        for (std::size_t i = 0; i < kSize; ++i)
            where[i] = Where{.kind = Where::kItem, .parent = &w, .index = i};
        return T{Caster<std::tuple_element_t<I, T>>::from(hs, items[I], where[I])...};
    }
    static Handle to(HostState* hs, const T& v) {
        return std::apply(
            [hs](const auto&... x) {
                std::vector<Handle> items{Caster<std::decay_t<decltype(x)>>::to(hs, x)...};
                return detail::make_tuple(hs, items);
            },
            v);
    }
};

// A class bound with gilt::class_: by value (a copy in, a new instance
// holding a copy out) and as std::shared_ptr<T> (shared both ways).
template <class T>
struct Caster<T, std::enable_if_t<kHostClass<T>>> {
    static T* pointer(HostState* hs, std::uint64_t bits, const Where& w) {
        return static_cast<T*>(arg_instance(hs, bits, w, typeid(T), nullptr));
    }
    static T from(HostState* hs, std::uint64_t bits, const Where& w) {
        static_assert(std::is_copy_constructible_v<T>,
                      "gilt: a bound class passed by value must be copyable; take T& or "
                      "std::shared_ptr<T> instead");
        return *pointer(hs, bits, w);
    }
    static Handle to(HostState* hs, const T& v) {
        static_assert(std::is_copy_constructible_v<T>,
                      "gilt: a bound class returned by value or reference must be copyable; "
                      "return std::shared_ptr<T> instead");
        auto held = std::make_shared<T>(v);
        T* object = held.get();
        return make_instance(hs, typeid(T), std::move(held), object);
    }
    static Handle to(HostState* hs, T&& v) {
        auto held = std::make_shared<T>(std::move(v));
        T* object = held.get();
        return make_instance(hs, typeid(T), std::move(held), object);
    }
};

template <class T>
struct Caster<std::shared_ptr<T>, std::enable_if_t<kHostClass<T>>> {
    static std::shared_ptr<T> from(HostState* hs, std::uint64_t bits, const Where& w) {
        std::shared_ptr<void> holder;
        T* object =
            static_cast<T*>(arg_instance(hs, bits, w, typeid(std::remove_cv_t<T>), &holder));
        return std::shared_ptr<T>(holder, object);
    }
    static Handle to(HostState* hs, const std::shared_ptr<T>& v) {
        if (!v) return make_none(hs);
        using U = std::remove_cv_t<T>;
        return make_instance(hs, typeid(U), std::const_pointer_cast<U>(v), const_cast<U*>(v.get()));
    }
};

// --- parameters: how a converted argument is kept until the call ---

template <class P, class = void>
struct Param {
    using Stored = std::remove_cvref_t<P>;
    static_assert(!std::is_lvalue_reference_v<P> || std::is_const_v<std::remove_reference_t<P>>,
                  "gilt: a parameter taken by non-const reference must be a bound class (T&)");
    Stored value;
    Param(HostState* hs, std::uint64_t bits, const Where& w)
        : value(Caster<Stored>::from(hs, bits, w)) {}
    P get() { return static_cast<P>(value); }
};

// T&, const T&, T* of a bound class: the object inside the instance.
template <class P>
struct Param<P, std::enable_if_t<(std::is_reference_v<P> || std::is_pointer_v<P>)&&kHostClass<
                    std::remove_cvref_t<std::remove_pointer_t<P>>>>> {
    using T = std::remove_cv_t<std::remove_pointer_t<std::remove_reference_t<P>>>;
    T* object;
    Param(HostState* hs, std::uint64_t bits, const Where& w)
        : object(static_cast<T*>(arg_instance(hs, bits, w, typeid(T), nullptr))) {}
    P get() {
        if constexpr (std::is_pointer_v<P>)
            return object;
        else
            return *object;
    }
};

// The receiver of a constructor: the instance being initialised.
struct InitSelf {
    HostState* hs;
    std::uint64_t bits;
};
template <>
struct Param<InitSelf> {
    InitSelf self;
    Param(HostState* hs, std::uint64_t bits, const Where&) : self{hs, bits} {}
    InitSelf get() { return self; }
};

// --- reading a callable's signature ---

template <class F>
struct Signature : Signature<decltype(&std::remove_cvref_t<F>::operator())> {};
template <class R, class... A>
struct Signature<R (*)(A...)> {
    using Result = R;
    using Params = std::tuple<A...>;
};
template <class R, class... A>
struct Signature<R (*)(A...) noexcept> : Signature<R (*)(A...)> {};
template <class R, class... A>
struct Signature<R(A...)> : Signature<R (*)(A...)> {};
template <class C, class R, class... A>
struct Signature<R (C::*)(A...)> : Signature<R (*)(A...)> {};
template <class C, class R, class... A>
struct Signature<R (C::*)(A...) const> : Signature<R (*)(A...)> {};
template <class C, class R, class... A>
struct Signature<R (C::*)(A...) noexcept> : Signature<R (*)(A...)> {};
template <class C, class R, class... A>
struct Signature<R (C::*)(A...) const noexcept> : Signature<R (*)(A...)> {};
template <class C, class R, class... A>
struct Signature<R (C::*)(A...)&> : Signature<R (*)(A...)> {};
template <class C, class R, class... A>
struct Signature<R (C::*)(A...) const&> : Signature<R (*)(A...)> {};

template <class Tuple>
struct TakesContext : std::false_type {};
template <class First, class... Rest>
struct TakesContext<std::tuple<First, Rest...>> : std::is_same<First, CallContext&> {};

template <class Tuple>
struct DropFirst {
    using type = std::tuple<>;
};
template <class First, class... Rest>
struct DropFirst<std::tuple<First, Rest...>> {
    using type = std::tuple<Rest...>;
};

// The Python-visible parameters of F: its own, minus a leading CallContext&.
template <class F>
struct PyParams {
    using All = typename Signature<F>::Params;
    static constexpr bool kContext = TakesContext<All>::value;
    using type = std::conditional_t<kContext, typename DropFirst<All>::type, All>;
};

template <class R>
Handle result_to_handle(HostState* hs, R&& r) {
    using U = std::remove_cvref_t<R>;
    static_assert(
        !std::is_pointer_v<U> || std::is_same_v<U, const char*> || std::is_same_v<U, char*>,
        "gilt: a host function cannot return a raw pointer; return a value, a "
        "std::shared_ptr<T> of a bound class, or a gilt::Handle");
    return Caster<U>::to(hs, std::forward<R>(r));
}

// Calls `f` with the converted values; `first` is where the Python values
// start for the non-receiver parameters (for error positions).
template <class F, class... P, std::size_t... I>
Handle invoke_typed(F& f, CallContext& ctx, HostState* hs, const TypedFunction& shape,
                    const std::uint64_t* values, std::tuple<P...>*, std::index_sequence<I...>) {
    std::size_t offset = shape.method ? 1 : 0;
    std::string_view fname = shape.error_name.empty() ? shape.name : shape.error_name;
    auto where = [&](std::size_t i) {
        if (shape.method && i == 0) {
            return Where{.kind = Where::kSelf, .function = fname};
        }
        std::size_t k = i - offset;
        return Where{
            .kind = Where::kParam, .function = fname, .param = shape.params[k], .index = k};
    };
    // Braced initialisation converts left to right: the first bad argument
    // is the one reported.
    std::tuple<Param<P>...> held{Param<P>(hs, values[I], where(I))...};
    using R = typename Signature<F>::Result;
    auto call = [&]() -> decltype(auto) {
        if constexpr (PyParams<F>::kContext)
            return f(ctx, std::get<I>(held).get()...);
        else
            return f(std::get<I>(held).get()...);
    };
    if constexpr (std::is_void_v<R>) {
        call();
        return Handle();
    } else {
        return result_to_handle(hs, call());
    }
}

template <class T>
struct IsArgDefault : std::false_type {};
template <class T>
struct IsArgDefault<arg::WithDefault<T>> : std::true_type {};

template <class Extra>
void add_param(HostState* hs, TypedFunction& fn, const Extra& extra) {
    using E = std::remove_cvref_t<Extra>;
    if constexpr (std::is_same_v<E, arg>) {
        fn.params.emplace_back(extra.name());
        fn.defaults.emplace_back();
    } else if constexpr (IsArgDefault<E>::value) {
        fn.params.emplace_back(extra.name);
        fn.defaults.push_back(
            Caster<std::remove_cvref_t<decltype(extra.value)>>::to(hs, extra.value));
    } else {
        static_assert(kAlwaysFalse<E>, "gilt: def() takes gilt::arg(...) after the function");
    }
}

// Builds the TypedFunction for `f`. `method`: its first Python parameter
// is the receiver.
template <class F, class... Extra>
TypedFunction make_typed(HostState* hs, std::string_view name, F&& f, bool method,
                         const Extra&... extra) {
    using Fn = std::decay_t<F>;
    using Params = typename PyParams<Fn>::type;
    constexpr std::size_t kCount = std::tuple_size_v<Params>;
    static_assert(kCount <= 32, "gilt: a typed host function takes at most 32 parameters");
    TypedFunction fn;
    fn.name = std::string(name);
    fn.method = method;
    std::size_t py_count = kCount - (method ? 1 : 0);
    if constexpr (sizeof...(Extra) > 0) {
        if (sizeof...(Extra) != py_count)
            throw std::logic_error("gilt: def(\"" + fn.name +
                                   "\"): " + std::to_string(sizeof...(Extra)) + " gilt::arg for " +
                                   std::to_string(py_count) + " parameters");
        (add_param(hs, fn, extra), ...);
        bool seen_default = false;
        for (const Handle& d : fn.defaults) {
            if (!d.is_empty()) seen_default = true;
            if (d.is_empty() && seen_default)
                throw std::logic_error("gilt: def(\"" + fn.name +
                                       "\"): a parameter without default follows one with");
        }
    } else {
        fn.params.assign(py_count, std::string());
        fn.defaults.resize(py_count);
    }
    auto shared = std::make_shared<Fn>(std::forward<F>(f));
    fn.invoke = [shared, hs](CallContext& ctx, const TypedFunction& shape,
                             const std::uint64_t* values) {
        return invoke_typed(*shared, ctx, hs, shape, values, static_cast<Params*>(nullptr),
                            std::make_index_sequence<std::tuple_size_v<Params>>{});
    };
    return fn;
}

}  // namespace detail

// A module of host functions created by the host: `import name` finds it.
//
//     gilt::Module geo(host, "geometry");
//     geo.def("area", [](double w, double h) { return w * h; });
//
// A Module is a Handle to the module object (copying it shares the module).
class Module : public Handle {
public:
    // Creates the module and registers it in sys.modules (replacing one
    // of that name). Throws ScriptError if the name is not valid UTF-8.
    Module(Host& host, std::string_view name);

    // A typed function (see above) as attribute `name` of the module.
    template <class F, class... Extra>
    Module& def(std::string_view name, F&& fn, const Extra&... extra) {
        detail::HostState* hs = detail::state_of(*this);
        detail::def_typed(hs, this,
                          detail::make_typed(hs, name, std::forward<F>(fn), false, extra...));
        return *this;
    }
};

template <class F, class... Extra>
requires(!std::is_convertible_v<F&&, Function> ||
         sizeof...(Extra) > 0) void Host::def(std::string_view name, F&& fn,
                                              const Extra&... extra) {
    detail::HostState* hs = m_state.get();
    detail::def_typed(hs, nullptr,
                      detail::make_typed(hs, name, std::forward<F>(fn), false, extra...));
}

}  // namespace gilt
