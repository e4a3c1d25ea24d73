// A host application embedding gilt: it exposes a C++ "inventory" to a
// script as an importable module, runs the script (script.py beside this
// file), calls its functions with C++ values, and handles a script error.
//
//     embed_host [path/to/script.py]
#include <gilt/gilt.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

namespace {

struct Item {
    double price;
    int stock;
};

const std::map<std::string, Item> kInventory = {
    {"apple", {0.5, 120}},
    {"pear", {0.75, 40}},
};

// Looks an item up; an unknown one becomes KeyError in the script.
const Item& find_item(const gilt::Handle& name) {
    auto it = kInventory.find(name.as_string());
    if (it == kInventory.end()) throw gilt::ScriptError("KeyError", name.as_string());
    return it->second;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

int main(int argc, char** argv) {
    std::string path = argc > 1 ? argv[1] : "script.py";
    gilt::Options options;
    options.argv = {path};
    options.stdout_sink = [](std::string_view text) { std::cout << text; };
    gilt::Host host(options);

    host.def("host_log", [](gilt::CallContext&, std::span<const gilt::Handle> args) {
        std::cerr << "[host] " << args[0].as_string() << "\n";
        return gilt::Handle();  // None
    });
    host.def_module("inventory",
                    {{"price",
                      [](gilt::CallContext& ctx, std::span<const gilt::Handle> args) {
                          return ctx.host().object(find_item(args[0]).price);
                      }},
                     {"stock", [](gilt::CallContext& ctx, std::span<const gilt::Handle> args) {
                          return ctx.host().object(find_item(args[0]).stock);
                      }}});

    try {
        host.exec(read_file(path), path);
        gilt::Handle report = host.call("make_report", std::vector<std::string>{"apple", "pear"});
        for (const auto& [name, value] : report.as<std::map<std::string, double>>()) {
            std::printf("%-6s %8.2f\n", name.c_str(), value);
        }
        std::printf("pear costs %.2f\n", host.call("checkout", "pear").as_double());
        host.call("checkout", "durian");
    } catch (const gilt::ScriptError& e) {
        // The traceback names script.py and the line in checkout().
        std::fprintf(stderr, "script error %s: %s\n%s", e.type_name().c_str(), e.message().c_str(),
                     e.traceback().c_str());
        return e.type_name() == "KeyError" ? 0 : 1;  // the durian is expected to fail
    }
    return 1;
}
