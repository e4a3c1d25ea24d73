// memoryview: zero-copy access to another object's memory.
//
// A memoryview made from an exporter (bytes, bytearray, array, ...) takes
// one export of it (runtime/buffer.hpp) and keeps it in a ManagedBuffer.
// Slices, casts and memoryview(view) share that ManagedBuffer instead of
// exporting again, as CPython's _PyManagedBufferObject does: so releasing
// the first view does not end the export while a slice still uses it, and
// `m[1:].obj` is the original object. The export ends when the last view
// sharing it is released or freed.
//
// A view describes its items by `start` (first item), `shape` and `strides`
// (bytes between items, negative for reversed slices) and one native
// struct format. One- and zero-dimensional views keep shape and stride
// inline; casts to several dimensions allocate them.
//
// A view can itself be exported (bytes(m), b"".join([m]), struct's
// unpack_from); `exports` counts those, and release() refuses while it is
// not zero (BufferError "memoryview has 1 exported buffer").
//
// Released views answer every operation but release(), repr and == with
// ValueError "operation forbidden on released memoryview object".
#include "runtime/memoryview.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/bytes.hpp"
#include "runtime/errors.hpp"
#include "runtime/float.hpp"
#include "runtime/heap.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/range.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"

namespace gilt {

namespace {

constexpr int kMaxDims = 64;  // CPython's PyBUF_MAX_NDIM

// One export shared by every view made from the same memoryview() call.
struct ManagedBuffer {
    uint32_t refs;
    Buffer view;
};

struct MemoryViewObject {
    Object hdr;
    ManagedBuffer* mbuf;  // null once released
    char* start;          // first item
    int64_t len;          // nbytes: product(shape) * itemsize
    int64_t itemsize;
    int64_t exports;  // buffers this view lent and has not had back
    int64_t hash;     // -1 until computed
    int ndim;
    bool readonly;
    char format[16];
    int64_t* shape;    // ndim entries: `dims` or a malloc'd block
    int64_t* strides;  // ndim entries, after shape in the same block
    int64_t dims[2];   // shape[0] and strides[0] of a 0- or 1-D view
};

MemoryViewObject* mv(Value v) noexcept {
    return as<MemoryViewObject>(v);
}

Value memoryview_cast(ThreadState& ts, Args args);
Value memoryview_hex(ThreadState& ts, Args args);
Value memoryview_release(ThreadState& ts, Args args);
Value memoryview_tobytes(ThreadState& ts, Args args);
Value memoryview_tolist(ThreadState& ts, Args args);
Value memoryview_toreadonly(ThreadState& ts, Args args);
Value memoryview_enter(ThreadState& ts, Args args);
Value memoryview_exit(ThreadState& ts, Args args);

constexpr MethodDef kMemoryViewMethods[] = {
    {"cast", memoryview_cast},       {"hex", memoryview_hex},
    {"release", memoryview_release}, {"tobytes", memoryview_tobytes},
    {"tolist", memoryview_tolist},   {"toreadonly", memoryview_toreadonly},
    {"__enter__", memoryview_enter}, {"__exit__", memoryview_exit},
};

bool check_released(ThreadState& ts, Value self) {
    if (mv(self)->mbuf) return true;
    raise(ts, ts.exc_types().ValueError, "operation forbidden on released memoryview object");
    return false;
}

// --- item codec: one native item <-> a Python value ---

// The item code of a format that is one native code ("h" or "@h"); 0 for
// anything else.
char native_code(const char* format) noexcept {
    if (format[0] == '@') ++format;
    if (format[0] == 0 || format[1] != 0) return 0;
    return native_item_size(format[0]) ? format[0] : 0;
}

bool is_byte_code(char c) noexcept {
    return c == 'B' || c == 'b' || c == 'c';
}

template <class T>
T load(const char* p) noexcept {
    T v;
    std::memcpy(&v, p, sizeof v);
    return v;
}
template <class T>
void store(char* p, T v) noexcept {
    std::memcpy(p, &v, sizeof v);
}

Value unpack_item(ThreadState& ts, const char* format, const char* p) {
    switch (native_code(format)) {
        case 'B':
            return Value::small_int(load<uint8_t>(p));
        case 'b':
            return Value::small_int(load<int8_t>(p));
        case 'c':
            return make_bytes(ts, std::string_view(p, 1));
        case '?':
            return Value::boolean(load<uint8_t>(p) != 0);
        case 'h':
            return Value::small_int(load<int16_t>(p));
        case 'H':
            return Value::small_int(load<uint16_t>(p));
        case 'i':
            return make_int(ts, load<int32_t>(p));
        case 'I':
            return make_int(ts, load<uint32_t>(p));
        case 'l':
        case 'q':
        case 'n':
            return make_int(ts, load<int64_t>(p));
        case 'L':
        case 'Q':
        case 'N':
        case 'P':
            return make_int_u64(ts, load<uint64_t>(p));
        case 'f':
            return make_float(ts, load<float>(p));
        case 'd':
            return make_float(ts, load<double>(p));
        default:
            return raise_fmt(ts, ts.exc_types().NotImplementedError,
                             "memoryview: format {} not supported", format);
    }
}

bool invalid_item(ThreadState& ts, TypeObject* type, const char* what, const char* format) {
    raise_fmt(ts, type, "memoryview: invalid {} for format '{}'", what, format);
    return false;
}

// An integer item: the value of v's __index__ within [lo, hi].
bool int_item(ThreadState& ts, Value v, const char* format, int64_t lo, uint64_t hi,
              uint64_t* bits) {
    Ref i(obj_index_value(ts, v));
    if (!i) {
        if (!exception_matches(ts, ts.exc_types().TypeError)) return false;
        clear_exception(ts);
        return invalid_item(ts, ts.exc_types().TypeError, "type", format);
    }
    int64_t s;
    uint64_t u;
    if (int_to_int64(*i, &s) && s >= lo && (s < 0 || static_cast<uint64_t>(s) <= hi)) {
        *bits = static_cast<uint64_t>(s);
        return true;
    }
    if (lo == 0 && int_to_uint64(*i, &u) && u <= hi) {
        *bits = u;
        return true;
    }
    return invalid_item(ts, ts.exc_types().ValueError, "value", format);
}

template <class T>
bool pack_int(ThreadState& ts, Value v, const char* format, char* p) {
    constexpr bool kSigned = static_cast<T>(-1) < 0;
    constexpr int64_t lo = kSigned ? static_cast<int64_t>(std::numeric_limits<T>::min()) : 0;
    constexpr auto hi = static_cast<uint64_t>(std::numeric_limits<T>::max());
    uint64_t bits;
    if (!int_item(ts, v, format, lo, hi, &bits)) return false;
    store<T>(p, static_cast<T>(bits));
    return true;
}

bool pack_float(ThreadState& ts, Value v, const char* format, char* p, bool single) {
    double d;
    if (!obj_as_double(ts, v, &d)) {
        if (!exception_matches(ts, ts.exc_types().TypeError)) return false;
        clear_exception(ts);
        return invalid_item(ts, ts.exc_types().TypeError, "type", format);
    }
    if (single)
        store<float>(p, static_cast<float>(d));
    else
        store<double>(p, d);
    return true;
}

bool pack_item(ThreadState& ts, const char* format, Value v, char* p) {
    switch (native_code(format)) {
        case 'B':
            return pack_int<uint8_t>(ts, v, format, p);
        case 'b':
            return pack_int<int8_t>(ts, v, format, p);
        case 'h':
            return pack_int<int16_t>(ts, v, format, p);
        case 'H':
            return pack_int<uint16_t>(ts, v, format, p);
        case 'i':
            return pack_int<int32_t>(ts, v, format, p);
        case 'I':
            return pack_int<uint32_t>(ts, v, format, p);
        case 'l':
        case 'q':
        case 'n':
            return pack_int<int64_t>(ts, v, format, p);
        case 'L':
        case 'Q':
        case 'N':
        case 'P':
            return pack_int<uint64_t>(ts, v, format, p);
        case 'f':
            return pack_float(ts, v, format, p, true);
        case 'd':
            return pack_float(ts, v, format, p, false);
        case 'c': {
            if (!is_bytes(v)) return invalid_item(ts, ts.exc_types().TypeError, "type", format);
            if (bytes_view(v).size() != 1)
                return invalid_item(ts, ts.exc_types().ValueError, "value", format);
            *p = bytes_view(v)[0];
            return true;
        }
        case '?': {
            int t = obj_truthy(ts, v);
            if (t < 0) return false;
            store<uint8_t>(p, static_cast<uint8_t>(t));
            return true;
        }
        default:
            raise_fmt(ts, ts.exc_types().NotImplementedError, "memoryview: format {} not supported",
                      format);
            return false;
    }
}

// --- construction ---

// The view as a Buffer description (obj left null: nothing is held).
Buffer describe(MemoryViewObject* m) noexcept {
    Buffer b;
    b.buf = m->start;
    b.len = m->len;
    b.itemsize = m->itemsize;
    b.format = m->format;
    b.readonly = m->readonly;
    b.ndim = m->ndim;
    b.shape = m->shape;
    b.strides = m->strides;
    return b;
}

// Points shape/strides at storage for `ndim` dimensions. false: MemoryError.
bool set_ndim(ThreadState& ts, MemoryViewObject* m, int ndim) {
    if (m->shape != m->dims) std::free(m->shape);
    m->ndim = ndim;
    if (ndim <= 1) {
        m->shape = m->dims;
        m->strides = m->dims + 1;
        return true;
    }
    m->shape = static_cast<int64_t*>(std::calloc(2 * static_cast<size_t>(ndim), sizeof(int64_t)));
    if (!m->shape) {
        m->shape = m->strides = m->dims;
        m->ndim = 0;
        raise_memory_error(ts);
        return false;
    }
    m->strides = m->shape + ndim;
    return true;
}

// A new view sharing `mbuf` (one more reference taken), laid out as `b`.
Value new_view(ThreadState& ts, ManagedBuffer* mbuf, const Buffer& b) {
    auto* m = alloc<MemoryViewObject>(ts.types().memoryview);
    if (!m) return raise_memory_error(ts);
    Ref r(val(m));
    m->shape = m->strides = m->dims;
    m->hash = -1;
    m->mbuf = mbuf;
    ++mbuf->refs;
    if (!set_ndim(ts, m, b.ndim)) return Value();
    m->start = b.buf;
    m->len = b.len;
    m->itemsize = b.itemsize;
    m->readonly = b.readonly;
    std::snprintf(m->format, sizeof m->format, "%s", b.format);
    for (int d = 0; d < b.ndim; ++d) {
        m->shape[d] = buffer_shape(b, d);
        m->strides[d] = buffer_stride(b, d);
    }
    return r.release();
}

void drop_mbuf(MemoryViewObject* m) noexcept {
    ManagedBuffer* mbuf = m->mbuf;
    m->mbuf = nullptr;
    if (mbuf && --mbuf->refs == 0) {
        release_buffer(&mbuf->view);
        delete mbuf;
    }
}

}  // namespace

int64_t native_item_size(char code) noexcept {
    switch (code) {
        case 'c':
        case 'b':
        case 'B':
        case '?':
            return 1;
        case 'h':
        case 'H':
            return 2;
        case 'i':
        case 'I':
        case 'f':
            return 4;
        case 'l':
        case 'L':
        case 'q':
        case 'Q':
        case 'n':
        case 'N':
        case 'd':
        case 'P':
            return 8;
        default:
            return 0;
    }
}

Value memoryview_from_object(ThreadState& ts, Value obj) {
    if (is_memoryview(obj)) {
        if (!check_released(ts, obj)) return Value();
        return new_view(ts, mv(obj)->mbuf, describe(mv(obj)));
    }
    if (!has_buffer(ts, obj))
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "memoryview: a bytes-like object is required, not '{}'",
                         type_name(ts, obj));
    auto* mbuf = new ManagedBuffer{0, Buffer{}};
    if (!get_buffer(ts, obj, &mbuf->view, kBufStrided)) {
        delete mbuf;
        return Value();
    }
    if (std::strlen(mbuf->view.format) >= sizeof(MemoryViewObject::format)) {
        release_buffer(&mbuf->view);
        delete mbuf;
        return raise(ts, ts.exc_types().ValueError, "memoryview: format string too long");
    }
    Value r = new_view(ts, mbuf, mbuf->view);
    if (r.is_null() && mbuf->refs == 0) {
        release_buffer(&mbuf->view);
        delete mbuf;
    }
    return r;
}

