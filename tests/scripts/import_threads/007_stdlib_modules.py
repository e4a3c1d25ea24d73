# Threads importing stdlib modules (written in Python and native) for the
# first time, all at once.
import threading

names = ["json", "pprint", "base64", "argparse", "math", "zlib", "binascii",
         "heapq", "bisect", "string"]
start = threading.Event()
seen = []


def worker():
    start.wait()
    mods = [__import__(n) for n in names]
    seen.append((mods[0].dumps([1]), mods[1].pformat({1: 2}), mods[2].b64encode(b"x"),
                 mods[4].sqrt(16), mods[5].crc32(b"a"), tuple(mods[7].nsmallest(1, [3, 2])),
                 mods[9].digits))


threads = [threading.Thread(target=worker) for _ in range(8)]
for t in threads:
    t.start()
start.set()
for t in threads:
    t.join()
print(len(seen), len(set(seen)))
print(seen[0])
