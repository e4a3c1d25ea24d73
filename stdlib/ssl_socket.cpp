// _ssl._SSLSocket: one TLS connection over a socket's descriptor.
//
// Blocking follows the socket's own timeout (stdlib/socket.hpp). OpenSSL
// itself never blocks: a socket with a timeout is O_NONBLOCK already, and a
// blocking one (no timeout) is made O_NONBLOCK for the length of each call
// (NonBlockingScope). When OpenSSL needs the peer it returns
// SSL_ERROR_WANT_READ/WRITE and we wait for the descriptor with wait_fd
// (GIL released, Ctrl-C honoured on the main thread) until the deadline,
// none for a blocking socket, then try again; a timeout of 0 raises
// SSLWantReadError or SSLWantWriteError at once. This is CPython's
// sock_call loop in _ssl.c, except that CPython lets OpenSSL block in the
// kernel on a blocking socket, where Ctrl-C cannot reach it.
//
// Every SSL_* call runs with the GIL released (handshakes cost
// milliseconds of public-key arithmetic). An SSL object is not safe for two
// threads at once; as in CPython, a script must not read one SSLSocket from
// two threads concurrently.
#include <fcntl.h>
#include <openssl/err.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <poll.h>

#include <cerrno>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/buffer.hpp"
#include "runtime/bytes.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/gil.hpp"
#include "runtime/heap.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "runtime/type.hpp"
#include "stdlib/socket.hpp"
#include "stdlib/ssl_module.hpp"
#include "stdlib/wait_fd.hpp"

