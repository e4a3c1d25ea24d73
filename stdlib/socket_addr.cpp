// _socket's addresses and module-level functions: Python address <->
// sockaddr (CPython's getsockaddrarg / makesockaddr), name resolution with
// the GIL released (getaddrinfo may talk to a DNS server), byte-order and
// text conversions, the default timeout, and the module's constants.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <string>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/bytes.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/float.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/module.hpp"
#include "runtime/module_state.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "stdlib/modules.hpp"
#include "stdlib/socket.hpp"

namespace gilt {

namespace {

Value socket_getaddrinfo(ThreadState& ts, Args args);
Value socket_gethostname(ThreadState& ts, Args args);
Value socket_gethostbyname(ThreadState& ts, Args args);
Value socket_inet_aton(ThreadState& ts, Args args);
Value socket_inet_ntoa(ThreadState& ts, Args args);
Value socket_inet_pton(ThreadState& ts, Args args);
Value socket_inet_ntop(ThreadState& ts, Args args);
Value socket_htons(ThreadState& ts, Args args);
Value socket_htonl(ThreadState& ts, Args args);
Value socket_getdefaulttimeout(ThreadState& ts, Args args);
Value socket_setdefaulttimeout(ThreadState& ts, Args args);
Value socket_socketpair_fds(ThreadState& ts, Args args);
Value socket_dup(ThreadState& ts, Args args);
Value socket_close(ThreadState& ts, Args args);

constexpr MethodDef kSocketFunctions[] = {
    {"getaddrinfo", socket_getaddrinfo},
    {"gethostname", socket_gethostname},
    {"gethostbyname", socket_gethostbyname},
    {"inet_aton", socket_inet_aton},
    {"inet_ntoa", socket_inet_ntoa},
    {"inet_pton", socket_inet_pton},
    {"inet_ntop", socket_inet_ntop},
    {"htons", socket_htons},
    {"ntohs", socket_htons},
    {"htonl", socket_htonl},
    {"ntohl", socket_htonl},
    {"getdefaulttimeout", socket_getdefaulttimeout},
    {"setdefaulttimeout", socket_setdefaulttimeout},
    {"_socketpair_fds", socket_socketpair_fds},
    {"dup", socket_dup},
    {"close", socket_close},
};

// --- errors ---

// An exception class of the _socket module (gaierror, herror), OSError if
// the module is not in sys.modules any more.
TypeObject* socket_error_type(ThreadState& ts, const char* name) {
    Value mod = dict_get_cstr(ts, ts.interp().modules, "_socket");
    if (!mod.is_null() && mod.is_object() && mod.as_object()->kind == ObjKind::Module) {
        Value t = dict_get_cstr(ts, module_dict(mod), name);
        if (!t.is_null() && t.is_object() && t.as_object()->kind == ObjKind::Type) {
            return reinterpret_cast<TypeObject*>(t.as_object());
        }
    }
    return ts.exc_types().OSError;
}

// --- text hosts ---

// A host argument as text: str, bytes or bytearray.
bool host_text(ThreadState& ts, Value v, std::string* out) {
    if (is_str(ts, v))
        *out = str_view(v);
    else if (is_bytes(v) || is_bytearray(v))
        *out = byteslike_data(v);
    else {
        raise_fmt(ts, ts.exc_types().TypeError, "str, bytes or bytearray expected, not {}",
                  type_name(ts, v));
        return false;
    }
    return true;
}

// Resolves `host` for `family` into `out` (CPython's setipaddr): '' is the
// wildcard address, '<broadcast>' the broadcast one, numeric addresses are
// parsed directly; anything else asks getaddrinfo with the GIL released.
bool resolve_host(ThreadState& ts, const std::string& host, int family, SockAddr* out) {
    if (family == AF_INET && (host.empty() || host == "<broadcast>")) {
        auto* in = reinterpret_cast<sockaddr_in*>(&out->storage);
        in->sin_family = AF_INET;
        in->sin_addr.s_addr = htonl(host.empty() ? INADDR_ANY : INADDR_BROADCAST);
        out->len = sizeof *in;
        return true;
    }
    addrinfo hints{};
    hints.ai_family = family;
    addrinfo* res = nullptr;
    int rc;
    {
        GilRelease released(ts);
        rc = ::getaddrinfo(host.empty() ? nullptr : host.c_str(), nullptr, &hints, &res);
    }
    if (rc != 0) {
        raise_gaierror(ts, rc);
        return false;
    }
    std::memcpy(&out->storage, res->ai_addr, res->ai_addrlen);
    out->len = res->ai_addrlen;
    ::freeaddrinfo(res);
    return true;
}

bool port_arg(ThreadState& ts, Value v, const char* fname, uint16_t* out) {
    int64_t port;
    if (!obj_index(ts, v, &port)) return false;
    if (port < 0 || port > 65535) {
        raise_fmt(ts, ts.exc_types().OverflowError, "{}(): port must be 0-65535.", fname);
        return false;
    }
    *out = static_cast<uint16_t>(port);
    return true;
}

bool inet_sockaddr(ThreadState& ts, int family, Value addr, const char* fname, SockAddr* out) {
    const char* fam = family == AF_INET ? "AF_INET" : "AF_INET6";
    if (!is_tuple(ts, addr)) {
        raise_fmt(ts, ts.exc_types().TypeError, "{}(): {} address must be tuple, not {}", fname,
                  fam, type_name(ts, addr));
        return false;
    }
    std::size_t n = tuple_size(addr);
    if (family == AF_INET ? n != 2 : (n < 2 || n > 4)) {
        if (family == AF_INET)
            raise(ts, ts.exc_types().TypeError, "AF_INET address must be a pair (host, port)");
        else
            raise(ts, ts.exc_types().TypeError,
                  "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])");
        return false;
    }
    std::string host;
    uint16_t port;
    int64_t flowinfo = 0, scope_id = 0;
    if (!host_text(ts, tuple_item(addr, 0), &host) ||
        !port_arg(ts, tuple_item(addr, 1), fname, &port))
        return false;
    if ((n > 2 && !obj_index(ts, tuple_item(addr, 2), &flowinfo)) ||
        (n > 3 && !obj_index(ts, tuple_item(addr, 3), &scope_id))) {
        return false;
    }
    if (flowinfo < 0 || flowinfo > 0xfffff) {
        raise_fmt(ts, ts.exc_types().OverflowError, "{}(): flowinfo must be 0-1048575.", fname);
        return false;
    }
    if (!resolve_host(ts, host, family, out)) return false;
    if (family == AF_INET) {
        reinterpret_cast<sockaddr_in*>(&out->storage)->sin_port = htons(port);
    } else {
        auto* in6 = reinterpret_cast<sockaddr_in6*>(&out->storage);
        in6->sin6_port = htons(port);
        in6->sin6_flowinfo = htonl(static_cast<uint32_t>(flowinfo));
        in6->sin6_scope_id = static_cast<uint32_t>(scope_id);
    }
    return true;
}

bool unix_sockaddr(ThreadState& ts, Value addr, SockAddr* out) {
    std::string path;
    if (is_str(ts, addr))
        path = str_view(addr);
    else if (is_bytes(addr) || is_bytearray(addr))
        path = byteslike_data(addr);
    else {
        raise_fmt(ts, ts.exc_types().TypeError, "a bytes-like object is required, not '{}'",
                  type_name(ts, addr));
        return false;
    }
    auto* un = reinterpret_cast<sockaddr_un*>(&out->storage);
    if (path.size() >= sizeof un->sun_path) {
        raise(ts, ts.exc_types().OSError, "AF_UNIX path too long");
        return false;
    }
    un->sun_family = AF_UNIX;
    std::memcpy(un->sun_path, path.data(), path.size());
    // An abstract name (leading NUL) is exactly its bytes; a path is NUL-terminated.
    bool abstract = !path.empty() && path[0] == '\0';
    out->len =
        static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + path.size() + (abstract ? 0 : 1));
    return true;
}

Value make_ip_text(ThreadState& ts, int family, const void* addr) {
    char buf[INET6_ADDRSTRLEN];
    if (!::inet_ntop(family, addr, buf, sizeof buf)) return raise_os_error(ts, errno);
    return make_str(ts, buf);
}

// --- module functions ---

// A port argument of getaddrinfo: None, an int or a service name.
bool service_arg(ThreadState& ts, Value v, std::string* out, bool* none) {
    *none = v.is_none();
    if (*none) return true;
    if (is_int(v)) {
        int64_t p;
        if (!obj_index(ts, v, &p)) return false;
        *out = std::to_string(p);
        return true;
    }
    if (is_str(ts, v) || is_bytes(v)) {
        *out = is_str(ts, v) ? std::string(str_view(v)) : std::string(bytes_view(v));
        return true;
    }
    raise(ts, ts.exc_types().OSError, "Int or String expected");
    return false;
}

Value addrinfo_list(ThreadState& ts, const addrinfo* res) {
    Ref list(list_new(ts));
    for (const addrinfo* ai = res; list && ai; ai = ai->ai_next) {
        Ref addr(sockaddr_to_python(ts, ai->ai_addr, ai->ai_addrlen));
        Ref canon(make_str(ts, ai->ai_canonname ? ai->ai_canonname : ""));
        if (!addr || !canon) return Value();
        Value item =
            tuple_pack(ts, {Value::small_int(ai->ai_family), Value::small_int(ai->ai_socktype),
                            Value::small_int(ai->ai_protocol), *canon, *addr});
        if (item.is_null() || !list_append_steal(ts, *list, item)) return Value();
    }
    return list.release();
}

// getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)
Value socket_getaddrinfo(ThreadState& ts, Args args) {
    Value host, port, fam, typ, pro, fl;
    if (!parse_args(ts, args, "getaddrinfo",
                    {"host", "port", "|", "family", "type", "proto", "flags"},
                    {&host, &port, &fam, &typ, &pro, &fl})) {
        return Value();
    }
    int64_t v[4] = {0, 0, 0, 0};
    Value opt[4] = {fam, typ, pro, fl};
    for (int i = 0; i < 4; ++i) {
        if (!opt[i].is_null() && !obj_index(ts, opt[i], &v[i])) return Value();
    }
    std::string h, service;
    bool no_host = host.is_none(), no_port;
    if ((!no_host && !host_text(ts, host, &h)) || !service_arg(ts, port, &service, &no_port))
        return Value();
    addrinfo hints{};
    hints.ai_family = static_cast<int>(v[0]);
    hints.ai_socktype = static_cast<int>(v[1]);
    hints.ai_protocol = static_cast<int>(v[2]);
    hints.ai_flags = static_cast<int>(v[3]);
    addrinfo* res = nullptr;
    int rc;
    {
        GilRelease released(ts);
        rc = ::getaddrinfo(no_host ? nullptr : h.c_str(), no_port ? nullptr : service.c_str(),
                           &hints, &res);
    }
    if (rc != 0) return raise_gaierror(ts, rc);
    Value list = addrinfo_list(ts, res);
    ::freeaddrinfo(res);
    return list;
}

Value socket_gethostname(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "gethostname", 0, 0)) return Value();
    char buf[256];
    if (::gethostname(buf, sizeof buf) < 0) return raise_os_error(ts, errno);
    buf[sizeof buf - 1] = '\0';
    return make_str(ts, buf);
}

