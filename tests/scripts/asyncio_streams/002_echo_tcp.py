# A stream echo server over IPv4 and IPv6: readline, read, readexactly,
# readuntil, at_eof, write/drain, close/wait_closed, extra info and
# `async with server`.
import asyncio
import socket


async def handle(reader, writer):
    peer = writer.get_extra_info("peername")
    while line := await reader.readline():
        writer.write(line.upper())
        await writer.drain()
    writer.write(b"bye\n")
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def session(host, port):
    reader, writer = await asyncio.open_connection(host, port)
    print(type(reader).__name__, type(writer).__name__, writer.get_extra_info("peername")[1] == port)
    writer.write(b"hello\n")
    writer.writelines([b"second ", b"line\n", b"part"])
    await writer.drain()
    print(await reader.readline())
    print(await reader.readuntil(b" "))
    print(await reader.readexactly(5))
    writer.write(b"ial\n")
    print(await reader.read(100))
    print(writer.can_write_eof())
    writer.write_eof()
    print(await reader.read())
    print(reader.at_eof(), writer.is_closing())
    writer.close()
    print(writer.is_closing())
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    print(server.is_serving(), len(server.sockets), server.get_loop() is asyncio.get_running_loop())
    async with server:
        await session("127.0.0.1", port)
    print(server.is_serving(), server.sockets)
    if socket.has_ipv6:
        try:
            server6 = await asyncio.start_server(handle, "::1", 0)
        except OSError:
            print("no IPv6 loopback")
            return
        port6 = server6.sockets[0].getsockname()[1]
        async with server6:
            await session("::1", port6)
        print("ipv6 family:", server6.sockets == ())


asyncio.run(main())
