// Exception instances, tracebacks, and printing them as CPython does.
//
// Every instance of BaseException (or a subclass, builtin or user-defined)
// starts with ExceptionObject. A few builtin exceptions carry extra fields
// after it (OSError.errno, SyntaxError.lineno, StopIteration.value, ...),
// kept in C++ fields as CPython keeps them in C fields, so they never show
// up in the instance __dict__. Every extra field is an owned Value (null =
// unset), so one traverse/clear/dealloc serves all exception types: the
// number of extra fields follows from the basicsize of the nearest builtin
// type (see exception.cpp). User subclasses add no fields of their own: the
// instance __dict__ slot is already here (TypeObject::dict_offset).
//
// __notes__ lives in the instance __dict__ (add_note stores it there), as
// in CPython, so `e.__dict__` shows it.
#pragma once

#include <string>

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"

namespace gilt {

struct ExceptionObject {
    Object hdr;
    Value dict;       // instance __dict__ (owned, may be null)
    Value args;       // tuple (owned)
    Value traceback;  // TracebackObject or null
    Value cause;      // __cause__ or null
    Value context;    // __context__ or null
    bool suppress_context;
};

// The builtin exceptions with extra fields (and their builtin subclasses,
// which share the layout: ModuleNotFoundError is an ImportErrorObject).
struct StopIterationObject {
    ExceptionObject base;
    Value value;
};
struct SystemExitObject {
    ExceptionObject base;
    Value code;
};
struct ImportErrorObject {
    ExceptionObject base;
    Value msg, name, path;
};
struct AttributeErrorObject {
    ExceptionObject base;
    Value name, obj;
};
struct NameErrorObject {
    ExceptionObject base;
    Value name;
};
struct OSErrorObject {
    ExceptionObject base;
    Value myerrno, strerror, filename, filename2;
    Value written;  // BlockingIOError.characters_written (an int), null if unset
};
struct SyntaxErrorObject {
    ExceptionObject base;
    Value msg, filename, lineno, offset, text, end_lineno, end_offset, print_file_and_line;
};
struct UnicodeErrorObject {
    ExceptionObject base;
    Value encoding, object, start, end, reason;
};

// One entry of a traceback: where an exception passed through. Frames live
// on the frame stack and die on return, so the entry copies what printing
// needs (code object, line) instead of pointing at the frame.
struct TracebackObject {
    Object hdr;
    Value next;     // the next (inner) entry or null
    Value code;     // CodeObject (owned)
    Value globals;  // the frame's globals dict or null (owned): NameError suggestions
    int lineno;
};

inline ExceptionObject* exc_obj(Value v) noexcept {
    return reinterpret_cast<ExceptionObject*>(v.as_object());
}
inline TracebackObject* tb_obj(Value v) noexcept {
    return reinterpret_cast<TracebackObject*>(v.as_object());
}
bool is_exception_instance(ThreadState& ts, Value v) noexcept;
bool is_exception_type(ThreadState& ts, Value v) noexcept;

// Allocates an instance of `type` holding `args` (a borrowed tuple) without
// running __new__/__init__; nullptr when out of memory (nothing raised, so
// raise_memory_error can use it).
ExceptionObject* exception_alloc(TypeObject* type, Value args) noexcept;
// New instance of an exception type with the given args tuple (borrowed):
// `type(*args)`. Builtin types run their __new__/__init__ slots directly;
// user classes are called (and must return an exception instance).
Value exception_new(ThreadState& ts, TypeObject* type, Value args);
// Prepends a traceback entry for (code, line) to the exception's traceback.
// `globals` (the frame's, may be null) lets the printer suggest names for
// a NameError ("Did you mean: ...?"). False on MemoryError (pending).
bool exception_add_traceback(ThreadState& ts, Value exc, Value code, int lineno,
                             Value globals = Value());

// Accessors (borrowed; null when unset). `exc` must be an exception instance.
inline Value exception_args(Value exc) noexcept {
    return exc_obj(exc)->args;
}
inline Value exception_traceback(Value exc) noexcept {
    return exc_obj(exc)->traceback;
}
inline Value exception_cause(Value exc) noexcept {
    return exc_obj(exc)->cause;
}
inline Value exception_context(Value exc) noexcept {
    return exc_obj(exc)->context;
}
// Setters take a borrowed value (null clears). set_cause also sets
// __suppress_context__, as `raise ... from ...` does.
void exception_set_traceback(Value exc, Value tb) noexcept;
void exception_set_cause(Value exc, Value cause) noexcept;
void exception_set_context(Value exc, Value context) noexcept;
// StopIteration.value (borrowed; None when unset), for generators' callers.
Value stop_iteration_value(ThreadState& ts, Value exc) noexcept;
// SystemExit: the process exit status CPython derives from `code` (None ->
// 0, int -> itself, anything else -> printed to stderr and 1). `*message`
// receives str(code) when it must be printed.
int system_exit_status(ThreadState& ts, Value exc, std::string* message);

// Reports an exception that cannot propagate (raised by __del__, or while
// the collector clears garbage) as CPython's default sys.unraisablehook
// does: "Exception ignored in: <repr(obj)>" and the traceback, on stderr.
// Takes (clears) the pending exception.
void write_unraisable(ThreadState& ts, Value obj);

// Formats the exception like CPython's default sys.excepthook: the chain of
// __cause__ / __context__ (with "The above exception was the direct cause
// of the following exception:" / "During handling of the above exception,
// another exception occurred:"), "Traceback (most recent call last):",
// each entry as `  File "f.py", line 3, in func` plus the stripped source
// line, and the final "Type: message" line (SyntaxError gets its file/line/
// caret block). Never raises; errors while formatting are swallowed.
std::string format_exception(ThreadState& ts, Value exc);
// The same for the traceback module: `limit` >= 0 shows the first `limit`
// entries of each traceback, a negative one the last -limit; `chain` false
// leaves out causes and contexts. `exc` must be an exception instance.
std::string format_exception(ThreadState& ts, Value exc, long limit, bool chain);
// Writes format_exception() to sys.stderr (or fd 2 if that fails).
void print_exception(ThreadState& ts, Value exc);
// "Type: message" only: the last line of format_exception(), without its
// newline (a SyntaxError shows its msg, not str(); suggestions included).
std::string format_exception_only(ThreadState& ts, Value exc);

// Builds a SyntaxError instance with CPython's attributes (msg, filename,
// lineno, offset, text, end_lineno, end_offset). An end_offset of
// kSyntaxErrorNoEnd is None, as CPython leaves it for the errors of future
// statements.
constexpr int kSyntaxErrorNoEnd = -0x7fffffff;
Value make_syntax_error(ThreadState& ts, TypeObject* type, const std::string& msg,
                        const std::string& filename, int lineno, int offset,
                        const std::string& text, int end_lineno, int end_offset);

// Source lines for tracebacks: reads and caches files by name. Per
// interpreter (stored in Interpreter::module_state["linecache"]).
std::string source_line(ThreadState& ts, const std::string& filename, int lineno);
// Registers source text for a filename that is not on disk ("<string>",
// the REPL's "<stdin>" entries, embedded modules).
void register_source(ThreadState& ts, const std::string& filename, std::string source);

void define_traceback_type(Interpreter& interp, TypeObject* t);

}  // namespace gilt
