// bytes: immutable bytes stored inline after the header, with a cached hash
// (-1 until computed; the same function as str's, so hash(b'ab') ==
// hash('ab') as in CPython). This file also holds what bytes and bytearray
// share besides the methods: the constructor's source conversion, repr,
// comparison, `in`, and the iterator. Methods: bytes_methods.cpp.
#include "runtime/bytes.hpp"

#include "runtime/buffer.hpp"

#include <cstddef>
#include <cstring>
#include <string>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/buffer.hpp"
#include "runtime/errors.hpp"
#include "runtime/heap.hpp"
#include "runtime/instance.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/range.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"

namespace gilt {

namespace {

Value bytes_getnewargs(ThreadState& ts, Args args);
Value bytes_iter_length_hint(ThreadState& ts, Args args);

#define GILT_BYTES_METHOD_ENTRY(name) {#name, bytes_##name},
constexpr MethodDef kBytesMethods[] = {
    // clang-format off
    GILT_BYTES_SHARED_METHODS(GILT_BYTES_METHOD_ENTRY)
    // clang-format on
    {"fromhex", bytes_fromhex, kMethodClass},
    {"maketrans", bytes_maketrans, kMethodStatic},
    {"__getnewargs__", bytes_getnewargs},
};
#undef GILT_BYTES_METHOD_ENTRY

constexpr MethodDef kBytesIteratorMethods[] = {
    {"__length_hint__", bytes_iter_length_hint},
};

constexpr size_t kBytesHeaderSize = offsetof(BytesObject, data);
constexpr uint64_t kMaxBytes = kMaxBytesSize;

BytesObject* alloc_bytes_raw(TypeObject* type, uint64_t size) noexcept {
    if (size > kMaxBytes) return nullptr;
    size_t bytes = type->dict_offset == kDictAfterItems ? bytes_dict_offset(size) + sizeof(Value)
                                                        : kBytesHeaderSize + size + 1;
    // A subclass instance with a __dict__ can be part of a reference cycle,
    // so the collector must see it.
    auto* b = type->dict_offset == kDictAfterItems
                  ? reinterpret_cast<BytesObject*>(alloc_gc_object(type, bytes))
                  : alloc<BytesObject>(type, bytes);
    if (!b) return nullptr;
    b->hash = -1;
    b->size = size;
    return b;
}

}  // namespace

// --- creation ---

BytesObject* bytes_alloc(ThreadState& ts, uint64_t size) {
    BytesObject* b = alloc_bytes_raw(ts.types().bytes, size);
    if (!b) raise_memory_error(ts);
    return b;
}

Value make_bytes(ThreadState& ts, std::string_view data) {
    if (data.empty() && !ts.interp().empty_bytes.is_null()) return new_ref(ts.interp().empty_bytes);
    BytesObject* b = bytes_alloc(ts, data.size());
    if (!b) return Value();
    if (!data.empty()) std::memcpy(b->data, data.data(), data.size());
    return val(b);
}

Value bytes_same_kind(ThreadState& ts, Value like, std::string_view data) {
    return is_bytearray(like) ? make_bytearray(ts, data) : make_bytes(ts, data);
}

int64_t bytes_hash(Value b) noexcept {
    auto* o = as<BytesObject>(b);
    if (o->hash == -1) o->hash = hash_bytes(bytes_view(b));
    return o->hash;
}

bool bytes_like_view(ThreadState& ts, Value v, std::string_view* out) {
    if (is_bytes(v) || is_bytearray(v)) {
        *out = byteslike_data(v);
        return true;
    }
    // Any other exporter (memoryview, array): the export is given back at
    // once, so the view lasts only while `v` lives and is not resized, the
    // same promise a bytearray's view gives.
    BufferRef buf;
    if (!buf.get(ts, v)) return false;
    *out = buf.bytes();
    return true;
}

bool byte_arg(ThreadState& ts, Value v, uint8_t* out) {
    int64_t n;
    if (v.is_small_int()) {
        n = v.as_small_int();
    } else if (!obj_index(ts, v, &n)) {
        if (!exception_matches(ts, ts.exc_types().OverflowError)) return false;
        clear_exception(ts);  // a huge int: out of range like any other
        n = -1;
    }
    if (n < 0 || n > 255) {
        raise(ts, ts.exc_types().ValueError, "byte must be in range(0, 256)");
        return false;
    }
    *out = static_cast<uint8_t>(n);
    return true;
}

// --- bytes(source, encoding, errors) ---

namespace {

bool from_iterable(ThreadState& ts, Value source, const char* fname, std::string* out) {
    Ref it(obj_iter(ts, source));
    if (!it) {
        if (!exception_matches(ts, ts.exc_types().TypeError)) return false;
        clear_exception(ts);
        raise_fmt(ts, ts.exc_types().TypeError, "cannot convert '{}' object to {}",
                  type_name(ts, source), fname);
        return false;
    }
    for (;;) {
        Ref item(iter_next(ts, *it));
        if (!item) return !ts.has_exception();
        int64_t n;
        if (!obj_index(ts, *item, &n)) {
            if (!exception_matches(ts, ts.exc_types().OverflowError)) return false;
            clear_exception(ts);  // a huge int: out of range like any other
            n = -1;
        }
        if (n < 0 || n > 255) {
            raise_fmt(ts, ts.exc_types().ValueError, "{} must be in range(0, 256)",
                      std::string_view(fname) == "bytes" ? "bytes" : "byte");
            return false;
        }
        out->push_back(static_cast<char>(n));
    }
}

// bytes(obj) with obj.__bytes__.
bool from_dunder_bytes(ThreadState& ts, Value source, Value method, std::string* out) {
    Ref r(call1(ts, method, source));
    if (!r) return false;
    if (!is_bytes(*r)) {
        raise_fmt(ts, ts.exc_types().TypeError, "__bytes__ returned non-bytes (type {})",
                  type_name(ts, *r));
        return false;
    }
    out->assign(bytes_view(*r));
    return true;
}

}  // namespace

bool bytes_from_source(ThreadState& ts, Value source, Value encoding, Value errors,
                       const char* fname, std::string* out) {
    TypeObject* type_error = ts.exc_types().TypeError;
    if (source.is_null()) {
        if (!encoding.is_null())
            return raise(ts, type_error, "encoding without a string argument"), false;
        if (!errors.is_null())
            return raise(ts, type_error, "errors without a string argument"), false;
        return true;
    }
    if (is_str(ts, source)) {
        if (encoding.is_null())
            return raise(ts, type_error, "string argument without an encoding"), false;
        if (!is_str(ts, encoding) || (!errors.is_null() && !is_str(ts, errors))) {
            Value bad = !is_str(ts, encoding) ? encoding : errors;
            raise_fmt(ts, type_error, "{}() argument '{}' must be str, not {}", fname,
                      bad == encoding ? "encoding" : "errors", type_name(ts, bad));
            return false;
        }
        Ref b(str_encode(ts, source, str_view(encoding),
                         errors.is_null() ? "strict" : str_view(errors)));
        if (!b) return false;
        out->assign(bytes_view(*b));
        return true;
    }
    if (!encoding.is_null())
        return raise(ts, type_error, "encoding without a string argument"), false;
    if (!errors.is_null()) return raise(ts, type_error, "errors without a string argument"), false;
    if (is_bytes(source) || is_bytearray(source)) {
        out->assign(byteslike_data(source));
        return true;
    }
    if (Value m = type_lookup_cstr(ts, type_of(ts, source), "__bytes__"); !m.is_null())
        return from_dunder_bytes(ts, source, m, out);
    if (has_buffer(ts, source)) {
        BufferRef buf;
        if (!buf.get(ts, source, kBufStrided)) return false;
        *out = buffer_to_bytes(buf.view());
        return true;
    }
    if (source.is_small_int() || (!is_str(ts, source) && type_of(ts, source)->nb_index)) {
        int64_t n;
        if (!obj_index(ts, source, &n)) return false;
        if (n < 0) return raise(ts, ts.exc_types().ValueError, "negative count"), false;
        if (static_cast<uint64_t>(n) > kMaxBytes) return raise_memory_error(ts), false;
        if (!check_alloc_size(ts, static_cast<uint64_t>(n))) return false;
        out->assign(static_cast<size_t>(n), '\0');
        return true;
    }
    return from_iterable(ts, source, fname, out);
}

// --- repr ---

std::string bytes_repr(std::string_view data, bool bytearray) {
    // bytes escapes only the quote it uses; bytearray always escapes '\''
    // (CPython's bytearray_repr).
    const bool has_single = data.find('\'') != std::string_view::npos;
    const bool has_double = data.find('"') != std::string_view::npos;
    const char quote = has_single && !has_double ? '"' : '\'';
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(data.size() + 3);
    out += 'b';
    out += quote;
    for (char ch : data) {
        auto c = static_cast<unsigned char>(ch);
        if (c == quote || c == '\\' || (bytearray && c == '\'')) {
            out += '\\';
            out += ch;
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c < 0x20 || c >= 0x7F) {
            out += "\\x";
            out += kHex[c >> 4];
            out += kHex[c & 15];
        } else {
            out += ch;
        }
    }
    out += quote;
    return out;
}

// --- slots shared with bytearray ---

Value bytes_richcompare(ThreadState& ts, Value a, Value b, CompareOp op) {
    (void)ts;
    bool a_ok = is_bytes(a) || is_bytearray(a), b_ok = is_bytes(b) || is_bytearray(b);
    if (!a_ok || !b_ok) return Value::not_implemented();
    std::string_view x = byteslike_data(a), y = byteslike_data(b);
    if (op == CompareOp::Eq || op == CompareOp::Ne) {
        bool eq = x.size() == y.size();
        if (eq && is_bytes(a) && is_bytes(b)) {  // cached hashes that differ settle it
            int64_t ha = as<BytesObject>(a)->hash, hb = as<BytesObject>(b)->hash;
            if (ha != -1 && hb != -1 && ha != hb) eq = false;
        }
        if (eq && !x.empty()) eq = std::memcmp(x.data(), y.data(), x.size()) == 0;
        return Value::boolean(op == CompareOp::Eq ? eq : !eq);
    }
    int c = x.compare(y);
    switch (op) {
        case CompareOp::Lt:
            return Value::boolean(c < 0);
        case CompareOp::Le:
            return Value::boolean(c <= 0);
        case CompareOp::Gt:
            return Value::boolean(c > 0);
        default:
            return Value::boolean(c >= 0);
    }
}

int bytes_contains(ThreadState& ts, Value self, Value item) {
    std::string_view hay = byteslike_data(self);
    if (item.is_small_int() ||
        (!is_bytes(item) && !is_bytearray(item) && type_of(ts, item)->nb_index)) {
        uint8_t b;
        if (!byte_arg(ts, item, &b)) return -1;
        return hay.find(static_cast<char>(b)) != std::string_view::npos;
    }
    std::string_view needle;
    if (!bytes_like_view(ts, item, &needle)) return -1;
    return find_bytes(hay, needle) >= 0;
}

// --- the iterator (bytes and bytearray) ---

namespace {

struct BytesIterObject {
    Object hdr;
    Value seq;  // owned; null once exhausted
    uint64_t index;
};

void bytes_iter_dealloc(Object* o) {
    decref(reinterpret_cast<BytesIterObject*>(o)->seq);
    free_object(o);
}

Value bytes_iter_self(ThreadState&, Value self) {
    return new_ref(self);
}

// A bytearray may shrink while iterated: the length is read every time.
Value bytes_iter_next(ThreadState&, Value self) {
    auto* it = as<BytesIterObject>(self);
    if (it->seq.is_null()) return Value();
    std::string_view d = byteslike_data(it->seq);
    if (it->index >= d.size()) {
        clear_ref(it->seq);
        return Value();
    }
    return Value::small_int(static_cast<unsigned char>(d[it->index++]));
}

Value bytes_iter_length_hint(ThreadState&, Args args) {
    auto* it = as<BytesIterObject>(args[0]);
    if (it->seq.is_null()) return Value::small_int(0);
    uint64_t n = byteslike_data(it->seq).size();
    return Value::small_int(it->index < n ? static_cast<int64_t>(n - it->index) : 0);
}

}  // namespace

Value bytes_iter(ThreadState& ts, Value self) {
    auto* it = alloc<BytesIterObject>(ts.types().bytes_iterator);
    if (!it) return raise_memory_error(ts);
    it->seq = new_ref(self);
    return val(it);
}

// --- bytes' own slots ---

namespace {

void bytes_dealloc(Object* o) {
    free_object(o);
}

Value bytes_repr_slot(ThreadState& ts, Value self) {
    return make_str(ts, bytes_repr(bytes_view(self)));
}

bool bytes_hash_slot(ThreadState&, Value self, int64_t* out) {
    *out = bytes_hash(self);
    return true;
}

int64_t bytes_len_slot(ThreadState&, Value self) {
    return static_cast<int64_t>(as<BytesObject>(self)->size);
}

Value bytes_slice(ThreadState& ts, Value self, Value slice) {
    std::string_view d = bytes_view(self);
    int64_t start, stop, step, count;
    if (!slice_indices(ts, slice, static_cast<int64_t>(d.size()), &start, &stop, &step, &count))
        return Value();
    if (step == 1) {
        if (count == static_cast<int64_t>(d.size()) && self.as_object()->type == ts.types().bytes)
            return new_ref(self);
        return make_bytes(ts, d.substr(static_cast<size_t>(start), static_cast<size_t>(count)));
    }
    BytesObject* r = bytes_alloc(ts, static_cast<uint64_t>(count));
    if (!r) return Value();
    for (int64_t k = 0, i = start; k < count; ++k, i += step)
        r->data[k] = d[static_cast<size_t>(i)];
    return val(r);
}

Value bytes_subscript(ThreadState& ts, Value self, Value key) {
    auto len = static_cast<int64_t>(as<BytesObject>(self)->size);
    if (is_slice(key)) return bytes_slice(ts, self, key);
    int64_t i;
    int r = seq_index_arg(ts, key, &i);
    if (r < 0) return Value();
    if (r == 0)
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "byte indices must be integers or slices, not {}", type_name(ts, key));
    if (!normalize_index(&i, len))
        return raise(ts, ts.exc_types().IndexError, "index out of range");
    return Value::small_int(static_cast<unsigned char>(as<BytesObject>(self)->data[i]));
}

// b + x: `x` bytes-like; a user class may still answer with __radd__.
Value bytes_add_slot(ThreadState& ts, Value a, Value b) {
    if (!is_bytes(a)) return Value::not_implemented();
    std::string_view x = bytes_view(a), y;
    if (is_bytes(b) || is_bytearray(b)) {
        y = byteslike_data(b);
    } else if (has_buffer(ts, b)) {
        if (!bytes_like_view(ts, b, &y)) return Value();
    } else {
        TypeObject* tb = type_of(ts, b);
        if ((tb->flags & kTypeHeap) && tb->nb[static_cast<int>(BinOp::Add)])
            return Value::not_implemented();
        return raise_fmt(ts, ts.exc_types().TypeError, "can't concat {} to bytes",
                         type_name(ts, b));
    }
    if (y.empty() && a.as_object()->type == ts.types().bytes) return new_ref(a);
    BytesObject* r = bytes_alloc(ts, x.size() + y.size());
    if (!r) return Value();
    std::memcpy(r->data, x.data(), x.size());
    std::memcpy(r->data + x.size(), y.data(), y.size());
    return val(r);
}

Value bytes_mul_slot(ThreadState& ts, Value a, Value b) {
    const bool reflected = !is_bytes(a);
    Value s = reflected ? b : a;
    int64_t count;
    int ok = seq_repeat_count(ts, reflected ? a : b, reflected, &count);
    if (ok <= 0) return ok == 0 ? Value::not_implemented() : Value();
    std::string_view d = bytes_view(s);
    if (count <= 0 || d.empty()) return make_bytes(ts, "");
    if (count == 1 && s.as_object()->type == ts.types().bytes) return new_ref(s);
    if (static_cast<uint64_t>(count) > kMaxBytes / d.size()) return raise_memory_error(ts);
    BytesObject* r = bytes_alloc(ts, d.size() * static_cast<uint64_t>(count));
    if (!r) return Value();
    for (int64_t k = 0; k < count; ++k) std::memcpy(r->data + k * d.size(), d.data(), d.size());
    return val(r);
}

Value bytes_mod_slot(ThreadState& ts, Value a, Value b) {
    if (!is_bytes(a)) return Value::not_implemented();
    return bytes_percent_format(ts, a, b);
}

Value bytes_new(ThreadState& ts, TypeObject* type, Args args) {
    Value source, encoding, errors;
    if (!parse_args(ts, args, "bytes", {"|", "source", "encoding", "errors"},
                    {&source, &encoding, &errors}))
        return Value();
    if (is_bytes(source) && source.as_object()->type == ts.types().bytes &&
        type == ts.types().bytes && encoding.is_null() && errors.is_null())
        return new_ref(source);
    std::string data;
    if (!bytes_from_source(ts, source, encoding, errors, "bytes", &data)) return Value();
    if (type == ts.types().bytes) return make_bytes(ts, data);
    BytesObject* r = alloc_bytes_raw(type, data.size());
    if (!r) return raise_memory_error(ts);
    std::memcpy(r->data, data.data(), data.size());
    return val(r);
}

Value bytes_getnewargs(ThreadState& ts, Args args) {
    if (!method_noargs(ts, args, "bytes.__getnewargs__")) return Value();
    Ref copy(make_bytes(ts, bytes_view(args[0])));
    if (!copy) return Value();
    return tuple_pack(ts, {*copy});
}

bool bytes_getbuffer(ThreadState& ts, Value self, Buffer* view, uint32_t flags) {
    auto* b = as<BytesObject>(self);
    return buffer_fill_simple(ts, view, self, b->data, static_cast<int64_t>(b->size), true, flags);
}

constexpr BufferProcs kBytesBuffer = {bytes_getbuffer, nullptr};

}  // namespace

