// zlib: DEFLATE compression over the zlib library, as CPython's zlibmodule
// exposes it: compress/decompress in one call, the streaming Compress and
// Decompress objects (compressobj, decompressobj), crc32 and adler32.
//
// Every call into deflate/inflate runs with the GIL released. Only C++ data
// is touched meanwhile: the input is an immutable bytes the caller holds (a
// bytearray is copied first, since another thread could resize it), and the
// output grows in an OutBuf, memory of our own that may fail to grow
// without throwing; the MemoryError is raised once the GIL is back. A
// Compress or Decompress object is serialised by its own mutex
// (stdlib/object_lock.hpp).
//
// Errors are zlib.error worded as CPython's: "Error -3 while decompressing
// data: incorrect header check", with zlib's message when it gave one and
// a fixed wording for the codes that come without ("incomplete or
// truncated stream" for Z_BUF_ERROR).
#include <zlib.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <new>
#include <string>

#include <gmp.h>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/bytes.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/gil.hpp"
#include "runtime/heap.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/module.hpp"
#include "runtime/module_state.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "stdlib/modules.hpp"
#include "stdlib/object_lock.hpp"
#include "stdlib/zlib_module.hpp"

namespace gilt {

namespace {

constexpr std::size_t kDefBufSize = 16384;  // DEF_BUF_SIZE
constexpr int kDefMemLevel = 8;             // DEF_MEM_LEVEL
// What the loops below return when the output could not grow: a code
// zlib never uses (its own run from Z_VERSION_ERROR, -6, to Z_NEED_DICT, 2).
constexpr int kOutOfMemory = -100;

// The module's types and exception class, made once per interpreter.
struct ZlibState {
    TypeObject* compress_type = nullptr;
    TypeObject* decompress_type = nullptr;
    Value error;  // zlib.error (owned)
    ~ZlibState() { decref(error); }
};

ZlibState& zlib_state(Interpreter& interp);

// --- errors ---

Value raise_zlib_error(ThreadState& ts, std::string_view msg) {
    Value cls = zlib_state(ts.interp()).error;
    return raise(ts, cls.is_null() ? ts.exc_types().Exception : as<TypeObject>(cls), msg);
}

// "Error <err> while <doing>[: <reason>]" (CPython's zlib_error).
Value raise_stream_error(ThreadState& ts, const z_stream& zs, int err, const char* doing) {
    if (err == Z_VERSION_ERROR) return raise_zlib_error(ts, "library version mismatch");
    const char* reason = zs.msg;
    if (!reason) {
        if (err == Z_BUF_ERROR) reason = "incomplete or truncated stream";
        if (err == Z_STREAM_ERROR) reason = "inconsistent stream state";
        if (err == Z_DATA_ERROR) reason = "invalid input data";
    }
    if (!reason) return raise_zlib_error(ts, fmt::format("Error {} while {}", err, doing));
    return raise_zlib_error(ts, fmt::format("Error {} while {}: {}", err, doing, reason));
}

// --- output ---

// A growing output buffer that reports failure instead of throwing, so it
// can grow with the GIL released.
//
// Deflate's stored blocks (level 0) are cut where the output room ends, so
// the compressed bytes depend on how the output grows. To give the same
// bytes as CPython, compression grows it as CPython's _BlocksOutputBuffer
// does: blocks of 32 KiB, 64 KiB, 256 KiB, 1 MiB, ... (kBlockSizes).
// Decompression's output does not depend on it and grows from a hint.
class OutBuf {
public:
    explicit OutBuf(std::size_t limit = SIZE_MAX) : m_limit(limit) {}
    ~OutBuf() { std::free(m_data); }
    OutBuf(const OutBuf&) = delete;
    OutBuf& operator=(const OutBuf&) = delete;

