def averager():
    total, count, avg = 0, 0, None
    while True:
        value = yield avg
        print("received", value)
        total += value
        count += 1
        avg = total / count
a = averager()
print(next(a))
print(a.send(10))
print(a.send(20))
print(a.send(60))
def echo():
    received = yield "ready"
    while received is not None:
        received = yield received.upper()
e = echo()
print(e.send(None))
print(e.send("hi"))
print(e.send("there"))
try:
    e.send(None)
except StopIteration:
    print("echo stopped")
g = echo()
try:
    g.send("too early")
except TypeError as err:
    print("TypeError:", err)
