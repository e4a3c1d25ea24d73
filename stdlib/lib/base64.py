"""Base16, Base32, Base64 (RFC 4648), Base85 and Ascii85 data encodings.

Base64 and hex come from the native binascii; Base32 and the two Base85
flavours are written here over int arithmetic.
"""

import binascii
import builtins

__all__ = sorted([
    'a85decode', 'a85encode', 'b16decode', 'b16encode', 'b32decode', 'b32encode',
    'b32hexdecode', 'b32hexencode', 'b64decode', 'b64encode', 'b85decode',
    'b85encode', 'decode', 'decodebytes', 'encode', 'encodebytes',
    'standard_b64decode', 'standard_b64encode', 'urlsafe_b64decode',
    'urlsafe_b64encode'])

# What counts as bytes-like here (memoryview where the interpreter has it).
_BYTES_LIKE = (bytes, bytearray) + (
    (builtins.memoryview,) if hasattr(builtins, 'memoryview') else ())


def _as_decode_input(s):
    """The bytes a decoder reads: bytes-like data, or a str of ASCII only."""
    if isinstance(s, str):
        if not s.isascii():
            raise ValueError('string argument should contain only ASCII characters')
        return s.encode('ascii')
    if isinstance(s, _BYTES_LIKE):
        return bytes(s)
    raise TypeError('argument should be a bytes-like object or ASCII string, '
                    f'not {type(s).__name__!r}')


def _check_bytes_like(s):
    if not isinstance(s, _BYTES_LIKE):
        raise TypeError(f'expected bytes-like object, not {type(s).__name__}')


def _as_encode_input(s):
    """The bytes of an encoder's input, worded as memoryview() refuses."""
    if not isinstance(s, _BYTES_LIKE):
        raise TypeError('memoryview: a bytes-like object is required, '
                        f'not {type(s).__name__!r}')
    return bytes(s)


# --- Base64 ---

def b64encode(s, altchars=None):
    """Base64-encode the bytes-like `s`; `altchars` (two bytes) replace
    '+' and '/'."""
    out = binascii.b2a_base64(s, newline=False)
    if altchars is None:
        return out
    assert len(altchars) == 2, repr(altchars)
    return out.translate(bytes.maketrans(b'+/', altchars))


def b64decode(s, altchars=None, validate=False):
    """Decode Base64 `s` (bytes-like or ASCII str). Characters outside the
    alphabet are skipped unless `validate`, which rejects them and any
    misplaced padding (binascii.Error)."""
    data = _as_decode_input(s)
    if altchars is not None:
        altchars = _as_decode_input(altchars)
        assert len(altchars) == 2, repr(altchars)
        data = data.translate(bytes.maketrans(altchars, b'+/'))
    return binascii.a2b_base64(data, strict_mode=validate)


def standard_b64encode(s):
    """Base64 with the standard alphabet."""
    return b64encode(s)


def standard_b64decode(s):
    """Decode standard Base64."""
    return b64decode(s)


_TO_URLSAFE = bytes.maketrans(b'+/', b'-_')
_FROM_URLSAFE = bytes.maketrans(b'-_', b'+/')


def urlsafe_b64encode(s):
    """Base64 with '-' and '_' in place of '+' and '/'."""
    return b64encode(s).translate(_TO_URLSAFE)


def urlsafe_b64decode(s):
    """Decode URL- and filename-safe Base64."""
    return b64decode(_as_decode_input(s).translate(_FROM_URLSAFE))


# --- Base32 ---

_B32_ALPHABET = b'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
_B32HEX_ALPHABET = b'0123456789ABCDEFGHIJKLMNOPQRSTUV'
# Trailing '=' count of a final 8-character group -> bytes it carries.
_B32_TAIL_BYTES = {0: 5, 1: 4, 3: 3, 4: 2, 6: 1}


