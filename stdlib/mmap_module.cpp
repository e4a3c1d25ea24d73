// The mmap module: memory-mapped files and anonymous shared memory, as
// CPython's on Linux (Modules/mmapmodule.c is the reference for the
// behaviour and the messages).
//
// An mmap object keeps its own duplicate of the file's descriptor (for
// size() and resize()), so the caller may close theirs. It behaves both as
// a mutable sequence of bytes (m[i] is an int, m[i:j] a bytes) and as a file
// with a position (read, write, seek, readline). A closed map raises
// ValueError from every operation but close() and `closed`.
//
// Access modes: ACCESS_READ maps read-only and refuses every write with
// TypeError; ACCESS_WRITE writes through to the file; ACCESS_COPY maps
// privately (writes stay in this process); ACCESS_DEFAULT follows `prot`.
//
// Only flush() (msync) can block for long, so only it releases the GIL.
// The memory itself is the MmapObject's `data`/`size` (mmap_module.hpp), for
// the buffer protocol to expose.
#include "stdlib/mmap_module.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>
#include <string_view>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/buffer.hpp"
#include "runtime/bytes.hpp"
#include "runtime/errors.hpp"
#include "runtime/heap.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/module.hpp"
#include "runtime/range.hpp"
#include "runtime/str.hpp"
#include "stdlib/modules.hpp"
#include "stdlib/native_type.hpp"

