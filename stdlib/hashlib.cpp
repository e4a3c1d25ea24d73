// _hashlib: message digests over OpenSSL's libcrypto (EVP), the native half
// of hashlib (stdlib/lib/hashlib.py builds the public module on it), as
// CPython's _hashopenssl module is.
//
// A HASH object owns one EVP_MD_CTX. digest() finalises a copy of the
// context, so the object can go on being updated; HASHXOF (shake_128,
// shake_256) is the subclass whose digest() takes the output length.
// Digests are found by Python's names (sha3_256, shake_128) through the
// table below, or by any name OpenSSL's default provider knows ("SHA256",
// "sha-256", "ripemd160"), and reported under Python's names.
//
// Also here: pbkdf2_hmac and scrypt (GIL released while they run) and
// compare_digest, which hmac re-exports.
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>

#include <cctype>
#include <climits>
#include <memory>
#include <mutex>
#include <new>
#include <string>
#include <unordered_map>
#include <vector>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/bytes.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/heap.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/module.hpp"
#include "runtime/module_state.hpp"
#include "runtime/set.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "stdlib/hashlib.hpp"
#include "stdlib/modules.hpp"

namespace gilt {

namespace {

// Python's name of each digest hashlib guarantees or lists, and OpenSSL's.
struct DigestName {
    const char* py;
    const char* openssl;
};
constexpr DigestName kDigestNames[] = {
    {"md5", "MD5"},
    {"sha1", "SHA1"},
    {"sha224", "SHA224"},
    {"sha256", "SHA256"},
    {"sha384", "SHA384"},
    {"sha512", "SHA512"},
    {"sha3_224", "SHA3-224"},
    {"sha3_256", "SHA3-256"},
    {"sha3_384", "SHA3-384"},
    {"sha3_512", "SHA3-512"},
    {"shake_128", "SHAKE128"},
    {"shake_256", "SHAKE256"},
    {"blake2b", "BLAKE2B-512"},
    {"blake2s", "BLAKE2S-256"},
    {"md5-sha1", "MD5-SHA1"},
    {"ripemd160", "RIPEMD160"},
    {"sha512_224", "SHA512-224"},
    {"sha512_256", "SHA512-256"},
    {"sm3", "SM3"},
};
// The first twelve have their own constructor (openssl_md5, ...).
constexpr int kConstructorCount = 12;

struct HashObject {
    Object hdr;
    EVP_MD_CTX* ctx;
    const char* name;  // Python's name: kDigestNames or interned in `owned_name`
    std::string owned_name;
    std::mutex mutex;  // see stdlib/object_lock.hpp
};

HashObject* hash_obj(Value v) {
    return reinterpret_cast<HashObject*>(v.as_object());
}

// The module's types and exception class, made once per interpreter, and
// the digests fetched so far by the names asked for: fetching takes
// OpenSSL's locks and lookups, which cost more than hashing a short string.
// Read and filled with the GIL held; entries live as long as the state.
struct HashlibState {
    TypeObject* hash_type = nullptr;
    TypeObject* xof_type = nullptr;
    Value unsupported_error;  // UnsupportedDigestmodError (owned)
    struct Digest {
        EVP_MD* md;              // owned
        const char* py_name;     // kDigestNames' Python name, or null: see other_name
        std::string other_name;  // OpenSSL's name in lower case, for the rest
    };
    std::unordered_map<std::string, Digest> digests;
    ~HashlibState() {
        decref(unsupported_error);
        for (auto& [name, d] : digests) EVP_MD_free(d.md);
    }
};

HashlibState& hashlib_state(Interpreter& interp);

// --- errors ---

// Raises UnsupportedDigestmodError with OpenSSL's reason, worded as
// CPython's "[digital envelope routines] unsupported".
Value raise_unsupported(ThreadState& ts) {
    unsigned long err = ERR_peek_last_error();
    const char* lib = err ? ERR_lib_error_string(err) : nullptr;
    const char* reason = err ? ERR_reason_error_string(err) : nullptr;
    ERR_clear_error();
    std::string msg = fmt::format("[{}] {}", lib ? lib : "digital envelope routines",
                                  reason ? reason : "unsupported");
    Value cls = hashlib_state(ts.interp()).unsupported_error;
    return raise(ts, cls.is_null() ? ts.exc_types().ValueError : as<TypeObject>(cls), msg);
}

// A ValueError carrying OpenSSL's last reason ("[digital envelope
// routines] memory limit exceeded"), for failures that are not about
// the digest's name.
Value raise_openssl_value_error(ThreadState& ts) {
    unsigned long err = ERR_peek_last_error();
    const char* lib = err ? ERR_lib_error_string(err) : nullptr;
    const char* reason = err ? ERR_reason_error_string(err) : nullptr;
    ERR_clear_error();
    if (!reason) return raise(ts, ts.exc_types().ValueError, "OpenSSL error");
    return raise_fmt(ts, ts.exc_types().ValueError, "[{}] {}", lib ? lib : "?", reason);
}

// --- digests by name ---

const char* py_digest_name(const EVP_MD* md, std::string* owned);

// The digest called `name` (borrowed from the interpreter's cache), or null
// with OpenSSL's error queued.
const HashlibState::Digest* fetch_digest(ThreadState& ts, std::string_view name) {
    HashlibState& st = hashlib_state(ts.interp());
    std::string key(name);
    auto it = st.digests.find(key);
    if (it != st.digests.end()) return &it->second;
    std::string wanted(name);
    for (const DigestName& d : kDigestNames) {
        if (name == d.py) {
            wanted = d.openssl;
            break;
        }
    }
    EVP_MD* md = EVP_MD_fetch(nullptr, wanted.c_str(), nullptr);
    if (!md) return nullptr;
    HashlibState::Digest d{md, nullptr, {}};
    d.py_name = py_digest_name(md, &d.other_name);
    if (d.py_name == d.other_name.c_str()) d.py_name = nullptr;
    return &st.digests.emplace(std::move(key), std::move(d)).first->second;
}

// Python's name of a digest: the table's, else OpenSSL's in lower case.
const char* py_digest_name(const EVP_MD* md, std::string* owned) {
    for (const DigestName& d : kDigestNames) {
        if (EVP_MD_is_a(md, d.openssl)) return d.py;
    }
    owned->assign(EVP_MD_get0_name(md));
    for (char& c : *owned) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return owned->c_str();
}

bool is_xof(const EVP_MD* md) {
    return (EVP_MD_get_flags(md) & EVP_MD_FLAG_XOF) != 0;
}

// --- HASH objects ---

Value hash_alloc(ThreadState& ts, TypeObject* type) {
    Object* o = alloc_object(type, type->basicsize);
    if (!o) return raise_memory_error(ts);
    auto* h = reinterpret_cast<HashObject*>(o);
    h->ctx = nullptr;
    h->name = "";
    new (&h->owned_name) std::string();
    new (&h->mutex) std::mutex();
    h->ctx = EVP_MD_CTX_new();
    if (!h->ctx) {
        decref(Value::object(o));
        return raise_memory_error(ts);
    }
    return Value::object(o);
}

void hash_dealloc(Object* o) {
    auto* h = reinterpret_cast<HashObject*>(o);
    EVP_MD_CTX_free(h->ctx);
    h->owned_name.~basic_string();
    h->mutex.~mutex();
    free_object(o);
}

void hash_set_name(HashObject* h, const HashlibState::Digest& d) {
    h->name = d.py_name;
    if (!h->name) h->owned_name = d.other_name;
}

const char* hash_name(const HashObject* h) {
    return h->name ? h->name : h->owned_name.c_str();
}

[[nodiscard]] bool hash_update_value(ThreadState& ts, HashObject* h, Value data) {
    std::string_view view;
    if (!hash_data_view(ts, data, &view)) return false;
    bool ok = true;
    if (!hash_feed(ts, data, view, h->mutex, [&](std::string_view d) {
            ok = EVP_DigestUpdate(h->ctx, d.data(), d.size()) == 1;
        }))
        return false;
    if (!ok) raise_openssl_value_error(ts);
    return ok;
}

// A new HASH (or HASHXOF) for `d`, fed `data` if given.
Value hash_new(ThreadState& ts, const HashlibState::Digest& d, Value data) {
    HashlibState& st = hashlib_state(ts.interp());
    Ref obj(hash_alloc(ts, is_xof(d.md) ? st.xof_type : st.hash_type));
    if (!obj) return Value();
    HashObject* h = hash_obj(*obj);
    if (EVP_DigestInit_ex2(h->ctx, d.md, nullptr) != 1) return raise_unsupported(ts);
    hash_set_name(h, d);
    if (!data.is_null() && !hash_update_value(ts, h, data)) return Value();
    return obj.release();
}

Value hash_new_by_name(ThreadState& ts, std::string_view name, Value data) {
    const HashlibState::Digest* d = fetch_digest(ts, name);
    if (!d) return raise_unsupported(ts);
    return hash_new(ts, *d, data);
}

Value hash_update(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "HASH.update", "HASH.update", 1, 1)) return Value();
    if (!hash_update_value(ts, hash_obj(args[0]), args[1])) return Value();
    return Value::none();
}

