// The str methods that look at characters one by one: case mapping (upper,
// lower, title, capitalize, swapcase, casefold), classification (isalpha,
// isdigit, istitle, isidentifier, ...) and translate / maketrans. Listed in
// the method table of str_methods.cpp.
//
// Case mapping is CPython's: full mappings ('ß'.upper() == 'SS'), title
// case for the first letter of capitalize(), and the final-sigma rule of
// lower() ('ΑΣ'.lower() == 'ας'), which needs the neighbouring code points,
// so the non-ASCII path decodes the whole string first. ASCII strings are
// mapped byte by byte into a result of the same size.
#include <cstring>
#include <string>
#include <vector>

#include "runtime/abstract.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/int.hpp"
#include "runtime/str.hpp"
#include "runtime/unicode.hpp"

namespace gilt {

namespace {

bool is_ascii_str(Value s) noexcept {
    return str_obj(s)->byte_len == str_obj(s)->char_len;
}

std::vector<uint32_t> decode_all(Value s) {
    std::string_view v = str_view(s);
    std::vector<uint32_t> cps;
    cps.reserve(str_len(s));
    for (size_t i = 0; i < v.size();) {
        uint32_t cp;
        i += static_cast<size_t>(utf8_decode(v.data() + i, &cp));
        cps.push_back(cp);
    }
    return cps;
}

// Collects mapped code points as UTF-8, counting them.
struct Utf8Out {
    std::string text;
    uint64_t chars = 0;

