// struct: packing Python values into C structs held in bytes, and back.
//
// A format ("<ih2s") is compiled once into a Layout: one Field per value
// with its code, byte offset and size, plus the total size. Struct objects
// own their Layout; the module-level functions (pack, unpack, ...) find
// theirs in a small per-interpreter cache keyed by the format text, as
// CPython's _struct does, so a loop calling struct.pack('<i', x) parses the
// format once.
//
// Byte orders: '@' (the default) is native order, native sizes and native
// alignment (each item aligned to its size); '=' is native order with the
// standard sizes and no alignment; '<' little-endian, '>' and '!'
// big-endian, standard sizes, no alignment. 'n', 'N' and 'P' exist only in
// native mode.
//
// Range errors follow CPython 3.11 exactly, including its quirk: for the
// byte order that matches the machine CPython substitutes the native
// packers when the sizes agree, so '<h' says "short format requires ..."
// where '>h' says "'h' format requires ...", and 8-byte integers in the
// other order say "int too large to convert". `Layout::host_order` records
// which family a layout uses.
#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

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
#include "runtime/module.hpp"
#include "runtime/module_state.hpp"
#include "runtime/range.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "runtime/type.hpp"
#include "stdlib/modules.hpp"

namespace gilt {

namespace {

// --- compiled formats ---

struct Field {
    char code;
    uint32_t size;    // bytes of one item ('s'/'p': the whole string)
    uint64_t offset;  // from the start of the struct
};

struct Layout {
    std::vector<Field> fields;  // one per packed value ('x' pads have none)
    uint64_t size = 0;
    bool native = true;      // '@': native sizes and alignment
    bool little = true;      // byte order
    bool host_order = true;  // the machine's order: CPython's native packers apply
};

constexpr bool kHostLittle = std::endian::native == std::endian::little;

struct StructState {
    TypeObject* struct_type = nullptr;
    TypeObject* iter_type = nullptr;
    Value error;  // struct.error (owned)
    std::unordered_map<std::string, std::shared_ptr<const Layout>> cache;

