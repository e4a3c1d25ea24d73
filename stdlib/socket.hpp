// _socket: the native half of the socket module (stdlib/lib/socket.py adds
// the socket subclass with makefile, accept, create_connection, the
// AddressFamily / SocketKind names, ...).
//
// socket.cpp holds the socket object and its methods; socket_addr.cpp the
// conversions between Python addresses and sockaddr structures, name
// resolution and the module-level functions.
#pragma once

#include <sys/socket.h>

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"

namespace gilt {

// _socket.socket. `timeout` is the Python-level timeout in seconds: negative
// for None (blocking), 0 for non-blocking, else the limit for each call.
// The descriptor has O_NONBLOCK exactly when timeout >= 0 (CPython's rule);
// calls on a blocking socket try with MSG_DONTWAIT and then wait with
// poll() without the GIL (stdlib/wait_fd.hpp), so Ctrl-C interrupts them.
struct SocketObject {
    Object hdr;
    int fd;  // -1 once closed or detached
    int family;
    int type;
    int proto;
    double timeout;
};

inline SocketObject* sock_obj(Value v) noexcept {
    return reinterpret_cast<SocketObject*>(v.as_object());
}

// A sockaddr and its length.
struct SockAddr {
    sockaddr_storage storage{};
    socklen_t len = 0;
    sockaddr* ptr() noexcept { return reinterpret_cast<sockaddr*>(&storage); }
};

// Python address -> sockaddr for `family` (CPython's getsockaddrarg). Host
// names are resolved with getaddrinfo, the GIL released. `fname` names the
// caller in messages ("connect(): port must be 0-65535.").
[[nodiscard]] bool sockaddr_from_python(ThreadState& ts, int family, Value addr, const char* fname,
                                        SockAddr* out);
// sockaddr -> Python address: (host, port) for IPv4, (host, port, flowinfo,
// scope_id) for IPv6, the path for AF_UNIX (bytes for the abstract
// namespace, '' when unnamed).
Value sockaddr_to_python(ThreadState& ts, const sockaddr* sa, socklen_t len);

// socket.gaierror(code, gai_strerror(code)) (OSError if the module is gone).
Value raise_gaierror(ThreadState& ts, int code);
// TimeoutError('timed out'), what a socket's timeout raises.
Value raise_socket_timeout(ThreadState& ts);

// The default timeout new sockets get (setdefaulttimeout; negative: None).
double socket_default_timeout(Interpreter& interp);
void set_socket_default_timeout(Interpreter& interp, double t);

// Defines _socket.socket; the type is created once per interpreter.
TypeObject* socket_type(Interpreter& interp);
// Adds the module functions of socket_addr.cpp and the constants to `m`.
[[nodiscard]] bool socket_add_module_functions(ThreadState& ts, Value m);

}  // namespace gilt