namespace gilt {

namespace {

enum Access : int { kAccessDefault = 0, kAccessRead = 1, kAccessWrite = 2, kAccessCopy = 3 };

Value mmap_close(ThreadState& ts, Args args);
Value mmap_read(ThreadState& ts, Args args);
Value mmap_read_byte(ThreadState& ts, Args args);
Value mmap_readline(ThreadState& ts, Args args);
Value mmap_write(ThreadState& ts, Args args);
Value mmap_write_byte(ThreadState& ts, Args args);
Value mmap_seek(ThreadState& ts, Args args);
Value mmap_tell(ThreadState& ts, Args args);
Value mmap_size(ThreadState& ts, Args args);
Value mmap_flush(ThreadState& ts, Args args);
Value mmap_find(ThreadState& ts, Args args);
Value mmap_rfind(ThreadState& ts, Args args);
Value mmap_move(ThreadState& ts, Args args);
Value mmap_resize(ThreadState& ts, Args args);
Value mmap_madvise(ThreadState& ts, Args args);
Value mmap_enter(ThreadState& ts, Args args);
Value mmap_exit(ThreadState& ts, Args args);

constexpr MethodDef kMmapMethods[] = {
    {"close", mmap_close},       {"read", mmap_read},     {"read_byte", mmap_read_byte},
    {"readline", mmap_readline}, {"write", mmap_write},   {"write_byte", mmap_write_byte},
    {"seek", mmap_seek},         {"tell", mmap_tell},     {"size", mmap_size},
    {"flush", mmap_flush},       {"find", mmap_find},     {"rfind", mmap_rfind},
    {"move", mmap_move},         {"resize", mmap_resize}, {"madvise", mmap_madvise},
    {"__enter__", mmap_enter},   {"__exit__", mmap_exit},
};

Value mmap_closed_get(ThreadState& ts, Value self);

constexpr GetSetDef kMmapGetSets[] = {
    {"closed", mmap_closed_get},
};

// --- checks shared by the methods ---

bool check_valid(ThreadState& ts, const MmapObject* m) {
    if (m->data) return true;
    raise(ts, ts.exc_types().ValueError, "mmap closed or invalid");
    return false;
}

bool check_writable(ThreadState& ts, const MmapObject* m) {
    if (m->access != kAccessRead) return true;
    raise(ts, ts.exc_types().TypeError, "mmap can't modify a readonly memory map.");
    return false;
}

// The receiver, checked open, after the method's positional count.
MmapObject* open_self(ThreadState& ts, Args args, const char* name, uint32_t min, uint32_t max) {
    if (!method_args(ts, args, name, name, min, max)) return nullptr;
    MmapObject* m = mmap_obj(args[0]);
    return check_valid(ts, m) ? m : nullptr;
}

// A bytes-like argument (bytes or bytearray until memoryview exists).
bool bytes_arg(ThreadState& ts, Value v, std::string_view* out) {
    if (is_bytes(v) || is_bytearray(v)) {
        *out = byteslike_data(v);
        return true;
    }
    raise_fmt(ts, ts.exc_types().TypeError, "a bytes-like object is required, not '{}'",
              type_name(ts, v));
    return false;
}

// --- construction and closing ---

// Checks `length` and `offset` against a regular file's size; a length of
// 0 means "to the end of the file".
bool fit_to_file(ThreadState& ts, int fd, int64_t offset, int64_t* length) {
    struct stat st;
    if (::fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) return true;
    if (*length == 0) {
        if (st.st_size == 0) {
            raise(ts, ts.exc_types().ValueError, "cannot mmap an empty file");
            return false;
        }
        if (offset >= st.st_size) {
            raise(ts, ts.exc_types().ValueError, "mmap offset is greater than file size");
            return false;
        }
        *length = st.st_size - offset;
    } else if (offset > st.st_size || st.st_size - offset < *length) {
        raise(ts, ts.exc_types().ValueError, "mmap length is greater than file size");
        return false;
    }
    return true;
}

// access and flags/prot are exclusive; access decides flags and prot.
bool resolve_access(ThreadState& ts, int* access, int* flags, int* prot) {
    if (*access != kAccessDefault && (*flags != MAP_SHARED || *prot != (PROT_READ | PROT_WRITE))) {
        raise(ts, ts.exc_types().ValueError, "mmap can't specify both access and flags, prot.");
        return false;
    }
    switch (*access) {
        case kAccessRead:
            *flags = MAP_SHARED, *prot = PROT_READ;
            return true;
        case kAccessWrite:
            *flags = MAP_SHARED, *prot = PROT_READ | PROT_WRITE;
            return true;
        case kAccessCopy:
            *flags = MAP_PRIVATE, *prot = PROT_READ | PROT_WRITE;
            return true;
        case kAccessDefault:
            if (!((*prot & PROT_READ) && (*prot & PROT_WRITE)))
                *access = (*prot & PROT_WRITE) ? kAccessWrite : kAccessRead;
            return true;
        default:
            break;
    }
    raise(ts, ts.exc_types().ValueError, "mmap invalid access parameter.");
    return false;
}

struct MapRequest {
    int fd;
    int64_t length;
    int flags = MAP_SHARED;
    int prot = PROT_READ | PROT_WRITE;
    int access = kAccessDefault;
    int64_t offset = 0;
};

bool parse_request(ThreadState& ts, Args args, MapRequest* r) {
    Value fdv, lenv, flagsv, protv, accessv, offsetv;
    if (!parse_args(ts, args, "mmap",
                    {"fileno", "length", "|", "flags", "prot", "access", "offset"},
                    {&fdv, &lenv, &flagsv, &protv, &accessv, &offsetv}))
        return false;
    int64_t n;
    auto int_or = [&](Value v, int* out) {
        if (v.is_null()) return true;
        if (!index_as_ssize(ts, v, &n)) return false;
        *out = static_cast<int>(n);
        return true;
    };
    if (!int_or(fdv, &r->fd) || !index_as_ssize(ts, lenv, &r->length) ||
        !int_or(flagsv, &r->flags) || !int_or(protv, &r->prot) || !int_or(accessv, &r->access) ||
        (!offsetv.is_null() && !index_as_ssize(ts, offsetv, &r->offset)))
        return false;
    if (r->length < 0) {
        raise(ts, ts.exc_types().OverflowError, "memory mapped length must be positive");
        return false;
    }
    if (r->offset < 0) {
        raise(ts, ts.exc_types().OverflowError, "memory mapped offset must be positive");
        return false;
    }
    return resolve_access(ts, &r->access, &r->flags, &r->prot);
}

// mmap(fileno, length, flags=MAP_SHARED, prot=PROT_READ|PROT_WRITE,
//      access=ACCESS_DEFAULT, offset=0); fileno -1 maps anonymous memory.
Value mmap_new(ThreadState& ts, TypeObject* type, Args args) {
    MapRequest r{-1, 0};
    if (!parse_request(ts, args, &r)) return Value();
    int fd = -1;
    if (r.fd == -1) {
        r.flags |= MAP_ANONYMOUS;
    } else {
        if (!fit_to_file(ts, r.fd, r.offset, &r.length)) return Value();
        fd = ::fcntl(r.fd, F_DUPFD_CLOEXEC, 0);
        if (fd < 0) return raise_os_error(ts, errno);
    }
    void* data = ::mmap(nullptr, static_cast<size_t>(r.length), r.prot, r.flags, fd, r.offset);
    if (data == MAP_FAILED) {
        int err = errno;
        if (fd >= 0) ::close(fd);
        return raise_os_error(ts, err);
    }
    Object* o = (type->flags & kTypeHasGc) ? alloc_gc_object(type, type->basicsize)
                                           : alloc_object(type, type->basicsize);
    if (!o) {
        ::munmap(data, static_cast<size_t>(r.length));
        if (fd >= 0) ::close(fd);
        return raise_memory_error(ts);
    }
    MmapObject* m = mmap_obj(Value::object(o));
    m->data = static_cast<char*>(data);
    m->size = static_cast<size_t>(r.length);
    m->pos = 0;
    m->offset = r.offset;
    m->fd = fd;
    m->access = r.access;
    m->flags = r.flags;
    m->prot = r.prot;
    m->exports = 0;
    return Value::object(o);
}

void release_mapping(MmapObject* m) {
    if (m->data) ::munmap(m->data, m->size);
    if (m->fd >= 0) ::close(m->fd);
    m->data = nullptr;
    m->fd = -1;
}

void mmap_dealloc(Object* o) {
    release_mapping(reinterpret_cast<MmapObject*>(o));
    free_object(o);
}

Value mmap_close(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "close", "close", 0, 0)) return Value();
    if (mmap_obj(args[0])->exports > 0)
        return raise(ts, ts.exc_types().BufferError, "cannot close exported pointers exist");
    release_mapping(mmap_obj(args[0]));
    return Value::none();
}

