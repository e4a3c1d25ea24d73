import threading

counter = 0
lock = threading.Lock()


def increment(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1


threads = [threading.Thread(target=increment, args=(100000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)

counter = 0


def increment_explicit(n):
    global counter
    for _ in range(n):
        lock.acquire()
        try:
            counter += 1
        finally:
            lock.release()


threads = [threading.Thread(target=increment_explicit, args=(100000,)) for _ in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)
print(lock.locked())
