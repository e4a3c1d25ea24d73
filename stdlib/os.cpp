// The posix module: the operating-system calls behind `os` (stdlib/lib/os.py
// adds os.path, os.environ's write-through mapping, makedirs, walk, ...).
//
// Every function here takes paths as str or bytes (or an object with
// __fspath__) and reports failures as OSError subclasses chosen from errno,
// with the file name(s) in the message as CPython does. os.read/os.write go
// through io_read_fd/io_write_fd (stdlib/file.hpp), the two places where
// descriptor I/O blocks.
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <memory>
#include <string>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/bytes.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/float.hpp"
#include "runtime/gil.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/module.hpp"
#include "runtime/module_state.hpp"
#include "runtime/sandbox.hpp"
#include "runtime/signals.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "stdlib/file.hpp"
#include "stdlib/modules.hpp"
#include "stdlib/os_process.hpp"
#include "stdlib/structseq.hpp"

extern char** environ;

namespace gilt {

namespace {

Value os_getpid(ThreadState& ts, Args args);
Value os_getppid(ThreadState& ts, Args args);
Value os_getuid(ThreadState& ts, Args args);
Value os_getgid(ThreadState& ts, Args args);
Value os_cpu_count(ThreadState& ts, Args args);
Value os_getcwd(ThreadState& ts, Args args);
Value os_chdir(ThreadState& ts, Args args);
Value os_listdir(ThreadState& ts, Args args);
Value os_mkdir(ThreadState& ts, Args args);
Value os_rmdir(ThreadState& ts, Args args);
Value os_remove(ThreadState& ts, Args args);
Value os_rename(ThreadState& ts, Args args);
Value os_stat(ThreadState& ts, Args args);
Value os_lstat(ThreadState& ts, Args args);
Value os_fstat(ThreadState& ts, Args args);
Value os_access(ThreadState& ts, Args args);
Value os_chmod(ThreadState& ts, Args args);
Value os_readlink(ThreadState& ts, Args args);
Value os_symlink(ThreadState& ts, Args args);
Value os_putenv(ThreadState& ts, Args args);
Value os_unsetenv(ThreadState& ts, Args args);
Value os_strerror(ThreadState& ts, Args args);
Value os_urandom(ThreadState& ts, Args args);
Value os_pipe(ThreadState& ts, Args args);
Value os_read(ThreadState& ts, Args args);
Value os_write(ThreadState& ts, Args args);
Value os_close(ThreadState& ts, Args args);
Value os_dup(ThreadState& ts, Args args);
Value os_dup2(ThreadState& ts, Args args);
Value os_open(ThreadState& ts, Args args);
Value os_lseek(ThreadState& ts, Args args);
Value os_ftruncate(ThreadState& ts, Args args);
Value os_isatty(ThreadState& ts, Args args);
Value os_exit(ThreadState& ts, Args args);
Value os_kill(ThreadState& ts, Args args);
Value os_umask(ThreadState& ts, Args args);
Value os_fspath(ThreadState& ts, Args args);
Value os_get_blocking(ThreadState& ts, Args args);
Value os_set_blocking(ThreadState& ts, Args args);
Value os_utime(ThreadState& ts, Args args);
Value os_link(ThreadState& ts, Args args);
Value os_truncate(ThreadState& ts, Args args);
Value os_statvfs(ThreadState& ts, Args args);
Value os_chown(ThreadState& ts, Args args);
Value os_lchown(ThreadState& ts, Args args);
Value os_get_terminal_size(ThreadState& ts, Args args);

constexpr MethodDef kPosixFunctions[] = {
    {"getpid", os_getpid},
    {"getppid", os_getppid},
    {"getuid", os_getuid},
    {"getgid", os_getgid},
    {"cpu_count", os_cpu_count},
    {"getcwd", os_getcwd},
    {"chdir", os_chdir},
    {"listdir", os_listdir},
    {"mkdir", os_mkdir},
    {"rmdir", os_rmdir},
    {"remove", os_remove},
    {"unlink", os_remove},
    {"rename", os_rename},
    {"replace", os_rename},
    {"stat", os_stat},
    {"lstat", os_lstat},
    {"fstat", os_fstat},
    {"access", os_access},
    {"chmod", os_chmod},
    {"readlink", os_readlink},
    {"symlink", os_symlink},
    {"putenv", os_putenv},
    {"unsetenv", os_unsetenv},
    {"strerror", os_strerror},
    {"urandom", os_urandom},
    {"pipe", os_pipe},
    {"read", os_read},
    {"write", os_write},
    {"close", os_close},
    {"dup", os_dup},
    {"dup2", os_dup2},
    {"open", os_open},
    {"lseek", os_lseek},
    {"ftruncate", os_ftruncate},
    {"isatty", os_isatty},
    {"_exit", os_exit},
    {"kill", os_kill},
    {"umask", os_umask},
    {"fspath", os_fspath},
    {"get_blocking", os_get_blocking},
    {"set_blocking", os_set_blocking},
    {"utime", os_utime},
    {"link", os_link},
    {"truncate", os_truncate},
    {"statvfs", os_statvfs},
    {"chown", os_chown},
    {"lchown", os_lchown},
    {"get_terminal_size", os_get_terminal_size},
};

// --- arguments and errors ---

// A path argument: str, bytes, or an object whose __fspath__ returns one.
bool path_arg(ThreadState& ts, Value v, const char* fname, std::string* out,
              bool* is_bytes = nullptr) {
    Ref p = Ref::borrow(v);
    if (!is_str(ts, v) && !(v.is_object() && v.as_object()->kind == ObjKind::Bytes)) {
        Ref fspath_name(ts.interp().intern("__fspath__"));
        if (!fspath_name) return false;
        Value f = lookup_special(ts, v, *fspath_name);
        if (f.is_null()) {
            raise_fmt(ts, ts.exc_types().TypeError,
                      "{}: path should be string, bytes or os.PathLike, not {}", fname,
                      type_name(ts, v));
            return false;
        }
        p = Ref(call_bound_special(ts, f, v, Args{}));
        if (!p) return false;
    }
    bool b = !is_str(ts, *p);
    if (b && !((*p).is_object() && (*p).as_object()->kind == ObjKind::Bytes)) {
        raise_fmt(ts, ts.exc_types().TypeError,
                  "{}: path should be string, bytes or os.PathLike, not {}", fname,
                  type_name(ts, *p));
        return false;
    }
    *out = b ? std::string(bytes_view(*p)) : std::string(str_view(*p));
    if (is_bytes) *is_bytes = b;
    if (out->find('\0') != std::string::npos) {
        raise_fmt(ts, ts.exc_types().ValueError, "{}: embedded null character in path", fname);
        return false;
    }
    return true;
}

bool int_arg(ThreadState& ts, Value v, int64_t* out) {
    return obj_index(ts, v, out);
}

// OSError with two file names ("[Errno 2] No such file or directory: 'a' -> 'b'").
Value raise_os_error2(ThreadState& ts, int err, Value f1, Value f2) {
    Ref code(make_int(ts, err));
    Ref msg(make_str(ts, std::strerror(err)));
    if (!code || !msg) return Value();
    Ref exc(call_n(ts, val(ts.exc_types().OSError), {*code, *msg, f1, Value::none(), f2}));
    if (!exc) return Value();
    return raise_instance(ts, exc.release());
}

Value none_or_error(ThreadState& ts, int rc, Value filename) {
    if (rc < 0) return raise_os_error(ts, errno, filename);
    return Value::none();
}

// --- process ---

Value os_getpid(ThreadState& ts, Args) {
    return make_int(ts, ::getpid());
}
Value os_getppid(ThreadState& ts, Args) {
    return make_int(ts, ::getppid());
}
Value os_getuid(ThreadState& ts, Args) {
    return make_int(ts, ::getuid());
}
Value os_getgid(ThreadState& ts, Args) {
    return make_int(ts, ::getgid());
}

Value os_cpu_count(ThreadState& ts, Args) {
    long n = ::sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? make_int(ts, n) : Value::none();
}

Value os_exit(ThreadState& ts, Args args) {
    if (!sandbox_permits(ts, "os._exit")) return Value();
    int64_t code;
    if (!check_nargs(ts, args, "_exit", 1, 1) || !int_arg(ts, args[0], &code)) return Value();
    ::_exit(static_cast<int>(code));
}

Value os_kill(ThreadState& ts, Args args) {
    if (!sandbox_permits(ts, "os.kill")) return Value();
    int64_t pid, sig;
    if (!check_nargs(ts, args, "kill", 2, 2) || !int_arg(ts, args[0], &pid) ||
        !int_arg(ts, args[1], &sig)) {
        return Value();
    }
    if (::kill(static_cast<pid_t>(pid), static_cast<int>(sig)) != 0)
        return raise_os_error(ts, errno);
    // A signal sent to this very process runs its handler before kill()
    // returns, as CPython checks at once: a handler's exception comes from
    // the kill() call, not from some later check point.
    if (!run_pending_signals(ts)) return Value();
    return Value::none();
}

Value os_umask(ThreadState& ts, Args args) {
    int64_t mask;
    if (!check_nargs(ts, args, "umask", 1, 1) || !int_arg(ts, args[0], &mask)) return Value();
    return make_int(ts, ::umask(static_cast<mode_t>(mask)));
}

// --- directories and files ---

Value os_getcwd(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "getcwd", 0, 0)) return Value();
    std::string buf(4096, '\0');
    while (!::getcwd(buf.data(), buf.size())) {
        if (errno != ERANGE) return raise_os_error(ts, errno);
        buf.resize(buf.size() * 2);
    }
    return make_str(ts, buf.c_str());
}

