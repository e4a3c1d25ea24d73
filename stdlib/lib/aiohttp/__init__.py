"""gilt's own small aiohttp-compatible HTTP client.

This is not the aiohttp project: it is a compact client written for gilt
that offers the part of aiohttp's client API most programs use, over
asyncio streams (asyncio.open_connection):

- ClientSession (async context manager; get/post/put/patch/delete/head/
  options/request usable with `async with` or `await`; headers=, params=,
  json=, data=, timeout=, allow_redirects=, raise_for_status=; close())
- ClientResponse (status, reason, headers as a case-insensitive
  multidict, url, read(), text(encoding=), json(), raise_for_status(),
  release(), content_type, charset, history)
- ClientTimeout(total=, connect=, sock_read=, sock_connect=): the total
  limit raises asyncio.TimeoutError as aiohttp does; connect and sock_read
  limits raise ServerTimeoutError subclasses
- TCPConnector(limit=, limit_per_host=, force_close=): connection limits
  and keep-alive reuse
- aiohttp's client exceptions (ClientError, ClientConnectionError,
  ClientConnectorError, ClientResponseError, ServerTimeoutError,
  ClientPayloadError, ...)

The body is read together with the headers; chunked and Content-Length
bodies are supported, and gzip/deflate content encodings are decoded.

Not supported (each raises NotImplementedError naming it): https URLs
(TLS through asyncio is missing in gilt; this module does not fall back to
a thread), response streaming through ClientResponse.content, cookies,
auth, websockets, multipart and the server side (aiohttp.web).
"""

from .client import (
    ClientSession, ClientResponse, ClientTimeout, TCPConnector, RequestInfo,
    request, DEFAULT_TIMEOUT,
)
from .client_exceptions import (
    ClientError, ClientResponseError, ContentTypeError, ClientConnectionError,
    ClientOSError, ClientConnectorError, ServerConnectionError,
    ServerDisconnectedError, ServerTimeoutError, ConnectionTimeoutError,
    SocketTimeoutError, ClientPayloadError, InvalidURL, TooManyRedirects,
)
from ._multidict import CIMultiDict, CIMultiDictProxy

__version__ = "3.9.5"

__all__ = [
    "ClientSession", "ClientResponse", "ClientTimeout", "TCPConnector",
    "RequestInfo", "request", "ClientError", "ClientResponseError",
    "ContentTypeError", "ClientConnectionError", "ClientOSError",
    "ClientConnectorError", "ServerConnectionError", "ServerDisconnectedError",
    "ServerTimeoutError", "ConnectionTimeoutError", "SocketTimeoutError",
    "ClientPayloadError", "InvalidURL", "TooManyRedirects",
]


def __getattr__(name):
    if name == "web":
        raise NotImplementedError("gilt's aiohttp does not support aiohttp.web (the server side)")
    raise AttributeError("module 'aiohttp' has no attribute %r" % name)
