// bytearray: a mutable, growable byte buffer.
//
// `data` is a malloc'd block of `capacity` bytes (null while capacity is
// 0) holding `size` bytes followed by a NUL. It grows by CPython's
// bytearray_resize rule (about 1/8 extra) so append is amortised O(1), and
// gives memory back when it falls under half full. Nothing here references
// other objects, so bytearray is not a gc container. The methods shared
// with bytes live in bytes_methods.cpp; this file has the mutators and the
// slots (item and slice assignment, +=, *=).
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/buffer.hpp"
#include "runtime/bytes.hpp"
#include "runtime/errors.hpp"
#include "runtime/heap.hpp"
#include "runtime/heap_meter.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/range.hpp"
#include "runtime/slots.hpp"
#include "runtime/str.hpp"

namespace gilt {

namespace {

Value bytearray_append(ThreadState& ts, Args args);
Value bytearray_extend(ThreadState& ts, Args args);
Value bytearray_pop(ThreadState& ts, Args args);
Value bytearray_insert(ThreadState& ts, Args args);
Value bytearray_remove(ThreadState& ts, Args args);
Value bytearray_clear(ThreadState& ts, Args args);
Value bytearray_copy(ThreadState& ts, Args args);
Value bytearray_reverse(ThreadState& ts, Args args);

#define GILT_BYTES_METHOD_ENTRY(name) {#name, bytes_##name},
constexpr MethodDef kByteArrayMethods[] = {
    {"append", bytearray_append},
    {"extend", bytearray_extend},
    {"pop", bytearray_pop},
    {"insert", bytearray_insert},
    {"remove", bytearray_remove},
    {"clear", bytearray_clear},
    {"copy", bytearray_copy},
    {"reverse", bytearray_reverse},
    // clang-format off
    GILT_BYTES_SHARED_METHODS(GILT_BYTES_METHOD_ENTRY)
    // clang-format on
    {"fromhex", bytes_fromhex, kMethodClass},
    {"maketrans", bytes_maketrans, kMethodStatic},
};
#undef GILT_BYTES_METHOD_ENTRY

ByteArrayObject* ba(Value v) noexcept {
    return as<ByteArrayObject>(v);
}

// Replaces the contents with `data` (used by __init__ and make_bytearray).
bool assign(ThreadState& ts, Value self, std::string_view data) {
    if (!bytearray_resize(ts, self, data.size())) return false;
    if (!data.empty()) std::memmove(ba(self)->data, data.data(), data.size());
    return true;
}

// A consumer of an exported buffer holds a pointer into `data`: the size
// may not change until every export is released (CPython's _canresize).
bool check_resizable(ThreadState& ts, Value self) {
    if (ba(self)->exports == 0) return true;
    raise(ts, ts.exc_types().BufferError, "Existing exports of data: object cannot be re-sized");
    return false;
}

}  // namespace

bool bytearray_resize(ThreadState& ts, Value self, uint64_t size) {
    ByteArrayObject* b = ba(self);
    uint64_t old = b->size;
    if (size == old) return true;
    if (!check_resizable(ts, self)) return false;
    if (size + 1 > b->capacity || size + 1 < b->capacity / 2) {
        uint64_t cap = size + 1 > b->capacity ? size + (size >> 3) + (size < 9 ? 3 : 6) : size + 1;
        auto* p = alloc_size_possible(cap)
                      ? static_cast<char*>(heap_realloc(b->hdr.type->interp, b->data, cap))
                      : nullptr;
        if (!p) {
            raise_memory_error(ts);
            return false;
        }
        b->data = p;
        b->capacity = cap;
    }
    if (size > old) std::memset(b->data + old, 0, size - old);
    b->size = size;
    b->data[size] = '\0';
    return true;
}

Value make_bytearray(ThreadState& ts, std::string_view data) {
    auto* b = alloc<ByteArrayObject>(ts.types().bytearray);
    if (!b) return raise_memory_error(ts);
    Ref r(val(b));
    if (!assign(ts, *r, data)) return Value();
    return r.release();
}

namespace {

// --- slots ---

void bytearray_dealloc(Object* o) {
    heap_free(o->type->interp, reinterpret_cast<ByteArrayObject*>(o)->data);
    free_object(o);
}

Value bytearray_new(ThreadState& ts, TypeObject* type, Args) {
    auto* b = alloc<ByteArrayObject>(type);
    if (!b) return raise_memory_error(ts);
    return val(b);
}

int bytearray_init(ThreadState& ts, Value self, Args args) {
    Value source, encoding, errors;
    if (!parse_args(ts, args, "bytearray", {"|", "source", "encoding", "errors"},
                    {&source, &encoding, &errors}))
        return -1;
    std::string data;
    if (!bytes_from_source(ts, source, encoding, errors, "bytearray", &data)) return -1;
    return assign(ts, self, data) ? 0 : -1;
}

Value bytearray_repr(ThreadState& ts, Value self) {
    std::string r = bytes_repr(bytearray_view(self), true);
    return make_str(ts, fmt::format("{}({})", type_name(ts, self), r));
}

int64_t bytearray_len(ThreadState&, Value self) {
    return static_cast<int64_t>(ba(self)->size);
}

// An index or a slice key; false with TypeError for anything else.
bool index_or_slice(ThreadState& ts, Value key, int64_t* i, bool* slice) {
    *slice = is_slice(key);
    if (*slice) return true;
    int r = seq_index_arg(ts, key, i);
    if (r == 0)
        raise_fmt(ts, ts.exc_types().TypeError,
                  "bytearray indices must be integers or slices, not {}", type_name(ts, key));
    return r == 1;
}

Value bytearray_subscript(ThreadState& ts, Value self, Value key) {
    int64_t i;
    bool slice;
    if (!index_or_slice(ts, key, &i, &slice)) return Value();
    std::string_view d = bytearray_view(self);
    if (!slice) {
        if (!normalize_index(&i, static_cast<int64_t>(d.size())))
            return raise(ts, ts.exc_types().IndexError, "bytearray index out of range");
        return Value::small_int(static_cast<unsigned char>(d[static_cast<size_t>(i)]));
    }
    int64_t start, stop, step, count;
    if (!slice_indices(ts, key, static_cast<int64_t>(d.size()), &start, &stop, &step, &count))
        return Value();
    std::string out;
    out.reserve(static_cast<size_t>(count));
    for (int64_t k = 0, j = start; k < count; ++k, j += step) out += d[static_cast<size_t>(j)];
    return make_bytearray(ts, out);
}

// The bytes a slice assignment stores: bytes-like or an iterable of ints.
bool slice_source(ThreadState& ts, Value value, std::string* out) {
    if (is_bytes(value) || is_bytearray(value)) {
        out->assign(byteslike_data(value));  // a copy: value may be self
        return true;
    }
    if (is_str(ts, value) || value.is_small_int() || type_of(ts, value)->nb_index) {
        raise(ts, ts.exc_types().TypeError,
              "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
        return false;
    }
    return bytes_from_source(ts, value, Value(), Value(), "bytearray", out);
}

// Replaces [start, stop) by `data`, moving the tail.
bool splice(ThreadState& ts, Value self, int64_t start, int64_t stop, std::string_view data) {
    if (stop < start) stop = start;
    uint64_t old = ba(self)->size, tail = old - static_cast<uint64_t>(stop);
    uint64_t size = old - static_cast<uint64_t>(stop - start) + data.size();
    if (size != old && !check_resizable(ts, self)) return false;
    if (size > old && !bytearray_resize(ts, self, size)) return false;
    char* p = ba(self)->data;
    // An empty bytearray may have no storage yet: memmove must not see a null pointer.
    if (tail) std::memmove(p + start + data.size(), p + stop, tail);
    if (!data.empty()) std::memcpy(p + start, data.data(), data.size());
    return size >= old || bytearray_resize(ts, self, size);
}

// del b[start::step] for count items (step != 1).
int delete_extended(ThreadState& ts, Value self, int64_t start, int64_t step, int64_t count) {
    if (step < 0) {  // the same items, walking forwards
        start += step * (count - 1);
        step = -step;
    }
    if (!check_resizable(ts, self)) return -1;
    char* p = ba(self)->data;
    const auto n = static_cast<int64_t>(ba(self)->size);
    const int64_t last = start + step * (count - 1);
    int64_t out = start;
    for (int64_t i = start; i < n; ++i)
        if (i > last || (i - start) % step != 0) p[out++] = p[i];
    return bytearray_resize(ts, self, static_cast<uint64_t>(out)) ? 0 : -1;
}

int assign_slice(ThreadState& ts, Value self, Value key, Value value) {
    std::string data;
    if (!value.is_null() && !slice_source(ts, value, &data)) return -1;
    int64_t start, stop, step, count;
    if (!slice_indices(ts, key, static_cast<int64_t>(ba(self)->size), &start, &stop, &step, &count))
        return -1;
    if (step == 1) return splice(ts, self, start, stop, data) ? 0 : -1;
    if (value.is_null()) return count ? delete_extended(ts, self, start, step, count) : 0;
    if (static_cast<int64_t>(data.size()) != count) {
        raise_fmt(ts, ts.exc_types().ValueError,
                  "attempt to assign bytes of size {} to extended slice of size {}", data.size(),
                  count);
        return -1;
    }
    for (int64_t k = 0, j = start; k < count; ++k, j += step)
        ba(self)->data[j] = data[static_cast<size_t>(k)];
    return 0;
}

int bytearray_ass_subscript(ThreadState& ts, Value self, Value key, Value value) {
    int64_t i;
    bool slice;
    if (!index_or_slice(ts, key, &i, &slice)) return -1;
    if (slice) return assign_slice(ts, self, key, value);
    if (!normalize_index(&i, static_cast<int64_t>(ba(self)->size))) {
        raise(ts, ts.exc_types().IndexError, "bytearray index out of range");
        return -1;
    }
    if (value.is_null()) return splice(ts, self, i, i + 1, "") ? 0 : -1;
    uint8_t b;
    if (!byte_arg(ts, value, &b)) return -1;
    ba(self)->data[i] = static_cast<char>(b);
    return 0;
}

bool concat_operand(ThreadState& ts, Value b, std::string_view* out) {
    if (is_bytes(b) || is_bytearray(b)) {
        *out = byteslike_data(b);
        return true;
    }
    if (has_buffer(ts, b)) return bytes_like_view(ts, b, out);
    raise_fmt(ts, ts.exc_types().TypeError, "can't concat {} to bytearray", type_name(ts, b));
    return false;
}

Value bytearray_add(ThreadState& ts, Value a, Value b) {
    if (!is_bytearray(a)) return Value::not_implemented();
    TypeObject* tb = type_of(ts, b);
    if (!is_bytes(b) && !is_bytearray(b) && (tb->flags & kTypeHeap) &&
        tb->nb[static_cast<int>(BinOp::Add)])
        return Value::not_implemented();
    std::string_view y;
    if (!concat_operand(ts, b, &y)) return Value();
    std::string out(bytearray_view(a));
    out.append(y);
    return make_bytearray(ts, out);
}

Value bytearray_iadd(ThreadState& ts, Value a, Value b) {
    std::string_view y;
    if (!concat_operand(ts, b, &y)) return Value();
    std::string copy(y);  // b may be a itself
    uint64_t old = ba(a)->size;
    if (!bytearray_resize(ts, a, old + copy.size())) return Value();
    std::memcpy(ba(a)->data + old, copy.data(), copy.size());
    return new_ref(a);
}

std::string repeated(std::string_view d, int64_t count) {
    std::string out;
    if (count <= 0) return out;
    out.reserve(d.size() * static_cast<size_t>(count));
    for (int64_t k = 0; k < count; ++k) out.append(d);
    return out;
}

Value bytearray_mul(ThreadState& ts, Value a, Value b) {
    const bool reflected = !is_bytearray(a);
    Value s = reflected ? b : a;
    int64_t count;
    int r = seq_repeat_count(ts, reflected ? a : b, reflected, &count);
    if (r <= 0) return r == 0 ? Value::not_implemented() : Value();
    std::string_view d = bytearray_view(s);
    if (count > 0 && !d.empty() && static_cast<uint64_t>(count) > (uint64_t(1) << 48) / d.size())
        return raise_memory_error(ts);
    if (count > 0 && !check_alloc_size(ts, static_cast<uint64_t>(count) * d.size())) return Value();
    return make_bytearray(ts, repeated(d, count));
}

Value bytearray_imul(ThreadState& ts, Value a, Value b) {
    int64_t count;
    int r = seq_repeat_count(ts, b, false, &count);
    if (r <= 0) return r == 0 ? Value::not_implemented() : Value();
    std::string_view d = bytearray_view(a);
    if (count > 0 && !d.empty() && static_cast<uint64_t>(count) > (uint64_t(1) << 48) / d.size())
        return raise_memory_error(ts);
    if (count > 0 && !check_alloc_size(ts, static_cast<uint64_t>(count) * d.size())) return Value();
    if (!assign(ts, a, repeated(d, count))) return Value();
    return new_ref(a);
}

Value bytearray_mod(ThreadState& ts, Value a, Value b) {
    if (!is_bytearray(a)) return Value::not_implemented();
    return bytes_percent_format(ts, a, b);
}

// --- methods ---

Value bytearray_append(ThreadState& ts, Args args) {
    uint8_t b;
    if (!method_onearg(ts, args, "bytearray.append") || !byte_arg(ts, args[1], &b)) return Value();
    uint64_t n = ba(args[0])->size;
    if (!bytearray_resize(ts, args[0], n + 1)) return Value();
    ba(args[0])->data[n] = static_cast<char>(b);
    return Value::none();
}

Value bytearray_extend(ThreadState& ts, Args args) {
    if (!method_onearg(ts, args, "bytearray.extend")) return Value();
    Value src = args[1];
    std::string data;
    if (is_bytes(src) || is_bytearray(src)) {
        data.assign(byteslike_data(src));
    } else if (!type_of(ts, src)->iter && !type_of(ts, src)->getitem) {
        return raise_fmt(ts, ts.exc_types().TypeError, "can't extend bytearray with {}",
                         type_name(ts, src));
    } else if (!bytes_from_source(ts, src, Value(), Value(), "bytearray", &data)) {
        return Value();
    }
    uint64_t n = ba(args[0])->size;
    if (!bytearray_resize(ts, args[0], n + data.size())) return Value();
    if (!data.empty()) std::memcpy(ba(args[0])->data + n, data.data(), data.size());
    return Value::none();
}

Value bytearray_pop(ThreadState& ts, Args args) {
    if (!method_posargs(ts, args, "pop", "bytearray.pop", 0, 1)) return Value();
    int64_t i = -1;
    if (args.n > 1 && !index_as_ssize(ts, args[1], &i)) return Value();
    auto n = static_cast<int64_t>(ba(args[0])->size);
    if (n == 0) return raise(ts, ts.exc_types().IndexError, "pop from empty bytearray");
    if (!normalize_index(&i, n))
        return raise(ts, ts.exc_types().IndexError, "pop index out of range");
    auto b = static_cast<unsigned char>(ba(args[0])->data[i]);
    if (!splice(ts, args[0], i, i + 1, "")) return Value();
    return Value::small_int(b);
}

Value bytearray_insert(ThreadState& ts, Args args) {
    if (!method_posargs(ts, args, "insert", "bytearray.insert", 2, 2)) return Value();
    int64_t i;
    uint8_t b;
    if (!index_as_ssize(ts, args[1], &i) || !byte_arg(ts, args[2], &b)) return Value();
    auto n = static_cast<int64_t>(ba(args[0])->size);
    if (i < 0) i = std::max<int64_t>(i + n, 0);
    if (i > n) i = n;
    char c = static_cast<char>(b);
    return splice(ts, args[0], i, i, std::string_view(&c, 1)) ? Value::none() : Value();
}

Value bytearray_remove(ThreadState& ts, Args args) {
    uint8_t b;
    if (!method_onearg(ts, args, "bytearray.remove") || !byte_arg(ts, args[1], &b)) return Value();
    size_t pos = bytearray_view(args[0]).find(static_cast<char>(b));
    if (pos == std::string_view::npos)
        return raise(ts, ts.exc_types().ValueError, "value not found in bytearray");
    auto i = static_cast<int64_t>(pos);
    return splice(ts, args[0], i, i + 1, "") ? Value::none() : Value();
}

Value bytearray_clear(ThreadState& ts, Args args) {
    if (!method_noargs(ts, args, "bytearray.clear")) return Value();
    return bytearray_resize(ts, args[0], 0) ? Value::none() : Value();
}

Value bytearray_copy(ThreadState& ts, Args args) {
    if (!method_noargs(ts, args, "bytearray.copy")) return Value();
    return make_bytearray(ts, bytearray_view(args[0]));
}

Value bytearray_reverse(ThreadState& ts, Args args) {
    if (!method_noargs(ts, args, "bytearray.reverse")) return Value();
    ByteArrayObject* b = ba(args[0]);
    std::reverse(b->data, b->data + b->size);
    return Value::none();
}

// --- the buffer protocol ---

bool bytearray_getbuffer(ThreadState& ts, Value self, Buffer* view, uint32_t flags) {
    ByteArrayObject* b = ba(self);
    if (!buffer_fill_simple(ts, view, self, b->data, static_cast<int64_t>(b->size), false, flags))
        return false;
    ++b->exports;
    return true;
}

void bytearray_releasebuffer(Value self, Buffer*) {
    --ba(self)->exports;
}

constexpr BufferProcs kByteArrayBuffer = {bytearray_getbuffer, bytearray_releasebuffer};

}  // namespace

void define_bytearray_type(Interpreter& interp, TypeObject* t) {
    t->instance_kind = ObjKind::ByteArray;
    t->basicsize = sizeof(ByteArrayObject);
    t->flags = kTypeBaseType;
    t->dealloc = bytearray_dealloc;
    t->repr = bytearray_repr;
    t->hash = hash_not_implemented;
    t->richcompare = bytes_richcompare;
    t->len = bytearray_len;
    t->getitem = bytearray_subscript;
    t->setitem = bytearray_ass_subscript;
    t->contains = bytes_contains;
    t->iter = bytes_iter;
    t->new_ = bytearray_new;
    t->init = bytearray_init;
    t->buffer = &kByteArrayBuffer;
    t->nb[static_cast<int>(BinOp::Add)] = bytearray_add;
    t->nb[static_cast<int>(BinOp::Mul)] = bytearray_mul;
    t->nb[static_cast<int>(BinOp::Mod)] = bytearray_mod;
    t->nb_inplace[static_cast<int>(BinOp::Add)] = bytearray_iadd;
    t->nb_inplace[static_cast<int>(BinOp::Mul)] = bytearray_imul;
    type_add_methods(interp, t, kByteArrayMethods);
}

}  // namespace gilt
