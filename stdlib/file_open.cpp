// open() and the creation of file objects: mode strings, encodings, newline
// options and the descriptor, with CPython's error messages for each.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <new>
#include <string>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/bytes.hpp"
#include "runtime/errors.hpp"
#include "runtime/heap.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/sandbox.hpp"
#include "runtime/str.hpp"
#include "stdlib/file.hpp"

namespace gilt {

namespace {

TypeObject* file_type_for(IoTypes& types, bool binary, bool readable, bool writable) {
    if (!binary) return types.text;
    if (readable && writable) return types.buffered_random;
    return readable ? types.buffered_reader : types.buffered_writer;
}

FileObject* file_alloc(ThreadState& ts, TypeObject* type) {
    auto* f = alloc<FileObject>(type);
    if (!f) {
        raise_memory_error(ts);
        return nullptr;
    }
    new (&f->rbuf) std::string();
    new (&f->wbuf) std::string();
    f->fd = -1;
    f->seekable = -1;
    return f;
}

}  // namespace

Value file_from_fd(ThreadState& ts, int fd, Value name, Value mode, bool binary, bool readable,
                   bool writable) {
    IoTypes& types = io_types(ts.interp());
    FileObject* f = file_alloc(ts, file_type_for(types, binary, readable, writable));
    if (!f) return Value();
    Value result = val(f);
    f->fd = fd;
    f->name = new_ref(name);
    f->mode = new_ref(mode);
    f->binary = binary;
    f->readable = readable;
    f->writable = writable;
    f->closefd = true;
    if (!binary) {
        f->encoding = ts.interp().intern("UTF-8");
        f->errors = ts.interp().intern("strict");
    }
    return result;
}

Value file_buffer(ThreadState& ts, FileObject* text) {
    if (!file_check_open(ts, text)) return Value();
    Ref mode(make_str(ts, text->readable && text->writable ? "rb+" : text->readable ? "rb" : "wb"));
    if (!mode) return Value();
    Value b = file_from_fd(ts, text->fd, text->name, *mode, true, text->readable, text->writable);
    if (b.is_null()) return b;
    FileObject* f = file_obj(b);
    f->closefd = false;
    f->write_through = true;
    f->sink = text->sink;
    f->parent = new_ref(val(text));
    return b;
}

namespace {

struct OpenMode {
    bool creating = false, reading = false, writing = false, appending = false, updating = false;
    bool text = false, binary = false;
};

bool parse_mode(ThreadState& ts, std::string_view mode, OpenMode* m) {
    for (std::size_t i = 0; i < mode.size(); ++i) {
        char c = mode[i];
        if (std::strchr("rwxab+t", c) == nullptr || c == '\0' ||
            mode.find(c, i + 1) != std::string_view::npos) {
            raise_fmt(ts, ts.exc_types().ValueError, "invalid mode: '{}'", mode);
            return false;
        }
        switch (c) {
            case 'x':
                m->creating = true;
                break;
            case 'r':
                m->reading = true;
                break;
            case 'w':
                m->writing = true;
                break;
            case 'a':
                m->appending = true;
                break;
            case '+':
                m->updating = true;
                break;
            case 't':
                m->text = true;
                break;
            case 'b':
                m->binary = true;
                break;
        }
    }
    if (m->text && m->binary) {
        raise(ts, ts.exc_types().ValueError, "can't have text and binary mode at once");
        return false;
    }
    int kinds = m->creating + m->reading + m->writing + m->appending;
    if (kinds > 1) {
        raise(ts, ts.exc_types().ValueError,
              "must have exactly one of create/read/write/append mode");
        return false;
    }
    if (kinds == 0) {
        raise(ts, ts.exc_types().ValueError,
              "Must have exactly one of create/read/write/append mode and at most one plus");
        return false;
    }
    return true;
}

// The mode string a binary file reports (FileIO's: 'rb+' for 'w+b').
std::string binary_mode_name(const OpenMode& m) {
    std::string s = m.creating                  ? "xb"
                    : m.appending               ? "ab"
                    : (m.reading || m.updating) ? "rb"
                                                : "wb";
    if (m.updating) s += '+';
    return s;
}

bool parse_encoding(ThreadState& ts, Value enc, FileEncoding* out) {
    std::string name(str_view(enc));
    for (char& c : name)
        c = c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (name == "utf-8" || name == "utf8" || name == "u8" || name == "utf")
        *out = FileEncoding::Utf8;
    else if (name == "latin-1" || name == "latin1" || name == "iso-8859-1" || name == "iso8859-1" ||
             name == "l1")
        *out = FileEncoding::Latin1;
    else if (name == "ascii" || name == "us-ascii")
        *out = FileEncoding::Ascii;
    else {
        raise_fmt(ts, ts.exc_types().LookupError, "unknown encoding: {}", str_view(enc));
        return false;
    }
    return true;
}

bool parse_newline(ThreadState& ts, Value nl, FileNewline* out) {
    if (nl.is_null() || nl.is_none()) {
        *out = FileNewline::Universal;
        return true;
    }
    if (!is_str(ts, nl)) {
        raise_fmt(ts, ts.exc_types().TypeError,
                  "open() argument 'newline' must be str or None, not {}", type_name(ts, nl));
        return false;
    }
    std::string_view s = str_view(nl);
    if (s.empty())
        *out = FileNewline::UniversalKeep;
    else if (s == "\n")
        *out = FileNewline::Lf;
    else if (s == "\r")
        *out = FileNewline::Cr;
    else if (s == "\r\n")
        *out = FileNewline::CrLf;
    else {
        raise_fmt(ts, ts.exc_types().ValueError, "illegal newline value: {}", s);
        return false;
    }
    return true;
}

bool check_optional_str(ThreadState& ts, Value v, const char* what) {
    if (v.is_null() || v.is_none() || is_str(ts, v)) return true;
    raise_fmt(ts, ts.exc_types().TypeError, "open() argument '{}' must be str or None, not {}",
              what, type_name(ts, v));
    return false;
}

int open_flags(const OpenMode& m) {
    int flags = O_CLOEXEC;
    if (m.updating)
        flags |= O_RDWR;
    else if (m.reading)
        flags |= O_RDONLY;
    else
        flags |= O_WRONLY;
    if (m.creating) flags |= O_CREAT | O_EXCL;
    if (m.writing) flags |= O_CREAT | O_TRUNC;
    if (m.appending) flags |= O_CREAT | O_APPEND;
    return flags;
}

// The descriptor for `file` (a path or an int), or -1 with an exception.
int open_descriptor(ThreadState& ts, Value file, const OpenMode& m, bool* owns) {
    *owns = false;
    std::string path;
    if (is_int(file) && !file.is_bool()) {
        int64_t fd;
        if (!int_as_int64(ts, file, &fd)) return -1;
        if (fd < 0) {
            raise(ts, ts.exc_types().ValueError, "negative file descriptor");
            return -1;
        }
        return static_cast<int>(fd);
    }
    if (is_str(ts, file))
        path = str_view(file);
    else if (file.is_object() && file.as_object()->kind == ObjKind::Bytes)
        path = bytes_view(file);
    else {
        raise_fmt(ts, ts.exc_types().TypeError, "expected str, bytes or os.PathLike object, not {}",
                  type_name(ts, file));
        return -1;
    }
    if (path.find('\0') != std::string::npos) {
        raise(ts, ts.exc_types().ValueError, "embedded null byte");
        return -1;
    }
    int fd;
    do {
        fd = ::open(path.c_str(), open_flags(m), 0666);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        raise_os_error(ts, errno, file);
        return -1;
    }
    struct stat st;
    if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        ::close(fd);
        raise_os_error(ts, EISDIR, file);
        return -1;
    }
    if (m.appending) ::lseek(fd, 0, SEEK_END);
    *owns = true;
    return fd;
}

}  // namespace

