// _random: the Mersenne Twister core of the random module, bit for bit
// CPython's Modules/_randommodule.c, so that seeded sequences match
// python3's exactly (stdlib/lib/random.py builds the rest on random() and
// getrandbits() with CPython's algorithms).
//
// Seeding follows CPython too: an int seeds init_by_array with the 32-bit
// words of its absolute value (least significant first); None seeds from
// the OS; any other hashable seeds with its hash; str/bytes/bytearray use
// random.py's "version 2" rule, int.from_bytes(s + sha512(s).digest()),
// computed here directly on the bytes with OpenSSL's SHA-512.
#include <sys/random.h>

#include <array>
#include <cstring>
#include <ctime>
#include <new>
#include <string>
#include <vector>

#include <gmp.h>
#include <openssl/sha.h>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/bytes.hpp"
#include "runtime/errors.hpp"
#include "runtime/float.hpp"
#include "runtime/heap.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/module.hpp"
#include "runtime/module_state.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "stdlib/modules.hpp"

namespace gilt {

namespace {

Value random_seed_method(ThreadState& ts, Args args);
Value random_random(ThreadState& ts, Args args);
Value random_getrandbits(ThreadState& ts, Args args);
Value random_getstate(ThreadState& ts, Args args);
Value random_setstate(ThreadState& ts, Args args);

constexpr MethodDef kRandomMethods[] = {
    {"seed", random_seed_method},        {"random", random_random},
    {"getrandbits", random_getrandbits}, {"getstate", random_getstate},
    {"setstate", random_setstate},
};

constexpr int kN = 624;
constexpr int kM = 397;

struct RandomObject {
    Object hdr;
    uint32_t mt[kN];
    int index;
};

RandomObject* rnd(Value v) {
    return reinterpret_cast<RandomObject*>(v.as_object());
}

// --- MT19937 (Matsumoto & Nishimura, as in CPython) ---

void init_genrand(RandomObject* r, uint32_t s) {
    r->mt[0] = s;
    for (int i = 1; i < kN; ++i) {
        r->mt[i] = 1812433253U * (r->mt[i - 1] ^ (r->mt[i - 1] >> 30)) + static_cast<uint32_t>(i);
    }
    r->index = kN;
}

void init_by_array(RandomObject* r, const uint32_t* key, std::size_t len) {
    init_genrand(r, 19650218U);
    uint32_t* mt = r->mt;
    std::size_t i = 1, j = 0;
    for (std::size_t k = kN > len ? kN : len; k; --k) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] +
                static_cast<uint32_t>(j);
        ++i;
        ++j;
        if (i >= kN) {
            mt[0] = mt[kN - 1];
            i = 1;
        }
        if (j >= len) j = 0;
    }
    for (std::size_t k = kN - 1; k; --k) {
        mt[i] =
            (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - static_cast<uint32_t>(i);
        ++i;
        if (i >= kN) {
            mt[0] = mt[kN - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000U;
}

uint32_t genrand_uint32(RandomObject* r) {
    static constexpr uint32_t kMag01[2] = {0x0U, 0x9908b0dfU};
    constexpr uint32_t kUpper = 0x80000000U, kLower = 0x7fffffffU;
    uint32_t* mt = r->mt;
    if (r->index >= kN) {
        int kk;
        for (kk = 0; kk < kN - kM; ++kk) {
            uint32_t y = (mt[kk] & kUpper) | (mt[kk + 1] & kLower);
            mt[kk] = mt[kk + kM] ^ (y >> 1) ^ kMag01[y & 0x1U];
        }
        for (; kk < kN - 1; ++kk) {
            uint32_t y = (mt[kk] & kUpper) | (mt[kk + 1] & kLower);
            mt[kk] = mt[kk + (kM - kN)] ^ (y >> 1) ^ kMag01[y & 0x1U];
        }
        uint32_t y = (mt[kN - 1] & kUpper) | (mt[0] & kLower);
        mt[kN - 1] = mt[kM - 1] ^ (y >> 1) ^ kMag01[y & 0x1U];
        r->index = 0;
    }
    uint32_t y = mt[r->index++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= (y >> 18);
    return y;
}

// --- SHA-512, for str/bytes seeds (OpenSSL's, as hashlib's) ---

std::string sha512(std::string_view data) {
    unsigned char digest[SHA512_DIGEST_LENGTH];
    SHA512(reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest);
    return std::string(reinterpret_cast<const char*>(digest), sizeof digest);
}

// --- seeding ---

// The 32-bit words of a non-negative big-endian byte string, least
// significant first, without high zero words (at least one word).
std::vector<uint32_t> words_from_big_endian(std::string_view be) {
    std::vector<uint32_t> words((be.size() + 3) / 4 + 1, 0);
    for (std::size_t i = 0; i < be.size(); ++i) {
        std::size_t byte_index = be.size() - 1 - i;  // significance of be[byte_index] is i
        words[i / 4] |= static_cast<uint32_t>(static_cast<unsigned char>(be[byte_index]))
                        << ((i % 4) * 8);
    }
    while (words.size() > 1 && words.back() == 0) words.pop_back();
    return words;
}

std::vector<uint32_t> words_from_int(Value n) {
    mpz_t z;
    mpz_init(z);
    int_to_mpz(n, z);
    mpz_abs(z, z);
    std::vector<uint32_t> words(mpz_sizeinbase(z, 2) / 32 + 1, 0);
    std::size_t count = 0;
    mpz_export(words.data(), &count, -1, sizeof(uint32_t), 0, 0, z);
    mpz_clear(z);
    words.resize(count == 0 ? 1 : count);
    return words;
}

bool seed_from_os(RandomObject* r) {
    std::array<uint32_t, kN> key;
    std::size_t done = 0;
    auto* p = reinterpret_cast<char*>(key.data());
    while (done < sizeof key) {
        ssize_t n = ::getrandom(p + done, sizeof key - done, 0);
        if (n < 0) {
            if (errno == EINTR) continue;
            break;
        }
        done += static_cast<std::size_t>(n);
    }
    if (done < sizeof key) {
        uint32_t fallback[2] = {static_cast<uint32_t>(::time(nullptr)),
                                static_cast<uint32_t>(::clock())};
        init_by_array(r, fallback, 2);
        return true;
    }
    init_by_array(r, key.data(), key.size());
    return true;
}

bool random_seed(ThreadState& ts, RandomObject* r, Value arg) {
    if (arg.is_null() || arg.is_none()) return seed_from_os(r);
    std::vector<uint32_t> key;
    std::string_view data;
    if (is_str(ts, arg) || (arg.is_object() && (arg.as_object()->kind == ObjKind::Bytes ||
                                                arg.as_object()->kind == ObjKind::ByteArray))) {
        data = is_str(ts, arg)                           ? str_view(arg)
               : arg.as_object()->kind == ObjKind::Bytes ? bytes_view(arg)
                                                         : bytearray_view(arg);
        std::string joined(data);
        joined += sha512(data);
        key = words_from_big_endian(joined);
    } else if (arg.is_small_int() ||
               (arg.is_object() && arg.as_object()->type == ts.types().int_)) {
        key = words_from_int(arg);
    } else {
        int64_t h;
        if (!obj_hash(ts, arg, &h)) return false;
        uint64_t u = static_cast<uint64_t>(h);
        key = {static_cast<uint32_t>(u), static_cast<uint32_t>(u >> 32)};
        if (key[1] == 0) key.pop_back();
    }
    init_by_array(r, key.data(), key.size());
    return true;
}

// --- methods ---

Value random_seed_method(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "seed", 0, 1)) return Value();
    if (!random_seed(ts, rnd(args[0]), args.n > 1 ? args[1] : Value())) return Value();
    return Value::none();
}

Value random_random(ThreadState& ts, Args args) {
    RandomObject* r = rnd(args[0]);
    uint32_t a = genrand_uint32(r) >> 5, b = genrand_uint32(r) >> 6;
    return make_float(ts, (a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

Value random_getrandbits(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "getrandbits", 1, 1)) return Value();
    int64_t k;
    if (!obj_index(ts, args[1], &k)) return Value();
    if (k < 0) return raise(ts, ts.exc_types().ValueError, "number of bits must be non-negative");
    RandomObject* r = rnd(args[0]);
    if (k == 0) return Value::small_int(0);
    if (k <= 32) return make_int(ts, genrand_uint32(r) >> (32 - k));
    std::vector<uint32_t> words(static_cast<std::size_t>((k - 1) / 32 + 1));
    for (uint32_t& w : words) {
        uint32_t v = genrand_uint32(r);
        if (k < 32) v >>= (32 - k);
        w = v;
        k -= 32;
    }
    mpz_t z;
    mpz_init(z);
    mpz_import(z, words.size(), -1, sizeof(uint32_t), 0, 0, words.data());
    Value result = make_int_mpz(ts, z);
    mpz_clear(z);
    return result;
}

Value random_getstate(ThreadState& ts, Args args) {
    RandomObject* r = rnd(args[0]);
    Ref state(tuple_new(ts, kN + 1));
    if (!state) return Value();
    for (int i = 0; i < kN; ++i) {
        Value v = make_int_u64(ts, r->mt[i]);
        if (v.is_null()) return Value();
        tuple_obj(*state)->items[i] = v;
    }
    tuple_obj(*state)->items[kN] = Value::small_int(r->index);
    return state.release();
}

Value random_setstate(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "setstate", 1, 1)) return Value();
    Value state = args[1];
    if (!is_tuple(ts, state))
        return raise(ts, ts.exc_types().TypeError, "state vector must be a tuple");
    if (tuple_size(state) != kN + 1)
        return raise(ts, ts.exc_types().ValueError, "state vector is the wrong size");
    uint32_t mt[kN];
    for (int i = 0; i < kN; ++i) {
        int64_t v;
        if (!int_as_int64(ts, tuple_item(state, i), &v)) return Value();
        mt[i] = static_cast<uint32_t>(v);
    }
    int64_t index;
    if (!int_as_int64(ts, tuple_item(state, kN), &index)) return Value();
    if (index < 0 || index > kN) return raise(ts, ts.exc_types().ValueError, "invalid state");
    RandomObject* r = rnd(args[0]);
    std::memcpy(r->mt, mt, sizeof mt);
    r->index = static_cast<int>(index);
    return Value::none();
}

Value random_new(ThreadState& ts, TypeObject* type, Args) {
    Object* o = (type->flags & kTypeHasGc) ? alloc_gc_object(type, type->basicsize)
                                           : alloc_object(type, type->basicsize);
    if (!o) return raise_memory_error(ts);
    reinterpret_cast<RandomObject*>(o)->index = kN;
    return Value::object(o);
}

// Random(x=None): seeds; a subclass that overrides __init__ seeds itself.
int random_init(ThreadState& ts, Value self, Args args) {
    if (args.kw_count() != 0) {
        raise(ts, ts.exc_types().TypeError, "Random() takes no keyword arguments");
        return -1;
    }
    if (args.n > 1) {
        raise(ts, ts.exc_types().TypeError, "Random() requires 0 or 1 argument");
        return -1;
    }
    return random_seed(ts, rnd(self), args.n ? args[0] : Value()) ? 0 : -1;
}

void random_dealloc(Object* o) {
    free_object(o);
}

TypeObject* make_random_type(Interpreter& interp) {
    TypeObject* t = type_alloc_builtin(interp, "Random", ObjKind::Native, sizeof(RandomObject),
                                       interp.types.object, kTypeBaseType);
    t->hdr.type = interp.types.type;
    t->new_ = random_new;
    t->init = random_init;
    t->dealloc = random_dealloc;
    // No owned Values: an explicit no-op, or object's instance_traverse and
    // instance_clear would be inherited and read this layout as an instance.
    t->traverse = [](Object*, VisitFn, void*) {};
    t->clear = [](Object*) {};
    type_add_methods(interp, t, kRandomMethods);
    Ref mod(interp.intern("_random"));
    type_set_attr_cstr(interp, t, "__module__", *mod);
    type_ready(interp, t);
    return t;
}

}  // namespace

Value init_random_module(ThreadState& ts) {
    Interpreter& interp = ts.interp();
    TypeObject* t = module_state<TypeObject*>(
        interp, "_random.Random", [&](TypeObject*& t) { t = make_random_type(interp); });
    Ref m(module_new(ts, "_random"));
    if (!m || !module_add_value(ts, *m, "Random", val(t))) return Value();
    return m.release();
}

}  // namespace gilt
