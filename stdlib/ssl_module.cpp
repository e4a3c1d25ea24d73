// _ssl's module state, exception classes and _SSLContext (see ssl_module.hpp).
//
// A context is an SSL_CTX configured as CPython configures one: TLS 1.2 at
// least, PROTOCOL_TLS_CLIENT verifies the peer and checks the host name by
// default, PROTOCOL_TLS_SERVER verifies nothing. Loading certificates reads
// files with the GIL held: they are small and local, and CPython does the
// same.
#include "stdlib/ssl_module.hpp"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <cerrno>
#include <memory>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/bytes.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/heap.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/module.hpp"
#include "runtime/module_state.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "runtime/type.hpp"
#include "stdlib/modules.hpp"

namespace gilt {

namespace {

// CPython's protocol numbers (the ones still supported).
constexpr int kProtocolTls = 2;  // PROTOCOL_TLS, PROTOCOL_SSLv23
constexpr int kProtocolTlsClient = 16;
constexpr int kProtocolTlsServer = 17;
constexpr int kCertNone = 0;
constexpr int kCertOptional = 1;
constexpr int kCertRequired = 2;

SslContextObject* ctx_obj(Value v) {
    return reinterpret_cast<SslContextObject*>(v.as_object());
}

// Short library names as CPython prints them in "[SSL: ...]".
const char* library_name(unsigned long err) {
    switch (ERR_GET_LIB(err)) {
        case ERR_LIB_SSL:
            return "SSL";
        case ERR_LIB_X509:
            return "X509";
        case ERR_LIB_X509V3:
            return "X509V3";
        case ERR_LIB_PEM:
            return "PEM";
        case ERR_LIB_SYS:
            return "SYS";
        case ERR_LIB_EVP:
            return "EVP";
        case ERR_LIB_ASN1:
            return "ASN1";
        case ERR_LIB_BIO:
            return "BIO";
        default:
            return ERR_lib_error_string(err);
    }
}

// OpenSSL's reason text as CPython's mnemonic: "wrong version number" ->
// "WRONG_VERSION_NUMBER" (CPython keeps a table with the same result).
std::string reason_mnemonic(const char* text) {
    std::string out;
    for (const char* p = text; *p; ++p)
        out += (*p == ' ' || *p == '-') ? '_' : static_cast<char>(std::toupper(*p));
    return out;
}

}  // namespace

// --- errors ---

Value make_ssl_error(ThreadState& ts, Value cls, int code, const std::string& message,
                     const char* reason, const char* library) {
    Ref code_v(make_int(ts, code));
    Ref msg_v(make_str(ts, message));
    if (!code_v || !msg_v) return Value();
    Ref exc(call2(ts, cls, *code_v, *msg_v));
    if (!exc) return Value();
    Ref reason_v(reason ? make_str(ts, reason) : Value::none());
    Ref lib_v(library ? make_str(ts, library) : Value::none());
    if (!reason_v || !lib_v) return Value();
    Ref reason_name(ts.interp().intern("reason"));
    Ref lib_name(ts.interp().intern("library"));
    if (obj_setattr(ts, *exc, *reason_name, *reason_v) < 0 ||
        obj_setattr(ts, *exc, *lib_name, *lib_v) < 0)
        return Value();
    return exc.release();
}

Value raise_ssl_error(ThreadState& ts, Value cls, int code, const std::string& message,
                      const char* reason, const char* library) {
    Value exc = make_ssl_error(ts, cls, code, message, reason, library);
    return exc.is_null() ? Value() : raise_instance(ts, exc);
}

Value raise_ssl_from_queue(ThreadState& ts, int line, bool reason_as_code) {
    unsigned long err = ERR_peek_last_error();
    ERR_clear_error();
    SslErrors& e = ssl_state(ts.interp()).errors;
    if (err == 0)
        return raise_ssl_error(ts, e.error, kSslErrorSsl,
                               fmt::format("unknown error (_ssl.c:{})", line), nullptr, nullptr);
    if (ERR_GET_LIB(err) == ERR_LIB_SSL &&
        ERR_GET_REASON(err) == SSL_R_UNEXPECTED_EOF_WHILE_READING)
        return raise_ssl_error(
            ts, e.eof, kSslErrorEof,
            fmt::format("EOF occurred in violation of protocol (_ssl.c:{})", line), nullptr,
            nullptr);
    const char* text = ERR_reason_error_string(err);
    const char* lib = library_name(err);
    bool common = (ERR_GET_REASON(err) & ERR_RFLAG_COMMON) != 0 || !text;
    std::string reason = common ? std::string() : reason_mnemonic(text);
    // A common reason reports the library that called, which is SSL here.
    if (common) lib = "SSL";
    std::string message =
        common ? fmt::format("[{}] {} (_ssl.c:{})", lib, text ? text : "unknown error", line)
               : fmt::format("[{}: {}] {} (_ssl.c:{})", lib ? lib : "?", reason, text, line);
    int code = reason_as_code ? static_cast<int>(ERR_GET_REASON(err)) : kSslErrorSsl;
    return raise_ssl_error(ts, e.error, code, message, common ? nullptr : reason.c_str(), lib);
}

namespace {

// After a failed load: the errno of a file that could not be opened, else
// OpenSSL's reason.
Value raise_load_error(ThreadState& ts, int saved_errno, int line) {
    if (saved_errno != 0) {
        ERR_clear_error();
        return raise_os_error(ts, saved_errno);
    }
    return raise_ssl_from_queue(ts, line, true);
}

// A str or bytes path argument as a C string (null for None).
bool path_arg(ThreadState& ts, Value v, const char* what, std::string* out, bool* given) {
    *given = false;
    if (v.is_null() || v.is_none()) return true;
    std::string_view view;
    if (is_str(ts, v)) {
        view = str_view(v);
    } else if (!bytes_like_view(ts, v, &view)) {
        clear_exception(ts);
        raise_fmt(ts, ts.exc_types().TypeError, "{} should be a valid filesystem path", what);
        return false;
    }
    *out = std::string(view);
    *given = true;
    return true;
}

// --- _SSLContext ---

Value context_new(ThreadState& ts, TypeObject* type, Args args) {
    Value protocol_v;
    if (!parse_args(ts, args, "_SSLContext", {"protocol"}, {&protocol_v})) return Value();
    int64_t protocol = 0;
    if (!obj_index(ts, protocol_v, &protocol)) return Value();
    const SSL_METHOD* method = nullptr;
    switch (protocol) {
        case kProtocolTls:
            method = TLS_method();
            break;
        case kProtocolTlsClient:
            method = TLS_client_method();
            break;
        case kProtocolTlsServer:
            method = TLS_server_method();
            break;
        default:
            return raise(ts, ts.exc_types().ValueError, "invalid or unsupported protocol version");
    }
    SSL_CTX* ctx = SSL_CTX_new(method);
    if (!ctx) return raise_ssl_from_queue(ts, 3084);
    Object* o = (type->flags & kTypeHasGc) ? alloc_gc_object(type, type->basicsize)
                                           : alloc_object(type, type->basicsize);
    if (!o) {
        SSL_CTX_free(ctx);
        return raise_memory_error(ts);
    }
    SslContextObject* c = ctx_obj(Value::object(o));
    c->ctx = ctx;
    c->protocol = static_cast<int>(protocol);
    bool client = protocol == kProtocolTlsClient;
    c->check_hostname = client;
    c->verify_mode = client ? kCertRequired : kCertNone;
    SSL_CTX_set_verify(ctx, client ? SSL_VERIFY_PEER : SSL_VERIFY_NONE, nullptr);
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    // CPython's defaults: OP_ALL but for the empty-fragment workaround,
    // no SSLv3 or compression, the server's cipher order.
    SSL_CTX_set_options(ctx, (SSL_OP_ALL & ~SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS) | SSL_OP_NO_SSLv3 |
                                 SSL_OP_NO_COMPRESSION | SSL_OP_CIPHER_SERVER_PREFERENCE |
                                 SSL_OP_SINGLE_DH_USE | SSL_OP_SINGLE_ECDH_USE);
    SSL_CTX_set_mode(ctx, SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER | SSL_MODE_AUTO_RETRY);
    return Value::object(o);
}

void context_dealloc(Object* o) {
    SslContextObject* c = reinterpret_cast<SslContextObject*>(o);
    if (c->ctx) SSL_CTX_free(c->ctx);
    c->ctx = nullptr;
    free_object(o);
}

// load_verify_locations(cafile=None, capath=None, cadata=None)
bool add_cadata(ThreadState& ts, SSL_CTX* ctx, Value cadata) {
    X509_STORE* store = SSL_CTX_get_cert_store(ctx);
    bool pem = is_str(ts, cadata);
    std::string_view data;
    if (pem) {
        data = str_view(cadata);
    } else if (!bytes_like_view(ts, cadata, &data)) {
        clear_exception(ts);
        raise(ts, ts.exc_types().TypeError,
              "cadata should be an ASCII string or a bytes-like object");
        return false;
    }
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(
        BIO_new_mem_buf(data.data(), static_cast<int>(data.size())), BIO_free);
    int loaded = 0;
    for (;;) {
        X509* cert = pem ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)
                         : d2i_X509_bio(bio.get(), nullptr);
        if (!cert) break;
        X509_STORE_add_cert(store, cert);
        X509_free(cert);
        ++loaded;
    }
    ERR_clear_error();
    if (loaded == 0) {
        const SslErrors& e = ssl_state(ts.interp()).errors;
        raise_ssl_error(ts, e.error, kSslErrorSsl,
                        pem ? "no start line: cadata does not contain a certificate"
                            : "not enough data: cadata does not contain a certificate",
                        nullptr, nullptr);
        return false;
    }
    return true;
}

Value context_load_verify_locations(ThreadState& ts, Args args) {
    Value cafile, capath, cadata;
    if (!parse_args(ts, args.drop_first(), "load_verify_locations",
                    {"|", "cafile", "capath", "cadata"}, {&cafile, &capath, &cadata}))
        return Value();
    SslContextObject* c = ctx_obj(args[0]);
    std::string file, path;
    bool has_file = false, has_path = false;
    if (!path_arg(ts, cafile, "cafile", &file, &has_file) ||
        !path_arg(ts, capath, "capath", &path, &has_path))
        return Value();
    bool has_data = !cadata.is_null() && !cadata.is_none();
    if (!has_file && !has_path && !has_data)
        return raise(ts, ts.exc_types().TypeError,
                     "cafile, capath and cadata cannot be all omitted");
    if (has_data && !add_cadata(ts, c->ctx, cadata)) return Value();
    if (has_file || has_path) {
        errno = 0;
        if (SSL_CTX_load_verify_locations(c->ctx, has_file ? file.c_str() : nullptr,
                                          has_path ? path.c_str() : nullptr) != 1)
            return raise_load_error(ts, errno, 4085);
        ERR_clear_error();
    }
    return Value::none();
}

Value context_set_default_verify_paths(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "set_default_verify_paths", "set_default_verify_paths", 0, 0))
        return Value();
    if (SSL_CTX_set_default_verify_paths(ctx_obj(args[0])->ctx) != 1)
        return raise_ssl_from_queue(ts, 4175);
    return Value::none();
}

