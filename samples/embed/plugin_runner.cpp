// A plugin runner: runs untrusted plugin scripts in a sandbox, each in a
// Host of its own with a time limit, a heap cap and only safe modules, and
// reports what each did. A plugin defines run(text); the host calls it with
// some text and prints the result, or the exception that stopped it.
//
//     embed_plugin_runner [plugins-dir]     (default: plugins)
//
// The plugins beside this file include well-behaved ones and ones that try
// to read files, spin forever, hog memory, run commands and recurse; the
// runner survives all of them.
#include <gilt/gilt.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

gilt::Options plugin_options() {
    gilt::Options o = gilt::Options::sandboxed();  // safe modules, no files, no processes
    o.sandbox.time_limit = 0.5;                    // seconds per call into the plugin
    o.sandbox.memory_limit = std::size_t(64) << 20;
    o.stdout_sink = [](std::string_view text) { std::fwrite(text.data(), 1, text.size(), stdout); };
    return o;
}

// Loads and runs one plugin; returns a one-line report.
std::string run_plugin(const std::filesystem::path& file, const std::string& input) {
    auto start = std::chrono::steady_clock::now();
    std::string outcome;
    try {
        gilt::Host host(plugin_options());
        host.exec(read_file(file), file.filename().string());
        outcome = "ok: " + host.call("run", input).repr();
        if (outcome.size() > 70) outcome = outcome.substr(0, 67) + "...";
    } catch (const gilt::ScriptError& e) {
        outcome = "stopped: " + e.type_name() + ": " + e.message();
    }
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                  std::chrono::steady_clock::now() - start)
                  .count();
    return file.filename().string() + " -> " + outcome + " (" + std::to_string(ms) + " ms)";
}

}  // namespace

int main(int argc, char** argv) {
    std::filesystem::path dir = argc > 1 ? argv[1] : "plugins";
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() == ".py") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    const std::string input = "the cat and the hat and the bat sat on the mat";
    for (const auto& file : files) std::printf("%s\n", run_plugin(file, input).c_str());
    // The runner itself is unharmed: one more interpreter, unrestricted.
    gilt::Host after;
    std::printf("runner still works: %s\n",
                after.eval("'yes' if 6 * 7 == 42 else 'no'").as_string().c_str());
    return 0;
}
