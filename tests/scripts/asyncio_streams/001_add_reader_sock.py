# add_reader/add_writer on a socket pair, and the sock_* coroutines over
# a loopback TCP connection.
import asyncio
import socket


async def main():
    loop = asyncio.get_running_loop()
    a, b = socket.socketpair()
    a.setblocking(False)
    b.setblocking(False)
    got = loop.create_future()

    def readable():
        got.set_result(a.recv(100))
        print("remove_reader:", loop.remove_reader(a))

    loop.add_reader(a, readable)
    b.send(b"ping")
    print(await got)
    print("remove again:", loop.remove_reader(a), loop.remove_writer(a))
    wrote = loop.create_future()

    def writable(tag):
        loop.remove_writer(b.fileno())
        wrote.set_result(tag)

    loop.add_writer(b.fileno(), writable, "writable")
    print(await wrote)

    b.send(b"xyz")
    print(await loop.sock_recv(a, 10))
    await loop.sock_sendall(a, b"hello" * 1000)
    total = b""
    while len(total) < 5000:
        total += await loop.sock_recv(b, 65536)
    print(len(total))
    a.close()
    b.close()

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.setblocking(False)
    client = socket.socket()
    client.setblocking(False)
    accept = asyncio.create_task(loop.sock_accept(server))
    await loop.sock_connect(client, server.getsockname())
    conn, addr = await accept
    print(addr[0], conn.gettimeout())
    await loop.sock_sendall(client, b"over tcp")
    print(await loop.sock_recv(conn, 100))
    buf = bytearray(4)
    await loop.sock_sendall(conn, b"back")
    print(await loop.sock_recv_into(client, buf), buf)
    for s in (server, client, conn):
        s.close()
    refused = socket.socket()
    refused.setblocking(False)
    try:
        await loop.sock_connect(refused, server.getsockname())
    except OSError as e:
        print(type(e).__name__)
    refused.close()


asyncio.run(main())