Value hash_copy(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "HASH.copy", "HASH.copy", 0, 0)) return Value();
    HashObject* h = hash_obj(args[0]);
    Ref obj(hash_alloc(ts, h->hdr.type));
    if (!obj) return Value();
    HashObject* c = hash_obj(*obj);
    bool ok;
    {
        ObjectLock guard(ts, h->mutex);
        ok = EVP_MD_CTX_copy_ex(c->ctx, h->ctx) == 1;
    }
    if (!ok) return raise_openssl_value_error(ts);
    c->name = h->name;
    c->owned_name = h->owned_name;
    return obj.release();
}

// Finalises a copy of the context into `out` (`length` bytes for an XOF).
[[nodiscard]] bool hash_final(ThreadState& ts, HashObject* h, std::size_t length,
                              std::string* out) {
    EVP_MD_CTX* tmp = EVP_MD_CTX_new();
    if (!tmp) {
        raise_memory_error(ts);
        return false;
    }
    bool ok;
    {
        ObjectLock guard(ts, h->mutex);
        ok = EVP_MD_CTX_copy_ex(tmp, h->ctx) == 1;
    }
    if (ok) {
        const EVP_MD* md = EVP_MD_CTX_get0_md(tmp);
        if (is_xof(md)) {
            out->assign(length, '\0');
            auto* p = reinterpret_cast<unsigned char*>(out->data());
            ok = length == 0 || EVP_DigestFinalXOF(tmp, p, length) == 1;
        } else {
            unsigned char buf[EVP_MAX_MD_SIZE];
            unsigned int n = 0;
            ok = EVP_DigestFinal_ex(tmp, buf, &n) == 1;
            out->assign(reinterpret_cast<char*>(buf), n);
        }
    }
    EVP_MD_CTX_free(tmp);
    if (!ok) raise_openssl_value_error(ts);
    return ok;
}

