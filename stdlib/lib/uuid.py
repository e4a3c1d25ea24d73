"""UUID objects (RFC 4122) and the functions that make them: uuid1 (time
and node), uuid3 and uuid5 (MD5 / SHA-1 of a namespace and a name) and
uuid4 (random).

A UUID is an immutable 128-bit integer with views: the hex string, the 16
bytes (big-endian, or little-endian fields for bytes_le), the six RFC
fields and the derived time, clock sequence, node, variant and version.
"""

import enum
import hashlib
import os
import time

__all__ = ['UUID', 'SafeUUID', 'getnode', 'uuid1', 'uuid3', 'uuid4', 'uuid5',
           'NAMESPACE_DNS', 'NAMESPACE_URL', 'NAMESPACE_OID', 'NAMESPACE_X500',
           'RESERVED_NCS', 'RFC_4122', 'RESERVED_MICROSOFT', 'RESERVED_FUTURE']

RESERVED_NCS = 'reserved for NCS compatibility'
RFC_4122 = 'specified in RFC 4122'
RESERVED_MICROSOFT = 'reserved for Microsoft compatibility'
RESERVED_FUTURE = 'reserved for future definition'

_MAX = 1 << 128
# Bit widths of the six fields, most significant first.
_FIELD_BITS = (32, 16, 16, 8, 8, 48)


class SafeUUID(enum.Enum):
    safe = 0
    unsafe = -1
    unknown = None


def _int_from_hex(text):
    text = text.replace('urn:', '').replace('uuid:', '').strip('{}').replace('-', '')
    if len(text) != 32:
        raise ValueError('badly formed hexadecimal UUID string')
    return int(text, 16)


def _reorder_le(data):
    # bytes_le stores the first three fields little-endian.
    return data[3::-1] + data[5:3:-1] + data[7:5:-1] + data[8:]


def _int_from_fields(fields):
    if len(fields) != 6:
        raise ValueError('fields is not a 6-tuple')
    value = 0
    for position, (field, bits) in enumerate(zip(fields, _FIELD_BITS), 1):
        if not 0 <= field < (1 << bits):
            article = 'an' if bits == 8 else 'a'
            raise ValueError(f'field {position} out of range (need {article} {bits}-bit value)')
        value = (value << bits) | field
    return value


class UUID:
    """UUID(hex) or UUID(bytes=..., bytes_le=..., fields=..., int=...);
    with version= the variant and version bits are set as RFC 4122 says."""

    __slots__ = ('int', 'is_safe', '__weakref__')

    def __init__(self, hex=None, bytes=None, bytes_le=None, fields=None, int=None,
                 version=None, *, is_safe=SafeUUID.unknown):
        given = [hex, bytes, bytes_le, fields, int]
        if sum(arg is not None for arg in given) != 1:
            raise TypeError('one of the hex, bytes, bytes_le, fields, or int arguments must be given')
        if hex is not None:
            value = _int_from_hex(hex)
        elif bytes_le is not None:
            if len(bytes_le) != 16:
                raise ValueError('bytes_le is not a 16-char string')
            value = _int_from_bytes(_reorder_le(bytes_le))
        elif bytes is not None:
            if len(bytes) != 16:
                raise ValueError('bytes is not a 16-char string')
            value = _int_from_bytes(bytes)
        elif fields is not None:
            value = _int_from_fields(fields)
        else:
            value = int
            if not 0 <= value < _MAX:
                raise ValueError('int is out of range (need a 128-bit value)')
        if version is not None:
            if not 1 <= version <= 5:
                raise ValueError('illegal version number')
            value = (value & ~(0xc000 << 48)) | (0x8000 << 48)
            value = (value & ~(0xf000 << 64)) | (version << 76)
        object.__setattr__(self, 'int', value)
        object.__setattr__(self, 'is_safe', is_safe)

    def __setattr__(self, name, value):
        raise TypeError('UUID objects are immutable')

    def __reduce__(self):
        return (_rebuild, (self.int, self.is_safe.value))

    # --- text ---

    def __repr__(self):
        return f'{type(self).__name__}({str(self)!r})'

    def __str__(self):
        h = self.hex
        return f'{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}'

    @property
    def hex(self):
        return f'{self.int:032x}'

    @property
    def urn(self):
        return 'urn:uuid:' + str(self)

    # --- binary forms and fields ---

    @property
    def bytes(self):
        return self.int.to_bytes(16, 'big')

    @property
    def bytes_le(self):
        return _reorder_le(self.bytes)

    @property
    def fields(self):
        out, shift = [], 128
        for bits in _FIELD_BITS:
            shift -= bits
            out.append((self.int >> shift) & ((1 << bits) - 1))
        return tuple(out)

    time_low = property(lambda self: self.int >> 96)
    time_mid = property(lambda self: (self.int >> 80) & 0xffff)
    time_hi_version = property(lambda self: (self.int >> 64) & 0xffff)
    clock_seq_hi_variant = property(lambda self: (self.int >> 56) & 0xff)
    clock_seq_low = property(lambda self: (self.int >> 48) & 0xff)
    node = property(lambda self: self.int & 0xffffffffffff)

    @property
    def time(self):
        return ((self.time_hi_version & 0x0fff) << 48) | (self.time_mid << 32) | self.time_low

    @property
    def clock_seq(self):
        return ((self.clock_seq_hi_variant & 0x3f) << 8) | self.clock_seq_low

    @property
    def variant(self):
        top = (self.int >> 61) & 0b111  # the variant bits, atop clock_seq_hi_variant
        if not top & 0b100:
            return RESERVED_NCS
        if not top & 0b010:
            return RFC_4122
        if not top & 0b001:
            return RESERVED_MICROSOFT
        return RESERVED_FUTURE

    @property
    def version(self):
        if self.variant != RFC_4122:
            return None
        return (self.int >> 76) & 0xf

    # --- comparison ---

    def __eq__(self, other):
        return self.int == other.int if isinstance(other, UUID) else NotImplemented

    def __lt__(self, other):
        return self.int < other.int if isinstance(other, UUID) else NotImplemented

    def __le__(self, other):
        return self.int <= other.int if isinstance(other, UUID) else NotImplemented

    def __gt__(self, other):
        return self.int > other.int if isinstance(other, UUID) else NotImplemented

    def __ge__(self, other):
        return self.int >= other.int if isinstance(other, UUID) else NotImplemented

    def __hash__(self):
        return hash(self.int)

    def __int__(self):
        return self.int