    ~StructState() { decref(error); }
};

StructState& struct_state(Interpreter& interp);

Value raise_struct_error(ThreadState& ts, std::string_view msg) {
    Value cls = struct_state(ts.interp()).error;
    Ref text(make_str(ts, msg));
    Ref exc(text ? call1(ts, cls, *text) : Value());
    if (!exc) return Value();
    return raise_instance(ts, exc.release());
}

template <class... A>
Value struct_error_fmt(ThreadState& ts, fmt::format_string<A...> f, A&&... a) {
    return raise_struct_error(ts, fmt::format(f, std::forward<A>(a)...));
}

// Size of one item of `code`, 0 when the code is not valid in this mode.
uint32_t item_size(char code, bool native) {
    switch (code) {
        case 'x':
        case 'c':
        case 'b':
        case 'B':
        case '?':
        case 's':
        case 'p':
            return 1;
        case 'h':
        case 'H':
        case 'e':
            return 2;
        case 'i':
        case 'I':
        case 'f':
            return 4;
        case 'l':
        case 'L':
            return native ? 8 : 4;
        case 'q':
        case 'Q':
        case 'd':
            return 8;
        case 'n':
        case 'N':
        case 'P':
            return native ? 8 : 0;
        default:
            return 0;
    }
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

constexpr uint64_t kMaxStructSize = uint64_t(1) << 62;

// Reads the byte-order prefix of `f` into `out`; returns where items start.
size_t parse_order(std::string_view f, Layout* out) {
    char c = f.empty() ? '@' : f[0];
    out->native = c != '=' && c != '<' && c != '>' && c != '!';
    out->little = c == '<' || (c == '=' || out->native ? kHostLittle : false);
    out->host_order = out->little == kHostLittle;
    return (c == '@' || !out->native) && !f.empty() ? 1 : 0;
}

// Adds `count` items of `code` at the end of the layout.
bool add_items(ThreadState& ts, Layout* out, char code, uint64_t count) {
    uint32_t size = item_size(code, out->native);
    if (out->native && size > 1) out->size = (out->size + size - 1) / size * size;
    if (code == 's' || code == 'p') {
        if (count > kMaxStructSize)
            return struct_error_fmt(ts, "total struct size too long"), false;
        out->fields.push_back(Field{code, static_cast<uint32_t>(count), out->size});
        out->size += count;
    } else if (code == 'x') {
        out->size += count;
    } else {
        if (count > kMaxStructSize / size || out->fields.size() + count > (uint64_t(1) << 28))
            return struct_error_fmt(ts, "total struct size too long"), false;
        // One field per item: a huge count is MemoryError here, not an abort
        // in the vector's growth. (CPython keeps one entry per repeated code.)
        uint64_t want = out->fields.size() + count;
        if (!check_alloc_size(ts, want * sizeof(Field))) return false;
        out->fields.reserve(static_cast<size_t>(want));
        for (uint64_t k = 0; k < count; ++k, out->size += size)
            out->fields.push_back(Field{code, size, out->size});
    }
    if (out->size > kMaxStructSize)
        return struct_error_fmt(ts, "total struct size too long"), false;
    return true;
}

bool compile_format(ThreadState& ts, std::string_view f, Layout* out) {
    size_t i = parse_order(f, out);
    while (i < f.size()) {
        char c = f[i];
        if (is_space(c)) {
            ++i;
            continue;
        }
        uint64_t count = 1;
        if (c >= '0' && c <= '9') {
            count = 0;
            while (i < f.size() && f[i] >= '0' && f[i] <= '9') {
                if (count > (kMaxStructSize - 9) / 10)
                    return struct_error_fmt(ts, "total struct size too long"), false;
                count = count * 10 + static_cast<uint64_t>(f[i++] - '0');
            }
            if (i == f.size())
                return struct_error_fmt(ts, "repeat count given without format specifier"), false;
            c = f[i];
        }
        if (!item_size(c, out->native))
            return struct_error_fmt(ts, "bad char in struct format"), false;
        if (!add_items(ts, out, c, count)) return false;
        ++i;
    }
    return true;
}

// The text of a format argument (str or bytes); false with CPython's TypeError.
bool format_text(ThreadState& ts, Value format, std::string_view* out) {
    if (is_str(ts, format)) {
        *out = str_view(format);
        return true;
    }
    if (is_bytes(format)) {
        *out = bytes_view(format);
        return true;
    }
    raise_fmt(ts, ts.exc_types().TypeError,
              "Struct() argument 1 must be a str or bytes object, not {}", type_name(ts, format));
    return false;
}

// The cached layout of a format (module-level functions). Shared, not
// borrowed: packing can run Python code (__index__, __float__) that calls
// struct with other formats and empties the cache under the caller.
using LayoutRef = std::shared_ptr<const Layout>;
LayoutRef cached_layout(ThreadState& ts, Value format) {
    std::string_view text;
    if (!format_text(ts, format, &text)) return nullptr;
    StructState& st = struct_state(ts.interp());
    auto it = st.cache.find(std::string(text));
    if (it != st.cache.end()) return it->second;
    auto layout = std::make_shared<Layout>();
    if (!compile_format(ts, text, layout.get())) return nullptr;
    if (st.cache.size() >= 100) st.cache.clear();  // CPython's bound on its cache
    return st.cache.emplace(std::string(text), std::move(layout)).first->second;
}

// --- packing one value ---

void store_uint(char* p, uint64_t bits, uint32_t size, bool little) {
    for (uint32_t k = 0; k < size; ++k) {
        uint32_t shift = 8 * (little ? k : size - 1 - k);
        p[k] = static_cast<char>((bits >> shift) & 0xff);
    }
}

uint64_t load_uint(const char* p, uint32_t size, bool little) {
    uint64_t bits = 0;
    for (uint32_t k = 0; k < size; ++k) {
        uint64_t byte = static_cast<unsigned char>(p[k]);
        bits |= byte << (8 * (little ? k : size - 1 - k));
    }
    return bits;
}

// The CPython message for a value outside the range of a small integer code.
std::string range_message(char code, const Layout& L, bool is_signed, uint32_t size) {
    if (code == 'b') return "byte format requires -128 <= number <= 127";
    if (code == 'B') return "ubyte format requires 0 <= number <= 255";
    if (L.host_order && code == 'h') return "short format requires -32768 <= number <= 32767";
    if (L.host_order && code == 'H') return "ushort format requires 0 <= number <= 65535";
    uint64_t umax = (uint64_t(1) << (8 * size)) - 1;
    if (!is_signed) return fmt::format("'{}' format requires 0 <= number <= {}", code, umax);
    int64_t max = static_cast<int64_t>(umax >> 1);
    return fmt::format("'{}' format requires {} <= number <= {}", code, -max - 1, max);
}

bool is_signed_code(char c) {
    return c == 'b' || c == 'h' || c == 'i' || c == 'l' || c == 'q' || c == 'n';
}

// An integer field of fewer than 8 bytes.
bool small_int_bits(ThreadState& ts, char code, const Layout& L, uint32_t size, Value i,
                    uint64_t* bits) {
    const bool is_signed = is_signed_code(code);
    // 'B' and the host-order 'H' read a signed long first, so -1 is a range
    // error for them; the other unsigned codes read an unsigned long.
    const bool via_long = is_signed || code == 'B' || (code == 'H' && L.host_order);
    int64_t s;
    uint64_t u;
    if (via_long) {
        if (!int_to_int64(i, &s)) return struct_error_fmt(ts, "argument out of range"), false;
        int64_t max = static_cast<int64_t>((uint64_t(1) << (8 * size - (is_signed ? 1 : 0))) - 1);
        int64_t min = is_signed ? -max - 1 : 0;
        if (s < min || s > max)
            return raise_struct_error(ts, range_message(code, L, is_signed, size)), false;
        *bits = static_cast<uint64_t>(s);
        return true;
    }
    if (!int_to_uint64(i, &u)) return struct_error_fmt(ts, "argument out of range"), false;
    if (u > (uint64_t(1) << (8 * size)) - 1)
        return raise_struct_error(ts, range_message(code, L, false, size)), false;
    *bits = u;
    return true;
}

// An 8-byte integer field ('q', 'Q', native 'l', 'L', 'n', 'N', 'P').
bool wide_int_bits(ThreadState& ts, char code, const Layout& L, Value i, uint64_t* bits) {
    int64_t s;
    uint64_t u;
    bool ok;
    if (code == 'P') {
        ok = int_to_int64(i, &s) ? (u = static_cast<uint64_t>(s), true) : int_to_uint64(i, &u);
    } else if (is_signed_code(code)) {
        ok = int_to_int64(i, &s);
        u = static_cast<uint64_t>(s);
    } else {
        ok = int_to_uint64(i, &u);
    }
    if (!ok) {
        const bool bytearray_path = code == 'P' || !L.host_order;
        return struct_error_fmt(
                   ts, "{}", bytearray_path ? "int too large to convert" : "argument out of range"),
               false;
    }
    *bits = u;
    return true;
}

bool pack_integer(ThreadState& ts, const Field& f, const Layout& L, Value v, char* p) {
    Ref i(obj_index_value(ts, v));
    if (!i) {
        if (!exception_matches(ts, ts.exc_types().TypeError)) return false;
        clear_exception(ts);
        return raise_struct_error(ts, "required argument is not an integer"), false;
    }
    uint64_t bits;
    bool ok = f.size < 8 ? small_int_bits(ts, f.code, L, f.size, *i, &bits)
                         : wide_int_bits(ts, f.code, L, *i, &bits);
    if (!ok) return false;
    store_uint(p, bits, f.size, L.little);
    return true;
}

// IEEE 754 half precision, rounding to nearest even. false: too large.
bool double_to_half(double x, uint16_t* out) {
    uint16_t sign = std::signbit(x) ? 0x8000 : 0;
    double ax = std::fabs(x);
    if (std::isnan(x)) {
        *out = sign | 0x7e00;
        return true;
    }
    if (std::isinf(x) || ax == 0) {
        *out = sign | (std::isinf(x) ? 0x7c00 : 0);
        return true;
    }
    int e;
    std::frexp(ax, &e);
    int exp = e - 1;  // ax = 1.m * 2**exp
    if (exp < -14) {  // subnormal: a multiple of 2**-24 (1024 becomes the least normal)
        *out = sign | static_cast<uint16_t>(std::nearbyint(std::ldexp(ax, 24)));
        return true;
    }
    double m = std::nearbyint((std::ldexp(ax, -exp) - 1.0) * 1024);
    if (m == 1024) {
        m = 0;
        ++exp;
    }
    if (exp > 15) return false;
    *out = sign | static_cast<uint16_t>((exp + 15) << 10) | static_cast<uint16_t>(m);
    return true;
}

double half_to_double(uint16_t h) {
    int e = (h >> 10) & 0x1f;
    int m = h & 0x3ff;
    double v;
    if (e == 0)
        v = std::ldexp(m, -24);
    else if (e == 31)
        v = m ? std::numeric_limits<double>::quiet_NaN() : std::numeric_limits<double>::infinity();
    else
        v = std::ldexp(m + 1024, e - 25);
    return (h & 0x8000) ? -v : v;
}

bool pack_real(ThreadState& ts, const Field& f, const Layout& L, Value v, char* p) {
    double d;
    if (!obj_as_double(ts, v, &d)) {  // any failure, as CPython's get_float words it
        clear_exception(ts);
        return raise_struct_error(ts, "required argument is not a float"), false;
    }
    uint64_t bits;
    if (f.code == 'd') {
        bits = std::bit_cast<uint64_t>(d);
    } else if (f.code == 'f') {
        auto x = static_cast<float>(d);
        if (!L.native && std::isinf(x) && !std::isinf(d)) {
            raise(ts, ts.exc_types().OverflowError, "float too large to pack with f format");
            return false;
        }
        bits = std::bit_cast<uint32_t>(x);
    } else {
        uint16_t h;
        if (!double_to_half(d, &h)) {
            raise(ts, ts.exc_types().OverflowError, "float too large to pack with e format");
            return false;
        }
        bits = h;
    }
    store_uint(p, bits, f.size, L.little);
    return true;
}

bool pack_string(ThreadState& ts, const Field& f, Value v, char* p) {
    if (!is_bytes(v) && !is_bytearray(v))
        return struct_error_fmt(ts, "argument for '{}' must be a bytes object", f.code), false;
    std::string_view d = byteslike_data(v);
    if (f.code == 's') {
        std::memcpy(p, d.data(), std::min<size_t>(d.size(), f.size));
        return true;
    }
    if (f.size == 0) return true;
    size_t n = std::min<size_t>(d.size(), f.size - 1);
    std::memcpy(p + 1, d.data(), n);
    *p = static_cast<char>(std::min<size_t>(n, 255));
    return true;
}

bool pack_value(ThreadState& ts, const Field& f, const Layout& L, Value v, char* p) {
    switch (f.code) {
        case 'c':
            if (!is_bytes(v) || bytes_view(v).size() != 1)
                return raise_struct_error(ts, "char format requires a bytes object of length 1"),
                       false;
            *p = bytes_view(v)[0];
            return true;
        case '?': {
            int t = obj_truthy(ts, v);
            if (t < 0) return false;
            *p = static_cast<char>(t);
            return true;
        }
        case 's':
        case 'p':
            return pack_string(ts, f, v, p);
        case 'e':
        case 'f':
        case 'd':
            return pack_real(ts, f, L, v, p);
        default:
            return pack_integer(ts, f, L, v, p);
    }
}

// Packs values[0..n) into `out` (L.size bytes, zeroed by the caller).
bool pack_all(ThreadState& ts, const Layout& L, const char* who, const Value* values, uint64_t n,
              char* out) {
    if (n != L.fields.size()) {
        struct_error_fmt(ts, "{} expected {} items for packing (got {})", who, L.fields.size(), n);
        return false;
    }
    for (uint64_t k = 0; k < n; ++k) {
        if (pack_value(ts, L.fields[k], L, values[k], out + L.fields[k].offset)) continue;
        // CPython reports any overflow while packing an int this way, even
        // for the float codes.
        if (is_int(values[k]) && exception_matches(ts, ts.exc_types().OverflowError)) {
            clear_exception(ts);
            raise_struct_error(ts, "int too large to convert");
        }
        return false;
    }
    return true;
}

// --- unpacking one value ---

Value unpack_value(ThreadState& ts, const Field& f, const Layout& L, const char* p) {
    switch (f.code) {
        case 'c':
            return make_bytes(ts, std::string_view(p, 1));
        case '?':
            return Value::boolean(*p != 0);
        case 's':
            return make_bytes(ts, std::string_view(p, f.size));
        case 'p': {
            if (f.size == 0) return make_bytes(ts, "");
            size_t n = std::min<size_t>(static_cast<unsigned char>(*p), f.size - 1);
            return make_bytes(ts, std::string_view(p + 1, n));
        }
        case 'e':
            return make_float(ts, half_to_double(static_cast<uint16_t>(load_uint(p, 2, L.little))));
        case 'f':
            return make_float(
                ts, std::bit_cast<float>(static_cast<uint32_t>(load_uint(p, 4, L.little))));
        case 'd':
            return make_float(ts, std::bit_cast<double>(load_uint(p, 8, L.little)));
        default:
            break;
    }
    uint64_t bits = load_uint(p, f.size, L.little);
    if (!is_signed_code(f.code)) return make_int_u64(ts, bits);
    if (f.size < 8) {
        uint64_t sign = uint64_t(1) << (8 * f.size - 1);
        bits = (bits ^ sign) - sign;  // sign-extend
    }
    return make_int(ts, static_cast<int64_t>(bits));
}

Value unpack_all(ThreadState& ts, const Layout& L, const char* data) {
    Ref t(tuple_new(ts, L.fields.size()));
    if (!t) return Value();
    for (uint64_t k = 0; k < L.fields.size(); ++k) {
        Value v = unpack_value(ts, L.fields[k], L, data + L.fields[k].offset);
        if (v.is_null()) return Value();
        tuple_obj(*t)->items[k] = v;
    }
    return t.release();
}

// --- the operations, shared by Struct methods and module functions ---

Value do_pack(ThreadState& ts, const Layout& L, const Value* values, uint64_t n) {
    BytesObject* b = bytes_alloc(ts, L.size);
    if (!b) return Value();
    Ref r(val(b));
    if (!pack_all(ts, L, "pack", values, n, b->data)) return Value();
    return r.release();
}

Value do_unpack(ThreadState& ts, const Layout& L, Value buffer) {
    BufferRef buf;
    if (!buf.get(ts, buffer)) return Value();
    if (static_cast<uint64_t>(buf.view().len) != L.size)
        return struct_error_fmt(ts, "unpack requires a buffer of {} bytes", L.size);
    return unpack_all(ts, L, buf.view().buf);
}

// A negative offset counts from the end (CPython's rules and messages).
bool resolve_offset(ThreadState& ts, int64_t* offset, int64_t len, const Layout& L, bool packing) {
    if (*offset < 0) {
        if (*offset + len < 0) {
            struct_error_fmt(ts, "offset {} out of range for {}-byte buffer", *offset, len);
            return false;
        }
        if (packing && *offset + static_cast<int64_t>(L.size) > 0) {
            struct_error_fmt(ts, "no space to pack {} bytes at offset {}", L.size, *offset);
            return false;
        }
        *offset += len;
    }
    if (len - *offset < static_cast<int64_t>(L.size)) {
        struct_error_fmt(ts,
                         "{} requires a buffer of at least {} bytes for {} {} bytes at offset {} "
                         "(actual buffer size is {})",
                         packing ? "pack_into" : "unpack_from",
                         static_cast<int64_t>(L.size) + *offset, packing ? "packing" : "unpacking",
                         L.size, *offset, len);
        return false;
    }
    return true;
}

Value do_unpack_from(ThreadState& ts, const Layout& L, Args args) {
    Value buffer, offset_v;
    if (!parse_args(ts, args, "unpack_from", {"buffer", "|", "offset"}, {&buffer, &offset_v}))
        return Value();
    int64_t offset = 0;
    if (!offset_v.is_null() && !index_as_ssize(ts, offset_v, &offset)) return Value();
    BufferRef buf;
    if (!buf.get(ts, buffer)) return Value();
    if (!resolve_offset(ts, &offset, buf.view().len, L, false)) return Value();
    return unpack_all(ts, L, buf.view().buf + offset);
}

Value do_pack_into(ThreadState& ts, const Layout& L, Args args) {
    if (args.n < 1) return raise_struct_error(ts, "pack_into expected buffer argument");
    if (args.n < 2) return raise_struct_error(ts, "pack_into expected offset argument");
    BufferRef buf;
    if (!has_buffer(ts, args[0]) || !buf.get(ts, args[0], kBufWritable)) {
        if (ts.has_exception()) clear_exception(ts);
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "argument must be read-write bytes-like object, not {}",
                         type_name(ts, args[0]));
    }
    int64_t offset;
    if (!index_as_ssize(ts, args[1], &offset)) return Value();
    if (args.n - 2 != L.fields.size())
        return struct_error_fmt(ts, "pack_into expected {} items for packing (got {})",
                                L.fields.size(), args.n - 2);
    if (!resolve_offset(ts, &offset, buf.view().len, L, true)) return Value();
    char* out = buf.view().buf + offset;
    std::memset(out, 0, L.size);
    if (!pack_all(ts, L, "pack_into", args.v + 2, args.n - 2, out)) return Value();
    return Value::none();
}

// --- the unpack iterator ---

struct UnpackIterObject {
    Object hdr;
    Value owner;  // the Struct (owned)
    const Layout* layout;
    Buffer view;  // held until the iterator is exhausted or freed
    int64_t index;
};

Value do_iter_unpack(ThreadState& ts, Value owner, const Layout& L, Value buffer) {
    if (L.size == 0)
        return raise_struct_error(ts, "cannot iteratively unpack with a struct of length 0");
    auto* it = alloc<UnpackIterObject>(struct_state(ts.interp()).iter_type);
    if (!it) return raise_memory_error(ts);
    Ref r(val(it));
    it->owner = new_ref(owner);
    it->layout = &L;
    if (!get_buffer(ts, buffer, &it->view, kBufSimple)) return Value();
    if (static_cast<uint64_t>(it->view.len) % L.size != 0)
        return struct_error_fmt(
            ts, "iterative unpacking requires a buffer of a multiple of {} bytes", L.size);
    return r.release();
}

void unpack_iter_dealloc(Object* o) {
    auto* it = reinterpret_cast<UnpackIterObject*>(o);
    release_buffer(&it->view);
    decref(it->owner);
    free_object(o);
}

Value unpack_iter_self(ThreadState&, Value self) {
    return new_ref(self);
}

Value unpack_iter_next(ThreadState& ts, Value self) {
    auto* it = as<UnpackIterObject>(self);
    if (it->view.obj.is_null()) return Value();
    const Layout& L = *it->layout;
    auto pos = static_cast<uint64_t>(it->index) * L.size;
    if (pos + L.size > static_cast<uint64_t>(it->view.len)) {
        release_buffer(&it->view);
        return Value();
    }
    ++it->index;
    return unpack_all(ts, L, it->view.buf + pos);
}

Value unpack_iter_length_hint(ThreadState& ts, Args args) {
    auto* it = as<UnpackIterObject>(args[0]);
    if (it->view.obj.is_null()) return Value::small_int(0);
    return make_int(ts, it->view.len / static_cast<int64_t>(it->layout->size) - it->index);
}

constexpr MethodDef kUnpackIterMethods[] = {
    {"__length_hint__", unpack_iter_length_hint},
};

// --- Struct ---

struct StructObject {
    Object hdr;
    Layout* layout;  // owned (new/delete); null only while being built
    Value format;    // str
};

StructObject* st(Value v) {
    return as<StructObject>(v);
}

Value struct_new(ThreadState& ts, TypeObject* type, Args args) {
    Value format;
    if (!parse_args(ts, args, "Struct", {"format"}, {&format})) return Value();
    std::string_view text;
    if (!format_text(ts, format, &text)) return Value();
    auto layout = std::make_unique<Layout>();
    if (!compile_format(ts, text, layout.get())) return Value();
    auto* s = alloc<StructObject>(type);
    if (!s) return raise_memory_error(ts);
    s->layout = layout.release();
    s->format = is_str(ts, format) ? new_ref(format) : make_str(ts, text);
    if (s->format.is_null()) {
        decref(val(s));
        return Value();
    }
    return val(s);
}

int struct_init(ThreadState&, Value, Args) {
    return 0;
}

void struct_dealloc(Object* o) {
    auto* s = reinterpret_cast<StructObject*>(o);
    delete s->layout;
    decref(s->format);
    free_object(o);
}

Value struct_pack(ThreadState& ts, Args args) {
    if (!no_kwargs(ts, args, "pack")) return Value();
    return do_pack(ts, *st(args[0])->layout, args.v + 1, args.n - 1);
}

Value struct_unpack(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "unpack", "unpack", 1, 1)) return Value();
    return do_unpack(ts, *st(args[0])->layout, args[1]);
}

