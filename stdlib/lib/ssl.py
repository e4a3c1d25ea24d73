"""TLS for sockets, over OpenSSL (the native half is _ssl).

SSLContext holds the settings (protocol, verification, certificates);
context.wrap_socket(sock, server_side=, server_hostname=) turns a connected
socket into an SSLSocket, which does the handshake and then encrypts what
it sends and decrypts what it receives. create_default_context() gives a
client context that trusts the system's CA store and checks host names.
"""

import base64
import os
import socket
from enum import IntEnum, IntFlag

import _ssl
from _ssl import (OPENSSL_VERSION, OPENSSL_VERSION_NUMBER, HAS_SNI, HAS_TLSv1_3,
                  SSLError, SSLZeroReturnError, SSLWantReadError, SSLWantWriteError,
                  SSLSyscallError, SSLEOFError, SSLCertVerificationError)

CertificateError = SSLCertVerificationError
HAS_ALPN = False
HAS_NPN = False
HAS_ECDH = True
CHANNEL_BINDING_TYPES = []


def _strerror_str(self):
    # str(SSLError) is its message alone, not "[Errno 1] message".
    if len(self.args) >= 2 and isinstance(self.args[1], str):
        return self.args[1]
    return OSError.__str__(self)


SSLError.__str__ = _strerror_str


class _SSLMethod(IntEnum):
    PROTOCOL_SSLv23 = _ssl.PROTOCOL_TLS
    PROTOCOL_TLS_CLIENT = _ssl.PROTOCOL_TLS_CLIENT
    PROTOCOL_TLS_SERVER = _ssl.PROTOCOL_TLS_SERVER


_SSLMethod.PROTOCOL_TLS = _SSLMethod.PROTOCOL_SSLv23
PROTOCOL_TLS = PROTOCOL_SSLv23 = _SSLMethod.PROTOCOL_SSLv23
PROTOCOL_TLS_CLIENT = _SSLMethod.PROTOCOL_TLS_CLIENT
PROTOCOL_TLS_SERVER = _SSLMethod.PROTOCOL_TLS_SERVER


class VerifyMode(IntEnum):
    CERT_NONE = 0
    CERT_OPTIONAL = 1
    CERT_REQUIRED = 2


CERT_NONE, CERT_OPTIONAL, CERT_REQUIRED = VerifyMode


class TLSVersion(IntEnum):
    MINIMUM_SUPPORTED = -2
    SSLv3 = 768
    TLSv1 = 769
    TLSv1_1 = 770
    TLSv1_2 = 771
    TLSv1_3 = 772
    MAXIMUM_SUPPORTED = -1


class Options(IntFlag):
    OP_ALL = _ssl.OP_ALL
    OP_NO_SSLv3 = _ssl.OP_NO_SSLv3
    OP_NO_TLSv1 = _ssl.OP_NO_TLSv1
    OP_NO_TLSv1_1 = _ssl.OP_NO_TLSv1_1
    OP_NO_TLSv1_2 = _ssl.OP_NO_TLSv1_2
    OP_NO_TLSv1_3 = _ssl.OP_NO_TLSv1_3
    OP_NO_COMPRESSION = _ssl.OP_NO_COMPRESSION


globals().update(Options.__members__)
_DEPRECATED_PROTOCOL_OPTIONS = (OP_NO_SSLv3 | OP_NO_TLSv1 | OP_NO_TLSv1_1 |
                                OP_NO_TLSv1_2 | OP_NO_TLSv1_3)


class SSLErrorNumber(IntEnum):
    SSL_ERROR_SSL = 1
    SSL_ERROR_WANT_READ = 2
    SSL_ERROR_WANT_WRITE = 3
    SSL_ERROR_WANT_X509_LOOKUP = 4
    SSL_ERROR_SYSCALL = 5
    SSL_ERROR_ZERO_RETURN = 6
    SSL_ERROR_WANT_CONNECT = 7
    SSL_ERROR_EOF = 8
    SSL_ERROR_INVALID_ERROR_CODE = 10


globals().update(SSLErrorNumber.__members__)


