# compress/decompress release the GIL: threads compressing at once get the
# same bytes as one thread; a shared Decompress fed from several threads
# under a lock keeps its stream intact.
import threading
import zlib

blobs = [bytes([i]) * 300000 + bytes(range(256)) * 2000 for i in range(6)]
expected = [zlib.compress(b, 6) for b in blobs]
results = [None] * len(blobs)


def work(i):
    c = zlib.compress(blobs[i], 6)
    results[i] = (c == expected[i], zlib.decompress(c) == blobs[i], zlib.crc32(blobs[i]))


threads = [threading.Thread(target=work, args=(i,)) for i in range(len(blobs))]
for t in threads:
    t.start()
for t in threads:
    t.join()
for r in results:
    print(r)

stream = zlib.compress(b''.join(blobs))
do = zlib.decompressobj()
lock = threading.Lock()
pieces = [stream[i:i + 5000] for i in range(0, len(stream), 5000)]
out = {}


def feeder(k):
    while True:
        with lock:
            if not pieces:
                return
            idx = len(out)
            out[idx] = do.decompress(pieces.pop(0))


workers = [threading.Thread(target=feeder, args=(k,)) for k in range(3)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print(b''.join(out[i] for i in sorted(out)) == b''.join(blobs), do.eof)