Value struct_unpack_from(ThreadState& ts, Args args) {
    return do_unpack_from(ts, *st(args[0])->layout, args.drop_first());
}

Value struct_pack_into(ThreadState& ts, Args args) {
    if (!no_kwargs(ts, args, "pack_into")) return Value();
    return do_pack_into(ts, *st(args[0])->layout, args.drop_first());
}

Value struct_iter_unpack(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "iter_unpack", "iter_unpack", 1, 1)) return Value();
    return do_iter_unpack(ts, args[0], *st(args[0])->layout, args[1]);
}

Value struct_get_format(ThreadState&, Value self) {
    return new_ref(st(self)->format);
}

Value struct_get_size(ThreadState& ts, Value self) {
    return make_int_u64(ts, st(self)->layout->size);
}

constexpr MethodDef kStructMethods[] = {
    {"pack", struct_pack},
    {"unpack", struct_unpack},
    {"unpack_from", struct_unpack_from},
    {"pack_into", struct_pack_into},
    {"iter_unpack", struct_iter_unpack},
};

constexpr GetSetDef kStructGetSets[] = {
    {"format", struct_get_format},
    {"size", struct_get_size},
};

// --- module functions: the first argument is the format ---

bool module_layout(ThreadState& ts, Args args, LayoutRef* out) {
    if (args.n == 0) {
        raise(ts, ts.exc_types().TypeError, "missing format argument");
        return false;
    }
    *out = cached_layout(ts, args[0]);
    return *out != nullptr;
}