Value hash_digest(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "HASH.digest", "HASH.digest", 0, 0)) return Value();
    std::string out;
    if (!hash_final(ts, hash_obj(args[0]), 0, &out)) return Value();
    return make_bytes(ts, out);
}

Value hash_hexdigest(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "HASH.hexdigest", "HASH.hexdigest", 0, 0)) return Value();
    std::string out;
    if (!hash_final(ts, hash_obj(args[0]), 0, &out)) return Value();
    return hash_hex(ts, out);
}

// HASHXOF.digest(length) / hexdigest(length): a negative length is a
// MemoryError, as CPython's (which asks for that many bytes).
[[nodiscard]] bool xof_length(ThreadState& ts, Args args, const char* fname, std::size_t* out) {
    Value length;
    if (!parse_args(ts, args.drop_first(), fname, {"length"}, {&length})) return false;
    int64_t n;
    if (is_int(length)) {
        if (!int_as_int64(ts, length, &n)) return false;
    } else if (!obj_index(ts, length, &n)) {
        return false;
    }
    if (n < 0 || !check_alloc_size(ts, static_cast<uint64_t>(n) * 2 + 1)) {
        if (n < 0) raise_memory_error(ts);
        return false;
    }
    *out = static_cast<std::size_t>(n);
    return true;
}

