// The `gilt` command (see cli.hpp). Option parsing follows CPython's
// Python/getopt.c: short options may be grouped (-iu), an option's
// argument may be attached (-cCODE, -Xdev) or the next word, and -c / -m
// end the option list.
#include "interp/host/cli.hpp"

#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <functional>

#include "runtime/interpreter.hpp"
#include "runtime/signals.hpp"
#include "runtime/thread_start.hpp"

#ifndef GILT_VERSION
#define GILT_VERSION "0.1.0"
#endif

namespace gilt {

namespace {

// Flags that take no argument and change nothing in gilt (accepted so that
// command lines written for python3 keep working): -b -B -d -E -I -O -s -S -v -x.
constexpr std::string_view kIgnoredFlags = "bBdEIOsSvx";

// Options whose argument is the rest of the word or the next word.
bool takes_argument(char c) {
    return c == 'c' || c == 'm' || c == 'X' || c == 'W';
}

// Consumes the argument of option `c` found at word i, char j. Returns
// false (with cl->error set) when there is none.
bool take_argument(const std::vector<std::string>& argv, std::size_t* i, std::size_t j, char c,
                   std::string* out, CommandLine* cl) {
    const std::string& word = argv[*i];
    if (j + 1 < word.size()) {
        *out = word.substr(j + 1);
        return true;
    }
    if (*i + 1 < argv.size()) {
        *out = argv[++*i];
        return true;
    }
    cl->error = std::string("Argument expected for the -") + c + " option";
    return false;
}

// Handles one short option; returns false to stop parsing (error, or -c /
// -m which end the option list). *word_done is set when the rest of the
// word was the option's argument.
bool short_option(const std::vector<std::string>& argv, std::size_t* i, std::size_t j,
                  CommandLine* cl, bool* word_done) {
    char c = argv[*i][j];
    if (takes_argument(c)) {
        std::string arg;
        if (!take_argument(argv, i, j, c, &arg, cl)) return false;
        *word_done = true;
        if (c == 'X') cl->xoptions.push_back(arg);
        if (c == 'c' || c == 'm') {
            cl->mode = c == 'c' ? CommandLine::Mode::Command : CommandLine::Mode::Module;
            cl->target = arg;
            return false;
        }
        return true;
    }
    switch (c) {
        case 'i':
            cl->inspect = true;
            return true;
        case 'u':
            cl->unbuffered = true;
            return true;
        case 'q':
            cl->quiet = true;
            return true;
        case 'P':
            cl->safe_path = true;
            return true;
        case 'V':
            ++cl->version;
            return true;
        case 'h':
        case '?':
            cl->help = true;
            return true;
        default:
            break;
    }
    if (kIgnoredFlags.find(c) != std::string_view::npos) return true;
    cl->error = std::string("Unknown option: -") + c;
    return false;
}

// --long options. false on an unknown one.
bool long_option(const std::string& word, CommandLine* cl) {
    if (word == "--version") {
        ++cl->version;
    } else if (word == "--help") {
        cl->help = true;
    } else {
        cl->error = "unknown option " + word;
        return false;
    }
    return true;
}

void take_rest(const std::vector<std::string>& argv, std::size_t from, CommandLine* cl) {
    for (std::size_t k = from; k < argv.size(); ++k) cl->args.push_back(argv[k]);
}

std::string dirname_of(const std::string& path) {
    std::size_t slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

std::string current_directory() {
    char buf[PATH_MAX];
    return ::getcwd(buf, sizeof buf) ? std::string(buf) : std::string();
}

// sys.path[0] for a script: the directory of the script with symlinks
// resolved, as CPython computes it.
std::string script_directory(const std::string& script) {
    char resolved[PATH_MAX];
    if (::realpath(script.c_str(), resolved) != nullptr) return dirname_of(resolved);
    std::string abs = script.starts_with('/') ? script : current_directory() + "/" + script;
    return dirname_of(abs);
}

}  // namespace

CommandLine parse_command_line(const std::vector<std::string>& argv) {
    CommandLine cl;
    std::size_t i = 1;
    for (; i < argv.size(); ++i) {
        const std::string& word = argv[i];
        if (word == "--") {
            ++i;
            break;
        }
        if (word.size() < 2 || word[0] != '-') break;  // the program ("-" is stdin)
        if (word[1] == '-') {
            if (!long_option(word, &cl)) return cl;
            continue;
        }
        bool word_done = false;
        for (std::size_t j = 1; j < word.size() && !word_done; ++j) {
            if (short_option(argv, &i, j, &cl, &word_done)) continue;
            if (cl.error.empty()) take_rest(argv, i + 1, &cl);
            return cl;
        }
    }
    if (i < argv.size()) {
        cl.target = argv[i];
        cl.mode = cl.target == "-" ? CommandLine::Mode::Stdin : CommandLine::Mode::Script;
        take_rest(argv, i + 1, &cl);
    }
    return cl;
}

Options host_options(const CommandLine& cl, std::string_view program) {
    Options options;
    options.program_name = std::string(program);
    options.xoptions = cl.xoptions;
    options.interactive = cl.inspect || cl.mode == CommandLine::Mode::Repl;
    std::string argv0, path0;
    switch (cl.mode) {
        case CommandLine::Mode::Script:
            argv0 = cl.target;
            path0 = script_directory(cl.target);
            break;
        case CommandLine::Mode::Command:
            argv0 = "-c";
            break;
        case CommandLine::Mode::Module:
            argv0 = "-m";  // until the module is found: then its file
            path0 = current_directory();
            break;
        case CommandLine::Mode::Stdin:
            argv0 = cl.target.empty() ? "" : "-";
            break;
        case CommandLine::Mode::Repl:
            break;
    }
    options.argv.push_back(argv0);
    options.argv.insert(options.argv.end(), cl.args.begin(), cl.args.end());
    if (!cl.safe_path) options.path.push_back(path0);
    return options;
}

// The GIL instruments' -X options with a value that makes no sense, as a
// message ("-X gilpolicy: ..."), or "".
static std::string gil_option_error(const std::vector<std::string>& xoptions) {
    std::vector<std::pair<std::string, std::string>> pairs;
    for (const std::string& x : xoptions) {
        std::size_t eq = x.find('=');
        pairs.emplace_back(x.substr(0, eq), eq == std::string::npos ? "" : x.substr(eq + 1));
    }
    GilOptions options;
    return parse_gil_options(pairs, &options);
}

std::string usage_line(std::string_view program) {
    return "usage: " + std::string(program) +
           " [option] ... [-c cmd | -m mod | file | -] [arg] ...\n";
}

std::string help_text(std::string_view program) {
    return usage_line(program) +
           "Options:\n"
           "-c cmd : program passed in as string (terminates option list)\n"
           "-h     : print this help message and exit (also -? or --help)\n"
           "-i     : inspect interactively after running script; forces a prompt even\n"
           "         if stdin does not appear to be a terminal\n"
           "-m mod : run library module as a script (terminates option list)\n"
           "-P     : don't prepend a potentially unsafe path to sys.path\n"
           "-q     : don't print version and copyright messages on interactive startup\n"
           "-u     : force the stdout and stderr streams to be unbuffered\n"
           "-V     : print the version number and exit (also --version)\n"
           "         when given twice, print more information about the build\n"
           "-X opt : set implementation-specific option (sys._xoptions); gilt's own:\n"
           "         -X gilstats            per-thread GIL table on stderr at exit\n"
           "         -X giltrace=FILE       GIL events as Chrome trace JSON (Perfetto)\n"
           "         -X giltimeline[=F.svg] GIL timeline at exit (terminal, or SVG)\n"
           "         -X switch=instruction  offer the GIL between any two instructions\n"
           "         -X sched=SEED          deterministic thread schedule from SEED\n"
           "         -X gilpolicy=P         GIL hand-off: cpython, fifo or io-priority\n"
           "         -X dev                 development mode (asyncio debug)\n"
           "         -X frozen_modules=off  compile the stdlib's text, not its frozen code\n"
           "-b -B -d -E -I -O -s -S -v -x : accepted for compatibility; no effect\n"
           "file   : program read from script file\n"
           "-      : program read from stdin (default; interactive mode if a tty)\n"
           "arg ...: arguments passed to program in sys.argv[1:]\n";
}

std::string version_text(int level) {
    std::string text = "gilt " GILT_VERSION " (Python 3.11 compatible)";
    if (level > 1) text += " [GCC " __VERSION__ "]";
    return text + "\n";
}

namespace {

std::string read_all_stdin() {
    std::string text;
    char buf[65536];
    for (;;) {
        ssize_t n = ::read(0, buf, sizeof buf);
        if (n > 0) {
            text.append(buf, static_cast<std::size_t>(n));
        } else if (n == 0 || errno != EINTR) {
            return text;
        }
    }
}

struct RunResult {
    int status = 0;
    bool interrupted = false;
};

[[noreturn]] void die_by_sigint();

// Daemon threads still run Python code after threading._shutdown(): the
// interpreter must not be destroyed under them, so the process ends here
// (CPython's daemon threads likewise never run again after finalization).
[[noreturn]] void exit_leaving_daemon_threads(RunResult result) {
    std::fflush(nullptr);
    if (result.interrupted) die_by_sigint();
    std::_Exit(result.status);
}

// The program proper: everything that touches the interpreter, on the
// large-stack thread (the Host is created, used and destroyed there).
// Ctrl-C becomes KeyboardInterrupt while the program runs, unless SIGINT
// was ignored when gilt started (CPython's rule, e.g. `nohup`, `cmd &`).
class SigintHandler {
public:
    explicit SigintHandler(Interpreter& interp) : m_interp(interp) {
        struct sigaction current {};
        m_installed = ::sigaction(SIGINT, nullptr, &current) == 0 && current.sa_handler != SIG_IGN;
        if (m_installed) install_sigint_handler(m_interp);
    }
    ~SigintHandler() {
        if (m_installed) uninstall_signal_handlers(m_interp);
    }
    SigintHandler(const SigintHandler&) = delete;
    SigintHandler& operator=(const SigintHandler&) = delete;

private:
    Interpreter& m_interp;
    bool m_installed = false;
};

RunResult run_host(const CommandLine& cl, const std::string& program) {
    Host host(host_options(cl, program));
    SigintHandler sigint(host.interpreter());
    int status = 0;
    switch (cl.mode) {
        case CommandLine::Mode::Script:
            status = host.run_file(cl.target);
            break;
        case CommandLine::Mode::Command:
            status = host.run_source(cl.target, "<string>");
            break;
        case CommandLine::Mode::Module:
            status = host.run_module(cl.target);
            break;
        case CommandLine::Mode::Stdin:
            status = host.run_source(read_all_stdin(), "<stdin>");
            break;
        case CommandLine::Mode::Repl:
            status = host.run_repl(!cl.quiet);
            break;
    }
    bool interrupted = host.unhandled_keyboard_interrupt();
    if (cl.inspect && cl.mode != CommandLine::Mode::Repl) {
        status = host.run_repl(false);
        interrupted = false;
    }
    int final_status = host.finalize();
    if (status == 0) status = final_status;
    if (host.daemon_threads_running()) {
        exit_leaving_daemon_threads({status, interrupted});
    }
    return {status, interrupted};
}

RunResult run_program(const CommandLine& cl, const std::string& program) {
    try {
        return run_host(cl, program);
    } catch (const ScriptError& e) {  // the interpreter could not start
        std::fprintf(stderr, "%s: %s\n", program.c_str(), e.what());
        return {1, false};
    }
}

// The main thread's stack is fixed by the kernel (8 MiB by default); the
// program runs on a thread whose stack is large enough for
// sys.setrecursionlimit(100000). Pages are committed only when touched.
constexpr std::size_t kProgramStackSize = std::size_t{256} << 20;

struct ThreadCall {
    std::function<RunResult()> body;
    RunResult result;
    pid_t pid = ::getpid();  // of the process that started the program's thread
};

void* thread_main(void* arg) {
    auto* call = static_cast<ThreadCall*>(arg);
    RunResult result = call->body();
    // In a child of os.fork() this thread is the only one: the main thread
    // that would take the result and leave is the parent's. So the child
    // leaves from here, without the static destructors and exit-time leak
    // checks, which would look at the state of threads that are not there
    // (the interpreter itself has been finalized by then).
    if (::getpid() != call->pid) {
        if (result.interrupted) die_by_sigint();
        std::fflush(nullptr);
        std::_Exit(result.status);
    }
    call->result = result;
    return nullptr;
}

// The waiting main thread blocks asynchronous signals, so that the kernel
// delivers Ctrl-C and friends to the program's thread, where they interrupt
// a blocking call (time.sleep, a read, the REPL's wait for a line) as they
// interrupt CPython's main thread. Faults stay deliverable everywhere.
void block_async_signals() {
    sigset_t set;
    sigfillset(&set);
    for (int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP, SIGSYS})
        sigdelset(&set, sig);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

RunResult run_on_large_stack(std::function<RunResult()> body) {
    ThreadCall call{std::move(body), {}};
    pthread_attr_t attr;
    pthread_t thread;
    bool started = pthread_attr_init(&attr) == 0 &&
                   pthread_attr_setstacksize(&attr, kProgramStackSize) == 0 &&
                   pthread_create(&thread, &attr, thread_main, &call) == 0;
    pthread_attr_destroy(&attr);
    if (!started) return call.body();  // no big stack to be had: run where we are
    block_async_signals();
    pthread_join(thread, nullptr);
    return call.result;
}

// CPython ends by SIGINT after an uncaught KeyboardInterrupt, so that the
// parent (a shell) sees a process killed by Ctrl-C.
[[noreturn]] void die_by_sigint() {
    ::signal(SIGINT, SIG_DFL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_UNBLOCK, &set, nullptr);  // blocked on the main thread, see above
    ::kill(::getpid(), SIGINT);
    ::_exit(130);
}

}  // namespace

int cli_main(int argc, char** argv) {
    std::vector<std::string> words(argv, argv + argc);
    std::string program = words.empty() ? "gilt" : words[0];
    CommandLine cl = parse_command_line(words);
    if (!cl.error.empty()) {
        std::fprintf(stderr, "%s\n%sTry `gilt -h' for more information.\n", cl.error.c_str(),
                     usage_line(program).c_str());
        return 2;
    }
    if (cl.help) {
        std::fputs(help_text(program).c_str(), stdout);
        return 0;
    }
    if (cl.version > 0) {
        std::fputs(version_text(cl.version).c_str(), stdout);
        return 0;
    }
    if (std::string bad = gil_option_error(cl.xoptions); !bad.empty()) {
        std::fprintf(stderr, "%s: %s\n", program.c_str(), bad.c_str());
        return 2;
    }
    // As CPython does at start-up: a write to a closed pipe raises
    // BrokenPipeError in the script instead of killing the process.
    ::signal(SIGPIPE, SIG_IGN);
    if (cl.mode == CommandLine::Mode::Repl && !cl.inspect && !::isatty(0)) {
        cl.mode = CommandLine::Mode::Stdin;
    }
    // TODO(-u): sys.stdout/sys.stderr are line-buffered on a terminal and
    // block-buffered otherwise; -u should make them unbuffered once the io
    // module takes a buffering option.
    RunResult result = run_on_large_stack([&] { return run_program(cl, program); });
    if (result.interrupted) die_by_sigint();
    return result.status;
}

}  // namespace gilt