Value os_chdir(ThreadState& ts, Args args) {
    std::string p;
    if (!check_nargs(ts, args, "chdir", 1, 1) || !path_arg(ts, args[0], "chdir", &p))
        return Value();
    return none_or_error(ts, ::chdir(p.c_str()), args[0]);
}

Value os_listdir(ThreadState& ts, Args args) {
    Value path;
    if (!parse_args(ts, args, "listdir", {"|", "path"}, {&path})) return Value();
    std::string p = ".";
    bool as_bytes = false;
    if (!path.is_null() && !path.is_none() && !path_arg(ts, path, "listdir", &p, &as_bytes))
        return Value();
    DIR* dir = ::opendir(p.c_str());
    if (!dir) return raise_os_error(ts, errno, path.is_null() || path.is_none() ? Value() : path);
    Ref names(list_new(ts));
    errno = 0;
    while (names) {
        dirent* e = ::readdir(dir);
        if (!e) break;
        std::string_view n = e->d_name;
        if (n == "." || n == "..") continue;
        Value name = as_bytes ? make_bytes(ts, n) : make_str(ts, n);
        if (name.is_null() || !list_append_steal(ts, *names, name)) names.reset();
    }
    ::closedir(dir);
    return names.release();
}

Value os_mkdir(ThreadState& ts, Args args) {
    Value path, mode;
    if (!parse_args(ts, args, "mkdir", {"path", "|", "mode"}, {&path, &mode})) return Value();
    std::string p;
    int64_t m = 0777;
    if (!path_arg(ts, path, "mkdir", &p) || (!mode.is_null() && !int_arg(ts, mode, &m)))
        return Value();
    return none_or_error(ts, ::mkdir(p.c_str(), static_cast<mode_t>(m)), path);
}

