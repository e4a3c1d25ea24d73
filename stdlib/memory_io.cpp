// io.StringIO and io.BytesIO: in-memory streams.
//
// StringIO keeps UTF-8 text and a position counted in characters, as
// Python sees it, with the matching byte offset cached next to it
// (pos_bytes is the byte offset of min(pos, nchars)). The position may lie
// past the end; a write there pads with NUL characters first, as CPython.
// BytesIO is the same with bytes and no decoding.
//
// The buffer's capacity is charged to the interpreter's heap meter
// (runtime/heap_meter.hpp) as it grows: every write first makes room for
// what it may add (mem_make_room), so a script that grows a stream under a
// heap cap gets MemoryError there, and close and dealloc give it back.
#include <algorithm>
#include <new>
#include <string>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/bytes.hpp"
#include "runtime/errors.hpp"
#include "runtime/heap.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/iterators.hpp"
#include "runtime/list.hpp"
#include "runtime/str.hpp"
#include "stdlib/file.hpp"

namespace gilt {

namespace {

struct MemIO {
    Object hdr;
    std::string buf;
    uint64_t pos;        // StringIO: characters; BytesIO: bytes
    uint64_t pos_bytes;  // StringIO only: byte offset of min(pos, nchars)
    uint64_t nchars;     // StringIO only: characters in buf
    bool closed;
    // StringIO's newline argument, as CPython's TextIOWrapper rules apply
    // to it: None translates "\r\n" and "\r" written to "\n"; "\r" and
    // "\r\n" translate a written "\n" to themselves; "" splits lines at any
    // of the three endings; "\n" (the default) neither translates nor does.
    FileNewline newline;
    std::size_t charged;  // bytes of buf's capacity charged to the heap meter
};

// Grows buf's capacity to hold `need` bytes, charging the growth: by
// doubling, or near the cap by an eighth (growing by exactly `need` there
// would copy the whole buffer on every write). false with MemoryError
// pending.
bool mem_make_room(ThreadState& ts, MemIO* m, std::size_t need) {
    if (need <= m->buf.capacity()) return true;
    Interpreter* interp = &ts.interp();
    std::size_t cap = m->buf.capacity();
    std::size_t want = std::max(need, cap * 2);
    if (!heap_room_for(interp, want - m->charged)) want = std::max(need, cap + cap / 8);
    if (!heap_room_for(interp, want - m->charged)) want = need;
    if (want > m->buf.max_size() || !heap_charge(interp, want - m->charged)) {
        raise_memory_error(ts);
        return false;
    }
    m->charged = want;
    m->buf.reserve(want);
    return true;
}

void mem_release(Interpreter* interp, MemIO* m) {
    std::string().swap(m->buf);
    heap_discharge(interp, m->charged);
    m->charged = 0;
}

MemIO* mem(Value v) {
    return reinterpret_cast<MemIO*>(v.as_object());
}
MemIO* self_mem(Args args) {
    return mem(args[0]);
}

Value sio_write(ThreadState& ts, Args args);
Value sio_read(ThreadState& ts, Args args);
Value sio_readline(ThreadState& ts, Args args);
Value sio_readlines(ThreadState& ts, Args args);
Value sio_getvalue(ThreadState& ts, Args args);
Value sio_seek(ThreadState& ts, Args args);
Value sio_truncate(ThreadState& ts, Args args);
Value bio_write(ThreadState& ts, Args args);
Value bio_read(ThreadState& ts, Args args);
Value bio_readline(ThreadState& ts, Args args);
Value bio_readlines(ThreadState& ts, Args args);
Value bio_getvalue(ThreadState& ts, Args args);
Value bio_seek(ThreadState& ts, Args args);
Value bio_truncate(ThreadState& ts, Args args);
Value mem_tell(ThreadState& ts, Args args);
Value mem_close(ThreadState& ts, Args args);
Value mem_flush(ThreadState& ts, Args args);
Value mem_true(ThreadState& ts, Args args);
Value mem_false(ThreadState& ts, Args args);
Value mem_enter(ThreadState& ts, Args args);
Value mem_exit(ThreadState& ts, Args args);
Value mem_writelines(ThreadState& ts, Args args);

constexpr MethodDef kStringIOMethods[] = {
    {"write", sio_write},           {"read", sio_read},
    {"readline", sio_readline},     {"readlines", sio_readlines},
    {"getvalue", sio_getvalue},     {"seek", sio_seek},
    {"truncate", sio_truncate},     {"tell", mem_tell},
    {"close", mem_close},           {"flush", mem_flush},
    {"readable", mem_true},         {"writable", mem_true},
    {"seekable", mem_true},         {"isatty", mem_false},
    {"__enter__", mem_enter},       {"__exit__", mem_exit},
    {"writelines", mem_writelines},
};

constexpr MethodDef kBytesIOMethods[] = {
    {"write", bio_write},           {"read", bio_read},
    {"readline", bio_readline},     {"readlines", bio_readlines},
    {"getvalue", bio_getvalue},     {"seek", bio_seek},
    {"truncate", bio_truncate},     {"tell", mem_tell},
    {"close", mem_close},           {"flush", mem_flush},
    {"readable", mem_true},         {"writable", mem_true},
    {"seekable", mem_true},         {"isatty", mem_false},
    {"__enter__", mem_enter},       {"__exit__", mem_exit},
    {"writelines", mem_writelines}, {"read1", bio_read},
};

Value mem_get_closed(ThreadState&, Value self) {
    return Value::boolean(mem(self)->closed);
}
Value mem_get_none(ThreadState&, Value) {
    return Value::none();
}
Value mem_get_false(ThreadState&, Value) {
    return Value::false_();
}

constexpr GetSetDef kStringIOGetSets[] = {
    {"closed", mem_get_closed},
    {"newlines", mem_get_none},
    {"line_buffering", mem_get_false},
};
constexpr GetSetDef kBytesIOGetSets[] = {
    {"closed", mem_get_closed},
};

// StringIO's own checks say "I/O operation on closed file" without the
// period that BytesIO and the io base class (__enter__) put there.
bool check_open(ThreadState& ts, MemIO* m, bool period) {
    if (!m->closed) return true;
    raise(ts, ts.exc_types().ValueError,
          period ? "I/O operation on closed file." : "I/O operation on closed file");
    return false;
}

bool is_string_io(ThreadState& ts, Value v) {
    return type_is_subtype(type_of(ts, v), io_types(ts.interp()).string_io);
}

bool check_open(ThreadState& ts, Value self) {
    return check_open(ts, mem(self), !is_string_io(ts, self));
}

// --- StringIO helpers ---

std::size_t utf8_advance(const std::string& s, std::size_t byte, uint64_t chars) {
    while (chars > 0 && byte < s.size()) {
        ++byte;
        while (byte < s.size() && (static_cast<unsigned char>(s[byte]) & 0xC0) == 0x80) ++byte;
        --chars;
    }
    return byte;
}

uint64_t utf8_count(std::string_view s) {
    uint64_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

void sio_set_pos(MemIO* m, uint64_t pos) {
    m->pos = pos;
    m->pos_bytes = utf8_advance(m->buf, 0, std::min(pos, m->nchars));
}

void sio_put(MemIO* m, std::string_view text) {
    uint64_t n = utf8_count(text);
    if (m->pos > m->nchars) {
        m->buf.append(m->pos - m->nchars, '\0');
        m->nchars = m->pos;
        m->pos_bytes = m->buf.size();
    }
    if (m->pos_bytes == m->buf.size()) {
        m->buf.append(text);
        m->nchars += n;
    } else {
        std::size_t end = utf8_advance(m->buf, m->pos_bytes, n);
        uint64_t replaced =
            utf8_count(std::string_view(m->buf).substr(m->pos_bytes, end - m->pos_bytes));
        m->buf.replace(m->pos_bytes, end - m->pos_bytes, text);
        m->nchars = m->nchars - replaced + n;
    }
    m->pos += n;
    m->pos_bytes += text.size();
}

// At most how many bytes buf holds after sio_put_translated(m, text):
// padding to the position, and a newline translation that doubles.
std::size_t sio_room_needed(const MemIO* m, std::string_view text) {
    std::size_t pad = m->pos > m->nchars ? m->pos - m->nchars : 0;
    std::size_t grow = m->newline == FileNewline::CrLf ? 2 : 1;
    return m->buf.size() + pad + grow * text.size();
}

// Stores text as a write does under the stream's newline mode.
void sio_put_translated(MemIO* m, std::string_view text) {
    using NL = FileNewline;
    char from = m->newline == NL::Universal ? '\r' : '\n';
    bool translates = m->newline == NL::Universal || m->newline == NL::Cr || m->newline == NL::CrLf;
    if (!translates || text.find(from) == std::string_view::npos) {
        sio_put(m, text);
        return;
    }
    std::string t;
    t.reserve(text.size() + text.size() / 8);
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (m->newline == NL::Universal && c == '\r') {
            t += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else if (c == '\n' && m->newline == NL::Cr) {
            t += '\r';
        } else if (c == '\n' && m->newline == NL::CrLf) {
            t += "\r\n";
        } else {
            t += c;
        }
    }
    sio_put(m, t);
}

// The byte just past the line that starts at `from`, by the newline mode.
std::size_t sio_line_end(const MemIO* m, std::size_t from) {
    using NL = FileNewline;
    const std::string& b = m->buf;
    std::size_t at;
    switch (m->newline) {
        case NL::UniversalKeep:
            at = b.find_first_of("\r\n", from);
            if (at == std::string::npos) return b.size();
            return b[at] == '\r' && at + 1 < b.size() && b[at + 1] == '\n' ? at + 2 : at + 1;
        case NL::Cr:
            at = b.find('\r', from);
            return at == std::string::npos ? b.size() : at + 1;
        case NL::CrLf:
            at = b.find("\r\n", from);
            return at == std::string::npos ? b.size() : at + 2;
        default:
            at = b.find('\n', from);
            return at == std::string::npos ? b.size() : at + 1;
    }
}

Value sio_write(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "write", 1, 1)) return Value();
    MemIO* m = self_mem(args);
    Value s = args[1];
    if (!is_str(ts, s)) {
        return raise_fmt(ts, ts.exc_types().TypeError, "string argument expected, got '{}'",
                         type_name(ts, s));
    }
    if (!check_open(ts, m, false)) return Value();
    if (!mem_make_room(ts, m, sio_room_needed(m, str_view(s)))) return Value();
    sio_put_translated(m, str_view(s));
    return make_int(ts, static_cast<int64_t>(str_len(s)));
}

bool size_arg(ThreadState& ts, Args args, const char* fname, int64_t* n) {
    Value size;
    *n = -1;
    if (!parse_args(ts, args.drop_first(), fname, {"|", "/size"}, {&size})) return false;
    if (size.is_null() || size.is_none()) return true;
    if (!int_as_int64(ts, size, n)) return false;
    if (*n < 0) *n = -1;
    return true;
}

Value sio_take(ThreadState& ts, MemIO* m, std::size_t end_byte) {
    if (m->pos >= m->nchars) return str_empty(ts);
    std::string_view piece = std::string_view(m->buf).substr(m->pos_bytes, end_byte - m->pos_bytes);
    m->pos += utf8_count(piece);
    m->pos_bytes = end_byte;
    return make_str(ts, piece);
}

Value sio_read(ThreadState& ts, Args args) {
    MemIO* m = self_mem(args);
    int64_t n;
    if (!size_arg(ts, args, "read", &n) || !check_open(ts, m, false)) return Value();
    std::size_t end =
        n < 0 ? m->buf.size() : utf8_advance(m->buf, m->pos_bytes, static_cast<uint64_t>(n));
    return sio_take(ts, m, end);
}

Value sio_readline_n(ThreadState& ts, MemIO* m, int64_t n) {
    if (m->pos >= m->nchars) return str_empty(ts);
    std::size_t end = sio_line_end(m, m->pos_bytes);
    if (n >= 0) end = std::min(end, utf8_advance(m->buf, m->pos_bytes, static_cast<uint64_t>(n)));
    return sio_take(ts, m, end);
}

Value sio_readline(ThreadState& ts, Args args) {
    MemIO* m = self_mem(args);
    int64_t n;
    if (!size_arg(ts, args, "readline", &n) || !check_open(ts, m, false)) return Value();
    return sio_readline_n(ts, m, n);
}

Value sio_readlines(ThreadState& ts, Args args) {
    MemIO* m = self_mem(args);
    if (!check_open(ts, m, false)) return Value();
    Ref out(list_new(ts));
    while (out) {
        Ref line(sio_readline_n(ts, m, -1));
        if (!line) return Value();
        if (str_len(*line) == 0) break;
        if (!list_append(ts, *out, *line)) return Value();
    }
    return out.release();
}

Value sio_getvalue(ThreadState& ts, Args args) {
    MemIO* m = self_mem(args);
    if (m->closed) return raise(ts, ts.exc_types().ValueError, "I/O operation on closed file");
    return make_str_known(ts, m->buf, m->nchars, m->nchars == m->buf.size());
}

bool seek_args(ThreadState& ts, Args args, int64_t* pos, int64_t* whence) {
    Value p, w;
    *whence = 0;
    if (!parse_args(ts, args.drop_first(), "seek", {"/pos", "|", "/whence"}, {&p, &w}))
        return false;
    if (!int_as_int64(ts, p, pos)) return false;
    if (!w.is_null() && !int_as_int64(ts, w, whence)) return false;
    if (*whence < 0 || *whence > 2) {
        raise_fmt(ts, ts.exc_types().ValueError, "Invalid whence ({}, should be 0, 1 or 2)",
                  *whence);
        return false;
    }
    return true;
}

Value sio_seek(ThreadState& ts, Args args) {
    MemIO* m = self_mem(args);
    int64_t pos, whence;
    if (!seek_args(ts, args, &pos, &whence) || !check_open(ts, m, false)) return Value();
    if (whence == 0 && pos < 0)
        return raise_fmt(ts, ts.exc_types().ValueError, "Negative seek position {}", pos);
    if (whence == 1 && pos != 0)
        return raise(ts, ts.exc_types().OSError, "Can't do nonzero cur-relative seeks");
    if (whence == 2 && pos != 0)
        return raise(ts, ts.exc_types().OSError, "Can't do nonzero end-relative seeks");
    if (whence == 0)
        sio_set_pos(m, static_cast<uint64_t>(pos));
    else if (whence == 2)
        sio_set_pos(m, m->nchars);
    return make_int_u64(ts, m->pos);
}

bool truncate_arg(ThreadState& ts, Args args, MemIO* m, uint64_t* size) {
    Value s;
    if (!parse_args(ts, args.drop_first(), "truncate", {"|", "/pos"}, {&s})) return false;
    if (!check_open(ts, m, !is_string_io(ts, args[0]))) return false;
    *size = m->pos;
    if (s.is_null() || s.is_none()) return true;
    int64_t n;
    if (!int_as_int64(ts, s, &n)) return false;
    if (n < 0) {
        raise_fmt(ts, ts.exc_types().ValueError, "Negative size value {}", n);
        return false;
    }
    *size = static_cast<uint64_t>(n);
    return true;
}

Value sio_truncate(ThreadState& ts, Args args) {
    MemIO* m = self_mem(args);
    uint64_t size;
    if (!truncate_arg(ts, args, m, &size)) return Value();
    if (size < m->nchars) {
        m->buf.resize(utf8_advance(m->buf, 0, size));
        m->nchars = size;
        sio_set_pos(m, m->pos);
    }
    return make_int_u64(ts, size);
}

// --- BytesIO ---

Value bio_write(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "write", 1, 1)) return Value();
    MemIO* m = self_mem(args);
    if (!check_open(ts, m, true)) return Value();
    std::string_view data;
    if (!bytes_like_view(ts, args[1], &data)) return Value();
    if (!mem_make_room(ts, m, std::max<std::size_t>(m->pos, m->buf.size()) + data.size()))
        return Value();
    if (m->pos > m->buf.size()) m->buf.append(m->pos - m->buf.size(), '\0');
    std::size_t keep = std::min<std::size_t>(data.size(), m->buf.size() - m->pos);
    m->buf.replace(m->pos, keep, data);
    m->pos += data.size();
    return make_int_u64(ts, data.size());
}

