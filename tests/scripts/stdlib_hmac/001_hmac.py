# HMAC known answers (RFC 2202 / RFC 4231 vectors and long keys) for several
# digests given by name, constructor or module; copy() and incremental use.
import hashlib
import hmac

vectors = [
    (b'\x0b' * 20, b'Hi There'),
    (b'Jefe', b'what do ya want for nothing?'),
    (b'\xaa' * 20, b'\xdd' * 50),
    (b'\xaa' * 131, b'Test Using Larger Than Block-Size Key - Hash Key First'),
    (b'', b''),
    (bytearray(b'key'), bytearray(b'message')),
]
for name in ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha3_256', 'blake2b', 'blake2s']:
    for key, msg in vectors:
        h = hmac.new(key, msg, name)
        print(name, len(key), h.hexdigest())
        assert h.digest() == hmac.digest(key, msg, name)
    print(h.name, h.digest_size, h.block_size)

h = hmac.new(b'secret', digestmod=hashlib.sha256)
for part in [b'a', b'b' * 100, b'c' * 5000]:
    h.update(part)
c = h.copy()
c.update(b'tail')
print(h.hexdigest(), c.hexdigest(), h.hexdigest() == hmac.new(b'secret', b'a' + b'b' * 100 + b'c' * 5000, 'sha256').hexdigest())
print(hmac.new(b'k', b'm', digestmod=lambda d=b'': hashlib.sha1(d)).hexdigest())
print(hmac.new(b'k', b'm', 'sha256').digest() == hmac.digest(b'k', b'm', hashlib.sha256))
print(type(h).__name__, hmac.HMAC.blocksize, hmac.digest_size, len(hmac.trans_36), hmac.trans_5C[:4])
print(hmac.new(b'k', b'm', hashlib.md5).hexdigest())
