// The pickler: turns an object graph into pickle opcodes
// (stdlib/pickle_format.hpp), making the same choices as CPython's _pickle
// so that the bytes are identical for the builtin types: which opcode each
// value gets per protocol, what is memoized and when, batches of 1000 items,
// framing in protocol 4 and up, and the Python 2 names of protocols 0-2.
//
// save() is the dispatcher. Scalars are never memoized; str, bytes and the
// containers are, right after their opcode (so a container that contains
// itself finds itself in the memo); tuples are memoized after their items,
// because TUPLE needs the items first, and a tuple reached again through its
// own items is fetched back from the memo (POP_MARK + GET). Everything
// else goes through the reduce protocol (reducer_override, dispatch_table,
// __reduce_ex__) or is saved by name (classes, functions).
#include <gmp.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "runtime/abstract.hpp"
#include "runtime/bytes.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/exception.hpp"
#include "runtime/float.hpp"
#include "runtime/instance.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/module.hpp"
#include "runtime/native_function.hpp"
#include "runtime/object_reduce.hpp"
#include "runtime/set.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "runtime/type.hpp"
#include "stdlib/pickle.hpp"
#include "stdlib/pickle_format.hpp"

namespace gilt {

using pickle::Op;
using pickle::op_byte;

namespace {

constexpr std::size_t kNoFrame = std::string::npos;

// Python 3 names as protocols 0-2 write them (the Python 2 spelling), for
// fix_imports. Exceptions map to the `exceptions` module (below).
struct NameMap {
    const char* module;
    const char* name;
    const char* py2_module;
    const char* py2_name;
};
constexpr NameMap kPy2Names[] = {
    {"builtins", "range", "__builtin__", "xrange"}, {"builtins", "chr", "__builtin__", "unichr"},
    {"builtins", "str", "__builtin__", "unicode"},  {"builtins", "int", "__builtin__", "long"},
    {"builtins", "zip", "itertools", "izip"},       {"builtins", "map", "itertools", "imap"},
    {"builtins", "filter", "itertools", "ifilter"},
};
constexpr std::pair<const char*, const char*> kPy2Modules[] = {
    {"builtins", "__builtin__"},
    {"copyreg", "copy_reg"},
    {"queue", "Queue"},
    {"_thread", "thread"},
    {"reprlib", "repr"},
    {"socketserver", "SocketServer"},
    {"configparser", "ConfigParser"},
    {"_pickle", "pickle"},
    {"_functools", "functools"},
};
// Builtin exceptions Python 2 did not have: they keep their module.
constexpr const char* kPy3OnlyExceptions[] = {
    "BlockingIOError", "RecursionError",     "StopAsyncIteration", "ResourceWarning",
    "EncodingWarning", "BaseExceptionGroup", "ExceptionGroup",
};

// Python 3's OSError subclasses, which Python 2 only knew as OSError.
constexpr const char* kPy2OSErrors[] = {
    "BrokenPipeError",        "ChildProcessError",    "ConnectionAbortedError", "ConnectionError",
    "ConnectionRefusedError", "ConnectionResetError", "FileExistsError",        "FileNotFoundError",
    "InterruptedError",       "IsADirectoryError",    "NotADirectoryError",     "PermissionError",
    "ProcessLookupError",     "TimeoutError",
};

struct Pickler {
    ThreadState& ts;
    const PickleDumpOptions& opt;
    int proto;
    std::string& out;
    std::size_t frame_start = kNoFrame;
    bool framing = false;
    std::unordered_map<uint64_t, uint32_t> memo;  // keyed by the Value's bits
    std::vector<Ref> memo_keep;                   // the memo owns its objects: ids stay unique
    Value dispatch;                               // borrowed: opt.dispatch_table or copyreg's
    // Classes whose instances reduce exactly as object.__reduce_ex__ does
    // with no hook overridden (see plain_instance_type).
    std::unordered_map<const TypeObject*, bool> plain_types;
    TypeObject* picklebuffer = nullptr;  // pickle.PickleBuffer, once pickle.py has run
    // Whether `dispatch` and `picklebuffer` have been looked up: only an
    // object that is no builtin container or scalar needs them, so a pickle
    // of plain values (every message a Pipe or Queue sends) skips the four
    // dict lookups.
    bool globals_found = false;

    Pickler(ThreadState& t, const PickleDumpOptions& o, std::string& buf)
        : ts(t), opt(o), proto(o.protocol), out(buf) {}

    void find_globals();