// The passphrase callback: the password given to load_cert_chain.
int password_callback(char* buf, int size, int, void* userdata) {
    const std::string* password = static_cast<const std::string*>(userdata);
    if (!password || static_cast<int>(password->size()) > size) return -1;
    std::copy(password->begin(), password->end(), buf);
    return static_cast<int>(password->size());
}

bool password_arg(ThreadState& ts, Value v, std::string* out) {
    if (v.is_null() || v.is_none()) return true;
    Ref value;
    if (!is_str(ts, v) && !v.is_object()) return true;
    if (!is_str(ts, v)) {
        std::string_view view;
        if (bytes_like_view(ts, v, &view)) {
            *out = std::string(view);
            return true;
        }
        clear_exception(ts);
        value = Ref(call0(ts, v));  // a callable that returns the password
        if (!value) return false;
        v = *value;
    }
    std::string_view view;
    if (is_str(ts, v)) {
        view = str_view(v);
    } else if (!bytes_like_view(ts, v, &view)) {
        clear_exception(ts);
        raise(ts, ts.exc_types().TypeError, "password should be a string or callable");
        return false;
    }
    *out = std::string(view);
    return true;
}

// load_cert_chain(certfile, keyfile=None, password=None)
Value context_load_cert_chain(ThreadState& ts, Args args) {
    Value certfile, keyfile, password;
    if (!parse_args(ts, args.drop_first(), "load_cert_chain",
                    {"certfile", "|", "keyfile", "password"}, {&certfile, &keyfile, &password}))
        return Value();
    SslContextObject* c = ctx_obj(args[0]);
    std::string cert, key, secret;
    bool has_cert = false, has_key = false;
    if (!path_arg(ts, certfile, "certfile", &cert, &has_cert) ||
        !path_arg(ts, keyfile, "keyfile", &key, &has_key) || !password_arg(ts, password, &secret))
        return Value();
    if (!has_cert)
        return raise(ts, ts.exc_types().TypeError, "certfile should be a valid filesystem path");
    SSL_CTX_set_default_passwd_cb(c->ctx, password_callback);
    SSL_CTX_set_default_passwd_cb_userdata(c->ctx, &secret);
    errno = 0;
    bool ok = SSL_CTX_use_certificate_chain_file(c->ctx, cert.c_str()) == 1;
    int saved = errno;
    if (ok) {
        errno = 0;
        ok = SSL_CTX_use_PrivateKey_file(c->ctx, has_key ? key.c_str() : cert.c_str(),
                                         SSL_FILETYPE_PEM) == 1;
        saved = errno;
    }
    if (ok && SSL_CTX_check_private_key(c->ctx) != 1) {
        ok = false;
        saved = 0;
    }
    SSL_CTX_set_default_passwd_cb(c->ctx, nullptr);
    SSL_CTX_set_default_passwd_cb_userdata(c->ctx, nullptr);
    if (!ok) return raise_load_error(ts, saved, 3905);
    ERR_clear_error();
    return Value::none();
}

