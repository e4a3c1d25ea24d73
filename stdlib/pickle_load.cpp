// The unpickler: runs a pickle program (stdlib/pickle_format.hpp) and
// returns what it builds.
//
// Input is hostile until proven otherwise. Every read is bounds-checked
// against what the input holds ("pickle data was truncated"); a length
// prefix is never trusted for an allocation before the bytes it announces
// have arrived, so a claimed 2**60-byte string costs nothing; memo indices
// far beyond the memo's size go to a sparse map instead of growing a
// vector; each opcode checks the stack and mark depth it needs. Building
// objects calls back into Python (find_class, REDUCE, BUILD), so those
// paths raise whatever the callee raises; the opcode loop itself raises
// UnpicklingError, EOFError or ValueError with CPython's messages.
//
// With a file, bytes come from file.read(n) and file.readline() exactly as
// needed, so the file is left just after the pickle's STOP; a FRAME is read
// whole and served from memory.
#include <gmp.h>

#include <bit>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "runtime/abstract.hpp"
#include "runtime/bytes.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/float.hpp"
#include "runtime/instance.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/module.hpp"
#include "runtime/set.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "runtime/type.hpp"
#include "runtime/unicode.hpp"
#include "stdlib/pickle.hpp"
#include "stdlib/pickle_format.hpp"

namespace gilt {

using pickle::Op;

namespace {

constexpr uint64_t kFileChunk = 1 << 20;   // largest single file.read while filling a request
constexpr uint64_t kDenseMemoSlack = 256;  // memo indices this far past the end stay dense

struct Input {
    ThreadState& ts;
    std::string_view data;  // whole input (bytes mode) or the buffered part (file mode)
    std::size_t pos = 0;
    Value file;          // borrowed, null in bytes mode
    std::string buffer;  // file mode: bytes read but not consumed (a frame)