Value xof_digest(ThreadState& ts, Args args) {
    std::size_t length;
    if (!xof_length(ts, args, "digest", &length)) return Value();
    std::string out;
    if (!hash_final(ts, hash_obj(args[0]), length, &out)) return Value();
    return make_bytes(ts, out);
}

Value xof_hexdigest(ThreadState& ts, Args args) {
    std::size_t length;
    if (!xof_length(ts, args, "hexdigest", &length)) return Value();
    std::string out;
    if (!hash_final(ts, hash_obj(args[0]), length, &out)) return Value();
    return hash_hex(ts, out);
}

Value hash_get_name(ThreadState& ts, Value self) {
    return make_str(ts, hash_name(hash_obj(self)));
}

Value hash_get_digest_size(ThreadState& ts, Value self) {
    EVP_MD_CTX* ctx = hash_obj(self)->ctx;
    if (is_xof(EVP_MD_CTX_get0_md(ctx))) return Value::small_int(0);
    return make_int(ts, EVP_MD_CTX_get_size(ctx));
}

Value hash_get_block_size(ThreadState& ts, Value self) {
    return make_int(ts, EVP_MD_CTX_get_block_size(hash_obj(self)->ctx));
}

Value hash_repr(ThreadState& ts, Value self) {
    HashObject* h = hash_obj(self);
    return make_str(ts, fmt::format("<{} _hashlib.{} object @ {}>", hash_name(h),
                                    h->hdr.type->name_cstr, static_cast<const void*>(h)));
}

constexpr MethodDef kHashMethods[] = {
    {"update", hash_update},
    {"digest", hash_digest},
    {"hexdigest", hash_hexdigest},
    {"copy", hash_copy},
};
constexpr MethodDef kXofMethods[] = {
    {"digest", xof_digest},
    {"hexdigest", xof_hexdigest},
};
constexpr GetSetDef kHashGetSets[] = {
    {"name", hash_get_name},
    {"digest_size", hash_get_digest_size},
    {"block_size", hash_get_block_size},
};

// HASH objects come only from new() and the constructors (type_ready would
// otherwise inherit object's __new__, which knows nothing of the context).
Value hash_type_new(ThreadState& ts, TypeObject* type, Args) {
    return raise_fmt(ts, ts.exc_types().TypeError, "cannot create '_hashlib.{}' instances",
                     type->name_cstr);
}

TypeObject* make_hash_type(Interpreter& interp, const char* name, TypeObject* base) {
    TypeObject* t = type_alloc_builtin(interp, name, ObjKind::Native, sizeof(HashObject), base, 0);
    t->hdr.type = interp.types.type;
    t->new_ = hash_type_new;
    t->dealloc = hash_dealloc;
    t->repr = hash_repr;
    // No owned Values: explicit no-ops, so object's instance_traverse and
    // instance_clear are not inherited and do not read this layout.
    t->traverse = [](Object*, VisitFn, void*) {};
    t->clear = [](Object*) {};
    Ref mod(interp.intern("_hashlib"));
    type_set_attr_cstr(interp, t, "__module__", *mod);
    return t;
}

HashlibState& hashlib_state(Interpreter& interp) {
    return module_state<HashlibState>(interp, "_hashlib", [&](HashlibState& st) {
        st.hash_type = make_hash_type(interp, "HASH", interp.types.object);
        type_add_methods(interp, st.hash_type, kHashMethods);
        type_add_getsets(interp, st.hash_type, kHashGetSets);
        type_ready(interp, st.hash_type);
        st.xof_type = make_hash_type(interp, "HASHXOF", st.hash_type);
        type_add_methods(interp, st.xof_type, kXofMethods);
        type_ready(interp, st.xof_type);
    });
}

// --- module functions ---

// new(name, string=b'', *, usedforsecurity=True)
Value hashlib_new(ThreadState& ts, Args args) {
    Value name, data, usedforsecurity;
    if (!parse_args(ts, args, "new", {"name", "|", "string", "$usedforsecurity"},
                    {&name, &data, &usedforsecurity}))
        return Value();
    if (!is_str(ts, name)) return raise(ts, ts.exc_types().TypeError, "name must be a string");
    return hash_new_by_name(ts, str_view(name), data);
}

