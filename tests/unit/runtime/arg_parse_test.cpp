// Tests for argument parsing (runtime/arg_parse.hpp). The specs mirror real
// CPython functions, whose error messages (from CPython 3.11) the parser
// must reproduce, in the same order of checks.
#include "runtime/arg_parse.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "runtime_test_util.hpp"

namespace gilt {
namespace {

class ArgParseTest : public testing::RuntimeTest {
protected:
    // Builds the Args of a call f(*pos, **kw).
    Args make_args(std::initializer_list<Value> pos,
                   std::initializer_list<std::pair<const char*, Value>> kw) {
        m_argv.assign(pos);
        Value names = Value();
        if (kw.size()) {
            names = keep(tuple_new(ts, kw.size()));
            uint64_t k = 0;
            for (auto& [name, value] : kw) {
                tuple_obj(names)->items[k++] = interp.intern(name);
                m_argv.push_back(value);
            }
        }
        return Args{m_argv.data(), static_cast<uint32_t>(pos.size()),
                    names.is_null() ? nullptr : tuple_obj(names)};
    }

    // Parses and shows the outputs as "a=1 b=- ..." ('-' for absent), or the error.
    std::string parse(std::string_view fname, std::initializer_list<std::string_view> spec,
                      std::initializer_list<Value> pos,
                      std::initializer_list<std::pair<const char*, Value>> kw = {}) {
        Args args = make_args(pos, kw);
        std::vector<std::string> names;
        for (std::string_view p : spec)
            if (p != "|") names.emplace_back(p[0] == '$' || p[0] == '/' ? p.substr(1) : p);
        Value out[6];
        Value* ptrs[6] = {&out[0], &out[1], &out[2], &out[3], &out[4], &out[5]};
        bool ok = false;
        switch (names.size()) {
            case 1:
                ok = parse_args(ts, args, fname, spec, {ptrs[0]});
                break;
            case 2:
                ok = parse_args(ts, args, fname, spec, {ptrs[0], ptrs[1]});
                break;
            case 3:
                ok = parse_args(ts, args, fname, spec, {ptrs[0], ptrs[1], ptrs[2]});
                break;
            case 4:
                ok = parse_args(ts, args, fname, spec, {ptrs[0], ptrs[1], ptrs[2], ptrs[3]});
                break;
            default:
                ADD_FAILURE() << "unsupported spec size";
        }
        if (!ok) return error();
        std::string shown;
        for (std::size_t k = 0; k < names.size(); ++k) {
            if (k) shown += ' ';
            shown += names[k] + "=" + (out[k].is_null() ? std::string("-") : repr(out[k]));
        }
        return shown;
    }