Value bio_take(ThreadState& ts, MemIO* m, std::size_t end) {
    if (m->pos >= m->buf.size()) return make_bytes(ts, "");
    end = std::min<std::size_t>(end, m->buf.size());
    Value r = make_bytes(ts, std::string_view(m->buf).substr(m->pos, end - m->pos));
    m->pos = end;
    return r;
}

Value bio_read(ThreadState& ts, Args args) {
    MemIO* m = self_mem(args);
    int64_t n;
    if (!size_arg(ts, args, "read", &n) || !check_open(ts, m, true)) return Value();
    return bio_take(ts, m, n < 0 ? m->buf.size() : m->pos + static_cast<uint64_t>(n));
}

Value bio_readline_n(ThreadState& ts, MemIO* m, int64_t n) {
    if (m->pos >= m->buf.size()) return make_bytes(ts, "");
    std::size_t nl = m->buf.find('\n', m->pos);
    std::size_t end = nl == std::string::npos ? m->buf.size() : nl + 1;
    if (n >= 0) end = std::min<std::size_t>(end, m->pos + static_cast<uint64_t>(n));
    return bio_take(ts, m, end);
}

Value bio_readline(ThreadState& ts, Args args) {
    MemIO* m = self_mem(args);
    int64_t n;
    if (!size_arg(ts, args, "readline", &n) || !check_open(ts, m, true)) return Value();
    return bio_readline_n(ts, m, n);
}