// openssl_md5(string=b'', *, usedforsecurity=True) and its siblings, one
// per row of kDigestNames.
template <int I>
Value hashlib_constructor(ThreadState& ts, Args args) {
    static_assert(I < kConstructorCount);
    static constexpr std::string_view kFname = [] {
        constexpr std::string_view names[] = {
            "openssl_md5",      "openssl_sha1",     "openssl_sha224",    "openssl_sha256",
            "openssl_sha384",   "openssl_sha512",   "openssl_sha3_224",  "openssl_sha3_256",
            "openssl_sha3_384", "openssl_sha3_512", "openssl_shake_128", "openssl_shake_256",
        };
        return names[I];
    }();
    Value data, usedforsecurity;
    if (!parse_args(ts, args, kFname, {"|", "string", "$usedforsecurity"},
                    {&data, &usedforsecurity}))
        return Value();
    return hash_new_by_name(ts, kDigestNames[I].py, data);
}

// An int argument that must fit a C long (pbkdf2's iterations, dklen).
[[nodiscard]] bool long_arg(ThreadState& ts, Value v, int64_t* out) {
    if (is_int(v)) return int_as_int64(ts, v, out);
    return obj_index(ts, v, out);
}

// pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None)
Value hashlib_pbkdf2_hmac(ThreadState& ts, Args args) {
    Value name, password, salt, iterations_v, dklen_v;
    if (!parse_args(ts, args, "pbkdf2_hmac",
                    {"hash_name", "password", "salt", "iterations", "|", "dklen"},
                    {&name, &password, &salt, &iterations_v, &dklen_v}))
        return Value();
    if (!is_str(ts, name)) {
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "pbkdf2_hmac() argument 'hash_name' must be str, not {}",
                         type_name(ts, name));
    }
    std::string_view pw, sa;
    if (!bytes_like_view(ts, password, &pw) || !bytes_like_view(ts, salt, &sa)) return Value();
    int64_t iterations, dklen = 0;
    if (!long_arg(ts, iterations_v, &iterations)) return Value();
    if (iterations < 1)
        return raise(ts, ts.exc_types().ValueError, "iteration value must be greater than 0.");
    if (iterations > INT_MAX)
        return raise(ts, ts.exc_types().OverflowError, "iteration value is too great.");
    const HashlibState::Digest* found = fetch_digest(ts, str_view(name));
    if (!found) return raise_unsupported(ts);
    const EVP_MD* md = found->md;
    if (dklen_v.is_null() || dklen_v.is_none()) {
        dklen = EVP_MD_get_size(md);
    } else if (!long_arg(ts, dklen_v, &dklen)) {
        return Value();
    }
    if (dklen < 1)
        return raise(ts, ts.exc_types().ValueError, "key length must be greater than 0.");
    if (dklen > INT_MAX) return raise(ts, ts.exc_types().OverflowError, "key length is too great.");
    std::string pw_copy(pw), salt_copy(sa), key(static_cast<std::size_t>(dklen), '\0');
    int ok;
    {
        GilRelease released(ts);
        ok = PKCS5_PBKDF2_HMAC(pw_copy.data(), static_cast<int>(pw_copy.size()),
                               reinterpret_cast<const unsigned char*>(salt_copy.data()),
                               static_cast<int>(salt_copy.size()), static_cast<int>(iterations), md,
                               static_cast<int>(dklen),
                               reinterpret_cast<unsigned char*>(key.data()));
    }
    if (!ok) return raise_openssl_value_error(ts);
    return make_bytes(ts, key);
}

// One of scrypt's n, r, p: a non-negative int, else the TypeError
// CPython's argument converter words.
[[nodiscard]] bool scrypt_uint(ThreadState& ts, Value v, const char* what, uint64_t* out) {
    int64_t n;
    if (v.is_null() || !is_int(v) || !int_to_int64(v, &n) || n < 0) {
        raise_fmt(ts, ts.exc_types().TypeError, "{} is required and must be an unsigned int", what);
        return false;
    }
    *out = static_cast<uint64_t>(n);
    return true;
}

