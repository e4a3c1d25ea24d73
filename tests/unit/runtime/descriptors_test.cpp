// Tests for descriptors and the objects around them: property,
// classmethod/staticmethod, getset descriptors, bound methods, super,
// native functions and slot wrappers, modules and the None/NotImplemented/
// Ellipsis types. Expected strings come from CPython 3.11.
#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "runtime/descriptors.hpp"
#include "runtime/module.hpp"
#include "runtime/native_function.hpp"
#include "runtime_test_util.hpp"

namespace gilt {
namespace {

bool matches(const std::string& text, const char* pattern) {
    return std::regex_match(text, std::regex(pattern));
}

// Native functions used as getters, setters and methods.
Value return_42(ThreadState&, Args) {
    return Value::small_int(42);
}
// Returns the number of positional arguments it got.
Value count_args(ThreadState&, Args args) {
    return Value::small_int(args.n);
}
// Returns its first argument.
Value first_arg(ThreadState&, Args args) {
    return new_ref(args[0]);
}

class DescriptorsTest : public testing::RuntimeTest {
protected:
    Value native(const char* name, NativeFn fn) { return keep(make_native_function(ts, name, fn)); }
    // `cls.__dict__[name]`
    Value class_dict_item(TypeObject* t, const char* name) {
        return dict_get_cstr(ts, val(t->dict), name);
    }
    Value descr_get(Value descr, Value obj, Value type) {
        return keep(type_of(ts, descr)->descr_get(ts, descr, obj, type));
    }
};

// --- property ---

TEST_F(DescriptorsTest, PropertyGetAndErrors) {
    Value p = call(T.property, {native("getx", return_42)});
    EXPECT_EQ(repr(descr_get(p, i(5), val(T.int_))), "42");
    EXPECT_EQ(descr_get(p, Value(), val(T.int_)), p);  // class access returns the property
    EXPECT_EQ(type_of(ts, p)->descr_set(ts, p, i(1), i(2)), -1);
    EXPECT_EQ(error(), "AttributeError: property of 'int' object has no setter");
    EXPECT_EQ(type_of(ts, p)->descr_set(ts, p, i(1), Value()), -1);
    EXPECT_EQ(error(), "AttributeError: property of 'int' object has no deleter");
    call(attr(p, "__set_name__"), {val(T.int_), s("x")});
    EXPECT_EQ(type_of(ts, p)->descr_set(ts, p, i(1), i(2)), -1);
    EXPECT_EQ(error(), "AttributeError: property 'x' of 'int' object has no setter");
    Value empty = call(T.property, {});
    call(attr(empty, "__set_name__"), {val(T.int_), s("y")});
    EXPECT_EQ(repr(descr_get(empty, i(1), val(T.int_))),
              "AttributeError: property 'y' of 'int' object has no getter");
    EXPECT_EQ(repr(attr(empty, "fget")), "None");
    EXPECT_EQ(obj_setattr(ts, empty, s("fget"), i(1)), -1);
    EXPECT_EQ(error(), "AttributeError: readonly attribute");
    EXPECT_TRUE(matches(repr(p), "<property object at 0x[0-9a-f]+>"));
}

TEST_F(DescriptorsTest, PropertyCopiesAndDoc) {
    Value getter = native("g", return_42);
    Value p = call(T.property, {getter}, {{"doc", s("d")}});
    EXPECT_EQ(repr(attr(p, "__doc__")), "'d'");
    Value with_setter = call(attr(p, "setter"), {native("s", count_args)});
    EXPECT_EQ(attr(with_setter, "fget"), getter);
    EXPECT_EQ(repr(attr(with_setter, "fset")), "<built-in function s>");
    EXPECT_EQ(repr(attr(with_setter, "__doc__")), "'d'");
    // getter(None) keeps the old getter.
    EXPECT_EQ(attr(call(attr(p, "getter"), {Value::none()}), "fget"), getter);
    EXPECT_EQ(repr(attr(call(attr(p, "deleter"), {builtin("len")}), "fdel")),
              "<built-in function len>");
    EXPECT_EQ(repr(attr(p, "__isabstractmethod__")), "False");
    Value bad = call(T.property, {i(1)});
    EXPECT_EQ(repr(descr_get(bad, i(5), val(T.int_))), "TypeError: 'int' object is not callable");
}

TEST_F(DescriptorsTest, PropertyOnAClass) {
    Value prop = call(T.property, {native("getx", first_arg)});
    Value cls = make_class("Foo", {}, {{"x", prop}});
    Value obj = call(cls, {});
    EXPECT_EQ(attr(obj, "x"), obj);
    EXPECT_EQ(obj_setattr(ts, obj, s("x"), i(1)), -1);
    EXPECT_EQ(error(), "AttributeError: property 'x' of 'Foo' object has no setter");
    EXPECT_EQ(obj_delattr(ts, obj, s("x")), -1);
    EXPECT_EQ(error(), "AttributeError: property 'x' of 'Foo' object has no deleter");
    EXPECT_EQ(attr(cls, "x"), prop);
}

// --- classmethod / staticmethod ---

TEST_F(DescriptorsTest, ClassAndStaticMethods) {
    Value len = builtin("len");
    Value cm = call(T.classmethod, {len});
    EXPECT_EQ(repr(cm), "<classmethod(<built-in function len>)>");
    EXPECT_EQ(attr(cm, "__func__"), len);
    EXPECT_EQ(attr(cm, "__wrapped__"), len);
    EXPECT_EQ(repr(attr(cm, "__isabstractmethod__")), "False");
    EXPECT_EQ(repr(descr_get(cm, Value(), val(T.int_))), "<bound method len of <class 'int'>>");
    EXPECT_EQ(repr(descr_get(cm, i(5), Value())), "<bound method len of <class 'int'>>");
    Value sm = call(T.staticmethod, {len});
    EXPECT_EQ(repr(sm), "<staticmethod(<built-in function len>)>");
    EXPECT_EQ(descr_get(sm, Value(), val(T.int_)), len);
    EXPECT_EQ(repr(call(sm, {s("abc")})), "3");
    EXPECT_EQ(repr(call(T.classmethod, {})), "TypeError: classmethod expected 1 argument, got 0");
    EXPECT_EQ(repr(call(T.classmethod, {i(1), i(2)})),
              "TypeError: classmethod expected 1 argument, got 2");
    EXPECT_EQ(repr(call(T.classmethod, {}, {{"x", i(1)}})),
              "TypeError: classmethod() takes no keyword arguments");
    EXPECT_EQ(repr(call(T.staticmethod, {}, {{"x", i(1)}})),
              "TypeError: staticmethod() takes no keyword arguments");
    EXPECT_EQ(repr(descr_get(call(T.classmethod, {i(1)}), Value(), val(T.int_))),
              "<bound method ? of <class 'int'>>");
    // The constructors copy the wrapped function's attributes (3.10+).
    EXPECT_EQ(repr(attr(cm, "__name__")), "'len'");
    EXPECT_EQ(repr(attr(sm, "__qualname__")), "'len'");
    EXPECT_EQ(obj_setattr(ts, cm, s("__func__"), i(1)), -1);
    EXPECT_EQ(error(), "AttributeError: readonly attribute");
}

// --- getset descriptors ---

TEST_F(DescriptorsTest, GetSetDescriptor) {
    Value args = class_dict_item(E.BaseException, "args");
    EXPECT_EQ(repr(args), "<attribute 'args' of 'BaseException' objects>");
    EXPECT_EQ(repr(attr(args, "__qualname__")), "'BaseException.args'");
    EXPECT_EQ(repr(attr(args, "__name__")), "'args'");
    EXPECT_EQ(attr(args, "__objclass__"), val(E.BaseException));
    EXPECT_EQ(descr_get(args, Value(), val(E.BaseException)), args);
    EXPECT_EQ(
        repr(descr_get(args, i(1), val(T.int_))),
        "TypeError: descriptor 'args' for 'BaseException' objects doesn't apply to a 'int' object");
    Value name = class_dict_item(T.builtin_function, "__name__");
    EXPECT_EQ(type_of(ts, name)->descr_set(ts, name, builtin("len"), s("x")), -1);
    EXPECT_EQ(error(),
              "AttributeError: attribute '__name__' of 'builtin_function_or_method' objects is not "
              "writable");
}

// --- bound methods ---

TEST_F(DescriptorsTest, BoundMethods) {
    Value f = native("f", count_args);
    Value self = call(T.list, {});
    Value m = keep(make_bound_method(ts, f, self));
    EXPECT_EQ(repr(m), "<bound method f of []>");
    EXPECT_EQ(repr(call(m, {i(1), i(2)})), "3");
    Value many = call(m, {i(1), i(2), i(3), i(4), i(5), i(6), i(7), i(8), i(9), i(10)});
    EXPECT_EQ(repr(many), "11");
    EXPECT_EQ(attr(m, "__func__"), f);
    EXPECT_EQ(attr(m, "__self__"), self);
    EXPECT_EQ(repr(attr(m, "__name__")), "'f'");
    EXPECT_EQ(repr(attr(m, "__doc__")), "None");
    EXPECT_EQ(repr(attr(m, "foo")),
              "AttributeError: 'builtin_function_or_method' object has no attribute 'foo'");
    Value same = keep(make_bound_method(ts, f, self));
    EXPECT_EQ(rich_compare_bool(ts, m, same, CompareOp::Eq), 1);
    int64_t h1, h2;
    ASSERT_TRUE(obj_hash(ts, m, &h1));
    ASSERT_TRUE(obj_hash(ts, same, &h2));
    EXPECT_EQ(h1, h2);
    Value other = keep(make_bound_method(ts, f, call(T.list, {})));
    EXPECT_EQ(rich_compare_bool(ts, m, other, CompareOp::Eq), 0);
    EXPECT_EQ(obj_setattr(ts, m, s("__func__"), i(1)), -1);
    EXPECT_EQ(error(), "AttributeError: readonly attribute");
    EXPECT_EQ(repr(call(T.method, {i(1), i(2)})), "TypeError: first argument must be callable");
    EXPECT_EQ(repr(call(T.method, {builtin("len"), Value::none()})),
              "TypeError: instance must not be None");
    EXPECT_EQ(repr(call(T.method, {builtin("len"), i(5)})), "<bound method len of 5>");
}

TEST_F(DescriptorsTest, BoundMethodPassesKeywords) {
    Value f = native("f", count_args);
    Value m = keep(make_bound_method(ts, f, i(0)));
    EXPECT_EQ(repr(call(m, {i(1)}, {{"k", i(2)}})), "2");
}

// --- super ---

TEST_F(DescriptorsTest, Super) {
    Value prop = call(T.property, {native("getp", first_arg)});
    Value a = make_class("A", {}, {{"p", prop}, {"__module__", s("__main__")}});
    Value b = make_class("B", {a}, {{"__module__", s("__main__")}});
    Value obj = call(b, {});
    auto* bt = reinterpret_cast<TypeObject*>(b.as_object());
    Value sup = keep(make_super(ts, bt, obj));
    EXPECT_EQ(repr(sup), "<super: <class 'B'>, <B object>>");
    EXPECT_EQ(attr(sup, "p"), obj);
    EXPECT_EQ(attr(sup, "__thisclass__"), b);
    EXPECT_EQ(attr(sup, "__self__"), obj);
    EXPECT_EQ(attr(sup, "__self_class__"), b);
    EXPECT_EQ(attr(sup, "__class__"), val(T.super));
    EXPECT_EQ(repr(attr(sup, "zzz")), "AttributeError: 'super' object has no attribute 'zzz'");
    // super(B, B): class access binds nothing, so the property itself comes back.
    Value sup_cls = keep(make_super(ts, bt, b));
    EXPECT_EQ(attr(sup_cls, "p"), prop);
    EXPECT_EQ(repr(call(T.super, {b})), "<super: <class 'B'>, NULL>");
    EXPECT_EQ(repr(attr(call(T.super, {b}), "__self__")), "None");
    EXPECT_EQ(repr(call(T.super, {i(1), obj})),
              "TypeError: super() argument 1 must be a type, not int");
    EXPECT_EQ(repr(call(T.super, {val(T.int_), obj})),
              "TypeError: super(type, obj): obj must be an instance or subtype of type");
    EXPECT_EQ(repr(call(T.super, {})), "RuntimeError: super(): no arguments");
    EXPECT_EQ(repr(call(T.super, {b, obj})), "<super: <class 'B'>, <B object>>");
}

// --- native functions and slot wrappers ---

TEST_F(DescriptorsTest, NativeFunctionReprs) {
    EXPECT_EQ(repr(builtin("len")), "<built-in function len>");
    Value append = class_dict_item(T.list, "append");
    EXPECT_EQ(repr(append), "<method 'append' of 'list' objects>");
    Value lst = call(T.list, {});
    EXPECT_TRUE(matches(repr(attr(lst, "append")),
                        "<built-in method append of list object at 0x[0-9a-f]+>"));
    EXPECT_EQ(repr(class_dict_item(T.int_, "__add__")),
              "<slot wrapper '__add__' of 'int' objects>");
    EXPECT_TRUE(matches(repr(attr(i(1), "__add__")),
                        "<method-wrapper '__add__' of int object at 0x[0-9a-f]+>"));
    EXPECT_TRUE(matches(repr(attr(val(T.dict), "fromkeys")),
                        "<built-in method fromkeys of type object at 0x[0-9a-f]+>"));
    EXPECT_EQ(repr(attr(append, "__qualname__")), "'list.append'");
    EXPECT_EQ(repr(attr(attr(lst, "append"), "__qualname__")), "'list.append'");
    EXPECT_EQ(repr(attr(builtin("len"), "__qualname__")), "'len'");
    EXPECT_EQ(repr(attr(attr(i(1), "__add__"), "__qualname__")), "'int.__add__'");
    EXPECT_EQ(repr(attr(attr(i(1), "__add__"), "__self__")), "1");
    EXPECT_EQ(attr(attr(lst, "append"), "__self__"), lst);
    EXPECT_EQ(repr(attr(builtin("len"), "__doc__")), "None");
    EXPECT_EQ(repr(attr(builtin("len"), "__name__")), "'len'");
}

TEST_F(DescriptorsTest, UnboundMethodChecks) {
    Value append = class_dict_item(T.list, "append");
    EXPECT_EQ(repr(call(append, {i(1), i(2)})),
              "TypeError: descriptor 'append' for 'list' objects doesn't apply to a 'int' object");
    EXPECT_EQ(repr(call(append, {})), "TypeError: unbound method list.append() needs an argument");
    Value add = class_dict_item(T.int_, "__add__");
    EXPECT_EQ(repr(call(add, {s("a"), i(1)})),
              "TypeError: descriptor '__add__' requires a 'int' object but received a 'str'");
    EXPECT_EQ(repr(call(add, {})),
              "TypeError: descriptor '__add__' of 'int' object needs an argument");
    EXPECT_EQ(repr(call(add, {i(1), i(2)})), "3");
    Value lst = call(T.list, {});
    EXPECT_EQ(repr(call(append, {lst, i(7)})), "None");
    EXPECT_EQ(repr(lst), "[7]");
}

TEST_F(DescriptorsTest, NativeMethodEquality) {
    Value lst = call(T.list, {});
    Value a1 = attr(lst, "append");
    Value a2 = attr(lst, "append");
    EXPECT_NE(a1, a2);
    EXPECT_EQ(rich_compare_bool(ts, a1, a2, CompareOp::Eq), 1);
    EXPECT_EQ(rich_compare_bool(ts, a1, attr(call(T.list, {}), "append"), CompareOp::Eq), 0);
    int64_t h1, h2;
    ASSERT_TRUE(obj_hash(ts, a1, &h1));
    ASSERT_TRUE(obj_hash(ts, a2, &h2));
    EXPECT_EQ(h1, h2);
}

// --- modules ---

Value module_fallback(ThreadState& ts, Args args) {
    Ref twice(str_concat(ts, args[0], args[0]));
    return twice.release();
}

TEST_F(DescriptorsTest, Modules) {
    Value m = keep(module_new(ts, "zz"));
    EXPECT_EQ(repr(m), "<module 'zz'>");
    EXPECT_EQ(repr(attr(m, "__dict__")),
              "{'__name__': 'zz', '__doc__': None, '__package__': None, '__loader__': None, "
              "'__spec__': None}");
    EXPECT_EQ(repr(attr(m, "x")), "AttributeError: module 'zz' has no attribute 'x'");
    ASSERT_EQ(obj_setattr(ts, m, s("x"), i(1)), 0);
    EXPECT_EQ(repr(attr(m, "x")), "1");
    ASSERT_EQ(obj_delattr(ts, m, s("x")), 0);
    EXPECT_EQ(obj_delattr(ts, m, s("x")), -1);
    EXPECT_EQ(error(), "AttributeError: 'module' object has no attribute 'x'");
    EXPECT_EQ(obj_setattr(ts, m, s("__dict__"), keep(dict_new(ts))), -1);
    EXPECT_EQ(error(), "AttributeError: readonly attribute");
    ASSERT_EQ(obj_setattr(ts, m, s("__file__"), s("/a/b.py")), 0);
    EXPECT_EQ(repr(m), "<module 'zz' from '/a/b.py'>");
    EXPECT_EQ(repr(interp.sys), "<module 'sys' (built-in)>");
    EXPECT_EQ(repr(call(attr(m, "__dir__"), {})),
              "['__name__', '__doc__', '__package__', '__loader__', '__spec__', '__file__']");
    ASSERT_EQ(obj_setattr(ts, m, s("__getattr__"),
                          keep(make_native_function(ts, "__getattr__", module_fallback))),
              0);
    EXPECT_EQ(repr(attr(m, "abc")), "'abcabc'");
}

TEST_F(DescriptorsTest, ModuleConstructor) {
    Value mt = val(T.module);
    Value m = call(mt, {s("q"), s("docq")});
    EXPECT_EQ(repr(m), "<module 'q'>");
    EXPECT_EQ(repr(attr(m, "__doc__")), "'docq'");
    EXPECT_EQ(repr(call(mt, {i(1)})), "TypeError: module() argument 'name' must be str, not int");
    EXPECT_EQ(repr(call(mt, {})), "TypeError: module() missing required argument 'name' (pos 1)");
    Value anon = call(mt, {s("r")});
    ASSERT_EQ(obj_delattr(ts, anon, s("__name__")), 0);
    EXPECT_EQ(repr(attr(anon, "x")), "AttributeError: module has no attribute 'x'");
    EXPECT_EQ(repr(anon), "<module '?'>");
}

Value module_function(ThreadState&, Args args) {
    return Value::small_int(args.n);
}

constexpr MethodDef kTestModuleFunctions[] = {{"nargs", module_function}};

TEST_F(DescriptorsTest, ModuleFunctions) {
    Value m = keep(module_new(ts, "tm"));
    ASSERT_TRUE(module_add_functions(ts, m, kTestModuleFunctions));
    Value f = attr(m, "nargs");
    EXPECT_EQ(repr(f), "<built-in function nargs>");
    EXPECT_EQ(repr(call(f, {i(1), i(2)})), "2");  // the module is __self__ but not passed
    EXPECT_EQ(attr(f, "__self__"), m);
    EXPECT_EQ(repr(attr(f, "__module__")), "'tm'");
    ASSERT_TRUE(module_add_steal(ts, m, "pi", make_str(ts, "3.14")));
    EXPECT_EQ(repr(attr(m, "pi")), "'3.14'");
}

// --- None, NotImplemented, Ellipsis ---

TEST_F(DescriptorsTest, Singletons) {
    EXPECT_EQ(repr(Value::none()), "None");
    EXPECT_EQ(repr(Value::not_implemented()), "NotImplemented");
    EXPECT_EQ(repr(Value::ellipsis()), "Ellipsis");
    EXPECT_EQ(str(Value::ellipsis()), "Ellipsis");
    EXPECT_EQ(obj_truthy(ts, Value::none()), 0);
    EXPECT_EQ(obj_truthy(ts, Value::not_implemented()), 1);
    EXPECT_EQ(obj_truthy(ts, Value::ellipsis()), 1);
    EXPECT_EQ(call(T.none_type, {}), Value::none());
    EXPECT_EQ(call(T.ellipsis_type, {}), Value::ellipsis());
    EXPECT_EQ(repr(call(T.none_type, {i(1)})), "TypeError: NoneType takes no arguments");
    EXPECT_EQ(repr(call(T.not_implemented_type, {}, {{"a", i(1)}})),
              "TypeError: NotImplementedType takes no arguments");
    EXPECT_EQ(repr(call(T.ellipsis_type, {i(1)})), "TypeError: EllipsisType takes no arguments");
    int64_t h1, h2;
    ASSERT_TRUE(obj_hash(ts, Value::none(), &h1));
    ASSERT_TRUE(obj_hash(ts, Value::none(), &h2));
    EXPECT_EQ(h1, h2);
    EXPECT_EQ(repr(call(attr(Value::ellipsis(), "__reduce__"), {})), "'Ellipsis'");
    EXPECT_EQ(repr(make_class("X", {val(T.none_type)})),
              "TypeError: type 'NoneType' is not an acceptable base type");
}

}  // namespace
}  // namespace gilt