Value context_set_ciphers(ThreadState& ts, Args args) {
    if (!method_args(ts, args, "set_ciphers", "set_ciphers", 1, 1)) return Value();
    if (!is_str(ts, args[1]))
        return raise_fmt(ts, ts.exc_types().TypeError, "set_ciphers() argument must be str, not {}",
                         type_name(ts, args[1]));
    std::string spec(str_view(args[1]));
    if (SSL_CTX_set_cipher_list(ctx_obj(args[0])->ctx, spec.c_str()) != 1) {
        ERR_clear_error();
        const SslErrors& e = ssl_state(ts.interp()).errors;
        return raise_ssl_error(ts, e.error, kSslErrorSsl, "No cipher can be selected.", nullptr,
                               nullptr);
    }
    return Value::none();
}

// _wrap_socket(sock, server_side, server_hostname)
Value context_wrap_socket(ThreadState& ts, Args args) {
    Value sock, server_side, hostname;
    if (!parse_args(ts, args.drop_first(), "_wrap_socket",
                    {"sock", "server_side", "|", "server_hostname"},
                    {&sock, &server_side, &hostname}))
        return Value();
    int side = obj_truthy(ts, server_side);
    if (side < 0) return Value();
    return ssl_socket_new(ts, args[0], sock, side == 1,
                          hostname.is_null() ? Value::none() : hostname);
}

