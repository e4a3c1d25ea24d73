"""Turning socket, ssl and http.client errors into requests' exceptions
(shared by sessions and models; imported once, at start-up)."""

import contextlib
import http.client
import socket

from .exceptions import ChunkedEncodingError, ConnectionError, ReadTimeout, SSLError

try:
    import ssl
    SSL_ERRORS = (ssl.SSLError,)
except ImportError:
    SSL_ERRORS = ()


@contextlib.contextmanager
def translate_errors(request, host=None, port=None, read_timeout=None, scheme="http"):
    """Turn socket and http.client errors into requests' exceptions."""
    pool = "%sConnectionPool(host=%r, port=%s)" % ("HTTPS" if scheme == "https" else "HTTP",
                                                  host, port)
    try:
        yield
    except (socket.timeout, TimeoutError) as err:
        raise ReadTimeout("%s: Read timed out. (read timeout=%s)" % (pool, read_timeout),
                          request=request) from err
    except http.client.IncompleteRead as err:
        raise ChunkedEncodingError("Connection broken: %r" % (err,), err,
                                   request=request) from err
    except SSL_ERRORS as err:
        raise SSLError(err, request=request) from err
    except (http.client.HTTPException, OSError) as err:
        raise ConnectionError(("Connection aborted.", err), request=request) from err