    void put(uint32_t cp) {
        utf8_append(text, cp);
        ++chars;
    }
    void put(const uint32_t* cps, int n) {
        for (int k = 0; k < n; ++k) put(cps[k]);
    }
    Value finish(ThreadState& ts) { return make_str_known(ts, text, chars, chars == text.size()); }
};

// CPython's handle_capital_sigma: 'Σ' lowers to final 'ς' when it ends a
// word (a cased letter before it, none after, skipping case-ignorables).
uint32_t lower_sigma(const std::vector<uint32_t>& cps, size_t i) {
    size_t j = i;
    while (j > 0 && uc_is_case_ignorable(cps[j - 1])) --j;
    bool final_sigma = j > 0 && uc_iscased(cps[j - 1]);
    if (final_sigma) {
        j = i + 1;
        while (j < cps.size() && uc_is_case_ignorable(cps[j])) ++j;
        final_sigma = j == cps.size() || !uc_iscased(cps[j]);
    }
    return final_sigma ? 0x3C2 : 0x3C3;
}

void put_lower(Utf8Out& out, const std::vector<uint32_t>& cps, size_t i) {
    if (cps[i] == 0x3A3) {
        out.put(lower_sigma(cps, i));
        return;
    }
    uint32_t m[3];
    out.put(m, uc_lower_full(cps[i], m));
}

void put_mapped(Utf8Out& out, uint32_t cp, int (*fn)(uint32_t, uint32_t*)) {
    uint32_t m[3];
    out.put(m, fn(cp, m));
}

char ascii_upper(char c) {
    return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c;
}
char ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}
bool ascii_is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool ascii_is_lower(char c) {
    return c >= 'a' && c <= 'z';
}

enum class CaseOp { Upper, Lower, Title, Capitalize, Swapcase, Casefold };

// An ASCII string maps to an ASCII string of the same length.
Value ascii_case(ThreadState& ts, Value s, CaseOp op) {
    StrObject* so = str_obj(s);
    StrObject* r = str_alloc(ts, so->byte_len, so->char_len, true);
    if (!r) return Value();
    bool prev_cased = false;
    for (uint64_t i = 0; i < so->byte_len; ++i) {
        char c = so->data[i];
        char m = c;
        switch (op) {
            case CaseOp::Upper:
                m = ascii_upper(c);
                break;
            case CaseOp::Lower:
            case CaseOp::Casefold:
                m = ascii_lower(c);
                break;
            case CaseOp::Capitalize:
                m = i == 0 ? ascii_upper(c) : ascii_lower(c);
                break;
            case CaseOp::Swapcase:
                m = ascii_is_upper(c) ? ascii_lower(c) : ascii_upper(c);
                break;
            case CaseOp::Title:
                m = prev_cased ? ascii_lower(c) : ascii_upper(c);
                prev_cased = ascii_is_upper(c) || ascii_is_lower(c);
                break;
        }
        r->data[i] = m;
    }
    return val(r);
}

Value unicode_case(ThreadState& ts, Value s, CaseOp op) {
    std::vector<uint32_t> cps = decode_all(s);
    Utf8Out out;
    out.text.reserve(str_obj(s)->byte_len + 8);
    bool prev_cased = false;
    for (size_t i = 0; i < cps.size(); ++i) {
        uint32_t c = cps[i];
        switch (op) {
            case CaseOp::Upper:
                put_mapped(out, c, uc_upper_full);
                break;
            case CaseOp::Lower:
                put_lower(out, cps, i);
                break;
            case CaseOp::Casefold:
                put_mapped(out, c, uc_fold_full);
                break;
            case CaseOp::Capitalize:
                if (i == 0)
                    put_mapped(out, c, uc_title_full);
                else
                    put_lower(out, cps, i);
                break;
            case CaseOp::Swapcase:
                if (uc_isupper(c))
                    put_lower(out, cps, i);
                else if (uc_islower(c))
                    put_mapped(out, c, uc_upper_full);
                else
                    out.put(c);
                break;
            case CaseOp::Title:
                if (prev_cased)
                    put_lower(out, cps, i);
                else
                    put_mapped(out, c, uc_title_full);
                prev_cased = uc_iscased(c);
                break;
        }
    }
    return out.finish(ts);
}

Value case_method(ThreadState& ts, Args args, const char* qualname, CaseOp op) {
    if (!method_noargs(ts, args, qualname)) return Value();
    Value s = args[0];
    if (str_obj(s)->byte_len == 0) return str_empty(ts);
    return is_ascii_str(s) ? ascii_case(ts, s, op) : unicode_case(ts, s, op);
}

// --- classification ---

// True when s is non-empty and every code point satisfies pred.
bool all_chars(Value s, bool (*pred)(uint32_t) noexcept) {
    std::string_view v = str_view(s);
    if (v.empty()) return false;
    for (size_t i = 0; i < v.size();) {
        uint32_t cp;
        i += static_cast<size_t>(utf8_decode(v.data() + i, &cp));
        if (!pred(cp)) return false;
    }
    return true;
}

Value predicate_method(ThreadState& ts, Args args, const char* qualname,
                       bool (*pred)(uint32_t) noexcept) {
    if (!method_noargs(ts, args, qualname)) return Value();
    return Value::boolean(all_chars(args[0], pred));
}

// isupper / islower: no character of the opposite case (or title case), and
// at least one cased character.
bool case_test(Value s, bool want_upper) {
    std::vector<uint32_t> cps = decode_all(s);
    bool cased = false;
    for (uint32_t c : cps) {
        bool up = uc_isupper(c), low = uc_islower(c);
        if (want_upper ? (low || uc_istitle(c)) : (up || uc_istitle(c))) return false;
        if (want_upper ? up : low) cased = true;
    }
    return cased;
}

bool title_test(Value s) {
    std::vector<uint32_t> cps = decode_all(s);
    bool cased = false, prev_cased = false;
    for (uint32_t c : cps) {
        if (uc_isupper(c) || uc_istitle(c)) {
            if (prev_cased) return false;
            prev_cased = cased = true;
        } else if (uc_islower(c)) {
            if (!prev_cased) return false;
            prev_cased = cased = true;
        } else {
            prev_cased = false;
        }
    }
    return cased;
}

bool identifier_test(Value s) {
    std::string_view v = str_view(s);
    if (v.empty()) return false;
    for (size_t i = 0; i < v.size();) {
        uint32_t cp;
        bool first = i == 0;
        i += static_cast<size_t>(utf8_decode(v.data() + i, &cp));
        if (!(first ? uc_is_xid_start(cp) : uc_is_xid_continue(cp))) return false;
    }
    return true;
}

// --- translate ---

// What the table maps one code point to: -1 delete, -2 keep, else a code
// point; `text` holds a multi-character (or any str) replacement.
struct Mapping {
    int64_t cp = -2;
    Ref text;
};

bool lookup_mapping(ThreadState& ts, Value table, uint32_t cp, Mapping* out) {
    Ref r(obj_getitem(ts, table, Value::small_int(cp)));
    if (!r) {
        if (!exception_matches(ts, ts.exc_types().LookupError)) return false;
        clear_exception(ts);
        out->cp = -2;
        return true;
    }
    if (r.get().is_none()) {
        out->cp = -1;
    } else if (is_int(*r) && !r.get().is_bool()) {
        int64_t v;
        if (!int_to_int64(*r, &v) || v < 0 || v > kMaxCodePoint) {
            raise(ts, ts.exc_types().ValueError, "character mapping must be in range(0x110000)");
            return false;
        }
        out->cp = v;
    } else if (is_str(ts, *r)) {
        out->cp = -3;
        out->text = std::move(r);
    } else {
        raise(ts, ts.exc_types().TypeError, "character mapping must return integer, None or str");
        return false;
    }
    return true;
}

}  // namespace