Value socket_gethostbyname(ThreadState& ts, Args args) {
    std::string host;
    if (!check_nargs(ts, args, "gethostbyname", 1, 1) || !host_text(ts, args[0], &host))
        return Value();
    SockAddr a;
    if (!resolve_host(ts, host, AF_INET, &a)) return Value();
    return make_ip_text(ts, AF_INET, &reinterpret_cast<sockaddr_in*>(&a.storage)->sin_addr);
}

Value socket_inet_aton(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "inet_aton", 1, 1)) return Value();
    if (!is_str(ts, args[0])) {
        return raise_fmt(ts, ts.exc_types().TypeError, "inet_aton() argument 1 must be str, not {}",
                         type_name(ts, args[0]));
    }
    in_addr a;
    if (::inet_aton(std::string(str_view(args[0])).c_str(), &a) == 0) {
        return raise(ts, ts.exc_types().OSError, "illegal IP address string passed to inet_aton");
    }
    return make_bytes(ts, std::string_view(reinterpret_cast<const char*>(&a), 4));
}

Value socket_inet_ntoa(ThreadState& ts, Args args) {
    std::string_view packed;
    if (!check_nargs(ts, args, "inet_ntoa", 1, 1) || !bytes_like_view(ts, args[0], &packed))
        return Value();
    if (packed.size() != 4)
        return raise(ts, ts.exc_types().OSError, "packed IP wrong length for inet_ntoa");
    return make_ip_text(ts, AF_INET, packed.data());
}

