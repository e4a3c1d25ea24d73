// File objects: the system calls, the read-ahead and write buffers, newline
// translation and decoding. open() is in file_open.cpp, the Python-visible
// methods in file_methods.cpp; the layout and its invariants are described
// in file.hpp.
#include "stdlib/file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <new>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/bytes.hpp"
#include "runtime/errors.hpp"
#include "runtime/heap.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/module_state.hpp"
#include "runtime/signals.hpp"
#include "runtime/str.hpp"
#include "runtime/unicode.hpp"

namespace gilt {

namespace {

constexpr std::size_t kChunk = 8192;

}  // namespace

// --- the two blocking calls ---

namespace {

// write() until everything is out; the errno of a failure, else 0. Used
// directly only where nothing may be raised (dealloc).
int write_all(int fd, const char* data, std::size_t n) {
    while (n > 0) {
        ssize_t r = ::write(fd, data, n);
        if (r < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        data += r;
        n -= static_cast<std::size_t>(r);
    }
    return 0;
}

}  // namespace

// Each system call runs with the GIL released: the buffers passed in must
// not belong to a Python object another thread could touch meanwhile (the
// callers pass a local buffer). A signal (Ctrl-C) interrupting the call runs
// the Python-level handlers with the GIL held, as CPython does (PEP 475):
// KeyboardInterrupt ends the call, any other outcome retries it.
int64_t io_read_fd(ThreadState& ts, int fd, char* buf, std::size_t n) {
    for (;;) {
        ssize_t r;
        int err;
        {
            GilRelease released(ts);
            r = ::read(fd, buf, n);
            err = errno;
        }
        if (r >= 0 || err != EINTR) {
            errno = err;
            return r;
        }
        if (!run_pending_signals(ts)) return kIoSignalRaised;
    }
}

int io_write_fd(ThreadState& ts, int fd, const char* data, std::size_t n, std::size_t* written) {
    if (written) *written = 0;
    while (n > 0) {
        ssize_t r;
        int err;
        {
            GilRelease released(ts);
            r = ::write(fd, data, n);
            err = errno;
        }
        if (r < 0) {
            if (err != EINTR) return err;
            if (!run_pending_signals(ts)) return kIoSignalRaised;
            continue;
        }
        data += r;
        n -= static_cast<std::size_t>(r);
        if (written) *written += static_cast<std::size_t>(r);
    }
    return 0;
}

// --- lifetime ---

namespace {

// Best effort, for dealloc: nothing may be raised there, and the GIL stays
// held (a file dropped with unflushed output is rare and short).
void deliver_quietly(FileObject* f) {
    if (f->wbuf.empty() || f->closed) return;
    Interpreter* interp = f->hdr.type->interp;
    if (f->sink == FileSink::Stdout && interp->stdout_sink)
        interp->stdout_sink(f->wbuf);
    else if (f->sink == FileSink::Stderr && interp->stderr_sink)
        interp->stderr_sink(f->wbuf);
    else
        (void)write_all(f->fd, f->wbuf.data(), f->wbuf.size());
    f->wbuf.clear();
}

void file_dealloc(Object* o) {
    auto* f = reinterpret_cast<FileObject*>(o);
    if (f->source.is_null()) deliver_quietly(f);
    if (!f->closed && f->closefd && f->fd >= 0) ::close(f->fd);
    clear_ref(f->source);
    clear_ref(f->name);
    clear_ref(f->mode);
    clear_ref(f->encoding);
    clear_ref(f->errors);
    clear_ref(f->parent);
    f->rbuf.~basic_string();
    f->wbuf.~basic_string();
    free_object(o);
}

}  // namespace

bool is_file_object(Value v) noexcept {
    return v.is_object() && v.as_object()->type->dealloc == file_dealloc;
}

void file_set_dealloc(TypeObject* t) {
    t->dealloc = file_dealloc;
}

// The types are created once, at start-up, and live as long as the
// interpreter; the unsupported_operation reference is released with them.
IoTypes& io_types(Interpreter& interp) {
    return module_state<IoTypes>(interp, "_io");
}

Value raise_unsupported(ThreadState& ts, std::string_view msg) {
    Value cls = io_types(ts.interp()).unsupported_operation;
    if (cls.is_null()) return raise(ts, ts.exc_types().OSError, msg);
    Ref text(make_str(ts, msg));
    if (!text) return Value();
    Ref exc(call1(ts, cls, *text));
    if (!exc) return Value();
    return raise_instance(ts, exc.release());
}

// --- buffers ---

bool file_check_open(ThreadState& ts, FileObject* f) {
    if (!f->closed) return true;
    raise(ts, ts.exc_types().ValueError, "I/O operation on closed file.");
    return false;
}

// --- a Python buffered object under the text layer ---

namespace {

// source.<name>(args...), a new reference or null with the exception.
Value source_call(ThreadState& ts, FileObject* f, const char* name,
                  std::initializer_list<Value> args) {
    Ref method(obj_getattr_cstr(ts, f->source, name));
    if (!method) return Value();
    return call_n(ts, *method, args);
}

bool source_write(ThreadState& ts, FileObject* f, std::string_view data) {
    Ref bytes(make_bytes(ts, data));
    Ref r(bytes ? source_call(ts, f, "write", {*bytes}) : Value());
    if (!r) return false;
    Ref flushed(source_call(ts, f, "flush", {}));
    return static_cast<bool>(flushed);
}

// Up to `want` bytes from the source (read1 when it has one, as CPython's
// TextIOWrapper reads); -1 with the exception pending.
int64_t source_read(ThreadState& ts, FileObject* f, std::size_t want, std::string* out) {
    Ref size(make_int(ts, static_cast<int64_t>(want)));
    if (!size) return -1;
    Ref read1(obj_getattr_opt(ts, f->source, *Ref(make_str(ts, "read1"))));
    if (!read1 && ts.has_exception()) return -1;
    Ref chunk(read1 ? call1(ts, *read1, *size) : source_call(ts, f, "read", {*size}));
    if (!chunk) return -1;
    if ((*chunk).is_none()) return 0;
    std::string_view bytes;
    if (!bytes_like_view(ts, *chunk, &bytes)) return -1;
    out->assign(bytes);
    return static_cast<int64_t>(bytes.size());
}

}  // namespace

bool file_flush(ThreadState& ts, FileObject* f) {
    if (f->wbuf.empty()) return true;
    Interpreter& interp = ts.interp();
    std::string data;
    data.swap(f->wbuf);  // a sink may print, re-entering this file
    if (f->sink == FileSink::Stdout && interp.stdout_sink) {
        interp.stdout_sink(data);
        return true;
    }
    if (f->sink == FileSink::Stderr && interp.stderr_sink) {
        interp.stderr_sink(data);
        return true;
    }
    if (!f->source.is_null()) return source_write(ts, f, data);
    std::size_t written = 0;
    int err = io_write_fd(ts, f->fd, data.data(), data.size(), &written);
    if (err != 0) {
        // What did not reach the file stays buffered, as in CPython's
        // BufferedWriter: a later flush or close tries it again (and a full
        // disk fails close() too). A raw file (buffering=0) has no buffer.
        if (!(f->binary && f->write_through)) f->wbuf.insert(0, data, written);
        if (err != kIoSignalRaised) raise_os_error(ts, err);
        return false;
    }
    return true;
}

// Gives back the read-ahead before a write or a seek, so the descriptor's
// offset is where the caller believes the file position is.
bool file_drop_readahead(ThreadState& ts, FileObject* f) {
    std::size_t pending = f->rbuf.size() - f->rpos;
    f->rbuf.clear();
    f->rpos = 0;
    if (pending == 0) return true;
    if (!f->source.is_null()) {
        Ref back(make_int(ts, -static_cast<int64_t>(pending)));
        Ref r(back ? source_call(ts, f, "seek", {*back, Value::small_int(SEEK_CUR)}) : Value());
        return static_cast<bool>(r);
    }
    if (::lseek(f->fd, -static_cast<off_t>(pending), SEEK_CUR) < 0 && errno != ESPIPE) {
        raise_os_error(ts, errno);
        return false;
    }
    return true;
}

// Reads one more chunk into rbuf. 1: data added, 0: end of file, -1: error.
// A `buffer` object first hands its text file's pending output to the OS.
bool sync_parent(ThreadState& ts, FileObject* f) {
    return f->parent.is_null() || file_flush(ts, file_obj(f->parent));
}

int file_fill(ThreadState& ts, FileObject* f, std::size_t want = kChunk) {
    if (!sync_parent(ts, f)) return -1;
    if (!f->wbuf.empty() && !file_flush(ts, f)) return -1;
    if (f->rpos == f->rbuf.size()) {
        f->rbuf.clear();
        f->rpos = 0;
    } else if (f->rpos >= kChunk) {
        f->rbuf.erase(0, f->rpos);
        f->rpos = 0;
    }
    // The read goes to a local buffer: another thread may use this file
    // while the GIL is released.
    std::string chunk;
    int64_t n;
    if (!f->source.is_null()) {
        n = source_read(ts, f, want, &chunk);
        if (n < 0) return -1;
    } else {
        chunk.assign(want, '\0');
        n = io_read_fd(ts, f->fd, chunk.data(), want);
    }
    if (n < 0) {
        if (n != kIoSignalRaised) raise_os_error(ts, errno);
        return -1;
    }
    if (f->rpos == f->rbuf.size()) {
        f->rbuf.clear();
        f->rpos = 0;
    }
    f->rbuf.append(chunk, 0, static_cast<std::size_t>(n));
    f->eof = n == 0;
    return n > 0 ? 1 : 0;
}

bool file_check_readable(ThreadState& ts, FileObject* f) {
    if (!file_check_open(ts, f)) return false;
    if (f->readable) return true;
    raise_unsupported(ts, f->binary ? "read" : "not readable");
    return false;
}

bool file_check_writable(ThreadState& ts, FileObject* f) {
    if (!file_check_open(ts, f)) return false;
    if (f->writable) return true;
    raise_unsupported(ts, f->binary ? "write" : "not writable");
    return false;
}

// --- text decoding ---

namespace {

const char* encoding_name(FileEncoding e) {
    switch (e) {
        case FileEncoding::Latin1:
            return "latin-1";
        case FileEncoding::Ascii:
            return "ascii";
        default:
            return "utf-8";
    }
}

// "\r\n" and lone "\r" become "\n" (universal newlines).
void translate_newlines(std::string& s) {
    if (s.find('\r') == std::string::npos) return;
    std::size_t out = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\r') {
            s[out++] = '\n';
            if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
        } else {
            s[out++] = s[i];
        }
    }
    s.resize(out);
}

std::size_t utf8_seq_len(unsigned char c) {
    if (c < 0xC0) return 1;  // ASCII, or a stray continuation byte: decoding reports it
    if (c < 0xE0) return 2;
    if (c < 0xF0) return 3;
    return 4;
}

}  // namespace