class Purpose:
    """What a context's certificates are for (an OID with a name)."""

    def __init__(self, nid, shortname, longname, oid):
        self.nid, self.shortname, self.longname, self.oid = nid, shortname, longname, oid

    def __repr__(self):
        return "<Purpose.%s: _ASN1Object(nid=%d, shortname=%r, longname=%r, oid=%r)>" % (
            self._name, self.nid, self.shortname, self.longname, self.oid)


Purpose.SERVER_AUTH = Purpose(129, "serverAuth", "TLS Web Server Authentication", "1.3.6.1.5.5.7.3.1")
Purpose.SERVER_AUTH._name = "SERVER_AUTH"
Purpose.CLIENT_AUTH = Purpose(130, "clientAuth", "TLS Web Client Authentication", "1.3.6.1.5.5.7.3.2")
Purpose.CLIENT_AUTH._name = "CLIENT_AUTH"


class SSLContext(_ssl._SSLContext):
    """TLS settings shared by the connections made from them."""

    sslsocket_class = None  # set below, once SSLSocket exists

    def __new__(cls, protocol=None, *args, **kwargs):
        if protocol is None:
            protocol = PROTOCOL_TLS
        self = _ssl._SSLContext.__new__(cls, protocol)
        self.post_handshake_auth = False
        self.sni_callback = None
        return self

    def __init__(self, protocol=None, *args, **kwargs):
        pass

    @property
    def protocol(self):
        return _SSLMethod(super().protocol)

    @property
    def options(self):
        return Options(_ssl._SSLContext.options.__get__(self))

    @options.setter
    def options(self, value):
        added = value & ~_ssl._SSLContext.options.__get__(self)
        if added & _DEPRECATED_PROTOCOL_OPTIONS:
            import warnings
            warnings.warn("ssl.OP_NO_SSL*/ssl.OP_NO_TLS* options are deprecated",
                          DeprecationWarning, stacklevel=2)
        _ssl._SSLContext.options.__set__(self, value)

    @property
    def minimum_version(self):
        return TLSVersion(_ssl._SSLContext.minimum_version.__get__(self))

    @minimum_version.setter
    def minimum_version(self, value):
        _ssl._SSLContext.minimum_version.__set__(self, value)

    @property
    def maximum_version(self):
        return TLSVersion(_ssl._SSLContext.maximum_version.__get__(self))

    @maximum_version.setter
    def maximum_version(self, value):
        _ssl._SSLContext.maximum_version.__set__(self, value)

    @property
    def verify_mode(self):
        return VerifyMode(_ssl._SSLContext.verify_mode.__get__(self))

    @verify_mode.setter
    def verify_mode(self, value):
        _ssl._SSLContext.verify_mode.__set__(self, value)

    def wrap_socket(self, sock, server_side=False, do_handshake_on_connect=True,
                    suppress_ragged_eofs=True, server_hostname=None, session=None):
        """An SSLSocket over sock (which it takes over: sock is detached)."""
        return self.sslsocket_class._create(
            sock, self, server_side, do_handshake_on_connect, suppress_ragged_eofs,
            server_hostname)

    def wrap_bio(self, *args, **kwargs):
        raise NotImplementedError("ssl: memory BIOs (wrap_bio) are not supported")

    def load_default_certs(self, purpose=Purpose.SERVER_AUTH):
        """Trust the system's CA store."""
        self.set_default_verify_paths()

    def set_alpn_protocols(self, protocols):
        raise NotImplementedError("ssl: ALPN (set_alpn_protocols) is not supported")

    def get_ca_certs(self, binary_form=False):
        raise NotImplementedError("ssl: SSLContext.get_ca_certs is not supported")

    def cert_store_stats(self):
        raise NotImplementedError("ssl: SSLContext.cert_store_stats is not supported")


