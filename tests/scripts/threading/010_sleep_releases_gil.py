import threading
import time

start = time.monotonic()
threads = [threading.Thread(target=time.sleep, args=(0.3,)) for _ in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.monotonic() - start
print("parallel sleeps:", elapsed < 1.2)

# A busy thread keeps running while the main thread sleeps.
count = 0
done = threading.Event()


def spin():
    global count
    while not done.is_set():
        count += 1


t = threading.Thread(target=spin)
t.start()
time.sleep(0.2)
done.set()
t.join()
print("spinner ran:", count > 0)

# join with a timeout returns while the thread still runs.
ev = threading.Event()
t = threading.Thread(target=ev.wait)
t.start()
t.join(0.05)
print(t.is_alive())
ev.set()
t.join()
print(t.is_alive())
