// class.hpp: host classes, a C++ type exposed to scripts as a Python class.
// Included by gilt.hpp.
//
//     struct Point { double x, y; double norm() const; };
//
//     gilt::class_<Point>(host, "Point")
//         .init<double, double>(gilt::arg("x"), gilt::arg("y") = 0.0)
//         .def("norm", &Point::norm)
//         .def_readwrite("x", &Point::x)
//         .def("__repr__", [](const Point& p) { return "Point(" + ... + ")"; });
//
//     # in the script
//     p = Point(3, y=4); p.norm(); p.x = 1.5; isinstance(p, Point)
//
// Ownership. A script's instance holds its T in a std::shared_ptr<T>:
//  - made by the script (Point(...)) or returned by value from a typed
//    function: the instance owns its own T (a copy, or the moved value);
//    T's destructor runs when the script's object dies (or when the Host
//    is destroyed, if the object lives until then);
//  - returned as std::shared_ptr<T>: the instance shares that T with the
//    host; it is destroyed when the last owner, C++ or script, lets go.
//    A typed function taking std::shared_ptr<T> gets a pointer that shares
//    ownership with the instance (keeping the T alive, not the instance).
// A parameter T& / const T& / T* is the object inside the instance itself,
// valid during the call; a parameter T is a copy. T's destructor runs with
// the GIL held, on the thread that drops the last reference; it must not
// use Handles of the Host, whose state may be going away then.
//
// The class object. Each class_ makes a Python class (a heap type, like a
// `class` statement) named `name`, bound in __main__ (or as an attribute of
// the module given). It says `__slots__ = ()`, but gilt does not enforce
// __slots__ yet: instances get a __dict__ like those of any gilt class, so
// scripts may add attributes of their own. `isinstance` and
// `type(p).__name__` work as for any class. Dunder methods defined with
// def() act as operators (`__repr__`, `__eq__`, `__add__`, `__len__`,
// `__getitem__`, ...), exactly as they would in a class statement.
//
// Subclasses. A script may subclass a host class; its __init__ must call
// super().__init__(...) to construct the T. Until then the instance holds
// no T, and any method or property of the host class raises TypeError
// ("Point object is not initialized; did its __init__ call
// super().__init__()?"). A class without init() (or init_factory) cannot be
// instantiated by scripts (TypeError "cannot create 'Point' instances"):
// its instances come from the host.
//
// Errors follow bind.hpp: argument conversions raise TypeError naming the
// method and parameter; a method called on the wrong object raises
// CPython's "descriptor 'norm' for 'Point' objects doesn't apply to a 'int'
// object". Binding the same C++ type twice in one Host throws
// std::logic_error. A class_ object holds a Handle to the class: destroy it
// before the Host, like any Handle (it is usually a temporary).
#pragma once

#include <gilt/gilt.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <typeinfo>
#include <utility>

namespace gilt {

namespace detail {

// The class object for `t` (api_bind.cpp): made, registered and bound as
// `name` in __main__ or in `module`.
Handle define_class(HostState* hs, const Handle* module, std::string_view name,
                    const std::type_info& t);
enum class MemberKind { Method, Static };
// Adds a method (the function's first value is the receiver) or a static
// method to the class.
void class_add_function(HostState* hs, const Handle& type, std::string_view attr, TypedFunction fn,
                        MemberKind kind);
// Adds a property; `setter` empty (no invoke) for a read-only one.
void class_add_property(HostState* hs, const Handle& type, std::string_view attr,
                        TypedFunction getter, TypedFunction setter);

// Member function pointers as callables taking the receiver first.
template <class C, class R, class... A>
auto adapt_member(R (C::*pm)(A...)) {
    return [pm](C& self, A... a) -> R { return (self.*pm)(std::forward<A>(a)...); };
}
template <class C, class R, class... A>
auto adapt_member(R (C::*pm)(A...) const) {
    return [pm](const C& self, A... a) -> R { return (self.*pm)(std::forward<A>(a)...); };
}
template <class C, class R, class... A>
auto adapt_member(R (C::*pm)(A...) noexcept) {
    return [pm](C& self, A... a) -> R { return (self.*pm)(std::forward<A>(a)...); };
}
template <class C, class R, class... A>
auto adapt_member(R (C::*pm)(A...) const noexcept) {
    return [pm](const C& self, A... a) -> R { return (self.*pm)(std::forward<A>(a)...); };
}
template <class F>
decltype(auto) adapt_member(F&& f) {
    return std::forward<F>(f);
}

}  // namespace detail

template <class T>
class class_ {
    static_assert(detail::kHostClass<T>,
                  "gilt::class_<T>: T must be a class type that is not a standard container, "
                  "string or gilt::Handle");

public:
    // A class `name` bound in __main__.
    class_(Host& host, std::string_view name)
        : m_hs(detail::state_of(host)),
          m_type(detail::define_class(m_hs, nullptr, name, typeid(T))) {}
    // A class `name` bound as an attribute of `module` (a Module, or any
    // module Handle).
    class_(const Handle& module, std::string_view name)
        : m_hs(detail::state_of(module)),
          m_type(detail::define_class(m_hs, &module, name, typeid(T))) {}

