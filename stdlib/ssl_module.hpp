// _ssl: TLS over OpenSSL's libssl, the native half of the ssl module
// (stdlib/lib/ssl.py builds SSLContext, SSLSocket and the enums on it).
//
// ssl_module.cpp holds the module state, the exception classes and
// _SSLContext (one SSL_CTX); ssl_socket.cpp holds _SSLSocket (one SSL bound
// to a socket's descriptor), its blocking rules and certificate decoding.
#pragma once

#include <openssl/ssl.h>

#include <string>

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"

namespace gilt {

// _ssl._SSLContext. verify_mode and check_hostname mirror the SSL_CTX's
// verify flags and what wrap_socket asks of every connection.
struct SslContextObject {
    Object hdr;
    SSL_CTX* ctx;  // owned
    int protocol;
    int verify_mode;  // CERT_NONE 0, CERT_OPTIONAL 1, CERT_REQUIRED 2
    bool check_hostname;
};

// _ssl._SSLSocket: the TLS state of one connection. It does not own the
// socket: every I/O method takes the Python socket (an _socket.socket) as
// its first argument, for its descriptor and its timeout, so no reference
// cycle ties the two.
struct SslSocketObject {
    Object hdr;
    SSL* ssl;       // owned
    Value context;  // owned: the SSLContext it was made from
    bool server_side;
    bool handshake_done;
};

// The classes ssl.py re-exports, made once per interpreter (owned).
struct SslErrors {
    Value error;        // SSLError(OSError)
    Value zero_return;  // SSLZeroReturnError(SSLError)
    Value want_read;    // SSLWantReadError(SSLError)
    Value want_write;   // SSLWantWriteError(SSLError)
    Value syscall;      // SSLSyscallError(SSLError)
    Value eof;          // SSLEOFError(SSLError)
    Value cert_verify;  // SSLCertVerificationError(SSLError, ValueError)
};

struct SslState {
    TypeObject* context_type = nullptr;
    TypeObject* socket_type = nullptr;
    SslErrors errors{};
    ~SslState();
};

SslState& ssl_state(Interpreter& interp);

// CPython's _ssl error codes (args[0] of the exceptions).
enum SslErrorCode : int {
    kSslErrorSsl = 1,
    kSslErrorWantRead = 2,
    kSslErrorWantWrite = 3,
    kSslErrorSyscall = 5,
    kSslErrorZeroReturn = 6,
    kSslErrorEof = 8,
};

// A new `cls(code, message)` with .reason and .library set (None when
// null), or null with an exception pending.
Value make_ssl_error(ThreadState& ts, Value cls, int code, const std::string& message,
                     const char* reason, const char* library);
// Raises what make_ssl_error makes. Returns null.
Value raise_ssl_error(ThreadState& ts, Value cls, int code, const std::string& message,
                      const char* reason, const char* library);
// Raises SSLError from OpenSSL's error queue (cleared), CPython's wording:
// "[LIB: REASON] reason text (_ssl.c:LINE)", or "[LIB] text" for OpenSSL's
// common reasons, which have no mnemonic. args[0] is SSL_ERROR_SSL after a
// connection's I/O, and the packed reason code after loading certificates
// (`reason_as_code`), as in CPython. Returns null.
Value raise_ssl_from_queue(ThreadState& ts, int line, bool reason_as_code = false);

// The _SSLSocket type, and the methods of _SSLContext that make one.
void fill_ssl_socket_type(Interpreter& interp, TypeObject* t);
Value ssl_socket_new(ThreadState& ts, Value context, Value sock, bool server_side,
                     Value server_hostname);

}  // namespace gilt
