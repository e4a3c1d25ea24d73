// array: compact arrays of one C number type (array.array).
//
// An array keeps its items packed in a malloc'd block (`data`, `size`
// items of `itemsize` bytes, room for `capacity`), so it exports that block
// through the buffer protocol (runtime/buffer.hpp) as memoryview and
// struct read it. Like bytearray it counts its exports and refuses to
// resize while one is alive ("cannot resize an array that is exporting
// buffers"). Item conversion follows CPython's per-typecode rules and
// OverflowError messages, which come from the argument parser it reuses
// ("signed short integer is greater than maximum" even for 'b').
// Typecode 'u' holds 4-byte code points (wchar_t on Linux); its buffer
// format is 'w', as in CPython 3.11.
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/buffer.hpp"
#include "runtime/bytes.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/float.hpp"
#include "runtime/heap.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/module.hpp"
#include "runtime/module_state.hpp"
#include "runtime/range.hpp"
#include "runtime/slots.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "runtime/type.hpp"
#include "runtime/unicode.hpp"
#include "stdlib/modules.hpp"

namespace gilt {

namespace {

constexpr const char* kTypecodes = "bBuhHiIlLqQfd";

struct ArrayObject {
    Object hdr;
    char* data;  // malloc'd, capacity * itemsize bytes
    uint64_t size;
    uint64_t capacity;
    uint64_t exports;
    char typecode;
    uint32_t itemsize;
    char format[2];  // the buffer format: typecode, 'w' for 'u'
};

ArrayObject* arr(Value v) {
    return as<ArrayObject>(v);
}

uint32_t typecode_size(char c) {
    switch (c) {
        case 'b':
        case 'B':
            return 1;
        case 'h':
        case 'H':
            return 2;
        case 'u':
        case 'i':
        case 'I':
        case 'f':
            return 4;
        case 'l':
        case 'L':
        case 'q':
        case 'Q':
        case 'd':
            return 8;
        default:
            return 0;
    }
}

struct ArrayState {
    TypeObject* type = nullptr;
    TypeObject* iter_type = nullptr;  // array.arrayiterator
    Value reconstructor;              // array._array_reconstructor (owned), for pickling

