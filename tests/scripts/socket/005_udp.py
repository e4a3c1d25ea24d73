# UDP on the loopback: sendto / recvfrom, connect + send.
import socket

r = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
r.bind(("127.0.0.1", 0))
addr = r.getsockname()
print(r.type, repr(r.type))
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for msg in [b"one", b"two", b"three" * 100]:
    print(s.sendto(msg, addr))
for _ in range(3):
    data, frm = r.recvfrom(4096)
    print(len(data), data[:5], frm == s.getsockname())
s.connect(addr)
s.send(b"connected")
print(r.recv(100))
print(s.sendto(b"flags", 0, addr))
print(r.recvfrom(3)[0])  # the rest of the datagram is dropped
r.settimeout(0.05)
try:
    r.recvfrom(10)
except TimeoutError as e:
    print("timeout", e)
s.close()
r.close()