def _b32_encode(alphabet, s):
    data = _as_encode_input(s)
    out = bytearray()
    for start in range(0, len(data), 5):
        group = data[start:start + 5]
        used = len(group)
        value = int.from_bytes(group + bytes(5 - used), 'big')
        chars = bytes(alphabet[(value >> shift) & 31] for shift in range(35, -1, -5))
        keep = (used * 8 + 4) // 5
        out += chars[:keep] + b'=' * (8 - keep)
    return bytes(out)


def _b32_decode(alphabet, s, casefold, map01=None):
    data = _as_decode_input(s)
    if len(data) % 8:
        raise binascii.Error('Incorrect padding')
    if map01 is not None:
        map01 = _as_decode_input(map01)
        assert len(map01) == 1, repr(map01)
        data = data.translate(bytes.maketrans(b'01', b'O' + map01))
    if casefold:
        data = data.upper()
    body = data.rstrip(b'=')
    pads = len(data) - len(body)
    lookup = {c: i for i, c in enumerate(alphabet)}
    out = bytearray()
    for start in range(0, len(body), 8):
        value = 0
        for c in body[start:start + 8]:
            digit = lookup.get(c)
            if digit is None:
                raise binascii.Error('Non-base32 digit found')
            value = value << 5 | digit
        missing = 8 - len(body[start:start + 8])
        out += (value << 5 * missing).to_bytes(5, 'big')
    if pads not in _B32_TAIL_BYTES:
        raise binascii.Error('Incorrect padding')
    if out and pads:
        del out[len(out) - 5 + _B32_TAIL_BYTES[pads]:]
    return bytes(out)


def b32encode(s):
    """Base32-encode the bytes-like `s` (RFC 4648 alphabet)."""
    return _b32_encode(_B32_ALPHABET, s)


def b32decode(s, casefold=False, map01=None):
    """Decode Base32 `s`. `casefold` accepts lower case; `map01` names the
    letter a '1' stands for ('0' is then read as 'O')."""
    return _b32_decode(_B32_ALPHABET, s, casefold, map01)


def b32hexencode(s):
    """Base32 with the "extended hex" alphabet."""
    return _b32_encode(_B32HEX_ALPHABET, s)


def b32hexdecode(s, casefold=False):
    """Decode Base32 with the "extended hex" alphabet."""
    return _b32_decode(_B32HEX_ALPHABET, s, casefold)


# --- Base16 ---

def b16encode(s):
    """Hex-encode the bytes-like `s` in upper case."""
    return binascii.hexlify(s).upper()


def b16decode(s, casefold=False):
    """Decode upper-case hex `s` (lower case too with `casefold`)."""
    data = _as_decode_input(s)
    if casefold:
        data = data.upper()
    if any(c not in b'0123456789ABCDEF' for c in data):
        raise binascii.Error('Non-base16 digit found')
    return binascii.unhexlify(data)


# --- Ascii85 and Base85 ---

_A85_ALPHABET = bytes(range(33, 118))
_B85_ALPHABET = (b'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'
                 b'abcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~')
_B85_VALUES = {c: i for i, c in enumerate(_B85_ALPHABET)}