    ~ArrayState() { decref(reconstructor); }
};

ArrayState& array_state(Interpreter& interp);

TypeObject* array_type(Interpreter& interp);

bool is_array(ThreadState& ts, Value v) {
    return type_is_subtype(type_of(ts, v), array_type(ts.interp()));
}

// --- storage ---

bool check_resizable(ThreadState& ts, ArrayObject* a) {
    if (a->exports == 0) return true;
    raise(ts, ts.exc_types().BufferError, "cannot resize an array that is exporting buffers");
    return false;
}

bool resize(ThreadState& ts, ArrayObject* a, uint64_t n) {
    if (n == a->size) return true;
    if (!check_resizable(ts, a)) return false;
    if (n > a->capacity || n < a->capacity / 2) {
        uint64_t cap = n > a->capacity ? n + (n >> 3) + 4 : n;
        if (cap > (uint64_t(1) << 48) / a->itemsize) return raise_memory_error(ts), false;
        void* p = cap ? std::realloc(a->data, cap * a->itemsize) : (std::free(a->data), nullptr);
        if (cap && !p) return raise_memory_error(ts), false;
        a->data = static_cast<char*>(p);
        a->capacity = cap;
    }
    a->size = n;
    return true;
}

char* item_ptr(ArrayObject* a, uint64_t i) {
    return a->data + i * a->itemsize;
}

// --- item conversion ---

Value get_item(ThreadState& ts, ArrayObject* a, uint64_t i) {
    const char* p = item_ptr(a, i);
    auto load = [p]<class T>(T) {
        T v;
        std::memcpy(&v, p, sizeof v);
        return v;
    };
    switch (a->typecode) {
        case 'b':
            return Value::small_int(load(int8_t{}));
        case 'B':
            return Value::small_int(load(uint8_t{}));
        case 'h':
            return Value::small_int(load(int16_t{}));
        case 'H':
            return Value::small_int(load(uint16_t{}));
        case 'i':
            return make_int(ts, load(int32_t{}));
        case 'I':
            return make_int(ts, load(uint32_t{}));
        case 'l':
        case 'q':
            return make_int(ts, load(int64_t{}));
        case 'L':
        case 'Q':
            return make_int_u64(ts, load(uint64_t{}));
        case 'f':
            return make_float(ts, load(float{}));
        case 'd':
            return make_float(ts, load(double{}));
        default:
            return str_from_codepoint(ts, load(uint32_t{}));
    }
}

bool overflow(ThreadState& ts, const char* msg) {
    raise(ts, ts.exc_types().OverflowError, msg);
    return false;
}

// A signed C long in [lo, hi], with the parser's messages at each step.
bool long_in(ThreadState& ts, Value i, int64_t* out) {
    if (!int_to_int64(i, out)) return overflow(ts, "Python int too large to convert to C long");
    return true;
}

bool range_check(ThreadState& ts, int64_t v, int64_t lo, int64_t hi, const char* what) {
    if (v < lo)
        return raise_fmt(ts, ts.exc_types().OverflowError, "{} is less than minimum", what), false;
    if (v > hi)
        return raise_fmt(ts, ts.exc_types().OverflowError, "{} is greater than maximum", what),
               false;
    return true;
}

// The bits of integer item `v` for typecode `c`.
bool int_bits(ThreadState& ts, char c, Value v, uint64_t* bits) {
    Ref i(obj_index_value(ts, v));
    if (!i) return false;
    int64_t s = 0;
    uint64_t u = 0;
    bool ok = true;
    switch (c) {
        case 'b':
            ok = long_in(ts, *i, &s) && range_check(ts, s, -32768, 32767, "signed short integer") &&
                 range_check(ts, s, -128, 127, "signed char");
            break;
        case 'B':
            ok = long_in(ts, *i, &s) && range_check(ts, s, 0, 255, "unsigned byte integer");
            break;
        case 'h':
            ok = long_in(ts, *i, &s) && range_check(ts, s, -32768, 32767, "signed short integer");
            break;
        case 'H':
            ok = long_in(ts, *i, &s) &&
                 range_check(ts, s, INT32_MIN, INT32_MAX, "signed integer") &&
                 range_check(ts, s, 0, 65535, "unsigned short");
            break;
        case 'i':
            ok = long_in(ts, *i, &s) && range_check(ts, s, INT32_MIN, INT32_MAX, "signed integer");
            break;
        case 'l':
            ok = long_in(ts, *i, &s);
            break;
        case 'q':
            ok = int_to_int64(*i, &s) || overflow(ts, "int too big to convert");
            break;
        case 'I':
        case 'L':
            if (int_sign(*i) < 0)
                return overflow(ts, "can't convert negative value to unsigned int");
            if (!int_to_uint64(*i, &u))
                return overflow(ts, "Python int too large to convert to C unsigned long");
            if (c == 'I' && u > UINT32_MAX)
                return overflow(ts, "unsigned int is greater than maximum");
            *bits = u;
            return true;
        default:  // 'Q'
            if (int_sign(*i) < 0) return overflow(ts, "can't convert negative int to unsigned");
            if (!int_to_uint64(*i, &u)) return overflow(ts, "int too big to convert");
            *bits = u;
            return true;
    }
    *bits = static_cast<uint64_t>(s);
    return ok;
}

// Stores `v` as item `i` (which exists).
// Converts `v` to the bytes of one item of typecode `c` in `p`. This may
// run Python code (__index__, __float__), which may resize the array, so
// callers convert into a local buffer and find the item's address after.
bool convert_item(ThreadState& ts, char c, Value v, char* p) {
    if (c == 'f' || c == 'd') {
        double d;
        if (!obj_as_double(ts, v, &d)) return false;
        if (c == 'f') {
            auto f = static_cast<float>(d);
            std::memcpy(p, &f, 4);
        } else {
            std::memcpy(p, &d, 8);
        }
        return true;
    }
    if (c == 'u') {
        if (!is_str(ts, v) || str_len(v) != 1) {
            raise(ts, ts.exc_types().TypeError, "array item must be unicode character");
            return false;
        }
        uint32_t cp;
        utf8_decode(str_view(v).data(), &cp);
        std::memcpy(p, &cp, 4);
        return true;
    }
    uint64_t bits;
    if (!int_bits(ts, c, v, &bits)) return false;
    // Little-endian hosts: the low bytes of the 64-bit pattern are the item.
    std::memcpy(p, &bits, typecode_size(c));
    return true;
}

// a[i] = v for an index checked by the caller before the conversion.
bool set_item(ThreadState& ts, ArrayObject* a, uint64_t i, Value v) {
    char item[8];
    if (!convert_item(ts, a->typecode, v, item)) return false;
    if (i >= a->size) {
        raise(ts, ts.exc_types().IndexError, "array assignment index out of range");
        return false;
    }
    std::memcpy(item_ptr(a, i), item, a->itemsize);
    return true;
}

// Appends one item, converting first so a bad value changes nothing.
bool append_value(ThreadState& ts, ArrayObject* a, Value v) {
    char item[8];
    if (!convert_item(ts, a->typecode, v, item)) return false;
    uint64_t n = a->size;
    if (!resize(ts, a, n + 1)) return false;
    std::memcpy(item_ptr(a, n), item, a->itemsize);
    return true;
}

// --- construction ---

Value new_array(ThreadState& ts, TypeObject* type, char typecode) {
    auto* a = alloc<ArrayObject>(type);
    if (!a) return raise_memory_error(ts);
    a->typecode = typecode;
    a->itemsize = typecode_size(typecode);
    a->format[0] = typecode == 'u' ? 'w' : typecode;
    return val(a);
}

Value copy_of(ThreadState& ts, ArrayObject* src, TypeObject* type, uint64_t lo, uint64_t n) {
    Ref r(new_array(ts, type, src->typecode));
    if (!r || !resize(ts, arr(*r), n)) return Value();
    if (n) std::memcpy(arr(*r)->data, item_ptr(src, lo), n * src->itemsize);
    return r.release();
}

bool extend_bytes(ThreadState& ts, ArrayObject* a, std::string_view d) {
    if (d.size() % a->itemsize != 0) {
        raise(ts, ts.exc_types().ValueError, "bytes length not a multiple of item size");
        return false;
    }
    std::string copy(d);  // d may view a itself
    uint64_t n = a->size;
    if (!resize(ts, a, n + copy.size() / a->itemsize)) return false;
    std::memcpy(item_ptr(a, n), copy.data(), copy.size());
    return true;
}

bool extend_unicode(ThreadState& ts, ArrayObject* a, Value s) {
    std::string_view d = str_view(s);
    for (size_t k = 0; k < d.size();) {
        uint32_t cp;
        k += static_cast<size_t>(utf8_decode(d.data() + k, &cp));
        uint64_t n = a->size;
        if (!resize(ts, a, n + 1)) return false;
        std::memcpy(item_ptr(a, n), &cp, 4);
    }
    return true;
}

bool extend_iterable(ThreadState& ts, ArrayObject* a, Value src) {
    Ref it(obj_iter(ts, src));
    if (!it) return false;
    for (;;) {
        Ref item(iter_next(ts, *it));
        if (!item) return !ts.has_exception();
        if (!append_value(ts, a, *item)) return false;
    }
}

bool extend_array(ThreadState& ts, ArrayObject* a, ArrayObject* b) {
    if (a->typecode != b->typecode) {
        raise(ts, ts.exc_types().TypeError, "can only extend with array of same kind");
        return false;
    }
    return extend_bytes(ts, a, std::string_view(b->data, b->size * b->itemsize));
}

// array(typecode[, initializer]): the initializer decides the path.
bool initialise(ThreadState& ts, ArrayObject* a, Value init) {
    if (is_array(ts, init)) {
        ArrayObject* b = arr(init);
        if (b->typecode == 'u' && a->typecode != 'u') {
            raise_fmt(ts, ts.exc_types().TypeError,
                      "cannot use a unicode array to initialize an array with typecode '{}'",
                      a->typecode);
            return false;
        }
        return extend_iterable(ts, a, init);
    }
    if (is_str(ts, init)) {
        if (a->typecode == 'u') return extend_unicode(ts, a, init);
        raise_fmt(ts, ts.exc_types().TypeError,
                  "cannot use a str to initialize an array with typecode '{}'", a->typecode);
        return false;
    }
    if (is_bytes(init) || is_bytearray(init)) return extend_bytes(ts, a, byteslike_data(init));
    return extend_iterable(ts, a, init);
}

Value array_new(ThreadState& ts, TypeObject* type, Args args) {
    if (args.kwnames && type == array_type(ts.interp()))
        return raise(ts, ts.exc_types().TypeError, "array.array() takes no keyword arguments");
    if (args.n < 1 || args.n > 2)
        return raise_fmt(ts, ts.exc_types().TypeError, "array() takes at {} 1 argument ({} given)",
                         args.n < 1 ? "least" : "most", args.n);
    Value code = args[0];
    if (!is_str(ts, code) || str_len(code) != 1)
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "array() argument 1 must be a unicode character, not {}",
                         type_name(ts, code));
    char c = str_view(code)[0];
    if (!std::strchr(kTypecodes, c) || c == 0)
        return raise(ts, ts.exc_types().ValueError,
                     "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
    Ref r(new_array(ts, type, c));
    if (!r) return Value();
    if (args.n == 2 && !initialise(ts, arr(*r), args[1])) return Value();
    return r.release();
}

void array_dealloc(Object* o) {
    std::free(reinterpret_cast<ArrayObject*>(o)->data);
    free_object(o);
}

// --- slots ---

Value array_tolist(ThreadState& ts, Args args);

Value array_repr(ThreadState& ts, Value self) {
    ArrayObject* a = arr(self);
    std::string out = fmt::format("{}('{}'", type_name(ts, self), a->typecode);
    if (a->size) {
        Ref body;
        if (a->typecode == 'u') {
            std::string s;
            for (uint64_t i = 0; i < a->size; ++i) {
                uint32_t cp;
                std::memcpy(&cp, item_ptr(a, i), 4);
                utf8_append(s, cp);
            }
            body = Ref(make_str(ts, s));
            if (body) body = Ref(obj_repr(ts, *body));
        } else {
            Value arg = self;
            Ref list(array_tolist(ts, Args{&arg, 1, nullptr}));
            if (list) body = Ref(obj_repr(ts, *list));
        }
        if (!body) return Value();
        out += ", ";
        out += str_view(*body);
    }
    out += ")";
    return make_str(ts, out);
}

int64_t array_len(ThreadState&, Value self) {
    return static_cast<int64_t>(arr(self)->size);
}

bool index_arg(ThreadState& ts, Value key, int64_t* i) {
    int r = seq_index_arg(ts, key, i);
    if (r == 0) raise(ts, ts.exc_types().TypeError, "array indices must be integers");
    return r == 1;
}

Value array_subscript(ThreadState& ts, Value self, Value key) {
    ArrayObject* a = arr(self);
    if (is_slice(key)) {
        int64_t start, stop, step, count;
        if (!slice_indices(ts, key, static_cast<int64_t>(a->size), &start, &stop, &step, &count))
            return Value();
        TypeObject* t = array_type(ts.interp());
        if (step == 1)
            return copy_of(ts, a, t, static_cast<uint64_t>(start), static_cast<uint64_t>(count));
        Ref r(new_array(ts, t, a->typecode));
        if (!r || !resize(ts, arr(*r), static_cast<uint64_t>(count))) return Value();
        for (int64_t k = 0, j = start; k < count; ++k, j += step)
            std::memcpy(item_ptr(arr(*r), k), item_ptr(a, j), a->itemsize);
        return r.release();
    }
    int64_t i;
    if (!index_arg(ts, key, &i)) return Value();
    if (!normalize_index(&i, static_cast<int64_t>(a->size)))
        return raise(ts, ts.exc_types().IndexError, "array index out of range");
    return get_item(ts, a, static_cast<uint64_t>(i));
}

// Replaces items [start, stop) by `n` items from `src` (bytes, itemsize each).
bool splice(ThreadState& ts, ArrayObject* a, int64_t start, int64_t stop, const std::string& src) {
    // Clamped: an __eq__ run by remove() may have shrunk the array.
    stop = std::min<int64_t>(stop, static_cast<int64_t>(a->size));
    start = std::min(start, stop);
    uint64_t n = src.size() / a->itemsize, old = a->size;
    uint64_t tail = old - static_cast<uint64_t>(stop);
    uint64_t size = old - static_cast<uint64_t>(stop - start) + n;
    if (size != old && !check_resizable(ts, a)) return false;
    if (size > old && !resize(ts, a, size)) return false;
    // An empty array may have no storage yet: memmove must not see a null pointer.
    if (tail) std::memmove(item_ptr(a, start + n), item_ptr(a, stop), tail * a->itemsize);
    if (n) std::memcpy(item_ptr(a, start), src.data(), src.size());
    return size >= old || resize(ts, a, size);
}

int assign_slice(ThreadState& ts, ArrayObject* a, Value key, Value value) {
    std::string src;
    if (!value.is_null()) {
        if (!is_array(ts, value)) {
            raise_fmt(ts, ts.exc_types().TypeError,
                      "can only assign array (not \"{}\") to array slice", type_name(ts, value));
            return -1;
        }
        ArrayObject* b = arr(value);
        if (b->typecode != a->typecode) {
            raise(ts, ts.exc_types().TypeError, "bad argument type for built-in operation");
            return -1;
        }
        src.assign(b->data, b->size * b->itemsize);
    }
    int64_t start, stop, step, count;
    if (!slice_indices(ts, key, static_cast<int64_t>(a->size), &start, &stop, &step, &count))
        return -1;
    if (step == 1) return splice(ts, a, start, stop, src) ? 0 : -1;
    if (value.is_null()) {
        if (count == 0) return 0;
        if (!check_resizable(ts, a)) return -1;
        if (step < 0) {
            start += step * (count - 1);
            step = -step;
        }
        uint64_t out = static_cast<uint64_t>(start), last = start + step * (count - 1);
        for (uint64_t i = static_cast<uint64_t>(start); i < a->size; ++i)
            if (i > last || (i - start) % step != 0)
                std::memmove(item_ptr(a, out++), item_ptr(a, i), a->itemsize);
        return resize(ts, a, out) ? 0 : -1;
    }
    if (static_cast<int64_t>(src.size() / a->itemsize) != count) {
        raise_fmt(ts, ts.exc_types().ValueError,
                  "attempt to assign array of size {} to extended slice of size {}",
                  src.size() / a->itemsize, count);
        return -1;
    }
    for (int64_t k = 0, j = start; k < count; ++k, j += step)
        std::memcpy(item_ptr(a, j), src.data() + k * a->itemsize, a->itemsize);
    return 0;
}

int array_ass_subscript(ThreadState& ts, Value self, Value key, Value value) {
    ArrayObject* a = arr(self);
    if (is_slice(key)) return assign_slice(ts, a, key, value);
    int64_t i;
    if (!index_arg(ts, key, &i)) return -1;
    if (!normalize_index(&i, static_cast<int64_t>(a->size))) {
        raise(ts, ts.exc_types().IndexError, "array assignment index out of range");
        return -1;
    }
    if (value.is_null()) return splice(ts, a, i, i + 1, std::string()) ? 0 : -1;
    return set_item(ts, a, static_cast<uint64_t>(i), value) ? 0 : -1;
}

Value array_richcompare(ThreadState& ts, Value a, Value b, CompareOp op) {
    if (!is_array(ts, a) || !is_array(ts, b)) return Value::not_implemented();
    Value x = a, y = b;
    Ref la(array_tolist(ts, Args{&x, 1, nullptr}));
    Ref lb(la ? array_tolist(ts, Args{&y, 1, nullptr}) : Value());
    if (!lb) return Value();
    return rich_compare(ts, *la, *lb, op);
}

Value array_concat(ThreadState& ts, Value a, Value b) {
    if (!is_array(ts, a)) return Value::not_implemented();
    if (!is_array(ts, b))
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "can only append array (not \"{}\") to array", type_name(ts, b));
    if (arr(a)->typecode != arr(b)->typecode)
        return raise(ts, ts.exc_types().TypeError, "bad argument type for built-in operation");
    Ref r(copy_of(ts, arr(a), array_type(ts.interp()), 0, arr(a)->size));
    if (!r || !extend_array(ts, arr(*r), arr(b))) return Value();
    return r.release();
}

Value array_iconcat(ThreadState& ts, Value a, Value b) {
    if (!is_array(ts, b))
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "can only extend array with array (not \"{}\")", type_name(ts, b));
    if (arr(a)->typecode != arr(b)->typecode)
        return raise(ts, ts.exc_types().TypeError, "can only extend with array of same kind");
    if (!extend_array(ts, arr(a), arr(b))) return Value();
    return new_ref(a);
}

