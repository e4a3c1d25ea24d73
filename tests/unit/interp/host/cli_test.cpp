// Tests for the `gilt` command: option parsing (interp/host/cli.hpp) directly,
// then the built binary (GILT_BINARY) run as a child process, compared with
// what `python3` prints and returns for the same command lines.
#include "interp/host/cli.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace gilt {
namespace {

namespace fs = std::filesystem;

CommandLine parse(std::vector<std::string> args) {
    args.insert(args.begin(), "gilt");
    return parse_command_line(args);
}

TEST(CliParse, ScriptAndArguments) {
    CommandLine cl = parse({"script.py", "-x", "--y"});
    EXPECT_EQ(cl.mode, CommandLine::Mode::Script);
    EXPECT_EQ(cl.target, "script.py");
    EXPECT_EQ(cl.args, (std::vector<std::string>{"-x", "--y"}));
    EXPECT_TRUE(cl.error.empty());
}

TEST(CliParse, CommandEndsTheOptions) {
    CommandLine cl = parse({"-c", "print(1)", "-i", "a"});
    EXPECT_EQ(cl.mode, CommandLine::Mode::Command);
    EXPECT_EQ(cl.target, "print(1)");
    EXPECT_EQ(cl.args, (std::vector<std::string>{"-i", "a"}));
    EXPECT_FALSE(cl.inspect);
    CommandLine attached = parse({"-icprint(2)"});
    EXPECT_TRUE(attached.inspect);
    EXPECT_EQ(attached.mode, CommandLine::Mode::Command);
    EXPECT_EQ(attached.target, "print(2)");
}

TEST(CliParse, ModuleAndXOptions) {
    CommandLine cl = parse({"-X", "dev", "-Xlevel=2", "-u", "-m", "pkg.mod", "arg"});
    EXPECT_EQ(cl.mode, CommandLine::Mode::Module);
    EXPECT_EQ(cl.target, "pkg.mod");
    EXPECT_EQ(cl.args, std::vector<std::string>{"arg"});
    EXPECT_EQ(cl.xoptions, (std::vector<std::string>{"dev", "level=2"}));
    EXPECT_TRUE(cl.unbuffered);
}

TEST(CliParse, StdinAndDoubleDash) {
    CommandLine dash = parse({"-", "a"});
    EXPECT_EQ(dash.mode, CommandLine::Mode::Stdin);
    EXPECT_EQ(dash.args, std::vector<std::string>{"a"});
    CommandLine ddash = parse({"--", "-weird.py"});
    EXPECT_EQ(ddash.mode, CommandLine::Mode::Script);
    EXPECT_EQ(ddash.target, "-weird.py");
    EXPECT_EQ(parse({}).mode, CommandLine::Mode::Repl);
}

TEST(CliParse, VersionHelpAndErrors) {
    EXPECT_EQ(parse({"-V"}).version, 1);
    EXPECT_EQ(parse({"-VV"}).version, 2);
    EXPECT_EQ(parse({"--version"}).version, 1);
    EXPECT_TRUE(parse({"-h"}).help);
    EXPECT_TRUE(parse({"--help"}).help);
    EXPECT_EQ(parse({"-z"}).error, "Unknown option: -z");
    EXPECT_EQ(parse({"--foo"}).error, "unknown option --foo");
    EXPECT_EQ(parse({"-c"}).error, "Argument expected for the -c option");
    EXPECT_EQ(parse({"-m"}).error, "Argument expected for the -m option");
    EXPECT_EQ(parse({"-X"}).error, "Argument expected for the -X option");
    EXPECT_TRUE(parse({"-B", "-E", "-s", "-S", "-O", "-q", "x.py"}).error.empty());
}

TEST(CliParse, HostOptions) {
    Options c = host_options(parse({"-c", "pass", "a"}), "gilt");
    EXPECT_EQ(c.argv, (std::vector<std::string>{"-c", "a"}));
    EXPECT_EQ(c.path, std::vector<std::string>{""});
    Options s = host_options(parse({"/tmp/x.py", "b"}), "gilt");
    EXPECT_EQ(s.argv, (std::vector<std::string>{"/tmp/x.py", "b"}));
    ASSERT_EQ(s.path.size(), 1u);
    EXPECT_EQ(s.path[0], fs::canonical("/tmp").string());
    Options m = host_options(parse({"-m", "mod"}), "gilt");
    EXPECT_EQ(m.path, std::vector<std::string>{fs::current_path().string()});
    EXPECT_TRUE(host_options(parse({"-P", "-c", "pass"}), "gilt").path.empty());
    EXPECT_EQ(host_options(parse({"-X", "a=1", "-c", "pass"}), "gilt").xoptions,
              std::vector<std::string>{"a=1"});
}

TEST(CliParse, VersionText) {
    EXPECT_EQ(version_text(1), "gilt 0.1.0 (Python 3.11 compatible)\n");
}

#ifdef GILT_BINARY

struct RunResult {
    std::string out, err;
    int status = -1;  // exit status, or -signal when killed by a signal
};

std::string slurp(const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Runs the gilt binary with `args` in `cwd`, feeding `input` on stdin.
RunResult run_gilt(const std::vector<std::string>& args, const std::string& input = "",
                   const std::string& cwd = "") {
    fs::path dir = fs::temp_directory_path() / ("gilt-cli-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::string in_path = (dir / "in").string(), out_path = (dir / "out").string(),
                err_path = (dir / "err").string();
    std::ofstream(in_path) << input;
    pid_t pid = ::fork();
    if (pid == 0) {
        int in = ::open(in_path.c_str(), O_RDONLY);
        int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        ::dup2(in, 0);
        ::dup2(out, 1);
        ::dup2(err, 2);
        if (!cwd.empty() && ::chdir(cwd.c_str()) != 0) ::_exit(127);
        // The child's stderr is compared exactly: in sanitizer builds, leaks
        // are checked in-process by the other tests, not in the child.
        const char* asan = std::getenv("ASAN_OPTIONS");
        std::string options = std::string(asan ? asan : "") + ":detect_leaks=0";
        ::setenv("ASAN_OPTIONS", options.c_str(), 1);
        std::vector<char*> argv;
        argv.push_back(const_cast<char*>(GILT_BINARY));
        for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        ::execv(GILT_BINARY, argv.data());
        ::_exit(127);
    }
    int wstatus = 0;
    ::waitpid(pid, &wstatus, 0);
    RunResult r;
    r.out = slurp(out_path);
    r.err = slurp(err_path);
    r.status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -WTERMSIG(wstatus);
    fs::remove_all(dir);
    return r;
}

// A directory with the given files, removed at the end of the test.
struct ScriptDir {
    explicit ScriptDir(std::initializer_list<std::pair<std::string, std::string>> files) {
        path = fs::temp_directory_path() / ("gilt-cli-scripts-" + std::to_string(::getpid()));
        fs::create_directories(path);
        for (const auto& [name, text] : files) {
            fs::create_directories((path / name).parent_path());
            std::ofstream(path / name) << text;
        }
    }
    ~ScriptDir() { fs::remove_all(path); }
    std::string file(const std::string& name) const { return (path / name).string(); }
    fs::path path;
};

TEST(CliBinary, Version) {
    RunResult r = run_gilt({"--version"});
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.out, "gilt 0.1.0 (Python 3.11 compatible)\n");
    EXPECT_EQ(run_gilt({"-V"}).out, r.out);
}

TEST(CliBinary, HelpGoesToStdout) {
    RunResult r = run_gilt({"-h"});
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.out.rfind(std::string("usage: ") + GILT_BINARY + " [option]", 0), 0u) << r.out;
}

TEST(CliBinary, UnknownOption) {
    RunResult r = run_gilt({"-z"});
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.err, std::string("Unknown option: -z\nusage: ") + GILT_BINARY +
                         " [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
                         "Try `gilt -h' for more information.\n");
    EXPECT_EQ(r.out, "");
}

