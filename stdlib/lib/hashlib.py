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

__all__ = tuple(sorted(algorithms_guaranteed)) + (
    'new', 'algorithms_guaranteed', 'algorithms_available', 'pbkdf2_hmac',
    'file_digest')

# Each OpenSSL-backed algorithm's constructor is _hashlib's openssl_<name>.
for _algorithm in sorted(algorithms_guaranteed):
    if not _algorithm.startswith('blake2'):
        globals()[_algorithm] = getattr(_hashlib, 'openssl_' + _algorithm)
del _algorithm
blake2b = _blake2.blake2b
blake2s = _blake2.blake2s

pbkdf2_hmac = _hashlib.pbkdf2_hmac
scrypt = _hashlib.scrypt

# blake2 takes parameters (key, salt, digest_size, ...) that OpenSSL's
# digests cannot, so new() sends those names to _blake2.
_blake2_types = {'blake2b': blake2b, 'blake2s': blake2s}


def new(name, data=b'', **kwargs):
    """A new hash object for the algorithm called `name` (any name in
    algorithms_available, or an OpenSSL alias such as 'SHA256'), fed `data`.
    """
    maker = _blake2_types.get(name)
    if maker is not None:
        return maker(data, **kwargs)
    try:
        made = _hashlib.new(name, data, **kwargs)
    except ValueError:
        raise ValueError(f'unsupported hash type {name}')
    return made


def file_digest(fileobj, digest, /, *, _bufsize=2**18):
    """Hash the contents of a file-like object opened for reading in binary
    mode. Returns a hash object. `digest` is a hash name or a callable that
    returns a new hash object.
    """
    hasher = new(digest) if isinstance(digest, str) else digest()
    if not (hasattr(fileobj, 'read') and hasattr(fileobj, 'readable')
            and fileobj.readable()):
        raise ValueError(
            f"'{fileobj!r}' is not a file-like object in binary reading mode.")
    chunk = fileobj.read(_bufsize)
    while chunk:
        hasher.update(chunk)
        chunk = fileobj.read(_bufsize)
    return hasher
