// The Python-visible methods of file objects (_io.TextIOWrapper and the
// _io.Buffered* binary types share one layout and most methods; see
// file.hpp), and the creation of their types.
#include <unistd.h>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/buffer.hpp"
#include "runtime/bytes.hpp"
#include "runtime/errors.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/iterators.hpp"
#include "runtime/list.hpp"
#include "runtime/str.hpp"
#include "stdlib/file.hpp"

namespace gilt {

namespace {

Value file_read(ThreadState& ts, Args args);
Value file_readline_method(ThreadState& ts, Args args);
Value file_readlines(ThreadState& ts, Args args);
Value file_write(ThreadState& ts, Args args);
Value file_writelines(ThreadState& ts, Args args);
Value file_flush_method(ThreadState& ts, Args args);
Value file_close_method(ThreadState& ts, Args args);
Value file_seek_method(ThreadState& ts, Args args);
Value file_tell_method(ThreadState& ts, Args args);
Value file_truncate_method(ThreadState& ts, Args args);
Value file_fileno(ThreadState& ts, Args args);
Value file_isatty(ThreadState& ts, Args args);
Value file_readable(ThreadState& ts, Args args);
Value file_writable(ThreadState& ts, Args args);
Value file_seekable(ThreadState& ts, Args args);
Value file_enter(ThreadState& ts, Args args);
Value file_exit(ThreadState& ts, Args args);
Value file_reconfigure(ThreadState& ts, Args args);

constexpr MethodDef kFileMethods[] = {
    {"read", file_read},
    {"readline", file_readline_method},
    {"readlines", file_readlines},
    {"write", file_write},
    {"writelines", file_writelines},
    {"flush", file_flush_method},
    {"close", file_close_method},
    {"seek", file_seek_method},
    {"tell", file_tell_method},
    {"truncate", file_truncate_method},
    {"fileno", file_fileno},
    {"isatty", file_isatty},
    {"readable", file_readable},
    {"writable", file_writable},
    {"seekable", file_seekable},
    {"__enter__", file_enter},
    {"__exit__", file_exit},
};

constexpr MethodDef kTextOnlyMethods[] = {
    {"reconfigure", file_reconfigure},
};

Value file_get_closed(ThreadState& ts, Value self) {
    FileObject* f = file_obj(self);
    if (!f->source.is_null()) return obj_getattr_cstr(ts, f->source, "closed");
    return Value::boolean(f->closed);
}
Value file_get_name(ThreadState& ts, Value self) {
    FileObject* f = file_obj(self);
    if (!f->source.is_null()) return obj_getattr_cstr(ts, f->source, "name");
    return new_ref(f->name);
}
Value file_get_mode(ThreadState&, Value self) {
    return new_ref(file_obj(self)->mode);
}
Value file_get_encoding(ThreadState&, Value self) {
    return new_ref(file_obj(self)->encoding);
}
Value file_get_errors(ThreadState&, Value self) {
    return new_ref(file_obj(self)->errors);
}
Value file_get_newlines(ThreadState&, Value) {
    return Value::none();
}
Value file_get_line_buffering(ThreadState&, Value self) {
    return Value::boolean(file_obj(self)->line_buffering);
}
Value file_get_write_through(ThreadState&, Value self) {
    return Value::boolean(file_obj(self)->write_through);
}
Value file_get_buffer(ThreadState& ts, Value self) {
    FileObject* f = file_obj(self);
    if (!f->source.is_null()) return new_ref(f->source);
    return file_buffer(ts, f);
}

// A method a TextIOWrapper over a Python object asks its buffer for.
Value forward_to_source(ThreadState& ts, FileObject* f, const char* name) {
    Ref method(obj_getattr_cstr(ts, f->source, name));
    return method ? call0(ts, *method) : Value();
}

constexpr GetSetDef kBinaryGetSets[] = {
    {"closed", file_get_closed},
    {"name", file_get_name},
    {"mode", file_get_mode},
};

constexpr GetSetDef kTextGetSets[] = {
    {"closed", file_get_closed},
    {"name", file_get_name},
    {"mode", file_get_mode},
    {"encoding", file_get_encoding},
    {"errors", file_get_errors},
    {"newlines", file_get_newlines},
    {"line_buffering", file_get_line_buffering},
    {"write_through", file_get_write_through},
    {"buffer", file_get_buffer},
};

FileObject* self_file(Args args) {
    return file_obj(args[0]);
}

// A size argument: None or negative means "everything" (-1).
bool size_arg(ThreadState& ts, Value v, int64_t* out) {
    *out = -1;
    if (v.is_null() || v.is_none()) return true;
    if (!is_int(v)) {
        raise_fmt(ts, ts.exc_types().TypeError, "argument should be integer or None, not '{}'",
                  type_name(ts, v));
        return false;
    }
    if (!int_as_int64(ts, v, out)) return false;
    if (*out < 0) *out = -1;
    return true;
}

Value file_read(ThreadState& ts, Args args) {
    Value size;
    if (!parse_args(ts, args.drop_first(), "read", {"|", "/size"}, {&size})) return Value();
    FileObject* f = self_file(args);
    int64_t n;
    if (!size_arg(ts, size, &n) || !file_check_readable(ts, f)) return Value();
    return n < 0 ? file_read_all(ts, f) : file_read_n(ts, f, n);
}

Value file_readline_method(ThreadState& ts, Args args) {
    Value size;
    if (!parse_args(ts, args.drop_first(), "readline", {"|", "/size"}, {&size})) return Value();
    FileObject* f = self_file(args);
    int64_t n;
    if (!size_arg(ts, size, &n) || !file_check_readable(ts, f)) return Value();
    return file_readline(ts, f, n);
}

Value file_readlines(ThreadState& ts, Args args) {
    Value hint;
    if (!parse_args(ts, args.drop_first(), "readlines", {"|", "/hint"}, {&hint})) return Value();
    FileObject* f = self_file(args);
    int64_t limit;
    if (!size_arg(ts, hint, &limit) || !file_check_readable(ts, f)) return Value();
    Ref lines(list_new(ts));
    if (!lines) return Value();
    int64_t total = 0;
    for (;;) {
        Ref line(file_readline(ts, f, -1));
        if (!line) return Value();
        int64_t len = f->binary ? static_cast<int64_t>(bytes_view(*line).size())
                                : static_cast<int64_t>(str_len(*line));
        if (len == 0) break;
        if (!list_append(ts, *lines, *line)) return Value();
        total += len;
        if (limit > 0 && total >= limit) break;
    }
    return lines.release();
}

Value write_one(ThreadState& ts, FileObject* f, Value data) {
    if (!f->binary) {
        if (!is_str(ts, data)) {
            return raise_fmt(ts, ts.exc_types().TypeError, "write() argument must be str, not {}",
                             type_name(ts, data));
        }
        if (!file_write_str(ts, f, data)) return Value();
        return make_int(ts, static_cast<int64_t>(str_len(data)));
    }
    // The export is held while the write runs (it may release the GIL), so
    // a bytearray or array cannot be resized under it by another thread.
    BufferRef buf;
    if (!file_check_writable(ts, f) || !buf.get(ts, data)) return Value();
    if (!file_write_bytes(ts, f, buf.bytes())) return Value();
    return make_int(ts, static_cast<int64_t>(buf.bytes().size()));
}

Value file_write(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "write", 1, 1)) return Value();
    FileObject* f = self_file(args);
    if (!file_check_open(ts, f)) return Value();
    return write_one(ts, f, args[1]);
}

