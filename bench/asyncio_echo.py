# 200 concurrent stream clients on loopback, each sending 100 lines to an
# echo server and reading every reply: requests per second through
# start_server/open_connection, readline, write and drain.
import asyncio

CLIENTS = 200
REQUESTS = 100


async def echo(reader, writer):
    while line := await reader.readline():
        writer.write(line)
        await writer.drain()
    writer.close()


async def client(port, n):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    total = 0
    for i in range(REQUESTS):
        writer.write(b"%d %d\n" % (n, i))
        await writer.drain()
        total += len(await reader.readline())
    writer.close()
    await writer.wait_closed()
    return total


async def main():
    server = await asyncio.start_server(echo, "127.0.0.1", 0, backlog=CLIENTS)
    port = server.sockets[0].getsockname()[1]
    async with server:
        totals = await asyncio.gather(*(client(port, n) for n in range(CLIENTS)))
    print(CLIENTS * REQUESTS, sum(totals))


asyncio.run(main())