// Bytes of a text file as a str (or bytes for binary files).
Value file_decode(ThreadState& ts, FileObject* f, std::string bytes) {
    if (f->binary) return make_bytes(ts, bytes);
    if (f->newline == FileNewline::Universal) translate_newlines(bytes);
    if (f->enc == FileEncoding::Utf8 && utf8_valid(bytes)) return make_str(ts, bytes);
    return str_decode(ts, bytes, encoding_name(f->enc), str_view(f->errors));
}

// --- reading ---

Value file_read_all(ThreadState& ts, FileObject* f) {
    std::size_t want = kChunk;
    struct stat st;
    if (f->source.is_null() && ::fstat(f->fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
        off_t pos = ::lseek(f->fd, 0, SEEK_CUR);
        if (pos >= 0 && st.st_size > pos) want = static_cast<std::size_t>(st.st_size - pos) + 1;
    }
    for (;;) {
        int r = file_fill(ts, f, want);
        if (r < 0) return Value();
        if (r == 0) break;
        if (want < (std::size_t(1) << 24)) want *= 2;
    }
    std::string data = f->rbuf.substr(f->rpos);
    f->rbuf.clear();
    f->rpos = 0;
    return file_decode(ts, f, std::move(data));
}

namespace {

// Makes sure rbuf holds at least `n` bytes from rpos, unless the file ends.
bool ensure_bytes(ThreadState& ts, FileObject* f, std::size_t n) {
    while (f->rbuf.size() - f->rpos < n) {
        int r = file_fill(ts, f);
        if (r < 0) return false;
        if (r == 0) break;
    }
    return true;
}

// One character of a text file appended to `out` (translating a universal
// newline). false on error; *got false at end of file.
bool read_text_char(ThreadState& ts, FileObject* f, std::string& out, bool* got) {
    *got = false;
    if (!ensure_bytes(ts, f, 1)) return false;
    if (f->rpos == f->rbuf.size()) return true;
    unsigned char c = static_cast<unsigned char>(f->rbuf[f->rpos]);
    if (c == '\r' && f->newline == FileNewline::Universal) {
        if (!ensure_bytes(ts, f, 2)) return false;
        ++f->rpos;
        if (f->rpos < f->rbuf.size() && f->rbuf[f->rpos] == '\n') ++f->rpos;
        out += '\n';
        *got = true;
        return true;
    }
    std::size_t len = f->enc == FileEncoding::Utf8 ? utf8_seq_len(c) : 1;
    if (!ensure_bytes(ts, f, len)) return false;
    len = std::min(len, f->rbuf.size() - f->rpos);
    out.append(f->rbuf, f->rpos, len);
    f->rpos += len;
    *got = true;
    return true;
}

}  // namespace

// read(n) for n >= 0: n characters (text) or up to n bytes (binary).
Value file_read_n(ThreadState& ts, FileObject* f, int64_t n) {
    if (f->binary) {
        if (!ensure_bytes(ts, f, static_cast<std::size_t>(n))) return Value();
        std::size_t take = std::min(static_cast<std::size_t>(n), f->rbuf.size() - f->rpos);
        Value r = make_bytes(ts, std::string_view(f->rbuf).substr(f->rpos, take));
        f->rpos += take;
        return r;
    }
    std::string out;
    for (int64_t i = 0; i < n; ++i) {
        bool got;
        if (!read_text_char(ts, f, out, &got)) return Value();
        if (!got) break;
    }
    if (f->enc == FileEncoding::Utf8 && utf8_valid(out)) return make_str(ts, out);
    return str_decode(ts, out, encoding_name(f->enc), str_view(f->errors));
}

namespace {

// Offset (from rpos) just past the first line terminator in the buffered
// bytes at or after `from`, or npos when there is none yet. *need_more is
// set when a '\r' at the very end might be the start of "\r\n".
std::size_t find_line_end(FileObject* f, std::size_t from, bool* need_more) {
    std::string_view buf = std::string_view(f->rbuf).substr(f->rpos);
    *need_more = false;
    bool universal = !f->binary && (f->newline == FileNewline::Universal ||
                                    f->newline == FileNewline::UniversalKeep);
    if (f->binary || f->newline == FileNewline::Lf) {
        std::size_t p = buf.find('\n', from);
        return p == std::string_view::npos ? p : p + 1;
    }
    if (f->newline == FileNewline::CrLf) {
        std::size_t p = buf.find("\r\n", from > 0 ? from - 1 : 0);
        return p == std::string_view::npos ? p : p + 2;
    }
    if (!universal) {  // '\r'
        std::size_t p = buf.find('\r', from);
        return p == std::string_view::npos ? p : p + 1;
    }
    std::size_t p = buf.find_first_of("\r\n", from);
    if (p == std::string_view::npos || buf[p] == '\n')
        return p == std::string_view::npos ? p : p + 1;
    if (p + 1 == buf.size() && !f->eof) {
        *need_more = true;
        return std::string_view::npos;
    }
    return p + 1 < buf.size() && buf[p + 1] == '\n' ? p + 2 : p + 1;
}

}  // namespace

Value file_readline(ThreadState& ts, FileObject* f, int64_t limit) {
    if (limit >= 0 && !f->binary) {
        std::string out;
        for (int64_t i = 0; i < limit; ++i) {
            bool got;
            if (!read_text_char(ts, f, out, &got)) return Value();
            if (!got || out.back() == '\n') break;
        }
        if (f->enc == FileEncoding::Utf8 && utf8_valid(out)) return make_str(ts, out);
        return str_decode(ts, out, encoding_name(f->enc), str_view(f->errors));
    }
    std::size_t scanned = 0, end;
    for (;;) {
        bool need_more;
        end = find_line_end(f, scanned, &need_more);
        if (end != std::string_view::npos) break;
        std::size_t avail = f->rbuf.size() - f->rpos;
        scanned = need_more ? avail - 1 : avail;
        if (limit >= 0 && avail >= static_cast<std::size_t>(limit)) {
            end = static_cast<std::size_t>(limit);
            break;
        }
        int r = file_fill(ts, f);
        if (r < 0) return Value();
        if (r == 0) {
            end = f->rbuf.size() - f->rpos;
            break;
        }
    }
    if (limit >= 0) end = std::min(end, static_cast<std::size_t>(limit));
    std::string line = f->rbuf.substr(f->rpos, end);
    f->rpos += end;
    return file_decode(ts, f, std::move(line));
}

// --- writing ---

bool file_write_bytes(ThreadState& ts, FileObject* f, std::string_view data) {
    if (!sync_parent(ts, f)) return false;
    if (f->rpos < f->rbuf.size() || !f->rbuf.empty()) {
        if (!file_drop_readahead(ts, f)) return false;
    }
    f->eof = false;
    f->wbuf.append(data);
    if (f->write_through || f->wbuf.size() >= kChunk) return file_flush(ts, f);
    if (f->line_buffering && data.find('\n') != std::string_view::npos) return file_flush(ts, f);
    return true;
}

namespace {

// newline='\r' or '\r\n' on output: every "\n" written becomes that.
bool translates_output(const FileObject* f) {
    return f->newline == FileNewline::Cr || f->newline == FileNewline::CrLf;
}

std::string translate_output(const FileObject* f, std::string_view text) {
    const char* term = f->newline == FileNewline::Cr ? "\r" : "\r\n";
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c == '\n')
            out += term;
        else
            out += c;
    }
    return out;
}

}  // namespace