Value mmap_closed_get(ThreadState&, Value self) {
    return Value::boolean(mmap_obj(self)->data == nullptr);
}

Value mmap_enter(ThreadState& ts, Args args) {
    if (!open_self(ts, args, "__enter__", 0, 0)) return Value();
    return new_ref(args[0]);
}

Value mmap_exit(ThreadState&, Args args) {
    release_mapping(mmap_obj(args[0]));
    return Value::none();
}

const char* access_name(int access) {
    static constexpr const char* kNames[] = {"ACCESS_DEFAULT", "ACCESS_READ", "ACCESS_WRITE",
                                             "ACCESS_COPY"};
    return kNames[access];
}

Value mmap_repr(ThreadState& ts, Value self) {
    MmapObject* m = mmap_obj(self);
    std::string_view tname = type_name(ts, self);
    std::string prefix = tname == "mmap" ? "mmap.mmap" : std::string(tname);
    if (!m->data) return make_str(ts, "<" + prefix + " closed=True>");
    return make_str(ts, fmt::format("<{} closed=False, access={}, length={}, pos={}, offset={}>",
                                    prefix, access_name(m->access), m->size, m->pos, m->offset));
}

// --- the file interface ---

size_t remaining(const MmapObject* m) {
    return m->pos < m->size ? m->size - m->pos : 0;
}

