// Tests for exceptions (runtime/exception.hpp, runtime/errors.hpp):
// construction, repr/str and the attributes of the builtin kinds, raising
// and chaining, and the traceback printer. Every expected string was
// produced by CPython 3.11.
#include <gtest/gtest.h>

#include <cerrno>
#include <string>

#include "runtime/bytes.hpp"
#include "runtime/code.hpp"
#include "runtime/exception.hpp"
#include "runtime/gc.hpp"
#include "runtime/module.hpp"
#include "runtime/native_function.hpp"
#include "runtime_test_util.hpp"

namespace gilt {
namespace {

class ExceptionTest : public testing::RuntimeTest {
protected:
    // A code object named `name` in `file`, for traceback entries.
    Value code(const char* file, const char* name) {
        CodeObject* c = code_new(ts);
        c->filename = make_str(ts, file);
        c->name = make_str(ts, name);
        return keep(val(c));
    }
    std::string format(Value exc) { return format_exception(ts, exc); }
};

// --- repr and str ---

TEST_F(ExceptionTest, ReprAndStr) {
    EXPECT_EQ(repr(call(E.ValueError, {s("x")})), "ValueError('x')");
    EXPECT_EQ(repr(call(E.ValueError, {})), "ValueError()");
    EXPECT_EQ(repr(call(E.ValueError, {i(1), i(2)})), "ValueError(1, 2)");
    EXPECT_EQ(repr(call(E.ValueError, {s("")})), "ValueError('')");
    EXPECT_EQ(repr(call(E.BaseException, {s("x")})), "BaseException('x')");
    EXPECT_EQ(str(call(E.ValueError, {s("x")})), "x");
    EXPECT_EQ(str(call(E.ValueError, {})), "");
    EXPECT_EQ(str(call(E.ValueError, {s("a"), s("b")})), "('a', 'b')");
    EXPECT_EQ(str(call(E.ValueError, {call(E.ValueError, {s("a")})})), "a");
    EXPECT_EQ(repr(call(E.ValueError, {call(E.ValueError, {s("a")})})),
              "ValueError(ValueError('a'))");
}

TEST_F(ExceptionTest, KeyErrorShowsTheKeyRepr) {
    EXPECT_EQ(str(call(E.KeyError, {s("k")})), "'k'");
    EXPECT_EQ(str(call(E.KeyError, {s("")})), "''");
    EXPECT_EQ(str(call(E.KeyError, {})), "");
    EXPECT_EQ(str(call(E.KeyError, {i(1), i(2)})), "(1, 2)");
    EXPECT_EQ(repr(call(E.KeyError, {s("k")})), "KeyError('k')");
    EXPECT_EQ(str(call(E.KeyError, {call(E.KeyError, {s("a")})})), "KeyError('a')");
}

TEST_F(ExceptionTest, KeywordArgumentsAreRejected) {
    EXPECT_EQ(repr(call(E.BaseException, {}, {{"a", i(1)}})),
              "TypeError: BaseException() takes no keyword arguments");
    EXPECT_EQ(repr(call(E.ValueError, {}, {{"a", i(1)}})),
              "TypeError: ValueError() takes no keyword arguments");
    EXPECT_EQ(repr(call(E.OSError, {i(2), s("x")}, {{"b", i(1)}})),
              "TypeError: OSError() takes no keyword arguments");
    EXPECT_EQ(repr(call(E.StopIteration, {}, {{"a", i(1)}})),
              "TypeError: StopIteration() takes no keyword arguments");
    EXPECT_EQ(repr(call(E.UnicodeDecodeError, {}, {{"a", i(1)}})),
              "TypeError: UnicodeDecodeError() takes no keyword arguments");
}

TEST_F(ExceptionTest, ArgsAttribute) {
    Value e = call(E.ValueError, {i(1)});
    EXPECT_EQ(repr(attr(e, "args")), "(1,)");
    Value list = call(T.list, {tuple({i(1), i(2)})});
    ASSERT_EQ(obj_setattr(ts, e, s("args"), list), 0);
    EXPECT_EQ(repr(attr(e, "args")), "(1, 2)");
    EXPECT_EQ(obj_setattr(ts, e, s("args"), i(5)), -1);
    EXPECT_EQ(error(), "TypeError: 'int' object is not iterable");
    EXPECT_EQ(obj_delattr(ts, e, s("args")), -1);
    EXPECT_EQ(error(), "TypeError: args may not be deleted");
    ASSERT_EQ(obj_setattr(ts, e, s("args"), tuple({})), 0);
    EXPECT_EQ(repr(e), "ValueError()");
    EXPECT_EQ(str(e), "");
}

TEST_F(ExceptionTest, ChainAttributes) {
    Value e = call(E.ValueError, {});
    EXPECT_EQ(repr(attr(e, "__cause__")), "None");
    EXPECT_EQ(repr(attr(e, "__context__")), "None");
    EXPECT_EQ(repr(attr(e, "__traceback__")), "None");
    EXPECT_EQ(repr(attr(e, "__suppress_context__")), "False");
    EXPECT_EQ(obj_setattr(ts, e, s("__cause__"), i(1)), -1);
    EXPECT_EQ(error(), "TypeError: exception cause must be None or derive from BaseException");
    EXPECT_EQ(obj_setattr(ts, e, s("__context__"), i(1)), -1);
    EXPECT_EQ(error(), "TypeError: exception context must be None or derive from BaseException");
    EXPECT_EQ(obj_setattr(ts, e, s("__traceback__"), i(1)), -1);
    EXPECT_EQ(error(), "TypeError: __traceback__ must be a traceback or None");
    EXPECT_EQ(obj_delattr(ts, e, s("__cause__")), -1);
    EXPECT_EQ(error(), "TypeError: __cause__ may not be deleted");
    EXPECT_EQ(obj_setattr(ts, e, s("__suppress_context__"), i(5)), -1);
    EXPECT_EQ(error(), "TypeError: attribute value type must be bool");
    // Setting __cause__ also sets __suppress_context__, as `raise ... from` does.
    ASSERT_EQ(obj_setattr(ts, e, s("__cause__"), call(E.KeyError, {})), 0);
    EXPECT_EQ(repr(attr(e, "__suppress_context__")), "True");
    EXPECT_EQ(repr(attr(e, "__cause__")), "KeyError()");
}

TEST_F(ExceptionTest, WithTracebackAndNotes) {
    Value e = call(E.ValueError, {i(1)});
    Value with = attr(e, "with_traceback");
    EXPECT_EQ(call(with, {Value::none()}), e);
    EXPECT_EQ(repr(call(with, {i(5)})), "TypeError: __traceback__ must be a traceback or None");
    Value add_note = attr(e, "add_note");
    EXPECT_EQ(repr(call(add_note, {i(1)})), "TypeError: note must be a str, not 'int'");
    EXPECT_EQ(repr(attr(e, "__notes__")),
              "AttributeError: 'ValueError' object has no attribute '__notes__'");
    EXPECT_EQ(repr(call(add_note, {s("x")})), "None");
    // CPython keeps the notes in the instance __dict__.
    EXPECT_EQ(repr(attr(e, "__dict__")), "{'__notes__': ['x']}");
    ASSERT_EQ(obj_setattr(ts, e, s("__notes__"), i(1)), 0);
    EXPECT_EQ(repr(call(add_note, {s("y")})),
              "TypeError: Cannot add note: __notes__ is not a list");
}

TEST_F(ExceptionTest, ReduceAndDict) {
    Value e = call(E.ValueError, {i(1), i(2)});
    EXPECT_EQ(repr(call(attr(e, "__reduce__"), {})), "(<class 'ValueError'>, (1, 2))");
    ASSERT_EQ(obj_setattr(ts, e, s("foo"), i(1)), 0);
    EXPECT_EQ(repr(attr(e, "__dict__")), "{'foo': 1}");
    EXPECT_EQ(repr(attr(e, "foo")), "1");
}

// --- the builtin kinds ---

TEST_F(ExceptionTest, StopIterationAndSystemExit) {
    EXPECT_EQ(repr(attr(call(E.StopIteration, {}), "value")), "None");
    EXPECT_EQ(repr(attr(call(E.StopIteration, {i(5)}), "value")), "5");
    EXPECT_EQ(repr(attr(call(E.StopIteration, {i(1), i(2)}), "value")), "1");
    Value st = call(E.StopIteration, {i(5)});
    ASSERT_EQ(obj_setattr(ts, st, s("value"), i(6)), 0);
    EXPECT_EQ(repr(attr(st, "args")), "(5,)");
    EXPECT_EQ(repr(attr(call(E.SystemExit, {}), "code")), "None");
    EXPECT_EQ(repr(attr(call(E.SystemExit, {i(5)}), "code")), "5");
    EXPECT_EQ(repr(attr(call(E.SystemExit, {i(1), i(2)}), "code")), "(1, 2)");
    EXPECT_EQ(repr(call(E.SystemExit, {})), "SystemExit()");
    std::string message;
    EXPECT_EQ(system_exit_status(ts, call(E.SystemExit, {}), &message), 0);
    EXPECT_EQ(system_exit_status(ts, call(E.SystemExit, {i(3)}), &message), 3);
    EXPECT_EQ(system_exit_status(ts, call(E.SystemExit, {s("fatal")}), &message), 1);
    EXPECT_EQ(message, "fatal");
}

TEST_F(ExceptionTest, ImportAttributeNameErrors) {
    Value ie = call(E.ImportError, {s("x")}, {{"name", s("n")}, {"path", s("p")}});
    EXPECT_EQ(repr(attr(ie, "name")), "'n'");
    EXPECT_EQ(repr(attr(ie, "path")), "'p'");
    EXPECT_EQ(repr(attr(ie, "msg")), "'x'");
    EXPECT_EQ(str(ie), "x");
    EXPECT_EQ(repr(ie), "ImportError('x')");
    EXPECT_EQ(str(call(E.ImportError, {s("a"), s("b")})), "('a', 'b')");
    EXPECT_EQ(repr(attr(call(E.ImportError, {s("a"), s("b")}), "msg")), "None");
    EXPECT_EQ(repr(call(E.ImportError, {s("x")}, {{"foo", i(1)}})),
              "TypeError: 'foo' is an invalid keyword argument for ImportError()");
    EXPECT_EQ(repr(attr(call(E.ModuleNotFoundError, {s("a")}, {{"name", s("n")}}), "name")), "'n'");
    EXPECT_EQ(repr(attr(call(E.AttributeError, {s("a")}, {{"name", s("n")}}), "obj")), "None");
    EXPECT_EQ(repr(attr(call(E.AttributeError, {}), "name")), "None");
    EXPECT_EQ(repr(call(E.AttributeError, {s("x")}, {{"nme", s("n")}})),
              "TypeError: 'nme' is an invalid keyword argument for AttributeError()");
    EXPECT_EQ(repr(attr(call(E.NameError, {s("x")}, {{"name", s("n")}}), "name")), "'n'");
    EXPECT_EQ(repr(call(E.NameError, {s("a")}, {{"name", s("n")}, {"obj", i(1)}})),
              "TypeError: NameError() takes at most 1 keyword argument (2 given)");
}

TEST_F(ExceptionTest, OSErrorPicksTheErrnoSubclass) {
    Value e = call(E.OSError, {i(2), s("x")});
    EXPECT_EQ(repr(e), "FileNotFoundError(2, 'x')");
    EXPECT_EQ(str(e), "[Errno 2] x");
    EXPECT_EQ(repr(attr(e, "errno")), "2");
    EXPECT_EQ(repr(attr(e, "strerror")), "'x'");
    EXPECT_EQ(repr(attr(e, "filename")), "None");
    Value f = call(E.OSError, {i(2), s("x"), s("f")});
    EXPECT_EQ(str(f), "[Errno 2] x: 'f'");
    EXPECT_EQ(repr(f), "FileNotFoundError(2, 'x')");
    EXPECT_EQ(repr(attr(f, "args")), "(2, 'x')");
    EXPECT_EQ(str(call(E.OSError, {i(2), s("x"), s("f"), Value::none(), s("g")})),
              "[Errno 2] x: 'f' -> 'g'");
    EXPECT_EQ(repr(call(E.OSError, {i(1), i(2), i(3), i(4), i(5), i(6)})),
              "OSError(1, 2, 3, 4, 5, 6)");
    EXPECT_EQ(repr(attr(call(E.OSError, {i(1)}), "errno")), "None");
    EXPECT_EQ(str(call(E.OSError, {})), "");
    EXPECT_EQ(str(call(E.OSError, {s("a")})), "a");
    EXPECT_EQ(str(call(E.OSError, {s("a"), s("b")})), "[Errno a] b");
    EXPECT_EQ(repr(call(E.OSError, {i(17), s("x")})), "FileExistsError(17, 'x')");
    EXPECT_EQ(repr(call(E.OSError, {i(13), s("x")})), "PermissionError(13, 'x')");
    EXPECT_EQ(repr(call(E.FileNotFoundError, {i(17), s("x")})), "FileNotFoundError(17, 'x')");
    Value b = call(E.BlockingIOError, {i(11), s("x"), i(5)});
    EXPECT_EQ(repr(attr(b, "characters_written")), "5");
    EXPECT_EQ(repr(attr(b, "args")), "(11, 'x', 5)");
    EXPECT_EQ(str(b), "[Errno 11] x");
    EXPECT_EQ(repr(attr(call(E.BlockingIOError, {i(11), s("x")}), "characters_written")),
              "AttributeError: characters_written");
    Value g = call(E.OSError, {i(2), s("x"), s("f")});
    ASSERT_EQ(obj_setattr(ts, g, s("filename"), Value::none()), 0);
    EXPECT_EQ(str(g), "[Errno 2] x: None");
}

TEST_F(ExceptionTest, SyntaxErrorFields) {
    EXPECT_EQ(str(call(E.SyntaxError, {s("m"), tuple({s("f"), i(1), i(2), s("t")})})),
              "m (f, line 1)");
    EXPECT_EQ(
        str(call(E.SyntaxError, {s("m"), tuple({s("a/b/f.py"), i(1), i(2), s("t"), i(1), i(2)})})),
        "m (f.py, line 1)");
    EXPECT_EQ(str(call(E.SyntaxError, {s("m"), tuple({s("f"), Value::none(), i(2), s("t")})})),
              "m (f)");
    EXPECT_EQ(str(call(E.SyntaxError, {s("m"), tuple({Value::none(), i(3), i(2), s("t")})})),
              "m (line 3)");
    EXPECT_EQ(str(call(E.SyntaxError, {s("m"), tuple({s("f.py"), Value::true_(), i(2), s("t")})})),
              "m (f.py)");
    EXPECT_EQ(str(call(E.SyntaxError, {s("m")})), "m");
    EXPECT_EQ(str(call(E.SyntaxError, {})), "None");
    EXPECT_EQ(repr(call(E.SyntaxError, {s("m"), tuple({s("f"), i(1), i(2), s("t")})})),
              "SyntaxError('m', ('f', 1, 2, 't'))");
    EXPECT_EQ(repr(call(E.SyntaxError, {s("m"), tuple({s("f"), i(1), i(2)})})),
              "TypeError: function takes at least 4 arguments (3 given)");
    EXPECT_EQ(
        repr(call(E.SyntaxError, {s("m"), tuple({s("f"), i(1), i(2), s("t"), i(1), i(2), i(3)})})),
        "TypeError: function takes at most 6 arguments (7 given)");
    EXPECT_EQ(repr(call(E.SyntaxError, {s("m"), tuple({i(1), i(2), i(3), i(4), i(5)})})),
              "TypeError: end_offset must be provided when end_lineno is provided");
    EXPECT_EQ(repr(call(E.SyntaxError, {s("m"), i(1)})), "TypeError: 'int' object is not iterable");
    Value e = call(E.SyntaxError, {s("m"), tuple({s("f"), i(1), i(2), s("t"), i(1), i(4)})});
    EXPECT_EQ(repr(attr(e, "end_offset")), "4");
    EXPECT_EQ(repr(attr(e, "print_file_and_line")), "None");
    EXPECT_EQ(repr(attr(e, "msg")), "'m'");
}

TEST_F(ExceptionTest, UnicodeErrors) {
    Value ff = keep(make_bytes(ts, "\xff"));
    EXPECT_EQ(
        str(call(E.UnicodeDecodeError, {s("utf-8"), ff, i(0), i(1), s("invalid start byte")})),
        "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
    Value fffe = keep(make_bytes(ts, "\xff\xfe"));
    EXPECT_EQ(str(call(E.UnicodeDecodeError, {s("utf-8"), fffe, i(0), i(2), s("invalid")})),
              "'utf-8' codec can't decode bytes in position 0-1: invalid");
    Value abc = keep(make_bytes(ts, "abc"));
    EXPECT_EQ(str(call(E.UnicodeDecodeError, {s("utf-8"), abc, i(5), i(9), s("r")})),
              "'utf-8' codec can't decode bytes in position 5-8: r");
    EXPECT_EQ(repr(call(E.UnicodeDecodeError, {s("utf-8"), s("abc"), i(0), i(1), s("r")})),
              "TypeError: a bytes-like object is required, not 'str'");
    EXPECT_EQ(repr(call(E.UnicodeDecodeError, {s("utf-8"), abc, i(0), i(1)})),
              "TypeError: function takes exactly 5 arguments (4 given)");
    EXPECT_EQ(
        repr(attr(call(E.UnicodeDecodeError, {s("utf-8"), abc, i(-1), i(9), s("r")}), "start")),
        "-1");
    EXPECT_EQ(
        str(call(E.UnicodeEncodeError,
                 {s("ascii"), s("\xc3\xa9"), i(0), i(1), s("ordinal not in range(128)")})),
        "'ascii' codec can't encode character '\\xe9' in position 0: ordinal not in range(128)");
    EXPECT_EQ(str(call(E.UnicodeEncodeError, {s("ascii"), s("\xe2\x82\xac"), i(0), i(1), s("x")})),
              "'ascii' codec can't encode character '\\u20ac' in position 0: x");
    EXPECT_EQ(
        str(call(E.UnicodeEncodeError, {s("ascii"), s("\xf0\x9f\x98\x80"), i(0), i(1), s("x")})),
        "'ascii' codec can't encode character '\\U0001f600' in position 0: x");
    EXPECT_EQ(str(call(E.UnicodeEncodeError, {s("ascii"), s("ab"), i(0), i(2), s("x")})),
              "'ascii' codec can't encode characters in position 0-1: x");
    EXPECT_EQ(str(call(E.UnicodeTranslateError, {s("\xc3\xa9"), i(0), i(1), s("x")})),
              "can't translate character '\\xe9' in position 0: x");
    EXPECT_EQ(str(call(E.UnicodeError, {s("x")})), "x");
}

TEST_F(ExceptionTest, HierarchyAndDocs) {
    EXPECT_TRUE(type_is_subtype(E.FileNotFoundError, E.OSError));
    EXPECT_TRUE(type_is_subtype(E.TabError, E.SyntaxError));
    EXPECT_TRUE(type_is_subtype(E.KeyboardInterrupt, E.BaseException));
    EXPECT_FALSE(type_is_subtype(E.KeyboardInterrupt, E.Exception));
    EXPECT_EQ(repr(attr(val(E.ValueError), "__doc__")),
              "'Inappropriate argument value (of correct type).'");
    EXPECT_EQ(
        repr(attr(val(E.ValueError), "__mro__")),
        "(<class 'ValueError'>, <class 'Exception'>, <class 'BaseException'>, <class 'object'>)");
}

// --- raising ---

TEST_F(ExceptionTest, RaiseChainsTheHandledException) {
    Value handled = call(E.KeyError, {s("k")});
    ts.exc_info = new_ref(handled);
    raise(ts, E.ValueError, "boom");
    Ref exc(fetch_exception(ts));
    EXPECT_EQ(exc_obj(*exc)->context, handled);
    // Raising the handled exception again must not make it its own context,
    // and a cycle through the chain is cut.
    exception_set_context(handled, *exc);
    raise_instance(ts, new_ref(*exc));
    Ref again(fetch_exception(ts));
    EXPECT_EQ(exc_obj(*again)->context, handled);
    EXPECT_TRUE(exc_obj(handled)->context.is_null());
    clear_ref(ts.exc_info);
}

TEST_F(ExceptionTest, RaiseObject) {
    EXPECT_TRUE(raise_object(ts, val(E.ValueError)).is_null());
    EXPECT_EQ(error(), "ValueError");
    Value inst = call(E.KeyError, {s("x")});
    EXPECT_TRUE(raise_object(ts, inst).is_null());
    EXPECT_EQ(ts.exc, inst);
    clear_exception(ts);
    EXPECT_TRUE(raise_object(ts, i(5)).is_null());
    EXPECT_EQ(error(), "TypeError: exceptions must derive from BaseException");
    EXPECT_TRUE(raise_object(ts, val(T.int_)).is_null());
    EXPECT_EQ(error(), "TypeError: exceptions must derive from BaseException");
}

TEST_F(ExceptionTest, RaiseHelpers) {
    raise_key_error(ts, tuple({i(1), i(2)}));
    EXPECT_EQ(error(), "KeyError: (1, 2)");
    raise_stop_iteration(ts, Value::none());
    Ref stop(fetch_exception(ts));
    EXPECT_EQ(repr(*stop), "StopIteration()");
    raise_stop_iteration(ts, i(7));
    Ref stop7(fetch_exception(ts));
    EXPECT_EQ(repr(stop_iteration_value(ts, *stop7)), "7");
    raise_memory_error(ts);
    EXPECT_EQ(error(), "MemoryError");
    raise_recursion_error(ts, " while calling a Python object");
    EXPECT_EQ(error(),
              "RecursionError: maximum recursion depth exceeded while calling a Python object");
    raise_type_error_unsupported(ts, "+", i(1), s("a"));
    EXPECT_EQ(error(), "TypeError: unsupported operand type(s) for +: 'int' and 'str'");
    raise_not_callable(ts, i(1));
    EXPECT_EQ(error(), "TypeError: 'int' object is not callable");
    raise_not_iterable(ts, i(1));
    EXPECT_EQ(error(), "TypeError: 'int' object is not iterable");
    raise_unhashable(ts, call(T.list, {}));
    EXPECT_EQ(error(), "TypeError: unhashable type: 'list'");
    raise_attribute_error(ts, i(1), s("x"));
    EXPECT_EQ(error(), "AttributeError: 'int' object has no attribute 'x'");
    raise_attribute_error(ts, val(T.int_), s("x"));
    EXPECT_EQ(error(), "AttributeError: type object 'int' has no attribute 'x'");
    Value m = keep(module_new(ts, "m"));
    raise_attribute_error(ts, m, s("x"));
    EXPECT_EQ(error(), "AttributeError: module 'm' has no attribute 'x'");
    raise_name_error(ts, s("foo"));
    Ref ne(fetch_exception(ts));
    EXPECT_EQ(str(*ne), "name 'foo' is not defined");
    EXPECT_EQ(repr(attr(*ne, "name")), "'foo'");
}

TEST_F(ExceptionTest, AttributeErrorContext) {
    raise_attribute_error(ts, i(1), s("x"));
    Ref e(fetch_exception(ts));
    EXPECT_EQ(repr(attr(*e, "name")), "'x'");
    EXPECT_EQ(repr(attr(*e, "obj")), "1");
}

TEST_F(ExceptionTest, RaiseOSError) {
    Value name = s("x");
    raise_os_error(ts, ENOENT, name);
    Ref e(fetch_exception(ts));
    EXPECT_EQ(type_of_object(*e), E.FileNotFoundError);
    EXPECT_EQ(str(*e), "[Errno 2] No such file or directory: 'x'");
    EXPECT_EQ(repr(attr(*e, "errno")), "2");
    EXPECT_EQ(repr(attr(*e, "filename")), "'x'");
    raise_os_error(ts, EACCES);
    EXPECT_EQ(error(), "PermissionError: [Errno 13] Permission denied");
    raise_os_error(ts, EPIPE);
    EXPECT_EQ(error(), "BrokenPipeError: [Errno 32] Broken pipe");
    raise_os_error(ts, EAGAIN);
    EXPECT_EQ(error(), "BlockingIOError: [Errno 11] Resource temporarily unavailable");
}

TEST_F(ExceptionTest, MatchesSpec) {
    Value e = call(E.FileNotFoundError, {});
    EXPECT_EQ(exception_matches_spec(ts, e, val(E.OSError)), 1);
    EXPECT_EQ(exception_matches_spec(ts, e, val(E.KeyError)), 0);
    EXPECT_EQ(exception_matches_spec(ts, e, tuple({val(E.KeyError), val(E.Exception)})), 1);
    EXPECT_EQ(exception_matches_spec(ts, e, tuple({val(E.KeyError), i(1)})), -1);
    EXPECT_EQ(error(),
              "TypeError: catching classes that do not inherit from BaseException is not allowed");
    EXPECT_EQ(exception_matches_spec(ts, e, val(T.int_)), -1);
    EXPECT_EQ(error(),
              "TypeError: catching classes that do not inherit from BaseException is not allowed");
}

// --- printing ---

TEST_F(ExceptionTest, FormatMessageLine) {
    EXPECT_EQ(format(call(E.ValueError, {s("x")})), "ValueError: x\n");
    EXPECT_EQ(format(call(E.ValueError, {})), "ValueError\n");
    EXPECT_EQ(format(call(E.KeyError, {s("k")})), "KeyError: 'k'\n");
    EXPECT_EQ(format_exception_only(ts, call(E.ValueError, {s("x")})), "ValueError: x");
    Value mine = make_class("MyError", {val(E.Exception)}, {{"__module__", s("pkg.mod")}});
    EXPECT_EQ(format(call(mine, {s("hi")})), "pkg.mod.MyError: hi\n");
    Value in_main = make_class("MyError", {val(E.Exception)}, {{"__module__", s("__main__")}});
    EXPECT_EQ(format(call(in_main, {s("hi")})), "MyError: hi\n");
    Value odd = make_class("MyError", {val(E.Exception)}, {{"__module__", i(5)}});
    EXPECT_EQ(format(call(odd, {s("hi")})), "<unknown>.MyError: hi\n");
}

Value raising_str(ThreadState& ts, Args) {
    return raise(ts, ts.exc_types().ValueError, "no");
}

TEST_F(ExceptionTest, FormatWhenStrFails) {
    Value f = keep(make_native_function(ts, "__str__", raising_str));
    Value cls =
        make_class("E", {val(E.Exception)}, {{"__module__", s("__main__")}, {"__str__", f}});
    EXPECT_EQ(format(call(cls, {})), "E: <exception str() failed>\n");
}

TEST_F(ExceptionTest, FormatChains) {
    Value cause = call(E.ValueError, {s("a")});
    Value top = call(E.KeyError, {s("b")});
    exception_set_cause(top, cause);
    EXPECT_EQ(format(top),
              "ValueError: a\n"
              "\nThe above exception was the direct cause of the following exception:\n\n"
              "KeyError: 'b'\n");
    Value ctx_top = call(E.RuntimeError, {s("c")});
    exception_set_context(ctx_top, top);
    EXPECT_EQ(format(ctx_top),
              "ValueError: a\n"
              "\nThe above exception was the direct cause of the following exception:\n\n"
              "KeyError: 'b'\n"
              "\nDuring handling of the above exception, another exception occurred:\n\n"
              "RuntimeError: c\n");
    // `raise ... from None`
    Value suppressed = call(E.RuntimeError, {s("d")});
    exception_set_context(suppressed, cause);
    exception_set_cause(suppressed, Value::none());
    EXPECT_EQ(format(suppressed), "RuntimeError: d\n");
    // A context cycle prints each exception once.
    Value a = call(E.ValueError, {s("1")});
    Value b = call(E.ValueError, {s("2")});
    exception_set_context(a, b);
    exception_set_context(b, a);
    EXPECT_EQ(format(a),
              "ValueError: 2\n"
              "\nDuring handling of the above exception, another exception occurred:\n\n"
              "ValueError: 1\n");
    exception_set_context(a, Value::none());
}

TEST_F(ExceptionTest, FormatNotes) {
    Value e = call(E.ValueError, {s("v")});
    Value add = attr(e, "add_note");
    call(add, {s("note1")});
    call(add, {s("multi\nline")});
    call(add, {s("")});
    EXPECT_EQ(format(e), "ValueError: v\nnote1\nmulti\nline\n\n");
    Value odd = call(E.ValueError, {s("v")});
    ASSERT_EQ(obj_setattr(ts, odd, s("__notes__"), i(42)), 0);
    EXPECT_EQ(format(odd), "ValueError: v\n42");
}

TEST_F(ExceptionTest, FormatTraceback) {
    register_source(ts, "/virtual/app.py", "def f(x):\n    return 10 // x\nprint('hi')\nf(0)\n");
    Value e = call(E.ZeroDivisionError, {s("integer division or modulo by zero")});
    ASSERT_TRUE(exception_add_traceback(ts, e, code("/virtual/app.py", "f"), 2));
    ASSERT_TRUE(exception_add_traceback(ts, e, code("/virtual/app.py", "<module>"), 4));
    EXPECT_EQ(format(e),
              "Traceback (most recent call last):\n"
              "  File \"/virtual/app.py\", line 4, in <module>\n"
              "    f(0)\n"
              "  File \"/virtual/app.py\", line 2, in f\n"
              "    return 10 // x\n"
              "ZeroDivisionError: integer division or modulo by zero\n");
    // Pseudo-files show no source, as in CPython.
    register_source(ts, "<string>", "x\n");
    Value p = call(E.ValueError, {});
    exception_add_traceback(ts, p, code("<string>", "<module>"), 1);
    EXPECT_EQ(format(p),
              "Traceback (most recent call last):\n  File \"<string>\", line 1, in "
              "<module>\nValueError\n");
}

TEST_F(ExceptionTest, FormatCollapsesRecursion) {
    register_source(ts, "/virtual/rec.py",
                    "def f(n):\n    if n == 0: raise KeyError(n)\n    f(n-1)\nf(10)\n");
    Value e = call(E.KeyError, {i(0)});
    Value f = code("/virtual/rec.py", "f");
    exception_add_traceback(ts, e, f, 2);
    for (int k = 0; k < 10; ++k) exception_add_traceback(ts, e, f, 3);
    exception_add_traceback(ts, e, code("/virtual/rec.py", "<module>"), 4);
    std::string entry = "  File \"/virtual/rec.py\", line 3, in f\n    f(n-1)\n";
    EXPECT_EQ(format(e),
              "Traceback (most recent call last):\n"
              "  File \"/virtual/rec.py\", line 4, in <module>\n    f(10)\n" +
                  entry + entry + entry +
                  "  [Previous line repeated 7 more times]\n"
                  "  File \"/virtual/rec.py\", line 2, in f\n"
                  "    if n == 0: raise KeyError(n)\n"
                  "KeyError: 0\n");
    // sys.tracebacklimit keeps the innermost entries; 0 drops the traceback.
    Value sys_dict = module_dict(interp.sys);
    ASSERT_TRUE(dict_set_cstr(ts, sys_dict, "tracebacklimit", i(2)));
    EXPECT_EQ(format(e), "Traceback (most recent call last):\n" + entry +
                             "  File \"/virtual/rec.py\", line 2, in f\n"
                             "    if n == 0: raise KeyError(n)\n"
                             "KeyError: 0\n");
    ASSERT_TRUE(dict_set_cstr(ts, sys_dict, "tracebacklimit", i(0)));
    EXPECT_EQ(format(e), "KeyError: 0\n");
    ASSERT_EQ(dict_del(ts, sys_dict, s("tracebacklimit")), 1);
}

TEST_F(ExceptionTest, FormatSyntaxError) {
    auto syntax = [&](TypeObject* t, std::initializer_list<Value> info) {
        return format(call(t, {s("bad"), tuple(info)}));
    };
    Value none = Value::none();
    EXPECT_EQ(syntax(E.SyntaxError, {s("f.py"), i(3), i(5), s("  foo bar baz\n"), i(3), i(9)}),
              "  File \"f.py\", line 3\n    foo bar baz\n      ^^^^\nSyntaxError: bad\n");
    EXPECT_EQ(syntax(E.SyntaxError, {s("f.py"), i(3), i(5), s("  foo bar baz\n"), i(4), i(9)}),
              "  File \"f.py\", line 3\n    foo bar baz\n      ^^^^^^^^^\nSyntaxError: bad\n");
    EXPECT_EQ(syntax(E.SyntaxError, {s("f.py"), i(3), i(5), s("  foo bar baz"), i(3), i(90)}),
              "  File \"f.py\", line 3\n    foo bar baz\n      ^^^^^^^^^\nSyntaxError: bad\n");
    EXPECT_EQ(syntax(E.SyntaxError, {s("f.py"), i(3), i(0), s("  foo bar baz"), i(3), i(0)}),
              "  File \"f.py\", line 3\n    foo bar baz\nSyntaxError: bad\n");
    EXPECT_EQ(syntax(E.SyntaxError, {s("f.py"), i(3), none, s("foo"), none, none}),
              "  File \"f.py\", line 3\n    foo\nSyntaxError: bad\n");
    EXPECT_EQ(syntax(E.SyntaxError, {none, i(3), i(2), s("foo"), none, none}),
              "  File \"<string>\", line 3\n    foo\n     ^\nSyntaxError: bad\n");
    EXPECT_EQ(syntax(E.SyntaxError, {s("f.py"), none, i(2), s("foo"), none, none}),
              "SyntaxError: bad (f.py)\n");
    EXPECT_EQ(syntax(E.SyntaxError, {s("f.py"), i(1), i(2), none, none, none}),
              "  File \"f.py\", line 1\nSyntaxError: bad\n");
    EXPECT_EQ(syntax(E.IndentationError, {s("f.py"), i(1), i(2), s("abcdef"), i(1), i(5)}),
              "  File \"f.py\", line 1\n    abcdef\n     ^\nIndentationError: bad\n");
    EXPECT_EQ(syntax(E.SyntaxError, {s("f.py"), i(1), i(7), s("ab\ncd\nef"), i(1), i(8)}),
              "  File \"f.py\", line 1\n    ef\n    ^\nSyntaxError: bad\n");
    EXPECT_EQ(format(call(E.SyntaxError, {s("bad")})), "SyntaxError: bad\n");
    EXPECT_EQ(format(call(E.SyntaxError, {})), "SyntaxError: None\n");
    Value made = keep(
        make_syntax_error(ts, E.SyntaxError, "invalid syntax", "x.py", 2, 8, "x = 5 +* 3\n", 2, 9));
    EXPECT_EQ(
        format(made),
        "  File \"x.py\", line 2\n    x = 5 +* 3\n           ^\nSyntaxError: invalid syntax\n");
    EXPECT_EQ(format_exception_only(ts, made), "SyntaxError: invalid syntax");
}

TEST_F(ExceptionTest, Suggestions) {
    Value lst = call(T.list, {});
    Value ae = call(E.AttributeError, {s("'list' object has no attribute 'appendd'")},
                    {{"name", s("appendd")}, {"obj", lst}});
    EXPECT_EQ(format_exception_only(ts, ae),
              "AttributeError: 'list' object has no attribute 'appendd'. Did you mean: 'append'?");
    // Only the exact type: a subclass gets no suggestion.
    Value sub = make_class("MyAE", {val(E.AttributeError)}, {{"__module__", s("__main__")}});
    Value se = call(sub, {s("x")}, {{"name", s("appendd")}, {"obj", lst}});
    EXPECT_EQ(format_exception_only(ts, se), "MyAE: x");
    // NameError: the innermost frame's locals, then globals, then builtins.
    Value globals = keep(dict_new(ts));
    ASSERT_TRUE(dict_set_cstr(ts, globals, "counter", i(1)));
    raise_name_error(ts, s("countr"));
    Ref ne(fetch_exception(ts));
    exception_add_traceback(ts, *ne, code("/virtual/n.py", "<module>"), 1, globals);
    EXPECT_EQ(format_exception_only(ts, *ne),
              "NameError: name 'countr' is not defined. Did you mean: 'counter'?");
    raise_name_error(ts, s("lenn"));
    Ref ne2(fetch_exception(ts));
    exception_add_traceback(ts, *ne2, code("/virtual/n.py", "<module>"), 1, globals);
    EXPECT_EQ(format_exception_only(ts, *ne2),
              "NameError: name 'lenn' is not defined. Did you mean: 'len'?");
    raise_name_error(ts, s("zzzzzz"));
    Ref ne3(fetch_exception(ts));
    exception_add_traceback(ts, *ne3, code("/virtual/n.py", "<module>"), 1, globals);
    EXPECT_EQ(format_exception_only(ts, *ne3), "NameError: name 'zzzzzz' is not defined");
}

TEST_F(ExceptionTest, TracebackObjects) {
    Value e = call(E.ValueError, {});
    exception_add_traceback(ts, e, code("a.py", "f"), 7);
    exception_add_traceback(ts, e, code("a.py", "g"), 3);
    Value tb = attr(e, "__traceback__");
    EXPECT_EQ(repr(attr(tb, "tb_lineno")), "3");
    Value inner = attr(tb, "tb_next");
    EXPECT_EQ(repr(attr(inner, "tb_lineno")), "7");
    EXPECT_EQ(repr(attr(inner, "tb_next")), "None");
    EXPECT_EQ(obj_setattr(ts, inner, s("tb_next"), tb), -1);
    EXPECT_EQ(error(), "ValueError: traceback loop detected");
    EXPECT_EQ(obj_setattr(ts, inner, s("tb_next"), i(1)), -1);
    EXPECT_EQ(error(), "TypeError: expected traceback object or None, got 'int'");
    EXPECT_EQ(obj_setattr(ts, tb, s("tb_lineno"), i(1)), -1);
    EXPECT_EQ(error(),
              "AttributeError: attribute 'tb_lineno' of 'traceback' objects is not writable");
}

}  // namespace
}  // namespace gilt