bool repeat_into(ThreadState& ts, ArrayObject* a, std::string_view unit, int64_t count) {
    if (count <= 0 || unit.empty()) return resize(ts, a, 0);
    uint64_t n = unit.size() / a->itemsize;
    if (static_cast<uint64_t>(count) > (uint64_t(1) << 40) / std::max<uint64_t>(n, 1))
        return raise_memory_error(ts), false;
    std::string copy(unit);
    if (!resize(ts, a, n * static_cast<uint64_t>(count))) return false;
    for (int64_t k = 0; k < count; ++k) std::memcpy(item_ptr(a, k * n), copy.data(), copy.size());
    return true;
}

Value array_repeat(ThreadState& ts, Value a, Value b) {
    const bool reflected = !is_array(ts, a);
    Value s = reflected ? b : a;
    int64_t count;
    int r = seq_repeat_count(ts, reflected ? a : b, reflected, &count);
    if (r <= 0) return r == 0 ? Value::not_implemented() : Value();
    ArrayObject* src = arr(s);
    Ref out(new_array(ts, array_type(ts.interp()), src->typecode));
    if (!out ||
        !repeat_into(ts, arr(*out), std::string_view(src->data, src->size * src->itemsize), count))
        return Value();
    return out.release();
}

Value array_irepeat(ThreadState& ts, Value a, Value b) {
    int64_t count;
    int r = seq_repeat_count(ts, b, false, &count);
    if (r <= 0) return r == 0 ? Value::not_implemented() : Value();
    ArrayObject* x = arr(a);
    if (!repeat_into(ts, x, std::string_view(x->data, x->size * x->itemsize), count))
        return Value();
    return new_ref(a);
}

