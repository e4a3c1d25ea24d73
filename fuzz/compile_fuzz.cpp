// The compiler fuzzer: mutated Python sources go through the whole front
// end (tokenizer, parser, symbol table, code generator) by compile_source(),
// which must give a code object or raise SyntaxError (or one of its
// subclasses, MemoryError or RecursionError): never crash, hang, trip a
// sanitizer, or return with an exception half-set. It is meant to be built
// with the asan preset (AddressSanitizer + UndefinedBehaviorSanitizer).
//
// The mutator is self-contained, because gcc has no libFuzzer: it starts
// from a seed source (the golden scripts) and applies one to six of byte
// flips, byte overwrites, splices of tokens taken from another seed,
// deletion, duplication and swapping of lines, nesting of brackets around a
// span, insertion of keywords and operators, indentation changes and
// truncation. Every choice comes from one std::mt19937_64 seeded by --seed,
// so `compile_fuzz --seed S --iterations N` replays the same N inputs.
//
// An input that compiles in exec mode is then run (--no-exec turns this
// off), in a forked child so that nothing it does outlives it: a budget of
// --exec-ms wall milliseconds (SIGALRM ends it) and 2 s of CPU, a recursion
// limit of 200, stdout and stderr discarded, the working directory a fresh
// temporary one, and builtins without open/input/breakpoint and with an
// __import__ that admits only modules without side effects outside the
// process (no os, subprocess, socket, threading...). The child may end
// with any Python exception; it fails the run only by dying of another
// signal than the budget's, or by a sanitizer report (exit status 1), or
// by "gilt: fatal".
//
// Each input is written to --crash-file (default compile_fuzz_crash.py)
// before it is compiled, so when the process dies (a signal, a sanitizer
// report) the file holds the culprit; replay it with
// `compile_fuzz --replay FILE`.
//
// Built with clang and -fsanitize=fuzzer, define GILT_LIBFUZZER: main() is
// left out and libFuzzer drives LLVMFuzzerTestOneInput() below with its own
// mutator.
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#if defined(__SANITIZE_ADDRESS__)
#define GILT_HAVE_SANITIZER_CALLBACK 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GILT_HAVE_SANITIZER_CALLBACK 1
#endif
#endif
#ifdef GILT_HAVE_SANITIZER_CALLBACK
#include <sanitizer/common_interface_defs.h>
#endif

#include "interp/compiler/compile.hpp"
#include "interp/vm/import.hpp"
#include "runtime/abstract.hpp"
#include "runtime/errors.hpp"
#include "runtime/interpreter.hpp"

