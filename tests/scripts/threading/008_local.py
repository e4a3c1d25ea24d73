import threading

data = threading.local()
data.x = "main"
out = []


def worker(i):
    out.append(hasattr(data, "x"))
    data.x = i
    threading.Event().wait(0.01)
    out.append(data.x == i)


ts = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(out), data.x)


class MyLocal(threading.local):
    def __init__(self, start):
        self.value = start

    def bump(self):
        self.value += 1
        return self.value


ml = MyLocal(10)
print(ml.bump())
res = []
t = threading.Thread(target=lambda: res.append(ml.bump()))
t.start()
t.join()
print(res, ml.value)
try:
    threading.local(1)
except TypeError as e:
    print("TypeError:", e)
