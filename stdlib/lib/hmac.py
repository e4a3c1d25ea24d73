"""HMAC (keyed-hashing for message authentication), RFC 2104.

Built on hashlib: an HMAC keeps two hash objects, the inner one keyed with
the key XOR 0x36 and fed the message, the outer one keyed with the key XOR
0x5C; the MAC is the outer hash of the inner digest.
"""

import _hashlib
import hashlib as _hashlib_module

compare_digest = _hashlib.compare_digest

# The byte tables that XOR the padded key with the inner and outer pads.
trans_36 = bytes(b ^ 0x36 for b in range(256))
trans_5C = bytes(b ^ 0x5C for b in range(256))

# The size of the MAC is that of the digest chosen, so the module has none.
digest_size = None


def _hash_factory(digestmod):
    """A callable that makes a new hash object for `digestmod`: a hash name,
    a constructor, or a module with a new() function (PEP 247)."""
    if isinstance(digestmod, str):
        return lambda data=b'': _hashlib_module.new(digestmod, data)
    return digestmod if callable(digestmod) else (
        lambda data=b'': digestmod.new(data))


def _keyed_pair(key, factory):
    """The inner and outer hash objects, already fed the padded key, and
    the block size the key was padded to."""
    inner, outer = factory(), factory()
    block = getattr(inner, 'block_size', None)
    if block is None or block < 16:
        block = HMAC.blocksize
    if len(key) > block:
        key = factory(key).digest()
    padded = bytes(key) + bytes(block - len(key))
    inner.update(padded.translate(trans_36))
    outer.update(padded.translate(trans_5C))
    return inner, outer, block


class HMAC:
    """A keyed hash: HMAC(key, msg=None, digestmod) with update(), digest(),
    hexdigest() and copy(), like the hash objects of hashlib."""

    blocksize = 64  # the block size of a digest that reports none
    __slots__ = ('_hmac', '_inner', '_outer', 'block_size', 'digest_size')

    def __init__(self, key, msg=None, digestmod=''):
        if not isinstance(key, (bytes, bytearray)):
            kind = type(key).__name__
            raise TypeError(f"key: expected bytes or bytearray, but got '{kind}'")
        if not digestmod:
            raise TypeError("Missing required parameter 'digestmod'.")
        self._hmac = None  # CPython's slot for an OpenSSL HMAC; unused here
        self._inner, self._outer, self.block_size = _keyed_pair(
            key, _hash_factory(digestmod))
        self.digest_size = self._inner.digest_size
        if msg is not None:
            self._inner.update(msg)

    @property
    def name(self):
        return 'hmac-' + self._inner.name

    def update(self, msg):
        """Feed more of the message."""
        self._inner.update(msg)

    def copy(self):
        """An independent HMAC in the same state."""
        twin = type(self).__new__(type(self))
        twin._hmac = None
        twin._inner = self._inner.copy()
        twin._outer = self._outer.copy()
        twin.digest_size = self.digest_size
        twin.block_size = self.block_size
        return twin

    def _finished(self):
        outer = self._outer.copy()
        outer.update(self._inner.digest())
        return outer

    def digest(self):
        """The MAC of the message so far, as bytes; the HMAC can go on
        being updated."""
        return self._finished().digest()

    def hexdigest(self):
        """Like digest(), as a string of hexadecimal digits."""
        return self._finished().hexdigest()


def new(key, msg=None, digestmod=''):
    """A new HMAC object: the same as HMAC(key, msg, digestmod)."""
    mac = HMAC(key, msg, digestmod)
    return mac


def digest(key, msg, digest):
    """The MAC of `msg` under `key` with the hash `digest`, in one call."""
    for value in (key, msg):
        if not isinstance(value, (bytes, bytearray)):
            raise TypeError(
                "a bytes-like object is required, not '%s'" % type(value).__name__)
    inner, outer, _ = _keyed_pair(key, _hash_factory(digest))
    inner.update(msg)
    outer.update(inner.digest())
    return outer.digest()