Value bio_readlines(ThreadState& ts, Args args) {
    MemIO* m = self_mem(args);
    if (!check_open(ts, m, true)) return Value();
    Ref out(list_new(ts));
    while (out) {
        Ref line(bio_readline_n(ts, m, -1));
        if (!line) return Value();
        if (bytes_view(*line).empty()) break;
        if (!list_append(ts, *out, *line)) return Value();
    }
    return out.release();
}

Value bio_getvalue(ThreadState& ts, Args args) {
    MemIO* m = self_mem(args);
    if (!check_open(ts, m, true)) return Value();
    return make_bytes(ts, m->buf);
}

Value bio_seek(ThreadState& ts, Args args) {
    MemIO* m = self_mem(args);
    int64_t pos, whence;
    if (!seek_args(ts, args, &pos, &whence) || !check_open(ts, m, true)) return Value();
    if (whence == 0 && pos < 0)
        return raise_fmt(ts, ts.exc_types().ValueError, "negative seek value {}", pos);
    if (whence == 1) pos += static_cast<int64_t>(m->pos);
    if (whence == 2) pos += static_cast<int64_t>(m->buf.size());
    m->pos = pos < 0 ? 0 : static_cast<uint64_t>(pos);
    return make_int_u64(ts, m->pos);
}