bool file_write_text(ThreadState& ts, FileObject* f, std::string_view utf8) {
    if (!file_check_writable(ts, f)) return false;
    if (translates_output(f) && utf8.find('\n') != std::string_view::npos) {
        return file_write_bytes(ts, f, translate_output(f, utf8));
    }
    return file_write_bytes(ts, f, utf8);
}

// write(str) on a text file: the encoding's bytes.
bool file_write_str(ThreadState& ts, FileObject* f, Value s) {
    if (str_is_ascii(s) || (f->enc == FileEncoding::Utf8 && !utf8_has_surrogate(str_view(s))))
        return file_write_text(ts, f, str_view(s));
    if (!file_check_writable(ts, f)) return false;
    Ref b(str_encode(ts, s, encoding_name(f->enc), str_view(f->errors)));
    if (!b) return false;
    std::string_view bytes = bytes_view(*b);
    return file_write_bytes(ts, f,
                            translates_output(f) ? translate_output(f, bytes) : std::string(bytes));
}

// --- positioning ---

Value file_tell(ThreadState& ts, FileObject* f) {
    if (!file_check_open(ts, f) || !sync_parent(ts, f)) return Value();
    if (!file_flush(ts, f)) return Value();
    auto pending = static_cast<int64_t>(f->rbuf.size() - f->rpos);
    if (!f->source.is_null()) {
        Ref pos(source_call(ts, f, "tell", {}));
        int64_t at;
        if (!pos || !int_as_int64(ts, *pos, &at)) return Value();
        return make_int(ts, at - pending);
    }
    off_t pos = ::lseek(f->fd, 0, SEEK_CUR);
    if (pos < 0) return raise_os_error(ts, errno);
    return make_int(ts, pos - pending);
}

