// _socket.socket: a socket descriptor with CPython's timeout semantics.
//
// How a call blocks (CPython's sock_call, reorganised around the GIL):
// every data call first tries without blocking and with the GIL held
// (MSG_DONTWAIT on a blocking socket; the descriptor is already O_NONBLOCK
// on one with a timeout). Only when that fails with EAGAIN does the thread
// wait for readiness with poll(), the GIL released (wait_fd.hpp), and try
// again. So a reply that is already there costs one system call and no GIL
// hand-off, buffers handed to the kernel are only touched while the GIL is
// held (another thread cannot resize a bytearray under recv_into), and every
// wait is interruptible by Ctrl-C on the main thread. accept() and connect()
// cannot be tried without blocking on a blocking descriptor: they run with
// the GIL released after the wait. EINTR runs the signal handlers and
// retries (PEP 475); the timeout is a deadline for the whole call (sendall
// included, as in CPython 3.5+).
#include "stdlib/socket.hpp"

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <string>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/buffer.hpp"
#include "runtime/bytes.hpp"
#include "runtime/errors.hpp"
#include "runtime/float.hpp"
#include "runtime/heap.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/interrupts.hpp"
#include "runtime/module_state.hpp"
#include "runtime/signals.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "stdlib/wait_fd.hpp"

