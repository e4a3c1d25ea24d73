# The convoy effect, measured: an I/O thread's round trips per second alone
# and beside a CPU-bound thread, over a socketpair echo and over short sleeps.
# stdout is deterministic (the round trips that came back intact, for
# bench/compare); the rates and the slow-down go to stderr, and bench/gil_convoy
# runs this script under each -X gilpolicy beside python3.
import socket
import sys
import threading
import time

ROUNDS = 400
SLEEPS = 200


def echo_rounds(a, b):
    def echo():
        while True:
            data = b.recv(64)
            if not data:
                break
            b.sendall(data)

    t = threading.Thread(target=echo, name="echo")
    t.start()
    done = 0
    start = time.perf_counter()
    for _ in range(ROUNDS):
        a.sendall(b"ping")
        if a.recv(64) == b"ping":
            done += 1
    elapsed = time.perf_counter() - start
    a.close()
    t.join()
    b.close()
    return done, ROUNDS / elapsed


def sleep_rounds():
    start = time.perf_counter()
    for _ in range(SLEEPS):
        time.sleep(0.0002)
    return SLEEPS, SLEEPS / (time.perf_counter() - start)


def beside_cpu(work):
    stop = False

    def spinner():
        x = 0
        while not stop:
            x = (x * 31 + 7) % 1000003

    t = threading.Thread(target=spinner, name="cpu")
    t.start()
    try:
        return work()
    finally:
        stop = True
        t.join()


def main():
    results = []
    for label, work in (("echo", lambda: echo_rounds(*socket.socketpair())),
                        ("sleep", sleep_rounds)):
        done_alone, alone = work()
        done_beside, beside = beside_cpu(work)
        results.append(done_alone + done_beside)
        print(f"{label}: {alone:9.0f}/s alone {beside:9.0f}/s beside a CPU thread "
              f"slow-down {alone / beside:6.2f}x", file=sys.stderr)
    print(results)


main()
