// str: the object itself, hashing, equality and ordering, concatenation and
// repetition, indexing and slicing, repr, iteration and the constructor.
// The methods are in str_methods.cpp, formatting in str_format.cpp, UTF-8
// and the character database in unicode.cpp.
//
// Invariants (see str.hpp): `data` is valid UTF-8 followed by a NUL;
// `char_len` counts code points; `aux & kStrAscii` is set exactly when every
// byte is < 0x80, which is the same as byte_len == char_len, so code that
// knows both counts never rescans to compute the flag. `hash` is -1 until
// first computed. UTF-8 orders like its code points under bytewise
// comparison, so ordering is memcmp, and a valid needle found bytewise
// always starts on a code point boundary: searching never decodes.
#include "runtime/str.hpp"
#include "runtime/heap_meter.hpp"

#include <cstddef>
#include <cstdlib>
#include <cstring>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/bytes.hpp"
#include "runtime/errors.hpp"
#include "runtime/heap.hpp"
#include "runtime/instance.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/range.hpp"
#include "runtime/unicode.hpp"

namespace gilt {

namespace {

Value str_iter_length_hint(ThreadState& ts, Args args);

constexpr MethodDef kStrIteratorMethods[] = {
    {"__length_hint__", str_iter_length_hint},
};

constexpr size_t kStrHeaderSize = offsetof(StrObject, data);
// Beyond this a str is refused with MemoryError (no 64-bit size overflow).
constexpr uint64_t kMaxStrBytes = uint64_t(1) << 48;

StrObject* alloc_raw(TypeObject* type, uint64_t byte_len, uint64_t char_len) noexcept {
    if (byte_len > kMaxStrBytes) return nullptr;
    // Subclass instances may carry more fields (an instance dict slot),
    // which must start zeroed; plain strs have only what is set below.
    size_t size = type->dict_offset == kDictAfterItems ? str_dict_offset(byte_len) + sizeof(Value)
                                                       : kStrHeaderSize + byte_len + 1;
    // A subclass instance with a __dict__ can be part of a reference cycle,
    // so the collector must see it.
    Object* o = type->dict_offset == kDictAfterItems ? alloc_gc_object(type, size)
                : (type->flags & kTypeHeap)          ? alloc_object(type, size)
                                                     : alloc_object_uninit(type, size);
    auto* s = reinterpret_cast<StrObject*>(o);
    if (!s) return nullptr;
    s->hash = -1;
    s->byte_len = byte_len;
    s->char_len = char_len;
    if (byte_len == char_len) s->hdr.aux |= kStrAscii;
    s->data[byte_len] = '\0';  // the caller writes the bytes before it
    return s;
}

StrObject* alloc_copy(TypeObject* type, std::string_view utf8, uint64_t char_len) noexcept {
    StrObject* s = alloc_raw(type, utf8.size(), char_len);
    if (s && !utf8.empty()) copy_str_bytes(s->data, utf8.data(), utf8.size());
    return s;
}

Value one_char(ThreadState& ts, unsigned char c) {
    Value v = ts.interp().one_char_strs[c];
    if (!v.is_null()) return new_ref(v);
    return make_str_known(ts, std::string_view(reinterpret_cast<const char*>(&c), 1), 1, true);
}

int str_compare(Value a, Value b) noexcept {
    std::string_view x = str_view(a), y = str_view(b);
    size_t n = x.size() < y.size() ? x.size() : y.size();
    int c = n ? std::memcmp(x.data(), y.data(), n) : 0;
    if (c != 0) return c;
    return x.size() < y.size() ? -1 : x.size() > y.size() ? 1 : 0;
}

inline uint64_t rotl(uint64_t x, int r) noexcept {
    return (x << r) | (x >> (64 - r));
}

inline uint64_t fmix(uint64_t k) noexcept {
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdull;
    k ^= k >> 33;
    k *= 0xc4ceb9fe1a85ec53ull;
    k ^= k >> 33;
    return k;
}

inline uint64_t mix_block(uint64_t k) noexcept {
    k *= 0x87c37b91114253d5ull;
    k = rotl(k, 31);
    return k * 0x4cf5ad432745937full;
}

}  // namespace

// --- creation ---

bool is_str(ThreadState&, Value v) noexcept {
    return v.is_object() && v.as_object()->kind == ObjKind::Str;
}

StrObject* str_alloc(ThreadState& ts, uint64_t byte_len, uint64_t char_len, bool ascii) {
    (void)ascii;  // implied by byte_len == char_len
    StrObject* s = alloc_raw(ts.types().str, byte_len, char_len);
    if (!s) raise_memory_error(ts);
    return s;
}

Value str_empty(ThreadState& ts) {
    Value e = ts.interp().empty_str;
    if (!e.is_null()) return new_ref(e);
    StrObject* s = str_alloc(ts, 0, 0, true);
    return s ? val(s) : Value();
}

Value make_str_known(ThreadState& ts, std::string_view utf8, uint64_t char_len, bool ascii) {
    (void)ascii;
    if (utf8.empty()) return str_empty(ts);
    if (utf8.size() == 1 && static_cast<unsigned char>(utf8[0]) < 0x80) {
        Value v = ts.interp().one_char_strs[static_cast<unsigned char>(utf8[0])];
        if (!v.is_null()) return new_ref(v);
    }
    StrObject* s = alloc_copy(ts.types().str, utf8, char_len);
    if (!s) return raise_memory_error(ts);
    return val(s);
}

Value make_str(ThreadState& ts, std::string_view utf8) {
    bool ascii = ascii_only(utf8);
    return make_str_known(ts, utf8, ascii ? utf8.size() : utf8_count(utf8), ascii);
}

Value make_str(Interpreter& interp, std::string_view utf8) {
    if (utf8.empty() && !interp.empty_str.is_null()) return new_ref(interp.empty_str);
    if (utf8.size() == 1 && static_cast<unsigned char>(utf8[0]) < 0x80) {
        Value v = interp.one_char_strs[static_cast<unsigned char>(utf8[0])];
        if (!v.is_null()) return new_ref(v);
    }
    bool ascii = ascii_only(utf8);
    StrObject* s = alloc_copy(interp.types.str, utf8, ascii ? utf8.size() : utf8_count(utf8));
    return s ? val(s) : Value();
}

Value str_from_codepoint(ThreadState& ts, uint32_t cp) {
    if (cp < 0x80) return one_char(ts, static_cast<unsigned char>(cp));
    char buf[4];
    int n = utf8_encode(cp, buf);
    return make_str_known(ts, std::string_view(buf, static_cast<size_t>(n)), 1, false);
}

// --- hashing and equality ---

// A murmur3-style hash over 8-byte blocks: fast on long keys, well mixed on
// short ones. Deterministic (CPython randomises per process; nothing may
// depend on either).
int64_t hash_bytes(std::string_view d) noexcept {
    const char* p = d.data();
    const size_t n = d.size();
    uint64_t h = 0x243f6a8885a308d3ull ^ (n * 0x9e3779b97f4a7c15ull);
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t k;
        std::memcpy(&k, p + i, 8);
        h ^= mix_block(k);
        h = rotl(h, 27) * 5 + 0x52dce729;
    }
    if (i < n) {
        // The 1 to 7 tail bytes as a little-endian word, zero-extended (what
        // a memcpy into a zeroed word gives, without the call): two
        // overlapping 4-byte loads, or the first, middle and last byte.
        const auto* t = reinterpret_cast<const unsigned char*>(p + i);
        size_t m = n - i;
        uint64_t k;
        if (m >= 4) {
            uint32_t lo, hi;
            std::memcpy(&lo, t, 4);
            std::memcpy(&hi, t + m - 4, 4);
            k = lo | (uint64_t(hi) << ((m - 4) * 8));
        } else {
            k = uint64_t(t[0]) | (uint64_t(t[m / 2]) << (m / 2 * 8)) |
                (uint64_t(t[m - 1]) << ((m - 1) * 8));
        }
        h ^= mix_block(k);
    }
    auto r = static_cast<int64_t>(fmix(h));
    return r == -1 ? -2 : r;
}