// read([n]): n bytes from the position (all that is left for None or < 0).
Value mmap_read(ThreadState& ts, Args args) {
    MmapObject* m = open_self(ts, args, "read", 0, 1);
    if (!m) return Value();
    size_t n = remaining(m);
    if (args.n == 2 && !args[1].is_none()) {
        int64_t want;
        if (!index_as_ssize(ts, args[1], &want)) return Value();
        if (want >= 0 && static_cast<size_t>(want) < n) n = static_cast<size_t>(want);
    }
    Value out = make_bytes(ts, std::string_view(m->data + m->pos, n));
    if (!out.is_null()) m->pos += n;
    return out;
}

Value mmap_read_byte(ThreadState& ts, Args args) {
    MmapObject* m = open_self(ts, args, "read_byte", 0, 0);
    if (!m) return Value();
    if (m->pos >= m->size) return raise(ts, ts.exc_types().ValueError, "read byte out of range");
    return Value::small_int(static_cast<unsigned char>(m->data[m->pos++]));
}

Value mmap_readline(ThreadState& ts, Args args) {
    MmapObject* m = open_self(ts, args, "readline", 0, 0);
    if (!m) return Value();
    const char* start = m->data + m->pos;
    size_t n = remaining(m);
    const void* nl = std::memchr(start, '\n', n);
    if (nl) n = static_cast<size_t>(static_cast<const char*>(nl) - start) + 1;
    Value out = make_bytes(ts, std::string_view(start, n));
    if (!out.is_null()) m->pos += n;
    return out;
}

Value mmap_write(ThreadState& ts, Args args) {
    MmapObject* m = open_self(ts, args, "write", 1, 1);
    std::string_view data;
    if (!m || !check_writable(ts, m) || !bytes_arg(ts, args[1], &data)) return Value();
    if (remaining(m) < data.size())
        return raise(ts, ts.exc_types().ValueError, "data out of range");
    std::memcpy(m->data + m->pos, data.data(), data.size());
    m->pos += data.size();
    return make_int(ts, static_cast<int64_t>(data.size()));
}

Value mmap_write_byte(ThreadState& ts, Args args) {
    MmapObject* m = open_self(ts, args, "write_byte", 1, 1);
    int64_t byte;
    if (!m || !check_writable(ts, m) || !obj_index(ts, args[1], &byte)) return Value();
    if (byte < 0 || byte > 255)
        return raise(ts, ts.exc_types().OverflowError,
                     byte < 0 ? "unsigned byte integer is less than minimum"
                              : "unsigned byte integer is greater than maximum");
    if (m->pos >= m->size) return raise(ts, ts.exc_types().ValueError, "write byte out of range");
    m->data[m->pos++] = static_cast<char>(byte);
    return Value::none();
}

// seek(pos, whence=0)
Value mmap_seek(ThreadState& ts, Args args) {
    MmapObject* m = open_self(ts, args, "seek", 1, 2);
    int64_t dist, how = SEEK_SET;
    if (!m || !index_as_ssize(ts, args[1], &dist) ||
        (args.n == 3 && !index_as_ssize(ts, args[2], &how)))
        return Value();
    int64_t base;
    switch (how) {
        case SEEK_SET:
            base = 0;
            break;
        case SEEK_CUR:
            base = static_cast<int64_t>(m->pos);
            break;
        case SEEK_END:
            base = static_cast<int64_t>(m->size);
            break;
        default:
            return raise(ts, ts.exc_types().ValueError, "unknown seek type");
    }
    int64_t where;
    if (__builtin_add_overflow(base, dist, &where) || where < 0 ||
        where > static_cast<int64_t>(m->size))
        return raise(ts, ts.exc_types().ValueError, "seek out of range");
    m->pos = static_cast<size_t>(where);
    return Value::none();
}

Value mmap_tell(ThreadState& ts, Args args) {
    MmapObject* m = open_self(ts, args, "tell", 0, 0);
    return m ? make_int(ts, static_cast<int64_t>(m->pos)) : Value();
}