Value os_rmdir(ThreadState& ts, Args args) {
    std::string p;
    if (!check_nargs(ts, args, "rmdir", 1, 1) || !path_arg(ts, args[0], "rmdir", &p))
        return Value();
    return none_or_error(ts, ::rmdir(p.c_str()), args[0]);
}

Value os_remove(ThreadState& ts, Args args) {
    std::string p;
    if (!check_nargs(ts, args, "remove", 1, 1) || !path_arg(ts, args[0], "remove", &p))
        return Value();
    return none_or_error(ts, ::unlink(p.c_str()), args[0]);
}

Value os_rename(ThreadState& ts, Args args) {
    std::string a, b;
    if (!check_nargs(ts, args, "rename", 2, 2) || !path_arg(ts, args[0], "rename", &a) ||
        !path_arg(ts, args[1], "rename", &b)) {
        return Value();
    }
    if (::rename(a.c_str(), b.c_str()) < 0) return raise_os_error2(ts, errno, args[0], args[1]);
    return Value::none();
}

Value os_access(ThreadState& ts, Args args) {
    std::string p;
    int64_t mode;
    if (!check_nargs(ts, args, "access", 2, 2) || !path_arg(ts, args[0], "access", &p) ||
        !int_arg(ts, args[1], &mode)) {
        return Value();
    }
    return Value::boolean(::access(p.c_str(), static_cast<int>(mode)) == 0);
}

Value os_chmod(ThreadState& ts, Args args) {
    std::string p;
    int64_t mode;
    if (!check_nargs(ts, args, "chmod", 2, 2) || !path_arg(ts, args[0], "chmod", &p) ||
        !int_arg(ts, args[1], &mode)) {
        return Value();
    }
    return none_or_error(ts, ::chmod(p.c_str(), static_cast<mode_t>(mode)), args[0]);
}

Value os_readlink(ThreadState& ts, Args args) {
    std::string p;
    bool as_bytes;
    if (!check_nargs(ts, args, "readlink", 1, 1) ||
        !path_arg(ts, args[0], "readlink", &p, &as_bytes))
        return Value();
    char buf[4096];
    ssize_t n = ::readlink(p.c_str(), buf, sizeof buf);
    if (n < 0) return raise_os_error(ts, errno, args[0]);
    std::string_view target(buf, static_cast<std::size_t>(n));
    return as_bytes ? make_bytes(ts, target) : make_str(ts, target);
}