def create_default_context(purpose=Purpose.SERVER_AUTH, *, cafile=None,
                           capath=None, cadata=None):
    """A context with CPython's secure defaults: for SERVER_AUTH a client
    context that verifies certificates against cafile/capath/cadata, or the
    system's CA store when none is given, and checks host names."""
    if not isinstance(purpose, Purpose):
        raise TypeError(purpose)
    if purpose is Purpose.SERVER_AUTH:
        context = SSLContext(PROTOCOL_TLS_CLIENT)
    else:
        context = SSLContext(PROTOCOL_TLS_SERVER)
    if cafile or capath or cadata:
        context.load_verify_locations(cafile, capath, cadata)
    elif context.verify_mode != CERT_NONE:
        context.load_default_certs(purpose)
    return context


def _create_unverified_context(protocol=None, *, cert_reqs=CERT_NONE,
                               check_hostname=False, purpose=Purpose.SERVER_AUTH,
                               certfile=None, keyfile=None, cafile=None,
                               capath=None, cadata=None):
    """A context that checks nothing unless asked (CPython's private helper)."""
    if protocol is None:
        protocol = PROTOCOL_TLS_CLIENT if purpose is Purpose.SERVER_AUTH else PROTOCOL_TLS_SERVER
    context = SSLContext(protocol)
    context.check_hostname = check_hostname
    context.verify_mode = cert_reqs
    if certfile:
        context.load_cert_chain(certfile, keyfile)
    if cafile or capath or cadata:
        context.load_verify_locations(cafile, capath, cadata)
    elif context.verify_mode != CERT_NONE:
        context.load_default_certs(purpose)
    return context


_create_default_https_context = create_default_context
_create_stdlib_context = _create_unverified_context