namespace {

// --- slots ---

void memoryview_dealloc(Object* o) {
    auto* m = reinterpret_cast<MemoryViewObject*>(o);
    drop_mbuf(m);
    if (m->shape != m->dims) std::free(m->shape);
    free_object(o);
}

Value memoryview_new(ThreadState& ts, TypeObject*, Args args) {
    Value object;
    if (!parse_args(ts, args, "memoryview", {"object"}, {&object})) return Value();
    return memoryview_from_object(ts, object);
}

Value memoryview_repr(ThreadState& ts, Value self) {
    const void* p = self.as_object();
    return make_str(ts, fmt::format("<{}memory at {}>", mv(self)->mbuf ? "" : "released ", p));
}

int64_t memoryview_len(ThreadState& ts, Value self) {
    if (!check_released(ts, self)) return -1;
    if (mv(self)->ndim == 0) {
        raise(ts, ts.exc_types().TypeError, "0-dim memory has no length");
        return -1;
    }
    return mv(self)->shape[0];
}

// The address of item `i` of the first dimension; false with IndexError.
bool item_address(ThreadState& ts, MemoryViewObject* m, int64_t i, char** out) {
    if (!normalize_index(&i, m->shape[0])) {
        raise(ts, ts.exc_types().IndexError, "index out of bounds on dimension 1");
        return false;
    }
    *out = m->start + i * m->strides[0];
    return true;
}

// The address of the item a tuple of indices names (one per dimension).
bool tuple_address(ThreadState& ts, MemoryViewObject* m, Value key, char** out) {
    auto n = static_cast<int64_t>(tuple_size(key));
    if (n != m->ndim) {
        for (int64_t k = 0; k < n; ++k)
            if (is_slice(tuple_item(key, k))) {
                raise(ts, ts.exc_types().NotImplementedError,
                      "multi-dimensional slicing is not implemented");
                return false;
            }
        raise_fmt(ts, ts.exc_types().TypeError,
                  "cannot index {}-dimension view with {}-element tuple", m->ndim, n);
        return false;
    }
    char* p = m->start;
    for (int64_t d = 0; d < n; ++d) {
        int64_t i;
        int r = seq_index_arg(ts, tuple_item(key, d), &i);
        if (r <= 0) {
            if (r == 0) raise(ts, ts.exc_types().TypeError, "memoryview: invalid slice key");
            return false;
        }
        if (!normalize_index(&i, m->shape[d])) {
            raise_fmt(ts, ts.exc_types().IndexError, "index out of bounds on dimension {}", d + 1);
            return false;
        }
        p += i * m->strides[d];
    }
    *out = p;
    return true;
}

Value slice_view(ThreadState& ts, Value self, Value key) {
    MemoryViewObject* m = mv(self);
    int64_t start, stop, step, count;
    if (!slice_indices(ts, key, m->shape[0], &start, &stop, &step, &count)) return Value();
    Value r = new_view(ts, m->mbuf, describe(m));
    if (r.is_null()) return r;
    MemoryViewObject* s = mv(r);
    s->start = m->start + start * m->strides[0];
    s->shape[0] = count;
    s->strides[0] = m->strides[0] * step;
    s->len = m->len / (m->shape[0] ? m->shape[0] : 1) * count;
    if (m->shape[0] == 0) s->len = 0;
    return r;
}

Value memoryview_subscript(ThreadState& ts, Value self, Value key) {
    if (!check_released(ts, self)) return Value();
    MemoryViewObject* m = mv(self);
    if (key.is_object() && key.as_object()->type == ts.types().ellipsis_type)
        return memoryview_from_object(ts, self);
    if (m->ndim == 0) {
        if (is_tuple(ts, key) && tuple_size(key) == 0) return unpack_item(ts, m->format, m->start);
        return raise(ts, ts.exc_types().TypeError, "invalid indexing of 0-dim memory");
    }
    if (is_slice(key)) return slice_view(ts, self, key);
    char* p;
    if (is_tuple(ts, key)) {
        if (!tuple_address(ts, m, key, &p)) return Value();
        return unpack_item(ts, m->format, p);
    }
    int64_t i;
    int r = seq_index_arg(ts, key, &i);
    if (r <= 0)
        return r == 0 ? raise(ts, ts.exc_types().TypeError, "memoryview: invalid slice key")
                      : Value();
    if (m->ndim != 1)
        return raise(ts, ts.exc_types().NotImplementedError,
                     "multi-dimensional sub-views are not implemented");
    if (!item_address(ts, m, i, &p)) return Value();
    return unpack_item(ts, m->format, p);
}

bool same_code(const char* a, const char* b) noexcept {
    char ca = native_code(a), cb = native_code(b);
    return ca ? ca == cb : std::strcmp(a, b) == 0;
}

// m[slice] = value: value must have the slice's structure.
int assign_slice(ThreadState& ts, MemoryViewObject* m, Value key, Value value) {
    if (m->ndim != 1) {
        raise(ts, ts.exc_types().NotImplementedError,
              "memoryview slice assignments are currently restricted to ndim = 1");
        return -1;
    }
    BufferRef src;
    if (!src.get(ts, value, kBufStrided)) return -1;
    int64_t start, stop, step, count;
    if (!slice_indices(ts, key, m->shape[0], &start, &stop, &step, &count)) return -1;
    const Buffer& b = src.view();
    if (b.ndim != 1 || buffer_shape(b, 0) != count || b.itemsize != m->itemsize ||
        !same_code(b.format, m->format)) {
        raise(ts, ts.exc_types().ValueError,
              "memoryview assignment: lvalue and rvalue have different structures");
        return -1;
    }
    std::string data = buffer_to_bytes(b);  // a copy: the two may overlap
    const auto size = static_cast<size_t>(m->itemsize);
    char* p = m->start + start * m->strides[0];
    for (int64_t k = 0; k < count; ++k, p += step * m->strides[0])
        std::memcpy(p, data.data() + static_cast<size_t>(k) * size, size);
    return 0;
}

// Converts `value` first and stores it after: the conversion may run
// Python code (__index__, __float__, __bool__) that releases the view, and
// then `p` may point into freed memory (CPython 3.11.7 checks the same).
int store_item(ThreadState& ts, Value self, Value value, char* p) {
    MemoryViewObject* m = mv(self);
    char item[16];
    if (!pack_item(ts, m->format, value, item) || !check_released(ts, self)) return -1;
    std::memcpy(p, item, static_cast<size_t>(m->itemsize));
    return 0;
}

int memoryview_ass_subscript(ThreadState& ts, Value self, Value key, Value value) {
    if (!check_released(ts, self)) return -1;
    MemoryViewObject* m = mv(self);
    if (m->readonly) {
        raise(ts, ts.exc_types().TypeError, "cannot modify read-only memory");
        return -1;
    }
    if (value.is_null()) {
        raise(ts, ts.exc_types().TypeError, "cannot delete memory");
        return -1;
    }
    char* p;
    if (m->ndim == 0) {
        bool whole = (is_tuple(ts, key) && tuple_size(key) == 0) ||
                     (key.is_object() && key.as_object()->type == ts.types().ellipsis_type);
        if (!whole) {
            raise(ts, ts.exc_types().TypeError, "invalid indexing of 0-dim memory");
            return -1;
        }
        return store_item(ts, self, value, m->start);
    }
    if (is_slice(key)) return assign_slice(ts, m, key, value);
    if (is_tuple(ts, key)) {
        if (!tuple_address(ts, m, key, &p)) return -1;
        return store_item(ts, self, value, p);
    }
    int64_t i;
    int r = seq_index_arg(ts, key, &i);
    if (r <= 0) {
        if (r == 0) raise(ts, ts.exc_types().TypeError, "memoryview: invalid slice key");
        return -1;
    }
    if (m->ndim != 1) {
        raise(ts, ts.exc_types().NotImplementedError, "sub-views are not implemented");
        return -1;
    }
    if (!item_address(ts, m, i, &p)) return -1;
    return store_item(ts, self, value, p);
}

// Appends the items of dimension `dim` at `p` to `out` as Python values.
bool items_to_list(ThreadState& ts, const Buffer& b, int dim, const char* p, Value out) {
    int64_t n = buffer_shape(b, dim), stride = buffer_stride(b, dim);
    for (int64_t i = 0; i < n; ++i, p += stride) {
        Ref item(dim + 1 < b.ndim ? list_new(ts) : unpack_item(ts, b.format, p));
        if (!item) return false;
        if (dim + 1 < b.ndim && !items_to_list(ts, b, dim + 1, p, *item)) return false;
        if (!list_append(ts, out, *item)) return false;
    }
    return true;
}

// Element-wise equality of two views of the same shape. -1 on error.
int items_equal(ThreadState& ts, const Buffer& a, const Buffer& b) {
    char ca = native_code(a.format), cb = native_code(b.format);
    if ((ca == cb && is_byte_code(ca)) || (!ca && !cb && std::strcmp(a.format, b.format) == 0))
        return buffer_to_bytes(a) == buffer_to_bytes(b);
    if (!ca || !cb) return 0;
    Ref la(list_new(ts)), lb(list_new(ts));
    if (!la || !lb) return -1;
    if (a.ndim == 0) {
        Ref x(unpack_item(ts, a.format, a.buf)), y(x ? unpack_item(ts, b.format, b.buf) : Value());
        return y ? obj_eq(ts, *x, *y) : -1;
    }
    if (!items_to_list(ts, a, 0, a.buf, *la) || !items_to_list(ts, b, 0, b.buf, *lb)) return -1;
    return obj_eq(ts, *la, *lb);
}

Value memoryview_richcompare(ThreadState& ts, Value a, Value b, CompareOp op) {
    if (op != CompareOp::Eq && op != CompareOp::Ne) return Value::not_implemented();
    if (!is_memoryview(a)) std::swap(a, b);
    int eq;
    if (!mv(a)->mbuf || (is_memoryview(b) && !mv(b)->mbuf)) {
        eq = a == b;  // released views are equal only to themselves
    } else if (!has_buffer(ts, b)) {
        return Value::not_implemented();
    } else {
        BufferRef other;
        if (!other.get(ts, b, kBufStrided)) return Value();
        Buffer self = describe(mv(a));
        eq = self.ndim == other.view().ndim;
        for (int d = 0; eq && d < self.ndim; ++d)
            eq = buffer_shape(self, d) == buffer_shape(other.view(), d);
        if (eq) eq = items_equal(ts, self, other.view());
        if (eq < 0) return Value();
    }
    return Value::boolean((eq == 1) == (op == CompareOp::Eq));
}

bool memoryview_hash(ThreadState& ts, Value self, int64_t* out) {
    if (!check_released(ts, self)) return false;
    MemoryViewObject* m = mv(self);
    if (m->hash == -1) {
        if (!m->readonly) {
            raise(ts, ts.exc_types().ValueError, "cannot hash writable memoryview object");
            return false;
        }
        if (!is_byte_code(native_code(m->format))) {
            raise(ts, ts.exc_types().ValueError,
                  "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
            return false;
        }
        m->hash = hash_bytes(buffer_to_bytes(describe(m)));
    }
    *out = m->hash;
    return true;
}

// --- the buffer protocol: a view lends its own items ---

bool memoryview_getbuffer(ThreadState& ts, Value self, Buffer* view, uint32_t flags) {
    if (!check_released(ts, self)) return false;
    MemoryViewObject* m = mv(self);
    if ((flags & kBufWritable) && m->readonly) {
        raise(ts, ts.exc_types().BufferError, "memoryview: underlying buffer is not writable");
        return false;
    }
    *view = describe(m);
    if (!(flags & kBufStrided) && !buffer_is_c_contiguous(*view)) {
        *view = Buffer{};
        raise(ts, ts.exc_types().BufferError, "memoryview: underlying buffer is not C-contiguous");
        return false;
    }
    view->obj = new_ref(self);
    ++m->exports;
    return true;
}

void memoryview_releasebuffer(Value self, Buffer*) {
    --mv(self)->exports;
}

constexpr BufferProcs kMemoryViewBuffer = {memoryview_getbuffer, memoryview_releasebuffer};

// --- methods ---

Value memoryview_tobytes(ThreadState& ts, Args args) {
    Value order;
    if (!parse_args(ts, args.drop_first(), "tobytes", {"|", "order"}, {&order}) ||
        !check_released(ts, args[0]))
        return Value();
    return make_bytes(ts, buffer_to_bytes(describe(mv(args[0]))));
}

Value memoryview_tolist(ThreadState& ts, Args args) {
    if (!method_noargs(ts, args, "memoryview.tolist") || !check_released(ts, args[0]))
        return Value();
    Buffer b = describe(mv(args[0]));
    if (b.ndim == 0) return unpack_item(ts, b.format, b.buf);
    if (!native_code(b.format))
        return raise_fmt(ts, ts.exc_types().NotImplementedError,
                         "memoryview: unsupported format {}", b.format);
    Ref out(list_new(ts));
    if (!out || !items_to_list(ts, b, 0, b.buf, *out)) return Value();
    return out.release();
}

Value memoryview_hex(ThreadState& ts, Args args) {
    if (!check_released(ts, args[0])) return Value();
    Ref data(make_bytes(ts, buffer_to_bytes(describe(mv(args[0])))));
    if (!data) return Value();
    std::vector<Value> v(args.v, args.v + args.n + args.kw_count());
    v[0] = *data;
    return bytes_hex(ts, Args{v.data(), args.n, args.kwnames});
}

Value memoryview_toreadonly(ThreadState& ts, Args args) {
    if (!method_noargs(ts, args, "memoryview.toreadonly") || !check_released(ts, args[0]))
        return Value();
    Buffer b = describe(mv(args[0]));
    b.readonly = true;
    return new_view(ts, mv(args[0])->mbuf, b);
}

Value memoryview_release(ThreadState& ts, Args args) {
    if (!method_noargs(ts, args, "memoryview.release")) return Value();
    MemoryViewObject* m = mv(args[0]);
    if (m->exports > 0) {
        return raise_fmt(ts, ts.exc_types().BufferError, "memoryview has {} exported buffer{}",
                         m->exports, m->exports == 1 ? "" : "s");
    }
    drop_mbuf(m);
    return Value::none();
}

Value memoryview_enter(ThreadState& ts, Args args) {
    if (!method_noargs(ts, args, "memoryview.__enter__") || !check_released(ts, args[0]))
        return Value();
    return new_ref(args[0]);
}

Value memoryview_exit(ThreadState& ts, Args args) {
    Value self = args[0];
    return memoryview_release(ts, Args{&self, 1, nullptr});
}

// cast's destination format: one native code, with an optional '@'.
bool cast_format(ThreadState& ts, Value format, char* code) {
    if (!is_str(ts, format)) {
        raise_fmt(ts, ts.exc_types().TypeError, "cast() argument 'format' must be str, not {}",
                  type_name(ts, format));
        return false;
    }
    std::string f(str_view(format));
    *code = f.size() < 3 ? native_code(f.c_str()) : 0;
    if (*code) return true;
    raise(ts, ts.exc_types().ValueError,
          "memoryview: destination format must be a native single character format prefixed "
          "with an optional '@'");
    return false;
}

// The dimensions of cast's `shape` argument; false with CPython's errors.
bool cast_shape(ThreadState& ts, Value shape, std::vector<int64_t>* dims) {
    if (!is_list(ts, shape) && !is_tuple(ts, shape)) {
        raise(ts, ts.exc_types().TypeError, "shape must be a list or a tuple");
        return false;
    }
    Ref items(is_tuple(ts, shape) ? new_ref(shape) : tuple_from_iterable(ts, shape));
    if (!items) return false;
    size_t n = tuple_size(*items);
    if (n > kMaxDims) {
        raise(ts, ts.exc_types().ValueError, "memoryview: number of dimensions must not exceed 64");
        return false;
    }
    for (size_t i = 0; i < n; ++i) {
        int64_t d;
        Value item = tuple_item(*items, i);
        if (!is_int(item)) {
            raise(ts, ts.exc_types().TypeError,
                  "memoryview.cast(): elements of shape must be integers");
            return false;
        }
        if (!int_to_int64(item, &d) || d <= 0) {
            raise(ts, ts.exc_types().ValueError,
                  "memoryview.cast(): elements of shape must be integers > 0");
            return false;
        }
        dims->push_back(d);
    }
    return true;
}

Value memoryview_cast(ThreadState& ts, Args args) {
    Value format, shape;
    if (!parse_args(ts, args.drop_first(), "cast", {"format", "|", "shape"}, {&format, &shape}) ||
        !check_released(ts, args[0]))
        return Value();
    MemoryViewObject* m = mv(args[0]);
    Buffer b = describe(m);
    if (!buffer_is_c_contiguous(b))
        return raise(ts, ts.exc_types().TypeError,
                     "memoryview: casts are restricted to C-contiguous views");
    std::vector<int64_t> dims;
    if (!shape.is_null() && !cast_shape(ts, shape, &dims)) return Value();
    if (!shape.is_null() && m->ndim != 1 && dims.size() != 1)
        return raise(ts, ts.exc_types().TypeError, "memoryview: cast must be 1D -> ND or ND -> 1D");
    char code;
    if (!cast_format(ts, format, &code)) return Value();
    if (!is_byte_code(code) && !is_byte_code(native_code(m->format)))
        return raise(ts, ts.exc_types().TypeError,
                     "memoryview: cannot cast between two non-byte formats");
    int64_t size = native_item_size(code);
    if (shape.is_null()) {
        if (m->len % size != 0)
            return raise(ts, ts.exc_types().TypeError,
                         "memoryview: length is not a multiple of itemsize");
        dims.push_back(m->len / size);
    } else {
        int64_t product = size;
        for (int64_t d : dims) product *= d;
        if (product != m->len)
            return raise(ts, ts.exc_types().TypeError,
                         "memoryview: product(shape) * itemsize != buffer size");
    }
    const char fmt_str[2] = {code, 0};
    std::vector<int64_t> strides(dims.size());
    int64_t stride = size;
    for (size_t d = dims.size(); d-- > 0;) {
        strides[d] = stride;
        stride *= dims[d];
    }
    b.format = fmt_str;
    b.itemsize = size;
    b.ndim = static_cast<int>(dims.size());
    b.shape = dims.data();
    b.strides = strides.data();
    return new_view(ts, m->mbuf, b);
}

// --- attributes ---

Value tuple_of(ThreadState& ts, const int64_t* v, int n) {
    Ref t(tuple_new(ts, static_cast<uint64_t>(n)));
    if (!t) return Value();
    for (int i = 0; i < n; ++i) {
        Value x = make_int(ts, v[i]);
        if (x.is_null()) return Value();
        tuple_obj(*t)->items[i] = x;
    }
    return t.release();
}

#define GILT_MV_GETTER(name, expr)                             \
    Value memoryview_get_##name(ThreadState& ts, Value self) { \
        if (!check_released(ts, self)) return Value();         \
        [[maybe_unused]] MemoryViewObject* m = mv(self);       \
        return expr;                                           \
    }
GILT_MV_GETTER(obj, new_ref(m->mbuf->view.obj))
GILT_MV_GETTER(nbytes, make_int(ts, m->len))
GILT_MV_GETTER(readonly, Value::boolean(m->readonly))
GILT_MV_GETTER(itemsize, make_int(ts, m->itemsize))
GILT_MV_GETTER(format, make_str(ts, m->format))
GILT_MV_GETTER(ndim, make_int(ts, m->ndim))
GILT_MV_GETTER(shape, tuple_of(ts, m->shape, m->ndim))
GILT_MV_GETTER(strides, tuple_of(ts, m->strides, m->ndim))
GILT_MV_GETTER(suboffsets, tuple_new(ts, 0))
GILT_MV_GETTER(c_contiguous, Value::boolean(buffer_is_c_contiguous(describe(m))))
#undef GILT_MV_GETTER

// Fortran order: the first dimension varies fastest.
bool is_f_contiguous(MemoryViewObject* m) {
    if (m->ndim <= 1 || m->len == 0) return buffer_is_c_contiguous(describe(m));
    int64_t expected = m->itemsize;
    for (int d = 0; d < m->ndim; ++d) {
        if (m->shape[d] > 1 && m->strides[d] != expected) return false;
        expected *= m->shape[d];
    }
    return true;
}

Value memoryview_get_f_contiguous(ThreadState& ts, Value self) {
    if (!check_released(ts, self)) return Value();
    return Value::boolean(is_f_contiguous(mv(self)));
}

Value memoryview_get_contiguous(ThreadState& ts, Value self) {
    if (!check_released(ts, self)) return Value();
    return Value::boolean(buffer_is_c_contiguous(describe(mv(self))) || is_f_contiguous(mv(self)));
}

constexpr GetSetDef kMemoryViewGetSets[] = {
    {"obj", memoryview_get_obj},
    {"nbytes", memoryview_get_nbytes},
    {"readonly", memoryview_get_readonly},
    {"itemsize", memoryview_get_itemsize},
    {"format", memoryview_get_format},
    {"ndim", memoryview_get_ndim},
    {"shape", memoryview_get_shape},
    {"strides", memoryview_get_strides},
    {"suboffsets", memoryview_get_suboffsets},
    {"c_contiguous", memoryview_get_c_contiguous},
    {"f_contiguous", memoryview_get_f_contiguous},
    {"contiguous", memoryview_get_contiguous},
};

}  // namespace

bool is_memoryview(Value v) noexcept {
    return v.is_object() && v.as_object()->type->buffer == &kMemoryViewBuffer;
}

void define_memoryview_type(Interpreter& interp, TypeObject* t) {
    t->instance_kind = ObjKind::Native;
    t->basicsize = sizeof(MemoryViewObject);
    t->flags = 0;
    t->dealloc = memoryview_dealloc;
    t->repr = memoryview_repr;
    t->hash = memoryview_hash;
    t->richcompare = memoryview_richcompare;
    t->len = memoryview_len;
    t->getitem = memoryview_subscript;
    t->setitem = memoryview_ass_subscript;
    t->new_ = memoryview_new;
    t->buffer = &kMemoryViewBuffer;
    type_add_methods(interp, t, kMemoryViewMethods);
    type_add_getsets(interp, t, kMemoryViewGetSets);
}

}  // namespace gilt