Value os_symlink(ThreadState& ts, Args args) {
    std::string a, b;
    if (!check_nargs(ts, args, "symlink", 2, 3) || !path_arg(ts, args[0], "symlink", &a) ||
        !path_arg(ts, args[1], "symlink", &b)) {
        return Value();
    }
    if (::symlink(a.c_str(), b.c_str()) < 0) return raise_os_error2(ts, errno, args[0], args[1]);
    return Value::none();
}

// --- stat ---

TypeObject* stat_result_type(Interpreter& interp) {
    static constexpr const char* kFields[] = {"st_mode",  "st_ino",  "st_dev",  "st_nlink",
                                              "st_uid",   "st_gid",  "st_size", "st_atime",
                                              "st_mtime", "st_ctime"};
    return module_state<TypeObject*>(interp, "os.stat_result", [&](TypeObject*& t) {
        t = make_structseq_type(interp, "os", "stat_result", kFields);
    });
}

double timespec_seconds(const timespec& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// The times are floats (CPython's st_atime attributes); CPython's
// stat_result[7:10] are whole seconds, a difference only for indexing.
Value make_stat_result(ThreadState& ts, const struct stat& st) {
    return structseq_new_steal(
        ts, stat_result_type(ts.interp()),
        {make_int(ts, st.st_mode), make_int_u64(ts, st.st_ino), make_int_u64(ts, st.st_dev),
         make_int_u64(ts, st.st_nlink), make_int(ts, st.st_uid), make_int(ts, st.st_gid),
         make_int(ts, st.st_size), make_float(ts, timespec_seconds(st.st_atim)),
         make_float(ts, timespec_seconds(st.st_mtim)),
         make_float(ts, timespec_seconds(st.st_ctim))});
}

Value stat_common(ThreadState& ts, Args args, const char* fname, bool follow) {
    Value path, dir_fd, follow_symlinks;
    if (!parse_args(ts, args, fname, {"path", "|", "$dir_fd", "$follow_symlinks"},
                    {&path, &dir_fd, &follow_symlinks})) {
        return Value();
    }
    if (!follow_symlinks.is_null()) {
        int t = obj_truthy(ts, follow_symlinks);
        if (t < 0) return Value();
        follow = follow && t;
    }
    struct stat st;
    if (is_int(path)) {
        int64_t fd;
        if (!int_arg(ts, path, &fd)) return Value();
        if (::fstat(static_cast<int>(fd), &st) < 0) return raise_os_error(ts, errno);
        return make_stat_result(ts, st);
    }
    std::string p;
    if (!path_arg(ts, path, fname, &p)) return Value();
    int rc = follow ? ::stat(p.c_str(), &st) : ::lstat(p.c_str(), &st);
    if (rc < 0) return raise_os_error(ts, errno, path);
    return make_stat_result(ts, st);
}

Value os_stat(ThreadState& ts, Args args) {
    return stat_common(ts, args, "stat", true);
}
Value os_lstat(ThreadState& ts, Args args) {
    return stat_common(ts, args, "lstat", false);
}

Value os_fstat(ThreadState& ts, Args args) {
    int64_t fd;
    if (!check_nargs(ts, args, "fstat", 1, 1) || !int_arg(ts, args[0], &fd)) return Value();
    struct stat st;
    if (::fstat(static_cast<int>(fd), &st) < 0) return raise_os_error(ts, errno);
    return make_stat_result(ts, st);
}

// --- environment ---

bool env_string(ThreadState& ts, Value v, const char* fname, std::string* out) {
    if (is_str(ts, v))
        *out = str_view(v);
    else if (v.is_object() && v.as_object()->kind == ObjKind::Bytes)
        *out = bytes_view(v);
    else {
        raise_fmt(ts, ts.exc_types().TypeError,
                  "{}: expected str, bytes or os.PathLike object, not {}", fname, type_name(ts, v));
        return false;
    }
    if (out->find('\0') != std::string::npos) {
        raise(ts, ts.exc_types().ValueError, "embedded null byte");
        return false;
    }
    return true;
}

Value os_putenv(ThreadState& ts, Args args) {
    std::string k, v;
    if (!check_nargs(ts, args, "putenv", 2, 2) || !env_string(ts, args[0], "putenv", &k) ||
        !env_string(ts, args[1], "putenv", &v)) {
        return Value();
    }
    if (k.empty() || k.find('=') != std::string::npos) {
        return raise(ts, ts.exc_types().ValueError, "illegal environment variable name");
    }
    return none_or_error(ts, ::setenv(k.c_str(), v.c_str(), 1), Value());
}

Value os_unsetenv(ThreadState& ts, Args args) {
    std::string k;
    if (!check_nargs(ts, args, "unsetenv", 1, 1) || !env_string(ts, args[0], "unsetenv", &k))
        return Value();
    if (k.empty() || k.find('=') != std::string::npos) {
        return raise(ts, ts.exc_types().ValueError, "illegal environment variable name");
    }
    return none_or_error(ts, ::unsetenv(k.c_str()), Value());
}

Value make_environ(ThreadState& ts) {
    Ref d(dict_new(ts));
    if (!d) return Value();
    for (char** e = environ; e && *e; ++e) {
        std::string_view entry = *e;
        std::size_t eq = entry.find('=');
        if (eq == std::string_view::npos) continue;
        Ref k(make_str(ts, entry.substr(0, eq)));
        Ref v(make_str(ts, entry.substr(eq + 1)));
        if (!k || !v) return Value();
        if (dict_get_str(*d, *k).is_null() && !dict_set(ts, *d, *k, *v)) return Value();
    }
    return d.release();
}

Value os_strerror(ThreadState& ts, Args args) {
    int64_t code;
    if (!check_nargs(ts, args, "strerror", 1, 1) || !int_arg(ts, args[0], &code)) return Value();
    return make_str(ts, std::strerror(static_cast<int>(code)));
}

Value os_urandom(ThreadState& ts, Args args) {
    int64_t n;
    if (!check_nargs(ts, args, "urandom", 1, 1) || !int_arg(ts, args[0], &n)) return Value();
    if (n < 0) return raise(ts, ts.exc_types().ValueError, "negative argument not allowed");
    std::string buf(static_cast<std::size_t>(n), '\0');
    std::size_t done = 0;
    while (done < buf.size()) {
        ssize_t r = ::getrandom(buf.data() + done, buf.size() - done, 0);
        if (r < 0) {
            if (errno == EINTR) continue;
            return raise_os_error(ts, errno);
        }
        done += static_cast<std::size_t>(r);
    }
    return make_bytes(ts, buf);
}

// --- descriptors ---

Value os_pipe(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "pipe", 0, 0)) return Value();
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) < 0) return raise_os_error(ts, errno);
    return tuple_pack(ts, {Value::small_int(fds[0]), Value::small_int(fds[1])});
}

