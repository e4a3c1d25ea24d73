# Socketpair echo round trips for threads_convoy and threads_echo_alone: the
# main thread sends, an echo thread answers. With `spin`, a CPU-bound thread
# runs beside them: each time the I/O threads block they give up the GIL, and
# getting it back from the spinning thread can take a switch interval (the
# convoy effect). Returns the number of round trips that came back intact.
import socket
import threading

ROUNDS = 300


def run(spin):
    a, b = socket.socketpair()
    stop = False

    def echo():
        while True:
            data = b.recv(64)
            if not data:
                break
            b.sendall(data)

    def spinner():
        x = 0
        while not stop:
            x = (x * 31 + 7) % 1000003

    threads = [threading.Thread(target=echo)]
    if spin:
        threads.append(threading.Thread(target=spinner))
    for t in threads:
        t.start()
    done = 0
    for _ in range(ROUNDS):
        a.sendall(b"ping")
        if a.recv(64) == b"ping":
            done += 1
    stop = True
    a.close()
    for t in threads:
        t.join()
    b.close()
    return done
