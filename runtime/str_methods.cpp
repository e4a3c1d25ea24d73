// The methods of str (everything in `dir(str)` that is not a slot).
//
// Text is UTF-8 (see str.cpp), and most methods work on bytes: searching,
// splitting, replacing and joining never decode, because a valid UTF-8
// needle can only match at a code point boundary. Code-point indices (the
// start/end arguments, find()'s result) are converted at the edges, in O(1)
// for ASCII strings. Case mapping and classification decode code points and
// use the Unicode tables (unicode.hpp), with ASCII fast paths.
//
// Argument errors follow CPython 3.11 per method, which uses three styles
// (see the helpers in str.hpp): METH_NOARGS / METH_O, Argument Clinic
// positional-only ("center expected at least 1 argument, got 0") and
// PyArg_ParseTuple ("find() takes at least 1 argument (0 given)").
#include <algorithm>
#include <climits>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/range.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "runtime/type.hpp"
#include "runtime/unicode.hpp"

namespace gilt {

// The method implementations: here and in str_case.cpp (case mapping,
// classification, translate).
// clang-format off
#define GILT_STR_METHODS(X)                                                                       \
    X(capitalize) X(casefold) X(center) X(count) X(encode) X(endswith) X(expandtabs) X(find)      \
    X(format) X(format_map) X(index) X(isalnum) X(isalpha) X(isascii) X(isdecimal) X(isdigit)     \
    X(isidentifier) X(islower) X(isnumeric) X(isprintable) X(isspace) X(istitle) X(isupper)       \
    X(join) X(ljust) X(lower) X(lstrip) X(maketrans) X(partition) X(removeprefix)                 \
    X(removesuffix) X(replace) X(rfind) X(rindex) X(rjust) X(rpartition) X(rsplit) X(rstrip)      \
    X(split) X(splitlines) X(startswith) X(strip) X(swapcase) X(title) X(translate) X(upper)      \
    X(zfill) X(__format__) X(__getnewargs__) X(__sizeof__)
// clang-format on

#define GILT_DECLARE_STR_METHOD(name) Value str_##name(ThreadState& ts, Args args);
GILT_STR_METHODS(GILT_DECLARE_STR_METHOD)
#undef GILT_DECLARE_STR_METHOD

namespace {

constexpr MethodDef kStrMethods[] = {
    {"capitalize", str_capitalize},
    {"casefold", str_casefold},
    {"center", str_center},
    {"count", str_count},
    {"encode", str_encode},
    {"endswith", str_endswith},
    {"expandtabs", str_expandtabs},
    {"find", str_find},
    {"format", str_format},
    {"format_map", str_format_map},
    {"index", str_index},
    {"isalnum", str_isalnum},
    {"isalpha", str_isalpha},
    {"isascii", str_isascii},
    {"isdecimal", str_isdecimal},
    {"isdigit", str_isdigit},
    {"isidentifier", str_isidentifier},
    {"islower", str_islower},
    {"isnumeric", str_isnumeric},
    {"isprintable", str_isprintable},
    {"isspace", str_isspace},
    {"istitle", str_istitle},
    {"isupper", str_isupper},
    {"join", str_join},
    {"ljust", str_ljust},
    {"lower", str_lower},
    {"lstrip", str_lstrip},
    {"maketrans", str_maketrans, kMethodStatic},
    {"partition", str_partition},
    {"removeprefix", str_removeprefix},
    {"removesuffix", str_removesuffix},
    {"replace", str_replace},
    {"rfind", str_rfind},
    {"rindex", str_rindex},
    {"rjust", str_rjust},
    {"rpartition", str_rpartition},
    {"rsplit", str_rsplit},
    {"rstrip", str_rstrip},
    {"split", str_split},
    {"splitlines", str_splitlines},
    {"startswith", str_startswith},
    {"strip", str_strip},
    {"swapcase", str_swapcase},
    {"title", str_title},
    {"translate", str_translate},
    {"upper", str_upper},
    {"zfill", str_zfill},
    {"__format__", str___format__},
    {"__getnewargs__", str___getnewargs__},
    {"__sizeof__", str___sizeof__},
};

// --- small helpers ---

TypeObject* type_error(ThreadState& ts) {
    return ts.exc_types().TypeError;
}

bool is_ascii_str(Value s) noexcept {
    return str_obj(s)->byte_len == str_obj(s)->char_len;
}

// The str for bytes [b0, b1) of s: s itself when that is all of an exact
// str, otherwise a new str (no rescan when s is ASCII).
Value substr(ThreadState& ts, Value s, uint64_t b0, uint64_t b1) {
    StrObject* so = str_obj(s);
    if (b0 == 0 && b1 == so->byte_len && is_exact_str(ts, s)) return new_ref(s);
    std::string_view piece(so->data + b0, b1 - b0);
    if (so->byte_len == so->char_len) return make_str_known(ts, piece, piece.size(), true);
    return make_str(ts, piece);
}

// self unchanged: itself if exact, else an exact copy.
Value unchanged(ThreadState& ts, Value s) {
    return substr(ts, s, 0, str_obj(s)->byte_len);
}

bool need_str(ThreadState& ts, Value v, const char* what = nullptr) {
    if (is_str(ts, v)) return true;
    if (what)
        raise_fmt(ts, type_error(ts), "{} must be str, not {}", what, type_name(ts, v));
    else
        raise_fmt(ts, type_error(ts), "must be str, not {}", type_name(ts, v));
    return false;
}

// Code point index for byte offset `pos`, counting from a known pair
// (byte b0 is code point c0).
int64_t char_index(Value s, uint64_t b0, int64_t c0, uint64_t pos) {
    if (is_ascii_str(s)) return static_cast<int64_t>(pos);
    return c0 + static_cast<int64_t>(utf8_count(str_view(s).substr(b0, pos - b0)));
}

// A resolved [start, end) argument pair, in code points and bytes.
struct Range {
    int64_t c0, c1;
    uint64_t b0, b1;
};

Range resolve_range(Value s, int64_t start, int64_t end) {
    adjust_indices(&start, &end, static_cast<int64_t>(str_len(s)));
    Range r{start, end, 0, 0};
    if (start <= end) {
        r.b0 = str_byte_offset(s, static_cast<uint64_t>(start));
        r.b1 = str_byte_offset(s, static_cast<uint64_t>(end));
    }
    return r;
}

// Parses (sub[, start[, end]]) for find / count / startswith ...; `sub` is
// left unchecked for the caller.
bool parse_sub_range(ThreadState& ts, Args args, const char* name, const char* qualname, Value* sub,
                     int64_t* start, int64_t* end) {
    if (!method_oldargs(ts, args, name, qualname, 1, 3)) return false;
    *sub = args[1];
    *start = 0;
    *end = INT64_MAX;
    if (args.n > 2 && !slice_index_arg(ts, args[2], start)) return false;
    if (args.n > 3 && !slice_index_arg(ts, args[3], end)) return false;
    return true;
}

Value make_list_of(ThreadState& ts) {
    return list_new(ts);
}

bool list_push(ThreadState& ts, Value list, Value item) {
    if (item.is_null()) return false;
    return list_append_steal(ts, list, item);
}

}  // namespace

// --- argument helpers (declared in str.hpp) ---

bool method_noargs(ThreadState& ts, Args args, const char* qualname) {
    if (args.kw_count()) {
        raise_fmt(ts, type_error(ts), "{}() takes no keyword arguments", qualname);
        return false;
    }
    if (args.n == 1) return true;
    raise_fmt(ts, type_error(ts), "{}() takes no arguments ({} given)", qualname, args.n - 1);
    return false;
}

bool method_onearg(ThreadState& ts, Args args, const char* qualname) {
    if (args.kw_count()) {
        raise_fmt(ts, type_error(ts), "{}() takes no keyword arguments", qualname);
        return false;
    }
    if (args.n == 2) return true;
    raise_fmt(ts, type_error(ts), "{}() takes exactly one argument ({} given)", qualname,
              args.n - 1);
    return false;
}

bool method_posargs(ThreadState& ts, Args args, const char* name, const char* qualname,
                    uint32_t min, uint32_t max) {
    if (args.kw_count()) {
        raise_fmt(ts, type_error(ts), "{}() takes no keyword arguments", qualname);
        return false;
    }
    uint32_t n = args.n - 1;
    if (n >= min && n <= max) return true;
    uint32_t bound = n < min ? min : max;
    const char* how = min == max ? "" : n < min ? "at least " : "at most ";
    raise_fmt(ts, type_error(ts), "{} expected {}{} argument{}, got {}", name, how, bound,
              bound == 1 ? "" : "s", n);
    return false;
}

bool method_oldargs(ThreadState& ts, Args args, const char* name, const char* qualname,
                    uint32_t min, uint32_t max) {
    if (args.kw_count()) {
        raise_fmt(ts, type_error(ts), "{}() takes no keyword arguments", qualname);
        return false;
    }
    uint32_t n = args.n - 1;
    if (n < min) {
        raise_fmt(ts, type_error(ts), "{}() takes at least {} argument{} ({} given)", name, min,
                  min == 1 ? "" : "s", n);
        return false;
    }
    if (n > max) {
        raise_fmt(ts, type_error(ts), "{}() takes at most {} argument{} ({} given)", name, max,
                  max == 1 ? "" : "s", n);
        return false;
    }
    return true;
}

bool slice_index_arg(ThreadState& ts, Value v, int64_t* out) {
    return v.is_null() || v.is_none() || slice_index_clamped(ts, v, out);
}

void str_add_methods(Interpreter& interp, TypeObject* t) {
    type_add_methods(interp, t, kStrMethods);
}

namespace {

// --- searching ---

enum class Dir { Forward, Backward };

// find / rfind / index / rindex: -2 on error, -1 when absent.
int64_t find_impl(ThreadState& ts, Args args, const char* name, const char* qualname, Dir dir) {
    Value sub;
    int64_t start, end;
    if (!parse_sub_range(ts, args, name, qualname, &sub, &start, &end)) return -2;
    if (!need_str(ts, sub)) return -2;
    Value s = args[0];
    Range r = resolve_range(s, start, end);
    if (r.c1 - r.c0 < static_cast<int64_t>(str_len(sub))) return -1;
    std::string_view hay = str_view(s).substr(0, r.b1);
    int64_t pos = dir == Dir::Forward ? find_bytes(hay, str_view(sub), r.b0)
                                      : rfind_bytes(hay, str_view(sub), r.b0);
    if (pos < 0) return -1;
    return char_index(s, r.b0, r.c0, static_cast<uint64_t>(pos));
}

Value find_result(ThreadState& ts, int64_t pos, bool raise_if_absent) {
    if (pos == -2) return Value();
    if (pos == -1 && raise_if_absent)
        return raise(ts, ts.exc_types().ValueError, "substring not found");
    return Value::small_int(pos);
}

}  // namespace

Value str_find(ThreadState& ts, Args args) {
    return find_result(ts, find_impl(ts, args, "find", "str.find", Dir::Forward), false);
}
Value str_rfind(ThreadState& ts, Args args) {
    return find_result(ts, find_impl(ts, args, "rfind", "str.rfind", Dir::Backward), false);
}
Value str_index(ThreadState& ts, Args args) {
    return find_result(ts, find_impl(ts, args, "index", "str.index", Dir::Forward), true);
}
Value str_rindex(ThreadState& ts, Args args) {
    return find_result(ts, find_impl(ts, args, "rindex", "str.rindex", Dir::Backward), true);
}

Value str_count(ThreadState& ts, Args args) {
    Value sub;
    int64_t start, end;
    if (!parse_sub_range(ts, args, "count", "str.count", &sub, &start, &end) || !need_str(ts, sub))
        return Value();
    Range r = resolve_range(args[0], start, end);
    auto sublen = static_cast<int64_t>(str_len(sub));
    if (r.c1 - r.c0 < sublen) return Value::small_int(0);
    if (sublen == 0) return Value::small_int(r.c1 - r.c0 + 1);
    std::string_view hay = str_view(args[0]).substr(0, r.b1), needle = str_view(sub);
    int64_t n = 0;
    for (int64_t pos = find_bytes(hay, needle, r.b0); pos >= 0;
         pos = find_bytes(hay, needle, pos + needle.size()))
        ++n;
    return Value::small_int(n);
}

namespace {

// CPython's tail_match: does s[start:end] start (or end) with sub?
bool tail_match(Value s, Value sub, int64_t start, int64_t end, Dir dir) {
    Range r = resolve_range(s, start, end);
    auto sublen = static_cast<int64_t>(str_len(sub));
    if (r.c1 - sublen < r.c0) return false;
    std::string_view hay = str_view(s).substr(r.b0, r.b1 - r.b0), needle = str_view(sub);
    if (needle.size() > hay.size()) return false;
    return dir == Dir::Forward ? hay.substr(0, needle.size()) == needle
                               : hay.substr(hay.size() - needle.size()) == needle;
}

Value starts_ends_with(ThreadState& ts, Args args, const char* name, const char* qualname,
                       Dir dir) {
    Value sub;
    int64_t start, end;
    if (!parse_sub_range(ts, args, name, qualname, &sub, &start, &end)) return Value();
    if (is_str(ts, sub)) return Value::boolean(tail_match(args[0], sub, start, end, dir));
    if (!is_tuple(ts, sub))
        return raise_fmt(ts, type_error(ts), "{} first arg must be str or a tuple of str, not {}",
                         name, type_name(ts, sub));
    for (uint64_t i = 0; i < tuple_size(sub); ++i) {
        Value item = tuple_item(sub, i);
        if (!is_str(ts, item))
            return raise_fmt(ts, type_error(ts), "tuple for {} must only contain str, not {}", name,
                             type_name(ts, item));
        if (tail_match(args[0], item, start, end, dir)) return Value::true_();
    }
    return Value::false_();
}

}  // namespace

Value str_startswith(ThreadState& ts, Args args) {
    return starts_ends_with(ts, args, "startswith", "str.startswith", Dir::Forward);
}
Value str_endswith(ThreadState& ts, Args args) {
    return starts_ends_with(ts, args, "endswith", "str.endswith", Dir::Backward);
}

namespace {

// --- splitting ---

// Is the code point at byte i whitespace? Sets *len to its byte length.
inline bool space_at(std::string_view v, uint64_t i, int* len) {
    auto c = static_cast<unsigned char>(v[i]);
    if (c < 0x80) {
        *len = 1;
        return ascii_isspace(c);
    }
    uint32_t cp;
    *len = utf8_decode(v.data() + i, &cp);
    return uc_isspace(cp);
}

// Same, for the code point ending just before byte i.
inline bool space_before(std::string_view v, uint64_t i, int* len) {
    auto c = static_cast<unsigned char>(v[i - 1]);
    if (c < 0x80) {
        *len = 1;
        return ascii_isspace(c);
    }
    uint32_t cp;
    *len = utf8_decode_back(v.data(), v.data() + i, &cp);
    return uc_isspace(cp);
}

bool split_whitespace(ThreadState& ts, Value s, int64_t maxsplit, Value list) {
    std::string_view v = str_view(s);
    const uint64_t n = v.size();
    uint64_t i = 0;
    int len;
    while (maxsplit-- > 0) {
        while (i < n && space_at(v, i, &len)) i += len;
        if (i == n) return true;
        uint64_t j = i;
        while (i < n && !space_at(v, i, &len)) i += len;
        if (!list_push(ts, list, substr(ts, s, j, i))) return false;
    }
    while (i < n && space_at(v, i, &len)) i += len;
    return i == n || list_push(ts, list, substr(ts, s, i, n));
}

bool rsplit_whitespace(ThreadState& ts, Value s, int64_t maxsplit, Value list) {
    std::string_view v = str_view(s);
    uint64_t i = v.size();
    int len;
    while (maxsplit-- > 0) {
        while (i > 0 && space_before(v, i, &len)) i -= len;
        if (i == 0) return true;
        uint64_t j = i;
        while (i > 0 && !space_before(v, i, &len)) i -= len;
        if (!list_push(ts, list, substr(ts, s, i, j))) return false;
    }
    while (i > 0 && space_before(v, i, &len)) i -= len;
    return i == 0 || list_push(ts, list, substr(ts, s, 0, i));
}

bool split_sep(ThreadState& ts, Value s, std::string_view sep, int64_t maxsplit, Value list) {
    std::string_view v = str_view(s);
    uint64_t i = 0;
    while (maxsplit-- > 0) {
        int64_t pos = find_bytes(v, sep, i);
        if (pos < 0) break;
        if (!list_push(ts, list, substr(ts, s, i, static_cast<uint64_t>(pos)))) return false;
        i = static_cast<uint64_t>(pos) + sep.size();
    }
    return list_push(ts, list, substr(ts, s, i, v.size()));
}

bool rsplit_sep(ThreadState& ts, Value s, std::string_view sep, int64_t maxsplit, Value list) {
    std::string_view v = str_view(s);
    uint64_t j = v.size();
    while (maxsplit-- > 0) {
        int64_t pos = rfind_bytes(v.substr(0, j), sep);
        if (pos < 0) break;
        if (!list_push(ts, list, substr(ts, s, static_cast<uint64_t>(pos) + sep.size(), j)))
            return false;
        j = static_cast<uint64_t>(pos);
    }
    return list_push(ts, list, substr(ts, s, 0, j));
}

void reverse_list(Value list) {
    ListObject* l = list_obj(list);
    std::reverse(l->items, l->items + l->size);
}

Value split_common(ThreadState& ts, Args args, const char* name, Dir dir) {
    Value sep, maxsplit_v;
    if (!parse_args(ts, args.drop_first(), name, {"|", "sep", "maxsplit"}, {&sep, &maxsplit_v}))
        return Value();
    int64_t maxsplit = -1;
    if (!maxsplit_v.is_null() && !index_as_ssize(ts, maxsplit_v, &maxsplit)) return Value();
    if (maxsplit < 0) maxsplit = INT64_MAX;
    bool by_space = sep.is_null() || sep.is_none();
    if (!by_space && !is_str(ts, sep))
        return raise_fmt(ts, type_error(ts), "must be str or None, not {}", type_name(ts, sep));
    if (!by_space && str_obj(sep)->byte_len == 0)
        return raise(ts, ts.exc_types().ValueError, "empty separator");
    Ref list(make_list_of(ts));
    if (!list) return Value();
    bool ok = dir == Dir::Forward
                  ? (by_space ? split_whitespace(ts, args[0], maxsplit, *list)
                              : split_sep(ts, args[0], str_view(sep), maxsplit, *list))
                  : (by_space ? rsplit_whitespace(ts, args[0], maxsplit, *list)
                              : rsplit_sep(ts, args[0], str_view(sep), maxsplit, *list));
    if (!ok) return Value();
    if (dir == Dir::Backward) reverse_list(*list);
    return list.release();
}

}  // namespace

Value str_split(ThreadState& ts, Args args) {
    return split_common(ts, args, "split", Dir::Forward);
}
Value str_rsplit(ThreadState& ts, Args args) {
    return split_common(ts, args, "rsplit", Dir::Backward);
}

Value str_splitlines(ThreadState& ts, Args args) {
    Value keepends_v;
    if (!parse_args(ts, args.drop_first(), "splitlines", {"|", "keepends"}, {&keepends_v}))
        return Value();
    int64_t keepends = 0;
    if (!keepends_v.is_null() && !index_as_ssize(ts, keepends_v, &keepends)) return Value();
    Value s = args[0];
    std::string_view v = str_view(s);
    Ref list(make_list_of(ts));
    if (!list) return Value();
    uint64_t i = 0;
    while (i < v.size()) {
        uint64_t start = i, eol;
        for (;;) {
            if (i == v.size()) {
                eol = i;
                break;
            }
            uint32_t cp;
            int len = utf8_decode(v.data() + i, &cp);
            if (uc_is_linebreak(cp)) {
                eol = i;
                i += len;
                if (cp == '\r' && i < v.size() && v[i] == '\n') ++i;
                break;
            }
            i += len;
        }
        if (!list_push(ts, *list, substr(ts, s, start, keepends ? i : eol))) return Value();
    }
    return list.release();
}

namespace {

Value partition_common(ThreadState& ts, Args args, const char* qualname, Dir dir) {
    if (!method_onearg(ts, args, qualname)) return Value();
    Value s = args[0], sep = args[1];
    if (!need_str(ts, sep)) return Value();
    if (str_obj(sep)->byte_len == 0) return raise(ts, ts.exc_types().ValueError, "empty separator");
    std::string_view v = str_view(s);
    int64_t pos =
        dir == Dir::Forward ? find_bytes(v, str_view(sep)) : rfind_bytes(v, str_view(sep));
    if (pos < 0) {
        Ref whole(unchanged(ts, s)), empty(str_empty(ts));
        if (!whole || !empty) return Value();
        return dir == Dir::Forward ? tuple_pack(ts, {*whole, *empty, *empty})
                                   : tuple_pack(ts, {*empty, *empty, *whole});
    }
    auto p = static_cast<uint64_t>(pos);
    Ref head(substr(ts, s, 0, p));
    Ref tail(substr(ts, s, p + str_obj(sep)->byte_len, v.size()));
    if (!head || !tail) return Value();
    return tuple_pack(ts, {*head, sep, *tail});
}

}  // namespace

Value str_partition(ThreadState& ts, Args args) {
    return partition_common(ts, args, "str.partition", Dir::Forward);
}
Value str_rpartition(ThreadState& ts, Args args) {
    return partition_common(ts, args, "str.rpartition", Dir::Backward);
}

namespace {

// --- joining ---

// sep.join(items): one allocation sized from a first pass over the items.
Value join_items(ThreadState& ts, Value sep, const Value* items, uint64_t n) {
    if (n == 0) return str_empty(ts);
    if (n == 1 && is_exact_str(ts, items[0])) return new_ref(items[0]);
    StrObject* so = str_obj(sep);
    uint64_t bytes = so->byte_len * (n - 1), chars = so->char_len * (n - 1);
    for (uint64_t i = 0; i < n; ++i) {
        if (!is_str(ts, items[i]))
            return raise_fmt(ts, type_error(ts),
                             "sequence item {}: expected str instance, {} found", i,
                             type_name(ts, items[i]));
        bytes += str_obj(items[i])->byte_len;
        chars += str_obj(items[i])->char_len;
    }
    StrObject* r = str_alloc(ts, bytes, chars, bytes == chars);
    if (!r) return Value();
    char* out = r->data;
    for (uint64_t i = 0; i < n; ++i) {
        if (i && so->byte_len) {
            copy_str_bytes(out, so->data, so->byte_len);
            out += so->byte_len;
        }
        StrObject* it = str_obj(items[i]);
        copy_str_bytes(out, it->data, it->byte_len);
        out += it->byte_len;
    }
    return val(r);
}

}  // namespace

Value str_join(ThreadState& ts, Args args) {
    if (!method_onearg(ts, args, "str.join")) return Value();
    Value seq = args[1];
    if (is_exact_list(ts, seq)) {
        // Items are borrowed from the list; join_items calls no Python code.
        return join_items(ts, args[0], list_obj(seq)->items, list_size(seq));
    }
    if (is_exact_tuple(ts, seq))
        return join_items(ts, args[0], tuple_obj(seq)->items, tuple_size(seq));
    if (!type_of(ts, seq)->iter && !type_of(ts, seq)->getitem)
        return raise(ts, type_error(ts), "can only join an iterable");
    Ref list(list_from_iterable(ts, seq));
    if (!list) return Value();
    return join_items(ts, args[0], list_obj(*list)->items, list_size(*list));
}

namespace {

// --- stripping ---

// The set of code points given to strip(chars).
struct CharSet {
    uint64_t ascii[2] = {0, 0};
    std::vector<uint32_t> other;
    bool whitespace = false;