bool array_hash(ThreadState& ts, Value, int64_t*) {
    raise(ts, ts.exc_types().TypeError, "unhashable type: 'array.array'");
    return false;
}

// --- the buffer protocol ---

bool array_getbuffer(ThreadState& ts, Value self, Buffer* view, uint32_t flags) {
    ArrayObject* a = arr(self);
    if (!buffer_fill_simple(ts, view, self, a->data, static_cast<int64_t>(a->size * a->itemsize),
                            false, flags))
        return false;
    view->itemsize = a->itemsize;
    view->format = a->format;
    ++a->exports;
    return true;
}

void array_releasebuffer(Value self, Buffer*) {
    --arr(self)->exports;
}

constexpr BufferProcs kArrayBuffer = {array_getbuffer, array_releasebuffer};

// --- methods ---

Value array_append(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "append", "append", 1, 1)) return Value();
    return append_value(ts, arr(args[0]), args[1]) ? Value::none() : Value();
}

Value array_extend(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "extend", "extend", 1, 1)) return Value();
    ArrayObject* a = arr(args[0]);
    bool ok =
        is_array(ts, args[1]) ? extend_array(ts, a, arr(args[1])) : extend_iterable(ts, a, args[1]);
    return ok ? Value::none() : Value();
}

Value array_insert(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "insert", "insert", 2, 2)) return Value();
    ArrayObject* a = arr(args[0]);
    int64_t i;
    char item[8];
    if (!index_as_ssize(ts, args[1], &i) || !convert_item(ts, a->typecode, args[2], item))
        return Value();
    auto n = static_cast<int64_t>(a->size);  // after the conversion, which may resize
    if (i < 0) i = std::max<int64_t>(i + n, 0);
    if (i > n) i = n;
    if (!resize(ts, a, a->size + 1)) return Value();
    std::memmove(item_ptr(a, i + 1), item_ptr(a, i), (a->size - 1 - i) * a->itemsize);
    std::memcpy(item_ptr(a, i), item, a->itemsize);
    return Value::none();
}