void define_bytes_type(Interpreter& interp, TypeObject* t) {
    t->instance_kind = ObjKind::Bytes;
    t->basicsize = sizeof(BytesObject);
    t->flags = kTypeBaseType;
    t->dealloc = bytes_dealloc;
    t->repr = bytes_repr_slot;
    t->hash = bytes_hash_slot;
    t->richcompare = bytes_richcompare;
    t->len = bytes_len_slot;
    t->getitem = bytes_subscript;
    t->contains = bytes_contains;
    t->iter = bytes_iter;
    t->new_ = bytes_new;
    t->buffer = &kBytesBuffer;
    t->nb[static_cast<int>(BinOp::Add)] = bytes_add_slot;
    t->nb[static_cast<int>(BinOp::Mul)] = bytes_mul_slot;
    t->nb[static_cast<int>(BinOp::Mod)] = bytes_mod_slot;
    type_add_methods(interp, t, kBytesMethods);
}

void define_bytes_iterator_type(Interpreter& interp, TypeObject* t) {
    t->instance_kind = ObjKind::Native;
    t->basicsize = sizeof(BytesIterObject);
    t->flags = 0;
    t->dealloc = bytes_iter_dealloc;
    t->iter = bytes_iter_self;
    t->iternext = bytes_iter_next;
    type_add_methods(interp, t, kBytesIteratorMethods);
}

}  // namespace gilt