    // Points zs's output at fresh room: the next block of the schedule when
    // `hint` is 0, else at least `hint` bytes, doubling as the output grows;
    // never past the limit. False when out of memory.
    bool arrange(z_stream& zs, std::size_t hint) {
        static constexpr std::size_t kKiB = 1024, kMiB = 1024 * kKiB;
        static constexpr std::size_t kBlockSizes[] = {
            32 * kKiB, 64 * kKiB, 256 * kKiB, 1 * kMiB,   4 * kMiB,   8 * kMiB,
            16 * kMiB, 16 * kMiB, 32 * kMiB,  32 * kMiB,  32 * kMiB,  32 * kMiB,
            64 * kMiB, 64 * kMiB, 128 * kMiB, 128 * kMiB, 256 * kMiB,
        };
        constexpr std::size_t kBlocks = sizeof kBlockSizes / sizeof kBlockSizes[0];
        std::size_t want =
            hint == 0 ? kBlockSizes[std::min(m_blocks, kBlocks - 1)] : std::max(hint, m_used);
        ++m_blocks;
        std::size_t room = std::min({want, m_limit - m_used, static_cast<std::size_t>(UINT_MAX)});
        if (m_used + room > m_capacity) {
            void* p = std::realloc(m_data, m_used + room);
            if (!p) return false;
            m_data = static_cast<char*>(p);
            m_capacity = m_used + room;
        }
        zs.next_out = reinterpret_cast<Bytef*>(m_data + m_used);
        zs.avail_out = static_cast<uInt>(room);
        m_pending = room;
        return true;
    }
    // Counts what zlib wrote since arrange().
    void settle(const z_stream& zs) {
        m_used += m_pending - zs.avail_out;
        m_pending = 0;
    }
    bool full() const { return m_used >= m_limit; }
    std::string_view view() const { return {m_data ? m_data : "", m_used}; }

private:
    char* m_data = nullptr;
    std::size_t m_used = 0, m_capacity = 0, m_pending = 0, m_blocks = 0, m_limit;
};

// --- input ---

// The bytes of a data argument, stable while the GIL is released: a view
// of a bytes, or a copy of anything else bytes-like.
class Input {
public:
    [[nodiscard]] bool init(ThreadState& ts, Value v) {
        std::string_view view;
        if (!bytes_like_view(ts, v, &view)) return false;
        if (!is_bytes(v)) {
            if (!check_alloc_size(ts, view.size())) return false;
            m_copy.assign(view);
            view = m_copy;
        }
        m_view = view;
        return true;
    }
    std::string_view view() const { return m_view; }
    // Feeds zlib the next piece (avail_in is 32 bits wide).
    void feed(z_stream& zs) {
        std::size_t n = std::min(m_view.size() - m_fed, static_cast<std::size_t>(UINT_MAX));
        zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(m_view.data() + m_fed));
        zs.avail_in = static_cast<uInt>(n);
        m_fed += n;
    }
    // Takes back what zlib did not consume of the last piece.
    void unfeed(z_stream& zs) {
        m_fed -= zs.avail_in;
        zs.avail_in = 0;
    }
    bool all_fed() const { return m_fed == m_view.size(); }
    std::size_t fed() const { return m_fed; }

private:
    std::string m_copy;
    std::string_view m_view;
    std::size_t m_fed = 0;
};

// --- int arguments ---

[[nodiscard]] bool int_arg(ThreadState& ts, Value v, int64_t* out) {
    if (is_int(v)) return int_as_int64(ts, v, out);
    return obj_index(ts, v, out);
}

// An int reduced modulo 2**32, as the "I" converter of crc32's start
// value reads it (so -1 is 0xffffffff).
[[nodiscard]] bool uint32_arg(ThreadState& ts, Value v, uint32_t* out) {
    if (!is_int(v)) {
        int64_t n;
        if (!obj_index(ts, v, &n)) return false;
        *out = static_cast<uint32_t>(n);
        return true;
    }
    int64_t n;
    if (int_to_int64(v, &n)) {
        *out = static_cast<uint32_t>(n);
        return true;
    }
    mpz_t z;
    mpz_init(z);
    int_to_mpz(v, z);
    mpz_fdiv_r_2exp(z, z, 32);
    *out = static_cast<uint32_t>(mpz_get_ui(z));
    mpz_clear(z);
    return true;
}

// An optional int argument with a default.
[[nodiscard]] bool opt_int(ThreadState& ts, Value v, int64_t dflt, int* out) {
    int64_t n = dflt;
    if (!v.is_null() && !int_arg(ts, v, &n)) return false;
    if (n < INT_MIN || n > INT_MAX) {
        raise(ts, ts.exc_types().OverflowError, "Python int too large to convert to C int");
        return false;
    }
    *out = static_cast<int>(n);
    return true;
}

// --- one-shot functions ---

// compress(data, /, level=-1, wbits=15)
Value zlib_compress(ThreadState& ts, Args args) {
    Value data, level_v, wbits_v;
    if (!parse_args(ts, args, "compress", {"/data", "|", "level", "wbits"},
                    {&data, &level_v, &wbits_v}))
        return Value();
    int level, wbits;
    Input in;
    if (!in.init(ts, data) || !opt_int(ts, level_v, Z_DEFAULT_COMPRESSION, &level) ||
        !opt_int(ts, wbits_v, MAX_WBITS, &wbits))
        return Value();
    z_stream zs{};
    int err = deflateInit2(&zs, level, Z_DEFLATED, wbits, kDefMemLevel, Z_DEFAULT_STRATEGY);
    if (err == Z_MEM_ERROR)
        return raise(ts, ts.exc_types().MemoryError, "Out of memory while compressing data");
    if (err == Z_STREAM_ERROR) return raise_zlib_error(ts, "Bad compression level");
    if (err != Z_OK) {
        deflateEnd(&zs);
        return raise_stream_error(ts, zs, err, "compressing data");
    }
    OutBuf out;
    bool oom = false;
    {
        GilRelease released(ts);
        do {
            in.feed(zs);
            int flush = in.all_fed() ? Z_FINISH : Z_NO_FLUSH;
            do {
                if (!out.arrange(zs, 0)) {
                    oom = true;
                    break;
                }
                err = deflate(&zs, flush);
                out.settle(zs);
            } while (zs.avail_out == 0 && err == Z_OK);
        } while (!oom && (err == Z_OK || err == Z_BUF_ERROR) && !in.all_fed());
        deflateEnd(&zs);
    }
    if (oom) return raise_memory_error(ts);
    if (err != Z_STREAM_END) return raise_stream_error(ts, zs, err, "compressing data");
    return make_bytes(ts, out.view());
}

// decompress(data, /, wbits=15, bufsize=16384)
Value zlib_decompress(ThreadState& ts, Args args) {
    Value data, wbits_v, bufsize_v;
    if (!parse_args(ts, args, "decompress", {"/data", "|", "wbits", "bufsize"},
                    {&data, &wbits_v, &bufsize_v}))
        return Value();
    int wbits;
    int64_t bufsize = kDefBufSize;
    Input in;
    if (!in.init(ts, data) || !opt_int(ts, wbits_v, MAX_WBITS, &wbits) ||
        (!bufsize_v.is_null() && !int_arg(ts, bufsize_v, &bufsize)))
        return Value();
    if (bufsize < 0) return raise(ts, ts.exc_types().ValueError, "bufsize must be non-negative");
    z_stream zs{};
    int err = inflateInit2(&zs, wbits);
    if (err == Z_MEM_ERROR)
        return raise(ts, ts.exc_types().MemoryError, "Out of memory while decompressing data");
    if (err != Z_OK) {
        inflateEnd(&zs);
        return raise_stream_error(ts, zs, err, "preparing to decompress data");
    }
    OutBuf out;
    bool oom = false;
    {
        GilRelease released(ts);
        do {
            in.feed(zs);
            do {
                if (!out.arrange(zs, static_cast<std::size_t>(std::max<int64_t>(bufsize, 1)))) {
                    oom = true;
                    break;
                }
                err = inflate(&zs, Z_NO_FLUSH);
                out.settle(zs);
            } while (err == Z_OK && (zs.avail_out == 0 || zs.avail_in > 0));
            in.unfeed(zs);
        } while (!oom && (err == Z_OK || err == Z_BUF_ERROR) && !in.all_fed());
        // With all input given and no stream end, one more call says why:
        // Z_BUF_ERROR, the stream is truncated.
        if (!oom && err == Z_OK) err = Z_BUF_ERROR;
    }
    if (oom) {
        inflateEnd(&zs);
        return raise_memory_error(ts);
    }
    if (err != Z_STREAM_END) {
        Value r = raise_stream_error(ts, zs, err, "decompressing data");
        inflateEnd(&zs);
        return r;
    }
    inflateEnd(&zs);
    return make_bytes(ts, out.view());
}

// crc32(data, value=0) and adler32(data, value=1), in pieces of at most
// UINT_MAX bytes, with the GIL released for large inputs.
template <bool kCrc>
Value zlib_checksum(ThreadState& ts, Args args) {
    const char* fname = kCrc ? "crc32" : "adler32";
    if (!no_kwargs(ts, args, fname) || !check_nargs(ts, args, fname, 1, 2)) return Value();
    uint32_t value = kCrc ? 0 : 1;
    Input in;
    if (!in.init(ts, args[0])) return Value();
    if (args.n > 1 && !uint32_arg(ts, args[1], &value)) return Value();
    std::string_view d = in.view();
    auto run = [&] {
        uLong v = value;
        const auto* p = reinterpret_cast<const Bytef*>(d.data());
        v = kCrc ? crc32_z(v, p, d.size()) : adler32_z(v, p, d.size());
        value = static_cast<uint32_t>(v);
    };
    if (d.size() > 5 * 1024) {
        GilRelease released(ts);
        run();
    } else {
        run();
    }
    return make_int_u64(ts, value);
}

// --- Compress objects ---

struct CompressObject {
    Object hdr;
    z_stream zs;
    bool initialised;  // false after the final flush (deflateEnd)
    std::mutex mutex;
};

CompressObject* comp_obj(Value v) {
    return reinterpret_cast<CompressObject*>(v.as_object());
}

template <class T>
T* native_alloc(ThreadState& ts, TypeObject* type) {
    Object* o = alloc_object(type, type->basicsize);
    if (!o) {
        raise_memory_error(ts);
        return nullptr;
    }
    auto* obj = reinterpret_cast<T*>(o);
    std::memset(&obj->zs, 0, sizeof obj->zs);
    obj->initialised = false;
    new (&obj->mutex) std::mutex();
    return obj;
}

void compress_dealloc(Object* o) {
    auto* c = reinterpret_cast<CompressObject*>(o);
    if (c->initialised) deflateEnd(&c->zs);
    c->mutex.~mutex();
    free_object(o);
}

// compressobj(level=-1, method=DEFLATED, wbits=15, memLevel=8,
//             strategy=Z_DEFAULT_STRATEGY, zdict=None)
Value zlib_compressobj(ThreadState& ts, Args args) {
    Value level_v, method_v, wbits_v, memlevel_v, strategy_v, zdict;
    if (!parse_args(ts, args, "compressobj",
                    {"|", "level", "method", "wbits", "memLevel", "strategy", "zdict"},
                    {&level_v, &method_v, &wbits_v, &memlevel_v, &strategy_v, &zdict}))
        return Value();
    int level, method, wbits, memlevel, strategy;
    if (!opt_int(ts, level_v, Z_DEFAULT_COMPRESSION, &level) ||
        !opt_int(ts, method_v, Z_DEFLATED, &method) || !opt_int(ts, wbits_v, MAX_WBITS, &wbits) ||
        !opt_int(ts, memlevel_v, kDefMemLevel, &memlevel) ||
        !opt_int(ts, strategy_v, Z_DEFAULT_STRATEGY, &strategy))
        return Value();
    std::string_view dict;
    if (!zdict.is_null() && !zdict.is_none() && !bytes_like_view(ts, zdict, &dict)) return Value();
    CompressObject* c = native_alloc<CompressObject>(ts, zlib_state(ts.interp()).compress_type);
    if (!c) return Value();
    Ref obj(val(c));
    int err = deflateInit2(&c->zs, level, method, wbits, memlevel, strategy);
    if (err == Z_MEM_ERROR) {
        return raise(ts, ts.exc_types().MemoryError,
                     "Can't allocate memory for compression object");
    }
    if (err != Z_OK) return raise(ts, ts.exc_types().ValueError, "Invalid initialization option");
    c->initialised = true;
    if (!dict.empty() && deflateSetDictionary(&c->zs, reinterpret_cast<const Bytef*>(dict.data()),
                                              static_cast<uInt>(dict.size())) != Z_OK)
        return raise(ts, ts.exc_types().ValueError, "Invalid dictionary");
    return obj.release();
}

// Runs deflate over `in` with `flush`, appending to `out`; GIL released.
// Returns zlib's last code, or kOutOfMemory.
int deflate_all(ThreadState& ts, z_stream& zs, Input* in, int flush, OutBuf& out) {
    int err = Z_OK;
    GilRelease released(ts);
    do {
        if (in) in->feed(zs);
        do {
            if (!out.arrange(zs, 0)) return kOutOfMemory;
            err = deflate(&zs, flush);
            out.settle(zs);
        } while (zs.avail_out == 0 && err == Z_OK);
    } while (in && !in->all_fed() && (err == Z_OK || err == Z_BUF_ERROR));
    return err;
}

Value compress_compress(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "Compress.compress", "compress", 1, 1)) return Value();
    Input in;
    if (!in.init(ts, args[1])) return Value();
    CompressObject* c = comp_obj(args[0]);
    OutBuf out;
    int err;
    {
        ObjectLock guard(ts, c->mutex);
        err = deflate_all(ts, c->zs, &in, Z_NO_FLUSH, out);
    }
    if (err == kOutOfMemory) return raise_memory_error(ts);
    if (err != Z_OK && err != Z_BUF_ERROR)
        return raise_stream_error(ts, c->zs, err, "compressing data");
    return make_bytes(ts, out.view());
}

