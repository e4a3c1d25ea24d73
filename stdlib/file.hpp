// The native file objects behind open() and sys.stdin/stdout/stderr
// (CPython's _io.TextIOWrapper, BufferedReader, BufferedWriter and
// BufferedRandom, collapsed into one layout).
//
// One FileObject owns a file descriptor and two byte buffers: `rbuf` holds
// bytes read ahead of the caller (from `rpos` on), `wbuf` bytes written but
// not yet handed to the OS. At most one of them is non-empty at a time: a
// read first flushes `wbuf`; a write first drops the read-ahead, seeking the
// descriptor back over it. Text files decode UTF-8 (or latin-1 / ascii) as
// they hand data out and translate newlines on the way (universal newlines
// by default: "\r\n" and "\r" read as "\n").
//
// Every blocking system call goes through io_read_fd / io_write_fd, one
// function per direction, so the GIL is released in exactly two places.
//
// sys.stdout and sys.stderr are FileObjects on fds 1 and 2 whose `sink` says
// they deliver through the interpreter's stdout_sink / stderr_sink when the
// host installed one (embedding capture), and to the descriptor otherwise.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"
#include "runtime/type.hpp"

namespace gilt {

enum class FileSink : uint8_t { Fd, Stdout, Stderr };
enum class FileEncoding : uint8_t { Utf8, Latin1, Ascii };
// newline=None (universal, translate), '' (universal, keep), '\n', '\r', '\r\n'.
enum class FileNewline : uint8_t { Universal, UniversalKeep, Lf, Cr, CrLf };

struct FileObject {
    Object hdr;
    Value name;      // str, or the int descriptor given to open() (owned)
    Value mode;      // str (owned)
    Value encoding;  // str for text files, null for binary (owned)
    Value errors;    // str for text files, null for binary (owned)
    Value parent;    // for the `buffer` of a text file: that text file (owned), else null
    // For io.TextIOWrapper(buffer): the buffered object (any object with
    // read1 or read, write, flush, seek, tell, close) that bytes come from
    // and go to instead of `fd` (owned), else null. The text layer above
    // it (decoding, newlines, line buffering) is the same as open()'s.
    Value source;
    int fd;
    bool readable, writable, appending, closed, closefd, binary;
    bool line_buffering;  // flush after a write containing '\n'
    bool write_through;   // flush after every write
    bool eof;             // the last read returned 0 bytes (cleared by seek and writes)
    int8_t seekable;      // -1 unknown, else 0/1
    FileSink sink;
    FileEncoding enc;
    FileNewline newline;
    std::string rbuf;  // read-ahead bytes; rbuf[rpos..] not yet consumed
    std::size_t rpos;
    std::string wbuf;  // bytes written, not yet flushed
};

// The blocking system calls: the only places where file and pipe I/O
// blocks, so the GIL is released around them here and nowhere else. Both
// retry on EINTR after running pending signal handlers. io_read_fd returns
// the byte count (0 at end of file), or -1 with errno set; io_write_fd
// writes everything and returns 0, or the errno of the failure. Both return
// kIoSignalRaised when a signal handler raised (KeyboardInterrupt pending).
inline constexpr int kIoSignalRaised = -2;
int64_t io_read_fd(ThreadState& ts, int fd, char* buf, std::size_t n);
// With `written` non-null, it is set to the bytes that reached the file
// even when the write fails part way.
int io_write_fd(ThreadState& ts, int fd, const char* data, std::size_t n,
                std::size_t* written = nullptr);

// Types (created by define_file_types at start-up).
struct IoTypes {
    TypeObject* text = nullptr;             // _io.TextIOWrapper
    TypeObject* buffered_reader = nullptr;  // _io.BufferedReader
    TypeObject* buffered_writer = nullptr;  // _io.BufferedWriter
    TypeObject* buffered_random = nullptr;  // _io.BufferedRandom
    TypeObject* string_io = nullptr;        // _io.StringIO
    TypeObject* bytes_io = nullptr;         // _io.BytesIO
    Value unsupported_operation;            // io.UnsupportedOperation (owned)

    ~IoTypes() { decref(unsupported_operation); }
};
IoTypes& io_types(Interpreter& interp);
void define_file_types(Interpreter& interp, IoTypes& types);
void define_memory_io_types(Interpreter& interp, IoTypes& types);  // io.cpp

bool is_file_object(Value v) noexcept;
inline FileObject* file_obj(Value v) noexcept {
    return reinterpret_cast<FileObject*>(v.as_object());
}

// A new file object over `fd` (text when `binary` is false). `name` and
// `mode` are borrowed. Null with an exception on failure.
Value file_from_fd(ThreadState& ts, int fd, Value name, Value mode, bool binary, bool readable,
                   bool writable);
// open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True)
Value file_open(ThreadState& ts, Args args);
// Appends text (already UTF-8) to a text file as write() would; false on error.
[[nodiscard]] bool file_write_text(ThreadState& ts, FileObject* f, std::string_view utf8);
// Hands buffered output to the OS (or the sink). false on error.
[[nodiscard]] bool file_flush(ThreadState& ts, FileObject* f);
// Reads one line as a str (text) or bytes (binary); an empty result at EOF.
Value file_readline(ThreadState& ts, FileObject* f, int64_t limit);

// The building blocks of the methods (file_methods.cpp). All return false /
// null with an exception pending on failure.
[[nodiscard]] bool file_check_open(ThreadState& ts,
                                   FileObject* f);  // "I/O operation on closed file."
[[nodiscard]] bool file_check_readable(ThreadState& ts, FileObject* f);
[[nodiscard]] bool file_check_writable(ThreadState& ts, FileObject* f);
Value file_read_all(ThreadState& ts, FileObject* f);
Value file_read_n(ThreadState& ts, FileObject* f, int64_t n);
[[nodiscard]] bool file_write_bytes(ThreadState& ts, FileObject* f, std::string_view data);
[[nodiscard]] bool file_write_str(ThreadState& ts, FileObject* f, Value s);  // text files: any str
Value file_tell(ThreadState& ts, FileObject* f);
Value file_seek(ThreadState& ts, FileObject* f, int64_t offset, int whence);
Value file_truncate(ThreadState& ts, FileObject* f,
                    Value size);  // size null/None: current position
[[nodiscard]] bool file_close(ThreadState& ts, FileObject* f);
// Installs the dealloc slot that also identifies file objects (is_file_object).
void file_set_dealloc(TypeObject* t);

// The binary `buffer` of a text file: a write-through binary file on the
// same descriptor that flushes the text file's buffer before each operation,
// so output written through either keeps its order.
Value file_buffer(ThreadState& ts, FileObject* text);

// io.TextIOWrapper(buffer, encoding=None, errors=None, newline=None,
// line_buffering=False, write_through=False): the text layer over a
// buffered object (file_open.cpp).
Value text_wrapper_new(ThreadState& ts, TypeObject* type, Args args);

// io.UnsupportedOperation(msg).
Value raise_unsupported(ThreadState& ts, std::string_view msg);

}  // namespace gilt
