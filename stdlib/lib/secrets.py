"""Random numbers and tokens for passwords, keys and URLs (CPython's
secrets): everything here draws from the operating system's source
(os.urandom, through random.SystemRandom), never from the seeded generator
of the random module.
"""

import os as _os
from base64 import urlsafe_b64encode as _b64
from hmac import compare_digest
from random import SystemRandom

__all__ = ["SystemRandom", "choice", "compare_digest", "randbelow", "randbits", "token_bytes",
           "token_hex", "token_urlsafe"]

_source = SystemRandom()

# How many random bytes a token gets when the caller does not say.
DEFAULT_ENTROPY = 32


def choice(seq):
    """One item of a non-empty sequence, chosen at random."""
    return _source.choice(seq)


def randbits(k):
    """An int of k random bits."""
    return _source.getrandbits(k)


def randbelow(exclusive_upper_bound):
    """A random int in range(exclusive_upper_bound)."""
    if exclusive_upper_bound > 0:
        return _source.randrange(exclusive_upper_bound)
    raise ValueError("Upper bound must be positive.")


def token_bytes(nbytes=None):
    """nbytes random bytes (DEFAULT_ENTROPY when None)."""
    return _os.urandom(nbytes if nbytes is not None else DEFAULT_ENTROPY)


def token_hex(nbytes=None):
    """A random text of hex digits, two per byte."""
    return token_bytes(nbytes).hex()


def token_urlsafe(nbytes=None):
    """A random URL-safe text: the bytes in base64 with '-' and '_', and
    without the '=' padding."""
    return _b64(token_bytes(nbytes)).decode("ascii").rstrip("=")