Value text_wrapper_new(ThreadState& ts, TypeObject* type, Args args) {
    Value buffer, encoding, errors, newline, line_buffering, write_through;
    if (!parse_args(
            ts, args, "TextIOWrapper",
            {"buffer", "|", "encoding", "errors", "newline", "line_buffering", "write_through"},
            {&buffer, &encoding, &errors, &newline, &line_buffering, &write_through}))
        return Value();
    if (!check_optional_str(ts, encoding, "encoding") || !check_optional_str(ts, errors, "errors"))
        return Value();
    FileEncoding enc = FileEncoding::Utf8;
    FileNewline nl = FileNewline::Universal;
    bool has_encoding = !encoding.is_null() && !encoding.is_none();
    if (has_encoding && !parse_encoding(ts, encoding, &enc)) return Value();
    if (!parse_newline(ts, newline, &nl)) return Value();
    bool flags[2];
    const char* const kAsk[] = {"readable", "writable"};
    for (int i = 0; i < 2; ++i) {
        Ref method(obj_getattr_cstr(ts, buffer, kAsk[i]));
        Ref answer(method ? call0(ts, *method) : Value());
        if (!answer) return Value();
        flags[i] = (*answer).is_true();
    }
    FileObject* f = file_alloc(ts, type);
    if (!f) return Value();
    Ref result(val(f));
    f->source = new_ref(buffer);
    f->name = Value::none();
    f->mode = Value::none();
    f->readable = flags[0];
    f->writable = flags[1];
    f->closefd = false;
    f->enc = enc;
    f->newline = nl;
    f->line_buffering = !line_buffering.is_null() && line_buffering.is_true();
    f->write_through = !write_through.is_null() && write_through.is_true();
    f->encoding = has_encoding ? new_ref(encoding) : ts.interp().intern("UTF-8");
    f->errors =
        !errors.is_null() && !errors.is_none() ? new_ref(errors) : ts.interp().intern("strict");
    return result.release();
}

