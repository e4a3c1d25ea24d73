"""Secure hashes and message digests.

The digests come from the native _hashlib (OpenSSL's libcrypto) and
_blake2; this module gives them their public names:

    md5(), sha1(), sha224(), sha256(), sha384(), sha512(),
    sha3_224(), sha3_256(), sha3_384(), sha3_512(), shake_128(), shake_256(),
    blake2b(), blake2s(), new(name, data=b''),
    pbkdf2_hmac(), scrypt(), file_digest().
"""

import _blake2
import _hashlib

algorithms_guaranteed = frozenset((
    'md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512',
    'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512',
    'shake_128', 'shake_256', 'blake2b', 'blake2s',
))
algorithms_available = algorithms_guaranteed | _hashlib.openssl_md_meth_names

__all__ = ('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512',
           'blake2b', 'blake2s', 'sha3_224', 'sha3_256', 'sha3_384',
           'sha3_512', 'shake_128', 'shake_256',
           'new', 'algorithms_guaranteed', 'algorithms_available',
           'pbkdf2_hmac', 'file_digest')

md5 = _hashlib.openssl_md5
sha1 = _hashlib.openssl_sha1
sha224 = _hashlib.openssl_sha224
sha256 = _hashlib.openssl_sha256
sha384 = _hashlib.openssl_sha384
sha512 = _hashlib.openssl_sha512
sha3_224 = _hashlib.openssl_sha3_224
sha3_256 = _hashlib.openssl_sha3_256
sha3_384 = _hashlib.openssl_sha3_384
sha3_512 = _hashlib.openssl_sha3_512
shake_128 = _hashlib.openssl_shake_128
shake_256 = _hashlib.openssl_shake_256
blake2b = _blake2.blake2b
blake2s = _blake2.blake2s

pbkdf2_hmac = _hashlib.pbkdf2_hmac
scrypt = _hashlib.scrypt

# blake2 takes parameters (key, salt, digest_size, ...) that OpenSSL's
# digests cannot, so new() sends those names to _blake2.
_blake2_types = {'blake2b': blake2b, 'blake2s': blake2s}


def __hash_new(name, data=b'', **kwargs):
    """new(name, data=b'') - Return a new hashing object using the named algorithm;
    optionally initialized with data (which must be a bytes-like object).
    """
    wanted = _blake2_types.get(name)
    if wanted is not None:
        return wanted(data, **kwargs)
    try:
        return _hashlib.new(name, data, **kwargs)
    except ValueError:
        raise ValueError('unsupported hash type ' + name)


new = __hash_new


def file_digest(fileobj, digest, /, *, _bufsize=2**18):
    """Hash the contents of a file-like object opened for reading in binary
    mode. Returns a hash object. `digest` is a hash name or a callable that
    returns a new hash object.
    """
    if isinstance(digest, str):
        hasher = new(digest)
    else:
        hasher = digest()
    if not (hasattr(fileobj, 'read') and hasattr(fileobj, 'readable')
            and fileobj.readable()):
        raise ValueError(
            f"'{fileobj!r}' is not a file-like object in binary reading mode.")
    while True:
        chunk = fileobj.read(_bufsize)
        if not chunk:
            return hasher
        hasher.update(chunk)