Value array_pop(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "pop", "pop", 0, 1)) return Value();
    ArrayObject* a = arr(args[0]);
    int64_t i = -1;
    if (args.n > 1 && !index_as_ssize(ts, args[1], &i)) return Value();
    if (a->size == 0) return raise(ts, ts.exc_types().IndexError, "pop from empty array");
    if (!normalize_index(&i, static_cast<int64_t>(a->size)))
        return raise(ts, ts.exc_types().IndexError, "pop index out of range");
    Ref v(get_item(ts, a, static_cast<uint64_t>(i)));
    if (!v || !splice(ts, a, i, i + 1, std::string())) return Value();
    return v.release();
}

// The index of the first item equal to `v` in [lo, hi); -1 if none, -2 on error.
int64_t find(ThreadState& ts, ArrayObject* a, Value v, int64_t lo, int64_t hi) {
    for (int64_t i = lo; i < hi && i < static_cast<int64_t>(a->size); ++i) {
        Ref item(get_item(ts, a, static_cast<uint64_t>(i)));
        int eq = item ? obj_eq(ts, *item, v) : -1;
        if (eq < 0) return -2;
        if (eq) return i;
    }
    return -1;
}

Value array_remove(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "remove", "remove", 1, 1)) return Value();
    ArrayObject* a = arr(args[0]);
    int64_t i = find(ts, a, args[1], 0, static_cast<int64_t>(a->size));
    if (i == -2) return Value();
    if (i < 0) return raise(ts, ts.exc_types().ValueError, "array.remove(x): x not in array");
    return splice(ts, a, i, i + 1, std::string()) ? Value::none() : Value();
}

Value array_index(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "index", "index", 1, 3)) return Value();
    ArrayObject* a = arr(args[0]);
    auto n = static_cast<int64_t>(a->size);
    int64_t lo = 0, hi = n;
    if (args.n > 2 && !slice_index_clamped(ts, args[2], &lo)) return Value();
    if (args.n > 3 && !slice_index_clamped(ts, args[3], &hi)) return Value();
    if (lo < 0) lo = std::max<int64_t>(lo + n, 0);
    if (hi < 0) hi = std::max<int64_t>(hi + n, 0);
    int64_t i = find(ts, a, args[1], lo, hi);
    if (i == -2) return Value();
    if (i < 0) return raise(ts, ts.exc_types().ValueError, "array.index(x): x not in array");
    return make_int(ts, i);
}

