"""The module-level functions: each call makes a one-off Session, so no
connection is kept between them (use a Session for keep-alive)."""

from . import sessions


def delete(url, **kwargs):
    """DELETE url."""
    return request("delete", url, **kwargs)


def get(url, params=None, **kwargs):
    """GET url, with params added to its query string."""
    return request("get", url, params=params, **kwargs)


def head(url, **kwargs):
    """HEAD url; redirects are not followed unless allow_redirects=True."""
    kwargs.setdefault("allow_redirects", False)
    return request("head", url, **kwargs)


def options(url, **kwargs):
    """OPTIONS url."""
    return request("options", url, **kwargs)


def patch(url, data=None, **kwargs):
    """PATCH url with data (or json=) as the body."""
    return request("patch", url, data=data, **kwargs)


def post(url, data=None, json=None, **kwargs):
    """POST url with data or json as the body."""
    return request("post", url, data=data, json=json, **kwargs)


def put(url, data=None, **kwargs):
    """PUT url with data (or json=) as the body."""
    return request("put", url, data=data, **kwargs)


def request(method, url, **kwargs):
    """Send one request; the keyword arguments are Session.request's."""
    with sessions.Session() as one_off:
        return one_off.request(method=method, url=url, **kwargs)