namespace gilt {

namespace {

Value sock_accept(ThreadState& ts, Args args);
Value sock_bind(ThreadState& ts, Args args);
Value sock_close(ThreadState& ts, Args args);
Value sock_connect(ThreadState& ts, Args args);
Value sock_connect_ex(ThreadState& ts, Args args);
Value sock_detach(ThreadState& ts, Args args);
Value sock_fileno(ThreadState& ts, Args args);
Value sock_getpeername(ThreadState& ts, Args args);
Value sock_getsockname(ThreadState& ts, Args args);
Value sock_getsockopt(ThreadState& ts, Args args);
Value sock_setsockopt(ThreadState& ts, Args args);
Value sock_listen(ThreadState& ts, Args args);
Value sock_recv(ThreadState& ts, Args args);
Value sock_recv_into(ThreadState& ts, Args args);
Value sock_recvfrom(ThreadState& ts, Args args);
Value sock_send(ThreadState& ts, Args args);
Value sock_sendall(ThreadState& ts, Args args);
Value sock_sendto(ThreadState& ts, Args args);
Value sock_setblocking(ThreadState& ts, Args args);
Value sock_getblocking(ThreadState& ts, Args args);
Value sock_settimeout(ThreadState& ts, Args args);
Value sock_gettimeout(ThreadState& ts, Args args);
Value sock_shutdown(ThreadState& ts, Args args);

constexpr MethodDef kSocketMethods[] = {
    {"_accept", sock_accept},
    {"bind", sock_bind},
    {"close", sock_close},
    {"connect", sock_connect},
    {"connect_ex", sock_connect_ex},
    {"detach", sock_detach},
    {"fileno", sock_fileno},
    {"getpeername", sock_getpeername},
    {"getsockname", sock_getsockname},
    {"getsockopt", sock_getsockopt},
    {"setsockopt", sock_setsockopt},
    {"listen", sock_listen},
    {"recv", sock_recv},
    {"recv_into", sock_recv_into},
    {"recvfrom", sock_recvfrom},
    {"send", sock_send},
    {"sendall", sock_sendall},
    {"sendto", sock_sendto},
    {"setblocking", sock_setblocking},
    {"getblocking", sock_getblocking},
    {"settimeout", sock_settimeout},
    {"gettimeout", sock_gettimeout},
    {"shutdown", sock_shutdown},
};

Value sock_family_get(ThreadState& ts, Value self) {
    return make_int(ts, sock_obj(self)->family);
}
Value sock_type_get(ThreadState& ts, Value self) {
    return make_int(ts, sock_obj(self)->type);
}
Value sock_proto_get(ThreadState& ts, Value self) {
    return make_int(ts, sock_obj(self)->proto);
}
Value sock_timeout_get(ThreadState& ts, Value self) {
    double t = sock_obj(self)->timeout;
    return t < 0 ? Value::none() : make_float(ts, t);
}

constexpr GetSetDef kSocketGetSets[] = {
    {"family", sock_family_get},
    {"type", sock_type_get},
    {"proto", sock_proto_get},
    {"timeout", sock_timeout_get},
};

// --- blocking mode and timeouts ---

// O_NONBLOCK exactly when the socket has a timeout (CPython's internal_setblocking).
bool apply_blocking(ThreadState& ts, SocketObject* s) {
    if (s->fd < 0) return true;
    int flags = ::fcntl(s->fd, F_GETFL);
    if (flags < 0) {
        raise_os_error(ts, errno);
        return false;
    }
    int want = s->timeout >= 0 ? (flags | O_NONBLOCK) : (flags & ~O_NONBLOCK);
    if (want != flags && ::fcntl(s->fd, F_SETFL, want) < 0) {
        raise_os_error(ts, errno);
        return false;
    }
    return true;
}

// A timeout argument: None -> -1, else a non-negative number of seconds.
bool timeout_arg(ThreadState& ts, Value v, double* out) {
    if (v.is_none()) {
        *out = -1;
        return true;
    }
    if (!time_arg_seconds(ts, v, 1e9, out)) return false;
    if (*out < 0) {
        raise(ts, ts.exc_types().ValueError, "Timeout value out of range");
        return false;
    }
    return true;
}

// Waits until `s` is ready for `events` within the call's deadline.
// false with an exception pending: TimeoutError, a signal's, or OSError.
bool wait_ready(ThreadState& ts, SocketObject* s, short events, const WaitDeadline& deadline) {
    int r = wait_fd(ts, s->fd, events, deadline);
    if (r < 0) return false;
    if (r == 0) {
        raise_socket_timeout(ts);
        return false;
    }
    return true;
}

// CPython's sock_call for the data calls: `attempt` tries once without
// blocking, the GIL held, and returns its result (>= 0) or -1 with errno
// set. Retries after EINTR and, unless the socket is non-blocking, after
// waiting for `events`. Returns the result, or -1 with an exception pending.
template <class F>
int64_t sock_call(ThreadState& ts, SocketObject* s, short events, const WaitDeadline& deadline,
                  F&& attempt) {
    for (;;) {
        int64_t r = attempt();
        if (r >= 0) return r;
        int err = errno;
        if (err == EINTR) {
            if (!run_pending_interrupts(ts)) return -1;
            continue;
        }
        if ((err != EAGAIN && err != EWOULDBLOCK) || s->timeout == 0) {
            raise_os_error(ts, err);
            return -1;
        }
        if (!wait_ready(ts, s, events, deadline)) return -1;
    }
}

// Flags for an attempt that must not block.
int nowait(const SocketObject* s, int64_t flags) {
    return static_cast<int>(flags) | (s->timeout < 0 ? MSG_DONTWAIT : 0);
}

bool flags_arg(ThreadState& ts, Value v, int64_t* out) {
    *out = 0;
    return v.is_null() || obj_index(ts, v, out);
}

// --- object lifetime ---

Value sock_new(ThreadState& ts, TypeObject* type, Args) {
    Object* o = (type->flags & kTypeHasGc) ? alloc_gc_object(type, type->basicsize)
                                           : alloc_object(type, type->basicsize);
    if (!o) return raise_memory_error(ts);
    SocketObject* s = reinterpret_cast<SocketObject*>(o);
    s->fd = -1;
    s->family = AF_INET;
    s->type = SOCK_STREAM;
    s->proto = 0;
    s->timeout = -1;
    return Value::object(o);
}

// Family, type and protocol of an adopted descriptor.
bool detect_socket_kind(ThreadState& ts, SocketObject* s, int64_t family, int64_t type,
                        int64_t proto) {
    auto query = [&](int opt, int64_t given, int* out) {
        if (given != -1) {
            *out = static_cast<int>(given);
            return true;
        }
        int v = 0;
        socklen_t len = sizeof v;
        if (::getsockopt(s->fd, SOL_SOCKET, opt, &v, &len) < 0) {
            raise_os_error(ts, errno);
            return false;
        }
        *out = v;
        return true;
    };
    return query(SO_DOMAIN, family, &s->family) && query(SO_TYPE, type, &s->type) &&
           query(SO_PROTOCOL, proto, &s->proto);
}

// socket(family=-1, type=-1, proto=-1, fileno=None)
int sock_init(ThreadState& ts, Value self, Args args) {
    Value fam, typ, pro, fileno;
    if (!parse_args(ts, args, "socket", {"|", "family", "type", "proto", "fileno"},
                    {&fam, &typ, &pro, &fileno})) {
        return -1;
    }
    int64_t family = -1, type = -1, proto = -1;
    if ((!fam.is_null() && !obj_index(ts, fam, &family)) ||
        (!typ.is_null() && !obj_index(ts, typ, &type)) ||
        (!pro.is_null() && !obj_index(ts, pro, &proto))) {
        return -1;
    }
    SocketObject* s = sock_obj(self);
    if (!fileno.is_null() && !fileno.is_none()) {
        int64_t fd;
        if (!obj_index(ts, fileno, &fd)) return -1;
        if (fd < 0) {
            raise(ts, ts.exc_types().ValueError, "negative file descriptor");
            return -1;
        }
        s->fd = static_cast<int>(fd);
        if (!detect_socket_kind(ts, s, family, type, proto)) {
            s->fd = -1;
            return -1;
        }
    } else {
        s->family = family == -1 ? AF_INET : static_cast<int>(family);
        s->type = type == -1 ? SOCK_STREAM : static_cast<int>(type);
        s->proto = proto == -1 ? 0 : static_cast<int>(proto);
        s->fd = ::socket(s->family, s->type | SOCK_CLOEXEC, s->proto);
        if (s->fd < 0) {
            raise_os_error(ts, errno);
            return -1;
        }
    }
    bool nonblock = (s->type & SOCK_NONBLOCK) != 0;
    s->type &= ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
    s->timeout = nonblock ? 0.0 : socket_default_timeout(ts.interp());
    return apply_blocking(ts, s) ? 0 : -1;
}

void sock_dealloc(Object* o) {
    SocketObject* s = reinterpret_cast<SocketObject*>(o);
    if (s->fd >= 0) ::close(s->fd);
    free_object(o);
}

Value sock_repr(ThreadState& ts, Value self) {
    SocketObject* s = sock_obj(self);
    return make_str(ts, fmt::format("<socket object, fd={}, family={}, type={}, proto={}>", s->fd,
                                    s->family, s->type, s->proto));
}

// --- connections ---

Value sock_bind(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "bind", 1, 1)) return Value();
    SocketObject* s = sock_obj(args[0]);
    SockAddr a;
    if (!sockaddr_from_python(ts, s->family, args[1], "bind", &a)) return Value();
    if (::bind(s->fd, a.ptr(), a.len) < 0) return raise_os_error(ts, errno);
    return Value::none();
}