    // The constructor T(Args...), as __init__; gilt::arg names and
    // defaults as for def().
    template <class... Args, class... Extra>
    class_& init(const Extra&... extra) {
        return init_with(
            [](detail::InitSelf self, Args... a) {
                auto held = std::make_shared<T>(std::forward<Args>(a)...);
                T* object = held.get();
                detail::init_instance(self.hs, self.bits, std::move(held), object);
            },
            extra...);
    }
    // A factory as __init__: any callable returning a T or a
    // std::shared_ptr<T> (then shared with whoever else holds it).
    template <class F, class... Extra>
    class_& init_factory(F&& factory, const Extra&... extra) {
        return init_with(factory_init(std::forward<F>(factory),
                                      static_cast<typename detail::PyParams<F>::type*>(nullptr)),
                         extra...);
    }

    // A method: a member function pointer, or a callable whose first
    // parameter is the receiver (T&, const T&, T*, std::shared_ptr<T>).
    // Dunder names define operators.
    template <class F, class... Extra>
    class_& def(std::string_view name, F&& fn, const Extra&... extra) {
        add(name, detail::adapt_member(std::forward<F>(fn)), detail::MemberKind::Method, extra...);
        return *this;
    }
    // A static method: any callable (no receiver).
    template <class F, class... Extra>
    class_& def_static(std::string_view name, F&& fn, const Extra&... extra) {
        add(name, std::forward<F>(fn), detail::MemberKind::Static, extra...);
        return *this;
    }

    // A data member as a property: read-write or read-only.
    template <class M>
    class_& def_readwrite(std::string_view name, M T::*pm) {
        return def_property(
            name, [pm](const T& self) -> const M& { return self.*pm; },
            [pm](T& self, const M& value) { self.*pm = value; });
    }
    template <class M>
    class_& def_readonly(std::string_view name, M T::*pm) {
        return def_property_readonly(name, [pm](const T& self) -> const M& { return self.*pm; });
    }
    // A computed property: getter and setter are member function pointers
    // or callables taking the receiver first (the setter also the value).
    template <class G, class S>
    class_& def_property(std::string_view name, G&& getter, S&& setter) {
        auto get =
            detail::make_typed(m_hs, name, detail::adapt_member(std::forward<G>(getter)), true);
        auto set = detail::make_typed(m_hs, name, detail::adapt_member(std::forward<S>(setter)),
                                      true, arg("value"));
        detail::class_add_property(m_hs, m_type, name, std::move(get), std::move(set));
        return *this;
    }
    template <class G>
    class_& def_property_readonly(std::string_view name, G&& getter) {
        auto get =
            detail::make_typed(m_hs, name, detail::adapt_member(std::forward<G>(getter)), true);
        detail::class_add_property(m_hs, m_type, name, std::move(get), detail::TypedFunction{});
        return *this;
    }

    // The class object.
    const Handle& type() const noexcept { return m_type; }

private:
    template <class F, class... Extra>
    class_& init_with(F&& body, const Extra&... extra) {
        detail::TypedFunction fn =
            detail::make_typed(m_hs, "__init__", std::forward<F>(body), true, extra...);
        fn.error_name = m_type.attr("__name__").as_string();
        detail::class_add_function(m_hs, m_type, "__init__", std::move(fn),
                                   detail::MemberKind::Method);
        return *this;
    }

    template <class F, class... A>
    static auto factory_init(F&& factory, std::tuple<A...>*) {
        return [factory = std::forward<F>(factory)](detail::InitSelf self, A... a) {
            auto made = factory(std::forward<A>(a)...);
            using R = decltype(made);
            std::shared_ptr<T> held;
            if constexpr (detail::IsSharedPtr<R>::value) {
                held = std::move(made);
            } else {
                static_assert(std::is_convertible_v<R, T>,
                              "gilt: init_factory's callable must return T or std::shared_ptr<T>");
                held = std::make_shared<T>(std::move(made));
            }
            T* object = held.get();
            detail::init_instance(self.hs, self.bits, std::move(held), object);
        };
    }

    template <class F, class... Extra>
    void add(std::string_view name, F&& fn, detail::MemberKind kind, const Extra&... extra) {
        bool method = kind == detail::MemberKind::Method;
        detail::class_add_function(
            m_hs, m_type, name,
            detail::make_typed(m_hs, name, std::forward<F>(fn), method, extra...), kind);
    }

    detail::HostState* m_hs;
    Handle m_type;
};

}  // namespace gilt