// flush(mode=Z_FINISH): Z_FINISH ends the stream; Z_NO_FLUSH does nothing.
Value compress_flush(ThreadState& ts, Args args) {
    Value mode_v;
    if (!parse_args(ts, args.drop_first(), "flush", {"|", "/mode"}, {&mode_v})) return Value();
    int mode;
    if (!opt_int(ts, mode_v, Z_FINISH, &mode)) return Value();
    if (mode == Z_NO_FLUSH) return make_bytes(ts, "");
    CompressObject* c = comp_obj(args[0]);
    OutBuf out;
    int err;
    {
        ObjectLock guard(ts, c->mutex);
        c->zs.avail_in = 0;
        err = deflate_all(ts, c->zs, nullptr, mode, out);
        if (mode == Z_FINISH && err == Z_STREAM_END) {
            deflateEnd(&c->zs);
            c->initialised = false;
            err = Z_OK;
        }
    }
    if (err == kOutOfMemory) return raise_memory_error(ts);
    if (err != Z_OK && err != Z_BUF_ERROR) return raise_stream_error(ts, c->zs, err, "flushing");
    return make_bytes(ts, out.view());
}

Value compress_copy(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "Compress.copy", "copy", 0, 0)) return Value();
    CompressObject* c = comp_obj(args[0]);
    CompressObject* twin = native_alloc<CompressObject>(ts, c->hdr.type);
    if (!twin) return Value();
    Ref obj(val(twin));
    ObjectLock guard(ts, c->mutex);
    if (!c->initialised) return raise(ts, ts.exc_types().ValueError, "Inconsistent stream state");
    int err = deflateCopy(&twin->zs, &c->zs);
    if (err == Z_MEM_ERROR)
        return raise(ts, ts.exc_types().MemoryError,
                     "Can't allocate memory for compression object");
    if (err != Z_OK) return raise(ts, ts.exc_types().ValueError, "Inconsistent stream state");
    twin->initialised = true;
    return obj.release();
}

