"""The exceptions of gilt's aiohttp, in aiohttp's hierarchy."""

import asyncio


class ClientError(Exception):
    """Base of every client error."""


class ClientResponseError(ClientError):
    """A response was received but is unusable (e.g. raise_for_status)."""

    def __init__(self, request_info, history, *, status=None, message="", headers=None):
        self.request_info = request_info
        self.history = history
        self.status = status if status is not None else 0
        self.message = message
        self.headers = headers
        super().__init__(request_info, history)

    @property
    def code(self):
        return self.status

    def __str__(self):
        url = self.request_info.real_url if self.request_info is not None else ""
        return "%s, message=%r, url=%r" % (self.status, self.message, str(url))

    def __repr__(self):
        parts = [repr(self.request_info), repr(self.history)]
        if self.status != 0:
            parts.append("status=%r" % self.status)
        if self.message != "":
            parts.append("message=%r" % self.message)
        if self.headers is not None:
            parts.append("headers=%r" % self.headers)
        return "%s(%s)" % (type(self).__name__, ", ".join(parts))


class ContentTypeError(ClientResponseError):
    """json() on a body whose content type is not JSON."""


class ClientConnectionError(ClientError):
    """Base of the errors of the connection itself."""


class ClientOSError(ClientConnectionError, OSError):
    """An OSError met while talking to the server."""


class ClientConnectorError(ClientOSError):
    """Connecting to the host failed."""

    def __init__(self, connection_key, os_error):
        self._conn_key = connection_key
        self._os_error = os_error
        super().__init__(os_error.errno, os_error.strerror)
        self.args = (connection_key, os_error)

    @property
    def os_error(self):
        return self._os_error

    @property
    def host(self):
        return self._conn_key[0]

    @property
    def port(self):
        return self._conn_key[1]

    @property
    def ssl(self):
        return self._conn_key[2]

    def __str__(self):
        reason = self._os_error.strerror or str(self._os_error)
        return "Cannot connect to host %s:%s ssl:%s [%s]" % (
            self.host, self.port, "default" if self.ssl is None else self.ssl, reason)


class ServerConnectionError(ClientConnectionError):
    """The server side of an established connection failed."""


class ServerDisconnectedError(ServerConnectionError):
    """The server closed the connection before answering."""

    def __init__(self, message=None):
        if message is None:
            message = "Server disconnected"
        self.message = message
        super().__init__(message)


class ServerTimeoutError(ServerConnectionError, asyncio.TimeoutError):
    """A connect or socket-read timeout of ClientTimeout expired."""


class ConnectionTimeoutError(ServerTimeoutError):
    """ClientTimeout.connect or sock_connect expired."""


class SocketTimeoutError(ServerTimeoutError):
    """ClientTimeout.sock_read expired."""


class ClientPayloadError(ClientError):
    """The response body was malformed or cut short."""


class InvalidURL(ClientError, ValueError):
    """A URL the client cannot use."""

    def __init__(self, url, description=None):
        self._url = url
        self._description = description
        super().__init__(url) if description is None else super().__init__(url, description)

    @property
    def url(self):
        return self._url

    def __str__(self):
        if self._description:
            return "%s - %s" % (self._url, self._description)
        return str(self._url)

    def __repr__(self):
        return "<%s %s>" % (type(self).__name__, self)


class TooManyRedirects(ClientResponseError):
    """More redirects than max_redirects."""