// size(): the size of the file (not of the mapping); anonymous maps have no
// file, and fail with EBADF as CPython's do.
Value mmap_size(ThreadState& ts, Args args) {
    MmapObject* m = open_self(ts, args, "size", 0, 0);
    if (!m) return Value();
    struct stat st;
    if (::fstat(m->fd, &st) < 0) return raise_os_error(ts, errno);
    return make_int(ts, st.st_size);
}

// flush(offset=0, size=len(m)): msync, with the GIL released.
Value mmap_flush(ThreadState& ts, Args args) {
    MmapObject* m = open_self(ts, args, "flush", 0, 2);
    int64_t offset = 0, size = m ? static_cast<int64_t>(m->size) : 0;
    if (!m || (args.n > 1 && !index_as_ssize(ts, args[1], &offset)) ||
        (args.n > 2 && !index_as_ssize(ts, args[2], &size)))
        return Value();
    if (offset < 0 || size < 0 || static_cast<uint64_t>(offset) + size > m->size)
        return raise(ts, ts.exc_types().ValueError, "flush values out of range");
    if (m->access == kAccessRead || m->access == kAccessCopy) return Value::none();
    char* start = m->data + offset;  // the mapping stays: the caller holds a reference to it
    int r;
    {
        GilRelease released(ts);
        r = ::msync(start, static_cast<size_t>(size), MS_SYNC);
    }
    if (r < 0) return raise_os_error(ts, errno);
    return Value::none();
}

// find(sub[, start[, end]]) / rfind: the lowest (highest) index of sub in
// m[start:end], or -1.
Value find_common(ThreadState& ts, Args args, const char* name, bool reverse) {
    MmapObject* m = open_self(ts, args, name, 1, 3);
    std::string_view sub;
    if (!m || !bytes_arg(ts, args[1], &sub)) return Value();
    int64_t start = static_cast<int64_t>(m->pos), end = static_cast<int64_t>(m->size);
    if ((args.n > 2 && !index_as_ssize(ts, args[2], &start)) ||
        (args.n > 3 && !index_as_ssize(ts, args[3], &end)))
        return Value();
    int64_t size = static_cast<int64_t>(m->size);
    slice_adjust_indices(size, &start, &end, 1);
    if (end - start < static_cast<int64_t>(sub.size())) return Value::small_int(-1);
    std::string_view hay(m->data + start, static_cast<size_t>(end - start));
    size_t at = reverse ? hay.rfind(sub) : hay.find(sub);
    return Value::small_int(at == std::string_view::npos ? -1 : start + static_cast<int64_t>(at));
}

Value mmap_find(ThreadState& ts, Args args) {
    return find_common(ts, args, "find", false);
}
Value mmap_rfind(ThreadState& ts, Args args) {
    return find_common(ts, args, "rfind", true);
}

// move(dest, src, count): memmove inside the map.
Value mmap_move(ThreadState& ts, Args args) {
    MmapObject* m = open_self(ts, args, "move", 3, 3);
    int64_t dest, src, count;
    if (!m || !check_writable(ts, m) || !index_as_ssize(ts, args[1], &dest) ||
        !index_as_ssize(ts, args[2], &src) || !index_as_ssize(ts, args[3], &count))
        return Value();
    int64_t size = static_cast<int64_t>(m->size);
    if (dest < 0 || src < 0 || count < 0 || size - dest < count || size - src < count)
        return raise(ts, ts.exc_types().ValueError, "source, destination, or count out of range");
    std::memmove(m->data + dest, m->data + src, static_cast<size_t>(count));
    return Value::none();
}

