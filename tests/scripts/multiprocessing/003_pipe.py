# Pipe and Connection: objects and bytes both ways, poll, EOF, errors.
import multiprocessing as mp


def echo(conn):
    while True:
        try:
            msg = conn.recv()
        except EOFError:
            break
        if msg == "stop":
            break
        conn.send(("echo", msg))
    conn.send_bytes(b"raw bytes", 4)
    conn.close()


if __name__ == "__main__":
    a, b = mp.Pipe()
    p = mp.Process(target=echo, args=(b,))
    p.start()
    for msg in [1, "two", [3.0, {"four": (5,)}], None, 10**30, b"\x00\xff"]:
        a.send(msg)
        print(a.recv())
    a.send("stop")
    print(a.recv_bytes())
    p.join()
    b.close()
    print("poll after child exit:", a.poll(1))
    try:
        a.recv()
    except EOFError:
        print("EOFError")
    a.close()
    print(a.closed)
    try:
        a.send(1)
    except OSError as e:
        print("OSError:", e)

    r, w = mp.Pipe(duplex=False)
    print(r.readable, r.writable, w.readable, w.writable)
    try:
        r.send(1)
    except OSError as e:
        print("OSError:", e)
    try:
        w.recv()
    except OSError as e:
        print("OSError:", e)
    print(r.poll(), r.poll(0.01))
    w.send_bytes(b"0123456789", 2, 5)
    print(r.poll(), r.recv_bytes())
    w.send_bytes(b"")
    print(repr(r.recv_bytes()))
    w.send_bytes(b"x" * 100)
    try:
        r.recv_bytes(10)
    except OSError as e:
        print("OSError:", e, r.closed)
    r, w = mp.Pipe(duplex=False)
    buf = bytearray(8)
    w.send_bytes(b"abc")
    print(r.recv_bytes_into(buf, 2), buf)
    w.send_bytes(b"123456789")
    try:
        r.recv_bytes_into(bytearray(4))
    except mp.BufferTooShort as e:
        print("BufferTooShort", e.args[0])
    for args in [(b"abc", -1), (b"abc", 4), (b"abc", 1, 5), (b"abc", 0, -1)]:
        try:
            w.send_bytes(*args)
        except ValueError as e:
            print("ValueError:", e)
    big = bytes(range(256)) * 150
    w.send_bytes(big)
    print(r.recv_bytes() == big)
    with r, w:
        pass
    print(r.closed, w.closed)
    try:
        mp.connection.Connection(-1)
    except ValueError as e:
        print("ValueError:", e)