Value bio_truncate(ThreadState& ts, Args args) {
    MemIO* m = self_mem(args);
    uint64_t size;
    if (!truncate_arg(ts, args, m, &size)) return Value();
    if (size < m->buf.size()) m->buf.resize(size);
    return make_int_u64(ts, size);
}

// --- shared ---

Value mem_tell(ThreadState& ts, Args args) {
    MemIO* m = self_mem(args);
    if (!check_open(ts, args[0])) return Value();
    return make_int_u64(ts, m->pos);
}

Value mem_close(ThreadState& ts, Args args) {
    MemIO* m = self_mem(args);
    m->closed = true;
    mem_release(&ts.interp(), m);
    return Value::none();
}

Value mem_flush(ThreadState& ts, Args args) {
    if (is_string_io(ts, args[0])) return Value::none();
    if (!check_open(ts, args[0])) return Value();
    return Value::none();
}

Value mem_true(ThreadState& ts, Args args) {
    if (!check_open(ts, args[0])) return Value();
    return Value::true_();
}

Value mem_false(ThreadState& ts, Args args) {
    if (!check_open(ts, args[0])) return Value();
    return Value::false_();
}

Value mem_enter(ThreadState& ts, Args args) {
    if (!check_open(ts, self_mem(args), true)) return Value();
    return new_ref(args[0]);
}

