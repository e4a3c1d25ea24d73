# golden-needs: aiohttp
# gilt's aiohttp TCPConnector: keep-alive reuse (one TCP connection for
# sequential requests), limit= and limit_per_host= bound the connections in
# use, force_close= opens one per request. A raw asyncio server counts the
# connections it accepts and the most open at once. python3 here may lack
# aiohttp; the expected output follows aiohttp 3.9's documented connector
# behaviour, prints the same as the real aiohttp 3.8.4 (Debian's), and
# regenerates from the real aiohttp wherever python3 has it.
import asyncio
import aiohttp

stats = {"accepted": 0, "open": 0, "peak": 0}


async def handler(reader, writer):
    stats["accepted"] += 1
    stats["open"] += 1
    stats["peak"] = max(stats["peak"], stats["open"])
    try:
        while True:
            line = await reader.readline()
            if not line:
                break
            while (await reader.readline()) not in (b"\r\n", b""):
                pass
            await asyncio.sleep(0.05 if b"/slow" in line else 0)
            body = line.split()[1]
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
            await writer.drain()
    finally:
        stats["open"] -= 1
        writer.close()


def reset():
    stats.update(accepted=0, peak=0)


async def main():
    srv = await asyncio.start_server(handler, "127.0.0.1", 0)
    base = "http://127.0.0.1:%d" % srv.sockets[0].getsockname()[1]

    async with aiohttp.ClientSession() as session:
        bodies = []
        for i in range(5):
            async with session.get(base + "/seq%d" % i) as resp:
                bodies.append(await resp.text())
        print(bodies, "accepted:", stats["accepted"])

    reset()
    connector = aiohttp.TCPConnector(limit=2)
    print(connector.limit, connector.limit_per_host)
    async with aiohttp.ClientSession(connector=connector) as session:
        resps = await asyncio.gather(*(session.get(base + "/slow%d" % i) for i in range(8)))
        print([await r.text() for r in resps])
    print("limit=2 peak:", stats["peak"], "accepted:", stats["accepted"])
    print(connector.closed)

    reset()
    connector = aiohttp.TCPConnector(limit_per_host=3)
    async with aiohttp.ClientSession(connector=connector) as session:
        await asyncio.gather(*(session.get(base + "/slow") for i in range(9)))
    print("limit_per_host=3 peak:", stats["peak"])

    reset()
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(force_close=True)) as session:
        for i in range(3):
            await session.get(base + "/x")
    await asyncio.sleep(0.05)
    print("force_close accepted:", stats["accepted"])

    srv.close()
    await srv.wait_closed()


asyncio.run(main())
