# Connection framing: CPython's wire format (4-byte big-endian length, the
# payload), send/recv of objects and bytes, maxlength, EOF in and between
# messages, and what send_bytes accepts.
import os
import struct
import threading
from multiprocessing.connection import Connection
import multiprocessing as mp

r, w = os.pipe()
reader, writer = Connection(r, writable=False), Connection(w, readable=False)

writer.send_bytes(b"hello")
print(os.read(r, 9))                       # the raw frame
writer.send({"a": [1, 2.5, "x"]})
raw = os.read(r, 4)
size = struct.unpack("!i", raw)[0]
import pickle
print(size, pickle.loads(os.read(r, size)))

writer.send_bytes(b"0123456789", 2, 5)
print(reader.recv_bytes())
writer.send_bytes(bytearray(b"ba"))
writer.send_bytes(memoryview(b"mview"))
writer.send_bytes(b"")
print(reader.recv_bytes(), reader.recv_bytes(), reader.recv_bytes())
for bad in [(b"abc", -1, None), (b"abc", 4, None), (b"abc", 0, -1), (b"abc", 1, 3)]:
    try:
        writer.send_bytes(*bad)
    except ValueError as e:
        print("ValueError", e)

# A frame written by hand is read back.
os.write(w, struct.pack("!i", 3) + b"xyz")
print(reader.recv_bytes())
os.write(w, struct.pack("!i", len(pickle.dumps((1, 2)))) + pickle.dumps((1, 2)))
print(reader.recv())

# maxlength: the message stays in the pipe and the end cannot be read again.
writer.send_bytes(b"toolong")
try:
    reader.recv_bytes(3)
except OSError as e:
    print("OSError", e)
print(reader.closed)
try:
    reader.recv_bytes(-1)
except Exception as e:
    print(type(e).__name__, e)

# End of file between messages and inside one.
a, b = mp.Pipe()
b.send_bytes(b"last")
b.close()
print(a.recv_bytes())
try:
    a.recv_bytes()
except EOFError as e:
    print("EOFError", repr(e.args))
a.close()

r, w = os.pipe()
c = Connection(r, writable=False)
os.write(w, struct.pack("!i", 10) + b"abc")
os.close(w)
try:
    c.recv_bytes()
except OSError as e:
    print(type(e).__name__, e)
c.close()

# A large message: the reader runs in a thread while the writer fills the pipe.
a, b = mp.Pipe()
big = bytes(range(256)) * 4000
got = []
t = threading.Thread(target=lambda: got.append(a.recv_bytes()))
t.start()
b.send_bytes(big)
t.join()
print(len(got[0]), got[0] == big)
t = threading.Thread(target=lambda: got.append(a.recv()))
t.start()
b.send(list(range(100000)))
t.join()
print(len(got[1]), sum(got[1]))

# Closed and one-way ends.
a.close()
for call in (lambda: a.send(1), lambda: a.recv(), lambda: a.send_bytes(b"")):
    try:
        call()
    except OSError as e:
        print("OSError", e)
r, w = os.pipe()
ro, wo = Connection(r, writable=False), Connection(w, readable=False)
for call in (lambda: ro.send(1), lambda: wo.recv(), lambda: wo.recv_bytes()):
    try:
        call()
    except OSError as e:
        print("OSError", e)
try:
    wo.send(lambda: 0)
except Exception as e:
    print(type(e).__name__)
wo.send("still fine")
print(ro.recv())