Value os_read(ThreadState& ts, Args args) {
    int64_t fd, n;
    if (!check_nargs(ts, args, "read", 2, 2) || !int_arg(ts, args[0], &fd) ||
        !int_arg(ts, args[1], &n)) {
        return Value();
    }
    if (n < 0) return raise_os_error(ts, EINVAL);
    std::string buf(static_cast<std::size_t>(n), '\0');
    int64_t got = io_read_fd(ts, static_cast<int>(fd), buf.data(), buf.size());
    if (got == kIoSignalRaised) return Value();
    if (got < 0) return raise_os_error(ts, errno);
    return make_bytes(ts, std::string_view(buf.data(), static_cast<std::size_t>(got)));
}

Value os_write(ThreadState& ts, Args args) {
    int64_t fd;
    std::string_view data;
    if (!check_nargs(ts, args, "write", 2, 2) || !int_arg(ts, args[0], &fd) ||
        !bytes_like_view(ts, args[1], &data)) {
        return Value();
    }
    int err = io_write_fd(ts, static_cast<int>(fd), data.data(), data.size());
    if (err == kIoSignalRaised) return Value();
    if (err != 0) return raise_os_error(ts, err);
    return make_int_u64(ts, data.size());
}

Value os_close(ThreadState& ts, Args args) {
    int64_t fd;
    if (!check_nargs(ts, args, "close", 1, 1) || !int_arg(ts, args[0], &fd)) return Value();
    return none_or_error(ts, ::close(static_cast<int>(fd)), Value());
}

Value os_dup(ThreadState& ts, Args args) {
    int64_t fd;
    if (!check_nargs(ts, args, "dup", 1, 1) || !int_arg(ts, args[0], &fd)) return Value();
    int r = ::fcntl(static_cast<int>(fd), F_DUPFD_CLOEXEC, 0);
    if (r < 0) return raise_os_error(ts, errno);
    return make_int(ts, r);
}

Value os_dup2(ThreadState& ts, Args args) {
    int64_t a, b;
    if (!check_nargs(ts, args, "dup2", 2, 3) || !int_arg(ts, args[0], &a) ||
        !int_arg(ts, args[1], &b)) {
        return Value();
    }
    int r = ::dup2(static_cast<int>(a), static_cast<int>(b));
    if (r < 0) return raise_os_error(ts, errno);
    return make_int(ts, r);
}