TEST(CliBinary, CommandAndArgv) {
    RunResult r =
        run_gilt({"-c", "import sys; print(1 + 2, sys.argv, repr(sys.path[0]))", "a", "b"});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "3 ['-c', 'a', 'b'] ''\n");
    EXPECT_EQ(r.err, "");
}

TEST(CliBinary, XOptions) {
    RunResult r = run_gilt({"-X", "foo", "-X", "bar=1", "-c", "import sys; print(sys._xoptions)"});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "{'foo': True, 'bar': '1'}\n");
}

TEST(CliBinary, MissingScript) {
    RunResult r = run_gilt({"nosuch_script.py"}, "", "/tmp");
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(
        r.err,
        std::string(GILT_BINARY) +
            ": can't open file '/tmp/nosuch_script.py': [Errno 2] No such file or directory\n");
}

TEST(CliBinary, ScriptSeesItsPathAndArgs) {
    ScriptDir dir(
        {{"show.py",
          "import sys\nprint(sys.argv, __name__, __file__ == sys.path[0] + '/show.py')\n"}});
    RunResult r = run_gilt({dir.file("show.py"), "x"});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "['" + dir.file("show.py") + "', 'x'] __main__ True\n");
}

TEST(CliBinary, SystemExitStatuses) {
    ScriptDir dir({{"exit3.py", "raise SystemExit(3)\n"},
                   {"exitmsg.py", "import sys\nsys.exit('fatal: something went wrong')\n"},
                   {"exitnone.py", "import sys\nprint('bye')\nsys.exit()\n"}});
    EXPECT_EQ(run_gilt({dir.file("exit3.py")}).status, 3);
    RunResult msg = run_gilt({dir.file("exitmsg.py")});
    EXPECT_EQ(msg.status, 1);
    EXPECT_EQ(msg.err, "fatal: something went wrong\n");
    RunResult none = run_gilt({dir.file("exitnone.py")});
    EXPECT_EQ(none.status, 0);
    EXPECT_EQ(none.out, "bye\n");
}

