// The methods bytes and bytearray share (CPython's bytes_methods.c plus the
// common parts of bytesobject.c / bytearrayobject.c). Each works on a view
// of self's bytes and returns results of self's type (bytes_same_kind), so
// bytearray(b'a,b').split(b',') gives bytearrays. Character classes and
// case are ASCII-only, as in CPython. The method tables are in bytes.cpp
// and bytearray.cpp (GILT_BYTES_SHARED_METHODS in bytes.hpp).
#include <algorithm>
#include <climits>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/buffer.hpp"
#include "runtime/bytes.hpp"
#include "runtime/errors.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/range.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "runtime/unicode.hpp"

namespace gilt {

namespace {

// "bytes.upper" or "bytearray.upper", for the argument-count messages.
#define GILT_QUAL(self, name) (is_bytearray(self) ? "bytearray." name : "bytes." name)

TypeObject* type_error(ThreadState& ts) {
    return ts.exc_types().TypeError;
}

inline bool ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\x0b' || c == '\x0c';
}
inline bool ascii_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
inline bool ascii_lower(char c) {
    return c >= 'a' && c <= 'z';
}
inline bool ascii_alpha(char c) {
    return ascii_upper(c) || ascii_lower(c);
}
inline bool ascii_digit(char c) {
    return c >= '0' && c <= '9';
}
inline char to_upper(char c) {
    return ascii_lower(c) ? static_cast<char>(c - 32) : c;
}
inline char to_lower(char c) {
    return ascii_upper(c) ? static_cast<char>(c + 32) : c;
}

Value piece(ThreadState& ts, Value self, std::string_view d, uint64_t b0, uint64_t b1) {
    return bytes_same_kind(ts, self, d.substr(b0, b1 - b0));
}

// self unchanged: the same object for an exact bytes (immutable), a copy
// otherwise (a bytearray result must be a new object).
Value unchanged(ThreadState& ts, Value self) {
    if (self.as_object()->type == ts.types().bytes) return new_ref(self);
    return bytes_same_kind(ts, self, byteslike_data(self));
}

bool push(ThreadState& ts, Value list, Value item) {
    return !item.is_null() && list_append_steal(ts, list, item);
}

// The sub argument of find / count / index: an int (one byte) or bytes-like.
bool sub_arg(ThreadState& ts, Value v, std::string* storage, std::string_view* out) {
    if (is_bytes(v)) {
        *out = bytes_view(v);
        return true;
    }
    if (has_buffer(ts, v)) {
        // A copy: start/end are read after this and may run __index__,
        // which could resize a bytearray or array or release a memoryview.
        if (!bytes_like_view(ts, v, out)) return false;
        storage->assign(*out);
        *out = *storage;
        return true;
    }
    if (!v.is_small_int() && !type_of(ts, v)->nb_index) {
        raise_fmt(ts, type_error(ts), "argument should be integer or bytes-like object, not '{}'",
                  type_name(ts, v));
        return false;
    }
    uint8_t b;
    if (!byte_arg(ts, v, &b)) return false;
    storage->assign(1, static_cast<char>(b));
    *out = *storage;
    return true;
}

struct SubRange {
    std::string storage;
    std::string_view sub;
    int64_t start = 0, end = INT64_MAX;
};

bool parse_sub_range(ThreadState& ts, Args args, const char* name, const char* qualname,
                     SubRange* r, bool int_sub = true) {
    if (!method_oldargs(ts, args, name, qualname, 1, 3)) return false;
    if (int_sub && !sub_arg(ts, args[1], &r->storage, &r->sub)) return false;
    if (args.n > 2 && !slice_index_arg(ts, args[2], &r->start)) return false;
    if (args.n > 3 && !slice_index_arg(ts, args[3], &r->end)) return false;
    adjust_indices(&r->start, &r->end, static_cast<int64_t>(byteslike_data(args[0]).size()));
    return true;
}

enum class Dir { Forward, Backward };

// -2 error, -1 absent.
int64_t find_impl(ThreadState& ts, Args args, const char* name, const char* qualname, Dir dir) {
    SubRange r;
    if (!parse_sub_range(ts, args, name, qualname, &r)) return -2;
    if (r.end - r.start < static_cast<int64_t>(r.sub.size())) return -1;
    std::string_view hay = byteslike_data(args[0]).substr(0, static_cast<size_t>(r.end));
    return dir == Dir::Forward ? find_bytes(hay, r.sub, static_cast<uint64_t>(r.start))
                               : rfind_bytes(hay, r.sub, static_cast<uint64_t>(r.start));
}

Value find_result(ThreadState& ts, int64_t pos, bool raise_if_absent) {
    if (pos == -2) return Value();
    if (pos == -1 && raise_if_absent)
        return raise(ts, ts.exc_types().ValueError, "subsection not found");
    return Value::small_int(pos);
}

bool tail_match(std::string_view d, std::string_view sub, int64_t start, int64_t end, Dir dir) {
    if (end - static_cast<int64_t>(sub.size()) < start) return false;
    std::string_view hay = d.substr(static_cast<size_t>(start), static_cast<size_t>(end - start));
    return dir == Dir::Forward ? hay.substr(0, sub.size()) == sub
                               : hay.substr(hay.size() - sub.size()) == sub;
}

Value starts_ends_with(ThreadState& ts, Args args, const char* name, const char* qualname,
                       Dir dir) {
    SubRange r;
    if (!parse_sub_range(ts, args, name, qualname, &r, false)) return Value();
    std::string_view d = byteslike_data(args[0]);
    Value sub = args[1];
    if (is_bytes(sub) || is_bytearray(sub))
        return Value::boolean(tail_match(d, byteslike_data(sub), r.start, r.end, dir));
    if (!is_tuple(ts, sub))
        return raise_fmt(ts, type_error(ts),
                         "{} first arg must be bytes or a tuple of bytes, not {}", name,
                         type_name(ts, sub));
    for (uint64_t i = 0; i < tuple_size(sub); ++i) {
        std::string_view item;
        if (!bytes_like_view(ts, tuple_item(sub, i), &item)) return Value();
        if (tail_match(d, item, r.start, r.end, dir)) return Value::true_();
    }
    return Value::false_();
}

// --- split ---

bool split_whitespace(ThreadState& ts, Value self, std::string_view d, int64_t maxsplit,
                      Value list) {
    uint64_t i = 0, n = d.size();
    while (maxsplit-- > 0) {
        while (i < n && ascii_space(d[i])) ++i;
        if (i == n) return true;
        uint64_t j = i;
        while (i < n && !ascii_space(d[i])) ++i;
        if (!push(ts, list, piece(ts, self, d, j, i))) return false;
    }
    while (i < n && ascii_space(d[i])) ++i;
    return i == n || push(ts, list, piece(ts, self, d, i, n));
}

bool rsplit_whitespace(ThreadState& ts, Value self, std::string_view d, int64_t maxsplit,
                       Value list) {
    uint64_t i = d.size();
    while (maxsplit-- > 0) {
        while (i > 0 && ascii_space(d[i - 1])) --i;
        if (i == 0) return true;
        uint64_t j = i;
        while (i > 0 && !ascii_space(d[i - 1])) --i;
        if (!push(ts, list, piece(ts, self, d, i, j))) return false;
    }
    while (i > 0 && ascii_space(d[i - 1])) --i;
    return i == 0 || push(ts, list, piece(ts, self, d, 0, i));
}

bool split_sep(ThreadState& ts, Value self, std::string_view d, std::string_view sep,
               int64_t maxsplit, Value list, Dir dir) {
    if (dir == Dir::Forward) {
        uint64_t i = 0;
        for (int64_t pos; maxsplit-- > 0 && (pos = find_bytes(d, sep, i)) >= 0;
             i = static_cast<uint64_t>(pos) + sep.size())
            if (!push(ts, list, piece(ts, self, d, i, static_cast<uint64_t>(pos)))) return false;
        return push(ts, list, piece(ts, self, d, i, d.size()));
    }
    uint64_t j = d.size();
    for (int64_t pos; maxsplit-- > 0 && (pos = rfind_bytes(d.substr(0, j), sep)) >= 0;
         j = static_cast<uint64_t>(pos))
        if (!push(ts, list, piece(ts, self, d, static_cast<uint64_t>(pos) + sep.size(), j)))
            return false;
    return push(ts, list, piece(ts, self, d, 0, j));
}

Value split_common(ThreadState& ts, Args args, const char* name, Dir dir) {
    Value sep_v, maxsplit_v;
    if (!parse_args(ts, args.drop_first(), name, {"|", "sep", "maxsplit"}, {&sep_v, &maxsplit_v}))
        return Value();
    int64_t maxsplit = -1;
    if (!maxsplit_v.is_null() && !index_as_ssize(ts, maxsplit_v, &maxsplit)) return Value();
    if (maxsplit < 0) maxsplit = INT64_MAX;
    std::string_view sep;
    bool by_space = sep_v.is_null() || sep_v.is_none();
    if (!by_space && !bytes_like_view(ts, sep_v, &sep)) return Value();
    if (!by_space && sep.empty()) return raise(ts, ts.exc_types().ValueError, "empty separator");
    Ref list(list_new(ts));
    if (!list) return Value();
    Value self = args[0];
    std::string_view d = byteslike_data(self);
    bool ok = by_space ? (dir == Dir::Forward ? split_whitespace(ts, self, d, maxsplit, *list)
                                              : rsplit_whitespace(ts, self, d, maxsplit, *list))
                       : split_sep(ts, self, d, sep, maxsplit, *list, dir);
    if (!ok) return Value();
    if (dir == Dir::Backward)
        std::reverse(list_obj(*list)->items, list_obj(*list)->items + list_size(*list));
    return list.release();
}

Value partition_common(ThreadState& ts, Args args, const char* qualname, Dir dir) {
    if (!method_onearg(ts, args, qualname)) return Value();
    Value self = args[0];
    std::string_view sep;
    if (!bytes_like_view(ts, args[1], &sep)) return Value();
    if (sep.empty()) return raise(ts, ts.exc_types().ValueError, "empty separator");
    std::string_view d = byteslike_data(self);
    int64_t pos = dir == Dir::Forward ? find_bytes(d, sep) : rfind_bytes(d, sep);
    Ref empty(bytes_same_kind(ts, self, ""));
    if (!empty) return Value();
    if (pos < 0) {
        Ref whole(unchanged(ts, self));
        if (!whole) return Value();
        return dir == Dir::Forward ? tuple_pack(ts, {*whole, *empty, *empty})
                                   : tuple_pack(ts, {*empty, *empty, *whole});
    }
    auto p = static_cast<uint64_t>(pos);
    Ref head(piece(ts, self, d, 0, p)), mid(bytes_same_kind(ts, self, sep)),
        tail(piece(ts, self, d, p + sep.size(), d.size()));
    if (!head || !mid || !tail) return Value();
    return tuple_pack(ts, {*head, *mid, *tail});
}

// --- strip, affixes, padding ---

enum StripSide { kLeft = 1, kRight = 2, kBoth = 3 };

Value strip_common(ThreadState& ts, Args args, const char* name, const char* qualname, int side) {
    if (!method_posargs(ts, args, name, qualname, 0, 1)) return Value();
    Value self = args[0];
    bool set[256] = {};
    Value chars = args.n > 1 ? args[1] : Value::none();
    if (chars.is_none()) {
        for (char c : std::string_view(" \t\n\r\x0b\x0c"))
            set[static_cast<unsigned char>(c)] = true;
    } else {
        std::string_view cs;
        if (!bytes_like_view(ts, chars, &cs)) return Value();
        for (char c : cs) set[static_cast<unsigned char>(c)] = true;
    }
    std::string_view d = byteslike_data(self);
    uint64_t i = 0, j = d.size();
    if (side & kLeft)
        while (i < j && set[static_cast<unsigned char>(d[i])]) ++i;
    if (side & kRight)
        while (j > i && set[static_cast<unsigned char>(d[j - 1])]) --j;
    if (i == 0 && j == d.size()) return unchanged(ts, self);
    return piece(ts, self, d, i, j);
}

Value remove_affix(ThreadState& ts, Args args, const char* qualname, Dir dir) {
    if (!method_onearg(ts, args, qualname)) return Value();
    std::string_view a, d = byteslike_data(args[0]);
    if (!bytes_like_view(ts, args[1], &a)) return Value();
    if (dir == Dir::Forward && d.substr(0, a.size()) == a)
        return piece(ts, args[0], d, a.size(), d.size());
    if (dir == Dir::Backward && d.size() >= a.size() && d.substr(d.size() - a.size()) == a)
        return piece(ts, args[0], d, 0, d.size() - a.size());
    return unchanged(ts, args[0]);
}

// Beyond this many bytes a result is refused with MemoryError, as
// bytes.cpp's allocator does, before std::string is asked for it (it would
// throw, and no C++ exception may leave a builtin).
constexpr uint64_t kMaxResultBytes = uint64_t(1) << 48;

Value pad(ThreadState& ts, Value self, int64_t left, int64_t right, char fill) {
    std::string_view d = byteslike_data(self);
    if (left <= 0 && right <= 0) return unchanged(ts, self);
    // Each term is below 2**63, so the sum cannot wrap.
    const uint64_t total = static_cast<uint64_t>(std::max<int64_t>(left, 0)) +
                           static_cast<uint64_t>(std::max<int64_t>(right, 0)) + d.size();
    if (total > kMaxResultBytes || !check_alloc_size(ts, total)) return raise_memory_error(ts);
    std::string out;
    out.reserve(d.size() +
                static_cast<size_t>(std::max<int64_t>(left, 0) + std::max<int64_t>(right, 0)));
    out.append(static_cast<size_t>(std::max<int64_t>(left, 0)), fill);
    out.append(d);
    out.append(static_cast<size_t>(std::max<int64_t>(right, 0)), fill);
    return bytes_same_kind(ts, self, out);
}

bool parse_width_fill(ThreadState& ts, Args args, const char* name, const char* qualname,
                      int64_t* width, char* fill) {
    if (!method_posargs(ts, args, name, qualname, 1, 2) || !index_as_ssize(ts, args[1], width))
        return false;
    *fill = ' ';
    if (args.n < 3) return true;
    Value f = args[2];
    if ((!is_bytes(f) && !is_bytearray(f)) || byteslike_data(f).size() != 1) {
        raise_fmt(ts, type_error(ts), "{}() argument 2 must be a byte string of length 1, not {}",
                  name, type_name(ts, f));
        return false;
    }
    *fill = byteslike_data(f)[0];
    return true;
}

// --- case and classes ---

enum class CaseOp { Upper, Lower, Capitalize, Swapcase, Title };

Value case_method(ThreadState& ts, Args args, const char* qualname, CaseOp op) {
    if (!method_noargs(ts, args, qualname)) return Value();
    std::string out(byteslike_data(args[0]));
    bool prev_cased = false;
    for (size_t i = 0; i < out.size(); ++i) {
        char c = out[i];
        switch (op) {
            case CaseOp::Upper:
                out[i] = to_upper(c);
                break;
            case CaseOp::Lower:
                out[i] = to_lower(c);
                break;
            case CaseOp::Capitalize:
                out[i] = i == 0 ? to_upper(c) : to_lower(c);
                break;
            case CaseOp::Swapcase:
                out[i] = ascii_upper(c) ? to_lower(c) : to_upper(c);
                break;
            case CaseOp::Title:
                out[i] = prev_cased ? to_lower(c) : to_upper(c);
                prev_cased = ascii_alpha(c);
                break;
        }
    }
    return bytes_same_kind(ts, args[0], out);
}

Value all_bytes(ThreadState& ts, Args args, const char* qualname, bool (*pred)(char)) {
    if (!method_noargs(ts, args, qualname)) return Value();
    std::string_view d = byteslike_data(args[0]);
    if (d.empty()) return Value::false_();
    for (char c : d)
        if (!pred(c)) return Value::false_();
    return Value::true_();
}

// isupper / islower: at least one cased byte and none of the other case.
Value case_test(ThreadState& ts, Args args, const char* qualname, bool upper) {
    if (!method_noargs(ts, args, qualname)) return Value();
    bool cased = false;
    for (char c : byteslike_data(args[0])) {
        if (upper ? ascii_lower(c) : ascii_upper(c)) return Value::false_();
        cased |= upper ? ascii_upper(c) : ascii_lower(c);
    }
    return Value::boolean(cased);
}

int hex_digit(uint32_t c) {
    if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
    if (c >= 'a' && c <= 'f') return static_cast<int>(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') return static_cast<int>(c - 'A' + 10);
    return -1;
}

}  // namespace

// --- searching ---

Value bytes_find(ThreadState& ts, Args args) {
    return find_result(ts, find_impl(ts, args, "find", GILT_QUAL(args[0], "find"), Dir::Forward),
                       false);
}
Value bytes_rfind(ThreadState& ts, Args args) {
    return find_result(ts, find_impl(ts, args, "rfind", GILT_QUAL(args[0], "rfind"), Dir::Backward),
                       false);
}
Value bytes_index(ThreadState& ts, Args args) {
    return find_result(ts, find_impl(ts, args, "index", GILT_QUAL(args[0], "index"), Dir::Forward),
                       true);
}
Value bytes_rindex(ThreadState& ts, Args args) {
    return find_result(
        ts, find_impl(ts, args, "rindex", GILT_QUAL(args[0], "rindex"), Dir::Backward), true);
}

Value bytes_count(ThreadState& ts, Args args) {
    SubRange r;
    if (!parse_sub_range(ts, args, "count", GILT_QUAL(args[0], "count"), &r)) return Value();
    if (r.end - r.start < static_cast<int64_t>(r.sub.size())) return Value::small_int(0);
    if (r.sub.empty()) return Value::small_int(r.end - r.start + 1);
    std::string_view hay = byteslike_data(args[0]).substr(0, static_cast<size_t>(r.end));
    int64_t n = 0;
    for (int64_t p = find_bytes(hay, r.sub, r.start); p >= 0;
         p = find_bytes(hay, r.sub, p + r.sub.size()))
        ++n;
    return Value::small_int(n);
}

Value bytes_startswith(ThreadState& ts, Args args) {
    return starts_ends_with(ts, args, "startswith", GILT_QUAL(args[0], "startswith"), Dir::Forward);
}
Value bytes_endswith(ThreadState& ts, Args args) {
    return starts_ends_with(ts, args, "endswith", GILT_QUAL(args[0], "endswith"), Dir::Backward);
}

// --- splitting and joining ---

Value bytes_split(ThreadState& ts, Args args) {
    return split_common(ts, args, "split", Dir::Forward);
}
Value bytes_rsplit(ThreadState& ts, Args args) {
    return split_common(ts, args, "rsplit", Dir::Backward);
}
Value bytes_partition(ThreadState& ts, Args args) {
    return partition_common(ts, args, GILT_QUAL(args[0], "partition"), Dir::Forward);
}
Value bytes_rpartition(ThreadState& ts, Args args) {
    return partition_common(ts, args, GILT_QUAL(args[0], "rpartition"), Dir::Backward);
}

Value bytes_splitlines(ThreadState& ts, Args args) {
    Value keepends_v;
    if (!parse_args(ts, args.drop_first(), "splitlines", {"|", "keepends"}, {&keepends_v}))
        return Value();
    int64_t keepends = 0;
    if (!keepends_v.is_null() && !index_as_ssize(ts, keepends_v, &keepends)) return Value();
    std::string_view d = byteslike_data(args[0]);
    Ref list(list_new(ts));
    if (!list) return Value();
    for (uint64_t i = 0; i < d.size();) {
        uint64_t start = i;
        while (i < d.size() && d[i] != '\n' && d[i] != '\r') ++i;
        uint64_t eol = i;
        if (i < d.size()) i += d[i] == '\r' && i + 1 < d.size() && d[i + 1] == '\n' ? 2 : 1;
        if (!push(ts, *list, piece(ts, args[0], d, start, keepends ? i : eol))) return Value();
    }
    return list.release();
}

Value bytes_join(ThreadState& ts, Args args) {
    if (!method_onearg(ts, args, GILT_QUAL(args[0], "join"))) return Value();
    Value seq = args[1];
    if (!type_of(ts, seq)->iter && !type_of(ts, seq)->getitem)
        return raise(ts, type_error(ts), "can only join an iterable");
    Ref list(is_exact_list(ts, seq) ? new_ref(seq) : list_from_iterable(ts, seq));
    if (!list) return Value();
    std::string_view sep = byteslike_data(args[0]);
    // A bytearray item could be resized by nothing here: no Python code runs
    // between the type checks and the copies. The total is checked before
    // anything is copied (a join of a gigabyte under a low memory limit).
    uint64_t n = list_size(*list);
    std::vector<std::string_view> parts(n);
    uint64_t total = n ? sep.size() * (n - 1) : 0;
    for (uint64_t i = 0; i < n; ++i) {
        Value item = list_item(*list, i);
        if (is_bytes(item) || is_bytearray(item)) {
            parts[i] = byteslike_data(item);
        } else if (!has_buffer(ts, item) || !bytes_like_view(ts, item, &parts[i])) {
            if (ts.has_exception()) clear_exception(ts);
            return raise_fmt(ts, type_error(ts),
                             "sequence item {}: expected a bytes-like object, {} found", i,
                             type_name(ts, item));
        }
        total += parts[i].size();
    }
    if (total > kMaxResultBytes || !check_alloc_size(ts, total)) return raise_memory_error(ts);
    std::string out;
    out.reserve(total);
    for (uint64_t i = 0; i < n; ++i) {
        if (i) out.append(sep);
        out.append(parts[i]);
    }
    return bytes_same_kind(ts, args[0], out);
}

// --- stripping, replacing, padding ---

Value bytes_strip(ThreadState& ts, Args args) {
    return strip_common(ts, args, "strip", GILT_QUAL(args[0], "strip"), kBoth);
}
Value bytes_lstrip(ThreadState& ts, Args args) {
    return strip_common(ts, args, "lstrip", GILT_QUAL(args[0], "lstrip"), kLeft);
}
Value bytes_rstrip(ThreadState& ts, Args args) {
    return strip_common(ts, args, "rstrip", GILT_QUAL(args[0], "rstrip"), kRight);
}
Value bytes_removeprefix(ThreadState& ts, Args args) {
    return remove_affix(ts, args, GILT_QUAL(args[0], "removeprefix"), Dir::Forward);
}
Value bytes_removesuffix(ThreadState& ts, Args args) {
    return remove_affix(ts, args, GILT_QUAL(args[0], "removesuffix"), Dir::Backward);
}

Value bytes_replace(ThreadState& ts, Args args) {
    if (!method_posargs(ts, args, "replace", GILT_QUAL(args[0], "replace"), 2, 3)) return Value();
    std::string_view old, with;
    if (!bytes_like_view(ts, args[1], &old) || !bytes_like_view(ts, args[2], &with)) return Value();
    int64_t count = -1;
    if (args.n > 3 && !index_as_ssize(ts, args[3], &count)) return Value();
    if (count < 0) count = INT64_MAX;
    std::string_view d = byteslike_data(args[0]);
    std::string out;
    uint64_t i = 0;
    if (old.empty()) {  // b'ab'.replace(b'', b'-') == b'-a-b-'
        for (; count > 0 && i <= d.size(); --count) {
            out.append(with);
            if (i < d.size()) out += d[i];
            ++i;
        }
        if (i < d.size()) out.append(d.substr(i));
        return bytes_same_kind(ts, args[0], out);
    }
    for (int64_t p; count-- > 0 && (p = find_bytes(d, old, i)) >= 0;
         i = static_cast<uint64_t>(p) + old.size()) {
        out.append(d.substr(i, static_cast<uint64_t>(p) - i));
        out.append(with);
    }
    if (i == 0) return unchanged(ts, args[0]);
    out.append(d.substr(i));
    return bytes_same_kind(ts, args[0], out);
}

Value bytes_center(ThreadState& ts, Args args) {
    int64_t width;
    char fill;
    if (!parse_width_fill(ts, args, "center", GILT_QUAL(args[0], "center"), &width, &fill))
        return Value();
    auto len = static_cast<int64_t>(byteslike_data(args[0]).size());
    if (width <= len) return unchanged(ts, args[0]);
    int64_t marg = width - len, left = marg / 2 + (marg & width & 1);
    return pad(ts, args[0], left, marg - left, fill);
}

Value bytes_ljust(ThreadState& ts, Args args) {
    int64_t width;
    char fill;
    if (!parse_width_fill(ts, args, "ljust", GILT_QUAL(args[0], "ljust"), &width, &fill))
        return Value();
    auto len = static_cast<int64_t>(byteslike_data(args[0]).size());
    if (width <= len)  // also keeps `width - len` from overflowing
        return unchanged(ts, args[0]);
    return pad(ts, args[0], 0, width - len, fill);
}

Value bytes_rjust(ThreadState& ts, Args args) {
    int64_t width;
    char fill;
    if (!parse_width_fill(ts, args, "rjust", GILT_QUAL(args[0], "rjust"), &width, &fill))
        return Value();
    auto len = static_cast<int64_t>(byteslike_data(args[0]).size());
    if (width <= len)  // also keeps `width - len` from overflowing
        return unchanged(ts, args[0]);
    return pad(ts, args[0], width - len, 0, fill);
}

Value bytes_zfill(ThreadState& ts, Args args) {
    int64_t width;
    if (!method_onearg(ts, args, GILT_QUAL(args[0], "zfill")) ||
        !index_as_ssize(ts, args[1], &width))
        return Value();
    std::string_view d = byteslike_data(args[0]);
    auto len = static_cast<int64_t>(d.size());
    if (width <= len) return unchanged(ts, args[0]);
    // bytes' size plus its header overflows a Py_ssize_t in CPython first.
    if (width > INT64_MAX - 33 && args[0].as_object()->kind == ObjKind::Bytes)
        return raise(ts, ts.exc_types().OverflowError, "byte string is too large");
    if (static_cast<uint64_t>(width) > kMaxResultBytes ||
        !check_alloc_size(ts, static_cast<uint64_t>(width)))
        return raise_memory_error(ts);
    std::string out(static_cast<size_t>(width - len), '0');
    out.append(d);
    if (!d.empty() && (d[0] == '+' || d[0] == '-')) {
        out[0] = d[0];
        out[static_cast<size_t>(width - len)] = '0';
    }
    return bytes_same_kind(ts, args[0], out);
}

Value bytes_expandtabs(ThreadState& ts, Args args) {
    Value tabsize_v;
    if (!parse_args(ts, args.drop_first(), "expandtabs", {"|", "tabsize"}, {&tabsize_v}))
        return Value();
    int64_t tabsize = 8;
    if (!tabsize_v.is_null() && !index_as_ssize(ts, tabsize_v, &tabsize)) return Value();
    if (tabsize > INT_MAX || tabsize < INT_MIN)  // CPython takes a C int
        return raise(ts, ts.exc_types().OverflowError, "Python int too large to convert to C int");
    std::string out;
    int64_t col = 0;
    for (char c : byteslike_data(args[0])) {
        if (c == '\t') {
            if (tabsize > 0) {
                uint64_t grow = static_cast<uint64_t>(tabsize - col % tabsize);
                if (grow > kMaxResultBytes || !check_alloc_size(ts, out.size() + grow))
                    return raise_memory_error(ts);
                out.append(static_cast<size_t>(grow), ' ');
                col += tabsize - col % tabsize;
            }
        } else {
            out += c;
            col = c == '\n' || c == '\r' ? 0 : col + 1;
        }
    }
    return bytes_same_kind(ts, args[0], out);
}

// --- case and classification ---

Value bytes_upper(ThreadState& ts, Args args) {
    return case_method(ts, args, GILT_QUAL(args[0], "upper"), CaseOp::Upper);
}
Value bytes_lower(ThreadState& ts, Args args) {
    return case_method(ts, args, GILT_QUAL(args[0], "lower"), CaseOp::Lower);
}
Value bytes_capitalize(ThreadState& ts, Args args) {
    return case_method(ts, args, GILT_QUAL(args[0], "capitalize"), CaseOp::Capitalize);
}
Value bytes_swapcase(ThreadState& ts, Args args) {
    return case_method(ts, args, GILT_QUAL(args[0], "swapcase"), CaseOp::Swapcase);
}
Value bytes_title(ThreadState& ts, Args args) {
    return case_method(ts, args, GILT_QUAL(args[0], "title"), CaseOp::Title);
}

Value bytes_isalnum(ThreadState& ts, Args args) {
    return all_bytes(ts, args, GILT_QUAL(args[0], "isalnum"),
                     [](char c) { return ascii_alpha(c) || ascii_digit(c); });
}
Value bytes_isalpha(ThreadState& ts, Args args) {
    return all_bytes(ts, args, GILT_QUAL(args[0], "isalpha"),
                     [](char c) { return ascii_alpha(c); });
}
Value bytes_isdigit(ThreadState& ts, Args args) {
    return all_bytes(ts, args, GILT_QUAL(args[0], "isdigit"),
                     [](char c) { return ascii_digit(c); });
}
Value bytes_isspace(ThreadState& ts, Args args) {
    return all_bytes(ts, args, GILT_QUAL(args[0], "isspace"),
                     [](char c) { return ascii_space(c); });
}
Value bytes_isascii(ThreadState& ts, Args args) {
    if (!method_noargs(ts, args, GILT_QUAL(args[0], "isascii"))) return Value();
    return Value::boolean(ascii_only(byteslike_data(args[0])));
}
Value bytes_isupper(ThreadState& ts, Args args) {
    return case_test(ts, args, GILT_QUAL(args[0], "isupper"), true);
}
Value bytes_islower(ThreadState& ts, Args args) {
    return case_test(ts, args, GILT_QUAL(args[0], "islower"), false);
}

Value bytes_istitle(ThreadState& ts, Args args) {
    if (!method_noargs(ts, args, GILT_QUAL(args[0], "istitle"))) return Value();
    bool cased = false, prev_cased = false;
    for (char c : byteslike_data(args[0])) {
        if (ascii_upper(c)) {
            if (prev_cased) return Value::false_();
            prev_cased = cased = true;
        } else if (ascii_lower(c)) {
            if (!prev_cased) return Value::false_();
            prev_cased = cased = true;
        } else {
            prev_cased = false;
        }
    }
    return Value::boolean(cased);
}

// --- conversions ---

Value bytes_decode(ThreadState& ts, Args args) {
    Value enc, err;
    if (!parse_args(ts, args.drop_first(), "decode", {"|", "encoding", "errors"}, {&enc, &err}))
        return Value();
    if (!enc.is_null() && !is_str(ts, enc))
        return raise_fmt(ts, type_error(ts), "decode() argument 'encoding' must be str, not {}",
                         type_name(ts, enc));
    if (!err.is_null() && !is_str(ts, err))
        return raise_fmt(ts, type_error(ts), "decode() argument 'errors' must be str, not {}",
                         type_name(ts, err));
    return str_decode(ts, byteslike_data(args[0]), enc.is_null() ? "utf-8" : str_view(enc),
                      err.is_null() ? "strict" : str_view(err));
}

// hex(sep=None, bytes_per_sep=1): a separator every |bytes_per_sep| bytes,
// counted from the right when positive, from the left when negative.
Value bytes_hex(ThreadState& ts, Args args) {
    Value sep_v, per_v;
    if (!parse_args(ts, args.drop_first(), "hex", {"|", "sep", "bytes_per_sep"}, {&sep_v, &per_v}))
        return Value();
    std::string_view d = byteslike_data(args[0]);
    char sep = 0;
    if (!sep_v.is_null()) {
        std::string_view s;
        if (is_str(ts, sep_v)) {
            s = str_view(sep_v);
            if (str_len(sep_v) == 1 && s.size() != 1)
                return raise(ts, ts.exc_types().ValueError, "sep must be ASCII.");
        } else if (is_bytes(sep_v) || is_bytearray(sep_v)) {
            s = byteslike_data(sep_v);
        } else {
            return raise_fmt(ts, type_error(ts), "object of type '{}' has no len()",
                             type_name(ts, sep_v));
        }
        if (s.size() != 1) return raise(ts, ts.exc_types().ValueError, "sep must be length 1.");
        sep = s[0];
    }
    int64_t per = 1;
    if (!per_v.is_null() && !index_as_ssize(ts, per_v, &per)) return Value();
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    if (!reserve_more(ts, out, uint64_t(d.size()) * (sep ? 3 : 2))) return Value();
    uint64_t group = per < 0 ? static_cast<uint64_t>(-per) : static_cast<uint64_t>(per);
    for (size_t i = 0; i < d.size(); ++i) {
        if (sep && group && i) {
            bool boundary = per > 0 ? (d.size() - i) % group == 0 : i % group == 0;
            if (boundary) out += sep;
        }
        auto c = static_cast<unsigned char>(d[i]);
        out += kHex[c >> 4];
        out += kHex[c & 15];
    }
    return make_str_known(ts, out, out.size(), true);
}

Value bytes_fromhex(ThreadState& ts, Args args) {
    if (args.n != 2 || args.kw_count())
        return raise_fmt(ts, type_error(ts), "fromhex() takes exactly one argument ({} given)",
                         args.n - 1);
    Value cls = args[0], s = args[1];
    if (!is_str(ts, s))
        return raise_fmt(ts, type_error(ts), "fromhex() argument must be str, not {}",
                         type_name(ts, s));
    std::string_view v = str_view(s);
    std::string out;
    uint64_t index = 0;  // code point position, for the error message
    auto bad = [&](uint64_t pos) {
        return raise_fmt(ts, ts.exc_types().ValueError,
                         "non-hexadecimal number found in fromhex() arg at position {}", pos);
    };
    for (size_t i = 0; i < v.size();) {
        if (ascii_space(v[i])) {
            ++i;
            ++index;
            continue;
        }
        uint32_t c;
        i += static_cast<size_t>(utf8_decode(v.data() + i, &c));
        int hi = hex_digit(c);
        if (hi < 0) return bad(index);
        ++index;
        if (i >= v.size()) return bad(index);
        i += static_cast<size_t>(utf8_decode(v.data() + i, &c));
        int lo = hex_digit(c);
        if (lo < 0) return bad(index);
        ++index;
        out += static_cast<char>(hi * 16 + lo);
    }
    if (cls == val(ts.types().bytes)) return make_bytes(ts, out);
    if (cls == val(ts.types().bytearray)) return make_bytearray(ts, out);
    Ref b(make_bytes(ts, out));  // a subclass: cls(bytes), as CPython does
    if (!b) return Value();
    return call1(ts, cls, *b);
}

Value bytes_translate(ThreadState& ts, Args args) {
    Value table_v, delete_v;
    if (!parse_args(ts, args.drop_first(), "translate", {"/table", "|", "delete"},
                    {&table_v, &delete_v}))
        return Value();
    std::string_view table, del;
    if (!table_v.is_none()) {
        if (!bytes_like_view(ts, table_v, &table)) return Value();
        if (table.size() != 256)
            return raise(ts, ts.exc_types().ValueError,
                         "translation table must be 256 characters long");
    }
    if (!delete_v.is_null() && !bytes_like_view(ts, delete_v, &del)) return Value();
    bool drop[256] = {};
    for (char c : del) drop[static_cast<unsigned char>(c)] = true;
    std::string out;
    for (char c : byteslike_data(args[0])) {
        auto b = static_cast<unsigned char>(c);
        if (!drop[b]) out += table.empty() ? c : table[b];
    }
    return bytes_same_kind(ts, args[0], out);
}

Value bytes_maketrans(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "maketrans", 2, 2)) return Value();
    std::string_view from, to;
    if (!bytes_like_view(ts, args[0], &from) || !bytes_like_view(ts, args[1], &to)) return Value();
    if (from.size() != to.size())
        return raise(ts, ts.exc_types().ValueError, "maketrans arguments must have same length");
    std::string table(256, '\0');
    for (int i = 0; i < 256; ++i) table[static_cast<size_t>(i)] = static_cast<char>(i);
    for (size_t i = 0; i < from.size(); ++i) table[static_cast<unsigned char>(from[i])] = to[i];
    return make_bytes(ts, table);
}

}  // namespace gilt