Value mem_exit(ThreadState& ts, Args args) {
    return mem_close(ts, args);
}

Value mem_writelines(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "writelines", 1, 1)) return Value();
    Ref it(obj_iter(ts, args[1]));
    if (!it) return Value();
    bool text = is_string_io(ts, args[0]);
    while (Ref item{iter_next(ts, *it)}) {
        Value pair[2] = {args[0], *item};
        Ref r(text ? sio_write(ts, Args{pair, 2, nullptr}) : bio_write(ts, Args{pair, 2, nullptr}));
        if (!r) return Value();
    }
    return ts.has_exception() ? Value() : Value::none();
}

Value mem_iternext(ThreadState& ts, Value self) {
    MemIO* m = mem(self);
    if (!check_open(ts, self)) return Value();
    bool text = is_string_io(ts, self);
    Value line = text ? sio_readline_n(ts, m, -1) : bio_readline_n(ts, m, -1);
    if (line.is_null()) return line;
    if (text ? str_len(line) != 0 : !bytes_view(line).empty()) return line;
    decref(line);
    return Value();
}

MemIO* mem_alloc(ThreadState& ts, TypeObject* type) {
    Object* o = (type->flags & kTypeHasGc) ? alloc_gc_object(type, type->basicsize)
                                           : alloc_object(type, type->basicsize);
    if (!o) {
        raise_memory_error(ts);
        return nullptr;
    }
    auto* m = reinterpret_cast<MemIO*>(o);
    new (&m->buf) std::string();
    return m;
}