// resize(newsize): grows or shrinks the file (if any) and the mapping.
Value mmap_resize(ThreadState& ts, Args args) {
    MmapObject* m = open_self(ts, args, "resize", 1, 1);
    int64_t newsize;
    if (!m || !index_as_ssize(ts, args[1], &newsize)) return Value();
    if (m->exports > 0)
        return raise(ts, ts.exc_types().BufferError,
                     "mmap can't resize with extant buffers exported.");
    if (m->access == kAccessRead || m->access == kAccessCopy)
        return raise(ts, ts.exc_types().TypeError,
                     "mmap can't resize a readonly or copy-on-write memory map.");
    if (newsize < 0 || newsize > INT64_MAX - m->offset)
        return raise(ts, ts.exc_types().ValueError, "new size out of range");
    if (m->fd >= 0 && ::ftruncate(m->fd, m->offset + newsize) < 0) return raise_os_error(ts, errno);
    void* data = ::mremap(m->data, m->size, static_cast<size_t>(newsize), MREMAP_MAYMOVE);
    if (data == MAP_FAILED) return raise_os_error(ts, errno);
    m->data = static_cast<char*>(data);
    m->size = static_cast<size_t>(newsize);
    if (m->pos > m->size) m->pos = m->size;
    return Value::none();
}

// madvise(option[, start[, length]])
Value mmap_madvise(ThreadState& ts, Args args) {
    MmapObject* m = open_self(ts, args, "madvise", 1, 3);
    int64_t option, start = 0, length;
    if (!m || !index_as_ssize(ts, args[1], &option) ||
        (args.n > 2 && !index_as_ssize(ts, args[2], &start)))
        return Value();
    int64_t size = static_cast<int64_t>(m->size);
    length = size - start;
    if (args.n > 3 && !index_as_ssize(ts, args[3], &length)) return Value();
    if (start < 0 || start >= size)
        return raise(ts, ts.exc_types().ValueError, "madvise start out of bounds");
    if (length < 0) return raise(ts, ts.exc_types().ValueError, "madvise length invalid");
    length = std::min(length, size - start);
    if (::madvise(m->data + start, static_cast<size_t>(length), static_cast<int>(option)) < 0)
        return raise_os_error(ts, errno);
    return Value::none();
}

// --- the sequence interface ---

int64_t mmap_len(ThreadState& ts, Value self) {
    MmapObject* m = mmap_obj(self);
    if (!check_valid(ts, m)) return -1;
    return static_cast<int64_t>(m->size);
}

Value mmap_getitem(ThreadState& ts, Value self, Value key) {
    MmapObject* m = mmap_obj(self);
    if (!check_valid(ts, m)) return Value();
    if (is_slice(key)) {
        int64_t start, stop, step, n;
        if (!slice_indices(ts, key, static_cast<int64_t>(m->size), &start, &stop, &step, &n))
            return Value();
        if (step == 1) return make_bytes(ts, std::string_view(m->data + start, n));
        std::string out;
        for (int64_t k = 0, i = start; k < n; ++k, i += step) out += m->data[i];
        return make_bytes(ts, out);
    }
    int64_t i;
    int r = seq_index_arg(ts, key, &i);
    if (r == 0) return raise(ts, ts.exc_types().TypeError, "mmap indices must be integers");
    if (r < 0) return Value();
    if (!normalize_index(&i, static_cast<int64_t>(m->size)))
        return raise(ts, ts.exc_types().IndexError, "mmap index out of range");
    return Value::small_int(static_cast<unsigned char>(m->data[i]));
}

int slice_assign(ThreadState& ts, MmapObject* m, Value key, Value value) {
    int64_t start, stop, step, n;
    if (!slice_indices(ts, key, static_cast<int64_t>(m->size), &start, &stop, &step, &n)) return -1;
    std::string_view data;
    if (!bytes_arg(ts, value, &data)) return -1;
    if (static_cast<int64_t>(data.size()) != n) {
        raise(ts, ts.exc_types().IndexError, "mmap slice assignment is wrong size");
        return -1;
    }
    for (int64_t k = 0, i = start; k < n; ++k, i += step) m->data[i] = data[k];
    return 0;
}

