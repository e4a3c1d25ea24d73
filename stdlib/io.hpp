// The io module and the standard streams (the file objects themselves are
// in stdlib/file.hpp).
#pragma once

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"

namespace gilt {

class Interpreter;

// Creates the io types (TextIOWrapper, Buffered*, StringIO, BytesIO,
// UnsupportedOperation). Once per interpreter, at start-up, before sys.
void init_io_types(Interpreter& interp);
// sys.stdin / sys.stdout / sys.stderr for descriptor 0, 1 or 2: text files
// that do not close their descriptor; stdout and stderr deliver through
// the interpreter's output sinks when the host set them. stdout is line
// buffered on a terminal and block buffered otherwise (written through when
// PYTHONUNBUFFERED is set, as in CPython); stderr writes through.
Value make_std_stream(ThreadState& ts, int fd);
// Flushes sys.stdout and sys.stderr (whatever objects they are now) and the
// original streams. Errors are swallowed. Called at exit and before fork().
void flush_std_streams(ThreadState& ts);
// The `io` module (also importable as `_io`).
Value init_io_module(ThreadState& ts);

}  // namespace gilt