Value os_open(ThreadState& ts, Args args) {
    Value path, flags, mode;
    if (!parse_args(ts, args, "open", {"path", "flags", "|", "mode"}, {&path, &flags, &mode}))
        return Value();
    std::string p;
    int64_t f, m = 0777;
    if (!path_arg(ts, path, "open", &p) || !int_arg(ts, flags, &f) ||
        (!mode.is_null() && !int_arg(ts, mode, &m))) {
        return Value();
    }
    int fd;
    do {
        fd = ::open(p.c_str(), static_cast<int>(f) | O_CLOEXEC, static_cast<mode_t>(m));
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) return raise_os_error(ts, errno, path);
    return make_int(ts, fd);
}

Value os_lseek(ThreadState& ts, Args args) {
    int64_t fd, pos, how;
    if (!check_nargs(ts, args, "lseek", 3, 3) || !int_arg(ts, args[0], &fd) ||
        !int_arg(ts, args[1], &pos) || !int_arg(ts, args[2], &how)) {
        return Value();
    }
    off_t r = ::lseek(static_cast<int>(fd), static_cast<off_t>(pos), static_cast<int>(how));
    if (r < 0) return raise_os_error(ts, errno);
    return make_int(ts, r);
}

// ftruncate(fd, length): what multiprocessing.shared_memory sizes a new
// block with. Retried after EINTR, as CPython does.
Value os_ftruncate(ThreadState& ts, Args args) {
    int64_t fd, length;
    if (!check_nargs(ts, args, "ftruncate", 2, 2) || !int_arg(ts, args[0], &fd) ||
        !int_arg(ts, args[1], &length)) {
        return Value();
    }
    for (;;) {
        int r, err;
        {
            GilRelease released(ts);
            r = ::ftruncate(static_cast<int>(fd), static_cast<off_t>(length));
            err = errno;
        }
        if (r == 0) return Value::none();
        if (err != EINTR) return raise_os_error(ts, err);
        if (signal_pending() && !run_pending_signals(ts)) return Value();
    }
}

Value os_get_blocking(ThreadState& ts, Args args) {
    int64_t fd;
    if (!check_nargs(ts, args, "get_blocking", 1, 1) || !int_arg(ts, args[0], &fd)) return Value();
    int flags = ::fcntl(static_cast<int>(fd), F_GETFL);
    if (flags < 0) return raise_os_error(ts, errno);
    return Value::boolean(!(flags & O_NONBLOCK));
}

Value os_set_blocking(ThreadState& ts, Args args) {
    int64_t fd;
    if (!check_nargs(ts, args, "set_blocking", 2, 2) || !int_arg(ts, args[0], &fd)) return Value();
    int blocking = obj_truthy(ts, args[1]);
    if (blocking < 0) return Value();
    int flags = ::fcntl(static_cast<int>(fd), F_GETFL);
    if (flags < 0) return raise_os_error(ts, errno);
    int want = blocking ? (flags & ~O_NONBLOCK) : (flags | O_NONBLOCK);
    if (want != flags && ::fcntl(static_cast<int>(fd), F_SETFL, want) < 0)
        return raise_os_error(ts, errno);
    return Value::none();
}

Value os_isatty(ThreadState& ts, Args args) {
    int64_t fd;
    if (!check_nargs(ts, args, "isatty", 1, 1) || !int_arg(ts, args[0], &fd)) return Value();
    return Value::boolean(::isatty(static_cast<int>(fd)) == 1);
}

Value os_fspath(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "fspath", 1, 1)) return Value();
    Value v = args[0];
    if (is_str(ts, v) || (v.is_object() && v.as_object()->kind == ObjKind::Bytes))
        return new_ref(v);
    Ref name(ts.interp().intern("__fspath__"));
    if (!name) return Value();
    Value f = lookup_special(ts, v, *name);
    if (f.is_null()) {
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "expected str, bytes or os.PathLike object, not {}", type_name(ts, v));
    }
    return call_bound_special(ts, f, v, Args{});
}

// --- file times, links, sizes, file systems ---
//
// These touch the disk (which may be a network file system), so each
// releases the GIL around its system call.

// One (atime, mtime) pair of os.utime: seconds as numbers (`times`) or
// nanoseconds as ints (`ns`).
bool utime_pair(ThreadState& ts, Value pair, bool nanoseconds, timespec out[2]) {
    if (!pair.is_object() || pair.as_object()->kind != ObjKind::Tuple || tuple_size(pair) != 2) {
        raise(ts, ts.exc_types().TypeError,
              nanoseconds ? "utime: 'ns' must be a tuple of two ints"
                          : "utime: 'times' must be either a tuple of two ints or None");
        return false;
    }
    for (int i = 0; i < 2; ++i) {
        Value item = tuple_obj(pair)->items[i];
        if (nanoseconds) {
            int64_t ns;
            if (!obj_index(ts, item, &ns)) return false;
            out[i].tv_sec = ns / 1000000000;
            out[i].tv_nsec = ns % 1000000000;
            if (out[i].tv_nsec < 0) {
                out[i].tv_nsec += 1000000000;
                --out[i].tv_sec;
            }
            continue;
        }
        double seconds;
        if (!obj_as_double(ts, item, &seconds)) return false;
        double whole = std::floor(seconds);
        out[i].tv_sec = static_cast<time_t>(whole);
        out[i].tv_nsec = static_cast<long>((seconds - whole) * 1e9);
    }
    return true;
}