Value context_get_verify_mode(ThreadState& ts, Value self) {
    return make_int(ts, ctx_obj(self)->verify_mode);
}

int context_set_verify_mode(ThreadState& ts, Value self, Value value) {
    int64_t mode = 0;
    if (!obj_index(ts, value, &mode)) return -1;
    if (mode < kCertNone || mode > kCertRequired) {
        raise(ts, ts.exc_types().ValueError, "invalid value for verify_mode");
        return -1;
    }
    SslContextObject* c = ctx_obj(self);
    if (mode == kCertNone && c->check_hostname) {
        raise(ts, ts.exc_types().ValueError,
              "Cannot set verify_mode to CERT_NONE when check_hostname is enabled.");
        return -1;
    }
    int flags = SSL_VERIFY_NONE;
    if (mode == kCertOptional) flags = SSL_VERIFY_PEER;
    if (mode == kCertRequired) flags = SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT;
    c->verify_mode = static_cast<int>(mode);
    SSL_CTX_set_verify(c->ctx, flags, nullptr);
    return 0;
}

Value context_get_check_hostname(ThreadState&, Value self) {
    return Value::boolean(ctx_obj(self)->check_hostname);
}

// Turning check_hostname on also requires a certificate, as in CPython.
int context_set_check_hostname(ThreadState& ts, Value self, Value value) {
    int on = obj_truthy(ts, value);
    if (on < 0) return -1;
    SslContextObject* c = ctx_obj(self);
    if (on && c->verify_mode == kCertNone) {
        Ref required(make_int(ts, kCertRequired));
        if (!required || context_set_verify_mode(ts, self, *required) < 0) return -1;
    }
    c->check_hostname = on == 1;
    return 0;
}