constexpr MethodDef kCompressMethods[] = {
    {"compress", compress_compress},
    {"flush", compress_flush},
    {"copy", compress_copy},
};

// --- Decompress objects ---

struct DecompressObject {
    Object hdr;
    z_stream zs;
    bool initialised;
    std::mutex mutex;
    bool eof;
    Value unused_data;      // bytes (owned)
    Value unconsumed_tail;  // bytes (owned)
    Value zdict;            // bytes-like (owned) or null
};

DecompressObject* decomp_obj(Value v) {
    return reinterpret_cast<DecompressObject*>(v.as_object());
}

void decompress_dealloc(Object* o) {
    auto* d = reinterpret_cast<DecompressObject*>(o);
    if (d->initialised) inflateEnd(&d->zs);
    clear_ref(d->unused_data);
    clear_ref(d->unconsumed_tail);
    clear_ref(d->zdict);
    d->mutex.~mutex();
    free_object(o);
}

DecompressObject* decompress_alloc(ThreadState& ts, TypeObject* type) {
    DecompressObject* d = native_alloc<DecompressObject>(ts, type);
    if (!d) return nullptr;
    d->eof = false;
    d->unused_data = Value();
    d->unconsumed_tail = Value();
    d->zdict = Value();
    d->unused_data = make_bytes(ts, "");
    d->unconsumed_tail = make_bytes(ts, "");
    if (d->unused_data.is_null() || d->unconsumed_tail.is_null()) {
        decref(val(d));
        return nullptr;
    }
    return d;
}