void mem_dealloc(Object* o) {
    auto* m = reinterpret_cast<MemIO*>(o);
    mem_release(o->type->interp, m);
    m->buf.~basic_string();
    free_object(o);
}

Value sio_new(ThreadState& ts, TypeObject* type, Args args) {
    Value initial, newline;
    if (!parse_args(ts, args, "StringIO", {"|", "initial_value", "newline"}, {&initial, &newline}))
        return Value();
    if (!initial.is_null() && !initial.is_none() && !is_str(ts, initial)) {
        return raise_fmt(ts, ts.exc_types().TypeError, "initial_value must be str or None, not {}",
                         type_name(ts, initial));
    }
    using NL = FileNewline;
    NL mode = NL::Lf;
    if (!newline.is_null()) {
        if (newline.is_none()) {
            mode = NL::Universal;
        } else if (!is_str(ts, newline)) {
            return raise_fmt(ts, ts.exc_types().TypeError, "newline must be str or None, not {}",
                             type_name(ts, newline));
        } else {
            std::string_view nl = str_view(newline);
            if (nl.empty())
                mode = NL::UniversalKeep;
            else if (nl == "\n")
                mode = NL::Lf;
            else if (nl == "\r")
                mode = NL::Cr;
            else if (nl == "\r\n")
                mode = NL::CrLf;
            else {
                Ref shown(obj_repr(ts, newline));
                if (!shown) return Value();
                return raise_fmt(ts, ts.exc_types().ValueError, "illegal newline value: {}",
                                 str_view(*shown));
            }
        }
    }
    MemIO* m = mem_alloc(ts, type);
    if (!m) return Value();
    m->newline = mode;
    if (!initial.is_null() && !initial.is_none()) {
        // The initial value is written as a write() would, then the
        // position goes back to the start.
        if (!mem_make_room(ts, m, sio_room_needed(m, str_view(initial)))) {
            decref(val(m));
            return Value();
        }
        sio_put_translated(m, str_view(initial));
        m->pos = 0;
        m->pos_bytes = 0;
    }
    return val(m);
}

Value bio_new(ThreadState& ts, TypeObject* type, Args args) {
    Value initial;
    if (!parse_args(ts, args, "BytesIO", {"|", "initial_bytes"}, {&initial})) return Value();
    std::string_view data;
    if (!initial.is_null() && !initial.is_none() && !bytes_like_view(ts, initial, &data))
        return Value();
    MemIO* m = mem_alloc(ts, type);
    if (!m) return Value();
    if (!mem_make_room(ts, m, data.size())) {
        decref(val(m));
        return Value();
    }
    m->buf = data;
    return val(m);
}

TypeObject* new_mem_type(Interpreter& interp, const char* name, NewSlot new_fn,
                         std::span<const MethodDef> methods, std::span<const GetSetDef> getsets) {
    TypeObject* t = type_alloc_builtin(interp, name, ObjKind::Native, sizeof(MemIO),
                                       interp.types.object, kTypeBaseType);
    t->hdr.type = interp.types.type;
    t->dealloc = mem_dealloc;
    // No owned Values: an explicit no-op, or object's instance_traverse and
    // instance_clear would be inherited and read this layout as an instance.
    t->traverse = [](Object*, VisitFn, void*) {};
    t->clear = [](Object*) {};
    t->new_ = new_fn;
    t->iter = iter_self;
    t->iternext = mem_iternext;
    type_add_methods(interp, t, methods);
    type_add_getsets(interp, t, getsets);
    Ref mod(interp.intern("_io"));
    type_set_attr_cstr(interp, t, "__module__", *mod);
    type_ready(interp, t);
    return t;
}

}  // namespace

void define_memory_io_types(Interpreter& interp, IoTypes& types) {
    types.string_io = new_mem_type(interp, "StringIO", sio_new, kStringIOMethods, kStringIOGetSets);
    types.bytes_io = new_mem_type(interp, "BytesIO", bio_new, kBytesIOMethods, kBytesIOGetSets);
}

}  // namespace gilt