int mmap_setitem(ThreadState& ts, Value self, Value key, Value value) {
    MmapObject* m = mmap_obj(self);
    if (!check_valid(ts, m) || !check_writable(ts, m)) return -1;
    if (value.is_null()) {
        raise(ts, ts.exc_types().TypeError, "mmap doesn't support item deletion");
        return -1;
    }
    if (is_slice(key)) return slice_assign(ts, m, key, value);
    int64_t i, byte;
    int r = seq_index_arg(ts, key, &i);
    if (r == 0) raise(ts, ts.exc_types().TypeError, "mmap indices must be integer");
    if (r <= 0) return -1;
    if (!normalize_index(&i, static_cast<int64_t>(m->size))) {
        raise(ts, ts.exc_types().IndexError, "mmap index out of range");
        return -1;
    }
    if (!is_int(value) && !type_of(ts, value)->nb_index) {
        raise(ts, ts.exc_types().TypeError, "mmap item value must be an int");
        return -1;
    }
    if (!obj_index(ts, value, &byte)) return -1;
    if (byte < 0 || byte > 255) {
        raise(ts, ts.exc_types().ValueError, "mmap item value must be in range(0, 256)");
        return -1;
    }
    m->data[i] = static_cast<char>(byte);
    return 0;
}

// iter(m) yields bytes of length 1, as CPython's old sequence protocol
// does (m[i] itself is an int): an index into the map, read as it goes, so
// it sees later writes and fails once the map is closed.
struct MmapIterObject {
    Object hdr;
    Value map;  // owned; an mmap holds no references, so no cycle can form
    size_t index;
};

MmapIterObject* mmap_iter_obj(Value v) {
    return reinterpret_cast<MmapIterObject*>(v.as_object());
}

TypeObject* mmap_iter_type(Interpreter& interp);

Value mmap_iter(ThreadState& ts, Value self) {
    TypeObject* t = mmap_iter_type(ts.interp());
    Object* o = alloc_object(t, t->basicsize);
    if (!o) return raise_memory_error(ts);
    MmapIterObject* it = reinterpret_cast<MmapIterObject*>(o);
    it->map = new_ref(self);
    it->index = 0;
    return Value::object(o);
}

Value mmap_iter_next(ThreadState& ts, Value self) {
    MmapIterObject* it = mmap_iter_obj(self);
    if (it->map.is_null()) return Value();
    MmapObject* m = mmap_obj(it->map);
    if (!check_valid(ts, m)) return Value();
    if (it->index >= m->size) {
        clear_ref(it->map);  // exhausted for good, as CPython's iterator
        return Value();
    }
    return make_bytes(ts, std::string_view(m->data + it->index++, 1));
}

void mmap_iter_dealloc(Object* o) {
    clear_ref(reinterpret_cast<MmapIterObject*>(o)->map);
    free_object(o);
}

void fill_mmap_iter_type(Interpreter&, TypeObject* t) {
    t->dealloc = mmap_iter_dealloc;
    t->iter = [](ThreadState&, Value self) { return new_ref(self); };
    t->iternext = mmap_iter_next;
}

TypeObject* mmap_iter_type(Interpreter& interp) {
    static constexpr NativeTypeSpec kSpec{
        .key = "mmap.iterator",
        .module = "builtins",
        .name = "iterator",
        .basicsize = sizeof(MmapIterObject),
        .flags = 0,
        .fill = fill_mmap_iter_type,
    };
    return native_type_once(interp, kSpec);
}

// The buffer protocol: the mapped bytes, writable unless mapped read-only.
bool mmap_getbuffer(ThreadState& ts, Value self, Buffer* view, uint32_t flags) {
    MmapObject* m = mmap_obj(self);
    if (!m->data) {
        raise(ts, ts.exc_types().ValueError, "mmap closed or invalid");
        return false;
    }
    if (!buffer_fill_simple(ts, view, self, m->data, static_cast<int64_t>(m->size),
                            m->access == kAccessRead, flags))
        return false;
    ++m->exports;
    return true;
}

