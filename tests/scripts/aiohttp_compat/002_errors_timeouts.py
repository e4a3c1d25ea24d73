# golden-needs: aiohttp
# gilt's aiohttp: the exception hierarchy, raise_for_status, timeouts, and
# bodies cut short, against the local httpbin and a raw asyncio server.
# python3 here may lack aiohttp; the expected output was checked against
# aiohttp 3.9's documented behaviour (client exceptions reference: total
# timeout -> asyncio.TimeoutError, sock_read -> ServerTimeoutError) and
# regenerates from the real aiohttp wherever python3 has it. Against the
# real aiohttp 3.8.4 (Debian's) it differs in two places: 3.8's str() of
# ClientResponseError shows url=URL('...') where 3.9 shows url='...', and 3.8
# raises ServerDisconnectedError for a body that runs to EOF.
import asyncio
import aiohttp
import httpbin

server, BASE = httpbin.serve_in_thread()

print(issubclass(aiohttp.ClientConnectorError, aiohttp.ClientConnectionError),
      issubclass(aiohttp.ClientConnectionError, aiohttp.ClientError),
      issubclass(aiohttp.ServerTimeoutError, asyncio.TimeoutError),
      issubclass(aiohttp.ClientResponseError, aiohttp.ClientError),
      issubclass(aiohttp.ClientPayloadError, aiohttp.ClientError),
      issubclass(aiohttp.ClientConnectorError, OSError))

RAW = {
    b"/short": b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc",
    b"/chunked": b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n"
                 b"Content-Type: text/plain\r\n\r\n3\r\nabc\r\n4\r\ndefg\r\n0\r\n\r\n",
    b"/badchunk": b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc",
    b"/eof": b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end",
    b"/notjson": b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 2\r\n\r\n{}",
}


async def raw_handler(reader, writer):
    line = await reader.readline()
    while (await reader.readline()) not in (b"\r\n", b""):
        pass
    writer.write(RAW[line.split()[1]])
    await writer.drain()
    writer.close()


async def main():
    raw = await asyncio.start_server(raw_handler, "127.0.0.1", 0)
    RAWBASE = "http://127.0.0.1:%d" % raw.sockets[0].getsockname()[1]
    async with aiohttp.ClientSession() as session:
        async with session.get(BASE + "/status/404") as resp:
            print(resp.status, resp.ok)
            try:
                resp.raise_for_status()
            except aiohttp.ClientResponseError as exc:
                print(type(exc).__name__, exc.status, exc.message,
                      str(exc).startswith("404, message='Not Found', url='http://"))
        try:
            await session.get(BASE + "/status/503", raise_for_status=True)
        except aiohttp.ClientResponseError as exc:
            print("raise_for_status=True", exc.status, exc.message)

        try:
            await session.get(BASE + "/delay/3", timeout=aiohttp.ClientTimeout(total=0.3))
        except asyncio.TimeoutError as exc:
            print("total:", type(exc) is asyncio.TimeoutError)
        try:
            await session.get(BASE + "/delay/3", timeout=aiohttp.ClientTimeout(sock_read=0.3))
        except aiohttp.ServerTimeoutError as exc:
            print("sock_read:", isinstance(exc, asyncio.TimeoutError), exc)
        resp = await session.get(BASE + "/delay/1", timeout=aiohttp.ClientTimeout(total=5))
        print("in time:", resp.status)

        async with session.get(RAWBASE + "/chunked") as resp:
            print("chunked:", await resp.text())
        async with session.get(RAWBASE + "/eof") as resp:
            print("to eof:", await resp.read())
        for path in ("/short", "/badchunk"):
            async with session.get(RAWBASE + path) as resp:
                try:
                    await resp.read()
                except aiohttp.ClientPayloadError as exc:
                    print(path, type(exc).__name__)
        async with session.get(RAWBASE + "/notjson") as resp:
            try:
                await resp.json()
            except aiohttp.ContentTypeError as exc:
                print(type(exc).__name__, exc.message)
            print(await resp.json(content_type=None))

        try:
            await session.post(BASE + "/post", data="x", json={})
        except ValueError as exc:
            print("ValueError", exc)

    raw.close()
    await raw.wait_closed()
    async with aiohttp.ClientSession() as session:
        try:
            await session.get("http://127.0.0.1:1/")
        except aiohttp.ClientConnectorError as exc:
            print(type(exc).__name__, exc.host, exc.port,
                  str(exc).startswith("Cannot connect to host 127.0.0.1:1 ssl:default ["))


asyncio.run(main())
server.shutdown()
server.server_close()
