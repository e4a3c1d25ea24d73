from urllib.parse import urlsplit, urlparse, urlunsplit, urlunparse, urldefrag

urls = [
    "http://www.example.com/path/to/page?x=1&y=2#frag",
    "https://user:pw@Example.COM:8443/a;p?q=1#f",
    "http://[::1]:8080/index.html",
    "http://[fe80::1%25eth0]/",
    "ftp://ftp.example.org/pub/file.txt",
    "mailto:someone@example.com",
    "/relative/path?query",
    "path/only",
    "//netloc.only/x",
    "file:///etc/passwd",
    "  http://spaces.example/ \n",
    "http://a\tb.example/p\r\nq",
    "HTTP://UPPER.example/",
    "path:80",
    "http://example.com/a;b;c/d;e",
    "http://example.com",
    "",
    "http://h/p#f?notquery",
    "tel:+1-555;ext=1",
]
for u in urls:
    s = urlsplit(u)
    p = urlparse(u)
    print(repr(u))
    print("  ", s)
    print("  ", p)
    print("  ", s.hostname, s.port, s.username, s.password)
    print("  ", urlunsplit(s), urlunparse(p), s.geturl() == urlunsplit(s), p.geturl())

print(urlsplit("http://h/p#f", allow_fragments=False))
print(urlparse("www.x.com/p", scheme="https"))
print(urldefrag("http://h/p?q#frag"))
print(urldefrag("http://h/p"))
print(urldefrag("http://h/p#frag").geturl())

s = urlsplit("http://u@h:1/x")
print(s._replace(netloc="other:2").geturl())
print(s.scheme, s[0], len(s), tuple(s))
print(type(s).__name__, type(urlparse("x")).__name__)

for bad in ["http://[::1/", "http://h:99999/", "http://h:abc/", "http://h:-1/"]:
    try:
        print(urlsplit(bad).port)
    except ValueError as e:
        print("ValueError", e)

b = urlsplit(b"http://user@HOST:81/p?q#f")
print(b, b.hostname, b.port, b.username)
print(urlparse(b"http://h/p;x"))
print(urlunsplit((b"http", b"h", b"/p", b"", b"")))
print(urlsplit("http://h/p").encode(), b.decode())
try:
    urlunsplit(("http", b"h", "/", "", ""))
except TypeError as e:
    print("TypeError", e)
print(urlunsplit(("http", "", "path", "", "")))
print(urlunsplit(("", "", "//x", "", "")))
print(urlunparse(("http", "h", "/p", "par", "q", "f")))
