// Helpers shared by the runtime tests of errors, exceptions, descriptors,
// modules, argument parsing and the collector: a fixture with a real
// Interpreter that keeps every temporary alive until the test ends, calls
// with keyword arguments, and "Type: message" for the pending exception.
#pragma once

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "runtime/abstract.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/exception.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"

namespace gilt::testing {

class RuntimeTest : public ::testing::Test {
protected:
    Interpreter interp;
    ThreadState& ts = interp.main_thread();
    const ExceptionTypes& E = interp.exc_types;
    const BuiltinTypes& T = interp.types;

    void TearDown() override {
        EXPECT_FALSE(ts.has_exception()) << "exception left pending: " << error();
        m_keep.clear();
    }

    // Keeps a new reference alive for the rest of the test; returns it borrowed.
    Value keep(Value v) {
        m_keep.emplace_back(v);
        return v;
    }
    // Drops every reference kept so far (values returned earlier become dangling).
    void release_kept() { m_keep.clear(); }
    Value s(std::string_view text) { return keep(make_str(ts, text)); }
    static Value i(int64_t n) { return Value::small_int(n); }
    Value tuple(std::initializer_list<Value> items) { return keep(tuple_pack(ts, items)); }
    Value builtin(const char* name) { return dict_get_cstr(ts, interp.builtins, name); }

    // callable(*args, **kw); the result is kept (null when it raised).
    Value call(Value callable, std::initializer_list<Value> args,
               std::initializer_list<std::pair<const char*, Value>> kw = {}) {
        std::vector<Value> argv(args);
        Ref names;
        if (kw.size()) {
            names = Ref(tuple_new(ts, kw.size()));
            uint64_t k = 0;
            for (auto& [name, value] : kw) {
                tuple_obj(*names)->items[k++] = interp.intern(name);
                argv.push_back(value);
            }
        }
        Args a{argv.data(), static_cast<uint32_t>(args.size()),
               names ? tuple_obj(*names) : nullptr};
        return keep(obj_call(ts, callable, a));
    }
    Value call(TypeObject* t, std::initializer_list<Value> args,
               std::initializer_list<std::pair<const char*, Value>> kw = {}) {
        return call(val(t), args, kw);
    }
    Value attr(Value obj, const char* name) { return keep(obj_getattr_cstr(ts, obj, name)); }

    // repr() / str() of v, or the error they (or making v) raised.
    std::string repr(Value v) {
        if (v.is_null()) return error();
        Ref r(obj_repr(ts, v));
        return r ? std::string(str_view(*r)) : error();
    }
    std::string str(Value v) {
        if (v.is_null()) return error();
        Ref r(obj_str(ts, v));
        return r ? std::string(str_view(*r)) : error();
    }
    // "Type: message" for the pending exception, which is cleared.
    std::string error() {
        Ref exc(fetch_exception(ts));
        if (!exc) return "<no exception>";
        std::string name(type_name(ts, *exc));
        Ref msg(obj_str(ts, *exc));
        if (!msg) {
            clear_exception(ts);
            return name + ": <str failed>";
        }
        return str_len(*msg) ? name + ": " + std::string(str_view(*msg)) : name;
    }
    // A class made with type(name, bases, ns).
    Value make_class(const char* name, std::initializer_list<Value> bases,
                     std::initializer_list<std::pair<const char*, Value>> ns = {}) {
        Ref d(dict_new(ts));
        for (auto& [k, v] : ns) EXPECT_TRUE(dict_set_cstr(ts, *d, k, v));
        return call(T.type, {s(name), tuple(bases), *d});
    }

private:
    std::vector<Ref> m_keep;
};

}  // namespace gilt::testing
