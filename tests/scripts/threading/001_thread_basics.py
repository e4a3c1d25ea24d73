import threading

results = []

def worker(n, scale=1):
    results.append((n, n * scale, threading.current_thread().name))

threads = [threading.Thread(target=worker, args=(i,), kwargs={"scale": 10}) for i in range(3)]
print([t.name for t in threads])
print([t.is_alive() for t in threads])
print(threads[0].ident is None, threads[0].native_id is None)
for t in threads:
    t.start()
    t.join()
print(sorted(results))
print([t.is_alive() for t in threads])
print(all(isinstance(t.ident, int) for t in threads))
print(len({t.ident for t in threads}) >= 1)

try:
    threads[0].start()
except RuntimeError as e:
    print("RuntimeError:", e)

unstarted = threading.Thread(target=worker, args=(9,))
try:
    unstarted.join()
except RuntimeError as e:
    print("RuntimeError:", e)
print(unstarted.name)
print(repr(unstarted))

named = threading.Thread(target=worker, args=(5,), name="custom")
print(named.name, named.daemon)
named.daemon = True
print(named.daemon)
named.start()
named.join()
print(repr(named).split(" ")[0], "stopped daemon" in repr(named))
try:
    named.daemon = False
except RuntimeError as e:
    print("RuntimeError:", e)

print(threading.Thread().name)
print(threading.main_thread().name, threading.current_thread() is threading.main_thread())
print(repr(threading.main_thread()).startswith("<_MainThread(MainThread, started "))
try:
    threading.current_thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)


class Counter(threading.Thread):
    def __init__(self, n):
        super().__init__()
        self.n = n
        self.total = 0

    def run(self):
        for i in range(self.n):
            self.total += i


c = Counter(1000)
print(c.name)
c.start()
c.join(timeout=5)
print(c.total, c.is_alive())
t = threading.Thread(target=lambda: None)
print(t.name)
t.name = "renamed"
print(t.name)
