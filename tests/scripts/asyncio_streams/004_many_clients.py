# One server holding 1,000 concurrent loopback clients: every client is
# connected before any is answered, so all 1,000 connections are open at
# once.
import asyncio
import resource

CLIENTS = 1000
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
if soft < 2 * CLIENTS + 100:
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 4 * CLIENTS), hard))


async def main():
    connected = 0
    all_in = asyncio.Event()
    peak = 0

    async def handle(reader, writer):
        nonlocal connected, peak
        connected += 1
        peak = max(peak, connected)
        if connected == CLIENTS:
            all_in.set()
        await all_in.wait()
        data = await reader.readline()
        writer.write(data[::-1])
        await writer.drain()
        writer.close()
        connected -= 1

    async def client(i):
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(f"{i:04d}\n".encode())
        reply = await reader.read()
        writer.close()
        await writer.wait_closed()
        return reply

    server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=CLIENTS)
    port = server.sockets[0].getsockname()[1]
    async with server:
        replies = await asyncio.gather(*(client(i) for i in range(CLIENTS)))
    print(peak, len(replies), replies[0], replies[-1])
    print(all(r == f"\n{i:04d}"[::-1].encode()[::-1][::-1] or r == f"{i:04d}\n".encode()[::-1] for i, r in enumerate(replies)))


asyncio.run(main())
