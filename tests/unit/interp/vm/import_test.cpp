// Tests for the import system (interp/vm/import.hpp): resolution order,
// packages and submodules, relative names, fromlist handling, import_from /
// import_star, failures (exact CPython messages) and `-m` lookup. Each test
// writes its modules into a fresh temporary directory on sys.path.
#include "interp/vm/import.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include <gilt/gilt.hpp>

#include "runtime/abstract.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/module.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"

namespace gilt {
namespace {

namespace fs = std::filesystem;

// A temporary directory removed at the end of the test.
struct TempDir {
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "gilt-import-XXXXXX").string();
        path = ::mkdtemp(pattern.data());
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    void write(const std::string& relative, std::string_view text) const {
        fs::path file = fs::path(path) / relative;
        fs::create_directories(file.parent_path());
        std::ofstream(file) << text;
    }
    std::string path;
};

class ImportTest : public ::testing::Test {
protected:
    TempDir dir;
    Host host{options()};
    HoldGil gil{host};  // runtime functions are called directly
    ThreadState& ts = host.interpreter().main_thread();

    Options options() const {
        Options o;
        o.path = {dir.path};
        return o;
    }
    Ref str(std::string_view s) { return Ref(make_str(ts, s)); }
    // "Type: message" of the pending exception (cleared).
    std::string pending_error() {
        Ref exc(fetch_exception(ts));
        if (!exc) return "<no exception>";
        Ref s(obj_str(ts, *exc));
        return std::string(type_name(ts, *exc)) + ": " + std::string(s ? str_view(*s) : "?");
    }
    // import_module(name, __main__'s globals, fromlist, level).
    Ref import(std::string_view name, Value fromlist = Value(), int level = 0,
               Value globals = Value()) {
        Ref main(main_module(ts));
        Ref n = str(name);
        return Ref(import_module(ts, *n, globals ? globals : module_dict(*main), fromlist, level));
    }
    // A globals dict as a module `name` (a package when is_package) has.
    Ref globals_of(std::string_view name, bool is_package) {
        Ref d(dict_new(ts));
        Ref n = str(name);
        EXPECT_TRUE(dict_set_cstr(ts, *d, "__name__", *n));
        if (is_package) {
            Ref p(list_new(ts, 0));
            EXPECT_TRUE(dict_set_cstr(ts, *d, "__path__", *p));
        }
        return d;
    }
    std::string attr_str(Value obj, const char* name) {
        Ref v(obj_getattr_cstr(ts, obj, name));
        if (!v) return pending_error();
        Ref s(obj_str(ts, *v));
        return std::string(str_view(*s));
    }
    bool in_sys_modules(std::string_view name) {
        bool error = false;
        Ref n = str(name);
        return !dict_get(ts, ts.interp().modules, *n, &error).is_null();
    }
    Ref tuple_of(std::initializer_list<std::string_view> names) {
        Ref t(tuple_new(ts, names.size()));
        std::size_t i = 0;
        for (std::string_view n : names) tuple_obj(*t)->items[i++] = make_str(ts, n);
        return t;
    }
};

TEST_F(ImportTest, ImportsAModuleFromSysPathOnce) {
    dir.write("plain.py", "count = 1\nVALUE = 'v'\n");
    Ref m = import("plain");
    ASSERT_TRUE(m) << pending_error();
    EXPECT_EQ(attr_str(*m, "VALUE"), "v");
    EXPECT_EQ(attr_str(*m, "__name__"), "plain");
    EXPECT_EQ(attr_str(*m, "__file__"), dir.path + "/plain.py");
    EXPECT_EQ(attr_str(*m, "__package__"), "");
    EXPECT_TRUE(in_sys_modules("plain"));
    host.exec("import plain\nplain.count += 1\nimport plain\n");
    EXPECT_EQ(host.eval("plain.count").as_int(), 2);  // the body ran once
}

TEST_F(ImportTest, DottedImportReturnsTopPackageAndBindsChildren) {
    dir.write("pkg/__init__.py", "INIT = True\n");
    dir.write("pkg/sub/__init__.py", "");
    dir.write("pkg/sub/leaf.py", "X = 5\n");
    Ref top = import("pkg.sub.leaf");
    ASSERT_TRUE(top) << pending_error();
    EXPECT_EQ(attr_str(*top, "__name__"), "pkg");
    EXPECT_EQ(attr_str(*top, "__path__"), "['" + dir.path + "/pkg']");
    EXPECT_EQ(attr_str(*top, "__package__"), "pkg");
    EXPECT_TRUE(in_sys_modules("pkg.sub"));
    host.exec("import pkg.sub.leaf\nx = pkg.sub.leaf.X\n");
    EXPECT_EQ(host.get_global("x").as_int(), 5);
    Ref from = tuple_of({"X"});
    Ref leaf = import("pkg.sub.leaf", *from);
    ASSERT_TRUE(leaf) << pending_error();
    EXPECT_EQ(attr_str(*leaf, "__name__"), "pkg.sub.leaf");
    EXPECT_EQ(attr_str(*leaf, "__package__"), "pkg.sub");
}

TEST_F(ImportTest, FromlistImportsSubmodules) {
    dir.write("fl/__init__.py", "");
    dir.write("fl/a.py", "A = 1\n");
    Ref from = tuple_of({"a", "not_a_module"});
    Ref pkg = import("fl", *from);
    ASSERT_TRUE(pkg) << pending_error();  // a missing fromlist name is not an error here
    EXPECT_EQ(attr_str(*pkg, "__name__"), "fl");
    EXPECT_TRUE(in_sys_modules("fl.a"));
    Ref a(obj_getattr_cstr(ts, *pkg, "a"));
    EXPECT_TRUE(a) << pending_error();
}

TEST_F(ImportTest, StarInFromlistFollowsAll) {
    dir.write("st/__init__.py", "__all__ = ['one']\n");
    dir.write("st/one.py", "");
    Ref from = tuple_of({"*"});
    Ref pkg = import("st", *from);
    ASSERT_TRUE(pkg) << pending_error();
    EXPECT_TRUE(in_sys_modules("st.one"));
}

TEST_F(ImportTest, MissingModule) {
    Ref m = import("does_not_exist_anywhere");
    ASSERT_FALSE(m);
    Ref exc(fetch_exception(ts));
    EXPECT_EQ(std::string(type_name(ts, *exc)), "ModuleNotFoundError");
    Ref name(obj_getattr_cstr(ts, *exc, "name"));
    ASSERT_TRUE(name);
    EXPECT_EQ(str_view(*name), "does_not_exist_anywhere");
    restore_exception(ts, exc.release());
    EXPECT_EQ(pending_error(), "ModuleNotFoundError: No module named 'does_not_exist_anywhere'");
}

TEST_F(ImportTest, SubmoduleOfAPlainModule) {
    dir.write("flat.py", "");
    EXPECT_FALSE(import("flat.x"));
    EXPECT_EQ(pending_error(),
              "ModuleNotFoundError: No module named 'flat.x'; 'flat' is not a package");
    EXPECT_TRUE(in_sys_modules("flat"));  // the parent was imported first, as in CPython
}

TEST_F(ImportTest, NoneInSysModulesHaltsTheImport) {
    host.exec("import sys\nsys.modules['blocked'] = None\n");
    EXPECT_FALSE(import("blocked"));
    EXPECT_EQ(pending_error(),
              "ModuleNotFoundError: import of blocked halted; None in sys.modules");
}

TEST_F(ImportTest, BadNames) {
    Ref main(main_module(ts));
    EXPECT_FALSE(import_module(ts, Value::small_int(3), module_dict(*main), Value(), 0));
    EXPECT_EQ(pending_error(), "TypeError: module name must be str, not int");
    EXPECT_FALSE(import(""));
    EXPECT_EQ(pending_error(), "ValueError: Empty module name");
    EXPECT_FALSE(import("x", Value(), -1));
    EXPECT_EQ(pending_error(), "ValueError: level must be >= 0");
}

TEST_F(ImportTest, FailingModuleIsRemovedFromSysModules) {
    dir.write("broken.py", "started = True\nraise RuntimeError('module failed to import')\n");
    EXPECT_FALSE(import("broken"));
    EXPECT_EQ(pending_error(), "RuntimeError: module failed to import");
    EXPECT_FALSE(in_sys_modules("broken"));
    EXPECT_FALSE(import("broken"));  // the body runs again on the next attempt
    EXPECT_EQ(pending_error(), "RuntimeError: module failed to import");
}

TEST_F(ImportTest, SyntaxErrorInModule) {
    dir.write("bad_syntax.py", "x = (1,\n");
    EXPECT_FALSE(import("bad_syntax"));
    EXPECT_EQ(pending_error(), "SyntaxError: '(' was never closed (bad_syntax.py, line 1)");
    EXPECT_FALSE(in_sys_modules("bad_syntax"));
}

TEST_F(ImportTest, NonUtf8Source) {
    dir.write("latin.py", "x = '\xe9'\n");
    EXPECT_FALSE(import("latin"));
    std::string err = pending_error();
    EXPECT_NE(err.find("SyntaxError: Non-UTF-8 code starting with '\\xe9' in file "),
              std::string::npos)
        << err;
    EXPECT_NE(err.find("on line 1, but no encoding declared"), std::string::npos) << err;
}

TEST_F(ImportTest, RelativeImports) {
    dir.write("rel/__init__.py", "from .core import add\n");
    dir.write("rel/core.py", "def add(a, b):\n    return a + b\n");
    dir.write("rel/sub/__init__.py", "");
    dir.write("rel/sub/leaf.py", "from ..core import add\nfrom . import __name__ as parent_name\n");
    host.exec("from rel.sub import leaf\nr = (leaf.add(1, 2), leaf.parent_name)\n");
    EXPECT_EQ(host.get_global("r").repr(), "(3, 'rel.sub')");
    // level 1 from a module inside the package: the package itself.
    Ref g = globals_of("rel.core", false);
    Ref none_from = tuple_of({"core"});
    Ref pkg = import("", *none_from, 1, *g);
    ASSERT_TRUE(pkg) << pending_error();
    EXPECT_EQ(attr_str(*pkg, "__name__"), "rel");
    // `from .. import x` two levels up from rel.sub.leaf is rel.
    Ref g2 = globals_of("rel.sub.leaf", false);
    Ref up = import("core", *none_from, 2, *g2);
    ASSERT_TRUE(up) << pending_error();
    EXPECT_EQ(attr_str(*up, "__name__"), "rel.core");
}

TEST_F(ImportTest, RelativeImportErrors) {
    Ref main_globals = globals_of("__main__", false);
    EXPECT_FALSE(import("x", Value(), 1, *main_globals));
    EXPECT_EQ(pending_error(),
              "ImportError: attempted relative import with no known parent package");
    Ref pkg_globals = globals_of("toplevel", true);
    EXPECT_FALSE(import("x", Value(), 2, *pkg_globals));
    EXPECT_EQ(pending_error(), "ImportError: attempted relative import beyond top-level package");
    Ref empty(dict_new(ts));
    EXPECT_FALSE(import("x", Value(), 1, *empty));
    // KeyError's str is the repr of its argument, as CPython prints it too.
    EXPECT_EQ(pending_error(), "KeyError: \"'__name__' not in globals\"");
}

TEST_F(ImportTest, ImportFromMessages) {
    dir.write("holder.py", "present = 1\n");
    Ref m = import("holder");
    ASSERT_TRUE(m);
    Ref name = str("present");
    Ref v(import_from(ts, *m, *name));
    ASSERT_TRUE(v);
    EXPECT_EQ(v.get().as_small_int(), 1);
    Ref missing = str("absent");
    EXPECT_FALSE(import_from(ts, *m, *missing));
    EXPECT_EQ(pending_error(), "ImportError: cannot import name 'absent' from 'holder' (" +
                                   dir.path + "/holder.py)");
    Ref bare(module_new(ts, "bare"));
    EXPECT_FALSE(import_from(ts, *bare, *missing));
    EXPECT_EQ(pending_error(),
              "ImportError: cannot import name 'absent' from 'bare' (unknown location)");
}

TEST_F(ImportTest, ImportFromFallsBackToSysModules) {
    dir.write("fb/__init__.py", "");
    dir.write("fb/child.py", "");
    Ref top = import("fb.child");
    ASSERT_TRUE(top);
    // Unbind the attribute: IMPORT_FROM still finds sys.modules['fb.child'].
    Ref child_name = str("child");
    ASSERT_EQ(obj_delattr(ts, *top, *child_name), 0);
    Ref child(import_from(ts, *top, *child_name));
    ASSERT_TRUE(child) << pending_error();
    EXPECT_EQ(attr_str(*child, "__name__"), "fb.child");
}

TEST_F(ImportTest, CircularImportMessage) {
    dir.write("circ_a.py", "import circ_b\nA = 1\n");
    dir.write("circ_b.py", "from circ_a import A\n");
    EXPECT_FALSE(import("circ_a"));
    EXPECT_EQ(
        pending_error(),
        "ImportError: cannot import name 'A' from partially initialized module 'circ_a' (most "
        "likely due to a circular import) (" +
            dir.path + "/circ_a.py)");
}

TEST_F(ImportTest, CircularImportOfModulesWorks) {
    dir.write("ca.py", "import cb\nA = 'a'\ndef use_b():\n    return cb.B\n");
    dir.write("cb.py", "import ca\nB = 'b'\ndef use_a():\n    return ca.A\n");
    host.exec("import ca\nr = ca.use_b() + ca.cb.use_a()\n");
    EXPECT_EQ(host.get_global("r").as_string(), "ba");
}

TEST_F(ImportTest, ImportStar) {
    dir.write("pub.py", "a = 1\n_hidden = 2\ndef f():\n    pass\n");
    dir.write("listed.py", "__all__ = ['_hidden']\na = 1\n_hidden = 2\n");
    Ref pub = import("pub");
    Ref listed = import("listed");
    ASSERT_TRUE(pub && listed);
    Ref target(dict_new(ts));
    ASSERT_TRUE(import_star(ts, *pub, *target));
    EXPECT_TRUE(dict_get_cstr(ts, *target, "a"));
    EXPECT_TRUE(dict_get_cstr(ts, *target, "f"));
    EXPECT_FALSE(dict_get_cstr(ts, *target, "_hidden"));
    Ref target2(dict_new(ts));
    ASSERT_TRUE(import_star(ts, *listed, *target2));
    EXPECT_TRUE(dict_get_cstr(ts, *target2, "_hidden"));
    EXPECT_FALSE(dict_get_cstr(ts, *target2, "a"));
}

TEST_F(ImportTest, ImportStarRejectsNonStrNames) {
    dir.write("badall.py", "__all__ = ['a', 3]\na = 1\n");
    Ref m = import("badall");
    ASSERT_TRUE(m);
    Ref target(dict_new(ts));
    EXPECT_FALSE(import_star(ts, *m, *target));
    EXPECT_EQ(pending_error(), "TypeError: Item in badall.__all__ must be str, not int");
}

Value make_test_native(ThreadState& ts) {
    Ref m(module_new(ts, "native_test_mod"));
    if (!m || !module_add_steal(ts, *m, "answer", Value::small_int(42))) return Value();
    return m.release();
}

TEST_F(ImportTest, NativeModulesComeBeforeSysPath) {
    dir.write("native_test_mod.py", "answer = 'from disk'\n");
    ts.interp().native_modules["native_test_mod"] = make_test_native;
    Ref m = import("native_test_mod");
    ASSERT_TRUE(m) << pending_error();
    EXPECT_EQ(attr_str(*m, "answer"), "42");
    EXPECT_TRUE(in_sys_modules("native_test_mod"));
}

TEST_F(ImportTest, NamespacePackage) {
    dir.write("nspkg/mod.py", "V = 3\n");
    host.exec("import nspkg.mod\nv = nspkg.mod.V\n");
    EXPECT_EQ(host.get_global("v").as_int(), 3);
}

TEST_F(ImportTest, ModuleMayReplaceItselfInSysModules) {
    dir.write("replacer.py", "import sys\nsys.modules[__name__] = 'replacement'\n");
    Ref m = import("replacer");
    ASSERT_TRUE(m) << pending_error();
    EXPECT_EQ(str_view(*m), "replacement");
}

TEST_F(ImportTest, FindMainModule) {
    dir.write("runme.py", "print('x')\n");
    dir.write("app/__init__.py", "");
    dir.write("app/__main__.py", "print('main')\n");
    dir.write("lib/__init__.py", "");
    MainModuleSpec spec;
    ASSERT_TRUE(find_main_module(ts, "runme", &spec)) << pending_error();
    EXPECT_EQ(spec.filename, dir.path + "/runme.py");
    EXPECT_EQ(spec.source, "print('x')\n");
    EXPECT_TRUE(spec.on_disk);
    MainModuleSpec app;
    ASSERT_TRUE(find_main_module(ts, "app", &app)) << pending_error();
    EXPECT_EQ(app.name, "app.__main__");
    EXPECT_EQ(app.package, "app");
    MainModuleSpec none;
    EXPECT_FALSE(find_main_module(ts, "nosuchmod", &none));
    EXPECT_EQ(pending_error(), "ImportError: No module named nosuchmod");
    EXPECT_FALSE(find_main_module(ts, "lib", &none));
    EXPECT_EQ(
        pending_error(),
        "ImportError: No module named lib.__main__; 'lib' is a package and cannot be directly "
        "executed");
    EXPECT_FALSE(find_main_module(ts, "nope.x", &none));
    EXPECT_EQ(pending_error(),
              "ImportError: Error while finding module specification for 'nope.x' "
              "(ModuleNotFoundError: No module named 'nope')");
}

TEST_F(ImportTest, RunMainFileSetsFileAndName) {
    dir.write("script.py", "result = (__name__, __file__)\n");
    Ref r(run_main_file(ts, dir.path + "/script.py"));
    ASSERT_TRUE(r) << pending_error();
    EXPECT_EQ(host.get_global("result").repr(), "('__main__', '" + dir.path + "/script.py')");
    EXPECT_FALSE(run_main_file(ts, dir.path + "/missing.py"));
    EXPECT_EQ(pending_error(), "FileNotFoundError: [Errno 2] No such file or directory: '" +
                                   dir.path + "/missing.py'");
}

// The embedded stdlib holds packages too: stdlib/lib/concurrent/futures/
// is the package concurrent.futures, its files its submodules.
TEST_F(ImportTest, EmbeddedPackages) {
    host.exec(
        "import concurrent.futures\n"
        "from concurrent.futures import _base\n"
        "import concurrent.futures.thread as thread_mod\n"
        "info = (concurrent.__path__, concurrent.futures.__package__, _base.__package__,\n"
        "        hasattr(_base, '__path__'), hasattr(_base, '__file__'),\n"
        "        concurrent.futures.__spec__, thread_mod.__name__,\n"
        "        concurrent.futures.thread is thread_mod)\n");
    EXPECT_EQ(host.get_global("info").repr(),
              "([], 'concurrent.futures', 'concurrent.futures', False, False, None, "
              "'concurrent.futures.thread', True)");
    EXPECT_FALSE(import("concurrent.futures.no_such_module"));
    EXPECT_EQ(pending_error(),
              "ModuleNotFoundError: No module named 'concurrent.futures.no_such_module'");
    MainModuleSpec none;
    EXPECT_FALSE(find_main_module(ts, "concurrent.futures", &none));
    EXPECT_EQ(pending_error(),
              "ImportError: No module named concurrent.futures.__main__; 'concurrent.futures' "
              "is a package and cannot be directly executed");
}

// GILT_STDLIB_DIR for the length of one test.
struct StdlibDirOverride {
    explicit StdlibDirOverride(const std::string& dir) {
        ::setenv("GILT_STDLIB_DIR", dir.c_str(), 1);
    }
    ~StdlibDirOverride() { ::unsetenv("GILT_STDLIB_DIR"); }
    StdlibDirOverride(const StdlibDirOverride&) = delete;
    StdlibDirOverride& operator=(const StdlibDirOverride&) = delete;
};

TEST_F(ImportTest, StdlibDirServesPackages) {
    TempDir lib;
    lib.write("gilt_lib_pkg/__init__.py", "from .inner import deep\nTOP = deep.VALUE + 1\n");
    lib.write("gilt_lib_pkg/inner/__init__.py", "");
    lib.write("gilt_lib_pkg/inner/deep.py", "from .. import flat\nVALUE = flat.BASE * 10\n");
    lib.write("gilt_lib_pkg/flat.py", "BASE = 4\ndef fail():\n    raise ValueError('x')\n");
    StdlibDirOverride use(lib.path);
    host.exec(
        "import gilt_lib_pkg.inner.deep as deep\n"
        "import gilt_lib_pkg\n"
        "info = (gilt_lib_pkg.TOP, deep.__package__, gilt_lib_pkg.inner.__path__,\n"
        "        hasattr(deep, '__file__'), deep.__spec__)\n"
        "try:\n"
        "    gilt_lib_pkg.flat.fail()\n"
        "except ValueError as e:\n"
        "    import traceback\n"
        "    where = traceback.extract_tb(e.__traceback__)[-1].filename\n");
    EXPECT_EQ(host.get_global("info").repr(), "(41, 'gilt_lib_pkg.inner', [], False, None)");
    EXPECT_EQ(host.get_global("where").repr(), "'<frozen gilt_lib_pkg.flat>'");
}

TEST(ImportFiles, ReadSourceFileAndAbsolutePath) {
    std::string text;
    EXPECT_EQ(read_source_file("/nonexistent/x.py", &text), ENOENT);
    EXPECT_EQ(read_source_file("/", &text), EISDIR);
    EXPECT_EQ(absolute_path("/a/b"), "/a/b");
    char cwd[4096];
    ASSERT_TRUE(::getcwd(cwd, sizeof cwd));
    EXPECT_EQ(absolute_path("x/../y.py"), std::string(cwd) + "/x/../y.py");
}

}  // namespace
}  // namespace gilt