def _encode_85(data, alphabet, pad, fold_nul, fold_space):
    """Five digits per 4-byte word (the last word zero-filled and, unless
    `pad`, cut back to the bytes it had plus one)."""
    data = _as_encode_input(data)
    fill = -len(data) % 4
    data += bytes(fill)
    out = bytearray()
    last = b''
    for start in range(0, len(data), 4):
        word = int.from_bytes(data[start:start + 4], 'big')
        if fold_nul and word == 0:
            last = b'z'
        elif fold_space and word == 0x20202020:
            last = b'y'
        else:
            last = bytes(alphabet[word // 85 ** k % 85] for k in range(4, -1, -1))
        out += last
    if fill and not pad:
        if last == b'z':
            last = alphabet[:1] * 5
        del out[len(out) - len(last):]
        out += last[:5 - fill]
    return bytes(out)


def a85encode(b, *, foldspaces=False, wrapcol=0, pad=False, adobe=False):
    """Ascii85-encode the bytes-like `b`. `foldspaces` writes four spaces
    as 'y'; `wrapcol` breaks lines; `pad` keeps the last word whole;
    `adobe` frames the output in <~ ~>."""
    out = _encode_85(b, _A85_ALPHABET, pad, True, foldspaces)
    if adobe:
        out = b'<~' + out
    if wrapcol:
        width = max(2 if adobe else 1, wrapcol)
        lines = [out[i:i + width] for i in range(0, len(out), width)] or [b'']
        if adobe and len(lines[-1]) + 2 > width:
            lines.append(b'')
        out = b'\n'.join(lines)
    if adobe:
        out += b'~>'
    return out


def _word_bytes(value, error):
    if value >= 1 << 32:
        raise ValueError(error)
    return value.to_bytes(4, 'big')


def a85decode(b, *, foldspaces=False, adobe=False, ignorechars=b' \t\n\r\v'):
    """Decode Ascii85 `b`; 'z' is four zero bytes, and with `foldspaces`
    'y' four spaces; bytes in `ignorechars` are skipped."""
    data = _as_decode_input(b)
    if adobe:
        if not data.endswith(b'~>'):
            raise ValueError("Ascii85 encoded byte sequences must end with b'~>'")
        data = data[2:-2] if data.startswith(b'<~') else data[:-2]
    out = bytearray()
    group = []
    for c in data:
        if 33 <= c <= 117:
            group.append(c - 33)
            if len(group) == 5:
                value = 0
                for digit in group:
                    value = value * 85 + digit
                out += _word_bytes(value, 'Ascii85 overflow')
                group = []
        elif c == 122:  # z
            if group:
                raise ValueError('z inside Ascii85 5-tuple')
            out += b'\0\0\0\0'
        elif foldspaces and c == 121:  # y
            if group:
                raise ValueError('y inside Ascii85 5-tuple')
            out += b'    '
        elif c in ignorechars:
            continue
        else:
            raise ValueError('Non-Ascii85 digit found: %c' % c)
    if group:
        missing = 5 - len(group)
        value = 0
        for digit in group + [84] * missing:
            value = value * 85 + digit
        out += _word_bytes(value, 'Ascii85 overflow')[:4 - missing]
    return bytes(out)


def b85encode(b, pad=False):
    """Base85-encode the bytes-like `b` (the alphabet of git and Mercurial
    binary diffs); `pad` keeps the last word whole."""
    return _encode_85(b, _B85_ALPHABET, pad, False, False)


def b85decode(b):
    """Decode Base85 `b`."""
    data = _as_decode_input(b)
    missing = -len(data) % 5
    data += b'~' * missing
    out = bytearray()
    for start in range(0, len(data), 5):
        value = 0
        for offset, c in enumerate(data[start:start + 5]):
            digit = _B85_VALUES.get(c)
            if digit is None:
                raise ValueError(f'bad base85 character at position {start + offset}')
            value = value * 85 + digit
        out += _word_bytes(value, f'base85 overflow in hunk starting at byte {start}')
    if missing:
        del out[-missing:]
    return bytes(out)


# --- MIME-style Base64 in lines, and files ---

MAXLINESIZE = 76  # characters per output line
MAXBINSIZE = (MAXLINESIZE // 4) * 3  # input bytes per output line


def encodebytes(s):
    """Base64 in lines of at most 76 characters, each ending in a newline."""
    _check_bytes_like(s)
    return b''.join(binascii.b2a_base64(s[i:i + MAXBINSIZE])
                    for i in range(0, len(s), MAXBINSIZE))


def decodebytes(s):
    """Decode lines of Base64."""
    _check_bytes_like(s)
    return binascii.a2b_base64(s)


def encode(input, output):
    """Base64-encode the binary file `input` into the binary file `output`."""
    while block := input.read(MAXBINSIZE):
        while len(block) < MAXBINSIZE:
            more = input.read(MAXBINSIZE - len(block))
            if not more:
                break
            block += more
        output.write(binascii.b2a_base64(block))


def decode(input, output):
    """Decode the Base64 lines of the binary file `input` into `output`."""
    for line in iter(input.readline, b''):
        output.write(binascii.a2b_base64(line))