[[nodiscard]] bool set_inflate_dictionary(ThreadState& ts, DecompressObject* d) {
    std::string_view dict;
    if (!bytes_like_view(ts, d->zdict, &dict)) return false;
    int err = inflateSetDictionary(&d->zs, reinterpret_cast<const Bytef*>(dict.data()),
                                   static_cast<uInt>(dict.size()));
    if (err != Z_OK) {
        raise_stream_error(ts, d->zs, err, "setting zdict");
        return false;
    }
    return true;
}

// decompressobj(wbits=15, zdict=b'')
Value zlib_decompressobj(ThreadState& ts, Args args) {
    Value wbits_v, zdict;
    if (!parse_args(ts, args, "decompressobj", {"|", "wbits", "zdict"}, {&wbits_v, &zdict}))
        return Value();
    int wbits;
    if (!opt_int(ts, wbits_v, MAX_WBITS, &wbits)) return Value();
    std::string_view unused;
    if (!zdict.is_null() && !bytes_like_view(ts, zdict, &unused)) {
        clear_exception(ts);
        return raise(ts, ts.exc_types().TypeError,
                     "zdict argument must support the buffer protocol");
    }
    DecompressObject* d = decompress_alloc(ts, zlib_state(ts.interp()).decompress_type);
    if (!d) return Value();
    Ref obj(val(d));
    if (!zdict.is_null()) d->zdict = new_ref(zdict);
    int err = inflateInit2(&d->zs, wbits);
    if (err == Z_MEM_ERROR) {
        return raise(ts, ts.exc_types().MemoryError,
                     "Can't allocate memory for decompression object");
    }
    if (err != Z_OK) return raise(ts, ts.exc_types().ValueError, "Invalid initialization option");
    d->initialised = true;
    // A raw stream (wbits < 0) never asks for its dictionary: give it now.
    if (wbits < 0 && !d->zdict.is_null() && !set_inflate_dictionary(ts, d)) return Value();
    return obj.release();
}