namespace gilt::fuzz {
namespace {

// --- the input being compiled, for the crash handlers ------------------------

// Process-wide because a signal handler must find it: the input under test
// and where to save it. Written before each compile, read only when dying.
const char* g_current = nullptr;
std::size_t g_current_size = 0;
const char* g_crash_file = "compile_fuzz_crash.py";

void save_current_input(bool dying = true) {
    if (!g_current) return;
    int fd = ::open(g_crash_file, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) return;
    std::size_t done = 0;
    while (done < g_current_size) {
        ssize_t n = ::write(fd, g_current + done, g_current_size - done);
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
    }
    ::close(fd);
    if (!dying) return;
    static const char kMsg[] = "compile_fuzz: the failing input was saved to the crash file\n";
    ssize_t ignored = ::write(2, kMsg, sizeof kMsg - 1);
    (void)ignored;
}

void on_fatal_signal(int sig) {
    save_current_input();
    ::signal(sig, SIG_DFL);
    ::raise(sig);
}

void install_crash_handlers() {
    for (int sig : {SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL}) ::signal(sig, on_fatal_signal);
#ifdef GILT_HAVE_SANITIZER_CALLBACK
    __sanitizer_set_death_callback([] { save_current_input(); });
#endif
}

// --- running what compiled ------------------------------------------------------

// Defines _fuzz_run(code) in __main__: runs the code with safe builtins.
constexpr const char* kExecPrelude = R"PY(
import builtins as _builtins
import sys as _sys
_ALLOWED = frozenset("""math cmath itertools functools collections collections.abc operator
string re json copy heapq bisect fractions decimal statistics enum dataclasses typing abc
contextlib textwrap struct array random datetime keyword types weakref numbers reprlib pprint
binascii base64 hashlib zlib sys gc traceback warnings calendar difflib fnmatch unicodedata
codecs copyreg pickle queue dis string.templatelib""".split())
_real_import = _builtins.__import__
def _safe_import(name, globals=None, locals=None, fromlist=(), level=0):
    if level == 0 and name not in _ALLOWED:
        raise ImportError("compile_fuzz: import of %s refused" % name)
    return _real_import(name, globals, locals, fromlist, level)
_SAFE = dict(vars(_builtins))
for _name in ("open", "input", "breakpoint", "help", "exit", "quit"):
    _SAFE.pop(_name, None)
_SAFE["__import__"] = _safe_import
# The import statement does not go through __builtins__.__import__ in gilt,
# so the modules that reach outside the process are blocked in sys.modules
# too (None there makes their import fail), after the allowed ones loaded.
for _name in sorted(_ALLOWED):
    try:
        _real_import(_name)
    except ImportError:
        pass
for _name in """os posix subprocess _posixsubprocess signal socket _socket ssl select selectors
shutil tempfile pathlib glob io _io multiprocessing _multiprocessing concurrent threading
_thread asyncio _asyncio mmap resource fcntl pty termios ctypes http urllib sqlite3 _sqlite3
zipfile tarfile gzip bz2 lzma logging webbrowser smtplib ftplib telnetlib gil runpy importlib
code pdb faulthandler atexit time""".split():
    _sys.modules[_name] = None
def _fuzz_run(code):
    _sys.setrecursionlimit(200)
    exec(code, {"__builtins__": _SAFE, "__name__": "__fuzz__"})
)PY";

struct ExecContext {
    bool enabled = true;
    int budget_ms = 1000;
    std::string workdir;
    Value run;  // _fuzz_run, owned
};
ExecContext g_exec;  // process-wide like g_current: set up once in run()

bool setup_exec(ThreadState& ts) {
    if (!g_exec.enabled) return true;
    char dir[] = "/tmp/compile_fuzz_XXXXXX";
    if (!::mkdtemp(dir)) return false;
    g_exec.workdir = dir;
    Ref done(run_main_source(ts, kExecPrelude, "<compile_fuzz prelude>"));
    Ref main(main_module(ts));
    if (!done || !main) return false;
    g_exec.run = obj_getattr_cstr(ts, *main, "_fuzz_run");
    return !g_exec.run.is_null();
}

// The child's side: run, then leave without running exit handlers (the
// parent owns them).
[[noreturn]] void exec_child(ThreadState& ts, Value code) {
    if (::chdir(g_exec.workdir.c_str()) != 0) ::_exit(0);
    rlimit cpu{2, 3};
    ::setrlimit(RLIMIT_CPU, &cpu);
#ifndef GILT_HAVE_SANITIZER_CALLBACK
    rlimit as{1ull << 30, 1ull << 30};  // ASan reserves terabytes of shadow
    ::setrlimit(RLIMIT_AS, &as);
#endif
    itimerval budget{};
    budget.it_value.tv_sec = g_exec.budget_ms / 1000;
    budget.it_value.tv_usec = (g_exec.budget_ms % 1000) * 1000;
    ::signal(SIGALRM, SIG_DFL);
    ::setitimer(ITIMER_REAL, &budget, nullptr);
    Value argv[] = {code};
    Ref r(obj_call(ts, g_exec.run, Args{argv, 1, nullptr}));
    if (!r) clear_exception(ts);
    ::_exit(0);
}

// Runs `code` in a forked child; false (after saying why) when the child
// died in a way a script must never make it die.
bool exec_one(ThreadState& ts, Value code) {
    std::fflush(nullptr);
    pid_t pid = ::fork();
    if (pid < 0) return true;  // out of processes: skip, not a finding
    if (pid == 0) exec_child(ts, code);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return true;
    // The budget's signals, and any a script may send itself, are not
    // findings; a fault is.
    if (WIFSIGNALED(status)) {
        switch (WTERMSIG(status)) {
            case SIGSEGV:
            case SIGBUS:
            case SIGABRT:
            case SIGFPE:
            case SIGILL:
                break;
            default:
                return true;
        }
    }
    if (WIFSIGNALED(status))
        std::fprintf(stderr, "compile_fuzz: running the code died of signal %d\n",
                     WTERMSIG(status));
    else
        std::fprintf(stderr, "compile_fuzz: running the code exited with status %d\n",
                     WEXITSTATUS(status));
    return false;
}

// --- one input ---------------------------------------------------------------

// Exceptions compile_source may legitimately raise.
bool allowed_failure(ThreadState& ts, Value exc) {
    const ExceptionTypes& e = ts.exc_types();
    for (TypeObject* t : {e.SyntaxError, e.MemoryError, e.RecursionError, e.ValueError}) {
        if (is_instance_of(ts, exc, t)) return true;
    }
    return false;
}

// Compiles `source` in each mode; returns false (after printing why) when
// the outcome is neither a code object nor an allowed exception.
bool compile_one(ThreadState& ts, std::string_view source) {
    g_current = source.data();
    g_current_size = source.size();
    for (CompileMode mode : {CompileMode::Exec, CompileMode::Eval, CompileMode::Single}) {
        Ref code(compile_source(ts, source, "<fuzz>", mode));
        if (code) {
            if (ts.has_exception()) {
                std::fprintf(stderr, "compile_fuzz: a code object with an exception pending\n");
                return false;
            }
            if (mode == CompileMode::Exec && !g_exec.run.is_null() && !exec_one(ts, *code))
                return false;
            continue;
        }
        if (!ts.has_exception()) {
            std::fprintf(stderr, "compile_fuzz: null without an exception\n");
            return false;
        }
        Ref exc(fetch_exception(ts));
        if (!allowed_failure(ts, *exc)) {
            std::string_view name = type_name(ts, *exc);
            std::fprintf(stderr, "compile_fuzz: unexpected %.*s\n", static_cast<int>(name.size()),
                         name.data());
            return false;
        }
    }
    return true;
}

// --- the mutator -------------------------------------------------------------

class Mutator {
public:
    Mutator(uint64_t seed, std::vector<std::string> corpus)
        : m_rng(seed), m_corpus(std::move(corpus)) {}