    bool contains(uint32_t cp) const {
        if (whitespace) return uc_isspace(cp);
        if (cp < 128) return (ascii[cp >> 6] >> (cp & 63)) & 1;
        return std::find(other.begin(), other.end(), cp) != other.end();
    }
};

CharSet make_charset(Value chars) {
    CharSet set;
    if (chars.is_null() || chars.is_none()) {
        set.whitespace = true;
        return set;
    }
    std::string_view v = str_view(chars);
    for (size_t i = 0; i < v.size();) {
        uint32_t cp;
        i += static_cast<size_t>(utf8_decode(v.data() + i, &cp));
        if (cp < 128)
            set.ascii[cp >> 6] |= uint64_t(1) << (cp & 63);
        else
            set.other.push_back(cp);
    }
    return set;
}

enum StripSide { kLeft = 1, kRight = 2, kBoth = 3 };

Value strip_common(ThreadState& ts, Args args, const char* name, const char* qualname, int side) {
    if (!method_posargs(ts, args, name, qualname, 0, 1)) return Value();
    Value chars = args.n > 1 ? args[1] : Value();
    if (!chars.is_null() && !chars.is_none() && !is_str(ts, chars))
        return raise_fmt(ts, type_error(ts), "{} arg must be None or str", name);
    CharSet set = make_charset(chars);
    Value s = args[0];
    std::string_view v = str_view(s);
    uint64_t i = 0, j = v.size();
    uint32_t cp;
    if (side & kLeft) {
        while (i < j) {
            int len = utf8_decode(v.data() + i, &cp);
            if (!set.contains(cp)) break;
            i += len;
        }
    }
    if (side & kRight) {
        while (j > i) {
            int len = utf8_decode_back(v.data(), v.data() + j, &cp);
            if (!set.contains(cp)) break;
            j -= len;
        }
    }
    return substr(ts, s, i, j);
}

}  // namespace

Value str_strip(ThreadState& ts, Args args) {
    return strip_common(ts, args, "strip", "str.strip", kBoth);
}
Value str_lstrip(ThreadState& ts, Args args) {
    return strip_common(ts, args, "lstrip", "str.lstrip", kLeft);
}
Value str_rstrip(ThreadState& ts, Args args) {
    return strip_common(ts, args, "rstrip", "str.rstrip", kRight);
}

namespace {

Value remove_affix(ThreadState& ts, Args args, const char* name, const char* qualname, Dir dir) {
    if (!method_onearg(ts, args, qualname)) return Value();
    Value s = args[0], affix = args[1];
    if (!is_str(ts, affix))
        return raise_fmt(ts, type_error(ts), "{}() argument must be str, not {}", name,
                         type_name(ts, affix));
    std::string_view v = str_view(s), a = str_view(affix);
    if (dir == Dir::Forward && v.substr(0, a.size()) == a) return substr(ts, s, a.size(), v.size());
    if (dir == Dir::Backward && v.size() >= a.size() && v.substr(v.size() - a.size()) == a)
        return substr(ts, s, 0, v.size() - a.size());
    return unchanged(ts, s);
}

}  // namespace

Value str_removeprefix(ThreadState& ts, Args args) {
    return remove_affix(ts, args, "removeprefix", "str.removeprefix", Dir::Forward);
}
Value str_removesuffix(ThreadState& ts, Args args) {
    return remove_affix(ts, args, "removesuffix", "str.removesuffix", Dir::Backward);
}

// --- replace ---

namespace {

// 'abc'.replace('', '-') == '-a-b-c-': `with` goes before every code point
// and at the end, at most `count` times.
Value replace_empty(ThreadState& ts, Value s, Value with, int64_t count) {
    std::string_view v = str_view(s), w = str_view(with);
    auto slots = static_cast<int64_t>(str_len(s)) + 1;
    int64_t n = count < slots ? count : slots;
    std::string out;
    out.reserve(v.size() + static_cast<size_t>(n) * w.size());
    uint64_t i = 0;
    for (int64_t k = 0; k < n; ++k) {
        out.append(w);
        if (i < v.size()) {
            int len = utf8_seq_len(static_cast<unsigned char>(v[i]));
            out.append(v.data() + i, static_cast<size_t>(len));
            i += static_cast<uint64_t>(len);
        }
    }
    out.append(v.substr(i));
    return make_str_known(ts, out, str_len(s) + static_cast<uint64_t>(n) * str_len(with),
                          is_ascii_str(s) && is_ascii_str(with));
}

}  // namespace

Value str_replace(ThreadState& ts, Args args) {
    if (!method_posargs(ts, args, "replace", "str.replace", 2, 3)) return Value();
    Value s = args[0], old = args[1], with = args[2];
    if (!is_str(ts, old))
        return raise_fmt(ts, type_error(ts), "replace() argument 1 must be str, not {}",
                         type_name(ts, old));
    if (!is_str(ts, with))
        return raise_fmt(ts, type_error(ts), "replace() argument 2 must be str, not {}",
                         type_name(ts, with));
    int64_t count = -1;
    if (args.n > 3 && !index_as_ssize(ts, args[3], &count)) return Value();
    if (count < 0) count = INT64_MAX;
    std::string_view v = str_view(s), o = str_view(old), w = str_view(with);
    if (o.empty()) return count == 0 ? unchanged(ts, s) : replace_empty(ts, s, with, count);
    int64_t n = 0;
    for (int64_t p = find_bytes(v, o); p >= 0 && n < count; p = find_bytes(v, o, p + o.size())) ++n;
    if (n == 0) return unchanged(ts, s);
    uint64_t bytes = v.size() - n * o.size() + n * w.size();
    uint64_t chars = str_len(s) - n * str_len(old) + n * str_len(with);
    StrObject* r = str_alloc(ts, bytes, chars, bytes == chars);
    if (!r) return Value();
    char* out = r->data;
    uint64_t i = 0;
    for (int64_t k = 0; k < n; ++k) {
        auto p = static_cast<uint64_t>(find_bytes(v, o, i));
        std::memcpy(out, v.data() + i, p - i);
        out += p - i;
        std::memcpy(out, w.data(), w.size());
        out += w.size();
        i = p + o.size();
    }
    std::memcpy(out, v.data() + i, v.size() - i);
    return val(r);
}

namespace {

// --- padding ---

Value pad(ThreadState& ts, Value s, int64_t left, int64_t right, uint32_t fill) {
    if (left < 0) left = 0;
    if (right < 0) right = 0;
    if (left == 0 && right == 0) return unchanged(ts, s);
    char fb[4];
    auto fl = static_cast<uint64_t>(utf8_encode(fill, fb));
    std::string_view v = str_view(s);
    // A width near sys.maxsize times a 4-byte fill wraps around 64 bits: such
    // a size is refused before anything is allocated or written.
    uint64_t pad_chars = static_cast<uint64_t>(left) + static_cast<uint64_t>(right);
    uint64_t bytes, chars;
    if (__builtin_mul_overflow(pad_chars, fl, &bytes) ||
        __builtin_add_overflow(bytes, v.size(), &bytes) ||
        __builtin_add_overflow(pad_chars, str_len(s), &chars))
        return raise_memory_error(ts);
    StrObject* r = str_alloc(ts, bytes, chars, bytes == chars);
    if (!r) return Value();
    char* out = r->data;
    auto put_fill = [&](int64_t n) {
        if (fl == 1) {
            std::memset(out, fb[0], static_cast<size_t>(n));
            out += n;
            return;
        }
        for (int64_t k = 0; k < n; ++k, out += fl) std::memcpy(out, fb, fl);
    };
    put_fill(left);
    std::memcpy(out, v.data(), v.size());
    out += v.size();
    put_fill(right);
    return val(r);
}

// (width[, fillchar]) of center / ljust / rjust.
bool parse_width_fill(ThreadState& ts, Args args, const char* name, const char* qualname,
                      int64_t* width, uint32_t* fill) {
    if (!method_posargs(ts, args, name, qualname, 1, 2) || !index_as_ssize(ts, args[1], width))
        return false;
    *fill = ' ';
    if (args.n < 3) return true;
    Value f = args[2];
    if (!is_str(ts, f)) {
        raise_fmt(ts, type_error(ts), "The fill character must be a unicode character, not {}",
                  type_name(ts, f));
        return false;
    }
    if (str_len(f) != 1) {
        raise(ts, type_error(ts), "The fill character must be exactly one character long");
        return false;
    }
    utf8_decode(str_obj(f)->data, fill);
    return true;
}

}  // namespace

Value str_center(ThreadState& ts, Args args) {
    int64_t width;
    uint32_t fill;
    if (!parse_width_fill(ts, args, "center", "str.center", &width, &fill)) return Value();
    auto len = static_cast<int64_t>(str_len(args[0]));
    if (width <= len) return unchanged(ts, args[0]);
    int64_t marg = width - len;
    int64_t left = marg / 2 + (marg & width & 1);  // CPython's rounding
    return pad(ts, args[0], left, marg - left, fill);
}

Value str_ljust(ThreadState& ts, Args args) {
    int64_t width;
    uint32_t fill;
    if (!parse_width_fill(ts, args, "ljust", "str.ljust", &width, &fill)) return Value();
    auto len = static_cast<int64_t>(str_len(args[0]));
    if (width <= len)  // also keeps `width - len` from overflowing
        return unchanged(ts, args[0]);
    return pad(ts, args[0], 0, width - len, fill);
}

Value str_rjust(ThreadState& ts, Args args) {
    int64_t width;
    uint32_t fill;
    if (!parse_width_fill(ts, args, "rjust", "str.rjust", &width, &fill)) return Value();
    auto len = static_cast<int64_t>(str_len(args[0]));
    if (width <= len)  // also keeps `width - len` from overflowing
        return unchanged(ts, args[0]);
    return pad(ts, args[0], width - len, 0, fill);
}

Value str_zfill(ThreadState& ts, Args args) {
    int64_t width;
    if (!method_onearg(ts, args, "str.zfill") || !index_as_ssize(ts, args[1], &width))
        return Value();
    Value s = args[0];
    auto len = static_cast<int64_t>(str_len(s));
    if (width <= len) return unchanged(ts, s);
    Ref r(pad(ts, s, width - len, 0, '0'));
    if (!r) return Value();
    StrObject* ro = str_obj(*r);
    char first = str_obj(s)->byte_len ? str_obj(s)->data[0] : 0;
    if (first == '+' || first == '-') {  // the sign moves in front of the zeros
        ro->data[0] = first;
        ro->data[width - len] = '0';
    }
    return r.release();
}

Value str_expandtabs(ThreadState& ts, Args args) {
    Value tabsize_v;
    if (!parse_args(ts, args.drop_first(), "expandtabs", {"|", "tabsize"}, {&tabsize_v}))
        return Value();
    int64_t tabsize = 8;
    if (!tabsize_v.is_null() && !index_as_ssize(ts, tabsize_v, &tabsize)) return Value();
    if (tabsize > INT_MAX || tabsize < INT_MIN)  // CPython takes a C int
        return raise(ts, ts.exc_types().OverflowError, "Python int too large to convert to C int");
    std::string_view v = str_view(args[0]);
    if (v.find('\t') == std::string_view::npos) return unchanged(ts, args[0]);
    std::string out;
    out.reserve(v.size() + 16);
    int64_t col = 0;
    for (size_t i = 0; i < v.size();) {
        char c = v[i];
        int len = utf8_seq_len(static_cast<unsigned char>(c));
        if (c == '\t') {
            if (tabsize > 0) {
                int64_t n = tabsize - col % tabsize;
                if (!check_alloc_size(ts, out.size() + static_cast<uint64_t>(n))) return Value();
                out.append(static_cast<size_t>(n), ' ');
                col += n;
            }
        } else {
            out.append(v.data() + i, static_cast<size_t>(len));
            col = c == '\n' || c == '\r' ? 0 : col + 1;
        }
        i += static_cast<size_t>(len);
    }
    return make_str(ts, out);
}

// --- encode, format, __format__ and friends ---

Value str_encode(ThreadState& ts, Args args) {
    Value enc, err;
    if (!parse_args(ts, args.drop_first(), "encode", {"|", "encoding", "errors"}, {&enc, &err}))
        return Value();
    if (!enc.is_null() && !is_str(ts, enc))
        return raise_fmt(ts, type_error(ts), "encode() argument 'encoding' must be str, not {}",
                         type_name(ts, enc));
    if (!err.is_null() && !is_str(ts, err))
        return raise_fmt(ts, type_error(ts), "encode() argument 'errors' must be str, not {}",
                         type_name(ts, err));
    return str_encode(ts, args[0], enc.is_null() ? "utf-8" : str_view(enc),
                      err.is_null() ? "strict" : str_view(err));
}

Value str_format(ThreadState& ts, Args args) {
    return str_format_method(ts, args);
}

Value str_format_map(ThreadState& ts, Args args) {
    if (!method_onearg(ts, args, "str.format_map")) return Value();
    return str_format_map(ts, args[0], args[1]);
}

Value str___format__(ThreadState& ts, Args args) {
    if (!method_onearg(ts, args, "str.__format__")) return Value();
    if (!is_str(ts, args[1]))
        return raise_fmt(ts, type_error(ts), "__format__() argument must be str, not {}",
                         type_name(ts, args[1]));
    return str_format_spec(ts, args[0], str_view(args[1]));
}

Value str___getnewargs__(ThreadState& ts, Args args) {
    if (!method_noargs(ts, args, "str.__getnewargs__")) return Value();
    Ref copy(make_str_known(ts, str_view(args[0]), str_len(args[0]), is_ascii_str(args[0])));
    if (!copy) return Value();
    return tuple_pack(ts, {*copy});
}

Value str___sizeof__(ThreadState& ts, Args args) {
    if (!method_noargs(ts, args, "str.__sizeof__")) return Value();
    return Value::small_int(
        static_cast<int64_t>(offsetof(StrObject, data) + str_obj(args[0])->byte_len + 1));
}

}  // namespace gilt
