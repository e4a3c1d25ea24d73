// Typed bindings and host classes (gilt/bind.hpp, gilt/class.hpp): every
// conversion both ways, the argument errors with their exact messages
// (counts, keywords, defaults, wrong types, overflow, nested containers),
// and host classes' construction, methods, properties, operators,
// subclassing and lifetime (the destructor runs once, when the last owner
// lets go: run under the asan preset for leaks and double frees).
#include <gilt/gilt.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

namespace gilt {
namespace {

class BindTest : public ::testing::Test {
protected:
    Host host;

    // "Type: message" of the exception `expression` raises in a script.
    std::string error_of(std::string_view expression) {
        host.exec(std::string("def __probe():\n    try:\n        ") + std::string(expression) +
                  "\n    except BaseException as e:\n        return f'{type(e).__name__}: {e}'\n"
                  "    return 'no error'\n");
        return host.call("__probe").as_string();
    }
    std::string eval_repr(std::string_view expression) { return host.eval(expression).repr(); }
};

// --- functions: results and arguments --------------------------------------

TEST_F(BindTest, OneLineBinding) {
    host.def("area", [](double w, double h) { return w * h; });
    EXPECT_EQ(host.eval("area(3, 4.5)").as_double(), 13.5);
    EXPECT_EQ(eval_repr("area.__name__"), "'area'");
    EXPECT_EQ(eval_repr("area.__module__"), "'__main__'");
}

TEST_F(BindTest, ScalarsBothWays) {
    host.def("ints", [](std::int8_t a, std::uint8_t b, std::int16_t c, std::uint16_t d,
                        std::int32_t e, std::uint32_t f, std::int64_t g, std::uint64_t h) {
        return std::to_string(a) + " " + std::to_string(b) + " " + std::to_string(c) + " " +
               std::to_string(d) + " " + std::to_string(e) + " " + std::to_string(f) + " " +
               std::to_string(g) + " " + std::to_string(h);
    });
    EXPECT_EQ(
        host.eval("ints(-128, 255, -32768, 65535, -2**31, 2**32-1, -2**63, 2**64-1)").as_string(),
        "-128 255 -32768 65535 -2147483648 4294967295 -9223372036854775808 "
        "18446744073709551615");
    host.def("u64", []() { return std::uint64_t{18446744073709551615u}; });
    EXPECT_EQ(eval_repr("u64()"), "18446744073709551615");
    host.def("neg", [](bool b) { return !b; });
    EXPECT_EQ(eval_repr("(neg(True), neg(0), neg([]), neg('x'))"), "(False, True, True, False)");
    host.def("half", [](float x) { return x / 2; });
    EXPECT_EQ(eval_repr("half(3)"), "1.5");
    host.def("upper", [](std::string s) {
        for (char& c : s) c = static_cast<char>(std::toupper(c));
        return s;
    });
    EXPECT_EQ(eval_repr("upper('abc')"), "'ABC'");
    host.def("len_of", [](std::string_view s) { return s.size(); });
    EXPECT_EQ(eval_repr("len_of('h\\u00e9')"), "3");  // UTF-8 bytes
    host.def("nothing", []() {});
    EXPECT_EQ(eval_repr("nothing()"), "None");
    host.def("cstr", []() { return "text"; });
    EXPECT_EQ(eval_repr("cstr()"), "'text'");
}

TEST_F(BindTest, IndexAndFloatProtocols) {
    host.exec(
        "class Idx:\n    def __index__(self):\n        return 7\n"
        "class Flt:\n    def __float__(self):\n        return 2.5\n");
    host.def("twice", [](int x) { return 2 * x; });
    host.def("fl", [](double x) { return x; });
    EXPECT_EQ(eval_repr("twice(Idx())"), "14");
    EXPECT_EQ(eval_repr("twice(True)"), "2");
    EXPECT_EQ(eval_repr("fl(Flt())"), "2.5");
    EXPECT_EQ(eval_repr("fl(Idx())"), "7.0");
    EXPECT_EQ(eval_repr("fl(10**20)"), "1e+20");
}

TEST_F(BindTest, Overflow) {
    host.def("i8", [](std::int8_t v) { return v; });
    host.def("u16", [](std::uint16_t v) { return v; });
    host.def("i32", [](int v) { return v; });
    host.def("i64", [](std::int64_t v) { return v; });
    host.def("u64", [](std::uint64_t v) { return v; });
    EXPECT_EQ(error_of("i8(128)"),
              "OverflowError: Python int too large to convert to C signed char");
    EXPECT_EQ(error_of("i8(-129)"),
              "OverflowError: Python int too large to convert to C signed char");
    EXPECT_EQ(error_of("u16(65536)"),
              "OverflowError: Python int too large to convert to C unsigned short");
    EXPECT_EQ(error_of("u16(-1)"), "OverflowError: can't convert negative int to unsigned");
    EXPECT_EQ(error_of("i32(2**31)"), "OverflowError: Python int too large to convert to C int");
    EXPECT_EQ(error_of("i64(2**63)"), "OverflowError: Python int too large to convert to C long");
    EXPECT_EQ(error_of("u64(2**64)"),
              "OverflowError: Python int too large to convert to C unsigned long");
    EXPECT_EQ(eval_repr("i8(-128), u16(65535), i32(-2**31), u64(2**64-1)"),
              "(-128, 65535, -2147483648, 18446744073709551615)");
}

TEST_F(BindTest, WrongTypesNameFunctionAndParameter) {
    host.def(
        "area", [](double w, double h) { return w * h; }, arg("w"), arg("h"));
    host.def("count", [](int n) { return n; });
    host.def(
        "greet", [](const std::string& name) { return "hi " + name; }, arg("name"));
    EXPECT_EQ(error_of("area('3', 4)"), "TypeError: area() argument 'w' must be float, not str");
    EXPECT_EQ(error_of("area(3, None)"),
              "TypeError: area() argument 'h' must be float, not NoneType");
    EXPECT_EQ(error_of("count(1.5)"), "TypeError: count() argument 1 must be int, not float");
    EXPECT_EQ(error_of("greet(b'x')"), "TypeError: greet() argument 'name' must be str, not bytes");
    EXPECT_EQ(error_of("area('a', 'b')"),
              "TypeError: area() argument 'w' must be float, not str");  // first one wins
}

TEST_F(BindTest, ArgumentCounts) {
    host.def("pair", [](int a, int b) { return a + b; });
    host.def(
        "named", [](int a, int b) { return a - b; }, arg("a"), arg("b"));
    host.def("one", [](int a) { return a; });
    host.def("none", []() { return 1; });
    EXPECT_EQ(error_of("pair(1)"), "TypeError: pair expected 2 arguments, got 1");
    EXPECT_EQ(error_of("pair(1, 2, 3)"), "TypeError: pair expected 2 arguments, got 3");
    EXPECT_EQ(error_of("pair(1, b=2)"), "TypeError: pair() takes no keyword arguments");
    EXPECT_EQ(error_of("one()"), "TypeError: one() takes exactly one argument (0 given)");
    EXPECT_EQ(error_of("none(1)"), "TypeError: none() takes no arguments (1 given)");
    EXPECT_EQ(error_of("named(1)"), "TypeError: named() missing required argument 'b' (pos 2)");
    EXPECT_EQ(error_of("named(1, 2, 3)"), "TypeError: named() takes at most 2 arguments (3 given)");
    EXPECT_EQ(error_of("named(1, 2, c=3)"),
              "TypeError: named() takes at most 2 arguments (3 given)");
    // Argument Clinic's order: a missing parameter before an unknown keyword.
    EXPECT_EQ(error_of("named(1, c=3)"),
              "TypeError: named() missing required argument 'b' (pos 2)");
}

TEST_F(BindTest, KeywordsAndDefaults) {
    host.def(
        "scaled",
        [](double x, double scale, std::string unit) {
            return std::to_string(static_cast<int>(x * scale)) + unit;
        },
        arg("x"), arg("scale") = 2.0, arg("unit") = std::string("cm"));
    EXPECT_EQ(eval_repr("scaled(3)"), "'6cm'");
    EXPECT_EQ(eval_repr("scaled(3, 3)"), "'9cm'");
    EXPECT_EQ(eval_repr("scaled(3, unit='mm')"), "'6mm'");
    EXPECT_EQ(eval_repr("scaled(unit='m', x=1, scale=10)"), "'10m'");
    EXPECT_EQ(error_of("scaled()"), "TypeError: scaled() missing required argument 'x' (pos 1)");
    EXPECT_EQ(error_of("scaled(1, scale='big')"),
              "TypeError: scaled() argument 'scale' must be float, not str");
    EXPECT_THROW(host.def(
                     "bad", [](int a, int b) { return a + b; }, arg("a") = 1, arg("b")),
                 std::logic_error);
    EXPECT_THROW(host.def(
                     "bad", [](int a, int b) { return a + b; }, arg("a")),
                 std::logic_error);
}

TEST_F(BindTest, OptionalIsNone) {
    host.def(
        "maybe",
        [](std::optional<int> v) -> std::optional<std::string> {
            if (!v) return std::nullopt;
            return std::to_string(*v);
        },
        arg("v") = std::optional<int>());
    EXPECT_EQ(eval_repr("maybe(None), maybe(), maybe(5)"), "(None, None, '5')");
    EXPECT_EQ(error_of("maybe('x')"),
              "TypeError: maybe() argument 'v' must be int or None, not str");
}

TEST_F(BindTest, Containers) {
    host.def("total", [](const std::vector<double>& xs) {
        double t = 0;
        for (double x : xs) t += x;
        return t;
    });
    EXPECT_EQ(eval_repr("total([1, 2.5]), total((3,)), total([])"), "(3.5, 3.0, 0.0)");
    EXPECT_EQ(error_of("total('ab')"), "TypeError: total() argument 1 must be list, not str");
    EXPECT_EQ(error_of("total([1, 'x'])"),
              "TypeError: total() argument 1 item 1 must be float, not str");

    host.def("squares", [](int n) {
        std::vector<int> v;
        for (int i = 0; i < n; ++i) v.push_back(i * i);
        return v;
    });
    EXPECT_EQ(eval_repr("squares(4)"), "[0, 1, 4, 9]");

    host.def("invert", [](const std::map<std::string, int>& m) {
        std::unordered_map<int, std::string> out;
        for (const auto& [k, v] : m) out[v] = k;
        return out;
    });
    EXPECT_EQ(eval_repr("invert({'a': 1})"), "{1: 'a'}");
    EXPECT_EQ(error_of("invert([])"), "TypeError: invert() argument 1 must be dict, not list");
    EXPECT_EQ(error_of("invert({1: 1})"),
              "TypeError: invert() argument 1 key must be str, not int");
    EXPECT_EQ(error_of("invert({'a': 'b'})"),
              "TypeError: invert() argument 1 value must be int, not str");

    host.def("swap",
             [](std::pair<int, std::string> p) { return std::make_tuple(p.second, p.first); });
    EXPECT_EQ(eval_repr("swap((1, 'a')), swap([2, 'b'])"), "(('a', 1), ('b', 2))");
    EXPECT_EQ(error_of("swap((1, 2, 3))"),
              "TypeError: swap() argument 1 must be a tuple of 2 items, not 3");
    EXPECT_EQ(error_of("swap((1, 2))"), "TypeError: swap() argument 1 item 1 must be str, not int");
}

TEST_F(BindTest, NestedContainers) {
    host.def("transpose", [](const std::vector<std::vector<int>>& m) {
        std::vector<std::vector<int>> t;
        for (std::size_t c = 0; !m.empty() && c < m[0].size(); ++c) {
            t.emplace_back();
            for (const auto& row : m) t.back().push_back(row.at(c));
        }
        return t;
    });
    EXPECT_EQ(eval_repr("transpose([[1, 2], [3, 4]])"), "[[1, 3], [2, 4]]");
    EXPECT_EQ(error_of("transpose([[1, 2], [3, 'x']])"),
              "TypeError: transpose() argument 1 item 1 item 1 must be int, not str");
    host.def("group", [](const std::map<std::string, std::vector<std::optional<int>>>& m) {
        std::map<std::string, std::size_t> out;
        for (const auto& [k, v] : m) out[k] = v.size();
        return out;
    });
    EXPECT_EQ(eval_repr("group({'a': [1, None], 'b': []})"), "{'a': 2, 'b': 0}");
    EXPECT_EQ(error_of("group({'a': [1.5]})"),
              "TypeError: group() argument 1 value item 0 must be int or None, not float");
}

TEST_F(BindTest, HandlesAndContext) {
    host.def("kind", [](CallContext& ctx, Handle v) {
        return std::string(ctx.function_name()) + ":" + v.type_name();
    });
    EXPECT_EQ(eval_repr("kind([1])"), "'kind:list'");
    host.def("same", [](Handle v) { return v; });
    host.exec("obj = object()\n");
    EXPECT_TRUE(host.eval("same(obj) is obj").as_bool());
    EXPECT_EQ(error_of("kind()"), "TypeError: kind() takes exactly one argument (0 given)");
}

enum class Color { Red = 1, Green = 2 };

TEST_F(BindTest, EnumsAsInts) {
    host.def("next_color", [](Color c) { return c == Color::Red ? Color::Green : Color::Red; });
    EXPECT_EQ(eval_repr("next_color(1), next_color(2)"), "(2, 1)");
}

TEST_F(BindTest, CppExceptionsBecomePythonOnes) {
    host.def("check", [](int v) {
        if (v < 0) throw std::invalid_argument("negative");
        if (v == 0) throw ScriptError("KeyError", "zero");
        return v;
    });
    EXPECT_EQ(error_of("check(-1)"), "ValueError: negative");
    EXPECT_EQ(error_of("check(0)"), "KeyError: 'zero'");
}

TEST_F(BindTest, ModuleFunctions) {
    Module geo(host, "geometry");
    geo.def(
        "area", [](double w, double h) { return w * h; }, arg("w"), arg("h") = 1.0);
    host.exec("import geometry\nr = geometry.area(2, h=3), geometry.area(5)\n");
    EXPECT_EQ(host.get_global("r").repr(), "(6.0, 5.0)");
    EXPECT_EQ(eval_repr("geometry.area.__module__"), "'geometry'");
    EXPECT_EQ(error_of("geometry.area(w=[])"),
              "TypeError: area() argument 'w' must be float, not list");
}

TEST_F(BindTest, ObjectConvertsNewTypes) {
    EXPECT_EQ(host.object(std::make_tuple(1, "a", 2.5)).repr(), "(1, 'a', 2.5)");
    EXPECT_EQ(host.object(std::map<int, bool>{{1, true}}).repr(), "{1: True}");
}

// --- host classes ---------------------------------------------------------------

struct Counter {
    // Live instances and destructor runs, checked by the lifetime tests.
    static inline int live = 0;
    static inline int destroyed = 0;
    int value = 0;
    std::string name;
    Counter(int v, std::string n) : value(v), name(std::move(n)) { ++live; }
    Counter(const Counter& o) : value(o.value), name(o.name) { ++live; }
    ~Counter() {
        --live;
        ++destroyed;
    }
    int add(int n) {
        value += n;
        return value;
    }
    int get() const { return value; }
};

class ClassTest : public BindTest {
protected:
    void SetUp() override {
        Counter::live = 0;
        Counter::destroyed = 0;
        class_<Counter>(host, "Counter")
            .init<int, std::string>(arg("value"), arg("name") = std::string("c"))
            .def("add", &Counter::add, arg("n"))
            .def("get", &Counter::get)
            .def_readwrite("value", &Counter::value)
            .def_readonly("name", &Counter::name)
            .def_property_readonly("double", [](const Counter& c) { return 2 * c.value; })
            .def("__repr__",
                 [](const Counter& c) {
                     return "Counter(" + std::to_string(c.value) + ", '" + c.name + "')";
                 })
            .def("__eq__",
                 [](const Counter& a, Handle b) {
                     return b.type_name() == "Counter" && a.value == b.attr("value").as_int();
                 })
            .def("__add__", [](const Counter& a, int n) { return Counter(a.value + n, a.name); })
            .def_static("zero", []() { return Counter(0, "zero"); });
    }
};

TEST_F(ClassTest, ConstructMethodsProperties) {
    host.exec("c = Counter(5, name='five')\nc.add(2)\nc.add(n=3)\n");
    EXPECT_EQ(eval_repr("c.get(), c.value, c.name, c.double"), "(10, 10, 'five', 20)");
    host.exec("c.value = 1\n");
    EXPECT_EQ(eval_repr("c"), "Counter(1, 'five')");
    EXPECT_EQ(eval_repr("Counter(3)"), "Counter(3, 'c')");
    EXPECT_EQ(eval_repr("Counter.zero()"), "Counter(0, 'zero')");
    EXPECT_EQ(eval_repr("Counter(1) == Counter(1), Counter(1) == 1"), "(True, False)");
    EXPECT_EQ(eval_repr("(Counter(1) + 4).value"), "5");
    EXPECT_EQ(eval_repr("type(c).__name__, type(c).__module__"), "('Counter', '__main__')");
    EXPECT_EQ(eval_repr("isinstance(c, Counter), isinstance(1, Counter)"), "(True, False)");
    EXPECT_EQ(eval_repr("Counter.get(c)"), "1");  // unbound call
}

TEST_F(ClassTest, ClassErrors) {
    host.exec("c = Counter(1)\n");
    EXPECT_EQ(error_of("c.name = 'x'"),
              "AttributeError: property 'name' of 'Counter' object has no setter");
    EXPECT_EQ(error_of("c.value = 'x'"),
              "TypeError: value() argument 'value' must be int, not str");
    EXPECT_EQ(error_of("c.add('x')"), "TypeError: add() argument 'n' must be int, not str");
    EXPECT_EQ(error_of("Counter('x')"),
              "TypeError: Counter() argument 'value' must be int, not str");
    EXPECT_EQ(error_of("Counter()"),
              "TypeError: Counter() missing required argument 'value' (pos 1)");
    EXPECT_EQ(error_of("Counter.get(5)"),
              "TypeError: descriptor 'get' for 'Counter' objects doesn't apply to a 'int' object");
}

TEST_F(ClassTest, PassingInstancesToFunctions) {
    host.def("total",
             [](const Counter& a, Counter* b, Counter c) { return a.value + b->value + c.value; });
    host.def("bump", [](Counter& c) { c.value += 100; });
    host.def("make", [](int v) { return Counter(v, "made"); });
    host.exec("a = Counter(1)\nbump(a)\nm = make(7)\n");
    EXPECT_EQ(eval_repr("a.value, m, total(a, a, m)"), "(101, Counter(7, 'made'), 209)");
    EXPECT_EQ(error_of("total(a, a, 3)"), "TypeError: total() argument 3 must be Counter, not int");
}

TEST_F(ClassTest, SharedPtrIsShared) {
    auto shared = std::make_shared<Counter>(40, "shared");
    host.def("shared", [shared]() { return shared; });
    host.def("keep", [](std::shared_ptr<Counter> c) { return c.use_count() > 1; });
    host.exec("s = shared()\ns.add(2)\n");
    EXPECT_EQ(shared->value, 42);  // the script changed the host's object
    EXPECT_TRUE(host.eval("shared() is not s and shared().value == 42").as_bool());
    EXPECT_TRUE(host.eval("keep(s)").as_bool());
    host.exec("del s\n");
    EXPECT_EQ(Counter::destroyed, 0);  // the host still holds it
    EXPECT_EQ(shared.use_count(), 2);  // this test's and the lambda's copy
}

TEST_F(ClassTest, DestructorRunsWhenTheScriptObjectDies) {
    host.exec("c = Counter(1)\nd = c\n");
    EXPECT_EQ(Counter::live, 1);
    host.exec("del c\n");
    EXPECT_EQ(Counter::live, 1);
    host.exec("del d\n");
    EXPECT_EQ(Counter::live, 0);
    EXPECT_EQ(Counter::destroyed, 1);
    host.exec("for i in range(1000):\n    Counter(i).add(1)\n");
    EXPECT_EQ(Counter::live, 0);
    EXPECT_EQ(Counter::destroyed, 1001);
    host.exec("items = [Counter(i) for i in range(10)]\nitems.append(items)\n");  // a cycle
    host.exec("del items\nimport gc\ngc.collect()\n");
    EXPECT_EQ(Counter::live, 0);
}

TEST(ClassLifetime, InstancesAliveAtHostDestructionAreDestroyed) {
    Counter::live = 0;
    {
        Host host;
        class_<Counter>(host, "Counter").init<int, std::string>();
        host.exec("kept = [Counter(i, 'x') for i in range(5)]\n");
        EXPECT_EQ(Counter::live, 5);
    }
    EXPECT_EQ(Counter::live, 0);
}

TEST_F(ClassTest, ScriptSubclass) {
    host.exec(
        "class Named(Counter):\n"
        "    def __init__(self, v):\n"
        "        super().__init__(v, 'sub')\n"
        "        self.extra = 'x'\n"
        "    def triple(self):\n"
        "        return 3 * self.get()\n"
        "class Broken(Counter):\n"
        "    def __init__(self):\n"
        "        pass\n"
        "n = Named(4)\n");
    EXPECT_EQ(eval_repr("n.triple(), n.name, n.extra, isinstance(n, Counter)"),
              "(12, 'sub', 'x', True)");
    host.def("value_of", [](const Counter& c) { return c.value; });
    EXPECT_EQ(eval_repr("value_of(n)"), "4");
    EXPECT_EQ(error_of("Broken().get()"),
              "TypeError: Broken object is not initialized; did its __init__ call "
              "super().__init__()?");
    host.exec("del n\n");
    EXPECT_EQ(Counter::live, 0);
}

struct Opaque {
    int secret = 7;
};

TEST_F(BindTest, ClassWithoutConstructor) {
    class_<Opaque>(host, "Opaque").def("secret", [](const Opaque& o) { return o.secret; });
    host.def("make_opaque", []() { return Opaque{}; });
    EXPECT_EQ(eval_repr("make_opaque().secret()"), "7");
    EXPECT_EQ(error_of("Opaque()"), "TypeError: cannot create 'Opaque' instances");
}

TEST_F(BindTest, UnboundClassAndDoubleBinding) {
    host.def("make_opaque", []() { return Opaque{}; });
    EXPECT_EQ(error_of("make_opaque()"),
              "TypeError: C++ type 'gilt::(anonymous namespace)::Opaque' is not bound to a "
              "Python class (gilt::class_)");
    class_<Opaque>(host, "Opaque");
    EXPECT_THROW(class_<Opaque>(host, "Again"), std::logic_error);
}

struct Shape {
    double r;
    static inline int destroyed = 0;
    explicit Shape(double r) : r(r) {}
    ~Shape() { ++destroyed; }
};

TEST_F(BindTest, FactoryAndModuleClass) {
    Module geo(host, "geo");
    auto unit = std::make_shared<Shape>(1.0);
    class_<Shape>(geo, "Circle")
        .init_factory([unit](double r) { return r == 1.0 ? unit : std::make_shared<Shape>(r); },
                      arg("r"))
        .def_property(
            "r", [](const Shape& s) { return s.r; },
            [](Shape& s, double r) {
                if (r < 0) throw std::domain_error("negative radius");
                s.r = r;
            });
    host.exec("import geo\nc = geo.Circle(2)\nc.r = 3\nu = geo.Circle(r=1)\nu.r = 5\n");
    EXPECT_EQ(eval_repr("c.r, type(c).__module__, type(c).__qualname__"), "(3.0, 'geo', 'Circle')");
    EXPECT_EQ(unit->r, 5.0);
    EXPECT_EQ(error_of("c.__setattr__('r', -1)"), "ValueError: negative radius");
    Shape::destroyed = 0;
    host.exec("del c, u\n");
    EXPECT_EQ(Shape::destroyed, 1);  // the unit circle lives on in `unit`
}

}  // namespace
}  // namespace gilt
