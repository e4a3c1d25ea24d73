// Source lines for tracebacks (source_line / register_source in
// exception.hpp), cached per interpreter in
// Interpreter::module_state["linecache"].
//
// The compiler registers every source it compiles, so a traceback shows
// the text that actually ran even if the file changed since; files never
// registered are read from disk on first use, looked up as CPython's
// traceback printer does (_Py_FindSourceFile): the name as given, then,
// for a relative name, its last component under each sys.path entry.
// Lines are split with universal newlines ("\n", "\r\n", "\r") and
// returned without their terminator.
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "runtime/dict.hpp"
#include "runtime/exception.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/module.hpp"
#include "runtime/module_state.hpp"
#include "runtime/str.hpp"

namespace gilt {

namespace {

struct SourceFile {
    std::string text;
    std::vector<std::size_t> line_starts;  // built on first lookup
    bool indexed = false;
};

struct LineCache {
    std::unordered_map<std::string, std::shared_ptr<SourceFile>> files;
};

constexpr const char* kStateKey = "linecache";

LineCache& cache_of(Interpreter& interp) {
    return module_state<LineCache>(interp, kStateKey);
}

void index_lines(SourceFile& f) {
    f.line_starts.clear();
    f.line_starts.push_back(0);
    const std::string& t = f.text;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i] == '\r' && i + 1 < t.size() && t[i + 1] == '\n') ++i;
        if ((t[i] == '\n' || t[i] == '\r') && i + 1 < t.size()) f.line_starts.push_back(i + 1);
    }
    f.indexed = true;
}

bool read_file(const std::string& path, std::string* out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream buf;
    buf << in.rdbuf();
    *out = buf.str();
    return true;
}

// The file's text, found as CPython's traceback printer would find it.
bool find_source(ThreadState& ts, const std::string& filename, std::string* out) {
    if (read_file(filename, out)) return true;
    if (filename.empty() || filename[0] == '/') return false;
    std::size_t slash = filename.rfind('/');
    std::string tail = slash == std::string::npos ? filename : filename.substr(slash + 1);
    Value sys = ts.interp().sys;
    if (sys.is_null()) return false;
    Value path = dict_get_str(module_dict(sys), ts.names().path);
    if (path.is_null() || !is_list(ts, path)) return false;
    for (uint64_t i = 0; i < list_size(path); ++i) {
        Value entry = list_item(path, i);
        if (!is_str(ts, entry)) continue;
        std::string candidate(str_view(entry));
        if (!candidate.empty() && candidate.back() != '/') candidate += '/';
        if (read_file(candidate + tail, out)) return true;
    }
    return false;
}

}  // namespace

void register_source(ThreadState& ts, const std::string& filename, std::string source) {
    auto f = std::make_shared<SourceFile>();
    f->text = std::move(source);
    cache_of(ts.interp()).files[filename] = std::move(f);
}

std::string source_line(ThreadState& ts, const std::string& filename, int lineno) {
    if (lineno < 1) return {};
    LineCache& cache = cache_of(ts.interp());
    auto it = cache.files.find(filename);
    if (it == cache.files.end()) {
        auto f = std::make_shared<SourceFile>();
        if (!find_source(ts, filename, &f->text)) return {};
        it = cache.files.emplace(filename, std::move(f)).first;
    }
    SourceFile& f = *it->second;
    if (!f.indexed) index_lines(f);
    if (static_cast<std::size_t>(lineno) > f.line_starts.size()) return {};
    std::size_t start = f.line_starts[lineno - 1];
    std::size_t end = start;
    while (end < f.text.size() && f.text[end] != '\n' && f.text[end] != '\r') ++end;
    return f.text.substr(start, end - start);
}

}  // namespace gilt