def _int_from_bytes(data):
    return int.from_bytes(data, 'big')


def _rebuild(value, safe):
    return UUID(int=value, is_safe=SafeUUID(safe))


_node_cache = []


def getnode():
    """A 48-bit node number: here a random one with the multicast bit set,
    as RFC 4122 allows when no hardware address is used; stable for the
    life of the interpreter."""
    if not _node_cache:
        _node_cache.append(int.from_bytes(os.urandom(6), 'big') | (1 << 40))
    return _node_cache[0]


_last_timestamp = [None]
# 100-ns intervals between 1582-10-15 (the Gregorian reform) and 1970-01-01.
_GREGORIAN_OFFSET = 0x01b21dd213814000


def uuid1(node=None, clock_seq=None):
    """A UUID from the current time, a clock sequence and the node number."""
    stamp = time.time_ns() // 100 + _GREGORIAN_OFFSET
    last = _last_timestamp[0]
    if last is not None and stamp <= last:
        stamp = last + 1
    _last_timestamp[0] = stamp
    if clock_seq is None:
        clock_seq = int.from_bytes(os.urandom(2), 'big') & 0x3fff
    if node is None:
        node = getnode()
    fields = (stamp & 0xffffffff, (stamp >> 32) & 0xffff, (stamp >> 48) & 0x0fff,
              (clock_seq >> 8) & 0x3f, clock_seq & 0xff, node)
    return UUID(fields=fields, version=1)


def _name_bytes(name):
    return bytes(name, 'utf-8')


def uuid3(namespace, name):
    """A UUID from the MD5 hash of a namespace UUID and a name."""
    digest = hashlib.md5(namespace.bytes + _name_bytes(name), usedforsecurity=False).digest()
    return UUID(bytes=digest[:16], version=3)


def uuid4():
    """A random UUID."""
    return UUID(bytes=os.urandom(16), version=4)


def uuid5(namespace, name):
    """A UUID from the SHA-1 hash of a namespace UUID and a name."""
    digest = hashlib.sha1(namespace.bytes + _name_bytes(name), usedforsecurity=False).digest()
    return UUID(bytes=digest[:16], version=5)


NAMESPACE_DNS = UUID('6ba7b810-9dad-11d1-80b4-00c04fd430c8')
NAMESPACE_URL = UUID('6ba7b811-9dad-11d1-80b4-00c04fd430c8')
NAMESPACE_OID = UUID('6ba7b812-9dad-11d1-80b4-00c04fd430c8')
NAMESPACE_X500 = UUID('6ba7b814-9dad-11d1-80b4-00c04fd430c8')