// Inflates `in` into `out` (GIL released), stopping at the stream's end,
// when the input is used up, or when `out` is full. Asks the caller for
// the dictionary by returning Z_NEED_DICT; kOutOfMemory when the output
// could not grow.
int inflate_some(ThreadState& ts, z_stream& zs, Input& in, int flush, std::size_t hint,
                 OutBuf& out) {
    int err = Z_OK;
    GilRelease released(ts);
    do {
        if (zs.avail_in == 0) in.feed(zs);
        do {
            if (out.full()) return err;
            if (!out.arrange(zs, hint)) return kOutOfMemory;
            err = inflate(&zs, flush);
            out.settle(zs);
        } while (err == Z_OK && zs.avail_out == 0);
    } while ((err == Z_OK || err == Z_BUF_ERROR) && !in.all_fed() && !out.full());
    return err;
}

// What is left of the input after a call (CPython's save_unconsumed_input):
// past the stream's end it joins unused_data; what a full output left
// unread becomes unconsumed_tail.
[[nodiscard]] bool save_unconsumed(ThreadState& ts, DecompressObject* d, Input& in, int err) {
    std::string_view data = in.view();
    std::size_t consumed = in.fed() - d->zs.avail_in;
    std::string_view left = data.substr(consumed);
    if (err == Z_STREAM_END && !left.empty()) {
        std::string joined(bytes_view(d->unused_data));
        joined.append(left);
        Value v = make_bytes(ts, joined);
        if (v.is_null()) return false;
        set_ref(d->unused_data, v);
    }
    // Past the end, `left` is also what unconsumed_tail shows, as CPython's.
    if (!left.empty() || bytes_view(d->unconsumed_tail).size() != 0) {
        Value v = make_bytes(ts, left);
        if (v.is_null()) return false;
        set_ref(d->unconsumed_tail, v);
    }
    d->zs.avail_in = 0;
    return true;
}

// Inflates until done, giving the dictionary when the stream asks for it.
int inflate_with_dict(ThreadState& ts, DecompressObject* d, Input& in, int flush, std::size_t hint,
                      OutBuf& out, bool* dict_failed) {
    int err;
    for (;;) {
        err = inflate_some(ts, d->zs, in, flush, hint, out);
        if (err != Z_NEED_DICT || d->zdict.is_null()) return err;
        if (!set_inflate_dictionary(ts, d)) {
            *dict_failed = true;
            return err;
        }
    }
}