class SSLSocket(socket.socket):
    """A socket whose traffic is TLS. Made by SSLContext.wrap_socket."""

    def __init__(self, *args, **kwargs):
        raise TypeError(f"{self.__class__.__name__} does not have a public "
                        f"constructor. Instances are returned by "
                        f"SSLContext.wrap_socket().")

    @classmethod
    def _create(cls, sock, context, server_side, do_handshake_on_connect,
                suppress_ragged_eofs, server_hostname):
        if sock.type != socket.SOCK_STREAM:
            raise NotImplementedError("only stream sockets are supported")
        if server_side and server_hostname:
            raise ValueError("server_hostname can only be specified in client mode")
        if not server_side and context.check_hostname and not server_hostname:
            raise ValueError("check_hostname requires server_hostname")
        timeout = sock.gettimeout()
        self = cls.__new__(cls)
        socket.socket.__init__(self, sock.family, sock.type, sock.proto, sock.detach())
        self.settimeout(timeout)
        self._context = context
        self.server_side = server_side
        self.server_hostname = server_hostname
        self.do_handshake_on_connect = do_handshake_on_connect
        self.suppress_ragged_eofs = suppress_ragged_eofs
        self._sslobj = None
        try:
            self.getpeername()
            connected = True
        except OSError:
            connected = False
        if connected:
            self._sslobj = context._wrap_socket(self, server_side, server_hostname)
            if do_handshake_on_connect:
                timeout = self.gettimeout()
                if timeout == 0.0:
                    raise ValueError("do_handshake_on_connect should not be specified "
                                     "for non-blocking sockets")
                try:
                    self.do_handshake()
                except BaseException:
                    self.close()
                    raise
        return self

    @property
    def context(self):
        return self._context

    @context.setter
    def context(self, ctx):
        self._context = ctx

    def connect(self, addr):
        """Connect, then (with do_handshake_on_connect) do the handshake."""
        if self.server_side:
            raise ValueError("can't connect in server-side mode")
        if self._sslobj is not None:
            raise ValueError("attempt to connect already-connected SSLSocket!")
        socket.socket.connect(self, addr)
        self._sslobj = self._context._wrap_socket(self, False, self.server_hostname)
        if self.do_handshake_on_connect:
            self.do_handshake()

    def connect_ex(self, addr):
        try:
            self.connect(addr)
        except OSError as exc:
            return exc.errno or 1
        return 0

    def accept(self):
        """Accept a connection and wrap it with this socket's context."""
        conn, addr = socket.socket.accept(self)
        conn = self._context.wrap_socket(conn, do_handshake_on_connect=self.do_handshake_on_connect,
                                         suppress_ragged_eofs=self.suppress_ragged_eofs,
                                         server_side=True)
        return conn, addr

    def do_handshake(self, block=False):
        if self._sslobj is None:
            raise ValueError("do_handshake on closed or unconnected SSL socket.")
        self._sslobj.do_handshake(self)

    # -- data -------------------------------------------------------------
    def read(self, len=1024, buffer=None):
        """Up to len bytes (b'' at the end), or into buffer (a count)."""
        if self._sslobj is None:
            raise ValueError("Read on closed or unwrapped SSL socket.")
        try:
            data = self._sslobj.read(self, len if buffer is None else min(len, _buffer_len(buffer)))
        except SSLError as exc:
            if exc.args[0] == SSL_ERROR_EOF and self.suppress_ragged_eofs:
                data = b""
            else:
                raise
        if buffer is None:
            return data
        count = _count(data)
        memoryview(buffer).cast("B")[:count] = data
        return count

    def write(self, data):
        if self._sslobj is None:
            raise ValueError("Write on closed or unwrapped SSL socket.")
        return self._sslobj.write(self, data)

    def recv(self, buflen=1024, flags=0):
        if self._sslobj is None:
            return socket.socket.recv(self, buflen, flags)
        if flags != 0:
            raise ValueError("non-zero flags not allowed in calls to recv() on %s" % self.__class__)
        return self.read(buflen)

    def recv_into(self, buffer, nbytes=None, flags=0):
        if self._sslobj is None:
            return socket.socket.recv_into(self, buffer, nbytes or 0, flags)
        if flags != 0:
            raise ValueError("non-zero flags not allowed in calls to recv_into() on %s" % self.__class__)
        size = _buffer_len(buffer)
        if nbytes is None or nbytes <= 0 or nbytes > size:
            nbytes = size
        data = self.read(nbytes)
        view = memoryview(buffer).cast("B")
        view[:_count(data)] = data
        return _count(data)

    def send(self, data, flags=0):
        if self._sslobj is None:
            return socket.socket.send(self, data, flags)
        if flags != 0:
            raise ValueError("non-zero flags not allowed in calls to send() on %s" % self.__class__)
        return self._sslobj.write(self, data)

    def sendall(self, data, flags=0):
        if self._sslobj is None:
            return socket.socket.sendall(self, data, flags)
        if flags != 0:
            raise ValueError("non-zero flags not allowed in calls to sendall() on %s" % self.__class__)
        view = memoryview(data).cast("B")
        sent = 0
        while sent < _count(view):
            sent += self._sslobj.write(self, view[sent:])

    def recvfrom(self, buflen=1024, flags=0):
        if self._sslobj is not None:
            raise ValueError("recvfrom not allowed on instances of %s" % self.__class__)
        return socket.socket.recvfrom(self, buflen, flags)

    def sendto(self, data, flags_or_addr, addr=None):
        if self._sslobj is not None:
            raise ValueError("sendto not allowed on instances of %s" % self.__class__)
        return socket.socket.sendto(self, data, flags_or_addr, addr)

    def pending(self):
        return self._sslobj.pending() if self._sslobj is not None else 0

    # -- connection facts ----------------------------------------------------
    def getpeercert(self, binary_form=False):
        if self._sslobj is None:
            raise ValueError("getpeercert on closed or unwrapped SSL socket.")
        return self._sslobj.getpeercert(binary_form)

    def version(self):
        return self._sslobj.version() if self._sslobj is not None else None

    def cipher(self):
        return self._sslobj.cipher() if self._sslobj is not None else None

    def dup(self):
        raise NotImplementedError("Can't dup() %s instances" % self.__class__.__name__)

    def shared_ciphers(self):
        return None

    def compression(self):
        return None

    def selected_alpn_protocol(self):
        return None

    def selected_npn_protocol(self):
        return None

    def get_channel_binding(self, cb_type="tls-unique"):
        raise NotImplementedError("ssl: channel bindings are not supported")

    # -- ending ------------------------------------------------------------
    def unwrap(self):
        """Close the TLS session (close_notify both ways); the socket goes
        on unencrypted (it is returned, as in CPython)."""
        if self._sslobj is None:
            raise ValueError("No SSL wrapper around " + str(self))
        self._sslobj.shutdown(self)
        self._sslobj = None
        return self

    def shutdown(self, how):
        self._sslobj = None
        socket.socket.shutdown(self, how)

    def _real_close(self, *args, **kwargs):
        self._sslobj = None
        return socket.socket._real_close(self, *args, **kwargs)

    def __repr__(self):
        return socket.socket.__repr__(self).replace("<socket.socket", "<ssl.SSLSocket", 1)