int64_t str_hash(Value s) noexcept {
    StrObject* so = str_obj(s);
    if (so->hash == -1) so->hash = hash_bytes(str_view(s));
    return so->hash;
}

bool str_eq(Value a, Value b) noexcept {
    if (a == b) return true;
    StrObject* x = str_obj(a);
    StrObject* y = str_obj(b);
    if (x->byte_len != y->byte_len) return false;
    if (x->hash != -1 && y->hash != -1 && x->hash != y->hash) return false;
    return std::memcmp(x->data, y->data, x->byte_len) == 0;
}

// --- searching ---

int64_t find_bytes(std::string_view hay, std::string_view needle, uint64_t from) noexcept {
    if (from > hay.size()) return -1;
    if (needle.empty()) return static_cast<int64_t>(from);
    const void* r = memmem(hay.data() + from, hay.size() - from, needle.data(), needle.size());
    return r ? static_cast<const char*>(r) - hay.data() : -1;
}

int64_t rfind_bytes(std::string_view hay, std::string_view needle, uint64_t from) noexcept {
    if (from > hay.size() || needle.size() > hay.size() - from) return -1;
    size_t pos = hay.rfind(needle);
    return pos == std::string_view::npos || pos < from ? -1 : static_cast<int64_t>(pos);
}