TEST(CliBinary, UncaughtExceptionPrintsTraceback) {
    ScriptDir dir({{"boom.py", "print('before')\ndef f():\n    raise ValueError('boom')\nf()\n"}});
    RunResult r = run_gilt({dir.file("boom.py")});
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(r.out, "before\n");
    EXPECT_EQ(r.err,
              "Traceback (most recent call last):\n"
              "  File \"" +
                  dir.file("boom.py") +
                  "\", line 4, in <module>\n"
                  "    f()\n"
                  "  File \"" +
                  dir.file("boom.py") +
                  "\", line 3, in f\n"
                  "    raise ValueError('boom')\n"
                  "ValueError: boom\n");
}

TEST(CliBinary, KeyboardInterruptEndsBySigint) {
    RunResult r = run_gilt({"-c", "raise KeyboardInterrupt"});
    EXPECT_EQ(r.status, -SIGINT);
    EXPECT_EQ(r.err,
              "Traceback (most recent call last):\n"
              "  File \"<string>\", line 1, in <module>\n"
              "KeyboardInterrupt\n");
}

TEST(CliBinary, ProgramFromStdin) {
    RunResult r = run_gilt({}, "import sys\nprint(sys.argv, __file__)\n");
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "[''] <stdin>\n");
    RunResult dash = run_gilt({"-", "a"}, "import sys\nprint(sys.argv)\n");
    EXPECT_EQ(dash.out, "['-', 'a']\n");
    RunResult syntax = run_gilt({}, "print(1\n");
    EXPECT_EQ(syntax.status, 1);
    EXPECT_EQ(
        syntax.err,
        "  File \"<stdin>\", line 1\n    print(1\n         ^\nSyntaxError: '(' was never closed\n");
}

TEST(CliBinary, RunModule) {
    ScriptDir dir({{"m1.py", "import sys\nprint(__name__, sys.argv)\n"},
                   {"pk/__init__.py", "print('init')\n"},
                   {"pk/__main__.py", "print('main of', __package__)\n"},
                   {"nomain/__init__.py", ""}});
    std::string cwd = fs::canonical(dir.path).string();
    RunResult r = run_gilt({"-m", "m1", "x"}, "", cwd);
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "__main__ ['" + cwd + "/m1.py', 'x']\n");
    RunResult pkg = run_gilt({"-m", "pk"}, "", cwd);
    EXPECT_EQ(pkg.out, "init\nmain of pk\n");
    RunResult missing = run_gilt({"-m", "nosuchmod"}, "", cwd);
    EXPECT_EQ(missing.status, 1);
    EXPECT_EQ(missing.err, std::string(GILT_BINARY) + ": No module named nosuchmod\n");
    RunResult nomain = run_gilt({"-m", "nomain"}, "", cwd);
    EXPECT_EQ(nomain.err,
              std::string(GILT_BINARY) +
                  ": No module named nomain.__main__; 'nomain' is a package and cannot be "
                  "directly executed\n");
    RunResult native = run_gilt({"-m", "sys"}, "", cwd);
    EXPECT_EQ(native.err, std::string(GILT_BINARY) + ": No code object available for sys\n");
}

TEST(CliBinary, InspectRunsTheReplAfterTheProgram) {
    RunResult r = run_gilt({"-i", "-c", "x = 5"}, "x * 2\n");
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "10\n");
    EXPECT_EQ(r.err, ">>> >>> \n");
}

TEST(CliBinary, DeepRecursionMeetsRecursionErrorNotTheStackEnd) {
#ifdef __SANITIZE_THREAD__
    GTEST_SKIP() << "ThreadSanitizer's shadow call stack is too small for 50000 nested calls";
#endif
    RunResult r = run_gilt({"-c",
                            "import sys\n"
                            "sys.setrecursionlimit(100000)\n"
                            "def f(n):\n"
                            "    return 0 if n == 0 else 1 + f(n - 1)\n"
                            "print(f(50000))\n"
                            "def g():\n"
                            "    return g()\n"
                            "try:\n"
                            "    g()\n"
                            "except RecursionError as e:\n"
                            "    print('RecursionError:', e)\n"});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "50000\nRecursionError: maximum recursion depth exceeded\n");
}

#endif  // GILT_BINARY

}  // namespace
}  // namespace gilt
