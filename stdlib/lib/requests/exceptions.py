"""The exceptions gilt's requests module raises (names and bases as in
requests, so `except requests.exceptions.Timeout` works the same)."""

import json as _json



class RequestException(IOError):
    """Something went wrong while handling a request. Carries .request and
    .response when they are known."""

    def __init__(self, *args, **kwargs):
        response = kwargs.pop("response", None)
        self.response = response
        self.request = kwargs.pop("request", None)
        if response is not None and self.request is None and hasattr(response, "request"):
            self.request = response.request
        super().__init__(*args, **kwargs)


class Timeout(RequestException):
    """The request timed out (catches both kinds below)."""


class ConnectionError(RequestException):
    """The connection could not be made or broke."""


class ChunkedEncodingError(RequestException):
    """The server's chunked body was broken."""


class ConnectTimeout(ConnectionError, Timeout):
    """Connecting took longer than the timeout."""


class ContentDecodingError(RequestException):
    """The body could not be decompressed."""


class HTTPError(RequestException):
    """raise_for_status() on a 4xx or 5xx response."""


class InvalidHeader(RequestException, ValueError):
    """A header name or value is not valid."""


class InvalidJSONError(RequestException):
    """The body could not be encoded or decoded as JSON."""


class JSONDecodeError(InvalidJSONError, _json.JSONDecodeError):
    """Response.json() found no valid JSON; also a json.JSONDecodeError."""

    def __init__(self, *args, **kwargs):
        _json.JSONDecodeError.__init__(self, *args)
        InvalidJSONError.__init__(self, *self.args, **kwargs)

    def __reduce__(self):
        return _json.JSONDecodeError.__reduce__(self)


class InvalidSchema(RequestException, ValueError):
    """The URL's scheme is not http or https."""


class InvalidURL(RequestException, ValueError):
    """The URL cannot be used."""


class MissingSchema(RequestException, ValueError):
    """The URL has no scheme (http:// or https://)."""


class ProxyError(ConnectionError):
    """A proxy failed."""


class ReadTimeout(Timeout):
    """The server sent nothing for longer than the timeout."""


class RetryError(RequestException):
    """Retries ran out."""


class SSLError(ConnectionError):
    """TLS failed (certificate verification, handshake)."""


class StreamConsumedError(RequestException, TypeError):
    """The body of this response has been read already."""


class TooManyRedirects(RequestException):
    """More redirects than Session.max_redirects."""


class UnrewindableBodyError(RequestException):
    """The body could not be rewound for a redirect."""


class URLRequired(RequestException):
    """A valid URL is required."""


class RequestsWarning(Warning):
    pass