Value mod_pack(ThreadState& ts, Args args) {
    LayoutRef L;
    if (!no_kwargs(ts, args, "pack") || !module_layout(ts, args, &L)) return Value();
    return do_pack(ts, *L, args.v + 1, args.n - 1);
}

Value mod_unpack(ThreadState& ts, Args args) {
    LayoutRef L;
    if (!check_nargs(ts, args, "unpack", 2, 2) || !module_layout(ts, args, &L)) return Value();
    return do_unpack(ts, *L, args[1]);
}

Value mod_unpack_from(ThreadState& ts, Args args) {
    Value format, buffer, offset;
    if (!parse_args(ts, args, "unpack_from", {"format", "buffer", "|", "offset"},
                    {&format, &buffer, &offset}))
        return Value();
    LayoutRef L = cached_layout(ts, format);
    if (!L) return Value();
    Value rest[2] = {buffer, offset.is_null() ? Value::small_int(0) : offset};
    return do_unpack_from(ts, *L, Args{rest, 2, nullptr});
}

Value mod_pack_into(ThreadState& ts, Args args) {
    LayoutRef L;
    if (!no_kwargs(ts, args, "pack_into") || !module_layout(ts, args, &L)) return Value();
    return do_pack_into(ts, *L, args.drop_first());
}