Value file_seek(ThreadState& ts, FileObject* f, int64_t offset, int whence) {
    if (!file_check_open(ts, f)) return Value();
    if (whence < 0 || whence > 2) {
        return raise_fmt(ts, ts.exc_types().ValueError, "invalid whence ({}, should be 0, 1 or 2)",
                         whence);
    }
    if (!f->binary) {
        if (whence == SEEK_CUR && offset != 0)
            return raise_unsupported(ts, "can't do nonzero cur-relative seeks");
        if (whence == SEEK_END && offset != 0)
            return raise_unsupported(ts, "can't do nonzero end-relative seeks");
        if (whence == SEEK_SET && offset < 0) {
            return raise_fmt(ts, ts.exc_types().ValueError, "negative seek position {}", offset);
        }
    }
    if (!sync_parent(ts, f) || !file_flush(ts, f)) return Value();
    if (whence == SEEK_CUR) offset -= static_cast<int64_t>(f->rbuf.size() - f->rpos);
    f->rbuf.clear();
    f->rpos = 0;
    f->eof = false;
    if (!f->source.is_null()) {
        Ref where(make_int(ts, offset));
        return where ? source_call(ts, f, "seek", {*where, Value::small_int(whence)}) : Value();
    }
    off_t pos = ::lseek(f->fd, static_cast<off_t>(offset), whence);
    if (pos < 0) return raise_os_error(ts, errno);
    return make_int(ts, pos);
}

