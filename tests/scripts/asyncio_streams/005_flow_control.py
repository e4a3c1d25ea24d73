# Write flow control: a reader that does not read makes the writer's
# buffer pass the high-water mark, so drain() waits; once the reader
# drains the socket, drain() returns and every byte arrives in order.
import asyncio
import socket

CHUNK = b"0123456789abcdef" * 4096  # 64 KiB
CHUNKS = 64


async def main():
    release = asyncio.Event()
    received = bytearray()

    async def slow_reader(reader, writer):
        await release.wait()
        while data := await reader.read(1 << 16):
            received.extend(data)
        writer.close()

    server = await asyncio.start_server(slow_reader, "127.0.0.1", 0)
    # Small kernel buffers on both sides, so 4 MiB cannot hide in them.
    server.sockets[0].setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    port = server.sockets[0].getsockname()[1]
    async with server:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        transport = writer.transport
        transport.get_extra_info("socket").setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4096)
        print(transport.get_write_buffer_limits())
        transport.set_write_buffer_limits(high=256 * 1024)
        print(transport.get_write_buffer_limits())
        blocked = False
        for i in range(CHUNKS):
            writer.write(CHUNK)
            drain = asyncio.create_task(writer.drain())
            await asyncio.sleep(0.001)
            if not drain.done() and not blocked:
                blocked = True
                # Writing resumes only below the low mark (high / 4), so a
                # waiting drain means more than that is still buffered: how
                # far past the high mark depends on how fast the kernel
                # takes bytes, which is timing.
                print("drain waits; buffered more than the low mark:",
                      transport.get_write_buffer_size() > 64 * 1024)
                release.set()
            await drain
        release.set()
        print("some drain blocked:", blocked)
        writer.write_eof()
        await reader.read()
        writer.close()
        await writer.wait_closed()
    print(len(received) == CHUNKS * len(CHUNK), bytes(received[:16]), bytes(received[-16:]))
    try:
        transport.set_write_buffer_limits(high=1, low=2)
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