    std::string next() {
        std::string s = m_corpus[pick(m_corpus.size())];
        int rounds = 1 + static_cast<int>(pick(6));
        for (int r = 0; r < rounds; ++r) mutate(s);
        if (s.size() > kMaxSize) s.resize(kMaxSize);
        return s;
    }

private:
    static constexpr std::size_t kMaxSize = 64 * 1024;
    std::mt19937_64 m_rng;
    std::vector<std::string> m_corpus;

    std::size_t pick(std::size_t n) { return n ? static_cast<std::size_t>(m_rng() % n) : 0; }
    const std::string& other() { return m_corpus[pick(m_corpus.size())]; }

    void mutate(std::string& s) {
        switch (pick(12)) {
            case 0:
                flip_bit(s);
                break;
            case 1:
                set_byte(s);
                break;
            case 2:
                splice_token(s);
                break;
            case 3:
                delete_line(s);
                break;
            case 4:
                duplicate_line(s);
                break;
            case 5:
                swap_lines(s);
                break;
            case 6:
                nest_brackets(s);
                break;
            case 7:
                insert_word(s);
                break;
            case 8:
                reindent(s);
                break;
            case 9:
                truncate(s);
                break;
            case 10:
                splice_lines(s);
                break;
            default:
                insert_bytes(s);
                break;
        }
    }