Value file_truncate(ThreadState& ts, FileObject* f, Value size) {
    if (!file_check_writable(ts, f)) return Value();
    if (!file_flush(ts, f) || !file_drop_readahead(ts, f)) return Value();
    if (!f->source.is_null())
        return source_call(ts, f, "truncate", {size.is_null() ? Value::none() : size});
    int64_t n;
    if (size.is_null() || size.is_none()) {
        off_t pos = ::lseek(f->fd, 0, SEEK_CUR);
        if (pos < 0) return raise_os_error(ts, errno);
        n = pos;
    } else if (!int_as_int64(ts, size, &n)) {
        return Value();
    }
    if (::ftruncate(f->fd, static_cast<off_t>(n)) < 0) return raise_os_error(ts, errno);
    return make_int(ts, n);
}

bool file_close(ThreadState& ts, FileObject* f) {
    if (f->closed) return true;
    bool ok = file_flush(ts, f);
    f->closed = true;
    f->rbuf.clear();
    f->rpos = 0;
    if (!f->source.is_null()) {  // closing the wrapper closes its buffer, as in CPython
        Ref r(source_call(ts, f, "close", {}));
        return ok && r;
    }
    if (f->closefd && f->fd >= 0 && ::close(f->fd) < 0 && ok) {
        raise_os_error(ts, errno);
        ok = false;
    }
    return ok;
}

}  // namespace gilt