// os.utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True)
Value os_utime(ThreadState& ts, Args args) {
    Value path, times, ns, dir_fd, follow;
    if (!parse_args(ts, args, "utime", {"path", "|", "times", "$ns", "$dir_fd", "$follow_symlinks"},
                    {&path, &times, &ns, &dir_fd, &follow}))
        return Value();
    std::string p;
    if (!path_arg(ts, path, "utime", &p)) return Value();
    bool has_times = !times.is_null() && !times.is_none();
    if (has_times && !ns.is_null()) {
        return raise(ts, ts.exc_types().ValueError,
                     "utime: you may specify either 'times' or 'ns' but not both");
    }
    timespec when[2];
    timespec* chosen = nullptr;  // null: now
    if (has_times || !ns.is_null()) {
        if (!utime_pair(ts, has_times ? times : ns, !has_times, when)) return Value();
        chosen = when;
    }
    int flags = 0;
    if (!follow.is_null()) {
        int t = obj_truthy(ts, follow);
        if (t < 0) return Value();
        if (!t) flags = AT_SYMLINK_NOFOLLOW;
    }
    int rc;
    {
        GilRelease released(ts);
        rc = ::utimensat(AT_FDCWD, p.c_str(), chosen, flags);
    }
    return none_or_error(ts, rc, path);
}

Value os_link(ThreadState& ts, Args args) {
    std::string a, b;
    if (!check_nargs(ts, args, "link", 2, 2) || !path_arg(ts, args[0], "link", &a) ||
        !path_arg(ts, args[1], "link", &b)) {
        return Value();
    }
    int rc;
    {
        GilRelease released(ts);
        rc = ::link(a.c_str(), b.c_str());
    }
    if (rc < 0) return raise_os_error2(ts, errno, args[0], args[1]);
    return Value::none();
}

// os.truncate(path or fd, length)
Value os_truncate(ThreadState& ts, Args args) {
    int64_t length;
    if (!check_nargs(ts, args, "truncate", 2, 2) || !int_arg(ts, args[1], &length)) return Value();
    if (is_int(args[0])) return os_ftruncate(ts, args);
    std::string p;
    if (!path_arg(ts, args[0], "truncate", &p)) return Value();
    int rc;
    {
        GilRelease released(ts);
        rc = ::truncate(p.c_str(), static_cast<off_t>(length));
    }
    return none_or_error(ts, rc, args[0]);
}

TypeObject* statvfs_result_type(Interpreter& interp) {
    static constexpr const char* kFields[] = {"f_bsize",  "f_frsize", "f_blocks", "f_bfree",
                                              "f_bavail", "f_files",  "f_ffree",  "f_favail",
                                              "f_flag",   "f_namemax"};
    return module_state<TypeObject*>(interp, "os.statvfs_result", [&](TypeObject*& t) {
        t = make_structseq_type(interp, "os", "statvfs_result", kFields);
    });
}

// os.statvfs(path or fd): the file system's sizes, as shutil.disk_usage uses them.
Value os_statvfs(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "statvfs", 1, 1)) return Value();
    struct statvfs st;
    int rc;
    if (is_int(args[0])) {
        int64_t fd;
        if (!int_arg(ts, args[0], &fd)) return Value();
        GilRelease released(ts);
        rc = ::fstatvfs(static_cast<int>(fd), &st);
    } else {
        std::string p;
        if (!path_arg(ts, args[0], "statvfs", &p)) return Value();
        GilRelease released(ts);
        rc = ::statvfs(p.c_str(), &st);
    }
    if (rc < 0) return raise_os_error(ts, errno, args[0]);
    return structseq_new_steal(
        ts, statvfs_result_type(ts.interp()),
        {make_int_u64(ts, st.f_bsize), make_int_u64(ts, st.f_frsize), make_int_u64(ts, st.f_blocks),
         make_int_u64(ts, st.f_bfree), make_int_u64(ts, st.f_bavail), make_int_u64(ts, st.f_files),
         make_int_u64(ts, st.f_ffree), make_int_u64(ts, st.f_favail), make_int_u64(ts, st.f_flag),
         make_int_u64(ts, st.f_namemax)});
}