Value file_open(ThreadState& ts, Args args) {
    if (!sandbox_permits(ts, "open")) return Value();
    Value file, mode, buffering, encoding, errors, newline, closefd, opener;
    if (!parse_args(ts, args, "open",
                    {"file", "|", "mode", "buffering", "encoding", "errors", "newline", "closefd",
                     "opener"},
                    {&file, &mode, &buffering, &encoding, &errors, &newline, &closefd, &opener})) {
        return Value();
    }
    // A path-like object (pathlib.Path) opens the path its __fspath__ gives,
    // which is also the file's name.
    Ref path_like;
    if (!is_int(file) && !is_str(ts, file) &&
        !(file.is_object() && file.as_object()->kind == ObjKind::Bytes)) {
        Ref fspath_name(ts.interp().intern("__fspath__"));
        Value f = lookup_special(ts, file, *fspath_name);
        if (!f.is_null()) {
            path_like = Ref(call_bound_special(ts, f, file, Args{}));
            if (!path_like) return Value();
            file = *path_like;
        }
    }
    Ref mode_str(mode.is_null() ? make_str(ts, "r") : new_ref(mode));
    if (!is_str(ts, *mode_str)) {
        return raise_fmt(ts, ts.exc_types().TypeError, "open() argument 'mode' must be str, not {}",
                         type_name(ts, *mode_str));
    }
    OpenMode m;
    if (!parse_mode(ts, str_view(*mode_str), &m)) return Value();
    if (!check_optional_str(ts, encoding, "encoding") || !check_optional_str(ts, errors, "errors"))
        return Value();
    bool has_encoding = !encoding.is_null() && !encoding.is_none();
    bool has_errors = !errors.is_null() && !errors.is_none();
    bool has_newline = !newline.is_null() && !newline.is_none();
    if (m.binary && has_encoding)
        return raise(ts, ts.exc_types().ValueError,
                     "binary mode doesn't take an encoding argument");
    if (m.binary && has_errors)
        return raise(ts, ts.exc_types().ValueError, "binary mode doesn't take an errors argument");
    if (m.binary && has_newline)
        return raise(ts, ts.exc_types().ValueError, "binary mode doesn't take a newline argument");
    int64_t buf_size = -1;
    if (!buffering.is_null() && !int_as_int64(ts, buffering, &buf_size)) return Value();
    if (buf_size == 0 && !m.binary)
        return raise(ts, ts.exc_types().ValueError, "can't have unbuffered text I/O");
    FileEncoding enc = FileEncoding::Utf8;
    FileNewline nl = FileNewline::Universal;
    if (has_encoding && !parse_encoding(ts, encoding, &enc)) return Value();
    if (!m.binary && !parse_newline(ts, newline, &nl)) return Value();
    bool owns;
    int fd = open_descriptor(ts, file, m, &owns);
    if (fd < 0) return Value();
    Ref shown_mode(m.binary ? make_str(ts, binary_mode_name(m)) : new_ref(*mode_str));
    bool readable = m.reading || m.updating, writable = !m.reading || m.updating;
    Ref result(shown_mode ? file_from_fd(ts, fd, file, *shown_mode, m.binary, readable, writable)
                          : Value());
    if (!result) {
        if (owns) ::close(fd);
        return Value();
    }
    FileObject* f = file_obj(*result);
    f->appending = m.appending;
    f->closefd = closefd.is_null() || closefd.is_true() ||
                 (closefd.is_small_int() && closefd.as_small_int() != 0);
    f->enc = enc;
    f->newline = nl;
    f->line_buffering = buf_size == 1 && !m.binary;
    f->write_through = buf_size == 0;
    if (has_encoding) set_ref(f->encoding, new_ref(encoding));
    if (has_errors) set_ref(f->errors, new_ref(errors));
    return result.release();
}

}  // namespace gilt
