// Tests for the module registry (stdlib/registry.cpp): every registered
// native module and every Python-written module under stdlib/lib imports,
// and no native init function is written but left out of the table.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "stdlib/registry.hpp"
#include "tests/unit/stdlib/script_test_util.hpp"

namespace gilt {
namespace {

using testing::ScriptTest;

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

class RegistryTest : public ScriptTest {};

TEST_F(RegistryTest, EveryNativeModuleImports) {
    for (const NativeModule& m : native_module_table()) {
        std::string name(m.name);
        EXPECT_EQ(run("import " + name + "\nprint(type(" + name + ").__name__)\n"), "module\n")
            << name;
    }
}

TEST_F(RegistryTest, TableIsSortedWithoutDuplicates) {
    std::string_view previous;
    for (const NativeModule& m : native_module_table()) {
        EXPECT_LT(previous, m.name);
        previous = m.name;
    }
}

// The dotted module name of a stdlib/lib file: "json" for json.py,
// "concurrent.futures" for concurrent/futures/__init__.py.
std::string module_name_of(const fs::path& lib, const fs::path& file) {
    fs::path relative = fs::relative(file, lib).replace_extension();
    std::string name;
    for (const fs::path& part : relative) {
        if (part == "__init__") break;
        if (!name.empty()) name += '.';
        name += part.string();
    }
    return name;
}

TEST_F(RegistryTest, EveryPythonWrittenModuleImports) {
    fs::path lib = fs::path(GILT_SOURCE_DIR) / "stdlib" / "lib";
    int count = 0;
    int in_packages = 0;
    for (const auto& entry : fs::recursive_directory_iterator(lib)) {
        if (entry.path().extension() != ".py") continue;
        std::string name = module_name_of(lib, entry.path());
        EXPECT_EQ(run("import " + name + "\nprint(type(" + name + ").__name__)\n"), "module\n")
            << name;
        ++count;
        in_packages += name.find('.') != std::string::npos;
    }
    EXPECT_GT(count, 20);
    EXPECT_GT(in_packages, 2);  // concurrent.futures._base, .thread, ...
}

TEST_F(RegistryTest, EmbeddedPackagesImportAsPackages) {
    EXPECT_EQ(run("import concurrent.futures._base as b\n"
                  "import concurrent.futures as f\n"
                  "print(f.__package__, f.__path__, b.__package__, hasattr(b, '__path__'))\n"
                  "print(f._base is b, f.__spec__, b.__name__)\n"),
              "concurrent.futures [] concurrent.futures False\n"
              "True None concurrent.futures._base\n");
}

// A native module is a `Value init_NAME_module(ThreadState& ts)` in some
// stdlib/*.cpp; registry.cpp must name each one in its table.
TEST_F(RegistryTest, EveryInitFunctionIsInTheTable) {
    fs::path stdlib = fs::path(GILT_SOURCE_DIR) / "stdlib";
    std::string table = read_file(stdlib / "registry.cpp");
    std::regex definition(R"(^Value (init_\w+_module)\(ThreadState& \w+\) \{)",
                          std::regex::multiline);
    std::set<std::string> found;
    for (const auto& entry : fs::directory_iterator(stdlib)) {
        if (entry.path().extension() != ".cpp") continue;
        std::string text = read_file(entry.path());
        for (std::sregex_iterator it(text.begin(), text.end(), definition), end; it != end; ++it) {
            found.insert((*it)[1].str());
        }
    }
    EXPECT_GT(found.size(), 10u);
    for (const std::string& init : found) {
        EXPECT_NE(table.find(", " + init + "}"), std::string::npos)
            << init << " is not in kNativeModules";
    }
}

}  // namespace
}  // namespace gilt