    std::string nargs(std::string_view fname, uint32_t min, uint32_t max,
                      std::initializer_list<Value> pos,
                      std::initializer_list<std::pair<const char*, Value>> kw = {}) {
        return check_nargs(ts, make_args(pos, kw), fname, min, max) ? "ok" : error();
    }

private:
    std::vector<Value> m_argv;
};

TEST_F(ArgParseTest, Successes) {
    EXPECT_EQ(parse("split", {"|", "sep", "maxsplit"}, {}), "sep=- maxsplit=-");
    EXPECT_EQ(parse("split", {"|", "sep", "maxsplit"}, {s(",")}), "sep=',' maxsplit=-");
    EXPECT_EQ(parse("split", {"|", "sep", "maxsplit"}, {}, {{"maxsplit", i(2)}}),
              "sep=- maxsplit=2");
    EXPECT_EQ(parse("split", {"|", "sep", "maxsplit"}, {s(",")}, {{"maxsplit", i(2)}}),
              "sep=',' maxsplit=2");
    EXPECT_EQ(parse("sort", {"$key", "$reverse"}, {}, {{"reverse", Value::true_()}}),
              "key=- reverse=True");
    EXPECT_EQ(parse("pow", {"base", "exp", "|", "mod"}, {i(2)}, {{"exp", i(3)}}),
              "base=2 exp=3 mod=-");
    EXPECT_EQ(parse("round", {"number", "|", "/ndigits"}, {i(1), i(2)}), "number=1 ndigits=2");
}

TEST_F(ArgParseTest, TooManyArguments) {
    EXPECT_EQ(parse("split", {"|", "sep", "maxsplit"}, {i(1), i(2), i(3)}),
              "TypeError: split() takes at most 2 arguments (3 given)");
    EXPECT_EQ(parse("pow", {"base", "exp", "|", "mod"}, {i(1), i(2), i(3), i(4)}),
              "TypeError: pow() takes at most 3 arguments (4 given)");
    EXPECT_EQ(parse("sort", {"$key", "$reverse"}, {},
                    {{"reverse", i(1)}, {"key", Value::none()}, {"x", i(1)}}),
              "TypeError: sort() takes at most 2 keyword arguments (3 given)");
    EXPECT_EQ(parse("sort", {"$key", "$reverse"}, {i(1)}),
              "TypeError: sort() takes no positional arguments");
    EXPECT_EQ(parse("to_bytes", {"|", "length", "byteorder", "$signed"}, {i(1), s("big"), i(1)}),
              "TypeError: to_bytes() takes at most 2 positional arguments (3 given)");
    EXPECT_EQ(parse("to_bytes", {"|", "length", "byteorder", "$signed"}, {i(1), s("big")},
                    {{"signed", Value::true_()}, {"x", i(1)}}),
              "TypeError: to_bytes() takes at most 3 arguments (4 given)");
    EXPECT_EQ(parse("f", {"a", "b"}, {i(1), i(2), i(3)}),
              "TypeError: f() takes at most 2 arguments (3 given)");
    EXPECT_EQ(parse("f", {"a", "b", "$c"}, {i(1), i(2), i(3)}),
              "TypeError: f() takes exactly 2 positional arguments (3 given)");
}

TEST_F(ArgParseTest, MissingArguments) {
    EXPECT_EQ(parse("round", {"number", "|", "ndigits"}, {}),
              "TypeError: round() missing required argument 'number' (pos 1)");
    EXPECT_EQ(parse("pow", {"base", "exp", "|", "mod"}, {i(1)}),
              "TypeError: pow() missing required argument 'exp' (pos 2)");
    // A missing required argument is reported before an unknown keyword.
    EXPECT_EQ(parse("pow", {"base", "exp", "|", "mod"}, {}, {{"base", i(2)}, {"ex", i(3)}}),
              "TypeError: pow() missing required argument 'exp' (pos 2)");
    EXPECT_EQ(parse("f", {"a", "$b", "|"}, {i(1)}),
              "TypeError: f() missing required argument 'b' (pos 2)");
    EXPECT_EQ(parse("f", {"a", "$b"}, {i(1)}),
              "a=1 b=-");  // without '|', keyword-only ones are optional
    EXPECT_EQ(parse("f", {"/a", "|", "b"}, {}, {{"b", i(1)}}),
              "TypeError: f() takes at least 1 positional argument (0 given)");
    EXPECT_EQ(parse("f", {"/a", "/b"}, {i(1)}),
              "TypeError: f() takes exactly 2 positional arguments (1 given)");
}

TEST_F(ArgParseTest, KeywordErrors) {
    EXPECT_EQ(parse("split", {"|", "sep", "maxsplit"}, {s("a")}, {{"sep", s("a")}}),
              "TypeError: argument for split() given by name ('sep') and position (1)");
    EXPECT_EQ(parse("split", {"|", "sep", "maxsplit"}, {}, {{"x", i(1)}}),
              "TypeError: 'x' is an invalid keyword argument for split()");
    // A positional-only parameter cannot be passed by name.
    EXPECT_EQ(parse("round", {"/number", "|", "ndigits"}, {i(1)}, {{"number", i(1)}}),
              "TypeError: 'number' is an invalid keyword argument for round()");
}

TEST_F(ArgParseTest, CheckNargs) {
    EXPECT_EQ(nargs("len", 1, 1, {i(1)}), "ok");
    EXPECT_EQ(nargs("len", 1, 1, {}), "TypeError: len() takes exactly one argument (0 given)");
    EXPECT_EQ(nargs("list.append", 1, 1, {i(1), i(2)}),
              "TypeError: list.append() takes exactly one argument (2 given)");
    EXPECT_EQ(nargs("divmod", 2, 2, {i(1)}), "TypeError: divmod expected 2 arguments, got 1");
    EXPECT_EQ(nargs("getattr", 2, 3, {i(1)}),
              "TypeError: getattr expected at least 2 arguments, got 1");
    EXPECT_EQ(nargs("pop", 0, 1, {i(1), i(2)}),
              "TypeError: pop expected at most 1 argument, got 2");
    EXPECT_EQ(nargs("range", 1, 3, {}), "TypeError: range expected at least 1 argument, got 0");
    EXPECT_EQ(nargs("list.clear", 0, 0, {i(1)}),
              "TypeError: list.clear() takes no arguments (1 given)");
    EXPECT_EQ(nargs("len", 1, 1, {i(1)}, {{"x", i(1)}}),
              "TypeError: len() takes no keyword arguments");
}

TEST_F(ArgParseTest, NoKwargs) {
    EXPECT_TRUE(no_kwargs(ts, make_args({i(1)}, {}), "f"));
    EXPECT_FALSE(no_kwargs(ts, make_args({}, {{"a", i(1)}}), "str.join"));
    EXPECT_EQ(error(), "TypeError: str.join() takes no keyword arguments");
}

}  // namespace
}  // namespace gilt