Value socket_inet_pton(ThreadState& ts, Args args) {
    int64_t family;
    if (!check_nargs(ts, args, "inet_pton", 2, 2) || !obj_index(ts, args[0], &family))
        return Value();
    if (!is_str(ts, args[1])) {
        return raise_fmt(ts, ts.exc_types().TypeError, "inet_pton() argument 2 must be str, not {}",
                         type_name(ts, args[1]));
    }
    unsigned char buf[sizeof(in6_addr)];
    int rc = ::inet_pton(static_cast<int>(family), std::string(str_view(args[1])).c_str(), buf);
    if (rc < 0) return raise_os_error(ts, errno);
    if (rc == 0)
        return raise(ts, ts.exc_types().OSError, "illegal IP address string passed to inet_pton");
    return make_bytes(
        ts, std::string_view(reinterpret_cast<const char*>(buf), family == AF_INET ? 4 : 16));
}

Value socket_inet_ntop(ThreadState& ts, Args args) {
    int64_t family;
    std::string_view packed;
    if (!check_nargs(ts, args, "inet_ntop", 2, 2) || !obj_index(ts, args[0], &family) ||
        !bytes_like_view(ts, args[1], &packed)) {
        return Value();
    }
    if (family != AF_INET && family != AF_INET6)
        return raise(ts, ts.exc_types().ValueError, "unknown address family");
    if (packed.size() != (family == AF_INET ? 4u : 16u)) {
        return raise(ts, ts.exc_types().ValueError, "invalid length of packed IP address string");
    }
    return make_ip_text(ts, static_cast<int>(family), packed.data());
}