// decompress(data, /, max_length=0)
Value decompress_decompress(ThreadState& ts, Args args) {
    Value data, max_v;
    if (!parse_args(ts, args.drop_first(), "decompress", {"/data", "|", "max_length"},
                    {&data, &max_v}))
        return Value();
    int64_t max_length = 0;
    if (!max_v.is_null() && !int_arg(ts, max_v, &max_length)) return Value();
    if (max_length < 0)
        return raise(ts, ts.exc_types().ValueError, "max_length must be non-negative");
    Input in;
    if (!in.init(ts, data)) return Value();
    DecompressObject* d = decomp_obj(args[0]);
    OutBuf out(max_length == 0 ? SIZE_MAX : static_cast<std::size_t>(max_length));
    ObjectLock guard(ts, d->mutex);
    bool dict_failed = false;
    int err = inflate_with_dict(ts, d, in, Z_SYNC_FLUSH, kDefBufSize, out, &dict_failed);
    if (dict_failed) return Value();
    if (err == kOutOfMemory) return raise_memory_error(ts);
    if (!save_unconsumed(ts, d, in, err)) return Value();
    if (err == Z_STREAM_END) {
        d->eof = true;
    } else if (err != Z_OK && err != Z_BUF_ERROR) {
        return raise_stream_error(ts, d->zs, err, "decompressing data");
    }
    return make_bytes(ts, out.view());
}

// flush(length=16384): decompresses what unconsumed_tail still holds.
Value decompress_flush(ThreadState& ts, Args args) {
    Value length_v;
    if (!parse_args(ts, args.drop_first(), "flush", {"|", "/length"}, {&length_v})) return Value();
    int64_t length = kDefBufSize;
    if (!length_v.is_null() && !int_arg(ts, length_v, &length)) return Value();
    if (length <= 0)
        return raise(ts, ts.exc_types().ValueError, "length must be greater than zero");
    DecompressObject* d = decomp_obj(args[0]);
    ObjectLock guard(ts, d->mutex);
    Ref tail = Ref::borrow(d->unconsumed_tail);
    Input in;
    if (!in.init(ts, *tail)) return Value();
    OutBuf out;
    bool dict_failed = false;
    int err =
        inflate_with_dict(ts, d, in, Z_FINISH, static_cast<std::size_t>(length), out, &dict_failed);
    if (dict_failed) return Value();
    if (err == kOutOfMemory) return raise_memory_error(ts);
    if (!save_unconsumed(ts, d, in, err)) return Value();
    if (err == Z_STREAM_END) {
        d->eof = true;
        if (d->initialised) inflateEnd(&d->zs);
        d->initialised = false;
    }
    return make_bytes(ts, out.view());
}

Value decompress_copy(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "Decompress.copy", "copy", 0, 0)) return Value();
    DecompressObject* d = decomp_obj(args[0]);
    DecompressObject* twin = decompress_alloc(ts, d->hdr.type);
    if (!twin) return Value();
    Ref obj(val(twin));
    ObjectLock guard(ts, d->mutex);
    if (!d->initialised) return raise(ts, ts.exc_types().ValueError, "Inconsistent stream state");
    int err = inflateCopy(&twin->zs, &d->zs);
    if (err == Z_MEM_ERROR) {
        return raise(ts, ts.exc_types().MemoryError,
                     "Can't allocate memory for decompression object");
    }
    if (err != Z_OK) return raise(ts, ts.exc_types().ValueError, "Inconsistent stream state");
    twin->initialised = true;
    twin->eof = d->eof;
    set_ref(twin->unused_data, new_ref(d->unused_data));
    set_ref(twin->unconsumed_tail, new_ref(d->unconsumed_tail));
    if (!d->zdict.is_null()) twin->zdict = new_ref(d->zdict);
    return obj.release();
}

Value decompress_get_unused_data(ThreadState&, Value self) {
    return new_ref(decomp_obj(self)->unused_data);
}
Value decompress_get_unconsumed_tail(ThreadState&, Value self) {
    return new_ref(decomp_obj(self)->unconsumed_tail);
}
Value decompress_get_eof(ThreadState&, Value self) {
    return Value::boolean(decomp_obj(self)->eof);
}

constexpr MethodDef kDecompressMethods[] = {
    {"decompress", decompress_decompress},
    {"flush", decompress_flush},
    {"copy", decompress_copy},
};
constexpr GetSetDef kDecompressGetSets[] = {
    {"unused_data", decompress_get_unused_data},
    {"unconsumed_tail", decompress_get_unconsumed_tail},
    {"eof", decompress_get_eof},
};

// --- the module ---

// Compress and Decompress objects come only from compressobj() and
// decompressobj() (object's __new__ would not initialise the stream).
Value no_new(ThreadState& ts, TypeObject* type, Args) {
    return raise_fmt(ts, ts.exc_types().TypeError, "cannot create 'zlib.{}' instances",
                     type->name_cstr);
}

