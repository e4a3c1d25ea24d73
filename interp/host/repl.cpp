// The REPL and top-level exception handling (see repl.hpp).
//
// Terminal input uses readline's callback interface rather than readline():
// the loop waits in select() with its own SIGINT handler installed, so
// Ctrl-C at a prompt interrupts the wait (EINTR) without readline or the
// interpreter's signal handling getting involved, the half-typed line is
// dropped, and the previous handler is back before any Python code runs
// (CPython's readline module does the same with its own select loop).
#include "interp/host/repl.hpp"

#include <readline/history.h>
#include <readline/readline.h>
#include <sys/select.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "interp/compiler/compile.hpp"
#include "interp/compiler/future.hpp"
#include "interp/frontend/lexer.hpp"
#include "interp/vm/import.hpp"
#include "runtime/abstract.hpp"
#include "runtime/code.hpp"
#include "runtime/errors.hpp"
#include "runtime/exception.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/module.hpp"
#include "runtime/str.hpp"

#ifndef GILT_VERSION
#define GILT_VERSION "0.1.0"
#endif

namespace gilt {

// --- writing to stderr ---------------------------------------------------------

void write_stderr_raw(ThreadState& ts, std::string_view text) {
    Interpreter& interp = ts.interp();
    if (interp.stderr_sink) {
        interp.stderr_sink(text);
        return;
    }
    while (!text.empty()) {
        ssize_t n = ::write(2, text.data(), text.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;
        text.remove_prefix(static_cast<std::size_t>(n));
    }
}

void write_stderr(ThreadState& ts, std::string_view text) {
    Ref saved(fetch_exception(ts));
    bool written = false;
    if (Value sys = ts.interp().sys) {
        Ref stream(obj_getattr_opt(ts, sys, ts.names().stderr));
        Ref str(stream && !stream.get().is_none() ? make_str(ts, text) : Value());
        Ref result(str ? call_method(ts, *stream, ts.names().write, {*str}) : Value());
        written = !result.is_null();
    }
    clear_exception(ts);
    if (!written) write_stderr_raw(ts, text);
    if (saved) restore_exception(ts, saved.release());
}

namespace {

// Calls stream.flush() for sys.<name>; false when it raised (reported as
// CPython's PyErr_WriteUnraisable would, below sys.stderr).
bool flush_stream(ThreadState& ts, Value name) {
    Value sys = ts.interp().sys;
    if (!sys) return true;
    Ref stream(obj_getattr_opt(ts, sys, name));
    if (!stream || stream.get().is_none()) {
        clear_exception(ts);
        return true;
    }
    Ref result(call_method(ts, *stream, ts.names().flush, {}));
    if (result) return true;
    Ref exc(fetch_exception(ts));
    Ref repr(obj_repr(ts, *stream));
    clear_exception(ts);
    std::string text = "Exception ignored in: ";
    text += repr ? std::string(str_view(*repr)) : std::string("<stream>");
    text += '\n';
    text += format_exception(ts, *exc);
    write_stderr_raw(ts, text);
    return false;
}

}  // namespace

bool flush_std_files(ThreadState& ts) {
    Ref saved(fetch_exception(ts));
    bool ok = flush_stream(ts, ts.names().stdout);
    flush_stream(ts, ts.names().stderr);
    if (saved) restore_exception(ts, saved.release());
    return ok;
}

// --- uncaught exceptions -------------------------------------------------------

namespace {

// SystemExit's status (CPython's handle_system_exit); prints a code that is
// neither None nor an int when `print` is set.
int system_exit_code(ThreadState& ts, Value exc, bool print) {
    Ref code(obj_getattr_opt(ts, exc, ts.names().code));
    clear_exception(ts);
    if (!code) code = Ref::borrow(exc);
    if (code.get().is_none()) return 0;
    if (is_int(*code)) {
        int64_t v = -1;
        return int_to_int64(*code, &v) ? static_cast<int>(v) : -1;
    }
    if (print) {
        Ref text(obj_str(ts, *code));
        clear_exception(ts);
        std::string line = text ? std::string(str_view(*text)) : std::string();
        write_stderr(ts, line + "\n");
    }
    return 1;
}

void set_sys_last(ThreadState& ts, Value type, Value exc, Value tb) {
    Value sys = ts.interp().sys;
    if (!sys) return;
    const char* names[] = {"last_type", "last_value", "last_traceback"};
    Value values[] = {type, exc, tb};
    for (int i = 0; i < 3; ++i) {
        Ref name(ts.interp().intern(names[i]));
        if (!name || obj_setattr(ts, sys, *name, values[i]) < 0) clear_exception(ts);
    }
}

// sys.excepthook(type, value, traceback), with CPython's report when the
// hook itself fails.
void call_excepthook(ThreadState& ts, Value exc) {
    Value type = val(type_of(ts, exc));
    Value tb = exc_obj(exc)->traceback;
    if (!tb) tb = Value::none();
    set_sys_last(ts, type, exc, tb);
    Value sys = ts.interp().sys;
    Ref hook(sys ? obj_getattr_opt(ts, sys, ts.names().excepthook) : Value());
    if (!hook || hook.get().is_none()) {
        clear_exception(ts);
        print_exception(ts, exc);
        return;
    }
    Ref result(call_n(ts, *hook, {type, exc, tb}));
    if (result) return;
    Ref hook_exc(fetch_exception(ts));
    write_stderr(ts, "Error in sys.excepthook:\n");
    print_exception(ts, *hook_exc);
    write_stderr(ts, "\nOriginal exception was:\n");
    print_exception(ts, exc);
}

}  // namespace

int system_exit_status(ThreadState& ts, Value exc) {
    Ref saved(fetch_exception(ts));
    int status = system_exit_code(ts, exc, false);
    if (saved) restore_exception(ts, saved.release());
    return status;
}

UncaughtResult handle_uncaught_exception(ThreadState& ts, bool inspect) {
    UncaughtResult result;
    Ref exc(fetch_exception(ts));
    if (!exc) return result;
    const ExceptionTypes& types = ts.exc_types();
    if (!inspect && is_instance_of(ts, *exc, types.SystemExit)) {
        result.system_exit = true;
        result.status = system_exit_code(ts, *exc, true);
        return result;
    }
    call_excepthook(ts, *exc);
    if (is_instance_of(ts, *exc, types.KeyboardInterrupt)) {
        result.keyboard_interrupt = true;
        result.status = 130;
    }
    return result;
}

// --- the loop --------------------------------------------------------------------

std::string repl_banner() {
    return "gilt " GILT_VERSION
           " (Python 3.11 compatible) on linux\n"
           "Press Ctrl-D (end of input) to leave.\n";
}

namespace {

bool is_blank(std::string_view line) {
    return line.find_first_not_of(" \t\f\r") == std::string_view::npos;
}

// A compound statement runs only after the blank line that ends it. Its
// first token says which one it is (`match` is a soft keyword: it opens a
// statement only when its logical line ends with ':').
bool starts_compound_statement(std::string_view source) {
    TokenizeResult r = tokenize(source);
    if (r.tokens.empty()) return false;
    switch (r.tokens[0].kind) {
        case TokenKind::KwIf:
        case TokenKind::KwWhile:
        case TokenKind::KwFor:
        case TokenKind::KwTry:
        case TokenKind::KwWith:
        case TokenKind::KwDef:
        case TokenKind::KwClass:
        case TokenKind::KwAsync:
        case TokenKind::At:
            return true;
        case TokenKind::Name:
            if (r.tokens[0].text != "match") return false;
            for (std::size_t i = 1; i < r.tokens.size(); ++i) {
                if (r.tokens[i].kind == TokenKind::Newline)
                    return r.tokens[i - 1].kind == TokenKind::Colon;
            }
            return false;
        default:
            return false;
    }
}

// An open bracket, string or line continuation: only more text can finish
// it, so even a blank line does not end the statement.
bool lexically_incomplete(std::string_view source) {
    TokenizeResult r = tokenize(source);
    return r.error && r.error->incomplete;
}

// sys.ps1 / sys.ps2 when set, else the defaults.
std::string prompt_for(ThreadState& ts, bool primary) {
    const char* fallback = primary ? ">>> " : "... ";
    Value sys = ts.interp().sys;
    if (!sys) return fallback;
    Ref name(ts.interp().intern(primary ? "ps1" : "ps2"));
    Ref value(name ? obj_getattr_opt(ts, sys, *name) : Value());
    Ref text(value ? obj_str(ts, *value) : Value());
    clear_exception(ts);
    return text ? std::string(str_view(*text)) : std::string(fallback);
}

enum class Step { More, Done, Exit };

class Repl {
public:
    Repl(ThreadState& ts, const ReplIo& io, Value globals)
        : m_ts(ts), m_io(io), m_globals(globals) {}

    int run() {
        for (;;) {
            std::string line;
            std::string prompt = prompt_for(m_ts, m_source.empty());
            ReplRead r;
            {
                GilRelease unlocked(m_ts);  // the script's threads run while we wait
                r = m_io.read_line(prompt, &line);
            }
            if (r == ReplRead::Interrupt) {
                m_io.write("\nKeyboardInterrupt\n");
                m_source.clear();
                continue;
            }
            if (r == ReplRead::Eof && m_source.empty()) {
                if (m_io.newline_at_eof) m_io.write("\n");
                return 0;
            }
            Step step = r == ReplRead::Eof ? end_of_input() : feed(line);
            if (step == Step::Exit) return m_status;
        }
    }

private:
    // At end of input a pending statement still runs (as if a blank line
    // ended it); the loop ends at the next end of input on the primary prompt.
    Step end_of_input() {
        if (m_io.newline_at_eof) m_io.write("\n");
        return feed("");
    }

    Step feed(const std::string& line) {
        bool blank = is_blank(line);
        if (m_source.empty() && blank) return Step::Done;
        m_source += line;
        m_source += '\n';
        bool incomplete = false;
        Ref code(compile_source(m_ts, m_source, "<stdin>", CompileMode::Single, &incomplete,
                                m_future_flags));
        if (code) {
            if (!blank && starts_compound_statement(m_source)) return Step::More;
            m_source.clear();
            // A future statement holds for the rest of the session, as in CPython.
            m_future_flags |= code_obj(*code)->flags & kFutureAnnotations;
            return execute(*code);
        }
        if (incomplete && (!blank || lexically_incomplete(m_source))) {
            clear_exception(m_ts);
            return Step::More;
        }
        m_source.clear();
        return report();
    }

    Step execute(Value code) {
        Ref result(exec_code(m_ts, code, m_globals));
        flush_std_files(m_ts);
        return result ? Step::Done : report();
    }

    Step report() {
        UncaughtResult r = handle_uncaught_exception(m_ts);
        flush_std_files(m_ts);
        if (!r.system_exit) return Step::Done;
        m_status = r.status;
        return Step::Exit;
    }

    ThreadState& m_ts;
    const ReplIo& m_io;
    Value m_globals;  // borrowed: __main__'s dict, kept alive by sys.modules
    std::string m_source;
    uint32_t m_future_flags = 0;  // future features the session turned on
    int m_status = 0;
};

}  // namespace

int run_repl(ThreadState& ts, const ReplIo& io, bool show_banner) {
    Ref main(main_module(ts));
    if (!main) return handle_uncaught_exception(ts).status;
    if (show_banner) io.write(repl_banner());
    Repl repl(ts, io, module_dict(*main));
    return repl.run();
}

// --- terminal input --------------------------------------------------------------

namespace {

// Process-wide by nature: signal dispositions and readline's state belong
// to the process. Only the thread running the REPL touches them, and only
// while it waits for a line.
volatile std::sig_atomic_t g_interrupted = 0;
std::string* g_line = nullptr;
bool g_line_done = false;
bool g_line_eof = false;

void on_sigint(int) {
    g_interrupted = 1;
}

void on_readline_line(char* text) {
    g_line_done = true;
    if (text == nullptr) {
        g_line_eof = true;
    } else {
        *g_line = text;
        if (!is_blank(*g_line)) add_history(text);
        std::free(text);
    }
    rl_callback_handler_remove();
}

ReplRead readline_read(const std::string& prompt, std::string* line) {
    struct sigaction action = {};
    struct sigaction previous = {};
    action.sa_handler = on_sigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: select() must return EINTR
    sigaction(SIGINT, &action, &previous);
    g_interrupted = 0;
    g_line = line;
    g_line_done = g_line_eof = false;
    rl_catch_signals = 0;
    if (rl_instream == nullptr) rl_instream = stdin;
    rl_callback_handler_install(prompt.c_str(), on_readline_line);
    ReplRead result = ReplRead::Line;
    while (!g_line_done) {
        fd_set fds;
        FD_ZERO(&fds);
        FD_SET(fileno(rl_instream), &fds);
        int n = ::select(fileno(rl_instream) + 1, &fds, nullptr, nullptr, nullptr);
        if (n < 0 && errno != EINTR) break;
        if (g_interrupted) {
            rl_free_line_state();
            rl_callback_sigcleanup();
            rl_callback_handler_remove();
            result = ReplRead::Interrupt;
            break;
        }
        if (n > 0) rl_callback_read_char();
    }
    sigaction(SIGINT, &previous, nullptr);
    if (result == ReplRead::Line && g_line_eof) result = ReplRead::Eof;
    return result;
}

// Without a terminal: one byte at a time from fd 0, so nothing is read past
// the line (sys.stdin reads the same descriptor).
ReplRead plain_read(const std::string& prompt, std::string* line,
                    const std::function<void(std::string_view)>& write) {
    write(prompt);
    line->clear();
    for (;;) {
        char c;
        ssize_t n = ::read(0, &c, 1);
        if (n < 0 && errno == EINTR) return ReplRead::Interrupt;
        if (n <= 0) return line->empty() ? ReplRead::Eof : ReplRead::Line;
        if (c == '\n') return ReplRead::Line;
        *line += c;
    }
}

std::string history_file() {
    const char* home = std::getenv("HOME");
    return home ? std::string(home) + "/.gilt_history" : std::string();
}

// Loads the history on creation and saves it when the last copy of the
// ReplIo goes away.
struct ReadlineSession {
    ReadlineSession() : file(history_file()) {
        using_history();
        if (!file.empty()) read_history(file.c_str());
    }
    ~ReadlineSession() {
        if (!file.empty()) write_history(file.c_str());
    }
    std::string file;
};

}  // namespace

ReplIo terminal_repl_io(std::function<void(std::string_view)> stderr_sink) {
    auto write = [sink = std::move(stderr_sink)](std::string_view text) {
        if (sink) {
            sink(text);
            return;
        }
        while (!text.empty()) {
            ssize_t n = ::write(2, text.data(), text.size());
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return;
            text.remove_prefix(static_cast<std::size_t>(n));
        }
    };
    ReplIo io;
    io.write = write;
    if (::isatty(0)) {
        auto session = std::make_shared<ReadlineSession>();
        io.newline_at_eof = false;
        io.read_line = [session](const std::string& prompt, std::string* line) {
            return readline_read(prompt, line);
        };
    } else {
        io.read_line = [write](const std::string& prompt, std::string* line) {
            return plain_read(prompt, line, write);
        };
    }
    return io;
}

}  // namespace gilt
