# Every stream function and method the issue lists, over TCP and Unix sockets.
import asyncio
import os
import socket
import tempfile


async def handle(reader, writer):
    line = await reader.readline()
    writer.write(line.upper())
    data = await reader.readexactly(4)
    writer.writelines([data, b"|", b"tail\n"])
    await writer.drain()
    chunk = await reader.readuntil(b";")
    writer.write(chunk)
    rest = await reader.read()
    writer.write(b"rest=" + rest)
    print("server at_eof", reader.at_eof())
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(reader, writer):
    print("peername is tuple or str", type(writer.get_extra_info("peername")).__name__)
    sock = writer.get_extra_info("socket")
    print("socket", sock.fileno() > 0, sock.family.name, sock.getsockname() ==
          writer.get_extra_info("sockname"))
    print("missing extra", writer.get_extra_info("nope", "dflt"))
    writer.write(b"hello\n")
    print(await reader.readline())
    writer.write(b"abcd")
    print(await reader.readline())
    writer.write(b"x;y")
    print(await reader.readuntil(b";"))
    writer.write_eof()
    print(await reader.read())
    print("at_eof", reader.at_eof(), "closing", writer.is_closing())
    writer.close()
    print("closing", writer.is_closing())
    await writer.wait_closed()


async def errors():
    r = asyncio.StreamReader()
    r.feed_data(b"abc")
    r.feed_eof()
    try:
        await r.readexactly(5)
    except asyncio.IncompleteReadError as e:
        print("IncompleteReadError", e.partial, e.expected, str(e))
    r = asyncio.StreamReader(limit=4)
    r.feed_data(b"0123456789\n")
    try:
        await r.readline()
    except ValueError as e:
        print(type(e).__name__, e)
    r = asyncio.StreamReader(limit=4)
    r.feed_data(b"0123456789;")
    try:
        await r.readuntil(b";")
    except asyncio.LimitOverrunError as e:
        print("LimitOverrunError", e.consumed, str(e))
    r = asyncio.StreamReader()
    r.feed_data(b"ab")
    r.feed_eof()
    try:
        await r.readuntil(b";")
    except asyncio.IncompleteReadError as e:
        print("IncompleteReadError", e.partial)
    print(issubclass(asyncio.IncompleteReadError, EOFError),
          issubclass(asyncio.LimitOverrunError, Exception))


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        print("serving", server.is_serving())
        await client(*await asyncio.open_connection("127.0.0.1", port))
    print("after async with", server.is_serving())
    await server.wait_closed()

    if socket.has_ipv6:
        try:
            server6 = await asyncio.start_server(handle, "::1", 0)
        except OSError:
            server6 = None
        if server6 is not None:
            port6 = server6.sockets[0].getsockname()[1]
            await client(*await asyncio.open_connection("::1", port6))
            server6.close()
            await server6.wait_closed()
            print("ipv6 done")
        else:
            print("ipv6 done")

    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "s.sock")
        userver = await asyncio.start_unix_server(handle, path)
        await client(*await asyncio.open_unix_connection(path))
        userver.close()
        await userver.wait_closed()
        print("unix done")

    stopper = await asyncio.start_server(handle, "127.0.0.1", 0)
    serve = asyncio.create_task(stopper.serve_forever())
    await asyncio.sleep(0)
    print("serve_forever running", stopper.is_serving())
    serve.cancel()
    try:
        await serve
    except asyncio.CancelledError:
        print("serve_forever cancelled", stopper.is_serving())
    await stopper.wait_closed()
    await errors()


asyncio.run(main())
