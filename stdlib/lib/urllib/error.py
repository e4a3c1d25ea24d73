"""Exceptions raised by urllib.request.

URLError wraps the reason a URL could not be opened (often an OSError);
HTTPError is both an exception and a response: it carries the status code,
reason, headers and the body still to be read.
"""

__all__ = ["URLError", "HTTPError", "ContentTooShortError"]


class URLError(OSError):
    def __init__(self, reason, filename=None):
        self.args = (reason,)
        self.reason = reason
        if filename is not None:
            self.filename = filename

    def __str__(self):
        return "<urlopen error %s>" % (self.reason,)


class HTTPError(URLError):
    """An HTTP response with an error (or unhandled redirect) status."""

    def __init__(self, url, code, msg, hdrs, fp):
        self.code = code
        self.msg = msg
        self.hdrs = hdrs
        self.fp = fp
        self.filename = self.url = url
        self.args = ()

    @property
    def reason(self):
        return self.msg

    @property
    def headers(self):
        return self.hdrs

    @headers.setter
    def headers(self, value):
        self.hdrs = value

    def __str__(self):
        return "HTTP Error %s: %s" % (self.code, self.msg)

    def __repr__(self):
        return "<HTTPError %s: %r>" % (self.code, self.msg)

    def info(self):
        return self.hdrs

    def geturl(self):
        return self.url

    def getcode(self):
        return self.code

    @property
    def status(self):
        return self.code

    def read(self, *args):
        return self.fp.read(*args) if self.fp is not None else b""

    def readline(self, *args):
        return self.fp.readline(*args) if self.fp is not None else b""

    def close(self):
        if self.fp is not None:
            self.fp.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class ContentTooShortError(URLError):
    def __init__(self, message, content):
        URLError.__init__(self, message)
        self.content = content