namespace gilt {

namespace {

// The line numbers CPython's messages carry, "(_ssl.c:1006)": kept so
// that messages read exactly as CPython 3.11's.
constexpr int kLineHandshake = 1006;
constexpr int kLineRead = 2578;
constexpr int kLineWrite = 2449;
constexpr int kLineShutdown = 2778;

SslSocketObject* ssl_obj(Value v) {
    return reinterpret_cast<SslSocketObject*>(v.as_object());
}

// What an I/O call is doing, for its messages.
struct IoKind {
    const char* timeout_message;
    int line;
};
constexpr IoKind kHandshake{"_ssl.c:989: The handshake operation timed out", kLineHandshake};
constexpr IoKind kRead{"The read operation timed out", kLineRead};
constexpr IoKind kWrite{"The write operation timed out", kLineWrite};
constexpr IoKind kShutdown{"The read operation timed out", kLineShutdown};

// The hostname or IP address a failed verification was about.
std::string expected_peer(SSL* ssl, bool* is_ip) {
    X509_VERIFY_PARAM* param = SSL_get0_param(ssl);
    *is_ip = false;
    if (const char* host = X509_VERIFY_PARAM_get0_host(param, 0)) return host;
    char* ip = X509_VERIFY_PARAM_get1_ip_asc(param);
    if (!ip) return {};
    std::string out(ip);
    OPENSSL_free(ip);
    *is_ip = true;
    return out;
}

// SSLCertVerificationError with CPython's message and verify_code /
// verify_message attributes.
Value raise_verify_error(ThreadState& ts, SSL* ssl, int line) {
    ERR_clear_error();
    long code = SSL_get_verify_result(ssl);
    std::string detail;
    if (code == X509_V_ERR_HOSTNAME_MISMATCH || code == X509_V_ERR_IP_ADDRESS_MISMATCH) {
        bool is_ip = false;
        std::string peer = expected_peer(ssl, &is_ip);
        detail = fmt::format("{} mismatch, certificate is not valid for '{}'.",
                             is_ip ? "IP address" : "Hostname", peer);
    } else {
        detail = X509_verify_cert_error_string(code);
    }
    std::string message = fmt::format(
        "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: {} (_ssl.c:{})", detail, line);
    const SslErrors& e = ssl_state(ts.interp()).errors;
    Ref exc(make_ssl_error(ts, e.cert_verify, kSslErrorSsl, message, "CERTIFICATE_VERIFY_FAILED",
                           "SSL"));
    Ref code_v(make_int(ts, code));
    Ref msg_v(make_str(ts, detail));
    Ref code_name(ts.interp().intern("verify_code"));
    Ref msg_name(ts.interp().intern("verify_message"));
    if (!exc || !code_v || !msg_v || obj_setattr(ts, *exc, *code_name, *code_v) < 0 ||
        obj_setattr(ts, *exc, *msg_name, *msg_v) < 0)
        return Value();
    return raise_instance(ts, exc.release());
}

// Raises the exception for SSL_get_error's `err` after a call returned `ret`.
Value raise_io_error(ThreadState& ts, SSL* ssl, int err, int ret, int saved_errno, int line) {
    const SslErrors& e = ssl_state(ts.interp()).errors;
    switch (err) {
        case SSL_ERROR_ZERO_RETURN:
            return raise_ssl_error(
                ts, e.zero_return, kSslErrorZeroReturn,
                fmt::format("TLS/SSL connection has been closed (EOF) (_ssl.c:{})", line), nullptr,
                nullptr);
        case SSL_ERROR_WANT_READ:
            return raise_ssl_error(
                ts, e.want_read, kSslErrorWantRead,
                fmt::format("The operation did not complete (read) (_ssl.c:{})", line), nullptr,
                nullptr);
        case SSL_ERROR_WANT_WRITE:
            return raise_ssl_error(
                ts, e.want_write, kSslErrorWantWrite,
                fmt::format("The operation did not complete (write) (_ssl.c:{})", line), nullptr,
                nullptr);
        case SSL_ERROR_SYSCALL:
            if (ERR_peek_error() == 0) {
                if (ret == 0 || saved_errno == 0)
                    return raise_ssl_error(
                        ts, e.eof, kSslErrorEof,
                        fmt::format("EOF occurred in violation of protocol (_ssl.c:{})", line),
                        nullptr, nullptr);
                return raise_os_error(ts, saved_errno);
            }
            break;
        default:
            break;
    }
    unsigned long last = ERR_peek_last_error();
    if (ERR_GET_LIB(last) == ERR_LIB_SSL && ERR_GET_REASON(last) == SSL_R_CERTIFICATE_VERIFY_FAILED)
        return raise_verify_error(ts, ssl, line);
    return raise_ssl_from_queue(ts, line);
}

// The socket argument of an I/O method: its descriptor and timeout.
bool socket_arg(ThreadState& ts, Value sock, int* fd, double* timeout) {
    if (!is_instance_of(ts, sock, socket_type(ts.interp()))) {
        raise(ts, ts.exc_types().TypeError, "an _socket.socket is required");
        return false;
    }
    SocketObject* s = sock_obj(sock);
    if (s->fd < 0) {
        raise_os_error(ts, EBADF);
        return false;
    }
    *fd = s->fd;
    *timeout = s->timeout;
    return true;
}

// Runs `op` (an SSL_* call on the socket) until it succeeds: returns its
// positive result, or 0 for a clean close when `zero_ok` (the peer's
// close_notify, or EOF while reading), or -1 with an exception pending.
// O_NONBLOCK on a blocking socket's descriptor while one call runs, put
// back after it, so the socket's plain methods see their own mode.
class NonBlockingScope {
public:
    NonBlockingScope(int fd, bool needed) : m_fd(needed ? fd : -1) {
        if (m_fd < 0) return;
        m_flags = ::fcntl(m_fd, F_GETFL);
        if (m_flags < 0 || (m_flags & O_NONBLOCK) ||
            ::fcntl(m_fd, F_SETFL, m_flags | O_NONBLOCK) < 0)
            m_fd = -1;
    }
    ~NonBlockingScope() {
        if (m_fd >= 0) ::fcntl(m_fd, F_SETFL, m_flags);
    }
    NonBlockingScope(const NonBlockingScope&) = delete;
    NonBlockingScope& operator=(const NonBlockingScope&) = delete;

private:
    int m_fd;
    int m_flags = 0;
};

template <class Op>
int run_io(ThreadState& ts, SslSocketObject* s, Value sock, const IoKind& kind, bool zero_ok,
           Op op) {
    int fd = -1;
    double timeout = -1;
    if (!socket_arg(ts, sock, &fd, &timeout)) return -1;
    WaitDeadline deadline(timeout);
    NonBlockingScope nonblocking(fd, timeout < 0);
    for (;;) {
        int ret = 0, err = SSL_ERROR_NONE, saved_errno = 0;
        {
            GilRelease released(ts);
            ERR_clear_error();
            errno = 0;
            ret = op(s->ssl);
            if (ret <= 0) {
                err = SSL_get_error(s->ssl, ret);
                saved_errno = errno;
            }
        }
        if (ret > 0) return ret;
        if (zero_ok && err == SSL_ERROR_ZERO_RETURN) return 0;
        if (err == SSL_ERROR_WANT_READ || err == SSL_ERROR_WANT_WRITE) {
            if (timeout == 0) {
                raise_io_error(ts, s->ssl, err, ret, saved_errno, kind.line);
                return -1;
            }
            int ready = wait_fd(ts, fd, err == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT, deadline);
            if (ready < 0) return -1;
            if (ready == 0) {
                raise(ts, ts.exc_types().TimeoutError, kind.timeout_message);
                return -1;
            }
            continue;
        }
        raise_io_error(ts, s->ssl, err, ret, saved_errno, kind.line);
        return -1;
    }
}

// --- the methods ---

Value sslsock_do_handshake(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "do_handshake", "do_handshake", 1, 1)) return Value();
    SslSocketObject* s = ssl_obj(args[0]);
    if (run_io(ts, s, args[1], kHandshake, false, [](SSL* ssl) { return SSL_do_handshake(ssl); }) <
        0)
        return Value();
    s->handshake_done = true;
    return Value::none();
}