Value socket_htons(ThreadState& ts, Args args) {
    int64_t x;
    if (!check_nargs(ts, args, "htons", 1, 1) || !obj_index(ts, args[0], &x)) return Value();
    if (x < 0)
        return raise(ts, ts.exc_types().OverflowError,
                     "htons: can't convert negative Python int to C 16-bit unsigned integer");
    if (x > 0xffff)
        return raise(ts, ts.exc_types().OverflowError,
                     "htons: Python int too large to convert to C 16-bit unsigned integer");
    return make_int(ts, htons(static_cast<uint16_t>(x)));
}

Value socket_htonl(ThreadState& ts, Args args) {
    int64_t x;
    if (!check_nargs(ts, args, "htonl", 1, 1) || !obj_index(ts, args[0], &x)) return Value();
    if (x < 0)
        return raise(ts, ts.exc_types().OverflowError,
                     "can't convert negative value to unsigned int");
    if (x > 0xffffffffLL) return raise(ts, ts.exc_types().OverflowError, "int larger than 32 bits");
    return make_int(ts, htonl(static_cast<uint32_t>(x)));
}

Value socket_getdefaulttimeout(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "getdefaulttimeout", 0, 0)) return Value();
    double t = socket_default_timeout(ts.interp());
    return t < 0 ? Value::none() : make_float(ts, t);
}

Value socket_setdefaulttimeout(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "setdefaulttimeout", 1, 1)) return Value();
    double t = -1;
    if (!args[0].is_none()) {
        if (!time_arg_seconds(ts, args[0], 1e9, &t)) return Value();
        if (t < 0) return raise(ts, ts.exc_types().ValueError, "Timeout value out of range");
    }
    set_socket_default_timeout(ts.interp(), t);
    return Value::none();
}

// _socketpair_fds(family, type, proto) -> (fd, fd); socket.py wraps them.
Value socket_socketpair_fds(ThreadState& ts, Args args) {
    int64_t v[3];
    if (!check_nargs(ts, args, "_socketpair_fds", 3, 3)) return Value();
    for (int i = 0; i < 3; ++i) {
        if (!obj_index(ts, args[i], &v[i])) return Value();
    }
    int fds[2];
    if (::socketpair(static_cast<int>(v[0]), static_cast<int>(v[1]) | SOCK_CLOEXEC,
                     static_cast<int>(v[2]), fds) < 0) {
        return raise_os_error(ts, errno);
    }
    return tuple_pack(ts, {Value::small_int(fds[0]), Value::small_int(fds[1])});
}