Value array_count(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "count", "count", 1, 1)) return Value();
    ArrayObject* a = arr(args[0]);
    int64_t count = 0;
    for (uint64_t i = 0; i < a->size; ++i) {
        Ref item(get_item(ts, a, i));
        int eq = item ? obj_eq(ts, *item, args[1]) : -1;
        if (eq < 0) return Value();
        count += eq;
    }
    return make_int(ts, count);
}

Value array_reverse(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "reverse", "reverse", 0, 0)) return Value();
    ArrayObject* a = arr(args[0]);
    std::string tmp(a->itemsize, '\0');
    for (uint64_t i = 0, j = a->size; i + 1 < j; ++i, --j) {
        std::memcpy(tmp.data(), item_ptr(a, i), a->itemsize);
        std::memcpy(item_ptr(a, i), item_ptr(a, j - 1), a->itemsize);
        std::memcpy(item_ptr(a, j - 1), tmp.data(), a->itemsize);
    }
    return Value::none();
}

Value array_tobytes(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "tobytes", "tobytes", 0, 0)) return Value();
    ArrayObject* a = arr(args[0]);
    return make_bytes(ts, std::string_view(a->data, a->size * a->itemsize));
}

Value array_frombytes(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "frombytes", "frombytes", 1, 1)) return Value();
    std::string_view d;
    if (!bytes_like_view(ts, args[1], &d)) return Value();
    return extend_bytes(ts, arr(args[0]), d) ? Value::none() : Value();
}

Value array_tolist(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "tolist", "tolist", 0, 0)) return Value();
    ArrayObject* a = arr(args[0]);
    Ref list(list_new(ts, a->size));
    if (!list) return Value();
    for (uint64_t i = 0; i < a->size; ++i) {
        Value v = get_item(ts, a, i);
        if (v.is_null() || !list_append_steal(ts, *list, v)) return Value();
    }
    return list.release();
}

Value array_fromlist(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "fromlist", "fromlist", 1, 1)) return Value();
    if (!is_list(ts, args[1])) return raise(ts, ts.exc_types().TypeError, "arg must be list");
    ArrayObject* a = arr(args[0]);
    uint64_t old = a->size;
    for (uint64_t i = 0; i < list_size(args[1]); ++i) {
        if (append_value(ts, a, list_item(args[1], i))) continue;
        if (a->exports == 0 && a->size > old) a->size = old;  // all or nothing, as CPython
        return Value();
    }
    return Value::none();
}

Value array_tounicode(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "tounicode", "tounicode", 0, 0)) return Value();
    ArrayObject* a = arr(args[0]);
    if (a->typecode != 'u')
        return raise(ts, ts.exc_types().ValueError,
                     "tounicode() may only be called on unicode type arrays");
    std::string s;
    for (uint64_t i = 0; i < a->size; ++i) {
        uint32_t cp;
        std::memcpy(&cp, item_ptr(a, i), 4);
        utf8_append(s, cp);
    }
    return make_str(ts, s);
}

Value array_fromunicode(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "fromunicode", "fromunicode", 1, 1)) return Value();
    ArrayObject* a = arr(args[0]);
    if (!is_str(ts, args[1]))
        return raise_fmt(ts, ts.exc_types().TypeError, "fromunicode() argument must be str, not {}",
                         type_name(ts, args[1]));
    if (a->typecode != 'u')
        return raise(ts, ts.exc_types().ValueError,
                     "fromunicode() may only be called on unicode type arrays");
    return extend_unicode(ts, a, args[1]) ? Value::none() : Value();
}

Value array_byteswap(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "byteswap", "byteswap", 0, 0)) return Value();
    ArrayObject* a = arr(args[0]);
    for (uint64_t i = 0; i < a->size; ++i) std::reverse(item_ptr(a, i), item_ptr(a, i + 1));
    return Value::none();
}

Value array_buffer_info(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "buffer_info", "buffer_info", 0, 0)) return Value();
    ArrayObject* a = arr(args[0]);
    Ref addr(make_int_u64(ts, reinterpret_cast<uintptr_t>(a->data)));
    Ref n(make_int_u64(ts, a->size));
    if (!addr || !n) return Value();
    return tuple_pack(ts, {*addr, *n});
}

Value array_copy(ThreadState& ts, Args args) {
    ArrayObject* a = arr(args[0]);
    return copy_of(ts, a, array_type(ts.interp()), 0, a->size);
}

// --- pickling, in CPython's two forms ---

// CPython's machine format codes (the third argument of
// _array_reconstructor): how the bytes of a pickled array are laid out.
enum MachineFormat : int {
    kUInt8 = 0,
    kInt8 = 1,
    kUInt16Le = 2,
    kInt16Le = 4,
    kUInt32Le = 6,
    kInt32Le = 8,
    kUInt64Le = 10,
    kInt64Le = 12,
    kFloatLe = 14,
    kDoubleLe = 16,
    kUtf16Le = 18,
    kUtf32Le = 20,
    kMachineFormatMax = 21,
};

// The format this machine stores `typecode` in (little-endian hosts).
int native_machine_format(char typecode) {
    switch (typecode) {
        case 'b':
            return kInt8;
        case 'B':
            return kUInt8;
        case 'h':
            return kInt16Le;
        case 'H':
            return kUInt16Le;
        case 'i':
            return kInt32Le;
        case 'I':
            return kUInt32Le;
        case 'l':
        case 'q':
            return kInt64Le;
        case 'L':
        case 'Q':
            return kUInt64Le;
        case 'f':
            return kFloatLe;
        case 'd':
            return kDoubleLe;
        default:
            return kUtf32Le;
    }
}