Value sock_listen(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "listen", 0, 1)) return Value();
    int64_t backlog = SOMAXCONN < 128 ? SOMAXCONN : 128;
    if (args.n > 1 && !obj_index(ts, args[1], &backlog)) return Value();
    if (backlog < 0) backlog = 0;
    if (::listen(sock_obj(args[0])->fd, static_cast<int>(backlog)) < 0)
        return raise_os_error(ts, errno);
    return Value::none();
}

// _accept() -> (fd, address); socket.py wraps the descriptor.
Value sock_accept(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "_accept", 0, 0)) return Value();
    SocketObject* s = sock_obj(args[0]);
    WaitDeadline deadline(s->timeout);
    SockAddr a;
    for (;;) {
        if (s->fd >= 0 && s->timeout != 0 && !wait_ready(ts, s, POLLIN, deadline)) return Value();
        int listen_fd = s->fd;  // read with the GIL: close() may change s->fd meanwhile
        int fd, err;
        a.len = sizeof a.storage;
        {
            GilRelease released(ts);
            fd = ::accept4(listen_fd, a.ptr(), &a.len, SOCK_CLOEXEC);
            err = errno;
        }
        if (fd >= 0) {
            Ref addr(sockaddr_to_python(ts, a.ptr(), a.len));
            if (!addr) {
                ::close(fd);
                return Value();
            }
            return tuple_pack(ts, {Value::small_int(fd), *addr});
        }
        if (err == EINTR) {
            if (!run_pending_interrupts(ts)) return Value();
            continue;
        }
        if ((err != EAGAIN && err != EWOULDBLOCK) || s->timeout == 0)
            return raise_os_error(ts, err);
    }
}