// os.chown(path, uid, gid, *, dir_fd=None, follow_symlinks=True); -1 keeps one.
Value chown_common(ThreadState& ts, Args args, const char* fname, bool follow) {
    Value path, uid, gid, dir_fd, follow_symlinks;
    if (!parse_args(ts, args, fname, {"path", "uid", "gid", "|", "$dir_fd", "$follow_symlinks"},
                    {&path, &uid, &gid, &dir_fd, &follow_symlinks}))
        return Value();
    int64_t owner, group;
    std::string p;
    if (!path_arg(ts, path, fname, &p) || !int_arg(ts, uid, &owner) || !int_arg(ts, gid, &group))
        return Value();
    if (!follow_symlinks.is_null()) {
        int t = obj_truthy(ts, follow_symlinks);
        if (t < 0) return Value();
        follow = follow && t;
    }
    int rc;
    {
        GilRelease released(ts);
        rc = follow ? ::chown(p.c_str(), static_cast<uid_t>(owner), static_cast<gid_t>(group))
                    : ::lchown(p.c_str(), static_cast<uid_t>(owner), static_cast<gid_t>(group));
    }
    return none_or_error(ts, rc, path);
}

Value os_chown(ThreadState& ts, Args args) {
    return chown_common(ts, args, "chown", true);
}

Value os_lchown(ThreadState& ts, Args args) {
    return chown_common(ts, args, "lchown", false);
}

TypeObject* terminal_size_type(Interpreter& interp) {
    static constexpr const char* kFields[] = {"columns", "lines"};
    return module_state<TypeObject*>(interp, "os.terminal_size", [&](TypeObject*& t) {
        t = make_structseq_type(interp, "os", "terminal_size", kFields);
    });
}

// os.get_terminal_size(fd=1): the window size of the terminal on fd;
// OSError when fd is not a terminal.
Value os_get_terminal_size(ThreadState& ts, Args args) {
    int64_t fd = 1;
    if (!check_nargs(ts, args, "get_terminal_size", 0, 1) ||
        (args.n == 1 && !int_arg(ts, args[0], &fd)))
        return Value();
    winsize size{};
    if (::ioctl(static_cast<int>(fd), TIOCGWINSZ, &size) < 0) return raise_os_error(ts, errno);
    return structseq_new_steal(ts, terminal_size_type(ts.interp()),
                               {make_int(ts, size.ws_col), make_int(ts, size.ws_row)});
}

bool add_constants(ThreadState& ts, Value m) {
    struct Const {
        const char* name;
        int64_t value;
    };
    static constexpr Const kConsts[] = {
        {"F_OK", F_OK},
        {"R_OK", R_OK},
        {"W_OK", W_OK},
        {"X_OK", X_OK},
        {"O_RDONLY", O_RDONLY},
        {"O_WRONLY", O_WRONLY},
        {"O_RDWR", O_RDWR},
        {"O_APPEND", O_APPEND},
        {"O_CREAT", O_CREAT},
        {"O_EXCL", O_EXCL},
        {"O_TRUNC", O_TRUNC},
        {"O_NONBLOCK", O_NONBLOCK},
        {"O_CLOEXEC", O_CLOEXEC},
        {"SEEK_SET", SEEK_SET},
        {"SEEK_CUR", SEEK_CUR},
        {"SEEK_END", SEEK_END},
        {"EX_OK", 0},
        {"O_NOFOLLOW", O_NOFOLLOW},
        {"O_DIRECTORY", O_DIRECTORY},
        {"O_NOCTTY", O_NOCTTY},
    };
    for (const Const& c : kConsts) {
        if (!module_add_value(ts, m, c.name, Value::small_int(c.value))) return false;
    }
    return true;
}

}  // namespace

Value init_posix_module(ThreadState& ts) {
    Ref m(module_new(ts, "posix"));
    if (!m || !module_add_functions(ts, *m, kPosixFunctions) || !add_constants(ts, *m) ||
        !os_add_process_functions(ts, *m))
        return Value();
    if (!module_add_steal(ts, *m, "environ", make_environ(ts)) ||
        !module_add_value(ts, *m, "stat_result", val(stat_result_type(ts.interp()))) ||
        !module_add_value(ts, *m, "terminal_size", val(terminal_size_type(ts.interp()))) ||
        !module_add_value(ts, *m, "statvfs_result", val(statvfs_result_type(ts.interp()))) ||
        !module_add_value(ts, *m, "error", val(ts.exc_types().OSError))) {
        return Value();
    }
    return m.release();
}

}  // namespace gilt
