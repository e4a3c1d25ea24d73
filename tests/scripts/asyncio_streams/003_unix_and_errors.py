# Unix-socket streams, and the errors streams report: IncompleteReadError,
# LimitOverrunError, refused connections, readline over the limit.
import asyncio
import os
import tempfile


async def greeter(reader, writer):
    name = await reader.readline()
    writer.write(b"hi " + name)
    await writer.drain()
    writer.close()


async def blob(reader, writer):
    writer.write(b"x" * 100 + b"\nshort")
    await writer.drain()
    writer.close()


async def main():
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "sock")
        server = await asyncio.start_unix_server(greeter, path)
        async with server:
            reader, writer = await asyncio.open_unix_connection(path)
            writer.write(b"unix\n")
            print(await reader.read())
            writer.close()
            await writer.wait_closed()

        server = await asyncio.start_unix_server(blob, path=os.path.join(d, "blob"))
        async with server:
            reader, writer = await asyncio.open_unix_connection(os.path.join(d, "blob"), limit=10)
            try:
                await reader.readline()
            except ValueError as e:
                print("ValueError:", e)
            try:
                await reader.readexactly(10)
            except asyncio.IncompleteReadError as e:
                print("IncompleteReadError:", e, e.partial, e.expected)
            writer.close()
            reader, writer = await asyncio.open_unix_connection(os.path.join(d, "blob"), limit=10)
            try:
                await reader.readuntil(b"\n")
            except asyncio.LimitOverrunError as e:
                print("LimitOverrunError:", e, e.consumed)
            try:
                await reader.readuntil(b"")
            except ValueError as e:
                print("ValueError:", e)
            writer.close()
    try:
        await asyncio.open_unix_connection("/nonexistent/socket/path")
    except FileNotFoundError as e:
        print("FileNotFoundError")
    server = await asyncio.start_server(greeter, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    server.close()
    await server.wait_closed()
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError as e:
        print("ConnectionRefusedError")
    r = asyncio.StreamReader()
    r.feed_data(b"line one\nline two\n")
    r.feed_eof()
    print([line async for line in r])
    try:
        asyncio.StreamReader(limit=0)
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