    // --- output and framing ---
    void open_frame_if_needed() {
        if (framing && frame_start == kNoFrame) {
            frame_start = out.size();
            out.append(pickle::kFrameHeaderSize, '\0');
        }
    }
    void put(char c) {
        open_frame_if_needed();
        out.push_back(c);
    }
    void put(Op op) { put(op_byte(op)); }
    void put(std::string_view s) {
        open_frame_if_needed();
        out.append(s);
    }
    void put_le(uint64_t v, int n) {
        open_frame_if_needed();
        for (int i = 0; i < n; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
    }
    void commit_frame() {
        if (frame_start == kNoFrame) return;
        uint64_t len = out.size() - frame_start - pickle::kFrameHeaderSize;
        if (len >= pickle::kFrameSizeMin) {
            out[frame_start] = op_byte(Op::FRAME);
            for (int i = 0; i < 8; ++i)
                out[frame_start + 1 + i] = static_cast<char>((len >> (8 * i)) & 0xff);
        } else {
            out.erase(frame_start, pickle::kFrameHeaderSize);
        }
        frame_start = kNoFrame;
    }
    void opcode_boundary() {
        if (framing && frame_start != kNoFrame &&
            out.size() - frame_start - pickle::kFrameHeaderSize >= pickle::kFrameSizeTarget)
            commit_frame();
    }
    // A header and a payload; a big payload goes outside any frame.
    void put_payload(std::string_view header, std::string_view data) {
        if (framing && data.size() >= pickle::kFrameSizeTarget) {
            commit_frame();
            out.append(header);
            out.append(data);
            return;
        }
        put(header);
        put(data);
    }

    // --- errors ---
    bool fail(std::string_view msg) {
        raise(ts, pickling_error(ts), msg);
        return false;
    }

    // --- memo ---
    bool in_memo(Value v, uint32_t* idx) const {
        auto it = memo.find(v.bits());
        if (it == memo.end()) return false;
        *idx = it->second;
        return true;
    }
    void memoize(Value v) {
        auto idx = static_cast<uint32_t>(memo.size());
        memo.emplace(v.bits(), idx);
        memo_keep.push_back(Ref::borrow(v));
        if (proto >= 4) {
            put(Op::MEMOIZE);
        } else if (proto >= 1) {
            std::string h;
            if (idx < 256) {
                h += op_byte(Op::BINPUT);
                h += static_cast<char>(idx);
                put(h);
            } else {
                put(Op::LONG_BINPUT);
                put_le(idx, 4);
            }
        } else {
            put(fmt::format("p{}\n", idx));
        }
    }
    void memo_get(uint32_t idx) {
        if (proto >= 1) {
            if (idx < 256) {
                put(Op::BINGET);
                put(static_cast<char>(idx));
            } else {
                put(Op::LONG_BINGET);
                put_le(idx, 4);
            }
        } else {
            put(fmt::format("g{}\n", idx));
        }
    }

    bool save(Value v, bool pers_save = false);
    bool load_memo(Value dict);
    bool store_memo(Value dict, std::size_t from);
    bool save_persistent(Value v, bool* done);
    bool save_int(Value v);
    void save_float(double d);
    bool save_str(Value v);
    bool save_bytes(Value v);
    bool save_tuple(Value v);
    bool save_list(Value v);
    bool save_dict(Value v);
    bool save_set(Value v);
    bool save_frozenset(Value v);
    bool save_bytearray(Value v);
    bool save_other(Value v);
    bool save_picklebuffer(Value v);
    bool is_picklebuffer(TypeObject* t) {
        find_globals();
        return picklebuffer && t == picklebuffer;
    }
    bool plain_instance_type(TypeObject* t);
    bool save_plain_instance(Value v, TypeObject* t);
    bool save_type(Value v);
    bool save_global(Value v, Value name);
    bool save_reduce(Value reduce_value, Value obj);
    bool batch_appends(Value iter);
    bool batch_setitems(Value iter);
    template <class SaveItem>
    bool batch_items(Value iter, Op single, Op multi, SaveItem save_item);
    bool save_reduce_pair(Value callable, Value args, Value obj);
};

// A Pickler's memo between dumps lives in a dict {id(obj): (index, obj)}
// (the shape of CPython's Pickler.memo.copy()), read in before a dump and
// added to after it.
bool Pickler::load_memo(Value dict) {
    if (!is_dict(ts, dict)) {
        raise(ts, ts.exc_types().TypeError, "memo must be a dict");
        return false;
    }
    std::vector<std::pair<uint64_t, Value>> entries;
    uint64_t pos = 0;
    Value key, entry;
    while (dict_next(dict, &pos, &key, &entry)) {
        int64_t idx;
        if (!is_tuple(ts, entry) || tuple_size(entry) != 2 ||
            !int_to_int64(tuple_item(entry, 0), &idx) || idx < 0) {
            raise(ts, ts.exc_types().TypeError, "memo values must be (index, object) pairs");
            return false;
        }
        entries.emplace_back(static_cast<uint64_t>(idx), tuple_item(entry, 1));
    }
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [idx, obj] : entries) {
        memo.emplace(obj.bits(), static_cast<uint32_t>(idx));
        memo_keep.push_back(Ref::borrow(obj));
    }
    return true;
}

bool Pickler::store_memo(Value dict, std::size_t from) {
    for (std::size_t i = from; i < memo_keep.size(); ++i) {
        Value obj = *memo_keep[i];
        Ref key(make_int_u64(ts, obj.bits()));
        Ref idx(make_int_u64(ts, memo[obj.bits()]));
        Ref pair(key && idx ? tuple_pack(ts, {*idx, obj}) : Value());
        if (!pair || !dict_set(ts, dict, *key, *pair)) return false;
    }
    return true;
}

bool Pickler::save_persistent(Value v, bool* done) {
    *done = false;
    Ref pid(call1(ts, opt.persistent_id, v));
    if (!pid) return false;
    if ((*pid).is_none()) return true;
    *done = true;
    if (proto >= 1) {
        if (!save(*pid, true)) return false;
        put(Op::BINPERSID);
        return true;
    }
    if (!is_str(ts, *pid) || !str_is_ascii(*pid))
        return fail("persistent IDs in protocol 0 must be ASCII strings");
    put(Op::PERSID);
    put(str_view(*pid));
    put('\n');
    return true;
}

bool Pickler::save_int(Value v) {
    int64_t small;
    if (int_to_int64(v, &small) && small >= INT32_MIN && small <= INT32_MAX) {
        if (proto >= 1) {
            if (small >= 0 && small <= 0xff) {
                put(Op::BININT1);
                put(static_cast<char>(small));
            } else if (small >= 0 && small <= 0xffff) {
                put(Op::BININT2);
                put_le(static_cast<uint64_t>(small), 2);
            } else {
                put(Op::BININT);
                put_le(static_cast<uint32_t>(static_cast<int32_t>(small)), 4);
            }
        } else {
            put(fmt::format("I{}\n", small));
        }
        return true;
    }
    if (proto < 2) {
        std::string digits;
        if (!int_to_decimal_checked(ts, v, &digits)) return false;
        put(fmt::format("L{}L\n", digits));
        return true;
    }
    // Two's complement, little-endian, in the fewest bytes that keep the sign.
    mpz_t z, t;
    mpz_init(z);
    mpz_init(t);
    int_to_mpz(v, z);
    std::size_t nbits = mpz_sgn(z) == 0 ? 0 : mpz_sizeinbase(z, 2);
    std::size_t nbytes = nbits / 8 + 1;
    if (mpz_sgn(z) < 0) {
        mpz_ui_pow_ui(t, 2, 8 * nbytes);
        mpz_add(t, t, z);
    } else {
        mpz_set(t, z);
    }
    std::string bytes(nbytes, '\0');
    std::size_t written = 0;
    mpz_export(bytes.data(), &written, -1, 1, 0, 0, t);
    if (mpz_sgn(z) < 0 && nbytes > 1 && static_cast<unsigned char>(bytes[nbytes - 1]) == 0xff &&
        (static_cast<unsigned char>(bytes[nbytes - 2]) & 0x80))
        bytes.pop_back();
    mpz_clear(z);
    mpz_clear(t);
    if (bytes.size() < 256) {
        put(Op::LONG1);
        put(static_cast<char>(bytes.size()));
    } else {
        put(Op::LONG4);
        put_le(bytes.size(), 4);
    }
    put(bytes);
    return true;
}

void Pickler::save_float(double d) {
    if (proto >= 1) {
        uint64_t bits;
        std::memcpy(&bits, &d, 8);
        char buf[9] = {op_byte(Op::BINFLOAT)};
        for (int i = 0; i < 8; ++i) buf[1 + i] = static_cast<char>((bits >> (8 * (7 - i))) & 0xff);
        put(std::string_view(buf, 9));
        return;
    }
    std::string r = float_repr(d);
    put(fmt::format("F{}\n", r));
}

// Protocol 0 strings: raw-unicode-escape, with the characters that would
// break the line-based format escaped too.
std::string raw_unicode_escape(std::string_view s) {
    std::string r;
    for (std::size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        uint32_t cp;
        int len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        cp = len == 1 ? c : c & (0xFF >> (len + 1));
        for (int k = 1; k < len && i + k < s.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        i += len;
        if (cp >= 0x10000)
            r += fmt::format("\\U{:08x}", cp);
        else if (cp >= 0x100 || cp == '\\' || cp == '\n' || cp == '\r' || cp == 0 || cp == 0x1a)
            r += fmt::format("\\u{:04x}", cp);
        else
            r += static_cast<char>(cp);
    }
    return r;
}

bool Pickler::save_str(Value v) {
    std::string_view s = str_view(v);
    if (proto == 0) {
        put(Op::UNICODE);
        put(raw_unicode_escape(s));
        put('\n');
    } else if (s.size() < 256 && proto >= 4) {
        std::string h{op_byte(Op::SHORT_BINUNICODE), static_cast<char>(s.size())};
        put_payload(h, s);
    } else if (s.size() > 0xffffffffu && proto >= 4) {
        std::string h{op_byte(Op::BINUNICODE8)};
        for (int i = 0; i < 8; ++i) h += static_cast<char>((s.size() >> (8 * i)) & 0xff);
        put_payload(h, s);
    } else {
        if (s.size() > 0xffffffffu) return fail("cannot serialize a string larger than 4GiB");
        std::string h{op_byte(Op::BINUNICODE)};
        for (int i = 0; i < 4; ++i) h += static_cast<char>((s.size() >> (8 * i)) & 0xff);
        put_payload(h, s);
    }
    memoize(v);
    return true;
}

bool Pickler::save_bytes(Value v) {
    std::string_view s = bytes_view(v);
    if (proto < 3) {
        // Python 2 had no bytes type: write codecs.encode(latin-1 text).
        if (s.empty()) return save_reduce_pair(val(ts.types().bytes), ts.interp().empty_tuple, v);
        Ref text(str_decode(ts, s, "latin-1", "strict"));
        Ref enc(make_str(ts, "latin1"));
        if (!text || !enc) return false;
        Ref codecs(dict_get_cstr(ts, ts.interp().modules, "_codecs")
                       ? new_ref(dict_get_cstr(ts, ts.interp().modules, "_codecs"))
                       : Value());
        if (!codecs) {
            Value importer = dict_get_cstr(ts, ts.interp().builtins, "__import__");
            Ref name(make_str(ts, "_codecs"));
            codecs.reset(call1(ts, importer, *name));
            if (!codecs) return false;
        }
        Ref encode(obj_getattr_cstr(ts, *codecs, "encode"));
        if (!encode) return false;
        Ref pair(tuple_pack(ts, {*text, *enc}));
        return pair && save_reduce_pair(*encode, *pair, v);
    }
    std::string h;
    if (s.size() < 256) {
        h = {op_byte(Op::SHORT_BINBYTES), static_cast<char>(s.size())};
    } else if (s.size() <= 0xffffffffu) {
        h = op_byte(Op::BINBYTES);
        for (int i = 0; i < 4; ++i) h += static_cast<char>((s.size() >> (8 * i)) & 0xff);
    } else {
        if (proto < 4) return fail("cannot serialize a bytes object larger than 4 GiB");
        h = op_byte(Op::BINBYTES8);
        for (int i = 0; i < 8; ++i) h += static_cast<char>((s.size() >> (8 * i)) & 0xff);
    }
    put_payload(h, s);
    memoize(v);
    return true;
}

bool Pickler::save_tuple(Value v) {
    uint64_t n = tuple_size(v);
    if (n == 0) {
        if (proto >= 1)
            put(Op::EMPTY_TUPLE);
        else {
            put(Op::MARK);
            put(Op::TUPLE);
        }
        return true;
    }
    uint32_t idx;
    if (n <= 3 && proto >= 2) {
        for (uint64_t i = 0; i < n; ++i)
            if (!save(tuple_item(v, i))) return false;
        if (in_memo(v, &idx)) {
            for (uint64_t i = 0; i < n; ++i) put(Op::POP);
            memo_get(idx);
            return true;
        }
        static constexpr Op kSmall[] = {Op::TUPLE1, Op::TUPLE2, Op::TUPLE3};
        put(kSmall[n - 1]);
        memoize(v);
        return true;
    }
    put(Op::MARK);
    for (uint64_t i = 0; i < n; ++i)
        if (!save(tuple_item(v, i))) return false;
    if (in_memo(v, &idx)) {
        if (proto >= 1)
            put(Op::POP_MARK);
        else
            for (uint64_t i = 0; i <= n; ++i) put(Op::POP);
        memo_get(idx);
        return true;
    }
    put(Op::TUPLE);
    memoize(v);
    return true;
}

bool Pickler::save_list(Value v) {
    if (proto >= 1) {
        put(Op::EMPTY_LIST);
    } else {
        put(Op::MARK);
        put(Op::LIST);
    }
    memoize(v);
    uint64_t n = list_size(v);
    if (n == 0) return true;
    if (proto == 0) {
        for (uint64_t i = 0; i < list_size(v); ++i) {
            Ref item = Ref::borrow(list_item(v, i));
            if (!save(*item)) return false;
            put(Op::APPEND);
        }
        return true;
    }
    if (n == 1) {
        Ref item = Ref::borrow(list_item(v, 0));
        if (!save(*item)) return false;
        put(Op::APPEND);
        return true;
    }
    uint64_t total = 0;
    do {
        put(Op::MARK);
        int batch = 0;
        while (total < list_size(v)) {
            Ref item = Ref::borrow(list_item(v, total));
            if (!save(*item)) return false;
            ++total;
            if (++batch == pickle::kBatchSize) break;
        }
        put(Op::APPENDS);
    } while (total < list_size(v));
    return true;
}

bool Pickler::save_dict(Value v) {
    if (proto >= 1) {
        put(Op::EMPTY_DICT);
    } else {
        put(Op::MARK);
        put(Op::DICT);
    }
    memoize(v);
    uint64_t n = dict_size(v);
    if (n == 0) return true;
    uint64_t pos = 0;
    Value k, val_;
    if (proto == 0 || n == 1) {
        while (dict_next(v, &pos, &k, &val_)) {
            Ref key = Ref::borrow(k), value = Ref::borrow(val_);
            if (!save(*key) || !save(*value)) return false;
            put(Op::SETITEM);
            if (dict_size(v) != n) {
                raise(ts, ts.exc_types().RuntimeError, "dictionary changed size during iteration");
                return false;
            }
        }
        return true;
    }
    bool more = true;
    while (more) {
        put(Op::MARK);
        int batch = 0;
        more = false;
        while (dict_next(v, &pos, &k, &val_)) {
            Ref key = Ref::borrow(k), value = Ref::borrow(val_);
            if (!save(*key) || !save(*value)) return false;
            if (++batch == pickle::kBatchSize) {
                more = true;
                break;
            }
        }
        put(Op::SETITEMS);
        if (dict_size(v) != n) {
            raise(ts, ts.exc_types().RuntimeError, "dictionary changed size during iteration");
            return false;
        }
    }
    return true;
}

bool Pickler::save_set(Value v) {
    if (proto < 4) {
        Ref r(builtin_type_reduce(ts, v, proto));
        return r && save_reduce(*r, v);
    }
    put(Op::EMPTY_SET);
    memoize(v);
    Ref items(list_from_iterable(ts, v));
    if (!items) return false;
    uint64_t n = list_size(*items), i = 0;
    while (i < n) {
        put(Op::MARK);
        for (int batch = 0; i < n && batch < pickle::kBatchSize; ++batch, ++i)
            if (!save(list_item(*items, i))) return false;
        put(Op::ADDITEMS);
    }
    return true;
}

bool Pickler::save_frozenset(Value v) {
    if (proto < 4) {
        Ref r(builtin_type_reduce(ts, v, proto));
        return r && save_reduce(*r, v);
    }
    put(Op::MARK);
    uint64_t pos = 0;
    Value key;
    while (set_next(v, &pos, &key)) {
        Ref item = Ref::borrow(key);
        if (!save(*item)) return false;
    }
    uint32_t idx;
    if (in_memo(v, &idx)) {
        put(Op::POP_MARK);
        memo_get(idx);
        return true;
    }
    put(Op::FROZENSET);
    memoize(v);
    return true;
}

bool Pickler::save_bytearray(Value v) {
    if (proto < 5) {
        Ref r(builtin_type_reduce(ts, v, proto));
        return r && save_reduce(*r, v);
    }
    std::string_view s = bytearray_view(v);
    std::string h{op_byte(Op::BYTEARRAY8)};
    for (int i = 0; i < 8; ++i) h += static_cast<char>((s.size() >> (8 * i)) & 0xff);
    put_payload(h, s);
    memoize(v);
    return true;
}

bool Pickler::save(Value v, bool pers_save) {
    opcode_boundary();
    if (!opt.persistent_id.is_null() && !pers_save) {
        bool done;
        if (!save_persistent(v, &done)) return false;
        if (done) return true;
    }
    if (v.is_none()) {
        put(Op::NONE);
        return true;
    }
    if (v.is_bool()) {
        if (proto >= 2)
            put(v.is_true() ? Op::NEWTRUE : Op::NEWFALSE);
        else
            put(v.is_true() ? "I01\n" : "I00\n");
        return true;
    }
    if (v.is_small_int()) return save_int(v);
    if (!v.is_object()) return save_other(v);
    TypeObject* t = v.as_object()->type;
    const auto& types = ts.types();
    if (t == types.int_) return save_int(v);
    if (t == types.float_) {
        save_float(float_value(v));
        return true;
    }
    uint32_t idx;
    if (in_memo(v, &idx)) {
        memo_get(idx);
        return true;
    }
    if (t == types.str) return save_str(v);
    if (t == types.bytes) return save_bytes(v);
    if (!enter_native_call(ts)) {
        if (exception_matches(ts, ts.exc_types().RecursionError)) {
            clear_exception(ts);
            raise_recursion_error(ts, " while pickling an object");
        }
        return false;
    }
    bool ok;
    if (t == types.dict)
        ok = save_dict(v);
    else if (t == types.list)
        ok = save_list(v);
    else if (t == types.tuple)
        ok = save_tuple(v);
    else if (t == types.set)
        ok = save_set(v);
    else if (t == types.frozenset)
        ok = save_frozenset(v);
    else if (t == types.bytearray)
        ok = save_bytearray(v);
    else if (is_picklebuffer(t))
        ok = save_picklebuffer(v);
    else
        ok = save_other(v);
    leave_native_call(ts);
    return ok;
}

// Protocol 5 buffers: in band as bytes / bytearray data, or out of band
// (NEXT_BUFFER) when buffer_callback returns a false value.
bool Pickler::save_picklebuffer(Value v) {
    if (proto < 5) return fail("PickleBuffer can only pickled with protocol >= 5");
    Ref data(obj_getattr_cstr(ts, v, "_data"));
    if (!data) return false;
    if ((*data).is_none()) {
        raise(ts, ts.exc_types().ValueError, "operation forbidden on released PickleBuffer object");
        return false;
    }
    std::string_view bytes;
    if (!bytes_like_view(ts, *data, &bytes)) return false;
    bool readonly = !is_bytearray(*data);
    bool in_band = true;
    if (!opt.buffer_callback.is_null()) {
        Ref r(call1(ts, opt.buffer_callback, v));
        if (!r) return false;
        int t = obj_truthy(ts, *r);
        if (t < 0) return false;
        in_band = t > 0;
    }
    if (!in_band) {
        put(Op::NEXT_BUFFER);
        if (readonly) put(Op::READONLY_BUFFER);
        return true;
    }
    std::string h;
    if (!readonly) {
        h = op_byte(Op::BYTEARRAY8);
        for (int i = 0; i < 8; ++i) h += static_cast<char>((bytes.size() >> (8 * i)) & 0xff);
    } else if (bytes.size() < 256) {
        h = {op_byte(Op::SHORT_BINBYTES), static_cast<char>(bytes.size())};
    } else if (bytes.size() <= 0xffffffffu) {
        h = op_byte(Op::BINBYTES);
        for (int i = 0; i < 4; ++i) h += static_cast<char>((bytes.size() >> (8 * i)) & 0xff);
    } else {
        h = op_byte(Op::BINBYTES8);
        for (int i = 0; i < 8; ++i) h += static_cast<char>((bytes.size() >> (8 * i)) & 0xff);
    }
    put_payload(h, bytes);
    memoize(v);
    return true;
}

bool Pickler::save_type(Value v) {
    Value probe;
    if (v == val(type_of(ts, Value::none())))
        probe = Value::none();
    else if (v == val(type_of(ts, Value::not_implemented())))
        probe = Value::not_implemented();
    else if (v == val(type_of(ts, Value::ellipsis())))
        probe = Value::ellipsis();
    if (probe.is_null()) return save_global(v, Value());
    Ref args(tuple_pack(ts, {probe}));
    return args && save_reduce_pair(val(ts.types().type), *args, v);
}

bool Pickler::save_reduce_pair(Value callable, Value args, Value obj) {
    Ref r(tuple_pack(ts, {callable, args}));
    return r && save_reduce(*r, obj);
}

bool Pickler::save_other(Value v) {
    if (!opt.reducer_override.is_null()) {
        Ref r(call1(ts, opt.reducer_override, v));
        if (!r) return false;
        if (!(*r).is_not_implemented()) {
            if (is_str(ts, *r)) return save_global(v, *r);
            return save_reduce(*r, v);
        }
    }
    TypeObject* t = type_of(ts, v);
    const auto& types = ts.types();
    if (t == types.type) return save_type(v);
    if (t == types.function) return save_global(v, Value());
    if (v.is_not_implemented() || v.is_ellipsis()) {
        Ref name(make_str(ts, v.is_ellipsis() ? "Ellipsis" : "NotImplemented"));
        return name && save_global(v, *name);
    }
    if (t == types.builtin_function) {
        auto* f = as<NativeFunctionObject>(v);
        if (f->self.is_null() || (f->flags & kNativeModuleSelf)) {
            if (!f->owner) return save_global(v, Value());
        }
        // A method: getattr(receiver or owner type, name).
        Ref name(make_str(ts, f->name));
        Value receiver =
            !f->self.is_null() && !(f->flags & kNativeModuleSelf) ? f->self : val(f->owner);
        Ref args(tuple_pack(ts, {receiver, *name}));
        Value getattr_fn = dict_get_cstr(ts, ts.interp().builtins, "getattr");
        return args && save_reduce_pair(getattr_fn, *args, v);
    }
    Ref reduced;
    find_globals();
    if (!dispatch.is_null()) {
        bool error = false;
        Value reducer;
        if (is_dict(ts, dispatch)) {
            reducer = dict_get(ts, dispatch, val(t), &error);
            if (error) return false;
            if (!reducer.is_null()) reducer = new_ref(reducer);
        } else {
            reducer = obj_getitem(ts, dispatch, val(t));
            if (reducer.is_null()) {
                if (!exception_matches(ts, ts.exc_types().KeyError)) return false;
                clear_exception(ts);
            }
        }
        Ref owned(reducer);
        if (owned) {
            reduced.reset(call1(ts, *owned, v));
            if (!reduced) return false;
        }
    }
    if (!reduced && proto >= 2 && v.as_object()->kind == ObjKind::Instance &&
        plain_instance_type(t))
        return save_plain_instance(v, t);
    if (!reduced) {
        if (type_is_subtype(t, types.type)) return save_global(v, Value());
        Value own_ex = type_lookup_cstr(ts, t, "__reduce_ex__");
        Value own = type_lookup_cstr(ts, t, "__reduce__");
        Value base_ex = type_lookup_cstr(ts, types.object, "__reduce_ex__");
        Value base = type_lookup_cstr(ts, types.object, "__reduce__");
        if (own_ex == base_ex && own == base) {
            reduced.reset(object_reduce_default(ts, v, proto));
        } else if (own_ex != base_ex) {
            Ref fn(obj_getattr_cstr(ts, v, "__reduce_ex__"));
            if (!fn) return false;
            reduced.reset(call1(ts, *fn, Value::small_int(proto)));
        } else {
            Ref fn(obj_getattr_cstr(ts, v, "__reduce__"));
            if (!fn) return false;
            reduced.reset(call0(ts, *fn));
        }
        if (!reduced) return false;
    }
    if (is_str(ts, *reduced)) return save_global(v, *reduced);
    return save_reduce(*reduced, v);
}

// True when instances of t pickle as (copyreg.__newobj__, (t,), __dict__):
// no reduce, getstate, getnewargs or slots hook anywhere in its MRO but
// object's. Answered once per class per dump.
bool Pickler::plain_instance_type(TypeObject* t) {
    auto it = plain_types.find(t);
    if (it != plain_types.end()) return it->second;
    TypeObject* object = ts.types().object;
    bool plain = true;
    for (const char* name : {"__reduce_ex__", "__reduce__", "__getstate__"})
        plain = plain && type_lookup_cstr(ts, t, name) == type_lookup_cstr(ts, object, name);
    for (const char* name : {"__getnewargs_ex__", "__getnewargs__", "__slots__"})
        plain = plain && type_lookup_cstr(ts, t, name).is_null();
    plain_types.emplace(t, plain);
    return plain;
}

// What save_reduce writes for object.__reduce_ex__'s recipe of a plain
// instance, without building the recipe.
bool Pickler::save_plain_instance(Value v, TypeObject* t) {
    if (!save(val(t))) return false;
    put(Op::EMPTY_TUPLE);
    put(Op::NEWOBJ);
    uint32_t idx;
    if (in_memo(v, &idx)) {
        put(Op::POP);
        memo_get(idx);
    } else {
        memoize(v);
    }
    Value* d = instance_dict_slot(v.as_object());
    if (d && !instance_materialize_dict(ts, v.as_object())) return false;
    if (!d || d->is_null() || dict_size(*d) == 0) return true;
    Ref state = Ref::borrow(*d);
    if (!save(*state)) return false;
    put(Op::BUILD);
    return true;
}

// Items from an iterator (a __reduce__ recipe's list or dict items): one
// item alone gets `single` (APPEND/SETITEM), more go in MARK ... `multi`
// groups of kBatchSize, and protocol 0 writes `single` after each.
template <class SaveItem>
bool Pickler::batch_items(Value iter, Op single, Op multi, SaveItem save_item) {
    if (proto == 0) {
        for (;;) {
            Ref item(iter_next(ts, iter));
            if (!item) return !ts.has_exception();
            if (!save_item(*item)) return false;
            put(single);
        }
    }
    for (;;) {
        Ref first(iter_next(ts, iter));
        if (!first) return !ts.has_exception();
        Ref next(iter_next(ts, iter));
        if (!next) {
            if (ts.has_exception() || !save_item(*first)) return false;
            put(single);
            return true;
        }
        put(Op::MARK);
        if (!save_item(*first)) return false;
        int n = 1;
        while (next) {
            if (!save_item(*next)) return false;
            if (++n == pickle::kBatchSize) break;
            next.reset(iter_next(ts, iter));
        }
        if (ts.has_exception()) return false;
        put(multi);
        if (n != pickle::kBatchSize) return true;
    }
}

bool Pickler::batch_appends(Value iter) {
    return batch_items(iter, Op::APPEND, Op::APPENDS, [&](Value item) { return save(item); });
}

bool Pickler::batch_setitems(Value iter) {
    return batch_items(iter, Op::SETITEM, Op::SETITEMS, [&](Value pair) {
        if (!is_tuple(ts, pair) || tuple_size(pair) != 2) {
            raise(ts, ts.exc_types().TypeError, "dict items iterator must return 2-tuples");
            return false;
        }
        return save(tuple_item(pair, 0)) && save(tuple_item(pair, 1));
    });
}

bool is_iterator(ThreadState& ts, Value v) {
    return type_of(ts, v)->iternext != nullptr;
}

bool Pickler::save_reduce(Value rv, Value obj) {
    if (!is_tuple(ts, rv)) return fail("__reduce__ must return a string or tuple");
    uint64_t size = tuple_size(rv);
    if (size < 2 || size > 6)
        return fail("tuple returned by __reduce__ must contain 2 through 6 elements");
    Value callable = tuple_item(rv, 0), argtup = tuple_item(rv, 1);
    Value state = size > 2 ? tuple_item(rv, 2) : Value::none();
    Value listitems = size > 3 ? tuple_item(rv, 3) : Value::none();
    Value dictitems = size > 4 ? tuple_item(rv, 4) : Value::none();
    Value setter = size > 5 ? tuple_item(rv, 5) : Value::none();
    if (type_of(ts, callable)->call == nullptr)
        return fail("first item of the tuple returned by __reduce__ must be callable");
    if (!is_tuple(ts, argtup))
        return fail("second item of the tuple returned by __reduce__ must be a tuple");
    if (!listitems.is_none() && !is_iterator(ts, listitems))
        return fail(fmt::format(
            "fourth element of the tuple returned by __reduce__ must be an iterator, not {}",
            type_name(ts, listitems)));
    if (!dictitems.is_none() && !is_iterator(ts, dictitems))
        return fail(fmt::format(
            "fifth element of the tuple returned by __reduce__ must be an iterator, not {}",
            type_name(ts, dictitems)));
    std::string fname;
    if (proto >= 2) {
        Ref n(obj_getattr_cstr(ts, callable, "__name__"));
        if (!n) {
            if (!exception_matches(ts, ts.exc_types().AttributeError)) return false;
            clear_exception(ts);
        } else if (is_str(ts, *n)) {
            fname = str_view(*n);
        }
    }
    if (fname == "__newobj_ex__" && proto >= 4) {
        if (tuple_size(argtup) != 3)
            return fail(
                fmt::format("length of the NEWOBJ_EX argument tuple must be exactly 3, not {}",
                            tuple_size(argtup)));
        Value cls = tuple_item(argtup, 0), args = tuple_item(argtup, 1), kw = tuple_item(argtup, 2);
        if (!is_tuple(ts, args))
            return fail(
                fmt::format("second item from NEWOBJ_EX argument tuple must be a tuple, not {}",
                            type_name(ts, args)));
        if (!is_dict(ts, kw))
            return fail(
                fmt::format("third item from NEWOBJ_EX argument tuple must be a dict, not {}",
                            type_name(ts, kw)));
        if (!save(cls) || !save(args) || !save(kw)) return false;
        put(Op::NEWOBJ_EX);
    } else if (fname == "__newobj__") {
        if (tuple_size(argtup) < 1) return fail("__newobj__ arglist is empty");
        Value cls = tuple_item(argtup, 0);
        if (!obj.is_null() && val(type_of(ts, obj)) != cls)
            return fail("args[0] from __newobj__ args has the wrong class");
        Ref rest(tuple_slice(ts, argtup, 1, tuple_size(argtup)));
        if (!rest || !save(cls) || !save(*rest)) return false;
        put(Op::NEWOBJ);
    } else {
        if (!save(callable) || !save(argtup)) return false;
        put(Op::REDUCE);
    }
    if (!obj.is_null()) {
        uint32_t idx;
        if (in_memo(obj, &idx)) {
            put(Op::POP);
            memo_get(idx);
        } else {
            memoize(obj);
        }
    }
    if (!listitems.is_none() && !batch_appends(listitems)) return false;
    if (!dictitems.is_none() && !batch_setitems(dictitems)) return false;
    if (!state.is_none()) {
        if (setter.is_none()) {
            if (!save(state)) return false;
            put(Op::BUILD);
        } else {
            if (!save(setter) || !save(obj) || !save(state)) return false;
            put(Op::TUPLE2);
            put(Op::REDUCE);
            put(Op::POP);
        }
    }
    return true;
}

bool dotted_has_locals(std::string_view qualname) {
    std::size_t start = 0;
    for (;;) {
        std::size_t dot = qualname.find('.', start);
        std::string_view part =
            qualname.substr(start, dot == std::string_view::npos ? dot : dot - start);
        if (part == "<locals>") return true;
        if (dot == std::string_view::npos) return false;
        start = dot + 1;
    }
}

Value module_name_of(ThreadState& ts, Value obj, std::string_view qualname) {
    if (type_of(ts, obj) == ts.types().type && !(as<TypeObject>(obj)->flags & kTypeHeap)) {
        // A builtin type: its __module__ if it has one, else the module in
        // its dotted name ("_thread.lock"), else builtins.
        Value own = dict_get_cstr(ts, val(as<TypeObject>(obj)->dict), "__module__");
        if (!own.is_null() && is_str(ts, own)) return new_ref(own);
        std::string_view full = as<TypeObject>(obj)->name_cstr;
        std::size_t dot = full.rfind('.');
        return make_str(ts, dot == std::string_view::npos ? "builtins" : full.substr(0, dot));
    }
    Ref m(obj_getattr_cstr(ts, obj, "__module__"));
    if (m && !(*m).is_none() && !is_str(ts, *m)) m.reset(make_str(ts, "builtins"));
    if (m && !(*m).is_none()) return m.release();
    if (!m) {
        if (!exception_matches(ts, ts.exc_types().AttributeError)) return Value();
        clear_exception(ts);
    }
    // No __module__: search the loaded modules for the object, as
    // CPython's whichmodule does.
    if (!qualname.empty() && qualname.find('.') == std::string_view::npos) {
        uint64_t pos = 0;
        Value key, module;
        Ref modules = Ref::borrow(ts.interp().modules);
        Ref name(ts.interp().intern(qualname));
        if (!name) return Value();
        while (dict_next(*modules, &pos, &key, &module)) {
            if (!is_str(ts, key) || str_view(key) == "__main__" ||
                type_of(ts, module) != ts.types().module)
                continue;
            Value found = dict_get_str(module_dict(module), *name);
            if (found == obj) return new_ref(key);
        }
    }
    return make_str(ts, "__main__");
}

void py2_global_name(std::string* module, std::string* name, bool is_exception) {
    for (const auto& m : kPy2Names) {
        if (*module == m.module && *name == m.name) {
            *module = m.py2_module;
            *name = m.py2_name;
            return;
        }
    }
    if (*module == "builtins" && is_exception) {
        for (const char* skip : kPy3OnlyExceptions)
            if (*name == skip) goto module_only;
        for (const char* os_error : kPy2OSErrors)
            if (*name == os_error) *name = "OSError";
        if (*name == "ModuleNotFoundError") *name = "ImportError";
        *module = "exceptions";
        return;
    }
module_only:
    for (const auto& [py3, py2] : kPy2Modules) {
        if (*module == py3) {
            *module = py2;
            return;
        }
    }
}

bool Pickler::save_global(Value obj, Value name_arg) {
    Ref name;
    if (!name_arg.is_null()) {
        name = Ref::borrow(name_arg);
    } else {
        name.reset(obj_getattr_cstr(ts, obj, "__qualname__"));
        if (!name) {
            if (!exception_matches(ts, ts.exc_types().AttributeError)) return false;
            clear_exception(ts);
            name.reset(obj_getattr_cstr(ts, obj, "__name__"));
            if (!name) return false;
        }
    }
    if (!is_str(ts, *name)) {
        raise(ts, ts.exc_types().TypeError, "__qualname__ must be a string");
        return false;
    }
    std::string qualname(str_view(*name));
    if (dotted_has_locals(qualname)) {
        Ref r(str_repr_value(ts, *name));
        raise_fmt(ts, ts.exc_types().AttributeError, "Can't pickle local object {}",
                  r ? str_view(*r) : qualname);
        return false;
    }
    Ref module_name(module_name_of(ts, obj, qualname));
    if (!module_name) return false;
    Ref obj_repr_s(obj_repr(ts, obj));
    if (!obj_repr_s) return false;
    std::string mod(str_view(*module_name));
    Value importer = dict_get_cstr(ts, ts.interp().builtins, "__import__");
    Ref imported(call1(ts, importer, *module_name));
    Value module = dict_get_cstr(ts, ts.interp().modules, mod.c_str());
    if (!imported || module.is_null()) {
        clear_exception(ts);
        Ref mrepr(str_repr_value(ts, *module_name));
        return fail(fmt::format("Can't pickle {}: import of module {} failed",
                                str_view(*obj_repr_s), mrepr ? str_view(*mrepr) : mod));
    }
    Ref parent = Ref::borrow(module), current = Ref::borrow(module);
    std::string lastname = qualname;
    for (std::size_t start = 0;;) {
        std::size_t dot = qualname.find('.', start);
        std::string part = qualname.substr(start, dot == std::string::npos ? dot : dot - start);
        Ref next(obj_getattr_cstr(ts, *current, part.c_str()));
        if (!next) {
            clear_exception(ts);
            return fail(fmt::format("Can't pickle {}: attribute lookup {} on {} failed",
                                    str_view(*obj_repr_s), qualname, mod));
        }
        parent = current;
        current = next;
        lastname = part;
        if (dot == std::string::npos) break;
        start = dot + 1;
    }
    if (*current != obj)
        return fail(fmt::format("Can't pickle {}: it's not the same object as {}.{}",
                                str_view(*obj_repr_s), mod, qualname));
    if (proto >= 2) {
        Value copyreg = dict_get_cstr(ts, ts.interp().modules, "copyreg");
        Value registry = copyreg.is_null()
                             ? Value()
                             : dict_get_cstr(ts, module_dict(copyreg), "_extension_registry");
        if (!registry.is_null() && is_dict(ts, registry) && dict_size(registry)) {
            Ref key(tuple_pack(ts, {*module_name, *name}));
            if (!key) return false;
            bool error = false;
            Value code = dict_get(ts, registry, *key, &error);
            if (error) return false;
            int64_t c;
            if (!code.is_null() && int_to_int64(code, &c)) {
                if (c <= 0xff) {
                    put(Op::EXT1);
                    put(static_cast<char>(c));
                } else if (c <= 0xffff) {
                    put(Op::EXT2);
                    put_le(static_cast<uint64_t>(c), 2);
                } else {
                    put(Op::EXT4);
                    put_le(static_cast<uint64_t>(c), 4);
                }
                return true;
            }
        }
    }
    if (proto >= 4) {
        if (!save(*module_name) || !save(*name)) return false;
        put(Op::STACK_GLOBAL);
    } else if (*parent != module) {
        Ref last(make_str(ts, lastname));
        if (!last) return false;
        Ref args(tuple_pack(ts, {*parent, *last}));
        Value getattr_fn = dict_get_cstr(ts, ts.interp().builtins, "getattr");
        if (!args || !save_reduce_pair(getattr_fn, *args, Value())) return false;
    } else {
        std::string m = mod, n = qualname;
        if (proto < 3 && opt.fix_imports) py2_global_name(&m, &n, is_exception_type(ts, obj));
        auto ascii = [](const std::string& s) {
            for (unsigned char c : s)
                if (c >= 0x80) return false;
            return true;
        };
        if (proto < 3 && (!ascii(m) || !ascii(n)))
            return fail(
                fmt::format("can't pickle global identifier '{}.{}' using pickle protocol {}", mod,
                            qualname, proto));
        put(Op::GLOBAL);
        put(m);
        put('\n');
        put(n);
        put('\n');
    }
    memoize(obj);
    return true;
}

}  // namespace

void Pickler::find_globals() {
    if (globals_found) return;
    globals_found = true;
    dispatch = opt.dispatch_table;
    if (dispatch.is_null()) {
        Value copyreg = dict_get_cstr(ts, ts.interp().modules, "copyreg");
        if (!copyreg.is_null())
            dispatch = dict_get_cstr(ts, module_dict(copyreg), "dispatch_table");
        if (!dispatch.is_null() && is_dict(ts, dispatch) && dict_size(dispatch) == 0)
            dispatch = Value();
    }
    Value own_module = dict_get_cstr(ts, ts.interp().modules, "_pickle");
    Value buffer_type =
        own_module.is_null() ? Value() : dict_get_cstr(ts, module_dict(own_module), "PickleBuffer");
    if (!buffer_type.is_null() && type_of(ts, buffer_type) == ts.types().type)
        picklebuffer = as<TypeObject>(buffer_type);
}

bool pickle_dump(ThreadState& ts, Value obj, const PickleDumpOptions& options, std::string* out) {
    Pickler p(ts, options, *out);
    if (p.proto < 0 || p.proto > pickle::kHighestProtocol) {
        raise_fmt(ts, ts.exc_types().ValueError, "pickle protocol must be <= {}",
                  pickle::kHighestProtocol);
        return false;
    }
    if (p.proto >= 2) {
        out->push_back(op_byte(Op::PROTO));
        out->push_back(static_cast<char>(p.proto));
    }
    p.framing = p.proto >= 4;
    if (!options.memo.is_null() && !p.load_memo(options.memo)) return false;
    std::size_t known = p.memo_keep.size();
    if (!p.save(obj)) return false;
    p.put(Op::STOP);
    p.commit_frame();
    return options.memo.is_null() || p.store_memo(options.memo, known);
}

}  // namespace gilt
