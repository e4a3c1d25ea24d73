// Exception instances, tracebacks, and printing them as CPython does.
//
// Every instance of BaseException (or a subclass, builtin or user-defined)
// has this layout; user subclasses add nothing but the __dict__ slot that
// is already here. Attributes specific to some builtin exceptions
// (OSError.errno, SyntaxError.lineno, StopIteration.value, ...) are
// getsets over `args` or live in `dict`, as CPython's are.
#pragma once

#include <string>

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"

namespace gilt {

struct ExceptionObject {
  Object hdr;
  Value dict;        // instance __dict__ (owned, may be null)
  Value args;        // tuple (owned)
  Value traceback;   // TracebackObject or null
  Value cause;       // __cause__ or null
  Value context;     // __context__ or null
  bool suppress_context;
  Value notes;       // __notes__ list or null
};

// One entry of a traceback: where an exception passed through. Frames live
// on the frame stack and die on return, so the entry copies what printing
// needs (code object, line) instead of pointing at the frame.
struct TracebackObject {
  Object hdr;
  Value next;   // the next (inner) entry or null
  Value code;   // CodeObject (owned)
  int lineno;
};

inline ExceptionObject* exc_obj(Value v) noexcept { return reinterpret_cast<ExceptionObject*>(v.as_object()); }
bool is_exception_instance(ThreadState& ts, Value v) noexcept;
bool is_exception_type(ThreadState& ts, Value v) noexcept;

// New instance of an exception type with the given args tuple (borrowed).
Value exception_new(ThreadState& ts, TypeObject* type, Value args);
// Prepends a traceback entry for (code, line) to the exception's traceback.
void exception_add_traceback(ThreadState& ts, Value exc, Value code, int lineno);

// Formats the exception like CPython's default sys.excepthook: the chain of
// __cause__ / __context__ (with "The above exception was the direct cause
// of the following exception:" / "During handling of the above exception,
// another exception occurred:"), "Traceback (most recent call last):",
// each entry as `  File "f.py", line 3, in func` plus the stripped source
// line, and the final "Type: message" line (SyntaxError gets its file/line/
// caret block). Never raises; errors while formatting are swallowed.
std::string format_exception(ThreadState& ts, Value exc);
// Writes format_exception() to sys.stderr (or fd 2 if that fails).
void print_exception(ThreadState& ts, Value exc);
// "Type: message" only (the last line).
std::string format_exception_only(ThreadState& ts, Value exc);

// Builds a SyntaxError instance with CPython's attributes (msg, filename,
// lineno, offset, text, end_lineno, end_offset).
Value make_syntax_error(ThreadState& ts, TypeObject* type, const std::string& msg,
                        const std::string& filename, int lineno, int offset, const std::string& text,
                        int end_lineno, int end_offset);

// Source lines for tracebacks: reads and caches files by name. Per
// interpreter (stored in Interpreter::module_state["linecache"]).
std::string source_line(ThreadState& ts, const std::string& filename, int lineno);
// Registers source text for a filename that is not on disk ("<string>",
// the REPL's "<stdin>" entries, embedded modules).
void register_source(ThreadState& ts, const std::string& filename, std::string source);

void define_traceback_type(Interpreter& interp, TypeObject* t);

}  // namespace gilt