// --- concatenation and repetition ---

Value str_concat(ThreadState& ts, Value a, Value b) {
    StrObject* x = str_obj(a);
    StrObject* y = str_obj(b);
    if (y->byte_len == 0 && is_exact_str(ts, a)) return new_ref(a);
    if (x->byte_len == 0 && is_exact_str(ts, b)) return new_ref(b);
    StrObject* r = str_alloc(ts, x->byte_len + y->byte_len, x->char_len + y->char_len, false);
    if (!r) return Value();
    copy_str_bytes(r->data, x->data, x->byte_len);
    copy_str_bytes(r->data + x->byte_len, y->data, y->byte_len);
    return val(r);
}

bool str_append_inplace(ThreadState& ts, Value* s, Value b) {
    Object* o = s->as_object();
    StrObject* x = str_obj(*s);
    StrObject* y = str_obj(b);
    if (o->refcnt != 1 || o->type != ts.types().str || (o->flags & kObjInterned) ||
        x->byte_len == 0 || x->byte_len == 1) {  // singletons are shared
        Value r = str_concat(ts, *s, b);
        if (r.is_null()) return false;
        set_ref(*s, r);
        return true;
    }
    uint64_t n = x->byte_len + y->byte_len;
    if (n > kMaxStrBytes) {
        raise_memory_error(ts);
        return false;
    }
    // b may be *s itself (s += s): read its length before moving the block.
    uint64_t ylen = y->byte_len, ychars = y->char_len;
    const bool self_append = b == *s;
    auto* r =
        alloc_size_possible(kStrHeaderSize + n + 1)
            ? static_cast<StrObject*>(heap_realloc(x->hdr.type->interp, x, kStrHeaderSize + n + 1))
            : nullptr;
    if (!r) {
        raise_memory_error(ts);
        return false;
    }
    std::memcpy(r->data + r->byte_len, self_append ? r->data : y->data, ylen);
    r->byte_len = n;
    r->char_len += ychars;
    r->data[n] = 0;
    r->hash = -1;
    r->hdr.aux = r->byte_len == r->char_len ? kStrAscii : 0;
    *s = val(r);
    return true;
}