// minimum_version / maximum_version: TLSVersion values; OpenSSL's 0
// ("no bound") reads as MINIMUM_SUPPORTED (-2) or MAXIMUM_SUPPORTED (-1).
constexpr int kMinimumSupported = -2;
constexpr int kMaximumSupported = -1;

Value context_get_min_version(ThreadState& ts, Value self) {
    long v = SSL_CTX_get_min_proto_version(ctx_obj(self)->ctx);
    return make_int(ts, v == 0 ? kMinimumSupported : v);
}

Value context_get_max_version(ThreadState& ts, Value self) {
    long v = SSL_CTX_get_max_proto_version(ctx_obj(self)->ctx);
    return make_int(ts, v == 0 ? kMaximumSupported : v);
}

int set_version_bound(ThreadState& ts, Value self, Value value, bool minimum) {
    int64_t v = 0;
    if (!obj_index(ts, value, &v)) return -1;
    if (v == kMinimumSupported || v == kMaximumSupported) v = 0;
    SSL_CTX* ctx = ctx_obj(self)->ctx;
    int ok = minimum ? SSL_CTX_set_min_proto_version(ctx, static_cast<int>(v))
                     : SSL_CTX_set_max_proto_version(ctx, static_cast<int>(v));
    if (ok != 1) {
        ERR_clear_error();
        raise_fmt(ts, ts.exc_types().ValueError, "Unsupported TLS/SSL version 0x{:x}",
                  static_cast<unsigned>(v));
        return -1;
    }
    return 0;
}

int context_set_min_version(ThreadState& ts, Value self, Value value) {
    return set_version_bound(ts, self, value, true);
}

int context_set_max_version(ThreadState& ts, Value self, Value value) {
    return set_version_bound(ts, self, value, false);
}

// options: OpenSSL's SSL_OP_* bits; setting clears the bits left out.
Value context_get_options(ThreadState& ts, Value self) {
    return make_int_u64(ts, SSL_CTX_get_options(ctx_obj(self)->ctx));
}

int context_set_options(ThreadState& ts, Value self, Value value) {
    int64_t wanted = 0;
    if (!obj_index(ts, value, &wanted)) return -1;
    SSL_CTX* ctx = ctx_obj(self)->ctx;
    uint64_t now = SSL_CTX_get_options(ctx);
    uint64_t want = static_cast<uint64_t>(wanted);
    SSL_CTX_clear_options(ctx, now & ~want);
    SSL_CTX_set_options(ctx, want & ~now);
    return 0;
}