Value str_upper(ThreadState& ts, Args args) {
    return case_method(ts, args, "str.upper", CaseOp::Upper);
}
Value str_lower(ThreadState& ts, Args args) {
    return case_method(ts, args, "str.lower", CaseOp::Lower);
}
Value str_title(ThreadState& ts, Args args) {
    return case_method(ts, args, "str.title", CaseOp::Title);
}
Value str_capitalize(ThreadState& ts, Args args) {
    return case_method(ts, args, "str.capitalize", CaseOp::Capitalize);
}
Value str_swapcase(ThreadState& ts, Args args) {
    return case_method(ts, args, "str.swapcase", CaseOp::Swapcase);
}
Value str_casefold(ThreadState& ts, Args args) {
    return case_method(ts, args, "str.casefold", CaseOp::Casefold);
}

Value str_isalpha(ThreadState& ts, Args args) {
    return predicate_method(ts, args, "str.isalpha", uc_isalpha);
}
Value str_isalnum(ThreadState& ts, Args args) {
    return predicate_method(ts, args, "str.isalnum", uc_isalnum);
}
Value str_isdecimal(ThreadState& ts, Args args) {
    return predicate_method(ts, args, "str.isdecimal", uc_isdecimal);
}
Value str_isdigit(ThreadState& ts, Args args) {
    return predicate_method(ts, args, "str.isdigit", uc_isdigit);
}
Value str_isnumeric(ThreadState& ts, Args args) {
    return predicate_method(ts, args, "str.isnumeric", uc_isnumeric);
}
Value str_isspace(ThreadState& ts, Args args) {
    return predicate_method(ts, args, "str.isspace", uc_isspace);
}

Value str_isascii(ThreadState& ts, Args args) {
    if (!method_noargs(ts, args, "str.isascii")) return Value();
    return Value::boolean(is_ascii_str(args[0]));
}

Value str_isprintable(ThreadState& ts, Args args) {
    if (!method_noargs(ts, args, "str.isprintable")) return Value();
    return Value::boolean(str_obj(args[0])->byte_len == 0 || all_chars(args[0], uc_isprintable));
}

Value str_isupper(ThreadState& ts, Args args) {
    if (!method_noargs(ts, args, "str.isupper")) return Value();
    return Value::boolean(case_test(args[0], true));
}

Value str_islower(ThreadState& ts, Args args) {
    if (!method_noargs(ts, args, "str.islower")) return Value();
    return Value::boolean(case_test(args[0], false));
}

Value str_istitle(ThreadState& ts, Args args) {
    if (!method_noargs(ts, args, "str.istitle")) return Value();
    return Value::boolean(title_test(args[0]));
}

Value str_isidentifier(ThreadState& ts, Args args) {
    if (!method_noargs(ts, args, "str.isidentifier")) return Value();
    return Value::boolean(identifier_test(args[0]));
}

