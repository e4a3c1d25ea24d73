// The unicodedata module, as far as character names go: lookup(), name()
// and unidata_version, on the name table of \N{...} escapes
// (interp/frontend/unicode_names.hpp). The property functions (category,
// normalize, ...) are not provided yet: the str methods have their own
// tables (runtime/unicode.hpp), and no script has needed them here.
#include <string>

#include "interp/frontend/unicode_names.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/bytes.hpp"
#include "runtime/errors.hpp"
#include "runtime/module.hpp"
#include "runtime/str.hpp"
#include "runtime/unicode.hpp"
#include "stdlib/modules.hpp"

namespace gilt {

namespace {

// CPython's NAME_MAXLEN: longer names are refused before any lookup.
constexpr std::size_t kNameMaxLength = 256;

Value unicodedata_lookup(ThreadState& ts, Args args);
Value unicodedata_name(ThreadState& ts, Args args);

constexpr MethodDef kUnicodedataFunctions[] = {
    {"lookup", unicodedata_lookup},
    {"name", unicodedata_name},
};

// lookup(name, /): the character, or named sequence, called `name`; str or
// read-only bytes, as CPython's argument clinic accepts.
Value unicodedata_lookup(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "unicodedata.lookup", 1, 1)) return Value();
    Value arg = args[0];
    std::string_view name;
    if (is_str(ts, arg)) {
        name = str_view(arg);
    } else if (is_bytes(arg)) {
        name = bytes_view(arg);
    } else if (is_bytearray(arg)) {
        return raise(ts, ts.exc_types().TypeError,
                     "lookup() argument must be read-only bytes-like object, not bytearray");
    } else {
        return raise_fmt(ts, ts.exc_types().TypeError, "a bytes-like object is required, not '{}'",
                         type_name(ts, arg));
    }
    if (name.size() > kNameMaxLength) return raise(ts, ts.exc_types().KeyError, "name too long");
    char32_t cp;
    if (unicode_names::code_point_for_name(name, &cp)) return str_from_codepoint(ts, cp);
    std::u32string_view seq = unicode_names::named_sequence(name);
    if (seq.empty()) {
        // CPython formats the name with %s, so it stops at a NUL.
        std::string_view shown = name.substr(0, name.find('\0'));
        return raise_fmt(ts, ts.exc_types().KeyError, "undefined character name '{}'", shown);
    }
    std::string utf8;
    for (char32_t c : seq) {
        char buf[4];
        utf8.append(buf, static_cast<std::size_t>(utf8_encode(c, buf)));
    }
    return make_str(ts, utf8);
}

// name(chr, default=<none>, /): the name of a one-character string.
Value unicodedata_name(ThreadState& ts, Args args) {
    // CPython names the module in one message and not the other.
    if (!no_kwargs(ts, args, "unicodedata.name") || !check_nargs(ts, args, "name", 1, 2))
        return Value();
    Value chr = args[0];
    if (!is_str(ts, chr) || str_len(chr) != 1) {
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "name() argument 1 must be a unicode character, not {}",
                         type_name(ts, chr));
    }
    uint32_t cp;
    utf8_decode(str_view(chr).data(), &cp);
    std::string name;
    if (unicode_names::name_of(cp, name)) return make_str(ts, name);
    if (args.n == 2) return new_ref(args[1]);
    return raise(ts, ts.exc_types().ValueError, "no such name");
}

}  // namespace

Value init_unicodedata_module(ThreadState& ts) {
    Ref m(module_new(ts, "unicodedata"));
    if (!m || !module_add_functions(ts, *m, kUnicodedataFunctions)) return Value();
    Ref version(make_str(ts, unicode_names::version()));
    if (!version || !module_add_value(ts, *m, "unidata_version", *version)) return Value();
    return m.release();
}

}  // namespace gilt