    void flip_bit(std::string& s) {
        if (!s.empty()) s[pick(s.size())] ^= static_cast<char>(1u << pick(8));
    }
    void set_byte(std::string& s) {
        static constexpr std::string_view kInteresting = "()[]{}:\n\t \\'\"#@=*,.;\r\x00\xff\xc3";
        if (s.empty()) return;
        s[pick(s.size())] =
            pick(2) ? kInteresting[pick(kInteresting.size())] : static_cast<char>(m_rng());
    }
    // A token: an identifier or number, a quoted run, or one punctuation byte.
    static std::pair<std::size_t, std::size_t> token_at(const std::string& s, std::size_t i) {
        auto word = [](unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; };
        std::size_t j = i;
        if (word(static_cast<unsigned char>(s[i]))) {
            while (j < s.size() && word(static_cast<unsigned char>(s[j]))) ++j;
        } else if (s[i] == '"' || s[i] == '\'') {
            j = s.find(s[i], i + 1);
            j = j == std::string::npos ? s.size() : j + 1;
        } else {
            j = i + 1;
        }
        return {i, j - i};
    }
    void splice_token(std::string& s) {
        const std::string& o = other();
        if (o.empty()) return;
        auto [from, len] = token_at(o, pick(o.size()));
        std::string token = o.substr(from, len);
        std::size_t at = pick(s.size() + 1);
        if (at < s.size() && pick(2)) {
            auto [start, old_len] = token_at(s, at);
            s.replace(start, old_len, token);
        } else {
            s.insert(at, token);
        }
    }
    std::vector<std::string> lines(const std::string& s) {
        std::vector<std::string> out;
        std::istringstream in(s);
        for (std::string line; std::getline(in, line);) out.push_back(line + "\n");
        return out;
    }
    static std::string join(const std::vector<std::string>& ls) {
        std::string out;
        for (const std::string& l : ls) out += l;
        return out;
    }
    void delete_line(std::string& s) {
        auto ls = lines(s);
        if (ls.empty()) return;
        ls.erase(ls.begin() + static_cast<long>(pick(ls.size())));
        s = join(ls);
    }
    void duplicate_line(std::string& s) {
        auto ls = lines(s);
        if (ls.empty()) return;
        std::size_t i = pick(ls.size());
        std::size_t times = 1 + pick(pick(10) ? 3 : 200);
        ls.insert(ls.begin() + static_cast<long>(i), times, ls[i]);
        s = join(ls);
    }
    void swap_lines(std::string& s) {
        auto ls = lines(s);
        if (ls.size() < 2) return;
        std::swap(ls[pick(ls.size())], ls[pick(ls.size())]);
        s = join(ls);
    }
    void splice_lines(std::string& s) {
        auto ls = lines(s), os = lines(other());
        if (os.empty()) return;
        std::size_t from = pick(os.size()),
                    n = 1 + pick(std::min<std::size_t>(8, os.size() - from));
        ls.insert(ls.begin() + static_cast<long>(pick(ls.size() + 1)),
                  os.begin() + static_cast<long>(from), os.begin() + static_cast<long>(from + n));
        s = join(ls);
    }
    // Wraps a span in `depth` pairs of one bracket kind (sometimes
    // unbalanced): deep nesting reaches the recursive parts of every pass.
    void nest_brackets(std::string& s) {
        static constexpr const char* kPairs[] = {"()", "[]", "{}", "(())", "[(", "f'{"};
        std::string_view pair = kPairs[pick(std::size(kPairs))];
        std::size_t depth = 1 + pick(pick(4) ? 8 : 5000);
        std::size_t a = pick(s.size() + 1),
                    b = a + pick(std::min<std::size_t>(40, s.size() - a + 1));
        std::string open, close;
        for (std::size_t i = 0; i < depth; ++i) {
            open += pair.substr(0, pair.size() / 2);
            if (pick(50)) close += pair.substr(pair.size() / 2);
        }
        s.insert(b, close);
        s.insert(a, open);
    }
    void insert_word(std::string& s) {
        static constexpr const char* kWords[] = {"lambda ",
                                                 "yield ",
                                                 "await ",
                                                 "async ",
                                                 "nonlocal x\n",
                                                 "global x\n",
                                                 "del ",
                                                 " if ",
                                                 " else ",
                                                 "for x in ",
                                                 "return ",
                                                 ":= ",
                                                 "*",
                                                 "**",
                                                 "@",
                                                 "->",
                                                 "...",
                                                 " not ",
                                                 " is ",
                                                 "class C:\n",
                                                 "def f(",
                                                 "try:\n",
                                                 "except* ",
                                                 "finally:\n",
                                                 "match x:\n case ",
                                                 "with a as b:",
                                                 "\\\n",
                                                 "f'",
                                                 "b'",
                                                 "rb'",
                                                 "u'",
                                                 "'''",
                                                 "0x",
                                                 "1e",
                                                 "1_",
                                                 "0o8",
                                                 "1j",
                                                 "\t",
                                                 "\x0c",
                                                 "\r\n",
                                                 "# coding: latin-1\n",
                                                 "\xef\xbb\xbf"};
        s.insert(pick(s.size() + 1), kWords[pick(std::size(kWords))]);
    }
    void reindent(std::string& s) {
        auto ls = lines(s);
        if (ls.empty()) return;
        std::string& l = ls[pick(ls.size())];
        switch (pick(3)) {
            case 0:
                l.insert(0, std::string(1 + pick(8), ' '));
                break;
            case 1:
                l.insert(0, "\t");
                break;
            default:
                l.erase(0, l.find_first_not_of(" \t") == std::string::npos
                               ? 0
                               : l.find_first_not_of(" \t"));
        }
        s = join(ls);
    }
    void truncate(std::string& s) { s.resize(pick(s.size() + 1)); }
    void insert_bytes(std::string& s) {
        std::string junk(1 + pick(8), '\0');
        for (char& c : junk) c = static_cast<char>(m_rng());
        s.insert(pick(s.size() + 1), junk);
    }
};

// --- the corpus and the command line ------------------------------------------

std::vector<std::string> load_corpus(const std::vector<std::string>& dirs) {
    std::vector<std::filesystem::path> paths;
    for (const std::string& dir : dirs) {
        std::error_code ec;
        for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
             !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
            if (it->is_regular_file() && it->path().extension() == ".py")
                paths.push_back(it->path());
        }
    }
    std::sort(paths.begin(), paths.end());  // the directory order is not stable
    std::vector<std::string> corpus;
    for (const auto& p : paths) {
        std::ifstream in(p, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        corpus.push_back(text.str());
    }
    if (corpus.empty()) corpus.push_back("x = [1, (2, {3: 4})]\ndef f(a, *b):\n    return a\n");
    return corpus;
}

struct Options {
    uint64_t seed = 1;
    uint64_t iterations = 0;  // 0: until --seconds
    double seconds = 0;
    std::vector<std::string> corpus_dirs;
    std::string replay;
};

bool parse_options(int argc, char** argv, Options* o) {
    for (int i = 1; i < argc; ++i) {
        std::string_view a = argv[i];
        auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : ""; };
        if (a == "--seed")
            o->seed = std::strtoull(value(), nullptr, 10);
        else if (a == "--iterations")
            o->iterations = std::strtoull(value(), nullptr, 10);
        else if (a == "--seconds")
            o->seconds = std::strtod(value(), nullptr);
        else if (a == "--corpus")
            o->corpus_dirs.emplace_back(value());
        else if (a == "--replay")
            o->replay = value();
        else if (a == "--crash-file")
            g_crash_file = value();
        else if (a == "--no-exec")
            g_exec.enabled = false;
        else if (a == "--exec-ms")
            g_exec.budget_ms = std::atoi(value());
        else {
            std::fprintf(stderr,
                         "usage: compile_fuzz [--seed N] [--iterations N] [--seconds S] "
                         "[--corpus DIR]... [--crash-file PATH] [--replay FILE] [--no-exec] "
                         "[--exec-ms N]\n");
            return false;
        }
    }
    if (const char* env = std::getenv("GILT_FUZZ_SECONDS"); env && *env) {
        o->seconds = std::strtod(env, nullptr);
        o->iterations = 0;
    }
    if (o->iterations == 0 && o->seconds <= 0) o->iterations = 1000;
    return true;
}