Value mod_iter_unpack(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "iter_unpack", 2, 2)) return Value();
    Ref s(call1(ts, val(struct_state(ts.interp()).struct_type), args[0]));
    if (!s) return Value();
    return do_iter_unpack(ts, *s, *st(*s)->layout, args[1]);
}

Value mod_calcsize(ThreadState& ts, Args args) {
    LayoutRef L;
    if (!check_nargs(ts, args, "calcsize", 1, 1) || !module_layout(ts, args, &L)) return Value();
    return make_int_u64(ts, L->size);
}

Value mod_clearcache(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "_clearcache", 0, 0)) return Value();
    struct_state(ts.interp()).cache.clear();
    return Value::none();
}

constexpr MethodDef kStructFunctions[] = {
    {"pack", mod_pack},
    {"unpack", mod_unpack},
    {"unpack_from", mod_unpack_from},
    {"pack_into", mod_pack_into},
    {"iter_unpack", mod_iter_unpack},
    {"calcsize", mod_calcsize},
    {"_clearcache", mod_clearcache},
};

// --- types, created once per interpreter ---

void set_module_name(Interpreter& interp, TypeObject* t, const char* module) {
    Ref mod(interp.intern(module));
    type_set_attr_cstr(interp, t, "__module__", *mod);
}