bool machine_signed(int m) {
    return m == kInt8 || m == 4 || m == 5 || m == 8 || m == 9 || m == 12 || m == 13;
}

// One item of machine format `m` at `p` as a Python value.
Value decode_machine_item(ThreadState& ts, int m, const char* p, uint32_t size) {
    const bool big = m >= 2 && m % 2 == 1;
    uint64_t bits = 0;
    for (uint32_t k = 0; k < size; ++k)
        bits |= uint64_t(static_cast<unsigned char>(p[k])) << (8 * (big ? size - 1 - k : k));
    if (m == kFloatLe || m == kFloatLe + 1) {
        auto u = static_cast<uint32_t>(bits);
        float f;
        std::memcpy(&f, &u, 4);
        return make_float(ts, f);
    }
    if (m == kDoubleLe || m == kDoubleLe + 1) {
        double d;
        std::memcpy(&d, &bits, 8);
        return make_float(ts, d);
    }
    if (m >= kUtf16Le) return str_from_codepoint(ts, static_cast<uint32_t>(bits));
    const bool is_signed = machine_signed(m);
    if (is_signed && size < 8) {
        uint64_t sign = uint64_t(1) << (8 * size - 1);
        bits = (bits ^ sign) - sign;
    }
    return is_signed ? make_int(ts, static_cast<int64_t>(bits)) : make_int_u64(ts, bits);
}

uint32_t machine_item_size(int m) {
    if (m <= kInt8) return 1;
    if (m <= 5 || m == kUtf16Le || m == kUtf16Le + 1) return 2;
    if (m <= 9 || m == kFloatLe || m == kFloatLe + 1 || m >= kUtf32Le) return 4;
    return 8;
}

// array._array_reconstructor(arraytype, typecode, mformat_code, items):
// what protocol 3+ pickles of arrays call.
Value array_reconstructor(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "_array_reconstructor", 4, 4)) return Value();
    Value type = args[0], code = args[1], items = args[3];
    if (!type.is_object() || type.as_object()->kind != ObjKind::Type)
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "first argument must be a type object, not {}", type_name(ts, type));
    auto* t = as<TypeObject>(type);
    if (!type_is_subtype(t, array_type(ts.interp())))
        return raise_fmt(ts, ts.exc_types().TypeError, "{} is not a subtype of array.array",
                         t->name_cstr);
    if (!is_str(ts, code) || str_len(code) != 1 || !std::strchr(kTypecodes, str_view(code)[0]))
        return raise(ts, ts.exc_types().ValueError, "second argument must be a valid type code");
    int64_t m;
    if (!obj_index(ts, args[2], &m)) return Value();
    if (m < 0 || m > kMachineFormatMax)
        return raise(ts, ts.exc_types().ValueError,
                     "third argument must be a valid machine format code.");
    if (!is_bytes(items))
        return raise_fmt(ts, ts.exc_types().TypeError, "fourth argument should be bytes, not {}",
                         type_name(ts, items));
    char c = str_view(code)[0];
    uint32_t size = machine_item_size(static_cast<int>(m));
    if (m < kFloatLe && m != native_machine_format(c)) {
        // Integers in a foreign layout become the first typecode of that
        // size and signedness, as CPython does ('l' from int32 gives 'i').
        for (const char* k = "bBhHiIlLqQ"; *k; ++k) {
            const bool is_signed = *k >= 'a';
            if (typecode_size(*k) == size && is_signed == machine_signed(static_cast<int>(m))) {
                c = *k;
                break;
            }
        }
    }
    Ref r(new_array(ts, t, c));
    if (!r) return Value();
    std::string_view d = bytes_view(items);
    if (m == native_machine_format(c)) return extend_bytes(ts, arr(*r), d) ? r.release() : Value();
    if (d.size() % size != 0)
        return raise(ts, ts.exc_types().ValueError, "bytes length not a multiple of item size");
    for (size_t k = 0; k < d.size(); k += size) {
        Ref v(decode_machine_item(ts, static_cast<int>(m), d.data() + k, size));
        if (!v || !append_value(ts, arr(*r), *v)) return Value();
    }
    return r.release();
}

// __reduce_ex__(protocol): (array, (typecode, list), state) below protocol
// 3, else (_array_reconstructor, (type, typecode, mformat, bytes), state),
// as CPython, so pickles are byte-identical. state is the instance
// __dict__ of a subclass, or None.
Value array_reduce_ex(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "__reduce_ex__", "__reduce_ex__", 1, 1)) return Value();
    Value self = args[0];
    ArrayObject* a = arr(self);
    int64_t protocol;
    if (!obj_index(ts, args[1], &protocol)) return Value();
    Ref name(make_str(ts, "__dict__"));
    Ref state(name ? obj_getattr_opt(ts, self, *name) : Value());
    if (!state) {
        if (ts.has_exception()) return Value();
        state = Ref::borrow(Value::none());
    }
    Ref code(str_from_codepoint(ts, static_cast<unsigned char>(a->typecode)));
    if (!code) return Value();
    if (protocol < 3) {
        Ref list(array_tolist(ts, Args{&self, 1, nullptr}));
        Ref inner(list ? tuple_pack(ts, {*code, *list}) : Value());
        if (!inner) return Value();
        return tuple_pack(ts, {val(type_of(ts, self)), *inner, *state});
    }
    Ref data(make_bytes(ts, std::string_view(a->data, a->size * a->itemsize)));
    if (!data) return Value();
    Value mformat = Value::small_int(native_machine_format(a->typecode));
    Ref inner(tuple_pack(ts, {val(type_of(ts, self)), *code, mformat, *data}));
    if (!inner) return Value();
    return tuple_pack(ts, {array_state(ts.interp()).reconstructor, *inner, *state});
}

