// _blake2: the blake2b and blake2s hash types, written here from RFC 7693
// (and the BLAKE2 paper for the tree-hashing parameters).
//
// They are not taken from OpenSSL like the other digests (hashlib.cpp)
// because OpenSSL 3.0's EVP digests fix the output size and know nothing of
// key, salt, personalisation or the tree parameters, all of which hashlib
// exposes. CPython keeps blake2 in a module of its own for the same reason.
//
// One template serves both: BLAKE2b works on 64-bit words and 128-byte
// blocks with 12 rounds, BLAKE2s on 32-bit words and 64-byte blocks with 10.
// The parameter block (digest length, key length, fanout, depth, leaf size,
// node offset, node depth, inner length, salt, personalisation) is XOR-ed
// into the IV; a key is hashed as a first block of its own.
#include <gmp.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <new>
#include <string>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/bytes.hpp"
#include "runtime/errors.hpp"
#include "runtime/heap.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/module.hpp"
#include "runtime/module_state.hpp"
#include "runtime/str.hpp"
#include "stdlib/hashlib.hpp"
#include "stdlib/modules.hpp"

namespace gilt {

namespace {

constexpr uint8_t kSigma[10][16] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
    {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
    {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
    {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
    {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
};

// The two variants' constants (RFC 7693, section 2.1 and 2.6).
struct Blake2b {
    using Word = uint64_t;
    static constexpr const char* kName = "blake2b";
    static constexpr int kRounds = 12;
    static constexpr int kR1 = 32, kR2 = 24, kR3 = 16, kR4 = 63;
    static constexpr std::size_t kBlock = 128, kOut = 64, kKey = 64, kSalt = 16, kPerson = 16;
    static constexpr Word kIv[8] = {
        0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL,
        0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL, 0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL,
    };
    static constexpr int kNodeOffsetBytes = 8;
};
struct Blake2s {
    using Word = uint32_t;
    static constexpr const char* kName = "blake2s";
    static constexpr int kRounds = 10;
    static constexpr int kR1 = 16, kR2 = 12, kR3 = 8, kR4 = 7;
    static constexpr std::size_t kBlock = 64, kOut = 32, kKey = 32, kSalt = 8, kPerson = 8;
    static constexpr Word kIv[8] = {
        0x6a09e667U, 0xbb67ae85U, 0x3c6ef372U, 0xa54ff53aU,
        0x510e527fU, 0x9b05688cU, 0x1f83d9abU, 0x5be0cd19U,
    };
    static constexpr int kNodeOffsetBytes = 6;
};

template <class V>
struct Blake2State {
    using Word = typename V::Word;
    Word h[8];
    Word t[2];  // bytes compressed so far (a double-word counter)
    std::array<unsigned char, V::kBlock> buf;
    std::size_t buflen;
    std::size_t outlen;
    bool last_node;
};

template <class W>
W load_le(const unsigned char* p) {
    W w = 0;
    for (std::size_t i = 0; i < sizeof(W); ++i) w |= static_cast<W>(p[i]) << (8 * i);
    return w;
}

template <class W>
W rotr(W x, int n) {
    return static_cast<W>((x >> n) | (x << (sizeof(W) * 8 - n)));
}

template <class V>
void compress(Blake2State<V>& s, const unsigned char* block, bool last) {
    using Word = typename V::Word;
    Word m[16], v[16];
    for (int i = 0; i < 16; ++i) m[i] = load_le<Word>(block + i * sizeof(Word));
    for (int i = 0; i < 8; ++i) {
        v[i] = s.h[i];
        v[i + 8] = V::kIv[i];
    }
    v[12] ^= s.t[0];
    v[13] ^= s.t[1];
    if (last) {
        v[14] = static_cast<Word>(~v[14]);
        if (s.last_node) v[15] = static_cast<Word>(~v[15]);
    }
    auto g = [&v](int a, int b, int c, int d, Word x, Word y) {
        v[a] = v[a] + v[b] + x;
        v[d] = rotr<Word>(v[d] ^ v[a], V::kR1);
        v[c] = v[c] + v[d];
        v[b] = rotr<Word>(v[b] ^ v[c], V::kR2);
        v[a] = v[a] + v[b] + y;
        v[d] = rotr<Word>(v[d] ^ v[a], V::kR3);
        v[c] = v[c] + v[d];
        v[b] = rotr<Word>(v[b] ^ v[c], V::kR4);
    };
    for (int r = 0; r < V::kRounds; ++r) {
        const uint8_t* s_ = kSigma[r % 10];
        g(0, 4, 8, 12, m[s_[0]], m[s_[1]]);
        g(1, 5, 9, 13, m[s_[2]], m[s_[3]]);
        g(2, 6, 10, 14, m[s_[4]], m[s_[5]]);
        g(3, 7, 11, 15, m[s_[6]], m[s_[7]]);
        g(0, 5, 10, 15, m[s_[8]], m[s_[9]]);
        g(1, 6, 11, 12, m[s_[10]], m[s_[11]]);
        g(2, 7, 8, 13, m[s_[12]], m[s_[13]]);
        g(3, 4, 9, 14, m[s_[14]], m[s_[15]]);
    }
    for (int i = 0; i < 8; ++i) s.h[i] ^= v[i] ^ v[i + 8];
}

template <class V>
void add_count(Blake2State<V>& s, std::size_t n) {
    using Word = typename V::Word;
    s.t[0] = static_cast<Word>(s.t[0] + n);
    if (s.t[0] < n) ++s.t[1];
}

// Absorbs `n` bytes. A full buffer is compressed only when more input
// follows, because the last block must be compressed with the final flag.
template <class V>
void absorb(Blake2State<V>& s, const unsigned char* p, std::size_t n) {
    while (n > 0) {
        if (s.buflen == V::kBlock) {
            add_count(s, V::kBlock);
            compress(s, s.buf.data(), false);
            s.buflen = 0;
        }
        std::size_t take = std::min(n, V::kBlock - s.buflen);
        std::memcpy(s.buf.data() + s.buflen, p, take);
        s.buflen += take;
        p += take;
        n -= take;
    }
}

template <class V>
std::string finish(Blake2State<V> s) {  // a copy: the object keeps its state
    using Word = typename V::Word;
    add_count(s, s.buflen);
    std::memset(s.buf.data() + s.buflen, 0, V::kBlock - s.buflen);
    compress(s, s.buf.data(), true);
    std::string out(8 * sizeof(Word), '\0');
    for (int i = 0; i < 8; ++i)
        for (std::size_t b = 0; b < sizeof(Word); ++b)
            out[i * sizeof(Word) + b] = static_cast<char>((s.h[i] >> (8 * b)) & 0xFF);
    out.resize(s.outlen);
    return out;
}

// What a constructor was given, already checked.
struct Blake2Params {
    std::size_t digest_size;
    std::string_view key, salt, person;
    unsigned fanout = 1, depth = 1, node_depth = 0, inner_size = 0;
    uint32_t leaf_size = 0;
    uint64_t node_offset = 0;
    bool last_node = false;
};

template <class V>
void init_state(Blake2State<V>& s, const Blake2Params& p) {
    using Word = typename V::Word;
    unsigned char block[8 * sizeof(Word)] = {};  // the parameter block
    block[0] = static_cast<unsigned char>(p.digest_size);
    block[1] = static_cast<unsigned char>(p.key.size());
    block[2] = static_cast<unsigned char>(p.fanout);
    block[3] = static_cast<unsigned char>(p.depth);
    for (int i = 0; i < 4; ++i) block[4 + i] = static_cast<unsigned char>(p.leaf_size >> (8 * i));
    for (int i = 0; i < V::kNodeOffsetBytes; ++i)
        block[8 + i] = static_cast<unsigned char>(p.node_offset >> (8 * i));
    block[8 + V::kNodeOffsetBytes] = static_cast<unsigned char>(p.node_depth);
    block[9 + V::kNodeOffsetBytes] = static_cast<unsigned char>(p.inner_size);
    // An empty salt or person may have no storage at all: memcpy must not see it.
    if (!p.salt.empty()) std::memcpy(block + 4 * sizeof(Word), p.salt.data(), p.salt.size());
    if (!p.person.empty())
        std::memcpy(block + 4 * sizeof(Word) + V::kSalt, p.person.data(), p.person.size());
    for (int i = 0; i < 8; ++i) s.h[i] = V::kIv[i] ^ load_le<Word>(block + i * sizeof(Word));
    s.t[0] = s.t[1] = 0;
    s.buflen = 0;
    s.outlen = p.digest_size;
    s.last_node = p.last_node;
    if (!p.key.empty()) {
        std::array<unsigned char, V::kBlock> key_block{};
        std::memcpy(key_block.data(), p.key.data(), p.key.size());
        absorb(s, key_block.data(), key_block.size());
    }
}

// --- the Python objects ---

template <class V>
struct Blake2Object {
    Object hdr;
    Blake2State<V> state;
    std::mutex mutex;  // see stdlib/object_lock.hpp
};

template <class V>
Blake2Object<V>* blake_obj(Value v) {
    return reinterpret_cast<Blake2Object<V>*>(v.as_object());
}

template <class V>
Value blake_alloc(ThreadState& ts, TypeObject* type) {
    Object* o = alloc_object(type, type->basicsize);
    if (!o) return raise_memory_error(ts);
    new (&reinterpret_cast<Blake2Object<V>*>(o)->mutex) std::mutex();
    return Value::object(o);
}

template <class V>
void blake_dealloc(Object* o) {
    reinterpret_cast<Blake2Object<V>*>(o)->mutex.~mutex();
    free_object(o);
}

template <class V>
[[nodiscard]] bool blake_update_value(ThreadState& ts, Blake2Object<V>* b, Value data) {
    std::string_view view;
    if (!hash_data_view(ts, data, &view)) return false;
    return hash_feed(ts, data, view, b->mutex, [b](std::string_view d) {
        absorb(b->state, reinterpret_cast<const unsigned char*>(d.data()), d.size());
    });
}

// An int parameter as an unsigned value of at most `max`; a negative one
// is "value must be positive" (ValueError), a too large one OverflowError
// `too_large`, as CPython's converters word them.
[[nodiscard]] bool unsigned_param(ThreadState& ts, Value v, uint64_t max, const char* too_large,
                                  uint64_t* out) {
    bool negative, fits = true;
    uint64_t u = 0;
    if (is_int(v)) {
        mpz_t z;
        mpz_init(z);
        int_to_mpz(v, z);
        negative = mpz_sgn(z) < 0;
        fits = mpz_sizeinbase(z, 2) <= 64;
        if (!negative && fits) mpz_export(&u, nullptr, -1, sizeof u, 0, 0, z);
        mpz_clear(z);
    } else {
        int64_t n;
        if (!obj_index(ts, v, &n)) return false;
        negative = n < 0;
        u = static_cast<uint64_t>(n);
    }
    if (negative) {
        raise(ts, ts.exc_types().ValueError, "value must be positive");
        return false;
    }
    if (!fits || u > max) {
        raise(ts, ts.exc_types().OverflowError, fits ? too_large : "int too big to convert");
        return false;
    }
    *out = u;
    return true;
}

// An int parameter in [lo, hi], else ValueError `msg`.
[[nodiscard]] bool ranged_param(ThreadState& ts, Value v, int64_t lo, int64_t hi,
                                const std::string& msg, unsigned* out) {
    int64_t n;
    if (!obj_index(ts, v, &n)) return false;
    if (n < lo || n > hi) {
        raise(ts, ts.exc_types().ValueError, msg);
        return false;
    }
    *out = static_cast<unsigned>(n);
    return true;
}

[[nodiscard]] bool bytes_param(ThreadState& ts, Value v, std::size_t max, const char* what,
                               std::string_view* out) {
    if (v.is_null()) return true;
    if (!bytes_like_view(ts, v, out)) return false;
    if (out->size() > max) {
        raise_fmt(ts, ts.exc_types().ValueError, "maximum {} length is {} bytes", what, max);
        return false;
    }
    return true;
}

// blake2b(data=b'', /, *, digest_size=64, key=b'', salt=b'', person=b'',
//         fanout=1, depth=1, leaf_size=0, node_offset=0, node_depth=0,
//         inner_size=0, last_node=False, usedforsecurity=True)
template <class V>
Value blake_new(ThreadState& ts, TypeObject* type, Args args) {
    Value data, digest_size, key, salt, person, fanout, depth, leaf_size, node_offset, node_depth,
        inner_size, last_node, usedforsecurity;
    if (!parse_args(ts, args, V::kName,
                    {"|", "/data", "$digest_size", "$key", "$salt", "$person", "$fanout", "$depth",
                     "$leaf_size", "$node_offset", "$node_depth", "$inner_size", "$last_node",
                     "$usedforsecurity"},
                    {&data, &digest_size, &key, &salt, &person, &fanout, &depth, &leaf_size,
                     &node_offset, &node_depth, &inner_size, &last_node, &usedforsecurity}))
        return Value();
    Blake2Params p;
    unsigned size = V::kOut;
    std::string size_msg = fmt::format("digest_size must be between 1 and {} bytes", V::kOut);
    if (!digest_size.is_null() && !ranged_param(ts, digest_size, 1, V::kOut, size_msg, &size))
        return Value();
    p.digest_size = size;
    if (!bytes_param(ts, salt, V::kSalt, "salt", &p.salt) ||
        !bytes_param(ts, person, V::kPerson, "person", &p.person))
        return Value();
    if (!fanout.is_null() &&
        !ranged_param(ts, fanout, 0, 255, "fanout must be between 0 and 255", &p.fanout))
        return Value();
    if (!depth.is_null() &&
        !ranged_param(ts, depth, 1, 255, "depth must be between 1 and 255", &p.depth))
        return Value();
    uint64_t u;
    if (!leaf_size.is_null()) {
        if (!unsigned_param(ts, leaf_size, UINT32_MAX, "leaf_size is too large", &u))
            return Value();
        p.leaf_size = static_cast<uint32_t>(u);
    }
    if (!node_offset.is_null()) {
        uint64_t max = V::kNodeOffsetBytes == 8 ? UINT64_MAX : (uint64_t(1) << 48) - 1;
        if (!unsigned_param(ts, node_offset, max, "node_offset is too large", &p.node_offset))
            return Value();
    }
    if (!node_depth.is_null() &&
        !ranged_param(ts, node_depth, 0, 255, "node_depth must be between 0 and 255",
                      &p.node_depth))
        return Value();
    std::string inner_msg = fmt::format("inner_size must be between 0 and is {}", V::kOut);
    if (!inner_size.is_null() &&
        !ranged_param(ts, inner_size, 0, V::kOut, inner_msg, &p.inner_size))
        return Value();
    if (!bytes_param(ts, key, V::kKey, "key", &p.key)) return Value();
    if (!last_node.is_null()) {
        int t = obj_truthy(ts, last_node);
        if (t < 0) return Value();
        p.last_node = t == 1;
    }
    Ref obj(blake_alloc<V>(ts, type));
    if (!obj) return Value();
    init_state(blake_obj<V>(*obj)->state, p);
    if (!data.is_null() && !blake_update_value(ts, blake_obj<V>(*obj), data)) return Value();
    return obj.release();
}

template <class V>
Value blake_update(ThreadState& ts, Args args) {
    static const std::string kQual = std::string(V::kName) + ".update";
    if (!method_args(ts, args, kQual, kQual, 1, 1)) return Value();
    if (!blake_update_value(ts, blake_obj<V>(args[0]), args[1])) return Value();
    return Value::none();
}

template <class V>
std::string blake_final(ThreadState& ts, Value self) {
    Blake2Object<V>* b = blake_obj<V>(self);
    Blake2State<V> copy;
    {
        ObjectLock guard(ts, b->mutex);
        copy = b->state;
    }
    return finish(copy);
}

template <class V>
Value blake_digest(ThreadState& ts, Args args) {
    static const std::string kQual = std::string(V::kName) + ".digest";
    if (!method_args(ts, args, kQual, kQual, 0, 0)) return Value();
    return make_bytes(ts, blake_final<V>(ts, args[0]));
}

template <class V>
Value blake_hexdigest(ThreadState& ts, Args args) {
    static const std::string kQual = std::string(V::kName) + ".hexdigest";
    if (!method_args(ts, args, kQual, kQual, 0, 0)) return Value();
    return hash_hex(ts, blake_final<V>(ts, args[0]));
}

template <class V>
Value blake_copy(ThreadState& ts, Args args) {
    static const std::string kQual = std::string(V::kName) + ".copy";
    if (!method_args(ts, args, kQual, kQual, 0, 0)) return Value();
    Blake2Object<V>* b = blake_obj<V>(args[0]);
    Ref obj(blake_alloc<V>(ts, b->hdr.type));
    if (!obj) return Value();
    ObjectLock guard(ts, b->mutex);
    blake_obj<V>(*obj)->state = b->state;
    return obj.release();
}

template <class V>
Value blake_get_name(ThreadState& ts, Value) {
    return make_str(ts, V::kName);
}

template <class V>
Value blake_get_digest_size(ThreadState&, Value self) {
    return Value::small_int(static_cast<int64_t>(blake_obj<V>(self)->state.outlen));
}

template <class V>
Value blake_get_block_size(ThreadState&, Value) {
    return Value::small_int(V::kBlock);
}

template <class V>
constexpr MethodDef kBlakeMethods[] = {
    {"update", blake_update<V>},
    {"digest", blake_digest<V>},
    {"hexdigest", blake_hexdigest<V>},
    {"copy", blake_copy<V>},
};
template <class V>
constexpr GetSetDef kBlakeGetSets[] = {
    {"name", blake_get_name<V>},
    {"digest_size", blake_get_digest_size<V>},
    {"block_size", blake_get_block_size<V>},
};

template <class V>
TypeObject* make_blake_type(Interpreter& interp) {
    TypeObject* t = type_alloc_builtin(interp, V::kName, ObjKind::Native, sizeof(Blake2Object<V>),
                                       interp.types.object, 0);
    t->hdr.type = interp.types.type;
    t->new_ = blake_new<V>;
    t->dealloc = blake_dealloc<V>;
    // No owned Values: explicit no-ops, so object's instance_traverse and
    // instance_clear are not inherited and do not read this layout.
    t->traverse = [](Object*, VisitFn, void*) {};
    t->clear = [](Object*) {};
    type_add_methods(interp, t, kBlakeMethods<V>);
    type_add_getsets(interp, t, kBlakeGetSets<V>);
    Ref mod(interp.intern("_blake2"));
    type_set_attr_cstr(interp, t, "__module__", *mod);
    const std::pair<const char*, std::size_t> sizes[] = {
        {"SALT_SIZE", V::kSalt},
        {"PERSON_SIZE", V::kPerson},
        {"MAX_KEY_SIZE", V::kKey},
        {"MAX_DIGEST_SIZE", V::kOut},
    };
    for (const auto& [name, size] : sizes)
        type_set_attr_cstr(interp, t, name, Value::small_int(static_cast<int64_t>(size)));
    type_ready(interp, t);
    return t;
}

template <class V>
TypeObject* blake_type(Interpreter& interp) {
    std::string key = std::string("_blake2.") + V::kName;
    return module_state<TypeObject*>(interp, key,
                                     [&](TypeObject*& t) { t = make_blake_type<V>(interp); });
}

}  // namespace

Value init_blake2_module(ThreadState& ts) {
    Interpreter& interp = ts.interp();
    Ref m(module_new(ts, "_blake2"));
    if (!m || !module_add_value(ts, *m, "blake2b", val(blake_type<Blake2b>(interp))) ||
        !module_add_value(ts, *m, "blake2s", val(blake_type<Blake2s>(interp))))
        return Value();
    return m.release();
}

}  // namespace gilt