// read(sock, n): up to n bytes; b'' once the peer has closed the TLS session.
Value sslsock_read(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "read", "read", 2, 2)) return Value();
    int64_t n = 0;
    if (!obj_index(ts, args[2], &n)) return Value();
    if (n < 0) return raise(ts, ts.exc_types().ValueError, "size should not be negative");
    std::string buffer(static_cast<size_t>(n), '\0');
    if (n == 0) return make_bytes(ts, {});
    SslSocketObject* s = ssl_obj(args[0]);
    int got = run_io(ts, s, args[1], kRead, true, [&](SSL* ssl) {
        size_t count = 0;
        int ok = SSL_read_ex(ssl, buffer.data(), buffer.size(), &count);
        return ok == 1 ? static_cast<int>(count) : ok;
    });
    if (got < 0) return Value();
    return make_bytes(ts, std::string_view(buffer.data(), static_cast<size_t>(got)));
}

// write(sock, data): the number of bytes written (all of them, as OpenSSL
// writes whole records without SSL_MODE_ENABLE_PARTIAL_WRITE).
Value sslsock_write(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "write", "write", 2, 2)) return Value();
    std::string_view view;
    if (!bytes_like_view(ts, args[2], &view)) return Value();
    std::string copy(view);  // the GIL is released while OpenSSL reads it
    if (copy.empty()) return make_int(ts, 0);
    SslSocketObject* s = ssl_obj(args[0]);
    int sent = run_io(ts, s, args[1], kWrite, false, [&](SSL* ssl) {
        size_t count = 0;
        int ok = SSL_write_ex(ssl, copy.data(), copy.size(), &count);
        return ok == 1 ? static_cast<int>(count) : ok;
    });
    if (sent < 0) return Value();
    return make_int(ts, sent);
}

Value sslsock_pending(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "pending", "pending", 0, 0)) return Value();
    return make_int(ts, SSL_pending(ssl_obj(args[0])->ssl));
}

// shutdown(sock): sends close_notify and waits for the peer's.
Value sslsock_shutdown(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "shutdown", "shutdown", 1, 1)) return Value();
    SslSocketObject* s = ssl_obj(args[0]);
    for (int attempt = 0; attempt < 2; ++attempt) {
        int r = run_io(ts, s, args[1], kShutdown, true, [](SSL* ssl) {
            int ret = SSL_shutdown(ssl);
            return ret == 0 ? 2 : ret;  // 0: ours sent, theirs not yet seen
        });
        if (r < 0) return Value();
        if (r != 2) break;
    }
    return Value::none();
}

Value sslsock_version(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "version", "version", 0, 0)) return Value();
    SslSocketObject* s = ssl_obj(args[0]);
    if (!s->handshake_done) return Value::none();
    return make_str(ts, SSL_get_version(s->ssl));
}