InterpreterConfig quiet_config() {
    InterpreterConfig c;
    c.argv = {"compile_fuzz"};
    c.stdout_sink = [](std::string_view) {};
    c.stderr_sink = [](std::string_view) {};
    return c;
}

int run(const Options& o) {
    install_crash_handlers();
    Interpreter interp(quiet_config());
    ThreadState& ts = interp.main_thread();
    if (!setup_exec(ts)) {
        std::fprintf(stderr, "compile_fuzz: cannot set up the runs of compiled code\n");
        return 2;
    }
    if (!o.replay.empty()) {
        std::ifstream in(o.replay, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        std::string source = text.str();
        return compile_one(ts, source) ? 0 : 1;
    }
    Mutator mutator(o.seed, load_corpus(o.corpus_dirs));
    auto start = std::chrono::steady_clock::now();
    uint64_t n = 0;
    for (;; ++n) {
        if (o.iterations && n >= o.iterations) break;
        std::chrono::duration<double> spent = std::chrono::steady_clock::now() - start;
        if (!o.iterations && spent.count() >= o.seconds) break;
        std::string source = mutator.next();
        // Saved before it runs: UBSan's fatal reports end the process without
        // a signal or the death callback, so the file is all that is left.
        g_current = source.data();
        g_current_size = source.size();
        save_current_input(false);
        if (!compile_one(ts, source)) {
            save_current_input(true);
            std::fprintf(stderr, "compile_fuzz: failed at iteration %llu (seed %llu)\n",
                         static_cast<unsigned long long>(n),
                         static_cast<unsigned long long>(o.seed));
            return 1;
        }
    }
    std::chrono::duration<double> spent = std::chrono::steady_clock::now() - start;
    std::printf("compile_fuzz: %llu inputs in %.1f s (seed %llu), no failure\n",
                static_cast<unsigned long long>(n), spent.count(),
                static_cast<unsigned long long>(o.seed));
    return 0;
}

}  // namespace
}  // namespace gilt::fuzz

// libFuzzer's entry point: one interpreter for the whole run.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static gilt::Interpreter* interp = new gilt::Interpreter(gilt::fuzz::quiet_config());
    std::string source(reinterpret_cast<const char*>(data), size);
    if (!gilt::fuzz::compile_one(interp->main_thread(), source)) std::abort();
    return 0;
}

#ifndef GILT_LIBFUZZER
int main(int argc, char** argv) {
    gilt::fuzz::Options options;
    if (!gilt::fuzz::parse_options(argc, argv, &options)) return 2;
    return gilt::fuzz::run(options);
}
#endif