Value str_repeat(ThreadState& ts, Value s, int64_t n) {
    StrObject* x = str_obj(s);
    if (n <= 0 || x->byte_len == 0) return str_empty(ts);
    if (n == 1 && is_exact_str(ts, s)) return new_ref(s);
    // CPython's OverflowError is for a size past sys.maxsize; a size that
    // fits but cannot be allocated is a MemoryError.
    if (static_cast<uint64_t>(n) > static_cast<uint64_t>(INT64_MAX) / x->byte_len)
        return raise(ts, ts.exc_types().OverflowError, "repeated string is too long");
    if (static_cast<uint64_t>(n) > kMaxStrBytes / x->byte_len) return raise_memory_error(ts);
    uint64_t total = x->byte_len * static_cast<uint64_t>(n);
    StrObject* r = str_alloc(ts, total, x->char_len * static_cast<uint64_t>(n), false);
    if (!r) return Value();
    if (x->byte_len == 1) {
        std::memset(r->data, x->data[0], total);
        return val(r);
    }
    // Doubling copies: log2(n) memcpy calls.
    std::memcpy(r->data, x->data, x->byte_len);
    uint64_t done = x->byte_len;
    while (done < total) {
        uint64_t chunk = done < total - done ? done : total - done;
        std::memcpy(r->data + done, r->data, chunk);
        done += chunk;
    }
    return val(r);
}

// --- indexing and slicing ---

uint64_t str_byte_offset(Value s, uint64_t index) noexcept {
    StrObject* so = str_obj(s);
    return utf8_offset(str_view(s), so->char_len, index);
}

Value str_getchar(ThreadState& ts, Value s, int64_t i) {
    StrObject* so = str_obj(s);
    if (so->byte_len == so->char_len) return one_char(ts, static_cast<unsigned char>(so->data[i]));
    uint64_t off = str_byte_offset(s, static_cast<uint64_t>(i));
    auto lead = static_cast<unsigned char>(so->data[off]);
    if (lead < 0x80) return one_char(ts, lead);
    return make_str_known(
        ts, std::string_view(so->data + off, static_cast<size_t>(utf8_seq_len(lead))), 1, false);
}

namespace {

// Non-ASCII slice with a step other than 1: walk code points, copying every
// step-th one.
Value slice_stepped_utf8(ThreadState& ts, Value s, int64_t start, int64_t step, int64_t count) {
    std::string_view v = str_view(s);
    std::string out;
    out.reserve(static_cast<size_t>(count) * 2);
    uint64_t off = str_byte_offset(s, static_cast<uint64_t>(start));
    for (int64_t k = 0; k < count; ++k) {
        int len = utf8_seq_len(static_cast<unsigned char>(v[off]));
        out.append(v.data() + off, static_cast<size_t>(len));
        if (k + 1 == count) break;
        if (step > 0) {
            for (int64_t j = 0; j < step; ++j)
                off += utf8_seq_len(static_cast<unsigned char>(v[off]));
        } else {
            for (int64_t j = 0; j < -step; ++j) {
                do --off;
                while (utf8_is_cont(static_cast<unsigned char>(v[off])));
            }
        }
    }
    return make_str_known(ts, out, static_cast<uint64_t>(count),
                          out.size() == static_cast<size_t>(count));
}

}  // namespace

