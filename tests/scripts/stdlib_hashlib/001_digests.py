# Known-answer digests of every guaranteed algorithm, by new() and by name,
# one-shot and incremental, for inputs up to 1 MB; copy() forks the state.
import hashlib
inputs = [b'', b'abc', b'The quick brown fox jumps over the lazy dog', bytes(range(256)) * 40, b'x' * 1000003]
for name in sorted(hashlib.algorithms_guaranteed):
    for data in inputs:
        h = hashlib.new(name, data)
        if name.startswith('shake'):
            print(name, len(data), h.hexdigest(20), h.digest(5))
        else:
            print(name, len(data), h.hexdigest(), h.name, h.digest_size, h.block_size)
    h = getattr(hashlib, name)()
    for data in inputs:
        h.update(data)
    c = h.copy()
    c.update(b'more')
    if name.startswith('shake'):
        print(name, 'inc', h.hexdigest(32), c.hexdigest(32))
    else:
        print(name, 'inc', h.hexdigest(), c.hexdigest(), h.digest() == bytes.fromhex(h.hexdigest()))
print(sorted(hashlib.algorithms_available))