Value file_writelines(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "writelines", 1, 1)) return Value();
    FileObject* f = self_file(args);
    if (!file_check_open(ts, f)) return Value();
    Ref it(obj_iter(ts, args[1]));
    if (!it) return Value();
    while (Ref item{iter_next(ts, *it)}) {
        Ref r(write_one(ts, f, *item));
        if (!r) return Value();
    }
    if (ts.has_exception()) return Value();
    return Value::none();
}

Value file_flush_method(ThreadState& ts, Args args) {
    FileObject* f = self_file(args);
    if (!file_check_open(ts, f) || !file_flush(ts, f)) return Value();
    return Value::none();
}

Value file_close_method(ThreadState& ts, Args args) {
    if (!file_close(ts, self_file(args))) return Value();
    return Value::none();
}

Value file_seek_method(ThreadState& ts, Args args) {
    Value offset, whence;
    if (!parse_args(ts, args.drop_first(), "seek", {"/cookie", "|", "/whence"}, {&offset, &whence}))
        return Value();
    int64_t off, wh = 0;
    if (!int_as_int64(ts, offset, &off)) return Value();
    if (!whence.is_null() && !int_as_int64(ts, whence, &wh)) return Value();
    return file_seek(ts, self_file(args), off, static_cast<int>(wh));
}

Value file_tell_method(ThreadState& ts, Args args) {
    return file_tell(ts, self_file(args));
}

Value file_truncate_method(ThreadState& ts, Args args) {
    Value size;
    if (!parse_args(ts, args.drop_first(), "truncate", {"|", "/pos"}, {&size})) return Value();
    return file_truncate(ts, self_file(args), size);
}

Value file_fileno(ThreadState& ts, Args args) {
    FileObject* f = self_file(args);
    if (!file_check_open(ts, f)) return Value();
    if (!f->source.is_null()) return forward_to_source(ts, f, "fileno");
    return make_int(ts, f->fd);
}

Value file_isatty(ThreadState& ts, Args args) {
    FileObject* f = self_file(args);
    if (!file_check_open(ts, f)) return Value();
    if (!f->source.is_null()) return forward_to_source(ts, f, "isatty");
    return Value::boolean(::isatty(f->fd) == 1);
}

