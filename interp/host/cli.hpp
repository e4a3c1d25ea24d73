// The `gilt` command: its command line, and running it.
//
// The options are CPython's (a subset): gilt takes the same command lines
// as `python3` for what it supports, prints the same messages for usage
// errors, sets sys.argv and sys.path[0] the same way, and exits with the
// same statuses. Everything else is the embedding API: the command is a
// host like any other (gilt::Host in include/gilt/gilt.hpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <gilt/gilt.hpp>

namespace gilt {

struct CommandLine {
    enum class Mode {
        Repl,     // no program: the interactive loop (or stdin when it is not a tty)
        Script,   // gilt file.py
        Command,  // gilt -c code
        Module,   // gilt -m module
        Stdin,    // gilt -   (or no program and stdin is not a tty)
    };
    Mode mode = Mode::Repl;
    std::string target;                 // the file, the code or the module name
    std::vector<std::string> args;      // what follows it: sys.argv[1:]
    std::vector<std::string> xoptions;  // -X name[=value], in order
    bool inspect = false;               // -i: the REPL after the program
    bool unbuffered = false;            // -u
    bool quiet = false;                 // -q: no banner
    bool safe_path = false;             // -P: no sys.path[0] from the program's location
    int version = 0;                    // -V / --version, counted (-VV: more detail)
    bool help = false;                  // -h / -? / --help
    // A usage error, worded as CPython's first line ("Unknown option: -z",
    // "Argument expected for the -c option"); empty when the line is valid.
    std::string error;
};

// Parses argv (argv[0] is the program name). Never fails: a bad line sets
// CommandLine::error.
CommandLine parse_command_line(const std::vector<std::string>& argv);

// What the Host gets from a command line: sys.argv, sys.path[0] (the
// script's real directory, the current directory for -m, '' otherwise),
// -X options and the name messages start with.
Options host_options(const CommandLine& cl, std::string_view program);

std::string usage_line(std::string_view program);  // "usage: gilt [option] ... [-c cmd | ...]\n"
std::string help_text(std::string_view program);
std::string version_text(int level);  // "gilt 0.1.0 (Python 3.11 compatible)\n"

// The whole command: parses, runs the program on a thread with a large
// stack (so deep Python recursion meets RecursionError, not the end of the
// C++ stack), finalizes, and returns the exit status. An uncaught
// KeyboardInterrupt ends the process by SIGINT, as CPython does.
int cli_main(int argc, char** argv);

}  // namespace gilt
