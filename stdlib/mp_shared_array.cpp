// _multiprocessing.SharedArray: a fixed-length typed array in memory that
// several processes share, the storage under multiprocessing.Value and
// multiprocessing.Array (CPython builds those on ctypes over an mmap'd
// arena; gilt has no ctypes, so the one thing they need is native here).
//
// The memory is a memfd (memfd_create, close-on-exec) of the array's size
// rounded up to a page, mapped MAP_SHARED and zero-filled by the kernel.
// A forked child inherits the mapping, so parent and child see one array.
// A spawned child receives the descriptor (the package passes it across
// exec) and maps it again with SharedArray._rebuild(fd, typecode, length);
// _rebuild keeps a duplicate of the descriptor, so every object owns and
// closes exactly its own fd and the caller may close the one it passed.
//
// Items behave as ctypes' simple types with the short names the array
// module uses: integers wrap silently to their width ('B' stores 300 as
// 44), floats accept anything float() does not reject, 'c' is a bytes of
// length 1, 'u' a str of one character (a 4-byte wchar_t). Reads and writes
// are plain loads and stores, as in ctypes: a read-modify-write such as
// `arr[0] += 1` is atomic only under the lock the caller takes.
//
// arr[i] and arr[i] = v on small ints are the hot path of a counter shared
// between processes, so the int key case comes first in both slots.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <bit>
#include <cerrno>
#include <cstring>
#include <string>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/bytes.hpp"
#include "runtime/errors.hpp"
#include "runtime/float.hpp"
#include "runtime/heap.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/range.hpp"
#include "runtime/str.hpp"
#include "runtime/unicode.hpp"
#include "stdlib/mp_native.hpp"
#include "stdlib/native_type.hpp"