Value str_slice(ThreadState& ts, Value s, int64_t start, int64_t stop, int64_t step) {
    StrObject* so = str_obj(s);
    // PySlice_AdjustIndices' formula: `stop - start + step - 1` would
    // overflow for a step near the int64 limits ("abc"[::-sys.maxsize]).
    int64_t count = step > 0 ? (stop > start ? (stop - start - 1) / step + 1 : 0)
                             : (start > stop ? (start - stop - 1) / -step + 1 : 0);
    if (count <= 0) return str_empty(ts);
    const bool ascii = so->byte_len == so->char_len;
    if (step == 1) {
        if (count == static_cast<int64_t>(so->char_len) && is_exact_str(ts, s)) return new_ref(s);
        if (ascii)
            return make_str_known(ts,
                                  std::string_view(so->data + start, static_cast<size_t>(count)),
                                  static_cast<uint64_t>(count), true);
        uint64_t b0 = str_byte_offset(s, static_cast<uint64_t>(start));
        uint64_t b1 = b0;
        for (int64_t k = 0; k < count; ++k)
            b1 += utf8_seq_len(static_cast<unsigned char>(so->data[b1]));
        return make_str_known(ts, std::string_view(so->data + b0, b1 - b0),
                              static_cast<uint64_t>(count),
                              b1 - b0 == static_cast<uint64_t>(count));
    }
    if (!ascii) return slice_stepped_utf8(ts, s, start, step, count);
    if (count == 1) return one_char(ts, static_cast<unsigned char>(so->data[start]));
    StrObject* r = str_alloc(ts, static_cast<uint64_t>(count), static_cast<uint64_t>(count), true);
    if (!r) return Value();
    for (int64_t k = 0, i = start; k < count; ++k, i += step) r->data[k] = so->data[i];
    return val(r);
}

// --- repr ---

namespace {

constexpr char kHex[] = "0123456789abcdef";

void append_escape(std::string& out, uint32_t cp) {
    if (cp <= 0xFF) {
        out += "\\x";
    } else if (cp <= 0xFFFF) {
        out += "\\u";
        out += kHex[(cp >> 12) & 15];
        out += kHex[(cp >> 8) & 15];
    } else {
        out += "\\U";
        for (int shift = 28; shift >= 8; shift -= 4) out += kHex[(cp >> shift) & 15];
    }
    out += kHex[(cp >> 4) & 15];
    out += kHex[cp & 15];
}

}  // namespace

std::string str_repr(std::string_view s) {
    const bool has_single = s.find('\'') != std::string_view::npos;
    const bool has_double = s.find('"') != std::string_view::npos;
    const char quote = has_single && !has_double ? '"' : '\'';
    std::string out;
    out.reserve(s.size() + 2);
    out += quote;
    for (size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) {
            uint32_t cp;
            int len = utf8_decode(s.data() + i, &cp);
            if (uc_isprintable(cp))
                out.append(s.data() + i, static_cast<size_t>(len));
            else
                append_escape(out, cp);
            i += static_cast<size_t>(len);
            continue;
        }
        ++i;
        if (c == quote || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c < 0x20 || c == 0x7F) {
            append_escape(out, c);
        } else {
            out += static_cast<char>(c);
        }
    }
    out += quote;
    return out;
}

Value str_repr_value(ThreadState& ts, Value s) {
    std::string r = str_repr(str_view(s));
    return make_str(ts, r);
}

std::string ascii_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            out += static_cast<char>(c);
            ++i;
            continue;
        }
        uint32_t cp;
        i += static_cast<size_t>(utf8_decode(s.data() + i, &cp));
        append_escape(out, cp);
    }
    return out;
}

// --- slots ---