void mmap_releasebuffer(Value self, Buffer*) {
    --mmap_obj(self)->exports;
}

constexpr BufferProcs kMmapBuffer = {mmap_getbuffer, mmap_releasebuffer};

void fill_mmap_type(Interpreter& in, TypeObject* t) {
    t->buffer = &kMmapBuffer;
    t->new_ = mmap_new;
    t->dealloc = mmap_dealloc;
    t->repr = mmap_repr;
    t->len = mmap_len;
    t->getitem = mmap_getitem;
    t->setitem = mmap_setitem;
    t->iter = mmap_iter;
    type_add_methods(in, t, kMmapMethods);
    type_add_getsets(in, t, kMmapGetSets);
}

TypeObject* mmap_type(Interpreter& interp) {
    static constexpr NativeTypeSpec kSpec{
        .key = "mmap.mmap",
        .module = "mmap",
        .name = "mmap",
        .basicsize = sizeof(MmapObject),
        .flags = kTypeBaseType,
        .fill = fill_mmap_type,
    };
    return native_type_once(interp, kSpec);
}

struct IntConst {
    const char* name;
    int64_t value;
};

constexpr IntConst kMmapConstants[] = {
    {"ACCESS_DEFAULT", kAccessDefault}, {"ACCESS_READ", kAccessRead},
    {"ACCESS_WRITE", kAccessWrite},     {"ACCESS_COPY", kAccessCopy},
    {"MAP_SHARED", MAP_SHARED},         {"MAP_PRIVATE", MAP_PRIVATE},
    {"MAP_ANON", MAP_ANONYMOUS},        {"MAP_ANONYMOUS", MAP_ANONYMOUS},
    {"MAP_DENYWRITE", MAP_DENYWRITE},   {"MAP_EXECUTABLE", MAP_EXECUTABLE},
    {"MAP_POPULATE", MAP_POPULATE},     {"MAP_STACK", MAP_STACK},
    {"PROT_READ", PROT_READ},           {"PROT_WRITE", PROT_WRITE},
    {"PROT_EXEC", PROT_EXEC},           {"MADV_NORMAL", MADV_NORMAL},
    {"MADV_RANDOM", MADV_RANDOM},       {"MADV_SEQUENTIAL", MADV_SEQUENTIAL},
    {"MADV_WILLNEED", MADV_WILLNEED},   {"MADV_DONTNEED", MADV_DONTNEED},
    {"MADV_REMOVE", MADV_REMOVE},       {"MADV_DONTFORK", MADV_DONTFORK},
    {"MADV_DOFORK", MADV_DOFORK},       {"MADV_HWPOISON", MADV_HWPOISON},
    {"MADV_MERGEABLE", MADV_MERGEABLE}, {"MADV_UNMERGEABLE", MADV_UNMERGEABLE},
    {"MADV_HUGEPAGE", MADV_HUGEPAGE},   {"MADV_NOHUGEPAGE", MADV_NOHUGEPAGE},
    {"MADV_DONTDUMP", MADV_DONTDUMP},   {"MADV_DODUMP", MADV_DODUMP},
    {"MADV_FREE", MADV_FREE},
};

}  // namespace

Value init_mmap_module(ThreadState& ts) {
    Ref m(module_new(ts, "mmap"));
    if (!m || !module_add_value(ts, *m, "mmap", val(mmap_type(ts.interp()))) ||
        !module_add_value(ts, *m, "error", val(ts.exc_types().OSError)))
        return Value();
    for (const IntConst& c : kMmapConstants) {
        if (!module_add_steal(ts, *m, c.name, make_int(ts, c.value))) return Value();
    }
    int64_t page = ::sysconf(_SC_PAGESIZE);
    if (!module_add_steal(ts, *m, "PAGESIZE", make_int(ts, page)) ||
        !module_add_steal(ts, *m, "ALLOCATIONGRANULARITY", make_int(ts, page)))
        return Value();
    return m.release();
}

}  // namespace gilt