TypeObject* make_stream_type(Interpreter& interp, const char* name, uint32_t size,
                             DeallocSlot dealloc) {
    TypeObject* t = type_alloc_builtin(interp, name, ObjKind::Native, size, interp.types.object, 0);
    t->hdr.type = interp.types.type;
    t->new_ = no_new;
    t->dealloc = dealloc;
    // The owned Values are bytes, which cannot form cycles: nothing to
    // traverse, and object's instance slots must not read this layout.
    t->traverse = [](Object*, VisitFn, void*) {};
    t->clear = [](Object*) {};
    Ref mod(interp.intern("zlib"));
    type_set_attr_cstr(interp, t, "__module__", *mod);
    return t;
}

ZlibState& zlib_state(Interpreter& interp) {
    return module_state<ZlibState>(interp, "zlib", [&](ZlibState& st) {
        st.compress_type =
            make_stream_type(interp, "Compress", sizeof(CompressObject), compress_dealloc);
        type_add_methods(interp, st.compress_type, kCompressMethods);
        type_ready(interp, st.compress_type);
        st.decompress_type =
            make_stream_type(interp, "Decompress", sizeof(DecompressObject), decompress_dealloc);
        type_add_methods(interp, st.decompress_type, kDecompressMethods);
        type_add_getsets(interp, st.decompress_type, kDecompressGetSets);
        type_ready(interp, st.decompress_type);
    });
}

constexpr MethodDef kZlibFunctions[] = {
    {"compress", zlib_compress},
    {"decompress", zlib_decompress},
    {"compressobj", zlib_compressobj},
    {"decompressobj", zlib_decompressobj},
    {"crc32", zlib_crc32},
    {"adler32", zlib_checksum<false>},
};

struct IntConst {
    const char* name;
    int value;
};
constexpr IntConst kZlibConstants[] = {
    {"MAX_WBITS", MAX_WBITS},
    {"DEFLATED", Z_DEFLATED},
    {"DEF_MEM_LEVEL", kDefMemLevel},
    {"DEF_BUF_SIZE", static_cast<int>(kDefBufSize)},
    {"Z_NO_COMPRESSION", Z_NO_COMPRESSION},
    {"Z_BEST_SPEED", Z_BEST_SPEED},
    {"Z_BEST_COMPRESSION", Z_BEST_COMPRESSION},
    {"Z_DEFAULT_COMPRESSION", Z_DEFAULT_COMPRESSION},
    {"Z_FILTERED", Z_FILTERED},
    {"Z_HUFFMAN_ONLY", Z_HUFFMAN_ONLY},
    {"Z_RLE", Z_RLE},
    {"Z_FIXED", Z_FIXED},
    {"Z_DEFAULT_STRATEGY", Z_DEFAULT_STRATEGY},
    {"Z_NO_FLUSH", Z_NO_FLUSH},
    {"Z_PARTIAL_FLUSH", Z_PARTIAL_FLUSH},
    {"Z_SYNC_FLUSH", Z_SYNC_FLUSH},
    {"Z_FULL_FLUSH", Z_FULL_FLUSH},
    {"Z_FINISH", Z_FINISH},
    {"Z_BLOCK", Z_BLOCK},
    {"Z_TREES", Z_TREES},
};

}  // namespace

Value zlib_crc32(ThreadState& ts, Args args) {
    return zlib_checksum<true>(ts, args);
}

Value init_zlib_module(ThreadState& ts) {
    ZlibState& st = zlib_state(ts.interp());
    if (st.error.is_null()) {
        st.error = make_exception_class(ts, "zlib", "error", val(ts.exc_types().Exception));
        if (st.error.is_null()) return Value();
    }
    Ref m(module_new(ts, "zlib"));
    if (!m || !module_add_functions(ts, *m, kZlibFunctions) ||
        !module_add_value(ts, *m, "error", st.error) ||
        !module_add_steal(ts, *m, "ZLIB_VERSION", make_str(ts, ZLIB_VERSION)) ||
        !module_add_steal(ts, *m, "ZLIB_RUNTIME_VERSION", make_str(ts, zlibVersion())))
        return Value();
    for (const IntConst& c : kZlibConstants) {
        if (!module_add_steal(ts, *m, c.name, make_int(ts, c.value))) return Value();
    }
    return m.release();
}

}  // namespace gilt
