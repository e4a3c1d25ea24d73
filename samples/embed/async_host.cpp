// An embedding host with an async C++ function: `lookup` pretends to ask a
// slow service (it sleeps on the event loop), then lets the script format
// the answer by awaiting a script coroutine, all in direct style. The
// script (async_script.py beside this file) awaits it alongside its own
// asyncio tasks.
//
//     embed_async_host [path/to/async_script.py]
#include <gilt/gilt.hpp>

#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

namespace {

const std::map<std::string, int> kPopulation = {{"oslo", 709}, {"lyon", 522}};

gilt::Handle lookup(gilt::AsyncContext& cx, std::span<const gilt::Handle> args) {
    std::string city = args[0].as_string();
    cx.sleep(0.02);  // the "network": other tasks run meanwhile
    auto it = kPopulation.find(city);
    if (it == kPopulation.end()) throw gilt::ScriptError("KeyError", city);
    // args[1] is a script coroutine function; await what it returns.
    return cx.await(args[1](city, it->second));
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
    std::string path = argc > 1 ? argv[1] : "async_script.py";
    gilt::Options options;
    options.argv = {path};
    options.stdout_sink = [](std::string_view text) { std::cout << text; };
    gilt::Host host(options);
    gilt::Handle service = host.def_module("service", {});
    host.def_async(service, "lookup", lookup);
    try {
        host.exec(read_file(path), path);
    } catch (const gilt::ScriptError& e) {
        std::cerr << e.traceback();
        return 1;
    }
    return 0;
}