// Connects; 0 on success, an errno value on failure, -1 with an exception
// pending (a signal handler raised, or the timeout passed and `raise_timeout`).
int connect_errno(ThreadState& ts, SocketObject* s, SockAddr& a, bool raise_timeout) {
    int fd = s->fd, rc, err;
    {
        GilRelease released(ts);
        rc = ::connect(fd, a.ptr(), a.len);
        err = errno;
    }
    if (rc == 0) return 0;
    if (err == EINTR && !run_pending_interrupts(ts)) return -1;
    bool pending = err == EINTR || (err == EINPROGRESS && s->timeout != 0);
    if (!pending) return err;
    // The connection goes on in the background: wait for it, then ask how it went.
    int r = wait_fd(ts, s->fd, POLLOUT, WaitDeadline(s->timeout));
    if (r < 0) return -1;
    if (r == 0) {
        if (!raise_timeout) return EWOULDBLOCK;
        raise_socket_timeout(ts);
        return -1;
    }
    int so_error = 0;
    socklen_t len = sizeof so_error;
    if (::getsockopt(s->fd, SOL_SOCKET, SO_ERROR, &so_error, &len) < 0) return errno;
    return so_error;
}

Value sock_connect(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "connect", 1, 1)) return Value();
    SocketObject* s = sock_obj(args[0]);
    SockAddr a;
    if (!sockaddr_from_python(ts, s->family, args[1], "connect", &a)) return Value();
    int err = connect_errno(ts, s, a, true);
    if (err < 0) return Value();
    if (err > 0) return raise_os_error(ts, err);
    return Value::none();
}

Value sock_connect_ex(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "connect_ex", 1, 1)) return Value();
    SocketObject* s = sock_obj(args[0]);
    SockAddr a;
    if (!sockaddr_from_python(ts, s->family, args[1], "connect_ex", &a)) return Value();
    int err = connect_errno(ts, s, a, false);
    if (err < 0) return Value();
    return Value::small_int(err);
}

Value sock_shutdown(ThreadState& ts, Args args) {
    int64_t how;
    if (!check_nargs(ts, args.drop_first(), "shutdown", 1, 1) || !obj_index(ts, args[1], &how))
        return Value();
    if (::shutdown(sock_obj(args[0])->fd, static_cast<int>(how)) < 0)
        return raise_os_error(ts, errno);
    return Value::none();
}

Value sock_close(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "close", 0, 0)) return Value();
    SocketObject* s = sock_obj(args[0]);
    int fd = s->fd;
    if (fd < 0) return Value::none();
    s->fd = -1;
    // ECONNRESET only says the peer went first (CPython ignores it too).
    if (::close(fd) < 0 && errno != ECONNRESET) return raise_os_error(ts, errno);
    return Value::none();
}

Value sock_detach(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "detach", 0, 0)) return Value();
    SocketObject* s = sock_obj(args[0]);
    int fd = s->fd;
    s->fd = -1;
    return make_int(ts, fd);
}

Value sock_fileno(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "fileno", 0, 0)) return Value();
    return make_int(ts, sock_obj(args[0])->fd);
}

Value sock_name(ThreadState& ts, Args args, const char* fname, bool peer) {
    if (!check_nargs(ts, args.drop_first(), fname, 0, 0)) return Value();
    SockAddr a;
    a.len = sizeof a.storage;
    int fd = sock_obj(args[0])->fd;
    int rc = peer ? ::getpeername(fd, a.ptr(), &a.len) : ::getsockname(fd, a.ptr(), &a.len);
    if (rc < 0) return raise_os_error(ts, errno);
    return sockaddr_to_python(ts, a.ptr(), a.len);
}