Value socket_dup(ThreadState& ts, Args args) {
    int64_t fd;
    if (!check_nargs(ts, args, "dup", 1, 1) || !obj_index(ts, args[0], &fd)) return Value();
    int r = ::fcntl(static_cast<int>(fd), F_DUPFD_CLOEXEC, 0);
    if (r < 0) return raise_os_error(ts, errno);
    return make_int(ts, r);
}

Value socket_close(ThreadState& ts, Args args) {
    int64_t fd;
    if (!check_nargs(ts, args, "close", 1, 1) || !obj_index(ts, args[0], &fd)) return Value();
    if (::close(static_cast<int>(fd)) < 0 && errno != ECONNRESET) return raise_os_error(ts, errno);
    return Value::none();
}

struct IntConst {
    const char* name;
    int64_t value;
};

constexpr IntConst kSocketConstants[] = {
    {"AF_UNSPEC", AF_UNSPEC},
    {"AF_INET", AF_INET},
    {"AF_INET6", AF_INET6},
    {"AF_UNIX", AF_UNIX},
    {"SOCK_STREAM", SOCK_STREAM},
    {"SOCK_DGRAM", SOCK_DGRAM},
    {"SOCK_RAW", SOCK_RAW},
    {"SOCK_SEQPACKET", SOCK_SEQPACKET},
    {"SOCK_NONBLOCK", SOCK_NONBLOCK},
    {"SOCK_CLOEXEC", SOCK_CLOEXEC},
    {"SOL_SOCKET", SOL_SOCKET},
    {"SO_REUSEADDR", SO_REUSEADDR},
    {"SO_REUSEPORT", SO_REUSEPORT},
    {"SO_KEEPALIVE", SO_KEEPALIVE},
    {"SO_RCVBUF", SO_RCVBUF},
    {"SO_SNDBUF", SO_SNDBUF},
    {"SO_ERROR", SO_ERROR},
    {"SO_TYPE", SO_TYPE},
    {"SO_BROADCAST", SO_BROADCAST},
    {"SO_LINGER", SO_LINGER},
    {"SO_RCVLOWAT", SO_RCVLOWAT},
    {"SO_SNDLOWAT", SO_SNDLOWAT},
    {"SO_ACCEPTCONN", SO_ACCEPTCONN},
    {"IPPROTO_IP", IPPROTO_IP},
    {"IPPROTO_TCP", IPPROTO_TCP},
    {"IPPROTO_UDP", IPPROTO_UDP},
    {"IPPROTO_IPV6", IPPROTO_IPV6},
    {"IPV6_V6ONLY", IPV6_V6ONLY},
    {"TCP_NODELAY", TCP_NODELAY},
    {"TCP_KEEPIDLE", TCP_KEEPIDLE},
    {"TCP_KEEPINTVL", TCP_KEEPINTVL},
    {"TCP_KEEPCNT", TCP_KEEPCNT},
    {"SHUT_RD", SHUT_RD},
    {"SHUT_WR", SHUT_WR},
    {"SHUT_RDWR", SHUT_RDWR},
    {"SOMAXCONN", SOMAXCONN},
    {"MSG_PEEK", MSG_PEEK},
    {"MSG_DONTWAIT", MSG_DONTWAIT},
    {"MSG_WAITALL", MSG_WAITALL},
    {"MSG_OOB", MSG_OOB},
    {"MSG_NOSIGNAL", MSG_NOSIGNAL},
    {"AI_PASSIVE", AI_PASSIVE},
    {"AI_CANONNAME", AI_CANONNAME},
    {"AI_NUMERICHOST", AI_NUMERICHOST},
    {"AI_NUMERICSERV", AI_NUMERICSERV},
    {"AI_ADDRCONFIG", AI_ADDRCONFIG},
    {"AI_V4MAPPED", AI_V4MAPPED},
    {"AI_ALL", AI_ALL},
    {"NI_NUMERICHOST", NI_NUMERICHOST},
    {"NI_NUMERICSERV", NI_NUMERICSERV},
    {"EAI_NONAME", EAI_NONAME},
    {"EAI_AGAIN", EAI_AGAIN},
    {"EAI_FAIL", EAI_FAIL},
    {"EAI_FAMILY", EAI_FAMILY},
    {"EAI_SERVICE", EAI_SERVICE},
    {"INADDR_ANY", INADDR_ANY},
    {"INADDR_LOOPBACK", INADDR_LOOPBACK},
    {"INADDR_BROADCAST", INADDR_BROADCAST},
};

}  // namespace