namespace gilt {

namespace {

Value shared_array_tobytes(ThreadState& ts, Args args);
Value shared_array_rebuild(ThreadState& ts, Args args);

constexpr MethodDef kSharedArrayMethods[] = {
    {"tobytes", shared_array_tobytes},
    {"_rebuild", shared_array_rebuild, kMethodClass},
};

Value shared_array_fd_get(ThreadState& ts, Value self);
Value shared_array_typecode_get(ThreadState& ts, Value self);
Value shared_array_itemsize_get(ThreadState& ts, Value self);

constexpr GetSetDef kSharedArrayGetSets[] = {
    {"fd", shared_array_fd_get},
    {"typecode", shared_array_typecode_get},
    {"itemsize", shared_array_itemsize_get},
};

enum class ItemClass : uint8_t { Signed, Unsigned, Real, Char, WideChar };

struct ItemFormat {
    char code;
    uint8_t size;
    ItemClass cls;
};

// ctypes' sizes on LP64 Linux: long is 8 bytes, wchar_t 4.
constexpr ItemFormat kItemFormats[] = {
    {'b', 1, ItemClass::Signed},   {'B', 1, ItemClass::Unsigned}, {'h', 2, ItemClass::Signed},
    {'H', 2, ItemClass::Unsigned}, {'i', 4, ItemClass::Signed},   {'I', 4, ItemClass::Unsigned},
    {'l', 8, ItemClass::Signed},   {'L', 8, ItemClass::Unsigned}, {'q', 8, ItemClass::Signed},
    {'Q', 8, ItemClass::Unsigned}, {'f', 4, ItemClass::Real},     {'d', 8, ItemClass::Real},
    {'c', 1, ItemClass::Char},     {'u', 4, ItemClass::WideChar},
};

const ItemFormat* find_format(std::string_view code) {
    if (code.size() != 1) return nullptr;
    for (const ItemFormat& f : kItemFormats) {
        if (f.code == code[0]) return &f;
    }
    return nullptr;
}

struct SharedArrayObject {
    Object hdr;
    char* data;     // the MAP_SHARED mapping (`mapped` bytes)
    size_t mapped;  // a whole number of pages, at least one
    int64_t length;
    int fd;  // the memfd, owned
    const ItemFormat* format;
};

SharedArrayObject* array_obj(Value v) {
    return reinterpret_cast<SharedArrayObject*>(v.as_object());
}

// --- one item ---

template <typename T>
T load(const char* p) {
    T v;
    std::memcpy(&v, p, sizeof v);
    return v;
}
template <typename T>
void store(char* p, T v) {
    std::memcpy(p, &v, sizeof v);
}

Value load_item(ThreadState& ts, const SharedArrayObject* a, int64_t i) {
    const char* p = a->data + i * a->format->size;
    switch (a->format->code) {
        case 'b':
            return Value::small_int(load<int8_t>(p));
        case 'B':
            return Value::small_int(load<uint8_t>(p));
        case 'h':
            return Value::small_int(load<int16_t>(p));
        case 'H':
            return Value::small_int(load<uint16_t>(p));
        case 'i':
            return Value::small_int(load<int32_t>(p));
        case 'I':
            return Value::small_int(load<uint32_t>(p));
        case 'l':
        case 'q':
            return make_int(ts, load<int64_t>(p));
        case 'L':
        case 'Q':
            return make_int_u64(ts, load<uint64_t>(p));
        case 'f':
            return make_float(ts, load<float>(p));
        case 'd':
            return make_float(ts, load<double>(p));
        case 'c':
            return make_bytes(ts, std::string_view(p, 1));
        default:
            break;
    }
    uint32_t cp = load<uint32_t>(p);
    if (cp > 0x10FFFF)
        return raise_fmt(ts, ts.exc_types().ValueError,
                         "character U+{:x} is not in range [U+0000; U+10ffff]", cp);
    return str_from_codepoint(ts, cp);
}

// An integer item as ctypes stores it: its value modulo 2**64 (then cut to
// the item's width), from an int or an object with __index__.
bool int_item(ThreadState& ts, Value v, uint64_t* out) {
    if (v.is_small_int()) {
        *out = static_cast<uint64_t>(v.as_small_int());
        return true;
    }
    Ref index(obj_index_value(ts, v));
    if (!index) return false;
    v = *index;
    int64_t n;
    if (v.is_bool()) {
        *out = v.is_true();
    } else if (int_to_int64(v, &n)) {
        *out = static_cast<uint64_t>(n);
    } else {
        mpz_t z;
        mpz_init(z);
        int_to_mpz(v, z);
        mpz_fdiv_r_2exp(z, z, 64);  // two's complement low word, for negatives too
        *out = mpz_get_ui(z);
        mpz_clear(z);
    }
    return true;
}

bool char_item(ThreadState& ts, Value v, char* out) {
    if (is_bytes(v) || is_bytearray(v)) {
        std::string_view b = byteslike_data(v);
        if (b.size() == 1) {
            *out = b[0];
            return true;
        }
    } else if (is_int(v)) {
        int64_t n;
        if (v.is_bool()) n = v.is_true();
        if (v.is_bool() || (int_to_int64(v, &n) && n >= 0 && n <= 255)) {
            *out = static_cast<char>(n);
            return true;
        }
    }
    raise(ts, ts.exc_types().TypeError, "one character bytes, bytearray or integer expected");
    return false;
}

bool wide_char_item(ThreadState& ts, Value v, uint32_t* out) {
    if (!is_str(ts, v)) {
        raise_fmt(ts, ts.exc_types().TypeError, "unicode string expected instead of {} instance",
                  type_name(ts, v));
        return false;
    }
    if (str_len(v) != 1) {
        raise(ts, ts.exc_types().TypeError, "one character unicode string expected");
        return false;
    }
    utf8_decode(str_view(v).data(), out);
    return true;
}

bool store_item(ThreadState& ts, SharedArrayObject* a, int64_t i, Value v) {
    char* p = a->data + i * a->format->size;
    switch (a->format->cls) {
        case ItemClass::Signed:
        case ItemClass::Unsigned: {
            uint64_t bits;
            if (!int_item(ts, v, &bits)) return false;
            // Little-endian: the item is the low bytes of the 64-bit word.
            std::memcpy(p, &bits, a->format->size);
            return true;
        }
        case ItemClass::Real: {
            double d;
            if (!obj_as_double(ts, v, &d)) return false;
            if (a->format->size == 4) {
                store(p, static_cast<float>(d));
            } else {
                store(p, d);
            }
            return true;
        }
        case ItemClass::Char:
            return char_item(ts, v, p);
        case ItemClass::WideChar: {
            uint32_t cp;
            if (!wide_char_item(ts, v, &cp)) return false;
            store(p, cp);
            return true;
        }
    }
    return false;
}

static_assert(std::endian::native == std::endian::little, "store_item cuts words little-endian");

// --- subscripts ---

// 1: *out is an index in range; 0: not an integer (the caller words the
// TypeError); -1: error pending.
int index_key(ThreadState& ts, const SharedArrayObject* a, Value key, int64_t* out) {
    int r = seq_index_arg(ts, key, out);
    if (r <= 0) return r;
    if (!normalize_index(out, a->length)) {
        raise(ts, ts.exc_types().IndexError, "invalid index");
        return -1;
    }
    return 1;
}

Value slice_get(ThreadState& ts, const SharedArrayObject* a, Value key) {
    int64_t start, stop, step, n;
    if (!slice_indices(ts, key, a->length, &start, &stop, &step, &n)) return Value();
    const size_t size = a->format->size;
    if (a->format->cls == ItemClass::Char) {
        std::string out;
        for (int64_t k = 0, i = start; k < n; ++k, i += step) out += a->data[i];
        return make_bytes(ts, out);
    }
    if (a->format->cls == ItemClass::WideChar) {
        std::string out;
        for (int64_t k = 0, i = start; k < n; ++k, i += step) {
            uint32_t cp = load<uint32_t>(a->data + i * size);
            if (cp > 0x10FFFF) return load_item(ts, a, i);  // raises
            utf8_append(out, cp);
        }
        return make_str(ts, out);
    }
    Ref list(list_new(ts, static_cast<uint64_t>(n)));
    for (int64_t k = 0, i = start; list && k < n; ++k, i += step) {
        Value item = load_item(ts, a, i);
        if (item.is_null() || !list_append_steal(ts, *list, item)) return Value();
    }
    return list.release();
}

Value shared_array_getitem(ThreadState& ts, Value self, Value key) {
    SharedArrayObject* a = array_obj(self);
    if (key.is_small_int()) [[likely]] {
        int64_t i = key.as_small_int();
        if (normalize_index(&i, a->length)) [[likely]]
            return load_item(ts, a, i);
        return raise(ts, ts.exc_types().IndexError, "invalid index");
    }
    if (is_slice(key)) return slice_get(ts, a, key);
    int64_t i;
    int r = index_key(ts, a, key, &i);
    if (r == 0) return raise(ts, ts.exc_types().TypeError, "indices must be integers");
    return r < 0 ? Value() : load_item(ts, a, i);
}

// arr[start:stop:step] = seq: the sequence must have exactly as many items.
int slice_set(ThreadState& ts, SharedArrayObject* a, Value key, Value value) {
    int64_t start, stop, step, n;
    if (!slice_indices(ts, key, a->length, &start, &stop, &step, &n)) return -1;
    int64_t other = obj_len(ts, value);
    if (other < 0) clear_exception(ts);
    if (other != n) {
        raise(ts, ts.exc_types().ValueError, "Can only assign sequence of same size");
        return -1;
    }
    for (int64_t k = 0, i = start; k < n; ++k, i += step) {
        Ref item(obj_getitem(ts, value, Value::small_int(k)));
        if (!item || !store_item(ts, a, i, *item)) return -1;
    }
    return 0;
}

int shared_array_setitem(ThreadState& ts, Value self, Value key, Value value) {
    SharedArrayObject* a = array_obj(self);
    if (value.is_null()) {
        raise(ts, ts.exc_types().TypeError, "Array does not support item deletion");
        return -1;
    }
    if (key.is_small_int()) [[likely]] {
        int64_t i = key.as_small_int();
        if (normalize_index(&i, a->length)) [[likely]] {
            // `counter[0] += 1`: a small int into an integer item.
            if (value.is_small_int() && a->format->cls <= ItemClass::Unsigned) {
                uint64_t bits = static_cast<uint64_t>(value.as_small_int());
                std::memcpy(a->data + i * a->format->size, &bits, a->format->size);
                return 0;
            }
            return store_item(ts, a, i, value) ? 0 : -1;
        }
        raise(ts, ts.exc_types().IndexError, "invalid index");
        return -1;
    }
    if (is_slice(key)) return slice_set(ts, a, key, value);
    int64_t i;
    int r = index_key(ts, a, key, &i);
    if (r == 0) raise(ts, ts.exc_types().TypeError, "indices must be integer");
    if (r <= 0) return -1;
    return store_item(ts, a, i, value) ? 0 : -1;
}

int64_t shared_array_len(ThreadState&, Value self) {
    return array_obj(self)->length;
}

// --- construction ---

size_t round_to_pages(size_t bytes) {
    size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
    if (bytes == 0) return page;
    return (bytes + page - 1) / page * page;
}

// Maps `fd` (now owned by the new object) as an array of `length` items.
// Closes fd on failure.
Value wrap_mapping(ThreadState& ts, TypeObject* type, int fd, const ItemFormat* format,
                   int64_t length, size_t mapped) {
    void* data = ::mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (data == MAP_FAILED) {
        int err = errno;
        ::close(fd);
        return raise_os_error(ts, err);
    }
    Object* o = alloc_object(type, type->basicsize);
    if (!o) {
        ::munmap(data, mapped);
        ::close(fd);
        return raise_memory_error(ts);
    }
    SharedArrayObject* a = reinterpret_cast<SharedArrayObject*>(o);
    a->data = static_cast<char*>(data);
    a->mapped = mapped;
    a->length = length;
    a->fd = fd;
    a->format = format;
    return Value::object(o);
}

void shared_array_dealloc(Object* o) {
    SharedArrayObject* a = reinterpret_cast<SharedArrayObject*>(o);
    if (a->data) ::munmap(a->data, a->mapped);
    if (a->fd >= 0) ::close(a->fd);
    free_object(o);
}

bool format_and_length(ThreadState& ts, Value codev, Value lengthv, const ItemFormat** format,
                       int64_t* length) {
    if (!is_str(ts, codev) || !(*format = find_format(str_view(codev)))) {
        raise(ts, ts.exc_types().ValueError,
              "bad typecode (must be b, B, h, H, i, I, l, L, q, Q, f, d, c or u)");
        return false;
    }
    if (!index_as_ssize(ts, lengthv, length)) return false;
    if (*length < 0) {
        raise(ts, ts.exc_types().ValueError, "array length must be >= 0");
        return false;
    }
    if (static_cast<uint64_t>(*length) > (uint64_t(1) << 48) / (*format)->size) {
        raise_memory_error(ts);
        return false;
    }
    return true;
}

// SharedArray(typecode, length)
Value shared_array_new(ThreadState& ts, TypeObject* type, Args args) {
    Value codev, lengthv;
    if (!parse_args(ts, args, "SharedArray", {"typecode", "length"}, {&codev, &lengthv}))
        return Value();
    const ItemFormat* format;
    int64_t length;
    if (!format_and_length(ts, codev, lengthv, &format, &length)) return Value();
    size_t mapped = round_to_pages(static_cast<size_t>(length) * format->size);
    int fd = ::memfd_create("gilt-shared-array", MFD_CLOEXEC);
    if (fd < 0) return raise_os_error(ts, errno);
    if (::ftruncate(fd, static_cast<off_t>(mapped)) < 0) {
        int err = errno;
        ::close(fd);
        return raise_os_error(ts, err);
    }
    return wrap_mapping(ts, type, fd, format, length, mapped);
}

// _rebuild(fd, typecode, length): maps an array another process made.
Value shared_array_rebuild(ThreadState& ts, Args args) {
    TypeObject* type = reinterpret_cast<TypeObject*>(args[0].as_object());
    Value fdv, codev, lengthv;
    if (!parse_args(ts, args.drop_first(), "_rebuild", {"/fd", "/typecode", "/length"},
                    {&fdv, &codev, &lengthv}))
        return Value();
    int fd;
    const ItemFormat* format;
    int64_t length;
    if (!c_int_arg(ts, fdv, &fd) || !format_and_length(ts, codev, lengthv, &format, &length))
        return Value();
    size_t mapped = round_to_pages(static_cast<size_t>(length) * format->size);
    struct stat st;
    if (::fstat(fd, &st) < 0) return raise_os_error(ts, errno);
    if (static_cast<uint64_t>(st.st_size) < mapped)
        return raise(ts, ts.exc_types().ValueError, "shared array file is too small");
    int own = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (own < 0) return raise_os_error(ts, errno);
    return wrap_mapping(ts, type, own, format, length, mapped);
}

Value shared_array_tobytes(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "tobytes", "tobytes", 0, 0)) return Value();
    SharedArrayObject* a = array_obj(args[0]);
    return make_bytes(ts, std::string_view(a->data, a->length * a->format->size));
}

Value shared_array_fd_get(ThreadState&, Value self) {
    return Value::small_int(array_obj(self)->fd);
}
Value shared_array_typecode_get(ThreadState& ts, Value self) {
    return make_str(ts, std::string_view(&array_obj(self)->format->code, 1));
}
Value shared_array_itemsize_get(ThreadState&, Value self) {
    return Value::small_int(array_obj(self)->format->size);
}

void fill_shared_array_type(Interpreter& in, TypeObject* t) {
    t->new_ = shared_array_new;
    t->dealloc = shared_array_dealloc;
    t->getitem = shared_array_getitem;
    t->setitem = shared_array_setitem;
    t->len = shared_array_len;
    type_add_methods(in, t, kSharedArrayMethods);
    type_add_getsets(in, t, kSharedArrayGetSets);
}

}  // namespace

TypeObject* shared_array_type(Interpreter& interp) {
    static constexpr NativeTypeSpec kSpec{
        .key = "_multiprocessing.SharedArray",
        .module = "_multiprocessing",
        .name = "SharedArray",
        .basicsize = sizeof(SharedArrayObject),
        .flags = 0,
        .fill = fill_shared_array_type,
    };
    return native_type_once(interp, kSpec);
}

}  // namespace gilt
