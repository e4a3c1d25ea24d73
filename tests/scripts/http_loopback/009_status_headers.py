# http.HTTPStatus and the header container http.client uses.
import io
from http import HTTPStatus
import http.client

print(HTTPStatus.OK, repr(HTTPStatus.NOT_FOUND), HTTPStatus(418).phrase)
print(HTTPStatus.NOT_FOUND.description, HTTPStatus["BAD_GATEWAY"].value)
print(HTTPStatus.OK == 200, isinstance(HTTPStatus.OK, int), len(HTTPStatus))
print([s.value for s in HTTPStatus][:6], HTTPStatus.OK + 1)
try:
    HTTPStatus(299)
except ValueError as e:
    print("ValueError", e)

raw = (b"Content-Type: text/html; charset=ISO-8859-1\r\n"
       b"Set-Cookie: a=1\r\n"
       b"set-cookie: b=2\r\n"
       b"X-Folded: first\r\n second\r\n"
       b"Empty:\r\n"
       b"\r\n"
       b"body")
fp = io.BytesIO(raw)
msg = http.client.parse_headers(fp)
print(type(msg).__name__, len(msg), fp.read())
print(msg["content-type"], msg.get("SET-COOKIE"), msg.get_all("Set-Cookie"))
print(msg.get("missing"), msg.get("missing", "dflt"), msg.get_all("missing"), msg["missing"])
print(repr(msg["X-Folded"]), repr(msg["Empty"]), "empty" in msg, "nope" in msg)
print(msg.keys(), msg.values()[:2], msg.items()[1])
print(msg.get_content_type(), msg.get_content_charset(), msg.get_param("charset"))
print(msg.getallmatchingheaders("set-cookie"))
msg["X-New"] = "v"
del msg["set-cookie"]
print(list(msg), msg.get_all("set-cookie"))
print(str(msg).splitlines())
plain = http.client.parse_headers(io.BytesIO(b"\r\n"))
print(len(plain), plain.get_content_type(), plain.get_content_charset("fallback"))