Value context_get_protocol(ThreadState& ts, Value self) {
    return make_int(ts, ctx_obj(self)->protocol);
}

constexpr MethodDef kContextMethods[] = {
    {"load_verify_locations", context_load_verify_locations},
    {"set_default_verify_paths", context_set_default_verify_paths},
    {"load_cert_chain", context_load_cert_chain},
    {"set_ciphers", context_set_ciphers},
    {"_wrap_socket", context_wrap_socket},
};

constexpr GetSetDef kContextGetSets[] = {
    {"verify_mode", context_get_verify_mode, context_set_verify_mode},
    {"check_hostname", context_get_check_hostname, context_set_check_hostname},
    {"protocol", context_get_protocol},
    {"minimum_version", context_get_min_version, context_set_min_version},
    {"maximum_version", context_get_max_version, context_set_max_version},
    {"options", context_get_options, context_set_options},
};

TypeObject* make_ssl_type(Interpreter& interp, const char* name, uint32_t size) {
    TypeObject* t =
        type_alloc_builtin(interp, name, ObjKind::Native, size, interp.types.object, kTypeBaseType);
    t->hdr.type = interp.types.type;
    // No owned Values the collector must see (a socket's context cannot
    // refer back to it): explicit no-ops, as for hashlib's objects.
    t->traverse = [](Object*, VisitFn, void*) {};
    t->clear = [](Object*) {};
    Ref mod(interp.intern("_ssl"));
    type_set_attr_cstr(interp, t, "__module__", *mod);
    return t;
}

// type(name, bases, {"__module__": "ssl"}): the exception classes.
Value make_error_class(ThreadState& ts, const char* name, std::initializer_list<Value> bases) {
    Ref bases_t(tuple_pack(ts, bases));
    Ref ns(dict_new(ts));
    Ref name_v(make_str(ts, name));
    Ref module_key(ts.interp().intern("__module__"));
    Ref module_v(make_str(ts, "ssl"));
    if (!bases_t || !ns || !name_v || !module_key || !module_v ||
        obj_setitem(ts, *ns, *module_key, *module_v) < 0)
        return Value();
    return call_n(ts, val(ts.types().type), {*name_v, *bases_t, *ns});
}

bool make_errors(ThreadState& ts, SslErrors* e) {
    e->error = make_error_class(ts, "SSLError", {val(ts.exc_types().OSError)});
    if (e->error.is_null()) return false;
    struct Sub {
        Value* slot;
        const char* name;
    };
    const Sub subs[] = {{&e->zero_return, "SSLZeroReturnError"},
                        {&e->want_read, "SSLWantReadError"},
                        {&e->want_write, "SSLWantWriteError"},
                        {&e->syscall, "SSLSyscallError"},
                        {&e->eof, "SSLEOFError"}};
    for (const Sub& s : subs) {
        *s.slot = make_error_class(ts, s.name, {e->error});
        if (s.slot->is_null()) return false;
    }
    e->cert_verify = make_error_class(ts, "SSLCertVerificationError",
                                      {e->error, val(ts.exc_types().ValueError)});
    return !e->cert_verify.is_null();
}

struct IntConst {
    const char* name;
    int64_t value;
};