namespace {

void str_dealloc(Object* o) {
    free_object(o);
}

Value str_repr_slot(ThreadState& ts, Value self) {
    return str_repr_value(ts, self);
}

// str(s): the exact str with the same text.
Value str_str_slot(ThreadState& ts, Value self) {
    if (is_exact_str(ts, self)) return new_ref(self);
    StrObject* so = str_obj(self);
    return make_str_known(ts, str_view(self), so->char_len, so->byte_len == so->char_len);
}

bool str_hash_slot(ThreadState&, Value self, int64_t* out) {
    *out = str_hash(self);
    return true;
}

int64_t str_len_slot(ThreadState&, Value self) {
    return static_cast<int64_t>(str_obj(self)->char_len);
}

Value str_richcompare(ThreadState& ts, Value a, Value b, CompareOp op) {
    if (!is_str(ts, a) || !is_str(ts, b)) return Value::not_implemented();
    switch (op) {
        case CompareOp::Eq:
            return Value::boolean(str_eq(a, b));
        case CompareOp::Ne:
            return Value::boolean(!str_eq(a, b));
        case CompareOp::Lt:
            return Value::boolean(str_compare(a, b) < 0);
        case CompareOp::Le:
            return Value::boolean(str_compare(a, b) <= 0);
        case CompareOp::Gt:
            return Value::boolean(str_compare(a, b) > 0);
        case CompareOp::Ge:
            return Value::boolean(str_compare(a, b) >= 0);
    }
    return Value::not_implemented();
}

int str_contains_slot(ThreadState& ts, Value self, Value item) {
    if (!is_str(ts, item)) {
        raise_fmt(ts, ts.exc_types().TypeError,
                  "'in <string>' requires string as left operand, not {}", type_name(ts, item));
        return -1;
    }
    return find_bytes(str_view(self), str_view(item)) >= 0;
}

Value str_subscript(ThreadState& ts, Value self, Value key) {
    const auto len = static_cast<int64_t>(str_obj(self)->char_len);
    if (is_slice(key)) {
        int64_t start, stop, step, count;
        if (!slice_indices(ts, key, len, &start, &stop, &step, &count)) return Value();
        return str_slice(ts, self, start, stop, step);
    }
    int64_t i;
    int r = seq_index_arg(ts, key, &i);
    if (r < 0) return Value();
    if (r == 0)
        return raise_fmt(ts, ts.exc_types().TypeError, "string indices must be integers, not '{}'",
                         type_name(ts, key));
    if (!normalize_index(&i, len))
        return raise(ts, ts.exc_types().IndexError, "string index out of range");
    return str_getchar(ts, self, i);
}

Value str_add_slot(ThreadState& ts, Value a, Value b) {
    if (!is_str(ts, a)) return Value::not_implemented();
    // binary_op words the error ("can only concatenate str (not "int") to
    // str") once the other operand's __radd__ has declined too.
    if (!is_str(ts, b)) return Value::not_implemented();
    return str_concat(ts, a, b);
}

Value str_mul_slot(ThreadState& ts, Value a, Value b) {
    const bool reflected = !is_str(ts, a);
    int64_t count;
    int r = seq_repeat_count(ts, reflected ? a : b, reflected, &count);
    if (r <= 0) return r == 0 ? Value::not_implemented() : Value();
    return str_repeat(ts, reflected ? b : a, count);
}

Value str_mod_slot(ThreadState& ts, Value a, Value b) {
    if (!is_str(ts, a)) return Value::not_implemented();
    return str_percent_format(ts, a, b);
}

// --- the constructor: str(object='', encoding='utf-8', errors='strict') ---

Value str_as_subtype(ThreadState& ts, TypeObject* type, Value s) {
    StrObject* r = alloc_copy(type, str_view(s), str_obj(s)->char_len);
    if (!r) return raise_memory_error(ts);
    return val(r);
}

bool str_arg(ThreadState& ts, Value v, const char* what, std::string_view dflt,
             std::string_view* out) {
    if (v.is_null()) {
        *out = dflt;
        return true;
    }
    if (!is_str(ts, v)) {
        raise_fmt(ts, ts.exc_types().TypeError, "str() argument '{}' must be str, not {}", what,
                  type_name(ts, v));
        return false;
    }
    *out = str_view(v);
    return true;
}

Value str_decode_object(ThreadState& ts, Value obj, Value encoding, Value errors) {
    std::string_view enc, err, data;
    if (!str_arg(ts, encoding, "encoding", "utf-8", &enc) ||
        !str_arg(ts, errors, "errors", "strict", &err))
        return Value();
    if (is_str(ts, obj))
        return raise(ts, ts.exc_types().TypeError, "decoding str is not supported");
    if (!bytes_like_view(ts, obj, &data)) {
        clear_exception(ts);
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "decoding to str: need a bytes-like object, {} found", type_name(ts, obj));
    }
    return str_decode(ts, data, enc, err);
}

