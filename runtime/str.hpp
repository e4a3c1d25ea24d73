// str: immutable UTF-8 text with its code-point length and hash cached.
//
// The bytes live inline after the header (one allocation). `aux` in the
// header records whether the text is pure ASCII, which makes indexing,
// slicing and len() O(1); non-ASCII strings index by walking code points.
// Interned strings (identifiers, attribute names) are unique per
// interpreter, so equal interned strings compare by pointer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"

namespace gilt {

struct StrObject {
    Object hdr;
    int64_t hash;  // -1 until computed
    uint64_t byte_len;
    uint64_t char_len;  // code points
    char data[1];       // byte_len bytes + NUL
};

inline constexpr uint16_t kStrAscii = 1;

// Where a str subclass instance keeps its `__dict__`: after the text and its
// NUL, 8-byte aligned (the str subclass layout, see runtime/instance.hpp).
inline constexpr uint64_t str_dict_offset(uint64_t byte_len) noexcept {
    return (offsetof(StrObject, data) + byte_len + 1 + 7) & ~uint64_t(7);
}

inline StrObject* str_obj(Value v) noexcept {
    return reinterpret_cast<StrObject*>(v.as_object());
}
inline std::string_view str_view(Value v) noexcept {
    StrObject* s = str_obj(v);
    return {s->data, s->byte_len};
}
// The NUL-terminated bytes (valid while the str lives; may contain NULs).
inline const char* str_cstr_unsafe(Value v) noexcept {
    return str_obj(v)->data;
}
inline bool str_is_ascii(Value v) noexcept {
    return (v.as_object()->aux & kStrAscii) != 0;
}
inline uint64_t str_len(Value v) noexcept {
    return str_obj(v)->char_len;
}
// True for str and str subclasses.
bool is_str(ThreadState& ts, Value v) noexcept;
inline bool is_exact_str(ThreadState& ts, Value v) noexcept {
    return v.is_object() && v.as_object()->type == ts.types().str;
}

// Copies the bytes of a str being built. Most strs are short, and short
// copies done here with a few loads and stores beat a call into memcpy,
// whose dispatch on the size mispredicts when lengths vary from call to call.
inline void copy_str_bytes(char* dst, const char* src, std::size_t n) noexcept {
    if (n > 16) {
        std::memcpy(dst, src, n);
    } else if (n >= 8) {  // two overlapping words
        uint64_t a, b;
        std::memcpy(&a, src, 8);
        std::memcpy(&b, src + n - 8, 8);
        std::memcpy(dst, &a, 8);
        std::memcpy(dst + n - 8, &b, 8);
    } else if (n >= 4) {
        uint32_t a, b;
        std::memcpy(&a, src, 4);
        std::memcpy(&b, src + n - 4, 4);
        std::memcpy(dst, &a, 4);
        std::memcpy(dst + n - 4, &b, 4);
    } else if (n > 0) {  // first, middle and last byte cover 1 to 3
        char a = src[0], b = src[n / 2], c = src[n - 1];
        dst[0] = a;
        dst[n / 2] = b;
        dst[n - 1] = c;
    }
}

// New str from UTF-8 bytes (assumed valid UTF-8). Null + MemoryError on failure.
// Empty and one-character ASCII results are the interpreter's shared
// singletons (interp.empty_str, interp.one_char_strs).
Value make_str(ThreadState& ts, std::string_view utf8);
// Start-up variant (no exception is set on failure).
Value make_str(Interpreter& interp, std::string_view utf8);
// Same, when the caller already knows the code-point count and whether the
// text is ASCII (skips the scan).
Value make_str_known(ThreadState& ts, std::string_view utf8, uint64_t char_len, bool ascii);
// An uninitialised exact str of `byte_len` bytes for the caller to fill
// (data[byte_len] is already NUL); `char_len` and `ascii` must describe the
// bytes that will be written. Null + MemoryError on failure. Never a
// singleton: the caller owns the only reference and may write into it.
StrObject* str_alloc(ThreadState& ts, uint64_t byte_len, uint64_t char_len, bool ascii);
Value str_empty(ThreadState& ts);  // new reference to interp.empty_str
// New str from a code point.
Value str_from_codepoint(ThreadState& ts, uint32_t cp);
int64_t str_hash(Value s) noexcept;
// The hash function of str and bytes (equal for equal bytes, so
// hash(b'ab') == hash('ab') as in CPython). Never -1.
int64_t hash_bytes(std::string_view data) noexcept;
bool str_eq(Value a, Value b) noexcept;  // both str
Value str_concat(ThreadState& ts, Value a, Value b);
// s[i] for 0 <= i < len, and s[start:stop:step] (already clamped indices).
Value str_getchar(ThreadState& ts, Value s, int64_t i);
Value str_slice(ThreadState& ts, Value s, int64_t start, int64_t stop, int64_t step);
// s * n (n < 0 counts as 0).
Value str_repeat(ThreadState& ts, Value s, int64_t n);
// Byte offset of code point `index` (0 <= index <= len) in s.
uint64_t str_byte_offset(Value s, uint64_t index) noexcept;
// Python repr of a str ('...' with escapes, choosing quotes as CPython).
std::string str_repr(std::string_view utf8);
// repr() as a str object.
Value str_repr_value(ThreadState& ts, Value s);
// Replaces every non-ASCII code point of valid UTF-8 by \xhh, \uhhhh or
// \Uhhhhhhhh (what ascii() does to a repr).
std::string ascii_escape(std::string_view utf8);
// Validates UTF-8; used when decoding bytes and reading files.
bool utf8_valid(std::string_view bytes) noexcept;

// bytes.decode / str(b, encoding, errors): codecs utf-8, ascii, latin-1
// (with their usual aliases), errors strict / ignore / replace. Raises
// LookupError "unknown encoding: x" and UnicodeDecodeError like CPython.
Value str_decode(ThreadState& ts, std::string_view data, std::string_view encoding,
                 std::string_view errors);
// str.encode(encoding, errors) -> bytes.
Value str_encode(ThreadState& ts, Value s, std::string_view encoding, std::string_view errors);

// Appends b to *s, in place when *s is an exact, uninterned str that
// nobody else references (refcount 1): the eval loop's `s += t` then costs
// amortised O(len(t)) instead of a copy (CPython's unicode_concatenate).
// *s is an owned reference, replaced by the result. false on MemoryError.
[[nodiscard]] bool str_append_inplace(ThreadState& ts, Value* s, Value b);

// Byte-string search shared by str and bytes. find_bytes: first match at or
// after byte `from`; rfind_bytes: last match starting at or after `from`
// and ending at or before hay.size(). Both return -1 when absent.
int64_t find_bytes(std::string_view hay, std::string_view needle, uint64_t from = 0) noexcept;
int64_t rfind_bytes(std::string_view hay, std::string_view needle, uint64_t from = 0) noexcept;

// --- argument helpers shared by the str, bytes and bytearray methods ---
// `args` includes self at args[0]; `qualname` is "str.upper", `name` "upper".
// Each fails with CPython's exact wording for its kind of builtin:
//   method_noargs    "str.upper() takes no arguments (1 given)"
//   method_onearg    "str.zfill() takes exactly one argument (0 given)"
//   method_posargs   clinic positional-only: "center expected at least 1
//                    argument, got 0"; keywords: "str.center() takes no
//                    keyword arguments"
//   method_oldargs   PyArg_ParseTuple style: "find() takes at least 1
//                    argument (0 given)"; keywords as above
[[nodiscard]] bool method_noargs(ThreadState& ts, Args args, const char* qualname);
[[nodiscard]] bool method_onearg(ThreadState& ts, Args args, const char* qualname);
[[nodiscard]] bool method_posargs(ThreadState& ts, Args args, const char* name,
                                  const char* qualname, uint32_t min, uint32_t max);
[[nodiscard]] bool method_oldargs(ThreadState& ts, Args args, const char* name,
                                  const char* qualname, uint32_t min, uint32_t max);
// A start/end argument of find() and friends: None (or null) leaves *out
// unchanged; anything else goes through slice_index_clamped (range.hpp).
// For other integer arguments (width, count) use index_as_ssize.
[[nodiscard]] bool slice_index_arg(ThreadState& ts, Value v, int64_t* out);
// CPython's ADJUST_INDICES: clamps [start, end) to a sequence of length len.
inline void adjust_indices(int64_t* start, int64_t* end, int64_t len) noexcept {
    if (*end > len) {
        *end = len;
    } else if (*end < 0) {
        *end += len;
        if (*end < 0) *end = 0;
    }
    if (*start < 0) {
        *start += len;
        if (*start < 0) *start = 0;
    }
}
// format(value, spec) for str (the format-spec mini-language: fill, align, width, precision).
Value str_format_spec(ThreadState& ts, Value s, std::string_view spec);
// "%" formatting: fmt % args.
Value str_percent_format(ThreadState& ts, Value fmt, Value args);
// str.format(*args, **kwargs): args[0] is the format string.
Value str_format_method(ThreadState& ts, Args args);
// str.format_map(mapping).
Value str_format_map(ThreadState& ts, Value fmt, Value mapping);

// The methods table lives in str_methods.cpp; define_str_type adds it.
void str_add_methods(Interpreter& interp, TypeObject* t);

void define_str_type(Interpreter& interp, TypeObject* t);
void define_str_iterator_type(Interpreter& interp, TypeObject* t);

}  // namespace gilt