Value str_translate(ThreadState& ts, Args args) {
    if (!method_onearg(ts, args, "str.translate")) return Value();
    Value s = args[0], table = args[1];
    std::string_view v = str_view(s);
    Utf8Out out;
    out.text.reserve(v.size());
    // Lookups may run Python code (a user __getitem__); ASCII answers are
    // cached per call as CPython does.
    int64_t ascii_cache[128];
    std::fill(std::begin(ascii_cache), std::end(ascii_cache), -4);
    for (size_t i = 0; i < v.size();) {
        uint32_t cp;
        i += static_cast<size_t>(utf8_decode(v.data() + i, &cp));
        int64_t m = cp < 128 ? ascii_cache[cp] : -4;
        Mapping map;
        if (m == -4) {
            if (!lookup_mapping(ts, table, cp, &map)) return Value();
            m = map.cp;
            if (cp < 128 && m != -3) ascii_cache[cp] = m;
        }
        if (m == -2)
            out.put(cp);
        else if (m >= 0)
            out.put(static_cast<uint32_t>(m));
        else if (m == -3) {
            out.text.append(str_view(*map.text));
            out.chars += str_len(*map.text);
        }
    }
    return out.finish(ts);
}

namespace {

bool maketrans_from_dict(ThreadState& ts, Value src, Value result) {
    uint64_t pos = 0;
    Value key, value;
    while (dict_next(src, &pos, &key, &value)) {
        if (is_str(ts, key)) {
            if (str_len(key) != 1) {
                raise(ts, ts.exc_types().ValueError,
                      "string keys in translate table must be of length 1");
                return false;
            }
            uint32_t cp;
            utf8_decode(str_obj(key)->data, &cp);
            if (!dict_set(ts, result, Value::small_int(cp), value)) return false;
        } else if (is_int(key)) {
            if (!dict_set(ts, result, key, value)) return false;
        } else {
            raise(ts, ts.exc_types().TypeError,
                  "keys in translate table must be strings or integers");
            return false;
        }
    }
    return true;
}

bool maketrans_from_strs(ThreadState& ts, Value x, Value y, Value z, Value result) {
    if (str_len(x) != str_len(y)) {
        raise(ts, ts.exc_types().ValueError,
              "the first two maketrans arguments must have equal length");
        return false;
    }
    std::string_view a = str_view(x), b = str_view(y);
    for (size_t i = 0, j = 0; i < a.size();) {
        uint32_t ca, cb;
        i += static_cast<size_t>(utf8_decode(a.data() + i, &ca));
        j += static_cast<size_t>(utf8_decode(b.data() + j, &cb));
        if (!dict_set(ts, result, Value::small_int(ca), Value::small_int(cb))) return false;
    }
    if (z.is_null()) return true;
    std::string_view c = str_view(z);
    for (size_t i = 0; i < c.size();) {
        uint32_t cp;
        i += static_cast<size_t>(utf8_decode(c.data() + i, &cp));
        if (!dict_set(ts, result, Value::small_int(cp), Value::none())) return false;
    }
    return true;
}

}  // namespace

// str.maketrans(x[, y[, z]]): a static method, so args has no self.
Value str_maketrans(ThreadState& ts, Args args) {
    if (args.kw_count())
        return raise(ts, ts.exc_types().TypeError, "maketrans() takes no keyword arguments");
    if (args.n < 1 || args.n > 3)
        return raise_fmt(
            ts, ts.exc_types().TypeError, "maketrans expected {} {} argument{}, got {}",
            args.n < 1 ? "at least" : "at most", args.n < 1 ? 1 : 3, args.n < 1 ? "" : "s", args.n);
    Ref result(dict_new(ts));
    if (!result) return Value();
    if (args.n == 1) {
        if (!is_dict(ts, args[0]))
            return raise(ts, ts.exc_types().TypeError,
                         "if you give only one argument to maketrans it must be a dict");
        return maketrans_from_dict(ts, args[0], *result) ? result.release() : Value();
    }
    for (uint32_t i = 0; i < args.n; ++i)
        if (!is_str(ts, args[i]))
            return raise_fmt(ts, ts.exc_types().TypeError,
                             "maketrans() argument {} must be str, not {}", i + 1,
                             type_name(ts, args[i]));
    Value z = args.n == 3 ? args[2] : Value();
    return maketrans_from_strs(ts, args[0], args[1], z, *result) ? result.release() : Value();
}

}  // namespace gilt