Value sslsock_cipher(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "cipher", "cipher", 0, 0)) return Value();
    const SSL_CIPHER* c = SSL_get_current_cipher(ssl_obj(args[0])->ssl);
    if (!c) return Value::none();
    Ref name(make_str(ts, SSL_CIPHER_get_name(c)));
    Ref version(make_str(ts, SSL_CIPHER_get_version(c)));
    Ref bits(make_int(ts, SSL_CIPHER_get_bits(c, nullptr)));
    if (!name || !version || !bits) return Value();
    return tuple_pack(ts, {*name, *version, *bits});
}

// --- certificates as CPython's getpeercert() shows them ---

Value asn1_string(ThreadState& ts, const ASN1_STRING* s) {
    unsigned char* utf8 = nullptr;
    int n = ASN1_STRING_to_UTF8(&utf8, s);
    if (n < 0) return make_str(ts, "");
    Value out =
        make_str(ts, std::string_view(reinterpret_cast<char*>(utf8), static_cast<size_t>(n)));
    OPENSSL_free(utf8);
    return out;
}

// ((('commonName', 'x'),), (('organizationName', 'y'),)): one tuple per
// relative distinguished name, each a tuple of (long name, value) pairs.
Value name_tuple(ThreadState& ts, const X509_NAME* name) {
    Ref rdns(list_new(ts, 0));
    Ref current(list_new(ts, 0));
    if (!rdns || !current) return Value();
    int last_set = -1;
    int count = X509_NAME_entry_count(name);
    for (int i = 0; i < count; ++i) {
        const X509_NAME_ENTRY* entry = X509_NAME_get_entry(name, i);
        int set = X509_NAME_ENTRY_set(entry);
        if (set != last_set && list_size(*current) > 0) {
            Ref rdn(tuple_from_iterable(ts, *current));
            if (!rdn || !list_append(ts, *rdns, *rdn)) return Value();
            current = Ref(list_new(ts, 0));
            if (!current) return Value();
        }
        last_set = set;
        const ASN1_OBJECT* obj = X509_NAME_ENTRY_get_object(entry);
        const char* long_name = OBJ_nid2ln(OBJ_obj2nid(obj));
        char buf[128];
        if (!long_name) {
            OBJ_obj2txt(buf, sizeof buf, obj, 1);
            long_name = buf;
        }
        Ref key(make_str(ts, long_name));
        Ref value(asn1_string(ts, X509_NAME_ENTRY_get_data(entry)));
        if (!key || !value) return Value();
        Ref pair(tuple_pack(ts, {*key, *value}));
        if (!pair || !list_append(ts, *current, *pair)) return Value();
    }
    if (list_size(*current) > 0) {
        Ref rdn(tuple_from_iterable(ts, *current));
        if (!rdn || !list_append(ts, *rdns, *rdn)) return Value();
    }
    return tuple_from_iterable(ts, *rdns);
}

// 'Dec  7 12:45:10 2026 GMT', as ASN1_TIME_print writes it.
Value asn1_time(ThreadState& ts, const ASN1_TIME* t) {
    BIO* bio = BIO_new(BIO_s_mem());
    ASN1_TIME_print(bio, t);
    char* data = nullptr;
    long n = BIO_get_mem_data(bio, &data);
    Value out = make_str(ts, std::string_view(data, static_cast<size_t>(n)));
    BIO_free(bio);
    return out;
}

Value serial_hex(ThreadState& ts, const ASN1_INTEGER* serial) {
    BIGNUM* bn = ASN1_INTEGER_to_BN(serial, nullptr);
    char* hex = BN_bn2hex(bn);
    Value out = make_str(ts, hex);
    OPENSSL_free(hex);
    BN_free(bn);
    return out;
}