constexpr IntConst kConstants[] = {
    {"PROTOCOL_TLS", kProtocolTls},
    {"PROTOCOL_TLS_CLIENT", kProtocolTlsClient},
    {"PROTOCOL_TLS_SERVER", kProtocolTlsServer},
    {"CERT_NONE", kCertNone},
    {"CERT_OPTIONAL", kCertOptional},
    {"CERT_REQUIRED", kCertRequired},
    {"SSL_ERROR_SSL", kSslErrorSsl},
    {"SSL_ERROR_WANT_READ", kSslErrorWantRead},
    {"SSL_ERROR_WANT_WRITE", kSslErrorWantWrite},
    {"SSL_ERROR_WANT_X509_LOOKUP", 4},
    {"SSL_ERROR_SYSCALL", kSslErrorSyscall},
    {"SSL_ERROR_ZERO_RETURN", kSslErrorZeroReturn},
    {"SSL_ERROR_WANT_CONNECT", 7},
    {"SSL_ERROR_EOF", kSslErrorEof},
    {"SSL_ERROR_INVALID_ERROR_CODE", 10},
    {"OPENSSL_VERSION_NUMBER", OPENSSL_VERSION_NUMBER},
    {"OP_ALL", static_cast<int64_t>(SSL_OP_ALL)},
    {"OP_NO_SSLv2", 0},
    {"OP_NO_SSLv3", static_cast<int64_t>(SSL_OP_NO_SSLv3)},
    {"OP_NO_TLSv1", static_cast<int64_t>(SSL_OP_NO_TLSv1)},
    {"OP_NO_TLSv1_1", static_cast<int64_t>(SSL_OP_NO_TLSv1_1)},
    {"OP_NO_TLSv1_2", static_cast<int64_t>(SSL_OP_NO_TLSv1_2)},
    {"OP_NO_TLSv1_3", static_cast<int64_t>(SSL_OP_NO_TLSv1_3)},
    {"OP_NO_COMPRESSION", static_cast<int64_t>(SSL_OP_NO_COMPRESSION)},
};

}  // namespace

SslState::~SslState() {
    for (Value* v : {&errors.error, &errors.zero_return, &errors.want_read, &errors.want_write,
                     &errors.syscall, &errors.eof, &errors.cert_verify})
        decref(*v);
}

SslState& ssl_state(Interpreter& interp) {
    return module_state<SslState>(interp, "_ssl", [&](SslState& st) {
        st.context_type = make_ssl_type(interp, "_SSLContext", sizeof(SslContextObject));
        st.context_type->new_ = context_new;
        st.context_type->dealloc = context_dealloc;
        type_add_methods(interp, st.context_type, kContextMethods);
        type_add_getsets(interp, st.context_type, kContextGetSets);
        type_ready(interp, st.context_type);
        st.socket_type = make_ssl_type(interp, "_SSLSocket", sizeof(SslSocketObject));
        fill_ssl_socket_type(interp, st.socket_type);
        type_ready(interp, st.socket_type);
    });
}

Value init_ssl_module(ThreadState& ts) {
    SslState& st = ssl_state(ts.interp());
    if (st.errors.error.is_null() && !make_errors(ts, &st.errors)) return Value();
    Ref m(module_new(ts, "_ssl"));
    if (!m) return Value();
    const SslErrors& e = st.errors;
    const std::pair<const char*, Value> values[] = {
        {"_SSLContext", val(st.context_type)},
        {"_SSLSocket", val(st.socket_type)},
        {"SSLError", e.error},
        {"SSLZeroReturnError", e.zero_return},
        {"SSLWantReadError", e.want_read},
        {"SSLWantWriteError", e.want_write},
        {"SSLSyscallError", e.syscall},
        {"SSLEOFError", e.eof},
        {"SSLCertVerificationError", e.cert_verify},
    };
    for (const auto& [name, value] : values)
        if (!module_add_value(ts, *m, name, value)) return Value();
    for (const IntConst& c : kConstants)
        if (!module_add_steal(ts, *m, c.name, make_int(ts, c.value))) return Value();
    if (!module_add_steal(ts, *m, "OPENSSL_VERSION",
                          make_str(ts, OpenSSL_version(OPENSSL_VERSION))) ||
        !module_add_steal(ts, *m, "HAS_SNI", Value::boolean(true)) ||
        !module_add_steal(ts, *m, "HAS_TLSv1_3", Value::boolean(true)))
        return Value();
    return m.release();
}

}  // namespace gilt
