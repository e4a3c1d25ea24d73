// _posixshmem: the two calls multiprocessing.shared_memory needs from
// POSIX shared memory, shm_open and shm_unlink. The object itself (sizing
// with ftruncate, mapping) is done in Python with os and mmap.
//
// Errors are OSError subclasses carrying errno and the path as filename,
// as CPython's. shm_open's descriptor is close-on-exec (glibc opens it with
// O_CLOEXEC), like every descriptor CPython makes.
#include <fcntl.h>
#include <sys/mman.h>

#include <cerrno>
#include <string>

#include "runtime/arg_parse.hpp"
#include "runtime/errors.hpp"
#include "runtime/module.hpp"
#include "runtime/signals.hpp"
#include "runtime/str.hpp"
#include "stdlib/modules.hpp"
#include "stdlib/mp_native.hpp"

namespace gilt {

namespace {

Value posixshmem_shm_open(ThreadState& ts, Args args);
Value posixshmem_shm_unlink(ThreadState& ts, Args args);

constexpr MethodDef kPosixShmemFunctions[] = {
    {"shm_open", posixshmem_shm_open},
    {"shm_unlink", posixshmem_shm_unlink},
};

bool path_arg(ThreadState& ts, Value v, const char* fname) {
    if (is_str(ts, v)) return true;
    raise_fmt(ts, ts.exc_types().TypeError, "{}() argument 'path' must be str, not {}", fname,
              v.is_none() ? "None" : type_name(ts, v));
    return false;
}

// shm_open(path, flags, mode=0o777) -> fd
Value posixshmem_shm_open(ThreadState& ts, Args args) {
    Value pathv, flagsv, modev;
    if (!parse_args(ts, args, "shm_open", {"path", "flags", "|", "mode"},
                    {&pathv, &flagsv, &modev}))
        return Value();
    int flags, mode = 0777;
    if (!path_arg(ts, pathv, "shm_open") || !c_int_arg(ts, flagsv, &flags) ||
        (!modev.is_null() && !c_int_arg(ts, modev, &mode)))
        return Value();
    std::string path(str_view(pathv));
    for (;;) {
        int fd = ::shm_open(path.c_str(), flags, static_cast<mode_t>(mode));
        if (fd >= 0) return Value::small_int(fd);
        int err = errno;
        if (err != EINTR) return raise_os_error(ts, err, pathv);
        if (signal_pending() && !run_pending_signals(ts)) return Value();
    }
}

// shm_unlink(path): removes the name; mappings stay valid.
Value posixshmem_shm_unlink(ThreadState& ts, Args args) {
    Value pathv;
    if (!parse_args(ts, args, "shm_unlink", {"path"}, {&pathv})) return Value();
    if (!path_arg(ts, pathv, "shm_unlink")) return Value();
    std::string path(str_view(pathv));
    if (::shm_unlink(path.c_str()) < 0) return raise_os_error(ts, errno, pathv);
    return Value::none();
}

}  // namespace

Value init_posixshmem_module(ThreadState& ts) {
    Ref m(module_new(ts, "_posixshmem"));
    if (!m || !module_add_functions(ts, *m, kPosixShmemFunctions)) return Value();
    return m.release();
}

}  // namespace gilt
