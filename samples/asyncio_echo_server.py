"""An asyncio echo server and its client, in one program.

    gilt samples/asyncio_echo_server.py            # server and 20 clients, then exit
    gilt samples/asyncio_echo_server.py serve 8888  # only the server, until Ctrl-C
    gilt samples/asyncio_echo_server.py client 8888 # one client against it

The server answers every line with the same line; each client sends a few
lines and checks the answers. All of it runs on one thread: while one
connection waits for data, the loop serves the others.
"""

import asyncio
import sys
import time


async def handle(reader, writer):
    peer = writer.get_extra_info("peername")
    lines = 0
    async for line in reader:
        writer.write(line)
        await writer.drain()
        lines += 1
    writer.close()
    await writer.wait_closed()
    return peer, lines


async def client(port, name, count=5):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for i in range(count):
        message = f"{name} says hello #{i}\n".encode()
        writer.write(message)
        await writer.drain()
        answer = await reader.readline()
        assert answer == message, (answer, message)
    writer.close()
    await writer.wait_closed()
    return count


async def serve(port):
    server = await asyncio.start_server(handle, "127.0.0.1", port)
    print("serving on", server.sockets[0].getsockname())
    async with server:
        await server.serve_forever()


async def demo(clients=20):
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    start = time.monotonic()
    async with server:
        counts = await asyncio.gather(*(client(port, f"client-{n}") for n in range(clients)))
    elapsed = time.monotonic() - start
    print(f"{clients} clients exchanged {sum(counts)} lines in {elapsed:.3f} s")


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "serve":
        try:
            asyncio.run(serve(int(sys.argv[2])))
        except KeyboardInterrupt:
            print("stopped")
    elif len(sys.argv) >= 3 and sys.argv[1] == "client":
        print(asyncio.run(client(int(sys.argv[2]), "client")), "lines echoed")
    else:
        asyncio.run(demo())