Value array_get_typecode(ThreadState& ts, Value self) {
    return str_from_codepoint(ts, static_cast<unsigned char>(arr(self)->typecode));
}

Value array_get_itemsize(ThreadState&, Value self) {
    return Value::small_int(arr(self)->itemsize);
}

constexpr MethodDef kArrayMethods[] = {
    {"append", array_append},
    {"extend", array_extend},
    {"insert", array_insert},
    {"pop", array_pop},
    {"remove", array_remove},
    {"index", array_index},
    {"count", array_count},
    {"reverse", array_reverse},
    {"tobytes", array_tobytes},
    {"frombytes", array_frombytes},
    {"tolist", array_tolist},
    {"fromlist", array_fromlist},
    {"tounicode", array_tounicode},
    {"fromunicode", array_fromunicode},
    {"byteswap", array_byteswap},
    {"buffer_info", array_buffer_info},
    {"__copy__", array_copy},
    {"__deepcopy__", array_copy},
    {"__reduce_ex__", array_reduce_ex},
};

constexpr GetSetDef kArrayGetSets[] = {
    {"typecode", array_get_typecode},
    {"itemsize", array_get_itemsize},
};

// --- the iterator: reads the length each step, so it sees appends ---

struct ArrayIterObject {
    Object hdr;
    Value seq;  // the array (owned); null once exhausted
    uint64_t index;
};

Value array_iter(ThreadState& ts, Value self) {
    auto* it = alloc<ArrayIterObject>(array_state(ts.interp()).iter_type);
    if (!it) return raise_memory_error(ts);
    it->seq = new_ref(self);
    return val(it);
}

void array_iter_dealloc(Object* o) {
    decref(reinterpret_cast<ArrayIterObject*>(o)->seq);
    free_object(o);
}

Value array_iter_self(ThreadState&, Value self) {
    return new_ref(self);
}

Value array_iter_next(ThreadState& ts, Value self) {
    auto* it = as<ArrayIterObject>(self);
    if (it->seq.is_null()) return Value();
    if (it->index >= arr(it->seq)->size) {
        clear_ref(it->seq);
        return Value();
    }
    return get_item(ts, arr(it->seq), it->index++);
}

TypeObject* new_array_iter_type(Interpreter& interp) {
    TypeObject* t = type_alloc_builtin(interp, "arrayiterator", ObjKind::Native,
                                       sizeof(ArrayIterObject), interp.types.object, 0);
    t->hdr.type = interp.types.type;
    t->dealloc = array_iter_dealloc;
    t->iter = array_iter_self;
    t->iternext = array_iter_next;
    Ref mod(interp.intern("array"));
    type_set_attr_cstr(interp, t, "__module__", *mod);
    type_ready(interp, t);
    return t;
}

TypeObject* new_array_type(Interpreter& interp) {
    TypeObject* t = type_alloc_builtin(interp, "array", ObjKind::Native, sizeof(ArrayObject),
                                       interp.types.object, kTypeBaseType);
    t->hdr.type = interp.types.type;
    t->new_ = array_new;
    t->dealloc = array_dealloc;
    t->repr = array_repr;
    t->hash = array_hash;
    t->richcompare = array_richcompare;
    t->len = array_len;
    t->getitem = array_subscript;
    t->iter = array_iter;
    t->setitem = array_ass_subscript;
    t->buffer = &kArrayBuffer;
    t->nb[static_cast<int>(BinOp::Add)] = array_concat;
    t->nb[static_cast<int>(BinOp::Mul)] = array_repeat;
    t->nb_inplace[static_cast<int>(BinOp::Add)] = array_iconcat;
    t->nb_inplace[static_cast<int>(BinOp::Mul)] = array_irepeat;
    type_add_methods(interp, t, kArrayMethods);
    type_add_getsets(interp, t, kArrayGetSets);
    // A str of its own, not the interned module name: CPython's pickles
    // write the class's module name again rather than a memo reference to
    // _array_reconstructor's, and ours are byte-identical.
    Ref mod(make_str(interp, "array"));
    type_set_attr_cstr(interp, t, "__module__", *mod);
    type_ready(interp, t);
    return t;
}

TypeObject* array_type(Interpreter& interp) {
    return array_state(interp).type;
}

constexpr MethodDef kArrayFunctions[] = {
    {"_array_reconstructor", array_reconstructor},
};

ArrayState& array_state(Interpreter& interp) {
    return module_state<ArrayState>(interp, "array", [&](ArrayState& state) {
        state.type = new_array_type(interp);
        state.iter_type = new_array_iter_type(interp);
    });
}

}  // namespace

Value init_array_module(ThreadState& ts) {
    TypeObject* t = array_type(ts.interp());
    Ref m(module_new(ts, "array"));
    Ref codes(make_str(ts, kTypecodes));
    if (!m || !codes || !module_add_value(ts, *m, "array", val(t)) ||
        !module_add_value(ts, *m, "ArrayType", val(t)) ||
        !module_add_value(ts, *m, "typecodes", *codes) ||
        !module_add_functions(ts, *m, kArrayFunctions))
        return Value();
    Ref name(make_str(ts, "_array_reconstructor"));
    ArrayState& state = array_state(ts.interp());
    if (!name) return Value();
    set_ref(state.reconstructor, new_ref(dict_get_str(module_dict(*m), *name)));
    return m.release();
}

}  // namespace gilt
