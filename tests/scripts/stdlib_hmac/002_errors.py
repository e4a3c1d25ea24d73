# hmac's argument errors and compare_digest's accepted types.
import hashlib
import hmac


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)


t(lambda: hmac.new(b'k'))
t(lambda: hmac.new(b'k', b'm'))
t(lambda: hmac.new(b'k', digestmod=None))
t(lambda: hmac.new('k', digestmod='sha256'))
t(lambda: hmac.new(b'k', 'msg', digestmod='sha256'))
t(lambda: hmac.new(b'k', digestmod='foo'))
t(lambda: hmac.new(b'k', digestmod=5))
h = hmac.new(b'k', b'm', 'sha256')
t(lambda: h.update('x'))
t(lambda: h.update(None))
t(lambda: hmac.digest(b'k', b'm', 'foo'))
t(lambda: hmac.digest('k', b'm', 'sha256'))
t(lambda: hmac.digest(b'k', 'm', 'sha256'))
t(lambda: hmac.digest(b'k', None, 'sha256'))
t(lambda: hmac.compare_digest(b'a', b'a'))
t(lambda: hmac.compare_digest('abc', 'abc'))
t(lambda: hmac.compare_digest('abc', 'abd'))
t(lambda: hmac.compare_digest('a', b'a'))
t(lambda: hmac.compare_digest(b'a', 'a'))
t(lambda: hmac.compare_digest('é', 'é'))
t(lambda: hmac.compare_digest(1, 1))
t(lambda: hmac.compare_digest(b'a', 1))
t(lambda: hmac.compare_digest(bytearray(b'ab'), b'ab'))
t(lambda: hmac.compare_digest(b'ab', b'a'))
t(lambda: hmac.compare_digest(b'', b''))
t(lambda: hmac.compare_digest(b'ab', b'ac'))
t(lambda: hmac.compare_digest(a=b'a', b=b'a'))
t(lambda: hmac.compare_digest(b'a'))
mac = hmac.new(b'key', b'payload', 'sha256').digest()
t(lambda: hmac.compare_digest(mac, hmac.new(b'key', b'payload', 'sha256').digest()))
t(lambda: hmac.compare_digest(mac, hmac.new(b'kez', b'payload', 'sha256').digest()))
t(lambda: hmac.digest(b'k', b'm', None))
t(lambda: hmac.digest(bytearray(b'k' * 200), bytearray(b'm'), 'sha512').hex())
t(lambda: hmac.new(b'k' * 200, b'm', 'sha512').hexdigest())