// (('DNS', 'localhost'), ('IP Address', '127.0.0.1')), or null (no error)
// when the certificate has no subjectAltName.
Value alt_names(ThreadState& ts, X509* cert, bool* error) {
    *error = false;
    auto* names =
        static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr));
    if (!names) return Value();
    Ref out(list_new(ts, 0));
    for (int i = 0; out && i < sk_GENERAL_NAME_num(names); ++i) {
        const GENERAL_NAME* n = sk_GENERAL_NAME_value(names, i);
        const char* kind = nullptr;
        Ref value;
        if (n->type == GEN_DNS || n->type == GEN_EMAIL || n->type == GEN_URI) {
            kind = n->type == GEN_DNS ? "DNS" : n->type == GEN_EMAIL ? "email" : "URI";
            value = Ref(asn1_string(ts, n->d.ia5));
        } else if (n->type == GEN_IPADD) {
            kind = "IP Address";
            const ASN1_OCTET_STRING* ip = n->d.ip;
            char text[64];
            if (ip->length == 4) {
                std::snprintf(text, sizeof text, "%d.%d.%d.%d", ip->data[0], ip->data[1],
                              ip->data[2], ip->data[3]);
            } else {
                std::string hex;
                for (int j = 0; j + 1 < ip->length; j += 2)
                    hex +=
                        fmt::format("{}{:X}", j ? ":" : "", (ip->data[j] << 8) | ip->data[j + 1]);
                std::snprintf(text, sizeof text, "%s", hex.c_str());
            }
            value = Ref(make_str(ts, text));
        } else {
            continue;
        }
        Ref kind_v(make_str(ts, kind));
        if (!value || !kind_v) {
            out = Ref();
            break;
        }
        Ref pair(tuple_pack(ts, {*kind_v, *value}));
        if (!pair || !list_append(ts, *out, *pair)) out = Ref();
    }
    GENERAL_NAMES_free(names);
    if (!out) {
        *error = true;
        return Value();
    }
    return tuple_from_iterable(ts, *out);
}

bool set_item(ThreadState& ts, Value dict, const char* key, Value value) {
    Ref k(make_str(ts, key));
    Ref v(value);
    return k && v && obj_setitem(ts, dict, *k, *v) == 0;
}

Value decode_cert(ThreadState& ts, X509* cert) {
    Ref d(dict_new(ts));
    if (!d || !set_item(ts, *d, "subject", name_tuple(ts, X509_get_subject_name(cert))) ||
        !set_item(ts, *d, "issuer", name_tuple(ts, X509_get_issuer_name(cert))) ||
        !set_item(ts, *d, "version", make_int(ts, X509_get_version(cert) + 1)) ||
        !set_item(ts, *d, "serialNumber", serial_hex(ts, X509_get0_serialNumber(cert))) ||
        !set_item(ts, *d, "notBefore", asn1_time(ts, X509_get0_notBefore(cert))) ||
        !set_item(ts, *d, "notAfter", asn1_time(ts, X509_get0_notAfter(cert))))
        return Value();
    bool error = false;
    Value alts = alt_names(ts, cert, &error);
    if (error) return Value();
    if (!alts.is_null() && !set_item(ts, *d, "subjectAltName", alts)) return Value();
    return d.release();
}

// getpeercert(binary_form=False): the decoded certificate ({} when it was
// not verified), or its DER bytes; None without a peer certificate.
Value sslsock_getpeercert(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "getpeercert", "getpeercert", 0, 1)) return Value();
    SslSocketObject* s = ssl_obj(args[0]);
    int binary = args.n > 1 ? obj_truthy(ts, args[1]) : 0;
    if (binary < 0) return Value();
    if (!s->handshake_done) return raise(ts, ts.exc_types().ValueError, "handshake not done yet");
    X509* cert = SSL_get1_peer_certificate(s->ssl);
    if (!cert) return Value::none();
    Value out;
    if (binary) {
        unsigned char* der = nullptr;
        int n = i2d_X509(cert, &der);
        out =
            make_bytes(ts, std::string_view(reinterpret_cast<char*>(der), static_cast<size_t>(n)));
        OPENSSL_free(der);
    } else if ((SSL_get_verify_mode(s->ssl) & SSL_VERIFY_PEER) == 0) {
        out = dict_new(ts);
    } else {
        out = decode_cert(ts, cert);
    }
    X509_free(cert);
    return out;
}

constexpr MethodDef kSslSocketMethods[] = {
    {"do_handshake", sslsock_do_handshake},
    {"read", sslsock_read},
    {"write", sslsock_write},
    {"pending", sslsock_pending},
    {"shutdown", sslsock_shutdown},
    {"version", sslsock_version},
    {"cipher", sslsock_cipher},
    {"getpeercert", sslsock_getpeercert},
};