Value sock_getsockname(ThreadState& ts, Args args) {
    return sock_name(ts, args, "getsockname", false);
}
Value sock_getpeername(ThreadState& ts, Args args) {
    return sock_name(ts, args, "getpeername", true);
}

// --- options and modes ---

// setsockopt(level, option, value: int | bytes-like) or (level, option, None, optlen).
Value sock_setsockopt(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "setsockopt", 3, 4)) return Value();
    int64_t level, opt;
    if (!obj_index(ts, args[1], &level) || !obj_index(ts, args[2], &opt)) return Value();
    int fd = sock_obj(args[0])->fd;
    int rc;
    if (args.n == 5) {
        int64_t optlen;
        if (!args[3].is_none())
            return raise(ts, ts.exc_types().TypeError, "setsockopt() argument 3 must be NoneType");
        if (!obj_index(ts, args[4], &optlen)) return Value();
        rc = ::setsockopt(fd, static_cast<int>(level), static_cast<int>(opt), nullptr,
                          static_cast<socklen_t>(optlen));
    } else if (is_int(args[3])) {
        int64_t v;
        if (!obj_index(ts, args[3], &v)) return Value();
        int iv = static_cast<int>(v);
        rc = ::setsockopt(fd, static_cast<int>(level), static_cast<int>(opt), &iv, sizeof iv);
    } else {
        std::string_view data;
        if (!bytes_like_view(ts, args[3], &data)) return Value();
        rc = ::setsockopt(fd, static_cast<int>(level), static_cast<int>(opt), data.data(),
                          static_cast<socklen_t>(data.size()));
    }
    if (rc < 0) return raise_os_error(ts, errno);
    return Value::none();
}

// getsockopt(level, option[, buflen]): an int, or bytes when buflen is given.
Value sock_getsockopt(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "getsockopt", 2, 3)) return Value();
    int64_t level, opt, buflen = 0;
    if (!obj_index(ts, args[1], &level) || !obj_index(ts, args[2], &opt) ||
        (args.n == 4 && !obj_index(ts, args[3], &buflen))) {
        return Value();
    }
    int fd = sock_obj(args[0])->fd;
    if (buflen == 0) {
        int v = 0;
        socklen_t len = sizeof v;
        if (::getsockopt(fd, static_cast<int>(level), static_cast<int>(opt), &v, &len) < 0) {
            return raise_os_error(ts, errno);
        }
        return make_int(ts, v);
    }
    if (buflen < 0 || buflen > 1024)
        return raise(ts, ts.exc_types().OSError, "getsockopt buflen out of range");
    char buf[1024];
    socklen_t len = static_cast<socklen_t>(buflen);
    if (::getsockopt(fd, static_cast<int>(level), static_cast<int>(opt), buf, &len) < 0) {
        return raise_os_error(ts, errno);
    }
    return make_bytes(ts, std::string_view(buf, len));
}

Value sock_settimeout(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "settimeout", 1, 1)) return Value();
    double t;
    if (!timeout_arg(ts, args[1], &t)) return Value();
    SocketObject* s = sock_obj(args[0]);
    s->timeout = t;
    if (!apply_blocking(ts, s)) return Value();
    return Value::none();
}

Value sock_gettimeout(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "gettimeout", 0, 0)) return Value();
    return sock_timeout_get(ts, args[0]);
}

Value sock_setblocking(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "setblocking", 1, 1)) return Value();
    int flag = obj_truthy(ts, args[1]);
    if (flag < 0) return Value();
    SocketObject* s = sock_obj(args[0]);
    s->timeout = flag ? -1.0 : 0.0;
    if (!apply_blocking(ts, s)) return Value();
    return Value::none();
}

Value sock_getblocking(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "getblocking", 0, 0)) return Value();
    return Value::boolean(sock_obj(args[0])->timeout != 0);
}

// --- data ---

// Room for a typical recv; larger requests get a heap buffer.
constexpr std::size_t kStackBuffer = 64 * 1024;

