# 20 threads each sleep 0.1 s at the same time: time.sleep releases the GIL,
# so the whole run takes about one sleep (plus start-up).
import threading
import time

done = []


def sleeper(i):
    time.sleep(0.1)
    done.append(i)


threads = [threading.Thread(target=sleeper, args=(i,)) for i in range(20)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(done), sorted(done) == list(range(20)))
