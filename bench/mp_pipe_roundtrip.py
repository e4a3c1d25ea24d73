# 20,000 request/reply round trips over a multiprocessing.Pipe.
import multiprocessing as mp

N = 20_000


def echo(conn):
    while True:
        msg = conn.recv()
        if msg is None:
            break
        conn.send(msg + 1)


if __name__ == "__main__":
    a, b = mp.Pipe()
    p = mp.Process(target=echo, args=(b,))
    p.start()
    total = 0
    for i in range(N):
        a.send(i)
        total += a.recv()
    a.send(None)
    p.join()
    print(total)
