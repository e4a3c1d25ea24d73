# Claim: the convoy effect. An I/O-bound thread beside a CPU-bound one gets
# much slower: each time it blocks it gives the GIL away, and getting it back
# from the CPU-bound thread can take a whole switch interval (CPython bpo-7946).
# gilt's io-priority policy, the fix proposed there, lets a thread back from
# I/O take the GIL at once.
#
#     gilt samples/teaching/04_convoy.py
#     gilt -X gilpolicy=io-priority samples/teaching/04_convoy.py
#     gilt -X giltimeline samples/teaching/04_convoy.py
import socket
import threading
import time

ROUNDS = 300


def round_trips():
    a, b = socket.socketpair()

    def echo():
        while data := b.recv(64):
            b.sendall(data)

    t = threading.Thread(target=echo, name="echo")
    t.start()
    start = time.perf_counter()
    for _ in range(ROUNDS):
        a.sendall(b"ping")
        a.recv(64)
    rate = ROUNDS / (time.perf_counter() - start)
    a.close()
    t.join()
    b.close()
    return rate


def spinner(stop):
    x = 0
    while not stop.is_set():
        x = (x * 31 + 7) % 1000003


alone = round_trips()
stop = threading.Event()
cpu = threading.Thread(target=spinner, args=(stop,), name="cpu")
cpu.start()
beside = round_trips()
stop.set()
cpu.join()
print(f"round trips alone: {alone:.0f}/s")
print(f"round trips beside a CPU-bound thread: {beside:.0f}/s")
print(f"slow-down: {alone / beside:.1f}x")