SSLContext.sslsocket_class = SSLSocket


def _count(data):
    return memoryview(data).nbytes


def _buffer_len(buffer):
    return memoryview(buffer).nbytes


# -- certificates in files ----------------------------------------------------

PEM_HEADER = "-----BEGIN CERTIFICATE-----"
PEM_FOOTER = "-----END CERTIFICATE-----"


def DER_cert_to_PEM_cert(der_cert_bytes):
    """A DER certificate as PEM text (64-character base64 lines)."""
    text = base64.standard_b64encode(der_cert_bytes).decode("ascii")
    lines = [text[i:i + 64] for i in range(0, len(text), 64)]
    return PEM_HEADER + "\n" + "\n".join(lines) + "\n" + PEM_FOOTER + "\n"


def PEM_cert_to_DER_cert(pem_cert_string):
    """The DER bytes of a PEM certificate."""
    if not pem_cert_string.startswith(PEM_HEADER):
        raise ValueError("Invalid PEM encoding; must start with %s" % PEM_HEADER)
    if not pem_cert_string.strip().endswith(PEM_FOOTER):
        raise ValueError("Invalid PEM encoding; must end with %s" % PEM_FOOTER)
    body = pem_cert_string.strip()[len(PEM_HEADER):-len(PEM_FOOTER)]
    return base64.decodebytes(body.encode("ascii", "strict"))


def get_server_certificate(addr, ssl_version=PROTOCOL_TLS_CLIENT, ca_certs=None, timeout=None):
    """The PEM certificate of the server at addr (not verified unless
    ca_certs is given)."""
    host, port = addr
    context = _create_unverified_context(ssl_version, cert_reqs=CERT_REQUIRED if ca_certs else CERT_NONE,
                                         cafile=ca_certs)
    kwargs = {} if timeout is None else {"timeout": timeout}
    with socket.create_connection(addr, **kwargs) as sock:
        with context.wrap_socket(sock, server_hostname=host) as ssock:
            der = ssock.getpeercert(True)
    return DER_cert_to_PEM_cert(der)


class DefaultVerifyPaths:
    def __init__(self, cafile, capath, openssl_cafile_env, openssl_cafile,
                 openssl_capath_env, openssl_capath):
        self.cafile, self.capath = cafile, capath
        self.openssl_cafile_env, self.openssl_cafile = openssl_cafile_env, openssl_cafile
        self.openssl_capath_env, self.openssl_capath = openssl_capath_env, openssl_capath

    def __repr__(self):
        return ("DefaultVerifyPaths(cafile=%r, capath=%r, openssl_cafile_env=%r, "
                "openssl_cafile=%r, openssl_capath_env=%r, openssl_capath=%r)" % (
                    self.cafile, self.capath, self.openssl_cafile_env,
                    self.openssl_cafile, self.openssl_capath_env, self.openssl_capath))


def get_default_verify_paths():
    """Where OpenSSL looks for CA certificates (Debian's defaults; the
    SSL_CERT_FILE and SSL_CERT_DIR variables override them)."""
    cafile_default, capath_default = "/usr/lib/ssl/cert.pem", "/usr/lib/ssl/certs"
    cafile = os.environ.get("SSL_CERT_FILE", cafile_default)
    capath = os.environ.get("SSL_CERT_DIR", capath_default)
    return DefaultVerifyPaths(cafile if os.path.isfile(cafile) else None,
                              capath if os.path.isdir(capath) else None,
                              "SSL_CERT_FILE", cafile_default, "SSL_CERT_DIR", capath_default)