// scrypt(password, *, salt, n, r, p, maxmem=0, dklen=64)
Value hashlib_scrypt(ThreadState& ts, Args args) {
    Value password, salt, n_v, r_v, p_v, maxmem_v, dklen_v;
    if (!parse_args(ts, args, "scrypt",
                    {"password", "$salt", "$n", "$r", "$p", "$maxmem", "$dklen"},
                    {&password, &salt, &n_v, &r_v, &p_v, &maxmem_v, &dklen_v}))
        return Value();
    std::string_view pw, sa;
    if (!bytes_like_view(ts, password, &pw)) return Value();
    if (salt.is_null()) return raise(ts, ts.exc_types().TypeError, "salt is required");
    if (!bytes_like_view(ts, salt, &sa)) return Value();
    uint64_t n, r, p;
    if (!scrypt_uint(ts, n_v, "n", &n) || !scrypt_uint(ts, r_v, "r", &r) ||
        !scrypt_uint(ts, p_v, "p", &p))
        return Value();
    if (n < 2 || (n & (n - 1)) != 0)
        return raise(ts, ts.exc_types().ValueError, "n must be a power of 2.");
    int64_t maxmem = 0, dklen = 64;
    if (!maxmem_v.is_null() && !long_arg(ts, maxmem_v, &maxmem)) return Value();
    if (maxmem < 0 || maxmem > INT_MAX) {
        return raise(ts, ts.exc_types().ValueError,
                     "maxmem must be positive and smaller than 2147483647");
    }
    if (!dklen_v.is_null() && !long_arg(ts, dklen_v, &dklen)) return Value();
    if (dklen < 1 || dklen > INT_MAX) {
        return raise(ts, ts.exc_types().ValueError,
                     "dklen must be greater than 0 and smaller than 2147483647");
    }
    std::string pw_copy(pw), salt_copy(sa), key(static_cast<std::size_t>(dklen), '\0');
    int ok;
    {
        GilRelease released(ts);
        ok = EVP_PBE_scrypt(pw_copy.data(), pw_copy.size(),
                            reinterpret_cast<const unsigned char*>(salt_copy.data()),
                            salt_copy.size(), n, r, p, static_cast<uint64_t>(maxmem),
                            reinterpret_cast<unsigned char*>(key.data()), key.size());
    }
    if (!ok) return raise_openssl_value_error(ts);
    return make_bytes(ts, key);
}

// The bytes compare_digest compares: a bytes-like, or a str of ASCII only.
[[nodiscard]] bool digest_operand(ThreadState& ts, Value v, std::string_view* out) {
    if (is_str(ts, v)) {
        if (!str_is_ascii(v)) {
            raise(ts, ts.exc_types().TypeError,
                  "comparing strings with non-ASCII characters is not supported");
            return false;
        }
        *out = str_view(v);
        return true;
    }
    return bytes_like_view(ts, v, out);
}

// Compares in time that depends on the length of `b` only, never on where
// the two first differ (CPython's _tscmp): every byte is looked at and the
// differences are OR-ed together.
bool timing_safe_equal(std::string_view a, std::string_view b) {
    volatile unsigned char diff = a.size() == b.size() ? 0 : 1;
    const std::string_view& left = a.size() == b.size() ? a : b;
    for (std::size_t i = 0; i < b.size(); ++i)
        diff = static_cast<unsigned char>(
            diff | (static_cast<unsigned char>(left[i]) ^ static_cast<unsigned char>(b[i])));
    return diff == 0;
}

// True when `v` has bytes to compare (no exception left pending).
bool has_buffer(ThreadState& ts, Value v) {
    std::string_view unused;
    if (bytes_like_view(ts, v, &unused)) return true;
    clear_exception(ts);
    return false;
}

// compare_digest(a, b): both str (ASCII only) or both bytes-like.
Value hashlib_compare_digest(ThreadState& ts, Args args) {
    if (!no_kwargs(ts, args, "_hashlib.compare_digest") ||
        !check_nargs(ts, args, "compare_digest", 2, 2))
        return Value();
    Value a = args[0], b = args[1];
    std::string_view va, vb;
    if (is_str(ts, a) && is_str(ts, b)) {
        if (!digest_operand(ts, a, &va) || !digest_operand(ts, b, &vb)) return Value();
    } else if (!has_buffer(ts, a) && !has_buffer(ts, b)) {
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "unsupported operand types(s) or combination of types: '{}' and '{}'",
                         type_name(ts, a), type_name(ts, b));
    } else if (!bytes_like_view(ts, a, &va) || !bytes_like_view(ts, b, &vb)) {
        return Value();
    }
    return Value::boolean(timing_safe_equal(va, vb));
}

