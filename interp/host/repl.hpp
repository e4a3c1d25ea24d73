// The interactive loop, and what the top level does with an exception that
// nobody caught (shared by the REPL, the `gilt` command and the embedding
// API's run_* functions).
//
// The loop reads a line, appends it to the pending source and compiles it
// in single mode (CompileMode::Single: the compiler emits PRINT_EXPR, which
// calls sys.displayhook, for expression statements). As in CPython's REPL:
//  - source that could still become valid (an open bracket, a block header)
//    asks for more with the secondary prompt;
//  - a compound statement (if, for, def, class, ...) runs only after a blank
//    line ends it, even when it is already complete ("if x: f()");
//  - an exception prints its traceback and the loop goes on; SystemExit
//    ends the loop with its status; Ctrl-C at a prompt discards the pending
//    source and prints "KeyboardInterrupt"; end of input ends the loop.
// The line source and the output are parameters, so tests drive the loop
// with scripted input.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"

namespace gilt {

// --- uncaught exceptions -------------------------------------------------------

struct UncaughtResult {
    int status = 1;                   // the process exit status it implies
    bool system_exit = false;         // it was SystemExit: the program ends
    bool keyboard_interrupt = false;  // it was KeyboardInterrupt (status 130)
};

// Handles the pending exception as CPython's PyErr_Print does at the top
// level, and clears it. SystemExit: its `code` gives the status (None -> 0,
// an int -> that int, anything else is printed to sys.stderr and gives 1).
// Anything else: sys.last_type/last_value/last_traceback are set and
// sys.excepthook(type, value, traceback) prints it (or print_exception when
// sys has no excepthook); status 1, or 130 for KeyboardInterrupt.
// With `inspect` (-i: the REPL follows the program) SystemExit is reported
// like any other exception instead of ending the program, as in CPython.
UncaughtResult handle_uncaught_exception(ThreadState& ts, bool inspect = false);

// The status SystemExit instance `exc` asks for, without printing anything
// (a code that is not None or an int gives 1).
int system_exit_status(ThreadState& ts, Value exc);

// Writes to sys.stderr, or when that fails to the interpreter's stderr sink
// (fd 2 when it has none). Never raises.
void write_stderr(ThreadState& ts, std::string_view text);
// Writes to the interpreter's stderr sink (fd 2 when it has none), below
// sys.stderr: for messages CPython prints from C before or after the
// program runs ("can't open file").
void write_stderr_raw(ThreadState& ts, std::string_view text);
// sys.stdout.flush() and sys.stderr.flush(). false when one of them raised
// (the exception is printed as "Exception ignored ..." and cleared).
bool flush_std_files(ThreadState& ts);

// --- the loop ------------------------------------------------------------------

enum class ReplRead { Line, Eof, Interrupt };

struct ReplIo {
    // Shows `prompt`, reads one line without its newline into *line.
    std::function<ReplRead(const std::string& prompt, std::string* line)> read_line;
    // The banner and the loop's own notices ("KeyboardInterrupt", the
    // newline at end of input): the terminal, i.e. stderr.
    std::function<void(std::string_view)> write;
    // Whether the loop ends the prompt's line at end of input (readline has
    // done it already on a terminal).
    bool newline_at_eof = true;
};

// Runs the loop in __main__'s namespace (filename "<stdin>") until end of
// input or SystemExit. Returns the exit status: 0 at end of input, the
// SystemExit status otherwise.
int run_repl(ThreadState& ts, const ReplIo& io, bool show_banner);

// The loop's input on this process's terminal: GNU readline (line editing,
// history kept in ~/.gilt_history, errors ignored) when stdin is a tty;
// otherwise lines read from fd 0 with the prompts written to stderr, as
// CPython does for `python -i < file`. `write` goes to `stderr_sink`
// (fd 2 when it is empty).
ReplIo terminal_repl_io(std::function<void(std::string_view)> stderr_sink);

// The banner the REPL prints first.
std::string repl_banner();

}  // namespace gilt