Value file_readable(ThreadState& ts, Args args) {
    FileObject* f = self_file(args);
    if (!file_check_open(ts, f)) return Value();
    return Value::boolean(f->readable);
}

Value file_writable(ThreadState& ts, Args args) {
    FileObject* f = self_file(args);
    if (!file_check_open(ts, f)) return Value();
    return Value::boolean(f->writable);
}

Value file_seekable(ThreadState& ts, Args args) {
    FileObject* f = self_file(args);
    if (!file_check_open(ts, f)) return Value();
    if (!f->source.is_null()) return forward_to_source(ts, f, "seekable");
    if (f->seekable < 0) f->seekable = ::lseek(f->fd, 0, SEEK_CUR) >= 0 ? 1 : 0;
    return Value::boolean(f->seekable == 1);
}

Value file_enter(ThreadState& ts, Args args) {
    if (!file_check_open(ts, self_file(args))) return Value();
    return new_ref(args[0]);
}

Value file_exit(ThreadState& ts, Args args) {
    if (!file_close(ts, self_file(args))) return Value();
    return Value::none();
}

// reconfigure(*, line_buffering=None, write_through=None): the buffering
// switches only; encoding changes are accepted when they name UTF-8.
Value file_reconfigure(ThreadState& ts, Args args) {
    Value encoding, errors, newline, line_buffering, write_through;
    if (!parse_args(ts, args.drop_first(), "reconfigure",
                    {"|", "$encoding", "$errors", "$newline", "$line_buffering", "$write_through"},
                    {&encoding, &errors, &newline, &line_buffering, &write_through})) {
        return Value();
    }
    FileObject* f = self_file(args);
    if (!file_flush(ts, f)) return Value();
    if (!line_buffering.is_null() && !line_buffering.is_none()) {
        int t = obj_truthy(ts, line_buffering);
        if (t < 0) return Value();
        f->line_buffering = t;
    }
    if (!write_through.is_null() && !write_through.is_none()) {
        int t = obj_truthy(ts, write_through);
        if (t < 0) return Value();
        f->write_through = t;
    }
    if (!errors.is_null() && is_str(ts, errors)) set_ref(f->errors, new_ref(errors));
    return Value::none();
}

Value file_repr(ThreadState& ts, Value self) {
    FileObject* f = file_obj(self);
    TypeObject* t = type_of(ts, self);
    std::string out = fmt::format("<_io.{}", str_view(t->name));
    Ref name(obj_repr(ts, f->name));
    if (!name) return Value();
    out += fmt::format(" name={}", str_view(*name));
    if (!f->binary) {
        Ref mode(obj_repr(ts, f->mode));
        Ref enc(obj_repr(ts, f->encoding));
        if (!mode || !enc) return Value();
        out += fmt::format(" mode={} encoding={}", str_view(*mode), str_view(*enc));
    }
    out += '>';
    return make_str(ts, out);
}

Value file_iternext(ThreadState& ts, Value self) {
    FileObject* f = file_obj(self);
    if (!file_check_readable(ts, f)) return Value();
    Value line = file_readline(ts, f, -1);
    if (line.is_null()) return line;
    bool empty = f->binary ? bytes_view(line).empty() : str_len(line) == 0;
    if (!empty) return line;
    decref(line);
    return Value();
}

TypeObject* new_file_type(Interpreter& interp, const char* name, bool text) {
    TypeObject* t = type_alloc_builtin(interp, name, ObjKind::Native, sizeof(FileObject),
                                       interp.types.object, 0);
    t->hdr.type = interp.types.type;
    file_set_dealloc(t);
    // No owned Values: an explicit no-op, or object's instance_traverse and
    // instance_clear would be inherited and read this layout as an instance.
    t->traverse = [](Object*, VisitFn, void*) {};
    t->clear = [](Object*) {};
    t->repr = file_repr;
    t->iter = iter_self;
    t->iternext = file_iternext;
    type_add_methods(interp, t, kFileMethods);
    if (text) {
        type_add_methods(interp, t, kTextOnlyMethods);
        type_add_getsets(interp, t, kTextGetSets);
    } else {
        type_add_getsets(interp, t, kBinaryGetSets);
    }
    Ref mod(interp.intern("_io"));
    type_set_attr_cstr(interp, t, "__module__", *mod);
    type_ready(interp, t);
    return t;
}

}  // namespace

void define_file_types(Interpreter& interp, IoTypes& types) {
    types.text = new_file_type(interp, "TextIOWrapper", true);
    types.text->new_ = text_wrapper_new;
    types.buffered_reader = new_file_type(interp, "BufferedReader", false);
    types.buffered_writer = new_file_type(interp, "BufferedWriter", false);
    types.buffered_random = new_file_type(interp, "BufferedRandom", false);
}

}  // namespace gilt