Value hashlib_get_fips_mode(ThreadState&, Args) {
    return Value::small_int(0);
}

constexpr MethodDef kHashlibFunctions[] = {
    {"new", hashlib_new},
    {"openssl_md5", hashlib_constructor<0>},
    {"openssl_sha1", hashlib_constructor<1>},
    {"openssl_sha224", hashlib_constructor<2>},
    {"openssl_sha256", hashlib_constructor<3>},
    {"openssl_sha384", hashlib_constructor<4>},
    {"openssl_sha512", hashlib_constructor<5>},
    {"openssl_sha3_224", hashlib_constructor<6>},
    {"openssl_sha3_256", hashlib_constructor<7>},
    {"openssl_sha3_384", hashlib_constructor<8>},
    {"openssl_sha3_512", hashlib_constructor<9>},
    {"openssl_shake_128", hashlib_constructor<10>},
    {"openssl_shake_256", hashlib_constructor<11>},
    {"pbkdf2_hmac", hashlib_pbkdf2_hmac},
    {"scrypt", hashlib_scrypt},
    {"compare_digest", hashlib_compare_digest},
    {"get_fips_mode", hashlib_get_fips_mode},
};

// openssl_md_meth_names: the Python names of the digests the default
// provider can run (hashlib.algorithms_available adds blake2 and the rest).
Value available_names(ThreadState& ts) {
    std::vector<Value> found;
    for (const DigestName& d : kDigestNames) {
        Value name = fetch_digest(ts, d.py) ? make_str(ts, d.py) : Value();
        if (!name.is_null()) found.push_back(name);
    }
    ERR_clear_error();
    Ref tuple(tuple_new(ts, found.size()));
    if (!tuple) {
        for (Value v : found) decref(v);
        return Value();
    }
    for (std::size_t i = 0; i < found.size(); ++i) tuple_obj(*tuple)->items[i] = found[i];
    return frozenset_new(ts, *tuple);
}

}  // namespace

bool hash_data_view(ThreadState& ts, Value v, std::string_view* out) {
    if (is_str(ts, v)) {
        raise(ts, ts.exc_types().TypeError, "Strings must be encoded before hashing");
        return false;
    }
    if (bytes_like_view(ts, v, out)) return true;
    if (!exception_matches(ts, ts.exc_types().TypeError)) return false;
    clear_exception(ts);
    raise(ts, ts.exc_types().TypeError, "object supporting the buffer API required");
    return false;
}

Value hash_hex(ThreadState& ts, std::string_view data) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out(data.size() * 2, '\0');
    for (std::size_t i = 0; i < data.size(); ++i) {
        auto c = static_cast<unsigned char>(data[i]);
        out[2 * i] = kDigits[c >> 4];
        out[2 * i + 1] = kDigits[c & 15];
    }
    return make_str_known(ts, out, out.size(), true);
}

Value init_hashlib_module(ThreadState& ts) {
    HashlibState& st = hashlib_state(ts.interp());
    if (st.unsupported_error.is_null()) {
        st.unsupported_error = make_exception_class(ts, "_hashlib", "UnsupportedDigestmodError",
                                                    val(ts.exc_types().ValueError));
        if (st.unsupported_error.is_null()) return Value();
    }
    Ref m(module_new(ts, "_hashlib"));
    if (!m || !module_add_functions(ts, *m, kHashlibFunctions) ||
        !module_add_value(ts, *m, "HASH", val(st.hash_type)) ||
        !module_add_value(ts, *m, "HASHXOF", val(st.xof_type)) ||
        !module_add_value(ts, *m, "UnsupportedDigestmodError", st.unsupported_error) ||
        !module_add_steal(ts, *m, "openssl_md_meth_names", available_names(ts)))
        return Value();
    return m.release();
}

}  // namespace gilt
