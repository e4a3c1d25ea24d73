# Round trips and stream handling on larger inputs.
# Round trips of large and incompressible data through every wbits form,
# level and strategy; streaming in pieces with max_length limits.
import random
import zlib

rng = random.Random(1234)
noise = bytes(rng.getrandbits(8) for _ in range(200000))
text = b''.join(b'line %d: the quick brown fox\n' % i for i in range(50000))
for name, data in [('empty', b''), ('noise', noise), ('text', text)]:
    for level in (0, 1, 6, 9):
        c = zlib.compress(data, level)
        print(name, level, len(c), zlib.crc32(c), zlib.decompress(c) == data)
    for wbits in (9, 15, -15, 31, -9):
        c = zlib.compress(data, 6, wbits)
        auto = 47 if wbits in (15, 31) else wbits
        print(name, wbits, len(c), zlib.adler32(c), zlib.decompress(c, auto) == data)
    for strategy in (zlib.Z_FILTERED, zlib.Z_HUFFMAN_ONLY, zlib.Z_RLE, zlib.Z_FIXED):
        co = zlib.compressobj(6, zlib.DEFLATED, 15, 9, strategy)
        c = co.compress(data) + co.flush()
        print(name, 'strategy', strategy, len(c), zlib.decompress(c) == data)
    print(name, zlib.crc32(data), zlib.adler32(data))

# streaming: compress in pieces with intermediate flushes
co = zlib.compressobj(9)
parts = []
for i in range(0, len(text), 77777):
    parts.append(co.compress(text[i:i + 77777]))
    if i % 3 == 0:
        parts.append(co.flush(zlib.Z_FULL_FLUSH))
parts.append(co.flush())
stream = b''.join(parts)
print(len(stream), zlib.decompress(stream) == text)

# decompress in small input pieces and with a bounded output
do = zlib.decompressobj()
out = []
for i in range(0, len(stream), 1000):
    out.append(do.decompress(stream[i:i + 1000]))
out.append(do.flush())
print(b''.join(out) == text, do.eof, do.unused_data, do.unconsumed_tail)

do = zlib.decompressobj()
out = []
buf = stream + b'TRAILER'
rounds = 0
while buf:
    chunk = do.decompress(buf, 4096)
    assert len(chunk) <= 4096
    out.append(chunk)
    buf = do.unconsumed_tail
    rounds += 1
    if do.eof:
        break
print(b''.join(out) == text, rounds, do.eof, do.unused_data)

do = zlib.decompressobj(wbits=31)
g = zlib.compress(noise, 1, 31)
print(do.decompress(g[:1000]) + do.decompress(g[1000:]) == noise, do.eof)