Value str_new(ThreadState& ts, TypeObject* type, Args args) {
    Value obj, encoding, errors;
    if (!parse_args(ts, args, "str", {"|", "object", "encoding", "errors"},
                    {&obj, &encoding, &errors}))
        return Value();
    Ref r;
    if (obj.is_null())
        r = Ref(str_empty(ts));
    else if (encoding.is_null() && errors.is_null())
        r = Ref(obj_str(ts, obj));
    else
        r = Ref(str_decode_object(ts, obj, encoding, errors));
    if (r.is_null() || type == ts.types().str) return r.release();
    return str_as_subtype(ts, type, r.get());
}

// --- the iterator ---

struct StrIterObject {
    Object hdr;
    Value str;       // owned; null once exhausted
    uint64_t pos;    // byte offset of the next code point
    uint64_t index;  // code point index of the next code point
};

Value str_iter_slot(ThreadState& ts, Value self) {
    auto* it = alloc<StrIterObject>(ts.types().str_iterator);
    if (!it) return raise_memory_error(ts);
    it->str = new_ref(self);
    return val(it);
}

void str_iter_dealloc(Object* o) {
    decref(reinterpret_cast<StrIterObject*>(o)->str);
    free_object(o);
}

Value str_iter_self(ThreadState&, Value self) {
    return new_ref(self);
}

Value str_iter_next(ThreadState& ts, Value self) {
    auto* it = as<StrIterObject>(self);
    if (it->str.is_null()) return Value();
    StrObject* s = str_obj(it->str);
    if (it->pos >= s->byte_len) {
        clear_ref(it->str);
        return Value();
    }
    auto lead = static_cast<unsigned char>(s->data[it->pos]);
    ++it->index;
    if (lead < 0x80) {
        ++it->pos;
        return one_char(ts, lead);
    }
    auto len = static_cast<uint64_t>(utf8_seq_len(lead));
    std::string_view ch(s->data + it->pos, len);
    it->pos += len;
    return make_str_known(ts, ch, 1, false);
}

Value str_iter_length_hint(ThreadState&, Args args) {
    auto* it = as<StrIterObject>(args[0]);
    if (it->str.is_null()) return Value::small_int(0);
    return Value::small_int(static_cast<int64_t>(str_obj(it->str)->char_len - it->index));
}

}  // namespace

void define_str_type(Interpreter& interp, TypeObject* t) {
    t->instance_kind = ObjKind::Str;
    t->basicsize = sizeof(StrObject);
    t->flags = kTypeBaseType | kTypeStrSubclass;
    t->dealloc = str_dealloc;
    t->repr = str_repr_slot;
    t->str = str_str_slot;
    t->hash = str_hash_slot;
    t->richcompare = str_richcompare;
    t->len = str_len_slot;
    t->getitem = str_subscript;
    t->contains = str_contains_slot;
    t->iter = str_iter_slot;
    t->new_ = str_new;
    t->nb[static_cast<int>(BinOp::Add)] = str_add_slot;
    t->nb[static_cast<int>(BinOp::Mul)] = str_mul_slot;
    t->nb[static_cast<int>(BinOp::Mod)] = str_mod_slot;
    str_add_methods(interp, t);
}

void define_str_iterator_type(Interpreter& interp, TypeObject* t) {
    t->instance_kind = ObjKind::Native;
    t->basicsize = sizeof(StrIterObject);
    t->flags = 0;
    t->dealloc = str_iter_dealloc;
    t->iter = str_iter_self;
    t->iternext = str_iter_next;
    type_add_methods(interp, t, kStrIteratorMethods);
}

}  // namespace gilt