TypeObject* new_struct_type(Interpreter& interp) {
    TypeObject* t = type_alloc_builtin(interp, "Struct", ObjKind::Native, sizeof(StructObject),
                                       interp.types.object, kTypeBaseType);
    t->hdr.type = interp.types.type;
    t->new_ = struct_new;
    t->init = struct_init;
    t->dealloc = struct_dealloc;
    type_add_methods(interp, t, kStructMethods);
    type_add_getsets(interp, t, kStructGetSets);
    set_module_name(interp, t, "_struct");
    type_ready(interp, t);
    return t;
}

TypeObject* new_unpack_iter_type(Interpreter& interp) {
    TypeObject* t = type_alloc_builtin(interp, "unpack_iterator", ObjKind::Native,
                                       sizeof(UnpackIterObject), interp.types.object, 0);
    t->hdr.type = interp.types.type;
    t->dealloc = unpack_iter_dealloc;
    t->iter = unpack_iter_self;
    t->iternext = unpack_iter_next;
    type_add_methods(interp, t, kUnpackIterMethods);
    set_module_name(interp, t, "_struct");
    type_ready(interp, t);
    return t;
}

// struct.error: a plain Exception subclass defined by the module.
Value new_error_class(ThreadState& ts) {
    Ref name(make_str(ts, "error"));
    Ref ns(dict_new(ts));
    Ref mod(make_str(ts, "struct"));
    if (!name || !ns || !mod || !dict_set(ts, *ns, ts.names().__module__, *mod)) return Value();
    Ref bases(tuple_pack(ts, {val(ts.exc_types().Exception)}));
    if (!bases) return Value();
    return type_new_class(ts, ts.types().type, *name, *bases, *ns);
}

StructState& struct_state(Interpreter& interp) {
    return module_state<StructState>(interp, "struct", [&](StructState& state) {
        state.struct_type = new_struct_type(interp);
        state.iter_type = new_unpack_iter_type(interp);
    });
}

}  // namespace

Value init_struct_module(ThreadState& ts) {
    StructState& state = struct_state(ts.interp());
    if (state.error.is_null()) state.error = new_error_class(ts);
    if (state.error.is_null()) return Value();
    Ref m(module_new(ts, "struct"));
    if (!m || !module_add_functions(ts, *m, kStructFunctions) ||
        !module_add_value(ts, *m, "Struct", val(state.struct_type)) ||
        !module_add_value(ts, *m, "error", state.error))
        return Value();
    return m.release();
}

}  // namespace gilt