Value sslsock_get_server_side(ThreadState&, Value self) {
    return Value::boolean(ssl_obj(self)->server_side);
}

Value sslsock_get_context(ThreadState&, Value self) {
    return new_ref(ssl_obj(self)->context);
}

constexpr GetSetDef kSslSocketGetSets[] = {
    {"server_side", sslsock_get_server_side},
    {"context", sslsock_get_context},
};

void sslsock_dealloc(Object* o) {
    SslSocketObject* s = reinterpret_cast<SslSocketObject*>(o);
    if (s->ssl) SSL_free(s->ssl);
    s->ssl = nullptr;
    clear_ref(s->context);
    free_object(o);
}

// Asks OpenSSL to check the peer's name (host name or IP address).
bool set_expected_peer(ThreadState& ts, SSL* ssl, const std::string& host) {
    X509_VERIFY_PARAM* param = SSL_get0_param(ssl);
    X509_VERIFY_PARAM_set_hostflags(param, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
    ASN1_OCTET_STRING* ip = a2i_IPADDRESS(host.c_str());
    bool ok = ip ? X509_VERIFY_PARAM_set1_ip(param, ASN1_STRING_get0_data(ip),
                                             ASN1_STRING_length(ip)) == 1
                 : X509_VERIFY_PARAM_set1_host(param, host.c_str(), host.size()) == 1;
    if (ip) ASN1_OCTET_STRING_free(ip);
    ERR_clear_error();
    if (!ok) raise(ts, ts.exc_types().ValueError, "invalid hostname");
    return ok;
}

}  // namespace

void fill_ssl_socket_type(Interpreter& interp, TypeObject* t) {
    t->dealloc = sslsock_dealloc;
    type_add_methods(interp, t, kSslSocketMethods);
    type_add_getsets(interp, t, kSslSocketGetSets);
}

Value ssl_socket_new(ThreadState& ts, Value context, Value sock, bool server_side,
                     Value server_hostname) {
    int fd = -1;
    double timeout = -1;
    if (!socket_arg(ts, sock, &fd, &timeout)) return Value();
    auto* c = reinterpret_cast<SslContextObject*>(context.as_object());
    std::string host;
    if (!server_hostname.is_none()) {
        if (server_side)
            return raise(ts, ts.exc_types().ValueError,
                         "server_hostname can only be specified in client mode");
        if (!is_str(ts, server_hostname))
            return raise(ts, ts.exc_types().TypeError, "server_hostname must be a str");
        host = std::string(str_view(server_hostname));
        if (host.empty() || host[0] == '.')
            return raise(ts, ts.exc_types().ValueError,
                         "server_hostname cannot be an empty string or start with a leading dot.");
    } else if (!server_side && c->check_hostname) {
        return raise(ts, ts.exc_types().ValueError, "check_hostname requires server_hostname");
    }
    SSL* ssl = SSL_new(c->ctx);
    if (!ssl) return raise_ssl_from_queue(ts, 800);
    SSL_set_fd(ssl, fd);
    if (server_side) {
        SSL_set_accept_state(ssl);
    } else {
        SSL_set_connect_state(ssl);
        ASN1_OCTET_STRING* ip = host.empty() ? nullptr : a2i_IPADDRESS(host.c_str());
        if (ip) ASN1_OCTET_STRING_free(ip);
        ERR_clear_error();
        if (!host.empty() && !ip) SSL_set_tlsext_host_name(ssl, host.c_str());
        if (!host.empty() && c->check_hostname && !set_expected_peer(ts, ssl, host)) {
            SSL_free(ssl);
            return Value();
        }
    }
    TypeObject* type = ssl_state(ts.interp()).socket_type;
    Object* o = alloc_object(type, type->basicsize);
    if (!o) {
        SSL_free(ssl);
        return raise_memory_error(ts);
    }
    SslSocketObject* s = ssl_obj(Value::object(o));
    s->ssl = ssl;
    s->context = new_ref(context);
    s->server_side = server_side;
    s->handshake_done = false;
    return Value::object(o);
}

}  // namespace gilt