// --- addresses ---

bool sockaddr_from_python(ThreadState& ts, int family, Value addr, const char* fname,
                          SockAddr* out) {
    *out = SockAddr{};
    switch (family) {
        case AF_INET:
        case AF_INET6:
            return inet_sockaddr(ts, family, addr, fname, out);
        case AF_UNIX:
            return unix_sockaddr(ts, addr, out);
        default:
            raise_fmt(ts, ts.exc_types().OSError, "{}(): bad family", fname);
            return false;
    }
}

Value sockaddr_to_python(ThreadState& ts, const sockaddr* sa, socklen_t len) {
    switch (sa->sa_family) {
        case AF_INET: {
            auto* in = reinterpret_cast<const sockaddr_in*>(sa);
            Ref host(make_ip_text(ts, AF_INET, &in->sin_addr));
            if (!host) return Value();
            return tuple_pack(ts, {*host, Value::small_int(ntohs(in->sin_port))});
        }
        case AF_INET6: {
            auto* in6 = reinterpret_cast<const sockaddr_in6*>(sa);
            Ref host(make_ip_text(ts, AF_INET6, &in6->sin6_addr));
            Ref flow(make_int_u64(ts, ntohl(in6->sin6_flowinfo)));
            Ref scope(make_int_u64(ts, in6->sin6_scope_id));
            if (!host || !flow || !scope) return Value();
            return tuple_pack(ts, {*host, Value::small_int(ntohs(in6->sin6_port)), *flow, *scope});
        }
        case AF_UNIX: {
            auto* un = reinterpret_cast<const sockaddr_un*>(sa);
            std::size_t n =
                len > offsetof(sockaddr_un, sun_path) ? len - offsetof(sockaddr_un, sun_path) : 0;
            std::string_view path(un->sun_path, n);
            if (!path.empty() && path[0] == '\0')
                return make_bytes(ts, path);  // the abstract namespace
            return make_str(ts, path.substr(0, path.find('\0')));
        }
        default:
            return tuple_pack(ts, {Value::small_int(sa->sa_family), Value::none()});
    }
}

Value raise_gaierror(ThreadState& ts, int code) {
    if (code == EAI_SYSTEM) return raise_os_error(ts, errno);
    Ref num(make_int(ts, code));
    Ref msg(make_str(ts, ::gai_strerror(code)));
    if (!num || !msg) return Value();
    Ref exc(call_n(ts, val(socket_error_type(ts, "gaierror")), {*num, *msg}));
    if (!exc) return Value();
    return raise_instance(ts, exc.release());
}

double socket_default_timeout(Interpreter& interp) {
    double* t = find_module_state<double>(interp, "_socket.defaulttimeout");
    return t ? *t : -1.0;
}

void set_socket_default_timeout(Interpreter& interp, double t) {
    module_state<double>(interp, "_socket.defaulttimeout") = t;
}

bool socket_add_module_functions(ThreadState& ts, Value m) {
    if (!module_add_functions(ts, m, kSocketFunctions)) return false;
    for (const IntConst& c : kSocketConstants) {
        if (!module_add_steal(ts, m, c.name, make_int(ts, c.value))) return false;
    }
    return module_add_value(ts, m, "has_ipv6", Value::true_());
}

Value init_socket_module(ThreadState& ts) {
    Ref m(module_new(ts, "_socket"));
    if (!m || !socket_add_module_functions(ts, *m)) return Value();
    TypeObject* t = socket_type(ts.interp());
    if (!module_add_value(ts, *m, "socket", val(t)) ||
        !module_add_value(ts, *m, "SocketType", val(t)) ||
        !module_add_value(ts, *m, "error", val(ts.exc_types().OSError)) ||
        !module_add_value(ts, *m, "timeout", val(ts.exc_types().TimeoutError)) ||
        !module_add_steal(
            ts, *m, "gaierror",
            make_exception_class(ts, "socket", "gaierror", val(ts.exc_types().OSError))) ||
        !module_add_steal(
            ts, *m, "herror",
            make_exception_class(ts, "socket", "herror", val(ts.exc_types().OSError)))) {
        return Value();
    }
    return m.release();
}

}  // namespace gilt
