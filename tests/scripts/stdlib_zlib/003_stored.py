# Level 0 (stored blocks) output is byte-identical to CPython's, which
# depends on how the output buffer grows.
import zlib
for n in (10, 40000, 100000, 3000000):
    data = bytes(range(256)) * (n // 256) + b'x' * (n % 256)
    co = zlib.compressobj(0)
    c = co.compress(data) + co.flush()
    print(n, len(zlib.compress(data, 0)), zlib.crc32(zlib.compress(data, 0)), len(c), zlib.crc32(c))
