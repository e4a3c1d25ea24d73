# Large updates release the GIL: threads hashing big buffers at once get the
# same digests as one thread, and concurrent updates of one shared object
# (identical chunks, so the order does not matter) lose nothing.
import hashlib
import threading

blob = bytes(range(256)) * 16384  # 4 MiB
names = ['md5', 'sha1', 'sha256', 'sha512', 'sha3_256', 'blake2b', 'blake2s']
expected = {n: hashlib.new(n, blob).hexdigest() for n in names}
results = {}


def work(name):
    h = hashlib.new(name)
    for i in range(0, len(blob), 1 << 20):
        h.update(blob[i:i + (1 << 20)])
    results[name] = h.hexdigest()


threads = [threading.Thread(target=work, args=(n,)) for n in names]
for th in threads:
    th.start()
for th in threads:
    th.join()
for n in names:
    print(n, results[n] == expected[n], results[n][:16])

chunk = b'z' * 100000
for name in ['sha256', 'blake2s']:
    shared = hashlib.new(name)
    start = threading.Event()

    def feed():
        start.wait()
        for _ in range(20):
            shared.update(chunk)

    workers = [threading.Thread(target=feed) for _ in range(4)]
    for w in workers:
        w.start()
    start.set()
    for w in workers:
        w.join()
    print(name, shared.hexdigest() == hashlib.new(name, chunk * 80).hexdigest())
    sb = bytearray(chunk * 3)
    print(name, hashlib.new(name, sb).hexdigest() == hashlib.new(name, bytes(sb)).hexdigest())