bool bufsize_arg(ThreadState& ts, Value v, const char* fname, int64_t* out) {
    if (!obj_index(ts, v, out)) return false;
    if (*out < 0) {
        raise_fmt(ts, ts.exc_types().ValueError, "negative buffersize in {}", fname);
        return false;
    }
    return true;
}

// Receives up to n bytes into `buf`; -1 with an exception pending. With
// `from`, also the sender's address.
int64_t recv_some(ThreadState& ts, SocketObject* s, char* buf, std::size_t n, int64_t flags,
                  SockAddr* from) {
    WaitDeadline deadline(s->timeout);
    return sock_call(ts, s, POLLIN, deadline, [&]() -> int64_t {
        if (!from) return ::recv(s->fd, buf, n, nowait(s, flags));
        from->len = sizeof from->storage;
        return ::recvfrom(s->fd, buf, n, nowait(s, flags), from->ptr(), &from->len);
    });
}

// Runs `recv_some` into a stack or heap buffer and makes bytes of the result.
Value recv_bytes(ThreadState& ts, SocketObject* s, int64_t n, int64_t flags, SockAddr* from) {
    char small[kStackBuffer];
    std::string big;
    char* buf = small;
    if (static_cast<std::size_t>(n) > kStackBuffer) {
        big.resize(static_cast<std::size_t>(n));
        buf = big.data();
    }
    int64_t got = recv_some(ts, s, buf, static_cast<std::size_t>(n), flags, from);
    if (got < 0) return Value();
    return make_bytes(ts, std::string_view(buf, static_cast<std::size_t>(got)));
}

Value sock_recv(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "recv", 1, 2)) return Value();
    int64_t n, flags;
    if (!bufsize_arg(ts, args[1], "recv", &n) ||
        !flags_arg(ts, args.n > 2 ? args[2] : Value(), &flags)) {
        return Value();
    }
    return recv_bytes(ts, sock_obj(args[0]), n, flags, nullptr);
}

Value sock_recvfrom(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "recvfrom", 1, 2)) return Value();
    int64_t n, flags;
    if (!bufsize_arg(ts, args[1], "recvfrom", &n) ||
        !flags_arg(ts, args.n > 2 ? args[2] : Value(), &flags)) {
        return Value();
    }
    SockAddr from;
    Ref data(recv_bytes(ts, sock_obj(args[0]), n, flags, &from));
    if (!data) return Value();
    Ref addr(from.len == 0 ? Value::none() : sockaddr_to_python(ts, from.ptr(), from.len));
    if (!addr) return Value();
    return tuple_pack(ts, {*data, *addr});
}

// recv_into(buffer, nbytes=0, flags=0): buffer is any writable exporter
// (bytearray, memoryview, array). The export is held for the whole call, so
// the memory cannot move or shrink while the kernel writes into it.
Value sock_recv_into(ThreadState& ts, Args args) {
    Value buffer, nbytes, flagsv;
    if (!parse_args(ts, args.drop_first(), "recv_into", {"buffer", "|", "nbytes", "flags"},
                    {&buffer, &nbytes, &flagsv})) {
        return Value();
    }
    BufferRef buf;
    if (!has_buffer(ts, buffer) || !buf.get(ts, buffer, kBufWritable)) {
        if (ts.has_exception()) clear_exception(ts);
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "recv_into() argument 1 must be read-write bytes-like object, not {}",
                         type_name(ts, buffer));
    }
    int64_t n = 0, flags;
    if ((!nbytes.is_null() && !bufsize_arg(ts, nbytes, "recv_into", &n)) ||
        !flags_arg(ts, flagsv, &flags)) {
        return Value();
    }
    const auto size = static_cast<uint64_t>(buf.view().len);
    if (static_cast<uint64_t>(n) > size) {
        return raise(ts, ts.exc_types().ValueError, "buffer too small for requested bytes");
    }
    uint64_t want = n == 0 ? size : static_cast<uint64_t>(n);
    SocketObject* s = sock_obj(args[0]);
    WaitDeadline deadline(s->timeout);
    int64_t got = sock_call(ts, s, POLLIN, deadline, [&]() -> int64_t {
        return ::recv(s->fd, buf.view().buf, want, nowait(s, flags));
    });
    if (got < 0) return Value();
    return make_int(ts, got);
}