    // Makes n bytes available at *out. False: truncated (or a read error).
    // The common case, bytes already in memory, is inline; the rest is
    // read_slow.
    bool read(uint64_t n, const char** out) {
        if (n <= data.size() - pos) {
            *out = data.data() + pos;
            pos += n;
            return true;
        }
        return read_slow(n, out);
    }
    bool read_slow(uint64_t n, const char** out);
    bool readline(std::string_view* out);
    bool read_from_file(uint64_t n);
};

// file.<method>(args...), the method name given as C text.
Value call_file(ThreadState& ts, Value file, const char* method,
                std::initializer_list<Value> args) {
    Ref fn(obj_getattr_cstr(ts, file, method));
    if (!fn) return Value();
    return call_n(ts, *fn, args);
}

// BINFLOAT's argument: an IEEE double, big-endian.
inline double big_endian_double(const char* p) {
    uint64_t bits = 0;
    for (int i = 0; i < 8; ++i) bits = (bits << 8) | static_cast<unsigned char>(p[i]);
    double d;
    std::memcpy(&d, &bits, 8);
    return d;
}

// The n-byte little-endian unsigned number at p.
inline uint64_t little_endian(const char* p, int n) {
    if constexpr (std::endian::native == std::endian::little) {
        uint64_t v = 0;
        std::memcpy(&v, p, static_cast<std::size_t>(n));
        return v;
    } else {
        uint64_t v = 0;
        for (int i = n - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(p[i]);
        return v;
    }
}

// A str from pickled UTF-8 (surrogates allowed, as CPython writes them).
// Most pickled strs are ASCII: one scan says so and gives the length.
Value utf8_str(ThreadState& ts, std::string_view data) {
    if (ascii_only(data)) return make_str_known(ts, data, data.size(), true);
    if (utf8_valid(data)) return make_str_known(ts, data, utf8_count(data), false);
    return str_decode(ts, data, "utf-8", "surrogatepass");
}

Value truncated(ThreadState& ts) {
    return raise(ts, unpickling_error(ts), "pickle data was truncated");
}

bool Input::read_from_file(uint64_t n) {
    // Keep what is unread, then append until n bytes are buffered.
    buffer.erase(0, pos);
    pos = 0;
    while (buffer.size() < n) {
        uint64_t want = std::min<uint64_t>(n - buffer.size(), kFileChunk);
        Ref chunk(call_file(ts, file, "read", {Value::small_int(static_cast<int64_t>(want))}));
        if (!chunk) return false;
        std::string_view got;
        if (!bytes_like_view(ts, *chunk, &got)) return false;
        if (got.empty()) break;
        buffer.append(got);
    }
    data = buffer;
    if (buffer.size() < n) {
        truncated(ts);
        return false;
    }
    return true;
}

bool Input::read_slow(uint64_t n, const char** out) {
    if (n > static_cast<uint64_t>(INT64_MAX) - pos) {
        raise(ts, unpickling_error(ts), "read would overflow (invalid bytecode)");
        return false;
    }
    if (file.is_null()) {
        truncated(ts);
        return false;
    }
    if (!read_from_file(n)) return false;
    *out = data.data();
    pos = n;
    return true;
}

bool Input::readline(std::string_view* out) {
    std::size_t nl = data.find('\n', pos);
    if (nl != std::string_view::npos) {
        *out = data.substr(pos, nl - pos);
        pos = nl + 1;
        return true;
    }
    if (file.is_null() || pos < data.size()) {
        truncated(ts);
        return false;
    }
    Ref line(call_file(ts, file, "readline", {}));
    if (!line) return false;
    std::string_view got;
    if (!bytes_like_view(ts, *line, &got)) return false;
    if (got.empty() || got.back() != '\n') {
        truncated(ts);
        return false;
    }
    buffer.assign(got);
    data = buffer;
    pos = buffer.size();
    *out = std::string_view(buffer).substr(0, buffer.size() - 1);
    return true;
}

struct Unpickler {
    ThreadState& ts;
    const PickleLoadOptions& opt;
    Input in;
    int proto = 0;
    std::vector<Value> stack;  // owned references
    std::vector<std::size_t> marks;
    std::vector<Value> memo;  // owned; null = unset
    std::unordered_map<uint64_t, Value> sparse_memo;
    static constexpr std::size_t kNameCacheSize = 16;
    std::vector<std::pair<Value, Value>> name_cache;  // owned: name -> interned name
    uint64_t frame_end = 0;

    Unpickler(ThreadState& t, const PickleLoadOptions& o, std::string_view data, Value file)
        : ts(t), opt(o), in{t, data, 0, file, {}} {
        stack.reserve(64);
        memo.reserve(64);
    }
    ~Unpickler() {
        for (Value v : stack) decref(v);
        for (Value v : memo) decref(v);
        for (auto& [k, v] : sparse_memo) decref(v);
        for (auto& [from, to] : name_cache) {
            decref(from);
            decref(to);
        }
    }

    bool error(std::string_view msg) {
        raise(ts, unpickling_error(ts), msg);
        return false;
    }
    bool push(Value v) {  // steals v; false if v is null (error pending)
        if (v.is_null()) return false;
        stack.push_back(v);
        return true;
    }
    std::size_t floor() const { return marks.empty() ? 0 : marks.back(); }
    bool need(std::size_t n) {
        if (stack.size() - floor() < n) return error("unpickling stack underflow");
        return true;
    }
    Value pop() {  // caller owns; call need() first
        Value v = stack.back();
        stack.pop_back();
        return v;
    }
    bool pop_mark(std::size_t* at) {
        if (marks.empty()) return error("could not find MARK");
        *at = marks.back();
        marks.pop_back();
        return true;
    }
    // Items above the mark, as a new tuple/list; the stack is cut back.
    Value take_marked(bool as_list) {
        std::size_t at;
        if (!pop_mark(&at)) return Value();
        std::size_t n = stack.size() - at;
        Value r = as_list ? list_from_array(ts, stack.data() + at, n)
                          : tuple_from_array(ts, stack.data() + at, n);
        if (r.is_null()) return r;
        for (std::size_t i = at; i < stack.size(); ++i) decref(stack[i]);
        stack.resize(at);
        return r;
    }

    // An n-byte little-endian unsigned argument (n is 1, 2, 4 or 8).
    bool read_uint(int n, uint64_t* out) {
        const char* p;
        if (!in.read(n, &p)) return false;
        *out = little_endian(p, n);
        return true;
    }

    // The interned copy of attribute name k (new reference). The instances
    // of one class share their (memoized) name objects, so the last few
    // answers are kept: most BUILDs then skip the intern table's hashing.
    Value interned(Value k) {
        if (k.as_object()->flags & kObjInterned) return new_ref(k);
        for (auto& [from, to] : name_cache)
            if (from == k) return new_ref(to);
        Value to = ts.interp().intern(str_view(k));
        if (to.is_null()) return to;
        if (name_cache.size() < kNameCacheSize) name_cache.emplace_back(new_ref(k), new_ref(to));
        return to;
    }

    bool memo_put(uint64_t idx, Value v) {
        if (idx == memo.size()) {  // MEMOIZE and pickles from Pickler: in order
            memo.push_back(new_ref(v));
            return true;
        }
        if (idx < memo.size() || idx < memo.size() + kDenseMemoSlack) {
            if (idx >= memo.size()) memo.resize(idx + 1);
            set_ref(memo[idx], new_ref(v));
            return true;
        }
        auto [it, fresh] = sparse_memo.try_emplace(idx, Value());
        set_ref(it->second, new_ref(v));
        (void)fresh;
        return true;
    }
    bool memo_get(uint64_t idx) {
        Value v;
        if (idx < memo.size())
            v = memo[idx];
        else if (auto it = sparse_memo.find(idx); it != sparse_memo.end())
            v = it->second;
        if (v.is_null()) {
            raise_fmt(ts, unpickling_error(ts), "Memo value not found at index {}", idx);
            return false;
        }
        stack.push_back(new_ref(v));
        return true;
    }

    Value run();
    bool hot(unsigned char opc, bool* ok);
    bool load_memo(Value dict);
    bool store_memo(Value dict);
    bool step(char op, bool* stop);
    bool load_int_line();
    bool load_long_line();
    bool load_long_bin(uint64_t n);
    bool load_string_line();
    bool load_py2_str(std::string_view raw);
    bool load_unicode_line();
    bool fits_ssize(uint64_t n, const char* what);
    bool allocate_first(uint64_t n, const char* what);
    bool raw_unicode_escape_error(std::string_view line, std::size_t start, std::size_t end,
                                  const char* reason);
    bool load_global_line(bool inst);
    bool load_stack_global();
    bool find_class(Value module, Value name);
    bool load_reduce();
    bool load_newobj(bool ex);
    bool load_build();
    bool load_setstate(Value inst, Value state, bool* done);
    bool load_appends(std::size_t at);
    bool load_setitems(std::size_t at);
    bool load_additems();
    bool load_obj(std::size_t at, Value cls);
    bool load_ext(uint64_t code);
    bool load_persid(Value pid);
    bool load_frame();
    bool load_text_index(uint64_t* idx);
};

bool Unpickler::load_text_index(uint64_t* idx) {
    std::string_view line;
    if (!in.readline(&line)) return false;
    bool digits = !line.empty() && line.size() <= 18;
    for (char c : line) digits = digits && c >= '0' && c <= '9';
    if (!digits) {
        // As CPython, the line (newline included) goes through int(): its
        // ValueError for text that is no integer, and a memo miss for
        // one that is out of range.
        std::string text(line);
        text += '\n';
        Ref decoded(str_decode(ts, text, "utf-8", "strict"));
        Ref v(decoded ? int_from_string(ts, str_view(*decoded), 10) : Value());
        Ref shown(v ? obj_repr(ts, *v) : Value());
        if (!shown) return false;
        return raise_fmt(ts, unpickling_error(ts), "Memo value not found at index {}",
                         str_view(*shown)),
               false;
    }
    uint64_t v = 0;
    for (char c : line) v = v * 10 + (c - '0');
    *idx = v;
    return true;
}

bool Unpickler::load_int_line() {
    std::string_view line;
    if (!in.readline(&line)) return false;
    if (line == "00") return push(Value::false_());
    if (line == "01") return push(Value::true_());
    std::string_view digits = line;
    if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) digits.remove_prefix(1);
    bool ok = !digits.empty();
    for (char c : digits) ok = ok && c >= '0' && c <= '9';
    if (!ok) {
        raise(ts, ts.exc_types().ValueError, "could not convert string to int");
        return false;
    }
    return push(int_from_string(ts, line, 10));
}

bool Unpickler::load_long_line() {
    std::string_view line;
    if (!in.readline(&line)) return false;
    if (!line.empty() && line.back() == 'L') line.remove_suffix(1);
    return push(int_from_string(ts, line, 10));
}

bool Unpickler::load_long_bin(uint64_t n) {
    if (n > 0x7fffffff) return error("LONG pickle has negative byte count");
    const char* p;
    if (!in.read(n, &p)) return false;
    if (n == 0) return push(Value::small_int(0));
    mpz_t z;
    mpz_init(z);
    mpz_import(z, n, -1, 1, 0, 0, p);
    if (static_cast<unsigned char>(p[n - 1]) & 0x80) {
        mpz_t t;
        mpz_init(t);
        mpz_ui_pow_ui(t, 2, 8 * n);
        mpz_sub(z, z, t);
        mpz_clear(t);
    }
    Value r = make_int_mpz(ts, z);
    mpz_clear(z);
    return push(r);
}

bool Unpickler::load_py2_str(std::string_view raw) {
    if (opt.encoding == "bytes") return push(make_bytes(ts, raw));
    return push(str_decode(ts, raw, opt.encoding, opt.errors));
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool Unpickler::load_string_line() {
    std::string_view line;
    if (!in.readline(&line)) return false;
    if (line.size() < 2 || line.front() != line.back() ||
        (line.front() != '\'' && line.front() != '"'))
        return error("the STRING opcode argument must be quoted");
    line = line.substr(1, line.size() - 2);
    // Python 2 repr escapes.
    std::string raw;
    for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (c != '\\' || i + 1 == line.size()) {
            raw += c;
            continue;
        }
        char e = line[++i];
        switch (e) {
            case 'n':
                raw += '\n';
                break;
            case 't':
                raw += '\t';
                break;
            case 'r':
                raw += '\r';
                break;
            case '\\':
                raw += '\\';
                break;
            case '\'':
                raw += '\'';
                break;
            case '"':
                raw += '"';
                break;
            case 'x': {
                int h = i + 2 < line.size() ? hex_digit(line[i + 1]) : -1;
                int l = h >= 0 ? hex_digit(line[i + 2]) : -1;
                if (l < 0) {
                    raise(ts, ts.exc_types().ValueError, "invalid \\x escape");
                    return false;
                }
                raw += static_cast<char>(h * 16 + l);
                i += 2;
                break;
            }
            default:
                raw += '\\';
                raw += e;
        }
    }
    return load_py2_str(raw);
}

// raw-unicode-escape's UnicodeDecodeError for line[start:end], built as
// CPython's codec builds it (the handler's .start/.end/.reason).
bool Unpickler::raw_unicode_escape_error(std::string_view line, std::size_t start, std::size_t end,
                                         const char* reason) {
    Ref enc(make_str(ts, "rawunicodeescape")), object(make_bytes(ts, line)),
        why(make_str(ts, reason));
    if (!enc || !object || !why) return false;
    Ref exc(call_n(ts, val(ts.exc_types().UnicodeDecodeError),
                   {*enc, *object, Value::small_int(static_cast<int64_t>(start)),
                    Value::small_int(static_cast<int64_t>(end)), *why}));
    if (exc) raise_instance(ts, exc.release());
    return false;
}

// raw-unicode-escape: \uXXXX and \UXXXXXXXX escapes, other bytes Latin-1.
bool Unpickler::load_unicode_line() {
    std::string_view line;
    if (!in.readline(&line)) return false;
    std::string out;
    auto append_cp = [&](uint32_t cp) { utf8_append(out, cp); };
    for (std::size_t i = 0; i < line.size(); ++i) {
        auto c = static_cast<unsigned char>(line[i]);
        if (c == '\\' && i + 1 < line.size() && (line[i + 1] == 'u' || line[i + 1] == 'U')) {
            int digits = line[i + 1] == 'u' ? 4 : 8;
            const char* truncated_escape =
                digits == 4 ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
            uint32_t cp = 0;
            for (int k = 0; k < digits; ++k) {
                int d = i + 2 + k < line.size() ? hex_digit(line[i + 2 + k]) : -1;
                if (d < 0) return raw_unicode_escape_error(line, i, i + 2 + k, truncated_escape);
                cp = cp * 16 + d;
            }
            if (cp > 0x10FFFF)
                return raw_unicode_escape_error(line, i, i + 10, "\\Uxxxxxxxx out of range");
            append_cp(cp);
            i += 1 + digits;
        } else {
            append_cp(c);
        }
    }
    return push(make_str(ts, out));
}

void py3_global_name(std::string* module, std::string* name) {
    static constexpr std::pair<const char*, const char*> kNames[][2] = {
        {{"__builtin__", "xrange"}, {"builtins", "range"}},
        {{"__builtin__", "unichr"}, {"builtins", "chr"}},
        {{"__builtin__", "unicode"}, {"builtins", "str"}},
        {{"__builtin__", "long"}, {"builtins", "int"}},
        {{"__builtin__", "basestring"}, {"builtins", "str"}},
        {{"itertools", "izip"}, {"builtins", "zip"}},
        {{"itertools", "imap"}, {"builtins", "map"}},
        {{"itertools", "ifilter"}, {"builtins", "filter"}},
        {{"__builtin__", "reduce"}, {"functools", "reduce"}},
        {{"UserDict", "UserDict"}, {"collections", "UserDict"}},
    };
    for (const auto& entry : kNames) {
        if (*module == entry[0].first && *name == entry[0].second) {
            *module = entry[1].first;
            *name = entry[1].second;
            return;
        }
    }
    static constexpr std::pair<const char*, const char*> kModules[] = {
        {"__builtin__", "builtins"},
        {"copy_reg", "copyreg"},
        {"Queue", "queue"},
        {"thread", "_thread"},
        {"repr", "reprlib"},
        {"exceptions", "builtins"},
        {"SocketServer", "socketserver"},
        {"ConfigParser", "configparser"},
    };
    for (const auto& [py2, py3] : kModules) {
        if (*module == py2) {
            *module = py3;
            return;
        }
    }
}

bool Unpickler::find_class(Value module, Value name) {
    if (!opt.find_class.is_null()) return push(call2(ts, opt.find_class, module, name));
    return push(pickle_find_class(ts, module, name, proto, opt.fix_imports));
}

bool Unpickler::load_global_line(bool inst) {
    std::string_view m, n;
    if (!in.readline(&m)) return false;
    // The module line is decoded before the name line is read, as CPython.
    Ref mod(str_decode(ts, m, "utf-8", "strict"));
    if (!mod || !in.readline(&n)) return false;
    Ref name(str_decode(ts, n, "utf-8", "strict"));
    if (!name) return false;
    if (!inst) return find_class(*mod, *name);
    std::size_t at;
    if (!pop_mark(&at)) return false;
    if (!find_class(*mod, *name)) return false;
    Ref cls(pop());
    return load_obj(at, *cls);
}

bool Unpickler::load_stack_global() {
    if (!need(2)) return false;
    Ref name(pop()), module(pop());
    if (!is_exact_str(ts, *module) || !is_exact_str(ts, *name))
        return error("STACK_GLOBAL requires str");
    return find_class(*module, *name);
}

// INST and OBJ: cls(*args), or for a class without __init__ args and a
// plain class, an instance made with __new__ (CPython's instantiate()).
bool Unpickler::load_obj(std::size_t at, Value cls) {
    std::size_t n = stack.size() - at;
    if (n == 0 && type_is_subtype(type_of(ts, cls), ts.types().type) &&
        type_lookup_cstr(ts, as<TypeObject>(cls), "__getinitargs__").is_null()) {
        // No arguments: an instance made without running __init__.
        Ref new_fn(obj_getattr_cstr(ts, cls, "__new__"));
        return new_fn && push(call1(ts, *new_fn, cls));
    }
    Ref args(tuple_from_array(ts, stack.data() + at, n));
    if (!args) return false;
    for (std::size_t i = at; i < stack.size(); ++i) decref(stack[i]);
    stack.resize(at);
    return push(
        obj_call(ts, cls, Args{tuple_obj(*args)->items, static_cast<uint32_t>(n), nullptr}));
}

bool Unpickler::load_reduce() {
    if (!need(2)) return false;
    Ref args(pop()), callable(pop());
    if (!is_tuple(ts, *args)) return error("REDUCE argument must be a tuple");
    return push(
        obj_call(ts, *callable,
                 Args{tuple_obj(*args)->items, static_cast<uint32_t>(tuple_size(*args)), nullptr}));
}

bool Unpickler::load_newobj(bool ex) {
    Ref kwargs;
    if (ex) {
        if (!need(3)) return false;
        kwargs.reset(pop());
        if (!is_dict(ts, *kwargs)) {
            raise_fmt(ts, unpickling_error(ts), "NEWOBJ_EX kwargs argument must be a dict, not {}",
                      type_name(ts, *kwargs));
            return false;
        }
    }
    if (!need(2)) return false;
    Ref args(pop()), cls(pop());
    const char* opname = ex ? "NEWOBJ_EX" : "NEWOBJ";
    if (!is_tuple(ts, *args)) {
        raise_fmt(ts, unpickling_error(ts), "{} args argument must be a tuple, not {}", opname,
                  type_name(ts, *args));
        return false;
    }
    if (type_of(ts, *cls) != ts.types().type &&
        !type_is_subtype(type_of(ts, *cls), ts.types().type)) {
        raise_fmt(ts, unpickling_error(ts), "{} class argument must be a type, not {}", opname,
                  type_name(ts, *cls));
        return false;
    }
    Ref new_fn(obj_getattr_cstr(ts, *cls, "__new__"));
    if (!new_fn) return false;
    uint64_t n = tuple_size(*args);
    std::vector<Value> call_args;
    call_args.reserve(n + 1 + (kwargs ? dict_size(*kwargs) : 0));
    call_args.push_back(*cls);
    for (uint64_t i = 0; i < n; ++i) call_args.push_back(tuple_item(*args, i));
    Ref kwnames;
    if (kwargs && dict_size(*kwargs)) {
        kwnames.reset(tuple_new(ts, dict_size(*kwargs)));
        if (!kwnames) return false;
        uint64_t pos = 0, i = 0;
        Value k, v;
        while (dict_next(*kwargs, &pos, &k, &v)) {
            if (!is_str(ts, k)) return error("keywords must be strings");
            tuple_obj(*kwnames)->items[i++] = new_ref(k);
            call_args.push_back(v);
        }
    }
    Args a{call_args.data(), static_cast<uint32_t>(n + 1), kwnames ? tuple_obj(*kwnames) : nullptr};
    return push(obj_call(ts, *new_fn, a));
}

// BUILD's first choice: inst.__setstate__(state). Looked up on the type
// first so that the common case, a class without one, costs no
// AttributeError.
bool Unpickler::load_setstate(Value inst, Value state, bool* done) {
    *done = false;
    Ref name(ts.interp().intern("__setstate__"));
    TypeObject* t = type_of(ts, inst);
    if (type_lookup(t, *name).is_null() && t->getattr == generic_getattr) {
        Value* d = inst.is_object() ? instance_dict_slot(inst.as_object()) : nullptr;
        Value shadow = d && !d->is_null() ? dict_get_str(*d, *name) : Value();
        if (d && d->is_null() && (t->flags & kTypeInlineValues))
            shadow = inline_get(inst.as_object(), *name);
        if (shadow.is_null()) return true;
    }
    Ref setstate(obj_getattr_opt(ts, inst, *name));
    if (!setstate) return !ts.has_exception();
    *done = true;
    Ref r(call1(ts, *setstate, state));
    return !r.is_null();
}

bool Unpickler::load_build() {
    if (!need(2)) return false;
    bool done;
    Ref state(pop());
    Value inst = stack.back();
    if (!load_setstate(inst, *state, &done)) return false;
    if (done) return true;
    Value dict_state = *state, slot_state = Value::none();
    if (is_tuple(ts, *state) && tuple_size(*state) == 2) {
        dict_state = tuple_item(*state, 0);
        slot_state = tuple_item(*state, 1);
    }
    if (!dict_state.is_none()) {
        if (!is_dict(ts, dict_state)) return error("state is not a dictionary");
        Value* slot = inst.is_object() ? instance_dict_slot(inst.as_object()) : nullptr;
        if (slot && !instance_materialize_dict(ts, inst.as_object())) return false;
        if (slot && slot->is_null()) *slot = dict_new(ts);
        Ref d(slot && !slot->is_null() ? new_ref(*slot) : obj_getattr_cstr(ts, inst, "__dict__"));
        if (!d) return false;
        bool exact = is_exact_dict(ts, *d);
        uint64_t pos = 0;
        Value k, v;
        while (dict_next(dict_state, &pos, &k, &v)) {
            Ref key = Ref::borrow(k);
            if (is_exact_str(ts, k)) key.reset(interned(k));
            if (!key) return false;
            if (exact ? !dict_set(ts, *d, *key, v) : obj_setitem(ts, *d, *key, v) < 0) return false;
        }
    }
    if (!slot_state.is_none()) {
        if (!is_dict(ts, slot_state)) return error("slot state is not a dictionary");
        uint64_t pos = 0;
        Value k, v;
        while (dict_next(slot_state, &pos, &k, &v))
            if (obj_setattr(ts, inst, k, v) < 0) return false;
    }
    return true;
}

bool Unpickler::load_appends(std::size_t at) {
    if (at == 0) return error("unpickling stack underflow");
    Value target = stack[at - 1];
    std::size_t n = stack.size() - at;
    bool ok = true;
    if (is_exact_list(ts, target)) {
        // The stack's references move into the list.
        if (!list_extend_steal(ts, target, stack.data() + at, n)) return false;
        stack.resize(at);
        return true;
    } else if (n > 0) {
        Ref extend_name(ts.interp().intern("extend"));
        Ref extend(obj_getattr_opt(ts, target, *extend_name));
        if (extend) {
            Ref items(list_from_array(ts, stack.data() + at, n));
            ok = items && !Ref(call1(ts, *extend, *items)).is_null();
        } else if (ts.has_exception()) {
            ok = false;
        } else {
            Ref append(obj_getattr_cstr(ts, target, "append"));
            ok = !append.is_null();
            for (std::size_t i = at; ok && i < stack.size(); ++i)
                ok = !Ref(call1(ts, *append, stack[i])).is_null();
        }
    }
    for (std::size_t i = at; i < stack.size(); ++i) decref(stack[i]);
    stack.resize(at);
    return ok;
}

bool Unpickler::load_setitems(std::size_t at) {
    if (at == 0) return error("unpickling stack underflow");
    if ((stack.size() - at) % 2) return error("odd number of items for SETITEMS");
    Value target = stack[at - 1];
    bool ok = true;
    for (std::size_t i = at; ok && i < stack.size(); i += 2) {
        if (is_exact_dict(ts, target))
            ok = dict_set(ts, target, stack[i], stack[i + 1]);
        else
            ok = obj_setitem(ts, target, stack[i], stack[i + 1]) >= 0;
    }
    for (std::size_t i = at; i < stack.size(); ++i) decref(stack[i]);
    stack.resize(at);
    return ok;
}

bool Unpickler::load_additems() {
    std::size_t at;
    if (!pop_mark(&at)) return false;
    if (at == 0) return error("unpickling stack underflow");
    Value target = stack[at - 1];
    bool ok = true;
    if (type_of(ts, target) == ts.types().set) {
        for (std::size_t i = at; ok && i < stack.size(); ++i) ok = set_add(ts, target, stack[i]);
    } else {
        Ref add(obj_getattr_cstr(ts, target, "add"));
        ok = !add.is_null();
        for (std::size_t i = at; ok && i < stack.size(); ++i)
            ok = !Ref(call1(ts, *add, stack[i])).is_null();
    }
    for (std::size_t i = at; i < stack.size(); ++i) decref(stack[i]);
    stack.resize(at);
    return ok;
}

bool Unpickler::load_ext(uint64_t code) {
    Value copyreg = dict_get_cstr(ts, ts.interp().modules, "copyreg");
    if (copyreg.is_null()) return error("unregistered extension code");
    Value cache = dict_get_cstr(ts, module_dict(copyreg), "_extension_cache");
    Value inverted = dict_get_cstr(ts, module_dict(copyreg), "_inverted_registry");
    if (cache.is_null() || inverted.is_null()) return error("unregistered extension code");
    Ref key(make_int_u64(ts, code));
    if (!key) return false;
    bool err = false;
    Value hit = dict_get(ts, cache, *key, &err);
    if (err) return false;
    if (!hit.is_null()) return push(new_ref(hit));
    Value pair = dict_get(ts, inverted, *key, &err);
    if (err) return false;
    if (pair.is_null()) {
        if (code == 0) return error("EXT specifies code <= 0");
        raise_fmt(ts, ts.exc_types().ValueError, "unregistered extension code {}", code);
        return false;
    }
    if (!is_tuple(ts, pair) || tuple_size(pair) != 2)
        return error("_inverted_registry[{}] isn't a 2-tuple of strings");
    if (!find_class(tuple_item(pair, 0), tuple_item(pair, 1))) return false;
    return dict_set(ts, cache, *key, stack.back());
}

bool Unpickler::load_persid(Value pid) {
    Ref owned(pid);
    if (opt.persistent_load.is_null())
        return error(
            "A load persistent id instruction was encountered,\n"
            "but no persistent_load function was specified.");
    return push(call1(ts, opt.persistent_load, pid));
}

// A 64-bit length beyond Py_ssize_t: CPython's OverflowError.
bool Unpickler::fits_ssize(uint64_t n, const char* what) {
    if (n <= static_cast<uint64_t>(INT64_MAX)) return true;
    raise_fmt(ts, ts.exc_types().OverflowError,
              "{} exceeds system's maximum size of 9223372036854775807 bytes", what);
    return false;
}

// CPython makes the bytes object of BINBYTES* / BYTEARRAY8 before reading
// into it, so a length that cannot be allocated is MemoryError even when
// the data is short; the checked size does the same without allocating.
bool Unpickler::allocate_first(uint64_t n, const char* what) {
    if (what && !fits_ssize(n, what)) return false;
    return n <= in.data.size() - in.pos || check_alloc_size(ts, n);
}

bool Unpickler::load_frame() {
    uint64_t len;
    if (!read_uint(8, &len)) return false;
    if (len > static_cast<uint64_t>(INT64_MAX)) {
        raise(ts, ts.exc_types().OverflowError,
              "FRAME length exceeds system's maximum of 9223372036854775807 bytes");
        return false;
    }
    if (in.file.is_null()) {
        // In memory the frame is just a promise about what follows.
        if (len > in.data.size() - in.pos) return truncated(ts), false;
        return true;
    }
    if (in.pos < in.data.size())
        return error("beginning of a new frame before end of current frame");
    return in.read_from_file(len);
}

bool Unpickler::step(char opc, bool* stop) {
    uint64_t n;
    const char* p;
    std::size_t at;
    switch (static_cast<Op>(opc)) {
        case Op::MARK:
            marks.push_back(stack.size());
            return true;
        case Op::STOP:
            if (!need(1)) return false;
            *stop = true;
            return true;
        case Op::POP:
            if (!marks.empty() && stack.size() == marks.back()) {
                marks.pop_back();  // POP of an empty group drops the mark, as CPython does
                return true;
            }
            if (!need(1)) return false;
            decref(pop());
            return true;
        case Op::POP_MARK:
            if (!pop_mark(&at)) return false;
            while (stack.size() > at) decref(pop());
            return true;
        case Op::DUP:
            if (!need(1)) return false;
            stack.push_back(new_ref(stack.back()));
            return true;
        case Op::FLOAT: {
            std::string_view line;
            if (!in.readline(&line)) return false;
            return push(float_from_string(ts, line));
        }
        case Op::INT:
            return load_int_line();
        case Op::LONG:
            return load_long_line();
        case Op::BININT:
            if (!read_uint(4, &n)) return false;
            return push(Value::small_int(static_cast<int32_t>(static_cast<uint32_t>(n))));
        case Op::BININT1:
            if (!read_uint(1, &n)) return false;
            return push(Value::small_int(static_cast<int64_t>(n)));
        case Op::BININT2:
            if (!read_uint(2, &n)) return false;
            return push(Value::small_int(static_cast<int64_t>(n)));
        case Op::LONG1:
            return read_uint(1, &n) && load_long_bin(n);
        case Op::LONG4:
            return read_uint(4, &n) && load_long_bin(n);
        case Op::NONE:
            return push(Value::none());
        case Op::NEWTRUE:
            return push(Value::true_());
        case Op::NEWFALSE:
            return push(Value::false_());
        case Op::BINFLOAT: {
            if (!in.read(8, &p)) return false;
            return push(make_float(ts, big_endian_double(p)));
        }
        case Op::STRING:
            return load_string_line();
        case Op::BINSTRING:
            if (!read_uint(4, &n)) return false;
            if (static_cast<int32_t>(n) < 0)
                return error("BINSTRING pickle has negative byte count");
            return in.read(n, &p) && load_py2_str({p, n});
        case Op::SHORT_BINSTRING:
            return read_uint(1, &n) && in.read(n, &p) && load_py2_str({p, n});
        case Op::UNICODE:
            return load_unicode_line();
        case Op::BINUNICODE:
            return read_uint(4, &n) && in.read(n, &p) && push(utf8_str(ts, {p, n}));
        case Op::SHORT_BINUNICODE:
            return read_uint(1, &n) && in.read(n, &p) && push(utf8_str(ts, {p, n}));
        case Op::BINUNICODE8:
            return read_uint(8, &n) && fits_ssize(n, "BINUNICODE8") && in.read(n, &p) &&
                   push(utf8_str(ts, {p, n}));
        case Op::BINBYTES:
            return read_uint(4, &n) && allocate_first(n, nullptr) && in.read(n, &p) &&
                   push(make_bytes(ts, {p, n}));
        case Op::SHORT_BINBYTES:
            return read_uint(1, &n) && in.read(n, &p) && push(make_bytes(ts, {p, n}));
        case Op::BINBYTES8:
            return read_uint(8, &n) && allocate_first(n, "BINBYTES8") && in.read(n, &p) &&
                   push(make_bytes(ts, {p, n}));
        case Op::BYTEARRAY8:
            return read_uint(8, &n) && allocate_first(n, "BYTEARRAY8") && in.read(n, &p) &&
                   push(make_bytearray(ts, {p, n}));
        case Op::EMPTY_TUPLE:
            return push(new_ref(ts.interp().empty_tuple));
        case Op::TUPLE:
            return push(take_marked(false));
        case Op::TUPLE1:
        case Op::TUPLE2:
        case Op::TUPLE3: {
            std::size_t k =
                static_cast<unsigned char>(opc) - static_cast<unsigned char>(Op::TUPLE1) + 1;
            if (!need(k)) return false;
            Value t = tuple_new(ts, k);
            if (t.is_null()) return false;
            // The stack's references move into the tuple.
            std::size_t base = stack.size() - k;
            for (std::size_t i = 0; i < k; ++i) tuple_obj(t)->items[i] = stack[base + i];
            stack.resize(base);
            return push(t);
        }
        case Op::EMPTY_LIST:
            return push(list_new(ts));
        case Op::LIST:
            return push(take_marked(true));
        case Op::EMPTY_DICT:
            return push(dict_new(ts));
        case Op::DICT: {
            if (!pop_mark(&at)) return false;
            if ((stack.size() - at) % 2) return error("odd number of items for DICT");
            Ref d(dict_new(ts));
            if (!d) return false;
            for (std::size_t i = at; i < stack.size(); i += 2)
                if (!dict_set(ts, *d, stack[i], stack[i + 1])) return false;
            while (stack.size() > at) decref(pop());
            return push(d.release());
        }
        case Op::EMPTY_SET:
            return push(set_new(ts));
        case Op::FROZENSET: {
            Ref items(take_marked(false));
            return items && push(frozenset_new(ts, *items));
        }
        case Op::ADDITEMS:
            return load_additems();
        case Op::APPEND:
            if (!need(1)) return false;
            return load_appends(stack.size() - 1);
        case Op::APPENDS:
            return pop_mark(&at) && load_appends(at);
        case Op::SETITEM:
            if (!need(2)) return false;
            return load_setitems(stack.size() - 2);
        case Op::SETITEMS:
            return pop_mark(&at) && load_setitems(at);
        case Op::GET:
            return load_text_index(&n) && memo_get(n);
        case Op::BINGET:
            return read_uint(1, &n) && memo_get(n);
        case Op::LONG_BINGET:
            return read_uint(4, &n) && memo_get(n);
        case Op::PUT:
            if (!load_text_index(&n) || !need(1)) return false;
            return memo_put(n, stack.back());
        case Op::BINPUT:
            if (!read_uint(1, &n) || !need(1)) return false;
            return memo_put(n, stack.back());
        case Op::LONG_BINPUT:
            if (!read_uint(4, &n) || !need(1)) return false;
            return memo_put(n, stack.back());
        case Op::MEMOIZE:
            if (!need(1)) return false;
            return memo_put(memo.size(), stack.back());
        case Op::GLOBAL:
            return load_global_line(false);
        case Op::INST:
            return load_global_line(true);
        case Op::OBJ: {
            if (!pop_mark(&at)) return false;
            if (stack.size() - at < 1) return error("unpickling stack underflow");
            Ref cls(stack[at]);
            stack.erase(stack.begin() + static_cast<std::ptrdiff_t>(at));
            return load_obj(at, *cls);
        }
        case Op::STACK_GLOBAL:
            return load_stack_global();
        case Op::REDUCE:
            return load_reduce();
        case Op::NEWOBJ:
            return load_newobj(false);
        case Op::NEWOBJ_EX:
            return load_newobj(true);
        case Op::BUILD:
            return load_build();
        case Op::EXT1:
            return read_uint(1, &n) && load_ext(n);
        case Op::EXT2:
            return read_uint(2, &n) && load_ext(n);
        case Op::EXT4:
            return read_uint(4, &n) && load_ext(n);
        case Op::PERSID: {
            std::string_view line;
            if (!in.readline(&line)) return false;
            Value pid = str_decode(ts, line, "ascii", "strict");
            if (pid.is_null()) {
                clear_exception(ts);
                return error("persistent IDs in protocol 0 must be ASCII strings");
            }
            return load_persid(pid);
        }
        case Op::BINPERSID:
            if (!need(1)) return false;
            return load_persid(pop());
        case Op::PROTO: {
            if (!read_uint(1, &n)) return false;
            if (n > static_cast<uint64_t>(pickle::kHighestProtocol)) {
                raise_fmt(ts, ts.exc_types().ValueError, "unsupported pickle protocol: {}", n);
                return false;
            }
            proto = static_cast<int>(n);
            if (opt.owner.is_null()) return true;
            Ref attr(ts.interp().intern("proto"));
            return obj_setattr(ts, opt.owner, *attr, Value::small_int(proto)) >= 0;
            return true;
        }
        case Op::FRAME:
            return load_frame();
        case Op::NEXT_BUFFER: {
            if (opt.buffers.is_null())
                return error(
                    "pickle stream refers to out-of-band data but no *buffers* argument was given");
            Ref buf(iter_next(ts, opt.buffers));
            if (!buf) return ts.has_exception() ? false : error("not enough out-of-band buffers");
            return push(buf.release());
        }
        case Op::READONLY_BUFFER:
            return need(1);
    }
    auto c = static_cast<unsigned char>(opc);
    if (c >= 0x20 && c < 0x7f)
        raise_fmt(ts, unpickling_error(ts), "invalid load key, '{}'.", static_cast<char>(c));
    else
        raise_fmt(ts, unpickling_error(ts), "invalid load key, '\\x{:02x}'.", c);
    return false;
}

// The opcodes most pickles are made of, when their arguments are already
// in memory: handled here without step()'s full switch. False means "not
// handled" (step() then does it, with every check); *ok is false when it
// was handled and failed.
inline bool Unpickler::hot(unsigned char opc, bool* ok) {
    const std::size_t left = in.data.size() - in.pos;
    const char* p = in.data.data() + in.pos;
    switch (static_cast<Op>(opc)) {
        case Op::MARK:
            marks.push_back(stack.size());
            return true;
        case Op::BININT1:
            if (left < 1) return false;
            in.pos += 1;
            stack.push_back(Value::small_int(static_cast<unsigned char>(p[0])));
            return true;
        case Op::BININT2:
            if (left < 2) return false;
            in.pos += 2;
            stack.push_back(Value::small_int(static_cast<int64_t>(little_endian(p, 2))));
            return true;
        case Op::BININT:
            if (left < 4) return false;
            in.pos += 4;
            stack.push_back(Value::small_int(static_cast<int32_t>(little_endian(p, 4))));
            return true;
        case Op::BINFLOAT:
            if (left < 8) return false;
            in.pos += 8;
            *ok = push(make_float(ts, big_endian_double(p)));
            return true;
        case Op::SHORT_BINUNICODE: {
            if (left < 1) return false;
            std::size_t n = static_cast<unsigned char>(p[0]);
            if (left < 1 + n) return false;
            in.pos += 1 + n;
            *ok = push(utf8_str(ts, {p + 1, n}));
            return true;
        }
        case Op::MEMOIZE:
            if (stack.size() <= floor()) return false;
            memo.push_back(new_ref(stack.back()));
            return true;
        case Op::BINGET: {
            if (left < 1) return false;
            std::size_t idx = static_cast<unsigned char>(p[0]);
            if (idx >= memo.size() || memo[idx].is_null()) return false;
            in.pos += 1;
            stack.push_back(new_ref(memo[idx]));
            return true;
        }
        case Op::EMPTY_LIST:
            *ok = push(list_new(ts));
            return true;
        default:
            return false;
    }
}

Value Unpickler::run() {
    const char* p;
    if (in.data.empty() && in.file.is_null())
        return raise(ts, ts.exc_types().EOFError, "Ran out of input");
    bool stop = false;
    while (!stop) {
        if (in.pos < in.data.size()) {
            unsigned char opc = static_cast<unsigned char>(in.data[in.pos++]);
            bool ok = true;
            if (hot(opc, &ok)) {
                if (!ok) return Value();
                continue;
            }
            if (!step(static_cast<char>(opc), &stop)) return Value();
            continue;
        }
        if (in.pos == in.data.size() && in.file.is_null())
            return raise(ts, ts.exc_types().EOFError, "Ran out of input");
        if (!in.file.is_null() && in.pos == in.data.size()) {
            Ref chunk(call_file(ts, in.file, "read", {Value::small_int(1)}));
            if (!chunk) return Value();
            std::string_view got;
            if (!bytes_like_view(ts, *chunk, &got)) return Value();
            if (got.empty()) return raise(ts, ts.exc_types().EOFError, "Ran out of input");
            in.buffer.assign(got);
            in.data = in.buffer;
            in.pos = 0;
        }
        if (!in.read(1, &p)) return Value();
        if (!step(*p, &stop)) return Value();
    }
    return pop();
}

Value import_module_named(ThreadState& ts, Value name) {
    Value importer = dict_get_cstr(ts, ts.interp().builtins, "__import__");
    Ref top(call1(ts, importer, name));
    if (!top) return Value();
    bool err = false;
    Value m = dict_get(ts, ts.interp().modules, name, &err);
    if (err) return Value();
    if (m.is_null()) return raise_key_error(ts, name);
    return new_ref(m);
}

}  // namespace

Value pickle_find_class(ThreadState& ts, Value module, Value name, int proto, bool fix_imports) {
    if (!is_str(ts, module) || !is_str(ts, name))
        return raise(ts, ts.exc_types().TypeError, "find_class() arguments must be str");
    Ref mod_name = Ref::borrow(module), attr_name = Ref::borrow(name);
    if (proto < 3 && fix_imports) {
        std::string m(str_view(module)), n(str_view(name));
        py3_global_name(&m, &n);
        mod_name.reset(make_str(ts, m));
        attr_name.reset(make_str(ts, n));
        if (!mod_name || !attr_name) return Value();
    }
    Ref mod(import_module_named(ts, *mod_name));
    if (!mod) return Value();
    std::string_view full = str_view(*attr_name);
    Ref current = mod;
    for (std::size_t start = 0;;) {
        std::size_t dot = proto >= 4 ? full.find('.', start) : std::string_view::npos;
        std::string part(full.substr(start, dot == std::string_view::npos ? dot : dot - start));
        if (part == "<locals>") {
            Ref r(str_repr_value(ts, *attr_name)), mr(obj_repr(ts, *mod));
            if (r && mr)
                raise_fmt(ts, ts.exc_types().AttributeError, "Can't get local attribute {} on {}",
                          str_view(*r), str_view(*mr));
            return Value();
        }
        Ref next(obj_getattr_cstr(ts, *current, part.c_str()));
        if (!next) {
            if (!exception_matches(ts, ts.exc_types().AttributeError)) return Value();
            clear_exception(ts);
            Ref r(str_repr_value(ts, *attr_name)), mr(obj_repr(ts, *mod));
            if (r && mr)
                raise_fmt(ts, ts.exc_types().AttributeError, "Can't get attribute {} on {}",
                          str_view(*r), str_view(*mr));
            return Value();
        }
        current = next;
        if (dot == std::string_view::npos) break;
        start = dot + 1;
    }
    return current.release();
}

// An Unpickler's memo between loads lives in a dict {index: obj}.
bool Unpickler::load_memo(Value dict) {
    if (!is_dict(ts, dict)) {
        raise(ts, ts.exc_types().TypeError, "memo must be a dict");
        return false;
    }
    uint64_t pos = 0;
    Value key, obj;
    while (dict_next(dict, &pos, &key, &obj)) {
        int64_t idx;
        if (!int_to_int64(key, &idx) || idx < 0) {
            raise(ts, ts.exc_types().TypeError, "memo key must be integers");
            return false;
        }
        if (!memo_put(static_cast<uint64_t>(idx), obj)) return false;
    }
    return true;
}

bool Unpickler::store_memo(Value dict) {
    auto store = [&](uint64_t idx, Value obj) {
        Ref key(make_int_u64(ts, idx));
        return key && dict_set(ts, dict, *key, obj);
    };
    for (std::size_t i = 0; i < memo.size(); ++i)
        if (!memo[i].is_null() && !store(i, memo[i])) return false;
    for (const auto& [idx, obj] : sparse_memo)
        if (!store(idx, obj)) return false;
    return true;
}

Value pickle_load(ThreadState& ts, std::string_view data, Value file,
                  const PickleLoadOptions& options) {
    Unpickler u(ts, options, data, file);
    if (!options.memo.is_null() && !u.load_memo(options.memo)) return Value();
    Ref result(u.run());
    if (!result || (!options.memo.is_null() && !u.store_memo(options.memo))) return Value();
    return result.release();
}

}  // namespace gilt
