"""gilt's own small requests-compatible HTTP client.

This is not the third-party `requests` package: it is a module written for
gilt that offers the part of requests' API scripts use most, on top of
http.client, so that programs written for requests run unchanged:

    requests.get/post/put/patch/delete/head/options/request(url, params=,
        data=, json=, headers=, cookies=, timeout=, allow_redirects=,
        verify=, auth=, stream=)
    requests.Session (keep-alive connection reuse, context manager)
    requests.Response (status_code, ok, reason, headers, url, encoding,
        text, content, json(), raise_for_status(), elapsed, history,
        iter_content(), iter_lines())
    requests.exceptions (RequestException, ConnectionError, Timeout,
        ConnectTimeout, ReadTimeout, HTTPError, TooManyRedirects,
        JSONDecodeError, ...)

Cookies are kept as plain name=value pairs (no domain, path or expiry
rules). Anything else it is asked for (files, proxies, hooks, client
certificates, adapters) raises NotImplementedError naming the feature.
"""

from . import exceptions
from .api import delete, get, head, options, patch, post, put, request
from .exceptions import (ConnectionError, ConnectTimeout, HTTPError, JSONDecodeError,
                         ReadTimeout, RequestException, Timeout, TooManyRedirects,
                         URLRequired)
from .models import PreparedRequest, Request, Response
from .sessions import Session, session
from .status_codes import codes
from .structures import CaseInsensitiveDict

from .sessions import API_VERSION as __version__  # the requests API followed
__title__ = "requests"
__all__ = ["delete", "get", "head", "options", "patch", "post", "put", "request",
           "Session", "session", "Request", "PreparedRequest", "Response", "codes",
           "exceptions", "RequestException", "ConnectionError", "ConnectTimeout",
           "HTTPError", "JSONDecodeError", "ReadTimeout", "Timeout",
           "TooManyRedirects", "URLRequired", "CaseInsensitiveDict"]