// Sends once (what the kernel takes); -1 with an exception pending.
// `d` is the caller's export of the data argument (bytes, bytearray,
// memoryview, array), held until the call returns so that a bytearray
// cannot change under the kernel.
int64_t send_some(ThreadState& ts, SocketObject* s, std::string_view d, std::size_t offset,
                  int64_t flags, const SockAddr* to, const WaitDeadline& deadline) {
    return sock_call(ts, s, POLLOUT, deadline, [&]() -> int64_t {
        const char* p = d.data() + offset;
        std::size_t n = d.size() - offset;
        int f = nowait(s, flags) | MSG_NOSIGNAL;
        return to ? ::sendto(s->fd, p, n, f, reinterpret_cast<const sockaddr*>(&to->storage),
                             to->len)
                  : ::send(s->fd, p, n, f);
    });
}

Value sock_send(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "send", 1, 2)) return Value();
    int64_t flags;
    BufferRef buf;
    if (!buf.get(ts, args[1]) || !flags_arg(ts, args.n > 2 ? args[2] : Value(), &flags))
        return Value();
    SocketObject* s = sock_obj(args[0]);
    int64_t sent = send_some(ts, s, buf.bytes(), 0, flags, nullptr, WaitDeadline(s->timeout));
    if (sent < 0) return Value();
    return make_int(ts, sent);
}

Value sock_sendall(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "sendall", 1, 2)) return Value();
    int64_t flags;
    BufferRef buf;
    if (!buf.get(ts, args[1]) || !flags_arg(ts, args.n > 2 ? args[2] : Value(), &flags))
        return Value();
    SocketObject* s = sock_obj(args[0]);
    WaitDeadline deadline(s->timeout);
    std::size_t offset = 0;
    while (offset < buf.bytes().size()) {
        int64_t sent = send_some(ts, s, buf.bytes(), offset, flags, nullptr, deadline);
        if (sent < 0) return Value();
        offset += static_cast<std::size_t>(sent);
        // Between chunks, as CPython: a signal handler may raise here.
        if (interrupt_pending(ts) && !run_pending_interrupts(ts)) return Value();
    }
    return Value::none();
}

// sendto(data, address) or sendto(data, flags, address).
Value sock_sendto(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "sendto", 2, 3)) return Value();
    int64_t flags = 0;
    Value addr = args[args.n - 1];
    BufferRef buf;
    if (!buf.get(ts, args[1]) || (args.n == 4 && !obj_index(ts, args[2], &flags))) return Value();
    SocketObject* s = sock_obj(args[0]);
    SockAddr to;
    if (!sockaddr_from_python(ts, s->family, addr, "sendto", &to)) return Value();
    int64_t sent = send_some(ts, s, buf.bytes(), 0, flags, &to, WaitDeadline(s->timeout));
    if (sent < 0) return Value();
    return make_int(ts, sent);
}

TypeObject* make_socket_type(Interpreter& interp) {
    TypeObject* t = type_alloc_builtin(interp, "socket", ObjKind::Native, sizeof(SocketObject),
                                       interp.types.object, kTypeBaseType);
    t->hdr.type = interp.types.type;
    t->new_ = sock_new;
    t->init = sock_init;
    t->dealloc = sock_dealloc;
    t->repr = sock_repr;
    // No owned Values (see random.cpp for why these are explicit no-ops).
    t->traverse = [](Object*, VisitFn, void*) {};
    t->clear = [](Object*) {};
    type_add_methods(interp, t, kSocketMethods);
    type_add_getsets(interp, t, kSocketGetSets);
    Ref mod(interp.intern("_socket"));
    type_set_attr_cstr(interp, t, "__module__", *mod);
    type_ready(interp, t);
    return t;
}

}  // namespace

Value raise_socket_timeout(ThreadState& ts) {
    return raise(ts, ts.exc_types().TimeoutError, "timed out");
}

TypeObject* socket_type(Interpreter& interp) {
    return module_state<TypeObject*>(interp, "_socket.socket",
                                     [&](TypeObject*& t) { t = make_socket_type(interp); });
}

}  // namespace gilt
